"""Word orders read as they are written: a letter whose lines, currency and delivery day are
said in sentences, no table; a lines table whose every line spans two rows, its position, code
and numbers merged down. Real python-docx files through the real extractor."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import docx

from mailflow.extract import ParseContext, parse_message
from mailflow.model import Attachment, Message

TODAY = dt.date(2026, 11, 23)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def letter(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    word = docx.Document()
    for text in paragraphs:
        word.add_paragraph(text)
    if table:
        grid = word.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def parse(data: bytes):
    attachment = Attachment("order.docx", DOCX, data, original_filename="order.docx")
    message = Message(
        "0" * 64,
        len(data),
        "<letter@x>",
        subject="Order",
        from_addr="dana@harborlane.example",
        attachments=(attachment,),
    )
    return parse_message(message, ParseContext(today=TODAY))


LETTER = [
    "Harbor Lane Controls Inc.",
    "18 Wharf Street, New Bedford MA 02740",
    "New Bedford, 18 November 2026",
    "Purchase Order 4500-7781",
    "Dear Sirs,",
    "Please supply 200 pcs of HB-840 (hex bolt M8x40) at EUR 4.20 each, "
    "and 50 pcs of GW-118 (gear wheel 18T) at EUR 12.50 each.",
    "Delivery by 15 January 2027 to our plant in New Bedford.",
    "Kind regards,",
    "Dana Brooks",
]


def test_an_order_letter_in_word_is_read_from_its_sentences():
    result = parse(letter(LETTER))
    order = result.order
    assert result.kind == "purchase_order" and order is not None
    assert order.po_number == "4500-7781"
    assert order.currency == "EUR"
    assert order.delivery_date == dt.date(2027, 1, 15)
    assert [(ln.item, ln.description, ln.quantity, ln.unit_price) for ln in order.lines] == [
        ("HB-840", "hex bolt M8x40", Decimal("200"), Decimal("4.20")),
        ("GW-118", "gear wheel 18T", Decimal("50"), Decimal("12.50")),
    ]


def test_a_word_order_with_a_lines_table_does_not_read_its_sentences_as_lines():
    """The table is the order; a sentence naming a part ("200 pcs of HB-840 were short last
    time") is not a second line."""
    data = letter(
        [
            "Purchase Order 4500-7782",
            "Note: 200 pcs of HB-840 at EUR 4.10 were short last time.",
        ],
        [["Item", "Description", "Qty", "Unit Price", "Amount"], ["GW-118", "Gear wheel 18T", "50", "12.50", "625.00"]],
    )
    order = parse(data).order
    assert order is not None
    assert [(ln.item, ln.quantity) for ln in order.lines] == [("GW-118", Decimal("50"))]


def test_a_line_over_two_rows_with_merged_cells_is_one_line():
    """Position, code, quantity, price and amount merged over two rows, the description's
    second part on the second row: Word repeats a merged cell's text in every row it covers,
    which read as a second line of the same numbers (the order counted twice, no total to
    tell)."""
    word = docx.Document()
    word.add_paragraph("Purchase Order 4500-7783")
    word.add_paragraph("Currency: EUR")
    rows = [
        ("1", "HB-840", "Hex bolt M8x40", "zinc plated, DIN 933", "200", "pcs", "4.20", "840.00"),
        ("2", "GW-118", "Gear wheel 18T", "steel, module 1", "50", "pcs", "12.50", "625.00"),
    ]
    table = word.add_table(rows=1 + 2 * len(rows), cols=7)
    for column, head in enumerate(("Pos", "Part No.", "Description", "Qty", "Unit", "Unit Price", "Amount")):
        table.cell(0, column).text = head
    for n, (pos, code, first, second, qty, unit, price, amount) in enumerate(rows):
        top = 1 + 2 * n
        for column, value in enumerate((pos, code, first, qty, unit, price, amount)):
            table.cell(top, column).text = value
        for column in (0, 1, 3, 4, 5, 6):
            table.cell(top, column).merge(table.cell(top + 1, column))
        table.cell(top + 1, 2).text = second
    out = io.BytesIO()
    word.save(out)
    order = parse(out.getvalue()).order
    assert order is not None and order.po_number == "4500-7783"
    assert [(ln.item, ln.description, ln.quantity, ln.amount) for ln in order.lines] == [
        ("HB-840", "Hex bolt M8x40 zinc plated, DIN 933", Decimal("200"), Decimal("840.00")),
        ("GW-118", "Gear wheel 18T steel, module 1", Decimal("50"), Decimal("625.00")),
    ]


def test_an_opendocument_text_line_over_two_rows_with_spanning_cells_is_one_line():
    """The same form written in Writer: cells spanning two rows (``number-rows-spanned``) and
    covered cells under them, which the reader repeats like Word's merged cells."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(text: str, span: int = 1) -> str:
        rows = f' table:number-rows-spanned="{span}"' if span > 1 else ""
        return f"<table:table-cell{rows}><text:p>{escape(text)}</text:p></table:table-cell>"

    covered = "<table:covered-table-cell/>"
    head = "".join(cell(h) for h in ("Pos", "Part No.", "Description", "Qty", "Unit", "Unit Price", "Amount"))
    rows = [f"<table:table-row>{head}</table:table-row>"]
    lines = [
        ("1", "HB-840", "Hex bolt M8x40", "zinc plated, DIN 933", "200", "pcs", "4.20", "840.00"),
        ("2", "GW-118", "Gear wheel 18T", "steel, module 1", "50", "pcs", "12.50", "625.00"),
    ]
    for pos, code, first, second, qty, unit, price, amount in lines:
        top = [cell(pos, 2), cell(code, 2), cell(first), *(cell(v, 2) for v in (qty, unit, price, amount))]
        rows.append(f"<table:table-row>{''.join(top)}</table:table-row>")
        rows.append(f"<table:table-row>{covered * 2}{cell(second)}{covered * 4}</table:table-row>")
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body><office:text>'
        "<text:p>Purchase Order 4500-7785</text:p><text:p>Currency: EUR</text:p>"
        f'<table:table table:name="Lines">{"".join(rows)}</table:table></office:text></office:body>'
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    data = out.getvalue()
    attachment = Attachment("order.odt", "application/vnd.oasis.opendocument.text", data, original_filename="order.odt")
    message = Message(
        "2" * 64, len(data), "<odt@x>", subject="Order", from_addr="dana@harborlane.example", attachments=(attachment,)
    )
    order = parse_message(message, ParseContext(today=TODAY)).order
    assert order is not None and order.po_number == "4500-7785"
    assert [(ln.item, ln.description, ln.quantity, ln.amount) for ln in order.lines] == [
        ("HB-840", "Hex bolt M8x40 zinc plated, DIN 933", Decimal("200"), Decimal("840.00")),
        ("GW-118", "Gear wheel 18T steel, module 1", Decimal("50"), Decimal("625.00")),
    ]
