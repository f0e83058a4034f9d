"""Set-up shared by the tracker tests: a fresh workspace at a fixed time, and a created tracker.

Import the fixtures by name (``from helpers.tracker import NOW, env, tracker``); ``conftest.py``
puts this folder on ``sys.path``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mailflow.archive import Archive
from mailflow.config import defaults
from mailflow.context import Env, fixed_clock
from mailflow.store import Store
from mailflow.tracker import Tracker

NOW = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def env(tmp_path: Path) -> Env:
    config = defaults(tmp_path)
    store = Store(config.path(config.workspace.state_db))
    yield Env(config, store, Archive(config.path(config.workspace.archive)), clock=fixed_clock(NOW))
    store.close()


@pytest.fixture
def tracker(env: Env) -> Tracker:
    tracker = Tracker(env)
    tracker.create()
    return tracker


def read_edits(tracker: Tracker, now: dt.datetime) -> list:
    """Read the workbook and record what it holds, as a cycle does (without the notices)."""
    from mailflow.workflow.engine import record_edits

    changes = tracker.read_edits(now)
    record_edits(tracker.env, changes, now)
    tracker.mark_read(changes)
    return changes.edits
