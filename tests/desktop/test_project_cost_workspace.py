"""The project-cost workspace: a weight drag recomputes table and chart; edits undo; bad input is explained."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from slider_helpers import drag_right

from chengyu_accord.cost_sharing.engine import compute, display_precision
from chengyu_accord.cost_sharing.results import shown_table, shown_text
from chengyu_accord.cost_sharing.storage import save_scenario
from chengyu_accord.widgets.project_cost.game_editor import COST_COLUMN, GROUP_COLUMN, GROUP_ROLE, SOURCE_COLUMN
from chengyu_accord.widgets.result_table import RAW_VALUE_ROLE, ROW_KEY_ROLE


def open_example(make_window, tmp_path, stem: str = "multi-city-coalition-table"):
    from chengyu_accord.cost_sharing.instruments.project_cost import presets

    path = tmp_path / f"{stem}.json"
    save_scenario(presets.EXAMPLES[stem](), path)
    window = make_window(path)
    return window, window.workspaces[0]


def wait_computed(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.document.busy, timeout=20_000)


def column_of(model, key: str) -> int:
    return model.shown.table.column_index(key) + 1  # column 0 names the party


def shown_column(model, key: str) -> tuple[dict[str, int], list[str]]:
    column = column_of(model, key)
    raw = {
        model.index(r, 0).data(ROW_KEY_ROLE): model.index(r, column).data(RAW_VALUE_ROLE)
        for r in range(model.rowCount())
    }
    texts = [model.index(r, column).data() for r in range(model.rowCount())]
    return raw, texts


def test_dragging_a_factor_weight_recomputes_the_table_and_the_chart_in_one_undo_step(qtbot, make_window, tmp_path):
    from chengyu_accord.widgets.project_cost.workspace import ProjectCostWorkspace

    window, workspace = open_example(make_window, tmp_path)
    assert isinstance(workspace, ProjectCostWorkspace)
    window.resize(1600, 1000)
    wait_computed(qtbot, window)
    start = window.document.scenario
    item_id = workspace.item_id
    before, _texts = shown_column(workspace.model, "weighted")
    slider = workspace.weights_editor.rows["gdp"].slider
    qtbot.waitUntil(slider.isVisible)
    assert slider.width() >= 150
    steps = window.document.undo_stack.count()
    drag_right(qtbot, slider)
    wait_computed(qtbot, window)
    scenario = window.document.scenario
    assert "gdp" in scenario.item(item_id).weights, "the drag set the GDP weight"

    result = compute(scenario).item(item_id)
    expected = result.table("methods").fen("weighted")
    raw, texts = shown_column(workspace.model, "weighted")
    assert raw == expected, "the table shows the engine's weighted split for the final position"
    assert raw != before
    engine_shown = shown_table(result.table("methods"), display_precision(scenario))
    weighted = engine_shown.table.column_index("weighted")
    expected_texts = [shown_text(engine_shown, r, weighted) for r in range(len(engine_shown.table.rows))]
    assert texts == expected_texts

    chart = workspace.shown_chart
    assert chart is not None
    assert workspace.chart._chart is chart, "the chart widget draws this chart"
    series = {s.name: s for s in chart.series}
    weighted_label = engine_shown.table.columns[weighted].label.zh
    assert list(series[weighted_label].value_labels) == expected_texts, "the chart shows the new allocation"
    assert "万元" in chart.unit

    assert window.document.undo_stack.count() == steps + 1, "one drag, one undo step"
    window.undo_action.trigger()
    assert window.document.scenario == start


def test_the_chart_chooser_draws_savings_and_the_yearly_schedule(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    item = window.document.scenario.items[0]
    box = workspace.chart_box
    box.setCurrentIndex(box.findData("years"))
    box.activated.emit(box.currentIndex())
    assert workspace.shown_chart.form == "stacked_bars"
    assert len(workspace.shown_chart.categories) == item.project.life_years
    assert len(workspace.shown_chart.series) == len(item.parties)
    assert workspace.shown_chart.title
    box.setCurrentIndex(box.findData("savings"))
    box.activated.emit(box.currentIndex())
    assert len(workspace.shown_chart.categories) == len(item.parties)
    assert workspace.shown_chart.unit


def test_a_party_attribute_and_a_coalition_cost_are_edited_and_undone(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    start = window.document.scenario
    item_id = workspace.item_id
    table = workspace.parties_table
    party_id = start.items[0].parties[1].party
    cell = table.item(table.row_of(party_id), table.column_of("length_km"))
    cell.setText("12.5")  # as typed in the cell
    assert window.document.scenario.item(item_id).parties[1].length_km == "12.5"
    wait_computed(qtbot, window)
    cell = table.item(table.row_of(party_id), table.column_of("length_km"))
    assert cell.text() == "12.5"

    editor = workspace.coalition_editor
    group = tuple(p.party for p in start.items[0].parties[:2])
    editor.check(group)
    editor.cost.line_edit.setText("30000")  # 万元
    editor.cost.line_edit.editingFinished.emit()
    editor.set_button.click()
    coalitions = window.document.scenario.item(item_id).coalitions
    assert any(set(c.parties) == set(group) and c.cost_fen == 30000 * 100 * 10_000 for c in coalitions)
    wait_computed(qtbot, window)
    typed_groups = [editor.table.item(r, GROUP_COLUMN).data(GROUP_ROLE) for r in range(editor.table.rowCount())]
    assert group in typed_groups

    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.document.scenario == start
    wait_computed(qtbot, window)
    cell = table.item(table.row_of(party_id), table.column_of("length_km"))
    assert cell.text() == start.items[0].parties[1].length_km or "—" in cell.text(), "missing is shown as missing"


def test_completed_coalitions_are_shown_in_grey_italics_as_completed(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    editor = workspace.coalition_editor
    typed = len(window.document.scenario.items[0].coalitions)
    assert editor.table.rowCount() > typed, "the engine's completed entries are listed after the typed ones"
    completed = editor.table.item(typed, SOURCE_COLUMN)
    assert completed.font().italic()
    assert editor.table.item(typed, GROUP_COLUMN).font().italic()
    assert not editor.table.item(typed, COST_COLUMN).flags() & Qt.ItemFlag.ItemIsEditable
    assert "由最低分组补全" in completed.text() or "由最低分组补全" in completed.toolTip()


def test_the_group_of_every_coalition_row_is_in_view(qtbot, make_window, tmp_path):
    """The group says what a row is: it comes first and wraps in the room left, so it never scrolls out of view."""
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    workspace.tabs.setCurrentIndex(workspace.tabs.count() - 1)
    table = workspace.coalition_editor.table
    qtbot.waitUntil(lambda: table.isVisible() and table.viewport().width() > 0)
    right = table.columnViewportPosition(SOURCE_COLUMN) + table.columnWidth(SOURCE_COLUMN)
    assert right <= table.viewport().width() + 1
    assert table.columnWidth(GROUP_COLUMN) >= table.fontMetrics().horizontalAdvance("璧山区、铜梁区")


def test_bad_input_is_explained_naming_the_field_and_nothing_changes(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    start = window.document.scenario
    steps = window.document.undo_stack.count()

    workspace.tabs.setCurrentIndex(1)
    workspace.rate.setText("abc")
    workspace.rate.setModified(True)
    workspace.rate.editingFinished.emit()
    assert "贴现率" in workspace.message.text() or "Discount rate" in workspace.message.text()
    assert window.document.scenario == start
    assert workspace.rate.text() == "4", "the stored rate is shown again"

    table = workspace.parties_table
    party_id = start.items[0].parties[0].party
    table.item(table.row_of(party_id), table.column_of("length_km")).setText("-3")
    message = workspace.message.text()
    assert window.document.scenario == start
    name = start.party(party_id).name_zh
    assert name in message
    assert "km" in message or "公里" in message
    assert "—" in table.item(table.row_of(party_id), table.column_of("length_km")).text()

    editor = workspace.coalition_editor
    editor.check(())
    editor.set_button.click()
    assert window.document.scenario == start
    assert workspace.message.text()
    assert window.document.undo_stack.count() == steps


def test_the_workspace_rewords_itself_in_english(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    assert workspace.tabs.tabText(0) != "Split", "Chinese by default"
    assert workspace.weights_editor.rows["population"].label.text() == "人口"
    window.set_language("en")
    qtbot.waitUntil(lambda: workspace.tabs.tabText(0) == "Split")
    assert workspace.weights_editor.rows["population"].label.text() == "Population"
    assert workspace.method_box.currentText() == "Nucleolus"
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: workspace.tabs.tabText(0) == "分摊方法")


def test_the_fingerprint_comes_with_the_result_from_the_worker(qtbot, make_window, tmp_path):
    """Rounding every table as shown for the fingerprint is done off the GUI thread, with the computation."""
    from chengyu_accord.cost_sharing.fingerprint import fingerprint, short_fingerprint

    window, _workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    result = window.document.result
    assert result.digest == fingerprint(window.document.scenario, result)
    assert window.digest == result.digest
    assert short_fingerprint(result.digest) in window.status_fingerprint.text()


def choose_view(workspace, key: str) -> None:
    box = workspace.chart_box
    box.setCurrentIndex(box.findData(key))
    box.activated.emit(box.currentIndex())


def engine_texts(scenario, item_id: str, key: str) -> tuple[list[list[str]], list[str]]:
    """The engine's shown texts of table ``key``: each row (name first) and the total row."""
    from chengyu_accord.cost_sharing.results import shown_total_text

    table = compute(scenario).item(item_id).table(key)
    shown = shown_table(table, display_precision(scenario))
    columns = range(len(table.columns))
    rows = [[row.label.zh, *(shown_text(shown, r, c) for c in columns)] for r, row in enumerate(table.rows)]
    return rows, [shown_total_text(shown, c) for c in columns]


@pytest.mark.parametrize("key", ["schedule", "benchmarks"])
def test_the_chooser_shows_the_schedule_and_the_benchmarks_as_tables_with_their_totals(
    qtbot, make_window, tmp_path, key
):
    window, workspace = open_example(make_window, tmp_path)
    window.resize(1366, 768)
    wait_computed(qtbot, window)
    choose_view(workspace, key)
    view = workspace.result_view
    assert workspace.chart_stack.currentWidget() is view, "the table takes the chart's place"
    assert workspace.shown_chart is None
    rows, totals = engine_texts(window.document.scenario, workspace.item_id, key)
    assert view.texts() == rows, "every cell is the engine's shown text"
    assert view.total_texts()[1:] == totals, "the total row adds up as shown"
    assert view.table.editTriggers() == view.table.EditTrigger.NoEditTriggers
    header = view.table.horizontalHeader()
    metrics = view.table.fontMetrics()
    for row in rows:
        assert header.sectionSize(0) >= metrics.horizontalAdvance(row[0]), "party names are whole"
        for c, text in enumerate(row[1:], start=1):
            assert header.sectionSize(c) >= metrics.horizontalAdvance(text), f"{text} is whole"
    choose_view(workspace, "methods")
    assert workspace.chart_stack.currentWidget() is workspace.chart
    assert workspace.shown_chart is not None


def test_negative_savings_are_shown_with_their_minus_sign_in_red(qtbot, make_window, tmp_path):
    from chengyu_accord.widgets.project_cost.result_view import NEGATIVE_COLOUR

    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    choose_view(workspace, "benchmarks")
    model = workspace.result_view.model
    saving = column_of(model, "saving")
    for r in range(model.rowCount()):
        text = model.index(r, saving).data()
        colour = model.index(r, saving).data(Qt.ItemDataRole.ForegroundRole)
        assert (colour is not None and colour.color() == NEGATIVE_COLOUR) == text.startswith("-")


def presets_item():
    from chengyu_accord.cost_sharing.instruments.project_cost import presets

    return presets.EXAMPLES["multi-city-coalition-table"]().items[0]


def open_changed(make_window, tmp_path, **changes):
    """The coalition-table example with its item changed (``changes``), opened in a window."""
    from chengyu_accord.cost_sharing.instruments.project_cost import presets

    scenario = presets.EXAMPLES["multi-city-coalition-table"]()
    item = scenario.items[0].model_copy(update=changes)
    path = tmp_path / "changed.json"
    save_scenario(scenario.model_copy(update={"items": (item, *scenario.items[1:])}), path)
    window = make_window(path)
    return window, window.workspaces[0]


def test_the_benchmarks_view_explains_what_to_type_when_there_is_no_game(qtbot, make_window, tmp_path):
    window, workspace = open_changed(
        make_window, tmp_path, coalitions=(), methods=("proportional", "weighted"), method="proportional"
    )
    wait_computed(qtbot, window)
    choose_view(workspace, "benchmarks")
    assert workspace.chart_stack.currentWidget() is workspace.chart
    assert "博弈" in workspace.chart._message or "Game" in workspace.chart._message
    choose_view(workspace, "schedule")
    assert workspace.chart_stack.currentWidget() is workspace.result_view, "the schedule needs no game"


def test_dragging_a_bargaining_power_slider_changes_the_nash_split_in_one_undo_step(qtbot, make_window, tmp_path):
    item = presets_item()
    window, workspace = open_changed(make_window, tmp_path, methods=(*item.methods, "nash"))
    window.resize(1600, 1000)
    wait_computed(qtbot, window)
    start = window.document.scenario
    item_id = workspace.item_id
    assert workspace.power_box.isVisibleTo(workspace)
    before, _texts = shown_column(workspace.model, "nash")
    party = start.item(item_id).parties[0].party
    slider = workspace.power_editor.rows[party].slider
    qtbot.waitUntil(slider.isVisible)
    steps = window.document.undo_stack.count()
    drag_right(qtbot, slider)
    wait_computed(qtbot, window)
    scenario = window.document.scenario
    assert party in scenario.item(item_id).bargaining_power, "the drag set the party's bargaining power"
    raw, _texts = shown_column(workspace.model, "nash")
    assert raw == compute(scenario).item(item_id).table("methods").fen("nash")
    assert raw != before, "the Nash column follows the bargaining power"
    assert window.document.undo_stack.count() == steps + 1, "one drag, one undo step"
    window.undo_action.trigger()
    assert window.document.scenario == start


def test_the_bargaining_power_group_is_hidden_without_nash(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    assert "nash" not in window.document.scenario.items[0].methods
    assert not workspace.power_box.isVisibleTo(workspace)
