"""Money that adds up, over an order's whole life, driven through the tracker as staff would.

Each step is one real cycle (``pipeline.run_once``: tracker edits, mailbox, timers, tracker
write, outbox) at a chosen ``now``, on a workspace made by ``mailflow init``, with the Maildir
source, the real tracker and the file outbox. Staff edits are made to the workbook with
openpyxl (one saved by LibreOffice headless). The amounts are read back from the .eml files the
outbox wrote, so what is asserted is what the customer would read.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from helpers.procedure import Desk, advice_email, at, body, po_email
from helpers.tracker_rows import resave_with_libreoffice


@pytest.fixture
def desk(tmp_path):
    return Desk(tmp_path)


def test_an_order_from_po_to_closed_with_a_short_balance(desk, tmp_path, soffice):
    # 1234 pcs × USD 3.17 = USD 3,911.78; the PO's terms say 40% deposit (config says 30%).
    desk.mail(po_email("40% deposit, 60% before shipment"), "po")
    desk.run(at(11, 23, 9))
    assert desk.kinds_sent() == ["order_ack", "review_request"]

    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    (request,) = desk.sent()["deposit_request"]
    assert request["To"] == "tom.baker@acme-robotics.example"
    assert "40% of the order total of USD 3,911.78" in body(request)
    assert "Amount: USD 1,564.71" in body(request)
    assert desk.cell("Deposit Due").value == pytest.approx(1564.71)

    # The customer sends a payment advice: a proposal, not a payment. It holds the reminder.
    desk.mail(advice_email("we have remitted USD 1,564.71, the deposit for PO KT-00001."), "advice")
    desk.run(at(11, 25, 10))
    [advice_row] = desk.reviews()
    assert "reports the deposit paid of USD 1,564.71" in advice_row
    desk.run(at(11, 26, 9))  # the reminder's day (3 calendar days after the request)
    desk.run(at(11, 27, 9))
    assert "deposit_reminder" not in desk.sent() and "deposit_overdue_escalation" not in desk.sent()

    # Finance sees the money in the bank: the advice's Review row closes itself.
    desk.edit(Deposit_Received=1564.71, Deposit_Paid_On=dt.date(2026, 11, 26))
    desk.run(at(11, 27, 15))
    assert desk.reviews() == [] and advice_row in desk.reviews("done")
    log = [row for row in openpyxl.load_workbook(desk.tracker)["Log"].iter_rows(min_row=2, values_only=True)]
    assert any(r[2] == "review_done" and "payment P-00001 confirmed" in r[4] for r in log)
    # The amount entered is the advice's proposal, confirmed and dated by Deposit Paid On.
    payments = desk.db("SELECT kind, amount, paid_on, source, status FROM payments")
    assert [tuple(r) for r in payments] == [("deposit", "1564.71", "2026-11-26", "payment advice", "Confirmed")]

    desk.edit(Production_Complete=dt.date(2026, 12, 7))
    desk.run(at(12, 7, 17))
    desk.edit(Inspection_Result="Passed")
    desk.run(at(12, 9, 11))
    (balance,) = desk.sent()["balance_notice"]
    assert "USD 2,347.07" in balance["Subject"] and "USD 2,347.07" in body(balance)
    assert desk.cell("Balance Due").value == pytest.approx(2347.07)

    # A short balance: USD 100 missing. Nothing that releases the goods goes; a Review row says
    # what is outstanding; the customer is reminded 3 working days later.
    desk.edit(Balance_Received=2247.07)
    desk.run(at(12, 10, 10))
    assert not {"pickup_notice", "shipping_approval_request", "invoice_request"} & set(desk.sent())
    [short] = desk.reviews()
    assert "short payment: USD 100.00 still outstanding" in short
    assert desk.cell("Balance Due").value == pytest.approx(100)
    for day in (11, 14):
        desk.run(at(12, day, 9))
    assert "balance_reminder" not in desk.sent()
    desk.run(at(12, 15, 9))  # Thu 10 Dec + 3 working days
    (reminder,) = desk.sent()["balance_reminder"]
    assert "USD 100.00" in reminder["Subject"] and "USD 100.00 is still outstanding" in body(reminder)
    assert "received USD 3,811.78" in body(reminder)

    # The rest arrives; finance overwrites the amount received so far, in LibreOffice this time.
    desk.edit(Balance_Received=2347.07)
    resave_with_libreoffice(soffice, desk.tracker, tmp_path)
    desk.run(at(12, 16, 10))
    assert desk.reviews() == [] and short in desk.reviews("done")
    sent = desk.sent()
    assert [len(sent[k]) for k in ("shipping_approval_request", "invoice_request")] == [1, 1]
    assert sent["shipping_approval_request"][0]["To"] == "sales.director@example.com, finance@example.com"
    assert desk.cell("Balance Due").value == 0
    assert "pickup_notice" not in sent  # the directors approve the shipping order first
    desk.edit(Sales_Director_Approved=dt.date(2026, 12, 16), Finance_Director_Approved=dt.date(2026, 12, 16))
    desk.run(at(12, 16, 16))

    desk.edit(Shipped=dt.date(2026, 12, 18))
    desk.run(at(12, 18, 18))
    desk.run(at(1, 18, 9, y=2027))  # 30 calendar days after shipping
    assert desk.db("SELECT status FROM orders")[0][0] == "Closed"
    # Every notice once, on its day.
    assert desk.queued_on("deposit_request") == [dt.date(2026, 11, 23)]
    assert desk.queued_on("balance_notice") == [dt.date(2026, 12, 9)]
    assert desk.queued_on("balance_reminder") == [dt.date(2026, 12, 15)]
    assert desk.queued_on("pickup_notice") == [dt.date(2026, 12, 16)]
    assert sorted(desk.kinds_sent()) == sorted(
        [
            "order_ack",
            "review_request",
            "order_confirmation",
            "deposit_request",
            "production_plan_reminder",
            "production_plan_overdue",
            "production_handoff",
            "deposit_reported",
            "inspection_notice",
            "balance_notice",
            "balance_reminder",
            "pickup_notice",
            "shipping_approval_request",
            "invoice_request",
            "shipment_notice",
        ]
    )
    edits = [r[0] for r in desk.db("SELECT detail FROM events WHERE kind = 'tracker_edit'")]
    # Status, Deposit Paid On, Deposit Received, Production Complete, Inspection Result,
    # Balance Received twice, two approvals, Shipped: each staff edit once in the timeline.
    assert len(edits) == 10


def test_a_status_that_implies_a_payment_asks_for_its_amount(desk):
    desk.mail(po_email("T/T 30 days"), "po")  # no deposit in the terms: config.yaml's 30%
    desk.run(at(11, 23, 9))
    desk.edit(Status="Deposit received")  # chosen from the dropdown, no amount
    desk.run(at(11, 23, 15))
    [ask] = desk.reviews()
    assert "the deposit is marked received but Deposit Received is empty" in ask
    assert "deposit asked: USD 1,173.53" in ask  # 30% of 3,911.78
    desk.edit(Production_Complete=dt.date(2026, 12, 7), Inspection_Result="Passed")
    desk.run(at(12, 7, 17))
    assert "balance_notice" not in desk.sent()  # it would ask for the whole total

    desk.edit(Deposit_Received=1173.53)
    desk.run(at(12, 8, 10))
    assert desk.reviews() == [] and ask in desk.reviews("done")
    (balance,) = desk.sent()["balance_notice"]
    assert "USD 2,738.25" in body(balance)  # 3,911.78 − 1,173.53


def test_an_order_never_closes_with_money_outstanding(desk):
    desk.mail(po_email("50% deposit, balance before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed", Deposit_Received=5000)
    desk.run(at(11, 23, 15))
    desk.edit(
        Production_Complete=dt.date(2026, 12, 1),
        Inspection_Result="Passed",
        Balance_Received=4000,
        Shipped=dt.date(2026, 12, 2),
    )  # shipped against the procedure, USD 1,000 short
    desk.run(at(12, 2, 18))
    desk.run(at(1, 20, 9, y=2027))
    assert desk.db("SELECT status FROM orders")[0][0] == "Shipped"
    reasons = " | ".join(desk.reviews())
    assert "USD 1,000.00 still outstanding" in reasons and "stays open until the payment is entered" in reasons
    desk.edit(Balance_Received=5000)
    desk.run(at(1, 21, 9, y=2027))
    assert desk.db("SELECT status FROM orders")[0][0] == "Closed"
    assert desk.reviews() == []


def test_a_date_typed_into_a_money_column_is_put_right(desk):
    desk.mail(po_email("40% deposit"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    desk.edit(Deposit_Received=dt.datetime(2026, 11, 26))  # Excel gives the cell a date format
    desk.run(at(11, 26, 10))
    [wrong] = desk.reviews()
    assert "is a date, not an amount" in wrong
    cell = desk.cell("Deposit Received")
    assert cell.value is None and not cell.is_date and '"USD"' in cell.number_format
    desk.edit(Deposit_Received=1564.71)  # typed into a cell that takes an amount again
    desk.run(at(11, 26, 15))
    assert desk.reviews() == [] and wrong in desk.reviews("done")
    assert desk.cell("Deposit Received").value == pytest.approx(1564.71)
    assert desk.db("SELECT status FROM orders")[0][0] == "Deposit received"


def test_deposit_percent_comes_from_the_terms_then_config():
    from mailflow.config import defaults
    from mailflow.model import Order
    from mailflow.workflow.money import deposit_percent, terms_deposit_percent

    assert terms_deposit_percent("T/T 30% deposit, 70% before shipment") == 30
    assert terms_deposit_percent("预付30%，发货前付清余款") == 30
    assert terms_deposit_percent("T/T in advance") == 100
    for none in ("Net 30", "月结30天", "T/T 60 days", "款到发货", "", None):
        assert terms_deposit_percent(none) is None
    # A percentage tied to a discount or to the balance is not the deposit.
    assert terms_deposit_percent("Net 30 days, 2% discount for prepayment") is None
    assert terms_deposit_percent("3% off for advance payment") is None
    assert terms_deposit_percent("Balance 70% after deposit received, 30% deposit") == 30
    assert terms_deposit_percent("Deposit: 30%, balance: 70% before shipment") == 30
    assert terms_deposit_percent("尾款70%，定金30%") == 30
    assert terms_deposit_percent("30% advance, 5% discount") == 30
    # Terms that agree no deposit say 0, not "none stated" (which would ask for config's 30 %).
    for none_agreed in ("No deposit, 100% T/T before shipment", "Deposit: none", "无定金，发货前付清", "0% deposit"):
        assert terms_deposit_percent(none_agreed) == 0
    assert terms_deposit_percent("30% deposit; no deposit refund once produced") is None  # which? a person says
    config = defaults(Path("."))
    config.payments.deposit_percent = 25
    order = Order("SO-1", "PO-1", "C", at(11, 23), total=Decimal("100"))
    assert deposit_percent(order.with_(payment_terms="40% deposit"), config) == (Decimal(40), "payment terms")
    assert deposit_percent(order.with_(payment_terms="Net 30"), config) == (Decimal(25), "config")


@pytest.mark.parametrize(
    "terms, asked",
    [
        ("Net 30 days, 2% discount for prepayment", "30"),  # no deposit in the terms: config's 30 %
        ("Balance 70% after deposit received, 30% deposit", "30"),
        ("30% deposit or 50% prepayment", None),  # which one? nobody guesses
    ],
)
def test_the_deposit_asked_is_the_one_the_terms_agree(desk, terms, asked):
    desk.mail(po_email(terms, quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    requests = desk.sent().get("deposit_request", [])
    if asked is None:
        assert requests == [] and desk.cell("Deposit Received").value is None
        [why] = [r for r in desk.reviews() if "deposit request held" in r]
        assert "name deposits of 30% and 50%" in why
        # The customer pays the 30 % agreed: entered, the order goes on with no request.
        wb = openpyxl.load_workbook(desk.tracker)
        ws = wb["Payments"]
        headers = {c.value: c.column for c in ws[1] if c.value}
        for header, value in {"Order No": "SO-2026-0001", "Amount": 3000, "Kind": "Deposit"}.items():
            ws.cell(2, headers[header], value)
        wb.save(desk.tracker)
        desk.run(at(11, 24, 10))
        assert "deposit_request" not in desk.sent() and not [r for r in desk.reviews() if "held" in r]
        return
    [request] = requests
    deposit = Decimal(10000) * Decimal(asked) / 100
    assert f"Amount: USD {deposit:,.2f}" in body(request).splitlines()


def test_an_order_of_nothing_asks_for_no_deposit(desk):
    """A PO priced at zero, confirmed: no "Amount: USD 0.00" request with the bank details; a
    Review row says why and the event log records the hold."""
    desk.mail(po_email("30% deposit", quantity=1000, price="0.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    assert "deposit_request" not in desk.sent()
    [why] = [r for r in desk.reviews() if "deposit request held" in r]
    assert "USD 0.00" in why and "no request for nothing" in why
    held = desk.db("SELECT detail FROM events WHERE kind = 'held'")
    assert any("no request for nothing" in row[0] for row in held)


def test_the_payments_that_count_and_what_the_order_shows_of_them():
    from mailflow.model import Payment
    from mailflow.workflow.money import counted, ledger_facts, reference_key

    def pay(n, kind, amount, ref=None, status="Confirmed", currency="USD", on=dt.date(2026, 11, 26)):
        return Payment(
            "SO-1", kind, Decimal(amount) if amount is not None else None, currency, on, ref, status=status, id=n
        )

    payments = [
        pay(1, "deposit", "3000", "FT 2611-25/0042"),
        pay(2, "deposit", "3000", "ft2611250042"),  # the same transfer written another way
        pay(3, "other", "250", "CN-31", on=dt.date(2026, 12, 1)),
        pay(4, "balance", "500", status="Proposed"),
        pay(5, "balance", "100", currency="EUR"),
        pay(6, "balance", None),
        pay(7, "other", "-20"),  # bank charges paid back to the customer
    ]
    assert reference_key("FT 2611-25/0042") == reference_key("ft2611250042") == "FT2611250042"
    assert [p.id for p in counted(payments, "USD")] == [1, 3, 7]
    facts = ledger_facts(payments, "USD")
    assert (facts["deposit_received"], facts["deposit_paid_on"], facts["other_received"]) == (
        "3000.00",
        "2026-11-26",
        "230.00",
    )
    assert facts["balance_received"] is None and facts["balance_paid_on"] is None
    assert [e["id"] for e in facts["payments"]] == ["P-00001", "P-00003", "P-00007"]


def test_the_reference_an_advice_quotes():
    from mailflow.workflow.money import advice_reference

    own = ("KT-00001", "SO-2026-0001")
    assert advice_reference("Bank ref: FT26112500042 for PO KT-00001", own) == "FT26112500042"
    assert advice_reference("交易流水号：20261125000123", own) == "20261125000123"
    assert advice_reference("Remittance No. 2026-1125-0042", own) == "2026-1125-0042"
    for none in (
        "Payment reference: KT-00001",
        "Your ref SO-2026-0001",
        "we preferred 123456",
        "TT ref 0042A1 and UETR 9f8e7d6c-1234",
        "ref: ABCDEFG",
        "",
    ):
        assert advice_reference(none, own) is None, none


def test_an_advice_amount_is_taken_whole_or_not_at_all():
    from mailflow.workflow.money import advice_amount

    assert advice_amount("we have remitted USD 3,000.00 for PO KT-00001.", "USD") == Decimal("3000.00")
    assert advice_amount("已付款 9630元", "CNY") == Decimal("9630.00")
    # "1.234,56": never a part of it (1.23, or 56) proposed as the payment
    assert advice_amount("Wir haben EUR 1.234,56 überwiesen.", "EUR") is None
    assert advice_amount("Überweisung über 1.234,56 EUR", "EUR") is None


@pytest.mark.parametrize(
    "terms",
    [
        "0% deposit, 100% T/T before shipment",
        "No deposit, 100% T/T before shipment",
        "No deposit, balance before shipment",
        "无定金，发货前100%电汇付清",
        "无定金，发货前付清",
    ],
)
def test_terms_without_a_deposit_skip_the_deposit_step_without_a_review_row(desk, terms):
    """Terms that agree no deposit: no request for nothing, no request for config.yaml's 30%, no
    Review row per order; production is handed off on confirmation, the balance is the total."""
    desk.mail(po_email(terms, quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    sent = desk.sent()
    assert "order_confirmation" in sent and "production_handoff" in sent
    assert not {"deposit_request", "deposit_reminder", "deposit_overdue_escalation"} & set(sent)
    assert desk.reviews() == []
    assert desk.cell("Deposit Due").value in (0, None)
    assert "Deposit" not in (desk.cell("Next Action").value or "")
    for day in (26, 27, 30):
        desk.run(at(11, day, 10))
    assert not {"deposit_request", "deposit_reminder", "deposit_overdue_escalation"} & set(desk.sent())
    assert desk.reviews() == []
    desk.edit(Production_Complete=dt.date(2026, 12, 7), Inspection_Result="Passed")
    desk.run(at(12, 7, 17))
    (balance,) = desk.sent()["balance_notice"]
    assert "USD 10,000.00" in body(balance)


def test_terms_without_a_deposit_against_the_customers_deposit_ask_a_person(desk):
    """The PO says no deposit, the Customers sheet says 30%: nobody is asked for money and
    production does not start until a person decides."""
    desk.run(at(11, 22, 9))
    wb = openpyxl.load_workbook(desk.tracker)
    ws = wb["Customers"]
    headers = {c.value: c.column for c in ws[1] if c.value}
    typed = {"Customer": "Acme Robotics Inc.", "Email Addresses / Domains": "acme-robotics.example", "Deposit %": 0.3}
    for header, value in typed.items():
        ws.cell(2, headers[header], value)
    wb.save(desk.tracker)
    desk.mail(po_email("No deposit, 100% T/T before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    sent = desk.sent()
    assert "deposit_request" not in sent and "production_handoff" not in sent
    [held] = desk.reviews()
    assert "no deposit" in held and "30%" in held
