"""A slider drag stays live: every step recomputes and redraws without blocking the window, and is one undo step."""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QPoint, Qt
from slider_helpers import handle_centre

from chengyu_accord.cost_sharing.engine import compute
from chengyu_accord.cost_sharing.instruments.proportional import presets
from chengyu_accord.cost_sharing.storage import save_scenario
from chengyu_accord.widgets.result_table import RAW_VALUE_ROLE, ROW_KEY_ROLE

BLOCK_LIMIT_MS = 50


def test_dragging_a_slider_through_100_positions_never_blocks_and_undoes_in_one_step(qtbot, make_window, tmp_path):
    path = tmp_path / "fund.json"
    save_scenario(presets.sichuan_fund_example(), path)  # 15 parties
    window = make_window(path)
    window.resize(1600, 1000)
    workspace = window.workspaces[0]
    box = workspace.basis_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End)  # typed-in weights, seeded from GDP: one step
    start = window.document.scenario
    party_id = start.items[0].parties[0]
    slider = workspace.weights_editor.rows[party_id].slider
    workspace.weights_editor.rows[party_id].slider.setFocus()
    qtbot.waitUntil(slider.isVisible)
    steps_before = window.document.undo_stack.count()
    origin = handle_centre(slider)
    gc.collect()  # what earlier tests left behind is not this drag's to collect
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=origin)
    longest = 0.0
    width = max(slider.width() - origin.x() - 4, 20)
    seen = set()
    for step in range(1, 101):
        x = origin.x() + (step * width) // 100
        began = time.perf_counter()
        qtbot.mouseMove(slider, QPoint(x, origin.y()))
        longest = max(longest, (time.perf_counter() - began) * 1000)
        seen.add(window.document.scenario.items[0].weights[party_id])
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(origin.x() + width, origin.y()))
    assert len(seen) > 10, "the scenario follows the slider while it moves"
    assert longest < BLOCK_LIMIT_MS, f"one slider step blocked the window for {longest:.1f} ms"

    expected = compute(window.document.scenario).items[0].table().fen("amount")
    model = workspace.model
    amount = model.columnCount() - 1
    shown = {
        model.index(r, 0).data(ROW_KEY_ROLE): model.index(r, amount).data(RAW_VALUE_ROLE)
        for r in range(model.rowCount())
    }
    assert shown == expected, "the table shows the engine's result for the final position"
    assert window.document.undo_stack.count() == steps_before + 1
    window.undo_action.trigger()
    assert window.document.scenario == start
