"""Separable-cost methods (ECA, SCRB, CGA) against their definitions and hand-computed examples."""

import random
from fractions import Fraction

import pytest

from chengyu_accord.cost_sharing.games.game import CoalitionTable, DenseGame, SeparableCosts
from chengyu_accord.cost_sharing.games.separable import (
    SeparableUndefined,
    cga,
    cost_gaps,
    eca,
    marginal_costs,
    scrb,
)

APARTMENT = DenseGame.from_lex(3, [300, 270, 280, 410, 410, 410, 550])


def test_apartment_game_by_hand():
    assert marginal_costs(APARTMENT) == ((140, 140, 140), 130)
    third = Fraction(550, 3)
    assert eca(APARTMENT) == (third, third, third)
    # remaining stand-alone costs 160, 130, 140 (sum 430) share g = 130
    assert scrb(APARTMENT) == (Fraction(8100, 43), Fraction(7710, 43), Fraction(7840, 43))
    assert cost_gaps(APARTMENT) == (130, 130, 130)
    assert cga(APARTMENT) == (third, third, third)


def definition_cga(game):
    n, full = game.n, (1 << game.n) - 1
    c = game.exact
    m = [c[full] - c[full ^ (1 << i)] for i in range(n)]
    g = c[full] - sum(m)
    gamma = [
        min(c[s] - sum(m[j] for j in range(n) if s >> j & 1) for s in range(1, full + 1) if s >> i & 1)
        for i in range(n)
    ]
    return tuple(m[i] + Fraction(g * gamma[i], sum(gamma)) for i in range(n)), gamma


def subadditive_game(rng, n):
    """Random subadditive game: cheapest partition of random coalition costs with economies of scale."""
    entries = {
        mask: rng.randint(60, 100) * mask.bit_count() - rng.randint(0, 30 * (mask.bit_count() - 1))
        for mask in range(1, 1 << n)
    }
    return CoalitionTable(n, {m: v for m, v in entries.items() if rng.random() < 0.6 or m.bit_count() == 1})


def test_random_games_against_the_definitions():
    rng = random.Random(5)
    checked = 0
    for _ in range(60):
        n = rng.randint(2, 6)
        game, _ = subadditive_game(rng, n).dense()
        m, g = marginal_costs(game)
        assert sum(eca(game)) == game.grand
        try:
            expected, gamma = definition_cga(game)
        except ZeroDivisionError:
            continue
        if min(gamma) < 0 or not 0 <= g <= sum(gamma):
            with pytest.raises(SeparableUndefined):
                cga(game)
            continue
        assert cga(game) == expected
        assert sum(expected) == game.grand
        stand_alone = game.singletons()
        if all(gamma[i] == stand_alone[i] - m[i] for i in range(n)):  # Tijs & Driessen: then SCRB = CGA
            assert scrb(game) == expected
        checked += 1
    assert checked > 20


def test_partial_table_of_many_players():
    rng = random.Random(2)
    n = 44
    entries = {1 << i: rng.randint(100, 1000) for i in range(n)}
    for _ in range(30):
        mask = sum(1 << i for i in rng.sample(range(n), 5))
        entries[mask] = sum(entries[1 << i] for i in range(n) if mask >> i & 1) - rng.randint(50, 200)
    table = CoalitionTable(n, entries)
    for method in (eca, scrb):
        result = method(table)
        assert sum(result) == table.separable_costs().grand


def test_degenerate_cases():
    additive = SeparableCosts((10, 20), (20, 10), 30, frozenset())  # g = 0: everyone pays m
    assert scrb(additive) == (10, 20)
    assert cga(DenseGame.from_exact(2, [0, 10, 20, 30])) == (10, 20)
    not_subadditive = DenseGame.from_exact(2, [0, 10, 10, 25])  # m = 15 > c(i) = 10
    with pytest.raises(SeparableUndefined, match="marginal cost exceeds"):
        scrb(not_subadditive)
    with pytest.raises(SeparableUndefined):
        cga(not_subadditive)
    with pytest.raises(ValueError, match="integer"):
        eca(DenseGame.from_lex(2, [1.5, 2.0, 3.0]))
