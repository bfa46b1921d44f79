"""Exporting asks which language, format and draft label; a stale article is checked once, never printed as code."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog

from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.cost_sharing.agreement.edits import with_article_edit
from chengyu_accord.cost_sharing.presets import default_scenario
from chengyu_accord.cost_sharing.scenario import Scenario
from chengyu_accord.desktop.export import render_agreement
from chengyu_accord.desktop.export_dialog import (
    ExportCheck,
    ExportCheckDialog,
    ExportChoices,
    ExportDialog,
    review_notes,
)

PAYMENT = "items.zhongxian-rail.payment"


def interface(locale: QLocale):
    """The interface in ``locale``'s language, as the application sets it (the default QLocale)."""
    saved = QLocale()
    QLocale.setDefault(locale)
    yield
    QLocale.setDefault(saved)


@pytest.fixture
def english_interface():
    yield from interface(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def chinese_interface():
    yield from interface(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


@pytest.fixture
def dialog(qtbot, english_interface):
    shown = ExportDialog("征求意见稿")
    qtbot.addWidget(shown)
    shown.show()
    return shown


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def stale_scenario() -> Scenario:
    """The rail example with its payment article reworded, then its amount doubled: the article is stale."""
    scenario = default_scenario()
    edited = with_article_edit(scenario, PAYMENT, "渝北区应于2027年底前拨付{amount:500112}，其余各方按附件执行。")
    item = edited.items[0]
    return edited.model_copy(update={"items": (item.model_copy(update={"amount_fen": item.amount_fen * 2}),)})


def test_the_default_is_chinese_even_with_the_english_interface(dialog):
    assert dialog.choices() == ExportChoices(languages=("zh",), suffix=".pdf", draft_label="征求意见稿", redline=False)


def test_choosing_english_then_both_languages(qtbot, dialog, tmp_path):
    click(qtbot, dialog.english)
    assert dialog.choices().languages == ("en",)
    assert dialog.choices().outputs(tmp_path / "协议.pdf") == [(tmp_path / "协议.pdf", "en")]

    click(qtbot, dialog.both)
    click(qtbot, dialog.docx)
    click(qtbot, dialog.redline)
    dialog.draft_label.setCurrentIndex(dialog.draft_label.findData("送审稿"))
    click(qtbot, dialog.export_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    choices = dialog.choices()
    assert choices == ExportChoices(languages=("zh", "en"), suffix=".docx", draft_label="送审稿", redline=True)
    assert choices.outputs(tmp_path / "协议.docx") == [
        (tmp_path / "协议.docx", "zh"),
        (tmp_path / "协议-en.docx", "en"),
    ]
    assert choices.outputs(tmp_path / "协议 v1.2") == [
        (tmp_path / "协议 v1.2.docx", "zh"),
        (tmp_path / "协议 v1.2-en.docx", "en"),
    ]
    assert "*.docx" in choices.file_filter()


def test_draft_labels_are_named_in_the_interface_language_but_chosen_as_printed(dialog):
    assert dialog.draft_label.currentText() == "征求意见稿 — Draft for comment"
    assert dialog.choices().draft_label == "征求意见稿"


@pytest.mark.parametrize(
    ("button", "answer"),
    [("accept_all_button", ExportCheck.ACCEPT_ALL), ("as_is_button", ExportCheck.AS_IS), ("cancel_button", None)],
)
def test_the_check_lists_each_note_once_in_words_and_asks(qtbot, chinese_interface, button, answer):
    notes = review_notes(stale_scenario())
    check = ExportCheckDialog(notes)
    qtbot.addWidget(check)
    check.show()
    listed = [check.notes.item(i).text() for i in range(check.notes.count())]
    assert listed[0].startswith("第四条中渝北区的分担金额已由")
    assert len(listed) == len(set(listed)) == len(notes)
    assert not any("{" in line for line in listed)
    click(qtbot, getattr(check, button))
    assert check.answer == (answer or ExportCheck.CANCEL)


def test_no_check_is_needed_when_no_number_moved():
    assert review_notes(default_scenario()) == []


def pdf_text(path: Path) -> str:
    with pymupdf.open(path) as pdf:
        return "".join(page.get_text() for page in pdf).replace("\n", "")


def test_the_pdf_body_carries_no_code_and_no_stale_note_unless_a_redline_is_asked(tmp_path):
    scenario = stale_scenario()
    new_amount = build_agreement(scenario).article(PAYMENT).bound_values["amount:500112"]

    clean = pdf_text(render_agreement(scenario, tmp_path / "clean.pdf"))
    assert f"渝北区应于2027年底前拨付{new_amount}" in clean
    assert "{amount:" not in clean
    assert "请核对" not in clean
    assert "已由" not in clean

    marked = pdf_text(render_agreement(scenario, tmp_path / "redline.pdf", redline=True))
    assert "{amount:" not in marked
    assert "【本条编辑后金额已变动，请核对】" in marked
    assert f"变为{new_amount}" in marked
    assert "第四条中渝北区的分担金额已由" in marked
