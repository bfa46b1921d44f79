"""The result table on screen prints the engine's one shown rounding, the same as the agreement."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.cost_sharing.engine import compute, display_precision
from chengyu_accord.cost_sharing.instruments.proportional.model import ProportionalSplit
from chengyu_accord.cost_sharing.results import shown_table
from chengyu_accord.cost_sharing.scenario import DisplaySettings, Party, Scenario
from chengyu_accord.widgets.result_table import RAW_VALUE_ROLE, ResultTableModel

AMOUNT, SHARE = 3, 2  # model columns: party, basis, share, amount


def model_of(scenario: Scenario) -> ResultTableModel:
    model = ResultTableModel()
    model.set_table(shown_table(compute(scenario).items[0].table(), display_precision(scenario)), "Party")
    return model


def test_the_model_shows_parts_that_add_up_to_the_frozen_total(qtmodeltester, scenario):
    model = model_of(scenario)
    qtmodeltester.check(model)
    parts = [Decimal(model.index(r, AMOUNT).data().replace(",", "")) for r in range(model.rowCount())]
    total = Decimal(model.total_texts()[AMOUNT].replace(",", ""))
    assert sum(parts) == total
    assert sum(model.index(r, AMOUNT).data(RAW_VALUE_ROLE) for r in range(model.rowCount())) == 100_000_001
    assert model.index(1, 1).data(Qt.ItemDataRole.FontRole).italic()  # user-entered figure
    assert "[U]" in model.index(2, 1).data()


def test_a_same_shape_update_does_not_reset_the_rows(qtbot, scenario):
    model = model_of(scenario)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    changed = scenario.model_copy(update={"items": (scenario.items[0].model_copy(update={"amount_fen": 5}),)})
    model.set_table(shown_table(compute(changed).items[0].table(), display_precision(changed)), "Party")
    assert not resets
    assert model.index(0, AMOUNT).data(RAW_VALUE_ROLE) + model.index(1, AMOUNT).data(RAW_VALUE_ROLE) <= 5


def equal_parties(count: int, amount_fen: int, unit: str = "wan_yuan", decimals: int = 2) -> Scenario:
    parties = tuple(Party(id=f"p{i}", name_zh=f"第{i}市") for i in range(count))
    item = ProportionalSplit(
        id="x", amount_fen=amount_fen, basis="weights", weights={p.id: "1" for p in parties}, title="测试"
    )
    return Scenario(title="三方", parties=parties, items=(item,), display=DisplaySettings(unit=unit, decimals=decimals))


def screen_and_paper(scenario: Scenario) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(share, amount) per party as the table model shows them and as the agreement prints them."""
    model = model_of(scenario)
    screen = [(model.index(r, SHARE).data(), model.index(r, AMOUNT).data()) for r in range(model.rowCount())]
    screen.append((model.total_texts()[SHARE], model.total_texts()[AMOUNT]))
    table = build_agreement(scenario).article("items.x.amounts").table
    assert table is not None
    assert table.total_row is not None
    paper = [(row[-2], row[-1]) for row in table.rows] + [(table.total_row[-2], table.total_row[-1])]
    return screen, paper


def test_three_equal_parties_show_the_same_percentages_on_screen_and_on_paper():
    screen, paper = screen_and_paper(equal_parties(3, 100_000_00))
    assert screen == paper
    assert [share for share, _ in screen] == ["33.34%", "33.33%", "33.33%", "100.00%"]


@settings(max_examples=40, deadline=None)
@given(
    weights=st.lists(st.integers(0, 10**6), min_size=1, max_size=12).filter(any),
    amount=st.integers(0, 10**15),
    unit=st.sampled_from(["yuan", "wan_yuan", "yi_yuan"]),
    decimals=st.integers(0, 4),
)
def test_the_table_model_and_the_agreement_agree_for_random_splits(weights, amount, unit, decimals):
    parties = tuple(Party(id=f"p{i}", name_zh=f"第{i}市") for i in range(len(weights)))
    item = ProportionalSplit(
        id="x",
        amount_fen=amount,
        basis="weights",
        weights={p.id: str(w) for p, w in zip(parties, weights, strict=True)},
    )
    scenario = Scenario(
        title="随机", parties=parties, items=(item,), display=DisplaySettings(unit=unit, decimals=decimals)
    )
    screen, paper = screen_and_paper(scenario)
    assert screen == paper
    parts = [Decimal(amount.replace(",", "")) for _share, amount in screen[:-1]]
    assert sum(parts) == Decimal(screen[-1][1].replace(",", ""))


@pytest.mark.parametrize("count", [3, 7])
def test_compute_json_prints_the_same_shown_numbers(count):
    from chengyu_accord.cost_sharing.report import compute_document

    scenario = equal_parties(count, 100_000_01)
    screen, _paper = screen_and_paper(scenario)
    table = compute_document(scenario)["items"][0]["tables"][0]
    printed = [(f"{row['cells'][1]['shown']}%", row["cells"][2]["shown"]) for row in table["rows"]]
    assert [(share, amount.replace(",", "")) for share, amount in screen[:-1]] == printed


def test_three_equal_parties_print_the_screen_numbers_in_the_pdf_and_the_docx(tmp_path):
    import pymupdf
    from docx import Document

    from chengyu_accord.desktop.export import render_agreement

    scenario = equal_parties(3, 100_000_00)
    screen, _paper = screen_and_paper(scenario)
    pdf_text = "".join(page.get_text() for page in pymupdf.open(render_agreement(scenario, tmp_path / "three.pdf")))
    docx = Document(str(render_agreement(scenario, tmp_path / "three.docx")))
    docx_cells = [cell.text for table in docx.tables for row in table.rows for cell in row.cells]
    for share, amount in screen:
        assert share in pdf_text
        assert amount in pdf_text
        assert share in docx_cells
        assert amount in docx_cells
    assert "33.33%" in pdf_text
    assert "33.34%" in pdf_text


def test_the_emphasised_column_is_starred_and_bold():
    """The split the agreement adopts stands out among the methods compared: a star before its name, bold."""
    from chengyu_accord.cost_sharing.bilingual import Bilingual
    from chengyu_accord.cost_sharing.money import DisplayPrecision
    from chengyu_accord.cost_sharing.results import Column, ResultTable, Row
    from chengyu_accord.widgets.result_table import EMPHASIS_MARK

    columns = tuple(Column(key, Bilingual(key, key), "money") for key in ("a", "b"))
    rows = (Row("p", Bilingual("甲", "P"), (100, 200)), Row("q", Bilingual("乙", "Q"), (300, 400)))
    table = ResultTable("methods", Bilingual("对比", "Compared"), columns, rows, emphasis="b")
    model = ResultTableModel()
    model.set_table(shown_table(table, DisplayPrecision()))
    headers = [model.headerData(s, Qt.Orientation.Horizontal) for s in range(model.columnCount())]
    assert headers[2].startswith(EMPHASIS_MARK)
    assert not headers[1].startswith(EMPHASIS_MARK)
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, 2), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, 1), Qt.ItemDataRole.FontRole) is None
