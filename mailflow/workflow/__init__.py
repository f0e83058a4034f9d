"""The order workflow (issue #6): the procedure as data, working-day deadlines, notices once.

    procedure.py the procedure as tables a person can read (milestones, notices, stages)
    calendar.py  WorkingCalendar: weekends, CN holidays with make-up working days, closures
    steps.py     the pure core: due(order, sent, now, calendar, config) -> [Action]
    engine.py    advance / apply_edits / on_email: the store, the outbox, documents
    scheduler.py build(env, jobs) -> schedule.Scheduler for the daemon, every job error-trapped
    views.py     orders_table / order_timeline for `mailflow orders` and `mailflow order show`
"""

from .calendar import WorkingCalendar
from .engine import advance, apply_edits, on_email, record_edits

__all__ = ["WorkingCalendar", "advance", "apply_edits", "on_email", "record_edits"]
