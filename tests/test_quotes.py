"""Quotes and who said them: the cases in ``cases/quotes.json`` and properties of any page.

The cases run through :func:`bilingual_news.quotes.find_quotes` on a page built directly from
their text (each paragraph of a case a paragraph block), not through ``parse()``, so that
changes to segmentation do not move these tests. The format of the cases is in
``cases/QUOTES.md``.
"""

from __future__ import annotations

import itertools
import json
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import Block, Kind, Normalized, Quote, Span, normalize
from bilingual_news.quotes import find_quotes
from helpers import CASES, EXAMPLES

CASE_FILE = CASES / "quotes.json"
MIN_CASES = 60
"""The issue asks for at least this many cases, in both languages."""
BASE_CHARS = 4_000
"""Length of the small input of the timing test (big enough to dwarf the fixed costs)."""
SCALE = 10
"""How much larger the big input of the timing test is than the small one."""
MAX_SCALING = 4 * SCALE
"""Allowed growth of the run time when the input grows SCALE times: linear work grows about
SCALE times (noise allowed for), quadratic work SCALE² times."""


def _cases() -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads(CASE_FILE.read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = data["cases"]
    return cases


def page(paragraphs: list[str], kinds: list[Kind] | None = None) -> tuple[tuple[Block, ...], Normalized]:
    """A page whose blocks are ``paragraphs``, in order, each of the given kind (paragraph)."""
    raw = "\n\n".join(paragraphs)
    norm = normalize(raw)
    blocks = []
    pos = 0
    for k, para in enumerate(paragraphs):
        start = raw.index(para, pos)
        pos = start + len(para)
        stripped = para.strip()
        if not stripped:
            continue
        s = start + para.index(stripped)
        e = s + len(stripped)
        text = norm.text[norm.to_normalized(s) : norm.to_normalized(e, end=True)]
        kind = kinds[k] if kinds else Kind.PARAGRAPH
        blocks.append(Block(kind=kind, text=text, span=Span(start=s, end=e), lang="und"))
    return tuple(blocks), norm


def quotes_of(text: str) -> tuple[tuple[Block, ...], Normalized, tuple[Quote, ...]]:
    """Run the finder on a case text: blank lines separate its paragraphs."""
    blocks, norm = page(text.split("\n\n"))
    return blocks, norm, find_quotes(blocks, norm)


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
    return pytest.param(case, id=case["label"], marks=marks)


# ------------------------------------------------------------------------------ the cases
@pytest.mark.parametrize("case", [_param(c) for c in _cases()])
def test_case(case: dict[str, Any]) -> None:
    _, _, found = quotes_of(case["text"])
    got = [{"text": q.text, "speaker": q.speaker, "verb": q.verb} for q in found]
    want = case["quotes"]
    # a case states the verb only where it matters; text and speaker always
    assert [{key: g[key] for key in w} for g, w in zip(got, want, strict=False)] == want, got
    assert len(got) == len(want), got


@pytest.mark.parametrize("case", [pytest.param(c, id=c["label"]) for c in _cases()])
def test_case_spans_point_at_the_quoted_text(case: dict[str, Any]) -> None:
    blocks, norm, found = quotes_of(case["text"])
    for q in found:
        assert blocks[q.block].span.contains(q.span)
        assert normalize(q.span.slice(norm.raw)).text == q.text


def test_the_case_file_is_well_formed() -> None:
    cases = _cases()
    labels = [c["label"] for c in cases]
    assert len(cases) >= MIN_CASES
    assert len(set(labels)) == len(labels), "labels must be unique"
    for c in cases:
        assert set(c) <= {"label", "comment", "text", "quotes", "xfail"}, c["label"]
        assert c["comment"], c["label"]
        assert c["text"], c["label"]
        for q in c["quotes"]:
            assert {"text", "speaker"} <= set(q) <= {"text", "speaker", "verb"}, c["label"]
    assert any(c["label"].startswith("en-") for c in cases)
    assert any(c["label"].startswith("zh-") for c in cases)
    negatives = [c for c in cases if "NEGATIVE" in c["comment"]]
    assert any(not c["quotes"] for c in negatives), "some cases must have no quote at all"
    assert any(c["quotes"] and all(q["speaker"] is None for q in c["quotes"]) for c in negatives)


# ------------------------------------------------------------------------------ the seed
def test_the_seed_quotes() -> None:
    raw = (EXAMPLES / "seed.txt").read_text(encoding="utf-8")
    lines = [line for line in raw.split("\n") if line.strip()]
    blocks, norm = page(lines)
    found = find_quotes(blocks, norm)
    assert [(q.speaker, q.text[:24]) for q in found] == [
        (None, "non-alignment, non-confr"),
        ("President Xi Jinping", "China and Russia are goo"),
        (None, "Global South"),
        (None, "China-Russia solution"),
        ("President Xi", "Regardless of the changi"),
    ]
    assert [q.verb for q in found if q.speaker] == ["stated", "emphasized"]


# ------------------------------------------------------------------------------ the page
def test_only_body_blocks_are_read() -> None:
    blocks, norm = page(
        ["“这是导航里的引号。”他说。", "“这是正文里的话。”他说。", "“这是页脚里的话。”他说。"],
        kinds=[Kind.NAV, Kind.PARAGRAPH, Kind.FOOTER],
    )
    found = find_quotes(blocks, norm)
    assert [q.block for q in found] == [1]


def test_a_quote_running_on_skips_a_caption_between() -> None:
    blocks, norm = page(
        ["村支书介绍：“去年全村种了三百亩茶叶。", "图为茶园。", "“今年还要再扩大一百亩。”"],
        kinds=[Kind.PARAGRAPH, Kind.CAPTION, Kind.PARAGRAPH],
    )
    found = find_quotes(blocks, norm)
    assert [(q.text, q.block) for q in found] == [("去年全村种了三百亩茶叶。", 0)]


def test_a_subheading_that_is_one_quote_is_a_title() -> None:
    blocks, norm = page(["“爱插嘴”的女孩", "小雨坦言，自己“爱插嘴”。"], kinds=[Kind.SUBHEADING, Kind.PARAGRAPH])
    assert [q.speaker for q in find_quotes(blocks, norm)] == [None, None]
    blocks, norm = page(["“爱插嘴”", "小雨坦言，自己“爱插嘴”。"], kinds=[Kind.SUBHEADING, Kind.PARAGRAPH])
    assert [q.speaker for q in find_quotes(blocks, norm)] == [None, None]
    blocks, norm = page(["小雨坦言，自己“爱插嘴”。"])
    assert [q.speaker for q in find_quotes(blocks, norm)] == ["小雨"]


def test_spans_map_through_normalization_edits() -> None:
    raw = 'He said: "President Xi/\'s visit matters."'
    blocks, norm = page([raw])
    assert norm.edits, "the page must carry an edit for this test to mean anything"
    (q,) = find_quotes(blocks, norm)
    assert q.text == "President Xi's visit matters."
    assert q.span.slice(raw) == "President Xi/'s visit matters."


def test_parse_fills_document_quotes() -> None:
    doc = bilingual_news.parse((EXAMPLES / "seed.txt").read_text(encoding="utf-8"))
    speakers = [q.speaker for q in doc.quotes]
    assert "President Xi Jinping" in speakers
    assert "President Xi" in speakers
    for q in doc.quotes:
        assert doc.blocks[q.block].is_body


def test_empty_quotes_are_skipped() -> None:
    _, _, found = quotes_of("他说：“”然后又说“ ”。")
    assert found == ()


# ------------------------------------------------------------------------------ linear time
def _best_time(text: str) -> float:
    blocks, norm = page([text])
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        find_quotes(blocks, norm)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize(
    "unit",
    ["“", "「", "”", '"', "'", "“a”", "他说：“好。”", '"Yes," he said. ', "王小明表示，", "‘’"],
    ids=["open-curly", "open-corner", "close-curly", "straight", "apostrophe", "pairs", "zh", "en", "verbs", "singles"],
)
def test_work_grows_linearly(unit: str) -> None:
    small = max(1, BASE_CHARS // len(unit))
    t_small = _best_time(unit * small)
    t_big = _best_time(unit * small * SCALE)
    assert t_big <= MAX_SCALING * max(t_small, 1e-3)


def test_a_hundred_thousand_open_marks() -> None:
    for mark in ("“", "「"):
        blocks, norm = page([mark * 100_000])
        start = time.perf_counter()
        assert find_quotes(blocks, norm) == ()
        assert time.perf_counter() - start < 5


# ------------------------------------------------------------------------------ properties
PIECES = [
    "“", "”", "‘", "’", "「", "」", "『", "』", '"', "'", "《", "》", "Xi's", "'90s", "rock 'n' roll",
    "他说：", "她表示，", "李女士说。", "据该负责人介绍，", "外交部发言人毛宁表示，", "said Li Ming, a farmer.",
    "he said.", "As President Xi stated, ", "According to the ministry, ", "所谓", "，", "。", ", ", ". ",
    " ", "好的", "Global South", "中方愿意合作", "We will win", "\n\n", "/'s", "&amp;",
]  # fmt: skip
pages = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join)


def _page_of(raw: str) -> tuple[tuple[Block, ...], Normalized]:
    paragraphs = [p for p in raw.split("\n\n") if p.strip()]
    kinds = [Kind.SUBHEADING if k % 5 == 4 else Kind.PARAGRAPH for k in range(len(paragraphs))]
    return page(paragraphs, kinds) if paragraphs else ((), normalize(""))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(pages)
def test_quote_spans_lie_inside_their_block(raw: str) -> None:
    blocks, norm = _page_of(raw)
    for q in find_quotes(blocks, norm):
        assert blocks[q.block].is_body
        assert blocks[q.block].span.contains(q.span)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(pages)
def test_quote_spans_are_in_order_and_disjoint(raw: str) -> None:
    blocks, norm = _page_of(raw)
    found = find_quotes(blocks, norm)
    for a, b in itertools.pairwise(found):
        assert a.span.end <= b.span.start
        assert a.block <= b.block


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(pages)
def test_quote_text_is_the_normalized_raw_span(raw: str) -> None:
    blocks, norm = _page_of(raw)
    found = find_quotes(blocks, norm)
    if not norm.edits:
        for q in found:
            assert q.span.slice(norm.raw) == q.text
    for q in found:
        assert q.text
        assert q.text == q.text.strip()


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(pages)
def test_parse_keeps_quotes_in_body_blocks(raw: str) -> None:
    doc = bilingual_news.parse(raw)
    for q in doc.quotes:
        assert doc.blocks[q.block].is_body
        assert doc.blocks[q.block].span.contains(q.span)
