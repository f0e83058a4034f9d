"""4.13 capacity notice: `mailflow notify closure` tells customers with open or recent orders
about a company closure from config.yaml, once per customer per closure, in their language."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from mailflow import config as config_mod
from mailflow.model import Order
from mailflow.store import Store
from mailflow.workflow.closures import periods
from helpers.procedure import SH, Desk, body

MAILFLOW = str(Path(sys.executable).with_name("mailflow"))


def test_consecutive_closure_days_and_the_days_off_between_are_one_period(tmp_path):
    config = config_mod.defaults(tmp_path)
    config.calendar.closures = [dt.date(2027, 7, d) for d in (26, 27, 28, 29, 30)] + [
        dt.date(2027, 8, 2),
        dt.date(2027, 8, 20),
    ]
    assert periods(config) == [
        (dt.date(2027, 7, 26), dt.date(2027, 8, 2)),
        (dt.date(2027, 8, 20), dt.date(2027, 8, 20)),
    ]


def test_each_customer_is_told_once_in_their_language(tmp_path):
    desk = Desk(tmp_path)
    path = desk.root / "config.yaml"
    text = path.read_text(encoding="utf-8")
    days = ", ".join(f"2027-07-{d}" for d in (26, 27, 28, 29, 30)) + ", 2027-08-02"
    path.write_text(text.replace("  closures: []", f"  closures: [{days}]", 1), encoding="utf-8")
    store = Store(desk.root / "state" / "mailflow.db")
    now = dt.datetime(2027, 7, 1, 9, tzinfo=SH)

    def order(n, customer, email, lang, received, status):
        return Order(
            f"SO-2027-{n:04d}",
            f"PO-{n}",
            customer,
            received,
            customer_email=email,
            language=lang,
            currency="USD",
            total=Decimal("100"),
            status=status,
        )

    with store.transaction():
        for o in (
            order(1, "Acme", "buyer@acme.test", "en", now - dt.timedelta(days=400), "Closed"),
            order(2, "Acme", "buyer@acme.test", "en", now - dt.timedelta(days=20), "Confirmed"),
            order(3, "华强", "cg@huaqiang.test", "zh", now - dt.timedelta(days=90), "Closed"),
            order(4, "Old Co", "old@old.test", "en", now - dt.timedelta(days=400), "Closed"),
        ):
            store.save_order(o, now)
    store.close()

    def cli(*args):
        done = subprocess.run(
            [MAILFLOW, "--now", now.isoformat(), "--config", str(path), "notify", "closure", *args],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    assert "would queue" in cli("--dry-run") and desk.sent() == {}
    out = cli()
    assert out.count("queued") == 2 and "old@old.test" not in out
    assert "no closure notice is due" in cli()  # once per customer per closure
    by_to = {m["To"]: m for m in desk.sent()["closure_notice"]}
    assert sorted(by_to) == ["buyer@acme.test", "cg@huaqiang.test"]
    assert "closed from 26 Jul 2027 to 2 Aug 2027 and will reopen on 3 Aug 2027" in body(by_to["buyer@acme.test"])
    assert "your order PO-2 (our ref. SO-2027-0002)" in body(by_to["buyer@acme.test"])  # the latest order
    assert "2027年7月26日 至 2027年8月2日 放假停工" in body(by_to["cg@huaqiang.test"])
