"""The chart widget: every chart kind drawn, money on the axis as people read it, no label cut, in-place updates."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from chengyu_accord.cost_sharing.charts import Chart, Series
from chengyu_accord.widgets.chart import ChartWidget

GROUPED_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$")
PARTIES = ("成都市", "重庆市渝北区", "资阳市")


def _series(name: str, values: list[str]) -> Series:
    amounts = tuple(Decimal(v) for v in values)
    return Series(name, amounts, tuple(f"{a:,.2f}" for a in amounts))


def _chart(form: str = "bars", values: tuple[list[str], ...] = (["60", "25.5", "14.5"],), **kwargs) -> Chart:
    fields = {
        "key": "test.chart",
        "form": form,
        "title": "各方分担金额",
        "unit": "亿元",
        "categories": PARTIES,
        "series": tuple(_series(f"方法{j}", v) for j, v in enumerate(values)),
    }
    return Chart(**{**fields, **kwargs})


@pytest.fixture
def chart(qtbot) -> ChartWidget:
    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitUntil(lambda: widget.ready)
    qtbot.waitUntil(lambda: widget.plot_widget.getViewBox().width() > 300)
    return widget


def _items(widget: ChartWidget, type_name: str) -> list:
    return [item for item in widget.plot_widget.getPlotItem().items if type(item).__name__ == type_name]


def _value_labels(widget: ChartWidget) -> list:
    return [text for text in _items(widget, "TextItem") if text.isVisible()]


def _drawn_ticks(widget: ChartWidget, side: str) -> list[tuple[QRectF, str]]:
    """The tick labels pyqtgraph actually draws (it silently drops any that would reach past its axis)."""
    axis = widget.plot_widget.getAxis(side)
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(axis.mapRectToScene(rect), text) for rect, _flags, text in texts]


def _inside(inner: QRectF, outer: QRectF) -> bool:
    return outer.adjusted(-1, -1, 1, 1).contains(inner)


@pytest.mark.parametrize(
    ("form", "series", "bar_items", "curves"),
    [("bars", 1, 1, 0), ("grouped_bars", 3, 3, 0), ("stacked_bars", 2, 2, 0), ("lines", 2, 0, 2)],
)
def test_each_form_draws_its_bars_or_curves(qtbot, chart, form, series, bar_items, curves):
    values = tuple([str(10 * (j + 1)), str(20 + j), str(5 * j + 1)] for j in range(series))
    chart.set_chart(_chart(form, values))
    bars = _items(chart, "BarGraphItem")
    assert len(bars) == bar_items
    assert all(sum(1 for w in bar.opts["width"] if w > 0) == len(PARTIES) for bar in bars)
    lines = _items(chart, "PlotDataItem")
    assert len(lines) == curves
    assert all(len(line.getData()[0]) == len(PARTIES) for line in lines)
    assert chart.bar_count == (0 if form == "lines" else len(PARTIES))
    legend = [label.text for _sample, label in chart.plot_widget.getPlotItem().layout.itemAt(4, 1).items]
    assert legend == ([f"方法{j}" for j in range(series)] if series > 1 else [])
    category_side = "bottom" if form == "lines" else "left"
    assert {text for _rect, text in _drawn_ticks(chart, category_side)} <= set(PARTIES)


def test_bars_run_first_party_on_top_with_the_shown_amounts_at_their_ends(qtbot, chart):
    chart.set_chart(_chart())
    (bars,) = _items(chart, "BarGraphItem")
    assert list(bars.opts["y"]) == [2.0, 1.0, 0.0]
    assert list(bars.opts["width"]) == [60.0, 25.5, 14.5]
    labels = {text.toPlainText(): text.pos().x() for text in _value_labels(chart)}
    assert labels == {"60.00": 60.0, "25.50": 25.5, "14.50": 14.5}


def test_money_axis_is_digit_grouped_and_never_scientific(qtbot, chart):
    # The 高竹 example in 元 once read 2e+07 … 1e+08 on this axis.
    chart.set_chart(_chart(values=(["20000000", "100000000", "55000000.5"],), unit="元"))
    # Every tick is drawn, both ends too (the axis follows the view's range on the next paint).
    qtbot.waitUntil(lambda: [text for _rect, text in _drawn_ticks(chart, "bottom")] == list(chart.value_tick_texts))
    ticks = chart.value_tick_texts
    assert len(ticks) >= 3
    assert all(GROUPED_NUMBER.match(t) for t in ticks), ticks
    assert not any("e" in t.lower() for t in ticks)
    assert "100,000,000" in ticks
    assert chart.plot_widget.getAxis("bottom").labelText == "各方分担金额（元）"


def test_fractional_ticks_keep_their_decimals(qtbot, chart):
    chart.set_chart(_chart(values=(["0.5", "1.25", "0.75"],)))
    assert "0.5" in chart.value_tick_texts
    assert all(GROUPED_NUMBER.match(t) for t in chart.value_tick_texts)


@pytest.mark.parametrize(("size", "labelled"), [((700, 400), 3), ((500, 280), 1)])
def test_no_label_is_cut(qtbot, chart, size, labelled):
    chart.resize(*size)
    long_names = ("成都市", "Chongqing Liangjiang New Area", "资阳市")
    chart.set_chart(_chart(values=(["50207971.49", "12500000", "8000000.5"],), categories=long_names))
    view = chart.plot_widget.getViewBox()

    def nothing_cut() -> None:  # checked once the layout has settled on the new size
        whole = QRectF(chart.plot_widget.rect())
        names = _drawn_ticks(chart, "left")
        assert sorted(text for _rect, text in names) == sorted(long_names)
        assert all(_inside(rect, whole) for rect, _text in [*names, *_drawn_ticks(chart, "bottom")])
        labels = _value_labels(chart)  # in a cramped plot, a label that fits nowhere is left out rather than cut
        assert len(labels) >= labelled
        assert all(_inside(text.sceneBoundingRect(), view.sceneBoundingRect()) for text in labels)

    qtbot.waitUntil(nothing_cut)


@pytest.mark.parametrize("width", [300, 360, 900])
def test_a_legend_of_long_method_names_never_widens_the_plot_past_the_widget(qtbot, chart, width):
    """Five long series names in a narrow chart column: the legend takes fewer columns (and elides a name too long
    for the line) instead of pushing the value axis's end and its title off the widget."""
    names = ("按常住人口比例", "多因素加权", "可分离成本剩余收益法(SCRB)", "沙普利值", "Proportional nucleolus " * 3)
    chart.resize(width, 420)
    values = ([str(20000 + 300 * j), "21000", str(22000 + 100 * j)] for j in range(len(names)))
    series = tuple(_series(name, v) for name, v in zip(names, values, strict=True))
    chart.set_chart(_chart("grouped_bars", title="各方法下各方分担额", unit="万元", series=series))

    plot = chart.plot_widget.getPlotItem()
    qtbot.waitUntil(lambda: len(chart._legend.items) == len(names))
    qtbot.wait(100)  # the graphics layout settles on the legend's size
    whole = QRectF(chart.plot_widget.rect())
    assert plot.sceneBoundingRect().width() <= whole.width() + 1
    assert all(_inside(rect, whole) for rect, _text in _drawn_ticks(chart, "bottom"))


@pytest.mark.parametrize("width", [260, 320, 700])
def test_a_long_value_axis_title_wraps_instead_of_being_cut(qtbot, chart, width):
    long_names = ("Bishan District", "Tongliang District", "Yongchuan District")
    chart.resize(width, 420)
    chart.set_chart(_chart(title="Amounts by method and party", unit="10k yuan", categories=long_names))
    label = chart.plot_widget.getAxis("bottom").label
    qtbot.wait(100)  # the layout settles on the axes' widths
    drawn, whole = label.sceneBoundingRect(), QRectF(chart.plot_widget.rect())
    assert whole.left() - 1 <= drawn.left()
    assert drawn.right() <= whole.right() + 1, (drawn, whole)
    assert "10k yuan" in label.toPlainText()


def test_the_plot_narrows_with_the_widget_after_a_wide_legend(qtbot, chart):
    """A plot once widened by a four-column legend shrinks back with the widget (pyqtgraph alone kept it wide)."""
    names = ("按常住人口比例", "多因素加权", "可分离成本剩余收益法(SCRB)", "沙普利值", "核仁")
    series = tuple(_series(name, ["20000", "21000", "22000"]) for name in names)
    chart.resize(1200, 420)
    chart.set_chart(_chart("grouped_bars", series=series))
    qtbot.waitUntil(lambda: len(chart._legend.items) == len(names))
    chart.resize(300, 420)
    plot = chart.plot_widget.getPlotItem()
    qtbot.waitUntil(lambda: abs(plot.geometry().width() - chart.plot_widget.viewport().width()) < 1)


def test_show_message_replaces_the_bars(qtbot, chart):
    chart.set_chart(_chart())
    chart.show_message("无法计算：权重之和为零")
    assert chart.message == "无法计算：权重之和为零"
    assert chart.bar_count == 0
    assert not chart.plot_widget.isVisible()
    assert _items(chart, "BarGraphItem") == []
    chart.set_chart(_chart())
    assert chart.message == ""
    assert chart.plot_widget.isVisible()
    assert chart.bar_count == 3


def test_same_shape_updates_reuse_every_item(qtbot, chart):
    chart.set_chart(_chart("grouped_bars", (["10", "20", "30"], ["15", "25", "35"])))
    plot_widget = chart.plot_widget
    before = list(plot_widget.getPlotItem().items)
    for step in range(20):  # a slider drag
        chart.set_chart(_chart("grouped_bars", ([str(10 + step), "20", "30"], ["15", "25", str(35 - step)])))
    after = list(plot_widget.getPlotItem().items)
    assert chart.plot_widget is plot_widget
    assert len(after) == len(before)
    assert all(a is b for a, b in zip(after, before, strict=True))
    assert list(_items(chart, "BarGraphItem")[1].opts["width"]) == [15.0, 25.0, 16.0]
    chart.set_chart(_chart("lines", (["1", "2", "3"],)))  # another shape: new items, same plot
    assert chart.plot_widget is plot_widget
    assert len(_items(chart, "PlotDataItem")) == 1
    assert _items(chart, "BarGraphItem") == []


def test_chart_set_before_the_first_paint_is_drawn_then(qtbot):
    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.set_chart(_chart())
    assert not widget.ready
    widget.show()
    qtbot.waitUntil(lambda: widget.ready)
    qtbot.waitUntil(lambda: len(_value_labels(widget)) == 3)


def test_exports_png_svg_and_bytes(qtbot, chart, tmp_path):
    chart.set_chart(_chart())
    chart.export_png(tmp_path / "c.png")
    chart.export_svg(tmp_path / "c.svg")
    assert (tmp_path / "c.png").stat().st_size > 1000
    assert b"<svg" in (tmp_path / "c.svg").read_bytes()
    assert chart.png_bytes().startswith(b"\x89PNG")
