"""whosaid: who said what in news text.

Finds the quoted and reported statements of a text and says who said them:
content, cue, stance, speaker (resolved to the fullest name in the text),
relays and the rule that fired. Each result is a dict with the schema of one
line of `whosaid extract`'s JSON Lines output (docs/output.md), equal to
what the command line writes for the same input.

    import whosaid
    result = whosaid.extract(open("article.txt").read())
    for quote in result["quotes"]:
        print(quote["speaker_name"], "->", quote["content_text"])

Use an Extractor for custom rule packs, and Extractor.extract_many (or
whosaid.extract_many) to process many documents on several threads.
Spans are UTF-8 byte offsets; str_index and str_span convert them to
indices into the Python str.
"""

import threading

from ._whosaid import Error, Extractor, InputError, ResultStream, RulesError

__all__ = [
    "Error",
    "Extractor",
    "InputError",
    "ResultStream",
    "RulesError",
    "default_extractor",
    "extract",
    "extract_many",
    "str_index",
    "str_span",
]

# Named whosaid.X rather than whosaid._whosaid.X in reprs and tracebacks.
for _name in ("Error", "Extractor", "InputError", "ResultStream", "RulesError"):
    globals()[_name].__module__ = __name__
del _name

_default_extractor = None
_default_lock = threading.Lock()


def default_extractor():
    """The process's shared Extractor with the default packs.

    Loaded on first use (the English pack and $WHOSAID_RULES, as the
    command line without --rules), then reused by extract and extract_many.
    Thread-safe.
    """
    global _default_extractor
    with _default_lock:
        if _default_extractor is None:
            _default_extractor = Extractor()
        return _default_extractor


def extract(text, id=None, with_text=True):
    """Finds the attributions in one text, with the default packs.

    Same as default_extractor().extract(text, id, with_text): returns the
    dict of one JSON Lines output line ("id", "text", "quotes", "entities",
    and "warnings" when there are some). `text` is a str or bytes.
    """
    return default_extractor().extract(text, id=id, with_text=with_text)


def extract_many(records, threads=None, with_text=True):
    """Extracts an iterable of {"id", "text"} dicts, with the default packs.

    Same as default_extractor().extract_many(records, threads, with_text):
    yields one result dict per record, in input order, using `threads`
    worker threads (None: every core).
    """
    return default_extractor().extract_many(
        records, threads=threads, with_text=with_text
    )


def str_index(text, byte_offset):
    """The index into the str `text` of UTF-8 byte offset `byte_offset`.

    whosaid's spans count UTF-8 bytes; Python's str counts code points.
    In "“Yes,” she said" byte offset 3 is index 1. Raises IndexError when
    the offset is outside the text's bytes and ValueError when it falls
    inside a character (which whosaid's spans never do).
    """
    data = text.encode("utf-8")
    if not 0 <= byte_offset <= len(data):
        raise IndexError(
            f"byte offset {byte_offset} is outside the text's {len(data)} bytes"
        )
    try:
        return len(data[:byte_offset].decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError(
            f"byte offset {byte_offset} falls inside a character"
        ) from None


def str_span(text, span):
    """The (begin, end) str indices of a [begin, end] byte span of `text`.

    text[begin:end] is then the span's text, e.g. quote["content_text"]
    for span quote["content"]. Raises as str_index does.
    """
    begin, end = span
    return str_index(text, begin), str_index(text, end)
