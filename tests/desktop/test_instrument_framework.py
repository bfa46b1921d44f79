"""An instrument defined entirely here plugs into every part of Accord through its descriptor alone.

The "tally" kind (a two-column result table: an equal base share and a bonus to the first party) is
validated, computed, fingerprinted, printed by ``compute --json``, exported to PDF and DOCX and shown in
the application, and no file outside tests/ names it. The "slow" kind sleeps in its compute: the window
shows progress, stays responsive and can cancel it.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import subprocess
import time
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import ClassVar, Literal

import pymupdf
import pytest
from docx import Document
from pydantic import Field, StrictInt
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QLabel

from chengyu_accord.cost_sharing import instrument as registry
from chengyu_accord.cost_sharing.agreement.blocks import ArticleSpec, ClauseSet, ItemSection, shown_doc_table
from chengyu_accord.cost_sharing.bilingual import Bilingual
from chengyu_accord.cost_sharing.engine import compute
from chengyu_accord.cost_sharing.fingerprint import fingerprint
from chengyu_accord.cost_sharing.instrument import Instrument
from chengyu_accord.cost_sharing.money import split_fen
from chengyu_accord.cost_sharing.results import Column, ItemResult, ResultTable, Row, shown_table
from chengyu_accord.cost_sharing.scenario import SCHEMA_VERSION, ItemBase, Party, Scenario
from chengyu_accord.cost_sharing.storage import ScenarioFileError, parse_scenario_bytes, save_scenario
from chengyu_accord.desktop import cli
from chengyu_accord.desktop.export import render_agreement
from chengyu_accord.widgets.workspace import InstrumentWorkspace

ROOT = Path(__file__).resolve().parents[2]
KIND = "test_tally"


class Tally(ItemBase):
    """A base amount split equally, plus a bonus paid by the first party alone."""

    kind: Literal["test_tally"] = "test_tally"
    base_fen: StrictInt = Field(ge=0)
    bonus_fen: StrictInt = Field(ge=0)
    PRESENTATION_FIELDS: ClassVar[frozenset[str]] = frozenset({"title", "notes"})


def compute_tally(scenario: Scenario, item: Tally, index: int, progress) -> ItemResult:
    parties = scenario.item_parties(item)
    base = split_fen(item.base_fen, [Fraction(1)] * len(parties))
    rows = tuple(
        Row(p.id, Bilingual(p.name_zh, p.name("en")), (fen, item.bonus_fen if i == 0 else 0))
        for i, (p, fen) in enumerate(zip(parties, base, strict=True))
    )
    columns = (
        Column("base", Bilingual("基础份额", "Base share"), "money"),
        Column("bonus", Bilingual("奖励", "Bonus"), "money"),
    )
    return ItemResult(item.id, item.kind, (ResultTable("tally", Bilingual("计数", "Tally"), columns, rows, True),))


def tally_articles(context, item: Tally, result: ItemResult) -> ItemSection:
    shown = shown_table(result.table(), context.precision)
    table = shown_doc_table(
        context,
        shown,
        key=f"items.{item.id}.tally",
        caption="计数表" if context.zh else "Tally",
        who=lambda pid: (context.party_name(pid),),
        who_header=("参与方" if context.zh else "Party",),
    )
    total = context.amount(shown.grand_total)
    heading = "计数事项" if context.zh else "Tally"
    text = "各方计数合计为{total}。" if context.zh else "The tally comes to {total}."
    return ItemSection(
        "计数事宜" if context.zh else "the tally",
        [ArticleSpec(f"items.{item.id}.tally", heading, text, {"total": total}, table)],
        [],
    )


TALLY_CLAUSES = ClauseSet(
    "test_tally",
    Bilingual("“测试条款”", "“a test clause”"),
    lambda context: [
        ArticleSpec(
            "general.test",
            "附则" if context.zh else "Final",
            "本协议自签字之日起生效。" if context.zh else "In force when signed.",
        )
    ],
)


class TallyWorkspace(InstrumentWorkspace):
    """The minimal workspace: a label naming the item; table, chart and checks come from the base."""

    def __init__(self, item_id: str, parent=None) -> None:
        super().__init__(item_id, parent)
        self.label = QLabel(self.params)
        self.params_layout.addWidget(self.label)
        self._retranslate()

    def update_parameters(self) -> None:
        self.label.setText(f"bonus {self.item.bonus_fen}")


TALLY = Instrument(
    kind=KIND,
    name=Bilingual("计数", "Tally"),
    model=Tally,
    compute=compute_tally,
    articles=tally_articles,
    clauses=TALLY_CLAUSES,
    workspace=f"{__name__}:TallyWorkspace",
)


@pytest.fixture
def tally():
    registry.register(TALLY)
    yield TALLY
    registry.unregister(KIND)


def tally_scenario(base: int = 300_00, bonus: int = 50_00) -> Scenario:
    parties = tuple(
        Party(id=pid, name_zh=name, name_en=en)
        for pid, name, en in (("a", "甲市", "City A"), ("b", "乙市", "City B"), ("c", "丙市", "City C"))
    )
    data = {
        "schema_version": SCHEMA_VERSION,
        "title": "计数情景",
        "parties": [p.model_dump() for p in parties],
        "items": [{"kind": KIND, "id": "t", "title": "计数", "base_fen": base, "bonus_fen": bonus}],
    }
    return Scenario.model_validate(data)


def test_it_is_validated_with_field_names(tally):
    scenario = tally_scenario()
    assert isinstance(scenario.items[0], Tally)
    bad = scenario.to_json_data()
    bad["items"][0]["bonus_fen"] = -1
    with pytest.raises(ScenarioFileError) as caught:
        parse_scenario_bytes(json.dumps(bad).encode())
    assert [p.field for p in caught.value.problems] == ["items[0].bonus_fen"]


def test_it_computes_a_two_column_table_that_adds_up(tally):
    table = compute(tally_scenario(100_01, 7)).items[0].table()
    assert [c.key for c in table.columns] == ["base", "bonus"]
    assert table.column_total("base") == 100_01
    assert sum(table.row_total(r) for r in table.rows) == 100_08


def test_every_input_and_every_cell_changes_the_fingerprint(tally, monkeypatch):
    base = fingerprint(tally_scenario())
    assert fingerprint(tally_scenario(base=300_01)) != base
    assert fingerprint(tally_scenario(bonus=50_01)) != base
    scenario = tally_scenario()
    result = compute(scenario)
    table = result.items[0].table()
    for r, row in enumerate(table.rows):
        for c in range(len(row.cells)):
            cells = list(row.cells)
            cells[c] += 1
            rows = list(table.rows)
            rows[r] = row._replace(cells=tuple(cells))
            changed = replace(result, items=(replace(result.items[0], tables=(replace(table, rows=tuple(rows)),)),))
            assert fingerprint(scenario, changed) != fingerprint(scenario, result), (r, c)


def test_compute_json_prints_its_table(tally, tmp_path):
    path = tmp_path / "tally.json"
    save_scenario(tally_scenario(), path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["compute", str(path), "--json"]) == 0
    item = json.loads(out.getvalue())["items"][0]
    table = item["tables"][0]
    assert [c["key"] for c in table["columns"]] == ["base", "bonus"]
    assert table["rows"][0]["cells"][1] == {"fen": 50_00, "yuan": "50.00", "shown": "0.01"}
    assert table["grand_total"]["fen"] == 350_00


def test_it_exports_to_pdf_and_docx(tally, tmp_path):
    scenario = tally_scenario()
    pdf = render_agreement(scenario, tmp_path / "tally.pdf")
    text = "".join(page.get_text() for page in pymupdf.open(pdf))
    assert "计数事项" in text
    assert "测试" in text
    assert "条款" in text  # the recital cites the clause set's words (a line may break between them)
    assert "分担费用" not in text, "the clause set is the instrument's, not cost sharing's"
    docx = render_agreement(scenario, tmp_path / "tally.docx")
    paragraphs = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "各方计数合计为" in paragraphs


def test_it_is_shown_in_the_app(tally, make_window, tmp_path):
    path = tmp_path / "tally.json"
    save_scenario(tally_scenario(), path)
    window = make_window(path)
    [workspace] = window.workspaces
    assert isinstance(workspace, TallyWorkspace)
    assert workspace.label.text() == "bonus 5000"
    assert workspace.model.rowCount() == 3
    assert window.tabs.tabText(0) == "计数"


def test_no_file_outside_tests_names_it():
    found = subprocess.run(
        ["git", "grep", "-l", "test_tally", "--", ".", ":!tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert found.stdout == ""


# --- a slow instrument: computed off the GUI thread --------------------------------------------------


class Slow(Tally):
    kind: Literal["test_slow"] = "test_slow"  # type: ignore[assignment]


def compute_slow(scenario: Scenario, item: Slow, index: int, progress) -> ItemResult:
    steps = 40
    for step in range(steps):
        progress.report(step, steps)  # stops here once cancelled
        time.sleep(0.05)
    return compute_tally(scenario, item, index, progress)


SLOW = replace(TALLY, kind="test_slow", model=Slow, compute=compute_slow, cheap=False)


@pytest.fixture
def slow():
    registry.register(SLOW)
    yield SLOW
    registry.unregister("test_slow")


def test_a_slow_compute_shows_progress_keeps_the_window_responsive_and_can_be_cancelled(
    slow, make_window, tmp_path, qtbot
):
    registry.register(TALLY)  # to build the tally scenario that becomes the slow one
    data = tally_scenario().to_json_data()
    registry.unregister(KIND)
    data["items"][0]["kind"] = "test_slow"
    path = tmp_path / "slow.json"
    save_scenario(Scenario.model_validate(data), path)
    window = make_window(path)
    qtbot.waitUntil(lambda: not window.document.busy, timeout=5000)  # the first result
    [workspace] = window.workspaces
    assert workspace.model.rowCount() == 3

    before = window.document.scenario
    ticks: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    timer.start(10)
    window.document.recompute()
    assert window.document.busy
    assert window.status_compute.isVisible()
    assert workspace.updating.isVisible(), "the last good result stays on screen, marked as updating"
    assert workspace.model.rowCount() == 3
    qtbot.waitUntil(lambda: window.status_compute.value() > 10, timeout=3000)
    qtbot.wait(300)
    with qtbot.waitSignal(window.document.compute_cancelled, timeout=2000):
        qtbot.mouseClick(window.cancel_compute_button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert not window.document.busy
    assert not window.status_compute.isVisible()
    assert window.document.scenario is before, "a cancel leaves the scenario intact"
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert gaps
    assert max(gaps) < 50, f"the GUI thread was blocked for {max(gaps)} ms"
