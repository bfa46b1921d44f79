"""Horizontal ecological compensation (横向生态保护补偿): water quality at border sections decides who pays whom.

``model`` (sections, indicators, monitoring samples, period, one rule of five, the negotiation zone),
``monitoring`` (CSV/xlsx import and export), ``rules`` (the formulas as pure functions of exact numbers),
``compute`` (monthly means, the rule, transfers, nets, break-even, zone), ``edits``, ``articles`` and
``presets``; the workspace is ``widgets/eco_compensation/``. Definitions: docs/eco-compensation.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...agreement.clauses import COMPENSATION
from ...bilingual import Bilingual
from ...instrument import Instrument
from ...progress import Progress
from ...results import ItemResult
from ...scenario import Scenario
from .articles import eco_articles
from .model import EcoCompensation
from .presets import EXAMPLES, blank_basin


def compute_item(scenario: Scenario, item: EcoCompensation, index: int, progress: Progress) -> ItemResult:
    """Compute the item (``compute.compute_eco``), loaded with the first computation, not at start-up."""
    from .compute import compute_eco

    return compute_eco(scenario, item, index, progress)


def report_section(scenario: Scenario, item: EcoCompensation, result: ItemResult) -> Mapping[str, Any]:
    """Per section the index or amounts by month, per month and per year every transfer, each party's net."""
    from .report import eco_report

    return eco_report(scenario, item, result)


def data_vintage(scenario: Scenario, item: EcoCompensation, lang: str) -> str:
    """The monitoring period and the number of samples the amounts rest on."""
    count = len(item.records)
    if lang == "zh":
        return f"{item.period.first}至{item.period.last}监测数据（{count}个样本）"
    return f"monitoring data {item.period.first} to {item.period.last} ({count} samples)"


ECO_COMPENSATION_INSTRUMENT = Instrument(
    kind="eco_compensation",
    name=Bilingual("横向生态保护补偿", "Horizontal ecological compensation"),
    model=EcoCompensation,
    compute=compute_item,
    articles=eco_articles,
    clauses=COMPENSATION,
    workspace="chengyu_accord.widgets.eco_compensation.workspace:EcoWorkspace",
    presets=EXAMPLES,
    report_section=report_section,
    data_vintage=data_vintage,
    blank=blank_basin,
    cheap=False,
)
