"""4.5 and 4.7–4.9: the production plan has a due date and an escalation; production is handed
to QC and engineering; the account manager hears when the confirmed delivery date is at risk or
has passed. Real cycles on a Maildir workspace, staff edits made with openpyxl."""

from __future__ import annotations

import datetime as dt

from helpers.procedure import Desk, at, body, po_email


def test_plan_handoff_and_delivery_alerts_each_once_on_their_day(tmp_path):
    desk = Desk(tmp_path)
    desk.mail(po_email("30% deposit, 70% before shipment", quantity=1000, price="10.00"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed", Confirmed_Delivery=dt.date(2026, 12, 18))
    desk.run(at(11, 23, 15))
    (plan,) = desk.sent()["production_plan_reminder"]
    assert plan["To"] == "pmc@example.com" and "by 25 Nov 2026" in body(plan)  # 2 working days

    desk.run(at(11, 25, 9))
    assert "production_plan_overdue" not in desk.sent()  # due today: not late yet
    desk.run(at(11, 26, 9))
    (late,) = desk.sent()["production_plan_overdue"]
    assert late["To"] == "pmc@example.com, sales.director@example.com"
    assert "was due by 25 Nov 2026" in body(late) and "Plan Date" in body(late)
    desk.edit(Plan_Date=dt.date(2026, 11, 26), Deposit_Received=3000, Notes="salt-spray test 48 h")
    desk.run(at(11, 26, 15))
    (handoff,) = desk.sent()["production_handoff"]
    assert handoff["To"] == "qc@example.com, engineering@example.com"
    assert "Special requirements: salt-spray test 48 h" in body(handoff)
    assert [p.get_filename() for p in handoff.iter_attachments()] == ["SO-2026-0001 Order Form v2.docx"]

    # Assembly on 15 Dec + 5 working days of finishing = 22 Dec, after the 18 Dec promised.
    desk.edit(Assembly_Date=dt.date(2026, 12, 15))
    desk.run(at(11, 30, 10))
    (risk,) = desk.sent()["delivery_risk_alert"]
    assert risk["To"] == "am@example.com"
    assert "ready on 22 Dec 2026, later than the confirmed delivery date 18 Dec 2026" in body(risk)
    desk.edit(Assembly_Date=dt.date(2026, 12, 10))  # moved earlier: ready 17 Dec, in time
    desk.run(at(12, 1, 10))
    assert len(desk.sent()["delivery_risk_alert"]) == 1

    for day in (18, 19, 21):
        desk.run(at(12, day, 9))
    (overdue,) = desk.sent()["delivery_overdue_alert"]
    assert desk.queued_on("delivery_overdue_alert") == [dt.date(2026, 12, 19)]
    assert "18 Dec 2026, has passed and Shipped is not set" in body(overdue)
    assert desk.queued_on("production_plan_overdue") == [dt.date(2026, 11, 26)]
