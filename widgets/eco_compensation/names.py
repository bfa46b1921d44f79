"""The words of the ecological-compensation workspace: rules, parameters, fields, directions and refusals.

Every string goes through ``QCoreApplication.translate("EcoWorkspace", …)`` (English source, Chinese catalogue),
so the workspace re-words itself when the language is switched; names of sections, indicators and parties are the
scenario's own, in the interface language.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QCoreApplication

from chengyu_accord.cost_sharing.edits import EditError
from chengyu_accord.cost_sharing.instruments.eco_compensation.model import EcoCompensation, Indicator, Section

from ..labels import reading_problem, ui_language


def rule_name(rule_type: str) -> str:
    names = {
        "p_index": QCoreApplication.translate("EcoWorkspace", "P-index bet (新安江)"),
        "per_tonne": QCoreApplication.translate("EcoWorkspace", "Per tonne, both ways (江苏)"),
        "pooled_fund": QCoreApplication.translate("EcoWorkspace", "Pooled fund (赤水河)"),
        "monthly_status": QCoreApplication.translate("EcoWorkspace", "Monthly status (重庆)"),
        "exceedance": QCoreApplication.translate("EcoWorkspace", "Exceedance tiers (周口)"),
    }
    return names.get(rule_type, rule_type)


def rule_summary(rule_type: str) -> str:
    """One line saying how the rule turns water quality into money."""
    texts = {
        "p_index": QCoreApplication.translate(
            "EcoWorkspace",
            "P = k0·Σ wᵢ·Cᵢ/Cᵢ₀ on the period's means. P ≤ threshold: downstream pays upstream the bet; "
            "otherwise upstream pays downstream.",
        ),
        "per_tonne": QCoreApplication.translate(
            "EcoWorkspace",
            "Each month Σ (measured − target) × flow × unit standard: worse than target, upstream pays; "
            "better, downstream pays.",
        ),
        "pooled_fund": QCoreApplication.translate(
            "EcoWorkspace",
            "Parties pay into a fund by contribution ratios and draw by allocation ratios; a failing section cuts "
            "its upstream party's allocation.",
        ),
        "monthly_status": QCoreApplication.translate(
            "EcoWorkspace",
            "Each month: meets its class and improved, downstream pays; meets but declined, upstream pays; "
            "fails, the amount below.",
        ),
        "exceedance": QCoreApplication.translate(
            "EcoWorkspace", "Each month and indicator over target: upstream pays the tier amount × (1 + m)."
        ),
    }
    return texts.get(rule_type, "")


def param_name(name: str) -> str:
    """A scalar parameter of a rule, for its label and the refusal that names it."""
    names = {
        "k0": QCoreApplication.translate("EcoWorkspace", "Stability coefficient k0"),
        "threshold": QCoreApplication.translate("EcoWorkspace", "Threshold of P"),
        "amount_fen": QCoreApplication.translate("EcoWorkspace", "Amount (bet or monthly sum)"),
        "central_fen": QCoreApplication.translate("EcoWorkspace", "Central fund to upstream"),
        "fund_fen": QCoreApplication.translate("EcoWorkspace", "Fund per period"),
        "failure": QCoreApplication.translate("EcoWorkspace", "A failing section loses"),
        "on_fail_fen": QCoreApplication.translate("EcoWorkspace", "Month failing its class (+ upstream pays)"),
        "on_unchanged_fen": QCoreApplication.translate("EcoWorkspace", "Month unchanged (+ upstream pays)"),
        "below_first_fen": QCoreApplication.translate("EcoWorkspace", "Below the first tier"),
    }
    return names.get(name, name)


def amount_name(rule_type: str) -> str:
    """What ``amount_fen`` is in this rule."""
    if rule_type == "p_index":
        return QCoreApplication.translate("EcoWorkspace", "Bet per section")
    return QCoreApplication.translate("EcoWorkspace", "Sum per month")


def entries_name(table: str) -> str:
    names = {
        "weights": QCoreApplication.translate("EcoWorkspace", "Weights wᵢ"),
        "standards": QCoreApplication.translate("EcoWorkspace", "Unit standards (yuan per tonne)"),
        "contributions": QCoreApplication.translate("EcoWorkspace", "Contribution ratios"),
        "allocations": QCoreApplication.translate("EcoWorkspace", "Allocation ratios"),
    }
    return names.get(table, table)


def failure_name(mode: str) -> str:
    return {
        "all_or_nothing": QCoreApplication.translate("EcoWorkspace", "all of it (by the annual mean)"),
        "months": QCoreApplication.translate("EcoWorkspace", "in proportion to failed months"),
    }.get(mode, mode)


def indicator_field_name(field: str) -> str:
    names = {
        "code": QCoreApplication.translate("EcoWorkspace", "Code"),
        "name_zh": QCoreApplication.translate("EcoWorkspace", "Name"),
        "name_en": QCoreApplication.translate("EcoWorkspace", "English name"),
        "unit": QCoreApplication.translate("EcoWorkspace", "Unit"),
        "target": QCoreApplication.translate("EcoWorkspace", "Target"),
        "baseline": QCoreApplication.translate("EcoWorkspace", "Baseline"),
    }
    return names.get(field, field)


def sample_field_name(field: str) -> str:
    names = {
        "date": QCoreApplication.translate("EcoWorkspace", "Date"),
        "section": QCoreApplication.translate("EcoWorkspace", "Section"),
        "indicator": QCoreApplication.translate("EcoWorkspace", "Indicator"),
        "value": QCoreApplication.translate("EcoWorkspace", "Concentration"),
        "unit": QCoreApplication.translate("EcoWorkspace", "Unit"),
        "flow_m3": QCoreApplication.translate("EcoWorkspace", "Monthly flow (m³)"),
    }
    return names.get(field, field)


def section_label(section: Section) -> str:
    return section.label(ui_language())


def indicator_label(indicator: Indicator) -> str:
    name = indicator.name_en or indicator.name_zh if ui_language() == "en" else indicator.name_zh
    return f"{indicator.code} {name}"


def section_of(item: EcoCompensation, section_id: str) -> Section | None:
    return next((s for s in item.sections if s.id == section_id), None)


def percent_text(change: Decimal) -> str:
    """A change as a whole percentage when it is one (7), else to one decimal (6.5)."""
    percent = (abs(change) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{percent.normalize():f}"


def scale_text(scale: Decimal) -> str:
    """The what-if factor in words: "×1.07 (water 7% worse)", "×0.93 (water 7% better)", "×1 (as measured)"."""
    factor = f"×{scale.normalize():f}"
    if scale == 1:
        return QCoreApplication.translate("EcoWorkspace", "%1 (as measured)").replace("%1", factor)
    template = (
        QCoreApplication.translate("EcoWorkspace", "%1 (water %2% worse)")
        if scale > 1
        else QCoreApplication.translate("EcoWorkspace", "%1 (water %2% better)")
    )
    return template.replace("%1", factor).replace("%2", percent_text(scale - 1))


def problem_text(error: EditError) -> str:
    """An edit's refusal in the interface language: this workspace's own messages, then the reading rule's."""
    message = error.message
    phrases = (
        ("decimals", QCoreApplication.translate("EcoWorkspace", "has too many decimals")),
        ("greater than 0", QCoreApplication.translate("EcoWorkspace", "must be greater than 0")),
        ("already in the agreement", QCoreApplication.translate("EcoWorkspace", "this code is already used")),
        (
            "already upstream",
            QCoreApplication.translate("EcoWorkspace", "this party is already upstream of the section"),
        ),
        (
            "is the downstream party",
            QCoreApplication.translate("EcoWorkspace", "this party is downstream of the section"),
        ),
        (
            "is upstream of this section",
            QCoreApplication.translate("EcoWorkspace", "this party is upstream of the section"),
        ),
        (
            "must differ",
            QCoreApplication.translate("EcoWorkspace", "upstream and downstream must be different parties"),
        ),
        (
            "at least one upstream",
            QCoreApplication.translate("EcoWorkspace", "a section needs at least one upstream party"),
        ),
        ("last section", QCoreApplication.translate("EcoWorkspace", "the agreement needs at least one section")),
        ("last indicator", QCoreApplication.translate("EcoWorkspace", "the agreement needs at least one indicator")),
        (
            "only weighted",
            QCoreApplication.translate("EcoWorkspace", "it is the only weighted indicator: weight another one first"),
        ),
        (
            "only indicator with a unit standard",
            QCoreApplication.translate("EcoWorkspace", "it is the only indicator with a unit standard"),
        ),
        ("at least one entry", QCoreApplication.translate("EcoWorkspace", "the rule needs at least one entry")),
        ("is not a month", QCoreApplication.translate("EcoWorkspace", "write the month as 2025-01")),
        ("has no month", QCoreApplication.translate("EcoWorkspace", "there is no such month")),
        ("is before", QCoreApplication.translate("EcoWorkspace", "the last month is before the first")),
        ("months, more than", QCoreApplication.translate("EcoWorkspace", "the period is longer than ten years")),
    )
    for needle, text in phrases:
        if needle in message:
            return text
    return reading_problem(message)
