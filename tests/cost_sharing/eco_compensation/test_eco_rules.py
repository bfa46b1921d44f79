"""The ecological-compensation rules against the brief's worked examples (shared/reference/eco-compensation.md).

Each test is named by the brief's label. Inputs the brief marks [A] are synthetic and commented as such; the
direction rules, unit standards, ratios and fund sizes are [S] unless noted.
"""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.instruments.eco_compensation.rules import (
    CHISHUI_ALLOCATIONS,
    CHISHUI_CONTRIBUTIONS,
    CHISHUI_FUND_FEN,
    CHISHUI_SECTIONS,
    EQUIVALENT_FACTORS_2003,
    FEN_PER_WAN,
    FEN_PER_YI,
    FEN_PER_YUAN,
    JIANGSU_UNIT_STANDARDS,
    XINAN_ROUNDS,
    FailureMode,
    PerTonneSection,
    PollutantReading,
    RuleError,
    Settlement,
    Trend,
    UnitStandard,
    ZonePosition,
    combine,
    combine_flows,
    ecosystem_service_value,
    equivalent_value,
    esv_increase,
    exact,
    exceedance_payment,
    expected_wtp,
    failure_fraction,
    monthly_status,
    negotiation_zone,
    opportunity_cost_income_gap,
    opportunity_cost_land_use,
    p_index,
    p_index_bet,
    p_index_break_even,
    per_tonne_break_even,
    per_tonne_month,
    per_tonne_scale_break_even,
    pooled_fund,
    settle_nets,
    to_fen,
    wtp_total,
)

FAST = settings(max_examples=30, deadline=None)
INDICATORS = ("CODMn", "NH3-N", "TP", "TN")
# [A] synthetic baselines and annual means (plausible Class I–II values, NOT the official Jiekou numbers)
XINAN_BASELINES = {"CODMn": Fraction("2.0"), "NH3-N": Fraction("0.15"), "TP": Fraction("0.030"), "TN": Fraction("1.20")}
XINAN_MEANS = {"CODMn": Fraction("1.8"), "NH3-N": Fraction("0.12"), "TP": Fraction("0.028"), "TN": Fraction("1.30")}
EQUAL = dict.fromkeys(INDICATORS, Fraction(1, 4))


def close_to(value: Fraction, shown: str) -> bool:
    """``value`` rounds to the brief's ``shown`` decimal (at the brief's number of decimals)."""
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    return abs(value - Fraction(shown)) <= Fraction(1, 2 * 10**decimals)


def assert_balanced(settlement: Settlement) -> None:
    assert sum(settlement.nets.values()) == 0
    assert all(t.amount_fen > 0 for t in settlement.transfers)


# ---------------------------------------------------------------------------------------------------------------
# 1. P-index (新安江)


def test_x1_round_1_p_and_payment():
    p = p_index(Fraction("0.85"), EQUAL, XINAN_MEANS, XINAN_BASELINES)
    assert close_to(p, "0.789792")
    assert p == Fraction(85, 100) * Fraction(1, 4) * (
        Fraction(9, 10) + Fraction(8, 10) + Fraction(28, 30) + Fraction(130, 120)
    )
    r1 = XINAN_ROUNDS[0]
    result = p_index_bet(
        p, upstream="安徽", downstream="浙江", amount_fen=r1.amount_fen, central_fen=r1.central_fen_by_year[2012],
        period="2012",
    )  # fmt: skip
    assert result.downstream_pays
    assert result.settlement.nets == {"安徽": 4 * FEN_PER_YI, "浙江": -1 * FEN_PER_YI, "中央": -3 * FEN_PER_YI}
    assert_balanced(result.settlement)


def test_x2_round_2_p_and_payment():
    r2 = XINAN_ROUNDS[1]
    p = p_index(r2.k0, r2.weights, XINAN_MEANS, XINAN_BASELINES)
    assert close_to(p, "0.826958")
    for year, central in zip(r2.years, (4, 3, 2), strict=True):
        result = p_index_bet(
            p, upstream="安徽", downstream="浙江", amount_fen=r2.amount_fen,
            central_fen=r2.central_fen_by_year[year], period=str(year),
        )  # fmt: skip
        assert result.settlement.nets["浙江"] == -2 * FEN_PER_YI
        assert result.settlement.nets["安徽"] == (2 + central) * FEN_PER_YI


def test_x5_boundary_is_inclusive_and_exact():
    ratio = 1 / Fraction("0.85")  # [A] every indicator at exactly 1/k0 of its baseline
    means = {k: XINAN_BASELINES[k] * ratio for k in INDICATORS}
    p = p_index(Fraction("0.85"), EQUAL, means, XINAN_BASELINES)
    assert p == 1
    at = p_index_bet(p, upstream="安徽", downstream="浙江", amount_fen=FEN_PER_YI, period="X5")
    assert at.downstream_pays
    assert at.settlement.transfers[0].payer == "浙江"
    above = p_index_bet(p + Fraction(1, 10**30), upstream="安徽", downstream="浙江", amount_fen=FEN_PER_YI, period="X5")
    assert not above.downstream_pays
    assert above.settlement.transfers[0].payer == "安徽"


def test_breakeven_uniform_ratio_of_the_rounds():
    expected = {Fraction("0.85"): "1.176471", Fraction("0.89"): "1.123596", Fraction("0.90"): "1.111111"}
    for r in XINAN_ROUNDS:
        be = p_index_break_even(r.k0, r.weights, XINAN_MEANS, XINAN_BASELINES)
        assert be.uniform_baseline_ratio == 1 / r.k0
        assert close_to(be.uniform_baseline_ratio, expected[r.k0])


def test_breakeven_per_indicator_puts_p_exactly_at_one():
    be = p_index_break_even(Fraction("0.85"), EQUAL, XINAN_MEANS, XINAN_BASELINES)
    assert be.common_scale == 1 / be.p
    for row in be.per_indicator:
        moved = {**XINAN_MEANS, row.indicator: row.concentration}
        assert p_index(Fraction("0.85"), EQUAL, moved, XINAN_BASELINES) == 1
        assert row.headroom == row.concentration / XINAN_MEANS[row.indicator] - 1
        assert row.headroom > 0
    zero = p_index_break_even(Fraction("0.85"), {**EQUAL, "TN": 0}, XINAN_MEANS, XINAN_BASELINES)
    assert zero.per_indicator[-1].concentration is None


def test_graded_tiers_are_data():
    tiers = [(Fraction("0.8"), 3 * FEN_PER_YI), (Fraction("0.9"), 2 * FEN_PER_YI)]  # [A] synthetic 好水好价 tiers
    grade = lambda p: p_index_bet(p, upstream="u", downstream="d", amount_fen=FEN_PER_YI, period="y", tiers=tiers)  # noqa: E731
    assert grade(Fraction("0.79")).amount_fen == 3 * FEN_PER_YI
    assert grade(Fraction("0.8")).amount_fen == 3 * FEN_PER_YI
    assert grade(Fraction("0.85")).amount_fen == 2 * FEN_PER_YI
    assert grade(Fraction("0.95")).amount_fen == FEN_PER_YI
    assert grade(Fraction("1.2")).settlement.nets == {"u": -FEN_PER_YI, "d": FEN_PER_YI}


def test_floats_are_refused():
    with pytest.raises(RuleError):
        exact(0.85)
    assert exact(Decimal("0.85")) == exact("0.85") == Fraction(17, 20)


# ---------------------------------------------------------------------------------------------------------------
# 2. Per-tonne (江苏)

FLOW = 5 * 10**7  # [A] synthetic monthly section flow, m³


def jiangsu(pollutant, measured, target):
    return PollutantReading.of(pollutant, measured, target, JIANGSU_UNIT_STANDARDS[pollutant])


@pytest.mark.parametrize(
    ("label", "pollutant", "measured", "target", "tonnes", "wan"),
    [
        ("J1", "CODMn", "6.5", "6.0", "25.0", "37.5"),
        ("J2", "NH3-N", "1.3", "1.0", "15.0", "150.0"),
        ("J3", "TP", "0.25", "0.20", "2.5", "25.0"),
        ("J4", "TP", "0.15", "0.20", "-2.5", "-25.0"),
    ],
)
def test_j1_to_j4_single_factor(label, pollutant, measured, target, tonnes, wan):
    month = per_tonne_month(
        [jiangsu(pollutant, measured, target)], FLOW, upstream="上游", downstream="下游", period=label
    )
    assert month.tonnes[pollutant] == Fraction(tonnes)
    assert month.total_fen == Fraction(wan) * FEN_PER_WAN
    payer = "上游" if Fraction(wan) > 0 else "下游"
    (transfer,) = month.settlement.transfers
    assert (transfer.payer, transfer.amount_fen) == (payer, abs(Fraction(wan)) * FEN_PER_WAN)


def test_j1_j3_section_total_and_contribution_ratios():
    readings = [jiangsu("CODMn", "6.5", "6.0"), jiangsu("NH3-N", "1.3", "1.0"), jiangsu("TP", "0.25", "0.20")]
    month = per_tonne_month(readings, FLOW, upstream="上游", downstream="下游", period="J1-J3")
    assert month.total_fen == Fraction("212.5") * FEN_PER_WAN
    # Zhenjiang 九里 ratios [S] applied to the synthetic J1–J3 month [A]
    ratios = {
        "CODMn": {"丹阳": Fraction("0.8578"), "丹徒": Fraction("0.1422")},
        "NH3-N": {"丹阳": Fraction("0.8445"), "丹徒": Fraction("0.1555")},
        "TP": {"丹阳": Fraction("0.8807"), "丹徒": Fraction("0.1193")},
    }
    split = per_tonne_month(readings, FLOW, upstream=ratios, downstream="镇江下游", period="J1-J3")
    assert sum(split.shares_fen.values()) == split.total_fen == Fraction("212.5") * FEN_PER_WAN
    danyang = 375_000 * Fraction("0.8578") + 1_500_000 * Fraction("0.8445") + 250_000 * Fraction("0.8807")
    assert split.shares_fen["丹阳"] == to_fen(danyang * FEN_PER_YUAN)
    assert split.settlement.nets["镇江下游"] == split.total_fen
    assert_balanced(split.settlement)


def test_per_tonne_breakeven_zeroes_the_month():
    readings = [jiangsu("CODMn", "6.5", "6.0"), jiangsu("TP", "0.15", "0.20")]  # [A]
    c_star = per_tonne_break_even(readings, "CODMn")
    assert c_star == Fraction(6) - (Fraction("-0.05") * 100_000 * 100) / (15_000 * 100)
    zeroed = per_tonne_month(
        [jiangsu("CODMn", c_star, "6.0"), readings[1]], FLOW, upstream="u", downstream="d", period="m"
    )
    assert zeroed.total_fen == 0
    assert zeroed.settlement.transfers == ()


def test_tiered_unit_standard():
    tiered = UnitStandard(
        30 * FEN_PER_WAN, ((Fraction("0.5"), 10 * FEN_PER_WAN), (Fraction(1), 20 * FEN_PER_WAN))
    )  # [A]
    assert tiered.at(Fraction("1.2"), Fraction(1)) == 10 * FEN_PER_WAN
    assert tiered.at(Fraction("1.8"), Fraction(1)) == 20 * FEN_PER_WAN
    assert tiered.at(Fraction("2.5"), Fraction(1)) == 30 * FEN_PER_WAN


# ---------------------------------------------------------------------------------------------------------------
# 3. Pooled fund (赤水河)


def test_c1_chishui_2019_guizhou_and_sichuan_each_pay_2000_wan_to_yunnan():
    result = pooled_fund(
        CHISHUI_FUND_FEN, CHISHUI_CONTRIBUTIONS, CHISHUI_ALLOCATIONS, sections=CHISHUI_SECTIONS, period="2019"
    )
    assert result.contributions == {"云南": 2000 * FEN_PER_WAN, "贵州": 10000 * FEN_PER_WAN, "四川": 8000 * FEN_PER_WAN}
    assert result.allocations == {"云南": 6000 * FEN_PER_WAN, "贵州": 8000 * FEN_PER_WAN, "四川": 6000 * FEN_PER_WAN}
    assert result.nets == {"云南": 4000 * FEN_PER_WAN, "贵州": -2000 * FEN_PER_WAN, "四川": -2000 * FEN_PER_WAN}
    assert {(t.payer, t.payee, t.amount_fen) for t in result.settlement.transfers} == {
        ("贵州", "云南", 2000 * FEN_PER_WAN),
        ("四川", "云南", 2000 * FEN_PER_WAN),
    }


def test_c2_partial_failure_in_proportion_to_months():
    f = failure_fraction(FailureMode.MONTHS, failed_months=3, assessed_months=12)  # [A] 3 of 12 months fail
    assert f == Fraction(1, 4)
    result = pooled_fund(
        CHISHUI_FUND_FEN, CHISHUI_CONTRIBUTIONS, CHISHUI_ALLOCATIONS, sections=CHISHUI_SECTIONS,
        failure={"清水铺": f}, period="C2",
    )  # fmt: skip
    assert result.cuts == {"清水铺": 1500 * FEN_PER_WAN, "鲢鱼溪": 0}
    assert result.nets == {"云南": 2500 * FEN_PER_WAN, "贵州": -1250 * FEN_PER_WAN, "四川": -1250 * FEN_PER_WAN}
    whole = failure_fraction(FailureMode.ALL_OR_NOTHING, annual_mean_passes=False)
    lost = pooled_fund(
        CHISHUI_FUND_FEN, CHISHUI_CONTRIBUTIONS, CHISHUI_ALLOCATIONS, sections=CHISHUI_SECTIONS,
        failure={"鲢鱼溪": whole}, period="C2",
    )  # fmt: skip
    assert lost.received == {"云南": 6000 * FEN_PER_WAN, "贵州": 0, "四川": 14000 * FEN_PER_WAN}
    assert_balanced(lost.settlement)


# ---------------------------------------------------------------------------------------------------------------
# 4. Monthly status (重庆) and 5. exceedance tiers (周口)


def test_chongqing_monthly_status_and_the_year():
    month = lambda meets, trend, m: monthly_status(  # noqa: E731
        meets_class=meets, trend=trend, upstream="上游区", downstream="下游区", period=f"2019-{m:02d}"
    )
    improved = month(True, Trend.IMPROVED, 1)
    assert improved.nets == {"上游区": 100 * FEN_PER_WAN, "下游区": -100 * FEN_PER_WAN}
    declined = month(True, Trend.DECLINED, 2)
    assert declined.nets == {"上游区": -100 * FEN_PER_WAN, "下游区": 100 * FEN_PER_WAN}
    assert month(True, Trend.UNCHANGED, 3).transfers == ()
    failed = monthly_status(
        meets_class=False, trend=Trend.IMPROVED, upstream="上游区", downstream="下游区", period="2019-04",
        on_fail_fen=lambda: 37 * FEN_PER_WAN,
    )  # fmt: skip
    assert failed.nets["下游区"] == 37 * FEN_PER_WAN
    # [A] a synthetic year: 8 improved, 3 declined, 1 failing month
    months = [month(True, Trend.IMPROVED, m) for m in range(1, 9)]
    months += [month(True, Trend.DECLINED, m) for m in range(9, 12)] + [month(False, Trend.DECLINED, 12)]
    year = combine(months, "2019")
    assert year.nets == {"上游区": 400 * FEN_PER_WAN, "下游区": -400 * FEN_PER_WAN}
    assert len(year.transfers) == 1


def test_zhoukou_exceedance_tiers_and_the_cliff():
    # [A] target 40 mg/L; the brief's cliff m = 0.5 → 0.55
    assert exceedance_payment("60", "40") == (Fraction(1, 2), 15 * FEN_PER_WAN)
    assert exceedance_payment("62", "40") == (Fraction(55, 100), to_fen(25 * FEN_PER_WAN * Fraction("1.55")))
    assert exceedance_payment("44", "40") == (Fraction(1, 10), 0)
    assert exceedance_payment("200", "40") == (Fraction(4), 200 * FEN_PER_WAN * 5)
    assert exceedance_payment("30", "40")[1] == 0


# ---------------------------------------------------------------------------------------------------------------
# 6. Negotiation zone


def test_oc1_land_use_opportunity_cost():
    crops = [(2, 6000, "2.2")]  # [A] 2 ha of maize × 6,000 kg/ha × 2.2 元/kg
    costs = [1500, 3000, 600, 1200, 800, 400]  # [A]
    assert opportunity_cost_land_use(crops, costs, 2) == 9450


def test_oc2_income_gap():
    assert opportunity_cost_income_gap(45_000, 38_000, 200_000, 20_000, 16_000, 300_000) == Fraction("2.6e9")  # [A]


def test_e1_e2_e3_equivalent_factors():
    vc0 = equivalent_value("2.5", 6000)  # [A] per ha
    assert close_to(vc0, "2142.857142857")
    e1 = ecosystem_service_value({"林地": 1000, "耕地": 500, "水域": 100}, vc0)
    assert close_to(e1, "64075714.29")
    e2 = esv_increase({"耕地": 100}, {"林地": 100}, vc0)
    assert close_to(e2, "3201428.57")
    vc0_paper = equivalent_value("1.68", 281_930)  # [S] per km²
    assert vc0_paper == Fraction("67663.2")
    assert EQUIVALENT_FACTORS_2003.total("林地") * vc0_paper == Fraction("1478440.92")
    totals = {
        "耕地": "467552.71",
        "林地": "1478440.92",
        "草地": "489881.57",
        "水域": "3110477.30",
        "未利用地": "28418.54",
    }
    for land, paper in totals.items():
        assert close_to(EQUIVALENT_FACTORS_2003.total(land) * vc0_paper, paper)


def test_w1_wtp_and_the_zone():
    bids, shares = [0, 10, 20, 50, 100], ["0.29", "0.20", "0.25", "0.16", "0.10"]  # [A]
    assert expected_wtp(bids, shares) == 25
    total = wtp_total(bids, shares, 1_000_000)
    assert total * FEN_PER_YUAN == 2500 * FEN_PER_WAN
    assert close_to(Fraction(25) / Fraction("0.71"), "35.21")
    zone = negotiation_zone(
        protection_cost_fen=1000 * FEN_PER_WAN, opportunity_cost_fen=500 * FEN_PER_WAN,
        upper_fen=to_fen(total * FEN_PER_YUAN), proposed_fen=2000 * FEN_PER_WAN,
    )  # fmt: skip
    assert (zone.lower_fen, zone.upper_fen) == (1500 * FEN_PER_WAN, 2500 * FEN_PER_WAN)
    assert zone.position is ZonePosition.INSIDE
    assert zone.share == Fraction(1, 2)
    assert not zone.empty


def test_negative_equivalents_are_allowed():
    from chengyu_accord.cost_sharing.instruments.eco_compensation.rules import EquivalentFactorTable

    paddy = EquivalentFactorTable("Xie 2015 cropland rows", "Zhao et al. 2018", "S", ("water supply", "food"), {})
    table = EquivalentFactorTable(
        paddy.name, paddy.source, "S", paddy.services, {"水田": (Fraction("-2.63"), Fraction("1.36"))}
    )
    assert ecosystem_service_value({"水田": 1}, 1, table) == Fraction("-1.27")


# ---------------------------------------------------------------------------------------------------------------
# Properties

ratios = st.fractions(min_value=Fraction(1, 10), max_value=Fraction(3), max_denominator=1000)
weights = st.lists(st.integers(min_value=0, max_value=10), min_size=4, max_size=4).filter(any)


@FAST
@given(
    st.lists(ratios, min_size=4, max_size=4),
    weights,
    st.sampled_from([Fraction("0.85"), Fraction("0.89"), Fraction("0.90")]),
)
def test_direction_flips_exactly_at_the_common_break_even(rs, ws, k0):
    total = sum(ws)
    w = {k: Fraction(x, total) for k, x in zip(INDICATORS, ws, strict=True)}
    means = {k: XINAN_BASELINES[k] * r for k, r in zip(INDICATORS, rs, strict=True)}
    be = p_index_break_even(k0, w, means, XINAN_BASELINES)
    assert be.uniform_baseline_ratio == 1 / k0
    s = be.common_scale
    for scale, pays in ((s - Fraction(1, 10**12), True), (s, True), (s + Fraction(1, 10**12), False)):
        scaled = {k: v * scale for k, v in means.items()}
        p = p_index(k0, w, scaled, XINAN_BASELINES)
        assert (p <= 1) is pays
        result = p_index_bet(p, upstream="u", downstream="d", amount_fen=FEN_PER_YI, period="y")
        assert result.downstream_pays is pays
        assert_balanced(result.settlement)
    for row in be.per_indicator:
        if row.concentration is not None:
            assert p_index(k0, w, {**means, row.indicator: row.concentration}, XINAN_BASELINES) == 1


concentration = st.fractions(min_value=0, max_value=Fraction(20), max_denominator=10_000)


@FAST
@given(
    st.lists(st.tuples(concentration, concentration.filter(bool)), min_size=1, max_size=3),
    st.integers(min_value=0, max_value=10**9),
    st.lists(st.integers(min_value=0, max_value=100), min_size=3, max_size=3).filter(any),
)
def test_per_tonne_shares_sum_to_the_fen_and_net_to_zero(pairs, flow, contribution):
    names = ("CODMn", "NH3-N", "TP")
    readings = [jiangsu(n, c, t) for n, (c, t) in zip(names, pairs, strict=False)]
    upstream = dict(zip(("甲", "乙", "丙"), contribution, strict=True))
    month = per_tonne_month(readings, flow, upstream=upstream, downstream="下游", period="m")
    assert sum(month.shares_fen.values()) == month.total_fen == to_fen(sum(month.amounts_fen.values()))
    assert_balanced(month.settlement)
    assert month.settlement.nets["下游"] == month.total_fen


@FAST
@given(
    st.integers(min_value=0, max_value=10**12),
    st.lists(st.integers(min_value=0, max_value=20), min_size=3, max_size=3).filter(any),
    st.lists(st.integers(min_value=0, max_value=20), min_size=3, max_size=3).filter(any),
    st.fractions(min_value=0, max_value=1, max_denominator=12),
    st.fractions(min_value=0, max_value=1, max_denominator=12),
)
def test_pooled_fund_is_exact_and_balanced(fund, contribution, allocation, f1, f2):
    result = pooled_fund(
        fund, dict(zip(("云南", "贵州", "四川"), contribution, strict=True)),
        dict(zip(("云南", "贵州", "四川"), allocation, strict=True)), sections=CHISHUI_SECTIONS,
        failure={"清水铺": f1, "鲢鱼溪": f2}, period="y",
    )  # fmt: skip
    assert sum(result.contributions.values()) == sum(result.received.values()) == fund
    assert all(v >= 0 for v in result.received.values())
    assert sum(result.nets.values()) == 0
    assert result.settlement.nets == result.nets
    assert_balanced(result.settlement)


@FAST
@given(st.dictionaries(st.sampled_from("ABCDE"), st.integers(min_value=-(10**9), max_value=10**9), min_size=1))
def test_settle_nets_realises_any_balanced_nets(raw):
    nets = dict(raw)
    first = next(iter(nets))
    nets[first] -= sum(nets.values())
    assert settle_nets(nets, "y").nets == nets


@FAST
@given(concentration, concentration.filter(bool), concentration.filter(bool))
def test_per_tonne_direction_flips_at_the_break_even(other_measured, other_target, target):
    other = jiangsu("TP", other_measured, other_target)
    c_star = per_tonne_break_even([jiangsu("CODMn", target, target), other], "CODMn")
    step = Fraction(1, 10**6)
    for c, sign in ((c_star - step, -1), (c_star, 0), (c_star + step, 1)):
        readings = [jiangsu("CODMn", c, target), other]
        exact_total = sum(
            per_tonne_month(readings, FLOW, upstream="u", downstream="d", period="m").amounts_fen.values()
        )
        assert (exact_total > 0) - (exact_total < 0) == sign


@FAST
@given(
    st.lists(st.tuples(concentration, concentration.filter(bool)), min_size=3, max_size=3),
    st.integers(min_value=0, max_value=10**9),
    st.lists(st.integers(min_value=0, max_value=100), min_size=2, max_size=2).filter(any),
)
def test_per_tonne_section_month_on_common_numerators_is_month(pairs, flow, contribution):
    names = ("CODMn", "NH3-N", "TP")
    section = PerTonneSection.of(
        {n: t for n, (_, t) in zip(names, pairs, strict=True)},
        {n: JIANGSU_UNIT_STANDARDS[n] for n in names},
        upstream=dict(zip(("甲", "乙"), contribution, strict=True)),
        downstream="下游",
    )
    measured = {n: c for n, (c, _) in zip(names, pairs, strict=True)}
    month = section.month(measured, flow, "m")
    common = 10**9 * 7  # any common denominator of the means gives the same month
    on = section.month_on([c * common for c in measured.values()], common, flow, "m")
    assert (on.total_fen, on.shares_fen, on.tonnes, on.amounts_fen) == (
        month.total_fen,
        month.shares_fen,
        month.tonnes,
        month.amounts_fen,
    )
    assert on.settlement == month.settlement
    readings = [jiangsu(n, c, t) for n, (c, t) in zip(names, pairs, strict=True)]
    alone = per_tonne_month(readings, flow, upstream=dict(zip(("甲", "乙"), contribution, strict=True)),
                            downstream="下游", period="m")  # fmt: skip
    assert alone.total_fen == month.total_fen == to_fen(sum(month.amounts_fen.values()))
    assert_balanced(month.settlement)


@FAST
@given(st.lists(st.tuples(concentration, concentration), min_size=2, max_size=6), st.integers(1, 10**9))
def test_per_tonne_scale_break_even_zeroes_the_exact_period_amount(pairs, flow):
    """Months of one section, the same targets: at the factor s* on every concentration the exact amount of all
    months together is zero."""
    targets = {"CODMn": Fraction("4"), "TP": Fraction("0.2")}
    section = PerTonneSection.of(targets, JIANGSU_UNIT_STANDARDS, upstream="u", downstream="d")
    months = [section.month({"CODMn": a, "TP": b}, flow + k, f"m{k}") for k, (a, b) in enumerate(pairs)]
    s = per_tonne_scale_break_even(months)
    if all(a == b == 0 for a, b in pairs):
        assert s is None
        return
    scaled = [section.month({"CODMn": a * s, "TP": b * s}, flow + k, f"m{k}") for k, (a, b) in enumerate(pairs)]
    assert sum(m.exact_total_fen for m in scaled) == 0
    moved = [section.month({"CODMn": a * s * 2, "TP": b * s * 2}, flow + k, "x") for k, (a, b) in enumerate(pairs)]
    assert sum(m.exact_total_fen for m in moved) > 0  # above s* the upstream party pays


def test_combine_flows_is_combine_of_the_settlements():
    months = [
        monthly_status(meets_class=True, trend=t, upstream="上", downstream="下", period=f"2019-{m:02d}")
        for m, t in enumerate((Trend.IMPROVED, Trend.DECLINED, Trend.DECLINED), start=1)
    ]
    flows: dict[tuple[str, str], int] = {}
    for s in months:
        for t in s.transfers:
            flows[(t.payer, t.payee)] = flows.get((t.payer, t.payee), 0) + t.amount_fen
    assert combine_flows(flows, ["上", "下"], "2019") == combine(months, "2019")
