"""Words: Latin words, numbers and Chinese words (jieba) with their offsets, and body counts.

In: a block's normalized text, or a :class:`~bilingual_news.model.Document`. Out:
:class:`~bilingual_news.model.Word` s (:func:`tokenize` with offsets into the text,
:func:`document_words` with raw offsets) and :class:`~bilingual_news.model.Stats`.

The text is split by script first, with one regular expression: runs of Han characters, Latin
words (``S20``, ``COVID-19``, ``U.S.``, ``don't``), numbers kept whole (``244.8``, ``1,000``,
``1.9%``) and words of other scripts. Only the Han runs go to jieba — given mixed text jieba
cuts ``NVIDIA股价`` into ``NVIDI|A股``.

jieba is loaded on the first call that needs it, once per process, behind a lock (0.5 s and
60 MB); its log lines are silenced and its cache file goes to the per-user cache folder
(:func:`cache_dir`), never the working directory. Where ``rjieba`` is installed (``pip install
bilingual-news[fast]``: the same words, about 30 times faster, no start-up) it is used instead.
``parse()`` never calls anything here.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import regex

from bilingual_news._lazy import Lazy, missing
from bilingual_news.model import Document, Span, Stats, Word, WordKind
from bilingual_news.scripts import HAN

__all__ = ["cache_dir", "document_stats", "document_words", "han_backend", "tokenize"]

LATIN_WORDS_PER_MINUTE = 228
"""Silent reading speed of adults for English text (IReST, Trauzettel-Klosinski & Dietz 2012)."""
HAN_CHARACTERS_PER_MINUTE = 255
"""Silent reading speed of adults for Chinese text, in characters (the same IReST study)."""

_TOKEN = regex.compile(
    r"(?P<han>\p{Han}+)"
    r"|(?P<latin>(?:\p{Latin}\.){2,}(?![\p{Latin}\p{N}])"
    r"|[\p{Latin}\p{N}]*\p{Latin}[\p{Latin}\p{M}\p{N}]*(?:['’.-][\p{Latin}\p{M}\p{N}]+)*)"
    r"|(?P<number>\p{N}+(?:[.,:]\p{N}+)*%?)"
    r"|(?P<other>[\p{L}\p{M}]+)"
)
_KINDS = {"latin": WordKind.LATIN, "number": WordKind.NUMBER, "other": WordKind.OTHER}


# ------------------------------------------------------------------ jieba
def cache_dir() -> Path:
    """The per-user cache folder, created when missing: ``$XDG_CACHE_HOME/bilingual_news``
    (``~/.cache/bilingual_news``) on Linux, ``~/Library/Caches/bilingual_news`` on macOS,
    ``%LOCALAPPDATA%\\bilingual_news`` on Windows; the system's temporary folder when it cannot
    be created."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    path = base / "bilingual_news"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path(tempfile.gettempdir())
    return path


def _load_jieba() -> Callable[[str], list[str]]:
    """jieba's default tokenizer, initialised once: log lines off, cache in :func:`cache_dir`."""
    with warnings.catch_warnings():
        # jieba 0.42 imports pkg_resources, which setuptools >= 67.5 deprecates with a warning,
        # and has regular expressions with invalid escapes that Python 3.12 warns about when it
        # compiles them. Both are jieba's, not the caller's: silence exactly those, here only.
        warnings.filterwarnings("ignore", message=r".*pkg_resources is deprecated", category=Warning)
        warnings.filterwarnings("ignore", message=r"invalid escape sequence", category=Warning)
        try:
            import jieba
        except ImportError:  # pragma: no cover - jieba is a dependency
            raise missing("jieba", "cutting Chinese into words") from None
    logging.getLogger("jieba").setLevel(logging.WARNING)  # "Building prefix dict …" is debug noise
    tokenizer = jieba.dt
    if tokenizer.tmp_dir is None and tokenizer.cache_file is None:  # keep a caller's own choice
        tokenizer.tmp_dir = str(cache_dir())
    tokenizer.initialize()

    def cut(text: str) -> list[str]:
        return list(tokenizer.cut(text, HMM=True))

    return cut


def _load_cutter() -> tuple[str, Callable[[str], list[str]]]:
    """rjieba's ``cut`` when it is installed, else jieba's, with the backend's name."""
    try:
        import rjieba
    except ImportError:
        return "jieba", _JIEBA.get()
    cut: Callable[[str], list[str]] = rjieba.cut
    return "rjieba", cut


_JIEBA: Lazy[Callable[[str], list[str]]] = Lazy(_load_jieba)
_CUTTER: Lazy[tuple[str, Callable[[str], list[str]]]] = Lazy(_load_cutter)


def han_backend() -> str:
    """``rjieba`` or ``jieba``: what cuts Chinese words in this process (loads it)."""
    return _CUTTER.get()[0]


# ------------------------------------------------------------------ words
def _pieces(text: str) -> Iterator[tuple[int, int, WordKind]]:
    cut: Callable[[str], list[str]] | None = None
    for m in _TOKEN.finditer(text):
        group = m.lastgroup
        if group != "han":
            yield m.start(), m.end(), _KINDS[group or "other"]
            continue
        if cut is None:
            cut = _CUTTER.get()[1]
        start = m.start()
        for word in cut(m.group()):
            yield start, start + len(word), WordKind.HAN
            start += len(word)


def tokenize(text: str) -> tuple[Word, ...]:
    """The words and numbers of ``text``, with offsets into it; punctuation and blanks left out.

    >>> [w.text for w in tokenize("The U.S. economy grew 1.9% in 2024, don't you know?")]
    ['The', 'U.S.', 'economy', 'grew', '1.9%', 'in', '2024', "don't", 'you', 'know']
    """
    return tuple(Word(text=text[s:e], span=Span(start=s, end=e), kind=kind) for s, e, kind in _pieces(text))


def document_words(doc: Document) -> tuple[Word, ...]:
    """The body's words with spans into ``doc.raw`` (through the edits where a block was
    normalized); each span lies inside its block's span."""
    from bilingual_news.offsets import OffsetMap

    offsets: OffsetMap | None = None
    out: list[Word] = []
    for block in doc.body:
        span, text = block.span, block.text
        if len(span) == len(text) and doc.raw.startswith(text, span.start):
            base = span.start
            out.extend(
                Word(text=text[s:e], span=Span(start=base + s, end=base + e), kind=kind) for s, e, kind in _pieces(text)
            )
            continue
        if offsets is None:
            offsets = OffsetMap(doc.edits)
        base = offsets.to_normalized(span.start)
        for s, e, kind in _pieces(text):
            start = min(max(offsets.to_raw(base + s), span.start), span.end)
            end = min(max(offsets.to_raw(base + e, end=True), start), span.end)
            out.append(Word(text=text[s:e], span=Span(start=start, end=end), kind=kind))
    return tuple(out)


def document_stats(doc: Document) -> Stats:
    """Counts over the body and its reading time (loads jieba for the word count)."""
    body = doc.body
    words = doc.words()
    han = sum(len(HAN.findall(b.text)) for b in body)
    other_words = sum(1 for w in words if w.kind is not WordKind.HAN)
    minutes = other_words / LATIN_WORDS_PER_MINUTE + han / HAN_CHARACTERS_PER_MINUTE
    return Stats(
        characters=sum(len("".join(b.text.split())) for b in body),
        han=han,
        words=len(words),
        sentences=sum(len(b.sentences) for b in body),
        paragraphs=len(doc.paragraphs),
        reading_minutes=round(minutes, 1),
    )
