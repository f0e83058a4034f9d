"""The shape of the imports: the pure core imports no adapter, no module imports itself back
through others, and imports sit at the top of a module.

* The pure core must not import an adapter: no mailbox, SMTP, SQLite, workbook writer or CLI.
* No import cycles among mailflow's modules. Importing ``pkg.sub`` runs ``pkg/__init__`` first, so
  from outside ``pkg`` it counts as importing ``pkg`` too: a package whose ``__init__`` imports a
  module that imports one of the package's submodules is a cycle.
* No imports inside functions ("late" imports: they hide cycles and untyped seams), except in
  ``cli.py`` (``mailflow --help`` stays fast) and the optional heavy readers, which load their
  library only when a document of their kind arrives (``LATE_ALLOWED``).

Checked statically from each module's import statements (relative imports resolved), so a
violation fails here even if the import sits in a branch tests never reach. Imports under
``if TYPE_CHECKING:`` are for annotations only and count for none of these.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mailflow"

CORE = [
    "mailflow.model",
    "mailflow.errors",
    "mailflow.urls",
    "mailflow.message",
    "mailflow.inbox_rules",
    "mailflow.plausibility",
    "mailflow.extract",
    "mailflow.notices",
    "mailflow.formats",
    "mailflow.workflow.procedure",
    "mailflow.workflow.calendar",
    "mailflow.workflow.steps",
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
        name
        for name in imports_of(module, path)
        if any(name == a or name.startswith(a + ".") for a in ADAPTERS) and name not in ALLOWED.get(module, set())
    )
    assert not bad, f"{module} imports adapter(s) {bad}: pass values in instead"


def test_the_checker_catches_a_violation(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from ..store import Store\nimport smtplib\n")
    found = imports_of("mailflow.extract.x", sample)
    assert "mailflow.store" in found and "smtplib" in found


# --------------------------------------------------------------------------- cycles and late imports

# module → the top-level names it may import inside a function (None: anything).
LATE_ALLOWED: dict[str, set[str] | None] = {
    "mailflow.cli": None,  # each command imports what it needs: `mailflow --help` loads nothing
    "mailflow.extract.pdf": {"pdfplumber", "pypdfium2"},
    "mailflow.extract.ink": {"pdfplumber", "pdfminer"},  # the PDF reader's: loaded with the first PDF
    "mailflow.extract.pdfchars": {"pdfplumber", "pdfminer"},
    "mailflow.extract.ocr": {"PIL"},
    "mailflow.extract.xlsx": {"openpyxl", "xlrd"},
    "mailflow.extract.docx": {"docx"},
}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    line: int
    target: str  # the module imported (``pkg.name`` when ``name`` is a submodule, else ``pkg``)
    late: bool  # inside a function
    text: str


def all_modules(root: Path = PACKAGE) -> dict[str, Path]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_in(module: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    """Every import statement of ``module`` except those under ``if TYPE_CHECKING:``."""
    base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: list[Import] = []

    def targets(node: ast.Import | ast.ImportFrom) -> list[str]:
        if isinstance(node, ast.Import):
            return [alias.name for alias in node.names]
        if node.level:
            target = ".".join(base[: len(base) - (node.level - 1)] + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        return [f"{target}.{a.name}" if f"{target}.{a.name}" in modules else target for a in node.names]

    def visit(node: ast.AST, late: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for other in child.orelse:
                    visit(other, late)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.extend(Import(module, child.lineno, t, late, ast.unparse(child)) for t in targets(child))
            visit(child, late or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """mailflow module → the mailflow modules importing it runs (packages of submodules included)."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for found in imports_in(name, path, modules):
            target = found.target
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if not target or target == name:
                continue
            graph[name].add(target)
            parts = target.split(".")
            for k in range(2, len(parts)):  # pkg/__init__ runs before pkg.sub, unless we are inside pkg
                package = ".".join(parts[:k])
                if package in modules and not (name == package or name.startswith(package + ".")):
                    graph[name].add(package)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def late_imports(modules: dict[str, Path]) -> list[Import]:
    """The imports inside functions that ``LATE_ALLOWED`` does not allow."""
    bad: dict[tuple[str, int], Import] = {}
    for name, path in modules.items():
        allowed = LATE_ALLOWED.get(name, set())
        for found in imports_in(name, path, modules):
            if found.late and allowed is not None and found.target.split(".")[0] not in allowed:
                bad.setdefault((found.module, found.line), found)  # one per statement
    return list(bad.values())


def test_no_import_cycles():
    found = cycles(import_graph(all_modules()))
    assert not found, "import cycles (move the shared piece to the lower module): " + "; ".join(
        " <-> ".join(c) for c in found
    )


def test_imports_sit_at_the_top_of_their_module():
    found = late_imports(all_modules())
    assert not found, "imports inside functions (move them to the top):\n" + "\n".join(
        f"{i.module}:{i.line}: {i.text}" for i in found
    )


def test_the_cycle_checker_sees_a_cycle_through_a_package(tmp_path):
    """``a`` imports ``pkg.leaf``; ``pkg/__init__`` imports ``a``: a cycle, though no module
    imports the other's exact name back."""
    root = tmp_path / "mailflow"
    (root / "pkg").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "a.py").write_text("from .pkg.leaf import X\n")
    (root / "pkg" / "__init__.py").write_text("from .. import a\n")
    (root / "pkg" / "leaf.py").write_text("X = 1\n")
    (root / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import c\n")
    (root / "c.py").write_text("from . import b\n\ndef f():\n    import json\n")
    modules = all_modules(root)
    assert cycles(import_graph(modules)) == [["mailflow.a", "mailflow.pkg"]]  # b <-> c is for annotations only
    assert [(i.module, i.text) for i in late_imports(modules)] == [("mailflow.c", "import json")]


# --------------------------------------------------------------------------- tests and bench


def test_no_test_module_imports_another():
    """Shared helpers live in tests/helpers/; a test module imported elsewhere runs its module
    code twice and hides what is shared. bench/ imports the helpers, never a test module."""
    root = PACKAGE.parent
    found = []
    for path in sorted([*(root / "tests").rglob("*.py"), *(root / "bench").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
            )
            found += [
                f"{path.relative_to(root)}:{node.lineno}: {n}"
                for n in names
                if n.split(".")[-1].startswith("test_") or n.startswith("tests.test_")
            ]
    assert not found, "test modules imported as libraries (move the helper to tests/helpers/):\n" + "\n".join(found)
