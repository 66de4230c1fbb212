"""bilingual_news: scraped news pages mixing Chinese and English -> clean, typed documents.

>>> import bilingual_news
>>> doc = bilingual_news.parse("首页 资讯 A Title Of The Article Here\\n\\nA Title Of The Article Here\\n\\n"
...                            "The first paragraph of the body says something long enough to be prose.")
>>> doc.headline
'A Title Of The Article Here'
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from bilingual_news.errors import BilingualNewsError, InputError, MissingDependencyError, SchemaError
from bilingual_news.model import Block, Document, Edit, Kind, Metadata, Quote, Span, Stats, Word, WordKind
from bilingual_news.normalize import Normalized, normalize
from bilingual_news.options import NormalizeOptions, ParseOptions
from bilingual_news.pipeline import parse, parse_file
from bilingual_news.serialize import json_schema

logging.getLogger(__name__).addHandler(logging.NullHandler())

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
    "ParseOptions",
    "Quote",
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
]
