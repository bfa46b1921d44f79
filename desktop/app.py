"""Start-up: the QApplication, font, language, the first scenario, crash recovery, the window.

Only what the first window needs is imported here; pyqtgraph loads right after
the window is shown, and pandas, scipy and reportlab only when a feature needs
them.
"""

from __future__ import annotations

import gc
import re
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from chengyu_accord.cost_sharing import __version__
from chengyu_accord.cost_sharing.storage import ScenarioFileError, SetAside, read_scenario

from . import autosave, defaults, dialogs
from .document import ScenarioDocument
from .fonts import FontNotFoundError, load_cjk_font
from .i18n import LanguageSwitcher
from .main_window import MainWindow
from .settings import Preferences

ORGANIZATION = "ChengyuAccord"
APPLICATION = "Accord"
DEFAULT_SIZE = (1560, 940)


SWITCH_INTERVAL_S = 0.0001
"""How soon a thread waiting for the interpreter lock gets it (CPython's default is 5 ms). Painting a table calls
back into Python for every cell, and each call waits up to this long while the compute worker runs: at the default,
a factor-weight step on a 44-party project held the window for 120 ms while its computation ran; at 0.1 ms, for
43 ms (the cost-sharing benchmark in ``bench/``)."""


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Accord's names (for QSettings and data folders) and its CJK font."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app.setApplicationDisplayName("成渝协同 Accord")
    try:
        app.setFont(load_cjk_font())
    except FontNotFoundError as exc:
        print(f"chengyu: {exc}", file=sys.stderr)
        dialogs.show_error(None, str(exc).splitlines()[0], str(exc).split("\n", 1)[-1])
    return app


def launch(path: Path | None = None, *, recovery_folder: Path | None = None) -> MainWindow:
    """Build and show the main window on ``path`` (or the default scenario), offering crash recovery."""
    preferences = Preferences()
    language = LanguageSwitcher()
    language.apply(preferences.language)
    scenario, problem = defaults.default_scenario(), None
    if path is not None:
        try:
            scenario = read_scenario(path)
        except ScenarioFileError as exc:
            problem, path = exc, None
    document = ScenarioDocument(scenario, path)
    folder = recovery_folder if recovery_folder is not None else autosave.recovery_folder()
    recovery = autosave.find_recovery(folder)
    window = MainWindow(document, preferences, language, folder, defaults.catalogue())
    window.fit_to_screen(*DEFAULT_SIZE)
    window.restore_window_state()
    window.show()
    window.keep_on_screen()
    # what start-up built lives for the whole session: keep it out of the collector's way, so that a garbage
    # collection during a slider drag has only the session's own objects to look at
    gc.freeze()
    notices = startup_notices(preferences, recovery)
    if notices:
        window.statusBar().showMessage("  ".join(notices))
    if problem is not None:
        dialogs.show_error(
            window,
            QCoreApplication.translate("MainWindow", "“%1” could not be opened.").replace("%1", str(problem.path)),
            QCoreApplication.translate(
                "App", "The default scenario was opened instead. Fix the problems listed under Details."
            ),
            [str(p) for p in problem.problems],
        )
    if isinstance(recovery, autosave.Recovery):
        if dialogs.ask_restore(window, recovery.saved_at, recovery.scenario.title):
            document.replace(recovery.scenario, recovery.original_path, dirty=recovery.dirty)
        else:
            window.autosaver.discard()
            window.autosaver.timer.start()
    return window


def startup_notices(preferences: Preferences, recovery: autosave.Recovery | SetAside | None) -> list[str]:
    """One line for each file of Accord's own that could not be used as it was; shown once in the status bar."""
    notices: list[str] = []
    if isinstance(recovery, SetAside):
        if recovery.moved_to is None:
            text = QCoreApplication.translate("App", "The recovery copy could not be read (%1) and will be replaced.")
        else:
            text = QCoreApplication.translate(
                "App", "The recovery copy could not be read (%1); it was set aside as %2."
            )
        notices.append(_fill(text, recovery.reason, str(recovery.moved_to)))
    aside = preferences.set_aside
    if aside is not None:
        if aside.moved_to is None:
            text = QCoreApplication.translate(
                "App", "The preferences file could not be read (%1) and will be replaced; defaults are used."
            )
        else:
            text = QCoreApplication.translate(
                "App", "The preferences file could not be read (%1); it was set aside as %2; defaults are used."
            )
        notices.append(_fill(text, aside.reason, str(aside.moved_to)))
    if preferences.newer_version is not None:
        text = QCoreApplication.translate(
            "App", "The preferences were written by a newer Accord (format %1); changes last for this session only."
        )
        notices.append(_fill(text, str(preferences.newer_version)))
    return notices


def _fill(text: str, *args: str) -> str:
    """Qt-style %1, %2… in one pass, so that a %n inside an inserted text stays as it is."""
    return re.sub(r"%(\d)", lambda m: args[int(m[1]) - 1] if 0 < int(m[1]) <= len(args) else m[0], text)


def _install_excepthook(window: MainWindow) -> None:
    """An unexpected error becomes a dialog; the session (and its undo history) stays as it was."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        print(details, file=sys.stderr)
        dialogs.show_error(
            window,
            QCoreApplication.translate("App", "An unexpected error occurred: %1").replace(
                "%1", str(value) or kind.__name__
            ),
            QCoreApplication.translate(
                "App", "Your scenario is unchanged. Save your work, and send the details to the Accord team."
            ),
            details.splitlines(),
        )

    sys.excepthook = hook


def run(path: Path | None = None) -> int:
    """The ``chengyu`` GUI: returns the application's exit code."""
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = create_application()
    window = launch(path)
    _install_excepthook(window)
    return app.exec()
