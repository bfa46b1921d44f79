"""Save a screenshot of each workspace and panel into docs/screenshots/ (``bash accord screenshots``).

Runs the real application on whatever screen Qt has — ``bash accord screenshots``
gives it a 1600×1000 virtual X screen — with fresh preferences, so the README
and the guide show what the application looks like today.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

SIZE = (1600, 1000)


def _settle(until: Callable[[], bool] = lambda: True, seconds: float = 0.4, timeout: float = 15.0) -> None:
    """Let the event loop run until ``until()`` holds, then a little longer so painting is done."""
    deadline = time.monotonic() + timeout
    while not until() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def _save(widget: QWidget, folder: Path, name: str) -> Path:
    path = folder / name
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def take(folder: Path) -> list[Path]:
    """Start Accord, save one PNG per workspace and panel, in Chinese and English; returns the files."""
    from . import app as accord_app
    from . import dialogs

    folder.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="accord-shots-"))
    application = accord_app.create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))
    QCoreApplication.setApplicationName("AccordScreenshots")
    window = accord_app.launch(recovery_folder=scratch / "recovery")
    window.resize(*SIZE)
    window.move(0, 0)
    chart = window.current_chart()
    _settle(lambda: chart is None or chart.ready, seconds=1.0)
    saved = [_save(window, folder, "main-window-zh.png")]
    saved.append(_save(window.parties_panel, folder, "parties-panel.png"))

    workspace = window.workspaces[0]
    basis = workspace.basis_box
    basis.setCurrentIndex(basis.count() - 1)
    basis.activated.emit(basis.count() - 1)  # as if chosen: typed-in weights, seeded from the shares
    _settle()
    saved.append(_save(window, folder, "workspace-weights-zh.png"))
    window.undo_action.trigger()

    def grab_box(parent: QWidget | None, title: str, html: str) -> None:
        box = QMessageBox(parent)
        box.setWindowTitle(title)
        box.setText(html)
        box.show()
        _settle()
        saved.append(_save(box, folder, "about.png"))
        box.close()

    shown_info = dialogs.show_info
    dialogs.show_info = grab_box
    try:
        window.about_action.trigger()
    finally:
        dialogs.show_info = shown_info

    # The agreement panel, on the payment article
    window.agreement_dock.show()
    _settle(lambda: window.agreement_editor.articles.count() > 0)
    editor = window.agreement_editor
    for row in range(editor.articles.count()):
        if editor.articles.item(row).text().startswith("第四条"):
            editor.articles.setCurrentRow(row)
    _settle()
    saved.append(_save(window, folder, "agreement-panel-zh.png"))
    window.agreement_dock.hide()

    window.set_language("en")
    _settle()
    saved.append(_save(window, folder, "main-window-en.png"))
    window.set_language("zh_CN")

    # A split that cannot be computed: 一般公共预算收入 is missing for most districts of the default scenario.
    basis.setCurrentIndex(basis.findData("budget_revenue"))
    basis.activated.emit(basis.currentIndex())
    _settle()
    saved.append(_save(window, folder, "workspace-missing-figure-zh.png"))
    window.undo_action.trigger()

    # The integration-fund example: an assumed amount, split by GDP among the 15 Sichuan cities.
    from chengyu_accord.cost_sharing import presets

    window.document.replace(presets.examples()["sichuan-fund-by-gdp"](), None)
    chart = window.current_chart()
    _settle(lambda: chart is None or chart.ready, seconds=1.0)
    saved.append(_save(window, folder, "workspace-gdp-zh.png"))
    window.document.undo_stack.setClean()
    window.close()
    application.processEvents()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chengyu_accord.desktop.screenshots", description=__doc__)
    parser.add_argument("--output", type=Path, default=Path("docs/screenshots"), help="folder for the PNG files")
    args = parser.parse_args(argv)
    take(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
