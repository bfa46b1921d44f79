"""The article editor: reword with bound numbers, see it as printed, get told about stale or unprintable text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.cost_sharing.agreement.edits import with_article_edit
from chengyu_accord.cost_sharing.scenario import Scenario
from chengyu_accord.cost_sharing.storage import read_scenario
from chengyu_accord.widgets.agreement_editor import MARK_EDITED, MARK_STALE, AgreementEditorWidget

PAYMENT = "items.i.payment"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def interface():
    """Set the interface language as the application does (the default QLocale), and put it back afterwards."""
    saved = QLocale()

    def use(language: QLocale.Language) -> None:
        QLocale.setDefault(
            QLocale(
                language,
                QLocale.Country.China if language == QLocale.Language.Chinese else QLocale.Country.UnitedStates,
            )
        )

    yield use
    QLocale.setDefault(saved)


@pytest.fixture
def editor(qtbot, scenario):
    widget = AgreementEditorWidget(glyph_check=lambda text: [ch for ch in text if ch == "\U0001f9ea"])
    qtbot.addWidget(widget)
    widget.set_agreement(build_agreement(scenario), scenario.agreement)
    widget.show()
    return widget


def type_text(widget, text: str) -> None:
    """Type as a Chinese input method does: the IME commits the composed text in one event."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def select(widget: AgreementEditorWidget, key: str) -> None:
    for row in range(widget.articles.count()):
        if widget.articles.item(row).data(Qt.ItemDataRole.UserRole + 1) == key:
            widget.articles.setCurrentRow(row)
            return
    raise AssertionError(f"no article {key}")


def test_typing_a_rewording_with_a_bound_amount_previews_and_applies(qtbot, editor):
    select(editor, PAYMENT)
    article = editor.current_article()
    assert article is not None
    assert not editor.apply_button.isEnabled()
    editor.template.selectAll()
    type_text(editor.template, "甲市于年底前拨付{amount:a}。")
    assert editor.preview.toPlainText() == f"甲市于年底前拨付{article.bound_values['amount:a']}。"
    with qtbot.waitSignal(editor.article_edited) as signal:
        qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert signal.args == [PAYMENT, "甲市于年底前拨付{amount:a}。"]


def test_an_unknown_placeholder_cannot_be_applied(qtbot, editor):
    select(editor, PAYMENT)
    editor.template.selectAll()
    type_text(editor.template, "拨付{amount:nobody}")
    assert not editor.apply_button.isEnabled()
    assert "nobody" in editor.status.text()


def test_a_character_no_font_can_print_is_named_when_entered(qtbot, editor):
    select(editor, PAYMENT)
    editor.template.selectAll()
    type_text(editor.template, "试管\U0001f9ea")
    assert "U+1F9EA" in editor.status.text()
    assert not editor.apply_button.isEnabled()


def test_bound_numbers_say_whose_they_are(editor):
    select(editor, PAYMENT)
    texts = [editor.placeholders.item(i).text() for i in range(editor.placeholders.count())]
    assert any(t.startswith("甲市 · ") and "{amount:a}" in t for t in texts), texts


def test_double_clicking_a_bound_number_inserts_its_placeholder(qtbot, editor):
    select(editor, PAYMENT)
    editor.template.clear()
    item = editor.placeholders.item(0)
    editor.placeholders.itemActivated.emit(item)
    assert editor.template.toPlainText() == item.data(Qt.ItemDataRole.UserRole + 2)


def doubled(scenario: Scenario) -> Scenario:
    """The scenario with its amount doubled: every bound amount moves."""
    data = scenario.model_dump()
    data["items"][0]["amount_fen"] *= 2
    return type(scenario).model_validate(data)


def test_edited_and_stale_articles_are_marked(editor, scenario):
    edited = with_article_edit(scenario, PAYMENT, "甲市拨付{amount:a}。")
    editor.set_agreement(build_agreement(edited), edited.agreement)
    select(editor, PAYMENT)
    assert MARK_EDITED in editor.articles.currentItem().text()
    assert editor.reset_button.isEnabled()
    assert not editor.confirm_button.isEnabled()
    assert editor.notes.isHidden()
    assert editor.accept_all_button.isHidden()

    changed = doubled(edited)
    editor.set_agreement(build_agreement(changed), changed.agreement)
    assert editor.current_key() == PAYMENT  # the selection survives a refresh
    assert MARK_STALE in editor.articles.currentItem().text()
    assert editor.confirm_button.isEnabled()
    assert not editor.notes.isHidden()
    assert editor.notes.count() >= 1


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (QLocale.Language.Chinese, "第四条中甲市的分担金额已由{old}变为{new}"),
        (QLocale.Language.English, "In Article 4, the number “甲市 · 分担金额” changed from {old} to {new}"),
    ],
)
def test_stale_notes_read_in_words_in_the_interface_language(editor, scenario, interface, language, words):
    interface(language)
    edited = with_article_edit(scenario, PAYMENT, "甲市拨付{amount:a}。")
    old = build_agreement(edited).article(PAYMENT).bound_values["amount:a"]
    changed = doubled(edited)
    new = build_agreement(changed).article(PAYMENT).bound_values["amount:a"]
    editor.set_agreement(build_agreement(changed), changed.agreement)
    select(editor, PAYMENT)
    notes = [editor.notes.item(i).text() for i in range(editor.notes.count())]
    assert notes[0] == words.format(old=old, new=new)
    assert not any("{" in note for note in notes)  # never a placeholder code
    assert notes[0] in editor.articles.currentItem().toolTip()


def test_a_bad_placeholder_is_reported_in_chinese_in_the_chinese_interface(editor, interface):
    interface(QLocale.Language.Chinese)
    select(editor, PAYMENT)
    editor.template.selectAll()
    type_text(editor.template, "拨付{amount:nobody}")
    assert "本条没有数值“{amount:nobody}”" in editor.status.text()
    assert "placeholder" not in editor.status.text()
    assert not editor.apply_button.isEnabled()
    editor.template.selectAll()
    type_text(editor.template, "余款 { 另议")
    assert "第4个字符是单独的“{”" in editor.status.text()


def test_a_control_character_is_refused_when_typed(editor):
    select(editor, PAYMENT)
    editor.template.selectAll()
    type_text(editor.template, "控制\x01字符")
    assert "U+0001" in editor.status.text()
    assert not editor.apply_button.isEnabled()


def test_accept_all_asks_once_for_every_stale_article(qtbot, editor, scenario):
    edited = with_article_edit(scenario, PAYMENT, "甲市拨付{amount:a}。")
    edited = with_article_edit(edited, "items.i.amounts", "乙区分担{amount:b}。")
    changed = doubled(edited)
    editor.set_agreement(build_agreement(changed), changed.agreement)
    assert "2" in editor.stale_summary.text()
    with qtbot.waitSignal(editor.all_confirmed):
        qtbot.mouseClick(editor.accept_all_button, Qt.MouseButton.LeftButton)


def test_many_stale_notes_never_grow_the_panel(qtbot):
    """The 15-party fund with every amount moved: its notes scroll in a bounded list inside the panel."""
    scenario = read_scenario(EXAMPLES / "sichuan-fund-by-gdp.json")
    item = scenario.items[0]
    key = f"items.{item.id}.payment"
    article = build_agreement(scenario).article(key)
    edited = with_article_edit(scenario, key, article.template + "\n本条另有约定。")
    changed = edited.model_copy(update={"items": (item.model_copy(update={"amount_fen": item.amount_fen * 3}),)})
    widget = AgreementEditorWidget()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_agreement(build_agreement(changed), changed.agreement)
    select(widget, key)
    assert widget.notes.count() >= 15
    # whatever the font (the CJK font the application loads makes lines taller), the content scrolls inside the
    # panel and the panel never asks the window for more height
    assert widget.minimumSizeHint().height() <= 600
    assert widget.sizeHint().height() <= 600


def test_hostile_text_shows_literally(qtbot, editor):
    select(editor, PAYMENT)
    editor.template.selectAll()
    qtbot.keyClicks(editor.template, "<b>&\"'")  # ASCII: real key presses
    assert editor.preview.toPlainText() == "<b>&\"'"


def test_print_options_are_requested_not_applied(qtbot, editor):
    with qtbot.waitSignal(editor.print_options_changed) as signal:
        editor.watermark.click()
    assert signal.args == ["讨论稿", True, False]
