"""One exception tree for the whole package.

    MailflowError                  anything mailflow raises on purpose
    ├── ConfigError                config.yaml / inbox_rules/*.yaml invalid (file, line, key)
    ├── StoreError                 the SQLite state cannot be opened or migrated
    ├── SourceError                a mailbox cannot be reached or read (retryable)
    ├── MessageError               one message cannot be processed → quarantine
    │   └── LimitExceeded          size / count / depth / time over the configured limit
    ├── TrackerError               the workbook is missing, corrupt, or cannot be saved
    │   └── TrackerLocked          open for editing elsewhere: queue and retry later
    ├── TemplateError              a Word or email template is broken
    ├── OutboxError                a notice could not be handed to its transport
    │   ├── TransientSendError     4xx, connection refused, timeout: retry with backoff
    │   └── PermanentSendError     5xx: needs a person (Review row)
    └── AlreadyRunning             another daemon holds the workspace lock

Adapters translate library exceptions into these (``raise SourceError(...) from exc``); the
daemon traps them per message and the CLI prints ``Error: ...`` and exits non-zero.
"""

from __future__ import annotations


class MailflowError(Exception):
    """Base class. ``hint`` says what the user can do about it."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        if hint:
            self.hint = hint


class ConfigError(MailflowError):
    pass


class StoreError(MailflowError):
    pass


class SourceError(MailflowError):
    pass


class MessageError(MailflowError):
    pass


class LimitExceeded(MessageError):
    pass


class TrackerError(MailflowError):
    pass


class TrackerLocked(TrackerError):
    pass


class TemplateError(MailflowError):
    pass


class OutboxError(MailflowError):
    pass


class TransientSendError(OutboxError):
    pass


class PermanentSendError(OutboxError):
    pass


class AlreadyRunning(MailflowError):
    pass
