"""A griffe extension for the API reference: doctest examples in docstrings shown as code.

mkdocstrings renders a docstring as Markdown, where a doctest's output line such as
``[(0, True, None)]`` reads as a reference link, and ``mkdocs build --strict`` then fails on a
cross-reference it cannot find. This extension puts every run of ``>>>`` lines, with the output
lines after it (up to a blank line), in a fenced ``pycon`` block before the docstring is
rendered, so the examples show as code and the docstrings themselves stay plain doctests
(``src/conftest.py`` runs them). Named in ``mkdocs.yml`` under the Python handler's
``extensions``; needs nothing but the ``[docs]`` extra.
"""

from __future__ import annotations

import ast
from typing import Any

from griffe import Extension, Object, ObjectNode


def fence_doctests(text: str) -> str:
    """``text`` with each doctest example (``>>>`` lines, continuations and output, up to a
    blank line or the end) in a fenced block, at the indentation of its first line; text
    already inside a fence is left as it is."""
    lines = text.split("\n")
    out: list[str] = []
    fenced = False
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith("```"):
            fenced = not fenced
        if fenced or not stripped.startswith(">>>"):
            out.append(line)
            i += 1
            continue
        indent = line[: len(line) - len(stripped)]
        out.append(f"{indent}```pycon")
        while i < len(lines) and lines[i].strip():
            out.append(lines[i])
            i += 1
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestBlocks(Extension):
    """Fence the doctest examples of every docstring griffe loads."""

    def on_instance(self, *, node: ast.AST | ObjectNode, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
