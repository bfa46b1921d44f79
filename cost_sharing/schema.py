"""The JSON Schema of the scenario format, generated from the models.

The committed copy (resources/schemas/scenario.schema.json) is what other tools
validate against; a test fails when it drifts from the models. Regenerate with
``python -m chengyu_accord.cost_sharing.schema``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from .scenario import SCHEMA_VERSION, Scenario

SCHEMA_RESOURCE = ("schemas", "scenario.schema.json")


def scenario_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the current scenario format."""
    schema = Scenario.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:chengyu-accord:scenario:{SCHEMA_VERSION}",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(scenario_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def committed_schema_path() -> Path:
    return Path(str(resources.files("chengyu_accord.resources").joinpath(*SCHEMA_RESOURCE)))


if __name__ == "__main__":
    path = committed_schema_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {path}")
