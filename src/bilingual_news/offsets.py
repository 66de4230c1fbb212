"""The offset map between a raw text and its normalized form.

In: the raw text and its edits (sorted, non-overlapping, stated on the raw text).
Out: :class:`OffsetMap`, which turns offsets in one text into offsets in the other in
O(log n) with :mod:`bisect`, and :func:`merge_edits`, which folds the edits of a later
normalization pass (stated on the intermediate text) into raw-text edits in one linear sweep.
"""

from __future__ import annotations

import operator
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

from bilingual_news.model import _SET_END, _SET_START, Edit, Span

__all__ = ["Change", "OffsetMap", "apply_edits", "merge_edits"]


class Change(NamedTuple):
    """An edit stated on some intermediate text: replace ``[start, end)`` with ``after``.

    A named tuple rather than a frozen dataclass: a page can make thousands, and a tuple is
    several times cheaper to build.
    """

    start: int
    """Offset of the first replaced character."""
    end: int
    """Offset one past the last replaced character."""
    after: str
    """The replacement."""
    rule: str
    """The name of the rule that made the change."""


def apply_edits(raw: str, edits: Sequence[Edit]) -> str:
    """Replay ``edits`` (sorted, non-overlapping) on ``raw``."""
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(raw[pos : e.span.start])
        parts.append(e.after)
        pos = e.span.end
    parts.append(raw[pos:])
    return "".join(parts)


def merge_edits(raw: str, current: str, edits: Sequence[Edit], changes: Sequence[Change]) -> list[Edit]:
    """Fold ``changes`` (stated on ``current``, which is ``raw`` with ``edits`` applied) into
    raw-text edits, in one sweep. Changes that overlap an earlier edit become one edit whose
    rule names are joined with ``+`` in the order they ran; no-op results are dropped."""
    if not changes:
        return list(edits)
    if not edits:  # the first changes: ``current`` is ``raw``
        return _first_edits(raw, changes)
    # Old edits in current-text coordinates, with the running length change before each.
    prefix = [0, *accumulate(len(e.after) - (e.span.end - e.span.start) for e in edits)]
    starts = [e.span.start + d for e, d in zip(edits, prefix, strict=False)]
    ends = [s + len(e.after) for s, e in zip(starts, edits, strict=True)]

    def raw_start(pos: int) -> int:
        # Every old edit ending at or before pos lies before the group.
        return pos - prefix[bisect_right(ends, pos)]

    def raw_end(pos: int) -> int:
        # Old edits ending before pos, and a non-empty one ending exactly at pos, lie inside.
        k = bisect_left(ends, pos)
        if k < len(ends) and ends[k] == pos and starts[k] < pos:
            k += 1
        return pos - prefix[k]

    result: list[Edit] = []
    k = 0  # the first old edit not yet placed
    i = 0  # the first change not yet placed
    while i < len(changes):
        # Old edits that end before this change starts stay as they are (an empty one at its
        # start too: touching is not overlapping).
        before = bisect_right(ends, changes[i].start, lo=k)
        result.extend(edits[k:before])
        k = before
        # The group: this change, and every old edit and change overlapping it, transitively.
        group_start, group_end = changes[i].start, changes[i].end
        first_change = i
        old_rules: list[str] = []
        grew = True
        while grew:
            grew = False
            while k < len(edits) and starts[k] < group_end:
                group_start = min(group_start, starts[k])
                group_end = max(group_end, ends[k])
                old_rules.append(edits[k].rule)
                k += 1
                grew = True
            while i < len(changes) and changes[i].start < group_end:
                group_end = max(group_end, changes[i].end)
                i += 1
                grew = True
        group = changes[first_change:i]
        parts: list[str] = []
        pos = group_start
        for c in group:
            parts.append(current[pos : c.start])
            parts.append(c.after)
            pos = c.end
        parts.append(current[pos:group_end])
        rs, re_ = raw_start(group_start), raw_end(group_end)
        before_text, after_text = raw[rs:re_], "".join(parts)
        if before_text == after_text:
            continue  # a later change undid an earlier one
        names = dict.fromkeys(name for rule in [*old_rules, *(c.rule for c in group)] for name in rule.split("+"))
        result.append(Edit(rule="+".join(names), span=Span(start=rs, end=re_), before=before_text, after=after_text))
    result.extend(edits[k:])
    return result


_new = object.__new__
_SET_RULE, _SET_SPAN, _SET_BEFORE, _SET_AFTER = (
    Edit.__dict__[name].__set__ for name in ("rule", "span", "before", "after")
)


def _first_edits(raw: str, changes: Sequence[Change]) -> list[Edit]:
    """The first changes on ``raw`` as raw-text edits, no-ops left out: ``Edit(rule=c.rule,
    span=Span(start=c.start, end=c.end), before=raw[c.start : c.end], after=c.after)`` for each,
    with the fields set straight into their slots (a reader makes hundreds a page, and the
    frozen dataclasses' constructors cost two to three times as much). A span out of order is
    refused as :class:`~bilingual_news.model.Span` refuses it."""
    result: list[Edit] = []
    add = result.append
    for start, end, after, rule in changes:
        before = raw[start:end]
        if before != after:
            if not 0 <= start <= end:
                Span(start=start, end=end)  # raises the span's own error
            span: Span = _new(Span)
            _SET_START(span, start)
            _SET_END(span, end)
            edit: Edit = _new(Edit)
            _SET_RULE(edit, rule)
            _SET_SPAN(edit, span)
            _SET_BEFORE(edit, before)
            _SET_AFTER(edit, after)
            add(edit)
    return result


class OffsetMap:
    """Offsets between a raw text and the normalized text its edits produce.

    A position inside a replaced stretch maps to the stretch's start (or, with
    ``end=True``, its end), so that a span mapped either way always covers whole edits. Text
    that an edit removed entirely stays outside a span that begins or ends where it was: a span
    start maps past it, a span end before it.
    """

    __slots__ = ("_norm_ends", "_norm_starts", "_raw_ends", "_raw_starts")

    def __init__(self, edits: Sequence[Edit]) -> None:
        raw_starts: list[int] = []
        raw_ends: list[int] = []
        norm_starts: list[int] = []
        norm_ends: list[int] = []
        delta = 0
        for e in edits:
            raw_starts.append(e.span.start)
            raw_ends.append(e.span.end)
            norm_starts.append(e.span.start + delta)
            delta += len(e.after) - len(e.span)
            norm_ends.append(e.span.end + delta)
        self._raw_starts = raw_starts
        self._raw_ends = raw_ends
        self._norm_starts = norm_starts
        self._norm_ends = norm_ends

    def to_raw(self, i: int, *, end: bool = False) -> int:
        """The raw offset of normalized offset ``i``."""
        return _map(i, self._norm_starts, self._norm_ends, self._raw_starts, self._raw_ends, end)

    def to_normalized(self, i: int, *, end: bool = False) -> int:
        """The normalized offset of raw offset ``i``."""
        return _map(i, self._raw_starts, self._raw_ends, self._norm_starts, self._norm_ends, end)

    def stretches(self) -> tuple[list[int], list[int], list[int]]:
        """Where each edit stands in the normalized text (its starts and its ends, in order) and
        the shift from normalized to raw offsets after it: a normalized offset ``i`` that no
        edit covers or touches maps to ``i`` plus the shift of the last edit before it (``i``
        before any), for a caller that maps many offsets in order (``split``).

        >>> from bilingual_news.model import Edit, Span
        >>> OffsetMap([Edit(rule="r", span=Span(start=2, end=7), before="&amp;", after="&")]).stretches()
        ([2], [3], [4])
        """
        return self._norm_starts, self._norm_ends, list(map(operator.sub, self._raw_ends, self._norm_ends))


def _map(
    i: int,
    src_starts: Sequence[int],
    src_ends: Sequence[int],
    dst_starts: Sequence[int],
    dst_ends: Sequence[int],
    end: bool,
) -> int:
    k = bisect_right(src_starts, i) - 1  # the last edit starting at or before i
    if k < 0:
        return i
    if src_starts[k] < i < src_ends[k]:
        # Inside a replaced stretch: widen to the whole stretch.
        return dst_ends[k] if end else dst_starts[k]
    j = bisect_left(src_starts, i, hi=k + 1)  # the first edit starting at i, if any (j <= k)
    if j <= k:
        # Edits j..k start at i: empty ones (text removed, seen from this side), then perhaps
        # one that is not. A span ending here stops before them all; one starting here
        # starts after the removed text and covers the edit that is not empty.
        if end:
            return dst_starts[j]
        return dst_starts[k] if src_ends[k] > i else dst_ends[k]
    return dst_ends[k] + (i - src_ends[k])
