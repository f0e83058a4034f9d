"""``mailflow init DIR``: a new workspace, ready to run.

    DIR/config.yaml      the commented configuration (edit the company and staff first)
    DIR/inbox_rules/     one YAML file per customer
    DIR/templates/       Word and email templates staff can edit
    DIR/mail/inbox/      the Maildir inbox (new/ cur/ tmp/): the embedded default source
    DIR/tracker.xlsx     the shared workbook
    DIR/archive/ outbox/ state/ backups/ logs/

Existing files are never overwritten, so ``init`` on a workspace only adds what is missing.
``--samples`` also drops the bundled sample customer emails into the inbox (the demo).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import time
from importlib import resources
from pathlib import Path

import yaml

from . import config as config_mod
from .context import Env, fixed_clock
from .customers.master import add_customers
from .errors import MailflowError
from .tracker import Tracker


def bundled(name: str) -> Path:
    """A folder or file shipped with the package (``mailflow/data/...``)."""
    path = Path(str(resources.files("mailflow") / "data" / name))
    if not path.exists():
        raise MailflowError(
            f"bundled file {name} is missing from the installation", hint="reinstall mailflow (pip install -e .)"
        )
    return path


def _copy_missing(source: Path, target: Path, created: list[str]) -> None:
    if source.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        for child in sorted(source.iterdir()):
            if child.name.startswith(".") or child.name == "__pycache__":
                continue
            _copy_missing(child, target / child.name, created)
    elif not target.exists():
        shutil.copy2(source, target)
        created.append(str(target))


def create_workspace(directory: Path, *, samples: bool = False, now: dt.datetime | None = None) -> list[str]:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    created: list[str] = []
    workspace = bundled("workspace")
    for name in ("config.yaml", "inbox_rules", "templates"):
        _copy_missing(workspace / name, directory / name, created)
    config = config_mod.load(directory / "config.yaml")
    maildir = config.path(config.mailbox.maildir)
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    for folder in (config.workspace.archive, config.outbox.path, config.workspace.backups, config.workspace.logs):
        config.path(folder).mkdir(parents=True, exist_ok=True)

    env = Env.open(config, clock=fixed_clock(now) if now else None)
    try:
        tracker = Tracker(env)
        existed = tracker.path.exists()
        tracker.create()
        if not existed:
            created.append(str(tracker.path))
        if samples:
            created += _sample_customers(env, tracker)
    finally:
        env.close()

    if samples:
        for sample in sorted(bundled("samples").glob("*.eml")):
            created.append(str(deliver(maildir, sample.read_bytes(), sample.stem)))
    lines = [f"created {path}" for path in created] or ["nothing to create: the workspace is complete"]
    lines.append(f"workspace ready: {directory.resolve()}")
    lines.append(f"next: mailflow --config {directory / 'config.yaml'} run --once")
    return lines


def _sample_customers(env, tracker) -> list[str]:
    """The sample emails' customers, Confirmed on the Customers sheet, so the demo's notices go."""
    rows = yaml.safe_load(bundled("samples/customers.yaml").read_text(encoding="utf-8")) or []
    added = add_customers(env.store, rows, env.now())
    if added:
        tracker.write(env.now())
    return [f"customer {c.name} ({c.id}, {c.status}) on the Customers sheet" for c in added]


def deliver(maildir: Path, raw: bytes, hint: str = "msg") -> Path:
    """Deliver one message into a Maildir the way an MDA does (tmp/ then rename into new/)."""
    unique = f"{time.time_ns()}.P{os.getpid()}.{hint}.{socket.gethostname()}"
    tmp = maildir / "tmp" / unique
    tmp.write_bytes(raw)
    target = maildir / "new" / unique
    os.replace(tmp, target)
    return target
