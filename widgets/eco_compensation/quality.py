"""The trainer's water-quality slider: every measured concentration × a factor, with the break-even marked.

The slider runs from ×0.5 (water twice as clean) to ×2 (twice as polluted) in steps of 0.01; a label says what
the factor means ("×1.07（水质变差7%）"), a text field takes any exact factor. Below the groove a red triangle
marks each section's break-even — the factor at which its payment reverses — so the trainer can drag across it
and the room watches the payment flip. A drag is one gesture: every factor it passes through is emitted with the
same gesture number, and the undo stack folds the drag into one step.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPolygonF
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.numbers import canonical_decimal

from ..proportional.weights_editor import next_gesture
from .names import scale_text

STEPS_PER_UNIT = 100
"""Slider positions per unit of the factor: a step is 0.01."""
LOWEST, HIGHEST = 50, 200
"""×0.5 to ×2."""
MARKER_COLOUR = QColor("#b00020")
MARKER_SIZE = 7
MIN_SLIDER_WIDTH = 300
"""Wide enough to drag in steps of 0.01 with a laptop's touchpad (150 positions in at least 300 px)."""
SCALE_STYLE = "font-size: 13pt; font-weight: bold;"
MAX_LISTED = 3
"""Break-even factors named under the slider: those nearest the factor shown."""


def slider_position(scale: Decimal) -> int:
    return int((scale * STEPS_PER_UNIT).to_integral_value())


def slider_scale(position: int) -> str:
    return canonical_decimal(Decimal(position) / STEPS_PER_UNIT)


class BreakEvenSlider(QSlider):
    """A horizontal slider with triangles under its groove at the break-even factors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.markers: tuple[tuple[Decimal, str], ...] = ()

    def set_markers(self, markers: tuple[tuple[Decimal, str], ...]) -> None:
        """(factor, name) of each break-even; those outside the slider's range are not drawn (the label lists them)."""
        if markers != self.markers:
            self.markers = markers
            self.update()

    def marker_x(self, scale: Decimal) -> int:
        """The x of ``scale`` on the groove: where the centre of the handle is at that position."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self)
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self)
        span = groove.width() - handle.width()
        offset = QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), slider_position(scale), span)
        return groove.x() + handle.width() // 2 + offset

    def sizeHint(self):  # noqa: N802 - Qt override
        hint = super().sizeHint()
        hint.setHeight(hint.height() + MARKER_SIZE + 2)
        return hint

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        shown = [(s, n) for s, n in self.markers if self.minimum() <= slider_position(s) <= self.maximum()]
        if not shown:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MARKER_COLOUR)
        bottom = self.height() - 1
        for scale, _name in shown:
            x = self.marker_x(scale)
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x, bottom - MARKER_SIZE),
                        QPointF(x - MARKER_SIZE * 0.7, bottom),
                        QPointF(x + MARKER_SIZE * 0.7, bottom),
                    ]
                )
            )
        painter.end()


class QualityPanel(QGroupBox):
    """The what-if factor on measured water quality: slider, meaning, break-even markers and an exact field.

    Emits ``scale_changed(factor_text, gesture)``; gesture 0 is a step of its own (a typed factor, a key press).
    """

    scale_changed = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quality_box")
        self.gesture = 0
        self._scale = Decimal(1)
        self.scale_label = QLabel(self)
        self.scale_label.setObjectName("quality_scale_label")
        self.scale_label.setStyleSheet(SCALE_STYLE)
        self.slider = BreakEvenSlider(self)
        self.slider.setObjectName("quality_slider")
        self.slider.setRange(LOWEST, HIGHEST)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(5)
        self.slider.setValue(STEPS_PER_UNIT)
        self.slider.setMinimumWidth(MIN_SLIDER_WIDTH)
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.ends = QWidget(self)
        ends = QHBoxLayout(self.ends)
        ends.setContentsMargins(0, 0, 0, 0)
        self.better = QLabel(self.ends)
        self.worse = QLabel(self.ends)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1, 7))
        for label in (self.better, self.worse):
            label.setFont(small)
            label.setStyleSheet("color: #555;")
        ends.addWidget(self.better)
        ends.addStretch(1)
        ends.addWidget(self.worse)
        self.markers_label = QLabel(self)
        self.markers_label.setObjectName("break_even_note")
        self.markers_label.setWordWrap(True)
        self.markers_label.setStyleSheet("color: #8a1020;")
        self.field_label = QLabel(self)
        self.field = QLineEdit(self)
        self.field.setObjectName("quality_scale_edit")
        self.field.setMinimumWidth(70)
        self.field.setMaximumWidth(90)
        self.field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.reset = QPushButton(self)
        self.reset.setObjectName("quality_reset")
        row = QHBoxLayout()
        row.addWidget(self.field_label)
        row.addWidget(self.field)
        row.addStretch(1)
        row.addWidget(self.reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addWidget(self.scale_label)
        layout.addWidget(self.slider)
        layout.addWidget(self.ends)
        layout.addWidget(self.markers_label)
        layout.addLayout(row)

        self.slider.sliderPressed.connect(self._on_drag_started)
        self.slider.sliderReleased.connect(self._on_drag_finished)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.field.editingFinished.connect(self._on_typed)
        self.reset.clicked.connect(lambda: self.scale_changed.emit("1", 0))
        self.retranslate()

    @property
    def scale(self) -> Decimal:
        return self._scale

    def set_scale(self, text: str) -> None:
        """Show the item's factor (does not emit; the handle stays where the user holds it during a drag)."""
        scale = Decimal(text)
        self._scale = scale
        words = scale_text(scale)
        if self.scale_label.text() != words:
            self.scale_label.setText(words)
        if not self.field.hasFocus() and self.field.text() != text:
            self.field.setText(text)
        position = slider_position(scale)
        if not self.slider.isSliderDown() and self.slider.value() != position:
            self.slider.blockSignals(True)
            self.slider.setValue(min(max(position, LOWEST), HIGHEST))
            self.slider.blockSignals(False)

    def set_break_evens(self, markers: tuple[tuple[Decimal, str], ...]) -> None:
        """Mark each section's break-even factor (absolute: on the data as measured); ``()`` when there is none.

        The note names the :data:`MAX_LISTED` nearest the factor shown (a basin of fifty sections would fill the
        column); the slider's tooltip lists them all.
        """
        self.slider.set_markers(markers)
        nearest = sorted(markers, key=lambda m: (abs(m[0] - self._scale), m[0]))[:MAX_LISTED]
        listed = "；".join(f"{name} ×{_factor(scale)}" for scale, name in sorted(nearest))
        text = ""
        if len(markers) > len(nearest):
            more = QCoreApplication.translate("EcoWorkspace", "%1; %2 more sections (hover over the slider)")
            listed = more.replace("%1", listed).replace("%2", str(len(markers) - len(nearest)))
        if markers:
            text = QCoreApplication.translate("EcoWorkspace", "▲ The payment reverses at: %1").replace("%1", listed)
        if self.markers_label.text() != text:
            self.markers_label.setText(text)
        self.markers_label.setVisible(bool(text))
        tip = "\n".join(f"{name}: ×{_factor(scale)}" for scale, name in markers)
        self.slider.setToolTip(tip)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("EcoWorkspace", "Water quality what-if (for demonstrations)"))
        self.better.setText(QCoreApplication.translate("EcoWorkspace", "×0.5 cleaner"))
        self.worse.setText(QCoreApplication.translate("EcoWorkspace", "×2 more polluted"))
        self.field_label.setText(QCoreApplication.translate("EcoWorkspace", "Factor on all concentrations"))
        self.reset.setText(QCoreApplication.translate("EcoWorkspace", "As measured (×1)"))
        self.field.setToolTip(
            QCoreApplication.translate("EcoWorkspace", "Any exact factor above 0 and up to 10, e.g. 1.065")
        )
        self.scale_label.setText(scale_text(self._scale))

    def _on_drag_started(self) -> None:
        self.gesture = next_gesture()

    def _on_drag_finished(self) -> None:
        self.gesture = 0

    def _on_slider_moved(self, position: int) -> None:
        text = slider_scale(position)
        self.scale_label.setText(scale_text(Decimal(text)))
        self.scale_changed.emit(text, self.gesture)

    def _on_typed(self) -> None:
        if not self.field.isModified():
            return
        self.field.setModified(False)
        self.scale_changed.emit(self.field.text().strip(), 0)


def _factor(scale: Decimal) -> str:
    """A break-even factor to three decimals (1.065), as the slider can show it."""
    return f"{scale.quantize(Decimal('0.001')).normalize():f}"
