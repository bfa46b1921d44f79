"""The result of an item: diagnostics plus tables of exact amounts, and their one shown rounding.

Every instrument returns its numbers as :class:`ResultTable` s — rows are parties
(or sections, members), columns are methods, periods or tax types — whose money
cells are integer fen. Totals are exact sums. :func:`shown_table` rounds a table
once, for display, at the scenario's precision: each money column by largest
remainder so that its shown cells add up to its shown total; a table with row
totals by *controlled rounding*, so that rows and columns both add up; share
columns to percentages that add up to 100. The table model on screen, the chart,
the PDF, the DOCX and ``compute --json`` all print this one rounding, so no two
of them can disagree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal, NamedTuple

from .bilingual import Bilingual
from .diagnostics import SEVERITY, Diagnostic, Level
from .money import DisplayPrecision, format_amount, largest_remainder, round_half_up, shown_split

Measure = Literal["money", "share", "value"]
"""``money``: integer fen, summed. ``share``: an exact fraction of the whole, shown in percent adding up to
100. ``value``: an exact quantity that is read, not summed (a figure, a weight, a rate)."""
SHARE_DECIMALS = 2


@dataclass(frozen=True)
class Column:
    """A column of a result table."""

    key: str
    label: Bilingual
    measure: Measure
    unit: Bilingual | None = None
    """The unit of a value column (万人, km²); money columns are in the scenario's display unit."""


class Quantity(NamedTuple):
    """An exact value cell, with the provenance of the figure it shows (when it is one).

    A named tuple, not a frozen dataclass: as immutable, and made three times faster — a basin's recompute makes
    thousands of them (docs/performance.md)."""

    value: Decimal
    tag: str = ""
    year: int | None = None
    source: str = ""


Cell = int | Fraction | Quantity | None
"""money → int fen; share → Fraction; value → Quantity, or None where a value is missing (never zero)."""


class Row(NamedTuple):
    """One row: a party, a section or a member, with its cells in column order (a named tuple, as
    :class:`Quantity`)."""

    key: str
    label: Bilingual
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class CellNote:
    """A flag on one cell of a result table: its row and column keys, a level and what it means."""

    row: str
    column: str
    level: Level
    message: Bilingual


@dataclass(frozen=True)
class ResultTable:
    """A table of exact results; ``row_totals`` adds a total column over the money columns."""

    key: str
    title: Bilingual
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    row_totals: bool = False
    notes: tuple[CellNote, ...] = ()
    """Flags on single cells (an amount above a party's stand-alone cost, say), shown in colour with the message."""
    emphasis: str = ""
    """The key of a column that stands out among its peers (the split an agreement adopts), or ""."""

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row.cells) != len(self.columns):
                raise ValueError(f"row '{row.key}' of table '{self.key}' has {len(row.cells)} cells")
            for column, cell in zip(self.columns, row.cells, strict=True):
                if column.measure == "money" and (isinstance(cell, bool) or not isinstance(cell, int)):
                    raise ValueError(f"money cell '{row.key}'/'{column.key}' must be whole fen")

    def note_at(self, row_key: str, column_key: str) -> tuple[CellNote, ...]:
        """The flags on one cell, most severe first."""
        found = [n for n in self.notes if n.row == row_key and n.column == column_key]
        return tuple(sorted(found, key=lambda n: SEVERITY[n.level]))

    def column_index(self, key: str) -> int:
        for index, column in enumerate(self.columns):
            if column.key == key:
                return index
        raise KeyError(f"table '{self.key}' has no column '{key}'")

    def column_cells(self, key: str) -> list[Cell]:
        index = self.column_index(key)
        return [row.cells[index] for row in self.rows]

    def fen(self, key: str) -> dict[str, int]:
        """A money column by row key."""
        index = self.column_index(key)
        return {row.key: row.cells[index] for row in self.rows}  # type: ignore[misc]

    def column_total(self, key: str) -> int:
        """The exact sum of a money column, in fen."""
        return sum(self.fen(key).values())

    @property
    def money_columns(self) -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(self.columns) if c.measure == "money")

    def row_total(self, row: Row) -> int:
        return sum(row.cells[i] for i in self.money_columns)  # type: ignore[misc]


@dataclass(frozen=True)
class ItemResult:
    """The outcome of one item: its result tables, or diagnostics saying why there are none."""

    item_id: str
    kind: str
    tables: tuple[ResultTable, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(d.level == "error" for d in self.diagnostics)

    def table(self, key: str | None = None) -> ResultTable:
        """The table named ``key``, or the first (main) table."""
        for table in self.tables:
            if key is None or table.key == key:
                return table
        raise KeyError(f"item '{self.item_id}' has no result table '{key}'")


@dataclass(frozen=True)
class ScenarioResult:
    """The results of every item of a scenario, in item order."""

    items: tuple[ItemResult, ...] = field(default_factory=tuple)
    digest: str = ""
    """The fingerprint of the scenario with these results, when it was computed with them
    (:func:`~chengyu_accord.cost_sharing.fingerprint.compute_fingerprinted`, off the GUI thread); "" otherwise."""

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.items)

    def item(self, item_id: str) -> ItemResult:
        for result in self.items:
            if result.item_id == item_id:
                return result
        raise KeyError(item_id)


# --- the one shown rounding ----------------------------------------------------------------------


@dataclass(frozen=True)
class ShownTable:
    """A result table as shown: money in the display unit, shares in percent, all adding up as printed.

    ``cells[r][c]`` is a Decimal (money and share columns rounded, value columns exact) or None where a
    value is missing; ``totals[c]`` the shown column total (None for value columns); ``row_totals`` the
    shown total of each row when the table has them, and ``grand_total`` their sum.
    """

    table: ResultTable
    precision: DisplayPrecision
    cells: tuple[tuple[Decimal | None, ...], ...]
    totals: tuple[Decimal | None, ...]
    row_totals: tuple[Decimal, ...] | None = None
    grand_total: Decimal | None = None


def shown_table(table: ResultTable, precision: DisplayPrecision, share_decimals: int = SHARE_DECIMALS) -> ShownTable:
    """Round ``table`` once for display (see the module docstring)."""
    rows, cols = len(table.rows), len(table.columns)
    cells: list[list[Decimal | None]] = [[None] * cols for _ in range(rows)]
    totals: list[Decimal | None] = [None] * cols
    money = table.money_columns
    row_totals: tuple[Decimal, ...] | None = None
    grand: Decimal | None = None
    if table.row_totals and len(money) > 1 and rows:
        matrix = [[row.cells[c] for c in money] for row in table.rows]
        shown_cells, shown_rows, shown_cols, grand = controlled_rounding(matrix, precision)  # type: ignore[arg-type]
        for r in range(rows):
            for position, c in enumerate(money):
                cells[r][c] = shown_cells[r][position]
        for position, c in enumerate(money):
            totals[c] = shown_cols[position]
        row_totals = tuple(shown_rows)
    else:
        for c in money:
            parts, total = shown_split([row.cells[c] for row in table.rows], precision)  # type: ignore[misc]
            for r, part in enumerate(parts):
                cells[r][c] = part
            totals[c] = total
        if table.row_totals and money:
            row_totals = tuple(cells[r][money[0]] for r in range(rows))  # type: ignore[misc]
            grand = totals[money[0]]
    for c, column in enumerate(table.columns):
        if column.measure == "share":
            values = [row.cells[c] for row in table.rows]
            percents = shown_percentages(values, share_decimals)  # type: ignore[arg-type]
            for r, value in enumerate(percents):
                cells[r][c] = value
            known = [p for p in percents if p is not None]
            totals[c] = sum(known, Decimal(0)).quantize(Decimal(1).scaleb(-share_decimals)) if known else None
        elif column.measure == "value":
            for r, row in enumerate(table.rows):
                cell = row.cells[c]
                cells[r][c] = cell.value if isinstance(cell, Quantity) else None
    return ShownTable(table, precision, tuple(tuple(r) for r in cells), tuple(totals), row_totals, grand)


def shown_percentages(shares: Sequence[Fraction | None], decimals: int = SHARE_DECIMALS) -> list[Decimal | None]:
    """Shares as percentages at ``decimals`` places; shares that make a whole add up to exactly 100."""
    quantum = Decimal(1).scaleb(-decimals)
    scale = 10 ** (decimals + 2)
    known = [s for s in shares if s is not None]
    if known and sum(known) == 1 and len(known) == len(shares):
        steps = largest_remainder([s * scale for s in known], scale)
        return [(Decimal(n) * quantum).quantize(quantum) for n in steps]
    return [None if s is None else (Decimal(round_half_up(s * scale)) * quantum).quantize(quantum) for s in shares]


def controlled_rounding(
    matrix: Sequence[Sequence[int]], precision: DisplayPrecision
) -> tuple[list[list[Decimal]], list[Decimal], list[Decimal], Decimal]:
    """Round a fen matrix, its row totals, column totals and grand total to ``precision`` so that all add up.

    Each shown number is its exact value rounded down or up to the next display step; the grand total is
    rounded half up. Such a rounding always exists (the rounding problem is a transportation problem with
    integral bounds); it is found as a small integer program with HiGHS, preferring to round up the
    largest remainders, as largest-remainder rounding does in one dimension.
    """
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    step = precision.step_fen
    rows, cols = len(matrix), len(matrix[0]) if matrix else 0
    cell_q = [[Fraction(v) / step for v in row] for row in matrix]  # exact quotas, in display steps
    row_q = [sum(r, Fraction(0)) for r in cell_q]
    col_q = [sum((cell_q[r][c] for r in range(rows)), Fraction(0)) for c in range(cols)]
    grand_q = sum(row_q, Fraction(0))
    grand = round_half_up(grand_q)
    quotas = [q for r in cell_q for q in r] + row_q + col_q
    n_cells = rows * cols
    lower = np.array([math.floor(q) for q in quotas], dtype=float)
    upper = np.array([math.ceil(q) for q in quotas], dtype=float)
    # prefer rounding up large remainders; a tiny positional term makes ties deterministic
    remainders = [float(q - math.floor(q)) for q in quotas]
    cost = np.array([-(r + 1e-9 * (len(quotas) - i)) for i, r in enumerate(remainders)])
    size = len(quotas)
    a = np.zeros((rows + cols + 1, size))
    for r in range(rows):  # each row's cells add up to its row total
        for c in range(cols):
            a[r, r * cols + c] = 1
            a[rows + c, r * cols + c] = 1  # and each column's to its column total
        a[r, n_cells + r] = -1
        a[rows + cols, n_cells + r] = 1  # the row totals add up to the grand total
    for c in range(cols):
        a[rows + c, n_cells + rows + c] = -1
    target = np.zeros(rows + cols + 1)
    target[rows + cols] = grand
    solution = milp(
        cost,
        constraints=LinearConstraint(a, target, target),
        bounds=Bounds(lower, upper),
        integrality=np.ones(size),
    )
    if not solution.success:  # cannot happen for consistent input; fall back to the one-dimensional rule
        raise ArithmeticError(f"controlled rounding failed: {solution.message}")
    values = [round(v) for v in solution.x]
    scale = Decimal(1).scaleb(-precision.decimals)

    def shown(n: int) -> Decimal:
        return (Decimal(n) * scale).quantize(scale)

    cells = [[shown(values[r * cols + c]) for c in range(cols)] for r in range(rows)]
    return (
        cells,
        [shown(values[n_cells + r]) for r in range(rows)],
        [shown(values[n_cells + rows + c]) for c in range(cols)],
        shown(grand),
    )


def format_value(value: Decimal) -> str:
    """An exact quantity digit-grouped, its decimals kept as given: 20,817.5."""
    exponent = value.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return f"{value:,.{places}f}"


def shown_text(shown: ShownTable, row: int, column: int) -> str:
    """One shown cell as the screen and every printout write it; "—" where a value is missing."""
    value = shown.cells[row][column]
    return "—" if value is None else _text(shown, column, value)


def shown_total_text(shown: ShownTable, column: int) -> str:
    """A column's shown total as written in total rows ("" for value columns)."""
    value = shown.totals[column]
    return "" if value is None else _text(shown, column, value)


def _text(shown: ShownTable, column: int, value: Decimal) -> str:
    measure = shown.table.columns[column].measure
    if measure == "money":
        return format_amount(value, shown.precision, with_unit=False)
    if measure == "share":
        return f"{value}%"
    return format_value(value)
