"""4.13 capacity notice: tell customers ahead of a factory closure (Chinese New Year, a summer
shutdown), once per customer per closure, in each customer's language.

The closures are the company closures already in ``config.yaml`` (``calendar.closures``):
consecutive closure days — and the weekends and public holidays between them — form one period.

    periods(config) -> [(first day, last day)]                pure
    notify(env, now, months=6, ahead_days=30, dry_run) -> [Notice]

A customer is told when a period starts within ``ahead_days`` and the customer has an open order
or an order received in the last ``months`` months. The notice goes with the customer's latest
order (its language, contact, account manager); the outbox key carries the closure and the
customer's address, so a later order of the same customer does not make a second notice.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from .. import notices
from ..config import Config
from ..context import Env
from ..model import Notice, Order
from ..outbox import queue
from . import steps
from .calendar import WorkingCalendar
from .procedure import TERMINAL

KIND = notices.on_closure().name


def periods(config: Config) -> list[tuple[dt.date, dt.date]]:
    """The company closures as periods; days off between two closure days join them."""
    calendar = WorkingCalendar.of(config.calendar)
    out: list[tuple[dt.date, dt.date]] = []
    for day in sorted(set(config.calendar.closures)):
        if out:
            start, end = out[-1]
            between = (end + dt.timedelta(days=n) for n in range(1, (day - end).days))
            if not any(calendar.is_working_day(d) for d in between):
                out[-1] = (start, day)
                continue
        out.append((day, day))
    return out


def _customer_tag(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:12]


def _latest_by_customer(orders: list[Order], since: dt.datetime) -> dict[str, Order]:
    """Customers (by address) with an open order or one received since ``since``: their latest."""
    latest: dict[str, Order] = {}
    for order in orders:
        if not order.customer_email:
            continue
        if order.status in TERMINAL and order.received_at < since:
            continue
        email = order.customer_email.strip().lower()
        if email not in latest or order.received_at > latest[email].received_at:
            latest[email] = order
    return latest


def notify(env: Env, now: dt.datetime, *, months: int = 6, ahead_days: int = 30) -> list[Notice]:
    """Queue the closure notices due now; returns those queued (or, dry run, those that would be)."""
    config = env.config
    calendar = WorkingCalendar.of(config.calendar)
    today = steps.local_date(now, config)
    due = [(start, end) for start, end in periods(config) if today <= start <= today + dt.timedelta(days=ahead_days)]
    if not due:
        return []
    since = now - dt.timedelta(days=round(months * 30.44))
    customers = _latest_by_customer(env.store.orders(), since)
    queued: list[Notice] = []
    for start, end in due:
        reopens = calendar.add_working_days(end, 1)
        for email, order in sorted(customers.items()):
            trigger = f"{start.isoformat()}~{_customer_tag(email)}"
            if env.store.notice_sent_to_customer(KIND, trigger):
                continue  # told already, with another of their orders
            notice = Notice(
                order.order_no,
                KIND,
                trigger,
                (order.customer_email or "",),
                language=order.language,
                audience="customer",
                context={"closed_from": start, "closed_to": end, "reopens": reopens, "due_on": today, "late": False},
            )
            with env.store.transaction():
                if queue(env, notice, now):
                    queued.append(notice)
                    if not env.dry_run:
                        env.store.add_event(
                            now,
                            "notice_queued",
                            "cli",
                            order.order_no,
                            {"notice": KIND, "key": notice.key, "to": list(notice.to)},
                        )
    return queued
