"""The parties of a project with their attributes: typed in here, missing shown as missing, never as zero.

The party's figures from the data (population, GDP, budget revenue) are shown read-only beside the attributes of
this project (length, works and land, demand, reach, users, a negotiated amount). An edited cell leaves as
``attribute_edited(party_id, attribute, text)``; the workspace turns it into an edit and, when it is refused,
says why and shows the stored value again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from chengyu_accord.cost_sharing.instruments.project_cost.model import ProjectCostSharing
from chengyu_accord.cost_sharing.money import Unit
from chengyu_accord.cost_sharing.scenario import Scenario

from ..amount_editor import fen_in_unit
from ..labels import figure_text, figure_tooltip, format_decimal, missing_text, party_name, ui_language
from ..result_table import unit_name
from .names import attribute_name

FIGURES = ("population", "gdp", "budget_revenue")
EDITABLE = ("length_km", "works_fen", "demand", "reach", "users", "negotiated_fen")
MONEY = ("works_fen", "negotiated_fen")
COLUMNS = ("party", *FIGURES, *EDITABLE)
READ_ONLY_COLOUR = QColor("#555555")
MISSING_COLOUR = QColor("#888888")
PARTY_ROLE = Qt.ItemDataRole.UserRole + 1


class PartiesTable(QTableWidget):
    """One row per party of the item; the figure columns read-only, the attribute columns editable."""

    attribute_edited = Signal(str, str, str)
    """(party_id, attribute, typed text); empty text clears the attribute (missing, never zero)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("project_parties_table")
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setMinimumHeight(220)
        self.setMaximumHeight(420)  # its own scroll bars stay on a laptop's screen
        self._shown: tuple = ()
        self.itemChanged.connect(self._on_item_changed)

    def column_of(self, attribute: str) -> int:
        return COLUMNS.index(attribute)

    def row_of(self, party_id: str) -> int:
        for row in range(self.rowCount()):
            if self.item(row, 0).data(PARTY_ROLE) == party_id:
                return row
        raise KeyError(party_id)

    def set_item(self, scenario: Scenario, item: ProjectCostSharing, unit: Unit) -> None:
        """Show the item's parties; nothing is re-set when nothing shown changed (a slider step)."""
        parties = tuple(scenario.party(p.party) for p in item.parties)
        shown = (ui_language(), unit, item.parties, parties)
        if shown == self._shown and self.state() != QAbstractItemView.State.EditingState:
            return
        self._shown = shown
        self.blockSignals(True)
        self.setRowCount(len(item.parties))
        headers = [attribute_name(a) for a in COLUMNS]
        for column, attribute in enumerate(COLUMNS):
            if attribute in MONEY:
                headers[column] = f"{headers[column]}\n({unit_name(unit)})"
        self.setHorizontalHeaderLabels(headers)
        for row, (entry, party) in enumerate(zip(item.parties, parties, strict=True)):
            name = QTableWidgetItem(party_name(party))
            name.setData(PARTY_ROLE, party.id)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(row, 0, name)
            for attribute in FIGURES:
                figure = party.figure(attribute)
                cell = QTableWidgetItem(figure_text(figure))
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                cell.setForeground(QBrush(MISSING_COLOUR if figure is None else READ_ONLY_COLOUR))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cell.setToolTip(figure_tooltip(figure, attribute))
                self.setItem(row, self.column_of(attribute), cell)
            for attribute in EDITABLE:
                value = getattr(entry, attribute)
                cell = QTableWidgetItem(attribute_text(attribute, value, unit))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if value is None:
                    cell.setForeground(QBrush(MISSING_COLOUR))
                self.setItem(row, self.column_of(attribute), cell)
        self.blockSignals(False)
        self.resizeColumnsToContents()

    def refresh(self) -> None:
        """Show the stored values again (after a refused input)."""
        self._shown = ()

    def _on_item_changed(self, cell: QTableWidgetItem) -> None:
        attribute = COLUMNS[cell.column()]
        if attribute not in EDITABLE:
            return
        party_id = self.item(cell.row(), 0).data(PARTY_ROLE)
        text = cell.text().strip()
        if text == missing_text().strip() or text == "—":
            text = ""
        self.attribute_edited.emit(party_id, attribute, text)


def attribute_text(attribute: str, value: object, unit: Unit) -> str:
    """How an attribute is shown: missing as missing, money in the display unit, decimals grouped."""
    if value is None:
        return missing_text()
    if attribute in MONEY:
        return format_decimal(fen_in_unit(value, unit))  # type: ignore[arg-type]
    if attribute in ("length_km", "demand"):
        return format_decimal(value)  # type: ignore[arg-type]
    return str(value)
