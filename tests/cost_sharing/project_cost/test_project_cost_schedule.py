"""Annuity, net present value and payments by year: exact fractions, rounded once, adding up."""

from fractions import Fraction

from chengyu_accord.cost_sharing.instruments.project_cost.compute import compute_project_details
from chengyu_accord.cost_sharing.instruments.project_cost.model import ProjectCostSharing, ProjectInfo, ProjectParty
from chengyu_accord.cost_sharing.instruments.project_cost.schedule import (
    annuity,
    annuity_factor,
    build_schedule,
    npv,
    present_value_factor,
    rate_from_text,
)
from chengyu_accord.cost_sharing.progress import Progress
from chengyu_accord.cost_sharing.scenario import Party, Scenario


def test_rate_is_read_exactly_from_its_text():
    assert rate_from_text("0.04") == Fraction(1, 25)
    assert rate_from_text("0.035") == Fraction(7, 200)
    assert rate_from_text("0") == 0


def test_zero_rate_annuity_is_capital_over_term():
    assert annuity(1000, Fraction(0), 10) == 100
    assert present_value_factor(Fraction(0), 30) == 30
    assert npv(100, 7, Fraction(0), 10, 30) == 100 * 10 + 7 * 30


def test_four_percent_annuity_by_hand():
    r = Fraction(1, 25)
    growth = Fraction(26, 25) ** 10
    assert annuity_factor(r, 10) == r * growth / (growth - 1)
    assert abs(float(annuity(1_000_000, r, 10)) - 123_290.944_333) < 1e-3  # textbook factor 0.1232909443
    # two years: 1/1.04 + 1/1.04² = 25/26 + 625/676 = 1275/676
    assert present_value_factor(r, 2) == Fraction(1275, 676)
    # the annuity's present value over its term is the capital, exactly
    assert annuity(1_000_000, r, 10) * present_value_factor(r, 10) == 1_000_000


def test_schedule_columns_and_years_add_up():
    capital = (333_333, 333_333, 333_334)
    shares = (Fraction(1, 3),) * 3
    schedule = build_schedule(capital, shares, 10_001, Fraction(1, 25), 10, 30, 2026)
    total_annuity = annuity(sum(capital), Fraction(1, 25), 10)
    assert sum(schedule.annual_capital) == round(total_annuity)
    assert sum(schedule.annual_operating) == 10_001
    assert all(abs(a - e) < 1 for a, e in zip(schedule.annual_capital, schedule.annual_capital_exact, strict=True))
    assert schedule.npv_exact[0] == npv(
        schedule.annual_capital[0], schedule.annual_operating[0], Fraction(1, 25), 10, 30
    )
    years = schedule.years()
    assert [y for y, _ in years] == list(range(2026, 2056))
    assert sum(years[0][1]) == sum(schedule.annual_capital) + 10_001
    assert sum(years[-1][1]) == 10_001  # after the term only the operating cost
    for i in range(3):
        assert (
            sum(cells[i] for _, cells in years) == 10 * schedule.annual_capital[i] + 30 * schedule.annual_operating[i]
        )


def test_term_longer_than_life_keeps_every_payment():
    schedule = build_schedule((100,), (Fraction(1),), 5, Fraction(0), 12, 10, 2030)
    years = schedule.years()
    assert len(years) == 12
    assert years[-1] == (2041, (schedule.annual_capital[0],))


def test_schedule_and_years_tables_of_an_item():
    item = ProjectCostSharing(
        id="x",
        project=ProjectInfo(
            name_zh="项目",
            capital_fen=1_000_000_01,
            operating_fen_per_year=3_000_01,
            discount_rate="0.04",
            life_years=20,
        ),
        parties=tuple(ProjectParty(party=f"p{i}") for i in range(3)),
        methods=("equal",),
        method="equal",
    )
    scenario = Scenario(title="t", parties=tuple(Party(id=f"p{i}", name_zh=f"甲{i}") for i in range(3)), items=(item,))
    result, details = compute_project_details(scenario, item, Progress())
    assert result.ok
    schedule = result.table("schedule")
    assert [c.key for c in schedule.columns] == ["capital", "annual_capital", "annual_operating", "npv"]
    assert schedule.column_total("capital") == item.shared_fen
    assert schedule.column_total("annual_operating") == 3_000_01
    assert schedule.column_total("annual_capital") == round(annuity(item.shared_fen, Fraction(1, 25), 10))
    years = result.table("years")
    assert years.row_totals
    assert [c.key for c in years.columns] == ["p0", "p1", "p2"]
    assert years.rows[0].key == "2026"
    assert years.rows[0].label.zh == "2026年"
    assert len(years.rows) == 20
    first = years.row_total(years.rows[0])
    assert first == schedule.column_total("annual_capital") + 3_000_01
    assert years.row_total(years.rows[-1]) == 3_000_01
    assert details.schedule is not None
    assert sum(details.schedule.npv) == round(sum(details.schedule.npv_exact))
