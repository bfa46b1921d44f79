"""Where to press on a slider (the centre of its handle, as a user's drag starts), and a drag to the right."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider


def handle_centre(slider: QSlider) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    rect = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )
    return rect.center()


def drag_right(qtbot, slider: QSlider, steps: int = 20) -> None:
    """Press the handle, move right in ``steps`` mouse moves over half the room left, release: one user gesture."""
    origin = handle_centre(slider)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=origin)
    width = max(slider.width() - origin.x() - 4, 20)
    for step in range(1, steps + 1):
        qtbot.mouseMove(slider, QPoint(origin.x() + (step * width) // (2 * steps), origin.y()))
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(origin.x() + width // 2, origin.y()))
