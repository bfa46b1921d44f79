"""The fingerprint changes exactly when a number could change."""

import hashlib
import json

from chengyu_accord.cost_sharing import __version__
from chengyu_accord.cost_sharing.fingerprint import canonical_json, fingerprint, fingerprint_document
from chengyu_accord.cost_sharing.scenario import Scenario
from chengyu_accord.cost_sharing.storage import parse_scenario_bytes, scenario_to_bytes


def edited(scenario: Scenario, change) -> Scenario:
    data = scenario.model_dump(mode="json")
    change(data)
    return Scenario.model_validate(data)


def test_it_is_the_sha256_of_the_canonical_document(small_scenario):
    document = fingerprint_document(small_scenario)
    assert document["accord_version"] == __version__
    assert document["fingerprint_format"] == 2
    rows = {row["key"]: row for row in document["items"][0]["tables"][0]["rows"]}
    assert rows["510100"]["cells"][-1] == 5_894_451_973_861
    assert rows["510100"]["shown"][-1] == "5894451.97"  # 万元, 2 decimals
    expected = hashlib.sha256(json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode())
    assert fingerprint(small_scenario) == expected.hexdigest()
    assert canonical_json({"b": 1, "a": "成"}) == '{"a":"成","b":1}'.encode()


def test_survives_a_save_and_reopen(small_scenario):
    assert fingerprint(parse_scenario_bytes(scenario_to_bytes(small_scenario))) == fingerprint(small_scenario)


def test_words_do_not_change_it(small_scenario):
    def rename(data):
        data["title"] = "另一个标题"
        data["notes"] = "备注"
        data["parties"][0]["name_zh"] = "<b>&\"'"
        data["parties"][0]["figures"]["population"]["source"] = "another source"
        data["items"][0]["title"] = "改名"

    assert fingerprint(edited(small_scenario, rename)) == fingerprint(small_scenario)


def test_equal_numbers_written_differently_give_the_same_fingerprint(small_scenario):
    def pad(data):
        data["parties"][0]["figures"]["population"]["value"] = "219.1500"

    assert fingerprint(edited(small_scenario, pad)) == fingerprint(small_scenario)


def test_every_number_changes_it(small_scenario):
    base = fingerprint(small_scenario)
    changes = [
        lambda d: d["items"][0].update(amount_fen=d["items"][0]["amount_fen"] + 1),
        lambda d: d["items"][0].update(basis="gdp"),
        lambda d: d["parties"][1]["figures"]["population"].update(value="147.74"),
        lambda d: d["items"][0].update(parties=["500112", "510100"]),
        lambda d: d["items"][0].update(parties=["510100", "500106", "500112"]),
        lambda d: d["display"].update(unit="yi_yuan"),
        lambda d: d["display"].update(decimals=4),
    ]
    digests = {fingerprint(edited(small_scenario, change)) for change in changes}
    assert base not in digests
    assert len(digests) == len(changes)
