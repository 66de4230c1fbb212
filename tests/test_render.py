"""The HTML view: every block once with its kind, every quote underlined once, edits marked,
page text escaped, no script and no network; and the `render` command."""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import Block, Document, Edit, Kind, Quote, Span
from bilingual_news.cli import main
from bilingual_news.render import KIND_COLOURS, to_html, to_markdown, to_text
from helpers import EXAMPLES, corpus_pages, needs_corpus

# --------------------------------------------------------------------------- reading a view back


@dataclass
class _Shown:
    """What a rendered view shows, read back from its HTML."""

    blocks: dict[int, tuple[set[str], str]] = field(default_factory=dict)
    """data-i -> (classes of the block element, the text drawn, speaker labels left out)."""
    quote_parts: dict[int, list[str]] = field(default_factory=dict)
    """data-q -> the texts of its underlined elements, in order."""
    quote_classes: dict[int, set[str]] = field(default_factory=dict)
    speakers: dict[int, list[str]] = field(default_factory=dict)
    """data-q -> the speaker labels drawn for it."""
    edits: list[tuple[str, str]] = field(default_factory=list)
    """(title, text) of each edit mark, in order."""
    tags: list[str] = field(default_factory=list)
    attributes: list[str] = field(default_factory=list)
    details: list[dict[str, str | None]] = field(default_factory=list)


class _Reader(HTMLParser):
    VOID = frozenset({"meta", "br", "img", "link", "input", "hr", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shown = _Shown()
        self.stack: list[tuple[str, str]] = []  # (tag, role) per open element
        self.block: int | None = None
        self.text: list[str] = []
        self.quote: int | None = None
        self.speaker: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.shown.tags.append(tag)
        self.shown.attributes.extend(name for name, _ in attrs)
        classes = set((a.get("class") or "").split())
        role = ""
        if tag == "details":
            self.shown.details.append(a)
        if "bn-b" in classes:
            role = "block"
            self.block = int(a["data-i"] or "-1")
            self.text = []
            self.shown.blocks[self.block] = (classes, "")
        elif "bn-t" in classes:
            role = "text"
        elif "bn-q" in classes and self.block is not None:
            role = "quote"
            self.quote = int(a["data-q"] or "-1")
            self.shown.quote_parts.setdefault(self.quote, []).append("")
            self.shown.quote_classes[self.quote] = classes
        elif "bn-who" in classes and self.block is not None:
            role = "speaker"
            self.speaker = int(a["data-q"] or "-1")
            self.shown.speakers.setdefault(self.speaker, []).append("")
        elif "bn-edit" in classes and self.block is not None:
            role = "edit"
            self.shown.edits.append((a.get("title") or "", ""))
        elif "bn-kind" in classes or "bn-lang" in classes:
            role = "label"
        if tag not in self.VOID:
            self.stack.append((tag, role))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        open_tag, role = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"
        if role == "block" and self.block is not None:
            classes, _ = self.shown.blocks[self.block]
            self.shown.blocks[self.block] = (classes, "".join(self.text))
            self.block = None
        elif role == "quote":
            self.quote = None
        elif role == "speaker":
            self.speaker = None

    def handle_data(self, data: str) -> None:
        roles = {role for _, role in self.stack}
        if "label" in roles:
            return
        if self.speaker is not None:
            self.shown.speakers[self.speaker][-1] += data
            return
        if "text" in roles:
            self.text.append(data)
        if self.quote is not None:
            self.shown.quote_parts[self.quote][-1] += data
        if "edit" in roles:
            title, text = self.shown.edits[-1]
            self.shown.edits[-1] = (title, text + data)


def read_view(view: str) -> _Shown:
    reader = _Reader()
    reader.feed(view)
    reader.close()
    assert reader.stack == [], "unclosed elements"
    return reader.shown


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_view_is_true(doc: Document, view: str) -> _Shown:
    """Every block once, with its kind's class and its text; every quote underlined once, its
    speaker once; every edit mark titled with its rule."""
    shown = read_view(view)
    assert sorted(shown.blocks) == list(range(len(doc.blocks)))
    for i, block in enumerate(doc.blocks):
        classes, text = shown.blocks[i]
        assert f"bn-k-{block.kind.value}" in classes, (i, classes)
        assert text.strip() == block.text, (i, text, block.text)
    assert sorted(shown.quote_parts) == list(range(len(doc.quotes)))
    for k, quote in enumerate(doc.quotes):
        parts = shown.quote_parts[k]
        assert _squash("".join(parts)) == _squash(quote.text), (k, parts, quote.text)
        spanned = sum(1 for b in doc.blocks if b.span.start < quote.span.end and quote.span.start < b.span.end)
        assert len(parts) == max(1, spanned), (k, parts)
        if quote.speaker:
            assert shown.speakers.get(k) == [quote.speaker], (k, shown.speakers.get(k))
            assert "bn-speech" in shown.quote_classes[k]
        else:
            assert k not in shown.speakers
            assert "bn-term" in shown.quote_classes[k]
    return shown


# --------------------------------------------------------------------------- the example pages


def test_the_seed_view_shows_every_block_and_quote(seed: Document) -> None:
    shown = assert_view_is_true(seed, to_html(seed))
    assert len(seed.quotes) == 5
    assert shown.speakers == {1: ["President Xi Jinping"], 4: ["President Xi"]}


def test_the_chinese_view_shows_every_block_and_quote(zh: Document) -> None:
    shown = assert_view_is_true(zh, to_html(zh, standalone=True))
    assert [q.speaker for q in zh.quotes].count("住在附近的退休教师陈玉芳") == 2
    assert shown.quote_parts[4] == ["社区共读"]  # between two decoded entities


def test_edits_are_marked_with_rule_before_and_after(seed: Document, zh: Document) -> None:
    shown = read_view(to_html(seed))
    assert shown.edits == [("slash_apostrophe: /' → '", "'")] * 6
    shown = read_view(to_html(zh))
    assert ("html_entity: &ldquo; → “", "“") in shown.edits
    assert ("html_entity: &copy; → ©", "©") in shown.edits


def test_the_summary_line_gives_headline_language_and_counts(seed: Document) -> None:
    view = to_html(seed)
    summary = re.search(r'<header class="bn-summary">(.*?)</header>', view)
    assert summary is not None
    text = re.sub(r"<[^>]+>", "", summary.group(1))
    assert text.startswith(seed.headline or "")
    assert "body en" in text
    assert "20 blocks, 11 in the body" in text
    assert "5 quotes, 2 with a speaker" in text
    assert "6 edits" in text


def test_the_legend_names_the_kinds_on_the_page(zh: Document) -> None:
    legend = re.search(r'<div class="bn-legend".*?</div>', to_html(zh))
    assert legend is not None
    present = {b.kind for b in zh.blocks}
    for kind in Kind:
        assert (f"bn-chip bn-k-{kind.value}" in legend.group(0)) == (kind in present)


def test_every_kind_has_a_colour() -> None:
    assert set(KIND_COLOURS) == set(Kind)


def test_blocks_carry_their_language(zh: Document, seed: Document) -> None:
    view = to_html(zh)
    assert view.startswith('<div class="bn-doc" lang="zh-Hans">')
    assert '<span class="bn-lang">und</span>' in view  # the source URL
    assert to_html(seed).startswith('<div class="bn-doc" lang="en">')


def test_a_standalone_page_folds_the_chrome_and_keeps_the_article_open(zh: Document) -> None:
    page = to_html(zh, standalone=True)
    assert page.startswith("<!doctype html>\n")
    assert '<meta charset="utf-8">' in page
    assert "Content-Security-Policy" in page
    assert f"<title>{zh.headline}</title>" in page
    shown = read_view(page)
    assert [d["data-blocks"] for d in shown.details] == ["0-3", "6-6", "17-25"]
    assert all("open" not in d for d in shown.details)
    # No body block sits inside a fold.
    folded = {i for d in shown.details for i in _range(d["data-blocks"] or "")}
    assert all(zh.blocks[i].kind in (Kind.NAV, Kind.FOOTER) for i in folded)


def _range(text: str) -> range:
    start, end = (int(x) for x in text.split("-"))
    return range(start, end + 1)


def test_the_view_loads_nothing_and_runs_nothing(seed: Document) -> None:
    for view in (to_html(seed), to_html(seed, standalone=True)):
        shown = read_view(view)
        assert not {"script", "img", "link", "iframe", "object", "embed", "a", "svg"} & set(shown.tags)
        assert not {"src", "href", "srcset", "action"} & set(shown.attributes)
        assert not [name for name in shown.attributes if name.startswith("on")]
        assert "@import" not in view
        assert "url(" not in view


def test_repr_html_is_the_fragment(seed: Document) -> None:
    assert seed._repr_html_() == to_html(seed)


def test_text_and_markdown_views_stay(seed: Document) -> None:
    assert to_text(seed).startswith(seed.headline or "")
    assert to_markdown(seed).startswith(f"# {seed.headline}")


def test_an_empty_page_renders() -> None:
    view = to_html(bilingual_news.parse(""), standalone=True)
    assert "no headline" in view
    assert "<b>0</b> blocks" in view


# --------------------------------------------------------------------------- hostile pages

HOSTILE = """首页 新闻 <script>document.title='PWNED'</script>
A Headline With <img src=x onerror="document.title='PWNED'"> Inside It

The minister said: “<script>document.body.dataset.pwned = 1</script> we will <b>not</b> stop.”
Escaped twice: &lt;script&gt;alert(1)&lt;/script&gt; and an attribute breaker " onmouseover="alert(1) here.
<svg onload=alert(1)> and <a href="javascript:alert(1)">a link</a> follow in this long paragraph of text.
"""


def test_page_text_is_escaped_never_markup() -> None:
    doc = bilingual_news.parse(HOSTILE)
    assert any("<script>alert(1)</script>" in b.text for b in doc.blocks)  # an entity decoded to markup
    for view in (to_html(doc), to_html(doc, standalone=True)):
        shown = read_view(view)
        assert not {"script", "img", "svg", "a"} & set(shown.tags)
        assert not [name for name in shown.attributes if name.startswith("on")]
        assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;&lt;/script&gt;" in view
        assert "we will &lt;b&gt;not&lt;/b&gt; stop." in view
        assert_view_is_true(doc, view)


def test_values_from_a_hand_built_document_are_escaped_too() -> None:
    raw = "He said “hi” ok"
    evil = '"><script>x()</script>'
    doc = Document(
        raw=raw,
        blocks=(Block(kind=Kind.PARAGRAPH, text=raw, span=Span(start=0, end=len(raw)), lang=evil, reasons=(evil,)),),
        quotes=(Quote(text="hi", speaker=evil, span=Span(start=9, end=11), block=0, verb=evil),),
        edits=(Edit(rule=evil, span=Span(start=0, end=0), before="", after=""),),
        headline=evil,
        lang=evil,
        warnings=(evil,),
    )
    for view in (to_html(doc), to_html(doc, standalone=True)):
        assert "<script" not in view
        assert 'lang="&quot;&gt;&lt;script&gt;' in view
        assert_view_is_true(doc, view)


# --------------------------------------------------------------------------- placing quotes and edits


def _doc(raw: str, blocks: list[tuple[Kind, str, int, int]], **fields: object) -> Document:
    return Document(
        raw=raw,
        blocks=tuple(Block(kind=k, text=t, span=Span(start=s, end=e), lang="en") for k, t, s, e in blocks),
        **fields,  # type: ignore[arg-type]
    )


def test_a_quote_across_paragraphs_is_underlined_in_each_with_one_speaker() -> None:
    raw = "She said: “One two.\n\nThree four.” The end."
    doc = _doc(
        raw,
        [(Kind.PARAGRAPH, "She said: “One two.", 0, 19), (Kind.PARAGRAPH, "Three four.” The end.", 21, 42)],
        quotes=(Quote(text="One two.\n\nThree four.", speaker="She", span=Span(start=11, end=32), block=0),),
    )
    shown = assert_view_is_true(doc, to_html(doc))
    assert shown.quote_parts[0] == ["One two.", "Three four."]
    assert shown.speakers == {0: ["She"]}
    assert re.search(r'Three four\.</span>”<span class="bn-who"', to_html(doc))  # after the closing mark


def test_a_quote_boundary_inside_an_edit_moves_to_its_edge() -> None:
    raw = "He said &ldquo;hi there&rdquo; to us all."
    text = "He said “hi there” to us all."
    edits = (
        Edit(rule="html_entity", span=Span(start=8, end=15), before="&ldquo;", after="“"),
        Edit(rule="html_entity", span=Span(start=23, end=30), before="&rdquo;", after="”"),
    )
    quote = Quote(text="hi there", speaker="He", span=Span(start=12, end=23), block=0)  # starts inside &ldquo;
    doc = _doc(raw, [(Kind.PARAGRAPH, text, 0, len(raw))], edits=edits, quotes=(quote,))
    view = to_html(doc)
    shown = read_view(view)
    assert shown.quote_parts[0] == ["“hi there"]  # the edit is drawn whole, inside the quote
    assert shown.speakers == {0: ["He"]}
    assert re.search(r"title=\"html_entity: &amp;rdquo; → ”\">”</ins><span class=\"bn-who\"", view)


def test_a_deletion_is_a_mark_with_its_before() -> None:
    raw = "Zero\u200bwidth text in a line."
    edits = (Edit(rule="zero_width", span=Span(start=4, end=5), before="\u200b", after=""),)
    doc = _doc(raw, [(Kind.PARAGRAPH, "Zerowidth text in a line.", 0, len(raw))], edits=edits)
    shown = read_view(to_html(doc))
    assert shown.edits == [("zero_width: U+200B → ∅", "")]


def test_a_block_that_does_not_replay_is_drawn_from_its_text() -> None:
    raw = "garbled raw that does not match"
    doc = _doc(
        raw,
        [(Kind.PARAGRAPH, "They said “fine” then.", 0, len(raw))],
        quotes=(Quote(text="fine", speaker="They", span=Span(start=0, end=4), block=0),),
    )
    view = to_html(doc)
    shown = assert_view_is_true(doc, view)
    assert shown.quote_parts == {0: ["fine"]}
    assert 'data-drawn="text"' in view


# --------------------------------------------------------------------------- many pages

pieces = st.one_of(
    st.sampled_from(
        [
            "首页 资讯",
            "Back to top",
            "A Title Of The Article Here",
            "来源：新华社 作者：李明",
            "The ministry said on Monday that trade between the two countries grew by 5 percent last year.",
            "外交部发言人表示，“双方将继续深化合作”，共同维护地区和平与稳定。",
            "“We will keep going,” she said, “and we will not stop for anyone at all.”",
            "He called it a &ldquo;turning point&rdquo; and said &quot;no more&quot; to the press today.",
            "President Xi/'s visit and the country/'s plans were discussed at length by the delegates.",
            "Zero\u200bwidth and soft\u00adhyphen and odd\u3000spaces inside a line of body text here.",
            "<script>alert(1)</script> “quoted <b>bold</b>” said the man &lt;i&gt;",
            "图为活动现场。",
        ]
    ),
    st.text(max_size=30),
)
pages = st.lists(pieces, max_size=20).map("\n\n".join)


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(pages)
def test_every_generated_page_renders_true(raw: str) -> None:
    doc = bilingual_news.parse(raw)
    view = to_html(doc, standalone=True)
    assert_view_is_true(doc, view)
    assert "<script" not in view
    assert "data-drawn" not in view  # parse() output always replays: quotes and edits placed by span


@needs_corpus
def test_every_labelled_page_renders_true() -> None:
    for page in corpus_pages():
        doc = bilingual_news.parse((page / "raw.txt").read_bytes())
        view = to_html(doc)
        assert_view_is_true(doc, view)
        assert "data-drawn" not in view


# --------------------------------------------------------------------------- the command


def test_render_writes_a_standalone_page(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert main(["render", str(EXAMPLES / "seed.txt"), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert page == to_html(bilingual_news.parse_file(EXAMPLES / "seed.txt"), standalone=True)


def test_render_reads_stdin_and_writes_stdout(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = "新闻中心 > 国内 > 正文\n\n江边新建的步行道本周开放，沿途设置了十二处休息点和两座观景平台。"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.encode("utf-8"))))
    assert main(["render", "-", "--url", "https://example.org/a?b=1&c=<2>"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out.startswith("<!doctype html>")
    assert "江边新建的步行道本周开放" in out
    assert '<span class="bn-url">https://example.org/a?b=1&amp;c=&lt;2&gt;</span>' in out  # text, not a link


def test_render_of_a_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err
