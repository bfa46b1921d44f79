"""Invariants of an ecological-compensation item through ``compute_eco_details`` (issue 11, Done-when 1).

For every rule: transfers net to zero across the parties, every transfer is positive, and ``compute_eco`` (which
skips the details) gives the same result. Several upstream parties split a section's amount to the fen; opposite
flows between two parties are netted into one transfer; the negotiation-zone bounds reproduce the brief's E2, W1,
OC1 and OC2 through the zone models. Concentrations, flows and amounts are synthetic ([A]) unless the brief's.
"""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from engine_fixtures import make_party
from hypothesis import given, settings
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.instruments.eco_compensation.compute import (
    CENTRAL,
    compute_eco,
    compute_eco_details,
    zone_bounds,
)
from chengyu_accord.cost_sharing.instruments.eco_compensation.model import (
    Crop,
    EcoCompensation,
    EsvCeiling,
    ExceedanceRule,
    IncomeGapCost,
    Indicator,
    LandUseCost,
    MonthlyStatusRule,
    NegotiationZone,
    Period,
    PerTonneRule,
    PIndexRule,
    PooledFundRule,
    Sample,
    Section,
    Upstream,
    WtpCeiling,
)
from chengyu_accord.cost_sharing.instruments.eco_compensation.presets import (
    jialing_p_index_example,
    qiongjiang_per_tonne_example,
)
from chengyu_accord.cost_sharing.instruments.eco_compensation.rules import FEN_PER_WAN, FEN_PER_YI
from chengyu_accord.cost_sharing.progress import Progress
from chengyu_accord.cost_sharing.scenario import Scenario

A, B, C, D = "510100", "510700", "500100", "500200"
PARTIES = tuple(make_party(p, f"单位{n}") for n, p in enumerate((A, B, C, D)))
CODES = ("CODMn", "NH3-N", "TP")
LIMITS = {"CODMn": "4", "NH3-N": "0.5", "TP": "0.1"}  # [A] targets and baselines, roughly class II
MONTHS = ("2019-01", "2019-02", "2019-03")
FAST = settings(max_examples=20, deadline=None)

# per section: its upstream parties (two share the first) and its downstream party — A and C face each other twice
SECTIONS = (
    Section(id="s1", name_zh="一号断面", upstream=(Upstream(party=A), Upstream(party=B)), downstream=C),
    Section(id="s2", name_zh="二号断面", upstream=(Upstream(party=C),), downstream=A),
    Section(id="s3", name_zh="三号断面", upstream=(Upstream(party=A),), downstream=D),
)


def rule_of(kind: str):
    if kind == "p_index":
        return PIndexRule(
            k0="0.9", weights=dict.fromkeys(CODES, "0.3"), amount_fen=FEN_PER_YI, central_fen=3 * FEN_PER_WAN
        )
    if kind == "per_tonne":
        return PerTonneRule(standards={"CODMn": 1_500_000, "NH3-N": 10_000_000, "TP": 10_000_000})
    if kind == "pooled_fund":
        return PooledFundRule(
            fund_fen=2 * FEN_PER_YI,
            contributions={A: "1", B: "5", C: "4", D: "2"},
            allocations={A: "3", B: "4", C: "3", D: "1"},
            failure="months",
        )
    if kind == "monthly_status":
        return MonthlyStatusRule(amount_fen=100 * FEN_PER_WAN, on_fail_fen=150 * FEN_PER_WAN)
    return ExceedanceRule()


RULES = ("p_index", "per_tonne", "pooled_fund", "monthly_status", "exceedance")


def basin(kind, values, flows, ratios=("1", "1")) -> EcoCompensation:
    """``values[k]`` the concentrations (one per section, month and code, in that order), ``flows[k]`` per
    section and month; the first section's two upstream parties share by ``ratios``."""
    sections = list(SECTIONS)
    sections[0] = sections[0].model_copy(
        update={"upstream": (Upstream(party=A, ratio=ratios[0]), Upstream(party=B, ratio=ratios[1]))}
    )
    records, k = [], 0
    for s, section in enumerate(sections):
        for m in range(len(MONTHS)):
            for code in CODES:
                for day, times in ((5, 1), (20, 2)):  # two samples a month, the second twice the first
                    records.append(
                        Sample(
                            date=datetime.date(2019, m + 1, day),
                            section=section.id,
                            indicator=code,
                            value=str(values[k % len(values)] * times),
                            flow_m3=str(flows[(s * len(MONTHS) + m) % len(flows)]),
                        )
                    )
                    k += 1
    return EcoCompensation(
        id="basin",
        parties=(A, B, C, D),
        sections=tuple(sections),
        indicators=tuple(Indicator(code=c, name_zh=c, target=LIMITS[c], baseline=LIMITS[c]) for c in CODES),
        records=tuple(records),
        period=Period(first=MONTHS[0], last=MONTHS[-1]),
        rule=rule_of(kind),
    )


def computed(item):
    scenario = Scenario(title="不变量", parties=PARTIES, items=(item,))
    result, details = compute_eco_details(scenario, item, Progress())
    assert result.ok, result.diagnostics
    assert compute_eco(scenario, item, 0, Progress()) == result  # the details cost nothing to the result
    return result, details


def assert_balanced(result, details) -> None:
    nets = result.table("nets").fen("net")
    assert sum(nets.values()) == 0
    assert nets == {p: details.settlement.nets.get(p, 0) for p in nets}
    assert all(t.amount_fen > 0 for t in details.settlement.transfers)
    for settlement in details.settlements:
        assert sum(settlement.nets.values()) == 0
    pairs = [frozenset((t.payer, t.payee)) for t in details.settlement.transfers]
    assert len(pairs) == len(set(pairs))  # opposite flows between two parties netted into one transfer


concentrations = st.lists(st.decimals(min_value=0, max_value=Decimal("1.2"), places=3), min_size=1, max_size=40)
flows = st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=9)
ratio = st.decimals(min_value=Decimal("0.01"), max_value=100, places=2).map(str)


@pytest.mark.parametrize("kind", RULES)
@FAST
@given(values=concentrations, volumes=flows, shares=st.tuples(ratio, ratio))
def test_transfers_net_to_zero_for_every_rule(kind, values, volumes, shares):
    item = basin(kind, [v + Decimal("0.001") for v in values], volumes, shares)  # P-index needs positive means
    result, details = computed(item)
    assert_balanced(result, details)


@FAST
@given(values=concentrations, volumes=flows, shares=st.tuples(ratio, ratio))
def test_several_upstream_parties_split_each_month_to_the_fen(values, volumes, shares):
    result, details = computed(basin("per_tonne", values, volumes, shares))
    s1 = [s for s in details.settlements if B in s.parties]  # B is upstream of the first section only
    assert len(s1) == len(MONTHS)
    total = Fraction(shares[0]) + Fraction(shares[1])
    for month, settlement in zip(MONTHS, s1, strict=True):
        amount = details.month_amounts["s1"][month]  # + paid by the upstream parties
        parts = {A: -settlement.net(A), B: -settlement.net(B)}
        assert parts[A] + parts[B] == amount == settlement.net(C)  # the parts add up to the month, to the fen
        assert all(t.period == month for t in settlement.transfers)
        for party, weight in ((A, shares[0]), (B, shares[1])):
            assert abs(parts[party] - amount * Fraction(weight) / total) < 1  # by contribution ratio
    assert_balanced(result, details)


def test_p_index_bet_and_central_fund_split_between_two_upstream_parties():
    item = basin("p_index", [Decimal("1"), Decimal("0.1"), Decimal("0.02")], [1], ("2", "1"))  # means × 1.5
    result, details = computed(item)
    nets = result.table("nets").fen("net")
    # section s1 passes (P ≤ 1): C pays the bet to A and B 2:1 and the centre pays them the central fund 2:1
    s1 = next(s for s in details.settlements if {A, B} <= set(s.nets))
    assert s1.nets[A] + s1.nets[B] == FEN_PER_YI + 3 * FEN_PER_WAN
    assert abs(s1.nets[A] - Fraction(2, 3) * (FEN_PER_YI + 3 * FEN_PER_WAN)) < 1
    assert nets[CENTRAL] == -3 * 3 * FEN_PER_WAN
    assert sum(nets.values()) == 0


def test_opposite_monthly_flows_are_netted_over_the_period():
    # s2 (C upstream of A) worse than target in January, better later: C pays A, then A pays C; s1 better: C pays A
    low, high = [Decimal("1"), Decimal("0.1"), Decimal("0.02")], [Decimal("5"), Decimal("0.8"), Decimal("0.15")]
    values = [
        v
        for s in range(len(SECTIONS))
        for m in range(len(MONTHS))
        for v in (high if (s, m) == (1, 0) else low)
        for _sample in range(2)
    ]
    result, details = computed(basin("per_tonne", values, [10**7]))
    months = details.month_amounts["s2"]
    assert months["2019-01"] > 0 > months["2019-02"]
    c_pays_a = [t.amount_fen for s in details.settlements for t in s.transfers if (t.payer, t.payee) == (C, A)]
    a_pays_c = [t.amount_fen for s in details.settlements for t in s.transfers if (t.payer, t.payee) == (A, C)]
    assert c_pays_a  # both directions month by month …
    assert a_pays_c
    (netted,) = [t for t in details.settlement.transfers if {t.payer, t.payee} == {A, C}]  # … one over the period
    signed = netted.amount_fen if netted.payer == C else -netted.amount_fen
    assert signed == sum(c_pays_a) - sum(a_pays_c)
    assert_balanced(result, details)


@pytest.mark.parametrize("example", [jialing_p_index_example, qiongjiang_per_tonne_example])
def test_the_examples_balance_and_the_details_match_the_result(example):
    scenario = example()
    item = scenario.items[0]
    result, details = compute_eco_details(scenario, item, Progress())
    assert result.ok, result.diagnostics
    assert compute_eco(scenario, item, 0, Progress()) == result
    assert_balanced(result, details)
    combined: dict[str, int] = {}
    for settlement in details.settlements:
        for party, net in settlement.nets.items():
            combined[party] = combined.get(party, 0) + net
    assert {p: n for p, n in combined.items() if n} == {p: n for p, n in details.settlement.nets.items() if n}


# --- negotiation zone through the zone models -------------------------------------------------------------


def zoned(zone: NegotiationZone) -> EcoCompensation:
    return basin("p_index", [Decimal("1")], [1]).model_copy(update={"zone": zone})


def test_e2_esv_ceiling_farmland_to_forest():
    # [A] 2.5 元/kg × 6,000 kg/ha; 100 ha of farmland become forest: ΔESV = 3,201,428.57 元
    ceiling = EsvCeiling(grain_price_yuan="2.5", grain_yield="6000", before={"耕地": "100"}, after={"林地": "100"})
    assert zone_bounds(zoned(NegotiationZone(ceiling=ceiling)))[2] == 320_142_857


def test_w1_wtp_ceiling_and_oc1_oc2_floors():
    w1 = WtpCeiling(
        bids_yuan=("0", "10", "20", "50", "100"), shares=("0.29", "0.20", "0.25", "0.16", "0.10"), population="1000000"
    )  # [A]: E(WTP) = 25 元 × 1,000,000 = 2,500万
    oc1 = LandUseCost(
        crops=(Crop(name_zh="玉米", area="2", yield_per_area="6000", price_yuan="2.2"),),
        costs_yuan=("1500", "3000", "600", "1200", "800", "400"),
        area="2",
        protected_area="10",
    )  # [A]: C_opp = 9,450 元/ha, × 10 ha protected
    oc2 = IncomeGapCost(
        urban_reference_yuan="45000",
        urban_protected_yuan="38000",
        urban_population="200000",
        rural_reference_yuan="20000",
        rural_protected_yuan="16000",
        rural_population="300000",
    )  # [A]: 2.6×10⁹ 元
    zone = NegotiationZone(protection_cost_fen=1000 * FEN_PER_WAN, opportunity=oc1, ceiling=w1)
    assert zone_bounds(zoned(zone)) == (1000 * FEN_PER_WAN, 94_500 * 100, 2500 * FEN_PER_WAN)
    zone = NegotiationZone(opportunity=oc2, ceiling=w1, proposed_fen=2000 * FEN_PER_WAN)
    assert zone_bounds(zoned(zone)) == (0, 2_600_000_000 * 100, 2500 * FEN_PER_WAN)
    result, details = computed(zoned(zone))
    assert details.zone is not None
    assert details.zone.empty  # a 26亿 floor above a 2,500万 ceiling
    assert any(d.code == "zone" and "协商区间为空" in d.message.zh for d in result.diagnostics)
