"""The JSON form: exact round trips, the shipped schema, and clear errors for bad data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

import bilingual_news
from bilingual_news import Block, Document, Kind, Metadata, SchemaError, Span
from helpers import corpus_pages, needs_corpus


def test_seed_round_trips_through_dict(seed_text: str) -> None:
    doc = bilingual_news.parse(seed_text)
    assert Document.from_dict(doc.to_dict()) == doc


def test_seed_round_trips_through_json(seed_text: str) -> None:
    doc = bilingual_news.parse(seed_text)
    assert Document.from_json(doc.to_json()) == doc


def test_seed_dict_follows_the_schema(seed_text: str) -> None:
    jsonschema.validate(bilingual_news.parse(seed_text).to_dict(), bilingual_news.json_schema())


def test_json_keeps_chinese_characters(seed_text: str) -> None:
    assert "文章来源于广告主" in bilingual_news.parse(seed_text).to_json()


def test_dict_has_the_documented_keys(seed_text: str) -> None:
    data = bilingual_news.parse(seed_text).to_dict()
    assert list(data) == [
        "schema", "headline", "source_url", "lang", "metadata", "blocks", "quotes", "edits", "pairs", "warnings",
        "confidence", "raw",
    ]  # fmt: skip
    assert list(data["blocks"][0]) == ["kind", "text", "start", "end", "lang", "reasons", "sentences"]
    assert list(data["metadata"]) == [
        "published", "source", "author", "editor", "original_title", "views", "spans",
    ]  # fmt: skip


@pytest.mark.parametrize("published", [dt.date(2025, 5, 8), dt.datetime(2025, 5, 8, 10, 23)])
def test_dates_round_trip_with_their_type(published: dt.date) -> None:
    doc = Document(raw="", metadata=Metadata(published=published))
    assert Document.from_dict(doc.to_dict()).metadata.published == published


def test_wrong_schema_is_refused() -> None:
    with pytest.raises(SchemaError, match="expected schema 'bilingual-news/1', got 'other/2'"):
        Document.from_dict({"schema": "other/2"})


def test_missing_key_is_named() -> None:
    data = Document(raw="x").to_dict()
    del data["blocks"]
    with pytest.raises(SchemaError, match="'blocks'"):
        Document.from_dict(data)


def test_not_json_is_refused() -> None:
    with pytest.raises(SchemaError, match="not JSON"):
        Document.from_json("{nope")


def test_schema_ships_in_the_package() -> None:
    schema = bilingual_news.json_schema()
    assert schema["properties"]["schema"] == {"const": "bilingual-news/1"}


@needs_corpus
@pytest.mark.parametrize("page", corpus_pages(), ids=lambda p: p.name)
def test_corpus_page_round_trips(page: Path) -> None:
    doc = bilingual_news.parse((page / "raw.txt").read_text(encoding="utf-8"))
    assert Document.from_dict(json.loads(doc.to_json())) == doc


@needs_corpus
@pytest.mark.parametrize("page", corpus_pages(), ids=lambda p: p.name)
def test_corpus_page_follows_the_schema(page: Path) -> None:
    doc = bilingual_news.parse((page / "raw.txt").read_text(encoding="utf-8"))
    jsonschema.validate(doc.to_dict(), bilingual_news.json_schema())


def _rich_document() -> Document:
    raw = "来源：新华网 2025-05-08 10:23\n今天天气很好。我们去公园。"
    meta = Metadata(
        published=dt.datetime(2025, 5, 8, 10, 23, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        source="新华网",
        original_title="原来的标题",
        views=1024,
        spans=(("published", Span(start=7, end=23)), ("source", Span(start=3, end=6))),
    )
    block = Block(
        kind=Kind.PARAGRAPH,
        text="今天天气很好。我们去公园。",
        span=Span(start=24, end=37),
        lang="zh-Hans",
        sentences=(Span(start=24, end=31), Span(start=31, end=37)),
    )
    return Document(raw=raw, blocks=(block,), metadata=meta, lang="zh-Hans")


def test_new_fields_round_trip_exactly() -> None:
    doc = _rich_document()
    assert Document.from_dict(doc.to_dict()) == doc
    assert Document.from_json(doc.to_json()) == doc


def test_new_fields_follow_the_schema() -> None:
    jsonschema.validate(_rich_document().to_dict(), bilingual_news.json_schema())


def test_new_fields_in_the_dict() -> None:
    data = _rich_document().to_dict()
    assert data["blocks"][0]["sentences"] == [[24, 31], [31, 37]]
    assert data["metadata"]["spans"] == {"published": [7, 23], "source": [3, 6]}
    assert data["metadata"]["published"] == "2025-05-08T10:23:00+08:00"
    assert (data["metadata"]["original_title"], data["metadata"]["views"]) == ("原来的标题", 1024)


def test_dict_without_sentences_still_reads() -> None:
    data = _rich_document().to_dict()
    for block in data["blocks"]:
        del block["sentences"]
    assert Document.from_dict(data).blocks[0].sentences == ()


def test_schema_refuses_a_bad_span() -> None:
    data = _rich_document().to_dict()
    data["blocks"][0]["sentences"] = [[1, 2, 3]]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, bilingual_news.json_schema())
