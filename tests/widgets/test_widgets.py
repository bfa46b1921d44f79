"""The reusable widgets on their own: exact amount input, table models, the chart."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from chengyu_accord.cost_sharing.edits import AddParty, RemoveParty, SetPartyFigure
from chengyu_accord.cost_sharing.engine import compute
from chengyu_accord.cost_sharing.money import Unit
from chengyu_accord.widgets.allocation_model import AllocationTableModel
from chengyu_accord.widgets.amount_editor import AmountEditor, AmountError, parse_amount
from chengyu_accord.widgets.chart import ChartWidget
from chengyu_accord.widgets.parties_panel import PartiesPanel


@pytest.mark.parametrize(
    ("text", "unit", "fen"),
    [
        ("1", Unit.YI_YUAN, 10_000_000_000),
        ("12.5", Unit.WAN_YUAN, 12_500_000),
        ("0.01", Unit.YUAN, 1),
        ("1,234", Unit.YUAN, 123_400),
    ],
)
def test_parse_amount_is_exact(text, unit, fen):
    assert parse_amount(text, unit) == fen


@pytest.mark.parametrize("text", ["", "-1", "abc", "NaN", "inf", "0.001"])
def test_parse_amount_refuses(text):
    with pytest.raises(AmountError):
        parse_amount(text, Unit.YUAN)


def test_amount_editor_commits_typed_text_in_the_chosen_unit(qtbot):
    editor = AmountEditor()
    qtbot.addWidget(editor)
    editor.set_amount(100)
    editor.unit_box.setCurrentIndex(editor.unit_box.findData(Unit.WAN_YUAN))
    editor.line_edit.selectAll()
    qtbot.keyClicks(editor.line_edit, "2.5")
    with qtbot.waitSignal(editor.amount_committed) as signal:
        qtbot.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert signal.args == [2_500_000]  # 2.5 万元 = 25,000 元


def test_amount_editor_rejects_and_keeps_the_old_value(qtbot):
    editor = AmountEditor()
    qtbot.addWidget(editor)
    editor.set_amount(10_000_000_000)
    editor.line_edit.selectAll()
    qtbot.keyClicks(editor.line_edit, "-3")
    with qtbot.waitSignal(editor.input_rejected) as signal:
        qtbot.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert "Amount" in signal.args[0] or "金额" in signal.args[0]
    assert editor.line_edit.text() == "1"


def test_allocation_model_shows_parts_that_add_up_to_the_shown_total(qtmodeltester, scenario):
    model = AllocationTableModel()
    item = scenario.items[0]
    model.set_result(scenario, item, compute(scenario).items[0])
    qtmodeltester.check(model)
    rows = model.rowCount()
    parts = [Decimal(model.index(r, 3).data().replace(",", "")) for r in range(rows - 1)]
    total = Decimal(model.index(rows - 1, 3).data().replace(",", ""))
    assert sum(parts) == total
    assert model.index(1, 1).data(Qt.ItemDataRole.FontRole).italic()  # user-entered figure
    assert "[U]" in model.index(2, 1).data()


def test_allocation_model_shows_a_missing_figure_as_missing_not_zero(qtmodeltester, scenario):
    scenario = SetPartyFigure("a", "population", None).apply(scenario)
    model = AllocationTableModel()
    model.set_result(scenario, scenario.items[0], compute(scenario).items[0])
    qtmodeltester.check(model)
    assert "—" in model.index(0, 1).data()
    assert model.index(0, 3).data() == "—"


def test_parties_model_and_panel(qtbot, qtmodeltester, scenario):
    panel = PartiesPanel()
    qtbot.addWidget(panel)
    catalogue = (
        *scenario.parties,
        scenario.parties[0].model_copy(update={"id": "x", "name_zh": "外市", "province": "Sichuan"}),
    )
    panel.set_catalogue(catalogue)
    panel.set_scenario(scenario)
    qtmodeltester.check(panel.model)
    assert panel.proxy.rowCount() == 4
    panel.province_box.setCurrentIndex(panel.province_box.findData("Sichuan"))
    assert panel.proxy.rowCount() == 1
    with qtbot.waitSignal(panel.edit_requested) as signal:
        panel.model.setData(panel.model.index(3, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert isinstance(signal.args[0], AddParty)
    with qtbot.waitSignal(panel.edit_requested) as signal:
        panel.model.setData(panel.model.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert isinstance(signal.args[0], RemoveParty)
    with qtbot.waitSignal(panel.model.input_rejected):
        assert not panel.model.setData(panel.model.index(0, 4), "lots")


def test_chart_is_built_after_show_and_exports(qtbot, tmp_path):
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.set_bars(["成都市", "资阳市"], [60.0, 40.0], "亿元")
    assert not chart.ready
    chart.show()
    qtbot.waitUntil(lambda: chart.ready)
    chart.export_png(tmp_path / "c.png")
    chart.export_svg(tmp_path / "c.svg")
    assert (tmp_path / "c.png").stat().st_size > 1000
    assert b"<svg" in (tmp_path / "c.svg").read_bytes()
    assert chart.png_bytes().startswith(b"\x89PNG")
