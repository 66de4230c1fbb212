"""Sentences: the cases file, raw spans through normalization, and invariants on generated pages."""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import Block, Document, Kind, Span
from bilingual_news.normalize import normalize
from bilingual_news.sentences import sentence_spans, split_sentences
from helpers import CASES, corpus_pages, needs_corpus

SENTENCE_CASES: list[dict[str, Any]] = json.loads((CASES / "sentences.json").read_text(encoding="utf-8"))["cases"]

LINES = [
    "首页 资讯",
    "China and Russia Join Hands",
    "来源：新华社 作者：李明",
    "By Wang Li | Updated: 2022-08-19 11:26",
    "The ministry said on Monday that trade grew by 5 percent. Mr. Li disagreed! Why? Nobody knows.",
    "外交部发言人表示，“双方将继续深化合作。”共同维护地区和平与稳定！真的吗？",
    "President Xi/'s visit. He left at 10 a.m. The U.S. side agreed.",
    "Prices rose 3.5%. No. 1 in sales.",
    "图为活动现场。",
    "&amp; more. &lt;b&gt;Bold&lt;/b&gt; text.",
    "　　",
]
pieces = st.one_of(st.sampled_from(LINES), st.text(max_size=40))
pages = st.lists(pieces, max_size=20).map("\n".join)


@pytest.mark.parametrize("case", SENTENCE_CASES, ids=lambda c: c["text"][:40])
def test_sentence_case(case: dict[str, Any]) -> None:
    text = case["text"]
    assert [text[s:e] for s, e in split_sentences(text)] == case["sentences"]


def test_cases_file_is_big_enough() -> None:
    assert len(SENTENCE_CASES) >= 40


def test_blank_text_has_no_sentence() -> None:
    assert split_sentences("  \u3000 ") == []


@given(st.text(max_size=120))
def test_sentences_cover_the_text_in_order(text: str) -> None:
    spans = split_sentences(text)
    covered: set[int] = set()
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        covered.update(range(s, e))
        last = e
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_spans_follow_normalization() -> None:
    raw = "President Xi/'s visit went well. He left."
    norm = normalize(raw)
    text = norm.text
    spans = sentence_spans(text, Span(start=0, end=len(raw)), norm)
    assert [s.slice(raw) for s in spans] == ["President Xi/'s visit went well.", "He left."]


def test_one_sentence_block_is_its_span() -> None:
    norm = normalize("No full stop here")
    assert sentence_spans("No full stop here", Span(start=0, end=17), norm) == (Span(start=0, end=17),)


def test_parse_fills_block_sentences(seed_text: str) -> None:
    doc = bilingual_news.parse(seed_text)
    assert all(b.sentences for b in doc.blocks)
    assert len(doc.sentences) > len(doc.body)


def test_document_sentences_are_the_body_sentences(seed_text: str) -> None:
    doc = bilingual_news.parse(seed_text)
    assert doc.sentences == tuple(s for b in doc.body for s in b.sentences)


def test_seed_sentence_ends_after_its_closing_quote(seed_text: str) -> None:
    doc = bilingual_news.parse(seed_text)
    texts = [s.slice(doc.raw) for s in doc.sentences]
    assert "As President Xi Jinping stated, “China and Russia are good neighbors" in " ".join(texts)
    assert any(t.endswith("develop together.”") for t in texts)


def _check_sentences(doc: Document) -> None:
    removed = bytearray(len(doc.raw))
    for edit in doc.edits:
        if not edit.after.strip():
            removed[edit.span.start : edit.span.end] = b"\x01" * len(edit.span)
    for block in doc.blocks:
        spans = block.sentences
        assert spans, block
        assert all(block.span.contains(s) and s.start < s.end for s in spans)
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
        covered = bytearray(len(doc.raw))
        for s in spans:
            covered[s.start : s.end] = b"\x01" * len(s)
        gaps = [
            i
            for i in range(block.span.start, block.span.end)
            if not covered[i] and not removed[i] and not doc.raw[i].isspace()
        ]
        assert gaps == [], (block, [doc.raw[i] for i in gaps])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(pages)
def test_sentence_spans_are_inside_in_order_and_cover_the_block(raw: str) -> None:
    _check_sentences(bilingual_news.parse(raw))


@needs_corpus
@pytest.mark.parametrize("page", corpus_pages(), ids=lambda p: p.name)
def test_corpus_sentences_are_well_formed(page: Path) -> None:
    _check_sentences(bilingual_news.parse((page / "raw.txt").read_text(encoding="utf-8")))


def test_with_sentences_keeps_every_other_field() -> None:
    from bilingual_news.sentences import with_sentences

    norm = normalize("One. Two.")
    block = Block(kind=Kind.PARAGRAPH, text="One. Two.", span=Span(start=0, end=9), lang="en", reasons=("a", "b"))
    (new,) = with_sentences((block,), norm)
    assert dataclasses.replace(new, sentences=()) == block
    assert new.sentences == (Span(start=0, end=4), Span(start=5, end=9))
