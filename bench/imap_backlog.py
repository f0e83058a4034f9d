"""Benchmark: how fast the IMAP source drains a backlog of real purchase orders, against a bare
imapclient fetch, and what reading them adds.

    python bench/imap_backlog.py [--messages 200] [--batch-size 50] [--rounds 3]

Starts its own Dovecot (tests/servers.py) and APPENDs the backlog of ``backlog.py``: real
purchase orders (40 % with a PDF, 30 % with an Excel workbook, 20 % typed in the body, 10 %
other mail), each with its own PO number. Then, in the same run, interleaved over ``--rounds``:

  bare      IMAPClient: SELECT, UID SEARCH, UID FETCH BODY.PEEK[] in batches (the floor)
  source    ImapSource.fetch_new() + one ledger transaction per message (what the pipeline adds
            around each message, minus parsing)
  + action  the same plus the after-processing action (STORE +FLAGS $MailflowDone) and
            store.mark_done, i.e. the full ingest round trip per message
  + read    the same, each message also parsed (MIME) and its attachments read by mailflow's
            parse workers (``limits.parse_workers`` of them, their start included), as the
            pipeline reads them: what an order costs before it is planned and recorded

and prints messages per second and the ratio to the bare fetch; ``+ read`` also how many of the
messages were read as purchase orders. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from servers import Certs, Dovecot  # noqa: E402

from bench.backlog import build  # noqa: E402
from mailflow.config import ImapAccount, Limits  # noqa: E402
from mailflow.extract import ParseContext  # noqa: E402
from mailflow.message import parse as parse_mime  # noqa: E402
from mailflow.parseworker import KnownPOs, WorkerPool  # noqa: E402
from mailflow.sources.imap import ImapSource  # noqa: E402
from mailflow.sources.imap_connect import server_for  # noqa: E402
from mailflow.store import Store  # noqa: E402

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def fill(user, mails: list[Path]) -> int:
    total = 0
    with user.client() as c:
        for path in mails:
            raw = path.read_bytes()
            total += len(raw)
            c.append("INBOX", raw)
        c.logout()
    return total


def bare_fetch(user, batch: int) -> int:
    with user.client() as c:
        c.select_folder("INBOX", readonly=True)
        uids = sorted(c.search("ALL"))
        got = 0
        for start in range(0, len(uids), batch):
            got += len(c.fetch(uids[start : start + batch], ["BODY.PEEK[]"]))
        c.logout()
    return got


def through_source(user, ca_file, batch: int, with_action: bool) -> int:
    store = Store(Path(tempfile.mkdtemp(prefix="mailflow-bench-")) / "state.db")
    account = ImapAccount(batch_size=batch)
    environ = {"MAILFLOW_IMAP_URL": user.url(), "MAILFLOW_CA_FILE": str(ca_file)}
    source = ImapSource(server_for(account, environ=environ), store, account=account, clock=lambda: NOW)
    n = 0
    for item in source.fetch_new():
        with store.transaction():
            store.record_message(
                NOW, source=item.source, source_key=item.source_key, uidvalidity=item.uidvalidity,
                uid=item.uid, identity=item.source_key, sha256="-", size=len(item.raw), outcome="processed",
            )  # fmt: skip
        if with_action:
            source.mark_done(item)
            with store.transaction():
                store.mark_done(item.source, item.source_key, NOW)
        n += 1
    source.close()
    store.close()
    return n


def read_through_workers(user, ca_file, batch: int, workers: int) -> tuple[int, int]:
    """``through_source`` with the action, each message parsed and its attachments read by the
    parse workers (started here: a cycle starts them), ``workers`` messages at a time."""
    store = Store(Path(tempfile.mkdtemp(prefix="mailflow-bench-")) / "state.db")
    account = ImapAccount(batch_size=batch)
    environ = {"MAILFLOW_IMAP_URL": user.url(), "MAILFLOW_CA_FILE": str(ca_file)}
    source = ImapSource(server_for(account, environ=environ), store, account=account, clock=lambda: NOW)
    limits = Limits(parse_workers=workers)
    ctx = ParseContext(limits=limits, known_po=KnownPOs.of([]))
    parsers = WorkerPool(size=workers)
    parsers.warm(limits.worker_memory_mb)
    orders = n = 0

    def read(raw: bytes):
        return parsers.parse(parse_mime(raw, limits), ctx, limits)

    with ThreadPoolExecutor(max_workers=workers) as threads:
        pending: deque = deque()

        def finish() -> None:
            nonlocal orders, n
            item, future = pending.popleft()
            result = future.result()
            orders += result.kind == "purchase_order"
            with store.transaction():
                store.record_message(
                    NOW, source=item.source, source_key=item.source_key, uidvalidity=item.uidvalidity,
                    uid=item.uid, identity=item.source_key, sha256="-", size=len(item.raw), outcome="processed",
                )  # fmt: skip
            source.mark_done(item)
            with store.transaction():
                store.mark_done(item.source, item.source_key, NOW)
            n += 1

        for item in source.fetch_new():
            pending.append((item, threads.submit(read, item.raw)))
            if len(pending) > workers:
                finish()
        while pending:
            finish()
    parsers.close()
    source.close()
    store.close()
    return n, orders


def timed(fn, *args):
    started = time.perf_counter()
    count = fn(*args)
    return count, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=Limits().parse_workers, help="parse workers for + read")
    args = ap.parse_args()
    mails = sorted(build(args.messages).glob("*.eml"))

    certs = Certs()
    dovecot = Dovecot(certs).start()
    try:
        user = dovecot.new_user("bench")
        started = time.perf_counter()
        size = fill(user, mails)
        print(
            f"backlog: {args.messages} messages, {size / 1048576:.1f} MB, "
            f"appended in {time.perf_counter() - started:.1f} s; batch size {args.batch_size}"
        )
        bare_fetch(user, args.batch_size)  # warm the server's and the OS's caches for everyone
        paths = (
            ("bare imapclient BODY.PEEK[]", bare_fetch, (user, args.batch_size)),
            ("ImapSource + ledger", through_source, (user, dovecot.ca_file, args.batch_size, False)),
            ("ImapSource + ledger + action", through_source, (user, dovecot.ca_file, args.batch_size, True)),
            (
                "... + read (parse workers)",
                read_through_workers,
                (user, dovecot.ca_file, args.batch_size, args.workers),
            ),
        )
        orders = 0
        times: dict[str, list[float]] = {label: [] for label, _, _ in paths}
        for _ in range(args.rounds):  # interleaved, so a busy machine hurts every path alike
            for label, fn, fn_args in paths:
                count, seconds = timed(fn, *fn_args)
                if isinstance(count, tuple):
                    count, orders = count
                assert count == args.messages, f"{label}: {count} of {args.messages}"
                times[label].append(seconds)
        median = {label: statistics.median(t) for label, t in times.items()}
        base = args.messages / median[paths[0][0]]
        print(f"\nmedian of {args.rounds} interleaved rounds")
        print(f"{'path':32} {'msgs':>6} {'seconds':>8} {'msg/s':>8} {'vs bare':>8}")
        for label, seconds in median.items():
            rate = args.messages / seconds
            print(f"{label:32} {args.messages:6d} {seconds:8.2f} {rate:8.1f} {rate / base:8.3f}")
        print(f"\n+ read: {orders} of the {args.messages} messages read as purchase orders")
    finally:
        dovecot.stop()
        certs.cleanup()


if __name__ == "__main__":
    main()
