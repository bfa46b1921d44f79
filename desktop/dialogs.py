"""Every modal dialog of the application, each behind one plain function.

The rest of the application never opens a QMessageBox or QFileDialog itself; it
calls these functions through the module (``dialogs.ask_restore(...)``), so a
test replaces them with ``monkeypatch.setattr(dialogs, "ask_restore", ...)``
and never hangs on a modal window (pytest-qt's note on dialogs).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

if TYPE_CHECKING:
    from chengyu_accord.cost_sharing.scenario import Party

    from .new_scenario import NewScenarioChoice


class SaveChoice(enum.Enum):
    """The answer to "save your changes?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


@dataclass(frozen=True)
class CustomPartyInput:
    """What the user typed for a party that is not in the embedded data."""

    name_zh: str
    name_en: str
    province: str | None


def ask_restore(parent: QWidget | None, saved_at: str, title: str) -> bool:
    """After a crash: offer to restore the autosaved session. True means restore."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Restore unsaved work?"))
    box.setText(
        QCoreApplication.translate("Dialogs", "Accord did not close properly last time.")
        + "\n"
        + QCoreApplication.translate("Dialogs", "A recovery copy of “%1” from %2 was found. Restore it?")
        .replace("%1", title)
        .replace("%2", saved_at)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_save_changes(parent: QWidget | None, title: str) -> SaveChoice:
    """Before closing or replacing a scenario with unsaved changes: save, discard or cancel."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Unsaved changes"))
    box.setText(QCoreApplication.translate("Dialogs", "“%1” has unsaved changes. Save them?").replace("%1", title))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    answer = box.exec()
    return {buttons.Save: SaveChoice.SAVE, buttons.Discard: SaveChoice.DISCARD}.get(answer, SaveChoice.CANCEL)


def ask_open_path(parent: QWidget | None, start_dir: str) -> Path | None:
    """Choose a scenario file to open; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Dialogs", "Open scenario"),
        start_dir,
        QCoreApplication.translate("Dialogs", "Accord scenario (*.json)"),
    )
    return Path(name) if name else None


def ask_save_path(parent: QWidget | None, suggested: str, file_filter: str) -> Path | None:
    """Choose where to save (a scenario, a PDF, a chart image); None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Dialogs", "Save as"), suggested, file_filter
    )
    return Path(name) if name else None


def show_error(parent: QWidget | None, what: str, todo: str, details: Sequence[str] = ()) -> None:
    """Tell the user what went wrong and what to do; the session stays as it was."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Something went wrong"))
    box.setText(what)
    box.setInformativeText(todo)
    if details:
        box.setDetailedText("\n".join(details))
    box.exec()


def show_info(parent: QWidget | None, title: str, html: str) -> None:
    """An information window (About, data sources) with rich text and clickable links."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(html)
    box.exec()


def ask_custom_party(parent: QWidget | None, provinces: Sequence[tuple[str, str]]) -> CustomPartyInput | None:
    """Ask for a party that is not in the embedded data; ``provinces`` are (key, label) pairs."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("Dialogs", "Add a custom party"))
    form = QFormLayout(dialog)
    name_zh = QLineEdit(dialog)
    name_en = QLineEdit(dialog)
    province = QComboBox(dialog)
    province.addItem(QCoreApplication.translate("Dialogs", "(none)"), None)
    for key, label in provinces:
        province.addItem(label, key)
    form.addRow(QCoreApplication.translate("Dialogs", "Chinese name"), name_zh)
    form.addRow(QCoreApplication.translate("Dialogs", "English name"), name_en)
    form.addRow(QCoreApplication.translate("Dialogs", "Province"), province)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted or not name_zh.text().strip():
        return None
    return CustomPartyInput(name_zh.text().strip(), name_en.text().strip(), province.currentData())


def ask_new_scenario(parent: QWidget | None, catalogue: Sequence[Party]) -> NewScenarioChoice | None:
    """File ▸ New: instrument, parties from ``catalogue``, amount and title of a blank scenario; None if cancelled."""
    from .new_scenario import NewScenarioDialog  # the dialog module asks through this one

    dialog = NewScenarioDialog(catalogue, parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
