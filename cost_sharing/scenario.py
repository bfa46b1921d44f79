"""The scenario: what negotiators save, share and reopen.

A scenario is one JSON document: a title, the parties, one or more mechanism
items over those parties, notes, and the provenance of every preset value.
The models are immutable pydantic models; an edit makes a new scenario, which
is what undo/redo and the fingerprint rely on.

Each mechanism is one *item kind* with a ``kind`` discriminator. The core has
the proportional split; the instruments of the roadmap (cost sharing, ecological
compensation, tax split, integration fund) are further kinds in the same union.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, model_validator

from .agreement.settings import AgreementSettings

SCHEMA_VERSION = 1
"""The scenario format this version of Accord writes (and the newest it reads)."""

ATTRIBUTE_NAMES = ("population", "gdp", "budget_revenue", "area")
Attribute = Literal["population", "gdp", "budget_revenue", "area"]

ProvenanceTag = Literal["S", "S-2", "D", "U", "A", "user"]
"""Where a value comes from: [S] sourced, [S-2] secondary source, [D] derived,
[U] unverified, [A] assumed for an example, or typed in by the user."""


def _decimal_text(value: Any) -> Any:
    """Normalise an exact decimal given as text, int or Decimal to canonical text.

    Floats are refused: a JSON file is parsed with Decimal for non-integers, so a
    float can only come from code, where it would already have lost exactness.
    """
    if isinstance(value, (bool, float)):
        raise ValueError('must be an exact decimal number written as text, e.g. "2093.78"')
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"'{value}' is not a number") from None
    else:
        return value  # let the str type check report the wrong type
    if not number.is_finite():
        raise ValueError("must be a finite number (NaN and infinity are not allowed)")
    if number < 0:
        raise ValueError(f"must not be negative (got {value})")
    return canonical_decimal(number)


def canonical_decimal(number: Decimal) -> str:
    """One text for one value: no exponent, no trailing zeros ("2093.780" → "2093.78")."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


NonNegativeDecimal = Annotated[str, BeforeValidator(_decimal_text)]


class _Model(BaseModel):
    # defer_build: validators are compiled on first validation, not at import, so the
    # window can open on the trusted embedded default before pydantic has built anything.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Provenance(_Model):
    """Where a preset value comes from, carried through to the screen and the PDF."""

    tag: ProvenanceTag
    source: str = ""
    note: str = ""


class Figure(_Model):
    """One statistical figure of a party, with its year and source."""

    value: NonNegativeDecimal
    year: StrictInt | None = None
    source: str = ""
    tag: ProvenanceTag = "S"

    @property
    def user_entered(self) -> bool:
        return self.tag == "user"


class Party(_Model):
    """A government taking part: a cluster unit, a province, or a custom party."""

    id: Annotated[str, Field(min_length=1, max_length=64)]
    name_zh: Annotated[str, Field(min_length=1, max_length=200)]
    name_en: str = ""
    code: str | None = None
    province: str | None = None
    figures: dict[Attribute, Figure] = Field(default_factory=dict)

    def figure(self, attribute: str) -> Figure | None:
        """The party's figure for ``attribute``, or None when it is missing (never zero)."""
        return self.figures.get(attribute)  # type: ignore[call-overload]

    def name(self, lang: str = "zh") -> str:
        return self.name_en or self.name_zh if lang == "en" else self.name_zh


class DisplaySettings(_Model):
    """Precision at which amounts are shown in tables, exports and the PDF."""

    unit: Literal["yuan", "wan_yuan", "yi_yuan"] = "wan_yuan"
    decimals: Annotated[StrictInt, Field(ge=0, le=6)] = 2


class ProportionalSplit(_Model):
    """Split an amount among parties in proportion to an attribute or to typed-in weights."""

    kind: Literal["proportional_split"] = "proportional_split"
    id: Annotated[str, Field(min_length=1, max_length=64)]
    title: str = ""
    amount_fen: Annotated[StrictInt, Field(ge=0)]
    amount_provenance: Provenance | None = None
    parties: tuple[str, ...] = ()
    """Party ids taking part, in table order; empty means every party of the scenario."""
    basis: Literal["population", "gdp", "budget_revenue", "area", "weights"] = "population"
    weights: dict[str, NonNegativeDecimal] = Field(default_factory=dict)
    """Relative weights by party id, used when ``basis`` is ``"weights"``."""
    notes: str = ""


Item = Annotated[ProportionalSplit, Field(discriminator="kind")]
ITEM_KINDS = ("proportional_split",)


class Scenario(_Model):
    """A whole negotiation scenario."""

    schema_version: Literal[1] = SCHEMA_VERSION
    title: Annotated[str, Field(min_length=1, max_length=500)]
    notes: str = ""
    parties: tuple[Party, ...]
    items: tuple[Item, ...]
    display: DisplaySettings = DisplaySettings()
    agreement: AgreementSettings = AgreementSettings()

    @model_validator(mode="after")
    def _check_references(self) -> Scenario:
        party_ids = [p.id for p in self.parties]
        _require_unique(party_ids, "parties", "party id")
        _require_unique([i.id for i in self.items], "items", "item id")
        known = set(party_ids)
        for index, item in enumerate(self.items):
            for pos, pid in enumerate(item.parties):
                if pid not in known:
                    raise BrokenReferenceError(f"items[{index}].parties[{pos}]", f"unknown party id '{pid}'")
            _require_unique(list(item.parties), f"items[{index}].parties", "party id")
            members = set(item.parties) or known
            for pid in item.weights:
                if pid not in known:
                    raise BrokenReferenceError(f"items[{index}].weights.{pid}", f"unknown party id '{pid}'")
                if pid not in members:
                    raise BrokenReferenceError(f"items[{index}].weights.{pid}", f"party '{pid}' is not in this item")
        return self

    def party(self, party_id: str) -> Party:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(f"no party with id '{party_id}'")

    def item_parties(self, item: ProportionalSplit) -> tuple[Party, ...]:
        """The parties of an item in table order (all parties when the item names none)."""
        if not item.parties:
            return self.parties
        return tuple(self.party(pid) for pid in item.parties)

    def to_json_data(self) -> dict[str, Any]:
        """Plain JSON-ready data, with every default written out (files are explicit)."""
        return self.model_dump(mode="json")


class BrokenReferenceError(ValueError):
    """A cross-reference inside a scenario that does not resolve; names the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def _require_unique(values: list[str], field: str, what: str) -> None:
    seen: set[str] = set()
    for pos, value in enumerate(values):
        if value in seen:
            raise BrokenReferenceError(f"{field}[{pos}]", f"duplicate {what} '{value}'")
        seen.add(value)
