"""Payments as facts, over an order's whole life, driven through the tracker as staff would.

Each step is one real cycle (``pipeline.run_once``) at a chosen ``now``, on a workspace made by
``mailflow init`` (Maildir source, real tracker, file outbox). Staff keep the Payments sheet with
openpyxl (one edit saved by LibreOffice headless). Amounts are read back from the .eml files the
outbox wrote and checked against the payments recorded, in Decimal.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import openpyxl
import pytest

from helpers.procedure import ORDER, Desk, at, body, po_email
from helpers.tracker_rows import resave_with_libreoffice

TOTAL = Decimal("10000.00")  # 1000 pcs × USD 10.00


def advice(text: str, message_id: str, day: int = 25) -> bytes:
    return (
        "From: Accounts <ap@acme-robotics.example>\r\n"
        "To: Example Manufacturing Orders <orders@example.com>\r\n"
        "Subject: Payment advice for PO KT-00001\r\n"
        f"Date: Wed, {day} Nov 2026 02:00:00 +0000\r\n"
        f"Message-ID: <{message_id}@acme-robotics.example>\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\nMIME-Version: 1.0\r\n\r\n'
        f"Dear Supplier,\r\n\r\nPayment advice: {text}\r\n\r\nAccounts Payable\r\nAcme Robotics Inc.\r\n"
    ).encode()


class Ledger:
    """The Payments sheet as staff see and type it."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def rows(self) -> dict[str, dict]:
        ws = openpyxl.load_workbook(self.desk.tracker)["Payments"]
        headers = [c.value for c in ws[1]]
        out = {}
        for values in ws.iter_rows(min_row=2, values_only=True):
            row = dict(zip(headers, values))
            if row.get("ID"):
                out[row["ID"]] = row
        return out

    def add(self, *rows: dict) -> None:
        """Staff type new rows below the list (no ID: mailflow gives one)."""
        wb = openpyxl.load_workbook(self.desk.tracker)
        ws = wb["Payments"]
        headers = {c.value: c.column for c in ws[1] if c.value}
        for values in rows:
            row = max((r for r in range(1, ws.max_row + 1) if any(c.value for c in ws[r])), default=1) + 1
            for header, value in values.items():
                ws.cell(row, headers[header], value)
        wb.save(self.desk.tracker)

    def set(self, ref: str, **values) -> None:
        wb = openpyxl.load_workbook(self.desk.tracker)
        ws = wb["Payments"]
        headers = {c.value: c.column for c in ws[1] if c.value}
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, headers["ID"]).value == ref)
        for header, value in values.items():
            ws.cell(row, headers[header], value)
        wb.save(self.desk.tracker)

    def counted(self) -> Decimal:
        """What the recorded payments add up to: the Confirmed ones (a Duplicate never counts)."""
        rows = self.desk.db("SELECT amount FROM payments WHERE status = 'Confirmed'")
        return sum((Decimal(r[0]) for r in rows), Decimal(0))


def usd(text: str) -> list[Decimal]:
    """Every ``USD 1,234.56`` amount written in ``text``."""
    return [Decimal(m.replace(",", "")) for m in re.findall(r"USD\s?([\d,]+\.\d\d)", text)]


@pytest.fixture
def desk(tmp_path):
    return Desk(tmp_path)


@pytest.mark.soffice
def test_payments_with_references_from_po_to_closed(desk, tmp_path, soffice):
    ledger = Ledger(desk)
    desk.mail(po_email("30% deposit, 70% before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    (request,) = desk.sent()["deposit_request"]
    assert "Amount: USD 3,000.00" in body(request)

    # 1. A payment advice proposes a payment with the bank's reference; it does not count yet.
    desk.mail(advice("we have remitted USD 3,000.00 for PO KT-00001. Bank ref: FT26112500042", "pay-1"), "a1")
    desk.run(at(11, 25, 10))
    [proposed] = ledger.rows().values()
    assert (proposed["ID"], proposed["Status"], proposed["Amount"], proposed["Reference"], proposed["Kind"]) == (
        "P-00001",
        "Proposed",
        3000,
        "FT26112500042",
        "Deposit",
    )
    assert desk.cell("Deposit Received").value is None and desk.cell("Balance Due").value == 10000
    (alert,) = desk.sent()["deposit_reported"]
    assert "bank reference FT26112500042" in body(alert) and "proposed as payment P-00001" in body(alert)
    for day in (26, 27):  # the advice still open holds the reminder and the escalation
        desk.run(at(11, day, 9))
    assert not {"deposit_reminder", "deposit_overdue_escalation"} & set(desk.sent())

    # 2. Finance sees it in the bank and confirms it on the Payments sheet.
    ledger.set("P-00001", Status="Confirmed", Date=dt.date(2026, 11, 26))
    desk.run(at(11, 27, 15))
    assert desk.cell("Deposit Received").value == 3000 and desk.cell("Balance Due").value == 7000
    assert desk.cell("Deposit Paid On").value.date() == dt.date(2026, 11, 26)
    assert not [r for r in desk.reviews() if "reports the deposit paid" in r]
    assert desk.db("SELECT status FROM orders")[0][0] == "Deposit received"
    assert "production_handoff" in desk.sent()

    # 3. The customer sends the advice again: same reference, a Duplicate, not counted twice.
    desk.mail(advice("Resending: USD 3,000.00 paid, bank ref FT26112500042.", "pay-2", day=30), "a2")
    desk.run(at(11, 30, 10))
    assert ledger.rows()["P-00002"]["Status"] == "Duplicate"
    assert desk.cell("Deposit Received").value == 3000 and desk.cell("Balance Due").value == 7000
    assert any("already recorded as P-00001" in r for r in desk.reviews())

    # 4. An "other" payment: a credit note staff record themselves, with its reference.
    ledger.add(
        {
            "Order No": ORDER,
            "Date": dt.date(2026, 12, 1),
            "Amount": 250,
            "Kind": "Other",
            "Reference": "CN-2026-031",
            "Note": "credit for the short-shipped samples",
        }
    )
    desk.run(at(12, 1, 10))
    credit = ledger.rows()["P-00003"]
    assert (credit["Status"], credit["Source"], credit["Currency"]) == ("Confirmed", "Payments sheet", "USD")
    assert desk.cell("Balance Due").value == 6750
    desk.run(at(12, 1, 11))
    assert len(ledger.rows()) == 3  # the row staff typed was given its ID, never added twice

    # 5. Inspection passed: the balance notice asks for total − every counted payment.
    desk.edit(Production_Complete=dt.date(2026, 12, 7))
    desk.run(at(12, 7, 17))
    desk.edit(Inspection_Result="Passed")
    desk.run(at(12, 9, 11))
    (balance,) = desk.sent()["balance_notice"]
    assert "USD 6,750.00" in balance["Subject"]
    assert "Order total USD 10,000.00, received so far USD 3,250.00" in body(balance)
    assert TOTAL - ledger.counted() == Decimal("6750.00")

    # 6. Part of the balance arrives; the clerk types the row twice by mistake (one reference),
    #    and the workbook is saved by LibreOffice this time. The copy is a Duplicate.
    row = {
        "Order No": ORDER,
        "Date": dt.date(2026, 12, 10),
        "Amount": 6000,
        "Kind": "Balance",
        "Reference": "FT26121000077",
    }
    ledger.add(row, row)
    resave_with_libreoffice(soffice, desk.tracker, tmp_path)
    desk.run(at(12, 10, 10))
    rows = ledger.rows()
    assert [rows[r]["Status"] for r in ("P-00004", "P-00005")] == ["Confirmed", "Duplicate"]
    assert desk.cell("Balance Received").value == 6000 and desk.cell("Balance Due").value == 750
    assert any("short payment: USD 750.00 still outstanding" in r for r in desk.reviews())
    assert not {"pickup_notice", "shipping_approval_request", "invoice_request"} & set(desk.sent())

    desk.run(at(12, 14, 9))
    assert "balance_reminder" not in desk.sent()
    desk.run(at(12, 15, 9))  # 3 working days after the short payment
    (reminder,) = desk.sent()["balance_reminder"]
    assert "USD 750.00 is still outstanding" in body(reminder) and "received USD 9,250.00" in body(reminder)

    # 7. Goods shipped against the procedure with USD 750 owed: the order never closes.
    desk.edit(Shipped=dt.date(2026, 12, 16))
    desk.run(at(12, 16, 18))
    desk.run(at(1, 20, 9, y=2027))  # past the after-sales period
    assert desk.db("SELECT status FROM orders")[0][0] == "Shipped"
    assert any("USD 750.00 is still outstanding" in r and "stays open" in r for r in desk.reviews())

    # 8. The rest arrives; finance overwrites Balance Received on the Orders sheet: the
    #    difference is recorded as a payment, the order is paid in full and closes.
    desk.edit(Balance_Received=6750, Balance_Paid_On=dt.date(2027, 1, 20))
    desk.run(at(1, 20, 15, y=2027))
    last = ledger.rows()["P-00006"]
    assert (last["Amount"], last["Kind"], last["Source"], last["Date"].date()) == (
        750,
        "Balance",
        "Orders sheet",
        dt.date(2027, 1, 20),
    )
    assert ledger.counted() == TOTAL
    (invoice,) = desk.sent()["invoice_request"]
    assert usd(body(invoice))[:4] == [TOTAL, Decimal("3000.00"), Decimal("6750.00"), Decimal("250.00")]
    desk.run(at(1, 21, 9, y=2027))
    assert desk.db("SELECT status FROM orders")[0][0] == "Closed"
    assert desk.reviews() == []

    # Every amount the customer was told is the total less the payments counted at the time:
    # deposit P-00001 3,000 and credit P-00003 250, then balance P-00004 6,000 (P-00002 and
    # P-00005, the duplicates, never).
    deposit, credit, part = Decimal("3000.00"), Decimal("250.00"), Decimal("6000.00")
    assert usd(body(request))[:2] == [TOTAL, TOTAL * Decimal("0.30")]
    assert set(usd(balance["Subject"] + body(balance))) == {TOTAL - deposit - credit, TOTAL, deposit + credit}
    assert set(usd(reminder["Subject"] + body(reminder))) == {
        TOTAL - deposit - credit - part,
        TOTAL,
        deposit + credit + part,
    }
    # Every notice once: the duplicate advice alerted finance but asked nobody for money again.
    sent = desk.sent()
    assert {
        k: len(v)
        for k, v in sent.items()
        if k in ("deposit_request", "balance_notice", "balance_reminder", "invoice_request", "shipment_notice")
    } == {"deposit_request": 1, "balance_notice": 1, "balance_reminder": 1, "invoice_request": 1, "shipment_notice": 1}
    assert "deposit_reminder" not in sent and len(sent["deposit_reported"]) == 2
    # The Production Plan lists the confirmed order until it ships.
    plan = openpyxl.load_workbook(desk.tracker)["Production Plan"]
    assert "read-only" in plan["A1"].value or "replaced" in plan["A1"].value
    assert ORDER not in [c.value for c in plan["A"]]


def test_a_rejected_proposal_and_a_payment_in_another_currency_do_not_count(desk):
    ledger = Ledger(desk)
    desk.mail(po_email("30% deposit", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(
        Status="Confirmed",
        Plan_Date=dt.date(2026, 11, 24),
        Assembly_Date=dt.date(2026, 12, 20),
        Confirmed_Delivery=dt.date(2026, 12, 28),
    )
    desk.run(at(11, 23, 15))
    plan = openpyxl.load_workbook(desk.tracker)["Production Plan"]
    [listed] = [r for r in plan.iter_rows(min_row=5, values_only=True) if r[0] == ORDER]
    assert listed[4].date() == dt.date(2026, 11, 24) and listed[5].date() == dt.date(2026, 12, 20)

    desk.mail(advice("USD 3,000.00 sent today, TT ref 0042A17", "pay-9"), "a1")
    desk.run(at(11, 25, 10))
    ledger.set("P-00001", Status="Rejected")  # nothing in the bank: the advice was wrong
    ledger.add(
        {"Order No": ORDER, "Amount": 2800, "Currency": "EUR", "Kind": "Deposit", "Reference": "X1-9"},
        {"Order No": "SO-2026-9999", "Amount": 10, "Kind": "Other"},
        {"Order No": ORDER, "Amount": "lots", "Kind": "Deposit"},
    )
    desk.run(at(11, 26, 10))
    rows = ledger.rows()
    assert rows["P-00001"]["Status"] == "Rejected" and rows["P-00002"]["Currency"] == "EUR"
    assert desk.cell("Deposit Received").value is None and desk.cell("Balance Due").value == 10000
    reasons = " | ".join(r[0] for r in desk.db("SELECT reason FROM review WHERE status = 'open'"))
    assert "is in EUR but the order is in USD: it does not count" in reasons
    assert "there is no order 'SO-2026-9999'" in reasons and "'lots' is not an amount" in reasons
    assert not [r for r in desk.reviews() if "reports the deposit paid" in r]  # decided: closed
    desk.run(at(11, 26, 11))
    assert len(ledger.rows()) == 2  # the rows that are not payments stay as typed, unnumbered
    # `mailflow order show` lists the payments with their references and statuses.
    from mailflow.archive import Archive
    from mailflow.context import Env
    from mailflow.store import Store
    from mailflow.workflow.views import order_timeline

    env = Env(
        desk.config,
        Store(desk.config.path(desk.config.workspace.state_db)),
        Archive(desk.config.path(desk.config.workspace.archive)),
    )
    try:
        timeline = order_timeline(env, ORDER)
    finally:
        env.close()
    assert [(p["payment"], p["status"], p["reference"]) for p in timeline["payments"]] == [
        ("P-00001", "Rejected", "0042A17"),
        ("P-00002", "Confirmed", "X1-9"),
    ]
    assert timeline["balance_due"] == "10000.00"


def test_a_row_for_an_archived_order_is_not_taken_in_again_and_again(tmp_path):
    from mailflow.config import defaults
    from mailflow.model import Order
    from mailflow.store import Store
    from mailflow.tracker import layout, payments

    store = Store(tmp_path / "state.db")
    now = at(11, 23)
    store.save_order(Order("SO-1", "P1", "C", now, currency="USD", total=Decimal(100)), now)
    store.save_order(Order("SO-2", "P2", "C", now, currency="USD", total=Decimal(100)), now)
    store.mark_archived(["SO-1"], "tracker-2026.xlsx")
    ws = layout.new_workbook(defaults(tmp_path))["Payments"]
    ws.append(["SO-1", dt.date(2026, 11, 30), 40, None, "Balance", "R-1"])
    ws.append(["SO-2", dt.date(2026, 11, 30), 40, None, "Other", "R-2"])
    for _ in range(2):  # read twice, as when the write that gives the row its ID waits
        found = payments.read_sheet(ws, store)
        assert [c.payment.order_no for c in found.changes] == ["SO-2"]
        assert [key.split(":")[0] for key, _, _ in found.reviews] == ["payments-archived"]
    store.close()


def test_review_rows_about_a_payment_close_once_it_is_put_right(desk):
    ledger = Ledger(desk)
    desk.mail(po_email("30% deposit", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    ledger.add(
        {"Order No": ORDER, "Amount": 3000, "Kind": "Deposit", "Reference": "FT-1"},
        {"Order No": ORDER, "Amount": 2000, "Kind": "Other", "Reference": "FT-1"},
        {"Order No": ORDER, "Amount": 100, "Currency": "EUR", "Kind": "Other"},
    )
    desk.run(at(11, 24, 10))
    assert [r["Status"] for r in ledger.rows().values()] == ["Confirmed", "Duplicate", "Confirmed"]
    assert desk.cell("Balance Due").value == 7000
    assert len([r for r in desk.reviews() if "P-00002" in r or "P-00003" in r]) == 2
    # The second transfer had its own reference after all; the EUR amount is entered in USD.
    ledger.set("P-00002", Reference="FT-2", Status="Confirmed")
    ledger.set("P-00003", Currency="USD", Amount=110)
    desk.run(at(11, 24, 15))
    assert [r["Status"] for r in ledger.rows().values()] == ["Confirmed"] * 3
    assert desk.cell("Balance Due").value == 10000 - 3000 - 2000 - 110
    assert not [r for r in desk.reviews() if "P-00002" in r or "P-00003" in r]


def test_payments_recorded_before_the_payments_sheet_become_rows(tmp_path):
    """A state database from before payments were rows: an order with its payments kept on the
    order (one entry per change of Deposit Received), and an older one with only the amounts."""
    import json
    import sqlite3

    from mailflow.model import Order
    from mailflow.store import Store, _migrations, _split_sql, order_to_dict

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    for version, name, sql in _migrations():
        if version < 8:
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, '2026-11-01')", (version, name))
    now = at(11, 23)
    entries = [
        {"kind": "deposit", "amount": "1000.00", "received_so_far": "1000.00", "on": "2026-11-24", "via": "tracker"},
        {"kind": "deposit", "amount": "2000.00", "received_so_far": "3000.00", "on": "2026-11-25", "via": "tracker"},
    ]
    ledgered = Order(
        "SO-1",
        "P1",
        "C",
        now,
        currency="USD",
        total=Decimal("10000"),
        facts={"deposit_received": "3000", "payments": entries},
    )
    amounts_only = Order(
        "SO-2",
        "P2",
        "C",
        now,
        currency="USD",
        total=Decimal("500"),
        facts={"deposit_received": "150", "deposit_paid_on": "2026-11-26", "balance_received": "300"},
    )
    for order in (ledgered, amounts_only):
        conn.execute(
            "INSERT INTO orders (order_no, customer, po_number, status, data, created_at, updated_at)"
            " VALUES (?, ?, ?, 'Received', ?, ?, ?)",
            (
                order.order_no,
                order.customer,
                order.po_number,
                json.dumps(order_to_dict(order), default=str),
                now.isoformat(),
                now.isoformat(),
            ),
        )
    conn.close()

    store = Store(path)  # migrates
    try:
        rows = {
            n: [(p.kind, p.amount, p.paid_on and p.paid_on.isoformat(), p.status) for p in store.payments(n)]
            for n in ("SO-1", "SO-2")
        }
    finally:
        store.close()
    assert rows == {
        "SO-1": [
            ("deposit", Decimal("1000.00"), "2026-11-24", "Confirmed"),
            ("deposit", Decimal("2000.00"), "2026-11-25", "Confirmed"),
        ],
        "SO-2": [
            ("deposit", Decimal("150"), "2026-11-26", "Confirmed"),
            ("balance", Decimal("300"), None, "Confirmed"),
        ],
    }


@pytest.mark.parametrize("typed", ["3000,00", "3.000,00", "3.000"])
def test_an_amount_typed_with_a_decimal_comma_goes_to_review_not_into_the_balance(desk, typed):
    """ "3000,00" is not 300000 received and "3.000,00" not 3: nobody can tell which the clerk
    meant, so the row is not counted and the deposit milestone is not reached."""
    ledger = Ledger(desk)
    desk.mail(po_email("30% deposit, 70% before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    ledger.add({"Order No": ORDER, "Amount": typed, "Kind": "Deposit", "Date": dt.date(2026, 11, 24)})
    desk.run(at(11, 24, 10))
    assert desk.cell("Deposit Received").value is None and desk.cell("Balance Due").value == 10000
    assert ledger.counted() == 0 and "production_handoff" not in desk.kinds_sent()
    [why] = [r for r in desk.reviews() if f"'{typed}'" in r]
    assert "Amount" in why and ("comma" in why or "dot" in why)
    # The clerk types the amount as a number: it counts.
    wb = openpyxl.load_workbook(desk.tracker)
    ws = wb["Payments"]
    headers = {c.value: c.column for c in ws[1] if c.value}
    [row] = [r for r in range(2, ws.max_row + 1) if ws.cell(r, headers["Amount"]).value == typed]
    ws.cell(row, headers["Amount"], 3000)
    wb.save(desk.tracker)
    desk.run(at(11, 24, 15))
    assert desk.cell("Deposit Received").value == 3000 and desk.cell("Balance Due").value == 7000


def test_a_review_row_for_an_unreadable_amount_closes_once_the_amount_is_typed_right(desk):
    """Staff should not have to tick off a Review row whose cause they already put right: once
    the Amount reads as a number, the row about it is done (on a new row and on one with an ID)."""
    ledger = Ledger(desk)
    desk.mail(po_email("30% deposit, 70% before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))

    def amount_reviews(status: str) -> list[str]:
        return [r for r in desk.reviews(status) if "Payments sheet" in r and "Amount" in r]

    # a row staff typed, its amount unreadable
    ledger.add({"Order No": ORDER, "Amount": "3.000,00", "Kind": "Deposit", "Date": dt.date(2026, 11, 24)})
    desk.run(at(11, 24, 10))
    assert len(amount_reviews("open")) == 1
    desk.run(at(11, 24, 11))  # read again unchanged: the row stays open
    assert len(amount_reviews("open")) == 1
    wb = openpyxl.load_workbook(desk.tracker)
    ws = wb["Payments"]
    headers = {c.value: c.column for c in ws[1] if c.value}
    [row] = [r for r in range(2, ws.max_row + 1) if ws.cell(r, headers["Amount"]).value == "3.000,00"]
    ws.cell(row, headers["Amount"], 3000)
    wb.save(desk.tracker)
    desk.run(at(11, 24, 15))
    assert desk.cell("Deposit Received").value == 3000
    assert amount_reviews("open") == [] and len(amount_reviews("done")) == 1
    [because] = desk.db("SELECT detail FROM events WHERE kind = 'review_done' AND detail LIKE '%payments-invalid%'")
    assert "Amount" in because[0]

    # the same row, now with its ID, mistyped and corrected
    [ref] = ledger.rows()
    ledger.set(ref, Amount="3000,00")
    desk.run(at(11, 25, 10))
    assert len(amount_reviews("open")) == 1 and desk.cell("Deposit Received").value == 3000
    ledger.set(ref, Amount=2900)
    desk.run(at(11, 25, 15))
    assert amount_reviews("open") == [] and len(amount_reviews("done")) == 2
    assert desk.cell("Deposit Received").value == 2900


def test_a_review_row_for_a_payment_of_an_unknown_order_closes_once_the_order_no_is_right(desk):
    ledger = Ledger(desk)
    desk.mail(po_email("30% deposit, 70% before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    ledger.add({"Order No": "SO-2026-9999", "Amount": 3000, "Kind": "Deposit", "Date": dt.date(2026, 11, 24)})
    desk.run(at(11, 24, 10))
    [unknown] = [r[0] for r in desk.db("SELECT reason FROM review WHERE status = 'open' AND key LIKE 'payments-%'")]
    assert "no order 'SO-2026-9999'" in unknown
    wb = openpyxl.load_workbook(desk.tracker)
    ws = wb["Payments"]
    headers = {c.value: c.column for c in ws[1] if c.value}
    [row] = [r for r in range(2, ws.max_row + 1) if ws.cell(r, headers["Order No"]).value == "SO-2026-9999"]
    ws.cell(row, headers["Order No"], ORDER)
    wb.save(desk.tracker)
    desk.run(at(11, 24, 15))
    assert desk.cell("Deposit Received").value == 3000
    assert desk.db("SELECT reason FROM review WHERE status = 'open' AND key LIKE 'payments-%'") == []
    assert [r[0] for r in desk.db("SELECT reason FROM review WHERE status = 'done'")] == [unknown]


def test_a_strangers_payment_advice_does_not_hold_the_deposit_reminders(desk):
    desk.mail(po_email("30% deposit, 70% before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    stranger = advice("we remitted USD 3,000.00 for PO KT-00001.", "stranger-1")
    desk.mail(stranger.replace(b"<ap@acme-robotics.example>", b"<ap@acme-robotics-payments.example>"), "s1")
    desk.run(at(11, 24, 10))
    (held,) = [r for r in desk.reviews() if "ap@acme-robotics-payments.example" in r]
    assert "Reminders to the customer go on" in held and "NOT an address on file" in held
    for day in range(25, 31):
        desk.run(at(11, day, 10))
    for day in range(1, 9):
        desk.run(at(12, day, 10))
    assert "deposit_reminder" in desk.sent()  # the chase goes on: anyone can write "we paid"
    assert desk.cell("Deposit Received").value is None


def test_a_payment_in_rmb_counts_on_an_order_in_cny(desk):
    """RMB is what people write for CNY: a deposit entered in RMB is the deposit of a CNY order,
    and the reminder for an unpaid deposit does not go."""
    ledger = Ledger(desk)
    desk.mail(po_email("30% deposit", quantity=1000, price="10.00").replace(b"USD 10.00", b"RMB 10.00"), "po")
    desk.run(at(11, 23, 9))
    assert desk.cell("Currency").value == "CNY"
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    ledger.add({"Order No": ORDER, "Amount": 3000, "Currency": "RMB", "Kind": "Deposit", "Date": dt.date(2026, 11, 24)})
    for day in range(24, 31):
        desk.run(at(11, day, 10))
    assert desk.cell("Deposit Received").value == 3000 and desk.cell("Balance Due").value == 7000
    assert "deposit_reminder" not in desk.sent() and "production_handoff" in desk.sent()
    assert [row["Currency"] for row in ledger.rows().values()] == ["CNY"]
    assert not [r for r in desk.reviews() if "does not count" in r]
