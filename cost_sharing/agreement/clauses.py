"""The clause sets of the agreement families: what the recital cites and how an agreement closes.

An instrument names its family's :class:`~.blocks.ClauseSet`; an agreement over
items of several families cites each family's words of the plan once and closes
with each family's general articles once. A compensation agreement therefore
never speaks of 分担费用, and a cost-sharing agreement never of 补偿.
"""

from __future__ import annotations

from ..bilingual import Bilingual
from .blocks import ArticleSpec, BuildContext, ClauseSet
from .text import chinese_number

PLAN_RECITAL = Bilingual(
    "为贯彻落实国家发展改革委、住房城乡建设部《成渝城市群发展规划》第八章第三节“建立健全利益协调机制”"
    "关于{quotes}的要求，本着平等协商、权责对等、合作共赢的原则，经各方友好协商，就{subject}达成如下协议：",
    "To implement Chapter 8, Section 3 (“Establishing and improving interest-coordination mechanisms”) of the "
    "Chengdu–Chongqing City Cluster Development Plan issued by the National Development and Reform Commission "
    "and the Ministry of Housing and Urban-Rural Development, which calls for {quotes}, the Parties, on the "
    "principles of equal consultation, matching rights and responsibilities and mutual benefit, have agreed as "
    "follows on {subject}:",
)
"""The recital's frame; ``{quotes}`` are the cited words of each family, ``{subject}`` the items."""


_ENGLISH_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
"""Copies per party in words (1–10, ``AgreementSettings.copies_per_party``)."""


def _cost_sharing_general(context: BuildContext) -> list[ArticleSpec]:
    """Articles every cost-sharing agreement closes with: use of funds, overruns, breach, disputes, final clauses."""
    each = context.scenario.agreement.copies_per_party
    copies = each * len(context.scenario.parties)
    if context.zh:
        texts = [
            (
                "general.use",
                "资金使用与监督",
                "分担资金专款专用，专项用于本协议约定事项，任何一方不得截留、占用、挪用。"
                "项目实施单位应定期向各方通报资金使用情况，各方有权对资金使用情况进行监督。",
            ),
            (
                "general.overrun",
                "超支与节余",
                "实际支出超出或低于本协议约定费用总额的，差额由各方按本协议约定的比例分担或返还，各方另有约定的除外。",
            ),
            (
                "general.breach",
                "违约责任",
                "任何一方未按本协议约定足额、按时拨付资金的，应及时书面说明情况并限期补足；"
                "经催告仍不履行的，其他各方可提请共同的上级人民政府协调处理。",
            ),
            (
                "general.dispute",
                "争议解决",
                "因本协议引起或者与本协议有关的争议，由各方友好协商解决；协商不成的，提请各方共同的上级人民政府协调。",
            ),
            (
                "general.final",
                "附则",
                "本协议未尽事宜，由各方另行协商并签订补充协议，补充协议与本协议具有同等效力。"
                "本协议附件与本协议具有同等效力。\n"
                f"本协议自各方法定代表人或授权代表签字并加盖公章之日起生效。本协议一式{chinese_number(copies)}份，"
                f"各方各执{chinese_number(each)}份，具有同等效力。",
            ),
        ]
    else:
        texts = [
            (
                "general.use",
                "Use and supervision of funds",
                "The shared funds are earmarked for the matters agreed herein; no Party may withhold, occupy or "
                "divert them. The implementing unit reports regularly to the Parties on their use, and each Party "
                "may supervise it.",
            ),
            (
                "general.overrun",
                "Overruns and savings",
                "Where actual expenditure exceeds or falls short of the total agreed herein, the difference is "
                "borne or refunded by the Parties in the agreed proportions, unless the Parties agree otherwise.",
            ),
            (
                "general.breach",
                "Liability for breach",
                "A Party that does not pay its share in full and on time explains the reasons in writing and makes "
                "up the shortfall within a set period; failing that, the other Parties may ask their common "
                "higher-level government to coordinate.",
            ),
            (
                "general.dispute",
                "Settlement of disputes",
                "Disputes arising from or in connection with this Agreement are settled by friendly consultation; "
                "failing agreement, the Parties refer them to their common higher-level government.",
            ),
            (
                "general.final",
                "Final provisions",
                "Matters not covered herein are settled by a supplementary agreement with the same force as this "
                "Agreement. The annexes have the same force as this Agreement.\n"
                "This Agreement enters into force when signed by the legal or authorised representatives of all "
                f"Parties and sealed. It is made in {copies} originals, {_ENGLISH_NUMBERS[each]} for each Party, "
                "equally authentic. "
                "This English text is a reference translation; the Chinese text prevails.",
            ),
        ]
    return [ArticleSpec(key, heading, text) for key, heading, text in texts]


COST_SHARING = ClauseSet(
    key="cost_sharing",
    quotes=Bilingual(
        "“建立成本共担和利益共享机制”“探索建立跨市基础设施、公共服务和生态环境建设项目成本分担机制”"
        "“推动城市群内交通、水利等基础设施共建共享”",
        "“a mechanism of shared costs and shared benefits” and for “exploring cost-sharing mechanisms for "
        "cross-city infrastructure, public-service and ecological projects”",
    ),
    general=_cost_sharing_general,
)
"""Cross-city projects and any cost shared by a key: use of funds, overruns, breach, disputes, final provisions."""


def _compensation_general(context: BuildContext) -> list[ArticleSpec]:
    """Articles every compensation agreement closes with: use of the funds, information sharing, breach; then
    dispute settlement and final provisions word for word as in every family (one article each when families meet).
    """
    if context.zh:
        texts = [
            (
                "general.fund_use",
                "资金使用与监督",
                "补偿资金专项用于流域水环境保护和水污染治理、水生态修复、环境监测能力建设等，不得截留、挪作他用。"
                "各方应于每年第一季度向其他各方通报上一年度补偿资金的使用情况，并接受财政、审计部门的监督。",
            ),
            (
                "general.information",
                "信息共享",
                "各方建立考核断面水质监测数据、流域重点污染源、涉水建设项目环境影响评价审批和环境执法等信息的共享机制，"
                "每月相互通报考核断面监测结果。发生或可能发生跨界突发水污染事件的，事发地一方应立即通报其他各方，"
                "各方开展联合应急监测和处置。",
            ),
            (
                "general.compensation_breach",
                "违约责任",
                "任何一方未按本协议约定足额、按时支付补偿资金的，应及时书面说明情况并限期补足；"
                "经催告仍不履行的，其他各方可提请共同的上级人民政府协调处理。"
                "任何一方不得干扰监测活动，不得篡改、伪造监测数据；经查实的，其他各方可要求重新认定受影响考核断面当期的考核结果。",
            ),
        ]
    else:
        texts = [
            (
                "general.fund_use",
                "Use and supervision of the funds",
                "Compensation funds are earmarked for protecting the basin's water environment, treating water "
                "pollution, restoring aquatic ecosystems and building monitoring capacity; none may be withheld or "
                "diverted. Each Party reports to the others in the first quarter of every year on its use of the "
                "previous year's compensation and is open to supervision by the finance and audit departments.",
            ),
            (
                "general.information",
                "Information sharing",
                "The Parties share the monitoring data of the assessment sections, the basin's major pollution "
                "sources, environmental-impact approvals of projects affecting the water and environmental "
                "enforcement, and report the sections' monitoring results to each other every month. Where a "
                "cross-border water-pollution emergency occurs or threatens, the Party where it arises informs the "
                "others at once, and the Parties monitor and respond to it jointly.",
            ),
            (
                "general.compensation_breach",
                "Liability for breach",
                "A Party that does not pay compensation in full and on time explains the reasons in writing and "
                "makes up the shortfall within a set period; failing that, the other Parties may ask their common "
                "higher-level government to coordinate. No Party may interfere with the monitoring or alter or "
                "falsify monitoring data; where this is established, the other Parties may ask for the results of "
                "the sections and periods affected to be determined anew.",
            ),
        ]
    closing = [spec for spec in _cost_sharing_general(context) if spec.key in ("general.dispute", "general.final")]
    return [ArticleSpec(key, heading, text) for key, heading, text in texts] + closing


COMPENSATION = ClauseSet(
    key="compensation",
    quotes=Bilingual(
        "“建立城市群生态保护补偿机制”“研究建立成渝城市群与周边生态屏障地区的横向生态补偿机制，"
        "选择嘉陵江等上下游环境目标清晰、利益关系清楚、合作意愿强烈的流域……开展区域性横向生态补偿试点”",
        "“an ecological-protection compensation mechanism for the city cluster”, for “a horizontal ecological "
        "compensation mechanism between the city cluster and the surrounding ecological-barrier areas” and for "
        "“regional pilots of horizontal ecological compensation” in basins “such as the Jialing River, where upstream "
        "and downstream environmental targets are clear, interests are clearly defined and the will to cooperate is "
        "strong”",
    ),
    general=_compensation_general,
)
"""Horizontal ecological compensation between upstream and downstream parties: use of the funds, information
sharing, breach, then the disputes and final provisions every family shares."""
