"""The edits of a basin agreement: sections, indicators, monitoring samples, the rule, the period, the what-if scale.

Every change the ecological-compensation workspace makes is one of these frozen dataclasses (see :mod:`...edits`):
``apply(scenario)`` returns a new scenario, validated with the item, or raises :class:`EditError` naming the
field (``sections[1].upstream[0].ratio``, ``rule.k0``); a refused edit leaves the scenario untouched. Numbers
are read by the one reading rule (:mod:`...numbers`): concentrations, ratios, weights and flows are exact
decimals, amounts whole fen, never floats.

What goes with what:

* removing a section removes its monitoring samples and its stake in a pooled fund; removing an indicator
  removes its samples, its weight or unit standard and its per-indicator contribution ratios; renaming an
  indicator's code renames it everywhere; a new period keeps only the samples inside it. Each is one undo step.
* the provenance of the rule and of an indicator's limits stays when one of their values is typed over: a
  tag covers all of the rule's parameters (or both limits), and a warning that some of them are unverified or
  assumed must not disappear because another one was changed. Choosing another rule type starts from that
  type's preset, with the preset's own provenance.
* :class:`SetQualityScale` is the trainer's slider, dozens of steps a second: it checks the one number it
  changes and copies the item without validating the monitoring samples again (nothing else changed).

:func:`read_item_monitoring` reads a CSV or Excel file of samples against the item (sections by id or by
Chinese name); :class:`ReplaceSamples` puts them in.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

from ...bilingual import Bilingual
from ...edits import EditError, item_of, read_decimal, read_fen, read_text, replace_item
from ...numbers import MAX_AMOUNT_FEN, NumberError, canonical_decimal, parse_decimal
from ...scenario import Provenance, Scenario
from .model import (
    MAX_QUALITY_SCALE,
    EcoCompensation,
    ExceedanceRule,
    Indicator,
    MonthlyStatusRule,
    Period,
    PerTonneRule,
    PIndexRule,
    PooledFundRule,
    Rule,
    Sample,
    Section,
    Upstream,
)
from .monitoring import MonitoringError, read_monitoring

WHAT = "an ecological-compensation item"
RULE_TYPES = ("p_index", "per_tonne", "pooled_fund", "monthly_status", "exceedance")
"""The rule types, in the order the workspace lists them."""

RULE_PARAMS: Mapping[str, Mapping[str, str]] = {
    "p_index": {"k0": "decimal", "threshold": "decimal", "amount_fen": "fen", "central_fen": "fen"},
    "per_tonne": {},
    "pooled_fund": {"fund_fen": "fen", "failure": "choice"},
    "monthly_status": {"amount_fen": "fen", "on_fail_fen": "signed_fen", "on_unchanged_fen": "signed_fen"},
    "exceedance": {"below_first_fen": "fen"},
}
"""Per rule type, the scalar parameters :class:`SetRuleParam` sets and how each is read."""

RULE_ENTRIES: Mapping[str, Mapping[str, str]] = {
    "p_index": {"weights": "indicator"},
    "per_tonne": {"standards": "indicator"},
    "pooled_fund": {"contributions": "party", "allocations": "party"},
    "monthly_status": {},
    "exceedance": {},
}
"""Per rule type, its tables keyed by indicator code or party (:class:`SetRuleEntry`)."""

FAILURE_MODES = ("all_or_nothing", "months")
SECTION_TEXT_FIELDS = ("name_zh", "name_en")
INDICATOR_FIELDS = ("code", "name_zh", "name_en", "unit", "target", "baseline")
SAMPLE_FIELDS = ("value", "flow_m3")
WEIGHT_PLACES = 12


# --- helpers -------------------------------------------------------------------------------------------------


def _eco_item(scenario: Scenario, item_id: str) -> EcoCompensation:
    return item_of(scenario, item_id, EcoCompensation, WHAT)[1]


def _updated(scenario: Scenario, item_id: str, **changes: object) -> Scenario:
    """The scenario with fields of the basin item ``item_id`` changed, validated with the item and the references."""
    index, item = item_of(scenario, item_id, EcoCompensation, WHAT)
    return replace_item(scenario, index, item.model_copy(update=changes))


def _index(count: int, index: int, field: str) -> int:
    if not 0 <= index < count:
        raise EditError(field, f"there is no entry {index + 1} (the list has {count})")
    return index


def _member(item: EcoCompensation, party: object, field: str) -> str:
    if not isinstance(party, str) or party not in item.parties:
        raise EditError(field, f"party '{party}' is not in this agreement")
    return party


def _optional_decimal(value: object, field: str) -> str | None:
    """An exact non-negative decimal, or None for an empty field (a limit or a flow not given)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return read_decimal(value, field)


def read_signed_fen(value: object, field: str) -> int:
    """Whole fen, negative allowed (an amount whose sign says who pays), within the bounds of every amount."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise EditError(field, "must be a whole number of fen")
    if abs(value) > MAX_AMOUNT_FEN:
        raise EditError(field, f"must not exceed {MAX_AMOUNT_FEN:,} fen (just under 10^16 yuan)")
    return value


def _replace_section(item: EcoCompensation, index: int, section: Section) -> tuple[Section, ...]:
    sections = list(item.sections)
    sections[index] = section
    return tuple(sections)


def _free_section_id(item: EcoCompensation) -> str:
    taken = {s.id for s in item.sections} | {s.name_zh for s in item.sections}
    number = len(item.sections) + 1
    while f"section-{number}" in taken:
        number += 1
    return f"section-{number}"


def _rename_keys(mapping: Mapping[str, object], old: str, new: str) -> dict[str, object]:
    """``mapping`` with key ``old`` renamed to ``new``, in the same order."""
    return {(new if key == old else key): value for key, value in mapping.items()}


# --- sections ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddSection:
    """Add an assessment section at the end: its name, one upstream party (ratio 1) and the downstream party.

    Its id is made up (``section-3``); monitoring files may name it by id or by its Chinese name.
    """

    item_id: str
    name_zh: str
    upstream: str
    downstream: str
    name_en: str = ""
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("添加断面", "add section")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        field = f"sections[{len(item.sections)}]"
        name_zh = read_text(self.name_zh, f"{field}.name_zh", required=True)
        name_en = read_text(self.name_en, f"{field}.name_en", required=False)
        upstream = _member(item, self.upstream, f"{field}.upstream[0].party")
        downstream = _member(item, self.downstream, f"{field}.downstream")
        if upstream == downstream:
            raise EditError(f"{field}.downstream", "the downstream party must differ from the upstream party")
        section = Section(
            id=_free_section_id(item),
            name_zh=name_zh,
            name_en=name_en,
            upstream=(Upstream(party=upstream),),
            downstream=downstream,
        )
        return _updated(scenario, self.item_id, sections=(*item.sections, section))


@dataclass(frozen=True)
class RemoveSection:
    """Remove the ``index``-th section with its monitoring samples (and its stake in a pooled fund)."""

    item_id: str
    index: int
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("删除断面", "remove section")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        index = _index(len(item.sections), self.index, "sections")
        if len(item.sections) == 1:
            raise EditError("sections", "the last section cannot be removed: an agreement assesses at least one")
        gone = item.sections[index].id
        changes: dict[str, object] = {
            "sections": item.sections[:index] + item.sections[index + 1 :],
            "records": tuple(r for r in item.records if r.section != gone),
        }
        if isinstance(item.rule, PooledFundRule):
            stakes = tuple(s for s in item.rule.stakes if s.section != gone)
            changes["rule"] = item.rule.model_copy(update={"stakes": stakes})
        return _updated(scenario, self.item_id, **changes)


@dataclass(frozen=True)
class SetSectionName:
    """Rename a section (its Chinese or English name; the id its samples refer to stays)."""

    item_id: str
    index: int
    field: str
    text: str
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改断面名称", "rename section")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        index = _index(len(item.sections), self.index, "sections")
        if self.field not in SECTION_TEXT_FIELDS:
            raise EditError("field", f"'{self.field}' is not a name of a section")
        name = f"sections[{index}].{self.field}"
        text = read_text(self.text, name, required=self.field == "name_zh")
        section = item.sections[index].model_copy(update={self.field: text})
        return _updated(scenario, self.item_id, sections=_replace_section(item, index, section))


@dataclass(frozen=True)
class SetDownstream:
    """Choose the downstream party of a section (it cannot also be upstream of it)."""

    item_id: str
    index: int
    party: str
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改下游方", "change downstream party")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        index = _index(len(item.sections), self.index, "sections")
        field = f"sections[{index}].downstream"
        party = _member(item, self.party, field)
        section = item.sections[index]
        if any(u.party == party for u in section.upstream):
            raise EditError(field, f"party '{party}' is upstream of this section; it cannot be downstream too")
        changed = section.model_copy(update={"downstream": party})
        return _updated(scenario, self.item_id, sections=_replace_section(item, index, changed))


@dataclass(frozen=True)
class AddUpstream:
    """Add an upstream party to a section, with contribution ratio 1 (ratios are relative within the section)."""

    item_id: str
    index: int
    party: str
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("添加上游方", "add upstream party")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        index = _index(len(item.sections), self.index, "sections")
        section = item.sections[index]
        field = f"sections[{index}].upstream[{len(section.upstream)}].party"
        party = _member(item, self.party, field)
        if party == section.downstream:
            raise EditError(field, f"party '{party}' is the downstream party of this section")
        if any(u.party == party for u in section.upstream):
            raise EditError(field, f"party '{party}' is already upstream of this section")
        changed = section.model_copy(update={"upstream": (*section.upstream, Upstream(party=party))})
        return _updated(scenario, self.item_id, sections=_replace_section(item, index, changed))


@dataclass(frozen=True)
class RemoveUpstream:
    """Remove the ``position``-th upstream party of a section (a section keeps at least one)."""

    item_id: str
    index: int
    position: int
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("删除上游方", "remove upstream party")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        index = _index(len(item.sections), self.index, "sections")
        section = item.sections[index]
        position = _index(len(section.upstream), self.position, f"sections[{index}].upstream")
        if len(section.upstream) == 1:
            raise EditError(f"sections[{index}].upstream", "a section needs at least one upstream party")
        upstream = section.upstream[:position] + section.upstream[position + 1 :]
        changed = section.model_copy(update={"upstream": upstream})
        return _updated(scenario, self.item_id, sections=_replace_section(item, index, changed))


@dataclass(frozen=True)
class SetUpstream:
    """Change an upstream party of a section: which party (``party``) and/or its contribution ratio (``ratio``)."""

    item_id: str
    index: int
    position: int
    party: str | None = None
    ratio: object | None = None
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改上游方", "change upstream party")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        index = _index(len(item.sections), self.index, "sections")
        section = item.sections[index]
        position = _index(len(section.upstream), self.position, f"sections[{index}].upstream")
        field = f"sections[{index}].upstream[{position}]"
        changes: dict[str, object] = {}
        if self.party is not None:
            party = _member(item, self.party, f"{field}.party")
            if party == section.downstream:
                raise EditError(f"{field}.party", f"party '{party}' is the downstream party of this section")
            if any(u.party == party for n, u in enumerate(section.upstream) if n != position):
                raise EditError(f"{field}.party", f"party '{party}' is already upstream of this section")
            changes["party"] = party
        if self.ratio is not None:
            changes["ratio"] = read_decimal(self.ratio, f"{field}.ratio")
        upstream = list(section.upstream)
        upstream[position] = upstream[position].model_copy(update=changes)
        changed = section.model_copy(update={"upstream": tuple(upstream)})
        return _updated(scenario, self.item_id, sections=_replace_section(item, index, changed))


# --- indicators ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddIndicator:
    """Add an indicator at the end (its code, name, unit and limits); the rule uses it once it is weighted."""

    item_id: str
    code: str
    name_zh: str
    unit: str = "mg/L"
    target: object | None = None
    baseline: object | None = None
    name_en: str = ""
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("添加指标", "add indicator")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        field = f"indicators[{len(item.indicators)}]"
        code = read_text(self.code, f"{field}.code", required=True)
        if any(i.code == code for i in item.indicators):
            raise EditError(f"{field}.code", f"indicator '{code}' is already in the agreement")
        indicator = {
            "code": code,
            "name_zh": read_text(self.name_zh, f"{field}.name_zh", required=True),
            "name_en": read_text(self.name_en, f"{field}.name_en", required=False),
            "unit": read_text(self.unit, f"{field}.unit", required=True),
            "target": _optional_decimal(self.target, f"{field}.target"),
            "baseline": _optional_decimal(self.baseline, f"{field}.baseline"),
            "provenance": Provenance(tag="user"),
        }
        try:
            added = Indicator.model_validate(indicator)
        except ValueError as exc:
            raise EditError(f"{field}.code", _first_message(exc)) from None
        return _updated(scenario, self.item_id, indicators=(*item.indicators, added))


@dataclass(frozen=True)
class RemoveIndicator:
    """Remove the ``index``-th indicator with its samples, its weight or unit standard and its own ratios."""

    item_id: str
    index: int
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("删除指标", "remove indicator")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        index = _index(len(item.indicators), self.index, "indicators")
        if len(item.indicators) == 1:
            raise EditError("indicators", "the last indicator cannot be removed: an agreement assesses at least one")
        code = item.indicators[index].code
        rule = item.rule
        if isinstance(rule, PIndexRule):
            weights = {c: w for c, w in rule.weights.items() if c != code}
            if not weights:
                raise EditError("rule.weights", f"'{code}' is the only weighted indicator; weight another one first")
            rule = rule.model_copy(update={"weights": weights})
        elif isinstance(rule, PerTonneRule):
            standards = {c: s for c, s in rule.standards.items() if c != code}
            if not standards:
                raise EditError(
                    "rule.standards", f"'{code}' is the only indicator with a unit standard; give another one first"
                )
            tiers = {c: t for c, t in rule.tiers.items() if c != code}
            rule = rule.model_copy(update={"standards": standards, "tiers": tiers})
        sections = tuple(
            s.model_copy(
                update={
                    "upstream": tuple(
                        u.model_copy(update={"by_indicator": {c: r for c, r in u.by_indicator.items() if c != code}})
                        for u in s.upstream
                    )
                }
            )
            for s in item.sections
        )
        return _updated(
            scenario,
            self.item_id,
            indicators=item.indicators[:index] + item.indicators[index + 1 :],
            records=tuple(r for r in item.records if r.indicator != code),
            rule=rule,
            sections=sections,
        )


@dataclass(frozen=True)
class SetIndicatorField:
    """Set one field of an indicator: its code (renamed everywhere it is used), names, unit, target or baseline.

    An empty target or baseline clears it (the rules that need it say so). The indicator's provenance stays.
    """

    item_id: str
    index: int
    field: str
    value: object | None
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改指标", "change indicator")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        index = _index(len(item.indicators), self.index, "indicators")
        name = f"indicators[{index}].{self.field}"
        if self.field not in INDICATOR_FIELDS:
            raise EditError("field", f"'{self.field}' is not a field of an indicator")
        indicator = item.indicators[index]
        if self.field == "code":
            return self._rename(scenario, item, index, name)
        value: object
        if self.field in ("target", "baseline"):
            value = _optional_decimal(self.value, name)
        else:
            value = read_text(self.value, name, required=self.field != "name_en")
        indicators = list(item.indicators)
        indicators[index] = indicator.model_copy(update={self.field: value})
        return _updated(scenario, self.item_id, indicators=tuple(indicators))

    def _rename(self, scenario: Scenario, item: EcoCompensation, index: int, name: str) -> Scenario:
        old = item.indicators[index].code
        new = read_text(self.value, name, required=True)
        if new == old:
            return scenario
        if any(i.code == new for i in item.indicators):
            raise EditError(name, f"indicator '{new}' is already in the agreement")
        indicators = list(item.indicators)
        indicators[index] = indicators[index].model_copy(update={"code": new})
        rule = item.rule
        if isinstance(rule, PIndexRule):
            rule = rule.model_copy(update={"weights": _rename_keys(rule.weights, old, new)})
        elif isinstance(rule, PerTonneRule):
            rule = rule.model_copy(
                update={
                    "standards": _rename_keys(rule.standards, old, new),
                    "tiers": _rename_keys(rule.tiers, old, new),
                }
            )
        sections = tuple(
            s.model_copy(
                update={
                    "upstream": tuple(
                        u.model_copy(update={"by_indicator": _rename_keys(u.by_indicator, old, new)})
                        for u in s.upstream
                    )
                }
            )
            for s in item.sections
        )
        records = tuple(r.model_copy(update={"indicator": new}) if r.indicator == old else r for r in item.records)
        try:
            return _updated(
                scenario, self.item_id, indicators=tuple(indicators), rule=rule, sections=sections, records=records
            )
        except EditError as exc:
            raise EditError(name, exc.message) from None


# --- monitoring samples ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetSampleField:
    """Correct one monitoring sample: its concentration (``value``) or the month's flow (``flow_m3``; empty: none)."""

    item_id: str
    index: int
    field: str
    value: object | None
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改监测数据", "change monitoring value")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        index = _index(len(item.records), self.index, "records")
        name = f"records[{index}].{self.field}"
        if self.field not in SAMPLE_FIELDS:
            raise EditError("field", f"'{self.field}' is not a field of a sample; use value or flow_m3")
        value = read_decimal(self.value, name) if self.field == "value" else _optional_decimal(self.value, name)
        records = list(item.records)
        records[index] = records[index].model_copy(update={self.field: value})
        return _updated(scenario, self.item_id, records=tuple(records))


@dataclass(frozen=True)
class ReplaceSamples:
    """Put in the monitoring samples of an import (:func:`read_item_monitoring`), replacing the ones there."""

    item_id: str
    samples: tuple[Sample, ...]
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("导入监测数据", "import monitoring data")

    def apply(self, scenario: Scenario) -> Scenario:
        _eco_item(scenario, self.item_id)
        return _updated(scenario, self.item_id, records=tuple(self.samples))


def read_item_monitoring(item: EcoCompensation, source: bytes | os.PathLike[str]) -> tuple[Sample, ...]:
    """The samples of a CSV or ``.xlsx`` file, checked against ``item``: all of them, or :class:`MonitoringError`
    listing every problem by row (and every month a section has no sample) — nothing half-read.

    Sections may be named by id or by Chinese name: the file is read against the ids and, when the names differ,
    against the names; the reading with fewer problems is kept (a file mixing both is told which rows to fix).
    """
    raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    indicators = {i.code: i.unit for i in item.indicators}
    first, last = item.period.first, item.period.last
    period = (datetime.date(int(first[:4]), int(first[5:]), 1), datetime.date(int(last[:4]), int(last[5:]), 1))
    ids = {s.id: s.id for s in item.sections}
    names: dict[str, str] = {}
    for section in item.sections:
        # a name shared by two sections, or the id of another one, cannot say which section is meant
        unique = sum(s.name_zh == section.name_zh for s in item.sections) == 1
        name = section.name_zh if unique and ids.get(section.name_zh, section.id) == section.id else section.id
        names[name] = section.id
    attempts = [ids] if names == ids else [ids, names]
    best: MonitoringError | None = None
    for keys in attempts:
        try:
            records = read_monitoring(raw, sections=keys, indicators=indicators, period=period)
        except MonitoringError as exc:
            if best is None or len(exc.problems) < len(best.problems):
                best = exc
            continue
        samples = (Sample.from_record(r).model_copy(update={"section": keys[r.section]}) for r in records)
        return tuple(sorted(samples, key=lambda s: (s.section, s.date, s.indicator)))
    assert best is not None
    raise best


# --- the rule, the period, the what-if scale -----------------------------------------------------------------


def _previous_amount(rule: object) -> int:
    """The money figure a rule without a sourced amount starts from: the bet, the monthly sum or the fund before."""
    if isinstance(rule, PIndexRule | MonthlyStatusRule):
        return rule.amount_fen
    if isinstance(rule, PooledFundRule):
        return rule.fund_fen
    return 0


def _equal_weights(codes: list[str]) -> dict[str, str]:
    """Weights adding up to exactly 1: 1/n to 12 places, the last one taking the remainder."""
    share = (Decimal(1) / len(codes)).quantize(Decimal(1).scaleb(-WEIGHT_PLACES))
    weights = {c: canonical_decimal(share) for c in codes[:-1]}
    weights[codes[-1]] = canonical_decimal(Decimal(1) - share * (len(codes) - 1))
    return weights


def default_rule(item: EcoCompensation, rule_type: str) -> Rule:
    """The rule a type starts from: its first sourced preset (:data:`.presets.RULE_PRESETS`: 新安江 round 1, 江苏,
    赤水河, 重庆, 周口) fitted to the item, with its provenance; when the item lacks what that preset needs (the four
    新安江 indicators, three parties for 赤水河), a plain rule of the type marked as assumed ([A]) for the
    negotiators to fill in."""
    from .presets import RULE_PRESETS

    if rule_type not in RULE_TYPES:
        raise EditError("rule.type", f"unknown rule type '{rule_type}'; use one of {', '.join(RULE_TYPES)}")
    for preset in RULE_PRESETS:
        if preset.type == rule_type:
            try:
                return preset.build(item)
            except ValueError:
                break
    amount = _previous_amount(item.rule)
    codes = [i.code for i in item.indicators]
    assumed = Provenance(tag="A", note="默认参数，请按协议填写")
    if rule_type == "p_index":
        with_baseline = [i.code for i in item.indicators if i.baseline is not None] or codes
        return PIndexRule(k0="1", weights=_equal_weights(with_baseline), amount_fen=amount, provenance=assumed)
    if rule_type == "per_tonne":
        return PerTonneRule(standards=dict.fromkeys(codes, 0), provenance=assumed)
    if rule_type == "pooled_fund":
        return PooledFundRule(
            fund_fen=amount,
            contributions=dict.fromkeys(item.parties, "1"),
            allocations=dict.fromkeys(item.parties, "1"),
            provenance=assumed,
        )
    if rule_type == "monthly_status":
        return MonthlyStatusRule(amount_fen=amount, on_fail_fen=amount, provenance=assumed)
    return ExceedanceRule(provenance=assumed)


@dataclass(frozen=True)
class SetRuleType:
    """Choose another rule: it starts from that type's preset (:func:`default_rule`), with its provenance."""

    item_id: str
    rule_type: str
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("修改补偿规则", "change rule")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        if item.rule.type == self.rule_type:
            return scenario
        return _updated(scenario, self.item_id, rule=default_rule(item, self.rule_type))


@dataclass(frozen=True)
class ApplyRulePreset:
    """Start from one of the sourced rules (:data:`.presets.RULE_PRESETS`, by key), fitted to the item."""

    item_id: str
    key: str
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("采用来源规则", "apply sourced rule")

    def apply(self, scenario: Scenario) -> Scenario:
        from .presets import RULE_PRESETS

        item = _eco_item(scenario, self.item_id)
        preset = next((p for p in RULE_PRESETS if p.key == self.key), None)
        if preset is None:
            raise EditError("rule", f"unknown preset '{self.key}'")
        try:
            rule = preset.build(item)
        except ValueError as exc:
            raise EditError("rule", str(exc)) from None
        return _updated(scenario, self.item_id, rule=rule)


@dataclass(frozen=True)
class SetRuleParam:
    """Set one scalar parameter of the rule (see :data:`RULE_PARAMS`): k0, the threshold, an amount, the mode."""

    item_id: str
    name: str
    value: object
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改规则参数", "change rule parameter")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        rule = item.rule
        field = f"rule.{self.name}"
        reading = RULE_PARAMS[rule.type].get(self.name)
        if reading is None:
            raise EditError(field, f"is not a parameter of the {rule.type} rule")
        value: object
        if reading == "decimal":
            value = read_decimal(self.value, field)
        elif reading == "fen":
            value = read_fen(self.value, field)
        elif reading == "signed_fen":
            value = read_signed_fen(self.value, field)
        else:
            if self.value not in FAILURE_MODES:
                raise EditError(field, f"unknown mode '{self.value}'; use one of {', '.join(FAILURE_MODES)}")
            value = self.value
        return _updated(scenario, self.item_id, rule=rule.model_copy(update={self.name: value}))


@dataclass(frozen=True)
class SetRuleEntry:
    """Set (or, with ``None``, remove) one entry of a table of the rule (see :data:`RULE_ENTRIES`): an
    indicator's weight or unit standard (fen per tonne), a party's contribution or allocation ratio."""

    item_id: str
    table: str
    key: str
    value: object | None
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("修改规则参数", "change rule parameter")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        rule = item.rule
        field = f"rule.{self.table}.{self.key}"
        keyed_by = RULE_ENTRIES[rule.type].get(self.table)
        if keyed_by is None:
            raise EditError(f"rule.{self.table}", f"is not a table of the {rule.type} rule")
        if keyed_by == "indicator" and not any(i.code == self.key for i in item.indicators):
            raise EditError(field, f"unknown indicator '{self.key}'")
        if keyed_by == "party":
            _member(item, self.key, field)
        entries = dict(getattr(rule, self.table))
        if self.value is None or (isinstance(self.value, str) and not self.value.strip()):
            entries.pop(self.key, None)
            if not entries:
                raise EditError(f"rule.{self.table}", "must keep at least one entry")
        elif self.table == "standards":
            entries[self.key] = read_fen(self.value, field)
        else:
            entries[self.key] = read_decimal(self.value, field)
        return _updated(scenario, self.item_id, rule=rule.model_copy(update={self.table: entries}))


@dataclass(frozen=True)
class SetPeriod:
    """Set the assessment period (first and last month, ``YYYY-MM``); samples outside it are dropped."""

    item_id: str
    first: str
    last: str
    structural: ClassVar[bool] = True
    label: ClassVar[Bilingual] = Bilingual("修改考核期", "change period")

    def apply(self, scenario: Scenario) -> Scenario:
        item = _eco_item(scenario, self.item_id)
        for name, text in (("first", self.first), ("last", self.last)):
            month = text.strip() if isinstance(text, str) else ""
            if not (len(month) == 7 and month[4] == "-" and month[:4].isdigit() and month[5:].isdigit()):
                raise EditError(f"period.{name}", f"'{text}' is not a month; write it as 2025-01")
            if not 1 <= int(month[5:]) <= 12:
                raise EditError(f"period.{name}", f"'{text}' has no month {int(month[5:])}")
        try:
            period = Period(first=self.first.strip(), last=self.last.strip())
        except ValueError as exc:
            raise EditError("period", _first_message(exc)) from None
        records = tuple(r for r in item.records if period.first <= r.month <= period.last)
        return _updated(scenario, self.item_id, period=period, records=records)


@dataclass(frozen=True)
class SetQualityScale:
    """Scale every measured concentration by ``scale`` (1: as measured; 1.07: water 7 % worse) — the what-if of
    the trainer's slider. Only this number changes, so only it is checked: a drag does not re-validate thousands
    of samples at every step."""

    item_id: str
    scale: object
    structural: ClassVar[bool] = False
    label: ClassVar[Bilingual] = Bilingual("模拟水质变化", "simulate water quality")

    def apply(self, scenario: Scenario) -> Scenario:
        index, item = item_of(scenario, self.item_id, EcoCompensation, WHAT)
        try:
            scale = parse_decimal(self.scale, maximum=Decimal(MAX_QUALITY_SCALE))
        except NumberError as exc:
            raise EditError("quality_scale", exc.text.en) from None
        if scale <= 0:
            raise EditError("quality_scale", "must be greater than 0")
        text = canonical_decimal(scale)
        if text == item.quality_scale:
            return scenario
        items = list(scenario.items)
        items[index] = item.model_copy(update={"quality_scale": text})
        return scenario.model_copy(update={"items": tuple(items)})


def _first_message(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        error = errors()[0]
        return str(error.get("msg", exc)).removeprefix("Value error, ")
    return str(exc)
