"""Qt fixtures for the reusable widgets: the CJK font and a default scenario to show."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from chengyu_accord.cost_sharing.instruments.proportional.model import ProportionalSplit
from chengyu_accord.cost_sharing.scenario import Figure, Party, Scenario


@pytest.fixture
def scenario() -> Scenario:
    """A small scenario with one missing figure and one user-entered figure."""
    parties = (
        Party(
            id="a",
            name_zh="甲市",
            name_en="City A",
            figures={"population": Figure(value="100", year=2020, source="普查")},
        ),
        Party(id="b", name_zh="乙区", name_en="District B", figures={"population": Figure(value="300", tag="user")}),
        Party(
            id="c",
            name_zh="丙县",
            name_en="County C",
            figures={"population": Figure(value="100.5", year=2020, tag="U")},
        ),
    )
    item = ProportionalSplit(id="i", title="测试分摊", amount_fen=100_000_001, basis="population")
    return Scenario(title="测试", parties=parties, items=(item,))
