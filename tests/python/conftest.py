"""Shared fixtures of the Python tests: the command line to compare with,
the repository's files, and hand-written documents.

ctest runs these tests with PYTHONPATH set to the build's python/ folder
and WHOSAID_BINARY to the command line (tests/CMakeLists.txt).
"""

import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE_ARTICLE = REPO / "docs" / "example-article.txt"
SEED_ARTICLE = REPO.parent / "shared" / "examples" / "seed-article.txt"

# Hand-written documents covering each kind of attribution, multibyte
# characters before the spans, and texts with nothing to find.
CASES = [
    {"id": "direct", "text": '"The pier is open," Ana Ruiz said on Monday.'},
    {
        "id": "curly and pronoun",
        "text": "Ana Ruiz spoke first.\n\n“Yes,” she said. “We will build it.”",
    },
    {
        "id": "indirect",
        "text": "The minister said the budget would be cut by ten percent.",
    },
    {
        "id": "mixed",
        "text": 'Tom Becker said the plan was "a disaster" for the harbour.',
    },
    {
        "id": "according to",
        "text": "According to the Ellery Gazette, the council will vote again.",
    },
    {
        "id": "continuation",
        "text": "“We waited,” Becker said.\n\n“Now we act.”",
    },
    {
        "id": "accents",
        "text": "« Ça suffit », a dit Zoë. Élodie Brûlé said: “Déjà vu.”",
    },
    {"id": "nothing", "text": "The sea wall failed in January."},
    {"id": "empty", "text": ""},
]


@pytest.fixture(scope="session")
def cli():
    """Runs the whosaid command line; returns the CompletedProcess."""
    binary = os.environ.get("WHOSAID_BINARY")
    if not binary:
        pytest.skip("WHOSAID_BINARY is not set (run the tests through ctest)")

    def run(*args, check=True):
        done = subprocess.run(
            [binary, *map(str, args)], capture_output=True, timeout=600
        )
        if check and done.returncode != 0:
            raise AssertionError(done.stderr.decode())
        return done

    return run


@pytest.fixture(scope="session")
def cli_jsonl(cli, tmp_path_factory):
    """The command line's results for a list of records, as dicts."""

    def run(records, *flags):
        path = tmp_path_factory.mktemp("in") / "records.jsonl"
        write_jsonl(path, records)
        out = cli("extract", "--format", "jsonl", *flags, path).stdout
        return [json.loads(line) for line in out.decode().splitlines()]

    return run


def write_jsonl(path, records):
    """Writes `records` as JSON Lines, UTF-8."""
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
