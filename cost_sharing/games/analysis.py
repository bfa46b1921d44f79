"""Diagnostics of any allocation x of a cost game — computed by a method or typed in.

Per party: the stand-alone cost c(i), the marginal cost m_i = c(N) − c(N∖i), the saving
c(i) − x_i against going alone, and two flags: *above stand-alone* (x_i > c(i): the party
would do better alone) and *below marginal* (x_i < m_i: the others subsidise it).

For the allocation: *efficient* (Σ x = c(N)); *in the core* (efficient and x(S) ≤ c(S)
for every coalition S); and the *most overcharged* coalition, the one with the lowest
excess e(S) = c(S) − x(S) over proper non-empty coalitions (ties: fewest members, then
smallest mask). A negative excess means S could build alone for less than it is charged.

Dense games are checked over all 2**n coalitions (``core_checked == "all"``). A partial
:class:`CoalitionTable` of more than :data:`ANALYSE_ALL_LIMIT` players is checked over
the tabulated coalitions, the singletons and every N∖i (``"tabulated"``); since every other
coalition costs the sum of a partition into tabulated ones, x(S) ≤ c(S) for the tabulated
coalitions already implies it for all, but the most overcharged coalition is then sought
among those checked only.

Exact inputs give exact answers: the allocation is scaled to a common denominator and the
excesses are computed in int64 (the float scan is only a fallback for huge denominators,
followed by an exact recomputation of the near-minimal coalitions).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

import numpy as np

from .game import CoalitionTable, DenseGame, MissingStandAlone, coalition_sums, popcounts

ANALYSE_ALL_LIMIT = 20
"""Partial tables up to this many players are completed and checked over all coalitions."""

Number = Fraction | int | float


@dataclass(frozen=True)
class PartyCheck:
    """One party's position: what it pays against what it would pay alone or at the margin."""

    charged: Number
    stand_alone: Number | None
    marginal: Number | None
    saving: Number | None  # stand_alone − charged
    above_stand_alone: bool
    below_marginal: bool


@dataclass(frozen=True)
class Overcharge:
    """The coalition with the lowest excess c(S) − x(S) (negative: it could leave)."""

    mask: int
    cost: Number
    charged: Number
    excess: Number


@dataclass(frozen=True)
class Analysis:
    parties: tuple[PartyCheck, ...]
    total: Number  # Σ x
    grand: Number  # c(N)
    efficient: bool
    in_core: bool
    core_checked: Literal["all", "tabulated"]
    most_overcharged: Overcharge | None
    least_core_epsilon: Fraction | None = None  # supplied by the nucleolus module


def _as_numbers(allocation: Sequence[Number]) -> list[Number]:
    out: list[Number] = []
    for v in allocation:
        if isinstance(v, float | np.floating):
            out.append(float(v))
        else:
            out.append(Fraction(v))
    return out


def _min_excess_dense(game: DenseGame, x: list[Number]) -> Overcharge | None:
    n = game.n
    full = (1 << n) - 1
    if n == 1:
        return None
    exact = game.exact is not None and all(isinstance(v, Fraction) for v in x)
    sizes = popcounts(n)
    if exact:
        denominator = math.lcm(*(v.denominator for v in x))
        scaled = [int(v * denominator) for v in x]
        bound = (float(np.abs(game.values).max()) + 1) * denominator + sum(abs(s) for s in scaled)
        if float(np.abs(game.values).max()) < 2**52 and bound < 2**62:
            costs = game.values.astype(np.int64) * denominator
            sums = np.zeros(1 << n, dtype=np.int64)
            for i in range(n):
                half = 1 << i
                np.add(sums[:half], scaled[i], out=sums[half : 2 * half])
            excess = (costs - sums)[1:full]
            lowest = excess.min()
            ties = np.nonzero(excess == lowest)[0] + 1
            mask = int(ties[sizes[ties] == sizes[ties].min()].min())
            charged = sum((x[i] for i in range(n) if mask >> i & 1), Fraction(0))
            cost = game.exact[mask]
            return Overcharge(mask, cost, charged, cost - charged)
    excess = (game.values - coalition_sums([float(v) for v in x], n))[1:full]
    lowest = float(excess.min())
    tolerance = 1e-9 * max(1.0, float(np.abs(game.values).max()))
    candidates = np.nonzero(excess <= lowest + tolerance)[0] + 1
    best: tuple | None = None
    for mask in candidates.tolist():
        charged = sum(x[i] for i in range(n) if mask >> i & 1)
        cost = game.cost(mask)
        key = (cost - charged, mask.bit_count(), mask)
        if best is None or key < best:
            best = key
    assert best is not None
    excess_value, _, mask = best
    cost = game.cost(mask)
    return Overcharge(mask, cost, cost - excess_value, excess_value)


def _min_excess_listed(costs: dict[int, int], x: list[Number]) -> Overcharge | None:
    best: tuple | None = None
    for mask, cost in costs.items():
        charged = sum((x[i] for i in range(len(x)) if mask >> i & 1), Fraction(0))
        key = (cost - charged, mask.bit_count(), mask)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    excess, _, mask = best
    return Overcharge(mask, costs[mask], costs[mask] - excess, excess)


def analyse(game: DenseGame | CoalitionTable, allocation: Sequence[Number]) -> Analysis:
    """Stand-alone, marginal and core diagnostics of ``allocation`` (exact on exact inputs)."""
    n = game.n
    x = _as_numbers(allocation)
    if len(x) != n:
        raise ValueError(f"the allocation has {len(x)} amounts for {n} parties")
    full = (1 << n) - 1
    checked: Literal["all", "tabulated"] = "all"
    if isinstance(game, CoalitionTable) and n <= ANALYSE_ALL_LIMIT:
        game = game.dense()[0]
    if isinstance(game, DenseGame):
        stand_alone: list[Number | None] = list(game.singletons())
        without: list[Number | None] = list(game.without_each()) if n > 1 else [0]
        grand: Number = game.grand
        overcharge = _min_excess_dense(game, x)
    else:
        checked = "tabulated"
        listed: dict[int, int] = {m: v for m, v in game.entries.items() if m != full}
        stand_alone, without = [], []
        for i in range(n):
            try:
                value = game.cost(1 << i)[0]
            except MissingStandAlone:
                value = None
            stand_alone.append(value)
            try:
                other = game.cost(full ^ (1 << i))[0]
                listed[full ^ (1 << i)] = other
            except MissingStandAlone:
                other = None
            without.append(other)
        grand = game.cost(full)[0]
        overcharge = _min_excess_listed(listed, x)
    parties = []
    for i in range(n):
        alone = stand_alone[i]
        marginal = None if without[i] is None else grand - without[i]
        parties.append(
            PartyCheck(
                charged=x[i],
                stand_alone=alone,
                marginal=marginal,
                saving=None if alone is None else alone - x[i],
                above_stand_alone=alone is not None and x[i] > alone,
                below_marginal=marginal is not None and x[i] < marginal,
            )
        )
    total = sum(x, Fraction(0)) if all(isinstance(v, Fraction) for v in x) else float(sum(x))
    efficient = (
        total == grand if isinstance(total, Fraction) else math.isclose(total, grand, rel_tol=1e-9, abs_tol=1e-6)
    )
    in_core = efficient and (overcharge is None or overcharge.excess >= 0)
    return Analysis(tuple(parties), total, grand, efficient, in_core, checked, overcharge)
