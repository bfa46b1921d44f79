"""The stable JSON document printed by ``chengyu compute --json``.

Documented in docs/compute-json.md. Every item carries its result tables
generically (``tables``: columns, rows, each cell exact and as shown, totals),
plus the fields its instrument adds; amounts are exact decimal strings in 元
plus integer fen, and the shown numbers are the one rounding every screen and
printout uses.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from . import __version__
from .engine import compute, display_precision
from .fingerprint import fingerprint
from .instrument import instrument_for
from .money import DisplayPrecision, fen_to_yuan_str
from .results import Quantity, ResultTable, ScenarioResult, shown_table
from .scenario import Scenario

REPORT_FORMAT = 1
SHARE_PLACES = Decimal("1e-10")


def compute_document(scenario: Scenario, result: ScenarioResult | None = None) -> dict[str, Any]:
    """Every item's result tables, the fields its instrument adds, and its diagnostics."""
    result = result if result is not None else compute(scenario)
    precision = display_precision(scenario)
    items = []
    for index, (item, item_result) in enumerate(zip(scenario.items, result.items, strict=True)):
        instrument = instrument_for(item.kind)
        entry: dict[str, Any] = {"id": item.id, "kind": item.kind, "title": item.title, "ok": item_result.ok}
        if instrument.report_section is not None:
            entry.update(instrument.report_section(scenario, item, item_result))
        entry["tables"] = [table_document(table, precision) for table in item_result.tables]
        entry["diagnostics"] = [
            {
                "level": d.level,
                "code": d.code,
                "field": d.target.path(index),
                "message_zh": d.message_zh,
                "message_en": d.message_en,
            }
            for d in item_result.diagnostics
        ]
        items.append(entry)
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


def table_document(table: ResultTable, precision: DisplayPrecision) -> dict[str, Any]:
    """A result table with each cell exact and as shown, and the shown totals."""
    shown = shown_table(table, precision)
    columns = [
        {
            "key": c.key,
            "measure": c.measure,
            "label_zh": c.label.zh,
            "label_en": c.label.en,
            **({"unit_zh": c.unit.zh, "unit_en": c.unit.en} if c.unit else {}),
        }
        for c in table.columns
    ]
    rows = []
    for r, row in enumerate(table.rows):
        cells = [_cell(cell, shown.cells[r][c]) for c, cell in enumerate(row.cells)]
        entry: dict[str, Any] = {"key": row.key, "label_zh": row.label.zh, "label_en": row.label.en, "cells": cells}
        if shown.row_totals is not None:
            entry["total"] = _money(table.row_total(row), shown.row_totals[r])
        rows.append(entry)
    totals: list[Any] = []
    for c, column in enumerate(table.columns):
        if column.measure == "money":
            totals.append(_money(table.column_total(column.key), shown.totals[c]))
        elif column.measure == "share":
            totals.append({"shown": None if shown.totals[c] is None else str(shown.totals[c])})
        else:
            totals.append(None)
    document: dict[str, Any] = {
        "key": table.key,
        "title_zh": table.title.zh,
        "title_en": table.title.en,
        "columns": columns,
        "rows": rows,
        "totals": totals,
    }
    if shown.row_totals is not None:
        grand = sum(table.row_total(row) for row in table.rows)
        document["grand_total"] = _money(grand, shown.grand_total)
    return document


def _money(fen: int, shown: Decimal | None) -> dict[str, Any]:
    return {"fen": fen, "yuan": fen_to_yuan_str(fen), "shown": None if shown is None else str(shown)}


def _cell(cell: Any, shown: Decimal | None) -> Any:
    if cell is None:
        return None
    if isinstance(cell, Fraction):
        exact = Decimal(cell.numerator) / Decimal(cell.denominator)
        return {
            "exact": f"{cell.numerator}/{cell.denominator}",
            "value": str(exact.quantize(SHARE_PLACES)),
            "shown": str(shown),
        }
    if isinstance(cell, Quantity):
        return {"value": str(cell.value), **({"tag": cell.tag} if cell.tag else {})}
    return _money(cell, shown)
