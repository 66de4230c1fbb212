"""Total: parse() returns a Document for every str, the hardest we could build included, in
bounded time; the only errors are InputError, for wrong types, undecodable bytes and pages over
ParseOptions.max_chars."""

from __future__ import annotations

from pathlib import Path

import pytest

import bilingual_news
from bilingual_news import InputError, ParseOptions
from bilingual_news.options import DEFAULT_MAX_CHARS
from reliability_inputs import PAGES
from watchdog import run_cases

PAGE_LIMIT = 300.0
"""Seconds one of the pages may take before it is called hung: the largest (a few MB) parse in
seconds; a page that backtracks or loops quadratically takes hours. Generous for a busy CI
machine, and finite."""


def test_the_hardest_pages_parse_keep_the_guarantees_and_end() -> None:
    count, bad = run_cases([str(Path(__file__).with_name("reliability_inputs.py"))], limit=PAGE_LIMIT)
    names = list(PAGES)
    assert count == len(names)
    assert [(names[o.index], o.what, o.detail) for o in bad] == []


@pytest.mark.parametrize("page", [None, 42, 3.5, ["a"], {"a": 1}, object()], ids=repr)
def test_a_page_of_the_wrong_type_is_an_input_error(page: object) -> None:
    with pytest.raises(InputError, match="expected the page as str or bytes"):
        bilingual_news.parse(page)  # type: ignore[arg-type]


def test_a_page_over_max_chars_is_an_input_error_that_says_so() -> None:
    with pytest.raises(InputError, match=r"at most 100 characters \(ParseOptions.max_chars\), got 101"):
        bilingual_news.parse("a" * 101, options=ParseOptions(max_chars=100))


def test_bytes_far_over_max_chars_are_refused_before_decoding() -> None:
    data = b"\x89PNG\r\n\x1a\n" + bytes(1000)  # binary, but first of all too long to be 100 characters
    with pytest.raises(InputError, match=r"at most 100 characters \(ParseOptions.max_chars\), got 1,008 bytes"):
        bilingual_news.parse(data, options=ParseOptions(max_chars=100))


def test_a_page_at_max_chars_parses() -> None:
    assert bilingual_news.parse("a" * 100, options=ParseOptions(max_chars=100)).raw == "a" * 100


def test_the_default_max_chars_allows_a_10_mb_page() -> None:
    assert DEFAULT_MAX_CHARS >= 10_000_000
