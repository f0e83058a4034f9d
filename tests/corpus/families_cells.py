"""What one cell of a line holds besides its own value (``wide/pdf/*-lines-*-in-text-*``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from
a ground truth made here and its golden file comes from that truth, never from mailflow's
output. The families:

* ``lines-code-in-text``: the item code printed inside the description cell, no item column of
  its own: after a position number as SAP prints a line ("00010 KNB8686B Control knob ABS"),
  the position counting in tens or ones, the code of letters and digits, with or without dashes,
  or a material number of digits; or after the text under a label, in the buyer's language or in
  one we do not know ("Gasket EPDM 90 mm Šifra: GAS-5291", "… Ref-ID: FLT-596G"); some orders
  have one line only.
* ``lines-unit-in-text``: the unit word at the end of the description ("Wire harness 6P 300 mm
  EA"), as a print-out shows it when its unit column sits against the description's: under a
  unit heading whose column stays empty, or with no unit column at all.
* ``lines-two-prices``: the price before and with tax in two columns side by side, either first
  (the golden price is the one before tax, which quantity × price = amount holds for).
* ``lines-price-per``: prices per 100 or per 1,000 that only the column heading says so.
* ``lines-portal-two-rows``: a line over two or three rows: the code, the quantity with its unit
  in one cell, the price and the amount, then the description under the code, across the columns
  of a heading "Material / Description".
* ``lines-code-row``: each line's code alone on the row above or under its description.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import families as f
import families_lines as fl

LANGS = ["en", "de", "fr", "es", "it", "nl", "pl", "sv", "pt", "en"]

# a label naming the code in each language's words, as buyers print it after the description
CODE_LABELS = {
    "en": "Part No.",
    "de": "Artikelnr.",
    "fr": "Réf.",
    "es": "Código:",
    "it": "Codice",
    "nl": "Artikelcode",
    "pl": "Indeks",
    "sv": "Artikelnr",
    "pt": "Referência",
}
UNKNOWN_LABEL = "Ref-ID"  # a label no vocabulary knows: the same on every line tells it
FOREIGN_LABELS = ["Šifra", "Kód", "Cikkszám", "Ürün kodu"]  # a buyer's label in another language


def _code_shape(k: int, j: int, item: str) -> str:
    """The item code in one of the shapes ERPs print: "KNB8686B" (letters, digits, a letter),
    "KNO-5259" (as drawn), "100234567" (a material number of digits), "A2-5259/B"."""
    letters, digits = item.split("-")
    return [
        f"{letters}{digits}{'ABCDEFGH'[(j + k) % 8]}",
        item,
        f"10{digits}{(j + 3) * 7 % 100:02d}{k % 10}",
        f"{letters[0]}{k % 9 + 1}-{digits}/{'BCD'[j % 3]}",
    ][k % 4]


def _table_doc(path: Path, page: f.Page, rows: list[list[str]], grid: bool, labels: dict[str, str] | None) -> None:
    cv = f.Canvas(path, page)
    sheet = fl.Sheet(cv, page)
    sheet.letterhead(with_fields=True)
    y = f.rl_table(cv, page, 40, sheet.y, 515, grid=grid, rows=rows, labels=labels)
    f.rl_totals(cv, page, 555, y - 14)
    cv.save()


def _build_code_in_text(add: Any, out: Any) -> None:
    for k, lang in enumerate(LANGS):
        name = f"{lang.lower()}-lines-code-in-text-{k}"
        lines = 1 if k in (3, 8) else 2 + k % 4
        po = f.make_po(name, fl._buyer(lang, k + 11), lines, payment=True)
        for j, ln in enumerate(po.lines):
            ln.item = _code_shape(k, j, ln.item)
        trailing = k % 3 == 2
        if trailing:
            label = UNKNOWN_LABEL if k == 5 else FOREIGN_LABELS[k % 4] if k == 8 else CODE_LABELS[lang].rstrip(":")
            texts = [f"{ln.desc} {label}: {ln.item}" for ln in po.lines]
            cols: tuple[str, ...] = ("no", "desc", "qty", "unit", "price", "amount")
        else:
            step = 10 if k % 2 == 0 else 1
            texts = [f"{(i * step):05d} {ln.item} {ln.desc}" for i, ln in enumerate(po.lines, 1)]
            cols = (
                ("desc", "qty", "unit", "price", "amount")
                if k % 4 < 2
                else ("no", "desc", "qty", "unit", "price", "amount")
            )
        page = f.Page(po, lang, variant=k % 2, cols=cols)
        keys = [key for key, _ in page.columns()]
        rows = [
            [texts[i - 1] if key == "desc" else page.cell(i, ln, key) for key in keys]
            for i, ln in enumerate(po.lines, 1)
        ]
        _table_doc(out(f"pdf/{name}.pdf"), page, rows, grid=k % 2 == 1, labels=None)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-code-in-text")


UNIT_LANGS = ["en", "de", "fr", "es", "it", "nl", "pl", "en"]
UNIT_WORDS = {"en": ["EA", "PCS", "SET"], "de": ["Stk", "ST"], "fr": ["pce", "pcs"], "es": ["ud"], "it": ["pz"]}


def _build_unit_in_text(add: Any, out: Any) -> None:
    for k, lang in enumerate(UNIT_LANGS):
        name = f"{lang.lower()}-lines-unit-in-text-{k}"
        po = f.make_po(name, fl._buyer(lang, k + 21), 2 + k % 4, payment=True)
        words = UNIT_WORDS.get(lang)
        for j, ln in enumerate(po.lines):
            if words and ln.unit != f.METRE[lang]:
                ln.unit = words[(j + k) % len(words)]
        with_column = k % 2 == 0
        cols = ("no", "item", "desc", "unit", "qty", "price", "amount")
        page = f.Page(po, lang, variant=k % 2, cols=cols if with_column else tuple(c for c in cols if c != "unit"))
        keys = [key for key, _ in page.columns()]
        cells = {"desc": lambda ln: f"{ln.desc} {ln.unit}", "unit": lambda ln: ""}
        rows = [
            [cells[key](ln) if key in cells else page.cell(i, ln, key) for key in keys]
            for i, ln in enumerate(po.lines, 1)
        ]
        _table_doc(out(f"pdf/{name}.pdf"), page, rows, grid=k % 4 == 1, labels=None)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-unit-in-text")


# --------------------------------------------------------------------------- two prices, prices per 100

VAT = {"en": Decimal("1.20"), "de": Decimal("1.19"), "fr": Decimal("1.20"), "zh-Hans": Decimal("1.13")}
VAT.update({"es": Decimal("1.21"), "it": Decimal("1.22"), "nl": Decimal("1.21")})
# (price before tax, price with tax, amount) headers, in the order a buyer prints them
TWO_PRICES = [
    ("en", ("Net Price", "Gross Price", "Amount"), False),
    ("de", ("Preis", "Preis inkl. MwSt.", "Betrag"), True),
    ("zh-Hans", ("不含税单价", "含税单价", "金额"), True),
    ("fr", ("Prix HT", "Prix TTC", "Montant HT"), False),
    ("es", ("Precio", "Precio con IVA", "Importe"), True),
    ("it", ("Prezzo netto", "Prezzo IVA incl.", "Importo"), False),
]
PER_HEADERS = [
    ("en", "Price per 100", 100),
    ("de", "Preis je 1.000 Stk", 1000),
    ("en", "Unit Price/1000", 1000),
    ("fr", "Prix par 100", 100),
    ("nl", "Prijs per 100", 100),
]
NUMBER_COLUMNS = [380, 450, 530]  # right edges of the price, second price and amount columns


def _priced_doc(path: Path, page: f.Page, heads: list[str], cells: list[list[str]]) -> None:
    """A rule-less table: position, item, description, quantity, unit, then the price columns
    (right-aligned at ``NUMBER_COLUMNS``) under ``heads``; the total under it."""
    cv = f.Canvas(path, page)
    sheet = fl.Sheet(cv, page)
    sheet.letterhead(with_fields=True)
    y = sheet.y
    lefts = [("no", 40, "l"), ("item", 58, "l"), ("desc", 118, "l"), ("qty", 276, "r"), ("unit", 282, "l")]
    for key, x, align in lefts:
        cv.text(x, y, page.lab(key) if key != "no" else "#", 7.5, True, align)
    rights = NUMBER_COLUMNS[-len(heads) :]
    for head, x in zip(heads, rights):
        cv.text(x, y, head, 7.5, True, "r")
    y -= 14
    for i, (ln, row) in enumerate(zip(page.po.lines, cells), 1):
        for key, x, align in lefts:
            cv.text(x, y, page.cell(i, ln, key), 8, False, align)
        for text, x in zip(row, rights):
            cv.text(x, y, text, 8, False, "r")
        y -= 12
    f.rl_totals(cv, page, 530, y - 14)
    cv.save()


def _build_price_basis(add: Any, out: Any) -> None:
    for k, (lang, heads, gross_first) in enumerate(TWO_PRICES):
        name = f"{lang.lower()}-lines-two-prices-{k}"
        po = f.make_po(name, fl._buyer(lang, k + 31), 3 + k % 3, payment=True)
        page = f.Page(po, lang, variant=k % 2)
        rows = []
        for ln in po.lines:
            gross = page.n((ln.price * VAT[lang]).quantize(ln.price))
            net, amount = page.n(ln.price), page.n(ln.amount)
            rows.append([gross, net, amount] if gross_first else [net, gross, amount])
        order = [heads[1], heads[0], heads[2]] if gross_first else list(heads)
        _priced_doc(out(f"pdf/{name}.pdf"), page, order, rows)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-two-prices")
    for k, (lang, head, per) in enumerate(PER_HEADERS):
        name = f"{lang.lower()}-lines-price-per-{k}"
        po = f.make_po(name, fl._buyer(lang, k + 41), 3 + k % 3, payment=True)
        page = f.Page(po, lang, variant=k % 2)
        rows = [[page.n(ln.price * per), page.n(ln.amount)] for ln in po.lines]
        _priced_doc(out(f"pdf/{name}.pdf"), page, [head, page.lab("amount")], rows)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-price-per")


# --------------------------------------------------------------------------- a line over two rows

# (language, heading over the code and the words under it, quantity heading, quantity form)
TWO_ROWS = [
    ("en", "Material / Description", "Quantity", "space"),
    ("de", "Material / Bezeichnung", "Menge", "space"),
    ("fr", "Article / Désignation", "Quantité", "paren"),
    ("en", "Part Number / Description", "Qty (UoM)", "slash"),
    ("es", "Material / Descripción", "Cantidad", "space"),
    ("nl", "Artikel / Omschrijving", "Aantal", "paren"),
]
ROW_STEP = 11.0


def _two_rows_doc(path: Path, page: f.Page, heads: tuple[str, str], form: str, wrap: int) -> None:
    """A supplier portal's table: the code with the quantity and its unit in one cell, the price
    and the amount on a line's first row; its description under the code on the next row (and,
    when longer than ``wrap`` characters, the row after), across the code's and the next column."""
    cv = f.Canvas(path, page)
    sheet = fl.Sheet(cv, page)
    sheet.letterhead(with_fields=True)
    y = sheet.y
    cv.text(40, y, "#", 7.5, True)
    cv.text(60, y, heads[0], 7.5, True)
    cv.text(330, y, heads[1], 7.5, True, "r")
    cv.text(430, y, page.lab("price"), 7.5, True, "r")
    cv.text(530, y, page.lab("amount"), 7.5, True, "r")
    cv.line(40, y - 4, 530, y - 4)
    y -= 16
    for i, ln in enumerate(page.po.lines, 1):
        cv.text(40, y, str(i), 8)
        cv.text(60, y, ln.item, 8)
        cv.text(330, y, fl._qty_unit(page.n(ln.qty), ln.unit, form), 8, align="r")
        cv.text(430, y, page.n(ln.price), 8, align="r")
        cv.text(530, y, page.n(ln.amount), 8, align="r")
        for part in _split(ln.desc or "", wrap):
            y -= ROW_STEP
            cv.text(60, y, part, 8)
        y -= ROW_STEP + 4
    f.rl_totals(cv, page, 530, y - 10)
    cv.save()


def _split(text: str, wrap: int) -> list[str]:
    """``text`` cut at spaces into pieces of at most ``wrap`` characters."""
    parts: list[str] = []
    for word in text.split():
        if parts and len(parts[-1]) + 1 + len(word) <= wrap:
            parts[-1] += f" {word}"
        else:
            parts.append(word)
    return parts


def _build_two_rows(add: Any, out: Any) -> None:
    for k, (lang, head, qty_head, form) in enumerate(TWO_ROWS):
        name = f"{lang.lower()}-lines-portal-two-rows-{k}"
        po = f.make_po(name, fl._buyer(lang, k + 51), 3 + k % 3, payment=True)
        for j, ln in enumerate(po.lines):
            if lang == "en" or k % 2:
                ln.unit = fl.PORTAL_UNITS[(j + k) % len(fl.PORTAL_UNITS)]
            if (j + k) % 2:
                ln.desc = f"{ln.desc} {fl.TAILS[lang].split(', ')[j % 3]}"
        page = f.Page(po, lang, variant=k % 2)
        _two_rows_doc(out(f"pdf/{name}.pdf"), page, (head, qty_head), form, wrap=200 if k < 3 else 40)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-portal-two-rows")


# --------------------------------------------------------------------------- the code on a row of its own

CODE_ROWS = [("en", True), ("de", False), ("fr", True), ("en", False), ("it", False), ("es", True)]


def _code_row_doc(path: Path, page: f.Page, code_first: bool) -> None:
    """One text column (headed with the word for the item, or for the description): each line's
    description with its numbers, and its code alone on the row above or under it."""
    cv = f.Canvas(path, page)
    sheet = fl.Sheet(cv, page)
    sheet.letterhead(with_fields=True)
    y = sheet.y
    cv.text(40, y, page.lab("item" if page.variant else "desc"), 7.5, True)
    cv.text(330, y, page.lab("qty"), 7.5, True, "r")
    cv.text(340, y, page.lab("unit"), 7.5, True)
    cv.text(440, y, page.lab("price"), 7.5, True, "r")
    cv.text(530, y, page.lab("amount"), 7.5, True, "r")
    cv.line(40, y - 4, 530, y - 4)
    y -= 16
    for ln in page.po.lines:
        if code_first:
            cv.text(40, y, ln.item, 8)
            y -= ROW_STEP
        cv.text(40, y, ln.desc or "", 8)
        cv.text(330, y, page.n(ln.qty), 8, align="r")
        cv.text(340, y, ln.unit, 8)
        cv.text(440, y, page.n(ln.price), 8, align="r")
        cv.text(530, y, page.n(ln.amount), 8, align="r")
        if not code_first:
            y -= ROW_STEP
            cv.text(40, y, ln.item, 8)
        y -= ROW_STEP + 4
    f.rl_totals(cv, page, 530, y - 10)
    cv.save()


def _build_code_rows(add: Any, out: Any) -> None:
    for k, (lang, code_first) in enumerate(CODE_ROWS):
        name = f"{lang.lower()}-lines-code-row-{k}"
        po = f.make_po(name, fl._buyer(lang, k + 61), 3 + k % 3, payment=True)
        for j, ln in enumerate(po.lines):
            ln.item = _code_shape(k + 1, j, ln.item)
        page = f.Page(po, lang, variant=k % 2)
        _code_row_doc(out(f"pdf/{name}.pdf"), page, code_first)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-code-row")


def build(b: Any) -> None:
    add, out = fl._adder(b)
    _build_code_in_text(add, out)
    _build_unit_in_text(add, out)
    _build_price_basis(add, out)
    _build_two_rows(add, out)
    _build_code_rows(add, out)
