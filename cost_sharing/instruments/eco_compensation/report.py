"""The ecological-compensation item in ``chengyu compute --json``: sections, months, years, transfers, nets.

Amounts are whole fen; concentrations, indices and break-even figures exact decimals as text (a fraction with no
finite decimal as ``"p/q"``). Documented in docs/compute-json.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ...progress import Progress
from ...results import ItemResult
from ...scenario import Scenario
from . import rules
from .compute import CENTRAL, EcoDetails, compute_eco_details
from .model import EcoCompensation, PerTonneRule, PIndexRule


def exact_text(value: Fraction | None) -> str | None:
    """A fraction as a decimal text when it has a finite decimal expansion, else ``"p/q"``."""
    if value is None:
        return None
    d = value.denominator
    for prime in (2, 5):
        while d % prime == 0:
            d //= prime
    if d != 1:
        return f"{value.numerator}/{value.denominator}"
    text = format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _name(scenario: Scenario, pid: str) -> str:
    return "中央财政" if pid == CENTRAL else scenario.party(pid).name_zh


def _transfers(scenario: Scenario, transfers: Iterable[rules.Transfer]) -> list[dict[str, Any]]:
    return [
        {
            "payer": t.payer,
            "payer_name": _name(scenario, t.payer),
            "payee": t.payee,
            "payee_name": _name(scenario, t.payee),
            "amount_fen": t.amount_fen,
        }
        for t in transfers
    ]


def _settled(scenario: Scenario, settlement: rules.Settlement, order: list[str]) -> dict[str, Any]:
    nets = settlement.nets
    parties = [*order, *(p for p in nets if p not in order)]
    return {
        "transfers": _transfers(scenario, settlement.transfers),
        "nets": {pid: nets.get(pid, 0) for pid in parties},
    }


def _by_period(details: EcoDetails, label: str) -> tuple[dict[str, list], dict[str, list]]:
    """The settlements grouped by month (``YYYY-MM``) and by year (a month's year, or the period's label)."""
    months: dict[str, list[rules.Settlement]] = {}
    years: dict[str, list[rules.Settlement]] = {}
    for settlement in details.settlements:
        periods = {t.period for t in settlement.transfers} or {label}
        for period in sorted(periods):
            part = rules.Settlement(tuple(t for t in settlement.transfers if t.period == period), settlement.parties)
            if len(period) == 7 and period[4] == "-":
                months.setdefault(period, []).append(part)
                years.setdefault(period[:4], []).append(part)
            else:
                years.setdefault(period, []).append(part)
    return months, years


def _section_rows(item: EcoCompensation, details: EcoDetails) -> list[dict[str, Any]]:
    rule = item.rule
    sections = []
    for section in item.sections:
        monthly = details.monthly.get(section.id, {})
        entry: dict[str, Any] = {
            "id": section.id,
            "name_zh": section.name_zh,
            "name_en": section.name_en,
            "upstream": [{"party": u.party, "ratio": u.ratio} for u in section.upstream],
            "downstream": section.downstream,
            "means": {c: exact_text(v) for c, v in details.means.get(section.id, {}).items()},
            "months": [],
        }
        amounts = details.month_amounts.get(section.id, {})
        if isinstance(rule, PIndexRule) and section.id in details.p:
            coefficients = rules.p_index_coefficients(
                Fraction(Decimal(rule.k0)),
                {c: Fraction(Decimal(w)) for c, w in rule.weights.items()},
                {c: Fraction(Decimal(item.indicator(c).baseline)) for c in rule.weights},  # type: ignore[arg-type]
            )
            for month, means in monthly.items():
                entry["months"].append(
                    {
                        "month": month,
                        "means": {c: exact_text(v) for c, v in means.items()},
                        "p": exact_text(rules.p_index_of(coefficients, means)),
                    }
                )
            entry["p"] = exact_text(details.p.get(section.id))
            be = details.p_break_even.get(section.id)
            if be is not None:
                entry["break_even"] = {
                    "common_scale": exact_text(be.common_scale),
                    "uniform_baseline_ratio": exact_text(be.uniform_baseline_ratio),
                    "indicators": {b.indicator: exact_text(b.concentration) for b in be.per_indicator},
                }
        else:
            for month, means in monthly.items():
                row: dict[str, Any] = {"month": month, "means": {c: exact_text(v) for c, v in means.items()}}
                if month in amounts:
                    row["amount_fen"] = amounts[month]
                    row["payer"] = "upstream" if amounts[month] > 0 else "downstream" if amounts[month] < 0 else None
                entry["months"].append(row)
            if isinstance(rule, PerTonneRule) and section.id in details.tonne_break_even:
                entry["break_even"] = {
                    "indicators": {c: exact_text(v) for c, v in details.tonne_break_even[section.id].items()}
                }
        sections.append(entry)
    return sections


def _zone(details: EcoDetails) -> dict[str, Any] | None:
    zone = details.zone
    if zone is None:
        return None
    return {
        "lower_fen": zone.lower_fen,
        "upper_fen": zone.upper_fen,
        "proposed_fen": zone.proposed_fen,
        "position": zone.position.value if zone.position is not None else None,
        "empty": zone.empty,
    }


def eco_report(scenario: Scenario, item: EcoCompensation, result: ItemResult) -> Mapping[str, Any]:
    """Every figure a reader needs to check the item by hand (see the module docstring)."""
    _, details = compute_eco_details(scenario, item, Progress())
    order = list(item.parties)
    months, years = _by_period(details, item.period.label)
    section: dict[str, Any] = {
        "rule": item.rule.model_dump(mode="json"),
        "period": {"first": item.period.first, "last": item.period.last},
        "quality_scale": item.quality_scale,
        "samples": len(item.records),
        "sections": _section_rows(item, details),
        "months": [
            {"month": month, **_settled(scenario, rules.combine(parts, month), order)}
            for month, parts in sorted(months.items())
        ],
        "years": [
            {"year": year, **_settled(scenario, rules.combine(parts, year), order)}
            for year, parts in sorted(years.items())
        ],
        "transfers": [],
        "nets": {},
        "zone": _zone(details),
    }
    if details.settlement is not None:
        total = _settled(scenario, details.settlement, order)
        section["transfers"], section["nets"] = total["transfers"], total["nets"]
    return section
