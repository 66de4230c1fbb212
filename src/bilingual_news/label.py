"""Stage 4, label: a first, context-free guess for each unit.

In: the units and their features. Out: one :class:`Guess` per unit — a kind when a cue decides
it alone (a disclaimer phrase, a metadata field, a caption mark, a menu word), and a quality
class for everything (as jusText's good/near-good/short/bad), with the reasons.
:mod:`bilingual_news.revise` turns guesses into final kinds using the neighbours.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from bilingual_news.features import Features
from bilingual_news.model import Kind
from bilingual_news.split import Unit

__all__ = ["Guess", "Quality", "label", "size"]

GOOD_HAN_CHARS = 40
"""A Chinese unit this long with a sentence mark is prose: menus and titles are shorter."""
GOOD_LATIN_WORDS = 15
"""An English unit with this many words and a sentence mark is prose."""
NEAR_GOOD_HAN_CHARS = 10
"""A Chinese unit this long that ends like a sentence may be a short paragraph."""
NEAR_GOOD_LATIN_WORDS = 5
"""An English unit with this many words that ends like a sentence may be a short paragraph."""
LINK_LIST_ITEMS = 4
"""Items separated by ``|`` or ``/`` above which a short line is a link list."""
LINK_LIST_MAX_CHARS_PER_ITEM = 12
"""Average item length under which a multi-item line is a menu, not prose with slashes."""
CUE_MAX_CHARS = 60
"""Footer and caption cues decide only for units up to this long; a long unit that mentions
``分享`` or ``Photo`` is prose."""
CAPTION_MAX_CHARS = 200
"""Longest unit a caption cue can decide: captions are one or two sentences."""
DATELINE_MAX_CHARS = 40
"""A short line with a date and little else is a dateline (metadata)."""


class Quality(str, enum.Enum):
    """How much a unit looks like body text, before its neighbours are seen."""

    GOOD = "good"
    """Prose: long, with sentence punctuation."""
    NEAR_GOOD = "near_good"
    """A short sentence: body or chrome, the neighbours decide."""
    SHORT = "short"
    """Too short to tell: a title, a subheading, a menu item."""
    BAD = "bad"
    """Chrome by a cue."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Guess:
    """The first-pass label of a unit."""

    quality: Quality
    """How body-like the unit is on its own."""
    kind: Kind | None = None
    """A kind a cue decided, or ``None`` when the context must decide."""
    reasons: tuple[str, ...] = ()
    """The rules that fired."""


def size(f: Features) -> float:
    """A unit's length in word-like units: Han characters count one, Latin words two
    (an English word carries about as much as two Chinese characters)."""
    return f.scripts.han + 2.0 * f.scripts.latin_words + 0.5 * f.scripts.digits


def label(units: tuple[Unit, ...], features: tuple[Features, ...]) -> tuple[Guess, ...]:
    """Guess each unit's quality, and its kind where a cue decides."""
    return tuple(_one(u, f) for u, f in zip(units, features))


def _one(unit: Unit, f: Features) -> Guess:
    quality = _quality(f)
    if f.is_url:
        return Guess(quality=Quality.BAD, kind=Kind.SOURCE_URL, reasons=("url_only",))
    if f.disclaimer_cue and f.chars <= 400:
        return Guess(quality=Quality.BAD, kind=Kind.DISCLAIMER, reasons=("disclaimer_cue",))
    if f.metadata_field is not None:
        return Guess(quality=Quality.BAD, kind=Kind.METADATA, reasons=(f"metadata_cue:{f.metadata_field}",))
    if f.caption_cue and f.chars <= CAPTION_MAX_CHARS:
        return Guess(quality=Quality.BAD, kind=Kind.CAPTION, reasons=("caption_cue",))
    if f.footer_cue and f.chars <= CUE_MAX_CHARS:
        return Guess(quality=Quality.BAD, kind=Kind.FOOTER, reasons=("footer_cue",))
    if f.nav_cue:
        return Guess(quality=Quality.BAD, kind=Kind.NAV, reasons=("nav_cue",))
    if f.has_date and f.chars <= DATELINE_MAX_CHARS and not f.ends_sentence and f.scripts.latin_words <= 4:
        return Guess(quality=Quality.BAD, kind=Kind.METADATA, reasons=("dateline",))
    if (
        f.items >= LINK_LIST_ITEMS
        and f.chars / f.items <= LINK_LIST_MAX_CHARS_PER_ITEM
        and quality is not Quality.GOOD
    ):
        return Guess(quality=Quality.BAD, reasons=("link_list",))
    return Guess(quality=quality, reasons=(quality.value,))


def _quality(f: Features) -> Quality:
    han_text = f.scripts.han >= f.scripts.latin_words * 2
    if han_text:
        if f.scripts.han >= GOOD_HAN_CHARS and f.sentence_marks >= 1:
            return Quality.GOOD
        if f.scripts.han >= NEAR_GOOD_HAN_CHARS and f.ends_sentence:
            return Quality.NEAR_GOOD
        if f.scripts.han >= 2 * GOOD_HAN_CHARS:
            return Quality.NEAR_GOOD
        return Quality.SHORT
    words = f.scripts.latin_words
    if words >= GOOD_LATIN_WORDS and f.sentence_marks >= 1:
        return Quality.GOOD
    if words >= NEAR_GOOD_LATIN_WORDS and f.ends_sentence:
        return Quality.NEAR_GOOD
    if words >= 2 * GOOD_LATIN_WORDS:
        return Quality.NEAR_GOOD
    return Quality.SHORT
