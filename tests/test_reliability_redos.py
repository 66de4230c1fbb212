"""Bounded: no regular expression of the library backtracks catastrophically.

Every pattern is found programmatically (``reliability_patterns.library_patterns``), so a
pattern added later is tried too, and each is run over long runs of the characters it repeats
in a child process under a per-case time limit (``watchdog.run_cases``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import regex

import bilingual_news
from reliability_patterns import RUN, attack_inputs, library_patterns
from watchdog import run_cases

CASE_LIMIT = 20.0
"""Seconds one pattern may take over one input of ``RUN`` characters. A linear scan takes
milliseconds and the slowest quadratic one about a second; a cubic or exponential one takes
minutes to ages. Generous for a busy CI machine, and finite."""

SOURCE = Path(bilingual_news.__file__).resolve().parent


def test_no_pattern_backtracks_catastrophically_on_long_runs() -> None:
    found = library_patterns()
    cases = [(f.where, f.pattern.pattern, what) for f in found for what, _ in attack_inputs(f.pattern)]
    count, bad = run_cases([str(Path(__file__).with_name("reliability_patterns.py"))], limit=CASE_LIMIT)
    assert count == len(cases)
    assert [(*cases[o.index], o.what, o.detail) for o in bad] == []


def _module_level_pattern_names() -> set[str]:
    """``module.NAME`` of every module-level assignment of a compiled pattern in the source,
    read from the syntax tree: ``NAME = re.compile(...)``, ``regex.compile``, ``LazyPattern``."""
    names = set()
    for path in SOURCE.glob("*.py"):
        module = f"bilingual_news.{path.stem}"
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target, value = None, None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign):
                target, value = node.target, node.value
            if not (isinstance(target, ast.Name) and isinstance(value, ast.Call)):
                continue
            func = value.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
            if (owner in ("re", "regex") and called == "compile") or called in ("LazyPattern", "_Lazy"):
                names.add(f"{module}.{target.id}")
    return names


def test_every_module_level_pattern_is_found() -> None:
    found = library_patterns()
    sources = {(f.pattern.pattern, f.pattern.flags) for f in found}
    missing = []
    for name in sorted(_module_level_pattern_names()):
        module, _, attr = name.rpartition(".")
        value = getattr(__import__(module, fromlist=[attr]), attr)
        compiled = getattr(value, "compiled", None) or (
            regex.compile(value._source, value._flags) if hasattr(value, "_source") else value
        )
        if isinstance(compiled.pattern, bytes):  # found as the same pattern over text
            compiled = re.compile(compiled.pattern.decode("latin-1"), compiled.flags)
        if (compiled.pattern, compiled.flags) not in sources:
            missing.append(name)
    assert missing == []


def test_patterns_inside_records_and_loaders_are_found() -> None:
    wheres = {f.where for f in library_patterns()}
    # A loader's record (features' cue patterns) and a normalization rule's pattern.
    assert any(w.startswith("bilingual_news.features._cues().") for w in wheres)
    assert any(".pattern" in w and w.startswith("bilingual_news.normalize.") for w in wheres)


def test_the_attack_inputs_are_runs_of_what_a_pattern_repeats() -> None:
    texts = dict(attack_inputs(regex.compile(r"(?:\s*[:：]+)+$")))
    assert texts[f"' ' * {RUN}"] == " " * RUN
    assert texts[f"':' * {RUN} + STOP"] == ":" * RUN + "\x00"
    assert f"'：' * {RUN}" in texts
