"""The story: the agreement's parts as flowables — title, parties, articles, tables, signatures, annexes, QR code.

Chinese body text goes on the grid (:class:`GridText`); English text, tables and the chart are
platypus flowables, each followed by a :class:`GridRealign`.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from chengyu_accord.cost_sharing.agreement.model import AgreementDoc, Run, plain
from chengyu_accord.cost_sharing.agreement.model import Paragraph as RunParagraph
from chengyu_accord.cost_sharing.agreement.model import Table as DocTable
from chengyu_accord.cost_sharing.charts import Chart

from ..fonts import SONG
from .chart import chart_drawing
from .grid import Geometry, GridRealign, GridText
from .lines import tokens
from .runs import role_font, text_width, wrapped_markup

CELL_PADDING = 6
SMALLEST_TABLE_SIZE = 7.5
"""六号: the smallest type a wide annex table steps down to before an amount would wrap."""
"""Left and right padding of a table cell, in points (reportlab's default, set explicitly for the line breaks)."""


class Story:
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
    def text(
        self, runs: RunParagraph, *, indent: float = 2, hang: float = 0, heading: bool = False, align: str = "justify"
    ) -> None:
        """Body text (``song``) or a heading (``hei``): on the grid in Chinese (continuation lines ``hang``
        cells in), a paragraph in English."""
        role = self.styles["heading" if heading else "body" if self.zh else "en_body"]["font"]
        if self.zh:
            self.story.append(
                GridText(
                    runs,
                    size=self.size,
                    leading=self.leading,
                    chars=self.geometry.chars,
                    indent_chars=indent,
                    hang_chars=hang,
                    align=align,
                    role=role,
                    marker_colour=self.marker,
                )
            )
            return
        # English is set ragged-right: justified lines of long words open rivers of space
        alignment = TA_CENTER if align == "center" else TA_LEFT
        self.story.append(
            self.para(
                runs,
                "en_body",
                self.geometry.width,
                role=role,
                leading=self.leading,
                alignment=alignment,
                firstLineIndent=indent * self.size,
            )
        )

    def blank(self, lines: int = 1) -> None:
        self.story.append(Spacer(1, lines * self.leading))

    def realign(self) -> None:
        self.story.append(GridRealign(self.leading))

    def role(self, key: str) -> str:
        """The font role of element ``key``: its own in Chinese; in English the reference translation's, since
        the Song fonts' fixed-width Latin letters read like a typewriter."""
        return self.styles[key]["font"] if self.zh else self.styles["en_body"]["font"]

    def paragraph_style(self, key: str, **overrides: Any) -> ParagraphStyle:
        spec = self.styles[key]
        values = {
            "fontName": role_font(self.role(key)),
            "fontSize": spec["size"],
            "leading": spec.get("leading", spec["size"] * 1.3),
            "wordWrap": "CJK" if self.zh else None,
        }
        values.update(overrides)
        return ParagraphStyle(key, **values)

    def para(
        self,
        text: str | RunParagraph,
        key: str,
        width: float,
        *,
        role: str | None = None,
        title: bool = False,
        **overrides: Any,
    ) -> Paragraph:
        """A platypus paragraph of ``text`` in the style ``key`` and ``width`` wide, its lines broken here (避头尾)."""
        role = role or self.role(key)
        style = self.paragraph_style(key, fontName=role_font(role), **overrides)
        rest = width - style.leftIndent - style.rightIndent
        first = rest - style.firstLineIndent
        pieces = (
            [(text, None)] if isinstance(text, str) else [(r.text, self.marker if r.marker else None) for r in text]
        )
        markup = wrapped_markup(
            pieces, role, style.fontSize, lambda number: first if number == 0 else rest, title=title
        )
        return Paragraph(markup, style)

    # the parts of the agreement
    def build(self) -> list[Flowable]:
        doc = self.doc
        title_key = "title" if self.zh else "en_title"
        self.story.append(self.para(doc.title, title_key, self.geometry.width, title=True, alignment=TA_CENTER))
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
            self.story.append(
                self.para(appendix.title, title_key, self.geometry.width, title=True, alignment=TA_CENTER)
            )
            self.realign()
            self.blank()
            for table in appendix.tables:
                self.table(table)
            hang = 2 * self.styles["note"]["size"]  # a wrapped source line is indented under its parties
            for paragraph in appendix.paragraphs:  # sources and notes: small print under the figures they explain
                lead_in = plain(paragraph).endswith(("：", ":"))  # 数据来源： stays with its first line
                note = self.para(
                    paragraph, "note", self.geometry.width, leftIndent=hang, firstLineIndent=-hang, keepWithNext=lead_in
                )
                self.story.append(note)
            self.realign()
            for chart in appendix.charts:
                self.chart(chart)
        self.qr_code()
        return self.story

    def annex_list(self) -> None:
        if not self.doc.appendices:
            return
        self.blank()
        caption = self.doc.captions["annex_list"]
        if self.zh:  # one annex a line, later ones aligned under the first with full-width spaces
            pitch = self.geometry.pitch
            body = role_font(self.styles["body"]["font"])
            for number, appendix in enumerate(self.doc.appendices, start=1):
                lead = (caption if number == 1 else "　" * len(caption)) + f"{number}."
                # a long name wraps under its own first character (GB/T 9704, 附件说明)
                numeral = sum(stringWidth(c, body, self.size) + pitch - self.size for c in f"{number}.")
                self.text((Run(lead + appendix.title),), hang=2 + len(caption) + numeral / pitch)
        else:
            names = "; ".join(f"{a.label} {a.title}" for a in self.doc.appendices)
            self.text((Run(caption + names),))
        self.blank()

    def table(self, table: DocTable) -> None:
        numeric = table.numeric or (False,) * len(table.header)
        # the unit stays with its table: never left alone at the foot of a page
        self.story.append(self.para(table.unit_note, "table", self.geometry.width, alignment=TA_RIGHT, keepWithNext=1))
        size, widths = self.table_size(table)
        scale = size / self.styles["table"]["size"]
        smaller = {} if scale == 1 else {"fontSize": size, "leading": self.paragraph_style("table").leading * scale}
        inner = [w - 2 * CELL_PADDING for w in widths]
        rows = [[self.header_cell(h, inner[i], scale) for i, h in enumerate(table.header)]]
        body_rows = [*table.rows, *([table.total_row] if table.total_row else [])]
        for row in body_rows:
            rows.append(
                [
                    self.para(value, "table", inner[i], alignment=TA_RIGHT if numeric[i] else TA_LEFT, **smaller)
                    for i, value in enumerate(row)
                ]
            )
        grid = Table(rows, colWidths=widths, repeatRows=1, hAlign="CENTER")
        commands = [
            ("FONTNAME", (0, 0), (-1, -1), role_font(self.role("table"))),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        grid.setStyle(TableStyle(commands))
        self.story.append(grid)
        self.realign()

    def table_size(self, table: DocTable) -> tuple[float, list[float]]:
        """The type size and column widths of a table: the style's size, or a step smaller (down to
        :data:`SMALLEST_TABLE_SIZE`) when a table of many columns would otherwise wrap an amount."""
        numeric = table.numeric or (False,) * len(table.header)
        rows = [*table.rows, *([table.total_row] if table.total_row else [])]
        role, header_role = self.role("table"), self.role("table_header")
        size = self.styles["table"]["size"]
        while True:
            widths = column_widths(table, self.geometry.width, size, role, header_role)
            whole = all(
                widths[i] + 0.01 >= max(text_width(row[i], role, size) for row in rows) + 2 * CELL_PADDING
                for i, number in enumerate(numeric)
                if number and rows
            )
            if whole or size <= SMALLEST_TABLE_SIZE:
                return size, widths
            size = max(size - 0.5, SMALLEST_TABLE_SIZE)

    def header_cell(self, text: str, width: float, scale: float = 1.0) -> Paragraph:
        """A column header; one too long for its line breaks before its unit in brackets, if the unit then
        fits a line of its own: 常住人口 / （万人，2020年）."""
        role, size = self.role("table_header"), self.styles["table_header"]["size"] * scale
        cut = text.find("（")
        parts = [text[:cut], text[cut:]] if cut > 0 else [text]
        if text_width(text, role, size) <= width or any(text_width(part, role, size) > width for part in parts):
            parts = [text]
        markup = "<br/>".join(wrapped_markup([(part, None)], role, size, lambda _: width) for part in parts)
        style = self.paragraph_style("table_header", fontName=role_font(role), alignment=TA_CENTER)
        if scale != 1:
            style.fontSize, style.leading = size, style.leading * scale
        return Paragraph(markup, style)

    def chart(self, chart: Chart) -> None:
        drawing = chart_drawing(
            chart, self.geometry.width, self.styles, self.doc.captions["unit"], self.geometry.height
        )
        self.story.append(KeepTogether([drawing]))
        self.realign()

    def signatures(self) -> None:
        """Two columns of blocks: party and seal, blank seal area, representative's signature, date."""
        blocks = self.doc.signatures
        width = self.geometry.width / 2
        chars = self.geometry.chars // 2

        role = self.role("signature")

        def line(text: str) -> Flowable:
            if not self.zh:
                return self.para(text or "\u00a0", "en_body", width, role=role, leading=self.leading)
            return GridText(
                (Run(text),),
                size=self.size,
                leading=self.leading,
                chars=chars,
                indent_chars=0,
                role=role,
                align="left",
            )

        style = TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), role_font(role)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        sep, space = ("：", "") if self.zh else (": ", " ")
        for start in range(0, len(blocks), 2):
            row: list[list[Flowable]] = [
                [
                    line(f"{block.role}{space}{block.seal_label}{sep}"),
                    line(block.party_name),
                    Spacer(1, self.leading * 2),
                    line(block.representative_label),
                    line(block.representative),
                    line(f"{block.date_label}{space}{block.date_text}"),
                ]
                for block in blocks[start : start + 2]
            ]
            while len(row) < 2:
                row.append([Spacer(1, 1)])
            # one table a row of two blocks, a blank line above it that the frame drops at the top of a page
            grid = Table([row], colWidths=[width, width], hAlign="LEFT", spaceBefore=self.leading if start else 0)
            grid.setStyle(style)
            self.story.append(grid)
        self.realign()
        if self.doc.signing_place:
            self.blank()
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
        caption = self.doc.captions["fingerprint"] + self.doc.fingerprint
        paragraph = self.para(
            caption, "note", self.geometry.width - size - 4 * mm - CELL_PADDING, fontSize=9, leading=12
        )
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


def column_widths(table: DocTable, total: float, size: float, role: str, header_role: str) -> list[float]:
    """Column widths in which amounts never wrap and no word is cut.

    Every column would like its widest cell and its header on one line. When the page is narrower, each
    column starts from what it cannot do without (an amount whole, the longest word of a name or of a
    header, six characters a line of a Chinese name or header); the room left makes whole the columns that need
    least, then shortens the longest header still wrapped, so that one long header wraps rather than every
    short cell; the party column takes what is left.
    """
    numeric = table.numeric or (False,) * len(table.header)
    rows = [*table.rows, *([table.total_row] if table.total_row else [])]
    padding = 2 * CELL_PADDING

    def longest_word(text: str, font_role: str) -> float:
        words = ("".join(c for c, _ in token) for token in tokens([(c, None) for c in text]))
        return max((text_width(word, font_role, size) for word in words), default=0.0)

    cells = [max([text_width(row[i], role, size) for row in rows] + [2 * size]) + padding for i in range(len(numeric))]
    headers = [text_width(h, header_role, size) + padding for h in table.header]
    wanted = [max(cell, header) for cell, header in zip(cells, headers, strict=True)]
    stretch = [i for i, value in enumerate(numeric) if not value and max(len(row[i]) for row in rows) > 2]
    flexible = stretch[-1] if stretch else len(cells) - 1
    if sum(wanted) <= total:
        widths = wanted
    else:
        widths = [
            max(
                cells[i]
                if numeric[i]
                else max(min(cells[i], 6 * size + padding), *(longest_word(row[i], role) + padding for row in rows)),
                # a header of words may wrap at its longest word, a Chinese one at six characters
                (longest_word(h, header_role) if " " in h else min(text_width(h, header_role, size), 6 * size))
                + padding,
            )
            for i, h in enumerate(table.header)
        ]
        room = total - sum(widths)
        for i in sorted(range(len(widths)), key=lambda i: wanted[i] - widths[i]):
            if wanted[i] - widths[i] <= room:  # a part of what a cell needs would not spare it a line
                room -= wanted[i] - widths[i]
                widths[i] = wanted[i]
        if room > 0:  # the rest saves lines of the longest header still wrapped
            longest = max(range(len(widths)), key=lambda i: headers[i] - widths[i])
            widths[longest] += min(room, max(headers[longest] - widths[longest], 0.0))
    widths[flexible] += max(total - sum(widths), 0.0)  # the party column takes the rest
    if sum(widths) > total + 0.01:  # amounts too long for the page wrap (a last resort), names keep their floor
        figures = sum(w for w, number in zip(widths, numeric, strict=True) if number)
        factor = max(figures - (sum(widths) - total), 0.0) / figures if figures else 0.0
        widths = [w * factor if number else w for w, number in zip(widths, numeric, strict=True)]
        if min(widths) < 2 * size + padding:  # not even that: every column alike
            widths = [w * total / sum(widths) if w else total / len(widths) for w in widths]
    return widths
