"""The HTML reader's fast forms give what its plain forms give (issue 20: speed).

:func:`bilingual_news.dom._pieces` (the DOM walk: tag kinds as bits, a page's frames computed
once), :func:`bilingual_news.dom._changes` (the separators and the insides of pieces done in
one loop) and :func:`bilingual_news.offsets.merge_edits` on first changes (records built slot
by slot) are checked here against the plain forms they replaced, kept below as they were:
a node at a time, a frame for every element, a call per gap and per piece.
"""

from __future__ import annotations

import html as _html
import pickle
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual_news import dom
from bilingual_news.decode import decode_html
from bilingual_news.dom import (
    _ASCII_SPACE,
    _CHARREF,
    _INNER,
    _OPAQUE_TAGS,
    _PAGE_TAGS,
    BLOCK_TAGS,
    SKIP_TAGS,
    STRUCTURE_TAGS,
    LineHints,
    Separators,
    _class_words,
    _Elements,
    _Frame,
    _match,
    _Piece,
    element_weight,
)
from bilingual_news.model import Edit, Span
from bilingual_news.offsets import Change, merge_edits
from helpers import corpus_dir, needs_corpus

# ------------------------------------------------------------------ the plain forms


def _class_and_id(attrs: dict[str, str | None]) -> str:
    """An element's class words and its id, in one string (``""`` when it has neither)."""
    names = attrs.get("class") or ""
    ident = attrs.get("id")
    return f"{names} {ident}" if ident else names


def _plain_element_weight(tag: str, attrs: dict[str, str | None]) -> int:
    """:func:`element_weight` as it read the class and id joined, each name pattern once."""
    weight = dom._TAG_WEIGHTS.get(tag, 0)
    if attrs:
        names = _class_and_id(attrs).lower()
        if names:
            if dom.POSITIVE_NAMES.search(names):
                weight += dom.NAME_WEIGHT
            if dom.NEGATIVE_NAMES.search(names):
                weight -= dom.NAME_WEIGHT
        prop = attrs.get("itemprop")
        if prop and "articlebody" in prop.lower():
            weight += dom.ARTICLE_BODY_WEIGHT
        role = attrs.get("role")
        if role and role.lower() == "main":
            weight += dom.SECTION_WEIGHT
    return weight


def _plain_frame(attrs: dict[str, str | None], tag: str, parent: _Frame) -> _Frame:
    tags = parent.tags | {tag} if tag in STRUCTURE_TAGS else parent.tags
    words = parent.words
    if attrs and tag not in _PAGE_TAGS:
        names = _class_and_id(attrs)
        if names:
            found = _class_words(names)
            if found and not found <= words:
                words = words | found
    link = parent.link or tag == "a"
    if tags is parent.tags and words is parent.words and link == parent.link:
        return parent
    return _Frame(tags, words, link)


def _plain_pieces(tree: Any, raw: str, stretches: list[tuple[int, int]]) -> tuple[list[_Piece], _Elements]:
    pieces: list[_Piece] = []
    elements = _Elements([], [], [])
    root = tree.root
    if root is None:
        return pieces, elements
    frames = [_Frame(frozenset(), frozenset(), False)]
    open_tags: list[str] = []
    blocks = [-1]
    parents, element_tags, weights = elements
    cursor = line = skipping = 0
    line_used = space = False
    node = root
    while node is not None:
        tag = node.tag
        descend = False
        if tag == "-text":
            text = node.text_content or ""
            if not text.strip(_ASCII_SPACE):
                space = space or bool(text)
            else:
                found = _match(raw, text, stretches, cursor)
                if found is not None and skipping:
                    cursor = found + 1
                elif found is not None:
                    cursor = found + 1
                    start, end = stretches[found]
                    core_start = start
                    while core_start < end and raw[core_start] in _ASCII_SPACE:
                        core_start += 1
                    core_end = end
                    while core_end > core_start and raw[core_end - 1] in _ASCII_SPACE:
                        core_end -= 1
                    piece = (core_start, core_end, line, space or core_start > start, core_end < end)
                    pieces.append(_Piece(*piece, frames[-1], blocks[-1]))
                    line_used, space = True, False
        elif tag is not None and tag[0] != "-":
            if skipping:
                if tag not in _OPAQUE_TAGS:
                    frames.append(frames[-1])
                    open_tags.append(tag)
                    blocks.append(blocks[-1])
                    skipping += 1
                    descend = True
            else:
                if tag in BLOCK_TAGS and line_used:
                    line, line_used = line + 1, False
                if tag in SKIP_TAGS:
                    if tag not in _OPAQUE_TAGS:
                        frames.append(frames[-1])
                        open_tags.append(tag)
                        blocks.append(blocks[-1])
                        skipping = 1
                        descend = True
                elif tag not in ("br", "hr"):
                    attrs = node.attributes
                    frames.append(_plain_frame(attrs, tag, frames[-1]))
                    open_tags.append(tag)
                    if tag in BLOCK_TAGS:
                        blocks.append(len(parents))
                        parents.append(blocks[-2])
                        element_tags.append(tag)
                        weights.append(element_weight(tag, attrs))
                    else:
                        blocks.append(blocks[-1])
                    descend = True
        elif tag == "-document":
            descend = True
        if descend:
            child = node.first_child
            if child is not None:
                node = child
                continue
            if tag != "-document":
                if skipping:
                    skipping -= 1
                elif tag in BLOCK_TAGS and line_used:
                    line, line_used = line + 1, False
                frames.pop()
                open_tags.pop()
                blocks.pop()
        while node is not None:
            nxt = node.next
            if nxt is not None:
                node = nxt
                break
            if not open_tags:
                node = None
                break
            node = node.parent
            closed = open_tags.pop()
            blocks.pop()
            if skipping:
                skipping -= 1
            elif closed in BLOCK_TAGS and line_used:
                line, line_used = line + 1, False
            frames.pop()
    return pieces, elements


def _plain_inner(raw: str, start: int, end: int, changes: list[Change]) -> None:
    for m in _INNER.finditer(raw, start, end):
        s = m.start()
        if raw[s] == "&":
            ref = _CHARREF.match(raw, s, end)
            if ref is None:
                continue
            after = _html.unescape(ref.group())
            if not after.strip(_ASCII_SPACE):
                after = " "
            if after != ref.group():
                changes.append(Change(s, ref.end(), after, "html_entity"))
        elif not changes or changes[-1].end <= s:
            changes.append(Change(s, m.end(), " ", "html_whitespace"))


def _plain_hints(pieces: list[_Piece]) -> LineHints:
    first = pieces[0]
    chars = sum(p.end - p.start for p in pieces)
    link_chars = sum(p.end - p.start for p in pieces if p.frame.link)
    return LineHints(first.start, pieces[-1].end, first.frame.tags, first.frame.words, chars, link_chars, first.block)


def _plain_changes(
    raw: str, pieces: list[_Piece], drops: list[tuple[int, int, str]]
) -> tuple[list[Change], list[LineHints]]:
    changes: list[Change] = []
    lines: list[LineHints] = []
    prev_end = 0
    prev: _Piece | None = None
    line_pieces: list[_Piece] = []
    separator = Separators(raw, drops, "html_markup", changes)
    for piece in pieces:
        if prev is None:
            sep = ""
        elif piece.line != prev.line:
            sep = "\n"
            lines.append(_plain_hints(line_pieces))
            line_pieces = []
        elif piece.space_before or prev.space_after:
            sep = " "
        else:
            sep = ""
        separator(prev_end, piece.start, sep)
        _plain_inner(raw, piece.start, piece.end, changes)
        line_pieces.append(piece)
        prev_end = piece.end
        prev = piece
    if line_pieces:
        lines.append(_plain_hints(line_pieces))
    separator(prev_end, len(raw), "\n" if pieces else "")
    return changes, lines


def _plain_first_edits(raw: str, changes: list[Change]) -> list[Edit]:
    return [
        Edit(rule=c.rule, span=Span(start=c.start, end=c.end), before=raw[c.start : c.end], after=c.after)
        for c in changes
        if raw[c.start : c.end] != c.after
    ]


# ------------------------------------------------------------------ the checks


def _agree(raw: str) -> None:
    """Every fast form gives on ``raw`` what its plain form gives."""
    tree = dom._parser()(raw)
    stretches, drops = dom._scan(raw)
    pieces, elements = dom._pieces(tree, raw, stretches)
    assert (pieces, elements) == _plain_pieces(tree, raw, stretches)
    changes, lines = dom._changes(raw, pieces, drops)
    assert (changes, lines) == _plain_changes(raw, pieces, drops)
    assert merge_edits(raw, raw, [], changes) == _plain_first_edits(raw, changes)


_FRAGMENTS = [
    "<div>", "</div>", "<p>", "</p>", "<p class='story-body'>", "<li id='nav-3'>", "</li>", "<ul class='menu'>",
    "</ul>", "<a href='/x'>", "</a>", "<a class='share-link'>", "<span>", "</span>", "<b>", "</b>", "<br>",
    "<hr/>", "<h1>", "</h1>", "<h2 class='title'>", "</h2>", "<figure>", "<figcaption>", "</figcaption>",
    "</figure>", "<section itemprop='articleBody'>", "</section>", "<main role='main'>", "</main>",
    "<article>", "</article>", "<body class='nav-open'>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>",
    "<script>var a = '<p>';</script>", "<style>p { x: 1 }</style>", "<!-- a note -->", "<select><option>One",
    "</option></select>", "<svg><title>Icon</title></svg>", "<noscript>Turn it on</noscript>",
    "<template><p>Later</p></template>", "<input type=hidden value=1>", "<textarea> typed </textarea>",
    "<title>A page</title>", "Plain words", " ", "  ", "\n", "\t", "\r\n", "Fish &amp; chips", "&lt;b&gt;", "&#10;",
    "&nbsp;", "&bogus;", "a  b", "x\ty", "中文的字", "Ünïcode", "<custom-tag class='related'>", "</custom-tag>",
    "<img alt='x'>", "<button>Go</button>", "<label for=a>Name</label>", "<p class='a' id='content'>",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=60))
def test_the_fast_reader_agrees_with_the_plain_one(fragments: list[str]) -> None:
    _agree("".join(fragments))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40))
def test_the_fast_reader_agrees_on_a_whole_document(fragments: list[str]) -> None:
    _agree("<!doctype html><html><head><title>T</title></head><body>" + "".join(fragments) + "</body></html>")


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "just text",
        "<p>one</p><p>two</p>",
        "<div class='article-content'><p>Body <a href='/'>link</a> more.</p></div><div id='footer'>End</div>",
        "<html class='page'><body class='menu'><p>Site flags are not read</p></body></html>",
        "<table><tr><td>cell</td></tr>moved out</table>",
        "<p>A &amp; B &#32; C</p>\n\n<p>  spaced   out  </p>",
        "<p>tail</p><!-- after --><script>x()</script>",
    ],
)
def test_the_fast_reader_agrees_on_edge_cases(raw: str) -> None:
    _agree(raw)


@needs_corpus
def test_the_fast_reader_agrees_on_the_corpus_pages() -> None:
    corpus = corpus_dir()
    assert corpus is not None
    pages = sorted(p / "raw.html" for p in corpus.iterdir() if (p / "raw.html").is_file())
    assert pages
    for path in pages[::6]:
        _agree(decode_html(path.read_bytes()))


offsets = st.integers(min_value=0, max_value=40)


@given(st.text(max_size=40), st.lists(st.tuples(offsets, offsets, st.sampled_from(["", " ", "\n", "x"])), max_size=8))
def test_first_edits_are_the_public_records(raw: str, spec: list[tuple[int, int, str]]) -> None:
    changes = [Change(min(a, b, len(raw)), min(max(a, b), len(raw)), after, "rule") for a, b, after in spec]
    fast, plain = merge_edits(raw, raw, [], changes), _plain_first_edits(raw, changes)
    assert fast == plain
    assert [(hash(e), repr(e)) for e in fast] == [(hash(e), repr(e)) for e in plain]
    assert pickle.loads(pickle.dumps(fast)) == plain


def test_a_first_change_out_of_order_is_refused_as_a_span_refuses_it() -> None:
    with pytest.raises(ValueError, match="start <= end"):
        merge_edits("abcdef", "abcdef", [], [Change(4, 2, "x", "rule")])


# ------------------------------------------------------------------ names read a part at a time

_NAME_PARTS = st.text(alphabet="abmnovgtcehrsuilpx-_ CMN\u017f\u0131\u0130\u212aK\u03a3", max_size=16)


@given(_NAME_PARTS, _NAME_PARTS)
def test_class_words_of_class_and_id_are_those_of_each(cls: str, ident: str) -> None:
    joined = _class_and_id({"class": cls, "id": ident})
    assert dom._class_words(joined) == dom._class_words(cls) | dom._class_words(ident)


@given(
    st.sampled_from(["div", "p", "li", "article", "main", "td", "h1", "section", "body"]),
    _NAME_PARTS,
    _NAME_PARTS,
    st.sampled_from([None, "", "articleBody", "x articlebody"]),
    st.sampled_from([None, "", "main", "MAIN", "nav"]),
)
def test_the_weight_read_a_name_at_a_time_is_the_elements_weight(
    tag: str, cls: str, ident: str, prop: str | None, role: str | None
) -> None:
    attrs: dict[str, str | None] = {"class": cls, "id": ident, "itemprop": prop, "role": role}
    assert element_weight(tag, attrs) == _plain_element_weight(tag, attrs)


_PLAIN_TAG_BEFORE = re.compile(
    r"(?:<(?!(?:script|style|template|xmp|iframe|noembed|noframes|noscript|textarea|title)\b|input)|</)"
    rf"[A-Za-z][^\s/>]*{dom._ATTRIBUTES}>",
    re.I,
)
"""The plain tag as it was before end tags went first and the first letter guarded the test."""


@given(
    st.sampled_from(["<", "</", "<<"]),
    st.text(alphabet="stxinSTXINaK\u017f\u0131\u0130\u212a/ pcrmeyl", max_size=10),
    st.sampled_from([">", " a='>'>", "", ' b="c">']),
)
def test_the_plain_tag_matches_as_before(opening: str, name: str, rest: str) -> None:
    tag = opening + name + rest
    fast = re.compile(dom._PLAIN_TAG, re.I).match(tag)
    assert (fast and fast.group()) == ((m := _PLAIN_TAG_BEFORE.match(tag)) and m.group())


_MARKUP_BEFORE = re.compile(
    rf"""
      (?P<raw><(?P<name>script|style|template|xmp|iframe|noembed|noframes|noscript|textarea|title)\b{dom._ATTRIBUTES}>)
    | (?P<comment><!--)
    | <[!?][^>]*>?
    | {dom._PLAIN_TAG}(?:[ \t\n\r\f\v]*{dom._PLAIN_TAG})*
    | (?P<tag></?[A-Za-z][^\s/>]*{dom._ATTRIBUTES}>)
    """,
    re.I | re.X,
)
"""The scan's pattern as it was before its branches' ``<`` was taken out in front of them."""


_SCAN_PIECES = [
    "<", "</", "<!", "<?", "<!--", "-->", ">", " ", "\n", "x", "&amp;", "'", '"', "=",
    "div", "p class='a'", "script", "SCRIPT", "style", "title", "textarea", "input type=hidden",
    "inputx", "doctype html", 'a href="x>y"', "</script>", "</title>", "<br/>",
]  # fmt: skip


@given(st.lists(st.sampled_from(_SCAN_PIECES), max_size=40))
def test_the_scan_finds_the_same_markup_with_its_lt_in_front(pieces: list[str]) -> None:
    raw = "".join(pieces)
    fast = dom._scan(raw)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dom, "_MARKUP", _MARKUP_BEFORE)
        assert dom._scan(raw) == fast


@given(st.text(alphabet="aZΣσς’‘“”'\" _-.\n\u0130\u00df", max_size=12))
def test_the_title_key_translates_only_texts_with_curly_quotes_as_it_did_all(text: str) -> None:
    from bilingual_news.structure import _KEY_DROP, _QUOTES, title_key

    assert title_key(text) == _KEY_DROP.sub("", text.translate(_QUOTES).lower())


def _head_by_four_queries(raw: str) -> dom.HeadHints:
    """The head's hints as read before the four queries became one: one query a kind."""
    tree = dom._parser()(raw)

    def folded(text: str | None) -> str | None:
        return " ".join((text or "").split()) or None

    title_node = tree.css_first("title")
    metas: dict[str, str] = {}
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        content = attrs.get("content")
        if key and content and key not in metas:
            metas[key] = content.strip()
    canonical = None
    for link in tree.css("link"):
        attrs = link.attributes
        if (attrs.get("rel") or "").strip().lower() == "canonical" and attrs.get("href"):
            canonical = (attrs.get("href") or "").strip() or None
            break
    names = ("article:published_time", "og:published_time", "pubdate", "publishdate", "datepublished")
    published = next((metas[k] for k in names if metas.get(k)), None)
    return dom.HeadHints(
        title=folded(title_node.text(deep=True)) if title_node is not None else None,
        og_title=folded(metas.get("og:title")),
        h1=tuple(t for t in (folded(n.text(deep=True)) for n in tree.css("h1")) if t),
        canonical=canonical or folded(metas.get("og:url")),
        description=folded(metas.get("description") or metas.get("og:description")),
        published=folded(published),
    )


_HEAD_FRAGMENTS = [
    "<title>First title</title>", "<title>Second title</title>", "<svg><title>Icon</title></svg>",
    "<meta property='og:title' content=' Shared title '>", "<meta name='og:title' content='Later one'>",
    "<meta name='description' content='What it says'>", "<meta itemprop='x' content=''>",
    "<meta property='article:published_time' content='2024-05-01'>", "<META NAME='OG:URL' CONTENT='https://a.test/b'>",
    "<link rel='stylesheet' href='s.css'>", "<link rel=' Canonical ' href=' https://a.test/c '>",
    "<link rel='canonical' href=''>", "<link rel='canonical' href='https://a.test/d'>",
    "<h1>Main heading</h1>", "<h1> </h1>", "<H1>Other <b>bold</b> heading</H1>", "<p>text</p>", "<head>", "<body>",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_FRAGMENTS), max_size=20))
def test_the_head_read_by_one_query_is_the_head_read_by_four(fragments: list[str]) -> None:
    raw = "".join(fragments)
    assert dom._head(dom._parser()(raw)) == _head_by_four_queries(raw)


@needs_corpus
def test_the_head_read_by_one_query_is_the_head_read_by_four_on_the_corpus_pages() -> None:
    corpus = corpus_dir()
    assert corpus is not None
    for path in sorted(p / "raw.html" for p in corpus.iterdir() if (p / "raw.html").is_file()):
        raw = decode_html(path.read_bytes())
        assert dom._head(dom._parser()(raw)) == _head_by_four_queries(raw), path


# ------------------------------------------------------------------ H: dom.py, wave 5


@pytest.mark.parametrize(
    "raw",
    [
        "<p>Before <i class='nav-icon'></i>after</p>",
        "<p><a class='share-link' href='/s'></a>Text with an empty link in front</p>",
        "<div id='related'><span class='menu'></span><img class='content' alt=''>Words</div>",
        "<ul class='menu'><li><custom-tag class='footer'></custom-tag>Item</li></ul>",
        "<p>One</p><span class='article'></span><p>Two</p>",
    ],
)
def test_an_inline_element_without_children_passed_over_frames_nothing(raw: str) -> None:
    """The walk passes an inline element without children over like ``<br>`` (its class and
    id are not read): what it reads is what the plain walk, which frames every element, reads."""
    _agree(raw)


@pytest.mark.parametrize("tags", [("div", "DIV", "Div"), ("p", "P"), ("custom-tag", "CUSTOM-TAG"), ("svg", "SVG")])
def test_a_tags_number_stands_for_one_name_on_a_page(tags: tuple[str, ...]) -> None:
    """The walk looks a node's kind up by its tag's number (``tag_id``): on a page, one number
    is one name, whatever the case it was written in (one name read per number is every
    node's)."""
    raw = "".join(f"<{t} class='x'>text</{t}>" for t in tags) + "<custom-other>more</custom-other>"
    tree = dom._parser()(raw)
    named: dict[int, str | None] = {}
    for node in tree.root.traverse(include_text=True):
        assert named.setdefault(node.tag_id, node.tag) == node.tag
    _agree(raw)


_MARKUP_RAW_FIRST = re.compile(
    rf"""<(?:
      (?P<raw>(?P<name>script|style|template|xmp|iframe|noembed|noframes|noscript|textarea|title)\b{dom._ATTRIBUTES}>)
    | (?P<comment>!--)
    | [!?][^>]*>?
    | {dom._PLAIN_TAG_REST}(?:[ \t\n\r\f\v]*{dom._PLAIN_TAG})*
    | (?P<tag>/?[A-Za-z][^\s/>]*{dom._ATTRIBUTES}>)
    )""",
    re.I | re.X,
)
"""The scan's pattern as it was before the run of plain tags became its first branch."""


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from(_SCAN_PIECES)
        | st.text(alphabet="<>/!?-stxinSTXINaK\u017f\u0131\u0130\u212a pcrmeyl='\"\n", max_size=8),
        max_size=30,
    )
)
def test_the_scan_with_plain_tags_first_finds_what_it_found_with_them_fourth(pieces: list[str]) -> None:
    """Where the run of plain tags matches, no branch before it could: the same matches, the
    same groups, whatever the case folding of the names' letters."""
    raw = "".join(pieces)
    found = [(m.span(), m.lastgroup, m.groupdict()) for m in dom._MARKUP.finditer(raw)]
    assert found == [(m.span(), m.lastgroup, m.groupdict()) for m in _MARKUP_RAW_FIRST.finditer(raw)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dom, "_MARKUP", _MARKUP_RAW_FIRST)
        before = dom._scan(raw)
    assert dom._scan(raw) == before


@pytest.mark.parametrize(
    "raw",
    [
        "<p>Salt &amp; pepper, oil &amp; vinegar &amp;c.</p><p>More &amp; more</p>",
        "<p>Line&#10;break and&#10;again &#32; &nbsp;&nbsp; x</p>",
        "<p>&ldquo;Said&rdquo; &LDQUO;case&RDQUO; &ampx; &#x201C;hex&#x201d;</p>",
    ],
)
def test_a_reference_decoded_from_the_cache_is_decoded_as_before(raw: str) -> None:
    """A page repeats its references: each one, read again from the cache of decoded
    references, gives the change the plain form (one :func:`html.unescape` each) gives."""
    _agree(raw)
    _agree(raw)
