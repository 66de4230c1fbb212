"""The command line: main(argv) -> int, output formats, exit codes and messages."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bilingual_news.cli import main
from helpers import EXAMPLES

SEED = str(EXAMPLES / "seed.txt")
HEADLINE = "China and Russia Join Hands to Build a Strong Bridge for Peace and Prosperity"


def test_parse_prints_json_by_default(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["parse", SEED]) == 0
    data = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert data["schema"] == "bilingual-news/1"
    assert data["headline"] == HEADLINE


def test_json_is_not_ascii_escaped(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    main(["parse", SEED, "--format", "json"])
    assert "首页".encode() in capsysbinary.readouterr().out


def test_text_format_starts_with_the_headline(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["parse", SEED, "--format", "text"]) == 0
    assert capsysbinary.readouterr().out.decode().startswith(HEADLINE + "\n\n")


def test_markdown_shows_headings_and_quotes(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["parse", SEED, "--format", "markdown"]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert out.startswith(f"# {HEADLINE}\n")
    assert "\n## Remembering History, Defending Peace\n" in out
    assert "- **President Xi Jinping**: “China and Russia are good neighbors" in out


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    assert main(["parse", SEED, "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["headline"] == HEADLINE


def test_missing_file_exits_1_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "no/such/page.txt"]) == 1
    err = capsys.readouterr().err
    assert err == "bilingual-news: no/such/page.txt: no such file\n"


def test_binary_file_exits_1_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert main(["parse", str(png)]) == 1
    assert "logo.png: expected a text or HTML page, got a PNG image" in capsys.readouterr().err


def test_unknown_format_is_a_usage_error() -> None:
    assert main(["parse", SEED, "--format", "yaml"]) == 2


def test_no_command_is_a_usage_error() -> None:
    assert main([]) == 2


def test_stdin_is_read_for_dash(monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    data = Path(SEED).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["parse", "-", "--format", "text"]) == 0
    assert capsysbinary.readouterr().out.decode().startswith(HEADLINE)


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "bilingual-news"
    proc = subprocess.run([str(script), "parse", SEED, "--format", "text"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert proc.stdout.startswith(HEADLINE)
