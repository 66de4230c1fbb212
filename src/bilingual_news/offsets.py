"""The offset map between a raw text and its normalized form.

In: the raw text and its edits (sorted, non-overlapping, stated on the raw text).
Out: :class:`OffsetMap`, which turns offsets in one text into offsets in the other in
O(log n) with :mod:`bisect`, and :func:`merge_edits`, which folds the edits of a later
normalization pass (stated on the intermediate text) into raw-text edits in one linear sweep.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from bilingual_news.model import Edit, Span

__all__ = ["OffsetMap", "Change", "apply_edits", "merge_edits"]


@dataclass(frozen=True, slots=True)
class Change:
    """An edit stated on some intermediate text: replace ``[start, end)`` with ``after``."""

    start: int
    end: int
    after: str
    rule: str


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
    # Old edits in current-text coordinates, with the running length change before each.
    starts: list[int] = []
    ends: list[int] = []
    prefix: list[int] = [0]
    for e in edits:
        s = e.span.start + prefix[-1]
        starts.append(s)
        ends.append(s + len(e.after))
        prefix.append(prefix[-1] + len(e.after) - len(e.span))

    def raw_start(pos: int) -> int:
        # Every old edit ending at or before pos lies before the group.
        return pos - prefix[bisect_right(ends, pos)]

    def raw_end(pos: int) -> int:
        # Old edits ending before pos, and a non-empty one ending exactly at pos, lie inside.
        k = bisect_left(ends, pos)
        if k < len(ends) and ends[k] == pos and starts[k] < pos:
            k += 1
        return pos - prefix[k]

    items: list[tuple[int, int, int, int]] = [(s, t, 0, k) for k, (s, t) in enumerate(zip(starts, ends))]
    items.extend((c.start, c.end, 1, k) for k, c in enumerate(changes))
    items.sort()
    result: list[Edit] = []
    group: list[tuple[int, int, int, int]] = []
    group_end = -1

    def flush() -> None:
        if len(group) == 1 and group[0][2] == 0:
            result.append(edits[group[0][3]])
        elif group:
            gs, ge = group[0][0], group_end
            old_rules: list[str] = []
            new_rules: list[str] = []
            parts: list[str] = []
            pos = gs
            for s, t, is_new, k in group:
                if is_new:
                    c = changes[k]
                    parts.append(current[pos:s])
                    parts.append(c.after)
                    pos = t
                    new_rules.append(c.rule)
                else:
                    old_rules.append(edits[k].rule)
            parts.append(current[pos:ge])
            rs, re_ = raw_start(gs), raw_end(ge)
            names = dict.fromkeys(name for rule in old_rules + new_rules for name in rule.split("+"))
            result.append(
                Edit(rule="+".join(names), span=Span(start=rs, end=re_), before=raw[rs:re_], after="".join(parts))
            )

    for it in items:
        if group and it[0] < group_end:
            group.append(it)
            group_end = max(group_end, it[1])
        else:
            flush()
            group = [it]
            group_end = it[1]
    flush()
    return [e for e in result if e.before != e.after]


class OffsetMap:
    """Offsets between a raw text and the normalized text its edits produce.

    A position inside a replaced stretch maps to the stretch's start (or, with
    ``end=True``, its end), so that a span mapped either way always covers whole edits.
    """

    __slots__ = ("_raw_starts", "_raw_ends", "_norm_starts", "_norm_ends")

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


def _map(
    i: int,
    src_starts: Sequence[int],
    src_ends: Sequence[int],
    dst_starts: Sequence[int],
    dst_ends: Sequence[int],
    end: bool,
) -> int:
    k = bisect_right(src_starts, i) - 1
    if k < 0:
        return i
    if i == src_starts[k]:
        # At an edit's start: a span starting here covers the edit, one ending here stops before it.
        return dst_starts[k]
    if i < src_ends[k]:
        # Inside a replaced stretch: widen to the whole stretch.
        return dst_ends[k] if end else dst_starts[k]
    return dst_ends[k] + (i - src_ends[k])
