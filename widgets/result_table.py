"""Read-only table model of any instrument's result table, with a frozen total row.

It shows the engine's one shown rounding (:func:`~chengyu_accord.cost_sharing.results.shown_table`)
through the same text functions the agreement prints with, so the screen and the
paper cannot disagree. Exact values are available under :data:`RAW_VALUE_ROLE`
(fen, exact shares as fractions, exact quantities). A missing value is shown as
missing, never as zero. The total row is not part of the model: :meth:`total_texts`
feeds a separate one-row view that stays visible while the rows scroll.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QTableView, QTableWidget, QTableWidgetItem, QWidget

from chengyu_accord.cost_sharing.money import Unit, format_amount
from chengyu_accord.cost_sharing.results import Quantity, ShownTable, shown_text, shown_total_text

from .labels import missing_text, tag_label, tag_marker, ui_language, words

RAW_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
MISSING_COLOUR = QColor("#888888")
EMPHASIS_MARK = "★"
"""Before the name of the column the agreement adopts (also drawn in bold); in every CJK font of the GB 2312 set."""
FLAG_BACKGROUNDS = {"error": QColor("#f8d0d4"), "warning": QColor("#fde7b0"), "info": QColor("#dcebfa")}
"""Flagged cells (an amount above a party's stand-alone cost, say): light enough to read the figure on a projector."""
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def unit_name(unit: Unit) -> str:
    return unit.label_zh if ui_language() == "zh" else unit.label_en


class ResultTableModel(QAbstractTableModel):
    """Column 0 names the row (party, section, member); then the table's columns; then a total if it has one."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.shown: ShownTable | None = None
        self.row_header = ""

    def set_table(self, shown: ShownTable | None, row_header: str = "") -> None:
        """Show ``shown``; rows and columns are reset only when their keys change (a slider step only repaints)."""
        old = self.shown
        same_shape = (
            old is not None
            and shown is not None
            and [r.key for r in old.table.rows] == [r.key for r in shown.table.rows]
            and [c.key for c in old.table.columns] == [c.key for c in shown.table.columns]
            and old.table.row_totals == shown.table.row_totals
        )
        if not same_shape:
            self.beginResetModel()
        self.shown, self.row_header = shown, row_header
        if same_shape:
            self.refresh()
        else:
            self.endResetModel()

    def refresh(self) -> None:
        """Repaint every cell and header (numbers or the language changed, not the shape)."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() or self.shown is None else len(self.shown.table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        if parent.isValid() or self.shown is None:
            return 0
        return 1 + len(self.shown.table.columns) + (1 if self.shown.row_totals is not None else 0)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self.shown is None:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == 0 else _RIGHT
        if role == Qt.ItemDataRole.FontRole and self._emphasised(section):
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole and self._emphasised(section):
            return QCoreApplication.translate("ResultTableModel", "The agreement uses this column.")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.header_text(section)

    def _emphasised(self, section: int) -> bool:
        """Whether model column ``section`` is the table's emphasised column (the split the agreement adopts)."""
        table = self.shown.table if self.shown is not None else None
        return bool(table and table.emphasis and 0 < section <= len(table.columns)) and (
            table.columns[section - 1].key == table.emphasis  # type: ignore[union-attr]
        )

    def header_text(self, section: int) -> str:
        if section == 0:
            return self.row_header
        columns = self.shown.table.columns
        if section > len(columns):
            return (
                QCoreApplication.translate("ResultTableModel", "Total (%1)")
                .replace("%1", unit_name(self.shown.precision.unit))
                .replace(" (", "\n(")
                .replace("（", "\n（")
            )
        column = columns[section - 1]
        label = words(column.label)
        if self._emphasised(section):
            label = f"{EMPHASIS_MARK}{label}"
        # the unit on a line of its own keeps columns narrow enough for a laptop's screen
        if column.measure == "money":
            return f"{label}\n({unit_name(self.shown.precision.unit)})"
        if column.unit is not None:
            return f"{label}\n({words(column.unit)})"
        return label

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.shown is None:
            return None
        row, col = index.row(), index.column()
        table = self.shown.table
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if col == 0 else _RIGHT
        if role == ROW_KEY_ROLE:
            return table.rows[row].key
        if col == 0:
            return words(table.rows[row].label) if role == Qt.ItemDataRole.DisplayRole else None
        if col > len(table.columns):  # the row total
            if role == Qt.ItemDataRole.DisplayRole:
                return shown_text_of_row_total(self.shown, row)
            if role == RAW_VALUE_ROLE:
                return table.row_total(table.rows[row])
            return None
        cell = table.rows[row].cells[col - 1]
        if table.notes and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            notes = table.note_at(table.rows[row].key, table.columns[col - 1].key)
            if notes and role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(FLAG_BACKGROUNDS[notes[0].level])
            if notes:
                return "\n".join(words(n.message) for n in notes)
        if role == Qt.ItemDataRole.DisplayRole:
            text = shown_text(self.shown, row, col - 1)
            if cell is None and table.columns[col - 1].measure == "value":
                return missing_text()
            if isinstance(cell, Quantity) and cell.tag and tag_marker(cell.tag):
                return f"{text} {tag_marker(cell.tag)}"
            return text
        if role == RAW_VALUE_ROLE:
            return cell.value if isinstance(cell, Quantity) else cell
        if role == Qt.ItemDataRole.ForegroundRole and cell is None:
            return QBrush(MISSING_COLOUR)
        if role == Qt.ItemDataRole.FontRole and self._emphasised(col):
            return _bold()
        if role == Qt.ItemDataRole.FontRole and isinstance(cell, Quantity) and cell.tag == "user":
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(cell, Quantity) and cell.tag:
            lines = [
                QCoreApplication.translate("ResultTableModel", "Provenance: %1").replace(
                    "%1", f"[{cell.tag}] {tag_label(cell.tag)}"
                )
            ]
            if cell.year:
                lines.append(QCoreApplication.translate("ResultTableModel", "Year: %1").replace("%1", str(cell.year)))
            if cell.source:
                lines.append(QCoreApplication.translate("ResultTableModel", "Source: %1").replace("%1", cell.source))
            return "\n".join(lines)
        return None

    def total_texts(self) -> list[str]:
        """The total row as shown, one text per column (the frozen footer of the table)."""
        if self.shown is None:
            return []
        texts = [QCoreApplication.translate("ResultTableModel", "Total")]
        texts.extend(shown_total_text(self.shown, c) for c in range(len(self.shown.table.columns)))
        if self.shown.row_totals is not None:
            texts.append(shown_text_of_grand_total(self.shown))
        return texts

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def shown_text_of_row_total(shown: ShownTable, row: int) -> str:
    return format_amount(shown.row_totals[row], shown.precision, with_unit=False)  # type: ignore[index]


def shown_text_of_grand_total(shown: ShownTable) -> str:
    return format_amount(shown.grand_total, shown.precision, with_unit=False)  # type: ignore[arg-type]


NEGATIVE_COLOUR = QColor("#b00020")
"""A negative amount where one must stand out (a saving below zero: the party pays more than building alone)."""
TOTAL_PADDING = 16
"""Pixels beside a bold total in its cell: the total is always whole, never "100.0…"."""


class FrozenTotalRow(QTableWidget):
    """The total row under a result table, kept visible while the rows scroll: its columns follow the table's
    widths and sideways scrolling, and a table column too narrow for its bold total is widened."""

    def __init__(self, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(1, 0, parent)
        self.table = table
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setFixedHeight(self.fontMetrics().height() + 14)
        table.horizontalHeader().sectionResized.connect(lambda index, _old, new: self.setColumnWidth(index, new))
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)

    def set_texts(self, texts: list[str], negative: frozenset[int] = frozenset()) -> None:
        """Show ``texts`` (column 0 says "Total"); the columns in ``negative`` in the colour of a negative amount.
        On a slider step only the texts that changed are set (each set repaints)."""
        if self.columnCount() != len(texts):
            self.setColumnCount(len(texts))
            self.setHorizontalHeaderLabels([""] * len(texts))  # hidden, but no stray "1, 2, 3" either
            font = self.font()
            font.setBold(True)
            for column in range(len(texts)):
                cell = QTableWidgetItem()
                cell.setFont(font)
                alignment = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
                cell.setTextAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(0, column, cell)
        self.setVisible(bool(texts))
        header = self.table.horizontalHeader()
        metrics = QFontMetrics(self.item(0, 0).font()) if texts else None
        for column, text in enumerate(texts):
            cell = self.item(0, column)
            colour = NEGATIVE_COLOUR if column in negative else self.palette().text().color()
            if (
                cell.text() == text
                and self.columnWidth(column) == header.sectionSize(column)
                and cell.foreground().color() == colour
            ):
                continue
            needed = metrics.horizontalAdvance(text) + TOTAL_PADDING  # type: ignore[union-attr]
            if header.sectionSize(column) < needed:
                header.resizeSection(column, needed)
            cell.setText(text)
            cell.setForeground(QBrush(colour))
            self.setColumnWidth(column, header.sectionSize(column))

    def texts(self) -> list[str]:
        return [self.item(0, c).text() for c in range(self.columnCount())]
