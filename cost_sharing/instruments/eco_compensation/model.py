"""A horizontal ecological-compensation agreement (横向生态保护补偿) between upstream and downstream parties.

The item lists its parties, the assessment sections (断面: who is upstream, with contribution ratios, and who is
downstream), the indicators (code, unit, target and baseline concentrations), the monitoring samples, the
assessment period (first and last month) and the rule that turns water quality into money: one of the presets of
:mod:`.rules`, chosen by ``rule.type``, each with its parameters and their provenance.

Concentrations, ratios, weights and flows are
exact decimals given as text; amounts are whole fen.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, ClassVar, Literal, Self

from pydantic import BeforeValidator, Field, StrictInt, model_validator

from ...numbers import MAX_AMOUNT_FEN, NumberError, canonical_decimal, parse_decimal
from ...scenario import Id, ItemBase, Name, NameEn, NonNegativeDecimal, Provenance, _Model, require_unique
from .monitoring import MonitoringRecord
from .rules import ZHOUKOU_TIERS

Fen = Annotated[StrictInt, Field(ge=0, le=MAX_AMOUNT_FEN)]
SignedFen = Annotated[StrictInt, Field(ge=-MAX_AMOUNT_FEN, le=MAX_AMOUNT_FEN)]
Month = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
"""A month as ``YYYY-MM``."""
Unit = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^\S(.*\S)?$")]
Decimal20 = Annotated[NonNegativeDecimal, Field(max_length=40)]


def _signed_decimal_text(value: object) -> object:
    if isinstance(value, str | int | float | Decimal):
        try:
            return canonical_decimal(parse_decimal(value, allow_negative=True))
        except NumberError as exc:
            raise ValueError(exc.text.en) from None
    return value


SignedDecimal = Annotated[str, BeforeValidator(_signed_decimal_text), Field(max_length=40)]
"""An equivalent factor: may be negative (paddy fields consume water)."""

MAX_SECTIONS = 200
MAX_INDICATORS = 20
MAX_RECORDS = 100_000
MAX_UPSTREAM = 20
MAX_TIERS = 20
MAX_PARTIES = 60
MAX_QUALITY_SCALE = 10
MAX_MONTHS = 120
"""An assessment period of up to ten years (agreements run for three)."""


class Upstream(_Model):
    """An upstream party of a section and its pollution-contribution ratio (relative; normalised per section)."""

    party: Id
    ratio: Decimal20 = "1"
    by_indicator: dict[Id, Decimal20] = Field(default_factory=dict)
    """Per-indicator contribution ratios (镇江 九里 section); an indicator not listed uses ``ratio``."""


class Section(_Model):
    """An assessment section (断面) on a border: the upstream parties, who pay or receive, and the downstream one."""

    id: Id
    name_zh: Name
    name_en: NameEn = ""
    upstream: Annotated[tuple[Upstream, ...], Field(min_length=1, max_length=MAX_UPSTREAM)]
    downstream: Id

    def label(self, lang: str = "zh") -> str:
        return self.name_en or self.name_zh if lang == "en" else self.name_zh


class Indicator(_Model):
    """A water-quality indicator: its code (``CODMn``, ``NH3-N``, ``TP``, ``TN``, ``COD``), unit and limits."""

    code: Id
    name_zh: Name
    name_en: NameEn = ""
    unit: Unit = "mg/L"
    target: Decimal20 | None = None
    """The section's target (控制目标) concentration; the per-tonne, exceedance and status rules need it."""
    baseline: Decimal20 | None = None
    """The baseline (基本限值) concentration of the P-index; for the status rule, last year's level."""
    provenance: Provenance | None = None


class Sample(_Model):
    """One monitoring sample (the shape of :class:`.monitoring.MonitoringRecord`, as JSON-friendly fields)."""

    date: datetime.date
    section: Id
    indicator: Id
    value: Decimal20
    flow_m3: Decimal20 | None = None
    """The section's water volume in the sample's month, m³."""

    @property
    def month(self) -> str:
        return f"{self.date.year:04d}-{self.date.month:02d}"

    @classmethod
    def from_record(cls, record: MonitoringRecord) -> Sample:
        return cls(
            date=record.date,
            section=record.section,
            indicator=record.indicator,
            value=str(record.value),
            flow_m3=None if record.flow is None else str(record.flow),
        )

    def to_record(self, unit: str) -> MonitoringRecord:
        flow = None if self.flow_m3 is None else Decimal(self.flow_m3)
        return MonitoringRecord(self.date, self.section, self.indicator, Decimal(self.value), unit, flow)


class Period(_Model):
    """The assessment period: first and last month, inclusive."""

    first: Month
    last: Month

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.last < self.first:
            raise ValueError(f"period.last: {self.last} is before period.first {self.first}")
        span = (int(self.last[:4]) - int(self.first[:4])) * 12 + int(self.last[5:]) - int(self.first[5:]) + 1
        if span > MAX_MONTHS:
            raise ValueError(f"period: {span} months, more than {MAX_MONTHS}")
        return self

    def months(self) -> tuple[str, ...]:
        year, month = int(self.first[:4]), int(self.first[5:])
        out = []
        while f"{year:04d}-{month:02d}" <= self.last:
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return tuple(out)

    @property
    def label(self) -> str:
        """``2019`` for a calendar year, else ``2019-03–2020-02``."""
        if self.first[:4] == self.last[:4] and self.first[5:] == "01" and self.last[5:] == "12":
            return self.first[:4]
        return self.first if self.first == self.last else f"{self.first}–{self.last}"


# --- rules ------------------------------------------------------------------------------------------------


class PTier(_Model):
    upper_bound: Decimal20
    amount_fen: Fen


class PIndexRule(_Model):
    """新安江 P-index bet: P = k0·Σ wᵢ·Cᵢ/Cᵢ₀ on the period's means; P ≤ threshold → downstream pays upstream."""

    type: Literal["p_index"] = "p_index"
    k0: Decimal20
    weights: Annotated[dict[Id, Decimal20], Field(min_length=1, max_length=MAX_INDICATORS)]
    amount_fen: Fen
    """The bet per section for the period."""
    central_fen: Fen = 0
    """A central fund paid to the upstream party whatever P is."""
    central_party: Id | None = None
    """Who pays the central fund: a party of the scenario, or None for the central government outside the item."""
    threshold: Decimal20 = "1"
    tiers: Annotated[tuple[PTier, ...], Field(max_length=MAX_TIERS)] = ()
    provenance: Provenance | None = None


class UnitTier(_Model):
    upper_multiple: Decimal20
    fen_per_tonne: Fen


class PerTonneRule(_Model):
    """江苏 bidirectional per-tonne rule, monthly: Σⱼ (Cⱼ − Tⱼ)·Q·10⁻⁶·uⱼ, + upstream pays, − downstream pays."""

    type: Literal["per_tonne"] = "per_tonne"
    standards: Annotated[dict[Id, Fen], Field(min_length=1, max_length=MAX_INDICATORS)]
    """Unit standard per indicator, fen per tonne."""
    tiers: dict[Id, Annotated[tuple[UnitTier, ...], Field(max_length=MAX_TIERS)]] = Field(default_factory=dict)
    provenance: Provenance | None = None


class PoolStake(_Model):
    """A section of a pooled fund: whose allocation is at stake (party → share of it) and who receives a cut."""

    section: Id
    cut_from: Annotated[dict[Id, Decimal20], Field(min_length=1)]
    redistribute_to: Annotated[dict[Id, Decimal20], Field(min_length=1)]


class PooledFundRule(_Model):
    """赤水河 pooled fund: paid in by contribution ratios, paid out by allocation ratios, cut for failing sections."""

    type: Literal["pooled_fund"] = "pooled_fund"
    fund_fen: Fen
    contributions: Annotated[dict[Id, Decimal20], Field(min_length=1, max_length=MAX_PARTIES)]
    allocations: Annotated[dict[Id, Decimal20], Field(min_length=1, max_length=MAX_PARTIES)]
    failure: Literal["all_or_nothing", "months"] = "all_or_nothing"
    stakes: Annotated[tuple[PoolStake, ...], Field(max_length=MAX_SECTIONS)] = ()
    """Per section; a section not listed puts its upstream parties' whole allocation at stake, cut to downstream."""
    provenance: Provenance | None = None


class MonthlyStatusRule(_Model):
    """重庆 monthly status rule: meets class and improved → downstream pays; meets but declined → upstream pays."""

    type: Literal["monthly_status"] = "monthly_status"
    amount_fen: Fen
    on_fail_fen: SignedFen
    """Paid by upstream to downstream in a month the section fails (negative: the reverse)."""
    on_unchanged_fen: SignedFen = 0
    provenance: Provenance | None = None


class ExceedanceTier(_Model):
    lower_bound: Decimal20
    """m must exceed it."""
    amount_fen: Fen


class ExceedanceRule(_Model):
    """周口 exceedance-multiple tiers, monthly per indicator: base × (1 + m), paid by upstream to downstream."""

    type: Literal["exceedance"] = "exceedance"
    tiers: Annotated[tuple[ExceedanceTier, ...], Field(min_length=1, max_length=MAX_TIERS)] = Field(
        default_factory=lambda: tuple(
            ExceedanceTier(lower_bound=str(Decimal(b.numerator) / b.denominator), amount_fen=a)
            for b, a in ZHOUKOU_TIERS
        )
    )
    """(m above, base) — 周口 by default [S]: (0.1, 10万), (0.5, 25万), (1, 50万), (1.5, 100万), (2, 200万)."""
    below_first_fen: Fen = 0
    provenance: Provenance | None = None


Rule = Annotated[
    PIndexRule | PerTonneRule | PooledFundRule | MonthlyStatusRule | ExceedanceRule, Field(discriminator="type")
]


# --- negotiation zone -------------------------------------------------------------------------------------


class Crop(_Model):
    """A crop the protected land no longer grows: its area, yield per unit area and price (元 per yield unit)."""

    name_zh: Name
    area: Decimal20
    yield_per_area: Decimal20
    price_yuan: Decimal20


class LandUseCost(_Model):
    """Opportunity cost, land-use version [S]: C_opp = (Σ Aᵢ·Lᵢ·Kᵢ − costs)/A per unit area, × the protected area."""

    type: Literal["land_use"] = "land_use"
    crops: Annotated[tuple[Crop, ...], Field(min_length=1, max_length=MAX_TIERS)]
    costs_yuan: Annotated[tuple[Decimal20, ...], Field(max_length=MAX_TIERS)] = ()
    """Seed, fertiliser, pesticide, harvest, fuel and repair costs of the crops' area, 元 per year."""
    area: Decimal20
    """The crops' area A (the unit of ``yield_per_area``, e.g. ha)."""
    protected_area: Decimal20
    """The area withheld from farming for the river, in the same unit: the forgone income is C_opp × it."""


class IncomeGapCost(_Model):
    """Opportunity cost, income-gap version [U]: (R0 − R1)·N1 + (S0 − S1)·N2, 元 per year."""

    type: Literal["income_gap"] = "income_gap"
    urban_reference_yuan: Decimal20
    urban_protected_yuan: Decimal20
    urban_population: Decimal20
    rural_reference_yuan: Decimal20
    rural_protected_yuan: Decimal20
    rural_population: Decimal20


class FactorTable(_Model):
    """An equivalent-factor table typed in: per land type, one equivalent per service (negative allowed)."""

    name: Name
    services: Annotated[tuple[Name, ...], Field(min_length=1, max_length=MAX_TIERS)]
    factors: Annotated[dict[Name, tuple[SignedDecimal, ...]], Field(min_length=1, max_length=MAX_TIERS)]

    @model_validator(mode="after")
    def _one_per_service(self) -> Self:
        for land, row in self.factors.items():
            if len(row) != len(self.services):
                raise ValueError(f"factors.{land}: {len(row)} equivalents for {len(self.services)} services")
        return self


class EsvCeiling(_Model):
    """Upper bound from the increase in ecosystem-service value [S]: Σ (after − before)·Eₖ·VC0, 元 per year.

    VC0 = grain price × grain yield / 7 per unit area; the table is the built-in 2003 one unless typed in.
    """

    type: Literal["esv"] = "esv"
    grain_price_yuan: Decimal20
    grain_yield: Decimal20
    before: Annotated[dict[Name, Decimal20], Field(max_length=MAX_TIERS)]
    after: Annotated[dict[Name, Decimal20], Field(max_length=MAX_TIERS)]
    table: FactorTable | None = None


class WtpCeiling(_Model):
    """Upper bound from a willingness-to-pay survey [U]: Σ bidⱼ·shareⱼ × population, 元 per year."""

    type: Literal["wtp"] = "wtp"
    bids_yuan: Annotated[tuple[Decimal20, ...], Field(min_length=1, max_length=MAX_TIERS)]
    shares: Annotated[tuple[Decimal20, ...], Field(min_length=1, max_length=MAX_TIERS)]
    population: Decimal20

    @model_validator(mode="after")
    def _paired(self) -> Self:
        if len(self.bids_yuan) != len(self.shares):
            raise ValueError(f"shares: {len(self.shares)} shares for {len(self.bids_yuan)} bids")
        if sum(Decimal(s) for s in self.shares) != 1:
            raise ValueError("shares: the shares of respondents must add up to 1")
        return self


class NegotiationZone(_Model):
    """Rule 6: the floor (protection + opportunity cost) and the ceiling (ΔESV or WTP) a yearly fund is set in."""

    protection_cost_fen: Fen = 0
    opportunity: Annotated[LandUseCost | IncomeGapCost, Field(discriminator="type")] | None = None
    ceiling: Annotated[EsvCeiling | WtpCeiling, Field(discriminator="type")]
    proposed_fen: Fen | None = None
    """The yearly fund proposed; None: the rule's own (the bet × sections, the pooled fund, or the transfers)."""
    provenance: Provenance | None = None


class EcoCompensation(ItemBase):
    """Horizontal ecological compensation: water quality at border sections decides who pays whom."""

    kind: Literal["eco_compensation"] = "eco_compensation"
    parties: Annotated[tuple[Id, ...], Field(min_length=2, max_length=MAX_PARTIES)]
    """The parties taking part, in table order."""
    sections: Annotated[tuple[Section, ...], Field(min_length=1, max_length=MAX_SECTIONS)]
    indicators: Annotated[tuple[Indicator, ...], Field(min_length=1, max_length=MAX_INDICATORS)]
    records: Annotated[tuple[Sample, ...], Field(max_length=MAX_RECORDS)] = ()
    period: Period
    rule: Rule
    zone: NegotiationZone | None = None
    """The negotiation zone the fund is weighed against (optional)."""
    quality_scale: Annotated[NonNegativeDecimal, Field(max_length=40)] = "1"
    """A what-if factor on every measured concentration (1: as measured; 1.1: water 10 % worse), for trying how far
    quality can move before the payment reverses. Not 1 → the results and the agreement say it is a simulation."""

    PRESENTATION_FIELDS: ClassVar[frozenset[str]] = frozenset({"title", "notes"})

    @model_validator(mode="after")
    def _check_lists(self) -> Self:
        scale = Decimal(self.quality_scale)
        if not 0 < scale <= MAX_QUALITY_SCALE:
            raise ValueError(
                f"quality_scale: {self.quality_scale} is not between 0 (exclusive) and {MAX_QUALITY_SCALE}"
            )
        require_unique(list(self.parties), "parties", "party id")
        require_unique([s.id for s in self.sections], "sections", "section id")
        require_unique([i.code for i in self.indicators], "indicators", "indicator code")
        for index, section in enumerate(self.sections):
            require_unique([u.party for u in section.upstream], f"sections[{index}].upstream", "party id")
        return self

    def indicator(self, code: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise KeyError(code)

    def member_ids(self, party_ids: tuple[str, ...]) -> tuple[str, ...]:
        return self.parties

    def party_references(self) -> Iterator[tuple[str, str]]:
        for position, pid in enumerate(self.parties):
            yield f"parties[{position}]", pid
        for index, section in enumerate(self.sections):
            for position, up in enumerate(section.upstream):
                yield f"sections[{index}].upstream[{position}].party", up.party
            yield f"sections[{index}].downstream", section.downstream
        rule = self.rule
        if isinstance(rule, PIndexRule) and rule.central_party is not None:
            yield "rule.central_party", rule.central_party
        if isinstance(rule, PooledFundRule):
            for pid in rule.contributions:
                yield f"rule.contributions.{pid}", pid
            for pid in rule.allocations:
                yield f"rule.allocations.{pid}", pid
            for index, stake in enumerate(rule.stakes):
                for pid in stake.cut_from:
                    yield f"rule.stakes[{index}].cut_from.{pid}", pid
                for pid in stake.redistribute_to:
                    yield f"rule.stakes[{index}].redistribute_to.{pid}", pid

    def reference_problems(self, party_ids: tuple[str, ...]) -> Iterator[tuple[str, str]]:
        members = set(self.parties)
        sections = {s.id for s in self.sections}
        codes = {i.code for i in self.indicators}
        for index, section in enumerate(self.sections):
            for position, up in enumerate(section.upstream):
                if up.party not in members:
                    yield f"sections[{index}].upstream[{position}].party", f"party '{up.party}' is not in this item"
                elif up.party == section.downstream:
                    yield (
                        f"sections[{index}].upstream[{position}].party",
                        f"party '{up.party}' cannot be both upstream and downstream of section '{section.id}'",
                    )
                for code in up.by_indicator:
                    if code not in codes:
                        yield f"sections[{index}].upstream[{position}].by_indicator.{code}", _no_indicator(code)
            if section.downstream not in members:
                yield f"sections[{index}].downstream", f"party '{section.downstream}' is not in this item"
        for position, record in enumerate(self.records):
            if record.section not in sections:
                yield f"records[{position}].section", f"unknown section '{record.section}'"
            if record.indicator not in codes:
                yield f"records[{position}].indicator", _no_indicator(record.indicator)
            if not self.period.first <= record.month <= self.period.last:
                yield f"records[{position}].date", f"{record.date} is outside the period {self.period.label}"
        rule = self.rule
        keyed: dict[str, dict[str, object]] = {}
        if isinstance(rule, PIndexRule):
            keyed["weights"] = dict(rule.weights)
            if rule.central_party is not None and rule.central_party in members:
                yield "rule.central_party", f"party '{rule.central_party}' takes part and cannot pay the central fund"
        if isinstance(rule, PerTonneRule):
            keyed["standards"] = dict(rule.standards)
            keyed["tiers"] = dict(rule.tiers)
        for name, mapping in keyed.items():
            for code in mapping:
                if code not in codes:
                    yield f"rule.{name}.{code}", _no_indicator(code)
        if isinstance(rule, PooledFundRule):
            for name in ("contributions", "allocations"):
                for pid in getattr(rule, name):
                    if pid not in members:
                        yield f"rule.{name}.{pid}", f"party '{pid}' is not in this item"
            for index, stake in enumerate(rule.stakes):
                if stake.section not in sections:
                    yield f"rule.stakes[{index}].section", f"unknown section '{stake.section}'"
                for name in ("cut_from", "redistribute_to"):
                    for pid in getattr(stake, name):
                        if pid not in members:
                            yield f"rule.stakes[{index}].{name}.{pid}", f"party '{pid}' is not in this item"

    def with_party(self, party_id: str) -> Self:
        if party_id in self.parties:
            return self
        return self.model_copy(update={"parties": (*self.parties, party_id)})

    def without_party(self, party_id: str) -> Self:
        """Drop the party; it leaves upstream lists it shares and the fund's ratios. Raises ValueError (naming the
        field) when it is a section's only upstream party or its downstream party: the section would be void."""
        if party_id not in self.parties:
            return self
        members = tuple(p for p in self.parties if p != party_id)
        if len(members) < 2:
            raise ValueError(f"parties: removing '{party_id}' would leave “{self.title or self.id}” with one party")
        sections = []
        for index, section in enumerate(self.sections):
            if section.downstream == party_id:
                raise ValueError(f"sections[{index}].downstream: '{party_id}' is the downstream party of this section")
            upstream = tuple(u for u in section.upstream if u.party != party_id)
            if not upstream:
                raise ValueError(f"sections[{index}].upstream: '{party_id}' is the only upstream party")
            sections.append(section.model_copy(update={"upstream": upstream}))
        rule = self.rule
        if isinstance(rule, PIndexRule) and rule.central_party == party_id:
            rule = rule.model_copy(update={"central_party": None})
        if isinstance(rule, PooledFundRule):
            stakes = []
            for index, stake in enumerate(rule.stakes):
                cut = {p: w for p, w in stake.cut_from.items() if p != party_id}
                to = {p: w for p, w in stake.redistribute_to.items() if p != party_id}
                if not cut or not to:
                    raise ValueError(f"rule.stakes[{index}]: '{party_id}' is the only party of this stake")
                stakes.append(stake.model_copy(update={"cut_from": cut, "redistribute_to": to}))
            contributions = {p: w for p, w in rule.contributions.items() if p != party_id}
            allocations = {p: w for p, w in rule.allocations.items() if p != party_id}
            if not contributions or not allocations:
                raise ValueError(f"rule: '{party_id}' is the only party paying into or out of the fund")
            rule = rule.model_copy(
                update={"contributions": contributions, "allocations": allocations, "stakes": tuple(stakes)}
            )
        return self.model_copy(update={"parties": members, "sections": tuple(sections), "rule": rule})


def _no_indicator(code: str) -> str:
    return f"unknown indicator '{code}'"
