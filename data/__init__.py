"""The embedded dataset of the 成渝 city cluster: 44 units, two province totals, rivers and projects.

Every figure carries its own year, source and provenance tag (see ``SOURCES.md``
beside this file).  A figure that the sources do not give is *absent*, never
zero: the software must show it as missing and let the user type one in.

This module is Qt-free and imports no pandas at import time (start-up speed);
pandas is imported only inside the ``*_frame`` functions.  The CSV files are
read with the standard ``csv`` module, always as UTF-8.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from importlib.resources import files
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ATTRIBUTES",
    "ATTRIBUTE_LABELS",
    "DATA_VINTAGE",
    "DATA_VINTAGE_EN",
    "DATA_VINTAGE_ZH",
    "AttributeLabel",
    "Citation",
    "Figure",
    "Project",
    "River",
    "UnitRecord",
    "all_units",
    "citation",
    "citations",
    "cities_frame",
    "projects",
    "projects_frame",
    "province_totals_frame",
    "provinces",
    "rivers",
    "rivers_frame",
    "unit",
    "units",
]

ENCODING = "utf-8"
"""Every embedded file is UTF-8; it is always named explicitly so the platform's locale never matters."""

CITIES_FILE = "cities.csv"
PROVINCE_TOTALS_FILE = "province-totals.csv"
RIVERS_FILE = "rivers.csv"
PROJECTS_FILE = "projects.csv"
CITATIONS_FILE = "citations.csv"

ATTRIBUTES: tuple[str, ...] = ("population", "gdp", "budget_revenue", "area")
"""The statistical attributes a unit may carry, in display order."""


@dataclass(frozen=True)
class AttributeLabel:
    """How an attribute is named and in which unit its figures are given, in both languages."""

    zh: str
    en: str
    unit_zh: str
    unit_en: str


ATTRIBUTE_LABELS: Mapping[str, AttributeLabel] = MappingProxyType(
    {
        "population": AttributeLabel("常住人口", "Resident population", "万人", "10k persons"),
        "gdp": AttributeLabel("地区生产总值", "GDP", "亿元", "100m yuan"),
        "budget_revenue": AttributeLabel(
            "一般公共预算收入", "General public budget revenue", "亿元（一般公共预算收入）", "100m yuan"
        ),
        "area": AttributeLabel("面积", "Area", "km²", "km²"),
    }
)
"""Labels and units for each of ``ATTRIBUTES`` (the CSV columns are in these units)."""

DATA_VINTAGE_ZH = "人口：2020年第七次人口普查；GDP与一般公共预算收入：2022年；面积：年份不一"
DATA_VINTAGE_EN = (
    "Population: 2020 (7th national census); GDP and general public budget revenue: 2022; area: mixed years"
)
DATA_VINTAGE = f"{DATA_VINTAGE_ZH} / {DATA_VINTAGE_EN}"
"""One line saying which years the embedded figures are from, for the About box and PDF footers."""

CENSUS_YEAR = 2020
"""Population figures of the 44 units are 7th-census resident population (2020-11-01)."""


@dataclass(frozen=True)
class Figure:
    """One figure with the year it refers to and its own source, so every number can be traced."""

    value: Decimal
    year: int | None
    source: str
    tag: str  # "S" official/census source, "S-2" secondary (aggregator, mirror, news rewrite)


@dataclass(frozen=True)
class UnitRecord:
    """A cluster unit (or a province total) with the figures the sources give for it.

    ``figures`` holds only the figures that exist: a missing figure is absent, never zero.
    """

    code: str
    name_zh: str
    name_en: str
    province: str  # "Chongqing" | "Sichuan"
    level: str  # "district" | "county" | "city" | "province"
    figures: Mapping[str, Figure]
    partial: bool  # only part of the unit is in the plan area; its figures are for the whole unit
    code_source: str
    notes: tuple[str, ...] = ()
    """Row notes from the sources (partial coverage, the 綦江/万盛 GDP quirk ...)."""
    figures_2021: Mapping[str, Figure] = field(default_factory=lambda: MappingProxyType({}))
    """2021 GDP / revenue where the sources give them (best GDP coverage: 41 of 44 units)."""

    def figure(self, attr: str) -> Figure | None:
        """The figure for ``attr``, or ``None`` when the sources give none (never a zero)."""
        if attr not in ATTRIBUTES:
            raise KeyError(f"unknown attribute {attr!r}; expected one of {ATTRIBUTES}")
        return self.figures.get(attr)


@dataclass(frozen=True)
class River:
    """A river crossing the 川渝 border, with which side is upstream and how sure that is."""

    river_zh: str
    river_en: str
    upstream_side: str  # "Sichuan" | "Chongqing" | "" (not given by the sources)
    downstream_side: str
    upstream_codes: tuple[str, ...]
    downstream_codes: tuple[str, ...]
    unit_codes: tuple[str, ...]
    direction_status: str  # "sourced" | "inferred" | "unverified"
    in_plan_area: bool
    course: str
    sections: str
    notes: str
    source: str
    tag: str


@dataclass(frozen=True)
class Project:
    """A real cross-city project; ``cost_yuan`` is exact, or ``None`` when no published cost was found."""

    project_zh: str
    project_en: str
    cost_yuan: Decimal | None
    cost_note: str
    unit_codes: tuple[str, ...]
    places: str
    length_km: Decimal | None
    status: str
    notes: str
    source: str
    tag: str


# --------------------------------------------------------------------------- reading


def _read_text(name: str) -> str:
    """The text of an embedded file, decoded as UTF-8 whatever the platform's locale."""
    return files(__package__).joinpath(name).read_text(encoding=ENCODING)


def _read_rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_read_text(name), newline="")))


def _decimal(text: str) -> Decimal | None:
    text = text.strip()
    return Decimal(text) if text else None


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code.strip() for code in text.split(";") if code.strip())


# --------------------------------------------------------------------------- sources and tags

_LABEL_ATTRIBUTES = (
    ("population", re.compile(r"\bpop", re.IGNORECASE)),
    ("gdp", re.compile(r"gdp", re.IGNORECASE)),
    ("budget_revenue", re.compile(r"\brev|收入", re.IGNORECASE)),
    ("area", re.compile(r"\barea", re.IGNORECASE)),
)
_BARE_LABEL = re.compile(r"^(pop|gdp|rev|area)(20\d\d)?$", re.IGNORECASE)

OFFICIAL_MARKERS = ("census", "统计年鉴", "statistical yearbook", "统计公报", "statistical bulletin", ".gov.cn")
"""A source whose primary reference names one of these is an official publication (tag "S")."""

SECONDARY_MARKERS = ("maigoo", "czcf", "forum", "aggregator", "mirror of", "wikipedia", "kiwix")
"""...unless it says it was read through one of these aggregators or copies (tag "S-2")."""

_AREA_YEAR = re.compile(r"as of (\d{4})|(\d{4}) row\b|(\d{4}) ranking\b")


def source_tag(source: str) -> str:
    """``"S"`` or ``"S-2"`` for one figure's source text (the rule is documented in SOURCES.md).

    "S" when the primary reference (the text before the first " (") names the census, a statistical
    yearbook or bulletin, or a ``.gov.cn`` page, and the source does not say the figure was read from a
    forum, aggregator or site mirror; "S-2" otherwise, including every source the rule does not recognise.
    """
    primary = source.split(" (", 1)[0].lower()
    whole = source.lower()
    official = any(marker in primary for marker in OFFICIAL_MARKERS)
    secondary = any(marker in whole for marker in SECONDARY_MARKERS)
    return "S" if official and not secondary else "S-2"


def _area_year(source: str) -> int | None:
    """The year an area figure refers to, only when its source text states one ("as of 2015", "2017 row")."""
    match = _AREA_YEAR.search(source)
    if not match:
        return None
    return int(next(group for group in match.groups() if group))


@dataclass
class _Segment:
    label: str
    body: str
    text: str
    attributes: tuple[str, ...]

    @property
    def kind(self) -> str:
        if self.label.upper().startswith("NOTE"):
            return "note"
        if "cross-check" in self.label.lower():
            return "cross-check"
        if self.body.lower().startswith("not found"):
            return "not-found"
        return "primary"

    @property
    def source(self) -> str:
        """The segment as a figure's source: a bare ``gdp:``-style label is dropped, anything else kept."""
        return self.body if _BARE_LABEL.match(self.label.strip()) else self.text


def _segments(source: str, separator: str) -> list[_Segment]:
    """Split a ``source`` cell into labelled parts (``pop: ...``, ``gdp2022 + rev2022: ...``, ``NOTE: ...``)."""
    segments = []
    for part in re.split(separator, source):
        text = part.strip()
        if not text:
            continue
        label, _, body = text.partition(": ")
        if not body:
            raise ValueError(f"source part without a 'label: ' prefix: {text!r}")
        attrs = tuple(attr for attr, pattern in _LABEL_ATTRIBUTES if pattern.search(label))
        segments.append(_Segment(label.strip(), body.strip(), text, attrs))
    return segments


def _figures(
    where: str,
    values: Mapping[str, Decimal | None],
    segments: list[_Segment],
    years: Mapping[str, int | None],
) -> tuple[dict[str, Figure], list[str]]:
    """Pair every present value with its own source; refuse a value without one, or one marked not found."""
    figures: dict[str, Figure] = {}
    notes = [seg.body if not seg.attributes else seg.text for seg in segments if seg.kind == "note"]
    for attr, value in values.items():
        primary = [seg for seg in segments if seg.kind == "primary" and attr in seg.attributes]
        not_found = [seg for seg in segments if seg.kind == "not-found" and attr in seg.attributes]
        if value is None:
            if primary:
                raise ValueError(f"{where}: {attr} has a source but no value: {primary[0].text!r}")
            continue
        if not primary:
            raise ValueError(f"{where}: {attr} = {value} has no source")
        if not_found:
            raise ValueError(f"{where}: {attr} = {value} but the source says {not_found[0].text!r}")
        extra = [seg.text for seg in segments if seg.kind in ("cross-check", "note") and attr in seg.attributes]
        source = " | ".join([*(seg.source for seg in primary), *extra])
        year = _area_year(primary[0].body) if attr == "area" else years[attr]
        if year is None and attr != "area":
            raise ValueError(f"{where}: {attr} = {value} has no year")
        figures[attr] = Figure(value=value, year=year, source=source, tag=source_tag(primary[0].body))
    return figures, notes


# --------------------------------------------------------------------------- units

_PARTIAL_ZH = re.compile(r"\s*[(（]部分[)）]\s*$")
_PARTIAL_EN = re.compile(r"\s*\(part in plan[^)]*\)\s*$")

PLAN_EXCLUSIONS: Mapping[str, str] = MappingProxyType(
    {
        "500154": "规划范围只含开县（今开州区）部分地区；数据为全区 / "
        "only part of 开州 is in the plan area; figures are for the whole district",
        "500235": "规划范围只含云阳部分地区；数据为全县 / "
        "only part of 云阳 is in the plan area; figures are for the whole county",
        "510700": "规划范围不含北川县、平武县；数据为全市 / "
        "the plan area excludes 北川 and 平武; figures are for the whole city",
        "511700": "规划范围不含万源市；数据为全市 / the plan area excludes 万源; figures are for the whole city",
        "511800": "规划范围不含天全县、宝兴县；数据为全市 / "
        "the plan area excludes 天全 and 宝兴; figures are for the whole city",
    }
)
"""Units only partly in the plan area, per the 2016 plan's 前言: 开县、云阳的部分地区, 绵阳（除北川县、平武县）,
达州（除万源市）, 雅安（除天全县、宝兴县）."""

PROVINCE_CODES: Mapping[str, str] = MappingProxyType({"重庆市": "500000", "四川省": "510000"})
PROVINCE_CODE_SOURCE = (
    "GB/T 2260 province-level administrative-division code (重庆市 500000, 四川省 510000); "
    "province-totals.csv has no code column, so the code is assigned by the loader, not read from the file"
)


def _level(name_zh: str, province: str) -> str:
    if province == "Sichuan":
        return "city"
    if name_zh.endswith("区"):
        return "district"
    if name_zh.endswith("县"):
        return "county"
    raise ValueError(f"cannot tell the level of {name_zh!r}")


def _unit_from_row(row: dict[str, str]) -> UnitRecord:
    code = row["code"].strip()
    where = f"{CITIES_FILE} {code}"
    name_zh = _PARTIAL_ZH.sub("", row["unit_zh"].strip())
    name_en = _PARTIAL_EN.sub("", row["unit_en"].strip())
    row_year = int(row["year"])
    values = {
        "population": _decimal(row["population_10k"]),
        "gdp": _decimal(row["gdp_100m_yuan"]),
        "budget_revenue": _decimal(row["budget_revenue_100m_yuan"]),
        "area": _decimal(row["area_km2"]),
    }
    years = {"population": CENSUS_YEAR, "gdp": row_year, "budget_revenue": row_year, "area": None}
    figures, notes = _figures(where, values, _segments(row["source"], r"\s\|\s"), years)
    values_2021 = {
        "gdp": _decimal(row["gdp_2021_100m_yuan"]),
        "budget_revenue": _decimal(row["budget_revenue_2021_100m_yuan"]),
    }
    figures_2021, _ = _figures(
        f"{where} (2021)", values_2021, _segments(row["source_2021"], r"\s\|\s"), {"gdp": 2021, "budget_revenue": 2021}
    )
    partial = code in PLAN_EXCLUSIONS
    if partial:
        notes.insert(0, PLAN_EXCLUSIONS[code])
    return UnitRecord(
        code=code,
        name_zh=name_zh,
        name_en=name_en,
        province=row["province"].strip(),
        level=_level(name_zh, row["province"].strip()),
        figures=MappingProxyType(figures),
        partial=partial,
        code_source=row["code_source"].strip(),
        notes=tuple(notes),
        figures_2021=MappingProxyType(figures_2021),
    )


def _province_from_row(row: dict[str, str]) -> UnitRecord:
    name_zh = row["unit_zh"].strip()
    code = PROVINCE_CODES[name_zh]
    values = {
        "population": _decimal(row["population_10k"]),
        "gdp": _decimal(row["gdp_100m_yuan"]),
        "budget_revenue": _decimal(row["budget_revenue_100m_yuan"]),
    }
    gdp_year = int(row["gdp_year"]) if row["gdp_year"].strip() else None
    years = {"population": int(row["population_year"]), "gdp": gdp_year, "budget_revenue": gdp_year}
    # Parts are "population: ...; GDP and 地方一般公共预算收入: ..." (";" followed by the next label).
    segments = _segments(row["source"], r";\s+(?=[^;:()]+:\s)")
    figures, notes = _figures(f"{PROVINCE_TOTALS_FILE} {name_zh}", values, segments, years)
    return UnitRecord(
        code=code,
        name_zh=name_zh,
        name_en=row["unit_en"].strip(),
        province="Chongqing" if code == "500000" else "Sichuan",
        level="province",
        figures=MappingProxyType(figures),
        partial=False,
        code_source=PROVINCE_CODE_SOURCE,
        notes=tuple(notes),
    )


@functools.cache
def units() -> tuple[UnitRecord, ...]:
    """The 44 cluster units in file order: 27 Chongqing districts/counties, 开州 and 云阳, 15 Sichuan cities."""
    return tuple(_unit_from_row(row) for row in _read_rows(CITIES_FILE))


@functools.cache
def provinces() -> tuple[UnitRecord, ...]:
    """重庆市 (500000) and 四川省 (510000) as wholes, for cases where a province takes part as one member."""
    return tuple(_province_from_row(row) for row in _read_rows(PROVINCE_TOTALS_FILE))


def all_units() -> tuple[UnitRecord, ...]:
    """The two provinces followed by the 44 cluster units."""
    return provinces() + units()


@functools.cache
def _by_code() -> Mapping[str, UnitRecord]:
    return MappingProxyType({record.code: record for record in all_units()})


def unit(code: str) -> UnitRecord:
    """The unit or province with this 6-digit administrative-division code; ``KeyError`` if there is none."""
    try:
        return _by_code()[code]
    except KeyError:
        raise KeyError(
            f"no unit with code {code!r} in the embedded 成渝 dataset "
            f"(44 cluster units and the provinces 500000/510000)"
        ) from None


# --------------------------------------------------------------------------- rivers and projects


@functools.cache
def rivers() -> tuple[River, ...]:
    """Rivers crossing the 川渝 border (section 3 of the data README)."""
    return tuple(
        River(
            river_zh=row["river_zh"],
            river_en=row["river_en"],
            upstream_side=row["upstream_side"],
            downstream_side=row["downstream_side"],
            upstream_codes=_codes(row["upstream_codes"]),
            downstream_codes=_codes(row["downstream_codes"]),
            unit_codes=_codes(row["unit_codes"]),
            direction_status=row["direction_status"],
            in_plan_area=row["in_plan_area"] == "yes",
            course=row["course"],
            sections=row["sections"],
            notes=row["notes"],
            source=row["source"],
            tag=row["tag"],
        )
        for row in _read_rows(RIVERS_FILE)
    )


@functools.cache
def projects() -> tuple[Project, ...]:
    """Real cross-city projects with their published cost (section 4 of the data README)."""
    return tuple(
        Project(
            project_zh=row["project_zh"],
            project_en=row["project_en"],
            cost_yuan=_decimal(row["cost_yuan"]),
            cost_note=row["cost_note"],
            unit_codes=_codes(row["unit_codes"]),
            places=row["places"],
            length_km=_decimal(row["length_km"]),
            status=row["status"],
            notes=row["notes"],
            source=row["source"],
            tag=row["tag"],
        )
        for row in _read_rows(PROJECTS_FILE)
    )


# --------------------------------------------------------------------------- citations


@dataclass(frozen=True)
class Citation:
    """How an agreement cites a publication: publisher, title and year, in both languages.

    ``key`` is text that names the publication inside a figure's raw source (a dataset file, a
    site, a title); ``basis`` says where the citation's facts were read, for a reviewer.
    """

    key: str
    zh: str
    en: str
    basis: str


@functools.cache
def citations() -> tuple[Citation, ...]:
    """The rows of ``citations.csv``: every publication the embedded figures come from."""
    return tuple(
        Citation(row["key"], row["citation_zh"], row["citation_en"], row["basis"]) for row in _read_rows(CITATIONS_FILE)
    )


def citation(source: str, lang: str = "zh") -> str:
    """A figure's raw source as a reader cites it (publisher, publication, year), never as an archive path.

    The citation is that of the key found earliest in ``source`` (its primary reference comes before
    any cross-check). A source no key names, such as one a negotiator typed, is returned as it is.
    """
    found = [c for c in citations() if c.key in source]
    if not found:
        return source
    best = min(found, key=lambda c: (source.index(c.key), -len(c.key)))
    return best.zh if lang == "zh" else best.en


# --------------------------------------------------------------------------- pandas frames (lazy)


def _read_frame(name: str, dtypes: Mapping[str, str]) -> pd.DataFrame:
    """A CSV as a DataFrame: only empty cells are missing (NaN/NA), never zero; no other NA spellings."""
    import pandas as pd

    return pd.read_csv(
        io.StringIO(_read_text(name)),
        dtype=dict(dtypes),
        keep_default_na=False,
        na_values=[""],
    )


@functools.cache
def _cities_frame() -> pd.DataFrame:
    text = dict.fromkeys(("code", "unit_zh", "unit_en", "province", "source", "source_2021", "code_source"), "string")
    return _read_frame(CITIES_FILE, {**text, "year": "Int64"})


@functools.cache
def _province_totals_frame() -> pd.DataFrame:
    frame = _read_frame(
        PROVINCE_TOTALS_FILE,
        {"unit_zh": "string", "unit_en": "string", "source": "string", "population_year": "Int64", "gdp_year": "Int64"},
    )
    frame.insert(0, "code", frame["unit_zh"].map(PROVINCE_CODES).astype("string"))
    return frame


@functools.cache
def _rivers_frame() -> pd.DataFrame:
    header = next(csv.reader(io.StringIO(_read_text(RIVERS_FILE))))
    return _read_frame(RIVERS_FILE, dict.fromkeys(header, "string"))


@functools.cache
def _projects_frame() -> pd.DataFrame:
    header = next(csv.reader(io.StringIO(_read_text(PROJECTS_FILE))))
    dtypes = dict.fromkeys(header, "string")
    dtypes.update(cost_yuan="Int64", length_km="float64")
    return _read_frame(PROJECTS_FILE, dtypes)


def cities_frame() -> pd.DataFrame:
    """``cities.csv`` as read: one row per unit, codes as strings, missing figures NaN (a fresh copy each call)."""
    return _cities_frame().copy()


def province_totals_frame() -> pd.DataFrame:
    """``province-totals.csv`` with a leading ``code`` column (GB/T 2260 province codes; a fresh copy)."""
    return _province_totals_frame().copy()


def rivers_frame() -> pd.DataFrame:
    """``rivers.csv``: all text columns; blanks are NA (a fresh copy each call)."""
    return _rivers_frame().copy()


def projects_frame() -> pd.DataFrame:
    """``projects.csv``: ``cost_yuan`` exact as nullable Int64 (NA when no cost was found; a fresh copy)."""
    return _projects_frame().copy()
