"""The edits of a cost-sharing project: the project, its contributions, the parties' attributes, the game, the methods.

Every change the project-cost workspace makes is one of these frozen dataclasses (see :mod:`...edits`):
``apply(scenario)`` returns a new scenario, validated with the item, or raises :class:`EditError` naming the
field; the scenario before a refused edit is untouched. Numbers are read by the one reading rule
(:mod:`...numbers`): amounts are whole fen, lengths, demand, rates and weights exact decimals, never floats.
A missing attribute is ``None``, never zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from ...bilingual import Bilingual
from ...edits import EditError, item_of, read_decimal, read_fen, read_text, read_whole, updated_item
from ...scenario import Provenance, Scenario
from .model import (
    FACTORS,
    MAX_SEGMENTS,
    MAX_USERS,
    METHODS,
    CoalitionCost,
    Contribution,
    FixedAmount,
    ProjectCostSharing,
    Segment,
)

USER = Provenance(tag="user")
"""The provenance of an amount typed in by the user: a preset's source or "assumed" note no longer applies."""

PROJECT_TEXT_FIELDS = ("name_zh", "name_en", "type")
PROJECT_FEN_FIELDS = ("capital_fen", "operating_fen_per_year")
PROJECT_YEAR_FIELDS = {"life_years": (1, 100), "term_years": (1, 100), "start_year": (1900, 2200)}
PROJECT_FIELDS = (*PROJECT_TEXT_FIELDS, *PROJECT_FEN_FIELDS, *PROJECT_YEAR_FIELDS, "discount_rate")
PROJECT_TYPES = ("rail", "road", "water", "ecological", "public_service")
MAX_RATE = Decimal(1)
"""A discount rate is a decimal fraction: 0.04 is 4 %; above 100 % a year is a slip, not a rate."""

PARTY_DECIMAL_ATTRIBUTES = ("length_km", "demand")
PARTY_FEN_ATTRIBUTES = ("works_fen", "negotiated_fen")
PARTY_WHOLE_ATTRIBUTES = {"reach": (1, MAX_SEGMENTS), "users": (1, MAX_USERS)}
PARTY_ATTRIBUTES = (*PARTY_DECIMAL_ATTRIBUTES, *PARTY_FEN_ATTRIBUTES, *PARTY_WHOLE_ATTRIBUTES)
"""What :class:`SetPartyAttribute` sets, in the order of the parties table."""

CONTRIBUTION_FIELDS = ("name_zh", "name_en", "amount_fen")
SEGMENT_FIELDS = ("name_zh", "name_en", "cost_fen")


# --- reading values --------------------------------------------------------------------------------


def _project_item(scenario: Scenario, item_id: str) -> tuple[int, ProjectCostSharing]:
    return item_of(scenario, item_id, ProjectCostSharing, "a cost-sharing project")


def _updated(scenario: Scenario, item_id: str, **changes: object) -> Scenario:
    """The scenario with fields of the project item ``item_id`` changed (validated with the item)."""
    return updated_item(scenario, item_id, ProjectCostSharing, "a cost-sharing project", **changes)


def normalise_weight(value: object, field: str = "weights") -> str:
    """A factor weight as canonical decimal text, by the reading rules of every number."""
    return read_decimal(value, field)


def _position(item: ProjectCostSharing, party_id: str) -> int:
    for position, party in enumerate(item.parties):
        if party.party == party_id:
            return position
    raise EditError("parties", f"party '{party_id}' is not in this project")


def _index(count: int, index: int, field: str) -> int:
    if not 0 <= index < count:
        raise EditError(field, f"there is no entry {index + 1} (the list has {count})")
    return index


# --- the project ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetProjectField:
    """Set one field of the project: its names, type, capital, operating cost, life, term, rate or first year.

    A typed-in capital is the user's: it no longer carries the preset's source or "assumed" note.
    """

    item_id: str
    field: str
    value: object
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改项目参数", "change project")

    def apply(self, scenario: Scenario) -> Scenario:
        name = f"project.{self.field}"
        item = _project_item(scenario, self.item_id)[1]
        changes: dict[str, object] = {}
        if self.field in ("name_zh", "name_en"):
            changes[self.field] = read_text(self.value, name, required=self.field == "name_zh")
        elif self.field == "type":
            if self.value not in PROJECT_TYPES:
                raise EditError(name, f"unknown project type '{self.value}'; use one of {', '.join(PROJECT_TYPES)}")
            changes["type"] = self.value
        elif self.field in PROJECT_FEN_FIELDS:
            changes[self.field] = read_fen(self.value, name)
            if self.field == "capital_fen" and changes[self.field] != item.project.capital_fen:
                changes["capital_provenance"] = USER
        elif self.field in PROJECT_YEAR_FIELDS:
            changes[self.field] = read_whole(self.value, name, *PROJECT_YEAR_FIELDS[self.field])
        elif self.field == "discount_rate":
            rate = read_decimal(self.value, name, maximum=MAX_RATE)
            changes["discount_rate"] = rate
        else:
            raise EditError("field", f"'{self.field}' is not a project field; use one of {', '.join(PROJECT_FIELDS)}")
        project = item.project.model_copy(update=changes)
        return _updated(scenario, self.item_id, project=project)


@dataclass(frozen=True)
class AddContribution:
    """Add a contribution taken off the top (a central subsidy, the railway company's share) at the end."""

    item_id: str
    name_zh: str
    amount_fen: int
    name_en: str = ""
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("添加外部出资", "add contribution")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _project_item(scenario, self.item_id)[1]
        field = f"contributions[{len(item.contributions)}]"
        contribution = Contribution(
            name_zh=read_text(self.name_zh, f"{field}.name_zh", required=True),
            name_en=read_text(self.name_en, f"{field}.name_en", required=False),
            amount_fen=read_fen(self.amount_fen, f"{field}.amount_fen"),
            provenance=USER,
        )
        return _updated(scenario, self.item_id, contributions=(*item.contributions, contribution))


@dataclass(frozen=True)
class RemoveContribution:
    """Remove the ``index``-th contribution (0-based)."""

    item_id: str
    index: int
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("删除外部出资", "remove contribution")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _project_item(scenario, self.item_id)[1]
        index = _index(len(item.contributions), self.index, "contributions")
        contributions = item.contributions[:index] + item.contributions[index + 1 :]
        return _updated(scenario, self.item_id, contributions=contributions)


@dataclass(frozen=True)
class SetContribution:
    """Set the name or the amount of the ``index``-th contribution (a typed amount is tagged as the user's)."""

    item_id: str
    index: int
    field: str
    value: object
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改外部出资", "change contribution")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _project_item(scenario, self.item_id)[1]
        index = _index(len(item.contributions), self.index, "contributions")
        name = f"contributions[{index}].{self.field}"
        if self.field not in CONTRIBUTION_FIELDS:
            raise EditError("field", f"'{self.field}' is not a field of a contribution")
        if self.field == "amount_fen":
            changes: dict[str, object] = {"amount_fen": read_fen(self.value, name), "provenance": USER}
        else:
            changes = {self.field: read_text(self.value, name, required=self.field == "name_zh")}
        contributions = list(item.contributions)
        contributions[index] = contributions[index].model_copy(update=changes)
        return _updated(scenario, self.item_id, contributions=tuple(contributions))


# --- the parties' attributes -------------------------------------------------------------------------


@dataclass(frozen=True)
class SetPartyAttribute:
    """Set (or, with ``None``, clear: missing, never zero) one attribute of a party in this project.

    ``length_km`` and ``demand`` are exact decimals, ``works_fen`` and ``negotiated_fen`` whole fen, ``reach`` a
    segment number (1-based) and ``users`` a whole count (``None`` puts it back to 1).
    """

    item_id: str
    party_id: str
    attribute: str
    value: object | None
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改参与方数据", "change party data")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _project_item(scenario, self.item_id)[1]
        position = _position(item, self.party_id)
        name = f"parties[{position}].{self.attribute}"
        if self.attribute not in PARTY_ATTRIBUTES:
            raise EditError(
                "attribute", f"unknown attribute '{self.attribute}'; use one of {', '.join(PARTY_ATTRIBUTES)}"
            )
        value: object
        if self.value is None:
            value = 1 if self.attribute == "users" else None
        elif self.attribute in PARTY_DECIMAL_ATTRIBUTES:
            value = read_decimal(self.value, name)
        elif self.attribute in PARTY_FEN_ATTRIBUTES:
            value = read_fen(self.value, name)
        else:
            low, high = PARTY_WHOLE_ATTRIBUTES[self.attribute]
            if self.attribute == "reach":
                high = len(item.segments)
                if high == 0:
                    raise EditError(name, "the line has no segments yet: add segments before a party's reach")
            value = read_whole(self.value, name, low, high)
        parties = list(item.parties)
        parties[position] = parties[position].model_copy(update={self.attribute: value})
        return _updated(scenario, self.item_id, parties=tuple(parties))


# --- the split: basis, weights, methods, the agreement's method, a fixed amount -----------------------------


@dataclass(frozen=True)
class SetBasis:
    """Choose what the "proportional" method splits by."""

    item_id: str
    basis: str
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("修改分摊依据", "change basis")

    def apply(self, scenario: Scenario) -> Scenario:
        if self.basis not in FACTORS:
            raise EditError("basis", f"unknown basis '{self.basis}'; use one of {', '.join(FACTORS)}")
        return _updated(scenario, self.item_id, basis=self.basis)


@dataclass(frozen=True)
class SetFactorWeight:
    """Set (or, with ``None``, clear) the relative weight of one factor of the "weighted" method."""

    item_id: str
    factor: str
    weight: object | None
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改因素权重", "change factor weight")

    def apply(self, scenario: Scenario) -> Scenario:
        if self.factor not in FACTORS:
            raise EditError("weights", f"unknown factor '{self.factor}'; use one of {', '.join(FACTORS)}")
        weights = dict(_project_item(scenario, self.item_id)[1].weights)
        if self.weight is None:
            weights.pop(self.factor, None)  # type: ignore[call-overload]
        else:
            weights[self.factor] = normalise_weight(self.weight, f"weights.{self.factor}")  # type: ignore[index]
        return _updated(scenario, self.item_id, weights=weights)


@dataclass(frozen=True)
class SetFactorWeights:
    """Replace every factor weight at once (a preset mix, or seeding the weights from the basis)."""

    item_id: str
    weights: tuple[tuple[str, object], ...]
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("设置因素权重", "set factor weights")

    def apply(self, scenario: Scenario) -> Scenario:
        weights: dict[str, str] = {}
        for factor, weight in self.weights:
            if factor not in FACTORS:
                raise EditError("weights", f"unknown factor '{factor}'; use one of {', '.join(FACTORS)}")
            weights[factor] = normalise_weight(weight, f"weights.{factor}")
        return _updated(scenario, self.item_id, weights=weights)


@dataclass(frozen=True)
class SetMethods:
    """Choose the methods the comparison table shows, in order."""

    item_id: str
    methods: tuple[str, ...]
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("修改比较的方法", "change methods shown")

    def apply(self, scenario: Scenario) -> Scenario:
        for method in self.methods:
            if method not in METHODS:
                raise EditError("methods", f"unknown method '{method}'")
        if len(set(self.methods)) != len(self.methods):
            raise EditError("methods", "a method is listed twice")
        return _updated(scenario, self.item_id, methods=tuple(self.methods))


@dataclass(frozen=True)
class SetAgreementMethod:
    """Choose the method the agreement uses."""

    item_id: str
    method: str
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("修改协议采用的方法", "change agreed method")

    def apply(self, scenario: Scenario) -> Scenario:
        if self.method not in METHODS:
            raise EditError("method", f"unknown method '{self.method}'")
        return _updated(scenario, self.item_id, method=self.method)


@dataclass(frozen=True)
class SetFixed:
    """Fix one party's amount under the agreed method (the rest is re-split), or, with ``party=None``, release it."""

    item_id: str
    party: str | None
    amount_fen: int = 0
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("固定一方金额", "fix a party's amount")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _project_item(scenario, self.item_id)[1]
        if self.party is None:
            return _updated(scenario, self.item_id, fixed=None)
        _position(item, self.party)
        amount = read_fen(self.amount_fen, "fixed.amount_fen")
        if amount > item.shared_fen:
            raise EditError("fixed.amount_fen", f"must not exceed the amount the parties share ({item.shared_fen} fen)")
        return _updated(scenario, self.item_id, fixed=FixedAmount(party=self.party, amount_fen=amount))


@dataclass(frozen=True)
class SetBargainingPower:
    """Set (or, with ``None``, clear: equal power) one party's relative bargaining power (Nash bargaining)."""

    item_id: str
    party_id: str
    power: object | None
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改谈判力", "change bargaining power")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _project_item(scenario, self.item_id)[1]
        _position(item, self.party_id)
        power = dict(item.bargaining_power)
        if self.power is None:
            power.pop(self.party_id, None)
        else:
            power[self.party_id] = read_decimal(self.power, f"bargaining_power.{self.party_id}")
        return _updated(scenario, self.item_id, bargaining_power=power)


# --- the game: coalition costs and line segments ------------------------------------------------------------


def _members(item: ProjectCostSharing, parties: tuple[str, ...], field: str) -> tuple[str, ...]:
    """The parties of a coalition in table order; EditError for an empty group, a repeat or a stranger."""
    if not parties:
        raise EditError(field, "choose at least one party")
    if len(set(parties)) != len(parties):
        raise EditError(field, "a party is listed twice")
    order = {p.party: position for position, p in enumerate(item.parties)}
    for pid in parties:
        if pid not in order:
            raise EditError(field, f"party '{pid}' is not in this project")
    return tuple(sorted(parties, key=order.__getitem__))


@dataclass(frozen=True)
class SetCoalitionCost:
    """Set what a group of parties would pay building on its own, c(S); ``None`` removes the entry.

    The group is the set of parties, whatever their order; a new group is added at the end.
    """

    item_id: str
    parties: tuple[str, ...]
    cost_fen: int | None
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改联盟成本", "change coalition cost")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _project_item(scenario, self.item_id)[1]
        members = _members(item, tuple(self.parties), "coalitions")
        key = frozenset(members)
        coalitions = list(item.coalitions)
        at = next((i for i, c in enumerate(coalitions) if frozenset(c.parties) == key), None)
        if self.cost_fen is None:
            if at is None:
                raise EditError("coalitions", "this group has no cost to remove")
            del coalitions[at]
        else:
            field = f"coalitions[{len(coalitions) if at is None else at}].cost_fen"
            entry = CoalitionCost(parties=members, cost_fen=read_fen(self.cost_fen, field), provenance=USER)
            if at is None:
                coalitions.append(entry)
            else:
                coalitions[at] = entry
        return _updated(scenario, self.item_id, coalitions=tuple(coalitions))


@dataclass(frozen=True)
class SetCoalitionParties:
    """Change which parties the ``index``-th coalition entry groups (its cost stays)."""

    item_id: str
    index: int
    parties: tuple[str, ...]
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改联盟成员", "change coalition members")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _project_item(scenario, self.item_id)[1]
        index = _index(len(item.coalitions), self.index, "coalitions")
        field = f"coalitions[{index}].parties"
        members = _members(item, tuple(self.parties), field)
        for other, coalition in enumerate(item.coalitions):
            if other != index and frozenset(coalition.parties) == frozenset(members):
                raise EditError(field, f"this group is already entry {other + 1}")
        coalitions = list(item.coalitions)
        coalitions[index] = coalitions[index].model_copy(update={"parties": members})
        return _updated(scenario, self.item_id, coalitions=tuple(coalitions))


@dataclass(frozen=True)
class AddSegment:
    """Add a section of the line at the end (after the last station) with its capital cost."""

    item_id: str
    name_zh: str
    cost_fen: int
    name_en: str = ""
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("添加线路区段", "add segment")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _project_item(scenario, self.item_id)[1]
        field = f"segments[{len(item.segments)}]"
        segment = Segment(
            name_zh=read_text(self.name_zh, f"{field}.name_zh", required=True),
            name_en=read_text(self.name_en, f"{field}.name_en", required=False),
            cost_fen=read_fen(self.cost_fen, f"{field}.cost_fen"),
        )
        return _updated(scenario, self.item_id, segments=(*item.segments, segment))


@dataclass(frozen=True)
class RemoveSegment:
    """Remove the ``index``-th segment; refused while a party's reach ends beyond the shortened line."""

    item_id: str
    index: int
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("删除线路区段", "remove segment")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _project_item(scenario, self.item_id)[1]
        index = _index(len(item.segments), self.index, "segments")
        remaining = len(item.segments) - 1
        for position, party in enumerate(item.parties):
            if party.reach is not None and party.reach > remaining:
                raise EditError(
                    f"parties[{position}].reach",
                    f"party '{party.party}' reaches segment {party.reach}; "
                    f"shorten its reach before removing a segment (the line would have {remaining})",
                )
        return _updated(scenario, self.item_id, segments=item.segments[:index] + item.segments[index + 1 :])


@dataclass(frozen=True)
class SetSegment:
    """Set the name or the cost of the ``index``-th segment."""

    item_id: str
    index: int
    field: str
    value: object
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改线路区段", "change segment")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _project_item(scenario, self.item_id)[1]
        index = _index(len(item.segments), self.index, "segments")
        name = f"segments[{index}].{self.field}"
        if self.field not in SEGMENT_FIELDS:
            raise EditError("field", f"'{self.field}' is not a field of a segment")
        if self.field == "cost_fen":
            value: object = read_fen(self.value, name)
        else:
            value = read_text(self.value, name, required=self.field == "name_zh")
        segments = list(item.segments)
        segments[index] = segments[index].model_copy(update={self.field: value})
        return _updated(scenario, self.item_id, segments=tuple(segments))
