"""Cooperative cost games and their solutions (pure Python + numpy; no Qt).

Modules: :mod:`.game` (dense and sparse games), :mod:`.shapley`, :mod:`.separable`
(ECA, SCRB, CGA), :mod:`.segment` (line projects as airport games),
:mod:`.analysis` (diagnostics of any allocation), :mod:`.bargaining`, :mod:`.nucleolus` (nucleolus,
prenucleolus, per-capita and proportional nucleolus, least core, Kohlberg certificates).

Import from the modules themselves: the package imports nothing, so that registering the instruments at start-up
does not load scipy's optimiser (a fifth of a second before the first window), and two solvers can share their
module's name (``shapley.shapley``, ``nucleolus.nucleolus``) without one hiding the other.
"""
