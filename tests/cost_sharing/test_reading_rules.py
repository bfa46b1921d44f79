"""Reading rules from issue 8: huge numbers, encodings, duplicate keys and short one-line messages."""

import json

import pytest

from chengyu_accord.cost_sharing.storage import (
    EXCERPT_CHARS,
    Problem,
    ScenarioFileError,
    excerpt,
    parse_scenario_bytes,
    scenario_to_bytes,
)


def problems_of(raw: bytes) -> list[str]:
    with pytest.raises(ScenarioFileError) as info:
        parse_scenario_bytes(raw)
    problems = [str(p) for p in info.value.problems]
    assert problems
    assert all("\n" not in p and "\r" not in p and len(p) < 400 for p in problems), problems
    return problems


def with_raw_value(scenario, field: str, literal: bytes) -> bytes:
    """The scenario's bytes with the value of ``title`` replaced by a raw JSON literal under ``field``."""
    text = scenario_to_bytes(scenario)
    marker = json.dumps(scenario.title, ensure_ascii=False).encode("utf-8")
    return text.replace(b'"title": ' + marker, b'"title": ' + marker + b',\n  "' + field.encode() + b'": ' + literal)


# --- finding 2: numbers Python's parser cannot take ------------------------------------------------


def test_an_integer_of_more_than_4300_digits_is_refused_with_its_position(small_scenario):
    problems = problems_of(with_raw_value(small_scenario, "huge", b"9" * 5000))
    assert len(problems) == 1
    assert problems[0].startswith("line 4, column 11: a number of 5,000 digits is far too long")


@pytest.mark.parametrize("literal", [b"9e99999999", b"-1E-5000", b"1e1000000"])
def test_a_decimal_exponent_out_of_range_is_refused_with_its_position(small_scenario, literal):
    problems = problems_of(with_raw_value(small_scenario, "huge", literal))
    assert problems == [f"line 4, column 11: the number {literal.decode()} is out of range (beyond 10^±1000)"]


def test_a_large_but_sane_number_still_reaches_validation(small_scenario):
    """Bounds are the model's business: the reader only refuses what it cannot even hold."""
    raw = with_raw_value(small_scenario, "huge", b"1" + b"0" * 40)
    problems = problems_of(raw)
    assert all(not p.startswith("line ") for p in problems), problems  # named by field, not by parse position


# --- finding 6: messages say what is really wrong, on one short line ----------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_called_utf16_not_binary(small_scenario, encoding):
    raw = scenario_to_bytes(small_scenario).decode("utf-8").encode(encoding)
    assert problems_of(raw) == ["file: is UTF-16 text; save it as UTF-8 and open it again"]


def test_a_real_binary_file_is_still_called_binary():
    assert problems_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00") == [
        "file: is a binary file, not a JSON scenario"
    ]


def test_excerpt_is_one_short_line():
    assert excerpt("1\n2") == "1\\n2"
    assert excerpt("a\r\nb\tc\x00") == "a\\r\\nb\\tc\\u0000"
    long = excerpt("渝" * 1_000_000)
    assert len(long) == EXCERPT_CHARS
    assert long.endswith("…")
    assert excerpt(10**5000) == "a number too long to show"


def test_problems_are_forced_onto_one_line():
    problem = Problem("items[0].weights", "got '1\n2' and " + "x" * 10_000)
    assert "\n" not in str(problem)
    assert len(str(problem)) < 400


def test_a_megabyte_unknown_field_name_is_quoted_as_an_excerpt(small_scenario):
    raw = with_raw_value(small_scenario, "t\\n" + "g" * 1_000_000, b"1")
    (problem,) = problems_of(raw)
    assert problem.startswith("t\\ngggg")
    assert "unknown field" in problem


def test_an_unknown_kind_is_quoted_as_an_excerpt(small_scenario):
    data = json.loads(scenario_to_bytes(small_scenario))
    data["items"][0]["kind"] = "magic\n" + "k" * 5000
    (problem,) = problems_of(json.dumps(data).encode("utf-8"))
    assert problem.startswith("items[0]: unknown kind 'magic\\nkkk")
    assert len(problem) < 200


# --- finding 7: almost-UTF-8 is not GB18030; duplicate keys ---------------------------------------------


def test_a_genuine_gb18030_file_of_chinese_text_is_read(small_scenario):
    raw = scenario_to_bytes(small_scenario).decode("utf-8").encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert parse_scenario_bytes(raw) == small_scenario


def test_utf8_with_one_stray_cp1252_byte_is_refused_with_its_position(small_scenario):
    raw = scenario_to_bytes(small_scenario)
    cut = raw.index("渝北区".encode())
    stray = raw[:cut] + b"\x96" + raw[cut:]  # an en dash pasted from a Windows-1252 document
    line = raw[:cut].count(b"\n") + 1
    column = len(raw[raw.rfind(b"\n", 0, cut) + 1 : cut].decode("utf-8")) + 1
    assert problems_of(stray) == [
        f"file: is not valid UTF-8: byte 0x96 at line {line}, column {column} (offset {cut}); save it as UTF-8"
    ]


def test_almost_utf8_that_would_decode_as_gb18030_is_not_misread():
    raw = b'{"schema_version": 1, "title": "' + "渝北".encode() + b'\x96Abc"}'
    assert raw.decode("gb18030") == '{"schema_version": 1, "title": "娓濆寳朅bc"}'  # what the old reader showed
    assert problems_of(raw) == [
        "file: is not valid UTF-8: byte 0x96 at line 1, column 35 (offset 38); save it as UTF-8"
    ]


def test_utf8_with_bom_and_a_stray_byte_counts_the_bom_in_the_offset_only(small_scenario):
    raw = b"\xef\xbb\xbf" + scenario_to_bytes(small_scenario).replace("测试情景".encode(), "测\x96试情景".encode())
    raw = raw.replace("测\x96".encode(), "测".encode() + b"\x96")
    (problem,) = problems_of(raw)
    offset = raw.index(b"\x96")
    assert f"byte 0x96 at line 3, column 14 (offset {offset})" in problem


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"schema_version": 1, "schema_version": 1}', "schema_version: duplicate key"),
        (b'{"schema_version": 1, "items": [{}, {"kind": "a", "kind": "b"}]}', "items[1].kind: duplicate key"),
        (b'{"schema_version": 1, "t": {"p": {"z": 1, "z": 2}, "p": 3}}', "z: duplicate key"),
    ],
)
def test_duplicate_keys_are_refused_naming_the_key_and_its_path(raw, expected):
    problems = problems_of(raw)
    assert any(p.startswith(expected) for p in problems), problems


def test_a_duplicate_key_in_a_real_scenario_is_named(small_scenario):
    raw = scenario_to_bytes(small_scenario).replace(b'"basis": "population"', b'"basis": "gdp", "basis": "population"')
    assert problems_of(raw) == [
        "items[0].basis: duplicate key: it appears more than once in the same object; keep only one"
    ]
