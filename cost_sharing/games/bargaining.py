"""Bargaining in savings space: the disagreement point is going alone.

A party's saving is s_i = c(i) − x_i; the savings to share are G = Σ c(i) − c(N).

* :func:`nash` — the Nash bargaining solution: maximise Σ w_i · log s_i over efficient
  allocations with x_i ≤ c(i). The maximiser splits G in the ratio of the bargaining
  powers w (equal powers: equal savings), s_i = G · w_i / Σ w.
* :func:`egalitarian` — "maximise the minimum gain": the lexicographic maximin of the
  savings (raise the smallest saving as far as possible, then the next, …) over efficient
  allocations in the core. When the core is empty, the core constraints are dropped
  (the result says so) and the answer is equal savings G / n.
* :func:`fix_and_resplit` — a negotiator fixes one party's amount; the rest of the total is
  re-split among the others in the ratio of their amounts under the method shown.

The egalitarian LPs are solved in floats (scipy HiGHS); the answer is then made exact by
solving the tight equalities of the last LP (efficiency, equal savings within each level,
binding core constraints) in Fractions, and checked exactly against every constraint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

import numpy as np

from .game import DenseGame, GameTooLarge, coalition_sums

EGALITARIAN_LIMIT = 14
"""Largest n for :func:`egalitarian` (one LP row per coalition)."""


def nash(
    stand_alone: Sequence[int | Fraction], grand: int | Fraction, power: Sequence[int | Fraction] | None = None
) -> tuple[Fraction, ...]:
    """Nash bargaining charges: savings against going alone split in the ratio of ``power`` (equal by default)."""
    alone = [Fraction(c) for c in stand_alone]
    weights = [Fraction(1)] * len(alone) if power is None else [Fraction(w) for w in power]
    if len(weights) != len(alone):
        raise ValueError(f"{len(weights)} bargaining powers for {len(alone)} parties")
    if any(w < 0 for w in weights) or sum(weights) == 0:
        raise ValueError("bargaining powers must be non-negative and not all zero")
    savings = sum(alone) - Fraction(grand)
    if savings < 0:
        raise ValueError("building together costs more than going alone: there are no savings to share")
    total = sum(weights)
    return tuple(c - savings * w / total for c, w in zip(alone, weights, strict=True))


@dataclass(frozen=True)
class Egalitarian:
    """Maximin-savings charges; ``core_empty`` says the core constraints were dropped; ``verified`` exact check."""

    allocation: tuple[Fraction, ...]
    core_empty: bool
    verified: bool


def _core_is_empty(game: DenseGame) -> bool:
    from scipy.optimize import linprog

    n, full = game.n, (1 << game.n) - 1
    rows = _rows(n)[1:full]
    res = linprog(-np.ones(n), A_ub=rows, b_ub=game.values[1:full], bounds=[(None, None)] * n, method="highs")
    scale = max(1.0, float(np.abs(game.values).max()))
    return res.status != 0 or -res.fun < game.values[full] - 1e-9 * scale


def _rows(n: int) -> np.ndarray:
    masks = np.arange(1 << n, dtype=np.int64)
    return ((masks[:, None] >> np.arange(n, dtype=np.int64)) & 1).astype(np.float64)


def _solve_exact(equations: list[tuple[list[int], Fraction]], n: int) -> list[Fraction] | None:
    """Solve rows·x = rhs exactly (Gauss–Jordan in Fractions) when the rows determine x; else None."""
    pivots: list[tuple[int, list[Fraction], Fraction]] = []
    for coefficients, rhs in equations:
        row = [Fraction(c) for c in coefficients]
        value = Fraction(rhs)
        for column, prow, pvalue in pivots:
            if row[column]:
                factor = row[column]
                row = [a - factor * b for a, b in zip(row, prow, strict=True)]
                value -= factor * pvalue
        column = next((j for j, a in enumerate(row) if a), None)
        if column is None:
            continue
        lead = row[column]
        row = [a / lead for a in row]
        value /= lead
        reduced = []
        for pcol, prow, pvalue in pivots:
            if prow[column]:
                factor = prow[column]
                prow = [a - factor * b for a, b in zip(prow, row, strict=True)]
                pvalue -= factor * value
            reduced.append((pcol, prow, pvalue))
        pivots = [*reduced, (column, row, value)]
        if len(pivots) == n:
            break
    if len(pivots) < n:
        return None
    x = [Fraction(0)] * n
    for column, _, value in pivots:
        x[column] = value
    return x


def egalitarian(game: DenseGame) -> Egalitarian:
    """Lexicographic maximin of savings c(i) − x_i, efficient and in the core when the core is non-empty."""
    from scipy.optimize import linprog

    n, full = game.n, (1 << game.n) - 1
    if n > EGALITARIAN_LIMIT:
        raise GameTooLarge("the egalitarian solution", n, EGALITARIAN_LIMIT)
    if game.exact is None:
        raise ValueError("the egalitarian solution needs integer coalition costs")
    alone = [Fraction(c) for c in game.singletons()]
    grand = Fraction(game.grand)
    if n == 1:
        return Egalitarian((grand,), False, True)
    if _core_is_empty(game):
        share = (sum(alone) - grand) / n
        return Egalitarian(tuple(c - share for c in alone), True, True)
    rows = _rows(n)
    core = [m for m in range(1, full) if m.bit_count() > 1]
    scale = max(1.0, float(np.abs(game.values).max()))
    level: dict[int, float] = {}  # player → fixed saving
    stage_of: dict[int, int] = {}
    x = np.zeros(n)
    stage = 0
    while len(level) < n:
        free = [i for i in range(n) if i not in level]
        # variables x_0..x_{n-1}, t; maximise t subject to c_i − x_i ≥ t (free), core, efficiency, fixed levels
        a_ub = [[float(j == i) for j in range(n)] + [1.0] for i in free]  # x_i + t ≤ c(i)
        b_ub = [float(alone[i]) for i in free]
        a_ub += [[*rows[m], 0.0] for m in core]
        b_ub += [float(game.values[m]) for m in core]
        a_ub += [[float(j == i) for j in range(n)] + [0.0] for i in range(n)]  # x_i ≤ c(i)
        b_ub += [float(c) for c in alone]
        a_eq = [[1.0] * n + [0.0]] + [[float(j == i) for j in range(n)] + [0.0] for i in level]
        b_eq = [float(grand)] + [float(alone[i]) - s for i, s in level.items()]
        c = [0.0] * n + [-1.0]
        res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=[(None, None)] * (n + 1), method="highs")
        if res.status != 0:
            raise ValueError(f"the egalitarian LP failed: {res.message}")
        t = -res.fun
        duals = res.ineqlin.marginals[: len(free)]
        newly = [i for i, d in zip(free, duals, strict=True) if d < -1e-9]
        if not newly:  # degenerate duals: fix the free players whose saving cannot rise above t
            newly = [i for i in free if float(alone[i]) - res.x[i] <= t + 1e-9 * scale]
        for i in newly:
            level[i] = t
            stage_of[i] = stage
        x = res.x[:n]
        stage += 1
    # exact: efficiency, equal savings within a stage, tight core constraints, then the other coalitions
    equations: list[tuple[list[int], Fraction]] = [([1] * n, grand)]
    by_stage: dict[int, list[int]] = {}
    for i, k in stage_of.items():
        by_stage.setdefault(k, []).append(i)
    for players in by_stage.values():
        for a, b in pairwise(players):
            equations.append(([(j == a) - (j == b) for j in range(n)], alone[a] - alone[b]))
    sums = coalition_sums(x, n)
    tight = [m for m in range(1, full) if sums[m] >= game.values[m] - 1e-7 * scale]
    tight.sort(key=lambda m: game.values[m] - sums[m])
    equations += [([m >> j & 1 for j in range(n)], Fraction(game.exact[m])) for m in tight]
    exact = _solve_exact(equations, n)
    verified = exact is not None and _feasible(game, exact)
    if not verified:
        exact = [Fraction(v).limit_denominator(10**6) for v in x]
        exact[-1] = grand - sum(exact[:-1])
        verified = _feasible(game, exact)
    return Egalitarian(tuple(exact), False, verified)


def _feasible(game: DenseGame, x: list[Fraction]) -> bool:
    n = game.n
    if sum(x) != game.grand:
        return False
    sums = [Fraction(0)]
    for i in range(n):
        sums += [s + x[i] for s in sums]
    return all(sums[m] <= game.exact[m] for m in range(1, (1 << n) - 1))


def fix_and_resplit(
    allocation: Sequence[Fraction | int], party: int, amount: Fraction | int, total: Fraction | int
) -> tuple[Fraction, ...]:
    """Fix ``party`` at ``amount``; re-split ``total − amount`` among the others in the ratio of their amounts.

    The ratio is the others' amounts under the method the negotiators were looking at, so
    the fix keeps that method's relative charges among everyone else.
    """
    x = [Fraction(v) for v in allocation]
    if not 0 <= party < len(x):
        raise ValueError(f"there is no party {party}")
    amount, total = Fraction(amount), Fraction(total)
    if not 0 <= amount <= total:
        raise ValueError("the fixed amount must lie between 0 and the total")
    others = sum(v for i, v in enumerate(x) if i != party)
    if others == 0:
        raise ValueError("the other parties' amounts add up to 0, so there is no ratio to re-split in")
    rest = total - amount
    return tuple(amount if i == party else rest * v / others for i, v in enumerate(x))
