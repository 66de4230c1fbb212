"""The pipeline: raw page -> :class:`~bilingual_news.model.Document`, one named stage at a time.

::

    raw ─normalize─▶ Normalized ─split─▶ units ─features─▶ Features ─label─▶ Guess
        ─revise─▶ Revision ─assemble_blocks─▶ block drafts ─sentences─▶ blocks
        ─quotes─▶ Quote ─assemble─▶ Document

Every stage is a pure function in its own module; :data:`STAGES` names them in order, and
:func:`_run` is the one place that runs them. :func:`profile` runs the same stages with a clock
between them, to show where the time of one page goes.
"""

from __future__ import annotations

import os
import time
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

__all__ = ["STAGES", "parse", "parse_file", "profile"]

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
"""The stages in the order :func:`parse` runs them, by name. ``assemble_blocks`` includes each
block's language; ``assemble`` the metadata and the document's language."""


MAX_BYTES_PER_CHAR = 4
"""The most bytes one character takes in any encoding :func:`parse` reads (UTF-8, GB18030,
UTF-16): bytes longer than this many times ``ParseOptions.max_chars`` are refused unread."""


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
    opts = options or ParseOptions()
    return _run(_text(page, opts, source=None), opts, url, _no_lap)


def parse_file(
    path: str | os.PathLike[str], *, url: str | None = None, options: ParseOptions | None = None
) -> Document:
    """Read a page from a file and parse it; errors name the file."""
    name = os.fspath(path)
    opts = options or ParseOptions()
    return _run(_text(read_bytes(name), opts, source=name), opts, url, _no_lap)


def profile(page: str | bytes, *, url: str | None = None, options: ParseOptions | None = None) -> dict[str, float]:
    """Seconds each stage of :func:`parse` takes on ``page``, by the names of :data:`STAGES`
    (``decode`` first when ``page`` is bytes), in the order they ran.

    One run, so the numbers are as noisy as the machine; ``benchmarks/run.py --stages`` sums
    them over a corpus and repeats. The document is the one :func:`parse` would return.

    >>> sorted(profile("A short page.")) == sorted(name for name, _ in STAGES)
    True
    """
    opts = options or ParseOptions()
    times: dict[str, float] = {}
    last = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        times[name] = times.get(name, 0.0) + now - last
        last = now

    text = _text(page, opts, source=None)
    if not isinstance(page, str):
        lap("decode")
    _run(text, opts, url, lap)
    return times


def _no_lap(name: str) -> None:
    """The clock of :func:`parse`: none."""


def _text(page: object, opts: ParseOptions, *, source: str | None) -> str:
    """The page as text, checked against ``opts.max_chars``."""
    if isinstance(page, (bytes, bytearray, memoryview)):
        if len(page) > MAX_BYTES_PER_CHAR * opts.max_chars:  # too long however it decodes: do not try
            raise InputError(
                f"expected at most {opts.max_chars:,} characters (ParseOptions.max_chars), "
                f"got {len(page):,} bytes, more than {MAX_BYTES_PER_CHAR} a character",
                source=source,
            )
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
    return text


def _run(text: str, opts: ParseOptions, url: str | None, lap: Callable[[str], None]) -> Document:
    """Run the stages of :data:`STAGES` in order; ``lap(name)`` is called as each one ends."""
    norm = normalize(text, opts.normalize)
    lap("normalize")
    units = split(norm)
    lap("split")
    features = extract(units)
    lap("features")
    guesses = label(units, features)
    lap("label")
    revision = revise(units, features, guesses)
    del features, guesses  # the largest records of a page: no later stage reads them
    lap("revise")
    drafts = assemble_blocks(units, revision)
    lap("assemble_blocks")
    blocks = with_sentences(drafts, norm)
    lap("sentences")
    quotes = find_quotes(blocks, norm)
    lap("quotes")
    document = assemble(norm, units, revision, blocks, quotes, url=url)
    lap("assemble")
    return document
