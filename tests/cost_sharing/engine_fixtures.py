"""Parties built from the models alone, so engine tests need neither Qt nor the dataset."""

from chengyu_accord.cost_sharing.scenario import Figure, Party


def make_party(pid: str, name: str, population: str | None = None, gdp: str | None = None) -> Party:
    figures = {}
    if population is not None:
        figures["population"] = Figure(value=population, year=2020, source="test census")
    if gdp is not None:
        figures["gdp"] = Figure(value=gdp, year=2022, source="test bulletin")
    return Party(id=pid, name_zh=name, name_en=f"Party {pid}", figures=figures)
