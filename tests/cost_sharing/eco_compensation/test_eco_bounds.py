"""Inputs at their documented bounds never escape as exceptions: indices beyond 28 digits stay exact, amounts
beyond what Accord prints are one error naming the field (found by the fuzz harness)."""

from chengyu_accord.cost_sharing.engine import compute
from chengyu_accord.cost_sharing.instruments.eco_compensation.model import EsvCeiling, NegotiationZone
from chengyu_accord.cost_sharing.instruments.eco_compensation.presets import jialing_p_index_example


def with_item(scenario, **changes):
    item = scenario.items[0]
    return scenario.model_copy(update={"items": (item.model_copy(update=changes),)})


def test_a_zone_beyond_the_largest_amount_is_an_error_on_the_zone_not_a_crash():
    scenario = jialing_p_index_example()
    huge = "1000000000000000"
    zone = NegotiationZone(ceiling=EsvCeiling(grain_price_yuan=huge, grain_yield=huge, before={}, after={"水域": huge}))
    (result,) = compute(with_item(scenario, zone=zone)).items
    errors = [d for d in result.diagnostics if d.level == "error"]
    assert [(d.code, d.target.field) for d in errors] == [("zone", "zone")]
    assert "10¹⁶" in errors[0].message.en


def test_an_index_of_many_digits_is_shown_exactly_to_twelve_places():
    scenario = jialing_p_index_example()
    item = scenario.items[0]
    tiny = tuple(i.model_copy(update={"baseline": "0.000000000003"}) for i in item.indicators)
    heavy = item.rule.model_copy(update={"weights": dict.fromkeys(item.rule.weights, "1000000000")})
    (result,) = compute(with_item(scenario, indicators=tiny, rule=heavy)).items
    assert result.ok
    p = result.table("break_even").rows[0].cells[0].value
    assert p > 10**21  # 22 digits before the point, 12 after: beyond the default 28
    assert p.as_tuple().exponent == -12  # 1/7-type fractions at 12 places, not rounded to 28 digits
