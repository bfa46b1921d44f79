"""A project shared by all 44 units of the cluster, in the main window on a laptop's screen (1366×768).

The comparison table lists every unit by its full name (nothing elided), rows a font-height tall, scrolls to the
last unit, and keeps the frozen total row in view; every method's total is the amount the parties share; the
methods that cannot be computed for 44 parties are explained in the checks.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from PySide6.QtWidgets import QStyle

from chengyu_accord import data
from chengyu_accord.cost_sharing.instruments.project_cost.model import (
    CoalitionCost,
    ProjectCostSharing,
    ProjectInfo,
    ProjectParty,
)
from chengyu_accord.cost_sharing.presets import party_from_unit
from chengyu_accord.cost_sharing.scenario import Scenario
from chengyu_accord.cost_sharing.storage import save_scenario
from chengyu_accord.widgets.result_table import ROW_KEY_ROLE

CAPITAL_FEN = 2_000 * 10**8 * 100  # 2,000亿元: whole in 万元, so every shown total is exact
METHODS = ("equal", "proportional", "territorial", "scrb", "shapley", "nucleolus")
UNAVAILABLE = ("shapley", "nucleolus")
"""Beyond exact reach at 44 parties; with only c(i) and c(N∖i) typed, a sample cannot pin the Shapley value down."""


def cluster_scenario() -> Scenario:
    """The 44 units share one project; each pays 1.3 × its population share alone, saves the others 0.8 × it."""
    units = data.units()
    codes = [u.code for u in units]
    population = [Fraction(str(u.figures["population"].value)) for u in units]
    base = [int(CAPITAL_FEN * p / sum(population)) for p in population]
    coalitions = [
        CoalitionCost(parties=(code,), cost_fen=share * 13 // 10) for code, share in zip(codes, base, strict=True)
    ]
    coalitions += [
        CoalitionCost(parties=tuple(c for c in codes if c != code), cost_fen=CAPITAL_FEN - share * 8 // 10)
        for code, share in zip(codes, base, strict=True)
    ]
    item = ProjectCostSharing(
        id="cluster-project",
        title="成渝地区双城经济圈共建项目（测试）",
        project=ProjectInfo(name_zh="双城经济圈共建项目", capital_fen=CAPITAL_FEN),
        parties=tuple(ProjectParty(party=code, works_fen=share) for code, share in zip(codes, base, strict=True)),
        basis="population",
        coalitions=tuple(coalitions),
        methods=METHODS,
        method="proportional",
    )
    document = {
        "title": "44方共建项目",
        "parties": [party_from_unit(code).model_dump() for code in codes],
        "items": [item.model_dump()],
        "display": {"unit": "wan_yuan", "decimals": 2},
    }
    return Scenario.model_validate(document)


def number(text: str) -> Decimal:
    return Decimal(text.split()[0].replace(",", ""))


def wholly_visible(widget) -> bool:
    if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
        return False
    return widget.visibleRegion().boundingRect().size() == widget.size()


def test_a_44_party_project_lists_every_unit_whole_with_its_totals_and_explains_what_it_cannot_compute(
    qtbot, make_window, tmp_path
):
    scenario = cluster_scenario()
    path = tmp_path / "cluster44.json"
    save_scenario(scenario, path)
    window = make_window(path)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not window.document.busy, timeout=20_000)
    qtbot.wait(50)  # the columns re-fit to the result after the event loop has laid it out
    workspace = window.workspaces[0]
    assert not workspace.updating.isVisible()
    table, model = workspace.table, workspace.model

    # 44 rows, each the unit's full name, none elided
    names = {p.id: p.name_zh for p in scenario.parties}
    assert model.rowCount() == 44
    rows = [(model.index(r, 0).data(ROW_KEY_ROLE), model.index(r, 0).data()) for r in range(model.rowCount())]
    assert rows == [(u.code, names[u.code]) for u in data.units()]
    metrics = table.fontMetrics()
    margins = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    widest = max(names.values(), key=metrics.horizontalAdvance)
    assert table.columnWidth(0) >= metrics.horizontalAdvance(widest) + margins, f"“{widest}” is elided"
    assert table.columnViewportPosition(0) >= 0
    assert table.columnViewportPosition(0) + table.columnWidth(0) <= table.viewport().width()
    for row in range(model.rowCount()):
        assert table.rowHeight(row) >= metrics.height(), f"row {row} is shorter than its text"

    # the frozen total row stays in view; the table scrolls to the last unit
    assert wholly_visible(workspace.totals)
    assert table.verticalScrollBar().maximum() > 0, "44 rows do not fit a laptop's screen: the table scrolls"
    last = model.index(model.rowCount() - 1, 0)
    table.scrollTo(last)
    qtbot.wait(10)
    shown = table.visualRect(last)
    assert shown.top() >= 0, "the last unit is scrolled into view"
    assert shown.bottom() <= table.viewport().height(), "the last unit is scrolled into view"
    assert wholly_visible(workspace.totals)

    # every method's shown total is the shared amount shown, and the sum of its shown cells
    item = window.document.scenario.items[0]
    columns = [c.key for c in model.shown.table.columns]
    assert columns == [m for m in METHODS if m not in UNAVAILABLE]
    shared = number(workspace.shared.text())
    assert shared == Decimal(item.shared_fen) / 100 / 10_000
    totals = workspace.totals
    for column in range(1, len(columns) + 1):
        total = number(totals.item(0, column).text())
        assert total == shared, f"{columns[column - 1]}: total {total} against {shared} shared"
        cells = sum(number(model.index(r, column).data()) for r in range(model.rowCount()))
        assert cells == total, f"{columns[column - 1]}: the shown amounts add up to {cells}"

    # what cannot be computed for 44 parties is explained in the checks
    checks = [workspace.diagnostics.item(i).text() for i in range(workspace.diagnostics.count())]
    assert any("核仁" in text and "44" in text for text in checks), checks
    assert any("沙普利值" in text and "抽样估计误差过大" in text for text in checks), checks
