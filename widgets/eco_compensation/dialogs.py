"""The dialogs of the monitoring data, each behind one plain function a test replaces (pytest-qt's note on dialogs).

The workspace calls them through the module (``dialogs.ask_import_path(...)``); the problems of a refused import
are listed in :class:`ImportProblemsDialog`, one line per problem, its row first.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QListWidget, QVBoxLayout, QWidget

CSV_FILTER = "CSV UTF-8 (*.csv)"
XLSX_FILTER = "Excel (*.xlsx)"


def ask_import_path(parent: QWidget | None, start_dir: str) -> Path | None:
    """Choose a CSV or Excel file of monitoring samples; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("EcoWorkspace", "Import monitoring data"),
        start_dir,
        QCoreApplication.translate("EcoWorkspace", "Monitoring data (*.csv *.xlsx);;All files (*)"),
    )
    return Path(name) if name else None


def ask_export_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Choose where to export the samples; the suffix (.csv or .xlsx) chooses the format."""
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("EcoWorkspace", "Export monitoring data"),
        suggested,
        f"{CSV_FILTER};;{XLSX_FILTER}",
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        path = path.with_suffix(".xlsx" if chosen == XLSX_FILTER else ".csv")
    return path


class ImportProblemsDialog(QDialog):
    """Why a file was not imported: every problem, its row first; nothing was changed."""

    def __init__(self, file_name: str, problems: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_problems")
        self.setWindowTitle(QCoreApplication.translate("EcoWorkspace", "Monitoring data not imported"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        summary = QCoreApplication.translate(
            "EcoWorkspace",
            "“%1” was not imported: %2 problem(s) found. The monitoring data are unchanged; correct the file and "
            "import it again.",
        )
        self.summary.setText(summary.replace("%1", file_name).replace("%2", str(len(problems))))
        self.problems = QListWidget(self)
        self.problems.setObjectName("import_problem_list")
        self.problems.setWordWrap(True)
        self.problems.addItems(list(problems))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def texts(self) -> list[str]:
        return [self.problems.item(row).text() for row in range(self.problems.count())]


def show_import_problems(parent: QWidget | None, file_name: str, problems: Sequence[str]) -> None:
    """List why a file was not imported (modal)."""
    dialog = ImportProblemsDialog(file_name, problems, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
