"""The GB/T 9704 grid: page geometry, and the flowables that keep body text on 22 lines of 28 characters.

reportlab's paragraphs cannot put 28 sixteen-point characters into 156 mm, so the Chinese body
is set by :class:`GridText`, which places every character itself; anything else (title, tables,
chart) is followed by :class:`GridRealign`, which brings the next line back onto the grid.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable

from chengyu_accord.cost_sharing.agreement.model import Paragraph as RunParagraph

from ..fonts import SONG, font_set
from .lines import CharStyle, break_lines, tokens
from .runs import role_font

MAX_STRETCH = 0.25
"""Largest extra space between characters (in ems) that justification may add."""


def load_style() -> dict[str, Any]:
    """The page and font layers from resources/pdf_styles/agreement.json."""
    text = files("chengyu_accord.resources").joinpath("pdf_styles/agreement.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class Geometry:
    """The page layout in points, derived from the style's millimetres."""

    left: float
    top: float
    width: float
    height: float
    lines: int
    chars: int
    number_gap: float
    footer_baselines: tuple[float, ...]
    header_baseline: float

    @property
    def bottom(self) -> float:
        """Distance of the type area's lower edge from the bottom of the paper."""
        return A4[1] - self.top - self.height

    @property
    def leading(self) -> float:
        return self.height / self.lines

    @property
    def pitch(self) -> float:
        return self.width / self.chars

    @classmethod
    def from_style(cls, style: dict[str, Any]) -> Geometry:
        page = style["page"]
        return cls(
            left=page["left_mm"] * mm,
            top=page["top_mm"] * mm,
            width=page["type_width_mm"] * mm,
            height=page["type_height_mm"] * mm,
            lines=page["lines_per_page"],
            chars=page["chars_per_line"],
            number_gap=page["page_number_gap_mm"] * mm,
            footer_baselines=tuple(b * mm for b in page["footer_baselines_mm"]),
            header_baseline=page["header_baseline_mm"] * mm,
        )


@dataclass
class _Line:
    chars: list[tuple[str, CharStyle]]
    indent: float
    justify: bool


class GridText(Flowable):
    """A paragraph set on the character grid: ``chars`` cells per line, one line per ``leading``.

    Full lines are justified to the type-area width by character spacing; the last
    line keeps the grid pitch. Punctuation that may not start a line hangs at the end
    of the previous one.
    """

    def __init__(
        self,
        runs: RunParagraph,
        *,
        size: float,
        leading: float,
        chars: int,
        indent_chars: float = 2,
        hang_chars: float = 0,
        align: str = "justify",
        role: str = SONG,
        marker_colour: str = "#b00000",
        lines: list[_Line] | None = None,
    ) -> None:
        super().__init__()
        self.runs = runs
        self.size = size
        self.leading = leading
        self.chars_per_line = chars
        self.indent_chars = indent_chars
        self.hang_chars = hang_chars
        """Where continuation lines begin, in grid cells (an annex name wraps under its first character)."""
        self.align = align
        self.role = role
        self.marker_colour = marker_colour
        self._lines = lines
        self._width = 0.0

    def _styled_chars(self) -> list[tuple[str, CharStyle]]:
        fonts = font_set()
        chars: list[tuple[str, CharStyle]] = []
        for run in self.runs:
            colour = self.marker_colour if run.marker else None
            for char in run.text.replace("\n", " "):
                chars.append((char, CharStyle(fonts.alias_for(self.role, char), colour)))
        return chars

    def _break(self, width: float) -> list[_Line]:
        """Lines of the paragraph: words whole, 避头尾 kept, a closing mark that would start a line hung."""
        pitch = width / self.chars_per_line
        scale = pitch / self.size  # the grid squeezes natural widths by this factor
        indent = self.indent_chars * pitch
        hang = self.hang_chars * pitch

        def natural(token: list[tuple[str, CharStyle]]) -> float:
            return sum(stringWidth(c, style.font, self.size) for c, style in token)

        units: list[list[tuple[str, CharStyle]]] = []
        for token in tokens(self._styled_chars()):
            if natural(token) > width / scale:  # a word longer than a line: cut it anywhere
                units.extend([char] for char in token)
            else:
                units.append(token)
        broken = break_lines(
            ["".join(c for c, _ in unit) for unit in units],
            [natural(unit) for unit in units],
            lambda number: (width - (indent if number == 0 else hang)) / scale,
            hang=True,
        )
        return [
            _Line([c for i in line for c in units[i]], indent if number == 0 else hang, number < len(broken) - 1)
            for number, line in enumerate(broken)
        ]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        if self._lines is None or self._width != availWidth:
            self._lines = self._break(availWidth)
            self._width = availWidth
        return availWidth, len(self._lines) * self.leading

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        self.wrap(availWidth, availHeight)
        assert self._lines is not None
        fit = int((availHeight + 0.01) // self.leading)
        if fit <= 0:
            return []
        if fit >= len(self._lines):
            return [self]
        head, tail = self._lines[:fit], self._lines[fit:]
        return [self._clone(head, availWidth), self._clone(tail, availWidth)]

    def _clone(self, lines: list[_Line], width: float) -> GridText:
        clone = GridText(
            self.runs,
            size=self.size,
            leading=self.leading,
            chars=self.chars_per_line,
            indent_chars=self.indent_chars,
            hang_chars=self.hang_chars,
            align=self.align,
            role=self.role,
            marker_colour=self.marker_colour,
            lines=lines,
        )
        clone._width = width
        return clone

    def draw(self) -> None:
        assert self._lines is not None
        canvas = self.canv
        width = self._width
        pitch = width / self.chars_per_line
        ascent = _ascent(role_font(SONG)) * self.size  # the body font's: every role's baselines share the grid
        for index, line in enumerate(self._lines):
            if not line.chars:
                continue
            baseline = len(self._lines) * self.leading - index * self.leading - ascent
            natural = sum(stringWidth(c, style.font, self.size) for c, style in line.chars)
            count = len(line.chars)
            space = pitch - self.size
            span = width - line.indent
            if self.align == "justify" and line.justify and count > 1:
                stretched = (span - natural) / (count - 1)
                # a line of long Latin words would be letter-spaced apart: leave such a line ragged
                if stretched - space < MAX_STRETCH * self.size:
                    space = stretched
            drawn = natural + space * (count - 1)
            x = line.indent
            if self.align == "center":
                x = (width - drawn) / 2
            elif self.align == "right":
                x = width - drawn
            text = canvas.beginText(x, baseline)
            text.setCharSpace(space)
            for segment, style in _segments(line.chars):
                text.setFont(style.font, self.size)  # the role font, or the fallback for what it lacks
                text.setFillColor(colors.HexColor(style.colour) if style.colour else colors.black)
                text.textOut(segment)
            canvas.drawText(text)


def _segments(chars: list[tuple[str, CharStyle]]) -> list[tuple[str, CharStyle]]:
    segments: list[tuple[str, CharStyle]] = []
    for char, style in chars:
        if segments and segments[-1][1] == style:
            segments[-1] = (segments[-1][0] + char, style)
        else:
            segments.append((char, style))
    return segments


def _ascent(font: str) -> float:
    """The font's ascent as a fraction of the size: glyph tops sit on the line's upper edge."""
    return getFont(font).face.ascent / 1000


class GridRealign(Flowable):
    """Empty space that brings the next line back onto the 22-line grid after a non-grid flowable."""

    def __init__(self, leading: float) -> None:
        super().__init__()
        self.leading = leading
        self._height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        remainder = availHeight % self.leading
        self._height = 0.0 if remainder < 0.01 or self.leading - remainder < 0.01 else remainder
        return availWidth, self._height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        return []

    def draw(self) -> None:
        """Nothing to draw: the flowable is only space."""
