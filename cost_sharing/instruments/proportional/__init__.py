"""The proportional split: an amount shared by the parties in proportion to an attribute or to weights.

The simplest instrument, and the pattern of the others: ``model`` (the item),
``compute`` (exact shares and fen), ``edits`` (what the workspace changes),
``articles`` (the agreement text), ``presets`` (examples on the embedded data);
its workspace is ``widgets/proportional/``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from chengyu_accord import data

from ...agreement.clauses import COST_SHARING
from ...bilingual import Bilingual
from ...engine import display_precision
from ...instrument import Instrument
from ...money import fen_to_yuan_str
from ...results import ItemResult, Quantity, shown_table
from ...scenario import Provenance, Scenario
from .articles import proportional_articles
from .compute import AMOUNT, BASIS, SHARE, compute_proportional
from .model import ProportionalSplit
from .presets import EXAMPLES

SHARE_PLACES = Decimal("1e-10")


def fingerprint_inputs(scenario: Scenario, item: ProportionalSplit) -> Mapping[str, Any]:
    """The members in table order and, unless weights are typed in, each member's figure of the basis."""
    members = [p.id for p in scenario.item_parties(item)]
    if item.basis == "weights":
        return {"members": members}
    figures = {pid: (f.value if (f := scenario.party(pid).figure(item.basis)) else None) for pid in members}
    return {"members": members, "figures": figures}


def report_section(scenario: Scenario, item: ProportionalSplit, result: ItemResult) -> Mapping[str, Any]:
    """The fields ``compute --json`` has printed since format 1: basis, totals and one allocation per party."""
    section: dict[str, Any] = {
        "basis": item.basis,
        "total_yuan": fen_to_yuan_str(item.amount_fen),
        "total_fen": item.amount_fen,
        "shown_total": None,
        "allocations": [],
        "sum_fen": 0,
    }
    if not result.ok:
        return section
    table = result.table()
    shown = shown_table(table, display_precision(scenario))
    basis, share, amount = (table.column_index(k) for k in (BASIS, SHARE, AMOUNT))
    for r, row in enumerate(table.rows):
        party = scenario.party(row.key)
        exact_share = row.cells[share]
        weight = row.cells[basis]
        section["allocations"].append(
            {
                "party_id": party.id,
                "name_zh": party.name_zh,
                "name_en": party.name_en,
                "basis_value": str(weight.value) if isinstance(weight, Quantity) else None,
                "share": str(
                    (Decimal(exact_share.numerator) / Decimal(exact_share.denominator)).quantize(SHARE_PLACES)
                ),
                "amount_yuan": fen_to_yuan_str(row.cells[amount]),
                "amount_fen": row.cells[amount],
                "shown": str(shown.cells[r][amount]),
            }
        )
    section["shown_total"] = str(shown.totals[amount])
    section["sum_fen"] = table.column_total(AMOUNT)
    return section


def data_vintage(scenario: Scenario, item: ProportionalSplit, lang: str) -> str:
    """The attribute and the years of its figures, or the negotiated weights."""
    zh = lang == "zh"
    if item.basis == "weights":
        return "协商权重" if zh else "negotiated weights"
    label = data.ATTRIBUTE_LABELS[item.basis]
    years = sorted({f.year for p in scenario.item_parties(item) if (f := p.figure(item.basis)) and f.year})
    span = "、".join(str(y) for y in years) if years else ("年份不详" if zh else "year not given")
    return f"{label.zh}（{span}年）" if zh and years else f"{label.zh if zh else label.en} ({span})"


def blank_split(item_id: str, members: tuple[str, ...], amount_fen: int) -> ProportionalSplit:
    """A new split of a typed-in amount among the members by resident population, the plainest key."""
    return ProportionalSplit(
        id=item_id, amount_fen=amount_fen, amount_provenance=Provenance(tag="user"), parties=members, basis="population"
    )


PROPORTIONAL_SPLIT = Instrument(
    kind="proportional_split",
    name=Bilingual("按比例分摊", "Proportional split"),
    model=ProportionalSplit,
    compute=compute_proportional,
    articles=proportional_articles,
    clauses=COST_SHARING,
    workspace="chengyu_accord.widgets.proportional.workspace:ProportionalSplitWorkspace",
    presets=EXAMPLES,
    fingerprint_inputs=fingerprint_inputs,
    report_section=report_section,
    data_vintage=data_vintage,
    blank=blank_split,
    cheap=True,  # 0.44 ms for 44 parties (docs/performance.md)
)
