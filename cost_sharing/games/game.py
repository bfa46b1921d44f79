"""Cooperative cost games: dense 2**n tables and sparse tables typed in by negotiators.

Conventions shared by every module of :mod:`chengyu_accord.cost_sharing.games`:

* Players are ``0 .. n-1``; a coalition is an ``int`` bitmask (player ``i`` is bit ``1 << i``).
* A *cost game* gives c(S), what coalition S would pay to build alone; c(∅) = 0.
* A dense game stores c for all ``2**n`` masks as a float64 array indexed by mask, and
  optionally the same values exactly as Python ints (fen), so that methods can answer in
  exact ``Fraction``s.
* A sparse :class:`CoalitionTable` holds only the coalitions negotiators priced. An
  untabulated coalition costs its *cheapest partition*: c(S) = min over partitions of S
  into tabulated coalitions of the sum of their costs (the customary completion of the
  classic water-supply case studies). Every member of such a coalition must have a
  tabulated stand-alone cost c({i}), so the completion always exists.

Dense tables stop at :data:`DENSE_LIMIT` players: 2**22 float64 values are 32 MiB, and
every method over all coalitions is linear in that size.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

DENSE_LIMIT = 22
"""Largest n for an explicit 2**n table (32 MiB of float64 values; seconds, not minutes, for linear passes)."""


class GameTooLarge(ValueError):  # noqa: N818 - the brief's name, shared with the nucleolus module
    """A method needs an explicit table (or exact enumeration) for more players than it supports."""

    def __init__(self, what: str, players: int, limit: int) -> None:
        self.what = what
        self.players = players
        self.limit = limit
        super().__init__(f"{what} supports at most {limit} players, not {players}")


class MissingStandAlone(ValueError):  # noqa: N818 - a state of the table, read as a sentence
    """A coalition must be completed by partition, but one member has no stand-alone cost c({i})."""

    def __init__(self, player: int) -> None:
        self.player = player
        super().__init__(
            f"no stand-alone cost for player {player}: every member needs c({{{player}}}) to complete a coalition"
        )


def popcount(mask: int) -> int:
    return int(mask).bit_count()


def members(mask: int) -> list[int]:
    """The players of a coalition, ascending."""
    out = []
    i = 0
    while mask:
        if mask & 1:
            out.append(i)
        mask >>= 1
        i += 1
    return out


def lex_masks(n: int) -> list[int]:
    """Non-empty coalitions in the lexicographic order of the literature (1, 2, 3, 12, 13, 23, 123, …)."""
    out = []
    for size in range(1, n + 1):
        for combo in itertools.combinations(range(n), size):
            out.append(sum(1 << i for i in combo))
    return out


def popcounts(n: int) -> np.ndarray:
    """|S| for every mask 0 .. 2**n-1, as uint8 (built by doubling)."""
    counts = np.zeros(1, dtype=np.uint8)
    for _ in range(n):
        counts = np.concatenate((counts, counts + 1))
    return counts


@dataclass(frozen=True, eq=False)
class DenseGame:
    """A cost game given for all 2**n coalitions; ``exact`` (ints, e.g. fen) when known exactly."""

    n: int
    values: np.ndarray
    exact: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        if self.n < 1:
            raise ValueError("a game needs at least one player")
        if self.n > DENSE_LIMIT:
            raise GameTooLarge("an explicit coalition table", self.n, DENSE_LIMIT)
        values = np.ascontiguousarray(self.values, dtype=np.float64)
        if values.shape != (1 << self.n,):
            raise ValueError(f"a game of {self.n} players needs {1 << self.n} values, not {values.shape}")
        if values[0] != 0:
            raise ValueError("the empty coalition must cost 0")
        if not np.all(np.isfinite(values)):
            raise ValueError("coalition costs must be finite")
        values.setflags(write=False)
        object.__setattr__(self, "values", values)
        if self.exact is not None:
            exact = tuple(int(v) for v in self.exact)
            if len(exact) != 1 << self.n:
                raise ValueError("exact values must have the same length as values")
            object.__setattr__(self, "exact", exact)

    @classmethod
    def from_exact(cls, n: int, ints: Sequence[int] | np.ndarray) -> DenseGame:
        """A game from integer costs indexed by mask (ints[0] must be 0)."""
        exact = tuple(int(v) for v in (ints.tolist() if isinstance(ints, np.ndarray) else ints))
        return cls(n, np.array(exact, dtype=np.float64), exact)

    @classmethod
    def from_lex(cls, n: int, seq: Sequence[float | int]) -> DenseGame:
        """A game from the 2**n - 1 costs in lexicographic order (1, 2, 3, 12, 13, 23, 123, …).

        All-integer input gives an exact game.
        """
        masks = lex_masks(n)
        if len(seq) != len(masks):
            raise ValueError(f"{n} players need {len(masks)} coalition costs in lexicographic order, not {len(seq)}")
        if all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in seq):
            ints = [0] * (1 << n)
            for mask, v in zip(masks, seq, strict=True):
                ints[mask] = int(v)
            return cls.from_exact(n, ints)
        values = np.zeros(1 << n)
        for mask, v in zip(masks, seq, strict=True):
            values[mask] = float(v)
        return cls(n, values)

    @property
    def is_exact(self) -> bool:
        return self.exact is not None

    @property
    def full(self) -> int:
        """The grand coalition's mask."""
        return (1 << self.n) - 1

    @property
    def grand(self) -> int | float:
        """c(N), exact when the game is."""
        return self.cost(self.full)

    def cost(self, mask: int) -> int | float:
        """c(S), exact when the game is."""
        return self.exact[mask] if self.exact is not None else float(self.values[mask])

    def singletons(self) -> tuple[int | float, ...]:
        """Stand-alone costs c({i})."""
        return tuple(self.cost(1 << i) for i in range(self.n))

    def without_each(self) -> tuple[int | float, ...]:
        """c(N∖i) for each player i."""
        return tuple(self.cost(self.full ^ (1 << i)) for i in range(self.n))

    def marginals(self) -> tuple[int | float, ...]:
        """Separable (marginal) costs m_i = c(N) − c(N∖i)."""
        grand = self.grand
        return tuple(grand - w for w in self.without_each())

    def to_lex(self) -> list[int | float]:
        """Costs in lexicographic order, as printed in the literature."""
        return [self.cost(m) for m in lex_masks(self.n)]


@dataclass(frozen=True)
class SeparableCosts:
    """The costs the separable-cost methods need: c(i), c(N∖i), c(N), with which of them were completed."""

    stand_alone: tuple[int, ...]
    without_each: tuple[int, ...]
    grand: int
    completed: frozenset[int]  # masks whose cost came from the cheapest partition, not from the table

    @property
    def n(self) -> int:
        return len(self.stand_alone)


class CoalitionTable:
    """Coalition costs typed in by negotiators (mask → fen); the rest completed by cheapest partition.

    ``cost`` searches partitions depth-first over the tabulated coalitions that contain the
    lowest member still uncovered (so each partition is met once), memoised per mask; it is
    fast for a few dozen entries even with 44 players. ``dense`` fills all 2**n coalitions by
    the same recursion as a numpy DP: for every tabulated T, all supersets T ∪ R with R above
    T's lowest bit are relaxed at once, costing Σ_T 2**(n − low(T) − |T|) operations — about
    2**n for singletons plus a few entries, not the 3**n of a full subset DP.
    """

    def __init__(self, n: int, entries: Mapping[int, int]) -> None:
        if n < 1:
            raise ValueError("a game needs at least one player")
        full = (1 << n) - 1
        clean: dict[int, int] = {}
        for mask, value in entries.items():
            mask = int(mask)
            if mask <= 0 or mask & ~full:
                raise ValueError(f"coalition {mask:#x} is not a non-empty coalition of {n} players")
            if isinstance(value, bool) or not isinstance(value, int | np.integer):
                raise ValueError(f"coalition costs must be integer fen, not {value!r}")
            clean[mask] = int(value)
        self.n = n
        self.entries: Mapping[int, int] = clean
        self._by_low: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for mask, value in sorted(clean.items()):
            self._by_low[(mask & -mask).bit_length() - 1].append((mask, value))
        self._partition: dict[int, int] = {0: 0}

    @property
    def full(self) -> int:
        return (1 << self.n) - 1

    def is_tabulated(self, mask: int) -> bool:
        return mask in self.entries

    def missing_singletons(self, mask: int | None = None) -> list[int]:
        """Members of ``mask`` (default: everyone) without a tabulated stand-alone cost."""
        mask = self.full if mask is None else mask
        return [i for i in members(mask) if (1 << i) not in self.entries]

    def _cheapest_partition(self, mask: int) -> int:
        memo = self._partition
        if mask in memo:
            return memo[mask]
        low = (mask & -mask).bit_length() - 1
        best: int | None = None
        for part, value in self._by_low[low]:
            if part & ~mask:
                continue
            total = value + self._cheapest_partition(mask ^ part)
            if best is None or total < best:
                best = total
        if best is None:  # unreachable while every member has a singleton
            raise MissingStandAlone(low)
        memo[mask] = best
        return best

    def cost(self, mask: int) -> tuple[int, bool]:
        """(c(S), completed): the tabulated cost, or the cheapest partition into tabulated coalitions."""
        if mask == 0:
            return 0, False
        if mask in self.entries:
            return self.entries[mask], False
        missing = self.missing_singletons(mask)
        if missing:
            raise MissingStandAlone(missing[0])
        return self._cheapest_partition(mask), True

    def separable_costs(self) -> SeparableCosts:
        """c(i), c(N∖i) and c(N), completed where untabulated (works for 44 players and a few dozen entries)."""
        full = self.full
        completed = set()

        def get(mask: int) -> int:
            value, was_completed = self.cost(mask)
            if was_completed:
                completed.add(mask)
            return value

        stand_alone = tuple(get(1 << i) for i in range(self.n))
        without = tuple(get(full ^ (1 << i)) if self.n > 1 else 0 for i in range(self.n))
        return SeparableCosts(stand_alone, without, get(full), frozenset(completed))

    def dense(self) -> tuple[DenseGame, np.ndarray]:
        """(exact dense game, completed[mask]) for n ≤ DENSE_LIMIT; tabulated costs are kept as typed."""
        n = self.n
        if n > DENSE_LIMIT:
            raise GameTooLarge("completing every coalition", n, DENSE_LIMIT)
        size = 1 << n
        tabulated = np.zeros(size, dtype=bool)
        typed = np.zeros(size, dtype=np.int64)
        if self.entries:
            masks = np.fromiter(self.entries.keys(), dtype=np.int64, count=len(self.entries))
            tabulated[masks] = True
            typed[masks] = np.fromiter(self.entries.values(), dtype=np.int64, count=len(self.entries))
        tabulated[0] = True
        if tabulated.all():
            return DenseGame.from_exact(n, typed), np.zeros(size, dtype=bool)
        missing = self.missing_singletons()
        if missing:
            raise MissingStandAlone(missing[0])
        bound = sum(abs(v) for v in self.entries.values())
        if bound >= 1 << 61:
            raise ValueError("coalition costs are too large to complete")
        sentinel = np.int64(1 << 62)
        best = np.full(size, sentinel, dtype=np.int64)  # cheapest partition into tabulated coalitions
        best[0] = 0
        # Stage k settles every mask whose lowest member is k; its remainders S∖T lie above k.
        for k in range(n - 1, -1, -1):
            above = ((1 << n) - 1) ^ ((1 << (k + 1)) - 1)
            for part, value in self._by_low[k]:
                rest = _submasks(above & ~part)
                targets = rest | part
                candidate = best[rest] + value
                best[targets] = np.minimum(best[targets], candidate)
        completed = ~tabulated
        values = np.where(tabulated, typed, best)
        values[0] = 0
        return DenseGame.from_exact(n, values), completed


def _submasks(mask: int) -> np.ndarray:
    """All submasks of ``mask`` as int64, ascending (built by doubling over its bits)."""
    out = np.zeros(1, dtype=np.int64)
    for i in members(mask):
        out = np.concatenate((out, out | (1 << i)))
    return out


def coalition_sums(x: Sequence[float] | np.ndarray, n: int | None = None) -> np.ndarray:
    """x(S) = Σ_{i∈S} x_i for every mask, float64, by doubling (2**n additions)."""
    x = np.asarray(x, dtype=np.float64)
    n = len(x) if n is None else n
    if n > DENSE_LIMIT:
        raise GameTooLarge("sums over all coalitions", n, DENSE_LIMIT)
    sums = np.zeros(1 << n, dtype=np.float64)
    for i in range(n):
        half = 1 << i
        np.add(sums[:half], x[i], out=sums[half : 2 * half])
    return sums


EXACT_SUMS_LIMIT = 16


def coalition_sums_exact(x: Iterable[Fraction | int], n: int | None = None) -> list[Fraction]:
    """x(S) for every mask as exact Fractions (n ≤ 16: 65,536 Python numbers)."""
    xs = [Fraction(v) for v in x]
    n = len(xs) if n is None else n
    if n > EXACT_SUMS_LIMIT:
        raise GameTooLarge("exact sums over all coalitions", n, EXACT_SUMS_LIMIT)
    sums = [Fraction(0)]
    for i in range(n):
        xi = xs[i]
        sums += [s + xi for s in sums]
    return sums
