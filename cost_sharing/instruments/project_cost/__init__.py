"""Cross-city project cost sharing: one project's capital (less outside contributions) shared by many methods.

``model`` (the item), ``methods`` (names and the dispatch table over :mod:`...games`), ``compute`` (the game,
every method, the agreed split and its checks), ``schedule`` (annuity, NPV, payments by year), ``edits``,
``articles`` and ``presets``; the workspace is ``widgets/project_cost/``. Definitions: docs/cost-sharing.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Context, Decimal
from fractions import Fraction
from typing import Any

from chengyu_accord import data

from ...agreement.clauses import COST_SHARING
from ...bilingual import Bilingual
from ...engine import display_precision
from ...instrument import Instrument
from ...progress import Progress
from ...results import ItemResult, shown_table
from ...scenario import Provenance, Scenario
from .articles import project_articles
from .model import ProjectCostSharing, ProjectInfo, ProjectParty
from .names import AGREED_TABLE, AMOUNT, FIGURE_FACTORS, METHODS_TABLE, method_name, method_order
from .presets import EXAMPLES

SIGNIFICANT = Context(prec=15)


def exact_text(value: Fraction, exact: bool = True) -> str:
    """An unrounded amount in fen: ``"p/q"`` when exact, else a decimal of 15 significant digits."""
    if exact:
        return f"{value.numerator}/{value.denominator}"
    return str(SIGNIFICANT.divide(Decimal(value.numerator), Decimal(value.denominator)))


def figure_factors(item: ProjectCostSharing) -> list[str]:
    """The party figures the item's methods read: the basis of "proportional" and the weighted factors."""
    methods = set(method_order(item))
    used: list[str] = []
    if "proportional" in methods and item.basis in FIGURE_FACTORS:
        used.append(item.basis)
    if "weighted" in methods:
        used += [f for f in FIGURE_FACTORS if f in item.weights and Fraction(Decimal(item.weights[f])) > 0]
    return [f for f in FIGURE_FACTORS if f in used]


def fingerprint_inputs(scenario: Scenario, item: ProjectCostSharing) -> Mapping[str, Any]:
    """The members in table order and each member's population, GDP and budget revenue (None where missing)."""
    members = [p.id for p in scenario.item_parties(item)]
    figures = {
        factor: {pid: (f.value if (f := scenario.party(pid).figure(factor)) else None) for pid in members}
        for factor in FIGURE_FACTORS
    }
    return {"members": members, "figures": figures}


def report_section(scenario: Scenario, item: ProjectCostSharing, result: ItemResult) -> Mapping[str, Any]:
    """The project, every method's amounts (fen, exact, shown), the agreed split, the schedule, the findings."""
    from .compute import compute_project_details

    _, details = compute_project_details(scenario, item, Progress())
    precision = display_precision(scenario)
    project = item.project
    section: dict[str, Any] = {
        "project": {
            "name_zh": project.name_zh,
            "name_en": project.name_en,
            "type": project.type,
            "capital_fen": project.capital_fen,
            "shared_fen": item.shared_fen,
            "contributions": [
                {"name_zh": c.name_zh, "name_en": c.name_en, "amount_fen": c.amount_fen} for c in item.contributions
            ],
            "operating_fen_per_year": project.operating_fen_per_year,
            "life_years": project.life_years,
            "term_years": project.term_years,
            "discount_rate": project.discount_rate,
            "start_year": project.start_year,
        },
        "method": item.method,
        "game": details.game_kind,
        "methods": {},
        "agreed": [],
        "schedule": [],
        "diagnostics": [
            {
                "level": d.level,
                "code": d.code,
                "message_zh": d.message_zh,
                "message_en": d.message_en,
                "party_id": d.target.party_id or None,
            }
            for d in result.diagnostics
        ],
    }
    ids = [p.party for p in item.parties]
    shown_methods = None
    table = None
    if any(t.key == METHODS_TABLE for t in result.tables):
        table = result.table(METHODS_TABLE)
        shown_methods = shown_table(table, precision)
    for method in method_order(item):
        name = method_name(method, item.basis)
        entry: dict[str, Any] = {"name_zh": name.zh, "name_en": name.en}
        outcome = details.outcomes.get(method)
        if outcome is None or table is None or shown_methods is None:
            reason = details.unavailable.get(method)
            entry.update(
                available=False,
                reason=reason.zh if reason else None,
                reason_en=reason.en if reason else None,
                allocations=[],
                sum_fen=None,
            )
        else:
            column = table.column_index(method)
            entry.update(
                available=True,
                reason=None,
                reason_en=None,
                exact=outcome.allocation.exact,
                allocations=[
                    {
                        "party_id": pid,
                        "amount_fen": outcome.fen[i],
                        "exact": exact_text(outcome.exact[i], outcome.allocation.exact),
                        "shown": str(shown_methods.cells[i][column]),
                    }
                    for i, pid in enumerate(ids)
                ],
                sum_fen=sum(outcome.fen),
            )
        section["methods"][method] = entry
    if result.ok and any(t.key == AGREED_TABLE for t in result.tables):
        agreed = result.table(AGREED_TABLE)
        shown = shown_table(agreed, precision)
        amount, share = agreed.column_index(AMOUNT), agreed.column_index("share")
        for r, row in enumerate(agreed.rows):
            cell = row.cells[share]
            section["agreed"].append(
                {
                    "party_id": row.key,
                    "amount_fen": row.cells[amount],
                    "share": exact_text(cell) if isinstance(cell, Fraction) else None,
                    "shown": str(shown.cells[r][amount]),
                }
            )
    schedule = details.schedule
    if schedule is not None:
        for i, pid in enumerate(ids):
            section["schedule"].append(
                {
                    "party_id": pid,
                    "capital_fen": schedule.capital[i],
                    "annual_capital_fen": schedule.annual_capital[i],
                    "annual_capital_exact": exact_text(schedule.annual_capital_exact[i]),
                    "annual_operating_fen": schedule.annual_operating[i],
                    "npv_fen": schedule.npv[i],
                    "npv_exact": exact_text(schedule.npv_exact[i]),
                }
            )
    return section


def data_vintage(scenario: Scenario, item: ProjectCostSharing, lang: str) -> str:
    """The party figures the methods read, with their years; else the project's own (typed-in) figures."""
    zh = lang == "zh"
    parts = []
    for factor in figure_factors(item):
        label = data.ATTRIBUTE_LABELS[factor]
        years = sorted({f.year for p in scenario.item_parties(item) if (f := p.figure(factor)) and f.year})
        span = "、".join(str(y) for y in years) if years else ("年份不详" if zh else "year not given")
        parts.append(f"{label.zh}（{span}年）" if zh and years else f"{label.zh if zh else label.en} ({span})")
    if not parts:
        return "项目投资及各方录入数据" if zh else "project costs and figures as typed in"
    return "；".join(parts) if zh else "; ".join(parts)


def blank_project(item_id: str, members: tuple[str, ...], amount_fen: int) -> ProjectCostSharing:
    """A new project of the typed-in capital cost, split equally; proportional and territorial shown beside it."""
    return ProjectCostSharing(
        id=item_id,
        project=ProjectInfo(name_zh="新项目", capital_fen=amount_fen, capital_provenance=Provenance(tag="user")),
        parties=tuple(ProjectParty(party=pid) for pid in members),
        methods=("equal", "proportional", "territorial"),
        method="equal",
    )


def compute_item(scenario: Scenario, item: ProjectCostSharing, index: int, progress: Progress) -> ItemResult:
    """Compute the item (``compute.compute_project``); numpy and the game solvers load with the first computation
    of a project, not when the instrument is registered at start-up."""
    from .compute import compute_project

    return compute_project(scenario, item, index, progress)


PROJECT_COST = Instrument(
    kind="project_cost",
    name=Bilingual("跨市项目成本分担", "Cross-city project cost sharing"),
    model=ProjectCostSharing,
    compute=compute_item,
    articles=project_articles,
    clauses=COST_SHARING,
    workspace="chengyu_accord.widgets.project_cost.workspace:ProjectCostWorkspace",
    presets=EXAMPLES,
    fingerprint_inputs=fingerprint_inputs,
    report_section=report_section,
    data_vintage=data_vintage,
    blank=blank_project,
    cheap=False,
)
