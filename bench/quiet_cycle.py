"""The daemon's cycles with nothing new, on a desk with a long history, in one run.

    .venv/bin/python bench/quiet_cycle.py [--history 20000] [--cycles 6] [--code A --code B]

A daemon runs a cycle a minute when no mail comes (the tracker sync and the mailbox poll), and
every ``daemon.timer_seconds`` for the workflow's timers. Such a cycle should cost next to
nothing however many orders are on record. The desk is ``tracker_sync.py``'s realistic store
(whole order lives, 90 % closed: 2,000 open orders at 20,000), its tracker written and its due
timers, documents and notices done by one ``run --once``, as at a desk that is up to date. Then
one process opens the daemon (``Daemon``, its clock fixed at the bench's date) and runs
``--cycles`` cycles, writing its heartbeat row before each as the daemon does: the first cycle
of a process does the work a process start has to (a full pass of the timers, the tracker read
once), the others are the quiet ones.

Then ``--mails`` purchase orders of ``backlog.py``'s mix arrive one at a time, each with its
cycle and the cycles it asks for (its documents): what a daemon pays for one mail on a long
history, and of it the workflow's timers.

Each ``--code`` checkout (default: this one) is measured on its own copy of the same desk, one
after the other, in the same run. Printed per checkout: the first cycle's wall seconds, the
quiet cycles' median wall and CPU, a mail's median wall, mailflow's CPU and timers seconds, and
the stages of the slowest quiet cycle (wall s).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.backlog import NOW, build, installed, up_to_date  # noqa: E402
from bench.tracker_sync import cached_store  # noqa: E402

CYCLES = """
import datetime as dt, json, shutil, sys, time
from pathlib import Path
from mailflow import config as config_mod
from mailflow.context import fixed_clock
from mailflow.daemon.loop import Daemon

path, cycles, now, inbox = sys.argv[1], int(sys.argv[2]), dt.datetime.fromisoformat(sys.argv[3]), Path(sys.argv[4])
mails = [Path(p) for p in json.loads(sys.argv[5])]
daemon = Daemon(path, config_mod.load(path), clock=fixed_clock(now))


def cycle():
    daemon.status.heartbeat(force=True)
    daemon.flags.wake = False
    wall, cpu = time.perf_counter(), time.process_time()
    daemon.cycle()
    stages = json.loads(daemon.env.store.conn.execute(
        "SELECT value FROM status WHERE name = 'last_cycle'").fetchone()[0])["stages"]
    return [time.perf_counter() - wall, time.process_time() - cpu, stages]


quiet, mail = [], []
try:
    for _ in range(cycles):
        quiet.append(cycle())
    for message in mails:  # one at a time: its cycle and the ones it asks for (its documents)
        shutil.copyfile(message, inbox / message.name)
        seen = [cycle()]
        while daemon.flags.wake and len(seen) < 6:
            seen.append(cycle())
        timers = sum(s.get("workflow timers", 0.0) for _w, _c, s in seen)
        mail.append([sum(w for w, _c, _s in seen), sum(c for _w, c, _s in seen), timers, len(seen)])
finally:
    daemon.watchers.stop()
    daemon._close_documents()
    daemon.env.close()
print(json.dumps({"quiet": quiet, "mail": mail}))
"""


def measure(code: str, history: Path, cycles: int, mails: list[Path]) -> dict:
    """One daemon process over a copy of ``history``: ``quiet``, (wall s, CPU s, stages) of each
    cycle without mail; ``mail``, (wall s, CPU s, timers s, cycles) for each of ``mails``."""
    environ = installed({k: v for k, v in os.environ.items() if not k.startswith("MAILFLOW_")}, code)
    mailflow = str(Path(sys.executable).with_name("mailflow"))
    with tempfile.TemporaryDirectory(prefix="mailflow-quiet-") as tmp:
        desk = Path(tmp) / "desk"
        subprocess.run([mailflow, "--now", NOW, "init", str(desk)], check=True, capture_output=True, env=environ)
        config = desk / "config.yaml"
        up_to_date(desk, history, environ)
        # cwd: the desk, so that ``-c`` finds ``code``'s mailflow on PYTHONPATH, not the checkout
        # the bench was started from
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                CYCLES,
                str(config),
                str(cycles),
                NOW,
                str(desk / "mail" / "inbox" / "new"),
                json.dumps([str(m) for m in mails]),
            ],
            check=True,
            capture_output=True,
            text=True,
            env=environ,
            cwd=desk,
        )
        return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=20000, help="orders on record (realistic history)")
    parser.add_argument("--cycles", type=int, default=6)
    parser.add_argument("--mails", type=int, default=3, help="then this many POs, one at a time")
    parser.add_argument("--code", action="append", help="a mailflow checkout to measure (repeatable)")
    args = parser.parse_args()
    history = cached_store(args.history, "realistic")
    mails = [m for m in sorted(build(200).glob("*.eml"))][: args.mails]
    print(f"{args.history} orders on record; {args.cycles} daemon cycles without mail in one process,")
    print(f"then {len(mails)} purchase orders one at a time (each: its cycle and those it asks for)")
    print(
        f"{'code':32} {'first s':>8} {'quiet s':>8} {'quiet CPU':>9} {'mail s':>7} {'mail CPU':>8}"
        f" {'timers s':>8}  the slowest quiet cycle's stages"
    )
    for code in args.code or [str(ROOT)]:
        seen = measure(str(Path(code).resolve()), history, args.cycles, mails)
        first, quiet, mail = seen["quiet"][0], seen["quiet"][1:], seen["mail"]
        slowest = max(quiet, key=lambda c: c[0])[2] if quiet else {}
        stages = ", ".join(f"{k} {v:.3f}" for k, v in slowest.items() if v >= 0.001) or "-"
        print(
            f"{code:32} {first[0]:8.3f} {_median(c[0] for c in quiet):8.3f} {_median(c[1] for c in quiet):9.3f}"
            f" {_median(m[0] for m in mail):7.2f} {_median(m[1] for m in mail):8.2f}"
            f" {_median(m[2] for m in mail):8.3f}  {stages}"
        )
    print("(quiet, mail: medians; mail CPU is mailflow's own, not its parse worker's nor LibreOffice's)")


def _median(values) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


if __name__ == "__main__":
    main()
