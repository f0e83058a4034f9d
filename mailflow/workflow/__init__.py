"""The order workflow (issue #6): the procedure as data, working-day deadlines, notices once.

    procedure.py the procedure as tables a person can read (milestones, notices, stages)
    calendar.py  WorkingCalendar: weekends, CN holidays with make-up working days, closures
    steps.py     the pure core: due(order, sent, now, calendar, config) -> [Action]
    engine.py    advance / apply_edits / on_email: the store, the outbox, documents
    reviews.py   close_reviews: Review rows whose cause is gone are marked done
    scheduler.py build(env, jobs) -> schedule.Scheduler for the daemon, every job error-trapped
    views.py     orders_table / order_timeline for `mailflow orders` and `mailflow order show`

The package itself imports nothing: ``procedure``, ``calendar`` and ``steps`` are pure and are
read by the documents and the tracker, while ``engine`` drives the documents and the outbox, so
importing the tables must not pull in the engine (that made an import cycle).
"""
