"""The ``smtp`` transport: smtplib with TLS, AUTH and certificate verification, one connection
reused for a whole flush.

Where to send: ``MAILFLOW_SMTP_URL`` (``smtp+starttls://USER:PASSWORD@HOST:587``, ``smtps://``
for implicit TLS, ``smtp://`` to loopback only) wins over ``outbox.smtp.url``, which wins over
the ``outbox.smtp`` fields. The server certificate and host name are always verified, against
the system CAs plus ``MAILFLOW_CA_FILE`` / ``outbox.smtp.ca_file``. Only ``Endpoint.redacted``
is ever logged or put in an error: never the password.

How failures map (the outbox retries the first kind and sends the second to Review):

    TransientSendError   4xx replies, refused/timed-out/dropped connections, TLS or AUTH
                         problems (a bad password or an untrusted certificate is the server's
                         or the configuration's problem, not the notice's: retried with
                         backoff, then failed with a Review row after ``max_attempts``)
    PermanentSendError   5xx replies to MAIL, RCPT or DATA: this message will not go as it is

``already_sent`` answers the crash question (sent, but not recorded?) from the IMAP Sent
folder of ``outbox.sent_check_account`` when one is configured, else it cannot tell (None).
Many servers file a sent copy themselves (Gmail, Exchange); for those that do not,
``outbox.save_sent_copy: true`` makes the transport APPEND the copy right after the send.
"""

from __future__ import annotations

import collections
import datetime as dt
import logging
import os
import smtplib
import ssl
from pathlib import Path
from typing import Any

from imapclient.exceptions import IMAPClientError

from ..errors import ConfigError, PermanentSendError, TransientSendError
from ..store.records import OutboxEntry
from ..urls import Endpoint, parse_url
from . import imapbox

log = logging.getLogger("mailflow.outbox")

_DEFAULT_PORTS = {"tls": 465, "starttls": 587, "plain": 25}


def endpoint(config: Any, environ: Any = None) -> tuple[Endpoint, Path | None]:
    """The SMTP server to use and the extra CA file, from the environment or the config."""
    environ = os.environ if environ is None else environ
    smtp = config.outbox.smtp
    url = environ.get("MAILFLOW_SMTP_URL", "").strip() or (smtp.url.get_secret_value() if smtp.url else "")
    if url:
        ep = parse_url(url, "smtp")
    else:
        if not smtp.host:
            raise ConfigError(
                "the smtp transport needs a server",
                hint="set outbox.smtp.url or MAILFLOW_SMTP_URL (smtp+starttls://USER:PASSWORD@HOST:587)",
            )
        ep = Endpoint(
            protocol="smtp", security=smtp.security, host=smtp.host,
            port=smtp.port or _DEFAULT_PORTS[smtp.security], username=smtp.username,
            password=smtp.password.get_secret_value() if smtp.password else None,
        )  # fmt: skip
        if ep.security == "plain" and not ep.is_loopback:
            raise ConfigError(
                f"{ep.redacted}: plain SMTP is allowed to loopback only", hint="use security: starttls or tls"
            )
    ca = environ.get("MAILFLOW_CA_FILE", "").strip() or smtp.ca_file
    return ep, (config.path(Path(ca)) if ca else None)


def _code_error(code: int, text: str, where: str) -> TransientSendError | PermanentSendError:
    answer = f"{where}: {code} {text}".strip()
    return PermanentSendError(answer) if 500 <= code < 600 else TransientSendError(answer)


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


# Sends per server in the last minute, per process (one daemon per workspace holds the lock).
_recent: dict[str, collections.deque] = collections.defaultdict(collections.deque)


class SmtpTransport:
    name = "smtp"

    def __init__(self, env: Any, environ: Any = None) -> None:
        self.env = env
        self.endpoint, self.ca_file = endpoint(env.config, environ)
        self.timeout = env.config.outbox.smtp.timeout_seconds
        self.per_minute = env.config.outbox.smtp.per_minute
        self.conn: smtplib.SMTP | None = None

    @property
    def server(self) -> str:
        return f"{self.endpoint.host}:{self.endpoint.port}"

    def rate_limited(self, now: dt.datetime) -> bool:
        """True when ``per_minute`` messages went to this server in the minute before ``now``."""
        recent = _recent[self.server]
        while recent and recent[0] <= now - dt.timedelta(minutes=1):
            recent.popleft()
        return len(recent) >= self.per_minute

    def _context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context()  # verification and host name checks on
        if self.ca_file is not None:
            try:
                ctx.load_verify_locations(cafile=str(self.ca_file))
            except (OSError, ssl.SSLError) as exc:
                raise TransientSendError(f"CA file {self.ca_file}: {exc}", hint="check MAILFLOW_CA_FILE") from None
        return ctx

    def _connect(self) -> smtplib.SMTP:
        ep = self.endpoint
        conn = None
        try:
            if ep.security == "tls":
                conn = smtplib.SMTP_SSL(ep.host, ep.port, timeout=self.timeout, context=self._context())
            else:
                conn = smtplib.SMTP(ep.host, ep.port, timeout=self.timeout)
                conn.ehlo()
                if ep.security == "starttls":
                    conn.starttls(context=self._context())
                    conn.ehlo()
            if ep.username:
                conn.login(ep.username, ep.password or "")
            return conn
        except smtplib.SMTPAuthenticationError as exc:
            self._drop(conn)
            raise TransientSendError(
                f"{ep.redacted}: login refused ({exc.smtp_code})", hint="check the SMTP user name and password"
            ) from None
        except ssl.SSLCertVerificationError as exc:
            self._drop(conn)
            raise TransientSendError(
                f"{ep.redacted}: certificate not trusted ({exc.verify_message})",
                hint="set MAILFLOW_CA_FILE or outbox.smtp.ca_file",
            ) from None
        except (smtplib.SMTPException, OSError) as exc:
            self._drop(conn)
            raise TransientSendError(f"{ep.redacted}: {type(exc).__name__}: {exc}") from None

    def send(self, entry: OutboxEntry, now: dt.datetime | None = None) -> None:
        """Hand ``entry``'s bytes to the server; raises Transient/PermanentSendError.

        With ``save_sent_copy`` the Sent folder is opened (connect, TLS, login, folder check)
        *before* the send, so that only the APPEND itself lies between the send and its copy:
        that gap is the one the Sent-folder check cannot cover (see ``_save_copy``).
        """
        sent_box = self._open_sent(entry) if self.env.config.outbox.save_sent_copy else None
        try:
            self._sendmail(entry, now)
            if sent_box is not None:
                self._save_copy(entry, *sent_box)
        finally:
            if sent_box is not None:
                imapbox.close(sent_box[0])

    def _sendmail(self, entry: OutboxEntry, now: dt.datetime | None) -> None:
        if self.conn is None:
            self.conn = self._connect()
        sender = self.env.config.outbox.from_address
        recipients = list(entry.recipients)
        where = self.endpoint.redacted
        try:
            refused = self.conn.sendmail(sender, recipients, entry.eml)
        except smtplib.SMTPRecipientsRefused as exc:
            self._reset()
            codes = {code for code, _ in exc.recipients.values()}
            answer = "; ".join(f"{r}: {c} {_text(m)}" for r, (c, m) in exc.recipients.items())
            if all(400 <= c < 500 for c in codes):
                raise TransientSendError(f"{where}: recipients refused: {answer}") from None
            raise PermanentSendError(f"{where}: recipients refused: {answer}") from None
        except smtplib.SMTPResponseException as exc:  # sender refused, DATA refused, 421...
            self._drop(self.conn)
            self.conn = None
            raise _code_error(exc.smtp_code, _text(exc.smtp_error), where) from None
        except (smtplib.SMTPException, OSError) as exc:  # disconnected, timeout, reset
            self._drop(self.conn)
            self.conn = None
            raise TransientSendError(f"{where}: {type(exc).__name__}: {exc}") from None
        if refused:  # some recipients took it: it is sent; say who did not
            log.warning("%s: %s accepted for some recipients only; refused: %s", where, entry.key, refused)
        _recent[self.server].append(now or dt.datetime.now(dt.timezone.utc))

    def _open_sent(self, entry: OutboxEntry) -> tuple[Any, str] | None:
        """A logged-in client and the Sent folder (created if missing); None, logged, if not."""
        name = self.env.config.outbox.sent_check_account
        client = None
        try:
            acct = imapbox.account(self.env, name)
            if acct is None:
                raise TransientSendError("no IMAP account for the sent copy")
            folder = acct.sent_folder or "Sent"
            client = imapbox.open_client(self.env, acct)
            imapbox.ensure_folder(client, folder)
            return client, folder
        except (TransientSendError, IMAPClientError, OSError) as exc:
            imapbox.close(client)
            log.error("%s: no copy to the Sent folder: cannot open it: %s", entry.key, exc)
            return None

    def _save_copy(self, entry: OutboxEntry, client: Any, folder: str) -> None:
        """APPEND the sent message to the Sent folder, for servers that keep no copy themselves.

        The message is already sent, so a failure here is logged, not raised. It leaves a small
        window (a crash between the send and the end of this APPEND) in which the Sent-folder
        check cannot prove the send, and the notice is sent again after a restart; the copy a
        server files itself has no such window.
        """
        try:
            client.append(folder, entry.eml, flags=[b"\\Seen"])
        except (IMAPClientError, OSError) as exc:
            log.error("%s: sent, but the copy to the Sent folder failed: %s", entry.key, exc)

    def already_sent(self, entry: OutboxEntry) -> bool | None:
        name = self.env.config.outbox.sent_check_account
        if not name:
            return None
        acct = imapbox.account(self.env, name)
        folder = acct.sent_folder or "Sent"
        client = imapbox.open_client(self.env, acct)
        try:
            return imapbox.contains(client, folder, entry.message_id)
        except (IMAPClientError, OSError) as exc:
            raise TransientSendError(f"cannot search {folder} for {entry.message_id}: {exc}") from None
        finally:
            imapbox.close(client)

    def _reset(self) -> None:
        try:
            self.conn.rset()
        except (smtplib.SMTPException, OSError, AttributeError):
            self._drop(self.conn)
            self.conn = None

    @staticmethod
    def _drop(conn: smtplib.SMTP | None) -> None:
        if conn is None:
            return
        try:
            conn.quit()
        except (smtplib.SMTPException, OSError):
            conn.close()

    def close(self) -> None:
        self._drop(self.conn)
        self.conn = None
