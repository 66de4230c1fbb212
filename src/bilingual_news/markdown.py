"""Stage 0 for Markdown input: a page's Markdown -> the text the pipeline reads, traced to the Markdown.

In: the Markdown string (what html2text, markdownify, Jina Reader, Firecrawl or crawl4ai give
for a page). Out: the same :class:`~bilingual_news.dom.HtmlPage` record the HTML reader
(:mod:`bilingual_news.dom`) gives — the text (one line per block: a paragraph, a heading, a
list item's paragraph, a table cell, a line of a code block), the ``edits`` from the Markdown
to that text, one :class:`~bilingual_news.dom.LineHints` per line and the page's
:class:`~bilingual_news.dom.HeadHints` — so the stages after it, and
:func:`bilingual_news.structure.refine`, read Markdown as they read HTML. A line's hints name
the HTML element the Markdown stands for (CommonMark defines Markdown by its HTML): ``h1``–``h6``,
``p``, ``li``, ``blockquote``, ``pre``, and ``a`` when its text starts in a link.

How the text is made: markdown-it-py (CommonMark, with GFM tables and strikethrough; imported
on first use) parses the page into block tokens with source line maps and inline tokens with
their children. The inline children hold the words without their markup but keep no offsets,
so each text child is found again in the source, from where the last one ended: markup
characters (emphasis, brackets, a list's or a quotation's marker, a table's pipes, blanks and
line breaks) are passed over, a link's destination and an image (``![alt](src)``) are skipped
whole, a backslash escape (``\\*``) or a character reference (``&amp;``) matches the character
it stands for. A child that cannot be found within :data:`MAX_MARKUP_RUN` characters of markup
is left out: a span can only point at the text where it stands.

The edits: the markup between two pieces of text becomes ``"\\n"`` (a block boundary or a hard
line break), ``" "`` or nothing (a soft line break inside a paragraph: nothing between two
Chinese characters, a space otherwise; nothing for inline markup) — rule ``md_markup``; an
image is an edit of its own (``md_image``: its alt text is not text of the page, as in HTML);
a backslash escape is undone by ``md_escape``, a character reference decoded by
``html_entity``, a run of blanks inside a line made one space by ``md_whitespace``. A link's
target is not text: it only makes its line's ``link_chars``, so that a line of links is chrome.
"""

from __future__ import annotations

import bisect
import html as _html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from bilingual_news._lazy import missing
from bilingual_news.dom import HeadHints, HtmlPage, LineHints, Separators
from bilingual_news.offsets import Change, merge_edits

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = [
    "BILINGUAL_MIN_HAN",
    "BILINGUAL_MIN_WORDS",
    "CELL_BREAK",
    "HEAD_TITLE_LOOKAHEAD",
    "HEAD_TITLE_MIN_SHARE",
    "JINA_FIELDS",
    "MARKDOWN_SCAN",
    "MAX_MARKUP_RUN",
    "MIN_LINKS",
    "TITLE_TAIL_MAX_CHARS",
    "looks_like_markdown",
    "read_markdown",
]

MAX_MARKUP_RUN = 64
"""Characters of markup passed over before a text child is found in the source (a list's or a
quotation's markers, emphasis, pipes, blanks): past that the child is not where it should be."""

MIN_LINKS = 3
"""Inline links or images (``[text](target)``, ``![alt](src)``) from which auto-detection calls
a page Markdown: a page rendered from HTML has a menu's worth of them, and a text dump of a
page never writes a link that way (none of the labelled dev pages' text dumps has one)."""

MARKDOWN_SCAN = 65536
"""Characters at the start of a page that auto-detection looks at."""

_MARKUP_CHARS = frozenset(" \t\r\n*_~[]>#|-+=.:`!0123456789)")
"""What may lie between two pieces of text besides skipped links and images: emphasis,
brackets, a quotation's ``>``, a heading's ``#``, a table's pipes and rule, a list's marker
(``-``, ``+``, ``1.``, ``1)``), blanks and line breaks."""

_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
"""The ASCII punctuation a backslash escapes (CommonMark)."""

_CHARREF = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_WIDE = re.compile(r"[\u2e80-\u303f\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
"""A character of East Asian text (Han, kana, hangul, their punctuation and full-width forms):
a soft line break between two of these is nothing, as a browser shows it."""
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

_LINK = re.compile(r"!?\[[^\]\n]{0,300}\]\([^)\s]+")
_ATX = re.compile(r"#{1,6}[ \t]+\S")
_OTHER = re.compile(
    r"\*\*[^*\n]+\*\*|__[^_\n]+__|^>[ \t]?\S|^\|?[ \t]*:?-{3,}:?[ \t]*\||^```|!?\[[^\]\n]{0,300}\]\([^)\s]+", re.M
)


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` reads as Markdown rather than a plain-text dump: at least
    :data:`MIN_LINKS` inline links or images, or a first line that is an ATX heading (``# ``)
    with some other Markdown after it (a link, strong emphasis, a quotation, a table, a fence).
    A dump with a line that starts with ``#`` or ``*`` stays text.

    >>> looks_like_markdown("[Home](/) [News](/news) [About](/about)\\n\\nSome text.")
    True
    >>> looks_like_markdown("# Title\\n\\n**By a reporter**\\n\\nThe text.")
    True
    >>> looks_like_markdown("# 1\\n* a bullet\\nPlain lines, one per block.")
    False
    """
    head = text[:MARKDOWN_SCAN]
    if len(_LINK.findall(head)) >= MIN_LINKS:
        return True
    first = head.lstrip(" \ufeff\t\r\n")
    return bool(_ATX.match(first)) and _OTHER.search(first) is not None


def _parser() -> MarkdownIt:
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        raise missing("markdown-it-py", "reading Markdown input") from None
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.validateLink = _any_link  # type: ignore[method-assign]  # nothing is rendered: javascript: links too
    return md


def _any_link(url: str) -> bool:
    """Every link target is a link's: markdown-it's default refuses ``javascript:`` and
    ``data:`` targets (a renderer's safety), which leaves ``[menu](javascript:;)`` as text."""
    return True


class _Piece(NamedTuple):
    """A run of text found in the source, and the changes inside it."""

    start: int
    end: int
    changes: tuple[Change, ...]
    link: bool
    sep: str
    """What stands between it and the piece before it on its line (``""``, ``" "``, ``"\\n"``)."""
    code: bool = False
    """Inline code: its text is as written, markup and blanks alike."""


class _Line(NamedTuple):
    pieces: list[_Piece]
    tags: frozenset[str]


def read_markdown(raw: str) -> HtmlPage:
    """Read a Markdown page: its text, the edits from the Markdown to the text, and its structure.

    >>> page = read_markdown("# A *title*\\n\\nSee [the site](https://example.org) \\\\* now.\\n")
    >>> page.text
    'A title\\nSee the site * now.\\n'
    >>> [(e.rule, e.before, e.after) for e in page.edits][:3]
    [('md_markup', '# ', ''), ('md_markup', '*', ''), ('md_markup', '*\\n\\n', '\\n')]
    >>> [h.tags for h in page.lines] == [frozenset({"h1"}), frozenset({"p"})]
    True
    """
    md = _parser()
    tokens = md.parse(raw)
    starts = _line_starts(raw)
    lines, drops = _lines(md, raw, tokens, starts)
    changes, hints = _changes(raw, lines, drops)
    text = _apply(raw, changes)
    texts = text.split("\n")
    first = _first_line(raw, texts, hints)
    if first is not None and (split := _title_tails(raw, lines, first.removeprefix(_JINA_TITLE))) is not lines:
        changes, hints = _changes(raw, split, drops)
        text = _apply(raw, changes)
        texts = text.split("\n")
    title = _head_title(raw, texts, hints)
    edits = merge_edits(raw, raw, [], changes)
    h1 = tuple(" ".join(line.split()) for line, h in zip(texts, hints, strict=False) if "h1" in h.tags)
    if title is not None:  # the page's title line: what <title> is to an HTML page
        hints[0] = hints[0]._replace(tags=frozenset({"title"}))
    fields = _jina_fields(texts) if title is not None and texts[0].startswith(_JINA_TITLE) else {}
    return HtmlPage(
        raw=raw,
        text=text,
        edits=tuple(edits),
        lines=tuple(hints),
        head=HeadHints(h1=h1, title=title, canonical=fields.get("URL Source"), published=fields.get("Published Time")),
        starts=tuple(h.start for h in hints),
    )


HEAD_TITLE_LOOKAHEAD = 300
"""Lines after a page's first line searched for the title it names (the article's title
comes after the site's menus, which a converter writes out in full)."""
HEAD_TITLE_MIN_SHARE = 0.5
"""Share of the first line's title form a later line must hold to confirm it as the page's
title line: the article's title is most of ``<title>`` (``Title - Site``); the site's name,
also found at one end of it, is not."""
_JINA_TITLE = "Title: "
_TITLE_LINE_TAGS = (frozenset({"p"}), frozenset({"pre"}))
"""What a title line can read as: a paragraph, or a code block when the converter indented it."""


JINA_FIELDS = ("URL Source", "Published Time")
"""The fields of Jina Reader's header (after its ``Title:`` line, before ``Markdown Content:``)
read into the page's head: the canonical URL and the publication time."""
_JINA_HEADER_LINES = 6


def _jina_fields(texts: list[str]) -> dict[str, str]:
    """The :data:`JINA_FIELDS` of a Jina Reader header, by name."""
    found: dict[str, str] = {}
    for line in texts[1:_JINA_HEADER_LINES]:
        name, colon, value = line.partition(": ")
        if colon and name in JINA_FIELDS and value.strip():
            found[name] = value.strip()
    return found


def _first_line(raw: str, texts: list[str], hints: list[LineHints]) -> str | None:
    """The page's first line, its blanks made one, when it can name the page's title: it opens
    the page and is a paragraph or a code block (:data:`_TITLE_LINE_TAGS`); else ``None``."""
    if not hints or raw[: hints[0].start].strip() or hints[0].tags not in _TITLE_LINE_TAGS:
        return None
    return " ".join(texts[0].split())


def _head_title(raw: str, texts: list[str], hints: list[LineHints]) -> str | None:
    """The page's title when the Markdown opens with a line that names it, as a page
    converter writes the HTML's ``<title>``: Jina Reader's ``Title: …`` line, or a line of
    plain text (markdownify writes the ``<title>`` so) that a later line confirms — the later
    line's title form is the first line's, or its start or end, and most of it
    (:data:`HEAD_TITLE_MIN_SHARE`). ``None`` when the page opens otherwise."""
    first = _first_line(raw, texts, hints)
    if first is None:
        return None
    if first.startswith(_JINA_TITLE) and len(first) > len(_JINA_TITLE):
        return first[len(_JINA_TITLE) :]
    from bilingual_news.revise import HEADLINE_MIN_CHARS
    from bilingual_news.structure import MAX_TITLE_KEY_CHARS, confirmed, title_key

    key = title_key(first)
    if not HEADLINE_MIN_CHARS <= len(key) <= MAX_TITLE_KEY_CHARS:
        return None
    least = max(HEADLINE_MIN_CHARS, HEAD_TITLE_MIN_SHARE * len(key))
    for line in texts[1 : HEAD_TITLE_LOOKAHEAD + 1]:
        if len(line) < least:
            continue
        later = title_key(line)
        if len(later) >= least and confirmed(later, [key]):
            return first
    return None


TITLE_TAIL_MAX_CHARS = 6
"""Longest tail (letters, digits and Han characters) split off a heading that is the page's
title and then a few more words: a button's label (``播报文章``, ``Listen``) that markdownify,
joining a heading's elements with a blank, fused into it. A real headline's last words are
longer than that, or in the title too."""
_TAIL_HEADINGS = frozenset({"h1", "h2", "h3"})


def _title_tails(raw: str, lines: list[_Line], title: str) -> list[_Line]:
    """``lines`` with each heading that reads as ``title`` (the page's first line, which can
    name its title: :func:`_first_line`) — its start or its whole
    (:func:`~bilingual_news.structure.confirmed`) — then a blank and a short tail
    (:data:`TITLE_TAIL_MAX_CHARS`) split there, the tail a line of its own; ``lines`` itself
    when there is none. The split heading then confirms the first line as the page's title
    (:func:`_head_title`)."""
    from bilingual_news.structure import confirmed, title_key

    key = [title_key(title)]
    out: list[_Line] = []
    for line in lines:
        pieces = line.pieces
        split = None
        if line.tags & _TAIL_HEADINGS and not confirmed(title_key(_raw_text(raw, pieces)), key):
            for n, piece in enumerate(pieces):
                if piece.code:
                    continue
                for m in _BLANKS.finditer(raw, piece.start, piece.end):
                    tail = title_key(raw[m.end() : pieces[-1].end])
                    if 0 < len(tail) <= TITLE_TAIL_MAX_CHARS and confirmed(
                        title_key(raw[pieces[0].start : m.start()]), key
                    ):
                        split = (n, m.span())
        if split is None:
            out.append(line)
            continue
        n, run = split
        parts = _broken(pieces[n], [run])
        head = [*pieces[:n], *(p for p in parts if p.end <= run[0])]
        rest = [*(p for p in parts if p.start >= run[1]), *pieces[n + 1 :]]
        out.append(_Line(head, line.tags))
        out.append(_Line(rest, frozenset({"p", *(line.tags - _TAGGED)})))
    return out if len(out) > len(lines) else lines


def _raw_text(raw: str, pieces: list[_Piece]) -> str:
    return " ".join(raw[p.start : p.end] for p in pieces)


def _line_starts(raw: str) -> list[int]:
    """Where each line starts, lines as markdown-it counts them (``\\r\\n``, ``\\r``, ``\\n``),
    with the end of the page last."""
    starts = [0]
    starts.extend(m.end() for m in _LINE_BREAK.finditer(raw))
    starts.append(len(raw))
    return starts


def _apply(raw: str, changes: Sequence[Change]) -> str:
    parts: list[str] = []
    pos = 0
    for c in changes:
        parts.append(raw[pos : c.start])
        parts.append(c.after)
        pos = c.end
    parts.append(raw[pos:])
    return "".join(parts)


# ------------------------------------------------------------------ the token walk

_CONTAINERS = {"blockquote_open": "blockquote", "list_item_open": "li"}
_CLOSERS = {"blockquote_close", "list_item_close"}


def _lines(
    md: MarkdownIt, raw: str, tokens: list[Token], starts: list[int]
) -> tuple[list[_Line], list[tuple[int, int, str]]]:
    """The lines of text, in order, and the images dropped as edits of their own."""
    lines: list[_Line] = []
    drops: list[tuple[int, int, str]] = []
    context: list[str] = []
    block_tag = "p"
    cursor = 0
    edges: list[int] | None = None  # the pipes of the table row being read (_cell_edges)
    cells = 0  # the cells markdown-it gave that row
    for token in tokens:
        kind = token.type
        if kind in _CONTAINERS:
            context.append(_CONTAINERS[kind])
        elif kind in _CLOSERS:
            if context:
                context.pop()
        elif kind == "tr_open" and token.map is not None:
            edges, cells = _cell_edges(raw, starts[token.map[0]], starts[token.map[0] + 1]), 0
        elif kind == "tr_close" and edges is not None:
            cursor = _extra_cells(md, raw, edges, cells, cursor, lines, drops, context)
            edges = None
        elif kind in ("heading_open", "paragraph_open", "th_open", "td_open"):
            block_tag = token.tag
            cells += kind in ("th_open", "td_open")
        elif kind == "inline" and token.map is not None and token.children:
            at = max(cursor, starts[token.map[0]])
            limit = starts[min(token.map[1], len(starts) - 1)]
            if edges is not None and 0 < cells < len(edges):  # a cell: its text lies between its pipes
                at, limit = max(at, edges[cells - 1] + 1), edges[cells]
            pieces, cursor, all_home = _inline(raw, token.children, at, limit, drops)
            cursor = max(cursor, at)
            translation: list[_Piece] = []
            if block_tag in ("td", "th"):
                pieces = _cell_lines(raw, pieces)
            else:
                # A table's rule a converter left where no table parses (``---|---``) is markup.
                pieces = [piece for piece in pieces if not _RULE.fullmatch(raw, piece.start, piece.end)]
                if block_tag not in _HEADING_TAGS:
                    pieces = _blank_breaks(raw, pieces, links_only=True)
                elif pieces:
                    pieces, translation = _bilingual_halves(raw, pieces)
            if pieces:
                tags = {block_tag, *context} if block_tag in _TAGGED else set(context)
                if pieces[0].link:
                    tags.add("a")
                if all_home:  # ``# [The Site](/)``: a logo, the site's name
                    tags.add("home")
                lines.append(_Line(pieces, frozenset(tags)))
            if translation:  # a line of its own after the heading, as html2text writes it
                lines.append(_Line(translation, frozenset({"p", *context})))
        elif kind in ("fence", "code_block") and token.map is not None:
            # A code block is one line, its lines joined by a blank, as the HTML reader reads a
            # ``<pre>``: a listing of forty lines is one piece of the article, not forty. An
            # indented block holding Markdown links or list markers is a converter's indented
            # menu, not code: a line per line, each read as Markdown (:func:`_menu_line`).
            first, last = token.map
            split_lines = (
                kind == "code_block" and _MARKDOWN_IN_CODE.search(raw, starts[first], starts[last]) is not None
            )
            if kind == "fence":
                first, last = first + 1, last - 1
            code: list[_Piece] = []
            for k in range(first, last):
                s, e = starts[k], starts[k + 1]
                while s < e and raw[s] in " \t":
                    s += 1
                while e > s and raw[e - 1] in " \t\r\n":
                    e -= 1
                if e > s and s >= cursor and split_lines:
                    cursor = _menu_line(md, raw, s, e, cursor, lines, drops, context)
                elif e > s and s >= cursor:
                    code.append(_Piece(s, e, (), False, " " if code else ""))
                    cursor = e
            if code:
                lines.append(_Line(code, frozenset({"pre", *context})))
        elif kind == "html_block" and token.map is not None:
            cursor = _html_block(raw, starts, token.map, max(cursor, starts[token.map[0]]), lines, context)
    return lines, drops


def _cell_edges(raw: str, start: int, end: int) -> list[int]:
    """Where the cells of the table row ``raw[start:end]`` end: the pipes (not escaped) after
    each, the first one the row's opening pipe or the place before the line, the last one the
    line's end when the row has no closing pipe; cell ``k`` (from 1) lies between edges
    ``k - 1`` and ``k``."""
    pipes = [m.start() for m in _CELL_PIPE.finditer(raw, start, end)]
    if not raw[start:end].lstrip(" \t").startswith("|"):
        pipes.insert(0, start - 1)  # a row without a leading pipe: its first cell opens the line
    pipes.append(end)  # a last cell without a closing pipe
    return pipes


def _extra_cells(
    md: MarkdownIt,
    raw: str,
    edges: list[int],
    given: int,
    cursor: int,
    lines: list[_Line],
    drops: list[tuple[int, int, str]],
    context: list[str],
) -> int:
    """The cells of a table row past its header's count, a line each, read from the source.

    GFM drops a row's cells beyond the header's (its rule for a ragged row), and markdownify
    writes a layout of nested tables so: an outer row whose cells hold the inner tables'
    cells on the same line, the article among them. Their text is the page's: each is read
    as a cell's inline content is (:func:`_inline`), its line breaks as :func:`_blank_breaks`."""
    for a, b in zip(edges[given:-1], edges[given + 1 :], strict=True):
        a += 1
        text = raw[a:b].strip()
        if not text or a < cursor:
            continue
        inline = md.parseInline(text)
        children = inline[0].children if inline else None
        if not children:
            continue
        pieces, cursor, _ = _inline(raw, children, a, b, drops)
        pieces = _cell_lines(raw, pieces)
        if pieces:
            tags = {"a", *context} if pieces[0].link else set(context)
            lines.append(_Line(pieces, frozenset(tags)))
    return cursor


_CELL_PIPE = re.compile(r"(?<!\\)\|")
"""A table's cell boundary: a pipe not escaped."""
CELL_BREAK = re.compile(r"[ \t]{2,}")
"""Blanks inside a table cell or a link's text that stand for a line break (:func:`_blank_breaks`):
markdownify writes a cell on one line, its paragraphs' line breaks made two blanks; html2text
leaves two blanks where elements written on lines of their own in the HTML's source meet
(``<a><span>\\n Search\\n</span>\\n<span>\\n All sites\\n</span></a>``: a widget's parts, not
a link's one name)."""


def _cell_lines(raw: str, pieces: list[_Piece]) -> list[_Piece]:
    """A table cell's pieces as lines: broken where blanks run (:func:`_blank_breaks`), without
    the rules and the list markers that open a line (markdownify writes a cell's ``<hr>`` as
    ``---`` and its list items as ``1. item`` on the cell's one line)."""
    out: list[_Piece] = []
    sep = ""
    for piece in _blank_breaks(raw, pieces):
        sep = piece.sep if not sep or piece.sep == "\n" else sep
        if _RULE.fullmatch(raw, piece.start, piece.end):
            continue
        marker = None if piece.code or (out and sep != "\n") else _LIST_MARKER.match(raw, piece.start, piece.end)
        if marker is not None and marker.end() < piece.end:
            inner = tuple(c for c in piece.changes if c.start >= marker.end())
            piece = piece._replace(start=marker.end(), changes=inner)
        out.append(piece._replace(sep=sep))
        sep = ""
    return out


def _blank_breaks(raw: str, pieces: list[_Piece], *, links_only: bool = False) -> list[_Piece]:
    """Pieces broken into lines where :data:`CELL_BREAK` stands inside one: in a table cell
    (inline code aside: markdownify writes a ``<pre>`` in a cell as a code span of one line),
    or, with ``links_only``, in a link's text only (in a paragraph's own text, html2text's two
    blanks join the parts of one sentence as often as not)."""
    out: list[_Piece] = []
    for piece in pieces:
        if piece.code or (links_only and not piece.link):
            out.append(piece)
            continue
        out.extend(_broken(piece, [m.span() for m in CELL_BREAK.finditer(raw, piece.start, piece.end)]))
    return out


def _broken(piece: _Piece, runs: list[tuple[int, int]]) -> list[_Piece]:
    """``piece`` broken into lines at ``runs`` (blanks inside it, in order): the blanks are
    left to the separator between the pieces, a line break."""
    out: list[_Piece] = []
    pos = piece.start
    sep = piece.sep
    for start, end in [*runs, (piece.end, piece.end)]:
        if start > pos:
            inner = tuple(c for c in piece.changes if pos <= c.start and c.end <= start)
            out.append(_Piece(pos, start, inner, piece.link, sep, piece.code))
        sep = "\n"  # a line's first piece's is not read
        pos = end
    return out


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_BLANKS = re.compile(r"[ \t]+")

BILINGUAL_MIN_WORDS = 4
"""English words the English half of a fused bilingual heading needs (``Night trains return
to the coast 夜班火车重返海岸``): fewer is a name inside a Chinese title (``Apple 发布新品``)."""
BILINGUAL_MIN_HAN = 4
"""Han characters the Chinese half of a fused bilingual heading needs."""


def _bilingual_halves(raw: str, pieces: list[_Piece]) -> tuple[list[_Piece], list[_Piece]]:
    """A heading's pieces split in two where a title in one language ends and its
    translation begins, or all of them and none: markdownify joins a heading's lines with a
    blank (``<h1>English title<br>中文标题</h1>``), where html2text writes the translation on a
    line of its own after the heading. The split is at the one blank between an English half
    with no Han character and at least :data:`BILINGUAL_MIN_WORDS` words and a Chinese half
    with at least :data:`BILINGUAL_MIN_HAN` Han characters and no English word (or the other
    way round), the second half starting with a word, not a bracket."""
    start, end = pieces[0].start, pieces[-1].end
    breaks = [
        (n, m.span())
        for n, piece in enumerate(pieces)
        if not piece.code
        for m in _BLANKS.finditer(raw, piece.start, piece.end)
        if _bilingual(raw[start : m.start()], raw[m.end() : end])
    ]
    if len(breaks) != 1:
        return pieces, []
    n, run = breaks[0]
    parts = _broken(pieces[n], [run])
    first = [*pieces[:n], *(p for p in parts if p.end <= run[0])]
    second = [*(p for p in parts if p.start >= run[1]), *pieces[n + 1 :]]
    return (first, second) if first and second else (pieces, [])


def _bilingual(left: str, right: str) -> bool:
    if not right[:1].isalnum():
        return False  # a gloss in brackets is part of its title: ``Zhi Neng Xiang Nian Ni (只能想念你)``
    for english, chinese in ((left, right), (right, left)):
        if (
            len(_LATIN_WORD.findall(english)) >= BILINGUAL_MIN_WORDS
            and _HAN_CHAR.search(english) is None
            and len(_HAN_CHAR.findall(chinese)) >= BILINGUAL_MIN_HAN
            and _LATIN_WORD.search(chinese) is None
        ):
            return True
    return False


def _menu_line(
    md: MarkdownIt,
    raw: str,
    start: int,
    end: int,
    cursor: int,
    lines: list[_Line],
    drops: list[tuple[int, int, str]],
    context: list[str],
) -> int:
    """One line of a converter's indented menu (a code block holding Markdown, as html2text
    indents a nested list: ``    * [ ![logo](/a.png) ](/home)``) read as Markdown: its list
    marker is markup, its inline content read as a paragraph's (:func:`_inline`), its line
    added to ``lines`` as a code block's; where the search ended."""
    marker = _LIST_MARKER.match(raw, start, end)
    at = marker.end() if marker else start
    inline = md.parseInline(raw[at:end])
    children = inline[0].children if inline else None
    if not children:
        return cursor
    pieces, cursor, _ = _inline(raw, children, at, end, drops)
    pieces = [p for p in pieces if not _RULE.fullmatch(raw, p.start, p.end)]
    if pieces:
        lines.append(_Line(pieces, frozenset({"pre", "a", *context} if pieces[0].link else {"pre", *context})))
    return max(cursor, end)


_LIST_MARKER = re.compile(r"(?:[*+-]|[0-9]{1,9}[.)])[ \t]+")
"""A list item's marker at the start of a line."""
_MARKDOWN_IN_CODE = re.compile(r"\]\([^)\s]+\)|^[ \t]*[*+-][ \t]+\S", re.MULTILINE)
"""A Markdown link or a list marker inside an indented block: a converter's menu, not code."""
_RULE = re.compile(r"[\s|:+]*-{3,}[\s|:+-]*")
"""A line of a table's rule or a thematic break, made of dashes, pipes and colons only."""
_TAGGED = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p"})
_TAG = re.compile(r"<[!/?]?[A-Za-z][^<>]*>|<!--.*?-->")


def _html_block(
    raw: str, starts: list[int], where: list[int], cursor: int, lines: list[_Line], context: list[str]
) -> int:
    """The text between the tags of an HTML block, a line per source line."""
    for k in range(where[0], where[1]):
        s, e = max(starts[k], cursor), starts[k + 1]
        pieces: list[_Piece] = []
        pos = s
        for m in [*_TAG.finditer(raw, s, e), None]:
            stop = e if m is None else m.start()
            a, b = pos, stop
            while a < b and raw[a] in " \t\r\n":
                a += 1
            while b > a and raw[b - 1] in " \t\r\n":
                b -= 1
            if b > a:
                pieces.append(_Piece(a, b, (), False, " " if pieces else ""))
            if m is not None:
                pos = m.end()
        if pieces:
            lines.append(_Line(pieces, frozenset(context)))
            cursor = pieces[-1].end
    return cursor


def _inline(
    raw: str, children: list[Token], cursor: int, limit: int, drops: list[tuple[int, int, str]]
) -> tuple[list[_Piece], int, bool]:
    """The pieces of text of one inline token, found in ``raw[cursor:limit]``, where the
    search ended, and whether all its text is a link to a site's home page."""
    pieces: list[_Piece] = []
    link = 0
    brk = ""  # the line break seen since the last piece: "", "soft" or "hard"
    autolink = False
    home = False  # inside a link to a site's home page
    outside_home = False  # a piece of text stood outside such a link
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            if autolink:
                continue
            found = _find(raw, child.content, cursor, limit, code=kind == "code_inline")
            if found is None:
                continue
            start, end, inner = found
            sep = "\n" if brk == "hard" else _soft(raw, pieces[-1].end, start) if brk and pieces else ""
            pieces.append(_Piece(start, end, inner, link > 0, sep, kind == "code_inline"))
            outside_home = outside_home or not home
            cursor = end
            brk = ""
        elif kind == "softbreak":
            brk = brk or "soft"
        elif kind == "hardbreak":
            brk = "hard"
        elif kind == "link_open":
            link += 1
            home = link == 1 and _home_url(str(child.attrGet("href") or ""))
            if child.markup == "autolink":
                autolink = True
                at = raw.find("<", cursor, limit)
                close = raw.find(">", at + 1, limit) if at >= 0 else -1
                if close > at + 1:
                    sep = "\n" if brk == "hard" else _soft(raw, pieces[-1].end, at + 1) if brk and pieces else ""
                    pieces.append(_Piece(at + 1, close, (), True, sep))
                    cursor = close + 1
                    brk = ""
        elif kind == "link_close":
            link = max(0, link - 1)
            home = home and link > 0
            if autolink:
                autolink = False
            else:
                cursor = _link_tail(raw, cursor, limit)
        elif kind == "image":
            at = raw.find("![", cursor, limit)
            if at >= 0:
                end = _destination(raw, _bracket_end(raw, at + 1, limit), limit)
                drops.append((at, end, "md_image"))
                cursor = end
        elif kind == "html_inline":
            at = raw.find(child.content, cursor, limit)
            if at >= 0:
                cursor = at + len(child.content)
    if any(_LEFTOVER.search(raw, p.start, p.end) for p in pieces):
        pieces = _leftovers(raw, pieces, drops)
    return pieces, cursor, bool(pieces) and not outside_home


_LEFTOVER = re.compile(r"\*|\]\(|__|\||\[")
"""What a piece holds when the parser may have left Markdown in it (:func:`_leftovers`)."""
_STARS = re.compile(r"\*{2,}")
"""A run of asterisks that can be strong emphasis's delimiter."""
_DESTINATION = r"[ \t]*((?:https?://|//|/|\./|\.\./|#|data:|javascript:)(?:[^()\n]|\([^()\n]*\))*)\)"
"""A link's destination after its ``](``, with blanks in it and parentheses one deep (an SVG
image's ``data:`` URL), to its closing parenthesis."""
_LEFT_LINK = re.compile(r"(!?)\[([^\[\]\n]*)\]\(" + _DESTINATION, re.IGNORECASE)
"""A link or an image whose destination CommonMark does not take (a blank in it, as html2text
and markdownify write a path with spaces): ``[WSL 安装](/Courses/WSL 安装)``."""
_LINK_TAIL = re.compile(r"\]\(" + _DESTINATION, re.IGNORECASE)
"""The end of a link whose ``[`` stands in an earlier paragraph or before an image:
markdownify writes a link that holds paragraphs as ``[`` … ``](/a/story "title")`` across
them, and html2text and markdownify a linked image with a blank in the link's destination as
``[![](icon.png)](https://example.org/share?title=A story)``."""
_LONE_MARKUP = re.compile(r"[ \t]*(?:\[+|\*{2,}(?:[ \t]+\*{2,})*|_{2,})[ \t]*")
"""A piece that is only markup: a link's opening bracket, its text and end elsewhere
(:data:`_LINK_TAIL`); strong emphasis's ``**`` that html2text writes around blocks (``## **``,
the paragraphs, then ``**`` alone); a line of underscores."""
_EMPTY_EMPHASIS = re.compile(r"(?<![\w_*])(?:__(?!_)|\*{4}(?!\*))")
"""html2text's empty ``<i>``/``<em>`` (``__``) and ``<b>``/``<strong>`` (``****``), an icon
font's elements, that CommonMark leaves as text (``__9 __23``); a dunder name's ``__``
(``__init__``) is a word's."""
_DUNDER = re.compile(r"__\w+__")
_SENTENCE_EDGE_STARS = re.compile(r"(?:^|(?<=[.!?])\s|\s)\*{2,}(?=[A-Z])|[.!?]\*{2,}(?=\s|$)")
"""A run of asterisks left alone at a sentence's edge, where html2text and markdownify leave the
``**`` of a ``<strong>`` that spans paragraphs: before a sentence's capital (``… **Adam said``)
or after its full stop (``… in 2019.**``); ``**kwargs`` in code is lower case."""
_CJK_SIDE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’…—]")
"""A character next to which CommonMark's flanking rules leave ``**`` unparsed: Han, CJK
punctuation and the curly quotes Chinese text uses (``**“引语”**。``)."""


def _leftovers(raw: str, pieces: list[_Piece], drops: list[tuple[int, int, str]]) -> list[_Piece]:
    """The pieces of one paragraph or heading without the Markdown its parser left as text:
    links and images whose destination holds a blank (the link's text kept, as a link; the
    image dropped as an ``md_image`` edit), and strong emphasis's ``**`` where CommonMark's
    flanking rules leave it — next to Chinese text or punctuation (``**算法，**阿里``), or,
    when the paragraph holds an even number of such runs, all of them (``**Latest **``, as
    html2text writes a bold label); the end of a link whose ``[`` stands in an earlier
    paragraph or before an image (:data:`_LINK_TAIL`, the text before it kept as a link's) and
    a piece that is only markup (:data:`_LONE_MARKUP`); html2text's empty emphasis (:data:`_EMPTY_EMPHASIS`); the
    pipes at a source line's ends (:func:`_edge_pipes`). Inline code is left alone; so is a
    cut that an escape or a reference straddles. Each cut is an ``md_markup`` edit: nothing is
    lost."""
    cuts: dict[int, list[tuple[int, int, bool]]] = {}  # piece -> (start, end, keeps link text)
    stars: list[tuple[int, int, int]] = []
    if len(pieces) > 1:
        _links_across(raw, pieces, cuts)
    for n, piece in enumerate(pieces):
        if piece.code:
            continue
        if _LONE_MARKUP.fullmatch(raw, piece.start, piece.end):
            cuts.setdefault(n, []).append((piece.start, piece.end, False))
            continue
        links: list[tuple[int, int]] = []
        for m in _LEFT_LINK.finditer(raw, piece.start, piece.end):
            links.append(m.span())
            if m.group(1):
                cuts.setdefault(n, []).append((m.start(), m.end(), False))
                drops.append((m.start(), m.end(), "md_image"))
            else:
                cuts.setdefault(n, []).append((m.start(), m.start(2), False))
                cuts.setdefault(n, []).append((m.end(2), m.end(), True))
        for m in _LINK_TAIL.finditer(raw, piece.start, piece.end):
            if not any(a <= m.start() < b for a, b in links):
                cuts.setdefault(n, []).append((m.start(), m.end(), True))
        for m in _EMPTY_EMPHASIS.finditer(raw, piece.start, piece.end):
            if not _DUNDER.match(raw, m.start(), piece.end):
                cuts.setdefault(n, []).append((m.start(), m.end(), False))
        for m in _STARS.finditer(raw, piece.start, piece.end):
            if m.end() - m.start() != 4:
                stars.append((n, m.start(), m.end()))
        cuts.setdefault(n, []).extend(_edge_pipes(raw, piece))
    even = len(stars) % 2 == 0
    for n, start, end in stars:
        before, after = start, end  # the characters next to the run, past the delimiters the parser took
        while before > 0 and raw[before - 1] == "*":
            before -= 1
        while after < len(raw) and raw[after] == "*":
            after += 1
        if (
            even
            or (before and _CJK_SIDE.match(raw, before - 1))
            or _CJK_SIDE.match(raw, after)
            or _SENTENCE_EDGE_STARS.match(raw, before - 1 if before else 0, after + 1)
        ):
            cuts.setdefault(n, []).append((start, end, False))
    if not cuts:
        return pieces
    out: list[_Piece] = []
    carried = ""  # what stands before the next piece kept: a line break, or a blank a cut left
    for n, piece in enumerate(pieces):
        spans = sorted(set(cuts.get(n, ())))
        if not spans or any(a < spans[k - 1][1] for k, (a, _, _) in enumerate(spans) if k) or _crossed(piece, spans):
            kept, tail = [piece], False
        else:
            kept, tail = _cut(raw, piece, spans)
        if not kept:
            carried = carried if carried == "\n" else piece.sep or carried or (" " if tail else "")
            continue
        if carried and kept[0].sep != "\n":
            kept[0] = kept[0]._replace(sep=carried)
        carried = " " if tail else ""
        out.extend(kept)
    return out


def _links_across(raw: str, pieces: list[_Piece], cuts: dict[int, list[tuple[int, int, bool]]]) -> None:
    """Cuts for the links whose destination runs on past their piece, into a later one: an
    inline tag inside it (html2text keeps a ``<br>`` of the title a share link carries) split
    the text there, ``[](/share?title=A story<br>其标题)``. The link's text, in its first piece,
    is kept; the rest of the link is markup."""
    ends = [p.end for p in pieces]
    for m in _LEFT_LINK.finditer(raw, pieces[0].start, pieces[-1].end):
        first = bisect.bisect_right(ends, m.start())
        last = bisect.bisect_left(ends, m.end())
        if first >= len(pieces) or last >= len(pieces) or first == last:
            continue
        head, tail = pieces[first], pieces[last]
        if head.code or tail.code or m.start() < head.start or m.end(2) > head.end or m.end() <= tail.start:
            continue
        keep = bool(m.group(2)) and not m.group(1)
        if keep:
            cuts.setdefault(first, []).extend(((m.start(), m.start(2), False), (m.end(2), head.end, True)))
        else:
            cuts.setdefault(first, []).append((m.start(), head.end, False))
        for n in range(first + 1, last):
            cuts.setdefault(n, []).append((pieces[n].start, pieces[n].end, False))
        cuts.setdefault(last, []).append((tail.start, m.end(), keep))


def _edge_pipes(raw: str, piece: _Piece) -> list[tuple[int, int, bool]]:
    """The pipes of ``piece`` that open or close a line of the source (with the blanks beside
    them): a table's cell edges that html2text left in a paragraph where no table parses
    (``|  A cell's text |``). A pipe inside a line stays: it can be the page's own
    (``By a reporter | The Courier``)."""
    out: list[tuple[int, int, bool]] = []
    k = raw.find("|", piece.start, piece.end)
    while k >= 0:
        a, b = k, k + 1
        while a > 0 and raw[a - 1] in " \t":
            a -= 1
        while b < len(raw) and raw[b] in " \t":
            b += 1
        if a == 0 or raw[a - 1] in "\r\n" or b == len(raw) or raw[b] in "\r\n":
            out.append((max(a, piece.start), min(b, piece.end), False))
        k = raw.find("|", k + 1, piece.end)
    return out


def _crossed(piece: _Piece, spans: list[tuple[int, int, bool]]) -> bool:
    """Whether a change inside ``piece`` (an escape, a reference, a blank run) straddles a
    cut's edge (one the cut holds whole goes with it)."""
    return any(
        c.start < end and start < c.end and not (start <= c.start and c.end <= end)
        for c in piece.changes
        for start, end, _ in spans
    )


def _cut(raw: str, piece: _Piece, spans: list[tuple[int, int, bool]]) -> tuple[list[_Piece], bool]:
    """``piece`` without ``spans``, as the pieces between them (none when the cuts take it
    whole), and whether a blank stood after the last one kept; the blanks next to a cut go
    into it, and where a blank was, the next piece is set off by one."""
    out: list[_Piece] = []
    pos = piece.start
    blank = False  # a blank stood between the last piece kept and the next
    for start, end, link_before in [*spans, (piece.end, piece.end, False)]:
        s, e = pos, start
        while s < e and raw[s] in " \t":
            s += 1
            blank = True
        trailing = False
        while e > s and raw[e - 1] in " \t":
            e -= 1
            trailing = True
        if e > s:
            gap = " " if blank else ""
            sep = (piece.sep or gap) if not out else gap
            inner = tuple(c for c in piece.changes if s <= c.start and c.end <= e)
            out.append(_Piece(s, e, inner, piece.link or link_before, sep))
            blank = trailing
        else:
            blank = blank or trailing
        pos = end
    return out, blank


_HOME_PATHS = frozenset({"", "/", "/index.html", "/index.htm", "/index.php", "/index.shtml"})


def _home_url(href: str) -> bool:
    """Whether a link goes to a site's home page: its path is the root (``/``,
    ``https://example.org/``, ``/index.html``), whatever its query.

    >>> _home_url("/"), _home_url("https://example.org"), _home_url("/news/2026/a-story.html")
    (True, True, False)
    """
    if not href or href.startswith(("#", "mailto:", "javascript:")):
        return False
    path = urlsplit(href).path if "//" in href else href.partition("?")[0].partition("#")[0]
    return path.lower() in _HOME_PATHS


def _soft(raw: str, left: int, right: int) -> str:
    """What a soft line break between the text ending at ``left`` and the text starting at
    ``right`` becomes: nothing between two East Asian characters, a space otherwise."""
    wide = _WIDE.match(raw[left - 1]) is not None and _WIDE.match(raw[right]) is not None
    return "" if wide else " "


def _bracket_end(raw: str, at: int, limit: int) -> int:
    """One past the ``]`` that closes the ``[`` at ``at`` (nested brackets and escapes
    counted), or ``limit``."""
    depth = 0
    k = at
    while k < limit:
        ch = raw[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return limit


def _link_tail(raw: str, cursor: int, limit: int) -> int:
    """Past the end of a link whose text ended at ``cursor``: the closing ``]`` (after any
    emphasis markers), then a destination ``(…)``, a reference ``[…]`` or nothing."""
    k = cursor
    while k < limit and raw[k] != "]" and raw[k] in _MARKUP_CHARS and k - cursor < MAX_MARKUP_RUN:
        k += 1
    if k >= limit or raw[k] != "]":
        return cursor
    return _destination(raw, k + 1, limit)


def _destination(raw: str, k: int, limit: int) -> int:
    """Past a link's or an image's destination ``(…)`` or reference ``[…]`` starting at
    ``k`` (just after its text's ``]``); ``k`` when there is neither."""
    if k < limit and raw[k] == "(":
        depth = 0
        quote = ""
        while k < limit:
            ch = raw[k]
            if ch == "\\":
                k += 2
                continue
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'" and raw[k - 1] in " \t\n":
                quote = ch
            elif ch == "<":
                close = raw.find(">", k, limit)
                k = close if close >= 0 else k
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return k + 1
            k += 1
        return limit
    if k < limit and raw[k] == "[":
        return _bracket_end(raw, k, limit)
    return k


def _find(raw: str, text: str, cursor: int, limit: int, *, code: bool) -> tuple[int, int, tuple[Change, ...]] | None:
    """Where ``text`` (a text child, unescaped and decoded) stands in ``raw`` from ``cursor``,
    passing over at most :data:`MAX_MARKUP_RUN` characters of markup first: its start, its end
    and the changes that turn the source into it."""
    if not text:
        return None
    k = cursor
    stop = min(limit, cursor + MAX_MARKUP_RUN)
    while k < limit:
        found = _align(raw, text, k, limit, code=code)
        if found is not None:
            return k, found[0], found[1]
        if k >= stop or not (raw[k] in _MARKUP_CHARS or raw[k].isspace()):
            return None  # the Unicode blanks too: markdown-it strips a paragraph's U+3000 indent
        k += 1
    return None


def _align(raw: str, text: str, at: int, limit: int, *, code: bool) -> tuple[int, tuple[Change, ...]] | None:
    """The end in ``raw`` of ``text`` read from ``at`` and the changes inside it, or ``None``
    when it does not stand there."""
    changes: list[Change] = []
    i = 0
    k = at
    n = len(text)
    while i < n:
        if k >= limit:
            return None
        ch = raw[k]
        want = text[i]
        if ch == "\\" and not code and k + 1 < limit and raw[k + 1] in _PUNCT and raw[k + 1] == want:
            changes.append(Change(k, k + 2, want, "md_escape"))
            k += 2
            i += 1
        elif ch == "&" and not code and (ref := _CHARREF.match(raw, k, limit)) is not None:
            decoded = _html.unescape(ref.group())
            if text.startswith(decoded, i) and decoded != ref.group():
                changes.append(Change(k, ref.end(), decoded, "html_entity"))
                k = ref.end()
                i += len(decoded)
            elif ch == want:
                k += 1
                i += 1
            else:
                return None
        elif want in " \t" or (code and want == " "):
            if ch not in " \t\r\n":
                return None
            j = k
            while j < limit and raw[j] in " \t\r\n":
                j += 1
            while i < n and text[i] in " \t":
                i += 1
            if raw[k:j] != " ":
                changes.append(Change(k, j, " ", "md_whitespace"))
            k = j
        elif ch == want or (want == "\ufffd" and ch == "\x00"):
            k += 1
            i += 1
        else:
            return None
    return k, tuple(changes)


# ------------------------------------------------------------------ the edits


def _changes(raw: str, lines: list[_Line], drops: list[tuple[int, int, str]]) -> tuple[list[Change], list[LineHints]]:
    """The changes (stated on ``raw``, in order) that leave the lines' text, a line each, and
    the hints of each line."""
    changes: list[Change] = []
    hints: list[LineHints] = []
    drops.sort()
    prev_end = 0

    separator = Separators(raw, drops, "md_markup", changes)

    first = True
    for line in lines:
        text_line: list[_Piece] = []
        for j, piece in enumerate(line.pieces):
            sep = piece.sep if j else ("" if first else "\n")
            if sep == "\n" and text_line:  # a hard line break: a line of its own, as <br> in HTML
                hints.append(_hints(raw, text_line, line.tags))
                text_line = []
            separator(prev_end, piece.start, sep)
            changes.extend(piece.changes)
            prev_end = piece.end
            text_line.append(piece)
            first = False
        hints.append(_hints(raw, text_line, line.tags))
    separator(prev_end, len(raw), "" if first or prev_end == len(raw) else "\n")  # nothing inserted past the end
    return changes, hints


def _hints(raw: str, pieces: list[_Piece], tags: frozenset[str]) -> LineHints:
    chars = links = 0
    for piece in pieces:
        size = piece.end - piece.start - raw.count(" ", piece.start, piece.end)
        chars += size
        if piece.link:
            links += size
    return LineHints(pieces[0].start, pieces[-1].end, tags, frozenset(), chars, links)
