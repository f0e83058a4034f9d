"""`mailflow status [--json]` against a real daemon: up or not, backlog, queues, the last error."""

from __future__ import annotations

import json
import shutil
import signal

from helpers.daemon import DaemonProcess, cli, count, deliver, make_workspace, po_email, status_row, wait_for


def status(workspace) -> dict:
    done = cli(workspace, "status", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def maildir_entry(data: dict) -> dict:
    (name,) = [n for n in data["mailboxes"] if n.startswith("maildir:")]
    return data["mailboxes"][name]


def test_status_shows_backlog_daemon_and_last_error(tmp_path):
    workspace = make_workspace(tmp_path)
    for n in range(1, 8):
        deliver(workspace, po_email(n), f"po{n}.eml")

    stopped = status(workspace)
    assert stopped["daemon"]["health"] == "stopped" and stopped["daemon"]["pid"] is None
    assert maildir_entry(stopped)["backlog"] == 7
    assert stopped["orders"] == 0 and stopped["last_error"] is None

    with DaemonProcess(workspace) as daemon:
        daemon.wait_ready()
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders") == 7, 60, "the backlog", daemon)
        # orders come first, their documents and the notices that carry them after: wait for the cycle's end
        wait_for(lambda: maildir_entry(status(workspace)).get("last_contact"), 90, "the end of the first cycle", daemon)
        wait_for(lambda: status(workspace)["notices"]["queued"] == 0, 30, "the outbox", daemon)
        up = status(workspace)
        assert up["daemon"]["health"] == "up" and up["daemon"]["pid"] == daemon.pid
        assert up["daemon"]["heartbeat_age_seconds"] < 20
        assert maildir_entry(up)["backlog"] == 0 and maildir_entry(up)["last_contact"]
        assert up["orders"] == 7 and up["messages"]["processed"] == 7
        assert up["notices"]["sent"] >= 7
        assert up["tracker"]["exists"] and not up["tracker"]["open_elsewhere"]

        # staff open the tracker in Excel (its lock file appears beside it)
        (workspace / "~$tracker.xlsx").write_bytes(b"owner")
        assert status(workspace)["tracker"]["open_elsewhere"] is True
        (workspace / "~$tracker.xlsx").unlink()

        # the Maildir becomes unreadable: the error is recorded, the daemon stays up
        cur = workspace / "mail" / "inbox" / "cur"
        shutil.rmtree(cur)
        cur.write_text("not a folder")
        deliver(workspace, po_email(8), "po8.eml")
        wait_for(lambda: status(workspace)["last_error"], 90, "a recorded error", daemon)
        broken = status(workspace)
        assert "maildir" in json.dumps(broken["last_error"]).lower() or "cur" in json.dumps(broken["last_error"])
        assert daemon.proc.poll() is None

        # repaired: the waiting message is processed without a restart
        cur.unlink()
        cur.mkdir()
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders") == 8, 90, "recovery", daemon)

        table = cli(workspace, "status")
        assert table.returncode == 0
        assert "up" in table.stdout and str(daemon.pid) in table.stdout
        assert "last error" in table.stdout
        code, _ = daemon.stop(signal.SIGTERM)
    assert code == 0
    assert status_row(workspace, "daemon")["state"] == "stopped"
    assert status(workspace)["daemon"]["health"] == "stopped"
