"""Parties and scenarios built from the embedded 成渝 dataset.

A party added from the dataset carries a snapshot of its figures with their
year, source and tag, so that a saved scenario computes the same numbers later
even when the embedded dataset is updated.
"""

from __future__ import annotations

from chengyu_accord import data

from .scenario import Figure, Party, canonical_decimal


def party_from_unit(code: str) -> Party:
    """A scenario party for the cluster unit or province with this administrative-division code."""
    unit = data.unit(code)
    figures = {
        attribute: Figure(value=canonical_decimal(figure.value), year=figure.year, source=figure.source, tag=figure.tag)
        for attribute, figure in unit.figures.items()
    }
    return Party(
        id=unit.code,
        name_zh=unit.name_zh,
        name_en=unit.name_en,
        code=unit.code,
        province=unit.province,
        figures=figures,
    )
