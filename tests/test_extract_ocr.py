"""Scanned and faxed purchase orders read by Tesseract: the values are pre-filled and flagged.

The page is drawn as an image (nothing in it is text a PDF library could extract), turned a
little, sprinkled with specks, and wrapped in an image-only PDF at fax resolution, or
attached as a PNG turned a quarter. Tesseract must be installed (``make test`` installs it);
these tests are skipped only outside CI when it is missing.
"""

import datetime as dt
import io
import os
import random
import shutil
from collections.abc import Callable
from decimal import Decimal
from email.message import EmailMessage

import pytest
from PIL import Image, ImageDraw, ImageFont

from mailflow.extract import ParseContext, parse_message
from mailflow.message import parse as parse_mime
from mailflow.model import Attachment, Message

TODAY = dt.date(2026, 11, 22)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None and os.environ.get("CI") != "true",
    reason="tesseract is not installed (make test installs it; under CI this test must run)",
)


def write_order(text: Callable[..., None]) -> None:
    """The PO every scan here shows, written with ``text(x, y, value, size=11)`` in points from
    the top left: header labels, a lines table, a total."""
    text(40, 40, "PURCHASE ORDER", 18)
    text(40, 80, "Northwind Tools Ltd")
    text(330, 80, "PO No: NW-58213")
    text(330, 98, "Order Date: 2026-11-18")
    text(330, 116, "Currency: USD")
    columns = (40, 130, 330, 420, 500)
    for x, head in zip(columns, ("Item", "Description", "Qty", "Unit Price", "Amount")):
        text(x, 170, head)
    rows = (
        ("HX-2040", "Hex bolt M8", "1,200", "0.35", "420.00"),
        ("GW-118", "Gear wheel 18T", "300", "2.50", "750.00"),
    )
    for n, row in enumerate(rows):
        for x, value in zip(columns, row):
            text(x, 195 + 20 * n, value)
    text(420, 250, "Total")
    text(500, 250, "1,170.00")


def page_image(dpi: int = 200) -> Image.Image:
    """A one-page PO as a scanner would see it: header labels, a lines table, a total."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    pt = dpi / 72

    def text(x: float, y: float, value: str, size: int = 11) -> None:
        draw.text((x * pt, y * pt), value, fill=0, font=ImageFont.truetype(FONT, int(size * pt)))

    write_order(text)
    return image


def fax(image: Image.Image, degrees: float, specks: int) -> Image.Image:
    """Turned a little (fed crooked) and speckled, as a fax arrives."""
    turned = image.rotate(degrees, expand=True, fillcolor=255, resample=Image.BICUBIC)
    draw = ImageDraw.Draw(turned)
    rng = random.Random(7)
    for _ in range(specks):
        x, y = rng.randrange(turned.width), rng.randrange(turned.height)
        draw.point((x, y), fill=0)
    return turned


def message_with(name: str, content_type: str, data: bytes) -> Message:
    attachment = Attachment(name, content_type, data, original_filename=name)
    return Message(
        "0" * 64,
        len(data),
        "<scan@x>",
        subject="Purchase order",
        from_addr="buyer@northwind.example",
        attachments=(attachment,),
    )


def image_pdf(image: Image.Image, dpi: int) -> bytes:
    out = io.BytesIO()
    image.convert("L").save(out, format="PDF", resolution=dpi)
    return out.getvalue()


def assert_prefilled_and_flagged(result) -> None:
    order = result.order
    assert order is not None
    assert order.po_number == "NW-58213"
    assert order.po_date == dt.date(2026, 11, 18)
    assert order.currency == "USD"
    assert [(line.item, line.quantity, line.unit_price, line.amount) for line in order.lines] == [
        ("HX-2040", Decimal("1200"), Decimal("0.35"), Decimal("420.00")),
        ("GW-118", Decimal("300"), Decimal("2.50"), Decimal("750.00")),
    ]
    assert order.total == Decimal("1170.00")
    # pre-filled, never trusted silently
    assert result.needs_review
    assert any("OCR" in warning for warning in result.warnings)
    assert any(line.startswith("OCR:") for line in result.explain)


@needs_tesseract
def test_a_crooked_speckled_fax_pdf_is_read_and_flagged():
    dpi = 200
    data = image_pdf(fax(page_image(dpi), degrees=1.2, specks=400), dpi)
    result = parse_message(message_with("scan.pdf", "application/pdf", data), ParseContext(today=TODAY))
    assert result.kind == "purchase_order"
    assert_prefilled_and_flagged(result)


@needs_tesseract
def test_a_png_fed_sideways_is_turned_and_read():
    image = page_image(200).rotate(90, expand=True, fillcolor=255)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(200, 200))
    result = parse_message(message_with("fax.png", "image/png", out.getvalue()), ParseContext(today=TODAY))
    assert_prefilled_and_flagged(result)
    assert any("turned" in line for line in result.explain)


def test_without_tesseract_a_scan_is_flagged_for_a_person(monkeypatch):
    """Exactly as before OCR existed: nothing is read from the scan, a person reads it."""
    monkeypatch.setenv("PATH", "/nonexistent")
    data = image_pdf(page_image(100), 100)
    result = parse_message(message_with("scan.pdf", "application/pdf", data), ParseContext(today=TODAY))
    assert result.needs_review
    assert result.order is None or not result.order.lines
    assert any("scanned PDF" in warning and "read by a person" in warning for warning in result.warnings)


def text_then_scanned_page() -> bytes:
    """Page 1 is text (header, the table's header and first line); page 2 is a scan of the
    rest of the table, no header repeated, and the total: the copier's sheet of a printed PO."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    columns = (40, 130, 330, 420, 500)
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(40, 800, "PURCHASE ORDER")
    c.drawString(40, 770, "Northwind Tools Ltd")
    c.drawString(330, 770, "PO No: NW-58213")
    c.drawString(330, 752, "Order Date: 2026-11-18")
    c.drawString(330, 734, "Currency: USD")
    for x, head in zip(columns, ("Item", "Description", "Qty", "Unit Price", "Amount")):
        c.drawString(x, 680, head)
    for x, value in zip(columns, ("HX-2040", "Hex bolt M8", "1,200", "0.35", "420.00")):
        c.drawString(x, 660, value)
    c.showPage()
    dpi = 200
    pt = dpi / 72
    image = Image.new("L", (int(A4[0] * pt), int(A4[1] * pt)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, int(11 * pt))
    for x, value in zip(columns, ("GW-118", "Gear wheel 18T", "300", "2.50", "750.00")):
        draw.text((x * pt, 60 * pt), value, fill=0, font=font)
    draw.text((420 * pt, 80 * pt), "Total", fill=0, font=font)
    draw.text((500 * pt, 80 * pt), "1,170.00", fill=0, font=font)
    buffer = io.BytesIO()
    fax(image, degrees=0.5, specks=200).save(buffer, format="PNG")
    c.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, A4[0], A4[1])
    c.showPage()
    c.save()
    return out.getvalue()


@needs_tesseract
def test_a_scanned_page_behind_a_text_page_continues_the_table_and_is_flagged():
    data = text_then_scanned_page()
    result = parse_message(message_with("po.pdf", "application/pdf", data), ParseContext(today=TODAY))
    order = result.order
    assert [(line.item, line.quantity, line.unit_price, line.amount) for line in order.lines] == [
        ("HX-2040", Decimal("1200"), Decimal("0.35"), Decimal("420.00")),
        ("GW-118", Decimal("300"), Decimal("2.50"), Decimal("750.00")),
    ]
    assert order.total == Decimal("1170.00")
    assert result.needs_review
    flagged = [w for w in result.warnings if "read by OCR from scanned page(s) 2" in w]
    assert flagged and "line 2" in flagged[0] and "total" in flagged[0]
    assert not any("line 1:" in w for w in flagged)  # the text page's values are exact


def test_without_tesseract_a_scanned_page_behind_text_is_a_warning(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    result = parse_message(
        message_with("po.pdf", "application/pdf", text_then_scanned_page()), ParseContext(today=TODAY)
    )
    assert [line.item for line in result.order.lines] == ["HX-2040"]
    assert result.needs_review
    assert any("page(s) 2 are scanned images; their content was not read" in w for w in result.warnings)


def line_noise(image: Image.Image, share: float, streaks: int, seed: int = 3) -> Image.Image:
    """A fax through a noisy line: black and white specks over a share of the pixels, and
    streaks across the page along the machine's lines."""
    noisy = image.convert("L").copy()
    draw = ImageDraw.Draw(noisy)
    rng = random.Random(seed)
    for _ in range(int(noisy.width * noisy.height * share)):
        draw.point((rng.randrange(noisy.width), rng.randrange(noisy.height)), fill=rng.choice((0, 255)))
    for _ in range(streaks):
        y = rng.randrange(noisy.height)
        draw.line((0, y, noisy.width, y), fill=0, width=2)
    return noisy


@needs_tesseract
def test_a_speckled_streaked_fax_received_upside_down_is_read_and_flagged():
    """Specks over 2% of the page and streaks through it (Tesseract alone reads almost nothing
    of such a page): they are removed before the page is turned and read."""
    dpi = 200
    page = fax(page_image(dpi), degrees=0.8, specks=0).rotate(180, expand=True)
    data = image_pdf(line_noise(page, share=0.02, streaks=4), dpi)
    result = parse_message(message_with("fax.pdf", "application/pdf", data), ParseContext(today=TODAY))
    assert_prefilled_and_flagged(result)
    assert any("specks" in line for line in result.explain)
    assert any("turned 180" in line for line in result.explain)


@needs_tesseract
def test_every_page_of_a_multipage_fax_tiff_is_read():
    """A fax gateway delivers the whole fax as one TIFF: a cover sheet first, the order on
    page two, sideways. Reading only the first frame would find no order at all."""
    dpi = 200
    cover = Image.new("L", page_image(dpi).size, 255)
    ImageDraw.Draw(cover).text(
        (200, 200), "FAX  To: Sales  Pages: 2", fill=0, font=ImageFont.truetype(FONT, int(11 * dpi / 72))
    )
    order = page_image(dpi).rotate(270, expand=True)
    out = io.BytesIO()
    cover.convert("1").save(out, format="TIFF", save_all=True, append_images=[order.convert("1")], dpi=(dpi, dpi))
    result = parse_message(message_with("fax.tif", "image/tiff", out.getvalue()), ParseContext(today=TODAY))
    assert_prefilled_and_flagged(result)
    assert any("fax.tif p2 (OCR)" in line for line in result.explain)


def outlined_pdf() -> bytes:
    """The page of ``page_image`` drawn by a design tool that converts its text to outlines:
    every glyph a filled path of curves, no character in the PDF at all."""
    from fontTools.pens.basePen import BasePen
    from fontTools.ttLib import TTFont
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = TTFont(FONT)
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    per_unit = 1.0 / font["head"].unitsPerEm
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    height = A4[1]

    class Pen(BasePen):
        def __init__(self, path, x: float, y: float, size: float) -> None:
            super().__init__(glyphs)
            self.path, self.x, self.y, self.k = path, x, y, size * per_unit

        def _at(self, point):
            return self.x + point[0] * self.k, self.y + point[1] * self.k

        def _moveTo(self, p):
            self.path.moveTo(*self._at(p))

        def _lineTo(self, p):
            self.path.lineTo(*self._at(p))

        def _curveToOne(self, p1, p2, p3):
            self.path.curveTo(*self._at(p1), *self._at(p2), *self._at(p3))

        def _closePath(self):
            self.path.close()

    def text(x: float, y: float, value: str, size: int = 11) -> None:
        path = pdf.beginPath()
        baseline = height - y - size  # page_image places a line's top at y
        for char in value:
            name = cmap.get(ord(char), ".notdef")
            glyphs[name].draw(Pen(path, x, baseline, size))
            x += glyphs[name].width * per_unit * size
        pdf.drawPath(path, stroke=0, fill=1)

    write_order(text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


@needs_tesseract
def test_a_pdf_whose_text_is_drawn_as_outlines_is_read_like_a_scan():
    """No text layer, no image: the letters are curves. The page is rendered and read by OCR,
    pre-filled and flagged like a scan, rather than passed to a person unread."""
    data = outlined_pdf()
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert not pdf.pages[0].chars and not pdf.pages[0].images  # truly outlines only
    result = parse_message(message_with("po.pdf", "application/pdf", data), ParseContext(today=TODAY))
    assert result.kind == "purchase_order"
    assert_prefilled_and_flagged(result)


def test_without_tesseract_an_outlined_pdf_is_flagged_for_a_person(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    result = parse_message(message_with("po.pdf", "application/pdf", outlined_pdf()), ParseContext(today=TODAY))
    assert result.needs_review
    assert result.order is None or not result.order.lines
    assert any("read by a person" in warning for warning in result.warnings)


def _perspective(source: list[tuple[float, float]], target: list[tuple[float, float]]) -> list[float]:
    """Pillow's PERSPECTIVE coefficients that map ``target`` points (output) to ``source`` ones."""
    rows = []
    for (x, y), (u, v) in zip(source, target):
        rows.append([u, v, 1, 0, 0, 0, -x * u, -x * v, x])
        rows.append([0, 0, 0, u, v, 1, -y * u, -y * v, y])
    for i in range(8):  # Gauss-Jordan on the 8×9 system
        pivot = max(range(i, 8), key=lambda r: abs(rows[r][i]))
        rows[i], rows[pivot] = rows[pivot], rows[i]
        for r in range(8):
            if r != i:
                factor = rows[r][i] / rows[i][i]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[i])]
    return [rows[i][8] / rows[i][i] for i in range(8)]


def phone_photo() -> bytes:
    """``page_image`` photographed with a phone: the sheet on a dark desk, seen at an angle (a
    trapezium), darker to the left, the phone's soft shadow over the lines, saved as a JPEG."""
    from PIL import ImageChops, ImageFilter

    sheet = page_image(200)
    width, height = 1500, 2000
    corners = [(330, 200), (1180, 230), (1400, 1900), (90, 1850)]  # top left, top right, bottom right, bottom left
    box = [(0, 0), (sheet.width, 0), (sheet.width, sheet.height), (0, sheet.height)]
    warp = _perspective(box, corners)
    photo = Image.new("L", (width, height), 70)
    paper = sheet.point(lambda p: int(p * 0.9 + 10)).transform((width, height), Image.PERSPECTIVE, warp, Image.BICUBIC)
    mask = Image.new("L", sheet.size, 255).transform((width, height), Image.PERSPECTIVE, warp, Image.BILINEAR)
    photo.paste(paper, (0, 0), mask)
    light = Image.linear_gradient("L").rotate(90, expand=True).resize((width, height))
    photo = ImageChops.multiply(photo, light.point(lambda v: int(120 + 135 * v / 255)))
    shadow = Image.new("L", (width, height), 255)
    ImageDraw.Draw(shadow).ellipse((525, 240, 1650, 900), fill=110)
    photo = ImageChops.multiply(photo, shadow.filter(ImageFilter.GaussianBlur(25))).filter(
        ImageFilter.GaussianBlur(1.2)
    )
    out = io.BytesIO()
    photo.convert("RGB").save(out, format="JPEG", quality=70)
    return out.getvalue()


@needs_tesseract
def test_a_phone_photo_at_an_angle_under_a_shadow_is_squared_evened_and_read():
    """Read as it came, the shadowed, tilted sheet gave no PO number and no line."""
    data = phone_photo()
    result = parse_message(message_with("IMG_2041.jpg", "image/jpeg", data), ParseContext(today=TODAY))
    order = result.order
    assert order is not None
    assert order.total == Decimal("1170.00") and order.currency == "USD"
    assert [(line.quantity, line.amount) for line in order.lines][1:] == [(Decimal("300"), Decimal("750.00"))]
    assert order.lines[0].amount == Decimal("420.00")
    assert result.needs_review and any("OCR" in warning for warning in result.warnings)
    assert any("squared" in line for line in result.explain) and any("light evened" in line for line in result.explain)


@needs_tesseract
def test_a_fax_over_two_pages_gives_every_line_once():
    """The second page under a running head and the table's head again: its lines follow the
    first page's, the head is not read twice, a doubted "1,000" is not dropped."""
    dpi = 200
    rows = [
        ("HX-2040", "Hex bolt M8", "1,200", "0.35", "420.00"),
        ("GW-118", "Gear wheel 18T", "300", "2.50", "750.00"),
        ("SPR-330", "Compression spring", "1,000", "0.12", "120.00"),
        ("LAB-221", "Rating label", "500", "0.05", "25.00"),
        ("CAP-025", "Silicone cap 25 mm", "800", "0.10", "80.00"),
    ]

    def page(number: int, lines: list[tuple[str, ...]]) -> Image.Image:
        image = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
        draw = ImageDraw.Draw(image)
        pt = dpi / 72

        def text(x: float, y: float, value: str, size: int = 11) -> None:
            draw.text((x * pt, y * pt), value, fill=0, font=ImageFont.truetype(FONT, int(size * pt)))

        text(40, 20, f"18/11/2026 09:14  FROM: +1 508 555 0142   NORTHWIND TOOLS   P.{number:03d}/002", 8)
        if number == 1:
            text(40, 40, "PURCHASE ORDER", 18)
            text(330, 80, "PO No: NW-58213")
            text(330, 98, "Order Date: 2026-11-18")
            text(330, 116, "Currency: USD")
            top = 170
        else:
            text(40, 40, "PURCHASE ORDER NW-58213 (continued)", 12)
            top = 80
        columns = (40, 130, 330, 420, 500)
        for x, head in zip(columns, ("Item", "Description", "Qty", "Unit Price", "Amount")):
            text(x, top, head)
        for n, row in enumerate(lines):
            for x, value in zip(columns, row):
                text(x, top + 25 + 20 * n, value)
        if number == 2:
            text(420, top + 35 + 20 * len(lines), "Total")
            text(500, top + 35 + 20 * len(lines), "1,395.00")
        text(260, 800, f"Page {number} of 2", 9)
        return image

    first, second = fax(page(1, rows[:3]), 0.8, 300), fax(page(2, rows[3:]), -1.1, 300)
    out = io.BytesIO()
    first.save(out, format="PDF", resolution=dpi, save_all=True, append_images=[second])
    result = parse_message(message_with("fax.pdf", "application/pdf", out.getvalue()), ParseContext(today=TODAY))
    order = result.order
    assert order is not None and order.po_number == "NW-58213"
    assert [(line.item, line.quantity, line.amount) for line in order.lines] == [
        (item, Decimal(qty.replace(",", "")), Decimal(amount)) for item, _, qty, _, amount in rows
    ]
    assert order.total == Decimal("1395.00")
    assert result.needs_review


@needs_tesseract
def test_a_grey_scan_laid_six_degrees_astray_is_straightened_and_read():
    """A grey scan (paper at 195, ink at 70, JPEG) laid crooked on a flatbed: the corners the
    straightening uncovers take the paper's grey (white ones made the threshold split them from
    the paper and black out the page), and a tilt beyond four degrees is measured too."""
    from PIL import ImageFilter

    dpi = 150
    image = page_image(dpi).point(lambda p: 70 if p < 128 else 195)
    image = image.rotate(6, expand=True, fillcolor=195, resample=Image.BICUBIC).filter(ImageFilter.GaussianBlur(0.8))
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PDF", resolution=dpi, quality=60)
    result = parse_message(message_with("scan.pdf", "application/pdf", out.getvalue()), ParseContext(today=TODAY))
    assert_prefilled_and_flagged(result)
    assert any("straightened by -6" in line for line in result.explain)


@needs_tesseract
def test_a_scanners_small_group4_tiff_mailed_as_an_attachment_is_read():
    """An office scanner mails each page as a bilevel TIFF in fax (CCITT group 4) compression:
    a page of text is a few KB, smaller than most logos. It is a page, not decoration: it is
    read by OCR, never passed over as a signature image and the order lost."""
    dpi = 200
    out = io.BytesIO()
    page_image(dpi).convert("1").save(out, format="TIFF", compression="group4", dpi=(dpi, dpi))
    data = out.getvalue()
    assert len(data) < 32 * 1024
    mail = EmailMessage()
    mail["From"] = "Scanner 2 <scanner@northwind.example>"
    mail["To"] = "orders@example.com"
    mail["Subject"] = "Scanned document (SCAN_0001.tif)"
    mail["Message-ID"] = "<scan-0001@northwind.example>"
    mail.set_content("Document scanned by the copier.\nPages: 1\nResolution: 200 dpi\n")
    mail.add_attachment(data, maintype="image", subtype="tiff", filename="SCAN_0001.tif")
    message = parse_mime(mail.as_bytes())
    (attachment,) = message.attachments
    assert not attachment.inline
    assert_prefilled_and_flagged(parse_message(message, ParseContext(today=TODAY)))


@needs_tesseract
def test_a_300_dpi_scan_upside_down_and_a_large_sheet_are_read():
    """A 300 dpi scan fed upside down is turned back; a sheet scanned finer than Tesseract
    needs (A4 at 450 dpi, 19 million pixels) is scaled down first, so its OCR stays short."""
    for dpi, turn in ((300, 180), (450, 90)):
        image = page_image(dpi).rotate(turn, expand=True, fillcolor=255)
        out = io.BytesIO()
        image.save(out, format="PNG", dpi=(dpi, dpi))
        result = parse_message(message_with("scan.png", "image/png", out.getvalue()), ParseContext(today=TODAY))
        assert_prefilled_and_flagged(result)
        assert any("turned" in line for line in result.explain)
        if dpi > 300:
            assert any("scaled down" in line for line in result.explain)


@needs_tesseract
def test_ocr_cut_off_leaves_the_pages_for_a_person_without_failing_the_message(monkeypatch):
    """Tesseract stopped (a runaway run at its processor-time cap, or a hung one): the pages are
    flagged as unread; the message is not lost to an error, and no run starts once the
    document's work is spent."""
    import subprocess

    from mailflow.extract import ocr

    def too_slow(args, data, timeout=ocr.SECONDS):
        raise subprocess.TimeoutExpired(args, timeout)

    monkeypatch.setattr(ocr, "_run", too_slow)
    monkeypatch.setattr(ocr, "languages", lambda: {"eng"})
    dpi = 200
    two = io.BytesIO()
    page_image(dpi).convert("1").save(
        two, format="TIFF", save_all=True, append_images=[page_image(dpi).convert("1")], dpi=(dpi, dpi)
    )
    result = parse_message(message_with("fax.tif", "image/tiff", two.getvalue()), ParseContext(today=TODAY))
    assert result.needs_review
    assert any("OCR reached its limit" in warning for warning in result.warnings)
    pdf = parse_message(
        message_with("scan.pdf", "application/pdf", image_pdf(page_image(dpi), dpi)), ParseContext(today=TODAY)
    )
    assert pdf.needs_review
    assert any("scanned" in warning and "person" in warning for warning in pdf.warnings)

    started = []
    monkeypatch.setattr(ocr, "_run", lambda args, data, timeout=ocr.SECONDS: started.append(args) or b"")
    spent = ocr.Budget(0)
    assert ocr.words(page_image(dpi), dpi, spent)[0] == []
    assert started == [] and spent.spent


@needs_tesseract
def test_a_screenshot_of_a_web_erp_is_enlarged_not_despeckled_nor_straightened():
    """A screenshot in a Word file or mailed as a PNG: colour, no resolution said, letters a
    dozen pixels high. Its pixels are a screen's (96 dpi) and are enlarged for Tesseract; its
    small letters are not a fax's specks, and its dark side bar does not make it crooked."""
    from mailflow.extract import ocr

    scale = 96 / 72
    width, height = int(8.27 * 96) + 260, int(11.69 * 96 * 0.5)
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 240, height), fill=(24, 32, 56))  # the application's dark side bar
    draw.rectangle((0, 0, width, 30), fill=(220, 230, 250))  # its tool bar
    for n, label in enumerate(("Vendors", "Purchase Orders", "Bills", "Reports")):
        draw.text((20, 60 + 40 * n), label, fill=(230, 230, 230), font=ImageFont.truetype(FONT, 14))

    def text(x: float, y: float, value: str, size: int = 11) -> None:
        font = ImageFont.truetype(FONT, int(size * scale))
        draw.text((260 + x * scale, 40 + y * scale), value, fill=(20, 20, 20), font=font)

    write_order(text)
    out = io.BytesIO()
    image.save(out, format="PNG")  # no dpi: a screenshot says nothing
    shot = Image.open(io.BytesIO(out.getvalue()))
    assert ocr._dpi(shot) == ocr.SCREEN_DPI
    found, notes = ocr.words(shot, ocr._dpi(shot))
    read = [word["text"] for word in found]
    for value in ("NW-58213", "2026-11-18", "HX-2040", "GW-118", "1,170.00"):
        assert value in read
    assert not any("specks" in note or "straightened" in note for note in notes)


@needs_tesseract
def test_the_pages_read_depend_on_the_work_not_on_how_busy_the_machine_is(monkeypatch):
    """A two-page fax with budget for one page: the first page is read and the second left,
    said, for a person; on a machine where every Tesseract run takes longer the same page is
    read and the same one left, since the budget counts pixels given to Tesseract, not seconds."""
    import time

    from mailflow.extract import ocr

    dpi = 200
    two = io.BytesIO()
    page_image(dpi).convert("1").save(
        two, format="TIFF", save_all=True, append_images=[page_image(dpi).convert("1")], dpi=(dpi, dpi)
    )
    message = message_with("fax.tif", "image/tiff", two.getvalue())
    monkeypatch.setattr(ocr, "DOCUMENT_PIXELS", 20_000_000)  # one page: its orientation check and its words
    idle = parse_message(message, ParseContext(today=TODAY))
    run = ocr._run

    def busy(args, data, timeout=ocr.SECONDS):
        time.sleep(1.0)
        return run(args, data, timeout)

    monkeypatch.setattr(ocr, "_run", busy)
    loaded = parse_message(message, ParseContext(today=TODAY))
    for result in (idle, loaded):
        assert_prefilled_and_flagged(result)
        assert any("page(s) 2 not read" in warning for warning in result.warnings)
    assert loaded.to_json() == idle.to_json()


def ruled_page(dpi: int, paper: int = 250, ink: int = 0) -> Image.Image:
    """``page_image`` printed on a ruled form: every cell of the lines table boxed by thin rules."""
    page = page_image(dpi).point(lambda p: ink + (paper - ink) * p // 255)
    draw = ImageDraw.Draw(page)
    pt = dpi / 72
    for y in (166, 188, 208, 228):
        draw.line((34 * pt, y * pt, 560 * pt, y * pt), fill=ink, width=max(1, dpi // 150))
    for x in (34, 124, 324, 414, 494, 560):
        draw.line((x * pt, 166 * pt, x * pt, 228 * pt), fill=ink, width=max(1, dpi // 150))
    return page


@needs_tesseract
def test_a_ruled_table_in_a_grey_scan_is_read_without_its_rules():
    """Rules boxing every cell: Tesseract took the rule beside a number for "|" or "1" and read
    no row of the table; the rules are erased first, short vertical ones included."""
    from mailflow.extract import ocr

    scan = ruled_page(200, paper=245, ink=25)
    cleaned, found = ocr.erase_table_lines(scan, 200)
    assert found
    result = parse_message(message_with("scan.pdf", "application/pdf", image_pdf(scan, 200)), ParseContext(today=TODAY))
    assert_prefilled_and_flagged(result)
    assert any("table rules erased" in line for line in result.explain)
    plain = page_image(200)
    assert ocr.erase_table_lines(plain, 200) == (plain, False)  # a page without rules is left as it is


@needs_tesseract
def test_a_faded_copy_grey_on_grey_is_darkened_and_read():
    """Ink at 150 on paper at 205, lighter to one side: the speck check took the faint strokes
    for a fax's noise and wiped them out; the light is evened and the contrast stretched first."""
    from PIL import ImageChops

    faded = page_image(200).point(lambda p: 150 + (205 - 150) * p // 255)
    light = Image.linear_gradient("L").rotate(90, expand=True).resize(faded.size)
    faded = ImageChops.multiply(faded, light.point(lambda v: int(215 + 40 * v / 255)))
    result = parse_message(
        message_with("copy.pdf", "application/pdf", image_pdf(faded, 200)), ParseContext(today=TODAY)
    )
    assert_prefilled_and_flagged(result)
    assert any("faint print darkened" in line for line in result.explain)


def test_a_photographed_sheet_with_a_dark_corner_is_found_by_its_edges():
    """A lamp's fall-off and a hand's hard shadow leave a corner of the sheet as dark as the
    desk: its brightest extreme lies far inward. The edges, fitted where they are seen, meet at
    the true corner."""
    from PIL import ImageChops, ImageFilter

    from mailflow.extract import ocr

    sheet = Image.new("L", (1400, 1980), 238)
    width, height = 1700, 2300
    corners = [(226, 150), (1474, 150), (1630, 2210), (70, 2210)]  # a phone held low: the far edge narrower
    box = [(0, 0), (sheet.width, 0), (sheet.width, sheet.height), (0, sheet.height)]
    warp = _perspective(box, corners)
    photo = Image.new("L", (width, height), 58)
    mask = Image.new("L", sheet.size, 255).transform((width, height), Image.PERSPECTIVE, warp, Image.BILINEAR)
    photo.paste(sheet.transform((width, height), Image.PERSPECTIVE, warp, Image.BICUBIC), (0, 0), mask)
    light = Image.linear_gradient("L").rotate(90, expand=True).resize((width, height))
    photo = ImageChops.multiply(photo, light.point(lambda v: int(150 + 105 * v / 255)))
    shade = Image.new("L", (width, height), 255)
    ImageDraw.Draw(shade).polygon([(1660, 2300), (1140, 2300), (1360, 1780), (1660, 1600)], fill=120)
    photo = ImageChops.multiply(photo, shade.filter(ImageFilter.GaussianBlur(6)))
    found = ocr.page_corners(photo)
    assert found is not None
    expected = [corners[0], corners[3], corners[2], corners[1]]  # top left, bottom left, bottom right, top right
    for (x, y), (ex, ey) in zip(found, expected):
        assert abs(x - ex) < 25 and abs(y - ey) < 25, (found, expected)


CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def installed(*langs: str) -> bool:
    from mailflow.extract import ocr

    return ocr.available() and set(langs) <= ocr.languages()


def german_page(dpi: int = 200) -> Image.Image:
    """A German order whose labels, unit and dates need umlauts: Währung, Stück, März."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    pt = dpi / 72

    def text(x: float, y: float, value: str, size: int = 11) -> None:
        draw.text((x * pt, y * pt), value, fill=0, font=ImageFont.truetype(FONT, int(size * pt)))

    text(40, 40, "BESTELLUNG", 18)
    text(40, 80, "Müller Gerätebau GmbH, München")
    text(330, 80, "Bestellnummer: 4500123987")
    text(330, 98, "Bestelldatum: 3. Dezember 2026")
    text(330, 116, "Liefertermin: 18. März 2027")
    text(330, 134, "Währung: EUR")
    columns = (40, 130, 330, 400, 450, 510)
    for x, head in zip(columns, ("Material", "Bezeichnung", "Menge", "ME", "Preis", "Betrag")):
        text(x, 170, head)
    rows = (
        ("HW-2040", "Haltewinkel verzinkt", "1.200", "Stück", "0,35", "420,00"),
        ("DF-118", "Druckfeder für Gehäuse", "300", "Stück", "2,50", "750,00"),
    )
    for n, row in enumerate(rows):
        for x, value in zip(columns, row):
            text(x, 195 + 20 * n, value)
    text(400, 250, "Gesamtbetrag")
    text(510, 250, "1.170,00")
    return image


@needs_tesseract
@pytest.mark.skipif(not installed("deu"), reason="the German model is not installed")
def test_a_german_scan_is_read_again_in_german_so_its_umlauts_survive():
    """Read with English first, the page's words say German: it is read again with the German
    model, so "Währung", "Stück" and "März" keep their letters and the dates their months; the
    values are pre-filled and flagged as every OCR value is."""
    dpi = 200
    result = parse_message(
        message_with("scan.pdf", "application/pdf", image_pdf(german_page(dpi), dpi)), ParseContext(today=TODAY)
    )
    assert any("read again with deu" in line for line in result.explain)
    order = result.order
    assert order is not None
    assert order.po_number == "4500123987"
    assert order.po_date == dt.date(2026, 12, 3)
    assert order.delivery_date == dt.date(2027, 3, 18)
    assert [(line.item, line.quantity, line.unit, line.unit_price) for line in order.lines] == [
        ("HW-2040", Decimal("1200"), "Stück", Decimal("0.35")),
        ("DF-118", Decimal("300"), "Stück", Decimal("2.50")),
    ]
    assert result.needs_review


@needs_tesseract
def test_with_english_alone_a_german_scan_is_read_as_before(monkeypatch):
    """Without the German model (only what ``tesseract --list-langs`` names is used) the page
    is read once, with English: no run with a language that is not there, no error."""
    from mailflow.extract import ocr

    runs: list[list[str]] = []
    real = ocr._run

    def counted(args, data, timeout=ocr.SECONDS):
        runs.append(args)
        return real(args, data, timeout)

    monkeypatch.setattr(ocr, "languages", lambda: {"eng", "osd"})
    monkeypatch.setattr(ocr, "_run", counted)
    found, notes = ocr.words(german_page(200), 200)
    assert [args[args.index("-l") + 1] for args in runs if "-l" in args] == ["eng"]
    assert not any("read again" in note for note in notes)
    assert "Bestellnummer:" in {w["text"] for w in found}


def japanese_page(dpi: int = 200) -> Image.Image:
    """A Japanese order faxed: 注文書, labels with colons, dates in 年月日, item codes in Latin."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    pt = dpi / 72

    def text(x: float, y: float, value: str, size: int = 11) -> None:
        draw.text((x * pt, y * pt), value, fill=0, font=ImageFont.truetype(CJK_FONT, int(size * pt)))

    text(40, 40, "株式会社北陸精密工業", 16)
    text(380, 40, "注文書", 16)
    text(330, 90, "注文番号: H2611302")
    text(330, 108, "注文日: 2026年11月24日")
    text(330, 126, "納期: 2026年12月31日")
    text(330, 144, "通貨: JPY")
    columns = (40, 120, 300, 380, 440, 500)
    for x, head in zip(columns, ("品番", "品名", "数量", "単位", "単価", "金額")):
        text(x, 180, head)
    rows = (
        ("GAS-8976", "ガスケット EPDM", "300", "個", "63", "18,900"),
        ("HOU-3738", "アルミケース", "200", "個", "1,182", "236,400"),
    )
    for n, row in enumerate(rows):
        for x, value in zip(columns, row):
            text(x, 205 + 20 * n, value)
    text(380, 260, "合計金額: 255,300")
    return image


@needs_tesseract
@pytest.mark.skipif(not (installed("Japanese") or installed("jpn")), reason="no Japanese model installed")
def test_a_japanese_fax_is_read_with_japanese_and_its_words_joined():
    """A Japanese fax: read with a Japanese model (the orientation check names the script, or
    the English reading's doubted words do), its characters joined into the words print has
    ("注文番号", "2026年11月24日"), so the labels and dates are found; flagged, pre-filled."""
    dpi = 200
    result = parse_message(
        message_with("fax.pdf", "application/pdf", image_pdf(japanese_page(dpi), dpi)), ParseContext(today=TODAY)
    )
    assert any("Japanese" in line or "jpn" in line for line in result.explain if line.startswith("OCR:"))
    order = result.order
    assert order is not None
    assert order.po_number == "H2611302"
    assert order.po_date == dt.date(2026, 11, 24)
    assert order.delivery_date == dt.date(2026, 12, 31)
    assert order.currency == "JPY"
    assert result.needs_review


def test_cjk_words_are_joined_as_print_sets_them_but_not_across_a_colon_or_a_latin_word():
    from mailflow.extract import ocr

    def word(text: str, x0: float, x1: float) -> dict:
        return {"text": text, "x0": x0, "x1": x1, "top": 100.0, "bottom": 110.0, "size": 14.0, "conf": 90.0}

    line = [
        word("注文", 0, 20),
        word("日:", 22, 34),
        word("2026", 38, 60),
        word("年", 61, 71),
        word("11", 72, 84),
        word("月", 85, 95),
        word("24", 96, 108),
        word("日", 109, 119),
        word("ガスケット", 150, 200),
        word("EPDM", 205, 240),
        word("数量", 400, 420),
        word("単位", 480, 500),
    ]
    assert [w["text"] for w in ocr._join_cjk(line)] == [
        "注文日:",
        "2026年11月24日",
        "ガスケット",
        "EPDM",
        "数量",
        "単位",
    ]


@needs_tesseract
@pytest.mark.skipif(not installed("deu"), reason="the German model is not installed")
def test_the_next_pages_of_a_german_fax_are_read_in_german_at_once(monkeypatch):
    """The language found on the first page is the document's: its second page is read with
    German straight away (one run for its words, not two)."""
    from mailflow.extract import ocr

    runs: list[str] = []
    real = ocr._run

    def counted(args, data, timeout=ocr.SECONDS):
        if "-l" in args:
            runs.append(args[args.index("-l") + 1])
        return real(args, data, timeout)

    monkeypatch.setattr(ocr, "_run", counted)
    dpi = 200
    two = io.BytesIO()
    german_page(dpi).convert("1").save(
        two, format="TIFF", save_all=True, append_images=[german_page(dpi).convert("1")], dpi=(dpi, dpi)
    )
    result = parse_message(message_with("fax.tif", "image/tiff", two.getvalue()), ParseContext(today=TODAY))
    assert runs == ["eng", "deu", "deu"]
    assert result.order is not None and result.order.po_number == "4500123987"
    assert result.needs_review
