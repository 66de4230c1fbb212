"""The JSON form of a document (schema ``bilingual-news/1``) and back.

In: a :class:`~bilingual_news.model.Document` or the data :meth:`Document.to_dict` made.
Out: the other. ``from_dict(to_dict(doc)) == doc`` for every document.

The dict flattens spans to ``start``/``end`` so that a row of JSON needs no nesting, and keeps
``raw`` so that every offset can be checked against the text it points into. Lists of spans are
``[start, end]`` pairs: a block's ``sentences`` as ``[[0, 12], [13, 40]]``, the metadata's
``spans`` as an object from field to pair, in field order. A translation pair lists its
blocks by index (``en_blocks``, ``zh_blocks``); a dict without ``pairs`` (written before they
were recorded) reads as a document with none. Dates are ISO 8601
strings: ``2025-05-08`` for a date, ``2025-05-08T10:23:00`` for a datetime. The JSON Schema is
shipped in the package (:func:`json_schema`). The standard library does the encoding: the dict
is built by hand because the wire shape differs from the classes (flattened spans), so a
dataclass codec would not save the conversion.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from bilingual_news.errors import SchemaError
from bilingual_news.model import Block, Document, Edit, Kind, Metadata, Pair, Quote, Span

__all__ = ["SCHEMA", "document_from_dict", "document_from_json", "document_to_dict", "document_to_json", "json_schema"]

SCHEMA = "bilingual-news/1"
"""The ``schema`` value of every document dict this version writes and reads."""


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The document as JSON-ready data."""
    meta = doc.metadata
    return {
        "schema": SCHEMA,
        "headline": doc.headline,
        "source_url": doc.source_url,
        "lang": doc.lang,
        "metadata": {
            "published": meta.published.isoformat() if meta.published is not None else None,
            "source": meta.source,
            "author": meta.author,
            "editor": meta.editor,
            "original_title": meta.original_title,
            "views": meta.views,
            "spans": {name: [span.start, span.end] for name, span in meta.spans},
        },
        "blocks": [
            {
                "kind": b.kind.value,
                "text": b.text,
                "start": b.span.start,
                "end": b.span.end,
                "lang": b.lang,
                "reasons": list(b.reasons),
                "sentences": [[s.start, s.end] for s in b.sentences],
            }
            for b in doc.blocks
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "start": q.span.start,
                "end": q.span.end,
                "block": q.block,
                "verb": q.verb,
            }
            for q in doc.quotes
        ],
        "edits": [
            {"rule": e.rule, "start": e.span.start, "end": e.span.end, "before": e.before, "after": e.after}
            for e in doc.edits
        ],
        "pairs": [
            {
                "en": p.en,
                "zh": p.zh,
                "en_blocks": list(p.en_blocks),
                "zh_blocks": list(p.zh_blocks),
                "score": p.score,
            }
            for p in doc.pairs
        ],
        "warnings": list(doc.warnings),
        "confidence": doc.confidence,
        "raw": doc.raw,
    }


def document_to_json(doc: Document, *, indent: int | None = None) -> str:
    """The document as JSON text, with characters kept as they are, except lone surrogates.

    A lone surrogate (``"\\ud800"``: half of a UTF-16 pair, which a page can carry in from a
    JSON feed or a broken decoder) cannot be written in UTF-8, so it is written as its escape,
    ``\\ud800``, which every JSON reader reads back as the same character: the text is valid
    JSON that encodes to UTF-8, and reading it back gives the same document.

    >>> from bilingual_news import parse
    >>> '"raw": "a\\\\udc80b"' in parse("a\\udc80b").to_json()
    True
    """
    text = json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(_escaped, text) if _SURROGATE.search(text) else text


_SURROGATE = re.compile("[\ud800-\udfff]")
"""A surrogate code point, which a Python string can hold alone (half of a UTF-16 pair)."""


def _escaped(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def document_from_json(text: str | bytes) -> Document:
    """Read a document from :func:`document_to_json`'s output."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SchemaError(f"expected a JSON document, got text that is not JSON ({exc})") from None
    if not isinstance(data, Mapping):
        raise SchemaError(f"expected a JSON object, got {type(data).__name__}")
    return document_from_dict(data)


def document_from_dict(data: Mapping[str, Any]) -> Document:
    """Rebuild a document from :func:`document_to_dict`'s output."""
    if data.get("schema") != SCHEMA:
        raise SchemaError(f"expected schema {SCHEMA!r}, got {data.get('schema')!r}")
    try:
        meta = data["metadata"]
        return Document(
            raw=_str(data, "raw"),
            blocks=tuple(
                Block(
                    kind=Kind(b["kind"]),
                    text=b["text"],
                    span=Span(start=b["start"], end=b["end"]),
                    lang=b["lang"],
                    reasons=tuple(b["reasons"]),
                    sentences=tuple(Span(start=s, end=e) for s, e in b.get("sentences", ())),
                )
                for b in data["blocks"]
            ),
            headline=data["headline"],
            source_url=data["source_url"],
            quotes=tuple(
                Quote(
                    text=q["text"],
                    speaker=q["speaker"],
                    span=Span(start=q["start"], end=q["end"]),
                    block=q["block"],
                    verb=q.get("verb"),
                )
                for q in data["quotes"]
            ),
            edits=tuple(
                Edit(rule=e["rule"], span=Span(start=e["start"], end=e["end"]), before=e["before"], after=e["after"])
                for e in data["edits"]
            ),
            metadata=Metadata(
                published=_date(meta.get("published")),
                source=meta.get("source"),
                author=meta.get("author"),
                editor=meta.get("editor"),
                original_title=meta.get("original_title"),
                views=meta.get("views"),
                spans=tuple((name, Span(start=s, end=e)) for name, (s, e) in meta.get("spans", {}).items()),
            ),
            lang=data["lang"],
            warnings=tuple(data.get("warnings", ())),
            confidence=_confidence(data.get("confidence", 1.0)),
            pairs=tuple(
                Pair(
                    en=p["en"],
                    zh=p["zh"],
                    en_blocks=tuple(p["en_blocks"]),
                    zh_blocks=tuple(p["zh_blocks"]),
                    score=float(p["score"]),
                )
                for p in data.get("pairs", ())
            ),
        )
    except KeyError as exc:
        raise SchemaError(f"expected a {SCHEMA} document with the key {exc.args[0]!r}, which is missing") from None
    except (TypeError, ValueError) as exc:
        raise SchemaError(f"expected a {SCHEMA} document, got a value of the wrong type or form ({exc})") from None


def _str(data: Mapping[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise SchemaError(f"expected {key!r} to be a string, got {type(value).__name__}")
    return value


def _confidence(value: object) -> float:
    """A document's confidence: a number from 0 to 1 (1.0 for a document written before it
    was recorded)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise SchemaError(f"expected 'confidence' to be a number from 0 to 1, got {value!r}")
    return float(value)


def _date(value: str | None) -> dt.datetime | dt.date | None:
    if value is None:
        return None
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)


@functools.cache
def _schema_text() -> str:
    return resources.files("bilingual_news").joinpath("document.schema.json").read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`document_to_dict`'s output."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
