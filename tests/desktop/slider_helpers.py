"""Where to press on a slider: the centre of its handle, as a user's drag starts."""

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider


def handle_centre(slider: QSlider) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    rect = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )
    return rect.center()
