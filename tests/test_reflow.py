"""reflow: hard-wrapped text rejoined (issue 18). The data-file cases of ``normalize.json``
(``reflow-*``) show whole pages; these tests pin one behaviour each, and that a page filled by
:func:`textwrap.fill` comes back as it was."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual_news import normalize
from bilingual_news.offsets import apply_edits
from bilingual_news.reflow import find_wraps, wrap_width

_WORDS = ("river", "stone", "otter", "harbour", "library", "morning", "quiet", "lake", "shell", "keeper", "a", "the")
_PARAGRAPH = (
    "the keepers of the small harbour library say that most of its readers come in the quiet "
    "hours of the morning, before the boats go out, and leave with a map or a book on the lake"
)


def _page(*blocks: str, width: int = 40) -> str:
    return "\n".join(textwrap.fill(b, width) for b in blocks)


def test_wrapped_paragraphs_are_rejoined_with_a_space() -> None:
    page = _page("Harbour News", _PARAGRAPH, "Back to top")
    assert normalize(page).text == "\n".join(("Harbour News", _PARAGRAPH, "Back to top"))


def test_the_width_is_found() -> None:
    assert wrap_width(_page(_PARAGRAPH, _PARAGRAPH, width=50)) == (50, "columns")


def test_chinese_lines_are_joined_with_nothing() -> None:
    text = "湖边的图书馆每天清晨开门，渔民出海之前常来借一张地图或者一本书，管理员说这样的习惯已经延续了很多年。"
    page = "\n".join(text[i : i + 15] for i in range(0, len(text), 15))
    assert normalize(page).text == text


def test_a_page_with_a_block_a_line_is_left_alone() -> None:
    page = "\n".join(("Harbour News", _PARAGRAPH, _PARAGRAPH.upper(), "Back to top"))
    assert find_wraps(page) == []


def test_paragraphs_of_one_length_that_each_end_a_sentence_are_left_alone() -> None:
    # A short article, one line per paragraph, whose paragraphs happen to be as long, then a
    # credit line: every line is "full", none breaks mid-sentence.
    page = "\n".join(
        (
            "湖边的图书馆每天清晨六点开门，渔民出海之前常来借一张地图或者一本书，管理员说习惯由来已久。",
            "馆里的书大多是居民捐的，最受欢迎的是潮汐表和天气记录，常常一到周末就被借空，要等上好几天。",
            "今年冬天图书馆打算延长开放时间，让晚归的渔民也能来坐一坐，喝杯热茶，聊聊当天的收获见闻。",
            "本文作者： 小林",
        )
    )
    assert find_wraps(page) == []


def test_a_list_item_is_not_glued_on() -> None:
    page = _page(_PARAGRAPH) + "\n- " + "keeper " * 6
    assert "\n- keeper" in normalize(page).text


def test_a_title_in_title_case_stays_above_the_text() -> None:
    title = "Quiet Harbour Library Opens Early for Fishermen"
    page = "\n".join((title, *textwrap.wrap(_PARAGRAPH, len(title))))
    assert normalize(page).text.startswith(title + "\n")


def test_a_dateline_is_not_glued_on() -> None:
    page = _page(_PARAGRAPH, width=40) + "\n2025-03-14 09:30 the keepers"
    assert "\n2025-03-14" in normalize(page).text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=30, max_size=80), st.integers(min_value=40, max_value=100))
def test_a_filled_paragraph_comes_back_and_edits_replay(words: list[str], width: int) -> None:
    paragraph = " ".join(words)
    page = "Harbour News\n" + textwrap.fill(paragraph, width)
    result = normalize(page)
    assert apply_edits(page, result.edits) == result.text
    if len(textwrap.wrap(paragraph, width)) >= 4:
        assert result.text == "Harbour News\n" + paragraph
