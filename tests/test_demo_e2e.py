"""The demo flow end to end on the embedded default (Maildir in, file outbox, SQLite), via the CLI.

This is what `make demo` does, in a temp dir: init with the sample emails, one run, and a second
run that must add nothing.
"""

import email
import os
import subprocess
import sys
from email import policy
from pathlib import Path

import openpyxl
import pytest

SAMPLE_POS = {"NW-4411", "BE-2026-118", "AR-7781", "HQ20261118-07"}
NOW = "2026-11-23T09:00:00+08:00"


def mailflow(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("mailflow")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILFLOW_")}
    return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    init = mailflow("--now", NOW, "init", "demo", "--samples", cwd=root)
    assert init.returncode == 0, init.stderr
    first = mailflow("--now", NOW, "--config", "demo/config.yaml", "run", "--once", "--summary", cwd=root)
    return root / "demo", init, first


def outbox_notices(workspace: Path) -> list[email.message.EmailMessage]:
    return [
        email.message_from_bytes(p.read_bytes(), policy=policy.default)
        for p in sorted((workspace / "outbox").glob("*.eml"))
    ]


def test_first_run_succeeds_and_reports_paths(demo):
    workspace, init, first = demo
    assert "config.yaml" in init.stdout and "tracker.xlsx" in init.stdout
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Traceback" not in first.stderr
    assert str(workspace.resolve() / "archive") in first.stdout or "archive" in first.stdout
    assert "outbox" in first.stdout


def test_tracker_has_one_row_per_sample_po(demo):
    workspace, _, _ = demo
    book = openpyxl.load_workbook(workspace / "tracker.xlsx")
    sheet = book["Orders"]
    headers = [c.value for c in sheet[1]]
    po_col = headers.index("PO No")
    pos = [row[po_col] for row in sheet.iter_rows(min_row=2, values_only=True) if row[po_col]]
    assert sorted(pos) == sorted(SAMPLE_POS)


def test_one_archive_folder_per_order_with_the_original_email(demo):
    workspace, _, _ = demo
    folders = [p for p in (workspace / "archive").glob("*/*") if p.is_dir() and not p.parent.name.startswith("_")]
    assert len(folders) == len(SAMPLE_POS)
    for folder in folders:
        assert list((folder / "mail").glob("*.eml")), folder
    pdf_folder = next(f for f in folders if "NW-4411" in f.name)
    assert (pdf_folder / "attachments" / "PO_NW-4411.pdf").exists()


def test_outbox_holds_one_acknowledgement_per_order(demo):
    workspace, _, _ = demo
    acks = [m for m in outbox_notices(workspace) if m["X-Mailflow-Notice"] == "order_ack"]
    assert len(acks) == len(SAMPLE_POS)
    assert len({m["X-Mailflow-Order"] for m in acks}) == len(SAMPLE_POS)
    assert all(m["Message-ID"] for m in acks)


def test_second_run_adds_nothing(demo):
    workspace, _, _ = demo
    before_outbox = sorted(p.name for p in (workspace / "outbox").glob("*.eml"))
    book = openpyxl.load_workbook(workspace / "tracker.xlsx")
    before_rows = book["Orders"].max_row
    again = mailflow("--now", NOW, "--config", "demo/config.yaml", "run", "--once", cwd=workspace.parent)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in (workspace / "outbox").glob("*.eml")) == before_outbox
    assert openpyxl.load_workbook(workspace / "tracker.xlsx")["Orders"].max_row == before_rows
    init_again = mailflow("init", "demo", "--samples", cwd=workspace.parent)
    assert "nothing to create" in init_again.stdout or init_again.returncode == 0


def test_errors_are_one_line_without_traceback(tmp_path):
    missing = mailflow("--config", "nope.yaml", "run", "--once", cwd=tmp_path)
    assert missing.returncode == 1
    assert missing.stderr.startswith("Error: ") and "Traceback" not in missing.stderr
    assert "mailflow init" in missing.stderr
    bad_now = mailflow("--now", "yesterday", "status", cwd=tmp_path)
    assert bad_now.returncode == 2 and "ISO-8601" in bad_now.stderr


def test_parse_works_without_a_config(tmp_path):
    sample = Path(__file__).resolve().parents[1] / "mailflow" / "data" / "samples" / "03-acme-body-po.eml"
    result = mailflow("--now", NOW, "parse", str(sample), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    import json

    data = json.loads(result.stdout)
    assert data["kind"] == "purchase_order"
    assert data["order"]["po_number"] == "AR-7781"
    assert data["order"]["lines"][0]["quantity"] == "500"
