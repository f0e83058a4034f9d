"""ERP print-outs and office forms on layouts the reader was not written against (``wide/``).

``generate.py`` calls :func:`build` after the wide corpus. Like ``families.py``, every document is
drawn from a ground truth made here, and its golden file comes from that truth, never from
mailflow's output. The families:

* ``erp-spool-2page``: an ERP spool printed in Courier over two pages. Labels stand apart from
  their values (a label column and values far to the right, or a label over its value, SAP's
  ``PO number/date`` over ``4512029509 / 01/27/2021``); units are glued to quantities
  (``510/EA``, ``450 ____ EA``) or set in a column of their own; small prices are per 1,000 or
  per 100 (``7.19 PER M``, ``0.46 /1000``, ``4.10 per 100``); each item has one to three schedule
  sub-rows (a date and a part quantity), a long code and a description wrapped over two or three
  lines, and on half of them its numbers on a row of their own; the second page goes on without
  the table's header; subtotal, tax, freight and total follow, then numbered terms and
  conditions. Page numbers, a PO box, phone and fax numbers and a vendor number are printed near
  the PO number.
* ``word-header-band``: a Word form: a row of label boxes over a row of values, a ruled lines
  table with empty template rows and its subtotal, tax, freight and total inside the table;
  also printed to PDF by LibreOffice (``lo-word-header-band``).
* ``calc-band-second-sheet``: a workbook whose first sheet is a cover, the PO on the second:
  a merged title, a header band of labels over values, empty template rows and totals.
* ``fax-hires``: the classic form faxed at 200 and 300 dpi, slightly rotated (OCR: flagged).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import families as f
import generate as g

CHARS = 112  # a spool line, in characters
FONT = 7.2  # Courier points: 112 characters fit a Letter page between 30 pt margins

# Buyers of this module only (their letterheads are new to the reader).
BUYERS = {
    "en": [
        f.Party(
            "Granite Bay Foods Corporation",
            ["2500 E Lake Shore Dr", "Waco TX 76705-1788", "USA"],
            "Lena Ortiz",
            "buyer@granitebay.example",
            "en",
        ),
        f.Party(
            "Northfield Packaging Inc.",
            ["410 Commerce Pkwy", "Dayton OH 45414", "USA"],
            "Sam Reyes",
            "po@northfield.example",
            "en",
        ),
    ],
    "de": [
        f.Party(
            "Rheintal Gerätebau GmbH",
            ["Industriestraße 44", "79576 Weil am Rhein"],
            "Jonas Keller",
            "einkauf@rheintal.example",
            "de",
        )
    ],
    "fr": [
        f.Party(
            "Ateliers Garonne SAS",
            ["12 rue des Forges", "31200 Toulouse"],
            "Claire Morel",
            "achats@garonne.example",
            "fr",
        )
    ],
    "es": [
        f.Party(
            "Talleres Ebro S.L.",
            ["Calle del Hierro 8", "50014 Zaragoza"],
            "Lucía Navarro",
            "compras@ebro.example",
            "es",
        )
    ],
    "nl": [
        f.Party(
            "Zeeland Procestechniek B.V.",
            ["Havenweg 21", "4382 NM Vlissingen"],
            "Pieter de Wit",
            "inkoop@zeeland.example",
            "nl",
        )
    ],
    "it": [
        f.Party(
            "Meccanica Adriatica S.r.l.",
            ["Via dell'Industria 9", "60027 Osimo AN"],
            "Marco Bellini",
            "acquisti@adriatica.example",
            "it",
        )
    ],
    "ja": [f.Party("株式会社北陸精機", ["石川県金沢市駅西本町3-1"], "山田太郎", "kobai@hokuriku.example", "ja")],
    "zh-Hans": [
        f.Party("宁波东海机电有限公司", ["浙江省宁波市北仑区新碶街道88号"], "王磊", "caigou@donghai.example", "zh-Hans")
    ],
    "zh-Hant": [
        f.Party("新竹宏達電子股份有限公司", ["新竹市東區光復路二段101號"], "林志明", "po@hongda.example", "zh-Hant")
    ],
}

FREIGHT = {
    "en": "Freight",
    "de": "Fracht",
    "fr": "Frais de port",
    "es": "Portes",
    "nl": "Vracht",
    "it": "Trasporto",
    "ja": "運賃",
    "zh-Hans": "运费",
    "zh-Hant": "運費",
}
GRAND_TOTAL = {
    "en": "Grand total",
    "de": "Gesamtbetrag",
    "fr": "Total TTC",
    "es": "Total",
    "nl": "Totaal",
    "it": "Totale",
    "ja": "合計",
    "zh-Hans": "合计",
    "zh-Hant": "總計",
}
TAX_RATE = {
    "en": Decimal("0.0825"),
    "de": Decimal("0.19"),
    "fr": Decimal("0.20"),
    "es": Decimal("0.21"),
    "nl": Decimal("0.21"),
    "it": Decimal("0.22"),
    "ja": Decimal("0.10"),
    "zh-Hans": Decimal("0.13"),
    "zh-Hant": Decimal("0.05"),
}
SCHEDULE = {
    "en": "Sched.",
    "de": "Einteilung",
    "fr": "Échéance",
    "es": "Entrega parcial",
    "nl": "Deellevering",
    "it": "Consegna parziale",
}
PAGE = {
    "en": "Page {n} of {m}",
    "de": "Seite {n} von {m}",
    "fr": "Page {n}/{m}",
    "es": "Página {n} de {m}",
    "nl": "Pagina {n} van {m}",
    "it": "Pagina {n} di {m}",
}
TERMS = [
    "TERMS AND CONDITIONS",
    "1. Invoices must quote this order number; payment 30 days after receipt of a correct invoice.",
    "2. Late delivery: 0.5% of the order value per day, at most 5%, unless agreed in writing.",
    "3. Goods are subject to inspection within 10 working days of receipt at 2500 E Lake Shore Dr.",
    "4. Questions: call 1-800-555-0142 or fax (254) 412-5843, PO Box 4411, between 8 and 17 h.",
]
# Date styles per language, cycled over the documents (``families.fmt_date``)
DATE_STYLES = {
    "en": ["us", "dmy_mon", "dd_mon_yy"],
    "de": ["de"],
    "fr": ["fr"],
    "es": ["fr"],
    "nl": ["nl"],
    "it": ["fr"],
    "ja": ["reiwa", "ja"],
    "zh-Hans": ["zh"],
    "zh-Hant": ["slash"],
}
DELIVERY_LABELS = {"en": ["Delivery date", "Requested ship date", "Need by"]}


def _q(value: Decimal, places: str = "0.01") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _long_code(rng, item: str) -> str:
    """A long material number, as SAP prints them: wrapped at its dashes in a narrow column."""
    return f"{item}-{rng.randrange(100, 999)}-{rng.choice(['A', 'B', 'C'])}{rng.randrange(10, 99)}"


def _priced_lines(rng, po: g.PO, pers: list[int]) -> None:
    """Per-1,000 and per-100 prices for small items: the printed price is for ``per`` units,
    the golden unit price for one; the amount is what the ERP prints (rounded to the cent)."""
    for ln, per in zip(po.lines, pers):
        if per == 1:
            continue
        printed = _q(ln.price * per)
        ln.price = printed / per
        ln.amount = _q(ln.qty * printed / per)


def _schedules(rng, ln: g.Line, first: date) -> list[tuple[date, Decimal]]:
    """One to three delivery dates, each with a part of the quantity."""
    count = 1 + rng.randrange(3)
    dates = sorted({g.pick_date(rng, first, 40, True) for _ in range(count)})
    parts = [ln.qty // len(dates)] * len(dates)
    parts[-1] = ln.qty - sum(parts[:-1])
    return list(zip(dates, parts))


def _totals(po: g.PO, lang: str) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(subtotal, tax, freight, grand total), the grand total set on ``po``."""
    sub = sum((ln.amount for ln in po.lines), Decimal(0))
    tax = _q(sub * TAX_RATE[lang], "1" if po.currency in ("JPY", "TWD") else "0.01")
    freight = Decimal("150") if po.currency in ("JPY", "TWD") else Decimal("85.50")
    po.total = sub + tax + freight
    return sub, tax, freight, po.total


# --------------------------------------------------------------------------- the spool


def spool_pages(
    page: f.Page,
    rng,
    style: dict[str, Any],
    codes: list[str],
    pers: list[int],
    schedules: list[list[tuple[date, Decimal]]],
) -> list[list[str]]:
    """The two pages of a spool, as lines of text."""
    po, L, lang = page.po, page.L, page.lang
    n = page.n
    upper = str.upper if style["caps"] else str
    head: list[str] = []
    title = upper(page.lab("title"))
    page_no = PAGE[lang]
    letter = [
        po.buyer.name.upper(),
        *[a.upper() for a in po.buyer.address[:2]],
        "PO BOX 4411",
        "TEL (254) 412-5858   FAX (254) 412-5843",
    ]
    right: list[str] = [title, page_no.format(n=1, m=2), ""]
    if style["labels"] == "stacked":
        right += [f"{page.lab('po')}/{page.lab('date')}", f"{po.number} / {page.d(po.po_date)}"]
        if style["revision"]:
            right += ["Revision 2 - change order"]
        right += [f"{L['contact']}/Tel.", f"{po.buyer.contact}/254-412-5858"]
        if po.delivery:
            right += [style["delivery_label"], page.d(po.delivery)]
        right += [L["payment"][0], po.payment or ""]
        head = [f"{a:<64}{b}" for a, b in zip(letter + [""] * (len(right) - len(letter)), right)]
        head += ["", f"Vendor no. 111399        {OUR_UPPER}"]
        if style["currency_field"]:
            head += [f"{'':64}{page.lab('currency')}  {po.currency}"]
    else:
        head = [f"{a:<64}{b}" for a, b in zip(letter, right + [""] * 5)]
        head.append("")
        pairs = [
            (page.lab("po"), po.number + ("   REV 2" if style["revision"] else "")),
            (page.lab("date"), page.d(po.po_date)),
        ]
        if po.delivery:
            pairs.append((style["delivery_label"], page.d(po.delivery)))
        pairs.append((L["payment"][0], po.payment or ""))
        if style["currency_field"]:
            pairs.append((page.lab("currency"), po.currency))
        head += [f"{upper(label):<36}{value}" for label, value in pairs]
        head += ["", f"VENDOR  111399    {OUR_UPPER}"]
    head.append("")

    unit_col = style["units"] == "column"
    widths = (7, 16, 34, 14, 6 if unit_col else 0, 18, 17)
    heads = [
        "Pos",
        page.lab("item"),
        page.lab("desc"),
        page.lab("qty"),
        page.lab("unit") if unit_col else "",
        page.lab("price"),
        page.lab("amount"),
    ]

    def row(cells: list[str]) -> str:
        out = ""
        for k, (w, c) in enumerate(zip(widths, cells)):
            if not w:
                continue
            out += f"{c:>{w}}" if k in (3, 5, 6) else f"{c:<{w}}"
            if k == 3:
                out += "  "
        return out.rstrip()

    rule = "-" * CHARS
    table_head = [rule, row([upper(h) for h in heads]), rule]
    body: list[list[str]] = []
    for i, (ln, code, per, sched) in enumerate(zip(po.lines, codes, pers, schedules), 1):
        dash = code.index("-", len(code) // 2 - 2) + 1
        code_parts = [code[:dash], code[dash:]]
        desc_parts = _wrap_words(f"{ln.desc} {style['desc_tail']}", 32)
        if style["units"] == "glued":
            qty = f"{n(ln.qty)}/{ln.unit}"
        elif style["units"] == "blank":
            qty = f"{n(ln.qty)} ____ {ln.unit}"
        else:
            qty = n(ln.qty)
        printed = n(_q(ln.price * per)) if per > 1 else n(ln.price)
        price = {1: printed, 100: f"{printed} per 100", 1000: f"{printed} {style['per_m']}"}[per]
        numbers = [qty, ln.unit if unit_col else "", price, n(ln.amount)]
        block: list[str] = []
        pos = f"{i * 10:05d}"
        if style["numbers_below"]:
            block.append(row([pos, code_parts[0], desc_parts[0], "", "", "", ""]))
            for extra in range(1, max(len(code_parts), len(desc_parts))):
                block.append(row(["", _at(code_parts, extra), _at(desc_parts, extra), "", "", "", ""]))
            block.append(row(["", "", "", *numbers]))
        else:
            block.append(row([pos, code_parts[0], desc_parts[0], *numbers]))
            for extra in range(1, max(len(code_parts), len(desc_parts))):
                block.append(row(["", _at(code_parts, extra), _at(desc_parts, extra), "", "", "", ""]))
        for when, part in sched:
            block.append(row(["", "", f"   {SCHEDULE[lang]} {page.d(when)}", n(part), "", "", ""]))
        block.append("")
        body.append(block)
    sub, tax, freight, total = _totals(po, lang)
    label_w = CHARS - 20
    tax_label = f"{L['tax']} {n(_q(TAX_RATE[lang] * 100))}%"
    tail = [
        rule,
        f"{L['subtotal']:>{label_w}}{n(sub):>20}",
        f"{tax_label:>{label_w}}{n(tax):>20}",
        f"{FREIGHT[lang]:>{label_w}}{n(freight):>20}",
        f"{GRAND_TOTAL[lang] + ' ' + po.currency:>{label_w}}{n(total):>20}",
        "",
        "",
        *TERMS,
    ]
    split = (len(body) + 1) // 2
    first = head + table_head + [t for block in body[:split] for t in block] + ["", f"{'':40}*** continued ***"]
    second = [
        f"{po.buyer.name.upper():<64}{page_no.format(n=2, m=2)}",
        f"{'':64}{page.lab('po')}/{page.lab('date')}",
        f"{'':64}{po.number} / {page.d(po.po_date)}",
        "",
    ]
    second += [t for block in body[split:] for t in block] + tail
    return [first, second]


OUR_UPPER = g.OUR_NAME.upper()


def _at(parts: list[str], index: int) -> str:
    return parts[index] if index < len(parts) else ""


def _wrap_words(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def pdf_spool(path: Path, page: f.Page, pages: list[list[str]]) -> None:
    cv = f.Canvas(path, page, letter=True)
    for number, lines in enumerate(pages):
        if number:
            cv.next_page()
        y = cv.H - 36
        for text in lines:
            cv.text(30, y, text, FONT, mono=True)
            y -= FONT + 2.2
    cv.save()


TAILS = ["", "packed 50 per carton, RoHS compliant, drawing rev. B", "per drawing D-1187 rev. C, zinc plated"]


def _spool(add, out) -> None:
    for i, lang in enumerate(("en", "de", "fr", "es", "nl", "it", "en", "en")):
        party = BUYERS[lang][i % len(BUYERS[lang])]
        name = f"{lang.lower()}-erp-spool-2page-{i}"
        rng = f.rng_for(name)
        po = f.make_po(name, party, 5 + i % 3, payment=True)
        dates = DATE_STYLES[lang]
        page = f.Page(po, lang, variant=i % 2, dates=dates[i % len(dates)])
        style = {
            "labels": "stacked" if i % 2 == 0 else "apart",
            "units": ("glued", "column", "blank")[i % 3],
            "per_m": ("PER M", "/1000")[i % 2],
            "numbers_below": i % 4 in (1, 2),
            "revision": i % 3 == 1,
            "caps": i % 2 == 1,
            "currency_field": i % 3 == 0,
            "delivery_label": (DELIVERY_LABELS.get(lang) or [page.lab("delivery")])[
                i % len(DELIVERY_LABELS.get(lang, [0]))
            ],
            "desc_tail": TAILS[1 + i % 2],
        }
        codes = [_long_code(rng, ln.item) for ln in po.lines]
        pers = [
            1000 if ln.price < Decimal("0.5") else 100 if ln.price < 2 and k % 2 else 1 for k, ln in enumerate(po.lines)
        ]
        _priced_lines(rng, po, pers)
        schedules = [_schedules(rng, ln, po.delivery or po.po_date + timedelta(days=20)) for ln in po.lines]
        header_date = i % 2 == 0
        for ln, sched in zip(po.lines, schedules):
            ln.date = sched[0][0]
        if not header_date:
            po.delivery = None
        pages = spool_pages(page, rng, style, codes, pers, schedules)
        pdf_spool(out(f"pdf/{name}.pdf"), page, pages)
        golden_po = replace(
            po,
            lines=[replace(ln, item=code, desc=f"{ln.desc} {style['desc_tail']}") for ln, code in zip(po.lines, codes)],
        )
        expected = f.Page(golden_po, lang).golden()
        add(f"pdf/{name}.pdf", expected, "reportlab-courier", lang, "erp-spool-2page")


# --------------------------------------------------------------------------- Word and Calc forms


def _band_pairs(page: f.Page) -> list[tuple[str, str]]:
    po = page.po
    pairs = [(page.lab("po"), po.number), (page.lab("date"), page.d(po.po_date))]
    if po.delivery:
        pairs.append((page.lab("delivery"), page.d(po.delivery)))
    pairs.append((page.lab("currency"), po.currency))
    if po.payment:
        pairs.append((page.L["payment"][0], po.payment))
    return pairs


def docx_header_band(path: Path, page: f.Page, blanks: int) -> None:
    """A Word form: title, buyer, a band of label boxes over value boxes, a ruled lines table
    with empty template rows and the totals as the table's last rows."""
    from docx import Document
    from docx.shared import Cm, Pt

    po, lang = page.po, page.lang
    d = Document()
    d.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.author = po.buyer.contact
    d.core_properties.last_modified_by = po.buyer.contact
    d.styles["Normal"].font.size = Pt(9)
    p = d.add_paragraph()
    r = p.add_run(po.buyer.name)
    r.bold = True
    r.font.size = Pt(14)
    d.add_paragraph("\n".join(po.buyer.address) + "\nTel. +1 254 412 5858  Fax +1 254 412 5843")
    d.add_heading(page.lab("title"), level=1)
    pairs = _band_pairs(page)
    band = d.add_table(rows=2, cols=len(pairs))
    band.style = "Table Grid"
    for k, (label, value) in enumerate(pairs):
        band.rows[0].cells[k].text = label
        band.rows[1].cells[k].text = value
    d.add_paragraph(f"{page.lab('supplier')}: {f.OUR}")
    cols = page.columns()
    sub, tax, freight, total = _totals(po, lang)
    t = d.add_table(rows=1, cols=len(cols))
    t.style = "Table Grid"
    t.autofit = False
    for cell, (_, label) in zip(t.rows[0].cells, cols):
        cell.text = label
    for row in page.rows():
        for cell, v in zip(t.add_row().cells, row):
            cell.text = v
    for _ in range(blanks):  # the form's empty rows, left as printed
        t.add_row()
    share = sum(f.WEIGHTS[k] for k, _ in cols)
    for column, (k, _) in zip(t.columns, cols):  # 16 cm of text width, shared by weight
        column.width = Cm(16 * f.WEIGHTS[k] / share)
        for cell in column.cells:
            cell.width = Cm(16 * f.WEIGHTS[k] / share)
    keys = [k for k, _ in cols]
    for label, value in (
        (page.L["subtotal"], sub),
        (f"{page.L['tax']} {page.n(_q(TAX_RATE[lang] * 100))}%", tax),
        (FREIGHT[lang], freight),
        (GRAND_TOTAL[lang], total),
    ):
        cells = t.add_row().cells
        cells[keys.index("desc")].text = label
        cells[keys.index("amount")].text = page.n(value)
    d.add_paragraph(f"{page.lab('contact')}: {po.buyer.contact}, {po.buyer.email}")
    d.save(str(path))
    g.normalize_zip(path)


def xlsx_band_second_sheet(path: Path, page: f.Page, blanks: int) -> None:
    """A workbook: a cover sheet, then the PO with a merged title, a header band (labels in one
    row, values in the row below, each value merged over two columns), empty template rows and
    subtotal, tax, freight and total under the amounts."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    po, lang = page.po, page.lang
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover["A1"] = "Printed from the purchasing system"
    cover["A2"] = "Sheet 2 holds the order"
    ws = wb.create_sheet(page.lab("title")[:30])
    ws.merge_cells("A1:H1")
    ws["A1"] = po.buyer.name
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A2:H2")
    ws["A2"] = ", ".join(po.buyer.address)
    ws.merge_cells("A3:H3")
    ws["A3"] = page.lab("title")
    pairs = _band_pairs(page)
    for k, (label, value) in enumerate(pairs):
        col = 1 + 2 * k
        ws.merge_cells(start_row=5, start_column=col, end_row=5, end_column=col + 1)
        ws.merge_cells(start_row=6, start_column=col, end_row=6, end_column=col + 1)
        ws.cell(5, col, label).font = Font(bold=True)
        ws.cell(6, col, value)
    ws.cell(8, 1, page.lab("supplier"))
    ws.cell(8, 2, f.OUR)
    cols = page.columns()
    top = 10
    for j, (_, label) in enumerate(cols, 1):
        ws.cell(top, j, label).font = Font(bold=True)
    for i, ln in enumerate(po.lines, 1):
        values = {
            "no": i,
            "item": ln.item,
            "desc": ln.desc,
            "qty": float(ln.qty),
            "unit": ln.unit,
            "price": float(ln.price),
            "amount": float(ln.amount),
        }
        for j, (k, _) in enumerate(cols, 1):
            ws.cell(top + i, j, values[k])
    sub, tax, freight, total = _totals(po, lang)
    r = top + len(po.lines) + blanks + 1
    keys = [k for k, _ in cols]
    for label, value in (
        (page.L["subtotal"], sub),
        (page.L["tax"], tax),
        (FREIGHT[lang], freight),
        (GRAND_TOTAL[lang], total),
    ):
        ws.cell(r, keys.index("price") + 1, label)
        ws.cell(r, keys.index("amount") + 1, float(value))
        r += 1
    wb.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    wb.save(str(path))
    g.normalize_zip(path)


def _forms(add, out, convert, src: Path) -> None:
    for i, lang in enumerate(("en", "de", "fr", "ja", "zh-Hans", "zh-Hant")):
        party = BUYERS[lang][0]
        dates = DATE_STYLES[lang]
        name = f"{lang.lower()}-word-header-band"
        po = f.make_po(name, party, 2 + i % 3)
        page = f.Page(po, lang, variant=i % 2, dates=dates[i % len(dates)])
        docx_header_band(out(f"docx/{name}.docx"), page, blanks=3 + i % 3)
        add(f"docx/{name}.docx", page.golden(), "python-docx", lang, "word-header-band")
        if i % 2 == 0:  # the same form printed to PDF by LibreOffice
            lo = f"{lang.lower()}-lo-word-header-band"
            lo_po = f.make_po(lo, party, 3)
            lo_page = f.Page(lo_po, lang, variant=1, dates=dates[-1])
            source = src / f"{lo}.docx"
            docx_header_band(source, lo_page, blanks=4)
            convert(f"pdf/{lo}.pdf", source, "pdf")
            add(f"pdf/{lo}.pdf", lo_page.golden(), "libreoffice", lang, "lo-word-header-band")
    for i, lang in enumerate(("en", "de", "es", "zh-Hans")):
        party = BUYERS[lang][-1]
        name = f"{lang.lower()}-calc-band-second-sheet"
        po = f.make_po(name, party, 3 + i % 2)
        dates = DATE_STYLES[lang]
        page = f.Page(po, lang, variant=i % 2, dates=dates[0])
        xlsx_band_second_sheet(out(f"xlsx/{name}.xlsx"), page, blanks=2 + i)
        add(f"xlsx/{name}.xlsx", page.golden(), "openpyxl", lang, "calc-band-second-sheet")


def _faxes(add, out) -> None:
    for i, (lang, dpi, angle) in enumerate((("en", 200, 0.8), ("de", 300, -1.1))):
        name = f"{lang.lower()}-fax-{dpi}dpi"
        po = f.make_po(name, BUYERS[lang][0], 3)
        page = f.Page(po, lang, variant=i % 2)
        f.pdf_scan(out(f"pdf/{name}.pdf"), page, angle=angle, dpi=dpi, fax=True)
        add(f"pdf/{name}.pdf", page.golden(needs_review=True), "pillow", lang, "fax-hires")


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""
    jobs: list[f.Job] = []
    src = b.tmp / "erp-src"
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

    def convert(rel: str, source: Path, ext: str) -> None:
        jobs.append(f.Job(f"{f.WIDE}/{rel}", source, ext))

    _spool(add, out)
    _forms(add, out, convert, src)
    _faxes(add, out)
    f.run_conversions(b, jobs)
