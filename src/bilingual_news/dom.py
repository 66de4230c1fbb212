"""Stage 0 for HTML input: the page's HTML -> the text the pipeline reads, traced to the HTML.

In: the decoded HTML string. Out: :class:`HtmlPage` — the extracted ``text`` (one line per
block element, inline elements joined, white space collapsed, character references decoded),
the ``edits`` that turn the HTML into that text (each stated on the HTML, so spans built on the
text map back into the HTML through :class:`~bilingual_news.offsets.OffsetMap`), one
:class:`LineHints` per line (the structure a plain-text dump loses) and the page's
:class:`HeadHints` (``<title>``, ``og:title``, canonical URL, description, publication time).

How the text is made: the DOM, built by lexbor (through selectolax, imported on first use), is
walked in document order. Every start or end of a block-level element (:data:`BLOCK_TAGS`) ends
the line; elements of :data:`SKIP_TAGS` (scripts, styles, templates, ``<head>``, forms' option
lists, SVG) are not read; inside a line, runs of ASCII white space become one space and the
line is stripped. These are the rules of the corpus's own HTML-to-text dump, so text and HTML
input of the same page give the same lines.

Where each text node stands in the HTML: lexbor keeps no source offsets, so the HTML is also
scanned with one regular expression (:data:`_MARKUP`: tags, comments, raw-text elements) for
the stretches of character data between markup, and each DOM text node is matched to the next
stretch that decodes to its text (within :data:`MATCH_WINDOW` stretches). A text node the DOM
moved (text the parser foster-parents out of a table) and that matches no stretch ahead is
left out: a span can only point at the text where it stands.

The edits: the markup between two text nodes becomes ``"\\n"`` (a block boundary), ``" "``
(white space between inline elements) or nothing (rule ``html_markup``); a script, style,
template, hidden input or comment in it is an edit of its own (``html_script``, ``html_style``,
``html_template``, ``html_hidden_input``, ``html_comment``), so what was dropped can be listed;
a character reference is decoded by an ``html_entity`` edit (the rule that repairs escaped
entities in text input) and a run of white space inside a line by ``html_whitespace``.
"""

from __future__ import annotations

import functools
import html as _html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from bilingual_news._lazy import missing
from bilingual_news.model import Edit
from bilingual_news.normalize import Normalized, _warnings
from bilingual_news.offsets import Change, OffsetMap, merge_edits

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode


__all__ = [
    "ARTICLE_BODY_WEIGHT",
    "BLOCK_TAGS",
    "CLASS_WORDS",
    "DOCUMENT_SCAN",
    "FAR_WINDOW",
    "MATCH_WINDOW",
    "MIN_FAR_MATCH",
    "MIN_FRAGMENT_CLOSERS",
    "MIN_FRAGMENT_TAGS",
    "MIN_MARKUP_SHARE",
    "NAME_WEIGHT",
    "NEGATIVE_NAMES",
    "POSITIVE_NAMES",
    "SECTION_WEIGHT",
    "SKIP_TAGS",
    "STRUCTURE_TAGS",
    "HeadHints",
    "HtmlPage",
    "LineHints",
    "Separators",
    "Tree",
    "element_weight",
    "looks_like_html",
    "read_html",
    "with_html",
]


def _names(text: str) -> frozenset[str]:
    """The blank-separated names in ``text``."""
    return frozenset(text.split())


BLOCK_TAGS = _names(
    """address article aside blockquote body br center dd details dialog dir div dl dt fieldset
    figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p
    pre section summary table tbody thead tfoot tr td th caption ul legend button label"""
)
"""Elements whose start and end end a line (the corpus dump's list: its ``raw.txt`` lines)."""

SKIP_TAGS = _names("""script style noscript template svg head title select option iframe object""")
"""Elements whose content is not text a reader sees on the page."""

STRUCTURE_TAGS = _names(
    """h1 h2 h3 h4 h5 h6 p li figcaption figure blockquote nav header footer aside article main a"""
)
"""The ancestors a line's :class:`LineHints` records: headings, paragraphs, list items,
captions, quotations and the HTML5 sections that say chrome or article."""

CLASS_WORDS = ("nav", "menu", "footer", "share", "related", "comment", "copyright", "article", "content", "caption")
"""Words looked for in the ``class`` and ``id`` of a line's ancestors (``main-nav``,
``share_bar``, ``articleContent``): what site templates name their chrome and their article."""

MATCH_WINDOW = 24
"""Stretches of character data looked ahead for the one a DOM text node comes from: the DOM
keeps the source order but for the few nodes the parser moves (foster-parented table text), and
a node that matches none this close is one of those."""

_ATTRIBUTES = r"""[^>="']*(?:(?:=\s*"[^"]*"|=\s*'[^']*'|=(?!\s*["'])|["'])[^>="']*)*"""
"""The rest of a tag: a quote opens a quoted value only after ``=``, as in a browser (a stray
quote, ``<tr a="b"">``, does not swallow the page up to the next one). Each character can be
read one way only, so a tag cut off by the end of the page fails in linear time."""

FAR_WINDOW = 2000
"""How far a text of :data:`MIN_FAR_MATCH` characters or more is looked for past
:data:`MATCH_WINDOW`: after markup the DOM does not keep as text (a page's raw ``<noscript>``
or a malformed element) the scan can be that many stretches ahead of the DOM's."""

MIN_FAR_MATCH = 8
"""Characters a text node needs to be looked for far ahead: a longer text matches a stretch
by chance almost never."""

_PLAIN_TAG_REST = (
    r"(?:/|(?![stxin])|(?!(?:script|style|template|xmp|iframe|noembed|noframes|noscript|textarea|title)\b|input))"
    rf"[A-Za-z][^\s/>]*{_ATTRIBUTES}>"
)
"""A tag the scan needs nothing of but its end (see :data:`_MARKUP`), after its ``<``. An end
tag is taken before the start tag's test; a start tag whose name begins with none of the first
letters of the names it must not have (matched without case, like them) is taken without the
test."""

_PLAIN_TAG = "<" + _PLAIN_TAG_REST
""":data:`_PLAIN_TAG_REST` with its ``<``."""

_MARKUP = re.compile(
    rf"""<(?:
      {_PLAIN_TAG_REST}(?:[ \t\n\r\f\v]*{_PLAIN_TAG})*   # tags with only blanks between them
    | (?P<raw>(?P<name>script|style|template|xmp|iframe|noembed|noframes|noscript|textarea|title)\b{_ATTRIBUTES}>)
    | (?P<comment>!--)
    | [!?][^>]*>?                                   # doctype, CDATA, processing instruction
    | (?P<tag>/?[A-Za-z][^\s/>]*{_ATTRIBUTES}>)
    )""",
    re.I | re.X,
)
"""Markup, found by one scan: what lies between two pieces of it is character data. The
content of an element of :data:`_RAW_TEXT` and of a comment is skipped to its end. Tags that
need nothing of the scan but their end (not an element of :data:`_RAW_TEXT`, not an
``<input>``), with only blanks between them, are one match: the blanks between two tags are no
stretch of character data, and a page's markup is mostly such runs (``</td></tr>\n<tr><td>``),
so that the scan's loop turns once a run instead of once a tag. That branch is tried first:
most ``<`` open such a run, and no other branch can match where it does (its test keeps out
the names of :data:`_RAW_TEXT` and ``input``; comments and doctypes start with ``!`` or ``?``),
so the order gives the same matches without trying ten names at every tag. Every branch starts with
the ``<`` taken out in front of them: a pattern that starts with a literal is searched for
by that character first (in C), where a branch at its start makes the engine try every
branch at every character of the page."""

_RAW_TEXT = ("script", "style", "template", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title")
_RAW_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in _RAW_TEXT}
_OPAQUE_TAGS = _names("""script style template xmp iframe noembed noframes noscript""")
"""Elements :data:`_MARKUP` takes whole: no stretch of the scan comes from inside them."""

_HIDDEN_INPUT = re.compile(r"<input\b[^>]*\btype\s*=\s*[\"']?hidden\b", re.I)
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
"""A character reference, as :func:`html.unescape` finds them (its own pattern)."""
_INNER = re.compile(r"[ \t\n\r\f\v]{2,}|[\t\n\r\f\v]|&")
"""Inside a text node: a run of white space that is not one space, or a reference's start."""
_ASCII_SPACE = " \t\n\r\f\v"
_CLASS_WORD = re.compile(
    "(?<![a-z])(?:{0})|(?:{0})(?![a-z])".replace("{0}", "|".join(sorted(CLASS_WORDS, key=len, reverse=True)))
)
"""A class word at the start or the end of a run of letters in lower-cased class names."""
_RAW_RULES = {"script": "html_script", "style": "html_style", "template": "html_template"}


class LineHints(NamedTuple):
    """What the DOM says about one line of the extracted text."""

    start: int
    """Offset in the HTML of the line's first character of text."""
    end: int
    """Offset in the HTML one past its last character of text."""
    tags: frozenset[str]
    """The line's ancestors among :data:`STRUCTURE_TAGS` (its first text node's)."""
    words: frozenset[str]
    """The :data:`CLASS_WORDS` found in its ancestors' ``class`` and ``id``."""
    chars: int
    """Characters of text in the line (blanks left out)."""
    link_chars: int
    """Of those, how many are inside links."""
    block: int = -1
    """The innermost block element around its first text (its number in :class:`Tree`)."""

    @property
    def link_density(self) -> float:
        """Share of the line's text inside links (0 for a line without text)."""
        return self.link_chars / self.chars if self.chars else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Tree:
    """The page's block elements (:data:`BLOCK_TAGS`), numbered in document order (pre-order,
    the ``<html>`` element 0): enough of the DOM to score which element holds the article."""

    parents: tuple[int, ...] = ()
    """Each element's parent block element (``-1`` for the root)."""
    tags: tuple[str, ...] = ()
    """Each element's tag name."""
    weights: tuple[int, ...] = ()
    """Each element's name weight (:func:`element_weight`): positive when its class, id,
    ``itemprop`` or ``role`` names an article, negative when they name chrome."""
    ends: tuple[int, ...] = ()
    """The last element inside each one: element ``d`` is inside ``e`` when
    ``e <= d <= ends[e]``."""
    chars: tuple[int, ...] = ()
    """Characters of text inside each element (blanks left out)."""
    link_chars: tuple[int, ...] = ()
    """Of those, how many are inside links."""

    def link_density(self, element: int) -> float:
        """Share of an element's text inside links."""
        chars = self.chars[element]
        return self.link_chars[element] / chars if chars else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class HeadHints:
    """What the page says about itself outside its text."""

    title: str | None = None
    """``<title>``, blanks folded."""
    og_title: str | None = None
    """``<meta property="og:title">``."""
    h1: tuple[str, ...] = ()
    """The texts of the ``<h1>`` elements, blanks folded."""
    canonical: str | None = None
    """``<link rel="canonical">``, else ``og:url``."""
    description: str | None = None
    """``<meta name="description">`` (or ``og:description``)."""
    published: str | None = None
    """``article:published_time`` (or a like-named meta), as written."""


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlPage:
    """An HTML page read: the text the pipeline sees and how it maps to the HTML."""

    raw: str
    """The HTML, as given."""
    text: str
    """The extracted text: ``raw`` with ``edits`` applied."""
    edits: tuple[Edit, ...]
    """What turned the HTML into the text, sorted, non-overlapping, stated on ``raw``."""
    lines: tuple[LineHints, ...]
    """One per line of ``text``, in order."""
    head: HeadHints
    """The page's title, URL, description and date."""
    tree: Tree = field(default_factory=Tree, repr=False, compare=False)
    """The page's block elements, for the choice of the article's element."""
    starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    """Where each line starts in the HTML (``lines[k].start``), for :meth:`line_at`."""

    def line_at(self, raw_offset: int) -> LineHints | None:
        """The line whose text holds the HTML offset ``raw_offset``, or ``None``."""
        k = bisect_right(self.starts, raw_offset) - 1
        if k >= 0 and raw_offset < self.lines[k].end:
            return self.lines[k]
        return None


class _Frame(NamedTuple):
    """What the walk knows of the element it is in: its structural ancestors, their class
    words, and whether it is inside a link."""

    tags: frozenset[str]
    words: frozenset[str]
    link: bool


class _Piece(NamedTuple):
    """A DOM text node matched to its stretch: its text without the blanks at its ends."""

    start: int
    end: int
    line: int
    space_before: bool
    """Whether white space (in the node or between nodes) stands before it."""
    space_after: bool
    frame: _Frame
    block: int
    """The innermost block element around it (its number in :class:`Tree`)."""


def _parser() -> type[LexborHTMLParser]:
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        raise missing("selectolax", "reading HTML input") from None
    return LexborHTMLParser


def read_html(raw: str) -> HtmlPage:
    """Read an HTML page: its text, the edits from the HTML to the text, and its structure.

    >>> page = read_html("<p>Tom &amp; Jerry</p><script>x()</script><p>Second</p>")
    >>> page.text
    'Tom & Jerry\\nSecond\\n'
    >>> [(e.rule, e.before, e.after) for e in page.edits][:3]
    [('html_markup', '<p>', ''), ('html_entity', '&amp;', '&'), ('html_markup', '</p>', '\\n')]
    >>> [e.rule for e in page.edits][3:]
    ['html_script', 'html_markup', 'html_markup']
    """
    tree = _parser()(raw)
    stretches, drops = _scan(raw)
    pieces, elements = _pieces(tree, raw, stretches)
    changes, lines = _changes(raw, pieces, drops)
    edits = merge_edits(raw, raw, [], changes)
    text = _apply(raw, changes)
    return HtmlPage(
        raw=raw,
        text=text,
        edits=tuple(edits),
        lines=tuple(lines),
        head=_head(tree),
        tree=_tree(elements, pieces),
        starts=tuple(line.start for line in lines),
    )


def _apply(raw: str, changes: list[Change]) -> str:
    parts: list[str] = []
    pos = 0
    for c in changes:
        parts.append(raw[pos : c.start])
        parts.append(c.after)
        pos = c.end
    parts.append(raw[pos:])
    return "".join(parts)


# ------------------------------------------------------------------ the scan for offsets


def _scan(raw: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """The stretches of character data that hold more than blanks, and the pieces of markup
    dropped as edits of their own (``(start, end, rule)``), both in order."""
    stretches: list[tuple[int, int]] = []
    drops: list[tuple[int, int, str]] = []
    pos = 0
    search = _MARKUP.search
    m = search(raw)
    while m is not None:
        start = m.start()
        if start > pos and raw[pos:start].strip(_ASCII_SPACE):
            stretches.append((pos, start))
        pos = m.end()
        kind = m.lastgroup
        if kind is None:  # a run of plain tags (most matches), a doctype: nothing to do
            pass
        elif kind == "raw":
            name = m.group("name").lower()
            close = _RAW_END[name].search(raw, pos)
            inner_end, pos = (close.start(), close.end()) if close is not None else (len(raw), len(raw))
            if name in ("textarea", "title"):
                # Character data inside (RCDATA): the DOM has a text node for it.
                if raw[m.end() : inner_end].strip(_ASCII_SPACE):
                    stretches.append((m.end(), inner_end))
            elif name in _RAW_RULES:
                drops.append((start, pos, _RAW_RULES[name]))
        elif kind == "comment":
            close_at = raw.find("-->", pos)
            pos = close_at + 3 if close_at >= 0 else len(raw)
            drops.append((start, pos, "html_comment"))
        elif kind == "tag" and raw[start + 1 : start + 6].lower() == "input" and _HIDDEN_INPUT.match(raw, start):
            drops.append((start, pos, "html_hidden_input"))
        m = search(raw, pos)
    if len(raw) > pos and raw[pos:].strip(_ASCII_SPACE):
        stretches.append((pos, len(raw)))
    return stretches, drops


def _decoded(raw: str, start: int, end: int) -> str:
    """A stretch as the DOM has it: references decoded, line breaks as the parser makes them."""
    text = raw[start:end]
    if "&" in text:
        text = _html.unescape(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text


# ------------------------------------------------------------------ the DOM walk


class _Elements(NamedTuple):
    """The block elements the walk met, numbered in order."""

    parents: list[int]
    tags: list[str]
    weights: list[int]


# What the walk needs to know of a node's tag, as bits: one dictionary look-up a node.
_TEXT = 1
"""A text node."""
_DOCUMENT = 2
"""The document node: the walk goes into it, it opens no element."""
_ELEMENT = 4
"""An element (any other node: comments, doctypes, is passed over)."""
_BLOCK = 8
"""An element of :data:`BLOCK_TAGS`."""
_SKIP = 16
"""An element of :data:`SKIP_TAGS`."""
_OPAQUE = 32
"""An element of :data:`_OPAQUE_TAGS`."""
_LEAF = 64
"""``<br>`` and ``<hr>``: they end the line, open no element."""
_STRUCTURE = 128
"""An element of :data:`STRUCTURE_TAGS`."""
_LINK = 256
"""``<a>``."""
_PAGE = 512
"""An element of :data:`_PAGE_TAGS`."""


def _tag_kind(tag: str | None) -> int:
    """The bits of a node's tag (:attr:`LexborNode.tag`: ``-text``, ``-document``, another
    ``-`` name or ``None`` for a node that is not an element, else the element's name)."""
    if tag == "-text":
        return _TEXT
    if tag == "-document":
        return _DOCUMENT
    if tag is None or tag[0] == "-":
        return 0
    kind = _ELEMENT
    for bit, names in (
        (_BLOCK, BLOCK_TAGS),
        (_SKIP, SKIP_TAGS),
        (_OPAQUE, _OPAQUE_TAGS),
        (_LEAF, ("br", "hr")),
        (_STRUCTURE, STRUCTURE_TAGS),
        (_LINK, ("a",)),
        (_PAGE, _PAGE_TAGS),
    ):
        if tag in names:
            kind |= bit
    return kind


def _pieces(tree: LexborHTMLParser, raw: str, stretches: list[tuple[int, int]]) -> tuple[list[_Piece], _Elements]:
    """The DOM's text nodes in order, each matched to its stretch, with its line, frame and
    block element; and the block elements.

    The walk goes down to each node's first child, else on to its next sibling, else up to
    the first ancestor with one; every start and end of a block element ends the line (when
    it has text). A node's kind is looked up by its tag's number (``tag_id``, a C field, where
    ``tag`` decodes the element's name each time): each number's name is read once a page, for
    :func:`_tag_kind` and ``names`` (lexbor numbers a page's tags by name); an element's
    attributes are read only when it can change the frame or is a block element (an inline
    element without children frames no text: it is passed over like ``<br>``), and the frame
    an element makes of its parent's, its tag and its class and id names is computed once a
    page (``frames``): a template repeats the same few."""
    pieces: list[_Piece] = []
    elements = _Elements([], [], [])
    root = tree.root
    if root is None:
        return pieces, elements
    parents, element_tags, weights = elements
    kinds: dict[int, int] = {}
    names: dict[int, str | None] = {}
    frames: dict[tuple[_Frame, str, frozenset[str]], _Frame] = {}
    class_words = _class_words
    frame = _Frame(frozenset(), frozenset(), False)
    block = -1  # the innermost block element around the node
    stack: list[tuple[int, _Frame, int]] = []  # each open element's kind, and the frame and block around it
    push, pop = stack.append, stack.pop
    add_piece = pieces.append
    n_stretches = len(stretches)
    cursor = 0
    line = 0
    line_used = False  # whether the current line has text yet
    space = False  # white space seen since the last piece
    skipping = 0  # depth inside an element of SKIP_TAGS: its text is matched, not kept
    node: LexborNode | None = root
    while node is not None:
        tag_id = node.tag_id
        kind = kinds.get(tag_id)
        if kind is None:
            tag = names[tag_id] = node.tag
            kind = kinds[tag_id] = _tag_kind(tag)
        descend = False
        if kind & _TEXT:
            text = node.text_content or ""
            if not text.strip(_ASCII_SPACE):
                if text:
                    space = True
            else:
                found: int | None = None
                if cursor < n_stretches:  # the next stretch, as the DOM has it: nearly always the one
                    start, end = stretches[cursor]
                    chunk = raw[start:end]
                    if chunk == text and "&" not in chunk and "\r" not in chunk and "\x00" not in chunk:
                        found = cursor
                if found is None:
                    found = _match(raw, text, stretches, cursor)
                    if found is not None:
                        start, end = stretches[found]
                        chunk = raw[start:end]
                if found is not None:
                    cursor = found + 1
                    if not skipping:  # in a skipped element the match only keeps the scan in step
                        core_start = start
                        if chunk[0] in _ASCII_SPACE:
                            core_start = end - len(chunk.lstrip(_ASCII_SPACE))
                        core_end = end
                        if chunk[-1] in _ASCII_SPACE:
                            core_end = start + len(chunk.rstrip(_ASCII_SPACE))
                        add_piece(
                            _new_tuple(
                                _Piece,
                                (core_start, core_end, line, space or core_start > start, core_end < end, frame, block),
                            )
                        )
                        line_used = True
                        space = False
        elif kind & _ELEMENT:
            if skipping:
                if not kind & _OPAQUE:
                    push((kind, frame, block))
                    skipping += 1
                    descend = True
            else:
                if kind & _BLOCK and line_used:
                    line += 1
                    line_used = False
                if kind & _SKIP:
                    if not kind & _OPAQUE:
                        push((kind, frame, block))
                        skipping = 1
                        descend = True
                elif not kind & _LEAF and (kind & _BLOCK or node.first_child is not None):
                    # An inline element without children frames no text: passed over like a leaf.
                    push((kind, frame, block))
                    tag = names[tag_id]
                    attrs = node.attributes
                    cls = ident = ""
                    named = _NO_WORDS
                    if attrs:
                        cls = attrs.get("class") or ""
                        ident = attrs.get("id") or ""
                        if not kind & _PAGE:
                            # The words of "class id" are those of the class and those of the id.
                            if cls:
                                named = class_words(cls)
                            if ident:
                                more = class_words(ident)
                                if more:
                                    named = named | more if named else more
                    if kind & (_STRUCTURE | _LINK) or (named and not named <= frame.words):
                        # The tag matters to the frame only when it is a structure tag or a link.
                        key = (frame, tag if kind & (_STRUCTURE | _LINK) else "", named)
                        made = frames.get(key)  # type: ignore[arg-type]
                        if made is None:
                            made = frames[key] = _frame(named, key[1], frame)  # type: ignore[index, arg-type]
                        frame = made
                    if kind & _BLOCK:
                        parents.append(block)
                        block = len(parents) - 1
                        element_tags.append(tag)  # type: ignore[arg-type]
                        weight = _TAG_WEIGHTS.get(tag, 0)  # type: ignore[arg-type]
                        if attrs:
                            weight += _attribute_weight(attrs, cls, ident)
                        weights.append(weight)
                    descend = True
        elif kind & _DOCUMENT:
            descend = True
        if descend:
            child = node.first_child
            if child is not None:
                node = child
                continue
            if not kind & _DOCUMENT:
                if skipping:
                    skipping -= 1
                elif kind & _BLOCK and line_used:
                    line += 1
                    line_used = False
                _, frame, block = pop()
        # Up until a node has a next sibling, ending each element left.
        while node is not None:
            nxt = node.next
            if nxt is not None:
                node = nxt
                break
            if not stack:
                node = None  # back at the document: the walk is over
                break
            node = node.parent
            closed, frame, block = pop()
            if skipping:
                skipping -= 1
            elif closed & _BLOCK and line_used:
                line += 1
                line_used = False
    return pieces, elements


_new_tuple = tuple.__new__
"""Builds a named tuple from a tuple of its fields without the call to its ``__new__``."""


def _frame(found: frozenset[str], tag: str, parent: _Frame) -> _Frame:
    """The frame of an element whose class and id hold the class words ``found`` (none for an
    element of :data:`_PAGE_TAGS`, whose names are not read): its parent's, with its own tag and
    class words added (the parent's own frame when the element adds nothing, as most do)."""
    tags = parent.tags | {tag} if tag in STRUCTURE_TAGS else parent.tags
    words = parent.words
    if found and not found <= words:
        words = words | found
    link = parent.link or tag == "a"
    if tags is parent.tags and words is parent.words and link == parent.link:
        return parent
    return _Frame(tags, words, link)


_NO_WORDS: frozenset[str] = frozenset()


_PAGE_TAGS = frozenset({"html", "body"})
"""Elements whose class names speak for the whole page (a theme, a template, feature flags),
not for a part of it: their class words are not read."""


@functools.lru_cache(maxsize=4096)
def _class_words(names: str) -> frozenset[str]:
    """The :data:`CLASS_WORDS` that begin or end a part of ``class`` and ``id`` names
    (``main-nav``, ``navbar``, ``articleContent``), not only sit inside one (``unavailable``);
    cached, since a template repeats its class names on every element of a kind.

    >>> sorted(_class_words("main-nav articleContent unavailable"))
    ['article', 'content', 'nav']
    """
    return frozenset(_CLASS_WORD.findall(names.lower()))


def _match(raw: str, text: str, stretches: list[tuple[int, int]], cursor: int) -> int | None:
    """The index of the stretch (from ``cursor``, within :data:`MATCH_WINDOW`) whose decoded
    text is ``text``, or ``None``."""
    for k in range(cursor, min(cursor + MATCH_WINDOW, len(stretches))):
        start, end = stretches[k]
        if (end - start >= len(text) or "&" in raw[start:end]) and _decoded(raw, start, end) == text:
            return k
    if len(text.strip()) < MIN_FAR_MATCH:
        return None
    for k in range(cursor + MATCH_WINDOW, min(cursor + FAR_WINDOW, len(stretches))):
        start, end = stretches[k]
        if (end - start >= len(text) or "&" in raw[start:end]) and _decoded(raw, start, end) == text:
            return k
    return None


# ------------------------------------------------------------------ the edits


class Separators:
    """The changes that turn what stands between two pieces of a line's text (markup, blanks)
    into the separator the text wants, stated on ``raw`` and appended to ``changes``: the
    stretches a reader dropped on the way (``drops``, sorted, each with its own rule: a
    script, a comment, an image) keep their rules, the rest is ``markup_rule``. Called once per
    gap, in order: a cursor walks the drops once. The HTML and the Markdown readers share it."""

    def __init__(self, raw: str, drops: list[tuple[int, int, str]], markup_rule: str, changes: list[Change]) -> None:
        self._raw = raw
        self._drops = drops
        self._rule = markup_rule
        self._changes = changes
        self._at = 0

    def __call__(self, start: int, end: int, after: str) -> None:
        drops, at = self._drops, self._at
        while at < len(drops) and drops[at][0] < start:
            at += 1
        pos = start
        parts: list[tuple[int, int, str]] = []
        while at < len(drops) and drops[at][1] <= end:
            d_start, d_end, rule = drops[at]
            if d_start > pos:
                parts.append((pos, d_start, self._rule))
            parts.append((d_start, d_end, rule))
            pos = d_end
            at += 1
        self._at = at
        if end > pos or not parts:
            parts.append((pos, end, self._rule))
        for k, (s, e, rule) in enumerate(parts):
            replacement = after if k == 0 else ""
            # Lengths first: a dropped script can be long, and it is never its replacement.
            if e - s != len(replacement) or self._raw[s:e] != replacement:
                self._changes.append(Change(s, e, replacement, rule))


def _changes(raw: str, pieces: list[_Piece], drops: list[tuple[int, int, str]]) -> tuple[list[Change], list[LineHints]]:
    """The changes (stated on ``raw``, in order) that leave the text of the pieces, one line
    per block, and the hints of each line.

    One loop over the pieces does what :class:`Separators` and :func:`_inner` do for each, and
    calls them only where they have work the loop cannot do at once: the separator where a
    drop lies in the gap (mostly the gap is markup alone: one change or none), the inside of a
    piece where :data:`_INNER` finds something (mostly it finds nothing)."""
    changes: list[Change] = []
    lines: list[LineHints] = []
    add = changes.append
    add_line = lines.append
    separator = Separators(raw, drops, "html_markup", changes)
    inner = _INNER.search
    n_drops = len(drops)
    at = 0  # the first drop that does not start before the gap (the separator's cursor)
    prev_end = 0
    prev_line = -1
    prev_space_after = False
    first: _Piece | None = None  # the current line's first piece
    chars = link_chars = 0  # the current line's

    for piece in pieces:
        start, end, line, space_before, space_after, frame, _ = piece
        if line != prev_line:
            if first is None:
                sep = ""
            else:
                sep = "\n"
                add_line(_line(first, prev_end, chars, link_chars))
            first = piece
            chars = link_chars = 0
        elif space_before or prev_space_after:
            sep = " "
        else:
            sep = ""
        while at < n_drops and drops[at][0] < prev_end:
            at += 1
        if at < n_drops and drops[at][1] <= start:  # drops in the gap: the separator sorts them out
            separator._at = at
            separator(prev_end, start, sep)
            at = separator._at
        elif start - prev_end != len(sep) or raw[prev_end:start] != sep:
            add(_new_tuple(Change, (prev_end, start, sep, "html_markup")))
        text = raw[start:end]
        # Nothing for _INNER in a piece without "&", two spaces or a blank but " " (the only
        # blanks a printable text holds): three scans in C, cheaper than the pattern's search.
        if not (text.isprintable() and "&" not in text and "  " not in text) and inner(text) is not None:
            _inner(raw, start, end, changes)
        size = end - start
        chars += size
        if frame.link:
            link_chars += size
        prev_end = end
        prev_line = line
        prev_space_after = space_after
    if first is not None:
        add_line(_line(first, prev_end, chars, link_chars))
    separator._at = at
    separator(prev_end, len(raw), "\n" if pieces else "")
    return changes, lines


def _inner(raw: str, start: int, end: int, changes: list[Change]) -> None:
    """The changes inside one piece: references decoded, white space runs made one space."""
    for m in _INNER.finditer(raw, start, end):
        s = m.start()
        if raw[s] == "&":
            ref = _CHARREF.match(raw, s, end)
            if ref is None:
                continue
            written = ref.group()
            after = _reference(written)
            if after != written:
                changes.append(Change(s, ref.end(), after, "html_entity"))
        elif not changes or changes[-1].end <= s:
            changes.append(Change(s, m.end(), " ", "html_whitespace"))


@functools.lru_cache(maxsize=1024)
def _reference(written: str) -> str:
    """What a character reference in a piece's text stands for (:func:`html.unescape`), one
    space where that is white space; cached, since a page repeats the same few (``&amp;``,
    ``&nbsp;``, curly quotes)."""
    after = _html.unescape(written)
    if not after.strip(_ASCII_SPACE):
        after = " "  # &#10; is white space like any other: it must not break the line
    return after


def _line(first: _Piece, end: int, chars: int, link_chars: int) -> LineHints:
    """The hints of a line: its first piece's ancestors and block, its extent and its counts."""
    frame = first.frame
    fields = (first.start, end, frame.tags, frame.words, chars, link_chars, first.block)
    hints: LineHints = _new_tuple(LineHints, fields)
    return hints


def _tree(elements: _Elements, pieces: list[_Piece]) -> Tree:
    """The block elements with their extent and the characters and link characters of text
    inside each (a piece counts in its block element and every one around it)."""
    parents = elements.parents
    n = len(parents)
    chars = [0] * n
    links = [0] * n
    for p in pieces:
        if p.block >= 0:
            size = p.end - p.start
            chars[p.block] += size
            if p.frame.link:
                links[p.block] += size
    ends = list(range(n))
    for e in range(n - 1, 0, -1):  # children come after their parent: sum from the last one up
        up = parents[e]
        if up >= 0:
            chars[up] += chars[e]
            links[up] += links[e]
            if ends[e] > ends[up]:
                ends[up] = ends[e]
    return Tree(
        parents=tuple(parents),
        tags=tuple(elements.tags),
        weights=tuple(elements.weights),
        ends=tuple(ends),
        chars=tuple(chars),
        link_chars=tuple(links),
    )


POSITIVE_NAMES = re.compile(r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story")
"""Class and id names of an article's element (readability's list)."""

NEGATIVE_NAMES = re.compile(
    r"combx|comment|com-|contact|foot|footnote|masthead|media|meta|outbrain|promo|related|scroll|shoutbox"
    r"|sidebar|sponsor|shopping|tags|tool|widget|share|social|newsletter|subscribe|recommend|popular|trending"
    r"|banner|breadcrumb|menu|nav|cookie|consent|modal|popup"
)
"""Class and id names of chrome: readability's list, with the share bars, newsletters,
"popular" and "trending" lists, menus and consent banners news templates add."""

NAME_WEIGHT = 25
"""What a positive or negative class or id name adds to or takes from an element's score
(readability's weight: as much as a few long paragraphs)."""

ARTICLE_BODY_WEIGHT = 50
"""What ``itemprop="articleBody"`` adds: schema.org's mark of the article's text, which sites
put there for search engines, is the strongest name a page gives."""

SECTION_WEIGHT = 10
"""What ``<article>``, ``<main>`` and ``role="main"`` add: the HTML5 marks of the page's main
content (a page may hold several ``<article>``, teasers included, so less than a name)."""

_TAG_WEIGHTS = {
    "div": 5,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
    "article": SECTION_WEIGHT,
    "main": SECTION_WEIGHT,
}
"""Readability's weights of an element by its tag: a container of text, a list, a heading."""


def element_weight(tag: str, attrs: dict[str, str | None]) -> int:
    """An element's weight as the article's candidate: its tag's, and its names'.

    >>> element_weight("div", {"class": "entry-content"}), element_weight("div", {"id": "comments"})
    (30, -20)
    >>> element_weight("div", {"itemprop": "articleBody"})
    55
    """
    weight = _TAG_WEIGHTS.get(tag, 0)
    if attrs:
        weight += _attribute_weight(attrs, attrs.get("class") or "", attrs.get("id") or "")
    return weight


def _attribute_weight(attrs: dict[str, str | None], cls: str, ident: str) -> int:
    """What an element's attributes add to its weight (:func:`element_weight` less the tag's),
    given its ``class`` and ``id``: the weight of ``"class id"`` is read from each (a name
    pattern matches within one name: a match in the two joined is a match in one of them)."""
    weight = 0
    marks = (_name_marks(cls) if cls else 0) | (_name_marks(ident) if ident else 0)
    if marks & 1:
        weight += NAME_WEIGHT
    if marks & 2:
        weight -= NAME_WEIGHT
    prop = attrs.get("itemprop")
    if prop and "articlebody" in prop.lower():
        weight += ARTICLE_BODY_WEIGHT
    role = attrs.get("role")
    if role and role.lower() == "main":
        weight += SECTION_WEIGHT
    return weight


@functools.lru_cache(maxsize=4096)
def _name_marks(names: str) -> int:
    """1 when :data:`POSITIVE_NAMES` finds a name in ``names``, plus 2 when
    :data:`NEGATIVE_NAMES` does."""
    lower = names.lower()
    return (1 if POSITIVE_NAMES.search(lower) else 0) | (2 if NEGATIVE_NAMES.search(lower) else 0)


# ------------------------------------------------------------------ the head


def _head(tree: LexborHTMLParser) -> HeadHints:
    def folded(text: str | None) -> str | None:
        text = " ".join((text or "").split())
        return text or None

    # One query for the four kinds of element, in the page's order (one walk of the tree in
    # C, not four); each kind keeps its own order.
    title_node: LexborNode | None = None
    metas: dict[str, str] = {}
    canonical = None
    canonical_found = False
    h1_nodes: list[LexborNode] = []
    for node in tree.css("title, meta, link, h1"):
        tag = node.tag
        if tag == "meta":
            attrs = node.attributes
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
            content = attrs.get("content")
            if key and content and key not in metas:
                metas[key] = content.strip()
        elif tag == "link":
            if not canonical_found:
                attrs = node.attributes
                if (attrs.get("rel") or "").strip().lower() == "canonical" and attrs.get("href"):
                    canonical = (attrs.get("href") or "").strip() or None
                    canonical_found = True
        elif tag == "h1":
            h1_nodes.append(node)
        elif title_node is None:
            title_node = node
    published = next(
        (
            metas[k]
            for k in ("article:published_time", "og:published_time", "pubdate", "publishdate", "datepublished")
            if metas.get(k)
        ),
        None,
    )
    h1 = tuple(t for t in (folded(n.text(deep=True)) for n in h1_nodes) if t)
    return HeadHints(
        title=folded(title_node.text(deep=True)) if title_node is not None else None,
        og_title=folded(metas.get("og:title")),
        h1=h1,
        canonical=canonical or folded(metas.get("og:url")),
        description=folded(metas.get("description") or metas.get("og:description")),
        published=folded(published),
    )


def with_html(page: HtmlPage, norm: Normalized) -> Normalized:
    """The normalization of ``page.text`` restated on the HTML: its edits folded after the
    page's own (HTML -> text), so that one offset map leads from the clean text to the HTML.

    >>> from bilingual_news.normalize import normalize
    >>> page = read_html("<p>It/'s &lt;b&gt;</p>")
    >>> norm = with_html(page, normalize(page.text))
    >>> norm.text, norm.raw[norm.to_raw(0) : norm.to_raw(4, end=True)]
    ("It's <b>\\n", "It/'s")
    """
    if not norm.edits:
        edits = list(page.edits)
    else:
        changes = [Change(e.span.start, e.span.end, e.after, e.rule) for e in norm.edits]
        edits = merge_edits(page.raw, page.text, list(page.edits), changes)
    offsets = OffsetMap(edits)
    warnings = _warnings(norm.text, offsets) if norm.warnings else ()
    return Normalized(raw=page.raw, text=norm.text, edits=tuple(edits), warnings=warnings, offsets=offsets)


MIN_MARKUP_SHARE = 0.2
"""Share of a fragment's characters (a page without ``<html>`` or a doctype) that must be markup
for auto-detection to call it HTML: a text scrape with a few tags left in it has far less."""

MIN_FRAGMENT_TAGS = 4
"""Tags a fragment needs, besides :data:`MIN_MARKUP_SHARE`, to be called HTML."""

MIN_FRAGMENT_CLOSERS = 3
"""End tags of block elements (``</p>``, ``</div>``, ``</li>``, ``</h2>``…) from which a
markup-led fragment is HTML whatever its share of markup: a saved article body (``<div
class="…">`` and its paragraphs) is mostly text, and a text scrape with a tag left in it does
not close three paragraphs."""

DOCUMENT_SCAN = 2048
"""Characters at the start of a page that begins with ``<`` looked at for a doctype,
``<html>``, ``<head>`` or ``<body>``: an XML prolog, comments or a scraper's wrapper element
(``<text id="…">``) may come first."""

_DOCUMENT_START = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I)
_FRAGMENT_START = re.compile(
    r"<(?:!--|(?:div|p|article|section|main|header|nav|table|ul|ol|h[1-6]|span|a|meta|title|link|body)[\s>/])", re.I
)
_TAG = re.compile(r"<[!/?]?[A-Za-z][^<>]*>")
_BLOCK_CLOSER = re.compile(
    r"</(?:p|div|li|h[1-6]|td|tr|table|ul|ol|section|article|blockquote|figure|figcaption|header|footer)\s*>", re.I
)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page rather than text with some markup in it: it must start
    (after blanks) with ``<``, and then have a doctype, ``<html>``, ``<head>`` or ``<body>``
    within :data:`DOCUMENT_SCAN` characters, or start with a common tag (a fragment: a saved
    article body, a CMS export) and either be mostly markup (:data:`MIN_MARKUP_SHARE`) or close
    :data:`MIN_FRAGMENT_CLOSERS` block elements.

    >>> looks_like_html("<!DOCTYPE html><title>x</title>")
    True
    >>> looks_like_html("A page that shows <b>one</b> tag.")
    False
    >>> looks_like_html("<b>Bold</b> opening, then a long run of plain text that a scrape kept as it was.")
    False
    >>> looks_like_html('<div class="body"><p>' + "A long paragraph. " * 20 + "</p><p>More.</p><p>End.</p></div>")
    True
    """
    head = text[:65536].lstrip(" \ufeff\t\r\n\f")
    if not head.startswith("<"):
        return False
    if _DOCUMENT_START.search(head, 0, DOCUMENT_SCAN):
        return True
    if not _FRAGMENT_START.match(head):
        return False
    tags = _TAG.findall(head)
    if len(tags) < MIN_FRAGMENT_TAGS:
        return False
    if sum(map(len, tags)) >= MIN_MARKUP_SHARE * len(head):
        return True
    return len(_BLOCK_CLOSER.findall(head)) >= MIN_FRAGMENT_CLOSERS
