"""One ``Document`` → an order reading: header fields, lines, total, with where each came from.

Contract
    ``interpret(doc, vocab, opts) -> Reading``. Format-free: the lines come from
    ``tables.read_tables`` over the document's grids, the header fields from
    ``fields.read_fields`` over its text lines plus the grid rows that are not part of the lines
    table (label cells above the table, notes below it). ``Reading.review`` holds ambiguities
    (a date that could be either day-first or month-first, a ¥ that could be JPY or CNY): each
    one must reach ``needs_review``. Choosing the customer is left to the caller, which knows
    our company and the email.
"""

from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import dataclass, field, replace
from datetime import timedelta

from ..model import OrderLine, ParsedOrder
from .document import Document, Line, grid_lines
from .fields import (
    Found,
    convert,
    labelled_values,
    read_fields,
    shaped_dates,
    shaped_po_number,
    terms_by_shape,
    total_rank,
    unread_terms_label,
)
from .languages import document_languages
from .cards import card_grids
from .layout import fill_fields, grid_pages
from .normalize import (
    find_currency,
    guess_date_order,
    guess_decimal_comma,
    LEAN_MDY,
    lean_date_order,
    parse_number,
    signed_amount,
    TOTAL_LINE_CHARS,
)
from .tables import Options, TableResult, read_tables
from .taxsummary import explained, printed_tax, tax_rows, with_tax
from .vocabulary import Vocabulary


JAPANESE = re.compile(r"\bJapan\b|日本|株式会社|[\u3040-\u30ff]")


@dataclass
class Reading:
    order: ParsedOrder
    fields: dict[str, Found] = field(default_factory=dict)
    line_sources: list[str] = field(default_factory=list)
    explain: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    subtotal: Decimal | None = None
    text_lines: list[Line] = field(default_factory=list)  # the lines header fields were read from
    adjustments: list[Decimal] = field(default_factory=list)  # charges and allowances printed
    tax: Decimal | None = None  # the tax of a summary printed per rate, known by its arithmetic

    @property
    def has_lines(self) -> bool:
        return bool(self.order.lines)

    @property
    def substance(self) -> int:
        """How much of an order this is: lines count most, then a PO number and a total."""
        return 3 * len(self.order.lines) + 2 * bool(self.order.po_number) + bool(self.order.total)


def field_lines(doc: Document, used: dict[int, tuple[int, int]], vocab: Vocabulary) -> list[Line]:
    """The text lines for header fields: the document's lines, and grid rows outside the table."""

    def whole(first: str, text: str) -> bool:
        hit = vocab.label_at(text)
        if hit is not None and not hit[2]:
            return True  # "Livraison\nsouhaitée": a label wrapped in its box
        return vocab.label_at(first) is None  # "30 jours fin de\nmois": a value wrapped in its box

    lines = list(doc.lines)
    for grid in doc.grids:
        span = used.get(id(grid))
        if span is None:
            lines.extend(grid_lines(grid, whole=whole))
            continue
        first, last = span
        lines.extend(grid_lines(grid, range(0, max(first, 0)), whole))
        lines.extend(grid_lines(grid, range(last + 1, len(grid.rows)), whole))
    return lines


def interpret(doc: Document, vocab: Vocabulary, opts: Options, names: tuple[str, ...] = ()) -> Reading:
    """``names``: what else names the order (the mail's subject): a PO number found only by its
    shape is the one written there too."""
    text = doc.all_text()
    if opts.decimal_comma is None:  # the rule did not say: the document shows it
        opts = replace(opts, decimal_comma=guess_decimal_comma(doc.typed_text()))
    if not opts.languages:  # "12 listopada 2026" is November in a Polish order, October in a Croatian one
        opts = replace(opts, languages=document_languages(text))
    if opts.date_order is None:  # "Delivery 25/12/2026" settles "Date 03/04/2026" beside it
        opts = replace(opts, date_order=guess_date_order(text) or lean_date_order(text))
    if opts.currency_hint in (None, "zh") and JAPANESE.search(text):
        opts = replace(opts, currency_hint="JPY")  # "¥" on a Japanese buyer's order is yen
    table = None
    if opts.date_order in (None, LEAN_MDY) and opts.today is not None:
        # the tables read for the check are the ones ``_interpret`` reads when it settles nothing
        table = read_lines(doc, vocab, opts)
        settled = _settled_date_order(doc, vocab, opts, table)
        if settled is not None:
            opts = replace(opts, date_order=settled[0])
            reading = _interpret(doc, vocab, opts, names=names)
            reading.explain.insert(0, settled[1])
            return reading
    return _interpret(doc, vocab, opts, table, names)


def read_lines(doc: Document, vocab: Vocabulary, opts: Options) -> TableResult:
    """The order's lines from the document's tables; where no table holds any, from cards of
    labels and values (kanban call-offs: one item a card, several cards a page or a sheet)."""
    table = read_tables(doc.grids, vocab, opts)
    if table.lines:
        return table
    cards = card_grids(doc.pages or grid_pages(doc.grids), vocab)
    if not cards:
        return table
    carded = read_tables(cards, vocab, opts)
    return carded if carded.lines else table


def _header_fields(
    doc: Document, vocab: Vocabulary, opts: Options, table: TableResult | None = None
) -> dict[str, Found]:
    """The header fields alone, as ``_interpret`` reads them (for settling the date order);
    ``table``: the tables already read with these ``opts``."""
    if table is None:
        table = read_lines(doc, vocab, opts)
    found = read_fields(field_lines(doc, table.used, vocab), vocab, opts)
    fill_fields(doc.pages or grid_pages(doc.grids), vocab, opts, found)
    return found


ARRIVAL_SLACK = timedelta(days=1)  # a PO dated tomorrow: the buyer's time zone


def _settled_date_order(doc: Document, vocab: Vocabulary, opts: Options, table: TableResult) -> tuple[str, str] | None:
    """("MDY" or "DMY", why) when the PO date could be read either way ("01/07/2021") and only
    one reading is possible: an order is not dated after the day it arrives, and it is not
    delivered before it is ordered. None when the document decides nothing."""
    found = _header_fields(doc, vocab, opts, table)
    if "po_date" not in found or not found["po_date"].ambiguous:
        return None
    possible = []
    for order in ("MDY", "DMY"):
        fields = _header_fields(doc, vocab, replace(opts, date_order=order))
        po_date = fields.get("po_date")
        if po_date is None or po_date.value is None or po_date.value > opts.today + ARRIVAL_SLACK:
            continue
        delivery = fields.get("delivery_date")
        if delivery is not None and delivery.value is not None and delivery.value < po_date.value:
            continue
        possible.append((order, po_date.value))
    if len(possible) != 1:
        return None
    order, value = possible[0]
    return order, (
        f"dates read {'month' if order == 'MDY' else 'day'}-first: the PO date can only be {value.isoformat()}"
        f" (the other reading is after {opts.today.isoformat()}, the day it arrived, or after its delivery date)"
    )


def _interpret(
    doc: Document, vocab: Vocabulary, opts: Options, table: TableResult | None = None, names: tuple[str, ...] = ()
) -> Reading:
    if table is None:
        table = read_lines(doc, vocab, opts)
    lines = field_lines(doc, table.used, vocab)
    found = read_fields(lines, vocab, opts)
    # labels and values apart on the page, or in a sheet's or a Word table's cells (a PDF's
    # ruled tables are on its pages already)
    placed = fill_fields(doc.pages or grid_pages(doc.grids), vocab, opts, found)
    named = found["currency"].value if "currency" in found else None
    if named in table.column_currencies and (named != table.currency or table.currency_guessed):
        # prices in two currencies, and the header names the order's: its columns are the lines
        table = read_lines(doc, vocab, replace(opts, order_currency=named))
    conflicts = _from_field_columns(table.field_columns, found, opts)
    if "po_number" not in found:  # a label no vocabulary knows: the number's shape, for a person
        shaped = shaped_po_number(lines, vocab, (*names, doc.name))
        if shaped is not None:
            found["po_number"] = shaped
    found.update(shaped_dates(lines, vocab, opts, found))  # "Tarehe: 16.11.2026": for a person
    if "payment_terms" not in found:  # "30 dagen netto" under a label no vocabulary knows, or in the footer
        terms = terms_by_shape(lines, vocab)
        unread = unread_terms_label(lines, vocab) if terms is None else ""
        if terms is not None:
            found["payment_terms"] = terms
        elif unread:
            found["payment_terms"] = Found(
                None,
                unread,
                "the payment terms' label stands there, but what it says was not understood: a person reads them",
            )
    numbers = labelled_values(lines, vocab, "po_number", opts)
    if len(numbers) > 1:
        conflicts.append(f"{doc.name} names several PO numbers ({', '.join(numbers[:4])}): one order or several?")
    order = ParsedOrder()
    # "22%  4.864,50  1.070,19": the tax, known by its arithmetic (also in rows a table took in)
    taken = [row for grid in doc.grids if id(grid) in table.used for row in grid_lines(grid)]
    taxes = tax_rows([*lines, *taken], opts.decimal_comma)
    reading = Reading(
        order,
        found,
        subtotal=table.subtotal if table.subtotal is not None else printed_subtotal(lines, vocab, opts),
        text_lines=lines,
        adjustments=with_tax(
            [*table.adjustments, *adjustments(lines, vocab, opts)],
            taxes,
            [line for line, _ in table.lines],
            lines,
            opts.decimal_comma,
        ),
    )
    reading.warnings.extend(table.warnings)
    reading.warnings.extend(conflicts)
    reading.explain.extend(table.explain)
    reading.explain.extend(explained(taxes))
    reading.tax = printed_tax(taxes)
    reading.explain.extend(placed)
    reading.review.extend(table.ambiguous)

    def take(name: str, value: object, where: str, ambiguous: str = "") -> None:
        setattr(order, name, value)
        reading.explain.append(f"{name} = {_show(value)}  ← {where}")
        if ambiguous:
            reading.review.append(f"{name}: {ambiguous} ({where})")

    for name in ("po_number", "po_date", "delivery_date", "currency", "incoterms", "payment_terms"):
        if name in found:
            take(name, found[name].value, found[name].where, found[name].ambiguous)

    total_currency = None
    if "total" in found and re.search(r"which currency|¥", found["total"].ambiguous) and order.currency:
        found["total"].ambiguous = ""  # the ¥ of the total is the currency the header names
    if _grand_after_charges(table.total, found.get("total"), reading.adjustments):
        value, total_currency = found["total"].value
        reading.subtotal = table.total
        take("total", value, f"{found['total'].where}: the total row {table.total} plus the tax and charges printed")
    elif table.total is not None:
        take("total", table.total, f"{table.total_where} (total row)")
        total_currency = table.total_currency
        other = found["total"].value[1] if "total" in found else None
        if (
            "total" in found
            and other
            and order.currency
            and other != order.currency
            and table.total_currency in (None, order.currency)
        ):
            # "Total USD: 5,828.06 (EUR 1 = USD 1.0870)" beside an order in euros: for information
            reading.explain.append(
                f"total {found['total'].value[0]} {other} ({found['total'].where}) is in another currency than"
                f" the order's {order.currency}: shown beside it, not the order's total"
            )
        elif "total" in found and _on_the_way(found["total"].value[0], table, reading.adjustments):
            # "Total HT" or "Total incl. VAT" read by its label, the grand total under it: the
            # lines, the tax and the charges printed make the row's total; the label's is a step
            reading.explain.append(
                f"total {found['total'].value[0]} ({found['total'].where}) is a sum on the way to the total row"
                f" {table.total}: the lines plus the tax and charges printed make the latter"
            )
        elif "total" in found and found["total"].value[0] not in (table.total, table.subtotal):
            # (the table's net sum row, "Summe netto" above the tax, is found by its label too)
            reading.warnings.append(
                f"two totals disagree: {found['total'].value[0]} ({found['total'].where}) and {table.total} ({table.total_where})"
            )
    elif "total" in found:
        value, total_currency = found["total"].value
        take("total", value, found["total"].where, found["total"].ambiguous)

    if table.currency_ambiguous and not (order.currency and not found.get("currency", Found(0, "")).ambiguous):
        reading.review.append(table.currency_ambiguous)
    if order.currency is None:
        if table.currency:
            take("currency", table.currency, table.currency_where or "table")
        elif total_currency:
            take("currency", total_currency, found["total"].where if "total" in found else f"{table.total_where}")

    if order.currency is None and (under := _currency_under_total(doc.pages, order.total, opts)) is not None:
        take("currency", *under)
    if order.currency is None and (labelled := _currency_in_total_label([*lines, *taken], vocab, opts)) is not None:
        take("currency", *labelled)
    if order.currency is None:
        # the amounts of the line table too: "SOS 9.09" in a row its arithmetic read
        table_rows = [row for grid in doc.grids if id(grid) in table.used for row in grid_lines(grid)]
        beside = _currency_of_amounts([*lines, *table_rows], opts)
        if beside is not None:
            take("currency", *beside)
        elif unknown := _unknown_money_mark(lines, opts):
            reading.review.append(
                f"currency: the amounts are written with {unknown[0]!r} ({unknown[1]}), a currency nobody"
                " described: which currency is the order in?"
            )
    if order.total is None and table.lines and not any(reading.adjustments):
        summed = _total_by_sum(lines, [line for line, _ in table.lines], vocab, opts)
        if summed is not None:
            value, currency, where, label = summed
            take("total", value, f"{where} '{label}': the sum of the lines' amounts")
            if order.currency is None and currency:
                take("currency", currency, f"{where} '{label}'")
        else:
            # (also the rows the tables took in: a total row under a label no vocabulary knows)
            rows = [row for grid in doc.grids if id(grid) in table.used for row in grid_lines(grid)]
            summed = _total_by_sum([*lines, *rows], [line for line, _ in table.lines], vocab, opts, any_label=True)
            if summed is not None:  # "Jumla Kuu: KES 4,353.00", "Σύνολο: 19.970,50 €": the lines' sum
                value, currency, where, label = summed
                said = f"the total {value} was read beside '{label[:40]}', a label no vocabulary knows, as it is the lines' sum: a person checks it"
                take("total", value, f"{where} '{label}': the sum of the lines' amounts", said)
                if order.currency is None and currency:
                    take("currency", currency, f"{where} '{label}'")
    for line, where in table.lines:
        order.lines.append(line)
        reading.line_sources.append(where)
        reading.explain.append(f"line {len(order.lines)}: {_describe(line)}  ← {where}")
    free = [i for i, line in enumerate(order.lines, 1) if line.quantity and line.unit_price == 0]
    if free:  # "540 @ 0.00" with the price in a note ("540 PALLETS @$4.45"): a person reads it
        reading.review.append(
            f"line {', '.join(map(str, free))}: priced 0.00 — free of charge, or is the price written elsewhere?"
        )
    prose_items = [line.item for line, where in table.lines if "prose" in where and line.item]
    repeated = sorted({item for item in prose_items if prose_items.count(item) > 1})
    if repeated:  # an order and a later correction in one text ("... make it 600 pcs of HX-2040")
        reading.warnings.append(f"the text names {', '.join(repeated)} more than once: which quantity is meant?")
    if order.delivery_date is None:
        dates = [line.delivery_date for line in order.lines if line.delivery_date]
        if dates:
            take("delivery_date", min(dates), "earliest line delivery date")
            if min(dates) == order.po_date:
                # a line's date the day of the order: more likely a note's ("1/5/21 please confirm")
                # than when the goods are due (one before it, plausibility names)
                reading.review.append(
                    f"delivery_date: {min(dates).isoformat()}, read from the lines, is the PO date:"
                    " which date is the delivery?"
                )
    grand = _grand_total(order, reading.adjustments, lines, opts)
    if grand is not None:
        value, where = grand
        reading.explain.append(
            f"total {order.total} is not the lines' sum: it is a charge on top of it, as {value} printed"
            f" ({where}) is the lines' sum plus it"
        )
        take("total", value, f"{where}: the lines' sum + {order.total}")
    elif (
        gross := _gross_after_net(
            order,
            # (the tax row under the lines may be one the table took in: "TVA 19,00%  11.583,54")
            reading.adjustments if any(reading.adjustments) else adjustments(taken, vocab, opts),
            [*lines, *taken],
            opts,
        )
    ) is not None:
        value, where = gross
        reading.explain.append(
            f"total {order.total} is the lines' sum before the tax and charges printed: {value} printed"
            f" ({where}) is it plus them, the order's total"
        )
        take("total", value, f"{where}: the lines' sum + the tax and charges printed")
    return reading


# "TOTAL KES 12,000.00", "Ksh 1,200.00": a currency's code or sign right before an amount
_CODE_BEFORE = re.compile(
    r"(?<![^\W\d_])([A-Z]{3}|[^\w\s\d.,:;()'\"/-]{1,3}|Ksh|KSh)\s?\d[\d.,'\u00a0\u202f ]*[.,]\d{2}(?!\d)"
)


def _currency_under_total(
    pages: list[tuple[str, list[dict]]], total: Decimal | None, opts: Options
) -> tuple[str, str] | None:
    """(currency, where) when right under the total's amount, within a line's height and over
    the same column, stands nothing but a currency's code or name ("Total  15.220,00" over
    "EUR"): the total's currency, printed on a line of its own as some forms set the total's
    box. Found by the words' positions; one such word, or none is taken."""
    if total is None:
        return None
    seen: set[tuple[str, str]] = set()
    for where, words in pages:
        for word in words:
            if parse_number(word["text"], opts.decimal_comma) != total or not re.search(r"\d[.,]\d", word["text"]):
                continue
            height = float(word.get("bottom", word["top"] + 10)) - float(word["top"])
            under = [
                w
                for w in words
                if 0 < float(w["top"]) - float(word["top"]) <= 2 * height
                and w["x0"] < word["x1"] + height
                and w["x1"] > word["x0"] - height
            ]
            if len(under) != 1 or re.search(r"\d", under[0]["text"]):
                continue
            found = find_currency(under[0]["text"], opts.currency_hint)
            if found.value and not found.ambiguous:
                seen.add((found.value, f"{where} '{under[0]['text']}' (under the total {word['text']})"))
    return next(iter(seen)) if len({code for code, _ in seen}) == 1 else None


def _currency_of_amounts(lines: list[Line], opts: Options) -> tuple[str, str, str] | None:
    """(currency, where, doubt) when the amounts are written with one currency's code or sign
    beside them ("KES 1,250.00", "1.250,00 zł") and no label named it: the only currency the
    document shows by its amounts. None when they show none, or more than one. A bare "$" is
    read as US dollars and said for a person: Canada, Australia, Mexico write it too."""
    seen: dict[str, str] = {}
    for line in lines:
        for segment in line.segments:
            texts = [segment] if parse_number(segment, opts.decimal_comma) is not None else []
            texts += [m.group(0) for m in _CODE_BEFORE.finditer(segment)]
            for text in texts:
                if not re.search(r"\d[.,]\d{2}(?!\d)", text):
                    continue  # money has cents: "12 kg", "2026" are no amounts
                found = find_currency(text, opts.currency_hint)
                if found.value and not found.ambiguous:
                    seen.setdefault(found.value, f"{line.where} '{segment.strip()[:40]}'")
    if len(seen) != 1:
        return None
    code, where = next(iter(seen.items()))
    doubt = ""
    if code == "USD" and not any(re.search(r"USD|US\$|U\.S\.", line.text) for line in lines):
        doubt = "the amounts are written with a bare '$': US dollars, or another dollar?"
    return code, f"{where} (the only currency written beside the amounts)", doubt


# A mark written right before or after an amount that is no number: "Rp 1.250.000,00", "1 250,00 Lek"
_MARK_BEFORE = re.compile(r"^([A-Za-z]{1,4}\.?|[^\w\s\d.,:;()'\"/%#+*=-]{1,3})\s?\d[\d.,'\u00a0\u202f ]*[.,]\d{2}$")
_MARK_AFTER = re.compile(r"^\d[\d.,'\u00a0\u202f ]*[.,]\d{2}\s?([A-Za-z]{1,4}\.?|[^\w\s\d.,:;()'\"/%#+*=-]{1,3})$")


def _unknown_money_mark(lines: list[Line], opts: Options) -> tuple[str, str] | None:
    """(mark, where) when the amounts carry a mark no currency table knows ("Rp 1.250.000,00",
    "1 250,00 Lek") on two cells or more, the same each time: the order names its currency,
    but in a way nobody described; a person says which. None otherwise."""
    marks: dict[str, list[str]] = {}
    for line in lines:
        for segment in line.segments:
            text = segment.strip()
            match = _MARK_BEFORE.match(text) or _MARK_AFTER.match(text)
            if match is None or find_currency(text, opts.currency_hint).value:
                continue
            mark = match.group(1)
            if mark.lower().rstrip(".") in _UNIT_MARKS:
                continue  # "12.50 kg", "3.00 pcs": a measure
            marks.setdefault(mark, []).append(f"{line.where} '{text[:30]}'")
    if len(marks) != 1:
        return None
    mark, seen = next(iter(marks.items()))
    return (mark, seen[0]) if len(seen) >= 2 else None


_UNIT_MARKS = frozenset("kg g t m cm mm km l ml pcs pc ea st stk h hr hrs min x lb lbs oz ft in m2 m3 sq".split())


def _on_the_way(labelled: Decimal, table: TableResult, charges: list[Decimal]) -> bool:
    """Whether a total read by its label is a step between the lines' sum and the table's total
    row: the net ("Total HT") or the sum with tax before a charge ("税込合計" above freight and
    "総合計"), when the lines plus every tax and charge printed make the total row exactly.
    Only printed amounts are compared; none is computed into the order."""
    amounts = [line.amount for line, _ in table.lines]
    if table.total is None or not amounts or None in amounts or not any(charges):
        return False
    lines_sum = sum((a for a in amounts if a is not None), Decimal(0))
    if table.total != lines_sum + sum(charges, Decimal(0)):
        return False
    low, high = sorted((lines_sum, table.total))
    if labelled == lines_sum:
        return True
    running = lines_sum  # the steps the printed charges make, in their order
    for charge in charges:
        running += charge
        if running == labelled and low <= labelled <= high:
            return True
    return False


def _grand_after_charges(row_total: Decimal | None, labelled: Found | None, charges: list[Decimal]) -> bool:
    """True when the lines table's total row is the sum before tax: a total printed beside a
    label is that row plus every tax and charge row printed ("Summe netto 2.000,00", "MwSt.
    380,00", "Fracht 78,66", "Bruttobetrag 2.458,66"). Only printed amounts; none is computed."""
    if row_total is None or labelled is None or not charges:
        return False
    value = labelled.value[0]
    return bool(value > row_total and value == row_total + sum(charges, Decimal(0)))


def _grand_total(
    order: ParsedOrder, adjustments: list[Decimal], lines: list[Line], opts: Options
) -> tuple[Decimal, str] | None:
    """The grand total, when the total read is a tax or charge under a label we took for the
    total ("Total Ivu  9,139.20" under "Sub-Total  228,480.00"): the document prints the lines'
    sum plus that amount ("237,619.20"). Chosen by the arithmetic, never computed: the number
    must be printed, once."""
    amounts = [line.amount for line in order.lines]
    if order.total is None or not amounts or None in amounts:
        return None
    lines_sum = sum((a for a in amounts if a is not None), Decimal(0))
    if order.total in (lines_sum, lines_sum + sum(adjustments, Decimal(0))) or order.total >= lines_sum:
        return None
    target = lines_sum + order.total
    found = {
        line.where
        for line in lines
        for segment in line.segments
        if re.search(r"\d[.,]\d{2}$", segment) and parse_number(segment, opts.decimal_comma) == target
    }
    return (target, sorted(found)[0]) if len(found) == 1 else None


# (a currency's code or sign may follow: "Samtals: 2.852,50 EUR", "Σύνολο: 19.970,50 €")
_LAST_NUMBER = re.compile(r"(?:^|[\s:：])(\d[\d.,'\u00a0\u202f ]*\d)\s*(?:[A-Z]{3}|[^\w\s.,:;()]{1,3})?\s*$")
_TOTAL_WORDS = re.compile(
    r"\b(?:tot|total|sum|summe|net|netto|montant|importe|amount|value|val|wert|waarde|belopp)\b", re.I
)


def _currency_in_total_label(lines: list[Line], vocab: Vocabulary, opts: Options) -> tuple[str, str] | None:
    """(currency, where) when the total's label names one currency by its code or sign and
    nothing else ("Total General / USD", "Grand Total (EUR)", "Gesamtbetrag in CHF"), its amount
    printed apart: the order's currency, when no other total's label names another."""
    seen: dict[str, str] = {}
    for line in lines:
        for segment in line.segments:
            hit = vocab.label_at(segment)
            if hit is None or hit[0] != "total":
                continue
            rest = re.sub(r"^(?:in|en|em|w|v)\s+", "", hit[2].strip(" /:：()（）[]-"), flags=re.I)
            if not rest or len(rest) > 12 or re.search(r"\d", rest):
                continue
            found = find_currency(rest, opts.currency_hint, labelled=True)
            if found.value and not found.ambiguous:
                seen.setdefault(found.value, f"{line.where} '{segment.strip()[:40]}'")
    if len(seen) != 1:
        return None
    code, where = next(iter(seen.items()))
    return code, f"{where} (the total's label names it)"


def _gross_after_net(
    order: ParsedOrder, adjustments: list[Decimal], lines: list[Line], opts: Options
) -> tuple[Decimal, str] | None:
    """(grand total, where) when the total read is the lines' sum and tax or charges are printed
    after it under labels nobody described as a total ("Wartość netto 3 881,50", "VAT 23% 892,75",
    "Kwota końcowa 4 774,25"): the one line printing the lines' sum plus every tax and charge
    printed. Chosen by the arithmetic, never computed: the number must be printed, on one line."""
    amounts = [line.amount for line in order.lines]
    if order.total is None or not amounts or None in amounts or not any(adjustments):
        return None
    lines_sum = sum((a for a in amounts if a is not None), Decimal(0))
    # (a row read as a charge whose amount is the lines' sum is the net sum itself: "Yhteensä ilman ALV")
    target = lines_sum + sum((a for a in adjustments if a != lines_sum), Decimal(0))
    if order.total != lines_sum or target <= lines_sum:
        return None
    found = set()
    for line in lines:
        if len(line.text) > TOTAL_LINE_CHARS:
            continue
        for segment in line.segments:
            match = _LAST_NUMBER.search(segment)
            if match and parse_number(match.group(1), opts.decimal_comma) == target:
                found.add(line.where)
    return (target, sorted(found)[0]) if len(found) == 1 else None


def _total_by_sum(
    lines: list[Line], order_lines: list[OrderLine], vocab: Vocabulary, opts: Options, any_label: bool = False
) -> tuple[Decimal, str | None, str, str] | None:
    """(amount, currency named, where, label) of the one text line that prints, after words
    that speak of a total or a value ("Tot.net item val. excl. tax USD  2,585.52"), the sum of
    the lines' amounts: the total in words the vocabulary does not know. Only when every line
    has its amount and exactly one such line is printed, so that a subtotal before tax is never
    taken for the total; otherwise the reading asks a person, as before. ``any_label``: any
    words are the label (the caller says the total for a person)."""
    amounts = [line.amount for line in order_lines]
    if None in amounts:
        return None
    lines_sum = sum((a for a in amounts if a is not None), Decimal(0))
    found = []
    for line in lines:
        if len(line.text) > TOTAL_LINE_CHARS:
            continue
        match = _LAST_NUMBER.search(line.text)  # "Summe netto: 22.833,21", or label and amount apart
        if match is None:
            continue
        label = line.text[: match.start()].strip(" :：")
        value = parse_number(match.group(1), opts.decimal_comma)
        if value is None or value != lines_sum or re.search(r"\d", label):
            continue
        if not (_TOTAL_WORDS.search(label) or (any_label and re.search(r"[^\W\d_]{2}", label))):
            continue  # ``any_label``: a label in words nobody described ("Jumla Kuu", "Σύνολο")
        currency = find_currency(line.text, opts.currency_hint)
        found.append((value, currency.value if not currency.ambiguous else None, line.where, label))
    return found[0] if len(found) == 1 else None


def adjustments(lines: list[Line], vocab: Vocabulary, opts: Options) -> list[Decimal]:
    """The amounts of charge and allowance rows outside the lines table ("Freight  25.00",
    "Allowance  Handling  4.5%  (-1956.21)"): the last cell of a line whose first cell names
    a charge, signed as printed."""
    out = []
    for line in lines:
        segments = line.segments
        if len(segments) == 1 and ":" in segments[0]:  # "MwSt. 19 %: 475,00", a paragraph
            segments = [part.strip() for part in segments[0].rsplit(":", 1)]
        if len(segments) < 2 or not vocab.is_row("charges", _row_label(segments[0])):
            continue
        value = signed_amount(segments[-1], opts.decimal_comma)
        if value is not None:
            out.append(value)
    return out


def _row_label(text: str) -> str:
    """A sum row's label without the rate after it: "MwSt. 19,00%" → "MwSt", "Sales Tax 8.25%"."""
    return re.sub(r"[\s(]*\d[\d.,]*\s*%\)?\s*$", "", text).strip().rstrip(".:：")


def printed_subtotal(lines: list[Line], vocab: Vocabulary, opts: Options) -> Decimal | None:
    """The amount of the first sum row before tax outside the lines table ("Summe netto
    3.976,50", "Total HT  1 762,00", 小計): the lines add up to it, and the tax and charges
    printed after it make the total."""
    for line in lines:
        if len(line.segments) < 2:
            continue
        label = _row_label(line.segments[0])
        hit = vocab.label_at(label)
        net = hit is not None and hit[0] == "total" and total_rank(label) == 0
        if net or vocab.is_row("subtotal", label):
            value = signed_amount(line.segments[-1], opts.decimal_comma)
            if value is not None:
                return value
    return None


def _from_field_columns(columns: dict[str, list[tuple[str, str]]], found: dict[str, Found], opts: Options) -> list[str]:
    """Header fields repeated on every line of an export; rows that disagree are a warning."""
    warnings = []
    for name, values in columns.items():
        if not values:
            continue
        # only values of the field's kind compete: "Mat No." under a currency header is a label
        typed = [(v, where) for v, where in values if convert(name, v, opts) is not None]
        distinct = sorted({v for v, _ in typed})
        if name in found:
            # a label above the table said otherwise (a title over an export, read with the
            # line under it): the column, printed on every line, is not overruled silently
            column_values = {getattr(convert(name, v, opts), "value", None) for v in distinct}
            if name == "po_number" and len(column_values) == 1 and found[name].value not in column_values:
                warnings.append(
                    f"the PO number is {found[name].value} by {found[name].where}, but {distinct[0]} on every line"
                    f" ({typed[0][1]})"
                )
            continue
        if len(distinct) > 1 and name in ("po_number", "buyer", "currency"):
            warnings.append(f"the {name.replace('_', ' ')} column holds several values: {', '.join(distinct[:4])}")
        if typed:
            converted = convert(name, typed[0][0], opts)
            if converted is not None:
                found[name] = Found(converted.value, typed[0][1], converted.ambiguous)
    return warnings


def _show(value: object) -> str:
    if hasattr(value, "isoformat"):
        return repr(value.isoformat())
    return repr(str(value))


def _describe(line: OrderLine) -> str:
    parts = [line.item or "(no item)", f"× {line.quantity if line.quantity is not None else '?'}"]
    if line.unit:
        parts.append(line.unit)
    if line.unit_price is not None:
        parts.append(f"@ {line.unit_price}")
    if line.amount is not None:
        parts.append(f"= {line.amount}")
    return " ".join(parts)
