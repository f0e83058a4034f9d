"""The IMAP side of the outbox: which account, a logged-in connection, and "is this Message-ID
in that folder?" — used by the ``drafts`` transport and by the Sent-folder check.

Accounts come from ``mailbox.accounts`` by name; ``MAILFLOW_IMAP_URL`` (and ``MAILFLOW_CA_FILE``)
override the configured settings as they do for the mailbox source, and stand in for an account
when none is configured. Connection failures come out as ``TransientSendError``.
"""

from __future__ import annotations

import os
from typing import Any

from imapclient import IMAPClient

from ..config import ImapAccount
from ..errors import SourceError, TransientSendError
from ..sources.imap_connect import connect, server_for


def account(env: Any, name: str | None) -> ImapAccount | None:
    """The named account; without a name, the first one, or one built from MAILFLOW_IMAP_URL."""
    accounts = env.config.mailbox.accounts
    if name:
        for candidate in accounts:
            if candidate.name == name:
                return candidate
        raise TransientSendError(
            f"no IMAP account named {name!r} in mailbox.accounts",
            hint="fix outbox.drafts_account / outbox.sent_check_account",
        )
    if accounts:
        return accounts[0]
    if os.environ.get("MAILFLOW_IMAP_URL"):
        return ImapAccount(name="env")
    return None


def open_client(env: Any, acct: ImapAccount) -> IMAPClient:
    try:
        return connect(server_for(acct, resolve=env.config.path))
    except SourceError as exc:
        raise TransientSendError(str(exc), hint=exc.hint) from None


def ensure_folder(client: IMAPClient, folder: str) -> None:
    if not client.folder_exists(folder):
        client.create_folder(folder)


def contains(client: IMAPClient, folder: str, message_id: str) -> bool:
    """True when a message with this Message-ID is in ``folder`` (a missing folder holds none)."""
    if not client.folder_exists(folder):
        return False
    client.select_folder(folder, readonly=True)
    return bool(client.search(["HEADER", "Message-ID", message_id]))


def close(client: IMAPClient | None) -> None:
    if client is None:
        return
    try:
        client.logout()
    except Exception:  # noqa: BLE001 — best effort: the connection may be gone already
        pass
