"""The Dashboard sheet: orders by status, overdue actions, orders and value by month.

mailflow owns this sheet and redraws it on every save from the store (which already holds the
staff edits read this cycle): a data block of plain values plus native charts that read it, so
the figures are right even in viewers that do not recalculate formulas. Staff should build their
own views on another sheet (or another workbook); changes made here are replaced.

The overdue list is one a person reads: it shows the ``OVERDUE_SHOWN`` most overdue actions and
counts the rest, which the Orders sheet lists in full (filter by Next Due). So the sheet, and the
cost of drawing it, stay the same size however many orders are late.

``summarise`` is pure (orders + today → data); ``draw`` puts that data on the sheet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ..model import STATUSES
from .layout import CLOSED_STATUSES
from .cells import DATE_FORMAT, money_format, safe_text

TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
LINK_FONT = Font(color="0563C1", underline="single")
OVERDUE_SHOWN = 50  # rows of the overdue list; the title counts them all


@dataclass
class Summary:
    today: dt.date
    by_status: list[tuple[str, int]] = field(default_factory=list)
    currencies: list[str] = field(default_factory=list)
    by_month: list[tuple[str, int, list[Decimal]]] = field(default_factory=list)  # month, n, value/currency
    overdue: list[tuple[str, str, str, dt.date, int]] = field(default_factory=list)  # the most overdue
    overdue_count: int = 0  # every overdue action, shown or not
    archives: list[str] = field(default_factory=list)  # yearly archive workbooks beside the tracker

    @property
    def signature(self) -> str:
        """Changes when anything drawn changes: decides whether the dashboard alone needs a save."""
        return hashlib.sha256(
            repr((self.by_status, self.by_month, self.overdue, self.overdue_count, self.today, self.archives)).encode()
        ).hexdigest()


def summarise(orders: list[dict], today: dt.date, archives: list[str] | tuple[str, ...] = ()) -> Summary:
    """``orders`` are the store's briefs (``Store.order_briefs``: every order, live or archived,
    without decoding whole orders); ``archives`` the yearly archive workbooks to link to."""
    summary = Summary(today=today, archives=list(archives))
    counts = Counter(o["status"] for o in orders)
    summary.by_status = [(s, counts.get(s, 0)) for s in STATUSES] + sorted(
        (s, n) for s, n in counts.items() if s not in STATUSES
    )
    months: dict[str, int] = Counter()
    values: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for order in orders:
        month = str(order["day"])[:7]
        months[month] += 1
        if order["total"] not in (None, "") and order["status"] != "Cancelled":
            values[month][(order["currency"] or "?").upper()] += Decimal(str(order["total"]))
    summary.currencies = sorted({c for per in values.values() for c in per})
    summary.by_month = [
        (m, months[m], [values[m].get(c, Decimal(0)) for c in summary.currencies]) for m in sorted(months)
    ]
    late = []
    for order in orders:
        due = order["next_due"]
        if not due or order["status"] in CLOSED_STATUSES:
            continue
        due_date = dt.date.fromisoformat(str(due)[:10])
        if due_date < today:
            late.append((due_date, order))
    summary.overdue_count = len(late)
    summary.overdue = [
        (order["order_no"], order["customer"], str(order["next_action"] or ""), due, (today - due).days)
        for due, order in heapq.nsmallest(OVERDUE_SHOWN, late, key=lambda pair: (pair[0], pair[1]["order_no"]))
    ]
    return summary


def draw(ws: Worksheet, summary: Summary) -> None:
    """Replace the sheet's content and charts with ``summary``."""
    if ws.max_row > 0:
        ws.delete_rows(1, ws.max_row)
    ws._charts = []  # openpyxl reads our previous charts back in: draw them afresh
    ws["A1"] = "Order desk dashboard"
    ws["A1"].font = TITLE_FONT
    ws["A2"] = summary.today
    ws["A2"].number_format = f'"as of "{DATE_FORMAT}'
    for letter, width in zip("ABCDEF", (20, 28, 30, 14, 14, 14)):
        ws.column_dimensions[letter].width = width

    top = 4
    _header(ws, top, ["Status", "Orders"])
    for offset, (status, count) in enumerate(summary.by_status, start=1):
        ws.cell(row=top + offset, column=1, value=status)
        ws.cell(row=top + offset, column=2, value=count)
    last = top + len(summary.by_status)
    chart = BarChart()
    chart.type, chart.title, chart.legend = "bar", "Orders by status", None
    chart.add_data(Reference(ws, min_col=2, min_row=top, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=last))
    _place(ws, chart, "H4")

    top = last + 3
    ws.cell(row=top - 1, column=1, value="Orders and value by month").font = BOLD
    _header(ws, top, ["Month", "Orders"] + [f"Value {c}" for c in summary.currencies])
    for offset, (month, count, amounts) in enumerate(summary.by_month, start=1):
        ws.cell(row=top + offset, column=1, value=month)
        ws.cell(row=top + offset, column=2, value=count)
        for index, (currency, amount) in enumerate(zip(summary.currencies, amounts)):
            cell = ws.cell(row=top + offset, column=3 + index, value=amount)
            cell.number_format = money_format(currency)
    last = top + max(len(summary.by_month), 1)
    # The three charts are always drawn, empty until there are orders: the drawing then never
    # changes shape, so a write can redraw the sheet by patching (see ``package.chart_parts``).
    count_chart = BarChart()
    count_chart.title, count_chart.legend = "Orders by month", None
    count_chart.add_data(Reference(ws, min_col=2, min_row=top, max_row=last), titles_from_data=True)
    count_chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=last))
    _place(ws, count_chart, "H22")
    value_chart = BarChart()
    value_chart.title = "Order value by month"
    value_chart.add_data(
        Reference(ws, min_col=3, max_col=2 + max(len(summary.currencies), 1), min_row=top, max_row=last),
        titles_from_data=True,
    )
    value_chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=last))
    value_chart.y_axis.number_format = "#,##0"  # one axis for several currencies
    _place(ws, value_chart, "H40")

    top = last + 3
    ws.cell(row=top - 1, column=1, value=f"Overdue actions ({summary.overdue_count})").font = BOLD
    _header(ws, top, ["Order No", "Customer", "Next Action", "Next Due", "Days overdue"])
    for offset, (order_no, customer, action, due, days) in enumerate(summary.overdue, start=1):
        row = top + offset
        ws.cell(row=row, column=1, value=safe_text(order_no)).data_type = "s"
        ws.cell(row=row, column=2, value=safe_text(customer)).data_type = "s"
        ws.cell(row=row, column=3, value=safe_text(action)).data_type = "s"
        ws.cell(row=row, column=4, value=due).number_format = DATE_FORMAT
        ws.cell(row=row, column=5, value=days)
    shown = len(summary.overdue)
    if summary.overdue_count > shown:
        shown += 1
        ws.cell(
            row=top + shown,
            column=1,
            value=f"… and {summary.overdue_count - len(summary.overdue)} more: filter the Orders sheet by Next Due",
        ).data_type = "s"

    if summary.archives:
        top = top + max(shown, 1) + 3
        ws.cell(row=top - 1, column=1, value="Archived orders (closed, by year)").font = BOLD
        for offset, name in enumerate(summary.archives):
            cell = ws.cell(row=top + offset, column=1, value=name)
            cell.hyperlink = name  # beside the tracker: a relative link opens it from Excel
            cell.font = LINK_FONT


def _place(ws: Worksheet, chart: BarChart, anchor: str) -> None:
    chart.height, chart.width = 8, 14
    # openpyxl 3.1 leaves the axes' "delete" flag unset, which recent Excel reads as hidden axes.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    ws.add_chart(chart, anchor)


def _header(ws: Worksheet, row: int, names: list[str]) -> None:
    for col, name in enumerate(names, start=1):
        ws.cell(row=row, column=col, value=name).font = BOLD
