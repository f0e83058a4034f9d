"""Workbooks as buyers keep them: formulas a program wrote and Excel never computed, and a
visible sheet of old orders beside the order's own."""

import datetime as dt
import io
import os
import re
import subprocess
import zipfile
from decimal import Decimal

import openpyxl

from mailflow.extract import ParseContext, parse_file, xlsx
from mailflow.extract.formula import UNKNOWN, evaluate
from mailflow.extract.vocabulary import Vocabulary

TODAY = dt.date(2026, 11, 22)


def parse(tmp_path, name: str, book: openpyxl.Workbook):
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return parse_file(path, ParseContext(today=TODAY))


def cells(**values):
    return lambda ref: values.get(ref)


def test_plain_arithmetic_is_computed_in_decimals():
    assert evaluate("=D20*F20", cells(D20=Decimal("6"), F20=Decimal("5.6"))) == Decimal("33.6")
    # an empty cell is FALSE and 0, as in Excel: the form's "pieces per unit" column left blank
    formula = "=IF(E21=FALSE,(1*F21)*D21,(F21*E21)*D21)"
    assert evaluate(formula, cells(D21=Decimal(6), F21=Decimal("5.6"))) == Decimal("33.6")
    assert evaluate(formula, cells(D21=Decimal(6), E21=Decimal(20), F21=Decimal("5.6"))) == Decimal("672.0")
    sheet = cells(G1=Decimal("10"), G2=Decimal("672"), G3="note", G4=None)
    assert evaluate("=SUM(G1:G4)", sheet) == Decimal("682")
    assert evaluate("=ROUND(SUM($G$1:G2)*0.07,2)", sheet) == Decimal("47.74")
    assert evaluate("=-G1+2^3/4", sheet) == Decimal("-8")


def test_anything_else_stays_unknown():
    sheet = cells(A1=Decimal(1), B1=UNKNOWN)
    for formula in (
        "=TODAY()",
        "=Rates!B2*A1",
        "=VLOOKUP(A1,C1:D9,2)",
        '=A1&"x"',
        "=A1/0",
        "=B1*2",  # a formula that could not be computed itself
        "=SUM(A1:ZZ99999)",  # larger than any order
        "=A1*",
        "=" + "(" * 400 + "1" + ")" * 400,
    ):
        assert evaluate(formula, sheet) is None, formula


def test_uncomputed_formulas_of_a_form_are_computed_and_flagged(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["PURCHASE ORDER", None, None, None, "PO-5521"])
    sheet.append(["Buyer", "Cedar Ridge Instruments LLC"])
    sheet.append(["Item", "Description", "Qty", "Unit Price", "Amount"])
    sheet.append(["HX-2040", "Hex bolt M8x40", 500, 0.42, "=C4*D4"])
    sheet.append(["WS-0800", "Washer 8 mm", 1000, 0.05, "=C5*D5"])
    sheet.append([None, None, None, "Total", "=SUM(E4:E5)"])
    result = parse(tmp_path, "PO-5521.xlsx", book)
    assert [line.amount for line in result.order.lines] == [Decimal("210"), Decimal("50")]
    assert result.order.total == Decimal("260")
    assert result.needs_review  # nobody computed them but us: a person checks
    assert any("computed here from the sheet's cells (E4 = 210" in w for w in result.warnings)


def test_a_visible_archive_of_old_orders_is_not_read_as_the_order(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Purchase Order"
    sheet.append(["PURCHASE ORDER", None, None, "PO No", "PT-603"])
    sheet.append(["Buyer", "Panel Truss East LLC"])
    sheet.append(["Item", "Description", "Qty", "Unit Price", "Amount"])
    sheet.append(["HUS26", "Hanger HUS26", 2, 5, 10])
    sheet.append(["LVL-1722", "LVL 1.75x22", 6, 112, 672])
    sheet.append([None, None, None, "Total", 682])
    for title in ("Archive", "Orders placed"):
        old = book.create_sheet(title)
        old.append(["Item #", "PO#", "Item", "Qty", "Units", "Price", "Date Ordered"])
        for k in range(6):
            old.append(
                [k % 2 + 1, f"OAK{100 + k // 2:06d}", f"Old part {k}", 10 + k, "EA", 3.5, dt.datetime(2014, 10, 3)]
            )
    result = parse(tmp_path, "PT-603.xlsx", book)
    order = result.order
    assert order.po_number == "PT-603"
    assert [line.item for line in order.lines] == ["HUS26", "LVL-1722"]
    assert order.po_date is None  # the archive's dates are not this order's
    assert order.total == Decimal("682")
    assert not any("several PO numbers" in w for w in result.warnings)
    kept_out = [line for line in result.explain if "keeps other orders" in line]
    assert len(kept_out) == 2 and "'Archive'" in kept_out[0] and "'Orders placed'" in kept_out[1]


def test_computing_a_sheet_of_sums_over_large_ranges_is_bounded(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["PURCHASE ORDER", "PO-1"])
    sheet.append(["Item", "Description", "Qty", "Unit Price", "Amount"])
    sheet.append(["A-1", "Bolt", 10, 1.5, "=C3*D3"])
    for row in range(4, 1004):
        sheet.cell(row, 7, "=SUM(A1:D1250)")  # 5,000 cells each, a thousand times
    result = parse(tmp_path, "PO-1.xlsx", book)
    assert result.order.lines[0].amount == Decimal("15")
    # past the budget of cells read, the rest is left to a person, not computed at any cost
    assert any("formula cell(s) without a saved result (G" in w for w in result.warnings)
    assert result.needs_review


def test_a_sheet_past_the_row_limit_is_read_in_one_pass_up_to_the_limit():
    """An order sheet with thousands of rows under it: the first ``MAX_ROWS`` rows are read,
    streamed (the rest is never parsed into cells), and the cut is said. What those rows need
    from elsewhere in the sheet's XML still applies: the merged ranges (written after all the
    cells), the hidden column of old prices, the hidden row of a deleted line; and amounts
    written as formulas that were never computed are computed from the cells read."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Order"
    sheet.append(["PURCHASE ORDER", "PO-77120"])
    sheet.append(["Currency", "EUR"])
    sheet.append([])
    sheet.append(["Item", "Description", "Qty", "Unit Price", "Amount", "Delivery", "Old price"])
    for row in range(5, 5 + 2600):
        sheet.append([f"P-{row:05d}", "Spacer 4 mm", row, 0.25, f"=C{row}*D{row}", None, 0.31])
    sheet["F5"] = dt.datetime(2027, 1, 15)
    sheet.merge_cells("F5:F7")  # one delivery date for the first three lines
    sheet.column_dimensions["G"].hidden = True
    sheet.row_dimensions[9].hidden = True
    buffer = io.BytesIO()
    book.save(buffer)

    doc = xlsx.read_xlsx(buffer.getvalue(), "order.xlsx", Vocabulary.bundled())
    (grid,) = doc.grids
    assert len(grid.rows) == xlsx.MAX_ROWS
    assert any(f"more than {xlsx.MAX_ROWS} rows; only the first {xlsx.MAX_ROWS} were read" in w for w in doc.warnings)
    assert [row[5] for row in grid.rows[4:8]] == [dt.date(2027, 1, 15)] * 3 + [None]
    assert all(row[6] is None for row in grid.rows[4:])  # the hidden column
    assert grid.rows[8] == [None] * 7  # the hidden row
    assert grid.rows[4][4] == Decimal("1.25") and grid.rows[-1][4] == Decimal("500")
    assert any("computed here from the sheet's cells (E5 = 1.25" in w for w in doc.warnings)


def test_saved_results_and_formulas_come_from_one_read_of_a_calc_workbook(tmp_path):
    """A workbook saved by LibreOffice Calc holds each formula with its result: the results are
    read as saved and nothing is reported as uncomputed."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Item", "Description", "Qty", "Unit Price", "Amount"])
    for row in range(2, 6):
        sheet.append([f"K-{row}", "Knob", row * 10, 1.5, f"=C{row}*D{row}"])
    sheet["E6"] = "=SUM(E2:E5)"
    source = tmp_path / "calc.xlsx"
    book.save(source)
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    saved = (tmp_path / "out" / "calc.xlsx").read_bytes()

    doc = xlsx.read_xlsx(saved, "calc.xlsx", Vocabulary.bundled())
    rows = doc.grids[0].rows
    assert [row[4] for row in rows[1:6]] == [Decimal(30), Decimal(45), Decimal(60), Decimal(75), Decimal(210)]
    assert not any("formula" in w for w in doc.warnings)


def test_a_formula_filled_down_and_never_computed_is_computed_for_each_row():
    """Excel writes a formula filled down once, as a shared formula the rows below refer to
    (``<f t="shared" si="0"/>``): each row's own formula (C3*D3, C4*D4) is what is computed."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Item", "Description", "Qty", "Unit Price", "Amount"])
    for row in range(2, 5):
        sheet.append([f"K-{row}", "Knob", row * 10, 1.5, f"=C{row}*D{row}"])
    buffer = io.BytesIO()
    book.save(buffer)
    data = _rewritten(buffer.getvalue(), "xl/worksheets/sheet1.xml", _shared_formulas)

    doc = xlsx.read_xlsx(data, "filled.xlsx", Vocabulary.bundled())
    assert [row[4] for row in doc.grids[0].rows[1:4]] == [Decimal(30), Decimal(45), Decimal(60)]
    assert any("3 formula cell(s) without a saved result were computed" in w for w in doc.warnings)


def _shared_formulas(xml: str) -> str:
    xml = xml.replace("<f>C2*D2</f>", '<f t="shared" ref="E2:E4" si="0">C2*D2</f>')
    return re.sub(r"<f>C[34]\*D[34]</f>", '<f t="shared" si="0"/>', xml)


def _rewritten(data: bytes, member: str, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == member:
                content = change(content.decode("utf-8")).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()
