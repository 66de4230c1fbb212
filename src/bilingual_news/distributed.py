"""Past one machine: the batch job cut into shards and run on an existing engine.

In: JSONL shards, one ``{"id": …, "text": …}`` record a line (``"html"`` instead of ``"text"``
once this version's :func:`~bilingual_news.parse` reads HTML). Out: one output file per input
shard, each line the record ``bilingual-news batch`` writes for that page —
``{"id": …, "document": …}`` or ``{"id": …, "error": {"type": …, "message": …}}`` — in input
order, so a sharded run's output equals a plain batch run's, line for line.

Four pieces, from a partition to a cluster::

    parse_records(records) ─▶ records      a pure partition function (Dask map_partitions, Spark mapPartitions)
    parse_lines(lines)     ─▶ lines        the same on JSONL text
    parse_shard(path, out) ─▶ ShardResult  one shard file ─▶ one output file, atomically, with its marker
    run_dask(paths, out)   ─▶ RunSummary   every shard not yet complete, mapped over a dask.distributed client

The output folder::

    OUT/part-0001.jsonl                 the shard's records; renamed into place only when whole
    OUT/_SUCCESS.part-0001.jsonl.json   its marker, written after the rename: pages, errors, and
                                        the input's size and modification time
    OUT/_SUCCESS                        written when every shard of the run is complete: the totals
    OUT/.part-0001.jsonl.<token>.tmp    a shard being written; left only by a killed worker, and
                                        removed by the next run

A shard is complete when its output and its marker both exist, the output's size is the one the
marker records and the input's size and modification time are those the marker records. A re-run
redoes exactly the shards that are not complete, and no others. A worker killed mid-shard leaves
at most a ``.tmp`` file, never a half output; Dask itself re-runs the task of a worker that died.

Resources load lazily, once per process (:mod:`bilingual_news._lazy`); :func:`warmup` loads them
ahead of the first page, so that a worker's start-up cost shows apart from its parsing.
"""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from bilingual_news._warm import warmup
from bilingual_news.batch import FormattedPage, check_format, iter_results, json_type, output_record
from bilingual_news.errors import BilingualNewsError, InputError, MissingDependencyError
from bilingual_news.options import ParseOptions
from bilingual_news.pipeline import FORMATS as INPUT_FORMATS
from bilingual_news.pipeline import Format

__all__ = [
    "FORMATS",
    "RunSummary",
    "ShardResult",
    "parse_lines",
    "parse_records",
    "parse_shard",
    "pending_shards",
    "run_dask",
    "warmup",
]

FORMATS = ("jsonl", "parquet")
"""Output formats: one JSONL file per shard (the default), or one Parquet file (``[parquet]`` extra)."""

MARKER_PREFIX, MARKER_SUFFIX = "_SUCCESS.", ".json"
"""A shard's marker is its output's name between these (``_SUCCESS.part-0001.jsonl.json``): it
matches neither ``*.jsonl`` nor ``*.parquet``, and files whose names start with ``_`` or ``.``
are skipped by Spark's, Hadoop's and pyarrow's readers of a folder, so markers and unfinished
``.tmp`` files never pass for data."""

RUN_MARKER = "_SUCCESS"
"""The file written when every shard of a run is complete (Hadoop's name for it)."""

_PARQUET_COLUMNS = ("id", "document", "error_type", "error_message")
"""A Parquet output's columns, all strings: ``id`` and ``document`` as JSON text (ids may be any
JSON value, and a document's nested shape is stable as text whatever the shard holds); the error's
type and message; ``document`` or the error columns are null."""


# ------------------------------------------------------------------------ records and lines
def _task(record: object, where: str | None) -> tuple[Any, object, bool]:
    """``(id, page or InputError, is_html)`` for one record, as ``bilingual-news batch`` reads a
    JSONL line: the same ids (``where`` for a record without one) and the same messages; a
    record's ``"format"`` makes its page a :class:`~bilingual_news.batch.FormattedPage`."""
    if not isinstance(record, Mapping):
        message = f'expected a JSON object with "id" and "text", got a JSON {json_type(record)}'
        return where, InputError(message, source=where), False
    ident = record.get("id")
    ident = where if ident is None else ident
    text = record.get("text")
    if text is None and "html" in record:
        html = record["html"]
        if not isinstance(html, str):
            return (
                ident,
                InputError(f'expected "html" to be a string, got a JSON {json_type(html)}', source=where),
                False,
            )
        return ident, html, True
    if not isinstance(text, str):
        got = "no text" if text is None else f"a JSON {json_type(text)}"
        return ident, InputError(f'expected "text" to be a string, got {got}', source=where), False
    fmt = record.get("format")
    if fmt is None:
        return ident, text, False
    if fmt not in INPUT_FORMATS:
        message = f'expected "format" to be one of {", ".join(INPUT_FORMATS)}, got {fmt!r}'
        return ident, InputError(message, source=where), False
    return ident, FormattedPage(text, fmt), False


def _parse_html(ident: Any, page: str, options: ParseOptions) -> dict[str, Any]:
    """An ``"html"`` record: the page parsed as HTML (``parse(page, format="html")``)."""
    from bilingual_news.pipeline import parse

    try:
        doc = parse(page, format="html", options=options)
        if not doc.raw.strip():
            what = "an empty page" if not doc.raw else "a blank page (white space only)"
            raise InputError(f"expected a page with text, got {what}")
    except BilingualNewsError as exc:
        return output_record(ident, None, exc)
    return output_record(ident, doc, None)


def _parse_tasks(
    tasks: Iterable[tuple[Any, object, bool]], options: ParseOptions | None, input_format: Format = "auto"
) -> Iterator[dict[str, Any]]:
    check_format(input_format)
    opts = options or ParseOptions()
    for ident, page, is_html in tasks:
        if is_html and isinstance(page, str):
            yield _parse_html(ident, page, opts)
            continue
        # The batch engine itself, one page at a time, so a page gives what `bilingual-news batch` gives.
        (result,) = iter_results([(ident, page)], options=opts, refuse_blank=True, format=input_format)
        yield output_record(result.id, result.document, result.error)


def parse_records(
    records: Iterable[Mapping[str, Any]], *, options: ParseOptions | None = None, input_format: Format = "auto"
) -> Iterator[dict[str, Any]]:
    """Parse a partition of records: ``{"id", "text"}`` dicts in, batch records out, in order.

    A pure function of its input, made to be mapped over partitions: Dask's
    ``bag.map_partitions(parse_records)``, Spark's ``rdd.mapPartitions(parse_records)``. It
    loads the lazy resources on first use, once per process.

    Args:
        records: mappings with an ``"id"`` (any JSON value; ``None`` when absent) and a ``"text"``
            (the page), or an ``"html"`` instead of a ``"text"``: parsed as HTML when this
            version's :func:`~bilingual_news.parse` reads HTML, else an error record says so.
            A record's ``"format"`` (``text``, ``html``, ``markdown``, ``auto``) says what its
            ``"text"`` is, over ``input_format``.
        options: how to parse each page; ``ParseOptions()`` when ``None``.
        input_format: what the records' pages are (``"auto"``: decided page by page;
            ``functools.partial(parse_records, input_format="markdown")`` to map it).

    Yields:
        ``{"id": …, "document": Document.to_dict()}``, or ``{"id": …, "error": {"type": …,
        "message": …}}`` for a page that cannot be parsed, a blank page, or a record that is not
        a mapping with a string ``"text"`` — the records ``bilingual-news batch`` writes.

    >>> [sorted(r) for r in parse_records([{"id": 1, "text": "A line of text."}, {"id": 2, "text": ""}])]
    [['document', 'id'], ['error', 'id']]
    """
    return _parse_tasks((_task(record, None) for record in records), options, input_format)


def _line_tasks(lines: Iterable[str | bytes], source: str | None) -> Iterator[tuple[Any, object, bool]]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}" if source is not None else None
        try:
            record = json.loads(line)
        except ValueError as exc:
            message = f'expected a JSON object with "id" and "text", got invalid JSON ({exc})'
            yield where, InputError(message, source=where), False
            continue
        yield _task(record, where)


def _dumps(record: dict[str, Any]) -> str:
    """One record as JSON text, as ``bilingual-news batch`` writes it: UTF-8 as is, but a lone
    surrogate (from a ``"\\ud800"`` escape in the input) kept as an escape, so the text encodes."""
    text = json.dumps(record, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record)
    return text


def parse_lines(
    lines: Iterable[str | bytes],
    *,
    source: str | None = None,
    options: ParseOptions | None = None,
    input_format: Format = "auto",
) -> Iterator[str]:
    """Parse a partition of JSONL lines: one record a line in, one output line (no newline) out.

    For engines that hand over text: ``dask.bag.read_text(...).map_partitions(parse_lines)``,
    Spark's ``sc.textFile(...).mapPartitions(parse_lines)``. Blank lines are skipped; a line that
    is not JSON is an error record.

    Args:
        lines: the JSONL text, one record a line (``str`` or ``bytes``, a newline at the end or not).
        source: the file the lines are, from its first line; a record without an ``"id"`` is then
            named ``SOURCE:LINE`` as ``bilingual-news batch`` names it (``None``: its id is null).
        options: how to parse each page; ``ParseOptions()`` when ``None``.
        input_format: what the records' pages are, as :func:`parse_records` takes it.

    >>> [json.loads(line)["id"] for line in parse_lines(['{"id": "a", "text": "Hi."}', "", "oops"], source="f")]
    ['a', 'f:3']
    """
    return (_dumps(record) for record in _parse_tasks(_line_tasks(lines, source), options, input_format))


# ------------------------------------------------------------------------------------- shards
@dataclass(frozen=True, slots=True, kw_only=True)
class ShardResult:
    """What parsing one shard did."""

    source: str
    """The input shard, as given."""
    output: str
    """Its output file."""
    pages: int
    """Records written (pages parsed, and error records)."""
    errors: int
    """Error records among them."""
    seconds: float
    """Time spent on the shard, reading and writing included."""


def _output_name(source: str | os.PathLike[str], fmt: str) -> str:
    stem = Path(source).name
    stem = stem[: -len(".jsonl")] if stem.lower().endswith(".jsonl") else stem
    return f"{stem}.{fmt}"


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"expected format to be one of {', '.join(FORMATS)}, got {fmt!r}")


def _stat_key(path: Path) -> dict[str, int]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _complete(source: Path, output: Path) -> dict[str, Any] | None:
    """The marker of a complete shard output, or ``None`` when the shard must be (re)done."""
    marker = output.with_name(MARKER_PREFIX + output.name + MARKER_SUFFIX)
    try:
        data = json.loads(marker.read_bytes())
        if not isinstance(data, dict) or data.get("input") != _stat_key(source):
            return None
        if data.get("output_size") != output.stat().st_size:
            return None
    except (OSError, ValueError):
        return None
    return data


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_jsonl(records: Iterable[dict[str, Any]], fh: BinaryIO) -> tuple[int, int]:
    pages = errors = 0
    for record in records:
        fh.write((_dumps(record) + "\n").encode("utf-8"))
        pages += 1
        errors += "error" in record
    return pages, errors


def _write_parquet(records: Iterable[dict[str, Any]], fh: BinaryIO) -> tuple[int, int]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependencyError(
            "Parquet output needs the package 'pyarrow', which is not installed; "
            "install it with `pip install 'bilingual-news[parquet]'`"
        ) from None
    columns: dict[str, list[str | None]] = {name: [] for name in _PARQUET_COLUMNS}
    errors = 0
    for record in records:
        error = record.get("error")
        columns["id"].append(_dumps({"id": record["id"]})[len('{"id": ') : -1])
        columns["document"].append(None if error else _dumps(record["document"]))
        columns["error_type"].append(error["type"] if error else None)
        columns["error_message"].append(error["message"] if error else None)
        errors += error is not None
    schema = pa.schema([(name, pa.string()) for name in _PARQUET_COLUMNS])
    pq.write_table(pa.table(columns, schema=schema), fh)
    return len(columns["id"]), errors


def parse_shard(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    options: ParseOptions | None = None,
    format: str = "jsonl",
    input_format: Format = "auto",
) -> ShardResult:
    """Parse one JSONL shard into its output file in the folder ``output``, atomically.

    The records go to a temporary file in ``output``, renamed to ``<shard>.jsonl`` (or
    ``.parquet``) only when the shard is whole; then the shard's marker ``_SUCCESS.<name>.json`` is
    written (pages, errors, the input's size and modification time). A process killed on the way
    leaves no output under the final name, only a ``.tmp`` file the next :func:`run_dask` removes.

    Runs in the calling process: this is the task :func:`run_dask` sends to each worker. An
    unreadable shard gives one error record named by its path, as ``bilingual-news batch`` does.

    ``input_format`` is what the records' pages are, as :func:`parse_records` takes it
    (``format`` is the output's).

    Raises:
        ValueError: an unknown ``format`` or ``input_format``.
        MissingDependencyError: ``format="parquet"`` without pyarrow.
    """
    _check_format(format)
    check_format(input_format)
    warmup()
    start = time.perf_counter()
    src, folder = Path(source), Path(output)
    name = os.fspath(source)
    target = folder / _output_name(source, format)
    folder.mkdir(parents=True, exist_ok=True)
    reader: BinaryIO | None = None
    try:
        stat = _stat_key(src)
        reader = src.open("rb")
        tasks = _line_tasks(reader, name)
    except OSError as exc:
        stat = {"size": -1, "mtime_ns": -1}
        tasks = iter([(name, InputError(f"cannot read the file ({exc.strerror})", source=name), False)])
    write = _write_parquet if format == "parquet" else _write_jsonl
    tmp = folder / f".{target.name}.{uuid.uuid4().hex}.tmp"
    try:
        with tmp.open("wb") as fh:
            pages, errors = write(_parse_tasks(tasks, options, input_format), fh)
            fh.flush()
            os.fsync(fh.fileno())
        size = tmp.stat().st_size
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
        if reader is not None:
            reader.close()
    seconds = time.perf_counter() - start
    marker = {"input": stat, "output_size": size, "pages": pages, "errors": errors, "seconds": round(seconds, 3)}
    _write_atomic(folder / (MARKER_PREFIX + target.name + MARKER_SUFFIX), (json.dumps(marker) + "\n").encode("ascii"))
    return ShardResult(source=name, output=os.fspath(target), pages=pages, errors=errors, seconds=seconds)


def pending_shards(
    inputs: Sequence[str | os.PathLike[str]], output: str | os.PathLike[str], *, format: str = "jsonl"
) -> list[str]:
    """The shards of ``inputs`` whose output in ``output`` is missing or not complete, in input
    order (see the module's docstring for what complete means).

    Raises:
        ValueError: two inputs would write the same output (shards with the same file name), or
            an unknown ``format``.
    """
    _check_format(format)
    names = _distinct_outputs(inputs, format)
    folder = Path(output)
    return [
        os.fspath(src) for src, name in zip(inputs, names, strict=True) if _complete(Path(src), folder / name) is None
    ]


def _distinct_outputs(inputs: Sequence[str | os.PathLike[str]], fmt: str) -> list[str]:
    names = [_output_name(src, fmt) for src in inputs]
    seen: dict[str, str] = {}
    for src, name in zip(inputs, names, strict=True):
        if name in seen:
            raise ValueError(
                f"expected input shards with distinct file names (each gives OUT/{name}), "
                f"got {seen[name]} and {os.fspath(src)}"
            )
        seen[name] = os.fspath(src)
    return names


# -------------------------------------------------------------------------------------- Dask
@dataclass(frozen=True, slots=True, kw_only=True)
class RunSummary:
    """What a :func:`run_dask` run did."""

    shards: int
    """Input shards."""
    parsed: tuple[str, ...]
    """The shards parsed by this run, in input order."""
    skipped: tuple[str, ...]
    """The shards already complete in the output, left as they were."""
    pages: int
    """Records written by this run."""
    errors: int
    """Error records among them."""
    skipped_pages: int
    """Records of the skipped shards (from their markers)."""
    skipped_errors: int
    """Error records of the skipped shards."""
    startup_seconds: float
    """Starting the local cluster (when one was started) and warming every worker up."""
    seconds: float
    """Parsing the shards, from the first task sent to the last result back."""

    @property
    def pages_per_s(self) -> float:
        """Records written per second of :attr:`seconds`."""
        return self.pages / self.seconds if self.seconds > 0 else 0.0


def _dask() -> Any:
    try:
        import distributed
    except ImportError:
        raise MissingDependencyError(
            "run_dask needs the packages 'dask' and 'distributed', which are not installed; "
            "install them with `pip install 'bilingual-news[dask]'`"
        ) from None
    return distributed


def _local_cluster(distributed: Any, workers: int | None) -> Any:
    """A local cluster sized to the machine: one single-threaded worker process per CPU (parsing
    is pure Python and holds the GIL, so threads would not add speed)."""
    import logging

    count = workers or os.cpu_count() or 1
    return distributed.LocalCluster(
        n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    )


def _remove_stale(folder: Path) -> None:
    """Remove the ``.tmp`` files killed workers left, and the run marker of an earlier run."""
    for tmp in folder.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)
    (folder / RUN_MARKER).unlink(missing_ok=True)


def run_dask(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    client: Any = None,
    workers: int | None = None,
    options: ParseOptions | None = None,
    format: str = "jsonl",
    progress: bool | None = None,
    input_format: Format = "auto",
) -> RunSummary:
    """Parse JSONL shards on a Dask cluster: one task per shard not yet complete in ``output``.

    Args:
        inputs: the JSONL shards (paths every worker can read: a shared file system on a real
            cluster). Their file names must differ: ``part-0001.jsonl`` gives
            ``output/part-0001.jsonl``.
        output: the output folder (created when missing; every worker must be able to write it).
            One run at a time per folder: a run starts by removing the ``.tmp`` files it finds.
        client: a ``dask.distributed.Client``; ``None`` starts a local cluster of ``workers``
            single-threaded processes for the run and closes it after.
        workers: the local cluster's worker processes; the machine's CPUs when ``None``.
            Ignored with a ``client``.
        options: how to parse each page; ``ParseOptions()`` when ``None``.
        format: ``"jsonl"`` (default) or ``"parquet"`` (needs the ``[parquet]`` extra on the workers).
        input_format: what the shards' pages are, as :func:`parse_records` takes it (``"auto"``:
            decided page by page; a record's ``"format"`` wins).
        progress: draw a progress bar over the shards on standard error; by default only when
            standard error is a terminal.

    Returns:
        A :class:`RunSummary`: shards parsed and skipped, pages, errors, pages/s, start-up time.

    Raises:
        ValueError: no inputs, two shards with the same file name, an unknown ``format``.
        InputError: an input that is not a file.
        MissingDependencyError: dask or distributed is not installed (``pip install 'bilingual-news[dask]'``).
        Exception: whatever a bug raises inside the parser on a worker; the run stops there.
    """
    if not inputs:
        raise ValueError("expected one or more input shards, got none")
    _check_format(format)
    check_format(input_format)
    _distinct_outputs(inputs, format)
    for src in inputs:
        if not Path(src).is_file():
            raise InputError("expected a JSONL shard file, got no such file", source=os.fspath(src))
    distributed = _dask()
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale(folder)
    todo = pending_shards(inputs, folder, format=format)
    pending = set(todo)
    skipped = tuple(os.fspath(src) for src in inputs if os.fspath(src) not in pending)
    skipped_pages = skipped_errors = 0
    for src in skipped:
        done = _complete(Path(src), folder / _output_name(src, format)) or {}
        skipped_pages += int(done.get("pages", 0))
        skipped_errors += int(done.get("errors", 0))

    start = time.perf_counter()
    cluster = None
    results: dict[str, ShardResult] = {}
    if todo:
        if client is None:
            cluster = _local_cluster(distributed, workers)
            client = distributed.Client(cluster)
        try:
            client.run(warmup)
            startup = time.perf_counter() - start
            results = _map_shards(distributed, client, todo, folder, options, format, progress, input_format)
        finally:
            if cluster is not None:
                client.close()
                cluster.close()
    else:
        startup = 0.0
    seconds = time.perf_counter() - start - startup

    summary = RunSummary(
        shards=len(inputs),
        parsed=tuple(todo),
        skipped=skipped,
        pages=sum(r.pages for r in results.values()),
        errors=sum(r.errors for r in results.values()),
        skipped_pages=skipped_pages,
        skipped_errors=skipped_errors,
        startup_seconds=startup,
        seconds=seconds,
    )
    totals = {
        "shards": summary.shards,
        "pages": summary.pages + skipped_pages,
        "errors": summary.errors + skipped_errors,
    }
    _write_atomic(folder / RUN_MARKER, (json.dumps(totals) + "\n").encode("ascii"))
    return summary


def _map_shards(
    distributed: Any,
    client: Any,
    todo: list[str],
    folder: Path,
    options: ParseOptions | None,
    fmt: str,
    progress: bool | None,
    input_format: Format = "auto",
) -> dict[str, ShardResult]:
    futures = client.map(
        parse_shard,
        todo,
        output=os.fspath(folder),
        options=options,
        format=fmt,
        input_format=input_format,
        pure=False,
    )
    bar = None
    if progress or (progress is None and sys.stderr.isatty()):
        from tqdm import tqdm  # a runtime dependency, imported only to draw the bar

        bar = tqdm(total=len(todo), unit="shard", file=sys.stderr, dynamic_ncols=True, desc="parsing")
    results: dict[str, ShardResult] = {}
    pages = errors = 0
    try:
        for future in distributed.as_completed(futures):
            result: ShardResult = future.result()
            results[result.source] = result
            pages += result.pages
            errors += result.errors
            if bar is not None:
                bar.set_postfix(pages=pages, errors=errors, refresh=False)
                bar.update()
    except BaseException:
        client.cancel(futures)
        raise
    finally:
        if bar is not None:
            bar.close()
    return results
