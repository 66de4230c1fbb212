"""The cue lexicons, read once from the data files beside this module.

In: the ``*.txt`` files in this folder (one cue per line, ``#`` comments). Out: :class:`Lexicon`,
a frozen record of normalized cue sets, from :func:`lexicon` (cached: read once per process).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from importlib import resources

__all__ = ["Lexicon", "fold", "lexicon"]


def fold(text: str) -> str:
    """The form cues are compared in: NFKC, lower case, inner blanks folded to one space."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    """Cue words per role, both languages, folded with :func:`fold`."""

    nav: frozenset[str]
    """Words that are navigation chrome when they make up a whole line."""
    footer: frozenset[str]
    """Words that are footer chrome when they make up or start a line."""
    metadata: tuple[tuple[str, str], ...]
    """``(field, cue)`` pairs, longest cue first, for lines that start with a cue."""
    disclaimer: tuple[str, ...]
    """Phrases that make a line a disclaimer wherever they stand in it."""
    caption_prefix: tuple[str, ...]
    """Phrases that make a line a caption when it starts with them."""
    caption_contains: tuple[str, ...]
    """Phrases that make a line a caption wherever they stand in it."""


def _lines(name: str) -> list[str]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            out.append(line.rstrip("\n"))
    return out


def _pairs(name: str) -> list[tuple[str, str]]:
    pairs = []
    for line in _lines(name):
        key, _, cue = line.partition("\t")
        pairs.append((key.strip(), fold(cue) if cue.strip() else cue))
    return pairs


@functools.cache
def lexicon() -> Lexicon:
    """The lexicons, read and folded once per process."""
    captions = _pairs("caption.txt")
    metadata = sorted(_pairs("metadata.txt"), key=lambda p: -len(p[1]))
    return Lexicon(
        nav=frozenset(fold(w) for w in _lines("nav.txt")),
        footer=frozenset(fold(w) for w in _lines("footer.txt")),
        metadata=tuple(metadata),
        disclaimer=tuple(fold(w) for w in _lines("disclaimer.txt")),
        caption_prefix=tuple(c for k, c in captions if k == "prefix"),
        caption_contains=tuple(c for k, c in captions if k == "contains"),
    )
