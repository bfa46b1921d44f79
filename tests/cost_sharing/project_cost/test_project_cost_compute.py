"""The project-cost item computed: the game, every method side by side, exact splits and plain-words checks."""

import math
from fractions import Fraction

from chengyu_accord import data
from chengyu_accord.cost_sharing.instruments.project_cost.compute import (
    compute_project,
    compute_project_details,
)
from chengyu_accord.cost_sharing.instruments.project_cost.model import (
    CoalitionCost,
    Contribution,
    FixedAmount,
    ProjectCostSharing,
    ProjectInfo,
    ProjectParty,
    Segment,
)
from chengyu_accord.cost_sharing.presets import party_from_unit
from chengyu_accord.cost_sharing.progress import Progress
from chengyu_accord.cost_sharing.scenario import Figure, Party, Scenario

APARTMENT = {(0,): 300, (1,): 270, (2,): 280, (0, 1): 410, (0, 2): 410, (1, 2): 410}


def parties(n, populations=None):
    populations = populations or [str(10 + i) for i in range(n)]
    return tuple(
        Party(
            id=f"p{i}",
            name_zh=f"甲{i}",
            name_en=f"P{i}",
            figures={} if populations[i] is None else {"population": Figure(value=populations[i], year=2020)},
        )
        for i in range(n)
    )


def coalition_item(n, costs, capital, **fields):
    fields.setdefault("parties", tuple(ProjectParty(party=f"p{i}", works_fen=100 * (i + 1)) for i in range(n)))
    return ProjectCostSharing(
        id="item",
        project=ProjectInfo(name_zh="测试项目", capital_fen=capital, operating_fen_per_year=fields.pop("operating", 0)),
        coalitions=tuple(
            CoalitionCost(parties=tuple(f"p{i}" for i in members), cost_fen=cost) for members, cost in costs.items()
        ),
        **fields,
    )


def run(item, party_list):
    scenario = Scenario(title="测试", parties=party_list, items=(item,))
    return compute_project_details(scenario, item, Progress())


def test_apartment_game_shapley_and_nucleolus_are_exact():
    item = coalition_item(3, APARTMENT, 550, methods=("shapley", "nucleolus", "scrb"), method="shapley")
    result, details = run(item, parties(3))
    assert result.ok
    assert details.outcomes["shapley"].exact == (Fraction(575, 3), Fraction(530, 3), Fraction(545, 3))
    assert details.outcomes["nucleolus"].exact == (Fraction(550, 3),) * 3
    methods = result.table("methods")
    assert [c.key for c in methods.columns] == ["shapley", "nucleolus", "scrb"]
    assert methods.fen("shapley") == {"p0": 192, "p1": 177, "p2": 181}
    assert [t.key for t in result.tables] == [
        "methods",
        "agreed",
        "benchmarks",
        "savings",
        "schedule",
        "years",
        "coalitions",
    ]
    codes = {d.code for d in result.diagnostics}
    assert {"in-core", "kohlberg", "least-core"} <= codes


def test_every_money_column_sums_to_the_shared_amount_and_contributions_scale():
    methods = ("equal", "proportional", "territorial", "scrb", "eca", "cga", "shapley", "nucleolus", "nash")
    plain = coalition_item(3, APARTMENT, 550_000_001, methods=methods, method="scrb")
    plain = plain.model_copy(
        update={"coalitions": coalition_item(3, {k: v * 1_000_000 for k, v in APARTMENT.items()}, 1).coalitions}
    )
    shared_item = plain.model_copy(update={"contributions": (Contribution(name_zh="国铁", amount_fen=123_456_789),)})
    _, base = run(plain, parties(3))
    result, details = run(shared_item, parties(3))
    assert result.ok
    shared = shared_item.shared_fen
    gamma = Fraction(shared, 550_000_001)
    for method in methods:
        assert sum(details.outcomes[method].fen) == shared
        assert sum(details.outcomes[method].exact) == shared
        assert details.outcomes[method].exact == tuple(v * gamma for v in base.outcomes[method].exact)
    for key in ("methods", "savings"):
        assert [c.key for c in result.table(key).columns] == list(methods)
    assert all(result.table("methods").column_total(m) == shared for m in methods)
    assert result.table("agreed").column_total("amount") == shared
    assert sum(result.table("agreed").column_cells("share")) == 1


def test_published_airport_case_through_the_item():
    item = ProjectCostSharing(
        id="runway",
        project=ProjectInfo(name_zh="跑道", capital_fen=18),
        segments=tuple(Segment(name_zh=f"第{k}段", cost_fen=c) for k, c in enumerate((8, 3, 2, 5), 1)),
        parties=tuple(ProjectParty(party=f"p{i}", reach=i + 1) for i in range(4)),
        methods=("segment_shapley", "segment_nucleolus", "shapley"),
        method="segment_shapley",
    )
    result, details = run(item, parties(4))
    assert result.ok
    assert details.game_kind == "segment"
    assert details.outcomes["segment_shapley"].exact == (2, 3, 4, 9)
    assert details.outcomes["shapley"].exact == (2, 3, 4, 9)  # one user each: the party game is the same
    assert result.table("methods").fen("segment_shapley") == {"p0": 2, "p1": 3, "p2": 4, "p3": 9}


def test_segments_that_do_not_add_up_are_an_error_only_for_a_game_method():
    segments = tuple(Segment(name_zh="段", cost_fen=c) for c in (8, 3))
    item = ProjectCostSharing(
        id="line",
        project=ProjectInfo(name_zh="线", capital_fen=18),
        segments=segments,
        parties=tuple(ProjectParty(party=f"p{i}", reach=1 + i % 2) for i in range(3)),
        methods=("equal", "segment_shapley"),
        method="equal",
    )
    result, _ = run(item, parties(3))
    assert result.ok
    assert any(d.code == "segments-total" and d.level == "warning" for d in result.diagnostics)
    result, _ = run(item.model_copy(update={"method": "segment_shapley"}), parties(3))
    assert not result.ok
    assert any(d.code == "segments-total" and d.level == "error" for d in result.diagnostics)


def test_completion_by_cheapest_partition_is_reported():
    costs = {(0,): 300, (1,): 270, (2,): 280, (0, 1): 410}
    item = coalition_item(3, costs, 600, methods=("shapley",), method="shapley")
    result, _ = run(item, parties(3))
    completed = [d for d in result.diagnostics if d.code == "completed-coalitions"]
    assert len(completed) == 1
    assert "甲0、甲2" in completed[0].message.zh
    assert "P1, P2" in completed[0].message.en
    table = result.table("coalitions")
    row = {r.key: r for r in table.rows}["p0+p2"]
    assert row.cells[0] == 580  # 300 + 280
    assert table.note_at("p0+p2", "cost")


def test_missing_stand_alone_cost_names_the_party():
    costs = {(0,): 300, (1,): 270, (0, 1): 410}
    item = coalition_item(3, costs, 550, methods=("equal", "shapley"), method="shapley")
    result, _ = run(item, parties(3))
    assert not result.ok
    missing = [d for d in result.diagnostics if d.code == "missing-stand-alone"]
    assert missing
    assert "甲2" in missing[0].message.zh
    assert missing[0].level == "error"
    assert result.table("methods").fen("equal")  # the other methods still show


def test_grand_coalition_entry_must_equal_the_capital():
    costs = {**APARTMENT, (0, 1, 2): 560}
    result, _ = run(coalition_item(3, costs, 550, methods=("shapley",), method="shapley"), parties(3))
    assert not result.ok
    assert any(d.code == "grand-coalition-cost" for d in result.diagnostics)


def test_missing_factor_is_an_error_only_when_the_agreement_uses_it():
    people = parties(3, ["10", None, "12"])
    item = coalition_item(3, APARTMENT, 550, methods=("equal", "proportional"), method="equal")
    result, _ = run(item, people)
    assert result.ok
    note = next(d for d in result.diagnostics if d.code == "method-unavailable")
    assert note.level == "info"
    assert "甲1" in note.message.zh
    assert "P1" in note.message.en
    assert note.target.party_id == "p1"
    assert note.target.attribute == "population"
    assert [c.key for c in result.table("methods").columns] == ["equal"]
    result, _ = run(item.model_copy(update={"method": "proportional"}), people)
    assert not result.ok
    error = next(d for d in result.diagnostics if d.level == "error")
    assert "甲1" in error.message.zh
    assert "常住人口" in error.message.zh


def test_the_overcharged_coalition_is_named():
    item = coalition_item(3, APARTMENT, 550, methods=("proportional", "shapley"), method="proportional")
    result, _ = run(item, parties(3, ["10", "10", "1"]))
    assert result.ok
    codes = {d.code: d for d in result.diagnostics}
    assert "not-in-core" in codes
    worst = codes["most-overcharged"]
    assert "甲0、甲1" in worst.message.zh
    assert "两方单独合建只需" in worst.message.zh
    assert "P0, P1" in worst.message.en
    notes = result.table("methods").notes
    assert not any(n.column == "shapley" for n in notes)


def test_stand_alone_violation_flags_the_cell():
    item = coalition_item(3, APARTMENT, 550, methods=("proportional",), method="proportional")
    result, _ = run(item, parties(3, ["100", "1", "1"]))
    flags = result.table("methods").note_at("p0", "proportional")
    assert flags
    assert flags[0].level == "warning"
    assert any(d.code == "above-stand-alone" and d.target.party_id == "p0" for d in result.diagnostics)


def test_a_fixed_amount_re_splits_the_rest_in_the_method_ratio():
    item = coalition_item(
        3, APARTMENT, 550, methods=("equal",), method="equal", fixed=FixedAmount(party="p0", amount_fen=250)
    )
    result, _ = run(item, parties(3))
    assert result.ok
    assert result.table("agreed").fen("amount") == {"p0": 250, "p1": 150, "p2": 150}


def test_negotiated_amounts_must_add_up():
    members = tuple(ProjectParty(party=f"p{i}", negotiated_fen=f) for i, f in enumerate((100, 200, 250)))
    item = coalition_item(3, APARTMENT, 550, parties=members, methods=("negotiated",), method="negotiated")
    result, details = run(item, parties(3))
    assert result.ok
    assert details.outcomes["negotiated"].fen == (100, 200, 250)
    wrong = tuple(ProjectParty(party=f"p{i}", negotiated_fen=f) for i, f in enumerate((100, 200, 200)))
    result, _ = run(item.model_copy(update={"parties": wrong}), parties(3))
    assert not result.ok


def test_no_game_makes_game_methods_unavailable_with_what_to_type():
    item = ProjectCostSharing(
        id="x",
        project=ProjectInfo(name_zh="项目", capital_fen=1000),
        parties=tuple(ProjectParty(party=f"p{i}") for i in range(3)),
        methods=("equal", "shapley"),
        method="equal",
    )
    result, details = run(item, parties(3))
    assert result.ok
    assert details.game_kind is None
    note = next(d for d in result.diagnostics if d.code == "method-unavailable")
    assert "联盟成本" in note.message.zh
    assert "segments" in note.message.en
    assert [t.key for t in result.tables] == ["methods", "agreed", "schedule", "years"]


def test_the_44_unit_cluster_with_singletons_and_all_but_one():
    units = data.units()
    assert len(units) == 44
    members = tuple(party_from_unit(u.code) for u in units)
    n = len(members)
    alone = [1_000_000 * (i + 1) for i in range(n)]
    grand = sum(alone) * 8 // 10
    costs = {(i,): a for i, a in enumerate(alone)}
    for i in range(n):
        costs[tuple(j for j in range(n) if j != i)] = grand - alone[i] * 7 // 10
    item = ProjectCostSharing(
        id="cluster",
        project=ProjectInfo(name_zh="城市群项目", capital_fen=grand),
        parties=tuple(ProjectParty(party=p.id, works_fen=1000 + i) for i, p in enumerate(members)),
        coalitions=tuple(
            CoalitionCost(parties=tuple(members[j].id for j in group), cost_fen=cost) for group, cost in costs.items()
        ),
        methods=("proportional", "territorial", "scrb", "eca", "shapley", "nucleolus"),
        method="scrb",
    )
    result, details = run(item, members)
    assert result.ok, [d.message.en for d in result.diagnostics if d.level == "error"]
    shown = ["proportional", "territorial", "scrb", "eca"]
    assert [c.key for c in result.table("methods").columns] == shown
    unavailable = {d.message.zh for d in result.diagnostics if d.code == "method-unavailable"}
    assert any(
        m.startswith("核仁：44方超出精确计算上限16方；可改用抽样沙普利值、分段博弈或可分离成本法") for m in unavailable
    )
    # only c(i) and c(N∖i) typed: a sample cannot pin the Shapley value down, and says so rather than print noise
    assert any(m.startswith("沙普利值：44方超出精确计算上限22方，抽样估计误差过大") for m in unavailable)
    assert all(sum(details.outcomes[m].fen) == grand for m in shown)


def test_a_large_table_with_enough_groups_gets_a_sampled_shapley_value_with_its_bound():
    """30 parties in 15 typed pairs: the completed game is close to additive, so 2,000 join orders pin every share
    down; the estimate is efficient and within the bound of the exact value (a pair shares its discount equally)."""
    n = 30
    alone = [1_000_000 + 10_000 * i for i in range(n)]
    discount = [50_000 + 1_000 * k for k in range(n // 2)]
    costs = {(i,): a for i, a in enumerate(alone)}
    costs.update({(2 * k, 2 * k + 1): alone[2 * k] + alone[2 * k + 1] - discount[k] for k in range(n // 2)})
    capital = sum(alone) - sum(discount)
    item = coalition_item(n, costs, capital, methods=("shapley",), method="shapley")
    result, _ = run(item, parties(n))
    assert result.ok, [d.message.en for d in result.diagnostics]
    sampled = [d.message.zh for d in result.diagnostics if d.code == "sampled"]
    assert len(sampled) == 1
    assert "以95%的置信度" in sampled[0]
    fen = result.table("methods").fen("shapley")
    assert sum(fen.values()) == capital
    exact = {f"p{i}": alone[i] - Fraction(discount[i // 2], 2) for i in range(n)}
    # a party's marginal cost is c(i) or c(i) − its pair's discount, so Hoeffding's bound at 95 % for all 30 is:
    bound = max(discount) * math.sqrt(math.log(2 * n / 0.05) / (2 * 2000))
    assert all(abs(fen[pid] - exact[pid]) <= bound + 1 for pid in fen)


def test_a_long_line_gets_the_exact_shapley_value_of_its_airport_game():
    """Beyond 22 parties a segment game's Shapley value is Littlechild–Owen's closed form, exact: no sampling."""
    n = 40
    segments = tuple(Segment(name_zh=f"第{k + 1}段", cost_fen=1000 + k) for k in range(n))
    capital = sum(s.cost_fen for s in segments)
    item = ProjectCostSharing(
        id="line",
        project=ProjectInfo(name_zh="长线", capital_fen=capital),
        parties=tuple(ProjectParty(party=f"p{i}", reach=i + 1, users=5 + i) for i in range(n)),
        segments=segments,
        methods=("shapley", "segment_shapley"),
        method="shapley",
    )
    result, details = run(item, parties(n))
    assert result.ok
    assert not [d for d in result.diagnostics if d.code == "sampled"]
    # party i pays Σ_{k ≤ i} cost_k / (n − k): every party needing segment k shares it equally
    expected = [sum(Fraction(1000 + k, n - k) for k in range(i + 1)) for i in range(n)]
    assert details.outcomes["shapley"].exact == tuple(expected)


def test_ten_party_coalition_table_with_six_methods():
    n = 10
    costs = {(i,): 1000 + 37 * i for i in range(n)}
    costs.update({(i, i + 1): 1700 + 11 * i for i in range(0, n - 1, 2)})
    capital = sum(costs[(i,)] for i in range(n)) * 7 // 10
    item = coalition_item(
        n, costs, capital, methods=("equal", "proportional", "scrb", "shapley", "nucleolus", "cga"), method="shapley"
    )
    scenario = Scenario(title="测试", parties=parties(n), items=(item,))
    result = compute_project(scenario, item, 0, Progress())
    assert result.ok
    assert len(result.table("methods").columns) == 6


def test_the_agreement_method_stands_out_in_the_comparison():
    item = coalition_item(3, APARTMENT, 550, methods=("equal", "shapley", "nucleolus"), method="shapley")
    result, _ = run(item, parties(3))
    assert result.table("methods").emphasis == "shapley"
