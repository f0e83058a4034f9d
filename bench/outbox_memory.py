"""The outbox through a backlog's notices: what a flush holds in memory, and what a notice stores.

    .venv/bin/python bench/outbox_memory.py [--orders 500] [--kib 40] [--code DIR]

A fresh workspace (file transport, SQLite) with ``--orders`` orders of eight lines each, every
order with an order form PDF and its .docx in its archive folder (``--kib`` in all, incompressible
bytes, as a PDF's streams are) and two notices queued: the acknowledgement to the customer with
the PDF, and a notice to staff with both files, as the workflow attaches them. Then one flush
sends them all, the process's resident set sampled every 2 ms from ``/proc``.

Printed per checkout: ``notices``; ``stored KB`` (the state database's size over the notices:
what the outbox keeps per notice); ``queue ms`` (composing and storing one notice, and its CPU);
``flush MB`` (the flush's resident peak over what the process held before it); ``flush s`` and
``ms/notice`` (and its CPU: on a shared machine the steadier figure); ``files`` sent by the file transport, their size and a digest of their names and
bytes, which must match across checkouts. ``--code DIR`` (repeatable) runs other checkouts on the same workload in the same run,
each in its own process; the first line is this checkout.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rss_kb() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


class _Peak:
    def __init__(self) -> None:
        self.base = _rss_kb()
        self.peak = self.base
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _rss_kb())
            time.sleep(0.002)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss_kb())
        return (self.peak - self.base) / 1024


def child(orders: int, kib: int) -> dict:
    """Runs in the checkout under test (its ``mailflow`` first on ``sys.path``)."""
    import datetime as dt
    from decimal import Decimal

    import yaml

    from mailflow import config as config_mod
    from mailflow import outbox
    from mailflow.archive import Archive, order_dir
    from mailflow.context import Env
    from mailflow.model import Notice, Order, OrderLine
    from mailflow.store import Store

    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
    # One path for every checkout: the Message-IDs (a hash of the workspace's path) and so the
    # files sent are then the same bytes, compared across checkouts by their digest.
    desk = Path(tempfile.gettempdir()) / "mailflow-outbox-memory"
    shutil.rmtree(desk, ignore_errors=True)
    desk.mkdir()
    try:
        data = {"outbox": {"from_address": "orders@example.com", "from_name": "Order Desk", "transport": "file"}}
        (desk / "config.yaml").write_text(yaml.safe_dump(data))
        config = config_mod.load(desk / "config.yaml")
        env = Env(config=config, store=Store(config.path(config.workspace.state_db)),
                  archive=Archive(config.path(config.workspace.archive)))  # fmt: skip
        rng = random.Random(18)
        pdf_size, docx_size = kib * 1024 * 3 // 4, kib * 1024 // 4
        began, cpu = time.perf_counter(), time.process_time()
        for n in range(orders):
            lines = [
                OrderLine(
                    f"A-{n}-{i}",
                    f"Gear housing size {i}",
                    Decimal(10 * (i + 1)),
                    "pcs",
                    Decimal("2.75"),
                    Decimal(10 * (i + 1)) * Decimal("2.75"),
                )  # fmt: skip
                for i in range(8)
            ]
            order = Order(
                order_no=f"SO-2026-{n + 1:04d}", po_number=f"BK-{n + 1:05d}", customer="Northwind Traders",
                received_at=now, customer_email="buyer@northwind.test", currency="USD",
                total=sum((line.amount for line in lines), Decimal(0)), lines=lines,
            )  # fmt: skip
            folder = order_dir(order)
            order.archive_dir = str(folder)
            env.store.save_order(order, now)
            pdf = folder / "documents" / f"Order form {order.order_no}.pdf"
            docx = folder / "documents" / f"Order form {order.order_no}.docx"
            env.archive.put(pdf, b"%PDF-1.7\n" + rng.randbytes(pdf_size))
            env.archive.put(docx, b"PK\x03\x04" + rng.randbytes(docx_size))
            for trigger, to, files in (("received", "buyer@northwind.test", (str(pdf),)),
                                       ("staff", "sales@example.com", (str(pdf), str(docx)))):  # fmt: skip
                notice = Notice(order.order_no, "order_ack", trigger, (to,), attachments=files,
                                in_reply_to=f"<po-{n}@northwind.test>")  # fmt: skip
                outbox.queue(env, notice, now)
        queue_ms = (time.perf_counter() - began) * 1000 / (2 * orders)
        queue_cpu = (time.process_time() - cpu) * 1000 / (2 * orders)
        notices = 2 * orders
        env.store.conn.commit()
        db = config.path(config.workspace.state_db)
        stored_kb = db.stat().st_size / 1024 / notices
        gc.collect()
        peak = _Peak()
        began, cpu = time.perf_counter(), time.process_time()
        report = outbox.flush(env, now)
        seconds = time.perf_counter() - began
        flush_cpu = time.process_time() - cpu
        flush_mb = peak.stop()
        sent = config.path(config.outbox.path)
        files = sorted(sent.glob("*.eml"))
        total = sum(path.stat().st_size for path in files)
        digest = hashlib.sha256(b"".join(path.name.encode() + path.read_bytes() for path in files)).hexdigest()
        env.store.close()
        return {
            "notices": notices, "sent": len(report.sent), "stored_kb": stored_kb, "queue_ms": queue_ms, "queue_cpu": queue_cpu,
            "flush_cpu": flush_cpu,
            "flush_mb": flush_mb, "flush_s": seconds, "files": len(files), "file_bytes": total,
            "digest": digest[:12],
        }  # fmt: skip
    finally:
        shutil.rmtree(desk, ignore_errors=True)


def run(code: Path, orders: int, kib: int) -> dict:
    environ = dict(os.environ, PYTHONPATH=str(code))
    environ.pop("MAILFLOW_OUTBOX", None)
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", "--orders", str(orders), "--kib", str(kib)],
        capture_output=True, text=True, env=environ, cwd=str(code), check=False,
    )  # fmt: skip
    if out.returncode != 0:
        raise SystemExit(f"{code}: the bench failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--orders", type=int, default=500)
    ap.add_argument("--kib", type=int, default=40, help="an order's PDF and .docx together, KiB")
    ap.add_argument("--code", action="append", default=[], help="another checkout to run (repeatable)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        sys.path.insert(0, os.getcwd())
        print(json.dumps(child(args.orders, args.kib)))
        return
    print(f"{args.orders} orders, 2 notices each, {args.kib} KiB of documents an order")
    print(f"{'code':<28} {'notices':>7} {'stored KB':>9} {'queue ms':>8} {'cpu':>5} {'flush MB':>8} {'flush s':>7} "
          f"{'ms/notice':>9} {'cpu':>5} {'files':>6} {'file MB':>8}  digest")  # fmt: skip
    for code in [ROOT, *map(Path, args.code)]:
        r = run(code.resolve(), args.orders, args.kib)
        name = str(code)[-28:]
        per = 1000 / max(r["notices"], 1)
        print(f"{name:<28} {r['notices']:>7} {r['stored_kb']:>9.1f} {r['queue_ms']:>8.1f} {r['queue_cpu']:>5.1f} "
              f"{r['flush_mb']:>8.1f} {r['flush_s']:>7.2f} {r['flush_s'] * per:>9.2f} {r['flush_cpu'] * per:>5.2f} {r['files']:>6} "
              f"{r['file_bytes'] / 1e6:>8.2f}  {r['digest']}")  # fmt: skip


if __name__ == "__main__":
    main()
