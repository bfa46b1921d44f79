"""Monitoring data of a basin agreement: read from CSV or Excel, checked against the agreement, written back.

Format
======

One row per sample, a header line first. Six columns, in any order, headed in English or in Chinese:

=============  ==================  ==========================================================================
English        Chinese             content
=============  ==================  ==========================================================================
``date``       ``日期``            the sampling date: ``2025-01-15``, ``2025/1/15``, ``2025.1.15`` or
                                   ``2025年1月15日`` (an Excel date cell also works)
``section``    ``断面``            the assessment section, exactly as the agreement names it
``indicator``  ``指标``            the indicator code, exactly as the agreement names it (``CODMn``, ``NH3-N``)
``value``      ``浓度``            the concentration: an exact decimal, not negative, at most 10¹⁵ with at
                                   most 12 decimals (the bounds of :mod:`..numbers`)
``unit``       ``单位``            the indicator's unit as the agreement gives it (``mg/L``; letter case aside)
``flow_m3``    ``月水量(立方米)``  the section's water volume in that month, m³; optional (column or cell)
=============  ==================  ==========================================================================

Rows are counted as a spreadsheet counts them: row 1 is the header line (in Excel, the sheet's row number).
Wholly empty rows are skipped. Any other column is refused (a misspelt header would otherwise drop its data).

Files:

* CSV, comma-separated, in UTF-8, UTF-8 with a byte-order mark, or GB18030 (what a Chinese Excel writes as
  "CSV"). Decoding: a BOM means UTF-8; otherwise strict UTF-8 is tried, then GB18030.
* Excel ``.xlsx``: the sheet named ``监测数据`` if there is one, else the first sheet. Numbers may be number or
  text cells; a number cell is read as the shortest decimal that gives the same float (``5.088``).

Checks (:func:`read_monitoring`), each reported with its row and column: an unknown section or indicator, a
value that is not a number, is negative or is too large, a unit other than the indicator's, a bad date or one
outside the agreement period, a duplicate sample (same date, section and indicator; the problem names the row
it duplicates), and — reported by section and month, with no row — a month of the period in which a section has
no sample at all. Reading is all-or-nothing: any problem raises :class:`MonitoringError` with the whole list,
and no record is returned.

Writing: :func:`write_monitoring_csv` gives UTF-8 with a BOM (so a Chinese Excel opens it correctly) and the
Chinese headers; :func:`write_monitoring_xlsx` gives a workbook with the sheet ``监测数据``, real date cells,
and numbers as number cells where a float holds them exactly (text cells otherwise, so nothing is rounded).
Both read back to the same records.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import math
import os
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ...bilingual import Bilingual
from ...numbers import NumberError, TextError, canonical_decimal, check_text, excerpt, parse_decimal

__all__ = [
    "COLUMNS",
    "SHEET_NAME",
    "MonitoringError",
    "MonitoringProblem",
    "MonitoringRecord",
    "read_monitoring",
    "write_monitoring_csv",
    "write_monitoring_xlsx",
]

SHEET_NAME = "监测数据"
"""The sheet read when a workbook has it, and the sheet written."""

COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", "日期"),
    ("section", "断面"),
    ("indicator", "指标"),
    ("value", "浓度"),
    ("unit", "单位"),
    ("flow_m3", "月水量(立方米)"),
)
"""Each column's key (its English header) and its Chinese header."""

_REQUIRED = ("date", "section", "indicator", "value", "unit")
_ZH = dict(COLUMNS)
_HEADERS = {en: en for en, _ in COLUMNS} | {zh: en for en, zh in COLUMNS} | {"月水量（立方米）": "flow_m3"}
MAX_PROBLEMS = 200
"""Problems listed before the list is cut short (a file of garbage need not list a million)."""
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


@dataclass(frozen=True)
class MonitoringRecord:
    """One sample: a concentration of one indicator at one section on one date, with the month's flow."""

    date: datetime.date
    section: str
    indicator: str
    value: Decimal
    """Concentration, in ``unit``."""
    unit: str
    flow: Decimal | None = None
    """The section's water volume in the sample's month, m³; None when not given."""

    @property
    def month(self) -> tuple[int, int]:
        """(year, month) of the sample."""
        return (self.date.year, self.date.month)


@dataclass(frozen=True)
class MonitoringProblem:
    """Why a file cannot be imported, in both languages.

    ``code`` is one of: ``file`` (unreadable), ``header``, ``columns`` (a missing, unknown or repeated column),
    ``cells`` (more cells than headers), ``date``, ``period`` (a date outside the agreement period), ``text``
    (a cell a renderer cannot print), ``missing`` (an empty required cell), ``unknown_section``,
    ``unknown_indicator``, ``unit``, ``value`` (not a usable number), ``negative``, ``duplicate``,
    ``no_sample`` (a section with no sample in a month of the period) and ``too_many`` (the list was cut).
    """

    code: str
    text: Bilingual
    row: int | None = None
    """1 = the header line; None for a problem of the whole file or of a month."""
    column: str | None = None
    """The column's key (its English header, see :data:`COLUMNS`)."""
    duplicate_of: int | None = None
    """For ``duplicate``: the row of the first sample with the same date, section and indicator."""
    section: str | None = None
    """For ``no_sample``: the section."""
    month: tuple[int, int] | None = None
    """For ``no_sample``: (year, month)."""


class MonitoringError(ValueError):
    """Monitoring data that cannot be imported; ``problems`` lists every problem found, ``text`` sums up."""

    def __init__(self, problems: Sequence[MonitoringProblem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0].text if self.problems else Bilingual("无法导入", "cannot be imported")
        more = len(self.problems) - 1
        self.text = Bilingual(
            first.zh + (f"（另有{more}个问题）" if more > 0 else ""),
            first.en + (f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""),
        )
        super().__init__(self.text.en)


# --- reading ----------------------------------------------------------------------------------------------


def read_monitoring(
    source: bytes | os.PathLike[str],
    *,
    sections: Collection[str],
    indicators: Mapping[str, str],
    period: tuple[datetime.date, datetime.date],
) -> tuple[MonitoringRecord, ...]:
    """The samples of a CSV or ``.xlsx`` file, checked against the agreement; all of them or none.

    ``source``: the file's bytes or its path; an ``.xlsx`` is recognised by its content (a ZIP archive), not by
    its name. ``sections``: the agreement's section names (a mapping works: its keys are used).
    ``indicators``: each indicator's code and its unit (``{"CODMn": "mg/L"}``). ``period``: the first and the
    last month of the agreement, as dates (only their year and month count); every section needs at least one
    sample in each of these months, and no sample may fall outside them.

    Returns the records sorted by section, date and indicator (by code point, so the order does not depend on
    the file's). Raises :class:`MonitoringError` listing every problem — and nothing else, whatever the bytes.
    """
    known_sections = frozenset(sections)
    units = dict(indicators)
    first, last = (period[0].year, period[0].month), (period[1].year, period[1].month)
    if first > last:
        raise ValueError(f"period {period!r} ends before it begins")
    raw = _read_source(source)
    rows = _rows(raw)
    return _check(rows, known_sections, units, first, last)


def _read_source(source: bytes | os.PathLike[str]) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise MonitoringError(
            [MonitoringProblem("file", Bilingual(f"无法打开文件：{exc.strerror}", f"cannot open the file: {exc}"))]
        ) from None


def _file_problem(zh: str, en: str) -> MonitoringError:
    return MonitoringError([MonitoringProblem("file", Bilingual(zh, en))])


def _rows(raw: bytes) -> list[tuple[int, list[object]]]:
    """(row number, cells) of every non-empty row, the header first."""
    if raw.startswith(b"PK\x03\x04"):
        rows = _xlsx_rows(raw)
    elif raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise _file_problem(
            "这是旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV", "is an old Excel (.xls) file; save it as .xlsx or CSV"
        )
    else:
        rows = _csv_rows(_decode(raw))
    return [(number, cells) for number, cells in rows if any(_text(cell) for cell in cells)]


def _decode(raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _file_problem(
                f"不是有效的 UTF-8 文本（第{exc.start}字节）", f"is not valid UTF-8 text (byte offset {exc.start})"
            ) from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in raw[:4096]:
        raise _file_problem(
            "是 UTF-16 文本或二进制文件；请存为 CSV（UTF-8 或 GB18030）或 .xlsx",
            "is UTF-16 text or a binary file; save it as CSV (UTF-8 or GB18030) or .xlsx",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise _file_problem(
            f"既不是 UTF-8 也不是 GB18030 文本（第{exc.start}字节）",
            f"is neither UTF-8 nor GB18030 text (byte offset {exc.start})",
        ) from None


def _csv_rows(text: str) -> list[tuple[int, list[object]]]:
    rows: list[tuple[int, list[object]]] = []
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            rows.append((number, list(cells)))
    except csv.Error as exc:
        row = len(rows) + 1
        raise _file_problem(f"CSV 格式错误（第{row}行）：{exc}", f"is not valid CSV (row {row}): {exc}") from None
    return rows


def _xlsx_rows(raw: bytes) -> list[tuple[int, list[object]]]:
    import openpyxl  # only for workbooks: the CSV path and the rest of the engine do without

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            if not book.sheetnames:
                raise _file_problem("工作簿中没有工作表", "the workbook has no sheet")
            sheet = book[SHEET_NAME] if SHEET_NAME in book.sheetnames else book.worksheets[0]
            return [(number, list(cells)) for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1)]
        finally:
            book.close()
    except MonitoringError:
        raise
    except Exception as exc:  # a damaged workbook fails in many ways inside zipfile, XML and openpyxl
        raise _file_problem(
            f"无法读取 Excel 工作簿（{excerpt(type(exc).__name__, 40)}）",
            f"cannot be read as an Excel workbook ({excerpt(str(exc) or type(exc).__name__, 60)})",
        ) from None


def _text(cell: object) -> str:
    """A cell as text, stripped; numbers as the shortest decimal that gives them back."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, float):
        return repr(cell) if math.isfinite(cell) else str(cell)
    if isinstance(cell, datetime.datetime | datetime.date | datetime.time):
        return cell.isoformat()
    return str(cell).strip()


# --- checking ---------------------------------------------------------------------------------------------


class _Problems:
    def __init__(self) -> None:
        self.items: list[MonitoringProblem] = []

    def add(self, code: str, row: int | None, column: str | None, zh: str, en: str, **extra: object) -> None:
        where_zh = f"第{row}行" if row is not None else ""
        where_en = f"row {row}" if row is not None else ""
        if column is not None:
            where_zh += f"“{_ZH[column]}”列"
            where_en += f", column '{column}' ({_ZH[column]})" if where_en else f"column '{column}' ({_ZH[column]})"
        text = Bilingual(f"{where_zh}：{zh}" if where_zh else zh, f"{where_en}: {en}" if where_en else en)
        self.items.append(MonitoringProblem(code, text, row, column, **extra))  # type: ignore[arg-type]


def _check(
    rows: list[tuple[int, list[object]]],
    sections: frozenset[str],
    units: dict[str, str],
    first: tuple[int, int],
    last: tuple[int, int],
) -> tuple[MonitoringRecord, ...]:
    problems = _Problems()
    if not rows:
        raise _file_problem("文件为空：第一行应为列标题", "is empty: the first row must be the column headers")
    header_row, header = rows[0]
    columns = _columns(header_row, header, problems)
    if problems.items:
        raise MonitoringError(problems.items)

    records: list[tuple[int, MonitoringRecord]] = []
    seen: dict[tuple[datetime.date, str, str], int] = {}
    covered: set[tuple[str, tuple[int, int]]] = set()
    for number, cells in rows[1:]:
        if len(problems.items) > MAX_PROBLEMS:
            break
        record = _record(number, cells, columns, sections, units, first, last, problems, seen, covered)
        if record is not None:
            records.append((number, record))

    months = list(_months(first, last))
    for section in sorted(sections):
        for year, month in months:
            if (section, (year, month)) not in covered:
                problems.add(
                    "no_sample",
                    None,
                    None,
                    f"断面“{section}”在{year}年{month}月没有监测数据",
                    f"section '{section}' has no sample in {year}-{month:02d}",
                    section=section,
                    month=(year, month),
                )
    if problems.items:
        if len(problems.items) > MAX_PROBLEMS:
            problems.items = problems.items[:MAX_PROBLEMS]
            problems.add(
                "too_many",
                None,
                None,
                f"问题过多：只列出前{MAX_PROBLEMS}个，其余部分未检查",
                f"too many problems: the first {MAX_PROBLEMS} are listed, the rest was not checked",
            )
        raise MonitoringError(problems.items)
    return tuple(sorted((r for _, r in records), key=lambda r: (r.section, r.date, r.indicator)))


def _columns(number: int, header: list[object], problems: _Problems) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _text(cell)
        if not name:
            continue
        key = _HEADERS.get(name) or _HEADERS.get(name.lower())
        if key is None:
            problems.add(
                "columns",
                number,
                None,
                f"第{index + 1}列的标题“{excerpt(name)}”无法识别",
                f"column {index + 1}: unknown header '{excerpt(name)}'",
            )
        elif key in columns:
            problems.add("columns", number, key, "重复出现", "appears twice")
        else:
            columns[key] = index
    for key in _REQUIRED:
        if key not in columns:
            problems.add("columns", number, key, "缺少此列", "is missing")
    return columns


def _record(
    number: int,
    cells: list[object],
    columns: dict[str, int],
    sections: frozenset[str],
    units: dict[str, str],
    first: tuple[int, int],
    last: tuple[int, int],
    problems: _Problems,
    seen: dict[tuple[datetime.date, str, str], int],
    covered: set[tuple[str, tuple[int, int]]],
) -> MonitoringRecord | None:
    before = len(problems.items)
    used = set(columns.values())
    extra = [i for i, cell in enumerate(cells) if i not in used and _text(cell)]
    if extra:
        problems.add(
            "cells",
            number,
            None,
            f"第{extra[0] + 1}列有内容但没有列标题",
            f"column {extra[0] + 1} has a value but no header",
        )

    def cell(key: str) -> object:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    def text(key: str) -> str | None:
        value = _text(cell(key))
        try:
            check_text(value)
        except TextError as exc:
            problems.add("text", number, key, exc.text.zh, exc.text.en)
            return None
        if not value and key in _REQUIRED:
            problems.add("missing", number, key, "不能为空", "is empty")
            return None
        return value

    date = _date(number, cell("date"), problems)
    if date is not None and not first <= (date.year, date.month) <= last:
        problems.add(
            "period",
            number,
            "date",
            f"{date.isoformat()}不在协议期内（{first[0]}年{first[1]}月至{last[0]}年{last[1]}月）",
            f"{date.isoformat()} is outside the agreement period "
            f"({first[0]}-{first[1]:02d} to {last[0]}-{last[1]:02d})",
        )
    section = text("section")
    if section is not None and section not in sections:
        problems.add(
            "unknown_section",
            number,
            "section",
            f"未知断面“{excerpt(section)}”",
            f"unknown section '{excerpt(section)}'",
        )
        section = None
    indicator = text("indicator")
    if indicator is not None and indicator not in units:
        problems.add(
            "unknown_indicator",
            number,
            "indicator",
            f"未知指标“{excerpt(indicator)}”",
            f"unknown indicator '{excerpt(indicator)}'",
        )
        indicator = None
    value = _number(number, "value", cell("value"), problems, required=True)
    unit = text("unit")
    if unit is not None and indicator is not None and unit.casefold() != units[indicator].casefold():
        problems.add(
            "unit",
            number,
            "unit",
            f"指标{indicator}的单位应为{units[indicator]}，而不是“{excerpt(unit)}”",
            f"the unit of {indicator} is {units[indicator]}, not '{excerpt(unit)}'",
        )
    flow = _number(number, "flow_m3", cell("flow_m3"), problems, required=False)

    if date is not None and section is not None:
        covered.add((section, (date.year, date.month)))
        if indicator is not None:
            key = (date, section, indicator)
            if key in seen:
                problems.add(
                    "duplicate",
                    number,
                    None,
                    f"与第{seen[key]}行重复（日期、断面、指标相同）",
                    f"duplicates row {seen[key]} (same date, section and indicator)",
                    duplicate_of=seen[key],
                )
            else:
                seen[key] = number
    if len(problems.items) > before or None in (date, section, indicator, value):
        return None
    assert date is not None
    assert section is not None
    assert indicator is not None
    assert value is not None
    return MonitoringRecord(date, section, indicator, value, units[indicator], flow)


def _date(number: int, cell: object, problems: _Problems) -> datetime.date | None:
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    text = _text(cell)
    if not text:
        problems.add("missing", number, "date", "不能为空", "is empty")
        return None
    match = _DATE.fullmatch(text)
    if match is not None:
        try:
            return datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    problems.add(
        "date",
        number,
        "date",
        f"“{excerpt(text)}”不是有效日期（应写作 2025-01-15）",
        f"'{excerpt(text)}' is not a valid date (write it as 2025-01-15)",
    )
    return None


def _number(number: int, key: str, cell: object, problems: _Problems, *, required: bool) -> Decimal | None:
    if isinstance(cell, bool):
        cell = str(cell)
    text = _text(cell) if isinstance(cell, float) else cell
    if text is None or (isinstance(text, str) and not text.strip()):
        if required:
            problems.add("missing", number, key, "不能为空", "is empty")
        return None
    try:
        parsed = parse_decimal(text, allow_negative=True)
    except NumberError as exc:
        problems.add("value", number, key, exc.text.zh, exc.text.en)
        return None
    if parsed < 0:
        what = ("浓度", "concentration") if key == "value" else ("水量", "flow")
        problems.add(
            "negative",
            number,
            key,
            f"{what[0]}不能为负数（输入为{excerpt(_text(cell))}）",
            f"a {what[1]} must not be negative (got {excerpt(_text(cell))})",
        )
        return None
    return parsed


def _months(first: tuple[int, int], last: tuple[int, int]) -> Iterator[tuple[int, int]]:
    year, month = first
    while (year, month) <= last:
        yield (year, month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


# --- writing ----------------------------------------------------------------------------------------------


def _cells(record: MonitoringRecord) -> list[str]:
    flow = "" if record.flow is None else canonical_decimal(record.flow)
    return [
        record.date.isoformat(),
        record.section,
        record.indicator,
        canonical_decimal(record.value),
        record.unit,
        flow,
    ]


def write_monitoring_csv(records: Iterable[MonitoringRecord]) -> bytes:
    """The records as CSV: UTF-8 with a BOM, Chinese headers, CRLF line ends (as Excel writes them)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([zh for _, zh in COLUMNS])
    writer.writerows(_cells(record) for record in records)
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


def _exact_number(number: Decimal) -> float | str:
    """A float where it says the decimal exactly when read back (shortest repr), else the decimal's text."""
    as_float = float(number)
    return as_float if Decimal(repr(as_float)) == number else canonical_decimal(number)


def write_monitoring_xlsx(records: Iterable[MonitoringRecord]) -> bytes:
    """The records as an ``.xlsx`` workbook with one sheet, ``监测数据``, and the Chinese headers."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME
    sheet.append([zh for _, zh in COLUMNS])
    for record in records:
        flow = None if record.flow is None else _exact_number(record.flow)
        sheet.append([record.date, record.section, record.indicator, _exact_number(record.value), record.unit, flow])
        row = sheet.max_row
        sheet.cell(row=row, column=1).number_format = "yyyy-mm-dd"
        for column in (2, 3, 5):  # a name that starts with "=" is text, not a formula
            sheet.cell(row=row, column=column).data_type = "s"
    for letter, width in zip("ABCDEF", (12, 20, 10, 10, 8, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
