"""Nothing lost, nothing twice under kill -9: the real daemon, killed at random moments while it
works through 200 purchase orders with notices, restarted every time (``bench/daemon_kill.py``
does the same with more kills; the run itself is ``helpers/kill.py``); and a shorter backlog with
PDFs on, where the kills also land in the documents stage."""

from __future__ import annotations

import random

import pytest

from mailflow.documents.pdf import find_soffice
from helpers.daemon import make_workspace, outbox_files
from helpers.kill import acknowledgements_only, kill_run

needs_soffice = pytest.mark.skipif(find_soffice("soffice") is None, reason="LibreOffice is not installed")


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


@pytest.mark.slow
@needs_soffice
def test_kill_9_with_pdfs_on_loses_nothing_and_sends_no_notice_without_its_pdf(tmp_path):
    """The same with LibreOffice converting beside the parsers: kills land while documents are
    rendered, converted and filed, and every acknowledgement still goes once, with its PDF."""
    workspace = make_workspace(tmp_path)
    acknowledgements_only(workspace)
    config = workspace / "config.yaml"
    config.write_text(config.read_text().replace("  pdf: never", "  pdf: always"))
    seed = random.randrange(1 << 30)
    result = kill_run(workspace, messages=24, kills=8, rng=random.Random(seed), log=lambda *_: None, startup=(0.5, 4.0))
    attachments = [
        [part.get_filename() for part in msg.iter_attachments()]
        for msg in outbox_files(workspace)
        if msg["X-Mailflow-Notice"] == "order_ack"
    ]
    assert len(attachments) == 24, seed
    assert all(len(names) == 1 and names[0].endswith("Order Form.pdf") for names in attachments), (seed, attachments)
    print(f"\nkill -9 with PDFs (seed {seed}): {result}")
