"""The Source protocol: a mailbox the pipeline reads from.

A source yields ``Fetched`` items (raw bytes plus where they came from) and, once the pipeline
has committed a message's effects, is told ``mark_done``. Sources never decide whether a message
was already processed by its flags alone: the store's ledger is the truth (never rely on \\Seen).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Protocol


@dataclass(frozen=True)
class Fetched:
    source: str  # "maildir:<path>" or "imap:<account>/<folder>": the ledger's source column
    source_key: str  # Maildir key, or "<uidvalidity>:<uid>"
    raw: bytes = field(repr=False)
    uidvalidity: int | None = None
    uid: int | None = None
    oversize: int | None = None  # set (to the size) when the body was not fetched: over the limit


class Source(Protocol):
    name: str

    def fetch_new(self) -> Iterator[Fetched]:
        """Messages not yet recorded in the ledger (the source may consult the store)."""
        ...

    def mark_done(self, item: Fetched) -> None:
        """Apply the after-processing action; called only after the effects are committed."""
        ...

    def wait(self, timeout: float) -> bool:
        """Block until new mail may have arrived (IDLE) or ``timeout`` seconds; True if woken."""
        ...

    def close(self) -> None: ...
