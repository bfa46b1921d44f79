"""The methods of a project-cost item: their names, and one function each in a dispatch table.

Every method splits the FULL capital c(N) of the game as typed (compute then scales every amount by
γ = shared / capital, see ``compute.py``). A method returns an :class:`Allocation` — exact ``Fraction`` s when the
solver is exact, floats (as fractions) otherwise — or raises :class:`Unavailable` with the reason in plain words.

The game-theoretic methods call the solvers of :mod:`chengyu_accord.cost_sharing.games` and never re-implement
them. Size limits (the numbers come from the solvers' modules):

=========================== ================================================================================
method                       parties
=========================== ================================================================================
equal, proportional,         any number (no game needed)
weighted, territorial,
negotiated
scrb, eca                    any number: they need c(i), c(N∖i) and c(N) only (completed by cheapest partition)
cga                          an explicit table: up to ``DENSE_LIMIT`` (22) parties
shapley                      exact up to ``shapley.EXACT_LIMIT`` (16); float up to ``DENSE_LIMIT`` (22); beyond,
                             sampled (``SHAPLEY_SAMPLES`` join orders, fixed seed) with a Hoeffding error bound
nucleolus family             up to ``NUCLEOLUS_LIMIT`` (16); every result carries a Kohlberg certificate
segment_shapley,             any number: closed forms over the users of a line (segment games only)
segment_nucleolus
nash                         any number (stand-alone costs and c(N))
egalitarian                  an explicit table (up to the bargaining module's limit, 14)
=========================== ================================================================================
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import Any, Literal

import numpy as np

from ...bilingual import Bilingual
from ...games import bargaining, segment, separable
from ...games.game import DENSE_LIMIT, CoalitionTable, DenseGame, GameTooLarge, SeparableCosts
from ...games.segment import SegmentGame, segment_dense
from ...games.shapley import EXACT_LIMIT as SHAPLEY_EXACT_LIMIT
from ...games.shapley import shapley as shapley_float
from ...games.shapley import shapley_exact, shapley_sampled
from ...progress import Progress
from .model import ProjectCostSharing
from .names import FACTOR_LABELS, METHOD_NAMES, in_sentence


class Unavailable(Exception):  # noqa: N818 - a state of a method, read as a sentence
    """A method cannot be computed for this item; ``reason`` says why and what to do (without the method name)."""

    def __init__(self, reason: Bilingual, *, party_id: str = "", attribute: str = "", field: str = "") -> None:
        super().__init__(reason.en)
        self.reason = reason
        self.party_id = party_id
        self.attribute = attribute
        self.field = field


@dataclass(frozen=True)
class Allocation:
    """A method's split of the full capital c(N): exact fractions, or floats kept as fractions (``exact`` False)."""

    values: tuple[Fraction, ...]
    exact: bool = True
    notes: tuple[tuple[Literal["info", "warning", "error"], str, Bilingual], ...] = ()
    """(level, code, message) findings of the method itself: a sampled error bound, a nucleolus certificate."""


GameKind = Literal["coalition_table", "segment"]


@dataclass(eq=False)
class ProjectGame:
    """The cost game behind the game-theoretic methods: a completed coalition table or a line of segments."""

    kind: GameKind
    n: int
    grand: int
    table: CoalitionTable | None = None
    segment: SegmentGame | None = None
    _dense: tuple[DenseGame, np.ndarray | None] | None = field(default=None, repr=False)
    least_core_epsilon: Fraction | None = None
    """Set by the nucleolus method (its first level), so the least-core check need not solve it again."""

    def dense(self) -> DenseGame:
        """Every coalition's cost (n ≤ DENSE_LIMIT; raises GameTooLarge beyond)."""
        if self._dense is None:
            if self.table is not None:
                game, completed = self.table.dense()
                self._dense = (game, completed)
            else:
                assert self.segment is not None
                self._dense = (segment_dense(self.segment), None)
        return self._dense[0]

    @property
    def completed_mask_array(self) -> np.ndarray | None:
        """For a coalition table with a dense completion: completed[mask] (None otherwise)."""
        if self._dense is None:
            return None
        return self._dense[1]

    @property
    def has_dense(self) -> bool:
        return self.n <= DENSE_LIMIT

    @cached_property
    def separable(self) -> SeparableCosts:
        """c(i), c(N∖i), c(N): what the separable-cost methods and the benchmarks need, for any n."""
        if self.table is not None:
            return self.table.separable_costs()
        assert self.segment is not None
        reach = self.segment.reach_costs()
        without = []
        for i in range(self.n):
            others = reach[:i] + reach[i + 1 :]
            without.append(max(others) if others else 0)
        return SeparableCosts(tuple(reach), tuple(without), self.grand, frozenset())

    def cost(self, mask: int) -> int:
        """c(S) for one coalition, for any n."""
        if self.has_dense and self._dense is not None:
            return int(self.dense().cost(mask))
        if self.table is not None:
            return self.table.cost(mask)[0]
        assert self.segment is not None
        reach = self.segment.reach_costs()
        return max((reach[i] for i in range(self.n) if mask >> i & 1), default=0)


@dataclass(frozen=True)
class Inputs:
    """What every method reads: the item, the parties' names, their factor values, the game (or None)."""

    item: ProjectCostSharing
    party_ids: tuple[str, ...]
    names: tuple[Bilingual, ...]
    factors: dict[str, tuple[Fraction | None, ...]]
    game: ProjectGame | None
    no_game: Bilingual
    """Why there is no game (what to type in), when ``game`` is None."""
    progress: Progress | None = None
    """Checked by the long methods (a sampled Shapley value) so that a newer edit can cancel them."""

    @property
    def n(self) -> int:
        return len(self.party_ids)

    @property
    def capital(self) -> int:
        return self.item.project.capital_fen


# --- helpers ------------------------------------------------------------------------------------


def _fractions(values: Sequence[Any]) -> tuple[tuple[Fraction, ...], bool]:
    """Solver output as fractions, and whether it was exact (ints and Fractions are; floats are not)."""
    exact = all(isinstance(v, int | Fraction | np.integer) for v in values)
    return tuple(Fraction(int(v)) if isinstance(v, np.integer) else Fraction(v) for v in values), exact


def _float_allocation(values: Sequence[float], grand: int) -> Allocation:
    """A float solution made efficient exactly: scaled so that it adds up to c(N) (a relative change of ~1e-16)."""
    parts = tuple(Fraction(float(v)) for v in values)
    total = sum(parts, Fraction(0))
    if total != 0 and total != grand:
        parts = tuple(p * grand / total for p in parts)
    return Allocation(parts, exact=False)


def _need_game(inputs: Inputs) -> ProjectGame:
    if inputs.game is None:
        raise Unavailable(inputs.no_game)
    return inputs.game


def _need_dense(inputs: Inputs, limit: int = DENSE_LIMIT, *, alternatives: bool = True) -> DenseGame:
    game = _need_game(inputs)
    if game.n > limit:
        raise too_large(game.n, limit, alternatives=alternatives)
    return game.dense()


def too_large(n: int, limit: int, *, alternatives: bool = True) -> Unavailable:
    """The reason a method is omitted beyond its size limit."""
    if alternatives:
        return Unavailable(
            Bilingual(
                f"{n}方超出精确计算上限{limit}方；可改用抽样沙普利值、分段博弈或可分离成本法",
                f"{n} parties exceed the exact limit of {limit}; use the sampled Shapley value, a segment game or "
                "a separable-cost method instead",
            )
        )
    return Unavailable(Bilingual(f"{n}方超出计算上限{limit}方", f"{n} parties exceed the limit of {limit}"))


def proportional_to(inputs: Inputs, factor: str) -> Allocation:
    """c(N) in proportion to one factor; a missing value is never zero: the method is unavailable."""
    values = inputs.factors[factor]
    label = FACTOR_LABELS[factor]
    for pid, name, value in zip(inputs.party_ids, inputs.names, values, strict=True):
        if value is None:
            raise Unavailable(
                Bilingual(
                    f"{name.zh}缺少{label.zh}数据（缺失值不按零处理），请补录",
                    f"{name.en} has no {in_sentence(label.en)} figure (a missing value is never taken as zero); "
                    "type one in",
                ),
                party_id=pid,
                attribute=factor,
            )
    total = sum(values, Fraction(0))  # type: ignore[arg-type]
    if total == 0:
        raise Unavailable(Bilingual(f"各方的{label.zh}均为零", f"every party's {in_sentence(label.en)} is zero"))
    return Allocation(tuple(inputs.capital * v / total for v in values))  # type: ignore[operator]


# --- the methods --------------------------------------------------------------------------------


def equal(inputs: Inputs) -> Allocation:
    return Allocation(tuple(Fraction(inputs.capital, inputs.n) for _ in range(inputs.n)))


def proportional(inputs: Inputs) -> Allocation:
    return proportional_to(inputs, inputs.item.basis)


def weighted(inputs: Inputs) -> Allocation:
    """share_i = Σ_f w_f · a_if / Σ_j a_jf, over the factors with w_f > 0, divided by Σ_f w_f."""
    weights = {f: Fraction(w) for f, w in inputs.item.weights.items() if Fraction(w) > 0}
    if not weights:
        raise Unavailable(Bilingual("尚未输入各因素的权重", "no factor weights are typed in"), field="weights")
    total_weight = sum(weights.values(), Fraction(0))
    shares = [Fraction(0)] * inputs.n
    for factor, weight in weights.items():
        part = proportional_to(inputs, factor).values
        for i, value in enumerate(part):
            shares[i] += weight * value
    return Allocation(tuple(s / total_weight for s in shares))


def territorial(inputs: Inputs) -> Allocation:
    return proportional_to(inputs, "works")


def negotiated(inputs: Inputs) -> Allocation:
    """The typed-in amounts of the shared cost, as a split of c(N) (so that scaling by γ gives them back)."""
    amounts = []
    for party, name in zip(inputs.item.parties, inputs.names, strict=True):
        if party.negotiated_fen is None:
            raise Unavailable(
                Bilingual(f"{name.zh}尚未输入协商金额", f"{name.en} has no negotiated amount"),
                party_id=party.party,
                field="parties",
            )
        amounts.append(party.negotiated_fen)
    shared = inputs.item.shared_fen
    if sum(amounts) != shared:
        from ...money import fen_to_yuan_str

        raise Unavailable(
            Bilingual(
                f"协商金额合计{fen_to_yuan_str(sum(amounts))}元，与待分担金额{fen_to_yuan_str(shared)}元不符",
                f"the negotiated amounts add up to {fen_to_yuan_str(sum(amounts))} yuan, not the shared "
                f"{fen_to_yuan_str(shared)} yuan",
            ),
            field="parties",
        )
    if shared == 0:
        return Allocation(tuple(Fraction(0) for _ in amounts))
    return Allocation(tuple(Fraction(a * inputs.capital, shared) for a in amounts))


def _undefined(exc: Exception) -> Unavailable:
    """A solver's refusal of this game (not subadditive, no imputation, LP failure) in plain words."""
    reason = getattr(exc, "reason", str(exc))
    if "marginal cost exceeds" in reason:
        zh = "有一方的边际成本高于其单独建设成本（博弈不满足次可加性）"
    elif "quasi-balanced" in reason:
        zh = "博弈不满足拟平衡条件，τ值无定义"
    elif "no imputation" in reason:
        zh = "各方单独建设成本之和低于项目总投资，不存在分配方案"
    elif "c(S) > 0" in reason:
        zh = "比例核仁要求每个联盟的成本大于零"
    else:
        zh = f"该方法对本博弈无定义（{reason}）"
    return Unavailable(Bilingual(zh, reason))


def _separable_method(name: str) -> Callable[[Inputs], Allocation]:
    def run(inputs: Inputs) -> Allocation:
        game = _need_game(inputs)
        solver = getattr(separable, name)
        try:
            values, exact = _fractions(solver(game.separable))
        except ValueError as exc:
            raise _undefined(exc) from None
        return Allocation(values, exact)

    run.__name__ = name
    run.__doc__ = f"The separable-cost method {name.upper()} (games/separable.py) from c(i), c(N∖i), c(N)."
    return run


scrb = _separable_method("scrb")
eca = _separable_method("eca")


def cga(inputs: Inputs) -> Allocation:
    """τ-value of the cost game: needs every coalition's cost for γ_i = min_{S∋i} [c(S) − Σ_{j∈S} m_j]."""
    dense = _need_dense(inputs)
    try:
        values, exact = _fractions(separable.cga(dense))
    except ValueError as exc:
        raise _undefined(exc) from None
    return Allocation(values, exact)


SHAPLEY_SAMPLES = 2000
"""Join orders sampled at least, for a coalition table beyond DENSE_LIMIT parties; the seed is fixed, so the same
file always prints the same numbers."""
MAX_SHAPLEY_SAMPLES = 20_000
"""Join orders sampled at most (about a second for 44 parties): beyond, the method is refused with the reason."""
SHAPLEY_PILOT = 200
"""Join orders sampled first, to tell how many the wanted precision needs (the bound shrinks as 1/√samples)."""
SHAPLEY_SEED = 2016
"""Any fixed seed would do: what matters is that it never changes."""
SAMPLED_PRECISION = Fraction(1, 20)
"""A sampled Shapley value is shown only when every party's error bound is within 5 % of the average share."""


def shapley(inputs: Inputs) -> Allocation:
    """Exact up to 16 parties, float (9+ significant digits) up to 22; a line's closed form at any size; a coalition
    table beyond 22 parties is sampled, with its error bound stated."""
    game = _need_game(inputs)
    if game.segment is not None and game.n > SHAPLEY_EXACT_LIMIT:
        # the party-level airport game: Littlechild–Owen's sequential equal charging, one user per party
        parties = SegmentGame(game.segment.segment_costs, game.segment.reach, (1,) * game.n)
        values, exact = _fractions(segment.segment_shapley(parties))
        return Allocation(values, exact)
    if game.n > DENSE_LIMIT:
        return _sampled_shapley(game, inputs.progress)
    dense = game.dense()
    if game.n <= SHAPLEY_EXACT_LIMIT:
        return Allocation(tuple(shapley_exact(dense)))
    return _float_allocation(shapley_float(dense).tolist(), game.grand)


def _sampled_shapley(game: ProjectGame, progress: Progress | None) -> Allocation:
    """Random join orders (seeded), as many as SAMPLED_PRECISION needs by a pilot sample's bound, or refused with
    the reason when that would take more than MAX_SHAPLEY_SAMPLES."""
    allowed = float(SAMPLED_PRECISION) * game.grand / game.n
    pilot = shapley_sampled(game.cost, game.n, SHAPLEY_PILOT, seed=SHAPLEY_SEED, progress=progress)
    ratio = float(max(pilot.half_width)) / allowed if allowed else math.inf
    needed = SHAPLEY_PILOT * ratio * ratio  # Hoeffding: the bound shrinks as 1/√samples
    samples = max(SHAPLEY_SAMPLES, math.ceil(needed / 1000) * 1000) if math.isfinite(needed) else math.inf
    sampled = pilot
    if samples <= MAX_SHAPLEY_SAMPLES:
        sampled = shapley_sampled(game.cost, game.n, int(samples), seed=SHAPLEY_SEED, progress=progress)
    worst = float(max(sampled.half_width))
    yuan = f"{worst / 100:,.0f}"
    level = round(sampled.confidence * 100)
    share = worst / game.grand if game.grand else 0.0
    precision = f"{float(SAMPLED_PRECISION):.0%}"
    if worst > allowed:
        raise Unavailable(
            Bilingual(
                f"{game.n}方超出精确计算上限{DENSE_LIMIT}方，抽样估计误差过大（按{sampled.samples}个加入顺序估计，"
                f"误差可达±{yuan}元，超过平均分担额的{precision}，{MAX_SHAPLEY_SAMPLES:,}个加入顺序也不足以达到）；"
                "请补录更多联盟的单独建设成本，或改用分段博弈或可分离成本法",
                f"{game.n} parties exceed the exact limit of {DENSE_LIMIT} and a sample is too imprecise (from "
                f"{sampled.samples} join orders the error may reach ±{yuan} yuan, more than {precision} of the "
                f"average share, and even {MAX_SHAPLEY_SAMPLES:,} would not do); type in the costs of more groups, "
                "or use a segment game or a separable-cost method",
            )
        )
    allocation = _float_allocation(sampled.estimate.tolist(), game.grand)
    message = Bilingual(
        f"沙普利值由{sampled.samples:,}个随机加入顺序抽样估计（{game.n}方超出精确计算上限{DENSE_LIMIT}方）："
        f"以{level}%的置信度，每方金额误差不超过±{yuan}元（总额的{share:.2%}）。",
        f"The Shapley value is estimated from {sampled.samples:,} random join orders ({game.n} parties exceed the "
        f"exact limit of {DENSE_LIMIT}): with {level}% confidence every party's amount is within ±{yuan} yuan "
        f"({share:.2%} of the total).",
    )
    return Allocation(allocation.values, False, (("info", "sampled", message),))


NUCLEOLUS_LIMIT = 16
"""Most parties for the nucleolus family (sequential LPs over 2**n coalitions plus an exact certificate)."""
KOHLBERG_OK = Bilingual(
    "{name}已通过Kohlberg判据检验（精确分数验证）。",
    "{name} is certified by Kohlberg's criterion (checked in exact fractions).",
)
KOHLBERG_FAILED = Bilingual(
    "{name}未通过Kohlberg判据检验，结果不予显示：{detail}",
    "{name} failed Kohlberg's criterion, so it is not shown: {detail}",
)


class Uncertified(Unavailable):
    """A nucleolus whose Kohlberg certificate failed: never shown, reported as an error or a warning."""


def _nucleolus_method(name: str) -> Callable[[Inputs], Allocation]:
    def run(inputs: Inputs) -> Allocation:
        dense = _need_dense(inputs, NUCLEOLUS_LIMIT)
        try:
            # imported here: scipy's optimiser is needed only when a nucleolus is asked for, never at start-up
            from ...games import nucleolus as solvers

            result = getattr(solvers, name)(dense)
        except (ValueError, ArithmeticError) as exc:
            raise _undefined(exc) from None
        label = METHOD_NAMES[name]
        certificate = result.certificate
        if not certificate.holds:
            raise Uncertified(
                Bilingual(
                    KOHLBERG_FAILED.zh.format(name=label.zh, detail=certificate.detail),
                    KOHLBERG_FAILED.en.format(name=label.en, detail=certificate.detail),
                )
            )
        if name == "nucleolus" and inputs.game is not None:
            inputs.game.least_core_epsilon = -result.levels[0] if result.levels else Fraction(0)
        message = Bilingual(KOHLBERG_OK.zh.format(name=label.zh), KOHLBERG_OK.en.format(name=label.en))
        values, exact = _fractions(result.allocation)
        return Allocation(values, exact, (("info", "kohlberg", message),))

    run.__name__ = name
    return run


nucleolus = _nucleolus_method("nucleolus")
per_capita_nucleolus = _nucleolus_method("per_capita_nucleolus")
proportional_nucleolus = _nucleolus_method("proportional_nucleolus")


def _segment_method(name: str) -> Callable[[Inputs], Allocation]:
    def run(inputs: Inputs) -> Allocation:
        game = _need_game(inputs)
        if game.segment is None:
            raise Unavailable(
                Bilingual(
                    "需要输入线路分段造价和各方到达的分段",
                    "type in the line's segments and each party's reach",
                )
            )
        values, exact = _fractions(getattr(segment, name)(game.segment))
        return Allocation(values, exact)

    run.__name__ = name
    return run


segment_shapley = _segment_method("segment_shapley")
segment_nucleolus = _segment_method("segment_nucleolus")


def nash(inputs: Inputs) -> Allocation:
    """Savings against going alone split in the ratio of the bargaining powers (equal when none are typed)."""
    game = _need_game(inputs)
    power = inputs.item.bargaining_power
    weights = [Fraction(Decimal(power.get(pid, "1"))) for pid in inputs.party_ids] if power else None
    try:
        values = bargaining.nash(game.separable.stand_alone, game.grand, weights)
    except ValueError as exc:
        raise _undefined(exc) from None
    return Allocation(tuple(values))


def egalitarian(inputs: Inputs) -> Allocation:
    """Lexicographic maximin of the savings, in the core when it is non-empty (explicit table only)."""
    dense = _need_dense(inputs)
    try:
        result = bargaining.egalitarian(dense)
    except ValueError as exc:
        raise _undefined(exc) from None
    notes: tuple[tuple[Literal["info", "warning", "error"], str, Bilingual], ...] = ()
    if result.core_empty:
        notes = (
            (
                "info",
                "egalitarian-core-empty",
                Bilingual(
                    "核心为空：最小收益最大化方案不受联盟约束，各方节省相等",
                    "The core is empty: the maximin split ignores the coalitions and gives equal savings",
                ),
            ),
        )
    if not result.verified:
        raise Unavailable(Bilingual("结果未通过精确检验，不予显示", "the result failed the exact check"))
    return Allocation(tuple(result.allocation), True, notes)


@dataclass(frozen=True)
class Method:
    """One entry of the dispatch table: the function and whether it needs the game."""

    run: Callable[[Inputs], Allocation]
    game: bool


DISPATCH: dict[str, Method] = {
    "equal": Method(equal, False),
    "proportional": Method(proportional, False),
    "weighted": Method(weighted, False),
    "territorial": Method(territorial, False),
    "scrb": Method(scrb, True),
    "eca": Method(eca, True),
    "cga": Method(cga, True),
    "shapley": Method(shapley, True),
    "nucleolus": Method(nucleolus, True),
    "per_capita_nucleolus": Method(per_capita_nucleolus, True),
    "proportional_nucleolus": Method(proportional_nucleolus, True),
    "segment_shapley": Method(segment_shapley, True),
    "segment_nucleolus": Method(segment_nucleolus, True),
    "nash": Method(nash, True),
    "egalitarian": Method(egalitarian, True),
    "negotiated": Method(negotiated, False),
}
"""Method key → function; every key of ``model.METHODS`` is here."""


def run_method(method: str, inputs: Inputs) -> Allocation:
    """Run one method; raises :class:`Unavailable` with the reason (GameTooLarge from a solver included)."""
    try:
        return DISPATCH[method].run(inputs)
    except GameTooLarge as exc:
        raise too_large(exc.players, exc.limit) from None
