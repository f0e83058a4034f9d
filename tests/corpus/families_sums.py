"""Totals printed where readers miss them, prices in two currencies, sizes inside descriptions
(``wide/*/*-sums-*``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from
a ground truth made here (the lines, the tax, the charges, the discount, the rate of a second
currency) and its golden file comes from that truth, never from mailflow's output. The order's
total is the grand total the document prints. The families:

* ``sums-box-beside``: the sums (net, tax, total) in a ruled box to the right of a narrow lines
  table, level with its first rows, not under it.
* ``sums-footer-band``: the total only in the page's footer band, beside the page number, far
  under the lines.
* ``sums-grand-after-incl``: a "total including tax" row, then a charge, then the grand total
  that is the order's.
* ``sums-carried``: the lines over two or three pages, each page closing on a carried-forward
  row ("Carried forward", "Übertrag", "À reporter", "次頁へ繰越") and the next opening on the
  amount brought forward; only the last page prints the total.
* ``sums-currency-below``: the total's amount with its currency code alone on the line under it.
* ``sums-discount``: a discount on the whole order in the totals block, printed negative
  ("-123.45", "(123.45)", "123.45-", "△123"), then tax and the total.
* ``sums-two-currencies``: a price and an amount column in the order's currency beside the same
  in another currency at a stated rate ("Unit Price USD" / "Unit Price EUR", "单价(USD)" /
  "单价(CNY)", "単価(円)" / "単価(USD)"): the lines and the total are the order's currency's.
* ``sums-spec-in-desc``: descriptions holding sizes that look like codes ("M6x20", "M8x1.25",
  "10x20mm", "Φ12", "DN50", '1/4"-20 UNC', "3x2.5mm²") beside an item column of their own.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import families as f
import families_lines as fl
import generate as g

CENT = Decimal("0.01")
SIZE = 8.0
LEAD = 11.0


def _q(value: Decimal, places: Decimal = CENT) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP)


# how each language words the sums: net, tax (with its rate), total incl. tax, charge, grand total,
# discount, carried forward, brought forward
WORDS: dict[str, dict[str, str]] = {
    "en": dict(
        net="Subtotal",
        tax="VAT {r}%",
        incl="Total incl. VAT",
        charge="Freight",
        grand="Grand Total",
        discount="Discount {r}%",
        carried="Carried forward",
        brought="Brought forward",
        total="Total",
        rate="Exchange rate",
    ),
    "de": dict(
        net="Nettobetrag",
        tax="MwSt. {r}%",
        incl="Gesamt inkl. MwSt.",
        charge="Fracht",
        grand="Gesamtbetrag",
        discount="Rabatt {r}%",
        carried="Übertrag",
        brought="Übertrag",
        total="Gesamtsumme",
        rate="Wechselkurs",
    ),
    "fr": dict(
        net="Total HT",
        tax="TVA {r}%",
        incl="Total TTC",
        charge="Frais de port",
        grand="Net à payer",
        discount="Remise {r}%",
        carried="À reporter",
        brought="Report",
        total="Total TTC",
        rate="Taux de change",
    ),
    "nl": dict(
        net="Subtotaal",
        tax="BTW {r}%",
        incl="Totaal incl. BTW",
        charge="Vracht",
        grand="Eindtotaal",
        discount="Korting {r}%",
        carried="Transport",
        brought="Transport",
        total="Totaal",
        rate="Wisselkoers",
    ),
    "it": dict(
        net="Imponibile",
        tax="IVA {r}%",
        incl="Totale IVA inclusa",
        charge="Trasporto",
        grand="Totale documento",
        discount="Sconto {r}%",
        carried="A riportare",
        brought="Riporto",
        total="Totale ordine",
        rate="Cambio",
    ),
    "es": dict(
        net="Base imponible",
        tax="IVA {r}%",
        incl="Total IVA incluido",
        charge="Portes",
        grand="Total a pagar",
        discount="Descuento {r}%",
        carried="Suma y sigue",
        brought="Suma anterior",
        total="Importe total",
        rate="Tipo de cambio",
    ),
    "ja": dict(
        net="小計",
        tax="消費税({r}%)",
        incl="税込合計",
        charge="運賃",
        grand="総合計",
        discount="値引({r}%)",
        carried="次頁へ繰越",
        brought="前頁より繰越",
        total="合計金額",
        rate="換算レート",
    ),
    "zh-Hans": dict(
        net="小计",
        tax="增值税 {r}%",
        incl="含税合计",
        charge="运费",
        grand="总计",
        discount="折扣 {r}%",
        carried="转下页",
        brought="承上页",
        total="合计金额",
        rate="汇率",
    ),
}
RATE = {"en": Decimal("20"), "de": Decimal("19"), "fr": Decimal("20"), "nl": Decimal("21"), "it": Decimal("22")}
RATE.update({"es": Decimal("21"), "ja": Decimal("10"), "zh-Hans": Decimal("13")})


def _po(name: str, lang: str, n: int, k: int) -> g.PO:
    buyers = [p for p in f.BUYERS if p.lang == lang]
    return f.make_po(name, buyers[k % len(buyers)], n, payment=True)


def _places(po: g.PO) -> Decimal:
    return Decimal(1) if po.currency in ("JPY", "TWD") else CENT


class Drawn:
    """A page drawn top-down by reportlab: a letterhead with the header fields, tables at given
    column edges."""

    def __init__(self, path: Path, page: f.Page) -> None:
        self.cv = f.Canvas(path, page)
        self.page = page
        self.sheet = fl.Sheet(self.cv, page)
        self.sheet.letterhead(with_fields=True)
        self.y = self.sheet.y

    def row(self, cells: list[tuple[float, str, str]], bold: bool = False, size: float = SIZE) -> None:
        for x, text, align in cells:
            if text:
                self.cv.text(x, self.y, text, size, bold=bold, align=align)
        self.y -= LEAD


def _edges(keys: list[str], x0: float, width: float, narrow: bool = False) -> list[tuple[float, str]]:
    """(x, align) per column: left edge for text, right edge for numbers; ``narrow``: a shorter
    description column, for tables of many number columns."""
    weights = {
        "no": 0.4,
        "item": 1.3,
        "desc": 2.6 if narrow else 3.6,
        "qty": 0.9,
        "unit": 0.6,
        "price": 1.2,
        "amount": 1.4,
    }
    weights.update({"price2": 1.4, "amount2": 1.4})
    total = sum(weights[k] for k in keys)
    out, x = [], x0
    for k in keys:
        w = width * weights[k] / total
        numeric = k in ("no", "qty", "price", "amount", "price2", "amount2")
        out.append((x + w - 3, "r") if numeric else (x + 3, "l"))
        x += w
    return out


def _table(
    d: Drawn, keys: list[str], labels: list[str], rows: list[list[str]], x0: float, width: float, narrow: bool = False
) -> None:
    edges = _edges(keys, x0, width, narrow)
    d.cv.line(x0, d.y + LEAD - 2, x0 + width, d.y + LEAD - 2)
    size = 7.0 if narrow else SIZE
    d.row([(x, lab, a) for (x, a), lab in zip(edges, labels)], bold=True, size=size)
    d.cv.line(x0, d.y + LEAD - 2, x0 + width, d.y + LEAD - 2)
    for r in rows:
        d.row([(x, t, a) for (x, a), t in zip(edges, r)], size=size)
    d.cv.line(x0, d.y + LEAD - 2, x0 + width, d.y + LEAD - 2)


def _sums_block(d: Drawn, pairs: list[tuple[str, str]], x_label: float, x_value: float, bold_last: bool = True) -> None:
    for j, (label, value) in enumerate(pairs):
        last = j == len(pairs) - 1
        d.cv.text(x_label, d.y, label, 9, bold=last and bold_last, align="r")
        d.cv.text(x_value, d.y, value, 9, bold=last and bold_last, align="r")
        d.y -= 13


def _taxed(po: g.PO, lang: str, charge: Decimal = Decimal(0), discount: Decimal = Decimal(0)) -> dict[str, Decimal]:
    """net, discount amount, tax, charge and grand total of ``po``; sets ``po.total``."""
    places = _places(po)
    net = sum((ln.amount for ln in po.lines), Decimal(0))
    off = _q(net * discount / 100, places)
    tax = _q((net - off + charge) * RATE[lang] / 100, places)
    gross = net - off + tax
    grand = gross + charge
    po.total = grand
    return {"net": net, "off": off, "tax": tax, "gross": gross, "charge": charge, "grand": grand}


KEYS = ["no", "item", "desc", "qty", "unit", "price", "amount"]


# --------------------------------------------------------------------------- the sums beside the table

BESIDE = [("en", 0), ("de", 1), ("ja", 0), ("fr", 1), ("zh-Hans", 0)]


def _beside(path: Path, page: f.Page, sums: dict[str, Decimal], with_tax: bool) -> None:
    d = Drawn(path, page)
    w = WORDS[page.lang]
    n = page.n
    keys = [k for k in KEYS if k != "no"]
    labels = [dict(page.columns())[k] for k in keys]
    top = d.y
    rows = [[page.cell(i, ln, k) for k in keys] for i, ln in enumerate(page.po.lines, 1)]
    _table(d, keys, labels, rows, 40, 375, narrow=True)
    bottom = d.y
    # level with the header (three rows of sums), or with the last line (the total alone)
    d.y = top if with_tax else bottom + LEAD
    d.cv.box(428, d.y - 13 * (3 if with_tax else 1) + 9, 127, 13 * (3 if with_tax else 1) + 2)
    pairs = []
    if with_tax:
        pairs = [(w["net"], n(sums["net"])), (w["tax"].format(r=n(RATE[page.lang])), n(sums["tax"]))]
    pairs.append((f"{w['total']} {page.po.currency}", n(sums["grand"])))
    _sums_block(d, pairs, 500, 552)
    d.y = min(d.y, bottom) - 30
    d.cv.text(40, d.y, f"{page.L['sign']}: ____________________", 8)
    d.cv.save()


# --------------------------------------------------------------------------- the total in the footer band

FOOTER = [("en", False), ("fr", True), ("zh-Hans", False), ("de", True)]


def _footer(path: Path, page: f.Page, sums: dict[str, Decimal], with_tax: bool) -> None:
    d = Drawn(path, page)
    w = WORDS[page.lang]
    n = page.n
    labels = [dict(page.columns())[k] for k in KEYS]
    _table(d, KEYS, labels, [[page.cell(i, ln, k) for k in KEYS] for i, ln in enumerate(page.po.lines, 1)], 40, 515)
    d.y -= 20
    d.cv.text(40, d.y, f"{page.L['sign']}: ____________________", 8)
    # the footer band, at the page's foot
    d.cv.line(40, 62, 555, 62)
    d.cv.box(40, 34, 515, 26, fill=0.92)
    x = 48.0
    if with_tax:
        d.cv.text(x, 44, f"{w['net']}: {n(sums['net'])}", 8)
        d.cv.text(x + 130, 44, f"{w['tax'].format(r=n(RATE[page.lang]))}: {n(sums['tax'])}", 8)
    d.cv.text(470, 44, f"{w['total']} ({page.po.currency})", 9, bold=True, align="r")
    d.cv.text(550, 44, n(sums["grand"]), 9, bold=True, align="r")
    d.cv.text(297, 22, page.L["page"].format(n=1, m=1), 7, align="c")
    d.cv.save()


# --------------------------------------------------------------------------- a grand total after the tax-included one

GRAND = [("en", "reportlab"), ("de", "fpdf2"), ("fr", "reportlab"), ("ja", "reportlab"), ("it", "fpdf2")]


def _grand_pairs(page: f.Page, sums: dict[str, Decimal]) -> list[tuple[str, str]]:
    w = WORDS[page.lang]
    n = page.n
    return [
        (w["net"], n(sums["net"])),
        (w["tax"].format(r=n(RATE[page.lang])), n(sums["tax"])),
        (w["incl"], n(sums["gross"])),
        (w["charge"], n(sums["charge"])),
        (f"{w['grand']} {page.po.currency}", n(sums["grand"])),
    ]


def _grand_reportlab(path: Path, page: f.Page, sums: dict[str, Decimal]) -> None:
    d = Drawn(path, page)
    labels = [dict(page.columns())[k] for k in KEYS]
    _table(d, KEYS, labels, [[page.cell(i, ln, k) for k in KEYS] for i, ln in enumerate(page.po.lines, 1)], 40, 515)
    d.y -= 8
    _sums_block(d, _grand_pairs(page, sums), 470, 552)
    d.cv.save()


def _fpdf_lines(pdf: Any, page: f.Page, keys: list[str], labels: list[str], rows: list[list[str]]) -> None:
    from fpdf.fonts import FontFace

    weights = {"no": 7, "item": 24, "desc": 56 if "price2" in keys else 60, "qty": 16, "unit": 12}
    weights.update({"price": 22, "amount": 26, "price2": 22, "amount2": 26})
    with pdf.table(
        col_widths=tuple(weights[k] for k in keys),
        line_height=5,
        text_align=tuple("RIGHT" if k in ("qty", "price", "amount", "price2", "amount2") else "LEFT" for k in keys),
        headings_style=FontFace(fill_color=(220, 220, 220)),
    ) as t:
        t.row(labels)
        for r in rows:
            t.row(r)


def _fpdf_start(page: f.Page) -> Any:
    import families_totals as ft

    pdf = ft._fpdf_head(page)
    with pdf.table(col_widths=(40, 60), width=100, align="LEFT", line_height=5, first_row_as_headings=False) as t:
        for label, value in page.header():
            t.row([label, value])
    pdf.ln(4)
    return pdf


def _fpdf_block(pdf: Any, pairs: list[tuple[str, str]]) -> None:
    pdf.ln(4)
    with pdf.table(
        col_widths=(44, 26),
        width=70,
        align="RIGHT",
        line_height=5,
        text_align=("LEFT", "RIGHT"),
        first_row_as_headings=False,
        borders_layout="NONE",
    ) as t:
        for label, value in pairs:
            t.row([label, value])


def _grand_fpdf(path: Path, page: f.Page, sums: dict[str, Decimal]) -> None:
    pdf = _fpdf_start(page)
    labels = [dict(page.columns())[k] for k in KEYS]
    _fpdf_lines(pdf, page, KEYS, labels, [[page.cell(i, ln, k) for k in KEYS] for i, ln in enumerate(page.po.lines, 1)])
    _fpdf_block(pdf, _grand_pairs(page, sums))
    pdf.output(str(path))


# --------------------------------------------------------------------------- carried forward from page to page

# (language, pages, the words at the foot of a page and at the head of the next; None: the language's)
CARRIED: list[tuple[str, int, tuple[str, str] | None]] = [
    ("en", 2, None),
    ("de", 3, None),
    ("fr", 2, None),
    ("ja", 2, None),
    ("zh-Hans", 2, None),
    ("it", 2, None),
    ("es", 3, None),
    ("en", 2, ("Carried fwd", "Brought fwd")),
    ("de", 2, ("Übertrag", "Vortrag")),
    ("fr", 2, ("Total à reporter", "Report")),
]


def _carried(path: Path, page: f.Page, pages: int, words: tuple[str, str] | None) -> None:
    d = Drawn(path, page)
    w = dict(WORDS[page.lang])
    if words:
        w["carried"], w["brought"] = words
    n = page.n
    po = page.po
    labels = [dict(page.columns())[k] for k in KEYS]
    edges = _edges(KEYS, 40, 515)
    per = -(-len(po.lines) // pages)
    running = Decimal(0)
    for p in range(pages):
        chunk = list(enumerate(po.lines, 1))[p * per : (p + 1) * per]
        if p:
            d.cv.next_page()
            d.y = d.cv.H - 60
            d.cv.text(40, d.y, f"{page.lab('po')}: {po.number}", 8)
            d.y -= 2 * LEAD
        d.row([(x, lab, a) for (x, a), lab in zip(edges, labels)], bold=True)
        d.cv.line(40, d.y + LEAD - 2, 555, d.y + LEAD - 2)
        if p:
            d.row([(edges[2][0], w["brought"], "l"), (edges[-1][0], n(running), "r")], bold=True)
        for i, ln in chunk:
            d.row([(x, page.cell(i, ln, k), a) for (x, a), k in zip(edges, KEYS)])
            running += ln.amount
        d.cv.line(40, d.y + LEAD - 2, 555, d.y + LEAD - 2)
        if p < pages - 1:
            d.row([(edges[2][0], w["carried"], "l"), (edges[-1][0], n(running), "r")], bold=True)
        else:
            d.row([(edges[2][0], f"{w['total']} {po.currency}", "l"), (edges[-1][0], n(running), "r")], bold=True)
        d.cv.text(297, 30, page.L["page"].format(n=p + 1, m=pages), 7, align="c")
    d.cv.save()


# --------------------------------------------------------------------------- the currency under the total

BELOW = [("en", "reportlab"), ("it", "fpdf2"), ("es", "reportlab"), ("nl", "fpdf2")]


def _below_reportlab(path: Path, page: f.Page, sums: dict[str, Decimal]) -> None:
    d = Drawn(path, page)
    w = WORDS[page.lang]
    labels = [dict(page.columns())[k] for k in KEYS]
    _table(d, KEYS, labels, [[page.cell(i, ln, k) for k in KEYS] for i, ln in enumerate(page.po.lines, 1)], 40, 515)
    d.y -= 10
    d.cv.text(470, d.y, w["total"], 10, bold=True, align="r")
    d.cv.text(552, d.y, page.n(sums["grand"]), 10, bold=True, align="r")
    d.y -= 12
    d.cv.text(552, d.y, page.po.currency, 9, align="r")
    d.cv.save()


def _below_fpdf(path: Path, page: f.Page, sums: dict[str, Decimal]) -> None:
    w = WORDS[page.lang]
    pdf = _fpdf_start(page)
    labels = [dict(page.columns())[k] for k in KEYS]
    _fpdf_lines(pdf, page, KEYS, labels, [[page.cell(i, ln, k) for k in KEYS] for i, ln in enumerate(page.po.lines, 1)])
    pdf.ln(4)
    pdf.set_font("body", size=10)
    pdf.cell(150, 5, w["total"], align="R")
    pdf.cell(0, 5, page.n(sums["grand"]), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(150, 5, "")
    pdf.cell(0, 5, page.po.currency, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


# --------------------------------------------------------------------------- a discount in the totals block

DISCOUNT = [("en", "minus"), ("de", "trailing"), ("nl", "paren"), ("ja", "triangle"), ("fr", "minus")]


def _negative(text: str, how: str) -> str:
    return {"minus": f"-{text}", "trailing": f"{text}-", "paren": f"({text})", "triangle": f"△{text}"}[how]


def _discounted(path: Path, page: f.Page, sums: dict[str, Decimal], how: str, rate: Decimal) -> None:
    d = Drawn(path, page)
    w = WORDS[page.lang]
    n = page.n
    labels = [dict(page.columns())[k] for k in KEYS]
    _table(d, KEYS, labels, [[page.cell(i, ln, k) for k in KEYS] for i, ln in enumerate(page.po.lines, 1)], 40, 515)
    d.y -= 8
    pairs = [
        (w["net"], n(sums["net"])),
        (w["discount"].format(r=n(rate)), _negative(n(sums["off"]), how)),
        (w["tax"].format(r=n(RATE[page.lang])), n(sums["tax"])),
        (f"{w['total']} {page.po.currency}", n(sums["grand"])),
    ]
    _sums_block(d, pairs, 470, 552)
    d.cv.save()


# --------------------------------------------------------------------------- prices in two currencies

# (language, the order's currency, the other currency, rate other per order's, the other's columns first)
TWO = [
    ("en", "EUR", "USD", Decimal("1.0870"), False),
    ("zh-Hans", "CNY", "USD", Decimal("0.1408"), True),
    ("ja", "JPY", "USD", Decimal("0.0067"), False),
    ("de", "EUR", "CHF", Decimal("0.9410"), True),
    ("en", "USD", "EUR", Decimal("0.9200"), True),
    ("zh-Hans", "CNY", "USD", Decimal("0.1408"), False),
    ("fr", "EUR", "USD", Decimal("1.0870"), True),
]
CURRENCY_WORD = {("ja", "JPY"): "円", ("zh-Hans", "CNY"): "CNY"}


def _two_label(page: f.Page, key: str, code: str) -> str:
    base = page.lab(key)
    word = CURRENCY_WORD.get((page.lang, code), code)
    if f.is_cjk(page.lang):
        return f"{base}({word})"
    return f"{base} {word}" if page.variant % 2 == 0 else f"{base} ({word})"


def _two(
    path: Path, page: f.Page, other: str, rate: Decimal, other_first: bool, producer: str, other_total: bool = True
) -> None:
    po = page.po
    other_places = Decimal(1) if other == "JPY" else CENT
    prices2 = [_q(ln.price * rate, Decimal("0.0001") if ln.price * rate < 1 else other_places) for ln in po.lines]
    amounts2 = [_q(ln.qty * p, other_places) for ln, p in zip(po.lines, prices2)]
    total2 = sum(amounts2, Decimal(0))
    mine = ["price", "amount"]
    theirs = ["price2", "amount2"]
    keys = ["no", "item", "desc", "qty", "unit", *(theirs + mine if other_first else mine + theirs)]
    labels = []
    for k in keys:
        if k in ("price", "amount"):
            labels.append(_two_label(page, k, po.currency))
        elif k in ("price2", "amount2"):
            labels.append(_two_label(page, k[:-1], other))
        else:
            labels.append(dict(page.columns())[k])
    rows = []
    for i, ln in enumerate(po.lines, 1):
        cells = {k: page.cell(i, ln, k) for k in KEYS}
        cells["price2"] = page.n(prices2[i - 1])
        cells["amount2"] = page.n(amounts2[i - 1])
        rows.append([cells[k] for k in keys])
    w = WORDS[page.lang]
    pairs = [
        (f"{w['total']} {other}", page.n(total2)),
        (f"{w['total']} {po.currency}", page.n(po.total or Decimal(0))),
    ]
    if other_first:
        pairs.reverse()
    if not other_total:
        pairs = [p for p in pairs if not p[0].endswith(other)]
    note = f"{w['rate']}: 1 {po.currency} = {page.n(rate)} {other}"
    if producer == "html":
        path.write_text(_two_html(page, labels, rows, pairs, note), encoding="utf-8")
        return
    if producer == "fpdf2":
        pdf = _fpdf_start(page)
        pdf.set_font("body", size=7)
        _fpdf_lines(pdf, page, keys, labels, rows)
        _fpdf_block(pdf, pairs)
        pdf.ln(3)
        pdf.cell(0, 5, note)
        pdf.output(str(path))
        return
    d = Drawn(path, page)
    _table(d, keys, labels, rows, 40, 515, narrow=True)
    d.y -= 8
    _sums_block(d, pairs, 470, 552, bold_last=False)
    d.y -= 8
    d.cv.text(40, d.y, note, 8)
    d.cv.save()


def _two_html(page: f.Page, labels: list[str], rows: list[list[str]], pairs: list[tuple[str, str]], note: str) -> str:
    from html import escape as e

    po = page.po
    meta = "".join(f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in page.header())
    head = "".join(f"<th>{e(t)}</th>" for t in labels)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
    sums = "".join(
        f"<tr><td colspan={len(labels) - 1} align=right><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in pairs
    )
    return (
        f"<!DOCTYPE html><html lang='{page.lang}'><head><meta charset='utf-8'><title>{e(po.number)}</title></head><body>"
        f"<h2>{e(page.lab('title'))}</h2><p><b>{e(po.buyer.name)}</b><br>{'<br>'.join(e(t) for t in po.buyer.address)}</p>"
        f"<table>{meta}</table><br><table border=1 cellspacing=0 width='100%'><tr>{head}</tr>{body}{sums}</table>"
        f"<p>{e(note)}</p></body></html>"
    )


# --------------------------------------------------------------------------- sizes inside descriptions

SPEC_NOUNS = {
    "ja": ["六角ボルト", "ナット", "平座金", "配管フランジ", "ケーブル", "ブッシュ"],
    "en": ["Hex bolt", "Nut", "Washer", "Pipe flange", "Cable", "Bushing"],
    "de": ["Sechskantschraube", "Mutter", "Scheibe", "Rohrflansch", "Leitung", "Buchse"],
    "zh-Hans": ["六角螺栓", "螺母", "平垫圈", "管法兰", "电缆", "衬套"],
}
SPECS = ["M6x20", "M8x1.25", "10x20mm", "Ø12", "DN50", '1/4"-20 UNC', "3x2.5mm²", "M10x1.5x40"]
# where the size sits: after the noun, before it, in the middle of the description
# (language, producer, an item column, every description starting with its size)
SPEC_PLAN = [
    ("ja", "reportlab", True, False),
    ("en", "fpdf2", True, False),
    ("de", "reportlab", True, False),
    ("zh-Hans", "reportlab", True, False),
    ("de", "fpdf2", True, True),
    ("ja", "reportlab", False, False),
    ("en", "reportlab", False, True),
    ("zh-Hans", "reportlab", False, False),
    ("ja", "reportlab", False, True),
    ("en", "fpdf2", False, True),
]


def _spec_desc(lang: str, j: int, k: int, first: bool) -> str:
    noun = SPEC_NOUNS[lang][(j + k) % len(SPEC_NOUNS[lang])]
    spec = SPECS[(j * 3 + k) % len(SPECS)]
    where = 1 if first else (j + k) % 3
    if where == 0:
        return f"{noun} {spec}"
    if where == 1:
        return f"{spec} {noun}"
    tail = {"ja": "ステンレス", "en": "stainless", "de": "Edelstahl", "zh-Hans": "不锈钢"}[lang]
    return f"{noun} {spec} {tail}"


def _spec(path: Path, page: f.Page, producer: str) -> None:
    keys = [k for k, _ in page.columns()]
    labels = [dict(page.columns())[k] for k in keys]
    rows = [[page.cell(i, ln, k) for k in keys] for i, ln in enumerate(page.po.lines, 1)]
    if producer == "fpdf2":
        pdf = _fpdf_start(page)
        _fpdf_lines(pdf, page, keys, labels, rows)
        total = page.total_line()
        if total:
            _fpdf_block(pdf, [total])
        pdf.output(str(path))
        return
    d = Drawn(path, page)
    _table(d, keys, labels, rows, 40, 515)
    d.y -= 8
    total = page.total_line()
    if total:
        _sums_block(d, [total], 470, 552)
    d.cv.save()


# --------------------------------------------------------------------------- the order's value in the header only

# (language, the label of the order's value among the header fields, the currency before the amount)
HEADER_VALUE = [
    ("en", "Order Value", True),
    ("de", "Bestellwert", False),
    ("zh-Hans", "订单金额", True),
    ("fr", "Montant total", False),
    ("en", "Total Order Value", False),
]


def _header_value(path: Path, page: f.Page, label: str, before: bool) -> None:
    po = page.po
    amount = page.n(po.total or Decimal(0))
    page.extra["value"] = (label, f"{po.currency} {amount}" if before else f"{amount} {po.currency}")
    d = Drawn(path, page)
    d.cv.text(40, d.y, f"{label}:", SIZE)
    d.cv.text(160, d.y, page.extra["value"][1], SIZE, bold=True)
    d.y -= 2 * LEAD
    labels = [dict(page.columns())[k] for k in KEYS]
    _table(d, KEYS, labels, [[page.cell(i, ln, k) for k in KEYS] for i, ln in enumerate(po.lines, 1)], 40, 515)
    d.y -= 20
    d.cv.text(40, d.y, f"{page.L['sign']}: ____________________", 8)
    d.cv.save()


# --------------------------------------------------------------------------- a sum per page, then the total

PAGE_SUMS = [("en", "Page total"), ("de", "Seitensumme"), ("fr", "Total de la page"), ("ja", "ページ計")]
PAGE_SUMS += [("zh-Hans", "本页小计")]


def _page_sums(path: Path, page: f.Page, word: str, pages: int) -> None:
    d = Drawn(path, page)
    w = WORDS[page.lang]
    n = page.n
    po = page.po
    labels = [dict(page.columns())[k] for k in KEYS]
    edges = _edges(KEYS, 40, 515)
    per = -(-len(po.lines) // pages)
    for p in range(pages):
        chunk = list(enumerate(po.lines, 1))[p * per : (p + 1) * per]
        if p:
            d.cv.next_page()
            d.y = d.cv.H - 60
        d.row([(x, lab, a) for (x, a), lab in zip(edges, labels)], bold=True)
        d.cv.line(40, d.y + LEAD - 2, 555, d.y + LEAD - 2)
        for i, ln in chunk:
            d.row([(x, page.cell(i, ln, k), a) for (x, a), k in zip(edges, KEYS)])
        d.cv.line(40, d.y + LEAD - 2, 555, d.y + LEAD - 2)
        d.row([(edges[2][0], word, "l"), (edges[-1][0], n(sum((ln.amount for _, ln in chunk), Decimal(0))), "r")])
        if p == pages - 1:
            d.row([(edges[2][0], f"{w['total']} {po.currency}", "l"), (edges[-1][0], n(po.total or 0), "r")], True)
        d.cv.text(297, 30, page.L["page"].format(n=p + 1, m=pages), 7, align="c")
    d.cv.save()


# --------------------------------------------------------------------------- a discount as a row of the table

DISCOUNT_ROW = [("en", "minus"), ("de", "minus"), ("it", "paren"), ("ja", "triangle")]


def _discount_row(path: Path, page: f.Page, sums: dict[str, Decimal], how: str, rate: Decimal) -> None:
    d = Drawn(path, page)
    w = WORDS[page.lang]
    n = page.n
    labels = [dict(page.columns())[k] for k in KEYS]
    rows = [[page.cell(i, ln, k) for k in KEYS] for i, ln in enumerate(page.po.lines, 1)]
    rows.append(["", "", w["discount"].format(r=n(rate)), "", "", "", _negative(n(sums["off"]), how)])
    _table(d, KEYS, labels, rows, 40, 515)
    d.y -= 8
    _sums_block(d, [(f"{w['total']} {page.po.currency}", n(sums["grand"]))], 470, 552)
    d.cv.save()


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(width - _width(text), 0)
    return gap + text if right else text + gap


def _spec_text(page: f.Page) -> str:
    """The order as a plain text file: the buyer, the header fields, the lines in columns set
    with spaces (display width), the total."""
    keys = [k for k, _ in page.columns()]
    labels = dict(page.columns())
    rows = [[labels[k] for k in keys]] + [[page.cell(i, ln, k) for k in keys] for i, ln in enumerate(page.po.lines, 1)]
    widths = [max(_width(r[c]) for r in rows) + 3 for c in range(len(keys))]
    numeric = [k in ("no", "qty", "price", "amount") for k in keys]
    out = [page.po.buyer.name, page.lab("title"), ""]
    out += [f"{label}: {value}" for label, value in page.header()]
    out.append("")
    for r in rows:
        out.append("   ".join(_pad(t, w, n) for t, w, n in zip(r, widths, numeric)).rstrip())
    total = page.total_line()
    if total:
        out += [
            "",
            _pad(total[0], sum(widths[:-1]) + 3 * (len(widths) - 1), False) + _pad(total[1], widths[-1] + 3, True),
        ]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- the amount under its label

UNDER = ["en", "de", "fr", "ja", "zh-Hans", "es"]


def _under(path: Path, page: f.Page) -> None:
    d = Drawn(path, page)
    w = WORDS[page.lang]
    labels = [dict(page.columns())[k] for k in KEYS]
    _table(d, KEYS, labels, [[page.cell(i, ln, k) for k in KEYS] for i, ln in enumerate(page.po.lines, 1)], 40, 515)
    d.y -= 10
    d.cv.text(552, d.y, f"{w['total']} ({page.po.currency})", 9, bold=True, align="r")
    d.y -= 12
    d.cv.text(552, d.y, page.n(page.po.total or Decimal(0)), 10, bold=True, align="r")
    d.cv.save()


# --------------------------------------------------------------------------- sums behind dotted leaders, a boxed grand total

LEADERS = ["en", "de", "it", "nl"]
BOXED = ["en", "fr", "de", "es"]


def _leaders(path: Path, page: f.Page, sums: dict[str, Decimal]) -> None:
    d = Drawn(path, page)
    w = WORDS[page.lang]
    n = page.n
    labels = [dict(page.columns())[k] for k in KEYS]
    _table(d, KEYS, labels, [[page.cell(i, ln, k) for k in KEYS] for i, ln in enumerate(page.po.lines, 1)], 40, 515)
    d.y -= 10
    tax = w["tax"].format(r=n(RATE[page.lang]))
    for label, value in [
        (w["net"], sums["net"]),
        (tax, sums["tax"]),
        (f"{w['total']} {page.po.currency}", sums["grand"]),
    ]:
        d.cv.text(40, d.y, f"{label} {'.' * 40}", 9)
        d.cv.text(552, d.y, n(value), 9, align="r")
        d.y -= 12
    d.cv.save()


def _boxed(path: Path, page: f.Page, sums: dict[str, Decimal]) -> None:
    """Net and tax as "label: amount" under the middle of the table, then the grand total in a
    box: its label on one line, the currency and the amount on the next."""
    d = Drawn(path, page)
    w = WORDS[page.lang]
    n = page.n
    labels = [dict(page.columns())[k] for k in KEYS]
    _table(d, KEYS, labels, [[page.cell(i, ln, k) for k in KEYS] for i, ln in enumerate(page.po.lines, 1)], 40, 515)
    d.y -= 10
    d.cv.text(300, d.y, f"{w['net']}: {n(sums['net'])}", 9)
    d.y -= 12
    d.cv.text(300, d.y, f"{w['tax'].format(r=n(RATE[page.lang]))}: {n(sums['tax'])}", 9)
    d.y -= 16
    d.cv.box(420, d.y - 18, 135, 30)
    d.cv.text(425, d.y, w["grand"], 9, bold=True)
    d.y -= 12
    d.cv.text(550, d.y, f"{page.po.currency} {n(sums['grand'])}", 10, bold=True, align="r")
    d.cv.save()


# --------------------------------------------------------------------------- build


def build(b: Any) -> None:
    """Every family of this module, into ``b`` (a ``generate.Builder``) under ``wide/``."""
    add, out = fl._adder(b)
    for k, (lang, k2) in enumerate(BESIDE):
        name = f"{lang}-sums-box-beside-{k}"
        po = _po(name, lang, 3 + k % 3, k)
        with_tax = k % 2 == 0
        sums = _taxed(po, lang) if with_tax else {"grand": sum((ln.amount for ln in po.lines), Decimal(0))}
        po.total = sums["grand"]
        page = f.Page(po, lang, variant=k2)
        _beside(out(f"pdf/{name}.pdf"), page, sums, with_tax)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "sums-box-beside")
    for k, (lang, with_tax) in enumerate(FOOTER):
        name = f"{lang}-sums-footer-band-{k}"
        po = _po(name, lang, 2 + k % 3, k)
        sums = _taxed(po, lang) if with_tax else {"grand": sum((ln.amount for ln in po.lines), Decimal(0))}
        po.total = sums["grand"]
        page = f.Page(po, lang, variant=k % 2)
        _footer(out(f"pdf/{name}.pdf"), page, sums, with_tax)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "sums-footer-band")
    for k, (lang, producer) in enumerate(GRAND):
        name = f"{lang}-sums-grand-after-incl-{k}"
        po = _po(name, lang, 3 + k % 2, k)
        charge = Decimal(1500 + 100 * k) if po.currency == "JPY" else Decimal(35 + 5 * k).quantize(CENT)
        sums = _taxed(po, lang, charge=charge)
        page = f.Page(po, lang, variant=k % 2)
        (_grand_reportlab if producer == "reportlab" else _grand_fpdf)(out(f"pdf/{name}.pdf"), page, sums)
        add(f"pdf/{name}.pdf", page.golden(), producer, lang, "sums-grand-after-incl")
    for k, (lang, pages, said) in enumerate(CARRIED):
        name = f"{lang}-sums-carried-{k}"
        po = _po(name, lang, 4 * pages + k % 2, k)
        po.total = sum((ln.amount for ln in po.lines), Decimal(0))
        page = f.Page(po, lang, variant=k % 2)
        _carried(out(f"pdf/{name}.pdf"), page, pages, said)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "sums-carried")
    for k, (lang, producer) in enumerate(BELOW):
        name = f"{lang}-sums-currency-below-{k}"
        po = _po(name, lang, 2 + k % 3, k)
        sums = {"grand": sum((ln.amount for ln in po.lines), Decimal(0))}
        po.total = sums["grand"]
        page = f.Page(po, lang, variant=k % 2, currency_field=False)
        (_below_reportlab if producer == "reportlab" else _below_fpdf)(out(f"pdf/{name}.pdf"), page, sums)
        add(f"pdf/{name}.pdf", page.golden(), producer, lang, "sums-currency-below")
    for k, (lang, how) in enumerate(DISCOUNT):
        name = f"{lang}-sums-discount-{k}"
        po = _po(name, lang, 3 + k % 2, k)
        rate = Decimal(3 + 2 * k)
        sums = _taxed(po, lang, discount=rate)
        page = f.Page(po, lang, variant=k % 2)
        _discounted(out(f"pdf/{name}.pdf"), page, sums, how, rate)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "sums-discount")
    for k, (lang, code, other, rate, other_first) in enumerate(TWO):
        name = f"{lang}-sums-two-currencies-{k}"
        po = _po(name, lang, 3 + k % 2, k)
        if po.currency != code:
            import families_totals as ft

            ft._in_currency(po, code, f.RATES.get(code, Decimal(1)), f.RATES[po.currency])
            if code in ("JPY",):
                for ln in po.lines:
                    ln.price = _q(ln.price, Decimal(1))
                    ln.amount = ln.qty * ln.price
        po.total = sum((ln.amount for ln in po.lines), Decimal(0))
        page = f.Page(po, lang, variant=k % 2)
        producer = "html" if k >= 5 else "fpdf2" if k % 2 and not f.is_cjk(lang) else "reportlab"
        rel = f"html/{name}.html" if producer == "html" else f"pdf/{name}.pdf"
        _two(out(rel), page, other, rate, other_first, producer)
        add(rel, page.golden(), producer, lang, "sums-two-currencies")
    for k, (lang, producer, item_column, first) in enumerate(SPEC_PLAN):
        name = f"{lang}-sums-spec-in-desc-{k}"
        po = _po(name, lang, 4 + k % 2, k)
        for j, ln in enumerate(po.lines):
            ln.desc = _spec_desc(lang, j, k, first)
            if not item_column:
                ln.item = None
        cols = KEYS if item_column else tuple(c for c in KEYS if c != "item")
        page = f.Page(po, lang, variant=k % 2, cols=tuple(cols))
        _spec(out(f"pdf/{name}.pdf"), page, producer)
        add(f"pdf/{name}.pdf", page.golden(), producer, lang, "sums-spec-in-desc")
    for k, (lang, label, before) in enumerate(HEADER_VALUE):
        name = f"{lang}-sums-header-value-{k}"
        po = _po(name, lang, 2 + k % 3, k)
        po.total = sum((ln.amount for ln in po.lines), Decimal(0))
        page = f.Page(po, lang, variant=k % 2)
        _header_value(out(f"pdf/{name}.pdf"), page, label, before)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "sums-header-value")
    for k, (lang, word) in enumerate(PAGE_SUMS):
        name = f"{lang}-sums-page-totals-{k}"
        po = _po(name, lang, 9 + k % 2, k)
        po.total = sum((ln.amount for ln in po.lines), Decimal(0))
        page = f.Page(po, lang, variant=k % 2)
        _page_sums(out(f"pdf/{name}.pdf"), page, word, 2)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "sums-page-totals")
    for k, (lang, how) in enumerate(DISCOUNT_ROW):
        name = f"{lang}-sums-discount-row-{k}"
        po = _po(name, lang, 3 + k % 2, k)
        rate = Decimal(2 + 3 * k)
        places = _places(po)
        net = sum((ln.amount for ln in po.lines), Decimal(0))
        off = _q(net * rate / 100, places)
        po.total = net - off
        sums = {"off": off, "grand": po.total}
        page = f.Page(po, lang, variant=k % 2)
        _discount_row(out(f"pdf/{name}.pdf"), page, sums, how, rate)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "sums-discount-row")
    for k, lang in enumerate(UNDER):
        name = f"{lang}-sums-under-label-{k}"
        po = _po(name, lang, 2 + k % 3, k)
        po.total = sum((ln.amount for ln in po.lines), Decimal(0))
        page = f.Page(po, lang, variant=k % 2)
        _under(out(f"pdf/{name}.pdf"), page)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "sums-under-label")
    for k, lang in enumerate(LEADERS):
        name = f"{lang}-sums-leaders-{k}"
        po = _po(name, lang, 3, k + 3)
        sums = _taxed(po, lang)
        page = f.Page(po, lang, variant=k % 2)
        _leaders(out(f"pdf/{name}.pdf"), page, sums)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "sums-leaders")
    for k, lang in enumerate(BOXED):
        name = f"{lang}-sums-boxed-grand-{k}"
        po = _po(name, lang, 3, k + 5)
        sums = _taxed(po, lang)
        page = f.Page(po, lang, variant=k % 2, currency_field=False)
        _boxed(out(f"pdf/{name}.pdf"), page, sums)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "sums-boxed-grand")
    for k, lang in enumerate(["en", "ja", "de", "zh-Hans"]):
        name = f"{lang}-sums-spec-in-text-{k}"
        po = _po(name, lang, 3 + k % 2, k + 11)
        for j, ln in enumerate(po.lines):
            ln.desc = _spec_desc(lang, j, k, True)
            ln.item = None
        page = f.Page(po, lang, variant=k % 2, cols=("no", "desc", "qty", "unit", "price", "amount"))
        out(f"txt/{name}.txt").write_text(_spec_text(page), encoding="utf-8")
        add(f"txt/{name}.txt", page.golden(), "text", lang, "sums-spec-in-desc")
    # no Currency field: the only total row names the order's currency; or nothing says which (review)
    for k, (lang, code, other, rate, other_first, other_total) in enumerate(
        [
            ("en", "EUR", "USD", Decimal("1.0870"), True, False),
            ("de", "EUR", "CHF", Decimal("0.9410"), True, False),
            ("en", "EUR", "USD", Decimal("1.0870"), False, True),
        ]
    ):
        name = f"{lang}-sums-two-currencies-unnamed-{k}"
        po = _po(name, lang, 3, k + 7)
        if po.currency != code:
            import families_totals as ft

            ft._in_currency(po, code, f.RATES.get(code, Decimal(1)), f.RATES[po.currency])
        po.total = sum((ln.amount for ln in po.lines), Decimal(0))
        page = f.Page(po, lang, variant=k % 2, currency_field=False)
        _two(out(f"pdf/{name}.pdf"), page, other, rate, other_first, "reportlab", other_total)
        golden = page.golden(needs_review=True) if other_total else page.golden()
        add(f"pdf/{name}.pdf", golden, "reportlab", lang, "sums-two-currencies")
