"""Past one machine: ``bilingual_news.distributed`` (partition functions, atomic shards, Dask) and
``bilingual-news batch --dask``.

The cluster tests share one ``dask.distributed.LocalCluster`` of 2 single-threaded worker
processes and one set of 8 shards of 2,000 pages (the labelled corpus's pages when it is present,
the rest synthetic), whose single-process output ``bilingual-news batch`` writes first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bilingual_news
from bilingual_news import distributed
from bilingual_news.cli import main
from bilingual_news.testing import make_page
from helpers import CASES, corpus_pages

SHARDS = 8
PAGES = 2000
CASE_FILE = json.loads((CASES / "shard_lines.json").read_text(encoding="utf-8"))

PAGE = (
    "首页 新闻 A Title Long Enough To Be The Headline Here\n\n"
    "A Title Long Enough To Be The Headline Here\n\n"
    "The first paragraph of the body says something long enough to be prose, and it goes on a little.\n\n"
    "下一篇\n"
)


def _records() -> list[dict[str, Any]]:
    """2,000 records: the corpus pages (when present), synthetic pages, and a few records that
    must become error records (each with an id, so every engine names them alike)."""
    records: list[dict[str, Any]] = [{"id": "blank", "text": " \n"}, {"id": "no-text"}, {"id": 17, "text": [1]}]
    records += [{"id": page.name, "text": (page / "raw.txt").read_text(encoding="utf-8")} for page in corpus_pages()]
    seed = 0
    while len(records) < PAGES:
        records.append({"id": f"synthetic-{seed}", "text": make_page(seed).raw})
        seed += 1
    return records


def _write_shards(folder: Path, records: list[dict[str, Any]]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    shards = []
    for k in range(SHARDS):
        path = folder / f"part-{k:04d}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[k::SHARDS]), "utf-8")
        shards.append(str(path))
    return shards


def _outputs(folder: Path, shards: list[str], suffix: str = ".jsonl") -> list[str]:
    """The output lines of the shards, in shard order."""
    lines: list[str] = []
    for shard in shards:
        lines += (folder / (Path(shard).stem + suffix)).read_text(encoding="utf-8").splitlines()
    return lines


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str]]:
    """The 8 shards, and the lines ``bilingual-news batch`` writes for them in one process."""
    base = tmp_path_factory.mktemp("shards")
    paths = _write_shards(base / "in", _records())
    reference = base / "single-process.jsonl"
    assert main(["batch", *paths, "-o", str(reference)]) == 1  # 1: the three error records
    return paths, reference.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A client of a local cluster of 2 worker processes, one thread each."""
    dd = pytest.importorskip("distributed")
    with (
        dd.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        dd.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def dask_run(
    shards: tuple[list[str], list[str]], client: Any, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, distributed.RunSummary]:
    """The shards parsed on the cluster: the output folder and the run's summary."""
    out = tmp_path_factory.mktemp("dask") / "out"
    return out, distributed.run_dask(shards[0], out, client=client, progress=False)


# ------------------------------------------------------------------------------- on the cluster
def test_dask_output_equals_the_single_process_output_page_for_page(
    shards: tuple[list[str], list[str]], dask_run: tuple[Path, distributed.RunSummary]
) -> None:
    paths, reference = shards
    out, _ = dask_run
    assert len(reference) == PAGES
    assert _outputs(out, paths) == reference


def test_the_summary_counts_pages_and_errors(dask_run: tuple[Path, distributed.RunSummary]) -> None:
    _, summary = dask_run
    assert (summary.shards, len(summary.parsed), summary.skipped) == (SHARDS, SHARDS, ())
    assert (summary.pages, summary.errors) == (PAGES, 3)
    assert json.loads((dask_run[0] / "_SUCCESS").read_text()) == {"shards": SHARDS, "pages": PAGES, "errors": 3}


def test_a_rerun_redoes_only_the_shard_whose_output_was_deleted(
    shards: tuple[list[str], list[str]], client: Any, dask_run: tuple[Path, distributed.RunSummary]
) -> None:
    paths, _ = shards
    out, _ = dask_run
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(out.glob("*.jsonl"))}
    (out / "part-0003.jsonl").unlink()
    summary = distributed.run_dask(paths, out, client=client, progress=False)
    assert summary.parsed == (paths[3],)
    assert summary.skipped == tuple(p for p in paths if p != paths[3])
    after = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(out.glob("*.jsonl"))}
    assert {name for name in after if after[name] != before[name]} == {"part-0003.jsonl"}
    assert after["part-0003.jsonl"][2] == before["part-0003.jsonl"][2]


def test_the_command_runs_on_a_scheduler_by_its_address(
    shards: tuple[list[str], list[str]],
    client: Any,
    dask_run: tuple[Path, distributed.RunSummary],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths, _ = shards
    out = tmp_path / "out"
    code = main(["batch", *paths[:2], "-o", str(out), "--dask", client.scheduler.address])
    assert code == 1  # the first three records are errors: one in each of the first three shards
    for name in ("part-0000.jsonl", "part-0001.jsonl"):
        assert (out / name).read_bytes() == (dask_run[0] / name).read_bytes()
    assert "2 shards: 2 parsed, 0 already complete" in capsys.readouterr().err


# ----------------------------------------------------------------------------- Spark (recipes)
def _java() -> bool:
    try:
        return subprocess.run(["java", "-version"], capture_output=True, check=False).returncode == 0
    except OSError:
        return False


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """A local Spark of 2 cores, when pyspark and Java are here: skipped elsewhere, unless
    ``BILINGUAL_NEWS_REQUIRE_SPARK=1`` (CI, once it has installed pyspark) makes that a failure."""
    required = os.environ.get("BILINGUAL_NEWS_REQUIRE_SPARK") == "1"
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        if required:
            raise
        pytest.skip("pyspark is not installed (clusters bring their own)")
    if not _java():
        if required:
            pytest.fail("BILINGUAL_NEWS_REQUIRE_SPARK=1, but there is no Java for pyspark here")
        pytest.skip("no Java for pyspark here")

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = SparkSession.builder.master("local[2]").appName("bilingual-news-test").getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def recipes() -> Any:
    """docs/recipes/spark_parse.py, the code docs/scale.md shows."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docs" / "recipes"))
    try:
        import spark_parse
    finally:
        sys.path.pop(0)
    return spark_parse


def test_the_spark_text_recipe_gives_the_single_process_output(
    shards: tuple[list[str], list[str]], spark: Any, recipes: Any, tmp_path: Path
) -> None:
    paths, reference = shards
    recipes.parse_text(spark, paths, str(tmp_path / "out"))
    lines = [
        line for part in sorted((tmp_path / "out").glob("part-*")) for line in part.read_text("utf-8").splitlines()
    ]
    assert len(lines) == len(reference)
    for got, want in zip(lines, reference, strict=True):
        if got != want:  # only an error's FILE:LINE prefix, which Spark's lines cannot know
            got_record, want_record = json.loads(got), json.loads(want)
            assert got_record["id"] == want_record["id"]
            assert want_record["error"]["message"].endswith(": " + got_record["error"]["message"])


def test_the_spark_shard_recipe_writes_what_run_dask_writes(
    shards: tuple[list[str], list[str]], spark: Any, recipes: Any, tmp_path: Path
) -> None:
    paths, reference = shards
    results = recipes.parse_shards(spark, paths[:3], str(tmp_path / "out"))
    assert [r.source for r in results] == paths[:3]
    assert _outputs(tmp_path / "out", paths[:3]) == reference[: sum(r.pages for r in results)]


def test_spark_loads_the_resources_once_per_python_worker(spark: Any) -> None:
    def probe(_: int) -> tuple[int, float]:
        return os.getpid(), distributed.warmup()

    seen = spark.sparkContext.parallelize(range(8), 8).map(probe).collect()
    by_process: dict[int, set[float]] = {}
    for pid, seconds in seen:
        by_process.setdefault(pid, set()).add(seconds)
    assert len(by_process) < len(seen)
    assert all(len(warmups) == 1 for warmups in by_process.values())


# ------------------------------------------------------------------------- partition functions
@pytest.mark.parametrize("case", CASE_FILE["cases"], ids=[c["label"] for c in CASE_FILE["cases"]])
def test_lines_give_the_records_of_the_case_file(case: dict[str, Any]) -> None:
    got = [json.loads(line) for line in distributed.parse_lines(case["lines"], source=case["source"])]
    want = [
        (e["id"], "document") if e.get("document") else (e["id"], {"type": e["type"], "message": e["message"]})
        for e in case["expected"]
    ]
    assert [(r["id"], "document" if "document" in r else r["error"]) for r in got] == want


def test_a_shard_gives_what_batch_gives_for_the_same_file(tmp_path: Path) -> None:
    shard = tmp_path / "cases.jsonl"
    shard.write_text("".join(line + "\n" for case in CASE_FILE["cases"] for line in case["lines"]), "utf-8")
    assert main(["batch", str(shard), "-o", str(tmp_path / "batch.jsonl")]) == 1
    distributed.parse_shard(shard, tmp_path / "out")
    assert (tmp_path / "out" / "cases.jsonl").read_bytes() == (tmp_path / "batch.jsonl").read_bytes()


def test_records_give_the_document_parse_gives() -> None:
    (record,) = distributed.parse_records([{"id": "a", "text": PAGE}])
    assert record == {"id": "a", "document": bilingual_news.parse(PAGE).to_dict()}


def test_a_record_without_an_id_has_a_null_id() -> None:
    (record,) = distributed.parse_records([{"text": PAGE}])
    assert record["id"] is None
    assert "document" in record


def test_a_record_that_is_not_a_mapping_is_an_error_record() -> None:
    (record,) = distributed.parse_records(["just a string"])  # type: ignore[list-item]
    assert record == {
        "id": None,
        "error": {"type": "InputError", "message": 'expected a JSON object with "id" and "text", got a JSON string'},
    }


def test_html_records_are_parsed_as_html() -> None:
    html = "<html><head><title>A Title</title></head><body><h1>A Title</h1><p>A paragraph.</p></body></html>"
    (record,) = distributed.parse_records([{"id": "h", "html": html}])
    assert record == {"id": "h", "document": bilingual_news.parse(html, format="html").to_dict()}


def test_an_html_record_is_read_as_html_even_when_it_does_not_look_like_a_document() -> None:
    (record,) = distributed.parse_records([{"id": "h", "html": "A paragraph &amp; more."}])
    assert record["document"]["blocks"][0]["text"] == "A paragraph & more."


def test_text_wins_over_html_in_a_record_with_both() -> None:
    (record,) = distributed.parse_records([{"id": "both", "text": PAGE, "html": "<p>Other.</p>"}])
    assert record["document"]["raw"] == PAGE


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {"id": st.one_of(st.integers(), st.text(max_size=8)), "text": st.text(max_size=60)},
            optional={"html": st.text(max_size=10)},
        ),
        max_size=6,
    )
)
def test_every_record_gives_one_output_record_with_its_id_in_order(records: list[dict[str, Any]]) -> None:
    out = list(distributed.parse_records(records))
    assert [r["id"] for r in out] == [r["id"] for r in records]
    assert all(sorted(r) in (["document", "id"], ["error", "id"]) for r in out)


def test_warmup_loads_once_from_many_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    from bilingual_news import _warm

    calls: list[str] = []
    real_light = _warm._light
    monkeypatch.setattr(_warm, "_seconds", {})
    monkeypatch.setattr(_warm, "_light", lambda: calls.append("light") or real_light())
    threads = [threading.Thread(target=distributed.warmup) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    distributed.warmup()
    assert len(calls) == 1


# ---------------------------------------------------------------------------------- one shard
def _shard(folder: Path, name: str = "part-0.jsonl", pages: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        "".join(json.dumps({"id": n, "text": PAGE.replace("first", f"page {n}'s first")}) + "\n" for n in range(pages)),
        "utf-8",
    )
    return path


def test_a_shard_is_written_with_its_marker(tmp_path: Path) -> None:
    shard = _shard(tmp_path / "in")
    result = distributed.parse_shard(shard, tmp_path / "out")
    assert (result.pages, result.errors) == (3, 0)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["_SUCCESS.part-0.jsonl.json", "part-0.jsonl"]
    marker = json.loads((tmp_path / "out" / "_SUCCESS.part-0.jsonl.json").read_text())
    assert marker["pages"] == 3
    assert marker["output_size"] == (tmp_path / "out" / "part-0.jsonl").stat().st_size


def test_a_shard_that_fails_midway_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bilingual_news import batch

    shard = _shard(tmp_path / "in", pages=5)
    distributed.warmup()
    real = batch.parse
    calls = iter(range(100))

    def failing_parse(page: Any, **kw: Any) -> Any:
        if next(calls) == 3:
            raise RuntimeError("a bug in the parser")
        return real(page, **kw)

    monkeypatch.setattr(batch, "parse", failing_parse)
    with pytest.raises(RuntimeError, match="a bug"):
        distributed.parse_shard(shard, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_an_unreadable_shard_gives_one_error_record(tmp_path: Path) -> None:
    result = distributed.parse_shard(tmp_path / "missing.jsonl", tmp_path / "out")
    (record,) = [json.loads(line) for line in (tmp_path / "out" / "missing.jsonl").read_text().splitlines()]
    assert (result.pages, result.errors) == (1, 1)
    assert record["id"] == str(tmp_path / "missing.jsonl")
    assert "cannot read the file" in record["error"]["message"]


def test_a_parquet_shard_holds_the_jsonl_records(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    shard = tmp_path / "in" / "part-0.jsonl"
    shard.parent.mkdir()
    shard.write_text(json.dumps({"id": 1, "text": PAGE}) + "\n" + json.dumps({"id": "b", "text": ""}) + "\n")
    distributed.parse_shard(shard, tmp_path / "out")
    distributed.parse_shard(shard, tmp_path / "out", format="parquet")
    rows = pq.read_table(tmp_path / "out" / "part-0.parquet").to_pylist()
    jsonl = [json.loads(line) for line in (tmp_path / "out" / "part-0.jsonl").read_text().splitlines()]
    assert [json.loads(r["id"]) for r in rows] == [1, "b"]
    assert json.loads(rows[0]["document"]) == jsonl[0]["document"]
    assert (rows[0]["error_type"], rows[0]["error_message"]) == (None, None)
    assert (rows[1]["document"], rows[1]["error_type"]) == (None, "InputError")
    assert rows[1]["error_message"] == jsonl[1]["error"]["message"]


def _spoil_nothing(shard: Path, out: Path) -> None:
    """A complete shard, left as it is."""


def _delete_output(shard: Path, out: Path) -> None:
    (out / "part-0.jsonl").unlink()


def _delete_marker(shard: Path, out: Path) -> None:
    """A worker killed between the rename and the marker."""
    (out / "_SUCCESS.part-0.jsonl.json").unlink()


def _truncate_output(shard: Path, out: Path) -> None:
    data = (out / "part-0.jsonl").read_bytes()
    (out / "part-0.jsonl").write_bytes(data[: len(data) // 2])


def _grow_input(shard: Path, out: Path) -> None:
    with shard.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "late", "text": PAGE}) + "\n")


@pytest.mark.parametrize(
    ("spoil", "pending"),
    [
        (_spoil_nothing, False),
        (_delete_output, True),
        (_delete_marker, True),
        (_truncate_output, True),
        (_grow_input, True),
    ],
    ids=["complete", "output-deleted", "marker-missing", "output-truncated", "input-grew"],
)
def test_a_shard_is_pending_unless_its_output_is_complete(tmp_path: Path, spoil: Any, pending: bool) -> None:
    shard = _shard(tmp_path / "in")
    distributed.parse_shard(shard, tmp_path / "out")
    spoil(shard, tmp_path / "out")
    assert distributed.pending_shards([shard], tmp_path / "out") == ([str(shard)] if pending else [])


def test_shards_with_the_same_name_are_refused(tmp_path: Path) -> None:
    one, two = _shard(tmp_path / "a"), _shard(tmp_path / "b")
    with pytest.raises(ValueError, match="distinct file names"):
        distributed.pending_shards([one, two], tmp_path / "out")


def test_run_dask_without_dask_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(bilingual_news.MissingDependencyError, match=r"bilingual-news\[dask\]"):
        distributed.run_dask([_shard(tmp_path / "in")], tmp_path / "out")


def test_run_dask_removes_what_killed_workers_left(tmp_path: Path) -> None:
    shard = _shard(tmp_path / "in")
    out = tmp_path / "out"
    distributed.parse_shard(shard, out)
    leftover = out / ".part-1.jsonl.0123abcd.tmp"
    leftover.write_text('{"id": 0, "docu')
    summary = distributed.run_dask([shard], out)  # every shard complete: no cluster is started
    assert summary.skipped == (str(shard),)
    assert not leftover.exists()


# ---------------------------------------------------------------------------------- the command
def test_the_command_starts_a_local_cluster_without_an_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    shard = _shard(tmp_path / "in")
    assert main(["batch", str(shard), "-o", str(tmp_path / "out"), "--dask", "--jobs", "1"]) == 0
    ids = [json.loads(line)["id"] for line in (tmp_path / "out" / "part-0.jsonl").read_text().splitlines()]
    assert ids == [0, 1, 2]
    assert "3 pages, 3 ok, 0 errors" in capsys.readouterr().err


def test_dask_value_naming_a_path_is_taken_for_an_input(tmp_path: Path) -> None:
    from bilingual_news._cli_dask import _shards

    one, two = _shard(tmp_path / "a", "one.jsonl"), _shard(tmp_path / "b", "two.jsonl")
    args = _namespace(dask=str(tmp_path / "a"), inputs=[str(two)], output=str(tmp_path / "out"))
    assert _shards(args) == ([str(one), str(two)], "")


def test_a_page_file_is_not_a_shard(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["batch", str(page), "-o", str(tmp_path / "out"), "--dask"]) == 2
    assert "expected JSONL shards" in capsys.readouterr().err


def test_the_output_must_be_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shard = _shard(tmp_path / "in")
    (tmp_path / "out.jsonl").write_text("")
    assert main(["batch", str(shard), "-o", str(tmp_path / "out.jsonl"), "--dask"]) == 2
    assert "expected a folder" in capsys.readouterr().err


def _namespace(**values: Any) -> Any:
    import argparse

    return argparse.Namespace(**values)


def test_importing_the_module_does_not_import_dask() -> None:
    code = "import bilingual_news.distributed, sys; print('distributed' in sys.modules, 'dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
