"""4.14 changes: a change request opens a change on the order; staff amend it in the tracker
(Total is accepted only while a change is open) and close it with Done; the department heads
re-review it and the customer gets the revised order form, a new version beside the earlier."""

from __future__ import annotations

import datetime as dt
import io
import json

import docx
import openpyxl
from helpers.procedure import ORDER, Desk, at, body, po_email


def change_email() -> bytes:
    return (
        "From: Tom Baker <tom.baker@acme-robotics.example>\r\nTo: orders@example.com\r\n"
        "Subject: Change request for PO KT-00001\r\nDate: Wed, 25 Nov 2026 02:00:00 +0000\r\n"
        "Message-ID: <change-kt-00001@acme-robotics.example>\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\nMIME-Version: 1.0\r\n\r\n'
        "Hello,\r\n\r\nPlease change our PO KT-00001: quantity 1200 pcs instead of 1000.\r\n\r\nTom\r\n"
    ).encode()


def test_a_change_amends_the_total_and_sends_the_revision_once(tmp_path):
    desk = Desk(tmp_path)
    desk.mail(po_email("30% deposit, 70% before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed", Plan_Date=dt.date(2026, 11, 23))
    desk.run(at(11, 23, 15))

    desk.edit(Total=12000)  # no change open: the Total stays mailflow's
    desk.run(at(11, 24, 10))
    assert "mailflow's records keep '10000'" in " | ".join(desk.reviews())
    assert desk.db("SELECT data FROM orders")[0][0].count('"total": "10000.00"') == 1

    desk.mail(change_email(), "change")
    desk.run(at(11, 25, 10))
    assert desk.cell("Change").value.startswith("Open since 2026-11-25")
    assert len(desk.sent()["change_request_alert"]) == 1
    desk.edit(Total=12000, Change="Done")
    desk.run(at(11, 25, 16))
    (review,) = desk.sent()["change_review_request"]
    assert "total now USD 12,000.00" in body(review)
    assert [p.get_filename() for p in review.iter_attachments()] == ["SO-2026-0001 Order Review Form v2.docx"]
    (revision,) = desk.sent()["order_revision"]
    assert revision["To"] == "tom.baker@acme-robotics.example"
    assert "the order total is now USD 12,000.00" in body(revision)
    assert [p.get_filename() for p in revision.iter_attachments()] == ["SO-2026-0001 Order Form v3.docx"]
    # The earlier forms are still in the archive, and the deposit asked follows the new total.
    folder = next((desk.root / "archive").rglob("documents"))
    assert {p.name for p in folder.glob("*Order Form*.docx")} == {
        "SO-2026-0001 Order Form.docx",
        "SO-2026-0001 Order Form v2.docx",
        "SO-2026-0001 Order Form v3.docx",
    }
    assert desk.cell("Deposit Due").value == 3600
    desk.run(at(11, 26, 10))
    assert len(desk.sent()["order_revision"]) == 1 and len(desk.sent()["change_review_request"]) == 1


def edit_line(desk, number: int, **values) -> None:
    """Staff type into one line of the order on the Lines sheet (Unit_Price for "Unit Price")."""
    wb = openpyxl.load_workbook(desk.tracker)
    ws = wb["Lines"]
    cols = {c.value: c.column for c in ws[1] if c.value}
    row = next(
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(r, cols["Order No"]).value == ORDER and ws.cell(r, cols["Line"]).value == number
    )
    for header, value in values.items():
        ws.cell(row, cols[header.replace("_", " ")], value)
    wb.save(desk.tracker)


def form_text(msg) -> str:
    (part,) = [p for p in msg.iter_attachments() if p.get_filename().endswith(".docx")]
    document = docx.Document(io.BytesIO(part.get_content()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_lines_are_amended_only_under_an_open_change_and_the_total_follows(tmp_path):
    desk = Desk(tmp_path)
    desk.mail(po_email("30% deposit, 70% before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed", Plan_Date=dt.date(2026, 11, 23))
    desk.run(at(11, 23, 15))

    edit_line(desk, 1, Quantity=1200)  # no change open: the line stays as the PO has it
    desk.run(at(11, 24, 10))
    (refused,) = [r for r in desk.reviews() if r.startswith("Lines ")]
    assert "line 1 Quantity" in refused and "mailflow's records keep '1000'" in refused
    assert desk.cell("Total").value == 10000

    desk.mail(change_email(), "change")
    desk.run(at(11, 25, 10))
    edit_line(desk, 1, Quantity=1200, Unit_Price=9.5, Description="HX-2040 with longer cable")
    desk.run(at(11, 25, 12))
    edits = desk.db("SELECT detail FROM events WHERE kind = 'tracker_edit' AND detail LIKE '%\"line\": 1%'")
    assert sorted(json.loads(e[0])["field"] for e in edits) == ["description", "quantity", "unit_price"]
    assert desk.cell("Total").value == 11400
    assert desk.cell("Amount", "Lines").value == 11400
    assert desk.cell("Deposit Due").value == 3420
    assert not [r for r in desk.reviews() if r.startswith("Lines ")]  # the refusal closed itself

    desk.edit(Change="Done")
    desk.run(at(11, 25, 16))
    (revision,) = desk.sent()["order_revision"]
    assert "the order total is now USD 11,400.00" in body(revision)
    text = form_text(revision)
    assert "HX-2040 with longer cable" in text and "1,200" in text and "USD 9.50" in text
    assert "USD 11,400.00" in text

    edit_line(desk, 1, Quantity=1300)  # the change is closed: refused again
    desk.run(at(11, 26, 10))
    assert any("line 1 Quantity: changed in the tracker to '1300'" in r for r in desk.reviews())
    assert desk.cell("Total").value == 11400


def test_the_same_po_resent_in_other_letter_case_or_with_invisible_characters_is_the_same_order(tmp_path):
    desk = Desk(tmp_path)
    desk.mail(po_email("30% deposit"), "po1")
    desk.run(at(11, 23, 9))
    first = po_email("30% deposit").replace(b"<kt-00001@", b"<kt-00001-again@")
    desk.mail(first.replace(b"PO number: KT-00001", b"PO number: kt-00001"), "po2")
    desk.run(at(11, 23, 11))
    zero_width = "PO number: \u200bKt-00001\u200d".encode()
    second = po_email("30% deposit").replace(b"<kt-00001@", b"<kt-00001-third@")
    desk.mail(second.replace(b"PO number: KT-00001", zero_width), "po3")
    desk.run(at(11, 23, 13))

    assert [tuple(r) for r in desk.db("SELECT order_no, po_number FROM orders")] == [("SO-2026-0001", "KT-00001")]
    assert len(desk.sent()["order_ack"]) == 1  # the customer is acknowledged once
    filed = [r for r in desk.reviews() if "already recorded as SO-2026-0001" in r]
    assert len(filed) == 2, desk.reviews()
