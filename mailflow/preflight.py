"""``mailflow check``: validate everything a run will need, before an order needs it.

Each check returns problems (strings naming the file and what is wrong) and notes (what was
found fine). Nothing is changed.
"""

from __future__ import annotations

import os

from .config import Config
from .context import Env
from .documents import check_templates
from .errors import MailflowError
from .inbox_rules import check_rules
from .notices import needing_config
from .outbox.compose import check_email_templates
from .tracker import Tracker
from .urls import parse_url
from .workflow.steps import enabled, missing_config


def run_checks(config: Config) -> tuple[list[str], list[str]]:
    problems: list[str] = []
    notes: list[str] = [f"config {config.source_path or 'defaults'}"]

    rules_dir = config.path(config.workspace.rules)
    if rules_dir.exists():
        found = check_rules(rules_dir)
        problems += found
        if not found:
            count = len(list(rules_dir.glob("*.yaml"))) + len(list(rules_dir.glob("*.yml")))
            notes.append(f"{count} inbox rule file(s) in {rules_dir}")
    else:
        problems.append(f"{rules_dir}: inbox rules folder is missing (mailflow init creates it)")

    try:
        env = Env.open(config)
    except MailflowError as exc:
        problems.append(str(exc))
        return problems, notes
    try:
        found = template_problems(env)
        problems += found
        if not found:
            notes.append(f"templates in {config.path(config.workspace.templates)}")

        tracker = Tracker(env)
        if tracker.path.exists():
            found = [f"tracker: {p}" for p in tracker.check()]
            problems += found
            if not found:
                notes.append(f"tracker {tracker.path}")
        else:
            problems.append(f"{tracker.path}: the tracker workbook is missing (run `mailflow tracker repair`)")

        problems += _check_mailbox(config)
        problems += _check_seal(config)
        problems += _check_notice_needs(config)
        notes.append(f"state {env.store.path} (schema version {env.store.schema_version})")
    finally:
        env.close()
    return problems, notes


def template_problems(env: Env) -> list[str]:
    """The Word templates (``documents``) and the email templates (``outbox.compose``), each
    rendered with a sample order: a broken edit is found before an order needs the template."""
    return check_templates(env) + check_email_templates(env)


def _check_notice_needs(config: Config) -> list[str]:
    """An enabled notice whose configuration is incomplete (a payment request without bank
    details) would be held on every order: say so now, naming the key and the notices."""
    wanting: dict[str, list[str]] = {}
    for record in needing_config():
        if enabled(config, record.name):
            for key in missing_config(config, record.name):
                wanting.setdefault(key, []).append(record.name)
    where = config.source_path or "config.yaml"
    return [
        f"{where}: {key} is empty, but the notices {', '.join(kinds)} print it"
        f" (fill it, or turn those notices off under notices.enabled)"
        for key, kinds in wanting.items()
    ]


# The first bytes of the picture formats Word places: PNG, JPEG.
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _check_seal(config: Config) -> list[str]:
    """``company.seal_image``, when set, must be a PNG or JPEG file: the confirmed order form
    cannot be made without it."""
    if not config.company.seal_image:
        return []
    path = config.path(config.company.seal_image)
    where = config.source_path or "config.yaml"
    if not path.is_file():
        return [
            f"{where}: company.seal_image: no such file {path} (fix the path, or set it to null"
            f" to stamp the order form by hand)"
        ]
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head.startswith(IMAGE_MAGIC):
        return [f"{where}: company.seal_image: {path} is not a PNG or JPEG picture"]
    return []


def _check_mailbox(config: Config) -> list[str]:
    problems = []
    if os.environ.get("MAILFLOW_IMAP_URL"):
        try:
            parse_url(os.environ["MAILFLOW_IMAP_URL"], "imap")
        except MailflowError as exc:
            problems.append(f"MAILFLOW_IMAP_URL: {exc}" + (f" ({exc.hint})" if exc.hint else ""))
    elif config.mailbox.source == "maildir":
        path = config.path(config.mailbox.maildir)
        if not (path / "new").is_dir():
            problems.append(f"{path}: not a Maildir (no new/ folder)")
    elif not config.mailbox.accounts:
        problems.append("mailbox.source is imap but no accounts are configured (or set MAILFLOW_IMAP_URL)")
    if os.environ.get("MAILFLOW_SMTP_URL"):
        try:
            parse_url(os.environ["MAILFLOW_SMTP_URL"], "smtp")
        except MailflowError as exc:
            problems.append(f"MAILFLOW_SMTP_URL: {exc}" + (f" ({exc.hint})" if exc.hint else ""))
    return problems
