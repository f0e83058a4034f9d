"""The checks that decide confidence and needs_review: each failure says what failed."""

import datetime as dt
from decimal import Decimal as D

import openpyxl
from helpers.procedure import Desk, at

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
    line = OrderLine(None, "W 8x10 A992 beam", D("3"), None, D("42.00"), D("126.00"))
    assert check(order(lines=[line], total=None), TODAY) == []


def test_printed_charges_and_allowances_may_close_the_total():
    lines = [OrderLine("NW-100", None, D("4"), "ea", D("263.10"), D("1052.40"))]
    allowance = check(order(lines=lines, total=D("1038.72")), TODAY, adjustments=[D("-13.68")])
    assert allowance == []
    freight = check(order(lines=lines, total=D("1102.40")), TODAY, adjustments=[D("0.00"), D("50.00")])
    assert freight == []
    unrelated = check(order(lines=lines, total=D("1038.72")), TODAY, adjustments=[D("-12.00")])
    assert unrelated == ["the lines add up to 1052.40 but the total is 1038.72"]


# ------------------------------------------------------------ an order complete enough to confirm


def test_a_line_without_a_price_or_an_amount_goes_to_a_person():
    lines = [
        OrderLine("NW-100", "Housing", D("1200"), "pcs", D("4.50"), D("5400.00")),
        OrderLine("NW-310", "Gasket", D("2400"), "pcs", None, None),
    ]
    assert check(order(lines=lines, total=None), TODAY) == [
        "no unit price nor amount read for line 2 (NW-310): the price must come from the PO"
    ]
    amount_only = OrderLine("NW-310", "Gasket", D("2400"), "pcs", None, D("960.00"))
    price_only = OrderLine("NW-310", "Gasket", D("2400"), "pcs", D("0.40"), None)
    assert check(order(lines=[lines[0], amount_only], total=None), TODAY) == []
    assert check(order(lines=[lines[0], price_only], total=None), TODAY) == []


def test_an_order_without_any_delivery_date_goes_to_a_person():
    warnings = check(order(delivery_date=None), TODAY)
    assert warnings == ["no delivery date read (neither in the header nor on any line): when is the order due?"]
    dated = order(delivery_date=None)
    dated.lines[1].delivery_date = dt.date(2027, 1, 20)  # a line's date is a delivery date too
    assert check(dated, TODAY) == []


def test_a_line_that_does_not_say_what_is_ordered_goes_to_a_person():
    lost = order()
    lost.lines[1].description = None  # the others have theirs: this row lost its text
    assert check(lost, TODAY) == ["no description read for line 2 (NW-310): check what is ordered against the PO"]
    nameless = order(lines=[*order().lines, OrderLine(None, " ", D("10"), "pcs", D("1.00"), D("10.00"))], total=None)
    assert check(nameless, TODAY) == ["no description read for line 4: check what is ordered against the PO"]


def test_an_order_naming_every_item_by_code_alone_is_read_as_printed():
    # ERPs that print the buyer's item number and no description (or one on a sub-row no
    # table reader takes): the codes say what is ordered
    codes = order()
    for line in codes.lines:
        line.description = None
    assert check(codes, TODAY) == []


def test_many_incomplete_lines_make_one_warning_each_kind():
    lines = [OrderLine(f"CUT-{n}", None, D("1"), "ea", None, None) for n in range(1, 9)]
    lines[0].description = "Plate 10 mm"
    warnings = check(order(lines=lines, total=None, delivery_date=None), TODAY)
    assert warnings == [
        "no description read for line 2 (CUT-2), line 3 (CUT-3), line 4 (CUT-4), line 5 (CUT-5), line 6 (CUT-6)"
        " and 2 more lines: check what is ordered against the PO",
        "no unit price nor amount read for line 1 (CUT-1), line 2 (CUT-2), line 3 (CUT-3), line 4 (CUT-4),"
        " line 5 (CUT-5) and 3 more lines: the price must come from the PO",
        "no delivery date read (neither in the header nor on any line): when is the order due?",
    ]
    assert confidence(0.95, warnings) < 0.5


def test_an_order_without_prices_nor_delivery_date_lands_on_the_review_sheet(tmp_path):
    """Through a real cycle: mail in the Maildir, ``run_once``, the tracker read back as staff
    open it. The order is recorded (pre-filled), marked for review, and the Review sheet says
    what to look up."""
    desk = Desk(tmp_path)
    desk.mail(
        (
            "From: Tom Baker <tom.baker@acme-robotics.example>\r\n"
            "To: Example Manufacturing Orders <orders@example.com>\r\n"
            "Subject: PO KT-00077\r\n"
            "Date: Mon, 23 Nov 2026 01:05:00 +0000\r\n"
            "Message-ID: <kt-00077@acme-robotics.example>\r\n"
            'Content-Type: text/plain; charset="utf-8"\r\nMIME-Version: 1.0\r\n\r\n'
            "Hi,\r\n\r\nPO number: KT-00077\r\nBuyer: Acme Robotics Inc.\r\n\r\n"
            "Please supply 1234 pcs of HX-2040.\r\n\r\nThanks,\r\nTom Baker\r\nAcme Robotics Inc.\r\n"
        ).encode(),
        "po",
    )
    desk.run(at(11, 23, 9))
    book = openpyxl.load_workbook(desk.tracker)
    orders = [
        dict(zip([c.value for c in book["Orders"][1]], row)) for row in book["Orders"].iter_rows(2, values_only=True)
    ]
    assert [(o["PO No"], o["Status"]) for o in orders if o["PO No"]] == [("KT-00077", "Needs review")]
    reasons = [
        row[[c.value for c in book["Review"][1]].index("Reason")]
        for row in book["Review"].iter_rows(2, values_only=True)
    ]
    said = " ".join(str(r) for r in reasons)
    assert "no unit price nor amount read for line 1 (HX-2040)" in said, reasons
    assert "no delivery date read (neither in the header nor on any line)" in said, reasons


def test_a_gross_total_must_be_the_net_plus_the_tax_printed():
    lines = [OrderLine("NW-100", None, D("10"), "ea", D("429.54"), D("4295.40"))]
    sums = dict(subtotal=D("4295.40"), adjustments=[D("987.94")], tax=D("987.94"))
    assert check(order(lines=lines, total=D("5283.34")), TODAY, **sums) == []
    # the printed gross is 11.00 more than the net and the tax of its summary: a person looks
    wrong = check(order(lines=lines, total=D("5294.34")), TODAY, **sums)
    assert wrong == ["the lines add up to 4295.40 and the tax and charges printed do not make that the total 5294.34"]
    # no tax known by a summary's arithmetic (a charge row may have gone unread): the net sum stands
    assert check(order(lines=lines, total=D("5294.34")), TODAY, subtotal=D("4295.40"), adjustments=[D("987.94")]) == []


def test_a_total_off_by_more_than_the_rounding_of_its_lines_is_flagged():
    # 0.05% of a six-figure order is USD 50: a total off by that much is a misread or a wrong
    # print, and must not pass for rounding. Only each line's rounding to the printed cent may.
    lines = [OrderLine("HX-2040", "Housing", D("20000"), "pcs", D("5.00"), D("100000.00"))]
    for total in ("100000.00", "100000.01"):
        assert check(order(total=D(total), lines=lines), TODAY) == [], total
    for total in ("100000.05", "100040.00", "100050.00", "99950.00"):
        assert any("the lines add up to 100000.00" in w for w in check(order(total=D(total), lines=lines), TODAY))
    # unrounded line values (quantity × a four-decimal price) printed to the cent, summed: each
    # line may carry half a cent
    cents = [OrderLine(f"R-{n}", "Resistor", D("333"), "pcs", D("0.0125"), None) for n in range(8)]
    assert check(order(total=D("33.30"), lines=cents), TODAY) == []  # 8 × 4.1625 = 33.30
    # a total printed in whole units (yen) is compared to the yen
    yen = [OrderLine("J-1", "Bracket", D("7"), "pcs", D("143.3"), None)]  # 1,003.1
    assert check(order(currency="JPY", total=D("1003"), lines=yen), TODAY) == []
    assert check(order(currency="JPY", total=D("1010"), lines=yen), TODAY) != []
