"""Documents as a table: records without pandas, a DataFrame with it, and a clear error without."""

from __future__ import annotations

import subprocess
import sys

import pytest

import bilingual_news
from bilingual_news import Document, Kind, MissingDependencyError
from bilingual_news.frame import COLUMNS, to_frame, to_records


def test_records_are_one_plain_dict_per_block(seed: Document) -> None:
    rows = seed.to_records()
    assert len(rows) == len(seed.blocks)
    assert all(list(row) == list(COLUMNS) for row in rows)
    first = rows[0]
    assert first == {
        "page": 0,
        "index": 0,
        "kind": "nav",
        "text": "首页 资讯",
        "start": 0,
        "end": 5,
        "lang": "zh-Hans",
        "chars": 5,
    }
    assert [r["kind"] for r in rows] == [b.kind.value for b in seed.blocks]
    assert all(type(r["kind"]) is str for r in rows)


def test_page_ids_are_given_or_the_position(seed: Document, zh: Document) -> None:
    rows = to_records([seed, ("zh", zh), seed])
    assert [r["page"] for r in rows if r["index"] == 0] == [0, "zh", 2]
    assert [r["page"] for r in to_records({"a": seed}.items()) if r["index"] == 0] == ["a"]


def test_anything_else_is_a_type_error(seed: Document) -> None:
    with pytest.raises(TypeError, match="at position 1"):
        to_records([seed, "not a document"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        to_records([("a", "b")])  # type: ignore[list-item]


def test_the_frame_has_the_columns_and_a_kind_categorical(seed: Document, zh: Document) -> None:
    pd = pytest.importorskip("pandas")
    frame = bilingual_news.to_frame([("seed", seed), ("zh", zh)])
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(seed.blocks) + len(zh.blocks)
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert list(frame["kind"].cat.categories) == [k.value for k in Kind]
    for column in ("index", "start", "end", "chars"):
        assert frame[column].dtype == "int64"
    assert frame.to_dict("records")[0] == to_records([("seed", seed)])[0]
    chrome = frame[frame["kind"].isin(["nav", "footer"])].groupby("page")["chars"].sum()
    assert chrome["zh"] > chrome["seed"]


def test_document_to_frame_and_an_empty_frame(seed: Document) -> None:
    pytest.importorskip("pandas")
    frame = seed.to_frame()
    assert frame["page"].eq(0).all()
    assert frame["text"].tolist() == [b.text for b in seed.blocks]
    empty = to_frame([])
    assert list(empty.columns) == list(COLUMNS)
    assert len(empty) == 0
    assert list(empty["kind"].cat.categories) == [k.value for k in Kind]


def test_without_pandas_the_error_says_what_to_install(seed: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` raise ImportError
    with pytest.raises(MissingDependencyError, match=r"pip install 'bilingual-news\[pandas\]'"):
        seed.to_frame()
    assert seed.to_records()  # needs nothing


def test_importing_the_package_or_the_module_does_not_import_pandas() -> None:
    code = (
        "import sys, bilingual_news, bilingual_news.frame, bilingual_news.render; "
        "bilingual_news.to_frame; bilingual_news.parse('A line').to_records(); "
        "print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
