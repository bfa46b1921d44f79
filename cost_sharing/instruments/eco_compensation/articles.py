"""The articles of a horizontal ecological-protection compensation agreement (横向生态保护补偿协议).

补偿范围 (the basin, the parties and their roles upstream and downstream), 模拟说明 (only when the what-if quality
scale is not 1), 考核断面 (a table: the upstream parties with their contribution ratios, the downstream party),
考核指标 (a table: units, targets, baselines, weights or unit standards, and where the limits come from),
补偿标准与计算方法 (the item's rule in words and in symbols, every parameter with its value and provenance),
补偿资金与支付方向 (who pays whom how much over the period and each party's net, with the shown transfers table),
资金拨付, 联合监测与争议处理 (joint sampling, split samples, a sealed backup sample, a re-test by an agreed
laboratory), 考核期 and 补偿标准参考区间 (the negotiation zone, a reference and not a commitment); two annexes:
the monitoring data summary and the computation (the index P or the monthly amounts per section, the break-even,
each party's net).

Every amount printed is the one shown rounding of a result table (:func:`results.shown_table`), so the printed
transfers add up to the printed total and the printed nets to zero. A parameter whose provenance is [A] or [U]
says 假设值 or 未经核实 wherever it is printed. Concentrations, indices and ratios are exact fractions in the
computation; the agreement prints them rounded half up to the places it names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from ...agreement.binding import escape_literal
from ...agreement.blocks import ArticleSpec, BuildContext, ItemSection, party_columns, provenance_text, shown_doc_table
from ...agreement.model import Appendix, Paragraph, Run, Table
from ...agreement.text import chinese_number
from ...bilingual import Bilingual
from ...money import largest_remainder, round_half_up, split_fen
from ...progress import Progress
from ...results import Column, ItemResult, ResultTable, Row, shown_table
from ...scenario import Provenance
from . import rules
from .compute import (
    AMOUNT,
    CENTRAL,
    COMPOSITE,
    INDEX_TABLE,
    NETS_TABLE,
    PASSED,
    TRANSFERS_TABLE,
    EcoDetails,
    P,
    compute_eco_details,
    zone_bounds,
)
from .model import (
    EcoCompensation,
    ExceedanceRule,
    MonthlyStatusRule,
    PerTonneRule,
    PIndexRule,
    PooledFundRule,
    Section,
)

P_PLACES = 6
"""Places of the index P as printed (the brief's worked examples: 0.789792)."""
RATIO_PLACES = 4
"""Places of the exceedance multiple m and of the status rule's ratio to last year."""
TONNE_PLACES = 3
"""Places of tonnes over or under target (to the kilogram)."""
MONTHLY_SECTIONS = 8
"""Per-section month-by-month tables are printed for up to this many sections (the screen shows them all)."""
MONTHLY_MONTHS = 24
"""… and for a period of up to this many months; beyond, the annexes give the period's figures per section."""
P_COLUMNS = 4
"""The monthly P table has one column per section for up to this many sections (it must fit the type area)."""
LISTED = 12
"""Parties' roles, transfers and nets are written out in the articles' prose for up to this many; beyond, the
prose points to the table that lists them all (a 50-section basin would otherwise print pages of lines twice)."""

TEXTS: dict[str, Bilingual] = {
    "upstream_pays": Bilingual("上游方向下游方支付", "upstream pays downstream"),
    "downstream_pays": Bilingual("下游方向上游方支付", "downstream pays upstream"),
    "none": Bilingual("无需支付", "no payment"),
}


def eco_articles(context: BuildContext, item: EcoCompensation, result: ItemResult) -> ItemSection:
    """The articles and the two annexes of ``item`` in the context's language."""
    zh = context.zh
    scenario = context.scenario
    # the English translation names the matter by the scenario's English title when it has one (item titles are
    # not translated)
    title = (item.title or scenario.title) if zh else (scenario.title_en or item.title or scenario.title)
    subject = f"{title}事宜" if zh else title
    if not result.ok or not any(t.key == TRANSFERS_TABLE for t in result.tables):
        return _not_computed(context, item, result, subject)
    _, details = compute_eco_details(scenario, item, Progress())
    if details.settlement is None:
        return _not_computed(context, item, result, subject)
    writer = _Writer(context, item, result, details, title)
    return ItemSection(subject=subject, articles=writer.articles(), appendices=writer.appendices())


class _Writer:
    """Builds one item's articles and annexes; holds what they share (labels, shown tables, annex titles)."""

    def __init__(
        self, context: BuildContext, item: EcoCompensation, result: ItemResult, details: EcoDetails, title: str
    ) -> None:
        self.context = context
        self.item = item
        self.result = result
        self.details = details
        self.zh = context.zh
        self.key = f"items.{item.id}"
        self.title = title
        self.parties = context.scenario.item_parties(item)
        self.names = {p.id: context.party_name(p.id) for p in self.parties}
        self.codes = _assessed_codes(item)
        self.places = {c: _places(item, c) for c in self.codes}
        self.monitoring_title = f"{title}监测数据汇总" if self.zh else f"Monitoring data: {title}"
        self.computation_title = f"{title}补偿测算表" if self.zh else f"Calculation of the compensation: {title}"
        self.transfers = result.table(TRANSFERS_TABLE)
        self.transfers_shown = shown_table(self.transfers, context.precision)
        self.nets = result.table(NETS_TABLE)
        self.nets_shown = shown_table(self.nets, context.precision)
        settled = details.settlement.transfers if details.settlement is not None else ()
        # the transfers table has a row per transfer of the combined settlement, in its order
        self.pairs = {row.key: (t.payer, t.payee) for row, t in zip(self.transfers.rows, settled, strict=True)}
        self.simulated = Decimal(item.quality_scale) != 1
        self.scale_text = _number(Decimal(item.quality_scale))
        units = {item.indicator(c).unit for c in self.codes}
        self.unit = units.pop() if len(units) == 1 else None
        """The concentration unit every assessed indicator shares (printed once above a table), or None."""

    # --- words --------------------------------------------------------------------------------------------------

    def w(self, zh: str, en: str) -> str:
        return zh if self.zh else en

    def label(self, pid: str) -> str:
        """甲方（四川省） / Party A (Sichuan Province), escaped for a template; 中央财政 for the central row."""
        if pid == CENTRAL:
            return self.w("中央财政", "the central government")
        return escape_literal(self.context.full_label(pid))

    def plain_label(self, pid: str) -> str:
        """The label as printed in a table cell (no template, no escaping)."""
        if pid == CENTRAL:
            return self.w("中央财政", "Central government")
        return self.context.full_label(pid)

    def join(self, parts: Sequence[str]) -> str:
        if self.zh:
            return "、".join(parts)
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

    def section_name(self, section: Section) -> str:
        return section.name_zh if self.zh else section.label("en")

    def indicator_name(self, code: str) -> str:
        """高锰酸盐指数（CODMn） / Permanganate index (CODMn); the code alone when the name is the code."""
        indicator = self.item.indicator(code)
        name = indicator.name_zh if self.zh else (indicator.name_en or indicator.name_zh)
        if name == code:
            return code
        return f"{name}（{code}）" if self.zh else f"{name} ({code})"

    def period_text(self) -> str:
        first, last = self.item.period.first, self.item.period.last
        if self.zh:
            return f"{int(first[:4])}年{int(first[5:])}月至{int(last[:4])}年{int(last[5:])}月"
        return f"{_month_en(first)} to {_month_en(last)}"

    def month_label(self, month: str) -> str:
        return f"{int(month[:4])}年{int(month[5:])}月" if self.zh else _month_en(month)

    def money(self, fen: int) -> str:
        """An exact amount in the display unit, rounded half up to the shown decimals, with its unit."""
        steps = round_half_up(Fraction(fen) / self.context.precision.step_fen)
        scale = Decimal(1).scaleb(-self.context.precision.decimals)
        return self.context.amount((Decimal(steps) * scale).quantize(scale))

    def per_tonne(self, fen: int) -> str:
        """A unit standard: 1.5万元/吨 / RMB 15,000 per tonne."""
        yuan = Decimal(fen) / 100
        if self.zh:
            if yuan >= 10_000 and fen % 100_000 == 0:
                return f"{_number(yuan / 10_000)}万元/吨"
            return f"{_number(yuan)}元/吨"
        return f"RMB {_number(yuan)} per tonne"

    def provenance(self, what: str, provenance: Provenance | None) -> str:
        """Where ``what`` comes from, as a clause the caller ends (escaped for a template)."""
        return escape_literal(provenance_text(self.context, what, provenance, sentence=True))

    # --- the articles ---------------------------------------------------------------------------------------------

    def articles(self) -> list[ArticleSpec]:
        specs = [self.scope()]
        if self.simulated:
            specs.append(self.simulation())
        specs += [self.sections(), self.indicators(), self.formula(), self.payment(), self.terms(), self.monitoring()]
        specs.append(self.period())
        if self.item.zone is not None and self.details.zone is not None:
            specs.append(self.zone())
        return specs

    def roles(self) -> dict[str, tuple[list[Section], list[Section]]]:
        """Per party, the sections it is upstream of and those it is downstream of."""
        found: dict[str, tuple[list[Section], list[Section]]] = {p: ([], []) for p in self.item.parties}
        for section in self.item.sections:
            for up in section.upstream:
                found[up.party][0].append(section)
            found[section.downstream][1].append(section)
        return found

    def sections_phrase(self, sections: list[Section]) -> str:
        every = len(sections) == len(self.item.sections) and len(sections) > 1
        if every:
            count = len(sections)
            return self.w(f"全部{_count_zh(count)}个考核断面", f"all {count} assessment sections")
        names = [escape_literal(self.section_name(s)) for s in sections]
        return self.join(names)

    def scope(self) -> ArticleSpec:
        item, zh = self.item, self.zh
        members = self.join([self.label(p.id) for p in self.parties])
        if len(self.parties) > LISTED:
            members = self.w(f"各方（共{_count_zh(len(self.parties))}方）", f"the {len(self.parties)} Parties")
        lines = []
        for pid, (up, down) in self.roles().items():
            if up and down:
                lines.append(
                    self.w(
                        f"{self.label(pid)}为{self.sections_phrase(up)}的上游方、{self.sections_phrase(down)}的下游方",
                        f"{self.label(pid)} is upstream of {self.sections_phrase(up)} and downstream of "
                        f"{self.sections_phrase(down)}",
                    )
                )
            elif up:
                lines.append(
                    self.w(
                        f"{self.label(pid)}为{self.sections_phrase(up)}的上游方",
                        f"{self.label(pid)} is upstream of {self.sections_phrase(up)}",
                    )
                )
            elif down:
                lines.append(
                    self.w(
                        f"{self.label(pid)}为{self.sections_phrase(down)}的下游方",
                        f"{self.label(pid)} is downstream of {self.sections_phrase(down)}",
                    )
                )
            else:
                lines.append(
                    self.w(
                        f"{self.label(pid)}参与补偿资金的筹集和分配",
                        f"{self.label(pid)} pays into and receives from the compensation fund",
                    )
                )
        name = escape_literal(self.title)
        if zh:
            text = (
                f"本协议所称横向生态保护补偿事项为{name}。{members}按照“谁保护、谁受益，谁污染、谁付费”的原则，"
                "以跨界考核断面的水质确定补偿方向和补偿金额。"
                + (
                    "其中，" + "；".join(lines) + "。"
                    if len(lines) <= LISTED
                    else "各方在各考核断面的上下游关系见考核断面表。"
                )
            )
            if item.notes.strip():
                text += "\n有关说明：" + escape_literal(item.notes.strip())
        else:
            text = (
                f"The compensation under this Agreement is {name}. On the principle that those who protect the "
                f"water benefit and those who pollute it pay, {members} let the water quality at the cross-border "
                "assessment sections decide the direction and the amount of compensation. "
                + (
                    "; ".join(lines) + "."
                    if len(lines) <= LISTED
                    else "The table of assessment sections gives each Party's place upstream or downstream."
                )
            )
            if item.notes.strip():
                text += "\nNotes: " + escape_literal(item.notes.strip())
        heading = self.w("补偿范围", "Scope")
        return ArticleSpec(f"{self.key}.scope", heading, text)

    def simulation(self) -> ArticleSpec:
        scale = Decimal(self.item.quality_scale)
        change = abs(scale - 1) * 100
        worse = scale > 1
        values = {"scale": _number(scale)}
        descriptions = {"scale": self.w("水质模拟系数", "Water-quality what-if factor")}
        if self.zh:
            text = (
                "本协议及附件所列补偿金额为模拟结果：计算时各项实测浓度统一乘以水质模拟系数{scale}"
                f"（相当于水质整体{'变差' if worse else '改善'}{_number(change)}%），并非按实测水质计算的结果，"
                "仅供协商演示，不得作为补偿资金结算的依据。"
            )
        else:
            text = (
                "The amounts in this Agreement and its annexes are a simulation: every measured concentration was "
                "multiplied by the water-quality what-if factor {scale} (water "
                f"{'worse' if worse else 'better'} by {_number(change)}% across the board). They are not computed "
                "on the measured water quality, serve only to demonstrate the negotiation, and may not be used to "
                "settle any payment."
            )
        return ArticleSpec(f"{self.key}.simulation", self.w("模拟说明", "Simulation"), text, values, None, descriptions)

    def sections(self) -> ArticleSpec:
        item, zh = self.item, self.zh
        count = len(item.sections)
        shared = [s for s in item.sections if len(s.upstream) > 1]
        if zh:
            text = (
                f"各方以下列{_count_zh(count)}个跨界断面（以下简称考核断面）的水质作为补偿考核的依据。"
                "考核断面的具体点位以各方生态环境主管部门共同确认的点位为准。"
            )
            if shared:
                text += "考核断面有两个以上上游方的，各上游方按下表所列污染贡献比例分担或分享该断面的补偿金额。"
        else:
            text = (
                f"The water quality at the following {count} cross-border sections (the assessment sections) is "
                "the basis of the compensation. The exact sampling points are those confirmed jointly by the "
                "Parties' ecology and environment departments."
            )
            if shared:
                text += (
                    " Where a section has more than one upstream Party, they bear or share its amount in the "
                    "pollution-contribution ratios in the table."
                )
        by_indicator = [s for s in shared if any(u.by_indicator for u in s.upstream)]
        for section in by_indicator:
            parts = []
            for code in self.codes:
                ratios = _percentages([Decimal(u.by_indicator.get(code, u.ratio)) for u in section.upstream])
                who = self.join([f"{self.label(u.party)}{r}" for u, r in zip(section.upstream, ratios, strict=True)])
                parts.append(f"{escape_literal(code)}{'：' if zh else ': '}{who}")
            name = escape_literal(self.section_name(section))
            text += (
                f"\n{name}按指标分别确定贡献比例：" + "；".join(parts) + "。"
                if zh
                else f"\nAt {name} the ratios differ by indicator: " + "; ".join(parts) + "."
            )
        rows = []
        for section in item.sections:
            ratios = _percentages([Decimal(u.ratio) for u in section.upstream])
            for index, (up, ratio) in enumerate(zip(section.upstream, ratios, strict=True)):
                first = index == 0
                rows.append(
                    (
                        self.section_name(section) if first else "",
                        self.plain_label(up.party),
                        ratio,
                        self.plain_label(section.downstream) if first else "",
                    )
                )
        table = Table(
            key=f"{self.key}.sections",
            caption=self.w("考核断面", "Assessment sections"),
            unit_note=self.w(f"共{count}个断面", f"{count} sections"),
            header=(
                self.w("考核断面", "Section"),
                self.w("上游方", "Upstream"),
                self.w("贡献比例", "Contribution"),
                self.w("下游方", "Downstream"),
            ),
            rows=tuple(rows),
            numeric=(False, False, True, False),
        )
        return ArticleSpec(f"{self.key}.sections", self.w("考核断面", "Assessment sections"), text, table=table)

    def indicators(self) -> ArticleSpec:
        item, rule, zh = self.item, self.item.rule, self.zh
        names = self.join([escape_literal(self.indicator_name(c)) for c in self.codes])
        baseline_word = self.w("基准浓度（上年水平）", "Baseline (last year)")
        if isinstance(rule, PIndexRule):
            baseline_word = self.w("基准浓度（基本限值）", "Baseline")
        show_baseline = any(item.indicator(c).baseline is not None for c in self.codes)
        show_baseline = show_baseline and isinstance(rule, PIndexRule | MonthlyStatusRule)
        if zh:
            text = f"考核指标为{names}，各项指标的单位、目标浓度"
            text += "和基准浓度" if show_baseline else ""
            text += "见下表。目标浓度为考核断面水质类别的限值；"
        else:
            text = f"The indicators assessed are {names}; their units, targets"
            text += " and baselines" if show_baseline else ""
            text += " are given in the table. The target is the limit of the section's water-quality class; "
        if isinstance(rule, PIndexRule):
            text += self.w("基准浓度为计算补偿指数的基本限值。", "the baseline is the reference of the index P.")
        elif isinstance(rule, MonthlyStatusRule):
            text += self.w(
                "基准浓度为判断水质改善或下降所比照的上年水平。",
                "the baseline is last year's level against which improvement or decline is judged.",
            )
        else:
            text += self.w("监测浓度高于目标浓度的为超标。", "a mean concentration above the target exceeds it.")
        groups: dict[tuple[str, str, str], list[str]] = {}
        unsourced: list[str] = []
        for code in self.codes:
            provenance = item.indicator(code).provenance
            if provenance is None:
                unsourced.append(self.indicator_name(code))
            else:
                groups.setdefault((provenance.tag, provenance.source, provenance.note), []).append(
                    self.indicator_name(code)
                )
        lines = []
        for (tag, source, note), who in groups.items():
            what = self.w(f"{self.join(who)}的浓度限值", f"Limits of {self.join(who)}")
            lines.append(self.provenance(what, Provenance(tag=tag, source=source, note=note)))  # type: ignore[arg-type]
        if unsourced:
            what = self.w(f"{self.join(unsourced)}的浓度限值", f"Limits of {self.join(unsourced)}")
            lines.append(self.provenance(what, None))
        if lines:
            text += "\n" + ("；".join(lines) + "。" if zh else "; ".join(lines) + ".")
        by_column = self.unit is None  # a unit column only when the indicators' units differ
        header = [
            self.w("指标", "Indicator"),
            *([self.w("单位", "Unit")] if by_column else []),
            self.w("目标浓度", "Target"),
        ]
        numeric = [False, *([False] if by_column else []), True]
        if show_baseline:
            header.append(baseline_word)
            numeric.append(True)
        if isinstance(rule, PIndexRule):
            header.append(self.w("权重", "Weight"))
            numeric.append(True)
        if isinstance(rule, PerTonneRule):
            header.append(self.w("单位补偿标准", "Unit standard"))
            numeric.append(True)
        rows = []
        for code in self.codes:
            indicator = item.indicator(code)
            row = [
                self.indicator_name(code),
                *([indicator.unit] if by_column else []),
                _number(Decimal(indicator.target)) if indicator.target is not None else "—",
            ]
            if show_baseline:
                row.append(_number(Decimal(indicator.baseline)) if indicator.baseline is not None else "—")
            if isinstance(rule, PIndexRule):
                row.append(_number(Decimal(rule.weights[code])))
            if isinstance(rule, PerTonneRule):
                row.append(self.per_tonne(rule.standards[code]))
            rows.append(tuple(row))
        table = Table(
            key=f"{self.key}.indicators",
            caption=self.w("考核指标及浓度限值", "Indicators and limits"),
            unit_note=self.note("concentration")
            or self.w("浓度单位见“单位”栏", "Concentrations in the unit of the Unit column"),
            header=tuple(header),
            rows=tuple(rows),
            numeric=tuple(numeric),
        )
        return ArticleSpec(f"{self.key}.indicators", self.w("考核指标", "Indicators"), text, table=table)

    def formula(self) -> ArticleSpec:
        rule = self.item.rule
        if isinstance(rule, PIndexRule):
            text, values, descriptions = self.p_index_formula(rule)
        elif isinstance(rule, PerTonneRule):
            text, values, descriptions = self.per_tonne_formula(rule)
        elif isinstance(rule, PooledFundRule):
            text, values, descriptions = self.pooled_formula(rule)
        elif isinstance(rule, MonthlyStatusRule):
            text, values, descriptions = self.status_formula(rule)
        else:
            text, values, descriptions = self.exceedance_formula(rule)
        what = self.w("上述补偿标准和计算参数", "Source of the parameters above")
        text += "\n" + self.provenance(what, rule.provenance) + self.w("。", ".")
        heading = self.w("补偿标准与计算方法", "Compensation rule and formula")
        return ArticleSpec(f"{self.key}.formula", heading, text, values, None, descriptions)

    def multiple_upstream(self) -> str:
        if not any(len(s.upstream) > 1 for s in self.item.sections):
            return ""
        return self.w(
            "\n考核断面有两个以上上游方的，由各上游方按污染贡献比例分担或分享该断面的补偿金额，按最大余数法精确到分。",
            "\nWhere a section has several upstream Parties, they bear or share its amount in their "
            "pollution-contribution ratios, to the fen by largest remainder.",
        )

    def p_index_formula(self, rule: PIndexRule) -> tuple[str, dict[str, str], dict[str, str]]:
        values = {"stability": _number(Decimal(rule.k0)), "threshold": _number(Decimal(rule.threshold))}
        values["bet"] = self.money(rule.amount_fen)
        descriptions = {
            "stability": self.w("水质稳定系数k0", "Water-quality stability coefficient k0"),
            "threshold": self.w("P值临界值", "Threshold of P"),
            "bet": self.w("每个断面的补偿资金", "Amount at stake per section"),
        }
        weights = []
        for code, weight in rule.weights.items():
            values[f"weight:{code}"] = _number(Decimal(weight))
            descriptions[f"weight:{code}"] = self.w(f"{code}的权重", f"Weight of {code}")
            weights.append(f"{escape_literal(self.indicator_name(code))}{self.w('为', ' ')}{{weight:{code}}}")
        if self.zh:
            text = (
                "各考核断面分别按考核期内各项指标的浓度均值计算补偿指数P：\n"
                "P＝k0×Σ(wi×Ci/Ci0)\n"
                "式中：Ci为第i项指标在考核期内的浓度均值（各月均值的算术平均值，月均值为当月各次监测值的算术平均值）；"
                "Ci0为第i项指标的基准浓度；wi为第i项指标的权重，" + "，".join(weights) + "；"
                "k0为水质稳定系数，取{stability}。\n"
                "P≤{threshold}的，由下游方向上游方支付补偿资金；P>{threshold}的，由上游方向下游方支付补偿资金。"
                "每个考核断面的补偿资金为{bet}，各断面分别考核、合并结算。"
            )
        else:
            text = (
                "For each assessment section the compensation index P is computed from the indicators' mean "
                "concentrations over the assessment period:\n"
                "P = k0 × Σ(wi × Ci / Ci0)\n"
                "where Ci is the mean concentration of indicator i over the period (the mean of the monthly means, "
                "a monthly mean being the mean of that month's samples); Ci0 is its baseline; wi is its weight: "
                + "; ".join(weights)
                + "; and k0 is the water-quality stability coefficient, {stability}.\n"
                "If P ≤ {threshold}, the downstream Party pays the upstream Party; if P > {threshold}, the upstream "
                "Party pays the downstream Party. The amount at stake is {bet} per section; each section is "
                "assessed on its own and the sections are settled together."
            )
        if rule.tiers:
            tiers = sorted(rule.tiers, key=lambda t: Decimal(t.upper_bound))
            parts, lower = [], None
            for tier in tiers:
                bound = _number(Decimal(tier.upper_bound))
                amount = self.money(tier.amount_fen)
                if self.zh:
                    where = f"P≤{bound}" if lower is None else f"{lower}<P≤{bound}"
                    parts.append(f"{where}的，为{amount}")
                else:
                    where = f"P ≤ {bound}" if lower is None else f"{lower} < P ≤ {bound}"
                    parts.append(f"{amount} when {where}")
                lower = bound
            text += self.w(
                "\n补偿资金按P值分档确定：" + "；".join(parts) + f"；P>{lower}的，为{{bet}}。支付方向仍按前款确定。",
                "\nThe amount is graded by P: " + "; ".join(parts) + f"; {{bet}} when P > {lower}. The direction "
                "of payment is still set by the preceding paragraph.",
            )
        if rule.central_fen:
            values["central"] = self.money(rule.central_fen)
            descriptions["central"] = self.w("每个断面的中央补偿资金", "Central fund per section")
            payer = (
                self.label(rule.central_party) if rule.central_party else self.w("中央财政", "the central government")
            )
            text += self.w(
                f"\n此外，{payer}在考核期内向每个考核断面的上游方拨付补偿资金{{central}}，不论P值大小。",
                f"\nIn addition, {payer} pays the upstream Party of each section {{central}} over the period, "
                "whatever P is.",
            )
        return text + self.multiple_upstream(), values, descriptions

    def per_tonne_formula(self, rule: PerTonneRule) -> tuple[str, dict[str, str], dict[str, str]]:
        values: dict[str, str] = {}
        descriptions: dict[str, str] = {}
        standards = []
        for code, fen in rule.standards.items():
            values[f"standard:{code}"] = self.per_tonne(fen)
            descriptions[f"standard:{code}"] = self.w(f"{code}的单位补偿标准", f"Unit standard of {code}")
            standards.append(f"{escape_literal(self.indicator_name(code))}{self.w('', ' ')}{{standard:{code}}}")
        if self.zh:
            text = (
                "各考核断面按月计算补偿金额。单因子补偿金额＝（断面水质指标值－断面水质控制目标值）×月断面水量×"
                "单位补偿标准，即：\n"
                "Aj＝(Cj－Tj)×Q×uj/1,000,000\n"
                "A＝ΣAj\n"
                "式中：Aj为指标j当月的补偿金额，A为断面当月的补偿金额；Cj为指标j当月的浓度均值（mg/L）；Tj为其目标浓度（mg/L）；Q为断面当月水量（立方米），"
                "浓度（mg/L，即克/立方米）与水量之积除以1,000,000为污染物吨数；uj为单位补偿标准："
                + "，".join(standards)
                + "。\n"
                "A为正值（水质劣于目标）的，由上游方向下游方支付A；A为负值（水质优于目标）的，由下游方向上游方支付A的绝对值。"
                "月补偿金额四舍五入到分；考核期内同一对当事方之间相反方向的金额相互抵减后结算。"
            )
        else:
            text = (
                "Each section's amount is computed month by month: the amount of an indicator is (measured - "
                "target concentration) × the month's flow × the unit standard, that is\n"
                "Aj = (Cj - Tj) × Q × uj / 1,000,000\n"
                "A = ΣAj\n"
                "where Aj is the month's amount of indicator j and A the section's; Cj is the month's mean "
                "concentration of indicator j (mg/L), Tj its target (mg/L), "
                "Q the section's flow in the month (m³) — concentration (mg/L, i.e. g/m³) times flow, divided by "
                "1,000,000, gives tonnes — and uj the unit standard: " + "; ".join(standards) + ".\n"
                "If A is positive (water worse than target), the upstream Party pays the downstream Party A; if A "
                "is negative (water better than target), the downstream Party pays the upstream Party its absolute "
                "value. Monthly amounts are rounded half up to the fen; opposite amounts between the same two "
                "Parties over the period are set off against each other before payment."
            )
        for code, tiers in rule.tiers.items():
            if not tiers:
                continue
            parts, lower = [], None
            for tier in sorted(tiers, key=lambda t: Decimal(t.upper_multiple)):
                bound = _number(Decimal(tier.upper_multiple))
                amount = self.per_tonne(tier.fen_per_tonne)
                where = (
                    self.w(f"不超过{bound}倍", f"up to {bound}")
                    if lower is None
                    else self.w(f"{lower}倍以上至{bound}倍", f"above {lower} up to {bound}")
                )
                parts.append(self.w(f"{where}的为{amount}", f"{amount} {where}"))
                lower = bound
            name = escape_literal(self.indicator_name(code))
            text += self.w(
                f"\n{name}的单位补偿标准按超标倍数|Cj－Tj|/Tj分档：" + "；".join(parts) + f"；{lower}倍以上的为"
                f"{{standard:{code}}}。",
                f"\nThe unit standard of {name} is graded by the multiple |Cj - Tj|/Tj: "
                + "; ".join(parts)
                + f"; {{standard:{code}}} above {lower}.",
            )
        return text + self.multiple_upstream(), values, descriptions

    def pooled_formula(self, rule: PooledFundRule) -> tuple[str, dict[str, str], dict[str, str]]:
        values = {"fund": self.money(rule.fund_fen)}
        descriptions = {"fund": self.w("补偿资金总额", "Fund")}
        lines = []
        for name, ratios, word_zh, word_en in (
            ("contribution", rule.contributions, "出资", "pays in"),
            ("allocation", rule.allocations, "分配", "is allocated"),
        ):
            parts_fen = split_fen(rule.fund_fen, [Fraction(Decimal(w)) for w in ratios.values()])
            shown, _ = _shown_amounts(self.context, list(ratios), parts_fen)
            percents = _percentages([Decimal(w) for w in ratios.values()])
            ratio_text = ":".join(_number(Decimal(w)) for w in ratios.values())
            parts = []
            for (pid, amount), percent in zip(shown.items(), percents, strict=True):
                values[f"{name}:{pid}"] = self.context.amount(amount)
                descriptions[f"{name}:{pid}"] = f"{self.names.get(pid, pid)} · " + self.w(word_zh + "额", word_en)
                parts.append(
                    self.w(
                        f"{self.label(pid)}{percent}，计{{{name}:{pid}}}",
                        f"{self.label(pid)} {percent}, {{{name}:{pid}}}",
                    )
                )
            who = self.join([self.label(p) for p in ratios])
            lines.append(
                self.w(
                    f"{who}按{ratio_text}的比例{word_zh}，即" + "；".join(parts),
                    f"{who} in the ratio {ratio_text}: " + "; ".join(parts),
                )
            )
        stakes = []
        for section in self.item.sections:
            stake = next((s for s in rule.stakes if s.section == section.id), None)
            if stake is not None:
                cut = {p: Decimal(w) for p, w in stake.cut_from.items()}
                to = {p: Decimal(w) for p, w in stake.redistribute_to.items()}
            else:
                cut = {u.party: Decimal(1) for u in section.upstream}
                to = {section.downstream: Decimal(1)}
            cut_text = self.join(
                [
                    self.w(
                        f"{self.label(p)}分配额的{_number(w * 100)}%",
                        f"{_number(w * 100)}% of the allocation of {self.label(p)}",
                    )
                    for p, w in cut.items()
                ]
            )
            receivers = self.join([self.label(p) for p in to])
            weights = ":".join(_number(w) for w in to.values())
            split = (
                self.w(f"由{receivers}分得", f"goes to {receivers}")
                if len(to) == 1
                else self.w(f"由{receivers}按{weights}的比例分得", f"goes to {receivers} in the ratio {weights}")
            )
            name = escape_literal(self.section_name(section))
            stakes.append(
                self.w(
                    f"{name}未达标的，扣减{cut_text}乘以扣减系数f，扣减部分{split}",
                    f"if {name} fails, {cut_text} is cut, times the factor f, and the cut {split}",
                )
            )
        if rule.failure == "months":
            failure = self.w(
                "考核断面按月考核，扣减系数f为未达标月数占考核月数的比例",
                "each section is assessed month by month and f is the share of its months that fail",
            )
        else:
            failure = self.w(
                "考核断面按考核期浓度均值考核，未达标的扣减系数f为1，达标的为0",
                "each section is assessed on its means over the period: f is 1 if it fails and 0 if it passes",
            )
        if self.zh:
            text = (
                "各方共同设立流域横向生态保护补偿资金，考核期内资金总额为{fund}。\n"
                f"（一）资金筹集：{lines[0]}。\n"
                f"（二）资金分配：{lines[1]}。\n"
                "（三）考核扣减：考核断面各项指标的浓度均值均不高于目标浓度的为达标；"
                f"{failure}。" + "；".join(stakes) + "。\n"
                "（四）结算：各方扣减和再分配后的分配额与其出资额之差为其净收支，由净支出方向净收入方支付。即：\n"
                "净额＝分配额－扣减额＋再分配额－出资额，扣减额＝分配额×扣减比例×f\n"
                "各方出资额、分配额按比例计算到分，按最大余数法取舍，合计等于资金总额；扣减额四舍五入到分。"
            )
        else:
            text = (
                "The Parties set up a basin compensation fund of {fund} for the assessment period.\n"
                f"(1) Paying in: {lines[0]}.\n"
                f"(2) Allocation: {lines[1]}.\n"
                "(3) Cuts: a section passes when the mean concentration of every indicator is at or below its "
                f"target; {failure}. " + "; ".join(stakes) + ".\n"
                "(4) Settlement: each Party's allocation after cuts and redistribution, less what it paid in, is "
                "its net; net payers pay net receivers. That is:\n"
                "net = allocation - cut + redistributed - paid in, with cut = allocation × share at stake × f\n"
                "Payments in and allocations are split to the fen by largest remainder and add up to the fund; "
                "cuts are rounded half up to the fen."
            )
        return text, values, descriptions

    def status_formula(self, rule: MonthlyStatusRule) -> tuple[str, dict[str, str], dict[str, str]]:
        values = {"monthly": self.money(rule.amount_fen)}
        descriptions = {"monthly": self.w("每月补偿金额", "Monthly amount")}

        def signed(fen: int, key: str, what_zh: str, what_en: str) -> str:
            if fen == 0:
                return self.w("不支付补偿资金", "no payment is due")
            values[key] = self.money(abs(fen))
            descriptions[key] = self.w(what_zh, what_en)
            if fen > 0:
                return self.w(
                    f"由上游方向下游方支付{{{key}}}", f"the upstream Party pays the downstream Party {{{key}}}"
                )
            return self.w(f"由下游方向上游方支付{{{key}}}", f"the downstream Party pays the upstream Party {{{key}}}")

        fail = signed(rule.on_fail_fen, "on_fail", "未达标月份的金额", "Amount in a failing month")
        unchanged = signed(rule.on_unchanged_fen, "on_unchanged", "持平月份的金额", "Amount in an unchanged month")
        if self.zh:
            text = (
                "各考核断面按月考核。当月各项指标的浓度均值均不高于目标浓度的为达标。当月水质与上年相比按综合比值判断：\n"
                "R＝(1/n)×Σ(Cj/Bj)\n"
                "式中：Cj为指标j当月的浓度均值，Bj为其基准浓度（上年水平），n为考核指标数；R<1为水质改善，R>1为水质下降，"
                "R=1为持平。\n"
                "（一）达标且水质改善的，由下游方向上游方支付{monthly}；\n"
                "（二）达标但水质下降的，由上游方向下游方支付{monthly}；\n"
                f"（三）达标且持平的，{unchanged}；\n"
                f"（四）未达标的，{fail}。\n"
                "各月金额在考核期内相互抵减后结算。"
            )
        else:
            text = (
                "Each section is assessed month by month. It meets its class in a month when the mean "
                "concentration of every indicator is at or below its target. Whether the water improved on last "
                "year is judged by the ratio\n"
                "R = (1/n) × Σ(Cj / Bj)\n"
                "where Cj is the month's mean concentration of indicator j, Bj its baseline (last year's level) and "
                "n the number of indicators: R < 1 is an improvement, R > 1 a decline, R = 1 unchanged.\n"
                "(1) Meets its class and improved: the downstream Party pays the upstream Party {monthly};\n"
                "(2) meets its class but declined: the upstream Party pays the downstream Party {monthly};\n"
                f"(3) meets its class, unchanged: {unchanged};\n"
                f"(4) fails its class: {fail}.\n"
                "The months' amounts are set off against each other over the period before payment."
            )
        return text + self.multiple_upstream(), values, descriptions

    def exceedance_formula(self, rule: ExceedanceRule) -> tuple[str, dict[str, str], dict[str, str]]:
        values: dict[str, str] = {}
        descriptions: dict[str, str] = {}
        tiers = sorted(rule.tiers, key=lambda t: Decimal(t.lower_bound))
        parts = []
        for index, tier in enumerate(tiers):
            key = f"tier:{index + 1}"
            values[key] = self.money(tier.amount_fen)
            descriptions[key] = self.w(f"第{chinese_number(index + 1)}档补偿基数", f"Base of tier {index + 1}")
            low = _number(Decimal(tier.lower_bound))
            if index + 1 < len(tiers):
                high = _number(Decimal(tiers[index + 1].lower_bound))
                parts.append(self.w(f"{low}<m≤{high}的，为{{{key}}}", f"{{{key}}} when {low} < m ≤ {high}"))
            else:
                parts.append(self.w(f"m>{low}的，为{{{key}}}", f"{{{key}}} when m > {low}"))
        first = _number(Decimal(tiers[0].lower_bound))
        if rule.below_first_fen:
            values["below_first"] = self.money(rule.below_first_fen)
            descriptions["below_first"] = self.w("首档以下的补偿基数", "Base below the first tier")
            below = self.w(
                f"0<m≤{first}的，补偿基数为{{below_first}}；m≤0的，不支付补偿资金",
                f"when 0 < m ≤ {first} the base is {{below_first}}; when m ≤ 0 no payment is due",
            )
        else:
            below = self.w(f"m≤{first}的，不支付补偿资金", f"when m ≤ {first} no payment is due")
        if self.zh:
            text = (
                "各考核断面按月对各项指标分别计算超标倍数：\n"
                "m＝(C－T)/T\n"
                "式中：C为指标当月的浓度均值，T为其目标浓度。该指标当月的补偿金额为m所在档次的补偿基数乘以(1＋m)，"
                "由上游方向下游方支付。补偿基数：" + "；".join(parts) + f"；{below}。\n"
                "各项指标、各月的金额四舍五入到分，在考核期内合计后结算。"
            )
        else:
            text = (
                "For each section, month and indicator the exceedance multiple is\n"
                "m = (C - T) / T\n"
                "where C is the month's mean concentration and T the target. The upstream Party pays the "
                "downstream Party the base of the tier m falls in times (1 + m). Bases: "
                + "; ".join(parts)
                + f"; {below}.\n"
                "Each indicator's monthly amount is rounded half up to the fen; the amounts are added up over the "
                "period and settled together."
            )
        return text + self.multiple_upstream(), values, descriptions

    def payment_values(self) -> tuple[dict[str, str], dict[str, str]]:
        values: dict[str, str] = {}
        descriptions: dict[str, str] = {}
        shown, table = self.transfers_shown, self.transfers
        values["total"] = self.context.amount(shown.totals[0])  # type: ignore[arg-type]
        descriptions["total"] = self.w("补偿资金合计", "Total of the payments")
        for r, row in enumerate(table.rows):
            payer, payee = self.pairs[row.key]
            key = f"transfer:{payer}>{payee}"
            values[key] = self.context.amount(shown.cells[r][0])  # type: ignore[arg-type]
            descriptions[key] = self.w(
                f"{self.plain_label(payer)}向{self.plain_label(payee)}支付",
                f"{self.plain_label(payer)} pays {self.plain_label(payee)}",
            )
        for r, row in enumerate(self.nets.rows):
            net = self.nets_shown.cells[r][0]
            assert net is not None
            amount = self.context.amount(abs(net))
            if net > 0:
                text = self.w(f"净收入{amount}", f"receives a net {amount}")
            elif net < 0:
                text = self.w(f"净支出{amount}", f"pays a net {amount}")
            else:
                text = self.w("收支相抵", "neither pays nor receives on balance")
            values[f"net:{row.key}"] = text
            descriptions[f"net:{row.key}"] = f"{self.plain_label(row.key)} · " + self.w("净收支", "net")
        return values, descriptions

    def payment(self) -> ArticleSpec:
        values, descriptions = self.payment_values()
        table = self.transfers
        simulated = (
            self.w("（模拟结果，不作为结算依据）", " (a simulation, not a basis for payment)") if self.simulated else ""
        )
        annex = escape_literal(self.computation_title)
        unit, decimals = self.context.unit_label, self.context.precision.decimals
        if not table.rows:
            text = self.w(
                f"按本协议约定的补偿标准与计算方法，根据{self.period_text()}的监测数据，考核期内各方之间无需支付补偿资金{simulated}。"
                f"各断面的测算过程见附件《{annex}》。",
                f"Under the rule and formula of this Agreement and the monitoring data of {self.period_text()}, no "
                f"Party owes another any compensation for the period{simulated}. The calculation for each section "
                f"is given in the annex “{annex}”.",
            )
            return ArticleSpec(
                f"{self.key}.payment",
                self.w("补偿资金与支付方向", "Compensation payments"),
                text,
                values,
                None,
                descriptions,
            )
        lines = []
        for index, row in enumerate(table.rows, start=1):
            payer, payee = self.pairs[row.key]
            end = self.w("。" if index == len(table.rows) else "；", "." if index == len(table.rows) else ";")
            lines.append(
                self.w(
                    f"（{chinese_number(index)}）{self.label(payer)}向{self.label(payee)}支付{{transfer:{payer}>{payee}}}{end}",
                    f"({index}) {self.label(payer)} pays {self.label(payee)} {{transfer:{payer}>{payee}}}{end}",
                )
            )
        each = [f"{self.label(r.key)}{self.w('', ' ')}{{net:{r.key}}}" for r in self.nets.rows]
        nets = "，".join(each) if self.zh else self.join(each)
        if len(each) > LISTED:
            nets = self.w(f"各方净收支见附件《{annex}》", f"each Party's net is given in the annex “{annex}”")
        if len(lines) > LISTED:
            count = len(lines)
            lines = [
                self.w(f"各方之间共{count:,}笔，见下表。", f"{count:,} payments between the Parties, listed below.")
            ]
        if self.zh:
            text = (
                f"按本协议约定的补偿标准与计算方法，根据{self.period_text()}的监测数据，考核期内应支付的补偿资金如下{simulated}：\n"
                + "\n".join(lines)
                + f"\n以上合计{{total}}。据此，{nets}。\n"
                f"下表金额以{unit}为单位，保留{decimals}位小数，按最大余数法取舍，各笔金额之和等于合计；"
                f"各断面的测算过程见附件《{annex}》。"
            )
        else:
            text = (
                f"Under the rule and formula of this Agreement and the monitoring data of {self.period_text()}, the "
                f"compensation due for the period is{simulated}:\n"
                + "\n".join(lines)
                + f"\nIn total {{total}}. Accordingly, {nets}.\n"
                f"The table below is in {unit} to {decimals} decimals, rounded by largest remainder so that the "
                f"payments add up to the total; the calculation for each section is given in the annex “{annex}”."
            )
        doc_table = shown_doc_table(
            self.context,
            self.transfers_shown,
            key=f"{self.key}.transfers",
            caption=self.w("补偿资金支付表", "Compensation payments"),
            who=lambda key: tuple(self.plain_label(p) for p in self.pairs[key]),
            who_header=(self.w("支付方", "Payer"), self.w("收款方", "Payee")),
        )
        heading = self.w("补偿资金与支付方向", "Compensation payments")
        return ArticleSpec(f"{self.key}.payment", heading, text, values, doc_table, descriptions)

    def terms(self) -> ArticleSpec:
        rule = self.item.rule
        monthly = isinstance(rule, PerTonneRule | MonthlyStatusRule | ExceedanceRule)
        if self.zh:
            text = (
                "考核期结束后30日内，各方生态环境主管部门共同确认考核断面的监测结果，据此核定补偿资金，并书面通知各方财政部门。"
                "支付方应自核定之日起30日内，将补偿资金足额拨付至收款方财政部门指定账户；"
                "经各方同意，也可通过各方共同的上级财政部门以转移支付方式结算。"
            )
            if monthly:
                text += "补偿金额按月核算、考核期结束后一次结算，同一对当事方之间相反方向的金额相互抵减后支付净额。"
            if isinstance(rule, PIndexRule) and rule.central_fen:
                text += "中央财政补偿资金按国家有关规定拨付。"
            text += "已拨付的补偿资金不得抽回。"
        else:
            text = (
                "Within 30 days after the end of the assessment period the Parties' ecology and environment "
                "departments jointly confirm the monitoring results of the sections, determine the compensation "
                "on them and notify the Parties' finance departments in writing. Within 30 days of that "
                "determination the paying Party pays the compensation in full into the account designated by the "
                "receiving Party's finance department; if the Parties agree, the payment may be settled as a "
                "transfer through their common higher-level finance department."
            )
            if monthly:
                text += (
                    " Amounts are computed month by month and settled once after the period; opposite amounts "
                    "between the same two Parties are set off and the balance is paid."
                )
            if isinstance(rule, PIndexRule) and rule.central_fen:
                text += " Central funds are paid under the applicable national rules."
            text += " Compensation paid may not be withdrawn."
        return ArticleSpec(f"{self.key}.terms", self.w("资金拨付", "Payment terms"), text)

    def monitoring(self) -> ArticleSpec:
        per_tonne = isinstance(self.item.rule, PerTonneRule)
        annex = escape_literal(self.monitoring_title)
        count = len(self.item.records)
        if self.zh:
            text = (
                "（一）联合监测。考核断面由各方生态环境主管部门或其共同委托的具备资质的监测机构联合采样，每月至少一次；"
                "采样、保存和分析方法执行《地表水环境质量标准》（GB 3838-2002）和国家有关监测技术规范"
                + ("，断面月水量采用水文监测站的实测数据" if per_tonne else "")
                + "。\n"
                "（二）分样检测。每次联合采集的水样当场分为等量的若干份，由各方监测机构分别检测；"
                "各方检测结果的偏差在方法允许误差范围内的，取其算术平均值作为该次监测结果。\n"
                "（三）封存留样。每次采样另留备份水样一份，由各方共同签封，按规范保存至该次监测结果经各方确认且无异议之日。\n"
                "（四）争议复测。任何一方对监测结果有异议的，应自收到结果之日起7日内书面提出，"
                "由各方共同商定的具备资质的第三方检测机构对封存留样进行复测，以复测结果为准；"
                "复测费用由提出异议的一方先行垫付，复测结果与原结果不一致的，由各方协商分担。\n"
                "（五）协商与协调。对复测结果仍有争议的，由各方协商解决；协商不成的，提请省级生态环境主管部门协调，"
                "涉及两个以上省（市）的，提请各方共同的上级生态环境主管部门协调确定。\n"
                f"本协议测算所用的{self.period_text()}监测数据共{count:,}个样本，汇总见附件《{annex}》。"
            )
        else:
            text = (
                "(1) Joint monitoring. The sections are sampled jointly, at least once a month, by the Parties' "
                "ecology and environment departments or by a qualified monitoring body they appoint together; "
                "sampling, storage and analysis follow the Environmental Quality Standards for Surface Water "
                "(GB 3838-2002) and the national monitoring specifications"
                + ("; the section's monthly flow is that measured by the hydrological station" if per_tonne else "")
                + ".\n"
                "(2) Split samples. Each joint sample is divided on the spot into equal parts, analysed separately by "
                "each Party's laboratory; results that agree within the method's tolerance are averaged into the "
                "result of that sampling.\n"
                "(3) Sealed backup sample. A backup part of each sample is sealed jointly by the Parties and kept "
                "as the specifications require until the result of that sampling is confirmed by all Parties "
                "without objection.\n"
                "(4) Re-test. A Party that disputes a result says so in writing within 7 days of receiving it; the "
                "sealed backup sample is then re-tested by a qualified laboratory the Parties agree on, and the "
                "re-test prevails. The disputing Party advances its cost; if the re-test differs from the original "
                "result, the Parties share the cost as they agree.\n"
                "(5) Consultation. A dispute over the re-test is settled by consultation; failing agreement, the "
                "Parties refer it to the provincial ecology and environment department, or, where more than one "
                "province or municipality is concerned, to their common higher-level department.\n"
                f"The monitoring data of {self.period_text()} used in this Agreement comprise {count:,} samples, "
                f"summarised in the annex “{annex}”."
            )
        return ArticleSpec(
            f"{self.key}.monitoring", self.w("联合监测与争议处理", "Joint monitoring and disputed results"), text
        )

    def period(self) -> ArticleSpec:
        months = len(self.item.period.months())
        text = self.w(
            f"本协议考核期为{self.period_text()}，共{_count_zh(months)}个月。"
            "考核期满前三个月，各方根据补偿实施效果协商续签事宜。",
            f"The assessment period of this Agreement runs from {self.period_text()} ({months} months). Three "
            "months before it ends, the Parties consult on renewing the Agreement in the light of its results.",
        )
        return ArticleSpec(f"{self.key}.period", self.w("考核期", "Assessment period"), text)

    def zone(self) -> ArticleSpec:
        zone, settings = self.details.zone, self.item.zone
        assert zone is not None
        assert settings is not None
        protection, opportunity, _ = zone_bounds(self.item)
        values = {
            "protection": self.money(protection),
            "opportunity": self.money(opportunity),
            "floor": self.money(zone.lower_fen),
            "ceiling": self.money(zone.upper_fen),
        }
        descriptions = {
            "protection": self.w("保护成本", "Protection cost"),
            "opportunity": self.w("机会成本", "Opportunity cost"),
            "floor": self.w("参考下限", "Floor"),
            "ceiling": self.w("参考上限", "Ceiling"),
        }
        source = settings.opportunity
        if source is None:
            method = self.w("（未测算）", " (not estimated)")
        elif source.type == "land_use":
            method = self.w(
                "（按土地利用法：单位面积机会成本＝(ΣAi×Li×Ki－生产成本)/A，乘以保护面积）",
                " (land use: per unit of area (Σ Ai × Li × Ki - costs) / A, times the protected area)",
            )
        else:
            method = self.w(
                "（按收入差距法：(R0－R1)×N1＋(S0－S1)×N2）",
                " (income gap: (R0 - R1) × N1 + (S0 - S1) × N2)",
            )
        if settings.ceiling.type == "esv":
            upper = self.w(
                "按当量因子法测算的生态系统服务价值增量（ΔESV＝ΣΔAk×Ek×VC0，VC0＝粮食单价×单产/7）",
                "the increase in ecosystem-service value by equivalent factors (ΔESV = Σ ΔAk × Ek × VC0, "
                "VC0 = grain price × yield / 7)",
            )
        else:
            upper = self.w(
                "按支付意愿调查测算的下游受益（E(WTP)×N）",
                "the downstream benefit by willingness to pay (E(WTP) × N)",
            )
        if zone.proposed_fen is not None:
            values["proposed"] = self.money(zone.proposed_fen)
            descriptions["proposed"] = self.w("拟定补偿资金", "Proposed fund")
        position = zone.position.value if zone.position is not None else None
        where = {
            "below": self.w("低于参考下限", "below the floor"),
            "inside": self.w("位于参考区间内", "inside the range"),
            "above": self.w("高于参考上限", "above the ceiling"),
        }
        if self.zh:
            text = (
                f"经测算，上游方的保护成本{{protection}}与机会成本{{opportunity}}{method}之和为{{floor}}，"
                f"作为每年补偿资金的参考下限；{upper}为{{ceiling}}，作为参考上限。"
            )
            if zone.empty:
                text += "参考下限高于参考上限，按上述测算不存在协商区间。"
            if "proposed" in values and position is not None:
                text += f"本协议拟定的每年补偿资金规模为{{proposed}}，{where[position]}。"
            text += "上述区间仅供各方协商参考，不构成任何一方的支付承诺或受偿依据。"
        else:
            text = (
                f"By estimate, the upstream protection cost {{protection}} and opportunity cost {{opportunity}}"
                f"{method} add up to {{floor}}, a floor for the yearly compensation; {upper} is {{ceiling}}, a "
                "ceiling."
            )
            if zone.empty:
                text += " The floor is above the ceiling: on these estimates there is no range to negotiate in."
            if "proposed" in values and position is not None:
                text += f" The yearly fund proposed in this Agreement is {{proposed}}, {where[position]}."
            text += (
                " The range is a reference for the negotiation only and commits no Party to pay or to receive "
                "any amount."
            )
        what = self.w("上述测算参数", "Source of the estimates' inputs")
        text += "\n" + self.provenance(what, settings.provenance) + self.w("。", ".")
        heading = self.w("补偿标准参考区间", "Reference range of the compensation")
        return ArticleSpec(f"{self.key}.zone", heading, text, values, None, descriptions)

    # --- the annexes ----------------------------------------------------------------------------------------------

    def appendices(self) -> list[Appendix]:
        return [
            Appendix(
                "",
                self.monitoring_title,
                tuple(self.monitoring_notes()),
                tuple(self.titled(t) for t in self.monitoring_tables()),
                (),
            ),
            Appendix(
                "",
                self.computation_title,
                tuple(self.computation_notes()),
                tuple(self.titled(t) for t in self.computation_tables()),
                (),
            ),
        ]

    def unit_header(self, code: str) -> str:
        """A concentration column's header: the code, with its unit unless every indicator shares one."""
        if self.unit is not None:
            return code
        unit = self.item.indicator(code).unit
        return f"{code}（{unit}）" if self.zh else f"{code} ({unit})"

    def note(self, unit: str, zh: str = "", en: str = "") -> str:
        """A table's unit line: the money unit (``unit="money"``) or the concentration unit every indicator shares
        (``"concentration"``), then ``zh``/``en``."""
        parts = []
        if unit == "money":
            parts.append(self.w(f"金额单位：{self.context.unit_label}", f"Amounts in {self.context.unit_label}"))
        elif unit == "concentration" and self.unit is not None:
            parts.append(self.w(f"浓度单位：{self.unit}", f"Concentrations in {self.unit}"))
        if zh or en:
            parts.append(self.w(zh, en))
        return ("，" if self.zh else "; ").join(parts)

    def titled(self, table: Table) -> Table:
        """The table with its caption in the line printed above it (the renderers print that line, not the
        caption): 各方净收支（正为收入，负为支出）　单位：万元."""
        if not table.unit_note:
            return replace(table, unit_note=table.caption)
        joined = f"{table.caption}　{table.unit_note}" if self.zh else f"{table.caption}. {table.unit_note}"
        return replace(table, unit_note=joined)

    def measured(self, value: Fraction, code: str) -> str:
        """A mean as monitored: the details hold the means × the what-if scale, so it is divided back out."""
        return _fraction(value / self.details.quality_scale, self.places[code])

    def monitoring_tables(self) -> list[Table]:
        """The monitoring data as measured (never the what-if scaled figures): samples and period means per
        section, and for a few sections the monthly means (with the month's flow under the per-tonne rule)."""
        item = self.item
        counts: dict[str, int] = {}
        for record in item.records:
            counts[record.section] = counts.get(record.section, 0) + 1
        rows = []
        for section in item.sections:
            means = self.details.means.get(section.id, {})
            rows.append(
                (
                    self.section_name(section),
                    f"{counts.get(section.id, 0):,}",
                    *(self.measured(means[c], c) if c in means else "—" for c in self.codes),
                )
            )
        tables = [
            Table(
                key=f"{self.key}.means",
                caption=self.w("各考核断面考核期浓度均值", "Mean concentrations over the period"),
                unit_note=self.note("concentration"),
                header=(
                    self.w("考核断面", "Section"),
                    self.w("样本数", "Samples"),
                    *(self.unit_header(c) for c in self.codes),
                ),
                rows=tuple(rows),
                numeric=(False, True, *(True for _ in self.codes)),
            )
        ]
        months = item.period.months()
        if len(item.sections) > MONTHLY_SECTIONS or len(months) > MONTHLY_MONTHS:
            return tables
        flows = _monthly_flows(item) if isinstance(item.rule, PerTonneRule) else {}
        for section in item.sections:
            monthly = self.details.monthly.get(section.id, {})
            means = self.details.means.get(section.id, {})
            rows = []
            for month in months:
                got = monthly.get(month, {})
                row = [
                    self.month_label(month),
                    *(self.measured(got[c], c) if c in got else "—" for c in self.codes),
                ]
                if flows:
                    flow = flows.get((section.id, month))
                    row.append(_number(flow / 10_000) if flow is not None else "—")
                rows.append(tuple(row))
            total = [
                self.w("全期均值", "Period mean"),
                *(self.measured(means[c], c) if c in means else "" for c in self.codes),
            ]
            header = [self.w("月份", "Month"), *(self.unit_header(c) for c in self.codes)]
            if flows:
                header.append(self.w("月水量（万m³）", "Flow (10,000 m³)"))
                total.append("")
            tables.append(
                Table(
                    key=f"{self.key}.monthly.{section.id}",
                    caption=self.w(f"{section.name_zh}逐月浓度均值", f"Monthly means: {section.label('en')}"),
                    unit_note=self.note("concentration"),
                    header=tuple(header),
                    rows=tuple(rows),
                    total_row=tuple(total),
                    numeric=(False, *(True for _ in header[1:])),
                )
            )
        return tables

    def monitoring_notes(self) -> list[Paragraph]:
        places = "、".join(f"{c}{self.places[c]}位" for c in self.codes)
        places_en = ", ".join(f"{c} {self.places[c]}" for c in self.codes)
        lines: list[Paragraph] = [
            (
                Run(
                    self.w(
                        f"说明：考核期{self.period_text()}。月均值为当月各次监测值的算术平均值，考核期均值为各月均值的"
                        f"算术平均值；表中浓度按四舍五入保留小数（{places}），计算使用精确值。",
                        f"Note: assessment period {self.period_text()}. A monthly mean is the mean of the month's "
                        "samples, a period mean the mean of the monthly means; concentrations are rounded half up to "
                        f"the decimals shown ({places_en}); the calculation uses exact values.",
                    )
                ),
            )
        ]
        if self.simulated:
            lines.append(
                (
                    Run(
                        self.w(
                            f"模拟说明：表中为实测浓度；补偿测算时各项浓度乘以水质模拟系数{self.scale_text}，"
                            "测算结果为模拟结果，不作为结算依据。",
                            "Simulation: the table gives the measured concentrations; the calculation multiplies "
                            f"every one by the what-if factor {self.scale_text}, and its results are a simulation, "
                            "not a basis for payment.",
                        )
                    ),
                )
            )
        return lines

    def computation_tables(self) -> list[Table]:
        rule = self.item.rule
        tables: list[Table] = []
        if isinstance(rule, PIndexRule):
            tables += self.p_index_tables(rule)
        elif isinstance(rule, PooledFundRule):
            tables += self.pooled_tables(rule)
        else:
            tables += self.monthly_tables(rule)
        party_header, who = party_columns(self.context, self.parties, self.names)
        order = {p.id for p in self.parties}
        tables.append(
            shown_doc_table(
                self.context,
                self.nets_shown,
                key=f"{self.key}.nets",
                caption=self.w("各方净收支（正为收入，负为支出）", "Net per Party (+ receives, - pays)"),
                who=lambda pid: (
                    who(pid) if pid in order else (self.plain_label(pid), *([""] * (len(party_header) - 1)))
                ),
                who_header=party_header,
            )
        )
        return tables

    def p_index_tables(self, rule: PIndexRule) -> list[Table]:
        item, details = self.item, self.details
        index = self.result.table(INDEX_TABLE)
        p_column = index.column_index(P)
        by_key = {row.key: row.cells[p_column] for row in index.rows}
        tables: list[Table] = []
        months = item.period.months()
        if len(item.sections) <= P_COLUMNS and len(months) <= MONTHLY_MONTHS * 2:
            rows = []
            for month in months:
                cells = []
                for section in item.sections:
                    cell = by_key.get(f"{section.id}:{month}")
                    cells.append(_quantity(cell, P_PLACES))
                rows.append((self.month_label(month), *cells))
            total = (self.w("考核期", "Period"), *(_fraction(details.p[s.id], P_PLACES) for s in item.sections))
            tables.append(
                Table(
                    key=f"{self.key}.p_monthly",
                    caption=self.w("各考核断面逐月补偿指数P", "Index P by section and month"),
                    unit_note=self.w(
                        "逐月值按当月均值计算，仅供参考", "Monthly values from the month's means, for reference"
                    ),
                    header=(self.w("月份", "Month"), *(self.section_name(s) for s in item.sections)),
                    rows=tuple(rows),
                    total_row=total,
                    numeric=(False, *(True for _ in item.sections)),
                )
            )
        weights = {c: Fraction(Decimal(w)) for c, w in rule.weights.items()}
        rows = []
        signed = []
        for section in item.sections:
            p = details.p[section.id]
            bet = rules.p_index_bet(
                p,
                upstream="upstream",
                downstream="downstream",
                amount_fen=rule.amount_fen,
                period=item.period.label,
                threshold=rule.threshold,
                tiers=[(t.upper_bound, t.amount_fen) for t in rule.tiers],
            )
            signed.append(-bet.amount_fen if bet.downstream_pays else bet.amount_fen)
            direction = TEXTS["downstream_pays" if bet.downstream_pays else "upstream_pays"]
            rows.append((self.section_name(section), _fraction(p, P_PLACES), self.context.words(direction)))
        shown, total = _shown_amounts(self.context, [s.id for s in item.sections], signed)
        tables.append(
            Table(
                key=f"{self.key}.p",
                caption=self.w("各考核断面补偿指数与支付方向", "Index P and direction of payment by section"),
                unit_note=self.note("money"),
                header=(
                    self.w("考核断面", "Section"),
                    self.w("补偿指数P", "Index P"),
                    self.w("支付方向", "Direction"),
                    self.w("补偿资金（正为上游支付）", "Amount (+ upstream pays)"),
                ),
                rows=tuple(
                    (*row, self.context.number(amount)) for row, amount in zip(rows, shown.values(), strict=True)
                ),
                total_row=(self.w("合计", "Total"), "", "", self.context.number(total)),
                numeric=(False, True, False, True),
            )
        )
        rows = []
        for section in item.sections:
            be = details.p_break_even.get(section.id)
            if be is None:
                continue
            by_code = {b.indicator: b.concentration for b in be.per_indicator}
            rows.append(
                (
                    self.section_name(section),
                    _change(be.common_scale),
                    *(
                        _fraction(by_code[c], self.places.get(c, 4)) if by_code.get(c) is not None else "—"
                        for c in weights
                    ),
                )
            )
        if rows:
            tables.append(
                Table(
                    key=f"{self.key}.break_even",
                    caption=self.w("补偿方向反转点（临界浓度）", "Break-even"),
                    unit_note=self.note("concentration"),
                    header=(
                        self.w("考核断面", "Section"),
                        self.w("整体变化", "All together"),
                        *(self.unit_header(c) for c in weights),
                    ),
                    rows=tuple(rows),
                    numeric=(False, True, *(True for _ in weights)),
                )
            )
        return tables

    def monthly_tables(self, rule: PerTonneRule | MonthlyStatusRule | ExceedanceRule) -> list[Table]:
        item, details = self.item, self.details
        index = self.result.table(INDEX_TABLE)
        cells = {row.key: row.cells for row in index.rows}
        columns = {c.key: i for i, c in enumerate(index.columns)}
        months = item.period.months()
        tables: list[Table] = []
        totals = [sum(details.month_amounts.get(s.id, {}).values()) for s in item.sections]
        shown_totals, grand_total = _shown_amounts(self.context, [s.id for s in item.sections], totals)
        pays = Bilingual("（正为上游支付）", " (+ upstream pays)")
        tables.append(
            Table(
                key=f"{self.key}.section_totals",
                caption=self.w("各考核断面考核期补偿金额", "Amount by section over the period"),
                unit_note=self.note("money"),
                header=(self.w("考核断面", "Section"), self.w("补偿金额", "Amount") + self.context.words(pays)),
                rows=tuple((self.section_name(s), self.context.number(shown_totals[s.id])) for s in item.sections),
                total_row=(self.w("合计", "Total"), self.context.number(grand_total)),
                numeric=(False, True),
            )
        )
        if len(item.sections) > MONTHLY_SECTIONS or len(months) > MONTHLY_MONTHS:
            return tables
        flows = _monthly_flows(item) if isinstance(rule, PerTonneRule) else {}
        # the line above each table (its caption is not printed): the amounts' sign, and the tonnes' unit
        tonnes_unit = (
            self.w("（上游方支付）", " (paid by the upstream Party)")
            if isinstance(rule, ExceedanceRule)
            else self.w("（正为上游方支付）", " (+ upstream pays)")
        )
        tonnes_unit += self.w("，超标量：吨", "; over target in tonnes") if isinstance(rule, PerTonneRule) else ""
        for section in item.sections:
            amounts = details.month_amounts.get(section.id, {})
            shown, section_total = _shown_amounts(self.context, list(months), [amounts.get(m, 0) for m in months])
            header = [self.w("月份", "Month")]
            value_columns: list[tuple[str, int]] = []
            if isinstance(rule, PerTonneRule):
                header.append(self.w("月水量（万m³）", "Flow (10,000 m³)"))
                for c in rule.standards:
                    header.append(self.w(f"{c}超标量", f"{c} over target"))
                    value_columns.append((f"tonnes:{c}", TONNE_PLACES))
            elif isinstance(rule, MonthlyStatusRule):
                header += [self.w("达标", "Meets class"), self.w("与上年之比R", "Ratio R")]
                value_columns.append((COMPOSITE, RATIO_PLACES))
            else:
                for c in self.codes:
                    header.append(self.w(f"{c}超标倍数m", f"{c} multiple m"))
                    value_columns.append((f"m:{c}", RATIO_PLACES))
            header.append(self.w("补偿金额", "Amount"))
            rows = []
            tonnes: dict[str, Decimal] = {}
            for month in months:
                row_cells = cells.get(f"{section.id}:{month}")
                row = [self.month_label(month)]
                if flows:
                    flow = flows.get((section.id, month))
                    row.append(_number(flow / 10_000) if flow is not None else "—")
                if isinstance(rule, MonthlyStatusRule):
                    passed = _cell(row_cells, columns.get(PASSED))
                    row.append("—" if passed is None else self.w("是", "yes") if passed == 1 else self.w("否", "no"))
                for key, places in value_columns:
                    value = _cell(row_cells, columns.get(key))
                    row.append("—" if value is None else _decimal(value, places))
                    if key.startswith("tonnes:") and value is not None:
                        tonnes[key] = tonnes.get(key, Decimal(0)) + value
                row.append(self.context.number(shown[month]))
                rows.append(tuple(row))
            total = [self.w("合计", "Total")]
            if flows:
                total.append("")
            if isinstance(rule, MonthlyStatusRule):
                total.append("")
            for key, places in value_columns:
                total.append(_decimal(tonnes[key], places) if key in tonnes else "")
            total.append(self.context.number(section_total))
            tables.append(
                Table(
                    key=f"{self.key}.months.{section.id}",
                    caption=self.w(f"{section.name_zh}逐月测算", f"Monthly calculation: {section.label('en')}"),
                    unit_note=self.note("money") + tonnes_unit,
                    header=tuple(header),
                    rows=tuple(rows),
                    total_row=tuple(total),
                    numeric=(False, *(True for _ in header[1:])),
                )
            )
        if isinstance(rule, PerTonneRule) and details.tonne_break_even:
            rows = []
            for section in item.sections:
                found = details.tonne_break_even.get(section.id, {})
                rows.append(
                    (
                        self.section_name(section),
                        _change(details.tonne_scale_break_even.get(section.id)),
                        *(_fraction(found[c], self.places[c]) if c in found else "—" for c in rule.standards),
                    )
                )
            tables.append(
                Table(
                    key=f"{self.key}.break_even",
                    caption=self.w(
                        "补偿方向反转点（临界浓度，其他指标保持考核期均值）",
                        "Break-even concentrations (the other indicators at their period means)",
                    ),
                    unit_note=self.note("concentration"),
                    header=(
                        self.w("考核断面", "Section"),
                        self.w("整体变化", "All together"),
                        *(self.unit_header(c) for c in rule.standards),
                    ),
                    rows=tuple(rows),
                    numeric=(False, True, *(True for _ in rule.standards)),
                )
            )
        return tables

    def pooled_tables(self, rule: PooledFundRule) -> list[Table]:
        item, details = self.item, self.details
        paid = dict(zip(rule.contributions, split_fen(rule.fund_fen, _fractions(rule.contributions)), strict=True))
        allotted = dict(zip(rule.allocations, split_fen(rule.fund_fen, _fractions(rule.allocations)), strict=True))
        nets = details.settlement.nets if details.settlement is not None else {}
        order = [p for p in item.parties if p in paid or p in allotted or p in nets]
        columns = (
            Column("paid", Bilingual("出资额", "Paid in"), "money"),
            Column("allotted", Bilingual("分配额", "Allocated"), "money"),
            Column("cuts", Bilingual("扣减与再分配", "Cuts and redistribution"), "money"),
            Column("net", Bilingual("净额", "Net"), "money"),
        )
        table = ResultTable(
            "pooled",
            Bilingual("补偿资金筹集与分配", "Fund"),
            columns,
            tuple(
                Row(
                    pid,
                    Bilingual(pid, pid),
                    (
                        paid.get(pid, 0),
                        allotted.get(pid, 0),
                        nets.get(pid, 0) + paid.get(pid, 0) - allotted.get(pid, 0),
                        nets.get(pid, 0),
                    ),
                )
                for pid in order
            ),
        )
        party_header, who = party_columns(self.context, self.parties, self.names)
        tables = [
            shown_doc_table(
                self.context,
                shown_table(table, self.context.precision),
                key=f"{self.key}.pooled",
                caption=self.w("补偿资金筹集、分配与扣减", "Fund: paid in, allocated and cut"),
                who=who,
                who_header=party_header,
            )
        ]
        index = self.result.table(INDEX_TABLE)
        passed_column = index.column_index(PASSED)
        cells = {row.key: row.cells for row in index.rows}
        rows = []
        for section in item.sections:
            months = item.period.months()
            failed = sum(1 for m in months if _cell(cells.get(f"{section.id}:{m}"), passed_column) == 0)
            means = details.means.get(section.id, {})
            annual = all(means[c] <= Fraction(Decimal(item.indicator(c).target)) for c in self.codes if c in means)  # type: ignore[arg-type]
            f = rules.failure_fraction(
                rules.FailureMode(rule.failure),
                annual_mean_passes=annual,
                failed_months=failed,
                assessed_months=len(months),
            )
            rows.append(
                (
                    self.section_name(section),
                    f"{failed}/{len(months)}",
                    self.w("是", "yes") if annual else self.w("否", "no"),
                    _fraction(f, RATIO_PLACES),
                )
            )
        tables.append(
            Table(
                key=f"{self.key}.pooled_sections",
                caption=self.w("各考核断面达标情况", "Sections passing"),
                unit_note=self.w("扣减系数f见补偿标准与计算方法条款", "The factor f as in the rule"),
                header=(
                    self.w("考核断面", "Section"),
                    self.w("未达标月数", "Months failed"),
                    self.w("考核期均值达标", "Period mean passes"),
                    self.w("扣减系数f", "Factor f"),
                ),
                rows=tuple(rows),
                numeric=(False, True, False, True),
            )
        )
        return tables

    def computation_notes(self) -> list[Paragraph]:
        rule = self.item.rule
        lines: list[str] = []
        if isinstance(rule, PIndexRule):
            threshold = _number(Decimal(rule.threshold))
            lines.append(
                self.w(
                    f"说明：P≤{threshold}由下游方向上游方支付，P>{threshold}由上游方向下游方支付。“整体变化”为全部指标"
                    "考核期均值同时按同一比例变化、使P恰好等于临界值所需的变化（正为变差，负为改善）；临界浓度为其他指标不变时"
                    "使P恰好等于临界值的该指标考核期均值。P恰好等于临界值时仍由下游方支付，水质再有任何变差即反转。",
                    f"Note: P ≤ {threshold}, the downstream Party pays; P > {threshold}, the upstream Party pays. “All "
                    "together” is the change of every period mean by one common factor that brings P exactly "
                    "to the threshold (+ worse, - better); a break-even concentration is the period mean of one "
                    "indicator, the others unchanged, at which P equals the threshold. At the threshold the "
                    "downstream Party still pays; any worsening beyond reverses the payment.",
                )
            )
        elif isinstance(rule, PerTonneRule):
            lines.append(
                self.w(
                    "说明：超标量（吨）＝(Cj－Tj)×Q/1,000,000，负值表示优于目标；"
                    "补偿金额为正由上游方支付，为负由下游方支付。逐月金额按最大余数法取舍，各月之和等于断面合计。",
                    "Note: over target (tonnes) = (Cj - Tj) × Q / 1,000,000, negative when better than target; a "
                    "positive amount is paid by the upstream Party, a negative one by the downstream Party. The "
                    "monthly amounts are rounded by largest remainder to add up to the section's total.",
                )
            )
        elif isinstance(rule, MonthlyStatusRule):
            lines.append(
                self.w(
                    "说明：R为当月各指标浓度均值与基准浓度之比的平均值；补偿金额为正由上游方支付，为负由下游方支付。",
                    "Note: R is the mean ratio of the month's means to the baselines; a positive amount is paid by the "
                    "upstream Party, a negative one by the downstream Party.",
                )
            )
        elif isinstance(rule, ExceedanceRule):
            lines.append(
                self.w(
                    "说明：m为超标倍数，负值表示优于目标；补偿金额由上游方向下游方支付。",
                    "Note: m is the exceedance multiple, negative when better than target; the amounts are paid by "
                    "the upstream Party to the downstream Party.",
                )
            )
        else:
            lines.append(
                self.w(
                    "说明：扣减与再分配为各方分配额因考核断面未达标而减少或增加的金额；"
                    "净额＝分配额＋扣减与再分配－出资额。",
                    "Note: cuts and redistribution are what each Party's allocation loses or gains through failing "
                    "sections; net = allocated + cuts and redistribution - paid in.",
                )
            )
        lines.append(
            self.w(
                "各方净收支按考核期内全部补偿资金计算，正为收入，负为支出，合计为零。",
                "Each Party's net covers all compensation of the period: + receives, - pays; the nets add up to zero.",
            )
        )
        if self.simulated:
            lines.append(
                self.w(
                    f"模拟说明：本表按实测浓度乘以水质模拟系数{self.scale_text}计算，所列指数、金额和反转点均为模拟结果，"
                    "不作为结算依据。",
                    f"Simulation: this calculation multiplies every measured concentration by the what-if factor "
                    f"{self.scale_text}; its indices, amounts and break-even figures are a simulation, not a basis "
                    "for payment.",
                )
            )
        return [(Run(line),) for line in lines]


# --- a computation that cannot be printed --------------------------------------------------------------------


def _not_computed(context: BuildContext, item: EcoCompensation, result: ItemResult, subject: str) -> ItemSection:
    """An item whose compensation cannot be computed: one article saying why (the export refuses it anyway)."""
    zh = context.zh
    problems = [context.words(d.message) for d in result.diagnostics if d.level == "error"] or [
        "补偿金额尚未计算。" if zh else "The compensation has not been computed."
    ]
    text = ("本协议的补偿金额尚不能确定：" if zh else "The compensation cannot be determined yet: ") + escape_literal(
        ("；" if zh else "; ").join(problems)
    )
    return ItemSection(
        subject=subject,
        articles=[ArticleSpec(f"items.{item.id}.scope", "补偿范围" if zh else "Scope", text)],
        appendices=[],
    )


# --- small helpers ---------------------------------------------------------------------------------------------


def _assessed_codes(item: EcoCompensation) -> list[str]:
    """The indicators the rule reads: the P-index's weighted ones, the per-tonne rule's priced ones, else those
    with a target (as the compute assesses them)."""
    rule = item.rule
    if isinstance(rule, PIndexRule):
        return list(rule.weights)
    if isinstance(rule, PerTonneRule):
        return list(rule.standards)
    return [i.code for i in item.indicators if i.target is not None]


def _places(item: EcoCompensation, code: str) -> int:
    """Decimals a mean of ``code`` is printed with: one more than its most precise sample (2 to 6)."""
    most = 0
    for record in item.records:
        if record.indicator == code:
            exponent = Decimal(record.value).as_tuple().exponent
            most = max(most, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return min(max(most + 1, 2), 6)


def _monthly_flows(item: EcoCompensation) -> dict[tuple[str, str], Decimal]:
    """(section, month) → the month's flow in m³, where the samples give exactly one."""
    found: dict[tuple[str, str], set[Decimal]] = {}
    for record in item.records:
        if record.flow_m3 is not None:
            found.setdefault((record.section, record.month), set()).add(Decimal(record.flow_m3))
    return {key: next(iter(flows)) for key, flows in found.items() if len(flows) == 1}


def _count_zh(count: int) -> str:
    """两个 rather than 二个 (a count, not a numeral); 三个, 十二个 …"""
    return "两" if count == 2 else chinese_number(count) if count < 10_000 else f"{count:,}"


def _month_en(month: str) -> str:
    names = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")  # fmt: skip
    return f"{names[int(month[5:]) - 1]} {int(month[:4])}"


def _number(value: Decimal) -> str:
    """An exact decimal as printed: digit-grouped, no trailing zeros (1,200, 0.85, 1.5)."""
    text = format(value.normalize(), ",f")
    return text


def _decimal(value: Decimal, places: int) -> str:
    quantum = Decimal(1).scaleb(-places)
    return format(value.quantize(quantum, ROUND_HALF_UP), ",f")


def _fraction(value: Fraction, places: int) -> str:
    """An exact fraction rounded half up to ``places`` decimals, digit-grouped."""
    quantum = Decimal(1).scaleb(-places)
    scaled = round_half_up(value * 10**places)
    return format((Decimal(scaled) * quantum).quantize(quantum), ",f")


def _change(scale: Fraction | None) -> str:
    """A common factor on every concentration as the change it means: +6.5% (worse), -6.7% (better)."""
    if scale is None:
        return "—"
    delta = (scale - 1) * 100
    return ("+" if delta > 0 else "") + _fraction(delta, 1) + "%"


def _quantity(cell: object, places: int) -> str:
    value = getattr(cell, "value", None)
    return "—" if value is None else _decimal(value, places)


def _cell(cells: tuple | None, column: int | None) -> Decimal | None:
    """The exact value of a value cell of the index table, or None."""
    if cells is None or column is None:
        return None
    value = getattr(cells[column], "value", None)
    return value if isinstance(value, Decimal) else None


def _fractions(weights: Mapping[str, str]) -> list[Fraction]:
    return [Fraction(Decimal(w)) for w in weights.values()]


def _percentages(weights: Sequence[Decimal]) -> list[str]:
    """Weights as percentages to 0.01 % that add up to exactly 100.00 % (largest remainder)."""
    total = sum(weights, Decimal(0))
    if total <= 0:
        return ["—"] * len(weights)
    quotas = [Fraction(w) / Fraction(total) * 10_000 for w in weights]
    return [f"{Decimal(n) / 100:.2f}%" for n in largest_remainder(quotas, 10_000)]


def _money_table(keys: Sequence[str], fen: Sequence[int]) -> ResultTable:
    return ResultTable(
        "column",
        Bilingual("", ""),
        (Column(AMOUNT, Bilingual("金额", "Amount"), "money"),),
        tuple(Row(k, Bilingual(k, k), (f,)) for k, f in zip(keys, fen, strict=True)),
    )


def _shown_amounts(
    context: BuildContext, keys: Sequence[str], fen: Sequence[int]
) -> tuple[dict[str, Decimal], Decimal]:
    """Amounts rounded once to the display precision (largest remainder), adding up to their shown total."""
    shown = shown_table(_money_table(keys, fen), context.precision)
    return {k: shown.cells[r][0] for r, k in enumerate(keys)}, shown.totals[0]  # type: ignore[return-value]
