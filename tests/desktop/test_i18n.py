"""The Chinese catalogue is complete, every string can be drawn, and switching language is live."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QListWidget, QTableView

from chengyu_accord import data
from chengyu_accord.desktop.fonts import load_cjk_font
from chengyu_accord.desktop.i18n import CATALOGUE_NAME, i18n_dir

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted([*(REPO / "desktop").rglob("*.py"), *(REPO / "widgets").rglob("*.py")])  # subpackages too


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → finished translation, or None when unfinished/empty."""
    messages = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
            messages[(name, message.findtext("source"))] = translation.text if finished and translation.text else None
    return messages


def _lupdate() -> str:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(tool) if tool.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        pytest.skip("pyside6-lupdate is not installed")
    return found


def test_every_source_string_has_a_chinese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [_lupdate(), *map(str, SOURCES), "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    committed = _messages(i18n_dir() / f"{CATALOGUE_NAME}.ts")
    wanted = _messages(fresh)
    missing = [key for key in wanted if not committed.get(key)]
    assert not missing, (
        "user-visible strings missing from resources/i18n/accord_zh_CN.ts (run pyside6-lupdate, translate, "
        f"then pyside6-lrelease): {missing}"
    )


def test_the_compiled_catalogue_matches_the_ts(qapp):
    translator = QTranslator()
    assert translator.load(CATALOGUE_NAME, str(i18n_dir()))
    stale = [
        (context, source)
        for (context, source), text in _messages(i18n_dir() / f"{CATALOGUE_NAME}.ts").items()
        if text and translator.translate(context, source) != text
    ]
    assert not stale, f"accord_zh_CN.qm is older than the .ts; run pyside6-lrelease: {stale[:5]}"


def _all_strings() -> list[str]:
    strings = []
    for (_context, source), text in _messages(i18n_dir() / f"{CATALOGUE_NAME}.ts").items():
        strings.append(source)
        strings.append(text or "")
    for unit in data.units():
        strings += [unit.name_zh, unit.name_en]
    return strings


def test_the_cjk_font_has_a_glyph_for_every_ui_string_and_unit_name(qapp):
    metrics = QFontMetrics(load_cjk_font())
    missing = sorted(
        {
            (ch, f"U+{ord(ch):04X}")
            for text in _all_strings()
            for ch in text
            if ch != "\n" and not metrics.inFontUcs4(ord(ch))
        }
    )
    assert not missing, f"characters the UI font cannot draw (they would show as boxes): {missing}"


def _visible_texts(window) -> dict[str, str]:
    """Every piece of interface text a user can see or open: labels, buttons, menus, actions, headers, tabs."""
    texts: dict[str, str] = {}
    for widget in window.findChildren(QLabel):
        if widget.isVisible() and widget.text().strip():
            texts[f"label:{widget.objectName() or id(widget)}"] = widget.text()
    for widget in window.findChildren(QAbstractButton):
        if widget.isVisible() and widget.text().strip():
            texts[f"button:{id(widget)}"] = widget.text()
    for widget in window.findChildren(QGroupBox):
        if widget.isVisible():
            texts[f"group:{id(widget)}"] = widget.title()
    for widget in window.findChildren(QComboBox):
        if widget.isVisible():
            texts[f"combo:{id(widget)}"] = widget.currentText()
    for view in window.findChildren(QListWidget):
        if view.isVisible():
            for row in range(view.count()):
                texts[f"list:{view.objectName() or id(view)}:{row}"] = view.item(row).text()
    for view in window.findChildren(QTableView):
        if view.horizontalHeader().isHidden():  # e.g. the frozen total row under a result table
            continue
        model = view.model()
        for column in range(model.columnCount()):
            texts[f"header:{id(view)}:{column}"] = str(model.headerData(column, _horizontal()))
    menus = (window.file_menu, window.edit_menu, window.view_menu, window.help_menu, window.language_menu)
    for number, menu in enumerate(menus):
        texts[f"menu:{number}"] = menu.title()
        for position, action in enumerate(menu.actions()):
            if action.text() and action not in (window.zh_action, window.en_action) and not action.isSeparator():
                texts[f"action:{number}:{position}"] = action.text()
    for index in range(window.tabs.count()):
        texts[f"tab:{index}"] = window.tabs.tabText(index)
    texts["dock"] = window.parties_dock.windowTitle()
    return texts


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


# Texts that are the same in both languages on purpose: the scenario's own title, the item's notes and the
# note on where its amount comes from (user data, written in Chinese).
SAME_IN_BOTH = {"tab:0", "label:item_notes", "label:amount_provenance_note"}


def test_switching_language_changes_every_visible_text_live(qtbot, window):
    chinese = _visible_texts(window)
    window.en_action.trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    english = _visible_texts(window)
    unchanged = {key: text for key, text in chinese.items() if key not in SAME_IN_BOTH and english.get(key) == text}
    assert not unchanged, f"texts that did not change language: {unchanged}"
    assert window.preferences.language == "en"
    window.zh_action.trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    assert _visible_texts(window) == chinese


def test_chinese_is_the_default_language(window):
    assert window.language.language == "zh_CN"
    assert window.file_menu.title() == "文件(&F)"


def test_diagnostics_and_partial_units_follow_the_language(qtbot, window):
    """The problems of an item that cannot be computed, and the "(part)" marks, switch language too."""
    box = window.workspaces[0].basis_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # 地区生产总值
    qtbot.keyClick(box, Qt.Key.Key_Down)  # 一般公共预算收入: missing for several parties
    qtbot.waitUntil(lambda: window.document.scenario.items[0].basis == "budget_revenue")
    chinese = _visible_texts(window)
    assert any(key.startswith("list:diagnostics") for key in chinese)
    model = window.parties_panel.model
    partial_row = next(r for r in range(model.rowCount()) if "（部分）" in model.index(r, 1).data())
    window.en_action.trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    english = _visible_texts(window)
    unchanged = {key: text for key, text in chinese.items() if key not in SAME_IN_BOTH and english.get(key) == text}
    assert not unchanged, f"texts that did not change language: {unchanged}"
    assert model.index(partial_row, 1).data().endswith(" (part)")
    window.zh_action.trigger()
