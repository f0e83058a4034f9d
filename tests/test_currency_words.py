"""A currency written as a name or a sign with its country is that country's; a bare "$" read
as US dollars is said for review when the document names another dollar. Real PDFs through the
real extractor (``helpers.orders``)."""

from __future__ import annotations

import pytest

from helpers.orders import mail, parse, text_pdf

TABLE = ["Item  Description  Qty  Unit Price  Amount", "HX-2040  Hex bolt M8  500  0.40  200.00", "Total  200.00"]


@pytest.mark.parametrize(
    "currency, code", [("Canadian Dollars", "CAD"), ("Swiss francs", "CHF"), ("New Taiwan Dollars", "TWD")]
)
def test_a_currency_named_with_its_country_is_read(currency, code):
    lines = ["PURCHASE ORDER", "PO No: 4500012817", "PO Date: 2026-11-20", f"Currency: {currency}", *TABLE]
    result = parse(mail("PO 4500012817", attachment=text_pdf(lines)))
    assert result.order.currency == code


def test_a_bare_dollar_sign_beside_canadian_funds_is_asked_about():
    lines = ["PURCHASE ORDER", "PO No: 4500012817", "PO Date: 2026-11-20", "All prices in Canadian funds", *TABLE]
    lines[-2] = "HX-2040  Hex bolt M8  500  $0.40  $200.00"
    result = parse(mail("PO 4500012817", attachment=text_pdf(lines)))
    assert result.order.currency != "USD" or result.needs_review
    assert any("names CAD" in w for w in result.warnings)
