"""Times whosaid.extract_many on a JSON Lines file with 1 and 2 threads
(docs/performance.md, "Python").

usage: PYTHONPATH=build/python python3 tests/bench/extract_many.py FILE
           [--threads 1 2] [--rounds 3]

Reads FILE into memory first, so that only extraction and building the
result dicts are timed. Runs the thread counts in turn, `rounds` times,
and reports the best time of each: on a shared machine the best run is the
one least slowed by others. Checks that every run gives the same results.
"""

import argparse
import json
import time

import whosaid


def timed(extractor, records, threads):
    """(seconds, results) of one extract_many run."""
    start = time.perf_counter()
    results = list(extractor.extract_many(records, threads=threads))
    return time.perf_counter() - start, results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with open(args.file, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    megabytes = sum(len(r["text"].encode()) for r in records) / 1e6
    extractor = whosaid.Extractor()
    best = {}
    expected = None
    for _ in range(args.rounds):
        for threads in args.threads:
            seconds, results = timed(extractor, records, threads)
            expected = expected or results
            assert results == expected, f"{threads} threads gave other results"
            best[threads] = min(seconds, best.get(threads, seconds))
    first = best[args.threads[0]]
    for threads, seconds in best.items():
        print(
            f"threads={threads}: {len(records)} documents, {megabytes:.2f} MB, "
            f"best of {args.rounds} {seconds:.2f} s, {megabytes / seconds:.3f} MB/s, "
            f"{first / seconds:.2f}x threads={args.threads[0]}"
        )


if __name__ == "__main__":
    main()
