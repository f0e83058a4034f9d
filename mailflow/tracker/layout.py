"""The tracker's sheets and columns, and the Excel conventions a new workbook starts with.

Columns are found by their header text (case and spacing ignored), never by position: staff may
reorder columns, insert their own, and add sheets. ``Column`` carries the field, the header, who
owns the cell (see ``model.ORDER_COLUMNS``) and the value type that decides how the cell is
written and how a staff-typed value is read.

``new_workbook`` builds the layout once (``mailflow init``); ``ensure_layout`` only ever adds what
is missing (a sheet, a header) to a workbook staff have been using, and reports what it added.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook as WorkbookType
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..config import Config
from ..customers import LANGUAGES
from ..customers import STATUSES as CUSTOMER_STATUSES
from .package import SheetData
from ..model import INSPECTION_RESULTS, LINE_COLUMNS, ORDER_COLUMNS, PAYMENT_KINDS, PAYMENT_STATUSES, STATUSES

ORDERS, LINES, REVIEW, LOG, DASHBOARD = "Orders", "Lines", "Review", "Log", "Dashboard"
CUSTOMERS, PAYMENTS, PLAN = "Customers", "Payments", "Production Plan"
SHEETS = (ORDERS, LINES, PAYMENTS, CUSTOMERS, REVIEW, LOG, PLAN, DASHBOARD)
DRAWN = (PLAN, DASHBOARD)  # sheets mailflow redraws whole on every save: no header row to keep
CLOSED_STATUSES = ("Shipped", "Closed", "Cancelled")
DONE_VALUES = ("Yes",)
LAST_ROW = 1048576  # Excel's last row: validations and highlighting cover rows added later

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
OVERDUE_FILL = PatternFill("solid", fgColor="FFC7CE")
OVERDUE_FONT = Font(color="9C0006")

_WIDTHS = {"date": 12, "datetime": 17, "money": 15, "number": 9, "status": 18, "inspection": 16}
_WIDE = {
    "customer": 28,
    "description": 40,
    "notes": 40,
    "reason": 60,
    "detail": 60,
    "next_action": 30,
    "archive": 36,
    "link": 30,
    "senders": 36,
    "aliases": 28,
    "payment_terms": 28,
    "contact_email": 28,
    "account_manager_email": 28,
    "reference": 24,
    "note": 36,
}


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    owner: str  # "mailflow" | "staff" | "both"
    kind: str  # text | date | datetime | money | number | status | inspection | link

    @property
    def width(self) -> int:
        return _WIDE.get(self.field, _WIDTHS.get(self.kind, 16))


def order_columns(config: Config) -> list[Column]:
    """``ORDER_COLUMNS`` with ``tracker.headers`` overrides applied."""
    overrides = config.tracker.headers
    return [Column(f, overrides.get(f, h), owner, kind) for f, h, owner, kind in ORDER_COLUMNS]


LINE_SPEC = [Column(f, h, "mailflow", kind) for f, h, kind in LINE_COLUMNS]
REVIEW_SPEC = [
    Column("ref", "Ref", "mailflow", "number"),
    Column("created", "Created", "mailflow", "datetime"),
    Column("order_no", "Order No", "mailflow", "text"),
    Column("reason", "Reason", "mailflow", "text"),
    Column("link", "Mail", "mailflow", "link"),
    Column("done", "Done", "both", "text"),  # staff mark it; mailflow marks items closed elsewhere
]
# The customer master (see ``tracker/customers.py``): staff own every column; ID is the row key.
CUSTOMER_SPEC = [
    Column("customer", "Customer", "both", "text"),
    Column("aliases", "Aliases", "both", "text"),
    Column("senders", "Email Addresses / Domains", "both", "text"),
    Column("contact", "Contact", "both", "text"),
    Column("contact_title", "Contact Title", "both", "text"),
    Column("contact_email", "Contact Email", "both", "text"),
    Column("language", "Language", "both", "language"),
    Column("deposit_percent", "Deposit %", "both", "number"),
    Column("payment_terms", "Payment Terms", "both", "text"),
    Column("account_manager", "Account Manager", "both", "text"),
    Column("account_manager_title", "Account Manager Title", "both", "text"),
    Column("account_manager_email", "Account Manager Email", "both", "text"),
    Column("status", "Status", "both", "customer_status"),
    Column("notes", "Notes", "both", "text"),
    Column("id", "ID", "mailflow", "text"),
]
# Payments as facts (see ``tracker/payments.py``): one row per payment. Staff add a row for each
# payment they receive and decide the ones a payment advice proposed; ID is mailflow's row key.
PAYMENT_SPEC = [
    Column("order_no", "Order No", "both", "text"),
    Column("paid_on", "Date", "both", "date"),
    Column("amount", "Amount", "both", "money"),
    Column("currency", "Currency", "both", "text"),
    Column("kind", "Kind", "both", "payment_kind"),
    Column("reference", "Reference", "both", "text"),
    Column("status", "Status", "both", "payment_status"),
    Column("source", "Source", "mailflow", "text"),
    Column("note", "Note", "both", "text"),
    Column("id", "ID", "mailflow", "text"),
]
LOG_SPEC = [
    Column("at", "At", "mailflow", "datetime"),
    Column("order_no", "Order No", "mailflow", "text"),
    Column("event", "Event", "mailflow", "text"),
    Column("cause", "Cause", "mailflow", "text"),
    Column("detail", "Detail", "mailflow", "text"),
    Column("ref", "Ref", "mailflow", "text"),  # E<event id> / N<notice id>: never logged twice
]


def spec(config: Config, sheet: str) -> list[Column]:
    return {
        ORDERS: order_columns(config),
        LINES: LINE_SPEC,
        CUSTOMERS: CUSTOMER_SPEC,
        REVIEW: REVIEW_SPEC,
        LOG: LOG_SPEC,
        PAYMENTS: PAYMENT_SPEC,
    }[sheet]


def norm(header: object) -> str:
    return " ".join(str(header).split()).casefold() if header is not None else ""


MAX_COLUMN = 16384  # Excel's last column (XFD)


def header_cells(ws: Worksheet | SheetData) -> list[tuple[int, object]]:
    """(column, value) of the non-empty cells on row 1.

    Looks the cells up by position instead of ``iter_rows``: that computes ``max_column`` by
    scanning every cell of the sheet, on each call.
    """
    if isinstance(ws, SheetData):
        return sorted((col, value) for col, value in ws.rows.get(1, {}).items() if value not in (None, ""))
    cells = ws._cells
    return [
        (col, cells[(1, col)].value)
        for col in range(1, MAX_COLUMN + 1)
        if (1, col) in cells and cells[(1, col)].value not in (None, "")
    ]


def locate(ws: Worksheet | SheetData, columns: list[Column]) -> dict[str, int]:
    """field → 1-based column index, for the columns whose header is on row 1 (first one wins)."""
    found: dict[str, int] = {}
    for col, value in header_cells(ws):
        found.setdefault(norm(value), col)
    return {c.field: found[norm(c.header)] for c in columns if norm(c.header) in found}


# --------------------------------------------------------------------------- building


def new_workbook(config: Config) -> WorkbookType:
    """An empty tracker with every sheet, header, format, dropdown and highlight in place."""
    wb = Workbook()
    wb.remove(wb.active)
    for name in SHEETS:
        ws = wb.create_sheet(name)
        if name not in DRAWN:
            columns = spec(config, name)
            for index, column in enumerate(columns, start=1):
                _header_cell(ws, index, column)
            decorate(ws, columns, locate(ws, columns))
            ws.freeze_panes = "B2" if name in (ORDERS, LINES, CUSTOMERS, PAYMENTS) else "A2"
            ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"
    return wb


def ensure_layout(wb: WorkbookType, config: Config) -> list[tuple[str, str | None, str]]:
    """Add missing sheets and missing mailflow headers (at the end of row 1).

    Returns (sheet, field or None for a whole sheet, what was added). A header staff renamed is
    treated as missing: mailflow adds its own column again rather than guessing which of the
    staff's columns it became.
    """
    added: list[tuple[str, str | None, str]] = []
    for name in SHEETS:
        if name not in wb.sheetnames:
            wb.create_sheet(name)
            added.append((name, None, f"sheet {name}"))
            if name in DRAWN:
                continue
            ws = wb[name]
            ws.freeze_panes = "A2"
        if name in DRAWN:
            continue
        ws = wb[name]
        columns = spec(config, name)
        where = locate(ws, columns)
        missing = [c for c in columns if c.field not in where]
        if not missing:
            continue
        next_col = _last_header_col(ws) + 1
        for offset, column in enumerate(missing):
            _header_cell(ws, next_col + offset, column)
            added.append(
                (name, column.field, f"column {column.header!r} on {name} at {get_column_letter(next_col + offset)}")
            )
        decorate(ws, missing, locate(ws, columns))
    return added


def _last_header_col(ws: Worksheet) -> int:
    return max((col for col, _ in header_cells(ws)), default=0)


def _header_cell(ws: Worksheet, index: int, column: Column) -> None:
    cell = ws.cell(row=1, column=index, value=column.header)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(vertical="center", wrap_text=True)
    ws.column_dimensions[get_column_letter(index)].width = column.width


def decorate(ws: Worksheet, columns: list[Column], where: dict[str, int]) -> None:
    """Dropdowns for Status / Inspection Result / Done / Language, and the overdue highlight."""
    for column in columns:
        if column.field not in where:
            continue
        letter = get_column_letter(where[column.field])
        cells = f"{letter}2:{letter}{LAST_ROW}"
        choices = {
            "status": STATUSES,
            "inspection": INSPECTION_RESULTS,
            "customer_status": CUSTOMER_STATUSES,
            "language": LANGUAGES,
            "payment_kind": PAYMENT_KINDS,
            "payment_status": PAYMENT_STATUSES,
        }.get(column.kind)
        if column.field == "done":
            choices = DONE_VALUES
        if choices:
            rule = DataValidation(
                type="list",
                formula1='"' + ",".join(choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=column.header,
                error=f"Choose one of: {', '.join(choices)}",
            )
            rule.add(cells)
            ws.add_data_validation(rule)
        if column.field == "next_due" and "status" in where:
            status = get_column_letter(where["status"])
            closed = ",".join(f'${status}2<>"{s}"' for s in CLOSED_STATUSES)
            ws.conditional_formatting.add(
                cells,
                FormulaRule(
                    formula=[f"AND(ISNUMBER(${letter}2),${letter}2<TODAY(),{closed})"],
                    fill=OVERDUE_FILL,
                    font=OVERDUE_FONT,
                ),
            )
