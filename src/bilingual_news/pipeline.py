"""The pipeline: raw page -> :class:`~bilingual_news.model.Document`, one named stage at a time.

::

    raw ─normalize─▶ Normalized ─split─▶ units ─features─▶ Features ─label─▶ Guess
        ─revise─▶ Revision ─assemble_blocks─▶ blocks ─sentences─▶ blocks with sentences
        ─quotes─▶ Quote ─assemble─▶ Document

Every stage is a pure function in its own module; :data:`STAGES` names them in order.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from bilingual_news.assemble import assemble, assemble_blocks
from bilingual_news.decode import decode, read_bytes
from bilingual_news.errors import InputError
from bilingual_news.features import extract
from bilingual_news.label import label
from bilingual_news.model import Document
from bilingual_news.normalize import normalize
from bilingual_news.options import ParseOptions
from bilingual_news.quotes import find_quotes
from bilingual_news.revise import revise
from bilingual_news.sentences import with_sentences
from bilingual_news.split import split

__all__ = ["STAGES", "parse", "parse_file"]

STAGES: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("normalize", normalize),
    ("split", split),
    ("features", extract),
    ("label", label),
    ("revise", revise),
    ("assemble_blocks", assemble_blocks),
    ("sentences", with_sentences),
    ("quotes", find_quotes),
    ("assemble", assemble),
)
"""The stages in the order :func:`parse` runs them, by name."""


def parse(page: str | bytes, *, url: str | None = None, options: ParseOptions | None = None) -> Document:
    """Parse one page (text, or bytes in any common encoding) into a :class:`Document`.

    Args:
        page: the page as ``str``, or as ``bytes`` (UTF-8, GB18030/GBK, Big5, UTF-16 with BOM).
        url: the page's URL, when the caller knows it; it becomes ``Document.source_url``.
        options: how to parse; ``ParseOptions()`` when ``None``.

    Raises:
        InputError: the bytes are binary or undecodable, the page is longer than
            ``options.max_chars``, or ``page`` is neither ``str`` nor ``bytes``.
    """
    return _parse(page, url=url, options=options, source=None)


def parse_file(
    path: str | os.PathLike[str], *, url: str | None = None, options: ParseOptions | None = None
) -> Document:
    """Read a page from a file and parse it; errors name the file."""
    name = os.fspath(path)
    data = read_bytes(name)
    return _parse(data, url=url, options=options, source=name)


def _parse(page: object, *, url: str | None, options: ParseOptions | None, source: str | None) -> Document:
    opts = options or ParseOptions()
    if isinstance(page, (bytes, bytearray, memoryview)):
        text = decode(bytes(page), source=source)
    elif isinstance(page, str):
        text = page
    else:
        raise InputError(f"expected the page as str or bytes, got {type(page).__name__}", source=source)
    if len(text) > opts.max_chars:
        raise InputError(
            f"expected at most {opts.max_chars:,} characters (ParseOptions.max_chars), got {len(text):,}",
            source=source,
        )
    norm = normalize(text, opts.normalize)
    units = split(norm)
    features = extract(units)
    guesses = label(units, features)
    revision = revise(units, features, guesses)
    blocks = with_sentences(assemble_blocks(units, revision), norm)
    quotes = find_quotes(blocks, norm)
    return assemble(norm, units, revision, blocks, quotes, url=url)
