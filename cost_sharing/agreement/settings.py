"""Agreement settings saved with a scenario: draft label, signing details, edited articles.

Nothing here changes a number, so none of it enters the fingerprint. An edited
article keeps its wording as a template in which amounts are placeholders such as
``{amount:510100}``, plus a snapshot of the values the negotiator saw when editing,
so that a later change of the numbers can be flagged in the printed draft.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt

from ..numbers import multi_line, one_line, visible_line
from .binding import parse_template

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


ARTICLE_LENGTH = 20_000
"""Longest wording of one article (a long article runs to some 1,000 characters)."""
KEY_LENGTH = 100
"""Longest article key, placeholder name or party id used as a key here."""
VALUE_LENGTH = 200
"""Longest bound value as rendered (a 大写 amount of the largest amount has some 60 characters)."""
MAX_ENTRIES = 500
"""Most article edits, bound values or representatives one scenario may hold."""
PLACE_LENGTH = 200
REPRESENTATIVE_LENGTH = 100
"""Printed in a signature block half a page wide, with the party's name above it."""
SIGNATORY_LENGTH = 100
"""A signatory office (重庆市发展和改革委员会) stands where the party's name would: as long as a name."""
MIN_COPIES, MAX_COPIES = 1, 10
"""Originals each party keeps (一式N份，各方各执M份); ten parties × ten copies is already a stack of a hundred."""


def check_article_text(text: str) -> str:
    """An article's wording as read from a file: printable text whose braces are all placeholders or doubled.

    A stray brace would otherwise pass validation and stop the export (``TemplateError``).
    """
    multi_line(text)
    parse_template(text)
    return text


Key = Annotated[str, Field(min_length=1, max_length=KEY_LENGTH), AfterValidator(one_line)]
BoundValue = Annotated[str, Field(max_length=VALUE_LENGTH), AfterValidator(one_line)]


class ArticleEdit(_Model):
    """A negotiator's wording of one article, with the bound values as they were when it was edited."""

    text: Annotated[str, Field(max_length=ARTICLE_LENGTH), AfterValidator(check_article_text)]
    """The wording; bound numbers appear as placeholders like ``{total}`` or ``{amount:510100}``."""
    bound_values: Annotated[dict[Key, BoundValue], Field(max_length=MAX_ENTRIES)] = Field(default_factory=dict)
    """Every bound value of the article as rendered at edit time, by placeholder name."""
    edited_at: datetime | None = None


class AgreementSettings(_Model):
    """How the scenario's draft agreement is printed, and the articles negotiators have reworded."""

    draft_label: DraftLabel = "讨论稿"
    signing_date: date | None = None
    """Printed in the signature blocks as 2026年1月1日; blank lines for a hand-written date when unset."""
    signing_place: Annotated[str, Field(max_length=PLACE_LENGTH), AfterValidator(one_line)] = ""
    representatives: Annotated[
        dict[Key, Annotated[str, Field(max_length=REPRESENTATIVE_LENGTH), AfterValidator(one_line)]],
        Field(max_length=MAX_ENTRIES),
    ] = Field(default_factory=dict)
    """Representative's name by party id, printed under 代表（签字）."""
    signatories: Annotated[
        dict[Key, Annotated[str, Field(min_length=1, max_length=SIGNATORY_LENGTH), AfterValidator(visible_line)]],
        Field(max_length=MAX_ENTRIES),
    ] = Field(default_factory=dict)
    """The office that signs for a party, by party id (成都市人民政府); a party without one signs as its name's
    government (成都市 → 成都市人民政府). Printed in the parties block and the signature blocks, in both languages."""
    copies_per_party: Annotated[StrictInt, Field(ge=MIN_COPIES, le=MAX_COPIES)] = 2
    """Originals each party keeps; the final article says 一式N份，各方各执M份 with N = M × parties."""
    watermark: bool = False
    capital_amounts: bool = False
    """Add 大写 amounts after the payment obligations, as finance offices expect."""
    article_edits: Annotated[dict[Key, ArticleEdit], Field(max_length=MAX_ENTRIES)] = Field(default_factory=dict)
