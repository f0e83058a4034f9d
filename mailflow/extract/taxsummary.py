"""Tax summaries printed under the lines: a row per tax rate, its net and its tax.

Contract
    ``tax_rows(lines, decimal_comma) -> list[TaxRow]``: the rows of the text that print a tax
    rate and, beside it, a net amount and the tax on it — Italian "Riepilogo IVA" (``22%
    4.864,50 1.070,19``), Polish and Czech "netto / VAT / brutto" tables (``23% 4 295,40 987,94
    5 283,34``), a tax-code analysis (``S 20.00% 1,200.00 240.00``). A row counts only when its
    own arithmetic holds: the tax is the net × the rate, to the cent (and the gross, when one
    follows, is the net + the tax). So no word of any language is needed, and a row of other
    numbers that happens to hold a percentage (a discount, a line with "5%") is never taken.

    ``printed_tax(rows) -> Decimal | None``: the tax the document charges, the sum of its rates'
    taxes, each rate once.

    Nothing is computed into the order: the rows only say which printed amount is the tax, so
    that the lines' sum plus it can be checked against the printed gross total.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..model import OrderLine
from .document import Line
from .normalize import parse_number

# "22%", "22 %", "20.00%", "5,5 %": a rate up to 99.99 percent; not part of a longer number
_RATE = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s?%")
# an amount with cents: "1.070,19", "4 295,40", "1,200.00", "987.94"; a single space may
# separate thousands ("4 295,40"), the two spaces between a line's segments never do
_AMOUNT = re.compile(r"(?<![\d.,])-?\d{1,3}(?:(?:[.,'\u00a0\u202f]|(?<! ) (?! ))\d{3})*[.,]\d{2}(?![\d%])")
MAX_LINE_CHARS = 200  # a summary row is short; a paragraph of terms is no summary
CENT = Decimal("0.01")


@dataclass(frozen=True)
class TaxRow:
    rate: Decimal  # percent
    net: Decimal
    tax: Decimal
    where: str


def tax_rows(lines: list[Line], decimal_comma: bool | None = None) -> list[TaxRow]:
    """Every row printing a rate with a net and its tax (see the module's contract), in order,
    each (rate, net, tax) once."""
    out: list[TaxRow] = []
    seen: set[tuple[Decimal, Decimal, Decimal]] = set()
    for line in lines:
        text = line.text
        if len(text) > MAX_LINE_CHARS or "%" not in text:
            continue
        row = _row(text, decimal_comma)
        if row is None:
            continue
        rate, net, tax = row
        if (rate, net, tax) in seen:
            continue  # the same rate in the summary and again in the totals block
        seen.add((rate, net, tax))
        out.append(TaxRow(rate, net, tax, line.where))
    return out


def printed_tax(rows: list[TaxRow]) -> Decimal | None:
    """The document's tax: the sum of its rows' taxes, None when it prints no summary row."""
    if not rows:
        return None
    return sum((row.tax for row in rows), Decimal(0))


def _row(text: str, decimal_comma: bool | None) -> tuple[Decimal, Decimal, Decimal] | None:
    rates = list(_RATE.finditer(text))
    if len(rates) != 1:
        return None  # no rate, or several on one row (a discount beside the tax): not a summary row
    match = rates[0]
    rate = parse_number(match.group(1).replace(",", "."), False)
    if rate is None or rate >= 100:
        return None
    before = [_amount(m.group(0), decimal_comma) for m in _AMOUNT.finditer(text[: match.start()])]
    after = [_amount(m.group(0), decimal_comma) for m in _AMOUNT.finditer(text[match.end() :])]
    candidates = []
    if len(after) >= 2:
        candidates.append((after[0], after[1]))  # rate, net, tax (a gross may follow)
    if before and after:
        candidates.append((before[-1], after[0]))  # net, rate, tax
    for net, tax in candidates:
        if net is None or tax is None or net <= 0:
            continue
        if abs(net * rate / 100 - tax) > CENT:
            continue
        return rate, net, tax
    return None


def _amount(text: str, decimal_comma: bool | None) -> Decimal | None:
    value = parse_number(text.replace("\u00a0", " ").replace("\u202f", " "), decimal_comma)
    return value.quantize(CENT) if value is not None else None


def with_tax(
    adjustments: list[Decimal],
    rows: list[TaxRow],
    order_lines: Sequence[OrderLine] = (),
    lines: Sequence[Line] = (),
    decimal_comma: bool | None = None,
) -> list[Decimal]:
    """``adjustments`` (the charge rows read by their labels) and the tax of every summary row
    not among them yet: "Totale IVA 1.070,19" read by its label is not counted twice. When the
    summary's net is more than the lines' sum by an amount the document prints ("Doprava 45,00"
    beside a summary whose base is the lines plus the freight), that charge too: printed, never
    computed into the order."""
    tax = printed_tax(rows)
    if tax is None:
        return adjustments
    out = adjustments if tax in adjustments else [*adjustments, *(r.tax for r in rows if r.tax not in adjustments)]
    amounts = [line.amount for line in order_lines]
    if not amounts or None in amounts:
        return out
    gap = sum((r.net for r in rows), Decimal(0)) - sum((a for a in amounts if a is not None), Decimal(0))
    if gap > 0 and gap not in out and gap in _printed(lines, decimal_comma):
        out = [*out, gap]
    return out


def _printed(lines: Sequence[Line], decimal_comma: bool | None) -> set[Decimal]:
    found = set()
    for line in lines:
        if len(line.text) <= MAX_LINE_CHARS:
            found.update(
                a for m in _AMOUNT.finditer(line.text) if (a := _amount(m.group(0), decimal_comma)) is not None
            )
    return found


def explained(rows: list[TaxRow]) -> list[str]:
    """What ``--explain`` says of each summary row the arithmetic recognised."""
    return [
        f"tax {row.tax} = {row.rate.normalize():f}% of {row.net}  ← {row.where} (a tax summary row: a charge on top of the net)"
        for row in rows
    ]
