"""Payment schedule of a project's capital and operating cost: annuity, net present value, payments by year.

Everything is exact: the rate is read from its decimal text as a ``Fraction`` (``0.04`` is exactly 1/25), the
annuity factor ``r / (1 − (1 + r)^−T)`` and the discount factors ``(1 + r)^−t`` are exact fractions, and money is
rounded to fen only at the end, by largest remainder, so that every column and every year adds up.

Conventions: year index t = 1 is the project's ``start_year``; the capital share is paid as an annuity in years
1..T (T = ``term_years``, r = ``discount_rate``; r = 0 gives capital / T); the operating cost is paid in years
1..L (L = ``life_years``); a payment in year t is discounted by (1 + r)^t in the net present value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ...money import largest_remainder, round_half_up


def rate_from_text(text: str) -> Fraction:
    """An exact rate from its decimal text: ``"0.04"`` → 1/25 (never through a float)."""
    return Fraction(Decimal(text))


def annuity_factor(rate: Fraction, term_years: int) -> Fraction:
    """The level payment per unit of capital over ``term_years`` at ``rate``: r / (1 − (1 + r)^−T); 1/T at r = 0."""
    if term_years < 1:
        raise ValueError("the term must be at least one year")
    if rate < 0:
        raise ValueError("the rate must not be negative")
    if rate == 0:
        return Fraction(1, term_years)
    growth = (1 + rate) ** term_years
    return rate * growth / (growth - 1)


def annuity(capital: Fraction | int, rate: Fraction, term_years: int) -> Fraction:
    """The exact annual payment that repays ``capital`` in ``term_years`` at ``rate``."""
    return Fraction(capital) * annuity_factor(rate, term_years)


def present_value_factor(rate: Fraction, years: int) -> Fraction:
    """Σ_{t=1..years} (1 + r)^−t: the present value of 1 paid at the end of each of ``years`` years."""
    if years <= 0:
        return Fraction(0)
    if rate == 0:
        return Fraction(years)
    return (1 - (1 + rate) ** -years) / rate


def npv(
    annual_capital: Fraction | int, annual_operating: Fraction | int, rate: Fraction, term: int, life: int
) -> Fraction:
    """Present value of an annuity paid in years 1..``term`` plus an operating cost paid in years 1..``life``."""
    return Fraction(annual_capital) * present_value_factor(rate, term) + Fraction(annual_operating) * (
        present_value_factor(rate, life)
    )


def split_exact(quotas: Sequence[Fraction]) -> list[int]:
    """Fen amounts for exact quotas, adding up to their exact total rounded half up (largest remainder)."""
    if not quotas:
        return []
    return largest_remainder(list(quotas), round_half_up(sum(quotas, Fraction(0))))


@dataclass(frozen=True)
class Schedule:
    """Each party's capital share, annuity, operating share and NPV (fen, rounded; ``*_exact`` unrounded)."""

    capital: tuple[int, ...]
    annual_capital: tuple[int, ...]
    annual_capital_exact: tuple[Fraction, ...]
    annual_operating: tuple[int, ...]
    annual_operating_exact: tuple[Fraction, ...]
    npv: tuple[int, ...]
    npv_exact: tuple[Fraction, ...]
    rate: Fraction
    term_years: int
    life_years: int
    start_year: int

    @property
    def span(self) -> int:
        """Years with a payment: the longer of the term and the life."""
        return max(self.term_years, self.life_years)

    def years(self) -> list[tuple[int, tuple[int, ...]]]:
        """(calendar year, each party's payment in fen) for every year with a payment.

        A party's payment in year t is its rounded annuity (t ≤ T) plus its rounded operating share (t ≤ L), so
        each year adds up to that year's total in fen and each party's years add up to T·annuity + L·operating.
        """
        rows = []
        for t in range(1, self.span + 1):
            cells = tuple(
                (a if t <= self.term_years else 0) + (o if t <= self.life_years else 0)
                for a, o in zip(self.annual_capital, self.annual_operating, strict=True)
            )
            rows.append((self.start_year + t - 1, cells))
        return rows


def build_schedule(
    capital_fen: Sequence[int],
    shares: Sequence[Fraction],
    operating_fen_per_year: int,
    rate: Fraction,
    term_years: int,
    life_years: int,
    start_year: int,
) -> Schedule:
    """The schedule of parties paying ``capital_fen`` (their agreed amounts) and the operating cost in ``shares``.

    ``shares`` are the exact agreed proportions (adding up to 1). The annuities are exact per party and rounded
    by largest remainder to the rounded total annuity; the operating shares to the operating cost; the NPVs to
    the rounded total NPV of the rounded payments.
    """
    factor = annuity_factor(rate, term_years)
    annual_exact = tuple(Fraction(c) * factor for c in capital_fen)
    annual = tuple(split_exact(annual_exact))
    operating_exact = tuple(operating_fen_per_year * Fraction(s) for s in shares)
    operating = tuple(largest_remainder(list(operating_exact), operating_fen_per_year)) if shares else ()
    capital_pv = present_value_factor(rate, term_years)
    operating_pv = present_value_factor(rate, life_years)
    npv_exact = tuple(a * capital_pv + o * operating_pv for a, o in zip(annual, operating, strict=True))
    return Schedule(
        capital=tuple(capital_fen),
        annual_capital=annual,
        annual_capital_exact=annual_exact,
        annual_operating=operating,
        annual_operating_exact=operating_exact,
        npv=tuple(split_exact(npv_exact)),
        npv_exact=npv_exact,
        rate=rate,
        term_years=term_years,
        life_years=life_years,
        start_year=start_year,
    )
