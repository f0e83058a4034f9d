"""Orders whose header fields sit where other programs and templates put them (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here (``families.make_po``); its golden file comes from that truth, never from
mailflow's output. The families:

* ``csv-year-number``: an Italian ERP's flat export, one row per line repeating the order's
  number, date and buyer; its orders are numbered per year ("504/27": order 504 of 2027),
  ``;`` between the cells, decimal commas, windows-1252; with titles, or none at all.
* ``csv-halfwidth-kana``: a Japanese export in Shift_JIS whose column titles are written in
  half-width katakana (ﾁｭｳﾓﾝﾊﾞﾝｺﾞｳ, ﾋﾝﾊﾞﾝ, ｽｳﾘｮｳ), the order's fields repeated on every row.
* ``xlsx-calloff-date-cells``: a German call-off typed into a workbook: the dates are date cells,
  the quantities typed as text in thousands ("5.000"), prices as number cells, no amounts.
* ``docx-footer-number``: a Word order whose number and date are printed only in the page
  footer, repeated on every page.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import families as f
import families_exports as exports
import generate as g

BUYERS = {
    "it": f.Party(
        "Officine Meccaniche Brembana S.r.l.",
        ["Via dei Mulini 14", "24030 Brembate (BG)"],
        "Paola Locatelli",
        "acquisti@brembana.example",
        "it",
    ),
    "ja": f.Party(
        "北陸精工株式会社",
        ["富山県高岡市中川1-4-8"],
        "佐藤 健",
        "chotatsu@hokuriku-seiko.example",
        "ja",
    ),
    "de": f.Party(
        "Schwäbische Federnwerke GmbH",
        ["Neckarstraße 31", "73728 Esslingen"],
        "Sabine Keller",
        "abruf@federnwerke.example",
        "de",
    ),
    "en": f.Party(
        "Granite Bay Motion Inc.",
        ["610 Quarry Point Rd", "Rocklin CA 95677", "USA"],
        "Dana Whitfield",
        "buying@granitebay.example",
        "en",
    ),
}
ITALIAN_TITLES = [
    "N. Ordine",
    "Data Ordine",
    "Cliente",
    "Riga",
    "Articolo",
    "Descrizione",
    "Quantità",
    "UM",
    "Prezzo",
    "Data Consegna",
]
# 注文番号, 注文日, 得意先, 行, 品番, 品名, 数量, 単位, 単価, 納期 as a terminal of the 1980s wrote them
KANA_TITLES = ["ﾁｭｳﾓﾝﾊﾞﾝｺﾞｳ", "ﾁｭｳﾓﾝﾋﾞ", "ﾄｸｲｻｷ", "ｷﾞｮｳ", "ﾋﾝﾊﾞﾝ", "ﾋﾝﾒｲ", "ｽｳﾘｮｳ", "ﾀﾝｲ", "ﾀﾝｶ", "ﾉｳｷ"]


def _rows(po: g.PO, dates: Any, numbers: str) -> list[list[str]]:
    """One row per line: the order's number, date and buyer, then the line; ``dates`` writes a date."""
    return [
        [
            po.number,
            dates(po.po_date),
            po.buyer.name,
            str(i),
            ln.item,
            ln.desc,
            exports._plain(ln.qty, numbers),
            ln.unit,
            exports._plain(ln.price, numbers),
            dates(ln.date) if ln.date else "",
        ]
        for i, ln in enumerate(po.lines, 1)
    ]


def _golden(po: g.PO, **kw: Any) -> dict[str, Any]:
    """What a flat export states: no total, no amounts, no currency; a need-by date per line."""
    out = g.expected_for(po, g.Style(amounts=False, totals=False, line_dates=True), **kw)
    out["order"]["currency"] = None
    return out


def _po(name: str, key: str, n: int, **kw: Any) -> g.PO:
    return f.make_po(name, BUYERS[key], n, line_dates=True, header_delivery=False, payment=False, **kw)


def calloff_workbook(path: Path, po: g.PO) -> None:
    """The call-off: labels in column A, the date a date cell, quantities typed as "5.000"."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Abruf"
    sheet.append(["Lieferabruf"])
    sheet.append(["Bestellnummer", po.number])
    sheet.append(["Bestelldatum", datetime(po.po_date.year, po.po_date.month, po.po_date.day)])
    sheet["B3"].number_format = "DD.MM.YYYY"
    sheet.append(["Kunde", po.buyer.name])
    sheet.append([])
    sheet.append(["Pos.", "Artikel", "Bezeichnung", "Menge", "ME", "Preis", "Liefertermin"])
    for i, ln in enumerate(po.lines, 1):
        assert ln.date is not None
        quantity = f"{int(ln.qty):,}".replace(",", ".")  # typed as text, grouped as the buyer writes
        when = datetime.combine(ln.date, datetime.min.time())
        sheet.append([i, ln.item, ln.desc, quantity, ln.unit, float(ln.price), when])  # the price a number cell
        sheet.cell(row=sheet.max_row, column=7).number_format = "DD.MM.YYYY"
    book.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    book.properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    book.save(str(path))
    g.normalize_zip(path)


def footer_docx(path: Path, po: g.PO) -> None:
    """The lines table in the body, the order's number and date only in the page footer."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("PURCHASE ORDER")
    doc.add_paragraph(f"Buyer: {po.buyer.name}")
    if po.requested:
        doc.add_paragraph(f"Delivery Date: {po.requested:%d %b %Y}")
    for line in po.buyer.address:
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=7)
    for cell, text in zip(
        table.rows[0].cells, ["Item", "Part No.", "Description", "Qty", "Unit", "Unit Price", "Amount"]
    ):
        cell.text = text
    for i, ln in enumerate(po.lines, 1):
        price, amount = g.fmt_num(ln.price, "plain"), f"{ln.amount:.2f}"
        values = [str(i), ln.item, ln.desc, g.fmt_num(ln.qty, "plain"), ln.unit, price, amount]
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
    doc.add_paragraph(f"Total {po.currency}: {po.total:.2f}")
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = f"Purchase Order No. {po.number}    Date: {po.po_date:%d %b %Y}"
    doc.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    doc.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    doc.save(str(path))
    g.normalize_zip(path)


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""

    def add(rel: str, expected: dict[str, Any], lang: str, family: str, producer: str) -> None:
        fmt = rel.split("/")[0]
        b.docs.append(
            g.Built(
                f"{f.WIDE}/{rel}",
                {**expected, "format": fmt, "language": lang, "producer": producer, "family": family},
            )
        )

    def out(rel: str) -> Path:
        return b.path(f"{f.WIDE}/{rel}")

    for k, titled in enumerate((True, False)):
        name = f"it-csv-year-number-{k + 1}"
        rng = f.rng_for(name)
        po = _po(name, "it", 3 + k, number=f"{rng.randrange(100, 999)}/27")
        rows = ([ITALIAN_TITLES] if titled else []) + _rows(po, lambda d: f.fmt_date(d, "fr"), "comma")
        exports._write(out(f"csv/{name}.csv"), rows, ";", "cp1252")
        add(f"csv/{name}.csv", _golden(po), "it", "csv-year-number", "text")

    name = "ja-csv-halfwidth-kana"
    po = _po(name, "ja", 3)
    rows = [KANA_TITLES] + _rows(po, lambda d: f"{d:%Y/%m/%d}", "point")
    exports._write(out(f"csv/{name}.csv"), rows, ",", "cp932")
    add(f"csv/{name}.csv", _golden(po), "ja", "csv-halfwidth-kana", "text")

    name = "de-xlsx-calloff-date-cells"
    po = _po(name, "de", 3)
    for ln, qty in zip(po.lines, (5000, 1200, 2500)):
        ln.qty = Decimal(qty)
    calloff_workbook(out(f"xlsx/{name}.xlsx"), po)
    expected = g.expected_for(po, g.Style(amounts=False, totals=False, line_dates=True))
    expected["order"]["currency"] = None
    expected["order"]["payment_terms"] = None
    add(f"xlsx/{name}.xlsx", expected, "de", "xlsx-calloff-date-cells", "openpyxl")

    name = "en-docx-footer-number"
    po = f.make_po(name, BUYERS["en"], 3, payment=False)
    footer_docx(out(f"docx/{name}.docx"), po)
    expected = g.expected_for(po, g.Style(amounts=True, totals=True, line_dates=False))
    expected["order"]["payment_terms"] = None
    add(f"docx/{name}.docx", expected, "en", "docx-footer-number", "python-docx")
