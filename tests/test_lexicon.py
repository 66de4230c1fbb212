"""The cue lexicons: the choice syntax of their lines, and the classes of phrases they stand for.

The cases live in ``tests/cases/cues.json`` (format in ``tests/cases/README.md``): a line, the
cue it must or must not raise, checked on the line's features as the pipeline measures them.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from bilingual_news import normalize
from bilingual_news.features import Features, extract
from bilingual_news.lexicon import expand
from bilingual_news.split import Unit, split
from helpers import CASES

CUE_CASES: list[dict[str, Any]] = json.loads((CASES / "cues.json").read_text(encoding="utf-8"))["cases"]


def _measured(text: str) -> list[tuple[Unit, Features]]:
    units = split(normalize(text))
    return list(zip(units, extract(units), strict=True))


def _raises(cue: str, unit: Unit, f: Features) -> bool:
    if cue == "tail":
        return unit.fused == "chrome_tail"
    value = {
        "disclaimer": f.disclaimer_cue,
        "caption": f.caption_cue,
        "chrome": f.chrome_cue,
        "prompt": f.prompt_cue,
        "section": f.section_cue,
        "credit": f.credit,
        "nav": f.nav_cue,
        "counter": f.counter,
        "footer": f.footer_cue,
        "metadata": f.metadata_field is not None,
    }[cue]
    return bool(value)


@pytest.mark.parametrize("case", [pytest.param(c, id=c["label"]) for c in CUE_CASES])
def test_cue_case(case: dict[str, Any]) -> None:
    measured = _measured(case["text"])
    assert any(_raises(case["cue"], unit, f) for unit, f in measured) == case["expected"]


def test_cue_case_labels_are_unique() -> None:
    labels = [c["label"] for c in CUE_CASES]
    assert len(labels) == len(set(labels))


def test_choices_give_every_combination_in_order() -> None:
    assert expand("{禁止|谢绝}{商业|}转载") == ["禁止商业转载", "禁止转载", "谢绝商业转载", "谢绝转载"]


def test_line_without_choices_is_one_cue() -> None:
    assert expand("版权所有") == ["版权所有"]


def test_choices_that_meet_give_one_cue_once() -> None:
    assert expand("{a|}{a|}b") == ["aab", "ab", "b"]


@pytest.mark.parametrize("line", ["{a|b", "a}b", "{a{b}}"])
def test_unbalanced_brace_is_refused(line: str) -> None:
    with pytest.raises(ValueError, match="unbalanced brace"):
        expand(line)


def test_every_lexicon_line_expands_to_cues_without_braces() -> None:
    folder = resources.files("bilingual_news.lexicon")
    for entry in folder.iterdir():
        if not entry.name.endswith(".txt"):
            continue
        for line in entry.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                cues = expand(line)
                assert cues, (entry.name, line)
                assert not any("{" in c or "}" in c or c.endswith("\t") for c in cues), (entry.name, line)
