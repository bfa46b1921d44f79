"""Save screenshots of every workspace and panel into docs/screenshots/ (``bash accord screenshots``).

Runs the real application, with fresh preferences, on whatever screen Qt has: ``bash accord screenshots``
runs it three times on a virtual X screen — 1366×768 (the common government laptop), 1920×1080, and
1920×1080 at 150 % scaling (``QT_SCALE_FACTOR=1.5``, 1280×720 logical pixels) — each time in Chinese and
English. Files are named ``<view>-<language>-<screen>.png``; the window is as the application opens it,
fitted to the screen.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget


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


PROJECT_VIEWS = ("multi-city-coalition-table", "line-segment-users")
"""Project-cost examples also shot with each parameter tab and each chart (the split tab and the amounts chart are
the example's own shot)."""


def _project_views(window, stem: str, shot: Callable[[str], None]) -> None:
    """The project-cost workspace's other tabs (project, parties, game), charts (savings, yearly payments) and
    tables (stand-alone and marginal costs, the payment schedule)."""
    workspace = window.workspaces[0]
    for index, view in ((1, "project"), (2, "parties"), (3, "game")):
        workspace.tabs.setCurrentIndex(index)
        shot(f"{stem}-{view}")
    workspace.tabs.setCurrentIndex(0)
    box = workspace.chart_box
    for view in ("savings", "years", "benchmarks", "schedule"):
        box.setCurrentIndex(box.findData(view))
        box.activated.emit(box.currentIndex())
        shot(f"{stem}-{'chart' if view in ('savings', 'years') else 'table'}-{view}")
    box.setCurrentIndex(0)
    box.activated.emit(0)


BASIN_VIEWS = ("jialing-p-index", "qiongjiang-per-tonne")
"""Basin examples also shot with their other views (payments by direction, the negotiation zone, the monitoring
data) and with the water-quality slider moved past the first break-even above ×1."""


def _basin_views(window, stem: str, shot: Callable[[str], None]) -> None:
    """The ecological-compensation workspace's other views, and the payment reversed by the water-quality slider
    (undone afterwards)."""
    workspace = window.workspaces[0]
    box = workspace.chart_box
    for view in ("directions", "zone", "monitoring"):
        if view == "zone" and window.document.scenario.items[0].zone is None:
            continue
        box.setCurrentIndex(box.findData(view))
        box.activated.emit(box.currentIndex())
        shot(f"{stem}-{'table' if view == 'monitoring' else 'chart'}-{view}")
    box.setCurrentIndex(0)
    box.activated.emit(0)
    markers = sorted(scale for scale, _name in workspace.quality.slider.markers if scale > 1)
    if markers:
        past = (markers[0] * 100).to_integral_value(rounding="ROUND_CEILING") / 100 + Decimal("0.01")
        workspace.quality.scale_changed.emit(str(past), 0)
        shot(f"{stem}-slider-reversed")
        window.undo_action.trigger()


def take(folder: Path, label: str) -> list[Path]:
    """Start Accord and save every view in Chinese and English; returns the files."""
    from chengyu_accord.cost_sharing import presets

    from . import app as accord_app

    folder.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="accord-shots-"))
    application = accord_app.create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))
    QCoreApplication.setApplicationName("AccordScreenshots")
    window = accord_app.launch(recovery_folder=scratch / "recovery")
    saved: list[Path] = []

    def shot(name: str, widget: QWidget | None = None) -> None:
        _settle(lambda: not window.document.busy, seconds=0.2, timeout=60.0)  # results computed off the GUI thread
        chart = window.current_chart()
        _settle(lambda: chart is None or chart.ready, seconds=0.6)
        saved.append(_save(widget or window, folder, f"{name}-{language[:2]}-{label}.png"))

    for language in ("zh_CN", "en"):
        window.set_language(language)
        for stem, build in presets.examples().items():
            window.document.replace(build(), None)
            shot(stem)
            if stem in PROJECT_VIEWS:
                _project_views(window, stem, shot)
            if stem in BASIN_VIEWS:
                _basin_views(window, stem, shot)
        window.document.replace(presets.default_scenario(), None)
        workspace = window.workspaces[0]
        workspace._on_basis_chosen(workspace.basis_box.findData("weights"))  # as if chosen: seeded weights
        shot("workspace-weights")
        window.undo_action.trigger()
        # a split that cannot be computed: 一般公共预算收入 is missing for most districts of the default scenario
        workspace._on_basis_chosen(workspace.basis_box.findData("budget_revenue"))
        shot("workspace-missing-figure")
        window.undo_action.trigger()
        window.parties_dock.show()
        window.parties_panel.members_only.setChecked(True)
        shot("parties-panel")
        window.parties_dock.hide()
        window.agreement_dock.show()
        _settle(lambda: window.agreement_editor.articles.count() > 3)
        window.agreement_editor.articles.setCurrentRow(3)
        shot("agreement-panel")
        window.agreement_dock.hide()
        window.details_dock.show()
        shot("agreement-details")
        window.details_dock.hide()
    window.document.undo_stack.setClean()
    window.close()
    application.processEvents()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chengyu_accord.desktop.screenshots", description=__doc__)
    parser.add_argument("--output", type=Path, default=Path("docs/screenshots"), help="folder for the PNG files")
    parser.add_argument("--label", default="screen", help="the screen's name in the file names, e.g. 1366x768")
    args = parser.parse_args(argv)
    take(args.output, args.label)
    return 0


if __name__ == "__main__":
    sys.exit(main())
