"""The stable JSON document printed by ``chengyu compute --json``.

Documented in docs/compute-json.md. Amounts are exact decimal strings in 元
(two decimals) plus integer fen; shares are exact decimal strings rounded to
ten places for reading only — the fen amounts are the result.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import __version__
from .engine import ScenarioResult, compute, display_precision, shown_amounts
from .fingerprint import fingerprint
from .money import fen_to_yuan_str
from .scenario import Scenario

REPORT_FORMAT = 1
SHARE_PLACES = Decimal("1e-10")


def compute_document(scenario: Scenario, result: ScenarioResult | None = None) -> dict[str, Any]:
    """Every item's result with each party's amount, the shown (rounded) amounts and diagnostics."""
    result = result if result is not None else compute(scenario)
    precision = display_precision(scenario)
    items = []
    for item, item_result in zip(scenario.items, result.items, strict=True):
        shown_parts, shown_total = shown_amounts(item_result, precision) if item_result.ok else ([], None)
        allocations = []
        for index, allocation in enumerate(item_result.allocations):
            party = scenario.party(allocation.party_id)
            share = Decimal(allocation.share.numerator) / Decimal(allocation.share.denominator)
            allocations.append(
                {
                    "party_id": party.id,
                    "name_zh": party.name_zh,
                    "name_en": party.name_en,
                    "basis_value": str(Decimal(allocation.weight.numerator) / Decimal(allocation.weight.denominator)),
                    "share": str(share.quantize(SHARE_PLACES)),
                    "amount_yuan": fen_to_yuan_str(allocation.amount_fen),
                    "amount_fen": allocation.amount_fen,
                    "shown": str(shown_parts[index]),
                }
            )
        items.append(
            {
                "id": item.id,
                "kind": item.kind,
                "title": item.title,
                "ok": item_result.ok,
                "basis": item_result.basis,
                "total_yuan": fen_to_yuan_str(item_result.total_fen),
                "total_fen": item_result.total_fen,
                "shown_total": None if shown_total is None else str(shown_total),
                "allocations": allocations,
                "sum_fen": sum(a.amount_fen for a in item_result.allocations),
                "diagnostics": [
                    {
                        "level": d.level,
                        "code": d.code,
                        "field": d.field,
                        "message_zh": d.message_zh,
                        "message_en": d.message_en,
                    }
                    for d in item_result.diagnostics
                ],
            }
        )
    return {
        "format": "accord-compute",
        "format_version": REPORT_FORMAT,
        "accord_version": __version__,
        "scenario": {"title": scenario.title, "schema_version": scenario.schema_version},
        "display": {"unit": scenario.display.unit, "decimals": scenario.display.decimals},
        "fingerprint": fingerprint(scenario, result),
        "ok": result.ok,
        "items": items,
    }
