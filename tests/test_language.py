"""Block and document language: the cases file, the dev pages, laziness and the thresholds' edges."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import Block, Document, Kind, Span, language
from bilingual_news._lazy import Lazy
from bilingual_news.language import block_language, chinese_variant, document_language, is_pinyin, language_shares
from helpers import CASES, corpus_pages, load_gold, needs_corpus

LANGUAGE_CASES: list[dict[str, Any]] = json.loads((CASES / "language.json").read_text(encoding="utf-8"))["cases"]

BODY_ACCURACY_FLOOR = 0.99
"""Share of the dev pages' body segments whose language must be right."""

SCRIPT_EXCEPTIONS = {
    "[Chorus]": {"en"},
    "Repeat *": {"en"},
    "Repeat Chorus": {"en"},
}
"""Body segments written in another language than their page's body: the English stage
directions of a Chinese song's lyrics."""

GPS_COORDINATES = regex.compile(r"GPS: [NS][\d. ]+ [EW][\d. ]+")
"""A line of GPS coordinates in a body (a travel blog's): English or no language at all."""

_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")


@pytest.mark.parametrize("case", LANGUAGE_CASES, ids=lambda c: c["text"][:40] or "empty")
def test_language_case(case: dict[str, Any]) -> None:
    assert block_language(case["text"]) == case["lang"]


def test_cases_file_has_every_kind_of_line() -> None:
    langs = {c["lang"] for c in LANGUAGE_CASES}
    assert len(LANGUAGE_CASES) >= 50
    assert {"en", "zh-Hans", "zh-Hant", "zh", "mixed", "und", "fr", "de", "es"} <= langs


@given(st.text(max_size=200))
def test_any_text_gets_a_well_formed_code(text: str) -> None:
    lang = block_language(text)
    assert regex.fullmatch(r"und|mixed|zh(-Hans|-Hant|-Latn)?|[a-z]{2,3}", lang)


@given(st.text(alphabet=st.characters(categories=["Nd", "P", "Zs", "S"]), max_size=60))
def test_text_without_letters_is_und(text: str) -> None:
    assert block_language(text) == "und"


def test_same_text_same_answer() -> None:
    text = "Le gouvernement a annoncé mardi une nouvelle série de mesures."
    assert {block_language(text) for _ in range(5)} == {"fr"}


def test_chinese_variant_needs_one_telling_character() -> None:
    assert (chinese_variant("国"), chinese_variant("國"), chinese_variant("人")) == ("zh-Hans", "zh-Hant", "zh")


def test_chinese_variant_follows_the_majority() -> None:
    assert chinese_variant("这是简体中文的句子，只有一个繁體字。") == "zh-Hans"


def test_even_mixture_of_variants_is_plain_zh() -> None:
    assert chinese_variant("简体 繁體") == "zh"


def test_pinyin_words() -> None:
    assert [is_pinyin(w) for w in ("zhuang", "Nǚ", "xi'an", "street", "ok")] == [True, True, True, False, False]


def test_han_text_never_reaches_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> Any:
        raise AssertionError("langdetect asked about Han text")

    monkeypatch.setattr(language, "_LANGDETECT", Lazy(refuse))
    assert block_language("中華民國總統府今天發表聲明，表示將持續關注兩岸情勢發展。") == "zh-Hant"


def test_clear_english_never_reaches_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> Any:
        raise AssertionError("langdetect asked about clear English")

    monkeypatch.setattr(language, "_LANGDETECT", Lazy(refuse))
    assert (
        block_language("The ministry said that the two countries would sign the deal by the end of the year.") == "en"
    )


def test_langdetect_failure_gives_und(monkeypatch: pytest.MonkeyPatch) -> None:
    from langdetect.lang_detect_exception import LangDetectException

    class Detector:
        def append(self, text: str) -> None:
            pass

        def get_probabilities(self) -> list[Any]:
            raise LangDetectException(0, "No features in text.")

    class Factory:
        def create(self) -> Detector:
            return Detector()

    monkeypatch.setattr(language, "_LANGDETECT", Lazy(Factory))
    assert block_language("Ceci est une phrase française assez longue pour être jugée.") == "und"


def test_unsure_langdetect_gives_und(monkeypatch: pytest.MonkeyPatch) -> None:
    class Guess:
        lang, prob = "fr", 0.5

    class Detector:
        def append(self, text: str) -> None:
            pass

        def get_probabilities(self) -> list[Guess]:
            return [Guess()]

    class Factory:
        def create(self) -> Detector:
            return Detector()

    monkeypatch.setattr(language, "_LANGDETECT", Lazy(Factory))
    assert block_language("Ceci est une phrase française assez longue pour être jugée.") == "und"


def test_lazy_loads_once_across_threads() -> None:
    calls: list[int] = []
    barrier = threading.Barrier(8)

    def load() -> int:
        calls.append(1)
        return 7

    lazy = Lazy(load)
    results: list[int] = []

    def worker() -> None:
        barrier.wait()
        results.append(lazy.get())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert (results, len(calls)) == ([7] * 8, 1)


def test_import_loads_no_language_package() -> None:
    code = (
        "import sys, bilingual_news; "
        "print(sorted(m for m in ('langdetect', 'zhon', 'hanzidentifier') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_english_page_loads_no_langdetect() -> None:
    code = (
        "import sys, bilingual_news; "
        "bilingual_news.parse('Home\\n\\nA Title\\n\\nThe minister said on Monday that the plan would go ahead.'); "
        "print('langdetect' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_langdetect_profiles_leave_nothing_for_the_garbage_collector() -> None:
    """Its 88,000 vectors of probabilities are read only: as lists, every full collection of a
    pipeline's process walked them (a 50 ms pause); as tuples of floats the collector drops them."""
    factory = language._LANGDETECT.get()
    gc.collect()
    assert not any(map(gc.is_tracked, factory.word_lang_prob_map.values()))


# ------------------------------------------------------------------ documents
def test_document_language_is_the_largest() -> None:
    assert document_language([("en", 900), ("zh-Hans", 100)]) == "en"


def test_parallel_article_is_mixed() -> None:
    assert document_language([("en", 700), ("zh-Hans", 300)]) == "mixed"


def test_document_language_prefers_the_telling_chinese_code() -> None:
    assert document_language([("zh", 500), ("zh-Hant", 200), ("zh-Latn", 300)]) == "zh-Hant"


def test_document_language_without_body_is_und() -> None:
    assert document_language([("und", 10)]) == "und"


def test_shares_sum_to_one_and_are_sorted() -> None:
    shares = language_shares([("zh-Hans", 120), ("en", 300), ("mixed", 80), ("und", 50)])
    assert [code for code, _ in shares] == ["en", "zh-Hans", "mixed"]
    assert sum(share for _, share in shares) == pytest.approx(1.0, abs=0.002)


def test_document_languages_come_from_the_body() -> None:
    raw = "Home\nEnglish text here.\n中文内容在这里。"
    blocks = (
        Block(kind=Kind.NAV, text="Home", span=Span(start=0, end=4), lang="en"),
        Block(kind=Kind.PARAGRAPH, text="English text here.", span=Span(start=5, end=23), lang="en"),
        Block(kind=Kind.PARAGRAPH, text="中文内容在这里。", span=Span(start=24, end=32), lang="zh-Hans"),
    )
    doc = Document(raw=raw, blocks=blocks)
    assert doc.languages == (("en", 0.692), ("zh-Hans", 0.308))


def test_seed_is_english(seed_text: str) -> None:
    doc = bilingual_news.parse(seed_text)
    assert (doc.lang, doc.languages[0][0]) == ("en", "en")


# ---------------------------------------------------------------- dev pages
def _expected(mix: str, text: str) -> set[str]:
    """The languages that are right for a body segment of a page with ``mix`` (``zh`` stands
    for every Chinese code)."""
    if text in SCRIPT_EXCEPTIONS:
        return SCRIPT_EXCEPTIONS[text]
    if GPS_COORDINATES.fullmatch(text):
        return {"en", "und"}
    han, latin = len(_HAN.findall(text)), len(_LATIN.findall(text))
    if han + latin < language.MIN_LETTERS:
        return {"und"}
    if mix in "ae" and not han:
        return {"en"}
    if mix in "bc" and not latin:
        return {"zh"}
    # Any mix: a page's body can hold paragraphs of the other language (a Chinese preface to an
    # English article, an English quotation in a Chinese post); the segment's own letters decide.
    if latin > han * language.HAN_LETTER_WEIGHT:
        return {"en", "mixed"} if han else {"en"}
    return {"zh", "mixed"} if latin else {"zh"}


def _right(lang: str, expected: set[str]) -> bool:
    return ("zh" if lang.startswith("zh") else lang) in expected


@needs_corpus
def test_body_language_on_the_dev_pages() -> None:
    total, wrong = 0, []
    for page in corpus_pages():
        gold = load_gold(page)
        for role, text in gold["segments"]:
            if role not in ("paragraph", "subheading"):
                continue
            total += 1
            lang = block_language(text)
            if not _right(lang, _expected(gold["mix"], text)):
                wrong.append((page.name, lang, text[:60]))
    assert total > 1000
    assert 1 - len(wrong) / total >= BODY_ACCURACY_FLOOR, wrong


@needs_corpus
def test_traditional_page_body_is_zh_hant() -> None:
    pages = [p for p in corpus_pages() if p.name.startswith("c55-")]
    gold = load_gold(pages[0]) if pages else pytest.skip("no traditional-Chinese page")
    body = [(block_language(t), len(t)) for role, t in gold["segments"] if role in ("paragraph", "subheading")]
    assert document_language(body) == "zh-Hant"


@needs_corpus
@pytest.mark.parametrize("page", corpus_pages(), ids=lambda p: p.name)
def test_body_language_of_each_dev_page(page: Path) -> None:
    gold = load_gold(page)
    body = [(block_language(t), len(t)) for role, t in gold["segments"] if role in ("paragraph", "subheading")]
    lang = document_language(body)
    expected = {"a": {"en"}, "e": {"en"}, "b": {"zh"}, "c": {"zh"}, "d": {"en", "zh", "mixed"}}[gold["mix"]]
    major, minor_share = _letters(body_texts(gold))
    if minor_share >= MIXED_NEAR:  # a Chinese post about code, an English essay with a Chinese preface
        expected = expected | {"mixed", major}
    assert _right(lang, expected)


def body_texts(gold: dict[str, Any]) -> list[str]:
    return [t for role, t in gold["segments"] if role in ("paragraph", "subheading")]


MIXED_NEAR = 0.15
"""Share of the body's weighted letters in the second language from which ``mixed`` is right too:
the library weighs blocks by their length, this oracle by their letters, so it allows some way
below the library's own quarter. A parallel article (mix d) may come out as either language or
``mixed``: which one depends on how the two versions' lengths are weighed."""


def _letters(texts: list[str]) -> tuple[str, float]:
    """The script with most of the body's weighted letters (Han counted as in :mod:`language`),
    and the share of the other."""
    han = sum(len(_HAN.findall(t)) for t in texts) * language.HAN_LETTER_WEIGHT
    latin = sum(len(_LATIN.findall(t)) for t in texts)
    return ("zh" if han >= latin else "en"), (min(han, latin) / (han + latin) if han + latin else 0.0)


# ------------------------------------------------------- a page's blocks together
FRENCH_RUN = [
    "Le conseil municipal a voté mardi soir le nouveau plan pour les pistes cyclables du centre.",
    "Les travaux commenceront au printemps et dureront environ dix-huit mois selon la mairie.",
    "Plusieurs commerçants craignent une baisse de leur chiffre d'affaires pendant le chantier.",
    "Le maire a promis une réunion publique avant la fin du mois pour répondre aux questions.",
]
GERMAN_RUN = [
    "Der Stadtrat hat am Dienstagabend den neuen Plan für die Radwege in der Innenstadt beschlossen.",
    "Die Arbeiten sollen im Frühjahr beginnen und nach Angaben der Stadt etwa anderthalb Jahre dauern.",
    "Mehrere Händler befürchten während der Bauzeit deutlich weniger Umsatz in ihren Geschäften.",
    "Der Bürgermeister versprach noch vor Ende des Monats eine öffentliche Versammlung im Rathaus.",
]
RUSSIAN = "Городской совет во вторник вечером утвердил новый план велосипедных дорожек в центре."


def _counting_langdetect(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    real = language._langdetect

    def counting(text: str) -> tuple[str, float]:
        asked.append(text)
        return real(text)

    monkeypatch.setattr(language, "_langdetect", counting)
    language._cached_detect.cache_clear()
    return asked


@given(st.text(max_size=300))
def test_block_languages_of_one_block_is_its_block_language(text: str) -> None:
    assert language.block_languages([text]) == [block_language(text)]


def test_a_run_of_one_language_asks_langdetect_once(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _counting_langdetect(monkeypatch)
    assert language.block_languages(FRENCH_RUN) == ["fr"] * 4
    assert len(asked) == 1


def test_settled_blocks_between_do_not_end_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _counting_langdetect(monkeypatch)
    page = [FRENCH_RUN[0], "2026-12-05", "Share this article", FRENCH_RUN[1]]
    assert language.block_languages(page) == ["fr", "und", "en", "fr"]
    assert len(asked) == 1


def test_each_script_is_asked_apart_once(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _counting_langdetect(monkeypatch)
    assert language.block_languages([*FRENCH_RUN[:2], RUSSIAN, *FRENCH_RUN[2:]]) == ["fr", "fr", "ru", "fr", "fr"]
    assert len(asked) == 2


def test_a_run_of_two_languages_is_asked_again_by_halves() -> None:
    assert language.block_languages(FRENCH_RUN + GERMAN_RUN) == ["fr"] * 4 + ["de"] * 4
