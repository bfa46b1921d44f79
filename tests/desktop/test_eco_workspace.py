"""The ecological-compensation workspace: the water-quality slider flips the payment live at the break-even (table
and chart show the engine's reversed payment), editors edit and undo, bad input is refused naming the field, and
monitoring files import whole or not at all (issue 11, Done-when 4)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from slider_helpers import handle_centre

from chengyu_accord.cost_sharing.engine import display_precision
from chengyu_accord.cost_sharing.instruments.eco_compensation import edits, presets
from chengyu_accord.cost_sharing.instruments.eco_compensation.compute import compute_eco_details
from chengyu_accord.cost_sharing.progress import Progress
from chengyu_accord.cost_sharing.results import Quantity, shown_table, shown_text
from chengyu_accord.cost_sharing.storage import save_scenario
from chengyu_accord.widgets.eco_compensation import dialogs
from chengyu_accord.widgets.eco_compensation.quality import slider_position
from chengyu_accord.widgets.result_table import RAW_VALUE_ROLE, ROW_KEY_ROLE

FIXTURES = Path(__file__).resolve().parents[1] / "cost_sharing" / "fixtures" / "monitoring"
JIALING, QIONG = "jialing-p-index", "qiongjiang-per-tonne"


def open_example(make_window, tmp_path, stem: str = JIALING, scenario=None):
    path = tmp_path / f"{stem}.json"
    save_scenario(scenario or presets.EXAMPLES[stem](), path)
    window = make_window(path)
    return window, window.workspaces[0]


def wait_computed(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.document.busy, timeout=20_000)
    qtbot.wait(1)  # the break-even markers follow on a zero-length timer


def engine(window, item_id: str):
    """The engine's result and details for the scenario on screen, computed here, outside the application."""
    scenario = window.document.scenario
    return compute_eco_details(scenario, scenario.item(item_id), Progress())


def engine_rows(scenario, table) -> list[list[str]]:
    """Each row of an engine table as the screen shows it: its label, then every cell's shown text."""
    shown = shown_table(table, display_precision(scenario))
    columns = range(len(table.columns))
    return [[row.label.zh, *(shown_text(shown, r, c) for c in columns)] for r, row in enumerate(table.rows)]


def drag_to(qtbot, slider, position: int, steps: int = 15) -> None:
    """Press the handle and drag it, in ``steps`` mouse moves, to where ``position`` lies on the groove."""
    origin = handle_centre(slider)
    target_x = slider.marker_x(Decimal(position) / 100)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=origin)
    for step in range(1, steps + 1):
        qtbot.mouseMove(slider, QPoint(origin.x() + (target_x - origin.x()) * step // steps, origin.y()))
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(target_x, origin.y()))


def break_even(workspace, section_name: str) -> Decimal:
    return next(scale for scale, name in workspace.quality.slider.markers if section_name in name)


def payers(rows: list[list[str]]) -> list[str]:
    return [row[0] for row in rows]


# --- Done-when 4: across the break-even, the payment reverses on screen as in the engine ------------------------


def test_dragging_the_water_quality_slider_across_the_break_even_reverses_the_payment(qtbot, make_window, tmp_path):
    from chengyu_accord.widgets.eco_compensation.workspace import EcoWorkspace

    window, workspace = open_example(make_window, tmp_path)
    assert isinstance(workspace, EcoWorkspace)
    wait_computed(qtbot, window)
    start = window.document.scenario
    slider = workspace.quality.slider
    qtbot.waitUntil(slider.isVisible)
    assert slider.width() >= 300, "wide enough to drag in steps of 0.01 on a laptop"

    result, details = engine(window, JIALING)
    assert payers(workspace.transfers_view.texts()) == ["重庆市 → 四川省"], "as measured, downstream pays"
    star = break_even(workspace, "嘉陵江")
    common = details.p_break_even["嘉陵江川渝界断面"].common_scale
    assert abs(star - Decimal(common.numerator) / common.denominator) < Decimal("1e-9"), "the engine's break-even"
    assert Decimal("1.06") < star < Decimal("1.07"), "嘉陵江's P ≈ 0.939 reverses at ×1.065"
    assert "1.065" in workspace.quality.markers_label.text()

    steps = window.document.undo_stack.count()
    target = slider_position(star) + 2  # ×1.08: past 嘉陵江's break-even, short of 涪江's (×1.30)
    drag_to(qtbot, slider, target)
    wait_computed(qtbot, window)
    scenario = window.document.scenario
    scale = Decimal(scenario.item(JIALING).quality_scale)
    assert star < scale < Decimal("1.3"), f"the drag ended at ×{scale}"
    assert workspace.quality.scale_label.text() == f"×{scale.normalize():f}（水质变差{(scale - 1) * 100:.0f}%）"
    assert window.document.undo_stack.count() == steps + 1, "one drag, one undo step"

    result, details = engine(window, JIALING)
    expected = engine_rows(scenario, result.table("transfers"))
    assert payers(expected) == ["四川省 → 重庆市"], "the engine: past the break-even, upstream pays"
    assert workspace.transfers_view.texts() == expected, "the table shows the engine's reversed payment"
    nets = {
        workspace.model.index(r, 0).data(ROW_KEY_ROLE): workspace.model.index(r, 1).data(RAW_VALUE_ROLE)
        for r in range(workspace.model.rowCount())
    }
    assert nets == result.table("nets").fen("net")
    assert nets["sichuan"] < 0 < nets["chongqing"]

    # the index chart: each section's monthly P as the engine computes it at this factor, and the threshold
    workspace._choose_view("index")
    chart = workspace.shown_chart
    assert workspace.chart.chart is chart
    index = result.table("index")
    monthly = {row.key: row.cells[0].value for row in index.rows if isinstance(row.cells[0], Quantity)}
    jialing = next(s for s in chart.series if "嘉陵江" in s.name)
    assert list(jialing.values) == [monthly[f"嘉陵江川渝界断面:2025-{m:02d}"] for m in range(1, 13)]
    period_p = details.p["嘉陵江川渝界断面"]
    assert period_p > 1, "the section's P is now above the threshold"
    assert f"{float(period_p):.3f}" in jialing.name
    assert set(chart.series[-1].values) == {Decimal(1)}, "the threshold line"

    # the direction chart: each party's net, now 四川 (upstream) paying to the left and 重庆 receiving to the right
    workspace._choose_view("directions")
    chart = workspace.shown_chart
    nets_shown = engine_rows(scenario, result.table("nets"))
    assert list(chart.categories) == [row[0] for row in nets_shown]
    receives, pays = chart.series
    assert [r + p for r, p in zip(receives.values, pays.values, strict=True)] == [
        Decimal(row[1].replace(",", "")) for row in nets_shown
    ]
    assert list(pays.value_labels) == ["5,000.00", ""], "四川省 pays"
    assert list(receives.value_labels) == ["", "5,000.00"], "重庆市 receives"

    window.undo_action.trigger()
    assert window.document.scenario == start
    wait_computed(qtbot, window)
    assert payers(workspace.transfers_view.texts()) == ["重庆市 → 四川省"]


def test_per_tonne_the_slider_reverses_the_monthly_payments_past_the_period_break_even(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path, QIONG)
    wait_computed(qtbot, window)
    before = payers(workspace.transfers_view.texts())
    assert before == ["潼南区 → 遂宁市", "泸州市 → 荣昌区"], "better than target: downstream pays upstream"
    markers = sorted(scale for scale, _name in workspace.quality.slider.markers)
    assert markers, "the per-tonne break-even of each section is marked"
    slider = workspace.quality.slider
    target = slider_position(max(markers)) + 3
    assert target <= slider.maximum(), "the break-even lies on the slider"
    drag_to(qtbot, slider, target)
    wait_computed(qtbot, window)
    scenario = window.document.scenario
    result, _details = engine(window, QIONG)
    expected = engine_rows(scenario, result.table("transfers"))
    assert payers(expected) == ["遂宁市 → 潼南区", "荣昌区 → 泸州市"], "past the break-even, upstream pays"
    assert workspace.transfers_view.texts() == expected

    workspace._choose_view("directions")
    chart = workspace.shown_chart
    index = result.table("index")
    shown = shown_table(index, display_precision(scenario))
    amounts = index.column_index("amount")
    by_month: dict[str, Decimal] = {}
    for r, row in enumerate(index.rows):
        month = row.key.rpartition(":")[2]
        by_month[month] = by_month.get(month, Decimal(0)) + shown.cells[r][amounts]
    upstream, downstream = chart.series
    sums = [u + d for u, d in zip(upstream.values, downstream.values, strict=True)]
    assert sums == [by_month[f"2025-{m:02d}"] for m in range(1, 13)], "the bars add up to the engine's months"
    assert sum(upstream.values) > 0, "upstream pays in some months now"


# --- editors: an edit, its undo, a refusal naming the field -----------------------------------------------------


def test_an_indicator_limit_is_edited_undone_and_a_bad_one_refused(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    start = window.document.scenario
    editor = workspace.indicators_editor
    workspace.tabs.setCurrentIndex(2)
    baseline = editor.table.item(0, 4)
    baseline.setText("2.5")
    assert window.document.scenario.item(JIALING).indicators[0].baseline == "2.5"
    wait_computed(qtbot, window)
    assert editor.table.item(0, 4).text() == "2.5"
    window.undo_action.trigger()
    assert window.document.scenario == start

    steps = window.document.undo_stack.count()
    editor.table.item(0, 3).setText("-1")
    assert window.document.scenario == start, "nothing changed"
    assert window.document.undo_stack.count() == steps
    message = workspace.message.text()
    assert message.startswith("CODMn · 目标"), message
    assert "负" in message, message
    assert editor.table.item(0, 3).text() == "4", "the stored target is shown again"


def test_a_rule_parameter_is_typed_and_a_word_refused_naming_it(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    start = window.document.scenario
    k0 = workspace.rule_editor.param_widgets["k0"]
    k0.setText("abc")
    k0.setModified(True)
    k0.editingFinished.emit()
    assert window.document.scenario == start
    assert "k0" in workspace.message.text()
    assert "不是数字" in workspace.message.text()
    assert k0.text() == "0.85"
    k0.setText("0.9")
    k0.setModified(True)
    k0.editingFinished.emit()
    assert window.document.scenario.item(JIALING).rule.k0 == "0.9"
    wait_computed(qtbot, window)
    window.undo_action.trigger()
    assert window.document.scenario == start


def test_the_rule_type_and_a_sourced_rule_are_chosen_in_one_step_each(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    start = window.document.scenario
    editor = workspace.rule_editor
    editor.type_box.setCurrentIndex(editor.type_box.findData("monthly_status"))
    editor.type_box.activated.emit(editor.type_box.currentIndex())
    assert window.document.scenario.item(JIALING).rule.type == "monthly_status"
    wait_computed(qtbot, window)
    assert set(editor.param_widgets) == {"amount_fen", "on_fail_fen", "on_unchanged_fen"}
    assert "[U]" in editor.param_labels["amount_fen"].text(), "the unverified tag beside the parameter"
    assert "未经核实" in editor.badge.text()
    editor.preset_box.setCurrentIndex(editor.preset_box.findData("xinan-3"))
    editor.preset_box.activated.emit(editor.preset_box.currentIndex())
    assert window.document.scenario.item(JIALING).rule.k0 == "0.9"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.document.scenario == start


def test_a_section_is_added_renamed_and_undone(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    start = window.document.scenario
    editor = workspace.sections_editor
    workspace.tabs.setCurrentIndex(1)
    editor.add_button.click()
    sections = window.document.scenario.item(JIALING).sections
    assert len(sections) == 4
    wait_computed(qtbot, window)
    assert editor.table.rowCount() == 4
    assert not workspace.result.ok, "a new section without samples cannot be computed: the checks say so"
    editor.table.item(3, 0).setText("长江川渝界断面")
    assert window.document.scenario.item(JIALING).sections[3].name_zh == "长江川渝界断面"
    editor.table.item(0, 0).setText("")
    assert "断面" in workspace.message.text()
    assert "不能为空" in workspace.message.text()
    assert editor.table.item(0, 0).text() == "嘉陵江川渝界断面"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.document.scenario == start


def test_a_bad_water_quality_factor_is_refused_naming_the_field(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    start = window.document.scenario
    field = workspace.quality.field
    for text in ("0", "abc", "12"):
        field.setText(text)
        field.setModified(True)
        field.editingFinished.emit()
        assert window.document.scenario == start
        assert "水质倍数" in workspace.message.text(), workspace.message.text()
    field.setText("1.1")
    field.setModified(True)
    field.editingFinished.emit()
    assert window.document.scenario.item(JIALING).quality_scale == "1.1"
    wait_computed(qtbot, window)
    assert workspace.quality.slider.value() == 110


# --- monitoring data: the table, a value, import and export ------------------------------------------------------


def test_the_monitoring_table_is_a_sound_model_filtered_and_sorted_by_section(
    qtbot, qtmodeltester, make_window, tmp_path
):
    window, workspace = open_example(make_window, tmp_path, QIONG)
    wait_computed(qtbot, window)
    model = workspace.monitoring.model
    qtmodeltester.check(model)
    assert model.rowCount() == 72
    workspace._choose_view("monitoring")
    panel = workspace.monitoring
    panel.filter.setCurrentIndex(panel.filter.findData("濑溪河渝川界断面"))
    panel.filter.activated.emit(panel.filter.currentIndex())
    assert model.rowCount() == 36
    assert {model.index(r, 1).data(RAW_VALUE_ROLE) for r in range(36)} == {"濑溪河渝川界断面"}
    assert "36" in panel.count.text()
    assert "72" in panel.count.text()
    panel.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    values = [Decimal(model.index(r, 3).data()) for r in range(model.rowCount())]
    assert values == sorted(values, reverse=True)
    qtmodeltester.check(model)


def test_a_concentration_is_corrected_in_the_table_and_a_bad_one_refused(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path, QIONG)
    wait_computed(qtbot, window)
    start = window.document.scenario
    model = workspace.monitoring.model
    sample = model.sample_at(0)
    model.setData(model.index(0, 3), "4.75")
    qtbot.waitUntil(lambda: window.document.scenario != start)
    assert window.document.scenario.item(QIONG).records[sample].value == "4.75"
    wait_computed(qtbot, window)
    assert model.index(model.row_of_sample(sample), 3).data() == "4.75"
    changed = window.document.scenario
    model.setData(model.index(0, 3), "-2")
    qtbot.waitUntil(lambda: bool(workspace.message.text()))
    assert window.document.scenario == changed
    assert "浓度" in workspace.message.text()
    assert "负" in workspace.message.text()
    window.undo_action.trigger()
    assert window.document.scenario == start


@pytest.mark.parametrize("name", ["clean-utf8.csv", "clean-utf8-bom.csv", "clean-gb18030.csv", "clean.xlsx"])
def test_a_clean_fixture_imports_in_one_undo_step(qtbot, make_window, tmp_path, monkeypatch, name):
    window, workspace = open_example(make_window, tmp_path, QIONG)
    wait_computed(qtbot, window)
    window.apply_edit(edits.SetSampleField(QIONG, 0, "value", "99"))  # so the import visibly puts the file's value
    wait_computed(qtbot, window)
    before = window.document.scenario
    monkeypatch.setattr(dialogs, "ask_import_path", lambda *_a: FIXTURES / name)
    workspace._choose_view("monitoring")
    workspace.monitoring.import_button.click()
    qtbot.waitUntil(lambda: window.document.scenario is not before, timeout=10_000)
    wait_computed(qtbot, window)
    records = window.document.scenario.item(QIONG).records
    assert records == edits.read_item_monitoring(before.item(QIONG), FIXTURES / name)
    assert len(records) == 72
    assert records[0].value != "99"
    assert workspace.result.ok
    window.undo_action.trigger()
    assert window.document.scenario == before


def test_the_fixture_with_errors_lists_its_four_problems_and_changes_nothing(qtbot, make_window, tmp_path, monkeypatch):
    window, workspace = open_example(make_window, tmp_path, QIONG)
    wait_computed(qtbot, window)
    start = window.document.scenario
    steps = window.document.undo_stack.count()
    shown: list[dialogs.ImportProblemsDialog] = []
    monkeypatch.setattr(dialogs, "ask_import_path", lambda *_a: FIXTURES / "errors-gb18030.csv")
    monkeypatch.setattr(dialogs.ImportProblemsDialog, "exec", lambda self: shown.append(self.texts()) or 0)
    workspace.monitoring.import_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    problems = shown[0]
    assert len(problems) == 4, problems
    assert [p for p in problems if p.startswith("第8行")]
    assert "总锰" in " ".join(problems)
    assert any(p.startswith("第28行") and "第27行" in p for p in problems)
    assert any(p.startswith("第53行") and "负" in p for p in problems)
    assert any("濑溪河渝川界断面" in p and "7月" in p for p in problems)
    assert window.document.scenario == start
    assert window.document.undo_stack.count() == steps
    assert "errors-gb18030.csv" in workspace.message.text()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_samples_export_and_read_back_the_same(qtbot, make_window, tmp_path, monkeypatch, suffix):
    window, workspace = open_example(make_window, tmp_path, QIONG)
    wait_computed(qtbot, window)
    target = tmp_path / f"out{suffix}"
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *_a: target)
    workspace.monitoring.export_button.click()
    qtbot.waitUntil(lambda: not workspace.files.busy and target.exists(), timeout=10_000)
    raw = target.read_bytes()
    if suffix == ".csv":
        assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, as a Chinese Excel opens it"
    item = window.document.scenario.item(QIONG)
    assert edits.read_item_monitoring(item, target) == item.records


# --- words and layout -----------------------------------------------------------------------------------------


def test_the_workspace_rewords_itself_in_english(qtbot, make_window, tmp_path):
    window, workspace = open_example(make_window, tmp_path)
    wait_computed(qtbot, window)
    assert workspace.tabs.tabText(0) == "规则"
    assert workspace.quality.scale_label.text() == "×1（实测水质）"
    window.set_language("en")
    qtbot.waitUntil(lambda: workspace.tabs.tabText(0) == "Rule")
    assert workspace.quality.scale_label.text() == "×1 (as measured)"
    assert workspace.rule_editor.type_box.currentText() == "P-index bet (新安江)"
    assert "reverses" in workspace.quality.markers_label.text()
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: workspace.tabs.tabText(0) == "规则")


@pytest.mark.parametrize("stem", [JIALING, QIONG])
def test_on_a_laptop_screen_the_slider_totals_payments_and_checks_are_in_view(qtbot, make_window, tmp_path, stem):
    window, workspace = open_example(make_window, tmp_path, stem)
    window.resize(1366, 740)
    wait_computed(qtbot, window)
    qtbot.waitUntil(lambda: workspace.totals.isVisible())
    qtbot.wait(50)  # the columns re-fit on zero-length timers

    def whole(widget) -> bool:
        return widget.isVisible() and widget.visibleRegion().boundingRect().size() == widget.size()

    for widget in (workspace.quality.slider, workspace.totals, workspace.transfers_view, workspace.checks_box):
        assert whole(widget), widget.objectName()
    assert workspace.quality.slider.width() >= 300
    assert not workspace.left_scroll.horizontalScrollBar().isVisible()
    assert workspace.chart.width() >= 240, "the chart keeps a readable width"


def test_a_basin_of_many_sections_draws_the_lines_nearest_the_turn_and_names_a_few_break_evens(
    qtbot, make_window, tmp_path
):
    scenario = presets.EXAMPLES[JIALING]()
    item = scenario.items[0]
    sections, records = list(item.sections), list(item.records)
    for copy in range(1, 4):  # twelve sections: the three examples' own, three times more under other names
        for section in item.sections:
            new = f"{section.id}-{copy}"
            sections.append(section.model_copy(update={"id": new, "name_zh": f"{section.name_zh}{copy}"}))
            records += [r.model_copy(update={"section": new}) for r in item.records if r.section == section.id]
    big = scenario.model_copy(
        update={"items": (item.model_copy(update={"sections": tuple(sections), "records": tuple(records)}),)}
    )
    window, workspace = open_example(make_window, tmp_path, scenario=big)
    wait_computed(qtbot, window)
    assert len(workspace.quality.slider.markers) == 12, "every section's break-even is marked"
    note = workspace.quality.markers_label.text()
    assert note.count("×") == 3, note
    assert "另有9个断面" in note
    chart = workspace.shown_chart
    assert len(chart.series) == 6 + 1, "six sections and the threshold"
    assert "最接近反转的6个断面（共12个）" in workspace.chart_note.text()


def test_importing_the_samples_already_there_adds_no_undo_step(qtbot, make_window, tmp_path, monkeypatch):
    window, workspace = open_example(make_window, tmp_path, QIONG)
    wait_computed(qtbot, window)
    steps = window.document.undo_stack.count()
    export = tmp_path / "same.xlsx"
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *_a: export)
    workspace.monitoring.export_button.click()
    qtbot.waitUntil(lambda: not workspace.files.busy and export.exists(), timeout=10_000)
    monkeypatch.setattr(dialogs, "ask_import_path", lambda *_a: export)
    workspace.monitoring.import_button.click()
    qtbot.waitUntil(lambda: "same.xlsx" in workspace.monitoring.count.text() and not workspace.files.busy)
    assert window.document.undo_stack.count() == steps
