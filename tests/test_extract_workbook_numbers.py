"""How a workbook's text numbers are read when its dates are real date cells: a German call-off
types its quantities "5.000" (five thousand) as text, with no price and no decimal anywhere;
the words of its text cells say which language, and so which grouping, it writes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl import Workbook

from mailflow.extract import ParseContext, parse_file

TODAY = dt.date(2026, 11, 22)


def call_off(path, labels: list[str], head: list[str], quantities: list[str]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append([labels[0]])
    sheet.append([labels[1], "4500123456"])
    sheet.append([labels[2], dt.datetime(2026, 11, 12)])  # a date cell, formatted by the program
    sheet.append([labels[3], "Mainfranken Armaturen GmbH"])
    sheet.append([])
    sheet.append(head)
    for n, quantity in enumerate(quantities, start=1):
        sheet.append([n, f"ART-{n}00", f"Dichtring {n}", quantity, "ST", dt.datetime(2026, 12, 20)])
    book.save(path)


def test_a_german_call_off_with_date_cells_reads_5000(tmp_path):
    path = tmp_path / "abruf.xlsx"
    call_off(
        path,
        ["Lieferabruf", "Bestellnummer", "Bestelldatum", "Kunde"],
        ["Pos.", "Artikel", "Bezeichnung", "Menge", "ME", "Liefertermin"],
        ["5.000", "1.200", "250"],
    )
    order = parse_file(path, ParseContext(today=TODAY)).order
    assert order.po_number == "4500123456"
    assert order.po_date == dt.date(2026, 11, 12)
    assert [line.quantity for line in order.lines] == [Decimal("5000"), Decimal("1200"), Decimal("250")]


def test_an_english_workbook_keeps_its_three_decimals(tmp_path):
    path = tmp_path / "order.xlsx"
    call_off(
        path,
        ["Purchase Order", "PO Number", "Order Date", "Customer"],
        ["Line", "Part", "Description", "Qty", "UoM", "Delivery Date"],
        ["5.000", "1.250", "2.500"],
    )
    order = parse_file(path, ParseContext(today=TODAY)).order
    assert order.po_number == "4500123456"
    assert [line.quantity for line in order.lines] == [Decimal("5.000"), Decimal("1.250"), Decimal("2.500")]
