"""Nucleolus speed against the peer coopgame-py, on the same seeded random cost games.

Each game is built once outside the timer; we time the whole of ``nucleolus`` (the float LP
sequence, the exact Fraction solve and the Kohlberg certificate), the peer its
``cost_nucleolus``. coopgame-py is an optional benchmark dependency: without it the section
says so and fails.
"""

from __future__ import annotations

import numpy as np

from bench import Section, timed
from chengyu_accord.cost_sharing.games.game import DenseGame, coalition_sums
from chengyu_accord.cost_sharing.games.nucleolus import nucleolus

SIZES = (6, 8, 10, 12, 14, 16)
REPEAT = 7
HARD_LIMIT_S = 2.0  # n = 16
TOLERANCE = 1e-6


def subadditive(n: int, seed: int) -> np.ndarray:
    """c(S) = round((Σ_{i∈S} w_i)^0.8) with integer weights 1..99: sub-additive, many near-ties."""
    rng = np.random.default_rng(seed)
    weights = rng.integers(1, 100, n).astype(np.float64)
    return np.round(coalition_sums(weights) ** 0.8).astype(np.int64)


def random_discounts(n: int, seed: int) -> np.ndarray:
    """Additive costs with an independent random discount of 0–40 % per coalition (not sub-additive)."""
    rng = np.random.default_rng(seed)
    base = coalition_sums(rng.integers(10, 100, n).astype(np.float64))
    values = np.round(base * rng.uniform(0.6, 1.0, 1 << n)).astype(np.int64)
    values[0] = 0
    for i in range(n):
        values[1 << i] = int(base[1 << i])  # stand-alone costs undiscounted: an imputation exists
    return values


def run() -> Section:
    try:
        import coopgame
    except ImportError:
        return Section(
            "Nucleolus",
            "coopgame-py is not installed, so there is no peer to compare against: "
            "`pip install coopgame-py` in the environment that runs the benchmark.",
            passed=False,
        )
    rows = []
    passed = True
    for name, build in (("sub-additive (Σw)^0.8", subadditive), ("random discounts", random_discounts)):
        for n in SIZES:
            values = build(n, seed=n)
            game = DenseGame.from_exact(n, values.tolist())
            peer_game = coopgame.Game(values[1:].astype(np.float64).tolist())
            ours_s = timed(lambda g=game: nucleolus(g), REPEAT)[0]
            peer_s = timed(lambda g=peer_game: coopgame.cost_nucleolus(g), REPEAT)[0]
            result = nucleolus(game)
            peer = coopgame.cost_nucleolus(peer_game)
            diff = max(abs(float(a) - b) for a, b in zip(result.allocation, peer, strict=True))
            equal = diff <= TOLERANCE
            held = result.certificate.holds
            if not (equal and held) or (n == 16 and ours_s >= HARD_LIMIT_S):
                passed = False
            rows.append(
                f"| {name} | {n} | {ours_s * 1000:.1f} ms | {peer_s * 1000:.1f} ms | {ours_s / peer_s:.2f} | "
                f"{result.lps} | {len(result.levels)} | {diff:.1e} | {'yes' if held else '**no**'} |"
            )
    lines = [
        "Median of "
        f"{REPEAT} calls after a warm-up, seeded random cost games built outside the timer. Ours is the whole "
        "`nucleolus` call: stage LPs by constraint generation (HiGHS dual simplex re-solved from the last "
        "basis), the exact Fraction solve, and the Kohlberg certificate. Peer: `coopgame.cost_nucleolus` "
        "(coopgame-py, Rust). LPs = stage LPs solved (certificate LPs not counted); stages = levels fixed.",
        "",
        "| game | n | ours | peer | ours/peer | LPs | stages | max abs difference | certified |",
        "|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"Target: n = 16 under {HARD_LIMIT_S:.0f} s, results equal to the peer's within {TOLERANCE:g} and "
        "certified — " + ("met." if passed else "**not met**."),
    ]
    return Section("Nucleolus", "\n".join(lines), passed)


if __name__ == "__main__":
    print(run().markdown)
