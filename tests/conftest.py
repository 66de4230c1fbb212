"""Shared test fixtures."""

from __future__ import annotations

import pytest

from helpers import EXAMPLES


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The user's example page, shipped as ``examples/seed.txt``."""
    return (EXAMPLES / "seed.txt").read_text(encoding="utf-8")
