"""Orders in the forms the workbook, Word and container readers meet them (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here (``families.make_po``); its golden file comes from that truth, never from
mailflow's output. The families:

* ``sheet-lines-across``: a workbook whose lines are laid across, one column per line item, the
  line's attributes down the rows under a column of labels, the header fields above and the total
  under it (openpyxl).
* ``docx-line-two-rows``: a Word lines table in which every line takes two rows: position, code,
  quantity, unit, price and amount merged down over both, the description's noun on the first row
  and its specification on the second (python-docx).
* ``zip-attachment``: the order (a workbook or a Word letter) inside a .zip attached to a mail, as
  a mail gateway or an ERP sends it.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import families as f
import generate as g


def _buyer(lang: str, k: int = 0) -> f.Party:
    parties = [p for p in f.BUYERS if p.lang == lang]
    return parties[k % len(parties)]


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def xlsx_lines_across(path: Path, page: f.Page) -> None:
    """The lines laid across: a column of the table's labels, then one column per line."""
    from openpyxl import Workbook

    po = page.po
    book = Workbook()
    sheet = book.active
    sheet.title = page.lab("title")[:30]
    sheet.append([po.buyer.name])
    sheet.append([", ".join(po.buyer.address)])
    sheet.append([page.lab("title")])
    for label, value in page.header():
        sheet.append([label, value])
    sheet.append([])
    for key, label in page.columns():
        if key == "no":
            continue
        cells = {
            "item": lambda ln: ln.item,
            "desc": lambda ln: ln.desc,
            "qty": lambda ln: ln.qty,
            "unit": lambda ln: ln.unit,
            "price": lambda ln: ln.price,
            "amount": lambda ln: ln.amount,
            "ldate": lambda ln: datetime(ln.date.year, ln.date.month, ln.date.day) if ln.date else None,
        }[key]
        sheet.append([label, *(_value(cells(ln)) for ln in po.lines)])
    total = page.total_line()
    if total:
        sheet.append([])
        sheet.append([total[0], _value(po.total)])
    book.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    book.properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    book.save(str(path))
    g.normalize_zip(path)


def docx_line_two_rows(path: Path, page: f.Page) -> None:
    """A Word form whose every line spans two rows, its numbers merged down over both."""
    import docx

    po = page.po
    word = docx.Document()
    for text in (po.buyer.name, ", ".join(po.buyer.address), page.lab("title")):
        word.add_paragraph(text)
    for label, value in page.header():
        word.add_paragraph(f"{label}: {value}")
    columns = page.columns()
    keys = [key for key, _ in columns]
    table = word.add_table(rows=1 + 2 * len(po.lines), cols=len(columns))
    for column, (_, label) in enumerate(columns):
        table.cell(0, column).text = label
    for n, cells in enumerate(page.rows()):
        top = 1 + 2 * n
        noun, _, spec = po.lines[n].desc.partition(" ") if " " in po.lines[n].desc else (po.lines[n].desc, "", "")
        for column, (key, value) in enumerate(zip(keys, cells)):
            if key == "desc":
                table.cell(top, column).text = noun
                table.cell(top + 1, column).text = spec
            else:
                table.cell(top, column).text = value
                table.cell(top, column).merge(table.cell(top + 1, column))
    total = page.total_line()
    if total:
        word.add_paragraph(f"{total[0]}: {page.n(po.total)}")
    word.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    word.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    word.save(str(path))
    g.normalize_zip(path)


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 20, 8, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


# Words of the mail that carries the archive, per language
MAIL = {
    "en": ("Order documents", "Please find our purchase order in the attached archive.\n\nKind regards\n"),
    "de": ("Bestellunterlagen", "Anbei unsere Bestellung im Archiv.\n\nMit freundlichen Grüßen\n"),
    "fr": ("Documents de commande", "Veuillez trouver notre commande dans l'archive jointe.\n\nCordialement\n"),
    "it": ("Documenti d'ordine", "In allegato il nostro ordine nell'archivio.\n\nCordiali saluti\n"),
}


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""

    def add(rel: str, page: f.Page, producer: str, family: str, **golden: Any) -> None:
        fmt = rel.split("/")[0]
        expected = {**page.golden(**golden), "format": fmt, "language": page.lang, "producer": producer}
        b.docs.append(g.Built(f"{f.WIDE}/{rel}", {**expected, "family": family}))

    def out(rel: str) -> Path:
        return b.path(f"{f.WIDE}/{rel}")

    for i, lang in enumerate(("en", "de", "fr", "es", "it", "nl")):
        name = f"{lang.lower()}-sheet-lines-across"
        page = f.Page(f.make_po(name, _buyer(lang, i), 2 + i % 3), lang, variant=i % 2)
        xlsx_lines_across(out(f"xlsx/{name}.xlsx"), page)
        add(f"xlsx/{name}.xlsx", page, "openpyxl", "sheet-lines-across")

    for i, lang in enumerate(("en", "de", "fr", "it")):
        name = f"{lang.lower()}-docx-line-two-rows"
        page = f.Page(f.make_po(name, _buyer(lang, i + 1), 2 + i % 3), lang, variant=i % 2)
        docx_line_two_rows(out(f"docx/{name}.docx"), page)
        add(f"docx/{name}.docx", page, "python-docx", "docx-line-two-rows")

    src = b.tmp / "containers-src"
    src.mkdir(exist_ok=True)
    for i, lang in enumerate(("en", "de", "fr", "it")):
        name = f"{lang.lower()}-zip-attachment"
        buyer = _buyer(lang, i + 2)
        page = f.Page(f.make_po(name, buyer, 2 + i % 2), lang, variant=i % 2)
        inner = src / (f"{page.po.number.replace('/', '-')}.xlsx" if i % 2 == 0 else f"{name}.docx")
        if i % 2 == 0:
            f.xlsx_form(inner, page)
        else:
            f.docx_letter(inner, page)
        subject, body = MAIL[lang]
        g.eml(
            out(f"eml/{name}.eml"),
            sender=(buyer.person, buyer.email),
            subject=f"{subject} {page.po.number}",
            body=body,
            msgid=f"{name}@corpus.example",
            attachments=[(f"{name}.zip", zipped({f"order/{inner.name}": inner.read_bytes()}), "application/zip")],
        )
        add(f"eml/{name}.eml", page, "email", "zip-attachment")
