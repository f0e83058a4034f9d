"""Small status facts (table ``status``): per-mailbox liveness, the daemon's heartbeat, the
last cycle and error; JSON values by name. They never move the tracker revision."""

from __future__ import annotations

import datetime as dt
import json
import secrets
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

    def workspace_secret(self, now: dt.datetime) -> str:
        """A random secret made once for this workspace and kept with its state: what makes the
        Message-IDs of its notices impossible to guess from the workspace's name (a reply is
        matched to our notice by them). Never shown by ``mailflow status``."""
        name = "secret:message_id"
        value = self.get_status(name)
        if not value:
            self.conn.execute(
                "INSERT INTO status VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                (name, dumps(secrets.token_hex(32)), iso(now)),
            )
            value = self.get_status(name)  # another process may have made it first: theirs stands
        return str(value)
