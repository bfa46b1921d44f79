"""The fast subset of the fuzz harness (``strategies``), run by ``bash accord test``; the long run is
``bash accord fuzz`` (docs/robustness.md).

Every input — generated valid, generated broken, or mutated from the examples — goes through the calls
``chengyu`` makes. The promise: no exception, no internal error, every rejection one line naming a field, and
every accepted file computes and exports (PDF and DOCX, zh and en; sampled here).
"""

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from strategies import broken_scenarios, check_file, mutate_bytes, valid_scenarios

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
FAST = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],  # report a failure as drawn: shrinking through exports takes minutes
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)


def write(folder: Path, data: dict) -> Path:
    path = folder / "scenario.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@FAST
@given(data=valid_scenarios())
def test_generated_valid_scenarios_are_accepted_computed_and_exported(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("valid")
    outcome = check_file(write(folder, data), folder, export=len(data["parties"]) % 3 == 0)
    assert outcome.failures == []
    assert outcome.accepted, "the strategy drew a scenario validate refuses: strategy and model disagree"


@FAST
@given(data=broken_scenarios())
def test_generated_broken_scenarios_are_refused_in_one_line_per_field_or_handled(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("broken")
    try:
        path = write(folder, data)
    except (UnicodeEncodeError, RecursionError):
        return  # json cannot write it: the byte mutations cover such files
    assert check_file(path, folder, export=False).failures == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_mutants_of_the_examples_never_break_the_promise(example, tmp_path):
    rng = random.Random(f"fast-{example.stem}")
    raw = example.read_bytes()
    accepted = 0
    for trial in range(70):
        name, mutant = mutate_bytes(raw, rng)
        path = tmp_path / "mutant.json"
        path.write_bytes(mutant)
        outcome = check_file(path, tmp_path, export=accepted % 5 == 0)
        accepted += outcome.accepted
        assert outcome.failures == [], f"trial {trial} ({name})"
