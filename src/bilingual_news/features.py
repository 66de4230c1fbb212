"""Stage 3, features: what can be measured about each unit, alone and among the others.

In: the units. Out: one :class:`Features` per unit, in the same order. Nothing here decides a
label; :mod:`bilingual_news.label` and :mod:`bilingual_news.revise` do.

Cross-unit features (repeats, teasers) are computed with dictionaries keyed by folded text
and by short prefixes, so that they stay linear in the number of units.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import regex

from bilingual_news.lexicon import fold, lexicon
from bilingual_news.scripts import ScriptCounts, count_scripts
from bilingual_news.split import Unit

__all__ = ["Features", "extract"]

TEASER_MIN_CHARS = 20
"""A truncated excerpt must keep this many characters before its ellipsis to be matched to
the paragraph it copies: shorter prefixes match by chance."""

TEASER_KEY_CHARS = 16
"""Characters of a unit's start used to look up the paragraphs a teaser may copy."""

METADATA_MAX_CHARS = 120
"""Longest line read as a metadata line: longer ones are prose that mentions a source."""

_SENTENCE_END = regex.compile(r"[。！？!?.…;；][”’\"'）)\]」』]*$")
_SENTENCE_MARK = regex.compile(r"[。！？；]|[.!?](?=\s|$|[”’\"'])")
_ELLIPSIS_END = regex.compile(r"(?:…+|\.{3,}|。{3,})[”’\"'）)]*$")
_URL = regex.compile(r"^(?:https?://|www\.)\S+$", regex.IGNORECASE)
_HAS_URL = regex.compile(r"https?://|www\.", regex.IGNORECASE)
_DATE = regex.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}[-/]\d{1,2}[-/](?:19|20)?\d\d"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\s+(?:19|20)\d\d",
    regex.IGNORECASE,
)
_FIELD_COLON = regex.compile(r"\s*[:：]")
_BYLINE = regex.compile(r"^(?i:by)\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}(?:\s*[|,(]|$)")
_SEPARATED = regex.compile(r"\s*(?:\||｜|/|>|›|»|·)\s*")


@dataclass(frozen=True, slots=True, kw_only=True)
class Features:
    """What is measured about one unit."""

    index: int
    """The unit's position among all units."""
    position: float
    """``index / (count - 1)``: 0 at the top of the page, 1 at the bottom."""
    chars: int
    """Non-blank characters."""
    scripts: ScriptCounts
    """Script counts."""
    sentence_marks: int
    """Sentence-ending marks inside the unit (``。！？`` and ``.!?`` before a space)."""
    ends_sentence: bool
    """Whether the unit ends like a sentence (a full stop, ``？``, a closing quote after one)."""
    ends_ellipsis: bool
    """Whether the unit ends with ``…`` or ``...``."""
    is_url: bool
    """Whether the unit is a URL and nothing else."""
    has_url: bool
    """Whether the unit contains a URL."""
    has_date: bool
    """Whether the unit contains a calendar date."""
    nav_cue: bool
    """Every item of the unit is a navigation word (``首页``, ``Home``)."""
    footer_cue: bool
    """The unit is, or starts with, a footer phrase (``下一篇``, ``Back to top``)."""
    metadata_field: str | None
    """The metadata field the unit starts with (``source`` for ``来源：``), if any."""
    disclaimer_cue: bool
    """The unit contains a disclaimer phrase."""
    caption_cue: bool
    """The unit starts with or contains a caption phrase."""
    items: int
    """Items separated by ``|``, ``/``, ``>`` and the like (breadcrumbs, link lists)."""
    repeats: int
    """How many other units have the same folded text."""
    first_repeat: int
    """Index of the first unit with the same folded text (its own index when it is first)."""
    teaser_of: int
    """Index of a later unit this one is a truncated copy of, or -1."""


def extract(units: tuple[Unit, ...]) -> tuple[Features, ...]:
    """Measure every unit."""
    lex = lexicon()
    folded = [fold(u.text) for u in units]
    seen: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(folded):
        seen[key].append(i)
    by_prefix: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(folded):
        if len(key) > TEASER_MIN_CHARS:
            by_prefix[key[:TEASER_KEY_CHARS]].append(i)
    last = max(len(units) - 1, 1)
    out: list[Features] = []
    for i, (unit, key) in enumerate(zip(units, folded)):
        text = unit.text
        scripts = count_scripts(text)
        ends_ellipsis = bool(_ELLIPSIS_END.search(text))
        out.append(
            Features(
                index=i,
                position=i / last,
                chars=scripts.total,
                scripts=scripts,
                sentence_marks=len(_SENTENCE_MARK.findall(text)),
                ends_sentence=bool(_SENTENCE_END.search(text)),
                ends_ellipsis=ends_ellipsis,
                is_url=bool(_URL.match(text)),
                has_url=bool(_HAS_URL.search(text)),
                has_date=bool(_DATE.search(text)),
                nav_cue=_all_items_in(key, lex.nav),
                footer_cue=_footer_cue(key, lex.footer),
                metadata_field=_metadata_field(key, text) if len(key) <= METADATA_MAX_CHARS else None,
                disclaimer_cue=any(c in key for c in lex.disclaimer),
                caption_cue=key.startswith(lex.caption_prefix) or any(c in key for c in lex.caption_contains),
                items=len(_SEPARATED.split(key)),
                repeats=len(seen[key]) - 1,
                first_repeat=seen[key][0],
                teaser_of=_teaser_of(i, key, folded, by_prefix) if ends_ellipsis else -1,
            )
        )
    return tuple(out)


def _all_items_in(key: str, words: frozenset[str]) -> bool:
    if key in words:
        return True
    items = [p for p in _SEPARATED.split(key) if p]
    if len(items) > 1 and all(p in words for p in items):
        return True
    tokens = key.split()
    return len(tokens) > 1 and all(t in words for t in tokens)


def _footer_cue(key: str, words: frozenset[str]) -> bool:
    if key in words:
        return True
    head = regex.split(r"[\s:：|｜>》»]", key, maxsplit=1)[0]
    return head in words and head != key


def _metadata_field(key: str, text: str) -> str | None:
    for field, cue in lexicon().metadata:
        if key.startswith(cue):
            rest = key[len(cue) :]
            if _FIELD_COLON.match(rest):
                return field
    if _BYLINE.match(text):
        return "author"
    return None


def _teaser_of(i: int, key: str, folded: list[str], by_prefix: dict[str, list[int]]) -> int:
    stem = _ELLIPSIS_END.sub("", key).rstrip()
    if len(stem) < TEASER_MIN_CHARS:
        return -1
    for j in by_prefix.get(stem[:TEASER_KEY_CHARS], ()):
        if j != i and len(folded[j]) > len(stem) and folded[j].startswith(stem):
            return j
    return -1
