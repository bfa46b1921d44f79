"""Articles of a 横向生态保护补偿协议 (placeholder while issue 11 is built: the transfers table only)."""

from __future__ import annotations

from ...agreement.blocks import ArticleSpec, BuildContext, ItemSection
from ...results import ItemResult
from .model import EcoCompensation


def eco_articles(context: BuildContext, item: EcoCompensation, result: ItemResult) -> ItemSection:
    """One article naming the matter; replaced by the full template."""
    title = item.title or item.id
    return ItemSection(title, [ArticleSpec("scope", "补偿事项" if context.zh else "Scope", title)], [])
