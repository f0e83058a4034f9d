"""Mail sources: where raw messages come from (Maildir, IMAP). See ``base.Source``.

``build_sources(env)`` picks them from the config and the environment: ``MAILFLOW_IMAP_URL``
(imaps://USER:PASSWORD@HOST:PORT/FOLDER, imap+starttls://, imap://) makes IMAP the source and wins
over the configured connection; ``MAILFLOW_CA_FILE`` wins over every account's ``ca_file``.
IMAP gives one ``ImapSource`` per (account, folder); otherwise the one Maildir.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Mapping

from ..config import ImapAccount
from ..urls import parse_url
from .base import Fetched, Source
from .imap import ImapSource
from .imap_connect import server_for
from .maildir import MaildirSource

if TYPE_CHECKING:
    from ..context import Env

__all__ = ["Fetched", "Source", "build_sources"]


def build_sources(env: "Env", environ: Mapping[str, str] | None = None) -> list[Source]:
    environ = os.environ if environ is None else environ
    mailbox = env.config.mailbox
    max_bytes = mailbox.limits.max_message_bytes
    env_url = environ.get("MAILFLOW_IMAP_URL", "").strip()
    if not env_url and mailbox.source != "imap":
        return [MaildirSource(env.path(mailbox.maildir), env.store, max_bytes=max_bytes)]

    sources: list[Source] = []
    if env_url:
        # The URL replaces the first account's connection (its name and options are kept); its
        # path, if any, is the one folder to read.
        account = mailbox.accounts[0] if mailbox.accounts else ImapAccount()
        folder = parse_url(env_url, "imap").path
        if folder:
            account = account.model_copy(update={"folders": [folder]})
        accounts = [(account, True)]
    else:
        accounts = [(account, False) for account in mailbox.accounts]
    for account, use_env_url in accounts:
        server = server_for(account, environ=environ, resolve=env.path, use_env_url=use_env_url)
        for folder in account.folders:
            sources.append(
                ImapSource(
                    server,
                    env.store,
                    account=account,
                    folder=folder,
                    max_bytes=max_bytes,
                    clock=env.now,
                )  # fmt: skip
            )
    return sources
