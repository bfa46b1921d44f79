"""The agreement panel in the application: reword an article, undo it, see it flagged when the numbers move."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from chengyu_accord.cost_sharing.agreement.binding import STALE_MARKER_ZH
from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.cost_sharing.agreement.edits import ConfirmAllArticles
from chengyu_accord.cost_sharing.agreement.model import plain
from chengyu_accord.cost_sharing.instruments.proportional.edits import SetItemAmount
from chengyu_accord.cost_sharing.money import Unit

PAYMENT = "items.zhongxian-rail.payment"


def open_panel(qtbot, window):
    window.agreement_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.agreement_editor.articles.count() > 0)
    return window.agreement_editor


def select(editor, key: str) -> None:
    keys = [editor.articles.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(editor.articles.count())]
    editor.articles.setCurrentRow(keys.index(key))


def commit_text(widget, text: str) -> None:
    """What a Chinese input method sends when the user confirms a phrase."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_the_panel_is_closed_at_start_and_lists_the_articles_when_opened(qtbot, window):
    assert not window.agreement_dock.isVisible()
    editor = open_panel(qtbot, window)
    labels = [editor.articles.item(i).text() for i in range(editor.articles.count())]
    assert labels[0].startswith("第一条")


def test_reword_undo_redo_and_stale_flag(qtbot, window):
    editor = open_panel(qtbot, window)
    select(editor, PAYMENT)
    editor.template.selectAll()
    commit_text(editor.template, "渝北区应于2027年底前拨付{amount:500112}，其余各方按附件执行。")
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)

    edits = window.document.scenario.agreement.article_edits
    assert edits[PAYMENT].text.startswith("渝北区应于2027年底前拨付")
    assert window.isWindowModified()
    assert "✎" in editor.articles.currentItem().text()
    digest = window.digest

    window.undo_action.trigger()
    assert PAYMENT not in window.document.scenario.agreement.article_edits
    assert window.digest == digest  # wording never changes the fingerprint
    window.redo_action.trigger()
    assert PAYMENT in window.document.scenario.agreement.article_edits

    amount = window.workspaces[0].amount_editor
    amount.unit_box.setCurrentIndex(amount.unit_box.findData(Unit.YI_YUAN))
    amount.line_edit.selectAll()
    qtbot.keyClicks(amount.line_edit, "700")
    qtbot.keyClick(amount.line_edit, Qt.Key.Key_Return)
    assert window.document.scenario.items[0].amount_fen == 700 * 100_000_000 * 100

    select(editor, PAYMENT)
    assert "⚠" in editor.articles.currentItem().text()
    assert editor.confirm_button.isEnabled()
    assert "渝北区的分担金额已由" in editor.notes.item(0).text()
    body = "\n".join(plain(p) for p in build_agreement(window.document.scenario).article(PAYMENT).paragraphs)
    assert STALE_MARKER_ZH not in body  # the printed body carries the new numbers, not the review notes
    redline = build_agreement(window.document.scenario, redline=True).article(PAYMENT)
    assert STALE_MARKER_ZH in "\n".join(plain(p) for p in redline.paragraphs)

    qtbot.mouseClick(editor.confirm_button, Qt.MouseButton.LeftButton)
    assert not build_agreement(window.document.scenario).article(PAYMENT).stale


def test_print_options_are_undoable(qtbot, window):
    editor = open_panel(qtbot, window)
    editor.draft_label.setCurrentText("送审稿")
    assert window.document.scenario.agreement.draft_label == "送审稿"
    window.undo_action.trigger()
    assert window.document.scenario.agreement.draft_label == "讨论稿"
    assert editor.draft_label.currentText() == "讨论稿"


def test_every_panel_can_be_closed_and_brought_back_from_the_view_menu(qtbot, window):
    for dock in (window.parties_dock, window.agreement_dock):
        toggle = dock.toggleViewAction()
        assert toggle.isEnabled()
        was = dock.isVisible()
        toggle.trigger()
        qtbot.waitUntil(lambda d=dock, w=was: d.isVisible() != w)
        toggle.trigger()
        qtbot.waitUntil(lambda d=dock, w=was: d.isVisible() == w)


def test_accepting_every_changed_number_is_one_undo_step(qtbot, window):
    editor = open_panel(qtbot, window)
    for key in (PAYMENT, "items.zhongxian-rail.amounts"):
        select(editor, key)
        editor.template.selectAll()
        commit_text(editor.template, "渝北区拨付{amount:500112}。")
        qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    item = window.document.scenario.items[0]
    window.apply_edit(SetItemAmount(item.id, item.amount_fen * 2))
    assert not editor.accept_all_button.isHidden()
    assert "2" in editor.stale_summary.text()

    window.apply_edit(ConfirmAllArticles())
    assert not any(a.stale for a in build_agreement(window.document.scenario).articles)
    assert editor.accept_all_button.isHidden()
    window.undo_action.trigger()
    assert sum(a.stale for a in build_agreement(window.document.scenario).articles) == 2
    assert not editor.accept_all_button.isHidden()
