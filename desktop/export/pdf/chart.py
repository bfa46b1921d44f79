"""Charts as reportlab drawings (vector in the PDF, rasterised for the DOCX): bars, grouped or stacked bars, lines.

The plot itself is a reportlab chart widget; every text around it (category names, value labels,
legend, unit) is drawn run by run in the role's fonts, and its room is measured with those fonts
before the plot is placed, so no label is ever cut off at the drawing's edge. The value axis runs
over :func:`charts.nice_ticks`, the ticks shared by every renderer. Series are told apart by the
lightness of one hue (and, for lines, by dash and marker), so a greyscale printout keeps them apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, Shape
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from chengyu_accord.cost_sharing.charts import Chart, nice_ticks

from .runs import role_font, strings, text_width

GAP = 4.0
"""Space between a label and what it labels, in points."""
MARKERS = ("FilledCircle", "FilledSquare", "FilledTriangle", "FilledDiamond", "Circle", "Square")
DASHES: tuple[tuple[float, ...] | None, ...] = (None, (4, 2), (1.5, 1.5), (6, 2, 1.5, 2))


@dataclass(frozen=True)
class _Sizes:
    """Font sizes around the plot, from the style's chart size (10 pt: title 12, names 10, values 9, ticks 8)."""

    title: float
    name: float
    value: float
    tick: float

    @classmethod
    def from_size(cls, size: float) -> _Sizes:
        return cls(title=size + 2, name=size, value=size - 1, tick=size - 2)


def tick_labels(ticks: Sequence[Decimal]) -> list[str]:
    """Digit-grouped tick labels with as many decimals as the step needs: 0, 2,500, 5,000 or 0.0, 0.5, 1.0."""
    step = ticks[1] - ticks[0] if len(ticks) > 1 else Decimal(1)
    places = max(0, -step.normalize().as_tuple().exponent)
    return [f"{tick:,.{places}f}" for tick in ticks]


def series_colours(count: int, base: str, *, darkest: float = 0.45, lightest: float = 0.75) -> list[colors.Color]:
    """``count`` shades of ``base`` from dark to light: apart by lightness, so they stay apart in greyscale."""
    colour = colors.HexColor(base)
    if count == 1:
        return [colour]
    shades = []
    for index in range(count):
        t = index / (count - 1)
        if t < 0.5:  # towards black
            mix = darkest + (1 - darkest) * t * 2
            shades.append(colors.Color(colour.red * mix, colour.green * mix, colour.blue * mix))
        else:  # towards white
            mix = (t - 0.5) * 2 * lightest
            shades.append(colors.linearlyInterpolatedColor(colour, colors.white, 0, 1, mix))
    return shades


def _fit(text: str, role: str, size: float, room: float) -> float:
    """``size``, or smaller so that ``text`` fits into ``room`` points."""
    width = text_width(text, role, size)
    return size if width <= room or width == 0 else size * room / width


def _add(drawing: Drawing | Group, shapes: Sequence[Shape]) -> None:
    for shape in shapes:
        drawing.add(shape)


class _Frame:
    """The drawing's rows from the top: title, legend, then the plot; the unit on the bottom row."""

    def __init__(self, chart: Chart, width: float, role: str, sizes: _Sizes, swatch: Callable[[int], Shape]) -> None:
        self.chart = chart
        self.width = width
        self.role = role
        self.sizes = sizes
        self.swatch = swatch
        self.legend_rows = self._legend_rows() if len(chart.series) > 1 else []

    def _legend_rows(self) -> list[list[tuple[int, float]]]:
        """The legend's entries (series index, width) packed into rows no wider than the drawing."""
        rows: list[list[tuple[int, float]]] = [[]]
        used = 0.0
        for index, series in enumerate(self.chart.series):
            entry = 14 + GAP + text_width(series.name, self.role, self.sizes.name) + 3 * GAP
            if rows[-1] and used + entry > self.width:
                rows.append([])
                used = 0.0
            rows[-1].append((index, entry))
            used += entry
        return rows

    @property
    def head(self) -> float:
        """The height above the plot taken by the title and the legend."""
        return self.sizes.title + 8 + len(self.legend_rows) * (self.sizes.name + 6)

    def decorate(self, drawing: Drawing, unit_caption: str) -> None:
        """Title centred on top, legend rows under it, the unit at the bottom right."""
        height = drawing.height
        title_size = _fit(self.chart.title, self.role, self.sizes.title, self.width)
        _add(
            drawing,
            strings(self.width / 2, height - self.sizes.title, self.chart.title, self.role, title_size, "middle"),
        )
        y = height - self.sizes.title - 8
        for row in self.legend_rows:
            y -= self.sizes.name + 2
            x = (self.width - sum(entry for _, entry in row) + 3 * GAP) / 2
            for index, entry in row:
                drawing.add(Group(self.swatch(index), transform=(1, 0, 0, 1, x, y)))
                name = self.chart.series[index].name
                _add(drawing, strings(x + 14 + GAP, y, name, self.role, self.sizes.name))
                x += entry
            y -= 4
        unit = unit_caption + self.chart.unit
        size = _fit(unit, self.role, self.sizes.tick, self.width - 2)
        _add(drawing, strings(self.width - 2, 3, unit, self.role, size, "end"))


def chart_drawing(
    chart: Chart, width: float, styles: dict[str, Any], unit_caption: str, height: float = float("inf")
) -> Drawing:
    """``chart`` as a drawing ``width`` points wide and at most ``height`` high (bars of many categories are
    drawn closer and their names smaller, so that the chart still fits a page); ``unit_caption`` (单位：) goes
    before the unit."""
    if chart.form == "lines":
        return _line_drawing(chart, width, styles, unit_caption)
    return _bar_drawing(chart, width, styles, unit_caption, height)


def _value_axis(axis: Any, chart: Chart, role: str, size: float) -> list[str]:
    """Scale ``axis`` over the shared nice ticks and label them digit-grouped; returns the labels."""
    low, high = chart.value_range()
    ticks = nice_ticks(low, high)
    labels = tick_labels(ticks)
    axis.valueMin = float(ticks[0])
    axis.valueMax = float(ticks[-1])
    axis.valueSteps = [float(t) for t in ticks]
    by_value = dict(zip(axis.valueSteps, labels, strict=True))
    axis.labelTextFormat = by_value.__getitem__  # reportlab labels exactly the steps it was given
    axis.labels.fontName = role_font(role)
    axis.labels.fontSize = size
    return labels


def _bar_drawing(chart: Chart, width: float, styles: dict[str, Any], unit_caption: str, height: float) -> Drawing:
    """Horizontal bars, first category on top: one bar, a group of bars or a stack of segments per category."""
    role = styles["chart"]["font"]
    sizes = _Sizes.from_size(styles["chart"]["size"])
    count = len(chart.categories)
    series_count = len(chart.series)
    stacked = chart.form == "stacked_bars"
    grouped = chart.form == "grouped_bars" and series_count > 1
    fills = series_colours(series_count, styles["chart_bar_colour"])
    frame = _Frame(chart, width, role, sizes, lambda i: Rect(0, -1, 14, 8, fillColor=fills[i], strokeColor=None))

    # value labels: beside each bar, or after each stack its segments' labels joined in legend order
    if stacked:
        value_texts = [[" + ".join(s.value_labels[c] for s in chart.series)] for c in range(count)]
    else:
        value_texts = [[s.value_labels[c] for s in chart.series] for c in range(count)]
    bar_pitch = 20.0 if not grouped else max(20.0, 11.0 * series_count + 8)
    axis_room = sizes.tick + 6 + sizes.tick + 6  # the unit row, then the tick labels
    squeeze = min(1.0, (height - frame.head - axis_room) / (max(count, 2) * bar_pitch))
    bar_pitch *= squeeze  # too many categories for the page: closer bars, smaller names and values
    value_size = (sizes.value if not grouped else sizes.tick) * squeeze
    widest_value = max((text_width(t, role, value_size) for texts in value_texts for t in texts), default=0.0)
    value_room = min(widest_value + GAP + 2, width * 0.4)
    if widest_value + GAP + 2 > value_room:
        value_size *= (value_room - GAP - 2) / widest_value

    name_room = width * 0.4
    name_sizes = [_fit(name, role, sizes.name * squeeze, name_room - GAP - 2) for name in chart.categories]
    name_width = max((text_width(n, role, s) for n, s in zip(chart.categories, name_sizes, strict=True)), default=0)

    plot = HorizontalBarChart()
    tick_texts = _value_axis(plot.valueAxis, chart, role, sizes.tick)
    first_tick = text_width(tick_texts[0], role, sizes.tick) / 2
    last_tick = text_width(tick_texts[-1], role, sizes.tick) / 2 + 2
    plot.x = max(name_width + GAP + 2, first_tick)
    plot.y = axis_room
    plot.width = width - plot.x - max(value_room, last_tick)
    plot.height = max(count * bar_pitch, 40)
    # reportlab draws the first data column at the bottom: reverse so the first category is on top, and
    # in a group the first series on top, as the legend reads
    order = list(range(series_count))
    if grouped:
        order.reverse()
    plot.data = [[float(chart.series[s].values[c]) for c in reversed(range(count))] for s in order]
    if stacked:
        plot.categoryAxis.style = "stacked"
    plot.categoryAxis.categoryNames = [""] * count  # the names are drawn below, run by run
    plot.categoryAxis.labels.fontName = role_font(role)
    plot.barLabels.fontName = role_font(role)
    for row, series in enumerate(order):
        plot.bars[row].fillColor = fills[series]
        plot.bars[row].strokeColor = colors.black if series_count > 1 else None
        plot.bars[row].strokeWidth = 0.3
    plot.groupSpacing = 6 if grouped else 5
    bars: dict[tuple[int, int], Rect] = {}
    plot.barRecord = lambda bar, rowNo, colNo, **_: bars.__setitem__((rowNo, colNo), bar)  # noqa: N803

    drawing = Drawing(width, frame.head + plot.height + plot.y, initialFontName=role_font(role))
    drawing.add(plot.draw())
    zero = plot.valueAxis.scale(0)
    for column in range(count):
        category = count - 1 - column
        rects = [bars[(row, column)] for row in range(series_count) if (row, column) in bars]
        if not rects:
            continue
        low = min(r.y for r in rects)
        high = max(r.y + r.height for r in rects)
        middle = (low + high) / 2
        name = chart.categories[category]
        name_size = name_sizes[category]
        _add(drawing, strings(plot.x - GAP, middle - name_size * 0.35, name, role, name_size, "end"))
        if stacked:
            positives = sum((s.values[category] for s in chart.series if s.values[category] > 0), Decimal(0))
            end = plot.valueAxis.scale(float(positives))
            _add(drawing, strings(end + GAP, middle - value_size * 0.35, value_texts[category][0], role, value_size))
            continue
        for row, series in enumerate(order):
            rect = bars.get((row, column))
            if rect is None:
                continue
            value = chart.series[series].values[category]
            text = value_texts[category][series]
            y = rect.y + rect.height / 2 - value_size * 0.35
            if value < 0:
                _add(drawing, strings(min(zero, rect.x, rect.x + rect.width) - GAP, y, text, role, value_size, "end"))
            else:
                _add(drawing, strings(max(rect.x, rect.x + rect.width) + GAP, y, text, role, value_size))
    frame.decorate(drawing, unit_caption)
    return drawing


def _line_drawing(chart: Chart, width: float, styles: dict[str, Any], unit_caption: str) -> Drawing:
    """One line per series over the periods; value labels above the points, period names under the axis."""
    role = styles["chart"]["font"]
    sizes = _Sizes.from_size(styles["chart"]["size"])
    count = len(chart.categories)
    series_count = len(chart.series)
    strokes = series_colours(series_count, styles["chart_bar_colour"], darkest=0.35, lightest=0.45)

    def swatch(index: int) -> Shape:
        dash = DASHES[index % len(DASHES)]
        group = Group(Line(0, 3, 14, 3, strokeColor=strokes[index], strokeWidth=1.2, strokeDashArray=dash))
        marker = makeMarker(MARKERS[index % len(MARKERS)], size=4, fillColor=strokes[index], strokeColor=strokes[index])
        marker.x, marker.y = 7, 3
        group.add(marker)
        return group

    frame = _Frame(chart, width, role, sizes, swatch)
    plot = HorizontalLineChart()
    tick_texts = _value_axis(plot.valueAxis, chart, role, sizes.tick)
    value_size = sizes.tick
    widest_tick = max(text_width(t, role, sizes.tick) for t in tick_texts)
    widest_name = max((text_width(c, role, sizes.name) for c in chart.categories), default=0.0)

    def overhang(column: int) -> float:
        """How far the widest value label at a point reaches beyond it on either side."""
        return max((text_width(s.value_labels[column], role, value_size) / 2 for s in chart.series), default=0.0)

    # a point sits in the middle of its period's slot; the edge slots' halves must hold the labels reaching out
    left, right, slanted = widest_tick + GAP + 2, 2.0, False
    for _ in range(3):
        slot = (width - left - right) / max(count, 1)
        slanted = widest_name > slot - GAP
        first = text_width(chart.categories[0], role, sizes.name) if count else 0.0
        last = text_width(chart.categories[-1], role, sizes.name) if count else 0.0
        first_name, last_name = (first * 0.71 + 2, 0.0) if slanted else (first / 2, last / 2)
        left = max(widest_tick + GAP + 2, max(first_name, overhang(0)) - slot / 2 + 2)
        right = max(2.0, max(last_name, overhang(-1)) - slot / 2 + 2)
    plot.x, plot.width = left, width - left - right
    name_depth = widest_name * 0.71 + sizes.name if slanted else sizes.name + 2
    plot.y = sizes.tick + 6 + name_depth + GAP
    plot.height = 150.0
    plot.data = [[float(v) for v in s.values] for s in chart.series]
    plot.joinedLines = 1
    plot.categoryAxis.categoryNames = [""] * count
    plot.categoryAxis.labels.fontName = role_font(role)
    plot.lineLabels.fontName = role_font(role)
    for index in range(series_count):
        line = plot.lines[index]
        line.strokeColor = strokes[index]
        line.strokeWidth = 1.2
        line.strokeDashArray = DASHES[index % len(DASHES)]
        line.symbol = makeMarker(
            MARKERS[index % len(MARKERS)], size=4, fillColor=strokes[index], strokeColor=strokes[index]
        )
    top_room = value_size + GAP + 2  # a label above the highest point
    height = frame.head + top_room + plot.height + plot.y
    drawing = Drawing(width, height, initialFontName=role_font(role))
    drawing.add(plot.draw())
    for column, name in enumerate(chart.categories):
        x = plot.categoryAxis.midScale(column)
        if slanted:  # long period names run down-left at 45°, ending under their point
            group = Group(transform=(0.7071, 0.7071, -0.7071, 0.7071, x, plot.y - GAP))
            _add(group, strings(0, -sizes.name * 0.7, name, role, sizes.name, "end"))
            drawing.add(group)
        else:
            _add(drawing, strings(x, plot.y - GAP - sizes.name, name, role, sizes.name, "middle"))
        for series in chart.series:
            y = plot.valueAxis.scale(float(series.values[column]))
            _add(drawing, strings(x, y + GAP, series.value_labels[column], role, value_size, "middle"))
    frame.decorate(drawing, unit_caption)
    return drawing
