"""The document model: what :func:`bilingual_news.parse` returns.

Every class here is a frozen, slotted, keyword-only dataclass, so a parsed page is a
value: it can be hashed, compared, cached and shared between threads. Offsets are
end-exclusive character spans into the *raw* input string (``raw[span.start:span.end]``),
as in spaCy's ``Span.start_char``/``end_char``; the normalized text of a block lives in
``Block.text``.

The JSON form of a :class:`Document` (``to_dict``/``from_dict``) lives in
:mod:`bilingual_news.serialize`; the methods here only delegate to it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Kind(str, enum.Enum):
    """The role of a block on the page (the roles of the gold format, ``FORMAT.md``)."""

    NAV = "nav"
    """Site chrome before the article: site name, menus, breadcrumbs, search, login."""
    HEADLINE = "headline"
    """The article's title; every occurrence of it."""
    TEASER = "teaser"
    """A summary or truncated excerpt shown before the body; not body."""
    METADATA = "metadata"
    """Dateline, source, author, editor, view counts."""
    SUBHEADING = "subheading"
    """A heading inside the body."""
    PARAGRAPH = "paragraph"
    """Body text."""
    CAPTION = "caption"
    """A photo, figure or video caption."""
    DISCLAIMER = "disclaimer"
    """An advertiser, copyright or responsibility notice about the article."""
    SOURCE_URL = "source_url"
    """The article's own URL printed on the page."""
    FOOTER = "footer"
    """Chrome after (or interrupting) the article: next/previous, related links, share bars."""

    def __str__(self) -> str:
        return self.value


BODY_KINDS: frozenset[Kind] = frozenset({Kind.PARAGRAPH, Kind.SUBHEADING})
"""The kinds that make up an article's body."""


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Span:
    """An end-exclusive range of character offsets into a string."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset one past the last character."""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"a span needs 0 <= start <= end, got start={self.start}, end={self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True, kw_only=True)
class Edit:
    """One normalization change, stated on the raw text."""

    rule: str
    """The name of the rule that made the change (see :mod:`bilingual_news.normalize`)."""
    span: Span
    """Where the replaced text stands in the raw input."""
    before: str
    """The raw text that was replaced: always ``span.slice(raw)``."""
    after: str
    """What it reads in the normalized text."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One piece of the page in reading order, with its role."""

    kind: Kind
    """The block's role on the page."""
    text: str
    """The block's text after normalization, without surrounding blanks."""
    span: Span
    """The block in the raw input, without surrounding blanks."""
    lang: str
    """The block's language: ``zh``, ``zh-Hans``, ``zh-Hant``, ``en``, another ISO 639-1
    code, ``mixed`` or ``und``."""
    reasons: tuple[str, ...] = ()
    """Short names of the rules that decided ``kind``, first to last."""

    @property
    def is_body(self) -> bool:
        """Whether the block is part of the article's body (a paragraph or subheading)."""
        return self.kind in BODY_KINDS


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A direct quotation found in a body block."""

    text: str
    """The quoted words, normalized, without the quote marks."""
    speaker: str | None
    """Who the page says spoke or wrote them, as written; ``None`` for a quoted term."""
    span: Span
    """The quoted words in the raw input, without the quote marks."""
    block: int
    """Index into :attr:`Document.blocks` of the block the quote starts in."""
    verb: str | None = None
    """The speech verb that ties the quote to its speaker (``said``, ``表示``), when found."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Metadata:
    """What the page's metadata lines state; each field ``None`` when the page says nothing."""

    published: dt.datetime | dt.date | None = None
    """When the article was published or last updated, as the page states it."""
    source: str | None = None
    """The publication the article comes from (``来源：人民网`` gives ``人民网``)."""
    author: str | None = None
    """The author or reporter."""
    editor: str | None = None
    """The responsible editor (``责任编辑``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A parsed page: its blocks in reading order and what was read from them."""

    raw: str
    """The input exactly as given (decoded, for bytes): every span points into it."""
    blocks: tuple[Block, ...] = ()
    """Every piece of the page in reading order; their spans cover every non-blank character."""
    headline: str | None = None
    """The article's title, normalized; ``None`` when the page shows none."""
    source_url: str | None = None
    """The article's own URL, when the page prints it (or the caller passed one)."""
    quotes: tuple[Quote, ...] = ()
    """The direct quotations in the body, in reading order."""
    edits: tuple[Edit, ...] = ()
    """Every normalization change, in raw order; replaying them on ``raw`` gives the clean text."""
    metadata: Metadata = field(default_factory=Metadata)
    """Date, source, author and editor, as the page states them."""
    lang: str = "und"
    """The language of the body (see :attr:`Block.lang`)."""
    warnings: tuple[str, ...] = ()
    """Problems found that were not repaired (text that cannot be recovered, say)."""

    # ----------------------------------------------------------------- views
    @property
    def body(self) -> tuple[Block, ...]:
        """The article's body: its paragraphs and subheadings, in order."""
        return tuple(b for b in self.blocks if b.kind in BODY_KINDS)

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        """The body's paragraphs (no subheadings)."""
        return self.of_kind(Kind.PARAGRAPH)

    @property
    def nav(self) -> tuple[Block, ...]:
        """The navigation chrome before the article."""
        return self.of_kind(Kind.NAV)

    @property
    def footer(self) -> tuple[Block, ...]:
        """The chrome after (or interrupting) the article."""
        return self.of_kind(Kind.FOOTER)

    @property
    def disclaimer(self) -> str | None:
        """The disclaimer's text (several disclaimer blocks joined by a newline), or ``None``."""
        parts = [b.text for b in self.of_kind(Kind.DISCLAIMER)]
        return "\n".join(parts) if parts else None

    @property
    def text(self) -> str:
        """The clean article: the headline, then the body blocks, one per paragraph."""
        parts = [self.headline] if self.headline else []
        parts.extend(b.text for b in self.body)
        return "\n\n".join(parts)

    def of_kind(self, kind: Kind | str) -> tuple[Block, ...]:
        """The blocks of one kind, in reading order."""
        wanted = Kind(kind)
        return tuple(b for b in self.blocks if b.kind is wanted)

    # ------------------------------------------------------- serialization
    def to_dict(self) -> dict[str, Any]:
        """The document as plain JSON-ready data (schema ``bilingual-news/1``)."""
        from bilingual_news.serialize import document_to_dict

        return document_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a document from :meth:`to_dict`'s output; raises ``SchemaError`` on bad data."""
        from bilingual_news.serialize import document_from_dict

        return document_from_dict(data)

    def to_json(self, *, indent: int | None = None) -> str:
        """The document as JSON text (UTF-8 characters, not ASCII escapes)."""
        from bilingual_news.serialize import document_to_json

        return document_to_json(self, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Document:
        """Rebuild a document from :meth:`to_json`'s output."""
        from bilingual_news.serialize import document_from_json

        return document_from_json(text)
