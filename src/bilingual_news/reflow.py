"""Hard-wrapped text rejoined: the lines of one block that a dump broke at a fixed width.

In: a text (the normalizer's current text). Out: the :class:`~bilingual_news.offsets.Change`
list that rejoins its wrapped lines — Chinese with nothing, other text with one space — which
the ``reflow`` rule of :mod:`bilingual_news.normalize` records as traced edits.

lynx and w3m ``-dump``, ``fmt``, e-mail clients and PDF text tools fill each block's lines
greedily to a width: a line ends where the next word (or, in Chinese, the next character) would
not have fitted. That leaves a mark no one-line-per-block page has, which :func:`find_wraps`
looks for:

1. **The width.** For each width ``W`` from :data:`MIN_WRAP_WIDTH` to :data:`MAX_WRAP_WIDTH`,
   in terminal columns (a wide character counts two) and in characters (as :mod:`textwrap`
   counts), a line is *full at W* when it fits in ``W``, ends within :data:`MAX_WORD_SLACK` of
   it, and the first word of the next line would not have fitted after it. A line is *over W*
   when it is longer than ``W`` yet could have been broken before ``W`` (it has a space or a
   wide character there). The page is wrapped at the ``W`` with the most full lines, when they
   are at least :data:`MIN_WRAPPED_LINES`, :data:`MIN_TELLING_LINES` of them *telling* (the
   next line goes on in lower case, with a number or a Chinese character, after a line that
   does not end a sentence: a column of titles of about the same length has a capital on every
   line, and paragraphs of about the same length each end with a full stop), and the lines over
   ``W`` are at most
   :data:`MAX_OVER_SHARE` of them: an unwrapped page has long lines over every width it could
   be said to be wrapped at.
2. **The breaks.** At that width, each full line is joined to the next, unless the next starts a
   list item (``- ``, ``• ``, ``1. ``, ``（一）``), a dateline or a metadata field
   (``来源：``), or the line is a block's first, set in title case (a headline), and the next
   is not. A short line that ends a paragraph, a heading, a menu item is never full: the next
   word would have fitted after it.

A page with no such width is left as it is, so the rule never changes one-line-per-block text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import cache
from typing import NamedTuple

from bilingual_news.offsets import Change

__all__ = [
    "MAX_OVER_SHARE",
    "MAX_WORD_SLACK",
    "MAX_WRAP_WIDTH",
    "MIN_TELLING_LINES",
    "MIN_WRAPPED_LINES",
    "MIN_WRAP_WIDTH",
    "find_wraps",
    "wrap_width",
]

MIN_WRAP_WIDTH = 30
"""The narrowest width looked for: dumps and mail wrap at 60-80 columns, a narrow e-mail at 40;
below 30 a column of menu items would look wrapped."""

MAX_WRAP_WIDTH = 160
"""The widest width looked for: a wide terminal's dump (132 columns) with room to spare. A
longer line is over every width looked for, when it could have been broken."""

MAX_WORD_SLACK = 20
"""How far under the width a wrapped line may end: the length of the word that did not fit,
and English words and numbers are rarely longer (a URL is, but then it stands alone)."""

MIN_WRAPPED_LINES = 3
"""Full lines a page needs at its width to be called wrapped: one or two lines that end near
the longest line's length, followed by a long word, happen by chance."""

MIN_TELLING_LINES = 2
"""Of those, the full lines whose break tells of wrapping (see :func:`_telling`) a page needs:
a column of titles or menu items of about the same length is full of full lines, none telling;
a short post wrapped into one paragraph of four lines has two or three."""

MAX_OVER_SHARE = 0.05
"""Lines over the width, as a share of the full lines, that a wrapped page may have: a dump's
preformatted block or table may run past the width, a page of long lines has many."""

_RULE = "reflow"

_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6"
    "\U0001f300-\U0001f64f\U0001f900-\U0001f9ff\U00020000-\U0002fffd\U00030000-\U0003fffd"
)
"""The wide characters (East Asian Width W and F) a terminal gives two columns: Hangul Jamo,
CJK punctuation, kana, Han, Hangul syllables, full-width forms, emoji."""

_WIDE_CHAR = re.compile(f"[{_WIDE}]")
_NOT_WIDE = re.compile(f"[^{_WIDE}\\n]+")
"""What is left of a page without it is its wide characters, line by line."""
_FIRST_CHUNK = re.compile(f"([{_WIDE}])|[^\\s{_WIDE}]+")
_BREAKABLE = re.compile(f"\\S\\s+\\S|[{_WIDE}]\\S|\\S[{_WIDE}]")
_LIST_ITEM = re.compile(
    r"(?:[-*+•·▪◦‣]|\d{1,3}[.)]|[(（]?[a-z][)）.])\s|[•·▪◦‣]"
    r"|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、．]"
)

_SENTENCE_MARKS = frozenset(".!?。！？…")
_CLOSERS = frozenset("\"'”’」』)）")
"""The closing quotes and brackets that may follow a sentence's mark (``。”``)."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_DATE_START = re.compile(
    r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}[-/]\d{1,2}[-/]\d{4}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4})"
)

MIN_TITLE_WORDS = 4
"""Words a line needs for its capitals to say it is a title."""

MIN_RUNNING_WORDS = 2
"""Words the line after a title needs for its lower case to say it is running text."""

MIN_TITLE_CAPITALS = 0.75
"""Share of a line's words (of four letters or more, not the first, not acronyms) that start
with a capital for the line to be set in title case, as English headlines are: running text has
a capital now and then."""

MEASURES = ("columns", "chars")
"""How a width is counted: terminal columns (a wide character counts two), or characters."""


class _Line(NamedTuple):
    start: int
    """Offset of the line's first character."""
    lead: int
    """Length of its leading white space."""
    end: int
    """Offset one past its last non-space character (``start + lead`` when blank)."""
    widths: tuple[int, int]
    """Its width up to ``end``, in columns and in characters."""
    first: tuple[int, int]
    """The width of its first word (a wide character alone is one), in columns and characters."""
    breakable: bool
    """Whether it has a break opportunity (a space between words, or a wide character)."""


def _lines(raw_lines: list[str]) -> list[_Line]:
    bodies = list(map(str.rstrip, raw_lines))
    # Each line's wide characters, counted for the whole page in one pass (none are blanks
    # but U+3000, which rstrip removed from the bodies as it does from each line).
    wides = map(len, _NOT_WIDE.sub("", "\n".join(bodies)).split("\n"))
    out: list[_Line] = []
    start = 0
    for raw, body, wide in zip(raw_lines, bodies, wides, strict=True):
        n = len(body)
        lead = n - len(body.lstrip())
        if body.isascii():  # no wide character: widths are lengths, words end at blanks
            words = body.split()
            k = len(words[0]) if words else 0
            first = (k, k)
            breakable = len(words) > 1
            width = (n, n)
        else:
            # The first word: a wide character alone, or a run of other characters that are
            # not blanks (no wide character in it: its width is its length).
            chunk = _FIRST_CHUNK.search(body, lead)
            if chunk is None:
                first = (0, 0)
            elif chunk.lastindex:
                first = (2, 1)
            else:
                k = chunk.end() - chunk.start()
                first = (k, k)
            breakable = _BREAKABLE.search(body, lead) is not None
            # A line longer than any width looked for is measured by its length alone.
            width = (n + wide if n <= MAX_WRAP_WIDTH else n, n)
        out.append(_Line(start, lead, start + n, width, first, breakable))
        start += len(raw) + 1
    return out


def _separator(text: str, line: _Line, following: _Line) -> str:
    """What joins two lines: nothing beside a wide character (Chinese), else one space."""
    last = text[line.end - 1]
    first = text[following.start + following.lead]
    return "" if _WIDE_CHAR.match(last) or _WIDE_CHAR.match(first) else " "


def _title_case(text: str, min_words: int = MIN_TITLE_WORDS) -> bool | None:
    """Whether an English line is set in title case (``Ten Ways to Read a Page``); ``None``
    when it has fewer than ``min_words`` words to tell by."""
    # The first word is capitalised in any sentence, an acronym in any text.
    words: list[str] = [w for w in _WORD.findall(text)[1:] if len(w) >= 4 and w.isascii() and not w.isupper()]
    if len(words) < min_words:
        return None
    return bool(sum(w[0].isupper() for w in words) >= MIN_TITLE_CAPITALS * len(words))


@cache
def _metadata_cues() -> re.Pattern[str]:
    from bilingual_news.lexicon import lexicon

    lex = lexicon()
    cues = sorted({c for _, c in lex.metadata}, key=len, reverse=True)
    bare = sorted({c for _, c in lex.metadata_bare}, key=len, reverse=True)
    either = "|".join(map(re.escape, cues))
    return re.compile(f"(?:{either})\\s*:|(?:{'|'.join(map(re.escape, bare)) or '(?!)'})")


def _metadata_start(text: str) -> bool:
    """Whether a line starts with a metadata cue (``来源：``, ``By:``, ``发布于``)."""
    from bilingual_news.lexicon import fold

    return _metadata_cues().match(fold(text[:40])) is not None


def _ends_block(text: str, line: _Line, following: _Line, *, first: bool) -> bool:
    """Whether ``line`` ends its block although it is full: it comes before a list item, a
    dateline or a metadata field, or it is a block's ``first`` line set in title case (a headline) before a line
    that is not."""
    after = text[following.start + following.lead : following.end]
    if _DATE_START.match(after) or _LIST_ITEM.match(after) or _metadata_start(after):
        return True
    title = _title_case(text[line.start + line.lead : line.end]) is True
    return first and title and _title_case(after, MIN_RUNNING_WORDS) is False


def _full_range(text: str, line: _Line, following: _Line, m: int) -> range:
    """The widths at which ``line`` is full: it fits, ends near the width, and the next line's
    first word would not have fitted after it."""
    if line.end == line.start + line.lead or following.end == following.start + following.lead:
        return range(0)
    width, word = line.widths[m], following.first[m]
    # Beside a wide character a space may have stood and been dropped at the break.
    needed = width + 1 + word
    # A word that did not fit is at most this long, or the next line's first word, if longer.
    slack = max(MAX_WORD_SLACK, word if word <= width else 0)
    return range(max(width, MIN_WRAP_WIDTH), min(needed, width + slack + 1, MAX_WRAP_WIDTH + 1))


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends a sentence: its mark, then closing quotes or brackets at
    most, read back from the end (never the whole line)."""
    while end > start and text[end - 1] in _CLOSERS:
        end -= 1
    return end > start and text[end - 1] in _SENTENCE_MARKS


def _telling(first: str) -> bool:
    """Whether a break tells of wrapping, by ``first``, the next line's first character: the
    next line goes on with a lower-case word or a number, or with a wide character (whose fit
    leaves one column of doubt). A capital tells nothing: a column of titles or menu items has
    one on every line."""
    return first.islower() or first.isdigit() or _WIDE_CHAR.match(first) is not None


def _too_long(raw_lines: list[str]) -> bool:
    """Whether at every width a page could be wrapped at, more lines run past it than
    :data:`MAX_OVER_SHARE` of the lines that could be full there (the common case, one line per
    paragraph), decided on line lengths alone, before the lines are measured: at width ``w``, a
    line longer than ``w`` characters with a break opportunity in its first
    :data:`MIN_WRAP_WIDTH` is over in both measures, and a full line is ``w / 4`` to ``w``
    characters long (``w / 2`` to ``w`` columns, a wide character two)."""
    lengths = list(map(len, map(str.rstrip, raw_lines)))
    over = sorted(
        n
        for n, line in zip(lengths, raw_lines, strict=True)
        if n > MIN_WRAP_WIDTH and (" " in line[:MIN_WRAP_WIDTH].strip() or not line[:MIN_WRAP_WIDTH].isascii())
    )
    lengths.sort()
    # At every width, the lines over it are at least those over the widest, and the full lines
    # at most those of a length a full line can have at some width: most pages end here.
    fits = bisect_right(lengths, MAX_WRAP_WIDTH) - bisect_left(lengths, MIN_WRAP_WIDTH // 4)
    if fits < MIN_WRAPPED_LINES or len(over) - bisect_right(over, MAX_WRAP_WIDTH) > MAX_OVER_SHARE * fits:
        return True
    for w in range(MIN_WRAP_WIDTH, MAX_WRAP_WIDTH + 1):
        full = bisect_right(lengths, w) - bisect_left(lengths, w // 4)
        if full >= MIN_WRAPPED_LINES and len(over) - bisect_right(over, w) <= MAX_OVER_SHARE * full:
            return False
    return True


def wrap_width(text: str) -> tuple[int, str] | None:
    """The width ``text`` was hard-wrapped at and how it was counted (``columns`` or
    ``chars``), or ``None`` when it does not look wrapped."""
    raw_lines = text.split("\n")
    if _too_long(raw_lines) or not _may_wrap(raw_lines):
        return None
    width, measure, _ = _detect(text, _lines(raw_lines)) or (0, "", ())
    return (width, measure) if width else None


_FIRST_WORDS = re.compile(f"\\n[^\\S\\n]*([{_WIDE}]?)([^\\s{_WIDE}]*)")
"""After each newline and the next line's blanks: a wide character, or the run of other
characters that are not blanks (the line's first word as :func:`_lines` measures it)."""
_CLOSING = "".join(sorted(_CLOSERS))


def _may_wrap(raw_lines: list[str]) -> bool:
    """Whether :func:`_detect` finds a width for these lines (``_detect(text, _lines(raw_lines))
    is not None``), decided from columns of the lines' measures, each taken for the whole page
    at once, without building the lines: most pages that pass :func:`_too_long` end here, and
    the few that do not are measured again, line by line, for their full lines."""
    bodies = list(map(str.rstrip, raw_lines))
    sizes = list(map(len, bodies))
    if sum(1 for n in sizes if n >= MIN_WRAP_WIDTH // 2) < MIN_WRAPPED_LINES:
        return False
    joined = "\n".join(bodies)
    wides = map(len, _NOT_WIDE.sub("", joined).split("\n"))  # as in _lines
    columns = [n + k if n <= MAX_WRAP_WIDTH else n for n, k in zip(sizes, wides, strict=True)]
    heads = _FIRST_WORDS.findall("\n" + joined)  # one (wide character, run) a line
    wide_first = [bool(w) for w, _ in heads]
    first_columns = [2 if w else len(run) for w, run in heads]
    first_chars = [1 if w else len(run) for w, run in heads]
    strips = list(map(str.lstrip, bodies))
    n_lines = len(bodies)
    pairs = [i for i in range(n_lines - 1) if sizes[i] and sizes[i + 1]]
    # A break tells when the next line goes on with a lower-case letter, a digit or a wide
    # character (_telling), after a line that does not end a sentence (_ends_sentence).
    tells = [
        i
        for i in pairs
        if (wide_first[i + 1] or strips[i + 1][0].islower() or strips[i + 1][0].isdigit())
        and not ((rest := bodies[i].rstrip(_CLOSING)) and rest[-1] in _SENTENCE_MARKS)
    ]
    telling_pairs = set(tells)
    # Lines over some width: breakable (_BREAKABLE, from the first non-blank) and wider than
    # MIN_WRAP_WIDTH in characters or columns.
    long_lines = [i for i in range(n_lines) if columns[i] > MIN_WRAP_WIDTH and _BREAKABLE.search(strips[i])]
    return any(
        next(_wrapped_widths(pairs, widths, firsts, telling_pairs, long_lines), None) is not None
        for widths, firsts in ((columns, first_columns), (sizes, first_chars))
    )


def _wrapped_widths(
    pairs: Sequence[int],
    widths: Sequence[int],
    firsts: Sequence[int],
    telling_pairs: set[int],
    breakable: Sequence[int],
) -> Iterator[tuple[int, int]]:
    """Each width at which the lines read as wrapped, with how many lines are full at it, in
    increasing order: :data:`MIN_WRAPPED_LINES` full lines at least (line ``i`` of ``pairs`` is
    full at the widths :func:`_full_range` gives, from its ``widths`` and the next line's first
    word, ``firsts``), :data:`MIN_TELLING_LINES` of them followed by a telling break (``i`` in
    ``telling_pairs``), and at most :data:`MAX_OVER_SHARE` of that of the ``breakable`` lines
    over the width (over at every width between its first word and its own). Counted with a
    difference array over the widths, one pass over the lines."""
    size = MAX_WRAP_WIDTH + 2
    full = [0] * size
    telling = [0] * size
    over = [0] * size
    for i in pairs:
        # _full_range, inline: the widths at which line i is full.
        width, word = widths[i], firsts[i + 1]
        lo = width if width > MIN_WRAP_WIDTH else MIN_WRAP_WIDTH
        # min(width + 1 + word, width + max(MAX_WORD_SLACK, word if word <= width else 0) + 1)
        hi = width + 1 + (word if word <= width or word <= MAX_WORD_SLACK else MAX_WORD_SLACK)
        if hi > MAX_WRAP_WIDTH + 1:
            hi = MAX_WRAP_WIDTH + 1
        if lo < hi:
            full[lo] += 1
            full[hi] -= 1
            if i in telling_pairs:
                telling[lo] += 1
                telling[hi] -= 1
    for i in breakable:
        width, word = widths[i], firsts[i]
        if width > MIN_WRAP_WIDTH:
            lo = word if word > MIN_WRAP_WIDTH else MIN_WRAP_WIDTH
            hi = width if width <= MAX_WRAP_WIDTH else MAX_WRAP_WIDTH + 1  # over at every width below its own
            if lo < hi:
                over[lo] += 1
                over[hi] -= 1
    f = t = o = 0
    for w in range(size - 1):
        f += full[w]
        t += telling[w]
        o += over[w]
        if w >= MIN_WRAP_WIDTH and f >= MIN_WRAPPED_LINES and t >= MIN_TELLING_LINES and o <= MAX_OVER_SHARE * f:
            yield w, f


def _detect(text: str, lines: Sequence[_Line]) -> tuple[int, str, tuple[int, ...]] | None:
    """The width, the measure and the indexes of the full lines, or ``None``."""
    if sum(1 for ln in lines if ln.widths[1] >= MIN_WRAP_WIDTH // 2) < MIN_WRAPPED_LINES:
        return None  # the common case of a short page, decided at once
    best: tuple[int, int, str] | None = None  # (full lines, width, measure)
    # What _full_range reads of each line, and whether a break before it tells, taken once.
    filled = [ln.end != ln.start + ln.lead for ln in lines]
    pairs = [i for i in range(len(lines) - 1) if filled[i] and filled[i + 1]]
    tells = [ok and _telling(text[ln.start + ln.lead]) for ln, ok in zip(lines, filled, strict=True)]
    for i in pairs:  # a break after a sentence's end tells nothing: a paragraph may end there
        if tells[i + 1] and _ends_sentence(text, lines[i].start, lines[i].end):
            tells[i + 1] = False
    telling_pairs = {i for i in pairs if tells[i + 1]}
    breakable = [i for i, ln in enumerate(lines) if ln.breakable]
    for m, measure in enumerate(MEASURES):
        widths = [ln.widths[m] for ln in lines]
        firsts = [ln.first[m] for ln in lines]
        for w, f in _wrapped_widths(pairs, widths, firsts, telling_pairs, breakable):
            if best is None or f > best[0]:
                best = (f, w, measure)
    if best is None:
        return None
    _, width, measure = best
    m = MEASURES.index(measure)
    full_lines = tuple(i for i in range(len(lines) - 1) if width in _full_range(text, lines[i], lines[i + 1], m))
    return width, measure, full_lines


def find_wraps(text: str) -> list[Change]:
    """The changes that rejoin ``text``'s hard-wrapped lines (none when it is not wrapped).

    >>> page = "Title\\n" + "\\n".join(["word " * 7 + "words"] * 3) + "\\nend\\nNext"
    >>> [c.after for c in find_wraps(page)]
    [' ', ' ', ' ']
    >>> find_wraps("Title\\nA line that is not wrapped at all.\\nNext")
    []
    """
    raw_lines = text.split("\n")
    if len(raw_lines) == 1 or _too_long(raw_lines) or not _may_wrap(raw_lines):
        return []
    lines = _lines(raw_lines)
    found = _detect(text, lines)
    if found is None:
        return []
    changes: list[Change] = []
    joined = -2  # the last line joined to the next (none yet)
    for i in found[2]:
        line, following = lines[i], lines[i + 1]
        if _ends_block(text, line, following, first=joined != i - 1):
            continue
        joined = i
        changes.append(
            Change(
                start=line.end,
                end=following.start + following.lead,
                after=_separator(text, line, following),
                rule=_RULE,
            )
        )
    return changes
