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

Each ``--code`` checkout (default: this one) is measured on its own copy of the same desk, one
after the other, in the same run. Printed per checkout: the first cycle's wall and CPU seconds,
the quiet cycles' median wall and CPU, and the stages of the slowest quiet cycle (wall s).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.backlog import CONFIRM, NOW, buyers, installed  # noqa: E402
from bench.tracker_sync import cached_store  # noqa: E402

CYCLES = """
import datetime as dt, json, statistics, sys, time
from mailflow import config as config_mod
from mailflow.context import fixed_clock
from mailflow.daemon.loop import Daemon

path, cycles, now = sys.argv[1], int(sys.argv[2]), dt.datetime.fromisoformat(sys.argv[3])
daemon = Daemon(path, config_mod.load(path), clock=fixed_clock(now))
seen = []
try:
    for _ in range(cycles):
        daemon.status.heartbeat(force=True)
        wall, cpu = time.perf_counter(), time.process_time()
        daemon.cycle()
        stages = json.loads(daemon.env.store.conn.execute(
            "SELECT value FROM status WHERE name = 'last_cycle'").fetchone()[0])["stages"]
        seen.append((time.perf_counter() - wall, time.process_time() - cpu, stages))
finally:
    daemon.watchers.stop()
    daemon._close_documents()
    daemon.env.close()
print(json.dumps(seen))
"""


def measure(code: str, history: Path, cycles: int) -> list:
    """(wall s, CPU s, stages) of each cycle of one daemon process over a copy of ``history``."""
    environ = installed({k: v for k, v in os.environ.items() if not k.startswith("MAILFLOW_")}, code)
    mailflow = str(Path(sys.executable).with_name("mailflow"))
    with tempfile.TemporaryDirectory(prefix="mailflow-quiet-") as tmp:
        desk = Path(tmp) / "desk"
        subprocess.run([mailflow, "--now", NOW, "init", str(desk)], check=True, capture_output=True, env=environ)
        config = desk / "config.yaml"
        state = desk / "state" / "mailflow.db"
        for leftover in state.parent.glob(state.name + "*"):
            leftover.unlink()
        shutil.copyfile(history, state)
        subprocess.run(
            [sys.executable, "-c", CONFIRM, str(config), json.dumps(buyers()), NOW],
            check=True,
            capture_output=True,
            env=environ,
        )
        run = [mailflow, "--now", NOW, "--config", str(config), "run", "--once"]
        subprocess.run(run, check=True, capture_output=True, env=environ)  # up to date
        # cwd: the desk, so that ``-c`` finds ``code``'s mailflow on PYTHONPATH, not the checkout
        # the bench was started from
        done = subprocess.run(
            [sys.executable, "-c", CYCLES, str(config), str(cycles), NOW],
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
    parser.add_argument("--code", action="append", help="a mailflow checkout to measure (repeatable)")
    args = parser.parse_args()
    history = cached_store(args.history, "realistic")
    print(f"{args.history} orders on record; {args.cycles} daemon cycles without mail in one process")
    print(f"{'code':40} {'first s':>8} {'first CPU':>9} {'quiet s':>8} {'quiet CPU':>9}  slowest quiet cycle's stages")
    for code in args.code or [str(ROOT)]:
        seen = measure(str(Path(code).resolve()), history, args.cycles)
        first, quiet = seen[0], seen[1:]
        walls = sorted(w for w, _c, _s in quiet)
        cpus = sorted(c for _w, c, _s in quiet)
        slowest = max(quiet, key=lambda c: c[0])[2] if quiet else {}
        stages = ", ".join(f"{k} {v:.3f}" for k, v in slowest.items() if v >= 0.001) or "-"
        median = (walls[len(walls) // 2], cpus[len(cpus) // 2]) if quiet else (0.0, 0.0)
        print(f"{code:40} {first[0]:8.3f} {first[1]:9.3f} {median[0]:8.3f} {median[1]:9.3f}  {stages}")


if __name__ == "__main__":
    main()
