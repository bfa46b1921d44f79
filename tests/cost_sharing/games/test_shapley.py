"""Shapley value: published cases, axioms on random games, exact == float, sampled within its bound."""

from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.games.game import DenseGame, coalition_sums
from chengyu_accord.cost_sharing.games.shapley import shapley, shapley_exact, shapley_sampled
from chengyu_accord.cost_sharing.progress import Cancelled, Progress


def airport_game(claims):
    n = len(claims)
    values = [0] * (1 << n)
    for mask in range(1, 1 << n):
        values[mask] = max(claims[i] for i in range(n) if mask >> i & 1)
    return DenseGame.from_exact(n, values)


def test_apartment_game():
    game = DenseGame.from_lex(3, [300, 270, 280, 410, 410, 410, 550])
    assert shapley_exact(game) == (Fraction(575, 3), Fraction(530, 3), Fraction(545, 3))
    np.testing.assert_allclose(shapley(game), [191.6666667, 176.6666667, 181.6666667])


def test_published_airport_cases():
    assert shapley_exact(airport_game([8, 11, 13, 18])) == (2, 3, 4, 9)
    ibn_ezra = shapley_exact(airport_game([120, 60, 40, 30]))
    assert ibn_ezra == (Fraction(485, 6), Fraction(125, 6), Fraction(65, 6), Fraction(15, 2))


def test_one_player():
    game = DenseGame.from_exact(1, [0, 42])
    assert shapley_exact(game) == (42,)
    assert shapley(game).tolist() == [42.0]


games = st.integers(2, 7).flatmap(
    lambda n: st.tuples(
        st.just(n), st.lists(st.integers(-(10**6), 10**9), min_size=(1 << n) - 1, max_size=(1 << n) - 1)
    )
)


def dense(n, tail):
    return DenseGame.from_exact(n, [0, *tail])


@settings(max_examples=40, deadline=None)
@given(games)
def test_exact_equals_float_and_is_efficient(case):
    game = dense(*case)
    exact = shapley_exact(game)
    assert sum(exact) == game.grand
    np.testing.assert_allclose(shapley(game), [float(v) for v in exact], rtol=1e-9, atol=1e-3)


@settings(max_examples=20, deadline=None)
@given(games, games)
def test_additivity(first, second):
    n = min(first[0], second[0])
    a = dense(n, first[1][: (1 << n) - 1])
    b = dense(n, second[1][: (1 << n) - 1])
    both = DenseGame.from_exact(n, [x + y for x, y in zip(a.exact, b.exact, strict=True)])
    assert shapley_exact(both) == tuple(x + y for x, y in zip(shapley_exact(a), shapley_exact(b), strict=True))


@settings(max_examples=20, deadline=None)
@given(games)
def test_symmetry_and_null_player(case):
    n, tail = case
    game = dense(n, tail)
    # make players 0 and 1 symmetric: c(S ∪ 1) := c(S ∪ 0) for S without both
    values = list(game.exact)
    for mask in range(1 << n):
        if mask & 1 and not mask & 2:
            values[mask ^ 0b11] = values[mask]
    sym = shapley_exact(DenseGame.from_exact(n, values))
    assert sym[0] == sym[1]
    # add a null player n: c(S ∪ n) = c(S)
    null = values + values
    phi = shapley_exact(DenseGame.from_exact(n + 1, null))
    assert phi[n] == 0
    assert phi[:n] == shapley_exact(DenseGame.from_exact(n, values))


def test_large_float_game_is_efficient_and_matches_structure():
    rng = np.random.default_rng(5)
    n = 14
    weights = rng.integers(1, 1000, size=n).astype(float)
    additive = DenseGame(n, coalition_sums(weights))  # additive game: φ = own weight
    np.testing.assert_allclose(shapley(additive), weights, rtol=1e-9, atol=1e-6)


def test_sampled_within_stated_bound():
    claims = [30, 45, 45, 60, 80, 100, 130, 150]
    game = airport_game(claims)
    exact = np.array([float(v) for v in shapley_exact(game)])
    result = shapley_sampled(lambda mask: game.values[mask], game.n, 3000, seed=11)
    assert result.confidence == 0.95
    assert result.samples == 3000
    assert np.all(np.abs(result.estimate - exact) <= result.half_width)
    assert abs(result.estimate.sum() - game.grand) < 1e-9
    again = shapley_sampled(lambda mask: game.values[mask], game.n, 3000, seed=11)
    assert np.array_equal(result.estimate, again.estimate)


def test_sampled_can_be_cancelled():
    progress = Progress()
    progress.cancel()
    try:
        shapley_sampled(lambda mask: float(mask), 5, 100, progress=progress)
    except Cancelled:
        return
    raise AssertionError("not cancelled")
