"""parse() end to end: nothing lost, spans true, the seed page read right."""

from __future__ import annotations

from pathlib import Path

import pytest

import bilingual_news
from bilingual_news import Kind
from helpers import corpus_pages, needs_corpus, overlapping, uncovered


def test_empty_page_gives_an_empty_document() -> None:
    doc = bilingual_news.parse("")
    assert (doc.blocks, doc.headline, doc.lang) == ((), None, "und")


def test_blank_page_gives_no_blocks() -> None:
    assert bilingual_news.parse(" \n\u3000\n\t").blocks == ()


def test_block_spans_hold_the_raw_text_without_blanks(seed_text: str) -> None:
    doc = bilingual_news.parse(seed_text)
    for block in doc.blocks:
        raw = block.span.slice(doc.raw)
        assert raw == raw.strip()
        assert raw


def test_seed_headline(seed_text: str) -> None:
    headline = "China and Russia Join Hands to Build a Strong Bridge for Peace and Prosperity"
    assert bilingual_news.parse(seed_text).headline == headline


def test_seed_source_url(seed_text: str) -> None:
    assert bilingual_news.parse(seed_text).source_url == "http://www.huanqiuzk.cn/news/18408.html"


def test_seed_fused_first_line_is_nav_then_headline(seed_text: str) -> None:
    doc = bilingual_news.parse(seed_text)
    assert [(b.kind, b.text) for b in doc.blocks[:2]] == [
        (Kind.NAV, "首页 资讯"),
        (Kind.HEADLINE, "China and Russia Join Hands to Build a Strong Bridge for Peace and Prosperity"),
    ]


def test_seed_ends_with_disclaimer_url_and_footer(seed_text: str) -> None:
    kinds = [b.kind for b in bilingual_news.parse(seed_text).blocks[-5:]]
    assert kinds == [Kind.DISCLAIMER, Kind.SOURCE_URL, Kind.FOOTER, Kind.FOOTER, Kind.FOOTER]


def test_seed_body_is_english(seed_text: str) -> None:
    assert bilingual_news.parse(seed_text).lang == "en"


def test_every_block_has_reasons(seed_text: str) -> None:
    assert all(b.reasons for b in bilingual_news.parse(seed_text).blocks)


def test_caller_url_becomes_source_url() -> None:
    assert bilingual_news.parse("Some text.", url="https://example.org/a").source_url == "https://example.org/a"


def test_parse_file_reads_the_example() -> None:
    from helpers import EXAMPLES

    assert bilingual_news.parse_file(EXAMPLES / "seed.txt").headline is not None


def test_crlf_page_keeps_raw_spans() -> None:
    raw = (
        "首页 新闻\r\n\r\nA headline for the page here\r\n\r\n"
        "The body of the page is a sentence that runs on for a while.\r\n"
    )
    doc = bilingual_news.parse(raw)
    assert all(b.span.slice(raw).replace("\r", "") == b.text for b in doc.blocks)


@needs_corpus
@pytest.mark.parametrize("page", corpus_pages(), ids=lambda p: p.name)
def test_corpus_page_is_lossless(page: Path) -> None:
    doc = bilingual_news.parse((page / "raw.txt").read_text(encoding="utf-8"))
    assert uncovered(doc) == []
    assert overlapping(doc) == []
