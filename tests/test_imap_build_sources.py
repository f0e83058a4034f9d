"""build_sources: which sources a config and the environment give (no server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailflow import config as config_mod
from mailflow.archive import Archive
from mailflow.context import Env
from mailflow.errors import ConfigError
from mailflow.sources import build_sources
from mailflow.sources.imap import ImapSource
from mailflow.sources.maildir import MaildirSource
from mailflow.store import Store

TWO_ACCOUNTS = """
mailbox:
  source: imap
  accounts:
    - name: orders
      url: imaps://orders%40example.com:s3cret@imap.example.com/INBOX
      folders: [INBOX, Customers/Acme]
      ca_file: certs/ca.pem
    - name: sales
      host: mail.example.com
      security: starttls
      username: sales
      password: pw2
"""


def env_for(tmp_path: Path, text: str) -> Env:
    (tmp_path / "config.yaml").write_text(text)
    config = config_mod.load(tmp_path / "config.yaml")
    return Env(config=config, store=Store(tmp_path / "state.db"), archive=Archive(tmp_path / "archive"))


def test_maildir_is_the_default(tmp_path):
    sources = build_sources(env_for(tmp_path, "mailbox: {maildir: in}\n"), environ={})
    assert len(sources) == 1 and isinstance(sources[0], MaildirSource)
    assert sources[0].path == tmp_path / "in"


def test_one_imap_source_per_account_and_folder(tmp_path):
    sources = build_sources(env_for(tmp_path, TWO_ACCOUNTS), environ={})
    assert [s.name for s in sources] == ["imap:orders/INBOX", "imap:orders/Customers/Acme", "imap:sales/INBOX"]
    orders, _, sales = sources
    assert all(isinstance(s, ImapSource) for s in sources)
    assert orders.server.endpoint.username == "orders@example.com"
    assert orders.server.ca_file == tmp_path / "certs" / "ca.pem"  # relative to the workspace
    assert sales.server.endpoint.security == "starttls" and sales.server.endpoint.port == 143
    assert "s3cret" not in repr(orders) and "s3cret" not in orders.server.redacted


def test_environment_url_and_ca_file_win_over_the_config(tmp_path):
    environ = {"MAILFLOW_IMAP_URL": "imap+starttls://bot:pw@127.0.0.1:10143/Orders",
               "MAILFLOW_CA_FILE": "/etc/ssl/private-ca.pem"}  # fmt: skip
    sources = build_sources(env_for(tmp_path, TWO_ACCOUNTS), environ=environ)
    assert [s.name for s in sources] == ["imap:orders/Orders"]
    endpoint = sources[0].server.endpoint
    assert (endpoint.host, endpoint.port, endpoint.username) == ("127.0.0.1", 10143, "bot")
    assert sources[0].server.ca_file == Path("/etc/ssl/private-ca.pem")
    # ...and with a Maildir config, the URL alone makes IMAP the source
    sources = build_sources(env_for(tmp_path, "mailbox: {source: maildir}\n"), environ=environ)
    assert [s.name for s in sources] == ["imap:default/Orders"]


def test_plain_imap_to_a_remote_host_is_refused(tmp_path):
    text = (
        "mailbox:\n  source: imap\n  accounts: [{host: imap.example.com, security: plain, username: u, password: p}]\n"
    )
    with pytest.raises(ConfigError, match="loopback"):
        build_sources(env_for(tmp_path, text), environ={})
    with pytest.raises(ConfigError, match="loopback"):
        build_sources(env_for(tmp_path, "{}\n"), environ={"MAILFLOW_IMAP_URL": "imap://u:p@10.0.0.5/INBOX"})
