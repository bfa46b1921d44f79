"""The game behind the game-theoretic methods: coalition costs as typed (and as completed), and line segments.

Coalition costs: each row is a group of parties and what it would pay building on its own, c(S). A group is
chosen by ticking its members in a list and typing its cost; an entry's cost can be typed over in the table.
Entries the engine completed by the cheapest partition (the "coalitions" result table) are listed too, in grey
italics, marked as completed. Segments: the sections of a line with their costs (a party's reach and users are
in the parties table).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.instruments.project_cost.model import ProjectCostSharing
from chengyu_accord.cost_sharing.money import Unit
from chengyu_accord.cost_sharing.results import ItemResult
from chengyu_accord.cost_sharing.scenario import Scenario

from ..amount_editor import AmountEditor, fen_in_unit
from ..labels import format_decimal, party_name, ui_language
from ..result_table import unit_name
from .parts import button_row, note_label

COMPLETED_COLOUR = QColor("#777777")
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
LIST_HEIGHT = 150
GROUP_COLUMN, COST_COLUMN, SOURCE_COLUMN = range(3)
"""The group first: it says what the row is; it takes the room left and wraps, the figures never scroll away."""


def completed_entries(result: ItemResult | None) -> dict[frozenset[str], int]:
    """The coalition costs the engine completed or used, by group, from the "coalitions" result table."""
    if result is None:
        return {}
    try:
        table = result.table("coalitions")
    except KeyError:
        return {}
    try:
        costs = table.fen("cost")
    except KeyError:
        return {}
    return {frozenset(key.split("+")): fen for key, fen in costs.items()}


class CoalitionEditor(QWidget):
    """Typed coalition costs with the completed ones; emits ``cost_set(parties, fen | None)``."""

    cost_set = Signal(tuple, object)
    """(party ids, cost in fen or None to remove the entry)."""
    input_rejected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("coalition_table")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(GROUP_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COST_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SOURCE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(160)
        self.table.setMaximumHeight(260)
        self.members_label = QLabel(self)
        self.members_label.setWordWrap(True)
        self.members = QListWidget(self)
        self.members.setObjectName("coalition_members")
        self.members.setFixedHeight(LIST_HEIGHT)
        self.cost_label = QLabel(self)
        self.cost = AmountEditor(self)
        self.cost.setObjectName("coalition_cost")
        self.set_button = QPushButton(self)
        self.set_button.setObjectName("coalition_set")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("coalition_remove")
        self.completed_note = note_label(self)
        cost_row = QHBoxLayout()
        cost_row.addWidget(self.cost_label)
        cost_row.addWidget(self.cost, 1)
        buttons = button_row(self.set_button, self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.completed_note)
        layout.addWidget(self.members_label)
        layout.addWidget(self.members)
        layout.addLayout(cost_row)
        layout.addLayout(buttons)
        self._shown: tuple = ()
        self._names: dict[str, str] = {}
        self._fen = 0
        self.set_button.clicked.connect(self._on_set)
        self.remove_button.clicked.connect(self._on_remove)
        self.cost.amount_committed.connect(self._on_cost_typed)
        self.cost.input_rejected.connect(self.input_rejected)
        self.table.itemChanged.connect(self._on_cell_changed)
        self.table.itemSelectionChanged.connect(self._on_row_chosen)

    def retranslate(self) -> None:
        self.members_label.setText(
            QCoreApplication.translate("ProjectCostWorkspace", "Tick the members of a group, type its cost:")
        )
        self.cost_label.setText(QCoreApplication.translate("ProjectCostWorkspace", "Cost building alone"))
        self.set_button.setText(QCoreApplication.translate("ProjectCostWorkspace", "Set group cost"))
        self.remove_button.setText(QCoreApplication.translate("ProjectCostWorkspace", "Remove entry"))
        self.completed_note.setText(
            QCoreApplication.translate(
                "ProjectCostWorkspace",
                "Grey entries were not typed in: completed by the cheapest partition of typed groups.",
            )
        )
        self._shown = ()

    def set_item(self, scenario: Scenario, item: ProjectCostSharing, result: ItemResult | None, unit: Unit) -> None:
        completed = completed_entries(result)
        parties = tuple(scenario.party(p.party) for p in item.parties)
        shown = (ui_language(), unit, item.coalitions, tuple(sorted(completed.items(), key=repr)), parties)
        if shown == self._shown:
            return
        self._shown = shown
        self._unit = unit
        self._names = {p.id: party_name(p) for p in parties}
        order = {p.id: i for i, p in enumerate(parties)}
        separator = "、" if ui_language() == "zh" else ", "
        typed = {frozenset(c.parties): c for c in item.coalitions}
        rows: list[tuple[tuple[str, ...], int, bool]] = [(c.parties, c.cost_fen, True) for c in item.coalitions]
        for group, fen in completed.items():
            if group not in typed and group <= set(order):
                rows.append((tuple(sorted(group, key=order.__getitem__)), fen, False))
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ProjectCostWorkspace", "Group"),
                QCoreApplication.translate("ProjectCostWorkspace", "Cost alone\n(%1)").replace("%1", unit_name(unit)),
                QCoreApplication.translate("ProjectCostWorkspace", "Entry"),
            ]
        )
        completed_text = QCoreApplication.translate("ProjectCostWorkspace", "completed")
        completed_tip = QCoreApplication.translate(
            "ProjectCostWorkspace",
            "Not typed in: the cheapest way to split this group into typed groups (由最低分组补全).",
        )
        for row, (group, fen, is_typed) in enumerate(rows):
            names = QTableWidgetItem(separator.join(self._names[pid] for pid in group))
            names.setData(GROUP_ROLE, group)
            names.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            cost = QTableWidgetItem(format_decimal(fen_in_unit(fen, unit)))
            cost.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            source = QTableWidgetItem(
                QCoreApplication.translate("ProjectCostWorkspace", "typed in") if is_typed else completed_text
            )
            source.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if not is_typed:
                cost.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                for cell in (names, cost, source):
                    font = cell.font()
                    font.setItalic(True)
                    cell.setFont(font)
                    cell.setForeground(QBrush(COMPLETED_COLOUR))
                    cell.setToolTip(completed_tip)
            for column, cell in ((GROUP_COLUMN, names), (COST_COLUMN, cost), (SOURCE_COLUMN, source)):
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        if [self.members.item(i).data(GROUP_ROLE) for i in range(self.members.count())] != list(self._names):
            self.members.clear()
            for pid, name in self._names.items():
                entry = QListWidgetItem(name)
                entry.setData(GROUP_ROLE, pid)
                entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Unchecked)
                self.members.addItem(entry)
        else:
            for i in range(self.members.count()):
                self.members.item(i).setText(self._names[self.members.item(i).data(GROUP_ROLE)])
        self.cost.set_amount(self._fen, unit)

    def refresh(self) -> None:
        self._shown = ()

    def checked(self) -> tuple[str, ...]:
        return tuple(
            self.members.item(i).data(GROUP_ROLE)
            for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked
        )

    def check(self, parties: tuple[str, ...]) -> None:
        for i in range(self.members.count()):
            entry = self.members.item(i)
            entry.setCheckState(Qt.CheckState.Checked if entry.data(GROUP_ROLE) in parties else Qt.CheckState.Unchecked)

    def _on_cost_typed(self, fen: int) -> None:
        self._fen = fen

    def _on_set(self) -> None:
        self.cost.line_edit.editingFinished.emit()  # a cost typed but not yet confirmed counts
        self.cost_set.emit(self.checked(), self._fen)

    def _on_remove(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        for row in rows:
            group = self.table.item(row, GROUP_COLUMN).data(GROUP_ROLE)
            if self.table.item(row, COST_COLUMN).flags() & Qt.ItemFlag.ItemIsEditable:
                self.cost_set.emit(tuple(group), None)
                return

    def _on_row_chosen(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        if rows:
            self.check(tuple(self.table.item(rows[0], GROUP_COLUMN).data(GROUP_ROLE)))

    def _on_cell_changed(self, cell: QTableWidgetItem) -> None:
        if cell.column() != COST_COLUMN:
            return
        from ..amount_editor import AmountError, parse_amount

        group = tuple(self.table.item(cell.row(), GROUP_COLUMN).data(GROUP_ROLE))
        try:
            fen = parse_amount(cell.text(), self._unit)
        except AmountError as exc:
            self.input_rejected.emit(str(exc))
            self._shown = ()
            return
        self.cost_set.emit(group, fen)


class SegmentEditor(QWidget):
    """The sections of a line with their costs; emits ``segment_edited(index, field, value)``, add and remove."""

    segment_edited = Signal(int, str, object)
    add_requested = Signal()
    remove_requested = Signal(int)
    input_rejected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("segment_table")
        self.table.verticalHeader().setVisible(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(110)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons = button_row(self.add_button, self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._shown: tuple = ()
        self._unit = Unit.WAN_YUAN
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self._on_remove)
        self.table.itemChanged.connect(self._on_cell_changed)

    def retranslate(self) -> None:
        self.add_button.setText(QCoreApplication.translate("ProjectCostWorkspace", "Add segment"))
        self.remove_button.setText(QCoreApplication.translate("ProjectCostWorkspace", "Remove segment"))
        self._shown = ()

    def set_item(self, item: ProjectCostSharing, unit: Unit) -> None:
        shown = (ui_language(), unit, item.segments)
        if shown == self._shown:
            return
        self._shown, self._unit = shown, unit
        self.table.blockSignals(True)
        self.table.setRowCount(len(item.segments))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ProjectCostWorkspace", "Segment"),
                QCoreApplication.translate("ProjectCostWorkspace", "Cost (%1)").replace("%1", unit_name(unit)),
            ]
        )
        for row, segment in enumerate(item.segments):
            name = segment.name_en or segment.name_zh if ui_language() == "en" else segment.name_zh
            self.table.setItem(row, 0, QTableWidgetItem(name))
            cost = QTableWidgetItem(format_decimal(fen_in_unit(segment.cost_fen, unit)))
            cost.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, cost)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()

    def refresh(self) -> None:
        self._shown = ()

    def _on_remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.remove_requested.emit(row)

    def _on_cell_changed(self, cell: QTableWidgetItem) -> None:
        from ..amount_editor import AmountError, parse_amount

        if cell.column() == 0:
            field = "name_en" if ui_language() == "en" else "name_zh"
            self.segment_edited.emit(cell.row(), field, cell.text())
            return
        try:
            fen = parse_amount(cell.text(), self._unit)
        except AmountError as exc:
            self.input_rejected.emit(str(exc))
            self._shown = ()
            return
        self.segment_edited.emit(cell.row(), "cost_fen", fen)
