"""Charts in the agreement: every kind drawn in the PDF and pictured in the DOCX, labels whole, axes on nice ticks."""

from __future__ import annotations

import dataclasses
import io
import itertools
from decimal import Decimal
from pathlib import Path

import docx
import pymupdf
import pytest
from agreement_helpers import built_scenario, sample_charts, with_charts
from PIL import Image
from pypdf import PdfReader

from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.cost_sharing.agreement.model import AgreementDoc
from chengyu_accord.cost_sharing.charts import Chart, Series, nice_ticks
from chengyu_accord.desktop.export import check_glyphs
from chengyu_accord.desktop.export.docx import render_docx
from chengyu_accord.desktop.export.pdf import render_pdf
from chengyu_accord.desktop.export.pdf.chart import series_colours, tick_labels

MM = 72 / 25.4
TYPE_AREA = (28 * MM, 184 * MM)  # left edge and right edge of the 156 mm type area
TYPE_TOP, TYPE_BOTTOM = 37 * MM, 262 * MM


def _charted(lang: str = "zh", charts: tuple[Chart, ...] | None = None) -> AgreementDoc:
    doc = with_charts(build_agreement(built_scenario(), lang=lang), sample_charts() if charts is None else charts)
    check_glyphs(doc)
    return doc


def _write_pdf(doc: AgreementDoc, path: Path) -> Path:
    path.write_bytes(render_pdf(doc))
    return path


@pytest.fixture(scope="module")
def chart_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_pdf(_charted(), tmp_path_factory.mktemp("charts") / "charts.pdf")


def _text(pdf: Path) -> str:
    with pymupdf.open(pdf) as document:
        return "".join(page.get_text("text").replace("\n", "") for page in document)


def _spans(pdf: Path) -> list[dict]:
    with pymupdf.open(pdf) as document:
        return [
            span
            for page in document
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", [])
            for span in line["spans"]
        ]


def test_every_chart_kind_prints_its_names_and_value_labels(chart_pdf: Path) -> None:
    text = _text(chart_pdf)
    for chart in sample_charts():
        assert chart.title in text, chart.form
        assert f"单位：{chart.unit}" in text, chart.form
        for category in chart.categories:
            assert category in text, f"{chart.form}: {category}"
        for series in chart.series:
            if len(chart.series) > 1:  # a legend
                assert series.name in text, f"{chart.form}: legend {series.name}"
            for label in series.value_labels:
                assert label in text, f"{chart.form}: {label}"
    stacked = next(c for c in sample_charts() if c.form == "stacked_bars")
    assert " + ".join(s.value_labels[0] for s in stacked.series) in text  # segments in legend order


def test_long_period_names_are_slanted_and_still_whole(chart_pdf: Path) -> None:
    lines = next(c for c in sample_charts() if c.form == "lines")
    with pymupdf.open(chart_pdf) as document:
        slanted = [
            span["text"]
            for page in document
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", [])
            if abs(line["dir"][1]) > 0.5  # 45°
            for span in line["spans"]
        ]
    assert sorted(slanted) == sorted(lines.categories)


def test_no_chart_text_leaves_the_type_area(chart_pdf: Path) -> None:
    """Every character inside the type area's height lies within its 156 mm width: no label is cut off."""
    with pymupdf.open(chart_pdf) as document:
        for page in document:
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        for char in span["chars"]:
                            x0, y0, x1, y1 = char["bbox"]
                            if y1 < TYPE_TOP or y0 > TYPE_BOTTOM or char["c"].isspace():
                                continue
                            assert x0 >= TYPE_AREA[0] - 0.5, (char["c"], x0)
                            assert x1 <= TYPE_AREA[1] + 0.5, (char["c"], x1)


def test_the_value_axis_ends_at_the_next_nice_tick_and_groups_digits(tmp_path: Path) -> None:
    small = Chart("a", "bars", "小额图", "万元", ("东部片区",), (Series("金额", (Decimal("502"),), ("502",)),))
    big = Chart(
        "b",
        "lines",
        "大额图",
        "元",
        ("一期", "二期"),
        (Series("金额", (Decimal(0), Decimal(20_000_000)), ("零", "两千万")),),
    )
    pdf = _write_pdf(_charted(charts=(small, big)), tmp_path / "ticks.pdf")
    ticks = {s["text"] for s in _spans(pdf) if abs(s["size"] - 8) < 0.01}  # the tick labels' size
    assert {"0", "200", "400", "600"} <= ticks
    assert not {"800", "1,000", "1000"} & ticks
    assert {"5,000,000", "10,000,000", "20,000,000"} <= ticks
    assert "e+" not in _text(pdf)


def test_tick_labels_group_digits_with_the_decimals_of_the_step() -> None:
    assert tick_labels(nice_ticks(0, Decimal("502"))) == ["0", "200", "400", "600"]
    assert tick_labels(nice_ticks(0, Decimal("1.3"))) == ["0.0", "0.5", "1.0", "1.5"]
    assert tick_labels(nice_ticks(0, 12_345_678)) == ["0", "5,000,000", "10,000,000", "15,000,000"]
    assert tick_labels(nice_ticks(-120, 80)) == ["-150", "-100", "-50", "0", "50", "100"]


@pytest.mark.parametrize("count", [2, 3, 4, 6])
def test_series_colours_stay_apart_in_greyscale(count: int) -> None:
    greys = [0.299 * c.red + 0.587 * c.green + 0.114 * c.blue for c in series_colours(count, "#2f6db5")]
    assert greys == sorted(greys)
    assert min(b - a for a, b in itertools.pairwise(greys)) > 0.08


def test_english_charts_take_the_english_unit_caption(tmp_path: Path) -> None:
    pdf = _write_pdf(_charted("en"), tmp_path / "en.pdf")
    assert "Unit: 亿元" in _text(pdf)


def test_fixed_words_come_from_the_document(tmp_path: Path) -> None:
    """Annex list, fingerprint caption, unit caption and author are the document's, in the PDF and the DOCX."""
    doc = _charted()
    captions = {"annex_list": "附录清单：", "fingerprint": "校验码：", "unit": "计量：", "author": "测试作者"}
    doc = dataclasses.replace(doc, captions=captions)
    pdf = _write_pdf(doc, tmp_path / "captions.pdf")
    text = _text(pdf)
    assert "附录清单：" in text
    assert "附件：" not in text
    assert "校验码：" + doc.fingerprint in text
    assert "计量：万元" in text
    assert "单位：亿元" not in text  # the unit of the line chart alone
    assert PdfReader(pdf).metadata.author == "测试作者"
    word = docx.Document(io.BytesIO(render_docx(doc)))
    paragraphs = [p.text for p in word.paragraphs]
    assert any(p.startswith("附录清单：") for p in paragraphs)
    assert "校验码：" + doc.fingerprint in paragraphs
    assert "计量：万元" in paragraphs  # the unit note over a chart's numbers
    assert word.core_properties.author == "测试作者"


def test_docx_carries_each_chart_as_a_picture_then_its_numbers() -> None:
    charts = sample_charts()
    word = docx.Document(io.BytesIO(render_docx(_charted())))
    assert len(word.inline_shapes) == len(charts)
    for shape in word.inline_shapes:
        assert abs(shape.width.mm - 156) < 0.5  # across the type area
    images = [part.blob for part in word.part.package.iter_parts() if part.partname.startswith("/word/media/")]
    assert len(images) == len(charts)
    for blob in images:
        image = Image.open(io.BytesIO(blob))
        assert image.format == "PNG"
        assert image.width > 1000  # 156 mm at 200 dpi
        dark = sum(image.convert("L").histogram()[:128])
        assert dark > 500, "the picture is blank"
    cells = [[cell.text for cell in row.cells] for table in word.tables for row in table.rows]
    for chart in charts:
        assert ["", *(s.name for s in chart.series)] in cells
        for index, category in enumerate(chart.categories):
            assert [category, *(s.value_labels[index] for s in chart.series)] in cells


def test_a_bar_chart_of_the_whole_cluster_fits_a_page() -> None:
    """44 bars are drawn closer, with smaller names, rather than outgrowing the type area (225 mm)."""
    from chengyu_accord.desktop.export.fonts import register_fonts
    from chengyu_accord.desktop.export.pdf.chart import chart_drawing
    from chengyu_accord.desktop.export.pdf.grid import Geometry, load_style

    register_fonts()
    style = load_style()
    geometry = Geometry.from_style(style)
    values = [f"{100 + 7 * i}.25" for i in range(44)]
    chart = Chart(
        "t.cluster",
        "bars",
        "各方分担金额",
        "万元",
        tuple(f"第{i}单位" for i in range(44)),
        (Series("金额", tuple(Decimal(v) for v in values), tuple(values)),),
    )
    drawing = chart_drawing(chart, geometry.width, style["styles"], "单位：", geometry.height)
    assert drawing.height <= geometry.height
    ones = Series("金额", (Decimal(1),) * 3, ("1",) * 3)
    few = dataclasses.replace(chart, categories=chart.categories[:3], series=(ones,))
    assert chart_drawing(few, geometry.width, style["styles"], "单位：", geometry.height).height < geometry.height / 2
