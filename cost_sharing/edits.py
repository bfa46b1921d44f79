"""User edits of a scenario as small immutable commands.

Every change a negotiator makes in the application is one of these frozen
dataclasses: ``apply(scenario)`` returns a new scenario (the old one is never
touched) or raises :class:`EditError` naming the field. Scenarios are immutable,
so undo needs no inverse edits: the application's undo stack keeps the scenario
before and after each edit. ``label`` names the edit after "Undo"/"Redo".

``structural`` marks edits that change what the scenario is made of (parties,
figures, the basis) rather than a number being tuned; the application saves a
recovery copy right after each of them.

The edits here are the ones every instrument shares (parties, figures, titles,
an item's title and notes, the signing details of the agreement); each
instrument's own edits live in its folder and use :func:`item_at` and
:func:`replace_item`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Protocol, TypeVar

from pydantic import ValidationError

from .bilingual import Bilingual
from .numbers import MAX_QUANTITY, NumberError, TextError, canonical_decimal, check_fen, check_text, parse_decimal
from .scenario import BrokenReferenceError, Figure, ItemBase, Party, Scenario
from .storage import problems_from_validation

ItemT = TypeVar("ItemT", bound=ItemBase)


class EditError(ValueError):
    """An edit that does not fit the scenario (unknown item or party, bad value); names the field."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


class Edit(Protocol):
    """What every edit offers: apply it to a scenario, and say what it is called."""

    structural: ClassVar[bool]
    label: ClassVar[Bilingual]

    def apply(self, scenario: Scenario) -> Scenario: ...


# --- helpers for the edits of every instrument ----------------------------------------------------


def item_at(scenario: Scenario, item_id: str) -> tuple[int, ItemBase]:
    """The position and the item with this id; EditError when there is none."""
    for index, item in enumerate(scenario.items):
        if item.id == item_id:
            return index, item
    raise EditError("items", f"no item with id '{item_id}'")


def item_of(scenario: Scenario, item_id: str, model: type[ItemT], what: str) -> tuple[int, ItemT]:
    """The position and the item with this id, which must be of ``model`` (``what`` names the kind in the message)."""
    index, item = item_at(scenario, item_id)
    if not isinstance(item, model):
        raise EditError("items", f"item '{item_id}' is not {what}")
    return index, item


def updated_item(scenario: Scenario, item_id: str, model: type[ItemBase], what: str, **changes: object) -> Scenario:
    """The scenario with fields of its item ``item_id`` (of ``model``) changed, validated with the item."""
    index, item = item_of(scenario, item_id, model, what)
    return replace_item(scenario, index, item.model_copy(update=changes))


def read_fen(value: object, field: str) -> int:
    """Whole fen within the bounds of every amount, else EditError naming ``field``."""
    try:
        return check_fen(value)
    except NumberError as exc:
        raise EditError(field, exc.text.en) from None


def read_decimal(value: object, field: str, maximum: Decimal = MAX_QUANTITY) -> str:
    """An exact non-negative decimal as canonical text ("2,093.780" → "2093.78"), else EditError naming ``field``."""
    try:
        return canonical_decimal(parse_decimal(value, maximum=maximum))
    except NumberError as exc:
        raise EditError(field, exc.text.en) from None


def read_whole(value: object, field: str, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` (an int, or text such as "12"), else EditError naming ``field``."""
    try:
        number = parse_decimal(value, maximum=Decimal(high), places=0)
    except NumberError as exc:
        raise EditError(field, exc.text.en) from None
    if number < low:
        raise EditError(field, f"must be at least {low} (got {number})")
    return int(number)


def read_text(value: object, field: str, *, required: bool) -> str:
    """Text by the rules of every text field (see ``numbers.check_text``), stripped; else EditError naming ``field``."""
    if not isinstance(value, str):
        raise EditError(field, "must be text")
    text = value.strip()
    if required and not text:
        raise EditError(field, "must not be empty")
    try:
        check_text(text)
    except TextError as exc:
        raise EditError(field, exc.text.en) from None
    return text


def replace_item(scenario: Scenario, index: int, item: ItemBase) -> Scenario:
    """The scenario with its ``index``-th item replaced.

    Only what changed is validated — the new item by its model, then the scenario's references — so a slider
    step does not re-check every party's every text (the rest of the scenario was valid and is unchanged).
    """
    try:
        checked = type(item).model_validate(item.model_dump())
    except ValueError as exc:
        field, message = _first_problem(exc)
        raise EditError(f"items[{index}].{field}", message) from None
    items = list(scenario.items)
    items[index] = checked
    changed = scenario.model_copy(update={"items": tuple(items)})
    try:
        changed._check_references()
    except BrokenReferenceError as exc:
        raise EditError(exc.field, exc.message) from None
    return changed


def validated(scenario: Scenario, **changes: object) -> Scenario:
    """``model_copy`` skips validation; re-validating keeps every invariant of the model."""
    try:
        return Scenario.model_validate(scenario.model_copy(update=changes).model_dump())
    except ValueError as exc:
        raise EditError(*_first_problem(exc)) from None


def _first_problem(exc: ValueError) -> tuple[str, str]:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        error = errors()[0]
        cause = (error.get("ctx") or {}).get("error")
        where = ".".join(str(part) for part in error["loc"]) or "scenario"
        return getattr(cause, "field", where), getattr(cause, "message", str(cause) if cause else error["msg"])
    return "scenario", str(exc)


# --- party edits --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddParty:
    """Add a party at ``position`` (end when None); items that list their members take it in."""

    party: Party
    position: int | None = None
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("添加参与方", "add party")

    def apply(self, scenario: Scenario) -> Scenario:
        if any(p.id == self.party.id for p in scenario.parties):
            raise EditError("parties", f"a party with id '{self.party.id}' is already in the scenario")
        parties = list(scenario.parties)
        parties.insert(len(parties) if self.position is None else self.position, self.party)
        items = tuple(item.with_party(self.party.id) for item in scenario.items)
        return validated(scenario, parties=tuple(parties), items=items)


@dataclass(frozen=True)
class RemoveParty:
    """Remove a party from the scenario and from every item (what an item holds for it goes with it)."""

    party_id: str
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("移除参与方", "remove party")

    def apply(self, scenario: Scenario) -> Scenario:
        _require_party(scenario, self.party_id)
        parties = tuple(p for p in scenario.parties if p.id != self.party_id)
        if not parties:
            raise EditError("parties", "the last party cannot be removed: a scenario needs at least one party")
        items = []
        for index, item in enumerate(scenario.items):
            try:
                items.append(item.without_party(self.party_id))
            except ValueError as exc:
                raise EditError(f"items[{index}].parties", str(exc)) from None
        return validated(scenario, parties=parties, items=tuple(items))


def user_figure(value: str | Decimal | int, year: int | None = None, note: str = "") -> Figure:
    """A figure typed in by the user: tagged ``"user"`` so the screen and the PDF say so."""
    try:
        return Figure(value=value, year=year, source=note, tag="user")
    except ValueError as exc:
        raise EditError("figure", _first_problem(exc)[1]) from None


@dataclass(frozen=True)
class SetPartyFigure:
    """Set (or, with ``None``, clear) one figure of a party; typed-in figures carry tag "user"."""

    party_id: str
    attribute: str
    figure: Figure | None
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("录入数据", "enter figure")

    def apply(self, scenario: Scenario) -> Scenario:
        _require_party(scenario, self.party_id)
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
        return validated(scenario, parties=tuple(parties))


@dataclass(frozen=True)
class SetTitle:
    """Rename the scenario."""

    title: str
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("重命名方案", "rename scenario")

    def apply(self, scenario: Scenario) -> Scenario:
        if not self.title.strip():
            raise EditError("title", "must not be empty")
        data = scenario.model_dump()
        data["title"] = self.title
        return _revalidated(data)


@dataclass(frozen=True)
class Batch:
    """Several edits applied in order as one step (e.g. switch to weights and seed them).

    It is named after its last edit, the one that says what the user did.
    """

    edits: tuple[Edit, ...] = field(default_factory=tuple)
    structural: ClassVar[bool] = True

    @property
    def label(self) -> Bilingual:  # type: ignore[override]
        return self.edits[-1].label if self.edits else Bilingual("编辑", "edit")

    def apply(self, scenario: Scenario) -> Scenario:
        for edit in self.edits:
            scenario = edit.apply(scenario)
        return scenario


# --- titles, notes and signing details (what an agreement needs besides numbers) ------------------


def _revalidated(data: dict[str, Any]) -> Scenario:
    """The scenario from edited data, by the file's own reading rules; the first problem names the field."""
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        problem = problems_from_validation(exc)[0]
        raise EditError(problem.field, problem.message) from None


def _with_agreement(scenario: Scenario, **changes: object) -> Scenario:
    data = scenario.model_dump()
    data["agreement"].update(changes)
    return _revalidated(data)


def _require_party(scenario: Scenario, party_id: str) -> None:
    if not any(p.id == party_id for p in scenario.parties):
        raise EditError("parties", f"no party with id '{party_id}'")


def _by_party(entries: dict[str, str], party_id: str, text: str) -> dict[str, str]:
    """``entries`` with the party's text set, or removed when the text is blank (the printed default applies)."""
    changed = {key: value for key, value in entries.items() if key != party_id}
    if text.strip():
        changed[party_id] = text.strip()
    return changed


@dataclass(frozen=True)
class SetTitleEn:
    """Set the title the English reference translation prints (empty: the Chinese title)."""

    title_en: str
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("修改英文标题", "change English title")

    def apply(self, scenario: Scenario) -> Scenario:
        data = scenario.model_dump()
        data["title_en"] = self.title_en
        return _revalidated(data)


ITEM_TEXT_FIELDS = ("title", "notes")
"""The fields every item kind has that change no number (:attr:`ItemBase.PRESENTATION_FIELDS`)."""


@dataclass(frozen=True)
class SetItemText:
    """Set an item's title or notes, whatever its kind."""

    item_id: str
    field: str
    text: str
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("修改事项文字", "change item text")

    def apply(self, scenario: Scenario) -> Scenario:
        if self.field not in ITEM_TEXT_FIELDS:
            raise EditError("field", f"'{self.field}' is not an item text; use one of {', '.join(ITEM_TEXT_FIELDS)}")
        index, _item = item_at(scenario, self.item_id)
        data = scenario.model_dump()
        data["items"][index][self.field] = self.text
        return _revalidated(data)


@dataclass(frozen=True)
class SetSigningDate:
    """Set the signing date (None: blank lines for a date written by hand)."""

    signing_date: date | None
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("修改签订日期", "change signing date")

    def apply(self, scenario: Scenario) -> Scenario:
        return _with_agreement(scenario, signing_date=self.signing_date)


@dataclass(frozen=True)
class SetSigningPlace:
    """Set where the agreement is signed (printed as 签订地点：…)."""

    place: str
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("修改签订地点", "change signing place")

    def apply(self, scenario: Scenario) -> Scenario:
        return _with_agreement(scenario, signing_place=self.place.strip())


@dataclass(frozen=True)
class _PartySigningText:
    """A text of one party's signature block, kept by party id in the agreement settings; blank removes it."""

    party_id: str
    text: str
    structural: ClassVar[bool] = True
    settings_field: ClassVar[str]

    def apply(self, scenario: Scenario) -> Scenario:
        _require_party(scenario, self.party_id)
        entries = _by_party(getattr(scenario.agreement, self.settings_field), self.party_id, self.text)
        return _with_agreement(scenario, **{self.settings_field: entries})


@dataclass(frozen=True)
class SetRepresentative(_PartySigningText):
    """Set a party's authorised representative (blank removes the name: the line is signed by hand)."""

    settings_field: ClassVar[str] = "representatives"
    label: ClassVar[Bilingual] = Bilingual("修改授权代表", "change representative")


@dataclass(frozen=True)
class SetSignatory(_PartySigningText):
    """Set the office that signs for a party (blank: the party's name's government, 成都市 → 成都市人民政府)."""

    settings_field: ClassVar[str] = "signatories"
    label: ClassVar[Bilingual] = Bilingual("修改签署机关", "change signatory office")


@dataclass(frozen=True)
class SetCopiesPerParty:
    """Set how many originals each party keeps (the final article's 各方各执M份)."""

    copies: int
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("修改协议份数", "change number of copies")

    def apply(self, scenario: Scenario) -> Scenario:
        return _with_agreement(scenario, copies_per_party=self.copies)
