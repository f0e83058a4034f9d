"""The checks that decide confidence and needs_review: each failure says what failed."""

import datetime as dt
from decimal import Decimal as D

from mailflow.model import OrderLine, ParsedOrder
from mailflow.plausibility import check, confidence, plausible_item

TODAY = dt.date(2026, 11, 22)


def order(**changes) -> ParsedOrder:
    base = ParsedOrder(
        po_number="PO-1",
        customer="Acme Robotics Inc.",
        po_date=dt.date(2026, 11, 20),
        delivery_date=dt.date(2027, 1, 15),
        currency="USD",
        total=D("7860.00"),
        lines=[
            OrderLine("NW-100", "Housing", D("1200"), "pcs", D("4.50"), D("5400.00")),
            OrderLine("NW-310", "Gasket", D("2400"), "pcs", D("0.40"), D("960.00")),
            OrderLine("NW-220", "Panel", D("1200"), "pcs", D("1.25"), D("1500.00")),
        ],
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def test_a_consistent_order_passes():
    assert check(order(), TODAY) == []
    assert confidence(0.95, []) == 0.95


def test_quantity_times_price_must_be_the_amount():
    bad = order()
    bad.lines[1].amount = D("1060.00")
    warnings = check(bad, TODAY)
    assert "line 2 (NW-310): quantity × unit price = 2400 × 0.40 = 960.00, but the amount is 1060.00" in warnings
    assert "the lines add up to 7960.00 but the total is 7860.00" in warnings
    assert confidence(0.95, warnings) < 0.7


def test_required_fields():
    warnings = check(order(po_number=None, customer=None, lines=[OrderLine(description="Housing")]), TODAY)
    assert "no PO number found" in warnings
    assert "no customer (buyer) found" in warnings
    assert "no order line with both an item and a quantity" in warnings


def test_a_fractional_count_is_a_misread_separator():
    line = OrderLine("NW-100", None, D("1.200"), "pcs", D("4.50"), D("5.40"))
    assert any("not a whole number" in w for w in check(order(lines=[line], total=None), TODAY))
    metres = OrderLine("TUB-PU8", None, D("480.5"), "m", D("1.22"), D("586.21"))
    assert check(order(lines=[metres], total=None), TODAY) == []


def test_dates_must_be_plausible():
    warnings = check(order(po_date=dt.date(2027, 6, 1), delivery_date=dt.date(2027, 5, 1)), TODAY)
    assert "PO date 2027-06-01 is in the future" in warnings
    assert "delivery date 2027-05-01 is before the PO date 2027-06-01" in warnings


def test_item_codes():
    assert plausible_item("HX-2040") and plausible_item("3.5MM-JACK")
    assert not plausible_item("Please deliver to our warehouse")
    assert not plausible_item("2026-12-15")


def test_a_line_named_by_its_description_alone_is_an_order_line():
    line = OrderLine(None, "W 8x10 A992 beam", D("3"), None, None, None)
    assert check(order(lines=[line], total=None), TODAY) == []


def test_printed_charges_and_allowances_may_close_the_total():
    lines = [OrderLine("NW-100", None, D("4"), "ea", D("263.10"), D("1052.40"))]
    allowance = check(order(lines=lines, total=D("1038.72")), TODAY, adjustments=[D("-13.68")])
    assert allowance == []
    freight = check(order(lines=lines, total=D("1102.40")), TODAY, adjustments=[D("0.00"), D("50.00")])
    assert freight == []
    unrelated = check(order(lines=lines, total=D("1038.72")), TODAY, adjustments=[D("-12.00")])
    assert unrelated == ["the lines add up to 1052.40 but the total is 1038.72"]
