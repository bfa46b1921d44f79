"""The workspace of a cost-sharing project: the project, the split, the parties' attributes, the game.

The parameters sit in tabs in the left column (so a 1366×768 screen shows them without clipping): the split
(agreed method, basis, factor-weight sliders, a fixed amount, the methods compared), the project (names, type,
capital, operating cost, life, term, rate, contributions off the top), the parties' attributes, and the game
(coalition costs as typed and as completed, line segments). The middle column is the base's comparison table
("methods": parties × methods, with a frozen total row and flagged cells); the chart column chooses between the
amounts by method, the savings against building alone and the yearly payments as charts, and two tables the
engine computes that no chart shows: the stand-alone and marginal costs with each party's saving, and the
payment schedule. The split tab also carries the parties' bargaining power when Nash bargaining is in use.

Every change leaves as an edit of :mod:`chengyu_accord.cost_sharing.instruments.project_cost.edits`; an input
the edit refuses is explained (naming the field) and the stored value is shown again.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.charts import Chart, chart_of_table
from chengyu_accord.cost_sharing.diagnostics import Target
from chengyu_accord.cost_sharing.edits import EditError
from chengyu_accord.cost_sharing.engine import display_precision
from chengyu_accord.cost_sharing.instruments.project_cost import edits
from chengyu_accord.cost_sharing.instruments.project_cost.model import FACTORS, METHODS, ProjectCostSharing
from chengyu_accord.cost_sharing.numbers import NumberError, canonical_decimal, parse_decimal
from chengyu_accord.cost_sharing.results import shown_table

from ..amount_editor import AmountEditor, AmountError, fen_in_unit, parse_amount
from ..labels import format_decimal, party_name, ui_language, words
from ..proportional.weights_editor import WeightsEditor
from ..result_table import unit_name
from ..workspace import InstrumentWorkspace, set_text
from .game_editor import CoalitionEditor, SegmentEditor
from .names import attribute_name, factor_name, factor_short_name, field_name, method_name, problem_text, type_name
from .parties_table import PartiesTable
from .parts import button_row, note_label
from .result_view import ResultTableView, WrappedHeaderModel

PROJECT_TYPES = edits.PROJECT_TYPES
CHARTS = ("methods", "savings", "years")
"""The charts the chart column can draw: amounts by method and party, savings against going alone, yearly payments."""
TABLE_VIEWS = ("benchmarks", "schedule")
"""The tables it can show instead: stand-alone and marginal costs with savings, the payment schedule."""
VIEWS = CHARTS + TABLE_VIEWS
PAGE_CHART, PAGE_TABLE = range(2)
METHODS_LIST_HEIGHT = 170
COMBO_LETTERS = 12
TAB_SPLIT, TAB_PROJECT, TAB_PARTIES, TAB_GAME = range(4)


class _ChartSink:
    """Stands in for the chart while the base draws its default (the workspace then draws the chosen chart once)."""

    def __init__(self) -> None:
        self.chart: Chart | None = None
        self.message = ""

    def set_chart(self, chart: Chart | None) -> None:
        self.chart, self.message = chart, ""

    def show_message(self, text: str) -> None:
        self.chart, self.message = None, text


class ProjectCostWorkspace(InstrumentWorkspace):
    """Edit and compare the cost sharing of one project live."""

    item: ProjectCostSharing | None

    def __init__(self, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(item_id, parent)
        self.shown_chart: Chart | None = None
        """The chart last drawn (for tests and exports)."""
        self._default_message = ""
        self.tabs = QTabWidget(self.params)
        self.tabs.setObjectName("project_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.addTab(self._build_split_tab(), "")
        self.tabs.addTab(self._build_project_tab(), "")
        self.tabs.addTab(self._build_parties_tab(), "")
        self.tabs.addTab(self._build_game_tab(), "")
        self.params_layout.addWidget(self.tabs)
        # long method names wrap onto several header lines, so every method's column fits beside the parameters
        self.model.deleteLater()
        self.model = WrappedHeaderModel(self)
        self.model.modelReset.connect(self._on_table_reset)
        self.table.setModel(self.model)

        # the chart column: a chooser above the base's chart
        chart_column = QWidget(self)
        chart_layout = QVBoxLayout(chart_column)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_box = QComboBox(chart_column)
        self.chart_box.setObjectName("chart_choice")
        for key in VIEWS:
            self.chart_box.addItem("", key)
        chart_layout.addWidget(self.chart_box)
        index = self.columns.indexOf(self.chart)
        self.columns.replaceWidget(index, chart_column)
        # the chart and the tables share the room below the chooser: one is shown at a time
        self.chart_stack = QStackedWidget(chart_column)
        self.chart_stack.setObjectName("chart_stack")
        self.result_view = ResultTableView(self.chart_stack)
        self.result_view.setObjectName("result_view")
        self.chart_stack.addWidget(self.chart)
        self.chart_stack.addWidget(self.result_view)
        chart_layout.addWidget(self.chart_stack, 1)
        self.chart.show()
        self.columns.setStretchFactor(index, 4)
        self.chart_column = chart_column
        self.chart_box.activated.connect(lambda _index: self._draw_chart())

        # Method columns are sized to their content, never stretched: a stretched last column would ask for the
        # room it was stretched to, and the columns beside the parameters must show every method whole.
        self.table.horizontalHeader().setStretchLastSection(False)

        for box in (self.method_box, self.basis_box, self.fixed_party, self.type_box, self.chart_box):
            # long method and party names must not widen the parameter column: the box shows what fits
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(COMBO_LETTERS)

        self._retranslate()

    # --- building ---------------------------------------------------------------------------------

    def _build_split_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 6, 4, 4)  # the sliders get the width, not the frames around them
        form = QFormLayout()
        self.method_label = QLabel(page)
        self.method_box = QComboBox(page)
        self.method_box.setObjectName("agreement_method_box")
        for method in METHODS:
            self.method_box.addItem("", method)
        self.basis_label = QLabel(page)
        self.basis_box = QComboBox(page)
        self.basis_box.setObjectName("basis_box")
        for factor in FACTORS:
            self.basis_box.addItem("", factor)
        form.addRow(self.method_label, self.method_box)
        form.addRow(self.basis_label, self.basis_box)
        layout.addLayout(form)

        self.weights_box = QGroupBox(page)
        self.weights_box.setObjectName("factor_weights_box")
        self.weights_editor = WeightsEditor(self.weights_box)
        self.weights_editor.setObjectName("factor_weights")
        weights_layout = QVBoxLayout(self.weights_box)
        weights_layout.setContentsMargins(6, 4, 6, 6)
        self.weights_note = note_label(self.weights_box)
        weights_layout.addWidget(self.weights_note)
        weights_layout.addWidget(self.weights_editor)
        layout.addWidget(self.weights_box)

        self.power_box = QGroupBox(page)
        self.power_box.setObjectName("bargaining_power_box")
        self.power_editor = WeightsEditor(self.power_box)
        self.power_editor.setObjectName("bargaining_power")
        power_layout = QVBoxLayout(self.power_box)
        power_layout.setContentsMargins(6, 4, 6, 6)
        self.power_note = note_label(self.power_box)
        power_layout.addWidget(self.power_note)
        power_layout.addWidget(self.power_editor)
        layout.addWidget(self.power_box)

        self.fixed_box = QGroupBox(page)
        fixed_layout = QFormLayout(self.fixed_box)
        self.fixed_party_label = QLabel(self.fixed_box)
        self.fixed_party = QComboBox(self.fixed_box)
        self.fixed_party.setObjectName("fixed_party")
        self.fixed_amount_label = QLabel(self.fixed_box)
        self.fixed_amount = AmountEditor(self.fixed_box)
        self.fixed_amount.setObjectName("fixed_amount")
        fixed_layout.addRow(self.fixed_party_label, self.fixed_party)
        fixed_layout.addRow(self.fixed_amount_label, self.fixed_amount)
        layout.addWidget(self.fixed_box)

        self.methods_box = QGroupBox(page)
        methods_layout = QVBoxLayout(self.methods_box)
        self.methods_list = QListWidget(self.methods_box)
        self.methods_list.setObjectName("methods_shown")
        self.methods_list.setFixedHeight(METHODS_LIST_HEIGHT)
        for method in METHODS:
            entry = QListWidgetItem("")
            entry.setData(Qt.ItemDataRole.UserRole, method)
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.methods_list.addItem(entry)
        methods_layout.addWidget(self.methods_list)
        layout.addWidget(self.methods_box)
        layout.addStretch(1)

        self.method_box.activated.connect(self._on_method_chosen)
        self.basis_box.activated.connect(self._on_basis_chosen)
        self.weights_editor.weight_changed.connect(self._on_weight_changed)
        self.weights_editor.input_rejected.connect(self._reject)
        self.power_editor.weight_changed.connect(self._on_power_changed)
        self.power_editor.input_rejected.connect(self._reject)
        self.fixed_party.activated.connect(self._on_fixed_changed)
        self.fixed_amount.amount_committed.connect(lambda _fen: self._on_fixed_changed())
        self.fixed_amount.input_rejected.connect(self._reject)
        self.methods_list.itemChanged.connect(self._on_methods_ticked)
        return page

    def _build_project_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.project_labels: dict[str, QLabel] = {}
        self.name_zh = QLineEdit(page)
        self.name_zh.setObjectName("project_name_zh")
        self.name_en = QLineEdit(page)
        self.name_en.setObjectName("project_name_en")
        self.type_box = QComboBox(page)
        self.type_box.setObjectName("project_type")
        for project_type in PROJECT_TYPES:
            self.type_box.addItem("", project_type)
        self.capital = AmountEditor(page)
        self.capital.setObjectName("capital")
        self.operating = AmountEditor(page)
        self.operating.setObjectName("operating")
        self.years: dict[str, QSpinBox] = {}
        for field, (low, high) in edits.PROJECT_YEAR_FIELDS.items():
            box = QSpinBox(page)
            box.setObjectName(field)
            box.setRange(low, high)
            box.setKeyboardTracking(False)
            self.years[field] = box
        self.rate = QLineEdit(page)
        self.rate.setObjectName("discount_rate")
        rate_row = QWidget(page)
        rate_layout = QHBoxLayout(rate_row)
        rate_layout.setContentsMargins(0, 0, 0, 0)
        rate_layout.addWidget(self.rate, 1)
        rate_layout.addWidget(QLabel("%", rate_row))
        fields = (
            ("name_zh", self.name_zh),
            ("name_en", self.name_en),
            ("type", self.type_box),
            ("capital_fen", self.capital),
            ("operating_fen_per_year", self.operating),
            ("life_years", self.years["life_years"]),
            ("term_years", self.years["term_years"]),
            ("discount_rate", rate_row),
            ("start_year", self.years["start_year"]),
        )
        for field, widget in fields:
            label = QLabel(page)
            self.project_labels[field] = label
            form.addRow(label, widget)
        self.shared_label = QLabel(page)
        self.shared = QLabel(page)
        self.shared.setObjectName("shared_amount")
        form.addRow(self.shared_label, self.shared)
        layout.addLayout(form)

        self.contributions_box = QGroupBox(page)
        contributions_layout = QVBoxLayout(self.contributions_box)
        self.contributions = QTableWidget(0, 2, self.contributions_box)
        self.contributions.setObjectName("contributions_table")
        self.contributions.verticalHeader().hide()
        self.contributions.horizontalHeader().setStretchLastSection(True)
        self.contributions.setMinimumHeight(100)
        self.add_contribution = QPushButton(self.contributions_box)
        self.add_contribution.setObjectName("add_contribution")
        self.remove_contribution = QPushButton(self.contributions_box)
        self.remove_contribution.setObjectName("remove_contribution")
        buttons = button_row(self.add_contribution, self.remove_contribution)
        contributions_layout.addWidget(self.contributions)
        contributions_layout.addLayout(buttons)
        layout.addWidget(self.contributions_box)
        layout.addStretch(1)
        self._contributions_shown: tuple = ()

        self.name_zh.editingFinished.connect(lambda: self._on_text_field("name_zh", self.name_zh))
        self.name_en.editingFinished.connect(lambda: self._on_text_field("name_en", self.name_en))
        self.type_box.activated.connect(
            lambda index: self._project_edit("type", PROJECT_TYPES[index]) if index >= 0 else None
        )
        self.capital.amount_committed.connect(lambda fen: self._project_edit("capital_fen", fen))
        self.capital.input_rejected.connect(self._reject)
        self.operating.amount_committed.connect(lambda fen: self._project_edit("operating_fen_per_year", fen))
        self.operating.input_rejected.connect(self._reject)
        for field, box in self.years.items():
            box.valueChanged.connect(lambda value, f=field: self._on_year_field(f, value))
        self.rate.editingFinished.connect(self._on_rate_typed)
        self.add_contribution.clicked.connect(self._on_add_contribution)
        self.remove_contribution.clicked.connect(self._on_remove_contribution)
        self.contributions.itemChanged.connect(self._on_contribution_edited)
        return page

    def _build_parties_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.parties_note = note_label(page)
        self.parties_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.parties_note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.parties_table = PartiesTable(page)
        layout.addWidget(self.parties_note)
        layout.addWidget(self.parties_table)
        layout.addStretch(1)
        self.parties_table.attribute_edited.connect(self._on_attribute_edited)
        return page

    def _build_game_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.coalitions_box = QGroupBox(page)
        self.coalition_editor = CoalitionEditor(self.coalitions_box)
        QVBoxLayout(self.coalitions_box).addWidget(self.coalition_editor)
        self.segments_box = QGroupBox(page)
        self.segment_editor = SegmentEditor(self.segments_box)
        QVBoxLayout(self.segments_box).addWidget(self.segment_editor)
        layout.addWidget(self.coalitions_box)
        layout.addWidget(self.segments_box)
        layout.addStretch(1)
        self.coalition_editor.cost_set.connect(self._on_coalition_cost)
        self.coalition_editor.input_rejected.connect(self._reject)
        self.segment_editor.segment_edited.connect(self._on_segment_edited)
        self.segment_editor.add_requested.connect(self._on_add_segment)
        self.segment_editor.remove_requested.connect(
            lambda index: self._try(edits.RemoveSegment(self.item_id, index), self._segment_label)
        )
        self.segment_editor.input_rejected.connect(self._reject)
        return page

    # --- edits ------------------------------------------------------------------------------------

    def _problem_text(self, error: EditError) -> str:
        return problem_text(error)

    def _reject(self, text: str) -> None:
        """An input was refused: say why (the message names the field) and show the stored values again."""
        for widget in (self.parties_table, self.coalition_editor, self.segment_editor):
            widget.refresh()
        self._contributions_shown = ()
        if self.item is not None:
            self.update_parameters()
        self.show_message(text)

    def _project_edit(self, field: str, value: object) -> None:
        if self.item is not None and getattr(self.item.project, field) == value:
            return
        self._try(edits.SetProjectField(self.item_id, field, value), field_name(field))

    def _on_text_field(self, field: str, line: QLineEdit) -> None:
        if line.isModified():
            line.setModified(False)
            self._project_edit(field, line.text())

    def _on_year_field(self, field: str, value: int) -> None:
        self._project_edit(field, value)

    def _on_rate_typed(self) -> None:
        if not self.rate.isModified():
            return
        self.rate.setModified(False)
        text = self.rate.text()
        try:
            percent = parse_decimal(text.replace("%", ""), maximum=Decimal(100))
        except NumberError as exc:
            self._reject(f"{field_name('discount_rate')}: {words(exc.text)}")
            return
        self._project_edit("discount_rate", canonical_decimal(percent / 100))

    def _on_add_contribution(self) -> None:
        self._try(
            edits.AddContribution(self.item_id, "外部出资", 0, "Contribution"),
            QCoreApplication.translate("ProjectCostWorkspace", "Contributions"),
        )

    def _on_remove_contribution(self) -> None:
        row = self.contributions.currentRow()
        if row < 0:
            row = self.contributions.rowCount() - 1
        if row >= 0:
            self._try(
                edits.RemoveContribution(self.item_id, row),
                QCoreApplication.translate("ProjectCostWorkspace", "Contributions"),
            )

    def _on_contribution_edited(self, cell: QTableWidgetItem) -> None:
        what = QCoreApplication.translate("ProjectCostWorkspace", "Contribution %1").replace("%1", str(cell.row() + 1))
        if cell.column() == 0:
            field = "name_en" if ui_language() == "en" else "name_zh"
            self._try(edits.SetContribution(self.item_id, cell.row(), field, cell.text()), what)
            return
        try:
            fen = parse_amount(cell.text(), self._unit())
        except AmountError as exc:
            self._reject(f"{what}: {exc}")
            return
        self._try(edits.SetContribution(self.item_id, cell.row(), "amount_fen", fen), what)

    def _on_attribute_edited(self, party_id: str, attribute: str, text: str) -> None:
        name = party_name(self.scenario.party(party_id))
        what = f"{name} · {attribute_name(attribute)}"
        value: object | None = text or None
        if text and attribute in ("works_fen", "negotiated_fen"):
            try:
                value = parse_amount(text, self._unit())
            except AmountError as exc:
                self._reject(f"{what}: {exc}")
                return
        self._try(edits.SetPartyAttribute(self.item_id, party_id, attribute, value), what)

    def _on_method_chosen(self, index: int) -> None:
        method = METHODS[index]
        if self.item is not None and method != self.item.method:
            self._try(edits.SetAgreementMethod(self.item_id, method), self.method_label.text())

    def _on_basis_chosen(self, index: int) -> None:
        basis = FACTORS[index]
        if self.item is not None and basis != self.item.basis:
            self._try(edits.SetBasis(self.item_id, basis), self.basis_label.text())

    def _on_weight_changed(self, factor: str, weight: str, gesture: int) -> None:
        # a drag is one gesture: every step is requested with its number, and the undo stack merges them
        self.request(edits.SetFactorWeight(self.item_id, factor, weight), gesture)

    def _on_power_changed(self, party_id: str, power: str, gesture: int) -> None:
        # a drag is one gesture, like the factor weights: the undo stack merges its steps
        self._try(edits.SetBargainingPower(self.item_id, party_id, power), self.power_box.title(), gesture)

    def _on_fixed_changed(self) -> None:
        if self.item is None:
            return
        party = self.fixed_party.currentData()
        fen = self.fixed_amount._fen
        current = self.item.fixed
        if party is None:
            if current is not None:
                self._try(edits.SetFixed(self.item_id, None), self.fixed_box.title())
            return
        if current is not None and current.party == party and current.amount_fen == fen:
            return
        self._try(edits.SetFixed(self.item_id, party, fen), self.fixed_box.title())

    def _on_methods_ticked(self, _entry: QListWidgetItem) -> None:
        if self.item is None:
            return
        ticked = {
            self.methods_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.methods_list.count())
            if self.methods_list.item(i).checkState() == Qt.CheckState.Checked
        }
        kept = [m for m in self.item.methods if m in ticked]
        added = [m for m in METHODS if m in ticked and m not in kept]
        methods = tuple(kept + added)
        if methods != self.item.methods:
            self._try(edits.SetMethods(self.item_id, methods), self.methods_box.title())

    def _on_coalition_cost(self, parties: tuple, fen: object) -> None:
        what = QCoreApplication.translate("ProjectCostWorkspace", "Coalition cost")
        self._try(edits.SetCoalitionCost(self.item_id, tuple(parties), fen), what)  # type: ignore[arg-type]

    def _on_segment_edited(self, index: int, field: str, value: object) -> None:
        self._try(edits.SetSegment(self.item_id, index, field, value), self._segment_label)

    def _on_add_segment(self) -> None:
        number = len(self.item.segments) + 1 if self.item is not None else 1
        self._try(edits.AddSegment(self.item_id, f"区段{number}", 0, f"Segment {number}"), self._segment_label)

    @property
    def _segment_label(self) -> str:
        return QCoreApplication.translate("ProjectCostWorkspace", "Segments")

    def focus_target(self, target: Target) -> None:
        field = target.field or ""
        if field.startswith("parties") or target.attribute in ("length_km", "works_fen", "demand", "reach", "users"):
            self.tabs.setCurrentIndex(TAB_PARTIES)
            if target.party_id:
                try:
                    row = self.parties_table.row_of(target.party_id)
                except KeyError:
                    return
                attribute = target.attribute if target.attribute in self.parties_table_columns() else "party"
                self.parties_table.setCurrentCell(row, self.parties_table.column_of(attribute))
        elif field.startswith(("coalitions", "segments")):
            self.tabs.setCurrentIndex(TAB_GAME)
        elif field.startswith(("project", "contributions")):
            self.tabs.setCurrentIndex(TAB_PROJECT)
        else:
            self.tabs.setCurrentIndex(TAB_SPLIT)
            if field.startswith("weights"):
                self.weights_box.setFocus(Qt.FocusReason.OtherFocusReason)
            elif field == "basis":
                self.basis_box.setFocus(Qt.FocusReason.OtherFocusReason)
            elif field == "method":
                self.method_box.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def parties_table_columns() -> tuple[str, ...]:
        from .parties_table import COLUMNS

        return COLUMNS

    # --- drawing ----------------------------------------------------------------------------------

    def _unit(self):
        return display_precision(self.scenario).unit

    def update_parameters(self) -> None:
        item, unit = self.item, self._unit()
        self.method_box.setCurrentIndex(METHODS.index(item.method))
        self.basis_box.setCurrentIndex(FACTORS.index(item.basis))
        for index, method in enumerate(METHODS):
            text = method_name(method, item.basis)
            if self.method_box.itemText(index) != text:
                self.method_box.setItemText(index, text)
        self.weights_editor.set_weights(FACTORS, [factor_short_name(f) for f in FACTORS], dict(item.weights))
        for factor, row in self.weights_editor.rows.items():
            tip = factor_name(factor)
            if row.slider.toolTip() != tip:
                row.slider.setToolTip(tip)
        self._update_power()
        self._update_fixed(unit)
        self.methods_list.blockSignals(True)
        for index in range(self.methods_list.count()):
            entry = self.methods_list.item(index)
            method = entry.data(Qt.ItemDataRole.UserRole)
            state = Qt.CheckState.Checked if method in item.methods else Qt.CheckState.Unchecked
            if entry.checkState() != state:
                entry.setCheckState(state)
            text = method_name(method, item.basis)
            if entry.text() != text:
                entry.setText(text)
        self.methods_list.blockSignals(False)
        self._update_project(unit)
        self.parties_table.set_item(self.scenario, item, unit)
        self.coalition_editor.set_item(self.scenario, item, self.result, unit)
        self.segment_editor.set_item(item, unit)

    def _update_power(self) -> None:
        """The parties' bargaining powers, when Nash bargaining is compared or agreed (a party not typed has 1)."""
        item = self.item
        used = "nash" in item.methods or item.method == "nash"
        self.power_box.setVisible(used)
        if not used:
            return
        ids = [p.party for p in item.parties]
        names = [party_name(self.scenario.party(pid)) for pid in ids]
        self.power_editor.set_weights(ids, names, {pid: str(item.bargaining_power.get(pid, "1")) for pid in ids})

    def _update_fixed(self, unit) -> None:
        item = self.item
        parties = [(p.party, party_name(self.scenario.party(p.party))) for p in item.parties]
        listed = [(self.fixed_party.itemData(i), self.fixed_party.itemText(i)) for i in range(self.fixed_party.count())]
        wanted = [(None, QCoreApplication.translate("ProjectCostWorkspace", "(none: every amount by the method)"))]
        wanted += parties
        if listed != wanted:
            self.fixed_party.clear()
            for data, text in wanted:
                self.fixed_party.addItem(text, data)
        fixed = item.fixed
        self.fixed_party.setCurrentIndex(self.fixed_party.findData(fixed.party) if fixed is not None else 0)
        self.fixed_amount.set_amount(fixed.amount_fen if fixed is not None else 0, unit)
        self.fixed_amount.setEnabled(fixed is not None or self.fixed_party.currentIndex() > 0)

    def _update_project(self, unit) -> None:
        project = self.item.project
        for line, text in ((self.name_zh, project.name_zh), (self.name_en, project.name_en)):
            if not line.hasFocus() and line.text() != text:
                line.setText(text)
        self.type_box.setCurrentIndex(PROJECT_TYPES.index(project.type))
        self.capital.set_amount(project.capital_fen, unit)
        self.operating.set_amount(project.operating_fen_per_year, unit)
        for field, box in self.years.items():
            if box.value() != getattr(project, field):
                box.blockSignals(True)
                box.setValue(getattr(project, field))
                box.blockSignals(False)
        percent = canonical_decimal(Decimal(project.discount_rate) * 100)
        if not self.rate.hasFocus() and self.rate.text() != percent:
            self.rate.setText(percent)
        set_text(self.shared, f"{format_decimal(fen_in_unit(self.item.shared_fen, unit))} {unit_name(unit)}")
        shown = (ui_language(), unit, self.item.contributions)
        if shown != self._contributions_shown:
            self._contributions_shown = shown
            self.contributions.blockSignals(True)
            self.contributions.setRowCount(len(self.item.contributions))
            self.contributions.setHorizontalHeaderLabels(
                [
                    QCoreApplication.translate("ProjectCostWorkspace", "Contributor"),
                    QCoreApplication.translate("ProjectCostWorkspace", "Amount (%1)").replace("%1", unit_name(unit)),
                ]
            )
            for row, contribution in enumerate(self.item.contributions):
                name = contribution.name_en or contribution.name_zh if ui_language() == "en" else contribution.name_zh
                self.contributions.setItem(row, 0, QTableWidgetItem(name))
                amount = QTableWidgetItem(format_decimal(fen_in_unit(contribution.amount_fen, unit)))
                amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.contributions.setItem(row, 1, amount)
            self.contributions.blockSignals(False)
            self.contributions.resizeColumnToContents(0)

    def _table_width(self) -> int:
        """Every method column as sized (none is stretched), the frame and the vertical scroll bar."""
        header = self.table.horizontalHeader()
        count = self.model.columnCount()
        if not count:
            return 0
        columns = sum(header.sectionSize(c) for c in range(count))
        return columns + self.table.frameWidth() * 2 + self.table.verticalScrollBar().sizeHint().width()

    def _update_results(self) -> None:
        """The base draws the table, the totals and the checks; the chart is the one chosen above it."""
        real, sink = self.chart, _ChartSink()
        self.chart = sink  # type: ignore[assignment]
        try:
            super()._update_results()
        finally:
            self.chart = real
        self._default_message = sink.message
        self._keep_totals_whole()
        self._draw_chart()

    def _keep_totals_whole(self) -> None:
        """Columns sized to their cells again (another language) must still show their bold totals whole."""
        if not self.totals.columnCount() or self.totals.item(0, 0) is None:
            return
        header = self.table.horizontalHeader()
        metrics = QFontMetrics(self.totals.item(0, 0).font())
        for column in range(min(self.totals.columnCount(), header.count())):
            cell = self.totals.item(0, column)
            needed = metrics.horizontalAdvance(cell.text()) + 16 if cell is not None else 0
            if header.sectionSize(column) < needed:
                header.resizeSection(column, needed)
            if self.totals.columnWidth(column) != header.sectionSize(column):
                self.totals.setColumnWidth(column, header.sectionSize(column))

    def _draw_chart(self) -> None:
        result = self.result
        if result is None or self.scenario is None:
            return
        self.chart_stack.setCurrentIndex(PAGE_CHART)
        if not result.ok or not result.tables:
            self.shown_chart = None
            self.chart.show_message(self._default_message)
            return
        choice = self.chart_box.currentData() or "methods"
        available = {t.key for t in result.tables}
        precision = display_precision(self.scenario)
        unit = unit_name(precision.unit)
        lang = ui_language()
        if choice not in available:
            self.shown_chart = None
            if choice in ("savings", "benchmarks"):
                text = QCoreApplication.translate(
                    "ProjectCostWorkspace",
                    "No savings to show: they compare each party's amount with what it would pay building alone. "
                    "Type coalition costs or line segments (tab “Game”) to give the parties stand-alone costs.",
                )
            else:
                text = QCoreApplication.translate("ProjectCostWorkspace", "This chart has no figures yet.")
            self.chart.show_message(text)
            return
        table = result.table(choice)
        shown = shown_table(table, precision)
        if choice in TABLE_VIEWS:
            self.shown_chart = None
            self._show_table(choice, shown)
            return
        columns = tuple(table.columns[c].key for c in table.money_columns)
        titles = {
            "methods": QCoreApplication.translate("ProjectCostWorkspace", "Amounts by method and party"),
            "savings": QCoreApplication.translate("ProjectCostWorkspace", "Savings against building alone"),
            "years": QCoreApplication.translate("ProjectCostWorkspace", "Yearly payments by party"),
        }
        key = f"{self.item_id}-{choice}"
        chart = chart_of_table(shown, columns, lang=lang, key=key, title=titles[choice], unit=unit)
        if choice == "years":
            chart = dataclasses.replace(chart, form="stacked_bars")
        self.shown_chart = chart
        self.chart.set_chart(chart)

    def _show_table(self, choice: str, shown) -> None:
        """One of the engine's tables, as shown, with its total row, in place of the chart."""
        titles = {
            "benchmarks": QCoreApplication.translate(
                "ProjectCostWorkspace", "Stand-alone and marginal costs, and savings under the agreed split"
            ),
            "schedule": QCoreApplication.translate("ProjectCostWorkspace", "Payment schedule under the agreed split"),
        }
        notes = {
            "benchmarks": QCoreApplication.translate(
                "ProjectCostWorkspace",
                "Saving = stand-alone cost − agreed amount. A negative saving (in red, with a minus sign) means "
                "the party pays more than building alone.",
            ),
            "schedule": QCoreApplication.translate(
                "ProjectCostWorkspace",
                "The capital payment is made each year of the term, the operating cost each year of the life; "
                "the present value discounts every payment at the project's discount rate.",
            ),
        }
        self.result_view.set_table(shown, self.row_header(), titles[choice], notes[choice])
        self.chart_stack.setCurrentIndex(PAGE_TABLE)

    def retranslate_parameters(self) -> None:
        for index, text in enumerate(
            (
                QCoreApplication.translate("ProjectCostWorkspace", "Split"),
                QCoreApplication.translate("ProjectCostWorkspace", "Project"),
                QCoreApplication.translate("ProjectCostWorkspace", "Parties"),
                QCoreApplication.translate("ProjectCostWorkspace", "Game"),
            )
        ):
            self.tabs.setTabText(index, text)
        self.tabs.setTabToolTip(
            TAB_GAME, QCoreApplication.translate("ProjectCostWorkspace", "Coalition costs and line segments")
        )
        self.method_label.setText(QCoreApplication.translate("ProjectCostWorkspace", "Agreement uses"))
        self.basis_label.setText(QCoreApplication.translate("ProjectCostWorkspace", "Proportional by"))
        for index, factor in enumerate(FACTORS):
            self.basis_box.setItemText(index, factor_name(factor))
        self.weights_box.setTitle(
            QCoreApplication.translate("ProjectCostWorkspace", "Factor weights (weighted method)")
        )
        self.weights_note.setText(
            QCoreApplication.translate(
                "ProjectCostWorkspace", "Drag or type: relative weights, shown as shares of 100 %."
            )
        )
        self.fixed_box.setTitle(QCoreApplication.translate("ProjectCostWorkspace", "Fix one party's amount"))
        self.fixed_party_label.setText(QCoreApplication.translate("ProjectCostWorkspace", "Party"))
        self.fixed_amount_label.setText(QCoreApplication.translate("ProjectCostWorkspace", "Pays"))
        self.methods_box.setTitle(QCoreApplication.translate("ProjectCostWorkspace", "Methods compared"))
        self.power_box.setTitle(QCoreApplication.translate("ProjectCostWorkspace", "Bargaining power (Nash)"))
        self.power_note.setText(
            QCoreApplication.translate(
                "ProjectCostWorkspace",
                "Nash bargaining splits the savings against building alone in these proportions (equal if untouched).",
            )
        )
        for field, label in self.project_labels.items():
            label.setText(field_name(field))
        for index, project_type in enumerate(PROJECT_TYPES):
            self.type_box.setItemText(index, type_name(project_type))
        self.rate.setToolTip(
            QCoreApplication.translate("ProjectCostWorkspace", "Annual rate in percent, e.g. 4 for 4 %.")
        )
        self.shared_label.setText(QCoreApplication.translate("ProjectCostWorkspace", "Shared by the parties"))
        self.contributions_box.setTitle(QCoreApplication.translate("ProjectCostWorkspace", "Contributions off the top"))
        self.add_contribution.setText(QCoreApplication.translate("ProjectCostWorkspace", "Add"))
        self.remove_contribution.setText(QCoreApplication.translate("ProjectCostWorkspace", "Remove"))
        self._contributions_shown = ()
        self.parties_note.setText(
            QCoreApplication.translate(
                "ProjectCostWorkspace",
                "Double-click a cell to type; clear it to mark the value missing. "
                "Population, GDP and budget revenue come from the parties' data (read-only here).",
            )
        )
        self.parties_table.refresh()
        self.coalitions_box.setTitle(QCoreApplication.translate("ProjectCostWorkspace", "Coalition costs"))
        self.coalition_editor.retranslate()
        self.segments_box.setTitle(QCoreApplication.translate("ProjectCostWorkspace", "Line segments"))
        self.segment_editor.retranslate()
        chart_names = (
            QCoreApplication.translate("ProjectCostWorkspace", "Chart: amounts by method and party"),
            QCoreApplication.translate("ProjectCostWorkspace", "Chart: savings against building alone"),
            QCoreApplication.translate("ProjectCostWorkspace", "Chart: yearly payments by party"),
            QCoreApplication.translate("ProjectCostWorkspace", "Table: stand-alone and marginal costs, savings"),
            QCoreApplication.translate("ProjectCostWorkspace", "Table: payment schedule"),
        )
        for index, text in enumerate(chart_names):
            self.chart_box.setItemText(index, text)
