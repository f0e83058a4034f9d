"""One tracker sync cycle (staff edits read, 10 new orders written) at 1,000 and 20,000 orders.

Against a store with a realistic history: orders on record, workbook size, first write, the
cycle (wall and process CPU) and its growth against the smallest size, a quiet cycle, and peak
memory.

    .venv/bin/python bench/tracker_sync.py [--sizes 1000,20000] [--history realistic,open] [--profile]

``--history realistic`` (the default) is what a factory has after years of use: orders arrive
evenly over the years (4,000 a year), about 8 lines each, the events, notices and review rows of
whole order lives (about 35 events, 13 sent notices and one review item per order), and 90% of
the orders closed — the oldest ones. ``open`` is the worst case: the same history with every order
still open. The store of each size and history is built once and cached under
``$TMPDIR/mailflow-bench-tracker/`` (the 20,000 case takes a minute to build); notices carry a
short stand-in email, since the tracker never reads the bytes.

Each size runs in child processes, so that "peak MB" is the peak resident memory of the cycle
alone: one child makes the first write (``mailflow init`` on a full store, timed as "first"), a
staff member edits three cells and saves in another (so the cycle must really read the file),
then a third child runs the measured cycle, a second one with no staff edits, and a quiet one where nothing
changed at all. Phases come from ``Tracker.timings``: load (reading the workbook: streamed, or
openpyxl's parse on the full path), diff (store read + row comparison + dashboard), save (the
patched or openpyxl-saved copy + atomic replace + backup). The write path each cycle took is
printed under the table ("patch", or "full: <why>").
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import io
import json
import os
import pstats
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

NOW = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc)
PER_YEAR = 4000
CACHE = Path(tempfile.gettempdir()) / "mailflow-bench-tracker"
FIXTURE_VERSION = 3  # bump when the generated history changes shape


# --------------------------------------------------------------------------- the history


def _order(n: int, size: int, all_open: bool):
    from mailflow.model import Order, OrderLine

    rng = random.Random(n)
    age_days = (size - n) * 365 / PER_YEAR  # the newest order arrived today
    received = NOW - dt.timedelta(days=age_days, hours=rng.randint(0, 8))
    closed = not all_open and n <= size * 0.9
    currency = ("USD", "EUR", "CNY")[n % 3]
    lines = []
    for i in range(rng.randint(4, 12)):
        qty, price = Decimal(rng.randint(1, 500)), Decimal(rng.randint(100, 99999)) / 100
        lines.append(
            OrderLine(
                item=f"ITEM-{n}-{i}",
                description=f"Widget {i}, anodised",
                quantity=qty,
                unit="pcs",
                unit_price=price,
                amount=qty * price,
                delivery_date=(received + dt.timedelta(days=60)).date(),
            )
        )
    total = sum((line.amount for line in lines), Decimal(0))
    facts = {"next_action": "Confirm the order", "next_due": (received + dt.timedelta(days=2)).date().isoformat()}
    status = "Received"
    if closed:
        done = (received + dt.timedelta(days=70)).date()
        status = "Closed"
        facts = {
            "milestones": {
                m: {"on": done.isoformat(), "via": "tracker"}
                for m in ("confirmed", "deposit_received", "inspection_passed", "shipped", "closed")
            },
            "deposit_received": str((total * Decimal("0.3")).quantize(Decimal("0.01"))),
            "shipped": done.isoformat(),
            "invoice_no": f"INV-{n}",
        }
    return Order(
        order_no=f"SO-{received.year}-{n:05d}",
        po_number=f"PO-{n}",
        customer=f"Customer {n % 97}",
        received_at=received,
        customer_email=f"buyer{n % 97}@example.com",
        po_date=received.date(),
        requested_delivery=(received + dt.timedelta(days=60)).date(),
        currency=currency,
        total=total,
        status=status,
        lines=lines,
        archive_dir=f"Customer {n % 97}/SO-{n:05d} PO PO-{n}",
        facts=facts,
    )


EVENT_KINDS = (
    "order_received",
    "notice_queued",
    "status_changed",
    "tracker_edit",
    "milestone_reached",
    "document_filed",
)
NOTICE_KINDS = (
    "order_ack",
    "deposit_request",
    "production_plan_reminder",
    "pre_assembly_notice",
    "inspection_notice",
    "balance_notice",
    "pickup_notice",
    "invoice_request",
)


def build_store(path: Path, size: int, all_open: bool) -> None:
    """A store holding ``size`` orders with whole lives behind them (see the module docstring)."""
    from mailflow.store import Store, dumps, iso

    store = Store(path)
    conn = store.conn
    with store.transaction():
        for n in range(1, size + 1):
            order = _order(n, size, all_open)
            finished = order.status == "Closed"
            # An order's last change: its closing for a closed one, else its arrival.
            store.save_order(
                order, min(order.received_at + dt.timedelta(days=70), NOW) if finished else order.received_at
            )
            life = 35 if finished else 8
            at = order.received_at
            events, notices = [], []
            for i in range(life):
                at += dt.timedelta(hours=40)
                events.append(
                    (
                        iso(min(at, NOW)),
                        order.order_no,
                        EVENT_KINDS[i % len(EVENT_KINDS)],
                        "timer",
                        dumps({"step": i, "detail": "x" * 40}),
                    )
                )
            for i in range(13 if finished else 3):
                kind = NOTICE_KINDS[i % len(NOTICE_KINDS)]
                sent = iso(min(order.received_at + dt.timedelta(days=5 * i + 1), NOW))
                notices.append(
                    (
                        f"{order.order_no}:{kind}:{i}",
                        order.order_no,
                        kind,
                        f"<{n}.{i}@bench>",
                        "file",
                        '["buyer@example.com"]',
                        f"{kind} {order.po_number}",
                        b"stand-in",
                        "sent",
                        sent,
                        sent,
                    )
                )
            conn.executemany("INSERT INTO events (at, order_no, kind, cause, detail) VALUES (?, ?, ?, ?, ?)", events)
            conn.executemany(
                "INSERT INTO outbox (key, order_no, kind, message_id, transport, recipients, subject, eml, status,"
                " created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                notices,
            )
            store.add_review(
                order.received_at, f"check {order.po_number} against the PO", key=f"bench:{n}", order_no=order.order_no
            )
            if finished:
                conn.execute(
                    "UPDATE review SET status = 'done', done_at = ? WHERE key = ?",
                    (iso(order.received_at + dt.timedelta(days=1)), f"bench:{n}"),
                )
    store.close()


def _schema() -> str:
    """A short digest of the migrations' names: a store built under another schema is not reused
    (migrations are renumbered now and then, and an old store would fail to migrate)."""
    import mailflow

    names = sorted(p.name for p in (Path(mailflow.__file__).parent / "migrations").glob("*.sql"))
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:8]


def cached_store(size: int, history: str) -> Path:
    """The generated store for ``size`` and ``history``, built on first use."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"v{FIXTURE_VERSION}-{_schema()}-{history}-{size}.db"
    if not path.exists():
        started = time.perf_counter()
        # A name of this process's own: two runs building the same store at once must not
        # delete or replace each other's half-built file (that left an empty store behind).
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        for leftover in CACHE.glob(tmp.name + "*"):
            leftover.unlink()
        build_store(tmp, size, history == "open")
        sqlite3.connect(tmp).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
        os.replace(tmp, path)
        print(
            f"  (built the {history} store of {size} orders in {time.perf_counter() - started:.0f} s)", file=sys.stderr
        )
    return path


# --------------------------------------------------------------------------- one size (child process)


def _env(workspace: Path):
    from mailflow.archive import Archive
    from mailflow.config import defaults
    from mailflow.context import Env, fixed_clock
    from mailflow.store import Store

    config = defaults(workspace)
    store = Store(config.path(config.workspace.state_db))
    return Env(config, store, Archive(config.path(config.workspace.archive)), clock=fixed_clock(NOW))


def _new_orders(env, start: int, count: int, size: int) -> None:
    with env.store.transaction():
        for n in range(start, start + count):
            order = _order(n, size, True).with_(received_at=NOW, order_no=f"SO-2026-{n:05d}")
            env.store.save_order(order, NOW)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_first(workspace: Path) -> dict:
    from mailflow.tracker import Tracker

    env = _env(workspace)
    tracker = Tracker(env)
    tracker.create()
    started = time.perf_counter()
    tracker.write(NOW)
    first = time.perf_counter() - started
    env.store.close()
    return {"first": first, "first_peak_mb": _peak_mb(), "first_path": getattr(tracker, "path_taken", "full")}


def staff_edits(path: Path, saved_by: str = "openpyxl") -> None:
    """Three cells edited and the file saved anew: by openpyxl (every row rewritten, text kept as
    mailflow wrote it), or then opened and saved by LibreOffice too (``libreoffice``: every row
    rewritten with shared strings and its own number spelling, as Excel saves)."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb["Orders"]
    cols = {c.value: c.column for c in ws[1] if c.value}
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=cols["Status"]).value == "Received"][:3]
    ws.cell(row=rows[0], column=cols["Notes"], value="call back")
    ws.cell(row=rows[1], column=cols["Deposit Received"], value=300)
    ws.cell(row=rows[2], column=cols["Notes"], value="rush")
    wb.save(path)
    if saved_by == "libreoffice":
        _resave_with_libreoffice(path)


def _resave_with_libreoffice(path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="mailflow-bench-lo-") as tmp:
        profile = Path(tmp) / "profile"
        out = Path(tmp) / "out"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                str(out),
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=1800,
        )
        shutil.copyfile(out / path.name, path)


def take_edits(env, tracker) -> list:
    """Read the workbook and record the edits, as a cycle does (the notices left out)."""
    from mailflow.workflow.engine import record_edits

    changes = tracker.read_edits(NOW)
    timings = dict(tracker.timings)
    record_edits(env, changes, NOW)
    tracker.mark_read(changes)
    tracker.timings = timings
    return changes.edits


def child_cycle(workspace: Path, size: int, profile: bool) -> dict:
    from mailflow.tracker import Tracker

    env = _env(workspace)
    tracker = Tracker(env)
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    cpu = time.process_time()
    if profiler:
        profiler.enable()
    edits = take_edits(env, tracker)
    read = dict(tracker.timings)
    compared = dict(tracker.rows_compared)
    _new_orders(env, size + 1, 10, size)
    result = tracker.write(NOW)
    if profiler:
        profiler.disable()
    total = time.perf_counter() - started
    cpu = time.process_time() - cpu
    written = dict(tracker.timings)
    assert len(edits) == 3 and result.saved and result.added == 10, (edits, result)
    path = tracker.path_taken
    # The same cycle without staff edits (the file is still in memory: no load) ...
    _new_orders(env, size + 11, 10, size)
    started = time.perf_counter()
    take_edits(env, tracker)
    assert tracker.write(NOW).added == 10
    mailflow_only = time.perf_counter() - started
    # ... and a quiet cycle: nothing changed anywhere (what the daemon does most minutes).
    with env.store.transaction():
        env.store.set_status("daemon", {"heartbeat_at": NOW.isoformat()}, NOW)  # as between cycles
    started = time.perf_counter()
    quiet_cpu = time.process_time()
    take_edits(env, tracker)
    assert not tracker.write(NOW).saved
    quiet = time.perf_counter() - started
    quiet_cpu = time.process_time() - quiet_cpu
    env.store.close()
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumtime").print_stats(30)
        print(out.getvalue(), file=sys.stderr)
    return {
        "total": total,
        "cpu": cpu,
        "quiet_cpu": quiet_cpu,
        "load": read.get("load", 0) + written.get("load", 0),
        "store": written.get("store", 0),
        "diff": read.get("diff", 0) + written.get("diff", 0),
        "save": written.get("save", 0),
        "mailflow_only": mailflow_only,
        "quiet": quiet,
        "peak_mb": _peak_mb(),
        "path": path,
        "compared": compared,
    }


def run(size: int, history: str, profile: bool, saved_by: str = "openpyxl") -> dict:
    db = cached_store(size, history)
    with tempfile.TemporaryDirectory(prefix="mailflow-bench-") as tmp:
        workspace = Path(tmp)
        from mailflow.config import defaults

        config = defaults(workspace)
        target = config.path(config.workspace.state_db)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db, target)
        result = _child("first", workspace, size, False)
        tracker = config.path(config.workspace.tracker)
        # In a child too: a child's peak memory starts at its parent's, so a parent that had
        # loaded the workbook would lend its peak to the cycle measured after.
        _child("staff", workspace, size, False, saved_by)
        result.update(_child("cycle", workspace, size, profile))
        result["mb"] = sum(p.stat().st_size for p in tracker.parent.glob("tracker*.xlsx")) / 1e6
        result["live_mb"] = tracker.stat().st_size / 1e6
    return result


def _child(step: str, workspace: Path, size: int, profile: bool, saved_by: str = "openpyxl") -> dict:
    command = [sys.executable, __file__, "--child", step, "--workspace", str(workspace), "--sizes", str(size)]
    command += ["--staff", saved_by]
    if profile:
        command.append("--profile")
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": _root()})
    if done.returncode != 0:
        raise SystemExit(f"{step} at {size} failed:\n{done.stderr[-3000:]}")
    if done.stderr.strip():
        print(done.stderr, file=sys.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _root() -> str:
    root = str(Path(__file__).resolve().parents[1])
    return os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,20000")
    parser.add_argument("--history", default="realistic,open", help="realistic, open (all orders open), or both")
    parser.add_argument("--profile", action="store_true", help="cProfile the largest cycle")
    parser.add_argument(
        "--staff",
        default="openpyxl",
        choices=("openpyxl", "libreoffice"),
        help="what saves the staff edits: openpyxl, or then LibreOffice too (shared strings, as Excel)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--workspace", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.child:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        workspace = Path(args.workspace)
        if args.child == "staff":
            from mailflow.config import defaults

            staff_edits(defaults(workspace).path(defaults(workspace).workspace.tracker), args.staff)
            work: dict = {}
        elif args.child == "first":
            work = child_first(workspace)
        else:
            work = child_cycle(workspace, sizes[0], args.profile)
        print(json.dumps(work))
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    for history in args.history.split(","):
        results = {size: run(size, history, args.profile and size == sizes[-1], args.staff) for size in sizes}
        base = results[sizes[0]]
        print(f"history: {history}; staff edits saved by {args.staff}")
        print(
            f"{'orders':>7} {'file MB':>8} {'live MB':>8} {'first s':>8} {'cycle s':>8} {'x base':>7}"
            f" {'cpu s':>6} {'x base':>7} {'load':>6} {'diff':>6} {'(store)':>7} {'save':>6} {'no-staff s':>10}"
            f" {'quiet s':>8} {'quiet cpu':>9} {'peak MB':>8} {'first peak':>10}"
        )
        for size, r in results.items():
            print(
                f"{size:>7} {r['mb']:>8.2f} {r['live_mb']:>8.2f} {r['first']:>8.2f} {r['total']:>8.2f}"
                f" {r['total'] / base['total']:>7.1f} {r['cpu']:>6.2f} {r['cpu'] / base['cpu']:>7.1f}"
                f" {r['load']:>6.2f} {r['diff']:>6.2f} {r['store']:>7.2f} {r['save']:>6.2f}"
                f" {r['mailflow_only']:>10.2f} {r['quiet']:>8.3f} {r['quiet_cpu']:>9.3f} {r['peak_mb']:>8.0f}"
                f" {r['first_peak_mb']:>10.0f}"
            )
        for size, r in results.items():
            compared = ", ".join(f"{n} {sheet}" for sheet, n in r.get("compared", {}).items())
            print(
                f"  {size}: first write {r.get('first_path', 'full')}; cycle {r.get('path', 'full')};"
                f" rows the read decoded and compared: {compared or 'all'}"
            )
        top = results[sizes[-1]]
        print(
            f"  {history}: cycle at {sizes[-1]} / cycle at {sizes[0]}: wall {top['total'] / base['total']:.2f}x,"
            f" CPU {top['cpu'] / base['cpu']:.2f}x"
        )


if __name__ == "__main__":
    main()
