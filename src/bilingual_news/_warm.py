"""What :func:`~bilingual_news.parse` loads on first use, loaded ahead of the first page.

:func:`~bilingual_news.parse` loads its resources lazily (:mod:`bilingual_news._lazy`), so
that ``import bilingual_news`` stays cheap. The price is paid by the page that first needs a
resource: the first page with a line in another Latin-script language waits 0.3-0.4 s for
langdetect's profiles, the first with mojibake 30-50 ms for ftfy, the first that needs a rare
pattern the few milliseconds of its compilation. :func:`warmup` pays it all at a worker's
start instead, in two parts:

- always: the stages' patterns compiled (every module-level
  :class:`~bilingual_news._lazy.LazyPattern` of the package), the character sets, lexicons and
  cue lists, ftfy, charset-normalizer and the HTML and Markdown readers, by three small pages
  (text, HTML, Markdown) and the loaders themselves: about 0.15 s and 14 MB beyond what a first
  ``parse()`` loads (0.3 s and 17 MB);
- ``heavy=True``: also langdetect's profiles (about 0.3 s and 65 MB) and jieba's dictionary
  (about 0.6 s and 70 MB), which only some pages need (another Latin-script language, lossy
  Chinese mojibake). Left out by default: a worker of English and Chinese pages may never load
  them, and 135 MB a worker is a cost on a machine of many workers.

Each part runs once per process, whatever the threads (a lock): :func:`warmup` returns the
seconds its first call spent, the same number on every call.
"""

from __future__ import annotations

import sys
import threading
import time

from bilingual_news._lazy import LazyPattern

__all__ = ["HEAVY_MODULES", "LIGHT_MODULES", "warmup"]

LIGHT_MODULES = ("ftfy", "charset_normalizer", "selectolax.lexbor", "markdown_it")
"""Packages :func:`warmup` imports in every call's first run (:func:`_light`)."""
HEAVY_MODULES = ("langdetect", "jieba")
"""Packages only ``warmup(heavy=True)`` loads (:func:`_heavy`)."""

_WARM_PAGE = (
    "首页 新闻 国际\n\n"
    "A Short Title For Warming Up The Workers\n\n"
    "2024年05月08日 10:23  来源：本站\n\n"
    "这是一段用来预热解析器的中文文字，它包含足够多的汉字，也有一个句号。专家表示：“准备就绪。”\n\n"
    'This is an English paragraph that warms the parser up. "It is ready," she said.\n\n'
    "下一篇\n"
)
"""A small page in both languages, with a date, a quote and chrome."""
_WARM_HTML = (
    '<html><head><title>A Short Title</title></head><body><nav><a href="/">首页</a> <a href="/n">新闻</a></nav>'
    "<article><h1>A Short Title For Warming Up</h1><p>An English paragraph &amp; a reference.</p>"
    "<p>这是一段中文文字，也有一个句号。</p></article></body></html>"
)
"""The same kind of page as HTML: loads selectolax and the HTML reader's tables."""
_WARM_MARKDOWN = (
    "[首页](/) [新闻](/news) [国际](/world)\n\n# A Short Title For Warming Up\n\n"
    "An English paragraph with a [link](https://example.com/a).\n\n这是一段中文文字，也有一个句号。\n"
)
"""And as Markdown: loads markdown-it-py and its parser."""

_lock = threading.Lock()
_seconds: dict[bool, float] = {}


def warmup(*, heavy: bool = False) -> float:
    """Load what :func:`~bilingual_news.parse` loads lazily, once per process: call it in each
    worker before its first page, so that start-up shows apart from parsing and no page pays it.

    Thread-safe and idempotent: the first call does the work, other threads wait for it and later
    calls return at once. ``heavy``: also load langdetect's profiles and jieba's dictionary (about
    1 s and 135 MB; without it, the first page that needs one of them loads it). Returns the
    seconds the first call of the kind took (the process's start-up cost), the same number on
    every call.

    >>> warmup() == warmup()
    True
    """
    seconds = _seconds.get(heavy)
    if seconds is not None:
        return seconds
    with _lock:
        if heavy not in _seconds:
            start = time.perf_counter()
            if False not in _seconds:
                _light()
            if heavy:
                _heavy()
            _seconds[heavy] = time.perf_counter() - start
            _seconds.setdefault(False, _seconds[heavy])
        return _seconds[heavy]


def _light() -> None:
    """The patterns, lexicons, character sets, ftfy, charset-normalizer and the readers."""
    from bilingual_news import decode, language
    from bilingual_news.normalize import _ftfy
    from bilingual_news.pipeline import parse

    parse(_WARM_PAGE)
    parse(_WARM_HTML, format="html")  # a format's reader always loads its parser (selectolax)
    parse(_WARM_MARKDOWN, format="markdown")  # (markdown-it-py)
    language._VARIANT_SETS.get()  # what no warm page need reach: loaded by name
    _ftfy()
    decode._charset_normalizer()
    for name, module in list(sys.modules.items()):
        if name.startswith("bilingual_news.") and module is not None:
            for value in list(vars(module).values()):
                if isinstance(value, LazyPattern):
                    value.pattern  # noqa: B018  # the first read compiles it


def _heavy() -> None:
    """langdetect's profiles and jieba's dictionary (the one mojibake repair reads)."""
    from bilingual_news import language, mojibake

    language._LANGDETECT.get()
    mojibake._han_frequencies()
