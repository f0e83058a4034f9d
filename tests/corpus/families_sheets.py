"""Workbooks, Word files and CSV exports in the shapes buyers' own templates take (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here (``families.make_po``); its golden file comes from that truth, never from
mailflow's output. The families:

* ``xlsx-vertical-cover``: an instructions sheet first, a hidden sheet archiving an older order,
  then the PO: labels in column A and values in column B, the lines below, amounts and totals as
  formulas with the results Excel saved, subtotal, tax and freight above the grand total; some
  numbers and dates typed as text in the buyer's style ("1.234,50", "18.11.2026").
* ``xlsx-pairs-block``: a header block of label/value pairs side by side (two pairs a row,
  labels ending in a colon, values merged over two columns), a "Net"/"Summe netto" row and tax
  before the total; also saved by LibreOffice as .ods (``ods-pairs-block``).
* ``xlsx-formula-uncached``: a workbook written by a program: amounts and total are formulas
  with no saved result. Nobody may read them as 0: the golden file asks for review.
* ``xls-vertical-cover``: the vertical form as a legacy .xls after a cover sheet.
* ``csv-header-block``: an ERP export in windows-1252 with ';': the order's header as
  label;value rows, then the lines, then subtotal, tax and total rows, numbers in the
  European style.
* ``docx-textbox-header``: a Word form whose header fields sit in a text box (label, tab,
  value), the lines in a table, the totals in a small table of their own (net, tax, total).
* ``docx-nested-header``: a layout table whose right cell holds a nested table of the header
  fields, the buyer's letterhead in the left cell; totals as paragraphs after the lines,
  the net total first; also saved by LibreOffice as .odt (``odt-nested-header``).
* ``docx-page-header``: the PO number, dates, currency and terms in the page header, a footer
  with the buyer's name and a page number; also saved by LibreOffice as .odt
  (``odt-page-header``, the header then in ``styles.xml``).
* ``xlsx-two-orders``: two visible sheets, each a whole order: the golden file asks for review.
* ``xlsx-label-gap``: labels merged over two columns, values two columns further right, the
  description merged over two columns, quantities typed as text ("5.000").
* ``csv-quoted``: every cell quoted, amounts with their currency sign ("$1,234.50",
  "1 234,50 €"), in windows-1252 or UTF-8 with a BOM.
* ``ods-vertical-cover``: the vertical form with its hidden archive sheet saved by Calc.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import families as f
import families_erp as erp
import generate as g

# Buyers of this module only (their letterheads are new to the reader).
BUYERS = {
    "en": f.Party(
        "Cedar Ridge Instruments LLC",
        ["77 Foundry Lane", "Lowell MA 01852", "USA"],
        "Maya Chen",
        "po@cedarridge.example",
        "en",
    ),
    "de": f.Party(
        "Hanseatische Pumpenwerke GmbH",
        ["Kaistraße 12", "20457 Hamburg"],
        "Ute Brandt",
        "einkauf@hanse-pumpen.example",
        "de",
    ),
    "fr": f.Party(
        "Forges du Léman SA",
        ["5 quai des Usines", "74200 Thonon-les-Bains"],
        "Luc Perrin",
        "achats@leman.example",
        "fr",
    ),
    "it": f.Party(
        "Officine Lariane S.p.A.", ["Via Valassina 40", "22100 Como CO"], "Giulia Riva", "ordini@lariane.example", "it"
    ),
    "es": f.Party(
        "Metalúrgica Cantábrica S.A.",
        ["Polígono Raos 14", "39011 Santander"],
        "Iker Solana",
        "compras@cantabrica.example",
        "es",
    ),
    "nl": f.Party(
        "Brabant Aandrijftechniek B.V.",
        ["Ekkersrijt 3010", "5692 CD Son"],
        "Femke Jansen",
        "inkoop@brabant-at.example",
        "nl",
    ),
}
NET = {"en": "Net", "de": "Summe netto", "fr": "Total HT", "it": "Imponibile", "es": "Base imponible", "nl": "Netto"}
INSTRUCTIONS = {
    "en": [
        "How to use this form",
        "1. Fill in the yellow cells on sheet PO",
        "2. Prices in the order currency",
        "Form version 3.2",
    ],
    "de": [
        "Ausfüllhinweise",
        "1. Gelbe Felder im Blatt PO ausfüllen",
        "2. Preise in Bestellwährung",
        "Formularversion 3.2",
    ],
    "fr": ["Mode d'emploi", "1. Remplir les cases jaunes de la feuille PO", "2. Prix dans la devise", "Version 3.2"],
    "it": ["Istruzioni", "1. Compilare le celle gialle del foglio PO", "2. Prezzi nella valuta", "Versione 3.2"],
    "es": ["Instrucciones", "1. Rellenar las celdas amarillas de la hoja PO", "2. Precios en la divisa", "Versión 3.2"],
    "nl": ["Instructies", "1. Vul de gele cellen in op blad PO", "2. Prijzen in de valuta", "Versie 3.2"],
}


def _page(name: str, lang: str, n: int, variant: int, dates: str | None = None) -> tuple[f.Page, g.PO]:
    po = f.make_po(name, BUYERS[lang], n)
    return f.Page(po, lang, variant=variant, dates=dates), po


def _totals(page: f.Page) -> list[tuple[str, Decimal]]:
    """Net, tax, freight and grand total rows (the grand total set on the order)."""
    lang = page.lang
    sub, tax, freight, total = erp._totals(page.po, lang)
    rate = page.n(erp._q(erp.TAX_RATE[lang] * 100, "0.01").normalize())
    return [
        (NET[lang], sub),
        (f"{page.L['tax']} {rate} %", tax),
        (erp.FREIGHT[lang], freight),
        (erp.GRAND_TOTAL[lang], total),
    ]


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _stamp(wb) -> None:
    wb.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = g.FIXED_TIME.replace(tzinfo=None)


def _save_with_results(wb, path: Path, results: dict[str, dict[str, Decimal]]) -> None:
    """Save, then write each formula's result beside it as Excel does when it saves
    (openpyxl writes formulas only): ``results`` maps a sheet title to {cell: value}."""
    wb.save(str(path))
    files = {ws.title: f"xl/worksheets/sheet{k}.xml" for k, ws in enumerate(wb.worksheets, 1)}
    src = zipfile.ZipFile(path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            for title, values in results.items():
                if info.filename == files[title]:
                    text = data.decode("utf-8")
                    for ref, value in values.items():
                        text = re.sub(
                            rf'(<c r="{ref}"[^>]*>)<f>([^<]*)</f><v\s*/?>(?:</v>)?',
                            lambda m, v=value: f"{m.group(1)}<f>{m.group(2)}</f><v>{v}</v>",
                            text,
                        )
                    data = text.encode("utf-8")
            dst.writestr(info, data)
    src.close()
    path.write_bytes(buf.getvalue())
    g.normalize_zip(path)


# --------------------------------------------------------------------------- workbooks


def _vertical_sheet(ws, page: f.Page, *, text_numbers: bool, formulas: bool) -> dict[str, Decimal]:
    """The vertical form on ``ws``; returns the formula results by cell."""
    from openpyxl.styles import Font

    po = page.po
    results: dict[str, Decimal] = {}
    ws["A1"] = po.buyer.name
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = ", ".join(po.buyer.address)
    ws["A3"] = page.lab("title")
    r = 5
    for label, value in page.header():
        ws.cell(r, 1, label)
        if label in (page.lab("date"), page.lab("delivery")) and not text_numbers:
            when = po.po_date if label == page.lab("date") else po.delivery
            ws.cell(r, 2, datetime(when.year, when.month, when.day)).number_format = "DD.MM.YYYY"
        else:
            ws.cell(r, 2, value)  # dates as the buyer typed them
        r += 1
    ws.cell(r, 1, page.lab("supplier"))
    ws.cell(r, 2, f.OUR)
    r += 2
    cols = page.columns()
    keys = [k for k, _ in cols]
    for j, (_, label) in enumerate(cols, 1):
        ws.cell(r, j, label).font = Font(bold=True)
    top = r
    letter = {k: chr(ord("A") + j) for j, k in enumerate(keys)}
    for i, ln in enumerate(po.lines, 1):
        row = top + i
        for j, k in enumerate(keys, 1):
            value: Any = {"no": i, "item": ln.item, "desc": ln.desc, "unit": ln.unit}.get(k)
            if k == "qty":
                value = _number(ln.qty)
            elif k == "price":
                value = page.n(ln.price) if text_numbers else _number(ln.price)
            elif k == "amount":
                if formulas:
                    value = f"={letter['qty']}{row}*{letter['price']}{row}"
                    results[f"{letter['amount']}{row}"] = ln.amount
                else:
                    value = page.n(ln.amount) if text_numbers else _number(ln.amount)
            ws.cell(row, j, value)
    r = top + len(po.lines) + 2
    first, last = top + 1, top + len(po.lines)
    for k, (label, value) in enumerate(_totals(page)):
        ws.cell(r, len(keys) - 1, label)
        ref = f"{letter['amount']}{r}"
        if formulas and k == 0:
            ws[ref] = f"=SUM({letter['amount']}{first}:{letter['amount']}{last})"
            results[ref] = value
        elif formulas and k == 3:
            ws[ref] = f"=SUM({letter['amount']}{r - 3}:{letter['amount']}{r - 1})"
            results[ref] = value
        else:
            ws[ref] = page.n(value) if text_numbers else _number(value)
        r += 1
    ws.cell(r + 1, 1, f"{page.lab('contact')}: {po.buyer.contact}, {po.buyer.email}")
    return results


def xlsx_vertical_cover(path: Path, page: f.Page, archived: f.Page, *, text_numbers: bool) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    cover = wb.active
    cover.title = "Instructions"
    for r, text in enumerate(INSTRUCTIONS[page.lang], 1):
        cover.cell(r, 1, text)
    old = wb.create_sheet("Archive")
    old_results = _vertical_sheet(old, archived, text_numbers=False, formulas=True)
    old.sheet_state = "hidden"
    ws = wb.create_sheet("PO")
    results = _vertical_sheet(ws, page, text_numbers=text_numbers, formulas=True)
    _stamp(wb)
    _save_with_results(wb, path, {"Archive": old_results, "PO": results})


def xlsx_formula_uncached(path: Path, page: f.Page) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "PO"
    _vertical_sheet(ws, page, text_numbers=False, formulas=True)
    _stamp(wb)
    wb.save(str(path))
    g.normalize_zip(path)


def xlsx_pairs_block(path: Path, page: f.Page) -> None:
    """Two label/value pairs a row (labels with a colon, values merged over two columns)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    po = page.po
    wb = Workbook()
    ws = wb.active
    ws.title = page.lab("title")[:30]
    ws.merge_cells("A1:G1")
    ws["A1"] = po.buyer.name
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A2:G2")
    ws["A2"] = ", ".join(po.buyer.address)
    ws["A3"] = page.lab("title")
    pairs = page.header()
    r = 5
    for i in range(0, len(pairs), 2):
        for j, (label, value) in enumerate(pairs[i : i + 2]):
            col = 1 + 4 * j
            ws.cell(r, col, f"{label}:")
            ws.merge_cells(start_row=r, start_column=col + 1, end_row=r, end_column=col + 2)
            ws.cell(r, col + 1, value)
        r += 1
    ws.cell(r, 1, f"{page.lab('supplier')}:")
    ws.cell(r, 2, f.OUR)
    r += 2
    cols = page.columns()
    keys = [k for k, _ in cols]
    for j, (_, label) in enumerate(cols, 1):
        ws.cell(r, j, label).font = Font(bold=True)
    for i, ln in enumerate(po.lines, 1):
        for j, k in enumerate(keys, 1):
            value: Any = {"no": i, "item": ln.item, "desc": ln.desc, "unit": ln.unit}.get(k)
            if k in ("qty", "price", "amount"):
                value = _number({"qty": ln.qty, "price": ln.price, "amount": ln.amount}[k])
            ws.cell(r + i, j, value)
    r += len(po.lines) + 1
    for label, value in _totals(page):
        ws.cell(r, len(keys) - 1, label)
        ws.cell(r, len(keys), _number(value))
        r += 1
    _stamp(wb)
    wb.save(str(path))
    g.normalize_zip(path)


def xls_vertical_cover(path: Path, page: f.Page) -> None:
    """The vertical form as a legacy .xls (xlwt), after a cover sheet."""
    import xlwt

    po = page.po
    book = xlwt.Workbook(encoding="utf-8")
    cover = book.add_sheet("Cover")
    for r, text in enumerate(INSTRUCTIONS[page.lang]):
        cover.write(r, 0, text)
    ws = book.add_sheet("PO")
    ws.write(0, 0, po.buyer.name)
    ws.write(1, 0, ", ".join(po.buyer.address))
    ws.write(2, 0, page.lab("title"))
    r = 4
    for label, value in page.header():
        ws.write(r, 0, label)
        ws.write(r, 1, value)
        r += 1
    ws.write(r, 0, page.lab("supplier"))
    ws.write(r, 1, f.OUR)
    r += 2
    cols = page.columns()
    keys = [k for k, _ in cols]
    for j, (_, label) in enumerate(cols):
        ws.write(r, j, label)
    for i, ln in enumerate(po.lines, 1):
        for j, k in enumerate(keys):
            value: Any = {"no": i, "item": ln.item, "desc": ln.desc, "unit": ln.unit}.get(k)
            if k in ("qty", "price", "amount"):
                value = float({"qty": ln.qty, "price": ln.price, "amount": ln.amount}[k])
            ws.write(r + i, j, value)
    r += len(po.lines) + 2
    for label, value in _totals(page):
        ws.write(r, len(keys) - 2, label)
        ws.write(r, len(keys) - 1, float(value))
        r += 1
    buf = io.BytesIO()
    book.save(buf)
    path.write_bytes(buf.getvalue())


def csv_header_block(path: Path, page: f.Page) -> None:
    """An ERP export: the header as label;value rows, the lines, then the totals rows."""
    po = page.po
    cols = page.columns()
    width = len(cols)
    out = [[po.buyer.name] + [""] * (width - 1), [page.lab("title")] + [""] * (width - 1)]
    for label, value in page.header():
        out.append([label, value] + [""] * (width - 2))
    out.append([""] * width)
    out.append([label for _, label in cols])
    out.extend(page.rows())
    out.append([""] * width)
    for label, value in _totals(page):
        out.append([""] * (width - 2) + [label, page.n(value)])
    text = "\r\n".join(";".join(cell for cell in row) for row in out) + "\r\n"
    path.write_bytes(text.encode("cp1252"))


# --------------------------------------------------------------------------- Word


def _word(page: f.Page):
    from docx import Document
    from docx.shared import Pt

    d = Document()
    po = page.po
    d.core_properties.author = po.buyer.contact
    d.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.last_modified_by = po.buyer.contact
    d.styles["Normal"].font.size = Pt(9)
    return d


def _lines_table(d, page: f.Page) -> None:
    cols = page.columns()
    t = d.add_table(rows=1, cols=len(cols))
    t.style = "Table Grid"
    for cell, (_, label) in zip(t.rows[0].cells, cols):
        cell.text = label
    for row in page.rows():
        for cell, v in zip(t.add_row().cells, row):
            cell.text = v


def _text_box(paragraph, lines: list[str]) -> None:
    """A VML text box anchored in ``paragraph``, one paragraph per line."""
    from docx.oxml import parse_xml
    from xml.sax.saxutils import escape

    body = "".join(
        "<w:p>"
        + "".join(
            (
                f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>'
                if k == 0
                else f'<w:r><w:tab/><w:t xml:space="preserve">{escape(part)}</w:t></w:r>'
            )
            for k, part in enumerate(line.split("\t"))
        )
        + "</w:p>"
        for line in lines
    )
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        '<v:shape id="HeaderBox" type="#_x0000_t202" style="position:absolute;margin-left:260pt;'
        'margin-top:0;width:220pt;height:110pt;z-index:1"><v:textbox><w:txbxContent>'
        f"{body}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


def docx_textbox_header(path: Path, page: f.Page) -> None:
    po = page.po
    d = _word(page)
    p = d.add_paragraph()
    p.add_run(po.buyer.name).bold = True
    _text_box(p, [page.lab("title")] + [f"{label}:\t{value}" for label, value in page.header()])
    d.add_paragraph("\n".join(po.buyer.address))
    d.add_paragraph(f"{page.lab('supplier')}: {f.OUR}")
    d.add_paragraph("")
    _lines_table(d, page)
    d.add_paragraph("")
    totals = d.add_table(rows=0, cols=2)
    totals.style = "Table Grid"
    for label, value in _totals(page):
        cells = totals.add_row().cells
        cells[0].text, cells[1].text = label, page.n(value)
    d.add_paragraph(f"{page.lab('contact')}: {po.buyer.contact}, {po.buyer.email}")
    d.save(str(path))
    g.normalize_zip(path)


def docx_nested_header(path: Path, page: f.Page) -> None:
    po = page.po
    d = _word(page)
    outer = d.add_table(rows=1, cols=2)
    left, right = outer.rows[0].cells
    left.text = "\n".join([po.buyer.name, *po.buyer.address])
    right.text = page.lab("title")
    inner = right.add_table(rows=0, cols=2)
    inner.style = "Table Grid"
    for label, value in page.header():
        cells = inner.add_row().cells
        cells[0].text, cells[1].text = label, value
    d.add_paragraph(f"{page.lab('supplier')}: {f.OUR}")
    _lines_table(d, page)
    for label, value in _totals(page):
        d.add_paragraph(f"{label}: {page.n(value)}")
    d.add_paragraph(f"{page.lab('contact')}: {po.buyer.contact}, {po.buyer.email}")
    d.save(str(path))
    g.normalize_zip(path)


def docx_page_header(path: Path, page: f.Page) -> None:
    """The order's number and dates in the page header (a table of labels and values repeated
    on every page), the buyer and the lines in the body, the totals in the lines table."""
    po = page.po
    d = _word(page)
    header = d.sections[0].header
    band = header.add_table(rows=2, cols=len(page.header()), width=d.sections[0].page_width)
    for k, (label, value) in enumerate(page.header()):
        band.rows[0].cells[k].text = label
        band.rows[1].cells[k].text = value
    d.sections[0].footer.paragraphs[0].text = f"{po.buyer.name} · {page.lab('page').format(n=1, m=1)}"
    p = d.add_paragraph()
    p.add_run(po.buyer.name).bold = True
    d.add_paragraph("\n".join(po.buyer.address))
    d.add_heading(page.lab("title"), level=1)
    d.add_paragraph(f"{page.lab('supplier')}: {f.OUR}")
    cols = page.columns()
    t = d.add_table(rows=1, cols=len(cols))
    t.style = "Table Grid"
    for cell, (_, label) in zip(t.rows[0].cells, cols):
        cell.text = label
    for row in page.rows():
        for cell, v in zip(t.add_row().cells, row):
            cell.text = v
    keys = [k for k, _ in cols]
    for label, value in _totals(page):
        cells = t.add_row().cells
        cells[keys.index("price")].text = label
        cells[keys.index("amount")].text = page.n(value)
    d.add_paragraph(f"{page.lab('contact')}: {po.buyer.contact}, {po.buyer.email}")
    d.save(str(path))
    g.normalize_zip(path)


def xlsx_two_orders(path: Path, page: f.Page, other: f.Page) -> None:
    """Two visible sheets, each a whole order of the same buyer (this one and the one before):
    which one is meant, a person decides."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = page.po.number.replace("/", "-")[:30]
    results = _vertical_sheet(ws, page, text_numbers=False, formulas=False)
    old = wb.create_sheet(other.po.number.replace("/", "-")[:30])
    results = _vertical_sheet(old, other, text_numbers=False, formulas=False)
    del results
    _stamp(wb)
    wb.save(str(path))
    g.normalize_zip(path)


def xlsx_label_gap(path: Path, page: f.Page) -> None:
    """Labels merged over two columns and their values two columns further right, the
    description merged over two columns in the lines, text quantities in the buyer's style."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    po = page.po
    wb = Workbook()
    ws = wb.active
    ws.title = "Order"
    ws.merge_cells("A1:H1")
    ws["A1"] = po.buyer.name
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = ", ".join(po.buyer.address)
    ws.merge_cells("A3:H3")
    ws["A3"] = page.lab("title")
    r = 5
    for label, value in page.header():
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        ws.cell(r, 1, label)
        ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
        ws.cell(r, 4, value)
        r += 1
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    ws.cell(r, 1, page.lab("supplier"))
    ws.cell(r, 4, f.OUR)
    r += 2
    cols = page.columns()
    c = 1
    spots: dict[str, int] = {}
    for k, label in cols:
        ws.cell(r, c, label).font = Font(bold=True)
        spots[k] = c
        if k == "desc":
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + 1)
            c += 1
        c += 1
    for i, ln in enumerate(po.lines, 1):
        row = r + i
        for k, _ in cols:
            value: Any = {"no": i, "item": ln.item, "desc": ln.desc, "unit": ln.unit}.get(k)
            if k == "qty":
                value = page.n(ln.qty)  # typed as text
            elif k in ("price", "amount"):
                value = _number(ln.price if k == "price" else ln.amount)
            ws.cell(row, spots[k], value)
            if k == "desc":
                ws.merge_cells(start_row=row, start_column=spots[k], end_row=row, end_column=spots[k] + 1)
    r += len(po.lines) + 2
    for label, value in _totals(page):
        ws.cell(r, spots["price"], label)
        ws.cell(r, spots["amount"], _number(value))
        r += 1
    _stamp(wb)
    wb.save(str(path))
    g.normalize_zip(path)


def csv_quoted(path: Path, page: f.Page, encoding: str) -> None:
    """A comma-separated export with every cell quoted, amounts with their currency sign and
    thousands separators ("€1,234.50", "1 234,50 €"), the header above as label,value rows."""
    po = page.po
    sign = {"EUR": "€", "USD": "$", "GBP": "£"}.get(po.currency, po.currency + " ")
    european = page.L["num"] in ("de", "fr")
    money = (lambda v: f"{page.n(v)} {sign.strip()}") if european else (lambda v: f"{sign}{page.n(v)}")
    delimiter = ";" if european else ","
    cols = page.columns()
    out = [[po.buyer.name], [page.lab("title")]]
    out += [[label, value] for label, value in page.header()]
    out.append([])
    out.append([label for _, label in cols])
    for i, ln in enumerate(po.lines, 1):
        row = []
        for k, _ in cols:
            if k in ("price", "amount"):
                row.append(money(ln.price if k == "price" else ln.amount))
            else:
                row.append(page.cell(i, ln, k))
        out.append(row)
    out.append([])
    for label, value in _totals(page):
        out.append([""] * (len(cols) - 2) + [label, money(value)])
    text = "\r\n".join(delimiter.join('"' + c.replace('"', '""') + '"' for c in row) for row in out) + "\r\n"
    path.write_bytes(text.encode(encoding))


# --------------------------------------------------------------------------- the documents


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""
    jobs: list[f.Job] = []
    src = b.tmp / "sheets-src"
    src.mkdir(exist_ok=True)

    def add(rel: str, expected: dict[str, Any], producer: str, lang: str, family: str) -> None:
        fmt = rel.split("/")[0]
        b.docs.append(
            g.Built(
                f"{f.WIDE}/{rel}", {**expected, "format": fmt, "language": lang, "producer": producer, "family": family}
            )
        )

    def out(rel: str) -> Path:
        return b.path(f"{f.WIDE}/{rel}")

    for i, lang in enumerate(("en", "de", "fr", "it", "nl")):
        name = f"{lang}-xlsx-vertical-cover"
        page, _ = _page(name, lang, 2 + i % 3, i % 2, dates=None)
        archived, _ = _page(f"{name}-archive", lang, 2, i % 2)
        xlsx_vertical_cover(out(f"xlsx/{name}.xlsx"), page, archived, text_numbers=i % 2 == 1)
        add(f"xlsx/{name}.xlsx", page.golden(), "openpyxl", lang, "xlsx-vertical-cover")
    for i, lang in enumerate(("en", "de", "es", "fr", "nl")):
        name = f"{lang}-xlsx-pairs-block"
        page, _ = _page(name, lang, 3 + i % 2, i % 2)
        xlsx_pairs_block(out(f"xlsx/{name}.xlsx"), page)
        add(f"xlsx/{name}.xlsx", page.golden(), "openpyxl", lang, "xlsx-pairs-block")
        if i < 3:  # the same form saved by LibreOffice Calc
            ods = f"{lang}-ods-pairs-block"
            ods_page, _ = _page(ods, lang, 3, (i + 1) % 2)
            source = src / f"{ods}.xlsx"
            xlsx_pairs_block(source, ods_page)
            jobs.append(f.Job(f"{f.WIDE}/ods/{ods}.ods", source, "ods"))
            add(f"ods/{ods}.ods", ods_page.golden(), "libreoffice", lang, "ods-pairs-block")
    for i, lang in enumerate(("en", "fr")):
        name = f"{lang}-xlsx-formula-uncached"
        page, _ = _page(name, lang, 3, i % 2)
        xlsx_formula_uncached(out(f"xlsx/{name}.xlsx"), page)
        add(f"xlsx/{name}.xlsx", page.golden(needs_review=True), "openpyxl", lang, "xlsx-formula-uncached")
    for i, lang in enumerate(("en", "de", "it")):
        name = f"{lang}-xls-vertical-cover"
        page, _ = _page(name, lang, 2 + i, i % 2)
        _totals(page)
        xls_vertical_cover(out(f"xls/{name}.xls"), page)
        add(f"xls/{name}.xls", page.golden(), "xlwt", lang, "xls-vertical-cover")
    for i, lang in enumerate(("de", "fr", "es", "nl")):
        name = f"{lang}-csv-header-block"
        page, _ = _page(name, lang, 3 + i % 2, i % 2)
        _totals(page)
        csv_header_block(out(f"csv/{name}.csv"), page)
        add(f"csv/{name}.csv", page.golden(), "text", lang, "csv-header-block")
    for i, lang in enumerate(("en", "de", "fr", "es", "it")):
        name = f"{lang}-docx-textbox-header"
        page, _ = _page(name, lang, 2 + i % 3, i % 2)
        _totals(page)
        docx_textbox_header(out(f"docx/{name}.docx"), page)
        add(f"docx/{name}.docx", page.golden(), "python-docx", lang, "docx-textbox-header")
    for i, lang in enumerate(("en", "de", "nl", "it")):
        name = f"{lang}-docx-nested-header"
        page, _ = _page(name, lang, 3, i % 2)
        _totals(page)
        docx_nested_header(out(f"docx/{name}.docx"), page)
        add(f"docx/{name}.docx", page.golden(), "python-docx", lang, "docx-nested-header")
        if i < 2:  # the same letter saved by LibreOffice Writer
            odt = f"{lang}-odt-nested-header"
            odt_page, _ = _page(odt, lang, 2, (i + 1) % 2)
            _totals(odt_page)
            source = src / f"{odt}.docx"
            docx_nested_header(source, odt_page)
            jobs.append(f.Job(f"{f.WIDE}/odt/{odt}.odt", source, "odt"))
            add(f"odt/{odt}.odt", odt_page.golden(), "libreoffice", lang, "odt-nested-header")
    for i, lang in enumerate(("en", "de", "fr", "nl")):
        name = f"{lang}-docx-page-header"
        page, _ = _page(name, lang, 2 + i % 2, i % 2)
        docx_page_header(out(f"docx/{name}.docx"), page)
        add(f"docx/{name}.docx", page.golden(), "python-docx", lang, "docx-page-header")
        if i < 2:  # the same form saved by LibreOffice Writer: the header goes into styles.xml
            odt = f"{lang}-odt-page-header"
            odt_page, _ = _page(odt, lang, 3, (i + 1) % 2)
            source = src / f"{odt}.docx"
            docx_page_header(source, odt_page)
            jobs.append(f.Job(f"{f.WIDE}/odt/{odt}.odt", source, "odt"))
            add(f"odt/{odt}.odt", odt_page.golden(), "libreoffice", lang, "odt-page-header")
    for i, lang in enumerate(("en", "de")):
        name = f"{lang}-xlsx-two-orders"
        page, _ = _page(name, lang, 2, i % 2)
        other, _ = _page(f"{name}-before", lang, 3, i % 2)
        xlsx_two_orders(out(f"xlsx/{name}.xlsx"), page, other)
        add(f"xlsx/{name}.xlsx", page.golden(needs_review=True), "openpyxl", lang, "xlsx-two-orders")
    for i, lang in enumerate(("en", "it", "es", "de")):
        name = f"{lang}-xlsx-label-gap"
        page, _ = _page(name, lang, 3, i % 2)
        xlsx_label_gap(out(f"xlsx/{name}.xlsx"), page)
        add(f"xlsx/{name}.xlsx", page.golden(), "openpyxl", lang, "xlsx-label-gap")
    for i, (lang, encoding) in enumerate((("en", "cp1252"), ("fr", "cp1252"), ("de", "utf-8-sig"))):
        name = f"{lang}-csv-quoted"
        page, _ = _page(name, lang, 3, i % 2)
        csv_quoted(out(f"csv/{name}.csv"), page, encoding)
        add(f"csv/{name}.csv", page.golden(), "text", lang, "csv-quoted")
    for i, lang in enumerate(("de", "fr")):  # the vertical form saved by LibreOffice Calc: hidden sheet kept hidden
        ods = f"{lang}-ods-vertical-cover"
        ods_page, _ = _page(ods, lang, 3, i % 2)
        archived, _ = _page(f"{ods}-archive", lang, 2, i % 2)
        source = src / f"{ods}.xlsx"
        xlsx_vertical_cover(source, ods_page, archived, text_numbers=False)
        jobs.append(f.Job(f"{f.WIDE}/ods/{ods}.ods", source, "ods"))
        add(f"ods/{ods}.ods", ods_page.golden(), "libreoffice", lang, "ods-vertical-cover")
    f.run_conversions(b, jobs)
