"""A one-line hint across the top of the window, for the first sessions; closed once, it stays closed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

HINT_STYLE = "QFrame#hint_bar { background: #eef4fb; border-bottom: 1px solid #c7d8ee; }"


class HintBar(QFrame):
    """The hint text and a close button; ``dismissed`` is emitted when the user closes it."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hint_bar")
        self.setStyleSheet(HINT_STYLE)
        self.label = QLabel(self)
        self.label.setObjectName("hint_text")
        self.label.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("hint_close")
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.clicked.connect(self._close)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.close_button.setToolTip(QCoreApplication.translate("HintBar", "Close this hint for good"))

    def _close(self) -> None:
        self.hide()
        self.dismissed.emit()
