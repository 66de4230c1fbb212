"""Stage 7, assemble: units, labels and quotes -> the frozen :class:`Document`.

In: the normalized page, its units and their revision. Out: the blocks (``assemble_blocks``)
and, with the quotes, the document (``assemble``).
"""

from __future__ import annotations

from bilingual_news.language import block_language, document_language
from bilingual_news.metadata import read_metadata
from bilingual_news.model import Block, Document, Kind, Quote
from bilingual_news.normalize import Normalized
from bilingual_news.revise import SITE_SUFFIX, Revision
from bilingual_news.split import Unit

__all__ = ["assemble", "assemble_blocks"]


def assemble_blocks(units: tuple[Unit, ...], revision: Revision) -> tuple[Block, ...]:
    """One block per unit, with its final kind, language and reasons."""
    return tuple(
        Block(kind=kind, text=u.text, span=u.span, lang=block_language(u.text), reasons=reasons)
        for u, kind, reasons in zip(units, revision.kinds, revision.reasons)
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
    if revision.headline is not None:
        headline = _clean_title(units[revision.headline].text, [b.text for b in blocks if b.kind is Kind.HEADLINE])
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
        metadata=read_metadata(blocks),
        lang=document_language(body),
        warnings=norm.warnings,
    )


def _clean_title(chosen: str, occurrences: list[str]) -> str:
    """The title without a site suffix: the shortest occurrence, else the chosen one trimmed."""
    shortest = min(occurrences, key=len, default=chosen)
    if len(shortest) < len(chosen) and chosen.startswith(shortest):
        return shortest
    trimmed = SITE_SUFFIX.sub("", chosen)
    return trimmed if len(trimmed) >= len(chosen) // 2 else chosen
