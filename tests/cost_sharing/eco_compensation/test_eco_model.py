"""The ecological-compensation item's model: a good item, each bad reference named by its field path, the rule
union chosen by ``type``, limits, a JSON round trip, and parties joining and leaving (issue 11)."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from engine_fixtures import make_party
from pydantic import ValidationError

from chengyu_accord.cost_sharing.instruments.eco_compensation.model import (
    MAX_SECTIONS,
    EcoCompensation,
    PerTonneRule,
    PIndexRule,
    PooledFundRule,
    Sample,
)
from chengyu_accord.cost_sharing.instruments.eco_compensation.monitoring import MonitoringRecord
from chengyu_accord.cost_sharing.instruments.eco_compensation.rules import ZHOUKOU_TIERS
from chengyu_accord.cost_sharing.scenario import Scenario

UP, DOWN, THIRD = "340000", "330000", "320000"
PARTIES = (make_party(UP, "安徽省"), make_party(DOWN, "浙江省"), make_party(THIRD, "江苏省"))


def data(**changes):
    base = {
        "kind": "eco_compensation",
        "id": "eco",
        "parties": [UP, DOWN],
        "sections": [
            {"id": "jiekou", "name_zh": "街口", "upstream": [{"party": UP}], "downstream": DOWN},
        ],
        "indicators": [
            {"code": "CODMn", "name_zh": "高锰酸盐指数", "baseline": "2.0", "target": "4"},
            {"code": "TP", "name_zh": "总磷", "baseline": "0.030", "target": "0.1"},
        ],
        "records": [
            {"date": "2019-01-15", "section": "jiekou", "indicator": "CODMn", "value": "1.8", "flow_m3": "5e7"},
            {"date": "2019-01-15", "section": "jiekou", "indicator": "TP", "value": "0.028"},
        ],
        "period": {"first": "2019-01", "last": "2019-01"},
        "rule": {
            "type": "p_index",
            "k0": "0.85",
            "weights": {"CODMn": "0.5", "TP": "0.5"},
            "amount_fen": 100,
            "provenance": {"tag": "A", "source": "brief"},
        },
    }
    return base | changes


def scenario(item):
    return Scenario(title="测试", parties=PARTIES, items=(item,))


def test_a_good_item_validates_and_round_trips_through_json():
    item = EcoCompensation.model_validate(data())
    assert isinstance(item.rule, PIndexRule)
    assert item.records[0].flow_m3 == "50000000"
    assert item.indicators[1].baseline == "0.03"
    assert item.member_ids(()) == (UP, DOWN)
    scenario(item)
    text = item.model_dump_json()
    assert EcoCompensation.model_validate_json(text) == item
    assert EcoCompensation.model_validate(json.loads(text)) == item
    assert item.period.label == "2019-01"


@pytest.mark.parametrize(
    ("rule", "cls"),
    [
        ({"type": "per_tonne", "standards": {"CODMn": 1_500_000}}, PerTonneRule),
        (
            {"type": "pooled_fund", "fund_fen": 10, "contributions": {UP: "1"}, "allocations": {DOWN: "1"}},
            PooledFundRule,
        ),
    ],
)
def test_the_rule_is_chosen_by_its_type(rule, cls):
    item = EcoCompensation.model_validate(data(rule=rule))
    assert isinstance(item.rule, cls)
    assert EcoCompensation.model_validate_json(item.model_dump_json()) == item


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"rule": {"type": "lottery"}}, "rule"),
        ({"period": {"first": "2019-13", "last": "2019-12"}}, "period.first"),
        ({"parties": [UP, UP]}, "parties[1]"),
        ({"rule": {"type": "p_index", "k0": "-1", "weights": {"TP": "1"}, "amount_fen": 1}}, "rule.p_index.k0"),
    ],
)
def test_bad_fields_are_refused_by_path(changes, path):
    with pytest.raises(ValidationError) as caught:
        EcoCompensation.model_validate(data(**changes))
    text = str(caught.value)
    assert path in text or path.replace("[", ".").replace("]", "") in text


def test_exceedance_tiers_default_to_zhoukou():
    rule = EcoCompensation.model_validate(data(rule={"type": "exceedance"})).rule
    assert [(t.lower_bound, t.amount_fen) for t in rule.tiers] == [
        (str(Decimal(b.numerator) / b.denominator), a) for b, a in ZHOUKOU_TIERS
    ]


def test_limits_on_list_sizes():
    with pytest.raises(ValidationError, match="120"):
        EcoCompensation.model_validate(data(period={"first": "2000-01", "last": "2010-01"}))
    sections = [
        {"id": f"s{n}", "name_zh": "断面", "upstream": [{"party": UP}], "downstream": DOWN}
        for n in range(MAX_SECTIONS + 1)
    ]
    with pytest.raises(ValidationError, match="sections"):
        EcoCompensation.model_validate(data(sections=sections))
    with pytest.raises(ValidationError, match="indicators"):
        EcoCompensation.model_validate(
            data(indicators=[{"code": f"X{n}", "name_zh": "x"} for n in range(21)], records=[])
        )


def record(**changes):
    return {"date": "2019-01-15", "section": "jiekou", "indicator": "TP", "value": "0.028"} | changes


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        (
            {"sections": [{"id": "j", "name_zh": "街口", "upstream": [{"party": UP}], "downstream": "999999"}]},
            "items[0].sections[0].downstream: unknown party id '999999'",
        ),
        (
            {"sections": [{"id": "j", "name_zh": "街口", "upstream": [{"party": THIRD}], "downstream": DOWN}]},
            "items[0].sections[0].upstream[0].party: party '320000' is not in this item",
        ),
        (
            {"sections": [{"id": "jiekou", "name_zh": "街口", "upstream": [{"party": DOWN}], "downstream": DOWN}]},
            "items[0].sections[0].upstream[0].party",
        ),
        ({"records": [record(section="nowhere")]}, "items[0].records[0].section: unknown section 'nowhere'"),
        ({"records": [record(indicator="TN")]}, "items[0].records[0].indicator: unknown indicator 'TN'"),
        ({"records": [record(date="2020-01-01")]}, "items[0].records[0].date"),
        ({"rule": {"type": "p_index", "k0": "1", "weights": {"TN": "1"}, "amount_fen": 1}}, "items[0].rule.weights.TN"),
        (
            {"rule": {"type": "p_index", "k0": "1", "weights": {"TP": "1"}, "amount_fen": 1, "central_party": UP}},
            "items[0].rule.central_party",
        ),
        (
            {"rule": {"type": "pooled_fund", "fund_fen": 1, "contributions": {THIRD: "1"}, "allocations": {UP: "1"}}},
            "items[0].rule.contributions.320000",
        ),
        ({"rule": {"type": "per_tonne", "standards": {"COD": 1}}}, "items[0].rule.standards.COD"),
    ],
)
def test_each_bad_reference_is_named_by_its_field_path(changes, path):
    item = EcoCompensation.model_validate(data(**changes))
    with pytest.raises(ValueError, match=re.escape(path)):
        scenario(item)


def test_samples_convert_to_and_from_monitoring_records():
    rec = MonitoringRecord(datetime.date(2019, 1, 15), "jiekou", "TP", Decimal("0.028"), "mg/L", Decimal("5E+7"))
    sample = Sample.from_record(rec)
    assert sample.month == "2019-01"
    assert sample.to_record("mg/L") == MonitoringRecord(
        rec.date, "jiekou", "TP", Decimal("0.028"), "mg/L", Decimal("50000000")
    )


def test_parties_join_and_leave():
    item = EcoCompensation.model_validate(data())
    joined = item.with_party(THIRD)
    assert joined.parties == (UP, DOWN, THIRD)
    assert joined.with_party(THIRD) == joined
    assert joined.without_party(THIRD) == item
    with pytest.raises(ValueError, match=re.escape("sections[0].downstream")):
        joined.without_party(DOWN)
    with pytest.raises(ValueError, match=re.escape("sections[0].upstream")):
        joined.without_party(UP)
    shared = EcoCompensation.model_validate(
        data(
            parties=[UP, DOWN, THIRD],
            sections=[
                {"id": "jiekou", "name_zh": "街口", "upstream": [{"party": UP}, {"party": THIRD}], "downstream": DOWN}
            ],
        )
    )
    left = shared.without_party(THIRD)
    assert [u.party for u in left.sections[0].upstream] == [UP]
    scenario(left)
    assert list(shared.party_references()) == [
        ("parties[0]", UP),
        ("parties[1]", DOWN),
        ("parties[2]", THIRD),
        ("sections[0].upstream[0].party", UP),
        ("sections[0].upstream[1].party", THIRD),
        ("sections[0].downstream", DOWN),
    ]
