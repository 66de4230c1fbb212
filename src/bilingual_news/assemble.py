"""Stage 7, assemble: units, labels and quotes -> the frozen :class:`Document`.

In: the normalized page, its units and their revision. Out: the blocks (``assemble_blocks``)
and, with the quotes, the document (``assemble``).
"""

from __future__ import annotations

import regex

from bilingual_news.language import block_language, document_language
from bilingual_news.metadata import read_metadata
from bilingual_news.model import Block, Document, Kind, Quote
from bilingual_news.normalize import Normalized
from bilingual_news.revise import HEADLINE_MIN_CHARS, SITE_SUFFIX, Revision
from bilingual_news.split import Unit

__all__ = ["assemble", "assemble_blocks"]

_LEADING_TAG = regex.compile(r"^\[[^\[\]]{1,12}\]\s*")
_OPENING = frozenset("(（[【《「『")
_CLOSING = frozenset(")）]】》」』")


def assemble_blocks(units: tuple[Unit, ...], revision: Revision) -> tuple[Block, ...]:
    """One block per unit, with its final kind, language and reasons."""
    return tuple(
        Block(kind=kind, text=u.text, span=u.span, lang=block_language(u.text), reasons=reasons)
        for u, kind, reasons in zip(units, revision.kinds, revision.reasons, strict=True)
    )


def assemble(
    norm: Normalized,
    units: tuple[Unit, ...],
    revision: Revision,
    blocks: tuple[Block, ...],
    quotes: tuple[Quote, ...],
    *,
    url: str | None = None,
) -> Document:
    """The document: blocks, headline, source URL, quotes, edits, metadata and language."""
    headline = None
    if revision.headline_text is not None:
        headline = _clean_title(revision.headline_text, [b.text for b in blocks if b.kind is Kind.HEADLINE])
    source_url = url
    if source_url is None:
        source_url = next((b.text for b in blocks if b.kind is Kind.SOURCE_URL), None)
    body = [(b.lang, len(b.text)) for b in blocks if b.is_body]
    return Document(
        raw=norm.raw,
        blocks=blocks,
        headline=headline,
        source_url=source_url,
        quotes=quotes,
        edits=norm.edits,
        metadata=read_metadata(blocks, norm),
        lang=document_language(body),
        warnings=norm.warnings,
    )


def _clean_title(chosen: str, occurrences: list[str]) -> str:
    """The title as it should read: without a site suffix (``Title | Site``), preferring a bare
    occurrence of it on the page to trimming; without a leading ``[tag]`` (a category or an
    advertiser's label in square brackets); inner blanks folded.

    >>> _clean_title("Driver arrested - BBC News", ["Driver arrested"])
    'Driver arrested'
    >>> _clean_title("[社会]女童眼睛被塞纸", [])
    '女童眼睛被塞纸'
    >>> _clean_title("Song Title - Singer (歌名 - 歌手)", [])
    'Song Title - Singer (歌名 - 歌手)'
    """
    title = " ".join(chosen.split())
    bare = [
        o
        for o in (" ".join(x.split()) for x in occurrences)
        if len(o) < len(title) and title.startswith(o) and SITE_SUFFIX.fullmatch(title[len(o) :])
    ]
    if bare:
        title = min(bare, key=len)
    else:
        trimmed = SITE_SUFFIX.sub("", title)
        if len(trimmed) >= len(title) // 2 and _balanced(trimmed):
            title = trimmed
    untagged = _LEADING_TAG.sub("", title)
    return untagged if len(untagged) >= HEADLINE_MIN_CHARS else title


def _balanced(text: str) -> bool:
    """Whether every bracket opened in ``text`` is closed: a "site suffix" whose removal leaves
    ``(`` open was part of the title."""
    depth = 0
    for ch in text:
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth -= 1
    return depth == 0
