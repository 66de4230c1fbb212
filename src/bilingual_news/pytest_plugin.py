"""A pytest plugin: synthetic bilingual news pages with their gold, as fixtures.

Installed with the package and registered under the ``pytest11`` entry point ``bilingual_news``,
so a project that has bilingual_news installed gets these fixtures in its tests (switch the
plugin off with ``-p no:bilingual_news``):

``bilingual_page``
    A :class:`~bilingual_news.testing.SyntheticPage` (``raw`` and ``gold``). Its seed comes from
    the test's node id, so each test gets its own page and the same page every run. Choose the
    page with a marker, ``@pytest.mark.bilingual_page(seed=3, mix="c")`` (any
    :func:`~bilingual_news.testing.make_page` argument), or parametrize it indirectly:
    ``@pytest.mark.parametrize("bilingual_page", [1, 2, {"seed": 3, "mix": "e"}], indirect=True)``.

``page_factory``
    A callable taking :func:`~bilingual_news.testing.make_page`'s keyword arguments; each call
    without a ``seed`` makes the test's next page (seeds follow from the node id).

This module is imported by pytest only, never by ``import bilingual_news``; it loads
:mod:`bilingual_news.testing` when a fixture is first used.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from bilingual_news.testing import SyntheticPage

__all__ = ["bilingual_page", "page_factory"]

MARKER = "bilingual_page"
"""The marker that passes :func:`~bilingual_news.testing.make_page` arguments to ``bilingual_page``."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(**kwargs): make_page() arguments (seed, mix, artifacts, blank_lines, paragraphs) "
        "of the bilingual_page fixture",
    )


def _node_seed(request: pytest.FixtureRequest) -> int:
    """A seed of the test's own: the same every run, different from test to test."""
    return zlib.crc32(request.node.nodeid.encode("utf-8"))


@pytest.fixture
def bilingual_page(request: pytest.FixtureRequest) -> SyntheticPage:
    """A synthetic page with its gold; see the module's docstring for how to choose it."""
    from bilingual_news.testing import make_page

    kwargs: dict[str, Any] = {}
    marker = request.node.get_closest_marker(MARKER)
    if marker is not None:
        if marker.args:
            raise TypeError(f"expected keyword arguments in @pytest.mark.{MARKER}(...), got {marker.args!r}")
        kwargs.update(marker.kwargs)
    param = getattr(request, "param", None)
    if isinstance(param, int) and not isinstance(param, bool):
        kwargs["seed"] = param
    elif isinstance(param, dict):
        kwargs.update(param)
    elif param is not None:
        raise TypeError(f"expected a seed (int) or make_page() arguments (dict) as the parameter, got {param!r}")
    kwargs.setdefault("seed", _node_seed(request))
    return make_page(**kwargs)


@pytest.fixture
def page_factory(request: pytest.FixtureRequest) -> Callable[..., SyntheticPage]:
    """``make_page`` with the test's own run of seeds: ``page_factory()``, ``page_factory(mix="c")``."""
    from bilingual_news.testing import make_page

    seeds = itertools.count(_node_seed(request))

    def factory(**kwargs: Any) -> SyntheticPage:
        if "seed" not in kwargs:
            kwargs["seed"] = next(seeds)
        return make_page(**kwargs)

    return factory
