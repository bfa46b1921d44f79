"""The GB/T 9704 grid: 37 mm top, 28 mm left, 156 × 225 mm type area, 22 lines of 28 characters (± 1 mm)."""

from __future__ import annotations

import itertools
import subprocess
from pathlib import Path

import pymupdf
import pytest
from agreement_helpers import needs

MM = 72 / 25.4
TOLERANCE = 1.0  # mm


def _body_lines(page: pymupdf.Page) -> list[list[dict]]:
    """Lines of 16 pt characters inside the type area, top to bottom, each as its characters left to right."""
    rows: dict[float, list[dict]] = {}
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                if abs(span["size"] - 16) > 0.1:
                    continue
                for char in span["chars"]:
                    baseline = round(char["origin"][1], 1)
                    rows.setdefault(baseline, []).append(char)
    return [sorted(rows[b], key=lambda c: c["origin"][0]) for b in sorted(rows)]


def _full_body_page(pdf: Path) -> tuple[pymupdf.Document, pymupdf.Page]:
    document = pymupdf.open(pdf)
    for page in document:
        if len(_body_lines(page)) == 22:
            return document, page
    pytest.fail("no page holds 22 lines of body text")


def test_text_sits_on_the_22_by_28_grid(grid_pdf: Path) -> None:
    document, page = _full_body_page(grid_pdf)
    with document:
        lines = _body_lines(page)
        tops = [min(c["bbox"][1] for c in line) / MM for line in lines]
        baselines = [line[0]["origin"][1] for line in lines]
        assert tops[0] == pytest.approx(37, abs=TOLERANCE)
        pitch = (baselines[-1] - baselines[0]) / 21
        assert pitch * 22 / MM == pytest.approx(225, abs=TOLERANCE)
        assert all(b - a == pytest.approx(pitch, abs=0.05) for a, b in itertools.pairwise(baselines))
        full = [line for line in lines if len(line) == 28]
        assert len(full) >= 15, "most lines of running text should hold exactly 28 characters"
        for line in full:
            left, right = line[0]["bbox"][0] / MM, line[-1]["bbox"][2] / MM
            assert left == pytest.approx(28, abs=TOLERANCE)
            assert right - left == pytest.approx(156, abs=TOLERANCE)
        lefts = [line[0]["bbox"][0] / MM for line in lines]
        assert min(lefts) == pytest.approx(28, abs=TOLERANCE)


def test_rendered_page_shows_the_margins(grid_pdf: Path, tmp_path: Path) -> None:
    """Ink of the body (between the header and the page number) starts at 28 mm and 37 mm and ends at 184 mm."""
    needs("pdftoppm")
    from PIL import Image

    document, page = _full_body_page(grid_pdf)
    with document:
        number = page.number + 1
    dpi = 150
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-png",
            "-f",
            str(number),
            "-l",
            str(number),
            str(grid_pdf),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    px_per_mm = dpi / 25.4
    top_band, bottom_band = int(32 * px_per_mm), int(262 * px_per_mm)  # between the header and the page number
    body = image.crop((0, top_band, image.width, bottom_band)).point(lambda v: 255 if v < 128 else 0)
    left, top, right, _ = body.getbbox()
    assert left / px_per_mm == pytest.approx(28, abs=TOLERANCE)
    assert (top + top_band) / px_per_mm == pytest.approx(37, abs=TOLERANCE)
    assert right / px_per_mm == pytest.approx(28 + 156, abs=TOLERANCE)
