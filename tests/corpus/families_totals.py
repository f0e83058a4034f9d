"""Totals blocks that print the tax on top of the lines (``wide/pdf/*-totals-*``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from
a ground truth made here (the lines, the tax rate of each line, the tax per rate rounded to the
cent, the charges) and its golden file comes from that truth, never from mailflow's output. The
order's total is the grand total the document prints (net + tax + charges), as everywhere in the
corpus. The families:

* ``totals-vat-summary``: a second, small table under the lines that sums the tax per rate —
  Italian "Riepilogo IVA" (aliquota / imponibile / imposta), Polish and Czech "netto / VAT /
  brutto" with a row per rate and a sum row, a tax-code summary (code, rate, net, tax) — and a
  totals block beside or under it: net, tax, sometimes freight, packing or a rounding row, the
  gross total. One or two rates per order. Printed by reportlab and by fpdf2's table API.
* ``totals-vat-mismatch``: the same, with a gross total that is not the net plus the tax
  printed: the golden file asks for review.
* ``totals-placed``: web pages whose sums sit in rows of the lines table under a label spanning
  the first columns, under the price column (the amount column left empty), or in a small table
  of their own; the currency in a Currency field, in every money cell ("€ 12,50", "12,50 EUR")
  or only in the total's label.
* ``totals-currency``: the currency written only with the amounts — a sign (₦), a word no
  currency table had ("12 500,00 so'm"), a code — or a second currency's total printed beside
  the order's for information ("Total USD: 5,828.06 (EUR 1 = USD 1.0870)").
* ``lines-discount``: a list price, a discount percentage and the net price on every line (the
  golden price is the net one, which quantity × price = amount holds for).
* ``lines-delivery-plan``: under the lines, a tax summary and a delivery plan (line, item, date,
  quantity) in tables of their own, which are no lines: each line is delivered in two parts, so
  it takes the first date and the order goes to a person, who plans the deliveries.
* ``lines-code-under``: each line's code alone on the row under it, after its label, bare in
  the item column, or under the position number of a table with no item column.
* ``lines-continued-bare``: the lines over two pages, the second with no header and no
  carried-forward row, sometimes followed by a delivery plan under its own header.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import families as f
import families_lines as fl
import generate as g

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Words:
    """How one language prints a tax summary and the totals block beside it."""

    title: str  # over the summary table ("" for none)
    heads: tuple[str, str, str, str]  # rate (or tax code), net, tax, gross ("" : no gross column)
    sum_row: str  # the summary's sum row ("" for none)
    net: str
    tax: str
    gross: str
    freight: str
    rounding: str
    rates: tuple[Decimal, Decimal]  # the standard rate and a reduced one


WORDS = {
    "it": Words(
        "Riepilogo IVA",
        ("Aliquota", "Imponibile", "Imposta", ""),
        "",
        "Totale imponibile",
        "Totale IVA",
        "Totale documento",
        "Spese di trasporto",
        "Arrotondamento",
        (Decimal("22"), Decimal("10")),
    ),
    "pl": Words(
        "Podsumowanie VAT",
        ("Stawka VAT", "Wartość netto", "Kwota VAT", "Wartość brutto"),
        "Razem",
        "Razem netto",
        "VAT",
        "Razem brutto",
        "Koszty transportu",
        "Zaokrąglenie",
        (Decimal("23"), Decimal("8")),
    ),
    "cs": Words(
        "Rekapitulace DPH",
        ("Sazba DPH", "Základ", "DPH", "Celkem s DPH"),
        "Celkem",
        "Celkem bez DPH",
        "DPH celkem",
        "Celkem k úhradě",
        "Doprava",
        "Zaokrouhlení",
        (Decimal("21"), Decimal("12")),
    ),
    "en": Words(
        "VAT analysis",
        ("Tax code", "Net", "VAT", ""),
        "",
        "Total net",
        "Total VAT",
        "Total gross",
        "Carriage",
        "Rounding",
        (Decimal("20"), Decimal("5")),
    ),
    "de": Words(
        "Steuerübersicht",
        ("Steuersatz", "Netto", "USt.", "Brutto"),
        "Summe",
        "Nettobetrag",
        "USt. gesamt",
        "Bruttobetrag",
        "Verpackung",
        "Rundung",
        (Decimal("19"), Decimal("7")),
    ),
    "fr": Words(
        "Récapitulatif TVA",
        ("Taux TVA", "Base HT", "Montant TVA", "Total TTC"),
        "Total",
        "Total HT",
        "Total TVA",
        "Net à payer",
        "Frais de port",
        "Arrondi",
        (Decimal("20"), Decimal("5.5")),
    ),
}

# (language, producer, two rates, charge: "" / "freight" / "rounding", totals block beside the summary)
PLAN = [
    ("it", "reportlab", False, "", True),
    ("it", "fpdf2", True, "freight", False),
    ("pl", "reportlab", True, "", False),
    ("pl", "fpdf2", False, "rounding", True),
    ("cs", "reportlab", False, "freight", True),
    ("cs", "fpdf2", True, "", False),
    ("en", "reportlab", True, "freight", True),
    ("en", "fpdf2", False, "", False),
    ("de", "reportlab", True, "rounding", False),
    ("fr", "fpdf2", True, "freight", True),
    ("it", "reportlab", True, "rounding", False),
    ("pl", "reportlab", False, "freight", True),
]
MISMATCH = [("it", "reportlab"), ("pl", "fpdf2"), ("en", "reportlab")]


def _q(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _rate_text(lang: str, rate: Decimal, code: str) -> str:
    text = g.fmt_num(rate, f.LANG[lang]["num"]) + "%"
    return f"{code} {text}" if lang == "en" else text


@dataclass
class Sums:
    """The tax per rate, the charges and the gross, from the lines and their rates."""

    rows: list[tuple[str, Decimal, Decimal]]  # (rate printed, net, tax)
    net: Decimal
    tax: Decimal
    charge: Decimal
    gross: Decimal


def _sums(po: g.PO, lang: str, two_rates: bool, charge: str, k: int) -> Sums:
    words = WORDS[lang]
    rates = [words.rates[1] if two_rates and i % 2 else words.rates[0] for i in range(len(po.lines))]
    freight = Decimal(25 + 5 * k).quantize(CENT) if charge == "freight" else Decimal(0)
    rows = []
    for code, rate in zip("SR", words.rates):
        net = sum((ln.amount for ln, r in zip(po.lines, rates) if r == rate), Decimal(0))
        if rate == words.rates[0]:
            net += freight  # the freight is taxed at the standard rate
        if net:
            rows.append((_rate_text(lang, rate, code), net, _q(net * rate / 100)))
    lines_net = sum((ln.amount for ln in po.lines), Decimal(0))
    tax = sum((t for _, _, t in rows), Decimal(0))
    gross = lines_net + freight + tax
    rounding = Decimal(0)
    if charge == "rounding":  # the gross to whole units, as some buyers' systems print it
        rounding = gross.quantize(Decimal(1), rounding=ROUND_HALF_UP) - gross
        if not rounding:
            rounding = Decimal("-0.01") if gross.quantize(Decimal(1)) != gross else Decimal("0.01")
        gross += rounding
    return Sums(rows, lines_net, tax, freight or rounding, gross)


def _block(page: f.Page, sums: Sums, charge: str, words: Words) -> list[tuple[str, str]]:
    n = page.n
    block = [(words.net, n(sums.net))]
    if charge == "freight":
        block.append((words.freight, n(sums.charge)))
    block.append((words.tax, n(sums.tax)))
    if charge == "rounding":
        block.append((words.rounding, n(sums.charge)))
    block.append((f"{words.gross} {page.po.currency}", n(sums.gross)))
    return block


def _summary_rows(page: f.Page, sums: Sums, words: Words) -> list[list[str]]:
    n = page.n
    gross = bool(words.heads[3])
    rows = [[rate, n(net), n(tax), *([n(net + tax)] if gross else [])] for rate, net, tax in sums.rows]
    if words.sum_row:
        net = sum((r[1] for r in sums.rows), Decimal(0))
        tax = sum((r[2] for r in sums.rows), Decimal(0))
        rows.append([words.sum_row, n(net), n(tax), *([n(net + tax)] if gross else [])])
    return rows


def _heads(words: Words) -> list[str]:
    return [h for h in words.heads if h]


def _reportlab(path: Path, page: f.Page, sums: Sums, charge: str, beside: bool) -> None:
    words = WORDS[page.lang]
    cv = f.Canvas(path, page)
    sheet = fl.Sheet(cv, page)
    sheet.letterhead(with_fields=True)
    y = f.rl_table(cv, page, 40, sheet.y, 515, grid=True)
    y -= 18
    # the tax summary: a small ruled table of its own
    heads = _heads(words)
    widths = [70.0] + [72.0] * (len(heads) - 1)
    cv.text(40, y, words.title, 9, bold=True)
    top = y - 14
    rows = [heads, *_summary_rows(page, sums, words)]
    yy = top
    for r, cells in enumerate(rows):
        x = 40.0
        for i, (text, w) in enumerate(zip(cells, widths)):
            cv.text(x + 3 if i == 0 else x + w - 3, yy, text, 8, bold=r == 0, align="l" if i == 0 else "r")
            x += w
        cv.c.rect(40, yy - 4, sum(widths), 13, stroke=1, fill=0)
        yy -= 13
    # the totals block: beside the summary, or under it
    block = _block(page, sums, charge, words)
    by = top if beside else yy - 14
    for j, (label, value) in enumerate(block):
        last = j == len(block) - 1
        cv.text(470, by, label, 9, bold=last, align="r")
        cv.text(552, by, value, 9, bold=last, align="r")
        by -= 13
    cv.text(40, min(by, yy) - 30, f"{page.L['sign']}: ____________________", 8)
    cv.save()


def _fpdf_head(page: f.Page) -> Any:
    """An fpdf2 document (fixed date and id: the same bytes each build) with the order's title
    and the buyer's name and address on its first page."""
    import logging

    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    po = page.po
    pdf = FPDF(format="A4")
    pdf.set_creation_date(g.FIXED_TIME)
    pdf.file_id = lambda: -1
    pdf.set_title(page.lab("title"))
    pdf.add_font("body", fname=g.LATIN_FONT)
    pdf.add_page()
    pdf.set_font("body", size=14)
    pdf.cell(0, 10, page.lab("title"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=10)
    pdf.cell(0, 6, po.buyer.name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=8)
    pdf.multi_cell(0, 4.5, "\n".join(po.buyer.address), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    return pdf


def _fpdf(path: Path, page: f.Page, sums: Sums, charge: str, beside: bool) -> None:
    from fpdf.fonts import FontFace

    words = WORDS[page.lang]
    pdf = _fpdf_head(page)
    with pdf.table(col_widths=(40, 60), width=100, align="LEFT", line_height=5, first_row_as_headings=False) as t:
        for label, value in page.header():
            t.row([label, value])
    pdf.ln(4)
    cols = page.columns()
    with pdf.table(
        col_widths=tuple(f.WEIGHTS[k] for k, _ in cols),
        line_height=5,
        text_align=tuple("RIGHT" if k in f.NUMERIC else "LEFT" for k, _ in cols),
        headings_style=FontFace(fill_color=(220, 220, 220)),
    ) as t:
        t.row([label for _, label in cols])
        for r in page.rows():
            t.row(r)
    pdf.ln(5)
    pdf.set_font("body", size=8)
    pdf.cell(0, 5, words.title, new_x="LMARGIN", new_y="NEXT")
    heads = _heads(words)
    top = pdf.get_y()
    with pdf.table(
        col_widths=tuple([24] + [26] * (len(heads) - 1)),
        width=24 + 26 * (len(heads) - 1),
        align="LEFT",
        line_height=5,
        text_align=tuple(["LEFT"] + ["RIGHT"] * (len(heads) - 1)),
        headings_style=FontFace(fill_color=(235, 235, 235)),
    ) as t:
        t.row(heads)
        for r in _summary_rows(page, sums, words):
            t.row(r)
    block = _block(page, sums, charge, words)
    if beside:
        pdf.set_y(top)
    else:
        pdf.ln(4)
    with pdf.table(
        col_widths=(40, 26),
        width=66,
        align="RIGHT",
        line_height=5,
        text_align=("LEFT", "RIGHT"),
        first_row_as_headings=False,
        borders_layout="NONE",
    ) as t:
        for label, value in block:
            t.row([label, value])
    pdf.output(str(path))


def _po(name: str, lang: str, k: int) -> g.PO:
    n = 2 + k % 4
    if lang in ("cs",):
        buyer = {p.lang: p for p in f.TRADE_BUYERS}[lang]
        return f.make_trade_po(name, buyer, n)
    buyers = [p for p in f.BUYERS if p.lang == lang]
    return f.make_po(name, buyers[k % len(buyers)], n, payment=True)


def build(b: Any) -> None:
    """Every family of this module, into ``b`` (a ``generate.Builder``) under ``wide/``."""
    build_summaries(b)
    build_placed(b)
    build_tables(b)
    build_money(b)


def build_summaries(b: Any) -> None:
    add, out = fl._adder(b)
    for k, (lang, producer, two_rates, charge, beside) in enumerate(PLAN):
        name = f"{lang}-totals-vat-summary-{k}"
        po = _po(name, lang, k)
        sums = _sums(po, lang, two_rates, charge, k)
        po.total = sums.gross
        page = f.Page(po, lang, variant=k % 2, totals=True)
        render = _reportlab if producer == "reportlab" else _fpdf
        render(out(f"pdf/{name}.pdf"), page, sums, charge, beside)
        add(f"pdf/{name}.pdf", page.golden(), producer, lang, "totals-vat-summary")
    for k, (lang, producer) in enumerate(MISMATCH):
        name = f"{lang}-totals-vat-mismatch-{k}"
        po = _po(name, lang, k + 5)
        sums = _sums(po, lang, k % 2 == 0, "", k)
        sums.gross += Decimal(10 + k)  # a gross the lines and the tax printed do not make
        po.total = sums.gross
        page = f.Page(po, lang, variant=k % 2, totals=True)
        render = _reportlab if producer == "reportlab" else _fpdf
        render(out(f"pdf/{name}.pdf"), page, sums, "", k % 2 == 0)
        add(f"pdf/{name}.pdf", page.golden(needs_review=True), producer, lang, "totals-vat-mismatch")


# --------------------------------------------------------------------------- where the total sits

# (language, layout, currency shown as): layout "colspan" puts the sums in rows of the lines
# table under a label spanning the first columns; "price-column" prints the total's amount under
# the price column, the amount column left empty; "side-table" prints the sums in a table of
# their own beside the lines'. Currency: "field" (a Currency label), "cell-prefix" ("€ 12,50" in
# every money cell), "cell-suffix" ("12.50 EUR"), "totals" (only the total's label names it).
PLACED = [
    ("en", "colspan", "cell-prefix"),
    ("de", "price-column", "cell-suffix"),
    ("it", "side-table", "totals"),
    ("fr", "colspan", "cell-suffix"),
    ("es", "price-column", "totals"),
    ("nl", "side-table", "cell-prefix"),
    ("pl", "colspan", "totals"),
    ("en", "price-column", "field"),
]
SIGN = {"EUR": "€", "USD": "$", "GBP": "£", "PLN": "zł"}
PLACED_TAX = {"en": ("Subtotal", "Sales Tax", "Total"), "pl": ("Razem netto", "VAT", "Razem brutto")}


def _money(page: f.Page, value: Decimal, how: str) -> str:
    text = page.n(value)
    code = page.po.currency
    if how == "cell-prefix":
        return f"{SIGN.get(code, code)} {text}" if code != "PLN" else f"{text} zł"
    if how == "cell-suffix":
        return f"{text} {code}"
    return text


def _placed_html(page: f.Page, sums: Sums, layout: str, how: str) -> str:
    from html import escape as e

    po = page.po
    words = WORDS.get(page.lang)
    net_word, tax_word, gross_word = (
        (words.net, words.tax, words.gross) if words else PLACED_TAX.get(page.lang, PLACED_TAX["en"])
    )
    cols = page.columns()
    keys = [k for k, _ in cols]
    money = {"price", "amount"}
    head = "".join(f"<th>{e(label)}</th>" for _, label in cols)
    body = ""
    for i, ln in enumerate(po.lines, 1):
        cells = [
            _money(page, getattr(ln, k if k == "amount" else "price"), how) if k in money else page.cell(i, ln, k)
            for k in keys
        ]
        body += (
            "<tr>"
            + "".join(f"<td{' align=right' if k in f.NUMERIC else ''}>{e(c)}</td>" for k, c in zip(keys, cells))
            + "</tr>"
        )
    gross_label = gross_word if how != "totals" else f"{gross_word} ({po.currency})"
    sums_rows = [(net_word, sums.net), (tax_word, sums.tax), (gross_label, sums.gross)]
    meta = "".join(f"<tr><td><b>{e(label)}</b></td><td>{e(value)}</td></tr>" for label, value in page.header())
    after = ""
    if layout == "colspan":
        span = len(keys) - 1
        for label, value in sums_rows:
            body += f"<tr><td colspan={span} align=right><b>{e(label)}</b></td><td align=right>{e(_money(page, value, how))}</td></tr>"
    elif layout == "price-column":
        at = keys.index("price")
        for label, value in sums_rows:
            body += (
                f"<tr><td colspan={at} align=right><b>{e(label)}</b></td><td align=right>{e(_money(page, value, how))}</td>"
                + "<td></td>" * (len(keys) - at - 1)
                + "</tr>"
            )
    else:
        side = "".join(
            f"<tr><td>{e(label)}</td><td align=right>{e(_money(page, value, how))}</td></tr>"
            for label, value in sums_rows
        )
        after = f"<table border=1 cellspacing=0 style='float:right;margin-top:8px'>{side}</table>"
    return (
        f"<!DOCTYPE html><html lang='{page.lang}'><head><meta charset='utf-8'><title>{e(po.number)}</title></head><body>"
        f"<h2>{e(page.lab('title'))}</h2><p><b>{e(po.buyer.name)}</b><br>{'<br>'.join(e(t) for t in po.buyer.address)}</p>"
        f"<table>{meta}</table><br><table border=1 cellspacing=0 width='100%'><tr>{head}</tr>{body}</table>{after}"
        "</body></html>"
    )


def build_placed(b: Any) -> None:
    add, out = fl._adder(b)
    for k, (lang, layout, how) in enumerate(PLACED):
        name = f"{lang}-totals-placed-{layout}-{k}"
        po = _po(name, lang, k + 3)
        if lang in WORDS:
            sums = _sums(po, lang, False, "", k)
        else:  # one rate
            net = sum((ln.amount for ln in po.lines), Decimal(0))
            rate = {"es": Decimal(21), "nl": Decimal(21)}[lang]
            sums = Sums([(f"{rate}%", net, _q(net * rate / 100))], net, _q(net * rate / 100), Decimal(0), Decimal(0))
            sums.gross = sums.net + sums.tax
        po.total = sums.gross
        page = f.Page(po, lang, variant=k % 2, currency_field=how == "field")
        out(f"html/{name}.html").write_text(_placed_html(page, sums, layout, how), encoding="utf-8")
        add(f"html/{name}.html", page.golden(), "html", lang, "totals-placed")


# --------------------------------------------------------------------------- lines with more columns, more tables

DISCOUNT_HEADS = {  # list price, discount %, net price
    "en": ("List Price", "Disc. %", "Net Price"),
    "de": ("Listenpreis", "Rabatt %", "Nettopreis"),
    "it": ("Prezzo listino", "Sconto %", "Prezzo netto"),
    "fr": ("Prix catalogue", "Remise %", "Prix net"),
    "es": ("Precio tarifa", "Dto. %", "Precio neto"),
    "pl": ("Cena katalogowa", "Rabat %", "Cena netto"),
}
PLAN_HEADS = {  # a delivery schedule under the lines: its title and columns (line, item, date, quantity)
    "en": ("Delivery schedule", ("Line", "Item", "Date", "Qty")),
    "de": ("Lieferplan", ("Pos.", "Material", "Termin", "Menge")),
    "it": ("Piano di consegna", ("Riga", "Articolo", "Data", "Q.tà")),
    "fr": ("Échéancier de livraison", ("Ligne", "Article", "Date", "Qté")),
    "es": ("Plan de entregas", ("Línea", "Artículo", "Fecha", "Cant.")),
    "pl": ("Harmonogram dostaw", ("Poz.", "Indeks", "Data", "Ilość")),
}
# (language, producer, discount columns, delivery plan, and: the code alone on the row under the
# line, after its label, bare in the item column or under the position number ("pos"); or "pages": the lines over two pages, the
# second with no header and no carried-forward row)
TABLES = [
    ("en", "reportlab", True, False, False),
    ("de", "fpdf2", True, True, False),
    ("it", "reportlab", True, True, False),
    ("fr", "fpdf2", False, True, False),
    ("es", "reportlab", True, False, False),
    ("pl", "fpdf2", True, True, False),
    ("en", "fpdf2", False, False, "label"),
    ("de", "reportlab", False, True, "label"),
    ("en", "reportlab", False, False, "bare"),
    ("it", "fpdf2", True, False, "bare"),
    ("de", "fpdf2", False, False, "pages"),
    ("en", "reportlab", True, False, "pages"),
    ("pl", "reportlab", False, True, "pages"),
    ("en", "reportlab", False, False, "pos"),
    ("es", "fpdf2", True, False, "pos"),
]


def _discounted(po: g.PO, k: int) -> list[tuple[Decimal, Decimal]]:
    """(list price, discount %) per line; each line's price becomes the net price after it."""
    out = []
    for j, ln in enumerate(po.lines):
        disc = Decimal((5, 10, 12, 15, 20, 25)[(j + k) % 6])
        places = ln.price.as_tuple().exponent
        listed = (ln.price / (1 - disc / 100)).quantize(Decimal(1).scaleb(places), rounding=ROUND_HALF_UP)
        ln.price = (listed * (1 - disc / 100)).quantize(Decimal(1).scaleb(places), rounding=ROUND_HALF_UP)
        ln.amount = _q(ln.qty * ln.price)
        out.append((listed, disc))
    po.total = sum((ln.amount for ln in po.lines), Decimal(0))
    return out


def _table_rows(
    page: f.Page, discounts: list[tuple[Decimal, Decimal]] | None, code_under: bool
) -> tuple[list[str], list[list[str]], list[bool]]:
    """The lines table: its header, its rows, and which columns are numbers."""
    po, n = page.po, page.n
    labels = dict(page.columns())
    keys = ["no", "desc", "qty", "unit"] if code_under in ("label", "pos") else ["no", "item", "desc", "qty", "unit"]
    head = [labels[k] for k in keys]
    numeric = [k in f.NUMERIC for k in keys]
    if discounts:
        head += [*DISCOUNT_HEADS[page.lang], labels["amount"]]
    else:
        head += [labels["price"], labels["amount"]]
    numeric += [True] * (len(head) - len(keys))
    rows = []
    for i, ln in enumerate(po.lines, 1):
        cells = ["" if code_under == "bare" and k == "item" else page.cell(i, ln, k) for k in keys]
        if discounts:
            listed, disc = discounts[i - 1]
            cells += [n(listed), g.fmt_num(disc, page.L["num"], 0), n(ln.price), n(ln.amount)]
        else:
            cells += [n(ln.price), n(ln.amount)]
        rows.append(cells)
        if code_under == "label":  # the code alone under the description, after its label
            rows.append(["", f"{labels['item']}: {ln.item}", *[""] * (len(head) - 2)])
        elif code_under == "bare":  # the code alone in the item column of the row under the line
            rows.append(["", ln.item, *[""] * (len(head) - 2)])
        elif code_under == "pos":  # the code alone under the position number, no item column
            rows.append([ln.item, *[""] * (len(head) - 1)])
    return head, rows, numeric


def _first_weight(rows: list[list[str]]) -> float:
    """The position column is narrow, unless codes are printed in it (under their line)."""
    return 1.4 if any(any(c.isalpha() for c in r[0]) for r in rows) else 0.5


def _plan_rows(page: f.Page) -> tuple[str, list[str], list[list[str]]]:
    title, heads = PLAN_HEADS[page.lang]
    rows = []
    for i, ln in enumerate(page.po.lines, 1):
        first = (ln.qty / 2).quantize(Decimal(1))
        assert page.po.delivery is not None
        for part, when in ((first, page.po.delivery), (ln.qty - first, page.po.delivery + timedelta(days=14))):
            rows.append([str(i), ln.item, page.d(when), page.n(part)])
    return title, list(heads), rows


def _tables_reportlab(
    path: Path,
    page: f.Page,
    head: list[str],
    rows: list[list[str]],
    numeric: list[bool],
    plan: bool,
    sums: Sums | None,
    break_at: int | None = None,
) -> None:
    cv = f.Canvas(path, page)
    sheet = fl.Sheet(cv, page)
    sheet.letterhead(with_fields=True)
    weights = [_first_weight(rows) if h == head[0] else 1.0 for h in head]
    weights[head.index(dict(page.columns())["desc"])] = 3.2
    total_w = sum(weights)
    widths = [515 * w / total_w for w in weights]

    def grid(y: float, head: list[str], rows: list[list[str]], widths: list[float], numeric: list[bool]) -> float:
        for r, cells in enumerate([head, *rows]):
            x = 40.0
            for text, w, num in zip(cells, widths, numeric):
                cv.text(x + w - 3 if num else x + 3, y, text, 7.5, bold=r == 0, align="r" if num else "l")
                x += w
            cv.c.rect(40, y - 4, sum(widths), 12, stroke=1, fill=0)
            y -= 12
        return y

    if break_at is None:
        y = grid(sheet.y, head, rows, widths, numeric)
    else:  # the rest on the next page: no header, no carried-forward row
        grid(sheet.y, head, rows[:break_at], widths, numeric)
        cv.text(40, 40, page.L["page"].format(n=1, m=2), 7)
        cv.next_page()
        y = grid(cv.H - 60, rows[break_at], rows[break_at + 1 :], widths, numeric)
    if sums is None:
        cv.text(470, y - 14, f"{page.lab('total')} {page.po.currency}", 9, bold=True, align="r")
        cv.text(552, y - 14, page.n(page.po.total or Decimal(0)), 9, bold=True, align="r")
        y -= 40
    else:
        words = WORDS[page.lang]
        y -= 16
        cv.text(40, y, words.title, 8.5, bold=True)
        summary = grid(
            y - 13,
            _heads(words),
            _summary_rows(page, sums, words),
            [70.0] + [72.0] * (len(_heads(words)) - 1),
            [False] + [True] * (len(_heads(words)) - 1),
        )
        by = y - 13
        for j, (label, value) in enumerate(_block(page, sums, "", words)):
            cv.text(470, by, label, 8.5, bold=j == 2, align="r")
            cv.text(552, by, value, 8.5, bold=j == 2, align="r")
            by -= 12
        y = min(summary, by) - 10
    if plan:
        title, heads, plan_rows = _plan_rows(page)
        cv.text(40, y, title, 8.5, bold=True)
        grid(y - 13, heads, plan_rows, [40.0, 90.0, 80.0, 60.0], [True, False, False, True])
    cv.save()


def _tables_fpdf(
    path: Path,
    page: f.Page,
    head: list[str],
    rows: list[list[str]],
    numeric: list[bool],
    plan: bool,
    sums: Sums | None,
    break_at: int | None = None,
) -> None:
    from fpdf.fonts import FontFace

    po = page.po
    pdf = _fpdf_head(page)
    for label, value in page.header():
        pdf.cell(0, 5, f"{label}: {value}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("body", size=7)
    weights = [1.0] * len(head)
    weights[0] = _first_weight(rows)
    weights[head.index(dict(page.columns())["desc"])] = 3.2
    parts = [rows] if break_at is None else [rows[:break_at], rows[break_at:]]
    for n, part in enumerate(parts):
        if n:  # the rest on the next page: no header, no carried-forward row
            pdf.add_page()
        with pdf.table(
            col_widths=tuple(weights),
            line_height=4.5,
            text_align=tuple("RIGHT" if num else "LEFT" for num in numeric),
            headings_style=FontFace(fill_color=(220, 220, 220)),
            first_row_as_headings=n == 0,
        ) as t:
            if n == 0:
                t.row(head)
            for r in part:
                t.row(r)
    pdf.ln(3)
    if sums is None:
        pdf.set_font("body", size=9)
        pdf.cell(
            0,
            6,
            f"{page.lab('total')} {po.currency}: {page.n(po.total or Decimal(0))}",
            align="R",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    else:
        words = WORDS[page.lang]
        pdf.cell(0, 5, words.title, new_x="LMARGIN", new_y="NEXT")
        heads = _heads(words)
        with pdf.table(
            col_widths=tuple([24] + [26] * (len(heads) - 1)),
            width=24 + 26 * (len(heads) - 1),
            align="LEFT",
            line_height=4.5,
            text_align=tuple(["LEFT"] + ["RIGHT"] * (len(heads) - 1)),
            headings_style=FontFace(fill_color=(235, 235, 235)),
        ) as t:
            t.row(heads)
            for r in _summary_rows(page, sums, words):
                t.row(r)
        pdf.ln(2)
        with pdf.table(
            col_widths=(40, 26),
            width=66,
            align="RIGHT",
            line_height=4.5,
            text_align=("LEFT", "RIGHT"),
            first_row_as_headings=False,
        ) as t:
            for label, value in _block(page, sums, "", words):
                t.row([label, value])
    if plan:
        title, heads, plan_rows = _plan_rows(page)
        pdf.ln(3)
        pdf.cell(0, 5, title, new_x="LMARGIN", new_y="NEXT")
        with pdf.table(
            col_widths=(12, 30, 26, 20),
            width=88,
            align="LEFT",
            line_height=4.5,
            headings_style=FontFace(fill_color=(235, 235, 235)),
        ) as t:
            t.row(heads)
            for r in plan_rows:
                t.row(r)
    pdf.output(str(path))


def _long_po(name: str, lang: str, k: int) -> g.PO:
    buyers = [p for p in f.BUYERS if p.lang == lang]
    return f.make_po(name, buyers[k % len(buyers)], 13 + k % 3, payment=True)


def build_tables(b: Any) -> None:
    add, out = fl._adder(b)
    for k, (lang, producer, discount, plan, code_under) in enumerate(TABLES):
        name = f"{lang}-lines-tables-{k}"
        po = _po(name, lang, k + 7) if code_under != "pages" else _long_po(name, lang, k)
        discounts = _discounted(po, k) if discount else None
        sums = None
        if lang in WORDS and k % 2 == 1:
            sums = _sums(po, lang, k % 4 == 1, "", k)
            po.total = sums.gross
        page = f.Page(po, lang, variant=k % 2)
        head, rows, numeric = _table_rows(page, discounts, code_under)
        render = _tables_reportlab if producer == "reportlab" else _tables_fpdf
        break_at = len(rows) * 2 // 3 if code_under == "pages" else None
        render(out(f"pdf/{name}.pdf"), page, head, rows, numeric, plan, sums, break_at)
        family = (
            "lines-continued-bare"
            if code_under == "pages"
            else "lines-code-under"
            if code_under
            else "lines-discount"
            if discount
            else "lines-delivery-plan"
        )
        if plan:  # each line is delivered in two parts: its date is the first, and a person plans the rest
            for ln in po.lines:
                ln.date = po.delivery
        add(f"pdf/{name}.pdf", page.golden(needs_review=plan), producer, lang, family)


# --------------------------------------------------------------------------- currencies written with the amounts

# (language, currency, factor from US dollars, how the money cells print it, a second currency
# shown beside the total for information: (code, rate) or None)
MONEY = [
    ("en", "NGN", Decimal("1550"), "₦{}", None),
    ("en", "UZS", Decimal("12700"), "{} so'm", None),
    ("en", "EUR", Decimal("0.92"), "{}", ("USD", Decimal("1.0870"))),
    ("de", "EUR", Decimal("0.92"), "{} €", ("CHF", Decimal("0.9410"))),
    ("fr", "EUR", Decimal("0.92"), "{} €", ("USD", Decimal("1.0870"))),
    ("en", "NGN", Decimal("1550"), "NGN {}", None),
]


def _in_currency(po: g.PO, code: str, factor: Decimal, base: Decimal) -> None:
    """The order's prices in ``code``: each price × ``factor`` / ``base`` to the cent."""
    for ln in po.lines:
        ln.price = _q(ln.price * factor / base)
        if ln.price == 0:
            ln.price = CENT
        ln.amount = _q(ln.qty * ln.price)
    po.currency = code
    po.total = sum((ln.amount for ln in po.lines), Decimal(0))


def _money_html(page: f.Page, shape: str, second: tuple[str, Decimal] | None) -> str:
    from html import escape as e

    po = page.po
    cols = page.columns()
    keys = [k for k, _ in cols]
    head = "".join(f"<th>{e(label)}</th>" for _, label in cols)
    body = ""
    for i, ln in enumerate(po.lines, 1):
        cells = [
            shape.format(page.n(ln.price if k == "price" else ln.amount))
            if k in ("price", "amount")
            else page.cell(i, ln, k)
            for k in keys
        ]
        body += "<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>"
    total = po.total or Decimal(0)
    label = page.lab("total")
    sums = f"<tr><td colspan={len(keys) - 1} align=right><b>{e(label)}</b></td><td>{e(shape.format(page.n(total)))}</td></tr>"
    note = ""
    if second:
        code, rate = second
        note = f"<p>{e(label)} {code}: {e(page.n(_q(total * rate)))} ({po.currency} 1 = {code} {rate})</p>"
    meta = "".join(f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in page.header())
    return (
        f"<!DOCTYPE html><html lang='{page.lang}'><head><meta charset='utf-8'><title>{e(po.number)}</title></head><body>"
        f"<h2>{e(page.lab('title'))}</h2><p><b>{e(po.buyer.name)}</b><br>{'<br>'.join(e(t) for t in po.buyer.address)}</p>"
        f"<table>{meta}</table><br><table border=1 cellspacing=0 width='100%'><tr>{head}</tr>{body}{sums}</table>{note}"
        "</body></html>"
    )


def build_money(b: Any) -> None:
    add, out = fl._adder(b)
    for k, (lang, code, factor, shape, second) in enumerate(MONEY):
        name = f"{lang}-totals-currency-{code.lower()}-{k}"
        po = _po(name, lang, k + 2)
        base = f.RATES[po.currency]
        _in_currency(po, code, factor, base)
        page = f.Page(po, lang, variant=k % 2, currency_field=second is not None)
        out(f"html/{name}.html").write_text(_money_html(page, shape, second), encoding="utf-8")
        add(f"html/{name}.html", page.golden(), "html", lang, "totals-currency")
