"""Batch parsing: many pages in, one :class:`Result` per page out, in input order.

In: an iterable of pages (``str``, ``bytes``, ``os.PathLike`` paths) or ``(id, page)`` pairs.
Out: an iterator of :class:`Result`, each pairing an id with its :class:`~bilingual_news.Document`
or with the :class:`~bilingual_news.BilingualNewsError` its page raised.

One bad page never stops the run: errors the library raises on purpose are caught per page and
reported in its result. Anything else (a bug) is not swallowed: it propagates and ends the run.

With ``jobs > 1`` the pages go to worker processes in chunks. Each worker warms the lazy
resources once (:func:`~bilingual_news.distributed.warmup`: the compiled patterns, lexicons,
character sets and readers; langdetect and jieba load on the first page that needs them), and at most
``jobs * IN_FLIGHT_PER_WORKER`` chunks are out at any time, so the input is read only as fast as
the workers take it and memory stays flat however many pages go through::

    items ──chunk──▶ (id, page) × CHUNK_PAGES ──worker: parse──▶ Result × CHUNK_PAGES ──▶ in order
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeAlias

from bilingual_news._warm import warmup
from bilingual_news.errors import BilingualNewsError, InputError
from bilingual_news.model import Document
from bilingual_news.options import ParseOptions
from bilingual_news.pipeline import FORMATS, Format, parse, parse_file

__all__ = ["FormattedPage", "Item", "Page", "Result", "check_format", "iter_results", "parse_many"]

Page: TypeAlias = str | bytes | os.PathLike[str]
"""One page: its text, its bytes (any encoding :func:`~bilingual_news.parse` reads) or a path
to a file holding it. A plain ``str`` is always the page's text, never a path."""

Item: TypeAlias = Page | tuple[Any, Page]
"""What :func:`parse_many` takes: a page, or an ``(id, page)`` pair."""

CHUNK_PAGES = 16
"""Pages sent to a worker at once: enough that the cost of handing a chunk over (pickling,
a pipe round trip, ~0.1 ms) is small beside parsing it (~5-50 ms a page), few enough that the
results come back steadily and the chunks in flight hold little memory."""

CHUNK_MAX_CHARS = 4_000_000
"""A chunk is closed early once its pages given as text or bytes hold this many characters, so
that a run of huge pages does not put hundreds of megabytes in flight (pages given as paths are
read by the worker and count as nothing here)."""

IN_FLIGHT_PER_WORKER = 2
"""Chunks out per worker: one being parsed and one waiting, so that no worker idles while the
parent writes results, and the input is read no faster than the workers take it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    """One page's outcome in a batch: its document, or the error it raised."""

    id: Any
    """The page's id: the one given in an ``(id, page)`` pair, the path for a page given as a
    path (as given), or the page's index in the input (from 0) for text and bytes."""
    document: Document | None = None
    """The parsed page, or ``None`` when it could not be parsed."""
    error: BilingualNewsError | None = None
    """Why the page could not be parsed, or ``None`` when it was."""

    @property
    def ok(self) -> bool:
        """Whether the page was parsed (``document`` is set and ``error`` is ``None``)."""
        return self.error is None


def output_record(ident: Any, document: Document | None, error: BilingualNewsError | None) -> dict[str, Any]:
    """One page's line of ``bilingual-news batch`` output (and of a Dask/Spark shard):
    ``{"id", "document"}``, or ``{"id", "error": {"type", "message"}}``."""
    if document is not None:
        return {"id": ident, "document": document.to_dict()}
    return {"id": ident, "error": {"type": type(error).__name__, "message": str(error)}}


class FormattedPage(NamedTuple):
    """A task's page with its own input format (a JSONL record's ``"format"``), which wins
    over the run's ``format``."""

    page: str | bytes
    """The page."""
    format: Format
    """What it is: one of :data:`~bilingual_news.pipeline.FORMATS`."""


def check_format(format: object) -> None:
    """Raise ``ValueError`` unless ``format`` is one of :data:`~bilingual_news.pipeline.FORMATS`."""
    if format not in FORMATS:
        raise ValueError(f"expected format to be one of {', '.join(FORMATS)}, got {format!r}")


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type, for the messages about bad JSONL records."""
    names = {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}
    return names.get(type(value), type(value).__name__)


def parse_many(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    options: ParseOptions | None = None,
    format: Format = "auto",
) -> Iterator[Result]:
    """Parse many pages, yielding one :class:`Result` per item, in input order.

    Args:
        items: pages, or ``(id, page)`` pairs. A page is ``str`` (its text: a plain string is
            never taken for a path), ``bytes`` (decoded as :func:`~bilingual_news.parse` does)
            or an ``os.PathLike`` such as :class:`pathlib.Path` (read as
            :func:`~bilingual_news.parse_file` reads it). Read lazily, as the work goes on.
        jobs: worker processes; ``1`` (the default) parses in this process. With more, start
            the run under ``if __name__ == "__main__":`` on platforms that spawn workers
            (Windows, macOS), as for any :mod:`multiprocessing` program.
        options: how to parse each page; ``ParseOptions()`` when ``None``.
        format: what every page is, as :func:`~bilingual_news.parse` takes it (``"auto"``, the
            default, decides page by page; ``docs/input.md``).

    Yields:
        :class:`Result` per item. Default ids: the path for a path, the index (from 0) for text
        and bytes. A page that raises :class:`~bilingual_news.BilingualNewsError` (binary bytes,
        a missing file, an item of the wrong type, a page too long) gives a result with its
        ``error``; the run goes on.

    Raises:
        ValueError: ``jobs`` is less than 1, or ``format`` is none of
            :data:`~bilingual_news.pipeline.FORMATS`.
        Exception: whatever a bug raises inside the parser; the run stops there.

    >>> [(r.id, r.ok, r.document.headline if r.document else None) for r in parse_many(["", b"%PDF-1.4"])]
    [(0, True, None), (1, False, None)]
    """
    return iter_results(_tasks(items), jobs=jobs, options=options, format=format)


def iter_results(
    tasks: Iterable[tuple[Any, object]],
    *,
    jobs: int = 1,
    options: ParseOptions | None = None,
    refuse_blank: bool = False,
    format: Format = "auto",
) -> Iterator[Result]:
    """The engine under :func:`parse_many` and ``bilingual-news batch``: ``(id, page)`` tasks in,
    results out, in order.

    A task's page is what :func:`parse_many` takes, a :class:`FormattedPage` (a page with its
    own format, which wins over ``format``), or a
    :class:`~bilingual_news.BilingualNewsError` for an input that failed before it could be
    parsed (a bad line of a JSONL file), which is reported as that id's error. With
    ``refuse_blank``, a page that is empty or white space only is an :class:`InputError`
    rather than an empty document (a crawler's empty fetch is worth knowing about).
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"expected jobs to be a whole number of processes, 1 or more, got {jobs!r}")
    check_format(format)
    opts = options or ParseOptions()
    if jobs == 1:
        return (_parse_one(task, opts, refuse_blank, format) for task in tasks)
    return _parallel(tasks, jobs, opts, refuse_blank, format)


def _tasks(items: Iterable[Item]) -> Iterator[tuple[Any, object]]:
    """``(id, page)`` per item, checked here in the parent: an item of the wrong type becomes its
    :class:`InputError` at once (it may not even be picklable, to go to a worker)."""
    for index, item in enumerate(items):
        if isinstance(item, tuple):
            if len(item) != 2:
                yield index, InputError(f"expected an (id, page) pair, got a tuple of {len(item)} items")
                continue
            ident, page = item
        else:
            ident, page = (item if isinstance(item, os.PathLike) else index), item
        if isinstance(page, (bytearray, memoryview)):
            page = bytes(page)
        yield ident, (page if isinstance(page, (str, bytes, os.PathLike, FormattedPage)) else _wrong_type(page))


def _wrong_type(page: object) -> InputError:
    expected = "a page as str (its text), bytes, an os.PathLike path or an (id, page) pair"
    return InputError(f"expected {expected}, got {type(page).__name__}")


def _parse_one(task: tuple[Any, object], options: ParseOptions, refuse_blank: bool, format: Format = "auto") -> Result:
    ident, page = task
    if isinstance(page, BilingualNewsError):
        return Result(id=ident, error=page)
    if isinstance(page, FormattedPage):
        page, format = page
    try:
        if isinstance(page, os.PathLike):
            doc = parse_file(page, options=options, format=format)
        elif isinstance(page, (str, bytes)):
            doc = parse(page, options=options, format=format)
        else:
            raise _wrong_type(page)
        if refuse_blank and not doc.raw.strip():
            what = "an empty page" if not doc.raw else "a blank page (white space only)"
            source = os.fspath(page) if isinstance(page, os.PathLike) else None
            raise InputError(f"expected a page with text, got {what}", source=source)
    except BilingualNewsError as exc:
        return Result(id=ident, error=exc)
    return Result(id=ident, document=doc)


# ------------------------------------------------------------------ worker processes
_worker_options: ParseOptions | None = None
_worker_refuse_blank = False
_worker_format: Format = "auto"


def _warm(options: ParseOptions, refuse_blank: bool, format: Format = "auto") -> None:
    """A worker's initializer: keep the run's settings and load the lazy resources once.

    Ctrl-C is left to the parent, which stops handing out work and shuts the pool down: a
    worker that took the interrupt itself would die mid-chunk with a traceback of its own.
    """
    global _worker_options, _worker_refuse_blank, _worker_format
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_options, _worker_refuse_blank, _worker_format = options, refuse_blank, format
    warmup()


def _run_chunk(chunk: list[tuple[Any, object]]) -> list[Result]:
    options = _worker_options or ParseOptions()
    return [_parse_one(task, options, _worker_refuse_blank, _worker_format) for task in chunk]


def _chunks(tasks: Iterable[tuple[Any, object]]) -> Iterator[list[tuple[Any, object]]]:
    chunk: list[tuple[Any, object]] = []
    chars = 0
    for task in tasks:
        chunk.append(task)
        page = task[1]
        if isinstance(page, FormattedPage):
            page = page.page
        if isinstance(page, (str, bytes)):
            chars += len(page)
        if len(chunk) >= CHUNK_PAGES or chars >= CHUNK_MAX_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _parallel(
    tasks: Iterable[tuple[Any, object]], jobs: int, options: ParseOptions, refuse_blank: bool, format: Format
) -> Iterator[Result]:
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(),
        initializer=_warm,
        initargs=(options, refuse_blank, format),
    )
    try:
        chunks = _chunks(tasks)
        pending: deque[Future[list[Result]]] = deque(
            pool.submit(_run_chunk, chunk) for chunk in itertools.islice(chunks, jobs * IN_FLIGHT_PER_WORKER)
        )
        while pending:
            done = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(_run_chunk, following))
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
