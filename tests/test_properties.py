"""Invariants of parse() on generated pages: nothing lost, spans true, round trips exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import Document
from helpers import overlapping, uncovered

LINES = [
    "首页 资讯",
    "新闻中心 > 国内新闻 > 正文",
    "China and Russia Join Hands",
    "来源：新华社 作者：李明",
    "By Wang Li | Updated: 2022-08-19 11:26",
    "下一篇",
    "返回顶部",
    "Back to top",
    "http://example.org/news/1.html",
    "免责声明：本文仅供参考，不构成投资建议。",
    "The ministry said on Monday that trade between the two countries grew by 5 percent last year.",
    "外交部发言人表示，“双方将继续深化合作”，共同维护地区和平与稳定。",
    "President Xi/'s visit",
    "图为活动现场。",
    "　　",
    "\u00a0",
]

pieces = st.one_of(st.sampled_from(LINES), st.text(max_size=40))
pages = st.lists(pieces, max_size=30).map(lambda parts: "\n".join(parts))
separators = st.sampled_from(["\n", "\n\n", "\r\n", " "])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(pages)
def test_blocks_cover_every_non_blank_character(raw: str) -> None:
    doc = bilingual_news.parse(raw)
    assert uncovered(doc) == []


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(pages)
def test_blocks_are_in_order_and_disjoint(raw: str) -> None:
    assert overlapping(bilingual_news.parse(raw)) == []


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(pages)
def test_block_spans_have_no_surrounding_blanks(raw: str) -> None:
    doc = bilingual_news.parse(raw)
    edited = {i for edit in doc.edits for i in range(edit.span.start, edit.span.end)}
    for block in doc.blocks:
        text = block.span.slice(doc.raw)
        assert text
        # A raw blank at an edge stays only as part of a repair that makes it text (``Â`` + NEL
        # is the mojibake of ``…``): the span keeps what its text was made from.
        for i in (block.span.start, block.span.end - 1):
            assert not doc.raw[i].isspace() or i in edited


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(pages)
def test_dict_round_trip_is_exact(raw: str) -> None:
    doc = bilingual_news.parse(raw)
    assert Document.from_dict(doc.to_dict()) == doc


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=20), separators)
def test_edits_state_the_raw_text(lines: list[str], sep: str) -> None:
    doc = bilingual_news.parse(sep.join(lines))
    for edit in doc.edits:
        assert edit.span.slice(doc.raw) == edit.before


def test_a_blank_that_mojibake_turns_into_text_stays_in_the_span() -> None:
    doc = bilingual_news.parse("Â\x85")
    assert (doc.blocks[0].span.slice(doc.raw), doc.blocks[0].text) == ("Â\x85", "…")
