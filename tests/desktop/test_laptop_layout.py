"""On a government laptop's screen the negotiator sees, without scrolling, what a change does to every party.

Each example is opened in a fresh process on a virtual screen of the laptop's size (Qt's offscreen platform
with a screen configuration file): the window must fit the screen, and the total row, the checks, the
fingerprint and the first five weight sliders (at least 150 px wide) must be wholly visible. 1280×720 is a
1920×1080 laptop at 150 % scaling.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
EXAMPLES = sorted((HERE.parents[1] / "examples").glob("*.json"))
MIN_SLIDER_WIDTH = 150


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_example_fits_the_laptop_screen_with_its_totals_checks_fingerprint_and_sliders(tmp_path, size, language):
    config = tmp_path / "screen.json"
    width, height = size
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    env.pop("QT_SCALE_FACTOR", None)
    run = subprocess.run(
        [sys.executable, str(HERE / "layout_probe.py"), language, *map(str, EXAMPLES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    reports = json.loads(run.stdout.strip().splitlines()[-1])
    assert len(reports) == len(EXAMPLES)
    for name, seen in reports.items():
        assert seen["fits"], f"{name}: window {seen['window']} on a {seen['screen']} screen"
        for part in ("total_row", "checks", "fingerprint", "amount_column", "parameters_unscrolled"):
            assert seen[part], f"{name}: {part} is not wholly visible"
        assert seen["sliders"], name
        for width_px, visible in seen["sliders"]:
            assert width_px >= MIN_SLIDER_WIDTH, f"{name}: a weight slider is {width_px} px wide"
            assert visible, f"{name}: a weight slider is not visible without scrolling"
