"""The pipeline's unchecked constructors build what the public constructors build.

``span_unchecked`` and ``block_unchecked`` (``bilingual_news.model``) set a record's slots
directly, for speed (issue 9); what they return must be indistinguishable from the public
keyword constructors' records: equal, with the same hash, repr, order, pickle and fields.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilingual_news.model import Block, Kind, Span, block_unchecked, span_unchecked

offsets = st.integers(min_value=0, max_value=10**9)
ordered = st.tuples(offsets, offsets).map(sorted)


@given(ordered)
def test_span_unchecked_equals_the_public_span(bounds: list[int]) -> None:
    start, end = bounds
    fast, public = span_unchecked(start, end), Span(start=start, end=end)
    assert (fast, hash(fast), repr(fast), len(fast)) == (public, hash(public), repr(public), len(public))


@given(ordered, ordered)
def test_span_unchecked_orders_as_the_public_span(a: list[int], b: list[int]) -> None:
    assert (span_unchecked(*a) < span_unchecked(*b)) == (Span(start=a[0], end=a[1]) < Span(start=b[0], end=b[1]))


def test_span_unchecked_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        span_unchecked(1, 2).start = 0  # type: ignore[misc]


def test_span_unchecked_survives_pickle_and_copy() -> None:
    span = span_unchecked(3, 7)
    assert pickle.loads(pickle.dumps(span)) == span
    assert copy.deepcopy(span) == span


def test_public_span_still_checks_its_order() -> None:
    with pytest.raises(ValueError, match="start <= end"):
        Span(start=5, end=2)


FIELDS = {
    "kind": Kind.CAPTION,
    "text": "图为会场",
    "span": Span(start=4, end=8),
    "lang": "zh-Hans",
    "reasons": ("caption_cue", "near_image"),
    "sentences": (Span(start=4, end=8),),
}


def test_block_unchecked_takes_every_field_of_block_in_order() -> None:
    """Fails when Block gains, loses or reorders a field: block_unchecked must follow."""
    assert [f.name for f in dataclasses.fields(Block)] == list(FIELDS)
    assert block_unchecked(**FIELDS) == Block(**FIELDS)  # type: ignore[arg-type]


def test_block_unchecked_equals_the_public_block() -> None:
    fast, public = block_unchecked(*FIELDS.values()), Block(**FIELDS)  # type: ignore[arg-type]
    assert (fast, hash(fast), repr(fast)) == (public, hash(public), repr(public))
    assert pickle.loads(pickle.dumps(fast)) == public


def test_block_unchecked_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        block_unchecked(*FIELDS.values()).text = "changed"  # type: ignore[arg-type,misc]


# ------------------------------------------------------------------ pickling
# Blocks and spans pickle as plain values (a batch's workers send every document back to the
# parent); what comes back must equal what went.


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_a_parsed_document_survives_pickle_at_every_protocol(protocol: int) -> None:
    from bilingual_news import parse
    from bilingual_news.testing import make_page

    document = parse(make_page(seed=protocol, mix="abce"[protocol % 4]).raw)
    back = pickle.loads(pickle.dumps(document, protocol=protocol))
    assert back == document
    assert back.to_dict() == document.to_dict()


def test_a_block_with_several_sentences_survives_pickle() -> None:
    block = Block(
        kind=Kind.PARAGRAPH,
        text="One. Two. Three.",
        span=Span(start=10, end=26),
        lang="en",
        reasons=("good",),
        sentences=(Span(start=10, end=14), Span(start=15, end=19), Span(start=20, end=26)),
    )
    back = pickle.loads(pickle.dumps(block))
    assert (back, back.sentences, type(back.sentences[0])) == (block, block.sentences, Span)


def test_copies_of_blocks_and_spans_are_equal_and_frozen() -> None:
    block = Block(**FIELDS)  # type: ignore[arg-type]
    for copied in (copy.copy(block), copy.deepcopy(block)):
        assert copied == block
        with pytest.raises(dataclasses.FrozenInstanceError):
            copied.lang = "en"  # type: ignore[misc]
