"""Times whosaid.extract_many on a JSON Lines file with 1 and 2 threads
(docs/performance.md, "Python").

usage: PYTHONPATH=build/python python3 tests/bench/extract_many.py FILE [THREADS...]

Reads FILE into memory first, so only extraction and the result dicts are
timed; checks that every thread count gives the same results.
"""

import json
import sys
import time

import whosaid


def main(path, thread_counts):
    with open(path, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    megabytes = sum(len(r["text"].encode()) for r in records) / 1e6
    extractor = whosaid.Extractor()
    baseline = None
    for threads in thread_counts:
        start = time.perf_counter()
        results = list(extractor.extract_many(records, threads=threads))
        seconds = time.perf_counter() - start
        baseline = baseline or (seconds, results)
        assert results == baseline[1], f"{threads} threads gave other results"
        print(
            f"threads={threads}: {len(records)} documents, {megabytes:.2f} MB "
            f"in {seconds:.1f} s, {megabytes / seconds:.3f} MB/s, "
            f"{baseline[0] / seconds:.2f}x the first"
        )


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], [int(t) for t in sys.argv[2:]] or [1, 2])
