"""Compute every item of a scenario: numbers in, numbers out.

Each item is computed by its instrument's compute function (see
:mod:`.instrument`), which returns result tables in exact fen plus plain-language
diagnostics. It never raises for a problem in the inputs: an item that cannot be
computed comes back with an error diagnostic that points at what to fix.
"""

from __future__ import annotations

from .instrument import instrument_for
from .money import DisplayPrecision, Unit
from .progress import Progress
from .results import ItemResult, ScenarioResult
from .scenario import ItemBase, Scenario

UNITS = {"yuan": Unit.YUAN, "wan_yuan": Unit.WAN_YUAN, "yi_yuan": Unit.YI_YUAN}


def display_precision(scenario: Scenario) -> DisplayPrecision:
    """The scenario's display settings as a money precision."""
    return DisplayPrecision(UNITS[scenario.display.unit], scenario.display.decimals)


def compute_item(scenario: Scenario, item: ItemBase, index: int, progress: Progress | None = None) -> ItemResult:
    """Compute one item (``index`` is its position, used to name fields in diagnostics)."""
    return instrument_for(item.kind).compute(scenario, item, index, progress or Progress())


def compute(scenario: Scenario, progress: Progress | None = None) -> ScenarioResult:
    """Compute every item of the scenario; raises :class:`~.progress.Cancelled` once ``progress`` is cancelled."""
    progress = progress or Progress()
    return ScenarioResult(tuple(compute_item(scenario, item, i, progress) for i, item in enumerate(scenario.items)))


SYNC_ITEMS = 8
"""Most items computed on the GUI thread: a cheap item of 44 parties costs about 1.1 ms with its rounding and
fingerprint (docs/performance.md), so eight stay well inside a 16 ms frame; more go to the worker."""


def is_cheap(scenario: Scenario) -> bool:
    """True when the whole scenario computes fast enough for the GUI thread: few items, each of a kind
    measured cheap."""
    return len(scenario.items) <= SYNC_ITEMS and all(instrument_for(item.kind).cheap for item in scenario.items)
