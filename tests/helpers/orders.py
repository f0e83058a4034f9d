"""A customer's mail as the extractor sees it: a one-page PDF drawn with reportlab at known
positions, wrapped in a real MIME message and parsed by the real MIME parser and extractor."""

from __future__ import annotations

import datetime as dt
import io
from email.message import EmailMessage

from mailflow.config import Company
from mailflow.extract import ParseContext, parse_message
from mailflow.message import parse as parse_mime
from mailflow.model import ParseResult

US = Company(name="Example Manufacturing Co., Ltd.", domains=["example.com"])
LINES = [(50, "Item"), (150, "Description"), (330, "Qty"), (400, "Unit Price"), (490, "Amount")]
ROW = [(50, "HX-2040"), (150, "Hex bolt M8"), (330, "500"), (400, "0.40"), (490, "200.00")]


def pdf(rows: list[list[tuple[int, str]]], *, cjk: bool = False) -> bytes:
    """One page; each row is a list of (x, text) drawn on one baseline, in Helvetica (or, with
    ``cjk``, in reportlab's built-in CID font that also draws Chinese and Japanese)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    font = "Helvetica"
    if cjk:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        font = "STSong-Light"
    page.setFont(font, 9)
    y = 800
    for row in rows:
        for x, text in row:
            page.drawString(x, y, text)
        y -= 14
    page.save()
    return out.getvalue()


def text_pdf(lines: list[str]) -> bytes:
    """One page of lines at the left margin."""
    return pdf([[(50, line)] for line in lines])


def mail(
    subject: str = "Documents",
    body: str = "Please see the attachment.",
    attachment: bytes | None = None,
    sender: str = "Jane Smith <jane@buyer.example>",
    filename: str = "order.pdf",
) -> bytes:
    """A plain mail from a buyer, with the PDF ``attachment`` (if any) named ``filename``."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "orders@example.com"
    message["Subject"] = subject
    message["Date"] = "Mon, 23 Nov 2026 08:00:00 +0100"
    message["Message-ID"] = f"<{abs(hash((subject, body, sender)))}@buyer.example>"
    message.set_content(body)
    if attachment is not None:
        message.add_attachment(attachment, maintype="application", subtype="pdf", filename=filename)
    return message.as_bytes()


def parse(raw: bytes, **context) -> ParseResult:
    """``raw`` through the real MIME parser and extractor, on 2026-11-23, with us as ``US`` unless
    ``company`` says otherwise (other ``ParseContext`` fields as keywords)."""
    context.setdefault("company", US)
    return parse_message(parse_mime(raw), ParseContext(today=dt.date(2026, 11, 23), **context))
