"""The pure core must not import an adapter: no mailbox, SMTP, SQLite, workbook writer or CLI.

Checked statically from each core module's import statements (relative imports resolved), so a
violation fails here even if the import sits in a branch tests never reach.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mailflow"

CORE = [
    "mailflow.model",
    "mailflow.errors",
    "mailflow.urls",
    "mailflow.message",
    "mailflow.classify",
    "mailflow.inbox_rules",
    "mailflow.plausibility",
    "mailflow.extract",
    "mailflow.notices",
    "mailflow.workflow.procedure",
    "mailflow.workflow.calendar",
]
ADAPTERS = (
    "mailflow.sources",
    "mailflow.outbox",
    "mailflow.tracker",
    "mailflow.store",
    "mailflow.pipeline",
    "mailflow.daemon",
    "mailflow.cli",
    "mailflow.documents",
    "imapclient",
    "imaplib",
    "smtplib",
    "sqlite3",
    "socket",
    "subprocess",
)
# Exceptions, each with its reason. OCR runs the Tesseract program as a pure function (image bytes
# in, words out, no state, no network): it is a reader like pdfplumber, not a mailbox or a store.
ALLOWED = {
    "mailflow.extract.ocr": {"subprocess"},
}


def module_files(name: str) -> list[tuple[str, Path]]:
    relative = Path(*name.split(".")[1:])
    package = PACKAGE / relative
    if package.is_dir():
        return [(f"{name}.{p.stem}" if p.stem != "__init__" else name, p) for p in sorted(package.rglob("*.py"))]
    file = package.with_suffix(".py")
    return [(name, file)] if file.exists() else []


def imports_of(module: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    base = module.split(".") if is_package else module.split(".")[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parent = base[: len(base) - (node.level - 1)]
                target = ".".join(parent + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def core_files():
    out = []
    for name in CORE:
        out += module_files(name)
    return out


def test_enough_of_the_core_exists_to_check():
    assert len(core_files()) >= 5


@pytest.mark.parametrize("module,path", core_files(), ids=lambda v: str(v) if isinstance(v, str) else "")
def test_core_module_imports_no_adapter(module, path):
    bad = sorted(
        name for name in imports_of(module, path)
        if any(name == a or name.startswith(a + ".") for a in ADAPTERS)
        and name not in ALLOWED.get(module, set())
    )
    assert not bad, f"{module} imports adapter(s) {bad}: pass values in instead"


def test_the_checker_catches_a_violation(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from ..store import Store\nimport smtplib\n")
    found = imports_of("mailflow.extract.x", sample)
    assert "mailflow.store" in found and "smtplib" in found
