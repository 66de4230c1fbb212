"""HTML input: the DOM read into the same blocks as text, with spans into the HTML (docs/html.md)."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import Document, InputError, MissingDependencyError, Span, parse, parse_file
from bilingual_news.cli import main
from bilingual_news.decode import decode_html
from bilingual_news.dom import looks_like_html, read_html, with_html
from bilingual_news.evaluate import check_floors, evaluate, read_floors
from bilingual_news.features import extract
from bilingual_news.label import label
from bilingual_news.model import Kind
from bilingual_news.normalize import normalize
from bilingual_news.offsets import apply_edits
from bilingual_news.pipeline import profile
from bilingual_news.revise import revise
from bilingual_news.split import split
from bilingual_news.structure import article_elements, refine
from helpers import CASES, ROOT, corpus_dir, needs_corpus, overlapping, uncovered

HTML_CASES = CASES / "html"
PAGES: list[dict[str, Any]] = json.loads((HTML_CASES / "pages.json").read_text(encoding="utf-8"))["cases"]
DETECT: list[dict[str, Any]] = json.loads((HTML_CASES / "detect.json").read_text(encoding="utf-8"))["cases"]
DROPPED = ("html_comment", "html_hidden_input", "html_script", "html_style", "html_template")


def replayed(doc: Document, span: Span) -> str:
    """The raw characters of ``span`` with the document's edits inside it applied."""
    parts: list[str] = []
    pos = span.start
    for edit in doc.edits:
        if edit.span.start >= span.start and edit.span.end <= span.end:
            parts.append(doc.raw[pos : edit.span.start])
            parts.append(edit.after)
            pos = edit.span.end
    parts.append(doc.raw[pos : span.end])
    return "".join(parts)


@pytest.fixture(scope="module")
def article() -> Document:
    return parse_file(HTML_CASES / "article-en.html")


# ------------------------------------------------------------------ the pages of tests/cases/html


@pytest.mark.parametrize("case", PAGES, ids=[c["file"] for c in PAGES])
def test_page_blocks(case: dict[str, Any]) -> None:
    doc = parse_file(HTML_CASES / case["file"])
    assert [[b.kind.value, b.text] for b in doc.blocks] == case["blocks"]


@pytest.mark.parametrize("case", PAGES, ids=[c["file"] for c in PAGES])
def test_page_headline_url_and_date(case: dict[str, Any]) -> None:
    doc = parse_file(HTML_CASES / case["file"])
    published = doc.metadata.published.isoformat() if doc.metadata.published else None
    assert (doc.headline, doc.source_url, published) == (case["headline"], case["source_url"], case["published"])


@pytest.mark.parametrize("case", PAGES, ids=[c["file"] for c in PAGES])
def test_page_drops_are_recorded_as_edits(case: dict[str, Any]) -> None:
    doc = parse_file(HTML_CASES / case["file"])
    assert sorted({e.rule for e in doc.edits} & set(DROPPED)) == case["dropped"]


@pytest.mark.parametrize("case", PAGES, ids=[c["file"] for c in PAGES])
def test_page_block_spans_replay_to_their_text(case: dict[str, Any]) -> None:
    doc = parse_file(HTML_CASES / case["file"])
    assert [replayed(doc, b.span) for b in doc.blocks] == [b.text for b in doc.blocks]


# ------------------------------------------------------------------ spans and edits


def test_raw_of_an_html_document_is_the_html(article: Document) -> None:
    assert article.raw == (HTML_CASES / "article-en.html").read_text(encoding="utf-8")


def test_a_block_span_points_at_its_element_text(article: Document) -> None:
    headline = next(b for b in article.blocks if b.kind is Kind.HEADLINE)
    at = article.raw.index("<h1>") + len("<h1>")
    assert headline.span == Span(start=at, end=at + len("Ministers agree on a plan for the river"))


def test_an_entity_is_an_edit_on_its_raw_characters(article: Document) -> None:
    amp = next(e for e in article.edits if e.before == "&amp;")
    assert (amp.rule, amp.after, article.raw[amp.span.start : amp.span.end]) == ("html_entity", "&", "&amp;")


def test_a_block_with_inline_markup_spans_it(article: Document) -> None:
    block = next(b for b in article.blocks if "agreement" in b.text)
    assert "<b>agreement</b>" in article.raw[block.span.start : block.span.end]


@pytest.mark.parametrize(
    ("rule", "before"),
    [
        ("html_script", '<script>window.dataLayer = [{"page": "<p>not text</p>"}];</script>'),
        ("html_style", "<style>body { font-family: serif; }</style>"),
        ("html_comment", "<!-- article starts here -->"),
        ("html_template", "<template><p>A template paragraph that is never shown.</p></template>"),
        ("html_hidden_input", '<input type="hidden" name="token" value="abc123">'),
    ],
)
def test_dropped_markup_is_an_edit_of_its_own(article: Document, rule: str, before: str) -> None:
    assert any(e.rule == rule and e.before == before and e.after in ("", "\n") for e in article.edits)


def test_dropped_text_is_in_no_block(article: Document) -> None:
    assert not [b for b in article.blocks if "never shown" in b.text or "not text" in b.text]


def test_edits_replay_to_the_clean_text(article: Document) -> None:
    text = apply_edits(article.raw, article.edits)
    assert [line for line in text.split("\n") if line] == [b.text for b in article.blocks]


def test_every_visible_character_is_in_a_block_or_removed_markup(article: Document) -> None:
    assert (uncovered(article), overlapping(article)) == ([], [])


def test_normalization_edits_are_restated_on_the_html() -> None:
    doc = parse("<html><body><p>President Xi/'s visit to the port, on the first day of the tour.</p></body></html>")
    edit = next(e for e in doc.edits if e.rule == "slash_apostrophe")
    assert doc.raw[edit.span.start : edit.span.end] == "/'"


def test_read_html_collapses_white_space_inside_a_line() -> None:
    assert read_html("<p>one\n   two\tthree</p>").text == "one two three\n"


def test_read_html_joins_inline_elements_and_breaks_at_blocks() -> None:
    assert read_html("<div>a<b>b</b> <i>c</i><p>d</p>e<br>f</div>").text == "ab c\nd\ne\nf\n"


def test_read_html_ignores_a_stray_quote_in_a_tag() -> None:
    assert read_html('<table><tr a="b""><td>cell one</td></tr></table><p>after</p>').text == "cell one\nafter\n"


def test_read_html_keeps_text_after_a_select_list() -> None:
    options = "".join(f"<option>{n}</option>" for n in range(100))
    assert read_html(f"<select>{options}</select><p>The text after the list.</p>").text == "The text after the list.\n"


# ------------------------------------------------------------------ the head and the structure


def test_a_url_the_caller_gives_wins_over_the_canonical_one() -> None:
    doc = parse_file(HTML_CASES / "article-en.html", url="https://example.com/given")
    assert doc.source_url == "https://example.com/given"


def test_a_relative_canonical_url_is_not_taken() -> None:
    doc = parse('<html><head><link rel="canonical" href="/a/b.html"></head><body><p>Text here.</p></body></html>')
    assert doc.source_url is None


def test_og_url_stands_in_for_a_missing_canonical() -> None:
    page = '<html><head><meta property="og:url" content="https://e.org/x"></head><body><p>Text.</p></body></html>'
    assert parse(page).source_url == "https://e.org/x"


def test_head_hints_are_read() -> None:
    head = read_html((HTML_CASES / "article-en.html").read_text(encoding="utf-8")).head
    assert (head.title, head.og_title, head.h1, head.description) == (
        "Ministers agree on a plan for the river | Example Daily",
        "Ministers agree on a plan for the river",
        ("Ministers agree on a plan for the river",),
        "Two ministries settle a long dispute over water.",
    )


def test_line_hints_carry_ancestors_class_words_and_links() -> None:
    page = read_html('<nav class="top-menu"><a href="/">Home page</a></nav><article><p>Body <a href="/x">x</a></p>')
    first, second = page.lines
    assert (first.tags, first.words, first.link_density) == (frozenset({"nav", "a"}), frozenset({"menu"}), 1.0)
    assert (second.tags, second.words, second.link_chars) == (frozenset({"article", "p"}), frozenset(), 1)


def test_class_words_must_begin_or_end_a_name() -> None:
    page = read_html('<div class="unavailable"><p>Text</p></div><div id="mainNav"><p>Menu</p></div>')
    assert [line.words for line in page.lines] == [frozenset(), frozenset({"nav"})]


def test_refine_takes_the_headline_the_head_confirms() -> None:
    html = (HTML_CASES / "article-en.html").read_text(encoding="utf-8")
    page = read_html(html)
    units = split(with_html(page, normalize(page.text)))
    features = extract(units)
    revision = revise(units, features, label(units, features))
    menu = next(i for i, u in enumerate(units) if u.text == "World")
    kinds = list(revision.kinds)
    kinds[menu] = Kind.HEADLINE
    wrong = dataclasses.replace(revision, kinds=tuple(kinds), headline=menu, headline_text="World")
    refined = refine(units, wrong, page)
    assert (refined.headline_text, refined.kinds[menu]) == ("Ministers agree on a plan for the river", Kind.NAV)


def _article(*, between: str = "", after: str = "") -> str:
    """A small article page: a title, two paragraphs, and ``between`` them or ``after`` them."""
    return (
        "<html><body><article><h1>A title for the page here</h1>"
        "<p>A first paragraph long enough to be prose, about the harbour and its ships.</p>"
        f"{between}<p>A second paragraph long enough to be prose, about the harbour and its cranes.</p>"
        f"{after}</article></body></html>"
    )


def test_a_figcaption_is_a_caption() -> None:
    page = _article(between="<figure><figcaption>Ships in the harbour at night, in the rain.</figcaption></figure>")
    doc = parse(page)
    assert [b.kind for b in doc.blocks if b.text.startswith("Ships")] == [Kind.CAPTION]


def test_the_body_elements_class_names_are_the_sites_not_a_parts() -> None:
    # Feature flags on <body> (``f_caption_on``) name no part of the page: its text is no caption.
    page = read_html('<html class="no-js"><body class="post f_caption_muted_on"><p>Text of the page</p></body></html>')
    assert [line.words for line in page.lines] == [frozenset()]


def test_an_element_named_as_a_caption_holds_a_caption() -> None:
    page = _article(between='<div class="image-caption">Ships in the harbour at night, in the rain and the wind.</div>')
    doc = parse(page)
    assert [b.kind for b in doc.blocks if b.text.startswith("Ships")] == [Kind.CAPTION]


def test_the_links_of_a_list_the_article_ends_with_are_the_articles() -> None:
    items = "".join(
        f'<p>{n}) {name}</p><p><a href="https://shop.example.org/{n}">https://shop.example.org/{n}</a></p>'
        for n, name in enumerate(["Harbour Lights, a game of ships", "Meadow Builders", "The Long Road"], 1)
    )
    doc = parse(_article(after="<p>Here are the games that made the cut, each with its link:</p>" + items))
    links = [b.kind for b in doc.blocks if b.text.startswith("https://")]
    assert links == [Kind.PARAGRAPH] * 3


def test_a_line_that_is_all_links_is_chrome() -> None:
    page = _article(after='<p><a href="/next">The next story on the site, about a harbour far away from here</a></p>')
    doc = parse(page)
    assert [b.kind for b in doc.blocks if b.text.startswith("The next")] == [Kind.FOOTER]


def test_a_menu_link_is_not_the_headline_when_the_page_has_one_h1() -> None:
    items = "".join(f'<li><a href="/{n}">A long menu entry number {n} about the harbour</a></li>' for n in range(3))
    page = (
        "<html><body><nav><ul>" + items + "</ul></nav><article><h1>A title for the page here</h1>"
        "<p>A first paragraph long enough to be prose, about the harbour and its ships.</p>"
        "<p>A second paragraph long enough to be prose, about the harbour and its cranes.</p>"
        "</article></body></html>"
    )
    doc = parse(page)
    assert (doc.headline, {b.kind for b in doc.blocks if b.text.startswith("A long menu")}) == (
        "A title for the page here",
        {Kind.NAV},
    )


def test_a_code_hosts_repository_heading_is_not_the_title_its_head_names() -> None:
    # The head names the file and the repository (``guide.md at main · owner/repo``); the
    # repository's heading ``owner/repo`` is the host's, and the rendered file's own title wins.
    page = (
        "<html><head><title>docs/guide.md at main · harbor-lab/tide-tables</title>"
        '<meta property="og:title" content="harbor-lab/tide-tables"></head><body>'
        '<header><h1><a href="/harbor-lab">harbor-lab</a> / '
        '<a href="/harbor-lab/tide-tables">tide-tables</a></h1></header>'
        '<nav><a href="/code">Code</a> <a href="/issues">Issues</a></nav>'
        "<article><h1>港口潮汐表的读法与换算指南</h1>"
        "<p>这份指南说明如何读取港口的潮汐表，包括高潮和低潮的时间、潮高的单位以及夏令时的换算方法。</p>"
        "<p>每一张表按月份排列，表头给出港口的名称和基准面，表中每一行对应一天的四次潮汐。</p>"
        "</article></body></html>"
    )
    assert parse(page).headline == "港口潮汐表的读法与换算指南"


# ------------------------------------------------------------------ the article's element

_PROSE = (
    "A paragraph of the story about the harbour, its ships, its cranes and its {n} workers.",
    "Another paragraph, about the tide, the fog, the night shift and the {n} boats at anchor.",
    "A third paragraph, on the weather, the river, the bridges and the {n} lorries at the gate.",
)


def _paragraphs(n: int) -> str:
    return "".join(f"<p>{text.format(n=n)}</p>" for text in _PROSE)


def test_the_tree_numbers_block_elements_with_their_extent_and_text() -> None:
    page = read_html('<div class="story"><p>One <a href="/x">link</a></p></div><p>Two</p>')
    tree = page.tree
    story = tree.tags.index("div")
    assert (tree.ends[story], tree.chars[story], tree.link_chars[story], page.lines[0].block) == (
        story + 1,
        7,
        4,
        story + 1,
    )


def test_a_named_article_element_outscores_comments_with_as_much_text() -> None:
    html = (
        "<html><body><div class='entry-content'>" + _paragraphs(1) + "</div>"
        "<div id='comments'>" + _paragraphs(2) + "</div></body></html>"
    )
    page = read_html(html)
    assert [page.tree.weights[e] for e in article_elements(page)] == [30]


def test_an_itemprop_article_body_is_the_article_element() -> None:
    html = (
        "<html><body><div>" + _paragraphs(1) + "</div>"
        "<div itemprop='articleBody'>" + _paragraphs(2) + "</div></body></html>"
    )
    page = read_html(html)
    best = article_elements(page)[0]
    assert page.tree.weights[best] == 55


def _revision_with_body(html: str, body: str) -> tuple[list[str], list[Kind]]:
    """Refine a revision in which the text rules took the lines containing ``body`` for the
    article and every other line for chrome by its place: the texts and refined kinds."""
    page = read_html(html)
    units = split(with_html(page, normalize(page.text)))
    features = extract(units)
    revision = revise(units, features, label(units, features))
    ours = [i for i, u in enumerate(units) if body in u.text]
    kinds = [Kind.PARAGRAPH if i in ours else Kind.NAV for i in range(len(units))]
    reasons = [("good", "in_body") if i in ours else ("good", "before_body") for i in range(len(units))]
    wrong = dataclasses.replace(
        revision, kinds=tuple(kinds), reasons=tuple(reasons), region=(ours[0], ours[-1]), headline=None
    )
    refined = refine(units, wrong, page)
    return [u.text for u in units], list(refined.kinds)


def test_the_named_article_replaces_a_region_the_text_rules_took_in_the_comments() -> None:
    html = (
        "<html><body><div class='article-body'>" + _paragraphs(1) + "</div>"
        "<div id='comments'>" + _paragraphs(2) + "</div></body></html>"
    )
    texts, kinds = _revision_with_body(html, " 2 ")
    assert [k for t, k in zip(texts, kinds, strict=True) if " 1 " in t] == [Kind.PARAGRAPH] * 3
    assert [k for t, k in zip(texts, kinds, strict=True) if " 2 " in t] == [Kind.FOOTER] * 3


def test_an_unnamed_element_does_not_replace_the_text_rules_region() -> None:
    html = (
        "<html><body><div>" + _paragraphs(1) + _paragraphs(3) + "</div><div>" + _paragraphs(2) + "</div></body></html>"
    )
    texts, kinds = _revision_with_body(html, " 2 ")
    assert [k for t, k in zip(texts, kinds, strict=True) if " 2 " in t] == [Kind.PARAGRAPH] * 3


def test_body_set_off_from_the_article_element_by_a_heading_is_chrome() -> None:
    html = (
        "<html><body><article><h1>A title for the page here</h1><div class='story-body'>"
        + _paragraphs(1)
        + _paragraphs(3)
        + "</div></article><div><h3>More stories</h3>"
        + _paragraphs(2)
        + "</div></body></html>"
    )
    doc = parse(html)
    assert {b.kind for b in doc.blocks if " 2 " in b.text} <= {Kind.FOOTER, Kind.NAV}


def test_body_joined_to_the_article_element_stays_body() -> None:
    html = (
        "<html><body><article><h1>A title for the page here</h1><div class='story-body'>"
        + _paragraphs(1)
        + _paragraphs(3)
        + "</div><div>"
        + _paragraphs(2)
        + "</div></article></body></html>"
    )
    doc = parse(html)
    assert [b.kind for b in doc.blocks if " 2 " in b.text] == [Kind.PARAGRAPH] * 3


# ------------------------------------------------------------------ detection and decoding


@pytest.mark.parametrize("case", DETECT, ids=[c["label"] for c in DETECT])
def test_auto_detection(case: dict[str, Any]) -> None:
    assert looks_like_html(case["page"]) is case["html"]


@pytest.mark.parametrize("case", DETECT, ids=[c["label"] for c in DETECT])
def test_auto_detection_of_bytes_agrees(case: dict[str, Any]) -> None:
    doc = parse(case["page"].encode("utf-8"))
    assert any(e.rule == "html_markup" for e in doc.edits) is case["html"]


def test_profile_of_html_times_reading_the_dom_before_normalize() -> None:
    times = profile("<html><body><h1>A title for the page</h1><p>Some text of the body.</p></body></html>")
    assert list(times)[:2] == ["html", "normalize"]


def test_format_text_keeps_markup_as_text() -> None:
    doc = parse("<html><body><p>Only a line.</p></body></html>", format="text")
    assert doc.blocks[0].text == "<html><body><p>Only a line.</p></body></html>"


def test_format_html_reads_a_page_auto_would_take_for_text() -> None:
    doc = parse("A line with <b>bold</b> text in it.", format="html")
    assert (doc.blocks[0].text, doc.blocks[0].span) == ("A line with bold text in it.", Span(start=0, end=35))


def test_an_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="expected format to be one of auto, text, html, markdown, got 'xml'"):
        parse("text", format="xml")  # type: ignore[arg-type]


def test_meta_charset_gb2312_bytes_are_decoded_as_gb18030() -> None:
    data = '<meta charset="gb2312"><p>镕基与𠀀</p>'.encode("gb18030")  # 𠀀 is beyond GB2312 and GBK
    assert decode_html(data) == '<meta charset="gb2312"><p>镕基与𠀀</p>'


def test_http_equiv_charset_is_read() -> None:
    data = (HTML_CASES / "article-zh-gb2312.html").read_bytes()
    assert "<title>城市公园今年新增绿地三百公顷_示例新闻网</title>" in decode_html(data)


def test_valid_utf8_wins_over_a_declared_charset() -> None:
    data = '<meta charset="gbk"><p>中文页面</p>'.encode()
    assert decode_html(data) == '<meta charset="gbk"><p>中文页面</p>'


def test_a_byte_order_mark_wins_over_a_declared_charset() -> None:
    data = "\ufeff<meta charset=gbk><p>正文</p>".encode("utf-16-le")
    assert decode_html(data) == "<meta charset=gbk><p>正文</p>"


def test_a_wrong_declared_charset_falls_back_to_detection() -> None:
    data = '<meta charset="utf-16"><p>这是一个用简体中文写的段落，用来检测编码。</p>'.encode("gb18030")
    assert decode_html(data) == '<meta charset="utf-16"><p>这是一个用简体中文写的段落，用来检测编码。</p>'


# ------------------------------------------------------------------ dependency and import


def test_without_selectolax_html_input_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)  # makes the import raise ImportError
    with pytest.raises(MissingDependencyError, match="selectolax"):
        parse("<html><body><p>x</p></body></html>")


def test_text_input_does_not_import_the_html_parser() -> None:
    code = (
        "import sys, bilingual_news; bilingual_news.parse('A page.\\n\\nOf text.'); print('selectolax' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------------ the CLI and the schema


def test_cli_parses_html_to_the_same_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(HTML_CASES / "article-en.html")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == parse_file(HTML_CASES / "article-en.html").to_dict()


def test_cli_input_format_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(HTML_CASES / "fragment.html"), "--input-format", "text"]) == 0
    blocks = json.loads(capsys.readouterr().out)["blocks"]
    assert blocks[0]["text"] == '<div class="post">'


def test_html_document_follows_the_schema(article: Document) -> None:
    import jsonschema

    jsonschema.validate(article.to_dict(), bilingual_news.json_schema())


def test_html_document_round_trips_through_json(article: Document) -> None:
    assert Document.from_json(article.to_json()) == article


def test_cli_evaluate_html_reads_raw_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p1"
    page.mkdir()
    (page / "raw.html").write_bytes((HTML_CASES / "fragment.html").read_bytes())
    gold = {
        "id": "p1",
        "headline": "A short post about the weather",
        "segments": [
            ["headline", "A short post about the weather"],
            ["paragraph", "It rained all morning in the hills, and the roads to the villages were closed until noon."],
            ["paragraph", "By the afternoon the sun was out again, and the farmers went back to the fields to work."],
            ["footer", "Previous post"],
            ["footer", "Next post"],
        ],
    }
    (page / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["evaluate", str(tmp_path), "--html", "--json"]) == 0
    totals = json.loads(capsys.readouterr().out)
    assert (totals["pages"], totals["body_f1"], totals["headline_acc"]) == (1, 1.0, 1.0)


# ------------------------------------------------------------------ invariants

_WORDS = st.sampled_from(["river", "港口", "A&amp;B", "&lt;tag&gt;", "x&nbsp;y", "  ", "\n", "一二三", "Q&A", "©"])
_INLINE = st.sampled_from(["b", "i", "a", "span", "em"])
_BLOCK = st.sampled_from(["p", "div", "li", "h1", "h2", "td", "figcaption", "nav", "footer"])
_DROP = st.sampled_from(["<script>var a = '<p>x</p>';</script>", "<!-- note -->", "<style>p{}</style>", ""])


@st.composite
def _html(draw: st.DrawFn) -> str:
    parts = ["<html><body>"]
    for _ in range(draw(st.integers(1, 8))):
        block = draw(_BLOCK)
        inner = []
        for _ in range(draw(st.integers(1, 4))):
            word = draw(_WORDS)
            if draw(st.booleans()):
                tag = draw(_INLINE)
                word = f"<{tag}>{word}</{tag}>"
            inner.append(word + draw(st.sampled_from(["", " ", "\n  "])))
        parts.append(f"<{block}>{''.join(inner)}</{block}>{draw(_DROP)}")
    parts.append("</body></html>")
    return "".join(parts)


@settings(max_examples=60, deadline=None)
@given(_html())
def test_html_blocks_replay_and_cover_the_text(html: str) -> None:
    doc = parse(html, format="html")
    assert [replayed(doc, b.span) for b in doc.blocks] == [b.text for b in doc.blocks]
    assert (uncovered(doc), overlapping(doc)) == ([], [])


@settings(max_examples=60, deadline=None)
@given(_html())
def test_html_edits_replay_to_the_extracted_text(html: str) -> None:
    page = read_html(html)
    assert apply_edits(html, page.edits) == page.text


# ------------------------------------------------------------------ the labelled corpus


@needs_corpus
def test_html_text_matches_the_corpus_text_dump() -> None:
    corpus = corpus_dir()
    assert corpus is not None
    same = total = 0
    for folder in sorted(p for p in corpus.iterdir() if (p / "raw.html").is_file()):
        ours = read_html(decode_html((folder / "raw.html").read_bytes())).text.splitlines()
        theirs = (folder / "raw.txt").read_text(encoding="utf-8").splitlines()
        same += len(set(ours) & set(theirs))
        total += len(set(theirs))
    assert same / total >= 0.99


@needs_corpus
def test_pinned_html_floors_hold_on_the_corpus() -> None:
    corpus = corpus_dir()
    assert corpus is not None
    floors = read_floors(ROOT / "benchmarks" / "eval_floors_html.json")
    assert check_floors(evaluate(corpus, html=True), floors) == []


def test_dom_extension_stops_where_other_prose_starts_far_below_the_body() -> None:
    from bilingual_news.structure import MAX_EXTENSION_GAP, _near_region

    body, chrome = Kind.PARAGRAPH, Kind.FOOTER
    # body at 0..1; prose right after it (2), then a long run of chrome, then more prose (far)
    kinds = [body, body, chrome, *[chrome] * (MAX_EXTENSION_GAP + 1), chrome]
    promote = [False, False, True, *[False] * (MAX_EXTENSION_GAP + 1), True]
    kept = _near_region(promote, kinds, (0, 1))
    assert (kept[2], kept[-1]) == (True, False)


# ------------------------------------------------------------ the scan's runs of tags
_MARKUP_PIECES = [
    "<div>", "</div>", "<p class='a b'>", "</p>", " ", "\n", "\t", "word", "<br/>", "&amp;", "<", ">",
    "<input type=hidden name=x>", "<input type=text>", "<inputx>", "</input>", "<script>f(1)</script>",
    "</script>", "<scripts>", "<title>T</title>", "<textarea> t </textarea>", "<!-- c -->", "<!doctype html>",
    '<a href="x>y">', "<td a=\"b\"\">", "<STYLE>p{}</STYLE>",
]  # fmt: skip


@given(st.lists(st.sampled_from(_MARKUP_PIECES), max_size=40))
def test_the_scan_takes_runs_of_plain_tags_as_it_takes_each_tag(pieces: list[str]) -> None:
    from bilingual_news import dom

    raw = "".join(pieces)
    # The branch of runs made one that never matches (first or not): the tag branch takes each tag.
    branches = [
        ("| (?!)" if line.lstrip().startswith("|") else "(?!)") if "blanks between them" in line else line
        for line in dom._MARKUP.pattern.split("\n")
    ]
    one_by_one = re.compile("\n".join(branches), dom._MARKUP.flags)
    fast = dom._scan(raw)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dom, "_MARKUP", one_by_one)
        assert dom._scan(raw) == fast
