"""An amount field with a 元/万元/亿元 unit box, converting exactly to integer fen.

Input is read by the one reading rule of every number (``cost_sharing.numbers``),
never as a float, and refused (with a message naming the field) when it is
negative, not a number, too large or finer than one fen; the value before the
bad input stays.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from chengyu_accord.cost_sharing.money import Unit
from chengyu_accord.cost_sharing.numbers import NumberError, parse_fen

from .labels import words

UNITS = (Unit.YUAN, Unit.WAN_YUAN, Unit.YI_YUAN)
MIN_FIELD_WIDTH = 80


class AmountError(ValueError):
    """Typed text that is not a usable amount; the message is for the user."""


def parse_amount(text: str, unit: Unit) -> int:
    """Exact fen for ``text`` given in ``unit`` ("12.5" in 亿元 → 125_000_000_000 fen), by the one reading rule."""
    try:
        return parse_fen(text, unit.value)
    except NumberError as exc:
        raise AmountError(
            QCoreApplication.translate("AmountEditor", "Amount: %1").replace("%1", words(exc.text))
        ) from None


def fen_in_unit(fen: int, unit: Unit) -> str:
    """Exact text of ``fen`` in ``unit`` without trailing zeros (125_000_000_000 fen in 亿元 → "12.5")."""
    return format((Decimal(fen) / Decimal(unit.value)).normalize(), "f")


class AmountEditor(QWidget):
    """Line edit + unit box. Emits ``amount_committed(fen)`` on Enter or leaving the field."""

    amount_committed = Signal(object)
    """The new amount in fen (a Python int: fen exceed the 32-bit range of a C++ int signal)."""
    input_rejected = Signal(str)
    """A message naming the field and the problem; the previous amount is put back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fen = 0
        self._scenario_unit: Unit | None = None
        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName("amount_edit")
        self.unit_box = QComboBox(self)
        self.unit_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for unit in UNITS:
            self.unit_box.addItem("", unit)
        self.unit_box.setCurrentIndex(UNITS.index(Unit.YI_YUAN))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.unit_box)
        self.line_edit.editingFinished.connect(self._commit)
        self.unit_box.currentIndexChanged.connect(self._show)
        self._retranslate()

    @property
    def unit(self) -> Unit:
        return self.unit_box.currentData()

    def set_amount(self, fen: int, unit: Unit | None = None) -> None:
        """Show ``fen`` (from the model); does not emit.

        ``unit`` is the scenario's display unit: the field follows it when it changes (opening a 元 scenario
        shows 元), but keeps a unit the user chose in the box while the scenario's unit stays the same.
        """
        self._fen = fen
        if unit is not None and unit != self._scenario_unit:
            self._scenario_unit = unit
            self.unit_box.blockSignals(True)
            self.unit_box.setCurrentIndex(UNITS.index(unit))
            self.unit_box.blockSignals(False)
        self._show()

    def _show(self) -> None:
        text = fen_in_unit(self._fen, self.unit)
        self.line_edit.setText(text)
        # the whole number is always visible: the field is as wide as its text (and a little room to type)
        metrics = self.line_edit.fontMetrics()
        self.line_edit.setMinimumWidth(max(MIN_FIELD_WIDTH, metrics.horizontalAdvance(text + "00") + 16))

    def _commit(self) -> None:
        try:
            fen = parse_amount(self.line_edit.text(), self.unit)
        except AmountError as exc:
            self._show()
            self.input_rejected.emit(str(exc))
            return
        if fen != self._fen:
            self._fen = fen
            self.amount_committed.emit(fen)
        self._show()

    def _retranslate(self) -> None:
        for index, unit in enumerate(UNITS):
            label = {Unit.YUAN: self.tr("yuan"), Unit.WAN_YUAN: self.tr("10k yuan"), Unit.YI_YUAN: self.tr("100m yuan")}
            self.unit_box.setItemText(index, label[unit])
        self.line_edit.setToolTip(self.tr("Amount to split; exact to the fen."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
