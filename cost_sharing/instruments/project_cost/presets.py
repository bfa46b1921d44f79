"""Example cost-sharing projects (``examples/*.json`` are generated from these, by file stem).

Built from the embedded 成渝 dataset where it has figures — the 成渝中线高铁 investment and the section
lengths, the parties' populations — and otherwise from assumed values, each tagged honestly:
[S]/[S-2] sourced, [D] derived by arithmetic from sourced figures, [A] assumed for the demonstration
("假设值，仅作演示"). The capital-fund shares of the real 成渝中线高铁 were not published; nothing here
says what they are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ...money import yuan_to_fen
from ...presets import party_from_unit, project
from ...scenario import DisplaySettings, Party, Provenance, Scenario
from .model import (
    CoalitionCost,
    Contribution,
    ProjectCostSharing,
    ProjectInfo,
    ProjectParty,
    Segment,
)

ZHONGXIAN = "成渝中线高铁"
ASSUMED = "假设值，仅作演示"


def _yi(value: str) -> int:
    """亿元 → fen."""
    return yuan_to_fen(_shift(value, 8))


def _wan(value: str) -> int:
    """万元 → fen."""
    return yuan_to_fen(_shift(value, 4))


def _shift(value: str, places: int) -> str:
    """A decimal text times 10**places, exactly, as text."""
    whole, _, fraction = value.partition(".")
    fraction = fraction.ljust(places, "0")
    return str(int(whole + fraction[:places])) + ("." + fraction[places:] if fraction[places:] else "")


def _assumed(note: str = "") -> Provenance:
    return Provenance(tag="A", note=f"{ASSUMED}。{note}" if note else f"{ASSUMED}。")


def _province(code: str, pid: str) -> Party:
    """A province of the embedded data as a custom party with a readable id (重庆市 → "chongqing")."""
    return party_from_unit(code).model_copy(update={"id": pid})


# --- a. 成渝中线高铁: territorial versus benefit, two provinces -------------------------------------------------


def zhongxian_territorial_example() -> Scenario:
    """成渝中线高铁 between 重庆市 and 四川省: equal, by length, territorial, by demand, Shapley and nucleolus."""
    line = project(ZHONGXIAN)
    if line.cost_yuan is None:
        raise ValueError(f"the embedded data has no cost for {ZHONGXIAN}")
    parties = (_province("500000", "chongqing"), _province("510000", "sichuan"))
    length_source = "cnbridge.cn 2021-08-25（国家发展改革委可研批复报道）：重庆段100.749公里，四川段191.283公里"
    item = ProjectCostSharing(
        id="zhongxian-provinces",
        title="成渝中线高铁投资川渝分担方案比较（示意）",
        notes=(
            "总投资692.73亿元（工程678.93亿元、动车组13.8亿元）与川渝两段线路长度为公开数；"
            "两省市境内工程及征拆费用的划分、客流和各自单独建设的费用均为假设值，仅作演示。"
            "实际资本金比例与国铁集团出资未公开，本示例未列国铁集团出资。"
        ),
        project=ProjectInfo(
            name_zh=ZHONGXIAN,
            name_en=line.project_en,
            type="rail",
            capital_fen=yuan_to_fen(line.cost_yuan),
            capital_provenance=Provenance(tag=line.tag, source=f"{line.cost_note}; {line.source}"),
            term_years=5,
            life_years=5,
            discount_rate="0.04",
            start_year=2026,
        ),
        parties=(
            ProjectParty(
                party="chongqing",
                length_km="100.749",
                works_fen=_yi("265"),
                demand="48",
                provenance=Provenance(
                    tag="A",
                    source=length_source,
                    note=(
                        "线路长度100.749公里为公开数[S-2]；境内工程及征拆费用265亿元（枢纽段隧道多，按公里计高于四川段）"
                        "与日均客流4.8万人次为假设值，仅作演示。"
                    ),
                ),
            ),
            ProjectParty(
                party="sichuan",
                length_km="191.283",
                works_fen=_yi("413.93"),
                demand="52",
                provenance=Provenance(
                    tag="A",
                    source=length_source,
                    note=(
                        "线路长度191.283公里为公开数[S-2]；境内工程及征拆费用413.93亿元（两段合计678.93亿元为公开的工程投资）"
                        "与日均客流5.2万人次为假设值，仅作演示。"
                    ),
                ),
            ),
        ),
        basis="length",
        weights={"demand": "1"},
        coalitions=(
            CoalitionCost(
                parties=("chongqing",),
                cost_fen=_yi("300"),
                provenance=_assumed("重庆市单独建设同等功能通道（含既有线扩能）的费用。"),
            ),
            CoalitionCost(
                parties=("sichuan",),
                cost_fen=_yi("520"),
                provenance=_assumed("四川省单独建设同等功能通道（含既有线扩能）的费用。"),
            ),
        ),
        methods=("equal", "proportional", "territorial", "weighted", "shapley"),
        method="territorial",
    )
    return Scenario(
        title="成渝中线高铁投资川渝分担（示例）",
        title_en="Sharing the Chengdu–Chongqing Central Line investment between Chongqing and Sichuan (example)",
        notes=(
            "示例情景：比较属地分担（境内工程及征拆）与按长度、按客流（加权法仅取客流一项）、平均分摊"
            "和沙普利值。两方博弈中沙普利值与核仁相同：各方单独建设费用减去合作节约的一半。"
        ),
        parties=parties,
        items=(item,),
        display=DisplaySettings(unit="yi_yuan", decimals=2),
    )


# --- b. a regional water-supply plant with a coalition cost table ------------------------------------------------

WATER_UNITS = ("500120", "500151", "500111", "500118", "500153")
"""璧山、铜梁、大足、永川、荣昌: neighbours in western Chongqing."""


def coalition_table_example() -> Scenario:
    """A shared water-supply project of five districts: every cost assumed, chosen for the classic lesson.

    The core is not empty (least-core ε = −8,000万元 on the full capital), yet the split by population charges
    永川 more than building alone (42,092万元 against 38,000万元) — and 永川、荣昌 together, and 大足、永川、荣昌
    together, more than their own joint plants would cost.
    """
    parties = tuple(party_from_unit(code) for code in WATER_UNITS)
    bishan, tongliang, dazu, yongchuan, rongchang = WATER_UNITS
    table = (
        ((bishan,), "42000"),
        ((tongliang,), "38000"),
        ((dazu,), "44000"),
        ((yongchuan,), "38000"),
        ((rongchang,), "36000"),
        ((bishan, tongliang), "70000"),
        ((tongliang, dazu), "72000"),
        ((dazu, rongchang), "70000"),
        ((yongchuan, rongchang), "66000"),
        ((dazu, yongchuan), "74000"),
        ((bishan, tongliang, dazu), "100000"),
        ((dazu, yongchuan, rongchang), "96000"),
    )
    demand = {bishan: "18", tongliang: "16", dazu: "20", yongchuan: "24", rongchang: "14"}
    item = ProjectCostSharing(
        id="west-cq-water",
        title="渝西五区区域供水工程建设费用分担（示意）",
        notes=(
            "五区合建水源、水厂及输水干管。各区及部分区组合单独建设所需费用为假设值，仅作演示；"
            "表中未列的组合按最便宜的已列组合拆分补齐。人口为2020年第七次人口普查常住人口。"
        ),
        project=ProjectInfo(
            name_zh="渝西五区区域供水工程",
            name_en="West Chongqing five-district regional water supply",
            type="water",
            capital_fen=_wan("150000"),
            capital_provenance=_assumed("总投资15亿元。"),
            operating_fen_per_year=_wan("3000"),
            life_years=20,
            term_years=10,
            discount_rate="0.04",
            start_year=2026,
        ),
        contributions=(
            Contribution(
                name_zh="中央预算内投资补助",
                name_en="Central budget investment grant",
                amount_fen=_wan("20000"),
                provenance=_assumed("补助2亿元。"),
            ),
        ),
        parties=tuple(
            ProjectParty(
                party=code,
                demand=demand[code],
                provenance=_assumed("设计供水量（万立方米/日）。"),
            )
            for code in WATER_UNITS
        ),
        basis="population",
        weights={"population": "1", "demand": "1"},
        coalitions=tuple(
            CoalitionCost(parties=members, cost_fen=_wan(cost), provenance=_assumed()) for members, cost in table
        ),
        methods=("proportional", "weighted", "scrb", "shapley", "nucleolus"),
        method="nucleolus",
    )
    return Scenario(
        title="渝西五区区域供水工程费用分担（示例）",
        title_en="Sharing the cost of a West Chongqing regional water-supply project (example)",
        notes=(
            "示例情景：核心非空，但按人口比例分摊时永川区分担额高于其单独建设费用——"
            "比例法可能违反“单独建设”检验，这是成本分担文献中的经典教训。协议采用核仁。"
        ),
        parties=parties,
        items=(item,),
        display=DisplaySettings(unit="wan_yuan", decimals=2),
    )


# --- c. a commuter line as a segment game ----------------------------------------------------------------------

LINE_UNITS = ("500106", "500120", "500151", "500111", "500153")
"""沙坪坝、璧山、铜梁、大足、荣昌: a line westwards out of 重庆's centre."""


def segment_example() -> Scenario:
    """A commuter line out of 重庆 through five districts: segments, each party's reach and daily trips (all [A])."""
    parties = tuple(party_from_unit(code) for code in LINE_UNITS)
    shapingba, bishan, tongliang, dazu, rongchang = LINE_UNITS
    segments = (
        ("沙坪坝—璧山段", "Shapingba–Bishan", "72"),
        ("璧山—铜梁段", "Bishan–Tongliang", "48"),
        ("铜梁—大足段", "Tongliang–Dazu", "42"),
        ("大足—荣昌段", "Dazu–Rongchang", "38"),
    )
    attributes = {  # reach, daily trips, in-territory works (亿元)
        shapingba: (1, 42000, "28"),
        bishan: (1, 36000, "64"),
        tongliang: (2, 18000, "46"),
        dazu: (3, 14000, "40"),
        rongchang: (4, 9000, "22"),
    }
    item = ProjectCostSharing(
        id="west-cq-line",
        title="渝西市域快线建设投资分段分担（示意）",
        notes=(
            "线路自沙坪坝向西经璧山、铜梁、大足至荣昌，分四段。各区需要从起点至本区车站的线段；"
            "各段投资、各区日均出行量和境内工程费用均为假设值，仅作演示。"
        ),
        project=ProjectInfo(
            name_zh="渝西市域快线（示意）",
            name_en="West Chongqing commuter line (illustrative)",
            type="rail",
            capital_fen=_yi("200"),
            capital_provenance=_assumed("四段投资合计200亿元。"),
            operating_fen_per_year=_yi("1.5"),
            life_years=15,
            term_years=10,
            discount_rate="0.04",
            start_year=2026,
        ),
        parties=tuple(
            ProjectParty(
                party=code,
                reach=reach,
                users=users,
                demand=str(users),
                works_fen=_yi(works),
                provenance=_assumed("所需线段、日均出行量（人次）和境内工程费用。"),
            )
            for code, (reach, users, works) in attributes.items()
        ),
        basis="demand",
        segments=tuple(Segment(name_zh=zh, name_en=en, cost_fen=_yi(cost)) for zh, en, cost in segments),
        methods=("segment_shapley", "segment_nucleolus", "proportional", "territorial"),
        method="segment_shapley",
    )
    return Scenario(
        title="渝西市域快线投资分段分担（示例）",
        title_en="Sharing a West Chongqing commuter line by segments (example)",
        notes=(
            "示例情景：分段博弈（机场博弈）。每段投资由需要该段的全部出行平均分担（沙普利值），"
            "与按出行量比例、属地分担比较。"
        ),
        parties=parties,
        items=(item,),
        display=DisplaySettings(unit="yi_yuan", decimals=2),
    )


# --- d. 一卡通 transfer discount: a public service ----------------------------------------------------------------

CARD_UNITS = ("510100", "510600", "511400", "512000")
"""成都、德阳、眉山、资阳: 成德眉资同城化."""


def yikatong_example() -> Scenario:
    """The fare revenue forgone in the first year of a cross-city 一卡通 transfer discount (all amounts [A])."""
    parties = tuple(party_from_unit(code) for code in CARD_UNITS)
    chengdu, deyang, meishan, ziyang = CARD_UNITS
    table = (
        ((chengdu,), "9000"),
        ((deyang,), "3600"),
        ((meishan,), "2800"),
        ((ziyang,), "2200"),
        ((chengdu, deyang), "10800"),
        ((chengdu, meishan), "10200"),
        ((chengdu, ziyang), "9800"),
        ((chengdu, deyang, meishan), "11500"),
        ((chengdu, deyang, ziyang), "11200"),
        ((chengdu, meishan, ziyang), "10800"),
    )
    trips = {chengdu: "52", deyang: "21", meishan: "16", ziyang: "11"}
    item = ProjectCostSharing(
        id="yikatong-discount",
        title="成德眉资公共交通一卡通换乘优惠票款减收分担（示意）",
        notes=(
            "跨市换乘优惠实施首年各市公交、地铁运营企业的票款减收合计1.2亿元，由四市财政分担。"
            "各市单独对跨市换乘给予同等优惠（各自发卡、各自清分）所需的让利和系统费用、跨市换乘量均为假设值，仅作演示。"
        ),
        project=ProjectInfo(
            name_zh="成德眉资一卡通跨市换乘优惠",
            name_en="Chengdu–Deyang–Meishan–Ziyang transit card transfer discount",
            type="public_service",
            capital_fen=_wan("12000"),
            capital_provenance=_assumed("首年票款减收1.2亿元。"),
            life_years=1,
            term_years=1,
            discount_rate="0",
            start_year=2026,
        ),
        parties=tuple(
            ProjectParty(
                party=code,
                demand=trips[code],
                provenance=_assumed("日均跨市换乘量（千人次）。"),
            )
            for code in CARD_UNITS
        ),
        basis="demand",
        weights={"population": "1", "demand": "1"},
        coalitions=tuple(
            CoalitionCost(parties=members, cost_fen=_wan(cost), provenance=_assumed()) for members, cost in table
        ),
        methods=("equal", "proportional", "weighted", "shapley"),
        method="proportional",
    )
    return Scenario(
        title="成德眉资一卡通换乘优惠票款减收分担（示例）",
        title_en="Sharing the fare revenue forgone under a transit-card transfer discount (example)",
        notes="示例情景：公共服务项目。首年票款减收按跨市换乘量分担，并与平均分摊、人口与换乘量加权、沙普利值比较。",
        parties=parties,
        items=(item,),
        display=DisplaySettings(unit="wan_yuan", decimals=2),
    )


EXAMPLES: Mapping[str, Callable[[], Scenario]] = {
    "chengyu-zhongxian-territorial-vs-benefit": zhongxian_territorial_example,
    "multi-city-coalition-table": coalition_table_example,
    "line-segment-users": segment_example,
    "yikatong-transfer-discount": yikatong_example,
}
"""The examples by file stem."""
