"""bilingual_news: scraped news pages mixing Chinese and English -> clean, typed documents.

>>> import bilingual_news
>>> doc = bilingual_news.parse("首页 资讯 A Title Of The Article Here\\n\\nA Title Of The Article Here\\n\\n"
...                            "The first paragraph of the body says something long enough to be prose.")
>>> doc.headline
'A Title Of The Article Here'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from bilingual_news.errors import BilingualNewsError, InputError, MissingDependencyError, SchemaError
from bilingual_news.model import Block, Document, Edit, Kind, Metadata, Pair, Quote, Span, Stats, Word, WordKind

# Imported eagerly: the submodule shares its name with the function, and a lazy import would let
# the import system bind the *module* to `bilingual_news.normalize` when a stage imports it.
from bilingual_news.normalize import Normalized, normalize
from bilingual_news.options import NormalizeOptions, ParseOptions

if TYPE_CHECKING:
    from bilingual_news.batch import Result, parse_many
    from bilingual_news.frame import to_frame
    from bilingual_news.pipeline import parse, parse_file
    from bilingual_news.serialize import json_schema


# The pipeline's modules compile about a hundred regular expressions; they load on first use of
# a name below (PEP 562), so that `import bilingual_news` stays cheap for a program that only
# imports it (a CLI's --help, a worker that parses later).
_LAZY = {
    "parse": "bilingual_news.pipeline",
    "parse_file": "bilingual_news.pipeline",
    "json_schema": "bilingual_news.serialize",
    "parse_many": "bilingual_news.batch",
    "Result": "bilingual_news.batch",
    "to_frame": "bilingual_news.frame",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'bilingual_news' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "BilingualNewsError",
    "Block",
    "Document",
    "Edit",
    "InputError",
    "Kind",
    "Metadata",
    "MissingDependencyError",
    "NormalizeOptions",
    "Normalized",
    "Pair",
    "ParseOptions",
    "Quote",
    "Result",
    "SchemaError",
    "Span",
    "Stats",
    "Word",
    "WordKind",
    "__version__",
    "json_schema",
    "normalize",
    "parse",
    "parse_file",
    "parse_many",
    "to_frame",
]
