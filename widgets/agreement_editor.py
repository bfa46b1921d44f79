"""The agreement's articles, for negotiators to reword, with the numbers kept bound.

The editor shows an :class:`AgreementDoc` built by the engine. Each article is
edited as a template in which amounts are placeholders (``{amount:510100}``), so a
sentence can never carry a stale number; the live preview shows it as printed.
Edited and "amounts changed since the edit" articles are marked in the list.
The widget only *asks* for changes through signals; the application turns them
into undoable edits and hands back the new document.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from chengyu_accord.cost_sharing.agreement.binding import (
    TemplateError,
    article_stale_notes,
    check_template,
    render_template,
)
from chengyu_accord.cost_sharing.agreement.model import AgreementDoc, Article
from chengyu_accord.cost_sharing.agreement.settings import ARTICLE_LENGTH, DRAFT_LABELS, AgreementSettings
from chengyu_accord.cost_sharing.bilingual import Bilingual
from chengyu_accord.cost_sharing.numbers import TextError, check_text
from chengyu_accord.widgets.labels import words

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
PLACEHOLDER_ROLE = Qt.ItemDataRole.UserRole + 2
MARK_EDITED = "✎"
MARK_STALE = "⚠"
NOTES_HEIGHT = 130
"""Most height the stale notes of one article take; more scroll inside their list, so the panel never grows."""


def stale_article_notes(doc: AgreementDoc, settings: AgreementSettings) -> dict[str, tuple[Bilingual, ...]]:
    """Every stale article's notes in words, by article key, in article order (for the panel and the export check)."""
    found: dict[str, tuple[Bilingual, ...]] = {}
    for article in doc.articles:
        edit = settings.article_edits.get(article.key)
        if article.stale and edit is not None:
            found[article.key] = article_stale_notes(article, edit.bound_values)
    return found


class AgreementEditorWidget(QWidget):
    """Article list, template editor with bound placeholders, live preview and print options.

    Everything lives in one scroll area and the notes in a bounded list, so however many numbers changed the
    panel never asks for more height than the screen has.
    """

    article_edited = Signal(str, str)
    """(article key, new template): the user applied a rewording."""
    article_reset = Signal(str)
    article_confirmed = Signal(str)
    all_confirmed = Signal()
    """The user accepted the new numbers of every stale article at once."""
    print_options_changed = Signal(str, bool, bool)
    """(draft label, watermark, capital-letter amounts)."""

    def __init__(self, glyph_check: Callable[[str], list[str]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._glyph_check = glyph_check
        self._doc: AgreementDoc | None = None
        self._settings = AgreementSettings()
        self._notes: dict[str, tuple[Bilingual, ...]] = {}
        self._problem: str = ""
        self._build()
        self.retranslate()

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        self.draft_label = QComboBox()
        self.draft_label.addItems(list(DRAFT_LABELS))
        self.watermark = QCheckBox()
        self.capital_amounts = QCheckBox()
        options = QFormLayout()
        self.draft_label_caption = QLabel()
        options.addRow(self.draft_label_caption, self.draft_label)
        options.addRow(self.watermark)
        options.addRow(self.capital_amounts)
        for signal in (self.draft_label.currentIndexChanged, self.watermark.toggled, self.capital_amounts.toggled):
            signal.connect(self._on_options_changed)

        self.stale_summary = QLabel()  # one short line: a wrapped label would make the scroll area lay the
        self.stale_summary.setStyleSheet("color: #8a4b00;")  # panel out at its preferred, not its fitting, height
        self.accept_all_button = QPushButton()
        self.accept_all_button.clicked.connect(self.all_confirmed)
        summary = QHBoxLayout()
        summary.addWidget(self.stale_summary, 1)
        summary.addWidget(self.accept_all_button)

        self.articles = QListWidget()
        self.articles.setMinimumHeight(72)
        self.articles.currentItemChanged.connect(self._on_article_selected)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.template = QPlainTextEdit()
        self.template.setMinimumHeight(64)
        self.template.textChanged.connect(self._on_template_changed)
        self.placeholders = QListWidget()
        self.placeholders.setMinimumHeight(48)
        self.placeholders.setMaximumHeight(120)
        self.placeholders.itemActivated.connect(self._insert_placeholder)
        self.preview = QPlainTextEdit()  # user text shows literally, never as markup; long articles scroll
        self.preview.setReadOnly(True)
        self.preview.setMinimumHeight(48)
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.notes.setMinimumHeight(48)
        self.notes.setMaximumHeight(NOTES_HEIGHT)
        self.notes.setStyleSheet("color: #8a4b00;")
        self.notes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setStyleSheet("color: #b00020;")
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self._on_apply)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(lambda: self._emit_for_current(self.article_reset))
        self.confirm_button = QPushButton()
        self.confirm_button.clicked.connect(lambda: self._emit_for_current(self.article_confirmed))
        buttons = QGridLayout()  # two by two, so the panel stays narrow enough for a 1366 px screen
        buttons.addWidget(self.apply_button, 0, 0)
        buttons.addWidget(self.confirm_button, 0, 1)
        buttons.addWidget(self.reset_button, 1, 0)
        buttons.setColumnStretch(2, 1)

        self.placeholders_caption = QLabel()
        self.preview_caption = QLabel()
        self.notes_caption = QLabel()
        self.notes_caption.setWordWrap(True)
        editor = QWidget()
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.template, 2)
        column.addWidget(self.placeholders_caption)
        column.addWidget(self.placeholders)
        column.addWidget(self.preview_caption)
        column.addWidget(self.preview, 1)
        column.addWidget(self.notes_caption)
        column.addWidget(self.notes, 1)
        column.addWidget(self.status)
        column.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.articles)
        splitter.addWidget(editor)
        splitter.setStretchFactor(1, 2)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.addLayout(options)
        inner.addLayout(summary)
        inner.addWidget(splitter, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self._update_buttons()

    def retranslate(self) -> None:
        """Set every text in the current language (called again on LanguageChange)."""
        self.draft_label_caption.setText(self.tr("Draft label"))
        self.watermark.setText(self.tr("Print a “草案 DRAFT” watermark"))
        self.capital_amounts.setText(self.tr("大写 amounts in payment clauses"))
        self.placeholders_caption.setText(self.tr("Bound numbers (double-click):"))
        self.placeholders_caption.setToolTip(self.tr("Double-click a number to insert it where the cursor is"))
        self.preview_caption.setText(self.tr("As printed:"))
        self.notes_caption.setText(self.tr("Numbers changed since the edit:"))
        self.notes_caption.setToolTip(
            self.tr("The text already prints the new numbers; check that it still reads right.")
        )
        self.apply_button.setText(self.tr("Apply wording"))
        self.reset_button.setText(self.tr("Restore default"))
        self.confirm_button.setText(self.tr("Numbers checked"))
        self.confirm_button.setToolTip(
            self.tr("Confirm that the edited wording still reads right with the new numbers")
        )
        self.accept_all_button.setText(self.tr("Accept all"))
        self.accept_all_button.setToolTip(
            self.tr("Confirm that every flagged article still reads right with its new numbers (one undo step)")
        )
        self.template.setToolTip(
            self.tr("Numbers are placeholders such as {total}; they always print the current amounts.")
        )
        if self._doc is not None:
            self._fill_articles()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- model -> view --------------------------------------------------------------------------

    def set_agreement(
        self,
        doc: AgreementDoc | None,
        settings: AgreementSettings,
        problem: str = "",
    ) -> None:
        """Show ``doc`` (the Chinese agreement); ``problem`` explains why there is none (e.g. a missing figure).

        ``settings`` carry the values each edited article was written against, from which the notes of what
        changed are worded. The list of bound numbers says whose amount each placeholder is, as the article's
        instrument names it.
        """
        self._doc = doc
        self._settings = settings
        self._notes = stale_article_notes(doc, settings) if doc is not None else {}
        self._problem = problem
        for widget, value in (
            (self.draft_label, settings.draft_label),
            (self.watermark, settings.watermark),
            (self.capital_amounts, settings.capital_amounts),
        ):
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentText(str(value))
            else:
                widget.setChecked(bool(value))
            widget.blockSignals(False)
        self._fill_articles()

    def _fill_articles(self) -> None:
        current = self.current_key()
        self.articles.blockSignals(True)
        self.articles.clear()
        for article in self._doc.articles if self._doc is not None else ():
            entry = QListWidgetItem(self._article_title(article))
            entry.setData(KEY_ROLE, article.key)
            if article.stale:
                entry.setForeground(Qt.GlobalColor.darkRed)
            entry.setToolTip(self._article_tooltip(article))
            self.articles.addItem(entry)
        self.articles.blockSignals(False)
        stale = len(self._notes)
        self.stale_summary.setText(f"{MARK_STALE} " + self.tr("%1 articles to check").replace("%1", str(stale)))
        self.stale_summary.setToolTip(
            self.tr("Edited articles whose numbers changed since the edit: %1").replace("%1", str(stale))
        )
        self.stale_summary.setVisible(bool(stale))
        self.accept_all_button.setVisible(bool(stale))
        keys = [self.articles.item(i).data(KEY_ROLE) for i in range(self.articles.count())]
        if current in keys:
            self.articles.setCurrentRow(keys.index(current))
        elif keys:
            self.articles.setCurrentRow(0)
        else:
            self._show_article(None)

    def _article_title(self, article: Article) -> str:
        """The title with its marks only, so the list fits a narrow panel; the tooltip says them in words."""
        marks = (f" {MARK_EDITED}" if article.edited else "") + (f" {MARK_STALE}" if article.stale else "")
        return f"{article.title}{marks}"

    def _article_tooltip(self, article: Article) -> str:
        lines = [article.title]
        if article.edited:
            lines.append(f"{MARK_EDITED} " + self.tr("edited"))
        if article.stale:
            lines.append(f"{MARK_STALE} " + self.tr("numbers changed since the edit"))
            lines.extend(words(note) for note in self._notes.get(article.key, ()))
        return "\n".join(lines)

    def current_article(self) -> Article | None:
        """The article selected in the list, as built."""
        key = self.current_key()
        if self._doc is None or key is None:
            return None
        return self._doc.article(key)

    def current_key(self) -> str | None:
        """The key of the selected article (``items.<id>.payment``), kept across refreshes."""
        item = self.articles.currentItem()
        return None if item is None else item.data(KEY_ROLE)

    def _on_article_selected(self, *_args: object) -> None:
        self._show_article(self.current_article())

    def _show_article(self, article: Article | None) -> None:
        self.template.blockSignals(True)
        self.template.setPlainText(article.template if article else "")
        self.template.blockSignals(False)
        self.template.setEnabled(article is not None)
        self.heading.setText(article.title if article else self._problem)
        self.placeholders.clear()
        for name, value in sorted(article.bound_values.items()) if article else ():
            described = article.bound_descriptions.get(name, name)
            entry = QListWidgetItem(f"{described}  =  {value}    {{{name}}}")  # the legend of the template's codes
            entry.setData(PLACEHOLDER_ROLE, "{" + name + "}")
            self.placeholders.addItem(entry)
        self.notes.clear()
        for note in self._notes.get(article.key, ()) if article else ():
            self.notes.addItem(words(note))
        self.notes_caption.setVisible(self.notes.count() > 0)
        self.notes.setVisible(self.notes.count() > 0)
        self._on_template_changed()

    # --- view -> requests -----------------------------------------------------------------------

    def _insert_placeholder(self, item: QListWidgetItem) -> None:
        self.template.insertPlainText(item.data(PLACEHOLDER_ROLE))
        self.template.setFocus()

    def _problems(self, text: str, article: Article) -> list[str]:
        """What keeps ``text`` from being applied, in the interface language (checked as typed, never on apply)."""
        problems: list[str] = []
        try:
            check_template(text, article.bound_values)
        except TemplateError as exc:
            problems.append(words(exc.text))
        try:
            check_text(text, multiline=True)
        except TextError as exc:
            problems.append(self.tr("The wording %1").replace("%1", words(exc.text)))
        if len(text) > ARTICLE_LENGTH:
            problems.append(
                self.tr("The wording has %1 characters; at most %2 are allowed")
                .replace("%1", f"{len(text):,}")
                .replace("%2", f"{ARTICLE_LENGTH:,}")
            )
        if self._glyph_check is not None:
            missing = self._glyph_check(text)
            if missing:
                listed = "、".join(f"“{ch}” (U+{ord(ch):04X})" for ch in missing)
                problems.append(self.tr("No font can print these characters: %1").replace("%1", listed))
        return problems

    def _on_template_changed(self) -> None:
        article = self.current_article()
        if article is None:
            self.preview.setPlainText("")
            self.status.setText("")
            self._update_buttons()
            return
        text = self.template.toPlainText()
        problems = self._problems(text, article)
        self.preview.setPlainText("" if problems else render_template(text, article.bound_values))
        self.status.setText("\n".join(problems))
        self.status.setVisible(bool(problems))
        self._update_buttons(problems)

    def _update_buttons(self, problems: list[str] | None = None) -> None:
        article = self.current_article()
        changed = article is not None and self.template.toPlainText() != article.template
        self.apply_button.setEnabled(bool(changed and not problems))
        self.reset_button.setEnabled(bool(article and article.edited))
        self.confirm_button.setEnabled(bool(article and article.stale))

    def _on_apply(self) -> None:
        key = self.current_key()
        if key is not None:
            self.article_edited.emit(key, self.template.toPlainText())

    def _emit_for_current(self, signal: Signal) -> None:
        key = self.current_key()
        if key is not None:
            signal.emit(key)  # type: ignore[attr-defined]

    def _on_options_changed(self, *_args: object) -> None:
        self.print_options_changed.emit(
            self.draft_label.currentText(), self.watermark.isChecked(), self.capital_amounts.isChecked()
        )


if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    from chengyu_accord.cost_sharing.agreement.build import build_agreement
    from chengyu_accord.cost_sharing.presets import default_scenario

    app = QApplication(sys.argv)
    scenario = default_scenario()
    preview = AgreementEditorWidget()
    preview.set_agreement(build_agreement(scenario), scenario.agreement)
    preview.resize(700, 800)
    preview.show()
    sys.exit(app.exec())
