"""One slider and one exact text field per party (or per factor), for typed-in weights.

The slider moves a party's *share* in whole percentage points — a step that
means something in a negotiation — and sets the weight that gives that share
against the others' weights; the text field takes any exact weight. A slider
drag is one *gesture*: every value it passes through is emitted with the same
gesture number, so the application's undo stack merges the drag into a single
step. A bad typed weight is refused here with a message naming the party, and
the previous weight stays. The rows are keyed by id: parties, or any keys with
names (the factors of a project-cost item's weighted method).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QSlider, QWidget

from chengyu_accord.cost_sharing.edits import EditError
from chengyu_accord.cost_sharing.instruments.proportional.edits import normalise_weight
from chengyu_accord.cost_sharing.scenario import Party

PERCENT = 100
NAME_WIDTH = 104
SHARE_WIDTH = 44
WEIGHT_PLACES = Decimal("0.000001")
_gestures = itertools.count(1)


def next_gesture() -> int:
    """A new gesture number (never 0, which means "a step of its own")."""
    return next(_gestures)


class WeightRow:
    """The widgets of one party's (or one key's) weight."""

    def __init__(self, editor: WeightsEditor, key: str) -> None:
        self.party_id = key
        self.label = QLabel(editor)
        self.label.setMaximumWidth(NAME_WIDTH)
        self.slider = QSlider(Qt.Orientation.Horizontal, editor)
        self.slider.setRange(0, PERCENT)
        self.slider.setPageStep(5)
        self.slider.setObjectName(f"weight_slider_{key}")
        self.slider.setMinimumWidth(150)
        self.share = QLabel(editor)
        self.share.setFixedWidth(SHARE_WIDTH)
        self.share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit = QLineEdit(editor)
        self.edit.setObjectName(f"weight_edit_{key}")
        self.edit.setFixedWidth(78)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.gesture = 0
        self.stored = ""


class WeightsEditor(QWidget):
    """Emits ``weight_changed(party_id, weight_text, gesture)``; gesture 0 is a step of its own."""

    weight_changed = Signal(str, str, int)
    input_rejected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, WeightRow] = {}
        self._weights: dict[str, Decimal] = {}

    def set_weights(self, parties: Sequence[Party | str], names: Sequence[str], weights: dict[str, str]) -> None:
        """Show the weights and shares of the parties (or of plain keys); rebuilds the rows only when they changed."""
        keys = [p if isinstance(p, str) else p.id for p in parties]
        if list(self.rows) != keys:
            self._rebuild(keys)
        self._weights = {key: Decimal(weights[key]) for key in keys if key in weights}
        total = sum(self._weights.values(), Decimal(0))
        for key, name in zip(keys, names, strict=True):
            row = self.rows[key]
            if row.label.toolTip() != name:
                row.label.setText(row.label.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, NAME_WIDTH))
                row.label.setToolTip(name)
            text = weights.get(key, "")
            row.stored = text
            if not row.edit.hasFocus() and row.edit.text() != text:
                row.edit.setText(text)
            percent = round(Decimal(text) * PERCENT / total) if text and total else 0
            if row.share.text() != f"{percent}%":
                row.share.setText(f"{percent}%")
            if not row.slider.isSliderDown():
                row.slider.blockSignals(True)
                row.slider.setValue(percent)
                row.slider.blockSignals(False)

    def weight_for_share(self, party_id: str, percent: int) -> str | None:
        """The weight that gives ``party_id`` ``percent`` % against the others' weights (None: nothing to do)."""
        others = sum((w for pid, w in self._weights.items() if pid != party_id), Decimal(0))
        if others == 0:
            return None  # alone with a weight, the party has 100 % whatever its weight
        percent = min(percent, PERCENT - 1)  # 100 % would need an infinite weight
        weight = (Decimal(percent) * others / (PERCENT - percent)).quantize(WEIGHT_PLACES)
        return normalise_weight(weight)

    def _rebuild(self, keys: list[str]) -> None:
        for row in self.rows.values():
            for widget in (row.label, row.slider, row.share, row.edit):
                self._grid.removeWidget(widget)
                widget.deleteLater()
        self.rows = {}
        for index, key in enumerate(keys):
            row = WeightRow(self, key)
            self._grid.addWidget(row.label, index, 0)
            self._grid.addWidget(row.slider, index, 1)
            self._grid.addWidget(row.share, index, 2)
            self._grid.addWidget(row.edit, index, 3)
            row.slider.sliderPressed.connect(lambda r=row: self._on_drag_started(r))
            row.slider.sliderReleased.connect(lambda r=row: self._on_drag_finished(r))
            row.slider.valueChanged.connect(lambda value, r=row: self._on_slider_moved(r, value))
            row.edit.editingFinished.connect(lambda r=row: self._on_text_edited(r))
            self.rows[key] = row

    def _on_drag_started(self, row: WeightRow) -> None:
        row.gesture = next_gesture()

    def _on_drag_finished(self, row: WeightRow) -> None:
        row.gesture = 0

    def _on_slider_moved(self, row: WeightRow, value: int) -> None:
        weight = self.weight_for_share(row.party_id, value)
        if weight is None:
            return
        row.share.setText(f"{value}%")
        row.edit.setText(weight)
        self.weight_changed.emit(row.party_id, weight, row.gesture)

    def _on_text_edited(self, row: WeightRow) -> None:
        text = row.edit.text()
        try:
            weight = normalise_weight(text)
        except EditError as exc:
            message = QCoreApplication.translate("WeightsEditor", "Weight of %1: %2")
            self.input_rejected.emit(message.replace("%1", row.label.text()).replace("%2", _weight_problem(exc, text)))
            row.edit.setText(row.stored)
            row.edit.setModified(False)
            return
        if row.edit.isModified():
            row.edit.setModified(False)
            self.weight_changed.emit(row.party_id, weight, 0)


def _weight_problem(exc: EditError, text: str) -> str:
    """The refusal in the interface language (the engine's message is English)."""
    message = exc.message
    if "negative" in message:
        return QCoreApplication.translate("WeightsEditor", "must not be negative.")
    if "exceed" in message:
        return QCoreApplication.translate("WeightsEditor", "is too large.")
    return QCoreApplication.translate("WeightsEditor", "“%1” is not a number.").replace("%1", text)
