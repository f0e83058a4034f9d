"""PDF purchase orders drawn with reportlab: ruled and rule-less tables, label blocks, wrapped
descriptions, several pages, Chinese, scans and broken files."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from mailflow.config import Company
from mailflow.extract import ParseContext, parse_message
from mailflow.model import Attachment, Message

TODAY = dt.date(2026, 11, 22)
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
COLUMNS = (40, 110, 330, 390, 430, 520)  # Item, Description, Qty (right), Unit, Price (right), Amount (right)


def parse_pdf(data: bytes, name: str = "PO.pdf", subject: str = "Purchase order", **ctx):
    attachment = Attachment(name, "application/pdf", data, original_filename=name)
    message = Message(
        "0" * 64, len(data), "<t@x>", subject=subject, from_addr="buyer@customer.example", attachments=(attachment,)
    )
    return parse_message(message, ParseContext(today=TODAY, **ctx))


def header_block(c: canvas.Canvas, top: float, po: str = "PO-4411") -> None:
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, top, "PURCHASE ORDER")
    c.setFont("Helvetica", 10)
    c.drawString(40, top - 25, f"PO No: {po}")
    c.drawString(300, top - 25, "Date: 2026-11-20")
    c.drawString(430, top - 25, "Delivery Date: 2026-12-15")
    c.drawString(40, top - 40, "Currency: USD")
    c.drawString(300, top - 40, "Incoterms: FOB Shenzhen")
    # a label block: labels on one line, the names under them, side by side
    c.drawString(40, top - 65, "Buyer:")
    c.drawString(300, top - 65, "Supplier:")
    c.drawString(40, top - 78, "Acme Robotics Inc.")
    c.drawString(300, top - 78, "Example Manufacturing Co., Ltd.")
    c.drawString(40, top - 91, "12 Harbour Road, Springfield")


def row(c: canvas.Canvas, y: float, cells: tuple, font: str = "Helvetica") -> None:
    c.setFont(font, 9)
    item, desc, qty, unit, price, amount = cells
    c.drawString(COLUMNS[0], y, item)
    c.drawString(COLUMNS[1], y, desc)
    c.drawRightString(COLUMNS[2] + 30, y, qty)
    c.drawString(COLUMNS[3], y, unit)
    c.drawRightString(COLUMNS[4] + 40, y, price)
    c.drawRightString(COLUMNS[5] + 40, y, amount)


HEADER = ("Item", "Description", "Qty", "Unit", "Unit Price", "Amount")


def aligned_pdf(lines: list[tuple], pages: int = 1, total: str | None = "7,860.00") -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    per_page = -(-len(lines) // pages)
    for page in range(pages):
        top = 800
        if page == 0:
            header_block(c, top)
            top -= 120
        row(c, top, HEADER, "Helvetica-Bold")
        y = top - 16
        for cells in lines[page * per_page : (page + 1) * per_page]:
            if cells[0] == "":  # a wrapped description: the second line of the row above
                c.setFont("Helvetica", 9)
                c.drawString(COLUMNS[1], y + 4, cells[1])
                y -= 10
                continue
            row(c, y, cells)
            y -= 14
        if page == pages - 1 and total:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(COLUMNS[0], y - 4, "Total")
            c.drawRightString(COLUMNS[5] + 40, y - 4, total)
        c.setFont("Helvetica", 8)
        c.drawString(250, 30, f"Page {page + 1} of {pages}")
        c.drawString(40, 30, "Acme Robotics Inc. - PO-4411")
        c.showPage()
    c.save()
    return buffer.getvalue()


LINES = [
    ("NW-100", "Aluminium housing, anodised black", "1,200", "pcs", "4.50", "5,400.00"),
    ("NW-220", "Front panel with silk-screen logo", "1,200", "pcs", "1.25", "1,500.00"),
    ("NW-310", "Gasket set, silicone", "2,400", "pcs", "0.40", "960.00"),
]


def test_whitespace_aligned_table_and_label_blocks():
    result = parse_pdf(aligned_pdf(LINES))
    order = result.order
    assert result.kind == "purchase_order" and result.source == "PO.pdf"
    assert order.po_number == "PO-4411"
    assert order.po_date == dt.date(2026, 11, 20)
    assert order.customer == "Acme Robotics Inc."  # from the label block, never the supplier
    assert order.currency == "USD" and order.incoterms == "FOB Shenzhen"
    assert order.total == Decimal("7860.00")
    assert [(l.item, l.description, l.quantity, l.unit, l.unit_price, l.amount) for l in order.lines] == [
        ("NW-100", "Aluminium housing, anodised black", Decimal("1200"), "pcs", Decimal("4.50"), Decimal("5400.00")),
        ("NW-220", "Front panel with silk-screen logo", Decimal("1200"), "pcs", Decimal("1.25"), Decimal("1500.00")),
        ("NW-310", "Gasket set, silicone", Decimal("2400"), "pcs", Decimal("0.40"), Decimal("960.00")),
    ]
    assert result.needs_review is False and result.warnings == []
    assert any("po_number = 'PO-4411'" in line and "label 'PO No'" in line for line in result.explain)


def test_wrapped_description_joins_its_row():
    lines = [
        ("NW-100", "Aluminium housing, anodised black,", "1,200", "pcs", "4.50", "5,400.00"),
        ("", "laser-etched logo on the lid", "", "", "", ""),
        ("NW-220", "Front panel", "1,200", "pcs", "1.25", "1,500.00"),
    ]
    result = parse_pdf(aligned_pdf(lines, total="6,900.00"))
    assert [l.description for l in result.order.lines] == [
        "Aluminium housing, anodised black, laser-etched logo on the lid",
        "Front panel",
    ]
    assert result.order.total == Decimal("6900.00") and not result.needs_review


def test_several_pages_with_repeated_headers_and_footers():
    lines = [(f"HX-{1000 + i}", f"Standoff M{i + 2}", "100", "pcs", "1.00", "100.00") for i in range(30)]
    result = parse_pdf(aligned_pdf(lines, pages=3, total="3,000.00"))
    order = result.order
    assert len(order.lines) == 30
    assert [l.item for l in order.lines] == [f"HX-{1000 + i}" for i in range(30)]
    assert all("Page" not in (l.description or "") for l in order.lines)
    assert order.total == Decimal("3000.00") and not result.needs_review


def ruled_pdf() -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    header_block(c, 800, po="RT-2026-7")
    rows = [HEADER, *LINES]
    xs = [36, 100, 320, 370, 420, 480, 560]
    top, height = 660, 18
    for i in range(len(rows) + 1):
        c.line(xs[0], top - i * height, xs[-1], top - i * height)
    for x in xs:
        c.line(x, top, x, top - len(rows) * height)
    for i, cells in enumerate(rows):
        c.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 8)
        for j, text in enumerate(cells):
            c.drawString(xs[j] + 3, top - (i + 1) * height + 5, text)
    c.drawString(420, top - len(rows) * height - 15, "Total: 7,860.00")
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_ruled_table():
    result = parse_pdf(ruled_pdf())
    order = result.order
    assert order.po_number == "RT-2026-7"
    assert [l.item for l in order.lines] == ["NW-100", "NW-220", "NW-310"]
    assert order.lines[2].quantity == Decimal("2400") and order.lines[2].amount == Decimal("960.00")
    assert order.total == Decimal("7860.00")
    assert not result.needs_review


def chinese_pdf() -> bytes:
    pdfmetrics.registerFont(TTFont("WQY", CJK_FONT))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont("WQY", 10)
    for y, text in (
        (800, "采购订单"),
        (780, "订单号: HQ20261118-07"),
        (765, "订单日期: 2026年11月18日"),
        (750, "买方: 深圳华强电子有限公司"),
        (735, "供应商: 示例制造有限公司"),
        (720, "交货日期: 2027年1月10日"),
        (705, "币种: 人民币"),
    ):
        c.drawString(40, y, text)
    row(c, 670, ("料号", "品名", "数量", "单位", "单价", "金额"), "WQY")
    row(c, 655, ("HQ-5001", "电源适配器 12V 2A", "3,000", "个", "8.60", "25,800.00"), "WQY")
    row(c, 641, ("HQ-5002", "USB-C 数据线 1米", "3,000", "条", "2.10", "6,300.00"), "WQY")
    c.setFont("WQY", 9)
    c.drawString(40, 622, "合计")
    c.drawRightString(COLUMNS[5] + 40, 622, "32,100.00")
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_chinese_purchase_order():
    company = Company(name="Example Manufacturing Co., Ltd.", name_zh="示例制造有限公司")
    result = parse_pdf(chinese_pdf(), name="采购订单.pdf", subject="采购订单 HQ20261118-07", company=company)
    order = result.order
    assert result.kind == "purchase_order" and result.language == "zh"
    assert order.po_number == "HQ20261118-07"
    assert order.customer == "深圳华强电子有限公司"
    assert order.po_date == dt.date(2026, 11, 18) and order.delivery_date == dt.date(2027, 1, 10)
    assert order.currency == "CNY" and order.total == Decimal("32100.00")
    assert [(l.item, l.description, l.quantity, l.unit, l.unit_price) for l in order.lines] == [
        ("HQ-5001", "电源适配器 12V 2A", Decimal("3000"), "个", Decimal("8.60")),
        ("HQ-5002", "USB-C 数据线 1米", Decimal("3000"), "条", Decimal("2.10")),
    ]
    assert not result.needs_review


def scanned_pdf() -> bytes:
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(image).text((50, 50), "PURCHASE ORDER PO-9 500 pcs", fill=0)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.drawImage(ImageReader(image), 0, 0, width=595, height=842)
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_scan_is_flagged_never_invented():
    result = parse_pdf(scanned_pdf(), name="PO-9.pdf", subject="Purchase order PO-9")
    assert result.needs_review is True
    assert any("scanned" in w for w in result.warnings)
    assert result.order is None or result.order.lines == []


@pytest.mark.parametrize("data", [b"%PDF-1.4\n garbage \n%%EOF", b"not a pdf at all"])
def test_a_broken_pdf_is_a_warning_not_an_exception(data):
    result = parse_pdf(data, name="PO-10.pdf", subject="Purchase order PO-10")
    assert result.needs_review is True
    assert any("PO-10.pdf" in w for w in result.warnings)
    assert result.order is None or result.order.lines == []


def continued_pdf() -> bytes:
    """Page 2 carries on the table without repeating its header."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    header_block(c, 800)
    row(c, 680, HEADER, "Helvetica-Bold")
    for i in range(3):
        row(c, 664 - 14 * i, (f"HX-{i}", f"Standoff {i}", "10", "pcs", "1.00", "10.00"))
    c.setFont("Helvetica", 8)
    c.drawString(250, 30, "Page 1 of 2")
    c.showPage()
    for i in range(3, 5):
        row(c, 800 - 14 * (i - 3), (f"HX-{i}", f"Standoff {i}", "10", "pcs", "1.00", "10.00"))
    c.setFont("Helvetica-Bold", 9)
    c.drawString(COLUMNS[0], 760, "Subtotal")
    c.drawRightString(COLUMNS[5] + 40, 760, "50.00")
    c.drawString(COLUMNS[0], 746, "VAT 13%")
    c.drawRightString(COLUMNS[5] + 40, 746, "6.50")
    c.drawString(COLUMNS[0], 732, "Total")
    c.drawRightString(COLUMNS[5] + 40, 732, "56.50")
    c.setFont("Helvetica", 8)
    c.drawString(250, 30, "Page 2 of 2")
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_table_continued_without_its_header_and_a_total_with_tax():
    result = parse_pdf(continued_pdf())
    order = result.order
    assert [l.item for l in order.lines] == ["HX-0", "HX-1", "HX-2", "HX-3", "HX-4"]
    assert all(l.quantity == Decimal("10") for l in order.lines)
    assert order.total == Decimal("56.50")  # the grand total; the lines make the subtotal
    assert not result.needs_review, result.warnings


def two_line_header_pdf() -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    header_block(c, 800)
    row(c, 680, ("Item", "Description", "Qty", "Unit", "Unit", "Amount"), "Helvetica-Bold")
    row(c, 670, ("", "", "", "", "Price", ""), "Helvetica-Bold")
    for i, cells_ in enumerate(LINES):
        row(c, 654 - 14 * i, cells_)
    c.drawString(COLUMNS[0], 600, "Total")
    c.drawRightString(COLUMNS[5] + 40, 600, "7,860.00")
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_header_set_on_two_lines():
    result = parse_pdf(two_line_header_pdf())
    assert [(l.unit, l.unit_price) for l in result.order.lines] == [
        ("pcs", Decimal("4.50")),
        ("pcs", Decimal("1.25")),
        ("pcs", Decimal("0.40")),
    ]
    assert not result.needs_review, result.warnings


def test_a_lone_scan_with_no_words_around_it_goes_to_a_person(tmp_path):
    from mailflow.extract import parse_file

    path = tmp_path / "scan0001.pdf"
    path.write_bytes(scanned_pdf())
    result = parse_file(path, ParseContext(today=TODAY))
    assert result.kind == "purchase_order" and result.needs_review is True
    assert result.source == "scan0001.pdf"
    # with OCR the PO number may be pre-filled; lines are never made up from a scan
    assert result.order is None or not result.order.lines


def test_a_spool_printed_a_character_a_cell_in_a_proportional_font_keeps_its_words_whole():
    """A print driver rendering a spool: each character at its cell of a fixed pitch, in
    Helvetica, so narrow letters leave gaps inside words wider than the usual word gap."""
    rows = [
        "PURCHASE ORDER",
        "PO NUMBER: PO-7711",
        "ORDER DATE: 2026-11-20",
        "CURRENCY: USD",
        "",
        "LN  ITEM        DESCRIPTION                   QTY  UOM    UNIT PRICE      AMOUNT",
        " 1  PSU-1180    Alimentatore 24 V 5 A          40  EA          9.40      376.00",
        " 2  LAB-4417    Rating label fill lilac       500  EA         0.050       25.00",
        "",
        "                                                       TOTAL              401.00",
    ]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 8)
    for number, text in enumerate(rows):
        for col, char in enumerate(text):
            if not char.isspace():
                c.drawString(30 + col * 5.5, 780 - number * 11, char)
    c.save()
    order = parse_pdf(buf.getvalue()).order
    assert [(line.item, line.description, line.quantity) for line in order.lines] == [
        ("PSU-1180", "Alimentatore 24 V 5 A", Decimal("40")),
        ("LAB-4417", "Rating label fill lilac", Decimal("500")),
    ]
    assert order.total == Decimal("401.00")
