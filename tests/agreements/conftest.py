"""Fixtures for the agreement tests: the examples exported once per session, a hostile scenario, a full page."""

from __future__ import annotations

from pathlib import Path

import pytest
from agreement_helpers import built_scenario, hostile_scenario, run_cli, scenario_files


@pytest.fixture(scope="session")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """Every example exported to PDF once through the command line: scenario file → PDF."""
    out = tmp_path_factory.mktemp("exports")
    result: dict[Path, Path] = {}
    for scenario in scenario_files(out):
        pdf = out / f"{scenario.stem}.pdf"
        done = run_cli("export", str(scenario), "-o", str(pdf))
        assert done.returncode == 0, done.stderr
        result[scenario] = pdf
    return result


@pytest.fixture(scope="session")
def hostile_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from chengyu_accord.desktop.export import render_agreement

    out = tmp_path_factory.mktemp("hostile") / "hostile.pdf"
    return render_agreement(hostile_scenario(), out)


@pytest.fixture(scope="session")
def grid_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An agreement with a long edited article, so that a page holds nothing but body text."""
    from chengyu_accord.cost_sharing.agreement.edits import with_article_edit
    from chengyu_accord.desktop.export import render_agreement

    scenario = built_scenario()
    text = "各方应当按照本协议约定履行出资义务并共同推进项目建设和运营管理工作。" * 40
    scenario = with_article_edit(scenario, "general.use", text)
    return render_agreement(scenario, tmp_path_factory.mktemp("grid") / "grid.pdf")
