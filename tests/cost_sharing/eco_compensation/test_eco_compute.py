"""Computing an ecological-compensation item: the brief's worked examples through the item (X1 P-index, J1–J4
per-tonne, C1 pooled fund), nets adding up to zero, the break-even flipping the payment exactly, and the messages:
a month without samples named as an error, no data at all said once, provenance warnings merged per tag,
concentrations in the notes rounded (issue 11)."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from engine_fixtures import make_party

from chengyu_accord.cost_sharing.instruments.eco_compensation.compute import (
    CENTRAL,
    compute_eco,
    compute_eco_details,
)
from chengyu_accord.cost_sharing.instruments.eco_compensation.model import (
    EcoCompensation,
    ExceedanceRule,
    Indicator,
    MonthlyStatusRule,
    Period,
    PerTonneRule,
    PIndexRule,
    PooledFundRule,
    Sample,
    Section,
    Upstream,
)
from chengyu_accord.cost_sharing.instruments.eco_compensation.rules import FEN_PER_WAN, FEN_PER_YI, p_index
from chengyu_accord.cost_sharing.progress import Progress
from chengyu_accord.cost_sharing.scenario import Provenance, Scenario

ANHUI, ZHEJIANG = "340000", "330000"
X1_BASELINES = {"CODMn": "2.0", "NH3-N": "0.15", "TP": "0.030", "TN": "1.20"}
X1_MEANS = {"CODMn": "1.8", "NH3-N": "0.12", "TP": "0.028", "TN": "1.30"}
YEAR = [f"2019-{m:02d}" for m in range(1, 13)]


def scenario_of(item, *parties):
    return Scenario(title="生态补偿测试", parties=parties, items=(item,))


def run(scenario, item):
    return compute_eco_details(scenario, item, Progress())


def indicators(baselines=None, targets=None, codes=None):
    codes = codes or list((baselines or targets).keys())
    return tuple(
        Indicator(
            code=c,
            name_zh=c,
            baseline=None if baselines is None else baselines.get(c),
            target=None if targets is None else targets.get(c),
        )
        for c in codes
    )


def samples(section, means, months, *, spread=True, flow=None, scale=Fraction(1)):
    """Two samples a month whose monthly means alternate ±10 % around ``means`` and average to them exactly."""
    out = []
    for n, month in enumerate(months):
        year, mon = int(month[:4]), int(month[5:])
        for code, mean in means.items():
            base = Fraction(Decimal(mean)) * scale
            shift = base / 10 if spread and len(months) % 2 == 0 else 0
            monthly = base + (shift if n % 2 == 0 else -shift)
            half = monthly / 20 if spread else 0
            for day, value in ((5, monthly - half), (20, monthly + half)):
                text = str(Decimal(value.numerator) / Decimal(value.denominator))
                flow_text = None if flow is None else flow
                out.append(
                    Sample(
                        date=datetime.date(year, mon, day),
                        section=section,
                        indicator=code,
                        value=text,
                        flow_m3=flow_text,
                    )
                )
    return tuple(out)


def xinan(k0="0.85", means=X1_MEANS, months=YEAR, *, scale=Fraction(1), central=3 * FEN_PER_YI, spread=True):
    return EcoCompensation(
        id="xinan",
        parties=(ANHUI, ZHEJIANG),
        sections=(
            Section(
                id="jiekou", name_zh="街口", name_en="Jiekou", upstream=(Upstream(party=ANHUI),), downstream=ZHEJIANG
            ),
        ),
        indicators=indicators(X1_BASELINES),
        records=samples("jiekou", means, months, scale=scale, spread=spread),
        period=Period(first=months[0], last=months[-1]),
        rule=PIndexRule(
            k0=k0,
            weights=dict.fromkeys(X1_BASELINES, "0.25"),
            amount_fen=1 * FEN_PER_YI,
            central_fen=central,
            provenance=Provenance(tag="A", source="brief X1"),
        ),
    )


XINAN_PARTIES = (make_party(ANHUI, "安徽省"), make_party(ZHEJIANG, "浙江省"))


def test_x1_p_index_through_the_item():
    item = xinan()
    result, details = run(scenario_of(item, *XINAN_PARTIES), item)
    assert result.ok, result.diagnostics
    expected = p_index("0.85", dict.fromkeys(X1_BASELINES, "0.25"), X1_MEANS, X1_BASELINES)
    assert details.p["jiekou"] == expected
    assert round(float(expected), 6) == 0.789792
    assert details.means["jiekou"] == {c: Fraction(Decimal(v)) for c, v in X1_MEANS.items()}
    assert result.table("transfers").fen("amount") == {
        f"2019:{ZHEJIANG}>{ANHUI}": 1 * FEN_PER_YI,
        f"2019:{CENTRAL}>{ANHUI}": 3 * FEN_PER_YI,
    }
    nets = result.table("nets").fen("net")
    assert nets == {ANHUI: 4 * FEN_PER_YI, ZHEJIANG: -1 * FEN_PER_YI, CENTRAL: -3 * FEN_PER_YI}
    assert result.table("nets").column_total("net") == 0
    index = result.table("index")
    assert len(index.rows) == 13
    assert index.rows[-1].key == "jiekou:2019"
    assert index.rows[-1].cells[0].value == Decimal("0.789791666667")  # 0.78979166… at 12 places
    words = [d.message.zh for d in result.diagnostics]
    assert "2019年：浙江省向安徽省支付10,000.00万元" in words
    assert any("[A]" in w for w in words)
    assert any("水质整体再变差" in w and "补偿方向将反转" in w for w in words)


def test_break_even_words_match_the_brief():
    item = xinan(k0="0.90", means=X1_BASELINES, months=YEAR[:2], spread=False)
    result, details = run(scenario_of(item, *XINAN_PARTIES), item)
    assert details.p["jiekou"] == Fraction("0.9")
    assert details.p_break_even["jiekou"].common_scale == Fraction(10, 9)
    assert any("水质整体再变差11.1%，补偿方向将反转" in d.message.zh for d in result.diagnostics)


@pytest.mark.parametrize(("scale", "downstream_pays"), [(Fraction(5, 4), True), (Fraction("1.2500001"), False)])
def test_direction_flips_exactly_at_the_break_even(scale, downstream_pays):
    base = xinan(k0="0.8", means=X1_BASELINES, months=YEAR[:2], central=0)
    result, details = run(scenario_of(base, *XINAN_PARTIES), base)
    r_star = details.p_break_even["jiekou"].common_scale
    assert r_star == Fraction(5, 4)
    assert result.table("break_even").rows[0].cells[1].value == Decimal("1.25")
    item = xinan(k0="0.8", means=X1_BASELINES, months=YEAR[:2], central=0, scale=scale)
    result, details = run(scenario_of(item, *XINAN_PARTIES), item)
    assert (details.p["jiekou"] == 1) is (scale == r_star)
    payer, payee = (ZHEJIANG, ANHUI) if downstream_pays else (ANHUI, ZHEJIANG)
    assert result.table("transfers").fen("amount") == {f"2019-01–2019-02:{payer}>{payee}": FEN_PER_YI}
    assert result.table("nets").column_total("net") == 0


def test_a_month_without_samples_is_an_error_naming_section_and_month():
    item = xinan()
    item = item.model_copy(update={"records": tuple(r for r in item.records if r.month != "2019-03")})
    result = compute_eco(scenario_of(item, *XINAN_PARTIES), item, 0, Progress())
    assert not result.ok
    assert not result.tables
    [error] = [d for d in result.diagnostics if d.level == "error"]
    assert error.code == "no_sample"
    assert "街口" in error.message.zh
    assert "2019年3月" in error.message.zh
    assert "Jiekou" in error.message.en
    assert "2019-03" in error.message.en


def test_missing_baseline_is_an_error_on_its_field():
    item = xinan()
    inds = tuple(i.model_copy(update={"baseline": None}) if i.code == "TP" else i for i in item.indicators)
    item = item.model_copy(update={"indicators": inds})
    result = compute_eco(scenario_of(item, *XINAN_PARTIES), item, 0, Progress())
    [error] = result.diagnostics
    assert error.code == "no_baseline"
    assert error.target.field == "indicators[2].baseline"


ZHENJIANG, CHANGZHOU, DANYANG = "321100", "320400", "321181"
J_TARGETS = {"CODMn": "6.0", "NH3-N": "1.0", "TP": "0.20"}
J_STANDARDS = {"CODMn": 15_000 * 100, "NH3-N": 100_000 * 100, "TP": 100_000 * 100}
J_PARTIES = (make_party(ZHENJIANG, "镇江市"), make_party(CHANGZHOU, "常州市"), make_party(DANYANG, "丹阳市"))


def jiangsu(month_means, upstream=None):
    upstream = upstream or (Upstream(party=ZHENJIANG),)
    months = [f"2019-{m:02d}" for m in range(1, len(month_means) + 1)]
    records = sum(
        (
            samples("jiuli", means, [month], spread=True, flow="50000000")
            for month, means in zip(months, month_means, strict=True)
        ),
        (),
    )
    return EcoCompensation(
        id="jiangsu",
        parties=(ZHENJIANG, CHANGZHOU, DANYANG),
        sections=(Section(id="jiuli", name_zh="九里", upstream=upstream, downstream=CHANGZHOU),),
        indicators=indicators(targets=J_TARGETS),
        records=records,
        period=Period(first=months[0], last=months[-1]),
        rule=PerTonneRule(standards=J_STANDARDS, provenance=Provenance(tag="S")),
    )


def test_j1_to_j3_per_tonne_through_the_item():
    item = jiangsu([{"CODMn": "6.5", "NH3-N": "1.3", "TP": "0.25"}])
    result, details = run(scenario_of(item, *J_PARTIES), item)
    assert result.ok, result.diagnostics
    assert details.month_amounts["jiuli"] == {"2019-01": 2_125_000 * 100}  # 212.5万
    row = result.table("index").rows[0]
    assert row.cells[0] == 2_125_000 * 100
    assert [c.value for c in row.cells[1:]] == [Decimal(25), Decimal(15), Decimal("2.5")]
    assert result.table("transfers").fen("amount") == {f"2019-01:{ZHENJIANG}>{CHANGZHOU}": 212_500_000}
    nets = result.table("nets").fen("net")
    assert nets == {ZHENJIANG: -212_500_000, CHANGZHOU: 212_500_000, DANYANG: 0}
    assert sum(nets.values()) == 0
    # break-even of CODMn, the others as measured: 6.0 − (0.3·10万 + 0.05·10万)/1.5万 = 3.6667 mg/L
    assert details.tonne_break_even["jiuli"]["CODMn"] == Fraction(6) - Fraction("0.35") * 100_000 / 15_000


def test_j4_bidirectional_and_two_upstream_parties():
    shared = (Upstream(party=ZHENJIANG, ratio="0.1422"), Upstream(party=DANYANG, ratio="0.8578"))
    item = jiangsu(
        [{"CODMn": "6.5", "NH3-N": "1.3", "TP": "0.25"}, {"CODMn": "6.0", "NH3-N": "1.0", "TP": "0.15"}], shared
    )
    result, details = run(scenario_of(item, *J_PARTIES), item)
    assert result.ok, result.diagnostics
    assert details.month_amounts["jiuli"] == {"2019-01": 212_500_000, "2019-02": -25_000_000}  # J4: −25万
    nets = result.table("nets").fen("net")
    assert nets[CHANGZHOU] == 187_500_000
    assert sum(nets.values()) == 0
    assert nets[DANYANG] == -round(Fraction("0.8578") * 187_500_000)


def test_per_tonne_needs_the_months_flow():
    item = jiangsu([{"CODMn": "6.5", "NH3-N": "1.3", "TP": "0.25"}])
    item = item.model_copy(update={"records": tuple(r.model_copy(update={"flow_m3": None}) for r in item.records)})
    result = compute_eco(scenario_of(item, *J_PARTIES), item, 0, Progress())
    assert [d.code for d in result.diagnostics] == ["flow"]
    assert "2019年1月" in result.diagnostics[0].message.zh


YUNNAN, GUIZHOU, SICHUAN = "530000", "520000", "510000"
C_PARTIES = (make_party(YUNNAN, "云南省"), make_party(GUIZHOU, "贵州省"), make_party(SICHUAN, "四川省"))


@pytest.mark.parametrize(
    ("qingshuipu_cod", "expected"),
    [
        ("3", {YUNNAN: 4000, GUIZHOU: -2000, SICHUAN: -2000}),  # C1 [S]
        ("5", {YUNNAN: -2000, GUIZHOU: 1000, SICHUAN: 1000}),  # 清水铺 fails: Yunnan's 6000万 split 50/50
    ],
)
def test_c1_pooled_fund(qingshuipu_cod, expected):
    from chengyu_accord.cost_sharing.instruments.eco_compensation.model import PoolStake

    item = EcoCompensation(
        id="chishui",
        parties=(YUNNAN, GUIZHOU, SICHUAN),
        sections=(
            Section(id="qsp", name_zh="清水铺", upstream=(Upstream(party=YUNNAN),), downstream=GUIZHOU),
            Section(id="lyx", name_zh="鲢鱼溪", upstream=(Upstream(party=GUIZHOU),), downstream=SICHUAN),
        ),
        indicators=indicators(targets={"CODMn": "4"}),
        records=samples("qsp", {"CODMn": qingshuipu_cod}, YEAR[:2], spread=False)
        + samples("lyx", {"CODMn": "3"}, YEAR[:2], spread=False),
        period=Period(first="2019-01", last="2019-02"),
        rule=PooledFundRule(
            fund_fen=20_000 * FEN_PER_WAN,
            contributions={YUNNAN: "1", GUIZHOU: "5", SICHUAN: "4"},
            allocations={YUNNAN: "3", GUIZHOU: "4", SICHUAN: "3"},
            stakes=(
                PoolStake(section="qsp", cut_from={YUNNAN: "1"}, redistribute_to={GUIZHOU: "1", SICHUAN: "1"}),
                PoolStake(section="lyx", cut_from={GUIZHOU: "1"}, redistribute_to={SICHUAN: "1"}),
            ),
        ),
    )
    result, _ = run(scenario_of(item, *C_PARTIES), item)
    assert result.ok, result.diagnostics
    assert result.table("nets").fen("net") == {p: v * FEN_PER_WAN for p, v in expected.items()}


def test_monthly_status_and_exceedance_rules():
    base = {
        "id": "cq",
        "parties": (ANHUI, ZHEJIANG),
        "sections": (Section(id="s", name_zh="界", upstream=(Upstream(party=ANHUI),), downstream=ZHEJIANG),),
        "period": Period(first="2019-01", last="2019-03"),
    }
    records = (
        samples("s", {"COD": "15"}, ["2019-01"], spread=False)  # meets, improved → downstream pays
        + samples("s", {"COD": "19"}, ["2019-02"], spread=False)  # meets, improved
        + samples("s", {"COD": "32"}, ["2019-03"], spread=False)  # fails
    )
    inds = (Indicator(code="COD", name_zh="化学需氧量", target="20", baseline="20"),)
    status = EcoCompensation(
        **base,
        indicators=inds,
        records=records,
        rule=MonthlyStatusRule(amount_fen=100 * FEN_PER_WAN, on_fail_fen=300 * FEN_PER_WAN),
    )
    result, details = run(scenario_of(status, *XINAN_PARTIES), status)
    assert details.month_amounts["s"] == {
        "2019-01": -100 * FEN_PER_WAN,
        "2019-02": -100 * FEN_PER_WAN,
        "2019-03": 300 * FEN_PER_WAN,
    }
    assert result.table("nets").fen("net") == {ANHUI: -100 * FEN_PER_WAN, ZHEJIANG: 100 * FEN_PER_WAN}
    exceed = EcoCompensation(
        **base,
        indicators=inds,
        records=records,
        rule=ExceedanceRule(
            tiers=[
                {"lower_bound": "0.1", "amount_fen": 10 * FEN_PER_WAN},
                {"lower_bound": "0.5", "amount_fen": 25 * FEN_PER_WAN},
            ]
        ),
    )
    result, details = run(scenario_of(exceed, *XINAN_PARTIES), exceed)
    assert details.month_amounts["s"] == {"2019-01": 0, "2019-02": 0, "2019-03": 40 * FEN_PER_WAN}  # 25万 × 1.6
    assert result.table("nets").column_total("net") == 0


def test_no_monitoring_data_is_one_error():
    item = xinan().model_copy(update={"records": ()})
    result = compute_eco(scenario_of(item, *XINAN_PARTIES), item, 0, Progress())
    [error] = result.diagnostics
    assert (error.level, error.code, error.target.field) == ("error", "no_records", "records")
    assert error.message.zh == "尚无监测数据：请导入监测数据"
    assert error.message.en == "no monitoring data yet: import the monitoring data"


def test_a_section_or_an_indicator_without_samples_is_said_once():
    item = xinan()
    second = Section(id="new", name_zh="新断面", name_en="New", upstream=(Upstream(party=ANHUI),), downstream=ZHEJIANG)
    result = compute_eco(
        scenario_of(item.model_copy(update={"sections": (*item.sections, second)}), *XINAN_PARTIES),
        item.model_copy(update={"sections": (*item.sections, second)}),
        0,
        Progress(),
    )
    [error] = [d for d in result.diagnostics if d.level == "error"]
    assert error.message.zh == "断面“新断面”尚无监测数据"
    no_tp = item.model_copy(update={"records": tuple(r for r in item.records if r.indicator != "TP")})
    result = compute_eco(scenario_of(no_tp, *XINAN_PARTIES), no_tp, 0, Progress())
    [error] = [d for d in result.diagnostics if d.level == "error"]
    assert error.message.zh == "断面“街口”没有TP的监测数据"


def test_provenance_warnings_of_several_indicators_are_one():
    item = xinan()
    tagged = tuple(
        i.model_copy(update={"provenance": Provenance(tag="U" if n < 2 else "A", source="brief")})
        for n, i in enumerate(item.indicators)
    )
    item = item.model_copy(update={"indicators": tagged})
    result, _ = run(scenario_of(item, *XINAN_PARTIES), item)
    warnings = {(d.code, d.target.field): d.message for d in result.diagnostics if d.level == "warning"}
    assert set(warnings) == {("assumed", "rule"), ("unverified", "indicators"), ("assumed", "indicators")}
    assert warnings[("unverified", "indicators")].zh.startswith("指标CODMn、NH3-N的浓度限值来源未经核实（[U]）")
    assert "indicators TP, TN are assumed" in warnings[("assumed", "indicators")].en
    one = item.model_copy(update={"indicators": (tagged[0], *xinan().indicators[1:])})
    result, _ = run(scenario_of(one, *XINAN_PARTIES), one)
    [single] = [d for d in result.diagnostics if d.code == "unverified"]
    assert single.target.field == "indicators[0]"
    assert "indicator CODMn are unverified" in single.message.en


def test_break_even_notes_round_concentrations_and_the_table_keeps_them_exact():
    item = jiangsu([{"CODMn": "6.5", "NH3-N": "1.3", "TP": "0.25"}])
    result, details = run(scenario_of(item, *J_PARTIES), item)
    [note] = [d for d in result.diagnostics if d.code == "break_even"]
    # CODMn* = 6 − 0.35·10万/1.5万 = 3.66666… mg/L: shown to 4 places, exact in the table and the details
    assert "CODMn 3.6667mg/L" in note.message.zh
    assert "CODMn = 3.6667 mg/L" in note.message.en
    # NH3-N* = 1.3 − (0.5·1.5万 + 0.3·10万 + 0.05·10万)/10万 = 0.875: no trailing zeros; TP* below zero
    assert "NH3-N 0.875mg/L、TP -0.175mg/L" in note.message.zh
    row = result.table("break_even").rows[0]
    assert row.cells[0].value == Decimal("3.666666666667")
    assert details.tonne_break_even["jiuli"]["CODMn"] == Fraction(11, 3)


def test_differing_flows_in_a_month_are_an_error_and_a_missing_one_on_a_sample_is_not():
    item = jiangsu([{"CODMn": "6.5", "NH3-N": "1.3", "TP": "0.25"}])
    records = list(item.records)
    records[-1] = records[-1].model_copy(update={"flow_m3": "40000000"})
    differing = item.model_copy(update={"records": tuple(records)})
    result = compute_eco(scenario_of(differing, *J_PARTIES), differing, 0, Progress())
    [error] = result.diagnostics
    assert error.code == "flow"
    assert "月水量前后不一致" in error.message.zh
    records[-1] = records[-1].model_copy(update={"flow_m3": None})
    partial = item.model_copy(update={"records": tuple(records)})
    result, details = run(scenario_of(partial, *J_PARTIES), partial)
    assert result.ok
    assert details.month_amounts["jiuli"] == {"2019-01": 212_500_000}
