"""The document model: frozen values, spans, kinds and the convenience views."""

from __future__ import annotations

import dataclasses

import pytest

from bilingual_news import Block, Document, Kind, Metadata, Span, Stats, Word, WordKind
from bilingual_news.model import METADATA_FIELDS

KINDS = [
    "nav",
    "headline",
    "teaser",
    "metadata",
    "subheading",
    "paragraph",
    "caption",
    "disclaimer",
    "source_url",
    "footer",
]


def _block(kind: Kind, text: str, start: int) -> Block:
    return Block(kind=kind, text=text, span=Span(start=start, end=start + len(text)), lang="en")


def _doc() -> Document:
    raw = "Home\nTitle\nBody one.\nSub\nBody two.\nNext"
    blocks = (
        _block(Kind.NAV, "Home", 0),
        _block(Kind.HEADLINE, "Title", 5),
        _block(Kind.PARAGRAPH, "Body one.", 11),
        _block(Kind.SUBHEADING, "Sub", 21),
        _block(Kind.PARAGRAPH, "Body two.", 25),
        _block(Kind.FOOTER, "Next", 35),
    )
    return Document(raw=raw, blocks=blocks, headline="Title")


def test_kind_values_are_the_gold_roles() -> None:
    assert [k.value for k in Kind] == KINDS


def test_kind_is_a_str() -> None:
    assert Kind.PARAGRAPH == "paragraph"


def test_span_rejects_end_before_start() -> None:
    with pytest.raises(ValueError, match="start <= end"):
        Span(start=5, end=4)


def test_span_slices_end_exclusive() -> None:
    assert Span(start=1, end=3).slice("abcd") == "bc"


def test_document_is_frozen() -> None:
    doc = _doc()
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.headline = "other"  # type: ignore[misc]


def test_model_classes_are_slotted() -> None:
    assert not hasattr(_doc(), "__dict__")


def test_model_fields_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Span(1, 2)  # type: ignore[misc]


def test_body_is_paragraphs_and_subheadings_in_order() -> None:
    assert [b.text for b in _doc().body] == ["Body one.", "Sub", "Body two."]


def test_views_by_kind() -> None:
    doc = _doc()
    assert [b.text for b in doc.nav] == ["Home"]
    assert [b.text for b in doc.footer] == ["Next"]
    assert [b.text for b in doc.paragraphs] == ["Body one.", "Body two."]


def test_disclaimer_is_none_without_one() -> None:
    assert _doc().disclaimer is None


def test_text_is_headline_then_body() -> None:
    assert _doc().text == "Title\n\nBody one.\n\nSub\n\nBody two."


def test_block_spans_point_into_raw() -> None:
    doc = _doc()
    assert all(b.span.slice(doc.raw) == b.text for b in doc.blocks)


def test_block_sentences_default_to_none_found() -> None:
    assert _block(Kind.PARAGRAPH, "Body.", 0).sentences == ()


def test_document_with_new_fields_is_hashable() -> None:
    meta = Metadata(source="人民网", views=12, spans=(("source", Span(start=0, end=3)),))
    block = Block(
        kind=Kind.PARAGRAPH, text="A. B.", span=Span(start=0, end=5), lang="en", sentences=(Span(start=0, end=2),)
    )
    doc = Document(raw="A. B.", blocks=(block,), metadata=meta)
    assert hash(doc) == hash(Document(raw="A. B.", blocks=(block,), metadata=meta))


def test_word_and_stats_are_frozen_values() -> None:
    word = Word(text="中国", span=Span(start=0, end=2), kind=WordKind.HAN)
    stats = Stats(characters=2, han=2, words=1, sentences=1, paragraphs=1, reading_minutes=0.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        word.text = "x"  # type: ignore[misc]
    assert hash(word) == hash(Word(text="中国", span=Span(start=0, end=2), kind=WordKind.HAN))
    assert hash(stats) == hash(dataclasses.replace(stats))
    assert str(WordKind.HAN) == "han"


def test_metadata_fields_are_the_documented_ones() -> None:
    assert METADATA_FIELDS == ("published", "source", "author", "editor", "original_title", "views")
    assert all(hasattr(Metadata(), name) for name in METADATA_FIELDS)


def test_languages_and_sentences_are_views_of_the_body() -> None:
    doc = _doc()
    assert doc.languages == (("en", 1.0),)
    assert doc.sentences == ()
