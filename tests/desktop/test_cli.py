"""The headless command line: validate, compute, fingerprint — exit codes and one-line problems."""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from chengyu_accord.cost_sharing import presets
from chengyu_accord.cost_sharing.instruments.proportional import presets as proportional_presets
from chengyu_accord.cost_sharing.storage import read_scenario, scenario_to_bytes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def chengyu(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "chengyu_accord.desktop.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_there_are_examples():
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_what_the_presets_build(path):
    """The committed examples are regenerated from the embedded data, never edited by hand."""
    assert path.read_bytes() == scenario_to_bytes(presets.examples()[path.stem]())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_compute_json_gives_every_party_summing_exactly(path):
    """Every money column of every result table, whatever the kind: each party once, sums exact in fen, 元 and as
    shown."""
    run = chengyu("compute", "--json", path)
    assert run.returncode == 0, run.stderr
    document = json.loads(run.stdout)
    scenario = read_scenario(path)
    assert document["format"] == "accord-compute"
    for item, result in zip(scenario.items, document["items"], strict=True):
        assert result["ok"]
        main = result["tables"][0]
        assert [r["key"] for r in main["rows"]] == [p.id for p in scenario.item_parties(item)]
        for table in result["tables"]:
            for c, column in enumerate(table["columns"]):
                if column["measure"] != "money":
                    continue
                cells = [row["cells"][c] for row in table["rows"]]
                total = table["totals"][c]
                assert sum(cell["fen"] for cell in cells) == total["fen"]
                assert sum(Decimal(cell["yuan"]) for cell in cells) == Decimal(total["yuan"])
                assert sum(Decimal(cell["shown"]) for cell in cells) == Decimal(total["shown"])
                assert all(Decimal(cell["yuan"]) * 100 == cell["fen"] for cell in cells)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_validate_and_fingerprint_examples(path):
    assert chengyu("validate", path).returncode == 0
    run = chengyu("fingerprint", path)
    assert run.returncode == 0
    digest = run.stdout.strip()
    assert len(digest) == 64
    assert digest == json.loads(chengyu("compute", "--json", path).stdout)["fingerprint"]


def _bad_files(tmp_path: Path) -> dict[str, tuple[bytes, str]]:
    good = scenario_to_bytes(proportional_presets.gaozhu_weights_example())
    data = json.loads(good)

    def variant(change) -> bytes:
        copy = json.loads(good)
        change(copy)
        return json.dumps(copy, ensure_ascii=False).encode("utf-8")

    return {
        "truncated": (good[: len(good) // 2], "truncated"),
        "wrong-type": (variant(lambda d: d["items"][0].update(amount_fen="lots")), "items[0].amount_fen"),
        "negative": (
            variant(lambda d: d["items"][0].update(amount_fen=-100)),
            "items[0].amount_fen: must not be negative",
        ),
        "unknown-party": (
            variant(lambda d: d["items"][0]["weights"].update({"999999": "1"})),
            "unknown party id '999999'",
        ),
        "future-version": (
            variant(lambda d: d.update(schema_version=99)),
            "schema_version: the file was written by a newer",
        ),
        "binary": (bytes(range(256)) * 4, "binary"),
        "empty": (b"", "file: is empty"),
        "nan": (good.replace(b'"1"', b"NaN", 1), "must be a finite number"),
        "share-above-all": (variant(lambda d: d["display"].update(decimals=99)), "display.decimals"),
        "original": (json.dumps(data).encode(), ""),
    }


def test_validate_rejects_each_bad_file_with_one_line_naming_the_field(tmp_path):
    for name, (raw, expected) in _bad_files(tmp_path).items():
        path = tmp_path / f"{name}.json"
        path.write_bytes(raw)
        run = chengyu("validate", path)
        if name == "original":
            assert run.returncode == 0, run.stderr
            continue
        assert run.returncode == 1, name
        lines = run.stderr.strip().splitlines()
        assert lines, name
        assert "Traceback" not in run.stderr, name
        assert all(line.startswith(str(path)) for line in lines), (name, lines)
        assert any(expected in line for line in lines), (name, lines)


def test_compute_on_an_invalid_file_fails_cleanly(tmp_path):
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    run = chengyu("compute", "--json", path)
    assert run.returncode == 1
    assert run.stdout == ""
    assert "Traceback" not in run.stderr


def test_missing_file_is_reported():
    run = chengyu("validate", "/nonexistent/scenario.json")
    assert run.returncode == 1
    assert "does not exist" in run.stderr


def test_usage_errors_exit_2():
    assert chengyu("compute").returncode == 2
