"""Cooperative cost games and their solutions (pure Python + numpy; no Qt).

Modules: :mod:`.game` (dense and sparse games), :mod:`.shapley`, :mod:`.separable`
(ECA, SCRB, CGA), :mod:`.segment` (line projects as airport games),
:mod:`.analysis` (diagnostics of any allocation), :mod:`.bargaining`.
"""

from .game import (
    DENSE_LIMIT,
    CoalitionTable,
    DenseGame,
    GameTooLarge,
    MissingStandAlone,
    SeparableCosts,
    coalition_sums,
    coalition_sums_exact,
    lex_masks,
)
from .segment import SegmentGame, segment_dense, segment_nucleolus, segment_shapley
from .shapley import SampledShapley, shapley, shapley_exact, shapley_sampled

__all__ = [
    "DENSE_LIMIT",
    "CoalitionTable",
    "DenseGame",
    "GameTooLarge",
    "MissingStandAlone",
    "SampledShapley",
    "SegmentGame",
    "SeparableCosts",
    "coalition_sums",
    "coalition_sums_exact",
    "lex_masks",
    "segment_dense",
    "segment_nucleolus",
    "segment_shapley",
    "shapley",
    "shapley_exact",
    "shapley_sampled",
]
