"""The document model of a draft agreement: plain data that the PDF, DOCX and GUI render alike.

Body text is a sequence of runs; a run either is plain text, carries a value bound to
the computation (``bound`` names its placeholder), or is a review marker that the
renderers print conspicuously. Every string here is printed literally: renderers must
escape it for their markup, never interpret it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..charts import Chart


@dataclass(frozen=True)
class Run:
    """A piece of text; ``bound`` is the placeholder of a computed value, ``marker`` a review note."""

    text: str
    bound: str | None = None
    marker: bool = False


Paragraph = tuple[Run, ...]


def plain(paragraph: Paragraph) -> str:
    """The paragraph as one string (markers included), e.g. for text searches and the DOCX."""
    return "".join(run.text for run in paragraph)


@dataclass(frozen=True)
class Table:
    """A table of text cells; ``numeric`` marks the columns that are right-aligned amounts."""

    key: str
    caption: str
    unit_note: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total_row: tuple[str, ...] | None = None
    numeric: tuple[bool, ...] = ()


@dataclass(frozen=True)
class Article:
    """One numbered article (第一条 …): heading, text with bound values, an optional table, edit state."""

    key: str
    number: int
    label: str
    heading: str
    title: str
    """Label and heading as printed on the article's first line: "第一条　分担事项" or "Article 1 Scope"."""
    paragraphs: tuple[Paragraph, ...]
    template: str
    """The wording in force, with placeholders: the negotiator's edit or the default."""
    default_template: str
    bound_values: Mapping[str, str]
    """Every value this article may bind, rendered as printed now, by placeholder."""
    bound_descriptions: Mapping[str, str] = field(default_factory=dict)
    """Whose number each placeholder is, in words, as the instrument names it."""
    edited: bool = False
    stale_notes: tuple[str, ...] = ()
    """Why an edited article needs checking: bound values changed since the edit, old amounts typed in."""
    table: Table | None = None

    @property
    def stale(self) -> bool:
        return bool(self.stale_notes)


@dataclass(frozen=True)
class PartyEntry:
    """A line of the parties block: 甲方：成都市人民政府."""

    role: str
    name: str
    party_id: str
    role_label: str
    """The role as it opens the line, with its punctuation: "甲方：" or "Party A: "."""


@dataclass(frozen=True)
class SignatureBlock:
    """Where one party signs and seals: name, representative, date, seal area."""

    role: str
    party_name: str
    seal_label: str
    representative_label: str
    representative: str
    date_label: str
    date_text: str


@dataclass(frozen=True)
class Appendix:
    """附件N: tables and charts that carry the exact figures behind the articles."""

    label: str
    title: str
    paragraphs: tuple[Paragraph, ...] = ()
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()


@dataclass(frozen=True)
class AgreementDoc:
    """A whole draft agreement, ready for any renderer."""

    lang: str
    title: str
    draft_label: str
    draft_line: str
    """The label as printed under the title: （讨论稿）."""
    notices: tuple[str, ...]
    """Status lines under the label: draft notice, reference-translation note."""
    parties: tuple[PartyEntry, ...]
    recitals: tuple[Paragraph, ...]
    articles: tuple[Article, ...]
    closing_line: str
    signatures: tuple[SignatureBlock, ...]
    signing_place: str
    appendices: tuple[Appendix, ...]
    fingerprint: str
    version: str
    data_vintage: str
    watermark: str | None = None
    footer_labels: Mapping[str, str] = field(default_factory=dict)
    captions: Mapping[str, str] = field(default_factory=dict)
    """Fixed words every renderer prints, in the agreement's language, so no renderer spells its own:
    ``annex_list`` (附件：), ``fingerprint`` (the caption before the full SHA-256 on the last page),
    ``unit`` (单位：, before a unit), ``author`` (the PDF/DOCX author field)."""

    def article(self, key: str) -> Article:
        for article in self.articles:
            if article.key == key:
                return article
        raise KeyError(f"no article '{key}'")

    def footer_lines(self) -> tuple[str, str]:
        """The two small footer lines of every page: fingerprint, then version and data vintage."""
        labels = self.footer_labels
        version = f"{labels.get('version', '成渝协同 Accord')} {self.version}"
        return (
            f"{labels.get('fingerprint', '指纹')} SHA-256 {self.fingerprint}",
            f"{version} · {labels.get('data', '数据')} {self.data_vintage}",
        )

    def texts(self) -> Iterator[str]:
        """Every string a renderer prints, for glyph-coverage checks."""
        yield from (self.title, self.draft_line, *self.notices, self.closing_line, self.signing_place)
        yield from self.footer_lines()
        if self.watermark:
            yield self.watermark
        for entry in self.parties:
            yield entry.role_label + entry.name
        for paragraph in self.recitals:
            yield plain(paragraph)
        for article in self.articles:
            yield article.title
            yield from (plain(p) for p in article.paragraphs)
            if article.table is not None:
                yield from _table_texts(article.table)
        for block in self.signatures:
            yield from (block.role, block.party_name, block.seal_label, block.representative_label)
            yield from (block.representative, block.date_label, block.date_text)
        for appendix in self.appendices:
            yield from (appendix.label, appendix.title)
            yield from (plain(p) for p in appendix.paragraphs)
            for table in appendix.tables:
                yield from _table_texts(table)
            for chart in appendix.charts:
                yield from chart.texts()
        yield from self.captions.values()


def _table_texts(table: Table) -> Iterator[str]:
    yield from (table.caption, table.unit_note, *table.header)
    for row in table.rows:
        yield from row
    if table.total_row:
        yield from table.total_row
