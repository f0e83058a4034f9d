"""Orders that are the mail itself: typed on a phone, sent by a marketplace, a procurement portal
or a web ERP. Lines typed in short forms are read; a delivery day said the way people say it is
counted from the day the mail was sent; a day nobody can place is asked about, never guessed."""

import datetime as dt
from decimal import Decimal

import pytest

from mailflow.config import Company
from mailflow.extract import ParseContext, parse_message
from mailflow.extract.spoken import place
from mailflow.model import Message

TODAY = dt.date(2026, 11, 22)
SENT = dt.date(2026, 11, 19)  # a Thursday
OUR = Company(name="Example Manufacturing Co., Ltd.", domains=["example.com"])


def parse(text: str | None, html: str | None = None, subject: str = "order", sender: str = "Anna Berg"):
    message = Message(
        "0" * 64,
        len(text or html or ""),
        "<m@buyer.example>",
        subject=subject,
        from_addr="anna@buyer.example",
        from_name=sender,
        date=dt.datetime(2026, 11, 19, 9, 30, tzinfo=dt.timezone.utc),
        text=text,
        html=html,
    )
    return parse_message(message, ParseContext(today=TODAY, company=OUR))


def lines_of(result) -> list[tuple]:
    return [(ln.item, ln.quantity, ln.unit, ln.unit_price) for ln in result.order.lines]


@pytest.mark.parametrize(
    "typed, unit, price",
    [
        ("10 x ABC-123 @ 4.50", None, "4.50"),
        ("ABC-123 x10 @4.50", None, "4.50"),
        ("10pcs ABC-123 $4.50 ea", "pcs", "4.50"),
        ("10 Stk ABC-123 je 4,50", "Stk", "4.50"),
        ("10 x ABC-123 à 4,50 €", None, "4.50"),
        ("ABC-123 10个 单价4.50元", "个", "4.50"),
        ("ABC-123を10個 単価4.50円", "個", "4.50"),
        # "unit price" in Japanese and in traditional Chinese, the part's name after it
        ("ABC-123 10個 単価4.50円 (六角ボルト)", "個", "4.50"),
        ("ABC-123 10個 單價4.50元 (六角螺栓)", "個", "4.50"),
    ],
)
def test_a_line_typed_on_a_phone(typed, unit, price):
    text = f"Hi Tom,\npls send\nPO 7781\n{typed}\n25 x XYZ-9 @ 1.20\nThx\nMike\nNorthwind Tools Inc.\n\nSent from my iPhone\n"
    result = parse(text)
    assert result.kind == "purchase_order"
    first, second = lines_of(result)
    assert first == ("ABC-123", Decimal(10), unit, Decimal(price))
    assert second[:2] == ("XYZ-9", Decimal(25))


def test_numbers_without_a_marked_price_are_not_a_line():
    """A part number beside a size and a date is not an order line: the price must be marked."""
    text = "Hi,\nthe M12 sensor ABC-123 10 2026 is back in stock.\nThx\n"
    result = parse(text, subject="stock")
    assert result.order is None or not result.order.lines


@pytest.mark.parametrize(
    "said, day",
    [
        ("need by Friday 4th", dt.date(2026, 12, 4)),
        ("need them by the 15th pls", dt.date(2026, 12, 15)),
        ("deliver by Tue Dec 1", dt.date(2026, 12, 1)),
        ("Liefertermin Fr. 27.11.", dt.date(2026, 11, 27)),
        ("bitte bis Freitag, den 4. liefern", dt.date(2026, 12, 4)),
        ("下周五前到货", dt.date(2026, 11, 27)),
        ("12/4(金)までに納品お願いします", dt.date(2026, 12, 4)),
        ("4日(金)必着でお願いします", dt.date(2026, 12, 4)),
    ],
)
def test_a_delivery_day_said_as_people_say_it(said, day):
    placed = place(said, SENT)
    assert placed is not None and placed.value == day and placed.doubt is None
    result = parse(f"PO 7781\n10 x ABC-123 @ 4.50\n{said}\nMike\nNorthwind Tools Inc.\n")
    assert result.order.delivery_date == day
    assert not any(w.startswith("delivery_date") for w in result.warnings)


@pytest.mark.parametrize(
    "said",
    [
        "need these early December",
        "Lieferung Anfang Dezember",
        "月底左右交货",
        "年内に納品お願いします",
        "need by Friday 12th",
    ],
)
def test_a_delivery_time_nobody_can_place_is_asked_about(said):
    """ "Friday 12th" is no day in the coming weeks (12 December 2026 is a Saturday)."""
    result = parse(f"PO 7781\n10 x ABC-123 @ 4.50\n{said}\nMike\nNorthwind Tools Inc.\n")
    assert result.order.delivery_date is None
    assert result.needs_review
    assert any(w.startswith("delivery_date") and "a person sets the date" in w for w in result.warnings)


def test_next_weekday_written_early_in_the_week_is_read_and_asked_about():
    monday = dt.date(2026, 11, 16)
    placed = place("need it by next Friday", monday)
    assert placed is not None and placed.value == dt.date(2026, 11, 27) and placed.doubt


def test_an_address_or_a_price_is_no_delivery_day():
    assert place("Delivery address: 4410 Marine View Dr", SENT) is None
    assert place("Shipping: $4.99", SENT) is None


MARKETPLACE = """Hello Example Manufacturing,

You have a new order. Please ship the item(s) below by November 24, 2026.

Order ID: 128-1426477-9124863
Order date: November 19, 2026
Buyer: Cobalt Ridge Electronics LLC

Product: Silicone gasket 120x80
SKU: SIL-6966
Quantity: 50
Price: $1.04
Item subtotal: $52.00

Product: LED driver 24 V 60 W
SKU: LED-9600
Quantity: 4
Price: $9.64
Item subtotal: $38.56

Subtotal: $90.56
Shipping: $4.99
Tax: $6.34
Order total: $101.89
"""


def test_a_marketplace_order_written_as_item_blocks():
    result = parse(MARKETPLACE, subject="Sold, ship now: order 128-1426477-9124863", sender="ShopHub Seller Central")
    order = result.order
    assert result.kind == "purchase_order" and order.po_number == "128-1426477-9124863"
    assert [(ln.item, ln.description, ln.quantity, ln.unit_price, ln.amount) for ln in order.lines] == [
        ("SIL-6966", "Silicone gasket 120x80", Decimal(50), Decimal("1.04"), Decimal("52.00")),
        ("LED-9600", "LED driver 24 V 60 W", Decimal(4), Decimal("9.64"), Decimal("38.56")),
    ]
    assert order.total == Decimal("101.89") and order.currency == "USD"
    assert order.delivery_date == dt.date(2026, 11, 24)
    assert order.customer == "Cobalt Ridge Electronics LLC"


def test_a_marketplace_shipping_confirmation_is_not_an_order():
    html = (
        "<p>Your shipment for order 702-1234567-7654321 has been confirmed.</p><p>Tracking number: 1Z999</p>"
        "<table><tr><th>Product</th><th>SKU</th><th>Quantity shipped</th><th>Price</th></tr>"
        "<tr><td>Relay 24 V</td><td>REL-1234</td><td>10</td><td>$1.85</td></tr></table>"
    )
    result = parse(None, html=html, subject="Shipment confirmed for order 702-1234567-7654321", sender="ShopHub")
    assert result.kind == "other" and result.order is None


def test_a_korean_header_band_and_a_company_named_before_its_legal_form():
    html = (
        "<table border=1><tr><td>발주번호</td><td>발주일자</td><td>발주처</td><td>납기일</td></tr>"
        "<tr><td>2611176062</td><td>2026-11-17(화)</td><td>(주)동양기계</td><td>2026-12-01(화)</td></tr></table>"
        "<table border=1><tr><td>No</td><td>품목코드</td><td>품명</td><td>수량</td><td>단위</td><td>단가</td><td>공급가액</td></tr>"
        "<tr><td>1</td><td>CAB-1128</td><td>케이블 글랜드</td><td>10</td><td>EA</td><td>659원</td><td>6,590원</td></tr></table>"
    )
    result = parse(None, html=html, subject="발주서 송부 (2611176062)", sender="최유진")
    order = result.order
    assert order.po_number == "2611176062" and order.po_date == dt.date(2026, 11, 17)
    assert order.delivery_date == dt.date(2026, 12, 1) and order.customer == "(주)동양기계"
    assert order.currency == "KRW"
    assert [(ln.item, ln.quantity, ln.unit_price) for ln in order.lines] == [("CAB-1128", Decimal(10), Decimal(659))]


@pytest.mark.parametrize(
    "sender", ["Cobalt Ridge Electronics LLC eProcurement", "Cobalt Ridge Electronics LLC via Coupa"]
)
def test_a_portal_or_department_after_the_company_is_not_its_name(sender):
    html = (
        "<p>Purchase Order 4500012345 has been issued.</p><table><tr><td>PO Number</td><td>4500012345</td></tr>"
        "<tr><td>Order Date</td><td>11/18/2026</td></tr></table>"
        "<table><tr><th>Line</th><th>Part Number</th><th>Description</th><th>Qty</th><th>UOM</th><th>Unit Price</th>"
        "<th>Need By</th></tr><tr><td>1</td><td>REL-1234</td><td>Relay 24 V</td><td>10</td><td>EA</td><td>1.85</td>"
        "<td>12/04/2026</td></tr></table><p>View PO: https://portal.example/po/4500012345</p>"
    )
    result = parse(None, html=html, subject="Purchase Order #4500012345", sender=sender)
    order = result.order
    assert order.customer == "Cobalt Ridge Electronics LLC"
    assert order.po_number == "4500012345" and order.delivery_date == dt.date(2026, 12, 4)
    assert not any("several PO numbers" in w for w in result.warnings)


def test_two_part_number_headings_the_one_holding_words_is_the_description():
    html = (
        "<table><tr><th>Artikel</th><th>Artikelnummer</th><th>Menge</th><th>Preis</th></tr>"
        "<tr><td>Relais 24 V DC 10 A</td><td>REL-7757</td><td>20</td><td>1,89 €</td></tr>"
        "<tr><td>Summe</td><td></td><td></td><td>37,80 €</td></tr></table>"
    )
    result = parse(None, html=html, subject="Neue Bestellung 98-67006-58836")
    (line,) = result.order.lines
    assert (line.item, line.description, line.quantity) == ("REL-7757", "Relais 24 V DC 10 A", Decimal(20))


def test_a_shop_writes_each_item_with_its_times_and_its_total():
    """No header row: a picture, the title with its SKU under it, "× 50", the line's total. The
    unit price is the total over the quantity, only because it divides exactly."""
    html = (
        "<h2>Order #937-9844761-5810620</h2><p>Order date: Nov 18, 2026</p>"
        '<table><tr><td><img src="p.jpg"></td><td>Cable gland PG9 IP68<br>SKU: CAB-5055</td><td>× 50</td>'
        "<td>$21.50</td></tr><tr><td><img src=p.jpg></td><td>Stainless hinge 60 mm<br>SKU: STA-6443</td>"
        "<td>× 3</td><td>$10.00</td></tr></table><table><tr><td>Order total</td><td>$31.50 USD</td></tr></table>"
    )
    result = parse(None, html=html, subject="New order #937-9844761-5810620", sender="Shop")
    assert [(ln.item, ln.description, ln.quantity, ln.unit_price, ln.amount) for ln in result.order.lines] == [
        ("CAB-5055", "Cable gland PG9 IP68", Decimal(50), Decimal("0.43"), Decimal("21.50")),
        ("STA-6443", "Stainless hinge 60 mm", Decimal(3), None, Decimal("10.00")),
    ]
    assert any("no unit price is printed" in w for w in result.warnings) and result.needs_review


@pytest.mark.parametrize(
    "typed, unit, price",
    [
        ("ＡＢＣ－１２３を１０個　単価４５０円", "個", "450"),
        ("10 Stück ABC-123 zu je 4,50", "Stück", "4.50"),
        ("ABC-123 要10个 4.5元", "个", "4.5"),
        ("ABC-123 qty 10 @ 4.50", None, "4.50"),
    ],
)
def test_more_ways_to_type_a_line(typed, unit, price):
    result = parse(f"PO 7781\n{typed}\nMike\nNorthwind Tools Inc.\n")
    assert lines_of(result) == [("ABC-123", Decimal(10), unit, Decimal(price))]


@pytest.mark.parametrize(
    "said, day",
    [
        ("by Friday the 4th", dt.date(2026, 12, 4)),
        ("bis 4.12.", dt.date(2026, 12, 4)),
        ("后天到货", dt.date(2026, 11, 21)),
    ],
)
def test_a_line_that_only_names_the_day(said, day):
    result = parse(f"PO 7781\n10 x ABC-123 @ 4.50\n{said}\nMike\nNorthwind Tools Inc.\n")
    assert result.order.delivery_date == day


def test_an_order_notification_with_an_unsubscribe_footer_is_never_dropped():
    """Systems put "unsubscribe" under every mail they send: beside an order number it makes
    a person look, it does not make the order a newsletter."""
    text = MARKETPLACE.replace("You have a new order.", "You sold items.") + "\nUnsubscribe from these notifications\n"
    result = parse(text, subject="You made a sale", sender="ShopHub")
    assert result.kind == "purchase_order" and len(result.order.lines) == 2 and result.needs_review


PORTAL_BLOCKS = """Purchase Order 4500012345 has been issued by Cobalt Ridge Electronics LLC.
PO Number: 4500012345
Order Date: 11/18/2026

Line 1
Part Number: REL-1234
Description: Relay 24 V DC
Quantity: 10 EA
Unit Price: 1.85 USD
Need By: 12/11/2026
Line Total: 18.50 USD

Line 2
Part Number: FAN-8025
Description: Axial fan 80x80
Quantity: 200 EA
Unit Price: 2.10 USD
Need By: 12/04/2026
Line Total: 420.00 USD

PO Total: 438.50 USD
"""


def test_a_portal_line_block_keeps_its_need_by_date():
    """Each line's "Need By" is that line's date, not the order's: the order's is the earliest."""
    result = parse(PORTAL_BLOCKS, subject="Purchase Order #4500012345", sender="Cobalt Ridge Electronics LLC via Coupa")
    order = result.order
    assert [(ln.item, ln.unit, ln.amount, ln.delivery_date) for ln in order.lines] == [
        ("REL-1234", "EA", Decimal("18.50"), dt.date(2026, 12, 11)),
        ("FAN-8025", "EA", Decimal("420.00"), dt.date(2026, 12, 4)),
    ]
    assert order.delivery_date == dt.date(2026, 12, 4) and order.total == Decimal("438.50")


@pytest.mark.parametrize(
    "said, day",
    [("Delivery: Friday 4th", dt.date(2026, 12, 4)), ("Liefertermin: Fr. 27.11.", dt.date(2026, 11, 27))],
)
def test_a_labelled_day_said_as_people_say_it(said, day):
    """The label's own value is no date the header reader could read: the day placed from the
    mail's date is taken instead."""
    result = parse(f"PO 7781\n10 x ABC-123 @ 4.50\n{said}\nMike\nNorthwind Tools Inc.\n")
    assert result.order.delivery_date == day


@pytest.mark.parametrize("said", ["need them before Christmas", "vor Weihnachten liefern", "春节前到货"])
def test_a_holiday_is_no_day(said):
    result = parse(f"PO 7781\n10 x ABC-123 @ 4.50\n{said}\nMike\nNorthwind Tools Inc.\n")
    assert result.order.delivery_date is None and result.needs_review
    assert any(w.startswith("delivery_date") and "names no day" in w for w in result.warnings)


def test_a_typed_line_without_a_price_is_read_and_asked_about():
    result = parse("Hi Tom\npls send\nPO 7781\nABC-123 x10\n5 x XYZ-9\nMike\nNorthwind Tools Inc.\n")
    assert lines_of(result) == [("ABC-123", Decimal(10), None, None), ("XYZ-9", Decimal(5), None, None)]
    assert result.needs_review


def test_a_quarter_is_no_day():
    """ "3. Quartal" is the third quarter, not the 3rd of the month."""
    placed = place("Lieferung 3. Quartal", SENT)
    assert placed is not None and placed.value is None and placed.doubt


def test_a_numbered_term_about_late_delivery_is_no_delivery_day():
    assert place("3. Late delivery: 0.5% per day, at most 5% of the order value.", SENT) is None
    assert place("Late delivery penalty 1% per week", SENT) is None


def test_the_day_after_the_delivery_word_is_the_delivery_day():
    text = "订单号：CG2026118819，下单日期2026年11月14日，交货期：2026年12月18日，币种：CNY。\nLED-7062 500个 单价63.94元\n"
    result = parse(text, subject="订单 CG2026118819")
    assert result.order.po_date == dt.date(2026, 11, 14) and result.order.delivery_date == dt.date(2026, 12, 18)


@pytest.mark.parametrize(
    "typed, description, unit",
    [
        ("HX-2040六角螺栓100个，单价0.12元", "六角螺栓", "个"),  # name and quantity glued to the code
        ("HX-2040 六角ボルト 100個 単価0.12円", "六角ボルト", "個"),
        ("HX-2040 hex bolt, 100 pcs @ 0.12", "hex bolt", "pcs"),
        ("HX-2040 Sechskantschraube 100 Stk je 0,12", "Sechskantschraube", "Stk"),
    ],
)
def test_a_typed_line_names_its_part_between_the_code_and_the_quantity(typed, description, unit):
    text = f"您好，\nPO 7781\n{typed}\nWS-0600 x500 @ 0.03\nThx\nMike\nNorthwind Tools Inc.\n"
    result = parse(text)
    assert result.kind == "purchase_order"
    first = result.order.lines[0]
    assert (first.item, first.description, first.quantity, first.unit, first.unit_price) == (
        "HX-2040",
        description,
        Decimal(100),
        unit,
        Decimal("0.12"),
    )


def test_a_size_in_the_name_is_not_the_quantity():
    # "M6x20" holds digits: no name is read across it, and the line needs its quantity marked
    result = parse("Hi,\nPO 7781\nHX-2040 bolt M6x20 @ 0.12\nWS-0600 x500 @ 0.03\nMike\nNorthwind Tools Inc.\n")
    assert all(line.quantity != Decimal(20) and line.quantity != Decimal(6) for line in result.order.lines)
