"""Line tables in the forms that break readers (``wide/pdf/lines-*``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from
a ground truth made here and its golden file comes from that truth, never from mailflow's
output. The families:

* ``lines-wrapped``: a rule-less table whose descriptions wrap over two to four lines and whose
  long item codes wrap at a dash in a narrow column; some items carry a note row ("Note:
  packed in ESD bags"), schedule sub-rows (a date and a part quantity) or a quantity with its
  unit attached (``510/EA``, ``450 ____ PA``) or a price per 100; the table runs over two pages
  with a "carried forward" row at the foot of the first and a "brought forward" row at the
  head of the second, which has no header; empty template rows (a position number and nothing
  else) and numbered terms with numbers of their own follow the total.
* ``lines-two-tables``: two tables on one page (parts, then tooling), each under its own
  header and heading, then one total for both.
* ``lines-cjk-grid``: a Chinese or Japanese dot-matrix print-out: every character on a fixed
  grid where a full-width character takes two cells, so columns line up by display width and
  not by characters; descriptions mix CJK and Latin words and wrap onto a second line.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import families as f
import generate as g

NOTE = {
    "en": "Note:",
    "de": "Hinweis:",
    "fr": "Remarque :",
    "es": "Nota:",
    "it": "Nota:",
    "nl": "Opmerking:",
    "ja": "備考：",
    "zh-Hans": "备注：",
}
NOTES = [
    "packed in ESD bags, 50 per bag",
    "supply with material certificate 3.1",
    "label each carton with our order number",
]
CARRIED = {
    "en": ("Carried forward", "Brought forward"),
    "de": ("Übertrag", "Übertrag"),
    "fr": ("À reporter", "Report"),
    "es": ("Suma y sigue", "Suma anterior"),
    "it": ("A riportare", "Riporto"),
    "nl": ("Te transporteren", "Getransporteerd"),
    "ja": ("次頁へ繰越", "前頁より繰越"),
    "zh-Hans": ("转下页", "承上页"),
}
SCHEDULE = {
    "en": "Deliver",
    "de": "Liefern am",
    "fr": "Livrer le",
    "es": "Entregar",
    "it": "Consegna",
    "nl": "Leveren",
    "ja": "納入",
    "zh-Hans": "交货",
}
TAILS = {
    "en": "stainless steel, passivated, per drawing 4711 rev. D, packed 100 per bag",
    "de": "Edelstahl, passiviert, nach Zeichnung 4711 Rev. D, 100 Stück je Beutel",
    "fr": "acier inoxydable, passivé, selon plan 4711 ind. D, 100 par sachet",
    "es": "acero inoxidable, pasivado, según plano 4711 rev. D, 100 por bolsa",
    "it": "acciaio inox, passivato, a disegno 4711 rev. D, 100 per sacchetto",
    "nl": "roestvast staal, gepassiveerd, volgens tekening 4711 rev. D, 100 per zak",
    "ja": "ステンレス 不動態化処理 図面4711 改訂D 100個入り",
    "zh-Hans": "不锈钢 钝化处理 图纸4711 版本D 每袋100个",
    "zh-Hant": "不鏽鋼 鈍化處理 圖紙4711 版本D 每袋100個",
}
SECTIONS = {
    "en": ("Parts", "Tooling"),
    "de": ("Teile", "Werkzeuge"),
    "fr": ("Pièces", "Outillage"),
    "es": ("Piezas", "Utillaje"),
    "it": ("Parti", "Attrezzature"),
    "nl": ("Onderdelen", "Gereedschap"),
    "ja": ("部品", "治具"),
    "zh-Hans": ("零件", "工装"),
}
TERMS = [
    "1. Delivery 08:00-16:00 at gate 3, 2500 E Lake Shore Dr; call 254-412-5858 two days before.",
    "2. Invoices in 2 copies quoting this order; payment 30 days net, 2% 10 days.",
    "3. Late delivery: 0.5% per day, at most 5% of the order value of 1 order.",
]

SIZE = 8.0
LEAD = 10.5  # points from one printed line to the next


def _q(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"))


def _wrap(cv: f.Canvas, text: str, width: float) -> list[str]:
    """The text broken into lines no wider than ``width`` (CJK: between any two characters)."""
    cjk = any(unicodedata.east_asian_width(c) in "WF" for c in text)
    units = list(text) if cjk else text.split()
    lines: list[str] = []
    for unit in units:
        joiner = "" if cjk else " "
        if lines and cv.width(lines[-1] + joiner + unit, SIZE) <= width:
            lines[-1] += joiner + unit
        elif unit.strip() or not cjk:
            lines.append(unit.strip() if cjk else unit)
    return [line.strip() for line in lines if line.strip()]


class Sheet:
    """A page being drawn top-down, with the table's columns as x positions."""

    def __init__(self, cv: f.Canvas, page: f.Page) -> None:
        self.cv, self.page = cv, page
        self.y = cv.H - 50
        # left edges of text columns, right edges of numbers
        self.x = {"no": 40, "item": 60, "desc": 130, "qty": 300, "unit": 308, "price": 400, "amount": 480}
        if page.extra.get("qty_first"):  # "Qty  UOM  Item  Description  Unit Price  Amount", as US forms print it
            self.x = {"no": 40, "qty": 92, "unit": 98, "item": 130, "desc": 200, "price": 420, "amount": 500}
        self.desc_width = 120.0
        self.item_width = 62.0

    def put(self, cells: dict[str, str], bold: bool = False) -> None:
        for key, text in cells.items():
            if not text:
                continue
            align = "r" if key in ("qty", "price", "amount") else "l"
            self.cv.text(self.x[key], self.y, text, SIZE, bold=bold, align=align)
        self.y -= LEAD

    def gap(self, lines: float = 1) -> None:
        self.y -= LEAD * lines

    def header(self) -> None:
        labels = dict(self.page.columns())
        self.put({k: labels.get(k, "") for k in self.x}, bold=True)
        self.cv.line(40, self.y + LEAD - 3, 555, self.y + LEAD - 3)

    def letterhead(self, with_fields: bool) -> None:
        page, po = self.page, self.page.po
        self.cv.text(40, self.y, po.buyer.name, 12, bold=True)
        self.cv.text(555, self.y, page.lab("title"), 12, bold=True, align="r")
        self.gap(1.6)
        for line in po.buyer.address:
            self.put({"no": line})
        self.gap()
        if with_fields:
            for label, value in page.header():
                self.cv.text(40, self.y, f"{label}:", SIZE)
                self.cv.text(160, self.y, value, SIZE)
                self.gap()
            self.cv.text(40, self.y, f"{page.lab('supplier')}: {f.OUR}", SIZE)
            self.gap(2)


def _split_code(code: str) -> list[str]:
    """A long code wrapped in a narrow column after the dash nearest its middle."""
    dash = code.index("-", len(code) // 2 - 2) + 1
    return [code[:dash], code[dash:]]


def _item_block(
    sheet: Sheet, i: int, ln: g.Line, style: dict[str, Any], k: int, lang: str, code: str
) -> list[dict[str, str]]:
    """The printed rows of one item: first row, wrapped code and text, schedule and note rows."""
    page = sheet.page
    n = page.n
    desc = _wrap(sheet.cv, ln.desc or "", sheet.desc_width)
    codes = _split_code(code) if sheet.cv.width(code, SIZE) > sheet.item_width else [code]
    qty = n(ln.qty)
    unit = ln.unit
    glue = style["glue"][k % len(style["glue"])]
    if glue == "slash":
        qty, unit = f"{qty}/{ln.unit}", ""
    elif glue == "blank":
        qty, unit = f"{qty} ____ {ln.unit}", ""
    per = style["per"][k % len(style["per"])]
    price = f"{n(ln.price * per)} /{per}" if per > 1 else n(ln.price)
    rows = [
        {
            "no": str(i),
            "item": codes[0],
            "desc": desc[0],
            "qty": qty,
            "unit": unit,
            "price": price,
            "amount": n(ln.amount),
        }
    ]
    for extra in range(1, max(len(codes), len(desc))):
        rows.append(
            {"item": codes[extra] if extra < len(codes) else "", "desc": desc[extra] if extra < len(desc) else ""}
        )
    for when, part in style["schedules"].get(k, []):
        rows.append({"desc": f"   {SCHEDULE[lang]} {page.d(when)}", "qty": n(part)})
    if k in style["notes"]:
        rows.append({"desc": f"{NOTE[lang]} {NOTES[k % len(NOTES)]}"})
    return rows


def _wrapped_doc(path: Path, page: f.Page, style: dict[str, Any], codes: list[str]) -> None:
    po, lang, n = page.po, page.lang, page.n
    cv = f.Canvas(path, page)
    sheet = Sheet(cv, page)
    sheet.letterhead(with_fields=True)
    sheet.header()
    blocks = style["blocks"] = [
        _item_block(sheet, i, ln, style, k, lang, code)
        for k, (i, ln, code) in enumerate(zip(range(1, 99), po.lines, codes))
    ]
    split = style["split"]
    running = Decimal(0)
    for k, block in enumerate(blocks):
        if k == split:
            carried, brought = CARRIED[lang]
            sheet.gap(0.5)
            sheet.put({"desc": carried, "amount": n(running)})
            sheet.put({"desc": page.L.get("page", "{n}/{m}").format(n=1, m=2)})
            cv.next_page()
            sheet.y = cv.H - 50
            cv.text(40, sheet.y, f"{po.buyer.name}  {page.lab('po')} {po.number}", SIZE)
            sheet.gap(2)
            sheet.put({"desc": brought, "amount": n(running)})
            sheet.gap(0.5)
        for cells in block:
            sheet.put(cells)
        running += po.lines[k].amount
        if style["spaced"]:
            sheet.gap(0.4)
    for blank in range(len(blocks) + 1, len(blocks) + 1 + style["blanks"]):
        sheet.put({"no": str(blank)})
    cv.line(40, sheet.y + LEAD - 3, 555, sheet.y + LEAD - 3)
    label, value = page.total_line() or ("", "")
    sheet.put({"desc": label, "amount": value}, bold=True)
    sheet.gap(2)
    for term in TERMS:
        sheet.put({"no": term})
    cv.save()


TEXT_COLUMNS = {"no": (0, 4, False), "item": (4, 11, False), "desc": (15, 34, False), "qty": (49, 14, True)}
TEXT_COLUMNS.update({"unit": (64, 5, False), "price": (69, 13, True), "amount": (82, 13, True)})


def _text_row(cells: dict[str, str]) -> str:
    """One row of a spool saved as text: every cell at its column, numbers right-aligned."""
    out = ""
    for key, (at, width, right) in TEXT_COLUMNS.items():
        text = cells.get(key, "")
        if not text:
            continue
        out = out.ljust(at) + (text.rjust(width) if right else text)
        if not out.endswith(" "):
            out += " "
    return out.rstrip()


def _wrapped_text(page: f.Page, blocks: list[list[dict[str, str]]], split: int, blanks: int) -> str:
    """The same order as a text spool: a form feed between its pages, the running sum carried
    over it, no header on the second page."""
    po, lang, n = page.po, page.lang, page.n
    labels = dict(page.columns())
    out = [f"{po.buyer.name:<60}{page.lab('title')}", *po.buyer.address, ""]
    out += [f"{label + ':':<24}{value}" for label, value in page.header()]
    out += ["", _text_row({k: labels.get(k, "") for k in TEXT_COLUMNS}), "-" * 95]
    running = Decimal(0)
    for k, block in enumerate(blocks):
        if k == split:
            carried, brought = CARRIED[lang]
            out += ["", _text_row({"desc": carried, "amount": n(running)}), "\f" + f"{po.buyer.name}  {po.number}", ""]
            out += [_text_row({"desc": brought, "amount": n(running)}), ""]
        out += [_text_row(cells) for cells in block]
        running += po.lines[k].amount
    out += [_text_row({"no": str(n)}) for n in range(len(blocks) + 1, len(blocks) + 1 + blanks)]
    label, value = page.total_line() or ("", "")
    out += ["-" * 95, _text_row({"desc": label, "amount": value}), "", *TERMS]
    return "\n".join(out) + "\n"


def _two_tables_doc(path: Path, page: f.Page, first: int) -> None:
    po, lang = page.po, page.lang
    cv = f.Canvas(path, page)
    sheet = Sheet(cv, page)
    sheet.letterhead(with_fields=True)
    for title, part in zip(SECTIONS[lang], (po.lines[:first], po.lines[first:])):
        cv.text(40, sheet.y, title, 10, bold=True)
        sheet.gap(1.4)
        sheet.header()
        start = 1 if title == SECTIONS[lang][0] else first + 1
        for i, ln in enumerate(part, start):
            sheet.put({k: page.cell(i, ln, k) for k in ("no", "item", "desc", "qty", "unit", "price", "amount")})
        sheet.gap(1.5)
    label, value = page.total_line() or ("", "")
    sheet.put({"desc": label, "amount": value}, bold=True)
    cv.save()


# --------------------------------------------------------------------------- CJK on a grid

CELL = 4.5  # points per half-width cell of the print head (a full-width character takes two)


def _display(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    room = " " * max(0, width - _display(text))
    return room + text if right else text + room


def _mono_cjk() -> str:
    """WenQuanYi Zen Hei Mono: half-width characters exactly half as wide as full-width ones."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQYM" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQYM", g.CJK_FONT, subfontIndex=1))
    return "WQYM"


def _grid_doc(path: Path, page: f.Page, lines: list[str]) -> None:
    """Each character drawn at its own cell, as a print head does: x = cell × CELL, two cells
    for a full-width character."""
    cv = f.Canvas(path, page)
    font = _mono_cjk()
    y = cv.H - 50
    for text in lines:
        cell = 0
        for char in text:
            if not char.isspace():
                cv.c.setFont(font, 2 * CELL)
                cv.c.drawString(30 + cell * CELL, y, char)
            cell += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        y -= 14
    cv.save()


def _first_over(text: str, width: int) -> int:
    """The index of the first character that ends past ``width`` display cells."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used > width:
            return index
    return len(text)


def _grid_lines(page: f.Page, codes: list[str], wrap_at: int) -> list[str]:
    po, n = page.po, page.n
    widths = [("no", 4, False), ("item", 12, False), ("desc", 28, False), ("qty", 9, True), ("unit", 5, False)]
    widths += [("price", 10, True), ("amount", 12, True)]
    labels = dict(page.columns())

    def row(cells: dict[str, str]) -> str:
        return "".join(_pad(cells.get(k, ""), w, right) + " " for k, w, right in widths).rstrip()

    out = [f"{po.buyer.name}    {page.lab('title')}", *po.buyer.address, ""]
    out += [f"{label}：{value}" for label, value in page.header()]
    out += ["=" * 86, row({k: labels.get(k, "") for k, _, _ in widths}), "-" * 86]
    for i, (ln, code) in enumerate(zip(po.lines, codes), 1):
        desc = ln.desc or ""
        head, rest = desc, ""
        if _display(desc) > wrap_at:
            cut = _first_over(desc, wrap_at)
            while cut > 0 and desc[cut - 1] != " " and unicodedata.east_asian_width(desc[cut - 1]) not in "WF":
                cut -= 1  # Latin words are not broken
            head, rest = desc[:cut].rstrip(), desc[cut:].lstrip()
        cells = {"no": str(i), "item": code, "desc": head, "qty": n(ln.qty), "unit": ln.unit}
        cells.update({"price": n(ln.price), "amount": n(ln.amount)})
        out.append(row(cells))
        if rest:
            out.append(row({"desc": rest}))
    total = page.total_line() or ("", "")
    out += ["-" * 86, _pad(f"{total[0]}：", 70) + _pad(total[1], 16, True)]
    return out


# --------------------------------------------------------------------------- build

WRAPPED_LANGS = ["en", "de", "fr", "es", "it", "nl", "ja", "zh-Hans", "en", "de"]


def _buyer(lang: str, k: int) -> f.Party:
    import families_erp

    parties = families_erp.BUYERS.get(lang) or families_erp.BUYERS["en"]
    return parties[k % len(parties)]


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""

    def add(rel: str, expected: dict[str, Any], producer: str, lang: str, family: str) -> None:
        fmt = rel.split("/")[0]
        b.docs.append(
            g.Built(
                f"{f.WIDE}/{rel}", {**expected, "format": fmt, "language": lang, "producer": producer, "family": family}
            )
        )

    def out(rel: str) -> Path:
        return b.path(f"{f.WIDE}/{rel}")

    for k, lang in enumerate(WRAPPED_LANGS):
        name = f"{lang.lower()}-lines-wrapped-{k}"
        rng = f.rng_for(name)
        po = f.make_po(name, _buyer(lang, k), 5 + k % 3, payment=True)
        page = f.Page(po, lang, variant=k % 2, extra={"qty_first": k % 3 == 1})
        tail = TAILS[lang].split(", ") if lang not in ("ja", "zh-Hans") else TAILS[lang].split(" ")
        codes = [
            f"{ln.item}-{rng.randrange(100, 999)}-{rng.choice('ABC')}{rng.randrange(10, 99)}"
            if j % 2 == k % 2
            else ln.item
            for j, ln in enumerate(po.lines)
        ]
        for j, ln in enumerate(po.lines):
            ln.desc = " ".join([ln.desc or "", *tail[: 1 + (j + k) % len(tail)]])
        pers = [100 if ln.price < Decimal("0.5") and j % 2 == 0 else 1 for j, ln in enumerate(po.lines)]
        for ln, per in zip(po.lines, pers):
            if per > 1:
                ln.amount = _q(ln.qty * ln.price)
        po.total = sum((ln.amount for ln in po.lines), Decimal(0))
        schedules: dict[int, list] = {}
        for j in (1, 3):
            if j < len(po.lines) and (j + k) % 2:
                ln = po.lines[j]
                first = po.delivery or po.po_date
                half = (ln.qty / 2).to_integral_value()
                schedules[j] = [(first, half), (first + timedelta(days=14), ln.qty - half)]
                ln.date = first
        style = {
            "glue": [("none", "slash", "blank")[k % 3], "none"],
            "per": pers,
            "schedules": schedules,
            "notes": {0, 2} if k % 2 == 0 else {1},
            "split": 2 + k % 2,
            "blanks": 3 if k % 3 == 0 else 0,
            "spaced": k % 4 == 1,
        }
        # prices per 100 are printed per 100: the golden price is per unit
        _wrapped_doc(out(f"pdf/{name}.pdf"), page, style, codes)
        golden = replace(po, lines=[replace(ln, item=code) for ln, code in zip(po.lines, codes)])
        if schedules:
            for j in schedules:
                golden.lines[j].date = po.lines[j].date
        expected = f.Page(golden, lang).golden()
        add(f"pdf/{name}.pdf", expected, "reportlab", lang, "lines-wrapped")
        if lang not in ("ja", "zh-Hans") and not page.extra["qty_first"]:
            text = _wrapped_text(page, style["blocks"], style["split"], style["blanks"])
            out(f"txt/{name}.txt").write_bytes(text.encode("cp1252" if k % 2 else "utf-8"))
            add(f"txt/{name}.txt", expected, "text", lang, "lines-wrapped")

    for k, lang in enumerate(["en", "de", "fr", "ja", "zh-Hans"]):
        name = f"{lang.lower()}-lines-two-tables"
        po = f.make_po(name, _buyer(lang, k + 1), 5, payment=True)
        page = f.Page(po, lang, variant=(k + 1) % 2)
        _two_tables_doc(out(f"pdf/{name}.pdf"), page, 3)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-two-tables")

    for k, lang in enumerate(["ja", "zh-Hans", "zh-Hant"]):
        name = f"{lang.lower()}-lines-cjk-grid"
        rng = f.rng_for(name)
        po = f.make_po(name, _buyer(lang, k), 4, payment=True)
        page = f.Page(po, lang, variant=1, dates=f.LANG[lang]["dates"][0])
        for j, ln in enumerate(po.lines):
            if j % 2 == 0:
                ln.desc = f"{ln.desc} {TAILS[lang].split(' ')[j % 3]}"
        codes = [ln.item for ln in po.lines]
        lines = _grid_lines(page, codes, wrap_at=26)
        _grid_doc(out(f"pdf/{name}.pdf"), page, lines)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-cjk-grid")
        # the same spool saved as text: columns line up by display width, not by characters
        encoding = {"ja": "shift_jis", "zh-Hans": "gbk", "zh-Hant": "big5"}[lang] if k != 1 else "utf-8"
        text = "\r\n".join(lines) + "\r\n"
        out(f"txt/{name}.txt").write_bytes(text.encode(encoding))
        add(f"txt/{name}.txt", page.golden(), "text", lang, "lines-cjk-grid")

    _build_bands(b)
    _build_qty_unit(b)
    _build_spools(b)
    _build_narrow(b)
    _build_bilingual(b)


# --------------------------------------------------------------------------- boxed bands

BAND_H = 14.0  # points: the height of one band of boxes


def _band(
    cv: f.Canvas, y: float, cells: list[tuple[float, float, str, bool]], bold: bool = False, ruled: bool = True
) -> None:
    """One band of boxes at ``y`` (its top): (x, width, text, right-aligned) per box; without
    ``ruled``, the texts where the boxes would be."""
    for x, w, text, right in cells:
        if ruled:
            cv.box(x, y - BAND_H, w, BAND_H)
        if text:
            cv.text(x + w - 3 if right else x + 3, y - BAND_H + 4, text, SIZE, bold=bold, align="r" if right else "l")


def _bands_doc(path: Path, page: f.Page, style: int, ruled: bool = True) -> None:
    """Each line a block of boxes, as Oracle BI Publisher's templates print an order:

    0: a band of numbers (line, item, quantity, unit, price, amount) and under it the
       description in a band of its own across the whole width; a gap between the blocks.
    1: the same, under a header of two bands ("Description" in the second), the need-by
       date of each line in the numbers band.
    2: item, description and numbers in one band, every line a band of its own with a gap
       between them (each block is a table of its own), the description wrapped in its box.
    3: every block repeats the labels' band over its numbers, then a band with a "Description"
       box and the text in a box across the rest of the width; no header over the table.

    Without ``ruled``, the same layout with no boxes drawn (a template whose boxes are white).
    """
    po, n = page.po, page.n
    cv = f.Canvas(path, page)
    sheet = Sheet(cv, page)
    sheet.letterhead(with_fields=True)
    y = sheet.y
    labels = dict(page.columns())
    x0, width = 40.0, 515.0
    if style == 2:
        keys = ["no", "item", "desc", "qty", "unit", "price", "amount"]
        widths = [28.0, 72.0, 175.0, 55.0, 35.0, 70.0, 80.0]
    else:
        keys = ["no", "item", "qty", "unit", "price", "amount"] + (["ldate"] if style == 1 else [])
        widths = [30.0, 120.0, 70.0, 45.0, 110.0, 140.0] if style == 0 else [30.0, 105.0, 60.0, 40.0, 90.0, 100.0, 90.0]
    xs = [x0 + sum(widths[:i]) for i in range(len(widths))]
    numeric = {"qty", "price", "amount"}

    def header(y: float) -> float:
        _band(
            cv,
            y,
            [(x, w, labels.get(k, ""), k in numeric) for x, w, k in zip(xs, widths, keys)],
            bold=True,
            ruled=ruled,
        )
        y -= BAND_H
        if style == 1:
            _band(cv, y, [(x0, width, labels.get("desc", ""), False)], bold=True, ruled=ruled)
            y -= BAND_H
        return y - 6

    y = header(y) if style != 3 else y
    for i, ln in enumerate(po.lines, 1):
        desc_lines = _wrap(cv, ln.desc or "", widths[2] - 6) if style == 2 else [ln.desc or ""]
        block = BAND_H * (len(desc_lines) if style == 2 else 3) + 8
        if y - block < 90:
            cv.next_page()
            y = header(cv.H - 60)
        values = {
            "no": str(i),
            "item": ln.item,
            "qty": n(ln.qty),
            "unit": ln.unit,
            "price": n(ln.price),
            "amount": n(ln.amount),
            "ldate": page.d(ln.date) if ln.date else "",
        }
        if style == 2:
            h = BAND_H + (len(desc_lines) - 1) * LEAD
            for x, w, k in zip(xs, widths, keys):
                if ruled:
                    cv.box(x, y - h, w, h)
                if k == "desc":
                    for j, part in enumerate(desc_lines):
                        cv.text(x + 3, y - BAND_H + 4 - j * LEAD, part, SIZE)
                elif values[k]:
                    right = k in numeric
                    cv.text(x + w - 3 if right else x + 3, y - BAND_H + 4, values[k], SIZE, align="r" if right else "l")
            y -= h + 6
            continue
        if style == 3:
            _band(
                cv,
                y,
                [(x, w, labels.get(k, ""), k in numeric) for x, w, k in zip(xs, widths, keys)],
                bold=True,
                ruled=ruled,
            )
            y -= BAND_H
        _band(cv, y, [(x, w, values[k], k in numeric) for x, w, k in zip(xs, widths, keys)], ruled=ruled)
        y -= BAND_H
        if style == 3:
            _band(
                cv,
                y,
                [(x0, xs[2] - x0, labels.get("desc", ""), False), (xs[2], x0 + width - xs[2], ln.desc or "", False)],
                ruled=ruled,
            )
        else:
            _band(cv, y, [(x0, width, ln.desc or "", False)], ruled=ruled)
        y -= BAND_H + 8
    label, value = page.total_line() or ("", "")
    _band(
        cv, y - 4, [(x0 + width - 240, 120, label, False), (x0 + width - 120, 120, value, True)], bold=True, ruled=ruled
    )
    cv.save()


BAND_LANGS = ["en", "de", "fr", "es", "en", "it", "nl", "en", "en", "de", "fr", "en"]


def _build_bands(b) -> None:
    add, out = _adder(b)
    for k, lang in enumerate(BAND_LANGS):
        name = f"{lang.lower()}-lines-boxed-bands-{k}"
        style = k % 4
        po = f.make_po(name, _buyer(lang, k + 2), 3 + k % 4, payment=True, line_dates=style == 1)
        if style == 1:
            po.delivery = None
        for j, ln in enumerate(po.lines):
            if (j + k) % 2:
                ln.desc = f"{ln.desc} {TAILS[lang].split(', ')[j % 3]}"
        page = f.Page(po, lang, variant=k % 2)
        _bands_doc(out(f"pdf/{name}.pdf"), page, style, ruled=k < 8)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-boxed-bands")


def _adder(b):
    """(add, out) for documents of these families under ``wide/``."""

    def add(rel: str, expected: dict[str, Any], producer: str, lang: str, family: str) -> None:
        fmt = rel.split("/")[0]
        b.docs.append(
            g.Built(
                f"{f.WIDE}/{rel}", {**expected, "format": fmt, "language": lang, "producer": producer, "family": family}
            )
        )

    def out(rel: str) -> Path:
        return b.path(f"{f.WIDE}/{rel}")

    return add, out


# --------------------------------------------------------------------------- quantities with their unit

QTY_UNIT_FORMS = ["paren", "space", "slash", "paren", "slash", "space", "paren", "space"]
QTY_UNIT_LANGS = ["en", "en", "de", "fr", "es", "en", "nl", "it"]
PORTAL_UNITS = ["EA", "PCS", "PC", "EACH", "SET", "BOX"]


def _qty_unit(qty: str, unit: str, form: str) -> str:
    """A quantity printed with its unit, as procurement portals print it: "120 (EA)", "120 EA",
    "120/PCS"."""
    return {"paren": f"{qty} ({unit})", "space": f"{qty} {unit}", "slash": f"{qty}/{unit}"}[form]


def _portal_doc(path: Path, page: f.Page, form: str, grid: bool, heading: str | None) -> None:
    """A supplier-portal order: header fields in a block, a table whose quantity column holds
    the quantity and its unit (no unit column), the total under it."""
    po = page.po
    cv = f.Canvas(path, page)
    sheet = Sheet(cv, page)
    sheet.letterhead(with_fields=True)
    keys = [k for k, _ in page.columns()]
    rows = [
        [_qty_unit(page.n(ln.qty), ln.unit, form) if k == "qty" else page.cell(i, ln, k) for k in keys]
        for i, ln in enumerate(po.lines, 1)
    ]
    labels = {"qty": heading} if heading else None
    y = f.rl_table(cv, page, 40, sheet.y, 515, grid=grid, rows=rows, labels=labels)
    f.rl_totals(cv, page, 555, y - 14)
    cv.save()


def _build_qty_unit(b) -> None:
    add, out = _adder(b)
    for k, (lang, form) in enumerate(zip(QTY_UNIT_LANGS, QTY_UNIT_FORMS)):
        name = f"{lang.lower()}-lines-qty-unit-{k}"
        po = f.make_po(name, _buyer(lang, k + 3), 3 + k % 4, payment=True)
        for j, ln in enumerate(po.lines):
            if lang == "en" or k % 2:
                ln.unit = PORTAL_UNITS[(j + k) % len(PORTAL_UNITS)]
        page = f.Page(po, lang, variant=k % 2, cols=("no", "item", "desc", "qty", "price", "amount"))
        heading = f"{page.lab('qty')} ({page.lab('unit')})" if k % 3 == 2 else None
        _portal_doc(out(f"pdf/{name}.pdf"), page, form, grid=k % 2 == 0, heading=heading)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-qty-unit")


# --------------------------------------------------------------------------- AS/400 spools over pages

SPOOL_WIDTH = 100  # characters a spool line holds
SPOOL_ROWS = 5  # items a page of the spool holds
SPOOL_COLUMNS = [  # key, width, right-aligned
    ("no", 4, True),
    ("item", 12, False),
    ("desc", 30, False),
    ("qty", 9, True),
    ("unit", 6, False),
    ("price", 13, True),
    ("amount", 13, True),
    ("ldate", 12, True),
]


def _spool_row(cells: dict[str, str]) -> str:
    return " ".join(
        (cells.get(k, "").rjust(w) if right else cells.get(k, "").ljust(w)) for k, w, right in SPOOL_COLUMNS
    ).rstrip()


def _spool_pages(page: f.Page) -> list[list[str]]:
    """The spool's lines, page by page: a running head with the page number and the column
    header on every page, each item's description wrapped to a second line when long, a
    "continued" line at the foot of every page but the last, the total on the last."""
    po, n = page.po, page.n
    labels = {k: label.upper() for k, label in page.columns()}
    chunks = [po.lines[i : i + SPOOL_ROWS] for i in range(0, len(po.lines), SPOOL_ROWS)]
    pages = []
    for number, chunk in enumerate(chunks, 1):
        head = [
            f"{po.buyer.name.upper():<60}{page.lab('title').upper():>28}  {page.L['page'].format(n=number, m=len(chunks)).upper():>10}",
            f"{page.lab('po').upper()}: {po.number}",
        ]
        if number == 1:
            head += [po.buyer.name.upper(), *(t.upper() for t in po.buyer.address), ""]
            head += [f"{label.upper() + ':':<26}{value}" for label, value in page.header()]
            head += [f"{page.lab('supplier').upper()}: {f.OUR.upper()}"]
        head += ["", _spool_row({k: labels.get(k, "") for k, _, _ in SPOOL_COLUMNS}), "-" * SPOOL_WIDTH]
        body = []
        for i, ln in enumerate(chunk, po.lines.index(chunk[0]) + 1):
            desc = (ln.desc or "").upper()
            first, rest = desc, ""
            if len(desc) > 30:
                cut = desc.rfind(" ", 0, 30)
                first, rest = desc[:cut], desc[cut + 1 :]
            cells = {"no": str(i), "item": ln.item, "desc": first, "qty": n(ln.qty), "unit": ln.unit.upper()}
            cells.update({"price": n(ln.price), "amount": n(ln.amount), "ldate": page.d(ln.date) if ln.date else ""})
            body.append(_spool_row(cells))
            if rest:
                body.append(_spool_row({"desc": rest}))
        foot = ["-" * SPOOL_WIDTH]
        if number < len(chunks):
            foot.append(f"{'*** CONTINUED ***':>60}")
        else:
            label, value = page.total_line() or ("", "")
            width = sum(w + 1 for k, w, _ in SPOOL_COLUMNS if k != "ldate") - 1  # the amount column's right edge
            foot.append(f"{label.upper() + ':':>{width - 14}}{value:>14}")
        pages.append(head + body + foot)
    return pages


def _spool_doc(path: Path, page: f.Page, *, bars: bool, per_char: bool) -> None:
    """The spool printed to PDF: in Courier line by line; or, as a PC print driver renders an
    AS/400 print, every character at its own fixed cell but in a proportional font (Helvetica),
    so that narrow letters leave gaps inside words. ``bars``: green-bar paper, a shaded band
    every three lines."""
    cv = f.Canvas(path, page)
    pitch, lead = 5.0, 11.0
    for number, lines in enumerate(_spool_pages(page)):
        if number:
            cv.next_page()
        y = cv.H - 40
        if bars:
            cv.c.setFillColorRGB(0.85, 0.95, 0.85)
            band = y + 8
            while band > 40:
                cv.c.rect(24, band - 3 * lead, cv.W - 48, 3 * lead, stroke=0, fill=1)
                band -= 6 * lead
            cv.c.setFillGray(0)
        for text in lines:
            if per_char:
                cv.c.setFont("Helvetica", 8)
                for col, char in enumerate(text):
                    if not char.isspace():
                        cv.c.drawString(30 + col * pitch, y, char)
            else:
                cv.text(30, y, text, 8, mono=True)
            y -= lead
    cv.save()


SPOOL_LANGS = ["en", "en", "de", "en", "fr", "en"]
SPOOL_DATE_HEADS = ["DUE DT", "DLV DATE", "REQ DT", "PROM DATE"]


def _build_spools(b) -> None:
    add, out = _adder(b)
    for k, lang in enumerate(SPOOL_LANGS):
        name = f"{lang.lower()}-lines-spool-pages-{k}"
        po = f.make_po(name, _buyer(lang, k + 4), 11 + k % 3, payment=True, line_dates=True, header_delivery=False)
        page = f.Page(po, lang, variant=k % 2)
        if lang == "en" and k >= 3:  # a date column a few characters wide, its head shortened
            page.extra["labels"] = {"ldate": SPOOL_DATE_HEADS[k % len(SPOOL_DATE_HEADS)]}
        _spool_doc(out(f"pdf/{name}.pdf"), page, bars=k % 3 != 2, per_char=k % 2 == 1)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-spool-pages")


# --------------------------------------------------------------------------- narrow cells printed by LibreOffice

NARROW_LANGS = ["it", "de", "nl", "sv", "en", "de"]
NARROW_WIDTHS = {"no": 0.8, "item": 2.3, "desc": 1.9, "qty": 1.6, "unit": 1.1, "price": 1.9, "amount": 2.2}  # cm


def docx_narrow(path: Path, page: f.Page) -> None:
    """A Word order whose description column is too narrow for its longest words: LibreOffice
    breaks such a word inside, at the cell's edge ("Alimentato" over "re")."""
    from docx import Document
    from docx.shared import Cm, Pt

    po = page.po
    d = Document()
    d.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.author = po.buyer.contact
    d.core_properties.last_modified_by = po.buyer.contact
    d.styles["Normal"].font.size = Pt(9)
    p = d.add_paragraph()
    run = p.add_run(po.buyer.name)
    run.bold = True
    run.font.size = Pt(14)
    d.add_paragraph("\n".join(po.buyer.address))
    d.add_heading(page.lab("title"), level=1)
    for label, value in page.header():
        d.add_paragraph(f"{label}: {value}")
    d.add_paragraph(f"{page.lab('supplier')}: {f.OUR}")
    cols = page.columns()
    t = d.add_table(rows=1, cols=len(cols))
    t.style = "Table Grid"
    t.autofit = False
    for cell, (_, label) in zip(t.rows[0].cells, cols):
        cell.text = label
    for row in page.rows():
        for cell, value in zip(t.add_row().cells, row):
            cell.text = value
    for column, (k, _) in zip(t.columns, cols):
        column.width = Cm(NARROW_WIDTHS[k])
        for cell in column.cells:
            cell.width = Cm(NARROW_WIDTHS[k])
    label, value = page.total_line() or ("", "")
    d.add_paragraph(f"{label}: {value}")
    d.save(str(path))
    g.normalize_zip(path)


def _build_narrow(b) -> None:
    add, out = _adder(b)
    jobs: list[f.Job] = []
    src = b.tmp / "lines-narrow-src"
    src.mkdir(exist_ok=True)
    for k, lang in enumerate(NARROW_LANGS):
        name = f"{lang.lower()}-lines-lo-narrow-{k}"
        po = f.make_po(name, _buyer(lang, k + 5), 3 + k % 3, payment=True)
        page = f.Page(po, lang, variant=k % 2)
        source = src / f"{name}.docx"
        docx_narrow(source, page)
        jobs.append(f.Job(f"{f.WIDE}/pdf/{name}.pdf", source, "pdf"))
        add(f"pdf/{name}.pdf", page.golden(), "libreoffice", lang, "lines-lo-narrow")
    f.run_conversions(b, jobs)


# --------------------------------------------------------------------------- bilingual headers

VI_LABELS = {  # Vietnamese over (or under) the English words of each column
    "no": "STT",
    "item": "Mã hàng",
    "desc": "Tên hàng hóa",
    "qty": "Số lượng",
    "unit": "ĐVT",
    "price": "Đơn giá",
    "amount": "Thành tiền",
}
VI_TOTAL = "Tổng cộng"


class VndPage(f.Page):
    """An English page whose numbers are written the Vietnamese way: "1.200", "25.000,50"."""

    def n(self, value: Decimal) -> str:
        return g.fmt_num(value, "de")


def _in_dong(po: g.PO) -> None:
    """The order's prices in Vietnamese dong: whole numbers, as Vietnamese buyers price."""
    po.currency = "VND"
    for ln in po.lines:
        ln.price = (ln.price * 25000).quantize(Decimal(1))
        ln.amount = ln.qty * ln.price
    po.total = sum((ln.amount for ln in po.lines), Decimal(0))


def _bilingual_doc(path: Path, page: f.Page, *, ruled: bool, english_first: bool) -> None:
    """Header cells of two lines, Vietnamese and English; the total labelled in both."""
    po = page.po
    cv = f.Canvas(path, page)
    cv.latin2 = True  # Vietnamese letters: DejaVu, embedded
    sheet = Sheet(cv, page)
    sheet.letterhead(with_fields=True)
    cols = page.columns()
    keys = [k for k, _ in cols]
    widths = [24.0, 70.0, 170.0, 60.0, 40.0, 70.0, 81.0]
    xs = [40 + sum(widths[:i]) for i in range(len(widths))]
    numeric = {"qty", "price", "amount"}
    y = sheet.y

    def put(x: float, w: float, yy: float, text: str, right: bool, bold: bool = False) -> None:
        cv.text(x + w - 3 if right else x + 3, yy, text, SIZE, bold=bold, align="r" if right else "l")

    top = y + LEAD - 2
    for x, w, (k, label) in zip(xs, widths, cols):
        first, second = (label, VI_LABELS[k]) if english_first else (VI_LABELS[k], label)
        put(x, w, y, first, k in numeric, bold=True)
        put(x, w, y - LEAD, second, k in numeric)
    y -= 2 * LEAD
    if ruled:
        for x, w in zip(xs, widths):
            cv.box(x, y + LEAD - 3, w, top - (y + LEAD - 3))
    else:
        cv.line(40, y + LEAD - 3, 555, y + LEAD - 3)
    for i, ln in enumerate(po.lines, 1):
        row_top = y + LEAD - 3
        for x, w, k in zip(xs, widths, keys):
            put(x, w, y, page.cell(i, ln, k), k in numeric)
        y -= LEAD + 3
        if ruled:
            for x, w in zip(xs, widths):
                cv.box(x, y + LEAD - 3, w, row_top - (y + LEAD - 3))
    label, value = page.total_line() or ("", "")
    y -= 6
    cv.text(xs[-2], y, f"{VI_TOTAL} / {label}", SIZE, bold=True, align="r")
    cv.text(555, y, value, SIZE, bold=True, align="r")
    cv.save()


def _build_bilingual(b) -> None:
    add, out = _adder(b)
    for k in range(6):
        name = f"vi-lines-bilingual-header-{k}"
        po = f.make_po(name, _buyer("en", k + 6), 3 + k % 3, payment=True)
        dong = k % 3 != 1
        if dong:
            _in_dong(po)
        page = (VndPage if dong else f.Page)(po, "en", variant=k % 2)
        _bilingual_doc(out(f"pdf/{name}.pdf"), page, ruled=k % 2 == 0, english_first=k % 3 == 2)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", "vi", "lines-bilingual-header")
