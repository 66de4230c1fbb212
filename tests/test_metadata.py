"""Page metadata: the cases file, raw spans, the dev pages' dates, and nothing guessed."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import bilingual_news
from bilingual_news import Block, Kind, Metadata, Span
from bilingual_news.metadata import find_date, parse_date, read_metadata
from bilingual_news.model import METADATA_FIELDS
from bilingual_news.normalize import normalize
from helpers import CASES, corpus_pages, load_gold, needs_corpus

METADATA_CASES: list[dict[str, Any]] = json.loads((CASES / "metadata.json").read_text(encoding="utf-8"))["cases"]

DEV_DATES = {
    "a301-111qqz-codeforces": "2015-09-28",
    "a302-111qqz-scrapy-django": "2018-11-06",
    "a401-ftchinese-jolie-radio": "2020-12-10",
    "a402-x-pku1898-whypku": "2023-12-11",
    "a405-answer-release-manager": "2024-03-18",
    "a406-answer-enters-incubator": "2023-10-24",
    "b303-chuidylan-hugo-even": "2018-07-26",
    "b305-gsblog-jekyll-hux": "2016-10-17",
    "b307-xichen-hexo-raytaylorism": "2017-08-09",
    "b401-github-jsonstyleguide": "2013-07-15",
    "b402-github-miaosha-readme": "2019-05-24",
    "d301-freetymekiyan-innovate": "2012-11-13",
    "d302-freetymekiyan-weibo": "2013-07-04",
    "d305-7ummy-of-studies": "2018-01-05",
    "d402-chuidylan-biggest-mistake": "2020-01-02",
    "a01-x-pku1898-tweet": "2024-04-30",
    "b01-chineselyrics4u-blogger": "2011-07-28",
    "c01-163-money-longhu": "2019-09-07",
    "c03-cjddsb-changde": "2019-09-23",
    "c04-cjn-wuhan": "2020-10-04",
    "c06-ednchina-ali-chip": "2019-09-25",
    "c07-gamersky": "2019-09-05",
    "c09-guancha-chips": "2019-09-07",
    "c10-gzggw-deqing": "2016-11-22",
    "c12-huanqiu-budaoyi": "2020-06-05",
    "c13-ifeng-news": "2019-11-25",
    "c15-njxfhn-content-farm": "2019-09-11",
    "c16-people-culture": "2019-06-15",
    "c18-shanxi-gov": "2019-09-18",
    "c19-sina-news": "2019-11-25",
    "c21-sxmu-jijian": "2018-05-17",
    "c22-thepaper": "2019-09-24",
    "c25-xds-fund": "2019-09-26",
    "c27-zyyfy-hospital": "2019-10-31",
    "c28-gov-cn-gazette": "2007-06-29",
    "c30-news-cn-leaders": "2024-05-09",
    "c31-sohu-mp": "2024-05-13",
    "c33-360kuai": "2024-05-20",
    "c34-youth-gn": "2024-05-13",
    "c36-caijing-economy": "2024-05-11",
    "c37-1905-film-html-leak": "2024-05-20",
    "c39-021east": "2024-05-13",
    "c40-southcn": "2023-06-15",
    "c42-rfi-cn-press-review": "2022-02-06",
    "c43-yahoo-cn-news-2005": "2005-04-05",
    "c45-sina-chanye": "2005-03-21",
    "c46-dahe-henan": "2022-02-12",
    "c48-yunnan-daily": "2022-02-13",
    "c49-duowei-blog-2005": "2005-09-10",
    "c51-cnr-military": "2022-02-13",
    "c52-chabaozhi-health": "2021-01-29",
    "c54-hebei-xinhuanet-archive-org": "2012-06-04",
    "c55-pixnet-blog-trad": "2013-12-28",
    "c57-chinadaily-cn-experts": "2023-11-17",
    "c58-chinanews-gerapy": "2020-07-04",
    "d203-zhihu-ng-courses": "2023-06-01",
    "e03-chinadaily-en": "2024-05-13",
    "e06-scmp-native-alibaba": "2024-05-07",
    "e09-aol-with-chinese-ad": "2024-05-16",
    "e10-atlasobscura-taiwanese-cookbook": "2024-05-14",
}
"""The publication date each dev page's metadata segments state, read by hand. The other pages
state none (no metadata, a month, or a relative date: ``7 days ago``, ``昨天``, ``15 天前``)."""


def _blocks(lines: list[str]) -> tuple[str, tuple[Block, ...]]:
    raw = "\n".join(lines)
    blocks, pos = [], 0
    for line in lines:
        blocks.append(Block(kind=Kind.METADATA, text=line, span=Span(start=pos, end=pos + len(line)), lang="und"))
        pos += len(line) + 1
    return raw, tuple(blocks)


def _fields(meta: Metadata) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in METADATA_FIELDS:
        value = getattr(meta, name)
        if value is not None:
            out[name] = value.isoformat() if isinstance(value, dt.date) else value
    return out


@pytest.mark.parametrize("case", METADATA_CASES, ids=lambda c: " / ".join(c["lines"])[:40])
def test_metadata_case(case: dict[str, Any]) -> None:
    _, blocks = _blocks(case["lines"])
    assert _fields(read_metadata(blocks)) == case["fields"]


@pytest.mark.parametrize("case", [c for c in METADATA_CASES if "spans" in c], ids=lambda c: c["lines"][0][:40])
def test_metadata_case_spans(case: dict[str, Any]) -> None:
    raw, blocks = _blocks(case["lines"])
    meta = read_metadata(blocks)
    assert {name: meta.span_of(name).slice(raw) for name in case["spans"]} == case["spans"]  # type: ignore[union-attr]


def test_cases_file_is_big_enough() -> None:
    assert len(METADATA_CASES) >= 40


@pytest.mark.parametrize("case", METADATA_CASES, ids=lambda c: " / ".join(c["lines"])[:40])
def test_every_field_found_has_a_span(case: dict[str, Any]) -> None:
    raw, blocks = _blocks(case["lines"])
    meta = read_metadata(blocks)
    assert sorted(name for name, _ in meta.spans) == sorted(case["fields"])
    for name, span in meta.spans:
        value = getattr(meta, name)
        if isinstance(value, str):
            assert span.slice(raw) == value


def test_spans_are_in_field_order() -> None:
    _, blocks = _blocks(["作者：张伟 来源：新华网 2025-05-08"])
    assert [name for name, _ in read_metadata(blocks).spans] == ["published", "source", "author"]


def test_only_metadata_blocks_are_read() -> None:
    text = "2025-05-08 来源：新华网"
    block = Block(kind=Kind.PARAGRAPH, text=text, span=Span(start=0, end=len(text)), lang="zh")
    assert read_metadata((block,)) == Metadata()


def test_a_label_alone_reads_its_value_from_the_next_block() -> None:
    label = Block(kind=Kind.METADATA, text="作者:", span=Span(start=0, end=3), lang="zh")
    value = Block(
        kind=Kind.METADATA, text="周明远", span=Span(start=4, end=7), lang="zh", reasons=("short", "field_value")
    )
    metadata = read_metadata((label, value))
    assert metadata.author == "周明远"
    assert metadata.span_of("author") == Span(start=4, end=7)


def test_a_label_alone_does_not_read_a_block_that_is_no_value() -> None:
    label = Block(kind=Kind.METADATA, text="作者:", span=Span(start=0, end=3), lang="zh")
    other = Block(kind=Kind.METADATA, text="2025-05-08", span=Span(start=4, end=14), lang="zh", reasons=("dateline",))
    assert read_metadata((label, other)).author is None


def test_no_date_is_guessed_from_the_body() -> None:
    page = "A Title Of The Article Here\n\nOn 8 May 2025 the ministry said the plan would go ahead, officials said."
    assert bilingual_news.parse(page).metadata.published is None


def test_spans_follow_normalization() -> None:
    raw = "来源：新华网&amp;人民网 作者：张伟"
    norm = normalize(raw)
    block = Block(kind=Kind.METADATA, text=norm.text, span=Span(start=0, end=len(raw)), lang="zh")
    meta = read_metadata((block,), norm)
    assert (meta.source, meta.span_of("source").slice(raw)) == ("新华网&人民网", "新华网&amp;人民网")  # type: ignore[union-attr]
    assert meta.span_of("author").slice(raw) == "张伟"  # type: ignore[union-attr]


def test_span_of_an_unknown_field_is_an_error() -> None:
    with pytest.raises(ValueError, match="expected a metadata field"):
        Metadata().span_of("title")


def test_span_of_a_missing_field_is_none() -> None:
    assert Metadata().span_of("source") is None


def test_find_date_gives_the_text_it_read() -> None:
    text = "时间：2022年03月09日 07:45  浏览： 58"
    found = find_date(text)
    assert found is not None
    assert text[found[1] : found[2]] == "2022年03月09日 07:45"


def test_invalid_dates_are_skipped() -> None:
    assert parse_date("2025-02-30 then 2025-03-01") == dt.date(2025, 3, 1)


def test_utc_offset_makes_an_aware_datetime() -> None:
    when = parse_date("Updated: 2025-05-08 10:23 (GMT-5)")
    assert isinstance(when, dt.datetime)
    assert when.utcoffset() == dt.timedelta(hours=-5)


def test_parse_reads_metadata(seed_text: str) -> None:
    page = "首页\n\nA Title Of The Article Here\n\nBy Wang Li | China Daily | Updated: 2022-08-19 11:26\n\n" + seed_text
    meta = bilingual_news.parse(page).metadata
    assert (meta.author, meta.source, meta.published) == ("Wang Li", "China Daily", dt.datetime(2022, 8, 19, 11, 26))
    assert meta.span_of("published").slice(page) == "2022-08-19 11:26"  # type: ignore[union-attr]


@needs_corpus
@pytest.mark.parametrize("page", corpus_pages(), ids=lambda p: p.name)
def test_dev_page_date_from_its_metadata_segments(page: Any) -> None:
    gold = load_gold(page)
    lines = [text.strip() for role, text in gold["segments"] if role == "metadata"]
    _, blocks = _blocks(lines)
    published = read_metadata(blocks).published
    expected = DEV_DATES.get(page.name)
    if expected is None:
        assert published is None
    else:
        assert published is not None
        assert published.isoformat()[:10] == expected
