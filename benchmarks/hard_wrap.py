"""The labelled pages hard-wrapped, as lynx/w3m ``-dump``, ``fmt`` or an e-mail client deliver
them, scored with the same gold (issue 18): a gate with pinned floors, which CI runs.

Each page's ``raw.txt`` is re-rendered at run time (never committed): every line is filled
greedily to a width, as :func:`textwrap.fill` and ``fmt`` do — English broken at a space (the
space dropped), Chinese between any two characters (and between a Chinese character and a Latin
one), a word longer than the width left whole (``fmt``, lynx and w3m do not cut a URL). Short
lines stay as they are, so a page keeps its menus and headings one to a line. Two measures of
the width: ``columns`` counts a wide (East Asian) character as two, as a terminal dump does;
``chars`` counts characters, as :mod:`textwrap` does.

The gate evaluates the renderings in :data:`RENDERINGS`, prints one line for each beside the
unwrapped pages' figures, and exits 1 when a figure is below its floor in
``hard_wrap_floors.json`` (keys ``<rendering>.<figure>``; 2 when the corpus is missing)::

    python benchmarks/hard_wrap.py [CORPUS_DIR]
    python benchmarks/hard_wrap.py --show 80:chars PAGE/raw.txt   # print one rendering
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from _common import DEFAULT_CORPUS

from bilingual_news import parse
from bilingual_news.evaluate import Evaluation, check_floors, evaluate, read_floors

HERE = Path(__file__).resolve().parent

RENDERINGS: tuple[tuple[int, str], ...] = ((72, "columns"), (80, "chars"))
"""The widths and measures the gate scores: a terminal dump at 72 columns, ``textwrap`` at 80."""

FIGURES = ("body_f1", "body_f1_macro", "headline_acc", "speech_quote_recall")
"""The figures printed and held to floors."""


def width_of(text: str, measure: str) -> int:
    """The width of ``text``: characters, or terminal columns (wide characters count two)."""
    if measure == "chars":
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


def _chunks(line: str) -> Iterator[tuple[str, bool]]:
    """The unbreakable pieces of a line, each with whether white space came before it: a run of
    non-space characters without wide ones, or one wide character."""
    space = False
    word = ""
    for c in line:
        if c.isspace():
            if word:
                yield word, space
                word = ""
            space = True
        elif _wide(c):
            if word:
                yield word, space
                word, space = "", False
            yield c, space
            space = False
        else:
            word += c
    if word:
        yield word, space


def wrap_line(line: str, width: int, measure: str) -> list[str]:
    """``line`` filled greedily to ``width``: break at a space (dropping it) or beside a wide
    character; a piece longer than the width stands alone on its line."""
    indent = line[: len(line) - len(line.lstrip())]
    out: list[str] = []
    current = indent
    for chunk, space in _chunks(line):
        candidate = current + (" " if space and current.strip() else "") + chunk
        if current.strip() and width_of(candidate, measure) > width:
            out.append(current)
            current = chunk
        else:
            current = candidate
    if current.strip() or not out:
        out.append(current if current.strip() else line)
    return out


def wrap_page(text: str, width: int, measure: str = "columns") -> str:
    """Every line of ``text`` wrapped at ``width`` (see :func:`wrap_line`); blank lines kept."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip()
        lines.extend(wrap_line(line, width, measure) if width_of(line, measure) > width else [line])
    return "\n".join(lines)


def wrapped_parser(width: int, measure: str) -> Callable[[Path], Mapping[str, Any]]:
    """A parser for :func:`~bilingual_news.evaluate.evaluate` that wraps each page first."""

    def run(path: Path) -> Mapping[str, Any]:
        return parse(wrap_page(path.read_text(encoding="utf-8"), width, measure)).to_dict()

    return run


def line(name: str, result: Evaluation) -> str:
    return f"{name:>12}: " + "  ".join(f"{f}={result.totals[f]:.4f}" for f in FIGURES)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--show"]:
        width, measure = argv[1].split(":")
        sys.stdout.write(wrap_page(Path(argv[2]).read_text(encoding="utf-8"), int(width), measure))
        return 0
    corpus = Path(argv[0]) if argv else DEFAULT_CORPUS
    if not corpus.is_dir():
        print(f"hard-wrap gate: expected the labelled pages at {corpus}, found nothing", file=sys.stderr)
        return 2
    floors = read_floors(HERE / "hard_wrap_floors.json")
    print(line("unwrapped", evaluate(corpus)))
    failed = False
    for width, measure in RENDERINGS:
        name = f"{width}:{measure}"
        result = evaluate(corpus, parser=wrapped_parser(width, measure))
        print(line(name, result))
        mine = {key.split(".", 1)[1]: value for key, value in floors.items() if key.startswith(name + ".")}
        for failure in check_floors(result, mine):
            print(f"hard-wrap gate: {name}: {failure}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
