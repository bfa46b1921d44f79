"""Words and formats the widgets share: attribute names, provenance tags, party names, figures.

Widgets read the interface language from the default QLocale, which the
application sets before it switches translators, so a widget needs nothing from
the application to show Chinese or English names.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from chengyu_accord import data
from chengyu_accord.cost_sharing.bilingual import Bilingual
from chengyu_accord.cost_sharing.scenario import Figure, Party

ATTRIBUTES = ("population", "gdp", "budget_revenue", "area")


def ui_language() -> str:
    """``"zh"`` or ``"en"``: which names of parties and units to show."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def attribute_label(attribute: str) -> str:
    """The name of a statistical attribute, from the one bilingual list of the embedded data."""
    label = data.ATTRIBUTE_LABELS.get(attribute)
    if label is None:
        return attribute
    return label.zh if ui_language() == "zh" else label.en


def attribute_unit(attribute: str) -> str:
    """The unit the figures of an attribute are given in."""
    label = data.ATTRIBUTE_LABELS.get(attribute)
    if label is None:
        return ""
    return label.unit_zh if ui_language() == "zh" else label.unit_en


def words(text: Bilingual) -> str:
    """An engine label (a column, a diagnostic, an edit's name) in the interface language."""
    return text.get(ui_language())


def province_label(province: str | None) -> str:
    """Chongqing / Sichuan in the interface language."""
    labels = {
        "Chongqing": QCoreApplication.translate("Labels", "Chongqing"),
        "Sichuan": QCoreApplication.translate("Labels", "Sichuan"),
    }
    if not province:
        return QCoreApplication.translate("Labels", "Other")
    return labels.get(province, province)


def tag_label(tag: str) -> str:
    """What a provenance tag means, for tooltips."""
    labels = {
        "S": QCoreApplication.translate("Labels", "sourced"),
        "S-2": QCoreApplication.translate("Labels", "secondary source"),
        "D": QCoreApplication.translate("Labels", "derived"),
        "U": QCoreApplication.translate("Labels", "unverified"),
        "A": QCoreApplication.translate("Labels", "assumed for an example"),
        "user": QCoreApplication.translate("Labels", "entered by the user"),
    }
    return labels.get(tag, tag)


def tag_marker(tag: str) -> str:
    """The short marker shown beside a value: nothing for a plainly sourced figure, else ``[U]``, ``[A]`` …"""
    if tag == "S":
        return ""
    if tag == "user":
        return QCoreApplication.translate("Labels", "[entered]")
    return f"[{tag}]"


def missing_text() -> str:
    """How a missing figure is shown: never as zero."""
    return "—　" + QCoreApplication.translate("Labels", "missing")


def party_name(party: Party) -> str:
    return party.name("en" if ui_language() == "en" else "zh")


def format_decimal(text: str | Decimal) -> str:
    """A figure with thousands separators, its decimals kept exactly as given."""
    number = Decimal(text)
    places = max(0, -number.as_tuple().exponent) if isinstance(number.as_tuple().exponent, int) else 0
    return f"{number:,.{places}f}"


def figure_text(figure: Figure | None) -> str:
    """A figure for a table cell: the value with its tag marker, or the missing marker."""
    if figure is None:
        return missing_text()
    marker = tag_marker(figure.tag)
    return f"{format_decimal(figure.value)} {marker}".rstrip()


def figure_tooltip(figure: Figure | None, attribute: str) -> str:
    """Year, source and provenance of a figure (or how to supply a missing one)."""
    if figure is None:
        return QCoreApplication.translate(
            "Labels", "No figure in the data. Double-click to type one in; it will be marked as entered by you."
        )
    year = str(figure.year) if figure.year else QCoreApplication.translate("Labels", "unknown")
    lines = [
        f"{attribute_label(attribute)}: {format_decimal(figure.value)} {attribute_unit(attribute)}",
        QCoreApplication.translate("Labels", "Year: %1").replace("%1", year),
        QCoreApplication.translate("Labels", "Provenance: %1").replace("%1", f"[{figure.tag}] {tag_label(figure.tag)}"),
    ]
    if figure.source:
        lines.append(QCoreApplication.translate("Labels", "Source: %1").replace("%1", figure.source))
    return "\n".join(lines)


WARNING_TAGS = ("A", "U")
"""Provenance tags whose value must never pass for a checked figure on screen."""


def amount_provenance_badge(tag: str | None) -> str:
    """The badge beside an amount: its tag and, in words, how far it can be trusted."""
    if tag is None:
        return QCoreApplication.translate("Labels", "no source given")
    texts = {
        "S": QCoreApplication.translate("Labels", "[S] sourced"),
        "S-2": QCoreApplication.translate("Labels", "[S-2] secondary source"),
        "D": QCoreApplication.translate("Labels", "[D] derived from sourced figures"),
        "U": QCoreApplication.translate("Labels", "[U] unverified"),
        "A": QCoreApplication.translate("Labels", "[A] [assumed, not real data]"),
        "user": QCoreApplication.translate("Labels", "[entered] typed in by you"),
    }
    return texts.get(tag, f"[{tag}]")


def partial_note(note: str) -> str:
    """The half of a bilingual data note ("中文 / English") in the interface language."""
    if " / " not in note:
        return note
    zh, en = note.split(" / ", 1)
    return zh if ui_language() == "zh" else en


def reading_problem(message: str) -> str:
    """A refusal of the one reading rule of numbers and text (``cost_sharing.numbers``) in the interface
    language; any other message as it is (the engine's messages are English)."""
    phrases = (
        ("negative", QCoreApplication.translate("Labels", "must not be negative")),
        ("exceed", QCoreApplication.translate("Labels", "is too large")),
        ("not a number", QCoreApplication.translate("Labels", "is not a number")),
        ("please type a number", QCoreApplication.translate("Labels", "is empty: type a number")),
        ("whole number of fen", QCoreApplication.translate("Labels", "must be a whole amount")),
        ("must not be empty", QCoreApplication.translate("Labels", "must not be empty")),
    )
    return next((text for needle, text in phrases if needle in message), message)
