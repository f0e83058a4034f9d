"""Call-offs, releases and delivery schedules, prices per a quantity, codes with spaces (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here and its golden file comes from that truth, never from mailflow's output.
One small layout model (title, label/value pairs, text, tables, cards, sums, page breaks) is
drawn by reportlab, fpdf2, openpyxl and python-docx, and some are printed by LibreOffice. The
families:

* ``sched-kanban-cards``: kanban call-off cards, one item a card, two to four cards a page or a
  sheet, each a block of labels and values (card number, part, description, pieces, unit, price,
  due date, a storage location that looks like a code); no lines table. Every card is a line.
* ``sched-release-cum``: a release against a blanket order whose table prints the quantity
  released to date or received so far ("Cum. Qty", "Fortschrittszahl", "Qté cumulée", "累计数量")
  beside this release's quantity, before or after it: the line's quantity is the release's.
* ``sched-firm-forecast``: a firm part (the order's lines and its total) followed by a forecast
  part under a heading of its own ("Forecast (not binding)", "Vorschau – unverbindlich", "内示"),
  in the same columns: the forecast rows are no lines.
* ``sched-week-columns``: a delivery schedule, item rows by date or calendar-week columns holding
  quantities. An order desk books a delivery per item and date: one line per item and filled
  cell, with the column's date (a calendar week is its Monday), the item's price and no amount
  printed; the total printed is the sum of quantity × price.
* ``sched-price-unit``: prices per 100 or per 1,000 ("Per" column, "Price per 1000" heading,
  "12.50/M", "12,50 / 100") and line discounts (a discount % column, or a discount amount column):
  the golden price is per piece and net of the discount, the amount is what the line prints.
* ``sched-codes-head``: item codes with spaces and slashes ("AB 1234/05", "X-12 / R2") and a
  document head continued over two pages (the PO number and the buyer on the first, the date,
  the delivery date and the lines on the second).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import families as f
import families_lines as fl
import generate as g

CENT = Decimal("0.01")
Cell = str | Decimal | date | int | None


def _q(value: Decimal, places: Decimal = CENT) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP)


# --------------------------------------------------------------------------- the layout model


@dataclass
class Table:
    head: list[str]
    rows: list[list[Cell]]
    numeric: list[bool]


@dataclass
class Doc:
    page: f.Page
    blocks: list[tuple[str, Any]] = field(default_factory=list)

    def title(self, text: str) -> None:
        self.blocks.append(("title", text))

    def kv(self, pairs: list[tuple[str, Cell]]) -> None:
        self.blocks.append(("kv", pairs))

    def text(self, text: str, bold: bool = False) -> None:
        self.blocks.append(("bold" if bold else "text", text))

    def table(self, head: list[str], rows: list[list[Cell]], numeric: list[bool]) -> None:
        self.blocks.append(("table", Table(head, rows, numeric)))

    def cards(self, cards: list[list[tuple[str, Cell]]], per_row: int, stacked: bool = False) -> None:
        """``stacked``: each card a grid of boxes, a small label over its value (reportlab only)."""
        self.blocks.append(("stacked" if stacked else "cards", (cards, per_row)))

    def sums(self, pairs: list[tuple[str, Cell]]) -> None:
        self.blocks.append(("sums", pairs))

    def new_page(self) -> None:
        self.blocks.append(("break", None))

    def show(self, value: Cell) -> str:
        """A cell as the buyer's system prints it."""
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return self.page.n(value)
        if isinstance(value, date):
            return self.page.d(value)
        return str(value)


def _head(doc: Doc, *, extra: list[tuple[str, Cell]] = (), buyer: bool = True) -> None:
    """Title, buyer block and the order's header fields."""
    page, po = doc.page, doc.page.po
    doc.title(page.lab("title"))
    if buyer:
        doc.text(po.buyer.name, bold=True)
        for line in po.buyer.address:
            doc.text(line)
    doc.kv([*page.header()[:2], *extra, *page.header()[2:]])
    doc.kv([(page.lab("supplier"), f.OUR)])


# --------------------------------------------------------------------------- reportlab


def _natural(doc: Doc, t: Table, measure) -> list[float]:
    natural = []
    for j, h in enumerate(t.head):
        cells = [doc.show(r[j]) for r in t.rows if j < len(r)]
        natural.append(max([measure(h, True), *(measure(c, False) for c in cells)]) + 8)
    return natural


def _widths(doc: Doc, t: Table, measure, avail: float) -> list[float]:
    natural = _natural(doc, t, measure)
    scale = min(1.0, avail / sum(natural))
    widths = [w * scale for w in natural]
    spare = avail - sum(widths)
    if spare > 0:  # the text column takes the room left
        wide = max(range(len(widths)), key=lambda j: widths[j] if not t.numeric[j] else 0)
        widths[wide] += spare
    return widths


def _rl_table(
    cv: f.Canvas, doc: Doc, t: Table, y: float, *, size: float, lead: float, ruled: bool, x0: float, right: float
) -> float:
    """A table from ``y`` down (a new page when the page is full); returns the new ``y``."""
    tsize = size
    while tsize > 6 and sum(_natural(doc, t, lambda s, b, z=tsize: cv.width(s, z) * 1.15)) > right - x0:
        tsize -= 0.5  # a wide table in smaller type, as a buyer fits it to the page
    widths = _widths(doc, t, lambda s, b, z=tsize: cv.width(s, z), right - x0)
    y -= 6
    for i, cells in enumerate([t.head, *([doc.show(c) for c in r] for r in t.rows)]):
        if y - lead - 4 < 60:
            cv.next_page()
            y = cv.H - 50
        x = x0
        for j, text in enumerate(cells):
            if t.numeric[j]:
                cv.text(x + widths[j] - 3, y, text, tsize, bold=i == 0, align="r")
            else:
                cv.text(x + 3, y, text, tsize, bold=i == 0)
            x += widths[j]
        if ruled:
            cv.c.rect(x0, y - 4, right - x0, lead, stroke=1, fill=0)
            xx = x0
            for w in widths[:-1]:
                xx += w
                cv.line(xx, y - 4, xx, y - 4 + lead)
        elif i == 0:
            cv.line(x0, y - 4, right, y - 4)
        y -= lead
    return y - 4


def draw_reportlab(path: Path, doc: Doc, *, ruled: bool = False, size: float = 8) -> None:
    cv = f.Canvas(path, doc.page)
    x0, right = 40.0, cv.W - 40
    y = cv.H - 50
    lead = size + 3.5

    def room(h: float) -> None:
        nonlocal y
        if y - h < 60:
            cv.next_page()
            y = cv.H - 50

    for kind, data in doc.blocks:
        if kind == "title":
            cv.text(x0, y, data, 14, bold=True)
            y -= 22
        elif kind in ("text", "bold"):
            room(lead)
            cv.text(x0, y, data, size + (1 if kind == "bold" else 0), bold=kind == "bold")
            y -= lead
        elif kind == "kv":
            y -= 3
            w = max(cv.width(f"{label}:", size) for label, _ in data) + 12
            for label, value in data:
                room(lead)
                cv.text(x0, y, f"{label}:", size)
                cv.text(x0 + max(w, 95), y, doc.show(value), size, bold=True)
                y -= lead
            y -= 3
        elif kind == "break":
            cv.next_page()
            y = cv.H - 50
        elif kind == "table":
            y = _rl_table(cv, doc, data, y, size=size, lead=lead, ruled=ruled, x0=x0, right=right)
        elif kind == "cards":
            cards, per_row = data
            gap = 12
            cw = (right - x0 - gap * (per_row - 1)) / per_row
            ch = max(len(c) for c in cards) * lead + 14
            for i, card in enumerate(cards):
                col = i % per_row
                if col == 0:
                    room(ch + gap)
                cx = x0 + col * (cw + gap)
                cv.box(cx, y - ch + lead, cw, ch)
                lw = max(cv.width(f"{label}:", size - 0.5) for label, _ in card) + 8
                yy = y
                for label, value in card:
                    cv.text(cx + 6, yy, f"{label}:", size - 0.5)
                    cv.text(cx + 6 + lw, yy, doc.show(value), size, bold=True)
                    yy -= lead
                if col == per_row - 1 or i == len(cards) - 1:
                    y -= ch + gap
        elif kind == "stacked":
            cards, per_row = data
            gap, box_h = 12, 22
            cw = (right - x0 - gap * (per_row - 1)) / per_row
            ch = (max(len(c) for c in cards) + 1) // 2 * box_h
            for i, card in enumerate(cards):
                col = i % per_row
                if col == 0:
                    room(ch + gap)
                cx = x0 + col * (cw + gap)
                for j, (label, value) in enumerate(card):
                    bx, by = cx + (j % 2) * cw / 2, y - (j // 2) * box_h
                    cv.box(bx, by - box_h + 8, cw / 2, box_h)
                    cv.text(bx + 3, by + 1, label, 6)
                    cv.text(bx + 3, by - 9, doc.show(value), size + 1, bold=True)
                if col == per_row - 1 or i == len(cards) - 1:
                    y -= ch + gap
        elif kind == "sums":
            y -= 4
            for label, value in data:
                room(lead)
                cv.text(right - 110, y, label, size + 0.5, bold=True, align="r")
                cv.text(right - 3, y, doc.show(value), size + 0.5, bold=True, align="r")
                y -= lead + 1
    cv.save()


# --------------------------------------------------------------------------- fpdf2 (Latin scripts)


def _fpdf_width(pdf: Any, text: str, bold: bool, size: float) -> float:
    pdf.set_font("body", "B" if bold else "", size)
    return pdf.get_string_width(text)


def draw_fpdf(path: Path, doc: Doc, *, ruled: bool = True) -> None:
    import logging

    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf = FPDF(format="A4")
    pdf.set_creation_date(g.FIXED_TIME)
    pdf.file_id = lambda: -1
    pdf.set_title(doc.page.lab("title"))
    pdf.add_font("body", fname=g.LATIN_FONT)
    pdf.add_font("body", style="B", fname=g.LATIN_FONT.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    avail = pdf.w - pdf.l_margin - pdf.r_margin
    for kind, data in doc.blocks:
        if kind == "title":
            pdf.set_font("body", "B", 14)
            pdf.cell(0, 9, data, new_x="LMARGIN", new_y="NEXT")
        elif kind in ("text", "bold"):
            pdf.set_font("body", "B" if kind == "bold" else "", 9 if kind == "bold" else 8)
            pdf.cell(0, 4.5, data, new_x="LMARGIN", new_y="NEXT")
        elif kind == "kv":
            pdf.ln(1.5)
            pdf.set_font("body", "", 8)
            w = max(pdf.get_string_width(f"{label}:") for label, _ in data) + 6
            for label, value in data:
                pdf.set_font("body", "", 8)
                pdf.cell(max(w, 38), 4.6, f"{label}:")
                pdf.set_font("body", "B", 8)
                pdf.cell(0, 4.6, doc.show(value), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif kind == "break":
            pdf.add_page()
        elif kind == "table":
            t: Table = data

            tsize = 7.5
            while tsize > 5.5 and sum(_natural(doc, t, lambda s, b, z=tsize: _fpdf_width(pdf, s, b, z) * 1.15)) > avail:
                tsize -= 0.5  # a wide table in smaller type, as a buyer fits it to the page
            widths = _widths(doc, t, lambda s, b, z=tsize: _fpdf_width(pdf, s, b, z), avail)
            pdf.ln(2)
            border = 1 if ruled else 0
            pdf.set_font("body", "B", tsize)
            pdf.set_fill_color(230, 230, 230)
            for j, h in enumerate(t.head):
                pdf.cell(widths[j], 5.5, h, border=border, align="R" if t.numeric[j] else "L", fill=ruled)
            pdf.ln(5.5)
            if not ruled:
                pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + avail, pdf.get_y())
            pdf.set_font("body", "", tsize)
            for r in t.rows:
                for j, c in enumerate(r):
                    pdf.cell(widths[j], 5, doc.show(c), border=border, align="R" if t.numeric[j] else "L")
                pdf.ln(5)
            pdf.ln(1)
        elif kind == "cards":
            cards, per_row = data
            gap = 4
            cw = (avail - gap * (per_row - 1)) / per_row
            ch = max(len(c) for c in cards) * 4.6 + 4
            for i, card in enumerate(cards):
                col = i % per_row
                if col == 0:
                    if pdf.get_y() + ch > pdf.h - 15:
                        pdf.add_page()
                    top = pdf.get_y()
                cx = pdf.l_margin + col * (cw + gap)
                pdf.rect(cx, top, cw, ch)
                pdf.set_font("body", "", 7.5)
                lw = max(pdf.get_string_width(f"{label}:") for label, _ in card) + 4
                for k, (label, value) in enumerate(card):
                    pdf.set_xy(cx + 2, top + 2 + k * 4.6)
                    pdf.set_font("body", "", 7.5)
                    pdf.cell(lw, 4.6, f"{label}:")
                    pdf.set_font("body", "B", 7.5)
                    pdf.cell(cw - lw - 4, 4.6, doc.show(value))
                if col == per_row - 1 or i == len(cards) - 1:
                    pdf.set_xy(pdf.l_margin, top + ch + gap)
        elif kind == "sums":
            pdf.ln(1)
            for label, value in data:
                pdf.set_font("body", "B", 8.5)
                pdf.cell(avail - 35, 5, label, align="R")
                pdf.cell(35, 5, doc.show(value), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


# --------------------------------------------------------------------------- openpyxl


def _xl(value: Cell) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() and value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return value


def draw_xlsx(path: Path, doc: Doc) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = doc.page.lab("title")[:30]
    thin = Side(style="thin")
    r = 1
    for kind, data in doc.blocks:
        if kind == "title":
            ws.cell(row=r, column=1, value=data).font = Font(bold=True, size=14)
            r += 2
        elif kind in ("text", "bold"):
            ws.cell(row=r, column=1, value=data).font = Font(bold=kind == "bold")
            r += 1
        elif kind == "kv":
            for label, value in data:
                ws.cell(row=r, column=1, value=label)
                ws.cell(row=r, column=2, value=_xl(value))
                r += 1
            r += 1
        elif kind == "break":
            r += 2
        elif kind == "table":
            t: Table = data
            for j, h in enumerate(t.head, 1):
                ws.cell(row=r, column=j, value=h).font = Font(bold=True)
            r += 1
            for row in t.rows:
                for j, c in enumerate(row, 1):
                    ws.cell(row=r, column=j, value=_xl(c))
                r += 1
            r += 1
        elif kind == "cards":
            cards, per_row = data
            height = max(len(c) for c in cards) + 1
            for i, card in enumerate(cards):
                top, left = r + (i // per_row) * height, 1 + (i % per_row) * 3
                for k, (label, value) in enumerate(card):
                    a = ws.cell(row=top + k, column=left, value=label)
                    b = ws.cell(row=top + k, column=left + 1, value=_xl(value))
                    for cell in (a, b):
                        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            r += ((len(cards) + per_row - 1) // per_row) * height + 1
        elif kind == "sums":
            width = max((len(d.head) for k, d in doc.blocks if k == "table"), default=6)
            for label, value in data:
                ws.cell(row=r, column=width - 1, value=label).font = Font(bold=True)
                ws.cell(row=r, column=width, value=_xl(value))
                r += 1
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None and not (cell.column == 1 and cell.font and cell.font.size == 14):
                widths[cell.column] = max(widths.get(cell.column, 0), g._dw(str(cell.value)))
            if isinstance(cell.value, float):
                cell.number_format = "#,##0.00##"
            elif isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd"
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = min(width, 40) * 1.1 + 2
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    wb.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    wb.save(str(path))
    g.normalize_zip(path)


# --------------------------------------------------------------------------- python-docx


def draw_docx(path: Path, doc: Doc) -> None:
    from docx import Document
    from docx.shared import Pt

    po = doc.page.po
    d = Document()
    d.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.author = po.buyer.contact
    d.core_properties.last_modified_by = po.buyer.contact
    d.styles["Normal"].font.size = Pt(9)
    for kind, data in doc.blocks:
        if kind == "title":
            d.add_heading(data, level=1)
        elif kind in ("text", "bold"):
            d.add_paragraph().add_run(data).bold = kind == "bold"
        elif kind == "kv":
            for label, value in data:
                d.add_paragraph(f"{label}: {doc.show(value)}")
        elif kind == "break":
            d.add_page_break()
        elif kind == "table":
            t: Table = data
            table = d.add_table(rows=1 + len(t.rows), cols=len(t.head))
            table.style = "Table Grid"
            for j, h in enumerate(t.head):
                table.cell(0, j).text = h
                table.cell(0, j).paragraphs[0].runs[0].bold = True
            for i, r in enumerate(t.rows, 1):
                for j, c in enumerate(r):
                    table.cell(i, j).text = doc.show(c)
            d.add_paragraph()
        elif kind == "cards":
            cards, per_row = data
            height = max(len(c) for c in cards)
            for start in range(0, len(cards), per_row):
                group = cards[start : start + per_row]
                table = d.add_table(rows=height, cols=2 * per_row)
                table.style = "Table Grid"
                for c, card in enumerate(group):
                    for k, (label, value) in enumerate(card):
                        table.cell(k, 2 * c).text = f"{label}:"
                        table.cell(k, 2 * c + 1).text = doc.show(value)
                d.add_paragraph()
        elif kind == "sums":
            for label, value in data:
                d.add_paragraph(f"{label}: {doc.show(value)}")
    d.save(str(path))
    g.normalize_zip(path)


# --------------------------------------------------------------------------- words

BUYERS = {p.lang: p for p in reversed(f.BUYERS)}  # one buyer per language (the first listed)

CARD = {  # title, card number, storage location, cards, pieces per card
    "en": ("KANBAN CALL-OFF", "Kanban No.", "Location", "Card", "Qty per card"),
    "de": ("KANBAN-ABRUF", "Kanban-Nr.", "Lagerplatz", "Karte", "Menge je Karte"),
    "ja": ("かんばん納入指示書", "かんばん番号", "置場", "カード", "収容数"),
    "zh-Hans": ("看板要货单", "看板号", "库位", "看板", "每卡数量"),
    "pl": ("ZAMÓWIENIE KANBAN", "Nr karty", "Lokalizacja", "Karta", "Ilość na kartę"),
    "it": ("RICHIAMO KANBAN", "N. cartellino", "Ubicazione", "Cartellino", "Q.tà per cartellino"),
    "fr": ("APPEL KANBAN", "N° carte", "Emplacement", "Carte", "Qté par carte"),
}
RELEASE = {  # release title, blanket order, release no., release quantity, cumulative quantity
    "en": ("RELEASE", "Blanket Order", "Release No.", "Release Qty", "Cum. Qty Received"),
    "de": ("LIEFERABRUF", "Rahmenauftrag", "Abruf-Nr.", "Abrufmenge", "Fortschrittszahl"),
    "fr": ("APPEL DE LIVRAISON", "Commande cadre", "N° d'appel", "Qté appelée", "Qté cumulée"),
    "it": ("RICHIAMO CONSEGNA", "Ordine quadro", "N. richiamo", "Q.tà richiamata", "Q.tà cumulata"),
    "ja": ("納入指示", "基本契約番号", "指示番号", "今回数量", "累計数量"),
    "zh-Hans": ("交货通知单", "框架订单", "通知单号", "本次数量", "累计数量"),
    "pl": ("WYWOŁANIE DOSTAWY", "Umowa ramowa", "Nr wywołania", "Ilość wywołania", "Ilość narastająco"),
}
FORECAST = {  # the heading over the forecast part, its note, the firm part's heading
    "en": ("Forecast (not binding)", "For planning only - not an order", "Firm requirements"),
    "de": ("Vorschau - unverbindlich", "Nur zur Planung, keine Bestellung", "Verbindliche Abrufe"),
    "fr": ("Prévisions (non contractuelles)", "À titre indicatif uniquement", "Besoins fermes"),
    "it": ("Previsione (non vincolante)", "Solo a scopo di pianificazione", "Fabbisogno confermato"),
    "ja": ("内示（参考）", "計画用の参考情報です。注文ではありません。", "確定注文"),
    "zh-Hans": ("预测（非确定）", "仅供计划参考，不作为订单", "确定需求"),
    "pl": ("Prognoza (niewiążąca)", "Wyłącznie do planowania", "Zamówienie wiążące"),
}
SCHEDULE = {  # title, total quantity column, a calendar week as the buyer writes it
    "en": ("DELIVERY SCHEDULE", "Total Qty", "CW {w}/{y}"),
    "de": ("LIEFERPLAN", "Summe Menge", "KW {w}/{y}"),
    "fr": ("PROGRAMME DE LIVRAISON", "Qté totale", "S{w}/{y}"),
    "it": ("PROGRAMMA DI CONSEGNA", "Q.tà totale", "Sett. {w}/{y}"),
    "ja": ("納入計画", "合計数量", "{y}年第{w}週"),
    "zh-Hans": ("交货计划", "合计数量", "{y}年第{w}周"),
    "pl": ("HARMONOGRAM DOSTAW", "Ilość razem", "Tydz. {w}/{y}"),
}
NO_YEAR = {"en": "CW {w}", "de": "KW {w}", "zh-Hans": "第{w}周"}  # a calendar week without its year
PER = {  # price-unit column, "price per 1000" heading form, discount %, discount amount, list price
    "en": ("Per", "Price per {p}", "Disc. %", "Discount", "Price"),
    "de": ("PE", "Preis je {p} Stk", "Rabatt %", "Rabatt", "Preis"),
    "fr": ("Par", "Prix pour {p}", "Remise %", "Remise", "Prix"),
    "it": ("Per", "Prezzo per {p}", "Sconto %", "Sconto", "Prezzo"),
    "pl": ("Za", "Cena za {p} szt.", "Rabat %", "Rabat", "Cena"),
    "ja": ("単位", "{p}個当たり単価", "値引率%", "値引額", "単価"),
    "zh-Hans": ("计价单位", "每{p}个单价", "折扣%", "折扣额", "单价"),
}
CONTINUED = {  # the second page's head: "(continued)"
    "en": "Purchase order {po} - continued",
    "de": "Bestellung {po} - Fortsetzung",
    "fr": "Commande {po} - suite",
    "it": "Ordine {po} - segue",
    "pl": "Zamówienie {po} - ciąg dalszy",
    "ja": "注文書 {po}（続き）",
    "zh-Hans": "采购订单 {po}（续）",
}
NOTES = {  # a page of conditions on the first page of a long head
    "en": [
        "Deliveries must be accompanied by a delivery note quoting our order number.",
        "Goods are inspected on receipt; rejected parts are returned at the supplier's cost.",
        "Packaging: returnable containers only, labelled with part number and quantity.",
        "Certificates of conformity are to be sent with every shipment.",
    ],
    "de": [
        "Jeder Lieferung ist ein Lieferschein mit unserer Bestellnummer beizulegen.",
        "Die Ware wird bei Eingang geprüft; Ausschuss geht auf Kosten des Lieferanten zurück.",
        "Verpackung nur in Mehrwegbehältern, beschriftet mit Sachnummer und Menge.",
        "Werkszeugnisse sind jeder Sendung beizufügen.",
    ],
    "fr": [
        "Chaque livraison doit être accompagnée d'un bon de livraison rappelant notre numéro.",
        "Les marchandises sont contrôlées à réception ; les rebuts sont retournés aux frais du fournisseur.",
        "Emballage : conteneurs consignés uniquement, étiquetés avec la référence et la quantité.",
        "Un certificat de conformité accompagne chaque expédition.",
    ],
    "it": [
        "Ogni consegna deve essere accompagnata da un DDT con il nostro numero d'ordine.",
        "La merce viene controllata al ricevimento; gli scarti sono resi a spese del fornitore.",
        "Imballo: solo contenitori a rendere, etichettati con codice e quantità.",
        "Il certificato di conformità va allegato a ogni spedizione.",
    ],
    "pl": [
        "Do każdej dostawy należy dołączyć dokument WZ z numerem naszego zamówienia.",
        "Towar jest sprawdzany przy przyjęciu; wadliwe części wracają na koszt dostawcy.",
        "Opakowania: wyłącznie zwrotne, oznaczone indeksem i ilością.",
        "Do każdej wysyłki należy dołączyć świadectwo zgodności.",
    ],
    "ja": [
        "納品の際は当社注文番号を記載した納品書を添付してください。",
        "受入検査で不合格となった品は貴社負担にて返却します。",
        "梱包は通い箱とし、品番と数量を表示してください。",
        "出荷ごとに検査成績書を添付してください。",
    ],
    "zh-Hans": [
        "每次送货须附送货单并注明我司订单号。",
        "来料检验不合格品退回，费用由供应商承担。",
        "包装：仅限周转箱，须标明物料编码及数量。",
        "每批货物须附合格证明。",
    ],
}
CODE_SHAPES = [  # item codes with spaces and slashes, as ERPs print them
    lambda r: f"AB {r.randrange(1000, 9999)}/{r.randrange(1, 30):02d}",
    lambda r: f"X-{r.randrange(10, 99)} / R{r.randrange(1, 9)}",
    lambda r: f"{r.randrange(1000, 9999)} {r.randrange(100, 999)} {r.randrange(10, 99)}",
    lambda r: f"KL {r.randrange(10, 60)}/{r.randrange(1, 9)}-B",
    lambda r: f"TRX {r.randrange(10, 90)} / {r.randrange(1, 9)}-A",
    lambda r: f"M {r.randrange(4, 12)}/{r.randrange(100, 300)} ZN",
]


def _price(value: Decimal) -> Decimal:
    """A price as a buyer's system prints it: at least two decimals, no trailing zeros past them."""
    value = value.normalize()
    return value.quantize(CENT) if value.as_tuple().exponent > -2 else value


def _po(name: str, lang: str, n: int, **kw: Any) -> g.PO:
    return f.make_po(name, BUYERS[lang], n, **kw)


def _line_dates(po: g.PO, step: int = 7) -> None:
    start = po.delivery or po.po_date + timedelta(days=21)
    for j, ln in enumerate(po.lines):
        ln.date = start + timedelta(days=step * j)


# --------------------------------------------------------------------------- the families

# (language, producer) — producers: reportlab, fpdf2 (Latin only), openpyxl, docx (python-docx),
# lo-docx / lo-xlsx (LibreOffice prints the Word or Excel file)
KANBAN = [
    ("en", "reportlab"),
    ("de", "reportlab"),
    ("ja", "reportlab"),
    ("zh-Hans", "reportlab"),
    ("pl", "fpdf2"),
    ("it", "fpdf2"),
    ("de", "openpyxl"),
    ("en", "openpyxl"),
    ("fr", "docx"),
    ("fr", "lo-docx"),
    ("en", "reportlab-stacked"),  # from here: each card a grid of boxes, a small label over its value
    ("de", "reportlab-stacked"),
    ("ja", "reportlab-stacked"),
]
RELEASES = [
    ("en", "reportlab"),
    ("de", "fpdf2"),
    ("fr", "reportlab"),
    ("it", "fpdf2"),
    ("ja", "reportlab"),
    ("zh-Hans", "reportlab"),
    ("pl", "fpdf2"),
    ("de", "openpyxl"),
    ("en", "lo-xlsx"),
    ("de", "docx"),
    ("en", "reportlab"),  # from here: the quantity so far in other words (CUM_OTHER)
    ("de", "openpyxl"),
    ("zh-Hans", "openpyxl"),
    ("fr", "fpdf2"),
]
CUM_OTHER = {  # what else a release calls the quantity released or delivered so far
    "en": "Qty Released to Date",
    "de": "Bisher geliefert",
    "zh-Hans": "已交数量",
    "fr": "Qté déjà livrée",
}
FIRM = [
    ("en", "reportlab"),
    ("de", "reportlab"),
    ("fr", "fpdf2"),
    ("it", "fpdf2"),
    ("ja", "reportlab"),
    ("zh-Hans", "reportlab"),
    ("pl", "fpdf2"),
    ("en", "openpyxl"),
    ("de", "lo-xlsx"),
    ("it", "docx"),
]
WEEKS = [
    ("de", "openpyxl"),
    ("en", "openpyxl"),
    ("pl", "openpyxl"),
    ("ja", "openpyxl"),
    ("de", "reportlab"),
    ("en", "fpdf2"),
    ("fr", "reportlab"),
    ("zh-Hans", "reportlab"),
    ("it", "lo-xlsx"),
    ("de", "lo-xlsx"),
    ("en", "reportlab"),  # from here: the weeks without their year ("KW 49"), this year's or the next
    ("de", "openpyxl"),
    ("zh-Hans", "openpyxl"),
    ("de", "openpyxl"),  # from here: the day and month without the year ("07.12.", "12/7")
    ("en", "reportlab"),
]
PRICES = [
    ("en", "reportlab", "per-column"),
    ("de", "fpdf2", "per-column"),
    ("fr", "reportlab", "per-heading"),
    ("it", "fpdf2", "per-heading"),
    ("en", "reportlab", "per-suffix"),
    ("de", "reportlab", "per-suffix"),
    ("pl", "fpdf2", "disc-pct"),
    ("ja", "reportlab", "disc-pct"),
    ("zh-Hans", "reportlab", "disc-amount"),
    ("de", "openpyxl", "per-disc"),
    ("en", "fpdf2", "disc-amount"),
    ("fr", "lo-docx", "per-disc"),
]
CODES = [
    ("en", "reportlab", "split"),
    ("de", "fpdf2", "split"),
    ("fr", "reportlab", "notes"),
    ("it", "fpdf2", "notes"),
    ("pl", "fpdf2", "split"),
    ("ja", "reportlab", "notes"),
    ("zh-Hans", "reportlab", "split"),
    ("de", "lo-docx", "notes"),
    ("en", "docx", "one"),
    ("de", "openpyxl", "one"),
]


def _draw(b: Any, jobs: list[f.Job], add, out, name: str, doc: Doc, producer: str, golden: dict, family: str) -> None:
    lang = doc.page.lang
    if producer == "reportlab":
        draw_reportlab(out(f"pdf/{name}.pdf"), doc, ruled=len(name) % 3 == 0)
        add(f"pdf/{name}.pdf", golden, "reportlab", lang, family)
    elif producer == "fpdf2":
        draw_fpdf(out(f"pdf/{name}.pdf"), doc, ruled=len(name) % 2 == 0)
        add(f"pdf/{name}.pdf", golden, "fpdf2", lang, family)
    elif producer == "openpyxl":
        draw_xlsx(out(f"xlsx/{name}.xlsx"), doc)
        add(f"xlsx/{name}.xlsx", golden, "openpyxl", lang, family)
    elif producer == "docx":
        draw_docx(out(f"docx/{name}.docx"), doc)
        add(f"docx/{name}.docx", golden, "python-docx", lang, family)
    else:  # LibreOffice prints the Word or Excel file
        src = b.tmp / "sched-src"
        src.mkdir(exist_ok=True)
        ext = producer.split("-")[1]
        source = src / f"{name}.{ext}"
        (draw_docx if ext == "docx" else draw_xlsx)(source, doc)
        jobs.append(f.Job(f"{f.WIDE}/pdf/{name}.pdf", source, "pdf"))
        add(f"pdf/{name}.pdf", golden, "libreoffice", lang, family)


def _kanban(b, jobs, add, out) -> None:
    for k, (lang, producer) in enumerate(KANBAN):
        name = f"{lang.lower()}-sched-kanban-cards-{k}"
        po = _po(name, lang, 3 + k % 4, header_delivery=False, payment=False)
        _line_dates(po, step=2 + k % 3)
        page = f.Page(po, lang, variant=k % 2)
        title, card_no, location, _, per_card = CARD[lang]
        rng = f.rng_for(name + "cards")
        doc = Doc(page)
        doc.title(title)
        doc.text(po.buyer.name, bold=True)
        doc.text(po.buyer.address[0])
        doc.kv([(page.lab("po"), po.number), (page.lab("date"), po.po_date), (page.lab("currency"), po.currency)])
        doc.kv([(page.lab("supplier"), f.OUR)])
        cards = []
        for j, ln in enumerate(po.lines):
            card: list[tuple[str, Cell]] = [(card_no, f"K{rng.randrange(100, 999)}-{j + 1:02d}")]
            card += [(page.lab("item"), ln.item), (page.lab("desc"), ln.desc)]
            card += [(per_card if k % 3 == 0 else page.lab("qty"), ln.qty), (page.lab("unit"), ln.unit)]
            card += [(page.lab("price"), ln.price)]
            if k % 2 == 0:
                card.append((page.lab("amount"), ln.amount))
            card += [
                (page.lab("ldate"), ln.date),
                (location, f"{rng.choice('ABCDE')}-{rng.randrange(1, 40):02d}-{j + 1}"),
            ]
            cards.append(card)
        stacked = producer.endswith("-stacked")
        producer = producer.removesuffix("-stacked")
        doc.cards(cards, 1 if stacked or k % 4 == 3 else 2, stacked=stacked)
        label, value = page.total_line() or ("", "")
        doc.sums([(label, po.total)])
        golden = g.expected_for(po, g.Style(amounts=k % 2 == 0, line_dates=True))
        _draw(b, jobs, add, out, name, doc, producer, golden, "sched-kanban-cards")


def _release(b, jobs, add, out) -> None:
    for k, (lang, producer) in enumerate(RELEASES):
        name = f"{lang.lower()}-sched-release-cum-{k}"
        po = _po(name, lang, 3 + k % 4)
        _line_dates(po, step=3)
        page = f.Page(po, lang, variant=k % 2)
        title, blanket, release_no, rel_qty, cum_qty = RELEASE[lang]
        if k >= 10:
            cum_qty = CUM_OTHER[lang]
        rng = f.rng_for(name + "cum")
        doc = Doc(page)
        _head(doc, extra=[(blanket, f"55{rng.randrange(10000000, 99999999)}"), (release_no, str(rng.randrange(3, 60)))])
        doc.blocks.insert(0, ("bold", title))
        cum_first = k % 2 == 1
        head = ["No.", page.lab("item"), page.lab("desc")]
        head += [cum_qty, rel_qty] if cum_first else [rel_qty, cum_qty]
        head += [page.lab("unit"), page.lab("price"), page.lab("amount"), page.lab("ldate")]
        numeric = [True, False, False, True, True, False, True, True, False]
        rows: list[list[Cell]] = []
        for j, ln in enumerate(po.lines, 1):
            cum = ln.qty * rng.randrange(3, 12) + Decimal(rng.choice([0, 50, 100, 250]))
            qtys: list[Cell] = [cum, ln.qty] if cum_first else [ln.qty, cum]
            rows.append([str(j), ln.item, ln.desc, *qtys, ln.unit, ln.price, ln.amount, ln.date])
        doc.table(head, rows, numeric)
        label, value = page.total_line() or ("", "")
        doc.sums([(label, po.total)])
        golden = g.expected_for(po, g.Style(line_dates=True))
        _draw(b, jobs, add, out, name, doc, producer, golden, "sched-release-cum")


def _firm_forecast(b, jobs, add, out) -> None:
    for k, (lang, producer) in enumerate(FIRM):
        name = f"{lang.lower()}-sched-firm-forecast-{k}"
        po = _po(name, lang, 3 + k % 3, header_delivery=False)
        _line_dates(po, step=7)
        page = f.Page(po, lang, variant=k % 2)
        heading, note, firm = FORECAST[lang]
        rng = f.rng_for(name + "fc")
        doc = Doc(page)
        _head(doc)
        cols = ["item", "desc", "qty", "unit", "price", "amount", "ldate"]
        head = [page.lab(c) for c in cols]
        numeric = [c in ("qty", "price", "amount") for c in cols]
        doc.text(firm, bold=True)
        doc.table(head, [[ln.item, ln.desc, ln.qty, ln.unit, ln.price, ln.amount, ln.date] for ln in po.lines], numeric)
        label, value = page.total_line() or ("", "")
        doc.sums([(label, po.total)])
        doc.text(heading, bold=True)
        doc.text(note)
        later = (po.lines[-1].date or po.po_date) + timedelta(days=14)
        fc_rows: list[list[Cell]] = []
        for week in range(2 + k % 3):
            for ln in po.lines:
                qty = ln.qty * rng.choice([1, 2, 3])
                amount = _q(qty * ln.price, Decimal(1) if po.currency in ("JPY", "TWD") else CENT)
                fc_rows.append([ln.item, ln.desc, qty, ln.unit, ln.price, amount, later + timedelta(days=7 * week)])
        if k % 2:  # the forecast without prices
            doc.table(
                [head[0], head[1], head[2], head[3], head[6]],
                [[r[0], r[1], r[2], r[3], r[6]] for r in fc_rows],
                [False, False, True, False, False],
            )
        else:
            doc.table(head, fc_rows, numeric)
        golden = g.expected_for(po, g.Style(line_dates=True))
        _draw(b, jobs, add, out, name, doc, producer, golden, "sched-firm-forecast")


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _weeks(b, jobs, add, out) -> None:
    for k, (lang, producer) in enumerate(WEEKS):
        name = f"{lang.lower()}-sched-week-columns-{k}"
        po = _po(name, lang, 3 + k % 3, header_delivery=False)
        page = f.Page(po, lang, variant=k % 2)
        title, total_qty, week_word = SCHEDULE[lang]
        rng = f.rng_for(name + "weeks")
        first = _monday(po.po_date + timedelta(days=14))
        weeks = [first + timedelta(days=7 * w) for w in range(4 + k % 3)]
        by_week = k % 2 == 1  # calendar-week headings; else the Monday's date
        if 10 <= k < 13:  # the week alone, as a plant's schedule writes it: "KW 49", "CW 2", "第49周"
            by_week, week_word = True, NO_YEAR[lang]
        cols = [week_word.format(w=d.isocalendar()[1], y=d.isocalendar()[0]) if by_week else page.d(d) for d in weeks]
        if k >= 13:  # the day and the month alone, in the buyer's order
            cols = [f"{d.day:02d}.{d.month:02d}." if lang == "de" else f"{d.month}/{d.day}" for d in weeks]
        rows: list[list[Cell]] = []
        lines: list[g.Line] = []
        for ln in po.lines:
            qtys: list[Decimal | None] = []
            for j, d in enumerate(weeks):
                filled = rng.random() < 0.6 or j == 0
                qty = _q(ln.qty * rng.choice([Decimal("0.5"), Decimal(1), Decimal(2)]), Decimal(1)) if filled else None
                qtys.append(qty)
                if qty:
                    amount = _q(qty * ln.price, Decimal(1) if po.currency in ("JPY", "TWD") else CENT)
                    lines.append(g.Line(ln.item, ln.desc, qty, ln.unit, ln.price, amount, d))
            row: list[Cell] = [ln.item, ln.desc, ln.unit, ln.price, *qtys]
            if k % 3 != 2:
                row.append(sum((q for q in qtys if q), Decimal(0)))
            rows.append(row)
        po.lines = lines
        po.total = sum((ln.amount for ln in lines), Decimal(0))
        doc = Doc(page)
        doc.title(title)
        doc.text(po.buyer.name, bold=True)
        doc.text(po.buyer.address[0])
        doc.kv(page.header())
        doc.kv([(page.lab("supplier"), f.OUR)])
        head = [page.lab("item"), page.lab("desc"), page.lab("unit"), page.lab("price"), *cols]
        if k % 3 != 2:
            head.append(total_qty)
        doc.table(head, rows, [False, False, False, True] + [True] * (len(head) - 4))
        label, value = page.total_line() or ("", "")
        doc.sums([(label, po.total)])
        golden = g.expected_for(po, g.Style(amounts=False, line_dates=True))
        _draw(b, jobs, add, out, name, doc, producer, golden, "sched-week-columns")


def _prices(b, jobs, add, out) -> None:
    for k, (lang, producer, how) in enumerate(PRICES):
        name = f"{lang.lower()}-sched-price-unit-{k}"
        po = _po(name, lang, 4 + k % 3)
        page = f.Page(po, lang, variant=k % 2)
        per_word, per_heading, disc_pct, disc_amount, list_word = PER[lang]
        rng = f.rng_for(name + "per")
        whole = po.currency in ("JPY", "TWD")
        per_all = 1000 if k % 2 else 100
        head = [page.lab("item"), page.lab("desc"), page.lab("qty"), page.lab("unit")]
        numeric = [False, False, True, False]
        if how == "per-column":
            head += [page.lab("price"), per_word, page.lab("amount")]
        elif how == "per-heading":
            head += [per_heading.format(p=g.fmt_num(Decimal(per_all), page.L["num"], 0)), page.lab("amount")]
        elif how == "per-suffix":
            head += [page.lab("price"), page.lab("amount")]
        elif how == "disc-pct":
            head += [list_word, disc_pct, page.lab("amount")]
        elif how == "disc-amount":
            head += [list_word, disc_amount, page.lab("amount")]
        else:  # per-disc: price, per, discount %
            head += [page.lab("price"), per_word, disc_pct, page.lab("amount")]
        numeric += [True] * (len(head) - 4)
        rows: list[list[Cell]] = []
        for j, ln in enumerate(po.lines):
            per = 1
            if how in ("per-column", "per-disc"):
                per = 1 if ln.price >= 1 else (100 if j % 2 else 1000)
            elif how in ("per-heading", "per-suffix"):
                per = per_all
            printed = ln.price * per  # the price as printed, per ``per`` pieces
            if not (whole and printed == printed.to_integral()):
                printed = _price(printed)
            disc = Decimal(0)
            if how in ("disc-pct", "per-disc", "disc-amount"):
                # a discount whose line amount comes out to the cent, so that the net price is plain
                choices = [Decimal(d) for d in rng.sample([2, 3, 5, 10, 15, 20, 25], 7)]
                places = Decimal(1) if whole else CENT
                exact = [
                    d
                    for d in choices
                    if _q(ln.qty * printed * (1 - d / 100) / per, places) == ln.qty * printed * (1 - d / 100) / per
                ]
                disc = exact[0] if exact and (j == 0 or rng.random() < 0.7) else Decimal(0)
            net = ln.price * (1 - disc / 100)
            ln.price = net.normalize() if net != net.to_integral() else net.quantize(Decimal(1))
            ln.amount = _q(ln.qty * printed * (1 - disc / 100) / per, Decimal(1) if whole else CENT)
            off = _q(ln.qty * printed / per, Decimal(1) if whole else CENT) - ln.amount
            row: list[Cell] = [ln.item, ln.desc, ln.qty, ln.unit]
            if how == "per-column":
                row += [printed, str(per), ln.amount]
            elif how == "per-heading":
                row += [printed, ln.amount]
            elif how == "per-suffix":
                suffix = "/M" if per == 1000 and lang == "en" else f" / {per}"
                if lang == "en" and k % 3 == 1:
                    suffix = " PER M" if per == 1000 else " PER C"
                row += [page.n(printed) + suffix, ln.amount]
            elif how == "disc-pct":
                row += [printed, g.fmt_num(disc, page.L["num"], 0) if disc else "", ln.amount]
            elif how == "disc-amount":
                row += [printed, off if off else "", ln.amount]
            else:
                row += [printed, str(per), g.fmt_num(disc, page.L["num"], 0) if disc else "", ln.amount]
            rows.append(row)
        po.total = sum((ln.amount for ln in po.lines), Decimal(0))
        doc = Doc(page)
        _head(doc)
        doc.table(head, rows, numeric)
        label, value = page.total_line() or ("", "")
        doc.sums([(label, po.total)])
        _draw(b, jobs, add, out, name, doc, producer, g.expected_for(po, g.Style()), "sched-price-unit")


def _codes(b, jobs, add, out) -> None:
    for k, (lang, producer, how) in enumerate(CODES):
        name = f"{lang.lower()}-sched-codes-head-{k}"
        po = _po(name, lang, 4 + k % 3)
        rng = f.rng_for(name + "codes")
        for j, ln in enumerate(po.lines):
            ln.item = CODE_SHAPES[(j + k) % len(CODE_SHAPES)](rng)
        page = f.Page(po, lang, variant=k % 2)
        doc = Doc(page)
        doc.title(page.lab("title"))
        doc.text(po.buyer.name, bold=True)
        for line in po.buyer.address:
            doc.text(line)
        doc.kv([(page.lab("po"), po.number)])
        if how == "one":
            doc.kv(page.header()[1:])
        else:
            doc.kv([(page.lab("supplier"), f.OUR)])
            for line in g.OUR_ADDRESS:
                doc.text(line)
            for _ in range(3 if how == "notes" else 1):
                for line in NOTES[lang]:
                    doc.text(line)
            doc.new_page()
            doc.text(CONTINUED[lang].format(po=po.number), bold=True)
            doc.kv(page.header()[1:])
        cols = ["item", "desc", "qty", "unit", "price", "amount"]
        doc.table(
            ["No."] + [page.lab(c) for c in cols],
            [[str(j), ln.item, ln.desc, ln.qty, ln.unit, ln.price, ln.amount] for j, ln in enumerate(po.lines, 1)],
            [True, False, False, True, False, True, True],
        )
        label, value = page.total_line() or ("", "")
        doc.sums([(label, po.total)])
        _draw(b, jobs, add, out, name, doc, producer, page.golden(), "sched-codes-head")


def build(b: Any) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""
    add, out = fl._adder(b)
    jobs: list[f.Job] = []
    _kanban(b, jobs, add, out)
    _release(b, jobs, add, out)
    _firm_forecast(b, jobs, add, out)
    _weeks(b, jobs, add, out)
    _prices(b, jobs, add, out)
    _codes(b, jobs, add, out)
    f.run_conversions(b, jobs)
