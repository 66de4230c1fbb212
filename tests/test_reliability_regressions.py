"""Every input that ever broke the library (``tests/regressions/``) keeps every guarantee now."""

from __future__ import annotations

from pathlib import Path

import pytest

from reliability_regressions import INPUTS, case_files, load
from watchdog import run_cases

CASE_LIMIT = 60.0
"""Seconds one case may take: each parses in well under one, or runs a pattern over a few
thousand characters in milliseconds; the bugs they keep took minutes. Generous, and finite."""


def test_every_regression_case_keeps_the_guarantees() -> None:
    files = case_files()
    count, bad = run_cases([str(Path(__file__).with_name("reliability_regressions.py"))], limit=CASE_LIMIT)
    assert count == len(files)
    assert [(files[o.index].name, o.what, o.detail) for o in bad] == []


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_every_regression_case_says_what_broke_and_holds_one_input(path: Path) -> None:
    case = load(path)
    assert all(isinstance(case.get(key), str) and case[key] for key in ("comment", "found_by", "fixed_in"))
    assert [key for key in INPUTS if key in case] in ([key] for key in INPUTS)
