"""Every command and Python example of the README and docs/quickstart.md, run, and its output
compared with what the page says.

* Python blocks run in order, one namespace per page, in a scratch folder that holds the files
  the examples name (``examples/``, ``saved/page.html``, ``logo.png``). A top-level expression
  whose comment reads as an output (a repr: it starts with a quote, a bracket or ``Name(``) is
  evaluated and its repr compared; ``print(...)  # text`` compares what it prints. ``...`` in a
  claimed output stands for anything.
* ``sh`` blocks run line by line in the same kind of folder (``page.txt``, ``page.html``,
  ``pages/``, ``shards/`` are made there) and must exit 0. The install lines (``python3 -m venv``,
  ``.venv/bin/pip``) are left to CI, whose README steps run exactly those.
* The README's "After" table: each row's kind holds a block with the row's text (``…`` cuts).
* The quickstart's list of runtime dependencies is pyproject.toml's.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import EXAMPLES, ROOT

PAGES = {"README": ROOT / "README.md", "quickstart": ROOT / "docs" / "quickstart.md"}
INSTALL_LINES = ("python3 -m venv", ".venv/bin/pip")
"""Lines of the pages' sh blocks this test leaves to CI (.ci/run runs the README's install lines)."""

HTML_PAGE = (
    "<!doctype html><html><head><title>A Quiet Morning At The Harbour</title></head><body>"
    "<nav><a href='/'>首页</a> <a href='/news'>新闻</a></nav>"
    "<article><h1>A Quiet Morning At The Harbour</h1>"
    "<p>The first boats left the harbour before dawn, and the fish market opened an hour later "
    "with crates of mackerel stacked along the quay.</p>"
    "<p>Traders said the catch was better than last week, though prices stayed where they were.</p>"
    "</article><footer>关于我们</footer></body></html>"
)
"""A small HTML page of ours for the examples that name one."""


def _blocks(page: Path, language: str) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.S | re.M)


def _scratch(tmp_path: Path) -> Path:
    """A folder holding every file the examples name."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    seed = (EXAMPLES / "seed.txt").read_bytes()
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "page.txt").write_bytes(seed)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    shutil.copytree(EXAMPLES, tmp_path / "pages")
    (tmp_path / "shards").mkdir()
    record = {"id": "seed", "text": seed.decode("utf-8")}
    (tmp_path / "shards" / "part-0.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return tmp_path


def _claimed(comment: str) -> re.Pattern[str] | None:
    """The output a comment claims, as a pattern (``...`` is anything), or ``None`` for prose."""
    if not re.match(r"""['"\[({]|[A-Z]\w*\(""", comment):
        return None
    return re.compile(".*".join(re.escape(part) for part in comment.split("...")), re.S)


def _statements(source: str) -> list[tuple[ast.stmt, str | None]]:
    """Each top-level statement with the comment at the end of its last line, if any."""
    lines = source.splitlines()
    out = []
    for node in ast.parse(source).body:
        last = lines[(node.end_lineno or node.lineno) - 1]
        code_end = node.end_col_offset or 0
        rest = last[code_end:].strip()
        out.append((node, rest[1:].strip() if rest.startswith("#") else None))
    return out


@pytest.mark.parametrize("name", sorted(PAGES))
def test_python_examples_run_and_print_what_the_page_says(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_scratch(tmp_path))
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    checked = 0
    for block in _blocks(PAGES[name], "python"):
        for node, comment in _statements(block):
            code = ast.unparse(node)
            claim = _claimed(comment) if comment else None
            is_print = isinstance(node, ast.Expr) and code.startswith("print(")
            if isinstance(node, ast.Expr) and comment and is_print:
                buffer = io.StringIO()
                with contextlib.redirect_stdout(buffer):
                    exec(compile(ast.Module([node], []), name, "exec"), namespace)
                pattern = re.compile(".*".join(re.escape(p) for p in comment.split("...")), re.S)
                assert pattern.fullmatch(buffer.getvalue().rstrip("\n")), (code, buffer.getvalue(), comment)
                checked += 1
            elif isinstance(node, ast.Expr) and claim is not None:
                value = eval(compile(ast.Expression(node.value), name, "eval"), namespace)
                assert claim.fullmatch(repr(value)), (code, repr(value), comment)
                checked += 1
            else:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(ast.Module([node], []), name, "exec"), namespace)
    assert checked >= 3  # the pages do claim outputs: a parser that stops seeing them fails here


@pytest.mark.parametrize("name", sorted(PAGES))
def test_commands_run(name: str, tmp_path: Path) -> None:
    folder = _scratch(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    ran = 0
    for block in _blocks(PAGES[name], "sh"):
        for line in block.splitlines():
            command = re.sub(r"\s+#[^'\"]*$", "", line).strip()
            if not command or command.startswith(INSTALL_LINES):
                continue
            proc = subprocess.run(command, shell=True, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
            assert proc.returncode == 0, (command, proc.stderr[-2000:])
            ran += 1
    assert ran >= 3


def test_the_readme_after_table_is_what_parse_gives() -> None:
    import bilingual_news

    doc = bilingual_news.parse_file(EXAMPLES / "seed.txt")
    text = PAGES["README"].read_text(encoding="utf-8")
    after = text.split("**After**", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    rows = 0
    for line in after.splitlines():
        kind, _, shown = line.partition(" ")
        shown = re.sub(r"\s+\(edit: .*\)$", "", shown.strip())
        if kind == "quote":
            quoted, _, speaker = shown.rpartition(" — ")
            assert any(q.speaker == speaker and quoted.strip("“”…, ")[:30] in q.text for q in doc.quotes), line
        elif kind == "source_url":
            assert doc.source_url == shown, line
        else:
            fragments = [f.strip() for f in shown.split("…") if f.strip()]
            assert any(all(f in b.text for f in fragments) for b in doc.of_kind(kind)), line
        rows += 1
    assert rows >= 8


def test_the_quickstart_lists_the_runtime_dependencies_of_pyproject() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {re.split(r"[<>=\[ ]", dep)[0] for dep in project["dependencies"]}
    text = PAGES["quickstart"].read_text(encoding="utf-8")
    listed = text.split("The runtime dependencies are", 1)[1].split(";", 1)[0]
    assert set(re.findall(r"`([\w.-]+)`", listed)) == wanted
