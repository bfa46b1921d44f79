"""The workspace of a proportional split: amount, basis or weights, the result table and its chart.

This is the pattern every instrument's workspace follows: it shows one item of
a scenario, and every change the user makes leaves it only as a pure edit
(``edit_requested(edit, gesture)``) for the application to put on its undo
stack. The workspace never changes the scenario itself; it redraws when the
application hands it the new scenario and result.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing import edits
from chengyu_accord.cost_sharing.engine import Diagnostic, ItemResult, display_precision, shown_amounts
from chengyu_accord.cost_sharing.money import format_amount
from chengyu_accord.cost_sharing.scenario import ProportionalSplit, Provenance, Scenario

from .allocation_model import AllocationTableModel
from .amount_editor import AmountEditor
from .chart import ChartWidget
from .labels import ATTRIBUTES, amount_provenance_badge, attribute_label, party_name, tag_label, ui_language
from .weights_editor import WeightsEditor

BASES = (*ATTRIBUTES, "weights")
ERROR_STYLE = "color: #b00020;"
LEVEL_COLOURS = {"error": QColor("#b00020"), "warning": QColor("#8a5a00"), "info": QColor("#333333")}
FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_CHART_PROBLEMS = 6
BADGE_STYLES = {
    # Assumed and unverified amounts must stand out, also on a projector: a warning colour and bold.
    "A": "color: #7a3e00; background: #ffe8a3; border: 1px solid #d99a00; border-radius: 3px; "
    "padding: 1px 6px; font-weight: bold;",
    "U": "color: #7a3e00; background: #fff4d1; border: 1px solid #e0b84d; border-radius: 3px; "
    "padding: 1px 6px; font-weight: bold;",
    "user": "color: #1a5fb4; padding: 1px 0px;",
    None: "color: #8a5a00; padding: 1px 0px;",
}
NEUTRAL_BADGE = "color: #2d5a2d; padding: 1px 0px;"
SUMMARY_STYLES = {"error": "color: #b00020; font-weight: bold;", "ok": "color: #2d6a2d;"}


def diagnostic_target(field: str) -> tuple[str, str, str]:
    """What a diagnostic's field points at: ("figure", party_id, attribute), ("weight", party_id, ""),
    ("basis", "", "") or ("", "", "") when there is nothing to go to."""
    if field.startswith("parties.") and ".figures." in field:
        party_id, attribute = field[len("parties.") :].rsplit(".figures.", 1)
        return "figure", party_id, attribute
    if field.startswith("items[") and ".weights." in field:
        return "weight", field.split(".weights.", 1)[1], ""
    if field.startswith("items[") and field.endswith(".basis"):
        return "basis", "", ""
    return "", "", ""


class ProportionalSplitWorkspace(QWidget):
    """Edit and see one proportional-split item live."""

    kind = "proportional_split"
    edit_requested = Signal(object, int)
    """(edit, gesture): a pure edit from cost_sharing.edits; equal non-zero gestures merge into one undo step."""
    party_requested = Signal(str, str)
    """(party_id, attribute): the user clicked a problem about a party's figure; show it in the parties panel."""

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
        self.provenance_label = QLabel(self.params_box)
        self.provenance_badge = QLabel(self.params_box)
        self.provenance_badge.setObjectName("amount_provenance")
        self.provenance_badge.setWordWrap(True)  # the window may be narrowed: the badge wraps, never clips
        self.provenance_note = QLabel(self.params_box)
        self.provenance_note.setObjectName("amount_provenance_note")
        self.provenance_note.setWordWrap(True)
        self.provenance_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.provenance_note.setStyleSheet("color: #444;")
        provenance = QWidget(self.params_box)
        provenance_layout = QVBoxLayout(provenance)
        provenance_layout.setContentsMargins(0, 0, 0, 0)
        provenance_layout.setSpacing(2)
        provenance_layout.addWidget(self.provenance_badge)
        provenance_layout.addWidget(self.provenance_note)
        self.notes_label = QLabel(self.params_box)
        self.notes = QLabel(self.params_box)
        self.notes.setObjectName("item_notes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.amount_label, self.amount_editor)
        form.addRow(self.provenance_label, provenance)
        form.addRow(self.basis_label, self.basis_box)
        form.addRow(self.notes_label, self.notes)
        self._form = form
        self.message = QLabel(self.params_box)
        self.message.setObjectName("input_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        form.addRow(self.message)

        # The parameters keep their full height (wrapped notes included); the checks below give way instead.
        self.params_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self.weights_box = QGroupBox(self)
        self.weights_editor = WeightsEditor()
        scroll = QScrollArea(self.weights_box)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.weights_editor)
        QVBoxLayout(self.weights_box).addWidget(scroll)
        self.weights_box.setMinimumHeight(210)  # about five sliders; the column scrolls for the rest

        self.model = AllocationTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart = ChartWidget(self)

        self.checks_box = QGroupBox(self)
        self.checks_box.setObjectName("checks_box")
        self.summary = QLabel(self.checks_box)
        self.summary.setObjectName("diagnostics_summary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.diagnostics = QListWidget(self.checks_box)
        self.diagnostics.setObjectName("diagnostics")
        self.diagnostics.setWordWrap(True)
        self.diagnostics.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.diagnostics.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.diagnostics.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.diagnostics.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        checks_layout = QVBoxLayout(self.checks_box)
        checks_layout.addWidget(self.summary)
        checks_layout.addWidget(self.diagnostics, 1)

        self.left_panel = left = QWidget(self)
        self._left_layout = left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.params_box)
        left_layout.addWidget(self.weights_box, 1)
        left_layout.addWidget(self.checks_box, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        # In a short window the column scrolls rather than squashing the wrapped provenance and notes.
        left_scroll = QScrollArea(self)
        left_scroll.setObjectName("left_scroll")
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setWidget(left)
        top.addWidget(left_scroll)
        top.addWidget(right)
        top.setSizes([400, 600])
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
        self.diagnostics.itemClicked.connect(self._on_diagnostic_chosen)
        self.diagnostics.itemActivated.connect(self._on_diagnostic_chosen)
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
        self._update_provenance()
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
        # A typed amount is the user's: it no longer carries the preset's source or "assumed" note.
        self._request(edits.set_amount_edit(self._scenario, self.item_id, fen))

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

    def _on_diagnostic_chosen(self, entry: QListWidgetItem) -> None:
        """Go to what a problem is about: the party's figure, the weight to type, or the basis."""
        kind, party_id, attribute = diagnostic_target(entry.data(FIELD_ROLE) or "")
        if kind == "figure":
            self.party_requested.emit(party_id, attribute)
        elif kind == "weight" and party_id in self.weights_editor.rows:
            self.weights_editor.rows[party_id].edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif kind == "basis":
            self.basis_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- drawing ---------------------------------------------------------------------------------

    def _update_provenance(self) -> None:
        provenance: Provenance | None = self._item.amount_provenance
        tag = provenance.tag if provenance is not None else None
        self.provenance_badge.setText(amount_provenance_badge(tag))
        self.provenance_badge.setStyleSheet(BADGE_STYLES.get(tag, NEUTRAL_BADGE))
        note = provenance.note if provenance is not None else ""
        self.provenance_note.setText(note)
        self.provenance_note.setVisible(bool(note))
        lines = []
        if provenance is not None:
            lines.append(
                QCoreApplication.translate("ProportionalSplitWorkspace", "Provenance: %1").replace(
                    "%1", f"[{tag}] {tag_label(tag)}"
                )
            )
            if provenance.source:
                lines.append(
                    QCoreApplication.translate("ProportionalSplitWorkspace", "Source: %1").replace(
                        "%1", provenance.source
                    )
                )
            if provenance.note:
                lines.append(
                    QCoreApplication.translate("ProportionalSplitWorkspace", "Note: %1").replace("%1", provenance.note)
                )
        else:
            lines.append(
                QCoreApplication.translate(
                    "ProportionalSplitWorkspace", "The scenario does not say where this amount comes from."
                )
            )
        tooltip = "\n".join(lines)
        for widget in (self.provenance_badge, self.provenance_note):
            widget.setToolTip(tooltip)
        self.notes.setText(self._item.notes)
        self._form.setRowVisible(self.notes, bool(self._item.notes))

    def _update_weights(self) -> None:
        visible = self._item.basis == "weights"
        self.weights_box.setVisible(visible)
        # With weights shown they get the room; otherwise the checks fill the column.
        self._left_layout.setStretchFactor(self.checks_box, 0 if visible else 1)
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
            # The big empty chart area repeats the problems in large type, for the room to read.
            problems = [d.message_zh if ui_language() == "zh" else d.message_en for d in result.diagnostics]
            shown = [*problems[:MAX_CHART_PROBLEMS], *(["…"] if len(problems) > MAX_CHART_PROBLEMS else [])]
            self.chart.show_message(
                "\n\n".join(
                    [
                        QCoreApplication.translate(
                            "ProportionalSplitWorkspace",
                            "No amounts: this split cannot be computed until the problems listed under “Checks” "
                            "are fixed.",
                        ),
                        "\n".join(f"• {p}" for p in shown),
                    ]
                )
            )
            return
        shown, _total = shown_amounts(result, precision)
        names = [party_name(self._scenario.party(a.party_id)) for a in result.allocations]
        texts = [format_amount(v, precision, with_unit=False) for v in shown]
        self.chart.set_bars(names, [float(v) for v in shown], axis, texts)  # floats only to draw bar lengths

    def _update_diagnostics(self) -> None:
        result = self._result
        self.diagnostics.clear()
        for diagnostic in sorted(result.diagnostics, key=_severity):
            self.diagnostics.addItem(self._diagnostic_entry(diagnostic))
        self.diagnostics.setVisible(bool(result.diagnostics))
        if not result.ok:
            text = QCoreApplication.translate(
                "ProportionalSplitWorkspace",
                "Cannot compute this split. Fix the problems below; no amounts are shown until then.",
            )
            self.summary.setStyleSheet(SUMMARY_STYLES["error"])
        elif result.diagnostics:
            text = QCoreApplication.translate("ProportionalSplitWorkspace", "Computed. Notes on the inputs:")
            self.summary.setStyleSheet("")
        else:
            text = QCoreApplication.translate(
                "ProportionalSplitWorkspace", "Computed; nothing to report about the inputs."
            )
            self.summary.setStyleSheet(SUMMARY_STYLES["ok"])
        self.summary.setText(text)

    def _diagnostic_entry(self, diagnostic: Diagnostic) -> QListWidgetItem:
        icons = {
            "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
            "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
        }
        text = diagnostic.message_zh if ui_language() == "zh" else diagnostic.message_en
        entry = QListWidgetItem(self.style().standardIcon(icons[diagnostic.level]), text)
        entry.setForeground(QBrush(LEVEL_COLOURS[diagnostic.level]))
        entry.setData(FIELD_ROLE, diagnostic.field)
        kind, _party, _attribute = diagnostic_target(diagnostic.field)
        hints = {
            "figure": QCoreApplication.translate(
                "ProportionalSplitWorkspace", "Click to show this party's figure in the parties panel."
            ),
            "weight": QCoreApplication.translate("ProportionalSplitWorkspace", "Click to type this party's weight."),
            "basis": QCoreApplication.translate("ProportionalSplitWorkspace", "Click to choose another basis."),
        }
        entry.setToolTip(hints.get(kind, text))
        return entry

    def _retranslate(self) -> None:
        self.params_box.setTitle(QCoreApplication.translate("ProportionalSplitWorkspace", "Parameters"))
        self.amount_label.setText(QCoreApplication.translate("ProportionalSplitWorkspace", "Amount to split"))
        self.basis_label.setText(QCoreApplication.translate("ProportionalSplitWorkspace", "Split by"))
        self.provenance_label.setText(QCoreApplication.translate("ProportionalSplitWorkspace", "Amount source"))
        self.notes_label.setText(QCoreApplication.translate("ProportionalSplitWorkspace", "Notes"))
        self.checks_box.setTitle(QCoreApplication.translate("ProportionalSplitWorkspace", "Checks"))
        self.weights_box.setTitle(QCoreApplication.translate("ProportionalSplitWorkspace", "Weights (drag or type)"))
        for index, basis in enumerate(BASES):
            self.basis_box.setItemText(index, attribute_label(basis))
        self.message.clear()
        if self._scenario is not None:
            self.model.retranslate()
            self._update_provenance()
            self._update_weights()
            self._update_chart()
            self._update_diagnostics()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _severity(diagnostic: Diagnostic) -> int:
    """Errors first, then warnings, then information (stable within a level)."""
    return {"error": 0, "warning": 1, "info": 2}[diagnostic.level]
