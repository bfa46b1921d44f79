"""The proportional split: an amount shared in proportion to an attribute of the parties or to weights."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal, Self

from pydantic import Field, StrictInt

from ...numbers import MAX_AMOUNT_FEN
from ...scenario import ItemBase, NonNegativeDecimal, Provenance, require_unique

BASES = ("population", "gdp", "budget_revenue", "area", "weights")


class ProportionalSplit(ItemBase):
    """Split an amount among parties in proportion to an attribute or to typed-in weights."""

    kind: Literal["proportional_split"] = "proportional_split"
    amount_fen: Annotated[StrictInt, Field(ge=0, le=MAX_AMOUNT_FEN)]
    amount_provenance: Provenance | None = None
    parties: tuple[Annotated[str, Field(min_length=1, max_length=64)], ...] = ()
    """Party ids taking part, in table order; empty means every party of the scenario."""
    basis: Literal["population", "gdp", "budget_revenue", "area", "weights"] = "population"
    weights: dict[str, NonNegativeDecimal] = Field(default_factory=dict)
    """Relative weights by party id, used when ``basis`` is ``"weights"``."""

    PRESENTATION_FIELDS: ClassVar[frozenset[str]] = frozenset({"title", "notes", "amount_provenance"})

    def member_ids(self, party_ids: tuple[str, ...]) -> tuple[str, ...]:
        return self.parties or party_ids

    def party_references(self) -> Iterator[tuple[str, str]]:
        for position, pid in enumerate(self.parties):
            yield f"parties[{position}]", pid
        for pid in self.weights:
            yield f"weights.{pid}", pid

    def reference_problems(self, party_ids: tuple[str, ...]) -> Iterator[tuple[str, str]]:
        try:
            require_unique(list(self.parties), "parties", "party id")
        except ValueError as exc:
            yield exc.field, exc.message  # type: ignore[attr-defined]
        members = set(self.member_ids(party_ids))
        for pid in self.weights:
            if pid not in members:
                yield f"weights.{pid}", f"party '{pid}' is not in this item"

    def with_party(self, party_id: str) -> Self:
        # an item listing its parties takes the newcomer in; an empty list already means everyone
        return self.model_copy(update={"parties": (*self.parties, party_id)}) if self.parties else self

    def without_party(self, party_id: str) -> Self:
        members = tuple(pid for pid in self.parties if pid != party_id)
        if self.parties and not members:
            # an empty list would mean "every party": refuse rather than flip the item's meaning
            raise ValueError(f"removing '{party_id}' would leave “{self.title or self.id}” without parties")
        weights = {pid: w for pid, w in self.weights.items() if pid != party_id}
        return self.model_copy(update={"parties": members, "weights": weights})
