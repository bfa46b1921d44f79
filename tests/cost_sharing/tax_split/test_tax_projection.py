"""Tax projections grow exactly and round once per year; typed-in and grown years add up the same way."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.instruments.tax_split import projection
from chengyu_accord.cost_sharing.instruments.tax_split.rules import TaxRuleError
from chengyu_accord.cost_sharing.money import round_half_up


def test_growth_compounds_from_the_exact_value_not_the_rounded_one():
    # 1 fen growing 50 % a year: 1, 1.5 → 2, 2.25 → 2, 3.375 → 3, 5.0625 → 5 (rounding each year's own value)
    assert projection.grown(1, "0.5", 5) == [1, 2, 2, 3, 5]


def test_a_projection_by_tax_and_its_yearly_totals():
    base = {"vat": 1_000_000, "cit": 400_000}
    table = projection.projection(2026, base, {"vat": "0.1", "cit": "-0.05"}, 3)
    assert table == {
        2026: {"vat": 1_000_000, "cit": 400_000},
        2027: {"vat": 1_100_000, "cit": 380_000},
        2028: {"vat": 1_210_000, "cit": 361_000},
    }
    assert projection.totals(table) == {2026: 1_400_000, 2027: 1_480_000, 2028: 1_571_000}
    assert projection.totals(table, ["cit"]) == {2026: 400_000, 2027: 380_000, 2028: 361_000}


@given(
    base=st.integers(0, 10**15),
    rate=st.fractions(Fraction(-99, 100), 1, max_denominator=1000),
    years=st.integers(1, 50),
)
def test_each_year_is_the_exact_compounded_value_rounded_once(base, rate, years):
    values = projection.grown(base, rate, years)
    assert values == [round_half_up(Fraction(base) * (1 + rate) ** t) for t in range(years)]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: projection.grown(100, "-1", 3), "above −100 %"),
        (lambda: projection.grown(100, "0.1", 0), "1 to 50 years"),
        (lambda: projection.projection(2026, {"vat_tax": 1}, {}, 2), "unknown taxes"),
    ],
)
def test_impossible_projections_are_refused_with_the_reason(call, message):
    with pytest.raises(TaxRuleError, match=message):
        call()
