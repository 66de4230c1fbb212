"""The pipeline: raw page -> :class:`~bilingual_news.model.Document`, one named stage at a time.

::

    raw ─normalize─▶ Normalized ─split─▶ units ─features─▶ Features ─label─▶ Guess
        ─revise─▶ Revision ─favor─▶ Revision ─assemble_blocks─▶ block drafts ─sentences─▶ blocks
        ─quotes─▶ Quote ─assemble─▶ Document ─confidence─▶ Document (confidence, warnings)
        ─align─▶ Document (translation pairs, on a bilingual page)

Every stage is a pure function in its own module; :data:`STAGES` names them in order, and
:func:`_run` is the one place that runs them. :func:`profile` runs the same stages with a clock
between them, to show where the time of one page goes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, Literal

from bilingual_news.align import align
from bilingual_news.assemble import assemble, assemble_blocks
from bilingual_news.confidence import assess
from bilingual_news.decode import decode, read_bytes
from bilingual_news.errors import InputError
from bilingual_news.favor import favor
from bilingual_news.features import extract
from bilingual_news.label import label
from bilingual_news.model import Document
from bilingual_news.normalize import Normalized, normalize
from bilingual_news.options import NormalizeOptions, ParseOptions
from bilingual_news.quotes import find_quotes
from bilingual_news.revise import revise
from bilingual_news.sentences import with_sentences
from bilingual_news.split import split

if TYPE_CHECKING:
    from bilingual_news.dom import HtmlPage

__all__ = ["FORMATS", "STAGES", "Format", "normalize_page", "parse", "parse_file", "profile"]

Format = Literal["auto", "text", "html", "markdown"]
"""What a page is: ``text`` (a plain-text scrape), ``html`` (a page's HTML, read by
:mod:`bilingual_news.dom`), ``markdown`` (a page's Markdown, read by
:mod:`bilingual_news.markdown`) or ``auto`` (HTML when :func:`bilingual_news.dom.looks_like_html`
says so, else Markdown when :func:`bilingual_news.markdown.looks_like_markdown` does, text
otherwise; ``docs/input.md``)."""

FORMATS: tuple[Format, ...] = ("auto", "text", "html", "markdown")

STAGES: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("normalize", normalize),
    ("split", split),
    ("features", extract),
    ("label", label),
    ("revise", revise),
    ("favor", favor),
    ("assemble_blocks", assemble_blocks),
    ("sentences", with_sentences),
    ("quotes", find_quotes),
    ("assemble", assemble),
    ("confidence", assess),
    ("align", align),
)
"""The stages in the order :func:`parse` runs them, by name. ``assemble_blocks`` includes each
block's language; ``assemble`` the metadata and the document's language; ``confidence`` how far
to trust the document, and the warnings that say why not; ``align`` the translation pairs of a
bilingual page (:mod:`bilingual_news.align`; one pass over the block languages elsewhere).
``favor`` does nothing unless ``ParseOptions.favor`` asks it to drop or keep the doubtful blocks."""


MAX_BYTES_PER_CHAR = 4
"""The most bytes one character takes in any encoding :func:`parse` reads (UTF-8, GB18030,
UTF-16): bytes longer than this many times ``ParseOptions.max_chars`` are refused unread."""


def parse(
    page: str | bytes, *, url: str | None = None, options: ParseOptions | None = None, format: Format = "auto"
) -> Document:
    """Parse one page (text, HTML or Markdown, as text or as bytes in any common encoding) into a :class:`Document`.

    Args:
        page: the page as ``str``, or as ``bytes`` (UTF-8, GB18030/GBK, Big5, UTF-16 with BOM;
            HTML bytes are decoded by their byte-order mark, then their declared charset).
        url: the page's URL, when the caller knows it; it becomes ``Document.source_url``.
        options: how to parse; ``ParseOptions()`` when ``None``.
        format: ``"text"``, ``"html"``, ``"markdown"`` or ``"auto"`` (the default: HTML when
            the page is markup-led, Markdown when it reads as Markdown, see ``docs/input.md``).
            For HTML and Markdown, ``Document.raw`` is the page as given and every span points
            into it.

    Raises:
        InputError: the bytes are binary or undecodable, the page is longer than
            ``options.max_chars``, ``page`` is neither ``str`` nor ``bytes``, or ``format``
            is none of :data:`FORMATS`.
        MissingDependencyError: the page is HTML and selectolax is not installed, or
            Markdown and markdown-it-py is not installed.
    """
    opts = options or ParseOptions()
    text, kind = _text(page, opts, source=None, format=format)
    return _run(text, opts, url, _no_lap, format=kind)


def parse_file(
    path: str | os.PathLike[str] | IO[bytes] | IO[str],
    *,
    url: str | None = None,
    options: ParseOptions | None = None,
    format: Format = "auto",
) -> Document:
    """Read a page (text, HTML or Markdown, see :func:`parse`) from a file and parse it; errors name the file.

    ``path`` is a path, or a file object open for reading, binary (``open(p, "rb")``, a
    response's raw stream, ``io.BytesIO``: its bytes are decoded as :func:`parse` decodes
    bytes) or text; a file object is read from where it stands to its end, and left open.

    Raises:
        InputError: as :func:`parse`; also when the file is missing or unreadable, or ``path``
            is none of the above. Its message names the file (a file object by its ``name``).
    """
    opts = options or ParseOptions()
    if isinstance(path, (str, os.PathLike)):
        name: str | None = os.fspath(path)
        data: str | bytes = read_bytes(path)
    elif callable(getattr(path, "read", None)):
        named = getattr(path, "name", None)
        name = named if isinstance(named, str) else None
        data = _read_stream(path, opts, name)
    else:
        what = type(path).__name__
        raise InputError(f"expected a path or a file object open for reading, got {what}")
    text, kind = _text(data, opts, source=name, format=format)
    return _run(text, opts, url, _no_lap, format=kind)


def _read_stream(stream: IO[bytes] | IO[str], opts: ParseOptions, name: str | None) -> str | bytes:
    """A file object's content, read up to one unit past the most :func:`parse` takes (so that
    a huge stream is refused without being read whole)."""
    try:
        data = stream.read(MAX_BYTES_PER_CHAR * opts.max_chars + 1)
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", source=name) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read the file as text ({exc.reason}); open it in binary mode", source=name) from None
    if isinstance(data, (str, bytes)):
        return data
    raise InputError(f"expected the file object to give str or bytes, got {type(data).__name__}", source=name)


def profile(
    page: str | bytes, *, url: str | None = None, options: ParseOptions | None = None, format: Format = "auto"
) -> dict[str, float]:
    """Seconds each stage of :func:`parse` takes on ``page``, by the names of :data:`STAGES`
    (``decode`` first when ``page`` is bytes; ``html`` or ``markdown``, reading the markup,
    before ``normalize`` for HTML or Markdown), in the order they ran.

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

    text, kind = _text(page, opts, source=None, format=format)
    if not isinstance(page, str):
        lap("decode")
    _run(text, opts, url, lap, format=kind)
    return times


def normalize_page(
    page: str | bytes,
    *,
    format: Format = "auto",
    options: NormalizeOptions | None = None,
    source: str | None = None,
) -> Normalized:
    """The first stage alone on a page of any format: text is normalized as it is; HTML and
    Markdown are read first (their markup becomes edits), so the result's text is the page's
    text and its edits are stated on the page as given (what ``bilingual-news normalize``
    prints). ``source`` names the page in errors.

    >>> normalize_page("<p>It/'s here</p><p>Next</p>").text
    "It's here\\nNext\\n"
    """
    opts = ParseOptions() if options is None else ParseOptions(normalize=options)
    text, kind = _text(page, opts, source=source, format=format)
    if kind == "text":
        return normalize(text, opts.normalize)
    from bilingual_news.dom import with_html

    read = _reader(kind)(text)
    return with_html(read, normalize(read.text, opts.normalize))


def _reader(kind: Format) -> Callable[[str], HtmlPage]:
    """The reader of a markup format: :func:`bilingual_news.dom.read_html` or
    :func:`bilingual_news.markdown.read_markdown`, imported on first use."""
    if kind == "html":
        from bilingual_news.dom import read_html

        return read_html
    from bilingual_news.markdown import read_markdown

    return read_markdown


def _no_lap(name: str) -> None:
    """The clock of :func:`parse`: none."""


def _text(page: object, opts: ParseOptions, *, source: str | None, format: str = "text") -> tuple[str, Format]:
    """The page as text, checked against ``opts.max_chars``, and its format (never ``auto``)."""
    if format not in FORMATS:
        raise InputError(f"expected format to be one of {', '.join(FORMATS)}, got {format!r}", source=source)
    if isinstance(page, (bytes, bytearray, memoryview)):
        if len(page) > MAX_BYTES_PER_CHAR * opts.max_chars:  # too long however it decodes: do not try
            raise InputError(
                f"expected at most {opts.max_chars:,} characters (ParseOptions.max_chars), "
                f"got {len(page):,} bytes, more than {MAX_BYTES_PER_CHAR} a character",
                source=source,
            )
        data = bytes(page)
        html = format == "html" or (format == "auto" and _html_bytes(data))
        if html:
            from bilingual_news.decode import decode_html

            text = decode_html(data, source=source)
        else:
            text = decode(data, source=source)
            html = format == "auto" and _html_text(text)
    elif isinstance(page, str):
        text = page
        html = format == "html" or (format == "auto" and _html_text(text))
    else:
        hint = ""
        if isinstance(page, os.PathLike) or callable(getattr(page, "read", None)):
            hint = "; to read a file, pass it to parse_file()"
        raise InputError(f"expected the page as str or bytes, got {type(page).__name__}{hint}", source=source)
    if len(text) > opts.max_chars:
        raise InputError(
            f"expected at most {opts.max_chars:,} characters (ParseOptions.max_chars), got {len(text):,}",
            source=source,
        )
    if html:
        return text, "html"
    if format == "markdown" or (format == "auto" and _markdown_text(text)):
        return text, "markdown"
    return text, "text"


def _html_bytes(data: bytes) -> bool:
    """Whether bytes that auto-detection sees start like HTML (checked on their ASCII head)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n\f")
    if not head.startswith(b"<"):
        return False
    from bilingual_news.dom import looks_like_html

    return looks_like_html(data[:65536].decode("latin-1"))


def _html_text(text: str) -> bool:
    """Whether a text that auto-detection sees is HTML (:func:`bilingual_news.dom.looks_like_html`)."""
    if not text[:4096].lstrip(" \ufeff\t\r\n\f").startswith("<"):
        return False  # the common case, decided without loading the HTML front end
    from bilingual_news.dom import looks_like_html

    return looks_like_html(text)


def _markdown_text(text: str) -> bool:
    """Whether a text that auto-detection sees is Markdown
    (:func:`bilingual_news.markdown.looks_like_markdown`; a check that loads no parser)."""
    if "](" not in text[:65536] and not text[:4096].lstrip(" \ufeff\t\r\n").startswith("#"):
        return False  # the common case, decided without importing the Markdown reader
    from bilingual_news.markdown import looks_like_markdown

    return looks_like_markdown(text)


def _run(
    text: str, opts: ParseOptions, url: str | None, lap: Callable[[str], None], *, format: Format = "text"
) -> Document:
    """Run the stages of :data:`STAGES` in order; ``lap(name)`` is called as each one ends.
    For ``html`` and ``markdown``, ``text`` is the page's markup: its reader
    (:mod:`bilingual_news.dom`, :mod:`bilingual_news.markdown`) turns it into the lines the
    stages read, and :mod:`bilingual_news.structure` refines their result with its structure."""
    page: HtmlPage | None = None
    if format in ("html", "markdown"):
        from bilingual_news.dom import with_html

        page = _reader(format)(text)
        lap(format)
        norm = with_html(page, normalize(page.text, opts.normalize))
    else:
        norm = normalize(text, opts.normalize)
    lap("normalize")
    units = split(norm)
    lap("split")
    features = extract(units)
    lap("features")
    guesses = label(units, features)
    lap("label")
    revision = revise(units, features, guesses)
    if page is not None:
        from bilingual_news.structure import refine

        revision = refine(units, revision, page)
    lap("revise")
    revision = favor(units, features, guesses, revision, opts.favor)
    del features, guesses  # the largest records of a page: no later stage reads them
    lap("favor")
    drafts = assemble_blocks(units, revision)
    lap("assemble_blocks")
    blocks = with_sentences(drafts, norm)
    del drafts  # a record per block, now built: the later stages read the blocks
    lap("sentences")
    quotes = find_quotes(blocks, norm)
    lap("quotes")
    document = assemble(norm, units, revision, blocks, quotes, url=url)
    if page is not None:
        from bilingual_news.structure import with_head

        document = with_head(document, page, url_given=url is not None)
    lap("assemble")
    document = assess(document, revision)
    lap("confidence")
    document = align(document)
    lap("align")
    return document
