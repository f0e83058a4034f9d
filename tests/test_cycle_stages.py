"""A cycle records per stage its wall time and this process's own CPU in it: a stage whose CPU is
far below its wall time waits (for the parse workers, LibreOffice, the disk), one near it works."""

import datetime as dt
import time

from mailflow import config as config_mod
from mailflow import pipeline
from mailflow.context import Env, fixed_clock
from mailflow.scaffold import create_workspace
from mailflow.sources.maildir import MaildirSource

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def test_a_stage_that_waits_uses_little_cpu_and_one_that_works_uses_its_wall_time():
    report = pipeline.CycleReport(started=NOW)
    pipeline._stage(report, "waiting", lambda: time.sleep(0.3))

    def work() -> None:
        ends = time.process_time() + 0.3
        while time.process_time() < ends:
            pass

    pipeline._stage(report, "working", work)
    pipeline._stage(report, "working", work)  # a stage run twice in a cycle counts both times
    assert report.stage_seconds["waiting"] >= 0.3
    assert report.stage_cpu["waiting"] < 0.1
    assert report.stage_cpu["working"] >= 0.6
    assert report.stage_seconds["working"] >= report.stage_cpu["working"] - 0.05


def test_the_stages_cpu_is_recorded_with_the_cycle(tmp_path):
    create_workspace(tmp_path / "ws", now=NOW)
    env = Env.open(config_mod.load(tmp_path / "ws" / "config.yaml"), clock=fixed_clock(NOW))
    try:
        source = MaildirSource(tmp_path / "ws" / "mail" / "inbox", env.store)
        report = pipeline.run_once(env, [source], flush=False)
        cycle = env.store.get_status("last_cycle")
        assert set(cycle["stages_cpu"]) == set(cycle["stages"]) == set(report.stage_seconds)
        assert all(seconds >= 0 for seconds in cycle["stages_cpu"].values())
    finally:
        env.close()
