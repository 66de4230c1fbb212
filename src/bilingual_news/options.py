"""Options for parsing and normalizing, as immutable records.

Change a default with :func:`dataclasses.replace`::

    opts = dataclasses.replace(ParseOptions(), max_chars=1_000_000)
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    """

    max_chars: int = DEFAULT_MAX_CHARS
    """The largest page, in characters, that is parsed."""
    normalize: NormalizeOptions = field(default_factory=NormalizeOptions)
    """The options of the normalization stage."""
