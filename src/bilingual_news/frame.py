"""Documents as a table: one row a block.

In: documents (or ``(page id, document)`` pairs). Out: rows as plain dicts
(:func:`to_records`, no dependency) or a pandas ``DataFrame`` (:func:`to_frame`; pandas is the
optional ``pandas`` extra, imported only when called).

The columns, in order:

======  ============================================================================
page    the page's id: the one given with the document, else its position (0, 1 …)
index   the block's position in ``Document.blocks``
kind    the block's kind, as its value (``"nav"``); a Categorical in the frame, its
        categories in :class:`~bilingual_news.model.Kind` order
text    the block's normalized text
start   the block's raw span start (``Block.span.start``)
end     the block's raw span end, exclusive
lang    the block's language (``zh-Hans``, ``en``, ``mixed`` …)
chars   the length of ``text``
======  ============================================================================

A document's translation pairs have a table of their own, one row a pair (:func:`pair_records`,
:func:`pairs_frame`; columns :data:`PAIR_COLUMNS`).

>>> from bilingual_news import parse
>>> [(r["page"], r["index"], r["text"], r["start"], r["chars"]) for r in to_records([("p1", parse("  首页 资讯"))])]
[('p1', 0, '首页 资讯', 2, 5)]
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, Any, TypeAlias

from bilingual_news.errors import MissingDependencyError
from bilingual_news.model import Document, Kind

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "PAIR_COLUMNS", "pair_records", "pairs_frame", "to_frame", "to_records"]

COLUMNS: tuple[str, ...] = ("page", "index", "kind", "text", "start", "end", "lang", "chars")
"""The columns of :func:`to_records` and :func:`to_frame`, in order."""

PAIR_COLUMNS: tuple[str, ...] = ("page", "en", "zh", "score", "en_blocks", "zh_blocks")
"""The columns of :func:`pair_records` and :func:`pairs_frame`, in order: a document's
translation pairs (:attr:`~bilingual_news.model.Document.pairs`), one row a pair."""

Pages: TypeAlias = "Document | Iterable[Document | tuple[Hashable, Document]]"


def to_records(docs: Pages) -> list[dict[str, Any]]:
    """One plain dict per block of every document, in order, with the keys of :data:`COLUMNS`.

    ``docs`` is a document, or an iterable of documents and ``(page id, document)`` pairs (a
    dict's ``.items()``, say); a document without an id gets its position as its id.

    Raises:
        TypeError: an item is neither a ``Document`` nor a ``(page id, Document)`` pair.
    """
    rows: list[dict[str, Any]] = []
    for page, doc in _pages(docs):
        rows.extend(
            {
                "page": page,
                "index": i,
                "kind": block.kind.value,
                "text": block.text,
                "start": block.span.start,
                "end": block.span.end,
                "lang": block.lang,
                "chars": len(block.text),
            }
            for i, block in enumerate(doc.blocks)
        )
    return rows


def to_frame(docs: Pages) -> pd.DataFrame:
    """The rows of :func:`to_records` as a pandas ``DataFrame``, ``kind`` a Categorical.

    Raises:
        MissingDependencyError: pandas is not installed (``pip install bilingual-news[pandas]``).
        TypeError: an item is neither a ``Document`` nor a ``(page id, Document)`` pair.
    """
    pd = _pandas()
    rows = to_records(docs)
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    frame["kind"] = pd.Categorical(frame["kind"], categories=[k.value for k in Kind])
    for column in ("index", "start", "end", "chars"):
        frame[column] = frame[column].astype("int64")
    return frame


def pair_records(docs: Pages) -> list[dict[str, Any]]:
    """One plain dict per translation pair of every document, in order, with the keys of
    :data:`PAIR_COLUMNS` (``en_blocks`` and ``zh_blocks`` as lists of block indices).

    >>> from bilingual_news import parse
    >>> pair_records(parse("Only one language here."))
    []

    Raises:
        TypeError: an item is neither a ``Document`` nor a ``(page id, Document)`` pair.
    """
    return [
        {
            "page": page,
            "en": pair.en,
            "zh": pair.zh,
            "score": pair.score,
            "en_blocks": list(pair.en_blocks),
            "zh_blocks": list(pair.zh_blocks),
        }
        for page, doc in _pages(docs)
        for pair in doc.pairs
    ]


def pairs_frame(docs: Pages) -> pd.DataFrame:
    """The rows of :func:`pair_records` as a pandas ``DataFrame``: for notebooks that build a
    parallel corpus from many pages.

    Raises:
        MissingDependencyError: pandas is not installed (``pip install bilingual-news[pandas]``).
        TypeError: an item is neither a ``Document`` nor a ``(page id, Document)`` pair.
    """
    pd = _pandas("pairs_frame()", "pair_records()")
    frame = pd.DataFrame.from_records(pair_records(docs), columns=list(PAIR_COLUMNS))
    frame["score"] = frame["score"].astype("float64")
    return frame


def _pandas(caller: str = "to_frame()", records: str = "to_records()") -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise MissingDependencyError(
            f"{caller} needs pandas, which is not installed; install it with "
            f"`pip install 'bilingual-news[pandas]'` (or use {records}, which needs nothing)"
        ) from exc
    return pandas


def _pages(docs: Pages) -> Iterable[tuple[Hashable, Document]]:
    if isinstance(docs, Document):
        yield 0, docs
        return
    for position, item in enumerate(docs):
        if isinstance(item, Document):
            yield position, item
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Document):
            yield item[0], item[1]
        else:
            raise TypeError(
                f"to_frame/to_records: expected Documents or (page id, Document) pairs, "
                f"got {type(item).__name__} at position {position}"
            )
