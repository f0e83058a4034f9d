"""Read-only views of the workflow for the CLI: ``mailflow orders`` and ``mailflow order show``.

    orders_table(env, now) -> list[dict]      one row per order: order_no, customer, po_number,
                                              status, next_action, due (ISO date or None), overdue
    order_timeline(env, order_no) -> dict     {"order": {...}, "milestones": [...], "events": [...],
                                              "documents": [...], "notices": [...]}

Values are plain (str, bool, None) so ``--json`` prints them as they are. Nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..context import Env
from ..model import format_decimal
from . import steps
from .procedure import TERMINAL


def orders_table(env: Env, now: dt.datetime) -> list[dict[str, Any]]:
    today = steps.local_date(now, env.config)
    rows = []
    for order in env.store.orders():
        due = steps.as_date(order.facts.next_due)
        rows.append(
            {
                "order_no": order.order_no,
                "customer": order.customer,
                "po_number": order.po_number,
                "status": order.status,
                "next_action": order.facts.next_action or "",
                "due": due.isoformat() if due else None,
                "overdue": bool(due and due < today and order.status not in TERMINAL),
            }
        )
    return rows


def order_timeline(env: Env, order_no: str) -> dict[str, Any]:
    store = env.store
    order = store.order(order_no)
    if order is None:
        return {}
    events = [
        {
            "at": event.at,
            "event": event.kind,
            "cause": event.cause,
            "detail": _detail(event.detail),
            "message_id": event.message_id,
        }
        for event in store.events(order_no)
    ]
    notices = [
        {
            "created": entry.created_at,
            "notice": entry.kind,
            "key": entry.key,
            "status": entry.status,
            "to": ", ".join(entry.recipients),
            "subject": entry.subject,
            "sent": entry.sent_at,
        }
        for entry in store.notices(order_no=order_no)
    ]
    documents: list[dict[str, Any]] = []
    for key, paths in sorted((order.facts.documents or {}).items()):
        kind, _, trigger = key.partition(":")
        documents.extend({"document": kind, "for": trigger, "path": path} for path in paths)
    payments = [
        {
            "payment": p.ref,
            "date": p.paid_on.isoformat() if p.paid_on else None,
            "kind": p.kind,
            "amount": f"{p.currency or ''} {format_decimal(p.amount)}".strip() if p.amount is not None else None,
            "reference": p.reference,
            "status": p.status,
            "source": p.source,
        }
        for p in store.payments(order_no)
    ]
    milestones = [
        {"milestone": name, "on": entry.get("on"), "via": entry.get("via")}
        for name, entry in (order.facts.milestones or {}).items()
    ]
    return {
        "order": {
            "order_no": order.order_no,
            "customer": order.customer,
            "po_number": order.po_number,
            "status": order.status,
            "received": order.received_at.isoformat(),
            "total": f"{order.currency or ''} {format_decimal(order.total)}".strip()
            if order.total is not None
            else None,
            "archive": order.archive_dir,
        },
        "next_action": order.facts.next_action or "",
        "due": order.facts.next_due,
        "balance_due": order.facts.get("balance_due"),
        "milestones": milestones,
        "payments": payments,
        "events": events,
        "documents": documents,
        "notices": notices,
    }


def _detail(text: str) -> str:
    """An event's detail as one readable line (key=value), for the timeline table."""
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return text
    return ", ".join(f"{k}={v}" for k, v in data.items() if v not in (None, "", [], {}))
