"""A cross-city project whose cost the parties share: the project, each party's attributes, the coalition costs.

The file format is documented in ``docs/scenario-format.md`` (section "project_cost").
Amounts are whole fen; rates, lengths and demand are exact decimals given as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal, Self, get_args

from pydantic import Field, StrictInt, model_validator

from ...numbers import MAX_AMOUNT_FEN
from ...scenario import Id, ItemBase, Name, NameEn, NonNegativeDecimal, Provenance, _Model, require_unique

Fen = Annotated[StrictInt, Field(ge=0, le=MAX_AMOUNT_FEN)]

ProjectType = Literal["rail", "road", "water", "ecological", "public_service"]

Factor = Literal["population", "gdp", "budget_revenue", "length", "works", "demand"]
FACTORS: tuple[Factor, ...] = get_args(Factor)
"""What a proportional or weighted split can use: three figures of the party (from the embedded data or typed in)
and three attributes of the party in this project."""

Method = Literal[
    "equal",
    "proportional",
    "weighted",
    "territorial",
    "scrb",
    "eca",
    "cga",
    "shapley",
    "nucleolus",
    "per_capita_nucleolus",
    "proportional_nucleolus",
    "segment_shapley",
    "segment_nucleolus",
    "nash",
    "egalitarian",
    "negotiated",
]
METHODS: tuple[Method, ...] = get_args(Method)
"""Every split the item can compute, in the order of the comparison table (definitions: docs/cost-sharing.md)."""
DEFAULT_METHODS: tuple[Method, ...] = ("equal", "proportional", "territorial", "scrb", "shapley", "nucleolus")

MAX_COALITIONS = 4096
"""Typed-in coalition costs: far more than anyone types; the table is completed by cheapest partition."""
MAX_SEGMENTS = 500
MAX_USERS = 10**9
"""Users per party in a segment game (trips, movements): closed forms, so the count does not cost time."""
Rate = Annotated[NonNegativeDecimal, Field(max_length=20)]


class ProjectInfo(_Model):
    """What is built, what it costs, and over how long it is paid for."""

    name_zh: Name
    name_en: NameEn = ""
    type: ProjectType = "rail"
    capital_fen: Fen
    """The capital cost of the whole project: the cost of the grand coalition, c(N)."""
    capital_provenance: Provenance | None = None
    operating_fen_per_year: Fen = 0
    """Annual operating cost, shared each year in the same proportions as the capital."""
    life_years: Annotated[StrictInt, Field(ge=1, le=100)] = 30
    term_years: Annotated[StrictInt, Field(ge=1, le=100)] = 10
    """Years over which each party pays its capital share, as an annuity at ``discount_rate``."""
    discount_rate: Rate = "0.04"
    """Annual rate for the annuity and the net present value, as a decimal fraction (0.04 = 4 %)."""
    start_year: Annotated[StrictInt, Field(ge=1900, le=2200)] = 2026


class Contribution(_Model):
    """Money taken off the top before the parties share: the national railway company's share, a central subsidy,
    an integration-fund grant."""

    name_zh: Name
    name_en: NameEn = ""
    amount_fen: Fen
    provenance: Provenance | None = None


class ProjectParty(_Model):
    """A party taking part, with its attributes in this project; a missing attribute is None, never zero."""

    party: Id
    length_km: NonNegativeDecimal | None = None
    """In-territory length of the line."""
    works_fen: Fen | None = None
    """In-territory works and land acquisition cost (the territorial method's basis)."""
    demand: NonNegativeDecimal | None = None
    """Expected benefit or demand: ridership, water volume — any unit, the same for every party."""
    reach: Annotated[StrictInt, Field(ge=1, le=MAX_SEGMENTS)] | None = None
    """Segment game: the party needs the line from the first segment up to this one (1-based)."""
    users: Annotated[StrictInt, Field(ge=1, le=MAX_USERS)] = 1
    """Segment game: identical users (trips, movements) the party stands for."""
    negotiated_fen: Fen | None = None
    """An amount typed in by the negotiators; the "negotiated" column and its diagnostics."""
    provenance: Provenance | None = None


class CoalitionCost(_Model):
    """What a group of parties would pay to build on its own: c(S)."""

    parties: Annotated[tuple[Id, ...], Field(min_length=1)]
    cost_fen: Fen
    provenance: Provenance | None = None


class Segment(_Model):
    """A section of a line project, from one station to the next, with its capital cost."""

    name_zh: Name
    name_en: NameEn = ""
    cost_fen: Fen


class FixedAmount(_Model):
    """A negotiation helper: one party's amount is fixed and the rest is re-split by the chosen method."""

    party: Id
    amount_fen: Fen


class ProjectCostSharing(ItemBase):
    """Share the cost of a cross-city project among the parties by one of many methods, compared side by side."""

    kind: Literal["project_cost"] = "project_cost"
    project: ProjectInfo
    contributions: Annotated[tuple[Contribution, ...], Field(max_length=20)] = ()
    parties: Annotated[tuple[ProjectParty, ...], Field(min_length=1)]
    """The parties taking part, in table order, with their attributes."""
    basis: Factor = "population"
    """What the "proportional" method splits by."""
    weights: dict[Factor, NonNegativeDecimal] = Field(default_factory=dict)
    """Relative weights of the factors in the "weighted" method (shown normalised to 100 %)."""
    coalitions: Annotated[tuple[CoalitionCost, ...], Field(max_length=MAX_COALITIONS)] = ()
    segments: Annotated[tuple[Segment, ...], Field(max_length=MAX_SEGMENTS)] = ()
    methods: tuple[Method, ...] = DEFAULT_METHODS
    """The methods shown in the comparison table, in this order."""
    method: Method = "proportional"
    """The method the agreement uses."""
    fixed: FixedAmount | None = None
    bargaining_power: dict[Id, NonNegativeDecimal] = Field(default_factory=dict)
    """Nash bargaining: relative power per party (equal when empty)."""

    PRESENTATION_FIELDS: ClassVar[frozenset[str]] = frozenset({"title", "notes", "methods"})

    @model_validator(mode="after")
    def _check_lists(self) -> Self:
        require_unique(list(self.methods), "methods", "method")
        require_unique([p.party for p in self.parties], "parties", "party id")
        seen: dict[frozenset[str], int] = {}
        for index, coalition in enumerate(self.coalitions):
            require_unique(list(coalition.parties), f"coalitions[{index}].parties", "party id")
            key = frozenset(coalition.parties)
            if key in seen:
                raise ValueError(f"coalitions[{index}] repeats the group of coalitions[{seen[key]}]")
            seen[key] = index
        for position, party in enumerate(self.parties):
            if party.reach is not None and party.reach > len(self.segments):
                raise ValueError(
                    f"parties[{position}].reach: segment {party.reach} does not exist "
                    f"(the line has {len(self.segments)} segments)"
                )
        return self

    @property
    def shared_fen(self) -> int:
        """The capital cost left to the parties after the contributions taken off the top (never below zero)."""
        return max(0, self.project.capital_fen - sum(c.amount_fen for c in self.contributions))

    def member_ids(self, party_ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(p.party for p in self.parties)

    def party_references(self) -> Iterator[tuple[str, str]]:
        for position, party in enumerate(self.parties):
            yield f"parties[{position}].party", party.party
        for index, coalition in enumerate(self.coalitions):
            for position, pid in enumerate(coalition.parties):
                yield f"coalitions[{index}].parties[{position}]", pid
        if self.fixed is not None:
            yield "fixed.party", self.fixed.party
        for pid in self.bargaining_power:
            yield f"bargaining_power.{pid}", pid

    def reference_problems(self, party_ids: tuple[str, ...]) -> Iterator[tuple[str, str]]:
        members = {p.party for p in self.parties}
        for index, coalition in enumerate(self.coalitions):
            for position, pid in enumerate(coalition.parties):
                if pid not in members:
                    yield f"coalitions[{index}].parties[{position}]", f"party '{pid}' is not in this project"
        if self.fixed is not None and self.fixed.party not in members:
            yield "fixed.party", f"party '{self.fixed.party}' is not in this project"
        for pid in self.bargaining_power:
            if pid not in members:
                yield f"bargaining_power.{pid}", f"party '{pid}' is not in this project"

    def with_party(self, party_id: str) -> Self:
        return self.model_copy(update={"parties": (*self.parties, ProjectParty(party=party_id))})

    def without_party(self, party_id: str) -> Self:
        members = tuple(p for p in self.parties if p.party != party_id)
        if not members:
            raise ValueError(f"removing '{party_id}' would leave “{self.title or self.id}” without parties")
        coalitions = tuple(c for c in self.coalitions if party_id not in c.parties)
        fixed = None if self.fixed is not None and self.fixed.party == party_id else self.fixed
        power = {pid: w for pid, w in self.bargaining_power.items() if pid != party_id}
        return self.model_copy(
            update={"parties": members, "coalitions": coalitions, "fixed": fixed, "bargaining_power": power}
        )
