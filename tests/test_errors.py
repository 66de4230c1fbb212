"""The exception tree: one base class, input errors are ValueErrors, messages name the input."""

from __future__ import annotations

import pytest

import bilingual_news
from bilingual_news import BilingualNewsError, InputError, MissingDependencyError, SchemaError


@pytest.mark.parametrize("cls", [InputError, SchemaError, MissingDependencyError])
def test_every_error_derives_from_the_base(cls: type[Exception]) -> None:
    assert issubclass(cls, BilingualNewsError)


@pytest.mark.parametrize("cls", [InputError, SchemaError])
def test_errors_are_value_errors(cls: type[Exception]) -> None:
    assert issubclass(cls, ValueError)


def test_missing_dependency_is_an_import_error() -> None:
    assert issubclass(MissingDependencyError, ImportError)


def test_input_error_names_its_source() -> None:
    err = InputError("expected text, got a PNG image", source="page.png")
    assert str(err) == "page.png: expected text, got a PNG image"
    assert err.source == "page.png"


def test_parse_rejects_a_wrong_type_with_its_name() -> None:
    with pytest.raises(InputError, match="expected the page as str or bytes, got int"):
        bilingual_news.parse(42)  # type: ignore[arg-type]


def test_parse_rejects_a_page_above_max_chars() -> None:
    opts = bilingual_news.ParseOptions(max_chars=10)
    with pytest.raises(InputError, match="at most 10 characters"):
        bilingual_news.parse("x" * 11, options=opts)


def test_parse_file_names_a_missing_file(tmp_path: object) -> None:
    missing = f"{tmp_path}/nope.txt"
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        bilingual_news.parse_file(missing)


def test_parse_file_rejects_a_directory(tmp_path: object) -> None:
    with pytest.raises(InputError, match="expected a file, got a directory"):
        bilingual_news.parse_file(str(tmp_path))
