"""The exceptions bilingual_news raises, all under one base class.

::

    BilingualNewsError                 catch this to catch everything the library raises on purpose
    ├── InputError (ValueError)        the page itself is unusable: binary, undecodable, too large,
    │                                  of the wrong type
    ├── SchemaError (ValueError)       data given to Document.from_dict / from_json is not a
    │                                  bilingual-news/1 document
    └── MissingDependencyError         a package a feature needs (jieba, langdetect, zhon, an
        (ImportError)                  optional extra) cannot be imported; says what to install

Messages say what was expected and what came, and name the input where there is one.
"""

from __future__ import annotations

__all__ = ["BilingualNewsError", "InputError", "MissingDependencyError", "SchemaError"]


class BilingualNewsError(Exception):
    """Base class of every error bilingual_news raises on purpose."""


class InputError(BilingualNewsError, ValueError):
    """The input cannot be parsed: binary or undecodable bytes, a wrong type, too large."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        """The file or item the error is about, when known."""
        super().__init__(f"{source}: {message}" if source else message)


class SchemaError(BilingualNewsError, ValueError):
    """Data handed to ``Document.from_dict``/``from_json`` does not follow the schema."""


class MissingDependencyError(BilingualNewsError, ImportError):
    """A package a feature needs cannot be imported; the message says what to install."""
