"""Bargaining in savings space: Nash, egalitarian (maximin savings), fix-and-resplit."""

import random
from fractions import Fraction

import pytest

from chengyu_accord.cost_sharing.games.bargaining import egalitarian, fix_and_resplit, nash
from chengyu_accord.cost_sharing.games.game import CoalitionTable, DenseGame

APARTMENT = DenseGame.from_lex(3, [300, 270, 280, 410, 410, 410, 550])


def test_nash_equal_and_weighted():
    assert nash((300, 270, 280), 550) == (200, 170, 180)  # savings 300 split 100 each
    assert nash((300, 270, 280), 550, power=(1, 1, 4)) == (250, 220, 80)
    assert sum(nash((300, 271, 280), 550, power=(1, 2, 4))) == 550
    with pytest.raises(ValueError, match="no savings"):
        nash((10, 10), 30)
    with pytest.raises(ValueError, match="powers"):
        nash((10, 10), 15, power=(0, 0))


def test_egalitarian_apartment_is_equal_savings_in_the_core():
    result = egalitarian(APARTMENT)
    assert result.allocation == (200, 170, 180)
    assert not result.core_empty
    assert result.verified


def test_egalitarian_bound_by_the_core():
    # core: x0 + x1 ≤ 100 and x2 ≤ 100 with Σx = 200, so x2 = 100 (saving 0); then x0 = x1 = 50.
    # Equal savings (100/3 each) would charge players 0 and 1 more than they pay together.
    game = DenseGame.from_lex(3, [100, 100, 100, 100, 200, 200, 200])
    result = egalitarian(game)
    assert result.allocation == (50, 50, 100)
    assert not result.core_empty
    assert result.verified


def test_egalitarian_with_an_empty_core_drops_it():
    game = DenseGame.from_lex(3, [100, 100, 100, 100, 100, 100, 260])  # pairs cost 100, all three 260
    result = egalitarian(game)
    assert result.core_empty
    assert result.allocation == (Fraction(260, 3),) * 3


def test_egalitarian_random_games_are_exact_and_in_the_core():
    rng = random.Random(4)
    for _ in range(15):
        n = rng.randint(2, 5)
        entries = {
            m: rng.randint(60, 100) * m.bit_count() - rng.randint(0, 40 * (m.bit_count() - 1)) for m in range(1, 1 << n)
        }
        game, _ = CoalitionTable(n, entries).dense()  # subadditive completion
        result = egalitarian(game)
        assert sum(result.allocation) == game.grand
        assert result.verified or result.core_empty
        if not result.core_empty:
            savings = sorted(c - x for c, x in zip(game.singletons(), result.allocation, strict=True))
            equal = (sum(game.singletons()) - game.grand) / Fraction(n)
            assert savings[0] <= equal


def test_fix_and_resplit():
    assert fix_and_resplit((200, 170, 180), 0, 150, 550) == (150, Fraction(400 * 170, 350), Fraction(400 * 180, 350))
    assert sum(fix_and_resplit((1, 2, 3), 2, 5, 17)) == 17
    with pytest.raises(ValueError, match="between 0 and the total"):
        fix_and_resplit((1, 2, 3), 0, 20, 6)
    with pytest.raises(ValueError, match="add up to 0"):
        fix_and_resplit((5, 0, 0), 0, 1, 6)
