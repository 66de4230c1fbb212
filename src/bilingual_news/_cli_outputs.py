"""Where ``bilingual-news batch`` (``--to``) and ``parse -o DIR`` write their pages.

In: one :class:`~bilingual_news.batch.Result` at a time, in input order. Out: files.

* ``jsonl``: one ``{"id", "document"}`` or ``{"id", "error"}`` line per page (unbuffered, one
  write a line, so that a crash leaves at most a partial last line for ``--resume`` to drop);
* ``csv`` and ``parquet``: one row per page, the columns of :data:`COLUMNS` (Parquet needs the
  ``parquet`` extra, pyarrow, and is written in row groups of :data:`PARQUET_ROWS_PER_GROUP`);
* ``text`` and ``markdown``: a folder, one file per parsed page, named after its id
  (:class:`FileNames`); a page that failed has no file;
* ``pairs``: one ``{"id", "en", "zh", "en_blocks", "zh_blocks", "score"}`` line per translation
  pair of a bilingual page (a parallel corpus); pages without pairs write nothing, a page that
  failed writes its ``{"id", "error"}`` line.

Kept apart from ``cli.py`` so that the command's module stays one screen per subcommand.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import IO, Any, BinaryIO, Protocol

from bilingual_news.batch import Result, output_record
from bilingual_news.errors import MissingDependencyError
from bilingual_news.model import Document

__all__ = [
    "COLUMNS",
    "OUTPUTS",
    "FileNames",
    "Sink",
    "open_sink",
    "render",
    "write_line",
]

OUTPUTS = ("jsonl", "text", "markdown", "csv", "parquet", "pairs")
"""What ``batch --to`` writes; ``jsonl`` is the default."""

FOLDER_OUTPUTS = ("text", "markdown")
"""The outputs that are a folder of files rather than one file."""

EXTENSIONS = {"json": ".json", "jsonl": ".json", "text": ".txt", "markdown": ".md", "pairs": ".tsv"}
"""The file name extension of a page written in each format."""

COLUMNS = (
    "id",
    "error",
    "headline",
    "lang",
    "published",
    "source",
    "author",
    "source_url",
    "confidence",
    "warnings",
    "text",
)
"""The columns of the CSV and Parquet outputs: the page's id (as text), its error
(``Type: message``, empty when it parsed), the headline, the body's language, the metadata, the
confidence, the warnings (one per line) and the clean article text (``Document.to_text()``)."""

PARQUET_ROWS_PER_GROUP = 1000
"""Rows kept in memory before a Parquet row group is written: a few megabytes of text, and
row groups large enough to read fast."""

NAME_MAX_CHARS = 150
"""Longest file name made from an id (before its extension and any ``-2``): file systems
refuse names over 255 bytes, and a Chinese character is 3 bytes in UTF-8."""

_UNSAFE = re.compile(r"[^\w.\-]+")
_INPUT_SUFFIX = re.compile(r"\.(?:txt|html?|md|markdown)$", re.IGNORECASE)


def render(doc: Document, format: str, indent: int | None = None) -> str:
    """A document as ``json`` (``Document.to_json``, with a final newline), ``text``,
    ``markdown`` or ``pairs`` (its translation pairs as TSV)."""
    if format in ("json", "jsonl"):
        return doc.to_json(indent=indent) + "\n"
    if format == "text":
        return doc.to_text()
    if format == "pairs":
        from bilingual_news.render import to_pairs_tsv

        return to_pairs_tsv(doc)
    return doc.to_markdown()


class FileNames:
    """File names for pages, one per id, unique within one output folder: the id as text, its
    input suffix (``.txt``, ``.html``, ``.md``) dropped, every run of characters other than
    letters, digits, ``.``, ``-`` and ``_`` (path separators included) made one ``_``, cut to
    :data:`NAME_MAX_CHARS`; then ``-2``, ``-3``… for a name already given, then the extension.
    ``pages/a.txt`` -> ``pages_a.md``."""

    def __init__(self, extension: str) -> None:
        self.extension = extension
        self._given: set[str] = set()

    def name(self, ident: Any) -> str:
        """The file name of the page with this id."""
        text = ident if isinstance(ident, str) else json.dumps(ident, ensure_ascii=False)
        stem = _UNSAFE.sub("_", _INPUT_SUFFIX.sub("", text)).strip("._")[:NAME_MAX_CHARS] or "page"
        name, n = stem, 1
        while name.casefold() in self._given:
            n += 1
            name = f"{stem}-{n}"
        self._given.add(name.casefold())
        return name + self.extension


class Sink(Protocol):
    """Where results go, one at a time."""

    def write(self, result: Result) -> None:
        """Write one page's result."""

    def close(self) -> None:
        """Finish the output (flush what is buffered, close the file)."""


def write_line(fh: BinaryIO, record: dict[str, Any]) -> None:
    """Write one record as one line, in one write to the OS (``fh`` is unbuffered), so that a
    crash leaves at most a partial last line, which ``--resume`` drops."""
    try:
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (from a JSONL "\\ud800"): keep it as an escape
        data = (json.dumps(record) + "\n").encode("ascii")
    view = memoryview(data)
    while view:
        written = fh.write(view)
        view = view[written:]


def row(result: Result) -> dict[str, Any]:
    """One page's row of the CSV and Parquet outputs (:data:`COLUMNS`)."""
    ident = result.id if isinstance(result.id, str) else json.dumps(result.id, ensure_ascii=False)
    doc = result.document
    if doc is None:
        error = f"{type(result.error).__name__}: {result.error}"
        return dict.fromkeys(COLUMNS) | {"id": ident, "error": error}
    meta = doc.metadata
    return {
        "id": ident,
        "error": None,
        "headline": doc.headline,
        "lang": doc.lang,
        "published": meta.published.isoformat() if meta.published else None,
        "source": meta.source,
        "author": meta.author,
        "source_url": doc.source_url,
        "confidence": doc.confidence,
        "warnings": "\n".join(doc.warnings),
        "text": doc.text,
    }


class _Jsonl:
    def __init__(self, out: Path, append: bool) -> None:
        self._fh = open(out, "ab" if append else "wb", buffering=0)  # noqa: SIM115 - closed by close()

    def write(self, result: Result) -> None:
        write_line(self._fh, output_record(result.id, result.document, result.error))

    def close(self) -> None:
        self._fh.close()


class _Pairs:
    def __init__(self, out: Path) -> None:
        self._fh = open(out, "wb", buffering=0)  # noqa: SIM115 - closed by close()

    def write(self, result: Result) -> None:
        if result.document is None:
            write_line(self._fh, output_record(result.id, None, result.error))
            return
        for pair in result.document.to_dict()["pairs"]:
            write_line(self._fh, {"id": result.id, **pair})

    def close(self) -> None:
        self._fh.close()


class _Csv:
    def __init__(self, out: Path) -> None:
        self._fh: IO[str] = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by close()
        self._writer = csv.DictWriter(self._fh, fieldnames=COLUMNS)
        self._writer.writeheader()

    def write(self, result: Result) -> None:
        self._writer.writerow(row(result))
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


class _Parquet:
    def __init__(self, out: Path) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise MissingDependencyError(
                "expected pyarrow for --to parquet, got none installed; pip install 'bilingual-news[parquet]'"
            ) from None
        self._pa = pa
        types = {"confidence": pa.float64()}
        self._schema = pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])
        self._writer = pq.ParquetWriter(str(out), self._schema)
        self._rows: list[dict[str, Any]] = []

    def write(self, result: Result) -> None:
        self._rows.append(row(result))
        if len(self._rows) >= PARQUET_ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


class _Folder:
    def __init__(self, out: Path, format: str) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self._out, self._format = out, format
        self._names = FileNames(EXTENSIONS[format])

    def write(self, result: Result) -> None:
        if result.document is not None:
            text = render(result.document, self._format)
            path = self._out / self._names.name(result.id)
            path.write_bytes(text.encode("utf-8", errors="surrogatepass"))

    def close(self) -> None:
        pass


def open_sink(to: str, out: Path, *, append: bool = False) -> Sink:
    """The sink of ``batch --to TO -o OUT``. Raises ``OSError`` when OUT cannot be opened and
    :class:`~bilingual_news.MissingDependencyError` for Parquet without pyarrow."""
    if to == "jsonl":
        return _Jsonl(out, append)
    if to == "csv":
        return _Csv(out)
    if to == "parquet":
        return _Parquet(out)
    if to == "pairs":
        return _Pairs(out)
    return _Folder(out, to)


def is_folder_output(to: str) -> bool:
    """Whether ``--to`` writes a folder (``text``, ``markdown``) rather than one file."""
    return to in FOLDER_OUTPUTS
