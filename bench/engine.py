"""Engine speed: what a parameter change costs before the GUI can redraw.

A slider drag recomputes the item, the shown (rounded) amounts and the
fingerprint on every step, so these must stay far below a frame (16 ms) for a
realistic scenario (the 44 units of the cluster) and stay usable for a large one.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench import Section, timed
from chengyu_accord import data
from chengyu_accord.cost_sharing import presets
from chengyu_accord.cost_sharing.engine import compute, display_precision
from chengyu_accord.cost_sharing.fingerprint import fingerprint
from chengyu_accord.cost_sharing.instruments.proportional.model import ProportionalSplit
from chengyu_accord.cost_sharing.results import shown_table
from chengyu_accord.cost_sharing.scenario import Scenario
from chengyu_accord.cost_sharing.storage import read_scenario, save_scenario, scenario_to_bytes

FRAME_BUDGET_S = 0.016


def cluster_scenario(items: int) -> Scenario:
    """All 44 units, ``items`` proportional splits by population, validated like an opened file."""
    parties = tuple(presets.party_from_unit(u.code) for u in data.units())
    document = {
        "title": "bench",
        "parties": [p.model_dump() for p in parties],
        "items": [
            ProportionalSplit(id=f"item-{i}", amount_fen=69_273_000_000_00 + i, basis="population").model_dump()
            for i in range(items)
        ],
    }
    return Scenario.model_validate(document)


def recompute_step(scenario: Scenario) -> None:
    """What one slider step costs: compute, round for display, fingerprint."""
    result = compute(scenario)
    precision = display_precision(scenario)
    for item in result.items:
        for table in item.tables:
            shown_table(table, precision)
    fingerprint(scenario, result)


def run() -> Section:
    rows = []
    passed = True
    with tempfile.TemporaryDirectory() as folder:
        for items, repeat in ((1, 200), (10, 50), (50, 10)):
            scenario = cluster_scenario(items)
            path = Path(folder) / f"bench-{items}.json"
            step = timed(lambda s=scenario: recompute_step(s), repeat)
            save = timed(lambda s=scenario, p=path: save_scenario(s, p), max(3, repeat // 10))
            load = timed(lambda p=path: read_scenario(p), max(3, repeat // 10))
            size_kb = len(scenario_to_bytes(scenario)) / 1024
            rows.append(
                f"| 44 parties × {items} item{'s' if items > 1 else ''} ({size_kb:,.0f} KB) | "
                f"{step[0] * 1000:.2f} ms | {save[0] * 1000:.1f} ms | {load[0] * 1000:.1f} ms |"
            )
            if items == 1:
                passed = step[0] < FRAME_BUDGET_S
                one_item_step = step[0]
    lines = [
        "Median of repeated calls in one process, after a warm-up call. "
        "A recompute step is what every slider step costs: compute every item, round for display "
        "(largest remainder), and the fingerprint. Save is atomic (temp file, fsync, rename); "
        "open parses and validates.",
        "",
        "| scenario | recompute step | save | open |",
        "|---|---|---|---|",
        *rows,
        "",
        f"One-item recompute step: {one_item_step * 1000:.2f} ms against a frame budget of "
        f"{FRAME_BUDGET_S * 1000:.0f} ms — " + ("met." if passed else "**not met**."),
    ]
    return Section("Engine", "\n".join(lines), passed)


if __name__ == "__main__":
    print(run().markdown)
