"""Layering: the engine (cost_sharing/, data/) and the exporters (desktop/export/) import no Qt and no GUI package;
widgets/ never imports desktop/; shared code reaches an item kind only through its instrument."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import chengyu_accord.cost_sharing as engine
import chengyu_accord.desktop.export as export
from chengyu_accord.cost_sharing.instrument import instruments

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph", "chengyu_accord.desktop", "chengyu_accord.widgets")
PURE_FOLDERS = ("cost_sharing", "data", "desktop/export")


def imported_names(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the file's package folder
                base = path.relative_to(ROOT).parent.parts[: len(path.relative_to(ROOT).parent.parts) - node.level + 1]
                names.append(".".join(("chengyu_accord", *base, node.module or "")))
            else:
                names.append(node.module or "")
    return names


@pytest.mark.parametrize("path", [p for folder in PURE_FOLDERS for p in sorted((ROOT / folder).rglob("*.py"))], ids=str)
def test_no_gui_import_in_pure_packages(path):
    names = [n for n in imported_names(path) if not n.startswith("chengyu_accord.desktop.export")]  # itself
    offending = [n for n in names if n.split(".")[0] in FORBIDDEN or n.startswith(FORBIDDEN)]
    assert not offending, f"{path.relative_to(ROOT)} imports {offending}"


@pytest.mark.parametrize("path", sorted((ROOT / "widgets").rglob("*.py")), ids=str)
def test_reusable_widgets_do_not_depend_on_the_application(path):
    offending = [n for n in imported_names(path) if n.startswith("chengyu_accord.desktop")]
    assert not offending, f"{path.relative_to(ROOT)} imports {offending}"


def test_importing_every_engine_module_loads_no_qt():
    modules = [m.name for m in pkgutil.walk_packages(engine.__path__, "chengyu_accord.cost_sharing.")]
    modules += [m.name for m in pkgutil.walk_packages(export.__path__, "chengyu_accord.desktop.export.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import chengyu_accord.data\n"
        "def own(m): return m == 'chengyu_accord.desktop' or m.startswith('chengyu_accord.desktop.export')\n"
        f"bad = [m for m in sys.modules if m.startswith({FORBIDDEN!r}) and not own(m)]\n"
        "assert not bad, bad\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


SHARED_ENGINE = [
    p
    for p in sorted((ROOT / "cost_sharing").rglob("*.py"))
    if "instruments" not in p.relative_to(ROOT / "cost_sharing").parts
]


@pytest.mark.parametrize("path", SHARED_ENGINE + sorted((ROOT / "desktop").glob("*.py")), ids=str)
def test_shared_code_names_no_item_kind(path):
    """Shared code goes through the instrument descriptor: no kind names, no imports of an instrument's folder."""
    text = path.read_text(encoding="utf-8")
    folders = sorted(p.name for p in (ROOT / "cost_sharing" / "instruments").iterdir() if (p / "__init__.py").exists())
    kinds = sorted(i.kind for i in instruments())
    named = [k for k in kinds if k in text] + [f for f in folders if f"instruments.{f}" in text or f"/{f}/" in text]
    assert not named, f"{path.relative_to(ROOT)} names an item kind or an instrument's folder: {named}"


SHARED_QT = sorted((ROOT / "widgets").glob("*.py")) + sorted((ROOT / "desktop").rglob("*.py"))


def _is_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.Tuple | ast.List | ast.Set) and all(_is_literal(e) for e in node.elts)


def _name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""


def _kind_switches(path: Path) -> list[int]:
    """Lines that compare something named ``kind`` with a literal (``kind == "..."``, ``x.kind in (...)``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_name(o) == "kind" for o in operands) and any(_is_literal(o) for o in operands):
                lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("path", SHARED_ENGINE + SHARED_QT, ids=str)
def test_shared_code_does_not_switch_on_an_item_kind(path):
    """An item is reached through its instrument's descriptor (``instrument_for(item.kind)``), never a switch."""
    switches = _kind_switches(path)
    assert not switches, f"{path.relative_to(ROOT)} compares a kind at lines {switches}"


def test_registering_the_instruments_loads_no_solver():
    """The window opens before any heavy library is needed: registering every instrument at start-up imports
    neither numpy nor scipy (they load with the first computation that needs them)."""
    code = (
        "import sys\n"
        "import chengyu_accord.cost_sharing.instruments, chengyu_accord.cost_sharing.engine\n"
        "heavy = [m for m in ('numpy', 'scipy', 'scipy.optimize') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
