"""bytes -> str: BOMs, UTF-8, Chinese legacy encodings, and binary refused with a reason."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual_news import InputError, parse
from bilingual_news.decode import _control_share, decode

SIMPLIFIED = "外交部发言人表示，中国和俄罗斯是搬不走的好邻居。双方将继续深化合作，共同维护地区和平与稳定。"
TRADITIONAL = "這位加拿大大叔在中國生活十多年，他向海外網友推薦了一個他認為了不得的去處：公園。"


def test_utf8_decodes() -> None:
    assert decode(SIMPLIFIED.encode("utf-8")) == SIMPLIFIED


def test_utf8_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8")) == SIMPLIFIED


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_decodes(encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + SIMPLIFIED.encode(encoding)) == SIMPLIFIED


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "gb2312"])
def test_simplified_legacy_encodings_decode(encoding: str) -> None:
    assert decode(SIMPLIFIED.encode(encoding)) == SIMPLIFIED


def test_big5_decodes() -> None:
    assert decode(TRADITIONAL.encode("big5")) == TRADITIONAL


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "a PNG image"),
        (b"PK\x03\x04" + bytes(64), "a zip archive"),
        (b"%PDF-1.7\n" + bytes(64), "a PDF document"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what):
        decode(data)


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(InputError, match="binary data"):
        decode(b"abc\x00def" * 10)


def test_control_characters_are_binary() -> None:
    with pytest.raises(InputError, match="control characters"):
        decode(bytes(range(1, 9)) * 20)


def test_parse_accepts_bytes() -> None:
    doc = parse(SIMPLIFIED.encode("gb18030"))
    assert doc.raw == SIMPLIFIED


def test_decode_errors_name_the_source() -> None:
    with pytest.raises(InputError, match=r"^page\.bin: "):
        decode(b"\x89PNG\r\n\x1a\n", source="page.bin")


def test_mostly_english_page_in_gb18030_decodes(seed_text: str) -> None:
    assert decode(seed_text.encode("gb18030")) == seed_text


def test_mostly_english_page_in_big5_decodes() -> None:
    page = "首頁 資訊\n\nA long English headline about trade\n\nThe body is English prose, and only the menu is not.\n"
    assert decode(page.encode("big5")) == page


def _salted(text: str, every: int) -> str:
    """``text`` with a BEL, BS or ACK after every ``every``-th character, as a broken conversion leaves it."""
    salt = "\x07\x08\x06"
    return "".join(ch + (salt[i % 3] if i % every == every - 1 else "") for i, ch in enumerate(text))


_PAGE_WITH_CONTROLS = "The ferry to the island runs twice a day in winter. 渡船冬天每天开两班，夏天每小时一班。\n" * 20


def test_utf8_with_stray_controls_is_text() -> None:
    assert decode(_salted(_PAGE_WITH_CONTROLS, 16).encode("utf-8")) == _salted(_PAGE_WITH_CONTROLS, 16)


def test_stray_controls_are_removed_with_a_warning() -> None:
    doc = parse(_salted(_PAGE_WITH_CONTROLS, 16).encode("utf-8"))
    assert "\x07" not in doc.text
    assert any("stray control characters" in w for w in doc.warnings)


def test_controls_with_little_text_between_are_binary() -> None:
    with pytest.raises(InputError, match="control characters"):
        decode(_salted(_PAGE_WITH_CONTROLS, 2).encode("utf-8"))


# ------------------------------------------------------------------ the fast control count
CONTROLISH = st.text(alphabet=st.sampled_from([chr(c) for c in range(0x21)] + list("a中\x7f\x85é")), max_size=200)


@settings(max_examples=300)
@given(CONTROLISH)
def test_control_share_counts_what_the_character_loop_counts(text: str) -> None:
    sample = text[:65536]
    slow = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f") / len(sample) if sample else 0.0
    assert _control_share(text) == slow
