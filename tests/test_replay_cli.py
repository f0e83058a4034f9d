"""`mailflow replay MESSAGE [--dry-run]`: a quarantined message is re-processed after the fix; a
message that already produced an order never produces a second one."""

from __future__ import annotations

from helpers.daemon import cli, count, deliver, make_workspace, po_email, query


def orders(workspace) -> int:
    return count(workspace, "SELECT COUNT(*) FROM orders")


def test_replay_of_a_quarantined_message_after_the_fix(tmp_path):
    # A limit too tight for a plain PO: the message is quarantined (its raw bytes kept).
    workspace = make_workspace(tmp_path)
    config = workspace / "config.yaml"
    good = config.read_text()
    assert "parse_seconds: 60" in good
    config.write_text(good.replace("parse_seconds: 60", "parse_seconds: 0.000001"))
    deliver(workspace, po_email(41), "po41.eml")
    first = cli(workspace, "run", "--once")
    assert orders(workspace) == 0, first.stdout + first.stderr
    (row,) = query(workspace, "SELECT id, outcome, archive_path FROM messages")
    assert row["outcome"] == "quarantined"
    quarantined = workspace / "archive" / row["archive_path"]
    assert quarantined.exists()

    config.write_text(good)  # the fix
    dry = cli(workspace, "replay", str(quarantined), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "dry run" in dry.stdout and "create order for" in dry.stdout and "KT-00041" in dry.stdout
    assert orders(workspace) == 0  # the dry run applied nothing
    assert count(workspace, "SELECT COUNT(*) FROM messages") == 1

    done = cli(workspace, "replay", str(quarantined))
    assert done.returncode == 0, done.stderr
    assert "outcome: processed" in done.stdout and "created" in done.stdout
    assert orders(workspace) == 1
    replayed = query(workspace, "SELECT source, outcome, order_no FROM messages WHERE id > ?", (row["id"],))
    assert [r["source"].split(":")[0] for r in replayed] == ["replay"]
    assert replayed[0]["order_no"]
    assert count(workspace, "SELECT COUNT(*) FROM review WHERE key LIKE 'quarantine:%' AND status = 'open'") == 0

    # again, by ledger id and by Message-ID: now it is a duplicate, still one order
    for message in (str(row["id"]), "<kt-00041@acme-robotics.example>", "kt-00041@acme-robotics.example"):
        again = cli(workspace, "replay", message)
        assert again.returncode == 0, again.stderr
        assert "outcome: duplicate" in again.stdout
    assert orders(workspace) == 1


def test_replay_of_a_processed_message_creates_no_second_order(tmp_path):
    workspace = make_workspace(tmp_path)
    deliver(workspace, po_email(42), "po42.eml")
    assert cli(workspace, "run", "--once").returncode == 0
    assert orders(workspace) == 1
    notices = count(workspace, "SELECT COUNT(*) FROM outbox")

    dry = cli(workspace, "replay", "<kt-00042@acme-robotics.example>", "--dry-run")
    assert "outcome: duplicate" in dry.stdout
    done = cli(workspace, "replay", "kt-00042@acme-robotics.example")
    assert done.returncode == 0 and "outcome: duplicate" in done.stdout
    assert orders(workspace) == 1
    assert count(workspace, "SELECT COUNT(*) FROM outbox") == notices


def test_replay_of_an_unknown_message_is_an_error(tmp_path):
    workspace = make_workspace(tmp_path)
    for message in ("<nobody@nowhere.example>", "999"):
        done = cli(workspace, "replay", message)
        assert done.returncode == 1
        assert "Error:" in done.stderr and ("no message" in done.stderr or "no ledger entry" in done.stderr)
