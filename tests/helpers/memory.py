"""The memory a mailflow process uses, measured from /proc while it runs (Linux): the bomb tests
hold the daemon to ``MEMORY_BOUND_MB``, and ``bench/hostile_memory.py`` reports the figures."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

from .daemon import MAILFLOW, NOW, clean_environ

MEMORY_BOUND_MB = 400  # the README's promise for the daemon process


class PeakRss:
    """Samples the resident memory of a process and of its children from /proc, every 20 ms."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.daemon_kb = 0
        self.children_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.daemon_kb = max(self.daemon_kb, _rss_kb(self.pid))
            for child in _children(self.pid):
                self.children_kb = max(self.children_kb, _rss_kb(child))
            time.sleep(0.02)

    def stop(self) -> "PeakRss":
        self._stop.set()
        self._thread.join()
        return self


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    value = int(line.split()[1])
                    if line.startswith("VmHWM:"):
                        return value  # the kernel's own peak: nothing between samples is missed
        return 0
    except (OSError, ValueError):
        return 0


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(p) for p in handle.read().split()]
    except OSError:
        pass
    return found


def run_once_measured(workspace: Path) -> tuple[subprocess.CompletedProcess, PeakRss]:
    proc = subprocess.Popen(
        [MAILFLOW, "--now", NOW, "--config", str(workspace / "config.yaml"), "run", "--once"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=clean_environ(),
    )  # fmt: skip
    peak = PeakRss(proc.pid)
    out, err = proc.communicate(timeout=600)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), peak.stop()
