"""The edits of a basin agreement: each returns a new, valid scenario or refuses naming the field, the scenario
before untouched; what belongs to a removed section or indicator goes with it; an import is all or nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chengyu_accord.cost_sharing.edits import EditError
from chengyu_accord.cost_sharing.engine import compute
from chengyu_accord.cost_sharing.instruments.eco_compensation import edits, presets
from chengyu_accord.cost_sharing.instruments.eco_compensation.model import (
    ExceedanceRule,
    MonthlyStatusRule,
    PerTonneRule,
    PooledFundRule,
)
from chengyu_accord.cost_sharing.instruments.eco_compensation.monitoring import MonitoringError
from chengyu_accord.cost_sharing.scenario import Scenario

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "monitoring"
JIALING, QIONG = "jialing-p-index", "qiongjiang-per-tonne"


@pytest.fixture
def jialing() -> Scenario:
    return presets.jialing_p_index_example()


@pytest.fixture
def qiong() -> Scenario:
    return presets.qiongjiang_per_tonne_example()


def refused(scenario: Scenario, edit, field: str) -> EditError:
    before = scenario.model_dump()
    with pytest.raises(EditError) as caught:
        edit.apply(scenario)
    assert caught.value.field.endswith(field), caught.value
    assert scenario.model_dump() == before, "a refused edit changes nothing"
    return caught.value


# --- sections ----------------------------------------------------------------------------------------------


def test_a_section_is_added_renamed_given_parties_and_removed_with_its_samples(jialing):
    after = edits.AddSection(JIALING, "长江川渝界断面", "sichuan", "chongqing", "Yangtze").apply(jialing)
    item = after.item(JIALING)
    added = item.sections[-1]
    assert (added.name_zh, added.name_en, added.downstream) == ("长江川渝界断面", "Yangtze", "chongqing")
    assert [u.party for u in added.upstream] == ["sichuan"]
    assert added.id not in {s.id for s in jialing.item(JIALING).sections}

    renamed = edits.SetSectionName(JIALING, 0, "name_zh", "  嘉陵江新名  ").apply(jialing)
    assert renamed.item(JIALING).sections[0].name_zh == "嘉陵江新名"
    assert renamed.item(JIALING).sections[0].id == jialing.item(JIALING).sections[0].id, "samples keep pointing"

    gone = jialing.item(JIALING).sections[1].id
    removed = edits.RemoveSection(JIALING, 1).apply(jialing).item(JIALING)
    assert gone not in {s.id for s in removed.sections}
    assert all(r.section != gone for r in removed.records)
    assert len(removed.records) == len(jialing.item(JIALING).records) * 2 // 3


def test_section_edits_refuse_what_does_not_fit(jialing):
    refused(jialing, edits.AddSection(JIALING, "", "sichuan", "chongqing"), "name_zh")
    refused(jialing, edits.AddSection(JIALING, "新断面", "sichuan", "sichuan"), "downstream")
    refused(jialing, edits.AddSection(JIALING, "新断面", "chengdu", "chongqing"), "upstream[0].party")
    refused(jialing, edits.SetDownstream(JIALING, 0, "sichuan"), "sections[0].downstream")
    refused(jialing, edits.SetUpstream(JIALING, 0, 0, ratio="-1"), "sections[0].upstream[0].ratio")
    refused(jialing, edits.SetUpstream(JIALING, 0, 0, ratio="abc"), "sections[0].upstream[0].ratio")
    refused(jialing, edits.RemoveUpstream(JIALING, 0, 0), "sections[0].upstream")
    refused(jialing, edits.SetSectionName(JIALING, 7, "name_zh", "x"), "sections")
    one = jialing
    for _ in range(2):
        one = edits.RemoveSection(JIALING, 0).apply(one)
    refused(one, edits.RemoveSection(JIALING, 0), "sections")


def test_upstream_parties_share_a_section_by_their_ratios(qiong):
    item = qiong.item(QIONG)
    other = next(p for p in item.parties if p not in (item.sections[0].downstream, item.sections[0].upstream[0].party))
    after = edits.AddUpstream(QIONG, 0, other).apply(qiong)
    after = edits.SetUpstream(QIONG, 0, 1, ratio="3").apply(after)
    upstream = after.item(QIONG).sections[0].upstream
    assert [(u.party, u.ratio) for u in upstream][1] == (other, "3")
    refused(after, edits.AddUpstream(QIONG, 0, other), "upstream[2].party")
    back = edits.RemoveUpstream(QIONG, 0, 1).apply(after)
    assert back.item(QIONG).sections == item.sections


# --- indicators ---------------------------------------------------------------------------------------------


def test_an_indicator_is_added_and_its_limits_typed_and_cleared(jialing):
    after = edits.AddIndicator(JIALING, "COD", "化学需氧量", target="15", baseline="10").apply(jialing)
    added = after.item(JIALING).indicators[-1]
    assert (added.code, added.unit, added.target, added.baseline) == ("COD", "mg/L", "15", "10")
    changed = edits.SetIndicatorField(JIALING, 0, "target", "4.50").apply(jialing)
    assert changed.item(JIALING).indicators[0].target == "4.5"
    assert changed.item(JIALING).indicators[0].provenance == jialing.item(JIALING).indicators[0].provenance
    cleared = edits.SetIndicatorField(JIALING, 0, "target", "").apply(jialing)
    assert cleared.item(JIALING).indicators[0].target is None


def test_renaming_an_indicator_code_renames_it_in_the_samples_and_the_rule(jialing):
    after = edits.SetIndicatorField(JIALING, 1, "code", "NH3N").apply(jialing).item(JIALING)
    assert after.indicators[1].code == "NH3N"
    assert "NH3N" in after.rule.weights
    assert "NH3-N" not in after.rule.weights
    assert list(after.rule.weights) == ["CODMn", "NH3N", "TP", "TN"], "the order stays"
    assert not any(r.indicator == "NH3-N" for r in after.records)
    assert sum(r.indicator == "NH3N" for r in after.records) == 36


def test_removing_an_indicator_removes_its_samples_and_weight(jialing):
    after = edits.RemoveIndicator(JIALING, 3).apply(jialing).item(JIALING)
    assert [i.code for i in after.indicators] == ["CODMn", "NH3-N", "TP"]
    assert "TN" not in after.rule.weights
    assert not any(r.indicator == "TN" for r in after.records)


def test_indicator_edits_refuse_what_does_not_fit(jialing, qiong):
    refused(jialing, edits.AddIndicator(JIALING, "TP", "总磷"), "indicators[4].code")
    refused(jialing, edits.AddIndicator(JIALING, "COD", "化学需氧量", target="-2"), "indicators[4].target")
    refused(jialing, edits.SetIndicatorField(JIALING, 0, "baseline", "two"), "indicators[0].baseline")
    refused(jialing, edits.SetIndicatorField(JIALING, 0, "code", "TP"), "indicators[0].code")
    refused(jialing, edits.SetIndicatorField(JIALING, 0, "name_zh", " "), "indicators[0].name_zh")
    only_one = edits.SetRuleEntry(QIONG, "standards", "NH3-N", None).apply(qiong)
    only_one = edits.SetRuleEntry(QIONG, "standards", "TP", None).apply(only_one)
    refused(only_one, edits.RemoveIndicator(QIONG, 0), "rule.standards")


# --- samples and the import -------------------------------------------------------------------------------


def test_a_sample_value_is_corrected_and_a_bad_one_refused(qiong):
    after = edits.SetSampleField(QIONG, 0, "value", "4.250").apply(qiong)
    assert after.item(QIONG).records[0].value == "4.25"
    no_flow = edits.SetSampleField(QIONG, 0, "flow_m3", "").apply(qiong)
    assert no_flow.item(QIONG).records[0].flow_m3 is None
    refused(qiong, edits.SetSampleField(QIONG, 0, "value", "-1"), "records[0].value")
    refused(qiong, edits.SetSampleField(QIONG, 0, "value", ""), "records[0].value")
    refused(qiong, edits.SetSampleField(QIONG, 999, "value", "1"), "records")


@pytest.mark.parametrize("name", ["clean-utf8.csv", "clean-utf8-bom.csv", "clean-gb18030.csv", "clean.xlsx"])
def test_the_clean_fixtures_import_into_the_per_tonne_example(qiong, name):
    item = qiong.item(QIONG)
    samples = edits.read_item_monitoring(item, FIXTURES / name)
    assert len(samples) == 72
    after = edits.ReplaceSamples(QIONG, samples).apply(qiong)
    assert compute(after).item(QIONG).ok


def test_the_fixture_with_errors_reports_exactly_its_four_problems(qiong):
    with pytest.raises(MonitoringError) as caught:
        edits.read_item_monitoring(qiong.item(QIONG), FIXTURES / "errors-gb18030.csv")
    found = {(p.code, p.row) for p in caught.value.problems}
    assert found == {("unknown_indicator", 8), ("duplicate", 28), ("negative", 53), ("no_sample", None)}
    missing = next(p for p in caught.value.problems if p.code == "no_sample")
    assert (missing.section, missing.month) == ("濑溪河渝川界断面", (2025, 7))


def test_sections_may_be_named_by_id_or_by_chinese_name(qiong):
    item = qiong.item(QIONG)
    renamed = tuple(s.model_copy(update={"id": f"s{n}"}) for n, s in enumerate(item.sections))
    records = tuple(r.model_copy(update={"section": f"s{[s.name_zh for s in item.sections].index(r.section)}"})
                    for r in item.records)  # fmt: skip
    by_id = item.model_copy(update={"sections": renamed, "records": records})
    samples = edits.read_item_monitoring(by_id, FIXTURES / "clean-utf8.csv")  # the file names the sections
    assert {s.section for s in samples} == {"s0", "s1"}
    assert len(samples) == 72


# --- the rule, the period and the what-if scale ------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_type", "model"),
    [("pooled_fund", PooledFundRule), ("monthly_status", MonthlyStatusRule), ("exceedance", ExceedanceRule)],
)
def test_each_rule_type_starts_from_its_preset_and_computes(jialing, rule_type, model):
    after = edits.SetRuleType(JIALING, rule_type).apply(jialing)
    rule = after.item(JIALING).rule
    assert isinstance(rule, model)
    assert rule.provenance is not None
    assert compute(after).item(JIALING).tables, "the preset fits the example"
    back = edits.SetRuleType(JIALING, "p_index").apply(after)
    start = jialing.item(JIALING).rule
    assert (back.item(JIALING).rule.k0, back.item(JIALING).rule.weights) == (start.k0, start.weights), "新安江"


def test_the_per_tonne_preset_takes_the_jiangsu_standards_and_needs_flows(jialing, qiong):
    after = edits.SetRuleType(JIALING, "per_tonne").apply(jialing)
    rule = after.item(JIALING).rule
    assert isinstance(rule, PerTonneRule)
    assert rule.standards == {"CODMn": 1_500_000, "NH3-N": 10_000_000, "TP": 10_000_000}
    result = compute(after).item(JIALING)
    assert not result.ok
    assert all(d.code == "flow" for d in result.diagnostics if d.level == "error"), "the samples have no flows"
    round_trip = edits.SetRuleType(QIONG, "per_tonne").apply(edits.SetRuleType(QIONG, "exceedance").apply(qiong))
    assert round_trip.item(QIONG).rule.standards == qiong.item(QIONG).rule.standards
    assert compute(round_trip).item(QIONG).ok


def test_rule_parameters_and_entries_are_set_and_bad_ones_refused(jialing, qiong):
    after = edits.SetRuleParam(JIALING, "k0", "0.90").apply(jialing)
    assert after.item(JIALING).rule.k0 == "0.9"
    assert after.item(JIALING).rule.provenance == jialing.item(JIALING).rule.provenance
    after = edits.SetRuleParam(JIALING, "amount_fen", 123).apply(after)
    assert after.item(JIALING).rule.amount_fen == 123
    after = edits.SetRuleEntry(JIALING, "weights", "TN", "0.4").apply(after)
    assert after.item(JIALING).rule.weights["TN"] == "0.4"
    refused(jialing, edits.SetRuleParam(JIALING, "k0", "x"), "rule.k0")
    refused(jialing, edits.SetRuleParam(JIALING, "amount_fen", -5), "rule.amount_fen")
    refused(jialing, edits.SetRuleParam(JIALING, "fund_fen", 5), "rule.fund_fen")
    refused(jialing, edits.SetRuleEntry(JIALING, "weights", "COD", "1"), "rule.weights.COD")
    refused(qiong, edits.SetRuleEntry(QIONG, "standards", "TP", "1.5"), "rule.standards.TP")
    status = edits.SetRuleType(JIALING, "monthly_status").apply(jialing)
    reverse = edits.SetRuleParam(JIALING, "on_fail_fen", -100).apply(status)
    assert reverse.item(JIALING).rule.on_fail_fen == -100


def test_a_new_period_keeps_the_samples_inside_it(jialing):
    after = edits.SetPeriod(JIALING, "2025-01", "2025-06").apply(jialing).item(JIALING)
    assert (after.period.first, after.period.last) == ("2025-01", "2025-06")
    assert len(after.records) == len(jialing.item(JIALING).records) // 2
    refused(jialing, edits.SetPeriod(JIALING, "2025-13", "2025-12"), "period.first")
    refused(jialing, edits.SetPeriod(JIALING, "2025/01", "2025-12"), "period.first")
    refused(jialing, edits.SetPeriod(JIALING, "2025-06", "2025-01"), "period")


def test_the_quality_scale_is_checked_and_copied_without_touching_the_samples(jialing):
    after = edits.SetQualityScale(JIALING, "1.070").apply(jialing)
    assert after.item(JIALING).quality_scale == "1.07"
    assert after.item(JIALING).records is jialing.item(JIALING).records
    assert edits.SetQualityScale(JIALING, Decimal("1")).apply(jialing) is jialing
    refused(jialing, edits.SetQualityScale(JIALING, "0"), "quality_scale")
    refused(jialing, edits.SetQualityScale(JIALING, "11"), "quality_scale")
    refused(jialing, edits.SetQualityScale(JIALING, "abc"), "quality_scale")


def test_an_edit_of_another_kind_of_item_is_refused(jialing):
    from chengyu_accord.cost_sharing.presets import default_scenario

    other = default_scenario()
    refused(other, edits.SetQualityScale(other.items[0].id, "1.1"), "items")


def test_a_sourced_rule_is_applied_or_refused_saying_what_the_item_lacks(jialing, qiong):
    after = edits.ApplyRulePreset(JIALING, "xinan-3").apply(jialing).item(JIALING).rule
    assert (after.k0, after.weights["TP"], after.provenance.tag) == ("0.9", "0.28", "U")
    error = refused(qiong, edits.ApplyRulePreset(QIONG, "xinan-1"), "rule")
    assert "TN" in error.message, "the 新安江 weights name TN, which the 琼江 item does not assess"
    refused(jialing, edits.ApplyRulePreset(JIALING, "nowhere"), "rule")
