"""Line tables over pages, with code columns beside the description, and ERP reports (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn
from a ground truth made here and its golden file comes from that truth, never from mailflow's
output. The families:

* ``lines-head-repeated``: an order over three pages, each page repeating the company's
  letterhead, the PO number with "Page n of m" and the table's column heading; a page foot
  saying the order continues ("Continued on next page", "Fortsetzung auf Seite 2", "续下页"),
  on some a page sum carried forward ("Carried forward", "Übertrag", "À reporter") and brought
  forward at the head of the next page ("承前页"); ruled or not, in six languages. The lines of
  every page are the order's lines, in order; the heads, page sums and feet are not lines.
* ``lines-code-columns``: tables with more than one column of codes beside the description
  (our part number and the supplier's, a drawing number, a customer part, SAP's "Material"
  over material numbers), in varied orders and languages, and headings that do not say which
  column holds the words ("Item" over descriptions beside "Part No.", "Product" over codes
  beside "Product Description"). The golden item is the buyer's own part number (the
  supplier's when the buyer prints none); the description is the column of words.
* ``lines-erp-report``: monospaced ERP reports (QAD, JD Edwards, AS/400 spools) printed in
  Courier: column headings over two lines, a rule of dashes under each column, data wider
  than the heading above it, a second code or the rest of the description on a row of its own;
  some saved as text. And sheets printed to PDF as a spreadsheet prints them (``sheet-print``
  style): every cell of the page in a light grid, the order's header fields as cells too,
  the column headings wrapped in their cells over two lines.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import families as f
import generate as g

SIZE = 8.0
LEAD = 11.0

BUYERS = {
    "en": f.Party(
        "Harbor Point Instruments Inc.",
        ["77 Wharf Road", "Portland ME 04101", "USA", "Tel. +1 207 555 0142"],
        "Dana Whitfield",
        "purchasing@harborpoint.example",
        "en",
    ),
    "de": f.Party(
        "Weserland Antriebstechnik GmbH",
        ["Hafenstraße 12", "28217 Bremen", "Tel. +49 421 555 310"],
        "Petra Lindner",
        "einkauf@weserland.example",
        "de",
    ),
    "fr": f.Party(
        "Mécanique du Rhône SARL",
        ["8 quai Perrache", "69002 Lyon"],
        "Luc Bernard",
        "achats@mecarhone.example",
        "fr",
    ),
    "es": f.Party(
        "Talleres Ebro S.L.",
        ["Calle del Pilar 19", "50003 Zaragoza"],
        "Marta Gil",
        "compras@talleresebro.example",
        "es",
    ),
    "it": f.Party(
        "Officine Brenta S.p.A.",
        ["Via dell'Industria 5", "35129 Padova", "Tel. +39 049 555 7781"],
        "Giulia Conte",
        "acquisti@brenta.example",
        "it",
    ),
    "nl": f.Party(
        "Maasdelta Techniek B.V.",
        ["Havenweg 30", "3089 JH Rotterdam", "Tel. +31 10 555 4410"],
        "Joost de Vries",
        "inkoop@maasdelta.example",
        "nl",
    ),
    "ja": f.Party(
        "株式会社北陸精機",
        ["富山県富山市新庄町3-14", "TEL 076-555-0188"],
        "山本 健",
        "kobai@hokuriku-seiki.example",
        "ja",
    ),
    "zh-Hans": f.Party(
        "苏州恒远精密机械有限公司",
        ["江苏省苏州市工业园区星湖街218号"],
        "王丽",
        "caigou@hengyuan.example",
        "zh-Hans",
    ),
}

# --------------------------------------------------------------------------- heads repeated on every page

CONTINUED = {  # (the foot of a page that continues, the page sum's label at its foot, at the next page's head)
    "en": ("Continued on next page", "Carried forward", "Brought forward"),
    "de": ("Fortsetzung auf der nächsten Seite", "Übertrag", "Übertrag"),
    "fr": ("Suite page suivante", "À reporter", "Report"),
    "es": ("Continúa en la página siguiente", "Suma y sigue", "Suma anterior"),
    "ja": ("次頁へ続く", "次頁へ繰越", "前頁より繰越"),
    "zh-Hans": ("续下页", "转下页", "承前页"),
}
PAGE_TOTAL = {  # a page's own sum, in the words of different ERPs
    "en": ["Page total", "Total carried forward", "Subtotal page {n}", "Balance brought forward"],
    "de": ["Seitensumme", "Zwischensumme Übertrag", "Summe Seite {n}"],
    "fr": ["Total page", "Sous-total page {n}"],
    "es": ["Total página", "Subtotal página {n}"],
    "zh-Hans": ["本页合计", "小计（本页）"],
    "ja": ["ページ計"],
}
FROM_BEFORE = {  # the line some ERPs print right over the repeated heading
    "en": "Continued from previous page",
    "de": "Fortsetzung von Seite {p}",
    "fr": "Suite de la page {p}",
    "es": "Continuación de la página {p}",
    "ja": "前頁より続く",
    "zh-Hans": "续上页",
}
PAGES_LANGS = ["en", "de", "fr", "zh-Hans", "ja", "es", "en", "de", "fr", "en", "es", "zh-Hans"]
PER_PAGE = 5  # items a page holds


class Head:
    """The table of one order drawn as columns at fixed x positions (numbers right-aligned)."""

    KEYS = ("no", "item", "desc", "qty", "unit", "price", "amount")
    X = {"no": 40, "item": 62, "desc": 140, "qty": 352, "unit": 360, "price": 470, "amount": 555}
    RIGHT = {"qty", "price", "amount"}

    def __init__(self, cv: f.Canvas, page: f.Page, ruled: bool) -> None:
        self.cv, self.page, self.ruled = cv, page, ruled
        self.y = cv.H - 46

    def put(self, cells: dict[str, str], bold: bool = False, size: float = SIZE) -> None:
        for key, text in cells.items():
            if text:
                self.cv.text(self.X[key], self.y, text, size, bold=bold, align="r" if key in self.RIGHT else "l")
        self.y -= LEAD

    def rule(self) -> None:
        self.cv.line(38, self.y + LEAD - 3, 557, self.y + LEAD - 3)


def _wrap(cv: f.Canvas, text: str, width: float) -> list[str]:
    cjk = any(ord(c) > 0x2E80 for c in text)
    units = list(text) if cjk else text.split()
    out: list[str] = []
    for unit in units:
        joiner = "" if cjk else " "
        if out and cv.width(out[-1] + joiner + unit, SIZE) <= width:
            out[-1] += joiner + unit
        else:
            out.append(unit)
    return [line.strip() for line in out if line.strip()]


def _letterhead(h: Head, number: int, pages: int, first: bool) -> None:
    """The head every page repeats: the buyer's block, the title, the PO number and the page."""
    page, po, cv = h.page, h.page.po, h.cv
    cv.text(40, h.y, po.buyer.name, 12, bold=True)
    if page.variant % 2:
        cv.text(555, h.y, page.lab("title"), 12, bold=True, align="r")
    else:  # the title centred under the letterhead
        h.y -= 15
        cv.text(300, h.y, page.lab("title"), 12, bold=True, align="c")
    h.y -= 15
    for line in po.buyer.address:
        cv.text(40, h.y, line, SIZE)
        h.y -= LEAD
    h.y -= 4
    cv.text(40, h.y, f"{page.lab('po')}: {po.number}", SIZE, bold=True)
    cv.text(555, h.y, page.L["page"].format(n=number, m=pages), SIZE, align="r")
    h.y -= LEAD
    if first:
        for label, value in page.header()[1:]:
            cv.text(40, h.y, f"{label}:", SIZE)
            cv.text(150, h.y, value, SIZE)
            h.y -= LEAD
        cv.text(40, h.y, f"{page.lab('supplier')}: {f.OUR}", SIZE)
        h.y -= LEAD
    else:
        cv.text(40, h.y, f"{page.lab('date')}: {page.d(po.po_date)}", SIZE)
        h.y -= LEAD
    h.y -= 8


def _heading(h: Head) -> None:
    labels = dict(h.page.columns())
    if h.ruled:
        h.cv.box(38, h.y - 3, 519, LEAD, fill=0.88)
    h.put({k: labels.get(k, "") for k in Head.KEYS}, bold=True)
    if not h.ruled:
        h.rule()


def _grid_page(h: Head, page: f.Page, chunk: list[g.Line], start: int) -> None:
    """One page's share of the lines as a ruled grid with its header row (``families.rl_table``)."""
    part = f.Page(replace(page.po, lines=chunk), page.lang, page.variant, extra=page.extra)
    rows = [[part.cell(i, ln, k) for k, _ in part.columns()] for i, ln in enumerate(chunk, start)]
    h.y = f.rl_table(h.cv, part, 40, h.y, 515, grid=True, rows=rows, max_y=0) - 4


def _head_repeated_doc(path: Path, page: f.Page, style: dict[str, Any]) -> None:
    po, lang, n = page.po, page.lang, page.n
    cv = f.Canvas(path, page)
    h = Head(cv, page, style["ruled"])
    chunks = [po.lines[i : i + PER_PAGE] for i in range(0, len(po.lines), PER_PAGE)]
    foot, carried, brought = CONTINUED[lang]
    running = Decimal(0)
    position = 0
    for number, chunk in enumerate(chunks, 1):
        if number > 1:
            cv.next_page()
            h.y = cv.H - 46
        _letterhead(h, number, len(chunks), number == 1 or style["fields"])
        if style["band"]:  # a band of boxed labels over their values, as Crystal Reports repeats it
            labels = [page.lab("po"), page.lab("date"), page.lab("currency"), "Page"]
            values = [po.number, page.d(po.po_date), po.currency, f"{number}/{len(chunks)}"]
            for j, (label, value) in enumerate(zip(labels, values)):
                cv.box(40 + j * 129, h.y - 20, 129, 26)
                cv.text(43 + j * 129, h.y - 1, label, 6.5)
                cv.text(43 + j * 129, h.y - 14, value, SIZE, bold=True)
            h.y -= 34
        if number > 1 and style["from_before"]:
            cv.text(40, h.y, FROM_BEFORE[lang].format(p=number - 1), SIZE, bold=True)
            h.y -= LEAD
        if style["grid"]:
            _grid_page(h, page, chunk, position + 1)
            position += len(chunk)
            running += sum((ln.amount for ln in chunk), Decimal(0))
            chunk = []
        else:
            _heading(h)
        if number > 1 and style["sums"] and not style["grid"]:
            h.put({"desc": brought, "amount": n(running)})
        for ln in chunk:
            position += 1
            desc = _wrap(cv, ln.desc or "", 200)
            top = h.y
            cells = {"no": str(position * style["step"]), "item": ln.item, "desc": desc[0], "qty": n(ln.qty)}
            cells.update({"unit": ln.unit, "price": n(ln.price), "amount": n(ln.amount)})
            h.put(cells)
            for more in desc[1:]:
                h.put({"desc": more})
            if h.ruled:
                cv.c.rect(38, h.y + LEAD - 3, 519, top - h.y, stroke=1, fill=0)
            running += ln.amount
        if number < len(chunks):
            h.y -= 4
            if style["sums"]:
                h.rule()
                words = PAGE_TOTAL[lang][number % len(PAGE_TOTAL[lang])].format(n=number)
                h.put({"desc": words if style["sums"] == 2 else carried, "amount": n(running)})
            if style["foot_in_table"]:
                h.put({"desc": f"*** {foot} ***"})
            cv.text(555, 60, foot, SIZE, align="r")
            cv.text(40, 60, f"{po.buyer.name} · {page.lab('po')} {po.number}", 7)
        else:
            h.rule()
            label, value = page.total_line() or ("", "")
            h.put({"desc": label, "amount": value}, bold=True)
    cv.save()


def _build_head_repeated(b, add, out) -> None:
    for k, lang in enumerate(PAGES_LANGS):
        name = f"{lang.lower()}-lines-head-repeated-{k}"
        po = f.make_po(name, BUYERS[lang], 11 + k % 4, payment=True)
        page = f.Page(po, lang, variant=k % 2)
        style: dict[str, Any] = {"ruled": k % 2 == 1, "sums": k % 3, "grid": k % 5 == 4, "fields": k % 3 == 1}
        style.update({"step": 10 if k % 4 == 3 else 1, "foot_in_table": k % 4 == 2, "from_before": k % 3 != 0})
        style["band"] = k % 4 == 1
        _head_repeated_doc(out(f"pdf/{name}.pdf"), page, style)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-head-repeated")


def docx_head_repeated(path: Path, page: f.Page) -> None:
    """A Word order whose page header repeats the letterhead, the PO number and "Page n of m"
    (fields), and whose table repeats its heading row on every page (``w:tblHeader``): printed
    by LibreOffice, the lines run over three pages."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    po = page.po
    d = Document()
    d.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.author = po.buyer.contact
    d.core_properties.last_modified_by = po.buyer.contact
    d.styles["Normal"].font.size = Pt(9)
    head = d.sections[0].header
    top = head.paragraphs[0]
    run = top.add_run(po.buyer.name)
    run.bold = True
    head.add_paragraph("  ".join(po.buyer.address[:2]))
    line = head.add_paragraph(f"{page.lab('po')}: {po.number}    ")
    before, _, after = page.L["page"].partition("{n}")
    of, _, tail = after.partition("{m}")
    line.add_run(before)
    _field(line, "PAGE", OxmlElement, qn)
    line.add_run(of)
    _field(line, "NUMPAGES", OxmlElement, qn)
    line.add_run(tail)
    d.add_heading(page.lab("title"), level=1)
    for label, value in page.header()[1:]:
        d.add_paragraph(f"{label}: {value}")
    d.add_paragraph(f"{page.lab('supplier')}: {f.OUR}")
    docx_lines_table(d, page, ruled=True, bold=False, repeat=True)
    label, value = page.total_line() or ("", "")
    d.add_paragraph(f"{label}: {value}")
    d.save(str(path))
    g.normalize_zip(path)


LO_WIDTHS = {"no": 0.9, "item": 2.2, "desc": 6.4, "qty": 1.7, "unit": 1.2, "price": 1.9, "amount": 2.2}  # cm


def docx_lines_table(
    d: Any, page: f.Page, *, ruled: bool, bold: bool, repeat: bool, widths: dict[str, float] = LO_WIDTHS
) -> None:
    """The lines as a Word table of fixed column widths (cm) under a heading row (ruled or not,
    its words bold or not, repeated on every page by ``w:tblHeader`` or not), one row a line."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    cols = page.columns()
    t = d.add_table(rows=1, cols=len(cols))
    if ruled:
        t.style = "Table Grid"
    for cell, (_, label) in zip(t.rows[0].cells, cols):
        cell.text = label
        if bold:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    if repeat:
        props = t.rows[0]._tr.get_or_add_trPr()
        heading = OxmlElement("w:tblHeader")
        heading.set(qn("w:val"), "true")
        props.append(heading)
    for row in page.rows():
        for cell, value in zip(t.add_row().cells, row):
            cell.text = value
    t.autofit = False
    for column, (k, _) in zip(t.columns, cols):
        column.width = Cm(widths[k])
        for cell in column.cells:
            cell.width = Cm(widths[k])


def _field(paragraph: Any, code: str, element: Any, qn: Any) -> None:
    """A Word field (PAGE, NUMPAGES) in ``paragraph``: begin, instruction, separator, end."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            char = element("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text.strip() == "1":
            t = element("w:t")
            t.text = text
            run._r.append(t)
        else:
            instr = element("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


def _build_lo_head_repeated(b, add, out) -> None:
    jobs: list[f.Job] = []
    src = b.tmp / "lines-pages-src"
    src.mkdir(exist_ok=True)
    for k, lang in enumerate(["en", "de", "fr", "zh-Hans"]):
        name = f"{lang.lower()}-lines-lo-head-repeated-{k}"
        po = f.make_po(name, BUYERS[lang], 16, payment=True)
        for j, ln in enumerate(po.lines):  # long descriptions
            ln.desc = f"{ln.desc} {TAILS[lang][j % len(TAILS[lang])]}"
        for j, ln in enumerate(list(po.lines[: 12 + 4 * k])):  # a second size of some: three pages of lines
            qty = ln.qty * 2
            po.lines.append(replace(ln, item=f"{ln.item}-{j + 2:02d}", qty=qty, amount=qty * ln.price))
        po.total = sum((ln.amount for ln in po.lines), Decimal(0))
        page = f.Page(po, lang, variant=k % 2)
        source = src / f"{name}.docx"
        docx_head_repeated(source, page)
        jobs.append(f.Job(f"{f.WIDE}/pdf/{name}.pdf", source, "pdf"))
        add(f"pdf/{name}.pdf", page.golden(), "libreoffice", lang, "lines-head-repeated")
    f.run_conversions(b, jobs)


TAILS = {  # words that make a description long enough to wrap in its cell
    "en": ["stainless, passivated, to drawing rev. D", "packed 100 per bag, labelled", "RoHS, REACH compliant"],
    "de": ["Edelstahl, passiviert, nach Zeichnung Rev. D", "100 Stück je Beutel, etikettiert", "RoHS-konform"],
    "fr": ["inox, passivé, selon plan ind. D", "100 par sachet, étiqueté", "conforme RoHS"],
    "zh-Hans": ["不锈钢 钝化处理 按图纸D版", "每袋100个 贴标签", "符合RoHS"],
}


# --------------------------------------------------------------------------- several columns of codes

# Each layout: the columns left to right, and per language the heading words. "item" is the
# buyer's own part number (the golden item), "alt" the supplier's, "draw" a drawing number.
CODE_LAYOUTS: list[tuple[str, tuple[str, ...], dict[str, dict[str, str]]]] = [
    (
        "en",
        ("no", "item", "alt", "desc", "qty", "unit", "price", "amount"),
        {"en": {"no": "Line", "item": "Our Part No.", "alt": "Your Part No.", "desc": "Description"}},
    ),
    (
        "en",
        ("no", "desc", "item", "draw", "qty", "unit", "price", "amount"),
        {"en": {"no": "Item", "desc": "Description", "item": "Customer Part", "draw": "Drawing No."}},
    ),
    (
        "en",
        ("desc", "item", "qty", "unit", "price", "amount"),
        {"en": {"desc": "Item", "item": "Part No."}},
    ),
    (
        "en",
        ("no", "item", "desc", "alt", "qty", "unit", "price", "amount"),
        {"en": {"no": "#", "item": "Product", "desc": "Product Description", "alt": "Supplier Part"}},
    ),
    (
        "de",
        ("no", "item", "desc", "alt", "qty", "unit", "price", "amount"),
        {"de": {"no": "Pos.", "item": "Material", "desc": "Kurztext", "alt": "Ihre Materialnummer"}},
    ),
    (
        "de",
        ("no", "alt", "desc", "draw", "qty", "unit", "price", "amount"),
        {"de": {"no": "Pos", "alt": "Ihre Art.-Nr.", "desc": "Bezeichnung", "draw": "Zeichnungs-Nr."}},
    ),
    (
        "fr",
        ("no", "item", "alt", "desc", "qty", "unit", "price", "amount"),
        {"fr": {"no": "Ligne", "item": "Notre réf.", "alt": "Votre réf.", "desc": "Désignation"}},
    ),
    (
        "es",
        ("no", "desc", "item", "alt", "qty", "unit", "price", "amount"),
        {"es": {"no": "Lín.", "desc": "Descripción", "item": "Nuestra ref.", "alt": "Su referencia"}},
    ),
    (
        "it",
        ("no", "draw", "item", "desc", "qty", "unit", "price", "amount"),
        {"it": {"no": "Riga", "draw": "N. disegno", "item": "Codice", "desc": "Descrizione"}},
    ),
    (
        "zh-Hans",
        ("no", "item", "alt", "desc", "qty", "unit", "price", "amount"),
        {"zh-Hans": {"no": "序号", "item": "物料编码", "alt": "供应商料号", "desc": "品名规格"}},
    ),
    (
        "ja",
        ("no", "item", "draw", "desc", "qty", "unit", "price", "amount"),
        {"ja": {"no": "No", "item": "品番", "draw": "図番", "desc": "品名"}},
    ),
    (
        "en",
        ("no", "alt", "item", "desc", "qty", "unit", "price", "amount"),
        {"en": {"no": "Ln", "alt": "Your Ref", "item": "Our Ref", "desc": "Item Description"}},
    ),
    (
        "fr",
        ("no", "desc", "item", "qty", "unit", "price", "amount"),
        {"fr": {"no": "N°", "desc": "Article", "item": "Référence"}},
    ),
    (
        "nl",
        ("no", "item", "desc", "alt", "qty", "unit", "price", "amount"),
        {"nl": {"no": "Regel", "item": "Artikel", "desc": "Artikelomschrijving", "alt": "Uw artikelnr."}},
    ),
]
CODE_WIDTHS = {"no": 0.45, "item": 1.2, "alt": 1.2, "draw": 1.2, "desc": 2.6, "qty": 0.8, "unit": 0.55}
CODE_WIDTHS.update({"price": 0.95, "amount": 1.05})


def _code_doc(
    path: Path, page: f.Page, keys: tuple[str, ...], labels: dict[str, str], codes: dict[str, list[str]], ruled: bool
) -> None:
    po, n = page.po, page.n
    cv = f.Canvas(path, page)
    h = Head(cv, page, ruled)
    _letterhead(h, 1, 1, True)
    words = dict(page.columns())
    heading = {k: labels.get(k) or words.get(k, "") for k in keys}
    total_w = sum(CODE_WIDTHS[k] for k in keys)
    xs, x = [], 40.0
    for k in keys:
        xs.append(x)
        x += 515 * CODE_WIDTHS[k] / total_w
    right = {"qty", "price", "amount"}

    def row(cells: dict[str, str], bold: bool = False) -> None:
        for k, x0 in zip(keys, xs):
            text = cells.get(k, "")
            if not text:
                continue
            w = 515 * CODE_WIDTHS[k] / total_w
            if k in right:
                cv.text(x0 + w - 3, h.y, text, SIZE - 0.5, bold=bold, align="r")
            else:
                cv.text(x0 + 3, h.y, text, SIZE - 0.5, bold=bold)
        h.y -= LEAD

    if ruled:
        cv.box(40, h.y - 3, 515, LEAD, fill=0.9)
    row(heading, bold=True)
    if not ruled:
        cv.line(40, h.y + LEAD - 3, 555, h.y + LEAD - 3)
    desc_w = 515 * CODE_WIDTHS["desc"] / total_w - 6
    for i, ln in enumerate(po.lines):
        top = h.y
        desc = _wrap(cv, ln.desc or "", desc_w)
        cells = {"no": str(i + 1), "item": ln.item, "desc": desc[0], "qty": n(ln.qty), "unit": ln.unit}
        cells.update({"price": n(ln.price), "amount": n(ln.amount)})
        cells.update({k: v[i] for k, v in codes.items()})
        row(cells)
        for more in desc[1:]:
            row({"desc": more})
        if ruled:
            cv.c.rect(40, h.y + LEAD - 3, 515, top - h.y, stroke=1, fill=0)
            for x0 in xs[1:]:
                cv.line(x0, h.y + LEAD - 3, x0, top + LEAD - 3)
    h.y -= 6
    label, value = page.total_line() or ("", "")
    cv.text(470, h.y, label, SIZE, bold=True, align="r")
    cv.text(552, h.y, value, SIZE, bold=True, align="r")
    cv.save()


def _build_code_columns(b, add, out) -> None:
    for k, (lang, keys, labels) in enumerate(CODE_LAYOUTS):
        name = f"{lang.lower()}-lines-code-columns-{k}"
        rng = f.rng_for(name)
        po = f.make_po(name, BUYERS[lang], 3 + k % 4, payment=True)
        page = f.Page(po, lang, variant=k % 2)
        codes: dict[str, list[str]] = {}
        if "alt" in keys:
            codes["alt"] = [f"{rng.choice(['SP', 'V', 'K'])}{rng.randrange(100000, 999999)}" for _ in po.lines]
        if "draw" in keys:
            codes["draw"] = [f"Z-{rng.randrange(1000, 9999)}-{rng.randrange(10, 99)}" for _ in po.lines]
        if "item" not in keys:  # the buyer prints only the supplier's codes: those are the items
            codes["item"] = codes.pop("alt")
            keys = tuple("item" if key == "alt" else key for key in keys)
            labels = {lang: {("item" if key == "alt" else key): v for key, v in labels[lang].items()}}
        golden = (
            po
            if "item" not in codes
            else replace(po, lines=[replace(ln, item=c) for ln, c in zip(po.lines, codes["item"])])
        )
        _code_doc(out(f"pdf/{name}.pdf"), page, keys, labels[lang], codes, ruled=k % 2 == 0)
        add(f"pdf/{name}.pdf", f.Page(golden, lang).golden(), "reportlab", lang, "lines-code-columns")


# --------------------------------------------------------------------------- monospaced ERP reports

# (key, heading line 1, heading line 2, width, right-aligned): QAD's purchase order print.
QAD = [
    ("no", "Ln", "", 3, True),
    ("item", "Item Number", "Supplier Item", 18, False),
    ("desc", "Description", "", 26, False),
    ("ldate", "Due", "Date", 10, False),
    ("qty", "Qty", "Ordered", 11, True),
    ("unit", "UM", "", 2, False),
    ("price", "Unit", "Cost", 11, True),
    ("amount", "Extended", "Cost", 12, True),
]
# JD Edwards: "2nd Item Number", the line number with its decimal ("1.000"), "Quantity Ordered".
JDE = [
    ("no", "Line", "Number", 6, True),
    ("item", "2nd Item", "Number", 14, False),
    ("desc", "Description", "Description 2", 30, False),
    ("qty", "Quantity", "Ordered", 12, True),
    ("unit", "UM", "", 2, False),
    ("price", "Unit", "Cost", 12, True),
    ("amount", "Extended", "Cost", 13, True),
    ("ldate", "Request", "Date", 10, True),
]
# An AS/400 print in German: two heading lines, dashes under each column.
AS400_DE = [
    ("no", "Pos", "", 4, True),
    ("item", "Artikel-", "nummer", 13, False),
    ("desc", "Bezeichnung", "", 28, False),
    ("qty", "Bestell-", "menge", 10, True),
    ("unit", "ME", "", 3, False),
    ("price", "Preis", "je ME", 11, True),
    ("amount", "Positions-", "wert", 13, True),
]


def _mono_row(columns: list[tuple[str, str, str, int, bool]], cells: dict[str, str]) -> str:
    return " ".join(
        (cells.get(k, "").rjust(w) if right else cells.get(k, "").ljust(w)) for k, _, _, w, right in columns
    ).rstrip()


def _mono_lines(page: f.Page, columns: list[tuple[str, str, str, int, bool]], style: dict[str, Any]) -> list[str]:
    """The report as lines of text: the heading over two lines with dashes under each column,
    every item's description cut to its column (the rest on a row of its own), a second code
    under the item on some rows."""
    po, n = page.po, page.n
    width = sum(w + 1 for *_, w, _ in columns)
    out = [f"{po.buyer.name.upper():<{width - 24}}{page.lab('title').upper():>24}"]
    out += [t.upper() for t in po.buyer.address] + [""]
    out += [f"{label.upper() + ':':<22}{value}" for label, value in page.header()]
    out += [f"{page.lab('supplier').upper() + ':':<22}{f.OUR.upper()}", ""]
    out.append(" ".join((h1.rjust(w) if right else h1.ljust(w)) for _, h1, _, w, right in columns).rstrip())
    out.append(" ".join((h2.rjust(w) if right else h2.ljust(w)) for _, _, h2, w, right in columns).rstrip())
    rule = {"runs": " ".join("-" * w for *_, w, _ in columns), "full": "=" * width, "none": ""}[style["rule"]]
    if rule:
        out.append(rule)
    desc_w = next(w for k, _, _, w, _ in columns if k == "desc")
    for i, ln in enumerate(po.lines, 1):
        desc = (ln.desc or "").upper() if style["upper"] else ln.desc or ""
        first, rest = desc, ""
        if len(desc) > desc_w:
            cut = desc.rfind(" ", 0, desc_w)
            first, rest = desc[:cut], desc[cut + 1 :]
        no = f"{i}.000" if style["jde"] else str(i)
        cells = {"no": no, "item": ln.item, "desc": first, "qty": n(ln.qty), "unit": ln.unit.upper()[:2]}
        cells.update({"price": n(ln.price), "amount": n(ln.amount)})
        cells["ldate"] = page.d(ln.date) if ln.date else ""
        out.append(_mono_row(columns, cells))
        second = {"desc": rest} if rest else {}
        if style["supplier_item"] and i % 2:
            second["item"] = f"S{ln.item.replace('-', '')}X"
        if second:
            out.append(_mono_row(columns, second))
    if rule:
        out.append(rule)
    label, value = page.total_line() or ("", "")
    out.append(f"{label.upper() + ':':>{width - 16}}{value:>15}")
    out += ["", "ALL SHIPMENTS MUST REFERENCE THE PO NUMBER ON EVERY PACKAGE."]
    return out


def _mono_doc(path: Path, page: f.Page, lines: list[str]) -> None:
    cv = f.Canvas(path, page, landscape=max(len(t) for t in lines) > 110)
    size = 7.5 if cv.W > 700 else 6.8
    y = cv.H - 40
    for text in lines:
        cv.text(24, y, text, size, mono=True)
        y -= size + 3
    cv.save()


def _sheet_doc(path: Path, page: f.Page, two_line: bool) -> None:
    """A sheet printed to PDF as spreadsheet programs print it: every cell in a light grid,
    header fields as label and value cells, headings wrapped over two lines in their cells."""
    po = page.po
    cv = f.Canvas(path, page)
    cols = [k for k, _ in page.columns()]
    labels = dict(page.columns())
    weights = {"no": 0.5, "item": 1.3, "desc": 3.2, "qty": 0.9, "unit": 0.7, "price": 1.1, "amount": 1.3, "ldate": 1.2}
    total_w = sum(weights[k] for k in cols)
    widths = [515 * weights[k] / total_w for k in cols]
    xs = [40 + sum(widths[:i]) for i in range(len(widths))]
    y = cv.H - 50
    cv.c.setStrokeGray(0.75)
    cv.c.setLineWidth(0.4)

    def band(cells: list[tuple[int, int, str]], height: float, bold: bool) -> None:
        """One row of the sheet: (first column, columns merged, text) per cell."""
        for first, span, text in cells:
            x0, w = xs[first], sum(widths[first : first + span])
            cv.c.rect(x0, y - height, w, height, stroke=1, fill=0)
            for j, part in enumerate(text.split("\n") if text else []):
                yy = y - 10 - j * 10
                if cols[first] in ("qty", "price", "amount") and span == 1 and part[:1].isdigit():
                    cv.text(x0 + w - 2, yy, part, 7.5, bold=bold, align="r")
                else:
                    cv.text(x0 + 2, yy, part, 7.5, bold=bold)

    last = len(cols)
    band([(0, 3, po.buyer.name), (3, last - 3, "")], 16, True)
    y -= 16
    for label, value in page.header():
        band([(0, 2, label), (2, 2, value), (4, last - 4, "")], 14, False)
        y -= 14
    band([(0, last, "")], 14, False)
    y -= 14
    heads = []
    for k in cols:
        words = labels[k].split()
        heads.append("\n".join([words[0], " ".join(words[1:])]) if two_line and len(words) > 1 else labels[k])
    height = 24 if two_line else 14
    band([(c, 1, text) for c, text in enumerate(heads)], height, True)
    y -= height
    for i, ln in enumerate(po.lines, 1):
        band([(c, 1, page.cell(i, ln, k)) for c, k in enumerate(cols)], 14, False)
        y -= 14
    label, value = page.total_line() or ("", "")
    band([(0, last - 2, ""), (last - 2, 1, label), (last - 1, 1, value)], 14, True)
    cv.save()


MONO_CASES = [  # (language, columns, upper case, JDE line numbers, supplier item rows, also as text, rule)
    ("en", QAD, True, False, True, True, "runs"),
    ("en", JDE, True, True, False, False, "runs"),
    ("de", AS400_DE, False, False, False, True, "runs"),
    ("en", QAD, False, False, False, False, "runs"),
    ("en", JDE, False, True, True, True, "runs"),
    ("de", AS400_DE, True, False, True, False, "runs"),
    ("en", QAD, True, False, False, True, "full"),
    ("en", JDE, False, True, False, True, "none"),
    ("de", AS400_DE, False, False, False, True, "full"),
    ("en", QAD, False, False, False, True, "none"),
]


def _build_erp_reports(b, add, out) -> None:
    for k, (lang, columns, upper, jde, supplier_item, text, rule) in enumerate(MONO_CASES):
        name = f"{lang.lower()}-lines-erp-report-{k}"
        dated = any(key == "ldate" for key, *_ in columns)
        po = f.make_po(name, BUYERS[lang], 4 + k % 4, payment=True, line_dates=dated, header_delivery=not dated)
        page = f.Page(po, lang, variant=k % 2)
        if upper:
            for ln in po.lines:
                ln.unit = ln.unit.upper()
        for ln in po.lines:
            ln.unit = ln.unit[:2]
        if upper:
            for ln in po.lines:
                ln.desc = (ln.desc or "").upper()
        style = {"upper": upper, "jde": jde, "supplier_item": supplier_item, "rule": rule}
        lines = _mono_lines(page, columns, style)
        _mono_doc(out(f"pdf/{name}.pdf"), page, lines)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-erp-report")
        if text:
            out(f"txt/{name}.txt").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
            add(f"txt/{name}.txt", page.golden(), "text", lang, "lines-erp-report")
    for k, lang in enumerate(["en", "de", "fr", "nl"]):
        name = f"{lang.lower()}-lines-sheet-print-{k}"
        po = f.make_po(name, BUYERS[lang], 3 + k % 3, payment=True)
        page = f.Page(po, lang, variant=k % 2)
        _sheet_doc(out(f"pdf/{name}.pdf"), page, two_line=k % 2 == 0)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "lines-sheet-print")


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

    _build_head_repeated(b, add, out)
    _build_lo_head_repeated(b, add, out)
    _build_code_columns(b, add, out)
    _build_erp_reports(b, add, out)
