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
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.results import ShownTable

from ..result_table import ResultTableModel

HEADER_LETTERS = 14
HEADER_HANZI = 8
NEGATIVE_COLOUR = QColor("#b00020")
TOTAL_PADDING = 16


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
        self.note = QLabel(self)
        self.note.setObjectName("table_view_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
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
        self.totals = QTableWidget(1, 0, self)
        self.totals.setObjectName("table_view_totals")
        self.totals.horizontalHeader().hide()
        self.totals.verticalHeader().hide()
        self.totals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.totals.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.totals.setFixedHeight(self.fontMetrics().height() + 14)
        header.sectionResized.connect(lambda index, _old, new: self.totals.setColumnWidth(index, new))
        self.table.horizontalScrollBar().valueChanged.connect(self.totals.horizontalScrollBar().setValue)
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
        return [self.totals.item(0, c).text() for c in range(self.totals.columnCount())]

    def _negative_total(self, column: int) -> bool:
        shown = self.model.shown
        if shown is None or not 0 < column <= len(shown.totals):
            return False
        value = shown.totals[column - 1]
        return value is not None and value < 0

    def _update_totals(self) -> None:
        texts = self.model.total_texts()
        if self.totals.columnCount() != len(texts):
            self.totals.setColumnCount(len(texts))
            self.totals.setHorizontalHeaderLabels([""] * len(texts))
            font = self.totals.font()
            font.setBold(True)
            for column in range(len(texts)):
                cell = QTableWidgetItem()
                cell.setFont(font)
                alignment = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
                cell.setTextAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
                self.totals.setItem(0, column, cell)
        self.totals.setVisible(bool(texts))
        header = self.table.horizontalHeader()
        for column, text in enumerate(texts):
            cell = self.totals.item(0, column)
            metrics = QFontMetrics(cell.font())
            needed = metrics.horizontalAdvance(text) + TOTAL_PADDING  # the bold totals whole, never "100.0…"
            if header.sectionSize(column) < needed:
                header.resizeSection(column, needed)
            cell.setText(text)
            if self._negative_total(column):
                cell.setForeground(QBrush(NEGATIVE_COLOUR))
            else:
                cell.setForeground(QBrush(self.palette().text()))
            self.totals.setColumnWidth(column, header.sectionSize(column))
