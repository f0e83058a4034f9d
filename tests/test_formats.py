"""The format registry: one ``Reader`` record per attachment format; content decides.

A file goes to the reader its bytes call for. Its name only breaks ties where the bytes say
no more than "text" or "binary": a JPEG named ``.pdf`` goes to OCR, not to the PDF reader; a PDF
named ``.xlsx`` is read as the PDF it is. The attachments travel the real path: a MIME message
through ``mailflow.message.parse`` (which sniffs), then ``extract.parse_message``.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from mailflow import formats
from mailflow.extract import ParseContext, ocr, parse_file, parse_message, reader_of
from mailflow.message import parse as parse_mime
from mailflow.message.sniff import sniff

CORPUS_PDF = Path(__file__).parent / "corpus" / "pdf" / "acme-fpdf.pdf"
TODAY = dt.date(2026, 11, 20)


def mail_with(name: str, declared: str, data: bytes) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "buyer@acme.example", "orders@factory.example", "Purchase order"
    msg["Message-ID"] = "<po@acme.example>"
    msg.set_content("Please find our order attached.")
    maintype, subtype = declared.split("/")
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def scan_jpeg() -> bytes:
    """A page photographed as JPEG, with the camera's metadata: big enough (> SCAN_MIN_BYTES)
    to be a page, not a logo."""
    image = Image.new("L", (900, 1200), 255)
    ImageDraw.Draw(image).text((80, 80), "PURCHASE ORDER PO-58213", fill=0)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90, comment=b"camera notes " * 3000)
    assert len(out.getvalue()) > formats.SCAN_MIN_BYTES
    return out.getvalue()


def test_a_jpeg_named_pdf_goes_to_ocr_not_to_the_pdf_reader(tmp_path):
    data = scan_jpeg()
    message = parse_mime(mail_with("PO-58213.pdf", "application/pdf", data))
    [attachment] = message.attachments
    assert attachment.content_type == "image/jpeg"
    if shutil.which("tesseract") is None:  # without OCR nothing reads an image: a person does
        assert reader_of(attachment) is None
    else:
        assert reader_of(attachment).reader() is ocr.read_image
    named = tmp_path / "PO-58213.pdf"  # `mailflow parse <file>` used to trust the name
    named.write_bytes(data)
    warnings = parse_file(named, ParseContext(today=TODAY)).warnings
    assert not any("cannot be read" in w for w in warnings), warnings  # the PDF reader's failure
    assert any("PO-58213.pdf" in w and "image" in w for w in warnings), warnings


def test_a_pdf_named_xlsx_is_read_as_the_pdf_it_is(tmp_path):
    expected = parse_file(CORPUS_PDF, ParseContext(today=TODAY)).order
    assert expected is not None and expected.lines
    data = CORPUS_PDF.read_bytes()
    message = parse_mime(mail_with("PO.xlsx", formats.XLSX, data))
    [attachment] = message.attachments
    assert attachment.content_type == "application/pdf"
    result = parse_message(message, ParseContext(today=TODAY))
    assert result.order is not None
    assert (result.order.po_number, result.order.total, result.order.lines) == (
        expected.po_number,
        expected.total,
        expected.lines,
    )
    renamed = tmp_path / "PO.xlsx"  # the same through `mailflow parse <file>`
    renamed.write_bytes(data)
    assert parse_file(renamed, ParseContext(today=TODAY)).order.lines == expected.lines


def test_bytes_without_the_pdf_signature_are_not_given_to_the_pdf_reader():
    assert formats.reader_for("application/octet-stream", "pdf", 5000) is None
    assert formats.reader_for("application/zip", "pdf", 5000) is None
    assert formats.reader_for("text/plain", "docx", 5000) is None  # nor read as text: a person looks
    assert formats.reader_for("image/png", "xlsx", 50_000) in (None, formats.of_type("image/png"))


@pytest.mark.parametrize(
    "sniffed, extension, reader",
    [
        ("text/plain", "html", "text/html"),  # a page that does not open with a tag
        ("text/csv", "txt", "text/plain"),  # aligned text that happens to look delimited
        ("text/plain", "csv", "text/csv"),
        ("application/octet-stream", "csv", "text/csv"),  # UTF-16 without a byte order mark
        ("text/html", "htm", "text/html"),
        ("text/plain", "", "text/plain"),
        ("application/zip", "xlsx", formats.XLSX),  # a damaged workbook reaches the workbook reader
    ],
)
def test_among_text_formats_the_name_breaks_the_tie(sniffed, extension, reader):
    assert formats.reader_for(sniffed, extension, 100).content_type == reader


@pytest.mark.parametrize("record", [r for r in formats.READERS if r.magic], ids=lambda r: r.content_type)
def test_sniff_recognises_every_signature_whatever_the_label(record):
    for magic in record.magic:
        assert sniff(magic + b"\x00" * 64, "text/plain", "order.txt") == record.content_type


@pytest.mark.parametrize("record", [r for r in formats.READERS if r.read], ids=lambda r: r.content_type)
def test_every_reader_named_exists(record):
    assert callable(record.reader())


def test_each_extension_names_one_format():
    seen = [ext for r in formats.READERS for ext in r.extensions]
    assert len(seen) == len(set(seen)) and all(ext == ext.lower() and "." not in ext for ext in seen)


def test_small_images_are_logos_and_not_read():
    assert formats.reader_for("image/png", "png", 2000) is None
