"""The agreement details panel: every change is one pure edit; the panel shows the scenario it is handed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from chengyu_accord.cost_sharing.edits import (
    EditError,
    SetCopiesPerParty,
    SetItemText,
    SetRepresentative,
    SetSignatory,
    SetSigningDate,
    SetSigningPlace,
    SetTitle,
    SetTitleEn,
)
from chengyu_accord.cost_sharing.scenario import Scenario
from chengyu_accord.widgets.agreement_details import (
    REPRESENTATIVE_COLUMN,
    SIGNATORY_COLUMN,
    AgreementDetailsWidget,
)


class Session:
    """What the window does with the panel: apply each edit and hand the new scenario back."""

    def __init__(self, panel: AgreementDetailsWidget, scenario: Scenario) -> None:
        self.panel = panel
        self.scenario = scenario
        self.edits: list[object] = []
        self.refused: list[EditError] = []
        panel.edit_requested.connect(self.apply)
        panel.set_scenario(scenario)

    def apply(self, edit, gesture: int) -> None:
        assert gesture == 0
        try:
            self.scenario = edit.apply(self.scenario)
        except EditError as exc:
            self.refused.append(exc)
            return
        self.edits.append(edit)
        self.panel.set_scenario(self.scenario)


@pytest.fixture
def session(qtbot, scenario) -> Session:
    panel = AgreementDetailsWidget()
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return Session(panel, scenario)


def ime_type(widget, text: str) -> None:
    """Type as a Chinese input method does: the IME commits the composed text in one event."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _type(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    ime_type(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _edit_cell(qtbot, session: Session, row: int, column: int, text: str) -> None:
    """Double-click the cell, type, press Enter: as a user edits a table cell."""
    table = session.panel.parties_table
    where = table.visualRect(table.model().index(row, column)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert editor.parent() is table.viewport()
    editor.selectAll()
    ime_type(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)


def test_it_shows_the_scenario(session):
    panel = session.panel
    assert panel.title_edit.text() == "测试"
    assert panel.title_en_edit.text() == ""
    assert panel.item_title_edit.text() == "测试分摊"
    assert not panel.item_box.isVisible()  # one item: nothing to choose
    assert panel.no_date_box.isChecked()
    assert not panel.date_edit.isEnabled()
    assert panel.copies_spin.value() == 2
    table = panel.parties_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["甲市", "乙区", "丙县"]
    # no office set: the default the agreement prints is shown
    assert [table.item(r, SIGNATORY_COLUMN).text() for r in range(3)] == [
        "甲市人民政府",
        "乙区人民政府",
        "丙县人民政府",
    ]


def test_typed_titles_notes_place_and_copies_become_one_edit_each(qtbot, session):
    panel = session.panel
    _type(qtbot, panel.title_edit, "新协议")
    _type(qtbot, panel.title_en_edit, "New agreement")
    _type(qtbot, panel.item_title_edit, "事项")
    panel.item_notes_edit.setFocus()
    ime_type(panel.item_notes_edit, "说明")
    panel.place_edit.setFocus()  # leaving the notes commits them
    _type(qtbot, panel.place_edit, "成都")
    panel.copies_spin.setFocus()
    qtbot.keyClick(panel.copies_spin, Qt.Key.Key_Up)
    assert session.edits == [
        SetTitle("新协议"),
        SetTitleEn("New agreement"),
        SetItemText("i", "title", "事项"),
        SetItemText("i", "notes", "说明"),
        SetSigningPlace("成都"),
        SetCopiesPerParty(3),
    ]
    assert "9" in panel.copies_note.text()  # three parties keep three originals each
    # pressing Enter again, or leaving a field unchanged, makes no edit
    qtbot.keyClick(panel.title_edit, Qt.Key.Key_Return)
    assert len(session.edits) == 6


def test_the_date_can_be_set_and_cleared(qtbot, session):
    panel = session.panel
    qtbot.mouseClick(panel.no_date_box, Qt.MouseButton.LeftButton)
    assert panel.date_edit.isEnabled()
    panel.date_edit.setDate(QDate(2026, 3, 18))
    assert session.scenario.agreement.signing_date == date(2026, 3, 18)
    qtbot.mouseClick(panel.no_date_box, Qt.MouseButton.LeftButton)
    assert session.scenario.agreement.signing_date is None
    assert isinstance(session.edits[-1], SetSigningDate)


def test_signatory_offices_and_representatives_are_typed_in_the_table(qtbot, session):
    _edit_cell(qtbot, session, 0, REPRESENTATIVE_COLUMN, "张三")
    _edit_cell(qtbot, session, 1, SIGNATORY_COLUMN, "乙区发展和改革局")
    assert session.edits == [SetRepresentative("a", "张三"), SetSignatory("b", "乙区发展和改革局")]
    # typing the default office back removes the entry
    _edit_cell(qtbot, session, 1, SIGNATORY_COLUMN, "乙区人民政府")
    assert session.scenario.agreement.signatories == {}
    assert session.scenario.agreement.representatives == {"a": "张三"}


def test_a_refused_value_names_the_field(qtbot, session):
    _type(qtbot, session.panel.title_en_edit, "   ")
    assert [e.field for e in session.refused] == ["title_en"]


def test_a_changed_scenario_updates_the_fields_but_not_what_is_being_typed(qtbot, session):
    panel = session.panel
    panel.place_edit.setFocus()
    ime_type(panel.place_edit, "重庆")  # typing, not committed yet
    panel.set_scenario(SetTitle("另一个").apply(session.scenario))  # e.g. a slider moved elsewhere, or undo
    assert panel.title_edit.text() == "另一个"
    assert panel.place_edit.text() == "重庆"
    panel.set_scenario(session.scenario)  # undo back to the scenario before
    assert panel.title_edit.text() == "测试"
