"""Exact money: splits add up to the fen and at every display precision."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.money import (
    DisplayPrecision,
    MoneyError,
    Unit,
    capital_amount,
    fen_to_yuan_str,
    format_amount,
    largest_remainder,
    shown_split,
    split_fen,
    yuan_to_fen,
)

amounts = st.integers(min_value=0, max_value=10**16)
weights = st.lists(
    st.one_of(st.integers(min_value=0, max_value=10**9), st.decimals(min_value=0, max_value=10**6, places=4)),
    min_size=1,
    max_size=45,
).filter(lambda ws: sum(ws) > 0)
precisions = st.builds(DisplayPrecision, st.sampled_from(list(Unit)), st.integers(min_value=0, max_value=4))


@given(amounts, weights)
def test_split_sums_exactly_to_total_in_fen(total, ws):
    parts = split_fen(total, ws)
    assert sum(parts) == total
    assert all(p >= 0 for p in parts)


@given(amounts, weights)
def test_each_part_is_within_one_fen_of_its_exact_quota(total, ws):
    exact = [Fraction(w) for w in ws]
    parts = split_fen(total, ws)
    for part, weight in zip(parts, exact, strict=True):
        quota = Fraction(total) * weight / sum(exact)
        assert abs(part - quota) < 1


@given(amounts, weights, precisions)
def test_shown_parts_add_up_to_shown_total_at_every_precision(total, ws, precision):
    parts = split_fen(total, ws)
    shown, shown_total = shown_split(parts, precision)
    assert sum(shown) == shown_total
    exact_total = Fraction(total, precision.unit.value)
    step = Fraction(1, 10**precision.decimals)
    assert abs(Fraction(shown_total) - exact_total) <= step / 2
    for value, part in zip(shown, parts, strict=True):
        assert abs(Fraction(value) - Fraction(part, precision.unit.value)) < step


@given(st.lists(st.integers(min_value=-(10**12), max_value=10**12), min_size=1, max_size=30), precisions)
def test_shown_split_also_holds_for_signed_amounts(parts, precision):
    shown, shown_total = shown_split(parts, precision)
    assert sum(shown) == shown_total


def test_equal_weights_give_remainder_to_earlier_parties():
    assert split_fen(100, [1, 1, 1]) == [34, 33, 33]


def test_zero_weight_pays_nothing():
    assert split_fen(1001, [0, 1, 1]) == [0, 501, 500]


def test_rounding_in_wan_yuan_keeps_the_total():
    # three parts of 1/3 each of 100万元: naive rounding shows 33.33 ×3 = 99.99 against 100.00
    parts = split_fen(100 * 10_000 * 100, [1, 1, 1])
    shown, total = shown_split(parts, DisplayPrecision(Unit.WAN_YUAN, 2))
    assert total == Decimal("100.00")
    assert sum(shown) == total
    assert sorted(shown) == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]


def test_refuses_negative_and_all_zero_weights():
    with pytest.raises(MoneyError):
        split_fen(100, [1, -1])
    with pytest.raises(MoneyError):
        split_fen(100, [0, 0])
    with pytest.raises(MoneyError):
        split_fen(100, [])


def test_largest_remainder_refuses_an_unreachable_target():
    with pytest.raises(MoneyError):
        largest_remainder([Fraction(1, 2), Fraction(1, 2)], 5)


@pytest.mark.parametrize(
    ("text", "fen"),
    [("692.73", 69273), ("0.01", 1), ("1,000", 100000), (" 12 ", 1200), (5, 500), ("-3.5", -350)],
)
def test_yuan_to_fen(text, fen):
    assert yuan_to_fen(text) == fen


@pytest.mark.parametrize("bad", ["0.001", "abc", "NaN", "Infinity", 1.5, True])
def test_yuan_to_fen_refuses_inexact_or_non_numbers(bad):
    with pytest.raises(MoneyError):
        yuan_to_fen(bad)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_fen_to_yuan_round_trips(fen):
    assert yuan_to_fen(fen_to_yuan_str(fen)) == fen


def test_format_amount_in_each_unit():
    fen = 69_273_000_000_00  # 692.73亿元
    assert format_amount(fen, DisplayPrecision(Unit.YI_YUAN, 2)) == "692.73亿元"
    assert format_amount(fen, DisplayPrecision(Unit.WAN_YUAN, 2)) == "6,927,300.00万元"
    assert format_amount(12345, DisplayPrecision(Unit.YUAN, 2)) == "123.45元"
    assert format_amount(Decimal("33.34"), DisplayPrecision(Unit.WAN_YUAN, 2), lang="en") == "33.34 10k yuan"


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "零元整"),
        (100, "壹元整"),
        (12345, "壹佰贰拾叁元肆角伍分"),
        (1_000_000_00, "壹佰万元整"),
        (10_000_000_00, "壹仟万元整"),
        (1_000_100_00, "壹佰万零壹佰元整"),
        (10_005_00, "壹万零伍元整"),
        (69_273_000_000_00, "陆佰玖拾贰亿柒仟叁佰万元整"),
        (105, "壹元零伍分"),
        (50, "伍角整"),
        (1_0000_0001_00, "壹亿零壹元整"),
    ],
)
def test_capital_amounts(fen, text):
    assert capital_amount(fen) == text
