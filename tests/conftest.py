"""Shared test fixtures."""

from __future__ import annotations

import pytest

import bilingual_news
from bilingual_news import Document
from helpers import EXAMPLES


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The user's example page, shipped as ``examples/seed.txt``."""
    return (EXAMPLES / "seed.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text: str) -> Document:
    """The example page, parsed."""
    return bilingual_news.parse(seed_text)


@pytest.fixture(scope="session")
def zh() -> Document:
    """The Chinese example page (``examples/zh_sample.txt``), parsed."""
    return bilingual_news.parse_file(EXAMPLES / "zh_sample.txt")
