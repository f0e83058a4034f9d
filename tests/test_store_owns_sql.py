"""The store owns its tables: no SQL outside ``mailflow/store/`` and ``mailflow/migrations/``.

Checked statically over every other module of the package, so a statement that slips in fails
here even in a branch tests never reach. Four signs of SQL are refused: a call of ``execute``,
``executemany`` or ``executescript``; ``import sqlite3``; reaching for a store's connection
(``store.conn``); and a string that reads as a SQL statement. Code that needs a table's data
asks the store for it (a method returning a value or a record from ``mailflow.store.records``).
"""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mailflow"
OWNERS = ("store", "migrations")  # the folders under mailflow/ that may hold SQL

EXECUTE = {"execute", "executemany", "executescript"}
STATEMENT = re.compile(
    r"\b(SELECT\s[\s\S]*\sFROM\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s"
    r"|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)\s|ALTER\s+TABLE\s|DROP\s+(TABLE|INDEX)\s|SAVEPOINT\s|PRAGMA\s)"
)


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in OWNERS)


def sql_in(source: str) -> list[str]:
    """Each sign of SQL in ``source``, as ``line: what``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in EXECUTE:
            found.append(f"{line}: .{node.func.attr}(...)")
        elif isinstance(node, ast.Import) and any(a.name == "sqlite3" for a in node.names):
            found.append(f"{line}: import sqlite3")
        elif isinstance(node, ast.ImportFrom) and node.module == "sqlite3":
            found.append(f"{line}: from sqlite3 import ...")
        elif isinstance(node, ast.Attribute) and node.attr == "conn" and _is_store(node.value):
            found.append(f"{line}: the store's connection")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and STATEMENT.search(node.value):
            found.append(f"{line}: SQL text {node.value[:40]!r}")
    return sorted(set(found), key=lambda s: int(s.split(":")[0]))


def _is_store(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id == "store") or (
        isinstance(node, ast.Attribute) and node.attr == "store"
    )


def test_enough_of_the_package_is_checked():
    names = {p.relative_to(PACKAGE).as_posix() for p in modules()}
    assert len(names) > 40 and "pipeline.py" in names and "outbox/__init__.py" in names
    assert not any(n.startswith("store/") for n in names)


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_sql_outside_the_store(path):
    found = sql_in(path.read_text(encoding="utf-8"))
    assert not found, (
        f"{path.relative_to(PACKAGE)} runs SQL itself ({'; '.join(found)}): "
        "add a method to the repository in mailflow/store/ that owns the table and call it"
    )


def test_the_checker_catches_each_sign_of_sql():
    sample = """
import sqlite3
rows = env.store.conn.execute("SELECT key FROM outbox WHERE id > ?", (1,))
store.conn.executemany(query, args)
text = "DELETE FROM tracker_shadow"
"""
    found = " | ".join(sql_in(sample))
    for sign in ("import sqlite3", ".execute(", ".executemany(", "the store's connection", "'DELETE FROM"):
        assert sign in found, sign


def test_the_checker_leaves_plain_words_alone():
    sample = """
log.info("Select the rows to update from the sheet")
message = "Please update the delivery date"
smtp.conn.sendmail(a, b, c)
"""
    assert sql_in(sample) == []
