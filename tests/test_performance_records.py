"""The per-unit records of ``features`` kept small give what the full ones gave.

Issue 9's fourth pass: a line the page repeats shares its features record (its teaser link
apart), a key equal to its text is the text itself, and the cheap tests added in front of a
scan are true wherever the scan finds something. Speed and memory are measured in
``benchmarks/``, never asserted here.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bilingual_news import features, scripts
from bilingual_news.features import extract
from bilingual_news.lexicon import fold
from bilingual_news.normalize import normalize
from bilingual_news.split import Unit, split

BLANK_TEXT = st.text(st.sampled_from(list("中文ab \u3000\t\u0301〇\n")), max_size=16)
"""Han characters, a Han mark, Latin letters and blanks of several kinds, in any order."""

TEASER = "Ministers agree on a new plan to clean the river before…"
PARAGRAPH = "Ministers agree on a new plan to clean the river before the summer floods reach the city."


def _units(*lines: str) -> tuple[Unit, ...]:
    return split(normalize("\n\n".join(lines)))


@given(BLANK_TEXT)
def test_han_gap_shortcut_agrees_with_the_scan(text: str) -> None:
    cls = scripts.classes(text)
    assert (scripts.han_gaps(cls) if features._han_before_blank(cls) else 0) == scripts.han_gaps(cls)


@given(BLANK_TEXT)
def test_a_key_ends_with_no_blank(text: str) -> None:
    key = fold(text)
    assert key.rstrip() == key


@given(BLANK_TEXT)
def test_a_key_is_the_folded_text(text: str) -> None:
    assert features._key(text) == fold(text[: features.CUE_SCAN_CHARS])


def test_a_key_equal_to_its_text_is_the_text_itself() -> None:
    text = "各方同意治理河道"
    assert features._key(text) is text


def test_a_repeated_line_shares_its_record() -> None:
    found = extract(_units("Home | World | Business", PARAGRAPH, "Home | World | Business"))
    assert found[2] is found[0]


def test_each_copy_of_a_repeated_teaser_points_to_another_unit() -> None:
    found = extract(_units(TEASER, TEASER, PARAGRAPH))
    # A teaser points to the first other unit whose key is longer than its stem and starts with
    # it: each copy's key (the stem and its ellipsis) is one, so each copy points to the other.
    assert [f.teaser_of for f in found] == [1, 0, -1]


def test_a_repeated_teaser_with_its_own_link_keeps_the_rest_of_the_record() -> None:
    found = extract(_units(TEASER, TEASER, PARAGRAPH))
    assert found[1]._replace(teaser_of=found[0].teaser_of) == found[0]
