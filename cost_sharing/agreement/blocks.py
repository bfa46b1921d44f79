"""Building blocks of agreement articles that every instrument shares.

An instrument's articles function receives a :class:`BuildContext` and returns an
:class:`ItemSection` of :class:`ArticleSpec` s and appendices. The helpers here
turn a result table's one shown rounding into a printed table, a chart, and the
values articles bind, and name the parties as agreements do (甲方（渝北区）).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from chengyu_accord import data

from ..bilingual import Bilingual
from ..charts import Chart, chart_of_table
from ..money import DisplayPrecision, Unit, capital_amount, format_amount
from ..results import ResultTable, ScenarioResult, ShownTable, shown_text, shown_total_text
from .model import Appendix, Paragraph, Run, Table
from .text import chinese_number

if TYPE_CHECKING:
    from ..scenario import Party, Provenance, Scenario

ROLES_ZH = "甲乙丙丁戊己庚辛壬癸"
ROLE_LABELS_EN = ("Party A", "Party B", "Party C", "Party D", "Party E", "Party F", "Party G", "Party H", "Party I")
UNIT_WORDS_EN = {Unit.YUAN: "", Unit.WAN_YUAN: " ten thousand", Unit.YI_YUAN: " hundred million"}
UNIT_NOTES_EN = {Unit.YUAN: "RMB", Unit.WAN_YUAN: "RMB 10,000", Unit.YI_YUAN: "RMB 100 million"}


@dataclass(frozen=True)
class ArticleSpec:
    """An article as an instrument proposes it: stable key, heading, default wording and its bound values."""

    key: str
    heading: str
    template: str
    values: Mapping[str, str] = field(default_factory=dict)
    table: Table | None = None
    descriptions: Mapping[str, str] = field(default_factory=dict)
    """Whose number each placeholder is, in words (渝北区 · 分担金额), for the article editor."""


@dataclass
class ItemSection:
    """What one item contributes: articles, appendices, and the subject named in the recital."""

    subject: str
    articles: list[ArticleSpec]
    appendices: list[Appendix]


@dataclass(frozen=True)
class ClauseSet:
    """What a family of agreements (cost sharing, compensation, tax sharing, a fund) says around its items.

    ``quotes`` are the words of the plan the recital cites for this family; ``general`` builds the
    closing articles (use of funds, breach, disputes, final provisions) in the context's language.
    """

    key: str
    quotes: Bilingual
    general: Callable[[BuildContext], list[ArticleSpec]]


@dataclass(frozen=True)
class BuildContext:
    """Everything an articles function needs besides its item: scenario, result, language, labels."""

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

    def words(self, text: Bilingual) -> str:
        return text.get(self.lang)

    def amount(self, value: Decimal) -> str:
        """A shown amount in prose, digit-grouped: 1,234.56万元 / RMB 1,234.56 ten thousand."""
        number = format_amount(value, self.precision, with_unit=False)
        if self.zh:
            return f"{number}{self.precision.unit.label_zh}"
        return f"RMB {number}{UNIT_WORDS_EN[self.precision.unit]}"

    def number(self, value: Decimal) -> str:
        """A shown amount in a table cell, without unit."""
        return format_amount(value, self.precision, with_unit=False)

    def capital(self, fen: int) -> str:
        return "人民币" + capital_amount(fen)

    @property
    def unit_label(self) -> str:
        """The display unit as a table's unit note prints it: 万元 / RMB 10,000."""
        return self.precision.unit.label_zh if self.zh else UNIT_NOTES_EN[self.precision.unit]

    def party_name(self, party_id: str) -> str:
        party = self.scenario.party(party_id)
        return party.name_zh if self.zh else party.name("en")

    def full_label(self, party_id: str) -> str:
        """甲方（渝北区） in article text, so readers need not look the roles up; a government name as is."""
        role = self.labels[party_id]
        name = self.party_name(party_id)
        if role == government_name(name, self.lang):
            return role
        return f"{role}（{name}）" if self.zh else f"{role} ({name})"


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


def party_columns(
    context: BuildContext, parties: Sequence[Party], names: Mapping[str, str]
) -> tuple[tuple[str, ...], Callable[[str], tuple[str, ...]]]:
    """The party columns of an amounts table and who fills them: the role (甲方 …) beside the name when the
    roles say more than the names, else the name alone (``names`` by party id, as printed)."""
    roles = {p.id: context.labels[p.id] for p in parties}
    with_roles = any(roles[p.id] != government_name(names[p.id], context.lang) for p in parties)
    if not with_roles:
        return ("参与方" if context.zh else "Party",), lambda party_id: (names[party_id],)
    return ("方", "参与方") if context.zh else ("", "Party"), lambda party_id: (roles[party_id], names[party_id])


def shown_doc_table(
    context: BuildContext,
    shown: ShownTable,
    *,
    key: str,
    caption: str,
    who: Callable[[str], tuple[str, ...]],
    who_header: tuple[str, ...],
    columns: Sequence[str] | None = None,
) -> Table:
    """A printed table from a shown result table: the rows' party columns, the chosen columns, a total row."""
    table: ResultTable = shown.table
    indexes = [table.column_index(k) for k in columns] if columns is not None else list(range(len(table.columns)))
    header = [*who_header]
    for c in indexes:
        column = table.columns[c]
        label = context.words(column.label)
        if column.unit is not None:
            label += f"（{column.unit.zh}）" if context.zh else f" ({column.unit.en})"
        header.append(label)
    rows = [(*who(row.key), *(shown_text(shown, r, c) for c in indexes)) for r, row in enumerate(table.rows)]
    total = ["合计" if context.zh else "Total", *([""] * (len(who_header) - 1))]
    total.extend(shown_total_text(shown, c) for c in indexes)
    if table.row_totals and shown.row_totals is not None:
        header.append("合计" if context.zh else "Total")
        rows = [(*cells, context.number(shown.row_totals[r])) for r, cells in enumerate(rows)]
        total.append(context.number(shown.grand_total))  # type: ignore[arg-type]
    return Table(
        key=key,
        caption=caption,
        unit_note=(f"单位：{context.unit_label}" if context.zh else f"Unit: {context.unit_label}"),
        header=tuple(header),
        rows=tuple(rows),
        total_row=tuple(total),
        numeric=(*([False] * len(who_header)), *([True] * (len(header) - len(who_header)))),
    )


def shown_chart(context: BuildContext, shown: ShownTable, *, key: str, title: str, columns: Sequence[str]) -> Chart:
    """A chart of money columns of a shown table, as the screen draws it (see :func:`.charts.chart_of_table`)."""
    return chart_of_table(shown, tuple(columns), lang=context.lang, key=key, title=title, unit=context.unit_label)


def source_paragraphs(context: BuildContext, sources: Mapping[str, list[str]]) -> list[Paragraph]:
    """数据来源： then one line per publication naming the parties whose figures come from it, in party order.

    Raw sources (archive paths, URLs, cross-check notes) stay in the scenario; the agreement prints the
    publication as a reader cites it (:func:`data.citation`), so sources citing one publication share a line.
    """
    if not sources:
        return []
    cited: dict[str, list[str]] = {}
    for source, named in sources.items():
        parties = cited.setdefault(data.citation(source, context.lang), [])
        parties.extend(name for name in named if name not in parties)
    lines: list[Paragraph] = [(Run("数据来源：" if context.zh else "Sources:"),)]
    for citation, named in cited.items():
        who = "、".join(named) if context.zh else ", ".join(named)
        lines.append((Run(f"{who}：{citation}" if context.zh else f"{who}: {citation}"),))
    return lines


_ASSUMED_PREFIXES = ("假设值，仅作演示。", "假设值，仅作演示", "假设值。")
"""How a preset's note says "assumed" itself; the words below say it already."""


def provenance_text(context: BuildContext, what: str, provenance: Provenance | None, *, sentence: bool = False) -> str:
    """Where ``what`` comes from, in words, saying 假设值 or 未经核实 when it is [A] or [U], so that no assumed or
    unverified figure reads as real. ``sentence``: a clause the caller ends ("X为假设值…"); else a line of its
    own ("X：假设值…"). Plain text: a template escapes it."""
    zh = context.zh
    colon = "" if sentence else "："
    if provenance is None:
        if zh:
            return f"{what}{colon}由谈判方录入，来源未注明"
        return f"{what}: typed in by the negotiators, no source given"
    note = provenance.note.strip().replace("\n", " ")
    for prefix in _ASSUMED_PREFIXES:
        if note.startswith(prefix):
            note = note[len(prefix) :].strip()
    note = note.rstrip("。.；;，, ")  # the caller ends the sentence or the line
    cite = data.citation(provenance.source, context.lang) if provenance.source else ""
    tag = provenance.tag
    if zh:
        cited, noted = (f"（{cite}）" if cite else ""), (f"；{note}" if note else "")
        if tag == "A":
            return (
                f"{what}{'为' if sentence else colon}假设值，仅作演示，并非真实数据"
                + (f"（{note}）" if note else "")
                + (f"；参考：{cite}" if cite else "")
            )
        words = {"U": "未经核实", "D": "由公开数据推算", "user": "由谈判方录入"}
        if tag in words:
            return f"{what}{colon}{words[tag]}{cited}{noted}"
        return f"{what}{'来源：' if sentence else colon}{cite or '公开资料'}{noted}"
    cited, noted = (f" ({cite})" if cite else ""), (f"; {note}" if note else "")
    if tag == "A":
        return (
            f"{what}: assumed values for the demonstration, not real data"
            + (f" ({note})" if note else "")
            + (f"; see {cite}" if cite else "")
        )
    words = {"U": "not verified", "D": "derived from published figures", "user": "typed in by the negotiators"}
    if tag in words:
        return f"{what}: {words[tag]}{cited}{noted}"
    return f"{what}: {cite or 'published sources'}{noted}"
