"""The test data is written for the tests: none of it shares a long run with a labelled page.

The labelled pages (``../shared/corpus/dev``) are other people's text; the cases under
``tests/cases``, the regressions, the texts written in the test modules and the examples in the
documentation (``docs/*.md``) must not copy them, not even edited. This test looks for what
copying leaves: a run of twelve characters that are nearly all Chinese, or six English words in
a row, found both in the test data or the docs and in a page's ``raw.txt``. The example page
(``examples/seed.txt``, the corpus's ``seed``) ships with the library and may be quoted;
so may the stock chrome phrases of :data:`STOCK`.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import regex

from helpers import CASES, EXAMPLES, corpus_pages, needs_corpus

TESTS = Path(__file__).resolve().parent
DOCS = TESTS.parent / "docs"

HAN_RUN = 12
"""Characters in a row (blanks left out) that make a copied Chinese run: a long clause, longer
than the set phrases two writers share (``加大研发投入``, ``信息来源于网络``)."""
HAN_MIN = 10
"""Of those, how many must be Chinese, so that a run of digits and punctuation is no hit."""
WORD_RUN = 6
"""English words in a row that make a copied run: longer than a stock phrase or a name."""

STOCK = ("扫一扫在手机打开当前页", "all rights reserved", "skip to content")
"""Chrome phrases many sites print word for word: quoting them copies a template, no one's text."""

_HAN = regex.compile(r"\p{Han}")
_BLANKS = regex.compile(r"\s+")
_WORD = regex.compile(r"[\p{Latin}\d][\p{Latin}\d'’\-]*")


def _han_runs(text: str) -> set[str]:
    flat = _BLANKS.sub("", text)
    return {
        flat[i : i + HAN_RUN]
        for i in range(len(flat) - HAN_RUN + 1)
        if len(_HAN.findall(flat[i : i + HAN_RUN])) >= HAN_MIN
    }


def _word_runs(text: str) -> set[tuple[str, ...]]:
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    runs = (tuple(words[i : i + WORD_RUN]) for i in range(len(words) - WORD_RUN + 1))
    return {run for run in runs if not all(w.isdigit() for w in run)}  # a numbered list is no one's text


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _test_texts() -> Iterator[tuple[str, str]]:
    """``(where, text)`` for every text the tests hold (data files and string literals) and
    every page of the documentation."""
    for path in sorted(DOCS.rglob("*.md")):
        yield f"docs/{path.relative_to(DOCS)}", path.read_text(encoding="utf-8")
    for path in sorted(TESTS.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        where = str(path.relative_to(TESTS))
        if path.suffix == ".json":
            for text in _strings(json.loads(path.read_text(encoding="utf-8"))):
                yield where, text
        elif path.suffix in (".txt", ".html", ".md"):
            yield where, path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".py" and path.name != Path(__file__).name:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= HAN_RUN:
                    yield f"{where}:{node.lineno}", node.value


def _shipped(text: str) -> str:
    for phrase in STOCK:
        text = regex.sub(regex.escape(phrase), "\n", text, flags=regex.IGNORECASE)
    return text


@needs_corpus
def test_no_case_copies_a_labelled_page() -> None:
    seed = (EXAMPLES / "seed.txt").read_text(encoding="utf-8")
    allowed_han, allowed_words = _han_runs(seed), _word_runs(seed)
    pages = {
        page.name: (_han_runs(text), _word_runs(text))
        for page in corpus_pages()
        if page.name != "seed"
        for text in [_shipped(page.joinpath("raw.txt").read_text(encoding="utf-8", errors="replace"))]
    }
    copied = []
    for where, text in _test_texts():
        text = _shipped(text)
        han, words = _han_runs(text) - allowed_han, _word_runs(text) - allowed_words
        for name, (page_han, page_words) in pages.items():
            shared = sorted(han & page_han) + [" ".join(run) for run in sorted(words & page_words)]
            if shared:
                copied.append(f"{where} shares with {name}: {shared[:3]}")
    assert not copied, "\n".join(copied)


def test_runs_are_found() -> None:
    text = "他在发布会上表示，今年还将继续扩大开放。 The ministry said on Monday that trade grew."
    assert "表示，今年还将继续扩大开" in _han_runs(text)
    assert not _han_runs("2024年05月13日 09:08:00 第1页")  # twelve characters in a row, few of them Chinese
    assert ("the", "ministry", "said", "on", "monday", "that") in _word_runs(text)
    assert not _word_runs("1 2 3 4 5 6 7")


def test_case_files_are_read() -> None:
    where = {w.split(":")[0] for w, _ in _test_texts()}
    assert {"cases/quotes.json", "cases/metadata.json", "cases/segmentation/teaser.txt"} <= where
    assert {"docs/quotes.md", "docs/segmentation.md"} <= where
    assert CASES.is_dir()
