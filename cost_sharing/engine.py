"""Compute every item of a scenario: numbers in, numbers out.

Each item kind registers one function ``(scenario, item, index) -> ItemResult``. The
result carries each party's amount in exact fen plus plain-language diagnostics;
it never raises for a problem in the inputs — an item that cannot be computed
comes back with ``ok=False`` and a diagnostic that names the field to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from .money import DisplayPrecision, Unit, shown_split, split_fen
from .scenario import Item, ProportionalSplit, Scenario

Level = Literal["error", "warning", "info"]

ATTRIBUTE_LABELS_ZH = {
    "population": "常住人口",
    "gdp": "地区生产总值",
    "budget_revenue": "一般公共预算收入",
    "area": "面积",
}
ATTRIBUTE_LABELS_EN = {"population": "population", "gdp": "GDP", "budget_revenue": "budget revenue", "area": "area"}


@dataclass(frozen=True)
class Diagnostic:
    """A finding about an item, in words a negotiator understands."""

    level: Level
    code: str
    message_zh: str
    message_en: str
    field: str = ""


@dataclass(frozen=True)
class Allocation:
    """One party's part of an item."""

    party_id: str
    weight: Fraction
    share: Fraction
    amount_fen: int


@dataclass(frozen=True)
class ItemResult:
    """The outcome of one item: allocations summing exactly to ``total_fen``, or diagnostics saying why not."""

    item_id: str
    kind: str
    title: str
    total_fen: int
    basis: str
    allocations: tuple[Allocation, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(d.level == "error" for d in self.diagnostics)

    def amounts(self) -> dict[str, int]:
        return {a.party_id: a.amount_fen for a in self.allocations}


@dataclass(frozen=True)
class ScenarioResult:
    """The results of every item of a scenario, in item order."""

    items: tuple[ItemResult, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.items)

    def item(self, item_id: str) -> ItemResult:
        for result in self.items:
            if result.item_id == item_id:
                return result
        raise KeyError(item_id)


def display_precision(scenario: Scenario) -> DisplayPrecision:
    """The scenario's display settings as a money precision."""
    unit = {"yuan": Unit.YUAN, "wan_yuan": Unit.WAN_YUAN, "yi_yuan": Unit.YI_YUAN}[scenario.display.unit]
    return DisplayPrecision(unit, scenario.display.decimals)


def shown_amounts(result: ItemResult, precision: DisplayPrecision) -> tuple[list[Decimal], Decimal]:
    """The allocations rounded for display so that they add up to the shown total."""
    return shown_split([a.amount_fen for a in result.allocations], precision)


def compute_proportional(scenario: Scenario, item: ProportionalSplit, index: int) -> ItemResult:
    """Split the item's amount in proportion to an attribute of the parties or to typed-in weights.

    ``index`` is the item's position in the scenario, used to name fields in diagnostics.
    """
    parties = scenario.item_parties(item)
    base = {
        "item_id": item.id,
        "kind": item.kind,
        "title": item.title,
        "total_fen": item.amount_fen,
        "basis": item.basis,
    }
    problems: list[Diagnostic] = []
    weights: list[Fraction] = []
    for party in parties:
        if item.basis == "weights":
            text = item.weights.get(party.id)
            if text is None:
                problems.append(
                    Diagnostic(
                        "error",
                        "missing-weight",
                        f"{party.name_zh}没有权重，请输入。",
                        f"{party.name('en')} has no weight; type one in.",
                        f"items[{index}].weights.{party.id}",
                    )
                )
                continue
            weights.append(Fraction(text))
        else:
            figure = party.figure(item.basis)
            if figure is None:
                problems.append(
                    Diagnostic(
                        "error",
                        "missing-figure",
                        f"{party.name_zh}缺少{ATTRIBUTE_LABELS_ZH[item.basis]}数据，请补录后再计算（缺失值不按零处理）。",
                        f"{party.name('en')} has no {ATTRIBUTE_LABELS_EN[item.basis]} figure; type one in "
                        "(a missing figure is never taken as zero).",
                        f"parties.{party.id}.figures.{item.basis}",
                    )
                )
                continue
            weights.append(Fraction(figure.value))
    if not parties:
        problems.append(
            Diagnostic("error", "no-parties", "没有参与方。", "The item has no parties.", f"items[{index}]")
        )
    if problems:
        return ItemResult(**base, diagnostics=tuple(problems))
    total_weight = sum(weights)
    if total_weight == 0:
        return ItemResult(
            **base,
            diagnostics=(
                Diagnostic(
                    "error",
                    "zero-weights",
                    "所有参与方的分摊依据均为零，无法按比例分摊。",
                    "Every party's basis is zero, so nothing can be split in proportion.",
                    f"items[{index}].basis",
                ),
            ),
        )
    amounts = split_fen(item.amount_fen, weights)
    allocations = tuple(
        Allocation(p.id, w, w / total_weight, a) for p, w, a in zip(parties, weights, amounts, strict=True)
    )
    notes: list[Diagnostic] = []
    for party, weight in zip(parties, weights, strict=True):
        if weight == 0:
            notes.append(
                Diagnostic(
                    "warning",
                    "zero-weight",
                    f"{party.name_zh}的分摊依据为零，不承担任何金额。",
                    f"{party.name('en')} has a zero basis and pays nothing.",
                )
            )
        figure = party.figure(item.basis) if item.basis != "weights" else None
        if figure is not None and figure.tag in ("U", "A", "user"):
            label = {"U": "未经核实", "A": "假设值", "user": "用户录入"}[figure.tag]
            notes.append(
                Diagnostic(
                    "info",
                    "unsourced-figure",
                    f"{party.name_zh}的{ATTRIBUTE_LABELS_ZH[item.basis]}为{label}。",
                    f"{party.name('en')}'s {ATTRIBUTE_LABELS_EN[item.basis]} is "
                    f"{ {'U': 'unverified', 'A': 'assumed', 'user': 'user-entered'}[figure.tag] }.",
                )
            )
    if item.basis != "weights":
        years = sorted({f.year for p in parties if (f := p.figure(item.basis)) is not None and f.year is not None})
        if len(years) > 1:
            listed = ", ".join(str(y) for y in years)
            notes.append(
                Diagnostic(
                    "info",
                    "mixed-years",
                    f"分摊依据的数据年份不一致：{listed}。",
                    f"The figures used come from different years: {listed}.",
                )
            )
    return ItemResult(**base, allocations=allocations, diagnostics=tuple(notes))


COMPUTERS: dict[str, Callable[[Scenario, Item, int], ItemResult]] = {"proportional_split": compute_proportional}
"""One compute function per item kind; the roadmap's instruments register here."""


def compute(scenario: Scenario) -> ScenarioResult:
    """Compute every item of the scenario."""
    return ScenarioResult(tuple(COMPUTERS[item.kind](scenario, item, i) for i, item in enumerate(scenario.items)))
