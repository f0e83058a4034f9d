"""Small status facts (table ``status``): per-mailbox liveness, the daemon's heartbeat, the
last cycle and error; JSON values by name. They never move the tracker revision."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .database import Database, dumps, iso


class StatusFacts(Database):
    def set_status(self, name: str, value: Any, now: dt.datetime) -> None:
        self.conn.execute(
            "INSERT INTO status VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
            " value = excluded.value, updated_at = excluded.updated_at",
            (name, dumps(value), iso(now)),
        )

    def get_status(self, name: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM status WHERE name = ?", (name,)).fetchone()
        return json.loads(row[0]) if row else default

    def all_status(self, prefix: str = "") -> dict[str, Any]:
        rows = self.conn.execute(
            "SELECT name, value FROM status WHERE name LIKE ? ORDER BY name", (prefix + "%",)
        ).fetchall()
        return {r[0]: json.loads(r[1]) for r in rows}
