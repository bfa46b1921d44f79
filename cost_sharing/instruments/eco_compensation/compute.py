"""Compute an ecological-compensation item: monthly means, the rule, who pays whom, and the break-even.

Every sample of a section, indicator and month is averaged exactly into the month's mean; the period's mean is
the mean of the monthly means. The rule is applied by the functions of :mod:`.rules` (nothing is re-derived
here): the P-index bet on the period's means, section by section (the bet and the central fund apply to each
section); the per-tonne rule, the status rule and the exceedance tiers month by month (the status rule's "last
year" is the indicators' baselines: improved when the mean ratio of the month's means to them is below 1); the
pooled fund over the period (a month fails when any indicator's mean is above its target). Several upstream
parties share a section's amount by their contribution ratios (largest remainder, to the fen). A what-if
``quality_scale`` s ≠ 1 multiplies every monthly mean by s (flows are not scaled): every figure, the break-even
ones included, is then of the scaled data, and a warning says the results are a simulation.

Tables, in order: ``nets`` (one row per party, + receives, − pays; the column adds up to zero, with a row for
the central government when it pays a central fund), ``transfers`` (one row per payer → payee over the period,
opposite flows netted), ``index`` (per section and month, and for the P-index the period: P, the month's
amount, the exceedance multiple or whether the section passed) and ``break_even`` (P-index and per-tonne rules:
where the direction of payment flips; column ``scale`` is the common factor on the data at which it does).

:func:`compute_eco` is the recompute (under 20 ms for 50 sections × 12 months × 5 indicators, bench/): monthly
means stay integer numerators over one denominator, as the rules take them; :func:`compute_eco_details` also
makes them Fractions and keeps every month's settlement, for ``compute --json`` and the agreement.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from fractions import Fraction
from operator import attrgetter

from ...bilingual import Bilingual
from ...diagnostics import Diagnostic, Level, Target
from ...engine import display_precision
from ...money import DisplayPrecision, format_amount, split_fen
from ...numbers import MAX_AMOUNT_FEN
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
WIDE = Context(prec=120)
"""The decimal context of a compute: every figure of a valid item fits (see :func:`_compute`)."""
DECIMALS = 12
"""Places of a value cell whose exact fraction has no finite decimal (1/3); the exact number is in the details."""
_QUANTUM = Decimal(1).scaleb(-DECIMALS)
REPORT_SECONDS = 0.01
"""Progress is reported (and the interpreter yielded to the GUI thread, ~0.1–0.2 ms each) after about this much
work: often enough for a long compute's progress bar, not at all within a short one."""
NOTE_DECIMALS = 4
"""Places of a concentration in a message (the exact figure is in the tables and the details)."""


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
    tonne_scale_break_even: Mapping[str, Fraction] = field(default_factory=dict)
    """Per-tonne rule, flat unit standards: section → the factor s* on every concentration of the (scaled) data at
    which the section's exact amount over the period is zero; above it the upstream party pays. On the what-if
    slider that is ``quality_scale × s*`` (as for the P-index's ``common_scale``)."""
    quality_scale: Fraction = Fraction(1)
    """The item's what-if factor on every measured concentration; the figures above are of the scaled data."""


def compute_eco(scenario: Scenario, item: EcoCompensation, index: int, progress: Progress) -> ItemResult:
    """Who pays whom under the item's rule, each party's net, the index per section and month, the break-even."""
    result, _ = _compute(scenario, item, progress, details=False)
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
    return _decimal(value.numerator, value.denominator)


def _decimal(numerator: int, denominator: int) -> Decimal:
    """``numerator/denominator`` (denominator > 0, not necessarily reduced) as :func:`exact_decimal` shows it."""
    quotient = Decimal(numerator) / Decimal(denominator)
    reduced = denominator // math.gcd(numerator, denominator)
    # a finite decimal iff the reduced denominator is 2ᵃ·5ᵇ, i.e. divides 10ᵏ for k ≥ max(a, b) — its bit length is
    if reduced == 1 or pow(10, reduced.bit_length(), reduced) == 0:
        return quotient
    return quotient.quantize(_QUANTUM, ROUND_HALF_UP)


def _quantities(numerators: Iterable[int], denominator: int, divisors: dict[int, Decimal | None]) -> list[Quantity]:
    """Value cells of several numerators over one denominator (each as :func:`exact_decimal` shows it). When that
    denominator is 2ᵃ·5ᵇ itself every quotient is a finite decimal and the test per value is skipped; ``divisors``
    remembers the answer per denominator (the Decimal to divide by, None when not so) for one compute, where
    months share denominators."""
    if denominator in divisors:
        divisor = divisors[denominator]
    else:
        finite = pow(10, denominator.bit_length(), denominator) == 0
        divisor = divisors[denominator] = Decimal(denominator) if finite else None
    if divisor is None:
        return [Quantity(_decimal(n, denominator)) for n in numerators]
    return [Quantity(Decimal(n) / divisor) for n in numerators]


def _q(value: Fraction | None, tag: str = "") -> Quantity | None:
    return None if value is None else Quantity(_decimal(value.numerator, value.denominator), tag)


def _shown(value: Fraction) -> str:
    """A concentration for a message: at most :data:`NOTE_DECIMALS` places, no trailing zeros (9.036666… → 9.0367),
    rounded half away from zero."""
    scale = 10**NOTE_DECIMALS
    steps = (2 * abs(value.numerator) * scale + value.denominator) // (2 * value.denominator)
    whole, part = divmod(steps, scale)
    text = f"{whole}.{part:0{NOTE_DECIMALS}d}".rstrip("0").rstrip(".")
    return f"-{text}" if value.numerator < 0 and steps else text


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


_SAMPLE_FIELDS = attrgetter("section", "date", "indicator", "value", "flow_m3")
FLOW = "\x00flow"
"""The key of a month's flow text among its indicator codes in :func:`_group` (no indicator code can be it)."""


_VALUE = attrgetter("value")


def _group(item: EcoCompensation) -> tuple[dict[str, dict[str, dict]], int]:
    """(section → month → (code → Σ of its samples' values as integers over one common denominator, and under
    :data:`FLOW` the month's flow text — a set of texts when samples give different ones —, code → how many
    samples); that denominator).

    Every distinct decimal text is read once, onto the least common denominator of them all (a power of ten at
    most), so each sample adds one integer: a month's mean is the sum over that denominator divided by the count,
    one exact fraction. Flows are kept as their (canonical) texts and read once per month.
    """
    ratios = {text: Decimal(text).as_integer_ratio() for text in set(map(_VALUE, item.records))}
    denominator = math.lcm(*(d for _, d in ratios.values()))
    scaled = {text: n * (denominator // d) for text, (n, d) in ratios.items()}
    values: dict = {}
    month_of: dict = {}
    last_section = last_month = sums = counts = known_flow = None
    for section, day, code, text, flow in map(_SAMPLE_FIELDS, item.records):
        month = month_of.get(day)
        if month is None:
            month = month_of[day] = f"{day.year:04d}-{day.month:02d}"
        if month != last_month or section != last_section:  # samples usually come by section and month
            by_month = values.get(section)
            if by_month is None:
                by_month = values[section] = {}
            group = by_month.get(month)
            if group is None:
                group = by_month[month] = ({}, {})
            sums, counts = group
            last_section, last_month, known_flow = section, month, sums.get(FLOW)
        sums[code] = sums.get(code, 0) + scaled[text]
        counts[code] = counts.get(code, 0) + 1
        if flow != known_flow and flow is not None:  # the month's first flow, or another one
            if known_flow is None:
                known_flow = sums[FLOW] = flow
            else:  # keep them all: the month is reported
                known_flow = sums[FLOW] = (known_flow if isinstance(known_flow, set) else {known_flow}) | {flow}
    return values, denominator


_Raw = tuple[tuple[int, ...], int]
"""Means as numerators (in the order of the used codes) over one common denominator."""


def _section_means(
    item: EcoCompensation,
    section: Section,
    codes: list[str],
    months: Sequence[str],
    samples: Mapping,
    value_denominator: int,
    scale: Fraction,
    problems: list[Diagnostic],
    *,
    fractions: bool,
    period_fractions: bool = True,
) -> tuple[dict[str, _Raw], dict[str, dict[str, Fraction]], dict[str, Fraction], _Raw]:
    """The means × ``scale`` of the months with a sample of every code, as (month → (numerators in ``codes``
    order, their common denominator) — the form the P-index and per-tonne rules compute on —, month → code →
    mean as a Fraction when ``fractions`` is asked for, else nothing, code → the mean of the monthly means when
    ``period_fractions`` is, and those as (numerators, denominator)).

    The missing samples are reported once per section, per indicator or per month, whichever says it in one line.
    """
    name_zh, name_en = section.name_zh, section.label("en")
    if not samples:
        problems.append(
            _diag(
                item,
                "error",
                "no_sample",
                f"断面“{name_zh}”尚无监测数据",
                f"section {name_en} has no monitoring data",
                field="records",
            )
        )
        return {}, {}, {}, ((), 1)
    sn, sd = scale.numerator, scale.denominator
    raw: dict[str, _Raw] = {}
    monthly: dict[str, dict[str, Fraction]] = {}
    sums, sums_denominator = [0] * len(codes), 1  # Σ of the monthly means per code, on a running denominator
    gaps: dict[str, list[str]] = {}
    for month in months:
        got = samples.get(month)
        if not got:
            gaps.setdefault("", []).append(month)
            continue
        totals, how_many = got  # code → Σ values over value_denominator, code → count
        try:
            numerators = [totals[c] * sn for c in codes]
        except KeyError:
            for code in codes:
                if code not in totals:
                    gaps.setdefault(code, []).append(month)
            continue
        counts = [how_many[c] for c in codes]
        if fractions:
            monthly[month] = {
                c: Fraction(n, value_denominator * k * sd) for c, n, k in zip(codes, numerators, counts, strict=True)
            }
        if counts.count(counts[0]) == len(counts):  # as many samples of every code: one denominator already
            common = value_denominator * counts[0] * sd
        else:
            common = value_denominator * math.lcm(*counts) * sd
            numerators = [n * (common // (value_denominator * k * sd)) for n, k in zip(numerators, counts, strict=True)]
        raw[month] = (tuple(numerators), common)
        if common != sums_denominator:
            joint = math.lcm(common, sums_denominator)
            sums = [n * (joint // sums_denominator) for n in sums]
            numerators = [n * (joint // common) for n in numerators]
            sums_denominator = joint
        sums = [a + n for a, n in zip(sums, numerators, strict=True)]
    empty = gaps.pop("", [])
    for month in empty:
        problems.append(
            _diag(
                item,
                "error",
                "no_sample",
                f"断面“{name_zh}”{_month_zh(month)}没有监测数据",
                f"section {name_en} has no sample in {month}",
                field="records",
            )
        )
    for code, missed in gaps.items():
        if len(missed) + len(empty) == len(months):  # never measured in the period: say it once
            zh, en = f"断面“{name_zh}”没有{code}的监测数据", f"section {name_en} has no {code} sample"
            problems.append(_diag(item, "error", "no_sample", zh, en, field="records"))
            continue
        for month in missed:
            problems.append(
                _diag(
                    item,
                    "error",
                    "no_sample",
                    f"断面“{name_zh}”{_month_zh(month)}没有{code}的监测数据",
                    f"section {name_en} has no {code} sample in {month}",
                    field="records",
                )
            )
    if not raw:
        return raw, monthly, {}, ((), 1)
    period = sums_denominator * len(raw)
    means = {c: Fraction(n, period) for c, n in zip(codes, sums, strict=True)} if period_fractions else {}
    return raw, monthly, means, (tuple(sums), period)


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
    tonne_scale_break_even: dict[str, Fraction] = field(default_factory=dict)
    month_amounts: dict[str, dict[str, int]] = field(default_factory=dict)
    flow_of: dict[str, int | Fraction] = field(default_factory=dict)
    """Each distinct flow text read once."""
    keep_settlements: bool = True
    """Keep every month's settlement (the details list them); else the per-tonne months only add their amounts
    to :attr:`flows` — all the period's total needs."""
    flows: dict[tuple[str, str], int] = field(default_factory=dict)
    """(payer, payee) → fen over the period, of the months whose settlements are not kept."""
    flow_parties: list[str] = field(default_factory=list)
    divisors: dict[int, Decimal | None] = field(default_factory=dict)
    """For :func:`_quantities`."""
    labels: dict[str, Bilingual] = field(default_factory=dict)
    """For :func:`_party_label`."""


def _section_label(section: Section, suffix_zh: str = "", suffix_en: str = "") -> Bilingual:
    return Bilingual(f"{section.name_zh}{suffix_zh}", f"{section.label('en')}{suffix_en}")


@dataclass(frozen=True)
class _PTerms:
    """The P-index parameters, read once per item: they are the same for every section."""

    k0: Fraction
    weights: dict[str, Fraction]
    baselines: dict[str, Fraction]
    coefficients: tuple[tuple[str, Fraction], ...]
    """aᵢ = k0·wᵢ/Cᵢ₀: P = Σᵢ aᵢ·Cᵢ (:func:`rules.p_index_coefficients`)."""
    threshold: Fraction
    tiers: tuple[rules.PTier, ...]
    numerators: tuple[int, ...]
    """The coefficients over their common :attr:`denominator`: a month's P is Σᵢ numeratorᵢ·Cᵢ / denominator."""
    denominator: int


def _p_terms(item: EcoCompensation, rule: PIndexRule) -> _PTerms:
    k0 = Fraction(Decimal(rule.k0))
    weights = {c: Fraction(Decimal(w)) for c, w in rule.weights.items()}
    baselines = {c: Fraction(Decimal(item.indicator(c).baseline)) for c in rule.weights}  # type: ignore[arg-type]
    coefficients = rules.p_index_coefficients(k0, weights, baselines)
    denominator = math.lcm(*(a.denominator for _, a in coefficients))
    return _PTerms(
        k0,
        weights,
        baselines,
        coefficients,
        Fraction(Decimal(rule.threshold)),
        tuple(rules.PTier(Fraction(Decimal(t.upper_bound)), t.amount_fen) for t in rule.tiers),
        tuple(a.numerator * (denominator // a.denominator) for _, a in coefficients),
        denominator,
    )


def _p_index(
    item: EcoCompensation, rule: PIndexRule, terms: _PTerms, section: Section, raw, means, work: _Work
) -> None:
    label = item.period.label
    name_zh, name_en = section.name_zh, section.label("en")
    p = rules.p_index_of(terms.coefficients, means)
    result = rules.p_index_bet(
        p,
        upstream=_upstream_party(section),
        downstream=section.downstream,
        amount_fen=rule.amount_fen,
        period=label,
        threshold=terms.threshold,
        central_fen=rule.central_fen,
        central_party=rule.central_party or CENTRAL,
        tiers=terms.tiers,
    )
    work.settlements.append(_spread(result.settlement, section, label, "P-index"))
    work.p[section.id] = p
    coefficients, denominator = terms.numerators, terms.denominator
    for month, (numerators, common) in raw.items():
        # the month's P, Σᵢ aᵢ·Cᵢ (rules.p_index_of), on the means' and the coefficients' common denominators
        month_p = sum([a * n for a, n in zip(coefficients, numerators, strict=True)])
        work.index_rows.append(
            Row(
                f"{section.id}:{month}",
                Bilingual(f"{name_zh} {month}", f"{name_en} {month}"),
                (Quantity(_decimal(month_p, denominator * common)),),
            )
        )
    work.index_rows.append(
        Row(
            f"{section.id}:{label}", _section_label(section, f" {_period_zh(item)}全期", f" {label} (period)"), (_q(p),)
        )
    )
    be = rules.p_index_break_even(
        terms.k0, terms.weights, means, terms.baselines, threshold=terms.threshold, coefficients=terms.coefficients
    )
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


@dataclass(frozen=True)
class _TonneTerms:
    """The per-tonne parameters, read once per item: each used indicator's target and unit standard."""

    targets: dict[str, Fraction]
    standards: dict[str, rules.UnitStandard]
    flat: bool
    """No tiered unit standard: the break-even figures have a closed form."""
    units: dict[str, str]
    """Each indicator's unit, for the messages."""
    terms: rules.PerTonneSection
    """The targets and standards as the rule takes them, for every section to share (:meth:`for_section`)."""


def _tonne_terms(item: EcoCompensation, rule: PerTonneRule) -> _TonneTerms:
    standards = {
        c: rules.UnitStandard(
            fen, tuple((Fraction(Decimal(t.upper_multiple)), t.fen_per_tonne) for t in rule.tiers.get(c, ()))
        )
        for c, fen in rule.standards.items()
    }
    targets = {c: Fraction(Decimal(item.indicator(c).target)) for c in rule.standards}  # type: ignore[arg-type]
    units = {c: item.indicator(c).unit for c in rule.standards}
    flat = not any(s.tiers for s in standards.values())
    terms = rules.PerTonneSection.of(targets, standards, upstream="", downstream="")
    return _TonneTerms(targets, standards, flat, units, terms)


def _month_flow(text: str | set[str] | None, flow_of: dict[str, int | Fraction]) -> int | Fraction | None:
    """The month's one flow (its text as grouped by :func:`_group`; an int when whole), or None when it has none
    or several different ones."""
    if type(text) is str:
        value = flow_of.get(text)
        if value is None:
            n, d = Decimal(text).as_integer_ratio()
            value = flow_of[text] = n if d == 1 else Fraction(n, d)
        return value
    values = {_month_flow(one, flow_of) for one in text or ()}
    return values.pop() if len(values) == 1 else None


def _per_tonne(
    item: EcoCompensation,
    terms: _TonneTerms,
    section: Section,
    raw,
    means,
    samples,
    work: _Work,
    problems: list[Diagnostic],
) -> None:
    codes = list(terms.targets)
    name_zh, name_en = section.name_zh, section.label("en")
    section_terms = terms.terms.for_section(upstream=_ratios(section, codes), downstream=section.downstream)
    amounts: dict[str, int] = {}
    months: list[rules.PerTonneMonth] = []
    downstream = section.downstream
    work.flow_parties += [*section_terms.parties, downstream]
    flow_of, flows, rows = work.flow_of, work.flows, work.index_rows
    for month, (numerators, common) in raw.items():
        text = samples[month][0].get(FLOW)
        flow = flow_of.get(text) if type(text) is str else None  # read before: the usual case
        if flow is None:
            flow = _month_flow(text, flow_of)
        if flow is None:
            zh, en = (
                (f"断面“{name_zh}”{_month_zh(month)}缺少月水量", f"section {name_en} has no monthly flow in {month}")
                if text is None
                else (
                    f"断面“{name_zh}”{_month_zh(month)}的月水量前后不一致",
                    f"section {name_en} has differing monthly flows in {month}",
                )
            )
            problems.append(_diag(item, "error", "flow", zh, en, field="records"))
            continue
        result = section_terms.month_on(numerators, common, flow, month)
        months.append(result)
        if work.keep_settlements:
            work.settlements.append(result.settlement)
        else:
            for party, share in result.shares_fen.items():
                if share:
                    pair = (party, downstream) if share > 0 else (downstream, party)
                    flows[pair] = flows.get(pair, 0) + abs(share)
        amounts[month] = result.total_fen
        tonnes = _quantities(result.tonne_numerators, result.denominator, work.divisors)
        rows.append(
            Row(
                f"{section.id}:{month}",
                Bilingual(f"{name_zh} {month}", f"{name_en} {month}"),
                (result.total_fen, *tonnes),
            )
        )
    work.month_amounts[section.id] = amounts
    if not terms.flat:
        return
    found = section_terms.break_even_on(*means)  # the period's means, as numerators over their denominator
    work.tonne_break_even[section.id] = found
    scale = rules.per_tonne_scale_break_even(months)
    if scale is not None:
        work.tonne_scale_break_even[section.id] = scale
    work.break_rows.append(Row(section.id, _section_label(section), (*(_q(found.get(c)) for c in codes), _q(scale))))
    if found:
        units = terms.units
        shown = {c: _shown(v) for c, v in found.items()}
        work.notes.append(
            _diag(
                item,
                "info",
                "break_even",
                f"断面“{name_zh}”：其他指标按全期均值不变时，补偿为零的浓度为"
                + "、".join(f"{c} {shown[c]}{units[c]}" for c in found)
                + "；高于此由上游支付，低于此由下游支付",
                f"section {name_en}: one indicator moving, the others at their period means, the amount is zero at "
                + ", ".join(f"{c} = {shown[c]} {units[c]}" for c in found)
                + "; above it upstream pays, below it downstream pays",
                field="rule",
            )
        )


def _targets(item: EcoCompensation, codes: list[str]) -> dict[str, Fraction]:
    return {c: Fraction(Decimal(item.indicator(c).target)) for c in codes}  # type: ignore[arg-type]


def _passes(month_means: Mapping[str, Fraction], targets: Mapping[str, Fraction]) -> bool:
    return all(month_means[c] <= t for c, t in targets.items())


def _status(item: EcoCompensation, rule: MonthlyStatusRule, section: Section, monthly, codes, work: _Work) -> None:
    targets = _targets(item, codes)
    baselines = {c: Fraction(Decimal(item.indicator(c).baseline)) for c in codes}  # type: ignore[arg-type]
    # the mean ratio of the month's means to last year's level: a P-index with k0 = 1 and equal weights
    mean_ratio = rules.p_index_coefficients(1, {c: Fraction(1, len(codes)) for c in codes}, baselines)
    amounts: dict[str, int] = {}
    for month, month_means in monthly.items():
        composite = rules.p_index_of(mean_ratio, month_means)
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
    tiers = [(Fraction(Decimal(t.lower_bound)), t.amount_fen) for t in rule.tiers]
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
    """A warning for the rule's parameters when they are unverified ([U]) or assumed ([A]), and one per tag for
    the indicators' limits, naming every indicator it concerns."""
    words = {
        "U": (
            "来源未经核实（[U]），签约前应查证原文件",
            "are unverified ([U]): check the original document before signing",
            "unverified",
        ),
        "A": ("是示例假设值（[A]），不是正式数据", "are assumed for an example ([A]), not official figures", "assumed"),
    }
    notes = []
    provenance = item.rule.provenance
    if provenance is not None and provenance.tag in words:
        zh, en, code = words[provenance.tag]
        notes.append(_diag(item, "warning", code, f"补偿规则参数{zh}", f"the rule's parameters {en}", field="rule"))
    for tag, (zh, en, code) in words.items():
        flagged = [
            (n, i.code) for n, i in enumerate(item.indicators) if i.provenance is not None and i.provenance.tag == tag
        ]
        if not flagged:
            continue
        names_zh, names_en = "、".join(c for _, c in flagged), ", ".join(c for _, c in flagged)
        indicators_en = "indicator" if len(flagged) == 1 else "indicators"
        where = f"indicators[{flagged[0][0]}]" if len(flagged) == 1 else "indicators"
        notes.append(
            _diag(
                item,
                "warning",
                code,
                f"指标{names_zh}的浓度限值{zh}",
                f"the limits of {indicators_en} {names_en} {en}",
                field=where,
            )
        )
    return notes


def _simulation_note(item: EcoCompensation) -> Diagnostic:
    s = item.quality_scale
    return _diag(
        item,
        "warning",
        "simulation",
        f"模拟情景：实测浓度×{s}，不是实测结果",
        f"simulation: measured concentrations × {s}, not measured results",
        field="quality_scale",
    )


def compute_eco_details(scenario: Scenario, item: EcoCompensation, progress: Progress) -> tuple[ItemResult, EcoDetails]:
    """:func:`compute_eco` with the exact figures behind its tables (:class:`EcoDetails`)."""
    return _compute(scenario, item, progress, details=True)


def _compute(
    scenario: Scenario, item: EcoCompensation, progress: Progress, *, details: bool
) -> tuple[ItemResult, EcoDetails]:
    """:func:`_compute_exactly` with decimals wide enough for any valid item (concentrations up to 10¹⁵ over
    baselines down to 10⁻¹² give indices of 57 digits; the default 28 would round a finite decimal or refuse to
    quantize it)."""
    with localcontext(WIDE):
        return _compute_exactly(scenario, item, progress, details=details)


def _compute_exactly(
    scenario: Scenario, item: EcoCompensation, progress: Progress, *, details: bool
) -> tuple[ItemResult, EcoDetails]:
    """The result, and the details when asked for (without, the monthly means are not made Fractions: the rules
    compute on their integer numerators; the P-index and per-tonne rules need nothing else)."""
    progress.check()
    rule = item.rule
    if not item.records:  # one line, not one per section and month
        return ItemResult(item.id, KIND, diagnostics=(_no_records(item),)), EcoDetails()
    codes = _used_codes(item)
    problems = _check_inputs(item, codes)
    if problems:
        return ItemResult(item.id, KIND, diagnostics=tuple(problems)), EcoDetails()
    scale = Fraction(Decimal(item.quality_scale))
    samples, value_denominator = _group(item)
    months = item.period.months()
    fractions = details or not isinstance(rule, PIndexRule | PerTonneRule)
    work = _Work(keep_settlements=details)
    monthly_all: dict[str, dict[str, dict[str, Fraction]]] = {}
    means_all: dict[str, dict[str, Fraction]] = {}
    pool: list[rules.PoolSection] = []
    failure: dict[str, Fraction] = {}
    total_sections = len(item.sections)
    try:
        p_terms = _p_terms(item, rule) if isinstance(rule, PIndexRule) else None
        tonne_terms = _tonne_terms(item, rule) if isinstance(rule, PerTonneRule) else None
        reported = time.perf_counter()
        for step, section in enumerate(item.sections):
            if time.perf_counter() - reported >= REPORT_SECONDS:
                progress.report(step, total_sections)
                reported = time.perf_counter()
            raw, monthly, means, period_means = _section_means(
                item,
                section,
                codes,
                months,
                samples.get(section.id, {}),
                value_denominator,
                scale,
                problems,
                fractions=fractions,
                period_fractions=details or tonne_terms is None,  # the per-tonne rule reads the integer sums
            )
            monthly_all[section.id] = monthly
            if problems:
                continue
            means_all[section.id] = means
            if p_terms is not None:
                _p_index(item, rule, p_terms, section, raw, means, work)  # type: ignore[arg-type]
            elif tonne_terms is not None:
                _per_tonne(item, tonne_terms, section, raw, period_means, samples[section.id], work, problems)
            elif isinstance(rule, MonthlyStatusRule):
                _status(item, rule, section, monthly, codes, work)
            elif isinstance(rule, ExceedanceRule):
                _exceedance(item, rule, section, monthly, codes, work)
            else:
                _pool_inputs(item, rule, section, monthly, means, codes, pool, failure, work)  # type: ignore[arg-type]
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
        if work.flows:
            work.settlements.append(rules.combine_flows(work.flows, work.flow_parties, label))
        combined = rules.combine(work.settlements, label)
        _check_amounts(combined.nets.values(), (t.amount_fen for t in combined.transfers))
    except (rules.RuleError, ArithmeticError, ValueError) as exc:
        problems.append(
            _diag(item, "error", "rule", f"无法按规则计算：{exc}", f"the rule cannot be applied: {exc}", field="rule")
        )
        return ItemResult(item.id, KIND, diagnostics=tuple(problems)), EcoDetails(monthly_all, means_all)

    precision = display_precision(scenario)
    tables = _tables(scenario, item, codes, combined, work)
    diagnostics = [] if scale == 1 else [_simulation_note(item)]
    diagnostics += _payment_notes(scenario, item, combined, precision, work.labels)
    diagnostics += [*work.notes, *_provenance_notes(item)]
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
        work.tonne_scale_break_even,
        scale,
    )
    return ItemResult(item.id, KIND, tables, tuple(diagnostics)), details


def _no_records(item: EcoCompensation) -> Diagnostic:
    return _diag(
        item,
        "error",
        "no_records",
        "尚无监测数据：请导入监测数据",
        "no monitoring data yet: import the monitoring data",
        field="records",
    )


def _party_label(scenario: Scenario, pid: str, known: dict[str, Bilingual] | None = None) -> Bilingual:
    """The party's name in both languages (``known``: the names already looked up in this compute)."""
    if known is not None and pid in known:
        return known[pid]
    if pid == CENTRAL:
        label = Bilingual("中央财政", "central government")
    else:
        party = scenario.party(pid)
        label = Bilingual(party.name_zh, party.name("en"))
    if known is not None:
        known[pid] = label
    return label


def _tables(
    scenario: Scenario, item: EcoCompensation, codes: list[str], combined: rules.Settlement, work: _Work
) -> tuple[ResultTable, ...]:
    label, known = item.period.label, work.labels
    transfer_rows = []
    for t in combined.transfers:
        payer, payee = _party_label(scenario, t.payer, known), _party_label(scenario, t.payee, known)
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
        tuple(Row(pid, _party_label(scenario, pid, known), (nets.get(pid, 0),)) for pid in order),
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
        columns = (
            *(
                Column(
                    f"c:{c}",
                    Bilingual(f"{c}临界浓度", f"{c} break-even"),
                    value,
                    Bilingual(item.indicator(c).unit, item.indicator(c).unit),
                )
                for c in codes
            ),
            Column(
                SCALE,
                Bilingual("全期金额为零的整体倍数", "Common factor at which the period's amount is zero"),
                value,
            ),
        )
        tables.append(
            ResultTable(BREAK_EVEN_TABLE, Bilingual("补偿方向反转点", "Break-even"), columns, tuple(work.break_rows))
        )
    return tuple(tables)


def _payment_notes(
    scenario: Scenario,
    item: EcoCompensation,
    combined: rules.Settlement,
    precision: DisplayPrecision,
    known: dict[str, Bilingual],
) -> list[Diagnostic]:
    period_zh, label = _period_zh(item), item.period.label
    if not combined.transfers:
        return [_diag(item, "info", "payment", f"{period_zh}各方之间无需支付补偿", f"{label}: no party pays another")]
    notes = []
    shown: dict[int, tuple[str, str]] = {}  # many transfers share an amount (a bet per section)
    for t in combined.transfers:
        payer, payee = _party_label(scenario, t.payer, known), _party_label(scenario, t.payee, known)
        amounts = shown.get(t.amount_fen)
        if amounts is None:
            amounts = shown[t.amount_fen] = (
                format_amount(t.amount_fen, precision, lang="zh"),
                format_amount(t.amount_fen, precision, lang="en"),
            )
        zh_amount, en_amount = amounts
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


def _check_amounts(*groups: Iterable[int]) -> None:
    """RuleError when an amount is beyond what Accord prints (inputs at their bounds can multiply that far)."""
    for amounts in groups:
        if any(abs(a) > MAX_AMOUNT_FEN for a in amounts):
            raise rules.RuleError("an amount exceeds the largest Accord can print (10¹⁶ 元): check the inputs' units")


def negotiation_zone(item: EcoCompensation, combined: rules.Settlement) -> rules.NegotiationZone:
    """The zone of the item and where its proposed fund sits."""
    protection, opportunity, upper = zone_bounds(item)
    _check_amounts((protection, opportunity, upper, protection + opportunity))
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
