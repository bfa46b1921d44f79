"""Agreement settings saved with a scenario: draft label, signing details, edited articles.

Nothing here changes a number, so none of it enters the fingerprint. An edited
article keeps its wording as a template in which amounts are placeholders such as
``{amount:510100}``, plus a snapshot of the values the negotiator saw when editing,
so that a later change of the numbers can be flagged in the printed draft.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

DraftLabel = Literal["讨论稿", "征求意见稿", "送审稿", "草案"]
DRAFT_LABELS: tuple[str, ...] = ("讨论稿", "征求意见稿", "送审稿", "草案")
DRAFT_LABELS_EN = {
    "讨论稿": "Discussion draft",
    "征求意见稿": "Draft for comment",
    "送审稿": "Draft for review",
    "草案": "Draft",
}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ArticleEdit(_Model):
    """A negotiator's wording of one article, with the bound values as they were when it was edited."""

    text: Annotated[str, Field(max_length=20_000)]
    """The wording; bound numbers appear as placeholders like ``{total}`` or ``{amount:510100}``."""
    bound_values: dict[str, str] = Field(default_factory=dict)
    """Every bound value of the article as rendered at edit time, by placeholder name."""
    edited_at: datetime | None = None


class AgreementSettings(_Model):
    """How the scenario's draft agreement is printed, and the articles negotiators have reworded."""

    draft_label: DraftLabel = "讨论稿"
    signing_date: date | None = None
    """Printed in the signature blocks as 2026年1月1日; blank lines for a hand-written date when unset."""
    signing_place: Annotated[str, Field(max_length=200)] = ""
    representatives: dict[str, Annotated[str, Field(max_length=200)]] = Field(default_factory=dict)
    """Representative's name by party id, printed under 代表（签字）."""
    watermark: bool = False
    capital_amounts: bool = False
    """Add 大写 amounts after the payment obligations, as finance offices expect."""
    article_edits: dict[str, ArticleEdit] = Field(default_factory=dict)
