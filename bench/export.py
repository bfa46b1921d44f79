"""Agreement export: how long an official waits for the draft PDF or DOCX.

Measured in one process after a warm-up export (fonts registered, modules
imported), so the figure is what the second and later exports of a session
cost; the first export also pays the one-off import of reportlab and the font.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench import Section, summary
from chengyu_accord.cost_sharing import presets
from chengyu_accord.desktop.export import render_agreement

REPEAT = 5
TARGET_S = 2.0


def run() -> Section:
    rows = []
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        first_start = time.perf_counter()
        render_agreement(presets.default_scenario(), Path(folder) / "warm-up.pdf")
        first = time.perf_counter() - first_start
        for name, build in presets.examples().items():
            scenario = build()
            for suffix in (".pdf", ".docx"):
                target = Path(folder) / f"{Path(name).stem}{suffix}"
                samples = []
                for _ in range(REPEAT):
                    start = time.perf_counter()
                    render_agreement(scenario, target)
                    samples.append(time.perf_counter() - start)
                median, low, high = summary(samples)
                worst = max(worst, median)
                size_kb = target.stat().st_size / 1024
                rows.append(
                    f"| {name} | {suffix[1:].upper()} | {median * 1000:.0f} ms | {low * 1000:.0f} ms | "
                    f"{high * 1000:.0f} ms | {size_kb:,.0f} KB |"
                )
    passed = worst < TARGET_S
    lines = [
        f"{REPEAT} exports of each example after a warm-up, in one process (the export runs off the GUI thread).",
        "",
        "| example | format | median | min | max | file size |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        f"First export of a session (imports reportlab, registers the CJK fonts of each role): {first * 1000:.0f} ms.",
        f"Slowest median {worst * 1000:.0f} ms against a target of {TARGET_S:.0f} s — "
        + ("met." if passed else "**not met**."),
    ]
    return Section("Agreement export", "\n".join(lines), passed)


if __name__ == "__main__":
    print(run().markdown)
