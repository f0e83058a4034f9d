"""Kill -9 the real daemon at random moments while it works through a backlog; restart each time.

    .venv/bin/python bench/daemon_kill.py [--messages 200] [--kills 60] [--seed N] [--pdf] [--keep]

A Maildir workspace from `mailflow init` gets N purchase orders typed in the body (distinct PO
numbers), each producing notices through the file outbox. The daemon is started, killed with
SIGKILL at a random moment (during start-up, mid-message, mid-tracker-save, mid-send: see
``helpers.kill.kill_run`` in tests/), and restarted, until the kills are spent; then it runs to the end and is stopped with
SIGTERM. The check: every order once in the store and in the tracker, every message once in the
ledger, every notice once in the outbox (one .eml per notice key). ``tests/test_daemon_kill.py``
runs the same with fewer kills. ``--pdf`` turns PDFs on (``documents.pdf: always``): the kills
then also land while LibreOffice converts beside the parsers, and every acknowledgement must
carry its order form as a PDF.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the shared test helpers

from helpers.daemon import make_workspace, outbox_files  # noqa: E402
from helpers.kill import acknowledgements_only, kill_run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--kills", type=int, default=60)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--pdf", action="store_true", help="PDFs on: LibreOffice in the documents stage")
    parser.add_argument("--keep", action="store_true", help="keep the workspace for inspection")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="mailflow-kill-"))
    print(f"seed {args.seed}; workspace {root}")
    try:
        workspace = make_workspace(root)
        acknowledgements_only(workspace)
        if args.pdf:
            config = workspace / "config.yaml"
            config.write_text(config.read_text().replace("  pdf: never", "  pdf: always"))
        result = kill_run(workspace, args.messages, args.kills, random.Random(args.seed))
        if args.pdf:
            for msg in outbox_files(workspace):
                names = [part.get_filename() for part in msg.iter_attachments()]
                if msg["X-Mailflow-Notice"] == "order_ack":
                    assert len(names) == 1 and names[0].endswith(".pdf"), (msg["Subject"], names)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print(
        f"{result['kills']} kills over {result['messages']} messages: every order, message and notice"
        f" ({result['notices']}) exactly once; {result['seconds']} s; final SIGTERM exit 0 in"
        f" {result['final_stop_seconds']} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
