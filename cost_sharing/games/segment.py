"""Segment (airport-type) games for line projects: rail, pipelines, runways.

A line is split into consecutive segments with costs k_1 .. k_m (fen). Party j needs
segments 1 .. reach_j (``reach_j`` counts segments from the start; 0 = needs none) and
has ``users_j ≥ 1`` identical users (trips, movements). The players of the game are the
USERS: a coalition of users pays for the line up to its farthest reach,

    c(S) = Σ_{s ≤ max_{u ∈ S} reach(u)} k_s        (the airport game, Littlechild & Owen 1973).

Treating users as players is the point of the weighting: a party with many users bears
more of the segments it shares. (The game among PARTIES — :func:`segment_dense` — gives a
different Shapley value when some party has more than one user.)

* :func:`segment_shapley` — sequential equal charging: each segment's cost is split
  equally among all users that need it; a party pays users_j × its per-user charge. This is
  the Shapley value of the users' game (Littlechild & Owen 1973).
* :func:`segment_nucleolus` — the nucleolus of the users' game by Littlechild's (1974)
  algorithm: with users sorted by reach and c_k the cost of the k-th user's reach, the
  first users pay r = min_{k<n} c_k / (k + 1) each up to the last k attaining it; then,
  with X already charged to the first i users, the next ones pay
  min_{i<k<n} (c_k − X) / (k − i + 1), and so on; the last user pays the rest. Users of
  one reach level are handled as a group (only a group's last position can attain the
  minimum), so the work is O(m + p log p) for p parties, not the number of users.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import accumulate

import numpy as np

from .game import DENSE_LIMIT, DenseGame, GameTooLarge


@dataclass(frozen=True)
class SegmentGame:
    """Segment costs (fen), each party's reach (segments needed from the start) and number of users."""

    segment_costs: tuple[int, ...]
    reach: tuple[int, ...]
    users: tuple[int, ...]

    def __post_init__(self) -> None:
        costs = tuple(self.segment_costs)
        reach = tuple(self.reach)
        users = tuple(self.users)
        if not costs:
            raise ValueError("a line needs at least one segment")
        if any(isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 0 for k in costs):
            raise ValueError("segment costs must be non-negative integer fen")
        if not reach:
            raise ValueError("a line needs at least one party")
        if len(users) != len(reach):
            raise ValueError(f"{len(reach)} parties but {len(users)} user counts")
        if any(isinstance(r, bool) or not isinstance(r, int | np.integer) or not 0 <= r <= len(costs) for r in reach):
            raise ValueError(f"each reach must be a whole number of segments between 0 and {len(costs)}")
        if any(isinstance(u, bool) or not isinstance(u, int | np.integer) or u < 1 for u in users):
            raise ValueError("each party needs at least one user")
        object.__setattr__(self, "segment_costs", tuple(int(k) for k in costs))
        object.__setattr__(self, "reach", tuple(int(r) for r in reach))
        object.__setattr__(self, "users", tuple(int(u) for u in users))

    @classmethod
    def from_claims(cls, claims: tuple[int, ...] | list[int], users: tuple[int, ...] | None = None) -> SegmentGame:
        """An airport game given by each party's stand-alone cost (its cumulative reach cost)."""
        levels = sorted({int(c) for c in claims})
        segments = [b - a for a, b in zip([0, *levels[:-1]], levels, strict=True)]
        reach = tuple(levels.index(int(c)) + 1 for c in claims)
        return cls(tuple(segments), reach, tuple(users) if users is not None else (1,) * len(claims))

    @property
    def parties(self) -> int:
        return len(self.reach)

    def reach_costs(self) -> tuple[int, ...]:
        """Each party's stand-alone cost: the line up to its reach (per user and per party alike)."""
        cumulative = [0, *accumulate(self.segment_costs)]
        return tuple(cumulative[r] for r in self.reach)

    @property
    def grand(self) -> int:
        return max(self.reach_costs())


def segment_shapley(game: SegmentGame) -> tuple[Fraction, ...]:
    """Per-party Shapley charges of the users' game: each segment split equally among the users needing it."""
    m = len(game.segment_costs)
    users_reaching = [0] * (m + 2)  # users whose reach is exactly r
    for r, u in zip(game.reach, game.users, strict=True):
        users_reaching[r] += u
    # needing[s] = users with reach ≥ s (segment s is 1-based)
    needing = [0] * (m + 2)
    for s in range(m, 0, -1):
        needing[s] = needing[s + 1] + users_reaching[s]
    per_user = [Fraction(0)] * (m + 1)  # per-user charge for reach r
    for s in range(1, m + 1):
        share = Fraction(game.segment_costs[s - 1], needing[s]) if needing[s] else Fraction(0)
        per_user[s] = per_user[s - 1] + share
    return tuple(u * per_user[r] for r, u in zip(game.reach, game.users, strict=True))


def segment_nucleolus(game: SegmentGame) -> tuple[Fraction, ...]:
    """Per-party nucleolus charges of the users' game (Littlechild 1974), users grouped by reach level."""
    reach_costs = game.reach_costs()
    # groups of users with the same reach cost, ascending; parties with the same cost are symmetric
    level_users: dict[int, int] = {}
    for cost, u in zip(reach_costs, game.users, strict=True):
        level_users[cost] = level_users.get(cost, 0) + u
    levels = sorted(level_users)
    counts = [level_users[c] for c in levels]
    ends = list(accumulate(counts))  # position (1-based) of each group's last user
    n = ends[-1]
    per_user: dict[int, Fraction] = {}
    if n == 1:
        per_user[levels[0]] = Fraction(levels[0])
        return tuple(per_user[c] * u for c, u in zip(reach_costs, game.users, strict=True))
    # candidate positions k < n with their cost c_k: each group's end, the last group's end being n − 1
    last_split = [n - 1] if counts[-1] >= 2 else []
    candidate_pos = ends[:-1] + last_split
    candidate_cost = levels[:-1] + [levels[-1]] * len(last_split)
    costs_f = np.array(candidate_cost, dtype=np.float64)
    pos_f = np.array(candidate_pos, dtype=np.float64)
    fixed = 0  # users charged so far
    charged = Fraction(0)  # X: what they pay together
    start = 0  # first candidate not yet passed
    group = 0  # first group not yet charged
    while start < len(candidate_pos):
        # float scan for the minimum of (c_k − X) / (k − fixed + 1), then an exact decision among near-ties
        ratios = (costs_f[start:] - float(charged)) / (pos_f[start:] - fixed + 1)
        best_f = ratios.min()
        near = np.nonzero(ratios <= best_f + 1e-9 * max(1.0, abs(best_f)))[0] + start
        best: Fraction | None = None
        best_index = start
        for index in near.tolist():
            ratio = (candidate_cost[index] - charged) / (candidate_pos[index] - fixed + 1)
            if best is None or ratio < best or (ratio == best and index > best_index):
                best, best_index = ratio, index
        assert best is not None
        k = candidate_pos[best_index]
        while group < len(ends) and ends[group] <= k:
            per_user[levels[group]] = best
            group += 1
        charged += best * (k - fixed)
        fixed = k
        start = best_index + 1
    # the remaining users (the last group, or its last user) share the rest equally
    last = levels[-1]
    if last not in per_user:
        per_user[last] = (last - charged) / (n - fixed)
    return tuple(per_user[c] * u for c, u in zip(reach_costs, game.users, strict=True))


def segment_dense(game: SegmentGame) -> DenseGame:
    """The exact game among PARTIES (c(S) = line up to the farthest reach in S), for cross-checks (n ≤ 22)."""
    n = game.parties
    if n > DENSE_LIMIT:
        raise GameTooLarge("the party game of a line", n, DENSE_LIMIT)
    values = np.zeros(1, dtype=np.int64)
    for cost in game.reach_costs():
        values = np.concatenate((values, np.maximum(values, cost)))
    return DenseGame.from_exact(n, values)
