"""Stage 5, revise: final kinds from context — the article region and its neighbours.

In: units, features and first-pass guesses. Out: :class:`Revision`, the final kind and reasons
of every unit, the article region, and which unit is the headline.

1. The article region is the run of units with the largest total body score (a maximum-sum
   subarray, linear): prose scores by its size, short units and chrome cost a little or a lot.
2. The headline is the best title-like unit before the region (repeated, near the body,
   followed by metadata); all its repeats are headlines too.
3. Before the region: teasers, metadata and captions by their cues, the rest is nav.
   Inside: paragraphs, subheadings (short, title-like), captions and in-body chrome.
   After: disclaimer, the source URL, metadata, the rest is footer.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from bilingual_news.features import Features
from bilingual_news.label import Guess, Quality, size
from bilingual_news.lexicon import fold
from bilingual_news.model import Kind
from bilingual_news.split import Unit

__all__ = ["Revision", "revise"]

SHORT_COST = 6.0
"""What a short unit costs the body score: a few subheadings between paragraphs keep the
region whole, a run of menu items breaks it."""
BAD_COST = 25.0
"""What a unit with a chrome cue costs: one share bar or metadata line between two long
paragraphs still bridges, a block of them does not."""
NEAR_GOOD_WEIGHT = 0.6
"""A short sentence counts a little less than its size: it may be a caption or a comment."""
SUBHEADING_MAX_CHARS = 40
"""Longest unit read as a subheading: headings inside a body are a short line."""
HEADLINE_MIN_CHARS = 5
"""Shortest headline: fewer characters is a menu item."""
HEADLINE_MAX_CHARS = 160
"""Longest headline: more is prose."""
HEADLINE_LOOKBACK = 40
"""Units before the body searched for the headline: titles sit close above the body."""
HEADLINE_MIN_SCORE = 2.0
"""A candidate must score this much to be called the headline; below it the page shows none."""
SITE_SUFFIX = regex.compile(r"(?:\s+[–—-]\s+|\s*[|｜_]\s*)[^|｜_–—]{1,30}$")
"""A site name after a title (``标题_新浪网``, ``Title - BBC News``, ``Title | CGTN``)."""
_TITLE_END = regex.compile(r"[。.;；:：,，、]$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Revision:
    """The final labels of a page's units."""

    kinds: tuple[Kind, ...]
    """The final kind of each unit."""
    reasons: tuple[tuple[str, ...], ...]
    """Why each unit got its kind, first rule to last."""
    headline: int | None
    """Index of the unit the headline is read from, or ``None``."""
    region: tuple[int, int] | None
    """The article region: first and last unit index, inclusive."""


def revise(units: tuple[Unit, ...], features: tuple[Features, ...], guesses: tuple[Guess, ...]) -> Revision:
    """Decide every unit's kind from its guess and its place around the article."""
    n = len(units)
    if n == 0:
        return Revision(kinds=(), reasons=(), headline=None, region=None)
    region = _region(features, guesses)
    kinds: list[Kind] = [Kind.NAV] * n
    reasons: list[list[str]] = [list(g.reasons) for g in guesses]
    start, end = region if region else (n, n - 1)
    headline = _headline(units, features, guesses, start)
    title_keys = _title_keys(units, headline)

    for i in range(n):
        g, f = guesses[i], features[i]
        if i < start:
            kind, why = _before(g, f)
        elif i <= end:
            kind, why = _inside(g, f)
        else:
            kind, why = _after(g, f, kinds, i, start, end)
        if title_keys and i <= end and _is_title(units[i].text, title_keys) and kind is not Kind.PARAGRAPH:
            kind, why = Kind.HEADLINE, "headline_repeat" if i != headline else "headline"
        kinds[i] = kind
        reasons[i].append(why)
    return Revision(
        kinds=tuple(kinds),
        reasons=tuple(tuple(r) for r in reasons),
        headline=headline,
        region=region,
    )


def _score(f: Features, g: Guess) -> float:
    if g.quality is Quality.GOOD:
        return size(f)
    if g.quality is Quality.NEAR_GOOD:
        return NEAR_GOOD_WEIGHT * size(f)
    if g.quality is Quality.SHORT:
        return -SHORT_COST
    return -BAD_COST


def _region(features: tuple[Features, ...], guesses: tuple[Guess, ...]) -> tuple[int, int] | None:
    best = 0.0
    best_span: tuple[int, int] | None = None
    run = 0.0
    run_start = 0
    for i, (f, g) in enumerate(zip(features, guesses)):
        s = _score(f, g)
        if run <= 0:
            run, run_start = s, i
        else:
            run += s
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


def _before(g: Guess, f: Features) -> tuple[Kind, str]:
    if f.teaser_of >= 0:
        return Kind.TEASER, "teaser_prefix"
    if g.kind in (Kind.METADATA, Kind.CAPTION):
        return g.kind, "before_body_cue"
    return Kind.NAV, "before_body"


def _inside(g: Guess, f: Features) -> tuple[Kind, str]:
    if f.teaser_of >= 0:
        return Kind.TEASER, "teaser_prefix"
    if g.kind is not None and g.kind is not Kind.NAV:
        return g.kind, "in_body_cue"
    if g.quality in (Quality.GOOD, Quality.NEAR_GOOD):
        return Kind.PARAGRAPH, "in_body"
    if f.chars <= SUBHEADING_MAX_CHARS and not f.ends_sentence and g.quality is Quality.SHORT:
        return Kind.SUBHEADING, "short_title_in_body"
    if g.kind is Kind.NAV:
        return Kind.FOOTER, "in_body_chrome"
    return Kind.PARAGRAPH, "in_body"


def _after(g: Guess, f: Features, kinds: list[Kind], i: int, start: int, end: int) -> tuple[Kind, str]:
    if g.kind is Kind.DISCLAIMER:
        return Kind.DISCLAIMER, "after_body_cue"
    if g.kind is Kind.SOURCE_URL and Kind.SOURCE_URL not in kinds[end + 1 : i]:
        return Kind.SOURCE_URL, "after_body_url"
    if g.kind is Kind.METADATA:
        return Kind.METADATA, "after_body_cue"
    return Kind.FOOTER, "after_body"


def _headline(
    units: tuple[Unit, ...], features: tuple[Features, ...], guesses: tuple[Guess, ...], start: int
) -> int | None:
    best, best_score = None, HEADLINE_MIN_SCORE
    lo = max(0, start - HEADLINE_LOOKBACK)
    folded = [fold(u.text) for u in units[lo:start]]
    for i in range(lo, start):
        f, g = features[i], guesses[i]
        if g.kind is not None or f.teaser_of >= 0:
            continue
        if not HEADLINE_MIN_CHARS <= f.chars <= HEADLINE_MAX_CHARS or f.sentence_marks > 1:
            continue
        text = units[i].text
        score = 0.0
        if f.repeats:
            score += 3.0
        key = fold(text)
        if any(k != key and k.startswith(key) and SITE_SUFFIX.fullmatch(k[len(key) :]) for k in folded):
            score += 2.0
        distance = start - i
        score += 2.0 if distance <= 3 else 1.0 if distance <= 8 else 0.0
        if any(guesses[j].kind is Kind.METADATA for j in range(i + 1, min(i + 4, start))):
            score += 2.0
        if f.scripts.han >= 8 or f.scripts.latin_words >= 4:
            score += 1.0
        if _TITLE_END.search(text):
            score -= 2.0
        if f.items > 2:
            score -= 2.0
        if score > best_score or (score == best_score and best is not None and f.repeats):
            best, best_score = i, score
    return best


def _title_keys(units: tuple[Unit, ...], headline: int | None) -> frozenset[str]:
    if headline is None:
        return frozenset()
    key = fold(units[headline].text)
    return frozenset({key, fold(SITE_SUFFIX.sub("", units[headline].text))})


def _is_title(text: str, keys: frozenset[str]) -> bool:
    key = fold(text)
    if key in keys:
        return True
    return any(key.startswith(k) and SITE_SUFFIX.fullmatch(key[len(k) :]) for k in keys if k)
