"""Benchmark: from a purchase order's arrival in an IMAP mailbox to its order on record, with the
real daemon under IDLE, and what the daemon holds while it waits.

    python bench/imap_idle_latency.py [--messages 10] [--code DIR] [--pdf never]

Starts its own Dovecot (tests/servers.py) and the real daemon (``mailflow run``: IMAP IDLE,
file outbox, SQLite) on a fresh workspace whose buyers are Confirmed customers (every order gets
its documents and notices, PDFs on unless ``--pdf never``). The messages are real purchase
orders, those of ``backlog.py`` (PDF and Excel attachments, orders typed in the body, other
mail), read by the parse workers as in production. Each is delivered with ``doveadm save`` once
the daemon is idle again (every message done, no document waiting, nothing queued in the
outbox) and a random 1-3 s later, so it lands while the daemon waits in IDLE.

Printed per checkout: arrival → message recorded (its order on record; median, p95, max and
min) and → done (median: its mailbox action is taken at the end of the cycle, after the order's
documents and the tracker write); ``idle MB``, the resident sum of the daemon's process tree just before
each delivery (median), and the daemon's own; how many parse workers were started; the tree's
CPU seconds. Dovecot delays IDLE notifications by 0.5 s (NOTIFY_DELAY_MSECS), the floor of what
any client can see. ``--code DIR`` (repeatable) runs other checkouts on the same messages in the
same run, one after the other.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from servers import Certs, Dovecot  # noqa: E402

from bench.backlog import NOW, Sampled, _tree, build  # noqa: E402
from bench.daemon_memory import _count, _state, workspace  # noqa: E402


def _idle(db: Path, done: int) -> bool:
    return (
        _count(db, "SELECT COUNT(*) FROM messages WHERE done_at IS NOT NULL") >= done
        and _count(db, "SELECT COUNT(*) FROM document_queue") == 0
        and _count(db, "SELECT COUNT(*) FROM outbox WHERE status = 'queued'") == 0
        and _state(db) == "idle"
    )


def _wait(proc: subprocess.Popen, desk: Path, until, timeout: float, what: str, step: float = 0.02) -> None:
    deadline = time.perf_counter() + timeout
    while not until():
        if proc.poll() is not None:
            raise SystemExit(f"the daemon exited ({proc.returncode}):\n{(desk / 'daemon.stderr').read_text()[-3000:]}")
        if time.perf_counter() > deadline:
            raise SystemExit(f"{what}: not within {timeout:g} s:\n{(desk / 'daemon.stderr').read_text()[-3000:]}")
        time.sleep(step)


def run(code: str, mails: list[Path], dovecot: Dovecot, ca_file: Path, pdf: str, seed: int, keep: str = "") -> dict:
    mailflow = str(Path(sys.executable).with_name("mailflow"))
    user = dovecot.new_user("idle")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MAILFLOW_")}
    environ["PYTHONPATH"] = os.pathsep.join([code, str(ROOT)])
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="mailflow-idle-latency-") as tmp:
        desk = workspace(Path(tmp), environ)
        config = desk / "config.yaml"
        config.write_text(config.read_text().replace("  pdf: auto", f"  pdf: {pdf}"))
        environ.update(MAILFLOW_IMAP_URL=user.url("INBOX", "imaps"), MAILFLOW_CA_FILE=str(ca_file))
        db = desk / "state" / "mailflow.db"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        log = open(desk / "daemon.stderr", "wb")
        proc = subprocess.Popen(
            [mailflow, "--now", NOW, "--config", str(config), "run"], stdout=subprocess.DEVNULL, stderr=log, env=environ
        )
        seen = Sampled(proc.pid)
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set() and proc.poll() is None:
                seen.sample()
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        delays, finished, idle_tree, idle_daemon = [], [], [], []
        try:
            _wait(proc, desk, lambda: _idle(db, 0), 120, "the daemon's start", 0.2)
            for number, path in enumerate(mails):
                time.sleep(rng.uniform(1.0, 3.0))  # in IDLE by now
                tree = _tree(proc.pid)
                idle_tree.append(sum(kb for kb, _ in tree.values()) / 1024)
                idle_daemon.append(tree.get(proc.pid, (0, 0.0))[0] / 1024)
                user.deliver(path.read_bytes())
                arrived = time.perf_counter()
                done = number + 1
                _wait(proc, desk, lambda n=done: _count(db, "SELECT COUNT(*) FROM messages") >= n,
                      120, f"message {done}")  # fmt: skip
                delays.append(time.perf_counter() - arrived)
                _wait(proc, desk, lambda n=done: _count(db, "SELECT COUNT(*) FROM messages WHERE done_at IS NOT NULL") >= n,
                      300, f"message {done} done")  # fmt: skip
                finished.append(time.perf_counter() - arrived)
                _wait(proc, desk, lambda n=done: _idle(db, n), 300, f"the daemon idle after message {done}", 0.1)
            stop.set()
            sampler.join()
            proc.send_signal(signal.SIGTERM)
            code_ = proc.wait(60)
        finally:
            stop.set()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        orders = _count(db, "SELECT COUNT(*) FROM orders")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            (Path(keep) / f"daemon-{seed}-{Path(code).name}.log").write_bytes((desk / "daemon.stderr").read_bytes())
    delays.sort()
    return {
        "delays": delays,
        "finished": statistics.median(finished),
        "idle_tree": statistics.median(idle_tree),
        "idle_daemon": statistics.median(idle_daemon),
        "workers": seen.roles().get("parse worker", {}).get("count", 0),
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "orders": orders,
        "exit": code_,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=10)
    ap.add_argument("--code", action="append", default=[], help="another checkout to run (repeatable)")
    ap.add_argument("--pdf", default="auto", choices=("auto", "always", "never"))
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--logs", default="", help="a folder to keep each daemon's log in")
    args = ap.parse_args()
    mails = sorted(build(max(args.messages, 10)).glob("*.eml"))[: args.messages]
    codes = [str(ROOT), *args.code]
    certs = Certs()
    dovecot = Dovecot(certs).start()
    try:
        results = [run(code, mails, dovecot, certs.ca_file, args.pdf, args.seed, args.logs) for code in codes]
    finally:
        dovecot.stop()
        certs.cleanup()
    print(f"arrival → message recorded under IDLE, the real daemon, {args.messages} purchase orders, PDFs {args.pdf}")
    print(f"{'code':>5} {'median':>7} {'p95':>7} {'max':>7} {'min':>7} {'done':>6} {'idle MB':>8} {'daemon':>7} "
          f"{'workers':>7} {'CPU s':>6} {'orders':>6} {'exit':>4}")  # fmt: skip
    for number, (code, r) in enumerate(zip(codes, results)):
        delays = r["delays"]
        p95 = delays[min(len(delays) - 1, round(0.95 * (len(delays) - 1)))]
        print(f"{f'[{number}]':>5} {statistics.median(delays):7.2f} {p95:7.2f} {delays[-1]:7.2f} {delays[0]:7.2f} {r['finished']:6.2f} "
              f"{r['idle_tree']:8.0f} {r['idle_daemon']:7.0f} {r['workers']:7d} {r['cpu']:6.1f} {r['orders']:6d} "
              f"{r['exit']:4d}  {code}")  # fmt: skip


if __name__ == "__main__":
    main()
