"""The embedded 成渝 dataset: 44 units, every figure sourced and dated, blanks kept missing, never zero."""

import csv
import dataclasses
import hashlib
import math
import re
import subprocess
import sys
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest

import chengyu_accord.data as data

DATA_DIR = Path(files("chengyu_accord.data"))
REFERENCE_DIR = Path("/work/shared/reference/data")

# cities.csv column for each attribute
COLUMNS = {
    "population": "population_10k",
    "gdp": "gdp_100m_yuan",
    "budget_revenue": "budget_revenue_100m_yuan",
    "area": "area_km2",
}


def read_rows(name: str) -> list[dict[str, str]]:
    """The test's own reading of a CSV, independent of the loader."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


CITY_ROWS = read_rows("cities.csv")


# --------------------------------------------------------------------------- the 44 units


def test_there_are_44_units_with_unique_six_digit_codes():
    codes = [u.code for u in data.units()]
    assert len(codes) == 44
    assert len(set(codes)) == 44
    assert all(re.fullmatch(r"\d{6}", code) for code in codes)


def test_27_plus_2_chongqing_units_and_15_sichuan_cities():
    chongqing = [u for u in data.units() if u.province == "Chongqing"]
    sichuan = [u for u in data.units() if u.province == "Sichuan"]
    assert len(chongqing) == 29
    assert len(sichuan) == 15
    assert all(u.code.startswith("50") and u.level in ("district", "county") for u in chongqing)
    assert all(u.code.startswith("51") and u.level == "city" for u in sichuan)
    assert [u.name_zh for u in chongqing if u.partial] == ["开州区", "云阳县"]
    assert len([u for u in chongqing if not u.partial]) == 27


def test_units_are_in_file_order():
    assert [u.code for u in data.units()] == [row["code"] for row in CITY_ROWS]


def test_partial_units_are_those_the_plan_names_and_carry_a_note():
    partial = {u.code for u in data.units() if u.partial}
    # 开州, 云阳 (parts only); 绵阳 without 北川/平武; 达州 without 万源; 雅安 without 天全/宝兴
    assert partial == {"500154", "500235", "510700", "511700", "511800"}
    for code in partial:
        assert any("plan area" in note for note in data.unit(code).notes)
    assert not data.unit("511100").partial  # 乐山 is wholly in the plan area


def test_display_names_drop_the_partial_marker_but_keep_the_unit():
    kaizhou = data.unit("500154")
    assert (kaizhou.name_zh, kaizhou.name_en, kaizhou.level) == ("开州区", "Kaizhou District", "district")
    yunyang = data.unit("500235")
    assert (yunyang.name_zh, yunyang.name_en, yunyang.level) == ("云阳县", "Yunyang County", "county")
    assert all("部分" not in u.name_zh and "part in plan" not in u.name_en for u in data.all_units())


def test_every_unit_has_a_code_source():
    assert all(u.code_source.strip() for u in data.all_units())


# --------------------------------------------------------------------------- figures, sources, years


def test_every_figure_matches_its_csv_cell_exactly_and_blanks_stay_absent():
    for unit, row in zip(data.units(), CITY_ROWS, strict=True):
        for attr, column in COLUMNS.items():
            cell = row[column].strip()
            figure = unit.figure(attr)
            if cell:
                assert figure is not None, (unit.name_zh, attr)
                assert figure.value == Decimal(cell)
                assert str(figure.value) == cell  # printed precision kept ("111.50" stays "111.50")
            else:
                assert figure is None, (unit.name_zh, attr)
                assert attr not in unit.figures


def test_coverage_is_as_the_reference_says():
    def count(attr):
        return sum(1 for u in data.units() if u.figure(attr) is not None)

    assert (count("population"), count("gdp"), count("budget_revenue"), count("area")) == (44, 37, 18, 38)
    revenue = [u for u in data.units() if u.figure("budget_revenue")]
    assert sum(u.province == "Sichuan" for u in revenue) == 15
    assert sum(1 for u in data.units() if "gdp" in u.figures_2021) == 41


def test_every_present_figure_has_a_source_a_tag_and_the_right_year():
    for unit in data.all_units():
        for attr, figure in unit.figures.items():
            assert attr in data.ATTRIBUTES
            assert isinstance(figure.value, Decimal)
            assert figure.value > 0, "a figure is never zero: missing figures are absent"
            assert figure.source.strip(), (unit.name_zh, attr)
            assert "not found" not in figure.source.split(" | ")[0]
            assert figure.tag in ("S", "S-2")
            if attr != "area":
                assert figure.year is not None, (unit.name_zh, attr)


def test_years_population_census_2020_gdp_and_revenue_from_the_row():
    for unit, row in zip(data.units(), CITY_ROWS, strict=True):
        assert unit.figure("population").year == 2020
        for attr in ("gdp", "budget_revenue"):
            if unit.figure(attr):
                assert unit.figure(attr).year == int(row["year"]) == 2022
        for figure in unit.figures_2021.values():
            assert figure.year == 2021
            assert figure.source.strip()


def test_area_year_only_when_the_source_states_it():
    assert data.unit("500103").figure("area").year == 2015  # 渝中: "as of 2015"
    assert data.unit("500120").figure("area").year == 2014  # 璧山: "'as of 2014'"
    assert data.unit("510100").figure("area").year == 2017  # 成都: "city_info, 2017 row"
    assert data.unit("500101").figure("area").year is None  # 万州: "2010-era table" is not a year
    assert data.unit("500105").figure("area").year is None  # 江北: only a URL date (2024-03)
    assert data.unit("500233").figure("area").year is None  # 忠县: only a URL date


def test_each_figure_has_its_own_source_not_the_whole_row():
    yuzhong = data.unit("500103")
    assert "leiii/census" in yuzhong.figure("population").source
    assert "maigoo" in yuzhong.figure("gdp").source
    assert "cqyz.gov.cn" in yuzhong.figure("budget_revenue").source
    assert "zi.media" in yuzhong.figure("area").source
    assert "maigoo" not in yuzhong.figure("population").source
    chengdu = data.unit("510100")
    assert "czcf.com" in chengdu.figure("gdp").source
    assert "cross-check" in chengdu.figure("gdp").source  # the yearbook cross-check travels with the figure
    assert "czcf" not in chengdu.figure("budget_revenue").source


def test_known_blanks_stay_missing():
    assert data.unit("500114").figure("gdp") is None  # 黔江区
    assert data.unit("500114").figure("budget_revenue") is None
    assert data.unit("500112").figure("area") is None  # 渝北区
    fengdu = data.unit("500230")  # 丰都县: census population only
    assert set(fengdu.figures) == {"population"}
    assert data.unit("510000").figure("gdp") is None  # 四川省: population only


def test_spot_values():
    assert data.unit("510100").figure("population").value == Decimal("2093.78")
    assert data.unit("510100").figure("gdp").value == Decimal("20817.5")
    chongqing = data.unit("500000")
    assert chongqing.figure("gdp").value == Decimal("29129.03")
    assert chongqing.figure("gdp").year == 2022
    assert chongqing.figure("budget_revenue").value == Decimal("2103.42")
    assert chongqing.figure("population").value == Decimal("3213.34")
    assert chongqing.figure("population").year == 2022  # year-end 2022, not the census
    assert data.unit("510000").figure("population").value == Decimal("8374")
    assert data.unit("500102").figure("gdp").value == Decimal("1504.37")  # 涪陵, matches its bulletin


def test_qijiang_wansheng_quirk_travels_with_the_gdp_figure():
    qijiang = data.unit("500110")
    assert "万盛" in qijiang.figure("gdp").source
    assert any("万盛" in note for note in qijiang.notes)
    assert "万盛" not in qijiang.figure("area").source


# --------------------------------------------------------------------------- tags


@pytest.mark.parametrize(
    ("code", "attr", "tag"),
    [
        ("500103", "population", "S"),  # census
        ("500103", "gdp", "S-2"),  # maigoo aggregator
        ("500103", "budget_revenue", "S"),  # district finance bureau, .gov.cn
        ("500103", "area", "S-2"),  # self-media copy
        ("500105", "area", "S"),  # liangjiang.gov.cn
        ("500101", "area", "S-2"),  # wikipedia mirror
        ("510100", "gdp", "S-2"),  # czcf, secondary report
        ("510100", "budget_revenue", "S"),  # 中国城市统计年鉴2023
        ("510300", "gdp", "S"),  # 中国城市统计年鉴2023
        ("511100", "gdp", "S-2"),  # bulletin read from a forum mirror
        ("510700", "gdp", "S-2"),  # press conference on a non-government host
        ("510100", "area", "S-2"),  # a GitHub SQL dump
        ("500000", "gdp", "S"),  # yearbook municipal row
        ("510000", "population", "S"),  # Sichuan statistical bulletin
    ],
)
def test_tag_rule(code, attr, tag):
    assert data.unit(code).figure(attr).tag == tag


def test_every_aggregator_figure_is_secondary():
    for unit in data.all_units():
        for figure in (*unit.figures.values(), *unit.figures_2021.values()):
            head = figure.source.split(" | ")[0].lower()
            if any(marker in head for marker in ("maigoo", "czcf", "forum", "wikipedia", "dscnowi", "csmar")):
                assert figure.tag == "S-2", figure.source


def test_unknown_sources_default_to_secondary():
    assert data.source_tag("some-blog.example/post/1 (table)") == "S-2"
    assert data.source_tag("2022年某市统计公报 (forum mirror; URL not recorded)") == "S-2"
    assert data.source_tag("xx.gov.cn/report.html (全区一般公共预算收入)") == "S"


# --------------------------------------------------------------------------- the loader refuses bad data


def test_a_value_without_a_source_is_refused():
    row = dict(CITY_ROWS[0])
    row["source"] = " | ".join(part for part in row["source"].split(" | ") if not part.startswith("gdp:"))
    with pytest.raises(ValueError, match=r"gdp = 1602\.76 has no source"):
        data._unit_from_row(row)


def test_a_value_whose_source_says_not_found_is_refused():
    row = dict(next(r for r in CITY_ROWS if r["code"] == "500114"))  # 黔江: "gdp2022/rev2022: not found"
    row["gdp_100m_yuan"] = "500"
    row["source"] += " | gdp: invented.example"
    with pytest.raises(ValueError, match="not found"):
        data._unit_from_row(row)


# --------------------------------------------------------------------------- lookup and immutability


def test_unit_lookup_covers_units_and_provinces():
    assert data.unit("510100").name_zh == "成都市"
    assert [p.code for p in data.provinces()] == ["500000", "510000"]
    assert [p.name_zh for p in data.provinces()] == ["重庆市", "四川省"]
    assert all(p.level == "province" and not p.partial for p in data.provinces())
    assert all("GB/T 2260" in p.code_source for p in data.provinces())
    assert data.all_units() == data.provinces() + data.units()
    assert len(data.all_units()) == 46


def test_unknown_code_raises_a_clear_key_error():
    with pytest.raises(KeyError, match="999999"):
        data.unit("999999")


def test_unknown_attribute_is_an_error_not_a_missing_figure():
    with pytest.raises(KeyError, match="populaton"):
        data.unit("510100").figure("populaton")


def test_records_cannot_be_changed():
    chengdu = data.unit("510100")
    with pytest.raises(dataclasses.FrozenInstanceError):
        chengdu.code = "000000"
    with pytest.raises(TypeError):
        chengdu.figures["gdp"] = chengdu.figures["population"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        chengdu.figure("gdp").value = Decimal(0)


def test_attribute_labels_and_vintage():
    assert data.ATTRIBUTES == ("population", "gdp", "budget_revenue", "area")
    assert set(data.ATTRIBUTE_LABELS) == set(data.ATTRIBUTES)
    assert data.ATTRIBUTE_LABELS["population"].unit_zh == "万人"
    assert data.ATTRIBUTE_LABELS["gdp"].unit_en == "100m yuan"
    assert "一般公共预算收入" in data.ATTRIBUTE_LABELS["budget_revenue"].zh
    assert data.ATTRIBUTE_LABELS["area"].unit_en == "km²"
    assert "2020" in data.DATA_VINTAGE_ZH
    assert "2022" in data.DATA_VINTAGE_ZH
    assert "census" in data.DATA_VINTAGE_EN
    assert "2022" in data.DATA_VINTAGE_EN
    assert data.DATA_VINTAGE_ZH in data.DATA_VINTAGE
    assert data.DATA_VINTAGE_EN in data.DATA_VINTAGE


# --------------------------------------------------------------------------- frames


def test_cities_frame_keeps_blanks_as_nan_not_zero():
    frame = data.cities_frame().set_index("code")
    assert len(frame) == 44
    assert frame.index.is_unique
    assert math.isnan(frame.loc["500114", "gdp_100m_yuan"])  # 黔江
    assert math.isnan(frame.loc["500112", "area_km2"])  # 渝北
    assert frame.loc["510100", "population_10k"] == pytest.approx(2093.78)
    for column in COLUMNS.values():
        assert (frame[column] != 0).all()
        assert frame[column].isna().sum() == sum(1 for row in CITY_ROWS if not row[column].strip())


def test_frame_codes_are_strings_not_numbers():
    assert list(data.cities_frame()["code"]) == [row["code"] for row in CITY_ROWS]
    assert list(data.province_totals_frame()["code"]) == ["500000", "510000"]


def test_province_totals_frame_keeps_sichuan_gdp_missing():
    frame = data.province_totals_frame().set_index("code")
    assert math.isnan(frame.loc["510000", "gdp_100m_yuan"])
    assert frame["gdp_year"].isna().loc["510000"]
    assert frame.loc["500000", "gdp_100m_yuan"] == pytest.approx(29129.03)


@pytest.mark.parametrize(
    "make", [data.cities_frame, data.province_totals_frame, data.rivers_frame, data.projects_frame]
)
def test_frames_are_fresh_copies(make):
    first = make()
    original = first.iloc[0, 0]
    first.iloc[0, 0] = "corrupted"
    first["added_by_caller"] = 1
    second = make()
    assert second is not first
    assert second.iloc[0, 0] == original
    assert "added_by_caller" not in second.columns


def test_importing_the_data_package_does_not_import_pandas():
    code = "import sys, chengyu_accord.data as d; d.units(); d.provinces(); assert 'pandas' not in sys.modules"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_files_are_read_with_explicit_utf8():
    """PEP 597: any open() without an encoding raises EncodingWarning; made an error here."""
    code = (
        "import warnings\n"
        "warnings.simplefilter('error', EncodingWarning)\n"
        "import chengyu_accord.data as d\n"
        "d.units(); d.provinces(); d.rivers(); d.projects()\n"
        "d.cities_frame(); d.province_totals_frame(); d.rivers_frame(); d.projects_frame()\n"
    )
    run = subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", "-c", code],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr


def test_sourced_originals_are_kept_verbatim():
    digests = {
        "cities.csv": "16e3e77b8a727d2329183a0c6a9404abbdf8552cbe34cd8ba054267436db2748",
        "province-totals.csv": "03d4e664ca5403c98fbdc5f76eb73ca1044d2f41381ad71c4ff3fab673823b6b",
    }
    for name, digest in digests.items():
        content = (DATA_DIR / name).read_bytes()
        assert hashlib.sha256(content).hexdigest() == digest, f"{name} differs from the sourced original"
        if (REFERENCE_DIR / name).exists():
            assert content == (REFERENCE_DIR / name).read_bytes()


# --------------------------------------------------------------------------- projects


PROJECT_ROWS = read_rows("projects.csv")


def test_zhongxian_rail_cost_is_exact():
    row = next(r for r in PROJECT_ROWS if r["project_zh"] == "成渝中线高铁")
    assert row["cost_yuan"] == "69273000000"
    project = next(p for p in data.projects() if p.project_zh == "成渝中线高铁")
    assert project.cost_yuan == Decimal("69273000000")
    frame = data.projects_frame().set_index("project_zh")
    assert int(frame.loc["成渝中线高铁", "cost_yuan"]) == 69_273_000_000


def test_every_cost_is_the_printed_yi_yuan_figure_times_1e8_or_deliberately_blank():
    for project in data.projects():
        printed = re.match(r"(\d+(?:\.\d+)?)亿元", project.cost_note)
        if project.cost_yuan is None:
            assert printed is None
            assert re.search(r"not found|No total investment found", project.cost_note), project.project_zh
        else:
            assert printed, project.project_zh
            assert project.cost_yuan == Decimal(printed.group(1)) * 10**8
            assert project.cost_yuan == project.cost_yuan.to_integral_value()


def test_projects_without_cost_are_na_in_the_frame_never_zero():
    frame = data.projects_frame().set_index("project_zh")
    assert frame["cost_yuan"].isna().sum() == 2
    assert frame.loc["川渝高竹新区", "cost_yuan"] is not None
    assert bool(frame["cost_yuan"].isna().loc["川渝高竹新区"])
    assert (frame["cost_yuan"].dropna() > 0).all()


def test_every_unit_code_in_projects_and_rivers_exists():
    known = {u.code for u in data.units()}
    for row in PROJECT_ROWS:
        for code in filter(None, row["unit_codes"].split(";")):
            assert code in known, (row["project_zh"], code)
    for river in data.rivers():
        for code in (*river.unit_codes, *river.upstream_codes, *river.downstream_codes):
            assert code in known, (river.river_zh, code)


def test_projects_are_tagged_and_sourced():
    assert len(data.projects()) == 7
    for project in data.projects():
        assert project.tag in ("S", "S-2")
        assert project.source.strip()
        assert project.unit_codes


# --------------------------------------------------------------------------- rivers


def test_rivers_direction_is_consistent_with_the_units_named():
    for river in data.rivers():
        assert river.direction_status in ("sourced", "inferred", "unverified")
        assert (river.tag == "U") == (river.direction_status != "sourced"), river.river_zh
        assert river.source.strip()
        if river.upstream_side:
            assert {river.upstream_side, river.downstream_side} == {"Sichuan", "Chongqing"}
        else:
            assert not river.downstream_side
            assert not river.upstream_codes
            assert not river.downstream_codes
        for code in river.upstream_codes:
            assert data.unit(code).province == river.upstream_side, (river.river_zh, code)
        for code in river.downstream_codes:
            assert data.unit(code).province == river.downstream_side, (river.river_zh, code)
        assert set(river.upstream_codes) | set(river.downstream_codes) <= set(river.unit_codes)


def test_rivers_spot_checks():
    by_name = {r.river_zh: r for r in data.rivers()}
    assert (by_name["长江"].upstream_side, by_name["长江"].direction_status) == ("Sichuan", "sourced")
    assert by_name["濑溪河"].direction_status == "inferred"
    assert by_name["大清流河"].direction_status == "unverified"
    assert by_name["铜钵河"].upstream_side == ""  # no direction in the sources: left blank
    assert not by_name["南河"].in_plan_area
    assert by_name["嘉陵江"].sections == ""  # no section name confirmed
    frame = data.rivers_frame().set_index("river_zh")
    assert bool(frame["upstream_side"].isna().loc["铜钵河"])


# --------------------------------------------------------------------------- citations


def _figure_sources() -> set[str]:
    """The raw source of every figure of the embedded data (units, provinces, 2021 figures)."""
    return {
        figure.source
        for record in data.all_units()
        for figure in (*record.figures.values(), *record.figures_2021.values())
    }


def test_every_figure_source_has_a_readable_citation_in_both_languages():
    for source in _figure_sources():
        for lang in ("zh", "en"):
            cited = data.citation(source, lang)
            assert cited != source, f"no row of citations.csv names {source!r}"
            assert "/" not in cited, cited  # never a path
            assert not re.search(r"\.(xlsx|csv|html?)\b", cited), cited


def test_every_citation_row_is_used_and_complete():
    sources = _figure_sources()
    for row in data.citations():
        assert all(text.strip() for text in (row.zh, row.en, row.basis)), row.key
        assert any(row.key in source for source in sources), f"citations.csv row {row.key!r} cites nothing"
    keys = [row.key for row in data.citations()]
    assert len(keys) == len(set(keys))


def test_a_citation_names_the_primary_reference_not_a_cross_check():
    chengdu_gdp = data.unit("510100").figure("gdp").source  # czcf.com, cross-checked against the yearbook
    assert "中国城市统计年鉴2023" in chengdu_gdp
    assert data.citation(chengdu_gdp, "zh").startswith("czcf.com")
    census = data.unit("500112").figure("population").source
    assert data.citation(census, "zh").startswith("各区县统计局《第七次全国人口普查公报》，2021年")
    assert data.citation(census, "en").startswith("District and county statistics bureaus, Bulletins of the 7th")


def test_a_source_no_citation_names_is_printed_as_typed():
    assert data.citation("渝北区财政局提供（2025年3月函）", "zh") == "渝北区财政局提供（2025年3月函）"
