"""The workspace as a negotiator reads it: where the amount comes from, what is wrong, and the fingerprint."""

from __future__ import annotations

from PySide6.QtCore import Qt

from chengyu_accord.cost_sharing.fingerprint import fingerprint, short_fingerprint
from chengyu_accord.cost_sharing.instruments.proportional import presets as proportional_presets
from chengyu_accord.cost_sharing.money import Unit
from chengyu_accord.cost_sharing.storage import save_scenario
from chengyu_accord.widgets.parties_panel import FIRST_FIGURE_COL


def _type_amount(qtbot, window, text: str) -> None:
    editor = window.workspaces[0].amount_editor
    editor.unit_box.setCurrentIndex(editor.unit_box.findData(Unit.YI_YUAN))
    editor.line_edit.selectAll()
    qtbot.keyClicks(editor.line_edit, text)
    qtbot.keyClick(editor.line_edit, Qt.Key.Key_Return)


def _choose_budget_revenue(qtbot, window) -> None:
    """Split by 一般公共预算收入, which the data lacks for most Chongqing districts of the default scenario."""
    box = window.workspaces[0].basis_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.document.scenario.items[0].basis == "budget_revenue")


def test_an_assumed_amount_is_marked_as_assumed(qtbot, make_window, tmp_path):
    path = tmp_path / "fund.json"
    save_scenario(proportional_presets.sichuan_fund_example(), path)
    window = make_window(path)
    workspace = window.workspaces[0]
    badge = workspace.provenance_badge
    assert badge.isVisible()
    assert "【假设值，非真实数据】" in badge.text()
    assert "background" in badge.styleSheet()  # a warning colour, not plain text
    assert "假设值" in workspace.provenance_note.text()
    assert "[A]" in badge.toolTip()
    assert "GDP" in workspace.notes.text()
    assert workspace.notes.isVisible()
    window.en_action.trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert "assumed, not real data" in badge.text()
    window.zh_action.trigger()


def test_typing_over_an_assumed_amount_makes_it_the_users_and_undo_brings_the_mark_back(qtbot, make_window, tmp_path):
    path = tmp_path / "fund.json"
    save_scenario(proportional_presets.sichuan_fund_example(), path)
    window = make_window(path)
    badge = window.workspaces[0].provenance_badge
    _type_amount(qtbot, window, "12")
    assert window.document.scenario.items[0].amount_provenance.tag == "user"
    assert "用户录入" in badge.text()
    assert "假设值" not in badge.text()
    assert window.document.undo_stack.count() == 1
    assert window.undo_action.text().endswith("修改金额")
    window.undo_action.trigger()
    assert "【假设值，非真实数据】" in badge.text()


def test_a_missing_figure_shows_the_error_and_no_amounts(qtbot, window):
    _choose_budget_revenue(qtbot, window)
    workspace = window.workspaces[0]
    result = window.document.result.items[0]
    assert not result.ok
    assert "无法计算" in workspace.summary.text()
    listed = [workspace.diagnostics.item(row).text() for row in range(workspace.diagnostics.count())]
    assert any("缺少一般公共预算收入数据" in text for text in listed)
    assert workspace.model.rowCount() == 0, "no amounts, not zero amounts"
    assert not workspace.totals.isVisible()
    chart = workspace.chart
    qtbot.waitUntil(lambda: chart.ready)
    assert chart.bar_count == 0
    assert "暂无金额" in chart.message
    window.undo_action.trigger()
    assert window.document.result.items[0].ok
    assert chart.bar_count == len(window.document.scenario.parties)
    assert chart.message == ""
    assert "已完成计算" in workspace.summary.text()


def test_clicking_a_missing_figure_error_selects_that_party_in_the_parties_panel(qtbot, window):
    _choose_budget_revenue(qtbot, window)
    workspace = window.workspaces[0]
    panel = window.parties_panel
    panel.search.setText("不存在的名字")  # the party is filtered out: clicking must bring it back
    listing = workspace.diagnostics
    entry = next(listing.item(r) for r in range(listing.count()) if "缺少" in listing.item(r).text())
    qtbot.waitUntil(entry.listWidget().isVisible)
    rect = listing.visualItemRect(entry)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = panel.proxy.mapToSource(panel.table.currentIndex())
    party = panel.model.party_at(current.row())
    assert party.name_zh in entry.text()
    assert current.column() == FIRST_FIGURE_COL + 2  # the budget revenue cell, ready to type a figure in
    assert party.name_zh in panel.details.text()
    assert panel.search.text() == ""


def test_the_fingerprint_follows_the_amount_and_returns_on_undo(qtbot, window):
    label = window.status_fingerprint
    start = label.text()
    digest = fingerprint(window.document.scenario)
    assert short_fingerprint(digest) in start
    assert digest in label.toolTip()
    _type_amount(qtbot, window, "100")
    changed = label.text()
    assert changed != start
    assert short_fingerprint(fingerprint(window.document.scenario)) in changed
    window.undo_action.trigger()
    assert label.text() == start
    window.redo_action.trigger()
    assert label.text() == changed


def test_units_only_partly_in_the_plan_area_are_marked(qtbot, window):
    model = window.parties_panel.model
    row = model.row_of("510700")  # 绵阳市: the plan area excludes 北川 and 平武
    name = model.index(row, 1)
    assert name.data() == "绵阳市（部分）"
    assert "北川" in name.data(Qt.ItemDataRole.ToolTipRole)
    whole = model.index(model.row_of("510100"), 1)
    assert whole.data() == "成都市"
    window.parties_panel.select_party("510700")
    details = window.parties_panel.details.text()
    assert "部分地区" in details
    assert "年份" in details


def test_opening_a_scenario_with_other_items_rebuilds_the_tabs(qtbot, window, tmp_path, monkeypatch):
    from chengyu_accord.desktop import dialogs

    path = tmp_path / "weights.json"
    save_scenario(proportional_presets.gaozhu_weights_example(), path)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: path)
    window.open_action.trigger()
    assert [w.item_id for w in window.workspaces] == ["gaozhu-startup"]
    assert window.workspaces[0].model.rowCount() == 2
    assert "【假设值，非真实数据】" in window.workspaces[0].provenance_badge.text()
