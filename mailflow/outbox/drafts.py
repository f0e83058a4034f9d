"""The ``drafts`` transport: the notice is APPENDed to the account's Drafts folder with the
``\\Draft`` flag; staff open it in their own mail client, check it and press Send. For
mailflow the notice is done once the draft is there.

The account is ``outbox.drafts_account`` (a name in ``mailbox.accounts``), else the first
account, else ``MAILFLOW_IMAP_URL``; the folder is that account's ``drafts_folder`` (created if
missing). After a crash the Drafts folder (and the account's Sent folder, in case staff already
sent it) is searched by Message-ID, so a draft is never appended twice.
"""

from __future__ import annotations

from typing import Any

from imapclient.exceptions import IMAPClientError

from ..errors import TransientSendError
from ..store.records import OutboxEntry
from . import imapbox


class DraftsTransport:
    name = "drafts"

    def __init__(self, env: Any) -> None:
        self.env = env
        self.client = None
        acct = imapbox.account(env, env.config.outbox.drafts_account)
        if acct is None:
            raise TransientSendError(
                "the drafts transport needs an IMAP account",
                hint="configure mailbox.accounts and outbox.drafts_account, or set MAILFLOW_IMAP_URL",
            )
        self.account = acct

    def _client(self):
        if self.client is None:
            self.client = imapbox.open_client(self.env, self.account)
        return self.client

    def send(self, entry: OutboxEntry, now: Any = None) -> None:
        folder = self.account.drafts_folder
        try:
            client = self._client()
            imapbox.ensure_folder(client, folder)
            client.append(folder, entry.eml, flags=[b"\\Draft", b"\\Seen"])
        except (IMAPClientError, OSError) as exc:
            self.close()
            raise TransientSendError(f"APPEND to {folder} failed: {exc}") from None

    def already_sent(self, entry: OutboxEntry) -> bool | None:
        try:
            client = self._client()
            folders = [self.account.drafts_folder] + ([self.account.sent_folder] if self.account.sent_folder else [])
            return any(imapbox.contains(client, f, entry.message_id) for f in folders)
        except (IMAPClientError, OSError) as exc:
            self.close()
            raise TransientSendError(f"cannot search the Drafts folder: {exc}") from None

    def close(self) -> None:
        imapbox.close(self.client)
        self.client = None
