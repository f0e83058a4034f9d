"""config.yaml and inbox_rules/*.yaml: pydantic models, loaded and validated once.

Every model forbids unknown keys, so a typo is an error, reported with the file, the line and the
key path (``config.yaml:12 outbox.transport: Input should be 'file', 'smtp' or 'drafts'``).
``${ENV_VAR}`` (or ``${ENV_VAR:-default}``) in any string value is replaced from the environment
at load time; secrets are ``SecretStr`` so they never show up in reprs or logs.

Relative paths are resolved against the folder holding config.yaml (the workspace), so a
workspace can be moved or shared as a whole.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any, Literal, Mapping

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from .errors import ConfigError

ENV_PATTERN = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-(.*?))?\}")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=True)


# --------------------------------------------------------------------------- sections

Security = Literal["tls", "starttls", "plain"]


class Limits(Strict):
    """Bounds on one message; over any of them the message is quarantined with the reason."""

    max_message_bytes: int = 50 * 1024 * 1024
    max_attachment_bytes: int = 25 * 1024 * 1024
    max_attachments: int = 100
    max_parts: int = 1000  # MIME parts at every level, read before any limit on what they hold
    max_lines: int = 2_000_000  # lines in the whole mail: the parser holds each line as an object
    max_depth: int = 5  # multiparts nested within one message (a forwarded one counts afresh)
    max_forwards: int = 5  # messages attached within messages: a forward of a forward is 2
    parse_seconds: float = 60.0
    parse_in_worker: bool = True  # read attachments in a child process (bounded memory and time)
    worker_memory_mb: int = 512  # address space of that process; 0: no limit
    parse_workers: int = Field(default=2, ge=1, le=8)  # such processes; the next messages are read ahead
    max_inflated_bytes: int = 100 * 1024 * 1024  # one zip member or PDF stream, once decompressed
    max_inflated_total: int = 300 * 1024 * 1024  # all of them in one attachment


class ImapAccount(Strict):
    """One IMAP account. ``url`` (imaps://USER:PASSWORD@HOST:PORT/FOLDER) may replace the fields."""

    name: str = "default"
    url: SecretStr | None = None
    host: str | None = None
    port: int | None = None
    security: Security = "tls"
    username: str | None = None
    password: SecretStr | None = None
    auth: Literal["login", "xoauth2"] = "login"
    oauth2_token_command: str | None = None  # prints an access token on stdout
    oauth2_token_env: str | None = None  # or: the environment variable holding it
    ca_file: Path | None = None
    folders: list[str] = Field(default_factory=lambda: ["INBOX"])
    after: Literal["keyword", "move", "seen"] = "keyword"
    done_keyword: str = "$MailflowDone"
    move_to: str | None = None
    idle: bool = True
    idle_renew_seconds: int = Field(default=29 * 60, le=29 * 60, gt=0)
    poll_seconds: int = Field(default=60, gt=0)
    batch_size: int = Field(default=50, gt=0)
    sent_folder: str | None = None  # checked by Message-ID before re-sending an unknown outcome
    drafts_folder: str = "Drafts"


class Mailbox(Strict):
    source: Literal["maildir", "imap"] = "maildir"
    maildir: Path = Path("mail/inbox")
    accounts: list[ImapAccount] = Field(default_factory=list)
    limits: Limits = Field(default_factory=Limits)


class Smtp(Strict):
    url: SecretStr | None = None  # smtp+starttls://USER:PASSWORD@HOST:PORT, smtps://, smtp://
    host: str | None = None
    port: int | None = None
    security: Security = "starttls"
    username: str | None = None
    password: SecretStr | None = None
    ca_file: Path | None = None
    timeout_seconds: float = 30.0
    per_minute: int = Field(default=30, gt=0)  # rate limit per server


Transport = Literal["file", "smtp", "drafts"]


class Outbox(Strict):
    transport: Transport = "file"
    per_kind: dict[str, Transport] = Field(default_factory=dict)  # e.g. {order_ack: drafts}
    path: Path = Path("outbox")  # the file transport's folder
    from_address: str = "orders@example.com"
    from_name: str | None = None
    smtp: Smtp = Field(default_factory=Smtp)
    drafts_account: str | None = None  # IMAP account name for the drafts transport
    max_attempts: int = 8
    sent_check_account: str | None = None  # IMAP account whose sent folder proves a send
    save_sent_copy: bool = False  # APPEND each SMTP-sent notice to that Sent folder (servers that keep none)


class Workspace(Strict):
    tracker: Path = Path("tracker.xlsx")
    archive: Path = Path("archive")
    state_db: Path = Path("state/mailflow.db")
    backups: Path = Path("backups")
    logs: Path = Path("logs")
    rules: Path = Path("inbox_rules")
    templates: Path = Path("templates")


class Staff(Strict):
    """Addresses by role. Each may be one address or a list."""

    account_manager: list[str] = Field(default_factory=list)
    sales_director: list[str] = Field(default_factory=list)
    finance_director: list[str] = Field(default_factory=list)
    pmc_manager: list[str] = Field(default_factory=list)
    qc_manager: list[str] = Field(default_factory=list)
    engineering_manager: list[str] = Field(default_factory=list)
    marketing_director: list[str] = Field(default_factory=list)

    @field_validator("*", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [value]
        return value or []

    def addresses(self, role: str) -> list[str]:
        return list(getattr(self, role))


class Signatory(Strict):
    """Who signs the letters to customers: a person with a title, never an email address.

    The order's account manager signs when the tracker names a person; otherwise this one.
    """

    name: str = ""
    title: str = ""
    name_zh: str = ""  # for Chinese letters; the English name when empty
    title_zh: str = ""
    phone: str = ""  # direct line; the company's when empty
    email: str = ""  # the company's when empty


class Company(Strict):
    name: str = "Example Manufacturing Co., Ltd."
    name_zh: str | None = None
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    bank_details: str = ""
    language: Literal["en", "zh"] = "en"  # of internal notices
    aliases: list[str] = Field(default_factory=list)  # other spellings: never taken as the customer
    domains: list[str] = Field(default_factory=list)  # our own mail domains
    staff: Staff = Field(default_factory=Staff)
    signatory: Signatory = Field(default_factory=Signatory)
    # The company seal printed on the confirmed order form (a PNG or JPEG, relative to this file's
    # folder); unset, the form keeps a blank box to stamp by hand.
    seal_image: Path | None = None


class Calendar(Strict):
    """Working days: weekends and public holidays of ``country`` (with China's make-up days)."""

    country: str = "CN"
    timezone: str = "Asia/Shanghai"
    closures: list[dt.date] = Field(default_factory=list)  # company closures: not working days
    extra_working_days: list[dt.date] = Field(default_factory=list)  # working though a holiday
    extra_holidays: list[dt.date] = Field(default_factory=list)


class Notices(Strict):
    enabled: dict[str, bool] = Field(default_factory=dict)  # kind → on/off; absent = on
    customer_language: Literal["en", "zh"] = "en"  # when the customer's rule does not say
    attach_pdf: bool = True


class Deadlines(Strict):
    """Delays of the order procedure. ``working`` counts working days, ``calendar`` all days."""

    reply_reminder: str = "1 working"
    reply_due: str = "2 working"
    production_plan_due: str = "2 working"
    deposit_due: str = "3 calendar"
    balance_payment: str = "5 working"  # the balance notice asks for payment within this
    deposit_escalation: str = "1 working"  # after the deposit reminder, still unpaid
    balance_reminder: str = "3 working"  # after the balance notice or a short payment
    pre_assembly_notice: str = "10 calendar"  # before the assembly date
    finishing: str = "5 working"  # from the assembly date until the goods can ship
    after_sales_days: str = "30 calendar"

    @field_validator("*")
    @classmethod
    def _delay(cls, value: str) -> str:
        if not re.fullmatch(r"\d+ (working|calendar)", value.strip()):
            raise ValueError("write a delay as '<days> working' or '<days> calendar'")
        return value.strip()


class Payments(Strict):
    deposit_percent: float = Field(default=30.0, ge=0, le=100)  # of the order total


class Documents(Strict):
    pdf: Literal["auto", "always", "never"] = "auto"
    soffice: str = "soffice"
    timeout_seconds: float = 120.0
    # LibreOffice processes side by side. One by default: a second converts the PDFs of a backlog
    # faster only where a core is free beside mailflow itself, and holds about 230 MB more.
    converters: int = Field(default=1, ge=1, le=8)
    converter_memory_mb: int = Field(default=200, ge=0)  # a LibreOffice past this is started afresh; 0: never
    uno_python: str = "/usr/bin/python3"  # the Python with LibreOffice's UNO bridge (python3-uno); "" = batches


class TrackerSettings(Strict):
    headers: dict[str, str] = Field(default_factory=dict)  # field → header text overrides
    keep_backups: int = 10
    sync_seconds: int = 60
    log_rows: int = Field(default=5000, ge=100)  # the Log sheet shows this many recent rows
    archive_after_days: int = Field(default=90, ge=0)  # closed orders untouched this long move out; 0 = never


class DaemonSettings(Strict):
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"
    timer_seconds: int = 300  # workflow timers
    shutdown_seconds: float = 30.0


class Config(Strict):
    company: Company = Field(default_factory=Company)
    mailbox: Mailbox = Field(default_factory=Mailbox)
    outbox: Outbox = Field(default_factory=Outbox)
    workspace: Workspace = Field(default_factory=Workspace)
    calendar: Calendar = Field(default_factory=Calendar)
    notices: Notices = Field(default_factory=Notices)
    deadlines: Deadlines = Field(default_factory=Deadlines)
    payments: Payments = Field(default_factory=Payments)
    documents: Documents = Field(default_factory=Documents)
    tracker: TrackerSettings = Field(default_factory=TrackerSettings)
    daemon: DaemonSettings = Field(default_factory=DaemonSettings)

    # Set by load(); not part of the file.
    base_dir: Path = Field(default=Path("."), exclude=True)
    source_path: Path | None = Field(default=None, exclude=True)

    def path(self, value: Path) -> Path:
        """Resolve a configured path against the workspace (the folder of config.yaml)."""
        value = Path(os.path.expanduser(str(value)))
        return value if value.is_absolute() else (self.base_dir / value)


# --------------------------------------------------------------------------- loading


def load(path: str | os.PathLike[str], env: dict[str, str] | None = None) -> Config:
    """Read, interpolate and validate config.yaml. Raises ConfigError with file:line key: why."""
    path = Path(path)
    if not path.exists():
        raise ConfigError(
            f"{path}: no such file",
            hint="create a workspace with `mailflow init DIR`, or pass --config PATH",
        )
    data, lines = read_yaml(path, env)
    config = validate(Config, data, path, lines)
    config.base_dir = path.resolve().parent
    config.source_path = path.resolve()
    return config


def defaults(base_dir: Path | None = None) -> Config:
    config = Config()
    config.base_dir = (base_dir or Path.cwd()).resolve()
    return config


def read_yaml(path: Path, env: Mapping[str, str] | None = None) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML, returning the data (with ${ENV} replaced) and a map key-path → line number."""
    env = os.environ if env is None else env
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    lines: dict[tuple, int] = {}
    if node is None:
        return {}, lines
    _index_lines(node, (), lines)
    data = yaml.safe_load(text)
    return _interpolate(data, env, path, (), lines), lines


def _index_lines(node: yaml.Node, at: tuple, lines: dict[tuple, int]) -> None:
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*at, key_node.value)
            lines[key] = key_node.start_mark.line + 1
            _index_lines(value_node, key, lines)
            lines[key] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*at, index), lines)


def _interpolate(value: Any, env: Any, path: Path, at: tuple, lines: dict[tuple, int]) -> Any:
    if isinstance(value, dict):
        return {k: _interpolate(v, env, path, (*at, k), lines) for k, v in value.items()}
    if isinstance(value, list):
        return [_interpolate(v, env, path, (*at, i), lines) for i, v in enumerate(value)]
    if isinstance(value, str) and "${" in value:

        def replace(match: re.Match[str]) -> str:
            name, default = match.group(1), match.group(2)
            if name in env:
                return env[name]
            if default is not None:
                return default
            raise ConfigError(
                f"{_where(path, at, lines)} {_dotted(at)}: environment variable {name} is not set",
                hint=f"export {name}=... before starting mailflow, or write ${{{name}:-default}}",
            )

        return ENV_PATTERN.sub(replace, value)
    return value


def _dotted(at: tuple) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _where(path: Path, at: tuple, lines: dict[tuple, int]) -> str:
    for cut in range(len(at), -1, -1):
        if at[:cut] in lines:
            return f"{path}:{lines[at[:cut]]}"
    return str(path)


def validate(model: type[BaseModel], data: Any, path: Path, lines: dict[tuple, int]) -> Any:
    """Validate ``data`` against ``model``; turn pydantic's errors into one file:line report."""
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            at = tuple(error["loc"])
            message = error["msg"]
            if error["type"] == "extra_forbidden":
                message = "unknown key (check the spelling; see the commented config.yaml)"
            problems.append(f"{_where(path, at, lines)} {_dotted(at)}: {message}")
        raise ConfigError("\n".join(problems)) from None
