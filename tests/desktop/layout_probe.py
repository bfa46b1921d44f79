"""Run by tests/desktop/test_laptop_layout.py in a fresh process on a virtual screen of a given size.

Opens each example the way ``chengyu FILE`` does, switches it to typed-in weights (so the sliders show),
and prints, as JSON, what a negotiator sees without scrolling: whether the window fits the screen,
whether the total row, the checks and the fingerprint are wholly visible, and the width and visibility
of the first five weight sliders.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget


def wholly_visible(widget: QWidget) -> bool:
    """Shown, not clipped by any parent or scroll area, and inside the window."""
    if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
        return False
    return widget.visibleRegion().boundingRect().size() == widget.size()


def last_column_shown(table) -> bool:
    """The amounts column lies wholly inside the table's viewport (no sideways scrolling to see it)."""
    last = table.model().columnCount() - 1
    right = table.columnViewportPosition(last) + table.columnWidth(last)
    return table.columnViewportPosition(last) >= 0 and right <= table.viewport().width() + 1


def settle(rounds: int = 30) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def computed(window, seconds: float = 30.0) -> None:
    """Let an instrument computed off the GUI thread deliver its result (and the columns re-fit to it)."""
    import time

    deadline = time.monotonic() + seconds
    while window.document.busy and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):  # the columns re-fit on zero-length timers, one layout pass after another: let them all run
        settle()
        time.sleep(0.02)


def probe(path: Path, folder: Path, language: str) -> dict:
    from chengyu_accord.desktop import app as accord

    window = accord.launch(path, recovery_folder=folder / "recovery")
    window.set_language(language)
    settle()
    workspace = window.workspaces[0]
    box = getattr(workspace, "basis_box", None)  # a project's factor sliders always show
    if box is not None and box.findData("weights") >= 0 and box.currentData() != "weights":
        workspace._on_basis_chosen(box.findData("weights"))
    settle()
    computed(window)
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    editor = getattr(workspace, "weights_editor", None)
    sliders = [row.slider for row in list(editor.rows.values())[:5]] if editor is not None else []
    quality = getattr(workspace, "quality", None)  # a basin's water-quality slider
    sliders += [quality.slider] if quality is not None else []
    report = {
        "screen": [screen.width(), screen.height()],
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "fits": screen.contains(frame),
        "total_row": wholly_visible(workspace.totals),
        "checks": wholly_visible(workspace.checks_box),
        "fingerprint": wholly_visible(window.status_fingerprint),
        "amount_column": wholly_visible(workspace.table) and last_column_shown(workspace.table),
        "parameters_unscrolled": not workspace.left_scroll.horizontalScrollBar().isVisible(),
        "sliders": [[slider.width(), wholly_visible(slider)] for slider in sliders],
    }
    window.document.undo_stack.setClean()
    window.close()
    settle()
    return report


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="accord-layout-"))
    from chengyu_accord.desktop import app as accord

    accord.create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    QCoreApplication.setApplicationName("AccordLayoutProbe")
    language, *files = sys.argv[1:]
    print(json.dumps({Path(name).name: probe(Path(name), folder, language) for name in files}))


if __name__ == "__main__":
    main()
