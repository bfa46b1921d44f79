"""Splitting a project's taxes between registration and investment sites, as pure functions of exact numbers.

Money is whole fen (``int``); shares, ratios, factors and rates are exact :class:`~fractions.Fraction` s (ints,
Decimals and decimal strings accepted, floats refused). Wherever an amount is divided, it is divided by largest
remainder (:func:`~...money.split_fen`), so the parts add up to it to the fen. Source tags follow
``shared/reference/tax-split.md``: [S] sourced, [S-2] secondary source, [A] assumed (a parameter, never a fact).

1. **Central and local shares** (:data:`CENTRAL_SHARES`, :func:`central_local`): VAT 50/50 [S], CIT and IIT
   60/40 [S], securities stamp duty central, other stamp duty and the land and property taxes local [S-2]; the
   enterprises whose CIT is wholly central [S-2] are a flag. The central part of each tax is rounded half up to
   the fen and the local part is the rest, so central + local = the tax exactly. The VAT credit refund's burden
   (:func:`vat_refund_burden`): central 50 %, the enterprise's place 15 %, 35 % by every place's share of local
   VAT [S].
2. **Relocation sharing with a cap** (京津冀, 财预〔2015〕92号 [S]; :func:`capped_relocation`): eligible when the
   pre-move 3-year average of the shared local portions reaches the threshold (2,000万, inclusive [A]); from
   full production 50:50 for 3 years, the sending site's cumulative take capped at the pre-move 3-year total —
   when the cap is reached inside a year the sending site gets only the headroom [A] —, 2 more years when the cap
   was not reached, then a flag that a central one-off subsidy is due.
3. **Stock stays, increment split** (川渝高竹 [S]; :func:`stock_increment`): amount-based — each side keeps its
   base-year revenue, the increment of the total is split 50:50 — with a negative increment either kept where it
   falls or shared [A]; enterprise-based — old enterprises' revenue stays where they sit, new ones' is pooled.
4. **Schedules and equity** (:func:`schedule_split`): the sending site's share year by year as typed in [A]
   (declining schedules are not sourced), or a constant equity share (苏宿 [S-2]).
5. **Factor apportionment** (:func:`branch_ratios`, :func:`consolidated_cit`, :func:`apportion`): the 汇总纳税
   rule — head office 50 % (half to its place, half to the central pool), branches 50 % by 0.35 revenue + 0.35
   payroll + 0.30 assets [S, S-2] —; UDITPA equal three factors, double-weighted sales, single sales factor [S];
   the EU CCCTB's sales, labour (half payroll, half headcount) and assets thirds [S]; any custom weights.
6. **Present value** (:func:`npv`): Σ amountₜ/(1 + r)ᵗ, exact, year 1 discounted once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from chengyu_accord.cost_sharing.money import round_half_up, split_fen

Number = Fraction | Decimal | int | str


class TaxRuleError(ValueError):
    """Inputs a rule cannot take (a share outside 0–1, a factor total of zero, a missing year)."""


def exact(value: Number) -> Fraction:
    """An exact Fraction from a Fraction, Decimal, int or decimal string; floats are refused."""
    if isinstance(value, float | bool):
        raise TaxRuleError(f"{value!r}: give an exact number (Fraction, Decimal, int or string)")
    try:
        return Fraction(value)
    except (ValueError, TypeError, ZeroDivisionError):
        raise TaxRuleError(f"{value!r} is not a number") from None


def _share(value: Number, what: str) -> Fraction:
    share = exact(value)
    if not 0 <= share <= 1:
        raise TaxRuleError(f"{what} must lie between 0 and 1, not {share}")
    return share


# ---------------------------------------------------------------------------------------------------------------
# 1. Central and local shares

TAXES = (
    "vat",
    "cit",
    "iit",
    "urban_construction",
    "property",
    "land_use",
    "land_appreciation",
    "deed",
    "stamp",
    "environmental",
)
"""The taxes of a projection: VAT, corporate and individual income tax, 城市维护建设税, 房产税, 城镇土地使用税,
土地增值税, 契税, stamp duty (not on securities) and environmental protection tax."""

CENTRAL_SHARES: Mapping[str, Fraction] = {
    "vat": Fraction(1, 2),  # [S] 国发〔2016〕26号, made permanent by 国发〔2019〕21号
    "cit": Fraction(3, 5),  # [S] 国发〔2003〕26号
    "iit": Fraction(3, 5),  # [S] 国发〔2003〕26号
    "urban_construction": Fraction(0),  # [S-2] central only for bank and insurance head offices
    "property": Fraction(0),  # [S-2] 地方固定收入
    "land_use": Fraction(0),
    "land_appreciation": Fraction(0),
    "deed": Fraction(0),
    "stamp": Fraction(0),  # [S-2] securities-transaction stamp duty is central; it is not a project's tax
    "environmental": Fraction(0),
}
"""The central government's share of each tax; the rest is local."""

TERRITORIAL = frozenset({"property", "land_use", "land_appreciation", "deed"})
"""Taxes tied to land and buildings: they go to the place where these are, unless the agreement says otherwise
[A: the standard territorial rule]."""


@dataclass(frozen=True)
class CentralLocal:
    """One year's taxes split: per tax the central and the local part, in fen (central + local = the tax)."""

    central: Mapping[str, int]
    local: Mapping[str, int]

    @property
    def central_total(self) -> int:
        return sum(self.central.values())

    @property
    def local_total(self) -> int:
        return sum(self.local.values())


def central_local(
    taxes: Mapping[str, int],
    shares: Mapping[str, Number] = CENTRAL_SHARES,
    *,
    centrally_taxed: bool = False,
) -> CentralLocal:
    """Each tax's central part (its share, rounded half up to the fen) and local part (the rest).

    ``centrally_taxed``: the enterprise is one of those whose CIT is wholly central [S-2] (its CIT has no local
    part)."""
    central: dict[str, int] = {}
    local: dict[str, int] = {}
    for tax, amount in taxes.items():
        if tax not in shares:
            raise TaxRuleError(f"no central share is given for the tax {tax!r}")
        share = Fraction(1) if centrally_taxed and tax == "cit" else _share(shares[tax], f"the central share of {tax}")
        central[tax] = round_half_up(amount * share)
        local[tax] = amount - central[tax]
    return CentralLocal(central, local)


@dataclass(frozen=True)
class RefundBurden:
    central_fen: Fraction
    own_place_fen: Fraction
    """What the enterprise's place bears: its direct 15 % and its part of the 35 % pool."""
    pooled_fen: Fraction
    """The 35 % borne by every place in proportion to its share of local VAT."""


def vat_refund_burden(refund_fen: int, place_share: Number) -> RefundBurden:
    """Who bears a VAT credit refund (from 2019-09-01 [S]): central 50 %; the enterprise's place 15 % plus its
    share (``place_share`` of national local VAT, prior year) of the 35 % borne by all places."""
    share = _share(place_share, "the place's share of local VAT")
    pooled = Fraction(refund_fen) * Fraction(35, 100)
    return RefundBurden(Fraction(refund_fen, 2), Fraction(refund_fen) * Fraction(15, 100) + share * pooled, pooled)


# ---------------------------------------------------------------------------------------------------------------
# 2. Relocation sharing with a cap (京津冀)

JJJ_THRESHOLD_FEN = 2_000 * 10_000 * 100
"""The pre-move yearly average of the shared local portions that makes an enterprise eligible: 2,000万 [S]."""


@dataclass(frozen=True)
class CappedYear:
    year: int
    """1 = the first year of full production."""
    local_fen: int
    sending_fen: int
    receiving_fen: int
    cumulative_sending_fen: int


@dataclass(frozen=True)
class CappedSharing:
    eligible: bool
    cap_fen: int
    years: tuple[CappedYear, ...]
    cap_reached_in: int | None
    """The year whose share reaches the cap (None: never)."""
    extended: bool
    """The cap was not reached in the first period: sharing went on for the extension."""
    subsidy_due: bool
    """The cap was not reached even after the extension: a one-off central subsidy to the sending site is due."""
    shortfall_fen: int
    """How far the sending site's take stayed below the cap (what the subsidy would make good)."""


def capped_relocation(
    pre_move_fen: Sequence[int],
    local_fen: Sequence[int],
    *,
    threshold_fen: int = JJJ_THRESHOLD_FEN,
    sending_share: Number = Fraction(1, 2),
    years: int = 3,
    extension: int = 2,
) -> CappedSharing:
    """The 京津冀 rule on the local portions of the shared taxes.

    ``pre_move_fen``: the shared local portions of the (three) years before the move; ``local_fen``: those of
    each year from the first year of full production on (years before full production are not shared [A]).
    Eligible when their average reaches ``threshold_fen`` (inclusive [A]); the sending site then takes
    ``sending_share`` of each year, up to the cap (the pre-move total) — the year that reaches it gives only the
    headroom —, for ``years`` years, ``extension`` more if the cap was not reached; later years go wholly to the
    receiving site. A year's two parts add up to its local portion exactly."""
    if not pre_move_fen:
        raise TaxRuleError("the pre-move years are needed to test eligibility and set the cap")
    share = _share(sending_share, "the sending site's share")
    cap = sum(pre_move_fen)
    eligible = Fraction(cap, len(pre_move_fen)) >= threshold_fen
    rows: list[CappedYear] = []
    taken = 0
    reached: int | None = None
    period = years
    for year, local in enumerate(local_fen, start=1):
        if year == years + 1 and reached is None:
            period = years + extension
        sending = 0
        if eligible and year <= period and reached is None:
            sending = min(round_half_up(local * share), cap - taken) if local > 0 else 0
            taken += sending
            if taken >= cap:
                reached = year
        rows.append(CappedYear(year, local, sending, local - sending, taken))
    extended = eligible and period > years
    finished = len(local_fen) >= years + extension
    subsidy = eligible and reached is None and extended and finished
    return CappedSharing(eligible, cap, tuple(rows), reached, extended, subsidy, cap - taken if subsidy else 0)


# ---------------------------------------------------------------------------------------------------------------
# 3. Stock stays, increment split (川渝高竹)


def stock_increment(
    base_fen: Mapping[str, int],
    actual_fen: Mapping[str, int],
    *,
    increment_shares: Mapping[str, Number] | None = None,
    negative: str = "keep",
) -> dict[str, int]:
    """Amount-based stock and increment: each side keeps its base-year revenue; the increment of the total over
    the total base is split by ``increment_shares`` (equal by default: 五五分成 [S]). A negative increment is
    either kept where it falls (``"keep"``: each side keeps its actual revenue) or shared like an increment
    (``"share"``) [A]. The parts add up to the actual total exactly."""
    sides = list(actual_fen)
    if set(base_fen) != set(sides):
        raise TaxRuleError("the base year and the actual year must name the same sides")
    weights = [exact(increment_shares[s]) for s in sides] if increment_shares else [Fraction(1)] * len(sides)
    increment = sum(actual_fen.values()) - sum(base_fen.values())
    if increment < 0 and negative == "keep":
        return dict(actual_fen)
    if negative not in ("keep", "share"):
        raise TaxRuleError(f"a negative increment is kept or shared, not {negative!r}")
    parts = split_fen(abs(increment), weights)
    return {s: base_fen[s] + (p if increment >= 0 else -p) for s, p in zip(sides, parts, strict=True)}


def enterprise_increment(
    old_fen: Mapping[str, int], new_fen: int, shares: Mapping[str, Number] | None = None
) -> dict[str, int]:
    """Enterprise-based stock and increment: the enterprises there before stay with the side they sit in
    (``old_fen``); the new enterprises' revenue ``new_fen`` is pooled and split (equally by default) [A]."""
    sides = list(old_fen)
    weights = [exact(shares[s]) for s in sides] if shares else [Fraction(1)] * len(sides)
    parts = split_fen(new_fen, weights)
    return {s: old_fen[s] + p for s, p in zip(sides, parts, strict=True)}


# ---------------------------------------------------------------------------------------------------------------
# 4. Schedules and equity


def schedule_split(local_fen: Sequence[int], sending_shares: Sequence[Number]) -> list[tuple[int, int]]:
    """(sending, receiving) per year: the sending site's share of that year as typed in, 0 after the schedule
    ends; an equity split is a schedule of one constant share. Each pair adds up to the year's local portion."""
    out = []
    for year, local in enumerate(local_fen):
        share = _share(sending_shares[year], f"the share of year {year + 1}") if year < len(sending_shares) else 0
        sending, receiving = split_fen(local, [share, 1 - share]) if local else (0, 0)
        out.append((sending, receiving))
    return out


# ---------------------------------------------------------------------------------------------------------------
# 5. Factor apportionment

HUIZONG_WEIGHTS = {"revenue": Fraction(35, 100), "payroll": Fraction(35, 100), "assets": Fraction(30, 100)}
"""The 汇总纳税 branch weights (国家税务总局公告2012年第57号, art. 15) [S]."""

FORMULAS: Mapping[str, Mapping[str, Fraction]] = {
    "uditpa": {"property": Fraction(1, 3), "payroll": Fraction(1, 3), "sales": Fraction(1, 3)},
    "double_sales": {"property": Fraction(1, 4), "payroll": Fraction(1, 4), "sales": Fraction(1, 2)},
    "single_sales": {"sales": Fraction(1)},
    "ccctb": {
        "sales": Fraction(1, 3),
        "payroll": Fraction(1, 6),
        "employees": Fraction(1, 6),
        "assets": Fraction(1, 3),
    },
    "huizong": HUIZONG_WEIGHTS,
}
"""Factor weights of the named formulas: UDITPA equal thirds, Massachusetts double-weighted sales, single sales
factor [S]; the EU CCCTB (labour half payroll, half headcount) [S]; the 汇总纳税 branch ratio [S]."""


def factor_shares(factors: Mapping[str, Mapping[str, Number]], weights: Mapping[str, Number]) -> dict[str, Fraction]:
    """Each place's exact share: Σ_f weight_f × factor_f(place)/Σ_places factor_f. ``factors`` maps place →
    factor → amount (any unit, the same for every place). The weights are normalised to add up to 1."""
    w = {f: exact(v) for f, v in weights.items() if exact(v)}
    total_weight = sum(w.values())
    if total_weight <= 0:
        raise TaxRuleError("the factor weights add up to zero")
    places = list(factors)
    shares = dict.fromkeys(places, Fraction(0))
    for factor, weight in w.items():
        amounts = {p: exact(factors[p].get(factor, 0)) for p in places}
        total = sum(amounts.values())
        if total <= 0:
            raise TaxRuleError(f"no place has any {factor}: the factor cannot apportion")
        for p in places:
            shares[p] += weight / total_weight * amounts[p] / total
    return shares


def apportion(amount_fen: int, factors: Mapping[str, Mapping[str, Number]], weights: Mapping[str, Number]) -> dict:
    """``amount_fen`` apportioned by :func:`factor_shares`, to the fen (largest remainder)."""
    shares = factor_shares(factors, weights)
    return dict(zip(shares, split_fen(amount_fen, list(shares.values())), strict=True))


def branch_ratios(branches: Mapping[str, Mapping[str, Number]]) -> dict[str, Fraction]:
    """Each branch's ratio, 0.35 revenue + 0.35 payroll + 0.30 assets on the branches' previous-year figures."""
    return factor_shares(branches, HUIZONG_WEIGHTS)


@dataclass(frozen=True)
class ConsolidatedCit:
    head_office_local_fen: int
    """What the head office pays into its own place's treasury (25 % of the tax)."""
    head_office_pool_fen: int
    """What it pays into the central treasury for redistribution (25 %)."""
    branch_fen: Mapping[str, int]
    """What each branch pays locally (the branches' 50 % by their ratios)."""
    central_fen: int
    """Central revenue: 60 % of every local payment and 60 % of the pool."""
    local_fen: Mapping[str, int]
    """Local revenue by place: 40 % of what is paid there (the head office's place first)."""
    pooled_local_fen: int
    """40 % of the pool, distributed by the Ministry of Finance among all provinces (2004–06 shares)."""


def consolidated_cit(tax_fen: int, head_office: str, branches: Mapping[str, Mapping[str, Number]]) -> ConsolidatedCit:
    """The 汇总纳税 split of one company's CIT (57号 arts. 13–15 [S]; 25/25 [S-2]; 财预〔2012〕40号 [S]): the head
    office half paid 25 % locally and 25 % into the central pool; the branch half by :func:`branch_ratios`; every
    payment 60/40 central/local. All parts add up to the tax exactly."""
    head, branch_total = split_fen(tax_fen, [1, 1])
    head_local, pool = split_fen(head, [1, 1])
    ratios = branch_ratios(branches)
    branch = dict(zip(ratios, split_fen(branch_total, list(ratios.values())), strict=True))
    central_share = CENTRAL_SHARES["cit"]
    local = {head_office: head_local - round_half_up(head_local * central_share)}
    for place, paid in branch.items():
        local[place] = local.get(place, 0) + paid - round_half_up(paid * central_share)
    pooled_local = pool - round_half_up(pool * central_share)
    central = tax_fen - sum(local.values()) - pooled_local
    return ConsolidatedCit(head_local, pool, branch, central, local, pooled_local)


# ---------------------------------------------------------------------------------------------------------------
# 6. Present value


def npv(amounts_fen: Sequence[int], rate: Number) -> Fraction:
    """Σₜ amountₜ/(1 + rate)ᵗ for t = 1, 2, …: the present value of a stream of yearly amounts, exact."""
    r = exact(rate)
    if r <= -1:
        raise TaxRuleError(f"a discount rate of {r} is not above −100 %")
    factor = 1 + r
    return sum((Fraction(a) / factor**t for t, a in enumerate(amounts_fen, start=1)), Fraction(0))
