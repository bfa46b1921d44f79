"""The nucleolus family: published cases exactly, random games by their defining properties.

Every random property is checked with exact Fractions; the certificate (Kohlberg's criterion)
is the independent check that the LP sequence found the nucleolus.
"""

from __future__ import annotations

import itertools
import sys
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from chengyu_accord.cost_sharing.games.game import DenseGame
from chengyu_accord.cost_sharing.games.nucleolus import (
    kohlberg_certificate,
    least_core,
    nucleolus,
    nucleolus_of_profit_game,
    per_capita_nucleolus,
    prenucleolus,
    proportional_nucleolus,
)

nm = sys.modules[
    kohlberg_certificate.__module__
]  # the module itself: the package re-exports a function named nucleolus

F = Fraction
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def airport(costs: list[int]) -> DenseGame:
    """c(S) = the largest runway any member of S needs."""
    n = len(costs)
    return DenseGame.from_exact(n, [max((costs[i] for i in range(n) if m >> i & 1), default=0) for m in range(1 << n)])


def littlechild(costs: list[int]) -> list[Fraction]:
    """Littlechild's (1974) closed form of the airport nucleolus (costs ascending).

    Repeatedly: the next group of players all pay α = min over j of (c_j − paid) / (players to j, + 1
    unless j is the last), the group being the players up to the minimising j.
    """
    n = len(costs)
    out: list[Fraction] = []
    paid = F(0)
    start = 0
    while start < n:
        best = None
        for j in range(start, n):
            share = (costs[j] - paid) / F(j - start + 1 + (0 if j == n - 1 else 1))
            if best is None or share < best[0]:
                best = (share, j)
        share, j = best
        out += [share] * (j - start + 1)
        paid += share * (j - start + 1)
        start = j + 1
    return out


def core_is_empty(game: DenseGame) -> bool:
    n = game.n
    masks = np.arange(1, game.full)
    a_ub = ((masks[:, None] >> np.arange(n)) & 1).astype(float)
    res = linprog(
        np.zeros(n),
        A_ub=a_ub,
        b_ub=game.values[masks],
        A_eq=np.ones((1, n)),
        b_eq=[game.values[game.full]],
        bounds=[(None, None)] * n,
        method="highs",
    )
    return res.status == 2


def excess(game: DenseGame, x, mask: int) -> Fraction:
    return F(game.exact[mask]) - sum((x[i] for i in range(game.n) if mask >> i & 1), F(0))


@st.composite
def cost_games(draw, min_n: int = 3, max_n: int = 6, positive: bool = False) -> DenseGame:
    """Integer cost games with an imputation (c(N) ≤ Σ c(i)); some subadditive, some arbitrary."""
    n = draw(st.integers(min_n, max_n))
    size = 1 << n
    low = 1 if positive else -20
    if draw(st.booleans()):
        weights = draw(st.lists(st.integers(1, 60), min_size=n, max_size=n))
        power = draw(st.sampled_from([0.5, 0.7, 0.9]))
        noise = draw(st.lists(st.integers(0, 5), min_size=size, max_size=size))
        values = [0] + [
            round(sum(w for i, w in enumerate(weights) if m >> i & 1) ** power * 10) + noise[m] for m in range(1, size)
        ]
    else:
        values = [0, *draw(st.lists(st.integers(low, 100), min_size=size - 1, max_size=size - 1))]
    full = size - 1
    values[full] = min(values[full], sum(values[1 << i] for i in range(n)))
    if positive:
        values = [max(v, 1) if m else 0 for m, v in enumerate(values)]
        values[full] = min(values[full], sum(values[1 << i] for i in range(n)))
    return DenseGame.from_exact(n, values)


# ----------------------------------------------------------------------------- published cases


def test_ferguson_three_player_game() -> None:
    result = nucleolus_of_profit_game(3, [-1, 0, 1, 3, 4, 2, 5])
    assert result.allocation == (F(8, 3), F(2, 3), F(5, 3))
    assert result.certificate.holds
    assert nucleolus_of_profit_game(3, [-1, 0, 1, 3, 4, 2, 5], domain="preimputation").allocation == result.allocation


def test_peleg_sudholter_5_5_12_nucleolus_and_prenucleolus_differ() -> None:
    v = [0, 0, 0, 10, 0, 0, 2]
    assert nucleolus_of_profit_game(3, v).allocation == (1, 1, 0)
    pre = nucleolus_of_profit_game(3, v, domain="preimputation")
    assert pre.allocation == (3, 3, -4)
    assert pre.certificate.holds


def test_apartment_cost_game_splits_equally() -> None:
    game = DenseGame.from_lex(3, [300, 270, 280, 410, 410, 410, 550])
    result = nucleolus(game)
    assert result.allocation == (F(550, 3),) * 3
    assert all(isinstance(a, Fraction) for a in result.allocation)
    assert result.certificate.holds
    assert result.certificate.detail == "balanced at every level until rank n"
    # Its savings game, as CoopGame prints it, has the mirrored nucleolus x_i = c(i) − y_i.
    savings = nucleolus_of_profit_game(3, [0, 0, 0, 160, 170, 140, 300])
    assert tuple(c - y for c, y in zip((300, 270, 280), savings.allocation, strict=True)) == result.allocation


def test_airport_game_matches_littlechild() -> None:
    game = airport([8, 11, 13, 18])
    result = nucleolus(game)
    assert result.allocation == (F(13, 4), F(13, 4), F(13, 4), F(33, 4))
    assert tuple(littlechild([8, 11, 13, 18])) == result.allocation


@given(st.lists(st.integers(1, 50), min_size=2, max_size=6))
@FAST
def test_random_airport_games_match_littlechild(costs: list[int]) -> None:
    costs = sorted(costs)
    result = nucleolus(airport(costs))
    assert list(result.allocation) == littlechild(costs)
    assert result.certificate.holds


def test_least_core_of_apartment_game() -> None:
    game = DenseGame.from_lex(3, [300, 270, 280, 410, 410, 410, 550])
    core = least_core(game)
    assert core.epsilon == F(-130, 3)  # every pair keeps 410 − 2·550/3 = 130/3 of slack
    assert core.allocation == (F(550, 3),) * 3


# ----------------------------------------------------------------------------- certificate


def test_certificate_rejects_a_perturbed_allocation_and_says_which_level() -> None:
    game = airport([8, 11, 13, 18])
    bad = kohlberg_certificate(game, [F(17, 4), F(9, 4), F(13, 4), F(33, 4)])
    assert not bad.holds
    assert "not balanced" in bad.detail


def test_certificate_rejects_inefficient_and_non_imputations() -> None:
    game = DenseGame.from_lex(3, [300, 270, 280, 410, 410, 410, 550])
    assert "not efficient" in kohlberg_certificate(game, [100, 100, 100]).detail
    assert "not an imputation" in kohlberg_certificate(game, [301, 200, 49]).detail


def test_same_input_gives_the_same_fractions_and_float_games_work() -> None:
    rng = np.random.default_rng(7)
    n = 7
    values = rng.integers(50, 150, 1 << n)
    values[0] = 0
    values[-1] = min(values[-1], sum(values[1 << i] for i in range(n)))
    exact = DenseGame.from_exact(n, values.tolist())
    first, second = nucleolus(exact), nucleolus(exact)
    assert first.allocation == second.allocation
    assert first.levels == second.levels
    approx = nucleolus(DenseGame(n, values.astype(float) / 3))
    assert approx.certificate.holds
    assert max(abs(float(a) - float(b) / 3) for a, b in zip(approx.allocation, first.allocation, strict=True)) < 1e-9


def test_linprog_fallback_gives_the_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    game = DenseGame.from_lex(3, [300, 270, 280, 410, 410, 410, 550])
    monkeypatch.setattr(nm, "_USE_HIGHS", False)
    assert nucleolus(game).allocation == (F(550, 3),) * 3
    assert nucleolus_of_profit_game(3, [0, 0, 0, 10, 0, 0, 2]).allocation == (1, 1, 0)
    assert not kohlberg_certificate(airport([8, 11, 13, 18]), [F(17, 4), F(9, 4), F(13, 4), F(33, 4)]).holds


def test_progress_check_is_called_and_can_cancel() -> None:
    class StopError(Exception):
        pass

    class Cancelling:
        calls = 0

        def check(self) -> None:
            self.calls += 1
            raise StopError

    with pytest.raises(StopError):
        nucleolus(airport([8, 11, 13, 18]), progress=Cancelling())


def test_rejects_games_without_imputations_and_bad_proportional_games() -> None:
    with pytest.raises(ValueError, match="no imputation"):
        nucleolus(DenseGame.from_lex(2, [1, 1, 5]))
    assert prenucleolus(DenseGame.from_lex(2, [1, 1, 5])).allocation == (F(5, 2), F(5, 2))
    with pytest.raises(ValueError, match="c\\(S\\) > 0"):
        proportional_nucleolus(DenseGame.from_lex(2, [0, 1, 1]))


def test_one_player() -> None:
    result = nucleolus(DenseGame.from_lex(1, [42]))
    assert result.allocation == (42,)
    assert result.levels == ()
    assert result.certificate.holds


# ----------------------------------------------------------------------------- random games


@given(cost_games())
@FAST
def test_nucleolus_properties(game: DenseGame) -> None:
    n = game.n
    result = nucleolus(game)
    x = result.allocation
    assert sum(x) == game.exact[game.full]
    assert all(x[i] <= game.exact[1 << i] for i in range(n))
    assert result.certificate.holds, result.certificate.detail
    assert result.levels == tuple(sorted(result.levels))
    min_excess = min(excess(game, x, m) for m in range(1, game.full))
    assert min_excess == result.levels[0]
    if not core_is_empty(game):
        assert min_excess >= 0  # the nucleolus lies in a non-empty core
    # Move 1 between two players: no longer the nucleolus.
    moved = list(x)
    moved[0] += 1
    moved[1] -= 1
    assert not kohlberg_certificate(game, moved).holds


@given(cost_games())
@FAST
def test_prenucleolus_and_least_core(game: DenseGame) -> None:
    result = prenucleolus(game)
    assert sum(result.allocation) == game.exact[game.full]
    assert kohlberg_certificate(game, result.allocation, domain="preimputation").holds
    core = least_core(game, domain="preimputation")
    assert (core.epsilon <= 0) == (not core_is_empty(game))
    assert all(excess(game, core.allocation, m) >= -core.epsilon for m in range(1, game.full))


@given(cost_games(max_n=5), st.data())
@FAST
def test_symmetric_players_pay_the_same(game: DenseGame, data: st.DataObject) -> None:
    n = game.n
    i, j = data.draw(st.sampled_from(list(itertools.combinations(range(n), 2))))

    def swap(m: int) -> int:
        bi, bj = m >> i & 1, m >> j & 1
        return m & ~((1 << i) | (1 << j)) | (bi << j) | (bj << i)

    values = [min(game.exact[m], game.exact[swap(m)]) for m in range(1 << n)]
    values[-1] = min(values[-1], sum(values[1 << k] for k in range(n)))
    symmetric = DenseGame.from_exact(n, values)
    for solve in (nucleolus, per_capita_nucleolus):
        x = solve(symmetric).allocation
        assert x[i] == x[j]


@given(cost_games(positive=True))
@FAST
def test_per_capita_and_proportional_nucleoli_are_certified(game: DenseGame) -> None:
    for solve, kind in ((per_capita_nucleolus, "per_capita"), (proportional_nucleolus, "proportional")):
        result = solve(game)
        assert sum(result.allocation) == game.exact[game.full]
        assert result.certificate.holds, (kind, result.certificate.detail)
        assert kohlberg_certificate(game, result.allocation, excess=kind).holds
        moved = list(result.allocation)
        moved[0] += F(1, 2)
        moved[-1] -= F(1, 2)
        assert not kohlberg_certificate(game, moved, excess=kind).holds


@given(cost_games(min_n=3, max_n=5))
@settings(max_examples=10, deadline=None)
def test_convex_games_nucleolus_in_core(game: DenseGame) -> None:
    """A concave cost game (submodular c) has a large core; the nucleolus is inside it."""
    n = game.n
    weights = [game.exact[1 << i] % 17 + 1 for i in range(n)]
    values = [0] + [round(10 * sum(w for i, w in enumerate(weights) if m >> i & 1) ** 0.5) for m in range(1, 1 << n)]
    concave = DenseGame.from_exact(n, values)
    result = nucleolus(concave)
    assert result.certificate.holds
    assert all(excess(concave, result.allocation, m) >= 0 for m in range(1, concave.full))
