"""What the application starts with: the default scenario and the cluster's units as parties."""

from __future__ import annotations

from chengyu_accord import data
from chengyu_accord.cost_sharing import presets
from chengyu_accord.cost_sharing.scenario import Party, Scenario


def default_scenario() -> Scenario:
    """The scenario a new window opens on (the engine team's preset)."""
    return presets.default_scenario()


def catalogue() -> tuple[Party, ...]:
    """Every unit of the embedded dataset as a party, with its figures, for the parties panel."""
    return tuple(presets.party_from_unit(unit.code) for unit in data.units())


def data_vintage(lang: str) -> str:
    """The embedded data's vintage line for About (empty when the data package does not say)."""
    return str(getattr(data, "DATA_VINTAGE_ZH" if lang == "zh" else "DATA_VINTAGE_EN", ""))


def partial_units() -> dict[str, str]:
    """Codes of the units only partly in the plan area, with the data's note saying which part."""
    return {unit.code: (unit.notes[0] if unit.notes else "") for unit in data.units() if unit.partial}
