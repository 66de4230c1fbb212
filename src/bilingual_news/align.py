"""Translation pairs: on a bilingual page, which English body piece translates which Chinese one.

In: a :class:`~bilingual_news.model.Document` (its blocks, with kinds and languages).
Out: the same document with :attr:`~bilingual_news.model.Document.pairs` filled in (and a
warning when the page holds several translations of one text); any other page comes back as
it came, after one pass over the body's block languages.

::

    body blocks ─gate─▶ bilingual? ─units─▶ English / Chinese / mixed pieces, in page order
        ─versions─▶ the best-fitting translation, when one side holds several
        ─align─▶ monotonic path: 1:1, 1:2, 2:1, 1:0, 0:1 ─keep─▶ pairs with score ≥ MIN_SCORE

1. **Gate.** The page is bilingual when both English and Chinese hold a real share of the
   body (:data:`MIN_SIDE_SHARE`, Chinese counted at :data:`EN_PER_HAN` English characters a Han
   character) in at least :data:`MIN_SIDE_BLOCKS` blocks each. Other pages stop here.
2. **Units.** The body blocks, and the title just before the body (a page that shows its title
   in both languages pairs it like a paragraph). Each unit is English, Chinese or mixed by its
   own letters: a line that holds both languages (``English sentence 中文句子``, a vocabulary
   note) is *mixed* and never paired.
3. **Versions.** When one language comes wholly before the other and one side falls, at its
   headings, into several sections each long enough to be a whole translation of the other
   side, each section is aligned in turn and the best fit kept (a warning says so).
4. **Align.** Dynamic programming over the two sequences, each in page order (so it serves
   alternating paragraphs, either language first, as well as one whole version after the
   other), with the moves 1:1, 1:2, 2:1 (a translation that joins or splits paragraphs), 1:0
   and 0:1 (an untranslated piece). A move's cost combines the evidence:

   * length: Gale–Church on characters, as the log of the English length over the Chinese
     one weighed at :data:`EN_PER_HAN`, its spread :data:`LOG_RATIO_SD` widened for short
     pieces (:data:`SHORT_NOISE`);
   * anchors that survive translation: numbers (dates, amounts, list numbering), Latin words
     inside the Chinese text (names, acronyms, URLs) found in the English;
   * position: the two pieces side by side on the page (:data:`ADJACENT_BONUS`).

5. **Keep.** A pair's score is its cost mapped to 0..1; pairs below :data:`MIN_SCORE` are left
   out, so a piece with no counterpart stays unpaired rather than being forced.

No model or dictionary: the figures behind the constants (the English/Chinese length ratio of
the dev pairs, its spread) are in ``docs/pairs.md``.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bilingual_news.model import Block, Document, Kind, Pair

__all__ = ["align", "is_bilingual"]

EN_PER_HAN = 3.8
"""English characters (spaces included) a Han character of the translation stands for: the
English over the Chinese length of the 188 dev pairs, with any Latin letters, digits and
punctuation of the Chinese side counted one for one (per page 3.0 to 5.1, ``docs/pairs.md``)."""
LOG_RATIO_SD = 0.3
"""The spread (standard deviation) of ``ln(English length / weighed Chinese length)`` over the
dev pairs (0.21 without the loosest page, a study text of news write-ups)."""
SHORT_NOISE = 4.0
"""Added variance of the log ratio, divided by the pair's mean length in English characters:
the ratio of a short line (a vocabulary item, a one-word heading) says little."""
SKIP_COST = 2.0
"""Cost of leaving one piece unpaired (1:0 or 0:1): a pair costing more than two of these is
worse than no pair."""
MERGE_COST = 1.5
"""Extra cost of a 1:2 or 2:1 pair over a 1:1 one: a translation keeps the paragraphs of its
original far more often than it joins or splits them."""
VERSION_NAME_RULE = "version_heading"
"""The parser's rule for a version's name between the two versions of a text (``中文版`` between a
release note in English and the same in Chinese): a label, translated by no unit of the page, so
never a unit (it would take the title's place in the title's pair)."""
HEADING_MISMATCH_COST = 1.5
"""Extra cost of pairing a heading (a title, a short line without a sentence end) with a
paragraph: titles translate into titles. Only when the page sets one side as a heading (a
subheading, a title): two paragraphs without a sentence end, a list's term and its translation
(``校友基金`` and a long English phrase), pair on their lengths alone."""
ANCHOR_BONUS = 1.0
"""Cost taken off for each anchor both sides share (a number, a Latin word inside the Chinese)."""
ANCHOR_PENALTY = 0.5
"""Cost added for each number or Chinese-side Latin word the other side lacks (less than the
bonus: Chinese often writes a number in characters, 三亿 for 300 million)."""
ANCHOR_CAP = 3
"""Most anchors counted either way, so a list of figures does not outweigh the lengths."""
ADJACENT_BONUS = 1.0
"""Cost taken off when the two sides stand next to each other on the page (alternating
paragraphs): a hint, not a rule, since a picture in one column can shift the other."""
SCORE_MIDPOINT = 2.5
"""The cost at which a pair's score is 0.5 (the score is ``1 / (1 + e^(cost - midpoint))``)."""
MIN_SCORE = 0.5
"""Pairs scoring less are left out."""
MIN_SIDE_SHARE = 0.15
"""The gate: the smaller language's share of the body's weighed characters needed to look for
pairs at all (an English page quoting a Chinese line is not a parallel article)."""
MIN_SIDE_BLOCKS = 2
"""The gate: body blocks each language needs."""
MIXED_MIN_LATIN = 0.3
"""A unit with both Han characters and Latin letters is *mixed* (never paired) when the Latin
letters are between this and :data:`MIXED_MAX_LATIN` of its weighed length: a Chinese paragraph
naming an English course or company stays Chinese, an English one with a Chinese word English."""
MIXED_MAX_LATIN = 0.85
"""See :data:`MIXED_MIN_LATIN`."""
VERSION_MIN_SHARE = 0.5
"""A section of one side is a whole translation of the other side when its weighed length is
at least this share of the other side's (and at most its inverse)."""
BAND_WIDTH = 8
"""How far from the diagonal the alignment first looks, in pieces of the shorter side: a
translation keeps its original's order, so the best path keeps close to the diagonal (on the
bilingual dev pages it strays 1 to 3 pieces, once 6; and on a page whose English title stands
above two Chinese translations and the English original comes last, a band of 6 kept clear of
its edge while a cheaper path strayed past it and came back). When the path found comes within
:data:`BAND_MARGIN` of the band's edge, the band is doubled and the alignment run again, until
the path keeps clear of the edge or the band covers every cell. The cost grows with the page's
pieces, not with their square; the answer is the full search's on every bilingual dev page and
test page (``tests/test_align.py``) — a cheaper path that strays beyond the band and comes back
is possible in principle, as in every banded aligner, and not seen."""
BAND_MARGIN = 2
"""Pieces between the path and the band's edge below which the band is widened."""
HEADING_MAX_CHARS = 40
"""A body unit this short that ends without a sentence mark starts a section (a version's
heading, with the translator's name or the title)."""

PAGE_MIN_COVER = 0.6
"""A page keeps its pairs only when they hold at least this share of its prose (by weighed
length, the mean of the two sides; of the chosen version when there are several): a parallel
article translates most of itself, while a page that sets English lines between its Chinese
paragraphs (commands, link titles) only seems to, here and there."""
CODE_CHARS = frozenset("{}<>=#|\\_*@`~^")
"""Characters that mark an English-looking unit as code, a command or a path (never paired)."""
MIN_LETTER_SHARE = 0.7
"""An English unit needs this share of letters among its non-blank characters to be prose."""

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*[A-Za-z0-9]|[A-Z]")
_ANCHOR_WORD = re.compile(r"[A-Za-z0-9'’\-]*[A-Z0-9][A-Za-z0-9'’\-]*")
_FILE_NAME = re.compile(r"\w\.[a-z]")
# Runs of one class: a unit's characters of the class are its length less that of the text
# without the runs (one match a run, not one a character).
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_SPACE = re.compile(r"\s+")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|《[^》]*》')
_SENTENCE_END = tuple(".!?。！？:：;；")
_CODE_CHAR = re.compile("[" + re.escape("".join(sorted(CODE_CHARS))) + "]")
"""One of :data:`CODE_CHARS`."""


@dataclass(frozen=True, slots=True)
class _Unit:
    """One body piece as the aligner sees it."""

    block: int
    """Its index in ``Document.blocks``."""
    pos: int
    """Its place among the units, in page order."""
    lang: str
    """``en``, ``zh`` or ``mixed``."""
    length: float
    """Its length in English characters (a Chinese unit's weighed at :data:`EN_PER_HAN`)."""
    numbers: frozenset[str]
    """The numbers it writes in digits."""
    words: frozenset[str]
    """Its Latin words, lower-cased."""
    heading: bool
    """Whether it is a heading (a subheading or title, or a short line without a sentence end)."""
    titled: bool
    """Whether the page sets it as a heading (a subheading or a title, not a paragraph)."""


def is_bilingual(document: Document) -> bool:
    """Whether the body holds both English and Chinese enough to look for pairs (the gate).

    >>> from bilingual_news import parse
    >>> is_bilingual(parse("One language only, in a paragraph long enough to be prose."))
    False
    """
    en = zh = 0.0
    n_en = n_zh = 0
    paragraph, subheading = Kind.PARAGRAPH, Kind.SUBHEADING  # looked up once, not twice a block
    for b in document.blocks:
        kind = b.kind
        if kind is paragraph or kind is subheading:
            lang = b.lang
            if lang == "en":
                en += len(b.text)
                n_en += 1
            elif lang.startswith("zh") and lang != "zh-Latn":
                zh += len(b.text) * EN_PER_HAN
                n_zh += 1
    if n_en < MIN_SIDE_BLOCKS or n_zh < MIN_SIDE_BLOCKS:
        return False
    return min(en, zh) >= MIN_SIDE_SHARE * (en + zh)


def align(document: Document) -> Document:
    """The document with its translation pairs (see the module's docstring); unchanged when
    the page is not bilingual."""
    if not is_bilingual(document):
        return document
    pieces = _pieces(document.blocks)
    if not _balanced([p[2] for p in pieces if p[1] == "en"], [p[2] for p in pieces if p[1] == "zh"]):
        return document
    units = _units(document.blocks, pieces)
    en = [u for u in units if u.lang == "en"]
    zh = [u for u in units if u.lang == "zh"]
    warnings: list[str] = []
    matches, en, zh = _best_version(en, zh, document.blocks, warnings)
    if _cover(matches, en, zh) < PAGE_MIN_COVER:
        return document
    pairs = tuple(
        Pair(
            en="\n".join(document.blocks[u.block].text for u in e),
            zh="\n".join(document.blocks[u.block].text for u in z),
            en_blocks=tuple(u.block for u in e),
            zh_blocks=tuple(u.block for u in z),
            score=score,
        )
        for e, z, score in matches
    )
    if not pairs and not warnings:
        return document
    return dataclasses.replace(document, pairs=pairs, warnings=document.warnings + tuple(warnings))


def _balanced(en: Sequence[float], zh: Sequence[float]) -> bool:
    """The gate again, on the units' lengths (``en`` and ``zh``, in page order): English prose
    (code and commands left out) and Chinese both hold a real share of the body."""
    if len(en) < MIN_SIDE_BLOCKS or len(zh) < MIN_SIDE_BLOCKS:
        return False
    le, lz = sum(en), sum(zh)
    return min(le, lz) >= MIN_SIDE_SHARE * (le + lz)


def _cover(matches: Sequence[_Match], en: Sequence[_Unit], zh: Sequence[_Unit]) -> float:
    """The mean over the two sides of the share of its length that the pairs hold."""
    shares = []
    for side, paired in ((en, [u for m in matches for u in m[0]]), (zh, [u for m in matches for u in m[1]])):
        total = sum(u.length for u in side)
        shares.append(sum(u.length for u in paired) / total if total else 0.0)
    return sum(shares) / 2


# ------------------------------------------------------------------------------ units
def _pieces(blocks: Sequence[Block]) -> list[tuple[int, str, float]]:
    """The body blocks (and the title just before the body, with the line before it when that
    is a title too: the title in both languages) that become units, in page order: each
    one's index in ``blocks``, language and length (what :func:`_balanced` reads; the rest of
    a unit, its anchors, is found by :func:`_units` once the page passes)."""
    first = next((i for i, b in enumerate(blocks) if b.kind is Kind.PARAGRAPH or b.kind is Kind.SUBHEADING), None)
    if first is None:
        return []
    chosen: list[int] = []
    title = next((i for i in range(first - 1, -1, -1) if blocks[i].kind is Kind.HEADLINE), None)
    if title is not None:
        if title > 0 and blocks[title - 1].kind is Kind.HEADLINE:
            chosen.append(title - 1)  # the title in both languages, one line each
        chosen.append(title)
    # The body, and the title shown again inside it (over the original, after its translation).
    chosen.extend(
        i
        for i in range(first, len(blocks))
        if (blocks[i].is_body or blocks[i].kind is Kind.HEADLINE) and VERSION_NAME_RULE not in blocks[i].reasons
    )
    pieces: list[tuple[int, str, float]] = []
    for i in chosen:
        b = blocks[i]
        text = b.text
        han = 0 if text.isascii() else len(text) - len(_HAN.sub("", text))
        if han == 0:  # the Latin letters only matter here, the blanks only below
            latin = len(text) - len(_LATIN.sub("", text))
            lang, length = ("en" if latin and _prose(text, latin) else "und"), float(len(text))
        else:
            other = len(_SPACE.sub("", text)) - han
            length = han * EN_PER_HAN + other
            unquoted = _QUOTED.sub("", text)  # a quoted title is a name
            share = (len(unquoted) - len(_LATIN.sub("", unquoted))) / length
            lang = "zh" if share < MIXED_MIN_LATIN else "en" if share > MIXED_MAX_LATIN else "mixed"
            if lang == "en":
                length = float(len(text))
        if lang != "und":
            pieces.append((i, lang, max(length, 1.0)))
    return pieces


def _units(blocks: Sequence[Block], pieces: Sequence[tuple[int, str, float]] | None = None) -> list[_Unit]:
    """The units of :func:`_pieces` (found here when not given)."""
    if pieces is None:
        pieces = _pieces(blocks)
    units: list[_Unit] = []
    for i, lang, length in pieces:
        b = blocks[i]
        text = b.text
        heading = b.kind is not Kind.PARAGRAPH or (len(text) <= HEADING_MAX_CHARS and not text.endswith(_SENTENCE_END))
        units.append(
            _Unit(
                block=i,
                pos=len(units),
                lang=lang,
                length=length,
                numbers=frozenset(n.replace(",", "") for n in _NUMBER.findall(text)),
                words=frozenset(w.lower() for w in (_LATIN_WORD if lang == "en" else _ANCHOR_WORD).findall(text)),
                heading=heading,
                titled=b.kind is not Kind.PARAGRAPH,
            )
        )
    return units


def _prose(text: str, letters: int) -> bool:
    """Whether an English-looking text reads as prose (or a heading, a term), not as code, a
    command, a path or a bare URL."""
    first = _CODE_CHAR.search(text)  # two of CODE_CHARS: the second search starts past the first
    if first is not None and _CODE_CHAR.search(text, first.end()) is not None:
        return False
    nonblank = len(text) - text.count(" ")
    if letters < MIN_LETTER_SHARE * nonblank:
        return False
    return not (text.count(" ") < 8 and _FILE_NAME.search(text))


# --------------------------------------------------------------------------- versions
_Match = tuple[tuple[_Unit, ...], tuple[_Unit, ...], float]


def _best_version(
    en: list[_Unit], zh: list[_Unit], blocks: Sequence[Block], warnings: list[str]
) -> tuple[list[_Match], list[_Unit], list[_Unit]]:
    """The alignment of ``en`` with ``zh``; when one side holds several whole translations
    (see the module's docstring), of the other side with the best-fitting one. Returns the
    pairs and the two sequences aligned."""
    for side, other, is_zh in ((zh, en, True), (en, zh, False)):
        sections = _versions(side, other)
        if len(sections) < 2:
            continue
        tries = []
        for section in sections:
            e, z = (en, section) if is_zh else (section, zh)
            cost, matches = _align(e, z)
            tries.append((cost / max(len(e) + len(z), 1), matches, e, z))
        best = min(range(len(tries)), key=lambda k: tries[k][0])
        head = blocks[sections[best][0].block].text if sections[best][0].heading else None
        where = f" under {head!r}" if head else f" number {best + 1}"
        warnings.append(
            f"the page holds {len(sections)} {'Chinese' if is_zh else 'English'} versions of one text: "
            f"the pairs use the best-fitting one (the version{where}); the others are left unpaired"
        )
        return tries[best][1], tries[best][2], tries[best][3]
    return _align(en, zh)[1], en, zh


def _versions(side: list[_Unit], other: list[_Unit]) -> list[list[_Unit]]:
    """The sections of ``side`` that are each a whole translation of ``other``, when the
    paragraphs of ``side`` stand wholly before or after those of ``other`` on the page;
    otherwise ``[side]``."""
    a, b = [u.pos for u in side if not u.heading], [u.pos for u in other if not u.heading]
    if not a or not b or not (a[-1] < b[0] or b[-1] < a[0]):  # headings (a title above all) aside
        return [side]
    sections: list[list[_Unit]] = []
    for u in side:
        if not sections or (u.heading and not all(v.heading for v in sections[-1])):
            sections.append([])
        sections[-1].append(u)
    total = sum(u.length for u in other)
    whole = [s for s in sections if VERSION_MIN_SHARE * total <= sum(u.length for u in s) <= total / VERSION_MIN_SHARE]
    return whole if len(whole) >= 2 else [side]


# ------------------------------------------------------------------------------ align
_Group = tuple[float, frozenset[str], frozenset[str], bool, bool, int, int]
"""One side of a move, one unit or two in a row, as :func:`_group_cost` reads it: its length
(the English side's with a blank between two units), its numbers, its words, whether its
first unit is a heading, whether the page sets that unit as a heading, its lowest and its
highest position."""
_LOG_RATIO_VAR = LOG_RATIO_SD**2
"""The square of :data:`LOG_RATIO_SD`."""


def _align(en: Sequence[_Unit], zh: Sequence[_Unit]) -> tuple[float, list[_Match]]:
    """The cheapest monotonic alignment of ``en`` with ``zh``: its total cost and its pairs
    that score at least :data:`MIN_SCORE`, in order. The search keeps to a band around the
    diagonal, widened until the path found keeps clear of its edge (:data:`BAND_WIDTH`)."""
    n, m = len(en), len(zh)
    width = BAND_WIDTH
    while True:
        # Cell (i, j) is in the band when |i·m − j·n| ≤ reach: ``width`` pieces of the shorter
        # side off the diagonal; a staircase along the diagonal stays inside for any width ≥ 1.
        reach = width * max(n, m)
        total, matches, path = _align_in(en, zh, reach)
        if reach >= n * m or all(abs(i * m - j * n) <= reach - BAND_MARGIN * max(n, m) for i, j in path):
            return total, matches
        width *= 2


def _align_in(
    en: Sequence[_Unit], zh: Sequence[_Unit], reach: int
) -> tuple[float, list[_Match], list[tuple[int, int]]]:
    """:func:`_align` within the cells ``|i·m − j·n| ≤ reach``; also the path's cells.

    Each cell tries its moves in the order 1:1, 1:2, 2:1, 1:0, 0:1 and a move takes a cell
    only at a strictly lower cost, so ties go to the first. A move's cost
    (:func:`_group_cost`) reads the sides' facts found once a unit and once a pair of units
    (:func:`_group`), not once a move."""
    n, m = len(en), len(zh)
    inf = math.inf
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float]]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    # The band's columns in each row (|i·m − j·n| ≤ reach), and two empty rows past the last.
    if n:
        lows = [max(0, -((reach - i * m) // n)) for i in range(n + 1)] + [m + 1] * 2
        highs = [min(m, (i * m + reach) // n) for i in range(n + 1)] + [-1] * 2
    else:
        lows, highs = [0, m + 1, m + 1], [m, -1, -1]
    # Each side's groups: one unit from k on, and two units from k on (None when one of the
    # two is a heading: a heading is never half of a translation, nor translated by two units).
    en1 = [_group(en[k : k + 1], 1) for k in range(n)]
    zh1 = [_group(zh[k : k + 1], 0) for k in range(m)]
    en2 = [None if en[k].heading or en[k + 1].heading else _group(en[k : k + 2], 1) for k in range(n - 1)]
    zh2 = [None if zh[k].heading or zh[k + 1].heading else _group(zh[k : k + 2], 0) for k in range(m - 1)]
    heading_en = [u.heading for u in en] + [True]
    heading_zh = [u.heading for u in zh] + [True]
    group_cost = _group_cost
    skip = SKIP_COST * 1  # a 1:0 or a 0:1 move: the cost times its units
    for i in range(n + 1):
        row = cost[i]
        lo1, hi1, lo2, hi2 = lows[i + 1], highs[i + 1], lows[i + 2], highs[i + 2]
        next1 = cost[i + 1] if i < n else row
        next2 = cost[i + 2] if i + 1 < n else row
        back1 = back[i + 1] if i < n else back[i]
        back2 = back[i + 2] if i + 1 < n else back[i]
        e1 = en1[i] if i < n else None
        e2 = en2[i] if i + 1 < n else None
        e1_heading = heading_en[i]
        hi = highs[i]
        for j in range(lows[i], hi + 1):
            here = row[j]
            if here == inf:
                continue
            if e1 is not None:
                if lo1 <= j + 1 <= hi1:  # 1:1
                    step = group_cost(e1, zh1[j], 2)
                    if here + step < next1[j + 1]:
                        next1[j + 1] = here + step
                        back1[j + 1] = (1, 1, step)
                if lo1 <= j + 2 <= hi1 and not e1_heading:  # 1:2
                    z2 = zh2[j]
                    if z2 is not None:
                        step = group_cost(e1, z2, 3)
                        if here + step < next1[j + 2]:
                            next1[j + 2] = here + step
                            back1[j + 2] = (1, 2, step)
                if e2 is not None and lo2 <= j + 1 <= hi2 and not heading_zh[j]:  # 2:1
                    step = group_cost(e2, zh1[j], 3)
                    if here + step < next2[j + 1]:
                        next2[j + 1] = here + step
                        back2[j + 1] = (2, 1, step)
                if lo1 <= j <= hi1 and here + skip < next1[j]:  # 1:0
                    next1[j] = here + skip
                    back1[j] = (1, 0, skip)
            if j + 1 <= hi and here + skip < row[j + 1]:  # 0:1 (the band's row is an interval)
                row[j + 1] = here + skip
                back[i][j + 1] = (0, 1, skip)
    matches: list[_Match] = []
    path: list[tuple[int, int]] = []
    i, j = n, m
    while i or j:
        path.append((i, j))
        a, b, step = back[i][j]
        if a and b:
            score = 1.0 / (1.0 + math.exp(step - SCORE_MIDPOINT))
            if score >= MIN_SCORE:
                matches.append((tuple(en[i - a : i]), tuple(zh[j - b : j]), round(score, 3)))
        i, j = i - a, j - b
    matches.reverse()
    return cost[n][m], matches, path


def _group(units: Sequence[_Unit], joins: int) -> _Group:
    """The facts :func:`_group_cost` reads of one side of a move (``joins`` is 1 for the
    English side, whose length counts a blank between two units, 0 for the Chinese)."""
    first = units[0]
    length = sum(u.length for u in units) + len(units) - 1 if joins else sum(u.length for u in units)
    numbers = first.numbers if len(units) == 1 else first.numbers | units[1].numbers
    words = first.words if len(units) == 1 else first.words | units[1].words
    if len(units) == 1:
        return (length, numbers, words, first.heading, first.titled, first.pos, first.pos)
    low, high = (first.pos, units[1].pos) if first.pos <= units[1].pos else (units[1].pos, first.pos)
    return (length, numbers, words, first.heading, first.titled, low, high)


def _group_cost(e: _Group, z: _Group, k: int) -> float:
    """The cost of pairing the English units of ``e`` with the Chinese units of ``z``, ``k``
    units in all (2 or 3): the length's log ratio (Gale–Church), a merge's cost, the anchors,
    a heading against a paragraph, the two sides side by side."""
    le, lz = e[0], z[0]
    x = math.log(le / lz)
    var = _LOG_RATIO_VAR + SHORT_NOISE / ((le + lz) / 2)
    total = x * x / (2 * var)
    if k > 2:
        total += MERGE_COST
    nums_e, nums_z, words_z = e[1], z[1], z[2]
    if nums_e or nums_z or words_z:  # else no anchor, shared or missing: a term of 0.0
        shared = len(nums_e & nums_z) + len(words_z & e[2])
        missing = len(nums_e ^ nums_z) + len(words_z - e[2])
        # min() and max() written as comparisons: a call less each, some 600 moves a bilingual page
        total -= ANCHOR_BONUS * (shared if shared < ANCHOR_CAP else ANCHOR_CAP) - ANCHOR_PENALTY * (
            missing if missing < ANCHOR_CAP else ANCHOR_CAP
        )
    if k == 2 and e[3] != z[3] and (e[4] or z[4]):
        total += HEADING_MISMATCH_COST
    if (e[6] if e[6] >= z[6] else z[6]) - (e[5] if e[5] <= z[5] else z[5]) == k - 1:
        total -= ADJACENT_BONUS
    return total
