"""Text in a role's font, run by run: a change of font wherever the role font lacks a character.

Every part of the PDF (grid text, paragraphs, page decorations, charts) draws through these
helpers, so a party named 堃 prints in the fallback font everywhere rather than as a box.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import String
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..fonts import font_set
from .lines import CharStyle, break_lines, tokens

ANCHOR_SHIFT = {"start": 0.0, "end": 1.0, "middle": 0.5}
"""How much of a string's width lies left of its anchor point."""


def role_font(role: str) -> str:
    """The reportlab font name of a role (``song`` or ``hei``)."""
    return font_set().roles[role].alias


def text_width(text: str, role: str, size: float) -> float:
    """The natural width of ``text`` drawn in ``role``, each character in the font that draws it."""
    return sum(stringWidth(piece, alias, size) for alias, piece in font_set().runs(text, role))


def wrapped_markup(
    pieces: Sequence[tuple[str, str | None]],
    role: str,
    size: float,
    width: Callable[[int], float],
    *,
    title: bool = False,
) -> str:
    """Paragraph markup of ``(text, colour)`` pieces with the line breaks chosen here, lines joined by ``<br/>``.

    reportlab's own wrapping would let a line end with "（" (CJK) or cut a Chinese name
    anywhere (Latin); given lines no wider than ``width(line number)`` it breaks nowhere else.
    A ``title`` (centred) leaves no stub of a character or two alone on its last line: its lines
    are narrowed, without adding one, until the last holds a third of the longest (GB/T 9704:
    排列对称). Text is escaped, and characters the role font lacks get a fallback ``<font>`` run.
    """
    fonts = font_set()
    chars = [
        (c, CharStyle(fonts.alias_for(role, c), colour)) for text, colour in pieces for c in text.replace("\n", " ")
    ]

    def natural(unit: list[tuple[str, CharStyle]]) -> float:
        return sum(stringWidth(c, style.font, size) for c, style in unit)

    units: list[list[tuple[str, CharStyle]]] = []
    for token in tokens(chars):
        if natural(token) > width(1):  # a word longer than a line: cut it anywhere
            units.extend([char] for char in token)
        else:
            units.append(token)
    texts = ["".join(c for c, _ in unit) for unit in units]
    widths = [natural(unit) for unit in units]

    def span(line: list[int]) -> float:
        return sum(widths[i] for i in line)

    def fitted(measure: Callable[[int], float]) -> list[list[int]]:
        # break_lines allows 0.01 over the measure; reportlab allows nothing over
        return break_lines(texts, widths, lambda number: measure(number) - 0.01, hang=False)

    def narrowed(measure: float) -> list[list[int]]:
        return fitted(lambda _: measure)

    lines = fitted(width)
    measure = width(0)
    while title and len(lines) > 1 and span(lines[-1]) < max(map(span, lines)) / 3:
        measure -= size  # a title's last line is no stub: narrow the lines an em at a time
        narrower = narrowed(measure)
        if len(narrower) > len(lines):
            break
        lines = narrower
    own = role_font(role)
    return "<br/>".join(_line_markup([c for i in line for c in units[i]], own) for line in lines)


def _line_markup(chars: list[tuple[str, CharStyle]], own: str) -> str:
    parts = []
    for style, group in groupby(chars, key=lambda item: item[1]):
        text = escape("".join(c for c, _ in group))
        if style.font != own:
            text = f'<font name="{style.font}">{text}</font>'
        if style.colour:
            text = f'<font color="{style.colour}">{text}</font>'
        parts.append(text)
    return "".join(parts)


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
