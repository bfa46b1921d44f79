"""Charts as data: the screen, the PDF and the DOCX draw the same shown numbers.

An instrument describes a chart once — which categories, which series, in
which unit — from the rounded numbers of its result tables; each renderer only
decides how to draw it. The value axis is scaled by :func:`nice_ticks`, shared
by all renderers, so the axis of a chart of 502 runs to 600, not to 1000.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from .results import ShownTable, shown_text

ChartForm = Literal["bars", "grouped_bars", "stacked_bars", "lines"]
"""``bars``: one horizontal bar per category (one series). ``grouped_bars`` / ``stacked_bars``: one
group or stack per category, one bar or segment per series. ``lines``: categories are periods along
the horizontal axis, one line per series."""


@dataclass(frozen=True)
class Series:
    """One series: a value per category, in the chart's unit, with the text printed beside it."""

    name: str
    values: tuple[Decimal, ...]
    value_labels: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    """A chart in one language, ready for any renderer."""

    key: str
    form: ChartForm
    title: str
    unit: str
    """The unit of the value axis as printed, e.g. 万元."""
    categories: tuple[str, ...]
    series: tuple[Series, ...]

    def texts(self) -> tuple[str, ...]:
        """Every string a renderer may print, for glyph checks."""
        return (
            self.title,
            self.unit,
            *self.categories,
            *(s.name for s in self.series),
            *(label for s in self.series for label in s.value_labels),
        )

    def value_range(self) -> tuple[Decimal, Decimal]:
        """The smallest and largest value the axis must show (stacks add up; zero is always included)."""
        if not self.series or not self.categories:
            return Decimal(0), Decimal(0)
        if self.form == "stacked_bars":
            sums = [
                sum((s.values[i] for s in self.series if s.values[i] > 0), Decimal(0))
                for i in range(len(self.categories))
            ]
            lows = [
                sum((s.values[i] for s in self.series if s.values[i] < 0), Decimal(0))
                for i in range(len(self.categories))
            ]
            return min([Decimal(0), *lows]), max([Decimal(0), *sums])
        values = [v for s in self.series for v in s.values]
        return min([Decimal(0), *values]), max([Decimal(0), *values])


def nice_ticks(low: Decimal | float, high: Decimal | float, count: int = 5) -> list[Decimal]:
    """Evenly spaced round tick values (1, 2 or 5 × 10ⁿ apart) from at or below ``low`` to at or above ``high``.

    The last tick is the axis end: the data's maximum plus at most one step.
    """
    low, high = Decimal(str(low)), Decimal(str(high))
    if high < low:
        low, high = high, low
    span = high - low
    if span == 0:
        span = abs(high) or Decimal(1)
    raw = span / max(count, 1)
    exponent = raw.adjusted()
    step = Decimal(10) ** exponent
    for factor in (1, 2, 5, 10):
        if Decimal(factor) * step >= raw:
            step = Decimal(factor) * step
            break
    start = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    stop = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    if stop == start:
        stop = start + step
    ticks = []
    value = start
    while value <= stop:
        ticks.append(value)
        value += step
    return ticks


def chart_of_table(shown: ShownTable, columns: tuple[str, ...], *, lang: str, key: str, title: str, unit: str) -> Chart:
    """The chart feed: money columns of a shown table as bars (one column) or grouped bars (several).

    Screen and paper both build their chart here, from the same shown numbers.
    """
    table = shown.table
    indexes = [table.column_index(k) for k in columns]
    series = tuple(
        Series(
            table.columns[c].label.get(lang),
            tuple(shown.cells[r][c] or Decimal(0) for r in range(len(table.rows))),
            tuple(shown_text(shown, r, c) for r in range(len(table.rows))),
        )
        for c in indexes
    )
    return Chart(
        key=key,
        form="bars" if len(series) == 1 else "grouped_bars",
        title=title,
        unit=unit,
        categories=tuple(row.label.get(lang) for row in table.rows),
        series=series,
    )
