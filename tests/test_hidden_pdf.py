"""A PDF order is read as it prints: text in white on the page, too small to see or off the
page's edge is not read; white headings on a dark table header are.

Each forged order prints the PO number the buyer sees and hides another one above it, where
a reader going down the page meets it first.
"""

import datetime as dt
from decimal import Decimal

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, ink, parse_file

TODAY = dt.date(2026, 11, 22)
VISIBLE_PO = "4500012345"
HIDDEN_PO = "4500099999"
WIDTH, HEIGHT = A4


def order_pdf(path, hide=None, cmyk_white=False):
    """A one-page order whose lines table has white headings on a dark band; ``hide(pdf)``
    draws what a forger hides, before anything else."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    if hide:
        hide(pdf)
    pdf.setFillColorRGB(0, 0, 0)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(50, 780, "PURCHASE ORDER")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(50, 740, f"PO Number: {VISIBLE_PO}")
    pdf.drawString(50, 725, "PO Date: 20.11.2026")
    pdf.drawString(50, 710, "Buyer: Harborline Outdoor Gear Inc.")
    pdf.setFillColorRGB(0.12, 0.22, 0.39)
    pdf.rect(45, 655, 510, 18, stroke=0, fill=1)
    if cmyk_white:
        pdf.setFillColorCMYK(0, 0, 0, 0)
    else:
        pdf.setFillColorRGB(1, 1, 1)
    columns = (50, 130, 330, 400, 480)
    for x, heading in zip(columns, ("Part No.", "Description", "Qty", "Unit Price", "Amount")):
        pdf.drawString(x, 660, heading)
    pdf.setFillColorRGB(0, 0, 0)
    rows = (
        ("KNO-4917", "Control knob ABS 21 mm", "500", "1.20", "600.00"),
        ("VLV-5200", "Check valve 1/2 in", "40", "12.50", "500.00"),
    )
    for n, row in enumerate(rows):
        for x, value in zip(columns, row):
            pdf.drawString(x, 640 - 16 * n, value)
    pdf.drawString(400, 590, "Total: USD 1,100.00")
    pdf.save()
    return path


def read(tmp_path, hide=None, **kw):
    return parse_file(order_pdf(tmp_path / "PO.pdf", hide, **kw), ParseContext(today=TODAY))


def test_white_headings_on_a_dark_band_are_read(tmp_path):
    for cmyk in (False, True):
        result = read(tmp_path, cmyk_white=cmyk)
        assert result.order.po_number == VISIBLE_PO
        assert [line.quantity for line in result.order.lines] == [Decimal(500), Decimal(40)]
        assert [line.item for line in result.order.lines] == ["KNO-4917", "VLV-5200"]


def test_a_po_number_in_white_on_the_page_is_not_read(tmp_path):
    def white(pdf):
        pdf.setFillColorRGB(1, 1, 1)
        pdf.setFont("Helvetica", 10)
        pdf.drawString(50, 760, f"PO Number: {HIDDEN_PO}")

    result = read(tmp_path, white)
    assert result.order.po_number == VISIBLE_PO
    assert HIDDEN_PO not in " ".join(result.references)


def test_a_po_number_too_small_to_see_or_off_the_page_is_not_read(tmp_path):
    def tiny(pdf):
        pdf.setFont("Helvetica", 0.5)
        pdf.drawString(50, 760, f"PO Number: {HIDDEN_PO}")

    def off_page(pdf):
        pdf.setFont("Helvetica", 10)
        pdf.drawString(50, HEIGHT + 40, f"PO Number: {HIDDEN_PO}")
        pdf.drawString(-400, 760, f"PO Number: {HIDDEN_PO}")

    for hide in (tiny, off_page):
        result = read(tmp_path, hide)
        assert result.order.po_number == VISIBLE_PO, hide.__name__


def test_a_page_whose_text_all_shows_is_the_page_itself(tmp_path):
    with pdfplumber.open(order_pdf(tmp_path / "plain.pdf")) as pdf:
        page = pdf.pages[0]
        assert ink.shown(page) is page

    def white(pdf):
        pdf.setFillColorRGB(1, 1, 1)
        pdf.drawString(50, 760, "hidden 123")

    with pdfplumber.open(order_pdf(tmp_path / "white.pdf", white)) as pdf:
        text = ink.shown(pdf.pages[0]).extract_text()
        assert "hidden 123" not in text and VISIBLE_PO in text and "Part No." in text


def test_colours_are_told_white_in_grey_rgb_and_cmyk():
    assert ink._whitish((1,), "DeviceGray") and ink._whitish((1, 1, 1), "DeviceRGB")
    assert ink._whitish((0, 0, 0, 0), "DeviceCMYK")
    assert not ink._whitish((0, 0, 0, 1), "DeviceCMYK") and not ink._whitish((0,), "DeviceGray")
    assert not ink._whitish((None,), None) and not ink._whitish(("P0",), "Pattern")
    assert not ink._whitish((0.9, 0.9, 0.9), "DeviceRGB")  # light grey shows


def test_the_page_box_is_the_pdfs_own_even_written_upside_down():
    """A media box written [0 0 612 -792] (a real ERP's): its text lies at y -753 .. -102 in
    pdfminer's coordinates, all of it on the page a viewer shows."""

    class PageObject:
        mediabox = (0.0, 0.0, 612.0, -792.0)
        cropbox = None

    class Page:
        page_obj = PageObject()

    box = ink._page_box(Page())
    assert box == (0.0, -792.0, 612.0, 0.0)
    assert not ink._outside({"x0": 44, "x1": 52, "y0": -110, "y1": -102}, box)
    assert ink._outside({"x0": 44, "x1": 52, "y0": 10, "y1": 20}, box)
    PageObject.mediabox, PageObject.cropbox = (0, 792, 612, 1584), (0, 792, 612, 1500)  # shifted, cropped
    assert ink._page_box(Page()) == (0.0, 0.0, 612.0, 708.0)


def assert_the_hidden_po_is_not_read(path):
    """A bare text read of ``path`` finds the hidden PO number; the reader takes the visible one."""
    with pdfplumber.open(path) as opened:
        assert HIDDEN_PO in opened.pages[0].extract_text()
    result = parse_file(path, ParseContext(today=TODAY))
    assert result.order.po_number == VISIBLE_PO
    assert HIDDEN_PO not in " ".join(result.references)


def covered_po(pdf):
    """The forged PO number in black, then a white box drawn over it: a viewer shows the box."""
    pdf.setFont("Helvetica", 10)
    pdf.drawString(50, 760, f"PO Number: {HIDDEN_PO}")
    pdf.setFillColorRGB(1, 1, 1)
    pdf.rect(45, 755, 250, 16, stroke=0, fill=1)


def test_a_po_number_a_white_box_drawn_over_it_hides_is_not_read(tmp_path):
    import pypdfium2

    path = order_pdf(tmp_path / "PO.pdf", covered_po)
    page = pypdfium2.PdfDocument(str(path))[0]
    image = page.render(scale=2).to_pil().convert("L")
    box = image.crop((int(45 * 2), int((HEIGHT - 771) * 2), int(295 * 2), int((HEIGHT - 755) * 2)))
    assert box.getextrema() == (255, 255), "the viewer shows nothing where the forged number lies"
    assert_the_hidden_po_is_not_read(path)


def test_text_drawn_on_a_white_box_is_read(tmp_path):
    def on_a_box(pdf):  # a white cell background first, then the text on it: shown
        pdf.setFillColorRGB(1, 1, 1)
        pdf.rect(45, 755, 250, 16, stroke=0, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
        pdf.setFont("Helvetica", 10)
        pdf.drawString(50, 760, f"PO Number: {HIDDEN_PO}")

    assert read(tmp_path, on_a_box).order.po_number == HIDDEN_PO


def test_a_digit_covered_after_a_quantity_is_not_read(tmp_path):
    """5000 drawn, its last 0 covered by a white box: the page shows 500, and 500 is read."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    path = tmp_path / "PO.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(50, 780, "PURCHASE ORDER")
    pdf.drawString(50, 740, f"PO Number: {VISIBLE_PO}")
    columns = (50, 130, 330, 400, 480)
    for x, heading in zip(columns, ("Part No.", "Description", "Qty", "Unit Price", "Amount")):
        pdf.drawString(x, 660, heading)
    for x, value in zip(columns, ("KNO-4917", "Control knob ABS 21 mm", "5000", "1.20", "600.00")):
        pdf.drawString(x, 640, value)
    shown = stringWidth("500", "Helvetica", 10)
    pdf.setFillColorRGB(1, 1, 1)
    pdf.rect(330 + shown + 0.2, 636, 8, 14, stroke=0, fill=1)
    pdf.setFillColorRGB(0, 0, 0)
    pdf.drawString(400, 610, "Total: USD 600.00")
    pdf.save()
    result = parse_file(path, ParseContext(today=TODAY))
    assert [(line.quantity, line.amount) for line in result.order.lines] == [(Decimal(500), Decimal("600.00"))]


def test_white_shapes_a_mile_off_the_page_cost_nothing(tmp_path):
    """Thousands of white boxes, one of them 10^9 points tall: read in time, the text shown."""

    def boxes(pdf):
        pdf.setFont("Helvetica", 10)
        pdf.drawString(50, 800, "Ref: 17")
        pdf.setFillColorRGB(1, 1, 1)
        for n in range(2500):
            pdf.rect(600 + n % 50, n // 50, 1, 1, stroke=0, fill=1)
        pdf.rect(700, -1e9, 5, 2e9, stroke=0, fill=1)

    assert read(tmp_path, boxes).order.po_number == VISIBLE_PO


def invisible_text(pdf, text, x, y, size=10):
    """``text`` in render mode 3: painted nowhere, yet a text read finds it."""
    pdf.saveState()  # the render mode is graphics state: the text drawn after shows again
    obj = pdf.beginText(x, y)
    obj.setFont("Helvetica", size)
    obj.setTextRenderMode(3)
    obj.textLine(text)
    pdf.drawText(obj)
    pdf.restoreState()


def test_a_po_number_in_invisible_text_is_not_read(tmp_path):
    path = order_pdf(tmp_path / "PO.pdf", lambda pdf: invisible_text(pdf, f"PO Number: {HIDDEN_PO}", 50, 760))
    assert_the_hidden_po_is_not_read(path)


def test_an_ocr_layer_over_its_scan_is_read(tmp_path):
    """A scanner's searchable PDF: the page is a picture, its words invisible text over it."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    scan = Image.new("L", (int(WIDTH), int(HEIGHT)), 250)
    draw = ImageDraw.Draw(scan)
    lines = [
        (780, "PURCHASE ORDER"),
        (740, f"PO Number: {HIDDEN_PO}"),
        (720, "Part No.   Description   Qty   Unit Price   Amount"),
        (700, "KNO-4917   Control knob   500   1.20   600.00"),
        (660, "Total: USD 600.00"),
    ]
    for y, text in lines:
        draw.text((50, HEIGHT - y - 10), text, fill=20)
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(scan), 0, 0, WIDTH, HEIGHT)
    for y, text in lines:
        invisible_text(pdf, text, 50, y)
    pdf.save()
    with pdfplumber.open(path) as opened:
        page = opened.pages[0]
        assert ink.shown(page) is page  # all of it read: it lies over the scan
    assert parse_file(path, ParseContext(today=TODAY)).order.po_number == HIDDEN_PO
