"""Separable-cost methods of the TVA tradition (Tijs & Driessen 1986), exact in Fractions.

With c(i) the stand-alone cost, the separable (marginal) cost m_i = c(N) − c(N∖i) and the
non-separable cost g = c(N) − Σ m_i:

* ECA (equal charge):            ECA_i  = m_i + g / n
* SCRB (= ACA, alternative cost avoided; separable costs, remaining benefits):
                                 SCRB_i = m_i + g · (c(i) − m_i) / Σ_j (c(j) − m_j)
* CGA (cost gap; = τ-value of the cost game):
                                 CGA_i  = m_i + g · γ_i / Σ_j γ_j,
                                 γ_i    = min_{S ∋ i} [c(S) − Σ_{j ∈ S} m_j]

ECA and SCRB need only c(i), c(N∖i) and c(N), so they also work on partial tables of 44
players (untabulated ones completed by cheapest partition); CGA needs every coalition.

Degenerate cases raise :class:`SeparableUndefined` (a ValueError with ``reason``), which
the caller turns into a message:

* SCRB: some c(i) < m_i (the party's marginal cost exceeds its stand-alone cost: the
  game is not subadditive), or Σ (c(j) − m_j) = 0 while g ≠ 0. When g = 0 every method
  returns m. A negative g (marginal costs add up to more than c(N)) is refunded in the
  same ratio as a positive one is charged.
* CGA: the τ-value exists only for quasi-balanced games (γ ≥ 0 and 0 ≤ g ≤ Σ γ); outside
  that it raises. With g = 0 it returns m.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .game import CoalitionTable, DenseGame, SeparableCosts

Costs = DenseGame | CoalitionTable | SeparableCosts


class SeparableUndefined(ValueError):  # noqa: N818 - a state of the game, read as a sentence
    """A separable-cost method is not defined for this game; ``reason`` says why (in English)."""

    def __init__(self, method: str, reason: str) -> None:
        self.method = method
        self.reason = reason
        super().__init__(f"{method} is not defined here: {reason}")


def separable_costs(costs: Costs) -> SeparableCosts:
    """c(i), c(N∖i) and c(N) as exact ints from a dense integer game, a table, or as given."""
    if isinstance(costs, SeparableCosts):
        return costs
    if isinstance(costs, CoalitionTable):
        return costs.separable_costs()
    if costs.exact is None:
        raise ValueError("separable-cost methods need integer coalition costs")
    n = costs.n
    without = costs.without_each() if n > 1 else (0,)
    return SeparableCosts(costs.singletons(), without, costs.grand, frozenset())


def marginal_costs(costs: Costs) -> tuple[tuple[int, ...], int]:
    """(m, g): separable costs m_i = c(N) − c(N∖i) and the non-separable cost g = c(N) − Σ m_i."""
    sep = separable_costs(costs)
    m = tuple(sep.grand - w for w in sep.without_each)
    return m, sep.grand - sum(m)


def eca(costs: Costs) -> tuple[Fraction, ...]:
    """Equal charge: marginal cost plus an equal share of the non-separable cost."""
    m, g = marginal_costs(costs)
    share = Fraction(g, len(m))
    return tuple(mi + share for mi in m)


def scrb(costs: Costs) -> tuple[Fraction, ...]:
    """SCRB (= ACA): marginal cost plus the non-separable cost in the ratio of remaining stand-alone costs."""
    sep = separable_costs(costs)
    m, g = marginal_costs(sep)
    if g == 0:
        return tuple(Fraction(mi) for mi in m)
    remaining = [c - mi for c, mi in zip(sep.stand_alone, m, strict=True)]
    below = [i for i, r in enumerate(remaining) if r < 0]
    if below:
        raise SeparableUndefined("SCRB", f"party {below[0]}'s marginal cost exceeds its stand-alone cost")
    total = sum(remaining)
    if total == 0:
        raise SeparableUndefined("SCRB", "every stand-alone cost equals its marginal cost, but c(N) ≠ Σ m")
    return tuple(mi + Fraction(g * r, total) for mi, r in zip(m, remaining, strict=True))


def cost_gaps(game: DenseGame) -> tuple[int, ...]:
    """γ_i = min over coalitions S ∋ i of c(S) − Σ_{j∈S} m_j, in exact int64 arithmetic over all masks."""
    if game.exact is None:
        raise ValueError("the cost gap method needs integer coalition costs")
    n = game.n
    m, _ = marginal_costs(game)
    try:
        values = np.array(game.exact, dtype=np.int64)
    except OverflowError:
        raise ValueError("coalition costs are too large for the cost gap method") from None
    if int(np.abs(values).max()) + sum(abs(mi) for mi in m) >= 1 << 62:
        raise ValueError("coalition costs are too large for the cost gap method")
    gaps = values.copy()
    for i in range(n):  # subtract m(S) by doubling
        half = 1 << i
        gaps.reshape(-1, 2, half)[:, 1, :] -= m[i]
    out = []
    for i in range(n):
        out.append(int(gaps.reshape(-1, 2, 1 << i)[:, 1, :].min()))
    return tuple(out)


def cga(game: DenseGame | CoalitionTable) -> tuple[Fraction, ...]:
    """Cost gap allocation (τ-value of the cost game); needs every coalition (n ≤ DENSE_LIMIT)."""
    if isinstance(game, CoalitionTable):
        game = game.dense()[0]
    m, g = marginal_costs(game)
    if g == 0:
        return tuple(Fraction(mi) for mi in m)
    gaps = cost_gaps(game)
    total = sum(gaps)
    negative = [i for i, gap in enumerate(gaps) if gap < 0]
    if negative:
        raise SeparableUndefined("CGA", f"party {negative[0]} has a negative cost gap (the game is not quasi-balanced)")
    if not 0 <= g <= total:
        raise SeparableUndefined("CGA", "the non-separable cost lies outside [0, Σ cost gaps] (not quasi-balanced)")
    return tuple(mi + Fraction(g * gap, total) for mi, gap in zip(m, gaps, strict=True))
