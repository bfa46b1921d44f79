"""Page decorations, drawn once the page count is known: page number, fingerprint footer, draft notice, watermark.

The footer carries the full SHA-256 fingerprint on every page, so two printouts can be compared page by page.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from chengyu_accord.cost_sharing.agreement.model import AgreementDoc

from ..fonts import SONG
from .grid import Geometry
from .runs import draw_runs, role_font


def decorating_canvas(doc: AgreementDoc, style: dict[str, Any], geometry: Geometry) -> type[Canvas]:
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
