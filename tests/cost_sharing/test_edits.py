"""Edits are pure: apply makes a new scenario, and the inverse built beforehand restores the old one exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.edits import (
    AddParty,
    Batch,
    EditError,
    RemoveParty,
    SetAmountProvenance,
    SetItemAmount,
    SetItemBasis,
    SetPartyFigure,
    SetTitle,
    SetWeight,
    SetWeights,
    apply_edit,
    set_amount_edit,
    user_figure,
)
from chengyu_accord.cost_sharing.scenario import Figure, Party, ProportionalSplit, Provenance, Scenario


def _scenario(explicit_members: bool = False) -> Scenario:
    parties = (
        Party(id="a", name_zh="甲", figures={"population": Figure(value="100", year=2022, source="s")}),
        Party(id="b", name_zh="乙", figures={"population": Figure(value="300", year=2022, source="s")}),
        Party(id="c", name_zh="丙"),
    )
    item = ProportionalSplit(
        id="i1",
        amount_fen=100_000,
        parties=("a", "b", "c") if explicit_members else (),
        basis="weights",
        weights={"a": "1", "b": "2", "c": "3"},
    )
    return Scenario(title="t", parties=parties, items=(item,))


EDITS = [
    SetItemAmount("i1", 5),
    SetAmountProvenance("i1", Provenance(tag="A", note="假设值")),
    SetItemBasis("i1", "population"),
    SetWeight("i1", "a", "7.5"),
    SetWeight("i1", "b", None),
    SetWeights("i1", (("a", "1"),)),
    AddParty(Party(id="d", name_zh="丁")),
    AddParty(Party(id="d", name_zh="丁"), position=0),
    RemoveParty("b"),
    SetPartyFigure("c", "population", user_figure("42", 2023)),
    SetPartyFigure("a", "population", None),
    SetTitle("新标题"),
    Batch((SetItemBasis("i1", "population"), SetWeight("i1", "a", "9"))),
]


@pytest.mark.parametrize("explicit", [False, True])
@pytest.mark.parametrize("edit", EDITS, ids=lambda e: type(e).__name__)
def test_inverse_restores_the_scenario(edit, explicit):
    before = _scenario(explicit)
    after, inverse = apply_edit(edit, before)
    assert after != before
    assert inverse.apply(after) == before
    assert before == _scenario(explicit), "the old scenario is never modified"


def test_remove_party_takes_its_weights_and_membership_and_undo_puts_them_back():
    before = _scenario(explicit_members=True)
    after, inverse = apply_edit(RemoveParty("b"), before)
    assert [p.id for p in after.parties] == ["a", "c"]
    assert after.items[0].parties == ("a", "c")
    assert "b" not in after.items[0].weights
    restored = inverse.apply(after)
    assert restored.items[0].parties == ("a", "b", "c")
    assert restored.items[0].weights["b"] == "2"


def test_removing_the_last_member_of_an_item_is_refused_not_turned_into_every_party():
    scenario = _scenario(explicit_members=True)
    data = scenario.model_dump()
    data["items"][0].update(parties=("a",), weights={"a": "1"})
    single = Scenario.model_validate(data)
    with pytest.raises(EditError) as info:
        RemoveParty("a").apply(single)
    assert info.value.field == "items[0].parties"


def test_typing_over_a_preset_amount_tags_it_user_and_undo_restores_the_preset_provenance():
    assumed = Provenance(tag="A", note="假设值，非真实数据")
    before = SetAmountProvenance("i1", assumed).apply(_scenario())
    after, inverse = apply_edit(set_amount_edit(before, "i1", 7), before)
    assert after.items[0].amount_fen == 7
    assert after.items[0].amount_provenance == Provenance(tag="user")
    assert inverse.apply(after) == before
    again = set_amount_edit(after, "i1", 9)
    assert isinstance(again, SetItemAmount), "an amount already typed in stays tagged user without a second edit"
    with pytest.raises(EditError):
        set_amount_edit(before, "nope", 1)


def test_user_figure_is_tagged_user():
    scenario = SetPartyFigure("c", "population", user_figure("1,234.50", 2024)).apply(_scenario())
    figure = scenario.party("c").figure("population")
    assert figure is not None
    assert figure.value == "1234.5"
    assert figure.user_entered


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (SetItemAmount("i1", -1), "amount_fen"),
        (SetItemAmount("nope", 1), "items"),
        (SetItemBasis("i1", "colour"), "basis"),
        (SetWeight("i1", "a", "-1"), "weight"),
        (SetWeight("i1", "a", "NaN"), "weight"),
        (SetWeight("i1", "a", "abc"), "weight"),
        (SetWeight("i1", "a", "1e9"), "weight"),
        (AddParty(Party(id="a", name_zh="重复")), "parties"),
        (RemoveParty("zzz"), "parties"),
        (SetPartyFigure("zzz", "population", None), "parties"),
        (SetTitle("  "), "title"),
        (SetAmountProvenance("nope", None), "items"),
    ],
)
def test_bad_edits_are_refused_naming_the_field(edit, field):
    with pytest.raises(EditError) as caught:
        edit.apply(_scenario())
    assert caught.value.field == field


@pytest.mark.parametrize("text", ["-5", "NaN", "x", "inf"])
def test_user_figure_refuses_bad_values(text):
    with pytest.raises(EditError):
        user_figure(text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.builds(SetItemAmount, st.just("i1"), st.integers(0, 10**15)),
            st.builds(SetItemBasis, st.just("i1"), st.sampled_from(["population", "weights", "gdp"])),
            st.builds(
                SetWeight,
                st.just("i1"),
                st.sampled_from(["a", "b", "c"]),
                st.one_of(st.none(), st.decimals(0, 1000, places=3).map(str)),
            ),
        ),
        max_size=12,
    )
)
def test_undoing_a_sequence_in_reverse_returns_to_the_start(edits):
    start = scenario = _scenario()
    inverses = []
    for edit in edits:
        scenario, inverse = apply_edit(edit, scenario)
        inverses.append(inverse)
    for inverse in reversed(inverses):
        scenario = inverse.apply(scenario)
    assert scenario == start
