"""Script counts and runs: how much of a text is Han, Latin, digits or other.

In: a string. Out: :class:`ScriptCounts` and script runs, computed with ``regex``'s Unicode
script properties (``\\p{Han}``, ``\\p{Latin}``), exact and fast enough to run on every unit.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

__all__ = ["HAN", "LATIN_WORD", "ScriptCounts", "count_scripts", "han_runs"]

HAN = regex.compile(r"\p{Han}")
"""One Han character."""
LATIN_WORD = regex.compile(r"[\p{Latin}][\p{Latin}\p{M}'’-]*")
"""One word in Latin script (apostrophes and hyphens inside it)."""
_HAN_RUN = regex.compile(r"\p{Han}+")
_LATIN_RUN = regex.compile(r"\p{Latin}+")
_DIGIT_RUN = regex.compile(r"\p{Nd}+")


@dataclass(frozen=True, slots=True)
class ScriptCounts:
    """How many characters of each script a text has."""

    han: int
    """Han characters (Chinese ideographs)."""
    latin: int
    """Latin letters."""
    digits: int
    """Decimal digits of any script."""
    latin_words: int
    """Words written in Latin letters."""
    total: int
    """Characters that are not white space."""
    capital_words: int = 0
    """Latin words that start with a capital letter."""

    @property
    def han_share(self) -> float:
        """Han characters as a share of all letters (Han + Latin); 0 when there are none."""
        letters = self.han + self.latin
        return self.han / letters if letters else 0.0

    @property
    def letters(self) -> int:
        """Han characters plus Latin letters."""
        return self.han + self.latin


def count_scripts(text: str) -> ScriptCounts:
    """Count the scripts in ``text``.

    >>> count_scripts("首页 News 2025").han, count_scripts("首页 News 2025").latin_words
    (2, 1)
    """
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    words = LATIN_WORD.findall(text) if latin else []
    return ScriptCounts(
        han=sum(map(len, _HAN_RUN.findall(text))),
        latin=latin,
        digits=sum(map(len, _DIGIT_RUN.findall(text))),
        latin_words=len(words),
        total=sum(map(len, text.split())),
        capital_words=sum(1 for w in words if w[0].isupper()),
    )


def han_runs(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of each run of Han characters."""
    return [m.span() for m in _HAN_RUN.finditer(text)]
