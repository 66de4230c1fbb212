"""normalize(): the data-file cases, the clean texts, the rules' own examples, the properties of
edits and offsets on generated text, the seed page, the labelled corpus and the CLI subcommand.

The cases live in ``tests/cases/normalize.json`` and ``tests/cases/normalize_clean.json``
(format: ``tests/cases/README.md``).
"""

from __future__ import annotations

import gc
import io
import json
import re
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import NormalizeOptions
from bilingual_news.cli import main
from bilingual_news.normalize import Normalized, normalize
from bilingual_news.offsets import apply_edits
from helpers import CASES, ROOT, corpus_pages, load_gold, needs_corpus

NORMALIZE = sys.modules["bilingual_news.normalize"]  # the module (``bilingual_news.normalize`` is the function)
RULES = NORMALIZE.RULES
RULE_NAMES = NORMALIZE.RULE_NAMES


def _load(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((CASES / name).read_text(encoding="utf-8"))
    return data


CASE_DATA = _load("normalize.json")
CLEAN_DATA = _load("normalize_clean.json")


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=case["label"], marks=marks)


def _options(case: dict[str, Any]) -> NormalizeOptions:
    given_ = case.get("options", {})
    return NormalizeOptions(
        disabled=frozenset(given_.get("disabled", ())), fullwidth_ascii=given_.get("fullwidth_ascii", False)
    )


def _rules_fired(result: Normalized) -> set[str]:
    return {name for edit in result.edits for name in edit.rule.split("+")}


# ------------------------------------------------------------------ the data files


def test_case_files_are_well_formed() -> None:
    labels = [c["label"] for c in CASE_DATA] + [c["label"] for c in CLEAN_DATA]
    assert len(labels) == len(set(labels)), "labels must be unique"
    for case in CASE_DATA:
        assert {"label", "comment", "raw", "expected", "rules"} <= case.keys(), case["label"]
        assert set(case["rules"]) <= RULE_NAMES, case["label"]
    for case in CLEAN_DATA:
        assert {"label", "comment", "text"} <= case.keys(), case["label"]


def test_every_rule_has_a_passing_case() -> None:
    covered = {rule for case in CASE_DATA if "xfail" not in case for rule in case["rules"]}
    assert covered == RULE_NAMES


@pytest.mark.parametrize("case", [_param(c) for c in CASE_DATA])
def test_case_is_repaired(case: dict[str, Any]) -> None:
    result = normalize(case["raw"], _options(case))
    assert result.text == case["expected"]


@pytest.mark.parametrize("case", [_param(c) for c in CASE_DATA])
def test_case_fires_the_expected_rules(case: dict[str, Any]) -> None:
    result = normalize(case["raw"], _options(case))
    assert _rules_fired(result) == set(case["rules"])


@pytest.mark.parametrize("case", [pytest.param(c, id=c["label"]) for c in CASE_DATA if "warnings" in c])
def test_case_warns(case: dict[str, Any]) -> None:
    warnings = normalize(case["raw"], _options(case)).warnings
    for expected in case["warnings"]:
        assert any(expected in w for w in warnings), (expected, warnings)


@pytest.mark.parametrize("case", [pytest.param(c, id=c["label"]) for c in CASE_DATA])
def test_case_edits_replay(case: dict[str, Any]) -> None:
    result = normalize(case["raw"], _options(case))
    assert apply_edits(case["raw"], result.edits) == result.text


@pytest.mark.parametrize("case", [pytest.param(c, id=c["label"]) for c in CLEAN_DATA])
def test_clean_text_comes_back_unchanged(case: dict[str, Any]) -> None:
    result = normalize(case["text"])
    assert (result.text, result.edits) == (case["text"], ())


# ------------------------------------------------------------------ the registry


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_examples(rule: Any) -> None:
    options = NormalizeOptions(fullwidth_ascii=True)
    assert rule.examples, f"{rule.name} has no examples"
    for raw, expected in rule.examples:
        result = normalize(raw, options)
        assert result.text == expected
        assert rule.name in _rules_fired(result)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_is_documented(rule: Any) -> None:
    assert rule.doc
    assert "\n" not in rule.doc
    assert f"`{rule.name}`" in (ROOT / "docs" / "normalization.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_disabled_rule_does_not_fire(rule: Any) -> None:
    options = NormalizeOptions(disabled=frozenset({rule.name}), fullwidth_ascii=True)
    for raw, _ in rule.examples:
        assert rule.name not in _rules_fired(normalize(raw, options))


def test_unknown_rule_name_is_refused() -> None:
    with pytest.raises(ValueError, match=r"expected rule names from .*got \['no_such_rule'\]"):
        normalize("text", NormalizeOptions(disabled=frozenset({"no_such_rule"})))


def test_fullwidth_ascii_is_off_by_default() -> None:
    assert NormalizeOptions().fullwidth_ascii is False
    assert normalize("ＡＢＣ１２３").text == "ＡＢＣ１２３"


def test_ftfy_is_not_imported_for_clean_text() -> None:
    code = "import sys, bilingual_news; bilingual_news.normalize('clean text'); print('ftfy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------------ properties

ARTIFACTS = [
    "Xi/'s",
    "countries/'",
    "/'",
    '/"',
    "&amp;#39;",
    "&amp;quot;",
    "&quot;",
    "&nbsp;",
    "&#x4e2d;",
    "&",
    "AT&T",
    "Q&A",
    "\\u2019",
    "\\u4e2d",
    "\\'",
    '\\"',
    "\\",
    "â€™",
    "ä¸\u00ad",
    "Ã©",
    "Â",
    "é",
    "鍖椾含",
    "鈥檚",
    "鈥渨",
    "鈥\ufffd",
    "骞\ufffd",
    "抯",
    "揟",
    "閽",
    "燦",
    "\ufffd",
    "锟斤拷",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00ad",
    "\x00",
    "\x1b[0m",
    "\r\n",
    "\r",
    "網(wǎng)",
    "的(de)",
    "(",
    ")",
    "ＡＢ１",
    "http://a.b/c/'d",
    "中文",
    "English",
    " ",
    "\n",
    "，",
    "“",
    "'",
    ";",
    "#",
    "u",
]
texts = st.lists(st.one_of(st.sampled_from(ARTIFACTS), st.text(max_size=6)), max_size=24).map("".join)
options = st.builds(NormalizeOptions, fullwidth_ascii=st.booleans())
PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(texts, options)
def test_idempotent(raw: str, opts: NormalizeOptions) -> None:
    once = normalize(raw, opts).text
    assert normalize(once, opts).text == once


@PROPERTY_SETTINGS
@given(texts, options)
def test_edits_replay_to_the_text(raw: str, opts: NormalizeOptions) -> None:
    result = normalize(raw, opts)
    assert apply_edits(raw, result.edits) == result.text


@PROPERTY_SETTINGS
@given(texts)
def test_edits_state_their_raw_text(raw: str) -> None:
    for edit in normalize(raw).edits:
        assert edit.before == raw[edit.span.start : edit.span.end]
        assert edit.before != edit.after


@PROPERTY_SETTINGS
@given(texts)
def test_edits_are_sorted_and_disjoint(raw: str) -> None:
    edits = normalize(raw).edits
    for a, b in pairwise(edits):
        assert a.span.end <= b.span.start


@PROPERTY_SETTINGS
@given(texts)
def test_offsets_are_monotonic(raw: str) -> None:
    result = normalize(raw)
    for end in (False, True):
        to_raw = [result.to_raw(i, end=end) for i in range(len(result.text) + 1)]
        to_norm = [result.to_normalized(i, end=end) for i in range(len(raw) + 1)]
        assert to_raw == sorted(to_raw)
        assert to_norm == sorted(to_norm)
        assert to_raw[0] >= 0
        assert to_raw[-1] <= len(raw)
        assert to_norm[-1] == len(result.text)


@PROPERTY_SETTINGS
@given(texts)
def test_offsets_round_trip_outside_edits(raw: str) -> None:
    result = normalize(raw)
    inside: set[int] = set()
    shift = 0
    for edit in result.edits:
        start = edit.span.start + shift
        inside.update(range(start + 1, start + len(edit.after)))
        shift += len(edit.after) - len(edit.span)
    for i in range(len(result.text) + 1):
        if i not in inside:
            assert result.to_normalized(result.to_raw(i)) == i


@PROPERTY_SETTINGS
@given(texts)
def test_characters_outside_edits_map_to_themselves(raw: str) -> None:
    result = normalize(raw)
    edited: set[int] = set()
    shift = 0
    for edit in result.edits:
        start = edit.span.start + shift
        edited.update(range(start, start + len(edit.after)))
        shift += len(edit.after) - len(edit.span)
    for i in range(len(result.text)):
        if i not in edited:
            assert raw[result.to_raw(i)] == result.text[i]


CLEAN_ASCII = st.text(alphabet=st.sampled_from(list("abcXYZ019 \n\t.,;:!?()-'\"/&@%$+=*")), max_size=80)


@PROPERTY_SETTINGS
@given(CLEAN_ASCII)
def test_clean_ascii_is_unchanged(text: str) -> None:
    assume(not re.search(r"/['\"]|&[#A-Za-z0-9]+;", text))
    assert normalize(text).text == text


HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
CLEAN_CHINESE = st.text(alphabet=st.sampled_from(list(HAN + "，。、：；“”（）《》！？\u30000123456789\n")), max_size=80)


@PROPERTY_SETTINGS
@given(CLEAN_CHINESE)
def test_clean_chinese_is_unchanged(text: str) -> None:
    assert normalize(text).text == text


# Linear, not quadratic: ten times the input may take about ten times as long, a quadratic
# runner a hundred times. The bound (four times the linear growth) and the floor under the small
# run's time leave room for a loaded machine: the two sizes are timed in turn, so that a burst of
# load slows both, and the best of five of each is kept. The garbage collector is paused while
# timing: its pauses depend on the whole test session, not on the input.
SCALE = 10
MAX_SCALING = 4 * SCALE
"""Allowed growth of the run time when the input grows :data:`SCALE` times."""
MIN_SMALL_SECONDS = 1e-3
"""Floor under the small input's time: below it, timer resolution and noise dominate."""


@pytest.mark.parametrize("unit", ["a/'", "Xi/'s ", "&amp;", "\u00a0x"])
def test_many_artifacts_cost_linear_time(unit: str) -> None:
    small_text, large_text = unit * 2_000, unit * 2_000 * SCALE
    best = {small_text: float("inf"), large_text: float("inf")}
    for _ in range(5):
        for text in best:
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                normalize(text)
                best[text] = min(best[text], time.perf_counter() - start)
            finally:
                gc.enable()
    assert best[large_text] <= MAX_SCALING * max(best[small_text], MIN_SMALL_SECONDS)


# ------------------------------------------------------------------ real pages


def test_seed_gets_its_four_slash_apostrophes_fixed(seed_text: str) -> None:
    result = normalize(seed_text)
    owners = [re.search(r"\w+$", seed_text[: e.span.start]).group() for e in result.edits]  # type: ignore[union-attr]
    assert [(e.rule, e.before, e.after) for e in result.edits] == [("slash_apostrophe", "/'", "'")] * 6
    assert sorted(owners) == sorted(["Xi", "Xi", "countries", "Russia", "Jinping", "Jinping"])


@needs_corpus
@pytest.mark.parametrize("page", [pytest.param(p, id=p.name) for p in corpus_pages()])
def test_corpus_fixes_are_repaired_by_parse(page: Path) -> None:
    raw = (page / "raw.txt").read_text(encoding="utf-8")
    text = "\n".join(block.text for block in bilingual_news.parse(raw).blocks)
    for before, after in load_gold(page).get("fixes", []):
        assert after in text, after
        assert before in after or before not in text, before


# ------------------------------------------------------------------ the CLI subcommand


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_cli_normalize_prints_the_clean_text(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    page = tmp_path / "page.txt"
    page.write_text("President Xi/'s visit\r\n", encoding="utf-8")
    assert main(["normalize", str(page)]) == 0
    assert capsysbinary.readouterr().out == b"President Xi's visit\n"


def test_cli_normalize_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    _stdin(monkeypatch, b"Q&amp;A")
    assert main(["normalize", "-"]) == 0
    assert capsysbinary.readouterr().out == b"Q&A"


def test_cli_normalize_explains_on_standard_error(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    _stdin(monkeypatch, b"Xi/'s")
    assert main(["normalize", "-", "--explain"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out == b"Xi's"
    assert captured.err.decode("utf-8") == '2:4\tslash_apostrophe\t"/\'" \u2192 "\'"\n'


def test_cli_normalize_disables_a_rule(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    _stdin(monkeypatch, b"Xi/'s")
    assert main(["normalize", "-", "--disable", "slash_apostrophe"]) == 0
    assert capsysbinary.readouterr().out == b"Xi/'s"


def test_cli_normalize_missing_file_exits_1_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "no/such/page.txt"]) == 1
    assert capsys.readouterr().err == "bilingual-news: no/such/page.txt: no such file\n"


def test_cli_normalize_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "-", "--disable", "no_such_rule"]) == 2
    assert "invalid choice: 'no_such_rule'" in capsys.readouterr().err
