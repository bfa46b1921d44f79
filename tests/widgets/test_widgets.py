"""The reusable widgets on their own: exact amount input, table models, the chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from chengyu_accord.cost_sharing.edits import AddParty, RemoveParty
from chengyu_accord.cost_sharing.money import Unit
from chengyu_accord.widgets.amount_editor import AmountEditor, AmountError, parse_amount
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


def test_parties_panel_lists_participants_first_and_can_show_only_them(qtbot, scenario):
    from chengyu_accord.cost_sharing.scenario import Party
    from chengyu_accord.widgets.parties_panel import PARTY_ID_ROLE

    panel = PartiesPanel()
    qtbot.addWidget(panel)
    outsiders = tuple(Party(id=f"x{i}", name_zh=f"外{i}") for i in range(3))
    panel.set_catalogue((*outsiders, *scenario.parties))
    panel.set_scenario(scenario)
    proxy = panel.proxy
    first = [proxy.index(row, 0).data(PARTY_ID_ROLE) for row in range(3)]
    assert set(first) == {p.id for p in scenario.parties}, "the parties taking part come first"
    qtbot.mouseClick(panel.members_only, Qt.MouseButton.LeftButton, pos=panel.members_only.rect().center())
    assert proxy.rowCount() == len(scenario.parties)
    panel.members_only.setChecked(False)
    assert proxy.rowCount() == 6
    panel.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    names = [proxy.index(row, 1).data() for row in range(proxy.rowCount())]
    assert names == sorted(names, reverse=True)
