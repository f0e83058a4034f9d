"""Every currency ISO 4217 lists as in use is read under a currency label and beside an amount, and
the signs and names of the currencies of the Caucasus, Central Asia, South Asia, Africa and Latin
America are read; a code that is also an English word or a unit ("GEL pads", "ALL items",
"1,250 KGS") is not a currency in running text. Real PDFs through the real extractor for the
header's currency label (``helpers.orders``)."""

from __future__ import annotations

import pytest

from helpers.orders import mail, parse, text_pdf
from mailflow.extract.normalize import _ISO_CODES, _UNIT_CODES, find_currency

TABLE = ["Item  Description  Qty  Unit Price  Amount", "HX-2040  Hex bolt M8  500  0.40  200.00", "Total  200.00"]


@pytest.mark.parametrize("code", sorted(_ISO_CODES))
def test_every_iso_code_is_a_currency_under_a_currency_label(code):
    assert find_currency(code, labelled=True).value == code
    assert find_currency(f" {code}. ", labelled=True).value == code


@pytest.mark.parametrize("code", sorted(_ISO_CODES - _UNIT_CODES))
def test_every_iso_code_beside_an_amount_is_its_currency(code):
    assert find_currency(f"Total {code} 12,450.00").value == code
    assert find_currency(f"1.250,00 {code}").value == code


@pytest.mark.parametrize(
    "text",
    ["GEL pads for the press", "AMD Ryzen 5 controller", "ALL items as per drawing", "TOP 10", "PEN 12", "1,250 KGS"],
)
def test_a_code_that_is_a_word_or_a_unit_is_no_currency_in_running_text(text):
    assert find_currency(text).value is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("֏ 125 000", "AMD"),
        ("125 000 ֏", "AMD"),
        ("₾ 1.250,00", "GEL"),
        ("₸ 450 000", "KZT"),
        ("₮ 2 500 000", "MNT"),
        ("₲ 1.500.000", "PYG"),
        ("৳ 12,500.00", "BDT"),
        ("₼ 340.00", "AZN"),
        ("₭ 1,200,000", "LAK"),
        ("₡ 45 000", "CRC"),
        ("1 250 lari", "GEL"),
        ("ლარი", "GEL"),
        ("Armenian dram", "AMD"),
        ("125 000 драм", "AMD"),
        ("тенге", "KZT"),
        ("Bangladeshi Taka", "BDT"),
        ("Nigerian Naira", "NGN"),
        ("Somali shillings", "SOS"),
        ("amaRandi", "ZAR"),
        ("Ethiopian birr", "ETB"),
        ("Peruvian soles", "PEN"),
        ("Guaraníes", "PYG"),
        ("Kazakhstani tenge", "KZT"),
        ("Mongolian tögrög", "MNT"),
    ],
)
def test_signs_and_names_of_currencies(text, code):
    found = find_currency(text)
    assert found.value == code and found.ambiguous == ""


@pytest.mark.parametrize(("text", "reading"), [("₨ 1,200", "INR"), ("manat", "AZN"), ("shillings", "KES")])
def test_a_sign_or_name_several_countries_write_is_asked_about(text, reading):
    found = find_currency(text)
    assert found.value == reading and found.ambiguous


@pytest.mark.parametrize("code", ["AMD", "GEL", "ALL", "PEN", "KGS", "MAD", "TOP"])
def test_the_currency_label_of_a_pdf_reads_any_iso_code(code):
    lines = ["PURCHASE ORDER", "PO No: 4500012817", "PO Date: 2026-11-20", f"Currency: {code}", *TABLE]
    result = parse(mail("PO 4500012817", attachment=text_pdf(lines)))
    assert result.order.currency == code
