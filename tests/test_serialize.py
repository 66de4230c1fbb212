"""The JSON form: exact round trips, the shipped schema, and clear errors for bad data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

import bilingual_news
from bilingual_news import Document, Metadata, SchemaError
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
        "schema", "headline", "source_url", "lang", "metadata", "blocks", "quotes", "edits", "warnings", "raw",
    ]  # fmt: skip
    assert list(data["blocks"][0]) == ["kind", "text", "start", "end", "lang", "reasons"]


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
