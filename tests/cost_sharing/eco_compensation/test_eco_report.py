"""``chengyu compute --json`` on the basin examples (issue 11, Done-when 3) and the monitoring fixtures computed
through the item (Done-when 2): per section the index or the monthly amounts, per month and per year every
transfer with payer, payee and fen, each party's net — all adding up exactly."""

import datetime
import json
import re
import subprocess
import sys
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

import pytest

from chengyu_accord.cost_sharing.engine import compute
from chengyu_accord.cost_sharing.instruments.eco_compensation.compute import compute_eco_details
from chengyu_accord.cost_sharing.instruments.eco_compensation.model import Sample
from chengyu_accord.cost_sharing.instruments.eco_compensation.monitoring import MonitoringError, read_monitoring
from chengyu_accord.cost_sharing.instruments.eco_compensation.presets import (
    jialing_p_index_example,
    qiongjiang_per_tonne_example,
)
from chengyu_accord.cost_sharing.progress import Progress
from chengyu_accord.cost_sharing.scenario import Scenario

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "monitoring"
EXAMPLES = {"jialing-p-index": jialing_p_index_example, "qiongjiang-per-tonne": qiongjiang_per_tonne_example}


def compute_json(stem: str) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "chengyu_accord.desktop.cli", "compute", "--json", ROOT / "examples" / f"{stem}.json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    (item,) = json.loads(run.stdout)["items"]
    assert item["kind"] == "eco_compensation"
    assert item["ok"]
    return item


def nets_of(transfers: list[dict]) -> dict[str, int]:
    nets: dict[str, int] = defaultdict(int)
    for t in transfers:
        assert t["amount_fen"] > 0
        assert isinstance(t["amount_fen"], int)
        assert t["payer"] != t["payee"]
        nets[t["payer"]] -= t["amount_fen"]
        nets[t["payee"]] += t["amount_fen"]
    return nets


@pytest.fixture(scope="module", params=sorted(EXAMPLES))
def report(request) -> tuple[str, dict]:
    return request.param, compute_json(request.param)


def test_every_period_nets_to_zero_and_the_nets_follow_from_the_transfers(report):
    _, item = report
    for period in [*item["months"], *item["years"], item]:
        assert sum(period["nets"].values()) == 0
        computed = nets_of(period["transfers"])
        assert {p: n for p, n in period["nets"].items() if n} == {p: n for p, n in computed.items() if n}


def test_the_years_add_up_the_months_and_the_period_adds_up_the_years(report):
    _, item = report
    by_year: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for month in item["months"]:
        for pid, net in month["nets"].items():
            by_year[month["month"][:4]][pid] += net
    for year in item["years"]:
        if year["year"] in by_year:
            assert {p: n for p, n in year["nets"].items() if n} == {p: n for p, n in by_year[year["year"]].items() if n}
    total: dict[str, int] = defaultdict(int)
    for year in item["years"]:
        for pid, net in year["nets"].items():
            total[pid] += net
    assert {p: n for p, n in item["nets"].items() if n} == {p: n for p, n in total.items() if n}


def test_the_jialing_example_prints_p_per_section_and_month_and_the_bets():
    item = compute_json("jialing-p-index")
    assert item["rule"]["type"] == "p_index"
    assert item["rule"]["k0"] == "0.85"
    sections = {s["id"]: s for s in item["sections"]}
    assert len(sections) == 3
    for section in sections.values():
        assert [m["month"] for m in section["months"]] == [f"2025-{m:02d}" for m in range(1, 13)]
        assert all(Fraction(m["p"]) > 0 for m in section["months"])
        assert section["break_even"]["common_scale"] is not None
    p = {sid: Fraction(s["p"]) for sid, s in sections.items()}
    # P ≤ 1: 重庆 pays 四川 the bet; P > 1: 四川 pays 重庆 — netted over the three sections
    bet = 5_000 * 10_000 * 100
    expected = sum(bet if value <= 1 else -bet for value in p.values())
    assert item["nets"]["sichuan"] == expected == -item["nets"]["chongqing"]
    assert item["months"] == []  # the bet is on the year's means: no monthly transfer
    (year,) = item["years"]
    assert year["year"] == "2025"
    assert year["nets"] == item["nets"]
    assert item["zone"]["lower_fen"] <= item["zone"]["proposed_fen"] <= item["zone"]["upper_fen"]


def test_the_qiongjiang_example_prints_the_monthly_amounts_and_whom_they_are_paid_to():
    item = compute_json("qiongjiang-per-tonne")
    assert item["rule"]["type"] == "per_tonne"
    months = {m["month"]: m for m in item["months"]}
    assert sorted(months) == [f"2025-{m:02d}" for m in range(1, 13)]
    upstream = {s["id"]: s["upstream"][0]["party"] for s in item["sections"]}
    downstream = {s["id"]: s["downstream"] for s in item["sections"]}
    for section in item["sections"]:
        assert len(section["months"]) == 12
        for row in section["months"]:
            amount = row["amount_fen"]
            transfers = months[row["month"]]["transfers"]
            payer, payee = (
                (upstream[section["id"]], downstream[section["id"]])
                if amount > 0
                else (downstream[section["id"]], upstream[section["id"]])
            )
            assert row["payer"] == ("upstream" if amount > 0 else "downstream")
            assert {"payer": payer, "payee": payee, "amount_fen": abs(amount)}.items() <= next(
                t for t in transfers if {t["payer"], t["payee"]} == {payer, payee}
            ).items()
        assert sum(r["amount_fen"] for r in section["months"]) == -item["nets"][upstream[section["id"]]]


@pytest.mark.parametrize("name", ["clean-utf8.csv", "clean-utf8-bom.csv", "clean-gb18030.csv", "clean.xlsx"])
def test_each_clean_fixture_imports_and_computes_to_the_same_payments(name):
    """The 琼江 example's data are the fixture's: any encoding of it, imported into the item, gives the same result."""
    scenario = qiongjiang_per_tonne_example()
    item = scenario.items[0]
    records = read_monitoring(
        FIXTURES / name,
        sections={s.id for s in item.sections},
        indicators={i.code: i.unit for i in item.indicators},
        period=(datetime.date(2025, 1, 1), datetime.date(2025, 12, 1)),
    )
    imported = item.model_copy(update={"records": tuple(Sample.from_record(r) for r in records)})
    result, details = compute_eco_details(scenario, imported, Progress())
    expected, _ = compute_eco_details(scenario, item, Progress())
    assert result.ok
    assert len(imported.records) == 72
    assert result.tables == expected.tables
    assert sum(details.settlement.nets.values()) == 0


def test_the_error_fixture_changes_nothing_in_the_item():
    scenario = qiongjiang_per_tonne_example()
    item = scenario.items[0]
    before = compute(scenario)
    with pytest.raises(MonitoringError) as raised:
        read_monitoring(
            FIXTURES / "errors-gb18030.csv",
            sections={s.id for s in item.sections},
            indicators={i.code: i.unit for i in item.indicators},
            period=(datetime.date(2025, 1, 1), datetime.date(2025, 12, 1)),
        )
    assert len(raised.value.problems) == 4
    assert compute(scenario) == before


def test_the_scenario_format_example_validates_and_computes_as_the_text_says():
    """The hand-written eco_compensation example in docs/scenario-format.md: P = 0.88875, 潼南区 pays 1,000万元."""
    doc = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    section = doc.split("### `eco_compensation`", 1)[1]
    block = re.search(r"```json\n(.*?)```", section, re.S)
    assert block
    scenario = Scenario.model_validate(json.loads(block.group(1)))
    result, details = compute_eco_details(scenario, scenario.items[0], Progress())
    assert result.ok
    assert details.p == {"border": Fraction("0.88875")}
    assert details.settlement.nets == {"suining": 1_000_000_000, "tongnan": -1_000_000_000}
    assert details.p_break_even["border"].common_scale == 1 / Fraction("0.88875")


def test_a_scenario_of_two_families_ends_with_disputes_and_the_final_provisions():
    """Cost sharing and compensation in one agreement: each family's own general articles, then the shared close."""
    from chengyu_accord.cost_sharing.agreement.build import build_agreement
    from chengyu_accord.cost_sharing.instruments.proportional.model import ProportionalSplit

    scenario = jialing_p_index_example()
    split = ProportionalSplit(
        id="split",
        title="监测能力建设",
        amount_fen=10_000_000,
        basis="weights",
        weights={"sichuan": "1", "chongqing": "1"},
    )
    both = scenario.model_copy(update={"items": (*scenario.items, split)})
    headings = [article.heading for article in build_agreement(both).articles]
    assert headings[-2:] == ["争议解决", "附则"]
