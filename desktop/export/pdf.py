"""The draft agreement as PDF: GB/T 9704-2012 body typography with reportlab.

The Chinese body is set on the standard's grid — 22 lines of 28 characters filling the
156 × 225 mm type area — by :class:`GridText`, a flowable that places every character
itself (platypus paragraphs cannot squeeze 28 sixteen-point characters into 156 mm).
Everything else (title, tables, chart, signatures) is a platypus flowable followed by
:class:`GridRealign`, which puts the next line back on the grid. Page numbers, the
footer (fingerprint, version, data vintage), the draft notice and the watermark are
drawn once the page count is known. All user text is printed literally.

Fonts go by role (``fonts.SONG`` for the body and tables, ``fonts.HEI`` for the title and
headings; see resources/pdf_styles). Every character is drawn with its role's font, or with
the fallback font when the role font lacks it: ``GridText`` picks the font per character,
paragraphs get ``<font name=…>`` runs and the page decorations and chart draw one string per run.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass
from decimal import Decimal
from importlib.resources import files
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from chengyu_accord.cost_sharing.agreement.model import AgreementDoc, BarChart, Run, plain
from chengyu_accord.cost_sharing.agreement.model import Paragraph as RunParagraph
from chengyu_accord.cost_sharing.agreement.model import Table as DocTable

from .fonts import SONG, font_set, register_fonts

rl_config.invariant = 1  # same input, same bytes: no creation date or random document id

NO_LINE_START = frozenset("，。、；：？！）】〕」』”’》…—%,.;:?!)]}")
NO_LINE_END = frozenset("（【〔「『“‘《([{")
MAX_STRETCH = 0.25
"""Largest extra space between characters (in ems) that justification may add."""


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
    width = sum(stringWidth(piece, alias, size) for alias, piece in runs)
    x -= {"start": 0.0, "end": width, "middle": width / 2}[anchor]
    for alias, piece in runs:
        canvas.setFont(alias, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, alias, size)


def strings(x: float, y: float, text: str, role: str, size: float, anchor: str = "start") -> list[String]:
    """Chart strings for ``text``, one per font run, laid out as one string anchored at ``x``."""
    runs = font_set().runs(text, role)
    width = sum(stringWidth(piece, alias, size) for alias, piece in runs)
    x -= {"start": 0.0, "end": width, "middle": width / 2}[anchor]
    shapes = []
    for alias, piece in runs:
        shapes.append(String(x, y, piece, fontName=alias, fontSize=size))
        x += stringWidth(piece, alias, size)
    return shapes


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


# --- grid text ---------------------------------------------------------------------------------


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
    from reportlab.pdfbase.pdfmetrics import getFont

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


# --- the page decorations ----------------------------------------------------------------------


def _decorating_canvas(doc: AgreementDoc, style: dict[str, Any], geometry: Geometry) -> type[Canvas]:
    """A canvas that draws page numbers, footer, notice and watermark once the page count is known."""

    class DecoratingCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = role_font(SONG)  # else an unembedded Helvetica is referenced
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _decorate(self, doc, style, geometry, number)
                super().showPage()
            super().save()

    return DecoratingCanvas


def _decorate(canvas: Canvas, doc: AgreementDoc, style: dict[str, Any], geometry: Geometry, number: int) -> None:
    styles = style["styles"]
    canvas.saveState()
    page_width, _ = A4
    # page number "— N —", 7 mm below the type area; odd pages right, even pages left, one character in
    spec = styles["page_number"]
    size = spec["size"]
    text = f"— {number} —"
    baseline = geometry.bottom - geometry.number_gap - size * 0.8
    canvas.setFillColor(colors.black)
    if number % 2:
        draw_runs(canvas, geometry.left + geometry.width - size, baseline, text, spec["font"], size, "end")
    else:
        draw_runs(canvas, geometry.left + size, baseline, text, spec["font"], size)
    # footer: full fingerprint, version and data vintage, small and below the page number
    footer = styles["footer"]
    canvas.setFillColor(colors.Color(0.3, 0.3, 0.3))
    for line, y in zip(doc.footer_lines(), geometry.footer_baselines, strict=True):
        draw_runs(canvas, geometry.left, y, line, footer["font"], footer["size"])
    # draft notice above the type area
    header = styles["header"]
    top = A4[1] - geometry.header_baseline
    draw_runs(canvas, geometry.left + geometry.width, top, doc.notices[-1], header["font"], header["size"], "end")
    if doc.watermark:
        mark = styles["watermark"]
        canvas.setFillColor(colors.Color(mark["grey"], mark["grey"], mark["grey"]), alpha=mark["alpha"])
        canvas.translate(page_width / 2, A4[1] / 2)
        canvas.rotate(mark["angle"])
        draw_runs(canvas, 0, 0, doc.watermark, mark["font"], mark["size"], "middle")
    canvas.restoreState()


# --- building the story ------------------------------------------------------------------------


class _Story:
    """Turns the document model into flowables with the style's sizes."""

    def __init__(self, doc: AgreementDoc, style: dict[str, Any], geometry: Geometry) -> None:
        self.doc = doc
        self.styles = style["styles"]
        self.geometry = geometry
        self.zh = doc.lang == "zh"
        body = self.styles["body"]
        self.size = body["size"] if self.zh else self.styles["en_body"]["size"]
        self.leading = geometry.leading if self.zh else geometry.leading * self.styles["en_body"]["leading_lines"]
        self.marker = self.styles["marker_colour"]
        self.story: list[Flowable] = []

    # text helpers
    def text(self, runs: RunParagraph, *, indent: float = 2, heading: bool = False, align: str = "justify") -> None:
        """Body text (``song``) or a heading (``hei``): on the grid in Chinese, a paragraph in English."""
        role = self.styles["heading" if heading else "body" if self.zh else "en_body"]["font"]
        if self.zh:
            self.story.append(
                GridText(
                    runs,
                    size=self.size,
                    leading=self.leading,
                    chars=self.geometry.chars,
                    indent_chars=indent,
                    align=align,
                    role=role,
                    marker_colour=self.marker,
                )
            )
            return
        alignment = {"justify": TA_JUSTIFY, "center": TA_CENTER, "left": TA_LEFT}.get(align, TA_JUSTIFY)
        style = ParagraphStyle(
            "en",
            fontName=role_font(role),
            fontSize=self.size,
            leading=self.leading,
            alignment=alignment,
            firstLineIndent=indent * self.size,
        )
        text = "".join(
            f'<font color="{self.marker}">{markup(r.text, role)}</font>' if r.marker else markup(r.text, role)
            for r in runs
        )
        self.story.append(Paragraph(text, style))

    def blank(self, lines: int = 1) -> None:
        self.story.append(Spacer(1, lines * self.leading))

    def realign(self) -> None:
        self.story.append(GridRealign(self.leading))

    def paragraph_style(self, key: str, **overrides: Any) -> ParagraphStyle:
        spec = self.styles[key]
        values = {
            "fontName": role_font(spec["font"]),
            "fontSize": spec["size"],
            "leading": spec.get("leading", spec["size"] * 1.3),
            "wordWrap": "CJK" if self.zh else None,
        }
        values.update(overrides)
        return ParagraphStyle(key, **values)

    def para(self, text: str, key: str, **overrides: Any) -> Paragraph:
        """A platypus paragraph of plain ``text`` in the style ``key``, fallback runs included."""
        return Paragraph(markup(text, self.styles[key]["font"]), self.paragraph_style(key, **overrides))

    # the parts of the agreement
    def build(self) -> list[Flowable]:
        doc = self.doc
        title_key = "title" if self.zh else "en_title"
        self.story.append(self.para(doc.title, title_key, alignment=TA_CENTER))
        self.realign()
        self.text((Run(doc.draft_line),), indent=0, align="center")
        if not self.zh:
            self.text((Run(doc.notices[0]),), indent=0, align="center")
        self.blank()
        for entry in doc.parties:
            self.text((Run(entry.role_label), Run(entry.name)), indent=0)
        self.blank()
        for recital in doc.recitals:
            self.text(recital)
        for article in doc.articles:
            self.text((Run(article.title),), heading=True)
            for paragraph in article.paragraphs:
                self.text(paragraph)
            if article.table is not None:
                self.table(article.table)
        self.annex_list()
        self.text((Run(doc.closing_line),))
        self.blank()
        self.signatures()
        for appendix in doc.appendices:
            self.story.append(PageBreak())
            self.text((Run(appendix.label),), indent=0, heading=True)
            self.blank()
            self.story.append(self.para(appendix.title, title_key, alignment=TA_CENTER))
            self.realign()
            self.blank()
            for table in appendix.tables:
                self.table(table)
            for chart in appendix.charts:
                self.chart(chart)
            hang = 2 * self.styles["note"]["size"]  # a wrapped source line is indented under its parties
            for paragraph in appendix.paragraphs:  # sources and notes: small print under the figures
                note = self.para(plain(paragraph), "note", alignment=TA_JUSTIFY, leftIndent=hang, firstLineIndent=-hang)
                self.story.append(note)
            self.realign()
        self.qr_code()
        return self.story

    def annex_list(self) -> None:
        if not self.doc.appendices:
            return
        self.blank()
        if self.zh:
            titles = [f"{i}.{a.title}" for i, a in enumerate(self.doc.appendices, start=1)]
            self.text((Run("附件：" + titles[0]),))
            for title in titles[1:]:
                self.text((Run("　　　" + title),))
        else:
            names = "; ".join(f"{a.label} {a.title}" for a in self.doc.appendices)
            self.text((Run("Annexes: " + names),))
        self.blank()

    def table(self, table: DocTable) -> None:
        numeric = table.numeric or (False,) * len(table.header)
        self.story.append(self.para(table.unit_note, "table", alignment=2))
        rows = [[self.para(h, "table_header", alignment=TA_CENTER) for h in table.header]]
        body_rows = [*table.rows, *([table.total_row] if table.total_row else [])]
        for row in body_rows:
            rows.append([self.para(value, "table", alignment=2 if numeric[i] else 0) for i, value in enumerate(row)])
        spec = self.styles["table"]
        widths = _column_widths(table, self.geometry.width, spec["size"], spec["font"])
        grid = Table(rows, colWidths=widths, repeatRows=1, hAlign="CENTER")
        commands = [
            ("FONTNAME", (0, 0), (-1, -1), role_font(spec["font"])),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        grid.setStyle(TableStyle(commands))
        self.story.append(grid)
        self.realign()

    def chart(self, chart: BarChart) -> None:
        self.story.append(KeepTogether([bar_chart_drawing(chart, self.geometry.width, self.styles)]))
        self.realign()

    def signatures(self) -> None:
        """Two columns of blocks: party and seal, blank seal area, representative's signature, date."""
        blocks = self.doc.signatures
        width = self.geometry.width / 2
        chars = self.geometry.chars // 2

        role = self.styles["signature"]["font"]

        def line(text: str) -> Flowable:
            if not self.zh:
                return Paragraph(markup(text, role) or "&nbsp;", self.paragraph_style("en_body", leading=self.leading))
            return GridText(
                (Run(text),),
                size=self.size,
                leading=self.leading,
                chars=chars,
                indent_chars=0,
                role=role,
                align="left",
            )

        rows: list[list[list[Flowable]]] = []
        for start in range(0, len(blocks), 2):
            row = []
            for block in blocks[start : start + 2]:
                sep = "：" if self.zh else ": "
                row.append(
                    [
                        line(f"{block.role}{block.seal_label}{sep}"),
                        line(block.party_name),
                        Spacer(1, self.leading * 2),
                        line(block.representative_label),
                        line(block.representative),
                        line(block.date_label + block.date_text),
                        Spacer(1, self.leading),
                    ]
                )
            while len(row) < 2:
                row.append([Spacer(1, 1)])
            rows.append(row)
        grid = Table(rows, colWidths=[width, width], hAlign="LEFT")
        grid.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), role_font(role)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        self.story.append(grid)
        self.realign()
        if self.doc.signing_place:
            self.text((Run(self.doc.signing_place),), indent=0)

    def qr_code(self) -> None:
        """The full fingerprint as a QR code, with the digest in words, at the end of the last page."""
        size = 28 * mm
        widget = QrCodeWidget(self.doc.fingerprint, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(
            size,
            size,
            transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0],
            initialFontName=role_font(SONG),
        )
        drawing.add(widget)
        caption = (
            "本稿数字指纹（SHA-256，与 chengyu fingerprint 输出一致）：" if self.zh else "Fingerprint (SHA-256): "
        ) + self.doc.fingerprint
        paragraph = self.para(caption, "note", fontSize=9, leading=12)
        table = Table([[drawing, paragraph]], colWidths=[size + 4 * mm, None])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), role_font(SONG)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        self.blank()
        self.story.append(KeepTogether([table]))


def _column_widths(table: DocTable, total: float, size: float, role: str) -> list[float]:
    """Every column as wide as its widest cell (header wraps if need be); the party column takes the rest."""
    numeric = table.numeric or (False,) * len(table.header)
    rows = [*table.rows, *([table.total_row] if table.total_row else [])]
    padding = 12
    widths = [
        max([text_width(row[i], role, size) for row in rows] + [2 * size, min(len(h), 6) * size]) + padding
        for i, h in enumerate(table.header)
    ]
    stretch = [i for i, value in enumerate(numeric) if not value and max(len(row[i]) for row in rows) > 2]
    flexible = stretch[-1] if stretch else len(widths) - 1
    fixed = sum(w for i, w in enumerate(widths) if i != flexible)
    widths[flexible] = max(total - fixed, 4 * size)
    if sum(widths) > total:  # too wide: shrink every column alike and let cells wrap
        factor = total / sum(widths)
        widths = [w * factor for w in widths]
    return widths


def bar_chart_drawing(chart: BarChart, width: float, styles: dict[str, Any]) -> Drawing:
    """A horizontal bar chart of the amounts, drawn with reportlab graphics (vector, no Qt)."""
    role = styles["chart"]["font"]
    count = len(chart.labels)
    bar_pitch = 20
    plot_height = max(count * bar_pitch, 40)
    label_width = min(max(text_width(label, role, 10) for label in chart.labels) + 8, width * 0.35)
    height = plot_height + 46
    drawing = Drawing(width, height, initialFontName=role_font(role))
    for shape in strings(width / 2, height - 14, chart.title, role, 12, "middle"):
        drawing.add(shape)
    plot = HorizontalBarChart()
    plot.x = label_width
    plot.y = 22
    plot.width = width - label_width - 70
    plot.height = plot_height
    values = [float(v) for v in reversed(chart.values)]  # first party on top, as in the GUI
    plot.data = [values]
    plot.categoryAxis.categoryNames = [""] * count  # the party names are drawn below, run by run
    plot.categoryAxis.labels.fontName = role_font(role)
    plot.valueAxis.valueMin = 0
    top = max(values) if values and max(values) > 0 else 1.0
    plot.valueAxis.valueMax = _nice_ceiling(top)
    plot.valueAxis.valueStep = plot.valueAxis.valueMax / 4
    plot.valueAxis.labels.fontName = role_font(role)
    plot.valueAxis.labels.fontSize = 8
    plot.valueAxis.labelTextFormat = lambda v: f"{Decimal(str(v)).normalize():f}"
    plot.bars[0].fillColor = colors.HexColor(styles["chart_bar_colour"])
    plot.bars[0].strokeColor = None
    plot.barLabels.fontName = role_font(role)
    drawing.add(plot)
    names = list(reversed(chart.labels))
    for index, label in enumerate(reversed(chart.value_labels)):
        middle = plot.y + plot_height * (index + 0.5) / max(count, 1)
        for shape in strings(plot.x - 4, middle - 3.5, names[index], role, 10, "end"):
            drawing.add(shape)
        x = plot.x + plot.width * (values[index] / plot.valueAxis.valueMax) + 4
        for shape in strings(x, middle - 3.5, label, role, 9):
            drawing.add(shape)
    unit = f"单位：{chart.unit}" if _is_cjk(chart.title) else f"Unit: {chart.unit}"
    for shape in strings(width - 2, 4, unit, role, 9, "end"):
        drawing.add(shape)
    return drawing


def _is_cjk(text: str) -> bool:
    return any(ord(c) >= 0x2E80 for c in text)


def _nice_ceiling(value: float) -> float:
    """A round axis maximum above ``value``: 1, 2, 2.5 or 5 times a power of ten."""
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value:
            return candidate
    return 10 ** (exponent + 1)


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
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=doc.title,
        author="成渝协同 Accord",
        subject=doc.draft_label,
        creator=f"成渝协同 Accord {doc.version}",
        keywords=f"fingerprint {doc.fingerprint}",
        lang="zh-CN" if doc.lang == "zh" else "en",
    )
    template.addPageTemplates([PageTemplate(id="agreement", frames=[frame])])
    story = _Story(doc, style, geometry).build()
    template.build(story, canvasmaker=_decorating_canvas(doc, style, geometry))
    return buffer.getvalue()
