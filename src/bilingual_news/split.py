"""Stage 2, split: the normalized text -> units, each a line or a piece of a fused line.

In: :class:`~bilingual_news.normalize.Normalized`. Out: a tuple of :class:`Unit`, in reading
order, each with its normalized text and its raw span.

A unit is a non-blank line, stripped. A line is split further where a reader would see two
things fused by the scrape:

* a run of navigation words before a title (``首页 资讯 China and Russia …``);
* a trailing URL after other text (``…仅供参考! http://…/18408.html``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from bilingual_news.lexicon import fold, lexicon
from bilingual_news.model import Span
from bilingual_news.normalize import Normalized

__all__ = ["Unit", "split"]

MIN_TITLE_AFTER_NAV = 12
"""Characters a line must keep after a nav prefix for the prefix to be split off: shorter
rests are menu items themselves (``首页 新闻``), not a title."""

MIN_LATIN_WORDS_AFTER_HAN_PREFIX = 4
"""Latin words a line needs after a prefix of short Han words to be a title fused onto Chinese
chrome: fewer is a bilingual menu item (``中文 English``)."""

MIN_NAV_WORDS = 2
"""Menu words needed before a title to split them when no separator (``>``, ``|``) stands
between: one capitalised word (``World Cup final``) is the title's own first word."""

MAX_HAN_NAV_TOKEN = 4
"""Longest Han token taken for a menu item in a fused prefix: menu labels are 2-4 characters."""

_URL_TAIL = regex.compile(r"(?<=\S)[ \t\u3000]+(?P<url>(?:https?://|www\.)\S+)$")
_TOKEN = regex.compile(r"\S+")
_BREADCRUMB_SEPARATORS = frozenset({">", ">>", "›", "»", "/", "|", "-", "·"})
_HAN = regex.compile(r"\p{Han}")
_HAN_TOKEN = regex.compile(rf"\p{{Han}}{{1,{MAX_HAN_NAV_TOKEN}}}")
_LATIN_WORD = regex.compile(r"\p{Latin}+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    """A piece of the page that gets one label."""

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
    """Why the unit was cut from a longer line (``nav_prefix``, ``url_tail``), or empty."""


def split(norm: Normalized) -> tuple[Unit, ...]:
    """Cut the normalized page into units."""
    text = norm.text
    units: list[Unit] = []
    pos = 0
    blank = False
    for index, line in enumerate(text.split("\n")):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            blank = True
            continue
        start = line_start + (len(line) - len(line.lstrip()))
        for piece_start, piece_end, why in _pieces(stripped):
            s, e = start + piece_start, start + piece_end
            units.append(
                Unit(
                    text=text[s:e],
                    start=s,
                    end=e,
                    span=norm.raw_span(s, e),
                    line=index,
                    blank_before=blank,
                    fused=why,
                )
            )
            blank = False
    return tuple(units)


def _pieces(line: str) -> list[tuple[int, int, str]]:
    """The ``(start, end, why)`` pieces of one stripped line."""
    pieces: list[tuple[int, int, str]] = []
    end = len(line)
    url_at = -1
    m = _URL_TAIL.search(line)
    if m:
        url_at = m.start("url")
        end = len(line[:url_at].rstrip())
    cut = _nav_prefix_end(line[:end])
    if cut:
        pieces.append((0, cut[0], "nav_prefix"))
        pieces.append((cut[1], end, "nav_prefix"))
    else:
        pieces.append((0, end, "url_tail" if url_at >= 0 else ""))
    if url_at >= 0:
        pieces.append((url_at, len(line), "url_tail"))
    return pieces


def _nav_prefix_end(line: str) -> tuple[int, int] | None:
    """Where a prefix of menu words ends and the title after it starts, or ``None``."""
    nav = lexicon().nav
    tokens = list(_TOKEN.finditer(line))
    if len(tokens) < 2:
        return None
    last_nav = -1
    words = 0
    separators = 0
    starts_han = bool(_HAN.match(tokens[0].group()))
    for i, tok in enumerate(tokens[:-1]):
        word = fold(tok.group())
        if word in _BREADCRUMB_SEPARATORS:
            separators += 1
        elif word in nav and bool(_HAN.match(word)) == starts_han:
            # Menus are in one language: a switch of script ends the prefix.
            words += 1
        else:
            break
        last_nav = i
    if last_nav >= 0 and (words >= MIN_NAV_WORDS or (words and separators)):
        rest_start = tokens[last_nav + 1].start()
        if len(line) - rest_start >= MIN_TITLE_AFTER_NAV:
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
        if rest[:1].isascii() and len(_LATIN_WORD.findall(rest)) >= MIN_LATIN_WORDS_AFTER_HAN_PREFIX:
            return tokens[han_prefix].end(), rest_start
    return None
