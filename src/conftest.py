"""The doctests of ``src/``, collected by ``python -m pytest`` (``testpaths`` and ``--doctest-modules``).

Every module of the package imports its optional packages (pandas, dask, pyarrow, pyspark) and
selectolax lazily, inside the functions that need them, so that collecting the doctests never
fails for want of one. A doctest that *calls* such a function skips, with the reason, when the
package is absent; it is listed below by its doctest name or a prefix of it (a module's name
covers all its doctests). This file sits beside the package, not in it: it is not in the wheel.
"""

from __future__ import annotations

import importlib.util

import pytest

NEEDS: dict[str, tuple[str, ...]] = {
    # read_html parses with lexbor: a dependency of the package, absent only from a broken install.
    "bilingual_news.dom.read_html": ("selectolax",),
    "bilingual_news.dom.with_html": ("selectolax",),
}
"""Doctest name (or prefix) -> the packages its examples import."""


def _missing(name: str) -> list[str]:
    return [
        package
        for prefix, packages in NEEDS.items()
        if name == prefix or name.startswith(prefix + ".")
        for package in packages
        if importlib.util.find_spec(package) is None
    ]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if isinstance(item, pytest.DoctestItem):
            missing = _missing(item.name)
            if missing:
                item.add_marker(pytest.mark.skip(reason=f"the doctest needs {', '.join(missing)}, not installed"))
