"""Cooperative cost games and their solutions (pure Python + numpy; no Qt).

Modules: :mod:`.game` (dense and sparse games), :mod:`.shapley`, :mod:`.separable`
(ECA, SCRB, CGA), :mod:`.segment` (line projects as airport games),
:mod:`.analysis` (diagnostics of any allocation), :mod:`.bargaining`, :mod:`.nucleolus` (nucleolus,
prenucleolus, per-capita and proportional nucleolus, least core, Kohlberg certificates).
"""

from .analysis import Analysis, Overcharge, PartyCheck, analyse
from .bargaining import Egalitarian, egalitarian, fix_and_resplit, nash
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
from .nucleolus import (
    KohlbergCertificate,
    LeastCore,
    NucleolusResult,
    kohlberg_certificate,
    least_core,
    nucleolus,
    nucleolus_of_profit_game,
    per_capita_nucleolus,
    prenucleolus,
    proportional_nucleolus,
)
from .segment import SegmentGame, segment_dense, segment_nucleolus, segment_shapley
from .separable import SeparableUndefined, cga, cost_gaps, eca, marginal_costs, scrb, separable_costs
from .shapley import SampledShapley, shapley, shapley_exact, shapley_sampled

__all__ = [
    "DENSE_LIMIT",
    "Analysis",
    "CoalitionTable",
    "DenseGame",
    "Egalitarian",
    "GameTooLarge",
    "KohlbergCertificate",
    "LeastCore",
    "MissingStandAlone",
    "NucleolusResult",
    "Overcharge",
    "PartyCheck",
    "SampledShapley",
    "SegmentGame",
    "SeparableCosts",
    "SeparableUndefined",
    "analyse",
    "cga",
    "coalition_sums",
    "coalition_sums_exact",
    "cost_gaps",
    "eca",
    "egalitarian",
    "fix_and_resplit",
    "kohlberg_certificate",
    "least_core",
    "lex_masks",
    "marginal_costs",
    "nash",
    "nucleolus",
    "nucleolus_of_profit_game",
    "per_capita_nucleolus",
    "prenucleolus",
    "proportional_nucleolus",
    "scrb",
    "segment_dense",
    "segment_nucleolus",
    "segment_shapley",
    "separable_costs",
    "shapley",
    "shapley_exact",
    "shapley_sampled",
]
