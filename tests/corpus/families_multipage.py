"""Orders over several pages as other producers print them, and lines with rows of their own (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn
from a ground truth made here and its golden file comes from that truth, never from mailflow's
output. The families:

* ``lines-pages-varied``: an order over two to four pages whose page head repeats (the
  company's block, the PO number, "Page n of m") at a height of its own per producer (fpdf2's
  ``header()``/``footer()`` or reportlab), on later pages with or without the column headings;
  a page foot with the company's registration, bank account and telephone numbers and the page
  number; "continued" lines, a page sum carried forward ("Übertrag", "Carried forward",
  "À reporter") at a page's foot and again at the next page's head; the rows a page holds vary.
* ``lines-sub-rows``: lines with rows of their own under them: a discount row ("Rabatt 5%
  -12,50", the line's amount is the net one printed on the discount row's right), a delivery
  schedule (several dates with their quantities), a freight row in the table that is no line,
  a price-unit column (the price is per 1, 100 or 1,000 pieces and the amount says so).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import families as f
import families_pages as fp
import generate as g

FOOTS = {  # a page foot: the company's registration, bank and telephone, in its own words
    "en": "Reg. No. 04417723 · Bank: Eastern Trust, Acct 2231 5567 90 · Tel. +1 207 555 0142",
    "de": "Amtsgericht Bremen HRB 27731 · IBAN DE89 3704 0044 0532 0130 00 · Tel. 0421 555 310",
    "fr": "SIRET 412 345 678 00021 · RCS Lyon B 412 345 678 · Tél. 04 72 55 51 90",
    "es": "CIF B-50123456 · Registro Mercantil de Zaragoza, Tomo 2741, Folio 120",
    "it": "P.IVA 01234560289 · REA PD-123456 · Tel. 049 555 7781",
    "nl": "KvK 24123456 · IBAN NL91 ABNA 0417 1643 00 · Tel. 010 555 4410",
}
PRINTED = {
    "en": "Printed {d} 14:32",
    "de": "Druckdatum {d} 14:32",
    "fr": "Imprimé le {d} 14:32",
    "es": "Impreso {d} 14:32",
    "it": "Stampato il {d} 14:32",
    "nl": "Afgedrukt {d} 14:32",
}
CARRY = {  # (the page sum at a page's foot, the same at the next page's head, the "continued" line)
    "en": ("Carried forward", "Brought forward", "continued"),
    "de": ("Übertrag", "Übertrag", "Fortsetzung"),
    "fr": ("À reporter", "Report", "suite"),
    "es": ("Suma y sigue", "Suma anterior", "continúa"),
    "it": ("A riportare", "Riporto", "segue"),
    "nl": ("Transport", "Transport", "vervolg"),
}
NOTE = {  # a line of words some forms print under the lines of every page
    "en": "Please quote our order number on all delivery notes and invoices",
    "de": "Bitte geben Sie unsere Bestellnummer auf allen Lieferpapieren an",
    "fr": "Merci de rappeler notre numéro de commande sur tous vos documents",
    "es": "Indique nuestro número de pedido en todos los albaranes y facturas",
    "it": "Indicare il nostro numero d'ordine su tutti i documenti di trasporto",
    "nl": "Vermeld ons ordernummer op alle pakbonnen en facturen",
}
PAGE_WORDS = {"it": "Pagina {n} di {m}", "nl": "Pagina {n} van {m}"}
VARIED_LANGS = ["de", "en", "fr", "es", "it", "nl", "de", "en", "de", "fr", "en", "es", "de", "nl"]
BUYERS = dict(fp.BUYERS)


def _page_words(page: f.Page) -> str:
    return PAGE_WORDS.get(page.lang) or page.L["page"]


# --------------------------------------------------------------------------- the pages


class Sheet:
    """One drawing surface over both producers: text at a point (y down from the top, mm-free
    points), lines, and a new page."""

    def __init__(self, path: Path, page: f.Page, producer: str) -> None:
        self.producer, self.path, self.page = producer, path, page
        if producer == "fpdf2":
            import logging

            from fpdf import FPDF

            logging.getLogger("fontTools").setLevel(logging.ERROR)
            pdf = FPDF(format="A4", unit="pt")
            pdf.set_creation_date(g.FIXED_TIME)
            pdf.file_id = lambda: -1
            pdf.set_auto_page_break(False)
            pdf.add_font("body", fname=g.LATIN_FONT)
            pdf.add_font("body", style="B", fname=g.LATIN_FONT)
            pdf.set_title(page.lab("title"))
            self.pdf = pdf
            self.H = 841.89
        else:
            self.cv = f.Canvas(path, page)
            self.H = self.cv.H
        self.pages = 0

    def new_page(self) -> None:
        if self.producer == "fpdf2":
            self.pdf.add_page()
        elif self.pages:
            self.cv.next_page()
        self.pages += 1

    def text(self, x: float, top: float, s: str, size: float = 8, bold: bool = False, align: str = "l") -> None:
        """``s`` with its baseline ``top`` points under the page's top edge."""
        if self.producer == "fpdf2":
            self.pdf.set_font("body", style="B" if bold else "", size=size)
            w = self.pdf.get_string_width(s)
            x0 = x - w if align == "r" else (x - w / 2 if align == "c" else x)
            self.pdf.text(x0, top, s)
        else:
            self.cv.text(x, self.H - top, s, size, bold=bold, align=align)

    def box(self, xs: list[float], top: float, bottom: float) -> None:
        """A row of ruled cells between ``top`` and ``bottom``, walls at ``xs``."""
        for y in (top, bottom):
            self.hline(xs[0], xs[-1], y)
        for x in xs:
            if self.producer == "fpdf2":
                self.pdf.line(x, top, x, bottom)
            else:
                self.cv.line(x, self.H - top, x, self.H - bottom)

    def hline(self, x1: float, x2: float, top: float) -> None:
        if self.producer == "fpdf2":
            self.pdf.set_line_width(0.5)
            self.pdf.line(x1, top, x2, top)
        else:
            self.cv.line(x1, self.H - top, x2, self.H - top)

    def save(self) -> None:
        if self.producer == "fpdf2":
            self.pdf.output(str(self.path))
        else:
            self.cv.save()


LAYOUTS = [  # column x positions (numbers right-aligned at their x) — the columns each layout prints
    {"no": 40, "item": 64, "desc": 140, "qty": 360, "unit": 368, "price": 470, "amount": 555},
    {"item": 40, "desc": 112, "unit": 330, "qty": 390, "price": 470, "amount": 555},
    {"no": 40, "desc": 62, "item": 270, "qty": 390, "unit": 398, "price": 480, "amount": 555},
]
RIGHT = {"no", "qty", "price", "amount"}
GRID = [  # where a ruled layout draws the lines between its columns
    [38, 60, 136, 300, 364, 400, 480, 558],
    [38, 108, 326, 352, 396, 480, 558],
    [38, 58, 266, 330, 394, 430, 490, 558],
]


def _row(s: Sheet, layout: dict[str, float], top: float, cells: dict[str, str], bold: bool = False) -> None:
    for key, text in cells.items():
        if text and key in layout:
            align = "r" if key in RIGHT and key != "no" else "l"
            s.text(layout[key], top, text, 8, bold=bold, align=align)


def _split(text: str, wrap: int) -> list[str]:
    """A description wrapped after ``wrap`` characters (0: never)."""
    if not wrap or len(text) <= wrap:
        return [text]
    words, out = text.split(), [""]
    for word in words:
        if out[-1] and len(out[-1]) + 1 + len(word) > wrap:
            out.append(word)
        else:
            out[-1] = f"{out[-1]} {word}".strip()
    return out


def _varied_doc(path: Path, page: f.Page, style: dict[str, Any]) -> None:
    po, lang, n = page.po, page.lang, page.n
    s = Sheet(path, page, style["producer"])
    layout = LAYOUTS[style["layout"]]
    labels = dict(page.columns())
    per = style["per_page"]
    chunks = [po.lines[i : i + per] for i in range(0, len(po.lines), per)]
    pages = len(chunks)
    carried, brought, cont = CARRY[lang]
    running = Decimal(0)
    position = 0
    lead = style["lead"]
    for number, chunk in enumerate(chunks, 1):
        s.new_page()
        top = 40.0
        # the page head: the same on every page, or short on later ones
        s.text(40, top, po.buyer.name, 13 if style["big"] else 11, bold=True)
        s.text(555, top, page.lab("title"), 12, bold=True, align="r")
        top += 14
        full = number == 1 or style["same_head"]
        if full:
            for line in po.buyer.address[: style["address_lines"]]:
                s.text(40, top, line, 7.5)
                top += 10
        top += 4
        if style["right_block"]:  # the order's number, date and page in a block at the right edge
            block = [(page.lab("po"), po.number), (page.lab("date"), page.d(po.po_date))]
            block.append((_page_words(page).split(" ")[0], f"{number}/{pages}"))
            for label, value in block:
                s.text(400, top, f"{label}:", 8)
                s.text(555, top, value, 8, bold=label == page.lab("po"), align="r")
                top += 11
        else:
            s.text(40, top, f"{page.lab('po')}: {po.number}", 8.5, bold=True)
            s.text(555, top, _page_words(page).format(n=number, m=pages), 8, align="r")
            top += 12
        if number == 1:
            for label, value in page.header()[1:]:
                s.text(40, top, f"{label}:", 8)
                s.text(150, top, value, 8)
                top += 11
            s.text(40, top, f"{page.lab('supplier')}: {f.OUR}", 8)
            top += 11
        elif full and not style["right_block"]:
            s.text(40, top, f"{page.lab('date')}: {page.d(po.po_date)}", 8)
            top += 11
        if number > 1 and style["note"]:
            s.text(40, top, f"{page.lab('supplier')}: {f.OUR}", 8)
            top += 11
        top += style["gap"]
        grid = GRID[style["layout"]] if style["grid"] else None
        if number == 1 or style["heading_later"]:
            _row(s, layout, top, {k: labels.get(k, "") for k in layout}, bold=True)
            if grid:
                s.box(grid, top - lead + 3, top + 4)
            else:
                s.hline(38, 557, top + 3)
            top += lead + 2
        if number > 1 and style["carry"]:
            _row(s, layout, top, {"desc": brought, "amount": n(running)})
            top += lead
        for ln in chunk:
            position += 1
            desc = _split(ln.desc or "", style["wrap"])
            cells = {"no": str(position * style["step"]), "item": ln.item, "desc": desc[0], "qty": n(ln.qty)}
            cells.update({"unit": ln.unit, "price": n(ln.price), "amount": n(ln.amount)})
            _row(s, layout, top, cells)
            first = top
            top += lead
            for more in desc[1:]:
                _row(s, layout, top, {"desc": more})
                top += lead
            if grid:
                s.box(grid, first - lead + 3, top - lead + 4)
            running += ln.amount
        if number < pages:
            if style["note"]:
                s.text(40, top + 2, NOTE[lang], 7.5)
                top += lead
            if style["carry"]:
                s.hline(470, 557, top - lead + 4)
                _row(s, layout, top, {"desc": carried, "amount": n(running)})
                top += lead
            if style["cont"]:
                s.text(300, top + 6, f"- {cont} -", 8, align="c")
        else:
            s.hline(380, 557, top - lead + 4)
            if style["tax"]:
                rate = Decimal(style["tax"])
                tax = (running * rate / 100).quantize(Decimal("0.01"))
                s.text(470, top, page.L["subtotal"], 8, align="r")
                s.text(555, top, n(running), 8, align="r")
                top += lead
                s.text(470, top, f"{page.L['tax']} {rate}%", 8, align="r")
                s.text(555, top, n(tax), 8, align="r")
                top += lead
            label, value = page.total_line() or ("", "")
            s.text(470, top, label, 8.5, bold=True, align="r")
            s.text(555, top, value, 8.5, bold=True, align="r")
        # the page foot
        foot = style["foot_top"]
        s.hline(40, 555, foot - 9)
        s.text(40, foot, FOOTS[lang].format(name=po.buyer.name), 6.5)
        if style["printed"]:
            s.text(40, foot + 9, PRINTED[lang].format(d=page.d(po.po_date)), 6.5)
        s.text(555, foot + 9, _page_words(page).format(n=number, m=pages), 6.5, align="r")
    s.save()


TEXT_COLS = [("no", 5, "l"), ("item", 12, "l"), ("desc", 34, "l"), ("qty", 9, "r"), ("unit", 5, "l")]
TEXT_COLS += [("price", 12, "r"), ("amount", 14, "r")]


def _text_row(cells: dict[str, str]) -> str:
    out = ""
    for key, width, align in TEXT_COLS:
        text = cells.get(key, "")
        out += (text.rjust(width) if align == "r" else text.ljust(width)) + " "
    return out.rstrip()


def _varied_text(page: f.Page, style: dict[str, Any]) -> str:
    """The same order as an ERP's text spool: the page head repeated after each form feed (its
    height the style's), with or without the column headings, the foot, the page sums."""
    po, lang, n = page.po, page.lang, page.n
    labels = dict(page.columns())
    per = style["per_page"]
    chunks = [po.lines[i : i + per] for i in range(0, len(po.lines), per)]
    pages = len(chunks)
    carried, brought, cont = CARRY[lang]
    out: list[str] = []
    running = Decimal(0)
    position = 0
    for number, chunk in enumerate(chunks, 1):
        head = [f"{po.buyer.name:<60}{page.lab('title')}"]
        if number == 1 or style["same_head"]:
            head += po.buyer.address[: style["address_lines"]]
        head += ["", f"{page.lab('po') + ':':<24}{po.number:<36}{_page_words(page).format(n=number, m=pages)}"]
        if number == 1:
            head += [f"{label + ':':<24}{value}" for label, value in page.header()[1:]]
            head += [f"{page.lab('supplier') + ':':<24}{f.OUR}"]
        head += [""] * (style["gap"] // 10)
        if number > 1:
            out.append("\f" + head[0])
            out += head[1:]
        else:
            out += head
        if number == 1 or style["heading_later"]:
            out += [_text_row({k: labels.get(k, "") for k, _, _ in TEXT_COLS}), "-" * 98]
        if number > 1 and style["carry"]:
            out.append(_text_row({"desc": brought, "amount": n(running)}))
        for ln in chunk:
            position += 1
            desc = _split(ln.desc or "", min(style["wrap"] or 34, 34))
            cells = {"no": str(position * style["step"]), "item": ln.item, "desc": desc[0], "qty": n(ln.qty)}
            cells.update({"unit": ln.unit, "price": n(ln.price), "amount": n(ln.amount)})
            out.append(_text_row(cells))
            out += [_text_row({"desc": more}) for more in desc[1:]]
            running += ln.amount
        if number < pages:
            if style["carry"]:
                out.append(_text_row({"desc": carried, "amount": n(running)}))
            if style["cont"]:
                out.append(f"{'- ' + cont + ' -':^98}")
            out += ["", FOOTS[lang].format(name="").strip(" ·")]
        else:
            label, value = page.total_line() or ("", "")
            out += ["-" * 98, _text_row({"desc": label, "amount": value})]
    return "\n".join(out) + "\n"


def _build_varied(add, out) -> None:
    for k, lang in enumerate(VARIED_LANGS):
        name = f"{lang.lower()}-lines-pages-varied-{k}"
        per = [7, 9, 6, 5, 8][k % 5]
        count = per * (2 + k % 3) - (k % per)
        po = f.make_po(name, BUYERS[lang], min(count, len(f.ITEMS)), payment=True)
        style: dict[str, Any] = {
            "producer": "fpdf2" if k % 2 == 0 else "reportlab",
            "layout": k % 3,
            "per_page": per,
            "lead": [11.0, 12.5, 10.0][k % 3],
            "big": k % 2 == 1,
            "same_head": k % 4 in (0, 3),
            "address_lines": 1 + k % 3,
            "gap": [6, 18, 30, 10][k % 4],
            "heading_later": k % 3 != 1,
            "carry": k % 5 in (0, 2, 4),
            "cont": k % 2 == 1,
            "tax": [None, "19", None, "20"][k % 4],
            "foot_top": [800, 815, 790][k % 3],
            "printed": k % 3 == 0,
            "right_block": k % 3 == 2,
            "wrap": [0, 18, 0, 14, 22][k % 5],
            "step": 10 if k % 4 == 1 else 1,
            "grid": k % 4 == 2,
            "note": k % 3 != 0,
        }
        page = f.Page(po, lang, variant=k % 2)
        if style["tax"]:
            rate = Decimal(style["tax"])
            tax = (po.total * rate / 100).quantize(Decimal("0.01"))
            page = f.Page(replace(po, total=po.total + tax), lang, variant=k % 2)
        rel = f"pdf/{name}.pdf"
        _varied_doc(out(rel), page, style)
        add(rel, page.golden(), style["producer"], lang, "lines-pages-varied")
        if k % 2 == 0 and not style["tax"]:
            text = _varied_text(page, style)
            out(f"txt/{name}.txt").write_bytes(text.encode("cp1252" if k % 4 == 0 else "utf-8"))
            add(f"txt/{name}.txt", page.golden(), "text", lang, "lines-pages-varied")


# --------------------------------------------------------------------------- Word orders over pages

LO_LANGS = ["de", "en", "fr", "it", "es", "nl"]
LO_WIDTHS = {"no": 0.9, "item": 2.3, "desc": 6.2, "qty": 1.6, "unit": 1.1, "price": 2.0, "amount": 2.3}  # cm


def docx_pages(path: Path, page: f.Page, style: dict[str, Any]) -> None:
    """A Word order whose page header is a small table (the company's block beside the PO number,
    the date and "Page n of m" as fields) and whose footer holds the registration and bank
    numbers; the lines table runs over the pages with its heading row repeated or not, ruled
    or only with rules under the heading."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    po = page.po
    d = Document()
    d.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.author = po.buyer.contact
    d.core_properties.last_modified_by = po.buyer.contact
    d.styles["Normal"].font.size = Pt(9)
    section = d.sections[0]
    head = section.header
    if style["head_table"]:
        t = head.add_table(rows=3, cols=2, width=Cm(17))
        t.cell(0, 0).text = po.buyer.name
        t.cell(1, 0).text = po.buyer.address[0]
        t.cell(2, 0).text = po.buyer.address[1] if len(po.buyer.address) > 1 else ""
        t.cell(0, 1).text = f"{page.lab('po')}: {po.number}"
        t.cell(1, 1).text = f"{page.lab('date')}: {page.d(po.po_date)}"
        line = t.cell(2, 1).paragraphs[0]
    else:
        head.paragraphs[0].add_run(po.buyer.name).bold = True
        for text in po.buyer.address[: style["address_lines"]]:
            head.add_paragraph(text)
        line = head.add_paragraph(f"{page.lab('po')}: {po.number}    ")
    before, _, after = _page_words(page).partition("{n}")
    of, _, tail = after.partition("{m}")
    line.add_run(before)
    fp._field(line, "PAGE", OxmlElement, qn)
    line.add_run(of)
    fp._field(line, "NUMPAGES", OxmlElement, qn)
    line.add_run(tail)
    section.footer.paragraphs[0].text = FOOTS[page.lang].format(name="")
    d.add_heading(page.lab("title"), level=1)
    for label, value in page.header()[1:]:
        d.add_paragraph(f"{label}: {value}")
    d.add_paragraph(f"{page.lab('supplier')}: {f.OUR}")
    fp.docx_lines_table(d, page, ruled=style["ruled"], bold=True, repeat=style["repeat"], widths=LO_WIDTHS)
    label, value = page.total_line() or ("", "")
    d.add_paragraph(f"{label}: {value}")
    d.save(str(path))
    g.normalize_zip(path)


def _build_lo_pages(b, add, out) -> None:
    jobs: list[f.Job] = []
    src = b.tmp / "lines-multipage-src"
    src.mkdir(exist_ok=True)
    for k, lang in enumerate(LO_LANGS):
        name = f"{lang.lower()}-lines-lo-pages-{k}"
        po = f.make_po(name, BUYERS[lang], 16, payment=True)
        tails = fp.TAILS.get(lang, fp.TAILS["en"])
        for j, ln in enumerate(po.lines):
            if (j + k) % 3 == 0:
                ln.desc = f"{ln.desc} {tails[j % len(tails)]}"
        for j, ln in enumerate(list(po.lines[: 10 + 3 * k])):  # a second size of some: two or three pages
            qty = ln.qty * 2
            po.lines.append(replace(ln, item=f"{ln.item}-{j + 2:02d}", qty=qty, amount=qty * ln.price))
        po.total = sum((ln.amount for ln in po.lines), Decimal(0))
        page = f.Page(po, lang, variant=k % 2)
        style = {"head_table": k % 2 == 0, "address_lines": 1 + k % 2, "ruled": k % 3 != 2, "repeat": k % 3 == 1}
        source = src / f"{name}.docx"
        docx_pages(source, page, style)
        jobs.append(f.Job(f"{f.WIDE}/pdf/{name}.pdf", source, "pdf"))
        add(f"pdf/{name}.pdf", page.golden(), "libreoffice", lang, "lines-pages-varied")
    f.run_conversions(b, jobs)


# --------------------------------------------------------------------------- rows under a line

SUB_WORDS = {  # (discount, delivery schedule, freight, price-unit heading, "per" unit words)
    "de": ("Rabatt", "Liefertermin", "Frachtkosten", "PE", "Stk"),
    "en": ("Discount", "Delivery", "Freight", "Per", "EA"),
    "fr": ("Remise", "Livraison", "Frais de port", "Par", "pce"),
}
SUB_LANGS = ["de", "en", "fr", "de", "en", "fr", "de", "en", "de"]
SUB_X = {"no": 40, "item": 62, "desc": 130, "qty": 350, "unit": 356, "price": 438, "per": 470, "amount": 555}


def _sub_rows_doc(path: Path, page: f.Page, style: dict[str, Any], rows: list[list[dict[str, str]]]) -> None:
    po = page.po
    s = Sheet(path, page, style["producer"])
    s.new_page()
    top = 40.0
    s.text(40, top, po.buyer.name, 12, bold=True)
    s.text(555, top, page.lab("title"), 12, bold=True, align="r")
    top += 15
    for line in po.buyer.address[:2]:
        s.text(40, top, line, 7.5)
        top += 10
    top += 6
    for label, value in page.header():
        s.text(40, top, f"{label}:", 8)
        s.text(150, top, value, 8)
        top += 11
    s.text(40, top, f"{page.lab('supplier')}: {f.OUR}", 8)
    top += 22
    layout = {k: x for k, x in SUB_X.items() if k != "per" or style["per"]}
    labels = dict(page.columns())
    labels["per"] = SUB_WORDS[page.lang][3]
    _row(s, layout, top, {k: labels.get(k, "") for k in layout}, bold=True)
    s.hline(38, 557, top + 3)
    top += 14
    for block in rows:
        for cells in block:
            _row(s, layout, top, cells)
            top += 11
        top += style["space"]
    s.hline(380, 557, top - 8)
    top += 4
    for label, value in style["sums"]:
        s.text(470, top, label, 8.5, bold=label == style["sums"][-1][0], align="r")
        s.text(555, top, value, 8.5, bold=label == style["sums"][-1][0], align="r")
        top += 12
    s.save()


def _build_sub_rows(add, out) -> None:
    for k, lang in enumerate(SUB_LANGS):
        name = f"{lang.lower()}-lines-sub-rows-{k}"
        po = f.make_po(name, BUYERS[lang], 5 + k % 4, payment=True)
        page = f.Page(po, lang, variant=k % 2)
        n = page.n
        discount_word, schedule_word, freight_word, _, _ = SUB_WORDS[lang]
        kind = ["discount", "schedule", "per", "freight"][k % 4]
        style: dict[str, Any] = {"producer": "reportlab" if k % 2 else "fpdf2", "per": kind == "per" or k % 3 == 2}
        style["space"] = 3 if k % 2 else 0
        rows: list[list[dict[str, str]]] = []
        discounts = Decimal(0)
        for i, ln in enumerate(po.lines, 1):
            per = 1
            if style["per"] and ln.price < Decimal("0.5"):
                per = 100 if i % 2 else 1000
            printed = ln.price * per
            ln.amount = (ln.qty * ln.price).quantize(Decimal("0.01"))
            cells = {"no": str(i * 10), "item": ln.item, "desc": ln.desc or "", "qty": n(ln.qty), "unit": ln.unit}
            cells.update({"price": n(printed), "per": str(per), "amount": n(ln.amount)})
            block = [cells]
            if kind == "discount" and i % 2:
                rate = Decimal([5, 3, 10][i % 3])
                off = (ln.amount * rate / 100).quantize(Decimal("0.01"))
                discounts += off
                block.append({"desc": f"{discount_word} {rate}%", "amount": f"-{n(off)}"})
            if kind == "schedule" and i % 2:
                first = po.delivery or po.po_date
                half = (ln.qty / 2).to_integral_value()
                for j, part in enumerate((half, ln.qty - half)):
                    when = first + timedelta(days=14 * j)
                    block.append({"desc": f"{schedule_word} {page.d(when)}", "qty": n(part), "unit": ln.unit})
                ln.date = first
            rows.append(block)
        net = sum((ln.amount for ln in po.lines), Decimal(0))
        sums = []
        total = net - discounts
        if kind == "freight":
            freight = Decimal("45.00") + k
            rows.append([{"desc": freight_word, "qty": "1", "unit": "", "price": n(freight), "amount": n(freight)}])
            sums.append((page.L["subtotal"], n(net)))
            total = net + freight
        elif discounts:
            sums.append((page.L["subtotal"], n(net)))
            sums.append((discount_word, f"-{n(discounts)}"))
        po.total = total
        label, value = page.total_line() or ("", "")
        sums.append((label, value))
        style["sums"] = sums
        rel = f"pdf/{name}.pdf"
        _sub_rows_doc(out(rel), page, style, rows)
        add(rel, page.golden(), style["producer"], lang, "lines-sub-rows")


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

    _build_varied(add, out)
    _build_sub_rows(add, out)
    _build_lo_pages(b, add, out)
