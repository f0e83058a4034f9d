"""Decompression bombs, small on disk, built in a blink, and a workbook slow to read: for the tests
and ``bench/hostile_memory.py``.

A deflate block that follows a full flush refers to nothing before it, so one compressed
megabyte of a repeated byte, repeated N times, is a valid stream that inflates to N MB: a
2 GB member costs 2 MB and no compression time. Each bomb is a real file of its kind around
that stream — an .xlsx whose ``docProps/core.xml`` is huge, a .docx whose ``word/document.xml``
is, a PDF whose page content stream is — so the readers would inflate it all.
"""

from __future__ import annotations

import email.message
import io
import zipfile
import zlib
from email import policy

MB = 1 << 20


def deflate_repeat(prefix: bytes, byte: bytes, megabytes: int, suffix: bytes) -> tuple[bytes, int, int, int]:
    """Raw deflate of ``prefix + byte * megabytes MB + suffix``: (raw, size, crc32, adler32)."""

    def flushed(data: bytes, mode: int) -> bytes:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        return compressor.compress(data) + compressor.flush(mode)

    chunk = byte * MB
    block = flushed(chunk, zlib.Z_FULL_FLUSH)
    raw = flushed(prefix, zlib.Z_FULL_FLUSH) + block * megabytes + flushed(suffix, zlib.Z_FINISH)
    crc, adler = zlib.crc32(prefix), zlib.adler32(prefix)
    for _ in range(megabytes):
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    crc, adler = zlib.crc32(suffix, crc), zlib.adler32(suffix, adler)
    return raw, len(prefix) + megabytes * MB + len(suffix), crc, adler


def replace_member(zip_bytes: bytes, name: str, prefix: bytes, byte: bytes, megabytes: int, suffix: bytes) -> bytes:
    """``zip_bytes`` with member ``name`` replaced by a bomb (the other members as they were)."""
    raw, size, crc, _ = deflate_repeat(prefix, byte, megabytes, suffix)
    source = zipfile.ZipFile(io.BytesIO(zip_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
                continue
            bomb = zipfile.ZipInfo(name, date_time=info.date_time)
            bomb.compress_type = zipfile.ZIP_DEFLATED
            bomb.file_size, bomb.compress_size, bomb.CRC = size, len(raw), crc
            bomb.header_offset = target.fp.tell()
            target.fp.write(bomb.FileHeader(zip64=False))
            target.fp.write(raw)
            target.start_dir = target.fp.tell()
            target.filelist.append(bomb)
            target.NameToInfo[name] = bomb
            target._didModify = True
    return out.getvalue()


def xlsx_bomb(megabytes: int) -> bytes:
    """A purchase-order workbook whose document properties inflate to ``megabytes`` MB."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["PO Number", "BOMB-1"], [], ["Item", "Description", "Qty", "Unit Price"], ["X-1", "Widget", 10, 2.5]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    prefix = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties'
        b' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        b' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>'
    )
    return replace_member(
        buffer.getvalue(), "docProps/core.xml", prefix, b"a", megabytes, b"</dc:title></cp:coreProperties>"
    )


def docx_bomb(megabytes: int) -> bytes:
    """A Word purchase order whose ``word/document.xml`` inflates to ``megabytes`` MB."""
    import docx

    document = docx.Document()
    document.add_paragraph("Purchase order BOMB-2")
    buffer = io.BytesIO()
    document.save(buffer)
    prefix = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document'
        b' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    )
    return replace_member(
        buffer.getvalue(), "word/document.xml", prefix, b"a", megabytes, b"</w:t></w:r></w:p></w:body></w:document>"
    )


def ods_bomb(megabytes: int) -> bytes:
    """A LibreOffice spreadsheet whose ``content.xml`` inflates to ``megabytes`` MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODS, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>", compress_type=zipfile.ZIP_DEFLATED)
    prefix = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content'
        b' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><text:p>'
    )
    return replace_member(
        buffer.getvalue(), "content.xml", prefix, b"a", megabytes, b"</text:p></office:body></office:document-content>"
    )


def pdf_bomb(megabytes: int) -> bytes:
    """A one-page PDF whose FlateDecode content stream inflates to ``megabytes`` MB."""
    raw, size, _, adler = deflate_repeat(
        b"BT /F1 12 Tf 72 720 Td (Purchase order BOMB-3) Tj ET\n", b" ", megabytes, b"\n"
    )
    stream = b"\x78\xda" + raw + adler.to_bytes(4, "big")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def slow_workbook(rows: int) -> bytes:
    """A plain, valid purchase-order workbook that takes openpyxl seconds to read."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Order")
    sheet.append(["PO Number", "SLOW-1"])
    sheet.append(["Item", "Description", "Qty", "Unit Price", "Amount"])
    for n in range(rows):
        sheet.append([f"IT-{n}", f"Part number {n} with a longer description", 10, 2.5, 25.0])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def po_mail(po: str, filename: str, ctype: str, data: bytes, *, domain: str = "acme-robotics.example") -> bytes:
    """An email carrying one attachment as its purchase order."""
    msg = email.message.EmailMessage(policy=policy.SMTP)
    msg["From"] = f"Tom Baker <tom.baker@{domain}>"
    msg["To"] = "orders@example.com"
    msg["Subject"] = f"Purchase order {po}"
    msg["Date"] = "Sat, 21 Nov 2026 14:05:00 +0000"
    msg["Message-ID"] = f"<{po.lower()}@{domain}>"
    msg.set_content(f"Please find our purchase order {po} attached.\n\nTom Baker\nAcme Robotics Inc.\n")
    maintype, _, subtype = ctype.partition("/")
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODT = "application/vnd.oasis.opendocument.text"


def bomb_mails(megabytes: int) -> dict[str, bytes]:
    """The three bombs of the issue as emails, keyed by a short name."""
    return {
        "xlsx-core-bomb": po_mail("BOMB-1", "PO_BOMB-1.xlsx", XLSX, xlsx_bomb(megabytes)),
        "docx-document-bomb": po_mail("BOMB-2", "PO_BOMB-2.docx", DOCX, docx_bomb(megabytes)),
        "pdf-flate-bomb": po_mail("BOMB-3", "PO_BOMB-3.pdf", PDF, pdf_bomb(megabytes)),
    }
