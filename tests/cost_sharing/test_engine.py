"""The proportional split against worked figures and against its properties."""

import itertools
from fractions import Fraction
from types import SimpleNamespace

from engine_fixtures import make_party
from hypothesis import given
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.engine import compute
from chengyu_accord.cost_sharing.instruments.proportional.model import ProportionalSplit
from chengyu_accord.cost_sharing.scenario import Scenario


def allocations(result):
    """(party id, weight, share, fen) per row of the item's amounts table."""
    if not result.tables:
        return []
    return [
        SimpleNamespace(party_id=r.key, weight=Fraction(r.cells[0].value), share=r.cells[1], amount_fen=r.cells[2])
        for r in result.table().rows
    ]


def scenario_with(weights: list[str], total: int, basis: str = "weights") -> Scenario:
    parties = tuple(make_party(f"p{i}", f"甲{i}", population=w) for i, w in enumerate(weights))
    item = ProportionalSplit(
        id="x",
        amount_fen=total,
        basis=basis,
        weights={f"p{i}": w for i, w in enumerate(weights)} if basis == "weights" else {},
    )
    return Scenario(title="t", parties=parties, items=(item,))


def test_population_split_of_the_zhongxian_railway(small_scenario):
    result = compute(small_scenario).items[0]
    assert result.ok
    amounts = result.table().fen("amount")
    assert sum(amounts.values()) == 69_273_000_000_00
    # exact quotas 6169555302.235985…, 4158924959.157299…, 58944519738.60672… 元 (in fen: fractions .5985,
    # .7299, .672); the floors miss 2 fen, which go to the two largest remainders
    assert amounts["500112"] == 616_955_530_223
    assert amounts["500106"] == 415_892_495_916
    assert amounts["510100"] == 5_894_451_973_861


def test_gdp_basis_uses_gdp(small_scenario):
    scenario = small_scenario.model_validate(
        {**small_scenario.model_dump(), "items": [{**small_scenario.items[0].model_dump(), "basis": "gdp"}]}
    )
    shares = {a.party_id: a.share for a in allocations(compute(scenario).items[0])}
    assert shares["510100"] == Fraction("20817.5") / (Fraction("2297.11") + Fraction("1106.73") + Fraction("20817.5"))


def test_missing_figure_is_an_error_never_zero():
    parties = (make_party("a", "甲", "10"), make_party("b", "乙", None))
    scenario = Scenario(title="t", parties=parties, items=(ProportionalSplit(id="x", amount_fen=100),))
    result = compute(scenario).items[0]
    assert not result.ok
    assert result.tables == ()
    assert [d.target.path(0) for d in result.diagnostics] == ["parties.b.figures.population"]
    assert "乙" in result.diagnostics[0].message_zh


def test_all_zero_weights_cannot_be_split():
    result = compute(scenario_with(["0", "0"], 100)).items[0]
    assert not result.ok
    assert result.diagnostics[0].code == "zero-weights"


def test_missing_weight_names_the_party():
    scenario = scenario_with(["1", "2"], 100)
    data = scenario.model_dump()
    data["items"][0]["weights"] = {"p0": "1"}
    result = compute(Scenario.model_validate(data)).items[0]
    assert [d.target.path(0) for d in result.diagnostics] == ["items[0].weights.p1"]


weight_lists = st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=44).filter(any)
totals = st.integers(min_value=0, max_value=10**15)


@given(weight_lists, totals)
def test_efficiency_the_parts_add_up_to_the_total(ws, total):
    result = compute(scenario_with([str(w) for w in ws], total)).items[0]
    assert sum(a.amount_fen for a in allocations(result)) == total


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=2, max_value=44), totals)
def test_symmetry_equal_weights_differ_by_at_most_one_fen(w, n, total):
    amounts = [a.amount_fen for a in allocations(compute(scenario_with([str(w)] * n, total)).items[0])]
    assert max(amounts) - min(amounts) <= 1


@given(weight_lists, totals, st.integers(min_value=1, max_value=1000))
def test_scaling_every_weight_changes_nothing(ws, total, k):
    once = compute(scenario_with([str(w) for w in ws], total)).items[0].table().fen("amount")
    scaled = compute(scenario_with([str(w * k) for w in ws], total)).items[0].table().fen("amount")
    assert once == scaled


@given(weight_lists, totals)
def test_monotonic_a_larger_weight_never_pays_less(ws, total):
    rows = allocations(compute(scenario_with([str(w) for w in ws], total)).items[0])
    ordered = sorted(rows, key=lambda a: a.weight)
    for smaller, larger in itertools.pairwise(ordered):
        if larger.weight > smaller.weight:
            assert larger.amount_fen >= smaller.amount_fen


def test_user_entered_figures_are_reported():
    parties = (make_party("a", "甲", "10"), make_party("b", "乙", "30"))
    data = Scenario(title="t", parties=parties, items=(ProportionalSplit(id="x", amount_fen=100),)).model_dump()
    data["parties"][1]["figures"]["population"]["tag"] = "user"
    result = compute(Scenario.model_validate(data)).items[0]
    assert result.ok
    assert "unsourced-figure" in [d.code for d in result.diagnostics]
