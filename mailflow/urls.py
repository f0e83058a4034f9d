"""Connection URLs for mailboxes and mail servers (a stable interface scripts depend on).

    imaps://USER:PASSWORD@HOST:993/INBOX      implicit TLS
    imap+starttls://USER:PASSWORD@HOST:143/INBOX
    imap://USER:PASSWORD@127.0.0.1:10143/INBOX  plain: loopback only
    smtps://USER:PASSWORD@HOST:465
    smtp+starttls://USER:PASSWORD@HOST:587
    smtp://HOST:25                            plain: loopback only

User and password are percent-decoded (``%40`` for ``@``). ``Endpoint.redacted`` is the form
that may be logged: it never contains the password.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from .errors import ConfigError

_SCHEMES = {
    "imaps": ("imap", "tls", 993),
    "imap+starttls": ("imap", "starttls", 143),
    "imap": ("imap", "plain", 143),
    "smtps": ("smtp", "tls", 465),
    "smtp+starttls": ("smtp", "starttls", 587),
    "smtp": ("smtp", "plain", 25),
}


@dataclass(frozen=True)
class Endpoint:
    protocol: str  # "imap" | "smtp"
    security: str  # "tls" | "starttls" | "plain"
    host: str
    port: int
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    path: str | None = None  # IMAP folder

    @property
    def redacted(self) -> str:
        user = f"{self.username}:***@" if self.username else ""
        scheme = {"tls": f"{self.protocol}s", "starttls": f"{self.protocol}+starttls"}.get(self.security, self.protocol)
        tail = f"/{self.path}" if self.path else ""
        return f"{scheme}://{user}{self.host}:{self.port}{tail}"

    @property
    def is_loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


PERCENT_HINT = (
    "percent-encode the user name and password: @ as %40, / as %2F, # as %23, ? as %3F, : as %3A,"
    " % as %25 (python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1], safe=\"\"))' PASSWORD)"
)


def scheme_of(url: str) -> str:
    """The scheme of ``url`` for an error message (never the rest: it may hold the password)."""
    scheme = url.strip().partition("://")[0].lower()
    return f"{scheme}://" if scheme in _SCHEMES else "mailbox or mail server"


def parse_url(url: str, protocol: str | None = None) -> Endpoint:
    """Parse a connection URL; ``protocol`` ("imap"/"smtp") rejects the other kind."""
    try:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        host = parts.hostname
        port = parts.port
    except ValueError:
        # The library's message quotes the part it could not read, which is often the password.
        raise ConfigError(f"not a valid {scheme_of(url)} connection URL", hint=PERCENT_HINT) from None
    if "@" not in parts.netloc and "@" in f"{parts.path}{parts.query}{parts.fragment}":
        # "u:pa/ss@host": the password's "/" (or "?", "#") ended the host part early.
        raise ConfigError(
            f"not a valid {scheme_of(url)} connection URL: the user or password holds"
            " a character that must be percent-encoded",
            hint=PERCENT_HINT,
        )
    if scheme not in _SCHEMES:
        raise ConfigError(
            f"unknown URL scheme {scheme!r}",
            hint="use imaps://, imap+starttls://, imap://, smtps://, smtp+starttls:// or smtp://",
        )
    kind, security, default_port = _SCHEMES[scheme]
    if protocol and kind != protocol:
        raise ConfigError(f"expected an {protocol} URL, got {scheme}://")
    if not host:
        raise ConfigError(f"{scheme}:// URL has no host")
    path = unquote(parts.path.lstrip("/")) or None
    endpoint = Endpoint(
        protocol=kind,
        security=security,
        host=host,
        port=port or default_port,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        path=path,
    )
    if security == "plain" and not endpoint.is_loopback:
        raise ConfigError(
            f"{endpoint.redacted}: plain (unencrypted) connections are allowed to loopback only",
            hint=f"use {kind}s:// or {kind}+starttls://",
        )
    return endpoint
