"""Attachments that run code when opened — a program (``PO.pdf.exe``, or an executable named
``PO.pdf``), an Excel or Word file carrying macros — are archived under a name a double-click
does not open, and the order's Review row says why; the order itself is still read. Through
``mailflow run --once`` on a Maildir workspace, with real workbooks."""

from __future__ import annotations

import email
import io
import struct
import zipfile
from email import policy
from pathlib import Path

import openpyxl
import pytest

from helpers.daemon import cli, deliver, make_workspace, query
from mailflow.message import parse as parse_mime
from mailflow.message.names import BLOCKED, BLOCKED_NOTE


def po_workbook(po: str, *, macros: bool) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["Purchase Order"],
        ["PO Number", po],
        ["Buyer", "Acme Robotics Inc."],
        ["Delivery date", "2026-12-15"],
        [],
        ["Item", "Description", "Qty", "Unit Price", "Amount"],
        ["HX-2040", "Hex standoff M4x10", 120, 3.2, 384.0],
        ["", "", "", "Total", 384.0],
    ):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    if not macros:
        return out.getvalue()
    with_vba = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as source, zipfile.ZipFile(with_vba, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Auto_Open".ljust(504, b"\x00"))
    return with_vba.getvalue()


def windows_program() -> bytes:
    """The headers of a Windows executable: "MZ", and at the offset it names, "PE\\0\\0"."""
    dos = b"MZ" + b"\x90" * 58 + struct.pack("<I", 64)
    return dos + b"PE\x00\x00" + b"\x4c\x01" + b"\x00" * 400


def mail(po: str, files: list[tuple[str, str, bytes]]) -> bytes:
    msg = email.message.EmailMessage(policy=policy.SMTP)
    msg["From"] = "Tom Baker <tom.baker@acme-robotics.example>"
    msg["To"] = "orders@example.com"
    msg["Subject"] = f"Purchase order {po}"
    msg["Date"] = "Sat, 21 Nov 2026 14:05:00 +0000"
    msg["Message-ID"] = f"<{po.lower()}@acme-robotics.example>"
    msg.set_content(f"Please find our purchase order {po} attached.\n\nTom Baker\nAcme Robotics Inc.\n")
    for name, ctype, data in files:
        maintype, _, subtype = ctype.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12"


@pytest.mark.parametrize(
    "name, ctype, data, stored",
    [
        ("Invoice.pdf.exe", "application/octet-stream", windows_program(), "Invoice.pdf.exe.blocked"),
        ("Drawing.pdf", "application/pdf", windows_program(), "Drawing.pdf.blocked"),
        ("update.js", "text/javascript", b"new ActiveXObject('WScript.Shell').Run('calc')", "update.js.blocked"),
        ("PO-MACRO.xlsm", XLSM, po_workbook("KT-1", macros=True), "PO-MACRO.xlsm.blocked"),
        ("PO-PLAIN.xlsx", "application/octet-stream", po_workbook("KT-1", macros=False), "PO-PLAIN.xlsx"),
        ("PO-PLAIN.xlsm", XLSM, po_workbook("KT-1", macros=False), "PO-PLAIN.xlsm"),
    ],
)
def test_a_file_that_runs_code_gets_a_name_that_does_not_open_and_a_reason(name, ctype, data, stored):
    message = parse_mime(mail("KT-1", [(name, ctype, data)]))
    (attachment,) = message.attachments
    assert attachment.filename == stored
    said = [w for w in message.warnings if w.startswith(BLOCKED_NOTE)]
    assert bool(said) == stored.endswith(BLOCKED)
    if said:
        assert f"{name!r}" in said[0] and f"{stored!r}" in said[0]


def test_a_po_workbook_with_macros_is_read_archived_blocked_and_reviewed(tmp_path: Path):
    workspace = make_workspace(tmp_path)
    deliver(
        workspace,
        mail(
            "KT-80001",
            [
                ("PO KT-80001.xlsm", XLSM, po_workbook("KT-80001", macros=True)),
                ("Invoice.pdf.exe", "application/octet-stream", windows_program()),
            ],
        ),
        "macro",
    )
    done = cli(workspace, "run", "--once")
    assert done.returncode == 0, done.stderr[-3000:]
    (order,) = query(workspace, "SELECT status, json_extract(data, '$.total') AS total FROM orders")
    assert (order["status"], order["total"]) == ("Needs review", "384")
    (folder,) = list((workspace / "archive").glob("*/*KT-80001/attachments"))
    assert sorted(p.name for p in folder.iterdir()) == ["Invoice.pdf.exe.blocked", "PO KT-80001.xlsm.blocked"]
    reviews = " ".join(r[0] for r in query(workspace, "SELECT reason FROM review"))
    assert "'PO KT-80001.xlsm' is a document with macros" in reviews, reviews
    assert "'Invoice.pdf.exe' is a program" in reviews, reviews
