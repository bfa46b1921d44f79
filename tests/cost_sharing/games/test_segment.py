"""Segment (airport) games: published cases, Shapley == dense Shapley of the users' game, nucleolus == brute force."""

import random
from fractions import Fraction

import numpy as np
import pytest
from scipy.optimize import linprog

from chengyu_accord.cost_sharing.games.game import DenseGame
from chengyu_accord.cost_sharing.games.segment import SegmentGame, segment_dense, segment_nucleolus, segment_shapley
from chengyu_accord.cost_sharing.games.shapley import shapley_exact


def users_game(game: SegmentGame) -> tuple[DenseGame, list[int]]:
    """The dense game among individual users, and each user's party."""
    claims, owner = [], []
    for party, (cost, users) in enumerate(zip(game.reach_costs(), game.users, strict=True)):
        claims += [cost] * users
        owner += [party] * users
    values = [0]
    for cost in claims:
        values += [max(v, cost) for v in values]
    return DenseGame.from_exact(len(claims), values), owner


def brute_nucleolus(game: DenseGame) -> np.ndarray:
    """Nucleolus by sequential LPs over all coalitions; a coalition is fixed once its dual multiplier is positive."""
    n, full = game.n, (1 << game.n) - 1
    rows = {mask: [float(mask >> i & 1) for i in range(n)] for mask in range(1, full)}
    fixed: dict[int, float] = {}
    while True:
        free = [m for m in rows if m not in fixed]
        a_ub = [[*rows[m], 1.0] for m in free] + [[float(i == j) for j in range(n)] + [0.0] for i in range(n)]
        b_ub = [game.values[m] for m in free] + [game.values[1 << i] for i in range(n)]
        a_eq = [[1.0] * n + [0.0]] + [[*rows[m], 0.0] for m in fixed]
        b_eq = [game.values[full]] + [game.values[m] - e for m, e in fixed.items()]
        res = linprog([0.0] * n + [-1.0], A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=[(None, None)] * (n + 1))
        assert res.status == 0, res.message
        for m, dual in zip(free, res.ineqlin.marginals[: len(free)], strict=True):
            if dual < -1e-9:
                fixed[m] = -res.fun
        if np.linalg.matrix_rank(np.array(a_eq + [[*rows[m], 0.0] for m in fixed])[:, :n]) == n:
            return res.x[:n]


def per_party(values, owner, parties):
    out = [0] * parties
    for v, p in zip(values, owner, strict=True):
        out[p] += v
    return out


def test_published_airport_cases():
    game = SegmentGame.from_claims([8, 11, 13, 18])
    assert game.segment_costs == (8, 3, 2, 5)
    assert segment_shapley(game) == (2, 3, 4, 9)
    assert segment_nucleolus(game) == (Fraction(13, 4), Fraction(13, 4), Fraction(13, 4), Fraction(33, 4))
    ibn_ezra = SegmentGame.from_claims([120, 60, 40, 30])
    assert segment_shapley(ibn_ezra) == (Fraction(485, 6), Fraction(125, 6), Fraction(65, 6), Fraction(15, 2))


def test_validation():
    with pytest.raises(ValueError, match="non-negative integer"):
        SegmentGame((1, -2), (1,), (1,))
    with pytest.raises(ValueError, match="between 0 and 2"):
        SegmentGame((1, 2), (3,), (1,))
    with pytest.raises(ValueError, match="at least one user"):
        SegmentGame((1, 2), (1,), (0,))
    with pytest.raises(ValueError, match="user counts"):
        SegmentGame((1, 2), (1, 2), (1,))


def random_games(count, seed, max_users):
    rng = random.Random(seed)
    for _ in range(count):
        m = rng.randint(1, 4)
        segments = tuple(rng.choice([0, rng.randint(1, 40)]) for _ in range(m))
        parties = rng.randint(1, 4)
        reach = tuple(rng.randint(0, m) for _ in range(parties))
        users = [rng.randint(1, 3) for _ in range(parties)]
        while sum(users) > max_users:
            users[rng.randrange(parties)] = 1
        yield SegmentGame(segments, reach, tuple(users))


def test_shapley_is_the_dense_shapley_of_the_users_game():
    for game in random_games(40, seed=1, max_users=9):
        dense, owner = users_game(game)
        assert segment_shapley(game) == tuple(per_party(shapley_exact(dense), owner, game.parties))
        assert sum(segment_shapley(game)) == game.grand


def test_nucleolus_matches_brute_force_and_treats_clones_alike():
    for game in random_games(12, seed=2, max_users=6):
        dense, owner = users_game(game)
        ours = segment_nucleolus(game)
        assert sum(ours) == game.grand
        expected = per_party(brute_nucleolus(dense), owner, game.parties)
        np.testing.assert_allclose([float(v) for v in ours], expected, atol=1e-6)


def test_party_game_differs_from_users_game_with_clones():
    game = SegmentGame((10, 20), (1, 2), (3, 1))
    party = segment_dense(game)
    assert party.exact == (0, 10, 30, 30)
    assert shapley_exact(party) == (5, 25)
    assert segment_shapley(game) == (Fraction(15, 2), Fraction(45, 2))  # 10 split by 4 users, 20 by 1


def test_ten_thousand_users_in_groups_add_up_exactly():
    """Timed in bench/games_shapley.py; here: 10,000 users in 200 parties, both closed forms exact."""
    rng = random.Random(3)
    segments = tuple(rng.randint(10**6, 10**9) for _ in range(150))
    game = SegmentGame(segments, tuple(rng.randint(1, 150) for _ in range(200)), (50,) * 200)
    shapley_charges = segment_shapley(game)
    nucleolus = segment_nucleolus(game)
    assert sum(shapley_charges) == sum(nucleolus) == game.grand
