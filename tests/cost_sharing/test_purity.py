"""Layering: the engine (cost_sharing/, data/) imports no Qt and no GUI package; widgets/ never imports desktop/."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import chengyu_accord.cost_sharing as engine

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph", "chengyu_accord.desktop", "chengyu_accord.widgets")
PURE_FOLDERS = ("cost_sharing", "data")


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
    offending = [n for n in imported_names(path) if n.split(".")[0] in FORBIDDEN or n.startswith(FORBIDDEN)]
    assert not offending, f"{path.relative_to(ROOT)} imports {offending}"


@pytest.mark.parametrize("path", sorted((ROOT / "widgets").rglob("*.py")), ids=str)
def test_reusable_widgets_do_not_depend_on_the_application(path):
    offending = [n for n in imported_names(path) if n.startswith("chengyu_accord.desktop")]
    assert not offending, f"{path.relative_to(ROOT)} imports {offending}"


def test_importing_every_engine_module_loads_no_qt():
    modules = [m.name for m in pkgutil.walk_packages(engine.__path__, "chengyu_accord.cost_sharing.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import chengyu_accord.data\n"
        f"bad = [m for m in sys.modules if m.startswith({FORBIDDEN!r})]\n"
        "assert not bad, bad\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
