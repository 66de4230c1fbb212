"""Stage 7, assemble: units, labels and quotes -> the frozen :class:`Document`.

In: the normalized page, its units and their revision. Out: a :class:`BlockDraft` per unit
(``assemble_blocks``: every field of its block but the sentences, which the sentences stage adds
as it builds the frozen :class:`~bilingual_news.model.Block`) and, with the blocks and quotes,
the document (``assemble``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from operator import attrgetter
from typing import NamedTuple, cast

from bilingual_news._lazy import LazyPattern
from bilingual_news.language import block_languages, document_language
from bilingual_news.metadata import read_metadata
from bilingual_news.model import Block, Document, Kind, Quote, Span
from bilingual_news.normalize import Normalized
from bilingual_news.revise import HEADLINE_MIN_CHARS, SITE_SUFFIX, Revision
from bilingual_news.split import Unit

__all__ = ["BlockDraft", "assemble", "assemble_blocks"]

_LEADING_TAG = LazyPattern(r"^\[[^\[\]]{1,12}\]\s*")
_PROVENANCE_TAG = LazyPattern(r"^\[\s*(?:转载?|转自|转帖|译文?|翻译|原创|(?i:repost(?:ed)?|translat(?:ed|ion)|via)\b)")
"""A leading tag that says where a post comes from (``[转载]``, ``[转自 X]``, ``[译]``, ``[原创]``,
``[Translated]``): blog authors write it into their own title, so it is part of the title, where
a category's or an advertiser's label (``[社会]``) is the site's."""
_ISSUE_NUMBER = LazyPattern(r"\s+#\d{1,7}$")
"""An issue's or a pull request's number after its title (``… 不动 #412``): a code host prints the
title so (GitHub, GitLab, Gitea), and the number is the tracker's, not a word of the title."""
_DASHES = "–—·-"
"""The separators of :data:`~bilingual_news.revise.SITE_SUFFIX` that a title's own clause may
follow, where a bar or an underscore only ever sets off a site's name."""
_OPENING = frozenset("(（[【《「『")
_CLOSING = frozenset(")）]】》」』")
_PARAGRAPH, _SUBHEADING, _METADATA, _HEADLINE, _SOURCE_URL = (
    Kind.PARAGRAPH,
    Kind.SUBHEADING,
    Kind.METADATA,
    Kind.HEADLINE,
    Kind.SOURCE_URL,
)


class BlockDraft(NamedTuple):
    """A block before its sentences: the fields of :class:`~bilingual_news.model.Block` but
    ``sentences``. A named tuple, so that a block is built frozen once, by the sentences stage
    (:func:`~bilingual_news.sentences.with_sentences`), not twice."""

    kind: Kind
    text: str
    span: Span
    lang: str
    reasons: tuple[str, ...]


_SPAN_OF = attrgetter("span")
_Fields = tuple[Kind, str, Span, str, tuple[str, ...]]
_draft = cast("Callable[[_Fields], BlockDraft]", partial(tuple.__new__, BlockDraft))
"""``BlockDraft(*fields)`` without the named tuple's ``__new__`` in Python: the tuple's own,
called by ``map`` for each block."""


def assemble_blocks(units: tuple[Unit, ...], revision: Revision) -> tuple[BlockDraft, ...]:
    """One block draft per unit, with its final kind, language and reasons (the languages
    of the page's blocks found together: langdetect is asked once per run of blocks that need it)."""
    texts = [u.text for u in units]
    langs = block_languages(texts)
    spans = map(_SPAN_OF, units)
    return tuple(map(_draft, zip(revision.kinds, texts, spans, langs, revision.reasons, strict=True)))


def assemble(
    norm: Normalized,
    units: tuple[Unit, ...],
    revision: Revision,
    blocks: tuple[Block, ...],
    quotes: tuple[Quote, ...],
    *,
    url: str | None = None,
) -> Document:
    """The document: blocks, headline, source URL, quotes, edits, metadata and language.

    The blocks are read in one pass, by kind: the headline's occurrences, the first printed
    URL, each body block's language and length and the metadata blocks."""
    headlines: list[str] = []
    printed: str | None = None
    body: list[tuple[str, int]] = []
    meta: list[Block] = []
    for b in blocks:
        kind = b.kind
        if kind is _PARAGRAPH or kind is _SUBHEADING:  # Block.is_body
            body.append((b.lang, len(b.text)))
        elif kind is _METADATA:
            meta.append(b)
        elif kind is _HEADLINE:
            headlines.append(b.text)
        elif kind is _SOURCE_URL and printed is None:
            printed = b.text
    headline = None
    if revision.headline_text is not None:
        headline = _clean_title(revision.headline_text, headlines, norm.text)
    source_url = printed if url is None else url
    return Document(
        raw=norm.raw,
        blocks=blocks,
        headline=headline,
        source_url=source_url,
        quotes=quotes,
        edits=norm.edits,
        metadata=read_metadata(meta, norm),
        lang=document_language(body),
        warnings=norm.warnings,
    )


def _clean_title(chosen: str, occurrences: list[str], page: str | None = None) -> str:
    """The title as it should read: without a site suffix (``Title | Site``), preferring a bare
    occurrence of it on the page to trimming (a tail after a dash is a site's name only when
    ``page``, the page's text, shows it elsewhere too: :func:`_named_elsewhere`); without a
    leading ``[tag]`` (a category or an advertiser's label in square brackets) unless the tag
    says where the post comes from (:data:`_PROVENANCE_TAG`); without an issue's number after it
    (:data:`_ISSUE_NUMBER`); inner blanks folded.

    >>> _clean_title("Driver arrested - BBC News", ["Driver arrested"])
    'Driver arrested'
    >>> _clean_title("[社会]小区新添充电桩", [])
    '小区新添充电桩'
    >>> _clean_title("[转载] 旧城改造的十年", [])
    '[转载] 旧城改造的十年'
    >>> _clean_title("Song Title - Singer (歌名 - 歌手)", [])
    'Song Title - Singer (歌名 - 歌手)'
    >>> _clean_title("导出时文件名乱码 #27", [])
    '导出时文件名乱码'
    >>> _clean_title("Fares Rise — And Nobody Is Surprised", [], "Harbor Post. Fares Rise — And Nobody Is Surprised")
    'Fares Rise — And Nobody Is Surprised'
    """
    title = " ".join(chosen.split())
    numbered = _ISSUE_NUMBER.search(title)
    if numbered and numbered.start() >= HEADLINE_MIN_CHARS:
        title = title[: numbered.start()]
    bare = [
        o
        for o in (" ".join(x.split()) for x in occurrences)
        if len(o) < len(title) and title.startswith(o) and SITE_SUFFIX.fullmatch(title[len(o) :])
    ]
    if bare:
        title = min(bare, key=len)
    else:
        trimmed = SITE_SUFFIX.sub("", title)
        if len(trimmed) >= len(title) // 2 and _balanced(trimmed) and _named_elsewhere(title, trimmed, page):
            title = trimmed
    if _PROVENANCE_TAG.match(title):
        return title
    untagged = _LEADING_TAG.sub("", title)
    return untagged if len(untagged) >= HEADLINE_MIN_CHARS else title


def _named_elsewhere(title: str, trimmed: str, page: str | None) -> bool:
    """Whether the tail that :data:`SITE_SUFFIX` cuts from ``title`` (leaving ``trimmed``) is a
    site's name: cut by a bar or an underscore (``Title | Site``, ``标题_网站``), or cut by a dash
    and shown on ``page`` outside the title's own copies, as printed (its header, its logo's
    text, its copyright line). A site prints its name on its pages; a clause of an English
    headline after a dash (``… Are Here — And They're Not Great``, ``… – 'A quoted remark'``)
    stands only in the title. Without the page's text, a tail is a name.

    >>> _named_elsewhere("Fares Rise - Harbor Post", "Fares Rise", "Fares Rise - Harbor Post. © Harbor Post")
    True
    >>> _named_elsewhere("Fares Rise — And Why", "Fares Rise", "Fares Rise — And Why. and why it matters")
    False
    """
    tail = title[len(trimmed) :].strip()
    if page is None or tail[:1] in "|｜_":
        return True
    name = tail.lstrip(_DASHES).strip()
    return page.count(name) > page.count(title)


def _balanced(text: str) -> bool:
    """Whether every bracket opened in ``text`` is closed: a "site suffix" whose removal leaves
    ``(`` open was part of the title (as many opened as closed: the depth a scan would end at).

    >>> _balanced("Song (歌名) [x]"), _balanced("Song (歌名")
    (True, False)
    """
    count = text.count
    return sum(map(count, _OPENING)) == sum(map(count, _CLOSING))
