"""The main window: a workspace per item, the parties panel, menus, status bar.

The window owns no scenario logic. It hands the document's scenario to the
workspaces and the parties panel, and puts the pure edits they emit on the
document's undo stack. Every dialog goes through :mod:`.dialogs`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing import __version__
from chengyu_accord.cost_sharing.agreement.binding import TemplateError
from chengyu_accord.cost_sharing.agreement.edits import (
    ConfirmAllArticles,
    ConfirmArticle,
    ResetArticle,
    SetArticleText,
    SetPrintOptions,
)
from chengyu_accord.cost_sharing.edits import AddParty, EditError
from chengyu_accord.cost_sharing.fingerprint import fingerprint, short_fingerprint
from chengyu_accord.cost_sharing.results import ScenarioResult
from chengyu_accord.cost_sharing.scenario import Party, Scenario
from chengyu_accord.cost_sharing.storage import ScenarioFileError, read_scenario, save_scenario
from chengyu_accord.widgets.agreement_details import AgreementDetailsWidget
from chengyu_accord.widgets.agreement_editor import AgreementEditorWidget
from chengyu_accord.widgets.chart import ChartWidget
from chengyu_accord.widgets.hint import HintBar
from chengyu_accord.widgets.labels import province_label, words
from chengyu_accord.widgets.parties_panel import PartiesPanel

from . import defaults, dialogs, export_dialog
from . import new_scenario as guided_start
from .autosave import Autosaver
from .document import ScenarioDocument
from .i18n import LanguageSwitcher
from .settings import Preferences
from .workspaces import workspace_for

APP_NAME = "成渝协同 Accord"


def _missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` the PDF font cannot print (the font is loaded on the first call)."""
    from chengyu_accord.desktop.export.fonts import FontError, missing_glyphs

    try:
        return missing_glyphs(text)
    except FontError:
        return []  # no PDF font at all: exporting says so, with what to install


PARTIES_PANEL_WIDTH = 660  # wide enough for the four figure columns at 1600 px
MNEMONIC = re.compile(r"[(（]&\w[)）]")
"""A Chinese menu text's mnemonic, "(&N)": the toolbar shows the words alone."""
WIDE_SCREEN = 1600
SIDE_PANEL_MIN_WIDTH = 340
"""Screens at least this wide show the parties panel beside the workspace from the start."""


class _ExportSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class ExportJob(QRunnable):
    """Renders the agreement files off the GUI thread; the result comes back through queued signals."""

    def __init__(self, scenario: Scenario, path: Path, choices: export_dialog.ExportChoices) -> None:
        super().__init__()
        self.scenario, self.path, self.choices = scenario, path, choices
        self.signals = _ExportSignals()

    def run(self) -> None:
        try:
            from chengyu_accord.desktop.export import render_agreement

            written = [
                render_agreement(
                    self.scenario,
                    output,
                    lang=lang,
                    draft_label=self.choices.draft_label,
                    redline=self.choices.redline,
                )
                for output, lang in self.choices.outputs(self.path)
            ]
            self.signals.finished.emit("、".join(str(path) for path in written))
        except Exception as exc:
            self.signals.failed.emit(str(exc))


class MainWindow(QMainWindow):
    """The application window around one :class:`ScenarioDocument`."""

    def __init__(
        self,
        document: ScenarioDocument,
        preferences: Preferences,
        language: LanguageSwitcher,
        recovery_folder: Path,
        catalogue: tuple[Party, ...] = (),
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.document = document
        self.preferences = preferences
        self.language = language
        self.workspaces: list[QWidget] = []
        self.export_pool = QThreadPool(self)
        self.catalogue = catalogue
        self._toolbar_words: dict[QAction, str] = {}

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("workspaces")
        self.tabs.setDocumentMode(True)
        self.hint = HintBar(self)
        self.hint.dismissed.connect(self._on_hint_dismissed)
        self.hint.setVisible(not preferences.hint_dismissed)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.hint)
        central_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.parties_panel = PartiesPanel(self)
        self.parties_panel.set_catalogue(catalogue, defaults.partial_units())
        self.parties_panel.edit_requested.connect(self.apply_edit)
        self.parties_panel.custom_party_requested.connect(self.add_custom_party)
        self.parties_dock = self.add_side_panel(self.parties_panel, "", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.parties_dock.setObjectName("parties_dock")

        self.agreement_editor = AgreementEditorWidget(glyph_check=_missing_glyphs, parent=self)
        self.agreement_editor.article_edited.connect(lambda key, text: self.apply_edit(SetArticleText(key, text)))
        self.agreement_editor.article_reset.connect(lambda key: self.apply_edit(ResetArticle(key)))
        self.agreement_editor.article_confirmed.connect(lambda key: self.apply_edit(ConfirmArticle(key)))
        self.agreement_editor.all_confirmed.connect(lambda: self.apply_edit(ConfirmAllArticles()))
        self.agreement_editor.print_options_changed.connect(
            lambda label, watermark, capital: self.apply_edit(SetPrintOptions(label, watermark, capital))
        )
        self.agreement_dock = self.add_side_panel(self.agreement_editor, "", Qt.DockWidgetArea.RightDockWidgetArea)
        self.agreement_dock.setObjectName("agreement_dock")
        self.agreement_dock.hide()  # opened from View; built only while shown, so start-up does not pay for it
        self.agreement_dock.visibilityChanged.connect(self._refresh_agreement)

        self.agreement_details = AgreementDetailsWidget(self)
        self.agreement_details.edit_requested.connect(self.apply_edit)
        self.details_dock = self.add_side_panel(self.agreement_details, "", Qt.DockWidgetArea.RightDockWidgetArea)
        self.details_dock.setObjectName("details_dock")
        self.details_dock.hide()  # opened from View ▸ Agreement Details or the toolbar
        for dock in (self.agreement_dock, self.details_dock):
            dock.visibilityChanged.connect(lambda visible, d=dock: visible and self._give_room(d))

        self.status_file = QLabel(self)
        self.status_busy = QProgressBar(self)
        self.status_busy.setRange(0, 0)
        self.status_busy.setMaximumWidth(160)
        self.status_busy.hide()
        self.status_compute = QProgressBar(self)
        self.status_compute.setObjectName("compute_progress")
        self.status_compute.setRange(0, 100)
        self.status_compute.setMaximumWidth(160)
        self.status_compute.hide()
        self.cancel_compute_button = QToolButton(self)
        self.cancel_compute_button.setObjectName("cancel_compute")
        self.cancel_compute_button.hide()
        self.cancel_compute_button.clicked.connect(document.cancel)
        self.status_fingerprint = QLabel(self)
        self.status_fingerprint.setObjectName("status_fingerprint")
        self.status_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.digest = ""
        self.statusBar().addWidget(self.status_file, 1)
        self.statusBar().addPermanentWidget(self.status_busy)
        self.statusBar().addPermanentWidget(self.status_compute)
        self.statusBar().addPermanentWidget(self.cancel_compute_button)
        self.statusBar().addPermanentWidget(self.status_fingerprint)

        self._create_actions()
        self._create_menus()
        self.autosaver = Autosaver(document, recovery_folder)
        self.autosaver.failed.connect(
            lambda why: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "The recovery copy could not be saved: %1").replace("%1", why)
            )
        )
        document.changed.connect(self._on_scenario_changed)
        document.busy_changed.connect(self._on_busy_changed)
        document.progress_changed.connect(lambda fraction: self.status_compute.setValue(round(fraction * 100)))
        document.compute_failed.connect(self._on_compute_failed)
        document.compute_cancelled.connect(self._on_compute_cancelled)
        document.structure_changed.connect(self._rebuild_workspaces_if_needed)
        document.file_state_changed.connect(self._update_file_state)
        document.undo_stack.indexChanged.connect(self._update_undo_actions)
        self._rebuild_workspaces_if_needed()
        self._on_scenario_changed(document.scenario, document.result)
        self._retranslate()
        self.resizeDocks([self.parties_dock], [PARTIES_PANEL_WIDTH], Qt.Orientation.Horizontal)

    def fit_to_screen(self, width: int, height: int) -> None:
        """Open at ``width``×``height`` or, on a smaller screen (a 1366×768 laptop), at the screen's free area."""
        screen = self.screen().availableGeometry()
        fitted_width, fitted_height = min(width, screen.width()), min(height, screen.height())
        self.resize(fitted_width, fitted_height)
        self.move(screen.topLeft())
        # the parties panel takes at most a third: the workspace keeps room for its table and chart; on a laptop
        # screen it starts hidden (View ▸ Parties Panel, or the toolbar, brings it back; the choice is remembered)
        self.resizeDocks([self.parties_dock], [min(PARTIES_PANEL_WIDTH, fitted_width // 3)], Qt.Orientation.Horizontal)
        self.parties_dock.setVisible(screen.width() >= WIDE_SCREEN)

    def _give_room(self, dock: QDockWidget) -> None:
        """A right-hand panel opens as wide as its content wants, up to a third of the window."""
        wanted = max(dock.widget().sizeHint().width(), SIDE_PANEL_MIN_WIDTH)
        self.resizeDocks([dock], [min(wanted, self.width() // 3)], Qt.Orientation.Horizontal)

    def _update_tab_titles(self) -> None:
        """Tab titles follow the items' titles; an unchanged title is not set again (it would lay the tabs out)."""
        for index, workspace in enumerate(self.workspaces):
            if self.tabs.tabText(index) != workspace.title():
                self.tabs.setTabText(index, workspace.title())

    def keep_on_screen(self) -> None:
        """After showing (when the window frame is known), or a restore from a larger monitor: the whole window,
        title bar included, lies on the screen."""
        screen = self.screen().availableGeometry()
        frame = self.frameGeometry()
        extra_width, extra_height = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), screen.width() - extra_width)
        height = min(self.height(), screen.height() - extra_height)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), screen.left()), screen.right() + 1 - frame.width())
        y = min(max(frame.y(), screen.top()), screen.bottom() + 1 - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    # --- the hook for more panels ----------------------------------------------------------------

    def add_side_panel(
        self, widget: QWidget, title: str, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    ) -> QDockWidget:
        """Dock a panel beside the workspaces (the parties panel; later the agreement article editor)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{widget.objectName() or type(widget).__name__}")
        dock.setWidget(widget)
        features = QDockWidget.DockWidgetFeature
        # closable: without it Qt disables the dock's View-menu toggle, so a closed panel could not come back
        dock.setFeatures(features.DockWidgetMovable | features.DockWidgetFloatable | features.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    # --- actions and menus -----------------------------------------------------------------------

    def _action(self, name: str, slot, shortcut: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action("new", self.new_scenario, keys.New)
        self.open_action = self._action("open", self.open_dialog, keys.Open)
        self.save_action = self._action("save", self.save, keys.Save)
        self.save_as_action = self._action("save_as", self.save_as, keys.SaveAs)
        self.export_pdf_action = self._action("export_pdf", self.export_pdf)
        self.export_png_action = self._action("export_png", lambda: self.export_chart("png"))
        self.export_svg_action = self._action("export_svg", lambda: self.export_chart("svg"))
        self.copy_chart_action = self._action("copy_chart", self.copy_chart)
        self.quit_action = self._action("quit", self.close, keys.Quit)
        self.undo_action = self._action("undo", self.document.undo_stack.undo, keys.Undo)
        self.redo_action = self._action("redo", self.document.undo_stack.redo, keys.Redo)
        self.recompute_action = self._action("recompute", self.document.recompute, keys.Refresh)
        self.about_action = self._action("about", self.show_about)
        self.sources_action = self._action("data_sources", self.show_data_sources)
        self.language_group = QActionGroup(self)
        self.zh_action = QAction("中文", self.language_group)
        self.en_action = QAction("English", self.language_group)
        for action, code in ((self.zh_action, "zh_CN"), (self.en_action, "en")):
            action.setCheckable(True)
            action.setObjectName(f"language_{code}")
            action.setChecked(self.language.language == code)
            action.triggered.connect(lambda _checked, c=code: self.set_language(c))

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        for entry in (self.new_action, self.open_action, self.recent_menu, None, self.save_action, self.save_as_action):
            self._add_to(self.file_menu, entry)
        for entry in (
            None,
            self.export_pdf_action,
            self.export_png_action,
            self.export_svg_action,
            self.copy_chart_action,
        ):
            self._add_to(self.file_menu, entry)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addAction(self.zh_action)
        self.language_menu.addAction(self.en_action)
        self.view_menu.addAction(self.recompute_action)
        self.view_menu.addAction(self.parties_dock.toggleViewAction())
        self.view_menu.addAction(self.agreement_dock.toggleViewAction())
        self.view_menu.addAction(self.details_dock.toggleViewAction())
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        for action in (
            self.new_action,
            self.open_action,
            self.save_action,
            None,
            self.undo_action,
            self.redo_action,
            None,
            self.export_pdf_action,
            self.agreement_dock.toggleViewAction(),
            self.details_dock.toggleViewAction(),
            self.parties_dock.toggleViewAction(),
        ):
            self.toolbar.addSeparator() if action is None else self.toolbar.addAction(action)
        self.help_menu = bar.addMenu("")
        self.examples_menu = self.help_menu.addMenu("")
        for entry in guided_start.example_entries():
            example = self.examples_menu.addAction(entry.title)
            example.setObjectName(f"example_{entry.stem}")
            example.triggered.connect(lambda _checked=False, build=entry.build: self.open_example(build))
        self.help_menu.addAction(self.about_action)
        self.help_menu.addAction(self.sources_action)

    @staticmethod
    def _add_to(menu: QMenu, entry: QAction | QMenu | None) -> None:
        if entry is None:
            menu.addSeparator()
        elif isinstance(entry, QMenu):
            menu.addMenu(entry)
        else:
            menu.addAction(entry)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.preferences.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked, p=path: self.open_path(p))
        if not recent:
            empty = self.recent_menu.addAction(QCoreApplication.translate("MainWindow", "(no recent files)"))
            empty.setEnabled(False)

    # --- edits -----------------------------------------------------------------------------------

    def apply_edit(self, edit: object, gesture: int = 0) -> None:
        """Put an edit from a workspace or panel on the undo stack; a refused edit is explained."""
        try:
            self.document.push(edit, gesture)  # type: ignore[arg-type]
        except EditError as exc:
            dialogs.show_error(
                self,
                QCoreApplication.translate("MainWindow", "The change was not made: %1").replace("%1", exc.message),
                QCoreApplication.translate("MainWindow", "Check the value of “%1” and try again.").replace(
                    "%1", exc.field
                ),
            )
        except TemplateError as exc:
            dialogs.show_error(
                self,
                QCoreApplication.translate("MainWindow", "The change was not made: %1").replace("%1", words(exc.text)),
                QCoreApplication.translate("MainWindow", "Correct the wording of the article and apply it again."),
            )

    def add_custom_party(self) -> None:
        provinces = [(key, province_label(key)) for key in ("Chongqing", "Sichuan")]
        answer = dialogs.ask_custom_party(self, provinces)
        if answer is None:
            return
        missing = _missing_glyphs(answer.name_zh + answer.name_en)
        if missing:
            listed = "、".join(f"“{ch}” (U+{ord(ch):04X})" for ch in missing)
            dialogs.show_error(
                self,
                QCoreApplication.translate("MainWindow", "No font can print these characters: %1").replace(
                    "%1", listed
                ),
                QCoreApplication.translate("MainWindow", "Write the name without them (the agreement must print it)."),
            )
            return
        taken = {p.id for p in self.document.scenario.parties}
        number = 1
        while f"custom-{number}" in taken:
            number += 1
        party = Party(id=f"custom-{number}", name_zh=answer.name_zh, name_en=answer.name_en, province=answer.province)
        self.apply_edit(AddParty(party))

    def show_party(self, party_id: str, attribute: str = "") -> None:
        """Bring the parties panel up on one party (from a problem clicked in a workspace)."""
        self.parties_dock.show()
        self.parties_dock.raise_()
        self.parties_panel.select_party(party_id, attribute)

    def _on_scenario_changed(self, scenario: Scenario, result: ScenarioResult) -> None:
        # Opening a scenario with other items: the tabs must match them before they are handed the new result
        # (``changed`` comes before ``structure_changed``).
        self._rebuild_workspaces_if_needed()
        for workspace in self.workspaces:
            workspace.set_scenario(scenario, result.item(workspace.item_id))
            workspace.set_updating(self.document.busy)
        self.parties_panel.set_scenario(scenario)
        self.agreement_details.set_scenario(scenario)
        if not self.document.busy:  # the agreement and the fingerprint wait for the result of this scenario
            self._refresh_agreement()
            self.digest = result.digest or fingerprint(scenario, result)
        self._update_fingerprint()
        self._update_file_state()

    def _on_busy_changed(self, busy: bool) -> None:
        """A computation runs off the GUI thread: progress and Cancel in the status bar, results marked as updating."""
        self.status_compute.setValue(0)
        self.status_compute.setVisible(busy)
        self.cancel_compute_button.setVisible(busy)
        for workspace in self.workspaces:
            workspace.set_updating(busy)
        self._update_fingerprint()

    def _on_compute_failed(self, message: str) -> None:
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "The computation failed: %1. The scenario is unchanged.").replace(
                "%1", message
            )
        )

    def _on_compute_cancelled(self) -> None:
        for workspace in self.workspaces:
            workspace.set_updating(True)  # the figures shown are from before the last change
        self.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow",
                "Computation cancelled: the figures shown are from before the last change. Press F5 to compute.",
            )
        )

    def _refresh_agreement(self, *_args: object) -> None:
        """Rebuild the articles shown in the agreement panel (only while it is open)."""
        if not self.agreement_dock.isVisible():
            return
        from chengyu_accord.cost_sharing.agreement.build import AgreementError, build_agreement

        scenario = self.document.scenario
        try:
            doc = build_agreement(scenario, self.document.result, lang="zh")
        except AgreementError as exc:
            self.agreement_editor.set_agreement(None, scenario.agreement, problem=str(exc))
            return
        self.agreement_editor.set_agreement(doc, scenario.agreement)

    def _update_fingerprint(self) -> None:
        """The short fingerprint in the status bar; the full SHA-256 and what it proves in the tooltip."""
        if self.document.busy:
            self.status_fingerprint.setText(QCoreApplication.translate("MainWindow", "Fingerprint: computing…"))
            return
        self.status_fingerprint.setText(
            QCoreApplication.translate("MainWindow", "Fingerprint %1").replace("%1", short_fingerprint(self.digest))
        )
        self.status_fingerprint.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "SHA-256 fingerprint of every input that can change a number and of the computed amounts:\n%1\n"
                "Two printouts with the same fingerprint carry the same numbers.",
            ).replace("%1", self.digest)
        )

    def _rebuild_workspaces_if_needed(self) -> None:
        """One tab per item; rebuilt only when the items themselves change (new or opened scenario)."""
        items = [(i.kind, i.id) for i in self.document.scenario.items]
        if items == [(w.kind, w.item_id) for w in self.workspaces]:
            return
        self.tabs.clear()
        for workspace in self.workspaces:
            workspace.deleteLater()
        self.workspaces = []
        for kind, item_id in items:
            workspace = workspace_for(kind, item_id, self.tabs)
            workspace.edit_requested.connect(self.apply_edit)
            workspace.party_requested.connect(self.show_party)
            workspace.set_scenario(self.document.scenario, self.document.result.item(item_id))
            self.workspaces.append(workspace)
            self.tabs.addTab(workspace, workspace.title())

    def current_chart(self) -> ChartWidget | None:
        workspace = self.tabs.currentWidget()
        return getattr(workspace, "chart", None)

    # --- files -----------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Before the scenario is closed or replaced: True when it is fine to go on."""
        if not self.document.dirty:
            return True
        choice = dialogs.ask_save_changes(self, self.document.scenario.title)
        if choice is dialogs.SaveChoice.SAVE:
            return self.save()
        return choice is dialogs.SaveChoice.DISCARD

    def new_scenario(self) -> None:
        """File ▸ New: the guided start makes a blank, named scenario (examples are under Help ▸ Examples)."""
        if not self.maybe_save():
            return
        scenario = guided_start.new_scenario(self, self.catalogue or None)
        if scenario is not None:
            self.document.replace(scenario, None)

    def open_example(self, build: Callable[[], Scenario]) -> None:
        """Help ▸ Examples: open an example scenario, unsaved (Save As names its file)."""
        if self.maybe_save():
            self.document.replace(build(), None)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path = dialogs.ask_open_path(self, self.preferences.last_dir)
        if path is not None:
            self._open(path)

    def open_path(self, path: Path) -> bool:
        """Open ``path`` after asking about unsaved changes; False when not opened."""
        return self.maybe_save() and self._open(path)

    def _open(self, path: Path) -> bool:
        try:
            scenario = read_scenario(path)
        except ScenarioFileError as exc:
            dialogs.show_error(
                self,
                QCoreApplication.translate("MainWindow", "“%1” could not be opened.").replace("%1", path.name),
                QCoreApplication.translate(
                    "MainWindow",
                    "Fix the problems listed under Details or choose another file. Your scenario is unchanged.",
                ),
                [str(p) for p in exc.problems],
            )
            return False
        self.document.replace(scenario, path)
        self._remember(path)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = str(self.document.path or Path(self.preferences.last_dir) / f"{self.document.scenario.title}.json")
        path = dialogs.ask_save_path(
            self, suggested, QCoreApplication.translate("MainWindow", "Accord scenario (*.json)")
        )
        if path is None:
            return False
        if path.suffix.lower() != ".json":
            path = path.with_suffix(".json")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            save_scenario(self.document.scenario, path)
        except OSError as exc:
            dialogs.show_error(
                self,
                QCoreApplication.translate("MainWindow", "“%1” could not be saved: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
                QCoreApplication.translate(
                    "MainWindow", "Choose another folder with File ▸ Save As; nothing was lost."
                ),
            )
            return False
        self.document.mark_saved(path)
        self.autosaver.save_now()
        self._remember(path)
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Saved %1").replace("%1", str(path)), 5000
        )
        return True

    def _remember(self, path: Path) -> None:
        self.preferences.add_recent_file(path)
        self.preferences.last_dir = str(path.parent)

    # --- exports ---------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        """Export the draft agreement off the GUI thread: ask what to export, where, and have changed numbers
        checked once."""
        choices = export_dialog.ask_export_choices(self, self.document.scenario.agreement.draft_label)
        if choices is None:
            return
        suggested = str(Path(self.preferences.last_dir) / f"{self.document.scenario.title}{choices.suffix}")
        path = dialogs.ask_save_path(self, suggested, choices.file_filter())
        if path is None:
            return
        notes = export_dialog.review_notes(self.document.scenario, self.document.result)
        if notes:
            answer = export_dialog.ask_export_check(self, notes)
            if answer is export_dialog.ExportCheck.CANCEL:
                return
            if answer is export_dialog.ExportCheck.ACCEPT_ALL:
                self.apply_edit(ConfirmAllArticles())
        job = ExportJob(self.document.scenario, path, choices)
        job.signals.finished.connect(self._on_export_finished)
        job.signals.failed.connect(self._on_export_failed)
        self._export_signals = job.signals  # keep the QObject alive until the queued signal arrives
        self.status_busy.show()
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Exporting the agreement…"))
        self.export_action_running(True)
        self.export_pool.start(job)

    def export_action_running(self, running: bool) -> None:
        self.export_pdf_action.setEnabled(not running)
        self.status_busy.setVisible(running)

    def _on_export_finished(self, path: object) -> None:
        self.export_action_running(False)
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Exported %1").replace("%1", str(path)), 8000
        )

    def _on_export_failed(self, message: str) -> None:
        self.export_action_running(False)
        self.statusBar().clearMessage()
        dialogs.show_error(
            self,
            QCoreApplication.translate("MainWindow", "The agreement could not be exported: %1").replace("%1", message),
            QCoreApplication.translate(
                "MainWindow", "Fix the scenario as described, or choose another file, and export again."
            ),
        )

    def export_chart(self, fmt: str) -> None:
        chart = self.current_chart()
        if chart is None:
            return
        file_filter = "PNG (*.png)" if fmt == "png" else "SVG (*.svg)"
        suggested = str(Path(self.preferences.last_dir) / f"{self.document.scenario.title}.{fmt}")
        path = dialogs.ask_save_path(self, suggested, file_filter)
        if path is None:
            return
        try:
            chart.export_png(path) if fmt == "png" else chart.export_svg(path)
        except OSError as exc:
            dialogs.show_error(
                self,
                QCoreApplication.translate("MainWindow", "The chart could not be saved: %1").replace("%1", str(exc)),
                QCoreApplication.translate("MainWindow", "Choose another folder and try again."),
            )
            return
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Saved %1").replace("%1", str(path)), 5000
        )

    def copy_chart(self) -> None:
        chart = self.current_chart()
        if chart is not None:
            chart.copy_to_clipboard()
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Chart copied to the clipboard"), 5000
            )

    # --- help ------------------------------------------------------------------------------------

    def show_about(self) -> None:
        lang = "zh" if self.language.language == "zh_CN" else "en"
        text = (
            f"<h3>{APP_NAME}</h3>"
            + "<p>"
            + QCoreApplication.translate("MainWindow", "Version %1").replace("%1", __version__)
            + "</p><p>"
            + QCoreApplication.translate("MainWindow", "Data vintage: %1").replace(
                "%1", defaults.data_vintage(lang) or "—"
            )
            + "</p><p>"
            + QCoreApplication.translate(
                "MainWindow", "A toolkit for the cities of the Chengdu–Chongqing cluster to agree how to split costs."
            )
            + "</p>"
        )
        dialogs.show_info(self, QCoreApplication.translate("MainWindow", "About Accord"), text)

    def show_data_sources(self) -> None:
        lang = "zh" if self.language.language == "zh_CN" else "en"
        sources = sorted(
            {
                figure.source.split(" | ")[0]
                for party in self.document.scenario.parties
                for figure in party.figures.values()
                if figure.source
            }
        )
        items = "".join(f"<li>{s.replace('<', '&lt;')}</li>" for s in sources[:20])
        text = (
            "<p>"
            + QCoreApplication.translate("MainWindow", "Figures of the embedded data (%1) come from:").replace(
                "%1", defaults.data_vintage(lang) or "—"
            )
            + f"</p><ul>{items}</ul><p>"
            + QCoreApplication.translate(
                "MainWindow",
                "Each figure's year, source and tag are shown in the parties panel. Tags: [S] sourced, "
                "[S-2] secondary source, [D] derived, [U] unverified, [A] assumed, [entered] typed in by you.",
            )
            + "</p>"
        )
        dialogs.show_info(self, QCoreApplication.translate("MainWindow", "Data sources"), text)

    # --- language and state ----------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        """Switch the interface language live and remember it."""
        self.language.apply(code)
        self.preferences.language = code
        (self.zh_action if code == "zh_CN" else self.en_action).setChecked(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self.language_menu.setTitle(QCoreApplication.translate("MainWindow", "Language"))
        self.recent_menu.setTitle(QCoreApplication.translate("MainWindow", "Open &Recent"))
        self.new_action.setText(QCoreApplication.translate("MainWindow", "&New"))
        self.open_action.setText(QCoreApplication.translate("MainWindow", "&Open…"))
        self.save_action.setText(QCoreApplication.translate("MainWindow", "&Save"))
        self.save_as_action.setText(QCoreApplication.translate("MainWindow", "Save &As…"))
        self.export_pdf_action.setText(QCoreApplication.translate("MainWindow", "Export &Agreement (PDF/Word)…"))
        self.export_png_action.setText(QCoreApplication.translate("MainWindow", "Export Chart as PNG…"))
        self.export_svg_action.setText(QCoreApplication.translate("MainWindow", "Export Chart as SVG…"))
        self.copy_chart_action.setText(QCoreApplication.translate("MainWindow", "Copy Chart"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.recompute_action.setText(QCoreApplication.translate("MainWindow", "&Recompute"))
        self.cancel_compute_button.setText(QCoreApplication.translate("MainWindow", "Cancel"))
        self.cancel_compute_button.setToolTip(
            QCoreApplication.translate("MainWindow", "Stop the computation; the scenario stays as it is.")
        )
        self.about_action.setText(QCoreApplication.translate("MainWindow", "&About Accord"))
        self.sources_action.setText(QCoreApplication.translate("MainWindow", "Data &Sources"))
        self.parties_dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Parties"))
        self.parties_dock.toggleViewAction().setText(QCoreApplication.translate("MainWindow", "Parties Panel"))
        self.agreement_dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Agreement Articles"))
        self.agreement_dock.toggleViewAction().setText(QCoreApplication.translate("MainWindow", "Agreement Articles"))
        self.agreement_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.details_dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Agreement Details"))
        self.details_dock.toggleViewAction().setText(QCoreApplication.translate("MainWindow", "Agreement Details"))
        self.details_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.examples_menu.setTitle(QCoreApplication.translate("MainWindow", "&Examples"))
        self.parties_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+P"))
        self._update_tab_titles()
        for index in range(self.document.undo_stack.count()):
            self.document.undo_stack.command(index).retranslate()
        self._update_undo_actions()
        self._update_fingerprint()
        self._update_file_state()
        self.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Toolbar"))
        self._toolbar_words = {  # short words on the toolbar; the menus and tooltips say it in full
            self.export_pdf_action: QCoreApplication.translate("MainWindow", "Export"),
            self.agreement_dock.toggleViewAction(): QCoreApplication.translate("MainWindow", "Articles"),
            self.details_dock.toggleViewAction(): QCoreApplication.translate("MainWindow", "Details"),
            self.parties_dock.toggleViewAction(): QCoreApplication.translate("MainWindow", "Parties"),
        }
        self.hint.set_text(
            QCoreApplication.translate(
                "MainWindow",
                "Change a parameter on the left: every party's amount, the total and the chart follow at once. "
                "Every change can be undone (Ctrl+Z). File ▸ New starts a new agreement; Export Agreement prints it.",
            )
        )
        self._update_tooltips()

    def _on_hint_dismissed(self) -> None:
        self.preferences.hint_dismissed = True

    def _update_tooltips(self) -> None:
        """Toolbar tooltips name the action and its shortcut, so the keys are learnt by pointing."""
        for action in self.toolbar.actions():
            if action.isSeparator():
                continue
            text = MNEMONIC.sub("", action.text()).replace("&", "").removesuffix("…")
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({keys})" if keys else text)
            short = self._toolbar_words.get(action) or text
            action.setIconText(short.split(" ")[0] if action in (self.undo_action, self.redo_action) else short)

    def _update_undo_actions(self) -> None:
        stack = self.document.undo_stack
        if not shiboken6.isValid(stack):  # the stack emits indexChanged while it is being destroyed
            return
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo_name = stack.command(stack.index() - 1).text() if stack.canUndo() else ""
        redo_name = stack.command(stack.index()).text() if stack.canRedo() else ""
        undo = QCoreApplication.translate("MainWindow", "&Undo")
        redo = QCoreApplication.translate("MainWindow", "&Redo")
        self.undo_action.setText(f"{undo} {undo_name}".strip())
        self.redo_action.setText(f"{redo} {redo_name}".strip())
        self._update_tooltips()

    def _update_file_state(self) -> None:
        document = self.document
        name = document.path.name if document.path else QCoreApplication.translate("MainWindow", "not saved yet")
        self.setWindowTitle(f"{document.scenario.title} — {APP_NAME}[*]")
        self.setWindowModified(document.dirty)
        state = QCoreApplication.translate("MainWindow", "unsaved changes") if document.dirty else ""
        parties = QCoreApplication.translate("MainWindow", "%1 parties").replace(
            "%1", str(len(document.scenario.parties))
        )
        self.status_file.setText("  ·  ".join(x for x in (name, parties, state) if x))
        self._update_tab_titles()

    def restore_window_state(self) -> None:
        geometry, state = self.preferences.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.maybe_save():
            event.ignore()
            return
        self.preferences.save_window_state(self.saveGeometry(), self.saveState())
        self.preferences.sync()
        self.export_pool.waitForDone()
        self.document.shutdown()
        self.autosaver.discard()
        event.accept()
