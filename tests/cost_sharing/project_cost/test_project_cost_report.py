"""``compute --json`` for project-cost items: every method prints each party's fen and exact unrounded value."""

import json
import subprocess
import sys
from fractions import Fraction

from chengyu_accord.cost_sharing.instrument import instrument_for
from chengyu_accord.cost_sharing.instruments.project_cost import PROJECT_COST, report_section
from chengyu_accord.cost_sharing.instruments.project_cost.compute import compute_project
from chengyu_accord.cost_sharing.instruments.project_cost.model import (
    METHODS,
    CoalitionCost,
    ProjectCostSharing,
    ProjectInfo,
    ProjectParty,
    Segment,
)
from chengyu_accord.cost_sharing.progress import Progress
from chengyu_accord.cost_sharing.scenario import Figure, Party, Scenario
from chengyu_accord.cost_sharing.storage import save_scenario

APARTMENT = {(0,): 300, (1,): 270, (2,): 280, (0, 1): 410, (0, 2): 410, (1, 2): 410}


def parties(n):
    return tuple(
        Party(
            id=f"p{i}",
            name_zh=f"甲{i}",
            name_en=f"P{i}",
            figures={"population": Figure(value=str(10 + i)), "gdp": Figure(value=str(100 + 7 * i))},
        )
        for i in range(n)
    )


def test_registered():
    assert instrument_for("project_cost") is PROJECT_COST


def test_apartment_report_prints_exact_fractions():
    item = ProjectCostSharing(
        id="apt",
        project=ProjectInfo(name_zh="公寓", capital_fen=550),
        parties=tuple(ProjectParty(party=f"p{i}") for i in range(3)),
        coalitions=tuple(
            CoalitionCost(parties=tuple(f"p{i}" for i in group), cost_fen=cost) for group, cost in APARTMENT.items()
        ),
        methods=("shapley", "nucleolus"),
        method="nucleolus",
    )
    scenario = Scenario(title="公寓", parties=parties(3), items=(item,))
    section = report_section(scenario, item, compute_project(scenario, item, 0, Progress()))
    assert section["game"] == "coalition_table"
    assert section["method"] == "nucleolus"
    shapley = section["methods"]["shapley"]
    assert [a["exact"] for a in shapley["allocations"]] == ["575/3", "530/3", "545/3"]
    assert [a["exact"] for a in section["methods"]["nucleolus"]["allocations"]] == ["550/3"] * 3
    assert shapley["sum_fen"] == 550
    assert sum(a["amount_fen"] for a in section["agreed"]) == 550
    assert sum(Fraction(a["share"]) for a in section["agreed"]) == 1
    assert [s["party_id"] for s in section["schedule"]] == ["p0", "p1", "p2"]


def line_scenario() -> Scenario:
    """Every method at once: a line of segments with users, factors, weights, negotiated amounts."""
    item = ProjectCostSharing(
        id="line",
        project=ProjectInfo(name_zh="线路", capital_fen=1_800_000_00, operating_fen_per_year=1_000_00),
        segments=tuple(Segment(name_zh=f"第{k}段", cost_fen=c * 100_000_00) for k, c in enumerate((8, 3, 2, 5), 1)),
        parties=tuple(
            ProjectParty(
                party=f"p{i}",
                reach=i + 1,
                users=1 + i,
                length_km=str(10 + i),
                works_fen=1_000_00 * (i + 1),
                demand=str(3 + i),
                negotiated_fen=(400_000_00, 400_000_00, 400_000_00, 600_000_00)[i],
            )
            for i in range(4)
        ),
        weights={"population": "1", "works": "2"},
        methods=METHODS,
        method="shapley",
    )
    return Scenario(title="线路", parties=parties(4), items=(item,))


def test_compute_json_prints_every_method_for_every_party(tmp_path):
    path = tmp_path / "line.json"
    scenario = line_scenario()
    save_scenario(scenario, path)
    run = subprocess.run(
        [sys.executable, "-m", "chengyu_accord.desktop.cli", "compute", "--json", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    (item,) = json.loads(run.stdout)["items"]
    assert item["ok"]
    assert item["game"] == "segment"
    assert set(item["methods"]) == set(METHODS)
    for method, entry in item["methods"].items():
        assert entry["available"], (method, entry["reason_en"])
        allocations = entry["allocations"]
        assert [a["party_id"] for a in allocations] == ["p0", "p1", "p2", "p3"]
        assert sum(a["amount_fen"] for a in allocations) == entry["sum_fen"] == 1_800_000_00
        for a in allocations:
            exact = a["exact"]
            if "/" in exact:
                assert abs(Fraction(exact) - a["amount_fen"]) < 1
            else:
                digits = exact.replace("-", "").replace(".", "").lstrip("0")
                assert len(digits) >= 9
                assert abs(float(exact) - a["amount_fen"]) < 1
    keys = [t["key"] for t in item["tables"]]
    assert keys == ["methods", "agreed", "benchmarks", "savings", "schedule", "years"]
