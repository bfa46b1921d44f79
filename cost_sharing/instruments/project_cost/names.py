"""The words and keys of a project-cost item that need no computation: the methods' and factors' names, the order
of the comparison, the result tables' keys.

Kept apart from ``methods`` and ``compute`` so that registering the instrument at start-up (and writing an
agreement's words) loads neither numpy nor the game solvers.
"""

from __future__ import annotations

from chengyu_accord import data

from ...bilingual import Bilingual
from .model import FACTORS, ProjectCostSharing

METHODS_TABLE, AGREED_TABLE, BENCHMARKS_TABLE, SAVINGS_TABLE = "methods", "agreed", "benchmarks", "savings"
SCHEDULE_TABLE, YEARS_TABLE, COALITIONS_TABLE = "schedule", "years", "coalitions"
AMOUNT, SHARE = "amount", "share"


METHOD_NAMES: dict[str, Bilingual] = {
    "equal": Bilingual("平均分摊", "Equal split"),
    "proportional": Bilingual("按{basis}比例", "Proportional to {basis}"),
    "weighted": Bilingual("多因素加权", "Weighted factors"),
    "territorial": Bilingual("属地分担（境内工程及征拆）", "Territorial (in-territory works and land)"),
    "scrb": Bilingual("可分离成本剩余收益法(SCRB)", "SCRB"),
    "eca": Bilingual("等额分摊非可分离成本(ECA)", "ECA"),
    "cga": Bilingual("τ值(CGA)", "τ-value (CGA)"),
    "shapley": Bilingual("沙普利值", "Shapley value"),
    "nucleolus": Bilingual("核仁", "Nucleolus"),
    "per_capita_nucleolus": Bilingual("人均核仁", "Per-capita nucleolus"),
    "proportional_nucleolus": Bilingual("比例核仁", "Proportional nucleolus"),
    "segment_shapley": Bilingual("分段博弈沙普利值", "Segment game: Shapley"),
    "segment_nucleolus": Bilingual("分段博弈核仁", "Segment game: nucleolus"),
    "nash": Bilingual("纳什谈判解", "Nash bargaining"),
    "egalitarian": Bilingual("最小收益最大化", "Maximise the minimum gain"),
    "negotiated": Bilingual("协商金额", "Negotiated amounts"),
}

FACTOR_LABELS: dict[str, Bilingual] = {
    **{name: Bilingual(label.zh, label.en) for name, label in data.ATTRIBUTE_LABELS.items() if name in FACTORS},
    "length": Bilingual("境内线路长度", "In-territory length"),
    "works": Bilingual("境内工程及征拆投资", "In-territory works and land"),
    "demand": Bilingual("需求或受益量", "Demand or benefit"),
}
FIGURE_FACTORS = ("population", "gdp", "budget_revenue")
"""Factors read from the scenario's party figures; the others are attributes of the party in this project."""


def in_sentence(label: str) -> str:
    """An English label inside a sentence: "Resident population" → "resident population", "GDP" stays."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def method_name(method: str, basis: str = "population") -> Bilingual:
    """The method's name in both languages (the proportional method names its basis)."""
    name = METHOD_NAMES[method]
    if method != "proportional":
        return name
    label = FACTOR_LABELS[basis]
    return Bilingual(name.zh.format(basis=label.zh), name.en.format(basis=in_sentence(label.en)))


def method_order(item: ProjectCostSharing) -> tuple[str, ...]:
    """The item's methods in table order, with the agreement's method appended when not listed."""
    return item.methods if item.method in item.methods else (*item.methods, item.method)
