"""Encodings: every page reads back from each encoding that can hold it, English pages whose
only non-ASCII characters are symbols included; binary data is refused, saying what it is."""

from __future__ import annotations

import codecs
import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from bilingual_news import InputError, parse
from bilingual_news.decode import decode
from bilingual_news.testing import make_page
from helpers import corpus_pages, needs_corpus

ENCODERS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "gb18030": lambda text: text.encode("gb18030"),
    "gbk": lambda text: text.encode("gbk"),
    "gb2312": lambda text: text.encode("gb2312"),
    "big5": lambda text: text.encode("big5"),
    "utf-16-le with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
}
"""How a page is turned into bytes, by the name of its encoding."""

LEGACY = ("gb18030", "gbk", "gb2312", "big5")


def _expected(text: str, encoding: str) -> str:
    """What decoding gives back: the text, less a leading U+FEFF that plain UTF-8 makes a BOM;
    GB2312 and GBK are read as GB18030, their superset, which maps a few of their symbols to
    other code points (GB2312's ``・`` is GB18030's ``·``)."""
    if encoding in ("gb2312", "gbk"):
        return text.encode(encoding).decode("gb18030")
    return text.removeprefix("\ufeff") if encoding == "utf-8" else text


def _in(text: str, encoding: str) -> str:
    """The text cut down to the characters ``encoding`` holds (a page in a legacy encoding has
    no others)."""
    codec = "big5" if encoding == "big5" else "gb2312" if encoding == "gb2312" else encoding
    if codec not in LEGACY:
        return text
    return text.encode(codec, errors="ignore").decode(codec)


@needs_corpus
@pytest.mark.parametrize("encoding", list(ENCODERS))
def test_corpus_pages_round_trip_through_each_encoding(encoding: str) -> None:
    wrong = []
    for page in corpus_pages():
        text = _in((page / "raw.txt").read_text(encoding="utf-8"), encoding)
        if decode(ENCODERS[encoding](text)) != _expected(text, encoding):
            wrong.append(page.name)
    assert wrong == []


@pytest.mark.parametrize("encoding", list(ENCODERS))
def test_synthetic_pages_round_trip_through_each_encoding(encoding: str) -> None:
    wrong = []
    for seed in range(16):
        text = _in(make_page(seed).raw, encoding)
        if decode(ENCODERS[encoding](text)) != _expected(text, encoding):
            wrong.append(seed)
    assert wrong == []


ENGLISH = (
    "The ministry said on Monday{a} that trade between the two countries grew by 5 percent{b} last year.\n\n"
    "Officials expect the figure to rise again{a} once the new port opens in the autumn{b}.\n"
)
"""An English page written for these tests, with a place for a symbol or two."""

SYMBOLS = [("“", "”"), ("‘", "’"), ("—", "…"), ("·", "•"), ("°", "×"), ("©", "®"), ("■", "■")]
"""Symbols an English page carries while everything else is ASCII."""


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


SYMBOL_CASES = [
    (encoding, a, b)
    for encoding in ("gb18030", "gbk", "big5")
    for a, b in SYMBOLS
    if _encodable(ENGLISH.format(a=a, b=b), encoding)
]
"""Each encoding with each pair of symbols it holds (Big5 has no ``©``, say)."""


@pytest.mark.parametrize(("encoding", "a", "b"), SYMBOL_CASES)
def test_an_english_page_whose_only_non_ascii_characters_are_symbols_decodes(encoding: str, a: str, b: str) -> None:
    page = ENGLISH.format(a=a, b=b)
    assert decode(page.encode(encoding)) == page


def test_a_big5_bullet_on_an_english_page_is_not_read_as_a_gb2312_bracket() -> None:
    page = "■ Trade grew by 5 percent last year, the ministry said.\n■ Officials expect more growth.\n"
    assert decode(page.encode("big5")) == page


def test_a_gbk_character_on_an_english_page_is_not_read_as_latin_letters() -> None:
    page = "The word 中国 means China, and the rest of this page is English prose about it.\n"
    assert decode(page.encode("gbk")) == page


def test_latin_1_letters_on_an_english_page_stay_latin_letters() -> None:
    page = "The café served crème brûlée and the naïve critic wrote a résumé of it.\n"
    assert decode(page.encode("cp1252")) == page


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(random.Random(1).randrange(256) for _ in range(512))


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("page.txt", "中文 English " * 200)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "what"),
    [(_png, "a PNG image"), (_zip, "a zip archive")],
    ids=["png", "zip"],
)
def test_binary_files_are_refused_by_name(make: Callable[[], bytes], what: str) -> None:
    with pytest.raises(InputError, match=what):
        parse(make())


@pytest.mark.parametrize("seed", range(8))
def test_random_bytes_are_refused_as_binary(seed: int) -> None:
    data = random.Random(seed).randbytes(4096)
    with pytest.raises(InputError, match=r"binary data|decode as none"):
        parse(data)


def test_the_example_pages_read_as_bytes_in_every_encoding_that_holds_them() -> None:
    examples = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))
    wrong = []
    for path in examples:
        text = path.read_text(encoding="utf-8")
        for name, encode in ENCODERS.items():
            try:
                data = encode(text)
            except UnicodeEncodeError:
                continue
            if decode(data) != _expected(text, name):
                wrong.append((path.name, name))
    assert wrong == []
