"""Script counts: which letters make words, and which words start with a capital.

A word is a run of letters of an alphabet written with spaces between words: Latin, and
Cyrillic, Greek, Hangul, Arabic, Devanagari and the like (``scripts.SPACED_SCRIPTS``). Japanese
kana and Thai write a sentence without spaces: their letters make no words. That the class
table agrees with ``regex`` on every code point is checked in ``test_performance_helpers.py``.
"""

from __future__ import annotations

import pytest

from bilingual_news.scripts import count_scripts


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("Городской совет утвердил новый бюджет.", 5, id="russian"),
        pytest.param("시의회가 새 예산안을 통과시켰다.", 4, id="korean"),
        pytest.param("Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό.", 6, id="greek"),
        pytest.param("नगर परिषद ने नया बजट पारित किया।", 7, id="hindi-with-vowel-signs"),
        pytest.param("المجلس البلدي أقر الميزانية الجديدة.", 5, id="arabic"),
        pytest.param("Мэр Сеула 오세훈 said: «бюджет принят».", 6, id="mixed-alphabets"),
    ],
)
def test_words_of_every_spaced_alphabet_are_counted(text: str, words: int) -> None:
    assert count_scripts(text).latin_words == words


@pytest.mark.parametrize(
    ("text", "capitals"),
    [
        pytest.param("Мэр Москвы Сергей Собянин открыл станцию", 4, id="russian-names"),
        pytest.param("Η Αθήνα και η Θεσσαλονίκη", 3, id="greek-names"),
        pytest.param("서울 시장 오세훈", 0, id="hangul-has-no-case"),
    ],
)
def test_capitals_count_in_every_alphabet_with_case(text: str, capitals: int) -> None:
    assert count_scripts(text).capital_words == capitals


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("きょうはいいてんきですね", id="hiragana"),
        pytest.param("ニュースセンター", id="katakana"),
        pytest.param("สภาเมืองอนุมัติงบประมาณใหม่", id="thai"),
    ],
)
def test_scripts_written_without_spaces_make_no_words(text: str) -> None:
    counts = count_scripts(text)
    assert (counts.latin_words, counts.latin) == (0, 0)


def test_han_characters_stay_han_not_words() -> None:
    counts = count_scripts("市议会通过新预算")
    assert (counts.han, counts.latin_words) == (8, 0)
