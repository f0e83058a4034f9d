"""Orders whose own text contradicts a value a reader takes without a second look (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Each document is drawn from a
ground truth made here with the layout model of ``families_schedules`` (reportlab, fpdf2,
openpyxl), and the golden file is that ground truth: a person reading the document knows the
right value, so a reader that takes the tempting one instead must at least not do it silently
(the bench counts a wrong value flagged apart from a silent one). The families:

* ``doubt-dollar-country``: a buyer in Canada, Australia, New Zealand, Mexico or Singapore writes
  its prices and total with a bare ``$`` and no currency field; its address names the country.
  The order is in that country's dollar (or peso), not in US dollars.
* ``doubt-date-stamp``: a European order printing its dates day first ("05/11/2026"), both day
  and month 12 or less, and at its foot the print server's time stamp written month first
  ("Printed 11/17/2026 14:02"), the one date of the document that says an order. A reader that
  lets the stamp decide reads the order as of May; a person says which.
* ``doubt-po-box``: a US buyer whose address is a P.O. box over its town, state and ZIP code, and
  whose order number is printed only in a sentence under the table ("Please quote our order
  4500123456 on all documents"). "P.O." is also how orders are named: a reader may take the ZIP
  code under the box for the PO number; nowhere is that number the order's, so a person looks.
* ``doubt-line-count``: under the lines table the order counts its lines ("Total items: 4",
  "Anzahl Positionen: 4", "Nombre d'articles : 4"); one line of the table is printed after a
  page break under a running head only, or the count says one line more than the table holds
  (a line the buyer deleted from the table but not from the count). The first is consistent and
  must be read whole, unflagged; the second contradicts itself: a person looks.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import families as f
import families_lines as fl
import families_schedules as fs
import generate as g

# (buyer, address, the currency its "$" means, producer)
DOLLAR_BUYERS = [
    ("Maple Ridge Fasteners Ltd.", ["220 Bay Street", "Toronto, ON M5J 2N8, Canada"], "CAD", "reportlab"),
    ("Southern Cross Fittings Pty Ltd", ["14 Wharf Road", "Newcastle NSW 2300, Australia"], "AUD", "fpdf2"),
    ("Kauri Coast Hardware Ltd", ["88 Quay Street", "Auckland 1010, New Zealand"], "NZD", "reportlab"),
    ("Ferretera del Bajío S.A. de C.V.", ["Av. Juárez 410", "León, Gto. 37000, México"], "MXN", "openpyxl"),
    ("Jurong Toolcraft Pte. Ltd.", ["21 Tuas Avenue 4", "Singapore 639383"], "SGD", "fpdf2"),
    ("Prairie Valve Corp.", ["5110 Ellerslie Rd SW", "Edmonton, AB T6X 1A4, Canada"], "CAD", "openpyxl"),
]

# (language, producer, the count's label, whether a line is missing from the table)
COUNTS = [
    ("en", "reportlab", "Total items:", True),
    ("en", "fpdf2", "Number of lines:", False),
    ("de", "reportlab", "Anzahl Positionen:", True),
    ("fr", "fpdf2", "Nombre d'articles :", False),
    ("en", "openpyxl", "Total items:", False),
    ("it", "reportlab", "Numero righe:", True),
]


def _dollar_country(b: Any, jobs: list[f.Job], add, out) -> None:
    for k, (name_, address, currency, producer) in enumerate(DOLLAR_BUYERS):
        name = f"en-doubt-dollar-country-{k}"
        buyer = f.Party(name_, address, "Chris Morgan", f"purchasing{k}@buyer{k}.example", "en", "USD")
        po = f.make_po(name, buyer, 2 + k % 3, payment=False)
        po.currency = currency
        po.buyer.currency = currency
        page = f.Page(po, "en", variant=k % 2, currency_field=False)
        doc = fs.Doc(page)
        doc.title(page.lab("title"))
        doc.text(po.buyer.name, bold=True)
        for line in po.buyer.address:
            doc.text(line)
        doc.kv([(page.lab("po"), po.number), (page.lab("date"), po.po_date), (page.lab("delivery"), po.delivery)])
        doc.kv([(page.lab("supplier"), f.OUR)])
        head = [page.lab(c) for c in ("item", "desc", "qty", "unit", "price", "amount")]
        rows = [[ln.item, ln.desc, ln.qty, ln.unit, f"${page.n(ln.price)}", f"${page.n(ln.amount)}"] for ln in po.lines]
        doc.table(head, rows, [False, False, True, False, True, True])
        doc.sums([(page.lab("total"), f"${page.n(po.total or Decimal(0))}")])
        golden = g.expected_for(po, g.Style())
        fs._draw(b, jobs, add, out, name, doc, producer, golden, "doubt-dollar-country")


# (language, producer, the stamp's words)
STAMPS = [
    ("de", "reportlab", "Gedruckt"),
    ("fr", "fpdf2", "Imprimé le"),
    ("it", "reportlab", "Stampato il"),
    ("es", "fpdf2", "Impreso"),
    ("de", "openpyxl", "Druckdatum"),
]


def _date_stamp(b: Any, jobs: list[f.Job], add, out) -> None:
    for k, (lang, producer, words) in enumerate(STAMPS):
        name = f"{lang}-doubt-date-stamp-{k}"
        po = fs._po(name, lang, 2 + k % 3)
        po.po_date = date(2026, 11, 1 + k)  # day and month both 12 or less, and read the other
        po.delivery = date(2026, 12, 7 + k)  # way round the delivery still follows the order
        page = f.Page(po, lang, variant=k % 2, dates="fr")  # dd/mm/yyyy
        doc = fs.Doc(page)
        fs._head(doc)
        head = [page.lab(c) for c in ("item", "desc", "qty", "unit", "price", "amount")]
        rows: list[list[fs.Cell]] = [[ln.item, ln.desc, ln.qty, ln.unit, ln.price, ln.amount] for ln in po.lines]
        doc.table(head, rows, [False, False, True, False, True, True])
        doc.sums([(page.lab("total"), po.total)])
        printed = po.po_date + timedelta(days=13)
        doc.text(f"{words} {printed.month:02d}/{printed.day:02d}/{printed.year} 14:02")
        golden = g.expected_for(po, g.Style())
        fs._draw(b, jobs, add, out, name, doc, producer, golden, "doubt-date-stamp")


# (buyer, box, town line, producer, the sentence naming the order)
PO_BOXES = [
    (
        "Granite State Pumps Inc.",
        "P.O. Box 4471",
        "Concord, NH 03301, USA",
        "reportlab",
        "Please quote our order {po} on all documents.",
    ),
    (
        "Bayou Marine Supply LLC",
        "PO Box 1208",
        "Houma, LA 70361, USA",
        "fpdf2",
        "Our order number {po} must appear on every invoice.",
    ),
    (
        "Red Mesa Controls Corp.",
        "P.O. Box 30512",
        "Santa Fe, NM 87594, USA",
        "reportlab",
        "Reference order {po} on packing lists and invoices.",
    ),
    (
        "Lakeshore Instruments Inc.",
        "P. O. Box 88",
        "Duluth, MN 55801, USA",
        "openpyxl",
        "Please quote our order {po} on all documents.",
    ),
]


def _po_box(b: Any, jobs: list[f.Job], add, out) -> None:
    for k, (buyer_name, box, town, producer, sentence) in enumerate(PO_BOXES):
        name = f"en-doubt-po-box-{k}"
        buyer = f.Party(buyer_name, [box, town], "Pat Quinn", f"orders{k}@buyer-box{k}.example", "en", "USD")
        po = f.make_po(
            name, buyer, 2 + k % 2, payment=False, number=f"45{f.rng_for(name).randrange(10000000, 99999999)}"
        )
        page = f.Page(po, "en", variant=k % 2)
        doc = fs.Doc(page)
        doc.title(page.lab("title"))
        doc.text(po.buyer.name, bold=True)
        for line in po.buyer.address:
            doc.text(line)
        doc.kv(
            [(page.lab("date"), po.po_date), (page.lab("delivery"), po.delivery), (page.lab("currency"), po.currency)]
        )
        doc.kv([(page.lab("supplier"), f.OUR)])
        head = [page.lab(c) for c in ("item", "desc", "qty", "unit", "price", "amount")]
        rows: list[list[fs.Cell]] = [[ln.item, ln.desc, ln.qty, ln.unit, ln.price, ln.amount] for ln in po.lines]
        doc.table(head, rows, [False, False, True, False, True, True])
        doc.sums([(page.lab("total"), po.total)])
        doc.text(sentence.format(po=po.number))
        golden = g.expected_for(po, g.Style())
        fs._draw(b, jobs, add, out, name, doc, producer, golden, "doubt-po-box")


def _line_count(b: Any, jobs: list[f.Job], add, out) -> None:
    for k, (lang, producer, label, broken) in enumerate(COUNTS):
        name = f"{lang}-doubt-line-count-{k}"
        po = fs._po(name, lang, 3 + k % 3)
        page = f.Page(po, lang, variant=k % 2)
        doc = fs.Doc(page)
        fs._head(doc)
        head = [page.lab(c) for c in ("item", "desc", "qty", "unit", "price", "amount")]
        rows: list[list[fs.Cell]] = [[ln.item, ln.desc, ln.qty, ln.unit, ln.price, ln.amount] for ln in po.lines]
        numeric = [False, False, True, False, True, True]
        if broken:  # the last line alone on the next page, under the order's number only
            doc.table(head, rows[:-1], numeric)
            doc.new_page()
            doc.text(f"{page.lab('po')} {po.number}")
            doc.table(head, rows[-1:], numeric)
            count, review = len(po.lines), False
        else:  # the count names a line the table no longer holds
            doc.table(head, rows, numeric)
            count, review = len(po.lines) + 1, True
        doc.text(f"{label} {count}")
        doc.sums([(page.lab("total"), po.total)])
        golden = g.expected_for(po, g.Style(), needs_review=review)
        fs._draw(b, jobs, add, out, name, doc, producer, golden, "doubt-line-count")


def build(b: Any) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""
    add, out = fl._adder(b)
    jobs: list[f.Job] = []
    _dollar_country(b, jobs, add, out)
    _line_count(b, jobs, add, out)
    _date_stamp(b, jobs, add, out)
    _po_box(b, jobs, add, out)
    f.run_conversions(b, jobs)
