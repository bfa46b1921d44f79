"""Example proportional splits built from the embedded 成渝 dataset (``examples/*.json`` are generated from these)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from chengyu_accord import data

from ...money import yuan_to_fen
from ...presets import party_from_unit, project
from ...scenario import DisplaySettings, Provenance, Scenario
from .model import ProportionalSplit

ZHONGXIAN = "成渝中线高铁"


def zhongxian_rail_example() -> Scenario:
    """成渝中线高铁: the approved investment split among the units on the line by resident population.

    Illustration: the real capital-fund shares were not published; the item says so.
    """
    line = project(ZHONGXIAN)
    if line.cost_yuan is None:
        raise ValueError(f"the embedded data has no cost for {ZHONGXIAN}")
    parties = tuple(party_from_unit(code) for code in line.unit_codes)
    item = ProportionalSplit(
        id="zhongxian-rail",
        title="成渝中线高铁投资按沿线区市常住人口分摊（示意）",
        amount_fen=yuan_to_fen(line.cost_yuan),
        amount_provenance=Provenance(
            tag=line.tag,
            source=f"{line.cost_note}; {line.source}",
            note="总投资为公开数；实际资本金比例与分担办法未公开，此处按人口分摊仅作谈判示意。",
        ),
        basis="population",
        notes="沿线区市：重庆渝北、沙坪坝、璧山、铜梁、大足，四川资阳、成都。人口为2020年第七次人口普查常住人口。",
    )
    return Scenario(
        title="成渝中线高铁投资分担（示例）",
        notes="示例情景：按常住人口比例分摊成渝中线高铁总投资，供谈判演示。",
        parties=parties,
        items=(item,),
        display=DisplaySettings(unit="yi_yuan", decimals=2),
    )


def sichuan_fund_example() -> Scenario:
    """A contribution to an integration fund split among the 15 Sichuan cities by 2022 GDP (assumed amount)."""
    codes = tuple(u.code for u in data.units() if u.province == "Sichuan")
    item = ProportionalSplit(
        id="sichuan-fund",
        title="成渝城市群一体化发展基金四川方出资按GDP分摊（示例）",
        amount_fen=yuan_to_fen("1000000000"),
        amount_provenance=Provenance(
            tag="A",
            source="",
            note="假设值：10亿元出资额为演示而设，并非真实数据。",
        ),
        parties=codes,
        basis="gdp",
        notes="规划第八章第三节：探索建立城市群一体化发展基金。GDP为2022年数据。",
    )
    return Scenario(
        title="一体化发展基金四川15市出资分摊（示例）",
        notes="示例情景：假设出资总额10亿元，按2022年地区生产总值在四川15个市之间分摊。",
        parties=tuple(party_from_unit(code) for code in codes),
        items=(item,),
        display=DisplaySettings(unit="wan_yuan", decimals=2),
    )


def gaozhu_weights_example() -> Scenario:
    """川渝高竹新区: an assumed joint start-up cost split 50:50 by typed-in weights (增量五五分成)."""
    parties = (party_from_unit("500112"), party_from_unit("511600"))
    item = ProportionalSplit(
        id="gaozhu-startup",
        title="川渝高竹新区共建启动费用五五分担（示例）",
        amount_fen=yuan_to_fen("200000000.01"),
        amount_provenance=Provenance(tag="A", note="假设值：金额（2亿元零1分）为演示奇数分的归属而设，并非真实数据。"),
        basis="weights",
        weights={"500112": "1", "511600": "1"},
        notes="“成本共担、利益共享”，增量收益五五分成（新华网/瞭望报道）。双方为渝北区与广安市（邻水县所属）。",
    )
    return Scenario(
        title="川渝高竹新区共建费用分担（示例）",
        notes="示例情景：按约定权重1:1分担，演示按分精确分配（奇数分的归属）。",
        parties=parties,
        items=(item,),
        display=DisplaySettings(unit="yuan", decimals=2),
    )


EXAMPLES: Mapping[str, Callable[[], Scenario]] = {
    "chengyu-zhongxian-rail-by-population": zhongxian_rail_example,
    "sichuan-fund-by-gdp": sichuan_fund_example,
    "gaozhu-startup-by-weights": gaozhu_weights_example,
}
"""The examples by file stem, the application's default scenario first."""
