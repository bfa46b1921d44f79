"""Horizontal ecological-compensation rules (横向生态保护补偿) as pure functions of exact numbers.

Every quantity is exact: concentrations, weights, ratios and flows are :class:`~fractions.Fraction` (Decimals,
ints and decimal strings are accepted and converted; floats are refused), money is an ``int`` number of fen.
Where a total is divided among parties it is split by largest remainder, so the parts add up to the fen. Every
rule returns a :class:`Settlement`: transfers (payer, payee, fen, period) whose nets add up to zero across the
parties. Nothing here knows the file model; the item's compute maps its sections, indicators and monitoring
records onto these functions.

Source tags follow ``shared/reference/eco-compensation.md``: [S] sourced, [U] widely repeated but unverified,
[A] assumed (synthetic example input).

1. **P-index bet** (新安江 style; :func:`p_index`, :func:`p_index_bet`). With Cᵢ the annual mean of the
   monthly (or twice-monthly) samples of indicator i, Cᵢ₀ its baseline, wᵢ its weight and k0 the
   water-quality stability coefficient, P = k0·Σᵢ wᵢ·Cᵢ/Cᵢ₀ [U for the algebra and the constants; S for its
   components]. P ≤ 1 (inclusive, compared exactly) → the downstream party pays the upstream party the agreed
   amount; P > 1 → the upstream party pays the downstream party [S]. An optional central fund is paid to the
   upstream party whatever P is [S, rounds 1–2]. Graded "good water, good price" (好水好价) tiers are data: a
   list of (P upper bound, amount); the first tier whose bound P does not exceed sets the amount [S that the
   term exists; the tier table was not found, so there is no preset]. Round presets: :data:`XINAN_ROUNDS`.
2. **Per-tonne bidirectional** (江苏 style; :func:`per_tonne_month`). For each pollutant j of a section in a
   month, tonnes_j = (C_j − T_j)·Q·10⁻⁶ (mg/L = g/m³, Q in m³) and amount_j = tonnes_j·u_j with u_j the unit
   standard per tonne [S]; the section amount is Σⱼ amount_j. Positive (worse than target) → upstream pays
   downstream; negative (better than target) → downstream pays upstream [S, 苏政办发〔2013〕195号, bidirectional;
   the province's intermediation is not modelled: the transfer is shown as direct]. Several upstream parties
   share a section by pollution-contribution ratios, optionally per pollutant [S, Zhenjiang 九里 section].
   Optional tiered unit standards pick u_j by the exceedance multiple |C − T|/T [U: tier boundaries not found].
3. **Pooled fund** (赤水河 style; :func:`pooled_fund`). The fund F is paid in by contribution ratios and paid
   out by allocation ratios [S: 1:5:4 and 3:4:3, 2亿/yr]. When a section fails, the allocation of the party (or
   parties) named for it is cut by allocation × stake × f, f the failure fraction — 1 or 0 by the annual mean
   (all-or-nothing) or failed months / assessed months (in proportion) — a parameter, since the partial
   attainment formula was not found [S that it is open]; the cut is redistributed by agreed weights [S: 清水铺
   → 50/50 to 贵州 and 四川; 鲢鱼溪 → 四川]. Net = allocation after cuts − contribution; the settlement pays
   net payers to net receivers. C1: with every section passing, 云南 +4000万, 贵州 −2000万, 四川 −2000万 —
   "Guizhou and Sichuan each paid 20 million to upstream Yunnan" in 2019 [S].
4. **Monthly status rule** (重庆 style; :func:`monthly_status`). A border section that meets its functional
   class and improved on last year → downstream pays upstream a fixed sum for the month (100万 [S]); meets but
   declined → upstream pays downstream the same [S]; fails → a configurable signed amount, since the source
   says only "per regulation" [S that it is unspecified]; unchanged → a parameter (no transfer by default).
5. **Exceedance-multiple tiers** (周口 style; :func:`exceedance_payment`). m = (C − T)/T; with tiers
   (0.1, 0.5] 10万, (0.5, 1] 25万, (1, 1.5] 50万, (1.5, 2] 100万, > 2 200万, the upstream party pays
   tier amount × (1 + m) [S]; m ≤ 0.1 is not in the source excerpt and pays nothing by default [U].
6. **Negotiation zone** (:func:`negotiation_zone`). Lower bound = protection cost + opportunity cost, the
   latter either land-use, C_opp = (Σᵢ Aᵢ·Lᵢ·Kᵢ − costs)/A [S], or income gap,
   P = (R0 − R1)·N1 + (S0 − S1)·N2 [U]; upper bound = the increase in ecosystem-service value,
   ΔESV = Σₖ ΔAₖ·Eₖ·VC0 with VC0 = P_grain·Q_grain/7 [S] and Eₖ from an equivalent-factor table (the 2003
   table, :data:`EQUIVALENT_FACTORS_2003` [S], built in; negative equivalents allowed), or a WTP survey,
   E(WTP) = Σⱼ bⱼ·pⱼ, total = E(WTP)·N [U for the algebra]. The zone reports where a proposed fund sits.
7. **Break-even** (:func:`p_index_break_even`, :func:`per_tonne_break_even`). For the P-index, the annual
   mean at which P = 1 for each indicator alone, Cᵢ* = Cᵢ₀·(1/k0 − Σ_{j≠i} wⱼ·Cⱼ/Cⱼ₀)/wᵢ, and for all together
   the common factor s* = 1/P on the measured means, or r* = 1/(k0·Σwᵢ) = 1/k0 on the baselines when the
   weights sum to 1 [derived in the brief]. At exactly the break-even the payment keeps its P ≤ 1 direction;
   any worsening beyond reverses it. For per-tonne, the measured concentration of one pollutant at which the
   section's month amount is zero, C* = T − Σ_{j≠i}(C_j − T_j)·u_j/u_i (the flow cancels out), and the uniform
   factor s on every measured concentration at which a period's exact amount is zero (the amount is linear in s:
   s* = Σₘ Σⱼ Tⱼ·Qₘ·uⱼ / Σₘ Σⱼ Cⱼₘ·Qₘ·uⱼ; :func:`per_tonne_scale_break_even`).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import NamedTuple

from chengyu_accord.cost_sharing.money import apportion, round_half_up, split_fen

Number = Fraction | Decimal | int | str

FEN_PER_YUAN = 100
FEN_PER_WAN = 100 * 10_000
FEN_PER_YI = 100 * 100_000_000
TONNES_PER_MG_L_M3 = Fraction(1, 1_000_000)  # mg/L = g/m³; g → t is 10⁻⁶


class RuleError(ValueError):
    """A rule's parameters or inputs that cannot give a result (an unknown weight, a zero baseline, …)."""


def exact(value: Number) -> Fraction:
    """An exact Fraction from a Fraction, Decimal, int or decimal string ("0.25", "1/3"); floats are refused."""
    if type(value) is Fraction:  # the usual case, without Fraction()'s abstract-base-class checks
        return value
    if isinstance(value, (float, bool)):
        raise RuleError(
            f"{value!r}: give an exact number (Fraction, Decimal, int or string), not {type(value).__name__}"
        )
    try:
        return Fraction(value)
    except (ValueError, TypeError, ZeroDivisionError):
        raise RuleError(f"{value!r} is not a number") from None


def to_fen(amount_fen: Fraction) -> int:
    """Round an exact amount of fen to a whole fen, halves away from zero (四舍五入)."""
    return round_half_up(amount_fen)


def yuan(amount: Number) -> Fraction:
    """An exact amount in 元, as fen (not yet rounded)."""
    return exact(amount) * FEN_PER_YUAN


# ---------------------------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Transfer:
    """One payment: ``payer`` pays ``payee`` ``amount_fen`` (> 0) for ``period`` ("2019", "2019-03")."""

    payer: str
    payee: str
    amount_fen: int
    period: str
    reason: str = ""

    def __post_init__(self) -> None:
        if self.amount_fen <= 0:
            raise RuleError(f"a transfer must be positive, not {self.amount_fen} fen")
        if self.payer == self.payee:
            raise RuleError(f"{self.payer} cannot pay itself")


@dataclass(frozen=True)
class Settlement:
    """The transfers of one period (or of several, once combined) and each party's net (+ receives, − pays).

    ``parties`` lists every party concerned, also those whose net is zero; nets always add up to zero.
    """

    transfers: tuple[Transfer, ...]
    parties: tuple[str, ...]

    @property
    def nets(self) -> dict[str, int]:
        nets = dict.fromkeys(self.parties, 0)
        for t in self.transfers:
            nets[t.payer] = nets.get(t.payer, 0) - t.amount_fen
            nets[t.payee] = nets.get(t.payee, 0) + t.amount_fen
        return nets

    def net(self, party: str) -> int:
        return self.nets.get(party, 0)


def _settlement(transfers: Iterable[Transfer | None], parties: Iterable[str]) -> Settlement:
    kept = tuple(t for t in transfers if t is not None)
    names = list(dict.fromkeys(parties))
    for t in kept:
        for p in (t.payer, t.payee):
            if p not in names:
                names.append(p)
    return Settlement(kept, tuple(names))


def _signed_transfer(amount_fen: int, debtor: str, creditor: str, period: str, reason: str) -> Transfer | None:
    """``debtor`` pays ``creditor`` ``amount_fen``; a negative amount reverses the direction; zero is no transfer."""
    if amount_fen > 0:
        return Transfer(debtor, creditor, amount_fen, period, reason)
    if amount_fen < 0:
        return Transfer(creditor, debtor, -amount_fen, period, reason)
    return None


def settle_nets(nets: Mapping[str, int], period: str, reason: str = "") -> Settlement:
    """Transfers that realise ``nets`` (summing to zero): net payers pay net receivers, in the given party order."""
    if sum(nets.values()) != 0:
        raise RuleError(f"nets do not add up to zero: {dict(nets)}")
    payers = [[p, -n] for p, n in nets.items() if n < 0]
    receivers = [[p, n] for p, n in nets.items() if n > 0]
    transfers: list[Transfer] = []
    i = j = 0
    while i < len(payers) and j < len(receivers):
        amount = min(payers[i][1], receivers[j][1])
        transfers.append(Transfer(payers[i][0], receivers[j][0], amount, period, reason))
        payers[i][1] -= amount
        receivers[j][1] -= amount
        i += payers[i][1] == 0
        j += receivers[j][1] == 0
    return _settlement(transfers, nets)


def combine(settlements: Iterable[Settlement], period: str, *, net_pairs: bool = True) -> Settlement:
    """The settlements of several periods (e.g. 12 months) as one for ``period`` (e.g. the year).

    Amounts between the same two parties are added; with ``net_pairs`` opposite flows between a pair are netted
    into one transfer. Nets per party are the sums of the periods' nets either way.
    """
    parties: list[str] = []
    flows: dict[tuple[str, str], int] = {}
    for s in settlements:
        parties.extend(s.parties)
        for t in s.transfers:
            flows[(t.payer, t.payee)] = flows.get((t.payer, t.payee), 0) + t.amount_fen
    return combine_flows(flows, parties, period, net_pairs=net_pairs)


def combine_flows(
    flows: Mapping[tuple[str, str], int], parties: Iterable[str], period: str, *, net_pairs: bool = True
) -> Settlement:
    """:func:`combine` of amounts already added up per (payer, payee), in the order they first appeared."""
    transfers: list[Transfer | None] = []
    done: set[tuple[str, str]] = set()
    for (a, b), amount in flows.items():
        if not net_pairs:
            transfers.append(Transfer(a, b, amount, period))
        elif (b, a) not in done:
            done.add((a, b))
            transfers.append(_signed_transfer(amount - flows.get((b, a), 0), a, b, period, ""))
    return _settlement(transfers, parties)


# ---------------------------------------------------------------------------------------------------------------
# 1. P-index bet (新安江)


def annual_mean(samples: Sequence[Number]) -> Fraction:
    """The exact mean of a year's samples of one indicator."""
    if not samples:
        raise RuleError("no samples to average")
    return sum((exact(s) for s in samples), Fraction(0)) / len(samples)


def p_index(
    k0: Number, weights: Mapping[str, Number], means: Mapping[str, Number], baselines: Mapping[str, Number]
) -> Fraction:
    """P = k0·Σᵢ wᵢ·Cᵢ/Cᵢ₀ over the indicators of ``weights`` (exact)."""
    return p_index_of(p_index_coefficients(k0, weights, baselines), means)


def p_index_coefficients(
    k0: Number, weights: Mapping[str, Number], baselines: Mapping[str, Number]
) -> tuple[tuple[str, Fraction], ...]:
    """aᵢ = k0·wᵢ/Cᵢ₀ for each weighted indicator: P is linear in the means, P = Σᵢ aᵢ·Cᵢ, so a section's months
    cost one product per indicator each once these are known."""
    k = exact(k0)
    coefficients = []
    for name, weight in weights.items():
        if name not in baselines:
            raise RuleError(f"indicator {name!r} has a weight but no measured mean or no baseline")
        base = exact(baselines[name])
        if base <= 0:
            raise RuleError(f"the baseline of {name!r} must be positive, not {base}")
        coefficients.append((name, k * exact(weight) / base))
    return tuple(coefficients)


def p_index_of(coefficients: Sequence[tuple[str, Fraction]], means: Mapping[str, Number]) -> Fraction:
    """P = Σᵢ aᵢ·Cᵢ from :func:`p_index_coefficients`, exact: summed in integers on a running common denominator,
    with one reduction at the end (a Fraction sum would reduce at every step)."""
    numerator, denominator = 0, 1
    for name, a in coefficients:
        if name not in means:
            raise RuleError(f"indicator {name!r} has a weight but no measured mean or no baseline")
        x = exact(means[name])
        n, d = a.numerator * x.numerator, a.denominator * x.denominator
        if d == denominator:
            numerator += n
        else:
            numerator, denominator = numerator * d + n * denominator, denominator * d
    return Fraction(numerator, denominator)


@dataclass(frozen=True)
class PTier:
    """A graded tier: when P ≤ ``upper_bound`` (and above the previous tier's bound), the amount is ``amount_fen``."""

    upper_bound: Fraction
    amount_fen: int


@dataclass(frozen=True)
class PIndexResult:
    p: Fraction
    threshold: Fraction
    downstream_pays: bool  # P ≤ threshold
    amount_fen: int  # the bet amount (from the tiers when given)
    settlement: Settlement


def p_index_bet(
    p: Number,
    *,
    upstream: str,
    downstream: str,
    amount_fen: int,
    period: str,
    threshold: Number = 1,
    central_fen: int = 0,
    central_party: str = "中央",
    tiers: Sequence[tuple[Number, int]] | Sequence[PTier] = (),
) -> PIndexResult:
    """Settle the P-index bet: P ≤ threshold → downstream pays upstream, else upstream pays downstream.

    ``tiers`` (P upper bound, amount in fen), in any order, grade the amount: the tier with the smallest bound
    not below P sets it; above every bound ``amount_fen`` applies. The direction is set by the threshold alone.
    ``central_fen`` is paid by ``central_party`` to the upstream party whatever P is.
    """
    p_exact, limit = exact(p), exact(threshold)
    graded = sorted(
        (t if isinstance(t, PTier) else PTier(exact(t[0]), int(t[1])) for t in tiers), key=lambda t: t.upper_bound
    )
    amount = next((t.amount_fen for t in graded if p_exact <= t.upper_bound), amount_fen)
    if amount < 0 or central_fen < 0:
        raise RuleError("bet and central amounts must not be negative")
    downstream_pays = p_exact <= limit
    payer, payee = (downstream, upstream) if downstream_pays else (upstream, downstream)
    shown = round(Decimal(p_exact.numerator) / Decimal(p_exact.denominator), 6)
    reason = f"P = {shown} {'≤' if downstream_pays else '>'} {limit}"
    transfers = [Transfer(payer, payee, amount, period, reason) if amount else None]
    if central_fen:
        transfers.append(Transfer(central_party, upstream, central_fen, period, "central fund"))
    parties = [upstream, downstream] + ([central_party] if central_fen else [])
    return PIndexResult(p_exact, limit, downstream_pays, amount, _settlement(transfers, parties))


@dataclass(frozen=True)
class XinanRound:
    """A 新安江 round preset; ``tags`` give each parameter's provenance ([S]/[U])."""

    name: str
    years: tuple[int, ...]
    k0: Fraction
    weights: Mapping[str, Fraction]
    amount_fen: int  # each province's bet per year
    central_fen_by_year: Mapping[int, int]
    tags: Mapping[str, str] = field(default_factory=dict)


_QUARTER = Fraction(1, 4)
XINAN_ROUNDS: tuple[XinanRound, ...] = (
    XinanRound(
        "round 1 (试点)",
        (2012, 2013, 2014),
        Fraction("0.85"),
        {"CODMn": _QUARTER, "NH3-N": _QUARTER, "TP": _QUARTER, "TN": _QUARTER},
        1 * FEN_PER_YI,
        {2012: 3 * FEN_PER_YI, 2013: 3 * FEN_PER_YI, 2014: 3 * FEN_PER_YI},
        {"k0": "U", "weights": "S", "amount": "S", "central": "S"},
    ),
    XinanRound(
        "round 2",
        (2015, 2016, 2017),
        Fraction("0.89"),
        {"CODMn": _QUARTER, "NH3-N": _QUARTER, "TP": _QUARTER, "TN": _QUARTER},
        2 * FEN_PER_YI,
        {2015: 4 * FEN_PER_YI, 2016: 3 * FEN_PER_YI, 2017: 2 * FEN_PER_YI},
        {"k0": "U", "weights": "U", "amount": "S", "central": "S"},  # weights changed "from 2017" [S]; to what: [U]
    ),
    XinanRound(
        "round 3",
        (2018, 2019, 2020),
        Fraction("0.90"),
        {"CODMn": Fraction("0.22"), "NH3-N": Fraction("0.22"), "TP": Fraction("0.28"), "TN": Fraction("0.28")},
        2 * FEN_PER_YI,
        {2018: 0, 2019: 0, 2020: 0},
        {"k0": "U", "weights": "U", "amount": "S", "central": "S"},
    ),
)


# ---------------------------------------------------------------------------------------------------------------
# 2. Per-tonne bidirectional (江苏)


@dataclass(frozen=True)
class UnitStandard:
    """Fen per tonne, optionally tiered by the exceedance multiple |C − T|/T.

    ``tiers`` are (multiple upper bound, fen per tonne) in ascending bounds; the first tier whose bound the
    multiple does not exceed applies; above every bound, ``fen_per_tonne``.
    """

    fen_per_tonne: int
    tiers: tuple[tuple[Fraction, int], ...] = ()

    def at(self, measured: Fraction, target: Fraction) -> int:
        if not self.tiers:
            return self.fen_per_tonne
        if target <= 0:
            raise RuleError("a tiered unit standard needs a positive target concentration")
        multiple = abs(measured - target) / target
        return next((u for bound, u in sorted(self.tiers) if multiple <= bound), self.fen_per_tonne)


JIANGSU_UNIT_STANDARDS: Mapping[str, UnitStandard] = {
    # [S] Taihu pilot / Zhenjiang text; [U] that the province-wide 195号 standards are the same
    "CODMn": UnitStandard(15_000 * FEN_PER_YUAN),
    "NH3-N": UnitStandard(100_000 * FEN_PER_YUAN),
    "TP": UnitStandard(100_000 * FEN_PER_YUAN),
}


@dataclass(frozen=True)
class PollutantReading:
    """One pollutant of a section in a month: measured and target concentration (mg/L) and its unit standard."""

    pollutant: str
    measured: Fraction
    target: Fraction
    standard: UnitStandard

    @classmethod
    def of(cls, pollutant: str, measured: Number, target: Number, standard: UnitStandard | int) -> PollutantReading:
        unit = standard if isinstance(standard, UnitStandard) else UnitStandard(int(standard))
        return cls(pollutant, exact(measured), exact(target), unit)


def tonnes(measured: Number, target: Number, flow_m3: Number) -> Fraction:
    """(C − T)·Q·10⁻⁶ tonnes: positive when worse than target."""
    return (exact(measured) - exact(target)) * exact(flow_m3) * TONNES_PER_MG_L_M3


class PerTonneMonth(NamedTuple):
    """One section's month under the per-tonne rule. Its exact figures share one denominator: for the j-th of
    ``pollutants``, tonnesⱼ = ``tonne_numerators[j]/denominator`` and amountⱼ = tonnesⱼ·``units_fen[j]`` (as
    mappings: :attr:`tonnes`, :attr:`amounts_fen`). A named tuple: a year of many sections makes hundreds."""

    pollutants: tuple[str, ...]
    denominator: int
    tonne_numerators: tuple[int, ...]  # per pollutant, signed (+ worse than target)
    units_fen: tuple[int, ...]  # the unit standard applied per pollutant, fen per tonne
    total_fen: int  # section total rounded to the fen, signed (+ upstream pays)
    shares_fen: Mapping[str, int]  # per upstream party, signed, summing to total_fen
    downstream: str
    period: str
    exact_numerator: int
    """The exact section amount in fen over ``denominator`` (before rounding to the fen)."""
    measured_numerator: int
    """Σⱼ Cⱼ·Q·10⁻⁶·uⱼ over ``denominator``: the part of the amount that moves with the measured concentrations
    (the rest, Σⱼ Tⱼ·Q·10⁻⁶·uⱼ, is fixed); see :func:`per_tonne_scale_break_even`."""

    @property
    def exact_total_fen(self) -> Fraction:
        """The section's exact amount in fen, signed (+ upstream pays), before rounding to the fen."""
        return Fraction(self.exact_numerator, self.denominator)

    @property
    def settlement(self) -> Settlement:
        """The month's transfers: a positive share paid by that upstream party to the downstream one, a negative one
        the other way (made when asked for: a year's total needs only the shares, see :func:`combine_flows`)."""
        transfers = [
            _signed_transfer(s, p, self.downstream, self.period, "per-tonne") for p, s in self.shares_fen.items()
        ]
        return _settlement(transfers, [*self.shares_fen, self.downstream])

    @property
    def tonnes(self) -> dict[str, Fraction]:
        """Tonnes per pollutant, signed: (Cⱼ − Tⱼ)·Q·10⁻⁶."""
        return {j: Fraction(n, self.denominator) for j, n in zip(self.pollutants, self.tonne_numerators, strict=True)}

    @property
    def amounts_fen(self) -> dict[str, Fraction]:
        """Exact amount per pollutant in fen, signed (+ upstream pays)."""
        return {
            j: Fraction(n * u, self.denominator)
            for j, n, u in zip(self.pollutants, self.tonne_numerators, self.units_fen, strict=True)
        }


def _over(value: Fraction | int, denominator: int) -> int:
    """The numerator of ``value`` over ``denominator`` (a multiple of the value's own denominator)."""
    if type(value) is int:
        return value * denominator
    return value.numerator * (denominator // value.denominator)


UpstreamShares = str | Mapping[str, Number] | Mapping[str, Mapping[str, Number]]
"""One upstream party, or its contribution ratios {party: weight}, or per pollutant {pollutant: {party: weight}}."""


@dataclass(frozen=True)
class PerTonneSection:
    """A section's per-tonne terms, the same every month: each pollutant's target and unit standard, who shares the
    amount and who receives it. :meth:`month` settles one month (:func:`per_tonne_month` for a single one).

    A month is computed in integers on one common denominator — the means', the targets' and the flow's
    denominators times 10⁶ — so a year of many sections costs integer products, not a Fraction (and its
    reduction) per pollutant and step; the results are the same exact numbers.
    """

    pollutants: tuple[str, ...]
    targets: tuple[Fraction, ...]
    standards: tuple[UnitStandard, ...]
    ratios: Mapping[str, Mapping[str, Fraction]]  # pollutant → party → ratio, normalised to sum to 1
    downstream: str

    @classmethod
    def of(
        cls,
        targets: Mapping[str, Number],
        standards: Mapping[str, UnitStandard | int],
        *,
        upstream: UpstreamShares,
        downstream: str,
    ) -> PerTonneSection:
        """The terms for the pollutants of ``targets`` (each needs a standard); ``upstream`` as in
        :func:`per_tonne_month`."""
        pollutants = tuple(targets)
        missing = [j for j in pollutants if j not in standards]
        if missing:
            raise RuleError(f"no unit standard for {missing}")
        units = tuple(
            u if isinstance(u, UnitStandard) else UnitStandard(int(u)) for u in (standards[j] for j in pollutants)
        )
        return cls(
            pollutants,
            tuple(exact(targets[j]) for j in pollutants),
            units,
            _contribution_ratios(upstream, pollutants),
            downstream,
        )

    def for_section(self, *, upstream: UpstreamShares, downstream: str) -> PerTonneSection:
        """The same pollutants, targets and standards at another section, with its sharing and downstream party;
        the targets' integer form, the same for every section, is taken along rather than recomputed."""
        other = PerTonneSection(
            self.pollutants, self.targets, self.standards, _contribution_ratios(upstream, self.pollutants), downstream
        )
        other.__dict__["_fixed"] = self._fixed  # as cached_property stores it
        return other

    @property
    def parties(self) -> tuple[str, ...]:
        """The upstream parties sharing the amount, in the order of the ratios."""
        return self._shares[0]

    @cached_property
    def _shares(self) -> tuple[tuple[str, ...], tuple[tuple[int, ...], ...], int]:
        """(parties, each party's ratio numerators per pollutant, their common denominator)."""
        parties = tuple(dict.fromkeys(p for per in self.ratios.values() for p in per))
        if len(parties) == 1:  # the usual section: its one upstream party bears it all
            return parties, ((1,) * len(self.pollutants),), 1
        common = math.lcm(*(r.denominator for per in self.ratios.values() for r in per.values()))
        numerators = tuple(tuple(_over(self.ratios[j].get(p, 0), common) for j in self.pollutants) for p in parties)
        return parties, numerators, common

    @cached_property
    def _fixed(self) -> tuple[tuple[int, ...], int, tuple[int, ...] | None, int]:
        """(the targets' numerators over their common denominator, that denominator, the unit standards when
        none is tiered — else None: they depend on the month's concentrations —, and Σⱼ Tⱼ·uⱼ over the same
        denominator when the standards are flat)."""
        denominator = math.lcm(*(t.denominator for t in self.targets))
        targets = tuple(_over(t, denominator) for t in self.targets)
        if any(s.tiers for s in self.standards):
            return targets, denominator, None, 0
        units = tuple(s.fen_per_tonne for s in self.standards)
        return targets, denominator, units, sum(t * u for t, u in zip(targets, units, strict=True))

    def month(self, measured: Mapping[str, Number], flow_m3: Number, period: str) -> PerTonneMonth:
        """tonnesⱼ = (Cⱼ − Tⱼ)·Q·10⁻⁶ and amountⱼ = tonnesⱼ·uⱼ per pollutant; the section total Σⱼ amountⱼ rounded
        half-up to the fen, shared by largest remainder on Σⱼ amountⱼ·r_pⱼ; positive shares paid by the upstream
        party to the downstream one, negative ones the other way."""
        try:
            means = [exact(measured[j]) for j in self.pollutants]
        except KeyError as exc:
            raise RuleError(f"no measured concentration of {exc.args[0]!r}") from None
        common = math.lcm(*(c.denominator for c in means))
        return self.month_on([_over(c, common) for c in means], common, flow_m3, period)

    def month_on(self, numerators: Sequence[int], denominator: int, flow_m3: Number, period: str) -> PerTonneMonth:
        """:meth:`month` with the measured means given as ``numerators`` (in :attr:`pollutants` order) over one
        ``denominator`` — how monthly means summed in integers arrive — so no Fraction is made on the way."""
        if type(flow_m3) is int:  # a whole flow needs no Fraction
            q, flow_denominator = flow_m3, 1
        else:
            flow = exact(flow_m3)
            q, flow_denominator = flow.numerator, flow.denominator
        if q < 0:
            raise RuleError("flow must not be negative")
        targets, target_denominator, units, fixed = self._fixed
        if units is None:  # tiered: each standard by the month's exceedance multiple
            units = tuple(
                s.at(Fraction(n, denominator), t)
                for s, n, t in zip(self.standards, numerators, self.targets, strict=True)
            )
            fixed = sum(t * u for t, u in zip(targets, units, strict=True))
        # every figure over one denominator: the means' and the targets' common one, times the flow's and 10⁶;
        # tonnesⱼ = Cⱼ·Q − Tⱼ·Q, and Σⱼ tonnesⱼ·uⱼ = Q·Σⱼ Cⱼ·uⱼ − Q·Σⱼ Tⱼ·uⱼ (the second sum is the section's own)
        common = denominator if denominator % target_denominator == 0 else math.lcm(target_denominator, denominator)
        measured_factor, target_factor = common // denominator * q, common // target_denominator * q
        tonne_numerators = tuple(
            [n * measured_factor - t * target_factor for n, t in zip(numerators, targets, strict=True)]
        )
        moving = sum([n * u for n, u in zip(numerators, units, strict=True)]) * measured_factor
        exact_total = moving - fixed * target_factor
        exact_denominator = common * flow_denominator * 1_000_000
        total = (2 * abs(exact_total) + exact_denominator) // (2 * exact_denominator)  # to the fen, half up (to_fen)
        if exact_total < 0:
            total = -total
        parties, ratio_numerators, ratio_denominator = self._shares
        if len(parties) == 1:
            shares = {parties[0]: total}
        else:
            amounts = [n * u for n, u in zip(tonne_numerators, units, strict=True)]
            quotas = [sum(a * r for a, r in zip(amounts, row, strict=True)) for row in ratio_numerators]
            parts = apportion(quotas, exact_denominator * ratio_denominator, total) if parties else []
            shares = dict(zip(parties, parts, strict=True))
        return PerTonneMonth(
            self.pollutants,
            exact_denominator,
            tonne_numerators,
            units,
            total,
            shares,
            self.downstream,
            period,
            exact_total,
            moving,
        )

    def break_even(self, measured: Mapping[str, Number]) -> dict[str, Fraction]:
        """:func:`per_tonne_break_even` of every pollutant with a non-zero unit standard (flat standards only)."""
        means = [exact(measured[j]) for j in self.pollutants]
        common = math.lcm(*(c.denominator for c in means))
        return self.break_even_on([_over(c, common) for c in means], common)

    def break_even_on(self, numerators: Sequence[int], denominator: int) -> dict[str, Fraction]:
        """:meth:`break_even` with the means as ``numerators`` over one ``denominator`` (as :meth:`month_on`)."""
        targets, target_denominator, units, _ = self._fixed
        if units is None:
            raise RuleError("the break-even is closed-form only for flat unit standards")
        return _break_evens_on(self.pollutants, numerators, denominator, targets, target_denominator, units)


def per_tonne_month(
    readings: Sequence[PollutantReading],
    flow_m3: Number,
    *,
    upstream: UpstreamShares,
    downstream: str,
    period: str,
) -> PerTonneMonth:
    """One section's month under the bidirectional per-tonne rule.

    ``upstream`` is one party, or contribution ratios {party: weight} for all pollutants, or per-pollutant ratios
    {pollutant: {party: weight}}. Each party's share Σⱼ amount_j·r_pj is rounded by largest remainder so the
    shares add up to the section total (rounded half-up to the fen); a positive share is paid by that party to
    the downstream party, a negative one by the downstream party to it.
    """
    section = PerTonneSection.of(
        {r.pollutant: r.target for r in readings},
        {r.pollutant: r.standard for r in readings},
        upstream=upstream,
        downstream=downstream,
    )
    return section.month({r.pollutant: r.measured for r in readings}, flow_m3, period)


def per_tonne_scale_break_even(months: Iterable[PerTonneMonth]) -> Fraction | None:
    """The uniform factor s* on every measured concentration at which the exact amount over ``months`` is zero.

    The amount is linear in such a factor s: Σₘ Σⱼ (s·Cⱼₘ − Tⱼ)·Qₘ·10⁻⁶·uⱼ, so s* = Σₘ Σⱼ Tⱼ·Qₘ·uⱼ /
    Σₘ Σⱼ Cⱼₘ·Qₘ·uⱼ (for one month the flow cancels: s* = Σⱼ Tⱼ·uⱼ / Σⱼ Cⱼ·uⱼ). Above it the upstream party pays,
    below it the downstream party. None when nothing measured carries a price (no factor moves the amount).
    Flat unit standards only: a tiered standard changes with the concentration.
    """
    moving, fixed, denominator = 0, 0, 1
    for m in months:
        exact_total = m.exact_numerator
        d = m.denominator
        if d != denominator:  # bring both sums to a common denominator (rare: most months share one)
            common = math.lcm(denominator, d)
            moving, fixed, denominator = moving * (common // denominator), fixed * (common // denominator), common
        factor = denominator // d
        moving += m.measured_numerator * factor
        fixed += (m.measured_numerator - exact_total) * factor
    return Fraction(fixed, moving) if moving else None


def _contribution_ratios(upstream: UpstreamShares, pollutants: Sequence[str]) -> dict[str, dict[str, Fraction]]:
    """{pollutant: {party: normalised ratio}}."""
    if isinstance(upstream, str):
        whole = {upstream: Fraction(1)}
        return dict.fromkeys(pollutants, whole)
    values = list(upstream.values())
    if values and all(isinstance(v, Mapping) for v in values):
        per = {j: upstream[j] for j in pollutants if j in upstream}
        missing = [j for j in pollutants if j not in per]
        if missing:
            raise RuleError(f"no contribution ratios for {missing}")
    else:
        per = dict.fromkeys(pollutants, upstream)
    result: dict[str, dict[str, Fraction]] = {}
    done: dict[int, dict[str, Fraction]] = {}  # one mapping shared by every pollutant is normalised once
    for j, weights in per.items():
        if id(weights) in done:
            result[j] = done[id(weights)]
            continue
        exact_weights = {p: exact(w) for p, w in weights.items()}  # type: ignore[union-attr]
        total = sum(exact_weights.values(), Fraction(0))
        if total <= 0 or any(w < 0 for w in exact_weights.values()):
            raise RuleError(f"contribution ratios of {j!r} must be non-negative and not all zero")
        result[j] = done[id(weights)] = {p: w / total for p, w in exact_weights.items()}
    return result


# ---------------------------------------------------------------------------------------------------------------
# 3. Pooled fund (赤水河)


class FailureMode(enum.Enum):
    ALL_OR_NOTHING = "all_or_nothing"  # f = 1 when the annual mean fails its class, else 0
    MONTHS = "months"  # f = failed months / assessed months


def failure_fraction(
    mode: FailureMode, *, annual_mean_passes: bool = True, failed_months: int = 0, assessed_months: int = 12
) -> Fraction:
    """The share of a section's stake that is cut: by the annual mean, or in proportion to failed months."""
    if mode is FailureMode.ALL_OR_NOTHING:
        return Fraction(0) if annual_mean_passes else Fraction(1)
    if not 0 <= failed_months <= assessed_months or assessed_months <= 0:
        raise RuleError(f"{failed_months} failed of {assessed_months} assessed months")
    return Fraction(failed_months, assessed_months)


@dataclass(frozen=True)
class PoolSection:
    """A section of a pooled fund: whose allocation is at stake (party → share of its allocation) and who
    receives a cut (party → weight)."""

    name: str
    cut_from: Mapping[str, Fraction]
    redistribute_to: Mapping[str, Fraction]


CHISHUI_PARTIES = ("云南", "贵州", "四川")
CHISHUI_FUND_FEN = 20_000 * FEN_PER_WAN  # 2亿/yr [S]
CHISHUI_CONTRIBUTIONS: Mapping[str, Fraction] = {"云南": Fraction(1), "贵州": Fraction(5), "四川": Fraction(4)}  # [S]
CHISHUI_ALLOCATIONS: Mapping[str, Fraction] = {"云南": Fraction(3), "贵州": Fraction(4), "四川": Fraction(3)}  # [S]
CHISHUI_SECTIONS: tuple[PoolSection, ...] = (
    # [S] the directions; the share of the allocation at stake (whole) is a parameter — not found in the sources.
    # The section upstream of 茅台镇 ("贵州 and 四川 each bear 50% of the cut") is left out: what is cut and who
    # receives it is not stated; add it as a PoolSection once known.
    PoolSection("清水铺", {"云南": Fraction(1)}, {"贵州": Fraction(1), "四川": Fraction(1)}),
    PoolSection("鲢鱼溪", {"贵州": Fraction(1)}, {"四川": Fraction(1)}),
)


@dataclass(frozen=True)
class PooledFundResult:
    contributions: Mapping[str, int]
    allocations: Mapping[str, int]  # before cuts
    cuts: Mapping[str, int]  # per section, fen cut
    received: Mapping[str, int]  # allocation after cuts and redistribution
    nets: Mapping[str, int]  # received − contribution
    settlement: Settlement


def pooled_fund(
    fund_fen: int,
    contributions: Mapping[str, Number],
    allocations: Mapping[str, Number],
    *,
    sections: Sequence[PoolSection] = (),
    failure: Mapping[str, Number] | None = None,
    period: str,
) -> PooledFundResult:
    """Contributions and allocations of a pooled fund, cut and redistributed section by section.

    ``failure`` maps a section's name to its failure fraction f ∈ [0, 1] (see :func:`failure_fraction`); a
    section's cut from a party is allocation × stake × f, rounded half-up to the fen and never more than what is
    left of that party's allocation; each cut is split among ``redistribute_to`` by largest remainder.
    """
    if fund_fen < 0:
        raise RuleError("the fund must not be negative")
    paid = dict(zip(contributions, split_fen(fund_fen, [exact(w) for w in contributions.values()]), strict=True))
    allotted = dict(zip(allocations, split_fen(fund_fen, [exact(w) for w in allocations.values()]), strict=True))
    parties = list(dict.fromkeys([*paid, *allotted]))
    received = {p: allotted.get(p, 0) for p in parties}
    cuts: dict[str, int] = {}
    failure = failure or {}
    for section in sections:
        f = exact(failure.get(section.name, 0))
        if not 0 <= f <= 1:
            raise RuleError(f"failure fraction of {section.name!r} must lie in [0, 1], not {f}")
        cut = 0
        for party, stake in section.cut_from.items():
            want = to_fen(allotted.get(party, 0) * exact(stake) * f)
            taken = max(0, min(want, received.get(party, 0)))
            received[party] = received.get(party, 0) - taken
            cut += taken
        cuts[section.name] = cut
        if cut:
            names = list(section.redistribute_to)
            shares = split_fen(cut, [exact(w) for w in section.redistribute_to.values()])
            for party, share in zip(names, shares, strict=True):
                received[party] = received.get(party, 0) + share
                if party not in parties:
                    parties.append(party)
    nets = {p: received.get(p, 0) - paid.get(p, 0) for p in parties}
    return PooledFundResult(paid, allotted, cuts, received, nets, settle_nets(nets, period, "pooled fund"))


# ---------------------------------------------------------------------------------------------------------------
# 4. Monthly status rule (重庆)

CHONGQING_MONTHLY_FEN = 100 * FEN_PER_WAN  # 100万/month [S]


class Trend(enum.Enum):
    IMPROVED = "improved"
    UNCHANGED = "unchanged"
    DECLINED = "declined"


def monthly_status(
    *,
    meets_class: bool,
    trend: Trend,
    upstream: str,
    downstream: str,
    period: str,
    amount_fen: int = CHONGQING_MONTHLY_FEN,
    on_fail_fen: int | Callable[[], int] = CHONGQING_MONTHLY_FEN,
    on_unchanged_fen: int = 0,
) -> Settlement:
    """Meets and improved → downstream pays upstream ``amount_fen``; meets but declined → upstream pays downstream.

    Signed amounts below are paid by upstream to downstream (negative: the reverse). ``on_fail_fen`` applies when
    the section fails its class ("per regulation" in the source — by default the upstream party pays the monthly
    sum; pass, e.g., a per-tonne amount or a callable computing one). ``on_unchanged_fen`` covers a meeting
    section with no change, which the source does not mention (no transfer by default).
    """
    if not meets_class:
        signed, reason = (on_fail_fen() if callable(on_fail_fen) else on_fail_fen), "fails its class"
    elif trend is Trend.IMPROVED:
        signed, reason = -amount_fen, "meets its class and improved"
    elif trend is Trend.DECLINED:
        signed, reason = amount_fen, "meets its class but declined"
    else:
        signed, reason = on_unchanged_fen, "meets its class, unchanged"
    return _settlement([_signed_transfer(signed, upstream, downstream, period, reason)], [upstream, downstream])


# ---------------------------------------------------------------------------------------------------------------
# 5. Exceedance-multiple tiers (周口)

ZHOUKOU_TIERS: tuple[tuple[Fraction, int], ...] = (  # (lower bound of m, exclusive; base amount in fen) [S]
    (Fraction(1, 10), 10 * FEN_PER_WAN),
    (Fraction(1, 2), 25 * FEN_PER_WAN),
    (Fraction(1), 50 * FEN_PER_WAN),
    (Fraction(3, 2), 100 * FEN_PER_WAN),
    (Fraction(2), 200 * FEN_PER_WAN),
)
ZHOUKOU_RIVER_MOUTH_FEN = 15 * FEN_PER_WAN  # river-mouth sections: 15万 × (1 + m) [S]


def exceedance_multiple(measured: Number, target: Number) -> Fraction:
    """m = (C − T)/T."""
    t = exact(target)
    if t <= 0:
        raise RuleError("the target concentration must be positive")
    return (exact(measured) - t) / t


def exceedance_payment(
    measured: Number,
    target: Number,
    *,
    tiers: Sequence[tuple[Number, int]] = ZHOUKOU_TIERS,
    below_first_fen: int = 0,
) -> tuple[Fraction, int]:
    """(m, payment in fen): the tier whose lower bound m exceeds last (bounds exclusive below, inclusive above)
    sets the base, and the payment is base × (1 + m), rounded half-up to the fen. At or below the first bound,
    ``below_first_fen`` × (1 + m) when m > 0 (0 by default: the source excerpt does not cover m ≤ 0.1) [U]."""
    m = exceedance_multiple(measured, target)
    if m <= 0:
        return m, 0
    base = below_first_fen
    for lower, amount in sorted((exact(b), a) for b, a in tiers):
        if m > lower:
            base = amount
    return m, to_fen(base * (1 + m))


def exceedance_settlement(
    measured: Number, target: Number, *, upstream: str, downstream: str, period: str, **kwargs: object
) -> Settlement:
    """:func:`exceedance_payment` as a transfer from the upstream party to the downstream party."""
    _, amount = exceedance_payment(measured, target, **kwargs)  # type: ignore[arg-type]
    return _settlement([_signed_transfer(amount, upstream, downstream, period, "exceedance")], [upstream, downstream])


# ---------------------------------------------------------------------------------------------------------------
# 6. Negotiation zone: opportunity cost, ecosystem-service value, willingness to pay


def opportunity_cost_land_use(
    crops: Sequence[tuple[Number, Number, Number]], costs: Sequence[Number], area: Number
) -> Fraction:
    """C_opp = (Σᵢ Aᵢ·Lᵢ·Kᵢ − Σ costs)/A: forgone net income per unit area (crops as (area, yield, price)) [S]."""
    a = exact(area)
    if a <= 0:
        raise RuleError("the area must be positive")
    revenue = sum((exact(ai) * exact(li) * exact(ki) for ai, li, ki in crops), Fraction(0))
    return (revenue - sum((exact(c) for c in costs), Fraction(0))) / a


def opportunity_cost_income_gap(
    urban_reference: Number,
    urban_protected: Number,
    urban_population: Number,
    rural_reference: Number,
    rural_protected: Number,
    rural_population: Number,
) -> Fraction:
    """P = (R0 − R1)·N1 + (S0 − S1)·N2: the income the protected region forgoes against a reference region [U]."""
    return (exact(urban_reference) - exact(urban_protected)) * exact(urban_population) + (
        exact(rural_reference) - exact(rural_protected)
    ) * exact(rural_population)


@dataclass(frozen=True)
class EquivalentFactorTable:
    """Ecosystem-service equivalents per land type and service (negative values allowed), with its source."""

    name: str
    source: str
    tag: str
    services: tuple[str, ...]
    factors: Mapping[str, tuple[Fraction, ...]]  # land type → one equivalent per service

    def total(self, land_type: str) -> Fraction:
        if land_type not in self.factors:
            raise RuleError(f"{self.name} has no land type {land_type!r}")
        return sum(self.factors[land_type], Fraction(0))


def _row(*values: str) -> tuple[Fraction, ...]:
    return tuple(Fraction(v) for v in values)


EQUIVALENT_FACTORS_2003 = EquivalentFactorTable(
    name="Xie 2002/2003 equivalent factors (谢高地 当量因子表)",
    source=(
        "Song et al. 2018, 生态学报 38(8), Table 1 (VC in 元·km⁻²·a⁻¹, VC0 = 67,663.2) divided by VC0; "
        "repo DreamBlooms/ChinaXiv-201601-to-202209, md/ChinaXiv-201805.00099V1.md"
    ),
    tag="S",
    services=(
        "气体调节",
        "气候调节",
        "水源涵养",
        "土壤形成与保护",
        "废物处理",
        "生物多样性保护",
        "食物生产",
        "原材料",
        "娱乐文化",
    ),
    factors={
        "耕地": _row("0.50", "0.89", "0.60", "1.46", "1.64", "0.71", "1.00", "0.10", "0.01"),
        "林地": _row("3.50", "2.70", "3.20", "3.90", "1.31", "3.26", "0.10", "2.60", "1.28"),
        "草地": _row("0.80", "0.90", "0.80", "1.95", "1.31", "1.09", "0.30", "0.05", "0.04"),
        "水域": _row("0.00", "0.46", "20.38", "0.01", "18.18", "2.49", "0.10", "0.01", "4.34"),
        "未利用地": _row("0.00", "0.00", "0.03", "0.02", "0.01", "0.34", "0.01", "0.00", "0.01"),
    },
)


def equivalent_value(grain_price: Number, grain_yield: Number) -> Fraction:
    """VC0 = P_grain·Q_grain/7: the value of one equivalent per unit area (元 per the yield's area unit) [S]."""
    return exact(grain_price) * exact(grain_yield) / 7


def ecosystem_service_value(
    areas: Mapping[str, Number], vc0: Number, table: EquivalentFactorTable = EQUIVALENT_FACTORS_2003
) -> Fraction:
    """ESV = Σₖ Aₖ·Eₖ·VC0 (Eₖ the land type's total equivalent), exact, in 元 per year."""
    return sum((exact(a) * table.total(k) for k, a in areas.items()), Fraction(0)) * exact(vc0)


def esv_increase(
    before: Mapping[str, Number],
    after: Mapping[str, Number],
    vc0: Number,
    table: EquivalentFactorTable = EQUIVALENT_FACTORS_2003,
) -> Fraction:
    """ΔESV between two land-use maps (元 per year); the upper bound for paying that change."""
    return ecosystem_service_value(after, vc0, table) - ecosystem_service_value(before, vc0, table)


def expected_wtp(bids: Sequence[Number], shares: Sequence[Number]) -> Fraction:
    """E(WTP) = Σⱼ bⱼ·pⱼ over a payment card (zero bids included; the shares must sum to 1)."""
    if len(bids) != len(shares):
        raise RuleError("one share per bid")
    p = [exact(s) for s in shares]
    if sum(p) != 1 or any(s < 0 for s in p):
        raise RuleError(f"the shares must be non-negative and sum to 1, not {sum(p)}")
    return sum((exact(b) * s for b, s in zip(bids, p, strict=True)), Fraction(0))


def wtp_total(bids: Sequence[Number], shares: Sequence[Number], population: Number) -> Fraction:
    """Total = E(WTP)·N, in the bids' unit (元) per year."""
    return expected_wtp(bids, shares) * exact(population)


class ZonePosition(enum.Enum):
    BELOW = "below"
    INSIDE = "inside"
    ABOVE = "above"


@dataclass(frozen=True)
class NegotiationZone:
    lower_fen: int  # protection cost + opportunity cost
    upper_fen: int  # ΔESV or WTP
    proposed_fen: int | None
    position: ZonePosition | None
    share: Fraction | None  # where the proposal sits: 0 at the lower bound, 1 at the upper

    @property
    def empty(self) -> bool:
        """No agreement zone: the upstream floor lies above the downstream ceiling."""
        return self.lower_fen > self.upper_fen


def negotiation_zone(
    *, protection_cost_fen: int, opportunity_cost_fen: int, upper_fen: int, proposed_fen: int | None = None
) -> NegotiationZone:
    """The zone [protection + opportunity cost, ΔESV or WTP] and where a proposed fund sits in it."""
    lower = protection_cost_fen + opportunity_cost_fen
    if proposed_fen is None:
        return NegotiationZone(lower, upper_fen, None, None, None)
    lo, hi = min(lower, upper_fen), max(lower, upper_fen)
    position = (
        ZonePosition.BELOW if proposed_fen < lo else ZonePosition.ABOVE if proposed_fen > hi else ZonePosition.INSIDE
    )
    share = Fraction(proposed_fen - lower, upper_fen - lower) if upper_fen != lower else None
    return NegotiationZone(lower, upper_fen, proposed_fen, position, share)


# ---------------------------------------------------------------------------------------------------------------
# 7. Break-even


@dataclass(frozen=True)
class IndicatorBreakEven:
    """The annual mean of one indicator, the others unchanged, at which P equals the threshold."""

    indicator: str
    concentration: Fraction | None  # None: the indicator's weight is zero, it cannot reverse the payment
    headroom: Fraction | None  # concentration / measured − 1 (how far it can worsen; negative: already past)


@dataclass(frozen=True)
class PBreakEven:
    p: Fraction
    per_indicator: tuple[IndicatorBreakEven, ...]
    common_scale: Fraction | None  # s*: multiplying every measured mean by s* gives P = threshold (1/P for 1)
    uniform_baseline_ratio: Fraction | None  # r*: every mean at r*·baseline gives P = threshold (1/k0 if Σw = 1)


def p_index_break_even(
    k0: Number,
    weights: Mapping[str, Number],
    means: Mapping[str, Number],
    baselines: Mapping[str, Number],
    *,
    threshold: Number = 1,
    coefficients: Sequence[tuple[str, Fraction]] | None = None,
) -> PBreakEven:
    """Exact break-even figures of the P-index bet; at them P = threshold, so the payment still goes downstream →
    upstream, and any worsening beyond reverses it.

    P is linear in the means, P = Σᵢ aᵢ·Cᵢ with aᵢ = k0·wᵢ/Cᵢ₀ (:func:`p_index_coefficients`; pass them as
    ``coefficients`` when already known), so one mean alone reaches the threshold at
    Cᵢ* = Cᵢ + (threshold − P)/aᵢ — the same as Cᵢ₀·(threshold/k0 − Σ_{j≠i} wⱼ·Cⱼ/Cⱼ₀)/wᵢ — and its headroom is
    Cᵢ*/Cᵢ − 1 = (threshold − P)/(aᵢ·Cᵢ).
    """
    k, limit = exact(k0), exact(threshold)
    if coefficients is None:
        coefficients = p_index_coefficients(k, weights, baselines)
    p = p_index_of(coefficients, means)
    gap = limit - p
    gn, gd = gap.numerator, gap.denominator
    rows = []
    for name, a in coefficients:
        if a == 0:  # a zero weight (or k0): this indicator cannot move P
            rows.append(IndicatorBreakEven(name, None, None))
            continue
        c = exact(means[name])
        an, ad, cn, cd = a.numerator, a.denominator, c.numerator, c.denominator
        # Cᵢ + gap/aᵢ = cn/cd + gn·ad/(gd·an) and gap/(aᵢ·Cᵢ), each as one fraction (one reduction, not three)
        c_star = Fraction(cn * gd * an + gn * ad * cd, cd * gd * an)
        headroom = Fraction(gn * ad * cd, gd * an * cn) if cn else None
        rows.append(IndicatorBreakEven(name, c_star, headroom))
    weight_sum = sum((exact(w) for w in weights.values()), Fraction(0))
    return PBreakEven(
        p,
        tuple(rows),
        limit / p if p else None,
        limit / (k * weight_sum) if k and weight_sum else None,
    )


def per_tonne_break_even(readings: Sequence[PollutantReading], pollutant: str) -> Fraction:
    """The measured concentration of ``pollutant`` at which the section's month amount is zero, the other
    pollutants as measured: C* = T − Σ_{j≠i}(C_j − T_j)·u_j/u_i (flat unit standards; the flow cancels)."""
    by_name = {r.pollutant: r for r in readings}
    if pollutant not in by_name:
        raise RuleError(f"no reading for {pollutant!r}")
    if any(r.standard.tiers for r in readings):
        raise RuleError("the break-even is closed-form only for flat unit standards")
    if by_name[pollutant].standard.fen_per_tonne == 0:
        raise RuleError(f"{pollutant!r} has a zero unit standard and cannot balance the month")
    names = tuple(by_name)
    found = _break_evens(
        names,
        [by_name[j].measured for j in names],
        [by_name[j].target for j in names],
        [by_name[j].standard for j in names],
    )
    return found[pollutant]


def _break_evens(
    pollutants: Sequence[str],
    measured: Sequence[Fraction],
    targets: Sequence[Fraction],
    standards: Sequence[UnitStandard],
) -> dict[str, Fraction]:
    """Cᵢ* for each pollutant with a non-zero flat standard (see :func:`_break_evens_on`)."""
    if any(s.tiers for s in standards):
        raise RuleError("the break-even is closed-form only for flat unit standards")
    common = math.lcm(*(c.denominator for c in measured))
    target_denominator = math.lcm(*(t.denominator for t in targets))
    return _break_evens_on(
        pollutants,
        [_over(c, common) for c in measured],
        common,
        [_over(t, target_denominator) for t in targets],
        target_denominator,
        [s.fen_per_tonne for s in standards],
    )


def _break_evens_on(
    pollutants: Sequence[str],
    numerators: Sequence[int],
    denominator: int,
    target_numerators: Sequence[int],
    target_denominator: int,
    units: Sequence[int],
) -> dict[str, Fraction]:
    """Cᵢ* for each pollutant with a non-zero unit standard, the measured means and the targets given as numerators
    over a denominator each. With E = Σⱼ (Cⱼ − Tⱼ)·uⱼ the excess over every pollutant,
    T − Σ_{j≠i}(Cⱼ − Tⱼ)·uⱼ/uᵢ is Cᵢ − E/uᵢ: E is summed once, in integers on the common denominator."""
    common = math.lcm(denominator, target_denominator)
    measured_factor, target_factor = common // denominator, common // target_denominator
    scaled = [n * measured_factor for n in numerators]
    excess = sum((m - t * target_factor) * u for m, t, u in zip(scaled, target_numerators, units, strict=True))
    return {j: Fraction(m * u - excess, common * u) for j, m, u in zip(pollutants, scaled, units, strict=True) if u}
