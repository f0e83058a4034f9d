"""OpenDocument orders and Word orders revised with tracked changes (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here (``families.make_po``); its golden file comes from that truth. The families:

* ``odt-writer``: an order typed in LibreOffice Writer and sent as .odt (paragraphs, one table).
* ``ods-calc-converted`` / ``odt-writer-converted``: a workbook form and a Word letter saved by
  LibreOffice as .ods and .odt (LibreOffice's own XML: styles, repeated empty columns and rows).
* ``ods-stored-values``: a Calc sheet written in the buyer's locale: numbers and dates shown as
  the locale prints them ("1.234,50", "18.11.2026") over the values the cells store, a hidden
  sheet archiving an older order, and Calc's tail of a million empty rows; half are sent as flat
  XML (.fods).
* ``docx-tracked-changes``: a Word letter the buyer corrected with track changes on: the PO number
  replaced (the old one deleted, the new one inserted) and a cancelled line's row deleted.
"""

from __future__ import annotations

import copy
import io
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import families as f
import generate as g

MIMETYPE_ODS = "application/vnd.oasis.opendocument.spreadsheet"
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)
STAMP = (2026, 11, 20, 8, 0, 0)


def _buyer(lang: str, k: int = 0) -> f.Party:
    parties = [p for p in f.BUYERS if p.lang == lang]
    return parties[k % len(parties)]


# --------------------------------------------------------------------------- a Calc sheet by hand


def _string(text: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{escape(text)}</text:p></table:table-cell>'


def _number(page: f.Page, value: Decimal) -> str:
    return (
        f'<table:table-cell office:value-type="float" office:value="{value}">'
        f"<text:p>{escape(page.n(value))}</text:p></table:table-cell>"
    )


def _date(page: f.Page, value: date) -> str:
    return (
        f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
        f"<text:p>{escape(page.d(value))}</text:p></table:table-cell>"
    )


def _row(*cells: str, repeat: int = 1) -> str:
    times = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    tail = '<table:table-cell table:number-columns-repeated="1016"/>'
    return f"<table:table-row{times}>{''.join(cells)}{tail}</table:table-row>"


def _sheet(page: f.Page, title: str, style: str = "ta1") -> str:
    po = page.po
    rows = [_row(_string(po.buyer.name)), _row(_string(", ".join(po.buyer.address))), _row(_string(page.lab("title")))]
    for label, value in page.header():
        when = {page.d(po.po_date): po.po_date}
        if po.delivery:
            when[page.d(po.delivery)] = po.delivery
        cell = _date(page, when[value]) if value in when else _string(value)
        rows.append(_row(_string(label), cell))
    rows.append(_row(repeat=2))
    cols = page.columns()
    rows.append(_row(*(_string(label) for _, label in cols)))
    for i, ln in enumerate(po.lines, 1):
        cells = {
            "no": _number(page, Decimal(i)),
            "item": _string(ln.item),
            "desc": _string(ln.desc),
            "qty": _number(page, ln.qty),
            "unit": _string(ln.unit),
            "price": _number(page, ln.price),
            "amount": _number(page, ln.amount),
            "ldate": _date(page, ln.date) if ln.date else "<table:table-cell/>",
        }
        rows.append(_row(*(cells[k] for k, _ in cols)))
    total = page.total_line()
    if total:
        rows.append(_row(repeat=1))
        blanks = f'<table:table-cell table:number-columns-repeated="{len(cols) - 2}"/>'
        rows.append(_row(blanks, _string(total[0]), _number(page, po.total)))
    rows.append(_row(repeat=1048576 - len(rows)))
    return (
        f'<table:table table:name="{escape(title)}" table:style-name="{style}">'
        '<table:table-column table:number-columns-repeated="1024"/>' + "".join(rows) + "</table:table>"
    )


def ods_stored_values(path: Path, page: f.Page, archived: f.Page, flat: bool) -> None:
    """A sheet in the buyer's locale over stored values; an older order on a hidden sheet."""
    styles = (
        '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>'
    )
    sheets = _sheet(archived, "Archiv 2025", "ta2") + _sheet(page, page.lab("title")[:30])
    body = f"<office:automatic-styles>{styles}</office:automatic-styles><office:body><office:spreadsheet>{sheets}"
    body += "</office:spreadsheet></office:body>"
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if flat:
        root = f'<office:document {NS} office:version="1.3" office:mimetype="{MIMETYPE_ODS}">'
        path.write_text(f"{head}{root}{body}</office:document>", encoding="utf-8")
        return
    content = f'{head}<office:document-content {NS} office:version="1.3">{body}</office:document-content>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, method in (
            ("mimetype", MIMETYPE_ODS, zipfile.ZIP_STORED),
            ("content.xml", content, zipfile.ZIP_DEFLATED),
        ):
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = method
            z.writestr(info, data)
    path.write_bytes(buf.getvalue())


# --------------------------------------------------------------------------- Word with revisions

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _revision(tag: str, number: int) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    element.set(qn("w:id"), str(number))
    element.set(qn("w:author"), "Buyer")
    element.set(qn("w:date"), "2026-11-19T09:30:00Z")
    return element


def docx_tracked_changes(path: Path, page: f.Page, old_number: str, cancelled: list[str]) -> None:
    """``families.docx_letter``, then revised: the PO number replaced and a line's row deleted."""
    import docx
    from docx.oxml import OxmlElement

    f.docx_letter(path, page)
    document = docx.Document(str(path))
    header, lines = document.tables[0], document.tables[-1]
    for cell in (c for row in header.rows for c in row.cells):
        runs = cell.paragraphs[0].runs
        if cell.text == page.po.number and runs:
            run = runs[0]._r
            gone = _revision("w:del", 1)
            old = copy.deepcopy(run)
            for t in old.findall(W + "t"):
                t.tag = W + "delText"
                t.text = old_number
            gone.append(old)
            added = _revision("w:ins", 2)
            run.addprevious(gone)
            run.addprevious(added)
            added.append(run)
            break
    row = copy.deepcopy(lines.rows[-1]._tr)
    for tc, text in zip(row.findall(W + "tc"), cancelled):
        for t in tc.iter(W + "t"):
            t.text = text
    properties = row.find(W + "trPr")
    if properties is None:
        properties = OxmlElement("w:trPr")
        row.insert(0, properties)
    properties.append(_revision("w:del", 3))
    lines.rows[1]._tr.addprevious(row)
    document.save(str(path))
    g.normalize_zip(path)


# --------------------------------------------------------------------------- the families


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""
    jobs: list[f.Job] = []
    src = b.tmp / "odf-src"
    src.mkdir(exist_ok=True)

    def add(rel: str, page: f.Page, producer: str, family: str) -> None:
        fmt = rel.split("/")[0]
        expected = {**page.golden(), "format": fmt, "language": page.lang, "producer": producer, "family": family}
        b.docs.append(g.Built(f"{f.WIDE}/{rel}", expected))

    def out(rel: str) -> Path:
        return b.path(f"{f.WIDE}/{rel}")

    for i, lang in enumerate(("en", "de", "fr", "ja", "zh-Hans")):
        name = f"{lang.lower()}-odt-writer"
        page = f.Page(f.make_po(name, _buyer(lang, i), 2 + i % 3), lang, variant=i % 2)
        f.odt_po(out(f"odt/{name}.odt"), page)
        add(f"odt/{name}.odt", page, "odt-xml", "odt-writer")

    for i, lang in enumerate(("en", "de", "it", "zh-Hant")):
        name = f"{lang.lower()}-ods-calc-converted"
        page = f.Page(f.make_po(name, _buyer(lang, i), 3 + i % 2), lang, variant=i % 2)
        f.xlsx_form(src / f"{name}.xlsx", page, stacked=i % 2 == 1)
        jobs.append(f.Job(f"{f.WIDE}/ods/{name}.ods", src / f"{name}.xlsx", "ods"))
        add(f"ods/{name}.ods", page, "libreoffice", "ods-calc-converted")
    for i, lang in enumerate(("en", "fr", "ja")):
        name = f"{lang.lower()}-odt-writer-converted"
        page = f.Page(f.make_po(name, _buyer(lang, i), 2 + i), lang, variant=i % 2)
        f.docx_letter(src / f"{name}.docx", page, paragraphs_only=i == 1)
        jobs.append(f.Job(f"{f.WIDE}/odt/{name}.odt", src / f"{name}.docx", "odt"))
        add(f"odt/{name}.odt", page, "libreoffice", "odt-writer-converted")

    for i, lang in enumerate(("de", "fr", "es", "pl")):
        name = f"{lang.lower()}-ods-stored-values"
        flat = i % 2 == 1
        rel = f"fods/{name}.fods" if flat else f"ods/{name}.ods"
        page = f.Page(f.make_po(name, _buyer(lang, i), 3 + i % 2), lang, variant=i % 2)
        archived = f.Page(f.make_po(f"{name}-archive", _buyer(lang, i), 2), lang, variant=i % 2)
        ods_stored_values(out(rel), page, archived, flat)
        add(rel, page, "odf-xml", "ods-stored-values")

    for i, lang in enumerate(("en", "de", "fr")):
        name = f"{lang.lower()}-docx-tracked-changes"
        page = f.Page(f.make_po(name, _buyer(lang, i), 3), lang, variant=i % 2)
        old = f.make_po(f"{name}-old", _buyer(lang, i), 1)
        cancelled = page.rows()[0][:]
        cancelled[1] = old.lines[0].item
        docx_tracked_changes(out(f"docx/{name}.docx"), page, old.number, cancelled)
        add(f"docx/{name}.docx", page, "python-docx", "docx-tracked-changes")

    f.run_conversions(b, jobs)
