"""Monitoring data: the shared fixtures import as their README says, every problem is reported by row and column
in both languages, nothing is half-imported, and what is written reads back the same (issue 11, Done-when 2)."""

import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from chengyu_accord.cost_sharing.instruments.eco_compensation.monitoring import (
    COLUMNS,
    SHEET_NAME,
    MonitoringError,
    MonitoringProblem,
    MonitoringRecord,
    read_monitoring,
    write_monitoring_csv,
    write_monitoring_xlsx,
)
from chengyu_accord.cost_sharing.numbers import MAX_QUANTITY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "monitoring"
CLEAN = ("clean-utf8.csv", "clean-utf8-bom.csv", "clean-gb18030.csv", "clean.xlsx")
QIONG, LAIXI = "琼江川渝界断面", "濑溪河渝川界断面"
AGREEMENT = {
    "sections": (QIONG, LAIXI),
    "indicators": {"CODMn": "mg/L", "NH3-N": "mg/L", "TP": "mg/L"},
    "period": (datetime.date(2025, 1, 1), datetime.date(2025, 12, 1)),
}
FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read(source, **changes):
    return read_monitoring(source, **(AGREEMENT | changes))


def problems(source, **changes) -> tuple[MonitoringProblem, ...]:
    with pytest.raises(MonitoringError) as caught:
        read(source, **changes)
    return caught.value.problems


def csv_bytes(*rows: str, header: str = "date,section,indicator,value,unit,flow_m3") -> bytes:
    return "\r\n".join((header, *rows)).encode("utf-8")


def full_year(section: str = QIONG, skip: str = "") -> list[str]:
    return [f"2025-{m:02d}-15,{section},CODMn,4.1,mg/L,1000" for m in range(1, 13) if f"2025-{m:02d}" != skip]


def both_sections(*extra: str) -> bytes:
    return csv_bytes(*full_year(QIONG), *full_year(LAIXI), *extra)


# --- the shared fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clean_records() -> tuple[MonitoringRecord, ...]:
    return read(FIXTURES / "clean-utf8.csv")


@pytest.mark.parametrize("name", CLEAN)
def test_each_clean_fixture_gives_the_same_72_samples(name, clean_records):
    records = read(FIXTURES / name)
    assert len(records) == 72
    assert records == clean_records
    assert read((FIXTURES / name).read_bytes()) == records  # bytes or path alike


def test_the_clean_samples_are_exact_and_in_a_stable_order(clean_records):
    first = MonitoringRecord(datetime.date(2025, 1, 15), QIONG, "CODMn", Decimal("5.088"), "mg/L", Decimal(64000000))
    assert first in clean_records
    assert list(clean_records) == sorted(clean_records, key=lambda r: (r.section, r.date, r.indicator))
    assert {r.section for r in clean_records} == {QIONG, LAIXI}
    assert {r.month for r in clean_records} == {(2025, m) for m in range(1, 13)}
    assert all(isinstance(r.value, Decimal) and isinstance(r.flow, Decimal) for r in clean_records)


def test_the_error_fixture_reports_exactly_its_planted_problems_and_nothing_else():
    found = problems(FIXTURES / "errors-gb18030.csv")
    summary = {(p.code, p.row, p.column, p.duplicate_of, p.section, p.month) for p in found}
    assert summary == {
        ("unknown_indicator", 8, "indicator", None, None, None),
        ("duplicate", 28, None, 27, None, None),
        ("negative", 53, "value", None, None, None),
        ("no_sample", None, None, None, LAIXI, (2025, 7)),
    }
    assert len(found) == 4
    texts = {p.code: p.text for p in found}
    assert "总锰" in texts["unknown_indicator"].zh
    assert "总锰" in texts["unknown_indicator"].en
    assert "第8行" in texts["unknown_indicator"].zh
    assert "指标" in texts["unknown_indicator"].zh
    assert "row 8" in texts["unknown_indicator"].en
    assert "'indicator'" in texts["unknown_indicator"].en
    assert "27" in texts["duplicate"].zh
    assert "row 27" in texts["duplicate"].en
    assert "浓度" in texts["negative"].zh
    assert "negative" in texts["negative"].en
    assert "2025年7月" in texts["no_sample"].zh
    assert "2025-07" in texts["no_sample"].en


def test_the_fixtures_readme_was_copied_with_them():
    assert "errors-gb18030.csv" in (FIXTURES / "README.md").read_text(encoding="utf-8")


# --- each check -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "code", "column", "en"),
    [
        ("2025-03-15,长江断面,CODMn,4,mg/L,1", "unknown_section", "section", "unknown section '长江断面'"),
        (f"2025-03-15,{QIONG},TP,4,μg/L,1", "unit", "unit", "the unit of TP is mg/L"),
        (f"2025-03-15,{QIONG},TP,abc,mg/L,1", "value", "value", "'abc' is not a number"),
        (f"2025-03-15,{QIONG},TP,1e20,mg/L,1", "value", "value", "must not exceed"),
        (f"2025-03-15,{QIONG},TP,NaN,mg/L,1", "value", "value", "finite"),
        (f"2025-03-15,{QIONG},TP,0.1,mg/L,-5", "negative", "flow_m3", "flow must not be negative"),
        (f"2025-02-30,{QIONG},TP,0.1,mg/L,1", "date", "date", "'2025-02-30' is not a valid date"),
        (f"15.03.2025,{QIONG},TP,0.1,mg/L,1", "date", "date", "is not a valid date"),
        (f"2026-01-15,{QIONG},TP,0.1,mg/L,1", "period", "date", "outside the agreement period"),
        (f"2025-03-15,{QIONG},,0.1,mg/L,1", "missing", "indicator", "is empty"),
        (f"2025-03-15,{QIONG},TP,,mg/L,1", "missing", "value", "is empty"),
        (f"2025-03-15,{QIONG}\x07,TP,1,mg/L,1", "text", "section", "control character"),
        (f"2025-03-15,{QIONG},TP,1,mg/L,1,surplus", "cells", None, "column 7 has a value but no header"),
    ],
)
def test_each_problem_is_reported_by_row_and_column_in_both_languages(row, code, column, en):
    (problem,) = problems(both_sections(row))
    assert (problem.code, problem.row, problem.column) == (code, 26, column)
    assert en in problem.text.en
    assert problem.text.en.startswith("row 26")
    assert problem.text.zh.startswith("第26行")
    if column is not None:
        assert f"'{column}'" in problem.text.en
        assert f"“{dict(COLUMNS)[column]}”" in problem.text.zh


def test_a_month_without_any_sample_is_reported_by_section_and_month():
    found = problems(csv_bytes(*full_year(QIONG, skip="2025-04"), *full_year(LAIXI, skip="2025-11")))
    assert {(p.code, p.section, p.month, p.row) for p in found} == {
        ("no_sample", QIONG, (2025, 4), None),
        ("no_sample", LAIXI, (2025, 11), None),
    }


def test_dates_flow_and_units_are_read_leniently_where_it_is_safe():
    rows = [r.replace("2025-03-15", "2025/3/15").replace("mg/L", "MG/l") for r in full_year(QIONG)]
    rows[0] = rows[0].replace(",1000", ",")
    records = read(csv_bytes(*rows, *full_year(LAIXI)))
    assert {r.unit for r in records} == {"mg/L"}  # the agreement's spelling
    assert datetime.date(2025, 3, 15) in {r.date for r in records}
    assert next(r.flow for r in records if r.section == QIONG) is None


def test_columns_in_any_order_and_without_flow():
    rows = [f"{QIONG},4.1,CODMn,mg/L,2025-{m:02d}-01" for m in range(1, 13)]
    rows += [f"{LAIXI},4.1,CODMn,mg/L,2025-{m:02d}-01" for m in range(1, 13)]
    records = read(csv_bytes(*rows, header="断面,浓度,指标,单位,日期"))
    assert len(records) == 24
    assert all(r.flow is None for r in records)


@pytest.mark.parametrize(
    ("raw", "code", "en"),
    [
        (b"", "file", "is empty"),
        (b"\r\n\r\n", "file", "is empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "file", ".xls"),
        ("日期,断面".encode("utf-16"), "file", "UTF-16"),
        (b"\x81\x30\xff\xff", "file", "neither UTF-8 nor GB18030"),
        (b"PK\x03\x04garbage", "file", "Excel workbook"),
        (csv_bytes(header="date,section,indicator,value"), "columns", "column 'unit' (单位): is missing"),
        (csv_bytes(header="date,section,indicator,value,unit,flow,区县"), "columns", "unknown header 'flow'"),
        (csv_bytes(header="date,section,indicator,value,unit,单位"), "columns", "appears twice"),
    ],
)
def test_an_unreadable_file_or_header_is_refused_whole(raw, code, en):
    found = problems(raw)
    assert found[0].code == code
    assert any(en in p.text.en for p in found), [p.text.en for p in found]


def test_a_file_full_of_problems_lists_a_bounded_number_of_them():
    rows = [f"2025-01-15,x{i},y,z,w,v" for i in range(2000)]
    found = problems(csv_bytes(*rows))
    assert len(found) <= 202
    assert found[-1].code == "too_many"


def test_the_sheet_named_for_monitoring_data_is_read_else_the_first(clean_records):
    book = openpyxl.load_workbook(FIXTURES / "clean.xlsx")
    book.create_sheet("说明", 0).append(["这张表不是数据"])
    out = io.BytesIO()
    book.save(out)
    assert read(out.getvalue()) == clean_records
    book[SHEET_NAME].title = "Sheet2"
    out = io.BytesIO()
    book.save(out)
    assert problems(out.getvalue())[0].code == "columns"  # the first sheet is now the note


def test_a_missing_path_is_a_monitoring_error(tmp_path):
    assert problems(tmp_path / "nowhere.csv")[0].code == "file"


# --- writing ---------------------------------------------------------------------------------------------


def test_csv_is_written_with_a_bom_and_chinese_headers_and_reads_back(clean_records):
    raw = write_monitoring_csv(clean_records)
    assert raw.startswith("\ufeff日期,断面,指标,浓度,单位,月水量(立方米)\r\n".encode())
    assert read(raw) == clean_records


def test_xlsx_is_written_with_the_monitoring_sheet_and_reads_back(clean_records):
    raw = write_monitoring_xlsx(clean_records)
    book = openpyxl.load_workbook(io.BytesIO(raw))
    assert book.sheetnames == [SHEET_NAME]
    assert [c.value for c in book[SHEET_NAME][1]] == [zh for _, zh in COLUMNS]
    assert read(raw) == clean_records


def test_xlsx_keeps_values_a_float_cannot_hold_and_names_that_look_like_formulas():
    value = Decimal("123456789012345.123456789012")
    record = MonitoringRecord(datetime.date(2025, 1, 1), "=SUM(A1)", "TP", value, "mg/L", Decimal("0.1"))
    agreement = {"sections": ["=SUM(A1)"], "indicators": {"TP": "mg/L"}}
    period = (datetime.date(2025, 1, 1), datetime.date(2025, 1, 1))
    for raw in (write_monitoring_xlsx([record]), write_monitoring_csv([record])):
        assert read_monitoring(raw, **agreement, period=period) == (record,)


# --- Hypothesis: round trips, garbage, mutations -------------------------------------------------------

NAME = st.text(alphabet='琼江濑溪河嘉陵渝川界断面AbZ0-_()（）," ′', min_size=1, max_size=8).filter(
    lambda s: s == s.strip() and any(c not in " -_" for c in s)
)
UNITS = ("mg/L", "μg/L", "个/L")
DECIMALS = st.builds(
    lambda digits, places: Decimal(digits).scaleb(-places),
    st.integers(0, 10**15),
    st.integers(0, 12),
)
FLOWS = st.none() | st.builds(Decimal, st.integers(0, 10**12))


@st.composite
def tables(draw):
    sections = draw(st.lists(NAME, min_size=1, max_size=3, unique=True))
    indicators = draw(st.dictionaries(NAME, st.sampled_from(UNITS), min_size=1, max_size=3))
    year, first_month, count = draw(st.integers(1990, 2060)), draw(st.integers(1, 12)), draw(st.integers(1, 3))
    months = [(year + (first_month - 1 + i) // 12, (first_month - 1 + i) % 12 + 1) for i in range(count)]
    records = []
    for section in sections:
        for y, m in months:
            day, flow = draw(st.integers(1, 28)), draw(FLOWS)
            chosen = draw(st.lists(st.sampled_from(sorted(indicators)), min_size=1, unique=True))
            for indicator in chosen:
                value = draw(DECIMALS)
                assume(value <= MAX_QUANTITY)
                records.append(
                    MonitoringRecord(datetime.date(y, m, day), section, indicator, value, indicators[indicator], flow)
                )
    agreement = {
        "sections": sections,
        "indicators": indicators,
        "period": (datetime.date(*months[0], 1), datetime.date(*months[-1], 1)),
    }
    shuffled = draw(st.permutations(records))
    return agreement, shuffled, tuple(sorted(records, key=lambda r: (r.section, r.date, r.indicator)))


@FEW
@given(tables(), st.sampled_from(("utf-8-sig", "utf-8", "gb18030")))
def test_random_valid_tables_round_trip_through_csv_in_each_encoding(table, encoding):
    agreement, records, expected = table
    text = write_monitoring_csv(records).decode("utf-8-sig")
    raw = text.encode(encoding)
    if encoding == "gb18030":
        try:  # the documented rule tries UTF-8 first: GB18030 bytes that happen to be valid UTF-8 read as UTF-8
            raw.decode("utf-8")
            assume(text.isascii())
        except UnicodeDecodeError:
            pass
    assert read_monitoring(raw, **agreement) == expected


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_random_valid_tables_round_trip_through_xlsx(table):
    agreement, records, expected = table
    assert read_monitoring(write_monitoring_xlsx(records), **agreement) == expected


def outcome(raw: bytes, agreement) -> tuple[MonitoringRecord, ...] | None:
    """The records, or None for the documented refusal; any other exception fails the test."""
    try:
        return read_monitoring(raw, **agreement)
    except MonitoringError as exc:
        refused = exc
    assert refused.problems
    assert all(p.text.zh and p.text.en for p in refused.problems)
    return None


@FEW
@given(st.binary(max_size=400) | st.binary(max_size=400).map(lambda b: b"PK\x03\x04" + b))
def test_byte_garbage_is_refused_with_the_documented_error_only(raw):
    outcome(raw, AGREEMENT)


@FEW
@given(st.binary(max_size=200).map(lambda b: csv_bytes().decode("utf-8").encode("utf-8") + b"\r\n" + b))
def test_garbage_after_a_good_header_is_refused_with_the_documented_error_only(raw):
    outcome(raw, AGREEMENT)


def data_rows(raw: bytes) -> int:
    text = raw.decode("utf-8-sig")
    return sum(1 for row in list(csv.reader(io.StringIO(text, newline="")))[1:] if any(c.strip() for c in row))


@FEW
@given(
    tables(),
    st.data(),
    st.sampled_from(("replace", "delete", "repeat")),
    st.text(alphabet='0123456789.-,"\n\r e琼江xNaN/', max_size=12),
)
def test_a_mutated_row_gives_all_the_records_or_none(table, data, how, garbage):
    agreement, records, _ = table
    lines = write_monitoring_csv(records).decode("utf-8-sig").split("\r\n")
    row = data.draw(st.integers(1, len(records)))
    cells = next(csv.reader([lines[row]]))
    if how == "replace":
        cells[data.draw(st.integers(0, 5))] = garbage
        lines[row] = _csv_line(cells)
    elif how == "delete":
        del lines[row]
    else:
        lines.insert(row, lines[row])
    raw = "\r\n".join(lines).encode("utf-8")
    result = outcome(raw, agreement)
    if how == "repeat":
        assert result is None  # a duplicate sample
    if result is not None:
        assert len(result) == data_rows(raw)  # every row taken, none dropped


def _csv_line(cells: list[str]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="").writerow(cells)
    return out.getvalue()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(2, 73),
    st.integers(1, 7),
    st.none()
    | st.text(max_size=10)
    | st.integers(-(10**20), 10**20)
    | st.floats()
    | st.booleans()
    | st.datetimes(min_value=datetime.datetime(1900, 3, 1)),
)
def test_a_mutated_workbook_cell_gives_all_the_records_or_none(row, column, value):
    book = openpyxl.load_workbook(FIXTURES / "clean.xlsx")
    cell = book[SHEET_NAME].cell(row=row, column=column)
    try:
        cell.value = value
    except IllegalCharacterError:  # text openpyxl itself refuses to store (control characters)
        assume(False)
    out = io.BytesIO()
    book.save(out)
    result = outcome(out.getvalue(), AGREEMENT)
    assert result is None or len(result) == 72


@FEW
@given(st.integers(0, 7000))
def test_a_truncated_workbook_is_refused_whole(cut):
    raw = (FIXTURES / "clean.xlsx").read_bytes()
    assume(cut < len(raw))
    assert outcome(raw[:cut], AGREEMENT) is None
