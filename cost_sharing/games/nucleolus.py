"""The nucleolus family of a cost game, by sequential LPs, certified by Kohlberg's criterion.

Definitions (cost games: c(S) is what coalition S would pay alone; players 0 .. n-1):

* **Excess** of a coalition S at an allocation x: e(S, x) = c(S) − x(S), with x(S) = Σ_{i∈S} x_i.
  A negative excess means S is overcharged: its members would save |e| by building alone.
* **Imputation set**: allocations with x(N) = c(N) (the whole cost is covered) and
  x_i ≤ c({i}) (no city pays more than alone). The **preimputation set** drops the second
  condition.
* **Nucleolus** (Schmeidler 1969): the allocation of the imputation set whose excesses, sorted
  from the most overcharged up, are lexicographically largest — first make the worst
  overcharge as small as possible, then the second worst, and so on. It is unique, and it lies
  in the core whenever the core is non-empty. The **prenucleolus** is the same over the
  preimputation set.
* **Per-capita nucleolus**: the same with the excess per member, (c(S) − x(S)) / |S|, so a large
  coalition's complaint is shared among its members.
* **Proportional nucleolus**: the same with the relative excess (c(S) − x(S)) / c(S), the saving
  as a share of what S would pay alone (Young, Okada & Hashimoto 1982 proposed this
  proportional least-core idea for cost allocation); it needs c(S) > 0 for every S ≠ ∅.
* **Least core**: the smallest ε such that some allocation of the domain has x(S) ≤ c(S) + ε
  for every S ≠ ∅, N. ε ≤ 0 means the core is non-empty, and |ε| is the slack every
  coalition keeps; ε > 0 is the smallest uniform subsidy that would make the core non-empty.
  The least core is a set; :func:`least_core` reports the nucleolus as its representative
  point, which always lies in it (the first LP stage of the nucleolus is the least-core LP).
* **Kohlberg's criterion** (Kohlberg 1971): an efficient allocation x is the nucleolus if and
  only if, listing the distinct excess levels from the most overcharged up, every collection
  D_k = {S ≠ ∅, N : e(S, x) ≤ level k} is *balanced* — there are weights λ_S > 0 with
  Σ λ_S 1_S = t·1_N — where, over the imputation set, the singletons {i} with x_i = c({i})
  may join each collection with weights ≥ 0 ("weakly balanced"). An unbalanced D_k means a
  direction exists that relieves the coalitions of D_k without hurting any of them, so x is
  not the nucleolus. The same criterion holds for the per-capita and proportional excesses,
  because dividing each coalition's excess by its own positive weight (|S| or c(S)) does not
  change the sign of its change.

How it is computed: stage k solves max t subject to e(S, x) ≥ t for the coalitions not yet
fixed, with the fixed coalitions held at their levels. Each stage LP is solved by constraint
generation (a few dozen of the 2**n coalitions at a time; all excesses are checked at once
with numpy), and the coalitions with positive dual values are fixed, together with every
coalition whose vector lies in the span of the fixed ones. Once the fixed coalitions span
R^n the float answer is discarded: the same equations (efficiency, fixed coalitions at their
levels, stand-alone caps that bind) are solved exactly in Fractions from the exact costs, and
the exact allocation is checked by Kohlberg's criterion with exact excesses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal, Protocol

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

from .game import DenseGame, coalition_sums, lex_masks

Domain = Literal["imputation", "preimputation"]
Excess = Literal["standard", "per_capita", "proportional"]

_DOMAINS = ("imputation", "preimputation")
_EXCESSES = ("standard", "per_capita", "proportional")
_HIGHS = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}
_SPAN_TOL = 1e-9  # squared distance of a 0/1 vector to the fixed span below which it is spanned
_DUAL_TOL = 1e-9  # λ_S·w(S) (they sum to 1) above which a coalition counts as fixed
_BATCH = 3  # violated coalitions added per round, per player
_PRIME = (1 << 61) - 1  # exact rank of 0/1 vectors of ≤ 50 players: minors stay far below it


class _Progress(Protocol):
    def check(self) -> None: ...


@dataclass(frozen=True)
class KohlbergCertificate:
    """Whether an allocation passed Kohlberg's criterion, and in plain English why not."""

    holds: bool
    levels_checked: int  # balancedness LPs solved (levels where the rank of the collection grew)
    detail: str


@dataclass(frozen=True)
class NucleolusResult:
    """An exact nucleolus-type allocation with the levels that fixed it and its certificate."""

    allocation: tuple[Fraction, ...]
    levels: tuple[Fraction, ...]  # the excess level fixed at each LP stage (stages may share a level)
    lps: int  # LPs solved to find it (the certificate's LPs not included)
    certificate: KohlbergCertificate


@dataclass(frozen=True)
class LeastCore:
    """The least-core value ε and a point of the least core (the nucleolus)."""

    epsilon: Fraction
    allocation: tuple[Fraction, ...]


# ----------------------------------------------------------------------------- public API


def nucleolus(game: DenseGame, *, domain: Domain = "imputation", progress: _Progress | None = None) -> NucleolusResult:
    """The nucleolus (``domain="imputation"``) or prenucleolus (``"preimputation"``) of a cost game."""
    return _nucleolus(game, domain, "standard", progress)


def prenucleolus(game: DenseGame, *, progress: _Progress | None = None) -> NucleolusResult:
    """The prenucleolus: the nucleolus without the stand-alone caps x_i ≤ c({i})."""
    return _nucleolus(game, "preimputation", "standard", progress)


def per_capita_nucleolus(
    game: DenseGame, *, domain: Domain = "imputation", progress: _Progress | None = None
) -> NucleolusResult:
    """The nucleolus of the excess per member, (c(S) − x(S)) / |S|; levels are per-member excesses."""
    return _nucleolus(game, domain, "per_capita", progress)


def proportional_nucleolus(
    game: DenseGame, *, domain: Domain = "imputation", progress: _Progress | None = None
) -> NucleolusResult:
    """The nucleolus of the relative excess (c(S) − x(S)) / c(S) (Young, Okada & Hashimoto 1982).

    Levels are shares of the stand-alone cost; every coalition must have c(S) > 0.
    """
    return _nucleolus(game, domain, "proportional", progress)


def least_core(game: DenseGame, *, domain: Domain = "imputation", progress: _Progress | None = None) -> LeastCore:
    """The least-core value ε (≤ 0 iff the core is non-empty) and the nucleolus as the least core's point.

    ε is minus the first level of the nucleolus: the first nucleolus stage is exactly the
    least-core LP, and the nucleolus lies in the least core.
    """
    result = _nucleolus(game, domain, "standard", progress)
    epsilon = -result.levels[0] if result.levels else Fraction(0)
    return LeastCore(epsilon, result.allocation)


def nucleolus_of_profit_game(
    n: int,
    v: Sequence[int | Fraction | float] | np.ndarray,
    *,
    domain: Domain = "imputation",
    excess: Literal["standard", "per_capita"] = "standard",
) -> NucleolusResult:
    """The (pre)nucleolus of a profit (savings) game v, as the literature states it.

    ``v`` is either the 2**n - 1 values in lexicographic order (1, 2, 3, 12, 13, 23, 123, …)
    or 2**n values indexed by mask. The profit game v is the cost game c = −v: the profit
    excess v(S) − y(S) is minus the cost excess, y_i ≥ v(i) is x_i ≤ c(i), so the profit
    nucleolus is y = −x. (For the savings game of a cost game c, v(S) = Σ_{i∈S} c(i) − c(S),
    this gives x_i = c(i) − y_i.) The result is in profit terms: allocation y and levels
    v(S) − y(S), from the largest (most unhappy) down.
    """
    values = list(v.tolist() if isinstance(v, np.ndarray) else v)
    size = 1 << n
    if len(values) == size - 1:
        by_mask: list[Any] = [0] * size
        for mask, value in zip(lex_masks(n), values, strict=True):
            by_mask[mask] = value
    elif len(values) == size:
        by_mask = values
    else:
        raise ValueError(f"{n} players need {size - 1} values in lexicographic order or {size} by mask")
    if all(isinstance(a, int | Fraction | np.integer) and not isinstance(a, bool) for a in by_mask):
        exact = [Fraction(a) for a in by_mask]
        scale = math.lcm(*(a.denominator for a in exact))  # the nucleolus is homogeneous of degree 1
        ints = [-int(a * scale) for a in exact]
        game = DenseGame.from_exact(n, ints)
    else:
        scale = 1
        game = DenseGame(n, -np.asarray(by_mask, dtype=np.float64))
    result = _nucleolus(game, domain, excess, None)
    return NucleolusResult(
        allocation=tuple(-a / scale for a in result.allocation),
        levels=tuple(-a / scale for a in result.levels),
        lps=result.lps,
        certificate=result.certificate,
    )


def kohlberg_certificate(
    game: DenseGame,
    allocation: Sequence[Fraction | int | float],
    *,
    domain: Domain = "imputation",
    excess: Excess = "standard",
) -> KohlbergCertificate:
    """Check Kohlberg's criterion for ANY allocation, with exact excesses (Fractions).

    Floats in ``allocation`` are taken at their exact binary value. The allocation passes
    iff it is the nucleolus (of ``excess`` over ``domain``).
    """
    _check_args(game, domain, excess)
    n = game.n
    x = tuple(Fraction(a) for a in allocation)
    if len(x) != n:
        raise ValueError(f"an allocation of {n} players needs {n} amounts, not {len(x)}")
    exact = _Exact(game, excess)
    total = sum(x, Fraction(0))
    if total != exact.cost(game.full):
        return KohlbergCertificate(False, 0, f"not efficient: the amounts add up to {_num(total)}, not c(N)")
    tight: list[int] = []
    if domain == "imputation":
        for i in range(n):
            ci = exact.cost(1 << i)
            if x[i] > ci:
                return KohlbergCertificate(
                    False, 0, f"not an imputation: player {i} pays {_num(x[i])}, more than alone ({_num(ci)})"
                )
            if x[i] == ci:
                tight.append(i)
    if n == 1:
        return KohlbergCertificate(True, 0, "balanced at every level until rank n (one player: nothing to balance)")
    prefixes = _kohlberg_prefixes(game, x, exact, excess)
    # One LP for all the collections to check; only when it fails, one LP each to find the first failure.
    if _balanced([collection for _, collection in prefixes], tight, n):
        return KohlbergCertificate(True, len(prefixes), "balanced at every level until rank n")
    for index, (level, collection) in enumerate(prefixes):
        if not _balanced([collection], tight, n):
            shown = ", ".join(_coalition(m) for m in sorted(collection)[:6])
            more = f" and {len(collection) - 6} more" if len(collection) > 6 else ""
            caps = f" (with the capped singletons of players {tight})" if tight else ""
            return KohlbergCertificate(
                False,
                len(prefixes) + index + 1,
                f"the coalitions with excess at most {_num(level)} (level {index + 1}: {shown}{more}) are not "
                f"balanced{caps}: some other allocation relieves all of them at once, so this is not the nucleolus",
            )
    return KohlbergCertificate(False, 2 * len(prefixes), "the balancedness LPs disagree; no level found unbalanced")


# ------------------------------------------------------------------------------ internals


def _check_args(game: DenseGame, domain: str, excess: str) -> None:
    if domain not in _DOMAINS:
        raise ValueError(f"domain must be one of {_DOMAINS}, not {domain!r}")
    if excess not in _EXCESSES:
        raise ValueError(f"excess must be one of {_EXCESSES}, not {excess!r}")
    if excess == "proportional" and not np.all(np.asarray(game.values)[1:] > 0):
        raise ValueError("the proportional nucleolus needs c(S) > 0 for every non-empty coalition")


def _num(value: Fraction) -> str:
    return str(value) if value.denominator == 1 else f"{value} (≈ {float(value):.6g})"


def _coalition(mask: int) -> str:
    return "{" + ", ".join(str(i) for i in range(mask.bit_length()) if mask >> i & 1) + "}"


class _Exact:
    """Exact costs and excess weights, converted lazily (only the coalitions a check looks at)."""

    def __init__(self, game: DenseGame, excess: str) -> None:
        self.values = game.values
        self.ints = game.exact
        self.excess = excess
        self._cache: dict[int, Fraction] = {}

    def cost(self, mask: int) -> Fraction:
        value = self._cache.get(mask)
        if value is None:
            value = Fraction(self.ints[mask]) if self.ints is not None else Fraction(float(self.values[mask]))
            self._cache[mask] = value
        return value

    def weight(self, mask: int) -> Fraction:
        if self.excess == "standard":
            return Fraction(1)
        if self.excess == "per_capita":
            return Fraction(mask.bit_count())
        return self.cost(mask)


def _weights(values: np.ndarray, n: int, excess: str) -> np.ndarray:
    """w(S) for every mask (w(∅) = 1 so that divisions are harmless)."""
    if excess == "standard":
        w = np.ones(1 << n)
    elif excess == "per_capita":
        w = coalition_sums(np.ones(n))
    else:
        w = values.astype(np.float64, copy=True)
    w[0] = 1.0
    return w


def _bits(masks: np.ndarray, n: int) -> np.ndarray:
    """0/1 rows (one per mask) of the coalitions' characteristic vectors, float64."""
    return ((masks[:, None] >> np.arange(n)) & 1).astype(np.float64)


class _Span:
    """The span of the fixed coalitions (and N), and for every mask its squared distance to it."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.basis: list[np.ndarray] = []
        self.resid = coalition_sums(np.ones(n))  # |S| = squared norm of 1_S

    @property
    def rank(self) -> int:
        return len(self.basis)

    def add(self, vector: np.ndarray) -> bool:
        r = vector.astype(np.float64, copy=True)
        for _ in range(2):  # Gram–Schmidt twice keeps the basis orthonormal to machine precision
            for q in self.basis:
                r -= (q @ r) * q
        norm2 = float(r @ r)
        if norm2 <= _SPAN_TOL:
            return False
        q = r / math.sqrt(norm2)
        self.basis.append(q)
        proj = coalition_sums(q)
        self.resid -= proj * proj
        return True


def _nucleolus(game: DenseGame, domain: str, excess: str, progress: _Progress | None) -> NucleolusResult:
    _check_args(game, domain, excess)
    n = game.n
    exact = _Exact(game, excess)
    caps = [exact.cost(1 << i) for i in range(n)]
    if domain == "imputation" and sum(caps, Fraction(0)) < exact.cost(game.full):
        raise ValueError("no imputation exists: the stand-alone costs add up to less than c(N)")
    if n == 1:
        allocation = (exact.cost(1),)
        return NucleolusResult(allocation, (), 0, kohlberg_certificate(game, allocation, domain=domain, excess=excess))
    stages, capped, lps = _stages(game, domain, excess, progress)
    allocation, levels = _exact_solution(game, exact, stages, capped)
    certificate = kohlberg_certificate(game, allocation, domain=domain, excess=excess)
    return NucleolusResult(allocation, levels, lps, certificate)


@dataclass
class _Stage:
    level: float
    fixed: list[int]  # coalitions with a positive dual value: tight at this level in every optimum
    tight: list[int]  # coalitions tight in the float optimum (a fallback for the exact solve)


try:  # HiGHS as scipy ships it, driven directly: rows are added and re-solved from the last basis
    from scipy.optimize._highspy import _core as _highs_core

    _HighsClass: Any = _highs_core._Highs
    _INF = float(_highs_core.kHighsInf)
    _OPTIMAL: Any = _highs_core.HighsModelStatus.kOptimal
except (ImportError, AttributeError):  # pragma: no cover - other scipy layouts fall back to linprog
    _HighsClass = None
    _INF = math.inf
    _OPTIMAL = None

_USE_HIGHS = _HighsClass is not None  # tests switch this off to run the linprog path too


class _StageLP:
    """max t over x: rows x(S) + w(S)·t ≤ c(S) (inequality), x(S) = rhs (fixed), or free (spanned).

    Row 0 is efficiency x(N) = c(N). With scipy's HiGHS object the model is changed in place
    and re-solved by dual simplex from the previous basis (adding violated rows keeps it dual
    feasible), which is what makes constraint generation cheap; otherwise ``linprog`` solves
    the whole model each time.
    """

    def __init__(self, n: int, upper: list[float | None], grand: float) -> None:
        self.n = n
        self.lower = [-_INF] * n + [-_INF]
        self.upper = [(_INF if u is None else u) for u in upper] + [_INF]
        self.masks: list[int] = []
        self.kind: list[int] = []  # 0 inequality, 1 fixed equality, 2 free
        self.rhs: list[float] = []
        self.weight: list[float] = []
        self.highs = None
        if _USE_HIGHS:
            h = _HighsClass()
            h.setOptionValue("output_flag", False)
            for key, value in _HIGHS.items():
                h.setOptionValue(key, value)
            cost = np.zeros(n + 1)
            cost[n] = -1.0
            h.addCols(
                n + 1,
                cost,
                np.asarray(self.lower),
                np.asarray(self.upper),
                0,
                np.zeros(n + 1, dtype=np.int32),
                np.zeros(0, dtype=np.int32),
                np.zeros(0),
            )
            self.highs = h
        self._append(np.asarray([(1 << n) - 1]), np.asarray([grand]), np.zeros(1), kind=1)

    def _append(self, masks: np.ndarray, rhs: np.ndarray, weight: np.ndarray, kind: int) -> None:
        count = len(masks)
        self.masks += masks.tolist()
        self.kind += [kind] * count
        self.rhs += rhs.tolist()
        self.weight += weight.tolist()
        if self.highs is None:
            return
        bits = _bits(masks, self.n)
        if kind == 0:
            bits = np.hstack((bits, weight[:, None]))
        rows, cols = np.nonzero(bits)
        starts = np.searchsorted(rows, np.arange(count)).astype(np.int32)
        lower = np.full(count, -_INF) if kind == 0 else rhs
        self.highs.addRows(
            count, lower, rhs, len(rows), starts, cols.astype(np.int32), bits[rows, cols].astype(np.float64)
        )

    def add(self, masks: np.ndarray, rhs: np.ndarray, weight: np.ndarray) -> None:
        self._append(masks, rhs, weight, kind=0)

    def fix(self, row: int, rhs: float) -> None:
        """Hold an inequality row at x(S) = rhs from now on (its t coefficient becomes 0)."""
        self.kind[row] = 1
        self.rhs[row] = rhs
        if self.highs is not None:
            self.highs.changeCoeff(row, self.n, 0.0)
            self.highs.changeRowBounds(row, rhs, rhs)

    def free(self, row: int) -> None:
        self.kind[row] = 2
        if self.highs is not None:
            self.highs.changeRowBounds(row, -_INF, _INF)

    def cap(self, player: int) -> None:
        """Hold x_i at its stand-alone cost (the cap binds in every optimum)."""
        self.lower[player] = self.upper[player]
        if self.highs is not None:
            self.highs.changeColBounds(player, self.upper[player], self.upper[player])

    def solve(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x and t, dual λ ≥ 0 of every row (0 unless an inequality), dual of every x_i's upper bound ≥ 0)."""
        if self.highs is not None:
            h = self.highs
            h.run()
            if h.getModelStatus() != _OPTIMAL:
                raise ArithmeticError(f"the nucleolus LP failed: {h.modelStatusToString(h.getModelStatus())}")
            solution = h.getSolution()
            z = np.asarray(solution.col_value)
            duals = -np.asarray(solution.row_dual)
            caps = -np.asarray(solution.col_dual)[: self.n]
            return z, np.where(np.asarray(self.kind) == 0, duals, 0.0), caps
        kind = np.asarray(self.kind)
        masks = np.asarray(self.masks, dtype=np.int64)
        ineq = np.flatnonzero(kind == 0)
        eq = np.flatnonzero(kind == 1)
        a_ub = np.hstack((_bits(masks[ineq], self.n), np.asarray(self.weight)[ineq, None]))
        a_eq = np.hstack((_bits(masks[eq], self.n), np.zeros((len(eq), 1))))
        rhs = np.asarray(self.rhs)
        objective = np.zeros(self.n + 1)
        objective[self.n] = -1.0
        bounds = [
            (None if lo == -_INF else lo, None if hi == _INF else hi)
            for lo, hi in zip(self.lower, self.upper, strict=True)
        ]
        res = linprog(
            objective,
            A_ub=a_ub,
            b_ub=rhs[ineq],
            A_eq=a_eq,
            b_eq=rhs[eq],
            bounds=bounds,
            method="highs-ds",
            options=_HIGHS,
        )
        if res.status != 0:
            raise ArithmeticError(f"the nucleolus LP failed: {res.message}")
        duals = np.zeros(len(kind))
        duals[ineq] = -np.asarray(res.ineqlin.marginals)
        return res.x, duals, -np.asarray(res.upper.marginals)[: self.n]


def _stages(
    game: DenseGame, domain: str, excess: str, progress: _Progress | None
) -> tuple[list[_Stage], list[int], int]:
    """Run the sequential LPs in floats; return the stages, the binding stand-alone caps, the LP count."""
    n = game.n
    full = game.full
    scale = float(np.max(np.abs(game.values))) or 1.0
    c = game.values / scale
    w = _weights(c, n, excess)
    span = _Span(n)
    span.add(np.ones(n))
    upper = [float(c[1 << i]) if domain == "imputation" else None for i in range(n)]
    lp = _StageLP(n, upper, float(c[full]))
    capped: list[int] = []
    stages: list[_Stage] = []
    start = np.asarray(sorted({1 << i for i in range(n)} | ({full ^ (1 << i) for i in range(n)} if n > 2 else set())))
    lp.add(start, c[start], w[start])
    in_lp = np.zeros(1 << n, dtype=bool)
    in_lp[start] = True
    batch = _BATCH * n
    lps = 0
    while span.rank < n:
        eligible = span.resid > _SPAN_TOL  # ∅, N and everything in the span of fixed coalitions are out
        for row, mask in enumerate(lp.masks):
            if lp.kind[row] == 0 and not eligible[mask]:
                lp.free(row)
        while True:
            if progress is not None:
                progress.check()
            z, duals, cap_duals = lp.solve()
            lps += 1
            x = z[:n]
            t = float(z[n])
            ex = (c - coalition_sums(x)) / w
            tol = 1e-9 * max(1.0, abs(t))
            violated = np.flatnonzero((ex < t - tol) & eligible & ~in_lp)
            if violated.size == 0:
                break
            if violated.size > batch:
                violated = violated[np.argpartition(ex[violated], batch)[:batch]]
            in_lp[violated] = True
            lp.add(violated, c[violated], w[violated])
        masks = np.asarray(lp.masks)
        weighted = duals * w[masks]
        tol = 1e-7 * max(1.0, abs(t))
        order = np.argsort(-weighted, kind="stable")
        candidates = [j for j in order.tolist() if lp.kind[j] == 0 and ex[masks[j]] - t <= tol]
        fixed_rows = [j for j in candidates if weighted[j] > _DUAL_TOL] or candidates[:1]
        fixed = [int(masks[j]) for j in fixed_rows]
        tight = np.flatnonzero(eligible & (ex <= t + tol))
        stages.append(_Stage(t * (scale if excess != "proportional" else 1.0), fixed, tight[:200].tolist()))
        for j in fixed_rows:
            m = int(masks[j])
            if span.add(_bits(np.asarray([m]), n)[0]):
                lp.fix(j, float(c[m] - w[m] * t))
            else:
                lp.free(j)
        if domain == "imputation":
            for i in range(n):
                if i not in capped and cap_duals[i] > _DUAL_TOL and x[i] >= upper[i] - tol:
                    capped.append(i)
                    lp.cap(i)
                    unit = np.zeros(n)
                    unit[i] = 1.0
                    span.add(unit)
    return stages, capped, lps


def _exact_solution(
    game: DenseGame, exact: _Exact, stages: list[_Stage], capped: list[int]
) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...]]:
    """Solve efficiency + capped singletons + fixed coalitions at their levels exactly.

    Unknowns are x_0 .. x_{n-1} and one level per stage. The dual values of each stage combine
    its fixed rows with earlier rows into an equation for its level alone, and the fixed
    coalitions span R^n at the end, so the system has exactly one solution.
    """
    n = game.n
    k = len(stages)
    solver = _ExactSolver(n + k)
    solver.add([1] * n + [0] * k, exact.cost(game.full))
    for i in capped:
        solver.add([int(j == i) for j in range(n)] + [0] * k, exact.cost(1 << i))
    for s, stage in enumerate(stages):
        for m in stage.fixed:
            solver.add(_row(m, n, k, s, exact.weight(m)), exact.cost(m))
    if solver.rank < n + k:  # a dual value lost to rounding: add the coalitions tight in the float optimum
        for s, stage in enumerate(stages):
            for m in stage.tight:
                solver.add(_row(m, n, k, s, exact.weight(m)), exact.cost(m))
    if solver.rank < n + k:
        raise ArithmeticError("the fixed coalitions do not determine the nucleolus (numerical failure)")
    z = solver.solve()
    return tuple(z[:n]), tuple(z[n:])


def _row(mask: int, n: int, k: int, stage: int, weight: Fraction) -> list[Fraction | int]:
    row: list[Fraction | int] = [mask >> i & 1 for i in range(n)] + [0] * k
    row[n + stage] = weight
    return row


class _ExactSolver:
    """Fraction-free Gauss–Jordan over the integers: rows are kept reduced, dependent rows dropped."""

    def __init__(self, columns: int) -> None:
        self.columns = columns
        self.pivots: dict[int, list[int]] = {}  # pivot column → integer row (coefficients + rhs)

    @property
    def rank(self) -> int:
        return len(self.pivots)

    def add(self, coefficients: Sequence[Fraction | int], rhs: Fraction | int) -> bool:
        entries = [Fraction(a) for a in coefficients] + [Fraction(rhs)]
        scale = math.lcm(*(a.denominator for a in entries))
        row = [int(a * scale) for a in entries]
        for col, pivot in self.pivots.items():
            factor = row[col]
            if factor:
                p = pivot[col]
                row = [a * p - factor * b for a, b in zip(row, pivot, strict=True)]
        row = _primitive(row)
        col = next((j for j in range(self.columns) if row[j]), None)
        if col is None:
            return False  # dependent (or inconsistent: the float stages were wrong; the certificate will tell)
        for other, pivot in self.pivots.items():
            factor = pivot[col]
            if factor:
                p = row[col]
                self.pivots[other] = _primitive([a * p - factor * b for a, b in zip(pivot, row, strict=True)])
        self.pivots[col] = row
        return True

    def solve(self) -> list[Fraction]:
        return [Fraction(self.pivots[j][-1], self.pivots[j][j]) for j in range(self.columns)]


def _primitive(row: list[int]) -> list[int]:
    g = math.gcd(*row)
    return [a // g for a in row] if g > 1 else row


def _kohlberg_prefixes(
    game: DenseGame, x: tuple[Fraction, ...], exact: _Exact, excess: str
) -> list[tuple[Fraction, list[int]]]:
    """The collections D_k to test: the prefixes (by exact excess level) where the rank grows, up to rank n.

    Why stopping at rank n is enough, and why levels that add no rank need no LP: if D is
    balanced with weights λ > 0 and a coalition T has 1_T = Σ_{S∈D} γ_S 1_S + β 1_N, then
    Σ (λ_S − εγ_S) 1_S + ε 1_T = (t + εβ) 1_N has positive weights for small ε > 0, so D ∪ {T}
    is balanced. Once D ∪ {N} spans R^n every later coalition is such a T.
    """
    n = game.n
    full = game.full
    denominator = math.lcm(*(a.denominator for a in x))
    numerators = [int(a * denominator) for a in x]
    keys = _integer_excesses(game, numerators, denominator, excess)
    if keys is not None:  # exact integer excesses for every coalition at numpy speed
        key_array, unit = keys
        key_array[0] = key_array[full] = np.iinfo(np.int64).max
        count = min(4 * n, full - 1)
        while True:
            if count >= full - 1:
                chosen = np.argsort(key_array, kind="stable")[: full - 1]
                boundary = None
            else:
                part = np.argpartition(key_array, count)
                boundary = int(key_array[part[count]])  # the smallest key left out
                chosen = part[:count]
                chosen = chosen[np.lexsort((chosen, key_array[chosen]))]
            ordered = key_array[chosen]
            ends = [*(np.flatnonzero(np.diff(ordered)) + 1).tolist(), len(chosen)]
            tracker = _RankTracker(n)
            prefixes = []
            begin = 0
            for end in ends:
                if tracker.add_group(chosen[begin:end]):
                    prefixes.append((Fraction(int(ordered[begin]), unit), chosen[:end].tolist()))
                if tracker.rank == n:
                    break
                begin = end
            if boundary is None or (tracker.rank == n and int(ordered[begin]) < boundary):
                return prefixes
            count = min(4 * count, full - 1)
    size = 1 << n
    xf = np.array([float(a) for a in x])
    w = _weights(game.values, n, excess)
    ef = (game.values - coalition_sums(xf)) / w
    ef[0] = ef[full] = np.inf
    scale = float(np.max(np.abs(game.values))) + float(np.sum(np.abs(xf))) + 1.0
    tol = 1e-8 * scale / float(np.min(np.abs(w[1:])))
    cache: dict[int, Fraction] = {}

    def exact_excess(mask: int) -> Fraction:
        value = cache.get(mask)
        if value is None:
            paid = sum(numerators[i] for i in range(n) if mask >> i & 1)
            value = (exact.cost(mask) - Fraction(paid, denominator)) / exact.weight(mask)
            cache[mask] = value
        return value

    count = min(4 * n, size - 2)
    while True:
        if count >= size - 2:
            candidates = np.arange(1, full)
            boundary = np.inf
        else:
            part = np.argpartition(ef, count)
            candidates = part[:count]
            boundary = float(ef[part[count]])
        levels: dict[Fraction, list[int]] = {}
        for m in candidates.tolist():
            levels.setdefault(exact_excess(m), []).append(m)
        prefixes: list[tuple[Fraction, list[int]]] = []
        tracker = _RankTracker(n)
        collection: list[int] = []
        for level in sorted(levels):
            group = levels[level]
            collection.extend(group)
            if tracker.add_group(np.asarray(group, dtype=np.int64)):
                prefixes.append((level, list(collection)))
            if tracker.rank == n:
                if float(level) + tol < boundary:
                    return prefixes
                break
        count = min(4 * count, size - 2)


def _integer_excesses(
    game: DenseGame, numerators: list[int], denominator: int, excess: str
) -> tuple[np.ndarray, int] | None:
    """Every excess as an int64 multiple of 1/unit, when the game is exact and nothing can overflow.

    Standard: (c(S)·D − P(S)); per capita: the same times lcm(1..n)/|S|. None otherwise.
    """
    if game.exact is None or excess == "proportional":
        return None
    n = game.n
    per_member = math.lcm(*range(1, n + 1)) if excess == "per_capita" else 1
    bound = (max(abs(int(np.max(game.values))), abs(int(np.min(game.values)))) + 1) * denominator
    bound = (bound + sum(abs(p) for p in numerators)) * per_member
    if bound >= 1 << 62:
        return None
    # Below 2**53 the float values are the exact integers; converting them is much faster.
    costs = game.values.astype(np.int64) if bound < 1 << 53 else np.asarray(game.exact, dtype=np.int64)
    paid = np.zeros(1 << n, dtype=np.int64)
    for i, p in enumerate(numerators):
        half = 1 << i
        np.add(paid[:half], p, out=paid[half : 2 * half])
    keys = costs * denominator - paid
    if per_member > 1:
        sizes = coalition_sums(np.ones(n)).astype(np.int64)
        sizes[0] = 1
        keys *= per_member // sizes
    return keys, denominator * per_member


class _RankTracker:
    """Exact rank of the collection so far (with N), fed a whole excess level at a time.

    A float residual against an orthonormal basis picks the candidates (a coalition of a
    level is tried only if it looks independent); each is confirmed exactly modulo a prime.
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.exact = _ModRank(n)
        self.exact.add((1 << n) - 1)
        self.basis = np.ones((1, n)) / math.sqrt(n)

    @property
    def rank(self) -> int:
        return self.exact.rank

    def add_group(self, masks: np.ndarray) -> bool:
        if self.rank == self.n or len(masks) == 0:
            return False
        bits = _bits(masks, self.n)
        resid = bits.sum(axis=1) - ((bits @ self.basis.T) ** 2).sum(axis=1)
        grew = False
        while self.rank < self.n:
            j = int(np.argmax(resid))
            if resid[j] <= _SPAN_TOL:
                break
            resid[j] = 0.0
            if self.exact.add(int(masks[j])):
                grew = True
                r = bits[j] - self.basis.T @ (self.basis @ bits[j])
                r -= self.basis.T @ (self.basis @ r)
                q = r / np.linalg.norm(r)
                self.basis = np.vstack((self.basis, q))
                resid -= (bits @ q) ** 2
        return grew


class _ModRank:
    """Exact rank of 0/1 vectors (modulo a 61-bit prime, exact for these small determinants)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.pivots: dict[int, list[int]] = {}

    @property
    def rank(self) -> int:
        return len(self.pivots)

    def add(self, mask: int) -> bool:
        row = [mask >> i & 1 for i in range(self.n)]
        for col, pivot in self.pivots.items():
            factor = row[col]
            if factor:
                row = [(a - factor * b) % _PRIME for a, b in zip(row, pivot, strict=True)]
        col = next((j for j in range(self.n) if row[j]), None)
        if col is None:
            return False
        inverse = pow(row[col], -1, _PRIME)
        row = [a * inverse % _PRIME for a in row]
        for other, pivot in self.pivots.items():
            factor = pivot[col]
            if factor:
                self.pivots[other] = [(a - factor * b) % _PRIME for a, b in zip(pivot, row, strict=True)]
        self.pivots[col] = row
        return True


def _balanced(collections: list[list[int]], tight: list[int], n: int) -> bool:
    """Is every collection weakly balanced w.r.t. the capped singletons? One block-diagonal feasibility LP.

    Per collection D: λ_S ≥ 1 (S ∈ D), μ_i ≥ 0 (capped singletons), t ≥ 0 and
    Σ λ_S 1_S + Σ μ_i 1_{i} = t·1_N; t > 0 follows from λ ≥ 1.
    """
    blocks = []
    lower: list[float] = []
    for b, collection in enumerate(collections):
        masks = np.asarray(collection, dtype=np.int64)
        block = sparse.coo_matrix(_bits(masks, n).T) if len(masks) else sparse.coo_matrix((n, 0))
        extra = sparse.coo_matrix(
            (
                [1.0] * len(tight) + [-1.0] * n,
                (tight + list(range(n)), list(range(len(tight))) + [len(tight)] * n),
            ),
            shape=(n, len(tight) + 1),
        )
        blocks.append(sparse.hstack((block, extra)))
        lower += [1.0] * len(masks) + [0.0] * (len(tight) + 1)
        del b
    if not blocks:
        return True
    a_eq = sparse.block_diag(blocks, format="csc")
    lower_bounds = np.asarray(lower)
    if _USE_HIGHS:
        h = _HighsClass()
        h.setOptionValue("output_flag", False)
        for key, value in _HIGHS.items():
            h.setOptionValue(key, value)
        rows, cols = a_eq.shape
        zero = np.zeros(rows)
        h.addRows(rows, zero, zero, 0, np.zeros(rows, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0))
        h.addCols(
            cols,
            np.zeros(cols),
            lower_bounds,
            np.full(cols, _INF),
            a_eq.nnz,
            a_eq.indptr[:-1].astype(np.int32),
            a_eq.indices.astype(np.int32),
            a_eq.data.astype(np.float64),
        )
        h.run()
        return h.getModelStatus() == _OPTIMAL
    bounds = np.column_stack((lower_bounds, np.full(len(lower), np.inf)))
    res = linprog(
        np.zeros(a_eq.shape[1]),
        A_eq=a_eq,
        b_eq=np.zeros(a_eq.shape[0]),
        bounds=bounds,
        method="highs",
        options=_HIGHS,
    )
    return res.status == 0
