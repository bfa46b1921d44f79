"""The project-cost edits: each applies to a new scenario, validated with the item; a refused one names the field."""

from __future__ import annotations

import pytest

from chengyu_accord.cost_sharing.edits import Batch, EditError
from chengyu_accord.cost_sharing.instruments.project_cost import edits
from chengyu_accord.cost_sharing.instruments.project_cost.model import (
    CoalitionCost,
    ProjectCostSharing,
    ProjectInfo,
    ProjectParty,
    Segment,
)
from chengyu_accord.cost_sharing.scenario import Figure, Party, Provenance, Scenario

ITEM = "line"


def _party(pid: str, name: str, population: str | None) -> Party:
    figures = {"population": Figure(value=population, year=2022)} if population else {}
    return Party(id=pid, name_zh=name, name_en=f"Party {pid}", figures=figures)


@pytest.fixture
def scenario() -> Scenario:
    parties = (_party("a", "渝北区", "219.15"), _party("b", "沙坪坝区", "147.73"), _party("c", "璧山区", None))
    item = ProjectCostSharing(
        id=ITEM,
        project=ProjectInfo(
            name_zh="渝北至璧山快线", capital_fen=100_000_00, capital_provenance=Provenance(tag="A", note="example")
        ),
        parties=(ProjectParty(party="a", length_km="12.5"), ProjectParty(party="b"), ProjectParty(party="c")),
        coalitions=(CoalitionCost(parties=("a",), cost_fen=60_000_00),),
        segments=(Segment(name_zh="一段", cost_fen=40_000_00), Segment(name_zh="二段", cost_fen=60_000_00)),
        weights={"population": "1"},
    )
    return Scenario(title="测试", parties=parties, items=(item,))


def item_of(scenario: Scenario) -> ProjectCostSharing:
    return scenario.item(ITEM)  # type: ignore[return-value]


def refused(edit, scenario: Scenario) -> EditError:
    with pytest.raises(EditError) as caught:
        edit.apply(scenario)
    return caught.value


# --- the project -------------------------------------------------------------------------------------


def test_project_fields_are_read_by_the_number_rules(scenario):
    changed = scenario
    for field, value in (
        ("capital_fen", 123_456_78),
        ("operating_fen_per_year", 5_000_00),
        ("life_years", "40"),
        ("term_years", 15),
        ("discount_rate", "0.035"),
        ("start_year", "2027"),
        ("name_zh", " 新名称 "),
        ("name_en", "New line"),
        ("type", "water"),
    ):
        changed = edits.SetProjectField(ITEM, field, value).apply(changed)
    project = item_of(changed).project
    assert (project.capital_fen, project.operating_fen_per_year) == (123_456_78, 5_000_00)
    assert (project.life_years, project.term_years, project.start_year) == (40, 15, 2027)
    assert project.discount_rate == "0.035"
    assert (project.name_zh, project.name_en, project.type) == ("新名称", "New line", "water")
    assert project.capital_provenance == Provenance(tag="user"), "a typed capital is the user's"
    assert item_of(scenario).project.capital_fen == 100_000_00, "the old scenario is untouched"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("capital_fen", -1, "negative"),
        ("capital_fen", 1.5, "whole number of fen"),
        ("capital_fen", 10**19, "exceed"),
        ("life_years", 0, "at least 1"),
        ("term_years", "2.5", "decimals"),
        ("term_years", 101, "exceed"),
        ("discount_rate", "abc", "not a number"),
        ("discount_rate", "-0.01", "negative"),
        ("discount_rate", "2", "exceed"),
        ("discount_rate", 0.04, "exact decimal"),
        ("start_year", 1800, "at least 1900"),
        ("name_zh", "  ", "empty"),
        ("name_zh", "a\x01b", "control character"),
        ("type", "airport", "unknown project type"),
    ],
)
def test_a_bad_project_value_is_refused_naming_the_field(scenario, field, value, words):
    error = refused(edits.SetProjectField(ITEM, field, value), scenario)
    assert error.field == f"project.{field}"
    assert words in error.message


def test_an_unknown_project_field_or_item_is_refused(scenario):
    assert refused(edits.SetProjectField(ITEM, "colour", "red"), scenario).field == "field"
    assert refused(edits.SetProjectField("nope", "life_years", 3), scenario).field == "items"


def test_the_same_capital_keeps_its_provenance(scenario):
    changed = edits.SetProjectField(ITEM, "capital_fen", 100_000_00).apply(scenario)
    assert item_of(changed).project.capital_provenance.tag == "A"


def test_contributions_are_added_changed_and_removed(scenario):
    changed = edits.AddContribution(ITEM, "国铁集团出资", 30_000_00, "China Railway").apply(scenario)
    changed = edits.AddContribution(ITEM, "中央补助", 10_000_00).apply(changed)
    assert item_of(changed).shared_fen == 60_000_00
    changed = edits.SetContribution(ITEM, 1, "amount_fen", 20_000_00).apply(changed)
    changed = edits.SetContribution(ITEM, 0, "name_en", "CR").apply(changed)
    assert [(c.name_en, c.amount_fen) for c in item_of(changed).contributions] == [("CR", 30_000_00), ("", 20_000_00)]
    assert item_of(changed).contributions[1].provenance.tag == "user"
    changed = edits.RemoveContribution(ITEM, 0).apply(changed)
    assert [c.name_zh for c in item_of(changed).contributions] == ["中央补助"]
    assert refused(edits.RemoveContribution(ITEM, 3), changed).field == "contributions"
    assert refused(edits.SetContribution(ITEM, 0, "amount_fen", -5), changed).field == "contributions[0].amount_fen"
    assert refused(edits.AddContribution(ITEM, "", 1), changed).field == "contributions[1].name_zh"


# --- the parties' attributes ----------------------------------------------------------------------------


def test_party_attributes_are_set_and_cleared_never_zero(scenario):
    changed = edits.SetPartyAttribute(ITEM, "b", "length_km", "8.250").apply(scenario)
    changed = edits.SetPartyAttribute(ITEM, "b", "works_fen", 12_00).apply(changed)
    changed = edits.SetPartyAttribute(ITEM, "b", "demand", "3,000").apply(changed)
    changed = edits.SetPartyAttribute(ITEM, "b", "reach", "2").apply(changed)
    changed = edits.SetPartyAttribute(ITEM, "b", "users", 500).apply(changed)
    changed = edits.SetPartyAttribute(ITEM, "b", "negotiated_fen", 0).apply(changed)
    party = item_of(changed).parties[1]
    assert (party.length_km, party.works_fen, party.demand) == ("8.25", 12_00, "3000")
    assert (party.reach, party.users, party.negotiated_fen) == (2, 500, 0)
    changed = edits.SetPartyAttribute(ITEM, "a", "length_km", None).apply(changed)
    changed = edits.SetPartyAttribute(ITEM, "b", "users", None).apply(changed)
    assert item_of(changed).parties[0].length_km is None
    assert item_of(changed).parties[1].users == 1


@pytest.mark.parametrize(
    ("attribute", "value", "words"),
    [
        ("length_km", "-3", "negative"),
        ("length_km", "twelve", "not a number"),
        ("works_fen", "12", "whole number of fen"),
        ("reach", 3, "exceed"),
        ("reach", 0, "at least 1"),
        ("users", "0", "at least 1"),
        ("users", "1.5", "decimals"),
    ],
)
def test_a_bad_attribute_is_refused_naming_the_party_and_attribute(scenario, attribute, value, words):
    error = refused(edits.SetPartyAttribute(ITEM, "b", attribute, value), scenario)
    assert error.field == f"parties[1].{attribute}"
    assert words in error.message


def test_attribute_of_a_stranger_or_unknown_attribute_is_refused(scenario):
    assert refused(edits.SetPartyAttribute(ITEM, "zz", "length_km", "1"), scenario).field == "parties"
    assert refused(edits.SetPartyAttribute(ITEM, "a", "population", "1"), scenario).field == "attribute"


def test_reach_needs_segments(scenario):
    bare = edits.RemoveSegment(ITEM, 0).apply(edits.RemoveSegment(ITEM, 0).apply(scenario))
    error = refused(edits.SetPartyAttribute(ITEM, "a", "reach", 1), bare)
    assert "no segments" in error.message


# --- basis, weights, methods -------------------------------------------------------------------------


def test_basis_and_factor_weights(scenario):
    changed = edits.SetBasis(ITEM, "length").apply(scenario)
    assert item_of(changed).basis == "length"
    changed = edits.SetFactorWeight(ITEM, "gdp", "2.50").apply(changed)
    changed = edits.SetFactorWeight(ITEM, "population", None).apply(changed)
    assert item_of(changed).weights == {"gdp": "2.5"}
    changed = edits.SetFactorWeights(ITEM, (("length", "1"), ("works", 3))).apply(changed)
    assert item_of(changed).weights == {"length": "1", "works": "3"}
    assert refused(edits.SetBasis(ITEM, "area"), scenario).field == "basis"
    assert refused(edits.SetFactorWeight(ITEM, "area", "1"), scenario).field == "weights"
    error = refused(edits.SetFactorWeight(ITEM, "gdp", "-1"), scenario)
    assert error.field == "weights.gdp"
    assert refused(edits.SetFactorWeights(ITEM, (("gdp", "x"),)), scenario).field == "weights.gdp"
    assert item_of(scenario).weights == {"population": "1"}


def test_methods_and_the_agreed_method(scenario):
    changed = edits.SetMethods(ITEM, ("equal", "shapley", "weighted")).apply(scenario)
    changed = edits.SetAgreementMethod(ITEM, "shapley").apply(changed)
    assert item_of(changed).methods == ("equal", "shapley", "weighted")
    assert item_of(changed).method == "shapley"
    assert refused(edits.SetMethods(ITEM, ("equal", "equal")), scenario).field == "methods"
    assert refused(edits.SetMethods(ITEM, ("magic",)), scenario).field == "methods"
    assert refused(edits.SetAgreementMethod(ITEM, "magic"), scenario).field == "method"


def test_fixed_amount(scenario):
    changed = edits.SetFixed(ITEM, "b", 30_000_00).apply(scenario)
    assert (item_of(changed).fixed.party, item_of(changed).fixed.amount_fen) == ("b", 30_000_00)
    assert item_of(edits.SetFixed(ITEM, None).apply(changed)).fixed is None
    assert refused(edits.SetFixed(ITEM, "zz", 1), scenario).field == "parties"
    assert refused(edits.SetFixed(ITEM, "b", 200_000_00), scenario).field == "fixed.amount_fen"


def test_bargaining_power(scenario):
    changed = edits.SetBargainingPower(ITEM, "a", "2").apply(scenario)
    assert item_of(changed).bargaining_power == {"a": "2"}
    assert item_of(edits.SetBargainingPower(ITEM, "a", None).apply(changed)).bargaining_power == {}


# --- coalitions and segments ---------------------------------------------------------------------------


def test_coalition_costs_by_group_whatever_the_order(scenario):
    changed = edits.SetCoalitionCost(ITEM, ("c", "a"), 80_000_00).apply(scenario)
    assert item_of(changed).coalitions[-1].parties == ("a", "c"), "members in table order"
    assert item_of(changed).coalitions[-1].provenance.tag == "user"
    changed = edits.SetCoalitionCost(ITEM, ("a", "c"), 70_000_00).apply(changed)
    assert [(c.parties, c.cost_fen) for c in item_of(changed).coalitions] == [
        (("a",), 60_000_00),
        (("a", "c"), 70_000_00),
    ]
    changed = edits.SetCoalitionCost(ITEM, ("a",), None).apply(changed)
    assert [c.parties for c in item_of(changed).coalitions] == [("a", "c")]
    changed = edits.SetCoalitionParties(ITEM, 0, ("b", "c")).apply(changed)
    assert item_of(changed).coalitions[0].parties == ("b", "c")
    assert item_of(changed).coalitions[0].cost_fen == 70_000_00


def test_bad_coalitions_are_refused(scenario):
    assert refused(edits.SetCoalitionCost(ITEM, (), 1), scenario).field == "coalitions"
    assert refused(edits.SetCoalitionCost(ITEM, ("a", "a"), 1), scenario).field == "coalitions"
    assert refused(edits.SetCoalitionCost(ITEM, ("a", "zz"), 1), scenario).field == "coalitions"
    assert refused(edits.SetCoalitionCost(ITEM, ("b",), None), scenario).field == "coalitions"
    assert refused(edits.SetCoalitionCost(ITEM, ("b",), -1), scenario).field == "coalitions[1].cost_fen"
    with_two = edits.SetCoalitionCost(ITEM, ("b",), 5).apply(scenario)
    assert refused(edits.SetCoalitionParties(ITEM, 1, ("a",)), with_two).field == "coalitions[1].parties"


def test_segments(scenario):
    changed = edits.AddSegment(ITEM, "三段", 10_000_00, "Section 3").apply(scenario)
    changed = edits.SetSegment(ITEM, 2, "cost_fen", 20_000_00).apply(changed)
    changed = edits.SetSegment(ITEM, 0, "name_zh", "首段").apply(changed)
    assert [(s.name_zh, s.cost_fen) for s in item_of(changed).segments] == [
        ("首段", 40_000_00),
        ("二段", 60_000_00),
        ("三段", 20_000_00),
    ]
    changed = edits.SetPartyAttribute(ITEM, "a", "reach", 3).apply(changed)
    error = refused(edits.RemoveSegment(ITEM, 0), changed)
    assert error.field == "parties[0].reach"
    changed = edits.SetPartyAttribute(ITEM, "a", "reach", 2).apply(changed)
    assert len(item_of(edits.RemoveSegment(ITEM, 0).apply(changed)).segments) == 2
    assert refused(edits.SetSegment(ITEM, 9, "cost_fen", 1), changed).field == "segments"
    assert refused(edits.SetSegment(ITEM, 0, "cost_fen", "x"), changed).field == "segments[0].cost_fen"


def test_edits_have_labels_and_batch(scenario):
    batch = Batch((edits.SetBasis(ITEM, "length"), edits.SetAgreementMethod(ITEM, "weighted")))
    changed = batch.apply(scenario)
    assert (item_of(changed).basis, item_of(changed).method) == ("length", "weighted")
    for edit in (edits.SetFactorWeight, edits.SetPartyAttribute, edits.SetCoalitionCost, edits.SetProjectField):
        assert edit.label.zh
        assert edit.label.en
    assert edits.SetFactorWeight.structural is False, "a slider drag merges into one undo step"
