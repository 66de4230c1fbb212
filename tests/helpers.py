"""Helpers shared by the tests (importable as ``helpers``: ``tests`` is on pytest's pythonpath).

The labelled pages live outside the repository (``../shared/corpus/dev``, or the folder named
by ``BILINGUAL_NEWS_CORPUS``); tests that need them are skipped when it is absent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CASES = Path(__file__).resolve().parent / "cases"


def corpus_dir() -> Path | None:
    """The folder of labelled pages, or ``None`` when it is not on this machine."""
    env = os.environ.get("BILINGUAL_NEWS_CORPUS")
    path = Path(env) if env else ROOT.parent / "shared" / "corpus" / "dev"
    return path if path.is_dir() else None


def corpus_pages() -> list[Path]:
    """Every labelled page folder (with raw.txt and gold.json), sorted; empty without a corpus."""
    base = corpus_dir()
    if base is None:
        return []
    return sorted(p for p in base.iterdir() if (p / "raw.txt").is_file() and (p / "gold.json").is_file())


needs_corpus = pytest.mark.skipif(corpus_dir() is None, reason="the labelled corpus (../shared/corpus/dev) is absent")


def load_gold(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((page / "gold.json").read_text(encoding="utf-8"))
    return data


def uncovered(doc: Any) -> list[int]:
    """Raw offsets of non-blank characters no block covers (blank: white space, or text an edit
    removed entirely). Empty for a lossless document."""
    covered = bytearray(len(doc.raw))
    for block in doc.blocks:
        covered[block.span.start : block.span.end] = b"\x01" * len(block.span)
    for edit in doc.edits:
        if not edit.after.strip():
            covered[edit.span.start : edit.span.end] = b"\x01" * len(edit.span)
    return [i for i, ch in enumerate(doc.raw) if not covered[i] and not ch.isspace()]


def overlapping(doc: Any) -> list[tuple[int, int]]:
    """Pairs of consecutive block indexes whose spans overlap or run out of order."""
    spans = [b.span for b in doc.blocks]
    return [(i, i + 1) for i in range(len(spans) - 1) if spans[i].end > spans[i + 1].start]


def split_at_marks(
    text: str,
    marks: Iterable[Any],
    english: Callable[[Any], str | None],
    ends_english: Callable[[str, int, str, int], bool],
) -> list[tuple[int, int]]:
    """``sentences._split_marked`` written as a plain loop, the oracle its fast forms are tested
    against: ``marks`` are the end marks' matches in ``text``; ``english(m)`` is an English mark's
    text (``None`` for a Chinese one), which ends a sentence where ``ends_english(text, start,
    mark, end)`` says so; a Chinese mark ends one unless the next non-blank character cannot
    start a sentence."""
    from bilingual_news import sentences

    out: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    for m in marks:
        end = m.end()
        if end >= n:
            break
        en = english(m)
        if en is not None:
            if not ends_english(text, m.start(), en, end):
                continue
        else:
            nxt = end
            while nxt < n and text[nxt].isspace():
                nxt += 1
            if nxt < n and text[nxt] in sentences._NO_START:
                continue
        sentences._add(text, start, end, out)
        start = end
    sentences._add(text, start, n, out)
    return out
