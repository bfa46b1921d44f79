"""The Shapley value of a cost game: exact, fast float, and sampled.

Definition (Shapley 1953): each party pays its marginal cost c(S ∪ i) − c(S) averaged
over all n! orders in which the parties could join,

    φ_i = Σ_{S ⊆ N∖i} |S|! (n − |S| − 1)! / n! · [c(S ∪ i) − c(S)].

It is efficient (Σ φ_i = c(N)), symmetric, gives 0 to a party that adds nothing, and is
additive over games. Regrouping by the coalitions that contain i,

    φ_i = Σ_{S ∋ i} (|S| − 1)! (n − |S| − 1)! / (n − 1)! · c(S) − Σ_S |S|! (n − |S| − 1)! / n! · c(S)

(the first weight is 1/n for S = N, the second 0), so one weighted pass over the table
plus, for every i, the sum over the coalitions containing i. :func:`shapley` gets those n
sums from the row and column sums of the table reshaped to a 2**h × 2**l matrix, instead
of n strided passes.

:func:`shapley_sampled` estimates φ by random join orders (Castro, Gómez & Tejada 2009)
when the table cannot be written out; see its docstring for the error bound.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..progress import Progress
from .game import DenseGame, GameTooLarge, popcounts

EXACT_LIMIT = 16
"""Largest n for :func:`shapley_exact` (2**16 integer coalitions grouped by size)."""


def _bit_matrix(bits: int) -> np.ndarray:
    """(2**bits, bits) float64 matrix: entry [j, i] is bit i of j."""
    j = np.arange(1 << bits, dtype=np.int64)
    return ((j[:, None] >> np.arange(bits, dtype=np.int64)) & 1).astype(np.float64)


def sums_containing(a: np.ndarray, n: int) -> np.ndarray:
    """For every player i, Σ_{S ∋ i} a[S] (a indexed by mask), via row and column sums."""
    low = n // 2
    high = n - low
    matrix = a.reshape(1 << high, 1 << low)  # row = high bits, column = low bits
    out = np.empty(n, dtype=np.float64)
    out[:low] = matrix.sum(axis=0) @ _bit_matrix(low)
    out[low:] = matrix.sum(axis=1) @ _bit_matrix(high)
    return out


def _weights(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per coalition size s = 0..n: (weight of c(S) for S ∋ i, weight of c(S) subtracted for every i)."""
    inside = np.zeros(n + 1)
    outside = np.zeros(n + 1)
    lg = [math.lgamma(k + 1) for k in range(n + 1)]  # log k!
    for s in range(1, n):
        inside[s] = math.exp(lg[s - 1] + lg[n - s - 1] - lg[n - 1])
    inside[n] = 1.0 / n
    for s in range(n):
        outside[s] = math.exp(lg[s] + lg[n - s - 1] - lg[n])
    return inside, outside


def shapley(game: DenseGame) -> np.ndarray:
    """Shapley value (float64) of a dense cost game in O(2**n) vectorised work."""
    n = game.n
    if n == 1:
        return np.array([game.values[1]])
    inside, outside = _weights(n)
    sizes = popcounts(n)
    values = game.values
    return sums_containing(inside[sizes] * values, n) - float(outside[sizes] @ values)


def shapley_exact(game: DenseGame) -> tuple[Fraction, ...]:
    """Exact Shapley value of an integer game (n ≤ 16), by per-size sums in integer arithmetic.

    The integer costs are split into a high and a low 31-bit part so that no per-size sum
    overflows int64; the parts are recombined as Python ints.
    """
    n = game.n
    if n > EXACT_LIMIT:
        raise GameTooLarge("the exact Shapley value", n, EXACT_LIMIT)
    if game.exact is None:
        raise ValueError("the exact Shapley value needs integer coalition costs")
    if max(abs(v) for v in game.exact) >= 1 << 62:
        raise ValueError("coalition costs are too large for the exact Shapley value")
    values = np.array(game.exact, dtype=np.int64)
    high = values >> 31
    low = values & ((1 << 31) - 1)
    sizes = popcounts(n)
    order = np.argsort(sizes, kind="stable")
    bounds = np.searchsorted(sizes[order], np.arange(n + 2))
    masks = np.arange(1 << n, dtype=np.int64)
    factorial = [math.factorial(k) for k in range(n + 1)]
    numerators = [0] * n  # φ_i · n!
    subtract = 0
    for s in range(1, n + 1):
        idx = order[bounds[s] : bounds[s + 1]]
        bits = (masks[idx][:, None] >> np.arange(n, dtype=np.int64)) & 1
        per_player = [(int(h) << 31) + int(lo) for h, lo in zip(high[idx] @ bits, low[idx] @ bits, strict=True)]
        total = (int(high[idx].sum()) << 31) + int(low[idx].sum())
        weight_in = factorial[n - 1] if s == n else n * factorial[s - 1] * factorial[n - s - 1]
        for i in range(n):
            numerators[i] += weight_in * per_player[i]
        if s < n:
            subtract += factorial[s] * factorial[n - s - 1] * total
    return tuple(Fraction(num - subtract, factorial[n]) for num in numerators)


@dataclass(frozen=True, eq=False)
class SampledShapley:
    """A sampled Shapley value with a simultaneous error bound: |φ_i − estimate_i| ≤ half_width_i for all i."""

    estimate: np.ndarray
    half_width: np.ndarray
    confidence: float
    samples: int


def shapley_sampled(
    cost: Callable[[int], float],
    n: int,
    samples: int,
    seed: int = 0,
    progress: Progress | None = None,
    confidence: float = 0.95,
) -> SampledShapley:
    """Estimate the Shapley value from ``samples`` random join orders (Castro et al. 2009).

    Each order contributes one marginal cost per party; the estimate is their mean. Each
    order's marginals telescope to c(N), so Σ estimate = c(N) up to float rounding — the
    estimate is efficient without any adjustment.

    Error bound: Hoeffding's inequality for each party with the *observed* range r_i of its
    marginal costs, and a union bound over the n parties: with probability ≥ ``confidence``
    all n estimates are within r_i · sqrt(ln(2n / (1 − confidence)) / (2 · samples)). Using
    the observed range in place of the true one (unknown without the full table) makes the
    bound slightly optimistic when the extreme marginals are rare; it is the bound of
    Maleki et al. (2013) with the range estimated from the same sample.
    """
    if n < 1:
        raise ValueError("a game needs at least one player")
    if samples < 1:
        raise ValueError("at least one sampled order is needed")
    if not 0 < confidence < 1:
        raise ValueError("confidence must lie strictly between 0 and 1")
    rng = np.random.default_rng(seed)
    total = np.zeros(n)
    low = np.full(n, np.inf)
    high = np.full(n, -np.inf)
    marginal = np.empty(n)
    check_every = max(1, 200 // n)  # a few milliseconds of work between checks, whatever n
    for k in range(samples):
        if progress is not None and k % check_every == 0:
            progress.report(k, samples)
        order = rng.permutation(n).tolist()
        mask = 0
        previous = 0.0
        for i in order:
            mask |= 1 << i
            current = float(cost(mask))
            marginal[i] = current - previous
            previous = current
        total += marginal
        np.minimum(low, marginal, out=low)
        np.maximum(high, marginal, out=high)
    if progress is not None:
        progress.report(samples, samples)
    estimate = total / samples
    spread = high - low
    half_width = spread * math.sqrt(math.log(2 * n / (1 - confidence)) / (2 * samples))
    return SampledShapley(estimate, half_width, confidence, samples)
