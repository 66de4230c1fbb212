"""Stage 5b, favor: the doubtful blocks dropped or kept, as :attr:`ParseOptions.favor` asks.

In: the units, their features and first-pass guesses, and :func:`~bilingual_news.revise.revise`'s
:class:`~bilingual_news.revise.Revision`. Out: the same revision, or one with its doubtful
units moved in or out of the body. With ``favor=None`` (the default) the revision is returned
as it is: the balanced reading the evaluation floors hold.

A *doubtful* unit is one the body score (``revise``) weighed without a clear answer:

* ``"precision"`` (a cleaner body, a little of it lost): the body's edge units that are not
  prose on their own (a first-pass quality below ``good``: a short line or a short paragraph
  the region took in because of its neighbours) are dropped — nav before the article's first
  prose unit, footer after its last. A short unit *between* two prose units stays: that is a
  subheading or a list item, which the context rule exists for.
* ``"recall"`` (more of the article, a little chrome with it): units outside the body that no
  cue labelled (no first-pass kind, so not a menu, a disclaimer, a caption, a metadata line…)
  are kept as paragraphs when they stand within :data:`RECALL_REACH` units of it: a short
  paragraph or a subheading the region stopped short of, a lead above a picture.

Like trafilatura's ``favor_precision`` / ``favor_recall``; ``docs/cli.md`` has their effect
on the labelled pages.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from bilingual_news.features import Features
from bilingual_news.label import Guess, Quality
from bilingual_news.model import Kind
from bilingual_news.revise import Revision
from bilingual_news.split import Unit

__all__ = ["FAVORS", "RECALL_REACH", "Favor", "favor"]

Favor = Literal["precision", "recall"]
"""What to favour when a block is doubtful: ``precision`` drops it, ``recall`` keeps it."""

FAVORS: tuple[Favor, ...] = ("precision", "recall")

RECALL_REACH = 3
"""Units (counted from the body's edge) within which ``recall`` takes in unlabelled units. On
the labelled pages, 3 raises body recall (the figures in ``docs/cli.md``); from 6 on, the
teasers of the next stories come in and precision falls by a tenth."""

_BODY = (Kind.PARAGRAPH, Kind.SUBHEADING)


def favor(
    units: tuple[Unit, ...],
    features: tuple[Features, ...],
    guesses: tuple[Guess, ...],
    revision: Revision,
    mode: Favor | None = None,
) -> Revision:
    """The revision with its doubtful units dropped (``"precision"``) or kept (``"recall"``);
    ``None`` returns it unchanged."""
    del units, features  # the stage's signature is the pipeline's; the guesses are enough
    if mode is None or revision.region is None:
        return revision
    kinds = list(revision.kinds)
    reasons = list(revision.reasons)
    if mode == "precision":
        _drop_edges(kinds, reasons, guesses)
    else:
        _keep_near(kinds, reasons, guesses)
    if kinds == list(revision.kinds):
        return revision
    return dataclasses.replace(revision, kinds=tuple(kinds), reasons=tuple(reasons))


def _drop_edges(kinds: list[Kind], reasons: list[tuple[str, ...]], guesses: tuple[Guess, ...]) -> None:
    body = [i for i, kind in enumerate(kinds) if kind in _BODY]
    prose = [i for i in body if guesses[i].quality is Quality.GOOD]
    if not prose:
        return  # a body of short lines only (a poem, a list): nothing in it is surer than the rest
    first, last = prose[0], prose[-1]
    for i in body:
        if i < first:
            kinds[i], reasons[i] = Kind.NAV, (*reasons[i], "favor_precision")
        elif i > last:
            kinds[i], reasons[i] = Kind.FOOTER, (*reasons[i], "favor_precision")


def _keep_near(kinds: list[Kind], reasons: list[tuple[str, ...]], guesses: tuple[Guess, ...]) -> None:
    body = [i for i, kind in enumerate(kinds) if kind in _BODY]
    if not body:
        return
    first, last = body[0], body[-1]
    for i, (kind, g) in enumerate(zip(kinds, guesses, strict=True)):
        if kind not in (Kind.NAV, Kind.FOOTER) or g.kind is not None or g.quality is Quality.BAD:
            continue
        if 0 < first - i <= RECALL_REACH or 0 < i - last <= RECALL_REACH:
            kinds[i], reasons[i] = Kind.PARAGRAPH, (*reasons[i], "favor_recall")
