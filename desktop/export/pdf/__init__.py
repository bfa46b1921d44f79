"""The draft agreement as PDF: GB/T 9704-2012 body typography with reportlab.

The package follows the parts of the page: ``grid`` (the 22 × 28 grid and the flowables that
keep text on it), ``story`` (the agreement's parts as flowables), ``chart`` (charts as
reportlab drawings), ``page`` (page number, fingerprint footer, notice, watermark) and ``runs``
(text in role fonts, with fallback runs). All user text is printed literally.

Fonts go by role (``fonts.SONG`` for the body and tables, ``fonts.HEI`` for the title and
headings; see resources/pdf_styles). Every character is drawn with its role's font, or with
the fallback font when the role font lacks it.
"""

from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from chengyu_accord.cost_sharing.agreement.model import AgreementDoc

from ..fonts import register_fonts
from .grid import Geometry, load_style
from .page import decorating_canvas
from .story import Story

rl_config.invariant = 1  # same input, same bytes: no creation date or random document id

__all__ = ["render_pdf"]


def render_pdf(doc: AgreementDoc) -> bytes:
    """``doc`` as PDF bytes (the fonts must cover every character; see ``fonts``)."""
    register_fonts()
    style = load_style()
    geometry = Geometry.from_style(style)
    frame = Frame(
        geometry.left,
        geometry.bottom,
        geometry.width,
        geometry.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
        showBoundary=0,
    )
    buffer = io.BytesIO()
    author = doc.captions["author"]
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=doc.title,
        author=author,
        subject=doc.draft_label,
        creator=f"{author} {doc.version}",
        keywords=f"fingerprint {doc.fingerprint}",
        lang="zh-CN" if doc.lang == "zh" else "en",
    )
    template.addPageTemplates([PageTemplate(id="agreement", frames=[frame])])
    story = Story(doc, style, geometry).build()
    template.build(story, canvasmaker=decorating_canvas(doc, style, geometry))
    return buffer.getvalue()
