"""The sourced rule presets fit an item, carry their tags, and say what an item lacks; the examples compute."""

from decimal import Decimal

import pytest

from chengyu_accord.cost_sharing.engine import compute
from chengyu_accord.cost_sharing.instruments.eco_compensation.presets import (
    EXAMPLES,
    RULE_PRESETS,
    jialing_p_index_example,
    qiongjiang_per_tonne_example,
)

PRESETS = {p.key: p for p in RULE_PRESETS}


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_the_examples_compute_and_say_their_data_are_assumed(stem):
    scenario = EXAMPLES[stem]()
    (result,) = compute(scenario).items
    assert result.ok
    assert "假设" in scenario.items[0].notes


def test_the_xinan_rounds_carry_the_brief_s_parameters_and_their_unverified_tags():
    item = jialing_p_index_example().items[0]
    first, third = PRESETS["xinan-1"].build(item), PRESETS["xinan-3"].build(item)
    assert (first.k0, first.amount_fen, first.central_fen) == ("0.85", 100_000_000_00, 300_000_000_00)
    assert {c: Decimal(w) for c, w in third.weights.items()} == {
        "CODMn": Decimal("0.22"),
        "NH3-N": Decimal("0.22"),
        "TP": Decimal("0.28"),
        "TN": Decimal("0.28"),
    }
    assert first.provenance.tag == "U"
    assert "k0" in first.provenance.note
    # a fitted preset is a valid rule of the item
    fitted = jialing_p_index_example().model_copy(update={"items": (item.model_copy(update={"rule": third}),)})
    assert compute(fitted).items[0].ok


def test_a_preset_says_what_the_item_lacks():
    item = qiongjiang_per_tonne_example().items[0]  # CODMn, NH3-N and TP only: no TN
    with pytest.raises(ValueError, match="TN"):
        PRESETS["xinan-1"].build(item)
    with pytest.raises(ValueError, match="three parties"):
        PRESETS["chishui"].build(jialing_p_index_example().items[0])


@pytest.mark.parametrize(
    ("key", "example"),
    [
        ("jiangsu", qiongjiang_per_tonne_example),
        ("zhoukou", qiongjiang_per_tonne_example),
        ("chongqing", jialing_p_index_example),  # the status rule compares with last year: it needs baselines
    ],
)
def test_the_other_presets_fit_an_example_and_compute(key, example):
    scenario = example()
    item = scenario.items[0]
    rule = PRESETS[key].build(item)
    assert rule.type == PRESETS[key].type
    changed = scenario.model_copy(update={"items": (item.model_copy(update={"rule": rule}),)})
    (result,) = compute(changed).items
    assert result.ok, [d.message.en for d in result.diagnostics]
