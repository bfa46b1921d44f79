"""Tax split between registration and investment sites (issue 12, built in increments): so far ``rules``, the
sharing rules and apportionment formulas, and ``projection``, yearly tax projections, as pure functions; the
model, compute, workspace and agreement follow. Not registered as an item kind yet."""
