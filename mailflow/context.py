"""``Env``: what one run of mailflow works with, passed explicitly (no globals).

Built once by the CLI or the daemon from a validated ``Config``; tests build their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from zoneinfo import ZoneInfo

from .archive import Archive
from .config import Config
from .store import Store
from .inbox_rules import load_rules


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class Env:
    config: Config
    store: Store
    archive: Archive
    rules: list[Any] = field(default_factory=list)
    clock: Callable[[], dt.datetime] = system_clock
    dry_run: bool = False

    @classmethod
    def open(cls, config: Config, clock: Callable[[], dt.datetime] | None = None) -> "Env":
        rules_dir = config.path(config.workspace.rules)
        rules = load_rules(rules_dir) if rules_dir.exists() else []
        return cls(
            config=config,
            store=Store(config.path(config.workspace.state_db)),
            archive=Archive(config.path(config.workspace.archive)),
            rules=rules,
            clock=clock or system_clock,
        )

    def now(self) -> dt.datetime:
        return self.clock()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.config.calendar.timezone)

    def today(self) -> dt.date:
        """The local date at the company (deadlines count local working days)."""
        return self.now().astimezone(self.tz).date()

    def path(self, value: Path) -> Path:
        return self.config.path(value)

    def close(self) -> None:
        self.store.close()


def fixed_clock(at: dt.datetime) -> Callable[[], dt.datetime]:
    """The clock for ``--now``: time stands still at ``at`` for the whole run."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    return lambda: at
