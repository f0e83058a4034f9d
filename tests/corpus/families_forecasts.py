"""Forecasts on their own: planned quantities a buyer sends for planning, not an order (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Each document is drawn from a
ground truth made here (the buyer, the parts, the periods and their quantities) with the layout
model of ``families_schedules``, by reportlab, fpdf2 and openpyxl. The family:

* ``forecast-only``: the document's only heading is the word for a forecast in the buyer's
  language ("Forecast", "Prognose", "Prévisions", "Previsione", "Previsión", "Prognoza", "预测",
  "内示"), over the buyer's name and address, the day it was issued and the supplier; no order
  title and no PO number. Its table is one row a part with a quantity per calendar week or month,
  or, in a third of them, a quantity with a price and an amount, as an order's lines are. A
  forecast is not an order: the golden result is "other" with no order read.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import families as f
import families_lines as fl
import families_schedules as fs
import generate as g

TITLE = {  # the only heading: the bare word for a forecast
    "en": "Forecast",
    "de": "Prognose",
    "fr": "Prévisions",
    "it": "Previsione",
    "es": "Previsión",
    "pl": "Prognoza",
    "zh-Hans": "预测",
    "ja": "内示",
}
ISSUED = {
    "en": "Date",
    "de": "Datum",
    "fr": "Date",
    "it": "Data",
    "es": "Fecha",
    "pl": "Data",
    "zh-Hans": "日期",
    "ja": "発行日",
}
PERIOD = {  # a calendar week, a month, as the buyer heads the column
    "en": ("CW {w}", "{m:%b %Y}"),
    "de": ("KW {w}", "{m:%m/%Y}"),
    "fr": ("S{w}", "{m:%m/%Y}"),
    "it": ("Sett. {w}", "{m:%m/%Y}"),
    "es": ("Sem. {w}", "{m:%m/%Y}"),
    "pl": ("Tydz. {w}", "{m:%m/%Y}"),
    "zh-Hans": ("第{w}周", "{m:%Y年%m月}"),
    "ja": ("第{w}週", "{m:%Y年%m月}"),
}
# (language, producer)
ONLY = [
    ("en", "reportlab"),
    ("de", "reportlab"),
    ("fr", "fpdf2"),
    ("it", "fpdf2"),
    ("es", "fpdf2"),
    ("pl", "fpdf2"),
    ("zh-Hans", "reportlab"),
    ("ja", "reportlab"),
    ("en", "openpyxl"),
    ("de", "openpyxl"),
    ("fr", "openpyxl"),
    ("zh-Hans", "openpyxl"),
]


def _forecast_only(b: Any, jobs: list[f.Job], add, out) -> None:
    for k, (lang, producer) in enumerate(ONLY):
        name = f"{lang.lower()}-forecast-only-{k}"
        po = fs._po(name, lang, 2 + k % 3, header_delivery=False)
        page = f.Page(po, lang, variant=k % 2)
        rng = f.rng_for(name + "plan")
        doc = fs.Doc(page)
        doc.title(TITLE[lang])
        doc.text(po.buyer.name, bold=True)
        for line in po.buyer.address:
            doc.text(line)
        doc.kv([(ISSUED[lang], po.po_date), (page.lab("supplier"), f.OUR)])
        start = po.po_date + timedelta(days=14)
        if k % 3 == 2:  # priced, as an order's lines are
            head = [page.lab(c) for c in ("item", "desc", "qty", "unit", "price", "amount")]
            rows = [[ln.item, ln.desc, ln.qty, ln.unit, ln.price, ln.amount] for ln in po.lines]
            doc.table(head, rows, [False, False, True, False, True, True])
        else:
            week, month = PERIOD[lang]
            if k % 2:
                firsts = [start.replace(day=1)]
                for _ in range(3):
                    firsts.append((firsts[-1] + timedelta(days=32)).replace(day=1))
                periods = [month.format(m=d) for d in firsts]
            else:
                periods = [week.format(w=(start + timedelta(days=7 * w)).isocalendar()[1]) for w in range(4)]
            rows = [[ln.item, ln.desc, ln.unit, *[ln.qty * rng.choice([1, 2, 3]) for _ in periods]] for ln in po.lines]
            head = [page.lab("item"), page.lab("desc"), page.lab("unit"), *periods]
            doc.table(head, [[*r] for r in rows], [False, False, False] + [True] * len(periods))
        golden = g.expected_for(None, None, kind="other", order_null=True)
        fs._draw(b, jobs, add, out, name, doc, producer, golden, "forecast-only")


def build(b: Any) -> None:
    """The documents of this family, into ``b`` (a ``generate.Builder``) under ``wide/``."""
    add, out = fl._adder(b)
    jobs: list[f.Job] = []
    _forecast_only(b, jobs, add, out)
    f.run_conversions(b, jobs)
