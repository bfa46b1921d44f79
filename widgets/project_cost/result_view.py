"""A result table of a project-cost item read as a table in the chart column, with its total row.

The chart column's chooser offers, besides the charts, the engine's tables a chart does not show well: the
stand-alone and marginal costs with each party's saving, and the payment schedule. They are shown through the
engine's one shown rounding (:func:`~chengyu_accord.cost_sharing.results.shown_table`), so the columns add up
to the total row as shown. A negative figure (a party paying more than building alone) is written in red.
"""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.results import ShownTable

from ..result_table import NEGATIVE_COLOUR, FrozenTotalRow, ResultTableModel
from .parts import note_label

HEADER_LETTERS = 14
HEADER_HANZI = 8


class WrappedHeaderModel(ResultTableModel):
    """The base's table model, with long method names wrapped onto lines of a few words (the unit stays below)."""

    def header_text(self, section: int) -> str:
        text = super().header_text(section)
        if section == 0 or self.shown is None or section > len(self.shown.table.columns):
            return text
        label, newline, unit = text.partition("\n")
        return wrap_label(label) + newline + unit


def wrap_label(label: str) -> str:
    """A column label on lines of about HEADER_LETTERS letters (Chinese: HEADER_HANZI), broken at spaces or
    before an opening bracket."""
    if any(ord(c) >= 0x2E80 for c in label):
        if len(label) <= HEADER_HANZI:
            return label
        for bracket in ("（", "("):
            at = label.find(bracket)
            if at > 0:
                return label[:at] + "\n" + label[at:]
        return "\n".join(label[i : i + HEADER_HANZI] for i in range(0, len(label), HEADER_HANZI))
    return "\n".join(textwrap.wrap(label, HEADER_LETTERS, break_long_words=False)) or label


class SignedTableModel(WrappedHeaderModel):
    """Wrapped headers, and negative shown figures in red (the text keeps its minus sign)."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and self.shown is not None:
            column = index.column() - 1
            if 0 <= column < len(self.shown.table.columns):
                value = self.shown.cells[index.row()][column]
                if value is not None and value < 0:
                    return QBrush(NEGATIVE_COLOUR)
        return super().data(index, role)


class ResultTableView(QWidget):
    """A title, a note, a read-only table and its frozen bold total row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("table_view_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.note = note_label(self, "table_view_note")
        self.model = SignedTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("table_view")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.totals = FrozenTotalRow(self.table, self)
        self.totals.setObjectName("table_view_totals")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addSpacing(4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addSpacing(4)
        layout.addWidget(self.note)
        layout.addStretch(1)  # a few parties: the total row right under them, not at the foot of the column

    def set_table(self, shown: ShownTable, row_header: str, title: str, note: str = "") -> None:
        """Show ``shown`` (already rounded once for display) under ``title``, with ``note`` below it."""
        if self.title.text() != title:
            self.title.setText(title)
        if self.note.text() != note:
            self.note.setText(note)
        self.note.setVisible(bool(note))
        self.model.set_table(shown, row_header)
        self.table.resizeColumnsToContents()  # names and figures whole, in either language
        self._update_totals()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the header and the rows (and a horizontal scroll bar, when the column is narrow)."""
        table = self.table
        rows = sum(table.rowHeight(r) for r in range(self.model.rowCount()))
        height = table.horizontalHeader().sizeHint().height() + rows + table.frameWidth() * 2
        height += table.horizontalScrollBar().sizeHint().height()
        if table.maximumHeight() != height:
            table.setMaximumHeight(height)

    def texts(self) -> list[list[str]]:
        """Every cell as shown, row by row (column 0 names the party)."""
        return [
            [self.model.index(r, c).data() for c in range(self.model.columnCount())]
            for r in range(self.model.rowCount())
        ]

    def total_texts(self) -> list[str]:
        return self.totals.texts()

    def _update_totals(self) -> None:
        shown = self.model.shown
        negative = frozenset(
            column + 1
            for column, value in enumerate(shown.totals if shown is not None else ())
            if value is not None and value < 0
        )
        self.totals.set_texts(self.model.total_texts(), negative)
