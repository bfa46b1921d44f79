"""Text in a role's font, run by run: a change of font wherever the role font lacks a character.

Every part of the PDF (grid text, paragraphs, page decorations, charts) draws through these
helpers, so a party named 堃 prints in the fallback font everywhere rather than as a box.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.graphics.shapes import String
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..fonts import font_set

ANCHOR_SHIFT = {"start": 0.0, "end": 1.0, "middle": 0.5}
"""How much of a string's width lies left of its anchor point."""


def role_font(role: str) -> str:
    """The reportlab font name of a role (``song`` or ``hei``)."""
    return font_set().roles[role].alias


def text_width(text: str, role: str, size: float) -> float:
    """The natural width of ``text`` drawn in ``role``, each character in the font that draws it."""
    return sum(stringWidth(piece, alias, size) for alias, piece in font_set().runs(text, role))


def markup(text: str, role: str) -> str:
    """``text`` as paragraph markup: escaped, and characters the role font lacks in a fallback ``<font>`` run."""
    own = role_font(role)
    return "".join(
        escape(piece) if alias == own else f'<font name="{alias}">{escape(piece)}</font>'
        for alias, piece in font_set().runs(text, role)
    )


def draw_runs(canvas: Canvas, x: float, y: float, text: str, role: str, size: float, anchor: str = "start") -> None:
    """Draw ``text`` on the canvas run by run (a font change per fallback run); ``anchor`` start, end or middle."""
    runs = font_set().runs(text, role)
    x -= ANCHOR_SHIFT[anchor] * sum(stringWidth(piece, alias, size) for alias, piece in runs)
    for alias, piece in runs:
        canvas.setFont(alias, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, alias, size)


def strings(
    x: float, y: float, text: str, role: str, size: float, anchor: str = "start", **properties: object
) -> list[String]:
    """Graphics strings for ``text``, one per font run, laid out as one string anchored at ``x``."""
    runs = font_set().runs(text, role)
    x -= ANCHOR_SHIFT[anchor] * sum(stringWidth(piece, alias, size) for alias, piece in runs)
    shapes = []
    for alias, piece in runs:
        shapes.append(String(x, y, piece, fontName=alias, fontSize=size, **properties))
        x += stringWidth(piece, alias, size)
    return shapes
