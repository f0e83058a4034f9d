"""Benchmark: how fast the IMAP source drains a backlog, against a bare imapclient fetch.

    python bench/imap_backlog.py [--messages 1000] [--batch-size 50] [--kib 30]

Starts its own Dovecot (tests/servers.py), APPENDs a backlog of purchase-order-like messages
(text body plus a PDF-sized attachment), then in the same run measures:

  bare      IMAPClient: SELECT, UID SEARCH, UID FETCH BODY.PEEK[] in batches (the floor)
  source    ImapSource.fetch_new() + one ledger transaction per message (what the pipeline adds
            around each message, minus parsing)
  + action  the same plus the after-processing action (STORE +FLAGS $MailflowDone) and
            store.mark_done, i.e. the full ingest round trip per message

and prints messages per second and the ratio to the bare fetch. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from servers import Certs, Dovecot  # noqa: E402

from mailflow.config import ImapAccount  # noqa: E402
from mailflow.sources.imap import ImapSource  # noqa: E402
from mailflow.sources.imap_connect import server_for  # noqa: E402
from mailflow.store import Store  # noqa: E402

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def purchase_order(i: int, kib: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = "buyer@customer.example"
    msg["To"] = "orders@example.com"
    msg["Subject"] = f"PO-{i:05d} 采购订单"
    msg["Message-ID"] = f"<po-{i}@customer.example>"
    msg.set_content(f"Please find attached PO-{i:05d}.\n\nItem A-100, qty 500, USD 1.25\n" * 5)
    msg.add_attachment(os.urandom(kib * 1024), maintype="application", subtype="pdf", filename=f"PO-{i}.pdf")
    return msg.as_bytes()


def fill(user, n: int, kib: int) -> int:
    total = 0
    with user.client() as c:
        for i in range(n):
            raw = purchase_order(i, kib)
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


def timed(fn, *args):
    started = time.perf_counter()
    count = fn(*args)
    return count, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=1000)
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--kib", type=int, default=30, help="attachment size per message")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    certs = Certs()
    dovecot = Dovecot(certs).start()
    try:
        user = dovecot.new_user("bench")
        started = time.perf_counter()
        size = fill(user, args.messages, args.kib)
        print(
            f"backlog: {args.messages} messages, {size / 1048576:.1f} MB, "
            f"appended in {time.perf_counter() - started:.1f} s; batch size {args.batch_size}"
        )
        bare_fetch(user, args.batch_size)  # warm the server's and the OS's caches for everyone
        paths = (
            ("bare imapclient BODY.PEEK[]", bare_fetch, (user, args.batch_size)),
            ("ImapSource + ledger", through_source, (user, dovecot.ca_file, args.batch_size, False)),
            ("ImapSource + ledger + action", through_source, (user, dovecot.ca_file, args.batch_size, True)),
        )
        times: dict[str, list[float]] = {label: [] for label, _, _ in paths}
        for _ in range(args.rounds):  # interleaved, so a busy machine hurts every path alike
            for label, fn, fn_args in paths:
                count, seconds = timed(fn, *fn_args)
                assert count == args.messages, f"{label}: {count} of {args.messages}"
                times[label].append(seconds)
        median = {label: statistics.median(t) for label, t in times.items()}
        base = args.messages / median[paths[0][0]]
        print(f"\nmedian of {args.rounds} interleaved rounds")
        print(f"{'path':32} {'msgs':>6} {'seconds':>8} {'msg/s':>8} {'vs bare':>8}")
        for label, seconds in median.items():
            rate = args.messages / seconds
            print(f"{label:32} {args.messages:6d} {seconds:8.2f} {rate:8.0f} {rate / base:8.2f}")
    finally:
        dovecot.stop()
        certs.cleanup()


if __name__ == "__main__":
    main()
