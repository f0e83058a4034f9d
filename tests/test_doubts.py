"""What a document's own text contradicts goes to a person, never silently through: a bare "$"
from a buyer in a country with its own dollar, a printed count of lines the table does not hold,
and a document calling itself a purchase order from which no order could be read. Real PDFs
(reportlab) and mails through the real MIME parser and extractor; no value is ever rewritten."""

from __future__ import annotations

import datetime as dt
import io
from email.message import EmailMessage

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_message
from mailflow.message import parse as parse_mime
from mailflow.model import ParseResult

TODAY = dt.date(2026, 12, 5)
LINES = [
    ("HX-2040", "Hex bolt M8", "100", "pcs", "1.25", "125.00"),
    ("WS-330", "Washer 8 mm", "500", "pcs", "0.10", "50.00"),
]


def po_pdf(
    address: list[str],
    *,
    money: str = "",
    under: list[str] = (),
    lines=LINES,
    total: str = "175.00",
    dates: tuple[str, str] = ("2026-11-20", "2026-12-15"),
    header: list[tuple[str, str]] | None = None,
) -> bytes:
    """A one-page order: letterhead, header fields, a lines table, the total, then ``under``."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    y = 800.0

    def write(x: float, text: str, right: bool = False) -> None:
        (page.drawRightString if right else page.drawString)(x, y, text)

    page.setFont("Helvetica-Bold", 15)
    write(50, "PURCHASE ORDER")
    y -= 30
    page.setFont("Helvetica", 10)
    header = header or [("PO Number:", "4500123456"), ("PO Date:", dates[0]), ("Delivery Date:", dates[1])]
    left = ["Harbor Tools Ltd.", *address]
    for n in range(max(len(left), len(header))):
        if n < len(left):
            write(50, left[n])
        if n < len(header):
            write(320, " ".join(header[n]))
        y -= 14
    write(50, "Supplier: Example Manufacturing Co., Ltd.")
    y -= 30
    for cells in [("Item", "Description", "Qty", "Unit", "Unit Price", "Amount"), *lines]:
        is_head = cells[0] == "Item"
        write(50, cells[0])
        write(130, cells[1])
        write(330, cells[2], right=True)
        write(345, cells[3])
        write(450, cells[4] if is_head else money + cells[4], right=True)
        write(540, cells[5] if is_head else money + cells[5], right=True)
        y -= 14
    y -= 10
    write(400, "Total")
    write(540, money + total, right=True)
    y -= 20
    for text in under:
        write(50, text)
        y -= 14
    page.save()
    return out.getvalue()


def mail(subject: str, attachment: bytes | None = None, body: str = "Please find our order attached.") -> bytes:
    message = EmailMessage()
    message["From"] = "Chris Morgan <chris@harbor-tools.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = subject
    message["Date"] = "Fri, 20 Nov 2026 09:30:00 +0000"
    message["Message-ID"] = "<doubts@harbor-tools.example>"
    message.set_content(body)
    if attachment is not None:
        message.add_attachment(attachment, maintype="application", subtype="pdf", filename="order.pdf")
    return message.as_bytes()


def read(raw: bytes) -> ParseResult:
    return parse_message(parse_mime(raw), ParseContext(today=TODAY))


def said(result: ParseResult, words: str) -> list[str]:
    return [w for w in result.warnings if words in w]


@pytest.mark.parametrize(
    "town, country",
    [
        ("Toronto, ON M5J 2N8, Canada", "Canada"),
        ("Newcastle NSW 2300, Australia", "Australia"),
        ("Auckland 1010, New Zealand", "New Zealand"),
        ("Singapore 639383", "Singapore"),
    ],
)
def test_a_bare_dollar_from_a_country_with_its_own_dollar_is_asked_about(town, country):
    result = read(mail("Purchase order 4500123456", po_pdf(["12 Harbour Street", town], money="$")))
    assert result.needs_review
    assert said(result, f"read as USD from a bare '$', but the document names {country}")
    assert result.order is not None and result.order.currency == "USD"  # said, never rewritten


@pytest.mark.parametrize(
    "town, money",
    [
        ("Boston, MA 02110, USA", "$"),  # a US buyer's "$" is US dollars
        ("Albuquerque, New Mexico 87101", "$"),  # a US state, not the country
        ("Toronto, ON M5J 2N8, Canada", "US$"),  # the Canadian buyer writes which dollar it means
    ],
)
def test_a_dollar_nothing_contradicts_passes(town, money):
    result = read(mail("Purchase order 4500123456", po_pdf(["12 Harbour Street", town], money=money)))
    assert not said(result, "from a bare '$'")
    assert result.order is not None and result.order.currency == "USD"
    assert not result.needs_review, result.warnings


@pytest.mark.parametrize(
    "count",
    ["Total items: 3", "Number of lines: 3", "Anzahl Positionen: 3", "Nombre d'articles : 3", "No. of items: 3"],
)
def test_a_printed_count_of_lines_the_table_does_not_hold_is_asked_about(count):
    result = read(mail("Purchase order 4500123456", po_pdf(["Boston, MA 02110, USA"], money="$", under=[count])))
    assert result.needs_review
    assert said(result, "the document counts 3 lines"), result.warnings
    assert result.order is not None and len(result.order.lines) == 2  # the lines read, none invented


@pytest.mark.parametrize("count", ["Total items: 2", "Total items: 600"])  # the lines, or the pieces ordered
def test_a_printed_count_that_agrees_passes(count):
    result = read(mail("Purchase order 4500123456", po_pdf(["Boston, MA 02110, USA"], money="$", under=[count])))
    assert not said(result, "the document counts"), result.warnings
    assert not result.needs_review, result.warnings


@pytest.mark.parametrize(
    "title, note",
    [
        ("PURCHASE ORDER", "Please supply per the attached drawing."),
        ("BESTELLUNG", "Bitte liefern Sie gemäss Zeichnung."),
        ("BON DE COMMANDE", "Merci de livrer selon le plan joint."),
        ("采购订单", "请按附图供货。"),
    ],
)
def test_a_document_calling_itself_an_order_that_yields_none_goes_to_review(title, note):
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    if not title.isascii():
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        page.setFont("STSong-Light", 12)
    page.drawString(50, 800, title)
    page.drawString(50, 780, note)
    page.save()
    result = read(mail("Documents", out.getvalue(), body="See attachment."))
    assert result.needs_review
    no_order = result.order is None or not result.order.lines
    assert no_order
    assert result.kind == "purchase_order" or said(result, "possible order, not recognised"), result.warnings


GERMAN = ["Hafenstrasse 12", "20095 Hamburg, Germany"]


def test_a_po_date_read_the_other_way_round_from_when_it_arrived_is_asked_about():
    """The print server's US stamp decides month-first; the order arrives in November, not May."""
    pdf = po_pdf(GERMAN, under=["Printed 11/24/2026 10:14"], dates=("05/11/2026", "07/12/2026"))
    result = read(mail("Bestellung 4500123456", pdf))
    assert result.order is not None and result.order.po_date == dt.date(2026, 5, 11)  # as read, not rewritten
    assert result.needs_review
    assert said(result, "po_date: '05/11/2026' was read as 2026-05-11"), result.warnings


@pytest.mark.parametrize(
    "dates, under",
    [
        (("05/11/2026", "07/12/2026"), ["Quotation of 28/10/2026"]),  # a day-first date decides: November
        (("2026-11-20", "2026-12-15"), ["Printed 11/24/2026 10:14"]),  # nothing to read the other way
    ],
)
def test_a_po_date_as_the_document_and_its_arrival_agree_passes(dates, under):
    result = read(mail("Bestellung 4500123456", po_pdf(GERMAN, under=under, dates=dates)))
    assert not said(result, "the other day/month order"), result.warnings
    assert not result.needs_review, result.warnings


DATED = [("PO Date:", "2026-11-20"), ("Delivery Date:", "2026-12-15")]


def test_a_po_number_printed_only_as_another_number_is_never_taken_silently():
    """'P.O. Box' over 'Boston, MA 02110' is no PO label; the order names its number in a sentence."""
    pdf = po_pdf(
        ["P.O. Box 4471", "Boston, MA 02110, USA"],
        header=DATED,
        under=["Please quote our order 4500123456 on all documents."],
    )
    result = read(mail("Documents", pdf, body="See attachment."))
    assert result.order is not None
    if result.order.po_number is None:  # "P.O." before "Box" is no label: no number taken, and said
        assert result.needs_review
        assert said(result, "no PO number found"), result.warnings
    elif result.order.po_number != "4500123456":
        assert result.needs_review
        assert said(result, f"po_number: '{result.order.po_number}' is printed only"), result.warnings


@pytest.mark.parametrize(
    "header",
    [
        [("PO No. / Page:", "4500123456 / 1"), *DATED],  # the order's number beside the page's
        [("Customer No.:", "100234"), ("Order No.:", "4500123456"), *DATED],
        [("Fax:", "617-555-0199"), ("Purchase Order", "4500123456"), *DATED],
    ],
)
def test_a_po_number_the_document_gives_as_the_orders_passes(header):
    result = read(mail("Documents", po_pdf(["12 Dock Street", "Boston, MA 02110, USA"], header=header)))
    assert result.order is not None and result.order.po_number == "4500123456"
    assert not said(result, "is printed only"), result.warnings
    assert not result.needs_review, result.warnings


def ship_to_pdf(left: list[str]) -> bytes:
    """An order whose left column is ``left`` (no letterhead of its own)."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("Helvetica-Bold", 15)
    page.drawString(50, 800, "PURCHASE ORDER")
    page.setFont("Helvetica", 10)
    right = ["PO Number: 4500123456", "PO Date: 2026-11-20", "Delivery Date: 2026-12-15"]
    y = 770.0
    for n in range(max(len(left), len(right))):
        if n < len(left):
            page.drawString(50, y, left[n])
        if n < len(right):
            page.drawString(320, y, right[n])
        y -= 14
    y -= 20
    for cells in [
        ("Item", "Description", "Qty", "Unit Price", "Amount"),
        *[(a, b, c, e, f) for a, b, c, _, e, f in LINES],
    ]:
        for x, cell in zip((50, 130, 330, 450, 540), cells):
            (page.drawString if x < 300 else page.drawRightString)(x, y, cell)
        y -= 14
    page.drawString(400, y - 10, "Total")
    page.drawRightString(540, y - 10, "175.00")
    page.save()
    return out.getvalue()


def test_a_customer_printed_only_as_the_delivery_address_is_asked_about():
    pdf = ship_to_pdf(["Ship To:", "Coastal Warehousing LLC", "44 Pier Road, Salem, MA 01970"])
    result = read(mail("Purchase order 4500123456", pdf))
    assert result.needs_review
    if result.order is not None and result.order.customer == "Coastal Warehousing LLC":
        assert said(result, "is printed only as the delivery address"), result.warnings


def test_a_customer_printed_as_the_buyer_and_as_the_delivery_address_passes():
    left = [
        "Bill To:",
        "Harbor Tools Inc.",
        "12 Dock Street, Boston, MA 02110",
        "Ship To:",
        "Harbor Tools Inc.",
        "Pier 4",
    ]
    result = read(mail("Purchase order 4500123456", ship_to_pdf(left)))
    assert result.order is not None and result.order.customer == "Harbor Tools Inc."
    assert not said(result, "delivery address"), result.warnings
    assert not result.needs_review, result.warnings
