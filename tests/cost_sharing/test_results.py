"""The one shown rounding: every shown table adds up as printed, down its columns and across its rows."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.bilingual import Bilingual
from chengyu_accord.cost_sharing.money import DisplayPrecision, Unit
from chengyu_accord.cost_sharing.results import Column, ResultTable, Row, shown_percentages, shown_table

PRECISIONS = st.builds(DisplayPrecision, st.sampled_from(list(Unit)), st.integers(0, 4))


def money_table(matrix: list[list[int]], row_totals: bool) -> ResultTable:
    columns = tuple(Column(f"c{c}", Bilingual(f"列{c}", f"col {c}"), "money") for c in range(len(matrix[0])))
    rows = tuple(Row(f"r{r}", Bilingual(f"行{r}", f"row {r}"), tuple(cells)) for r, cells in enumerate(matrix))
    return ResultTable("t", Bilingual("表", "table"), columns, rows, row_totals)


matrices = st.integers(1, 6).flatmap(
    lambda cols: st.lists(
        st.lists(st.integers(-(10**12), 10**13), min_size=cols, max_size=cols), min_size=1, max_size=8
    )
)


@settings(max_examples=150, deadline=None)
@given(matrices, PRECISIONS)
def test_rows_and_columns_add_up_as_shown(matrix, precision):
    shown = shown_table(money_table(matrix, row_totals=True), precision)
    step = Fraction(1, 10**precision.decimals)  # one shown digit, in the display unit
    for r, row in enumerate(shown.cells):
        assert sum(row, Decimal(0)) == shown.row_totals[r]
        for c, value in enumerate(row):  # each shown cell is its exact value rounded down or up, never further
            assert abs(Fraction(value) - Fraction(matrix[r][c], precision.unit.value)) < step
    for c in range(len(matrix[0])):
        assert sum((row[c] for row in shown.cells), Decimal(0)) == shown.totals[c]
    assert sum(shown.row_totals, Decimal(0)) == shown.grand_total
    assert sum(shown.totals, Decimal(0)) == shown.grand_total


@settings(max_examples=150, deadline=None)
@given(matrices, PRECISIONS)
def test_each_column_alone_adds_up_to_its_shown_total(matrix, precision):
    shown = shown_table(money_table(matrix, row_totals=False), precision)
    for c in range(len(matrix[0])):
        assert sum((row[c] for row in shown.cells), Decimal(0)) == shown.totals[c]


@given(st.lists(st.integers(1, 10**6), min_size=1, max_size=44))
def test_shares_of_a_whole_show_as_percentages_adding_up_to_100(weights):
    total = sum(weights)
    percents = shown_percentages([Fraction(w, total) for w in weights])
    assert sum(percents, Decimal(0)) == Decimal("100.00")


def test_three_equal_shares_are_34_33_33():
    assert shown_percentages([Fraction(1, 3)] * 3) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
