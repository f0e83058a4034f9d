"""pipeline.plan is pure: plain values in, a Plan out. One test per decision it makes."""

import datetime as dt
from decimal import Decimal

from mailflow.model import Message, Order, OrderLine, ParsedOrder, ParseResult
from mailflow.pipeline import Known, plan

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def message(**kw) -> Message:
    base = dict(sha256="ab" * 32, size=100, message_id="<m1@x>", subject="PO 1", from_addr="buyer@acme.example")
    base.update(kw)
    return Message(**base)


def po_result(**kw) -> ParseResult:
    order = ParsedOrder(
        po_number="PO-1",
        customer="ACME Ltd",
        currency="USD",
        total=Decimal("30.00"),
        lines=[OrderLine(item="A-1", quantity=Decimal("10"), unit_price=Decimal("3.00"), amount=Decimal("30.00"))],
    )
    base = dict(kind="purchase_order", order=order, confidence=0.95, source="po.pdf", language="en")
    base.update(kw)
    return ParseResult(**base)


def existing(order_no="SO-2026-0001", po="PO-1") -> Order:
    return Order(order_no=order_no, po_number=po, customer="ACME Ltd", received_at=NOW)


def test_a_clean_po_creates_an_order():
    p = plan(message(), po_result(), Known(), now=NOW, account_manager="am@x")
    assert p.outcome == "processed" and p.file_under == "order" and not p.reviews
    o = p.new_order
    assert (o.po_number, o.customer, o.total, o.status, o.account_manager) == (
        "PO-1",
        "ACME Ltd",
        Decimal("30.00"),
        "Received",
        "am@x",
    )
    assert o.customer_email == "buyer@acme.example" and o.source_message_id == "<m1@x>"
    assert o.received_at == NOW


def test_a_doubtful_po_is_recorded_but_held_for_review():
    p = plan(message(), po_result(needs_review=True, warnings=["line 1: 10 x 3.00 != 31.00"]), Known(), now=NOW)
    assert p.new_order.status == "Needs review" and p.new_order.needs_review
    assert len(p.reviews) == 1 and "10 x 3.00 != 31.00" in p.reviews[0][1]


def test_an_unreadable_po_creates_no_order_and_asks_a_person():
    result = po_result(order=ParsedOrder(customer="ACME Ltd"), warnings=["scanned PDF: no text layer"])
    p = plan(message(), result, Known(), now=NOW)
    assert p.new_order is None and p.outcome == "processed"
    assert "no PO number" in p.reviews[0][1] and "scanned" in p.reviews[0][1]


def test_the_same_message_twice_is_a_duplicate():
    p = plan(message(), po_result(), Known(duplicate_of=7), now=NOW)
    assert p.outcome == "duplicate" and p.new_order is None and p.file_under == "none"


def test_a_po_sent_again_is_filed_with_the_existing_order():
    p = plan(message(message_id="<m2@x>"), po_result(), Known(existing_order=existing()), now=NOW)
    assert p.new_order is None and p.order.order_no == "SO-2026-0001"
    assert "already recorded" in p.reviews[0][1]


def test_payment_advice_goes_to_the_referenced_order():
    r = ParseResult(kind="payment_advice", references=["PO-1"])
    p = plan(message(subject="Payment advice PO-1"), r, Known(referenced_orders=(existing(),)), now=NOW)
    assert p.order.order_no == "SO-2026-0001" and p.email_event[0] == "payment_advice"
    assert p.email_event[1]["references"] == ["PO-1"]


def test_payment_advice_for_an_unknown_po_asks_a_person():
    r = ParseResult(kind="payment_advice", references=["PO-9"])
    p = plan(message(), r, Known(), now=NOW)
    assert p.order is None and "PO-9" in p.reviews[0][1]


def test_ambiguous_reference_is_not_guessed():
    r = ParseResult(kind="change_request", references=["PO-1"])
    p = plan(message(), r, Known(referenced_orders=(existing(), existing("SO-2026-0002"))), now=NOW)
    assert p.order is None and "several orders" in p.reviews[0][1]


def test_auto_replies_and_other_mail_are_ignored_with_a_reason():
    assert plan(message(), ParseResult(kind="auto_reply"), Known(), now=NOW).reason == "auto-reply"
    other = plan(message(), ParseResult(kind="other"), Known(), now=NOW)
    assert other.outcome == "ignored" and other.new_order is None


def test_describe_is_readable():
    lines = plan(message(), po_result(), Known(), now=NOW).describe()
    assert lines[0] == "outcome: processed"
    assert any("create order for ACME Ltd PO PO-1" in line for line in lines)


def test_a_body_po_without_amounts_gets_them_computed_and_marked():
    order = ParsedOrder(
        po_number="PO-2",
        customer="ACME Ltd",
        currency="USD",
        lines=[OrderLine(item="HX-2040", quantity=Decimal("500"), unit_price=Decimal("3.20"))],
    )
    p = plan(message(), po_result(order=order), Known(), now=NOW)
    assert p.new_order.lines[0].amount == Decimal("1600.00")
    assert p.new_order.total == Decimal("1600.00") and p.new_order.facts["total_computed"] is True


def test_no_total_is_invented_when_a_line_lacks_its_price():
    order = ParsedOrder(
        po_number="PO-3",
        customer="ACME Ltd",
        lines=[
            OrderLine(item="A", quantity=Decimal("5")),
            OrderLine(item="B", quantity=Decimal("1"), unit_price=Decimal("2")),
        ],
    )
    p = plan(message(), po_result(order=order), Known(), now=NOW)
    assert p.new_order.total is None and p.new_order.lines[0].amount is None
