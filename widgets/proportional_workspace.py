"""The workspace of a proportional split: amount, basis or weights, the result table and its chart.

This is the pattern every instrument's workspace follows: it shows one item of
a scenario, and every change the user makes leaves it only as a pure edit
(``edit_requested(edit, gesture)``) for the application to put on its undo
stack. The workspace never changes the scenario itself; it redraws when the
application hands it the new scenario and result.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing import edits
from chengyu_accord.cost_sharing.engine import ItemResult, display_precision, shown_amounts
from chengyu_accord.cost_sharing.money import format_amount
from chengyu_accord.cost_sharing.scenario import ProportionalSplit, Scenario

from .allocation_model import AllocationTableModel
from .amount_editor import AmountEditor
from .chart import ChartWidget
from .labels import ATTRIBUTES, attribute_label, party_name, ui_language
from .weights_editor import WeightsEditor

BASES = (*ATTRIBUTES, "weights")
ERROR_STYLE = "color: #b00020;"


class ProportionalSplitWorkspace(QWidget):
    """Edit and see one proportional-split item live."""

    kind = "proportional_split"
    edit_requested = Signal(object, int)
    """(edit, gesture): a pure edit from cost_sharing.edits; equal non-zero gestures merge into one undo step."""

    def __init__(self, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = item_id
        self._scenario: Scenario | None = None
        self._item: ProportionalSplit | None = None
        self._result: ItemResult | None = None

        self.params_box = QGroupBox(self)
        form = QFormLayout(self.params_box)
        self.amount_label = QLabel(self.params_box)
        self.amount_editor = AmountEditor(self.params_box)
        self.basis_label = QLabel(self.params_box)
        self.basis_box = QComboBox(self.params_box)
        self.basis_box.setObjectName("basis_box")
        for basis in BASES:
            self.basis_box.addItem("", basis)
        form.addRow(self.amount_label, self.amount_editor)
        form.addRow(self.basis_label, self.basis_box)
        self.message = QLabel(self.params_box)
        self.message.setObjectName("input_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        form.addRow(self.message)

        self.weights_box = QGroupBox(self)
        self.weights_editor = WeightsEditor()
        scroll = QScrollArea(self.weights_box)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.weights_editor)
        QVBoxLayout(self.weights_box).addWidget(scroll)

        self.model = AllocationTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.diagnostics = QLabel(self)
        self.diagnostics.setWordWrap(True)
        self.diagnostics.setObjectName("diagnostics")
        self.chart = ChartWidget(self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.params_box)
        left_layout.addWidget(self.weights_box, 1)
        left_layout.addStretch(0)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.diagnostics)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(left)
        top.addWidget(right)
        top.setSizes([360, 640])
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.chart)
        splitter.setSizes([420, 440])
        QVBoxLayout(self).addWidget(splitter)

        self.amount_editor.amount_committed.connect(self._on_amount_committed)
        self.amount_editor.input_rejected.connect(self.show_message)
        self.weights_editor.input_rejected.connect(self.show_message)
        self.weights_editor.weight_changed.connect(self._on_weight_changed)
        self.basis_box.activated.connect(self._on_basis_chosen)
        self._retranslate()

    # --- from the application --------------------------------------------------------------------

    def set_scenario(self, scenario: Scenario, result: ItemResult) -> None:
        """Show the item of ``scenario`` this workspace is for, with its computed result."""
        self._scenario = scenario
        self._item = next(i for i in scenario.items if i.id == self.item_id)
        self._result = result
        self.amount_editor.set_amount(self._item.amount_fen)
        self.basis_box.setCurrentIndex(BASES.index(self._item.basis))
        self.model.set_result(scenario, self._item, result)
        self._update_weights()
        self._update_chart()
        self._update_diagnostics()

    def title(self) -> str:
        """Tab title: the item's own title, else what kind of split it is."""
        if self._item is not None and self._item.title:
            return self._item.title
        return QCoreApplication.translate("ProportionalSplitWorkspace", "Proportional split")

    def show_message(self, text: str) -> None:
        """Show why an input was refused (cleared by the next accepted edit)."""
        self.message.setText(text)

    # --- user edits ------------------------------------------------------------------------------

    def _request(self, edit: object, gesture: int = 0) -> None:
        self.message.clear()
        self.edit_requested.emit(edit, gesture)

    def _on_amount_committed(self, fen: int) -> None:
        self._request(edits.SetItemAmount(self.item_id, fen))

    def _on_weight_changed(self, party_id: str, weight: str, gesture: int) -> None:
        self._request(edits.SetWeight(self.item_id, party_id, weight), gesture)

    def _on_basis_chosen(self, index: int) -> None:
        basis = BASES[index]
        if self._item is None or basis == self._item.basis:
            return
        if basis == "weights" and not self._item.weights:
            # Start from the current basis values, so that switching alone changes no amount.
            seeds = self._seed_weights()
            self._request(edits.Batch((edits.SetWeights(self.item_id, seeds), edits.SetItemBasis(self.item_id, basis))))
        else:
            self._request(edits.SetItemBasis(self.item_id, basis))

    def _seed_weights(self) -> tuple[tuple[str, str], ...]:
        """The current basis values as weights (exact, so the amounts stay the same); 1 each when missing."""
        parties = self._scenario.item_parties(self._item)
        if self._result is not None and self._result.ok and self._result.allocations:
            return tuple((p.id, p.figure(self._item.basis).value) for p in parties)  # type: ignore[union-attr]
        return tuple((p.id, "1") for p in parties)

    # --- drawing ---------------------------------------------------------------------------------

    def _update_weights(self) -> None:
        visible = self._item.basis == "weights"
        self.weights_box.setVisible(visible)
        if visible:
            parties = self._scenario.item_parties(self._item)
            self.weights_editor.set_weights(parties, [party_name(p) for p in parties], dict(self._item.weights))

    def _update_chart(self) -> None:
        precision = display_precision(self._scenario)
        unit = precision.unit.label_zh if ui_language() == "zh" else precision.unit.label_en
        axis = QCoreApplication.translate("ProportionalSplitWorkspace", "Amount (%1)").replace("%1", unit)
        result = self._result
        if not result.ok or not result.allocations:
            self.chart.set_bars([], [], axis)
            return
        shown, _total = shown_amounts(result, precision)
        names = [party_name(self._scenario.party(a.party_id)) for a in result.allocations]
        texts = [format_amount(v, precision, with_unit=False) for v in shown]
        self.chart.set_bars(names, [float(v) for v in shown], axis, texts)  # floats only to draw bar lengths

    def _update_diagnostics(self) -> None:
        lines = []
        for diagnostic in self._result.diagnostics:
            text = diagnostic.message_zh if ui_language() == "zh" else diagnostic.message_en
            lines.append(("▲ " if diagnostic.level != "info" else "ⓘ ") + text)
        self.diagnostics.setText("\n".join(lines))
        self.diagnostics.setStyleSheet(ERROR_STYLE if not self._result.ok else "color: #555;")

    def _retranslate(self) -> None:
        self.params_box.setTitle(QCoreApplication.translate("ProportionalSplitWorkspace", "Parameters"))
        self.amount_label.setText(QCoreApplication.translate("ProportionalSplitWorkspace", "Amount to split"))
        self.basis_label.setText(QCoreApplication.translate("ProportionalSplitWorkspace", "Split by"))
        self.weights_box.setTitle(QCoreApplication.translate("ProportionalSplitWorkspace", "Weights (drag or type)"))
        for index, basis in enumerate(BASES):
            self.basis_box.setItemText(index, attribute_label(basis))
        self.message.clear()
        if self._scenario is not None:
            self.model.retranslate()
            self._update_weights()
            self._update_chart()
            self._update_diagnostics()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
