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

from chengyu_accord.cost_sharing.numbers import MAX_AMOUNT_FEN

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


def at_every_limit(parties: int) -> dict:
    """The Sichuan example with every text field at its documented limit, the largest amount, 大写 amounts, and
    amounts shown in 元 to six decimals: the widest document the reading rules let through."""
    data = json.loads((ROOT / "examples" / "sichuan-fund-by-gdp.json").read_text(encoding="utf-8"))
    sentence = "成渝地区双城经济圈建设共同出资，"

    def text(n: int, unit: str = sentence) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    template = data["parties"][0]
    data["parties"] = []
    for i in range(parties):
        party = json.loads(json.dumps(template))
        party.update(id=f"{i:02d}" + "x" * 62, name_zh=text(100), name_en=text(100, "Chengdu Chongqing Accord "))
        party.update(code="9" * 32, province=text(64, "Sichuan "))
        for figure in party["figures"].values():
            figure.update(source=text(2_000, "National Bureau of Statistics "), value="999999999999999.999999999999")
        data["parties"].append(party)
    ids = [p["id"] for p in data["parties"]]
    item = data["items"][0]
    item.update(title=text(200), notes=text(20_000), amount_fen=MAX_AMOUNT_FEN, parties=[])
    item["amount_provenance"] = {"tag": "A", "source": text(2_000), "note": text(2_000)}
    data.update(title=text(200), title_en=text(200, "Accord "), notes=text(20_000))
    data["display"] = {"unit": "yuan", "decimals": 6}
    data["agreement"].update(
        signing_place=text(200),
        capital_amounts=True,
        watermark=True,
        representatives=dict.fromkeys(ids, text(100)),
        signatories=dict.fromkeys(ids, text(100)),
        article_edits={"general.dispute": {"text": text(19_994) + "{{括号}}", "bound_values": {"total": text(200)}}},
    )
    return data


def test_a_scenario_with_every_field_at_its_limit_exports_in_both_languages(tmp_path):
    outcome = check_file(write(tmp_path, at_every_limit(parties=15)), tmp_path)
    assert outcome.accepted
    assert outcome.failures == []
    assert outcome.exports_written == 4


def test_the_whole_cluster_at_every_limit_exports(tmp_path):
    """44 parties, each field at its limit: what a cluster-wide split may be (the bar chart squeezes to fit)."""
    outcome = check_file(write(tmp_path, at_every_limit(parties=44)), tmp_path)
    assert outcome.accepted
    assert outcome.failures == []
    assert outcome.exports_written == 4
