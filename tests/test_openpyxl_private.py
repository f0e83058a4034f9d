"""The tracker leans on two parts of openpyxl that are not its public API; if an openpyxl release
changes them, these tests fail by name instead of the tracker going wrong in a subtle way.

* ``Worksheet._cells``: a dict ``(row, column) -> Cell`` of the cells that exist. The tracker
  reads it to walk a 20,000-row sheet without creating empty cells (``iter_rows`` makes every
  cell of the range), and ``sync.remove_rows`` replaces it to move rows up in one pass.
* ``RelationshipList.get(id)``: ``workbook.load`` swaps it for an indexed lookup while loading.

``pyproject.toml`` pins openpyxl to the minor release these were checked against.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.packaging.relationship import Relationship, RelationshipList

from mailflow.tracker import sync

REPO = Path(__file__).resolve().parents[1]


def test_the_installed_openpyxl_is_in_the_pinned_range():
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    (pin,) = [d for d in dependencies if d.startswith("openpyxl")]
    low, high = re.fullmatch(r"openpyxl>=(\d+\.\d+),<(\d+\.\d+)", pin.split("#")[0].strip()).groups()
    installed = tuple(int(p) for p in openpyxl.__version__.split(".")[:2])
    assert tuple(map(int, low.split("."))) <= installed < tuple(map(int, high.split("."))), openpyxl.__version__


def test_worksheet_cells_is_the_dict_of_existing_cells_by_row_and_column():
    ws = openpyxl.Workbook().active
    ws["B3"] = "x"
    ws.cell(row=5, column=1, value=7)
    assert isinstance(ws._cells, dict), "Worksheet._cells is gone or no longer a dict"
    assert set(ws._cells) == {(3, 2), (5, 1)}
    assert all(isinstance(c, Cell) for c in ws._cells.values())
    assert ws._cells[(3, 2)].value == "x"


def test_replacing_worksheet_cells_moves_rows_as_remove_rows_needs(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in range(1, 6):
        ws.cell(row=row, column=1, value=f"row {row}")
    ws["A4"].hyperlink = "https://example.com/4"
    sync.remove_rows(ws, {2, 3})
    path = tmp_path / "moved.xlsx"
    wb.save(path)
    back = openpyxl.load_workbook(path).active
    assert [back.cell(row=r, column=1).value for r in range(1, 4)] == ["row 1", "row 4", "row 5"]
    assert back["A2"].hyperlink is not None and back["A2"].hyperlink.ref == "A2"
    assert back.max_row == 3


def test_relationship_list_get_finds_a_relationship_by_id():
    rels = RelationshipList()
    rels.append(Relationship(Id="rId7", type="hyperlink", Target="https://example.com"))
    assert callable(getattr(RelationshipList, "get", None)), "RelationshipList.get is gone"
    assert rels.get("rId7").Target == "https://example.com"
