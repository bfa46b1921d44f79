"""The article editor: reword with bound numbers, see it as printed, get told about stale or unprintable text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.cost_sharing.agreement.edits import with_article_edit
from chengyu_accord.widgets.agreement_editor import MARK_EDITED, MARK_STALE, AgreementEditorWidget

PAYMENT = "items.i.payment"


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
    assert editor.preview.text() == f"甲市于年底前拨付{article.bound_values['amount:a']}。"
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


def test_edited_and_stale_articles_are_marked(editor, scenario):
    edited = with_article_edit(scenario, PAYMENT, "甲市拨付{amount:a}。")
    editor.set_agreement(build_agreement(edited), edited.agreement)
    select(editor, PAYMENT)
    assert MARK_EDITED in editor.articles.currentItem().text()
    assert editor.reset_button.isEnabled()
    assert not editor.confirm_button.isEnabled()

    data = edited.model_dump()
    data["items"][0]["amount_fen"] *= 2
    changed = type(edited).model_validate(data)
    editor.set_agreement(build_agreement(changed), changed.agreement)
    assert editor.current_key() == PAYMENT  # the selection survives a refresh
    assert MARK_STALE in editor.articles.currentItem().text()
    assert editor.confirm_button.isEnabled()
    assert editor.status.text()


def test_hostile_text_shows_literally(qtbot, editor):
    select(editor, PAYMENT)
    editor.template.selectAll()
    qtbot.keyClicks(editor.template, "<b>&\"'")  # ASCII: real key presses
    assert editor.preview.text() == "<b>&\"'"


def test_print_options_are_requested_not_applied(qtbot, editor):
    with qtbot.waitSignal(editor.print_options_changed) as signal:
        editor.watermark.click()
    assert signal.args == ["讨论稿", True, False]
