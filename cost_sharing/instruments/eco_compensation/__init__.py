"""Horizontal ecological compensation between upstream and downstream areas (Chapter 8 §3; issue 11).

Work in progress, not yet registered as an item kind. In place: ``monitoring`` (monitoring data read from CSV in
UTF-8, UTF-8 with BOM or GB18030 and from Excel, checked all or nothing, and written back), ``rules`` (each
compensation rule a pure function of exact numbers), ``model`` (the item: sections, indicators, samples, period,
the rule with its provenance) and ``compute`` (monthly means, the rule applied, transfers, nets, break-even). To
come: the instrument descriptor and registration, the articles, examples, edits and the workspace.
"""
