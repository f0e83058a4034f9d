"""Review rows the workflow closes: when the cause of a Review row is gone (the data was fixed,
the notice went, the payment was decided), the row is marked done with an event saying why.

Below both ``engine`` and ``payments``, which close rows of their own.
"""

from __future__ import annotations

import datetime as dt

from ..context import Env
from ..model import Cause


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
    closed = 0
    for item in env.store.open_reviews(key_prefix, order_no):
        if item.key in keep:
            continue
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
