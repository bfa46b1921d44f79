"""The instrument descriptor: everything shared code knows about an item kind.

Each instrument of Chapter 8 §3 (cost sharing, ecological compensation, tax
split, integration fund — and the simple split by a key) lives in one folder under
``instruments/`` and declares itself with one :class:`Instrument`: its model, its
compute function, its agreement articles and clause set, its example scenarios,
its fingerprint inputs and compute-JSON section, and the import path of its
workspace. The scenario, the engine, the fingerprint, ``compute --json``, the
agreement shell, the undo stack and the main window reach an item only through
it: no ``kind ==`` switch and no read of a kind's fields outside its folder.

Adding an instrument is: a folder with a model (an :class:`~.scenario.ItemBase`),
a compute function returning :class:`~.results.ResultTable` s, an articles
function, and ``register(Instrument(...))`` in ``instruments/__init__.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .bilingual import Bilingual

if TYPE_CHECKING:
    from .agreement.blocks import BuildContext, ClauseSet, ItemSection
    from .progress import Progress
    from .results import ItemResult
    from .scenario import ItemBase, Scenario


@dataclass(frozen=True)
class Instrument:
    """One item kind, as the rest of Accord sees it."""

    kind: str
    name: Bilingual
    """What the instrument is called in menus and tabs, e.g. 成本分担 / Cost sharing."""
    model: type[ItemBase]
    compute: Callable[[Scenario, Any, int, Progress], ItemResult]
    """``(scenario, item, index, progress) -> ItemResult``; a module-level function that never raises for a
    problem in the inputs (it returns error diagnostics), reports progress and stops when cancelled."""
    articles: Callable[[BuildContext, Any, ItemResult], ItemSection]
    """The item's articles and appendices of the draft agreement."""
    clauses: ClauseSet
    """The recital's plan citation and the general articles of the instrument's family of agreements."""
    workspace: str
    """``"module:Class"`` of the Qt workspace, imported only by the application."""
    presets: Mapping[str, Callable[[], Scenario]] | None = None
    """Builders of example scenarios by file stem, from the embedded data (``examples/`` holds them)."""
    fingerprint_inputs: Callable[[Scenario, Any], Mapping[str, Any]] | None = None
    """The figures an item reads besides its own fields (e.g. parties' statistics), for the fingerprint."""
    report_section: Callable[[Scenario, Any, ItemResult], Mapping[str, Any]] | None = None
    """Fields the instrument adds to its item in ``compute --json``."""
    data_vintage: Callable[[Scenario, Any, str], str] | None = None
    """Which figures (and years) the item's numbers rest on, for the PDF footer."""
    cheap: bool = True
    """Measured under 16 ms for realistic inputs: may be computed on the GUI thread."""
    blank: Callable[[str, tuple[str, ...], int], ItemBase] | None = None
    """``(item id, member party ids, amount in fen) -> item``: a new item with the instrument's plain defaults, for
    a scenario started from scratch (File ▸ New); None when the instrument cannot start that way."""


_REGISTRY: dict[str, Instrument] = {}
_builtins_loaded = False


def register(instrument: Instrument) -> Instrument:
    """Make an item kind known to every part of Accord (the built-ins register in ``instruments/``)."""
    _REGISTRY[instrument.kind] = instrument
    return instrument


def unregister(kind: str) -> None:
    """Forget an item kind (tests that register a throwaway kind clean up with this)."""
    _REGISTRY.pop(kind, None)


def _load_builtins() -> None:
    global _builtins_loaded
    if not _builtins_loaded:
        _builtins_loaded = True
        import_module("chengyu_accord.cost_sharing.instruments")


def instruments() -> tuple[Instrument, ...]:
    """Every registered instrument, built-ins first."""
    _load_builtins()
    return tuple(_REGISTRY.values())


def instrument_for(kind: str) -> Instrument:
    """The instrument of an item kind; KeyError for an unknown kind."""
    _load_builtins()
    return _REGISTRY[kind]
