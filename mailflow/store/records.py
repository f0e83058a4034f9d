"""The typed records the store hands out: one frozen dataclass per table row the rest of mailflow
reads, so a caller names ``entry.attempts`` rather than ``row["attempts"]`` and a renamed column
fails in one place (``from_row``), not at every use. Each field is a column of the same name
(tests/test_store.py checks the records against the schema).

JSON columns are decoded where every reader wants the value (``OutboxEntry.recipients``) and
kept as text where the text itself is shown (``Event.detail``; ``Event.data`` decodes it).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, fields
from typing import Any, TypeVar

R = TypeVar("R")


def from_row(cls: type[R], row: sqlite3.Row) -> R:
    """``cls`` filled from the columns of ``row`` that it names (a query may select more)."""
    names = set(row.keys())
    return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in names})  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """A message as the ledger recorded it (table ``messages``): where it came from, what it
    was, and what became of it."""

    id: int
    source: str
    source_key: str
    identity: str
    sha256: str
    size: int
    outcome: str
    recorded_at: str
    uidvalidity: int | None = None
    uid: int | None = None
    message_id: str | None = None
    subject: str | None = None
    sender: str | None = None
    kind: str | None = None
    reason: str | None = None
    order_no: str | None = None
    archive_path: str | None = None
    done_at: str | None = None

    @property
    def ident(self) -> str:
        """The Message-ID, or the stand-in identity of a message without one."""
        return self.message_id or self.identity


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """A notice in the outbox (table ``outbox``): the message to send and where it stands
    (queued | sending | sent | failed | review). Read from the store, ``eml`` is the stored
    form (archived attachments by reference); a transport is handed it whole (``outbox``)."""

    id: int
    key: str
    kind: str
    message_id: str
    transport: str
    recipients: tuple[str, ...]
    subject: str
    eml: bytes
    status: str
    created_at: str
    order_no: str | None = None
    attempts: int = 0
    next_attempt_at: str | None = None
    last_error: str | None = None
    sent_at: str | None = None
    archive_path: str | None = None
    sent_rev: int | None = None

    @classmethod
    def of(cls, row: sqlite3.Row) -> "OutboxEntry":
        values: dict[str, Any] = {f.name: row[f.name] for f in fields(cls) if f.name in row.keys()}
        values["recipients"] = _string_list(values.get("recipients"))
        values["eml"] = bytes(values.get("eml") or b"")
        return cls(**values)

    @property
    def trigger(self) -> str:
        """What made the notice due: the key's last part (order_no:kind:trigger)."""
        return self.key.split(":", 2)[-1]


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """Something that needs a person (table ``review``), mirrored to the tracker's Review sheet."""

    id: int
    created_at: str
    reason: str
    status: str
    key: str | None = None
    order_no: str | None = None
    message_id: str | None = None
    link: str | None = None
    done_at: str | None = None
    rev: int = 0  # the tracker revision of its last change (migration 0012)
    off_sheet: str | None = None  # when staff deleted its row from the Review sheet (migration 0014)


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the append-only event log (table ``events``). ``detail`` is the JSON text
    as recorded (the tracker's Log shows it); ``data`` is that text decoded."""

    id: int
    at: str
    kind: str
    cause: str
    detail: str = "{}"
    order_no: str | None = None
    message_id: str | None = None

    @property
    def data(self) -> dict[str, Any]:
        try:
            value = json.loads(self.detail or "{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}


def _string_list(text: str | None) -> tuple[str, ...]:
    """A JSON list of addresses as a tuple; a damaged value is kept as one string, not lost."""
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return (str(text),)
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)
