"""Example basin agreements (``examples/*.json`` are generated from these, by file stem), and a blank one.

The river directions come from the embedded dataset (``data/rivers.csv``: 嘉陵江, 渠江 and 涪江 flow from
四川 into 重庆, 琼江 from 遂宁 into 潼南, 濑溪河 from 荣昌 into 泸州); the indicator targets are the class limits
of GB 3838-2002 [S]; the 江苏 unit standards and the 新安江 weights are sourced, the 新安江 k0 is unverified [U].
Every concentration, every baseline and every bet is assumed ([A], "假设值，仅作演示"): the monitoring data are
``data/monitoring-*.csv`` (made up), and no real 川渝 agreement's figures are known to the sources.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from importlib import resources

from ...bilingual import Bilingual
from ...presets import party_from_unit
from ...scenario import DisplaySettings, Party, Provenance, Scenario
from . import rules
from .model import (
    EcoCompensation,
    EsvCeiling,
    ExceedanceRule,
    IncomeGapCost,
    Indicator,
    MonthlyStatusRule,
    NegotiationZone,
    Period,
    PerTonneRule,
    PIndexRule,
    PooledFundRule,
    Rule,
    Sample,
    Section,
    Upstream,
)
from .monitoring import read_monitoring
from .rules import FEN_PER_WAN

ASSUMED = "假设值，仅作演示"
JIANGSU_SOURCE = "江苏太湖流域试点及镇江方案的单位补偿标准：高锰酸盐指数1.5万元/吨，氨氮、总磷10万元/吨"
JIANGSU_NOTE = "全省办法（苏政办发〔2013〕195号）是否采用同一标准未经核实（未见原文）。"
GB3838 = "GB 3838-2002《地表水环境质量标准》表1"
CLASS_III = {"CODMn": "6", "NH3-N": "1.0", "TP": "0.2", "TN": "1.0", "COD": "20"}
"""Class III limits (mg/L) of GB 3838-2002 [S]."""
CLASS_II = {"CODMn": "4", "NH3-N": "0.5", "TP": "0.1", "TN": "0.5", "COD": "15"}
"""Class II limits (mg/L) of GB 3838-2002 [S]."""
NAMES = {
    "CODMn": ("高锰酸盐指数", "Permanganate index"),
    "NH3-N": ("氨氮", "Ammonia nitrogen"),
    "TP": ("总磷", "Total phosphorus"),
    "TN": ("总氮", "Total nitrogen"),
    "COD": ("化学需氧量", "Chemical oxygen demand"),
}


def _assumed(note: str = "") -> Provenance:
    return Provenance(tag="A", note=f"{ASSUMED}。{note}" if note else f"{ASSUMED}。")


def _province(code: str, pid: str) -> Party:
    return party_from_unit(code).model_copy(update={"id": pid})


def _samples(name: str, sections: Mapping[str, str], units: Mapping[str, str], year: int) -> tuple[Sample, ...]:
    """The embedded monitoring file ``name``, read and checked as an import would be."""
    raw = resources.files("chengyu_accord.data").joinpath(name).read_bytes()
    records = read_monitoring(
        raw, sections=sections, indicators=units, period=(datetime.date(year, 1, 1), datetime.date(year, 12, 1))
    )
    return tuple(Sample.from_record(r) for r in records)


# --- 嘉陵江: the 新安江 P-index bet on three 四川 → 重庆 border sections ------------------------------------------


def jialing_p_index_example() -> Scenario:
    """四川 upstream, 重庆 downstream; a P-index bet per section on 2025's means, with a negotiation zone."""
    parties = (_province("510000", "sichuan"), _province("500000", "chongqing"))
    sections = tuple(
        Section(
            id=name,
            name_zh=name,
            name_en=english,
            upstream=(Upstream(party="sichuan"),),
            downstream="chongqing",
        )
        for name, english in (
            ("嘉陵江川渝界断面", "Jialing River, Sichuan–Chongqing border"),
            ("渠江川渝界断面", "Qu River, Sichuan–Chongqing border"),
            ("涪江川渝界断面", "Fu River, Sichuan–Chongqing border"),
        )
    )
    baselines = {"CODMn": "2.0", "NH3-N": "0.15", "TP": "0.030", "TN": "1.20"}
    indicators = tuple(
        Indicator(
            code=code,
            name_zh=NAMES[code][0],
            name_en=NAMES[code][1],
            target=CLASS_II[code],
            baseline=baseline,
            provenance=_assumed(f"目标浓度为{GB3838}Ⅱ类限值；基准浓度（基本限值）为假设值"),
        )
        for code, baseline in baselines.items()
    )
    records = _samples(
        "monitoring-jialing-2025.csv", {s.id: s.id for s in sections}, {i.code: i.unit for i in indicators}, 2025
    )
    item = EcoCompensation(
        id="jialing-p-index",
        title="嘉陵江流域川渝横向生态保护补偿（示意）",
        notes=(
            "河流走向（嘉陵江、渠江、涪江由四川流入重庆）依据内置河流数据；P值公式与“P≤1下游补偿上游”的规则参照新安江试点，"
            "k0=0.85为新安江首轮常被引用的取值（未经核实）。断面名称为描述性名称，监测数据、基准浓度和对赌金额均为假设值，"
            "仅作演示，不代表川渝实际协议。"
        ),
        parties=("sichuan", "chongqing"),
        sections=sections,
        indicators=indicators,
        records=records,
        period=Period(first="2025-01", last="2025-12"),
        rule=PIndexRule(
            k0="0.85",
            weights={"CODMn": "0.25", "NH3-N": "0.25", "TP": "0.25", "TN": "0.25"},
            amount_fen=5_000 * FEN_PER_WAN,
            provenance=Provenance(
                tag="U",
                source="新安江首轮试点：四项指标权重各25%（有来源），k0=0.85（常被引用，未经核实）",
                note="每个断面对赌金额5000万元为假设值。",
            ),
        ),
        zone=NegotiationZone(
            protection_cost_fen=3_000 * FEN_PER_WAN,
            opportunity=IncomeGapCost(
                urban_reference_yuan="45000",
                urban_protected_yuan="43000",
                urban_population="20000",
                rural_reference_yuan="20000",
                rural_protected_yuan="19000",
                rural_population="40000",
            ),
            ceiling=EsvCeiling(
                grain_price_yuan="2.5",
                grain_yield="6000",
                before={"耕地": "30000", "林地": "50000", "水域": "3000"},
                after={"耕地": "20000", "林地": "60000", "水域": "3000"},
            ),
            provenance=_assumed("保护成本、收入差距和土地利用变化均为假设值；当量因子为2003年版（有来源）。"),
        ),
    )
    return Scenario(
        title="嘉陵江流域川渝横向生态保护补偿（P值对赌示例）",
        title_en="Jialing basin horizontal ecological compensation, Sichuan–Chongqing (P-index example)",
        notes="示例：监测数据与金额均为假设值，仅作演示。",
        parties=parties,
        items=(item,),
        display=DisplaySettings(unit="wan_yuan", decimals=2),
    )


# --- 琼江 and 濑溪河: the 江苏 per-tonne rule, month by month -----------------------------------------------------


def qiongjiang_per_tonne_example() -> Scenario:
    """琼江 (遂宁 → 潼南) and 濑溪河 (荣昌 → 泸州): monthly per-tonne amounts, both directions, on 2025's data."""
    codes = {"suining": "510900", "tongnan": "500152", "rongchang": "500153", "luzhou": "510500"}
    parties = tuple(party_from_unit(code) for code in codes.values())
    sections = (
        Section(
            id="琼江川渝界断面",
            name_zh="琼江川渝界断面",
            name_en="Qiong River, Sichuan–Chongqing border",
            upstream=(Upstream(party=codes["suining"]),),
            downstream=codes["tongnan"],
        ),
        Section(
            id="濑溪河渝川界断面",
            name_zh="濑溪河渝川界断面",
            name_en="Laixi River, Chongqing–Sichuan border",
            upstream=(Upstream(party=codes["rongchang"]),),
            downstream=codes["luzhou"],
        ),
    )
    indicators = tuple(
        Indicator(
            code=code,
            name_zh=NAMES[code][0],
            name_en=NAMES[code][1],
            target=CLASS_III[code],
            provenance=Provenance(tag="S", source=f"{GB3838}Ⅲ类限值（琼江水质目标为Ⅲ类）"),
        )
        for code in ("CODMn", "NH3-N", "TP")
    )
    records = _samples(
        "monitoring-qiongjiang-2025.csv", {s.id: s.id for s in sections}, {i.code: i.unit for i in indicators}, 2025
    )
    item = EcoCompensation(
        id="qiongjiang-per-tonne",
        title="琼江、濑溪河跨界断面横向生态保护补偿（示意）",
        notes=(
            "按江苏省双向补偿办法（苏政办发〔2013〕195号）的思路逐月核算：断面水质劣于目标由上游补偿下游，优于目标由下游补偿上游。"
            "单位补偿标准为江苏标准；监测数据与月水量为假设值，仅作演示，不代表实际协议。"
        ),
        parties=tuple(codes.values()),
        sections=sections,
        indicators=indicators,
        records=records,
        period=Period(first="2025-01", last="2025-12"),
        rule=PerTonneRule(
            standards={"CODMn": 15_000 * 100, "NH3-N": 100_000 * 100, "TP": 100_000 * 100},
            provenance=Provenance(
                tag="S",
                source=JIANGSU_SOURCE,
                note=JIANGSU_NOTE,
            ),
        ),
    )
    return Scenario(
        title="琼江、濑溪河跨界断面横向生态保护补偿（按吨双向补偿示例）",
        title_en="Qiong and Laixi rivers: bidirectional per-tonne compensation (example)",
        notes="示例：监测数据为假设值，仅作演示。",
        parties=parties,
        items=(item,),
        display=DisplaySettings(unit="wan_yuan", decimals=2),
    )


def blank_basin(item_id: str, members: tuple[str, ...], amount_fen: int) -> EcoCompensation:
    """A new basin agreement: one section from the first party (upstream) to the second, the four P-index
    indicators at their class II limits, last year as the period, a P-index bet of the typed-in amount, no data."""
    year = datetime.date.today().year - 1
    return EcoCompensation(
        id=item_id,
        title="新建横向生态保护补偿",
        parties=members,
        sections=(
            Section(id="section-1", name_zh="跨界断面", upstream=(Upstream(party=members[0]),), downstream=members[1]),
        ),
        indicators=tuple(
            Indicator(
                code=code,
                name_zh=NAMES[code][0],
                name_en=NAMES[code][1],
                target=CLASS_II[code],
                baseline=CLASS_II[code],
                provenance=Provenance(tag="S", source=f"{GB3838}Ⅱ类限值"),
            )
            for code in ("CODMn", "NH3-N", "TP", "TN")
        ),
        period=Period(first=f"{year}-01", last=f"{year}-12"),
        rule=PIndexRule(
            k0="1",
            weights={"CODMn": "0.25", "NH3-N": "0.25", "TP": "0.25", "TN": "0.25"},
            amount_fen=amount_fen,
            provenance=Provenance(tag="user"),
        ),
    )


EXAMPLES: Mapping[str, Callable[[], Scenario]] = {
    "jialing-p-index": jialing_p_index_example,
    "qiongjiang-per-tonne": qiongjiang_per_tonne_example,
}
"""The examples by file stem."""


# --- rule presets: the sourced rules, fitted to an item -------------------------------------------------------


@dataclass(frozen=True)
class RulePreset:
    """A sourced rule a negotiator can start from; ``build(item)`` fits it to the item's indicators and parties,
    or raises ValueError saying what the item lacks (the indicators the weights name, three parties for 赤水河)."""

    key: str
    name: Bilingual
    type: str
    build: Callable[[EcoCompensation], Rule]


def _decimal(value: Fraction) -> str:
    return format(Decimal(value.numerator) / Decimal(value.denominator), "f")


def _need(item: EcoCompensation, codes: tuple[str, ...] | list[str], preset: str) -> None:
    have = {i.code for i in item.indicators}
    missing = [c for c in codes if c not in have]
    if missing:
        raise ValueError(f"{preset} needs the indicators {', '.join(missing)}: add them first")


def _xinan(index: int) -> Callable[[EcoCompensation], Rule]:
    round_ = rules.XINAN_ROUNDS[index]

    def build(item: EcoCompensation) -> Rule:
        _need(item, list(round_.weights), f"新安江{round_.name}")
        unverified = sorted(k for k, tag in round_.tags.items() if tag == "U")
        first_year = round_.years[0]
        return PIndexRule(
            k0=_decimal(round_.k0),
            weights={c: _decimal(w) for c, w in round_.weights.items()},
            amount_fen=round_.amount_fen,
            central_fen=round_.central_fen_by_year.get(first_year, 0),
            provenance=Provenance(
                tag="U" if unverified else "S",
                source=(
                    f"新安江流域生态补偿{round_.name}（{round_.years[0]}—{round_.years[-1]}年）："
                    "对赌金额与中央资金有来源；P≤1下游补偿上游的规则有来源"
                ),
                note=(f"未经核实的参数：{'、'.join(unverified)}。" if unverified else "")
                + f"中央资金按{first_year}年取值，各年不同。",
            ),
        )

    return build


def _jiangsu(item: EcoCompensation) -> Rule:
    standards = {c: s.fen_per_tonne for c, s in rules.JIANGSU_UNIT_STANDARDS.items()}
    present = {c: fen for c, fen in standards.items() if c in {i.code for i in item.indicators}}
    if not present:
        raise ValueError("the 江苏 standards price CODMn, NH3-N and TP: add at least one of them first")
    return PerTonneRule(
        standards=present,
        provenance=Provenance(
            tag="S",
            source=JIANGSU_SOURCE,
            note=JIANGSU_NOTE,
        ),
    )


def _chishui(item: EcoCompensation) -> Rule:
    if len(item.parties) != 3:
        raise ValueError(f"the 赤水河 fund has three parties (云南, 贵州, 四川): the item has {len(item.parties)}")
    names = rules.CHISHUI_PARTIES
    return PooledFundRule(
        fund_fen=rules.CHISHUI_FUND_FEN,
        contributions={
            pid: _decimal(rules.CHISHUI_CONTRIBUTIONS[n]) for pid, n in zip(item.parties, names, strict=True)
        },
        allocations={pid: _decimal(rules.CHISHUI_ALLOCATIONS[n]) for pid, n in zip(item.parties, names, strict=True)},
        provenance=Provenance(
            tag="S",
            source="赤水河流域横向生态补偿：每年2亿元，出资1:5:4，分配3:4:3（云南、贵州、四川）",
            note="表中三方依次对应云南、贵州、四川；部分达标时的扣减方式原文未给出，默认按年均值全额扣减。",
        ),
    )


def _chongqing(item: EcoCompensation) -> Rule:
    return MonthlyStatusRule(
        amount_fen=rules.CHONGQING_MONTHLY_FEN,
        on_fail_fen=rules.CHONGQING_MONTHLY_FEN,
        provenance=Provenance(
            tag="U",
            source="重庆市流域横向生态保护补偿（2018）：达标且改善，下游每月补偿上游100万元；达标但恶化，上游补偿下游100万元",
            note="不达标时的金额原文仅称“按规定”，此处暂按上游支付100万元/月，未经核实。",
        ),
    )


def _zhoukou(item: EcoCompensation) -> Rule:
    return ExceedanceRule(
        provenance=Provenance(
            tag="S",
            source="周口市水环境生态补偿：超标倍数分档，补偿金额=档位金额×(1+超标倍数)",
            note="超标倍数0.1及以下不补偿，原文未涉及（未经核实）。",
        )
    )


RULE_PRESETS: tuple[RulePreset, ...] = (
    *(
        RulePreset(f"xinan-{n + 1}", Bilingual(f"新安江{r.name}", f"Xin'an River, {r.name}"), "p_index", _xinan(n))
        for n, r in enumerate(rules.XINAN_ROUNDS)
    ),
    RulePreset("jiangsu", Bilingual("江苏双向补偿（按吨）", "Jiangsu, per tonne both ways"), "per_tonne", _jiangsu),
    RulePreset("chishui", Bilingual("赤水河共同资金", "Chishui River pooled fund"), "pooled_fund", _chishui),
    RulePreset("chongqing", Bilingual("重庆逐月考核", "Chongqing monthly status"), "monthly_status", _chongqing),
    RulePreset("zhoukou", Bilingual("周口超标倍数分档", "Zhoukou exceedance tiers"), "exceedance", _zhoukou),
)
"""The sourced rules of the brief as starting points; their [S]/[U] tags travel into the item's provenance."""
