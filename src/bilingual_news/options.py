"""Options for parsing and normalizing, as immutable records.

Change a default with :func:`dataclasses.replace`::

    opts = dataclasses.replace(ParseOptions(), max_chars=1_000_000)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["NormalizeOptions", "ParseOptions"]

DEFAULT_MAX_CHARS = 20_000_000
"""Pages above this many characters are refused: a real article page is well under 1 MB
(the largest labelled page is 0.4 MB); 20 M characters takes a few seconds, not hours."""


@dataclass(frozen=True, slots=True, kw_only=True)
class NormalizeOptions:
    """Which normalization rules run (``docs/normalization.md`` has the table of rules).

    Attributes:
        disabled: names of rules to skip (default: none). The names are those of
            ``bilingual_news.normalize.RULE_NAMES``; an unknown name makes ``normalize()``
            raise ``ValueError``.
        fullwidth_ascii: also turn full-width ASCII letters and digits (``ＡＢＣ１２３``)
            into half-width ones (default ``False``): full-width text is often deliberate in
            Chinese typesetting, and full-width punctuation (``，％``) is never changed.
    """

    disabled: frozenset[str] = frozenset()
    """Rule names to switch off."""
    fullwidth_ascii: bool = False
    """Turn full-width ASCII letters and digits into half-width ones (the ``fullwidth_ascii`` rule)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ParseOptions:
    """How :func:`bilingual_news.parse` reads a page.

    Attributes:
        max_chars: refuse pages longer than this with an ``InputError``
            (default ``DEFAULT_MAX_CHARS``, 20 million characters).
        normalize: the options of the normalization stage.
        favor: what to do with a doubtful block (one the body score weighed without a clear
            answer): ``None`` (the default) keeps the balanced reading; ``"precision"`` drops
            the body's edge lines that are not prose on their own; ``"recall"`` keeps the
            unlabelled lines just outside the article (``bilingual_news.favor``; their effect on
            the labelled pages is in ``docs/cli.md``). Any other value raises ``ValueError``.
    """

    max_chars: int = DEFAULT_MAX_CHARS
    """The largest page, in characters, that is parsed."""
    normalize: NormalizeOptions = field(default_factory=NormalizeOptions)
    """The options of the normalization stage."""
    favor: Literal["precision", "recall"] | None = None
    """Drop (``"precision"``) or keep (``"recall"``) the doubtful blocks; ``None``: neither."""

    def __post_init__(self) -> None:
        if self.favor not in (None, "precision", "recall"):
            raise ValueError(f"expected favor to be 'precision', 'recall' or None, got {self.favor!r}")
        if isinstance(self.max_chars, bool) or not isinstance(self.max_chars, int) or self.max_chars < 0:
            got = repr(self.max_chars)
            raise ValueError(f"expected max_chars to be a whole number of characters, 0 or more, got {got}")
