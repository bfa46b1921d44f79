"""The fingerprint: one SHA-256 that proves two printouts carry the same numbers.

It hashes a canonical JSON document (sorted keys, no spaces, exact numbers as
text) of: the Accord version; the display precision; for every item, a dump of
the item without its presentation fields (title, notes, provenance notes), the
figures it reads as its instrument declares them, and every cell of every
result table — fen, exact shares and values — with the shown rounding of each
money and share cell. Names, notes, titles and article wording do not change a
number and are left out on purpose; docs/fingerprint.md lists exactly what is
covered.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from . import __version__
from .engine import compute, display_precision
from .instrument import instrument_for
from .progress import Progress
from .results import Cell, Quantity, ResultTable, ScenarioResult, shown_table
from .scenario import Scenario

FINGERPRINT_FORMAT = 2
"""2: generic result tables (every cell and its shown rounding) and every input of an item; 1: allocations only."""


def fingerprint_document(scenario: Scenario, result: ScenarioResult | None = None) -> dict[str, Any]:
    """The canonical data that the fingerprint hashes (useful to explain a mismatch)."""
    result = result if result is not None else compute(scenario)
    precision = display_precision(scenario)
    items = []
    for item, item_result in zip(scenario.items, result.items, strict=True):
        instrument = instrument_for(item.kind)
        reads = instrument.fingerprint_inputs(scenario, item) if instrument.fingerprint_inputs else {}
        items.append(
            {
                "item": item.model_dump(mode="json", exclude=set(type(item).PRESENTATION_FIELDS)),
                "reads": reads,
                "ok": item_result.ok,
                "tables": [_table_data(table, precision) for table in item_result.tables],
            }
        )
    return {
        "fingerprint_format": FINGERPRINT_FORMAT,
        "accord_version": __version__,
        "display": {"unit": scenario.display.unit, "decimals": scenario.display.decimals},
        "items": items,
    }


def _table_data(table: ResultTable, precision: Any) -> dict[str, Any]:
    shown = shown_table(table, precision)
    return {
        "key": table.key,
        "columns": [c.key for c in table.columns],
        "rows": [
            {"key": row.key, "cells": [_cell(c) for c in row.cells], "shown": [_text(v) for v in shown.cells[r]]}
            for r, row in enumerate(table.rows)
        ],
        "totals": [_text(v) for v in shown.totals],
        "row_totals": None if shown.row_totals is None else [_text(v) for v in shown.row_totals],
    }


def _cell(cell: Cell) -> Any:
    if isinstance(cell, Fraction):
        return f"{cell.numerator}/{cell.denominator}"
    if isinstance(cell, Quantity):
        return _text(cell.value)
    return cell


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def canonical_json(data: Any) -> bytes:
    """Sorted keys, no insignificant white space, UTF-8: one byte string for one value."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fingerprint(scenario: Scenario, result: ScenarioResult | None = None) -> str:
    """The SHA-256 hex digest of :func:`fingerprint_document`."""
    return hashlib.sha256(canonical_json(fingerprint_document(scenario, result))).hexdigest()


def compute_fingerprinted(scenario: Scenario, progress: Progress | None = None) -> ScenarioResult:
    """Compute the scenario and its fingerprint together, so that the worker thread does both: the fingerprint
    rounds every result table as shown (a yearly plan of 44 parties is a small integer programme), which would
    otherwise stall the window when the result arrives."""
    result = compute(scenario, progress)
    return replace(result, digest=fingerprint(scenario, result))


def short_fingerprint(digest: str) -> str:
    """The first 16 hex digits in groups of four, as printed in page footers."""
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))
