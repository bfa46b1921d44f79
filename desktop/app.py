"""Placeholder application window until the app shell lands."""

from __future__ import annotations

import sys
from pathlib import Path


def run(path: Path | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("成渝协同 Accord")
    window.setCentralWidget(QLabel(str(path) if path else "默认情景"))
    window.show()
    return app.exec()
