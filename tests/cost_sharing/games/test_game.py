"""Dense games, sparse tables completed by cheapest partition, coalition sums."""

import itertools
import random
from fractions import Fraction

import numpy as np
import pytest

from chengyu_accord.cost_sharing.games.game import (
    DENSE_LIMIT,
    CoalitionTable,
    DenseGame,
    GameTooLarge,
    MissingStandAlone,
    coalition_sums,
    coalition_sums_exact,
    lex_masks,
)

APARTMENT = [300, 270, 280, 410, 410, 410, 550]


def test_lexicographic_order_of_the_literature():
    assert lex_masks(3) == [0b001, 0b010, 0b100, 0b011, 0b101, 0b110, 0b111]


def test_dense_game_from_lex_is_exact():
    game = DenseGame.from_lex(3, APARTMENT)
    assert game.is_exact
    assert game.grand == 550
    assert game.singletons() == (300, 270, 280)
    assert game.without_each() == (410, 410, 410)
    assert game.marginals() == (140, 140, 140)
    assert game.to_lex() == APARTMENT
    assert game.cost(0b101) == 410
    assert not DenseGame.from_lex(3, [1.5, *APARTMENT[1:]]).is_exact


def test_dense_game_validation():
    with pytest.raises(ValueError, match="empty coalition"):
        DenseGame(1, np.array([1.0, 2.0]))
    with pytest.raises(ValueError, match="needs 4 values"):
        DenseGame(2, np.zeros(3))
    with pytest.raises(GameTooLarge) as raised:
        DenseGame(DENSE_LIMIT + 1, np.zeros(2))
    assert (raised.value.players, raised.value.limit) == (DENSE_LIMIT + 1, DENSE_LIMIT)


def brute_completion(n, entries, mask):
    """Cheapest partition of ``mask`` into tabulated coalitions, by enumerating set partitions."""
    players = [i for i in range(n) if mask >> i & 1]

    def partitions(items):
        if not items:
            yield []
            return
        first, rest = items[0], items[1:]
        for k in range(len(rest) + 1):
            for others in itertools.combinations(rest, k):
                part = (1 << first) | sum(1 << j for j in others)
                remaining = [j for j in rest if j not in others]
                for tail in partitions(remaining):
                    yield [part, *tail]

    costs = [sum(entries[p] for p in parts) for parts in partitions(players) if all(p in entries for p in parts)]
    return min(costs)


def test_completion_by_cheapest_partition_matches_brute_force():
    rng = random.Random(7)
    for _ in range(20):
        n = 6
        entries = {1 << i: rng.randint(50, 100) for i in range(n)}
        for _ in range(8):
            mask = rng.randrange(1, 1 << n)
            entries[mask] = rng.randint(40, 60 * mask.bit_count())
        table = CoalitionTable(n, entries)
        game, completed = table.dense()
        for mask in range(1, 1 << n):
            expected = entries[mask] if mask in entries else brute_completion(n, entries, mask)
            assert game.exact[mask] == expected
            assert table.cost(mask) == (expected, mask not in entries)
            assert completed[mask] == (mask not in entries)


def test_tabulated_costs_are_kept_as_typed():
    table = CoalitionTable(2, {1: 10, 2: 10, 3: 25})  # not subadditive, but typed in
    assert table.cost(3) == (25, False)
    assert table.dense()[0].exact == (0, 10, 10, 25)


def test_missing_singleton_is_named():
    table = CoalitionTable(3, {1: 10, 2: 10, 3: 15})
    assert table.cost(3) == (15, False)
    with pytest.raises(MissingStandAlone) as raised:
        table.cost(0b101)
    assert raised.value.player == 2
    with pytest.raises(MissingStandAlone):
        table.dense()


def test_table_validation():
    with pytest.raises(ValueError, match="not a non-empty coalition"):
        CoalitionTable(2, {4: 1})
    with pytest.raises(ValueError, match="integer fen"):
        CoalitionTable(2, {1: 1.5})


def test_separable_costs_of_a_44_player_partial_table():
    rng = random.Random(3)
    n = 44
    entries = {1 << i: rng.randint(100, 1000) for i in range(n)}
    for _ in range(40):
        mask = sum(1 << i for i in rng.sample(range(n), rng.randint(2, 12)))
        entries[mask] = rng.randint(100, 500 * mask.bit_count())
    costs = CoalitionTable(n, entries).separable_costs()
    assert costs.stand_alone == tuple(entries[1 << i] for i in range(n))
    assert costs.grand <= sum(costs.stand_alone)
    assert (1 << n) - 1 in costs.completed


def test_dense_completion_of_16_players_marks_what_it_completed():
    rng = random.Random(1)
    n = 16
    entries = {1 << i: rng.randint(100, 1000) for i in range(n)}
    for _ in range(40):
        mask = rng.randrange(1, 1 << n)
        entries[mask] = rng.randint(100, 200 * mask.bit_count())
    _, completed = CoalitionTable(n, entries).dense()
    assert completed.sum() == (1 << n) - 1 - len(entries)


def test_coalition_sums():
    x = [1.5, 2.0, -4.0, 8.0]
    sums = coalition_sums(x)
    for mask in range(16):
        assert sums[mask] == sum(x[i] for i in range(4) if mask >> i & 1)
    exact = coalition_sums_exact([Fraction(1, 3), 2, Fraction(-5, 7)])
    assert exact[0b101] == Fraction(1, 3) - Fraction(5, 7)
    assert exact[7] == Fraction(1, 3) + 2 - Fraction(5, 7)
