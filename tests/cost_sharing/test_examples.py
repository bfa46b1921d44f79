"""The examples compute the very fen amounts they computed before the instrument framework (commit b2b6338)."""

import json
from pathlib import Path

import pytest

from chengyu_accord.cost_sharing.engine import compute
from chengyu_accord.cost_sharing.storage import read_scenario

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = json.loads((Path(__file__).with_name("example_amounts.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_every_example_computes_the_recorded_fen_amounts(stem):
    result = compute(read_scenario(ROOT / "examples" / f"{stem}.json")).items[0]
    # the agreed split where an instrument compares several methods (project_cost), else the main table
    table = next((t for t in result.tables if t.key == "agreed"), result.table())
    assert table.fen("amount") == EXPECTED[stem]
