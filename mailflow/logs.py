"""Logging set-up: human-readable lines to stderr by default, JSON lines on request, and a
rotating file in the workspace for the daemon.

Secrets never reach a log: passwords are ``SecretStr`` in config and URLs are logged redacted;
``RedactFilter`` is a last line of defence that masks ``user:password@`` in any message.
Mail bodies are logged at debug level only.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import re
from pathlib import Path

_URL_PASSWORD = re.compile(r"(?P<scheme>[a-z+]+://[^:/@\s]+):[^@\s]+@", re.IGNORECASE)


class RedactFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _URL_PASSWORD.sub(r"\g<scheme>:***@", message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("message_id", "order_no", "source"):
            if hasattr(record, key):
                data[key] = getattr(record, key)
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)


TEXT_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_stderr(level: int, fmt: str = "text") -> None:
    root = logging.getLogger("mailflow")
    root.setLevel(min(level, root.level or logging.WARNING) if root.handlers else level)
    for handler in list(root.handlers):
        if getattr(handler, "_mailflow_stderr", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler()
    handler._mailflow_stderr = True  # type: ignore[attr-defined]
    handler.setLevel(level)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT, "%H:%M:%S"))
    handler.addFilter(RedactFilter())
    root.addHandler(handler)
    root.setLevel(min(level, logging.INFO))
    root.propagate = False


def setup_file(folder: Path, fmt: str = "text", level: int = logging.INFO) -> Path:
    """A rotating log file in the workspace (10 files of 5 MB)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mailflow.log"
    root = logging.getLogger("mailflow")
    for handler in list(root.handlers):
        if getattr(handler, "_mailflow_file", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=5 * 1024 * 1024, backupCount=10, encoding="utf-8")
    handler._mailflow_file = True  # type: ignore[attr-defined]
    handler.setLevel(level)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    handler.addFilter(RedactFilter())
    root.addHandler(handler)
    root.setLevel(min(root.level, level))
    return path
