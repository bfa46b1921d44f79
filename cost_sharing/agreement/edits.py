"""Pure edits of article wording, for the GUI to wrap in undo commands.

Each function returns a new scenario; nothing here touches the numbers, so the
fingerprint is unchanged by any of them. The classes at the end wrap them in the
edit protocol of :mod:`chengyu_accord.cost_sharing.edits`; the application's undo
stack keeps the scenario before and after each, so a redo replays the very same
result, time stamps included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from ..bilingual import Bilingual
from ..numbers import TextError, check_text
from ..scenario import Scenario
from .binding import TemplateError, check_template
from .build import build_agreement
from .model import Article
from .settings import ARTICLE_LENGTH, AgreementSettings, ArticleEdit, DraftLabel


def _article(scenario: Scenario, key: str) -> Article:
    try:
        return build_agreement(scenario, lang="zh").article(key)
    except KeyError:
        raise KeyError(f"the agreement has no article '{key}'") from None


def _with_edits(scenario: Scenario, edits: dict[str, ArticleEdit]) -> Scenario:
    settings = scenario.agreement.model_copy(update={"article_edits": edits})
    return scenario.model_copy(update={"agreement": settings})


def with_article_edit(scenario: Scenario, key: str, text: str, *, now: datetime | None = None) -> Scenario:
    """The scenario with article ``key`` reworded to ``text`` (a template; see ``binding``).

    The article's bound values are snapshotted so that a later change of the numbers is
    flagged. Rewording an article back to its default wording removes the edit.
    Raises ``TemplateError`` for an unknown placeholder, a stray brace, a control character or a wording over
    the length limit: what a file could not hold is refused when typed, not when saved or printed.
    """
    article = _article(scenario, key)
    check_template(text, article.bound_values)
    if len(text) > ARTICLE_LENGTH:
        raise TemplateError(f"the wording has {len(text):,} characters; at most {ARTICLE_LENGTH:,} are allowed")
    try:
        check_text(text, multiline=True)
    except TextError as exc:
        raise TemplateError(f"the wording {exc}") from None
    edits = dict(scenario.agreement.article_edits)
    if text == article.default_template:
        edits.pop(key, None)
    else:
        stamp = now or datetime.now(UTC)
        edits[key] = ArticleEdit(text=text, bound_values=dict(article.bound_values), edited_at=stamp)
    return _with_edits(scenario, edits)


def reset_article_edit(scenario: Scenario, key: str) -> Scenario:
    """The scenario with article ``key`` back to its default wording."""
    edits = dict(scenario.agreement.article_edits)
    edits.pop(key, None)
    return _with_edits(scenario, edits)


def confirm_article_edit(scenario: Scenario, key: str, *, now: datetime | None = None) -> Scenario:
    """Mark an edited article as checked against the current numbers (clears its stale flag)."""
    edit = scenario.agreement.article_edits.get(key)
    if edit is None:
        return scenario
    article = _article(scenario, key)
    edits = dict(scenario.agreement.article_edits)
    edits[key] = edit.model_copy(
        update={"bound_values": dict(article.bound_values), "edited_at": now or datetime.now(UTC)}
    )
    return _with_edits(scenario, edits)


# --- edit commands (the Edit protocol of cost_sharing.edits) ----------------------------------------


class _AgreementEdit:
    """Agreement edits change only the wording and print settings: structural for autosave, no number moves."""

    structural: ClassVar[bool] = True


@dataclass(frozen=True)
class SetArticleText(_AgreementEdit):
    """Reword an article (a template with placeholders); the default wording removes the edit."""

    key: str
    text: str
    label: ClassVar[Bilingual] = Bilingual("修改条款措辞", "reword article")

    def apply(self, scenario: Scenario) -> Scenario:
        return with_article_edit(scenario, self.key, self.text)


@dataclass(frozen=True)
class ResetArticle(_AgreementEdit):
    """Put an article back to its default wording."""

    key: str
    label: ClassVar[Bilingual] = Bilingual("恢复条款原措辞", "restore article wording")

    def apply(self, scenario: Scenario) -> Scenario:
        return reset_article_edit(scenario, self.key)


@dataclass(frozen=True)
class ConfirmArticle(_AgreementEdit):
    """Confirm that an edited article still reads right with the current numbers."""

    key: str
    label: ClassVar[Bilingual] = Bilingual("确认条款数字", "confirm article numbers")

    def apply(self, scenario: Scenario) -> Scenario:
        return confirm_article_edit(scenario, self.key)


@dataclass(frozen=True)
class SetPrintOptions(_AgreementEdit):
    """The draft label, the watermark and capital-letter amounts of the printed agreement."""

    draft_label: DraftLabel
    watermark: bool
    capital_amounts: bool
    label: ClassVar[Bilingual] = Bilingual("修改打印选项", "change print options")

    def apply(self, scenario: Scenario) -> Scenario:
        settings = AgreementSettings.model_validate(
            {
                **scenario.agreement.model_dump(),
                "draft_label": self.draft_label,
                "watermark": self.watermark,
                "capital_amounts": self.capital_amounts,
            }
        )
        return scenario.model_copy(update={"agreement": settings})


@dataclass(frozen=True)
class ConfirmAllArticles(_AgreementEdit):
    """Confirm every article whose numbers changed since its edit, in one undo step (the panel's and the export
    check's "accept all")."""

    label: ClassVar[Bilingual] = Bilingual("确认全部条款数字", "confirm all article numbers")

    def apply(self, scenario: Scenario) -> Scenario:
        edits = dict(scenario.agreement.article_edits)
        stamp = datetime.now(UTC)
        for article in build_agreement(scenario, lang="zh").articles:
            if article.stale and article.key in edits:
                edits[article.key] = edits[article.key].model_copy(
                    update={"bound_values": dict(article.bound_values), "edited_at": stamp}
                )
        return _with_edits(scenario, edits)
