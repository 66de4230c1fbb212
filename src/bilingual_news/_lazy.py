"""Heavy resources loaded once per process, on first use, behind a lock.

In: a loader function. Out: :class:`Lazy`, whose :meth:`~Lazy.get` runs the loader the first
time any thread asks and hands every caller the same value afterwards. langdetect's profiles
(0.2 s), jieba's dictionary (0.5 s, 60 MB) and the simplified/traditional character sets are
kept this way, so that ``import bilingual_news`` stays cheap and ``parse()`` never pays for
what it does not use. :func:`bilingual_news.distributed.warmup` loads them ahead of the first
page, for a worker or a service (:mod:`bilingual_news._warm`).

A loader that cannot import its package raises :class:`MissingDependencyError`, which says
what to install.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

import regex

from bilingual_news.errors import MissingDependencyError

__all__ = ["Lazy", "LazyPattern", "missing"]

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


_PATTERN_METHODS = ("search", "match", "fullmatch", "findall", "finditer", "sub", "split", "pattern")


class LazyPattern:
    """A :mod:`regex` pattern compiled on first use: ``regex``'s compiler takes up to a few
    milliseconds a pattern, and most patterns of the stages serve rare lines (a byline, a
    counter, a photo credit), which a short page may never have. Importing the pipeline
    compiles none of them.

    After the first use the compiled pattern's methods are this object's own attributes, so a
    call costs what it costs on the compiled pattern.

    >>> digits = LazyPattern(r"\\p{Nd}+")
    >>> digits.findall("a1b22"), digits.pattern
    (['1', '22'], '\\\\p{Nd}+')
    """

    search: Callable[..., regex.Match[str] | None]
    match: Callable[..., regex.Match[str] | None]
    fullmatch: Callable[..., regex.Match[str] | None]
    findall: Callable[..., list[Any]]
    finditer: Callable[..., Iterator[regex.Match[str]]]
    sub: Callable[..., str]
    split: Callable[..., list[Any]]
    pattern: str

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only reached while no method is this object's own: the first use.
        if name not in _PATTERN_METHODS:
            raise AttributeError(name)
        compiled = regex.compile(self._source, self._flags)
        for method in _PATTERN_METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
