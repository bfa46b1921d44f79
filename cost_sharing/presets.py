"""Parties and scenarios built from the embedded 成渝 dataset.

A party added from the dataset carries a snapshot of its figures with their
year, source and tag, so that a saved scenario computes the same numbers later
even when the embedded dataset is updated.
"""

from __future__ import annotations

from collections.abc import Callable

from chengyu_accord import data

from .instrument import instruments
from .numbers import canonical_decimal
from .scenario import Figure, Party, Scenario


def party_from_unit(code: str) -> Party:
    """A scenario party for the cluster unit or province with this administrative-division code.

    Built without validation (``model_construct``): the embedded dataset is trusted
    and checked by its own tests, and start-up must not wait for pydantic to build
    its validators. Saved files are always validated when read.
    """
    unit = data.unit(code)
    figures = {
        attribute: Figure.model_construct(
            value=canonical_decimal(figure.value), year=figure.year, source=figure.source, tag=figure.tag
        )
        for attribute, figure in unit.figures.items()
    }
    return Party.model_construct(
        id=unit.code,
        name_zh=unit.name_zh,
        name_en=unit.name_en,
        code=unit.code,
        province=unit.province,
        figures=figures,
    )


def project(name_zh: str) -> data.Project:
    """A cross-city project of the embedded dataset by its Chinese name."""
    for record in data.projects():
        if record.project_zh == name_zh:
            return record
    raise KeyError(f"no project named {name_zh} in the embedded data")


def examples() -> dict[str, Callable[[], Scenario]]:
    """Every instrument's example builders by file stem (what ``examples/`` holds)."""
    found: dict[str, Callable[[], Scenario]] = {}
    for instrument in instruments():
        found.update(instrument.presets or {})
    return found


def default_scenario() -> Scenario:
    """The scenario the application opens with: the first example of the first instrument."""
    return next(iter(examples().values()))()


if __name__ == "__main__":
    import sys
    from pathlib import Path

    from .storage import save_scenario

    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "examples")
    folder.mkdir(parents=True, exist_ok=True)
    for stem, build in examples().items():
        save_scenario(build(), folder / f"{stem}.json")
        print(folder / f"{stem}.json")
