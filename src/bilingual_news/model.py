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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


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

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its two offsets, rebuilt without the frozen guard: a batch's workers send
        # every span of every document back to the parent (see :func:`span_unchecked`).
        return span_unchecked, (self.start, self.end)


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
    """The block's language, BCP 47-style: ``zh-Hans`` or ``zh-Hant`` when the characters show
    which, ``zh`` when they do not, ``zh-Latn`` for pinyin, ``en``, another ISO 639-1 code
    (``fr``, ``de``, ``ja`` …), ``mixed`` (substantial runs of both Han and Latin script) or
    ``und`` (digits, URLs, punctuation, too little text to judge)."""
    reasons: tuple[str, ...] = ()
    """Short names of the rules that decided ``kind``, first to last."""
    sentences: tuple[Span, ...] = ()
    """The block's sentences in the raw input, in order: they lie inside ``span``, do not
    overlap and cover every non-blank character of it (a block without a sentence end is one
    sentence)."""

    @property
    def is_body(self) -> bool:
        """Whether the block is part of the article's body (a paragraph or subheading)."""
        return self.kind in BODY_KINDS

    def words(self) -> tuple[Word, ...]:
        """The block's words, with spans into :attr:`text` (the block does not hold the raw page;
        :meth:`Document.words` gives raw spans). Chinese is cut with jieba, loaded on first use."""
        from bilingual_news.words import tokenize

        return tokenize(self.text)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as plain values (the spans as offsets), rebuilt without the frozen guard: a
        # batch's workers send every block back to the parent, which rebuilds it.
        offsets = tuple(x for s in self.sentences for x in (s.start, s.end))
        return _unpickle_block, (self.kind, self.text, self.span.start, self.span.end, self.lang, self.reasons, offsets)


class WordKind(str, enum.Enum):
    """What a :class:`Word` is made of."""

    HAN = "han"
    """Chinese characters (a word as jieba cuts it)."""
    LATIN = "latin"
    """Latin letters, with any digits, inner apostrophes, hyphens or dots (``S20``, ``U.S.``)."""
    NUMBER = "number"
    """A number, whole: ``244.8``, ``1,000``, ``1.9%``."""
    OTHER = "other"
    """Letters of another script: kana, Hangul, Cyrillic …"""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True, kw_only=True)
class Word:
    """One word or number of a block."""

    text: str
    """The word as it reads in the normalized text."""
    span: Span
    """Where the word stands: offsets into :attr:`Block.text` from :meth:`Block.words`, into
    :attr:`Document.raw` from :meth:`Document.words`."""
    kind: WordKind
    """Han, Latin, a number, or another script."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Stats:
    """Counts over a document's body (:meth:`Document.stats`)."""

    characters: int
    """Non-blank characters."""
    han: int
    """Han (Chinese) characters."""
    words: int
    """Words and numbers (:meth:`Document.words`)."""
    sentences: int
    """Sentences (:attr:`Document.sentences`)."""
    paragraphs: int
    """Paragraph blocks (subheadings not counted)."""
    reading_minutes: float
    """Minutes an adult takes to read the body silently, to one decimal: Latin-script words at
    228 a minute and Han characters at 255 a minute (the IReST reading-speed norms)."""


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
    original_title: str | None = None
    """The title the article first ran under (``原标题：…``)."""
    views: int | None = None
    """How many times the page says it was read (``阅读 539``, ``浏览次数：2.1万``)."""
    spans: tuple[tuple[str, Span], ...] = ()
    """Where each field that was found stands in the raw input, as ``(field, span)`` pairs in
    field order: the date as written for ``published``, the value after the cue for the rest."""

    def span_of(self, field: str) -> Span | None:
        """The raw span ``field`` was read from, or ``None`` when the page does not state it.

        >>> Metadata(source="人民网", spans=(("source", Span(start=3, end=6)),)).span_of("source")
        Span(start=3, end=6)
        """
        if field not in METADATA_FIELDS:
            raise ValueError(f"expected a metadata field ({', '.join(METADATA_FIELDS)}), got {field!r}")
        return next((span for name, span in self.spans if name == field), None)


METADATA_FIELDS: tuple[str, ...] = ("published", "source", "author", "editor", "original_title", "views")
"""The fields of :class:`Metadata` a page can state, in order."""

# ------------------------------------------------------------- the pipeline's constructors
# A page builds a Span and a Block for every unit. The dataclass constructors set each field
# through the frozen ``__setattr__`` guard and check a span's order, which costs two to three
# times as much as setting the slots directly. The pipeline builds its records with the two
# functions below, from offsets it has already put in order; the public constructors keep
# their checks. ``tests/test_model_fast.py`` keeps both equal to the public constructors.
_new = object.__new__
_SET_START = Span.__dict__["start"].__set__
_SET_END = Span.__dict__["end"].__set__
BLOCK_SETTERS = tuple(Block.__dict__[name].__set__ for name in Block.__slots__)
"""The setters of :class:`Block`'s slots, in the order of its fields: what
:func:`block_unchecked` calls, for a loop that builds many blocks to call without the call."""


def span_unchecked(start: int, end: int) -> Span:
    """``Span(start=start, end=end)`` without its check that ``0 <= start <= end``: for offsets
    the caller has already put in order (a string's positions, offsets clamped into a span)."""
    span: Span = _new(Span)
    _SET_START(span, start)
    _SET_END(span, end)
    return span


def block_unchecked(
    kind: Kind, text: str, span: Span, lang: str, reasons: tuple[str, ...], sentences: tuple[Span, ...]
) -> Block:
    """``Block(kind=kind, text=text, span=span, lang=lang, reasons=reasons, sentences=sentences)``,
    the fields set straight into their slots (a :class:`Block` checks none of them)."""
    block: Block = _new(Block)
    set_kind, set_text, set_span, set_lang, set_reasons, set_sentences = BLOCK_SETTERS
    set_kind(block, kind)
    set_text(block, text)
    set_span(block, span)
    set_lang(block, lang)
    set_reasons(block, reasons)
    set_sentences(block, sentences)
    return block


def _unpickle_block(
    kind: Kind, text: str, start: int, end: int, lang: str, reasons: tuple[str, ...], offsets: tuple[int, ...]
) -> Block:
    """The block :meth:`Block.__reduce__` pickled: ``offsets`` are its sentences' starts and ends,
    one after the other."""
    bounds = iter(offsets)
    sentences = tuple(map(span_unchecked, bounds, bounds))
    return block_unchecked(kind, text, span_unchecked(start, end), lang, reasons, sentences)


@dataclass(frozen=True, slots=True, kw_only=True)
class Pair:
    """A body piece and its translation, on a bilingual page (:mod:`bilingual_news.align`)."""

    en: str
    """The English side's text: its blocks' texts joined with a newline."""
    zh: str
    """The Chinese side's text: its blocks' texts joined with a newline."""
    en_blocks: tuple[int, ...]
    """Indices into :attr:`Document.blocks` of the English side, in order (one, or two when
    the translation joins two English blocks)."""
    zh_blocks: tuple[int, ...]
    """Indices into :attr:`Document.blocks` of the Chinese side, in order (one or two)."""
    score: float
    """How well the two sides fit, from 0.0 to 1.0: lengths in the expected ratio, shared
    numbers and Latin names, neighbours on the page. It ranks pairs; it is not a probability."""


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
    """Date, source, author, editor, original title and views, as the page states them."""
    lang: str = "und"
    """The language of the body (see :attr:`Block.lang`): the one with most body characters,
    ``mixed`` when a second language has a quarter of them (a parallel article)."""
    warnings: tuple[str, ...] = ()
    """Problems found that were not repaired, as short sentences: damage the normalization
    could not undo (text that cannot be recovered), and the signs that the article was read
    wrongly that lowered :attr:`confidence` (``"the body is 8 % of the page's prose-like text:
    the article region may be wrong"``)."""
    confidence: float = 1.0
    """How far to trust the document, from 0.0 (surely wrong) to 1.0 (nothing looks wrong).

    Computed by :mod:`bilingual_news.confidence` from signs that a page was read wrongly, each
    one lowering it by a factor: no body at all; a long run of prose labelled nav before the
    body (an article read as chrome); a body that is a small share of the page's prose; a
    body that repeats itself (a second copy or a table of contents inside it); a very short
    body; another candidate region nearly as strong as the chosen one; no headline, or one
    far from the body; unrepaired damage in the body. Each sign that lowers it much adds a
    sentence to :attr:`warnings`. It ranks pages, it is not a probability: route a page
    below a threshold you pick on your own pages (``docs/reliability.md``) to a person or a
    second extractor instead of storing it. A document built by hand has 1.0."""
    pairs: tuple[Pair, ...] = ()
    """On a bilingual page (a parallel article), each English body piece with its Chinese
    translation, in the order of the English side (see ``docs/pairs.md``); empty on other pages.
    A block is in at most one pair; the title in both languages is paired too."""

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

    @property
    def languages(self) -> tuple[tuple[str, float], ...]:
        """Each language's share of the body's characters, largest first (``und`` left out):
        ``(("en", 0.712), ("zh-Hans", 0.288))`` for a parallel article."""
        from bilingual_news.language import language_shares

        return language_shares((b.lang, len(b.text)) for b in self.blocks if b.kind in BODY_KINDS)

    @property
    def sentences(self) -> tuple[Span, ...]:
        """The body's sentences in the raw input, in reading order."""
        return tuple(s for b in self.blocks if b.kind in BODY_KINDS for s in b.sentences)

    def words(self) -> tuple[Word, ...]:
        """The body's words and numbers, with spans into :attr:`raw`, in reading order.

        Chinese is cut with jieba (or rjieba when installed), loaded on the first call.
        """
        from bilingual_news.words import document_words

        return document_words(self)

    def stats(self) -> Stats:
        """Characters, Han characters, words, sentences, paragraphs and reading time of the body.

        A method rather than a field: counting words loads jieba, which ``parse()`` never does.
        """
        from bilingual_news.words import document_stats

        return document_stats(self)

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

    # ---------------------------------------------------------------- views
    def _repr_html_(self) -> str:
        """The page as a picture, for Jupyter: see :func:`bilingual_news.render.to_html`."""
        from bilingual_news.render import to_html

        return to_html(self)

    def to_text(self) -> str:
        """The clean article as plain text: the headline, then the body blocks, separated by
        blank lines, ending with a newline (empty for a page without either); see
        :func:`bilingual_news.render.to_text`."""
        from bilingual_news.render import to_text

        return to_text(self)

    def to_markdown(self) -> str:
        """The article as Markdown: ``#`` headline, the metadata, ``##`` subheadings, the
        paragraphs and the quotes with their speakers; see
        :func:`bilingual_news.render.to_markdown`."""
        from bilingual_news.render import to_markdown

        return to_markdown(self)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per block: page, index, kind, text, start, end, lang, chars
        (see :mod:`bilingual_news.frame`)."""
        from bilingual_news.frame import to_records

        return to_records(self)

    def to_frame(self) -> pd.DataFrame:
        """The blocks as a pandas ``DataFrame``, one row a block, ``kind`` a Categorical (see
        :mod:`bilingual_news.frame`); needs the ``pandas`` extra."""
        from bilingual_news.frame import to_frame

        return to_frame(self)

    def pairs_frame(self) -> pd.DataFrame:
        """The translation pairs as a pandas ``DataFrame``, one row a pair: en, zh, score,
        en_blocks, zh_blocks (see :mod:`bilingual_news.frame`); needs the ``pandas`` extra."""
        from bilingual_news.frame import pairs_frame

        return pairs_frame(self)
