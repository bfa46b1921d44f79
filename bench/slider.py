"""Slider step → table and chart redrawn, on the 15-party example (the negotiator's most frequent gesture).

The real main window runs offscreen on ``examples/sichuan-fund-by-gdp.json`` switched to typed-in
weights. Each step moves one party's share slider by one percentage point, which emits the weight
edit, puts it on the undo stack, recomputes, and updates the parameters, the result table, the frozen
total, the checks and the chart; the step ends when the window has been repainted synchronously
— as the application runs: the events the step posts are processed, which paints what changed (the
table's cells, the total, the chart, the slider). The whole window repainted at once, the worst case, is
measured as well. The target is one frame, 16 ms, at the median.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench import Section

STEPS = 200
FRAME_BUDGET_MS = 16.0


def run() -> Section:
    from PySide6.QtWidgets import QApplication

    from chengyu_accord.cost_sharing import presets
    from chengyu_accord.cost_sharing.storage import save_scenario
    from chengyu_accord.desktop import app as accord

    accord.create_application()
    folder = Path(tempfile.mkdtemp(prefix="accord-bench-"))
    path = folder / "fund.json"
    save_scenario(presets.examples()["sichuan-fund-by-gdp"](), path)
    window = accord.launch(path, recovery_folder=folder / "recovery")
    window.resize(1366, 768)
    QApplication.processEvents()
    workspace = window.workspaces[0]
    workspace._on_basis_chosen(workspace.basis_box.findData("weights"))  # seeded from GDP: same amounts
    window.repaint()
    QApplication.processEvents()
    slider = next(iter(workspace.weights_editor.rows.values())).slider
    samples, whole = [], []
    for step in range(STEPS + 10):
        value = 20 + (step % 40)  # sweep 20 %–59 % and back, one point a step
        began = time.perf_counter()
        slider.setValue(value)
        QApplication.processEvents()  # the step's posted updates: what changed is painted
        elapsed = (time.perf_counter() - began) * 1000
        began = time.perf_counter()
        window.repaint()
        repainted = (time.perf_counter() - began) * 1000
        if step >= 10:  # warm-up: the first steps build the chart's items
            samples.append(elapsed)
            whole.append(elapsed + repainted)
    window.document.undo_stack.setClean()
    window.close()
    samples.sort()
    whole.sort()
    median = statistics.median(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    passed = median <= FRAME_BUDGET_MS
    lines = [
        f"{STEPS} slider steps on the 15-party example (1366×768, offscreen), each from the slider's new value "
        "until what changed is painted: edit, undo stack, recompute, parameters, table, total, checks, chart.",
        "",
        "| step | median | 95th percentile | slowest |",
        "|---|---|---|---|",
        f"| slider step → table and chart redrawn | {median:.1f} ms | {p95:.1f} ms | {samples[-1]:.1f} ms |",
        f"| … plus the whole window repainted (worst case) | {statistics.median(whole):.1f} ms | "
        f"{whole[int(len(whole) * 0.95) - 1]:.1f} ms | {whole[-1]:.1f} ms |",
        "",
        f"Median against a frame of {FRAME_BUDGET_MS:.0f} ms — " + ("met." if passed else "**not met**."),
    ]
    return Section("Slider step → redraw", "\n".join(lines), passed)


if __name__ == "__main__":
    print(run().markdown)
