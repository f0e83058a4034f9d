"""Review rows the workflow closes: when the cause of a Review row is gone (the data was fixed,
the notice went, the payment was decided), the row is marked done with an event saying why.

Below both ``engine`` and ``payments``, which close rows of their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable

from ..context import Env
from ..model import Cause
from ..store import ReviewItem


def close_reviews(
    env: Env,
    order_no: str | None,
    key_prefix: str,
    now: dt.datetime,
    cause: Cause,
    why: str,
    keep: set[str] = frozenset(),  # type: ignore[assignment]
) -> int:
    """Review rows whose cause is gone are marked done, each with a ``review_done`` event that
    says why (the tracker's Log shows it). ``keep`` lists keys still held this run."""
    items = [item for item in env.store.open_reviews(key_prefix, order_no) if item.key not in keep]
    return _close(env, items, now, cause, why)


def close_keys(
    env: Env,
    keys: Iterable[str],
    now: dt.datetime,
    cause: Cause,
    why: str,
    skip_orders: Collection[str] = (),
) -> int:
    """The open Review rows with one of ``keys`` are marked done, as ``close_reviews`` does,
    except those of ``skip_orders`` (orders whose edits were not recorded)."""
    items = [item for item in env.store.open_reviews_with_keys(keys) if item.order_no not in skip_orders]
    return _close(env, items, now, cause, why)


def _close(env: Env, items: list[ReviewItem], now: dt.datetime, cause: Cause, why: str) -> int:
    closed = 0
    for item in items:
        if env.store.mark_review(item.id, True, now):
            closed += 1
            env.store.add_event(
                now,
                "review_done",
                cause,
                item.order_no,
                {"reason": item.reason, "key": item.key, "closed_because": why},
            )
    return closed
