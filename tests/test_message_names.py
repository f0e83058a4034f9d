"""safe_filename and sniff: what reaches the disk, and what the extractors are chosen by."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from mailflow.message import safe_filename, sniff
from mailflow.message.names import MAX_BYTES, MAX_CHARS, unique


@pytest.mark.parametrize(
    "hostile, expected",
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\evil.exe", "evil.exe"),
        ("C:evil.exe", "evil.exe"),
        ("\\\\server\\share\\po.pdf", "po.pdf"),
        ("/etc/shadow", "shadow"),
        ("1234/../../1234.txt", "1234.txt"),
        ("CON.pdf", "_CON.pdf"),
        ("nul", "_nul"),
        ("com1.xlsx", "_com1.xlsx"),
        ("LPT9 .txt", "_LPT9.txt"),
        ("report.pdf. . ", "report.pdf"),
        ("Kontoutskrift\nBedriftskonto.pdf", "Kontoutskrift Bedriftskonto.pdf"),
        ("po\x00\x07.pdf", "po.pdf"),
        ("invoice\u202efdp.exe", "invoice fdp.exe"),  # right-to-left override disguise
        ('a<b>c:d"e|f?g*.pdf', "a_b_c_d_e_f_g.pdf"),
        ("订单 PO-4411.xlsx", "订单 PO-4411.xlsx"),
    ],
)
def test_hostile_names_become_one_harmless_component(hostile: str, expected: str, tmp_path: Path) -> None:
    name = safe_filename(hostile, "attachment-1.bin")
    assert name == expected
    target = (tmp_path / name).resolve()
    assert target.parent == tmp_path.resolve()


@pytest.mark.parametrize("empty", ["", "   ", "..", "../", "/", "\\\\", ". .", "\x00\x01"])
def test_nothing_usable_gives_the_fallback(empty: str) -> None:
    assert safe_filename(empty, "attachment-3.pdf") == "attachment-3.pdf"


def test_extension_only_name_keeps_the_extension_on_the_fallback() -> None:
    assert safe_filename(".xlsx", "attachment-2") == "attachment-2.xlsx"


def test_long_names_are_cut_keeping_the_extension() -> None:
    name = safe_filename("采购订单" * 100 + ".xlsx", "x.bin")
    assert name.endswith(".xlsx")
    assert len(name) <= MAX_CHARS and len(name.encode()) <= MAX_BYTES
    assert name.startswith("采购订单采购订单")


def test_duplicates_are_numbered_case_insensitively() -> None:
    taken: set[str] = set()
    assert [unique(n, taken) for n in ["PO.pdf", "po.pdf", "PO.pdf", "notes"]] == [
        "PO.pdf",
        "po (2).pdf",
        "PO (3).pdf",
        "notes",
    ]


# --------------------------------------------------------------------------- sniff


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize(
    "data, declared, filename, expected",
    [
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "application/octet-stream", "scan.bin", "application/pdf"),
        (b"\r\n%PDF-1.4 junk first", "", "", "application/pdf"),
        (_zip("xl/workbook.xml"), "application/vnd.ms-excel", "PO.xls", XLSX),
        (_zip("word/document.xml"), "application/octet-stream", "po", DOCX),
        (_zip("readme.txt"), "application/zip", "files.zip", "application/zip"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "Workbook".encode("utf-16-le"),
            "",
            "",
            "application/vnd.ms-excel",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "WordDocument".encode("utf-16-le"),
            "application/vnd.ms-excel",
            "x.xls",
            "application/msword",
        ),
        (b"\x89PNG\r\n\x1a\n\0\0", "application/pdf", "po.pdf", "image/png"),
        (b"\xff\xd8\xff\xe0\0\x10JFIF", "", "", "image/jpeg"),
        (b"GIF89a\x01\0", "", "", "image/gif"),
        (b"\x78\x9f\x3e\x22\x01\x00", "application/octet-stream", "winmail.dat", "application/ms-tnef"),
        (b"<!DOCTYPE html><html><body>x", "application/octet-stream", "", "text/html"),
        (b"Item,Qty,Price\nA-1,10,3.20\nB-2,5,1.00\n", "application/octet-stream", "po.dat", "text/csv"),
        (b"Hello\nPlease see below.\n", "", "note.txt", "text/plain"),
        (b"From: a@b.c\r\nSubject: x\r\n\r\nbody", "message/rfc822", "fwd.eml", "message/rfc822"),
        (
            b"not a pdf at all \x00\x01\x02\x03\x04\x05\x06\x07" * 8,
            "application/pdf",
            "po.pdf",
            "application/octet-stream",
        ),
    ],
)
def test_sniff_trusts_bytes_over_labels(data: bytes, declared: str, filename: str, expected: str) -> None:
    assert sniff(data, declared, filename) == expected


def test_sniff_truncated_xlsx_still_goes_to_the_xlsx_extractor() -> None:
    data = _zip("xl/workbook.xml", "xl/worksheets/sheet1.xml")
    assert sniff(data[: len(data) // 2], "", "po.xlsx") == XLSX
