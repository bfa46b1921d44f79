"""The main window driven as a user would: edits, undo/redo, slider drags, files, close and crash recovery."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from slider_helpers import handle_centre

from chengyu_accord import data
from chengyu_accord.cost_sharing.money import Unit
from chengyu_accord.cost_sharing.presets import default_scenario
from chengyu_accord.cost_sharing.storage import read_scenario, save_scenario
from chengyu_accord.desktop import dialogs, export_dialog
from chengyu_accord.desktop.export_dialog import ExportChoices
from chengyu_accord.widgets.parties_panel import FIRST_FIGURE_COL

YI = Unit.YI_YUAN.value


def _type_amount(qtbot, window, text: str) -> None:
    editor = window.workspaces[0].amount_editor
    editor.unit_box.setCurrentIndex(editor.unit_box.findData(Unit.YI_YUAN))
    line = editor.line_edit
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_starts_on_the_default_scenario_with_the_parties_listed(window):
    assert window.isVisible()
    assert window.document.scenario == default_scenario()
    assert window.tabs.count() == len(window.document.scenario.items)
    assert window.parties_panel.model.rowCount() == len(data.units())
    table = window.workspaces[0].model
    assert table.rowCount() == len(window.document.scenario.parties)  # the total row is frozen below
    assert window.workspaces[0].totals.item(0, 0).text() in ("合计", "Total")


def test_edit_amount_then_undo_then_redo(qtbot, window):
    before = window.document.scenario.items[0].amount_fen
    _type_amount(qtbot, window, "100")
    assert window.document.scenario.items[0].amount_fen == 100 * YI
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert window.document.scenario.items[0].amount_fen == before
    assert window.workspaces[0].amount_editor.line_edit.text() == "692.73"
    window.redo_action.trigger()
    assert window.document.scenario.items[0].amount_fen == 100 * YI
    assert window.workspaces[0].amount_editor.line_edit.text() == "100"


@pytest.mark.parametrize("bad", ["-5", "abc", "NaN", "1.000000000001"])
def test_bad_amount_is_refused_with_a_message_and_the_old_value_stays(qtbot, window, bad):
    before = window.document.scenario
    _type_amount(qtbot, window, bad)
    workspace = window.workspaces[0]
    assert window.document.scenario == before
    assert window.document.undo_stack.count() == 0
    assert workspace.message.text()
    assert workspace.amount_editor.line_edit.text() == "692.73"


def _switch_to_weights(qtbot, window):
    box = window.workspaces[0].basis_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End)  # the last basis is "typed-in weights"
    assert window.document.scenario.items[0].basis == "weights"


def test_switching_to_weights_keeps_the_amounts_and_is_one_step(qtbot, window):
    amounts = window.document.result.items[0].table().fen("amount")
    _switch_to_weights(qtbot, window)
    assert window.document.undo_stack.count() == 1
    assert window.document.result.items[0].table().fen("amount") == amounts
    window.undo_action.trigger()
    assert window.document.scenario.items[0].basis == "population"


def test_dragging_a_weight_slider_updates_live_and_is_one_undo_step(qtbot, window):
    window.resize(1600, 1000)  # the offscreen screen is small: give the slider room to move
    _switch_to_weights(qtbot, window)
    workspace = window.workspaces[0]
    party_id = window.document.scenario.parties[0].id
    slider = workspace.weights_editor.rows[party_id].slider
    qtbot.waitUntil(slider.isVisible)
    weight_before = window.document.scenario.items[0].weights[party_id]
    steps_before = window.document.undo_stack.count()
    start = handle_centre(slider)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    seen = []
    for dx in (10, 30, 60, 90, 120):
        qtbot.mouseMove(slider, QPoint(start.x() + dx, start.y()))
        seen.append(window.document.scenario.items[0].weights[party_id])
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(start.x() + 120, start.y()))
    assert len(set(seen)) > 2, "the scenario follows the slider while it moves"
    assert workspace.model.index(0, 1).data().replace(",", "") == window.document.scenario.items[0].weights[party_id]
    assert window.document.undo_stack.count() == steps_before + 1
    window.undo_action.trigger()
    assert window.document.scenario.items[0].weights[party_id] == weight_before


def test_typing_a_bad_weight_is_refused_naming_the_party(qtbot, window):
    _switch_to_weights(qtbot, window)
    workspace = window.workspaces[0]
    party = window.document.scenario.parties[0]
    edit = workspace.weights_editor.rows[party.id].edit
    before = window.document.scenario
    edit.selectAll()
    qtbot.keyClicks(edit, "-3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.document.scenario == before
    assert party.name_zh in workspace.message.text()
    assert edit.text() == before.items[0].weights[party.id]


def test_a_missing_figure_typed_in_is_recorded_as_user_entered(qtbot, window):
    model = window.parties_panel.model
    row, column = next(
        (r, c)
        for r in range(model.rowCount())
        for c in range(FIRST_FIGURE_COL, model.columnCount())
        if model.party_at(r).id in {p.id for p in window.document.scenario.parties}
        and model.party_at(r).figure(("population", "gdp", "budget_revenue", "area")[c - FIRST_FIGURE_COL]) is None
    )
    index = model.index(row, column)
    assert "缺失" in index.data()
    assert model.setData(index, "123.4")
    party = window.document.scenario.party(model.party_at(row).id)
    attribute = ("population", "gdp", "budget_revenue", "area")[column - FIRST_FIGURE_COL]
    assert party.figure(attribute).tag == "user"
    assert "[录入]" in model.index(row, column).data()
    assert model.index(row, column).data(Qt.ItemDataRole.FontRole).italic()
    window.undo_action.trigger()
    assert window.document.scenario.party(party.id).figure(attribute) is None


def test_ticking_a_unit_adds_it_and_the_table_follows(qtbot, window):
    model = window.parties_panel.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    )
    count = len(window.document.scenario.parties)
    model.setData(model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert len(window.document.scenario.parties) == count + 1
    assert window.workspaces[0].model.rowCount() == count + 1


def test_add_custom_party_through_the_dialog(qtbot, window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_custom_party", lambda *a: dialogs.CustomPartyInput("新区", "New Area", "Sichuan"))
    window.parties_dock.show()  # hidden at first on a small screen
    qtbot.mouseClick(window.parties_panel.add_button, Qt.MouseButton.LeftButton)
    party = window.document.scenario.parties[-1]
    assert party.name_zh == "新区"
    assert party.id.startswith("custom-")


def test_a_party_name_no_font_can_print_is_refused_naming_the_character(qtbot, window, monkeypatch):
    before = window.document.scenario
    monkeypatch.setattr(
        dialogs, "ask_custom_party", lambda *a: dialogs.CustomPartyInput("新区\U0001f9ea", "", "Sichuan")
    )
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, what, todo, details=(): errors.append(what))
    window.parties_dock.show()
    qtbot.mouseClick(window.parties_panel.add_button, Qt.MouseButton.LeftButton)
    assert window.document.scenario == before
    assert len(errors) == 1
    assert "U+1F9EA" in errors[0]


def test_save_open_and_recent_files(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "mine.json"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: target)
    _type_amount(qtbot, window, "10")
    window.save_action.trigger()
    assert read_scenario(target) == window.document.scenario
    assert not window.isWindowModified()
    assert window.preferences.recent_files() == [target.resolve()]
    window.examples_menu.actions()[0].trigger()  # Help ▸ Examples
    assert window.document.scenario == default_scenario()
    assert window.document.path is None
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: target)
    window.open_action.trigger()
    assert window.document.scenario.items[0].amount_fen == 10 * YI
    assert window.document.path == target


def test_opening_a_broken_file_shows_the_problems_and_keeps_the_session(qtbot, window, tmp_path, monkeypatch):
    broken = tmp_path / "broken.json"
    data_ = default_scenario().to_json_data()
    data_["items"][0]["amount_fen"] = -1
    broken.write_text(json.dumps(data_), encoding="utf-8")
    _type_amount(qtbot, window, "10")
    before = window.document.scenario
    shown = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: dialogs.SaveChoice.DISCARD)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: broken)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, what, todo, details=(): shown.append((what, details)))
    window.open_action.trigger()
    assert shown
    assert any("items[0].amount_fen" in line for line in shown[0][1])
    assert window.document.scenario == before
    assert window.document.undo_stack.count() == 1


def test_closing_with_unsaved_changes_asks(qtbot, window, monkeypatch, recovery_folder):
    _type_amount(qtbot, window, "10")
    asked = []

    def cancel(parent, title):
        asked.append(title)
        return dialogs.SaveChoice.CANCEL

    monkeypatch.setattr(dialogs, "ask_save_changes", cancel)
    assert not window.close()
    assert asked
    assert window.isVisible()
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: dialogs.SaveChoice.DISCARD)
    assert window.close()
    assert not (recovery_folder / "recovery.json").exists(), "a clean exit leaves nothing to recover"


def test_closing_without_changes_does_not_ask(window):
    assert window.close()


def test_crash_then_restart_offers_to_restore_the_edits(qtbot, make_window, recovery_folder, monkeypatch):
    first = make_window()
    _type_amount(qtbot, first, "12.5")
    first.workspaces[0].basis_box.setFocus()
    qtbot.keyClick(first.workspaces[0].basis_box, Qt.Key.Key_End)  # structural: saved at once
    edited = first.document.scenario
    assert (recovery_folder / "recovery.json").exists()
    first.autosaver.timer.stop()
    first.hide()  # the process "dies": no closeEvent, no clean exit, the recovery copy stays
    offered = []

    def restore(parent, saved_at, title):
        offered.append(title)
        return True

    monkeypatch.setattr(dialogs, "ask_restore", restore)
    second = make_window()
    assert offered == [edited.title]
    assert second.document.scenario == edited
    assert second.document.dirty
    assert second.workspaces[0].amount_editor.line_edit.text() == "12.5"


def test_the_timer_autosaves_number_edits(qtbot, window, recovery_folder):
    _type_amount(qtbot, window, "7")
    window.autosaver.timer.setInterval(10)
    qtbot.waitUntil(lambda: (recovery_folder / "recovery.json").exists())
    saved = json.loads((recovery_folder / "recovery.json").read_text(encoding="utf-8"))
    assert saved["scenario"]["items"][0]["amount_fen"] == 7 * YI


def test_a_recovery_copy_that_cannot_be_written_is_reported_and_the_session_goes_on(qtbot, window, monkeypatch):
    from chengyu_accord.desktop import autosave

    def disk_full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(autosave, "atomic_write_bytes", disk_full)
    _type_amount(qtbot, window, "8")
    window.autosaver.save_now()
    assert "No space left on device" in window.statusBar().currentMessage()
    assert window.document.scenario.items[0].amount_fen == 8 * YI
    monkeypatch.undo()
    window.autosaver.save_now()  # the next try succeeds


def test_a_declined_restore_starts_fresh(qtbot, make_window, recovery_folder, monkeypatch):
    first = make_window()
    first.autosaver.save_now()
    first.hide()
    monkeypatch.setattr(dialogs, "ask_restore", lambda *a: False)
    second = make_window()
    assert not second.document.dirty
    assert not (recovery_folder / "recovery.json").exists()


def test_opening_a_file_from_the_command_line(tmp_path, make_window):
    path = tmp_path / "given.json"
    save_scenario(default_scenario().model_copy(update={"title": "命令行"}), path)
    window = make_window(path)
    assert window.document.scenario.title == "命令行"
    assert window.document.path == path


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_export_agreement_writes_the_file_off_the_gui_thread(qtbot, window, monkeypatch, tmp_path, suffix):
    target = tmp_path / f"草案{suffix}"
    monkeypatch.setattr(export_dialog, "ask_export_choices", lambda *a: ExportChoices(suffix=suffix))
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: target)
    window.export_pdf_action.trigger()
    assert not window.export_pdf_action.isEnabled()  # busy while the worker renders
    qtbot.waitUntil(window.export_pdf_action.isEnabled, timeout=30_000)
    assert target.read_bytes()[:4] == (b"%PDF" if suffix == ".pdf" else b"PK\x03\x04")
    assert str(target) in window.statusBar().currentMessage()


def test_export_pdf_runs_in_a_worker_and_reports_errors(qtbot, window, monkeypatch, tmp_path):
    import sys
    import types

    fake = types.ModuleType("chengyu_accord.desktop.export")

    def render_agreement(scenario, path, *, lang="zh", draft_label=None, redline=False):
        raise RuntimeError("no article for this kind")

    fake.render_agreement = render_agreement
    monkeypatch.setitem(sys.modules, "chengyu_accord.desktop.export", fake)
    monkeypatch.setattr(export_dialog, "ask_export_choices", lambda *a: ExportChoices())
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: tmp_path / "a.pdf")
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, what, todo, details=(): errors.append(what))
    window.export_pdf_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "no article for this kind" in errors[0]
    assert window.export_pdf_action.isEnabled()


def test_about_names_version_and_data_vintage(window, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    window.about_action.trigger()
    window.sources_action.trigger()
    assert "0." in shown[0]
    assert len(shown) == 2


def test_chart_export_png_svg_and_clipboard(qtbot, window, tmp_path, monkeypatch):
    chart = window.current_chart()
    qtbot.waitUntil(lambda: chart.ready)
    for fmt in ("png", "svg"):
        target = tmp_path / f"chart.{fmt}"
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, t=target: t)
        (window.export_png_action if fmt == "png" else window.export_svg_action).trigger()
        assert target.stat().st_size > 500
    window.copy_chart_action.trigger()
    from PySide6.QtGui import QGuiApplication

    assert not QGuiApplication.clipboard().image().isNull()


def test_window_geometry_and_language_are_remembered(qtbot, make_window):
    first = make_window()
    first.en_action.trigger()
    first.resize(760, 560)  # above the minimum width in English, within the 800×600 offscreen screen
    first.close()
    second = make_window()
    assert second.language.language == "en"
    assert second.size().width() == 760
    second.zh_action.trigger()


def test_add_side_panel_docks_a_widget(window):
    from PySide6.QtWidgets import QLabel

    dock = window.add_side_panel(QLabel("条款"), "协议条款")
    assert dock.widget().text() == "条款"
    assert dock.windowTitle() == "协议条款"
