"""The edits of a proportional split: its amount, where the amount comes from, its basis and weights."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from ...bilingual import Bilingual
from ...edits import Batch, Edit, EditError, item_of, read_decimal, updated_item
from ...numbers import NumberError, check_fen
from ...scenario import Provenance, Scenario
from .model import BASES, ProportionalSplit


def _split(scenario: Scenario, item_id: str) -> tuple[int, ProportionalSplit]:
    return item_of(scenario, item_id, ProportionalSplit, "a proportional split")


def _updated(scenario: Scenario, item_id: str, **changes: object) -> Scenario:
    """The scenario with fields of the split ``item_id`` changed (validated with the item)."""
    return updated_item(scenario, item_id, ProportionalSplit, "a proportional split", **changes)


def normalise_weight(text: str | Decimal | int) -> str:
    """A weight as canonical decimal text, by the reading rules of every number (see ``numbers``)."""
    return read_decimal(text, "weight")


@dataclass(frozen=True)
class SetItemAmount:
    """Set the amount (in fen) an item splits."""

    item_id: str
    amount_fen: int
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改金额", "change amount")

    def apply(self, scenario: Scenario) -> Scenario:
        try:
            amount = check_fen(self.amount_fen)
        except NumberError as exc:
            raise EditError("amount_fen", exc.text.en) from None
        return _updated(scenario, self.item_id, amount_fen=amount)


@dataclass(frozen=True)
class SetAmountProvenance:
    """Set (or, with ``None``, clear) where an item's amount comes from.

    Paired with :class:`SetItemAmount` when the user types over a preset amount: the
    typed amount is then tagged ``"user"``, so a source or an "assumed" note that
    belonged to the preset is never shown beside the user's number.
    """

    item_id: str
    provenance: Provenance | None
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改金额来源", "change amount source")

    def apply(self, scenario: Scenario) -> Scenario:
        return _updated(scenario, self.item_id, amount_provenance=self.provenance)


USER_AMOUNT = Provenance(tag="user")
"""The provenance of an amount typed in by the user."""


def set_amount_edit(scenario: Scenario, item_id: str, amount_fen: int) -> Edit:
    """The edit for a typed-in amount: the amount, and its provenance set to "user" unless it already is."""
    _index, item = _split(scenario, item_id)
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
    label: ClassVar[Bilingual] = Bilingual("修改分摊依据", "change basis")

    def apply(self, scenario: Scenario) -> Scenario:
        if self.basis not in BASES:
            raise EditError("basis", f"unknown basis '{self.basis}'")
        return _updated(scenario, self.item_id, basis=self.basis)


@dataclass(frozen=True)
class SetWeight:
    """Set (or, with ``None``, clear) one party's relative weight in an item."""

    item_id: str
    party_id: str
    weight: str | None
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改权重", "change weight")

    def apply(self, scenario: Scenario) -> Scenario:
        weights = dict(_split(scenario, self.item_id)[1].weights)
        if self.weight is None:
            weights.pop(self.party_id, None)
        else:
            weights[self.party_id] = normalise_weight(self.weight)
        return _updated(scenario, self.item_id, weights=weights)


@dataclass(frozen=True)
class SetWeights:
    """Replace all weights of an item at once (e.g. seeded from the current shares)."""

    item_id: str
    weights: tuple[tuple[str, str], ...]
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("设置权重", "set weights")

    def apply(self, scenario: Scenario) -> Scenario:
        return _updated(scenario, self.item_id, weights={pid: normalise_weight(w) for pid, w in self.weights})
