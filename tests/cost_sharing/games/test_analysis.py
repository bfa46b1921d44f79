"""Diagnostics of allocations: flags on hand examples, exact sums, most overcharged coalition, speed."""

import random
from fractions import Fraction

import numpy as np

from chengyu_accord.cost_sharing.games.analysis import analyse
from chengyu_accord.cost_sharing.games.game import CoalitionTable, DenseGame
from chengyu_accord.cost_sharing.games.shapley import shapley_exact

APARTMENT = DenseGame.from_lex(3, [300, 270, 280, 410, 410, 410, 550])


def test_shapley_of_the_apartment_game_is_in_the_core():
    result = analyse(APARTMENT, shapley_exact(APARTMENT))
    assert result.efficient
    assert result.total == 550
    assert result.in_core
    assert result.core_checked == "all"
    first = result.parties[0]
    assert (first.stand_alone, first.marginal, first.saving) == (300, 140, Fraction(325, 3))
    assert not first.above_stand_alone
    assert not first.below_marginal
    # lowest excess: {1,3} pays 575/3 + 545/3 = 373⅓ against 410
    assert result.most_overcharged.mask == 0b101
    assert result.most_overcharged.excess == Fraction(110, 3)
    assert result.least_core_epsilon is None


def test_flags_on_a_typed_allocation():
    result = analyse(APARTMENT, [310, 100, 140])
    assert result.efficient
    assert not result.in_core
    assert [p.above_stand_alone for p in result.parties] == [True, False, False]
    assert [p.below_marginal for p in result.parties] == [False, True, False]
    # {1}: 300 − 310 = −10; {1,2}: 410 − 410 = 0; {1,3}: 410 − 450 = −40 is the lowest
    over = result.most_overcharged
    assert (over.mask, over.cost, over.charged, over.excess) == (0b101, 410, 450, -40)


def test_inefficient_allocation():
    result = analyse(APARTMENT, [100, 100, 100])
    assert not result.efficient
    assert not result.in_core
    assert result.total == 300


def test_ties_prefer_fewer_members_then_smaller_mask():
    additive = DenseGame.from_exact(3, [0, 1, 2, 3, 4, 5, 6, 7])
    result = analyse(additive, [1, 2, 4])
    assert result.in_core
    assert result.most_overcharged.mask == 0b001
    assert result.most_overcharged.excess == 0


def test_large_partial_table_is_checked_over_tabulated_coalitions():
    n = 30
    entries = {1 << i: 100 for i in range(n)}
    entries[0b111] = 250
    table = CoalitionTable(n, entries)
    result = analyse(table, [90, 90, 90, 80] + [100] * (n - 4))
    assert result.core_checked == "tabulated"
    assert result.efficient
    assert not result.in_core
    assert result.most_overcharged.mask == 0b111
    assert result.most_overcharged.excess == -20
    small = analyse(CoalitionTable(3, {1: 100, 2: 100, 4: 100, 7: 250}), [90, 90, 70])
    assert small.core_checked == "all"
    assert small.in_core


def test_exact_excess_on_random_games_matches_brute_force():
    rng = random.Random(9)
    for _ in range(20):
        n = rng.randint(2, 6)
        values = [0] + [rng.randint(0, 1000) for _ in range((1 << n) - 1)]
        game = DenseGame.from_exact(n, values)
        x = [Fraction(rng.randint(0, 3000), rng.randint(1, 7)) for _ in range(n)]
        brute = min(
            (values[m] - sum(x[i] for i in range(n) if m >> i & 1), m.bit_count(), m) for m in range(1, (1 << n) - 1)
        )
        over = analyse(game, x).most_overcharged
        assert (over.excess, over.mask) == (brute[0], brute[2])


def test_twenty_players_are_checked_over_every_coalition():
    rng = np.random.default_rng(1)
    n = 20
    values = rng.integers(10**6, 10**9, size=1 << n)
    values[0] = 0
    game = DenseGame.from_exact(n, values)
    x = [Fraction(int(values[-1]), n)] * n
    result = analyse(game, x)
    assert result.efficient
