"""Scenario files: strict reading with field-naming problems, round trips, crash-safe saves."""

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.scenario import SCHEMA_VERSION, Scenario
from chengyu_accord.cost_sharing.storage import (
    ScenarioFileError,
    migrate,
    parse_scenario_bytes,
    read_scenario,
    save_scenario,
    scenario_to_bytes,
)


def problems_of(raw: bytes) -> list[str]:
    with pytest.raises(ScenarioFileError) as info:
        parse_scenario_bytes(raw)
    return [str(p) for p in info.value.problems]


def mutated(scenario: Scenario, change) -> bytes:
    data = json.loads(scenario_to_bytes(scenario))
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def test_save_and_reopen_gives_an_identical_scenario(small_scenario, tmp_path):
    path = tmp_path / "情景.json"
    save_scenario(small_scenario, path)
    again = read_scenario(path)
    assert again == small_scenario
    assert scenario_to_bytes(again) == path.read_bytes()


def test_reads_utf8_with_bom_and_gb18030(small_scenario):
    text = scenario_to_bytes(small_scenario).decode("utf-8")
    assert parse_scenario_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == small_scenario
    assert parse_scenario_bytes(text.encode("gb18030")) == small_scenario


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["items"][0].update(amount_fen=-1), "items[0].amount_fen: must not be negative"),
        (lambda d: d["items"][0].update(amount_fen="100"), "items[0].amount_fen: expected a whole number"),
        (lambda d: d["items"][0].update(amount_fen=1.5), "items[0].amount_fen: expected a whole number"),
        (
            lambda d: d["items"][0].update(parties=["500112", "999999"]),
            "items[0].parties[1]: unknown party id '999999'",
        ),
        (
            lambda d: d.update(schema_version=SCHEMA_VERSION + 1),
            "schema_version: the file was written by a newer Accord",
        ),
        (lambda d: d.pop("schema_version"), "schema_version: required field is missing"),
        (lambda d: d.update(title=7), "title: expected text"),
        (lambda d: d["parties"][0]["figures"]["population"].update(value="-3"), "parties[0].figures.population.value"),
        (lambda d: d["parties"][0]["figures"]["population"].update(value="abc"), "is not a number"),
        (lambda d: d["parties"].append(dict(d["parties"][0])), "parties[3]: duplicate party id '500112'"),
        (lambda d: d["items"][0].update(kind="tax_magic"), "items[0]: unknown kind 'tax_magic'"),
        (lambda d: d["items"][0].update(colour="red"), "items[0].colour: unknown field"),
        (lambda d: d["items"][0].update(weights={"nobody": "1"}), "items[0].weights.nobody: unknown party id"),
        (lambda d: d["items"][0].update(basis="height"), "items[0].basis: must be one of"),
    ],
)
def test_each_problem_is_one_line_naming_the_field(small_scenario, change, expected):
    problems = problems_of(mutated(small_scenario, change))
    assert any(expected in p for p in problems), problems
    assert all("\n" not in p and "Traceback" not in p for p in problems)


def test_nan_names_its_field(small_scenario):
    raw = scenario_to_bytes(small_scenario).replace(b'"219.15"', b"NaN")
    assert problems_of(raw) == [
        "parties[0].figures.population.value: must be a finite number (NaN and infinity are not allowed)"
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "file: is empty"),
        (b"   \n", "file: is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file: is a binary file"),
        (b"[1, 2]", "file: must hold a JSON object at the top"),
        (b'{"schema_version": 1, "title": "x"', "not valid JSON"),
        (b"\xfa\xfb\xff\xff", "not UTF-8 or GB18030 text"),
        (b"\xff\xfe{\x00}\x00", "file: is UTF-16 text; save it as UTF-8"),
    ],
)
def test_malformed_files_are_refused_clearly(raw, expected):
    assert any(expected in p for p in problems_of(raw))


def test_truncated_file_says_so(small_scenario):
    raw = scenario_to_bytes(small_scenario)
    problems = problems_of(raw[: len(raw) // 2])
    assert len(problems) == 1
    assert problems[0].startswith("line ")
    assert "truncated" in problems[0]


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise_anything_but_a_file_error(raw):
    problems: list = []
    try:
        parse_scenario_bytes(raw)
    except ScenarioFileError as exc:
        problems = exc.problems
        assert problems  # an error always says what is wrong
    assert all(str(p) for p in problems)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_cutting_a_valid_file_anywhere_gives_a_clear_problem(small_scenario, data):
    raw = scenario_to_bytes(small_scenario)
    cut = data.draw(st.integers(min_value=0, max_value=len(raw) - 3))
    with pytest.raises(ScenarioFileError) as info:
        parse_scenario_bytes(raw[:cut])
    assert info.value.problems


def test_migration_chain_brings_old_formats_forward():
    def v1_to_v2(data):
        data["renamed"] = data.pop("old")
        return data

    latest = SCHEMA_VERSION + 1
    assert migrate({"schema_version": SCHEMA_VERSION, "old": 1}, {SCHEMA_VERSION: v1_to_v2}) == {
        "schema_version": latest,
        "renamed": 1,
    }
    with pytest.raises(ScenarioFileError, match="format 0 is not a known Accord format"):
        migrate({"schema_version": 0})


def test_read_reports_missing_file_and_folder(tmp_path):
    with pytest.raises(ScenarioFileError, match="does not exist"):
        read_scenario(tmp_path / "nope.json")
    with pytest.raises(ScenarioFileError, match="folder"):
        read_scenario(tmp_path)


# --- crash safety ------------------------------------------------------------------------------

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from chengyu_accord.cost_sharing import storage

    target, source, stage = sys.argv[1:4]

    def checkpoint(name):
        if name == stage:
            os.kill(os.getpid(), signal.SIGKILL)

    storage._checkpoint = checkpoint
    storage.save_scenario(storage.read_scenario(source), target)
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL fault injection needs POSIX")
@pytest.mark.parametrize("stage", ["partial-write", "before-fsync", "before-rename", "none"])
def test_a_save_killed_at_any_stage_leaves_the_old_or_the_new_file(small_scenario, tmp_path, stage):
    target = tmp_path / "scenario.json"
    save_scenario(small_scenario, target)
    old_bytes = target.read_bytes()
    new_scenario = small_scenario.model_copy(update={"notes": "新版本" * 2000})
    source = tmp_path / "new-source.json"
    save_scenario(new_scenario, source)
    new_bytes = source.read_bytes()

    run = subprocess.run([sys.executable, "-c", KILLER, str(target), str(source), stage], capture_output=True)

    if stage == "none":
        assert run.returncode == 0, run.stderr
        assert target.read_bytes() == new_bytes
    else:
        assert run.returncode == -signal.SIGKILL
        assert target.read_bytes() == old_bytes
    assert read_scenario(target) in (small_scenario, new_scenario)
    save_scenario(small_scenario, target)  # the next save to the folder removes what the killed one left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new-source.json", "scenario.json"]


def test_a_failed_save_leaves_no_temporary_file(small_scenario, tmp_path, monkeypatch):
    from chengyu_accord.cost_sharing import storage

    target = tmp_path / "scenario.json"
    save_scenario(small_scenario, target)

    def fail(stage):
        if stage == "before-rename":
            raise OSError("disk full")

    monkeypatch.setattr(storage, "_checkpoint", fail)
    with pytest.raises(OSError, match="disk full"):
        save_scenario(small_scenario.model_copy(update={"title": "x"}), target)
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == ["scenario.json"]
    assert read_scenario(target) == small_scenario
