"""Workbooks laid out other ways round: the lines across (one column per line item, the
attributes down the rows), and the header block under the lines. Real openpyxl workbooks through
the real extractor; the expected values are the ones written into the sheet."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl

from mailflow.extract import ParseContext, parse_message
from mailflow.model import Attachment, Message

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LINES = [
    ("HB-840", "Hex bolt M8x40", 200, "pcs", Decimal("4.20"), Decimal("840.00"), dt.date(2027, 1, 15)),
    ("GW-118", "Gear wheel 18T", 50, "pcs", Decimal("12.50"), Decimal("625.00"), dt.date(2027, 1, 15)),
    ("SPR-330", "Compression spring 0.8x6", 1000, "pcs", Decimal("0.12"), Decimal("120.00"), dt.date(2027, 1, 22)),
]


def parse(rows: list[list]) -> object:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append([float(v) if isinstance(v, Decimal) else v for v in row])
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    attachment = Attachment("po.xlsx", XLSX, data, original_filename="po.xlsx")
    message = Message(
        "0" * 64,
        len(data),
        "<sheet@x>",
        subject="Order",
        from_addr="buyer@harborlane.example",
        attachments=(attachment,),
    )
    return parse_message(message, ParseContext(today=dt.date(2026, 11, 23)))


def expected_lines(order) -> None:
    assert [(ln.item, ln.description, ln.quantity, ln.unit_price, ln.amount) for ln in order.lines] == [
        (item, desc, Decimal(qty), price, amount) for item, desc, qty, _, price, amount, _ in LINES
    ]


def test_lines_laid_across_one_column_per_item_are_read():
    labels = ("Item", "Description", "Quantity", "Unit", "Unit Price", "Amount", "Delivery date")
    rows = [
        ["Purchase Order"],
        ["PO Number", "4500-7781"],
        ["PO Date", dt.date(2026, 11, 18)],
        ["Currency", "EUR"],
        [],
        *[[label, *(line[n] for line in LINES)] for n, label in enumerate(labels)],
        [],
        ["Total", Decimal("1585.00")],
    ]
    result = parse(rows)
    order = result.order
    assert order is not None and order.po_number == "4500-7781"
    assert order.currency == "EUR" and order.total == Decimal("1585.00")
    expected_lines(order)
    assert [ln.delivery_date for ln in order.lines] == [line[6] for line in LINES]
    assert any("lines laid across" in line for line in result.explain)


def test_a_header_block_under_the_lines_is_read():
    rows = [
        ["Item", "Description", "Quantity", "Unit", "Unit Price", "Amount"],
        *[list(line[:6]) for line in LINES],
        [None, None, None, None, "Total", Decimal("1585.00")],
        [],
        ["PO Number", "4500-7782"],
        ["PO Date", dt.date(2026, 11, 18)],
        ["Delivery date", dt.date(2027, 1, 15)],
        ["Currency", "EUR"],
    ]
    order = parse(rows).order
    assert order is not None and order.po_number == "4500-7782"
    assert order.po_date == dt.date(2026, 11, 18) and order.currency == "EUR"
    assert order.total == Decimal("1585.00")
    expected_lines(order)


def test_a_price_list_laid_across_without_quantities_is_no_order_lines():
    """Labels down a column naming no quantity (a product sheet): nothing is turned."""
    rows = [
        ["Item", "HB-840", "GW-118"],
        ["Description", "Hex bolt M8x40", "Gear wheel 18T"],
        ["Unit Price", 4.2, 12.5],
    ]
    order = parse(rows).order
    assert order is None or not order.lines


def test_an_opendocument_sheet_with_lines_laid_across_is_read():
    import zipfile
    from xml.sax.saxutils import escape

    def cell(value) -> str:
        if isinstance(value, (int, Decimal)):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'

    labels = ("Item", "Description", "Quantity", "Unit", "Unit Price", "Amount")
    rows = [["PO Number", "4500-7784"], ["Currency", "EUR"], []]
    rows += [[label, *(line[n] for line in LINES)] for n, label in enumerate(labels)]
    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body><office:spreadsheet>'
        f'<table:table table:name="PO">{body}</table:table></office:spreadsheet></office:body></office:document-content>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    data = out.getvalue()
    kind = "application/vnd.oasis.opendocument.spreadsheet"
    attachment = Attachment("po.ods", kind, data, original_filename="po.ods")
    message = Message(
        "1" * 64, len(data), "<ods@x>", subject="Order", from_addr="buyer@harborlane.example", attachments=(attachment,)
    )
    order = parse_message(message, ParseContext(today=dt.date(2026, 11, 23))).order
    assert order is not None and order.po_number == "4500-7784"
    expected_lines(order)
