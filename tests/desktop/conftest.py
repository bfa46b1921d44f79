"""Qt fixtures for the application shell: isolated settings, no real dialogs, a ready main window."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QSettings

from chengyu_accord.desktop import app as accord_app
from chengyu_accord.desktop import dialogs, export_dialog
from chengyu_accord.desktop.main_window import MainWindow

DIALOGS = (
    "ask_restore",
    "ask_save_changes",
    "ask_open_path",
    "ask_save_path",
    "show_error",
    "show_info",
    "ask_custom_party",
    "ask_new_scenario",
)
EXPORT_DIALOGS = ("ask_export_choices", "ask_export_check")


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, qapp) -> None:
    """Preferences go to a fresh INI file per test, never to the developer's real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("AccordTests")
    QCoreApplication.setApplicationName("AccordTests")


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any dialog a test did not expect fails the test instead of waiting for a click that never comes."""
    for module, names in ((dialogs, DIALOGS), (export_dialog, EXPORT_DIALOGS)):
        for name in names:

            def unexpected(*args: object, _name: str = name, **kwargs: object) -> None:
                raise AssertionError(f"unexpected dialog {_name}{args[1:]!r}")

            monkeypatch.setattr(module, name, unexpected)


@pytest.fixture
def recovery_folder(tmp_path: Path) -> Path:
    return tmp_path / "recovery"


@pytest.fixture
def make_window(qtbot, monkeypatch: pytest.MonkeyPatch, recovery_folder: Path):
    """Build main windows the way ``chengyu`` does; closes them (discarding changes) afterwards.

    Each window's translators are removed afterwards too: they are installed on the one QApplication, and one
    left behind would keep translating the next test's window after it switches to English.
    """
    made: list[MainWindow] = []

    def make(path: Path | None = None) -> MainWindow:
        accord_app.create_application()
        window = accord_app.launch(path, recovery_folder=recovery_folder)
        if window.preferences.window_state()[0] is None:  # unless a test restores a size it saved
            window.resize(1366, 740)  # a government laptop's screen, whatever the offscreen screen's size
        qtbot.addWidget(window, before_close_func=_discard_changes)
        qtbot.waitExposed(window)
        made.append(window)
        return window

    def _discard_changes(_window: MainWindow) -> None:
        monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: dialogs.SaveChoice.DISCARD)

    yield make
    for window in made:
        window.language.remove_translators()


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()
