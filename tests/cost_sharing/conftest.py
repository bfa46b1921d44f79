"""A small scenario built from the models alone, so engine tests need neither Qt nor the dataset."""

import pytest
from engine_fixtures import make_party

from chengyu_accord.cost_sharing.instruments.proportional.model import ProportionalSplit
from chengyu_accord.cost_sharing.scenario import Scenario


@pytest.fixture
def small_scenario() -> Scenario:
    parties = (
        make_party("500112", "渝北区", "219.15", "2297.11"),
        make_party("500106", "沙坪坝区", "147.73", "1106.73"),
        make_party("510100", "成都市", "2093.78", "20817.5"),
    )
    item = ProportionalSplit(id="rail", title="测试分摊", amount_fen=69_273_000_000_00, basis="population")
    return Scenario(title="测试情景", parties=parties, items=(item,))
