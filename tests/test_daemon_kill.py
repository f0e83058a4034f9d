"""Nothing lost, nothing twice under kill -9: the real daemon, killed at random moments while it
works through 200 purchase orders with notices, restarted every time (``bench/daemon_kill.py``
does the same with more kills; the run itself is ``helpers/kill.py``)."""

from __future__ import annotations

import random

import pytest

from helpers.daemon import make_workspace
from helpers.kill import acknowledgements_only, kill_run


@pytest.mark.slow
def test_kill_9_at_random_moments_loses_nothing_and_repeats_nothing(tmp_path):
    workspace = make_workspace(tmp_path)
    acknowledgements_only(workspace)
    seed = random.randrange(1 << 30)
    result = kill_run(
        workspace,
        messages=200,
        kills=20,
        rng=random.Random(seed),
        log=lambda *_: None,
        startup=(0.2, 2.5),
        startup_share=0.5,
    )
    assert result["kills"] >= 20
    # the kills did land mid-backlog, not all before the first message or after the last
    assert any(0 < n < 200 for n in result["recorded_at_kills"]), (seed, result["recorded_at_kills"])
    assert result["notices"] >= 200  # the acknowledgement of every order
    print(f"\nkill -9 (seed {seed}): {result}")
