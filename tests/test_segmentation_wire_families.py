"""Segmentation rules for English news templates around Chinese names and chrome (wires,
press releases, China news sites, magazines): one behaviour each, on lines written here."""

from __future__ import annotations

import bilingual_news
from bilingual_news import Kind

_RELEASE_HEAD = (
    "Wire Central\nNews Products Contact\n"
    "Hanlin Optics Opens Research Centre in Lyon\n"
    "News provided by\n{issuer}\nJun 10, 2025, 08:00 ET\n"
    "LYON, June 10, 2025 /Wire Central/ -- The company today opened a research centre that will employ "
    "eighty engineers working on lenses for medical imaging and on coatings for industrial cameras.\n"
    "The centre will work with two local universities and offer internships to graduate students in "
    "optics and materials science from next autumn.\n"
)


def _kind_of(doc: bilingual_news.Document, text: str) -> Kind:
    return next(b.kind for b in doc.blocks if b.span.slice(doc.raw).strip() == text)


def test_issuer_with_legal_form_under_provided_by_is_no_title() -> None:
    doc = bilingual_news.parse(_RELEASE_HEAD.format(issuer="Hanlin Optics Technology Co., Ltd."))
    assert doc.headline == "Hanlin Optics Opens Research Centre in Lyon"
    assert _kind_of(doc, "Hanlin Optics Technology Co., Ltd.") is Kind.METADATA


def test_contact_lines_one_a_line_are_metadata() -> None:
    tail = "Media contact:\nMarie Dubois\npress@hanlin.example\n+33 4 5550 1234\nTerms of Use Privacy Policy\n"
    doc = bilingual_news.parse(_RELEASE_HEAD.format(issuer="Hanlin Optics") + tail)
    assert [_kind_of(doc, t) for t in ("Marie Dubois", "press@hanlin.example", "+33 4 5550 1234")] == [
        Kind.METADATA
    ] * 3


def test_wire_source_with_legal_form_is_metadata() -> None:
    tail = "SOURCE Hanlin Optics Technology Co., Ltd.\nTerms of Use Privacy Policy\n"
    doc = bilingual_news.parse(_RELEASE_HEAD.format(issuer="Hanlin Optics") + tail)
    assert _kind_of(doc, "SOURCE Hanlin Optics Technology Co., Ltd.") is Kind.METADATA


def test_english_ad_copy_inside_chinese_text_is_footer() -> None:
    page = (
        "首页 新闻 财经\n"
        "城北新建社区图书馆本周开放\n"
        "2025-03-02 来源：城北日报\n"
        "城北新建的社区图书馆本周正式开放，馆内设有儿童阅读区和自习室，开放时间为每天上午九点至晚上九点。\n"
        "Advertisement\n"
        "Spring sale: save up to 40 percent on flights to Europe\n"
        "Book now\n"
        "图书馆负责人表示，开馆第一个月将举办多场读书会和讲座，欢迎附近居民报名参加，名额有限先到先得。\n"
        "附近居民纷纷表示，新图书馆离家近，孩子放学后有了安静读书的地方，希望以后能增加更多新书。\n"
        "上一篇 下一篇\n"
    )
    doc = bilingual_news.parse(page)
    assert _kind_of(doc, "Spring sale: save up to 40 percent on flights to Europe") is Kind.FOOTER
    assert _kind_of(doc, "Book now") is Kind.FOOTER
    assert doc.blocks[-2].kind is Kind.PARAGRAPH  # the text goes on after the ad


_LONG_READ = (
    "The Quarterly\nLatest Magazine Ideas Subscribe\n"
    "Salt and Silence on the Tidal Flats\n"
    "By Ruth Amari\n{credit}May 2, 2025\n"
    "{cap}"
    "he flats empty twice a day. When the water goes out, the mud shines for a mile and the men who dig for "
    "clams walk out with their buckets before the light has properly come up.\n"
    "Most of them learned the work from their fathers and expect to be the last to do it, since the beds have "
    "thinned and the young have moved inland for factory jobs.\n"
    "More Stories\nPrivacy Policy Terms of Use\n"
)


def test_magazine_photographer_credit_is_metadata() -> None:
    doc = bilingual_news.parse(_LONG_READ.format(credit="Photographs by Lena Park\n", cap=""))
    assert _kind_of(doc, "Photographs by Lena Park") is Kind.METADATA


def test_drop_cap_over_rest_of_its_word_is_paragraph() -> None:
    doc = bilingual_news.parse(_LONG_READ.format(credit="", cap="T\n"))
    assert _kind_of(doc, "T") is Kind.PARAGRAPH
    assert doc.headline == "Salt and Silence on the Tidal Flats"


_WIRE_BODY = (
    "\nLONDON (Wire) - Shares in Asia slid on Monday as worries about the property sector weighed on markets "
    "across the region, traders said.\nThe declines followed a weak session on Wall Street, where technology "
    "shares fell for a third day.\n"
)


def test_menu_of_unknown_sections_ending_in_menu_word_is_not_cut() -> None:
    doc = bilingual_news.parse(
        "World Business Markets Harvest Legal Quantum Technology\nStocks slide on Monday" + _WIRE_BODY
    )
    assert doc.blocks[0].span.slice(doc.raw) == "World Business Markets Harvest Legal Quantum Technology"


def test_title_case_title_fused_onto_menu_is_still_cut() -> None:
    doc = bilingual_news.parse("Home News Stocks Slide As Worries Weigh On Markets" + _WIRE_BODY)
    assert doc.headline == "Stocks Slide As Worries Weigh On Markets"
