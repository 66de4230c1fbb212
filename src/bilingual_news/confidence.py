"""Stage 9, confidence: how far to trust a parsed page, and why not.

In: the :class:`~bilingual_news.model.Document` and the :class:`~bilingual_news.revise.Revision`
it was built from. Out: the document with :attr:`~bilingual_news.model.Document.confidence` set
and a sentence in :attr:`~bilingual_news.model.Document.warnings` for each sign that lowered it
much.

A wrong document rarely looks broken: a page whose article was read as nav still has a body (a
comment box, a short post beside it) and a headline. What gives it away is the shape of the
whole page, which the stages before judge only locally. Each sign below is measured on the
blocks, given a severity from 0 (absent) to 1 (as strong as it gets), and lowers the confidence
by a factor ``1 - weight * severity``; the confidence is the product of the factors. Strong
signs (no body, an article read as chrome, a body that repeats itself) carry a large weight;
signs that clean pages show too (a short body, no headline, a rival region) a small one, so
that one of them alone never makes a page look worse than a page with a strong sign.

The signs read block kinds and the first reason of each block, which is its quality class when
no cue decided it (:class:`~bilingual_news.label.Quality`): ``good`` and ``near_good`` blocks
are *prose-like*, text that reads as sentences.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import NamedTuple

from bilingual_news.label import Quality
from bilingual_news.model import Block, Document, Kind
from bilingual_news.revise import Revision

__all__ = ["Sign", "assess", "signs"]

# ---------------------------------------------------------------------------------- weights
NO_BODY_WEIGHT = 0.95
"""What a page without a body keeps: nearly nothing. A parser that finds no article either met
a page without one (an index, an error page) or missed it; both are worth a look."""

CHROME_RUN_WEIGHT = 0.8
"""What a long run of prose read as nav costs at full severity: the surest sign that the
article region was chosen wrongly (a later, smaller region won and the article above it was
labelled ``nav``, reason ``before_body``)."""
CHROME_RUN_START = 4
"""Prose-like units in one nav run before the body from which the run counts: a site banner,
a cookie notice or a survey call above a forum post is a few paragraphs."""
CHROME_RUN_FULL = 12
"""Prose-like units in one nav run at which the run is surely an article: a dozen paragraphs."""
CHROME_RUN_BODY_SHARE = 1.0
"""Characters of the run, over the body's, at which it counts fully (it counts from a quarter
of that): a run much shorter than the body is a banner above a real article."""

SMALL_SHARE_WEIGHT = 0.25
"""What a body that is a small share of the page's prose costs at full severity: a little,
since a forum question under a banner, a short post above its comments and a news brief above
a feed of excerpts are all small shares of their pages and right."""
SHARE_OK = 0.5
"""Share of the page's prose-like characters (body, plus prose labelled nav or footer) from
which the body is not small: half."""
SHARE_LOW = 0.1
"""Share at which the sign is at full severity."""
SHARE_MIN_CHROME = 200
"""Prose-like characters outside the body below which the share is not judged: a signature and
a copyright line make any short body a small share."""

REPEAT_WEIGHT = 0.6
"""What a body that repeats itself costs at full severity: a second copy of the article (a
transcript, a print or AMP version, a data island) or a table of contents read as body."""
REPEAT_LOW = 0.08
"""Share of the body repeated from which the sign counts: articles repeat a phrase or a short
line (a refrain, a label) here and there."""
REPEAT_FULL = 0.3
"""Share of the body repeated at which the sign is at full severity."""
REPEAT_MIN_CHARS = 12
"""Shortest sentence whose repeat counts: ``1.``, ``图片`` or ``Read more.`` recur in any body."""
SENTENCE_SPLIT_CHARS = 60
"""Blocks longer than this are cut into sentences to find a copy inside them; a shorter block is
compared whole (one sentence, or a heading)."""

SHORT_BODY_WEIGHT = 0.3
"""What a very short body costs at full severity: some posts are one sentence, but a body of a
line is often a caption or a comment box read as the article."""
SHORT_BODY_OK = 200
"""Body characters from which the body is not short: a news brief of two sentences."""
SHORT_BODY_LOW = 50
"""Body characters at which the sign is at full severity: one sentence."""

FRAGMENT_WEIGHT = 0.2
"""What a body made of fragments costs at full severity: lines that do not read as sentences
(link titles, list or table cells, a menu, the text of a picture) kept as body. On the 181 pages
of the English news benchmark this sign alone ranks the pages read badly (F1 < 0.9) under those
read well (F1 ≥ 0.99) in 80 % of pairs, where the other signs do no better than chance; but poems,
lyrics and reference pages are fragments and right, so it weighs a little."""
FRAGMENT_LOW = 0.1
"""Share of the body's characters in blocks that are not prose-like from which the sign counts:
an article's subheadings, its list items and a line or two of credits make up to a tenth."""
FRAGMENT_FULL = 0.4
"""Share at which the sign is at full severity."""

HEADINGS_WEIGHT = 0.5
"""What a body whose blocks are half headings costs at full severity. An article's sections hold a
few paragraphs each, so its subheadings are a fifth to a third of its blocks; a body of headings
each over a line or two is a feed of link titles and excerpts, or the text of pictures, kept as
body. On the 181 pages of the English news benchmark this sign takes the ranking of pages read
badly under pages read well from 0.72 to 0.75 (text dump) and from 0.65 to 0.71 (HTML), about the same for any
weight from 0.3 to 0.6; listicles (a heading over each short item) show it too and are right, so it is no
strong sign alone. Within that range, 0.5 is where the dev pages' one page read badly (the text
of its pictures read as body) falls below the right ones."""
HEADINGS_LOW = 0.35
"""Share of the body's blocks that are subheadings from which the sign counts: past an article's
usual third (sections of two paragraphs)."""
HEADINGS_FULL = 0.5
"""Share at which the sign is at full severity: a heading over every other block."""
HEADINGS_MIN_BLOCKS = 6
"""Body blocks below which the share is not judged: a heading over a paragraph or two is half
of a short body and ordinary."""

RIVAL_WEIGHT = 0.2
"""What a rival region costs at full severity: a little, since a forum post under its header
rightly wins over a bigger banner (:data:`bilingual_news.revise.HEADER_MARGIN`)."""
RIVAL_LOW = 0.8
"""Ratio of the best other candidate region's body score to the chosen one's from which the
choice is doubtful: nearly as strong."""
RIVAL_FULL = 1.5
"""Ratio at which the sign is at full severity: the other region was clearly stronger, and the
chosen one won by its header alone."""

HEADLINE_WEIGHT = 0.12
"""What a missing headline costs: little, since posts and tweets have none; never a warning by
itself (less than :data:`WARN_DROP`)."""
HEADLINE_FAR = 20
"""Units between the headline and the body from which the headline is far (half severity): the
title of a link list, not the article's."""

DAMAGE_WEIGHT = 0.4
"""What unrepaired damage in the body costs at full severity (its warning is the
normalization's own)."""
DAMAGE_LOW = 0.002
"""Share of the body's characters lost (U+FFFD, ``锟斤拷``) from which the sign counts."""
DAMAGE_FULL = 0.02
"""Share lost at which the sign is at full severity: one character in fifty."""

WARN_DROP = 0.15
"""How much a sign must lower the confidence (``weight * severity``) to be named in the
warnings: less is noted in the number only."""

_PROSE = frozenset({Quality.GOOD.value, Quality.NEAR_GOOD.value})
"""First reasons of the blocks that read as sentences (their quality class, see the module)."""
_PARAGRAPH, _SUBHEADING, _NAV, _FOOTER, _HEADLINE = (
    Kind.PARAGRAPH,
    Kind.SUBHEADING,
    Kind.NAV,
    Kind.FOOTER,
    Kind.HEADLINE,
)
_LISTED_HEADING = ("heading_list_item",)
"""The last reason of a line shaped as a heading that a run of such lines made a list's item
(``revise``'s heading lists): it counts as a heading in :func:`_headings`."""
_SENTENCE_END = re.compile(r"([.!?。！？])\s*")
"""Where a block is cut into the sentences compared by :func:`_repeated`: after an end mark
and the blanks after it (:func:`_sentences`)."""
"""A word for :data:`SHINGLE`."""
_NO_BODY = "no body found: the page may hold no article, or it was read as chrome"
_LOST = re.compile("\ufffd|锟斤拷")


class Sign(NamedTuple):
    """One sign that a page was read wrongly, as :func:`signs` measures it."""

    name: str
    """The sign's name: ``no_body``, ``chrome_run``, ``small_share``, ``repeated``,
    ``short_body``, ``fragments``, ``headings``, ``rival``, ``headline``, ``damage``."""
    severity: float
    """From 0.0 (absent) to 1.0 (as strong as it gets)."""
    weight: float
    """The most it lowers the confidence by: the factor is ``1 - weight * severity``."""
    warning: str
    """The sentence that names it in the warnings (empty for signs that are never named)."""


def assess(document: Document, revision: Revision) -> Document:
    """The document with its confidence, and a warning for each sign that lowered it by
    :data:`WARN_DROP` or more (after the normalization's warnings)."""
    found = signs(document.blocks, revision)
    confidence = 1.0
    warnings = list(document.warnings)
    for sign in found:
        drop = sign.weight * sign.severity
        confidence *= 1.0 - drop
        if drop >= WARN_DROP and sign.warning:
            warnings.append(sign.warning)
    return dataclasses.replace(document, confidence=round(min(1.0, max(0.0, confidence)), 3), warnings=tuple(warnings))


def signs(blocks: Sequence[Block], revision: Revision) -> list[Sign]:
    """Every sign present on the page (severity above 0), strongest weight first.

    The blocks are read in one pass: the body and its length, the first body block, the
    longest run of prose-like nav before it, the prose-like characters of nav and footer and
    where the headlines stand."""
    body: list[Block] = []
    body_chars = 0
    fragments = 0  # body characters in blocks that are not prose-like
    headings = 0  # body blocks shaped as headings (see _headings)
    first = -1  # the first body block
    best = best_chars = run = chars = 0  # the longest run of prose-like nav before the body
    chrome = 0  # prose-like characters labelled nav or footer
    headline_at = -1  # the last headline before the body
    any_headline = False
    for i, b in enumerate(blocks):
        kind = b.kind
        if kind is _PARAGRAPH or kind is _SUBHEADING:
            body.append(b)
            n = len(b.text)
            body_chars += n
            if b.reasons[:1] == () or b.reasons[0] not in _PROSE:
                fragments += n
            if kind is _SUBHEADING or b.reasons[-1:] == _LISTED_HEADING:
                headings += 1
            if first < 0:
                first = i
            continue
        if kind is _NAV or kind is _FOOTER:
            reasons = b.reasons
            if reasons[:1] != () and reasons[0] in _PROSE:  # prose-like: see the module
                n = len(b.text)
                chrome += n
                if first < 0 and kind is _NAV:
                    run += 1
                    chars += n
                    if run > best:
                        best, best_chars = run, chars
                    continue
        elif kind is _HEADLINE:
            any_headline = True
            if first < 0:
                headline_at = i
        if first < 0 and kind is not _NAV:  # any kind but nav ends a run
            run = chars = 0
    if not body:
        return [Sign("no_body", 1.0, NO_BODY_WEIGHT, _NO_BODY)]
    found = [
        _chrome_run(best, best_chars, body_chars),
        _repeated(body, body_chars),
        _damage(body, body_chars),
        _short_body(body_chars),
        _small_share(chrome, body_chars),
        _fragments(fragments, body_chars),
        _headings(headings, len(body)),
        _rival(revision.rival),
        _headline(headline_at, any_headline, first),
    ]
    return [s for s in found if s.severity > 0.0]


# ------------------------------------------------------------------------------------ signs
def _ramp(value: float, low: float, full: float) -> float:
    """0.0 at ``low`` or before it, 1.0 at ``full`` or past it, linear between (``full`` may be
    below ``low``, for signs that grow as a value falls).

    >>> _ramp(5, 4, 12), _ramp(0.3, 0.5, 0.1)
    (0.125, 0.5)
    """
    return min(1.0, max(0.0, (value - low) / (full - low)))


def _chrome_run(best: int, best_chars: int, body_chars: int) -> Sign:
    """The longest run of nav before the body, by its prose-like blocks (short nav between
    them, a menu item or a share bar, does not end it; any other kind does): ``best`` blocks
    of ``best_chars`` characters, as :func:`signs` counts them."""
    severity = _ramp(best, CHROME_RUN_START, CHROME_RUN_FULL) * _ramp(
        best_chars / body_chars, CHROME_RUN_BODY_SHARE / 4, CHROME_RUN_BODY_SHARE
    )
    return Sign(
        "chrome_run",
        severity,
        CHROME_RUN_WEIGHT,
        f"{best} paragraphs of prose before the body were read as nav: the article region may be wrong",
    )


def _small_share(chrome: int, body_chars: int) -> Sign:
    """The body's share of the page's prose: ``chrome`` prose-like characters labelled nav or
    footer beside it."""
    if chrome < SHARE_MIN_CHROME:
        return Sign("small_share", 0.0, SMALL_SHARE_WEIGHT, "")
    share = body_chars / (body_chars + chrome)
    return Sign(
        "small_share",
        _ramp(share, SHARE_OK, SHARE_LOW),
        SMALL_SHARE_WEIGHT,
        f"the body is {round(100 * share)} % of the page's prose-like text: the article region may be wrong",
    )


def _repeated(body: Sequence[Block], body_chars: int) -> Sign:
    """The share of the body that repeats itself: sentences of :data:`REPEAT_MIN_CHARS` or more
    seen before in the body, whole blocks (a table of contents) or inside a longer block (a second
    copy of the text)."""
    seen: set[str] = set()
    again = 0
    for b in body:
        for sentence in _sentences(b.text) if len(b.text) > SENTENCE_SPLIT_CHARS else (b.text,):
            if len(sentence) >= REPEAT_MIN_CHARS:
                if sentence in seen:
                    again += len(sentence)
                else:
                    seen.add(sentence)
    share = again / body_chars
    return Sign(
        "repeated",
        _ramp(share, REPEAT_LOW, REPEAT_FULL),
        REPEAT_WEIGHT,
        f"{round(100 * share)} % of the body repeats itself: a second copy or a table of contents may be in it",
    )


def _sentences(text: str) -> list[str]:
    """``text`` cut after each end mark, the blanks after it left out: the pieces of
    ``re.split(r"(?<=[.!?。！？])\\s*", text)``, found with the mark as the pattern's first
    element (a search that skips to the next mark, not one that looks behind at every
    character) and joined back to the piece before it.

    >>> _sentences("One. Two!三。")
    ['One.', 'Two!', '三。', '']
    """
    parts = _SENTENCE_END.split(text)
    if len(parts) == 1:
        return parts
    out = list(map(str.__add__, parts[0:-1:2], parts[1::2]))
    out.append(parts[-1])
    return out


def _damage(body: Sequence[Block], body_chars: int) -> Sign:
    lost = sum(len(m) for b in body if "\ufffd" in b.text or "锟" in b.text for m in _LOST.findall(b.text))
    return Sign("damage", _ramp(lost / body_chars, DAMAGE_LOW, DAMAGE_FULL), DAMAGE_WEIGHT, "")


def _short_body(body_chars: int) -> Sign:
    return Sign(
        "short_body",
        _ramp(body_chars, SHORT_BODY_OK, SHORT_BODY_LOW),
        SHORT_BODY_WEIGHT,
        f"the body is only {body_chars} characters long: it may be a caption or a comment, not the article",
    )


def _fragments(fragments: int, body_chars: int) -> Sign:
    """The share of the body's characters in blocks that do not read as sentences (their
    first reason is not ``good`` or ``near_good``)."""
    share = fragments / body_chars
    return Sign(
        "fragments",
        _ramp(share, FRAGMENT_LOW, FRAGMENT_FULL),
        FRAGMENT_WEIGHT,
        f"{round(100 * share)} % of the body is lines that do not read as sentences (link titles, list or "
        "table cells, the text of a picture): chrome or a table may have been kept as body",
    )


def _headings(headings: int, blocks: int) -> Sign:
    """The share of the body's ``blocks`` that are shaped as headings (``headings`` of them):
    subheadings, and the items of a run of heading-shaped lines that ``revise`` read as a list
    (:data:`_LISTED_HEADING`), which a feed of titles kept as body makes too."""
    share = headings / blocks
    return Sign(
        "headings",
        _ramp(share, HEADINGS_LOW, HEADINGS_FULL) if blocks >= HEADINGS_MIN_BLOCKS else 0.0,
        HEADINGS_WEIGHT,
        f"{round(100 * share)} % of the body's blocks are headings: a feed of link titles and excerpts, or the "
        "text of pictures, may have been kept as body",
    )


def _rival(ratio: float) -> Sign:
    return Sign(
        "rival",
        _ramp(ratio, RIVAL_LOW, RIVAL_FULL),
        RIVAL_WEIGHT,
        f"another region of the page scored {ratio:.1f} times the body's: the article region may be wrong",
    )


def _headline(at: int, any_headline: bool, first: int) -> Sign:
    """No headline, or one far above the body: ``at`` is the last headline before the first
    body block ``first`` (-1 for none), ``any_headline`` whether the page has one anywhere."""
    if at < 0:
        return Sign("headline", 0.0 if any_headline else 1.0, HEADLINE_WEIGHT, "")
    return Sign("headline", 0.5 if first - at - 1 > HEADLINE_FAR else 0.0, HEADLINE_WEIGHT, "")
