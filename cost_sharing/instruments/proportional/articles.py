"""The articles of a proportional split: scope, basis, amounts, payment, and the exact-figures annex."""

from __future__ import annotations

from decimal import Decimal

from ...agreement.binding import escape_literal
from ...agreement.blocks import (
    ArticleSpec,
    BuildContext,
    ItemSection,
    party_columns,
    shown_chart,
    shown_doc_table,
    source_paragraphs,
)
from ...agreement.model import Appendix, Table
from ...agreement.text import chinese_number
from ...money import DisplayPrecision, Unit, format_amount
from ...results import ItemResult, Quantity, shown_table
from .compute import AMOUNT, BASIS, SHARE, basis_label, basis_unit, in_sentence
from .model import ProportionalSplit


def proportional_articles(context: BuildContext, item: ProportionalSplit, result: ItemResult) -> ItemSection:
    """Scope, basis, amounts (with the shown table) and payment articles, plus the exact-figures annex."""
    zh = context.zh
    scenario = context.scenario
    parties = scenario.item_parties(item)
    table = result.table()
    shown = shown_table(table, context.precision)
    amount_col, share_col, basis_col = (table.column_index(k) for k in (AMOUNT, SHARE, BASIS))
    # the English translation names the matter by the scenario's English title when it has one
    subject_title = (
        (item.title or scenario.title) if context.zh else (scenario.title_en or item.title or scenario.title)
    )
    key = f"items.{item.id}"
    label = {p.id: escape_literal(context.full_label(p.id)) for p in parties}
    values: dict[str, str] = {"total": context.amount(shown.totals[amount_col])}  # type: ignore[arg-type]
    if context.capital_amounts:
        values["total_capital"] = context.capital(table.column_total(AMOUNT))
    for r, party in enumerate(parties):
        values[f"amount:{party.id}"] = context.amount(shown.cells[r][amount_col])  # type: ignore[arg-type]
        values[f"share:{party.id}"] = f"{shown.cells[r][share_col]}%"
        if context.capital_amounts:
            values[f"amount_capital:{party.id}"] = context.capital(table.rows[r].cells[amount_col])  # type: ignore[arg-type]
    names = {p.id: context.party_name(p.id) for p in parties}
    descriptions = _descriptions(context, names)
    unit = context.unit_label
    basis = basis_label(item.basis)
    basis_name = basis.zh if zh else in_sentence(basis.en)
    title_literal = escape_literal(subject_title)
    capital_total = "（大写：{total_capital}）" if context.capital_amounts else ""

    if zh:
        scope = f"本协议所称分担事项为{title_literal}，各方共同分担的费用总额为{{total}}{capital_total}。"
        if item.notes.strip():
            scope += "\n有关说明：" + escape_literal(item.notes)
        shares_text = "，".join(f"{label[p.id]}分担比例为{{share:{p.id}}}" for p in parties)
        basis_text = (
            f"各方按{basis_name}的比例分担前条所列费用。各方{basis_name}数据及其来源见附件。据此，{shares_text}。"
        )
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
        basis_text = (
            f"The Parties share the cost in proportion to their {basis_name}; the figures and their sources are "
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

    party_header, who = party_columns(context, parties, names)

    amount_table = shown_doc_table(
        context,
        shown,
        key=f"{key}.amounts",
        caption=("各方分担金额表" if zh else "Amounts by Party"),
        who=who,
        who_header=party_header,
        columns=(SHARE, AMOUNT),
    )
    chart = shown_chart(
        context, shown, key=f"{key}.chart", title=("各方分担金额" if zh else "Amount by Party"), columns=(AMOUNT,)
    )
    cells = [row.cells[basis_col] for row in table.rows]
    years = {c.year for c in cells if isinstance(c, Quantity) and c.year}
    one_year = next(iter(years)) if len(years) == 1 else None
    exact_table = _exact_table(context, item, result, key, party_header, who, one_year)
    sources: dict[str, list[str]] = {}
    for party, cell in zip(parties, cells, strict=True):
        if isinstance(cell, Quantity) and cell.source:
            sources.setdefault(cell.source, []).append(names[party.id])
    annex_title = f"{subject_title}分担测算表" if zh else f"Calculation of the shares: {subject_title}"
    return ItemSection(
        subject=subject,
        articles=[
            # the scope binds only the totals: a party's amount moving does not make it stale
            ArticleSpec(
                f"{key}.scope",
                headings[0],
                scope,
                {k: v for k, v in values.items() if k.startswith("total")},
                descriptions=descriptions,
            ),
            ArticleSpec(f"{key}.basis", headings[1], basis_text, values, descriptions=descriptions),
            ArticleSpec(f"{key}.amounts", headings[2], amounts, values, amount_table, descriptions),
            ArticleSpec(f"{key}.payment", headings[3], payment, values, descriptions=descriptions),
        ],
        appendices=[Appendix("", annex_title, tuple(source_paragraphs(context, sources)), (exact_table,), (chart,))],
    )


def _descriptions(context: BuildContext, names: dict[str, str]) -> dict[str, str]:
    """Whose number each placeholder is: 费用总额, 渝北区 · 分担金额, 渝北区 · 分担比例 …"""
    zh = context.zh
    found = {
        "total": "费用总额" if zh else "Total amount",
        "total_capital": "费用总额（大写）" if zh else "Total amount in capital numerals",
    }
    for pid, name in names.items():
        found[f"amount:{pid}"] = f"{name} · " + ("分担金额" if zh else "amount")
        found[f"share:{pid}"] = f"{name} · " + ("分担比例" if zh else "share")
        found[f"amount_capital:{pid}"] = f"{name} · " + ("分担金额（大写）" if zh else "amount in capital numerals")
    return found


def _exact_table(context, item, result, key, party_header, who, one_year) -> Table:
    """The annex table: each party's basis figure, exact share and amount to the fen."""
    zh = context.zh
    table = result.table()
    basis_col, share_col, amount_col = (table.column_index(k) for k in (BASIS, SHARE, AMOUNT))
    rows = []
    for row in table.rows:
        cell = row.cells[basis_col]
        weight = format(cell.value.normalize(), ",f") if isinstance(cell, Quantity) else "—"  # 2,093.78
        if isinstance(cell, Quantity) and cell.year and one_year is None:  # years differ: say each one
            weight += f"（{cell.year}年）" if zh else f" ({cell.year})"
        share = row.cells[share_col]
        exact = Decimal(share.numerator) / Decimal(share.denominator)
        rows.append(
            (
                *who(row.key),
                weight,
                f"{(exact * 100).quantize(Decimal('0.000001'))}%",
                yuan_text(row.cells[amount_col]),
            )
        )
    basis = basis_label(item.basis)
    unit = basis_unit(item.basis)
    details = [unit.get(context.lang)] if unit else []
    if one_year:
        details.append(f"{one_year}年" if zh else str(one_year))
    name = basis.zh if zh else in_sentence(basis.en)
    basis_head = (f"{name}（{'，'.join(details)}）" if zh else f"{name} ({', '.join(details)})") if details else name
    return Table(
        key=f"{key}.exact",
        caption=("各方分担金额（精确到分）" if zh else "Amounts exact to the fen"),
        unit_note=("金额单位：元" if zh else "Amounts in yuan"),
        header=(
            *party_header,
            basis_head,
            "精确比例" if zh else "Exact share",
            "金额（元）" if zh else "Amount (yuan)",
        ),
        rows=tuple(rows),
        total_row=(
            "合计" if zh else "Total",
            *([""] * (len(party_header) - 1)),
            "",
            "100%",
            yuan_text(table.column_total(AMOUNT)),
        ),
        numeric=(*([False] * len(party_header)), True, True, True),
    )


def yuan_text(fen: int) -> str:
    """An amount exact to the fen in 元, digit-grouped: 50,207,971,498.55."""
    return format_amount(fen, DisplayPrecision(Unit.YUAN, 2), with_unit=False)
