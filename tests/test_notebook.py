"""docs/notebook.ipynb runs from top to bottom in a real Jupyter kernel (nbclient + ipykernel),
and shows what it says: the flagship map drawn as SVG, its analysis as a status table.

The notebook is committed without outputs (a 120 kB drawing in every diff otherwise); this test
makes them and checks them."""

from __future__ import annotations

import time
from html import escape

import nbformat
import pytest
from helpers import FLAGSHIP, ROOT
from nbclient import NotebookClient

import argmap

NOTEBOOK = ROOT / "docs" / "notebook.ipynb"


@pytest.fixture(scope="module")
def executed() -> tuple[nbformat.NotebookNode, float]:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    started = time.monotonic()
    NotebookClient(notebook, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()  # raises on any error
    return notebook, time.monotonic() - started


def outputs(notebook: nbformat.NotebookNode, mime: str) -> list[str]:
    return [o["data"][mime] for cell in notebook.cells if cell.cell_type == "code"
            for o in cell.outputs if mime in o.get("data", {})]


def test_the_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert cells and all(c.outputs == [] and c.execution_count is None for c in cells)


def test_the_notebook_runs_and_shows_the_flagship_drawn(executed) -> None:
    notebook, seconds = executed
    assert seconds < 20
    drawings = outputs(notebook, "image/svg+xml")
    assert len(drawings) == 2  # the map itself, then drawn with its statuses
    flagship = argmap.parse_file(FLAGSHIP)
    assert drawings[0] == argmap.render(flagship, "svg").decode("utf-8")
    assert "<svg" in drawings[1] and "No NATO troops" in drawings[1]


def test_the_notebook_shows_the_status_table(executed) -> None:
    notebook, _ = executed
    analysis = argmap.analyze(argmap.parse_file(FLAGSHIP))
    (table,) = [html for html in outputs(notebook, "text/html") if "<th>status</th>" in html]
    for node_id, status in analysis.status.items():
        assert f"<td>{escape(node_id)}</td><td>{status}</td>" in table
    assert any("<caption>debate report</caption>" in html for html in outputs(notebook, "text/html"))
    printed = "".join(o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
    assert "Why [No NATO troops] is out under grounded semantics" in printed


def test_the_flagship_ships_the_article_it_encodes() -> None:
    flagship = argmap.parse_file(FLAGSHIP)
    article = FLAGSHIP.parent / str(flagship.sources["article"].meta["file"])
    assert article.is_file()  # beside the map, in every clone
    assert article.read_text(encoding="utf-8").splitlines()[0] == flagship.title
    assert str(flagship.metadata["source"]).startswith(f"{flagship.title} (")  # the citation, not a path
