"""The scenario: what negotiators save, share and reopen.

A scenario is one JSON document: a title, the parties, one or more items over
those parties, notes, and the provenance of every preset value. The models are
immutable pydantic models; an edit makes a new scenario, which is what undo/redo
and the fingerprint rely on.

Each instrument of Chapter 8 §3 is one *item kind* (see :mod:`.instrument`): its
model subclasses :class:`ItemBase` and lives in its own folder under
``instruments/``. The scenario's ``items`` accept every registered kind, chosen
by the ``kind`` field; nothing here names a kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializeAsAny,
    StrictInt,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .agreement.settings import AgreementSettings
from .bilingual import Bilingual
from .numbers import (
    NumberError,
    TextError,
    canonical_decimal,
    check_text,
    excerpt,
    multi_line,
    one_line,
    parse_decimal,
    visible_line,
)

SCHEMA_VERSION = 2
"""The scenario format this version of Accord writes (and the newest it reads)."""

ATTRIBUTE_NAMES = ("population", "gdp", "budget_revenue", "area")
Attribute = Literal["population", "gdp", "budget_revenue", "area"]

ProvenanceTag = Literal["S", "S-2", "D", "U", "A", "user"]
"""Where a value comes from: [S] sourced, [S-2] secondary source, [D] derived,
[U] unverified, [A] assumed for an example, or typed in by the user."""


def _decimal_text(value: Any) -> Any:
    """Normalise an exact decimal given as text, int or Decimal to canonical text (the rules of :mod:`.numbers`)."""
    if isinstance(value, str | int | float | Decimal):  # bool is an int: parse_decimal refuses it by name
        try:
            return canonical_decimal(parse_decimal(value))
        except NumberError as exc:
            raise ValueError(exc.text.en) from None
    return value  # let the str type check report the wrong type


NonNegativeDecimal = Annotated[str, BeforeValidator(_decimal_text)]


def _id_text(value: str) -> str:
    """An id is printed inside article placeholders (``{amount:ID}``): no spaces, no braces, nothing invisible."""
    check_text(value)
    bad = next((c for c in value if c.isspace() or c in "{}" or not c.isprintable()), None)
    if bad is not None:
        raise TextError(
            Bilingual(
                f"编号不能含空白、花括号或不可见字符（含有{bad!r}）",
                f"an id must not contain spaces, braces or invisible characters (found {bad!r})",
            )
        )
    return value


Id = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_id_text)]
"""A party or item id: 1–64 printable characters without spaces or braces."""
Year = Annotated[StrictInt, Field(ge=1000, le=9999)]
"""A statistical year, printed as four digits in the footer and the annexes."""

# Length limits of every text field (docs/scenario-format.md); every renderer is tested with all of them at once.
NAME_LENGTH = 100
TITLE_LENGTH = 200
SOURCE_LENGTH = 2_000
NOTE_LENGTH = 2_000
NOTES_LENGTH = 20_000
Name = Annotated[str, Field(min_length=1, max_length=NAME_LENGTH), AfterValidator(visible_line)]
NameEn = Annotated[str, Field(max_length=NAME_LENGTH), AfterValidator(visible_line)]
Title = Annotated[str, Field(min_length=1, max_length=TITLE_LENGTH), AfterValidator(visible_line)]
ItemTitle = Annotated[str, Field(max_length=TITLE_LENGTH), AfterValidator(visible_line)]
TitleEn = ItemTitle
"""Optional like an item's title: empty, or something that shows on paper."""
Source = Annotated[str, Field(max_length=SOURCE_LENGTH), AfterValidator(one_line)]
Note = Annotated[str, Field(max_length=NOTE_LENGTH), AfterValidator(multi_line)]
Notes = Annotated[str, Field(max_length=NOTES_LENGTH), AfterValidator(multi_line)]
Code = Annotated[str, Field(max_length=32), AfterValidator(one_line)]
Province = Annotated[str, Field(max_length=64), AfterValidator(one_line)]
MAX_PARTIES = 60
"""More governments than any agreement has (the cluster has 44 units), and few enough that every export takes
seconds."""
MAX_ITEMS = 50
"""Room for a package deal over many projects (roadmap item 8); an export of 50 items still takes seconds."""


class _Model(BaseModel):
    # defer_build: validators are compiled on first validation, not at import, so the
    # window can open on the trusted embedded default before pydantic has built anything.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Provenance(_Model):
    """Where a preset value comes from, carried through to the screen and the PDF."""

    tag: ProvenanceTag
    source: Source = ""
    note: Note = ""


class Figure(_Model):
    """One statistical figure of a party, with its year and source."""

    value: NonNegativeDecimal
    year: Year | None = None
    source: Source = ""
    tag: ProvenanceTag = "S"

    @property
    def user_entered(self) -> bool:
        return self.tag == "user"


class Party(_Model):
    """A government taking part: a cluster unit, a province, or a custom party."""

    id: Id
    name_zh: Name
    name_en: NameEn = ""
    """Empty means the English agreement prints the Chinese name; when given, it must have visible characters."""
    code: Code | None = None
    province: Province | None = None
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


class ItemBase(_Model):
    """What every item kind has: its kind, an id, a title and notes.

    A kind's model adds its parameters and says which parties it refers to, so that
    adding or removing a party, validating references and listing the members of an
    item work the same for every instrument.
    """

    kind: str
    id: Id
    title: ItemTitle = ""
    """Empty means untitled; when given, it must have visible characters."""
    notes: Notes = ""

    PRESENTATION_FIELDS: ClassVar[frozenset[str]] = frozenset({"title", "notes"})
    """Fields that change no number: left out of the fingerprint."""

    def member_ids(self, party_ids: tuple[str, ...]) -> tuple[str, ...]:
        """The ids of the parties taking part, in table order, given every party of the scenario."""
        return party_ids

    def party_references(self) -> Iterator[tuple[str, str]]:
        """Every party id the item names, with the field (relative to the item) that names it."""
        return iter(())

    def reference_problems(self, party_ids: tuple[str, ...]) -> Iterator[tuple[str, str]]:
        """(field, message) for references that resolve but do not fit (e.g. a weight of a non-member)."""
        return iter(())

    def with_party(self, party_id: str) -> Self:
        """The item after a party joins the scenario (items listing members explicitly may take it in)."""
        return self

    def without_party(self, party_id: str) -> Self:
        """The item after a party leaves the scenario; raises ValueError naming the field if it cannot."""
        return self


def _dispatch_item(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """Validate an item with the model of its registered kind."""
    from .instrument import instrument_for

    if isinstance(value, ItemBase):
        return value
    if not isinstance(value, dict):
        raise PydanticCustomError("model_type", "expected an object")
    kind = value.get("kind")
    if kind is None:
        raise PydanticCustomError("union_tag_not_found", "the item has no 'kind'")
    try:
        model = instrument_for(str(kind)).model
    except KeyError:
        from .instrument import instruments

        known = ", ".join(repr(i.kind) for i in instruments())
        raise PydanticCustomError(
            "union_tag_invalid",
            "unknown kind '{tag}'; known kinds: {expected_tags}",
            {"tag": str(kind)[:64], "expected_tags": known},
        ) from None
    return model.model_validate(value)


Item = Annotated[SerializeAsAny[ItemBase], WrapValidator(_dispatch_item)]
"""An item of any registered kind."""


class Scenario(_Model):
    """A whole negotiation scenario."""

    schema_version: Literal[2] = SCHEMA_VERSION
    title: Title
    title_en: TitleEn = ""
    """The title in the English reference translation; empty prints the Chinese title there."""
    notes: Notes = ""
    parties: Annotated[tuple[Party, ...], Field(max_length=MAX_PARTIES)]
    items: Annotated[tuple[Item, ...], Field(max_length=MAX_ITEMS)]
    display: DisplaySettings = DisplaySettings()
    agreement: AgreementSettings = AgreementSettings()

    @model_validator(mode="after")
    def _check_references(self) -> Scenario:
        party_ids = [p.id for p in self.parties]
        require_unique(party_ids, "parties", "party id")
        require_unique([i.id for i in self.items], "items", "item id")
        known = set(party_ids)
        ids = tuple(party_ids)
        for index, item in enumerate(self.items):
            for field, pid in item.party_references():
                if pid not in known:
                    raise BrokenReferenceError(f"items[{index}].{field}", f"unknown party id '{excerpt(pid)}'")
            for field, message in item.reference_problems(ids):
                raise BrokenReferenceError(f"items[{index}].{field}", message)
        return self

    def party(self, party_id: str) -> Party:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(f"no party with id '{party_id}'")

    def item_parties(self, item: ItemBase) -> tuple[Party, ...]:
        """The parties taking part in an item, in table order."""
        return tuple(self.party(pid) for pid in item.member_ids(tuple(p.id for p in self.parties)))

    def item(self, item_id: str) -> ItemBase:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"no item with id '{item_id}'")

    def to_json_data(self) -> dict[str, Any]:
        """Plain JSON-ready data, with every default written out (files are explicit)."""
        return self.model_dump(mode="json")


class BrokenReferenceError(ValueError):
    """A cross-reference inside a scenario that does not resolve; names the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def require_unique(values: list[str], field: str, what: str) -> None:
    seen: set[str] = set()
    for pos, value in enumerate(values):
        if value in seen:
            raise BrokenReferenceError(f"{field}[{pos}]", f"duplicate {what} '{excerpt(value)}'")
        seen.add(value)
