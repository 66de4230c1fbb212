"""Batch parsing: ``parse_many`` and ``bilingual-news batch``."""

from __future__ import annotations

import io
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import bilingual_news
from bilingual_news import batch
from bilingual_news.cli import main

PAGE = (
    "首页 新闻 A Title Long Enough To Be The Headline Here\n\n"
    "A Title Long Enough To Be The Headline Here\n\n"
    "The first paragraph of the body says something long enough to be prose, and it goes on a little.\n\n"
    "下一篇\n"
)

KILL_PAGES = 1500
"""Pages in the run that is killed: enough that it is still running after its first lines."""
KILL_AFTER_LINES = 40
"""Lines the killed run must have written before it is killed."""


def _page(n: int) -> str:
    return PAGE.replace("The first paragraph", f"Page {n}'s first paragraph")


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---------------------------------------------------------------------------------- parse_many
def test_results_keep_input_order() -> None:
    pages = [_page(n) for n in range(40)]
    results = list(bilingual_news.parse_many(pages))
    assert [r.id for r in results] == list(range(40))
    assert [r.document.raw for r in results if r.document] == pages


def test_a_bad_page_is_reported_and_the_run_goes_on() -> None:
    results = list(bilingual_news.parse_many([_page(0), b"%PDF-1.7 binary", _page(2)]))
    assert [r.ok for r in results] == [True, False, True]
    assert isinstance(results[1].error, bilingual_news.InputError)
    assert "PDF" in str(results[1].error)
    assert results[1].document is None


def test_pairs_keep_their_ids() -> None:
    results = list(bilingual_news.parse_many([("first", _page(1)), ("second", _page(2).encode("utf-16"))]))
    assert [(r.id, r.ok) for r in results] == [("first", True), ("second", True)]
    assert results[1].document is not None
    assert results[1].document.raw == _page(2)


def test_paths_are_read_and_named_by_their_path(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(_page(7), encoding="utf-8")
    missing = tmp_path / "missing.txt"
    results = list(bilingual_news.parse_many([page, missing]))
    assert [r.id for r in results] == [page, missing]
    assert results[0].document is not None
    assert results[0].document.raw == _page(7)
    assert str(missing) in str(results[1].error)


def test_a_plain_string_is_page_text_not_a_path(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(_page(7), encoding="utf-8")
    (result,) = bilingual_news.parse_many([str(page)])
    assert result.document is not None
    assert result.document.raw == str(page)


def test_an_item_of_the_wrong_type_is_an_input_error() -> None:
    results = list(bilingual_news.parse_many([42, ("id", "page", "extra")]))  # type: ignore[list-item]
    assert [type(r.error) for r in results] == [bilingual_news.InputError, bilingual_news.InputError]
    assert "got int" in str(results[0].error)


def test_jobs_two_gives_what_jobs_one_gives() -> None:
    items: list[Any] = [_page(n) for n in range(70)] + [b"\x00\x01\x02", ("pair", _page(99))]

    def outcome(jobs: int) -> list[tuple[Any, Any, str | None]]:
        return [
            (r.id, r.document, None if r.error is None else f"{type(r.error).__name__}: {r.error}")
            for r in bilingual_news.parse_many(items, jobs=jobs)
        ]

    assert outcome(2) == outcome(1)


def test_workers_read_the_input_lazily() -> None:
    taken = itertools.count()

    def endless() -> Any:
        for n in taken:
            yield _page(n % 5)

    results = bilingual_news.parse_many(endless(), jobs=2)
    first = list(itertools.islice(results, 10))
    results.close()  # type: ignore[attr-defined]
    assert [r.id for r in first] == list(range(10))
    in_flight = 2 * batch.IN_FLIGHT_PER_WORKER + 1
    assert next(taken) <= batch.CHUNK_PAGES * in_flight + 1


def test_a_bug_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(page: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(batch, "parse", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        list(bilingual_news.parse_many([_page(0)]))


def test_jobs_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="got 0"):
        bilingual_news.parse_many([_page(0)], jobs=0)


def test_result_is_frozen() -> None:
    (result,) = bilingual_news.parse_many([_page(0)])
    with pytest.raises(AttributeError):
        result.id = 3  # type: ignore[misc]


# ----------------------------------------------------------------------------- batch command
def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(_page(1), encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(_page(2), encoding="utf-8")
    (folder / "sub" / "c.txt").write_text(_page(3), encoding="utf-8")
    (folder / "notes.csv").write_text("not matched by the glob", encoding="utf-8")
    return folder


def test_batch_writes_one_line_per_page_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "-o", str(out)]) == 0
    records = _lines(out)
    assert [r["id"] for r in records] == [str(folder / "a.txt"), str(folder / "sub/b.txt"), str(folder / "sub/c.txt")]
    assert bilingual_news.Document.from_dict(records[0]["document"]) == bilingual_news.parse(_page(1))
    assert "3 pages, 3 ok, 0 errors" in capsys.readouterr().err


def test_batch_reports_binary_and_empty_files_and_parses_the_rest(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out.jsonl"
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "empty.txt").write_bytes(b"")
    assert main(["batch", str(folder), "-o", str(out)]) == 1
    by_id = {Path(r["id"]).name: r for r in _lines(out)}
    assert sorted(by_id) == ["a.txt", "b.txt", "c.txt", "empty.txt", "image.txt"]
    assert by_id["image.txt"]["error"]["type"] == "InputError"
    assert "PNG" in by_id["image.txt"]["error"]["message"]
    assert "empty" in by_id["empty.txt"]["error"]["message"]
    assert all("document" in by_id[name] for name in ("a.txt", "b.txt", "c.txt"))


def test_batch_counts_failures_in_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    (folder / "blank.txt").write_text("  \n\n", encoding="utf-8")
    main(["batch", str(folder), "-o", str(tmp_path / "out.jsonl")])
    assert "4 pages, 3 ok, 1 errors" in capsys.readouterr().err


def test_batch_glob_picks_the_files_of_a_folder(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "--glob", "*.csv", "-o", str(out)]) == 0
    assert [r["id"] for r in _lines(out)] == [str(folder / "notes.csv")]


def test_batch_reads_jsonl_records(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    lines = [
        json.dumps({"id": "x-1", "text": _page(1)}),
        "this line is not JSON",
        json.dumps({"id": 7, "text": _page(2)}),
        json.dumps({"text": _page(3)}),
        json.dumps({"id": "x-4", "text": ["not", "a", "string"]}),
    ]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(records), "-o", str(out)]) == 1
    got = [(r["id"], "document" in r) for r in _lines(out)]
    assert got == [("x-1", True), (f"{records}:2", False), (7, True), (f"{records}:4", True), ("x-4", False)]


@pytest.mark.parametrize(
    "argv",
    [
        ["batch", "-o", "out.jsonl"],
        ["batch", "{folder}"],
        ["batch", "{folder}", "-o", "out.jsonl", "--jobs", "0"],
        ["batch", "{folder}", "-o", "out.jsonl", "--jobs", "two"],
        ["batch", "{folder}/no-such-file.txt", "-o", "out.jsonl"],
        ["batch", "{folder}", "-o", "{folder}"],
        ["batch", "{folder}", "-o", "{folder}/notes.csv", "--resume"],
    ],
    ids=[
        "no-input",
        "no-output",
        "zero-jobs",
        "jobs-not-a-number",
        "missing-input",
        "output-is-a-folder",
        "foreign-output",
    ],
)
def test_batch_usage_errors_exit_2(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = _folder(tmp_path)
    assert main([a.format(folder=folder) for a in argv]) == 2
    assert "error" in capsys.readouterr().err


def test_batch_is_quiet_when_piped(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "bilingual_news", "batch", str(folder), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [proc.stderr.strip()]  # the summary line alone: no bar
    assert proc.stderr.startswith("bilingual-news: 3 pages, 3 ok, 0 errors, ")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_batch_draws_a_progress_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    main(["batch", str(folder), "-o", str(tmp_path / "out.jsonl")])
    shown = terminal.getvalue()
    assert "4/4" in shown
    assert "page/s" in shown
    assert "errors=1" in shown


def test_resume_drops_a_partial_last_line_and_skips_done_ids(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out.jsonl"
    main(["batch", str(folder), "-o", str(out)])
    first, *_ = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(first + b'{"id": "' + str(folder / "sub/b.txt").encode() + b'", "document": {"sch')
    assert main(["batch", str(folder), "-o", str(out), "--resume"]) == 0
    records = _lines(out)
    assert [r["id"] for r in records] == [str(folder / "a.txt"), str(folder / "sub/b.txt"), str(folder / "sub/c.txt")]
    assert records[0] == json.loads(first)


def test_a_killed_batch_run_resumes_without_duplicates(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    with records.open("w", encoding="utf-8") as fh:
        for n in range(KILL_PAGES):
            fh.write(json.dumps({"id": f"p{n}", "text": _page(n)}) + "\n")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "bilingual_news", "batch", str(records), "-o", str(out)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= KILL_AFTER_LINES:
                break
            time.sleep(0.005)
        assert proc.poll() is None, "the run ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    written = out.read_bytes().count(b"\n")
    assert KILL_AFTER_LINES <= written < KILL_PAGES
    resumed = subprocess.run([*command, "--resume", "--jobs", "2"], capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(f"p{n}" for n in range(KILL_PAGES))
    assert len(ids) == len(set(ids))
    assert f"already in {out} skipped" in resumed.stderr
