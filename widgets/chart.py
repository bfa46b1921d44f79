"""The bar chart every workspace shares, drawn with pyqtgraph.

pyqtgraph takes about a third of a second to import, so the plot is built only
when the widget is first shown (on the next turn of the event loop): the window
appears first, the chart a moment later. Data set before that is kept and drawn
then. Bars are updated in place (``setOpts``), never rebuilt, so a slider drag
stays smooth.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

BAR_COLOUR = QColor("#2f6db5")
LABEL_POINT_SIZE = 13


class ChartWidget(QWidget):
    """A horizontal bar chart (one bar per party) with PNG/SVG/clipboard export."""

    plot_ready = Signal()
    """Emitted once the pyqtgraph plot exists (right after the first paint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._values: list[float] = []
        self._axis_title = ""
        self._plot = None
        self._bars = None
        self._texts: list = []
        self._message = ""
        self._build_scheduled = False
        self._layout = QStackedLayout(self)
        self._placeholder = QLabel(self)
        self._placeholder.setObjectName("chart_message")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setStyleSheet(f"color: #555; font-size: {LABEL_POINT_SIZE + 3}pt; background: white;")
        self._layout.addWidget(self._placeholder)
        self.setMinimumHeight(240)

    @property
    def ready(self) -> bool:
        return self._plot is not None

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        # pyqtgraph takes ~0.2 s to import: build the plot once the first frame is on screen, not before it
        # (a timer started on show can fire before the window's first paint and delay it).
        super().paintEvent(event)
        if self._plot is None and not self._build_scheduled:
            self._build_scheduled = True
            QTimer.singleShot(0, self.build_plot)

    def build_plot(self) -> None:
        """Import pyqtgraph and create the plot (idempotent; normally called right after the first paint)."""
        if self._plot is not None:
            return
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="#222")
        plot = pg.PlotWidget(self)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.showGrid(x=True, y=False, alpha=0.25)
        font = QFont(self.font())
        font.setPointSize(LABEL_POINT_SIZE)
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setTickFont(font)
            axis.setTextPen("#222")
        plot.getAxis("bottom").enableAutoSIPrefix(False)
        self._bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[], brush=BAR_COLOUR, pen=None)
        plot.addItem(self._bars)
        self._plot = plot
        self._layout.addWidget(plot)
        if not self._message:
            self._layout.setCurrentWidget(plot)
        self._redraw()
        self.plot_ready.emit()

    def set_bars(
        self, labels: list[str], values: list[float], axis_title: str, value_texts: list[str] | None = None
    ) -> None:
        """Show one bar per label; ``value_texts`` are written at the bar ends (the exact shown amounts)."""
        self._labels = list(labels)
        self._values = list(values)
        self._axis_title = axis_title
        self._value_texts = list(value_texts) if value_texts is not None else [f"{v:,.2f}" for v in values]
        self._message = ""
        self._placeholder.clear()
        if self._plot is not None:
            self._layout.setCurrentWidget(self._plot)
        self._redraw()

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of bars (an item that cannot be computed has no bars, not zero bars)."""
        self.set_bars([], [], self._axis_title)
        self._message = text
        self._placeholder.setText(text)
        self._layout.setCurrentWidget(self._placeholder)

    @property
    def message(self) -> str:
        """The text shown instead of the bars, or "" while bars are shown."""
        return self._message

    @property
    def bar_count(self) -> int:
        return len(self._values)

    def _redraw(self) -> None:
        if self._plot is None:
            return
        import pyqtgraph as pg

        count = len(self._values)
        ys = list(range(count))[::-1]  # first party on top
        self._bars.setOpts(x0=[0] * count, y=ys, width=self._values, height=0.6)
        left = self._plot.getAxis("left")
        left.setTicks([list(zip(ys, self._labels, strict=True))])
        font = QFont(self.font())
        font.setPointSize(LABEL_POINT_SIZE)
        self._plot.setLabel("bottom", self._axis_title, **{"font-size": f"{LABEL_POINT_SIZE}pt"})
        while len(self._texts) < count:  # value labels are reused, not recreated, while a slider moves
            text = pg.TextItem("", color="#222", anchor=(0, 0.5))
            text.setFont(font)
            self._plot.addItem(text)
            self._texts.append(text)
        for index, text in enumerate(self._texts):
            text.setVisible(index < count)
            if index < count:
                text.setText(self._value_texts[index], color="#222")
                text.setPos(self._values[index], ys[index])
        top = max(self._values, default=1) or 1
        self._plot.setXRange(0, top * 1.25, padding=0)
        self._plot.setYRange(-0.7, max(count - 0.3, 0.7), padding=0)

    # --- export --------------------------------------------------------------------------------

    def image(self) -> QImage:
        """The chart as it looks on screen."""
        self.build_plot()
        return self._plot.grab().toImage()

    def export_png(self, path: Path) -> None:
        if not self.image().save(str(path), "PNG"):
            raise OSError(f"could not write {path}")

    def png_bytes(self) -> bytes:
        """PNG bytes of the chart, for a PDF builder that takes bytes only."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.image().save(buffer, "PNG")
        return bytes(data.data())

    def svg_bytes(self) -> bytes:
        """The chart as SVG, drawn through QSvgGenerator (pyqtgraph's own SVG exporter fails on Qt 6.12)."""
        self.build_plot()
        from PySide6.QtSvg import QSvgGenerator

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(self._plot.size())
        generator.setViewBox(self._plot.rect())
        generator.setTitle(self._axis_title)
        painter = QPainter(generator)
        try:
            self._plot.render(painter)
        finally:
            painter.end()
        return bytes(data.data())

    def export_svg(self, path: Path) -> None:
        Path(path).write_bytes(self.svg_bytes())

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    chart = ChartWidget()
    chart.set_bars(["成都市", "资阳市", "大足区"], [62.5, 20.1, 17.4], "万元")
    chart.resize(700, 400)
    chart.show()
    app.exec()
