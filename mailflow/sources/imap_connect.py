"""Reaching an IMAP server: settings from config or URL, a verified TLS login, and the retry policy.

``server_for(account, ...)`` resolves an ``ImapAccount`` (fields, its ``url``, and the
environment: ``MAILFLOW_IMAP_URL`` wins over config, ``MAILFLOW_CA_FILE`` over ``ca_file``) into
an ``ImapServer``; ``connect(server)`` returns a logged-in ``IMAPClient``. TLS is implicit or
STARTTLS with certificate and host name verification always on; plain IMAP only when the config
says so and only to loopback. Every failure comes out as ``SourceError`` whose message carries the
redacted endpoint, never a password or token. ``is_transient`` says which failures a reconnect
can cure (network, protocol, server hiccups) and which need a person (bad password, untrusted
certificate).
"""

from __future__ import annotations

import imaplib
import os
import random
import socket
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from ..config import ImapAccount
from ..errors import ConfigError, SourceError
from ..urls import Endpoint, parse_url
from .oauth import access_token

DEFAULT_TIMEOUT = 60.0  # seconds per socket read; IDLE sets its own shorter waits


@dataclass(frozen=True)
class ImapServer:
    """Everything needed to log in to one account (resolved, validated)."""

    endpoint: Endpoint
    auth: str = "login"  # "login" | "xoauth2"
    oauth2_token_command: str | None = None
    oauth2_token_env: str | None = None
    ca_file: Path | None = None
    timeout: float = DEFAULT_TIMEOUT
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ, repr=False, compare=False)

    @property
    def redacted(self) -> str:
        return self.endpoint.redacted


def server_for(
    account: ImapAccount,
    *,
    environ: Mapping[str, str] | None = None,
    resolve: Callable[[Path], Path] = lambda p: p,
    use_env_url: bool = True,
) -> ImapServer:
    """Resolve an account's connection settings; ``resolve`` makes relative paths absolute."""
    environ = os.environ if environ is None else environ
    env_url = environ.get("MAILFLOW_IMAP_URL", "").strip() if use_env_url else ""
    if env_url:
        endpoint = parse_url(env_url, "imap")
    elif account.url is not None:
        endpoint = parse_url(account.url.get_secret_value(), "imap")
    else:
        if not account.host:
            raise ConfigError(
                f"IMAP account {account.name!r} has no host",
                hint="set mailbox.accounts[].url (imaps://USER:PASSWORD@HOST:993/INBOX) or host",
            )
        port = account.port or {"tls": 993}.get(account.security, 143)
        endpoint = Endpoint(
            protocol="imap", security=account.security, host=account.host, port=port,
            username=account.username,
            password=account.password.get_secret_value() if account.password else None,
        )  # fmt: skip
        if endpoint.security == "plain" and not endpoint.is_loopback:
            raise ConfigError(
                f"IMAP account {account.name!r}: plain IMAP is allowed to loopback only",
                hint="use security: tls or starttls",
            )
    if not endpoint.username:
        raise ConfigError(f"IMAP account {account.name!r} ({endpoint.redacted}) has no user name")
    if account.auth == "login" and endpoint.password is None:
        raise ConfigError(f"IMAP account {account.name!r} ({endpoint.redacted}) has no password")
    ca = environ.get("MAILFLOW_CA_FILE", "").strip() or account.ca_file
    return ImapServer(
        endpoint=endpoint,
        auth=account.auth,
        oauth2_token_command=account.oauth2_token_command,
        oauth2_token_env=account.oauth2_token_env,
        ca_file=resolve(Path(ca)) if ca else None,
        environ=environ,
    )


def tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """Verification on, host names checked; ``ca_file`` adds a private CA to the system ones."""
    try:
        ctx = ssl.create_default_context()
        if ca_file is not None:
            ctx.load_verify_locations(cafile=str(ca_file))
    except (OSError, ssl.SSLError) as exc:
        raise SourceError(f"CA file {ca_file}: {exc}", hint="check ca_file / MAILFLOW_CA_FILE") from None
    return ctx


def connect(server: ImapServer) -> IMAPClient:
    """A logged-in client, or ``SourceError`` (``.transient`` tells whether to retry)."""
    ep = server.endpoint
    client = None
    try:
        if ep.security == "plain" and not ep.is_loopback:  # parse_url checks too; belt and braces
            raise SourceError(f"{ep.redacted}: plain IMAP is allowed to loopback only")
        ctx = tls_context(server.ca_file) if ep.security != "plain" else None
        client = IMAPClient(ep.host, port=ep.port, ssl=ep.security == "tls", ssl_context=ctx, timeout=server.timeout)
        if ep.security == "starttls":
            if not client.has_capability("STARTTLS"):
                raise _fatal(f"{ep.redacted}: the server does not offer STARTTLS", "use imaps://")
            client.starttls(ctx)
        if server.auth == "xoauth2":
            client.oauth2_login(ep.username, access_token(
                server.oauth2_token_command, server.oauth2_token_env, server.environ))  # fmt: skip
        else:
            client.login(ep.username, ep.password or "")
        return client
    except SourceError:
        drop(client)
        raise
    except LoginError as exc:
        drop(client)
        raise _fatal(
            f"{ep.redacted}: login refused ({_safe(exc, server)})", "check the user name and password"
        ) from None
    except ssl.SSLCertVerificationError as exc:
        drop(client)
        raise _fatal(
            f"{ep.redacted}: the server certificate is not trusted ({exc.verify_message})",
            "install the server's CA and set ca_file or MAILFLOW_CA_FILE",
        ) from None
    except TRANSIENT as exc:
        drop(client)
        raise SourceError(f"{ep.redacted}: {type(exc).__name__}: {_safe(exc, server)}") from None


# Failures a reconnect can cure. ssl.SSLError and socket.timeout are OSErrors; imaplib's abort
# and IMAPClient's errors derive from IMAP4.error.
TRANSIENT: tuple[type[BaseException], ...] = (OSError, imaplib.IMAP4.error, EOFError, socket.timeout)


def _fatal(message: str, hint: str) -> SourceError:
    err = SourceError(message, hint=hint)
    err.transient = False  # type: ignore[attr-defined]
    return err


def is_transient(exc: BaseException) -> bool:
    return getattr(exc, "transient", True)


def _safe(exc: BaseException, server: ImapServer) -> str:
    """The exception text with any secret of this server cut out (servers echo odd things)."""
    text = str(exc)[:300]
    for secret in (server.endpoint.password,):
        if secret:
            text = text.replace(secret, "***")
    return text


def drop(client: IMAPClient | None) -> None:
    """Close without LOGOUT: the connection may already be dead."""
    if client is None:
        return
    try:
        client.shutdown()
    except Exception:  # noqa: BLE001 — best effort on a broken socket
        pass


@dataclass
class Backoff:
    """Exponential backoff with full jitter: ``delay(n)`` in [0, min(cap, base·2ⁿ)]."""

    base: float = 0.5
    cap: float = 30.0
    attempts: int = 5
    rng: random.Random = field(default_factory=random.Random, repr=False)

    def delay(self, attempt: int) -> float:
        return self.rng.uniform(self.base / 2, min(self.cap, self.base * 2**attempt))
