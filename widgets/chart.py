"""The chart every workspace shares: draws a :class:`~chengyu_accord.cost_sharing.charts.Chart` with pyqtgraph.

pyqtgraph takes about a third of a second to import, so the plot is built only
when the widget is first shown (on the next turn of the event loop): the window
appears first, the chart a moment later. A chart set before that is kept and
drawn then.

A slider drag calls :meth:`ChartWidget.set_chart` dozens of times a second with
charts of the same shape (kind, categories, series): the bars, curves and labels
are then updated in place (``setOpts``/``setData``/``setText``), never rebuilt.

Money is read by people, not by pyqtgraph's defaults: the value axis carries the
ticks of :func:`~chengyu_accord.cost_sharing.charts.nice_ticks` written out with
digit grouping (``12,500``, never ``1.25e+04``), set explicitly so no SI prefix
or automatic format ever applies, and no label is cut: the category axis is as
wide as its longest label, and the value range grows until every value label
fits beside its bar (or the label moves inside the bar when the plot is tiny).
"""

from __future__ import annotations

import html
import math
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedLayout, QWidget

from chengyu_accord.cost_sharing.charts import Chart, nice_ticks

SERIES_COLOURS = ("#2f6db5", "#e08a2c", "#3a9a5b", "#c44e52", "#8172b2", "#937860", "#d17fb7", "#6b6b6b")
"""Series colours in order (the first is the single-series colour), told apart in greyscale prints too."""
LABEL_POINT_SIZE = 13
TEXT_COLOUR = "#222"
TEXT_MARGIN = 4
"""pyqtgraph's TextItem pads its text by the QTextDocument margin on each side (pixels)."""
MAX_TICK_COUNT = 5
BAR_THICKNESS = 0.6
MARKER_SIZE = 10
GROUP_THICKNESS = 0.8
MAX_OUTSIDE_LABEL_SHARE = 0.4
"""A value label wider than this share of the plot goes inside its bar: outside it would squeeze the bars."""
MAX_LEGEND_COLUMNS = 4
LEGEND_SAMPLE = 48
"""Pixels a legend entry takes besides its name: the colour sample and the spacing between entries."""
LEGEND_SLACK = 24
"""Pixels of the widget's width the legend leaves free: the plot's margins."""
MAX_CATEGORY_AXIS_SHARE = 0.6
"""Category names longer than this share of the widget are elided (the full name is in the table)."""


def tick_text(value: Decimal) -> str:
    """An axis tick as people write money: grouped digits, no exponent, no trailing zeros (12,500 / 1.5)."""
    return f"{value.normalize() + 0:,f}"  # "+ 0" turns -0 into 0


def _is_cjk(text: str) -> bool:
    return any(ord(c) >= 0x2E80 for c in text)


def _axis_title(chart: Chart) -> str:
    if not chart.unit:
        return chart.title
    return f"{chart.title}（{chart.unit}）" if _is_cjk(chart.title + chart.unit) else f"{chart.title} ({chart.unit})"


def _fitted_title(chart: Chart, width: float, metrics: QFontMetrics) -> str:
    """The value axis's title as rich text in lines no wider than ``width`` pixels: broken between words (between
    characters in Chinese), the unit on a line of its own when the whole does not fit — never cut at the edges."""
    title = _axis_title(chart)
    if metrics.horizontalAdvance(title) <= width or width <= 0:
        return html.escape(title)
    unit = ""
    if chart.unit:
        unit = f"（{chart.unit}）" if _is_cjk(chart.title + chart.unit) else f"({chart.unit})"
    pieces = list(chart.title) if _is_cjk(chart.title) else chart.title.split(" ")
    joiner = "" if _is_cjk(chart.title) else " "
    lines: list[str] = []
    for piece in pieces:
        candidate = f"{lines[-1]}{joiner}{piece}" if lines else piece
        if lines and metrics.horizontalAdvance(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(piece)
    if unit:
        lines.append(unit)
    return "<br>".join(html.escape(line) for line in lines)


def _text_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (value labels inside bars)."""
    c = QColor(colour)
    luminance = 0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF()
    return TEXT_COLOUR if luminance > 0.6 else "#fff"


@cache
def _axis_type() -> type:
    """pyqtgraph's axis, but the tick labels at both ends are kept (built on first use: pyqtgraph loads lazily)."""
    import pyqtgraph as pg

    class EdgeAxis(pg.AxisItem):
        # With a grid, pyqtgraph bounds an axis by the view and drops any tick label reaching past it, so the
        # "0" at the start of a value axis and the round number at its end were never drawn.
        def boundingRect(self):  # noqa: N802 - Qt override
            rect = super().boundingRect()
            edge = 10 * LABEL_POINT_SIZE  # half the widest tick label, with room to spare
            if self.orientation in ("top", "bottom"):
                return rect.adjusted(-edge, 0, edge, 0)
            return rect.adjusted(0, -edge, 0, edge)

    return EdgeAxis


class ChartWidget(QWidget):
    """Bars, grouped or stacked bars (horizontal) or lines over periods, with PNG/SVG/clipboard export."""

    plot_ready = Signal()
    """Emitted once the pyqtgraph plot exists (right after the first paint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: Chart | None = None
        self._message = ""
        self._plot: Any = None  # pyqtgraph.PlotWidget once built
        self._legend: Any = None
        self._shape: tuple[str, int, int] | None = None
        self._items: list[Any] = []  # one BarGraphItem or PlotDataItem per series
        self._texts: list[list[Any]] = []  # value labels: one TextItem per series and category
        self._legend_names: tuple[tuple[str, ...], int] | tuple[()] = ()
        self._value_tick_texts: tuple[str, ...] = ()
        self._drawn: dict[str, object] = {}  # what the axes last got, so a slider step re-lays out nothing
        self._build_scheduled = False
        self._font = QFont(self.font())
        self._font.setPointSize(LABEL_POINT_SIZE)
        self._metrics = QFontMetrics(self._font)
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

    @property
    def plot_widget(self) -> Any:
        """The pyqtgraph ``PlotWidget`` (None until built): the same object for the widget's whole life."""
        return self._plot

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

        pg.setConfigOptions(antialias=True, background="w", foreground=TEXT_COLOUR)
        axis = _axis_type()
        plot = pg.PlotWidget(self, axisItems={"left": axis("left"), "bottom": axis("bottom")})
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        for side in ("left", "bottom"):
            item = plot.getAxis(side)
            item.setTickFont(self._font)
            item.setTextPen(TEXT_COLOUR)
            item.enableAutoSIPrefix(False)
            # No tick marks: the grid marks values, and a mark beside a category read as a minus sign.
            item.setStyle(tickLength=0)
        # The legend sits below the plot, in the plot's own grid, so it never hides a bar or a label.
        self._legend = pg.LegendItem(labelTextSize=f"{LABEL_POINT_SIZE}pt", labelTextColor=TEXT_COLOUR)
        self._legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # entries side by side
        grid = plot.getPlotItem().layout
        grid.addItem(self._legend, 4, 0, 1, 3)  # the whole width, under the category axis too
        grid.setAlignment(self._legend, Qt.AlignmentFlag.AlignLeft)
        plot.getViewBox().sigResized.connect(self._redraw)  # label room is measured in pixels
        self._plot = plot
        self._layout.addWidget(plot)
        if not self._message:
            self._layout.setCurrentWidget(plot)
        self._redraw()
        self.plot_ready.emit()

    def set_chart(self, chart: Chart | None) -> None:
        """Draw ``chart`` (None: an empty plot); a chart of the same shape as the last one updates it in place."""
        self._chart = chart
        self._message = ""
        self._placeholder.clear()
        if self._plot is not None:
            self._layout.setCurrentWidget(self._plot)
        self._redraw()

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of a chart (an item that cannot be computed has no bars, not zero bars)."""
        self.set_chart(None)
        self._message = text
        self._placeholder.setText(text)
        self._layout.setCurrentWidget(self._placeholder)

    @property
    def message(self) -> str:
        """The text shown instead of the chart, or "" while a chart is shown."""
        return self._message

    @property
    def bar_count(self) -> int:
        """How many categories have bars (0 for lines, a message or no chart)."""
        chart = self._chart
        return 0 if chart is None or chart.form == "lines" or not chart.series else len(chart.categories)

    @property
    def value_tick_texts(self) -> tuple[str, ...]:
        """The tick labels of the value axis as drawn (empty until the plot is built)."""
        return self._value_tick_texts

    # --- drawing -------------------------------------------------------------------------------

    def _redraw(self) -> None:
        if self._plot is None:
            return
        chart = self._chart if self._chart is not None and self._chart.categories and self._chart.series else None
        shape = None if chart is None else (chart.form, len(chart.categories), len(chart.series))
        if shape != self._shape:
            self._make_items(chart)
            self._shape = shape
        if chart is None:
            self._clear_axes()
        elif chart.form == "lines":
            self._draw_lines(chart)
        else:
            self._draw_bars(chart)
        self._fit_plot()

    def _fit_plot(self) -> None:
        """Give the plot the view's size again. pyqtgraph sizes it only when the view is resized, so a plot once
        widened by a wider legend or axis stayed wider than the widget after they shrank, cut at the right edge."""
        view = self._plot.viewport().rect()
        plot = self._plot.getPlotItem()
        if plot.geometry().size() != view.size().toSizeF():
            plot.setGeometry(QRectF(view))

    def _make_items(self, chart: Chart | None) -> None:
        """Create the items of a new shape (the only place items are created or removed)."""
        import pyqtgraph as pg

        for item in [*self._items, *(t for row in self._texts for t in row)]:
            self._plot.removeItem(item)
        self._items, self._texts = [], []
        self._legend.clear()
        self._legend_names = ()
        if chart is None:
            return
        colours = [SERIES_COLOURS[j % len(SERIES_COLOURS)] for j in range(len(chart.series))]
        if chart.form == "lines":
            self._items = [
                pg.PlotDataItem(
                    pen=pg.mkPen(colour, width=3),
                    symbol="o",
                    symbolSize=MARKER_SIZE,
                    symbolBrush=colour,
                    symbolPen=pg.mkPen("w", width=1.5),
                )
                for colour in colours
            ]
        else:
            self._items = [
                pg.BarGraphItem(x0=[], y=[], height=BAR_THICKNESS, width=[], brush=c, pen=None) for c in colours
            ]
            for _series in chart.series:
                row = [pg.TextItem("", color=TEXT_COLOUR, anchor=(0, 0.5)) for _ in chart.categories]
                for text in row:
                    text.setFont(self._font)
                self._texts.append(row)
        for item in self._items:
            self._plot.addItem(item)
        for text in (t for row in self._texts for t in row):
            self._plot.addItem(text)

    def _update_legend(self, chart: Chart) -> None:
        """The legend below the plot, in as many columns as fit the widget's width: a legend wider than the widget
        would widen the whole plot past the widget's edge and cut off the axis end."""
        names = tuple(s.name for s in chart.series) if len(chart.series) > 1 else ()
        room = max(self.width() - int(self._drawn.get("margin", 0)) - LEGEND_SLACK, 60)  # type: ignore[call-overload]
        shown = tuple(
            self._metrics.elidedText(name, Qt.TextElideMode.ElideRight, room - LEGEND_SAMPLE) for name in names
        )
        widest = max((self._metrics.horizontalAdvance(name) + LEGEND_SAMPLE for name in shown), default=0)
        columns = max(1, min(len(names), MAX_LEGEND_COLUMNS, room // widest if widest else 1))
        if (shown, columns) == self._legend_names:
            return
        self._legend.clear()
        for item, name in zip(self._items, shown, strict=False):
            self._legend.addItem(item, name)
        self._legend.setColumnCount(columns)
        self._legend.setVisible(bool(names))
        self._legend_names = (shown, columns)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._redraw()  # the legend's columns follow the width

    def _clear_axes(self) -> None:
        for side in ("left", "bottom"):
            self._set_axis(side, ticks=[], label=None, width=None)
        self._value_tick_texts = ()

    def _set_axis(self, side: str, ticks: list[tuple[float, str]], label: str | None, width: int | None) -> None:
        """Give an axis its ticks, title and width; pyqtgraph is touched only for changes (each one re-lays out)."""
        axis = self._plot.getAxis(side)
        if self._drawn.get(f"{side}.ticks") != ticks:
            axis.setTicks([ticks, []])
            self._drawn[f"{side}.ticks"] = ticks
        if self._drawn.get(f"{side}.label", "") != label:
            axis.setLabel(label, **{"font-size": f"{LABEL_POINT_SIZE}pt"})
            self._drawn[f"{side}.label"] = label
        if self._drawn.get(f"{side}.width") != width and side == "left":
            axis.setWidth(width)
            self._drawn[f"{side}.width"] = width

    def _set_right_margin(self, last_tick: str) -> None:
        """Leave room for half the last tick label of a horizontal value axis, which is centred on the plot edge."""
        right = self._metrics.horizontalAdvance(last_tick) // 2 + 12
        if self._drawn.get("margin") != right:
            top = self._metrics.height() // 2 + 2  # the top tick label of a vertical axis is centred on the edge
            self._plot.getPlotItem().layout.setContentsMargins(2, top, right, 2)
            self._drawn["margin"] = right

    def _view_size(self, left_axis_width: float) -> tuple[float, float]:
        """The data area in pixels once the left axis is ``left_axis_width`` wide (the layout applies it later)."""
        view = self._plot.getViewBox()
        width = view.width() + self._plot.getAxis("left").width() - left_axis_width
        height = view.height()
        if width < 50 or height < 50:  # not laid out yet: guess from the widget; the resize redraws exactly
            return max(self.width() * 0.7, 100.0), max(self.height() * 0.7, 100.0)
        return width, height

    def _label_width(self, text: str) -> int:
        return self._metrics.horizontalAdvance(text) + 2 * TEXT_MARGIN

    def _value_ticks(
        self, low: float, high: float, length: float, labels: list[tuple[float, int]], *, vertical: bool = False
    ) -> list[tuple[Decimal, str]]:
        """Round ticks from ``low`` to ``high`` whose range also holds each ``(value, label pixels)`` beyond its bar.

        Widening the range shrinks a label in data units, so a few rounds settle it; fewer ticks are used when
        their own labels would not fit side by side (or one above the other) along ``length`` pixels, and in a
        very small plot only every second or third tick is written.
        """

        def room(ticks: list[Decimal]) -> float:
            """Pixels the tick labels need: neighbours are one step apart, so each step must hold one label."""
            if vertical:
                label = self._metrics.height() * 1.5
            else:
                label = max(self._metrics.horizontalAdvance(tick_text(t)) for t in ticks) + LABEL_POINT_SIZE
            return (len(ticks) - 1) * label

        count = MAX_TICK_COUNT
        need_low, need_high = low, high
        ticks = nice_ticks(need_low, need_high, count)
        for _ in range(6):
            start, stop = float(ticks[0]), float(ticks[-1])
            per_pixel = (stop - start) / length
            if room(ticks) > length and count > 2:
                count -= 1
            else:
                want_high = max([v + w * per_pixel for v, w in labels if v >= 0], default=stop)
                want_low = min([v - w * per_pixel for v, w in labels if v < 0], default=start)
                if want_high <= stop and want_low >= start:
                    break
                need_low, need_high = min(need_low, want_low), max(need_high, want_high)
            ticks = nice_ticks(need_low, need_high, count)
        every = max(1, math.ceil(room(ticks) / length))
        last = len(ticks) - 1  # thinned from the axis end, whose round number says most about the scale
        return [(t, tick_text(t) if (last - i) % every == 0 else "") for i, t in enumerate(ticks)]

    def _category_axis_width(self, labels: tuple[str, ...]) -> tuple[int, list[str]]:
        widest_allowed = int(self.width() * MAX_CATEGORY_AXIS_SHARE) if self.width() > 200 else 10_000
        shown = [self._metrics.elidedText(label, Qt.TextElideMode.ElideRight, widest_allowed) for label in labels]
        widest = max(self._metrics.horizontalAdvance(label) for label in shown)
        return widest + 5 + 12, shown  # 5: pyqtgraph's tick text offset; 12: breathing room at the widget edge

    def _draw_bars(self, chart: Chart) -> None:
        axis_width, names = self._category_axis_width(chart.categories)
        width_px, height_px = self._view_size(axis_width)
        n, m = len(chart.categories), len(chart.series)
        rows = [float(n - 1 - i) for i in range(n)]  # first category on top
        grouped = chart.form == "grouped_bars"
        thickness = GROUP_THICKNESS / m if grouped else BAR_THICKNESS
        values = [[float(v) for v in s.values] for s in chart.series]
        spans: list[list[tuple[float, float]]] = []  # (start, end) of every bar, per series
        if chart.form == "stacked_bars":
            positive, negative = [0.0] * n, [0.0] * n
            for series in values:
                row = []
                for i, v in enumerate(series):
                    base = positive if v >= 0 else negative
                    row.append((base[i], base[i] + v))
                    base[i] += v
                spans.append(row)
        else:
            spans = [[(0.0, v) for v in series] for series in values]
        centres = [[y + GROUP_THICKNESS / 2 - (j + 0.5) * thickness if grouped else y for y in rows] for j in range(m)]
        # Labels go beside their bar unless the plot is too small for that; stacked segments carry them inside.
        widths = [[self._label_width(t) for t in s.value_labels] for s in chart.series]
        inside = (
            chart.form == "stacked_bars" or max(w for row in widths for w in row) > MAX_OUTSIDE_LABEL_SHARE * width_px
        )
        pitch = height_px / n * (thickness if grouped else 1.0)
        labelled = pitch >= self._metrics.height() * 0.85  # else the labels would overlap each other
        outside = (
            []
            if inside or not labelled
            else [(v, w) for vs, ws in zip(values, widths, strict=True) for v, w in zip(vs, ws, strict=True)]
        )
        low, high = (float(v) for v in chart.value_range())
        ticks = self._value_ticks(low, high, width_px, outside)
        start, stop = float(ticks[0][0]), float(ticks[-1][0])
        per_pixel = (stop - start) / width_px

        for j, item in enumerate(self._items):
            item.setOpts(
                x0=[min(a, b) for a, b in spans[j]],
                width=[abs(b - a) for a, b in spans[j]],
                y=centres[j],
                height=thickness,
            )
            colour = SERIES_COLOURS[j % len(SERIES_COLOURS)]
            for i, text in enumerate(self._texts[j]):
                a, b = spans[j][i]
                label, label_width = chart.series[j].value_labels[i], widths[j][i]
                fits_inside = abs(b - a) / per_pixel >= label_width
                # A short bar of a tiny plot keeps its label beside it when there is room on that side.
                room_beside = (stop - b if b >= 0 else b - start) / per_pixel >= label_width
                stacked = chart.form == "stacked_bars"
                visible = labelled and (not inside or fits_inside or (room_beside and not stacked))
                text.setVisible(visible)
                if not visible:
                    continue
                if stacked:
                    anchor, x, colour_text = (0.5, 0.5), (a + b) / 2, _text_on(colour)
                elif inside and fits_inside:
                    anchor, x, colour_text = ((1, 0.5) if b >= 0 else (0, 0.5)), b, _text_on(colour)
                else:
                    anchor, x, colour_text = ((0, 0.5) if b >= 0 else (1, 0.5)), b, TEXT_COLOUR
                if text.toPlainText() != label:
                    text.setText(label)
                text.setColor(colour_text)
                text.setAnchor(anchor)
                text.setPos(x, centres[j][i])

        self._set_axis("left", list(zip(rows, names, strict=True)), None, axis_width)
        # centred under the plot, a title may reach over the right margin by as much as over the category axis
        room = width_px + 2 * int(self._drawn.get("margin", 0)) - 4 * TEXT_MARGIN  # type: ignore[call-overload]
        title = _fitted_title(chart, room, self._metrics)
        self._set_axis("bottom", [(float(t), text) for t, text in ticks], title, None)
        self._value_tick_texts = tuple(text for _t, text in ticks if text)
        self._set_right_margin(ticks[-1][1])
        self._set_grid(x=True)
        self._update_legend(chart)
        self._plot.setXRange(start, stop, padding=0)
        self._plot.setYRange(-0.5, n - 0.5, padding=0)

    def _draw_lines(self, chart: Chart) -> None:
        n = len(chart.categories)
        xs = list(range(n))
        for item, series in zip(self._items, chart.series, strict=True):
            item.setData(xs, [float(v) for v in series.values])
        low, high = (float(v) for v in chart.value_range())
        _width, height_px = self._view_size(self._plot.getAxis("left").width())
        ticks = self._value_ticks(low, high, height_px, [], vertical=True)
        title = _axis_title(chart)
        label_height = self._metrics.height() * 1.4 if title else 0
        value_width = int(max(self._metrics.horizontalAdvance(text) for _t, text in ticks) + 5 + 10 + label_height)
        width_px, _height = self._view_size(value_width)
        self._set_axis("left", [(float(t), text) for t, text in ticks], title, value_width)
        self._value_tick_texts = tuple(text for _t, text in ticks if text)
        # Period names are written only as often as they fit side by side (every second year, every fifth…).
        widest = max(self._metrics.horizontalAdvance(c) for c in chart.categories) + 2 * LABEL_POINT_SIZE
        every = max(1, math.ceil(widest * n / width_px))
        periods = [(float(i), c) for i, c in enumerate(chart.categories) if i % every == 0]
        self._set_axis("bottom", periods, None, None)
        self._set_right_margin(chart.categories[-1] if (n - 1) % every == 0 else "")
        self._set_grid(x=False)
        self._update_legend(chart)
        self._plot.setXRange(-0.5, n - 0.5, padding=0)
        bottom, top = float(ticks[0][0]), float(ticks[-1][0])
        marker = (top - bottom) / height_px * MARKER_SIZE  # a point on the axis end shows whole
        self._plot.setYRange(bottom - marker, top + marker, padding=0)

    def _set_grid(self, *, x: bool) -> None:
        """Grid lines run across the value axis: vertical for bars, horizontal for lines."""
        if self._drawn.get("grid") != x:
            self._plot.showGrid(x=x, y=not x, alpha=0.25)
            self._drawn["grid"] = x

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
        generator.setTitle(self._chart.title if self._chart is not None else "")
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

    from chengyu_accord.cost_sharing.charts import Series

    app = QApplication([])
    preview = ChartWidget()
    amounts = (Decimal("62500.5"), Decimal("20100"), Decimal("17399.5"))
    preview.set_chart(
        Chart(
            key="preview",
            form="bars",
            title="各方分担金额",
            unit="万元",
            categories=("成都市", "资阳市", "大足区"),
            series=(Series("分担金额", amounts, tuple(f"{a:,.2f}" for a in amounts)),),
        )
    )
    preview.resize(700, 400)
    preview.show()
    app.exec()
