"""Orders exported by other programs, and forms filled in by hand (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here (``families.make_po``); its golden file comes from that truth, never from
mailflow's output. The families:

* ``csv-edi-export``: what an EDI translator writes for a purchase order: one row per line with
  the order's header fields (PO number, PO date, buyer, ship-to) repeated on every row, then the
  line number, part, description, quantity, unit, price and need-by date. Column titles in the
  translator's words, or none at all; dates as ``20261120`` or ``11/20/2026``; comma, semicolon,
  tab or pipe between the cells.
* ``csv-edi-records``: the same with a record type in the first column: one ``H`` row for the
  order's header, ``D`` rows for its lines (each repeating the PO number), no column titles.
* ``csv-lines-only``: a headerless export of part and quantity only (``DESK0004;2``): nothing
  says who orders, so the golden file asks for review.
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
) -> None:
    """One row per line, the order's header repeated on every row."""
    rows: list[list[str]] = []
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
            _plain(ln.price, numbers),
            _edi_date(ln.date, dates) if ln.date else "",
        ]
        rows.append(row + ([po.currency] if currency else []))
    _write(path, rows, delimiter, "cp1252" if key in ("de", "fr") else "utf-8")


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
    for k, (key, dates, delimiter, n) in enumerate(
        [("en", "ccyymmdd", ",", 3), ("en2", "us", "|", 4), ("en", "iso", ";", 2), ("de", "ccyymmdd", ",", 3)]
    ):
        name = f"{key}-csv-edi-records-{k + 1}"
        po = _po(name, key, n)
        edi_records(out(f"csv/{name}.csv"), po, key, dates=dates, delimiter=delimiter)
        add(f"csv/{name}.csv", _golden(po, currency=True), BUYERS[key].lang, "csv-edi-records")
    for k, (key, delimiter, n) in enumerate([("en", ";", 3), ("en2", ",", 5)]):
        name = f"{key}-csv-lines-only-{k + 1}"
        po = _po(name, key, n)
        lines_only(out(f"csv/{name}.csv"), po, delimiter)
        lines = [{"item": ln.item, "quantity": str(ln.qty)} for ln in po.lines]
        expected = {"kind": "purchase_order", "order": {"po_number": None, "customer": None, "lines": lines}}
        add(f"csv/{name}.csv", {**expected, "needs_review": True}, "en", "csv-lines-only")
