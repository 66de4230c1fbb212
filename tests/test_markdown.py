"""Markdown input: a page's Markdown read into the same blocks as text, with spans into the Markdown (docs/input.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual_news import Document, InputError, parse, parse_file, parse_many
from bilingual_news.cli import main
from bilingual_news.markdown import looks_like_markdown, read_markdown
from bilingual_news.model import BODY_KINDS
from bilingual_news.offsets import apply_edits
from bilingual_news.pipeline import normalize_page
from helpers import CASES, overlapping, uncovered

MD_CASES = CASES / "markdown"
PAGES: list[dict[str, Any]] = json.loads((MD_CASES / "pages.json").read_text(encoding="utf-8"))["cases"]
DETECT: list[dict[str, Any]] = json.loads((MD_CASES / "detect.json").read_text(encoding="utf-8"))["cases"]
MARKUP = ("](", "![", "**", "\\*", "&amp;", "# ", "---")


def replayed(doc: Document, start: int, end: int) -> str:
    """The raw characters of ``[start, end)`` with the document's edits inside applied."""
    parts: list[str] = []
    pos = start
    for edit in doc.edits:
        if edit.span.start >= start and edit.span.end <= end:
            parts.append(doc.raw[pos : edit.span.start])
            parts.append(edit.after)
            pos = edit.span.end
    parts.append(doc.raw[pos:end])
    return "".join(parts)


@pytest.fixture(scope="module")
def article() -> Document:
    return parse_file(MD_CASES / "article.md")


# ------------------------------------------------------------------ detection


@pytest.mark.parametrize("case", DETECT, ids=[c["label"] for c in DETECT])
def test_detection(case: dict[str, Any]) -> None:
    assert looks_like_markdown(case["page"]) is case["markdown"]


def test_auto_reads_a_rendered_page_as_markdown(article: Document) -> None:
    assert article == parse_file(MD_CASES / "article.md", format="markdown")


def test_a_plain_dump_with_a_heading_like_line_stays_text() -> None:
    page = "Menu\n# 1 in the charts\nA plain line of the body.\n"
    assert parse(page) == parse(page, format="text")


def test_format_markdown_forces_the_reader() -> None:
    doc = parse("Title of ours\n===\n\nThe body, with **strong** words.\n", format="markdown")
    assert [b.text for b in doc.blocks] == ["Title of ours", "The body, with strong words."]


# ------------------------------------------------------------------ the pages of tests/cases/markdown


@pytest.mark.parametrize("case", PAGES, ids=[c["file"] for c in PAGES])
def test_page_headline_and_body(case: dict[str, Any]) -> None:
    doc = parse_file(MD_CASES / case["file"])
    assert doc.headline == case["headline"]
    assert [b.text for b in doc.blocks if b.kind in BODY_KINDS] == case["body"]


@pytest.mark.parametrize("case", PAGES, ids=[c["file"] for c in PAGES])
def test_page_chrome_is_not_body(case: dict[str, Any]) -> None:
    doc = parse_file(MD_CASES / case["file"])
    body = [b.text for b in doc.blocks if b.kind in BODY_KINDS]
    assert [t for t in case["not_body"] if any(t in b for b in body)] == []


def test_no_block_holds_markup(article: Document) -> None:
    assert [b.text for b in article.blocks if any(m in b.text for m in MARKUP)] == []


def test_a_link_target_is_not_text(article: Document) -> None:
    assert [b.text for b in article.blocks if "example.org" in b.text or "/world" in b.text] == []


def test_spans_point_into_the_markdown(article: Document) -> None:
    assert article.raw == (MD_CASES / "article.md").read_text(encoding="utf-8")
    assert [replayed(article, b.span.start, b.span.end) for b in article.blocks] == [b.text for b in article.blocks]


def test_an_image_is_an_edit_of_its_own(article: Document) -> None:
    images = [e.before for e in article.edits if e.rule == "md_image"]
    assert images == ["![A lantern over the river at dusk](https://img.example.org/lantern.jpg)"]


def test_escapes_and_entities_are_traced() -> None:
    page = read_markdown("One \\* two &amp; three\n")
    assert [(e.rule, e.before, e.after) for e in page.edits] == [
        ("md_escape", "\\*", "*"),
        ("html_entity", "&amp;", "&"),
    ]


def test_a_soft_break_joins_chinese_with_nothing_and_english_with_a_space() -> None:
    assert read_markdown("第一行\n第二行\n\nfirst line\nsecond line\n").text == "第一行第二行\nfirst line second line\n"


def test_a_hard_break_ends_the_line() -> None:
    page = read_markdown("one line  \nnext line\n")
    assert (page.text, len(page.lines)) == ("one line\nnext line\n", 2)


def test_a_line_of_links_is_all_link() -> None:
    page = read_markdown("[One](/a) [Two](/b)\n\nPlain words here.\n")
    assert [h.link_density for h in page.lines] == [1.0, 0.0]


def test_table_cells_are_lines_and_their_pipes_markup() -> None:
    assert read_markdown("| a | b \\| c |\n| --- | --- |\n| d | e |\n").text == "a\nb | c\nd\ne\n"


def test_a_rows_cells_past_the_headers_count_are_read() -> None:
    # markdownify writes nested layout tables on one row: GFM drops the cells past the header's.
    page = "|  |  |\n| --- | --- |\n| [Home](/) | Menu | | --- | | **Tide tables due** | | The port posts them. |\n"
    assert read_markdown(page).text == "Home\nMenu\nTide tables due\nThe port posts them.\n"


def test_blanks_running_in_a_cell_break_its_lines() -> None:
    # markdownify writes a cell's paragraphs on one line, two blanks between them.
    page = "| x |\n| --- |\n| The pier reopens.  Boats return in May. |\n"
    assert read_markdown(page).text == "x\nThe pier reopens.\nBoats return in May.\n"


def test_blanks_running_in_a_links_text_break_its_line() -> None:
    # html2text leaves two blanks where a widget's parts, each on a source line of its own, meet.
    page = "* [ Find on this site  Whole web  Go ]()\n\nThe  text stays.\n"
    lines = [line.strip() for line in read_markdown(page).text.splitlines()]
    assert lines == ["Find on this site", "Whole web", "Go", "The text stays."]


def test_a_rule_and_list_markers_in_a_cell_are_markup() -> None:
    # markdownify writes a cell's <hr> as `---` and its list items as `1. item`, on the cell's line.
    page = "| x |\n| --- |\n| Notes from the pier.  ---  1. First reply  * Second reply |\n"
    assert read_markdown(page).text == "x\nNotes from the pier.\nFirst reply\nSecond reply\n"


def test_inline_code_in_a_cell_keeps_its_blanks_on_one_line() -> None:
    # markdownify writes a <pre> inside a cell as a code span: its indentation is no line break.
    page = "| x |\n| --- |\n| ``` SELECT id,   name FROM t; ``` |\n"
    assert read_markdown(page).text.count("\n") == 2


def test_a_bilingual_heading_fused_on_one_line_is_two_titles() -> None:
    # markdownify joins <h1>English<br>中文</h1> with a blank; html2text writes the translation below.
    page = read_markdown("Night ferries return to the island 夜班渡轮重返海岛\n===\n\nThe text.\n")
    assert page.text.split("\n")[:2] == ["Night ferries return to the island", "夜班渡轮重返海岛"]
    assert [sorted(h.tags) for h in page.lines[:2]] == [["h1"], ["p"]]


@pytest.mark.parametrize(
    "heading",
    ["Bai Yun Jian Jian Yuan (白云渐渐远 - 某歌手)", "Apple 发布新品 in Shenzhen", "港口 Night Market 开幕"],
)
def test_a_heading_with_a_gloss_or_a_name_stays_one_line(heading: str) -> None:
    assert read_markdown(f"# {heading}\n").text == f"{heading}\n"


def test_a_code_block_is_one_line() -> None:
    # As the HTML reader reads a <pre>: a listing is one piece of the article, not one per line.
    page = "Intro.\n\n    const harbour = 1;\n    let ferry = 2;\n\nAfter.\n"
    assert read_markdown(page).text == "Intro.\nconst harbour = 1; let ferry = 2;\nAfter.\n"


def test_an_indented_block_of_links_stays_a_line_per_line() -> None:
    # A converter's indented menu (links, list markers) parses as a code block: it is no code.
    page = "Intro.\n\n    * [Words](/words)\n    * [About](/about)\n\nAfter.\n"
    assert read_markdown(page).text.count("\n") == 4


def test_an_indented_menus_lines_are_read_as_markdown() -> None:
    # html2text indents a nested list four blanks: a code block for CommonMark, its links no code.
    page = "Intro.\n\n    * [Words](/words)\n    * [ ![A logo](/logo.png) About us ](/about)\n\nAfter.\n"
    page_read = read_markdown(page)
    assert [line.strip() for line in page_read.text.splitlines()] == ["Intro.", "Words", "About us", "After."]
    assert [h.link_density for h in page_read.lines[1:3]] == [1.0, 1.0]


def test_strong_emphasis_around_blocks_is_markup() -> None:
    # html2text writes <strong> around a heading and paragraphs as `## **`, the blocks, then `**`.
    assert read_markdown("## **\n\nWinter menu\n\n**\n\nSoup of the day.\n").text == "Winter menu\nSoup of the day.\n"


def test_a_table_rule_left_where_no_table_parses_is_markup() -> None:
    # html2text writes a layout table's rule under a row that is no table header for CommonMark.
    page = "[Home](/) > [News](/n/) > Story |  \n---|---  \n---  \nHarbour walk opens on Monday  \n---\n"
    assert "---" not in read_markdown(page).text


# ------------------------------------------------------------------ invariants

_WORDS = st.sampled_from(["word", "字词", "新闻", "story", "x", "1.", "2024", "“引号”", "it's", "a-b"])
_INLINE = st.one_of(
    _WORDS,
    _WORDS.map(lambda w: f"**{w}**"),
    _WORDS.map(lambda w: f"*{w}*"),
    _WORDS.map(lambda w: f"[{w}](https://example.org/{len(w)})"),
    _WORDS.map(lambda w: f"![{w}](/i.png)"),
    _WORDS.map(lambda w: f"`{w}`"),
    st.sampled_from(["\\*", "&amp;", "&#20013;", "\\_", "<b>", "</b>"]),
    # what CommonMark leaves as text: a converter's bold label, ** next to Chinese punctuation,
    # destinations with a blank
    _WORDS.map(lambda w: f"**{w} **"),
    _WORDS.map(lambda w: f"**“{w}”**。"),
    _WORDS.map(lambda w: f"****{w}"),
    _WORDS.map(lambda w: f"[{w}](/a {w})"),
    _WORDS.map(lambda w: f"![{w}]( /i {w}.png)"),
)
_LINE = st.lists(_INLINE, min_size=1, max_size=6).map(" ".join)
_BLOCK = st.one_of(
    _LINE,
    _LINE.map(lambda t: "# " + t),
    _LINE.map(lambda t: "> " + t),
    _LINE.map(lambda t: "- " + t),
    _LINE.map(lambda t: "1. " + t),
    st.lists(_LINE, min_size=2, max_size=3).map("\n".join),
    _LINE.map(lambda t: f"| {t} | {t} |\n| --- | --- |\n| {t} | x |"),
    _LINE.map(lambda t: f"```\n{t}\n```"),
)


@st.composite
def _markdown(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(_BLOCK, min_size=1, max_size=6))
    return draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n\n\n"])).join(blocks)


@settings(max_examples=60, deadline=None)
@given(_markdown())
def test_markdown_edits_replay_to_the_text(page: str) -> None:
    read = read_markdown(page)
    assert apply_edits(page, read.edits) == read.text
    assert len(read.lines) == len(read.text.splitlines())


@settings(max_examples=40, deadline=None)
@given(_markdown())
def test_markdown_blocks_replay_and_cover_the_text(page: str) -> None:
    doc = parse(page, format="markdown")
    assert [replayed(doc, b.span.start, b.span.end) for b in doc.blocks] == [b.text for b in doc.blocks]
    assert (uncovered(doc), overlapping(doc)) == ([], [])


# ------------------------------------------------------------------ formats everywhere


def test_parse_many_takes_a_format() -> None:
    page = "Title of ours\n===\n\nThe body, with **strong** words.\n"
    (result,) = parse_many([page], format="markdown")
    assert result.document == parse(page, format="markdown")


def test_parse_many_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="expected format to be one of auto, text, html, markdown, got 'pdf'"):
        parse_many(["x"], format="pdf")  # type: ignore[arg-type]


def test_batch_reads_a_records_format(tmp_path: Path) -> None:
    shard = tmp_path / "in.jsonl"
    records = [
        {"id": "md", "text": "A title\n===\n\nSome **strong** words.\n", "format": "markdown"},
        {"id": "bad", "text": "x", "format": "pdf"},
    ]
    shard.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(shard), "-o", str(out)]) == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [b["text"] for b in lines[0]["document"]["blocks"]] == ["A title", "Some strong words."]
    assert 'expected "format" to be one of' in lines[1]["error"]["message"]


def test_batch_takes_html_and_markdown_files_from_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pages").mkdir()
    for name in ("a.txt", "b.html", "c.htm", "d.md", "e.csv"):
        (tmp_path / "pages" / name).write_text("<p>One line.</p>" if "htm" in name else "One line.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "pages"), "-o", str(out)]) == 0
    ids = [Path(json.loads(line)["id"]).name for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a.txt", "b.html", "c.htm", "d.md"]
    assert "1 files in the folders left out" in capsys.readouterr().err


def test_batch_input_format_applies_to_every_page(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("Title of ours\n===\n\nWords.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(page), "-o", str(out), "--input-format", "markdown"]) == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [b["text"] for b in record["document"]["blocks"]] == ["Title of ours", "Words."]


def test_normalize_command_reads_html_as_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text('<!DOCTYPE html><script>var a = "\\"x\\"";</script><p>It/\'s here</p>', encoding="utf-8")
    assert main(["normalize", str(page)]) == 0
    assert capsys.readouterr().out == "It's here\n"


def test_normalize_page_of_markdown_is_traced_to_the_markdown() -> None:
    norm = normalize_page("# A title\n\nSome *words* here.\n", format="markdown")
    assert (norm.text, apply_edits(norm.raw, norm.edits)) == ("A title\nSome words here.\n", norm.text)


def test_an_unknown_input_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="expected format to be one of auto, text, html, markdown"):
        parse("x", format="rst")  # type: ignore[arg-type]


def test_import_does_not_load_markdown_it() -> None:
    code = "import sys, bilingual_news; bilingual_news.parse('A plain line.'); print('markdown_it' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_unclosed_emphasis_of_a_converter_is_markup() -> None:
    assert read_markdown("**Latest **\n\nA paragraph of ours.\n").text == "Latest\nA paragraph of ours.\n"


def test_emphasis_next_to_chinese_punctuation_is_markup() -> None:
    page = read_markdown("他说这件事**“不会再发生”**，然后离开了。\n")
    assert (page.text, [e.before for e in page.edits]) == ("他说这件事“不会再发生”，然后离开了。\n", ["**", "**"])


def test_a_link_with_a_blank_in_its_path_keeps_its_text_as_a_link() -> None:
    page = read_markdown("Read [the ferry timetable](/guides/ferry timetable 2026) before you go.\n")
    assert (page.text, page.lines[0].link_chars) == ("Read the ferry timetable before you go.\n", 17)


def test_an_image_with_a_blank_in_its_source_is_dropped() -> None:
    page = read_markdown("Before ![a map](/img/old harbour.png) after.\n")
    assert (page.text, [e.rule for e in page.edits][:1]) == ("Before after.\n", ["md_image"])


def test_a_link_across_paragraphs_keeps_its_text_as_a_link() -> None:
    # markdownify writes <a> around block elements as `[`, the blocks, then `](target "title")`.
    page = read_markdown('[\n\nHarbour lights go dark for a night](/2026/lights/ "Harbour lights")\n\nBody.\n')
    assert page.text == "Harbour lights go dark for a night\nBody.\n"
    assert page.lines[0].link_density == 1.0


def test_a_linked_image_with_a_blank_in_the_links_target_is_dropped() -> None:
    page = '[![](/icons/share.png)](https://example.org/share?title=Ferry fares rise "share")\n\nBody.\n'
    assert read_markdown(page).text == "Body.\n"


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("The ferry is late again. **Harbour staff said so.\n", "The ferry is late again. Harbour staff said so.\n"),
        ("The new timetable starts in May.**\n", "The new timetable starts in May.\n"),
        ("Call it with f(*args, **kwargs) here.\n", "Call it with f(*args, **kwargs) here.\n"),
    ],
)
def test_strong_emphasis_left_at_a_sentences_edge_is_markup(markdown: str, text: str) -> None:
    # A <strong> spanning paragraphs leaves one `**` in each; `**kwargs` is code's own.
    assert read_markdown(markdown).text == text


def test_a_link_whose_target_holds_a_tag_is_markup_across_it() -> None:
    # html2text keeps a share link's title, with its <br>, in the link's target.
    page = "[](/share?url=x&title=Ferry fares rise<br>渡轮票价上涨 - Harbour News) Body text stays.\n"
    assert read_markdown(page).text == "Body text stays.\n"


def test_an_svg_data_image_with_parentheses_is_dropped() -> None:
    page = "![]( data:image/svg+xml,%3csvg%3e%3cg transform='scale(2)'%3e%3c/g%3e%3c/svg%3e)\n\nBody.\n"
    assert read_markdown(page).text == "Body.\n"


@pytest.mark.parametrize(
    ("markdown", "text"),
    [("__7 __12 replies\n", "7 12 replies\n"), ("Read ****more\n", "Read more\n")],
)
def test_html2texts_empty_emphasis_is_markup(markdown: str, text: str) -> None:
    # html2text writes an empty <i> (an icon font's) as `__` and an empty <b> as `****`.
    assert read_markdown(markdown).text == text


def test_a_table_rows_edge_pipes_left_in_a_paragraph_are_markup() -> None:
    # html2text's layout table where no table parses: the pipes at the lines' ends are cell edges.
    page = "|  Ferry fares rise again |  \nBy a reporter | The Courier\n"
    assert read_markdown(page).text == "Ferry fares rise again\nBy a reporter | The Courier\n"


def test_asterisks_in_inline_code_and_odd_ones_in_text_stay() -> None:
    page = read_markdown("Call `f(**options)` or write 2**10 in the shell.\n")
    assert page.text == "Call f(**options) or write 2**10 in the shell.\n"


def test_jina_readers_header_gives_the_source_url_and_time() -> None:
    doc = parse_file(MD_CASES / "jina-reader-header.md")
    assert (doc.source_url, str(doc.metadata.published)) == (
        "https://news.example.org/2026/12/harbour-ferry-returns",
        "2026-12-04 08:30:00+08:00",
    )


_TITLE_TAIL_PAGE = """Harbour ferry adds a night crossing - The Courier

* [Home](/)
* [News](/news)
* [Sport](/sport)

Harbour ferry adds a night crossing{tail}
===========================================

The ferry company said on Monday that a late boat would leave the north quay at eleven
each night from March, after a year of requests from shift workers at the port.

Tickets will cost the same as on the day crossings, the company said.
"""


def test_a_button_fused_into_the_title_heading_is_split_off() -> None:
    # markdownify joins an <h1>'s elements with a blank: the title, then a "Listen" button's label.
    page = _TITLE_TAIL_PAGE.format(tail=" Listen")
    assert "Listen" in read_markdown(page).text.splitlines()
    assert parse(page, format="markdown").headline == "Harbour ferry adds a night crossing"


def test_a_heading_longer_than_the_title_by_words_of_its_own_stays_whole() -> None:
    page = read_markdown(_TITLE_TAIL_PAGE.format(tail=" despite the protests"))
    assert "Harbour ferry adds a night crossing despite the protests" in page.text.splitlines()


def test_a_first_line_no_later_line_confirms_is_no_title_line() -> None:
    page = read_markdown("A note before the menu\n\n* [Home](/)\n\nSome other heading\n\nText of the page.\n")
    assert (page.head.title, page.lines[0].tags) == (None, frozenset({"p"}))


@pytest.mark.parametrize(
    ("href", "home"),
    [
        ("/", True),
        ("https://example.org", True),
        ("https://example.org/?ref=logo", True),
        ("/index.html", True),
        ("https://example.org/news/a-story.html", False),
        ("#top", False),
        ("", False),
    ],
)
def test_a_link_home_is_one_to_the_sites_root(href: str, home: bool) -> None:
    from bilingual_news.markdown import _home_url

    assert _home_url(href) is home


def test_an_escaped_asterisk_after_emphasis_in_a_table_keeps_its_cell() -> None:
    # Each cell's text is looked for between its own pipes, not from where the last cell's ended.
    page = "| \\* *word* | \\* *word* |\n| --- | --- |\n"
    assert read_markdown(page).text == "* word\n* word\n"
