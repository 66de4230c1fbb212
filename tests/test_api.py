"""The public surface: what ``import bilingual_news`` offers, and that importing it is cheap."""

from __future__ import annotations

import subprocess
import sys

import bilingual_news

EXPECTED_ALL = [
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


def test_all_is_the_documented_surface() -> None:
    assert bilingual_news.__all__ == EXPECTED_ALL


def test_all_is_sorted() -> None:
    assert bilingual_news.__all__ == sorted(bilingual_news.__all__)


def test_every_name_in_all_exists() -> None:
    missing = [name for name in bilingual_news.__all__ if not hasattr(bilingual_news, name)]
    assert missing == []


def test_public_classes_say_they_come_from_the_package() -> None:
    for name in bilingual_news.__all__:
        obj = getattr(bilingual_news, name)
        if isinstance(obj, type):
            assert obj.__module__.startswith("bilingual_news."), name


def test_import_loads_neither_jieba_nor_langdetect() -> None:
    code = "import sys, bilingual_news; print(sorted(m for m in ('jieba', 'langdetect', 'ftfy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_import_loads_neither_logging_nor_regex() -> None:
    code = "import sys, bilingual_news; print(sorted(m for m in ('logging', 'regex') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_parse_loads_neither_jieba_nor_langdetect(seed_text: str) -> None:
    code = (
        "import sys, pathlib, bilingual_news; "
        f"bilingual_news.parse(pathlib.Path({str(_seed_path())!r}).read_text(encoding='utf-8')); "
        "print(sorted(m for m in ('jieba', 'langdetect') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_python_dash_m_runs_the_command() -> None:
    proc = subprocess.run([sys.executable, "-m", "bilingual_news", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert bilingual_news.__version__ in proc.stdout


def _seed_path() -> object:
    from helpers import EXAMPLES

    return EXAMPLES / "seed.txt"


def test_normalize_stays_the_function_after_the_pipeline_loads() -> None:
    code = (
        "import bilingual_news.pipeline, bilingual_news; "
        "print(callable(bilingual_news.normalize), bilingual_news.normalize.__module__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "bilingual_news.normalize"]


def test_lazy_names_resolve_to_functions() -> None:
    code = "import bilingual_news as b; print(b.parse.__module__, b.parse_file.__module__, b.json_schema.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["bilingual_news.pipeline", "bilingual_news.pipeline", "bilingual_news.serialize"]
