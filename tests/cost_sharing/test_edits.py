"""Edits are pure: apply makes a new scenario and never touches the old one, which is what undo restores."""

from __future__ import annotations

import pytest

from chengyu_accord.cost_sharing.edits import (
    AddParty,
    Batch,
    EditError,
    RemoveParty,
    SetPartyFigure,
    SetTitle,
    user_figure,
)
from chengyu_accord.cost_sharing.instruments.proportional.edits import (
    SetAmountProvenance,
    SetItemAmount,
    SetItemBasis,
    SetWeight,
    SetWeights,
    set_amount_edit,
)
from chengyu_accord.cost_sharing.instruments.proportional.model import ProportionalSplit
from chengyu_accord.cost_sharing.scenario import Figure, Party, Provenance, Scenario


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
def test_an_edit_makes_a_new_scenario_and_leaves_the_old_one_as_it_was(edit, explicit):
    before = _scenario(explicit)
    after = edit.apply(before)
    assert after != before
    assert before == _scenario(explicit), "the old scenario is never modified"
    assert edit.apply(before) == after, "applying again gives the same scenario"
    assert edit.label.zh
    assert edit.label.en


def test_remove_party_takes_its_weights_and_membership_and_adding_it_back_joins_listing_items():
    before = _scenario(explicit_members=True)
    after = RemoveParty("b").apply(before)
    assert [p.id for p in after.parties] == ["a", "c"]
    assert after.items[0].parties == ("a", "c")
    assert "b" not in after.items[0].weights
    again = AddParty(before.party("b")).apply(after)
    assert again.items[0].parties == ("a", "c", "b"), "an item that lists its members takes a new party in"


def test_removing_the_last_member_of_an_item_is_refused_not_turned_into_every_party():
    scenario = _scenario(explicit_members=True)
    data = scenario.model_dump()
    data["items"][0].update(parties=("a",), weights={"a": "1"})
    single = Scenario.model_validate(data)
    with pytest.raises(EditError) as info:
        RemoveParty("a").apply(single)
    assert info.value.field == "items[0].parties"


def test_typing_over_a_preset_amount_tags_it_user():
    assumed = Provenance(tag="A", note="假设值，非真实数据")
    before = SetAmountProvenance("i1", assumed).apply(_scenario())
    after = set_amount_edit(before, "i1", 7).apply(before)
    assert after.items[0].amount_fen == 7
    assert after.items[0].amount_provenance == Provenance(tag="user")
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
        (SetWeight("i1", "a", "1e16"), "weight"),
        (SetItemAmount("i1", 10**19), "amount_fen"),
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
