"""The guarantees of docs/reliability.md as properties over generated bilingual pages.

Each property parses pages built by ``reliability.pages`` (synthetic pages cut, spliced and
salted with garbage) and checks them with ``reliability.violations``, which names what broke.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import InputError
from reliability import garbage, pages, violations

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(pages())
def test_every_page_keeps_every_guarantee(raw: str) -> None:
    assert violations(raw, bilingual_news.parse(raw)) == []


@SETTINGS
@given(st.lists(garbage, max_size=30).map("".join))
def test_garbage_alone_keeps_every_guarantee(raw: str) -> None:
    assert violations(raw, bilingual_news.parse(raw)) == []


@SETTINGS
@given(pages(), st.sampled_from(["\n", "\r\n", "\r", "\x85", "\u2028", "\x0b"]))
def test_any_line_break_keeps_every_guarantee(raw: str, brk: str) -> None:
    page = raw.replace("\n", brk)
    assert violations(page, bilingual_news.parse(page)) == []


@SETTINGS
@given(pages(), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_a_page_as_bytes_gives_a_document_or_an_input_error(raw: str, encoding: str) -> None:
    data = raw.encode(encoding, errors="replace")  # a lone surrogate has no bytes: "?"
    try:
        doc = bilingual_news.parse(data)
    except InputError:
        return
    assert violations(doc.raw, doc) == []


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_document_or_an_input_error(data: bytes) -> None:
    try:
        doc = bilingual_news.parse(data)
    except InputError as exc:
        doc, message = None, str(exc)
    else:
        message = ""
    assert violations(doc.raw, doc) == [] if doc is not None else message.startswith("expected")
