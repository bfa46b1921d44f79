"""The tax-split rules against the brief's worked examples (E1, E3a, E6, E8, the schedule and equity examples)
and the capped-sharing edge cases derived from 财预〔2015〕92号; every split adds up exactly (issue 12)."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.instruments.tax_split import rules

WAN = 10_000 * 100
"""One 万元 in fen."""


def test_e1_central_and_local_shares():
    taxes = {
        "vat": 1000 * WAN,
        "cit": 400 * WAN,
        "iit": 100 * WAN,
        "urban_construction": 70 * WAN,
        "property": 30 * WAN,
        "land_use": 20 * WAN,
        "stamp": 5 * WAN,
    }
    split = rules.central_local(taxes)
    assert split.central_total == 800 * WAN
    assert split.local_total == 825 * WAN
    assert split.local["vat"] == 500 * WAN
    assert split.local["cit"] == 160 * WAN
    assert split.local["iit"] == 40 * WAN


def test_the_centrally_taxed_enterprises_keep_no_local_cit():
    split = rules.central_local({"cit": 400 * WAN, "vat": 100 * WAN}, centrally_taxed=True)
    assert split.local == {"cit": 0, "vat": 50 * WAN}


@given(st.dictionaries(st.sampled_from(rules.TAXES), st.integers(0, 10**15)))
def test_central_and_local_add_up_to_each_tax_to_the_fen(taxes):
    split = rules.central_local(taxes)
    assert all(split.central[t] + split.local[t] == amount for t, amount in taxes.items())


def test_e8_vat_refund_burden():
    burden = rules.vat_refund_burden(1000 * WAN, "0.05")
    assert burden.central_fen == 500 * WAN
    assert burden.own_place_fen == Fraction("167.5") * WAN


def test_e3a_head_office_and_branches():
    branches = {
        "chongqing": {"revenue": 6000, "payroll": 1000, "assets": 4000},
        "shaanxi": {"revenue": 4000, "payroll": 1500, "assets": 6000},
    }
    assert rules.branch_ratios(branches) == {"chongqing": Fraction("0.47"), "shaanxi": Fraction("0.53")}
    cit = rules.consolidated_cit(1000 * WAN, "sichuan", branches)
    assert (cit.head_office_local_fen, cit.head_office_pool_fen) == (250 * WAN, 250 * WAN)
    assert cit.branch_fen == {"chongqing": 235 * WAN, "shaanxi": 265 * WAN}
    assert cit.central_fen == 600 * WAN
    assert cit.local_fen == {"sichuan": 100 * WAN, "chongqing": 94 * WAN, "shaanxi": 106 * WAN}
    assert cit.pooled_local_fen == 100 * WAN


@pytest.mark.parametrize(
    ("formula", "expected"), [("uditpa", 3_000_000), ("double_sales", 3_250_000), ("single_sales", 4_000_000)]
)
def test_e6_us_formulas(formula, expected):
    factors = {
        "in_state": {"property": 20, "payroll": 30, "sales": 40},
        "elsewhere": {"property": 80, "payroll": 70, "sales": 60},
    }
    dollars = rules.apportion(10_000_000 * 100, factors, rules.FORMULAS[formula])
    assert dollars["in_state"] == expected * 100
    assert sum(dollars.values()) == 10_000_000 * 100


def test_ccctb_weighs_sales_labour_and_assets_equally_with_labour_half_headcount():
    factors = {
        "a": {"sales": 1, "payroll": 1, "employees": 3, "assets": 1},
        "b": {"sales": 1, "payroll": 3, "employees": 1, "assets": 3},
    }
    shares = rules.factor_shares(factors, rules.FORMULAS["ccctb"])
    assert shares["a"] == Fraction(1, 3) * Fraction(1, 2) + Fraction(1, 3) * (
        Fraction(1, 2) * Fraction(1, 4) + Fraction(1, 2) * Fraction(3, 4)
    ) + Fraction(1, 3) * Fraction(1, 4)
    assert sum(shares.values()) == 1


def test_the_schedule_and_equity_examples():
    schedule = ["0.5"] * 3 + ["0.4"] * 2 + ["0.3"] * 5
    split = rules.schedule_split([1000 * WAN] * 12, schedule)
    assert [s for s, _ in split] == [w * WAN for w in (500, 500, 500, 400, 400, 300, 300, 300, 300, 300, 0, 0)]
    assert all(s + r == 1000 * WAN for s, r in split)
    assert rules.schedule_split([1000 * WAN], ["0.6"]) == [(600 * WAN, 400 * WAN)]


# --- capped relocation sharing (京津冀): the edge cases of §2.2, derived -----------------------------------------

PRE_MOVE = [2_400 * WAN, 2_000 * WAN, 2_600 * WAN]  # average 2,333万: eligible; cap 7,000万


def test_the_cap_reached_inside_a_year_gives_only_the_headroom():
    sharing = rules.capped_relocation(PRE_MOVE, [5_000 * WAN, 5_000 * WAN, 5_000 * WAN])
    assert sharing.eligible
    assert [y.sending_fen for y in sharing.years] == [2_500 * WAN, 2_500 * WAN, 2_000 * WAN]
    assert sharing.cap_reached_in == 3
    assert not sharing.subsidy_due
    assert all(y.sending_fen + y.receiving_fen == y.local_fen for y in sharing.years)


def test_the_cap_reached_early_ends_the_sharing():
    sharing = rules.capped_relocation(PRE_MOVE, [10_000 * WAN, 6_000 * WAN, 6_000 * WAN])
    assert [y.sending_fen for y in sharing.years] == [5_000 * WAN, 2_000 * WAN, 0]
    assert sharing.cap_reached_in == 2
    assert sharing.years[-1].receiving_fen == 6_000 * WAN


def test_a_cap_never_reached_extends_two_years_then_flags_the_subsidy():
    local = [2_000 * WAN] * 6
    sharing = rules.capped_relocation(PRE_MOVE, local)
    assert [y.sending_fen for y in sharing.years] == [1_000 * WAN] * 5 + [0]
    assert sharing.extended
    assert sharing.subsidy_due
    assert sharing.shortfall_fen == 2_000 * WAN


def test_the_cap_reached_in_the_extension_needs_no_subsidy():
    sharing = rules.capped_relocation(PRE_MOVE, [2_000 * WAN] * 3 + [10_000 * WAN, 6_000 * WAN])
    assert sharing.cap_reached_in == 4
    assert [y.sending_fen for y in sharing.years][3:] == [4_000 * WAN, 0]
    assert not sharing.subsidy_due


def test_just_below_the_threshold_nothing_is_shared_and_at_it_everything_is():
    below = [2_000 * WAN, 2_000 * WAN, 2_000 * WAN - 1]
    sharing = rules.capped_relocation(below, [4_000 * WAN] * 5)
    assert not sharing.eligible
    assert all(y.sending_fen == 0 for y in sharing.years)
    at = rules.capped_relocation([2_000 * WAN] * 3, [4_000 * WAN] * 5)
    assert at.eligible
    assert at.years[0].sending_fen == 2_000 * WAN


@given(
    pre=st.lists(st.integers(0, 10**12), min_size=1, max_size=3),
    local=st.lists(st.integers(-(10**11), 10**12), max_size=8),
)
def test_capped_sharing_never_exceeds_the_cap_and_each_year_adds_up(pre, local):
    sharing = rules.capped_relocation(pre, local, threshold_fen=0)
    assert all(y.sending_fen + y.receiving_fen == y.local_fen for y in sharing.years)
    assert sum(y.sending_fen for y in sharing.years) <= sharing.cap_fen
    assert all(y.sending_fen >= 0 for y in sharing.years)


# --- stock and increment (川渝高竹) -------------------------------------------------------------------------------


def test_stock_stays_and_the_increment_is_split_evenly():
    base = {"linshui": 6_000 * WAN, "yubei": 4_000 * WAN}
    actual = {"linshui": 9_000 * WAN, "yubei": 5_000 * WAN}
    assert rules.stock_increment(base, actual) == {"linshui": 8_000 * WAN, "yubei": 6_000 * WAN}


def test_a_negative_increment_is_kept_or_shared_as_chosen():
    base = {"linshui": 6_000 * WAN, "yubei": 4_000 * WAN}
    actual = {"linshui": 5_000 * WAN, "yubei": 4_000 * WAN}
    assert rules.stock_increment(base, actual, negative="keep") == actual
    assert rules.stock_increment(base, actual, negative="share") == {"linshui": 5_500 * WAN, "yubei": 3_500 * WAN}


def test_the_enterprise_based_increment_pools_the_new_enterprises():
    split = rules.enterprise_increment({"linshui": 3_000 * WAN, "yubei": 1_000 * WAN}, 2_001)
    assert split == {"linshui": 3_000 * WAN + 1_001, "yubei": 1_000 * WAN + 1_000}


@given(
    base=st.tuples(st.integers(0, 10**12), st.integers(0, 10**12)),
    actual=st.tuples(st.integers(0, 10**12), st.integers(0, 10**12)),
    negative=st.sampled_from(["keep", "share"]),
)
def test_stock_and_increment_add_up_to_the_actual_total(base, actual, negative):
    split = rules.stock_increment(
        dict(zip("ab", base, strict=True)), dict(zip("ab", actual, strict=True)), negative=negative
    )
    assert sum(split.values()) == sum(actual)


# --- present value ------------------------------------------------------------------------------------------------


def test_npv_matches_a_hand_computation():
    # 1,000 then 2,000 fen at 4 %: 1000/1.04 + 2000/1.04² = 961.538… + 1849.112… = 2810.650887573…
    value = rules.npv([1000, 2000], "0.04")
    assert value == Fraction(1000) / Fraction(104, 100) + Fraction(2000) / Fraction(104, 100) ** 2
    assert round(float(value), 6) == 2810.650888
    assert rules.npv([1000, 2000], 0) == 3000


def test_floats_and_shares_outside_zero_to_one_are_refused():
    with pytest.raises(rules.TaxRuleError, match="exact"):
        rules.npv([1], 0.04)
    with pytest.raises(rules.TaxRuleError, match="between 0 and 1"):
        rules.schedule_split([100], ["1.5"])
