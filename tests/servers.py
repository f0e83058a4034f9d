"""Real servers on loopback for tests and benchmarks: a private Dovecot, an aiosmtpd sink with
STARTTLS + AUTH (and an implicit-TLS twin), and LibreOffice headless for PDF output.

Contract: every server listens on 127.0.0.1 only and lives in its own ``mkdtemp`` directory that
``stop()`` removes. This module knows nothing about pytest (the benchmarks import it too): a
missing binary raises ``MissingBinary`` and ``tests/conftest.py`` turns that into a skip or, with
``CI=true``, a failure. It must never touch the system Dovecot (every doveadm call passes ``-c``).

The recipe and the reasons behind the odd-looking choices (mode 755 temp dirs, ``mail_uid =
dovecot``, a TLS handshake in the readiness probe, ``hostname="127.0.0.1"`` for aiosmtpd) are in
``TEST-INFRA.md``; the comments below point at the pitfall each one avoids.
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import os
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from pathlib import Path

HOST = "127.0.0.1"


class MissingBinary(RuntimeError):
    """A program the server needs is not installed (``.binary`` names it)."""

    def __init__(self, binary: str, hint: str) -> None:
        super().__init__(f"{binary} not found: {hint}")
        self.binary = binary


def _require(binary: str, hint: str) -> str:
    path = shutil.which(binary) or shutil.which(binary, path="/usr/sbin:/usr/bin:/usr/lib/dovecot")
    if not path:
        raise MissingBinary(binary, hint)
    return path


def free_port() -> int:
    """A port nobody listens on right now (aiosmtpd cannot take port 0: pitfall 2)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """preexec_fn: the child gets SIGTERM when the thread that started it dies (even on kill -9).

    Servers are therefore started from the main thread, which lives as long as the test run.
    """
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _private_dir(prefix: str) -> Path:
    # Not pytest's tmp_path: /tmp/pytest-of-root is 0700 and Dovecot's auth process (uid dovecot)
    # could not read the users file (Dovecot pitfall 1).
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


def _terminate(proc: subprocess.Popen | None, timeout: float = 10) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


# --------------------------------------------------------------------------------------- certs


class Certs:
    """One self-signed certificate for localhost and 127.0.0.1; it is its own CA."""

    def __init__(self, root: Path | None = None) -> None:
        openssl = _require("openssl", "apt-get install openssl")
        self.root = root or _private_dir("mailflow-certs-")
        self.cert = self.root / "cert.pem"
        self.key = self.root / "key.pem"
        self.ca_file = self.cert
        subprocess.run(
            [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
             "-keyout", str(self.key), "-out", str(self.cert), "-days", "3650",
             "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        self.key.chmod(0o644)  # Dovecot reads it as root, but keep it readable for its helpers

    def client_context(self) -> ssl.SSLContext:
        """Full verification (hostname included) against this certificate."""
        return ssl.create_default_context(cafile=str(self.ca_file))

    def server_context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(str(self.cert), str(self.key))
        return ctx

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


# ------------------------------------------------------------------------------------- dovecot

_CONF = """\
instance_name = dovecot-test-{port}
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
ssl_dh = </usr/share/dovecot/dh.pem
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
mail_location = maildir:{d}/mail/%u
mail_uid = dovecot
mail_gid = dovecot
first_valid_uid = 1
mail_max_userip_connections = 100
auth_failure_delay = 0
mail_fsync = never
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%n {d}/passwd/%n
}}
userdb {{
  driver = static
  args = home={d}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {ssl_port}
    ssl = yes
  }}
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
"""


class Dovecot:
    """A private Dovecot master in the foreground (we own its pid), one passwd-file per user.

    ``auth_mechanisms`` includes XOAUTH2/OAUTHBEARER: Dovecot 2.3 verifies the bearer token like
    a password against the passdb, so a test user's password doubles as its OAuth2 token.
    ``auth_failure_delay = 0`` keeps wrong-password tests from waiting Dovecot's 2 s penalty;
    ``mail_fsync = never`` because a test mailbox need not survive a power cut (APPEND is 10× faster).
    """

    host = HOST

    def __init__(self, certs: Certs) -> None:
        self.binary = _require("dovecot", "apt-get install dovecot-imapd")
        self.doveadm_bin = _require("doveadm", "apt-get install dovecot-core")
        self.certs = certs
        self.ca_file = certs.ca_file
        self.root: Path | None = None
        self.proc: subprocess.Popen | None = None
        self.port = self.ssl_port = 0
        self._serial = itertools.count(1)
        self._users_lock = threading.Lock()

    @property
    def conf(self) -> Path:
        assert self.root is not None, "Dovecot not started"
        return self.root / "dovecot.conf"

    def start(self, attempts: int = 3) -> "Dovecot":
        last = ""
        for _ in range(attempts):
            self.root = _private_dir("mailflow-dovecot-")
            for sub in ("run", "state", "mail"):
                (self.root / sub).mkdir()
            shutil.chown(self.root / "mail", "dovecot", "dovecot")
            (self.root / "passwd").mkdir(mode=0o755)
            self.port, self.ssl_port = free_port(), free_port()
            self.conf.write_text(
                _CONF.format(d=self.root, port=self.port, ssl_port=self.ssl_port,
                             cert=self.certs.cert, key=self.certs.key)
            )  # fmt: skip
            self.proc = subprocess.Popen(
                [self.binary, "-F", "-c", str(self.conf)],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_die_with_parent,
            )  # fmt: skip
            try:
                self._wait_ready(deadline=time.monotonic() + 10)
                return self
            except RuntimeError as exc:
                last = str(exc)
                self.stop()  # usually a port race (exit 89, "Address already in use"): retry
        raise RuntimeError(f"dovecot would not start after {attempts} attempts: {last}")

    def _wait_ready(self, deadline: float) -> None:
        pending = {self.port: None, self.ssl_port: self.certs.client_context()}
        while pending:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""
                raise RuntimeError(f"dovecot exited {self.proc.returncode}: {err}{self.log_tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"dovecot not ready within 10 s{self.log_tail()}")
            for port, ctx in list(pending.items()):
                if _greets(port, ctx):
                    del pending[port]
            if pending:
                time.sleep(0.03)

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = (self.root / "dovecot.log").read_text(errors="replace")
        except (OSError, TypeError):
            return ""
        return "\n--- dovecot.log ---\n" + "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        _terminate(self.proc)
        self.proc = None
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def doveadm(self, *args: str, input: bytes | None = None) -> bytes:
        """Run ``doveadm -c <our conf> ...`` (without -c it would act on the system instance)."""
        result = subprocess.run(
            [self.doveadm_bin, "-c", str(self.conf), *args],
            input=input, capture_output=True, timeout=60,
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(
                f"doveadm {' '.join(args)} failed ({result.returncode}): "
                f"{result.stderr.decode(errors='replace')}{self.log_tail(5)}"
            )
        return result.stdout

    def new_user(self, prefix: str = "u") -> "ImapUser":
        with self._users_lock:
            name = f"{prefix}{next(self._serial)}"
            password = f"pw-{name}-{os.urandom(4).hex()}"
            # One passwd-file per user: Dovecot re-checks a passwd-file at most once a second,
            # so a user appended to a shared file could stay unknown for up to a second.
            user_file = self.root / "passwd" / name
            user_file.write_text(f"{name}:{{PLAIN}}{password}::::::\n")
            user_file.chmod(0o644)
        return ImapUser(self, name, password)


def _greets(port: int, ctx: ssl.SSLContext | None) -> bool:
    """True once the port answers ``* OK`` (after a verified TLS handshake when ``ctx`` is set)."""
    try:
        with socket.create_connection((HOST, port), timeout=2) as raw:
            sock = ctx.wrap_socket(raw, server_hostname=HOST) if ctx else raw
            return sock.recv(100).startswith(b"* OK")
    except (OSError, ssl.SSLError):
        return False


class ImapUser:
    """A test user with its own mailbox; the handle tests use to act on the server's side."""

    def __init__(self, dovecot: Dovecot, name: str, password: str) -> None:
        self.dovecot = dovecot
        self.name = name
        self.password = password

    def __repr__(self) -> str:
        return f"ImapUser({self.name!r})"

    def url(self, folder: str = "INBOX", scheme: str = "imaps") -> str:
        port = self.dovecot.ssl_port if scheme == "imaps" else self.dovecot.port
        return f"{scheme}://{self.name}:{self.password}@{HOST}:{port}/{folder}"

    def deliver(self, raw: bytes, folder: str = "INBOX") -> None:
        """Deliver out of band with ``doveadm save`` (an idling client is notified)."""
        self.dovecot.doveadm("save", "-u", self.name, "-m", folder, input=raw)

    def client(self, ssl: bool = True):
        """A logged-in IMAPClient; TLS verified against the test CA (STARTTLS when ssl=False)."""
        from imapclient import IMAPClient

        ctx = self.dovecot.certs.client_context()
        if ssl:
            c = IMAPClient(HOST, port=self.dovecot.ssl_port, ssl=True, ssl_context=ctx, timeout=30)
        else:
            c = IMAPClient(HOST, port=self.dovecot.port, ssl=False, timeout=30)
            c.starttls(ctx)
        c.login(self.name, self.password)
        return c

    def kick(self) -> None:
        """Drop every IMAP connection of this user (the server side of a network failure)."""
        self.dovecot.doveadm("kick", self.name)

    def set_uidvalidity(self, folder: str, value: int) -> None:
        self.dovecot.doveadm("mailbox", "update", "-u", self.name, "--uid-validity", str(value), folder)

    def create_folder(self, name: str) -> None:
        self.dovecot.doveadm("mailbox", "create", "-u", self.name, name)

    def messages(self, folder: str = "INBOX") -> list[bytes]:
        """Every message's raw bytes in UID order (BODY.PEEK: flags stay as they are)."""
        with self.client() as c:
            c.select_folder(folder, readonly=True)
            uids = sorted(c.search("ALL"))
            data = c.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
            c.logout()
        return [data[u][b"BODY[]"] for u in uids]

    def flags(self, folder: str = "INBOX") -> dict[int, tuple]:
        with self.client() as c:
            c.select_folder(folder, readonly=True)
            uids = c.search("ALL")
            data = c.fetch(uids, ["FLAGS"]) if uids else {}
            c.logout()
        return {uid: tuple(v[b"FLAGS"]) for uid, v in data.items()}


# ---------------------------------------------------------------------------------------- smtp


class _Sink:
    """aiosmtpd handler: records accepted messages, or fails on demand (``fail``)."""

    def __init__(self) -> None:
        self.messages: list[dict] = []
        self.fail: str | None = None  # None | "rcpt" | "data" | "mail421" | "data550"
        self.cond = threading.Condition()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.fail == "mail421":
            return "421 4.3.2 Service not available"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.fail == "rcpt":
            return "451 4.3.0 Temporary local problem, try later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.fail == "data":
            return "451 4.3.0 Temporary failure"
        if self.fail == "data550":
            return "550 5.7.1 Message rejected"
        with self.cond:
            self.messages.append(
                dict(
                    frm=envelope.mail_from,
                    to=list(envelope.rcpt_tos),
                    data=envelope.original_content or envelope.content,
                    login=getattr(session.auth_data, "login", None),
                    starttls=session.ssl is not None,
                )
            )
            self.cond.notify_all()
        return "250 Message accepted for delivery"


class SmtpServer:
    """aiosmtpd on ``port`` (STARTTLS required, AUTH only after TLS) and ``ssl_port`` (SMTPS).

    Both share one sink: ``messages`` and ``fail`` apply to either port.
    """

    host = HOST

    def __init__(self, certs: Certs, username: str = "bot", password: str = "bot-secret") -> None:
        import aiosmtpd  # noqa: F401  (fail early with ImportError if the test extra is missing)

        self.certs = certs
        self.ca_file = certs.ca_file
        self.username, self.password = username, password
        self.sink = _Sink()
        self.port, self.ssl_port = free_port(), free_port()
        self._controllers: list = []
        logging.getLogger("mail.log").setLevel(logging.ERROR)  # pitfall 5: deprecation noise

    # the sink's state, exposed on the server object the tests hold
    @property
    def messages(self) -> list[dict]:
        return self.sink.messages

    @messages.setter
    def messages(self, value: list[dict]) -> None:
        self.sink.messages = value

    @property
    def fail(self) -> str | None:
        return self.sink.fail

    @fail.setter
    def fail(self, value: str | None) -> None:
        self.sink.fail = value

    def reset(self) -> "SmtpServer":
        with self.sink.cond:
            self.sink.messages = []
        self.sink.fail = None
        return self

    def wait_for(self, n: int, timeout: float = 10) -> bool:
        with self.sink.cond:
            return self.sink.cond.wait_for(lambda: len(self.sink.messages) >= n, timeout)

    def url(self, scheme: str = "smtp+starttls") -> str:
        port = self.ssl_port if scheme == "smtps" else self.port
        return f"{scheme}://{self.username}:{self.password}@{HOST}:{port}"

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult, LoginPassword

        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == self.username.encode()
            and auth_data.password == self.password.encode()
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    def start(self) -> "SmtpServer":
        """Start (or restart after ``stop()``) on the same ports."""
        import warnings

        from aiosmtpd.controller import Controller

        if self._controllers:
            return self
        starttls = Controller(
            self.sink, hostname=HOST, port=self.port, server_hostname="sink.test",
            tls_context=self.certs.server_context(), require_starttls=True,
            authenticator=self._authenticate, auth_required=True, auth_require_tls=True,
        )  # fmt: skip
        # Implicit TLS: auth_require_tls=True would hide AUTH altogether (aiosmtpd #281, pitfall
        # 4); the whole connection is TLS anyway.
        implicit = Controller(
            self.sink, hostname=HOST, port=self.ssl_port, server_hostname="sink.test",
            ssl_context=self.certs.server_context(),
            authenticator=self._authenticate, auth_required=True, auth_require_tls=False,
        )  # fmt: skip
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for controller in (starttls, implicit):
                for attempt in range(20):  # a just-stopped listener may need a moment
                    try:
                        controller.start()
                        break
                    except (OSError, RuntimeError):
                        if attempt == 19:
                            raise
                        time.sleep(0.1)
                self._controllers.append(controller)
        return self

    def stop(self) -> None:
        while self._controllers:
            self._controllers.pop().stop()


# ------------------------------------------------------------------------------------- soffice


class Soffice:
    """LibreOffice headless with a private profile (two processes sharing one profile fail)."""

    def __init__(self, worker: str | None = None) -> None:
        self.binary = _require("soffice", "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui")
        worker = worker or os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.profile = Path(tempfile.mkdtemp(prefix=f"mailflow-lo-{worker}-{os.getpid()}-"))
        self._lock = threading.Lock()

    def convert(self, path: Path, outdir: Path, fmt: str = "pdf", timeout: float = 120) -> Path:
        """Convert ``path`` into ``outdir``; raises if LibreOffice wrote nothing (it may exit 0)."""
        path, outdir = Path(path), Path(outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        out = outdir / f"{path.stem}.{fmt.split(':')[0]}"
        out.unlink(missing_ok=True)
        with self._lock:
            result = subprocess.run(
                [self.binary, f"-env:UserInstallation={self.profile.as_uri()}", "--headless",
                 "--norestore", "--convert-to", fmt, "--outdir", str(outdir), str(path)],
                capture_output=True, timeout=timeout, preexec_fn=_die_with_parent,
            )  # fmt: skip
        if not out.exists():
            raise RuntimeError(
                f"soffice wrote no {out.name} (exit {result.returncode}): "
                f"{result.stdout.decode(errors='replace')}{result.stderr.decode(errors='replace')}"
            )
        return out

    def convert_all(self, paths: list[Path], outdir: Path, timeout: float = 300) -> list[Path]:
        """Convert several files in one LibreOffice start (each start costs seconds)."""
        outdir = Path(outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        outs = [outdir / f"{Path(p).stem}.pdf" for p in paths]
        with self._lock:
            result = subprocess.run(
                [self.binary, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", str(outdir), *map(str, paths)],
                capture_output=True, timeout=timeout, preexec_fn=_die_with_parent,
            )  # fmt: skip
        missing = [o.name for o in outs if not o.exists()]
        if missing:
            raise RuntimeError(
                f"soffice wrote no {', '.join(missing)} (exit {result.returncode}): "
                f"{result.stderr.decode(errors='replace')[-500:]}"
            )
        return outs

    def cleanup(self) -> None:
        shutil.rmtree(self.profile, ignore_errors=True)
