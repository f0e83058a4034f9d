"""Orders exported by other programs, and forms filled in by hand (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here (``families.make_po``); its golden file comes from that truth, never from
mailflow's output. The families:

* ``csv-edi-export``: what an EDI translator writes for a purchase order: one row per line with
  the order's header fields (PO number, PO date, buyer, ship-to) repeated on every row, then the
  line number, part, description, quantity, unit, price and need-by date. Column titles in the
  translator's words, or none at all; dates as ``20261120`` or ``11/20/2026``; comma, semicolon,
  tab or pipe between the cells.
* ``csv-titled-export``: the same export under a title and a few "label: value" lines (when the
  program ran, whose orders it holds), in one cell or two, with or without column titles.
* ``csv-edi-records``: the same with a record type in the first column: one ``H`` row for the
  order's header, ``D`` rows for its lines (each repeating the PO number), no column titles.
* ``xlsx-edi-export``: the same export saved as a workbook (numbers as numbers).
* ``csv-lines-only``: a headerless export of part and quantity only (``DESK0004;2``): nothing
  says who orders, so the golden file asks for review.
* ``docx-form-fields``: a Word order form filled in through content controls (text, date
  picker, drop-down list) or legacy form fields (FORMTEXT, a FORMDROPDOWN whose choice lives only
  in the field's data, a simple field); unfilled fields and a spare line row show placeholder text.
* ``xlsx-total-in-words``, ``xlsx-roc-dates``, ``xlsx-typed-loose``: order forms typed into a
  workbook by hand (merged title and letterhead, the total typed as a number, no formula): a
  Turkish one writing its total out again in words, a Taiwanese one dated in the 民國 era
  (民國115年11月20日, 115/11/20, 115.11.20), and loose ones with "label: value" in merged cells.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import families as f
import generate as g

# Buyers of this module only.
BUYERS = {
    "en": f.Party(
        "Tamarack Fluid Systems Inc.",
        ["2200 Quarry Road", "Joliet IL 60436", "USA"],
        "Ray Kowalski",
        "edi@tamarack.example",
        "en",
    ),
    "en2": f.Party(
        "Blue Heron Appliance Corp.",
        ["9 Harbor Point Blvd", "Savannah GA 31401", "USA"],
        "Tina Marsh",
        "purchasing@blueheron.example",
        "en",
    ),
    "de": f.Party(
        "Mainfranken Armaturen GmbH",
        ["Hafenstraße 8", "97082 Würzburg"],
        "Jörg Seidel",
        "edi@mainfranken-armaturen.example",
        "de",
    ),
    "fr": f.Party(
        "Ateliers de la Vienne SAS",
        ["12 rue des Forges", "86100 Châtellerault"],
        "Claire Moreau",
        "achats@ateliers-vienne.example",
        "fr",
    ),
}
SHIP_TO = {
    "en": "Tamarack DC 4, 150 Logistics Pkwy, Joliet IL",
    "en2": "Blue Heron Plant 2, 44 Mill St, Savannah GA",
    "de": "Werk 2, Industriestraße 40, 97076 Würzburg",
    "fr": "Entrepôt Nord, 3 allée des Docks, 86100 Châtellerault",
}
# Column titles as translators write them: (PO number, PO date, buyer, ship-to, line, part,
# description, quantity, unit, price, need-by date, currency)
TITLES = {
    "en": [
        (
            "PO Number",
            "PO Date",
            "Buyer Name",
            "Ship To Name",
            "Line #",
            "Buyer Part #",
            "Item Description",
            "Qty Ordered",
            "UOM",
            "Unit Price",
            "Need By Date",
            "Currency",
        ),
        (
            "Purchase Order Number",
            "Purchase Order Date",
            "Bill To Name",
            "Ship To Location",
            "PO Line Number",
            "Product ID",
            "Product Description",
            "Quantity",
            "Unit of Measure",
            "Price",
            "Requested Delivery Date",
            "Currency Code",
        ),
    ],
    "de": [
        (
            "Bestellnummer",
            "Bestelldatum",
            "Besteller",
            "Lieferanschrift",
            "Pos.",
            "Materialnummer",
            "Bezeichnung",
            "Menge",
            "ME",
            "Preis",
            "Liefertermin",
            "Währung",
        )
    ],
    "fr": [
        (
            "N° de commande",
            "Date de commande",
            "Acheteur",
            "Adresse de livraison",
            "Ligne",
            "Référence",
            "Désignation",
            "Quantité",
            "Unité",
            "Prix unitaire",
            "Date de livraison",
            "Devise",
        )
    ],
}
UNITS = {"en": "EA", "en2": "PC", "de": "ST", "fr": "PCE"}


def _edi_date(d: date, style: str) -> str:
    return {"ccyymmdd": f"{d.year}{d.month:02d}{d.day:02d}", "us": f"{d.month:02d}/{d.day:02d}/{d.year}"}.get(
        style
    ) or f.fmt_date(d, style)


def _plain(value: Decimal, style: str) -> str:
    """A number as an export writes it: no thousands separator, the buyer's decimal mark."""
    text = g.fmt_num(value, "plain")
    return text.replace(".", ",") if style == "comma" else text


def _quoted(cell: str, delimiter: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if delimiter in cell or '"' in cell else cell


def _write(path: Path, rows: list[list[str]], delimiter: str, encoding: str = "utf-8") -> None:
    text = "\r\n".join(delimiter.join(_quoted(c, delimiter) for c in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))


def edi_export(
    path: Path,
    po: g.PO,
    key: str,
    *,
    titles: tuple[str, ...] | None,
    dates: str,
    delimiter: str,
    numbers: str = "point",
    currency: bool = False,
    preamble: list[list[str]] | None = None,
    money: str = "{}",
) -> None:
    """One row per line, the order's header repeated on every row; ``preamble``: rows of a
    title and "label: value" lines the exporting program prints over them; ``money``: how a
    price is written ("€ {}", "{} EUR": its currency in the cell)."""
    rows: list[list[str]] = list(preamble or [])
    if titles:
        rows.append(list(titles[:11]) + ([titles[11]] if currency else []))
    for i, ln in enumerate(po.lines, 1):
        row = [
            po.number,
            _edi_date(po.po_date, dates),
            po.buyer.name,
            SHIP_TO[key],
            str(i),
            ln.item,
            ln.desc,
            _plain(ln.qty, numbers),
            ln.unit,
            money.format(_plain(ln.price, numbers)),
            _edi_date(ln.date, dates) if ln.date else "",
        ]
        rows.append(row + ([po.currency] if currency else []))
    _write(path, rows, delimiter, "cp1252" if key in ("de", "fr") else "utf-8")


# Titles no vocabulary knows (abbreviations of a buyer's own program), by what each column holds
UNKNOWN_TITLES = {
    "priced": ("Doc", "Issued", "Client", "Pos", "Ref", "Text", "Me", "Stk", "EP", "GP", "Due"),
    "unpriced": ("Ref", "Text", "Me", "Stk", "EP", "Due"),
    "article": ("Order", "Dated", "Customer", "Sku", "Article", "Units", "UoM", "Each", "Extended", "Ship"),
}


def unknown_titles(path: Path, po: g.PO, variant: str, delimiter: str, numbers: str) -> None:
    """An export under titles of its own: the order's fields and the line's, amounts or not."""
    rows: list[list[str]] = [list(UNKNOWN_TITLES[variant])]
    for i, ln in enumerate(po.lines, 1):
        assert ln.date is not None
        qty, price, amount = (_plain(v, numbers) for v in (ln.qty, ln.price, ln.amount))
        due = f.fmt_date(ln.date, "iso")
        head = [po.number, f.fmt_date(po.po_date, "iso"), po.buyer.name]
        rows.append(
            {
                "priced": [*head, str(i), ln.item, ln.desc or "", ln.unit, qty, price, amount, due],
                "unpriced": [ln.item, ln.desc or "", ln.unit, qty, price, due],
                "article": [*head, ln.item, ln.desc or "", qty, ln.unit, price, amount, due],
            }[variant]
        )
    _write(path, rows, delimiter)


def currency_format_sheet(path: Path, po: g.PO, number_format: str, named: str | None = None) -> None:
    """An order form whose prices and amounts are numbers showing their currency by the cells'
    number format ("1.234,50 €"), no currency field, or (``named``) one naming another."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "PO"
    ws.append(["Purchase Order"])
    head = [("PO Number", po.number), ("Order Date", po.po_date), ("Buyer", po.buyer.name)]
    for label, value in head + ([("Currency", named)] if named else []):
        ws.append([label, value])
        if isinstance(value, date):
            ws.cell(ws.max_row, 2).number_format = "yyyy-mm-dd"
    ws.append([])
    ws.append(["Item", "Description", "Qty", "Unit", "Unit Price", "Amount", "Delivery Date"])
    for ln in po.lines:
        qty = int(ln.qty) if ln.qty == ln.qty.to_integral_value() else float(ln.qty)
        ws.append([ln.item, ln.desc, qty, ln.unit, float(ln.price), float(ln.amount), ln.date])
        for column in (5, 6):
            ws.cell(ws.max_row, column).number_format = number_format
        ws.cell(ws.max_row, 7).number_format = "yyyy-mm-dd"
    wb.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    wb.save(str(path))
    g.normalize_zip(path)


def edi_workbook(path: Path, po: g.PO, key: str, *, titles: tuple[str, ...] | None, dates: str) -> None:
    """The export saved as a workbook: numbers as numbers, dates as the translator writes them."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Export"
    if titles:
        ws.append(list(titles[:11]))
    for i, ln in enumerate(po.lines, 1):
        qty = int(ln.qty) if ln.qty == ln.qty.to_integral_value() else float(ln.qty)
        ws.append(
            [
                po.number,
                _edi_date(po.po_date, dates),
                po.buyer.name,
                SHIP_TO[key],
                i,
                ln.item,
                ln.desc,
                qty,
                ln.unit,
                float(ln.price),
                _edi_date(ln.date, dates) if ln.date else None,
            ]
        )
    wb.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    wb.save(str(path))
    g.normalize_zip(path)


def edi_records(path: Path, po: g.PO, key: str, *, dates: str, delimiter: str) -> None:
    """An ``H`` record for the order, then a ``D`` record per line repeating its PO number."""
    rows = [["H", po.number, _edi_date(po.po_date, dates), po.buyer.name, SHIP_TO[key], po.currency]]
    for i, ln in enumerate(po.lines, 1):
        rows.append(
            [
                "D",
                po.number,
                str(i),
                ln.item,
                ln.desc,
                _plain(ln.qty, "point"),
                ln.unit,
                _plain(ln.price, "point"),
                _edi_date(ln.date, dates) if ln.date else "",
            ]
        )
    _write(path, rows, delimiter)


def lines_only(path: Path, po: g.PO, delimiter: str) -> None:
    """Part and quantity, nothing else."""
    _write(path, [[ln.item, _plain(ln.qty, "point")] for ln in po.lines], delimiter)


def _po(name: str, key: str, n: int) -> g.PO:
    po = f.make_po(name, BUYERS[key], n, line_dates=True, header_delivery=False, payment=False)
    for ln in po.lines:
        ln.unit = UNITS[key]
    return po


def _golden(po: g.PO, *, currency: bool, amounts: bool = False, **kw: Any) -> dict[str, Any]:
    """What the export states: no total, no amounts, no payment terms; the currency only where
    a column names it."""
    st = g.Style(amounts=amounts, totals=False, line_dates=True)
    out = g.expected_for(po, st, **kw)
    if not currency:
        out["order"]["currency"] = None
    return out


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""

    def add(rel: str, expected: dict[str, Any], lang: str, family: str) -> None:
        fmt = rel.split("/")[0]
        b.docs.append(
            g.Built(
                f"{f.WIDE}/{rel}", {**expected, "format": fmt, "language": lang, "producer": "text", "family": family}
            )
        )

    def out(rel: str) -> Path:
        return b.path(f"{f.WIDE}/{rel}")

    # (buyer, titles variant or None, date style, delimiter, numbers, currency column, lines)
    exports = [
        ("en", 0, "ccyymmdd", ",", "point", False, 3),
        ("en2", 1, "us", ",", "point", True, 4),
        ("en", None, "ccyymmdd", ",", "point", False, 4),
        ("en2", None, "us", "|", "point", False, 2),
        ("en", None, "iso", "\t", "point", True, 5),
        ("de", 0, "de", ";", "comma", True, 3),
        ("de", None, "ccyymmdd", ";", "comma", False, 3),
        ("fr", 0, "fr", ";", "comma", True, 2),
        ("en2", 0, "iso", "\t", "point", False, 1),
    ]
    for k, (key, titles, dates, delimiter, numbers, currency, n) in enumerate(exports):
        lang = BUYERS[key].lang
        name = f"{key}-csv-edi-export-{k + 1}"
        po = _po(name, key, n)
        chosen = TITLES[lang][titles] if titles is not None else None
        edi_export(
            out(f"csv/{name}.csv"),
            po,
            key,
            titles=chosen,
            dates=dates,
            delimiter=delimiter,
            numbers=numbers,
            currency=currency,
        )
        add(f"csv/{name}.csv", _golden(po, currency=currency), lang, "csv-edi-export")
    # A title and a few "label: value" lines over the export: the program's name for the file,
    # when it ran, whose orders it holds (the buyer's name, or a filter), in one cell or two.
    titled = [
        ("en", 0, "us", ",", [["Purchase Order Export"], ["Exported: {run}"]]),
        ("en2", None, "iso", ";", [["Open orders report"], ["Buyer:", "{buyer}"], ["Run date:", "{run}"]]),
        ("de", 0, "de", ";", [["Bestellexport"], ["Erstellt am: {run}"], ["Kunde: {buyer}"]]),
        ("en", None, "ccyymmdd", "\t", [["EDI 850 extract"], ["Status: open"]]),
    ]
    for k, (key, titles, dates, delimiter, preamble) in enumerate(titled):
        lang = BUYERS[key].lang
        name = f"{key}-csv-titled-export-{k + 1}"
        po = _po(name, key, 2 + k % 3)
        run = _edi_date(po.po_date, dates) + " 06:12"
        edi_export(
            out(f"csv/{name}.csv"),
            po,
            key,
            titles=TITLES[lang][titles] if titles is not None else None,
            dates=dates,
            delimiter=delimiter,
            numbers="comma" if lang == "de" else "point",
            preamble=[[cell.format(run=run, buyer=po.buyer.name) for cell in row] for row in preamble],
        )
        add(f"csv/{name}.csv", _golden(po, currency=False), lang, "csv-titled-export")
    for k, (key, dates, delimiter, n) in enumerate(
        [("en", "ccyymmdd", ",", 3), ("en2", "us", "|", 4), ("en", "iso", ";", 2), ("de", "ccyymmdd", ",", 3)]
    ):
        name = f"{key}-csv-edi-records-{k + 1}"
        po = _po(name, key, n)
        edi_records(out(f"csv/{name}.csv"), po, key, dates=dates, delimiter=delimiter)
        add(f"csv/{name}.csv", _golden(po, currency=True), BUYERS[key].lang, "csv-edi-records")
    for k, (key, titles, dates) in enumerate([("en", 0, "ccyymmdd"), ("en2", None, "ccyymmdd"), ("de", None, "de")]):
        lang = BUYERS[key].lang
        name = f"{key}-xlsx-edi-export-{k + 1}"
        po = _po(name, key, 2 + k)
        edi_workbook(
            out(f"xlsx/{name}.xlsx"), po, key, titles=TITLES[lang][titles] if titles is not None else None, dates=dates
        )
        expected = _golden(po, currency=False)
        b.docs.append(
            g.Built(
                f"{f.WIDE}/xlsx/{name}.xlsx",
                {**expected, "format": "xlsx", "language": lang, "producer": "openpyxl", "family": "xlsx-edi-export"},
            )
        )
    for k, (key, money, code, delimiter, numbers) in enumerate(
        [
            ("de", "€ {}", "EUR", ";", "comma"),
            ("en", "{} USD", "USD", "\t", "point"),
            ("en2", "{} CAD", "CAD", "|", "point"),
        ]
    ):
        name = f"{key}-csv-money-cells-{k + 1}"
        po = _po(name, key, 2 + k)
        po.currency = code
        edi_export(
            out(f"csv/{name}.csv"),
            po,
            key,
            titles=None,
            dates="ccyymmdd",
            delimiter=delimiter,
            numbers=numbers,
            money=money,
        )
        add(f"csv/{name}.csv", _golden(po, currency=True), BUYERS[key].lang, "csv-money-cells")
    for k, (key, variant, delimiter, numbers) in enumerate(
        [
            ("en", "priced", ";", "point"),
            ("de", "priced", ";", "comma"),
            ("en2", "unpriced", ",", "point"),
            ("en", "article", "\t", "point"),
        ]
    ):
        name = f"{key}-csv-unknown-titles-{k + 1}"
        po = _po(name, key, 3 + k % 2)
        unknown_titles(out(f"csv/{name}.csv"), po, variant, delimiter, numbers)
        if variant == "unpriced":  # two numbers told apart by their order alone: a person checks
            expected = {**_golden(po, currency=False, amounts=False), "needs_review": True}
            expected["order"].update(po_number=None, customer=None, po_date=None)
        else:
            expected = _golden(po, currency=False, amounts=True)
        add(f"csv/{name}.csv", expected, BUYERS[key].lang, "csv-unknown-titles")
    jobs: list[f.Job] = []
    src = b.tmp / "exports-src"
    src.mkdir(exist_ok=True)
    formats = [
        ("de", "#,##0.00 [$€-407]", "EUR", None),
        ("en", "[$£-809]#,##0.00", "GBP", None),
        ("de", '"CHF" #,##0.00', "CHF", None),
        ("en2", "[$$-1009]#,##0.00", "CAD", None),
        ("en", "#,##0.00 [$€-407]", "EUR", "USD"),  # the field names another currency: asked
    ]
    for k, (key, number_format, code, named) in enumerate(formats):
        name = f"{key}-xlsx-currency-format-{k + 1}"
        po = _po(name, key, 2 + k % 3)
        po.currency = code
        currency_format_sheet(out(f"xlsx/{name}.xlsx"), po, number_format, named)
        expected = {**_golden(po, currency=True, amounts=True), **({"needs_review": True} if named else {})}
        b.docs.append(
            g.Built(
                f"{f.WIDE}/xlsx/{name}.xlsx",
                {
                    **expected,
                    "format": "xlsx",
                    "language": "en",
                    "producer": "openpyxl",
                    "family": "xlsx-currency-format",
                },
            )
        )
        if code == "EUR" and not named:  # saved by Calc as .ods: its cells say their currency
            ods = f"{key}-ods-currency-format-{k + 1}"
            currency_format_sheet(src / f"{ods}.xlsx", po, number_format, named)
            jobs.append(f.Job(f"{f.WIDE}/ods/{ods}.ods", src / f"{ods}.xlsx", "ods"))
            meta = {"format": "ods", "language": "en", "producer": "libreoffice", "family": "ods-currency-format"}
            b.docs.append(g.Built(f"{f.WIDE}/ods/{ods}.ods", {**expected, **meta}))
    # the same exports saved by Calc as .ods: titled in the translator's words, or untitled
    for k, (key, titles, dates) in enumerate([("en", 0, "ccyymmdd"), ("de", None, "de")]):
        lang = BUYERS[key].lang
        name = f"{key}-ods-edi-export-{k + 1}"
        po = _po(name, key, 3 + k)
        edi_workbook(
            src / f"{name}.xlsx", po, key, titles=TITLES[lang][titles] if titles is not None else None, dates=dates
        )
        jobs.append(f.Job(f"{f.WIDE}/ods/{name}.ods", src / f"{name}.xlsx", "ods"))
        expected = _golden(po, currency=False)
        b.docs.append(
            g.Built(
                f"{f.WIDE}/ods/{name}.ods",
                {**expected, "format": "ods", "language": lang, "producer": "libreoffice", "family": "ods-edi-export"},
            )
        )
    f.run_conversions(b, jobs)
    build_forms(b, add, out)
    build_typed(b)
    for k, (key, delimiter, n) in enumerate([("en", ";", 3), ("en2", ",", 5)]):
        name = f"{key}-csv-lines-only-{k + 1}"
        po = _po(name, key, n)
        lines_only(out(f"csv/{name}.csv"), po, delimiter)
        lines = [{"item": ln.item, "quantity": str(ln.qty)} for ln in po.lines]
        expected = {"kind": "purchase_order", "order": {"po_number": None, "customer": None, "lines": lines}}
        add(f"csv/{name}.csv", {**expected, "needs_review": True}, "en", "csv-lines-only")


# --------------------------------------------------------------------------- Word forms

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PLACEHOLDER = {"en": "Click or tap here to enter text.", "de": "Klicken oder tippen Sie hier, um Text einzugeben."}


def _esc(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)


def _control(value: str, alias: str, kind: str) -> str:
    """A value as a form holds it: a content control (plain text, a date picker, a drop-down
    list), a legacy text form field (FORMTEXT), a drop-down form field (FORMDROPDOWN, its
    choice only in the field's data) or a simple field."""
    run = f'<w:r><w:t xml:space="preserve">{_esc(value)}</w:t></w:r>'
    if kind == "sdt":
        return f'<w:sdt><w:sdtPr><w:alias w:val="{_esc(alias)}"/><w:tag w:val="{_esc(alias)}"/></w:sdtPr><w:sdtContent>{run}</w:sdtContent></w:sdt>'
    if kind == "date":
        return (
            f'<w:sdt><w:sdtPr><w:alias w:val="{_esc(alias)}"/><w:date w:fullDate="2026-01-01T00:00:00Z">'
            '<w:dateFormat w:val="dd.MM.yyyy"/></w:date></w:sdtPr>'
            f"<w:sdtContent>{run}</w:sdtContent></w:sdt>"
        )
    if kind == "list":
        return (
            f'<w:sdt><w:sdtPr><w:alias w:val="{_esc(alias)}"/><w:dropDownList>'
            f'<w:listItem w:displayText="{_esc(value)}" w:value="{_esc(value)}"/></w:dropDownList></w:sdtPr>'
            f"<w:sdtContent>{run}</w:sdtContent></w:sdt>"
        )
    if kind == "formtext":
        return (
            '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:enabled/>'
            '<w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
    if kind == "dropdown":
        others = [f"{value} (old)", "—"]
        entries = "".join(f'<w:listEntry w:val="{_esc(v)}"/>' for v in [others[1], value, others[0]])
        return (
            '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Dropdown1"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:ddList><w:result w:val="1"/>{entries}</w:ddList></w:ffData>'
            '</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
    if kind == "simple":
        return f'<w:fldSimple w:instr=" DOCPROPERTY {_esc(alias)} ">{run}</w:fldSimple>'
    return run


def _empty_control(lang: str) -> str:
    """A content control nobody filled: Word shows its placeholder text, which is no value."""
    return (
        '<w:sdt><w:sdtPr><w:alias w:val="Remarks"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
        f'<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>{_esc(PLACEHOLDER.get(lang, PLACEHOLDER["en"]))}</w:t></w:r>'
        "</w:sdtContent></w:sdt>"
    )


def _cell_xml(cell, inner: str) -> None:
    """Replace a python-docx cell's paragraph with one holding ``inner`` (runs, controls)."""
    from docx.oxml import parse_xml

    p = cell._tc.p_lst[0]
    for child in list(p):
        if not child.tag.endswith("}pPr"):
            p.remove(child)
    for node in parse_xml(f"<w:p {W_NS}>{inner}</w:p>"):
        p.append(node)


def docx_form_fields(path: Path, page: f.Page, style: str) -> None:
    """A Word order form: label cells beside value cells filled through content controls
    (``style`` "sdt") or legacy form fields ("legacy"); the lines' cells filled the same way,
    one spare row whose controls show their placeholder text, remarks left empty."""
    po = page.po
    from docx import Document
    from docx.oxml import parse_xml
    from docx.shared import Pt

    d = Document()
    d.core_properties.author = po.buyer.contact
    d.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.last_modified_by = po.buyer.contact
    d.styles["Normal"].font.size = Pt(10)
    p = d.add_paragraph()
    p.add_run(po.buyer.name).bold = True
    d.add_paragraph(", ".join(po.buyer.address))
    d.add_heading(page.lab("title"), level=1)
    header = page.header()
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    kinds = (
        ["sdt", "date", "date", "list", "sdt", "sdt"]
        if style == "sdt"
        else ["formtext", "formtext", "formtext", "dropdown", "formtext", "simple"]
    )
    for k, (label, value) in enumerate(header):
        cells = t.add_row().cells
        cells[0].text = label
        _cell_xml(cells[1], _control(value, label, kinds[k % len(kinds)]))
    for key, value in (("incoterms", po.incoterms), ("payment", po.payment)):
        if value is None:  # a field of the form nobody filled: its placeholder is no value
            cells = t.add_row().cells
            cells[0].text = page.lab(key)
            _cell_xml(cells[1], _empty_control(page.lang) if style == "sdt" else _control("\u2002" * 5, "", "formtext"))
    cells = t.add_row().cells
    cells[0].text = page.lab("supplier")
    _cell_xml(cells[1], _control(f.OUR, "Supplier", "sdt" if style == "sdt" else "formtext"))
    cols = page.columns()
    lines = d.add_table(rows=1, cols=len(cols))
    lines.style = "Table Grid"
    for cell, (_, label) in zip(lines.rows[0].cells, cols):
        cell.text = label
    for row in page.rows():
        for cell, v in zip(lines.add_row().cells, row):
            _cell_xml(cell, _control(v, "cell", "sdt" if style == "sdt" else "formtext"))
    spare = lines.add_row().cells  # a row of the template nobody filled
    for cell in spare:
        _cell_xml(cell, _empty_control(page.lang) if style == "sdt" else _control("\u2002" * 5, "cell", "formtext"))
    total = page.total_line()
    if total:
        para = d.add_paragraph()
        para.add_run(f"{total[0]}: ")
        for node in parse_xml(
            f"<w:p {W_NS}>{_control(total[1], 'Total', 'sdt' if style == 'sdt' else 'formtext')}</w:p>"
        ):
            para._p.append(node)
    remarks = d.add_paragraph()
    remarks.add_run("Remarks: ")
    for node in parse_xml(f"<w:p {W_NS}>{_empty_control(page.lang)}</w:p>"):
        remarks._p.append(node)
    d.add_paragraph(f"{page.lab('contact')}: {po.buyer.contact}, {po.buyer.email}")
    d.save(str(path))
    g.normalize_zip(path)


def build_forms(b, add, out) -> None:
    for k, (lang, style) in enumerate(
        [("en", "sdt"), ("de", "sdt"), ("fr", "legacy"), ("en", "legacy"), ("it", "sdt"), ("nl", "legacy")]
    ):
        name = f"{lang}-docx-form-fields-{style}"
        buyer = f.BUYERS[k] if lang == "en" else next(p for p in f.BUYERS if p.lang == lang)
        po = f.make_po(name, buyer, 2 + k % 3, payment=k % 2 == 1)
        page = f.Page(po, lang, variant=k % 2)
        docx_form_fields(out(f"docx/{name}.docx"), page, style)
        b.docs.append(
            g.Built(
                f"{f.WIDE}/docx/{name}.docx",
                {
                    **page.golden(),
                    "format": "docx",
                    "language": lang,
                    "producer": "python-docx",
                    "family": "docx-form-fields",
                },
            )
        )


# --------------------------------------------------------------------------- workbooks typed by hand

_TR_ONES = ["", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"]
_TR_TENS = ["", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan"]


def turkish_words(n: int) -> str:
    """A whole number in Turkish words, as a Turkish invoice or order writes its total
    ("bin iki yüz otuz dört": no "bir" before yüz and bin)."""
    if n == 0:
        return "sıfır"
    parts = []
    for size, word in ((1_000_000, "milyon"), (1000, "bin")):
        if n >= size:
            lead, n = divmod(n, size)
            parts.append(word if (lead == 1 and word == "bin") else f"{turkish_words(lead)} {word}")
    if n >= 100:
        lead, n = divmod(n, 100)
        parts.append("yüz" if lead == 1 else f"{_TR_ONES[lead]} yüz")
    if n >= 10:
        parts.append(_TR_TENS[n // 10])
        n %= 10
    if n:
        parts.append(_TR_ONES[n])
    return " ".join(parts)


def roc_date(d: date, style: int) -> str:
    """A date in the Republic of China era (民國 year = year - 1911), as Taiwanese ERPs print it."""
    year = d.year - 1911
    return [
        f"民國{year}年{d.month}月{d.day}日",
        f"{year}/{d.month:02d}/{d.day:02d}",
        f"{year}.{d.month:02d}.{d.day:02d}",
    ][style % 3]


def xlsx_typed_form(path: Path, page: f.Page, *, dates, words: str | None, loose: bool) -> None:
    """An order form typed into a workbook by hand: the title and letterhead merged across,
    labels and values in the buyer's own places (with ``loose``: "label: value" typed into one
    merged cell, empty columns between), numbers typed as numbers, the total typed as a number
    (no formula), then ``words``: the total written out in words, as the buyer's law asks."""
    from openpyxl import Workbook

    po = page.po
    wb = Workbook()
    ws = wb.active
    ws.title = page.lab("title")[:30]
    ws.merge_cells("A1:H1")
    ws["A1"] = po.buyer.name
    ws.merge_cells("A2:H2")
    ws["A2"] = " ".join(po.buyer.address)
    ws.merge_cells("C4:F4")
    ws["C4"] = page.lab("title")
    r = 6
    for label, value in page.header():
        if label in (page.lab("date"), page.lab("delivery")):
            value = dates(po.po_date if label == page.lab("date") else po.delivery)
        if loose:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
            ws.cell(r, 1, f"{label}: {value}")
        else:
            ws.cell(r, 1, label)
            ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=4)
            ws.cell(r, 3, value)
        r += 1
    ws.cell(r, 1, f"{page.lab('supplier')}: {f.OUR}" if loose else page.lab("supplier"))
    if not loose:
        ws.cell(r, 3, f.OUR)
    r += 2
    cols = page.columns()
    spot = {}
    c = 1
    for key, label in cols:
        ws.cell(r, c, label)
        spot[key] = c
        c += 2 if (loose and key == "desc") else 1  # an empty column after the description
    for i, ln in enumerate(po.lines, 1):
        for key, _ in cols:
            value: Any = {"no": i, "item": ln.item, "desc": ln.desc, "unit": ln.unit}.get(key)
            if key in ("qty", "price", "amount"):
                number = {"qty": ln.qty, "price": ln.price, "amount": ln.amount}[key]
                value = int(number) if number == number.to_integral_value() else float(number)
            ws.cell(r + i, spot[key], value)
    r += len(po.lines) + 2
    total = po.total or Decimal(0)
    ws.cell(r, spot["price"], page.lab("total"))
    ws.cell(r, spot["amount"], int(total) if total == total.to_integral_value() else float(total))
    if words:
        ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=spot["amount"])
        ws.cell(r + 1, 1, words)
    ws.cell(r + 3, 1, f"{page.lab('contact')}: {po.buyer.contact}")
    wb.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    wb.save(str(path))
    g.normalize_zip(path)


def build_typed(b) -> None:
    def add(rel: str, page: f.Page, family: str) -> None:
        expected = {**page.golden(), "format": "xlsx", "language": page.lang, "producer": "openpyxl", "family": family}
        b.docs.append(g.Built(f"{f.WIDE}/{rel}", expected))

    turk = next(p for p in f.TRADE_BUYERS if p.lang == "tr")
    for k in range(3):
        name = f"tr-xlsx-total-in-words-{k + 1}"
        po = f.make_trade_po(name, turk, 2 + k)
        page = f.Page(po, "tr", variant=k % 2)
        total = po.total or Decimal(0)
        lira, kurus = int(total), int((total - int(total)) * 100)
        words = f"Yalnız: {turkish_words(lira)} Türk Lirası" + (f" {turkish_words(kurus)} Kuruş" if kurus else "")
        xlsx_typed_form(b.path(f"{f.WIDE}/xlsx/{name}.xlsx"), page, dates=page.d, words=words, loose=k == 2)
        add(f"xlsx/{name}.xlsx", page, "xlsx-total-in-words")
    taiwan = next(p for p in f.BUYERS if p.lang == "zh-Hant" and p.currency is None)
    for k in range(3):
        name = f"zh-hant-xlsx-roc-dates-{k + 1}"
        po = f.make_po(name, taiwan, 2 + k)
        page = f.Page(po, "zh-Hant", variant=k % 2)
        xlsx_typed_form(
            b.path(f"{f.WIDE}/xlsx/{name}.xlsx"), page, dates=lambda d, k=k: roc_date(d, k), words=None, loose=k == 1
        )
        add(f"xlsx/{name}.xlsx", page, "xlsx-roc-dates")
    for k, lang in enumerate(("en", "de", "fr")):
        name = f"{lang}-xlsx-typed-loose-{k + 1}"
        buyer = next(p for p in f.BUYERS if p.lang == lang)
        po = f.make_po(name, buyer, 3)
        page = f.Page(po, lang, variant=k % 2)
        xlsx_typed_form(b.path(f"{f.WIDE}/xlsx/{name}.xlsx"), page, dates=page.d, words=None, loose=True)
        add(f"xlsx/{name}.xlsx", page, "xlsx-typed-loose")
