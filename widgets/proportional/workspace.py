"""The workspace of a proportional split: the amount, its source, the basis or the weights.

The table, the frozen total, the chart and the checks come from
:class:`~chengyu_accord.widgets.workspace.InstrumentWorkspace`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from chengyu_accord.cost_sharing.diagnostics import Target
from chengyu_accord.cost_sharing.engine import display_precision
from chengyu_accord.cost_sharing.instruments.proportional import edits
from chengyu_accord.cost_sharing.instruments.proportional.compute import WEIGHTS_LABEL
from chengyu_accord.cost_sharing.instruments.proportional.model import BASES, ProportionalSplit
from chengyu_accord.cost_sharing.scenario import Provenance

from ..amount_editor import AmountEditor
from ..labels import amount_provenance_badge, attribute_label, party_name, tag_label, words
from ..workspace import InstrumentWorkspace, set_style, set_text
from .weights_editor import WeightsEditor

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


class ProportionalSplitWorkspace(InstrumentWorkspace):
    """Edit and see one proportional-split item live."""

    item: ProportionalSplit | None

    def __init__(self, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(item_id, parent)
        self.params_box = QGroupBox(self.params)
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
        self.params_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.weights_box = QGroupBox(self.params)
        self.weights_editor = WeightsEditor(self.weights_box)
        QVBoxLayout(self.weights_box).addWidget(self.weights_editor)
        self.params_layout.addWidget(self.params_box)
        self.params_layout.addWidget(self.weights_box)

        self.amount_editor.amount_committed.connect(self._on_amount_committed)
        self.amount_editor.input_rejected.connect(self.show_message)
        self.weights_editor.input_rejected.connect(self.show_message)
        self.weights_editor.weight_changed.connect(self._on_weight_changed)
        self.basis_box.activated.connect(self._on_basis_chosen)
        self._retranslate()

    # --- user edits ---------------------------------------------------------------------------------

    def _on_amount_committed(self, fen: int) -> None:
        # A typed amount is the user's: it no longer carries the preset's source or "assumed" note.
        self.request(edits.set_amount_edit(self.scenario, self.item_id, fen))

    def _on_weight_changed(self, party_id: str, weight: str, gesture: int) -> None:
        self.request(edits.SetWeight(self.item_id, party_id, weight), gesture)

    def _on_basis_chosen(self, index: int) -> None:
        basis = BASES[index]
        if self.item is None or basis == self.item.basis:
            return
        if basis == "weights" and not self.item.weights:
            # Start from the current basis values, so that switching alone changes no amount.
            seeds = self._seed_weights()
            self.request(edits.Batch((edits.SetWeights(self.item_id, seeds), edits.SetItemBasis(self.item_id, basis))))
        else:
            self.request(edits.SetItemBasis(self.item_id, basis))

    def _seed_weights(self) -> tuple[tuple[str, str], ...]:
        """The current basis values as weights (exact, so the amounts stay the same); 1 each when missing."""
        parties = self.scenario.item_parties(self.item)
        if self.result is not None and self.result.ok:
            return tuple((p.id, p.figure(self.item.basis).value) for p in parties)  # type: ignore[union-attr]
        return tuple((p.id, "1") for p in parties)

    def focus_target(self, target: Target) -> None:
        if target.field == "weights" and target.party_id in self.weights_editor.rows:
            self.weights_editor.rows[target.party_id].edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif target.field in ("basis", "weights"):
            self.basis_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- drawing ------------------------------------------------------------------------------------

    def update_parameters(self) -> None:
        self.amount_editor.set_amount(self.item.amount_fen, display_precision(self.scenario).unit)
        self.basis_box.setCurrentIndex(BASES.index(self.item.basis))
        self._update_provenance()
        visible = self.item.basis == "weights"
        self.weights_box.setVisible(visible)
        if visible:
            parties = self.scenario.item_parties(self.item)
            self.weights_editor.set_weights(parties, [party_name(p) for p in parties], dict(self.item.weights))

    def _update_provenance(self) -> None:
        provenance: Provenance | None = self.item.amount_provenance
        tag = provenance.tag if provenance is not None else None
        set_text(self.provenance_badge, amount_provenance_badge(tag))
        set_style(self.provenance_badge, BADGE_STYLES.get(tag, NEUTRAL_BADGE))
        note = provenance.note if provenance is not None else ""
        set_text(self.provenance_note, note)
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
        set_text(self.notes, self.item.notes)
        self._form.setRowVisible(self.notes, bool(self.item.notes))

    def retranslate_parameters(self) -> None:
        self.params_box.setTitle(QCoreApplication.translate("ProportionalSplitWorkspace", "Parameters"))
        self.amount_label.setText(QCoreApplication.translate("ProportionalSplitWorkspace", "Amount to split"))
        self.basis_label.setText(QCoreApplication.translate("ProportionalSplitWorkspace", "Split by"))
        self.provenance_label.setText(QCoreApplication.translate("ProportionalSplitWorkspace", "Amount source"))
        self.notes_label.setText(QCoreApplication.translate("ProportionalSplitWorkspace", "Notes"))
        self.weights_box.setTitle(QCoreApplication.translate("ProportionalSplitWorkspace", "Weights (drag or type)"))
        for index, basis in enumerate(BASES):
            self.basis_box.setItemText(index, words(WEIGHTS_LABEL) if basis == "weights" else attribute_label(basis))
