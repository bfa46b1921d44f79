"""Helpers shared by the agreement tests (a plain module: `conftest` is a name other test folders use too)."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from chengyu_accord.cost_sharing.agreement.model import AgreementDoc
from chengyu_accord.cost_sharing.charts import Chart, Series
from chengyu_accord.cost_sharing.instruments.proportional.model import ProportionalSplit
from chengyu_accord.cost_sharing.scenario import Figure, Party, Scenario
from chengyu_accord.cost_sharing.storage import read_scenario, save_scenario

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
HOSTILE_NAME = "<b>&\"'"
LONG_NOTE = ("长注释<i>&amp;" * 63)[:500]


def built_scenario() -> Scenario:
    """Three parties with population figures, as the lead's examples have them."""
    parties = (
        Party(
            id="510100", name_zh="成都市", name_en="Chengdu", figures={"population": Figure(value="2093.78", year=2020)}
        ),
        Party(
            id="500112", name_zh="渝北区", name_en="Yubei", figures={"population": Figure(value="219.15", year=2020)}
        ),
        Party(
            id="512000", name_zh="资阳市", name_en="Ziyang", figures={"population": Figure(value="230.86", year=2020)}
        ),
    )
    item = ProportionalSplit(id="rail", title="成渝中线高铁资本金", amount_fen=69_273_000_000_00, basis="population")
    return Scenario(title="成渝中线高铁资本金分担", parties=parties, items=(item,))


def hostile_scenario() -> Scenario:
    base = built_scenario()
    parties = (base.parties[0].model_copy(update={"name_zh": HOSTILE_NAME, "name_en": HOSTILE_NAME}), *base.parties[1:])
    item = base.items[0].model_copy(update={"notes": LONG_NOTE})
    return base.model_copy(update={"parties": parties, "items": (item,)})


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``chengyu`` as a user would, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "chengyu_accord.desktop.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


def scenario_files(tmp: Path) -> list[Path]:
    """The lead's examples, or a scenario built from the models while there are none."""
    if EXAMPLES:
        return EXAMPLES
    path = tmp / "built.json"
    save_scenario(built_scenario(), path)
    return [path]


def needs(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (Debian package poppler-utils; `bash accord test` installs it)")


def example_scenario(path: Path) -> Scenario:
    return read_scenario(path)


def body_text(pdf: Path) -> str:
    """The text inside the type area of every page (no header, footer or page number), lines joined."""
    import pymupdf

    millimetre = 72 / 25.4
    parts = []
    with pymupdf.open(pdf) as document:
        for page in document:
            area = pymupdf.Rect(0, 36 * millimetre, page.rect.width, 263 * millimetre)
            parts.append(page.get_text("text", clip=area).replace("\n", ""))
    return "".join(parts)


@dataclass
class EmbeddedFonts:
    """The fonts Accord embeds: the PDF base name of each (reportlab's face name) and its fontTools cmap."""

    face_names: dict  # FontChoice -> base name in the PDF, without the subset prefix
    cmaps: dict  # FontChoice -> set of code points

    def choice(self, pdf_font: str):
        """The font behind a PDF font name such as ``AAAAAB+BousungEG-Light-GB`` or ``WenQuanYiZenHei-0``."""
        name = pdf_font.split("+", 1)[-1]
        for choice, face in self.face_names.items():
            if name == face or (name.startswith(f"{face}-") and name[len(face) + 1 :].isdigit()):
                return choice
        return None


def embedded_fonts() -> EmbeddedFonts:
    from fontTools.ttLib import TTFont
    from reportlab.pdfbase.pdfmetrics import getFont

    from chengyu_accord.desktop.export.fonts import register_fonts

    fonts = register_fonts()
    faces, cmaps = {}, {}
    for choice in fonts.used:
        face = getFont(choice.alias).face.name
        faces[choice] = face.decode() if isinstance(face, bytes) else face
        cmaps[choice] = set(TTFont(choice.path, fontNumber=choice.subfont_index, lazy=True).getBestCmap())
    return EmbeddedFonts(faces, cmaps)


def drawn_chars(pdf: Path) -> Iterator[tuple[str, str, float]]:
    """Every non-space character drawn in the PDF with the name of its font and its size (PyMuPDF)."""
    import pymupdf

    with pymupdf.open(pdf) as document:
        for page in document:
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        for char in span["chars"]:
                            if not char["c"].isspace():
                                yield char["c"], span["font"], span["size"]


def _series(name: str, values: list[str]) -> Series:
    numbers = tuple(Decimal(v) for v in values)
    return Series(name, numbers, tuple(f"{v:,}" for v in numbers))


def sample_charts() -> tuple[Chart, ...]:
    """One chart of each kind, with names and values the engine does not print anywhere else."""
    areas = ("东部片区", "西部片区", "南部片区")
    return (
        Chart("t.bars", "bars", "单系列图", "万元", areas, (_series("金额", ["502.25", "120.5", "33.75"]),)),
        Chart(
            "t.grouped",
            "grouped_bars",
            "分组柱状图",
            "万元",
            areas,
            (_series("方法甲", ["411.5", "207.25", "45.5"]), _series("方法乙", ["398.5", "12345.67", "77.25"])),
        ),
        Chart(
            "t.stacked",
            "stacked_bars",
            "堆叠柱状图",
            "万元",
            areas,
            (_series("资本金", ["301.5", "121.5", "81.5"]), _series("贷款", ["203.25", "83.25", "23.25"])),
        ),
        Chart(
            "t.lines",
            "lines",
            "逐年拨付",
            "亿元",
            tuple(f"{year}年度第一季度" for year in range(2026, 2036)),
            (
                _series("东部片区", [f"{11 + 3 * i}.5" for i in range(10)]),
                _series("西部片区", [f"{59 - 2 * i}.25" for i in range(10)]),
            ),
        ),
    )


def with_charts(doc: AgreementDoc, charts: tuple[Chart, ...]) -> AgreementDoc:
    """``doc`` with ``charts`` in place of the first annex's charts."""
    annex = dataclasses.replace(doc.appendices[0], charts=charts)
    return dataclasses.replace(doc, appendices=(annex, *doc.appendices[1:]))
