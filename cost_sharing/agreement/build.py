"""Build the draft agreement of a scenario: the shell (title, parties, recitals, closing, signatures) plus
the articles each item kind contributes through :data:`ARTICLE_BUILDERS`.

Article wording is a template whose numbers are placeholders (see :mod:`.binding`), so an
article edited by a negotiator keeps printing the current amounts, and is flagged when
they have changed since the edit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from chengyu_accord import data

from .. import __version__
from ..engine import ItemResult, ScenarioResult, compute, display_precision, shown_amounts
from ..fingerprint import fingerprint
from ..money import DisplayPrecision, Unit, capital_amount, fen_to_yuan_str, largest_remainder
from ..scenario import Item, ProportionalSplit, Scenario
from .binding import STALE_MARKER_EN, STALE_MARKER_ZH, escape_literal, render_runs, stale_notes
from .model import AgreementDoc, Appendix, Article, BarChart, Paragraph, PartyEntry, Run, SignatureBlock, Table
from .settings import DRAFT_LABELS, DRAFT_LABELS_EN
from .text import article_label, chinese_date, chinese_number, english_date

ROLES_ZH = "甲乙丙丁戊己庚辛壬癸"
UNIT_WORDS_EN = {Unit.YUAN: "", Unit.WAN_YUAN: " ten thousand", Unit.YI_YUAN: " hundred million"}
UNIT_NOTES_EN = {Unit.YUAN: "RMB", Unit.WAN_YUAN: "RMB 10,000", Unit.YI_YUAN: "RMB 100 million"}
ROLE_LABELS_EN = ("Party A", "Party B", "Party C", "Party D", "Party E", "Party F", "Party G", "Party H", "Party I")

PLAN_CITATION_ZH = (
    "为贯彻落实国家发展改革委、住房城乡建设部《成渝城市群发展规划》第八章第三节“建立健全利益协调机制”"
    "关于“建立成本共担和利益共享机制”“探索建立跨市基础设施、公共服务和生态环境建设项目成本分担机制”"
    "“推动城市群内交通、水利等基础设施共建共享”的要求，本着平等协商、权责对等、合作共赢的原则，"
    "经各方友好协商，就{subject}达成如下协议："
)
PLAN_CITATION_EN = (
    "To implement Chapter 8, Section 3 (“Establishing and improving interest-coordination mechanisms”) of the "
    "Chengdu–Chongqing City Cluster Development Plan issued by the National Development and Reform Commission "
    "and the Ministry of Housing and Urban-Rural Development, which calls for “a mechanism of shared costs and "
    "shared benefits” and for “exploring cost-sharing mechanisms for cross-city infrastructure, public-service "
    "and ecological projects”, the Parties, on the principles of equal consultation, matching rights and "
    "responsibilities and mutual benefit, have agreed as follows on {subject}:"
)


class AgreementError(ValueError):
    """The scenario cannot yield an agreement yet (an item that cannot be computed); says why."""


@dataclass(frozen=True)
class ArticleSpec:
    """An article as an instrument proposes it: stable key, heading, default wording and its bound values."""

    key: str
    heading: str
    template: str
    values: Mapping[str, str] = field(default_factory=dict)
    table: Table | None = None


@dataclass
class ItemSection:
    """What one item contributes: articles, appendices, and the subject named in the recital."""

    subject: str
    articles: list[ArticleSpec]
    appendices: list[Appendix]


@dataclass(frozen=True)
class BuildContext:
    """Everything an article builder needs besides its item: scenario, result, language, labels."""

    scenario: Scenario
    result: ScenarioResult
    lang: str
    precision: DisplayPrecision
    capital_amounts: bool
    labels: Mapping[str, str]
    """Party label used in article text, by party id (甲方 … or the government's name)."""

    @property
    def zh(self) -> bool:
        return self.lang == "zh"

    def amount(self, value: Decimal) -> str:
        """A shown amount in prose: 1234.56万元 (no thousands separators in Chinese text)."""
        if self.zh:
            return f"{value}{self.precision.unit.label_zh}"
        return f"RMB {value:,}{UNIT_WORDS_EN[self.precision.unit]}"

    def number(self, value: Decimal) -> str:
        """A shown amount in a table cell, without unit."""
        return str(value) if self.zh else f"{value:,}"

    def capital(self, fen: int) -> str:
        return "人民币" + capital_amount(fen)


ArticleBuilder = Callable[[BuildContext, Item, ItemResult], ItemSection]
ARTICLE_BUILDERS: dict[str, ArticleBuilder] = {}
"""One article builder per item kind; cost sharing, eco compensation and tax split register theirs here."""


def register(kind: str) -> Callable[[ArticleBuilder], ArticleBuilder]:
    """Decorator registering the article builder of an item kind."""

    def decorate(builder: ArticleBuilder) -> ArticleBuilder:
        ARTICLE_BUILDERS[kind] = builder
        return builder

    return decorate


def government_name(name: str, lang: str = "zh") -> str:
    """The signatory of a place: 成都市 → 成都市人民政府; other names (a company, a bureau) stay as typed."""
    if lang == "zh":
        if name.endswith(("市", "区", "县", "省", "州")) and "政府" not in name:
            return name + "人民政府"
        return name
    return f"People's Government of {name}" if name and "Government" not in name else name


def party_roles(count: int, lang: str = "zh") -> list[str]:
    """甲方, 乙方 … for up to ten parties; 第十一方 … beyond (no ten-stem label left)."""
    if lang == "zh":
        return [f"{ROLES_ZH[i]}方" if count <= len(ROLES_ZH) else f"第{chinese_number(i + 1)}方" for i in range(count)]
    return [ROLE_LABELS_EN[i] if count <= len(ROLE_LABELS_EN) else f"Party {i + 1}" for i in range(count)]


def build_agreement(
    scenario: Scenario,
    result: ScenarioResult | None = None,
    *,
    lang: str = "zh",
    draft_label: str | None = None,
) -> AgreementDoc:
    """The draft agreement of ``scenario`` in ``lang`` ("zh" or "en"; the Chinese text prevails)."""
    if lang not in ("zh", "en"):
        raise AgreementError(f"unknown language '{lang}'; use zh or en")
    settings = scenario.agreement
    label = draft_label or settings.draft_label
    if label not in DRAFT_LABELS:
        raise AgreementError(f"unknown draft label '{label}'; use one of {', '.join(DRAFT_LABELS)}")
    result = result if result is not None else compute(scenario)
    problems = [
        f"{r.item_id}: {d.message_zh if lang == 'zh' else d.message_en}"
        for r in result.items
        for d in r.diagnostics
        if d.level == "error"
    ]
    if problems:
        raise AgreementError("the scenario has problems to fix first: " + " ".join(problems))
    if not scenario.items:
        raise AgreementError("the scenario has no item to agree on")
    zh = lang == "zh"
    names = [p.name_zh if zh else p.name("en") for p in scenario.parties]
    roles = party_roles(len(scenario.parties), lang)
    governments = [government_name(n, lang) for n in names]
    use_roles = len(scenario.parties) <= (len(ROLES_ZH) if zh else len(ROLE_LABELS_EN))
    labels = {
        p.id: (role if use_roles else gov) for p, role, gov in zip(scenario.parties, roles, governments, strict=True)
    }
    context = BuildContext(scenario, result, lang, display_precision(scenario), settings.capital_amounts, labels)

    sections = [
        ARTICLE_BUILDERS[item.kind](context, item, item_result)
        for item, item_result in zip(scenario.items, result.items, strict=True)
    ]
    specs = [spec for section in sections for spec in section.articles] + _general_articles(context)
    articles = tuple(_article(context, number, spec) for number, spec in enumerate(specs, start=1))
    appendices: list[Appendix] = []
    for appendix in (a for s in sections for a in s.appendices):
        number = len(appendices) + 1
        label_text = f"附件{number}" if zh else f"Annex {number}"
        appendices.append(Appendix(label_text, appendix.title, appendix.paragraphs, appendix.tables, appendix.charts))
    if scenario.notes.strip():
        appendices[0] = _with_notes(appendices[0], scenario.notes, zh)

    subject = "、".join(s.subject for s in sections) if zh else "; ".join(s.subject for s in sections)
    recital = (PLAN_CITATION_ZH if zh else PLAN_CITATION_EN).replace("{subject}", subject)
    signing = settings.signing_date
    date_text = (
        (chinese_date(signing) if zh else english_date(signing))
        if signing
        else ("　　年　　月　　日" if zh else "____ (date)")
    )
    signatures = tuple(
        SignatureBlock(
            role=role,
            party_name=gov,
            seal_label="（盖章）" if zh else "(seal)",
            representative_label="授权代表（签字）：" if zh else "Authorised representative (signature):",
            representative=settings.representatives.get(p.id, ""),
            date_label="日期：" if zh else "Date:",
            date_text=date_text,
        )
        for p, role, gov in zip(scenario.parties, roles, governments, strict=True)
    )
    digest = fingerprint(scenario, result)
    notices = (
        (f"本稿为{label}，仅供协商使用，不具法律效力。",)
        if zh
        else (
            "Reference translation — the Chinese text prevails.",
            f"{DRAFT_LABELS_EN[label]} ({label}) for negotiation only; not legally binding.",
        )
    )
    title = _title(scenario.title, zh)
    return AgreementDoc(
        lang=lang,
        title=title,
        draft_label=label,
        draft_line=f"（{label}）" if zh else f"({DRAFT_LABELS_EN[label]} · {label})",
        notices=notices,
        parties=tuple(
            PartyEntry(role, gov, p.id, f"{role}：" if zh else f"{role}: ")
            for p, role, gov in zip(scenario.parties, roles, governments, strict=True)
        ),
        recitals=((Run(recital),),),
        articles=articles,
        closing_line="（以下无正文）" if zh else "(No further text below.)",
        signatures=signatures,
        signing_place=(f"签订地点：{settings.signing_place}" if zh else f"Place of signing: {settings.signing_place}"),
        appendices=tuple(appendices),
        fingerprint=digest,
        version=__version__,
        data_vintage=_data_vintage(scenario, zh),
        watermark=("草案 DRAFT" if settings.watermark else None),
        footer_labels=(
            {"fingerprint": "指纹", "version": "成渝协同 Accord", "data": "数据"}
            if zh
            else {"fingerprint": "Fingerprint", "version": "Chengdu–Chongqing Accord", "data": "Data"}
        ),
    )


def _title(scenario_title: str, zh: bool) -> str:
    if zh:
        if scenario_title.endswith(("协议", "协议书", "办法")):
            return scenario_title
        return f"关于{scenario_title}的协议"
    return f"Agreement on {scenario_title}"


def _with_notes(appendix: Appendix, notes: str, zh: bool) -> Appendix:
    note = (Run(("测算说明：" if zh else "Notes: ") + notes),)
    return Appendix(appendix.label, appendix.title, (*appendix.paragraphs, note), appendix.tables, appendix.charts)


def _data_vintage(scenario: Scenario, zh: bool) -> str:
    """Which figures the numbers rest on: attribute and years, or negotiated weights."""
    parts: list[str] = []
    for item in scenario.items:
        if item.basis == "weights":
            text = "协商权重" if zh else "negotiated weights"
        else:
            label = data.ATTRIBUTE_LABELS[item.basis]
            years = sorted({f.year for p in scenario.item_parties(item) if (f := p.figure(item.basis)) and f.year})
            span = "、".join(str(y) for y in years) if years else ("年份不详" if zh else "year not given")
            text = f"{label.zh}（{span}年）" if zh and years else f"{label.zh if zh else label.en} ({span})"
        if text not in parts:
            parts.append(text)
    return "；".join(parts) if zh else "; ".join(parts)


def _article(context: BuildContext, number: int, spec: ArticleSpec) -> Article:
    """Render one article: the negotiator's edit if any (flagged when its numbers moved), else the default."""
    edit = context.scenario.agreement.article_edits.get(spec.key)
    label = article_label(number) if context.zh else f"Article {number}"
    template = spec.template
    notes: tuple[str, ...] = ()
    paragraphs: list[Paragraph]
    if edit is not None and context.zh:
        template = edit.text
        notes = stale_notes(template, spec.values, edit.bound_values, lang="zh")
        paragraphs = render_runs(template, spec.values, edit.bound_values, lang="zh")
        if notes:
            paragraphs.append((Run(STALE_MARKER_ZH, marker=True),))
            paragraphs.extend((Run("（" + note + "）", marker=True),) for note in notes)
    else:
        paragraphs = render_runs(template, spec.values, lang=context.lang)
        if edit is not None:  # the English reference translation cannot translate a reworded article
            notes = stale_notes(edit.text, spec.values, edit.bound_values, lang="en")
            paragraphs.append(
                (
                    Run(
                        "[This article was reworded in the Chinese text, which prevails; translated here is the "
                        "original wording.]",
                        marker=True,
                    ),
                )
            )
            if notes:
                paragraphs.append((Run(STALE_MARKER_EN, marker=True),))
    return Article(
        key=spec.key,
        number=number,
        label=label,
        heading=spec.heading,
        title=f"{label}　{spec.heading}" if context.zh else f"{label} {spec.heading}",
        paragraphs=tuple(paragraphs),
        template=template,
        default_template=spec.template,
        bound_values=dict(spec.values),
        edited=edit is not None,
        stale_notes=notes,
        table=spec.table,
    )


def _general_articles(context: BuildContext) -> list[ArticleSpec]:
    """Articles every cost-sharing agreement closes with: use of funds, overruns, breach, disputes, final clauses."""
    copies = 2 * len(context.scenario.parties)
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
                "各方各执二份，具有同等效力。",
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
                f"Parties and sealed. It is made in {copies} originals, two for each Party, equally authentic. "
                "This English text is a reference translation; the Chinese text prevails.",
            ),
        ]
    return [ArticleSpec(key, heading, text) for key, heading, text in texts]


def _full_label(context: BuildContext, party_id: str) -> str:
    """甲方（渝北区） in article text, so readers need not look the roles up; a government name as is."""
    role = context.labels[party_id]
    party = context.scenario.party(party_id)
    name = party.name_zh if context.zh else party.name("en")
    if role == government_name(name, context.lang):
        return role
    return f"{role}（{name}）" if context.zh else f"{role} ({name})"


# --- proportional split ------------------------------------------------------------------------


def shown_shares(result: ItemResult, decimals: int = 2) -> list[Decimal]:
    """Shares in percent rounded so that they add up to exactly 100 (largest remainder)."""
    scale = 10 ** (decimals + 2)
    steps = largest_remainder([a.share * scale for a in result.allocations], scale)
    quantum = Decimal(1).scaleb(-decimals)
    return [(Decimal(s) * quantum).quantize(quantum) for s in steps]


def _weight_text(weight: Fraction) -> str:
    value = Decimal(weight.numerator) / Decimal(weight.denominator)
    return format(value.normalize(), "f")


@register("proportional_split")
def proportional_articles(context: BuildContext, item: ProportionalSplit, result: ItemResult) -> ItemSection:
    """Scope, basis, amounts (with the shown table) and payment articles, plus the exact-figures annex."""
    zh = context.zh
    scenario = context.scenario
    parties = scenario.item_parties(item)
    shown, shown_total = shown_amounts(result, context.precision)
    shares = shown_shares(result)
    subject_title = item.title or scenario.title
    key = f"items.{item.id}"
    label = {p.id: escape_literal(_full_label(context, p.id)) for p in parties}
    values: dict[str, str] = {"total": context.amount(shown_total)}
    if context.capital_amounts:
        values["total_capital"] = context.capital(result.total_fen)
    for party, allocation, amount, share in zip(parties, result.allocations, shown, shares, strict=True):
        values[f"amount:{party.id}"] = context.amount(amount)
        values[f"share:{party.id}"] = f"{share}%"
        if context.capital_amounts:
            values[f"amount_capital:{party.id}"] = context.capital(allocation.amount_fen)
    unit = context.precision.unit.label_zh if zh else UNIT_NOTES_EN[context.precision.unit]
    if item.basis == "weights":
        basis_zh, basis_en, basis_unit = "协商确定的权重", "negotiated weights", ""
    else:
        attribute = data.ATTRIBUTE_LABELS[item.basis]
        basis_zh, basis_en = attribute.zh, attribute.en.lower()
        basis_unit = attribute.unit_zh if zh else attribute.unit_en
    title_literal = escape_literal(subject_title)
    capital_total = "（大写：{total_capital}）" if context.capital_amounts else ""

    if zh:
        scope = f"本协议所称分担事项为{title_literal}，各方共同分担的费用总额为{{total}}{capital_total}。"
        if item.notes.strip():
            scope += "\n有关说明：" + escape_literal(item.notes)
        shares_text = "，".join(f"{label[p.id]}分担比例为{{share:{p.id}}}" for p in parties)
        basis = f"各方按{basis_zh}的比例分担前条所列费用。各方{basis_zh}数据及其来源见附件。据此，{shares_text}。"
        amounts = (
            f"按前条比例计算，各方分担金额见下表。表中金额以{unit}为单位，保留{context.precision.decimals}位小数，"
            "按最大余数法取舍，各方金额之和等于费用总额；精确到分的金额见附件。"
        )
        lines = []
        for index, p in enumerate(parties, start=1):
            capital = f"（大写：{{amount_capital:{p.id}}}）" if context.capital_amounts else ""
            end = "。" if index == len(parties) else "；"
            lines.append(f"（{chinese_number(index)}）{label[p.id]}拨付{{amount:{p.id}}}{capital}{end}")
        payment = (
            "各方应自本协议生效之日起，按项目实施进度和年度资金计划，将分担资金足额拨付至项目实施单位指定账户：\n"
            + "\n".join(lines)
            + "\n已拨付的资金不得抽回。"
        )
        headings = ("分担事项", "分担依据", "分担金额", "资金拨付")
        subject = f"{subject_title}费用分担事宜"
    else:
        capital_total = capital_total.replace("（大写：", " (in words: ").replace("）", ")")
        scope = (
            f"The matter shared under this Agreement is {title_literal}; the total cost shared by the Parties "
            f"is {{total}}{capital_total}."
        )
        if item.notes.strip():
            scope += "\nNotes: " + escape_literal(item.notes)
        shares_text = "; ".join(f"{label[p.id]} bears {{share:{p.id}}}" for p in parties)
        basis = (
            f"The Parties share the cost in proportion to their {basis_en}; the figures and their sources are "
            f"given in the annex. Accordingly, {shares_text}."
        )
        amounts = (
            f"The resulting amounts are shown in the table below, in {unit} to {context.precision.decimals} "
            "decimals, rounded by largest remainder so that they add up to the total; the amounts exact to the "
            "fen are given in the annex."
        )
        lines = [
            f"({i}) {label[p.id]} pays {{amount:{p.id}}}"
            + (f" (in words: {{amount_capital:{p.id}}})" if context.capital_amounts else "")
            + ("." if i == len(parties) else ";")
            for i, p in enumerate(parties, start=1)
        ]
        payment = (
            "From the entry into force of this Agreement, each Party pays its share in full into the account "
            "designated by the implementing unit, following the progress of the project and the annual funding "
            "plan:\n" + "\n".join(lines) + "\nFunds paid may not be withdrawn."
        )
        headings = ("Matter shared", "Basis of the split", "Amounts", "Payment")
        subject = f"sharing the cost of {subject_title}"

    names = {p.id: (p.name_zh if zh else p.name("en")) for p in parties}
    roles = {p.id: context.labels[p.id] for p in parties}
    with_roles = any(roles[p.id] != government_name(names[p.id], context.lang) for p in parties)
    party_header = ("参与方" if zh else "Party",) if not with_roles else ("方", "参与方") if zh else ("", "Party")

    def who(party_id: str) -> tuple[str, ...]:
        return (roles[party_id], names[party_id]) if with_roles else (names[party_id],)

    amount_table = Table(
        key=f"{key}.amounts",
        caption=("各方分担金额表" if zh else "Amounts by Party"),
        unit_note=(f"单位：{unit}" if zh else f"Unit: {unit}"),
        header=(*party_header, "分担比例" if zh else "Share", "分担金额" if zh else "Amount"),
        rows=tuple(
            (*who(p.id), f"{share}%", context.number(amount))
            for p, share, amount in zip(parties, shares, shown, strict=True)
        ),
        total_row=(
            *(("合计" if zh else "Total"),),
            *([""] * (len(party_header) - 1)),
            "100.00%",
            context.number(shown_total),
        ),
        numeric=(*([False] * len(party_header)), True, True),
    )
    figures = {p.id: p.figure(item.basis) if item.basis != "weights" else None for p in parties}
    years = {f.year for f in figures.values() if f is not None}
    one_year = next(iter(years)) if len(years) == 1 else None
    exact_rows = []
    for p, allocation in zip(parties, result.allocations, strict=True):
        figure = figures[p.id]
        weight = _weight_text(allocation.weight)
        if figure is not None and figure.year and one_year is None:  # years differ: say each one
            weight += f"（{figure.year}年）" if zh else f" ({figure.year})"
        share = Decimal(allocation.share.numerator) / Decimal(allocation.share.denominator)
        exact_rows.append(
            (
                *who(p.id),
                weight,
                f"{(share * 100).quantize(Decimal('0.000001'))}%",
                fen_to_yuan_str(allocation.amount_fen),
            )
        )
    details = [basis_unit] if basis_unit else []
    if one_year:
        details.append(f"{one_year}年" if zh else str(one_year))
    basis_head = (
        (f"{basis_zh}（{'，'.join(details)}）" if details else basis_zh)
        if zh
        else (f"{basis_en} ({', '.join(details)})" if details else basis_en)
    )
    exact_table = Table(
        key=f"{key}.exact",
        caption=("各方分担金额（精确到分）" if zh else "Amounts exact to the fen"),
        unit_note=("金额单位：元" if zh else "Amounts in yuan"),
        header=(
            *party_header,
            basis_head,
            "精确比例" if zh else "Exact share",
            "金额（元）" if zh else "Amount (yuan)",
        ),
        rows=tuple(exact_rows),
        total_row=(
            *(("合计" if zh else "Total"),),
            *([""] * (len(party_header) - 1)),
            "",
            "100%",
            fen_to_yuan_str(result.total_fen),
        ),
        numeric=(*([False] * len(party_header)), True, True, True),
    )
    chart = BarChart(
        key=f"{key}.chart",
        title=("各方分担金额" if zh else "Amount by Party"),
        unit=unit,
        labels=tuple(names[p.id] for p in parties),
        values=tuple(shown),
        value_labels=tuple(context.number(v) for v in shown),
    )
    sources = []
    if item.basis != "weights":
        # parties sharing one source are named together, in party order, before it
        by_source: dict[str, list[str]] = {}
        for p in parties:
            figure = p.figure(item.basis)
            if figure is not None and figure.source:
                by_source.setdefault(figure.source, []).append(names[p.id])
        for source, named in by_source.items():
            who = "、".join(named) if zh else ", ".join(named)
            sources.append(f"{who}：{source}" if zh else f"{who}: {source}")
    source_paragraphs: list[Paragraph] = []
    if sources:  # a heading line, then one line per source
        source_paragraphs.append((Run("数据来源：" if zh else "Sources:"),))
        source_paragraphs.extend((Run(line),) for line in sources)
    annex_title = f"{subject_title}分担测算表" if zh else f"Calculation of the shares: {subject_title}"
    return ItemSection(
        subject=subject,
        articles=[
            # the scope binds only the totals: a party's amount moving does not make it stale
            ArticleSpec(f"{key}.scope", headings[0], scope, {k: v for k, v in values.items() if k.startswith("total")}),
            ArticleSpec(f"{key}.basis", headings[1], basis, values),
            ArticleSpec(f"{key}.amounts", headings[2], amounts, values, amount_table),
            ArticleSpec(f"{key}.payment", headings[3], payment, values),
        ],
        appendices=[
            Appendix("", annex_title, tuple(source_paragraphs), (exact_table,), (chart,)),
        ],
    )
