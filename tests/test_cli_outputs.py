"""Issue 21: the outputs, knobs and API people expect (batch --to, parse PATH... -o DIR,
--favor, --languages, --max-chars, -v/-q, file objects, blank pages, usage errors)."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

import bilingual_news
from bilingual_news import ParseOptions
from bilingual_news._cli_outputs import FileNames
from bilingual_news.cli import main
from bilingual_news.render import to_markdown, to_text
from helpers import EXAMPLES, ROOT, corpus_dir, needs_corpus

SEED = str(EXAMPLES / "seed.txt")
HEADLINE = "China and Russia Join Hands to Build a Strong Bridge for Peace and Prosperity"

PIER = (
    "首页 新闻 国际\n\nA Harbour Town Opens Its New Ferry Pier\n\n"
    "The new pier at the harbour opened on Monday morning after two years of building work, and the "
    "first ferry left at nine with a full deck of passengers.\n\n"
    "Local traders said the crossing would bring more visitors to the old market streets over the "
    "summer, when the boats run every hour.\n\n"
)
"""An English page of ours; the tests below add an edge line or a tail to it."""

FRENCH = (
    "Accueil\n\nLe Nouveau Marché Ouvre Ses Portes Au Centre\n\n"
    "Le nouveau marché couvert a ouvert ses portes samedi matin dans le centre de la ville, et les "
    "habitants sont venus nombreux pour découvrir les étals des producteurs de la région.\n\n"
    "Les commerçants espèrent que la fréquentation restera élevée pendant tout le printemps, quand "
    "les légumes de saison arrivent sur les tables.\n\n"
)
"""A French page of ours, for the language filter."""


def _pages(folder: Path) -> Path:
    folder.mkdir()
    (folder / "pier.txt").write_text(PIER + "下一篇\n", encoding="utf-8")
    (folder / "seed.txt").write_bytes(Path(SEED).read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    return folder


# ------------------------------------------------------------------------------- batch --to
def test_batch_to_text_writes_one_file_per_page_named_after_its_id(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages")
    out = tmp_path / "out"
    assert main(["batch", str(pages), "--to", "text", "-o", str(out)]) == 1  # empty.txt is an error
    names = sorted(p.name for p in out.iterdir())
    assert names == [FileNames(".txt").name(str(pages / "pier.txt")), FileNames(".txt").name(str(pages / "seed.txt"))]
    seed = next(p for p in out.iterdir() if "seed" in p.name)
    assert seed.read_text(encoding="utf-8") == bilingual_news.parse_file(SEED).to_text()


def test_batch_to_markdown_writes_markdown_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["batch", SEED, "--to", "markdown", "-o", str(out)]) == 0
    (only,) = out.iterdir()
    assert only.suffix == ".md"
    assert only.read_text(encoding="utf-8").startswith(f"# {HEADLINE}\n")


def test_a_folder_output_names_its_failed_pages_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = _pages(tmp_path / "pages")
    main(["batch", str(pages), "--to", "text", "-o", str(tmp_path / "out")])
    assert f"{pages / 'empty.txt'}: expected a page with text, got an empty page" in capsys.readouterr().err


def test_batch_to_pairs_writes_one_line_per_translation_pair(tmp_path: Path) -> None:
    out = tmp_path / "pairs.jsonl"
    assert main(["batch", str(EXAMPLES / "bilingual.txt"), SEED, "--to", "pairs", "-o", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = bilingual_news.parse_file(EXAMPLES / "bilingual.txt").pairs
    assert lines
    assert [(line["en"], line["zh"]) for line in lines] == [(p.en, p.zh) for p in expected]


def test_batch_to_csv_writes_one_row_per_page(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages")
    out = tmp_path / "out.csv"
    assert main(["batch", str(pages), "--to", "csv", "-o", str(out)]) == 1
    with out.open(encoding="utf-8", newline="") as fh:
        rows = {Path(row["id"]).name: row for row in csv.DictReader(fh)}
    assert sorted(rows) == ["empty.txt", "pier.txt", "seed.txt"]
    assert rows["seed.txt"]["headline"] == HEADLINE
    assert rows["seed.txt"]["error"] == ""
    assert rows["empty.txt"]["error"].startswith("InputError: ")


def test_batch_to_parquet_writes_one_row_per_page(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    assert main(["batch", SEED, str(_pages(tmp_path / "pages") / "pier.txt"), "--to", "parquet", "-o", str(out)]) == 0
    table = pq.read_table(out).to_pylist()
    assert [row["headline"] for row in table] == [HEADLINE, "A Harbour Town Opens Its New Ferry Pier"]
    assert isinstance(table[0]["confidence"], float)


def test_batch_to_parquet_without_pyarrow_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert main(["batch", SEED, "--to", "parquet", "-o", str(tmp_path / "out.parquet")]) == 2
    assert "bilingual-news[parquet]" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("to", "output", "message"),
    [
        ("text", "file", "expected a folder"),
        ("csv", "folder", "expected a file"),
    ],
)
def test_batch_output_of_the_wrong_kind_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str, output: str, message: str
) -> None:
    out = tmp_path / "out"
    if output == "file":
        out.write_text("")
    else:
        out.mkdir()
    assert main(["batch", SEED, "--to", to, "-o", str(out)]) == 2
    assert message in capsys.readouterr().err


def test_resume_needs_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", SEED, "--to", "csv", "--resume", "-o", str(tmp_path / "out.csv")]) == 2
    assert "expected --to jsonl with --resume" in capsys.readouterr().err


def test_file_names_are_unique_and_safe() -> None:
    names = FileNames(".md")
    assert names.name("pages/a.txt") == "pages_a.md"
    assert names.name("pages/a.html") == "pages_a-2.md"
    assert names.name("../../etc/passwd") == "etc_passwd.md"
    assert names.name(7) == "7.md"
    assert names.name("///") == "page.md"


# ------------------------------------------------------------------------ parse PATH... -o DIR
def test_parse_takes_several_paths_into_a_folder(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages")
    out = tmp_path / "out"
    assert main(["parse", str(pages / "pier.txt"), SEED, "-o", str(out), "--format", "markdown"]) == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".md", ".md"]


def test_parse_one_path_into_a_folder_named_with_a_slash(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["parse", SEED, "-o", f"{out}/"]) == 0
    (only,) = out.iterdir()
    assert json.loads(only.read_text(encoding="utf-8"))["headline"] == HEADLINE


def test_several_paths_without_an_output_folder_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", SEED, SEED]) == 2
    assert "expected -o DIR with several PATHs" in capsys.readouterr().err


def test_parse_goes_on_after_a_bad_path_and_exits_1(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["parse", "no/such.txt", SEED, "-o", str(out)]) == 1
    assert len(list(out.iterdir())) == 1


def test_parse_refuses_an_empty_file_as_batch_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["parse", str(empty)]) == 1
    assert capsys.readouterr().err == f"bilingual-news: {empty}: expected a page with text, got an empty page\n"


def test_parse_refuses_a_blank_file(tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n", encoding="utf-8")
    assert main(["parse", str(blank)]) == 1


def test_python_parse_of_an_empty_page_is_an_empty_document() -> None:
    assert bilingual_news.parse("").blocks == ()


def test_negative_indent_is_a_usage_error() -> None:
    assert main(["parse", SEED, "--indent", "-3"]) == 2


def test_max_chars_refuses_a_longer_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", SEED, "--max-chars", "100"]) == 1
    assert "expected at most 100 characters" in capsys.readouterr().err


def test_max_chars_below_one_is_a_usage_error() -> None:
    assert main(["parse", SEED, "--max-chars", "0"]) == 2


# ---------------------------------------------------------------------------------- -v and -q
def test_quiet_parse_prints_no_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "short.txt"
    page.write_text("Just a few words here\n", encoding="utf-8")
    assert main(["parse", str(page), "-q", "-o", str(tmp_path / "out.json")]) == 0
    assert capsys.readouterr().err == ""


def test_verbose_parse_says_where_each_page_went(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.json"
    assert main(["parse", SEED, "-v", "-o", str(out)]) == 0
    assert f"{SEED} -> {out}" in capsys.readouterr().err


def test_quiet_batch_prints_no_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", SEED, "-q", "-o", str(tmp_path / "out.jsonl")]) == 0
    assert capsys.readouterr().err == ""


def test_verbose_batch_prints_a_line_per_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", SEED, "-v", "-o", str(tmp_path / "out.jsonl")]) == 0
    assert f"bilingual-news: {SEED}: ok\n" in capsys.readouterr().err


# ---------------------------------------------------------------------------------- --languages
def test_languages_leaves_out_a_page_in_another_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "marche.txt"
    page.write_text(FRENCH, encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["parse", str(page), "--languages", "zh,en", "-o", str(out)]) == 0
    assert not out.exists()
    assert "left out, its body is fr" in capsys.readouterr().err


def test_languages_keeps_a_page_in_a_wanted_language(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["parse", SEED, "--languages", "zh,en", "-o", str(out)]) == 0
    assert out.exists()


def test_batch_counts_the_pages_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "marche.txt"
    page.write_text(FRENCH, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", SEED, str(page), "--languages", "en", "-o", str(out)]) == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [SEED]
    assert "1 left out, their body not in en" in capsys.readouterr().err


def test_a_bad_language_list_is_a_usage_error() -> None:
    assert main(["parse", SEED, "--languages", "zh;en"]) == 2


# ---------------------------------------------------------------------------------- --favor
def test_favor_precision_drops_a_short_line_at_the_body_edge() -> None:
    page = PIER + "More ferries will follow next spring.\n\n下一篇\n"
    assert "More ferries" in bilingual_news.parse(page).text
    assert "More ferries" not in bilingual_news.parse(page, options=ParseOptions(favor="precision")).text


def test_favor_recall_keeps_an_unlabelled_line_beside_the_body() -> None:
    page = PIER + "本站简介 | 投稿须知 | 版权声明 | 读者来信 | 渡轮时刻\n\nBoats leave from the east quay\n\n下一篇\n"
    assert "east quay" not in bilingual_news.parse(page).text
    doc = bilingual_news.parse(page, options=ParseOptions(favor="recall"))
    (kept,) = [b for b in doc.body if "east quay" in b.text]
    assert kept.reasons[-1] == "favor_recall"


def test_favor_must_be_precision_recall_or_none() -> None:
    with pytest.raises(ValueError, match="expected favor"):
        ParseOptions(favor="speed")  # type: ignore[arg-type]


def test_favor_on_the_command_line(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    page = tmp_path / "pier.txt"
    page.write_text(PIER + "More ferries will follow next spring.\n\n下一篇\n", encoding="utf-8")
    assert main(["parse", str(page), "--favor", "precision", "--format", "text"]) == 0
    assert b"More ferries" not in capsysbinary.readouterr().out


@needs_corpus
def test_favor_moves_body_precision_and_recall_on_the_labelled_pages() -> None:
    from bilingual_news.evaluate import evaluate

    base = corpus_dir()
    assert base is not None
    plain = evaluate(base).totals
    precise = evaluate(base, options=ParseOptions(favor="precision")).totals
    full = evaluate(base, options=ParseOptions(favor="recall")).totals
    assert precise["body_p"] > plain["body_p"]
    assert full["body_r"] > plain["body_r"]


# ---------------------------------------------------------------------------------- the Python API
def test_parse_file_reads_a_binary_file_object() -> None:
    with open(SEED, "rb") as fh:
        assert bilingual_news.parse_file(fh).headline == HEADLINE


def test_parse_file_reads_a_text_file_object() -> None:
    with open(SEED, encoding="utf-8") as fh:
        assert bilingual_news.parse_file(fh).headline == HEADLINE


def test_parse_file_names_a_file_object_in_its_errors() -> None:
    stream = io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(100))
    stream.name = "logo.png"
    with pytest.raises(bilingual_news.InputError, match=r"^logo\.png: "):
        bilingual_news.parse_file(stream)


def test_parse_file_refuses_what_is_neither_path_nor_file() -> None:
    with pytest.raises(bilingual_news.InputError, match="expected a path or a file object"):
        bilingual_news.parse_file(42)  # type: ignore[arg-type]


def test_parse_of_a_path_points_to_parse_file() -> None:
    with pytest.raises(bilingual_news.InputError, match=r"got PosixPath; to read a file, pass it to parse_file\(\)"):
        bilingual_news.parse(Path(SEED))  # type: ignore[arg-type]


def test_document_to_text_and_to_markdown_are_the_render_functions() -> None:
    doc = bilingual_news.parse_file(SEED)
    assert (doc.to_text(), doc.to_markdown()) == (to_text(doc), to_markdown(doc))


# ---------------------------------------------------------------------------------- --dask
def test_batch_dask_without_dask_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shard = tmp_path / "in.jsonl"
    shard.write_text(json.dumps({"id": 0, "text": PIER}) + "\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "distributed", None)
    assert main(["batch", str(shard), "-o", str(tmp_path / "out"), "--dask"]) == 2
    assert "bilingual-news[dask]" in capsys.readouterr().err


# ---------------------------------------------------------------------------------- docs build
def test_the_docs_extension_fences_doctests() -> None:
    spec = importlib.util.spec_from_file_location("griffe_doctests", ROOT / "docs" / "griffe_doctests.py")
    pytest.importorskip("griffe")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = "Say it.\n\n>>> f([1])\n[(0, True)]\n\nAfter."
    assert module.fence_doctests(text) == "Say it.\n\n```pycon\n>>> f([1])\n[(0, True)]\n```\n\nAfter."
