"""The Production Plan sheet: the master production plan (4.5) as a list PMC and sales can read.

Every confirmed order not yet shipped, closed or cancelled, in the order it will be built
(assembly date, then confirmed delivery): its dates from plan to shipment, its status, and what
puts the confirmed delivery at risk. mailflow owns the sheet and redraws it from the Orders
sheet on every save that changes it (the sheet says so on its first row): staff edit the dates
on the Orders sheet, never here.

``rows`` is pure (orders + today → data); ``draw`` puts them on the sheet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ..model import Order
from ..workflow.procedure import MILESTONES
from ..workflow.steps import as_date, milestones, passed
from .layout import HEADER_FILL, HEADER_FONT
from .cells import DATE_FORMAT, safe_text

NOTE = (
    "Master production plan, drawn by mailflow from the Orders sheet on every save: changes made"
    " here are replaced. Edit Plan Date, Assembly Date and the other dates on the Orders sheet."
)
HEADERS = (
    "Order No",
    "Customer",
    "PO No",
    "Status",
    "Plan Date",
    "Assembly Date",
    "Production Complete",
    "Inspection Date",
    "Confirmed Delivery",
    "Attention",
)
DATES = {4, 5, 6, 7, 8}  # 0-based positions of the date columns
_WIDTHS = (16, 28, 16, 18, 12, 13, 13, 13, 14, 44)
DONE = ("Shipped", "Closed", "Cancelled")  # statuses never on the plan


def candidates() -> list[str]:
    """The milestones that put an order on the plan (confirmed, or any later one): the store
    reads only the orders that reached one (``Store.live_orders_reaching``)."""
    names = [m.name for m in MILESTONES]
    return names[names.index("confirmed") :]


def rows(orders: list[Order], today: dt.date) -> list[tuple[Any, ...]]:
    """One row per confirmed order still to be built or shipped, soonest assembly first."""
    out = []
    for order in orders:
        if order.status in DONE or not passed(milestones(order), "confirmed"):
            continue
        facts = order.facts
        delivery = as_date(facts.get("confirmed_delivery"))
        assembly = as_date(facts.get("assembly_date"))
        attention = []
        if not facts.get("plan_date"):
            attention.append("no Plan Date yet")
        if delivery and assembly and assembly > delivery:
            attention.append("assembly after the confirmed delivery")
        if delivery and delivery < today:
            attention.append("confirmed delivery date passed")
        out.append(
            (
                order.order_no,
                order.customer,
                order.po_number,
                order.status,
                as_date(facts.get("plan_date")),
                assembly,
                as_date(facts.get("production_complete")),
                as_date(facts.get("inspection_date")),
                delivery,
                "; ".join(attention),
            )
        )
    far = dt.date.max
    out.sort(key=lambda r: (r[5] or far, r[8] or far, r[0]))
    return out


def signature(plan: list[tuple[Any, ...]], today: dt.date) -> str:
    """Changes when anything drawn changes: decides whether the sheet needs drawing again."""
    return hashlib.sha256(repr((plan, today)).encode()).hexdigest()


def draw(ws: Worksheet, plan: list[tuple[Any, ...]], today: dt.date) -> None:
    """Replace the sheet's content with ``plan``."""
    if ws.max_row > 0:
        ws.delete_rows(1, ws.max_row)
    ws["A1"] = NOTE
    ws["A1"].font = Font(italic=True, color="9C0006")
    ws["A2"] = today
    ws["A2"].number_format = f'"as of "{DATE_FORMAT}'
    for index, header in enumerate(HEADERS, start=1):
        cell = ws.cell(row=4, column=index, value=header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        ws.column_dimensions[cell.column_letter].width = _WIDTHS[index - 1]
    for offset, values in enumerate(plan, start=5):
        for index, value in enumerate(values):
            cell = ws.cell(row=offset, column=index + 1)
            if index in DATES:
                cell.value = value
                cell.number_format = DATE_FORMAT
            else:
                cell.value = safe_text(str(value)) if value not in (None, "") else None
                cell.data_type = "s" if value not in (None, "") else cell.data_type
    ws.freeze_panes = "A5"
