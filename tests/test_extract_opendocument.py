"""OpenDocument orders (.ods, .odt and the flat .fods, .fodt) read like Excel and Word ones.

The files are written here as LibreOffice writes them (a zip whose first entry is ``mimetype``,
``content.xml`` with the sheets or the text), and converted by LibreOffice itself from a
workbook and a Word file: ``mailflow parse FILE --json`` must read the same order from both.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import tracemalloc
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from mailflow import formats
from mailflow.config import Limits
from mailflow.errors import LimitExceeded
from mailflow.extract import ParseContext, odf, parse_file, read_attachment
from mailflow.model import Attachment
from mailflow.extract.vocabulary import Vocabulary
from mailflow.message.sniff import sniff

from helpers.daemon import MAILFLOW, NOW, clean_environ
from helpers.opendocument import NS, flat, number_cell, row, text_cell

TODAY = dt.date(2026, 11, 20)
LINES = [  # item, description, quantity, unit price, amount
    ("HX-100", "Hex bolt M8 x 40", Decimal("1200"), Decimal("0.85"), Decimal("1020")),
    ("WS-220", "Washer, stainless", Decimal("2500"), Decimal("0.12"), Decimal("300")),
    ("GR-900", "Gear rack module 2", Decimal("4"), Decimal("1234.5"), Decimal("4938")),
]
TOTAL = Decimal("6258")


def package(mimetype: str, content: str) -> bytes:
    """An OpenDocument zip as LibreOffice writes it: ``mimetype`` first and stored."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    return out.getvalue()


def content(body: str, styles: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS} office:version="1.3">'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body>{body}</office:body></office:document-content>"
    )


def german(value: Decimal) -> str:
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


EMPTY = '<table:table-cell table:number-columns-repeated="1019"/>'
HIDDEN_STYLE = (
    '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>'
)


def order_sheets() -> str:
    """A visible order sheet and a hidden archive sheet of an older order, with LibreOffice's
    tail of a million empty rows of a thousand empty cells."""
    lines = [
        row(
            text_cell(item),
            text_cell(description),
            number_cell(qty, german(qty)),
            number_cell(price, german(price)),
            number_cell(amount, german(amount)),
            EMPTY,
        )
        for item, description, qty, price, amount in LINES
    ]
    order = (
        '<table:table table:name="Bestellung">'
        '<table:table-column table:number-columns-repeated="1024"/>'
        + row(
            text_cell("Purchase Order", 'table:number-columns-spanned="3"'),
            '<table:covered-table-cell table:number-columns-repeated="2"/>',
        )
        + row(text_cell("PO Number"), text_cell("HX-77120"))
        + row(
            text_cell("PO Date"),
            '<table:table-cell office:value-type="date" office:date-value="2026-11-18"><text:p>18.11.2026</text:p></table:table-cell>',
        )
        + row(text_cell("Currency"), text_cell("EUR"))
        + row(extra='table:number-rows-repeated="2"')
        + row(*(text_cell(h) for h in ("Item", "Description", "Qty", "Unit Price", "Amount")))
        + "".join(lines)
        + row(
            '<table:table-cell table:number-columns-repeated="3"/>',
            text_cell("Total"),
            number_cell(TOTAL, german(TOTAL)),
        )
        + row(EMPTY, extra='table:number-rows-repeated="1048560"')
        + "</table:table>"
    )
    archive = (
        '<table:table table:name="Archiv" table:style-name="ta2">'
        + row(text_cell("PO Number"), text_cell("HX-10001"))
        + row(*(text_cell(h) for h in ("Item", "Description", "Qty", "Unit Price", "Amount")))
        + row(
            text_cell("OLD-1"),
            text_cell("Old part"),
            number_cell(Decimal(9), "9"),
            number_cell(Decimal(1), "1"),
            number_cell(Decimal(9), "9"),
        )
        + "</table:table>"
    )
    return f"<office:spreadsheet>{archive}{order}</office:spreadsheet>"


def cli_parse(path: Path) -> dict:
    result = subprocess.run(
        [MAILFLOW, "--now", NOW, "parse", str(path), "--json"],
        capture_output=True, text=True, timeout=120, env=clean_environ(), cwd=path.parent,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_the_order(parsed: dict, po_number: str = "HX-77120") -> None:
    order = parsed["order"]
    assert order["po_number"] == po_number
    assert [
        (l["item"], Decimal(l["quantity"]), Decimal(l["unit_price"]), Decimal(l["amount"])) for l in order["lines"]
    ] == [(item, qty, price, amount) for item, _, qty, price, amount in LINES]
    assert Decimal(order["total"]) == TOTAL


def test_an_ods_order_is_read_from_stored_values_and_a_hidden_sheet_is_not(tmp_path):
    path = tmp_path / "Bestellung HX-77120.ods"
    path.write_bytes(package(formats.ODS, content(order_sheets(), HIDDEN_STYLE)))
    parsed = cli_parse(path)
    assert_the_order(parsed)
    assert parsed["order"]["po_date"] == "2026-11-18"
    assert "HX-10001" not in json.dumps(parsed)  # the hidden archive sheet


def test_a_flat_fods_is_the_same_order_and_is_known_by_its_content(tmp_path):
    data = flat(formats.ODS, order_sheets(), HIDDEN_STYLE).encode()
    assert sniff(data, "application/octet-stream", "order.xml") == formats.FODS
    path = tmp_path / "order.fods"
    path.write_bytes(data)
    assert_the_order(cli_parse(path))


def test_an_ods_is_known_by_its_mimetype_entry_not_its_name():
    data = package(formats.ODS, content(order_sheets(), HIDDEN_STYLE))
    assert sniff(data, "application/octet-stream", "attachment.bin") == formats.ODS
    assert sniff(package(formats.ODT, content("<office:text/>")), "application/zip", "x.zip") == formats.ODT
    assert formats.reader_for(formats.ODS, "bin", len(data)).reader() is odf.read_ods


def test_merged_cells_hidden_rows_and_columns_like_excel():
    sheet = (
        '<office:spreadsheet><table:table table:name="S">'
        '<table:table-column/><table:table-column table:visibility="collapse"/><table:table-column/>'
        + row(text_cell("a", 'table:number-rows-spanned="4"'), text_cell("secret"), text_cell("x"))
        + row("<table:covered-table-cell/>", text_cell("secret"), text_cell("y"))
        + row(text_cell("old line"), text_cell("secret"), text_cell("z"), extra='table:visibility="filter"')
        + row("<table:covered-table-cell/>", text_cell("secret"), text_cell("w"))
        + "</table:table></office:spreadsheet>"
    )
    doc = odf.read_ods(package(formats.ODS, content(sheet)), "S.ods", Vocabulary.bundled())
    assert doc.grids[0].rows == [["a", None, "x"], ["a", None, "y"], [None, None, None], ["a", None, "w"]]


def test_huge_repeat_counts_are_read_within_bounds():
    """An attacker's sheet: rows of a hundred numbers each repeated a million times, each cell
    repeated a million times — a few kilobytes that would be ten billion cells if built."""
    cell = '<table:table-cell office:value-type="float" office:value="7" table:number-columns-repeated="1048576"><text:p>7</text:p></table:table-cell>'
    body = (
        '<office:spreadsheet><table:table table:name="Bomb">'
        + row(cell * 100, extra='table:number-rows-repeated="1048576"') * 10
        + "</table:table></office:spreadsheet>"
    )
    data = package(formats.ODS, content(body))
    tracemalloc.start()
    doc = odf.read_ods(data, "bomb.ods", Vocabulary.bundled())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    [grid] = doc.grids
    assert len(grid.rows) == odf.MAX_ROWS and len(grid.rows[0]) == odf.MAX_COLUMNS
    assert any("more than 2000 rows" in w for w in doc.warnings), doc.warnings
    assert peak < 64 * 1024 * 1024, peak


def test_an_ods_that_inflates_too_far_and_deep_nesting_are_bounded():
    """A zip bomb is measured before any reading, like every zip; nesting deeper than an order
    is (tables in tables, a hundred thousand deep) is skipped, not held."""
    padding = "<text:p>" + "0" * (3 * 1024 * 1024) + "</text:p>"
    bomb = package(formats.ODS, content(f"<office:spreadsheet>{padding}</office:spreadsheet>"))
    attachment = Attachment("bomb.ods", formats.ODS, bomb)
    with pytest.raises(LimitExceeded, match="bomb.ods"):
        read_attachment(attachment, Vocabulary.bundled(), Limits(max_inflated_bytes=1024 * 1024))
    depth = 100_000
    nested = "<table:table><table:table-row><table:table-cell>" * depth
    nested += "<text:p>deep</text:p>" + "</table:table-cell></table:table-row></table:table>" * depth
    doc = odf.read_odt(
        package(formats.ODT, content(f"<office:text>{nested}</office:text>")), "x.odt", Vocabulary.bundled()
    )
    assert not doc.unreadable and len(doc.grids) <= odf.MAX_DEPTH and "deep" not in doc.all_text()


def test_a_dtd_makes_the_file_unreadable_not_expanded():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f"<office:document-content {NS}><office:body><office:text><text:p>&b;</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    doc = odf.read_odt(package(formats.ODT, bomb), "x.odt", Vocabulary.bundled())
    assert doc.unreadable and "cannot open the OpenDocument" in doc.warnings[0]


def odt_order() -> str:
    """An order written in Writer: the PO number in a text box, its date in a paragraph, a
    tracked change that deleted the old number, a layout table holding the lines table."""
    lines = "".join(
        row(*(text_cell(v) for v in (item, description, str(qty), f"{price:.2f}", f"{amount:.2f}")))
        for item, description, qty, price, amount in LINES
    )
    inner = (
        '<table:table table:name="Lines"><table:table-column table:number-columns-repeated="5"/>'
        + row(*(text_cell(h) for h in ("Item", "Description", "Qty", "Unit Price", "Amount")))
        + lines
        + row('<table:table-cell table:number-columns-repeated="3"/>', text_cell("Total"), text_cell(f"{TOTAL:.2f}"))
        + "</table:table>"
    )
    return (
        "<office:text>"
        '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
        "<text:p>PO Number: HX-66001</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        '<text:h text:outline-level="1">Purchase<text:s/>Order</text:h>'
        '<text:p>Acme Tools Ltd<draw:frame draw:name="box"><draw:text-box><text:p>PO Number: HX-77120</text:p>'
        "</draw:text-box></draw:frame></text:p>"
        '<text:p><text:change text:change-id="ct1"/>PO Date: 2026-11-18</text:p>'
        "<text:p>Currency: EUR<office:annotation><text:p>check the HX-55555 quote</text:p></office:annotation></text:p>"
        '<table:table table:name="Layout"><table:table-column/>'
        + row(f"<table:table-cell>{inner}</table:table-cell>")
        + "</table:table></office:text>"
    )


def test_an_odt_order_with_a_text_box_a_nested_table_and_tracked_changes(tmp_path):
    path = tmp_path / "order.odt"
    path.write_bytes(package(formats.ODT, content(odt_order())))
    parsed = cli_parse(path)
    assert_the_order(parsed)
    assert "HX-66001" not in json.dumps(parsed) and "HX-55555" not in json.dumps(parsed)
    doc = odf.read_odt(path.read_bytes(), "order.odt", Vocabulary.bundled())
    assert [line.text for line in doc.lines][:3] == ["Purchase Order", "Acme Tools Ltd", "PO Number: HX-77120"]
    fodt = tmp_path / "order.fodt"
    fodt.write_bytes(flat(formats.ODT, odt_order()).encode())
    assert_the_order(cli_parse(fodt))


def test_an_odt_form_reads_its_fields_values_and_not_its_placeholders(tmp_path):
    body = odt_order().replace(
        "<text:p>Currency: EUR",
        '<text:p>Payment Terms: <text:placeholder text:placeholder-type="text">&lt;terms&gt;</text:placeholder></text:p>'
        '<text:p>Incoterms: <text:text-input text:description="Incoterms">FCA Hamburg</text:text-input></text:p>'
        '<text:p>Currency: <text:drop-down text:name="Currency"><text:label text:value="USD"/>'
        '<text:label text:value="EUR" text:current-selected="true"/>EUR</text:drop-down>',
    )
    path = tmp_path / "form.odt"
    path.write_bytes(package(formats.ODT, content(body)))
    parsed = cli_parse(path)
    assert_the_order(parsed)
    assert parsed["order"]["payment_terms"] is None
    assert parsed["order"]["incoterms"] == "FCA Hamburg"
    assert "<terms>" not in json.dumps(parsed)


@pytest.mark.soffice
def test_libreoffice_converted_workbook_and_word_file_read_as_their_sources(tmp_path, soffice):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["PO Number", "HX-77120"])
    sheet.append(["PO Date", dt.datetime(2026, 11, 18)])
    sheet.append([])
    sheet.append(["Item", "Description", "Qty", "Unit Price", "Amount"])
    for item, description, qty, price, amount in LINES:
        sheet.append([item, description, int(qty), float(price), float(amount)])
    sheet.append([None, None, None, "Total", float(TOTAL)])
    book.save(tmp_path / "po.xlsx")
    word = docx.Document()
    word.add_paragraph("Purchase Order")
    word.add_paragraph("PO Number: HX-77120")
    word.add_paragraph("PO Date: 2026-11-18")
    table = word.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ("Item", "Description", "Qty", "Unit Price", "Amount")):
        cell.text = text
    for values in LINES:
        for cell, value in zip(table.add_row().cells, values):
            cell.text = f"{value:.2f}" if isinstance(value, Decimal) and value != value.to_integral() else str(value)
    for cell, text in zip(table.add_row().cells, ("", "", "", "Total", f"{TOTAL:.2f}")):
        cell.text = text
    word.save(tmp_path / "po.docx")
    ods = soffice.convert(tmp_path / "po.xlsx", tmp_path / "out", "ods")
    odt = soffice.convert(tmp_path / "po.docx", tmp_path / "out", "odt")
    for source, converted in ((tmp_path / "po.xlsx", ods), (tmp_path / "po.docx", odt)):
        expected = parse_file(source, ParseContext(today=TODAY)).to_json()["order"]
        parsed = cli_parse(converted)
        assert_the_order(parsed)
        assert {k: parsed["order"][k] for k in ("po_number", "po_date", "total", "lines")} == {
            k: expected[k] for k in ("po_number", "po_date", "total", "lines")
        }


def test_the_currency_calc_writes_on_every_amount_cell_is_the_sheets(tmp_path, soffice):
    """Prices formatted '1.234,50 €' in Excel, saved by Calc as .ods: each cell says
    office:currency="EUR"; with no currency field, that is the order's currency."""
    book = openpyxl.Workbook()
    sheet = book.active
    for values in [["PO Number", "PO-55120"], ["Order Date", dt.date(2026, 11, 16)], ["Buyer", "Harbor Gear Ltd"], []]:
        sheet.append(values)
    sheet.append(["Item", "Description", "Qty", "Unit Price", "Amount"])
    for item, words, qty, price in [
        ("GR-4410", "Spur gear m1 z40", 250, 3.4),
        ("SH-2205", "Drive shaft 12 mm", 100, 7.25),
    ]:
        sheet.append([item, words, qty, price, qty * price])
        for column in (4, 5):
            sheet.cell(sheet.max_row, column).number_format = "#,##0.00 [$€-407]"
    book.save(tmp_path / "po.xlsx")
    ods = soffice.convert(tmp_path / "po.xlsx", tmp_path / "out", "ods")
    result = parse_file(ods, ParseContext(today=TODAY))
    assert result.order.currency == "EUR"
    assert [ln.amount for ln in result.order.lines] == [Decimal("850"), Decimal("725")]
    assert any("number format of 4 cell(s)" in line for line in result.explain)
