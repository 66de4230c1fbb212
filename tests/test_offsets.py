"""offsets: replaying edits, folding a later pass's changes into raw edits, and the offset map."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual_news.model import Edit, Span
from bilingual_news.offsets import Change, OffsetMap, apply_edits, merge_edits


def edit(raw: str, start: int, end: int, after: str, rule: str = "r") -> Edit:
    return Edit(rule=rule, span=Span(start=start, end=end), before=raw[start:end], after=after)


# ------------------------------------------------------------------ apply_edits


def test_apply_edits_replays_in_order() -> None:
    raw = "Xi/'s and Li/'s"
    assert apply_edits(raw, [edit(raw, 2, 4, "'"), edit(raw, 12, 14, "'")]) == "Xi's and Li's"


def test_apply_no_edits_is_the_identity() -> None:
    assert apply_edits("中文 text", []) == "中文 text"


# ------------------------------------------------------------------ merge_edits


def test_first_changes_become_raw_edits() -> None:
    raw = "a\u00a0b"
    merged = merge_edits(raw, raw, [], [Change(start=1, end=2, after=" ", rule="nbsp")])
    assert merged == [edit(raw, 1, 2, " ", "nbsp")]


def test_change_beside_an_edit_is_shifted_to_raw_offsets() -> None:
    raw = "&amp;x\u00a0"
    first = [edit(raw, 0, 5, "&", "html_entity")]
    current = apply_edits(raw, first)  # "&x\u00a0"
    merged = merge_edits(raw, current, first, [Change(start=2, end=3, after=" ", rule="nbsp")])
    assert merged == [first[0], edit(raw, 6, 7, " ", "nbsp")]


def test_change_over_an_edit_becomes_one_edit_with_both_rules() -> None:
    raw = "&nbsp;"
    first = [edit(raw, 0, 6, "\u00a0", "html_entity")]
    merged = merge_edits(raw, "\u00a0", first, [Change(start=0, end=1, after=" ", rule="nbsp")])
    assert merged == [edit(raw, 0, 6, " ", "html_entity+nbsp")]


def test_change_spanning_a_removal_swallows_it() -> None:
    raw = "Xi/\u200b's"
    first = [edit(raw, 3, 4, "", "zero_width")]
    merged = merge_edits(raw, "Xi/'s", first, [Change(start=2, end=4, after="'", rule="slash_apostrophe")])
    assert merged == [edit(raw, 2, 5, "'", "zero_width+slash_apostrophe")]


def test_change_touching_a_removal_stays_apart() -> None:
    raw = "\u200b/'"
    first = [edit(raw, 0, 1, "", "zero_width")]
    merged = merge_edits(raw, "/'", first, [Change(start=0, end=2, after="'", rule="slash_apostrophe")])
    assert merged == [first[0], edit(raw, 1, 3, "'", "slash_apostrophe")]


def test_change_undoing_an_edit_leaves_no_edit() -> None:
    raw = "a"
    first = [edit(raw, 0, 1, "b")]
    assert merge_edits(raw, "b", first, [Change(start=0, end=1, after="a", rule="r")]) == []


# Random edit layers: each layer replaces some disjoint stretches of the text before it.
layer = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 3), st.text("xy", max_size=3)), max_size=5)


def _changes(text: str, spec: list[tuple[int, int, str]]) -> list[Change]:
    changes: list[Change] = []
    pos = 0
    for gap, width, after in spec:
        start = pos + gap
        end = start + max(width, 1)
        if end > len(text):
            break
        if text[start:end] != after:
            changes.append(Change(start=start, end=end, after=after, rule="r"))
        pos = end
    return changes


@settings(max_examples=300, deadline=None)
@given(st.text("ab\u00a0", min_size=1, max_size=40), st.lists(layer, min_size=1, max_size=4))
def test_merged_edits_replay_to_the_last_text(raw: str, layers: list[list[tuple[int, int, str]]]) -> None:
    edits: list[Edit] = []
    current = raw
    for spec in layers:
        changes = _changes(current, spec)
        expected = apply_edits(current, [edit(current, c.start, c.end, c.after) for c in changes])
        edits = merge_edits(raw, current, edits, changes)
        current = apply_edits(raw, edits)
        assert current == expected
    for a, b in pairwise(edits):
        assert a.span.end <= b.span.start
    for e in edits:
        assert e.before == raw[e.span.start : e.span.end]


def test_changes_between_edits_keep_every_edit() -> None:
    raw = "a/'" * 1000
    edits = merge_edits(
        raw, raw, [], [Change(start=3 * i + 1, end=3 * i + 3, after="'", rule="r") for i in range(1000)]
    )
    current = apply_edits(raw, edits)  # "a'" * 1000
    merged = merge_edits(
        raw, current, edits, [Change(start=2 * i, end=2 * i + 1, after="A", rule="s") for i in range(1000)]
    )
    assert len(merged) == 2000
    assert apply_edits(raw, merged) == "A'" * 1000


# ------------------------------------------------------------------ OffsetMap

#   raw:  "ab&amp;cd"  ->  normalized: "ab&cd"   (one edit, raw [2, 7) -> normalized [2, 3))
AMP = OffsetMap([Edit(rule="html_entity", span=Span(start=2, end=7), before="&amp;", after="&")])
#   raw:  "ab\u200bcd"  ->  normalized: "abcd"   (a removal, raw [2, 3) -> normalized [2, 2))
ZW = OffsetMap([Edit(rule="zero_width", span=Span(start=2, end=3), before="\u200b", after="")])


@pytest.mark.parametrize(("i", "expected"), [(0, 0), (2, 2), (3, 7), (5, 9)])
def test_to_raw_outside_edits(i: int, expected: int) -> None:
    assert AMP.to_raw(i) == expected


@pytest.mark.parametrize("i", [3, 5, 6])
def test_to_normalized_inside_an_edit_widens_to_it(i: int) -> None:
    assert (AMP.to_normalized(i), AMP.to_normalized(i, end=True)) == (2, 3)


def test_span_end_at_an_edit_stops_before_it() -> None:
    assert AMP.to_raw(2, end=True) == 2


def test_span_start_at_a_removal_starts_after_it() -> None:
    assert ZW.to_raw(2) == 3


def test_span_end_at_a_removal_stops_before_it() -> None:
    assert ZW.to_raw(2, end=True) == 2


def test_removed_text_maps_to_where_it_was() -> None:
    assert [ZW.to_normalized(i) for i in range(6)] == [0, 1, 2, 2, 3, 4]


def test_no_edits_is_the_identity() -> None:
    empty = OffsetMap([])
    assert [empty.to_raw(i) for i in range(4)] == [0, 1, 2, 3]
    assert [empty.to_normalized(i, end=True) for i in range(4)] == [0, 1, 2, 3]
