"""The tour notebook (docs/notebooks/tour.ipynb) runs from top to bottom with the library as it is.

Run here with nbclient rather than in the docs build: the README's test command (and so CI)
then catches a notebook broken by a change to the library, and the docs build stays a plain
mkdocs build with no kernel. The executed copy is kept as ``test-artifacts/tour.ipynb``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from helpers import ROOT

nbformat = pytest.importorskip("nbformat", reason="the test extra's nbformat runs the notebook")
nbclient = pytest.importorskip("nbclient", reason="the test extra's nbclient runs the notebook")
pytest.importorskip("ipykernel", reason="the test extra's ipykernel is the notebook's kernel")
pytest.importorskip("pandas", reason="the notebook's analysis uses pandas")

NOTEBOOK = ROOT / "docs" / "notebooks" / "tour.ipynb"


@pytest.fixture(scope="module")
def executed() -> Any:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    nbformat.write(nb, artifacts / "tour.ipynb")
    return nb


def _outputs(nb: Any, source: str) -> list[dict[str, Any]]:
    cells = [c for c in nb.cells if c.cell_type == "code" and c.source.strip() == source]
    assert len(cells) == 1, source
    return list(cells[0].outputs)


def _plain(nb: Any, source_start: str) -> str:
    cells = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith(source_start)]
    assert len(cells) == 1, source_start
    return "".join(o["data"]["text/plain"] for o in cells[0].outputs if "data" in o)


def test_every_cell_runs_without_an_error(executed: Any) -> None:
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o["output_type"] == "error"]
    assert errors == []


def test_documents_show_themselves_as_the_html_view(executed: Any) -> None:
    for name in ("seed", "zh"):
        (output,) = _outputs(executed, name)
        view = output["data"]["text/html"]
        assert view.startswith('<div class="bn-doc"')
        assert "<script" not in view


def test_the_analysis_gives_chrome_shares_and_quotes_per_speaker(executed: Any) -> None:
    shares = _plain(executed, "is_chrome =")
    assert "chrome share" in shares
    assert "seed" in shares
    assert "zh" in shares
    speakers = _plain(executed, "speech =")
    assert re.search(r"zh\s+住在附近的退休教师陈玉芳\s+2\n", speakers)
    assert re.search(r"President Xi Jinping\s+1\n", speakers)
