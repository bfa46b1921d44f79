"""An amount field with a 元/万元/亿元 unit box, converting exactly to integer fen.

Input is parsed with Decimal, never float, and refused (with a message naming
the field) when it is negative, not a number, or finer than one fen; the value
before the bad input stays.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from chengyu_accord.cost_sharing.money import Unit

UNITS = (Unit.YUAN, Unit.WAN_YUAN, Unit.YI_YUAN)
MAX_FEN = 10**20  # far above any public budget; a longer number is a typing slip


class AmountError(ValueError):
    """Typed text that is not a usable amount; the message is for the user."""


def parse_amount(text: str, unit: Unit) -> int:
    """Exact fen for ``text`` given in ``unit`` ("12.5" in 亿元 → 125_000_000_000 fen)."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        raise AmountError(QCoreApplication.translate("AmountEditor", "Amount: please type a number."))
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise AmountError(
            QCoreApplication.translate("AmountEditor", "Amount: “%1” is not a number.").replace("%1", text)
        ) from None
    if not number.is_finite():
        raise AmountError(
            QCoreApplication.translate("AmountEditor", "Amount: “%1” is not a number.").replace("%1", text)
        )
    if number < 0:
        raise AmountError(QCoreApplication.translate("AmountEditor", "Amount: must not be negative."))
    fen = number * unit.value
    if fen != fen.to_integral_value():
        raise AmountError(QCoreApplication.translate("AmountEditor", "Amount: finer than one fen; use fewer decimals."))
    if fen > MAX_FEN:
        raise AmountError(QCoreApplication.translate("AmountEditor", "Amount: too large."))
    return int(fen)


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

    def set_amount(self, fen: int) -> None:
        """Show ``fen`` (from the model); does not emit."""
        self._fen = fen
        self._show()

    def _show(self) -> None:
        self.line_edit.setText(fen_in_unit(self._fen, self.unit))

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
