"""bilingual_news.testing: synthetic pages with their gold, assert_matches, the pytest plugin."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import bilingual_news
from bilingual_news import evaluate, testing
from bilingual_news.testing import MIXES, PATTERNS, SyntheticPage, assert_matches, make_page
from helpers import corpus_dir

pytest_plugins = ["pytester"]

ROUND_TRIP_SEEDS = 500
"""Seeds of the round trip: every mix and pattern shows up, most many times (the rarest,
``lead_one_sentence_caption``, three times)."""


def _segment_spans(page: SyntheticPage) -> list[tuple[int, int]]:
    spans = []
    at = 0
    for _, text in page.gold["segments"]:
        start = page.raw.find(text, at)
        assert start >= 0, f"segment {text!r} is not in the raw text after position {at}"
        at = start + len(text)
        spans.append((start, at))
    return spans


# ----------------------------------------------------------------------------------- make_page
def test_the_same_seed_gives_the_same_page() -> None:
    assert make_page(seed=11) == make_page(seed=11)
    assert make_page(seed=11, mix="b") == make_page(seed=11, mix="b")


def test_the_same_seed_gives_the_same_page_in_another_process() -> None:
    code = "import json, bilingual_news.testing as t; p = t.make_page(seed=11); print(json.dumps([p.raw, p.gold]))"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    page = make_page(seed=11)
    assert json.loads(out) == [page.raw, page.gold]


def test_different_seeds_give_different_pages() -> None:
    assert len({make_page(seed=s).raw for s in range(20)}) == 20


def test_make_page_leaves_the_global_random_state_alone() -> None:
    random.seed(1234)
    before = random.getstate()
    make_page(seed=5)
    assert random.getstate() == before


def test_segments_are_substrings_in_order_covering_every_non_blank_character_once() -> None:
    for seed in range(200):
        page = make_page(seed=seed)
        covered = bytearray(len(page.raw))
        for start, end in _segment_spans(page):
            assert not any(covered[start:end]), f"seed {seed}: segments overlap at {start}"
            covered[start:end] = b"\x01" * (end - start)
        missed = [i for i, ch in enumerate(page.raw) if not covered[i] and not ch.isspace()]
        assert missed == [], f"seed {seed}: non-blank characters outside every segment at {missed[:5]}"


def test_segments_have_valid_roles_and_no_surrounding_blanks() -> None:
    roles = {kind.value for kind in bilingual_news.Kind}
    for seed in range(200):
        for role, text in make_page(seed=seed).gold["segments"]:
            assert role in roles
            assert text
            assert text == text.strip()


def test_the_gold_headline_is_a_headline_segment() -> None:
    for seed in range(100):
        gold = make_page(seed=seed).gold
        assert ["headline", gold["headline"]] in gold["segments"]


def test_every_fix_names_text_of_the_raw_page() -> None:
    pages = [make_page(seed=s) for s in range(100)]
    fixes = [(page, before) for page in pages for before, _ in page.gold["fixes"]]
    assert len(fixes) > 50
    assert all(before in page.raw for page, before in fixes)


@pytest.mark.parametrize("mix", MIXES)
def test_each_mix_puts_its_languages_where_they_belong(mix: str) -> None:
    page = make_page(seed=3, mix=mix)
    body = " ".join(text for role, text in page.gold["segments"] if role == "paragraph")
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in body)
    assert (han > len(body) / 2) == (mix in ("b", "c"))
    nav = " ".join(text for role, text in page.gold["segments"] if role == "nav")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in nav) == (mix in ("a", "c"))
    assert page.gold["mix"] == mix
    assert page.id == f"synthetic-{mix}-3"


def test_an_unknown_mix_is_refused() -> None:
    with pytest.raises(ValueError, match="got 'd'"):
        make_page(seed=1, mix="d")


def test_paragraphs_out_of_range_are_refused() -> None:
    with pytest.raises(ValueError, match="got 9"):
        make_page(seed=1, paragraphs=9)


def test_paragraphs_sets_the_number_of_paragraphs() -> None:
    for n in (1, 4, 6):
        roles = [role for role, _ in make_page(seed=8, paragraphs=n).gold["segments"]]
        assert roles.count("paragraph") == n


def test_without_artifacts_a_page_has_no_fixes_and_no_escapes() -> None:
    for seed in range(100):
        page = make_page(seed=seed, artifacts=False)
        assert page.gold["fixes"] == []
        assert not any(mark in page.raw for mark in ("/'", "\\'", "&quot;", "&#39;", "&ldquo;", "\u200b", "\r"))


def test_blank_lines_false_gives_none_and_true_gives_one_between_all_lines() -> None:
    assert "\n\n" not in make_page(seed=2, blank_lines=False, artifacts=False).raw
    lines = make_page(seed=2, blank_lines=True, artifacts=False).raw.split("\n")
    assert all(line.strip() for line in lines[0:-1:2])
    assert not any(line.strip() for line in lines[1:-1:2])


def test_patterns_name_only_documented_patterns() -> None:
    seen: set[str] = set()
    for seed in range(300):
        seen |= make_page(seed=seed).patterns
    assert seen <= set(PATTERNS)
    assert len(seen) >= len(PATTERNS) - 2  # nearly every pattern shows up in a few hundred pages


def test_save_writes_pages_that_evaluate_reads(tmp_path: Path) -> None:
    pages = [make_page(seed=s) for s in (1, 2, 3)]
    for page in pages:
        folder = page.save(tmp_path / page.id)
        assert testing.load_gold(folder) == page.gold
        assert (folder / "raw.txt").read_bytes() == page.raw.encode("utf-8")
    result = evaluate.evaluate(tmp_path)
    assert [p.id for p in result.pages] == sorted(page.id for page in pages)
    assert result.totals["failed"] == 0
    assert result.totals["body_f1"] > 0.9


def _score_py() -> Path | None:
    base = corpus_dir()
    script = base.parent / "score.py" if base else None
    return script if script and script.is_file() else None


@pytest.mark.skipif(_score_py() is None, reason="the corpus's score.py (../shared/corpus) is absent")
def test_save_writes_pages_that_score_py_reads(tmp_path: Path) -> None:
    for seed in (1, 2):
        page = make_page(seed=seed)
        page.save(tmp_path / page.id)
    command = [sys.executable, str(_score_py()), "--gold", str(tmp_path), "--api", "--json", "-q"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    totals = json.loads(out.strip().splitlines()[-1])
    assert totals["pages"] == 2
    assert totals["failed"] == 0


def test_load_gold_is_the_evaluation_one() -> None:
    assert testing.load_gold is evaluate.load_gold


# ------------------------------------------------------------------------------- assert_matches
def _parsed(seed: int) -> tuple[bilingual_news.Document, dict[str, Any]]:
    page = make_page(seed=seed, mix="e")
    return bilingual_news.parse(page.raw), json.loads(json.dumps(page.gold))


def test_assert_matches_passes_a_matching_document() -> None:
    doc, gold = _parsed(1)
    assert_matches(doc, gold)


def test_assert_matches_shows_a_wrong_role_as_a_diff() -> None:
    doc, gold = _parsed(1)
    index = next(i for i, (role, _) in enumerate(gold["segments"]) if role == "paragraph")
    text = gold["segments"][index][1]
    gold["segments"][index][0] = "caption"
    with pytest.raises(AssertionError) as info:
        assert_matches(doc, gold, headline=False, quotes=False)
    message = str(info.value)
    assert message.startswith(f"{gold['id']} does not match its gold:\nroles differ (- gold, + parsed):")
    assert f"-caption    {text[:40]}" in message
    assert f"+paragraph  {text[:40]}" in message


def test_assert_matches_shows_both_headlines() -> None:
    doc, gold = _parsed(1)
    gold["headline"] = "Another Title Altogether"
    with pytest.raises(AssertionError) as info:
        assert_matches(doc, gold, roles=False, quotes=False)
    assert "headline differs:\n  gold:   'Another Title Altogether'\n  parsed: " in str(info.value)


def test_assert_matches_shows_a_missing_quote() -> None:
    seed = next(s for s in range(100) if make_page(seed=s, mix="e").gold["quotes"])
    doc, gold = _parsed(seed)
    dropped = gold["quotes"].pop(0)
    with pytest.raises(AssertionError) as info:
        assert_matches(doc, gold, roles=False, headline=False)
    speaker = dropped["speaker"] or "(term)"
    assert f"+{speaker}: {dropped['text'][:30]}" in str(info.value)


def test_assert_matches_ignores_case_and_punctuation_of_quotes() -> None:
    seed = next(s for s in range(100) if make_page(seed=s, mix="e").gold["quotes"])
    doc, gold = _parsed(seed)
    for quote in gold["quotes"]:
        quote["text"] = quote["text"].upper() + ","
    assert_matches(doc, gold, roles=False, headline=False)


def test_assert_matches_refuses_the_gold_of_another_page() -> None:
    doc, _ = _parsed(1)
    with pytest.raises(AssertionError, match="is this the gold of another page"):
        assert_matches(doc, make_page(seed=2, mix="c").gold)


# ------------------------------------------------------------------------------- the round trip
def test_the_library_matches_its_synthetic_pages() -> None:
    failures = []
    for seed in range(ROUND_TRIP_SEEDS):
        page = make_page(seed=seed)
        try:
            assert_matches(bilingual_news.parse(page.raw), page.gold)
        except AssertionError as exc:
            failures.append(f"seed {seed} ({', '.join(sorted(page.patterns))}):\n{exc}")
    assert not failures, f"{len(failures)} of {ROUND_TRIP_SEEDS} pages differ from their gold:\n\n" + "\n\n".join(
        failures[:3]
    )


def test_the_round_trip_meets_every_pattern() -> None:
    seen: set[str] = set()
    for seed in range(ROUND_TRIP_SEEDS):
        seen |= make_page(seed=seed).patterns
    assert sorted(set(PATTERNS) - seen) == []


# ------------------------------------------------------------------------------- the plugin
def test_importing_the_library_does_not_import_pytest() -> None:
    code = "import sys, bilingual_news, bilingual_news.testing; print('pytest' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def _run_plugin(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.RunResult:
    """Run pytest in ``pytester``'s folder with the plugin alone, named by its entry point (the
    other installed plugins are left out: loading them all takes most of a second)."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "bilingual_news", "--strict-markers")


def test_plugin_is_loaded_by_its_entry_point(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_fixture_is_there(bilingual_page):
            assert bilingual_page.raw
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_plugin_gives_each_test_its_own_page(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(
        """
        import bilingual_news
        from bilingual_news.testing import SyntheticPage, assert_matches

        SEEN = []

        def test_one(bilingual_page):
            assert isinstance(bilingual_page, SyntheticPage)
            SEEN.append(bilingual_page.id)

        def test_two(bilingual_page):
            SEEN.append(bilingual_page.id)
            assert SEEN[0] != SEEN[1]
        """
    )
    _run_plugin(pytester, monkeypatch).assert_outcomes(passed=2)


def test_plugin_marker_chooses_the_page(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.bilingual_page(seed=3, mix="c", paragraphs=2)
        def test_marked(bilingual_page):
            assert bilingual_page.id == "synthetic-c-3"
            assert [r for r, _ in bilingual_page.gold["segments"]].count("paragraph") == 2
        """
    )
    _run_plugin(pytester, monkeypatch).assert_outcomes(passed=1)


def test_plugin_page_can_be_parametrized_indirectly(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.parametrize("bilingual_page", [4, {"seed": 5, "mix": "e"}], indirect=True)
        def test_pages(bilingual_page):
            assert bilingual_page.id in ("synthetic-" + bilingual_page.gold["mix"] + "-4", "synthetic-e-5")
        """
    )
    _run_plugin(pytester, monkeypatch).assert_outcomes(passed=2)


def test_plugin_page_factory_makes_a_run_of_pages(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(
        """
        import bilingual_news
        from bilingual_news.testing import assert_matches

        def test_factory(page_factory):
            pages = [page_factory(mix="e") for _ in range(3)]
            assert len({p.id for p in pages}) == 3
            assert all(p.gold["mix"] == "e" for p in pages)
            assert page_factory(seed=9).id.endswith("-9")
        """
    )
    _run_plugin(pytester, monkeypatch).assert_outcomes(passed=1)
