"""The what-if quality scale (issue 11): every measured concentration × s, exactly; the payment flips exactly at
the break-even factor the unscaled compute reports — for the P-index its common factor s* = threshold/P, for the
per-tonne rule the uniform factor at which the period's exact amount is zero — and a scaled result says it is a
simulation. All concentrations, flows and parameters are synthetic ([A])."""

import datetime
from decimal import Decimal
from fractions import Fraction

from engine_fixtures import make_party
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.instruments.eco_compensation.compute import compute_eco, compute_eco_details
from chengyu_accord.cost_sharing.instruments.eco_compensation.model import (
    EcoCompensation,
    Indicator,
    Period,
    PerTonneRule,
    PIndexRule,
    Sample,
    Section,
    Upstream,
)
from chengyu_accord.cost_sharing.instruments.eco_compensation.rules import FEN_PER_YI
from chengyu_accord.cost_sharing.progress import Progress
from chengyu_accord.cost_sharing.scenario import Scenario

UP, DOWN = "510000", "500000"
PARTIES = (make_party(UP, "四川省"), make_party(DOWN, "重庆省"))
CODES = ("CODMn", "NH3-N", "TP")
MONTHS = ("2019-01", "2019-02")
FAST = settings(max_examples=25, deadline=None)

concentration = st.decimals(min_value=Decimal("0.05"), max_value=Decimal("8"), places=3)
# baselines whose reciprocals are finite decimals, so P — and threshold = P·s* — are finite decimals too
baseline = st.sampled_from(["0.5", "1", "2", "0.25", "1.25", "0.8", "4", "0.2"])
factor = st.decimals(min_value=Decimal("0.5"), max_value=Decimal("3"), places=2)


def text(value: Fraction | Decimal) -> str:
    exact = Fraction(value)
    return format(Decimal(exact.numerator) / Decimal(exact.denominator), "f")


def samples(means: dict[str, str], flow: str | None = None) -> tuple[Sample, ...]:
    """One sample per indicator and month, so each monthly (and the period's) mean is exactly the given one."""
    return tuple(
        Sample(date=datetime.date(2019, int(month[5:]), 10), section="s", indicator=code, value=value, flow_m3=flow)
        for month in MONTHS
        for code, value in means.items()
    )


def item_of(rule, indicators, records, scale="1") -> EcoCompensation:
    return EcoCompensation(
        id="basin",
        parties=(UP, DOWN),
        sections=(Section(id="s", name_zh="界", name_en="Border", upstream=(Upstream(party=UP),), downstream=DOWN),),
        indicators=indicators,
        records=records,
        period=Period(first=MONTHS[0], last=MONTHS[-1]),
        rule=rule,
        quality_scale=scale,
    )


def run(item):
    return compute_eco_details(Scenario(title="模拟", parties=PARTIES, items=(item,)), item, Progress())


def payer_of(result) -> set[str]:
    return {key.split(":")[1].split(">")[0] for key in result.table("transfers").fen("amount")}


def p_index_item(means, baselines, threshold, scale="1"):
    rule = PIndexRule(k0="0.85", weights=dict.fromkeys(CODES, "0.25"), amount_fen=FEN_PER_YI, threshold=threshold)
    indicators = tuple(Indicator(code=c, name_zh=c, baseline=baselines[c]) for c in CODES)
    return item_of(rule, indicators, samples(means), scale)


@FAST
@given(st.lists(concentration, min_size=3, max_size=3), st.lists(baseline, min_size=3, max_size=3), factor)
def test_p_index_flips_exactly_at_the_common_factor(values, bases, s_star):
    means = {c: str(v) for c, v in zip(CODES, values, strict=True)}
    baselines = dict(zip(CODES, bases, strict=True))
    p = Fraction("0.85") * sum(Fraction(1, 4) * Fraction(means[c]) / Fraction(baselines[c]) for c in CODES)
    threshold = text(p * Fraction(s_star))  # the bet is set so that the data × s* sit exactly on it
    result, details = run(p_index_item(means, baselines, threshold))
    assert details.p["s"] == p
    assert details.p_break_even["s"].common_scale == Fraction(s_star)
    at_scale = result.table("break_even").column_cells("scale")[0]
    assert at_scale.value == s_star

    result, details = run(p_index_item(means, baselines, threshold, scale=str(s_star)))
    assert details.quality_scale == Fraction(s_star)
    assert details.means["s"] == {c: Fraction(means[c]) * Fraction(s_star) for c in CODES}
    assert details.p["s"] == Fraction(threshold)  # P = threshold: inclusive, the downstream party still pays
    assert payer_of(result) == {DOWN}
    assert details.p_break_even["s"].common_scale == 1
    above, below = str(s_star + Decimal("0.0001")), str(s_star - Decimal("0.0001"))
    result, details = run(p_index_item(means, baselines, threshold, scale=above))
    assert details.p["s"] > Fraction(threshold)
    assert payer_of(result) == {UP}
    result, _ = run(p_index_item(means, baselines, threshold, scale=below))
    assert payer_of(result) == {DOWN}


STANDARDS = {"CODMn": 1_500_000, "NH3-N": 10_000_000, "TP": 10_000_000}
"""Fen per tonne (the 江苏 standards [S]); the last one, 10⁷, makes the solved target a finite decimal."""


def per_tonne_item(means, targets, scale="1"):
    rule = PerTonneRule(standards=STANDARDS)
    indicators = tuple(Indicator(code=c, name_zh=c, target=targets[c]) for c in CODES)
    return item_of(rule, indicators, samples(means, flow="50000000"), scale)


@FAST
@given(st.lists(concentration, min_size=3, max_size=3), st.lists(concentration, min_size=2, max_size=2), factor)
def test_per_tonne_flips_exactly_at_the_uniform_factor(values, first_targets, s_star):
    """amount(s) = Σⱼ (s·Cⱼ − Tⱼ)·Q·10⁻⁶·uⱼ is linear in s: zero at s* = Σ Tⱼ·uⱼ / Σ Cⱼ·uⱼ, where the last target
    is solved for a chosen s*."""
    means = {c: Fraction(v) for c, v in zip(CODES, values, strict=True)}
    targets = {c: Fraction(t) for c, t in zip(CODES, first_targets, strict=False)}
    moving = sum(means[c] * STANDARDS[c] for c in CODES)
    last = (Fraction(s_star) * moving - sum(targets[c] * STANDARDS[c] for c in targets)) / STANDARDS["TP"]
    assume(last > 0)  # a positive target puts the break-even at s*
    targets["TP"] = last
    means_text = {c: text(v) for c, v in means.items()}
    targets_text = {c: text(v) for c, v in targets.items()}
    result, details = run(per_tonne_item(means_text, targets_text))
    assert result.ok, result.diagnostics
    assert details.tonne_scale_break_even["s"] == Fraction(s_star)
    assert result.table("break_even").column_cells("scale")[0].value == s_star

    result, details = run(per_tonne_item(means_text, targets_text, scale=str(s_star)))
    assert details.month_amounts["s"] == dict.fromkeys(MONTHS, 0)
    assert result.table("transfers").rows == ()
    assert details.tonne_scale_break_even["s"] == 1
    for delta, payer in ((Decimal("0.001"), UP), (Decimal("-0.001"), DOWN)):
        result, details = run(per_tonne_item(means_text, targets_text, scale=str(s_star + delta)))
        assert all((amount > 0) is (payer == UP) and amount for amount in details.month_amounts["s"].values())
        assert payer_of(result) == {payer}
        assert result.table("nets").column_total("net") == 0


def test_a_scaled_result_says_it_is_a_simulation_and_scales_only_concentrations():
    means = {"CODMn": "5", "NH3-N": "1.2", "TP": "0.2"}
    targets = {"CODMn": "6", "NH3-N": "1", "TP": "0.2"}
    plain = per_tonne_item(means, targets)
    result = compute_eco(Scenario(title="t", parties=PARTIES, items=(plain,)), plain, 0, Progress())
    assert "simulation" not in [d.code for d in result.diagnostics]
    scaled = per_tonne_item(means, targets, scale="1.15")
    result, details = run(scaled)
    [note] = [d for d in result.diagnostics if d.code == "simulation"]
    assert note.level == "warning"
    assert note.message.zh == "模拟情景：实测浓度×1.15，不是实测结果"
    assert note.message.en == "simulation: measured concentrations × 1.15, not measured results"
    assert note.target.field == "quality_scale"
    assert details.monthly["s"]["2019-01"]["NH3-N"] == Fraction("1.38")
    # the flow is not scaled: tonnes of NH3-N = (1.38 − 1)·5·10⁷·10⁻⁶ = 19
    row = result.table("index").rows[0]
    assert row.cells[2].value == Decimal(19)
