"""The parties panel: the cluster's units from the embedded data, and who takes part.

Every unit of the cluster is listed with its figures (year, source and tag in
the tooltip and in the details below the table); a tick says whether it takes
part in the scenario. A missing figure is shown as missing, and the user can
type one in — it is recorded with tag "user" and shown in italics with a
marker. Like a workspace, the panel only emits pure edits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing import edits
from chengyu_accord.cost_sharing.scenario import Party, Scenario

from .labels import (
    ATTRIBUTES,
    attribute_label,
    attribute_unit,
    figure_text,
    figure_tooltip,
    partial_note,
    party_name,
    province_label,
)

PROVINCE_ROLE = Qt.ItemDataRole.UserRole + 2
PARTY_ID_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
"""What a column sorts by: taking part first, names, provinces, figures as numbers (missing last)."""
MISSING_COLOUR = QColor("#888888")
USER_COLOUR = QColor("#1a5fb4")
PARTIAL_COLOUR = QColor("#7a4f00")
COL_TAKES_PART, COL_NAME, COL_PROVINCE = range(3)
FIRST_FIGURE_COL = 3
_Index = QModelIndex | QPersistentModelIndex


class PartiesTableModel(QAbstractTableModel):
    """Rows: the catalogue (cluster units), then custom parties of the scenario."""

    edit_requested = Signal(object)
    input_rejected = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._catalogue: tuple[Party, ...] = ()
        self._scenario: Scenario | None = None
        self._rows: list[Party] = []
        self._members: dict[str, Party] = {}
        self._partial: dict[str, str] = {}

    def set_catalogue(self, parties: Sequence[Party], partial: Mapping[str, str] | None = None) -> None:
        """The cluster's units; ``partial`` maps the ids of units only partly in the plan area to the data's note."""
        self._catalogue = tuple(parties)
        self._partial = dict(partial or {})
        self._rebuild()

    def partial_text(self, party: Party) -> str:
        """Why a unit is marked "part": only part of it is in the plan area (empty for a whole unit)."""
        if party.id not in self._partial:
            return ""
        text = QCoreApplication.translate(
            "PartiesTableModel", "Only part of this unit is in the plan area; its figures are for the whole unit."
        )
        note = partial_note(self._partial[party.id])
        return f"{text}\n{note}" if note else text

    def display_name(self, party: Party) -> str:
        """The party's name, with "(part)" for a unit only partly in the plan area."""
        if party.id in self._partial:
            return party_name(party) + QCoreApplication.translate("PartiesTableModel", " (part)")
        return party_name(party)

    def row_of(self, party_id: str) -> int:
        """The row of a party, or -1."""
        return next((row for row, party in enumerate(self._rows) if party.id == party_id), -1)

    def set_scenario(self, scenario: Scenario) -> None:
        """Show the scenario's parties; nothing is re-read when they are unchanged (a slider step)."""
        if self._scenario is not None and scenario.parties == self._scenario.parties:
            self._scenario = scenario
            return
        self._scenario = scenario
        self._rebuild()

    def _rebuild(self) -> None:
        members = {p.id: p for p in self._scenario.parties} if self._scenario else {}
        known = {p.id for p in self._catalogue}
        rows = [members.get(p.id, p) for p in self._catalogue]
        rows += [p for p in members.values() if p.id not in known]
        if [p.id for p in rows] == [p.id for p in self._rows]:
            self._rows, self._members = rows, members
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows, self._members = rows, members
        self.endResetModel()

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def party_at(self, row: int) -> Party:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else FIRST_FIGURE_COL + len(ATTRIBUTES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == COL_TAKES_PART:
            return QCoreApplication.translate("PartiesTableModel", "Takes part")
        if section == COL_NAME:
            return QCoreApplication.translate("PartiesTableModel", "Name")
        if section == COL_PROVINCE:
            return QCoreApplication.translate("PartiesTableModel", "Province")
        if FIRST_FIGURE_COL <= section < self.columnCount():
            attribute = ATTRIBUTES[section - FIRST_FIGURE_COL]
            return f"{attribute_label(attribute)}\n({attribute_unit(attribute)})"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        party = self._rows[index.row()]
        col = index.column()
        if role == PROVINCE_ROLE:
            return party.province or ""
        if role == PARTY_ID_ROLE:
            return party.id
        if role == SORT_ROLE:
            return self._sort_key(party, col)
        if col == COL_TAKES_PART:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if party.id in self._members else Qt.CheckState.Unchecked
            return None
        if col == COL_NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.display_name(party)
            if role == Qt.ItemDataRole.ToolTipRole:
                names = f"{party.name_zh} · {party.name_en}" if party.name_en else party.name_zh
                partial = self.partial_text(party)
                return f"{names}\n{partial}" if partial else names
            if role == Qt.ItemDataRole.ForegroundRole and party.id in self._partial:
                return QBrush(PARTIAL_COLOUR)
            return None
        if col == COL_PROVINCE:
            return province_label(party.province) if role == Qt.ItemDataRole.DisplayRole else None
        attribute = ATTRIBUTES[col - FIRST_FIGURE_COL]
        figure = party.figure(attribute)
        if role == Qt.ItemDataRole.DisplayRole:
            return figure_text(figure)
        if role == Qt.ItemDataRole.EditRole:
            return figure.value if figure else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return figure_tooltip(figure, attribute)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if figure is None:
                return QBrush(MISSING_COLOUR)
            if figure.user_entered:
                return QBrush(USER_COLOUR)
        if role == Qt.ItemDataRole.FontRole and figure is not None and figure.user_entered:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _sort_key(self, party: Party, col: int) -> Any:
        if col == COL_TAKES_PART:
            return 0 if party.id in self._members else 1  # ascending: participants first
        if col == COL_NAME:
            return party_name(party)
        if col == COL_PROVINCE:
            return province_label(party.province)
        figure = party.figure(ATTRIBUTES[col - FIRST_FIGURE_COL])
        return float(figure.value) if figure is not None else float("-inf")  # floats only to order rows

    def is_member(self, row: int) -> bool:
        return self._rows[row].id in self._members

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_TAKES_PART:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() >= FIRST_FIGURE_COL:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Turn a tick or a typed figure into an edit; the view updates when the scenario comes back."""
        if not index.isValid() or self._scenario is None:
            return False
        party = self._rows[index.row()]
        if index.column() == COL_TAKES_PART and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if checked and party.id not in self._members:
                self.edit_requested.emit(edits.AddParty(party))
            elif not checked and party.id in self._members:
                self.edit_requested.emit(edits.RemoveParty(party.id))
            return True
        if index.column() >= FIRST_FIGURE_COL and role == Qt.ItemDataRole.EditRole:
            attribute = ATTRIBUTES[index.column() - FIRST_FIGURE_COL]
            text = str(value).strip()
            if not text:
                return False
            try:
                figure = edits.user_figure(text)
            except edits.EditError:
                message = QCoreApplication.translate("PartiesTableModel", "%1 of %2: “%3” is not a usable figure.")
                self.input_rejected.emit(
                    message.replace("%1", attribute_label(attribute))
                    .replace("%2", party_name(party))
                    .replace("%3", text)
                )
                return False
            if party.id in self._members:
                self.edit_requested.emit(edits.SetPartyFigure(party.id, attribute, figure))
            else:  # typing a figure for a unit not yet taking part adds it, with the figure
                figures = {**party.figures, attribute: figure}
                self.edit_requested.emit(edits.AddParty(party.model_copy(update={"figures": figures})))
            return True
        return False


class ProvinceFilter(QSortFilterProxyModel):
    """Shows the rows of one province (or all) whose name contains the search text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.province: str | None = None
        self.text = ""
        self.members_only = False
        self.setSortRole(SORT_ROLE)

    def set_filter(self, province: str | None, text: str) -> None:
        self.beginFilterChange()
        self.province, self.text = province, text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_members_only(self, members_only: bool) -> None:
        self.beginFilterChange()
        self.members_only = members_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if self.members_only and not model.is_member(source_row):
            return False
        index = model.index(source_row, COL_NAME, source_parent)
        if self.province is not None and model.data(index, PROVINCE_ROLE) != self.province:
            return False
        if self.text:
            party = model.party_at(source_row)
            return any(self.text in name.lower() for name in (party.name_zh, party.name_en, party.id))
        return True


class PartiesPanel(QWidget):
    """The parties list with province filter, search, details and "add a custom party"."""

    edit_requested = Signal(object, int)
    custom_party_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PartiesTableModel(self)
        self.proxy = ProvinceFilter(self)
        self.proxy.setSourceModel(self.model)
        self.province_box = QComboBox(self)
        self.province_box.setObjectName("province_box")
        for key in (None, "Chongqing", "Sichuan"):
            self.province_box.addItem("", key)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.members_only = QCheckBox(self)
        self.members_only.setObjectName("members_only")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add_custom_party")
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_TAKES_PART, Qt.SortOrder.AscendingOrder)  # the parties taking part first
        self.details = QLabel(self)
        self.details.setObjectName("party_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(90)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.filter_label = QLabel(self)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.province_box)
        bar.addWidget(self.search, 1)
        options = QHBoxLayout()
        options.addWidget(self.members_only)
        options.addStretch(1)
        options.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.details)

        self.province_box.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.members_only.toggled.connect(self.proxy.set_members_only)
        self.add_button.clicked.connect(self.custom_party_requested)
        self.model.edit_requested.connect(self._on_model_edit)
        self.model.input_rejected.connect(self.message.setText)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self._retranslate()

    def set_catalogue(self, parties: Sequence[Party], partial: Mapping[str, str] | None = None) -> None:
        """The cluster's units (as parties, with the embedded figures) and which are only partly in the plan area."""
        self.model.set_catalogue(parties, partial)

    def select_party(self, party_id: str, attribute: str = "") -> bool:
        """Select a party's row (its ``attribute`` cell when given), clearing filters that hide it; False if unknown."""
        row = self.model.row_of(party_id)
        if row < 0:
            return False
        column = FIRST_FIGURE_COL + ATTRIBUTES.index(attribute) if attribute in ATTRIBUTES else COL_NAME
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():  # filtered out: show everything again
            self.province_box.setCurrentIndex(0)
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, column))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def set_scenario(self, scenario: Scenario) -> None:
        self.model.set_scenario(scenario)
        self._show_details(self.table.currentIndex())

    def _on_model_edit(self, edit: object) -> None:
        self.message.clear()
        self.edit_requested.emit(edit, 0)

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.province_box.currentData(), self.search.text())

    def _show_details(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid():
            self.details.setText(
                QCoreApplication.translate("PartiesPanel", "Select a party to see where its figures come from.")
            )
            return
        party = self.model.party_at(self.proxy.mapToSource(current).row())
        lines = [f"<b>{_escape(self.model.display_name(party))}</b>"]
        partial = self.model.partial_text(party)
        if partial:
            lines.append(partial.replace("\n", " "))
        for attribute in ATTRIBUTES:
            tooltip = figure_tooltip(party.figure(attribute), attribute).replace("\n", " · ")
            if party.figure(attribute) is None:
                tooltip = f"{attribute_label(attribute)}: {figure_text(None)}"
            lines.append(tooltip)
        self.details.setText("<br>".join(_escape(line) if i else line for i, line in enumerate(lines)))

    def _retranslate(self) -> None:
        self.filter_label.setText(QCoreApplication.translate("PartiesPanel", "Province"))
        self.province_box.setItemText(0, QCoreApplication.translate("PartiesPanel", "All"))
        self.province_box.setItemText(1, province_label("Chongqing"))
        self.province_box.setItemText(2, province_label("Sichuan"))
        self.search.setPlaceholderText(QCoreApplication.translate("PartiesPanel", "Search by name"))
        self.add_button.setText(QCoreApplication.translate("PartiesPanel", "Add custom party…"))
        self.members_only.setText(QCoreApplication.translate("PartiesPanel", "Taking part only"))
        self.members_only.setToolTip(
            QCoreApplication.translate(
                "PartiesPanel", "Show only the parties of this scenario (click a heading to sort)."
            )
        )
        self.message.clear()
        self.model.retranslate()
        self._show_details(self.table.currentIndex())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
