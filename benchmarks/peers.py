"""The peers run.py measures side by side with parse(): each a function of one page's HTML.

Each peer is imported on first use; a peer whose package is missing (they live in the
``bench`` extra: ``pip install -e ".[bench]"``) is reported as skipped, never an error. Every
peer gets the page's ``raw.html`` already decoded to ``str`` (GB2312/GBK pages through
``bilingual_news.decode.decode_html``, as ``parse_file`` would read them), so that no tool is
timed on guessing an encoding — the same ``str`` that ``run.py`` times
``bilingual_news.parse(html, format="html")`` on, in the row beside them — and each is asked
for what a news extractor returns:

* trafilatura: ``bare_extraction(html, with_metadata=True)`` — main text, comments off by
  default, and the metadata (title, author, date, site).
* readability-lxml: ``Document(html).summary()`` and ``.title()`` — the article's HTML.
* jusText: ``justext(html, get_stoplist("English"))`` — paragraphs classified as boilerplate or
  not (jusText has no Chinese stoplist; English is its default choice for such pages).
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["PEERS", "Peer", "load"]


@dataclass(frozen=True)
class Peer:
    """One tool measured on the same pages as parse()."""

    name: str
    """How the tables name it."""
    module: str
    """The module that must be importable for it to run."""
    package: str
    """The distribution to install (all are in the ``bench`` extra)."""
    call: str
    """What is timed, as the tables print it."""


PEERS: tuple[Peer, ...] = (
    Peer("trafilatura", "trafilatura", "trafilatura", "bare_extraction(html, with_metadata=True)"),
    Peer("readability-lxml", "readability", "readability-lxml", "Document(html).summary(), .title()"),
    Peer("jusText", "justext", "justext", 'justext(html, get_stoplist("English"))'),
)
"""The peers, in the order the tables list them."""


def load(peer: Peer) -> Callable[[str], Any] | None:
    """The function that runs ``peer`` on one page's HTML, or ``None`` when it is not installed."""
    if importlib.util.find_spec(peer.module) is None:
        return None
    # The peers log every page they find little in (at WARNING): the timings must not pay for it.
    for name in ("trafilatura", "htmldate", "courlan", "readability", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    if peer.module == "trafilatura":
        import trafilatura

        return lambda html: trafilatura.bare_extraction(html, with_metadata=True)
    if peer.module == "readability":
        from readability import Document

        def readability_run(html: str) -> tuple[str, str]:
            doc = Document(html)
            return doc.summary(), doc.title()

        return readability_run
    if peer.module == "justext":
        import justext

        stoplist = justext.get_stoplist("English")
        return lambda html: justext.justext(html, stoplist)
    raise ValueError(f"unknown peer {peer.name!r}")
