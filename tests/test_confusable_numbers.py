"""A quantity, price or PO number written with a letter in a digit's place ("l20", "1O.50",
"45OOO12345"): the order goes to review naming the number, never silently another number —
through the real MIME parser and extractor."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import pytest

from mailflow.extract import ParseContext, parse_message
from mailflow.message import parse as parse_mime

TODAY = dt.date(2026, 11, 24)
SAID = "a number written with a letter in a digit's place"


def body_po(po: str, qty: str, price: str, extra: str = "") -> bytes:
    message = EmailMessage()
    message["From"] = "Tom Baker <tom.baker@acme-robotics.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = "Purchase order"
    message["Date"] = "Thu, 19 Nov 2026 09:30:00 +0000"
    message["Message-ID"] = "<confusable@acme-robotics.example>"
    message.set_content(
        f"Hi,\n\nPO number: {po}\nBuyer: Acme Robotics Inc.\n\n"
        f"Please supply {qty} pcs of HX-2040 at USD {price}, delivery by Dec 15, 2026.\n{extra}\n"
        "Thanks,\nTom Baker\nAcme Robotics Inc.\n"
    )
    return message.as_bytes()


def read(po: str, qty: str, price: str, extra: str = ""):
    return parse_message(parse_mime(body_po(po, qty, price, extra)), ParseContext(today=TODAY))


@pytest.mark.parametrize(
    "po, qty, price, written",
    [
        ("4500012345", "l20", "3.20", "l20"),  # a lower-case L for 1: 20 was taken
        ("4500012345", "I20", "3.20", "I20"),
        ("4500012345", "120", "1O.50", "1O.50"),  # an O for 0: a price of 1 was taken
        ("45OOO12345", "120", "3.20", "45OOO12345"),
    ],
)
def test_a_letter_in_a_digits_place_sends_the_order_to_review_naming_it(po, qty, price, written):
    result = read(po, qty, price)
    assert result.needs_review
    assert any(w.startswith(f"'{written}' is {SAID}") for w in result.warnings), result.warnings


def test_units_ordinals_and_codes_with_letters_are_no_reason():
    result = read("4500012345", "120", "3.20", "Packed with 10l of oil, CO2 sealed; O2 sensor kit; 1o envio.\n")
    assert result.order.po_number == "4500012345"
    assert not [w for w in result.warnings if SAID in w], result.warnings


def test_a_code_of_letters_and_digits_away_from_the_order_values_is_no_reason():
    # SAP prints its payment-terms key beside the terms ("I036"); an inspection plan "O10"
    result = read("4500012345", "120", "3.20", "Payment term: I036 Due within 30 days net\nInspection plan O10.\n")
    assert result.order.po_number == "4500012345" and result.order.lines[0].quantity == 120
    assert not [w for w in result.warnings if SAID in w], result.warnings


def test_a_look_alike_on_the_po_number_line_is_said_even_when_its_digits_were_not_taken():
    result = read("4500012345", "120", "3.20", "Our ref for PO 4500012345: lO50\n")
    assert any(w.startswith(f"'lO50' is {SAID}") for w in result.warnings), result.warnings


def test_a_po_number_with_a_capital_letter_prefix_is_a_code_not_a_look_alike():
    result = read("IO263064", "120", "3.20")
    assert result.order.po_number == "IO263064"
    assert not [w for w in result.warnings if SAID in w], result.warnings
