"""Sentences: where a block's text ends a sentence, in English, Chinese and both mixed.

In: a block's normalized text (and, for raw offsets, the page's
:class:`~bilingual_news.normalize.Normalized`). Out: end-exclusive ``(start, end)`` offsets
into the text (:func:`split_sentences`), raw :class:`~bilingual_news.model.Span` s
(:func:`sentence_spans`), or the blocks with :attr:`Block.sentences` filled in
(:func:`with_sentences`, the pipeline stage). The sentences of a block cover every non-blank
character of it, in order, without overlap; a block without a sentence end is one sentence.

Rules, in the order they are tried at each candidate end:

* ``。！？；`` end a sentence, with any ``…``/``！？`` after them and the closing quotes and
  brackets that follow (``。”`` ends at the quote).
* ``.``, ``!``, ``?``, ``…`` and ``...`` end a sentence only before white space, the end of
  the text, a Han character or an opening quote, with the closing quotes after them — so
  decimals (``3.5``), ``No.1`` and ``DeepLearning.AI`` never split — and never before a
  lower-case word (``"Why?" he asked``) or ``, ; :``.
* A full stop after an abbreviation is no end: titles (``Mr.``, ``Dr.``, ``Gov.``), dotted
  initialisms (``U.S.``, ``e.g.``) and single capitals (``George W. Bush``) never end one;
  ``No.``, ``Vol.``, ``Fig.``, ``p.`` and month names only before a number (``No. 1``,
  ``Jan. 5``); company and time abbreviations (``Inc.``, ``a.m.``) only before a capital.

The cost is one search per block for an end mark, one regular-expression scan per block that
has one and a few string tests per candidate end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from bilingual_news._lazy import LazyPattern
from bilingual_news.model import BLOCK_SETTERS, Block, Kind, Span, span_unchecked
from bilingual_news.normalize import Normalized
from bilingual_news.scripts import WHITE_SPACE, han_class

__all__ = ["BlockFields", "sentence_spans", "split_sentences", "with_sentences"]

ABBREVIATIONS_NEVER_FINAL: frozenset[str] = frozenset(
    """mr mrs ms mx dr prof st mt gen lt col capt sgt cmdr adm maj gov sen rep rev hon pres supt
    insp messrs mme mlle mssrs e.g i.e u.s u.k u.n e.u vs cf al""".split()  # noqa: SIM905 - a word list reads best as running text
)
"""Abbreviations (lower case, without the last dot) after which a sentence never ends: titles
stand before a name, ``e.g.`` and ``vs.`` before more of the same sentence, and ``U.S.`` far
more often starts a noun phrase (``U.S. officials``) than ends a sentence."""
ABBREVIATIONS_BEFORE_NUMBER: frozenset[str] = frozenset(
    """no nos vol vols fig figs p pp art arts sec ch chap para op ed tel approx jan feb mar apr jun
    jul aug sep sept oct nov dec""".split()  # noqa: SIM905 - a word list reads best as running text
)
"""Abbreviations that end no sentence when a number follows (``No. 1``, ``Jan. 5``); before
anything else their full stop may end one (``The answer was no.``)."""
ABBREVIATIONS_BEFORE_LOWER: frozenset[str] = frozenset(
    ["etc", "inc", "ltd", "corp", "co", "bros", "dept", "univ", "assn", "jr", "sr", "a.m", "p.m"]
)
"""Abbreviations that end a sentence only when a capital follows (``… at 10 a.m. The …``), not
before a lower-case word or a number (``Apple Inc. said``, ``a.m. 5``)."""

_CLOSERS = r"[”’\"'」』）)\]】》〉]*"
_END = re.compile(
    r"[。！？；.!?…](?:(?<=[。！？；])[。！？；!?…]*"
    + _CLOSERS
    + r"|(?P<en>(?<=\.)\.\.+|[.!?…]*)"
    + _CLOSERS
    # regex's \s and \p{Han}, which re has not: see bilingual_news.scripts
    + rf"(?=[{WHITE_SPACE}]|$|{han_class()}|[“‘\"'(（「『《]))"
)
"""A sentence end: a Chinese end mark ``。！？；`` with the marks after it, or a Latin one
(``...``, or a run of ``.!?…``) before a blank, the end, a Han character or an opening quote,
with the closing quotes and brackets after either. Group ``en``: the Latin run but its first
character. Written for :mod:`re` with the end mark as its first element, so that the search
skips to the next mark at C speed; the same matches as the pattern of the two marks' runs as
alternatives (``END_SLOW`` in ``tests/test_speed_small.py``), which :mod:`re` tries at
every character."""
_END_MARK = re.compile(r"[.!?…。！？；]")
_DOTTED = LazyPattern(r"(?:\p{L}\.)+\p{L}")
_NO_START = frozenset(",;:，、；：)]}）】")
_END_NEXT = re.compile(_END.pattern + r"(?=\s*(?P<nx>\S)|)")
""":data:`_END` with, in group ``nx``, the first non-blank character after the end (none when
only blanks follow): the same matches. :mod:`re`'s ``\\s`` is :meth:`str.isspace`."""
_ABBREVIATION_KIND: dict[str, str] = {
    **dict.fromkeys(ABBREVIATIONS_BEFORE_LOWER, "lower"),
    **dict.fromkeys(ABBREVIATIONS_BEFORE_NUMBER, "number"),
    **dict.fromkeys(ABBREVIATIONS_NEVER_FINAL, "never"),
}
"""Each abbreviation's set in one table, the first set that holds it winning as the tests
were made in turn: ``never`` (:data:`ABBREVIATIONS_NEVER_FINAL`), ``number``, ``lower``."""
_LONG_WORD = 1 + max(map(len, _ABBREVIATION_KIND))
"""A word of this many letters and digits (or more) is none of the abbreviations, holds no
dot and is no initial: a full stop after it ends a sentence (before anything but a comma or
a lower-case word). ``str.lower`` never shortens a word."""
_WORD_LOOKBACK = 24
"""How far back :func:`_ends_at_full_stop` looks for the space before a word at once; a longer
word (or none) is walked back character by character, as before."""
_WORD_OPENERS = frozenset("([{“‘\"'（「『《")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the sentences in ``text``, blanks between them left out.

    >>> t = "Mr. Li arrived at 10 a.m. on Jan. 5. He left. 他说：“好。”然后走了。"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Mr. Li arrived at 10 a.m. on Jan. 5.', 'He left.', '他说：“好。”', '然后走了。']
    """
    if _END_MARK.search(text) is None:  # most blocks: menu items, names, dates
        out: list[tuple[int, int]] = []
        _add(text, 0, len(text), out)
        return out
    return _split_marked(text)


def _split_marked(text: str) -> list[tuple[int, int]]:
    """:func:`split_sentences` of a text that holds a sentence end mark.

    Each match of :data:`_END_NEXT` brings the first non-blank character after it (group
    ``nx``), so that the tests of what follows a candidate end read one character the match
    found at C speed (:func:`_ends_english`, written out)."""
    out: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    isspace = str.isspace
    append = out.append
    no_start = _NO_START
    for m in _END_NEXT.finditer(text):
        end = m.end()
        if end >= n:
            break
        following = m.group(2)  # None: only blanks after the end
        if m.start(1) >= 0:  # group ``en``: a Latin end
            if following is not None:
                # not before a comma or a lower-case (ASCII) word
                if following in no_start or "a" <= following <= "z":
                    continue
                stop = m.start()
                if (
                    m.end(1) == stop + 1
                    and text[stop] == "."
                    # a word of _LONG_WORD letters or digits before it is no abbreviation
                    and not (stop >= _LONG_WORD and text[stop - _LONG_WORD : stop].isalnum())
                    and not _ends_at_full_stop(text, stop, following)
                ):
                    continue
        elif following is not None and following in no_start:  # a Chinese end
            continue
        # _add, written out: a match ends in a mark or a closer, never a blank, so the
        # sentence ends at ``end`` and its start stops before it
        s = start
        while isspace(text[s]):
            s += 1
        append((s, end))
        start = end
    _add(text, start, n, out)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Append ``text[start:end]`` without its surrounding blanks, when anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


def _ends_english(text: str, stop: int, mark: str, end: int) -> bool:
    """Whether the Latin-script end mark ``mark`` at ``stop`` really ends a sentence (what
    :func:`_split_marked` decides at a Latin end, there written out)."""
    nxt = _skip_space(text, end)
    if nxt >= len(text):
        return True
    following = text[nxt]
    if following in _NO_START or (following.islower() and following.isalpha() and following.isascii()):
        return False
    if mark != ".":
        return True
    return _ends_at_full_stop(text, stop, following)


def _ends_at_full_stop(text: str, stop: int, following: str) -> bool:
    """Whether the full stop at ``stop``, before the non-blank character ``following``, ends a
    sentence: not after an abbreviation that ends none there, a dotted initialism or an
    initial.

    The word before the stop runs back to a blank or an opening bracket or quote; when the
    characters after the last space (looked for in the last :data:`_WORD_LOOKBACK` characters)
    are all letters and digits, that run is the word — neither blanks nor openers are — and no
    character-by-character walk is needed."""
    lo = stop - _WORD_LOOKBACK
    if lo < 0:
        lo = 0
    space = text.rfind(" ", lo, stop)
    word = text[space + 1 : stop]
    if (space < 0 and lo) or not word.isalnum():
        start = stop
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _WORD_OPENERS:
            start -= 1
        word = text[start:stop]
        if not word:
            return True
    kind = _ABBREVIATION_KIND.get(word.lower())
    if kind is not None:
        if kind == "never":
            return False
        if kind == "number":
            return not following.isdigit()
        return following.isupper()
    if "." in word and _DOTTED.fullmatch(word):  # U.S., N.Y.
        return False
    return not (len(word) == 1 and word.isupper())  # an initial: George W. Bush


def _skip_space(text: str, i: int) -> int:
    """The first offset at or after ``i`` that is not white space (``len(text)`` if none)."""
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i


def sentence_spans(text: str, span: Span, norm: Normalized) -> tuple[Span, ...]:
    """The raw spans of the sentences of a block with normalized ``text`` at raw ``span``.

    The spans lie inside ``span``, in order and without overlap; the first starts at
    ``span.start`` and the last ends at ``span.end``.
    """
    if _END_MARK.search(text) is None:  # most blocks: one sentence, or none when blank
        return (span,) if text and not text.isspace() else ()
    return _marked_spans(text, span, norm)


def _marked_spans(text: str, span: Span, norm: Normalized) -> tuple[Span, ...]:
    """:func:`sentence_spans` of a block whose text holds a sentence end mark."""
    pieces = _split_marked(text)
    if len(pieces) <= 1:
        return (span,) if pieces else ()
    base = span.start
    if span.end - base == len(text) and norm.raw.startswith(text, base):
        # The block is its raw text: each piece is its sentence, the first widened to the
        # block's start and the last to its end (none is empty: a piece holds a non-blank).
        out = [span_unchecked(base, base + pieces[0][1])]
        out += [span_unchecked(base + s, base + e) for s, e in pieces[1:-1]]
        out.append(span_unchecked(base + pieces[-1][0], span.end))
        return tuple(out)
    # Normalization changed the block: map each sentence through the offsets.
    offset = norm.to_normalized(base)
    spans = []
    floor = base
    for s, e in pieces:
        raw = norm.raw_span(offset + s, offset + e)
        start = min(max(raw.start, floor), span.end)
        end = min(max(raw.end, start), span.end)
        spans.append(span_unchecked(start, end))
        floor = end
    # The spans start at or after ``base`` and end at or before ``span.end``, in order: widening
    # the first and the last keeps them in order.
    spans[0] = span_unchecked(base, spans[0].end)
    spans[-1] = span_unchecked(spans[-1].start, span.end)
    return tuple(s for s in spans if s.start < s.end)


class BlockFields(Protocol):
    """What :func:`with_sentences` reads of a block: a :class:`Block`, or the
    :class:`~bilingual_news.assemble.BlockDraft` the pipeline gives it."""

    @property
    def kind(self) -> Kind: ...
    @property
    def text(self) -> str: ...
    @property
    def span(self) -> Span: ...
    @property
    def lang(self) -> str: ...
    @property
    def reasons(self) -> tuple[str, ...]: ...


def with_sentences(blocks: Sequence[BlockFields], norm: Normalized) -> tuple[Block, ...]:
    """The blocks with :attr:`Block.sentences` filled in (the pipeline's ``sentences`` stage),
    built from :class:`Block` s or from the pipeline's drafts of them.

    The blocks are built field by field (:func:`~bilingual_news.model.block_unchecked`, written
    out in the loop) rather
    than with :func:`dataclasses.replace` or the keyword constructor, which cost several times
    and two to three times as much (a test keeps them equal when :class:`Block` gains a field).
    The test for an end mark is made here rather than in a call of :func:`sentence_spans` per
    block: most blocks have none and are one sentence, or none when blank.
    """
    search = _END_MARK.search
    new, (set_kind, set_text, set_span, set_lang, set_reasons, set_sentences) = object.__new__, BLOCK_SETTERS
    out: list[Block] = []
    append = out.append
    for b in blocks:
        text, span = b.text, b.span
        if search(text) is not None:
            sentences = _marked_spans(text, span, norm)
        elif text and not text.isspace():
            sentences = (span,)
        else:
            sentences = ()
        # block_unchecked(b.kind, text, span, b.lang, b.reasons, sentences), written out
        block = new(Block)
        set_kind(block, b.kind)
        set_text(block, text)
        set_span(block, span)
        set_lang(block, b.lang)
        set_reasons(block, b.reasons)
        set_sentences(block, sentences)
        append(block)
    return tuple(out)
