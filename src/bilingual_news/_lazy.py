"""Heavy resources loaded once per process, on first use, behind a lock.

In: a loader function. Out: :class:`Lazy`, whose :meth:`~Lazy.get` runs the loader the first
time any thread asks and hands every caller the same value afterwards. langdetect's profiles
(0.2 s), jieba's dictionary (0.5 s, 60 MB) and the simplified/traditional character sets are
kept this way, so that ``import bilingual_news`` stays cheap and ``parse()`` never pays for
what it does not use.

A loader that cannot import its package raises :class:`MissingDependencyError`, which says
what to install.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from bilingual_news.errors import MissingDependencyError

__all__ = ["Lazy", "missing"]

T = TypeVar("T")


class Lazy(Generic[T]):
    """A value built on first use, once per process, safely from many threads.

    >>> calls = []
    >>> answer = Lazy(lambda: calls.append(1) or 42)
    >>> answer.loaded, answer.get(), answer.get(), len(calls), answer.loaded
    (False, 42, 42, 1, True)
    """

    __slots__ = ("_load", "_lock", "_value")

    def __init__(self, load: Callable[[], T]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._value: T | None = None

    @property
    def loaded(self) -> bool:
        """Whether the value has been built already."""
        return self._value is not None

    def get(self) -> T:
        """The value, built by the loader on the first call (other threads wait for it)."""
        value = self._value
        if value is None:
            with self._lock:
                value = self._value
                if value is None:
                    value = self._load()
                    self._value = value
        return value


def missing(module: str, feature: str) -> MissingDependencyError:
    """The error to raise when ``module`` cannot be imported for ``feature``."""
    return MissingDependencyError(
        f"{feature} needs the package {module!r}, which is not installed; "
        f"install it with `pip install {module}` (it is a dependency of bilingual-news)"
    )
