"""The whosaid Python module: results, ids, offsets, errors, threads, and
equality with the command line."""

import concurrent.futures
import sys
import threading

import pytest

import whosaid
from conftest import CASES, EXAMPLE_ARTICLE, SEED_ARTICLE


@pytest.fixture(scope="module")
def extractor():
    return whosaid.Extractor()


def test_result_has_the_schema_of_an_output_line(extractor):
    text = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    result = extractor.extract(text, id="article")
    assert set(result) == {"id", "text", "quotes", "entities"}
    assert result["id"] == "article"
    assert result["text"] == text
    assert len(result["quotes"]) > 0
    for quote in result["quotes"]:
        assert quote["type"] in {"direct", "mixed", "indirect"}
        assert isinstance(quote["content"], list)
        assert all(isinstance(offset, int) for offset in quote["content"])
        assert isinstance(quote["content_text"], str)
        assert isinstance(quote["confidence"], float)
        assert isinstance(quote["negated"], bool)
        assert isinstance(quote["via"], list)
        assert quote["entity"] is None or isinstance(quote["entity"], int)
    for entity in result["entities"]:
        assert isinstance(entity["name"], str)
        assert all(len(mention) == 2 for mention in entity["mentions"])


def test_module_functions_use_one_shared_extractor():
    assert whosaid.default_extractor() is whosaid.default_extractor()
    text = CASES[0]["text"]
    assert whosaid.extract(text) == whosaid.Extractor().extract(text)
    assert list(whosaid.extract_many(CASES, threads=2)) == [
        whosaid.extract(case["text"], id=case["id"]) for case in CASES
    ]


def test_with_text_false_leaves_the_text_out(extractor):
    result = extractor.extract(CASES[0]["text"], with_text=False)
    assert "text" not in result
    assert result["quotes"] == extractor.extract(CASES[0]["text"])["quotes"]


def test_ids(extractor, cli_jsonl):
    assert extractor.extract("x")["id"] == ""
    assert extractor.extract("x", id="a/b.txt")["id"] == "a/b.txt"
    # Numbers are named by their JSON text, as the command line does.
    records = [{"id": i, "text": "x"} for i in ("s", 7, -3, 2.5, 1e20, 10**30)]
    expected = [r["id"] for r in cli_jsonl(records)]
    assert [r["id"] for r in extractor.extract_many(records)] == expected
    assert expected[:4] == ["s", "7", "-3", "2.5"]
    # Without a usable id a record is named by its position.
    unnamed = [{"text": "x"}, {"id": None, "text": "x"}, {"id": True, "text": "x"}]
    assert [r["id"] for r in extractor.extract_many(unnamed)] == ["0", "1", "2"]


def test_spans_are_byte_offsets_and_str_span_converts_them(extractor):
    for case in CASES:
        text = case["text"]
        data = text.encode("utf-8")
        for quote in extractor.extract(text)["quotes"]:
            for field in ("content", "cue", "speaker"):
                if quote[field] is None:
                    continue
                begin, end = quote[field]
                assert data[begin:end].decode("utf-8") == quote[field + "_text"]
                i, j = whosaid.str_span(text, quote[field])
                assert text[i:j] == quote[field + "_text"]


def test_str_index():
    text = "“Yes,” she said"
    assert whosaid.str_index(text, 0) == 0
    assert whosaid.str_index(text, 3) == 1
    assert whosaid.str_span(text, [3, 7]) == (1, 5)
    assert whosaid.str_index(text, len(text.encode())) == len(text)
    with pytest.raises(ValueError, match="inside a character"):
        whosaid.str_index(text, 1)
    with pytest.raises(IndexError, match="outside"):
        whosaid.str_index(text, 100)
    with pytest.raises(IndexError):
        whosaid.str_index(text, -1)


def test_bytes_that_are_not_utf8_are_processed_with_a_warning(extractor):
    result = extractor.extract(b'"Fine," Ruiz said.\n\n\xff')
    assert result["warnings"] == ["invalid UTF-8 at byte offset 20"]
    assert result["text"] == '"Fine," Ruiz said.\n\n\ufffd'
    assert result["quotes"][0]["speaker_text"] == "Ruiz"


def test_bad_arguments_raise(extractor):
    with pytest.raises(TypeError, match="str or bytes, not int"):
        extractor.extract(5)
    with pytest.raises(ValueError, match="at least 1"):
        extractor.extract_many([], threads=0)
    with pytest.raises(TypeError):
        extractor.extract_many(5)


def cli_error(cli, *args):
    """What the command line says on stderr, without its "whosaid: "."""
    done = cli(*args, check=False)
    assert done.returncode == 2
    return done.stderr.decode().strip().removeprefix("whosaid: ")


def write_pack(folder, rule_id, rule_yaml):
    """Writes a one-rule pack named after `folder`; returns the folder."""
    (folder / "rules").mkdir(parents=True)
    (folder / "pack.yaml").write_text(f"name: {folder.name}\n")
    (folder / "rules" / f"{rule_id}.yaml").write_text(f"id: {rule_id}\n" + rule_yaml)
    return folder


def test_rule_pack_errors_have_the_command_lines_messages(cli, tmp_path):
    missing = tmp_path / "missing"
    with pytest.raises(whosaid.RulesError) as error:
        whosaid.Extractor(rules=[str(missing)])
    assert str(error.value) == cli_error(cli, "rules", "list", "--rules", missing)

    broken = write_pack(
        tmp_path / "broken",
        "broken.rule",
        "description: d\nauthor: someone\ntype: direct\n"
        "pattern: '%{QUOTE:content} (?P<speaker>X)'\n",
    )
    with pytest.raises(whosaid.RulesError) as error:
        whosaid.Extractor(rules=[str(broken)])
    assert str(error.value) == cli_error(cli, "rules", "list", "--rules", broken)
    assert "broken.rule.yaml:3:1" in str(error.value)
    assert isinstance(error.value, whosaid.Error)
    assert isinstance(error.value, ValueError)


def test_a_user_pack_is_loaded_like_the_command_lines(cli_jsonl, tmp_path):
    pack = write_pack(
        tmp_path / "newsroom",
        "newsroom.quote_speaker_grumbled",
        "description: d\ntype: direct\n"
        "pattern: '%{QUOTE:content},?[ ]+(?P<speaker>%{NAME}) (?P<cue>grumbled)'\n",
    )
    extractor = whosaid.Extractor(rules=[str(pack)])
    assert "newsroom.quote_speaker_grumbled" in extractor.rule_ids
    record = {"id": "g", "text": '"Too late," Tom Becker grumbled.'}
    result = extractor.extract(record["text"], id="g")
    assert result["quotes"][0]["rule"] == "newsroom.quote_speaker_grumbled"
    assert result == cli_jsonl([record], "--rules", pack)[0]


def test_bad_records_raise_after_the_results_before_them(extractor):
    for bad, message in [
        ("text", 'record 2: not a JSON object'),
        ({"id": "x"}, 'record 2: missing "text"'),
        ({"text": 5}, 'record 2: "text" is not a string'),
    ]:
        stream = extractor.extract_many(CASES[:2] + [bad] + CASES[2:], threads=2)
        assert next(stream)["id"] == CASES[0]["id"]
        assert next(stream)["id"] == CASES[1]["id"]
        with pytest.raises(whosaid.InputError) as error:
            next(stream)
        assert str(error.value) == message
        with pytest.raises(StopIteration):
            next(stream)


def test_an_exception_of_the_input_comes_after_the_results_before_it(extractor):
    def records():
        yield CASES[0]
        yield CASES[1]
        raise RuntimeError("the archive is corrupt")

    results = []
    with pytest.raises(RuntimeError, match="the archive is corrupt"):
        for result in extractor.extract_many(records(), threads=2):
            results.append(result["id"])
    assert results == [CASES[0]["id"], CASES[1]["id"]]


def test_extract_many_gives_the_same_results_in_order_for_any_threads(extractor):
    records = [dict(case, id=f"{i}") for i, case in enumerate(CASES * 5)]
    one = list(extractor.extract_many(records, threads=1))
    assert [r["id"] for r in one] == [r["id"] for r in records]
    assert one == [extractor.extract(r["text"], id=r["id"]) for r in records]
    for threads in (2, 3, None):
        assert list(extractor.extract_many(iter(records), threads=threads)) == one


def test_extract_many_reads_its_input_lazily(extractor):
    pulled = 0

    def records():
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield {"id": i, "text": CASES[0]["text"]}

    stream = extractor.extract_many(records(), threads=2)
    assert next(stream)["id"] == "0"
    assert pulled < 100  # a few per thread ahead, not the whole input
    del stream  # stops the workers


def test_one_extractor_serves_many_python_threads(extractor):
    texts = [case["text"] for case in CASES] * 4
    expected = [extractor.extract(text) for text in texts]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(extractor.extract, texts)) == expected


def test_extract_releases_the_gil(extractor):
    # With a huge switch interval the GIL changes hands only when released.
    # If extract kept it, this thread would run again only after the worker
    # had done all its calls.
    text = EXAMPLE_ARTICLE.read_text(encoding="utf-8") * 20
    calls = 30
    done = 0
    started = threading.Event()

    def work():
        nonlocal done
        started.set()
        for _ in range(calls):
            extractor.extract(text)
            done += 1

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        started.wait()
        assert done < calls
    finally:
        sys.setswitchinterval(interval)
        worker.join()


def test_equal_to_the_command_line_on_hand_written_cases(extractor, cli_jsonl):
    assert list(extractor.extract_many(CASES)) == cli_jsonl(CASES)
    assert list(extractor.extract_many(CASES, with_text=False)) == cli_jsonl(
        CASES, "--no-text"
    )


@pytest.mark.parametrize(
    "path", [EXAMPLE_ARTICLE, SEED_ARTICLE], ids=["example", "seed"]
)
def test_equal_to_the_command_line_on_articles(extractor, cli, path):
    if not path.exists():
        pytest.skip(f"{path} is absent")
    import json

    expected = json.loads(cli("extract", "--format", "jsonl", path).stdout)
    text = path.read_bytes()
    assert extractor.extract(text, id=str(path)) == expected
    assert extractor.extract(text.decode("utf-8"), id=str(path)) == expected
