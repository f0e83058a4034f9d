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
