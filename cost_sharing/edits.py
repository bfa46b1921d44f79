"""User edits of a scenario as small immutable commands.

Every change a negotiator makes in the application is one of these frozen
dataclasses. ``apply(scenario)`` returns a new scenario (the old one is never
touched) and ``inverse(scenario)`` returns the edit that undoes it, computed from
the scenario *before* the edit. The desktop's undo stack wraps them thinly; the
logic, and its tests, stay here without Qt.

``structural`` marks edits that change what the scenario is made of (parties,
figures, the basis) rather than a number being tuned; the application saves a
recovery copy right after each of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar, Protocol

from .scenario import Figure, Party, ProportionalSplit, Provenance, Scenario, canonical_decimal

MAX_WEIGHT = Decimal(1_000_000)
"""Largest relative weight accepted: anything larger is almost certainly a typing slip."""


class EditError(ValueError):
    """An edit that does not fit the scenario (unknown item or party, bad value); names the field."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


class Edit(Protocol):
    """What every edit offers: apply it, and build its inverse from the scenario before it."""

    structural: ClassVar[bool]

    def apply(self, scenario: Scenario) -> Scenario: ...

    def inverse(self, scenario: Scenario) -> Edit: ...


def apply_edit(edit: Edit, scenario: Scenario) -> tuple[Scenario, Edit]:
    """Apply ``edit`` and return the new scenario with the edit that undoes it."""
    return edit.apply(scenario), edit.inverse(scenario)


# --- helpers ------------------------------------------------------------------------------------


def _item(scenario: Scenario, item_id: str) -> tuple[int, ProportionalSplit]:
    for index, item in enumerate(scenario.items):
        if item.id == item_id:
            return index, item
    raise EditError("items", f"no item with id '{item_id}'")


def _replace_item(scenario: Scenario, index: int, item: ProportionalSplit) -> Scenario:
    items = list(scenario.items)
    items[index] = item
    return _validated(scenario, items=tuple(items))


def _validated(scenario: Scenario, **changes: object) -> Scenario:
    """``model_copy`` skips validation; re-validating keeps every invariant of the model."""
    return Scenario.model_validate(scenario.model_copy(update=changes).model_dump())


def normalise_weight(text: str | Decimal | int) -> str:
    """A weight as canonical decimal text; refuses negatives, NaN, non-numbers and absurd sizes."""
    try:
        number = Decimal(str(text).strip().replace(",", ""))
    except ArithmeticError:
        raise EditError("weight", f"'{text}' is not a number") from None
    if not number.is_finite():
        raise EditError("weight", "must be a finite number")
    if number < 0:
        raise EditError("weight", f"must not be negative (got {text})")
    if number > MAX_WEIGHT:
        raise EditError("weight", f"must not exceed {MAX_WEIGHT:,} (got {text})")
    return canonical_decimal(number)


# --- item edits ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetItemAmount:
    """Set the amount (in fen) an item splits."""

    item_id: str
    amount_fen: int
    structural: ClassVar[bool] = False

    def apply(self, scenario: Scenario) -> Scenario:
        if isinstance(self.amount_fen, bool) or not isinstance(self.amount_fen, int):
            raise EditError("amount_fen", "must be a whole number of fen")
        if self.amount_fen < 0:
            raise EditError("amount_fen", f"must not be negative (got {self.amount_fen})")
        index, item = _item(scenario, self.item_id)
        return _replace_item(scenario, index, item.model_copy(update={"amount_fen": self.amount_fen}))

    def inverse(self, scenario: Scenario) -> SetItemAmount:
        return SetItemAmount(self.item_id, _item(scenario, self.item_id)[1].amount_fen)


@dataclass(frozen=True)
class SetAmountProvenance:
    """Set (or, with ``None``, clear) where an item's amount comes from.

    The application pairs it with :class:`SetItemAmount` when the user types over
    a preset amount: the typed amount is then tagged ``"user"``, so a source or an
    "assumed" note that belonged to the preset is never shown beside the user's number.
    """

    item_id: str
    provenance: Provenance | None
    structural: ClassVar[bool] = False

    def apply(self, scenario: Scenario) -> Scenario:
        index, item = _item(scenario, self.item_id)
        return _replace_item(scenario, index, item.model_copy(update={"amount_provenance": self.provenance}))

    def inverse(self, scenario: Scenario) -> SetAmountProvenance:
        return SetAmountProvenance(self.item_id, _item(scenario, self.item_id)[1].amount_provenance)


USER_AMOUNT = Provenance(tag="user")
"""The provenance of an amount typed in by the user."""


def set_amount_edit(scenario: Scenario, item_id: str, amount_fen: int) -> Edit:
    """The edit for a typed-in amount: the amount, and its provenance set to "user" unless it already is."""
    _index, item = _item(scenario, item_id)
    provenance = item.amount_provenance
    if provenance is not None and provenance.tag == "user":
        return SetItemAmount(item_id, amount_fen)
    return Batch((SetAmountProvenance(item_id, USER_AMOUNT), SetItemAmount(item_id, amount_fen)))


@dataclass(frozen=True)
class SetItemBasis:
    """Choose what an item splits by: an attribute of the parties, or typed-in weights."""

    item_id: str
    basis: str
    structural: ClassVar[bool] = True

    def apply(self, scenario: Scenario) -> Scenario:
        index, item = _item(scenario, self.item_id)
        data = item.model_dump()
        data["basis"] = self.basis
        try:
            return _replace_item(scenario, index, ProportionalSplit.model_validate(data))
        except ValueError:
            raise EditError("basis", f"unknown basis '{self.basis}'") from None

    def inverse(self, scenario: Scenario) -> SetItemBasis:
        return SetItemBasis(self.item_id, _item(scenario, self.item_id)[1].basis)


@dataclass(frozen=True)
class SetWeight:
    """Set (or, with ``None``, clear) one party's relative weight in an item."""

    item_id: str
    party_id: str
    weight: str | None
    structural: ClassVar[bool] = False

    def apply(self, scenario: Scenario) -> Scenario:
        index, item = _item(scenario, self.item_id)
        weights = dict(item.weights)
        if self.weight is None:
            weights.pop(self.party_id, None)
        else:
            weights[self.party_id] = normalise_weight(self.weight)
        return _replace_item(scenario, index, item.model_copy(update={"weights": weights}))

    def inverse(self, scenario: Scenario) -> SetWeight:
        return SetWeight(self.item_id, self.party_id, _item(scenario, self.item_id)[1].weights.get(self.party_id))


@dataclass(frozen=True)
class SetWeights:
    """Replace all weights of an item at once (e.g. seeded from the current shares)."""

    item_id: str
    weights: tuple[tuple[str, str], ...]
    structural: ClassVar[bool] = True

    def apply(self, scenario: Scenario) -> Scenario:
        index, item = _item(scenario, self.item_id)
        weights = {pid: normalise_weight(w) for pid, w in self.weights}
        return _replace_item(scenario, index, item.model_copy(update={"weights": weights}))

    def inverse(self, scenario: Scenario) -> SetWeights:
        return SetWeights(self.item_id, tuple(_item(scenario, self.item_id)[1].weights.items()))


# --- party edits --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddParty:
    """Add a party at ``position`` (end when None).

    ``memberships`` puts it into items that list their parties explicitly, at the
    given position, and ``weights`` restores its weights; both serve the inverse
    of :class:`RemoveParty`, so a removal undoes exactly.
    """

    party: Party
    position: int | None = None
    memberships: tuple[tuple[str, int], ...] = ()
    weights: tuple[tuple[str, str], ...] = ()
    structural: ClassVar[bool] = True

    def apply(self, scenario: Scenario) -> Scenario:
        if any(p.id == self.party.id for p in scenario.parties):
            raise EditError("parties", f"a party with id '{self.party.id}' is already in the scenario")
        parties = list(scenario.parties)
        parties.insert(len(parties) if self.position is None else self.position, self.party)
        items = list(scenario.items)
        member_at = dict(self.memberships)
        weight_of = dict(self.weights)
        for index, item in enumerate(items):
            update: dict[str, object] = {}
            if item.id in member_at and item.parties:
                ids = list(item.parties)
                ids.insert(member_at[item.id], self.party.id)
                update["parties"] = tuple(ids)
            if item.id in weight_of:
                update["weights"] = {**item.weights, self.party.id: weight_of[item.id]}
            if update:
                items[index] = item.model_copy(update=update)
        return _validated(scenario, parties=tuple(parties), items=tuple(items))

    def inverse(self, scenario: Scenario) -> RemoveParty:
        return RemoveParty(self.party.id)


@dataclass(frozen=True)
class RemoveParty:
    """Remove a party from the scenario and from every item (its weights go with it)."""

    party_id: str
    structural: ClassVar[bool] = True

    def apply(self, scenario: Scenario) -> Scenario:
        if not self._known(scenario):
            self._unknown()
        parties = tuple(p for p in scenario.parties if p.id != self.party_id)
        if not parties:
            raise EditError("parties", "the last party cannot be removed: a scenario needs at least one party")
        items = []
        for index, item in enumerate(scenario.items):
            weights = {pid: w for pid, w in item.weights.items() if pid != self.party_id}
            members = tuple(pid for pid in item.parties if pid != self.party_id)
            if item.parties and not members:
                # an empty list would mean "every party": refuse rather than flip the item's meaning
                raise EditError(
                    f"items[{index}].parties",
                    f"removing '{self.party_id}' would leave “{item.title or item.id}” without parties",
                )
            items.append(item.model_copy(update={"weights": weights, "parties": members}))
        return _validated(scenario, parties=parties, items=tuple(items))

    def inverse(self, scenario: Scenario) -> AddParty:
        if not self._known(scenario):
            self._unknown()
        position = [p.id for p in scenario.parties].index(self.party_id)
        memberships = tuple(
            (item.id, item.parties.index(self.party_id)) for item in scenario.items if self.party_id in item.parties
        )
        weights = tuple(
            (item.id, item.weights[self.party_id]) for item in scenario.items if self.party_id in item.weights
        )
        return AddParty(scenario.party(self.party_id), position, memberships, weights)

    def _known(self, scenario: Scenario) -> bool:
        return any(p.id == self.party_id for p in scenario.parties)

    def _unknown(self) -> None:
        raise EditError("parties", f"no party with id '{self.party_id}'")


def user_figure(value: str | Decimal | int, year: int | None = None, note: str = "") -> Figure:
    """A figure typed in by the user: tagged ``"user"`` so the screen and the PDF say so."""
    try:
        return Figure(value=str(value).strip().replace(",", ""), year=year, source=note, tag="user")
    except ValueError as exc:
        raise EditError("figure", _first_error(exc)) from None


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        error = errors()[0]
        cause = (error.get("ctx") or {}).get("error")
        return str(cause) if cause is not None else error["msg"]
    return str(exc)


@dataclass(frozen=True)
class SetPartyFigure:
    """Set (or, with ``None``, clear) one figure of a party; typed-in figures carry tag "user"."""

    party_id: str
    attribute: str
    figure: Figure | None
    structural: ClassVar[bool] = True

    def apply(self, scenario: Scenario) -> Scenario:
        if not any(p.id == self.party_id for p in scenario.parties):
            raise EditError("parties", f"no party with id '{self.party_id}'")
        parties = []
        for party in scenario.parties:
            if party.id == self.party_id:
                figures = dict(party.figures)
                if self.figure is None:
                    figures.pop(self.attribute, None)  # type: ignore[call-overload]
                else:
                    figures[self.attribute] = self.figure  # type: ignore[index]
                data = party.model_dump()
                data["figures"] = {k: v.model_dump() for k, v in figures.items()}
                try:
                    party = Party.model_validate(data)
                except ValueError:
                    raise EditError("attribute", f"unknown attribute '{self.attribute}'") from None
            parties.append(party)
        return _validated(scenario, parties=tuple(parties))

    def inverse(self, scenario: Scenario) -> SetPartyFigure:
        return SetPartyFigure(self.party_id, self.attribute, scenario.party(self.party_id).figure(self.attribute))


@dataclass(frozen=True)
class SetTitle:
    """Rename the scenario."""

    title: str
    structural: ClassVar[bool] = False

    def apply(self, scenario: Scenario) -> Scenario:
        if not self.title.strip():
            raise EditError("title", "must not be empty")
        return _validated(scenario, title=self.title)

    def inverse(self, scenario: Scenario) -> SetTitle:
        return SetTitle(scenario.title)


@dataclass(frozen=True)
class Batch:
    """Several edits applied in order as one step (e.g. switch to weights and seed them)."""

    edits: tuple[Edit, ...] = field(default_factory=tuple)
    structural: ClassVar[bool] = True

    def apply(self, scenario: Scenario) -> Scenario:
        for edit in self.edits:
            scenario = edit.apply(scenario)
        return scenario

    def inverse(self, scenario: Scenario) -> Batch:
        inverses = []
        for edit in self.edits:
            inverses.append(edit.inverse(scenario))
            scenario = edit.apply(scenario)
        return Batch(tuple(reversed(inverses)))
