"""The agreement's details besides its articles: titles, the item's title and notes, and the signing details.

Every change leaves the panel as a pure edit (``edit_requested(edit, gesture)``, as the workspaces do), so the
application puts it on the undo stack and a refused value is explained there, naming the field. Text fields
commit when the user presses Enter or leaves them, so one typed title is one undo step. ``set_scenario`` shows
the scenario's values but never overwrites what the user is typing unless the scenario's value itself changed
(undo, open).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QFocusEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.agreement.blocks import government_name
from chengyu_accord.cost_sharing.agreement.settings import MAX_COPIES, MIN_COPIES, PLACE_LENGTH
from chengyu_accord.cost_sharing.edits import (
    SetCopiesPerParty,
    SetItemText,
    SetRepresentative,
    SetSignatory,
    SetSigningDate,
    SetSigningPlace,
    SetTitle,
    SetTitleEn,
)
from chengyu_accord.cost_sharing.scenario import TITLE_LENGTH, ItemBase, Scenario

PARTY_COLUMN, SIGNATORY_COLUMN, REPRESENTATIVE_COLUMN = range(3)
NOTES_HEIGHT = 90
"""The notes box shows a few lines and scrolls; the panel never grows with the notes."""
FIRST_DATE = QDate(2000, 1, 1)


class _NotesEdit(QPlainTextEdit):
    """A multi-line field that, like a line edit, says when the user is done with it (focus leaves)."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.editing_finished.emit()
        super().focusOutEvent(event)


class AgreementDetailsWidget(QWidget):
    """Titles, item title and notes, signing date and place, signatory offices, representatives and copies."""

    edit_requested = Signal(object, int)
    """(edit, gesture): a pure edit of :mod:`chengyu_accord.cost_sharing.edits`; gesture 0, one step each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_details")
        self.scenario: Scenario | None = None
        self._shown: dict[str, object] = {}
        """The scenario value each field last showed: a field is refreshed only when that value changes."""

        self.title_edit = self._line_edit("details_title", TITLE_LENGTH)
        self.title_en_edit = self._line_edit("details_title_en", TITLE_LENGTH)
        self.item_box = QComboBox(self)
        self.item_box.setObjectName("details_item")
        self.item_title_edit = self._line_edit("details_item_title", TITLE_LENGTH)
        self.item_notes_edit = _NotesEdit(self)
        self.item_notes_edit.setObjectName("details_item_notes")
        self.item_notes_edit.setMaximumHeight(NOTES_HEIGHT)
        self.no_date_box = QCheckBox(self)
        self.no_date_box.setObjectName("details_no_date")
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("details_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(FIRST_DATE)
        self.place_edit = self._line_edit("details_place", PLACE_LENGTH)
        self.copies_spin = QSpinBox(self)
        self.copies_spin.setObjectName("details_copies")
        self.copies_spin.setRange(MIN_COPIES, MAX_COPIES)
        self.copies_note = QLabel(self)
        self.parties_table = QTableWidget(0, 3, self)
        self.parties_table.setObjectName("details_parties")
        self.parties_table.verticalHeader().hide()
        self.parties_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.parties_table.horizontalHeader()
        header.setSectionResizeMode(PARTY_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SIGNATORY_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REPRESENTATIVE_COLUMN, QHeaderView.ResizeMode.Stretch)

        inner = QWidget(self)
        column = QVBoxLayout(inner)
        self.form = QFormLayout()
        column.addLayout(self.form)
        self.labels: dict[str, QLabel] = {}
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit, 1)
        date_row.addWidget(self.no_date_box)
        copies_row = QHBoxLayout()
        copies_row.addWidget(self.copies_spin)
        copies_row.addWidget(self.copies_note, 1)
        for key, field in (
            ("title", self.title_edit),
            ("title_en", self.title_en_edit),
            ("item", self.item_box),
            ("item_title", self.item_title_edit),
            ("item_notes", self.item_notes_edit),
            ("date", date_row),
            ("place", self.place_edit),
            ("copies", copies_row),
        ):
            self.labels[key] = QLabel(inner)
            self.form.addRow(self.labels[key], field)
        self.signatures_label = QLabel(inner)
        column.addWidget(self.signatures_label)
        column.addWidget(self.parties_table)
        column.addStretch(1)  # spare height stays below the fields, never between them
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.title_edit.editingFinished.connect(self._commit_title)
        self.title_en_edit.editingFinished.connect(self._commit_title_en)
        self.item_box.currentIndexChanged.connect(lambda _index: self._show_item(force=True))
        self.item_title_edit.editingFinished.connect(lambda: self._commit_item_text("title"))
        self.item_notes_edit.editing_finished.connect(lambda: self._commit_item_text("notes"))
        self.no_date_box.toggled.connect(self._commit_date)
        self.date_edit.dateChanged.connect(self._commit_date)
        self.place_edit.editingFinished.connect(self._commit_place)
        self.copies_spin.valueChanged.connect(self._commit_copies)
        self.parties_table.itemChanged.connect(self._commit_party_cell)
        self._retranslate()

    def _line_edit(self, name: str, limit: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMaxLength(limit)
        return edit

    # --- showing the scenario ----------------------------------------------------------------------

    def set_scenario(self, scenario: Scenario) -> None:
        """Show ``scenario``'s values; fields whose value did not change keep what the user is typing."""
        self.scenario = scenario
        settings = scenario.agreement
        self._show_text(self.title_edit, "title", scenario.title)
        self._show_text(self.title_en_edit, "title_en", scenario.title_en)
        items = tuple((i.id, i.title) for i in scenario.items)
        if self._changed("items", items):
            current = self.item_box.currentData()
            self.item_box.blockSignals(True)
            self.item_box.clear()
            for item_id, title in items:
                self.item_box.addItem(title or item_id, item_id)
            self.item_box.setCurrentIndex(max(0, self.item_box.findData(current)))
            self.item_box.blockSignals(False)
            many = len(items) > 1
            self.item_box.setVisible(many)
            self.labels["item"].setVisible(many)
        self._show_item()
        if self._changed("date", settings.signing_date):
            self._show_date(settings.signing_date)
        self._show_text(self.place_edit, "place", settings.signing_place)
        if self._changed("copies", settings.copies_per_party):
            self.copies_spin.blockSignals(True)
            self.copies_spin.setValue(settings.copies_per_party)
            self.copies_spin.blockSignals(False)
        self._show_copies_note()
        rows = tuple(
            (p.id, p.name_zh, settings.signatories.get(p.id, ""), settings.representatives.get(p.id, ""))
            for p in scenario.parties
        )
        if self._changed("parties", rows):
            self._fill_parties(rows)

    def _changed(self, key: str, value: object) -> bool:
        if key in self._shown and self._shown[key] == value:
            return False
        self._shown[key] = value
        return True

    def _show_text(self, edit: QLineEdit | QPlainTextEdit, key: str, value: str, *, force: bool = False) -> None:
        if not self._changed(key, value) and not force:
            return
        edit.blockSignals(True)
        if isinstance(edit, QLineEdit):
            edit.setText(value)
            edit.setCursorPosition(0)
        else:
            edit.setPlainText(value)
        edit.blockSignals(False)

    def current_item(self) -> ItemBase | None:
        """The item whose title and notes the panel edits (the first, or the one chosen in the box)."""
        if self.scenario is None or not self.scenario.items:
            return None
        item_id = self.item_box.currentData()
        return next((i for i in self.scenario.items if i.id == item_id), self.scenario.items[0])

    def _show_item(self, *, force: bool = False) -> None:
        item = self.current_item()
        enabled = item is not None
        self.item_title_edit.setEnabled(enabled)
        self.item_notes_edit.setEnabled(enabled)
        title, notes = (item.title, item.notes) if item is not None else ("", "")
        self._show_text(self.item_title_edit, "item_title", title, force=force)
        self._show_text(self.item_notes_edit, "item_notes", notes, force=force)

    def _show_date(self, signing_date: date | None) -> None:
        for widget in (self.date_edit, self.no_date_box):
            widget.blockSignals(True)
        self.no_date_box.setChecked(signing_date is None)
        self.date_edit.setEnabled(signing_date is not None)
        shown = QDate.currentDate() if signing_date is None else QDate(*signing_date.timetuple()[:3])
        self.date_edit.setDate(shown)  # unticking "no date yet" proposes today
        for widget in (self.date_edit, self.no_date_box):
            widget.blockSignals(False)

    def _fill_parties(self, rows: tuple[tuple[str, str, str, str], ...]) -> None:
        """Show the rows, updating cells in place: a cell's editor may be committing right now."""
        table = self.parties_table
        table.blockSignals(True)
        if table.rowCount() != len(rows):
            table.setRowCount(len(rows))
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        normal = self.palette().color(QPalette.ColorRole.Text)
        for row, (party_id, name, office, representative) in enumerate(rows):
            party = self._cell(row, PARTY_COLUMN)
            party.setFlags(Qt.ItemFlag.ItemIsEnabled)
            party.setText(name)
            party.setData(Qt.ItemDataRole.UserRole, party_id)
            signatory = self._cell(row, SIGNATORY_COLUMN)
            signatory.setText(office or government_name(name))
            signatory.setForeground(QBrush(normal if office else muted))  # muted: the default, derived from the name
            signatory.setToolTip(self.tr("The office that signs; by default the party's government."))
            self._cell(row, REPRESENTATIVE_COLUMN).setText(representative)
        table.setFixedHeight(table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(len(rows))) + 4)
        table.blockSignals(False)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        cell = self.parties_table.item(row, column)
        if cell is None:
            cell = QTableWidgetItem()
            self.parties_table.setItem(row, column, cell)
        return cell

    def _show_copies_note(self) -> None:
        parties = len(self.scenario.parties) if self.scenario is not None else 0
        each = self.copies_spin.value()
        self.copies_note.setText(
            self.tr("each party keeps %1; %2 originals in all")
            .replace("%1", str(each))
            .replace("%2", str(each * parties))
        )

    # --- committing changes ------------------------------------------------------------------------

    def _request(self, edit: object) -> None:
        self.edit_requested.emit(edit, 0)

    def _commit_title(self) -> None:
        if self.scenario is not None and self.title_edit.text() != self.scenario.title:
            self._request(SetTitle(self.title_edit.text()))

    def _commit_title_en(self) -> None:
        if self.scenario is not None and self.title_en_edit.text() != self.scenario.title_en:
            self._request(SetTitleEn(self.title_en_edit.text()))

    def _commit_item_text(self, field: str) -> None:
        item = self.current_item()
        if item is None:
            return
        edit = self.item_title_edit if field == "title" else self.item_notes_edit
        text = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
        if text != getattr(item, field):
            self._request(SetItemText(item.id, field, text))

    def _commit_date(self) -> None:
        if self.scenario is None:
            return
        self.date_edit.setEnabled(not self.no_date_box.isChecked())
        if self.no_date_box.isChecked():
            chosen = None
        else:
            picked = self.date_edit.date()
            chosen = date(picked.year(), picked.month(), picked.day())
        if chosen != self.scenario.agreement.signing_date:
            self._request(SetSigningDate(chosen))

    def _commit_place(self) -> None:
        if self.scenario is not None and self.place_edit.text().strip() != self.scenario.agreement.signing_place:
            self._request(SetSigningPlace(self.place_edit.text()))

    def _commit_copies(self, copies: int) -> None:
        self._show_copies_note()
        if self.scenario is not None and copies != self.scenario.agreement.copies_per_party:
            self._request(SetCopiesPerParty(copies))

    def _commit_party_cell(self, cell: QTableWidgetItem) -> None:
        if self.scenario is None:
            return
        row, column = cell.row(), cell.column()
        party_id = self.parties_table.item(row, PARTY_COLUMN).data(Qt.ItemDataRole.UserRole)
        name = self.parties_table.item(row, PARTY_COLUMN).text()
        text = cell.text().strip()
        settings = self.scenario.agreement
        if column == SIGNATORY_COLUMN:
            office = "" if text == government_name(name) else text  # the default needs no entry
            if office != settings.signatories.get(party_id, ""):
                self._request(SetSignatory(party_id, office))
            else:
                self._shown.pop("parties", None)  # show the default again, muted
                self.set_scenario(self.scenario)
        elif column == REPRESENTATIVE_COLUMN and text != settings.representatives.get(party_id, ""):
            self._request(SetRepresentative(party_id, text))

    # --- language ----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        texts = {
            "title": self.tr("Title"),
            "title_en": self.tr("English title"),
            "item": self.tr("Item"),
            "item_title": self.tr("Item title"),
            "item_notes": self.tr("Item notes"),
            "date": self.tr("Signing date"),
            "place": self.tr("Signing place"),
            "copies": self.tr("Copies per party"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.title_edit.setToolTip(self.tr("Printed as the agreement's title: 关于…的协议"))
        self.title_en_edit.setPlaceholderText(self.tr("For the English reference translation (optional)"))
        self.item_title_edit.setPlaceholderText(self.tr("Empty: the agreement's title is used"))
        self.item_notes_edit.setPlaceholderText(self.tr("Printed after the scope of the item (有关说明)"))
        self.no_date_box.setText(self.tr("No date yet"))
        self.no_date_box.setToolTip(self.tr("The signature blocks leave blanks for a date written by hand."))
        self.place_edit.setPlaceholderText(self.tr("e.g. Chengdu, Sichuan"))
        self.signatures_label.setText(self.tr("Signatures"))
        self.parties_table.setHorizontalHeaderLabels(
            [self.tr("Party"), self.tr("Signatory office"), self.tr("Representative")]
        )
        self._show_copies_note()
