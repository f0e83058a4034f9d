"""One tracker sync cycle (read staff edits + write 10 new orders) against trackers of 100, 1,000
and 20,000 existing orders: total time, growth against the 100-order case, and where it goes.

    .venv/bin/python bench/tracker_sync.py [--sizes 100,1000,20000] [--profile]

Each size gets a fresh workspace in a temp folder: the orders go into the store, a first write
fills the tracker (timed separately, it is the one-off cost of `mailflow init` on a full store),
a staff member edits three cells and saves (so the cycle must really load the file), then the
measured cycle runs. Two more cycles follow: 10 new orders with no staff edits (the workbook is
still in memory, so nothing is parsed), and a quiet one where nothing changed at all. Phases come from ``Tracker.timings``: load (openpyxl parse), diff (store
read + row comparison + dashboard), save (openpyxl write + atomic replace + backup).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import pstats
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import openpyxl

from mailflow.archive import Archive
from mailflow.config import defaults
from mailflow.context import Env, fixed_clock
from mailflow.model import Order, OrderLine
from mailflow.store import Store
from mailflow.tracker import Tracker

NOW = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc)


def order(n: int) -> Order:
    return Order(
        order_no=f"SO-2026-{n:05d}", po_number=f"PO-{n}", customer=f"Customer {n % 97}",
        received_at=NOW - dt.timedelta(days=n % 400), po_date=dt.date(2026, 1, 1) + dt.timedelta(days=n % 320),
        requested_delivery=dt.date(2027, 1, 15), currency=("USD", "EUR", "CNY")[n % 3],
        total=Decimal("1250.50") + n, archive_dir=f"Customer {n % 97}/SO-2026-{n:05d} PO PO-{n}",
        lines=[OrderLine(item=f"ITEM-{n}", description="Widget", quantity=Decimal(10), unit="pcs",
                         unit_price=Decimal("125.05"), amount=Decimal("1250.50"))],
        facts={"next_action": "Confirm the order", "next_due": "2026-11-24"},
    )


def staff_edits(path: Path) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["Orders"]
    cols = {c.value: c.column for c in ws[1] if c.value}
    ws.cell(row=2, column=cols["Status"], value="Confirmed")
    ws.cell(row=3, column=cols["Deposit Received"], value=300)
    ws.cell(row=4, column=cols["Notes"], value="rush")
    wb.save(path)


def run(size: int, profile: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="mailflow-bench-") as tmp:
        config = defaults(Path(tmp))
        store = Store(config.path(config.workspace.state_db))
        env = Env(config, store, Archive(config.path(config.workspace.archive)), clock=fixed_clock(NOW))
        with store.transaction():
            for n in range(1, size + 1):
                store.save_order(order(n), NOW)
        tracker = Tracker(env)
        tracker.create()
        started = time.perf_counter()
        tracker.write(NOW)
        first = time.perf_counter() - started
        staff_edits(tracker.path)

        profiler = cProfile.Profile() if profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        edits = tracker.read_edits(NOW)
        read = dict(tracker.timings)
        with store.transaction():
            for n in range(size + 1, size + 11):
                store.save_order(order(n), NOW)
        result = tracker.write(NOW)
        if profiler:
            profiler.disable()
        total = time.perf_counter() - started
        written = dict(tracker.timings)
        assert len(edits) == 3 and result.saved and result.added == 10, (edits, result)

        # The same cycle without staff edits (the file is still in memory: no load) ...
        with store.transaction():
            for n in range(size + 11, size + 21):
                store.save_order(order(n), NOW)
        started = time.perf_counter()
        tracker.read_edits(NOW)
        assert tracker.write(NOW).added == 10
        mailflow_only = time.perf_counter() - started
        # ... and a quiet cycle: nothing changed anywhere (what the daemon does most minutes).
        started = time.perf_counter()
        tracker.read_edits(NOW)
        assert not tracker.write(NOW).saved
        quiet = time.perf_counter() - started
        size_mb = tracker.path.stat().st_size / 1e6
        store.close()
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue())
    diff = read.get("diff", 0) + written.get("diff", 0)
    return {
        "first": first, "total": total, "load": read.get("load", 0) + written.get("load", 0),
        "store": written.get("store", 0), "rows": written.get("rows", 0) + read.get("diff", 0),
        "diff": diff, "save": written.get("save", 0), "mb": size_mb,
        "mailflow_only": mailflow_only, "quiet": quiet,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,20000")
    parser.add_argument("--profile", action="store_true", help="cProfile the largest cycle")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    for size in sizes:
        results[size] = run(size, args.profile and size == sizes[-1])
    base = results[sizes[0]]["total"]
    print(f"{'orders':>7} {'file MB':>8} {'first write':>12} {'cycle s':>8} {'x base':>7}"
          f" {'load':>7} {'diff':>7} {'(store':>7} {'rows)':>7} {'save':>7}  {'dominant':<9}"
          f" {'no-staff s':>10} {'quiet s':>8}")
    for size, r in results.items():
        phases = {"load": r["load"], "diff": r["diff"], "save": r["save"]}
        top = max(phases, key=phases.get)
        print(f"{size:>7} {r['mb']:>8.2f} {r['first']:>12.2f} {r['total']:>8.2f} {r['total'] / base:>7.1f}"
              f" {r['load']:>7.2f} {r['diff']:>7.2f} {r['store']:>7.2f} {r['rows']:>7.2f} {r['save']:>7.2f}"
              f"  {top} {phases[top] / r['total']:>4.0%} {r['mailflow_only']:>10.2f} {r['quiet']:>8.2f}")


if __name__ == "__main__":
    main()
