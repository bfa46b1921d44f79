"""The draft agreement as DOCX for comment rounds in Word or WPS: same articles, same tables.

The page is set up like the PDF (A4, 37/28 mm margins, 16 pt body at a fixed 29 pt
line pitch, 22 pt title). Fonts go by role as in the PDF, but only by name: Word or WPS
substitutes on the reader's machine — East Asian text in 仿宋 (FangSong) for the body and
tables, 黑体 (SimHei) for headings and table headers, 方正小标宋简体 for the title; Latin
text in Times New Roman. The font table gives each Chinese name its English alternative
name, so an English-language Windows finds the same fonts. Markers for edited articles are red.
A chart is the PDF's own drawing as a picture (rasterised by PDFium), followed by its numbers as a table.
"""

from __future__ import annotations

import io

import pypdfium2
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree
from reportlab.graphics import renderPDF

from chengyu_accord.cost_sharing.agreement.model import AgreementDoc, Run
from chengyu_accord.cost_sharing.agreement.model import Paragraph as RunParagraph
from chengyu_accord.cost_sharing.agreement.model import Table as DocTable
from chengyu_accord.cost_sharing.charts import Chart

from .fonts import register_fonts
from .pdf.chart import chart_drawing
from .pdf.grid import Geometry, load_style

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"
LATIN_FONT = "Times New Roman"
ALT_NAMES = {BODY_FONT: "FangSong", HEADING_FONT: "SimHei", TITLE_FONT: "FZXiaoBiaoSong-B05S"}
"""The English names Word also matches (fontTable ``w:altName``)."""
LINE_PITCH = Pt(28.95)
MARKER = RGBColor(0xB0, 0x00, 0x00)
CHART_DPI = 200


def _east_asian(properties, name: str) -> None:
    """Set the East Asian font of a run's or style's properties (``w:rFonts/@w:eastAsia``)."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:hint"), "eastAsia")


def _font(run, name: str, size: float, *, bold: bool = False) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = LATIN_FONT
    _east_asian(run._element.get_or_add_rPr(), name)


def _declare_fonts(word: Document) -> None:
    """List the Chinese fonts in the font table with their English names, as Chinese Word does."""
    part = next(r.target_part for r in word.part.rels.values() if r.reltype.endswith("/fontTable"))
    table = parse_xml(part.blob)
    known = {font.get(qn("w:name")) for font in table.findall(qn("w:font"))}
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for name, alt in ALT_NAMES.items():
        if name in known:
            continue
        family = "modern" if name == BODY_FONT else "roman" if name == TITLE_FONT else "auto"
        table.append(
            parse_xml(
                f'<w:font xmlns:w="{w}" w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
                f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
            )
        )
    # a plain part: python-docx keeps the font table as bytes
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def chart_png(chart: Chart, unit_caption: str) -> tuple[bytes, float]:
    """The PDF's drawing of ``chart`` as PNG bytes, and its width in points (the type area's).

    reportlab's own bitmap renderer needs pycairo, which has no Linux wheels; PDFium draws the
    drawing's one-page PDF instead, with the same embedded fonts as the agreement.
    """
    register_fonts()
    style = load_style()
    width = Geometry.from_style(style).width
    drawing = chart_drawing(chart, width, style["styles"], unit_caption)
    document = pypdfium2.PdfDocument(renderPDF.drawToString(drawing))
    try:
        image = document[0].render(scale=CHART_DPI / 72).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(CHART_DPI, CHART_DPI))
    return buffer.getvalue(), width


class _Writer:
    def __init__(self, doc: AgreementDoc) -> None:
        self.doc = doc
        self.zh = doc.lang == "zh"
        self.word = Document()
        _declare_fonts(self.word)
        properties = self.word.core_properties
        properties.title = doc.title
        properties.author = properties.last_modified_by = doc.captions["author"]
        normal = self.word.styles["Normal"]  # anything not set by role: body font
        normal.font.name = LATIN_FONT
        _east_asian(normal.element.get_or_add_rPr(), BODY_FONT)
        section = self.word.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.left_margin = Mm(37), Mm(28)
        section.bottom_margin, section.right_margin = Mm(35), Mm(26)
        section.footer_distance = Mm(7)
        self._footer(section)

    def _footer(self, section) -> None:
        for index, line in enumerate(self.doc.footer_lines()):
            paragraph = section.footer.paragraphs[0] if index == 0 else section.footer.add_paragraph()
            _font(paragraph.add_run(line), BODY_FONT, 6.5)
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _font(header.add_run(self.doc.notices[-1]), BODY_FONT, 9)

    def paragraph(
        self,
        runs: RunParagraph,
        *,
        indent: bool = True,
        bold: bool = False,
        align: WD_ALIGN_PARAGRAPH | None = None,
        size: float = 16,
        font: str = BODY_FONT,
    ):
        paragraph = self.word.add_paragraph()
        # Chinese justified; English ragged-right, as in the PDF (justified English opens rivers of space)
        paragraph.alignment = align or (WD_ALIGN_PARAGRAPH.JUSTIFY if self.zh else WD_ALIGN_PARAGRAPH.LEFT)
        layout = paragraph.paragraph_format
        layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        layout.line_spacing = LINE_PITCH if size <= 16 else Pt(size * 1.5)
        layout.space_before = layout.space_after = Pt(0)
        if indent:
            layout.first_line_indent = Pt(2 * size)
        for piece in runs:
            run = paragraph.add_run(piece.text)
            _font(run, font, size, bold=bold)
            if piece.marker:
                run.font.color.rgb = MARKER
        return paragraph

    def table(self, table: DocTable) -> None:
        self.paragraph((Run(table.unit_note),), indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT, size=12)
        rows = [table.header, *table.rows, *([table.total_row] if table.total_row else [])]
        grid = self.word.add_table(rows=len(rows), cols=len(table.header))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        numeric = table.numeric or (False,) * len(table.header)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = grid.cell(r, c)
                cell.text = ""
                paragraph = cell.paragraphs[0]
                paragraph.alignment = (
                    WD_ALIGN_PARAGRAPH.CENTER if r == 0 else WD_ALIGN_PARAGRAPH.RIGHT if numeric[c] else None
                )
                _font(paragraph.add_run(value), HEADING_FONT if r == 0 else BODY_FONT, 12, bold=r == 0)

    def chart(self, chart: Chart) -> None:
        """The chart as a picture across the type area, then its numbers: a row per category, a column per series."""
        png, width = chart_png(chart, self.doc.captions["unit"])
        picture = self.word.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.add_run().add_picture(io.BytesIO(png), width=Pt(width))
        header = ("", *(series.name for series in chart.series))
        rows = tuple(
            (category, *(series.value_labels[index] for series in chart.series))
            for index, category in enumerate(chart.categories)
        )
        unit_note = self.doc.captions["unit"] + chart.unit
        numeric = (False, *(True for _ in chart.series))
        self.table(DocTable(chart.key, chart.title, unit_note, header, rows, None, numeric))

    def build(self) -> Document:
        doc = self.doc
        center = WD_ALIGN_PARAGRAPH.CENTER
        self.paragraph((Run(doc.title),), indent=False, align=center, size=22, font=TITLE_FONT)
        self.paragraph((Run(doc.draft_line),), indent=False, align=center)
        if not self.zh:
            self.paragraph((Run(doc.notices[0]),), indent=False, align=center)
        self.paragraph((), indent=False)
        for entry in doc.parties:
            self.paragraph((Run(entry.role_label), Run(entry.name)), indent=False)
        self.paragraph((), indent=False)
        for recital in doc.recitals:
            self.paragraph(recital)
        for article in doc.articles:
            self.paragraph((Run(article.title),), font=HEADING_FONT)
            for paragraph in article.paragraphs:
                self.paragraph(paragraph)
            if article.table is not None:
                self.table(article.table)
        if doc.appendices:
            titles = [f"{i}.{a.title}" for i, a in enumerate(doc.appendices, start=1)]
            self.paragraph((Run(doc.captions["annex_list"] + ("；" if self.zh else "; ").join(titles)),))
        self.paragraph((Run(doc.closing_line),))
        self.paragraph((), indent=False)
        for block in doc.signatures:
            name = f"{block.role}：{block.party_name}" if self.zh else f"{block.role}: {block.party_name}"
            self.paragraph((Run(name + block.seal_label),), indent=False)
            self.paragraph((Run(block.representative_label + block.representative),), indent=False)
            self.paragraph((Run(block.date_label + block.date_text),), indent=False)
            self.paragraph((), indent=False)
        if doc.signing_place:
            self.paragraph((Run(doc.signing_place),), indent=False)
        for appendix in doc.appendices:
            self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            self.paragraph((Run(appendix.label),), indent=False, font=HEADING_FONT)  # 附件1 in 黑体
            self.paragraph((Run(appendix.title),), indent=False, align=center, size=22, font=TITLE_FONT)
            for paragraph in appendix.paragraphs:
                self.paragraph(paragraph)
            for table in appendix.tables:
                self.table(table)
            for chart in appendix.charts:
                self.chart(chart)
        self.paragraph((Run(doc.captions["fingerprint"] + doc.fingerprint),), indent=False, size=9)
        return self.word


def render_docx(doc: AgreementDoc) -> bytes:
    """``doc`` as the bytes of a Word document."""
    buffer = io.BytesIO()
    _Writer(doc).build().save(buffer)
    return buffer.getvalue()
