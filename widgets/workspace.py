"""The workspace every instrument's tab is built on: parameters, result table with a frozen total, chart, checks.

An instrument's workspace subclasses :class:`InstrumentWorkspace`, adds its
parameter widgets to ``params_layout`` and implements :meth:`update_parameters`;
the base shows the item's main result table (through the engine's one shown
rounding), its chart and its diagnostics, and marks the results as updating
while a newer computation runs. Every change the user makes leaves the
workspace only as a pure edit (``edit_requested(edit, gesture)``) for the
application's undo stack; the workspace redraws when handed the new scenario.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.charts import chart_of_table
from chengyu_accord.cost_sharing.diagnostics import SEVERITY, Diagnostic, Target
from chengyu_accord.cost_sharing.edits import EditError
from chengyu_accord.cost_sharing.engine import display_precision
from chengyu_accord.cost_sharing.instrument import instrument_for
from chengyu_accord.cost_sharing.results import ItemResult, shown_table
from chengyu_accord.cost_sharing.scenario import ItemBase, Scenario

from .chart import ChartWidget
from .labels import reading_problem, ui_language, words
from .result_table import FrozenTotalRow, ResultTableModel, unit_name

ERROR_STYLE = "color: #b00020;"
LEVEL_COLOURS = {"error": QColor("#b00020"), "warning": QColor("#8a5a00"), "info": QColor("#333333")}
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_CHART_PROBLEMS = 6
SUMMARY_STYLES = {"error": "color: #b00020; font-weight: bold;", "ok": "color: #2d6a2d;"}
UPDATING_STYLE = "color: #555; font-style: italic;"
PARAMETERS_WIDTH = 420
"""Wide enough for a party's name, a weight slider of at least 150 px, its share and its exact field."""
TABLE_SHARE = 0.45
CHART_MIN_WIDTH = 240
"""Of the room beside the parameters, what the table and checks get first; the chart takes the rest."""
CHECKS_MIN_HEIGHT = 110


def set_style(widget: QWidget, style: str) -> None:
    """Set a style sheet only when it changes: setting one restyles and repaints the widget, on every slider step."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def set_text(label: QLabel, text: str) -> None:
    """Set a label's text only when it changes (a changed label is laid out and repainted)."""
    if label.text() != text:
        label.setText(text)


class InstrumentWorkspace(QWidget):
    """Edit and see one item live; subclasses add the parameters of their instrument."""

    edit_requested = Signal(object, int)
    """(edit, gesture): a pure edit; equal non-zero gestures merge into one undo step."""
    party_requested = Signal(str, str)
    """(party_id, attribute): the user clicked a problem about a party's figure; show it in the parties panel."""

    chart_columns: tuple[str, ...] = ()
    """Money columns of the main table drawn in the chart (empty: every money column)."""

    def __init__(self, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = item_id
        self.scenario: Scenario | None = None
        self.item: ItemBase | None = None
        self.result: ItemResult | None = None

        self.params = QWidget(self)
        self.params_layout = QVBoxLayout(self.params)
        self.params_layout.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(self.params)
        self.message.setObjectName("input_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)

        self.model = ResultTableModel(self)
        self._columns_stale = True
        self.model.modelReset.connect(self._on_table_reset)
        self.table = QTableView(self)
        self.table.setObjectName("result_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)  # compact rows
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.totals = FrozenTotalRow(self.table, self)
        self.totals.setObjectName("total_row")
        self.updating = QLabel(self)
        self.updating.setObjectName("updating_note")
        self.updating.setStyleSheet(UPDATING_STYLE)
        self.updating.hide()
        self.chart = ChartWidget(self)

        self.checks_box = QGroupBox(self)
        self.checks_box.setObjectName("checks_box")
        self.summary = QLabel(self.checks_box)
        self.summary.setObjectName("diagnostics_summary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.diagnostics = QListWidget(self.checks_box)
        self.diagnostics.setObjectName("diagnostics")
        self.diagnostics.setWordWrap(True)
        self.diagnostics.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.diagnostics.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.diagnostics.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        checks_layout = QVBoxLayout(self.checks_box)
        checks_layout.addWidget(self.summary)
        checks_layout.addWidget(self.diagnostics, 1)
        checks_layout.addStretch(0)

        # Three columns side by side, so that a 1366×768 laptop shows, without scrolling, the parameters, every
        # party's amount with the total, the checks and the chart: parameters | table, total, checks | chart.
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.params)
        left_layout.addWidget(self.message)
        left_layout.addStretch(1)
        left_scroll = QScrollArea(self)  # one scroll area for the whole parameter column, never nested
        left_scroll.setObjectName("left_scroll")
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left_scroll.setWidget(left)
        self.left_panel, self.left_scroll = left, left_scroll
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        middle_layout.addWidget(self.updating)
        middle_layout.addWidget(self.table, 3)
        middle_layout.addWidget(self.totals)
        middle_layout.addSpacing(6)
        middle_layout.addWidget(self.checks_box, 1)
        self.checks_box.setMinimumHeight(CHECKS_MIN_HEIGHT)
        self.columns = QSplitter(Qt.Orientation.Horizontal, self)
        self.columns.setObjectName("workspace_columns")
        for column, stretch in ((left_scroll, 0), (middle, 3), (self.chart, 4)):
            self.columns.addWidget(column)
            self.columns.setStretchFactor(self.columns.indexOf(column), stretch)
        self._columns_placed = False
        self._parameters_width = 0
        self._listed: tuple = ()
        self._drawn: tuple = (None, None)  # the result and the precision last drawn
        self._fit_timer = QTimer(self)  # after the event loop has laid out new or re-worded parameters
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._keep_parameters_whole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.columns)

        self.diagnostics.itemClicked.connect(self._on_diagnostic_chosen)
        self.diagnostics.itemActivated.connect(self._on_diagnostic_chosen)

    # --- for subclasses ----------------------------------------------------------------------------

    def update_parameters(self) -> None:
        """Show ``self.item``'s parameters (called after every change)."""

    def retranslate_parameters(self) -> None:
        """Set the texts of the parameter widgets in the interface language."""

    def focus_target(self, target: Target) -> None:
        """Bring the parameter a diagnostic is about into view (a field of the item)."""

    def row_header(self) -> str:
        return QCoreApplication.translate("InstrumentWorkspace", "Party")

    # --- from the application ---------------------------------------------------------------------

    def set_scenario(self, scenario: Scenario, result: ItemResult) -> None:
        """Show the item of ``scenario`` this workspace is for, with its computed result."""
        self.scenario = scenario
        self.item = scenario.item(self.item_id)
        precision = display_precision(scenario)
        redraw = result is not self._drawn[0] or precision != self._drawn[1]
        self.result = result
        self.set_updating(False)
        self.update_parameters()
        if redraw:  # a step of a drag hands back the last result until the new one is in: nothing to redraw
            self._drawn = (result, precision)
            self._update_results()
        needed = self.left_panel.minimumSizeHint().width()
        if needed != self._parameters_width:  # weights shown or hidden: the columns may need to make room
            self._parameters_width = needed
            self._fit_timer.start()

    def set_updating(self, updating: bool) -> None:
        """While a newer computation runs, the last good result stays on screen, marked as updating."""
        self.updating.setText(
            QCoreApplication.translate("InstrumentWorkspace", "Updating… the figures below are from the last result.")
        )
        self.updating.setVisible(updating)

    def title(self) -> str:
        """Tab title: the item's own title, else the instrument's name."""
        if self.item is not None and self.item.title:
            return self.item.title
        kind = self.item.kind if self.item is not None else ""
        return words(instrument_for(kind).name) if kind else ""

    def show_message(self, text: str) -> None:
        """Show why an input was refused (cleared by the next accepted edit)."""
        self.message.setText(text)

    def request(self, edit: object, gesture: int = 0) -> None:
        self.message.clear()
        self.edit_requested.emit(edit, gesture)

    def _try(self, edit: object, what: str, gesture: int = 0) -> bool:
        """Request ``edit`` if it fits the scenario; else say why, naming ``what``, and show the stored values."""
        if self.scenario is None:
            return False
        try:
            edit.apply(self.scenario)  # type: ignore[attr-defined]
        except EditError as exc:
            self._reject(
                QCoreApplication.translate("InstrumentWorkspace", "%1: %2")
                .replace("%1", what)
                .replace("%2", self._problem_text(exc))
            )
            return False
        self.request(edit, gesture)
        return True

    def _problem_text(self, error: EditError) -> str:
        """An edit's refusal in the interface language; workspaces add their own messages."""
        return reading_problem(error.message)

    def _reject(self, text: str) -> None:
        """An input was refused: say why; workspaces also show their stored values again."""
        self.show_message(text)

    # --- drawing -----------------------------------------------------------------------------------

    def _update_results(self) -> None:
        result = self.result
        precision = display_precision(self.scenario)
        if result.ok and result.tables:
            shown = shown_table(result.table(), precision)
            self.model.set_table(shown, self.row_header())
            self._update_totals()
            columns = self.chart_columns or tuple(shown.table.columns[c].key for c in shown.table.money_columns)
            unit = unit_name(precision.unit)
            title = words(shown.table.columns[shown.table.column_index(columns[0])].label) if columns else ""
            self.chart.set_chart(
                chart_of_table(shown, columns, lang=ui_language(), key=self.item_id, title=title, unit=unit)
            )
        else:
            self.model.set_table(None)
            self._update_totals()
            problems = [words(d.message) for d in result.diagnostics if d.level == "error"]
            shown_problems = [*problems[:MAX_CHART_PROBLEMS], *(["…"] if len(problems) > MAX_CHART_PROBLEMS else [])]
            self.chart.show_message(
                QCoreApplication.translate(
                    "InstrumentWorkspace",
                    "No amounts: this item cannot be computed until the problems listed under “Checks” are fixed.",
                )
                + "\n\n"
                + "\n".join(f"• {p}" for p in shown_problems)
            )
        self._update_diagnostics()

    def _update_totals(self) -> None:
        """The frozen total row: rebuilt when the table's shape changes; on a slider step only changed texts."""
        if self._columns_stale:  # new rows or columns: fit them once; a slider step only repaints
            self.table.resizeColumnsToContents()
            self._columns_stale = False
            self._fit_timer.start()
        self.totals.set_texts(self.model.total_texts())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Place the three columns once the workspace first has its size; afterwards the user's splitter wins."""
        super().resizeEvent(event)
        if not self._columns_placed and self.columns.width() > 0 and self.isVisible():
            self._columns_placed = True
            self._place_columns()
        elif self._columns_placed:
            self._fit_timer.start()  # narrower (a panel opened beside the workspace): keep parameters and amounts whole

    def _place_columns(self) -> None:
        """The parameters get what their widgets need (no sideways scrolling), the table what its columns need,
        the chart the rest."""
        width = self.columns.width()
        needed = self.left_panel.minimumSizeHint().width() + self.left_scroll.verticalScrollBar().sizeHint().width()
        left = min(max(PARAMETERS_WIDTH, needed + 8), width // 2)
        table = self._table_width()
        middle = min(max(int((width - left) * TABLE_SHARE), table), width - left - CHART_MIN_WIDTH)
        self.columns.setSizes([left, middle, width - left - middle])

    def _table_width(self) -> int:
        """What the table needs to show every column whole: the columns as sized, the stretched last one at the
        width its content needs."""
        header = self.table.horizontalHeader()
        count = self.model.columnCount()
        if not count:
            return 0
        last = count - 1
        columns = sum(header.sectionSize(c) for c in range(last))
        columns += max(self.table.sizeHintForColumn(last), header.sectionSizeHint(last))
        return columns + self.table.frameWidth() * 2 + self.table.verticalScrollBar().sizeHint().width()

    def _keep_parameters_whole(self) -> None:
        """After the parameters or the table changed (weights shown, another language, a panel opened beside the
        workspace), widen the columns that no longer show their content whole, taking the room from the chart —
        down to nothing if every party's amount needs it: the amounts come first, the chart can be dragged back."""
        if not self._columns_placed:
            return
        left, middle, chart = self.columns.sizes()
        needed_left = (
            self.left_panel.minimumSizeHint().width() + self.left_scroll.verticalScrollBar().sizeHint().width()
        )
        wants = [max(needed_left + 8 - left, 0), max(self._table_width() - middle, 0)]
        if not any(wants):
            table = self._table_width()
            if 0 < chart < CHART_MIN_WIDTH:  # too narrow to read: the table takes it, the chart folds away
                self.columns.setSizes([left, middle + chart, 0])
            elif chart == 0 and middle - table >= CHART_MIN_WIDTH:  # room again (a wider window): unfold it
                self.columns.setSizes([left, table, middle - table])
            return
        spare = max(chart - CHART_MIN_WIDTH, 0)
        if sum(wants) > spare:
            spare = chart  # a sliver of chart is no use: give it all
        grants = []
        for want in wants:  # the parameters first: they are what the user is changing
            grant = min(want, spare)
            grants.append(grant)
            spare -= grant
        chart -= sum(grants)
        middle += grants[1]
        if chart < CHART_MIN_WIDTH:
            middle, chart = middle + chart, 0
        self.columns.setSizes([left + grants[0], middle, chart])

    def _on_table_reset(self) -> None:
        self._columns_stale = True

    def _update_diagnostics(self) -> None:
        result = self.result
        listed = (ui_language(), result.diagnostics)
        if listed != self._listed:  # a slider step rarely changes the findings: the list is not rebuilt for nothing
            self._listed = listed
            self.diagnostics.clear()
            for diagnostic in sorted(result.diagnostics, key=lambda d: SEVERITY[d.level]):
                self.diagnostics.addItem(self._diagnostic_entry(diagnostic))
            self.diagnostics.setVisible(bool(result.diagnostics))
        if not result.ok:
            text = QCoreApplication.translate(
                "InstrumentWorkspace",
                "Cannot compute this item. Fix the problems below; no amounts are shown until then.",
            )
            set_style(self.summary, SUMMARY_STYLES["error"])
        elif result.diagnostics:
            text = QCoreApplication.translate("InstrumentWorkspace", "Computed. Notes on the inputs:")
            set_style(self.summary, "")
        else:
            text = QCoreApplication.translate("InstrumentWorkspace", "Computed; nothing to report about the inputs.")
            set_style(self.summary, SUMMARY_STYLES["ok"])
        set_text(self.summary, text)

    def _diagnostic_entry(self, diagnostic: Diagnostic) -> QListWidgetItem:
        icons = {
            "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
            "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
        }
        text = words(diagnostic.message)
        entry = QListWidgetItem(self.style().standardIcon(icons[diagnostic.level]), text)
        entry.setForeground(QBrush(LEVEL_COLOURS[diagnostic.level]))
        entry.setData(TARGET_ROLE, diagnostic.target)
        if diagnostic.target.is_figure:
            entry.setToolTip(
                QCoreApplication.translate(
                    "InstrumentWorkspace", "Click to show this party's figure in the parties panel."
                )
            )
        elif diagnostic.target.field:
            entry.setToolTip(QCoreApplication.translate("InstrumentWorkspace", "Click to go to this input."))
        return entry

    def _on_diagnostic_chosen(self, entry: QListWidgetItem) -> None:
        """Go to what a problem is about: a party's figure in the parties panel, or the item's input."""
        target: Target | None = entry.data(TARGET_ROLE)
        if target is None:
            return
        if target.is_figure:
            self.party_requested.emit(target.party_id, target.attribute)
        elif target.field:
            self.focus_target(target)

    def _retranslate(self) -> None:
        self._columns_stale = True  # names and headers change width with the language
        self.checks_box.setTitle(QCoreApplication.translate("InstrumentWorkspace", "Checks"))
        self.message.clear()
        self.retranslate_parameters()
        if self.scenario is not None:
            self.update_parameters()
            self._update_results()
            self._fit_timer.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
