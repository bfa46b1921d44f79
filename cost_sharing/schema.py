"""The JSON Schema of the scenario format, generated from the models.

The committed copy (resources/schemas/scenario.schema.json) is what other tools
validate against; a test fails when it drifts from the models. Regenerate with
``python -m chengyu_accord.cost_sharing.schema``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Union

from pydantic import Field, create_model

from .instrument import instruments
from .scenario import MAX_ITEMS, SCHEMA_VERSION, Scenario

SCHEMA_RESOURCE = ("schemas", "scenario.schema.json")


def scenario_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the current scenario format, with every registered item kind."""
    models = tuple(i.model for i in instruments())
    item = Annotated[Union[models], Field(discriminator="kind")] if len(models) > 1 else models[0]  # noqa: UP007
    # the scenario's items are dispatched by kind at run time; for the schema they are a discriminated union
    schema_model = create_model(
        "Scenario",
        __base__=Scenario,
        __doc__=Scenario.__doc__,
        items=(Annotated[tuple[item, ...], Field(max_length=MAX_ITEMS)], ...),
    )
    schema = schema_model.model_json_schema(mode="validation")
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
