"""Stage 1, normalize: repair escaping and encoding artifacts, and trace every change.

In: the raw text. Out: :class:`Normalized` — the clean ``text``, the ``edits`` that made it
(each stated on the raw text), and an offset map both ways.

Rules are small, named and registered in :data:`RULES`, in the order they run; the runner
applies them to a fixed point (a pass in which no rule changes anything), at most
:data:`MAX_PASSES` times. Each rule is conservative: text that is already clean never matches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from bilingual_news.model import Edit, Span
from bilingual_news.offsets import Change, OffsetMap, apply_edits, merge_edits
from bilingual_news.options import NormalizeOptions

__all__ = ["MAX_PASSES", "RULES", "Normalized", "Rule", "normalize"]

MAX_PASSES = 4
"""Passes over the rules before the runner stops: a repair can expose one more artifact
(``&amp;quot;`` -> ``&quot;`` -> ``"``), but no real page needs more than three."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One named repair: a pattern and what each match becomes."""

    name: str
    """The rule's name, as it appears in :attr:`Edit.rule`."""
    pattern: regex.Pattern[str]
    """What the rule repairs; a match that must stay as it is returns itself from ``replace``."""
    replace: Callable[[regex.Match[str]], str]
    """The repaired text for one match."""
    doc: str = ""
    """One line on what the rule repairs."""


def _group(name: str) -> Callable[[regex.Match[str]], str]:
    return lambda m: m.group(name)


RULES: tuple[Rule, ...] = (
    Rule(
        name="crlf",
        pattern=regex.compile(r"\r\n?"),
        replace=lambda m: "\n",
        doc="Windows and old Mac line ends become a newline.",
    ),
    Rule(
        name="slash_apostrophe",
        # A scraper escaped ' as /' (``Xi/'s``, ``countries/'``): only after a letter, and
        # never inside a URL (a token with :// or www.), where /' can be real.
        pattern=regex.compile(r"(?<!(?:://|www\.)\S*)(?<=\p{L})/(?P<q>')"),
        replace=_group("q"),
        doc="``Xi/'s`` -> ``Xi's``: a scraper's /-escaped apostrophe after a letter.",
    ),
)
"""The rules, in the order they run."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Normalized:
    """A raw text, its clean form, and how one maps to the other."""

    raw: str
    """The input, unchanged."""
    text: str
    """The clean text: ``raw`` with ``edits`` applied."""
    edits: tuple[Edit, ...]
    """The changes, sorted and non-overlapping, each stated on ``raw``."""
    warnings: tuple[str, ...] = ()
    """Damage that was found but not repaired."""
    offsets: OffsetMap = field(repr=False, compare=False)
    """The offset map between ``raw`` and ``text``."""

    def to_raw(self, i: int, *, end: bool = False) -> int:
        """The raw offset of normalized offset ``i`` (``end=True`` for a span's end)."""
        return self.offsets.to_raw(i, end=end)

    def to_normalized(self, i: int, *, end: bool = False) -> int:
        """The normalized offset of raw offset ``i`` (``end=True`` for a span's end)."""
        return self.offsets.to_normalized(i, end=end)

    def raw_span(self, start: int, end: int) -> Span:
        """The raw span of the normalized range ``[start, end)``."""
        return Span(start=self.offsets.to_raw(start), end=self.offsets.to_raw(end, end=True))


def normalize(text: str, options: NormalizeOptions | None = None) -> Normalized:
    """Repair ``text`` and return the clean text with every edit traced to ``text``.

    >>> normalize("President Xi/'s visit").text
    "President Xi's visit"
    >>> normalize("http://a.b/c/'d").text
    "http://a.b/c/'d"
    """
    opts = options or NormalizeOptions()
    rules = [r for r in RULES if r.name not in opts.disabled]
    edits: list[Edit] = []
    current = text
    for _ in range(MAX_PASSES):
        changed = False
        for rule in rules:
            changes = _find(rule, current)
            if changes:
                edits = merge_edits(text, current, edits, changes)
                current = apply_edits(text, edits)
                changed = True
        if not changed:
            break
    return Normalized(raw=text, text=current, edits=tuple(edits), offsets=OffsetMap(edits))


def _find(rule: Rule, text: str) -> list[Change]:
    changes: list[Change] = []
    for m in rule.pattern.finditer(text):
        after = rule.replace(m)
        if after != m.group(0):
            changes.append(Change(start=m.start(), end=m.end(), after=after, rule=rule.name))
    return changes
