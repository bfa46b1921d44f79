"""The charts of a basin agreement, as data from the engine's result tables, and the widget that draws them.

* :func:`index_chart` — the index month by month, one line per section, against the line where the payment
  turns: the threshold of P (P-index bet), zero (the per-tonne, status and exceedance amounts, + upstream pays).
* :func:`direction_chart` — the payments by direction, two colours: month by month for the monthly rules
  (the sections' amounts of each month added up, upstream paying to the right, downstream paying to the left);
  for a rule settled over the period (P-index bet, pooled fund), each party's net: receiving to the right,
  paying to the left, so a reversal moves the bars across zero.
* :func:`zone_chart` — the negotiation zone: the floor (protection and opportunity cost), the fund proposed and
  the ceiling (increase of ecosystem-service value or willingness to pay).

Every number is the engine's, rounded once for display (:func:`~chengyu_accord.cost_sharing.results.shown_table`);
the charts are built on the GUI thread from a result computed in the worker (the zone's bounds, computed from a
handful of inputs, are read with the engine's own functions).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from chengyu_accord.cost_sharing.charts import Chart, Series
from chengyu_accord.cost_sharing.instruments.eco_compensation.model import EcoCompensation
from chengyu_accord.cost_sharing.money import DisplayPrecision, format_amount
from chengyu_accord.cost_sharing.results import ItemResult, Quantity, ResultTable, shown_table, shown_text

from ..chart import ChartWidget
from ..labels import ui_language
from ..result_table import unit_name
from .names import section_label

INDEX, TRANSFERS, NETS, BREAK_EVEN = "index", "transfers", "nets", "break_even"
REFERENCE_COLOUR = "#b00020"
UPSTREAM_PAYS, DOWNSTREAM_PAYS = "upstream", "downstream"
MAX_LINES = 6
"""Sections drawn as lines at most (more are unreadable, and their legend would push the plot out)."""
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(item: EcoCompensation, month: str, lang: str) -> str:
    """ "3月" / "Mar" within one calendar year; "2025-03" when the period spans years."""
    if item.period.first[:4] != item.period.last[:4]:
        return month
    number = int(month[5:])
    return f"{number}月" if lang == "zh" else MONTHS_EN[number - 1]


def _table(result: ItemResult, key: str) -> ResultTable | None:
    try:
        return result.table(key)
    except KeyError:
        return None


def _split_key(key: str) -> tuple[str, str]:
    """(section id, month or period label) of an index row key ``section:month``."""
    section, _, when = key.rpartition(":")
    return section, when


def _value_text(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.001')).normalize():f}" if value != 0 else "0"


def index_chart(item: EcoCompensation, result: ItemResult, precision: DisplayPrecision, lang: str) -> Chart | None:
    """The index month by month, a line per section, and the line at which the payment turns (last series)."""
    table = _table(result, INDEX)
    if table is None or not table.rows or not table.columns:
        return None
    months = item.period.months()
    categories = tuple(month_label(item, m, lang) for m in months)
    column = table.columns[0]
    money = column.measure == "money"
    shown = shown_table(table, precision) if money else None
    by_section: dict[str, dict[str, tuple[Decimal, str]]] = {}
    for r, row in enumerate(table.rows):
        section, when = _split_key(row.key)
        cell = row.cells[0]
        if shown is not None:
            value = shown.cells[r][0] or Decimal(0)
            text = shown_text(shown, r, 0)
        elif isinstance(cell, Quantity):
            value, text = cell.value, _value_text(cell.value)
        else:
            continue
        by_section.setdefault(section, {})[when] = (value, text)
    series = []
    closeness: list[Decimal] = []
    threshold = Decimal(getattr(item.rule, "threshold", "1")) if column.key == "p" else Decimal(0)
    for section in item.sections:
        values = by_section.get(section.id, {})
        if not any(m in values for m in months):
            continue
        decisive = values.get(item.period.label, (sum(v for v, _ in values.values()), ""))[0]
        closeness.append(abs(decisive - threshold) if column.key == "p" or money else Decimal(len(closeness)))
        name = section_label(section)
        period = values.get(item.period.label)
        if period is not None and column.key == "p":
            name = (
                QCoreApplication.translate("EcoWorkspace", "Period P %2 · %1")
                .replace("%1", name)
                .replace("%2", period[1])
            )
        series.append(
            Series(
                name,
                tuple(values.get(m, (Decimal(0), ""))[0] for m in months),
                tuple(values.get(m, (Decimal(0), ""))[1] for m in months),
            )
        )
    if not series:
        return None
    if len(series) > MAX_LINES:  # a basin of fifty sections: the lines nearest the turn, in the sections' order
        keep = set(sorted(range(len(series)), key=lambda n: closeness[n])[:MAX_LINES])
        series = [s for n, s in enumerate(series) if n in keep]
    if column.key == "p":
        threshold = Decimal(getattr(item.rule, "threshold", "1"))
        reference = QCoreApplication.translate("EcoWorkspace", "Threshold P = %1").replace(
            "%1", f"{threshold.normalize():f}"
        )
        title, unit = (
            QCoreApplication.translate("EcoWorkspace", "Index P by month"),
            "",
        )
    elif money:
        threshold = Decimal(0)
        reference = QCoreApplication.translate("EcoWorkspace", "Zero line")
        title, unit = (
            QCoreApplication.translate("EcoWorkspace", "Amount by month (+ upstream pays)"),
            unit_name(precision.unit),
        )
    else:
        threshold = Decimal(1)
        reference = QCoreApplication.translate("EcoWorkspace", "1 = meets the target")
        title, unit = (
            QCoreApplication.translate("EcoWorkspace", "Sections meeting their targets by month (1 yes, 0 no)"),
            "",
        )
    line = Series(reference, tuple(threshold for _ in months), tuple("" for _ in months))
    return Chart(f"{item.id}-index", "lines", title, unit, categories, (*series, line))


def _direction_names() -> dict[str, str]:
    return {
        UPSTREAM_PAYS: QCoreApplication.translate("EcoWorkspace", "Upstream pays downstream"),
        DOWNSTREAM_PAYS: QCoreApplication.translate("EcoWorkspace", "Downstream pays upstream"),
    }


def direction_chart(item: EcoCompensation, result: ItemResult, precision: DisplayPrecision, lang: str) -> Chart | None:
    """Payments by direction: month by month, upstream paying to the right and downstream to the left (the monthly
    rules); for a rule settled over the period, each party's net, receiving to the right and paying to the left."""
    names = _direction_names()
    unit = unit_name(precision.unit)
    index = _table(result, INDEX)
    if index is not None and any(c.key == "amount" and c.measure == "money" for c in index.columns):
        shown = shown_table(index, precision)
        column = index.column_index("amount")
        months = item.period.months()
        up = dict.fromkeys(months, Decimal(0))
        down = dict.fromkeys(months, Decimal(0))
        for r, row in enumerate(index.rows):
            _section, month = _split_key(row.key)
            value = shown.cells[r][column] or Decimal(0)
            if month in up:
                (up if value > 0 else down)[month] += value
        labels = {
            key: tuple(format_amount(abs(v), precision, with_unit=False) if v else "" for v in values.values())
            for key, values in ((UPSTREAM_PAYS, up), (DOWNSTREAM_PAYS, down))
        }
        return Chart(
            f"{item.id}-directions",
            "stacked_bars",
            QCoreApplication.translate("EcoWorkspace", "Payments by month and direction"),
            unit,
            tuple(month_label(item, m, lang) for m in months),
            (
                Series(names[UPSTREAM_PAYS], tuple(up.values()), labels[UPSTREAM_PAYS]),
                Series(names[DOWNSTREAM_PAYS], tuple(down.values()), labels[DOWNSTREAM_PAYS]),
            ),
        )
    nets = _table(result, NETS)
    if nets is None or not any(nets.fen("net").values()):
        return None
    # a rule settled over the whole period (the P-index bet, the pooled fund): each party's net, receiving to the
    # right and paying to the left, so a reversal moves the bars across zero
    shown = shown_table(nets, precision)
    column = nets.column_index("net")
    amounts = [shown.cells[r][column] or Decimal(0) for r in range(len(nets.rows))]
    receives = tuple(a if a > 0 else Decimal(0) for a in amounts)
    pays = tuple(a if a < 0 else Decimal(0) for a in amounts)
    return Chart(
        f"{item.id}-directions",
        "stacked_bars",
        QCoreApplication.translate("EcoWorkspace", "Net of the period by party"),
        unit,
        tuple(row.label.get(lang) for row in nets.rows),
        (
            Series(
                QCoreApplication.translate("EcoWorkspace", "Receives"),
                receives,
                tuple(format_amount(a, precision, with_unit=False) if a else "" for a in receives),
            ),
            Series(
                QCoreApplication.translate("EcoWorkspace", "Pays"),
                pays,
                tuple(format_amount(-a, precision, with_unit=False) if a else "" for a in pays),
            ),
        ),
    )


def chart_note(chart: Chart | None, view: str, sections: int) -> str:
    """How to read a chart, in a line under it (the axis titles stay short enough to show whole); ``sections`` is
    how many the item has (the index chart draws the :data:`MAX_LINES` nearest the turn)."""
    if chart is None:
        return ""
    if view == "index":
        if chart.unit:
            note = QCoreApplication.translate(
                "EcoWorkspace", "Above the zero line the upstream party pays that month, below it the downstream party."
            )
        else:
            note = QCoreApplication.translate(
                "EcoWorkspace",
                "The period's P (in the legend) decides: at or below the threshold the downstream party pays the bet, "
                "above it the upstream party.",
            )
        drawn = len(chart.series) - 1
        if drawn < sections:
            nearest = QCoreApplication.translate("EcoWorkspace", "Shown: the %1 of %2 sections nearest the turn.")
            space = "" if ui_language() == "zh" else " "
            note = f"{note}{space}{nearest.replace('%1', str(drawn)).replace('%2', str(sections))}"
        return note
    if view == "directions" and chart.categories and chart.series[0].name == _direction_names()[UPSTREAM_PAYS]:
        return QCoreApplication.translate(
            "EcoWorkspace", "Bars to the right: upstream pays downstream; to the left: downstream pays upstream."
        )
    if view == "directions":
        return QCoreApplication.translate(
            "EcoWorkspace",
            "Each party's net over the period: to the right it receives, to the left it pays (who pays whom is in "
            "the table of payments).",
        )
    return QCoreApplication.translate(
        "EcoWorkspace",
        "Floor: protection and opportunity cost. Ceiling: added ecosystem-service value or willingness to pay.",
    )


def zone_figures(item: EcoCompensation, result: ItemResult) -> tuple[int, int, int] | None:
    """(floor, proposed fund, ceiling) in fen, by the engine's functions; None without a zone or when the engine
    cannot compute it (its diagnostic says why)."""
    if item.zone is None:
        return None
    from chengyu_accord.cost_sharing.instruments.eco_compensation import compute, rules

    try:
        protection, opportunity, upper = compute.zone_bounds(item)
        transfers = _table(result, TRANSFERS)
        # the fund weighed against the zone is, for month-by-month rules, the sum of the period's payments
        paid = tuple(
            rules.Transfer("payer", "payee", amount, item.period.label)
            for amount in (transfers.fen("amount").values() if transfers is not None else ())
            if amount > 0
        )
        proposed = compute.proposed_fund(item, rules.Settlement(paid, ()))
    except (ArithmeticError, ValueError, KeyError):
        return None
    return protection + opportunity, proposed, upper


def zone_chart(item: EcoCompensation, result: ItemResult, precision: DisplayPrecision) -> Chart | None:
    figures = zone_figures(item, result)
    if figures is None:
        return None
    names = (
        QCoreApplication.translate("EcoWorkspace", "Floor"),
        QCoreApplication.translate("EcoWorkspace", "Proposed fund"),
        QCoreApplication.translate("EcoWorkspace", "Ceiling"),
    )
    values = tuple(Decimal(fen) / Decimal(precision.unit.value) for fen in figures)
    labels = tuple(format_amount(fen, precision, with_unit=False) for fen in figures)
    return Chart(
        f"{item.id}-zone",
        "bars",
        QCoreApplication.translate("EcoWorkspace", "Negotiation zone per year"),
        unit_name(precision.unit),
        names,
        (Series(QCoreApplication.translate("EcoWorkspace", "Amount"), values, labels),),
    )


class EcoChartWidget(ChartWidget):
    """The shared chart, with the last series of a line chart drawn as a dashed reference line (the threshold)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.reference_last = False
        self._styled: Any = None

    def set_chart(self, chart: Chart | None, *, reference_last: bool = False) -> None:
        self.reference_last = reference_last and chart is not None and chart.form == "lines"
        super().set_chart(chart)

    @property
    def chart(self) -> Chart | None:
        """The chart drawn (None for a message)."""
        return self._chart

    def _redraw(self) -> None:
        super()._redraw()
        if self._plot is None or not self._items:
            return
        item = self._items[-1] if self.reference_last else None
        if item is not None and item is not self._styled:
            import pyqtgraph as pg

            item.setPen(pg.mkPen(REFERENCE_COLOUR, width=2.5, style=Qt.PenStyle.DashLine))
            item.setSymbol(None)
            self._styled = item
        elif item is None:
            self._styled = None
