"""Benchmark: delay from a message's arrival on the server to its row in the ledger, under IDLE.

    python bench/imap_idle_latency.py [--messages 30]

Starts its own Dovecot (tests/servers.py). The main thread runs the daemon's loop in miniature
(``wait()`` → ``fetch_new()`` → record → ``mark_done``); a second thread delivers one message at
a time with ``doveadm save`` at a random moment and notes when the save returned (the arrival).
Prints median, p95 and max of arrival → recorded. Dovecot delays IDLE notifications by 0.5 s
(NOTIFY_DELAY_MSECS), which is the floor of what any client can see.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from servers import Certs, Dovecot  # noqa: E402

from mailflow.config import ImapAccount  # noqa: E402
from mailflow.sources.imap import ImapSource  # noqa: E402
from mailflow.sources.imap_connect import server_for  # noqa: E402
from mailflow.store import Store  # noqa: E402

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=30)
    args = ap.parse_args()

    certs = Certs()
    dovecot = Dovecot(certs).start()
    try:
        user = dovecot.new_user("idle")
        store = Store(Path(tempfile.mkdtemp(prefix="mailflow-bench-")) / "state.db")
        account = ImapAccount()
        environ = {"MAILFLOW_IMAP_URL": user.url(), "MAILFLOW_CA_FILE": str(dovecot.ca_file)}
        source = ImapSource(server_for(account, environ=environ), store, account=account, clock=lambda: NOW)
        arrived: dict[bytes, float] = {}
        recorded = threading.Event()

        def deliverer() -> None:
            for i in range(args.messages):
                time.sleep(random.uniform(0.2, 0.6))  # lands while the source is idling
                raw = f"Message-ID: <idle-{i}@customer.example>\r\nSubject: PO {i}\r\n\r\nqty {i}\r\n".encode()
                user.deliver(raw)
                arrived[raw] = time.perf_counter()
                recorded.wait(30)
                recorded.clear()

        list(source.fetch_new())  # connect and select: the steady state of a running daemon
        thread = threading.Thread(target=deliverer, daemon=True)
        thread.start()
        delays = []
        while len(delays) < args.messages:
            if not source.wait(30):
                raise SystemExit("no IDLE notification within 30 s")
            for item in source.fetch_new():
                with store.transaction():
                    store.record_message(
                        NOW, source=item.source, source_key=item.source_key, uidvalidity=item.uidvalidity,
                        uid=item.uid, identity=item.source_key, sha256="-", size=len(item.raw),
                        outcome="processed",
                    )  # fmt: skip
                delays.append(time.perf_counter() - arrived[item.raw])
                source.mark_done(item)
                store.mark_done(item.source, item.source_key, NOW)
                recorded.set()
        thread.join()
        source.close()
        delays.sort()
        p95 = delays[min(len(delays) - 1, round(0.95 * (len(delays) - 1)))]
        print(f"arrival → recorded under IDLE, {len(delays)} messages")
        print(f"{'median':>8} {'p95':>8} {'max':>8} {'min':>8}")
        print(f"{statistics.median(delays):8.3f} {p95:8.3f} {delays[-1]:8.3f} {delays[0]:8.3f}  (seconds)")
    finally:
        dovecot.stop()
        certs.cleanup()


if __name__ == "__main__":
    main()
