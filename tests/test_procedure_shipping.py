"""4.11–4.12 shipping control: the directors approve the shipping order before the customer is
told to collect; a director may approve by replying to the request; the shipment notice carries
the delivery note. Real cycles on a Maildir workspace, edits made to the workbook with openpyxl."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from helpers.procedure import Desk, at, body, po_email


def reply(msg, sender: str, first_line: str, n: int) -> bytes:
    """A director's reply to our shipping approval request, threaded to it."""
    return (
        f"From: Director <{sender}>\r\nTo: orders@example.com\r\n"
        f"Subject: Re: {msg['Subject']}\r\nDate: Wed, 16 Dec 2026 03:00:00 +0000\r\n"
        f"Message-ID: <approval-{n}@example.com>\r\nIn-Reply-To: {msg['Message-ID']}\r\n"
        f"References: {msg['Message-ID']}\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\nMIME-Version: 1.0\r\n\r\n'
        f"{first_line}\r\n\r\n> Please approve the attached shipping order\r\n"
    ).encode()


@pytest.fixture
def paid(tmp_path):
    """An order paid in full on 15 Dec 2026: the shipping approval request has gone."""
    desk = Desk(tmp_path)
    desk.mail(po_email("30% deposit, 70% before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed", Deposit_Received=3000)
    desk.run(at(11, 23, 15))
    desk.edit(Production_Complete=dt.date(2026, 12, 10), Inspection_Result="Passed")
    desk.run(at(12, 11, 10))
    desk.edit(Balance_Received=7000)
    desk.run(at(12, 15, 10))
    return desk


def test_pickup_waits_for_both_approvals_which_may_come_by_reply(paid):
    (request,) = paid.sent()["shipping_approval_request"]
    assert request["To"] == "sales.director@example.com, finance@example.com"
    assert any(p.get_filename().endswith("Shipping Order.docx") for p in request.iter_attachments())
    assert "pickup_notice" not in paid.sent()

    paid.mail(reply(request, "sales.director@example.com", "Approved.", 1), "r1")
    paid.mail(reply(request, "finance@example.com", "Approved if the customer pays the freight", 2), "r2")
    paid.mail(reply(request, "someone@example.com", "approved", 3), "r3")
    paid.run(at(12, 16, 11))
    assert paid.cell("Sales Director Approved").value.date() == dt.date(2026, 12, 16)
    assert paid.cell("Finance Director Approved").value is None
    reasons = " | ".join(paid.reviews())
    assert "does not say approve/approved/同意/批准" in reasons and "someone@example.com is not" in reasons
    assert "pickup_notice" not in paid.sent()

    paid.mail(reply(request, "finance@example.com", "同意", 4), "r4")
    paid.run(at(12, 16, 15))
    (pickup,) = paid.sent()["pickup_notice"]
    assert pickup["To"] == "tom.baker@acme-robotics.example"
    assert paid.queued_on("pickup_notice") == [dt.date(2026, 12, 16)]
    events = paid.db("SELECT COUNT(*) FROM events WHERE kind = 'approval_recorded'")[0][0]
    assert events == 2


def test_an_approval_from_a_sender_in_doubt_or_to_a_guessed_message_id_is_not_taken(paid):
    (request,) = paid.sent()["shipping_approval_request"]
    (ack,) = paid.sent()["order_ack"]
    # What the customer holds (its acknowledgement) says nothing of the request's Message-ID:
    # it is no hash of the workspace folder and the notice key anyone could work out.
    for folder in (paid.root, paid.root.resolve()):
        for mid, key in ((ack, "SO-2026-0001:order_ack:received"), (request, "SO-2026-0001:shipping_approval_request")):
            guessed = hashlib.sha256(f"{folder}|{key}".encode()).hexdigest()[:24]
            assert guessed not in mid["Message-ID"]
    assert ack["Message-ID"].endswith(".order_ack@example.com>")

    failed = "Authentication-Results: mx.example.com; spf=fail smtp.mailfrom=evil.example; dmarc=fail\r\n"
    paid.mail(with_header(reply(request, "sales.director@example.com", "Approved", 1), failed), "f1")
    permerror = "Authentication-Results: mx.example.com; spf=permerror smtp.mailfrom=example.com\r\n"
    paid.mail(with_header(reply(request, "finance@example.com", "Approved", 2), permerror), "f2")
    two = b"From: Director <sales.director@example.com>, <m@evil.example>\r\n"
    paid.mail(
        reply(request, "sales.director@example.com", "Approved", 3).replace(
            b"From: Director <sales.director@example.com>\r\n", two
        ),
        "f3",
    )
    paid.run(at(12, 16, 11))
    assert paid.cell("Sales Director Approved").value is None
    assert paid.cell("Finance Director Approved").value is None
    assert "pickup_notice" not in paid.sent()
    doubted = [r for r in paid.reviews() if "not taken as an approval (the sender is in doubt" in r]
    assert len(doubted) == 3, paid.reviews()
    assert any("DMARC check failed" in r for r in doubted) and any("SPF check failed" in r for r in doubted)
    assert any("more than one sender (From: sales.director@example.com, m@evil.example)" in r for r in doubted)


def with_header(raw: bytes, header: str) -> bytes:
    return header.encode() + raw


def test_the_shipment_notice_carries_the_delivery_note(paid):
    paid.edit(Sales_Director_Approved=dt.date(2026, 12, 16), Finance_Director_Approved=dt.date(2026, 12, 16))
    paid.run(at(12, 16, 10))
    assert len(paid.sent()["pickup_notice"]) == 1
    paid.edit(Shipped=dt.date(2026, 12, 18))
    paid.run(at(12, 18, 17))
    paid.run(at(12, 19, 9))
    (shipped,) = paid.sent()["shipment_notice"]
    assert "has shipped on 18 Dec 2026" in shipped["Subject"]
    assert "left our factory on 18 Dec 2026" in body(shipped)
    assert [p.get_filename() for p in shipped.iter_attachments()] == ["SO-2026-0001 Delivery Note.docx"]
    assert paid.queued_on("shipment_notice") == [dt.date(2026, 12, 18)]
