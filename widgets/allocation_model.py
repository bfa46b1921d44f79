"""Read-only table model of a proportional split: one row per party and a total row.

Amounts are shown at the scenario's display precision through
``engine.shown_amounts``, so the shown parts add up exactly to the shown total;
the raw fen are available under :data:`RAW_VALUE_ROLE`. A missing figure is
shown as missing, never as zero.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from chengyu_accord.cost_sharing.engine import ItemResult, display_precision, shown_amounts
from chengyu_accord.cost_sharing.money import format_amount
from chengyu_accord.cost_sharing.scenario import Party, ProportionalSplit, Scenario

from .labels import (
    attribute_label,
    attribute_unit,
    figure_text,
    figure_tooltip,
    format_decimal,
    party_name,
    ui_language,
)

RAW_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
MISSING_COLOUR = QColor("#888888")
COL_PARTY, COL_BASIS, COL_SHARE, COL_AMOUNT = range(4)
_Index = QModelIndex | QPersistentModelIndex


def share_percent(share: Fraction, places: int = 2) -> str:
    """An exact share as a percentage for reading (the fen amounts are the result)."""
    value = Decimal(share.numerator * 100) / Decimal(share.denominator)
    return f"{value.quantize(Decimal(1).scaleb(-places))}%"


class AllocationTableModel(QAbstractTableModel):
    """Rows: the item's parties, then 合计 (total)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._scenario: Scenario | None = None
        self._item: ProportionalSplit | None = None
        self._result: ItemResult | None = None
        self._parties: tuple[Party, ...] = ()
        self._shown: list[Decimal] = []
        self._shown_total: Decimal | None = None

    def set_result(self, scenario: Scenario, item: ProportionalSplit, result: ItemResult) -> None:
        same_shape = [p.id for p in self._parties] == [p.id for p in scenario.item_parties(item)]
        if not same_shape:
            self.beginResetModel()
        self._scenario, self._item, self._result = scenario, item, result
        self._parties = scenario.item_parties(item)
        if result.ok and result.allocations:
            self._shown, self._shown_total = shown_amounts(result, display_precision(scenario))
        else:
            self._shown, self._shown_total = [], None
        if same_shape:
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        else:
            self.endResetModel()

    def retranslate(self) -> None:
        """Names, headers and units change with the language; the numbers do not."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        if parent.isValid() or self._item is None:
            return 0
        return len(self._parties) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or self._item is None:
            return None
        if section == COL_PARTY:
            return QCoreApplication.translate("AllocationTableModel", "Party")
        if section == COL_BASIS:
            unit = attribute_unit(self._item.basis)
            label = attribute_label(self._item.basis)
            return f"{label} ({unit})" if unit else label
        if section == COL_SHARE:
            return QCoreApplication.translate("AllocationTableModel", "Share")
        if section == COL_AMOUNT:
            precision = display_precision(self._scenario)
            unit = precision.unit.label_zh if ui_language() == "zh" else precision.unit.label_en
            return QCoreApplication.translate("AllocationTableModel", "Amount (%1)").replace("%1", unit)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._item is None:
            return None
        row, col = index.row(), index.column()
        if row == len(self._parties):
            return self._total_data(col, role)
        party = self._parties[row]
        allocation = self._result.allocations[row] if self._result.ok and self._result.allocations else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == COL_PARTY:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col == COL_PARTY:
            if role == Qt.ItemDataRole.DisplayRole:
                return party_name(party)
            if role == RAW_VALUE_ROLE:
                return party.id
            return None
        if col == COL_BASIS:
            return self._basis_data(party, role)
        if role == Qt.ItemDataRole.ForegroundRole and allocation is None:
            return QBrush(MISSING_COLOUR)  # no result: share and amount are greyed dashes, never zeros
        if col == COL_SHARE:
            if role == Qt.ItemDataRole.DisplayRole:
                return share_percent(allocation.share) if allocation else "—"
            if role == RAW_VALUE_ROLE:
                return str(allocation.share) if allocation else None
            return None
        if col == COL_AMOUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return (
                    format_amount(self._shown[row], display_precision(self._scenario), with_unit=False)
                    if allocation
                    else "—"
                )
            if role == RAW_VALUE_ROLE:
                return allocation.amount_fen if allocation else None
        return None

    def _basis_data(self, party: Party, role: int) -> Any:
        if self._item.basis == "weights":
            weight = self._item.weights.get(party.id)
            if role == Qt.ItemDataRole.DisplayRole:
                return format_decimal(weight) if weight is not None else figure_text(None)
            if role == Qt.ItemDataRole.ForegroundRole and weight is None:
                return QBrush(MISSING_COLOUR)
            if role == RAW_VALUE_ROLE:
                return weight
            return None
        figure = party.figure(self._item.basis)
        if role == Qt.ItemDataRole.DisplayRole:
            return figure_text(figure)
        if role == Qt.ItemDataRole.ToolTipRole:
            return figure_tooltip(figure, self._item.basis)
        if role == Qt.ItemDataRole.ForegroundRole and figure is None:
            return QBrush(MISSING_COLOUR)
        if role == Qt.ItemDataRole.FontRole and figure is not None and figure.user_entered:
            font = QFont()
            font.setItalic(True)
            return font
        if role == RAW_VALUE_ROLE:
            return figure.value if figure else None
        return None

    def _total_data(self, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == COL_PARTY:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RAW_VALUE_ROLE and col == COL_AMOUNT:
            return self._item.amount_fen
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_PARTY:
            return QCoreApplication.translate("AllocationTableModel", "Total")
        if col == COL_SHARE:
            return "100.00%" if self._shown_total is not None else ""
        if col == COL_AMOUNT:
            precision = display_precision(self._scenario)
            if self._shown_total is not None:
                return format_amount(self._shown_total, precision, with_unit=False)
            return format_amount(self._item.amount_fen, precision, with_unit=False)
        return ""

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
