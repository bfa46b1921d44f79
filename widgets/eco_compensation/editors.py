"""The parameter editors of a basin agreement: the rule with its parameters and period, the sections, the indicators.

Each editor shows the item and emits ``edit_wanted(edit, what)`` — an edit of
:mod:`chengyu_accord.cost_sharing.instruments.eco_compensation.edits` and the name of the field for a refusal —
or ``rejected(message)`` for input it cannot even read (a word typed as an amount). It never changes the item
itself: the workspace tries the edit, and every editor is refilled from the scenario that comes back (or, after a
refusal, from the unchanged one).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.instruments.eco_compensation import edits
from chengyu_accord.cost_sharing.instruments.eco_compensation.model import EcoCompensation
from chengyu_accord.cost_sharing.instruments.eco_compensation.presets import RULE_PRESETS
from chengyu_accord.cost_sharing.money import Unit
from chengyu_accord.cost_sharing.scenario import Provenance, Scenario

from ..amount_editor import AmountEditor, AmountError, fen_in_unit, parse_amount
from ..labels import amount_provenance_badge, format_decimal, party_name, tag_label, tag_marker, ui_language, words
from ..project_cost.parts import button_row, note_label
from ..result_table import unit_name
from .names import (
    amount_name,
    entries_name,
    failure_name,
    indicator_field_name,
    param_name,
    rule_name,
    rule_summary,
    section_label,
)

BADGE_STYLES = {
    # assumed and unverified parameters must stand out, also on a projector (as in the proportional workspace)
    "A": "color: #7a3e00; background: #ffe8a3; border: 1px solid #d99a00; border-radius: 3px; "
    "padding: 1px 6px; font-weight: bold;",
    "U": "color: #7a3e00; background: #fff4d1; border: 1px solid #e0b84d; border-radius: 3px; "
    "padding: 1px 6px; font-weight: bold;",
    "user": "color: #1a5fb4; padding: 1px 0px;",
    None: "color: #8a5a00; padding: 1px 0px;",
}
NEUTRAL_BADGE = "color: #2d5a2d; padding: 1px 0px;"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COMBO_LETTERS = 10
TABLE_ROWS_SHOWN = 6


def _compact_table(table: QTableWidget) -> None:
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)


def _fit_rows(table: QTableWidget, rows: int) -> None:
    """As tall as its header and ``rows`` rows (more scroll), so the tab shows the next group too."""
    shown = min(max(table.rowCount(), 1), rows)
    height = table.horizontalHeader().sizeHint().height() + shown * table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(height + table.frameWidth() * 2 + 2)


def _cell(text: str, *, editable: bool, key: object = None, right: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    cell.setFlags(flags)
    if key is not None:
        cell.setData(KEY_ROLE, key)
    if right:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


def parse_signed_amount(text: str, unit: Unit) -> int:
    """Exact fen, a leading minus allowed (an amount whose sign says who pays)."""
    cleaned = text.strip()
    negative = cleaned.startswith(("-", "−"))
    fen = parse_amount(cleaned[1:] if negative else cleaned, unit)
    return -fen if negative else fen


def provenance_lines(provenance: Provenance | None) -> str:
    if provenance is None:
        return QCoreApplication.translate("EcoWorkspace", "The scenario does not say where these values come from.")
    lines = [
        QCoreApplication.translate("EcoWorkspace", "Provenance: %1").replace(
            "%1", f"[{provenance.tag}] {tag_label(provenance.tag)}"
        )
    ]
    if provenance.source:
        lines.append(QCoreApplication.translate("EcoWorkspace", "Source: %1").replace("%1", provenance.source))
    if provenance.note:
        lines.append(QCoreApplication.translate("EcoWorkspace", "Note: %1").replace("%1", provenance.note))
    return "\n".join(lines)


def provenance_warning(tag: str | None) -> str:
    """What an unverified or assumed tag asks of the negotiator ("" for other tags)."""
    if tag == "U":
        return QCoreApplication.translate("EcoWorkspace", "check against the original document before signing")
    if tag == "A":
        return QCoreApplication.translate("EcoWorkspace", "for demonstration only, not to sign on")
    return ""


# --- the rule -------------------------------------------------------------------------------------------------


class RuleEditor(QWidget):
    """The rule type, its provenance, the period, its scalar parameters and its table of entries."""

    edit_wanted = Signal(object, str)
    rejected = Signal(str)

    def __init__(self, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = item_id
        self.item: EcoCompensation | None = None
        self.scenario: Scenario | None = None
        self.unit = Unit.WAN_YUAN
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.type_label = QLabel(self)
        self.type_box = QComboBox(self)
        self.type_box.setObjectName("rule_type")
        self.type_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_box.setMinimumContentsLength(COMBO_LETTERS)
        for rule_type in edits.RULE_TYPES:
            self.type_box.addItem("", rule_type)
        self.preset_label = QLabel(self)
        self.preset_box = QComboBox(self)
        self.preset_box.setObjectName("rule_preset")
        self.preset_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset_box.setMinimumContentsLength(COMBO_LETTERS)
        self.preset_box.addItem("", None)
        for preset in RULE_PRESETS:
            self.preset_box.addItem("", preset.key)
        self.period_label = QLabel(self)
        self.first = QLineEdit(self)
        self.first.setObjectName("period_first")
        self.last = QLineEdit(self)
        self.last.setObjectName("period_last")
        self.to_label = QLabel(self)
        for field in (self.first, self.last):
            field.setMaximumWidth(90)
            field.setPlaceholderText("2025-01")
        period = QHBoxLayout()
        period.addWidget(self.first)
        period.addWidget(self.to_label)
        period.addWidget(self.last)
        period.addStretch(1)
        form.addRow(self.type_label, self.type_box)
        form.addRow(self.preset_label, self.preset_box)
        form.addRow(self.period_label, period)
        self.summary = note_label(self, "rule_summary")
        self.badge = QLabel(self)
        self.badge.setObjectName("rule_provenance")
        self.badge.setWordWrap(True)
        self.badge_note = note_label(self, "rule_provenance_note")
        self.badge_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.params_box = QGroupBox(self)
        self.params_box.setObjectName("rule_params")
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.param_widgets: dict[str, QWidget] = {}
        self.param_labels: dict[str, QLabel] = {}
        self.entries_box = QGroupBox(self)
        self.entries = QTableWidget(0, 2, self.entries_box)
        self.entries.setObjectName("rule_entries")
        _compact_table(self.entries)
        self.entries_note = note_label(self.entries_box)
        entries_layout = QVBoxLayout(self.entries_box)
        entries_layout.addWidget(self.entries)
        entries_layout.addWidget(self.entries_note)
        self.tiers_note = note_label(self, "rule_tiers")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.badge)
        layout.addWidget(self.badge_note)
        layout.addWidget(self.params_box)
        layout.addWidget(self.entries_box)
        layout.addWidget(self.tiers_note)
        layout.addStretch(1)
        self._shape: tuple = ()
        self._entries_shown: tuple = ()
        self._filling = False
        self.type_box.activated.connect(self._on_type_chosen)
        self.preset_box.activated.connect(self._on_preset_chosen)
        self.first.editingFinished.connect(self._on_period_typed)
        self.last.editingFinished.connect(self._on_period_typed)
        self.entries.itemChanged.connect(self._on_entry_edited)

    # --- showing ---------------------------------------------------------------------------------------

    def set_item(self, scenario: Scenario, item: EcoCompensation, unit: Unit) -> None:
        self.scenario, self.item, self.unit = scenario, item, unit
        rule = item.rule
        self.type_box.setCurrentIndex(edits.RULE_TYPES.index(rule.type))
        summary = rule_summary(rule.type)
        if self.summary.text() != summary:
            self.summary.setText(summary)
        for field, text in ((self.first, item.period.first), (self.last, item.period.last)):
            if not field.hasFocus() and field.text() != text:
                field.setText(text)
        self._show_provenance(rule.provenance)
        shape = (rule.type, ui_language(), unit, rule.provenance.tag if rule.provenance else None)
        if shape != self._shape:
            self._shape = shape
            self._build_params(rule.type)
        self._show_params()
        self._show_entries()
        self._show_tiers()

    def refresh(self) -> None:
        """Show the stored values again (after a refusal, or another language), also in the field being typed in.

        The fields stay (a refusal comes from inside one of their signals): only their texts are set again.
        """
        self._entries_shown = ()
        if self.item is not None and self.scenario is not None:
            self.set_item(self.scenario, self.item, self.unit)
            self._show_params(force=True)
            self.first.setText(self.item.period.first)
            self.last.setText(self.item.period.last)

    def _show_provenance(self, provenance: Provenance | None) -> None:
        tag = provenance.tag if provenance is not None else None
        badge = amount_provenance_badge(tag)
        warning = provenance_warning(tag)
        if warning:
            badge = f"{badge} — {warning}"
        if self.badge.text() != badge:
            self.badge.setText(badge)
            self.badge.setStyleSheet(BADGE_STYLES.get(tag, NEUTRAL_BADGE))
        note = ""
        if provenance is not None:
            note = "；".join(text for text in (provenance.source, provenance.note) if text)
        if self.badge_note.text() != note:
            self.badge_note.setText(note)
        self.badge_note.setVisible(bool(note))
        tip = provenance_lines(provenance)
        self.badge.setToolTip(tip)
        self.badge_note.setToolTip(tip)

    def _marker(self) -> str:
        provenance = self.item.rule.provenance if self.item is not None else None
        marker = tag_marker(provenance.tag) if provenance is not None else ""
        return f" {marker}" if marker else ""

    def _build_params(self, rule_type: str) -> None:
        while self.params_form.rowCount():
            row = self.params_form.takeRow(0)
            for part in (row.labelItem, row.fieldItem):
                if part is not None and part.widget() is not None:
                    part.widget().hide()
                    part.widget().deleteLater()  # never at once: a field's own signal may have led here
        self.param_widgets, self.param_labels = {}, {}
        for name, reading in edits.RULE_PARAMS[rule_type].items():
            label = QLabel(self.params_box)
            text = amount_name(rule_type) if name == "amount_fen" else param_name(name)
            label.setText(f"{text}{self._marker()}")
            label.setWordWrap(True)
            widget: QWidget
            if reading == "fen":
                editor = AmountEditor(self.params_box)
                editor.amount_committed.connect(lambda fen, n=name: self._param(n, fen))
                editor.input_rejected.connect(lambda message, n=name: self._refuse(n, message))
                widget = editor
            elif reading == "choice":
                box = QComboBox(self.params_box)
                for mode in edits.FAILURE_MODES:
                    box.addItem(failure_name(mode), mode)
                box.activated.connect(lambda _index, n=name, b=box: self._param(n, b.currentData()))
                widget = box
            else:
                line = QLineEdit(self.params_box)
                line.editingFinished.connect(lambda n=name, w=line, r=reading: self._on_param_typed(n, w, r))
                if reading == "signed_fen":
                    row = QWidget(self.params_box)
                    row_layout = QHBoxLayout(row)
                    row_layout.setContentsMargins(0, 0, 0, 0)
                    row_layout.addWidget(line, 1)
                    row_layout.addWidget(QLabel(unit_name(self.unit), row))
                    line.setToolTip(
                        QCoreApplication.translate("EcoWorkspace", "A negative amount: downstream pays upstream.")
                    )
                    widget = row
                    line.setObjectName(f"rule_{name}")
                    self.param_widgets[name] = line
                    self.param_labels[name] = label
                    self.params_form.addRow(label, widget)
                    continue
                widget = line
            widget.setObjectName(f"rule_{name}")
            self.param_widgets[name] = widget
            self.param_labels[name] = label
            self.params_form.addRow(label, widget)
        self.params_box.setVisible(bool(self.param_widgets))

    def _show_params(self, *, force: bool = False) -> None:
        rule = self.item.rule
        for name, widget in self.param_widgets.items():
            value = getattr(rule, name)
            if isinstance(widget, AmountEditor):
                widget.set_amount(value, self.unit)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QLineEdit) and (force or not widget.hasFocus()):
                text = fen_in_unit(value, self.unit) if isinstance(value, int) else str(value)
                if widget.text() != text:
                    widget.setText(text)

    def _entry_tables(self) -> tuple[str, ...]:
        return tuple(edits.RULE_ENTRIES[self.item.rule.type])

    def _show_entries(self) -> None:
        item, rule = self.item, self.item.rule
        tables = self._entry_tables()
        self.entries_box.setVisible(bool(tables))
        if not tables:
            return
        keyed_by = edits.RULE_ENTRIES[rule.type][tables[0]]
        if keyed_by == "indicator":
            keys = [(i.code, f"{i.code}") for i in item.indicators]
        else:
            keys = [(p, party_name(self.scenario.party(p))) for p in item.parties]
        values = tuple(tuple(getattr(rule, t).get(k) for t in tables) for k, _ in keys)
        shown = (ui_language(), self.unit, tables, tuple(keys), values, self._marker())
        if shown == self._entries_shown:
            return
        self._entries_shown = shown
        self._filling = True
        try:
            self.entries.setColumnCount(1 + len(tables))
            first = (
                QCoreApplication.translate("EcoWorkspace", "Indicator")
                if keyed_by == "indicator"
                else QCoreApplication.translate("EcoWorkspace", "Party")
            )
            self.entries.setHorizontalHeaderLabels([first, *(f"{entries_name(t)}{self._marker()}" for t in tables)])
            self.entries.setRowCount(len(keys))
            for row, ((key, name), row_values) in enumerate(zip(keys, values, strict=True)):
                self.entries.setItem(row, 0, _cell(name, editable=False, key=key))
                for column, (table, value) in enumerate(zip(tables, row_values, strict=True), start=1):
                    text = "" if value is None else self._entry_text(table, value)
                    self.entries.setItem(row, column, _cell(text, editable=True, key=table, right=True))
            self.entries.resizeColumnToContents(0)
            _fit_rows(self.entries, TABLE_ROWS_SHOWN)
        finally:
            self._filling = False
        self.entries_box.setTitle(QCoreApplication.translate("EcoWorkspace", "Parameters by %1").replace("%1", first))
        notes = {
            "weights": QCoreApplication.translate(
                "EcoWorkspace", "An empty weight leaves the indicator out of P. The 新安江 weights add up to 1."
            ),
            "standards": QCoreApplication.translate(
                "EcoWorkspace", "Yuan per tonne over (or under) the target; an empty cell leaves the indicator out."
            ),
            "contributions": QCoreApplication.translate(
                "EcoWorkspace", "Relative ratios: 1 : 5 : 4 is 10 %, 50 %, 40 %."
            ),
        }
        self.entries_note.setText(notes.get(tables[0], ""))

    def _entry_text(self, table: str, value: object) -> str:
        if table == "standards":
            return format_decimal(fen_in_unit(int(value), Unit.YUAN))  # type: ignore[call-overload]
        return str(value)

    def _show_tiers(self) -> None:
        rule = self.item.rule
        tiers = getattr(rule, "tiers", ())
        count = sum(len(t) for t in tiers.values()) if isinstance(tiers, dict) else len(tiers)
        text = ""
        if count:
            text = QCoreApplication.translate(
                "EcoWorkspace", "%1 tier(s) of the rule apply (edited in the scenario file)."
            ).replace("%1", str(count))
        if rule.type == "exceedance":
            listed = "，".join(
                f">{Decimal(t.lower_bound).normalize():f}: {fen_in_unit(t.amount_fen, self.unit)}" for t in rule.tiers
            )
            text = (
                QCoreApplication.translate("EcoWorkspace", "Tiers of m (amount in %1 × (1 + m)): %2")
                .replace("%1", unit_name(self.unit))
                .replace("%2", listed)
            )
        if self.tiers_note.text() != text:
            self.tiers_note.setText(text)
        self.tiers_note.setVisible(bool(text))

    # --- editing ---------------------------------------------------------------------------------------

    def _param(self, name: str, value: object) -> None:
        if self.item is not None and getattr(self.item.rule, name, None) == value:
            return
        self.edit_wanted.emit(edits.SetRuleParam(self.item_id, name, value), self._param_label(name))

    def _param_label(self, name: str) -> str:
        if self.item is not None and name == "amount_fen":
            return amount_name(self.item.rule.type)
        return param_name(name)

    def _refuse(self, name: str, message: str) -> None:
        self.rejected.emit(f"{self._param_label(name)}: {message}")

    def _on_param_typed(self, name: str, line: QLineEdit, reading: str) -> None:
        if not line.isModified():
            return
        line.setModified(False)
        value: object = line.text()
        if reading == "signed_fen":
            try:
                value = parse_signed_amount(line.text(), self.unit)
            except AmountError as exc:
                self._refuse(name, str(exc))
                return
        self._param(name, value)

    def _on_type_chosen(self, index: int) -> None:
        rule_type = edits.RULE_TYPES[index]
        if self.item is not None and rule_type != self.item.rule.type:
            self.edit_wanted.emit(edits.SetRuleType(self.item_id, rule_type), self.type_label.text())

    def _on_preset_chosen(self, index: int) -> None:
        key = self.preset_box.itemData(index)
        self.preset_box.setCurrentIndex(0)  # a choice to act on, not a state: the rule shows what was applied
        if key is not None and self.item is not None:
            self.edit_wanted.emit(edits.ApplyRulePreset(self.item_id, key), self.preset_label.text())

    def _on_period_typed(self) -> None:
        if not (self.first.isModified() or self.last.isModified()):
            return
        self.first.setModified(False)
        self.last.setModified(False)
        if self.item is None:
            return
        first, last = self.first.text().strip(), self.last.text().strip()
        if (first, last) != (self.item.period.first, self.item.period.last):
            self.edit_wanted.emit(edits.SetPeriod(self.item_id, first, last), self.period_label.text())

    def _on_entry_edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or self.item is None or cell.column() == 0:
            return
        table = cell.data(KEY_ROLE)
        key = self.entries.item(cell.row(), 0).data(KEY_ROLE)
        what = f"{entries_name(table)} · {self.entries.item(cell.row(), 0).text()}"
        text = cell.text().strip()
        value: object | None = text or None
        if text and table == "standards":
            try:
                value = parse_amount(text, Unit.YUAN)
            except AmountError as exc:
                self.rejected.emit(f"{what}: {exc}")
                return
        current = getattr(self.item.rule, table).get(key)
        if value == current or (value is not None and current is not None and str(value) == str(current)):
            return
        self.edit_wanted.emit(edits.SetRuleEntry(self.item_id, table, key, value), what)

    def retranslate(self) -> None:
        self.type_label.setText(QCoreApplication.translate("EcoWorkspace", "Rule"))
        self.preset_label.setText(QCoreApplication.translate("EcoWorkspace", "Sourced rule"))
        self.preset_box.setItemText(0, QCoreApplication.translate("EcoWorkspace", "Start from a sourced rule…"))
        for index, preset in enumerate(RULE_PRESETS, start=1):
            self.preset_box.setItemText(index, words(preset.name))
        self.period_label.setText(QCoreApplication.translate("EcoWorkspace", "Period"))
        self.to_label.setText(QCoreApplication.translate("EcoWorkspace", "to"))
        for index, rule_type in enumerate(edits.RULE_TYPES):
            self.type_box.setItemText(index, rule_name(rule_type))
        self.params_box.setTitle(QCoreApplication.translate("EcoWorkspace", "Parameters"))
        self.refresh()


# --- the sections ---------------------------------------------------------------------------------------------


class SectionsEditor(QWidget):
    """The assessment sections (name, upstream parties with ratios, downstream party); the chosen one in detail."""

    edit_wanted = Signal(object, str)
    rejected = Signal(str)

    def __init__(self, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = item_id
        self.item: EcoCompensation | None = None
        self.scenario: Scenario | None = None
        self.note = note_label(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("sections_table")
        _compact_table(self.table)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add_section")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove_section")
        self.detail = QGroupBox(self)
        self.detail.setObjectName("section_detail")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_en_label = QLabel(self.detail)
        self.name_en = QLineEdit(self.detail)
        self.name_en.setObjectName("section_name_en")
        self.downstream_label = QLabel(self.detail)
        self.downstream = QComboBox(self.detail)
        self.downstream.setObjectName("section_downstream")
        self.downstream.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.downstream.setMinimumContentsLength(COMBO_LETTERS)
        form.addRow(self.name_en_label, self.name_en)
        form.addRow(self.downstream_label, self.downstream)
        self.upstream = QTableWidget(0, 2, self.detail)
        self.upstream.setObjectName("upstream_table")
        _compact_table(self.upstream)
        self.add_party = QComboBox(self.detail)
        self.add_party.setObjectName("upstream_candidate")
        self.add_party.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.add_party.setMinimumContentsLength(COMBO_LETTERS)
        self.add_upstream = QPushButton(self.detail)
        self.add_upstream.setObjectName("add_upstream")
        self.remove_upstream = QPushButton(self.detail)
        self.remove_upstream.setObjectName("remove_upstream")
        upstream_buttons = QHBoxLayout()
        upstream_buttons.addWidget(self.add_party, 1)
        upstream_buttons.addWidget(self.add_upstream)
        upstream_buttons.addWidget(self.remove_upstream)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.addLayout(form)
        detail_layout.addWidget(self.upstream)
        detail_layout.addLayout(upstream_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addLayout(button_row(self.add_button, self.remove_button))
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self._shown: tuple = ()
        self._filling = False
        self.table.itemChanged.connect(self._on_name_edited)
        self.table.currentCellChanged.connect(lambda row, _c, old, _o: self._on_chosen(row, old))
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.name_en.editingFinished.connect(self._on_name_en)
        self.downstream.activated.connect(self._on_downstream)
        self.upstream.itemChanged.connect(self._on_ratio_edited)
        self.add_upstream.clicked.connect(self._on_add_upstream)
        self.remove_upstream.clicked.connect(self._on_remove_upstream)

    @property
    def current(self) -> int:
        row = self.table.currentRow()
        return row if row >= 0 else 0

    def _name(self, party_id: str) -> str:
        try:
            return party_name(self.scenario.party(party_id))
        except KeyError:
            return party_id

    def set_item(self, scenario: Scenario, item: EcoCompensation) -> None:
        self.scenario, self.item = scenario, item
        shown = (ui_language(), item.sections, item.parties, tuple(p.name_zh for p in scenario.parties))
        if shown == self._shown:
            return
        self._shown = shown
        current = min(self.current, len(item.sections) - 1)
        self._filling = True
        try:
            self.table.setRowCount(len(item.sections))
            for row, section in enumerate(item.sections):
                upstream = "、".join(
                    self._name(u.party) + (f"({u.ratio})" if len(section.upstream) > 1 else "")
                    for u in section.upstream
                )
                self.table.setItem(row, 0, _cell(section.name_zh, editable=True, key=section.id))
                self.table.setItem(row, 1, _cell(upstream, editable=False))
                self.table.setItem(row, 2, _cell(self._name(section.downstream), editable=False))
                self.table.item(row, 0).setToolTip(section_label(section))
            self.table.resizeColumnsToContents()
            _fit_rows(self.table, TABLE_ROWS_SHOWN)
            self.table.setCurrentCell(current, 0)
        finally:
            self._filling = False
        self._show_detail(current)

    def refresh(self) -> None:
        self._shown = ()
        if self.item is not None and self.scenario is not None:
            self.set_item(self.scenario, self.item)

    def _show_detail(self, index: int) -> None:
        item = self.item
        if item is None or not 0 <= index < len(item.sections):
            return
        section = item.sections[index]
        self.detail.setTitle(QCoreApplication.translate("EcoWorkspace", "Section: %1").replace("%1", section.name_zh))
        if not self.name_en.hasFocus():
            self.name_en.setText(section.name_en)
        self.downstream.clear()
        for pid in item.parties:
            self.downstream.addItem(self._name(pid), pid)
        self.downstream.setCurrentIndex(self.downstream.findData(section.downstream))
        self._filling = True
        try:
            self.upstream.setRowCount(len(section.upstream))
            for row, up in enumerate(section.upstream):
                self.upstream.setItem(row, 0, _cell(self._name(up.party), editable=False, key=up.party))
                self.upstream.setItem(row, 1, _cell(up.ratio, editable=True, right=True))
            self.upstream.resizeColumnToContents(0)
            _fit_rows(self.upstream, 3)
        finally:
            self._filling = False
        taken = {u.party for u in section.upstream} | {section.downstream}
        self.add_party.clear()
        for pid in item.parties:
            if pid not in taken:
                self.add_party.addItem(self._name(pid), pid)
        self.add_party.setEnabled(self.add_party.count() > 0)
        self.add_upstream.setEnabled(self.add_party.count() > 0)
        self.remove_upstream.setEnabled(len(section.upstream) > 1)
        self.remove_button.setEnabled(len(item.sections) > 1)

    def _what(self, index: int) -> str:
        name = self.item.sections[index].name_zh if self.item is not None else ""
        return QCoreApplication.translate("EcoWorkspace", "Section %1").replace("%1", name)

    def _on_chosen(self, row: int, old: int) -> None:
        if not self._filling and row != old and row >= 0:
            self._show_detail(row)

    def _on_name_edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != 0 or self.item is None:
            return
        index = cell.row()
        if cell.text().strip() == self.item.sections[index].name_zh:
            return
        self.edit_wanted.emit(edits.SetSectionName(self.item_id, index, "name_zh", cell.text()), self._what(index))

    def _on_name_en(self) -> None:
        if not self.name_en.isModified() or self.item is None:
            return
        self.name_en.setModified(False)
        index = self.current
        self.edit_wanted.emit(
            edits.SetSectionName(self.item_id, index, "name_en", self.name_en.text()), self._what(index)
        )

    def _on_downstream(self, _position: int) -> None:
        if self.item is None:
            return
        index = self.current
        party = self.downstream.currentData()
        if party != self.item.sections[index].downstream:
            what = f"{self._what(index)} · {self.downstream_label.text()}"
            self.edit_wanted.emit(edits.SetDownstream(self.item_id, index, party), what)

    def _on_ratio_edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != 1 or self.item is None:
            return
        index = self.current
        ratio = QCoreApplication.translate("EcoWorkspace", "Contribution ratio")
        what = f"{self._what(index)} · {self.upstream.item(cell.row(), 0).text()} · {ratio}"
        self.edit_wanted.emit(edits.SetUpstream(self.item_id, index, cell.row(), ratio=cell.text()), what)

    def _on_add(self) -> None:
        item = self.item
        if item is None:
            return
        number = len(item.sections) + 1
        upstream, downstream = item.parties[0], item.parties[1]
        if item.sections:  # a new section of the same pair as the chosen one: the usual case in a basin
            section = item.sections[self.current]
            upstream, downstream = section.upstream[0].party, section.downstream
        edit = edits.AddSection(
            self.item_id,
            QCoreApplication.translate("EcoWorkspace", "New section %1").replace("%1", str(number)),
            upstream,
            downstream,
        )
        self.edit_wanted.emit(edit, QCoreApplication.translate("EcoWorkspace", "Sections"))

    def _on_remove(self) -> None:
        if self.item is not None:
            self.edit_wanted.emit(
                edits.RemoveSection(self.item_id, self.current), QCoreApplication.translate("EcoWorkspace", "Sections")
            )

    def _on_add_upstream(self) -> None:
        party = self.add_party.currentData()
        if self.item is not None and party is not None:
            index = self.current
            self.edit_wanted.emit(edits.AddUpstream(self.item_id, index, party), self._what(index))

    def _on_remove_upstream(self) -> None:
        if self.item is None:
            return
        index = self.current
        position = max(self.upstream.currentRow(), 0)
        self.edit_wanted.emit(edits.RemoveUpstream(self.item_id, index, position), self._what(index))

    def retranslate(self) -> None:
        self.note.setText(
            QCoreApplication.translate(
                "EcoWorkspace",
                "An assessment section (断面) on a border: its upstream parties pay or receive, shared by their "
                "contribution ratios; the downstream party the other way.",
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("EcoWorkspace", "Section"),
                QCoreApplication.translate("EcoWorkspace", "Upstream"),
                QCoreApplication.translate("EcoWorkspace", "Downstream"),
            ]
        )
        self.upstream.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("EcoWorkspace", "Upstream party"),
                QCoreApplication.translate("EcoWorkspace", "Contribution ratio"),
            ]
        )
        self.add_button.setText(QCoreApplication.translate("EcoWorkspace", "Add section"))
        self.remove_button.setText(QCoreApplication.translate("EcoWorkspace", "Remove section"))
        self.name_en_label.setText(QCoreApplication.translate("EcoWorkspace", "English name"))
        self.downstream_label.setText(QCoreApplication.translate("EcoWorkspace", "Downstream"))
        self.add_upstream.setText(QCoreApplication.translate("EcoWorkspace", "Add upstream"))
        self.remove_upstream.setText(QCoreApplication.translate("EcoWorkspace", "Remove"))
        self.refresh()


# --- the indicators -------------------------------------------------------------------------------------------

INDICATOR_COLUMNS = ("code", "name_zh", "unit", "target", "baseline")


class IndicatorsEditor(QWidget):
    """The indicators: code, name, unit, target and baseline, typed in the table; their provenance beside."""

    edit_wanted = Signal(object, str)
    rejected = Signal(str)

    def __init__(self, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = item_id
        self.item: EcoCompensation | None = None
        self.note = note_label(self)
        self.table = QTableWidget(0, len(INDICATOR_COLUMNS) + 1, self)
        self.table.setObjectName("indicators_table")
        _compact_table(self.table)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add_indicator")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove_indicator")
        self.provenance = note_label(self, "indicator_provenance")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addLayout(button_row(self.add_button, self.remove_button))
        layout.addWidget(self.provenance)
        layout.addStretch(1)
        self._shown: tuple = ()
        self._filling = False
        self.table.itemChanged.connect(self._on_edited)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_provenance(row))
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)

    def set_item(self, item: EcoCompensation) -> None:
        self.item = item
        shown = (ui_language(), item.indicators)
        if shown == self._shown:
            return
        self._shown = shown
        current = max(self.table.currentRow(), 0)
        self._filling = True
        try:
            self.table.setRowCount(len(item.indicators))
            for row, indicator in enumerate(item.indicators):
                for column, field in enumerate(INDICATOR_COLUMNS):
                    value = getattr(indicator, field)
                    right = field in ("target", "baseline")
                    self.table.setItem(row, column, _cell("" if value is None else value, editable=True, right=right))
                tag = indicator.provenance.tag if indicator.provenance is not None else None
                marker = tag_marker(tag) if tag else ""
                source = _cell(marker or ("[S]" if tag == "S" else "—"), editable=False)
                source.setToolTip(provenance_lines(indicator.provenance))
                self.table.setItem(row, len(INDICATOR_COLUMNS), source)
            self.table.resizeColumnsToContents()
            _fit_rows(self.table, TABLE_ROWS_SHOWN)
            if item.indicators:
                self.table.setCurrentCell(min(current, len(item.indicators) - 1), 0)
        finally:
            self._filling = False
        self.remove_button.setEnabled(len(item.indicators) > 1)
        self._show_provenance(self.table.currentRow())

    def refresh(self) -> None:
        self._shown = ()
        if self.item is not None:
            self.set_item(self.item)

    def _show_provenance(self, row: int) -> None:
        item = self.item
        if item is None or not 0 <= row < len(item.indicators):
            self.provenance.setText("")
            return
        indicator = item.indicators[row]
        tag = indicator.provenance.tag if indicator.provenance is not None else None
        lines = [f"{indicator.code}: {provenance_lines(indicator.provenance)}"]
        warning = provenance_warning(tag)
        if warning:
            lines.append(f"{amount_provenance_badge(tag)} — {warning}")
        self.provenance.setText("\n".join(lines))

    def _on_edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or self.item is None or cell.column() >= len(INDICATOR_COLUMNS):
            return
        field = INDICATOR_COLUMNS[cell.column()]
        indicator = self.item.indicators[cell.row()]
        current = getattr(indicator, field)
        text = cell.text().strip()
        if text == ("" if current is None else current):
            return
        what = f"{indicator.code} · {indicator_field_name(field)}"
        self.edit_wanted.emit(edits.SetIndicatorField(self.item_id, cell.row(), field, text), what)

    def _on_add(self) -> None:
        if self.item is None:
            return
        taken = {i.code for i in self.item.indicators}
        number = len(taken) + 1
        while f"X{number}" in taken:
            number += 1
        edit = edits.AddIndicator(
            self.item_id, f"X{number}", QCoreApplication.translate("EcoWorkspace", "New indicator")
        )
        self.edit_wanted.emit(edit, QCoreApplication.translate("EcoWorkspace", "Indicators"))

    def _on_remove(self) -> None:
        if self.item is not None:
            row = max(self.table.currentRow(), 0)
            self.edit_wanted.emit(
                edits.RemoveIndicator(self.item_id, row), QCoreApplication.translate("EcoWorkspace", "Indicators")
            )

    def retranslate(self) -> None:
        self.note.setText(
            QCoreApplication.translate(
                "EcoWorkspace",
                "Targets are used by the per-tonne, status, exceedance and pooled-fund rules, baselines by the P-index "
                "(and as last year's level by the status rule). Clear a cell to leave a limit unset.",
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                *(indicator_field_name(f) for f in INDICATOR_COLUMNS),
                QCoreApplication.translate("EcoWorkspace", "Source"),
            ]
        )
        self.add_button.setText(QCoreApplication.translate("EcoWorkspace", "Add indicator"))
        self.remove_button.setText(QCoreApplication.translate("EcoWorkspace", "Remove indicator"))
        self.refresh()
