"""Yearly tax projections: typed in per year, or grown from a base year at a rate per tax.

A grown projection compounds exactly and rounds each year's amount once, half up to the fen, from the exact
value — never from the previous year's rounded figure — so a long projection does not drift. Amounts are
whole fen; rates are exact decimals (−0.05 for a 5 % fall; above −100 %).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from chengyu_accord.cost_sharing.money import round_half_up

from .rules import TAXES, Number, TaxRuleError, exact

MAX_YEARS = 50
"""A projection of up to fifty years (agreements run for three to ten)."""


def grown(base_fen: int, rate: Number, years: int) -> list[int]:
    """``base_fen`` in the base year, then ``years − 1`` years each ``1 + rate`` times the last, to the fen."""
    r = exact(rate)
    if r <= -1:
        raise TaxRuleError(f"a growth rate of {r} is not above −100 %")
    if not 1 <= years <= MAX_YEARS:
        raise TaxRuleError(f"a projection runs for 1 to {MAX_YEARS} years, not {years}")
    factor = 1 + r
    return [round_half_up(Fraction(base_fen) * factor**t) for t in range(years)]


def projection(
    start_year: int, base_fen: Mapping[str, int], rates: Mapping[str, Number], years: int
) -> dict[int, dict[str, int]]:
    """Year → tax → fen: every tax of ``base_fen`` grown at its rate (0 when none is given) from ``start_year``."""
    unknown = [t for t in (*base_fen, *rates) if t not in TAXES]
    if unknown:
        raise TaxRuleError(f"unknown taxes {sorted(set(unknown))}: the taxes are {', '.join(TAXES)}")
    columns = {tax: grown(amount, rates.get(tax, 0), years) for tax, amount in base_fen.items()}
    return {start_year + t: {tax: column[t] for tax, column in columns.items()} for t in range(years)}


def totals(by_year: Mapping[int, Mapping[str, int]], taxes: Sequence[str] | None = None) -> dict[int, int]:
    """Year → the sum of ``taxes`` (all when None) that year."""
    return {
        year: sum(amount for tax, amount in row.items() if taxes is None or tax in taxes)
        for year, row in by_year.items()
    }
