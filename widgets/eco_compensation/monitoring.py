"""The monitoring samples of a basin agreement as a table: a pandas-backed Qt model and the panel around it.

:class:`MonitoringModel` is a read-only adapter over a DataFrame built from the item's samples (never the other
way round): one row per sample — date, section, indicator, concentration, unit, the month's flow — shown as
stored (exact decimals), sorted and filtered by section through an index of frame rows (the frame itself is
never reordered). A concentration or a flow typed into a cell is not written anywhere: the model emits
``value_edited(sample, field, text)`` and the workspace turns it into an undoable edit; the table shows the new
value when the edited scenario comes back.

:class:`MonitoringPanel` adds the section filter, the count, and the Import and Export buttons.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.instruments.eco_compensation.model import EcoCompensation

from ..labels import format_decimal, ui_language
from .names import sample_field_name, section_label

COLUMNS = ("date", "section", "indicator", "value", "unit", "flow_m3")
EDITABLE = ("value", "flow_m3")
RAW_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The exact value (text of a decimal, ISO date, section id) behind a cell."""
SAMPLE_ROLE = Qt.ItemDataRole.UserRole + 2
"""The position of the row's sample in the item's ``records``."""
SORT_KEYS = {"date": "date", "section": "section", "indicator": "indicator", "value": "value_sort",
             "unit": "unit", "flow_m3": "flow_sort"}  # fmt: skip
"""The frame column each table column sorts by (numbers by their value, not their text)."""
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def samples_frame(item: EcoCompensation, lang: str):
    """The item's samples as a DataFrame: the shown texts, the exact values, and float keys used only to sort."""
    import pandas as pd

    sections = {s.id: s.label(lang) for s in item.sections}
    units = {i.code: i.unit for i in item.indicators}
    records = item.records
    frame = pd.DataFrame(
        {
            "date": [r.date.isoformat() for r in records],
            "section_id": [r.section for r in records],
            "section": [sections.get(r.section, r.section) for r in records],
            "indicator": [r.indicator for r in records],
            "value": [r.value for r in records],
            "unit": [units.get(r.indicator, "") for r in records],
            "flow_m3": ["" if r.flow_m3 is None else r.flow_m3 for r in records],
        }
    )
    # floats only order the rows: every figure shown or edited stays the exact decimal text
    frame["value_sort"] = pd.to_numeric(frame["value"], errors="coerce")
    frame["flow_sort"] = pd.to_numeric(frame["flow_m3"].replace("", math.nan), errors="coerce")
    return frame


class MonitoringModel(QAbstractTableModel):
    """The item's samples; sortable by any column, filtered by section; values typed in become edit requests."""

    value_edited = Signal(int, str, str)
    """(sample position in ``records``, field ``value`` or ``flow_m3``, text typed)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.frame = None
        self._rows: list[int] = []
        self._shown_key: tuple = ()
        self._records: tuple = ()
        self.section_filter: str | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- filling -----------------------------------------------------------------------------------------

    def set_item(self, item: EcoCompensation) -> None:
        """Show the item's samples; rebuilt only when the samples, names or language changed (not on a slider step).

        When only values changed (an edit of one cell) the rows stay where they are and only their texts change.
        """
        lang = ui_language()
        names = tuple((s.id, s.label(lang)) for s in item.sections)
        key = (lang, names, tuple((i.code, i.unit) for i in item.indicators))
        if key == self._shown_key and item.records is self._records:
            return
        same_samples = (
            key == self._shown_key
            and self.frame is not None
            and len(item.records) == len(self._records)
            and all(
                (a.date, a.section, a.indicator) == (b.date, b.section, b.indicator)
                for a, b in zip(item.records, self._records, strict=True)
            )
        )
        if same_samples and item.records == self._records:
            self._records = item.records
            return
        frame = samples_frame(item, lang)
        if same_samples:  # a value corrected: the rows stay in place, their texts change
            self.frame, self._records = frame, item.records
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.frame, self._records, self._shown_key = frame, item.records, key
        if self.section_filter is not None and self.section_filter not in {s.id for s in item.sections}:
            self.section_filter = None
        self._rows = self._ordered_rows()
        self.endResetModel()

    def set_section_filter(self, section_id: str | None) -> None:
        """Show only the samples of one section (None: every section)."""
        if section_id == self.section_filter:
            return
        self.beginResetModel()
        self.section_filter = section_id
        self._rows = self._ordered_rows()
        self.endResetModel()

    def _ordered_rows(self) -> list[int]:
        frame = self.frame
        if frame is None or frame.empty:
            return []
        view = frame if self.section_filter is None else frame[frame["section_id"] == self.section_filter]
        if self._sort is not None:
            column, order = self._sort
            view = view.sort_values(
                SORT_KEYS[COLUMNS[column]],
                ascending=order == Qt.SortOrder.AscendingOrder,
                kind="stable",
                na_position="last",
            )
        return [int(i) for i in view.index]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._rows = self._ordered_rows()
        self.layoutChanged.emit()

    # --- reading -----------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return sample_field_name(COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if COLUMNS[section] in EDITABLE else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section] in EDITABLE:
            return QCoreApplication.translate("EcoWorkspace", "Double-click a cell to correct it (one undo step).")
        return None

    def sample_at(self, row: int) -> int:
        """The position in the item's ``records`` of the sample shown in ``row``."""
        return self._rows[row]

    def row_of_sample(self, sample: int) -> int:
        return self._rows.index(sample)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.frame is None:
            return None
        column = COLUMNS[index.column()]
        position = self._rows[index.row()]
        if role == SAMPLE_ROLE:
            return position
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in EDITABLE else _LEFT
        frame = self.frame
        if role == RAW_VALUE_ROLE:
            name = "section_id" if column == "section" else column
            return frame.iat[position, frame.columns.get_loc(name)]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        text = frame.iat[position, frame.columns.get_loc(column)]
        if column == "flow_m3" and text and role == Qt.ItemDataRole.DisplayRole:
            return format_decimal(text)
        return text

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Nothing is written here: the typed text leaves as a request; the new scenario brings the value back."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or COLUMNS[index.column()] not in EDITABLE:
            return False
        text = "" if value is None else str(value)
        if text == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        self.value_edited.emit(self._rows[index.row()], COLUMNS[index.column()], text)
        return False

    def texts(self) -> list[list[str]]:
        """Every cell as shown, in the rows' order (for tests and the export check)."""
        return [[self.data(self.index(r, c)) for c in range(len(COLUMNS))] for r in range(self.rowCount())]


class MonitoringPanel(QWidget):
    """The section filter, the count, Import and Export, and the samples table."""

    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MonitoringModel(self)
        self.filter_label = QLabel(self)
        self.filter = QComboBox(self)
        self.filter.setObjectName("monitoring_filter")
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter.setMinimumContentsLength(10)
        self.count = QLabel(self)
        self.count.setObjectName("monitoring_count")
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("monitoring_import")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("monitoring_export")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.table = QTableView(self)
        self.table.setObjectName("monitoring_table")
        self.table.setModel(self.model)
        # the samples' own order (section, date, indicator) until a header is clicked
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self._sections: tuple = ()
        self.filter.activated.connect(lambda _index: self.model.set_section_filter(self.filter.currentData()))
        self.model.modelReset.connect(self._update_count)
        self.import_button.clicked.connect(self.import_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.retranslate()

    def set_item(self, item: EcoCompensation) -> None:
        sections = (ui_language(), tuple((s.id, section_label(s)) for s in item.sections))
        if sections != self._sections:
            self._sections = sections
            chosen = self.filter.currentData()
            self.filter.clear()
            self.filter.addItem(QCoreApplication.translate("EcoWorkspace", "All sections"), None)
            for section_id, name in sections[1]:
                self.filter.addItem(name, section_id)
            at = self.filter.findData(chosen)
            self.filter.setCurrentIndex(max(at, 0))
        fresh = self.model.frame is None
        self.model.set_item(item)
        self._update_count()
        if fresh:
            self.table.resizeColumnsToContents()

    def _update_count(self) -> None:
        total = len(self.model._records)
        shown = self.model.rowCount()
        text = QCoreApplication.translate("EcoWorkspace", "%1 samples").replace("%1", str(total))
        if shown != total:
            text = (
                QCoreApplication.translate("EcoWorkspace", "%1 of %2 samples")
                .replace("%1", str(shown))
                .replace("%2", str(total))
            )
        self.count.setText(text)

    def retranslate(self) -> None:
        self.filter_label.setText(QCoreApplication.translate("EcoWorkspace", "Section"))
        if self.filter.count():
            self.filter.setItemText(0, QCoreApplication.translate("EcoWorkspace", "All sections"))
        self.import_button.setText(QCoreApplication.translate("EcoWorkspace", "Import CSV/Excel…"))
        self.export_button.setText(QCoreApplication.translate("EcoWorkspace", "Export…"))
        self.note.setText(
            QCoreApplication.translate(
                "EcoWorkspace",
                "Double-click a concentration or a flow to correct it. An import replaces all samples at once "
                "(one undo step); a file with problems changes nothing.",
            )
        )
        self._sections = ()
