"""Stage 2, split: the normalized text -> units, each a line or a piece of a fused line.

In: :class:`~bilingual_news.normalize.Normalized`. Out: a tuple of :class:`Unit`, in reading
order, each with its normalized text and its raw span.

A unit is a non-blank line, stripped. A line is split further where a reader would see two
things fused by the scrape:

* a run of navigation words before a title (``首页 资讯 China and Russia …``), a navigation
  label and its colon (``正在阅读：标题``), or a breadcrumb closing with the title
  (``首页 > 时政新闻 > 标题``). When the rest of the line from a menu word on is a line the
  page shows again (the title repeated below its fused copy), the title starts there, even if
  its first word is itself a menu word (``Home News Community Clinics …`` with ``Community
  Clinics …`` below);
* a trailing URL after other text (``…仅供参考! http://…/18408.html``);
* chrome a scrape appended to a line (``…返回搜狐，查看更多``, ``来源：新华网 分享到：``);
* a reporter's credit closing a paragraph (``…。（记者 顾文涛）``). A photographer's credit
  (``…。（张三 摄）``, ``（新华社发 李四/图）``) is not cut: it closes a caption and belongs to it.

Metadata fields run together (``来源：证券时报网作者：李在山``) stay one metadata unit.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple, cast

import regex

from bilingual_news._lazy import LazyPattern
from bilingual_news.lexicon import fold, lexicon
from bilingual_news.model import Span, span_unchecked
from bilingual_news.normalize import Normalized
from bilingual_news.scripts import HAN, WHITE_SPACE

__all__ = ["Unit", "split"]

MIN_TITLE_AFTER_NAV = 12
"""Characters a line must keep after a nav prefix for the prefix to be split off: shorter
rests are menu items themselves (``首页 新闻``), not a title."""

MIN_LATIN_WORDS_AFTER_HAN_PREFIX = 4
"""Latin words a line needs after a prefix of short Han words to be a title fused onto Chinese
chrome: fewer is a bilingual menu item (``中文 English``)."""

MAX_FIELD_LABEL_HAN_TOKENS = 1
"""Han tokens before a Latin word closed by a colon (``型号 Model: KT-2150``, ``电话 Tel: …``)
that make the line a field labelled in both languages, the Chinese label and then its English
one, as bilingual manuals, notices and press notes print their fields: no menu fused onto a
title, so the line is not cut. Two Han menu words or more (``首页 资讯 Analysis: …``) stay a
menu before a title that opens with a label of its own."""

MIN_HAN_PREFIX_TOKENS = 2
"""Short Han tokens the lexicon does not list as menu words needed before a Latin title to cut
them off as a menu fused onto it (``要闻 推荐 Preventing …``): one such token alone
(``山居晚归 Coming Home Late …``) is the Chinese half of a title given in both languages, as
bilingual sites print their titles, Chinese first. A known menu word (``首页 …``) is cut alone."""

MIN_NAV_WORDS = 2
"""Menu words needed before a title to split them when no separator (``>``, ``|``) stands
between: one capitalised word (``World Cup final``) is the title's own first word."""

_TITLE_SMALL_WORDS = frozenset(
    """a an the and or but as at by for from in into of on onto to with after amid
    before over than is are was were be its it his her their our your who what why how""".split()  # noqa: SIM905 - a word list reads best as running text
)
"""The small words an English title holds, in Title Case too (``… As China Weighs On Markets``),
and a row of section names does not: with none, capitalised words after a menu prefix that end in
a menu word are more of the menu (:func:`_menu_goes_on`)."""
MIN_MENU_SHARE_OF_REST = 0.5
"""Share of the tokens after a menu prefix that, being menu words or separators themselves, make
the rest more of the menu rather than a title fused onto it: a blog's or a news site's menu
holds words the lexicon does not know (``Recipes``, ``Innovation``) among those it does, and a
title holds few menu words (``Home News Rail strike called off in the North`` has none left)."""

MIN_SEPARATORS_AFTER_PREFIX = 2
"""Times the separator between a menu prefix's items (``About ·``) must recur after it for the
line to be one list of links (a site's footer, ``About · Careers · Privacy · Terms``): a title
fused onto a menu holds it once at most (``<title> | <site>``)."""
MAX_PREFIX_TOKENS = 24
"""Tokens of a line looked at for a menu prefix: menus fused onto a title are a few words."""

MIN_QUOTED_TITLE = 4
"""Shortest title, quoted elsewhere on the page, cut from the start of a line: a shorter quote is
a word or a name."""
MAX_QUOTED_TITLE = 60
"""Longest such title: a longer quote is a sentence."""
MIN_FUSED_TEXT = 40
"""Shortest line a quoted title is cut from (the title, a blank, and text of half this length at
least): a title alone, or with a short tail, is a line of its own."""

MAX_HAN_NAV_TOKEN = 4
"""Longest Han token taken for a menu item in a fused prefix: menu labels are 2-4 characters."""

MIN_TEXT_BEFORE_TAIL = 4
"""Characters a line keeps before a chrome tail or a credit for the tail to be split off: a
line that is all tail is one unit already."""

MIN_SHOWN_TITLE_AFTER_CRUMB = 2
"""Characters a short last item after a breadcrumb's arrow (``Docs » 配置``) needs to be split off
as the page's title: it must also stand alone elsewhere on the page (a documentation page's
title under its breadcrumb, the sidebar's entry); a one-character item is no title."""
MAX_CRUMB_CHARS = 12
"""Longest item of a breadcrumb before a title (``首页``, ``时政新闻``, ``World News``)."""

MAX_BILINGUAL_CRUMB_WORDS = 3
"""Most Latin words in one item of a bilingual breadcrumb (``新闻 Press``, ``新闻稿 Press Releases``,
``展览 Current Exhibitions``): a section's name, given in Chinese (a menu word of up to
:data:`MAX_HAN_NAV_TOKEN` characters) and then in English, as bilingual sites (museums,
universities, companies, government offices) print every menu item and crumb. When every crumb
before the last arrow has that shape and so has the last item, the last item is one more crumb,
not a title it closes with (unless the page shows it again on its own, as a title is)."""
_BILINGUAL_CRUMB = LazyPattern(
    rf"\p{{Han}}{{1,{MAX_HAN_NAV_TOKEN}}}\s*\p{{Lu}}[\p{{Latin}}&'’-]*"
    rf"(?:\s+[\p{{Latin}}&'’-]+){{0,{MAX_BILINGUAL_CRUMB_WORDS - 1}}}"
)
"""One item of a bilingual breadcrumb: a Chinese section name, then its English name
(:data:`MAX_BILINGUAL_CRUMB_WORDS`)."""

MAX_LABEL_CHARS = 16
"""Characters at a line's start looked at for a navigation label."""

MAX_CRUMB_SCAN = 200
"""Characters at a line's start looked at for breadcrumb separators."""

MAX_CREDIT_INNER = 40
"""Longest text inside the brackets of a credit closing a paragraph: a few names, not an aside."""

_CRUMB_CHARS = re.compile(r"[>›»＞]|\s/\s")
_CRUMB = LazyPattern(r"\s*(?:>>?|›|»|＞)\s*|\s+/\s+")
"""A breadcrumb's separator: an arrow, or a slash between blanks (a workspace's or a wiki's page
path: ``读书笔记 / <title>``); a slash without blanks belongs to a title (``AC/DC``, ``24/7``)."""
_CREDIT_TAIL = LazyPattern(
    rf"(?<=[。！？!?.…”\"」』）)])\s*(?P<credit>[(（](?P<inner>[^()（）]{{2,{MAX_CREDIT_INNER}}})[)）])$"
)
_CREDIT_INNER = LazyPattern(r"记者|通讯员|实习生|記者|通訊員|實習生|[摄攝]$|供[图圖]$|/[图圖]|[图圖]/|/文|文/")
_PHOTO_CREDIT_INNER = LazyPattern(r"(?:[摄攝]|[摄攝]影|供[图圖]|[图圖])$|^(?:[图圖]|[摄攝]影)\s*[/／:：]")
"""A credit for a picture alone (``张三 摄``, ``李四/图``, ``图/王五``, in traditional characters
``記者王小明攝``): without ``文`` in it, it credits no text, so the line it closes is the
picture's caption, not a paragraph."""
_URL_TAIL = LazyPattern(r"(?<=\S)[ \t\u3000]+(?P<url>(?:https?://|www\.)\S+)$")
_TOKEN = regex.compile(r"\S+")
_QUOTED_TITLE = re.compile(f"[《“]([^《》“”\\n]{{{MIN_QUOTED_TITLE},{MAX_QUOTED_TITLE}}})[》”]")
"""A title the page quotes (``《…》``, ``“…”``), as WordPress's comment header and related links do."""
_BLANK = re.compile(f"[{WHITE_SPACE}]")
"""A blank as ``regex``'s ``\\s`` (and :data:`_TOKEN`) sees it: without one a line is one token."""
_FIRST_TOKEN = re.compile(r"\S*")
"""A stripped line's first token (``line.split(maxsplit=1)[0]``, without copying the rest:
:mod:`re`'s ``\\S`` is what :meth:`str.split` does not split at)."""
_BREADCRUMB_SEPARATORS = frozenset({">", ">>", "›", "»", "/", "|", "-", "·"})
_CRUMB_SEPARATORS = frozenset({">", ">>", "›", "»", "＞"})
"""The separators only a breadcrumb uses (a title may hold a dash, a slash or a bar)."""
_HAN_TOKEN = regex.compile(rf"\p{{Han}}{{1,{MAX_HAN_NAV_TOKEN}}}")
_LATIN_WORD = LazyPattern(r"\p{Latin}+")
_HAN_CHAR = LazyPattern(r"\p{Han}")
_BILINGUAL_LABEL = LazyPattern(r"\p{Latin}[\p{Latin}.]*[:：]")


class Unit(NamedTuple):
    """A piece of the page that gets one label (a named tuple: a page builds hundreds, and a
    tuple is several times cheaper to build than a frozen dataclass)."""

    text: str
    """The normalized text, stripped."""
    start: int
    """Offset of the text in the normalized page."""
    end: int
    """Offset one past the text in the normalized page."""
    span: Span
    """The text's span in the raw page."""
    line: int
    """Index of the line (among all lines of the normalized page) the unit comes from."""
    blank_before: bool
    """Whether a blank line separates this unit from the one before."""
    fused: str = ""
    """Why the unit was cut from a longer line (``nav_prefix``, ``url_tail``, ``chrome_tail``,
    ``credit_tail``, ``title_prefix``; ``before_url_tail`` and the like for the text a tail was
    cut from), or empty."""


def split(norm: Normalized) -> tuple[Unit, ...]:
    """Cut the normalized page into units."""
    text = norm.text
    same = not norm.edits  # no repair: a normalized offset is its raw offset
    # The repairs' stretches in the normalized text, in order, and the shift after each
    # (OffsetMap.stretches): a unit clear of them all maps to the raw text by the shift before it.
    edit_starts, edit_ends, shifts = norm.offsets.stretches()
    edit = 0  # the first repair that does not end before the current line
    n_edits = len(edit_starts)
    units: list[Unit] = []
    pos = 0
    blank = False
    lines = text.split("\n")
    shown = _Shown(lines)
    quoted = frozenset(_QUOTED_TITLE.findall(text)) if "《" in text or "“" in text else frozenset()
    hinted = _hinted_lines(text, lines)
    ends, labels, tails = _cut_ends(), lexicon().nav_label, lexicon().tail
    label_firsts = _label_firsts()
    quoted_titles = tuple(quoted)
    for index, line in enumerate(lines):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            blank = True
            continue
        # str.strip gives the line itself back when there is nothing to strip (the common case).
        start = line_start if stripped is line else line_start + line.find(stripped)
        while edit < n_edits and edit_ends[edit] < start:
            edit += 1
        # _pieces cuts nothing from a line without one of what each cut needs: a URL or a
        # breadcrumb separator (found for the page at once; a slash between blanks of another
        # kind than a space is looked for here), a chrome tail or a credit's closing bracket at
        # its end, or a navigation label at its start; without them, a menu prefix is all it can
        # cut, and that needs a blank. A line that ends with the last character of a tail (a
        # colon, a bracket) without one (``评论(1)``: too short for a credit) is such a line;
        # unlike the others, it is not looked at for a quoted title (as when _pieces found it
        # one piece).
        ends_like_tail = stripped[-1] in ends
        if (
            index in hinted
            or (
                ends_like_tail
                and (
                    stripped.endswith(tails)
                    or (stripped.endswith(_CLOSING_BRACKETS) and _may_be_credit(stripped))
                    or ("/" in stripped and _CRUMB_CHARS.search(stripped, 0, MAX_CRUMB_SCAN) is not None)
                )
            )
            or (stripped[0].lower()[:1] in label_firsts and stripped[:MAX_LABEL_CHARS].lower().startswith(labels))
        ):
            pieces = _pieces(stripped, shown)
        elif (
            # str.split's first token is _FIRST_TOKEN's (both end at what str.isspace calls a
            # blank, a wider set than _BLANK's): without a second, the line has no blank at all
            len(parts := stripped.split(maxsplit=1)) == 2
            and _opens_menu(parts[0])  # as _nav_prefix_end asks first: most lines end here
            and _BLANK.search(stripped) is not None
            and (prefix := _nav_prefix_end(stripped, shown))
        ):
            pieces = [(0, prefix[0], "nav_prefix"), (prefix[1], len(stripped), "nav_prefix")]
        elif (
            quoted_titles
            and not ends_like_tail
            and len(stripped) >= MIN_FUSED_TEXT
            and stripped.startswith(quoted_titles)  # a quoted title it can start with, or no cut
            and (cut := _quoted_title_end(stripped, quoted))
        ):
            pieces = [(0, cut[0], "title_prefix"), (cut[1], len(stripped), "title_prefix")]
        else:
            pieces = None
        if pieces is None:  # the line is one unit: the common case
            e = start + len(stripped)
            if same:
                span = span_unchecked(start, e)
            else:
                k, shift = edit, shifts[edit - 1] if edit else 0
                if k < n_edits and edit_ends[k] == start and edit_starts[k] < start:
                    # A repair whose text ends where the line starts (HTML's markup before it,
                    # made a line break): the line's start maps past the repair, by its shift.
                    shift = shifts[k]
                    k += 1
                m = k  # the first repair that does not end before the line's end
                while m < n_edits and edit_ends[m] < e:
                    m += 1
                if (k == n_edits or edit_starts[k] > start) and (m == n_edits or edit_starts[m] >= e):
                    # No repair at the line's start, none over its end (one may start at e: the
                    # end maps to where it starts), any others inside it (HTML's runs of white
                    # space collapsed): the start maps by the shift before the line, the end by
                    # the shift after the last repair before it, and the raw text's ends are the
                    # line's, not blank (it is stripped). OffsetMap's own mapping, without its
                    # searches (tests/test_performance_helpers.py checks them equal).
                    span = span_unchecked(start + shift, e + (shifts[m - 1] if m else 0))
                else:
                    span = _trimmed(norm, norm.raw_span(start, e))
            units.append(_new_unit(Unit, (stripped, start, e, span, index, blank, "")))
            blank = False
            continue
        taken = 0  # where the raw text the line's pieces so far cover ends
        for piece_start, piece_end, why in pieces:
            s, e = start + piece_start, start + piece_end
            span = Span(start=s, end=e) if same else norm.raw_span(s, e)
            if span.start < taken:
                # A cut inside one repair's text (a raw ``籨`` made ``»d``): the raw character
                # stays with the piece before, so that no two units share it.
                span = span_unchecked(min(taken, span.end), span.end)
            span = _trimmed(norm, span)
            taken = max(taken, span.end)
            units.append(Unit(text[s:e], s, e, span, index, blank, why))
            blank = False
    return tuple(units)


_new_unit = cast("Callable[[type[Unit], tuple[object, ...]], Unit]", tuple.__new__)
"""``Unit._make``'s own step, for the one call that gives every field."""


_CUT_HINTS = ("http", "www.", ">", "›", "»", "＞", " / ")
"""What a URL tail or a breadcrumb needs (see :func:`_pieces`): a line without one has neither.
Each is looked for with :meth:`str.find`, far faster on Chinese text than a pattern's scan."""


def _hinted_lines(text: str, lines: list[str]) -> set[int]:
    """The indexes of the lines in which one of :data:`_CUT_HINTS` occurs."""
    found: list[int] = []
    for hint in _CUT_HINTS:
        at = text.find(hint)
        while at >= 0:
            found.append(at)
            at = text.find(hint, at + 1)
    if not found:
        return set()
    if len(found) * 8 < len(lines):  # a few: count the line breaks before each, in order
        found.sort()
        hinted: set[int] = set()
        line = last = 0
        for at in found:
            line += text.count("\n", last, at)
            last = at
            hinted.add(line)
        return hinted
    starts = list(itertools.accumulate(map((1).__add__, map(len, lines)), initial=0))
    return {bisect.bisect_right(starts, at) - 1 for at in found}


@functools.cache
def _cut_ends() -> frozenset[str]:
    """The last characters of the chrome tails and of a credit's closing bracket: a line that
    ends otherwise has neither cut (:func:`_pieces` tries them on the line's end)."""
    tails = lexicon().tail
    assert all(tails), "an empty chrome tail would end every line"
    return frozenset({t[-1] for t in tails} | {")", "）"})


@functools.cache
def _label_firsts() -> frozenset[str]:
    """The first characters of the navigation labels: a line's lower case starts with a label only
    if the lower case of its first character starts with one of them (the lower case of a
    string's first character is the start of the string's, Greek final sigma aside, which is
    never first)."""
    labels = lexicon().nav_label
    assert all(labels), "an empty navigation label would start every line"
    return frozenset(label[0] for label in labels)


def _trimmed(norm: Normalized, span: Span) -> Span:
    """The span without blanks at its ends (a deleted control character may sit there).

    A raw blank is trimmed only when its normalized text is blank too: a repair can make text
    of one (a trailing ``\x85``, a Windows-1252 ellipsis read as Latin-1, becomes ``…``), and
    that text belongs to the unit, so the span keeps it."""
    raw = norm.raw
    start, end = span.start, span.end
    while start < end and raw[start].isspace() and _blank_in_normalized(norm, start):
        start += 1
    while end > start and raw[end - 1].isspace() and _blank_in_normalized(norm, end - 1):
        end -= 1
    return span if (start, end) == (span.start, span.end) else span_unchecked(start, end)


def _blank_in_normalized(norm: Normalized, i: int) -> bool:
    """Whether raw character ``i`` is blank after normalization (all of the edit it is in)."""
    return not norm.text[norm.to_normalized(i) : norm.to_normalized(i + 1, end=True)].strip()


class _Shown:
    """The page's lines, stripped, as a set built on first use: only a line that opens with a
    menu word asks whether its rest is shown again."""

    __slots__ = ("_lines", "_set")

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._set: frozenset[str] | None = None

    def __contains__(self, text: str) -> bool:
        if self._set is None:
            self._set = frozenset(line.strip() for line in self._lines)
        return text in self._set


def _pieces(line: str, shown: _Shown | None = None) -> list[tuple[int, int, str]] | None:
    """The ``(start, end, why)`` pieces of one stripped line, in order; ``None`` when the line is
    one piece. ``shown``: the page's lines, where a title fused onto a menu may show again."""
    end = len(line)
    tail: list[tuple[int, int, str]] = []
    lex = lexicon()
    # Each cut is tried only where a cheap test (a word it needs, a character it ends with)
    # says it can be made: most lines are one piece.
    m = _URL_TAIL.search(line) if "http" in line or "www." in line else None
    if m:
        tail.append((m.start("url"), end, "url_tail"))
        end = len(line[: m.start("url")].rstrip())
    cut = _chrome_tail(line[:end]) if line.endswith(lex.tail, 0, end) else None
    if cut is not None:
        tail.insert(0, (cut, end, "chrome_tail"))
        end = len(line[:cut].rstrip())
    cut = _credit_tail(line[:end]) if line.endswith((")", "）"), 0, end) else None
    if cut is not None:
        tail.insert(0, (cut, end, "credit_tail"))
        end = len(line[:cut].rstrip())
    head: list[tuple[int, int, str]] = []
    prefix = (
        (_breadcrumb_end(line[:end], shown) if _CRUMB_CHARS.search(line, 0, min(end, MAX_CRUMB_SCAN)) else None)
        or (
            _label_prefix_end(line[:end])
            if line[: min(end, MAX_LABEL_CHARS)].lower().startswith(lex.nav_label)
            else None
        )
        or _nav_prefix_end(line[:end], shown)
    )
    if prefix:
        head.append((0, prefix[0], "nav_prefix"))
        head.append((prefix[1], end, "nav_prefix"))
    elif tail:
        head.append((0, end, "before_" + tail[0][2]))
    else:
        return None
    return head + tail


def _quoted_title_end(line: str, quoted: frozenset[str]) -> tuple[int, int] | None:
    """Where a title that the page quotes elsewhere (``《…》已有1件评论``, ``3 thoughts on “…”``)
    ends at the start of a longer line, and where the text after it starts, or ``None``: a
    converter that joins a table cell's blocks with a blank fuses the title onto the text."""
    for m in _BLANK.finditer(line, MIN_QUOTED_TITLE, MAX_QUOTED_TITLE + 1):
        if line[: m.start()] in quoted:
            rest = m.end()
            while rest < len(line) and _BLANK.match(line, rest):
                rest += 1
            return (m.start(), rest) if len(line) - rest >= MIN_FUSED_TEXT // 2 else None
    return None


def _chrome_tail(line: str) -> int | None:
    """Where chrome that a scrape appended to a line starts (``…返回搜狐，查看更多``,
    ``…播出收起``, ``来源：新华网 分享到：``), or ``None``."""
    if not line.endswith(lexicon().tail):
        return None
    m = _chrome_tail_pattern().search(line)
    if m is None or m.start() < MIN_TEXT_BEFORE_TAIL:
        return None
    if _all_buttons(line[: m.start()]):
        return None  # ``Facebook WhatsApp Telegram 複製連結``: a share bar, all chrome, one unit
    return m.start()


def _all_buttons(head: str) -> bool:
    """Whether every token of ``head`` is a menu or button word (``Facebook WhatsApp``): the
    line a chrome tail closes is then a row of buttons, which the tail belongs to."""
    lex = lexicon()
    tokens = head.split()
    return bool(tokens) and all(_is_nav_word(t) or fold(t) in lex.footer for t in tokens)


def _credit_tail(line: str) -> int | None:
    """Where a reporter's credit closing a paragraph starts (``…。（记者 顾文涛）``), or ``None``;
    ``None`` too for a photographer's credit (``…。（张三 摄）``), which stays with its caption."""
    if not line.endswith((")", "）")):
        return None
    if not _may_be_credit(line):
        return None
    m = _CREDIT_TAIL.search(line)
    if m is None or m.start("credit") < MIN_TEXT_BEFORE_TAIL:
        return None
    inner = fold(m.group("inner"))
    if "文" not in inner and _PHOTO_CREDIT_INNER.search(inner):
        return None  # a photographer's credit closes a caption: the two are one unit
    if inner.startswith(_credit_cues()) or _CREDIT_INNER.search(inner):
        return m.start("credit")
    return None


_CLOSING_BRACKETS = (")", "）")
"""The brackets a credit closes with."""
_BEFORE_CREDIT = frozenset('。！？!?.…”"」』）)')
"""What :data:`_CREDIT_TAIL` wants before a credit and the blanks before it: a sentence's end."""


def _may_be_credit(line: str) -> bool:
    """Whether a line that ends with a closing bracket can end with a credit: the credit opens at
    the line's last opening bracket (no bracket stands inside it), after the end of a sentence
    and blanks at most, and holds 2-40 characters. Most lines that end with a bracket
    (``评论(12)``) fail here. (:meth:`str.rstrip` strips every blank ``\\s`` matches, and none
    of the sentence's last characters.)"""
    opening = max(line.rfind("("), line.rfind("（"))
    if opening < 1 or not 2 <= len(line) - opening - 2 <= MAX_CREDIT_INNER:
        return False
    before = line[:opening].rstrip()
    return bool(before) and before[-1] in _BEFORE_CREDIT


def _label_prefix_end(line: str) -> tuple[int, int] | None:
    """Where a navigation label and its colon end before a title (``正在阅读：标题``)."""
    if not line[:MAX_LABEL_CHARS].lower().startswith(lexicon().nav_label):
        return None
    m = _label_prefix_pattern().match(line)
    if m is None or len(line) - m.end() < MIN_TITLE_AFTER_NAV:
        return None
    return m.end(), m.end() + len(line[m.end() :]) - len(line[m.end() :].lstrip())


def _breadcrumb_end(line: str, shown: _Shown | None = None) -> tuple[int, int] | None:
    """Where a breadcrumb of short items ends and the title it closes with starts
    (``首页 > 时政新闻 > 小区业主自发清理河道…``), or ``None``. After a slash (``读书笔记 /
    <title>``), only a title the page shows again (``shown``): a title may hold a spaced slash."""
    if not _CRUMB_CHARS.search(line[:MAX_CRUMB_SCAN]):
        return None
    parts = list(_CRUMB.finditer(line))
    if not parts:
        return None
    last = parts[-1]
    rest = line[last.end() :].strip()
    if len(rest) < MIN_TITLE_AFTER_NAV and (
        len(rest) < MIN_SHOWN_TITLE_AFTER_CRUMB or "/" in last.group() or shown is None or rest not in shown
    ):
        return None
    crumbs = _CRUMB.split(line[: last.start()])
    if not all(0 < len(c.strip()) <= MAX_CRUMB_CHARS for c in crumbs):
        return None
    if "/" in last.group() and (shown is None or rest not in shown):
        return None
    if fold(rest) in lexicon().nav:
        return None  # ``Home > News > Press Releases``: the last item is a section, the line all breadcrumb
    if (
        _BILINGUAL_CRUMB.fullmatch(rest)
        and all(_BILINGUAL_CRUMB.fullmatch(c.strip()) for c in crumbs)
        and (shown is None or rest not in shown)
    ):
        return None  # ``新闻 Press > 新闻稿 Press Releases``: a bilingual site's crumbs, the line all breadcrumb
    return last.start() + len(last.group().rstrip()), last.end()


@functools.cache
def _chrome_tail_pattern() -> regex.Pattern[str]:
    cues = "|".join(regex.escape(c) for c in sorted(lexicon().tail, key=len, reverse=True))
    return regex.compile(rf"(?:返回\S{{1,8}}?[，,]\s*)?(?:{cues})\s*$", regex.IGNORECASE)


@functools.cache
def _label_prefix_pattern() -> regex.Pattern[str]:
    cues = "|".join(regex.escape(c) for c in sorted(lexicon().nav_label, key=len, reverse=True))
    return regex.compile(rf"^(?:{cues})\s*[:：]", regex.IGNORECASE)


def _is_nav_word(token: str) -> bool:
    """``fold(token) in lexicon().nav`` for a token without blanks: one that NFKC leaves as it
    is folds to its lower case, which is at least as long (so no longer than a menu word)."""
    if unicodedata.is_normalized("NFKC", token):
        return len(token) <= _longest_nav() and token.lower() in lexicon().nav
    return fold(token) in lexicon().nav


@functools.cache
def _longest_nav() -> int:
    """The length of the longest menu word."""
    return max(map(len, lexicon().nav), default=0)


@functools.cache
def _credit_cues() -> tuple[str, ...]:
    lex = lexicon()
    return tuple(c for _, c in (*lex.metadata, *lex.metadata_bare))


@functools.lru_cache(maxsize=4096)
def _opens_menu(first: str) -> bool:
    """Whether a line's first token can open a menu prefix: a breadcrumb separator, a short Han
    token or a menu word (kept for the tokens lines open with most: ``The``, ``A``, dates)."""
    return (
        first in _BREADCRUMB_SEPARATORS
        or (len(first) <= MAX_HAN_NAV_TOKEN and _HAN_TOKEN.fullmatch(first) is not None)
        or _is_nav_word(first)
    )


def _menu_goes_on(rest: list[regex.Match[str]], used: frozenset[str] = frozenset()) -> bool:
    """Whether the tokens after a menu prefix are more of the menu: at least
    :data:`MIN_MENU_SHARE_OF_REST` of them menu words or breadcrumb separators. A menu of more
    words than the lexicon knows (``Home News Sport Innovation Culture Travel``) goes on past
    its first unknown word; a title fused onto a menu has a menu word here and there at most.
    A menu whose items the prefix separates (``used``: ``About · Careers · Privacy · …``) goes
    on where its separator does, :data:`MIN_SEPARATORS_AFTER_PREFIX` times or more."""
    nav = lexicon().nav
    words = [fold(tok.group()) for tok in rest]
    if any(word in _CRUMB_SEPARATORS for word in words):
        return True  # a breadcrumb goes on: where it ends in a title is :func:`_breadcrumb_end`'s
    if used and sum(1 for word in words if word in used) >= MIN_SEPARATORS_AFTER_PREFIX:
        return True  # the footer's links go on, one separator between each two
    known = sum(1 for word in words if word in _BREADCRUMB_SEPARATORS or word in nav)
    if known >= MIN_MENU_SHARE_OF_REST * len(rest):
        return True
    if (
        words
        and words[-1] in nav
        and all(tok.group()[:1].isupper() for tok in rest)
        and not any(word in _TITLE_SMALL_WORDS for word in words)
    ):
        # ``… Sustainability Legal Breakingviews Technology``: capitalised words only, the last a
        # menu word, no small word: the menu's items the lexicon does not know, up to one it
        # does. A title in Title Case has its small words (``Stocks Slide As China Weighs On
        # Markets``), or ends in a word no menu holds.
        return True
    return _footer_phrases().search(" ".join(words)) is not None


@functools.cache
def _footer_phrases() -> re.Pattern[str]:
    """The footer lexicon's English phrases of two words or more (``privacy policy``, ``terms of
    use``, ``related articles``), as whole words: after a menu prefix they make the rest more of
    the menu, a footer's row of links (``… FAQ Shop About Contact Privacy Policy``) whose words
    the lexicon does not all know; a title fused onto a menu does not name them."""
    phrases = sorted((p for p in lexicon().footer if " " in p and p.isascii()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b") if phrases else re.compile(r"(?!)")


def _han_before_latin(rest: str) -> bool:
    """Whether ``rest`` has a Han character before its first Latin word: a title in both
    languages, its Chinese first (``轻舟笔记 4.2 更新日志 / What's New in …``), whose first word (a
    product's name) is no menu fused onto a Latin title."""
    han = _HAN_CHAR.search(rest)
    latin = _LATIN_WORD.search(rest)
    return han is not None and (latin is None or han.start() < latin.start())


def _nav_prefix_end(line: str, shown: _Shown | None = None) -> tuple[int, int] | None:
    """Where a prefix of menu words ends and the title after it starts, or ``None``. The title
    starts at the first menu word from which the rest of the line is a line of the page
    (``shown``) when there is one: a title whose first word is a menu word (``Community
    Clinics …``) is told from the menu by its copy elsewhere on the page."""
    if _BLANK.search(line) is None:
        return None  # one token (most Chinese lines): no prefix to cut from a title
    nav = lexicon().nav
    m = _FIRST_TOKEN.match(line)  # the line is stripped: its first token starts it
    if not _opens_menu(m.group() if m else ""):
        return None  # the line does not open with a menu word: the common case, decided fast
    tokens = list(itertools.islice(_TOKEN.finditer(line), MAX_PREFIX_TOKENS))
    if len(tokens) < 2:
        return None
    last_nav = -1
    first_word = -1  # the first menu word of the prefix (separators may come before it)
    words = 0
    separators = 0
    starts_han = bool(HAN.match(tokens[0].group()))
    for i, tok in enumerate(tokens[:-1]):
        word = fold(tok.group())
        if word in _BREADCRUMB_SEPARATORS:
            separators += 1
        elif word in nav and bool(HAN.match(word)) == starts_han:
            # Menus are in one language: a switch of script ends the prefix.
            words += 1
            first_word = i if first_word < 0 else first_word
        else:
            break
        last_nav = i
    if (words >= MIN_NAV_WORDS or (words and separators)) and shown is not None:
        for k in range(first_word + 1, min(last_nav + 2, len(tokens))):
            rest_start = tokens[k].start()
            if len(line) - rest_start >= MIN_TITLE_AFTER_NAV and line[rest_start:] in shown:
                return tokens[k - 1].end(), rest_start
    if last_nav >= 0 and (words >= MIN_NAV_WORDS or (words and separators)):
        rest_start = tokens[last_nav + 1].start()
        used = frozenset(fold(tok.group()) for tok in tokens[: last_nav + 1]) & _BREADCRUMB_SEPARATORS
        if (
            len(line) - rest_start >= MIN_TITLE_AFTER_NAV
            and not _menu_goes_on(tokens[last_nav + 1 :], used)
            and fold(line[rest_start:]) not in nav  # one item of several words (``Press Releases``)
        ):
            return tokens[last_nav].end(), rest_start
    # Short Han menu words before a Latin title: bilingual chrome fused onto the headline.
    han_prefix = -1
    for i, tok in enumerate(tokens[:-1]):
        if _HAN_TOKEN.fullmatch(tok.group()):
            han_prefix = i
            continue
        break
    if han_prefix >= 0:
        rest_start = tokens[han_prefix + 1].start()
        rest = line[rest_start:]
        if han_prefix < MAX_FIELD_LABEL_HAN_TOKENS and _BILINGUAL_LABEL.match(rest):
            return None  # ``型号 Model: …``: one field, its label in both languages
        if han_prefix + 1 < MIN_HAN_PREFIX_TOKENS and not _is_nav_word(tokens[0].group()):
            return None  # ``山居晚归 Coming Home …``: a title in both languages, not a menu
        latin_words = len(_LATIN_WORD.findall(rest))
        if (
            rest[:1].isascii()
            and latin_words >= MIN_LATIN_WORDS_AFTER_HAN_PREFIX
            and len(_HAN_CHAR.findall(rest)) < latin_words
            and not _han_before_latin(rest)
        ):
            # A Latin title; a Chinese sentence that opens with a word before a Latin term
            # (``用 systemctl list-timers 可以看到…``, spaced as Chinese technical writing is) has
            # more Han characters than Latin words after it.
            return tokens[han_prefix].end(), rest_start
    return None
