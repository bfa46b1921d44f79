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
from .runs import role_font

NO_LINE_START = frozenset("，。、；：？！）】〕」』”’》…—%,.;:?!)]}")
NO_LINE_END = frozenset("（【〔「『“‘《([{")
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


@dataclass(frozen=True)
class CharStyle:
    """How a character is drawn: the font (role font or fallback) and a colour for review markers."""

    font: str
    colour: str | None = None


def _tokens(chars: list[tuple[str, CharStyle]]) -> list[list[tuple[str, CharStyle]]]:
    """Break units: each CJK character alone; Latin words and numbers kept whole; spaces alone."""
    tokens: list[list[tuple[str, CharStyle]]] = []
    for char, style in chars:
        western = ord(char) < 0x2E80 and not char.isspace() and char not in "—…“”‘’"
        if western and tokens and tokens[-1] and _is_western(tokens[-1][-1][0]):
            tokens[-1].append((char, style))
        else:
            tokens.append([(char, style)])
    return tokens


def _is_western(char: str) -> bool:
    return ord(char) < 0x2E80 and not char.isspace() and char not in "—…“”‘’"


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
        pitch = width / self.chars_per_line
        scale = pitch / self.size  # the grid squeezes natural widths by this factor
        lines: list[_Line] = []
        current: list[tuple[str, CharStyle]] = []
        used = 0.0
        indent = self.indent_chars * pitch
        capacity = (width - indent) / scale

        def natural(token: list[tuple[str, CharStyle]]) -> float:
            return sum(stringWidth(c, style.font, self.size) for c, style in token)

        for token in _tokens(self._styled_chars()):
            token_width = natural(token)
            if current and used + token_width > capacity + 0.01:
                if token[0][0] in NO_LINE_START:  # hang it at the end of this line
                    current.extend(token)
                    used += token_width
                    continue
                carried: list[tuple[str, CharStyle]] = []
                while current and current[-1][0] in NO_LINE_END:
                    carried.insert(0, current.pop())
                if current:
                    lines.append(_Line(current, indent, True))
                    current, used = carried, natural(carried)
                    indent = 0.0
                    capacity = width / scale
                else:
                    current = carried
            if token_width > capacity and not current:  # a word longer than a line: cut it
                for char in token:
                    w = natural([char])
                    if current and used + w > capacity + 0.01:
                        lines.append(_Line(current, indent, True))
                        current, used, indent, capacity = [], 0.0, 0.0, width / scale
                    current.append(char)
                    used += w
                continue
            if not current and token[0][0] == " ":
                continue  # no space at the start of a line
            current.extend(token)
            used += token_width
        if current or not lines:
            lines.append(_Line(current, indent, False))
        return lines

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
