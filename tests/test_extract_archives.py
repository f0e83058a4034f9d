"""A purchase order sent inside a .zip attachment: opened, bounded, read like one sent alone.

Real corpus documents go into real zip archives; the messages go through the real MIME parser
and extractor. The golden values are the corpus's own (written from the generator's data).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

import bombs
from mailflow.config import Limits
from mailflow.extract import ParseContext, parse_message
from mailflow.extract.inflate import MAX_ARCHIVE_DOCUMENTS, unpack
from mailflow.message import parse as parse_mime

CORPUS = Path(__file__).parent / "corpus"
PDF = CORPUS / "pdf" / "acme-fpdf.pdf"
XLSX = CORPUS / "xlsx" / "bergmann-sheets.xlsx"


def golden(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))["order"]


def zipped(members: dict[str, bytes], **kwargs) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data, **kwargs)
    return out.getvalue()


def mail(data: bytes, name: str = "order.zip") -> bytes:
    message = EmailMessage()
    message["From"] = "Purchasing <purchasing@buyer.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = "Documents"
    message["Date"] = "Mon, 23 Nov 2026 08:00:00 +0100"
    message["Message-ID"] = f"<{abs(hash(data))}@buyer.example>"
    message.set_content("Please find the attached archive.\n")
    message.add_attachment(data, maintype="application", subtype="zip", filename=name)
    return message.as_bytes()


def parse(raw: bytes):
    return parse_message(parse_mime(raw), ParseContext(today=dt.date(2026, 11, 23), limits=Limits()))


def test_a_pdf_order_inside_a_zip_is_read_like_one_sent_alone():
    result = parse(mail(zipped({"PO/acme-fpdf.pdf": PDF.read_bytes(), "__MACOSX/._acme-fpdf.pdf": b"\0" * 40})))
    expected = golden(PDF)
    assert result.kind == "purchase_order"
    assert result.order is not None
    assert result.order.po_number == expected["po_number"]
    assert result.order.total == Decimal(expected["total"])
    assert [line.item for line in result.order.lines] == [line["item"] for line in expected["lines"]]
    assert any("acme-fpdf.pdf taken out of order.zip" in line for line in result.explain)


def test_a_workbook_in_a_zip_in_a_zip_is_read():
    inner = zipped({"bergmann-sheets.xlsx": XLSX.read_bytes()})
    result = parse(mail(zipped({"orders.zip": inner, "readme.txt": b"Archive of the day's orders.\n"})))
    expected = golden(XLSX)
    assert result.order is not None and result.order.po_number == expected["po_number"]
    assert len(result.order.lines) == len(expected["lines"])


def test_an_archive_nested_too_deep_is_left_for_a_person():
    deep = zipped({"c.zip": zipped({"b.zip": zipped({"acme-fpdf.pdf": PDF.read_bytes()})})})
    result = parse(mail(deep))
    assert result.order is None or result.order.po_number != golden(PDF)["po_number"]
    assert result.needs_review
    assert any("archive inside an archive" in warning for warning in result.warnings)


def test_a_zip_bomb_is_never_inflated_and_goes_to_a_person():
    bomb = bombs.replace_member(zipped({"po.pdf": b"%PDF-1.4\n"}), "po.pdf", b"%PDF-1.4\n", b"0", 200, b"%%EOF")
    assert len(bomb) < 1_000_000
    result = parse(mail(bomb))
    assert result.needs_review
    assert any("limit" in warning and "opened by a person" in warning for warning in result.warnings)


def test_a_password_protected_archive_goes_to_a_person():
    data = bytearray(zipped({"po.pdf": PDF.read_bytes()}))
    # set the "encrypted" flag in the local and central headers, as an archiver does
    data[6] |= 0x1  # the local header starts the archive
    data[data.rfind(b"PK\x01\x02") + 8] |= 0x1  # and the central directory's
    result = parse(mail(bytes(data)))
    assert result.needs_review
    assert any("password-protected" in warning for warning in result.warnings)


def test_only_a_bounded_number_of_documents_is_taken_from_one_archive():
    many = {f"note-{n:03d}.txt": b"Thank you for your business.\n" for n in range(MAX_ARCHIVE_DOCUMENTS + 5)}
    many["zz-acme-fpdf.pdf"] = PDF.read_bytes()
    result = parse(mail(zipped(many)))
    assert any(f"only the first {MAX_ARCHIVE_DOCUMENTS} were read" in warning for warning in result.warnings)
    assert result.needs_review


def unpacked(raw: bytes):
    """The message's attachments once its archives are opened, and the warnings about them."""
    message, _explain, warnings = unpack(parse_mime(raw), Limits())
    return message.attachments, warnings


def test_archives_inside_an_archive_share_its_inflated_budget():
    # Each inner archive alone stays under the limit of one archive; together they would not.
    blank = b"\0" * (15 * 1024 * 1024)
    inner = {f"day-{n}.zip": zipped({f"scan-{n}.bin": blank}) for n in range(4)}
    outer = zipped(inner)
    assert len(outer) < 1_000_000
    _attachments, warnings = unpacked(mail(outer))
    assert any("day-3.zip" in w and "opened by a person" in w for w in warnings), warnings
    assert not any("day-0.zip" in w for w in warnings)


def test_archives_inside_an_archive_share_its_count_of_documents():
    notes = {f"note-{n:02d}.txt": b"Thank you for your business.\n" for n in range(15)}
    outer = zipped({"monday.zip": zipped(notes), "tuesday.zip": zipped(notes)})
    attachments, warnings = unpacked(mail(outer))
    assert len(attachments) == MAX_ARCHIVE_DOCUMENTS
    assert any("only the first" in w for w in warnings)


def test_seven_zip_and_rar_archives_are_flagged_never_dropped():
    """No reader here opens them: a person must, an order may be inside."""
    for name, data in (
        ("PO-4711.7z", b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(64)),
        ("PO-4711.rar", b"Rar!\x1a\x07\x01\x00" + bytes(64)),
    ):
        result = parse(mail(data, name))
        assert result.needs_review
        assert any(f"{name}: an archive mailflow cannot open" in warning for warning in result.warnings)
