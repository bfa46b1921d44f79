"""What to export and a last check before it: the export dialog and the "导出前请核对" dialog.

The export dialog asks for the language (Chinese by default, whatever the interface language: the Chinese text
is the one that is signed), the format, the draft label and whether to mark changed numbers for review. The check
dialog lists, once, every edited article whose numbers moved since the edit, so no one prints a sentence they
have not reread. Each dialog sits behind one plain function, as in :mod:`.dialogs`, so a test replaces it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.agreement.build import AgreementError, build_agreement
from chengyu_accord.cost_sharing.agreement.settings import DRAFT_LABELS, DRAFT_LABELS_EN
from chengyu_accord.cost_sharing.bilingual import Bilingual
from chengyu_accord.cost_sharing.results import ScenarioResult
from chengyu_accord.cost_sharing.scenario import Scenario
from chengyu_accord.widgets.agreement_editor import stale_article_notes
from chengyu_accord.widgets.labels import ui_language, words

LANGUAGES: tuple[tuple[str, ...], ...] = (("zh",), ("en",), ("zh", "en"))
"""The language choices in the order the dialog offers them: Chinese, English reference translation, both."""
SUFFIXES = (".pdf", ".docx")


@dataclass(frozen=True)
class ExportChoices:
    """What the user chose to export."""

    languages: tuple[str, ...] = ("zh",)
    suffix: str = ".pdf"
    draft_label: str = "讨论稿"
    redline: bool = False
    """Print, under each edited article whose numbers moved since the edit, what changed."""

    def outputs(self, path: Path) -> list[tuple[Path, str]]:
        """The files to write for the chosen ``path`` and their languages: both languages write NAME.pdf and
        NAME-en.pdf (the English one beside the Chinese, never over it)."""
        if path.suffix.lower() in SUFFIXES:
            path = path.with_suffix(self.suffix)
        else:  # "协议" or "v1.2": the format's suffix goes after the whole name
            path = path.with_name(path.name + self.suffix)
        if self.languages == ("zh", "en"):
            return [(path, "zh"), (path.with_name(f"{path.stem}-en{path.suffix}"), "en")]
        return [(path, self.languages[0])]

    def file_filter(self) -> str:
        """The save dialog's filter for the chosen format."""
        if self.suffix == ".docx":
            return QCoreApplication.translate("ExportDialog", "Word document for comments (*.docx)")
        return QCoreApplication.translate("ExportDialog", "PDF document (*.pdf)")


class ExportDialog(QDialog):
    """Language, format, draft label and review marks of the agreement to export."""

    def __init__(self, draft_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the agreement"))
        self.language_buttons = QButtonGroup(self)
        self.chinese = QRadioButton(self.tr("Chinese (the text to sign)"))
        self.english = QRadioButton(self.tr("English reference translation"))
        self.both = QRadioButton(self.tr("Both (two files; the English one’s name ends in -en)"))
        languages = QVBoxLayout()
        for index, button in enumerate((self.chinese, self.english, self.both)):
            self.language_buttons.addButton(button, index)
            languages.addWidget(button)
        self.chinese.setChecked(True)  # whatever the interface language: the Chinese text prevails

        self.format_buttons = QButtonGroup(self)
        self.pdf = QRadioButton(self.tr("PDF, to print and sign"))
        self.docx = QRadioButton(self.tr("Word (DOCX), for comment rounds"))
        formats = QVBoxLayout()
        for index, button in enumerate((self.pdf, self.docx)):
            self.format_buttons.addButton(button, index)
            formats.addWidget(button)
        self.pdf.setChecked(True)

        self.draft_label = QComboBox()
        for label in DRAFT_LABELS:
            shown = label if ui_language() == "zh" else f"{label} — {DRAFT_LABELS_EN[label]}"
            self.draft_label.addItem(shown, label)
        self.draft_label.setCurrentIndex(max(0, self.draft_label.findData(draft_label)))

        self.redline = QCheckBox(self.tr("Mark changed numbers for review"))
        self.redline.setToolTip(
            self.tr(
                "Under each edited article whose numbers changed since the edit, print what changed, in red. "
                "Leave it off for a clean draft: the text always carries the current numbers."
            )
        )

        form = QFormLayout()
        form.addRow(self.tr("Language:"), languages)
        form.addRow(self.tr("Format:"), formats)
        form.addRow(self.tr("Draft label:"), self.draft_label)
        form.addRow(self.redline)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("Export…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choices(self) -> ExportChoices:
        """The choices as the dialog shows them now."""
        return ExportChoices(
            languages=LANGUAGES[self.language_buttons.checkedId()],
            suffix=SUFFIXES[self.format_buttons.checkedId()],
            draft_label=self.draft_label.currentData(),
            redline=self.redline.isChecked(),
        )


class ExportCheck(enum.Enum):
    """The answer to "导出前请核对"."""

    ACCEPT_ALL = "accept_all"
    AS_IS = "as_is"
    CANCEL = "cancel"


class ExportCheckDialog(QDialog):
    """Every note of every stale article, in words, with accept all and export / export as is / cancel."""

    def __init__(self, notes: Sequence[Bilingual], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer = ExportCheck.CANCEL
        self.setWindowTitle(self.tr("Check before exporting"))
        intro = QLabel(
            self.tr(
                "These numbers changed after the articles quoting them were edited. The text already prints the "
                "new numbers; check that the wording still reads right."
            )
        )
        intro.setWordWrap(True)
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.notes.addItems([words(note) for note in notes])
        self.notes.setMinimumWidth(540)
        self.accept_all_button = QPushButton(self.tr("Accept all and export"))
        self.accept_all_button.setToolTip(self.tr("Mark every article as checked (one undo step), then export"))
        self.as_is_button = QPushButton(self.tr("Export as is"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()  # in the order of the question, not a platform's button order
        buttons.addStretch(1)
        for button in (self.accept_all_button, self.as_is_button, self.cancel_button):
            buttons.addWidget(button)
        self.accept_all_button.clicked.connect(lambda: self._answer(ExportCheck.ACCEPT_ALL))
        self.as_is_button.clicked.connect(lambda: self._answer(ExportCheck.AS_IS))
        self.cancel_button.clicked.connect(self.reject)
        self.accept_all_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.notes, 1)
        layout.addLayout(buttons)

    def _answer(self, answer: ExportCheck) -> None:
        self.answer = answer
        self.accept()


def review_notes(scenario: Scenario, result: ScenarioResult | None = None) -> list[Bilingual]:
    """The notes of every stale article, in article order: what the check dialog lists. None when no agreement
    can be built yet (the export itself then says why)."""
    try:
        doc = build_agreement(scenario, result, lang="zh")
    except AgreementError:
        return []
    return [note for notes in stale_article_notes(doc, scenario.agreement).values() for note in notes]


def ask_export_choices(parent: QWidget | None, draft_label: str) -> ExportChoices | None:
    """Ask what to export; ``draft_label`` is the scenario's. None if the user cancels."""
    dialog = ExportDialog(draft_label, parent)
    return dialog.choices() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_export_check(parent: QWidget | None, notes: Sequence[Bilingual]) -> ExportCheck:
    """List the stale articles' notes once before an export and ask what to do."""
    dialog = ExportCheckDialog(notes, parent)
    dialog.exec()
    return dialog.answer
