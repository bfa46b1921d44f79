"""Small parts the cost-sharing workspace repeats: a grey explanatory note, a row of buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

NOTE_STYLE = "color: #555;"


def note_label(parent: QWidget, object_name: str = "") -> QLabel:
    """A grey, word-wrapped line that explains the control beside it (its text is set on retranslation)."""
    label = QLabel(parent)
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons side by side from the left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
