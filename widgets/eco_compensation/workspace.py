"""The workspace of a horizontal ecological-compensation agreement (横向生态保护补偿).

Left column: the trainer's water-quality slider on top — every measured concentration × a factor, each
section's break-even marked under the groove, dragging recomputes live in the document's worker and folds into
one undo step — then three tabs: the rule (type, period, parameters with their provenance, the table of weights,
unit standards or fund ratios), the sections (name, upstream parties with ratios, downstream party) and the
indicators (code, unit, target, baseline). Middle column: the base's main table — each party's net for the
period, + receives, − pays, with its frozen total — and the checks. Chart column: who pays whom over the period
(the engine's transfers table), then a chooser between the charts (the index month by month against the line
where the payment turns; payments by direction; the negotiation zone) and the tables (the monitoring samples,
with import and export; the sections by month; the break-even).

Every change leaves as an edit of :mod:`chengyu_accord.cost_sharing.instruments.eco_compensation.edits`; an
input the edit refuses is explained (naming the field) and the stored value is shown again. Monitoring files are
read and written in a worker thread; a file with problems lists every one of them with its row and changes
nothing.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.charts import Chart
from chengyu_accord.cost_sharing.diagnostics import Target
from chengyu_accord.cost_sharing.edits import EditError
from chengyu_accord.cost_sharing.engine import display_precision
from chengyu_accord.cost_sharing.instruments.eco_compensation import edits
from chengyu_accord.cost_sharing.instruments.eco_compensation.model import EcoCompensation
from chengyu_accord.cost_sharing.instruments.eco_compensation.monitoring import (
    MonitoringError,
    write_monitoring_csv,
    write_monitoring_xlsx,
)
from chengyu_accord.cost_sharing.results import Quantity, shown_table

from ..labels import ui_language, words
from ..project_cost.parts import note_label
from ..project_cost.result_view import ResultTableView, SignedTableModel
from ..result_table import TOTAL_PADDING
from ..workspace import InstrumentWorkspace, set_text
from . import dialogs
from .background import FileTask
from .charts import (
    BREAK_EVEN,
    INDEX,
    TRANSFERS,
    EcoChartWidget,
    chart_note,
    direction_chart,
    index_chart,
    zone_chart,
)
from .editors import IndicatorsEditor, RuleEditor, SectionsEditor
from .monitoring import MonitoringPanel
from .names import problem_text, sample_field_name, section_of
from .quality import QualityPanel

CHARTS = ("index", "directions", "zone")
TABLES = ("monitoring", "index_table", "break_even")
VIEWS = CHARTS + TABLES
PAGE_CHART, PAGE_MONITORING, PAGE_TABLE = range(3)
TAB_RULE, TAB_SECTIONS, TAB_INDICATORS = range(3)
COMBO_LETTERS = 14
TRANSFER_ROWS_SHOWN = 4
"""Payments listed without scrolling under the nets (a pair of parties per section at most, usually one or two)."""
NET_ROWS_SHOWN = 4
LABEL_LETTERS = 16
"""A payment's "payer → payee" longer than this goes on two lines (English names; Chinese ones are short)."""
"""Parties whose nets are always shown whole; with more the table takes what room is left and scrolls."""


def keep_totals_whole(view: ResultTableView) -> None:
    """Columns sized to their cells again (a new result, another language) must still show their bold totals whole:
    the frozen total row follows the columns' widths, so a column is widened for its total."""
    totals = view.totals
    header = view.table.horizontalHeader()
    if not totals.columnCount() or totals.item(0, 0) is None:
        return
    metrics = QFontMetrics(totals.item(0, 0).font())
    for column in range(min(totals.columnCount(), header.count())):
        cell = totals.item(0, column)
        needed = metrics.horizontalAdvance(cell.text()) + TOTAL_PADDING if cell is not None else 0
        if header.sectionSize(column) < needed:
            header.resizeSection(column, needed)
        if totals.columnWidth(column) != header.sectionSize(column):
            totals.setColumnWidth(column, header.sectionSize(column))


class PaymentsModel(SignedTableModel):
    """Who pays whom; with ``wrap``, a long "payer → payee" (English names) goes on two lines, so the table fits a
    narrow middle column (a wide one keeps a line per payment: the checks below need the height)."""

    wrap = False

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        value = super().data(index, role)
        long = self.wrap and isinstance(value, str) and len(value) > LABEL_LETTERS
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 and long:
            return value.replace(" → ", " →\n", 1)
        return value


class _ChartSink:
    """Stands in for the chart while the base draws its default (the workspace then draws the chosen view)."""

    def __init__(self) -> None:
        self.message = ""

    def set_chart(self, _chart: Chart | None) -> None:
        self.message = ""

    def show_message(self, text: str) -> None:
        self.message = text


def export_bytes(item: EcoCompensation, path: Path) -> bytes:
    """The item's samples as the file ``path`` names: ``.xlsx`` a workbook, otherwise CSV in UTF-8 with a BOM."""
    units = {i.code: i.unit for i in item.indicators}
    records = [sample.to_record(units.get(sample.indicator, "")) for sample in item.records]
    return write_monitoring_xlsx(records) if path.suffix.lower() == ".xlsx" else write_monitoring_csv(records)


def _write_export(item: EcoCompensation, path: Path) -> Path:
    from chengyu_accord.cost_sharing.storage import atomic_write_bytes

    atomic_write_bytes(path, export_bytes(item, path))
    return path


class EcoWorkspace(InstrumentWorkspace):
    """Edit a basin agreement and watch who pays whom, live."""

    item: EcoCompensation | None

    def __init__(self, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(item_id, parent)
        self.shown_chart: Chart | None = None
        """The chart last drawn (for tests and exports)."""
        self._default_message = ""
        self._updating = False
        self._transfers_shown: tuple = ()
        self.last_dir = str(Path.home())

        # the left column: the quality slider, then the rule, the sections and the indicators in tabs
        self.quality = QualityPanel(self.params)
        self.tabs = QTabWidget(self.params)
        self.tabs.setObjectName("eco_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)
        self.rule_editor = RuleEditor(item_id)
        self.sections_editor = SectionsEditor(item_id)
        self.indicators_editor = IndicatorsEditor(item_id)
        for editor in (self.rule_editor, self.sections_editor, self.indicators_editor):
            self.tabs.addTab(editor, "")
            editor.edit_wanted.connect(self._try)
            editor.rejected.connect(self._reject)
        self.params_layout.addWidget(self.quality)
        self.params_layout.addWidget(self.tabs)

        # the middle column: each party's net with its total, then who pays whom, then the checks
        self.transfers_view = ResultTableView(self)
        self.transfers_view.setObjectName("transfers_view")
        self.transfers_view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.transfers_view.model = PaymentsModel(self.transfers_view)
        self.transfers_view.table.setModel(self.transfers_view.model)
        middle = self.totals.parentWidget().layout()
        middle.insertWidget(middle.indexOf(self.totals) + 1, self.transfers_view)

        # the chart column: a chooser of charts and tables
        chart_column = QWidget(self)
        chart_layout = QVBoxLayout(chart_column)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_box = QComboBox(chart_column)
        self.chart_box.setObjectName("chart_choice")
        self.chart_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chart_box.setMinimumContentsLength(COMBO_LETTERS)
        for key in VIEWS:
            self.chart_box.addItem("", key)
        base_chart = self.chart
        self.chart = EcoChartWidget(chart_column)
        self.chart_stack = QStackedWidget(chart_column)
        self.chart_stack.setObjectName("chart_stack")
        self.monitoring = MonitoringPanel(self.chart_stack)
        self.monitoring.setObjectName("monitoring_panel")
        self.result_view = ResultTableView(self.chart_stack)
        self.result_view.setObjectName("result_view")
        self.chart_stack.addWidget(self.chart)
        self.chart_stack.addWidget(self.monitoring)
        self.chart_stack.addWidget(self.result_view)
        chart_layout.addWidget(self.chart_box)
        chart_layout.addWidget(self.chart_stack, 1)
        self.chart_note = note_label(chart_column, "chart_note")
        chart_layout.addWidget(self.chart_note)
        index = self.columns.indexOf(base_chart)
        self.columns.replaceWidget(index, chart_column)
        self.columns.setStretchFactor(index, 4)
        base_chart.hide()
        base_chart.deleteLater()
        self.chart_column = chart_column

        self.files = FileTask(self)
        self.files.finished.connect(self._on_file_done)
        self.files.failed.connect(self._on_file_failed)
        self._marker_timer = QTimer(self)  # after the window said whether the result is this scenario's
        self._marker_timer.setSingleShot(True)
        self._marker_timer.setInterval(0)
        self._marker_timer.timeout.connect(self._update_break_evens)

        self.quality.scale_changed.connect(self._on_scale_changed)
        self.chart_box.activated.connect(lambda _index: self._draw_view())
        self.monitoring.import_requested.connect(self._on_import)
        self.monitoring.export_requested.connect(self._on_export)
        self.monitoring.model.value_edited.connect(self._on_sample_edited, Qt.ConnectionType.QueuedConnection)
        self._retranslate()

    # --- edits ------------------------------------------------------------------------------------

    def _problem_text(self, error: EditError) -> str:
        return problem_text(error)

    def _reject(self, text: str) -> None:
        """An input was refused: say why (the message names the field) and show the stored values again."""
        for editor in (self.rule_editor, self.sections_editor, self.indicators_editor):
            editor.refresh()
        if self.item is not None:
            self.update_parameters()
            self.monitoring.model.set_item(self.item)
            self.monitoring.model.layoutChanged.emit()
        self.show_message(text)

    def _on_scale_changed(self, text: str, gesture: int) -> None:
        if self.item is None or text == self.item.quality_scale:
            return
        # a drag is one gesture: every step is requested with its number, and the undo stack merges them
        self._try(
            edits.SetQualityScale(self.item_id, text),
            QCoreApplication.translate("EcoWorkspace", "Water quality factor"),
            gesture,
        )

    def _on_sample_edited(self, sample: int, field: str, text: str) -> None:
        if self.item is None or not 0 <= sample < len(self.item.records):
            return
        record = self.item.records[sample]
        section = section_of(self.item, record.section)
        name = section.name_zh if section is not None else record.section
        column = sample_field_name(field)
        what = (
            QCoreApplication.translate("EcoWorkspace", "Sample of %1, %2, %3: %4")
            .replace("%1", record.date.isoformat())
            .replace("%2", name)
        )
        what = what.replace("%3", record.indicator).replace("%4", column)
        self._try(edits.SetSampleField(self.item_id, sample, field, text), what)

    # --- files ------------------------------------------------------------------------------------

    def _on_import(self) -> None:
        if self.item is None or self.files.busy:
            return
        path = dialogs.ask_import_path(self, self.last_dir)
        if path is None:
            return
        self.last_dir = str(path.parent)
        self.monitoring.setEnabled(False)
        self.files.start(("import", path), edits.read_item_monitoring, self.item, path)

    def _on_export(self) -> None:
        if self.item is None or self.files.busy:
            return
        suggested = str(Path(self.last_dir) / f"{self.item.title or self.item.id}-监测数据.csv")
        path = dialogs.ask_export_path(self, suggested)
        if path is None:
            return
        self.last_dir = str(path.parent)
        self.monitoring.setEnabled(False)
        self.files.start(("export", path), _write_export, self.item, path)

    def _on_file_done(self, tag: tuple[str, Path], result: object) -> None:
        self.monitoring.setEnabled(True)
        what, path = tag
        if what == "import" and self.item is not None and tuple(result) == self.item.records:  # type: ignore[arg-type]
            self.monitoring.count.setText(
                QCoreApplication.translate("EcoWorkspace", "“%1” holds these samples already").replace("%1", path.name)
            )
        elif what == "import":
            self.message.clear()
            self._try(
                edits.ReplaceSamples(self.item_id, result),
                QCoreApplication.translate("EcoWorkspace", "Monitoring data"),
            )  # type: ignore[arg-type]
        else:
            self.monitoring.count.setText(
                QCoreApplication.translate("EcoWorkspace", "Exported to %1").replace("%1", path.name)
            )

    def _on_file_failed(self, tag: tuple[str, Path], error: object) -> None:
        self.monitoring.setEnabled(True)
        what, path = tag
        if isinstance(error, MonitoringError):
            texts = [words(problem.text) for problem in error.problems]
            self.show_message(
                QCoreApplication.translate("EcoWorkspace", "“%1” was not imported: %2 problem(s); nothing changed.")
                .replace("%1", path.name)
                .replace("%2", str(len(texts)))
            )
            dialogs.show_import_problems(self, path.name, texts)
            return
        reason = getattr(error, "strerror", None) or str(error)
        template = (
            QCoreApplication.translate("EcoWorkspace", "“%1” could not be read: %2")
            if what == "import"
            else QCoreApplication.translate("EcoWorkspace", "“%1” could not be written: %2")
        )
        self.show_message(template.replace("%1", path.name).replace("%2", reason))

    # --- showing ----------------------------------------------------------------------------------

    def update_parameters(self) -> None:
        item, scenario = self.item, self.scenario
        unit = display_precision(scenario).unit
        self.quality.set_scale(item.quality_scale)
        self.rule_editor.set_item(scenario, item, unit)
        self.sections_editor.set_item(scenario, item)
        self.indicators_editor.set_item(item)
        self.monitoring.set_item(item)

    def set_updating(self, updating: bool) -> None:
        super().set_updating(updating)
        self._updating = updating
        self._marker_timer.start()

    def _update_break_evens(self) -> None:
        """Each section's break-even factor on the data as measured: the engine's common factor (relative to the
        data as scaled) × the factor it was computed at. Only for a result of the scenario on screen."""
        item, result = self.item, self.result
        if self._updating or item is None or result is None:
            return
        markers: list[tuple[Decimal, str]] = []
        if result.ok:
            try:
                table = result.table(BREAK_EVEN)
                column = table.column_index("scale")
            except KeyError:
                table = None
            if table is not None:
                scale = Decimal(item.quality_scale)
                for row in table.rows:
                    cell = row.cells[column]
                    if isinstance(cell, Quantity):
                        markers.append((scale * cell.value, words(row.label)))
        self.quality.set_break_evens(tuple(markers))

    def row_header(self) -> str:
        return QCoreApplication.translate("EcoWorkspace", "Party")

    def _update_results(self) -> None:
        """The base draws the main table (each party's net), its total and the checks; then who pays whom and the
        chosen view."""
        real, sink = self.chart, _ChartSink()
        self.chart = sink  # type: ignore[assignment]
        try:
            super()._update_results()
        finally:
            self.chart = real
        self._default_message = sink.message
        self._fit_table()
        self._show_transfers()
        self._draw_view()

    def _keep_parameters_whole(self) -> None:
        """Parameters that grew (their texts arrive after the columns were placed) first take the room the middle
        column does not need, then — by the base's rule — the chart's: the chart is not folded away for a few pixels
        the tables could spare."""
        if self._columns_placed:
            left, middle, chart = self.columns.sizes()
            scroll = self.left_scroll.verticalScrollBar().sizeHint().width()
            want = self.left_panel.minimumSizeHint().width() + scroll + 8 - left
            slack = middle - self._table_width()
            if want > 0 and slack > 0:
                given = min(want, slack)
                self.columns.setSizes([left + given, middle - given, chart])
        super()._keep_parameters_whole()
        if self._columns_placed and self._wrap_payments() != self.transfers_view.model.wrap:
            self._show_transfers()  # the middle column changed width: a line per payment, or two

    def _wrap_payments(self) -> bool:
        """Whether the payments' labels must go on two lines to fit the middle column as it is now."""
        view = self.transfers_view
        if not self._columns_placed or not view.model.rowCount():
            return False
        metrics = view.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(words(row.label)) for row in view.model.shown.table.rows)
        amounts = view.table.horizontalHeader().sectionSize(1) if view.model.columnCount() > 1 else 0
        room = self.columns.sizes()[1] - amounts - view.table.verticalScrollBar().sizeHint().width() - 24
        return widest > room

    def _table_width(self) -> int:
        """The middle column must show the nets and who pays whom whole: the wider of the two."""
        width = super()._table_width()
        view = self.transfers_view
        if view.isVisibleTo(self) and view.model.columnCount():
            table = view.table
            header = table.horizontalHeader()
            columns = sum(header.sectionSize(c) for c in range(view.model.columnCount()))
            width = max(width, columns + table.frameWidth() * 2 + table.verticalScrollBar().sizeHint().width())
        return width

    def _fit_transfers(self) -> None:
        """Who pays whom as tall as its rows (a few payments; more scroll), so no row hides behind the checks."""
        view = self.transfers_view
        table = view.table
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(r) for r in range(min(view.model.rowCount(), TRANSFER_ROWS_SHOWN)))
        height = table.horizontalHeader().sizeHint().height() + rows
        height += table.frameWidth() * 2 + table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(height)
        margins = view.layout().contentsMargins()
        total = margins.top() + margins.bottom() + view.title.sizeHint().height() + 4 + height + view.totals.height()
        if view.note.isVisibleTo(view):
            total += 4 + view.note.heightForWidth(max(view.width(), 200))
        view.setFixedHeight(total)

    def _fit_table(self) -> None:
        """The nets table as tall as its rows (a few parties), never squeezed by the checks below it: who pays whom
        and the checks take the rest. Beyond :data:`NET_ROWS_SHOWN` parties its rows scroll."""
        table = self.table
        heights = [table.rowHeight(r) for r in range(self.model.rowCount())]
        fixed = table.horizontalHeader().sizeHint().height() + table.frameWidth() * 2
        fixed += table.horizontalScrollBar().sizeHint().height()
        table.setMaximumHeight(fixed + sum(heights))
        table.setMinimumHeight(fixed + sum(heights[:NET_ROWS_SHOWN]))

    def _show_transfers(self) -> None:
        result = self.result
        try:
            table = result.table(TRANSFERS) if result is not None and result.ok else None
        except KeyError:
            table = None
        self.transfers_view.setVisible(table is not None)
        if table is None:
            return
        shown = shown_table(table, display_precision(self.scenario))
        note = (
            "" if table.rows else QCoreApplication.translate("EcoWorkspace", "No party pays another over the period.")
        )
        self.transfers_view.model.wrap = False
        self.transfers_view.set_table(
            shown, QCoreApplication.translate("EcoWorkspace", "Payer → payee"), words(table.title), note
        )
        if self._wrap_payments():
            self.transfers_view.model.wrap = True
            self.transfers_view.model.refresh()
            self.transfers_view.table.resizeColumnsToContents()
        keep_totals_whole(self.transfers_view)
        self._fit_transfers()
        texts = (view_texts := self.transfers_view.texts(), len(view_texts[0]) if view_texts else 0)
        if texts != self._transfers_shown:  # other payers, names or language: the columns may need more room
            self._transfers_shown = texts
            self._fit_timer.start()

    def _draw_view(self) -> None:
        result, item = self.result, self.item
        if result is None or item is None:
            return
        choice = self.chart_box.currentData() or "index"
        self._set_note("")
        if choice == "monitoring":
            self.chart_stack.setCurrentIndex(PAGE_MONITORING)
            return
        self.chart_stack.setCurrentIndex(PAGE_CHART)
        if not result.ok or not result.tables:
            self.shown_chart = None
            self.chart.show_message(self._default_message)
            return
        precision = display_precision(self.scenario)
        if choice in ("index_table", "break_even"):
            key = INDEX if choice == "index_table" else BREAK_EVEN
            try:
                table = result.table(key)
            except KeyError:
                self.shown_chart = None
                self.chart.show_message(
                    QCoreApplication.translate(
                        "EcoWorkspace", "This rule has no break-even: its payments do not reverse."
                    )
                )
                return
            self.shown_chart = None
            self.result_view.set_table(
                shown_table(table, precision),
                QCoreApplication.translate("EcoWorkspace", "Section"),
                words(table.title),
                "",
            )
            keep_totals_whole(self.result_view)
            self.chart_stack.setCurrentIndex(PAGE_TABLE)
            return
        lang = ui_language()
        if choice == "index":
            chart = index_chart(item, result, precision, lang)
        elif choice == "directions":
            chart = direction_chart(item, result, precision, lang)
        else:
            chart = zone_chart(item, result, precision)
        self.shown_chart = chart
        if chart is None:
            message = {
                "zone": QCoreApplication.translate(
                    "EcoWorkspace", "This agreement has no negotiation zone (floor and ceiling) to show."
                ),
                "directions": QCoreApplication.translate("EcoWorkspace", "No party pays another over the period."),
            }.get(choice, QCoreApplication.translate("EcoWorkspace", "This chart has no figures yet."))
            self.chart.show_message(message)
            return
        self.chart.set_chart(chart, reference_last=choice == "index")
        self._set_note(chart_note(chart, choice, len(item.sections)))

    def _set_note(self, text: str) -> None:
        """The line under the chart; set only when it changes (a slider step must not re-lay out the column)."""
        set_text(self.chart_note, text)
        if self.chart_note.isVisibleTo(self) != bool(text):
            self.chart_note.setVisible(bool(text))

    def focus_target(self, target: Target) -> None:
        field = target.field or ""
        if field.startswith("sections"):
            self.tabs.setCurrentIndex(TAB_SECTIONS)
        elif field.startswith("indicators"):
            self.tabs.setCurrentIndex(TAB_INDICATORS)
            number = field[len("indicators[") :].split("]")[0]
            if number.isdigit():
                self.indicators_editor.table.setCurrentCell(int(number), 0)
        elif field.startswith("records"):
            self._choose_view("monitoring")
        elif field.startswith("zone"):
            self._choose_view("zone")
        elif field.startswith("quality_scale"):
            self.quality.slider.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.tabs.setCurrentIndex(TAB_RULE)

    def _choose_view(self, key: str) -> None:
        self.chart_box.setCurrentIndex(self.chart_box.findData(key))
        self._draw_view()

    def retranslate_parameters(self) -> None:
        for index, text in enumerate(
            (
                QCoreApplication.translate("EcoWorkspace", "Rule"),
                QCoreApplication.translate("EcoWorkspace", "Sections"),
                QCoreApplication.translate("EcoWorkspace", "Indicators"),
            )
        ):
            self.tabs.setTabText(index, text)
        self.quality.retranslate()
        self._marker_timer.start()  # the sections' names in the other language
        self.rule_editor.retranslate()
        self.sections_editor.retranslate()
        self.indicators_editor.retranslate()
        self.monitoring.retranslate()
        names = {
            "index": QCoreApplication.translate("EcoWorkspace", "Chart: index by month against the threshold"),
            "directions": QCoreApplication.translate("EcoWorkspace", "Chart: payments by direction"),
            "zone": QCoreApplication.translate("EcoWorkspace", "Chart: negotiation zone"),
            "monitoring": QCoreApplication.translate("EcoWorkspace", "Table: monitoring data (import, export)"),
            "index_table": QCoreApplication.translate("EcoWorkspace", "Table: sections by month"),
            "break_even": QCoreApplication.translate("EcoWorkspace", "Table: break-even"),
        }
        for index, key in enumerate(VIEWS):
            self.chart_box.setItemText(index, names[key])
