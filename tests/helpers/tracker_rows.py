"""Orders made up for the tracker tests, a look at the sheet as staff would see it, and a save by
LibreOffice as a staff member using it would make."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl

from mailflow.context import Env
from mailflow.model import Order, OrderLine

from .tracker import NOW

YELLOW = "FFFFFF00"


def make_order(n: int, **changes) -> Order:
    order = Order(
        order_no=f"SO-2026-{n:04d}",
        po_number=f"PO-{n}",
        customer=f"Customer {n % 7}",
        received_at=NOW,
        customer_email="buyer@example.com",
        po_date=dt.date(2026, 11, 1 + n % 20),
        requested_delivery=dt.date(2027, 1, 15),
        currency="USD",
        total=Decimal("1250.50") + n,
        archive_dir=f"Customer {n % 7}/SO-2026-{n:04d} PO PO-{n}",
        lines=[
            OrderLine(
                item=f"ITEM-{n}",
                description="Widget, anodised",
                quantity=Decimal(10),
                unit="pcs",
                unit_price=Decimal("125.05"),
                amount=Decimal("1250.50"),
            )
        ],
        facts={"next_action": "Confirm the order", "next_due": "2026-11-24"},
    )
    return order.with_(**changes)


def add_orders(env: Env, numbers) -> None:
    with env.store.transaction():
        for n in numbers:
            env.store.save_order(make_order(n), NOW)


def headers(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[1] if c.value}


def rows_by_key(ws, key_header="Order No") -> dict[str, dict]:
    cols = headers(ws)
    out = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        key = row[cols[key_header] - 1]
        if key:
            assert key not in out, f"{key} is on two rows"
            out[key] = {h: row[c - 1] for h, c in cols.items()}
    return out


def staff_edit(path: Path, fn) -> None:
    wb = openpyxl.load_workbook(path)
    fn(wb)
    wb.save(path)


def cell(ws, key, header):
    cols = headers(ws)
    for row in ws.iter_rows(min_row=2):
        if row[cols["Order No"] - 1].value == key:
            return row[cols[header] - 1]
    raise KeyError(key)


def resave_with_libreoffice(office, path: Path, work: Path) -> None:
    """Open and save ``path`` with LibreOffice headless, as a staff member using it would.

    ``office`` is the ``soffice`` fixture: without LibreOffice the test is skipped, except under
    ``CI=true``, where it fails (``make test`` installs it)."""
    src = work / "lo-in" / path.name
    src.parent.mkdir(exist_ok=True)
    shutil.copy(path, src)
    saved = office.convert(src, work / "lo-out", fmt="xlsx", timeout=180)
    shutil.copy(saved, path)
