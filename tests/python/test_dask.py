"""The Dask pipeline of docs/scale.md, run as it is written on a local
cluster of two worker processes, gives what the command line gives."""

import pathlib
import subprocess
import sys

import pytest

from conftest import CASES, EXAMPLE_ARTICLE, REPO, SEED_ARTICLE, write_jsonl

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

MARKER = "<!-- tests/python/test_dask.py runs the next block -->"


def pipeline_script():
    """The Python block that follows MARKER in docs/scale.md."""
    doc = (REPO / "docs" / "scale.md").read_text(encoding="utf-8")
    after = doc.split(MARKER, 1)[1].lstrip()
    assert after.startswith("```python\n"), "the marker must precede a block"
    return after[len("```python\n") :].split("\n```", 1)[0] + "\n"


def test_the_dask_pipeline_writes_what_the_command_line_writes(cli, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    articles = [{"id": "example", "text": EXAMPLE_ARTICLE.read_text("utf-8")}]
    if SEED_ARTICLE.exists():
        articles.append({"id": "seed", "text": SEED_ARTICLE.read_text("utf-8")})
    write_jsonl(inputs / "a.jsonl", CASES)
    write_jsonl(inputs / "b.jsonl", articles)
    write_jsonl(inputs / "c.jsonl", [dict(c, id=f"c{i}") for i, c in enumerate(CASES)])
    with open(inputs / "c.jsonl", "a", encoding="utf-8") as c:
        c.write("\n")  # a blank line, skipped by both
    script = tmp_path / "whosaid_dask.py"
    script.write_text(pipeline_script(), encoding="utf-8")
    output = tmp_path / "out"

    subprocess.run(
        [sys.executable, str(script), f"{inputs}/*.jsonl", str(output)],
        check=True,
        timeout=600,
    )

    written = sorted(output.glob("*.jsonl"))
    assert [p.name for p in written] == ["00000.jsonl", "00001.jsonl", "00002.jsonl"]
    got = b"".join(p.read_bytes() for p in written)
    expected = cli("extract", "--format", "jsonl", *sorted(inputs.glob("*.jsonl")))
    assert got.count(b"\n") == 2 * len(CASES) + len(articles)
    assert got == expected.stdout
