"""Shared pytest fixtures: real servers on 127.0.0.1 (see ``tests/servers.py``).

Session-scoped servers, per-test isolation by a fresh user (IMAP) or a reset sink (SMTP).
A missing binary skips the test with the reason, except under ``CI=true`` where it fails: on CI a
skipped server test would hide a missing install step.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # `servers` is importable whatever the rootdir
from servers import Certs, Dovecot, MissingBinary, SmtpServer, Soffice


def pytest_configure(config):
    # aiosmtpd warns on every SMTPS session that AUTH does not require STARTTLS: the whole
    # connection is TLS there (see SmtpServer.start), so the warning is noise.
    config.addinivalue_line("filterwarnings", "ignore:Requiring AUTH while not requiring TLS:UserWarning")


def _missing(exc: MissingBinary) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{exc} (CI=true: a missing server is a failure, not a skip)", pytrace=False)
    pytest.skip(str(exc))


@pytest.fixture(scope="session")
def certs():
    try:
        c = Certs()
    except MissingBinary as exc:
        _missing(exc)
    yield c
    c.cleanup()


@pytest.fixture(scope="session")
def dovecot(certs):
    try:
        server = Dovecot(certs)
    except MissingBinary as exc:
        _missing(exc)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def imap_user(dovecot):
    return dovecot.new_user()


@pytest.fixture(scope="session")
def smtp_server(certs):
    try:
        server = SmtpServer(certs).start()
    except ImportError as exc:
        _missing(MissingBinary("aiosmtpd", f"pip install -e '.[test]' ({exc})"))
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_server):
    smtp_server.start()  # a previous test may have left it stopped
    return smtp_server.reset()


@pytest.fixture(scope="session")
def soffice():
    try:
        office = Soffice()
    except MissingBinary as exc:
        _missing(exc)
    yield office
    office.cleanup()


@pytest.fixture
def imap_source_for(dovecot, tmp_path):
    """Factory: an ``ImapSource`` reading ``user``'s folder over verified TLS into a fresh Store.

    ``make(user, folder="INBOX", scheme="imaps", store=None, max_bytes=None, **account_fields)``.
    Backoff is shortened so failure tests take milliseconds, not seconds.
    """
    from mailflow.config import ImapAccount
    from mailflow.sources.imap import ImapSource
    from mailflow.sources.imap_connect import Backoff, server_for
    from mailflow.store import Store

    made = []

    def make(user, folder="INBOX", scheme="imaps", store=None, max_bytes=None, **fields):
        account = ImapAccount(**{"folders": [folder], **fields})
        environ = {"MAILFLOW_IMAP_URL": user.url(folder, scheme), "MAILFLOW_CA_FILE": str(dovecot.ca_file)}
        source = ImapSource(
            server_for(account, environ=environ),
            store or Store(tmp_path / f"state-{len(made)}.db"),
            account=account, folder=folder, max_bytes=max_bytes,
            backoff=Backoff(base=0.05, cap=0.2, attempts=4),
        )  # fmt: skip
        made.append(source)
        return source

    yield make
    for source in made:
        source.close()
