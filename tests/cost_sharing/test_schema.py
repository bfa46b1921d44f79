"""The committed JSON Schema matches the models and judges files as the reader does."""

import json

import jsonschema
import pytest

from chengyu_accord.cost_sharing.schema import committed_schema_path, scenario_json_schema, schema_text
from chengyu_accord.cost_sharing.storage import scenario_to_bytes


def test_committed_schema_is_current():
    assert committed_schema_path().read_text(encoding="utf-8") == schema_text(), (
        "regenerate with: python -m chengyu_accord.cost_sharing.schema"
    )


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(scenario_json_schema())


def test_schema_accepts_a_saved_scenario(small_scenario):
    jsonschema.validate(json.loads(scenario_to_bytes(small_scenario)), scenario_json_schema())


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["items"][0].update(amount_fen=-1),
        lambda d: d["items"][0].update(amount_fen="12"),
        lambda d: d.pop("title"),
        lambda d: d["items"][0].update(kind="unknown"),
        lambda d: d.update(extra=1),
    ],
)
def test_schema_refuses_what_the_reader_refuses(small_scenario, change):
    data = json.loads(scenario_to_bytes(small_scenario))
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, scenario_json_schema())
