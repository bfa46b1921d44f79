"""File ▸ New: a guided start that makes a blank, named scenario — never a copy of an example.

The negotiator chooses the instrument (those registered that can start blank), the parties from the cluster
catalogue (by province, by search, or all of one province), the amount in 元/万元/亿元 and the title; the result is
a scenario with those parties and one item of the chosen kind. Examples are opened from Help ▸ Examples
(:func:`example_entries`). The window calls :func:`new_scenario`, which asks through
:func:`.dialogs.ask_new_scenario`, so tests can drive or replace the dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.instrument import Instrument, instrument_for, instruments
from chengyu_accord.cost_sharing.money import Unit
from chengyu_accord.cost_sharing.numbers import NumberError, TextError, check_text, parse_fen
from chengyu_accord.cost_sharing.presets import examples
from chengyu_accord.cost_sharing.scenario import TITLE_LENGTH, DisplaySettings, Party, Scenario
from chengyu_accord.widgets.labels import party_name, province_label, words

from . import defaults, dialogs

ITEM_ID = "item-1"
"""The id of the one item a new scenario starts with."""
UNITS = (("yuan", Unit.YUAN), ("wan_yuan", Unit.WAN_YUAN), ("yi_yuan", Unit.YI_YUAN))
"""The display units by the key a scenario file uses."""
PROVINCES = ("Chongqing", "Sichuan")
MIN_PARTIES = 2
MIN_WIDTH = 480
"""Wide enough for the search box beside the province filter; the dialog fits a 1366×768 screen."""


@dataclass(frozen=True)
class NewScenarioChoice:
    """What the guided start asked for: checked before it is returned, so a scenario can always be built."""

    kind: str
    party_ids: tuple[str, ...]
    amount_fen: int
    unit: str
    """The display unit: "yuan", "wan_yuan" or "yi_yuan"."""
    title: str


def startable_instruments() -> tuple[Instrument, ...]:
    """The registered instruments that can start a blank scenario."""
    return tuple(i for i in instruments() if i.blank is not None)


def build_scenario(choice: NewScenarioChoice, catalogue: Sequence[Party]) -> Scenario:
    """The blank scenario for ``choice``: the chosen parties in catalogue order and one item of the chosen kind."""
    chosen = set(choice.party_ids)
    parties = tuple(p for p in catalogue if p.id in chosen)
    blank = instrument_for(choice.kind).blank
    if blank is None:
        raise ValueError(f"the instrument '{choice.kind}' cannot start a blank scenario")
    item = blank(ITEM_ID, tuple(p.id for p in parties), choice.amount_fen)
    return Scenario(title=choice.title, parties=parties, items=(item,), display=DisplaySettings(unit=choice.unit))


def new_scenario(parent: QWidget | None, catalogue: Sequence[Party] | None = None) -> Scenario | None:
    """Ask for a new scenario (File ▸ New); None when cancelled."""
    parties = tuple(catalogue) if catalogue is not None else defaults.catalogue()
    choice = dialogs.ask_new_scenario(parent, parties)
    return build_scenario(choice, parties) if choice is not None else None


@dataclass(frozen=True)
class ExampleEntry:
    """An example scenario for Help ▸ Examples: its file stem, its title and how to build it."""

    stem: str
    title: str
    build: Callable[[], Scenario]


def example_entries() -> tuple[ExampleEntry, ...]:
    """Every instrument's examples with their titles, in registration order."""
    return tuple(ExampleEntry(stem, build().title, build) for stem, build in examples().items())


class NewScenarioDialog(QDialog):
    """One page: instrument, parties, amount and unit, title; OK only once all of them are usable."""

    def __init__(self, catalogue: Sequence[Party], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_scenario_dialog")
        self.setWindowTitle(self.tr("New agreement"))
        self.setMinimumWidth(MIN_WIDTH)
        self.catalogue = tuple(catalogue)

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("new_title")
        self.title_edit.setMaxLength(TITLE_LENGTH)
        self.title_edit.setPlaceholderText(self.tr("e.g. Gaozhu New Area start-up cost sharing"))
        self.instrument_box = QComboBox(self)
        self.instrument_box.setObjectName("new_instrument")
        for instrument in startable_instruments():
            self.instrument_box.addItem(words(instrument.name), instrument.kind)

        self.province_box = QComboBox(self)
        self.province_box.setObjectName("new_province")
        self.province_box.addItem(self.tr("All provinces"), None)
        for province in PROVINCES:
            self.province_box.addItem(province_label(province), province)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("new_search")
        self.search_edit.setPlaceholderText(self.tr("Search by name or code"))
        self.search_edit.setClearButtonEnabled(True)
        self.party_list = QListWidget(self)
        self.party_list.setObjectName("new_parties")
        self.party_list.setMinimumHeight(180)
        for party in self.catalogue:
            entry = QListWidgetItem(f"{party_name(party)}　{province_label(party.province)}", self.party_list)
            entry.setData(Qt.ItemDataRole.UserRole, party.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        self.province_buttons: dict[str, QPushButton] = {}
        buttons_row = QHBoxLayout()
        for province, text in (
            ("Chongqing", self.tr("All of Chongqing")),
            ("Sichuan", self.tr("All of Sichuan")),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"new_all_{province.lower()}")
            button.clicked.connect(lambda _checked=False, p=province: self.check_province(p))
            self.province_buttons[province] = button
            buttons_row.addWidget(button)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setObjectName("new_clear")
        self.clear_button.clicked.connect(self.clear_parties)
        buttons_row.addWidget(self.clear_button)
        buttons_row.addStretch(1)
        self.count_label = QLabel(self)

        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("new_amount")
        self.amount_edit.setPlaceholderText("0.00")
        self.unit_box = QComboBox(self)
        self.unit_box.setObjectName("new_unit")
        unit_labels = {"yuan": self.tr("yuan"), "wan_yuan": self.tr("10k yuan"), "yi_yuan": self.tr("100m yuan")}
        for key, _unit in UNITS:
            self.unit_box.addItem(unit_labels[key], key)
        self.unit_box.setCurrentIndex(1)  # 万元, the unit most budgets are negotiated in
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount_edit, 1)
        amount_row.addWidget(self.unit_box)

        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("new_problem")
        self.problem_label.setStyleSheet("color: #a33;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("new_ok")
        self.ok_button.setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Instrument"), self.instrument_box)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.province_box)
        filter_row.addWidget(self.search_edit, 1)
        form.addRow(self.tr("Parties"), filter_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons_row)
        layout.addWidget(self.party_list, 1)
        layout.addWidget(self.count_label)
        amount_form = QFormLayout()
        amount_form.addRow(self.tr("Amount"), amount_row)
        layout.addLayout(amount_form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self.province_box.currentIndexChanged.connect(self._filter)
        self.search_edit.textChanged.connect(self._filter)
        for signal in (
            self.title_edit.textChanged,
            self.amount_edit.textChanged,
            self.unit_box.currentIndexChanged,
            self.instrument_box.currentIndexChanged,
            self.party_list.itemChanged,
        ):
            signal.connect(self._check)
        self._check()

    # --- parties -----------------------------------------------------------------------------------

    def _entries(self) -> list[QListWidgetItem]:
        return [self.party_list.item(row) for row in range(self.party_list.count())]

    def _party(self, entry: QListWidgetItem) -> Party:
        return self.catalogue[self.party_list.row(entry)]

    def _filter(self) -> None:
        province = self.province_box.currentData()
        needle = self.search_edit.text().strip().lower()
        for entry in self._entries():
            party = self._party(entry)
            names = f"{party.name_zh} {party.name_en} {party.id}".lower()
            entry.setHidden((province is not None and party.province != province) or needle not in names)

    def check_province(self, province: str) -> None:
        """Tick every unit of one province (whatever the filter shows); the others stay as they are."""
        for entry in self._entries():
            if self._party(entry).province == province:
                entry.setCheckState(Qt.CheckState.Checked)

    def clear_parties(self) -> None:
        for entry in self._entries():
            entry.setCheckState(Qt.CheckState.Unchecked)

    def checked_party_ids(self) -> tuple[str, ...]:
        return tuple(self._party(e).id for e in self._entries() if e.checkState() == Qt.CheckState.Checked)

    # --- checking and the answer -----------------------------------------------------------------

    def _check(self) -> None:
        count = len(self.checked_party_ids())
        self.count_label.setText(self.tr("%1 parties chosen").replace("%1", str(count)))
        problem = self.problem()
        self.problem_label.setText(problem)
        self.ok_button.setEnabled(not problem)

    def problem(self) -> str:
        """The first thing that keeps the scenario from being made, on one line naming the field; empty if none."""
        title = self.title_edit.text()
        if not title.strip():
            return self.tr("Title: type the name of the agreement")
        try:
            check_text(title, visible=True)
        except TextError as exc:
            return self.tr("Title: %1").replace("%1", words(exc.text))
        if self.instrument_box.currentData() is None:
            return self.tr("Instrument: none can start a new agreement")
        if len(self.checked_party_ids()) < MIN_PARTIES:
            return self.tr("Parties: tick at least two")
        try:
            self.amount_fen()
        except NumberError as exc:
            return self.tr("Amount: %1").replace("%1", words(exc.text))
        return ""

    def amount_fen(self) -> int:
        """The typed amount in exact fen, read in the chosen unit; NumberError when it is not usable."""
        unit = dict(UNITS)[self.unit_box.currentData()]
        return parse_fen(self.amount_edit.text(), unit.value)

    def choice(self) -> NewScenarioChoice | None:
        """What was chosen, or None while something is missing or wrong."""
        if self.problem():
            return None
        return NewScenarioChoice(
            kind=self.instrument_box.currentData(),
            party_ids=self.checked_party_ids(),
            amount_fen=self.amount_fen(),
            unit=self.unit_box.currentData(),
            title=self.title_edit.text().strip(),
        )
