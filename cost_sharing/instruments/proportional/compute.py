"""Compute a proportional split: exact shares, amounts in fen that add up to the total."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from chengyu_accord import data

from ...bilingual import Bilingual
from ...diagnostics import Diagnostic, Target
from ...money import split_fen
from ...progress import Progress
from ...results import Column, ItemResult, Quantity, ResultTable, Row
from ...scenario import Party, Scenario
from .model import ProportionalSplit

TABLE = "amounts"
BASIS, SHARE, AMOUNT = "basis", "share", "amount"
TAG_WORDS = {
    "U": Bilingual("未经核实", "unverified"),
    "A": Bilingual("假设值", "assumed"),
    "user": Bilingual("用户录入", "user-entered"),
}
WEIGHTS_LABEL = Bilingual("协商确定的权重", "Negotiated weights")
WEIGHT_COLUMN = Bilingual("权重", "Weight")


def basis_label(basis: str) -> Bilingual:
    """The name of what the item splits by."""
    if basis == "weights":
        return WEIGHTS_LABEL
    label = data.ATTRIBUTE_LABELS[basis]
    return Bilingual(label.zh, label.en)


def in_sentence(label: str) -> str:
    """An English label inside a sentence: "Resident population" → "resident population", "GDP" stays."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def basis_unit(basis: str) -> Bilingual | None:
    if basis == "weights":
        return None
    label = data.ATTRIBUTE_LABELS[basis]
    return Bilingual(label.unit_zh, label.unit_en)


def party_label(party: Party) -> Bilingual:
    return Bilingual(party.name_zh, party.name("en"))


def compute_proportional(scenario: Scenario, item: ProportionalSplit, index: int, progress: Progress) -> ItemResult:
    """Split the item's amount in proportion to an attribute of the parties or to typed-in weights."""
    progress.check()
    parties = scenario.item_parties(item)
    attribute = basis_label(item.basis)
    problems: list[Diagnostic] = []
    weights: list[Fraction] = []
    cells: list[Quantity] = []
    for party in parties:
        name = party_label(party)
        if item.basis == "weights":
            text = item.weights.get(party.id)
            if text is None:
                problems.append(
                    Diagnostic(
                        "error",
                        "missing-weight",
                        Bilingual(f"{name.zh}没有权重，请输入。", f"{name.en} has no weight; type one in."),
                        Target(item.id, "weights", party.id),
                    )
                )
                continue
            weights.append(Fraction(text))
            cells.append(Quantity(Decimal(text)))
            continue
        figure = party.figure(item.basis)
        if figure is None:
            problems.append(
                Diagnostic(
                    "error",
                    "missing-figure",
                    Bilingual(
                        f"{name.zh}缺少{attribute.zh}数据，请补录后再计算（缺失值不按零处理）。",
                        f"{name.en} has no {in_sentence(attribute.en)} figure; type one in "
                        "(a missing figure is never taken as zero).",
                    ),
                    Target(party_id=party.id, attribute=item.basis),
                )
            )
            continue
        weights.append(Fraction(figure.value))
        cells.append(Quantity(Decimal(figure.value), figure.tag, figure.year, figure.source))
    if not parties:
        problems.append(
            Diagnostic("error", "no-parties", Bilingual("没有参与方。", "The item has no parties."), Target(item.id))
        )
    if problems:
        return ItemResult(item.id, item.kind, diagnostics=tuple(problems))
    total_weight = sum(weights)
    if total_weight == 0:
        zero = Bilingual(
            "所有参与方的分摊依据均为零，无法按比例分摊。",
            "Every party's basis is zero, so nothing can be split in proportion.",
        )
        return ItemResult(
            item.id, item.kind, diagnostics=(Diagnostic("error", "zero-weights", zero, Target(item.id, "basis")),)
        )
    amounts = split_fen(item.amount_fen, weights)
    table = ResultTable(
        key=TABLE,
        title=Bilingual("各方分担金额", "Amounts by party"),
        columns=(
            Column(BASIS, WEIGHT_COLUMN if item.basis == "weights" else attribute, "value", basis_unit(item.basis)),
            Column(SHARE, Bilingual("分担比例", "Share"), "share"),
            Column(AMOUNT, Bilingual("分担金额", "Amount"), "money"),
        ),
        rows=tuple(
            Row(p.id, party_label(p), (cell, w / total_weight, fen))
            for p, cell, w, fen in zip(parties, cells, weights, amounts, strict=True)
        ),
    )
    return ItemResult(item.id, item.kind, (table,), tuple(_notes(item, parties, weights, attribute)))


def _notes(item: ProportionalSplit, parties: tuple[Party, ...], weights: list[Fraction], attribute: Bilingual):
    for party, weight in zip(parties, weights, strict=True):
        name = party_label(party)
        if weight == 0:
            yield Diagnostic(
                "warning",
                "zero-weight",
                Bilingual(
                    f"{name.zh}的分摊依据为零，不承担任何金额。", f"{name.en} has a zero basis and pays nothing."
                ),
                Target(item.id, "weights", party.id)
                if item.basis == "weights"
                else Target(party_id=party.id, attribute=item.basis),
            )
        figure = party.figure(item.basis) if item.basis != "weights" else None
        if figure is not None and figure.tag in TAG_WORDS:
            word = TAG_WORDS[figure.tag]
            yield Diagnostic(
                "info",
                "unsourced-figure",
                Bilingual(
                    f"{name.zh}的{attribute.zh}为{word.zh}。", f"{name.en}'s {in_sentence(attribute.en)} is {word.en}."
                ),
                Target(party_id=party.id, attribute=item.basis),
            )
    if item.basis != "weights":
        years = sorted({f.year for p in parties if (f := p.figure(item.basis)) is not None and f.year is not None})
        if len(years) > 1:
            listed = ", ".join(str(y) for y in years)
            yield Diagnostic(
                "info",
                "mixed-years",
                Bilingual(
                    f"分摊依据的数据年份不一致：{listed}。", f"The figures used come from different years: {listed}."
                ),
                Target(item.id, "basis"),
            )
