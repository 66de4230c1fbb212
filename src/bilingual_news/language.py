"""Block language from script ratios: fast, exact for Han, no model.

In: a block's text. Out: a language code — ``zh`` (mostly Han), ``en`` (mostly Latin),
``mixed`` (substantial runs of both), ``und`` (too little text to say).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bilingual_news.scripts import count_scripts

__all__ = ["block_language", "document_language"]

MIXED_MIN_SHARE = 0.2
"""Share of letters in the minority script above which a block is ``mixed``: a Chinese
sentence with one English name stays ``zh``."""
MIN_LETTERS = 2
"""Fewer letters than this (digits, URLs, punctuation) gives ``und``."""
HAN_LETTER_WEIGHT = 3
"""A Han character weighs as much as three Latin letters (one word-ish unit each)."""


def block_language(text: str) -> str:
    """The language of one block, by its scripts.

    >>> block_language("中国和俄罗斯"), block_language("China and Russia"), block_language("2025")
    ('zh', 'en', 'und')
    """
    c = count_scripts(text)
    if c.letters < MIN_LETTERS:
        return "und"
    han = c.han * HAN_LETTER_WEIGHT
    total = han + c.latin
    minority = min(han, c.latin) / total
    if minority >= MIXED_MIN_SHARE:
        return "mixed"
    return "zh" if han > c.latin else "en"


def document_language(pairs: Iterable[tuple[str, int]]) -> str:
    """The language that covers most characters among ``(lang, chars)`` body blocks."""
    weights: Counter[str] = Counter()
    for lang, chars in pairs:
        if lang != "und":
            weights[lang] += chars
    return weights.most_common(1)[0][0] if weights else "und"
