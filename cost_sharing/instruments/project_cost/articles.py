"""The articles of a project cost-sharing agreement (成本分担协议).

项目概况 (the project, its capital cost in figures and in 大写, contributions off the top, the shared amount),
分担方法及理由 (the method chosen and why, in plain words), 分担金额 (the agreed table), 支付安排 (annuity,
operating cost, present value), 测算说明 (the diagnostics in plain words), and two annexes: the calculation
(amounts to the fen, the methods compared, the coalition costs, a chart, the sources) and the payment schedule.

Every amount printed is the one shown rounding of a result table (:func:`results.shown_table`), so the parties'
amounts add up to the total as printed. A value tagged [A] or [U] is never presented as a real figure: the sources
say 假设值 or 未经核实.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from ...agreement.binding import escape_literal
from ...agreement.blocks import (
    ArticleSpec,
    BuildContext,
    ItemSection,
    party_columns,
    provenance_text,
    shown_chart,
    shown_doc_table,
    source_paragraphs,
)
from ...agreement.model import Appendix, Paragraph, Run, Table
from ...agreement.text import chinese_number
from ...bilingual import Bilingual
from ...money import DisplayPrecision, Unit, format_amount, round_half_up
from ...results import ItemResult, ResultTable, shown_table
from ...scenario import Provenance
from .model import ProjectCostSharing
from .names import FACTOR_LABELS, FIGURE_FACTORS, in_sentence, method_name

AGREED, METHODS, SCHEDULE, YEARS, COALITIONS = "agreed", "methods", "schedule", "years", "coalitions"
AMOUNT, SHARE = "amount", "share"

YEARS_TABLE_PARTIES = 8
"""The year-by-year table is printed for up to this many parties (one column each); beyond, the per-party schedule."""
COMPARED_PARTIES, COMPARED_METHODS = 12, 6
"""The methods-compared table is printed for up to 12 parties and 6 methods (it must fit the type area)."""
COALITION_ROWS = 30
"""Coalition rows printed in the annex; the rest stay on screen."""
FINDINGS = 12
"""Findings stated in the 测算说明 article; more are counted, the screen lists them all."""

PROJECT_TYPES = {
    "rail": Bilingual("铁路", "railway"),
    "road": Bilingual("公路", "road"),
    "water": Bilingual("水利供水", "water supply"),
    "ecological": Bilingual("生态环境", "ecological"),
    "public_service": Bilingual("公共服务", "public service"),
}

METHOD_REASONS: dict[str, Bilingual] = {
    "equal": Bilingual(
        "各方平均分担共同费用，不考虑各方规模和受益的差别；适用于各方规模相近、或各方同意一视同仁的情形。",
        "Each Party bears the same amount, whatever its size or benefit; suited to Parties of similar size or to "
        "Parties who agree to be treated alike.",
    ),
    "proportional": Bilingual(
        "各方按{basis}占各方合计的比例分担；办法简单透明，是实践中最常用的分担方式，"
        "但可能使个别方的分担额高于其单独建设的费用。",
        "Each Party bears the share of the total that its {basis} is of the Parties' total; simple and transparent, "
        "the most common rule in practice, though it may charge a Party more than building alone would cost.",
    ),
    "weighted": Bilingual(
        "各方按{factors}各自占比的加权平均分担，兼顾规模与受益。",
        "Each Party bears the weighted average of its shares of {factors}, balancing size and benefit.",
    ),
    "territorial": Bilingual(
        "各方按本辖区内工程及征地拆迁投资占比分担，即“各自负责境内段”；"
        "与国家批复跨省铁路时地方出资按境内投资划分的通行做法一致。",
        "Each Party bears the share of the in-territory works and land acquisition cost in its own territory "
        "(“each builds its own section”), as the local shares of cross-province railways are usually set.",
    ),
    "scrb": Bilingual(
        "各方先承担因本方加入而增加的费用（可分离成本），其余的非可分离成本按各方“单独建设费用减可分离成本”"
        "的比例分担（可分离成本剩余收益法，水利工程费用分摊的传统方法）。",
        "Each Party first bears the cost its joining adds (its separable cost); the rest is shared in proportion "
        "to each Party's stand-alone cost less its separable cost (separable costs–remaining benefits, the "
        "traditional rule of multipurpose water projects).",
    ),
    "eca": Bilingual(
        "各方先承担可分离成本，其余的非可分离成本由各方平均分担。",
        "Each Party first bears its separable cost; the non-separable rest is split equally.",
    ),
    "cga": Bilingual(
        "各方先承担可分离成本，非可分离成本按各方可承受的上限（τ值，成本差额分摊）的比例分担。",
        "Each Party first bears its separable cost; the non-separable rest is shared in proportion to the most "
        "each Party could be asked to bear (the τ-value, cost gap allocation).",
    ),
    "shapley": Bilingual(
        "各方承担其在各种加入顺序下平均带来的新增费用（沙普利值）；对各方一视同仁，合作节约按各方的贡献分享。",
        "Each Party bears the cost it adds on average over every order in which the Parties could join (the "
        "Shapley value): every Party is treated alike and the savings follow each Party's contribution.",
    ),
    "nucleolus": Bilingual(
        "在所有分担方案中，使节约最少的组合的节约尽可能大，再依次照顾其次的组合（核仁）；"
        "只要存在任何组合都不吃亏的方案，核仁就是其中之一。",
        "Among all splits, the one that makes the least saving of any group of Parties as large as possible, then "
        "the next (the nucleolus); whenever some split leaves no group worse off than building alone, the "
        "nucleolus is such a split.",
    ),
    "per_capita_nucleolus": Bilingual(
        "与核仁相同，但按每个组合平均每方的节约比较（人均核仁）。",
        "As the nucleolus, but comparing each group's saving per member (per-capita nucleolus).",
    ),
    "proportional_nucleolus": Bilingual(
        "与核仁相同，但按每个组合的节约占其单独建设费用的比例比较（比例核仁）。",
        "As the nucleolus, but comparing each group's saving relative to its stand-alone cost (proportional "
        "nucleolus).",
    ),
    "segment_shapley": Bilingual(
        "线路每一段的投资由需要该段的全部用户平均分担，各方承担其用户分担额之和（分段博弈的沙普利值）。",
        "Each segment's cost is split equally among all the users who need that segment, and each Party bears "
        "the sum for its users (the Shapley value of the segment game).",
    ),
    "segment_nucleolus": Bilingual(
        "分段博弈的核仁：从需要线段最少的用户起，依次使各组用户的节约尽可能大。",
        "The nucleolus of the segment game: starting from the users who need the fewest segments, each group's "
        "saving is made as large as possible in turn.",
    ),
    "nash": Bilingual(
        "以各方单独建设的费用为谈判不成时的结果，使各方节约（按谈判力加权）的乘积最大（纳什谈判解）。",
        "Taking what each Party would pay building alone as the outcome without agreement, the split that "
        "maximises the product of the Parties' savings, weighted by bargaining power (Nash bargaining).",
    ),
    "egalitarian": Bilingual(
        "使节约最少的一方的节约尽可能大（最小收益最大化）。",
        "The split that makes the smallest saving of any Party as large as possible (maximise the minimum gain).",
    ),
    "negotiated": Bilingual(
        "各方经协商确定的金额。",
        "The amounts the Parties negotiated.",
    ),
}
"""One or two sentences per method, in plain words (definitions and formulas: docs/cost-sharing.md)."""

FINDING_ORDER = (
    "above-stand-alone",
    "below-marginal",
    "in-core",
    "not-in-core",
    "most-overcharged",
    "least-core",
    "kohlberg",
    "sampled",
    "completed-coalitions",
    "method-unavailable",
)


def project_articles(context: BuildContext, item: ProjectCostSharing, result: ItemResult) -> ItemSection:
    """项目概况, 分担方法及理由, 分担金额, 支付安排, 测算说明, and the calculation and payment annexes."""
    zh = context.zh
    scenario = context.scenario
    parties = scenario.item_parties(item)
    names = {p.id: context.party_name(p.id) for p in parties}
    label = {p.id: escape_literal(context.full_label(p.id)) for p in parties}
    key = f"items.{item.id}"
    info = item.project
    project_name = info.name_zh if zh else (info.name_en or info.name_zh)
    subject = f"{project_name}费用分担事宜" if zh else f"sharing the cost of {project_name}"
    if not result.ok or not any(t.key == AGREED for t in result.tables):
        return _not_computed(context, item, result, key, subject)

    party_header, who = party_columns(context, parties, names)

    agreed = result.table(AGREED)
    shown = shown_table(agreed, context.precision)
    amount_col, share_col = agreed.column_index(AMOUNT), agreed.column_index(SHARE)
    values: dict[str, str] = {
        "total": context.amount(shown.totals[amount_col]),  # type: ignore[arg-type]
        "capital": _money(context, info.capital_fen),
        "capital_words": context.capital(info.capital_fen),
    }
    descriptions = _descriptions(context, names, item)
    for index, contribution in enumerate(item.contributions):
        values[f"contribution:{index + 1}"] = _money(context, contribution.amount_fen)
    if context.capital_amounts:
        values["total_capital"] = context.capital(agreed.column_total(AMOUNT))
    for r, row in enumerate(agreed.rows):
        values[f"amount:{row.key}"] = context.amount(shown.cells[r][amount_col])  # type: ignore[arg-type]
        values[f"share:{row.key}"] = f"{shown.cells[r][share_col]}%"
        if context.capital_amounts:
            values[f"amount_capital:{row.key}"] = context.capital(row.cells[amount_col])  # type: ignore[arg-type]
    schedule = _optional(result, SCHEDULE)
    schedule_shown = shown_table(schedule, context.precision) if schedule is not None else None
    if schedule is not None and schedule_shown is not None:
        for column in ("annual_capital", "annual_operating", "npv"):
            c = schedule.column_index(column)
            values[f"{column}_total"] = context.amount(schedule_shown.totals[c])  # type: ignore[arg-type]
            for r, row in enumerate(schedule.rows):
                values[f"{column}:{row.key}"] = context.amount(schedule_shown.cells[r][c])  # type: ignore[arg-type]

    method = method_name(item.method, item.basis)
    method_label = context.words(method)
    calculation_title = f"{project_name}成本分担测算表" if zh else f"Calculation of the cost shares: {project_name}"
    schedule_title = f"{project_name}资金支付计划表" if zh else f"Payment schedule: {project_name}"

    overview = _overview(context, item, label, project_name)
    method_text = _method_text(context, item, label, names, method_label)
    amounts_text = _amounts_text(context, item, label, calculation_title, method_label)
    payment_text = _payment_text(context, item, label, parties, schedule is not None, schedule_title)
    findings_text = _findings_text(context, item, result, calculation_title)

    amount_table = shown_doc_table(
        context,
        shown,
        key=f"{key}.amounts",
        caption=("各方分担金额表" if zh else "Amounts by Party"),
        who=who,
        who_header=party_header,
        columns=(SHARE, AMOUNT),
    )
    headings = (
        ("项目概况", "分担方法及理由", "分担金额", "支付安排", "测算说明")
        if zh
        else ("The project", "Method and reasons", "Amounts", "Payment", "Notes on the calculation")
    )
    totals_only = {k: v for k, v in values.items() if not k.startswith(("amount", "share", "annual", "npv"))}
    articles = [
        # the overview binds only the project's totals: a party's amount moving does not make it stale
        ArticleSpec(f"{key}.scope", headings[0], overview, totals_only, descriptions=descriptions),
        ArticleSpec(f"{key}.basis", headings[1], method_text, values, descriptions=descriptions),
        ArticleSpec(f"{key}.amounts", headings[2], amounts_text, values, amount_table, descriptions),
        ArticleSpec(f"{key}.payment", headings[3], payment_text, values, descriptions=descriptions),
        ArticleSpec(f"{key}.findings", headings[4], findings_text, values, descriptions=descriptions),
    ]

    # annex 1: the calculation — amounts to the fen, methods compared, coalition costs, chart, sources
    tables: list[Table] = [_exact_table(context, agreed, key, party_header, who)]
    methods = _optional(result, METHODS)
    method_columns = methods.money_columns if methods is not None else ()
    compared = (
        methods is not None and 1 < len(method_columns) <= COMPARED_METHODS and len(methods.rows) <= COMPARED_PARTIES
    )
    if compared and methods is not None:
        tables.append(
            shown_doc_table(
                context,
                shown_table(methods, context.precision),
                key=f"{key}.methods",
                caption=("各分担方法比较" if zh else "Methods compared"),
                who=lambda pid: (names[pid],),  # names only: the method columns need the width
                who_header=("参与方" if zh else "Party",),
            )
        )
    coalitions = _optional(result, COALITIONS)
    if coalitions is not None and coalitions.rows:
        tables.append(_coalition_table(context, coalitions, key))
    if compared and methods is not None:
        chart_shown = shown_table(methods, context.precision)
        keys = tuple(methods.columns[c].key for c in method_columns)
        chart = shown_chart(
            context,
            chart_shown,
            key=f"{key}.chart",
            title=("各方法分担金额比较" if zh else "Amounts by method"),
            columns=keys,
        )
    else:
        chart = shown_chart(
            context, shown, key=f"{key}.chart", title=("各方分担金额" if zh else "Amount by Party"), columns=(AMOUNT,)
        )
    appendices = [
        Appendix("", calculation_title, tuple(_sources(context, item, names)), tuple(tables), (chart,)),
    ]
    # annex 2: the payment schedule — per party, and year by year for up to eight parties
    if schedule is not None and schedule_shown is not None:
        pay_tables = [
            shown_doc_table(
                context,
                schedule_shown,
                key=f"{key}.schedule",
                caption=("各方资金支付安排" if zh else "Payments by Party"),
                who=who,
                who_header=party_header,
            )
        ]
        years = _optional(result, YEARS)
        if years is not None and len(parties) <= YEARS_TABLE_PARTIES:
            year_labels = {row.key: context.words(row.label) for row in years.rows}
            pay_tables.append(
                shown_doc_table(
                    context,
                    shown_table(years, context.precision),
                    key=f"{key}.years",
                    caption=("各年度支付计划" if zh else "Payments by year"),
                    who=lambda k: (year_labels[k],),
                    who_header=("年度" if zh else "Year",),
                )
            )
        appendices.append(Appendix("", schedule_title, (), tuple(pay_tables), ()))
    return ItemSection(subject=subject, articles=articles, appendices=appendices)


# --- article texts -------------------------------------------------------------------------------------------


def _overview(context: BuildContext, item: ProjectCostSharing, label: Mapping[str, str], project_name: str) -> str:
    zh = context.zh
    info = item.project
    kind = context.words(PROJECT_TYPES[info.type])
    name = escape_literal(project_name)
    members = ("、" if zh else ", ").join(label[p.party] for p in item.parties)
    lengths = [(p.party, p.length_km) for p in item.parties if p.length_km is not None]
    if zh:
        text = f"本协议所称项目为{name}（{kind}项目），由{members}共同分担建设费用。"
        if lengths and len(lengths) == len(item.parties):
            text += "线路" + "，".join(f"{label[pid]}境内{_decimal(km)}公里" for pid, km in lengths) + "。"
        text += "项目总投资{capital}（大写：{capital_words}）"
        if item.contributions:
            parts = "，".join(
                f"{escape_literal(c.name_zh)}{{contribution:{i + 1}}}" for i, c in enumerate(item.contributions)
            )
            text += f"，其中{parts}，由出资方另行承担，不在各方之间分担"
        text += "；扣除上述出资后，由各方共同分担的金额为{total}"
        text += "（大写：{total_capital}）。" if context.capital_amounts else "。"
        if item.notes.strip():
            text += "\n有关说明：" + escape_literal(item.notes)
        return text
    text = f"The project under this Agreement is {name} (a {kind} project), whose cost is shared by {members}."
    if lengths and len(lengths) == len(item.parties):
        text += " The line runs " + "; ".join(f"{_decimal(km)} km in {label[pid]}" for pid, km in lengths) + "."
    text += " Its capital cost is {capital} (in words: {capital_words})"
    if item.contributions:
        parts = "; ".join(
            f"{escape_literal(c.name_en or c.name_zh)} {{contribution:{i + 1}}}"
            for i, c in enumerate(item.contributions)
        )
        text += f", of which {parts} are borne by the contributors and not shared among the Parties"
    text += "; the amount shared by the Parties after these contributions is {total}"
    text += " (in words: {total_capital})." if context.capital_amounts else "."
    if item.notes.strip():
        text += "\nNotes: " + escape_literal(item.notes)
    return text


def _method_text(
    context: BuildContext, item: ProjectCostSharing, label: Mapping[str, str], names: Mapping[str, str], method: str
) -> str:
    zh = context.zh
    reason = context.words(METHOD_REASONS[item.method])
    basis = FACTOR_LABELS[item.basis]
    reason = reason.replace("{basis}", basis.zh if zh else in_sentence(basis.en))
    reason = reason.replace("{factors}", _factors(context, item))
    shares = ("，" if zh else "; ").join(
        (f"{label[p.party]}分担比例为{{share:{p.party}}}" if zh else f"{label[p.party]} bears {{share:{p.party}}}")
        for p in item.parties
    )
    fixed = ""
    if item.fixed is not None and item.fixed.party in label:
        amount = _money(context, item.fixed.amount_fen)
        fixed = (
            f"经协商，{label[item.fixed.party]}的分担额固定为{amount}，其余金额由其他各方按本方法所得金额的比例分担。"
            if zh
            else (
                f" By negotiation, the amount of {label[item.fixed.party]} is fixed at {amount}; the rest is shared "
                "among the other Parties in proportion to their amounts under this method."
            )
        )
    if zh:
        return (
            f"各方采用{escape_literal(method)}的办法分担前条所列共同分担金额。{escape_literal(reason)}{fixed}"
            f"据此，{shares}。其他分担方法的测算结果一并列于附件，供各方比较。"
        )
    return (
        f"The Parties share the amount in the preceding Article by the method “{escape_literal(method)}”. "
        f"{escape_literal(reason)}{fixed} Accordingly, {shares}. The results of the other methods are given in "
        "the annex for comparison."
    )


def _amounts_text(
    context: BuildContext, item: ProjectCostSharing, label: Mapping[str, str], annex: str, method: str
) -> str:
    zh = context.zh
    unit = context.unit_label
    decimals = context.precision.decimals
    annex = escape_literal(annex)
    if zh:
        lines = []
        for index, p in enumerate(item.parties, start=1):
            capital = f"（大写：{{amount_capital:{p.party}}}）" if context.capital_amounts else ""
            end = "。" if index == len(item.parties) else "；"
            lines.append(f"（{chinese_number(index)}）{label[p.party]}分担{{amount:{p.party}}}{capital}{end}")
        return (
            f"按{escape_literal(method)}计算，各方分担金额如下：\n" + "\n".join(lines) + "\n"
            f"下表金额以{unit}为单位，保留{decimals}位小数，按最大余数法取舍，各方金额之和等于共同分担金额{{total}}；"
            f"精确到分的金额见附件《{annex}》。"
        )
    lines = [
        f"({i}) {label[p.party]} bears {{amount:{p.party}}}"
        + (f" (in words: {{amount_capital:{p.party}}})" if context.capital_amounts else "")
        + ("." if i == len(item.parties) else ";")
        for i, p in enumerate(item.parties, start=1)
    ]
    return (
        f"By the method “{escape_literal(method)}”, the Parties bear:\n" + "\n".join(lines) + "\n"
        f"The table below is in {unit} to {decimals} decimals, rounded by largest remainder so that the amounts add "
        f"up to the shared amount of {{total}}; the amounts exact to the fen are given in the annex “{annex}”."
    )


def _payment_text(context, item: ProjectCostSharing, label, parties, has_schedule: bool, annex: str) -> str:
    zh = context.zh
    info = item.project
    annex = escape_literal(annex)
    rate = _percent(info.discount_rate)
    once = info.term_years == 1 and Decimal(info.discount_rate) == 0
    years_note = len(parties) <= YEARS_TABLE_PARTIES  # the annex has the year-by-year table only for a few parties
    if zh:
        if once:
            text = f"各方应于{info.start_year}年内将分担金额一次性足额拨付至项目实施单位指定账户。"
        else:
            text = (
                f"各方分担金额自{info.start_year}年起分{chinese_number(info.term_years)}年，"
                f"按年利率{rate}以等额年金方式拨付至项目实施单位指定账户，各方每年拨付："
            )
            if has_schedule:
                text += "\n" + "\n".join(
                    f"（{chinese_number(i)}）{label[p.party]}每年{{annual_capital:{p.party}}}"
                    + ("。" if i == len(item.parties) else "；")
                    for i, p in enumerate(item.parties, start=1)
                )
                text += "\n合计每年{annual_capital_total}。"
        if info.operating_fen_per_year:
            text += (
                f"\n项目建成后每年运营费用{_money(context, info.operating_fen_per_year)}，"
                f"在{chinese_number(info.life_years)}年运营期内按本协议约定的比例逐年分担。"
            )
        if has_schedule and not once:
            text += f"\n按年利率{rate}折现，各方全部支付的现值合计{{npv_total}}。"
        text += f"\n各方逐年支付金额见附件《{annex}》" + ("（含分年度计划）。" if years_note and has_schedule else "。")
        text += "\n已拨付的资金不得抽回。"
        return text
    if once:
        text = (
            f"Each Party pays its amount in full, in one payment within {info.start_year}, into the account "
            "designated by the implementing unit."
        )
    else:
        text = (
            f"From {info.start_year}, each Party pays its amount over {info.term_years} years as a level annuity at "
            f"{rate} a year into the account designated by the implementing unit; each year:"
        )
        if has_schedule:
            text += "\n" + "\n".join(
                f"({i}) {label[p.party]} pays {{annual_capital:{p.party}}}" + ("." if i == len(item.parties) else ";")
                for i, p in enumerate(item.parties, start=1)
            )
            text += "\nIn total {annual_capital_total} a year."
    if info.operating_fen_per_year:
        text += (
            f"\nOnce in service, the operating cost of {_money(context, info.operating_fen_per_year)} a year is "
            f"shared each year of the {info.life_years}-year operating life in the proportions agreed herein."
        )
    if has_schedule and not once:
        text += f"\nDiscounted at {rate} a year, the present value of all the Parties' payments is {{npv_total}}."
    text += f"\nThe payments by year are given in the annex “{annex}”.\nFunds paid may not be withdrawn."
    return text


def _findings_text(context: BuildContext, item: ProjectCostSharing, result: ItemResult, annex: str) -> str:
    """The diagnostics in plain words: stand-alone, core, most overcharged group, least core, certificates."""
    zh = context.zh
    annex = escape_literal(annex)
    lines: list[str] = []
    if item.coalitions:
        lines.append(
            "各方及部分方组合单独建设所需的费用见附件；未列出的组合按已列组合中最便宜的拆分方式补齐。"
            if zh
            else "What each Party and some groups of Parties would pay to build alone is given in the annex; groups "
            "not listed cost their cheapest split into listed groups."
        )
    elif item.segments and all(p.reach is not None for p in item.parties):
        lines.append(
            f"线路分为{chinese_number(len(item.segments))}段，各方需要自起点至本方所达线段的各段。"
            if zh
            else f"The line has {len(item.segments)} segments; each Party needs every segment from the start up to "
            "the one it reaches."
        )
    if item.contributions and item.project.capital_fen:
        lines.append(
            "各方法先分担项目总投资，再按共同分担金额占总投资的比例折算；各方单独建设的费用按同一比例折算后比较。"
            if zh
            else "Every method first splits the whole capital cost, then scales each amount by the shared amount's "
            "proportion of the capital; stand-alone costs are scaled alike before comparison."
        )
    order = {code: i for i, code in enumerate(FINDING_ORDER)}
    found = sorted(
        (d for d in result.diagnostics if d.level != "error"),
        key=lambda d: (order.get(d.code, len(order)), {"warning": 0, "info": 1}.get(d.level, 2)),
    )
    for d in found[:FINDINGS]:
        message = context.words(d.message).strip()
        lines.append(message if message.endswith(("。", ".", "！", "）", ")")) else message + ("。" if zh else "."))
    methods = _optional(result, METHODS)
    if methods is not None:  # the other methods' stand-alone and marginal flags: the lesson of the comparison
        flagged: dict[str, list[str]] = {}
        for note in methods.notes:
            if note.level == "warning" and note.column != item.method:
                flagged.setdefault(note.column, []).append(context.words(note.message).strip().rstrip("。."))
        for column, messages in list(flagged.items())[:COMPARED_METHODS]:
            name = next((context.words(c.label) for c in methods.columns if c.key == column), column)
            shown = messages[:3] + (
                [f"另有{len(messages) - 3}方" if zh else f"{len(messages) - 3} more Parties"]
                if len(messages) > 3
                else []
            )
            lines.append(
                f"比较：如采用{name}，" + "；".join(shown) + "。"
                if zh
                else f"For comparison, under “{name}”: " + "; ".join(shown) + "."
            )
    if len(found) > FINDINGS:
        more = len(found) - FINDINGS
        lines.append(f"另有{more}条测算提示，见测算工具。" if zh else f"{more} further notes are listed in the tool.")
    if not found:
        lines.append("测算未发现需要说明的问题。" if zh else "The calculation raised no findings.")
    numbered = [
        (f"（{chinese_number(i)}）" if zh else f"({i}) ") + escape_literal(text)
        for i, text in enumerate(lines, start=1)
    ]
    head = (
        f"各方分担金额的测算情况说明如下，各方法的比较见附件《{annex}》："
        if zh
        else f"Notes on the calculation; the methods are compared in the annex “{annex}”:"
    )
    return head + "\n" + "\n".join(numbered)


def _not_computed(context: BuildContext, item, result: ItemResult, key: str, subject: str) -> ItemSection:
    """An item whose agreed split cannot be computed: one article saying why (the export refuses it anyway)."""
    zh = context.zh
    problems = [context.words(d.message) for d in result.diagnostics if d.level == "error"] or [
        "分担结果尚未计算。" if zh else "The split has not been computed."
    ]
    text = ("本项目的分担金额尚不能确定：" if zh else "The amounts cannot be determined yet: ") + escape_literal(
        ("；" if zh else "; ").join(problems)
    )
    return ItemSection(
        subject=subject,
        articles=[ArticleSpec(f"items.{item.id}.scope", "项目概况" if zh else "The project", text)],
        appendices=[],
    )


# --- annex tables and sources -----------------------------------------------------------------------------------


def _exact_table(context: BuildContext, agreed: ResultTable, key: str, party_header, who) -> Table:
    """Each party's exact share and amount to the fen."""
    zh = context.zh
    share_col, amount_col = agreed.column_index(SHARE), agreed.column_index(AMOUNT)
    rows = []
    for row in agreed.rows:
        share = row.cells[share_col]
        exact = Decimal(share.numerator) / Decimal(share.denominator) if isinstance(share, Fraction) else Decimal(0)
        rows.append(
            (*who(row.key), f"{(exact * 100).quantize(Decimal('0.000001'))}%", yuan_text(row.cells[amount_col]))
        )
    return Table(
        key=f"{key}.exact",
        caption=("各方分担金额（精确到分）" if zh else "Amounts exact to the fen"),
        unit_note=("金额单位：元" if zh else "Amounts in yuan"),
        header=(*party_header, "精确比例" if zh else "Exact share", "金额（元）" if zh else "Amount (yuan)"),
        rows=tuple(rows),
        total_row=(
            "合计" if zh else "Total",
            *([""] * (len(party_header) - 1)),
            "100%",
            yuan_text(agreed.column_total(AMOUNT)),
        ),
        numeric=(*([False] * len(party_header)), True, True),
    )


def _coalition_table(context: BuildContext, table: ResultTable, key: str) -> Table:
    """The coalition costs and what each group is charged (first rows; the screen shows all)."""
    zh = context.zh
    shown = shown_table(table, context.precision)
    money = list(table.money_columns)[:3]
    header = ["组合" if zh else "Group"]
    for c in money:
        header.append(context.words(table.columns[c].label))
    rows = []
    for r, row in enumerate(table.rows[:COALITION_ROWS]):
        rows.append((context.words(row.label), *(context.number(shown.cells[r][c]) for c in money)))  # type: ignore[arg-type]
    more = len(table.rows) - COALITION_ROWS
    caption = "各组合单独建设费用与分担额" if zh else "Groups: stand-alone cost and amount charged"
    if more > 0:
        caption += f"（另有{more}项略）" if zh else f" ({more} more not shown)"
    return Table(
        key=f"{key}.coalitions",
        caption=caption,
        unit_note=(f"单位：{context.unit_label}" if zh else f"Unit: {context.unit_label}"),
        header=tuple(header),
        rows=tuple(rows),
        numeric=(False, *([True] * len(money))),
    )


def _sources(context: BuildContext, item: ProjectCostSharing, names: Mapping[str, str]) -> list[Paragraph]:
    """Where the capital cost, the contributions, the parties' attributes and figures and the coalition costs
    come from; an assumed or unverified value says so."""
    zh = context.zh
    lines: list[Paragraph] = []
    info = item.project
    lines.append(_provenance_line(context, "项目总投资" if zh else "Capital cost", info.capital_provenance))
    for c in item.contributions:
        lines.append(_provenance_line(context, c.name_zh if zh else (c.name_en or c.name_zh), c.provenance))
    groups: dict[tuple[str, str, str], list[str]] = {}
    for p in item.parties:
        if p.provenance is None and all(
            v is None for v in (p.length_km, p.works_fen, p.demand, p.reach, p.negotiated_fen)
        ):
            continue
        prov = p.provenance or Provenance(tag="user")
        groups.setdefault((prov.tag, prov.source, prov.note), []).append(names.get(p.party, p.party))
    for (tag, source, note), who in groups.items():
        what = ("、".join(who) + "的项目数据") if zh else ("Project data of " + ", ".join(who))
        lines.append(_provenance_line(context, what, Provenance(tag=tag, source=source, note=note)))  # type: ignore[arg-type]
    if item.coalitions:
        tags = {c.provenance.tag if c.provenance else "user" for c in item.coalitions}
        what = "各组合单独建设费用" if zh else "Stand-alone costs of the groups"
        tag = next((t for t in ("A", "U", "user", "D", "S-2", "S") if t in tags), "user")
        sources = {c.provenance.source for c in item.coalitions if c.provenance and c.provenance.source}
        lines.append(_provenance_line(context, what, Provenance(tag=tag, source="; ".join(sorted(sources))[:2000])))  # type: ignore[arg-type]
    heading: list[Paragraph] = [(Run("数据来源：" if zh else "Sources:"),)]
    figures = _figure_sources(context, item, names)
    cited = source_paragraphs(context, figures)
    return heading + lines + cited[1:]


def _figure_sources(context: BuildContext, item: ProjectCostSharing, names: Mapping[str, str]) -> dict[str, list[str]]:
    """The publications of the parties' figures that the proportional or weighted split reads."""
    used = set()
    if item.method == "proportional" or "proportional" in item.methods:
        used.add(item.basis)
    if item.method == "weighted" or "weighted" in item.methods:
        used.update(f for f, w in item.weights.items() if Decimal(w) > 0)
    sources: dict[str, list[str]] = {}
    for p in item.parties:
        party = context.scenario.party(p.party)
        for factor in FIGURE_FACTORS:
            if factor in used and (figure := party.figure(factor)) is not None and figure.source:
                sources.setdefault(figure.source, []).append(names.get(p.party, p.party))
    return sources


def _provenance_line(context: BuildContext, what: str, provenance: Provenance | None) -> Paragraph:
    return (Run(provenance_text(context, what, provenance)),)


# --- small helpers ---------------------------------------------------------------------------------------------


def _optional(result: ItemResult, key: str) -> ResultTable | None:
    return next((t for t in result.tables if t.key == key), None)


def _money(context: BuildContext, fen: int) -> str:
    """An exact amount in the display unit, rounded half-up to the shown decimals, with its unit."""
    steps = round_half_up(Fraction(fen) / context.precision.step_fen)
    scale = Decimal(1).scaleb(-context.precision.decimals)
    return context.amount((Decimal(steps) * scale).quantize(scale))


def _decimal(value: str) -> str:
    return format(Decimal(value).normalize(), ",f")


def _percent(rate: str) -> str:
    value = (Decimal(rate) * 100).normalize()
    return f"{value:f}%"


def _factors(context: BuildContext, item: ProjectCostSharing) -> str:
    """The weighted method's factors and their weights normalised to 100 %: 常住人口50%、需求或受益量50%."""
    weights = {f: Decimal(w) for f, w in item.weights.items() if Decimal(w) > 0}
    total = sum(weights.values())
    if not total:
        return "各项因素" if context.zh else "the factors"
    parts = []
    for factor, weight in weights.items():
        name = FACTOR_LABELS[factor]
        share = (weight / total * 100).quantize(Decimal("0.01")).normalize()
        parts.append(f"{name.zh}（权重{share:f}%）" if context.zh else f"{in_sentence(name.en)} (weight {share:f}%)")
    return ("、" if context.zh else ", ").join(parts)


def _descriptions(context: BuildContext, names: Mapping[str, str], item: ProjectCostSharing) -> dict[str, str]:
    """Whose number each placeholder is, for the article editor."""
    zh = context.zh
    found = {
        "total": "共同分担金额" if zh else "Shared amount",
        "total_capital": "共同分担金额（大写）" if zh else "Shared amount in capital numerals",
        "capital": "项目总投资" if zh else "Capital cost",
        "capital_words": "项目总投资（大写）" if zh else "Capital cost in capital numerals",
        "annual_capital_total": "每年拨付合计" if zh else "Annual payments, total",
        "annual_operating_total": "每年运营费用合计" if zh else "Annual operating cost, total",
        "npv_total": "支付现值合计" if zh else "Present value of the payments, total",
    }
    for index, c in enumerate(item.contributions, start=1):
        found[f"contribution:{index}"] = c.name_zh if zh else (c.name_en or c.name_zh)
    for pid, name in names.items():
        for key, zh_text, en_text in (
            ("amount", "分担金额", "amount"),
            ("share", "分担比例", "share"),
            ("amount_capital", "分担金额（大写）", "amount in capital numerals"),
            ("annual_capital", "每年拨付", "annual payment"),
            ("annual_operating", "每年运营费用", "annual operating cost"),
            ("npv", "支付现值", "present value of payments"),
        ):
            found[f"{key}:{pid}"] = f"{name} · " + (zh_text if zh else en_text)
    return found


def yuan_text(fen: int) -> str:
    """An amount exact to the fen in 元, digit-grouped: 50,207,971,498.55."""
    return format_amount(fen, DisplayPrecision(Unit.YUAN, 2), with_unit=False)
