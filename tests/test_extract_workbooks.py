"""Workbooks as buyers keep them: formulas a program wrote and Excel never computed, and a
visible sheet of old orders beside the order's own."""

import datetime as dt
import io
from decimal import Decimal

import openpyxl

from mailflow.extract import ParseContext, parse_file
from mailflow.extract.formula import UNKNOWN, evaluate

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
