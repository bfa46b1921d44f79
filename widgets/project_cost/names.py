"""The words of the project-cost workspace: methods, factors, project types, attributes, and refusals.

Every string goes through ``QCoreApplication.translate("ProjectCostWorkspace", …)`` (English source, Chinese
catalogue), so the workspace re-words itself when the language is switched; the methods' names are the engine's
(``Bilingual``), the same words the comparison table and the agreement print.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chengyu_accord.cost_sharing.edits import EditError
from chengyu_accord.cost_sharing.instruments.project_cost.names import FACTOR_LABELS
from chengyu_accord.cost_sharing.instruments.project_cost.names import method_name as engine_method_name

from ..labels import attribute_label, reading_problem, words


def method_name(method: str, basis: str = "population") -> str:
    """A method's name as the comparison table and the agreement call it (the engine's words, one source)."""
    return words(engine_method_name(method, basis))


def factor_name(factor: str) -> str:
    """A factor of the proportional and weighted methods, in the engine's words (as the agreement prints it)."""
    return words(FACTOR_LABELS[factor])


def factor_short_name(factor: str) -> str:
    """A factor's name short enough for the label beside its weight slider (the full name is its tooltip)."""
    names = {
        "population": QCoreApplication.translate("ProjectCostWorkspace", "Population"),
        "gdp": QCoreApplication.translate("ProjectCostWorkspace", "GDP"),
        "budget_revenue": QCoreApplication.translate("ProjectCostWorkspace", "Revenue"),
        "length": QCoreApplication.translate("ProjectCostWorkspace", "Length"),
        "works": QCoreApplication.translate("ProjectCostWorkspace", "Works, land"),
        "demand": QCoreApplication.translate("ProjectCostWorkspace", "Demand"),
    }
    return names.get(factor, factor)


def type_name(project_type: str) -> str:
    names = {
        "rail": QCoreApplication.translate("ProjectCostWorkspace", "Rail"),
        "road": QCoreApplication.translate("ProjectCostWorkspace", "Road"),
        "water": QCoreApplication.translate("ProjectCostWorkspace", "Water"),
        "ecological": QCoreApplication.translate("ProjectCostWorkspace", "Ecological"),
        "public_service": QCoreApplication.translate("ProjectCostWorkspace", "Public service"),
    }
    return names.get(project_type, project_type)


def attribute_name(attribute: str) -> str:
    """A column of the parties table (a party's attribute in this project, or one of its figures)."""
    if attribute in ("population", "gdp", "budget_revenue"):
        return attribute_label(attribute)
    names = {
        "party": QCoreApplication.translate("ProjectCostWorkspace", "Party"),
        "length_km": QCoreApplication.translate("ProjectCostWorkspace", "Length (km)"),
        "works_fen": QCoreApplication.translate("ProjectCostWorkspace", "Works and land"),
        "demand": QCoreApplication.translate("ProjectCostWorkspace", "Demand"),
        "reach": QCoreApplication.translate("ProjectCostWorkspace", "Reach (segment)"),
        "users": QCoreApplication.translate("ProjectCostWorkspace", "Users"),
        "negotiated_fen": QCoreApplication.translate("ProjectCostWorkspace", "Negotiated amount"),
    }
    return names.get(attribute, attribute)


def field_name(field: str) -> str:
    """A project field, for the refusal message that names it."""
    names = {
        "name_zh": QCoreApplication.translate("ProjectCostWorkspace", "Project name"),
        "name_en": QCoreApplication.translate("ProjectCostWorkspace", "English name"),
        "type": QCoreApplication.translate("ProjectCostWorkspace", "Type"),
        "capital_fen": QCoreApplication.translate("ProjectCostWorkspace", "Capital cost"),
        "operating_fen_per_year": QCoreApplication.translate("ProjectCostWorkspace", "Operating cost per year"),
        "life_years": QCoreApplication.translate("ProjectCostWorkspace", "Life (years)"),
        "term_years": QCoreApplication.translate("ProjectCostWorkspace", "Payment term (years)"),
        "discount_rate": QCoreApplication.translate("ProjectCostWorkspace", "Discount rate"),
        "start_year": QCoreApplication.translate("ProjectCostWorkspace", "First year"),
    }
    return names.get(field, field)


def problem_text(error: EditError) -> str:
    """An edit's refusal in the interface language: this workspace's own messages, then the reading rule's."""
    message = error.message
    phrases = (
        ("decimals", QCoreApplication.translate("ProjectCostWorkspace", "must be a whole number")),
        ("at least", QCoreApplication.translate("ProjectCostWorkspace", "is too small")),
        ("already entry", QCoreApplication.translate("ProjectCostWorkspace", "this group is already in the table")),
        ("choose at least one", QCoreApplication.translate("ProjectCostWorkspace", "tick at least one party")),
        ("no segments", QCoreApplication.translate("ProjectCostWorkspace", "add the line's segments first")),
        ("shorten its reach", QCoreApplication.translate("ProjectCostWorkspace", "a party's reach ends there")),
    )
    for needle, text in phrases:
        if needle in message:
            return text
    return reading_problem(message)
