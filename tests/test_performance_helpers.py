"""The helpers that make parse() fast give what the slow forms they replace give.

Each shortcut of the speed work (issue 9) is checked here against the plain form it stands for:
the class table against ``regex``'s Unicode properties, a trie against a longest-first
alternation, the fast NFKC against :func:`unicodedata.normalize`, the cheap tests in front of
patterns against the patterns alone, the names finder against the alternation it replaces.
Speed itself is measured in ``benchmarks/``, never asserted here; growth is, by counting calls.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import features, quotes, scripts
from bilingual_news.lexicon import _nfkc, fold, lexicon, trie_pattern
from bilingual_news.pipeline import STAGES, profile

EVERY_CHAR = "".join(map(chr, range(0x110000)))

# ------------------------------------------------------------------ the class table


@pytest.mark.parametrize(
    ("prop", "letters"),
    [(r"\p{Han}", "Hh"), (scripts.WORD_LETTER, "UL"), (r"\p{Nd}", "D"), (r"\p{M}", "Mh"), (r"\s", "S")],
)
def test_classes_are_regexs_properties(prop: str, letters: str) -> None:
    """When this fails, the installed regex has a newer Unicode: regenerate the ranges in
    scripts.py with scripts._ranges()."""
    table = scripts.classes(EVERY_CHAR)
    found = {i for i, c in enumerate(table) if c in letters}
    assert found == {ord(c) for c in regex.findall(prop, EVERY_CHAR)}


def test_classes_split_white_space_and_capitals_as_python_does() -> None:
    table = scripts.classes(EVERY_CHAR)
    assert {i for i, c in enumerate(table) if c in "SW"} == {i for i, c in enumerate(EVERY_CHAR) if c.isspace()}
    assert all(EVERY_CHAR[i].isupper() == (c == "U") for i, c in enumerate(table) if c in "UL")


def test_han_class_is_han_for_re() -> None:
    assert re.findall(scripts.han_class(), EVERY_CHAR) == regex.findall(r"\p{Han}", EVERY_CHAR)


def test_white_space_class_is_regexs_blank_for_re() -> None:
    assert re.findall(f"[{scripts.WHITE_SPACE}]", EVERY_CHAR) == regex.findall(r"\s", EVERY_CHAR)


SCRIPT_TEXT = st.text(
    st.one_of(
        st.sampled_from(list("中文字 \t\u3000\x1cabcXYZ'’-0１٣\u0301\U00016ff0é.,жЖΩ한글ب\u093fक")),
        st.characters(),
    ),
    max_size=40,
)


@given(SCRIPT_TEXT)
def test_count_scripts_counts_as_the_patterns_do(text: str) -> None:
    words = scripts.WORD.findall(text)
    expected = scripts.ScriptCounts(
        han=sum(map(len, regex.findall(r"\p{Han}+", text))),
        latin=len(regex.findall(scripts.WORD_LETTER, text)),
        digits=sum(map(len, regex.findall(r"\p{Nd}+", text))),
        latin_words=len(words),
        total=sum(map(len, text.split())),
        capital_words=sum(1 for w in words if w[0].isupper()),
    )
    assert scripts.count_scripts(text) == expected


@given(SCRIPT_TEXT)
def test_han_gaps_counts_as_the_lookaround_pattern_does(text: str) -> None:
    expected = len(regex.findall(r"(?<=\p{Han})\s+(?=\p{Han})", text))
    assert scripts.han_gaps(scripts.classes(text)) == expected


# ---------------------------------------------------------------------------- tries

WORDS = st.lists(st.text(st.sampled_from("abc中文 .|"), min_size=1, max_size=4), max_size=8)


@given(WORDS, st.text(st.sampled_from("abc中文 .|x"), max_size=30))
def test_trie_finds_what_a_longest_first_alternation_finds(words: list[str], text: str) -> None:
    flat = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"
    trie = trie_pattern(words)
    assert [m.span() for m in re.finditer(trie, text)] == [m.span() for m in re.finditer(flat, text)]


def test_trie_of_no_words_matches_nothing() -> None:
    assert re.search(trie_pattern([]), "anything") is None


# ----------------------------------------------------------------------------- NFKC


@settings(max_examples=300)
@given(
    st.text(
        st.one_of(
            st.characters(min_codepoint=0x3000, max_codepoint=0x303F),
            st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),
            st.sampled_from(list("中文abc ¨㈱ﬁ\u0301\u0308e\u1100\u1161İ")),
            st.characters(),
        ),
        max_size=20,
    )
)
def test_fast_nfkc_is_nfkc(text: str) -> None:
    assert _nfkc(text) == unicodedata.normalize("NFKC", text)


# ------------------------------------------------------- cheap tests before patterns

CUE_WORDS = [
    *("记者", "通讯员", "（", "）", "(", ")", "文", "图", "撰", "有贡献", "对此文", "摄", "/", "FOR", "LI", "Photo"),
    *("亦", "有所貢獻", "參與", "协助", "采写"),
    *("1", "2019", "20", "前", "ago", "AGO", "天", "昨天", "yesterday", "。", "…", ".", "!", "?", "”", " ", "\u3000"),
]
"""Pieces of the texts the cheap tests are tried on: the words and characters they look for."""
CUE_TEXT = st.lists(st.one_of(st.sampled_from(CUE_WORDS), st.characters()), max_size=14).map("".join)


@given(CUE_TEXT)
def test_credit_shortcut_agrees_with_the_pattern(text: str) -> None:
    assert features._credit(text) == bool(features._CREDIT.match(text))


@given(CUE_TEXT)
def test_calendar_shortcut_agrees_with_the_patterns(text: str) -> None:
    expected = bool(features._DATE.search(text) or features._CALENDAR.search(text))
    assert features._has_calendar_date(text, fold(text)) == expected


@given(CUE_TEXT)
def test_sentence_marks_count_as_the_pattern_does(text: str) -> None:
    pattern = regex.compile(r"[。！？；]|[.!?](?=\s|$|[”’\"'])")
    assert features._sentence_marks(text) == len(pattern.findall(text))


@given(CUE_TEXT)
def test_ending_shortcuts_agree_with_the_patterns(text: str) -> None:
    tail = text[-8:]
    assert (text[-1:] in features._SENTENCE_END_LAST and bool(features._SENTENCE_END.search(tail))) == bool(
        features._SENTENCE_END.search(tail)
    )
    assert (text[-1:] in features._ELLIPSIS_LAST and bool(features._ELLIPSIS_END.search(tail))) == bool(
        features._ELLIPSIS_END.search(tail)
    )


@given(st.text(st.sampled_from(list("ab 更多moreseall:：>»›查看view")), max_size=12))
def test_section_shortcut_agrees_with_the_pattern(key: str) -> None:
    key = " ".join(key.split())
    sections = lexicon().section | {"ab", "see", "a"}
    assert (features._section_key(key) in sections) == (features._SECTION_TAIL.sub("", key).strip() in sections)


@pytest.mark.parametrize("batch", [features.PHRASE_SCAN_KEYS, 2, 1])
def test_cue_phrases_found_in_one_scan_are_every_unit_holding_one(batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(features, "PHRASE_SCAN_KEYS", batch)
    lex = lexicon()
    phrases = [*lex.disclaimer, *lex.caption_contains, *lex.chrome, *lex.chrome_han, *lex.chrome_short]
    keys = ["首页", f"本站{phrases[0]}", "nothing here", phrases[-1], "", f"x {phrases[3]} y {phrases[1]}", "end"]
    found = features._with_phrases(keys, features._cues().phrase_scans)
    assert found == {i for i, key in enumerate(keys) if any(p in key for p in phrases)}


def _longest_first(phrases: tuple[str, ...]) -> str:
    return "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))


PHRASE_PIECES = st.sampled_from(
    [*lexicon().disclaimer[:40], *lexicon().chrome[:20], *lexicon().chrome_short[:20], *lexicon().chrome_han]
)
PHRASE_KEY = st.lists(st.one_of(PHRASE_PIECES, st.sampled_from(["者", "a", " ", "不", "本"])), max_size=6).map("".join)


@given(PHRASE_KEY)
def test_phrase_tries_find_what_longest_first_alternations_find(key: str) -> None:
    """The trie counts the disclaimer phrases a longest-first alternation counts, and the chrome
    tries (a Chinese phrase not run on into Han) find one where the ``regex`` alternations do."""
    lex, cues = lexicon(), features._cues()
    assert len(cues.disclaimer.findall(key)) == len(regex.findall(_longest_first(lex.disclaimer), key))
    for phrases, pattern in (
        (lex.chrome, cues.chrome),
        (lex.chrome_short, cues.prompt),
        (lex.chrome_han, cues.chrome_han),
    ):
        han = tuple(c for c in phrases if regex.match(r"\p{Han}", c[-1]))
        other = tuple(c for c in phrases if c not in han)
        slow = "|".join(
            ([rf"(?:{_longest_first(han)})(?!\p{{Han}})"] if han else []) + ([_longest_first(other)] if other else [])
        )
        assert bool(pattern.search(key)) == bool(regex.search(slow, key))


def test_no_class_ruled_out_of_capitals_holds_one() -> None:
    table = scripts.classes(EVERY_CHAR)
    capitals = {ord(c) for c in regex.findall(r"\p{Lu}", EVERY_CHAR)}
    assert not {i for i, c in enumerate(table) if c in features._NO_CAPITAL_CLASSES} & capitals


ROLE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["by ", "By ", "b", "Dana", " Whitfield", ", ", "AP", " Sports Writer", "记者", "Ωmega"]),
        st.characters(),
    ),
    max_size=8,
).map("".join)


@given(ROLE_TEXT)
def test_capital_shortcut_agrees_with_the_role_byline(text: str) -> None:
    if features._ROLE_BYLINE.match(text):
        assert features._may_open_with_capital(text, scripts.classes(text))


@given(
    st.lists(
        st.sampled_from(["last ", "updated", "posted on ", "mod", "edited", "published", "nov 19", "12/06", "x", " "]),
        max_size=5,
    ).map("".join)
)
def test_dated_field_starts_with_one_of_its_first_characters(key: str) -> None:
    if features._DATED_FIELD.match(key):
        assert key[:1] in features._DATED_FIELD_FIRST


def test_cue_firsts_are_the_first_characters_of_the_cues() -> None:
    assert features._firsts(["ab", "c"]) == frozenset("ac")
    assert features._firsts(["ab", ""]) is None


# ------------------------------------------------------------------------- names

NAME_TEXT = st.lists(
    st.sampled_from(["Li", "Ming", "Xi", " ", "-", "王", "明", "华", "a", "1", "é", "Jinping", ",", "刘", "佳", "芸"]),
    max_size=20,
).map("".join)
NAME_KEYS = st.sets(
    st.sampled_from(["Li", "Li Ming", "Ming", "Xi Jinping", "Xi", "王明", "王", "明华", "Wang-Li", "佳芸"])
)


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(NAME_KEYS, NAME_TEXT, st.data())
def test_names_are_found_as_the_alternation_finds_them(keys: set[str], text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    names = quotes._Names(set())
    names._keys = [(k, not quotes._HAN.search(k)) for k in sorted(keys, key=lambda k: (-len(k), k))]
    parts = [
        regex.escape(k) if not word else rf"(?<![\p{{Latin}}\d-]){regex.escape(k)}(?![\p{{Latin}}\d-])"
        for k, word in names._keys
    ]
    expected = [m.span() for m in regex.compile("|".join(parts) or "(?!)").finditer(text, lo, hi)]
    assert names._found(text, lo, hi) == expected


# ------------------------------------------------------------------------ profile


def test_profile_times_every_stage_in_order() -> None:
    times = profile("首页 资讯\n\nA headline for the page here\n\nThe body says something long enough to be prose.")
    assert list(times) == [name for name, _ in STAGES]
    assert all(t >= 0 for t in times.values())


def test_profile_of_bytes_times_decoding_first() -> None:
    assert next(iter(profile("正文。".encode("gb18030")))) == "decode"


# ---------------------------------------------------------------- linear growth


@contextmanager
def _counting_calls() -> Iterator[Counter[str]]:
    """Python function calls made inside the block, by function."""
    calls: Counter[str] = Counter()

    def count(frame: object, event: str, arg: object) -> None:
        if event == "call":
            calls[frame.f_code.co_qualname] += 1  # type: ignore[attr-defined]

    sys.setprofile(count)
    try:
        yield calls
    finally:
        sys.setprofile(None)


def test_work_grows_linearly_with_the_page(seed_text: str) -> None:
    """Twice the page, twice the Python calls (within a margin), in every function: a loop over
    pairs of units, quotes or lines would make some function's count grow fourfold. (From eight
    copies of the seed on: below that, more copies also make more candidate articles, up to
    revise.MAX_CANDIDATES, and that grows some counts faster for a while.)"""
    bilingual_news.parse(seed_text)  # lazy loads happen outside the count
    counts = []
    for copies in (8, 16):
        with _counting_calls() as calls:
            bilingual_news.parse("\n\n".join([seed_text] * copies))
        counts.append(calls)
    small, large = counts
    grew = {name: large[name] / small[name] for name in small if small[name] >= 20}
    assert max(grew.values()) <= 2.5, sorted(grew.items(), key=lambda kv: -kv[1])[:5]


FIELD_PIECES = st.sampled_from(
    [c for _, c in lexicon().metadata[:30]] + [" ", ":", "：", "|", "x", "1", "_", "(", "字", "dear ", "é"]
)


@given(st.lists(FIELD_PIECES, max_size=6).map("".join))
def test_field_cues_inside_are_found_as_the_lookbehind_alternation_finds_them(key: str) -> None:
    """The cues grouped by first character find a field where the pattern that tests the word
    start before each Latin cue does; every field ``fields_anywhere`` finds is one of them."""
    cues = features._cues()
    field_cues = [c for _, c in lexicon().metadata]
    slow = re.compile(
        rf"(?:(?<![^\W_])(?:{trie_pattern(c for c in field_cues if c[:1].isascii())})"
        rf"|(?:{trie_pattern(c for c in field_cues if not c[:1].isascii())}))\s*[:：]"
    )
    assert bool(cues.field_inside.search(key)) == bool(slow.search(key))
    if cues.fields_anywhere.search(key):
        assert cues.field_inside.search(key)


CAPTION_PIECES = st.sampled_from(
    [*lexicon().caption_prefix[:10], *lexicon().caption_suffix[:10], "摄", " ", "。", ".", "/", ")", "）", "x", "图"]
)


@given(st.lists(st.one_of(CAPTION_PIECES, st.characters()), max_size=6).map("".join))
def test_caption_gate_holds_wherever_a_caption_cue_does(text: str) -> None:
    cues, key = features._cues(), fold(text)
    if features._caption_cue(key, text, cues, None):
        assert (
            key[:1] in cues.caption_prefix
            or key[-1:] in cues.caption_lasts
            or text[-1:] in features._PHOTO_CREDIT_LAST
            or "/" in text[-80:]
            or text[-1:].isspace()
        )
