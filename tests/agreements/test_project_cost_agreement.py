"""The cost-sharing agreement of a project_cost item, exported and read back.

Done-when: the exported cost-sharing agreement's text, read back from the PDF, contains every party's amount and
they sum exactly to the total — for every example and for the 44 units of the cluster, in Chinese and in English;
no character lacks a glyph; ``chengyu export`` writes one from the command line.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from agreement_helpers import ROOT, run_cli
from pypdf import PdfReader

from chengyu_accord import data
from chengyu_accord.cost_sharing.agreement.blocks import ROLE_LABELS_EN, ROLES_ZH
from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.cost_sharing.engine import compute, display_precision
from chengyu_accord.cost_sharing.instruments.project_cost.model import (
    CoalitionCost,
    ProjectCostSharing,
    ProjectInfo,
    ProjectParty,
)
from chengyu_accord.cost_sharing.instruments.project_cost.presets import EXAMPLES
from chengyu_accord.cost_sharing.money import yuan_to_fen
from chengyu_accord.cost_sharing.presets import party_from_unit
from chengyu_accord.cost_sharing.results import shown_table
from chengyu_accord.cost_sharing.scenario import DisplaySettings, Provenance, Scenario
from chengyu_accord.desktop.export import render_agreement
from chengyu_accord.desktop.export.fonts import missing_glyphs

AMOUNT = r"(-?[\d,]+(?:\.\d+)?)"


def cluster_scenario() -> Scenario:
    """All 44 units of the cluster sharing an assumed 1,000亿元 by population, stand-alone costs assumed."""
    units = data.units()
    parties = tuple(party_from_unit(u.code) for u in units)
    assert len(parties) == 44
    item = ProjectCostSharing(
        id="cluster",
        title="成渝城市群44个区市共建项目费用分担（测试）",
        project=ProjectInfo(
            name_zh="城市群共建项目（测试）",
            name_en="Cluster project (test)",
            type="public_service",
            capital_fen=yuan_to_fen("100000000000"),
            capital_provenance=Provenance(tag="A", note="假设值，仅作演示。"),
        ),
        parties=tuple(ProjectParty(party=p.id, demand=str(10 + i)) for i, p in enumerate(parties)),
        basis="population",
        coalitions=tuple(
            CoalitionCost(parties=(p.id,), cost_fen=yuan_to_fen("5000000000"), provenance=Provenance(tag="A"))
            for p in parties
        ),
        methods=("equal", "proportional", "scrb", "shapley"),
        method="proportional",
    )
    return Scenario(
        title="成渝城市群共建项目费用分担（测试）",
        title_en="Sharing a cluster project among 44 units (test)",
        parties=parties,
        items=(item,),
        display=DisplaySettings(unit="yi_yuan", decimals=2),
    )


SCENARIOS = {**dict(EXAMPLES.items()), "cluster-44": cluster_scenario}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _read_back(pdf: Path) -> str:
    return _flat("".join(page.extract_text() for page in PdfReader(pdf).pages))


def _labels(doc, scenario: Scenario, lang: str) -> dict[str, str]:
    """How the payment lines name each party: 甲方（重庆市） or 成都市人民政府 / Party A (Chongqing Municipality)."""
    found = {}
    use_roles = len(scenario.parties) <= (len(ROLES_ZH) if lang == "zh" else len(ROLE_LABELS_EN))
    for entry in doc.parties:
        party = scenario.party(entry.party_id)
        name = party.name_zh if lang == "zh" else party.name("en")
        if use_roles:  # a role label: 甲方（name）
            found[entry.party_id] = f"{entry.role}（{name}）" if lang == "zh" else f"{entry.role} ({name})"
        else:
            found[entry.party_id] = entry.name
    return found


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[Scenario, Path]]:
    out = tmp_path_factory.mktemp("project-cost")
    done = {}
    for stem, build in SCENARIOS.items():
        scenario = build()
        for lang in ("zh", "en"):
            pdf = render_agreement(scenario, out / f"{stem}-{lang}.pdf", lang=lang)
            done[(stem, lang)] = (scenario, pdf)
    return done


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("stem", sorted(SCENARIOS))
def test_amounts_read_back_from_the_pdf_add_up_to_the_total(exported, stem: str, lang: str) -> None:
    scenario, pdf = exported[(stem, lang)]
    text = _read_back(pdf)
    result = compute(scenario)
    item = scenario.items[0]
    agreed = result.items[0].table("agreed")
    shown = shown_table(agreed, display_precision(scenario))
    amount = agreed.column_index("amount")
    doc = build_agreement(scenario, result, lang=lang)
    labels = _labels(doc, scenario, lang)
    read: dict[str, Decimal] = {}
    for r, row in enumerate(agreed.rows):
        label = re.escape(_flat(labels[row.key]))
        pattern = label + (f"分担{AMOUNT}" if lang == "zh" else f"bearsRMB{AMOUNT}")
        match = re.search(pattern, text)
        assert match, f"{stem}/{lang}: no amount of {labels[row.key]} read back"
        read[row.key] = Decimal(match.group(1).replace(",", ""))
        assert read[row.key] == shown.cells[r][amount], f"{stem}/{lang}: {row.key} printed {match.group(1)}"
    total_pattern = f"共同分担金额{AMOUNT}" if lang == "zh" else f"sharedamountofRMB{AMOUNT}"
    total = re.search(total_pattern, text)
    assert total, f"{stem}/{lang}: the shared total is not read back"
    printed_total = Decimal(total.group(1).replace(",", ""))
    assert sum(read.values()) == printed_total == shown.totals[amount]
    assert agreed.column_total("amount") == item.shared_fen


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("stem", sorted(SCENARIOS))
def test_every_character_has_a_glyph_and_assumed_values_say_so(exported, stem: str, lang: str) -> None:
    scenario, pdf = exported[(stem, lang)]
    doc = build_agreement(scenario, lang=lang)
    for text in doc.texts():
        assert not missing_glyphs(text), text
    text = _read_back(pdf)
    headings = ("项目概况", "分担方法及理由", "分担金额", "支付安排", "测算说明")
    if lang == "zh":
        for heading in headings:
            assert heading in text
        assert "假设值" in text  # every example has assumed values, and says so
    else:
        assert "assumedvalue" in text


def test_zhongxian_prints_the_sourced_figures_and_the_territorial_split(exported) -> None:
    _scenario, pdf = exported[("chengyu-zhongxian-territorial-vs-benefit", "zh")]
    text = _read_back(pdf)
    assert "692.73亿元" in text
    assert "陆佰玖拾贰亿柒仟叁佰万元整" in text  # the capital cost in 大写
    assert "100.749公里" in text
    assert "191.283公里" in text
    assert "属地分担" in text


def test_cli_exports_an_example(tmp_path: Path) -> None:
    source = ROOT / "examples" / "multi-city-coalition-table.json"
    if not source.exists():
        pytest.skip("examples not generated yet")
    for lang, suffix in (("zh", ".pdf"), ("en", ".docx")):
        target = tmp_path / f"out{suffix}"
        done = run_cli("export", str(source), "-o", str(target), "--lang", lang)
        assert done.returncode == 0, done.stderr
        assert target.stat().st_size > 0


def test_the_scenario_format_example_validates() -> None:
    """The hand-written project_cost example in docs/scenario-format.md is a valid item (and computes)."""
    doc = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    section = doc.split("### `project_cost`", 1)[1]
    block = re.search(r"```json\n(.*?)```", section, re.S)
    assert block
    scenario = Scenario.model_validate(json.loads(block.group(1)))
    item = scenario.items[0]
    assert isinstance(item, ProjectCostSharing)
    assert compute(scenario).items[0].ok
