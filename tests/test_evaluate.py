"""Evaluation: scores computed as the corpus's score.py computes them, and pinned floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bilingual_news import InputError
from bilingual_news.cli import main
from bilingual_news.evaluate import check_floors, evaluate, read_floors, tokens
from helpers import corpus_dir, needs_corpus

PAGE = (
    "首页 新闻\n\nA Title For The Test Page\n\nThe body says one thing, and then another thing, at length.\n\n下一篇\n"
)
GOLD = {
    "id": "tiny",
    "mix": "a",
    "headline": "A Title For The Test Page",
    "segments": [
        ["nav", "首页 新闻"],
        ["headline", "A Title For The Test Page"],
        ["paragraph", "The body says one thing, and then another thing, at length."],
        ["footer", "下一篇"],
    ],
    "quotes": [],
    "fixes": [],
}


def _folder(tmp_path: Path, gold: dict[str, object], raw: str = PAGE) -> Path:
    page = tmp_path / "gold" / str(gold["id"])
    page.mkdir(parents=True)
    (page / "raw.txt").write_text(raw, encoding="utf-8")
    (page / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path / "gold"


def test_tokens_are_han_characters_and_lowered_words() -> None:
    assert tokens("首页 News&amp;Views Xi/'s") == ["首", "页", "news", "views", "xi", "s"]


def test_a_perfect_page_scores_one(tmp_path: Path) -> None:
    result = evaluate(_folder(tmp_path, GOLD))
    assert result.totals["body_f1"] == 1.0
    assert result.totals["pages_clean"] == 1.0


def test_a_wrong_headline_is_counted(tmp_path: Path) -> None:
    result = evaluate(_folder(tmp_path, {**GOLD, "headline": "Another Title"}))
    assert result.totals["headline_acc"] == 0.0


def test_figures_per_mix_score_each_mix_apart(tmp_path: Path) -> None:
    folder = _folder(tmp_path, GOLD)
    other = {**GOLD, "id": "tiny-b", "mix": "b", "headline": "Another Title"}
    (folder / "tiny-b").mkdir()
    (folder / "tiny-b" / "raw.txt").write_text(PAGE, encoding="utf-8")
    (folder / "tiny-b" / "gold.json").write_text(json.dumps(other), encoding="utf-8")
    result = evaluate(folder)
    assert {m: t["headline_acc"] for m, t in result.by_mix.items()} == {"a": 1.0, "b": 0.0}


def test_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        evaluate(tmp_path / "absent")


def test_folder_without_pages_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="found none"):
        evaluate(tmp_path)


def test_floors_report_the_totals_below_them(tmp_path: Path) -> None:
    result = evaluate(_folder(tmp_path, {**GOLD, "headline": "Another Title"}))
    assert check_floors(result, {"headline_acc": 0.5, "body_f1": 0.9}) == ["headline_acc: 0.0 < 0.5"]


def test_a_floor_on_an_unknown_total_fails(tmp_path: Path) -> None:
    result = evaluate(_folder(tmp_path, GOLD))
    assert check_floors(result, {"body_f2": 0.5}) == ["body_f2: no such numeric total (floor 0.5)"]


def test_floors_file_skips_comment_keys(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text('{"_comment": "why", "body_f1": 0.9}', encoding="utf-8")
    assert read_floors(path) == {"body_f1": 0.9}


def test_floors_file_must_hold_numbers(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text('{"body_f1": "high"}', encoding="utf-8")
    with pytest.raises(InputError, match="expected a number for the floor 'body_f1'"):
        read_floors(path)


def test_cli_evaluate_exits_1_below_a_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, {**GOLD, "headline": "Another Title"})
    floors = tmp_path / "floors.json"
    floors.write_text('{"headline_acc": 0.5}', encoding="utf-8")
    assert main(["evaluate", str(folder), "--floors", str(floors), "-q"]) == 1
    assert "below the floor: headline_acc: 0.0 < 0.5" in capsys.readouterr().err


def test_cli_evaluate_prints_json_totals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(_folder(tmp_path, GOLD)), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pages_clean"] == 1.0


@needs_corpus
def test_totals_agree_with_the_corpus_score_script() -> None:
    corpus = corpus_dir()
    assert corpus is not None
    script = corpus.parent / "score.py"
    proc = subprocess.run(
        [sys.executable, str(script), "--gold", str(corpus), "--api", "-q", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    theirs = json.loads(proc.stdout.strip().splitlines()[-1])
    ours = evaluate(corpus).totals
    assert {k: ours[k] for k in ours} == {k: theirs[k] for k in ours}


@needs_corpus
def test_pinned_floors_hold_on_the_corpus() -> None:
    corpus = corpus_dir()
    assert corpus is not None
    floors = read_floors(Path(__file__).resolve().parents[1] / "benchmarks" / "eval_floors.json")
    assert check_floors(evaluate(corpus), floors) == []
