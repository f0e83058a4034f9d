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
"""

from __future__ import annotations

from dataclasses import dataclass
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


def _fpdf(path: Path, page: f.Page, sums: Sums, charge: str, beside: bool) -> None:
    import logging

    from fpdf import FPDF
    from fpdf.fonts import FontFace

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    words = WORDS[page.lang]
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
