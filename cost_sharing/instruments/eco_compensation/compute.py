"""Compute an ecological-compensation item: monthly means, the rule, who pays whom, and the break-even.

Every sample of a section, indicator and month is averaged exactly into the month's mean; the period's mean is
the mean of the monthly means. The rule is applied by the functions of :mod:`.rules` (nothing is re-derived
here): the P-index bet on the period's means, section by section (the bet and the central fund apply to each
section); the per-tonne rule, the status rule and the exceedance tiers month by month (the status rule's "last
year" is the indicators' baselines: improved when the mean ratio of the month's means to them is below 1); the
pooled fund over the period (a month fails when any indicator's mean is above its target). Several upstream
parties share a section's amount by their contribution ratios (largest remainder, to the fen).

Tables, in order: ``nets`` (one row per party, + receives, − pays; the column adds up to zero, with a row for
the central government when it pays a central fund), ``transfers`` (one row per payer → payee over the period,
opposite flows netted), ``index`` (per section and month, and for the P-index the period: P, the month's
amount, the exceedance multiple or whether the section passed) and ``break_even`` (P-index and per-tonne rules:
where the direction of payment flips).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from ...bilingual import Bilingual
from ...diagnostics import Diagnostic, Level, Target
from ...engine import display_precision
from ...money import DisplayPrecision, format_amount, split_fen
from ...progress import Progress
from ...results import Column, ItemResult, Quantity, ResultTable, Row
from ...scenario import Scenario
from . import rules
from .model import (
    EcoCompensation,
    ExceedanceRule,
    MonthlyStatusRule,
    PerTonneRule,
    PIndexRule,
    PooledFundRule,
    Section,
)

KIND = "eco_compensation"
TRANSFERS_TABLE, NETS_TABLE, INDEX_TABLE, BREAK_EVEN_TABLE = "transfers", "nets", "index", "break_even"
AMOUNT, NET, P, SCALE, RATIO, PASSED, COMPOSITE = "amount", "net", "p", "scale", "uniform_ratio", "passed", "ratio"
CENTRAL = "__central__"
"""The row of the central government when it pays a P-index central fund and is not a party of the item."""
_UPSTREAM = "\x00upstream"
"""A stand-in for a section's upstream parties while a rule settles; then split among them by their ratios."""
DECIMALS = 12
"""Places of a value cell whose exact fraction has no finite decimal (1/3); the exact number is in the details."""


@dataclass(frozen=True)
class EcoDetails:
    """The exact figures behind the tables (for the tests, the articles and the report)."""

    monthly: Mapping[str, Mapping[str, Mapping[str, Fraction]]] = field(default_factory=dict)
    """section → month → indicator → mean."""
    means: Mapping[str, Mapping[str, Fraction]] = field(default_factory=dict)
    """section → indicator → mean over the period (mean of the monthly means)."""
    settlement: rules.Settlement | None = None
    """Every transfer of the period, combined (opposite flows between a pair netted)."""
    p: Mapping[str, Fraction] = field(default_factory=dict)
    p_break_even: Mapping[str, rules.PBreakEven] = field(default_factory=dict)
    tonne_break_even: Mapping[str, Mapping[str, Fraction]] = field(default_factory=dict)
    month_amounts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """section → month → signed fen, + paid by upstream (per-tonne, status and exceedance rules)."""
    settlements: tuple[rules.Settlement, ...] = ()
    """Every settlement before combining, each transfer carrying its period (a month, or the period's label)."""
    zone: rules.NegotiationZone | None = None
    """The negotiation zone and where the proposed fund sits in it, when the item has one."""


def compute_eco(scenario: Scenario, item: EcoCompensation, index: int, progress: Progress) -> ItemResult:
    """Who pays whom under the item's rule, each party's net, the index per section and month, the break-even."""
    result, _ = compute_eco_details(scenario, item, progress)
    return result


def _diag(item: EcoCompensation, level: Level, code: str, zh: str, en: str, **target: str) -> Diagnostic:
    return Diagnostic(level, code, Bilingual(zh, en), Target(item.id, **target))


def _month_zh(month: str) -> str:
    return f"{int(month[:4])}年{int(month[5:])}月"


def _period_zh(item: EcoCompensation) -> str:
    label = item.period.label
    return f"{label}年" if len(label) == 4 else label


def exact_decimal(value: Fraction) -> Decimal:
    """The fraction as a Decimal: exact when it has a finite decimal, else at :data:`DECIMALS` places."""
    d = value.denominator
    for prime in (2, 5):
        while d % prime == 0:
            d //= prime
    if d == 1:
        return Decimal(value.numerator) / Decimal(value.denominator)
    quantum = Decimal(1).scaleb(-DECIMALS)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(quantum, ROUND_HALF_UP)


def _q(value: Fraction | None, tag: str = "") -> Quantity | None:
    return None if value is None else Quantity(exact_decimal(value), tag)


def _percent(value: Fraction) -> str:
    return str((Decimal(value.numerator) * 100 / Decimal(value.denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def _used_codes(item: EcoCompensation) -> list[str]:
    rule = item.rule
    if isinstance(rule, PIndexRule):
        return list(rule.weights)
    if isinstance(rule, PerTonneRule):
        return list(rule.standards)
    return [i.code for i in item.indicators if i.target is not None]


def _check_inputs(item: EcoCompensation, codes: list[str]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    rule = item.rule
    positions = {ind.code: n for n, ind in enumerate(item.indicators)}
    needs_baseline = isinstance(rule, PIndexRule | MonthlyStatusRule)
    needs_target = not isinstance(rule, PIndexRule)
    if needs_target and not codes:
        problems.append(
            _diag(
                item,
                "error",
                "no_target",
                "没有任何指标设定目标浓度，无法考核",
                "no indicator has a target concentration: nothing to assess",
                field="indicators",
            )
        )
    for code in codes:
        if code not in positions:
            continue  # a reference problem, reported by the scenario
        indicator = item.indicators[positions[code]]
        where = f"indicators[{positions[code]}]"
        if needs_baseline and (indicator.baseline is None or Decimal(indicator.baseline) <= 0):
            problems.append(
                _diag(
                    item,
                    "error",
                    "no_baseline",
                    f"指标{code}缺少基准浓度（基本限值），无法计算",
                    f"indicator {code} has no baseline concentration: cannot compute",
                    field=f"{where}.baseline",
                )
            )
        if needs_target and indicator.target is None:
            problems.append(
                _diag(
                    item,
                    "error",
                    "no_target",
                    f"指标{code}缺少目标浓度，无法计算",
                    f"indicator {code} has no target concentration: cannot compute",
                    field=f"{where}.target",
                )
            )
    return problems


def _group(item: EcoCompensation) -> tuple[dict, dict]:
    """(section → month → code → [Σ numerators, common denominator, count], section → month → flows).

    Each sample's exact value n/d (its decimal text read once per distinct text) is added on the group's common
    denominator in integer arithmetic: the month's mean is then one exact fraction (:func:`_mean_of`).
    """
    values: dict[str, dict[str, dict[str, list[int]]]] = {}
    flows: dict[str, dict[str, set[Fraction]]] = {}
    ratio_of: dict[str, tuple[int, int]] = {}
    flow_of: dict[str, Fraction] = {}
    month_of: dict = {}
    for record in item.records:
        day = record.date
        month = month_of.get(day)
        if month is None:
            month = month_of[day] = record.month
        text = record.value
        ratio = ratio_of.get(text)
        if ratio is None:
            ratio = ratio_of[text] = Decimal(text).as_integer_ratio()
        by_month = values.get(record.section)
        if by_month is None:
            by_month = values[record.section] = {}
        by_code = by_month.get(month)
        if by_code is None:
            by_code = by_month[month] = {}
        acc = by_code.get(record.indicator)
        n, d = ratio
        if acc is None:
            by_code[record.indicator] = [n, d, 1]
        elif acc[1] == d:
            acc[0] += n
            acc[2] += 1
        else:
            common = math.lcm(acc[1], d)
            acc[0] = acc[0] * (common // acc[1]) + n * (common // d)
            acc[1] = common
            acc[2] += 1
        flow = record.flow_m3
        if flow is not None:
            exact_flow = flow_of.get(flow)
            if exact_flow is None:
                exact_flow = flow_of[flow] = Fraction(Decimal(flow))
            flows.setdefault(record.section, {}).setdefault(month, set()).add(exact_flow)
    return values, flows


def _mean_of(fractions: Sequence[Fraction]) -> Fraction:
    """The exact mean of ``fractions`` (as :func:`rules.annual_mean`), summed on their common denominator."""
    if not fractions:
        raise rules.RuleError("no samples to average")
    denominators = {f.denominator for f in fractions}
    if len(denominators) == 1:
        (common,) = denominators
        total = sum(f.numerator for f in fractions)
    else:
        common = math.lcm(*denominators)
        total = sum(f.numerator * (common // f.denominator) for f in fractions)
    return Fraction(total, common * len(fractions))


def _section_means(
    item: EcoCompensation, section: Section, codes: list[str], samples: Mapping, problems: list[Diagnostic]
) -> dict[str, dict[str, Fraction]]:
    monthly: dict[str, dict[str, Fraction]] = {}
    for month in item.period.months():
        got = samples.get(month, {})
        if not got:
            problems.append(
                _diag(
                    item,
                    "error",
                    "no_sample",
                    f"断面“{section.name_zh}”{_month_zh(month)}没有监测数据",
                    f"section {section.label('en')} has no sample in {month}",
                    field="records",
                )
            )
            continue
        missing = [c for c in codes if not got.get(c)]
        for code in missing:
            problems.append(
                _diag(
                    item,
                    "error",
                    "no_sample",
                    f"断面“{section.name_zh}”{_month_zh(month)}没有{code}的监测数据",
                    f"section {section.label('en')} has no {code} sample in {month}",
                    field="records",
                )
            )
        if not missing:
            monthly[month] = {c: Fraction(got[c][0], got[c][1] * got[c][2]) for c in codes}
    return monthly


def _ratios(section: Section, codes: Sequence[str]) -> str | dict[str, Fraction] | dict[str, dict[str, Fraction]]:
    """The upstream argument of :func:`rules.per_tonne_month`."""
    if len(section.upstream) == 1:
        return section.upstream[0].party
    if any(u.by_indicator for u in section.upstream):
        return {
            c: {u.party: Fraction(Decimal(u.by_indicator.get(c, u.ratio))) for u in section.upstream} for c in codes
        }
    return {u.party: Fraction(Decimal(u.ratio)) for u in section.upstream}


def _spread(
    settlement: rules.Settlement, section: Section, period: str, reason: str, indicator: str | None = None
) -> rules.Settlement:
    """A settlement made with the stand-in upstream party, its net split among the section's upstream parties by
    their contribution ratios (for ``indicator``'s own ratios when given)."""
    nets = settlement.nets
    if _UPSTREAM not in nets:
        return settlement
    total = nets.pop(_UPSTREAM)
    weights = [
        Fraction(Decimal(u.ratio if indicator is None else u.by_indicator.get(indicator, u.ratio)))
        for u in section.upstream
    ]
    parts = split_fen(abs(total), weights)
    for up, part in zip(section.upstream, parts, strict=True):
        nets[up.party] = nets.get(up.party, 0) + (part if total >= 0 else -part)
    return rules.settle_nets(nets, period, reason)


def _upstream_party(section: Section) -> str:
    return section.upstream[0].party if len(section.upstream) == 1 else _UPSTREAM


@dataclass
class _Work:
    settlements: list[rules.Settlement] = field(default_factory=list)
    index_rows: list[Row] = field(default_factory=list)
    break_rows: list[Row] = field(default_factory=list)
    notes: list[Diagnostic] = field(default_factory=list)
    p: dict[str, Fraction] = field(default_factory=dict)
    p_break_even: dict[str, rules.PBreakEven] = field(default_factory=dict)
    tonne_break_even: dict[str, dict[str, Fraction]] = field(default_factory=dict)
    month_amounts: dict[str, dict[str, int]] = field(default_factory=dict)


def _section_label(section: Section, suffix_zh: str = "", suffix_en: str = "") -> Bilingual:
    return Bilingual(f"{section.name_zh}{suffix_zh}", f"{section.label('en')}{suffix_en}")


def _p_index(item: EcoCompensation, rule: PIndexRule, section: Section, monthly, means, work: _Work) -> None:
    baselines = {c: Fraction(Decimal(item.indicator(c).baseline)) for c in rule.weights}  # type: ignore[arg-type]
    weights = {c: Fraction(Decimal(w)) for c, w in rule.weights.items()}
    k0 = Fraction(Decimal(rule.k0))
    label = item.period.label
    p = rules.p_index(k0, weights, means, baselines)
    result = rules.p_index_bet(
        p,
        upstream=_upstream_party(section),
        downstream=section.downstream,
        amount_fen=rule.amount_fen,
        period=label,
        threshold=rule.threshold,
        central_fen=rule.central_fen,
        central_party=rule.central_party or CENTRAL,
        tiers=[(t.upper_bound, t.amount_fen) for t in rule.tiers],
    )
    work.settlements.append(_spread(result.settlement, section, label, "P-index"))
    work.p[section.id] = p
    coefficients = rules.p_index_coefficients(k0, weights, baselines)
    for month, month_means in monthly.items():
        month_p = rules.p_index_of(coefficients, month_means)
        work.index_rows.append(
            Row(f"{section.id}:{month}", _section_label(section, f" {month}", f" {month}"), (_q(month_p),))
        )
    work.index_rows.append(
        Row(
            f"{section.id}:{label}", _section_label(section, f" {_period_zh(item)}全期", f" {label} (period)"), (_q(p),)
        )
    )
    be = rules.p_index_break_even(k0, weights, means, baselines, threshold=Fraction(Decimal(rule.threshold)))
    work.p_break_even[section.id] = be
    by_code = {b.indicator: b.concentration for b in be.per_indicator}
    work.break_rows.append(
        Row(
            section.id,
            _section_label(section),
            (_q(p), _q(be.common_scale), _q(be.uniform_baseline_ratio), *(_q(by_code[c]) for c in rule.weights)),
        )
    )
    if be.common_scale is not None:
        s = be.common_scale
        name_zh, name_en = section.name_zh, section.label("en")
        if s > 1:
            zh = f"断面“{name_zh}”：水质整体再变差{_percent(s - 1)}%，补偿方向将反转（改由上游向下游支付）"
            en = (
                f"section {name_en}: if water quality as a whole worsens by more than {_percent(s - 1)}%, the "
                "payment reverses (upstream pays downstream)"
            )
        elif s < 1:
            zh = f"断面“{name_zh}”：水质整体改善{_percent(1 - s)}%，补偿方向将反转（改由下游向上游支付）"
            en = (
                f"section {name_en}: if water quality as a whole improves by {_percent(1 - s)}%, the payment "
                "reverses (downstream pays upstream)"
            )
        else:
            zh = f"断面“{name_zh}”：P正好等于临界值，水质整体再有任何变差，补偿方向都将反转"
            en = f"section {name_en}: P is exactly at the threshold; any worsening reverses the payment"
        work.notes.append(_diag(item, "info", "break_even", zh, en, field="rule"))


def _per_tonne(
    item: EcoCompensation,
    rule: PerTonneRule,
    section: Section,
    monthly,
    means,
    flows,
    work: _Work,
    problems: list[Diagnostic],
) -> None:
    codes = list(rule.standards)
    standards = {
        c: rules.UnitStandard(
            fen, tuple((Fraction(Decimal(t.upper_multiple)), t.fen_per_tonne) for t in rule.tiers.get(c, ()))
        )
        for c, fen in rule.standards.items()
    }
    targets = {c: item.indicator(c).target for c in codes}
    upstream = _ratios(section, codes)
    amounts: dict[str, int] = {}
    for month, month_means in monthly.items():
        month_flows = flows.get(month, set())
        if len(month_flows) != 1:
            zh, en = (
                (
                    f"断面“{section.name_zh}”{_month_zh(month)}缺少月水量",
                    f"section {section.label('en')} has no monthly flow in {month}",
                )
                if not month_flows
                else (
                    f"断面“{section.name_zh}”{_month_zh(month)}的月水量前后不一致",
                    f"section {section.label('en')} has differing monthly flows in {month}",
                )
            )
            problems.append(_diag(item, "error", "flow", zh, en, field="records"))
            continue
        readings = [rules.PollutantReading.of(c, month_means[c], targets[c], standards[c]) for c in codes]
        result = rules.per_tonne_month(
            readings, next(iter(month_flows)), upstream=upstream, downstream=section.downstream, period=month
        )
        work.settlements.append(result.settlement)
        amounts[month] = result.total_fen
        work.index_rows.append(
            Row(
                f"{section.id}:{month}",
                _section_label(section, f" {month}", f" {month}"),
                (result.total_fen, *(_q(result.tonnes[c]) for c in codes)),
            )
        )
    work.month_amounts[section.id] = amounts
    if any(s.tiers for s in standards.values()):
        return
    annual = [rules.PollutantReading.of(c, means[c], targets[c], standards[c]) for c in codes]
    found: dict[str, Fraction] = {}
    for c in codes:
        try:
            found[c] = rules.per_tonne_break_even(annual, c)
        except rules.RuleError:
            continue
    work.tonne_break_even[section.id] = found
    work.break_rows.append(Row(section.id, _section_label(section), tuple(_q(found.get(c)) for c in codes)))
    for c, value in found.items():
        unit = item.indicator(c).unit
        work.notes.append(
            _diag(
                item,
                "info",
                "break_even",
                f"断面“{section.name_zh}”：其他指标按全期均值不变，{c}浓度为{exact_decimal(value).normalize():f}{unit}"
                "时补偿为零，高于此由上游支付，低于此由下游支付",
                f"section {section.label('en')}: the other indicators at their period means, the amount is zero at "
                f"{c} = {exact_decimal(value).normalize():f} {unit}; above it upstream pays, below it downstream "
                "pays",
                field="rule",
            )
        )


def _targets(item: EcoCompensation, codes: list[str]) -> dict[str, str]:
    return {c: item.indicator(c).target for c in codes}  # type: ignore[misc]


def _passes(month_means: Mapping[str, Fraction], targets: Mapping[str, str]) -> bool:
    return all(month_means[c] <= Fraction(Decimal(t)) for c, t in targets.items())


def _status(item: EcoCompensation, rule: MonthlyStatusRule, section: Section, monthly, codes, work: _Work) -> None:
    targets = _targets(item, codes)
    baselines = {c: item.indicator(c).baseline for c in codes}
    equal = {c: Fraction(1, len(codes)) for c in codes}
    amounts: dict[str, int] = {}
    for month, month_means in monthly.items():
        composite = rules.p_index(1, equal, month_means, baselines)  # mean ratio to last year's level
        trend = (
            rules.Trend.IMPROVED if composite < 1 else rules.Trend.DECLINED if composite > 1 else rules.Trend.UNCHANGED
        )
        meets = _passes(month_means, targets)
        settlement = rules.monthly_status(
            meets_class=meets,
            trend=trend,
            upstream=_upstream_party(section),
            downstream=section.downstream,
            period=month,
            amount_fen=rule.amount_fen,
            on_fail_fen=rule.on_fail_fen,
            on_unchanged_fen=rule.on_unchanged_fen,
        )
        signed = -settlement.net(_upstream_party(section))
        work.settlements.append(_spread(settlement, section, month, "monthly status"))
        amounts[month] = signed
        work.index_rows.append(
            Row(
                f"{section.id}:{month}",
                _section_label(section, f" {month}", f" {month}"),
                (signed, _q(Fraction(int(meets))), _q(composite)),
            )
        )
    work.month_amounts[section.id] = amounts


def _exceedance(item: EcoCompensation, rule: ExceedanceRule, section: Section, monthly, codes, work: _Work) -> None:
    targets = _targets(item, codes)
    tiers = [(t.lower_bound, t.amount_fen) for t in rule.tiers]
    amounts: dict[str, int] = {}
    for month, month_means in monthly.items():
        multiples, total = [], 0
        for c in codes:
            m, pay = rules.exceedance_payment(
                month_means[c], targets[c], tiers=tiers, below_first_fen=rule.below_first_fen
            )
            multiples.append(m)
            total += pay
            settlement = rules.exceedance_settlement(
                month_means[c],
                targets[c],
                upstream=_upstream_party(section),
                downstream=section.downstream,
                period=month,
                tiers=tiers,
                below_first_fen=rule.below_first_fen,
            )
            work.settlements.append(_spread(settlement, section, month, "exceedance", c))
        amounts[month] = total
        work.index_rows.append(
            Row(
                f"{section.id}:{month}",
                _section_label(section, f" {month}", f" {month}"),
                (total, *(_q(m) for m in multiples)),
            )
        )
    work.month_amounts[section.id] = amounts


def _pool_inputs(
    item: EcoCompensation,
    rule: PooledFundRule,
    section: Section,
    monthly,
    means,
    codes,
    pool: list[rules.PoolSection],
    failure: dict[str, Fraction],
    work: _Work,
) -> None:
    targets = _targets(item, codes)
    failed = 0
    for month, month_means in monthly.items():
        ok = _passes(month_means, targets)
        failed += not ok
        work.index_rows.append(
            Row(f"{section.id}:{month}", _section_label(section, f" {month}", f" {month}"), (_q(Fraction(int(ok))),))
        )
    mode = rules.FailureMode(rule.failure)
    failure[section.id] = rules.failure_fraction(
        mode, annual_mean_passes=_passes(means, targets), failed_months=failed, assessed_months=len(monthly)
    )
    stake = next((s for s in rule.stakes if s.section == section.id), None)
    if stake is not None:
        cut = {p: Fraction(Decimal(w)) for p, w in stake.cut_from.items()}
        to = {p: Fraction(Decimal(w)) for p, w in stake.redistribute_to.items()}
    else:
        cut = {u.party: Fraction(1) for u in section.upstream}
        to = {section.downstream: Fraction(1)}
    pool.append(rules.PoolSection(section.id, cut, to))


def _provenance_notes(item: EcoCompensation) -> list[Diagnostic]:
    notes = []
    sources = [("rule", "补偿规则参数", "the rule's parameters", item.rule.provenance)]
    sources += [
        (f"indicators[{n}]", f"指标{i.code}的浓度限值", f"the limits of indicator {i.code}", i.provenance)
        for n, i in enumerate(item.indicators)
    ]
    for where, zh, en, provenance in sources:
        if provenance is None:
            continue
        if provenance.tag == "U":
            notes.append(
                _diag(
                    item,
                    "warning",
                    "unverified",
                    f"{zh}来源未经核实（[U]），签约前应查证原文件",
                    f"{en} are unverified ([U]): check the original document before signing",
                    field=where,
                )
            )
        elif provenance.tag == "A":
            notes.append(
                _diag(
                    item,
                    "warning",
                    "assumed",
                    f"{zh}是示例假设值（[A]），不是正式数据",
                    f"{en} are assumed for an example ([A]), not official figures",
                    field=where,
                )
            )
    return notes


def compute_eco_details(scenario: Scenario, item: EcoCompensation, progress: Progress) -> tuple[ItemResult, EcoDetails]:
    progress.check()
    rule = item.rule
    codes = _used_codes(item)
    problems = _check_inputs(item, codes)
    if problems:
        return ItemResult(item.id, KIND, diagnostics=tuple(problems)), EcoDetails()
    samples, flows = _group(item)
    work = _Work()
    monthly_all: dict[str, dict[str, dict[str, Fraction]]] = {}
    means_all: dict[str, dict[str, Fraction]] = {}
    pool: list[rules.PoolSection] = []
    failure: dict[str, Fraction] = {}
    total_sections = len(item.sections)
    try:
        stride = max(1, total_sections // 10)  # each report yields the interpreter (~0.1 ms): about ten of them
        for step, section in enumerate(item.sections):
            if step % stride == 0:
                progress.report(step, total_sections)
            monthly = _section_means(item, section, codes, samples.get(section.id, {}), problems)
            monthly_all[section.id] = monthly
            if problems:
                continue
            means = {c: _mean_of([m[c] for m in monthly.values()]) for c in codes}
            means_all[section.id] = means
            if isinstance(rule, PIndexRule):
                _p_index(item, rule, section, monthly, means, work)
            elif isinstance(rule, PerTonneRule):
                _per_tonne(item, rule, section, monthly, means, flows.get(section.id, {}), work, problems)
            elif isinstance(rule, MonthlyStatusRule):
                _status(item, rule, section, monthly, codes, work)
            elif isinstance(rule, ExceedanceRule):
                _exceedance(item, rule, section, monthly, codes, work)
            else:
                _pool_inputs(item, rule, section, monthly, means, codes, pool, failure, work)
        progress.report(total_sections, total_sections)
        if problems:
            return ItemResult(item.id, KIND, diagnostics=tuple(problems)), EcoDetails(monthly_all, means_all)
        label = item.period.label
        if isinstance(rule, PooledFundRule):
            contributions = {p: Fraction(Decimal(w)) for p, w in rule.contributions.items()}
            allocations = {p: Fraction(Decimal(w)) for p, w in rule.allocations.items()}
            pooled = rules.pooled_fund(
                rule.fund_fen, contributions, allocations, sections=pool, failure=failure, period=label
            )
            work.settlements.append(pooled.settlement)
        combined = rules.combine(work.settlements, label)
    except (rules.RuleError, ArithmeticError, ValueError) as exc:
        problems.append(
            _diag(item, "error", "rule", f"无法按规则计算：{exc}", f"the rule cannot be applied: {exc}", field="rule")
        )
        return ItemResult(item.id, KIND, diagnostics=tuple(problems)), EcoDetails(monthly_all, means_all)

    precision = display_precision(scenario)
    tables = _tables(scenario, item, codes, combined, work)
    diagnostics = [*_payment_notes(scenario, item, combined, precision), *work.notes, *_provenance_notes(item)]
    zone = None
    if item.zone is not None:
        try:
            zone = negotiation_zone(item, combined)
        except (rules.RuleError, ArithmeticError, ValueError) as exc:
            diagnostics.append(
                _diag(
                    item,
                    "error",
                    "zone",
                    f"无法计算协商区间：{exc}",
                    f"the negotiation zone cannot be computed: {exc}",
                    field="zone",
                )
            )
        else:
            diagnostics.append(_zone_note(item, zone, precision))
    details = EcoDetails(
        monthly_all,
        means_all,
        combined,
        work.p,
        work.p_break_even,
        work.tonne_break_even,
        work.month_amounts,
        tuple(work.settlements),
        zone,
    )
    return ItemResult(item.id, KIND, tables, tuple(diagnostics)), details


def _party_label(scenario: Scenario, pid: str) -> Bilingual:
    if pid == CENTRAL:
        return Bilingual("中央财政", "central government")
    party = scenario.party(pid)
    return Bilingual(party.name_zh, party.name("en"))


def _tables(
    scenario: Scenario, item: EcoCompensation, codes: list[str], combined: rules.Settlement, work: _Work
) -> tuple[ResultTable, ...]:
    label = item.period.label
    transfer_rows = []
    for t in combined.transfers:
        payer, payee = _party_label(scenario, t.payer), _party_label(scenario, t.payee)
        transfer_rows.append(
            Row(
                f"{label}:{t.payer}>{t.payee}",
                Bilingual(f"{payer.zh} → {payee.zh}", f"{payer.en} → {payee.en}"),
                (t.amount_fen,),
            )
        )
    transfers = ResultTable(
        TRANSFERS_TABLE,
        Bilingual(f"{_period_zh(item)}补偿支付", f"Compensation payments, {label}"),
        (Column(AMOUNT, Bilingual("金额", "Amount"), "money"),),
        tuple(transfer_rows),
    )
    nets = combined.nets
    order = [*item.parties, *(p for p in nets if p not in item.parties)]
    nets_table = ResultTable(
        NETS_TABLE,
        Bilingual(
            f"{_period_zh(item)}各方净收支（正为收入，负为支出）", f"Net per party, {label} (+ receives, − pays)"
        ),
        (Column(NET, Bilingual("净额", "Net"), "money"),),
        tuple(Row(pid, _party_label(scenario, pid), (nets.get(pid, 0),)) for pid in order),
    )
    rule = item.rule
    value = "value"
    if isinstance(rule, PIndexRule):
        index_columns = (Column(P, Bilingual("补偿指数P", "Index P"), value),)
    elif isinstance(rule, PerTonneRule):
        index_columns = (
            Column(AMOUNT, Bilingual("补偿金额（正为上游支付）", "Amount (+ upstream pays)"), "money"),
            *(
                Column(f"tonnes:{c}", Bilingual(f"{c}超标吨数", f"{c} tonnes over target"), value, Bilingual("吨", "t"))
                for c in codes
            ),
        )
    elif isinstance(rule, MonthlyStatusRule):
        index_columns = (
            Column(AMOUNT, Bilingual("补偿金额（正为上游支付）", "Amount (+ upstream pays)"), "money"),
            Column(PASSED, Bilingual("达标（1是0否）", "Meets class (1 yes, 0 no)"), value),
            Column(COMPOSITE, Bilingual("与上年之比", "Ratio to last year"), value),
        )
    elif isinstance(rule, ExceedanceRule):
        index_columns = (
            Column(AMOUNT, Bilingual("补偿金额（上游支付）", "Amount (upstream pays)"), "money"),
            *(Column(f"m:{c}", Bilingual(f"{c}超标倍数", f"{c} exceedance multiple"), value) for c in codes),
        )
    else:
        index_columns = (Column(PASSED, Bilingual("达标（1是0否）", "Passes (1 yes, 0 no)"), value),)
    tables = [
        nets_table,
        transfers,
        ResultTable(
            INDEX_TABLE, Bilingual("各断面逐月考核", "Sections by month"), index_columns, tuple(work.index_rows)
        ),
    ]
    if isinstance(rule, PIndexRule):
        columns = (
            Column(P, Bilingual("补偿指数P", "Index P"), value),
            Column(SCALE, Bilingual("方向反转的整体倍数", "Common factor that reverses the payment"), value),
            Column(RATIO, Bilingual("基准浓度倍数", "Ratio to baselines"), value),
            *(
                Column(
                    f"c:{c}",
                    Bilingual(f"{c}临界浓度", f"{c} break-even"),
                    value,
                    Bilingual(item.indicator(c).unit, item.indicator(c).unit),
                )
                for c in rule.weights
            ),
        )
        tables.append(
            ResultTable(BREAK_EVEN_TABLE, Bilingual("补偿方向反转点", "Break-even"), columns, tuple(work.break_rows))
        )
    elif isinstance(rule, PerTonneRule) and work.break_rows:
        columns = tuple(
            Column(
                f"c:{c}",
                Bilingual(f"{c}临界浓度", f"{c} break-even"),
                value,
                Bilingual(item.indicator(c).unit, item.indicator(c).unit),
            )
            for c in codes
        )
        tables.append(
            ResultTable(BREAK_EVEN_TABLE, Bilingual("补偿方向反转点", "Break-even"), columns, tuple(work.break_rows))
        )
    return tuple(tables)


def _payment_notes(
    scenario: Scenario, item: EcoCompensation, combined: rules.Settlement, precision: DisplayPrecision
) -> list[Diagnostic]:
    period_zh, label = _period_zh(item), item.period.label
    if not combined.transfers:
        return [_diag(item, "info", "payment", f"{period_zh}各方之间无需支付补偿", f"{label}: no party pays another")]
    notes = []
    for t in combined.transfers:
        payer, payee = _party_label(scenario, t.payer), _party_label(scenario, t.payee)
        zh_amount = format_amount(t.amount_fen, precision, lang="zh")
        en_amount = format_amount(t.amount_fen, precision, lang="en")
        notes.append(
            _diag(
                item,
                "info",
                "payment",
                f"{period_zh}：{payer.zh}向{payee.zh}支付{zh_amount}",
                f"{label}: {payer.en} pays {payee.en} {en_amount}",
            )
        )
    return notes


def proposed_fund(item: EcoCompensation, combined: rules.Settlement) -> int:
    """The fund weighed against the zone: the zone's own figure, else the P-index bet on every section, the pooled
    fund, or (month-by-month rules) the sum of the period's transfers."""
    zone, rule = item.zone, item.rule
    if zone is not None and zone.proposed_fen is not None:
        return zone.proposed_fen
    if isinstance(rule, PIndexRule):
        return rule.amount_fen * len(item.sections)
    if isinstance(rule, PooledFundRule):
        return rule.fund_fen
    return sum(t.amount_fen for t in combined.transfers)


def zone_bounds(item: EcoCompensation) -> tuple[int, int, int]:
    """(protection cost, opportunity cost, ceiling) in fen per year, from the zone's inputs in 元 (exact, then
    rounded half up to the fen). RuleError for inputs the formulas cannot take (a land type not in the table)."""
    zone = item.zone
    if zone is None:
        raise rules.RuleError("the item has no negotiation zone")
    opportunity = Fraction(0)
    source = zone.opportunity
    if source is not None and source.type == "land_use":
        crops = [(c.area, c.yield_per_area, c.price_yuan) for c in source.crops]
        per_area = rules.opportunity_cost_land_use(crops, list(source.costs_yuan), source.area)
        opportunity = per_area * rules.exact(source.protected_area)
    elif source is not None:
        opportunity = rules.opportunity_cost_income_gap(
            source.urban_reference_yuan,
            source.urban_protected_yuan,
            source.urban_population,
            source.rural_reference_yuan,
            source.rural_protected_yuan,
            source.rural_population,
        )
    ceiling = zone.ceiling
    if ceiling.type == "esv":
        table = rules.EQUIVALENT_FACTORS_2003
        if ceiling.table is not None:
            table = rules.EquivalentFactorTable(
                name=ceiling.table.name,
                source="typed in",
                tag="user",
                services=ceiling.table.services,
                factors={k: tuple(Fraction(Decimal(v)) for v in row) for k, row in ceiling.table.factors.items()},
            )
        vc0 = rules.equivalent_value(ceiling.grain_price_yuan, ceiling.grain_yield)
        upper = rules.esv_increase(ceiling.before, ceiling.after, vc0, table)
    else:
        upper = rules.wtp_total(ceiling.bids_yuan, ceiling.shares, ceiling.population)
    return (
        zone.protection_cost_fen,
        rules.to_fen(rules.yuan(opportunity)),
        rules.to_fen(rules.yuan(upper)),
    )


def negotiation_zone(item: EcoCompensation, combined: rules.Settlement) -> rules.NegotiationZone:
    """The zone of the item and where its proposed fund sits."""
    protection, opportunity, upper = zone_bounds(item)
    return rules.negotiation_zone(
        protection_cost_fen=protection,
        opportunity_cost_fen=opportunity,
        upper_fen=upper,
        proposed_fen=proposed_fund(item, combined),
    )


def _zone_note(item: EcoCompensation, zone: rules.NegotiationZone, precision: DisplayPrecision) -> Diagnostic:
    lower_zh, upper_zh = (
        format_amount(zone.lower_fen, precision, lang="zh"),
        format_amount(zone.upper_fen, precision, lang="zh"),
    )
    lower_en, upper_en = (
        format_amount(zone.lower_fen, precision, lang="en"),
        format_amount(zone.upper_fen, precision, lang="en"),
    )
    if zone.empty:
        return _diag(
            item,
            "warning",
            "zone",
            f"协商区间为空：上游下限{lower_zh}高于下游上限{upper_zh}",
            f"the negotiation zone is empty: the upstream floor {lower_en} is above the downstream ceiling {upper_en}",
            field="zone",
        )
    where_zh = {"below": "低于下限", "inside": "位于区间内", "above": "高于上限"}
    where_en = {"below": "below the floor", "inside": "inside the zone", "above": "above the ceiling"}
    position = zone.position.value if zone.position is not None else "inside"
    level: Level = "info" if position == "inside" else "warning"
    return _diag(
        item,
        level,
        "zone",
        f"拟定补偿资金{where_zh[position]}（区间{lower_zh}至{upper_zh}）",
        f"the proposed fund is {where_en[position]} ({lower_en} to {upper_en})",
        field="zone",
    )
