"""Horizontal ecological compensation between upstream and downstream areas (Chapter 8 §3; issue 11).

Work in progress, not yet registered as an item kind: the monitoring-data reader (``monitoring``) and the
compensation rules (``rules``) come first, each a pure function of exact numbers; the model, the compute, the
articles and the workspace follow.
"""
