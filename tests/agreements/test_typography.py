"""Typography of every exported example, read back line by line: 避头尾, grouped amounts, sources as citations."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pymupdf
import pytest
from agreement_helpers import body_text, built_scenario, example_scenario, run_cli, scenario_files

from chengyu_accord import data
from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.cost_sharing.agreement.model import plain

CLOSING = set("）)】]」』”’》〉〕、。，,；;：:！!？?…")
OPENING = set("（(【[「『“‘《〈〔")
NUMBER = re.compile(r"(?<![\w.,\-])\d+(?:,\d+)*(?:\.\d+)?(?![\w\-])")
"""A number standing alone: not part of a word, a hex digest, a date (2020-11-01) or a version (0.1.0)."""
GROUPED = re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?")
YEAR = re.compile(r"(?:19|20)\d\d")


@pytest.fixture(scope="module")
def every_export(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[Path, str], Path]:
    """Every example exported to PDF in Chinese and in English, through the command line."""
    out = tmp_path_factory.mktemp("typography")
    result = {}
    for scenario in scenario_files(out):
        for lang in ("zh", "en"):
            pdf = out / f"{scenario.stem}-{lang}.pdf"
            done = run_cli("export", str(scenario), "-o", str(pdf), "--lang", lang)
            assert done.returncode == 0, done.stderr
            result[scenario, lang] = pdf
    return result


def _lines(pdf: Path) -> list[tuple[int, str]]:
    """Every printed line (page number, text): body lines, table cell lines, chart labels, footers."""
    lines = []
    with pymupdf.open(pdf) as document:
        for page in document:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    text = "".join(span["text"] for span in line["spans"]).strip()
                    if text:
                        lines.append((page.number + 1, text))
    return lines


def test_no_line_begins_with_a_closing_mark_or_ends_with_an_opening_one(every_export) -> None:
    for pdf in every_export.values():
        for page, text in _lines(pdf):
            assert text[0] not in CLOSING, f"{pdf.name} page {page}: a line begins with {text[0]}: {text!r}"
            assert text[-1] not in OPENING, f"{pdf.name} page {page}: a line ends with {text[-1]}: {text!r}"


def test_every_amount_of_a_thousand_or_more_is_digit_grouped(every_export) -> None:
    checked = 0
    for pdf in every_export.values():
        for page, text in _lines(pdf):
            for number in NUMBER.findall(text):
                if YEAR.fullmatch(number) or float(number.replace(",", "")) < 1000:
                    continue
                assert GROUPED.fullmatch(number), f"{pdf.name} page {page}: {number} is not grouped: {text!r}"
                checked += 1
    assert checked, "no amount of 1,000 or more was read back"


def test_sources_print_as_citations_never_as_paths(every_export) -> None:
    for (scenario_file, lang), pdf in every_export.items():
        text = re.sub(r"\s", "", body_text(pdf))  # a citation may run on over a page break
        for path_part in (".xlsx", ".csv", ".html", "leiii", "github", "census_"):
            assert path_part not in text.lower(), f"{pdf.name}: a source prints as a path ({path_part})"
        scenario = example_scenario(scenario_file)
        for item in scenario.items:
            for party in scenario.item_parties(item):
                figure = party.figures.get(getattr(item, "basis", ""))
                if figure is not None and figure.source:
                    cited = re.sub(r"\s", "", data.citation(figure.source, lang))
                    assert cited in text, f"{pdf.name}: {party.name_zh}'s source is not cited as {cited}"


def test_parties_whose_sources_cite_one_publication_share_a_line() -> None:
    county = data.unit("500112").figure("population").source
    city = data.unit("510100").figure("population").source
    sources = {"510100": city, "500112": county, "512000": county + " (re-checked 2025)"}  # one bulletin set
    base = built_scenario()
    parties = []
    for party in base.parties:
        figure = party.figures["population"].model_copy(update={"source": sources[party.id]})
        parties.append(party.model_copy(update={"figures": {"population": figure}}))
    scenario = base.model_copy(update={"parties": tuple(parties)})
    lines = [plain(p) for p in build_agreement(scenario).appendices[0].paragraphs]
    assert lines[:3] == ["数据来源：", f"成都市：{data.citation(city)}", f"渝北区、资阳市：{data.citation(county)}"]
    english = [plain(p) for p in build_agreement(scenario, lang="en").appendices[0].paragraphs]
    assert english[2] == f"Yubei, Ziyang: {data.citation(county, 'en')}"


def test_english_lines_are_ragged_right_without_rivers(every_export) -> None:
    """Words of an English body line are one space apart: no line is stretched to the right margin."""
    for (_, lang), pdf in every_export.items():
        if lang != "en":
            continue
        with pymupdf.open(pdf) as document:
            for page in document:
                lines: dict[tuple[int, int], list[tuple[float, float]]] = {}
                for x0, _, x1, _, _, block, line, _ in page.get_text("words"):
                    lines.setdefault((block, line), []).append((x0, x1))
                for words in lines.values():
                    gaps = [b[0] - a[1] for a, b in itertools.pairwise(words)]
                    assert max(gaps, default=0) < 8, f"{pdf.name} page {page.number + 1}: a gap of {max(gaps):.0f} pt"


def test_no_title_leaves_a_stub_on_its_last_line(every_export) -> None:
    """A wrapped title (22 pt, 18 pt in English) keeps at least a third of its longest line on the last."""
    for pdf in every_export.values():
        with pymupdf.open(pdf) as document:
            for page in document:
                lines = [
                    line
                    for block in page.get_text("dict")["blocks"]
                    for line in block.get("lines", [])
                    if line["spans"] and line["spans"][0]["size"] >= 18
                ]
                for first, last in itertools.pairwise(lines):
                    width, stub = (line["bbox"][2] - line["bbox"][0] for line in (first, last))
                    text = "".join(span["text"] for span in last["spans"])
                    assert stub >= width / 3 - 1, f"{pdf.name} page {page.number + 1}: a stub {text!r}"


def test_the_english_agreement_prints_the_english_title(tmp_path: Path) -> None:
    from chengyu_accord.desktop.export import render_agreement

    title = "Cost Sharing of the Chengdu–Chongqing Central Line High-Speed Railway and Its Stations (Example)"
    scenario = built_scenario().model_copy(update={"title_en": title})
    pdf = render_agreement(scenario, tmp_path / "en.pdf", lang="en")
    with pymupdf.open(pdf) as document:
        first = document[0].get_text()
    assert re.sub(r"\s+", " ", f"Agreement on {title}") in re.sub(r"\s+", " ", first)
    assert scenario.title not in first.replace("\n", "")  # the Chinese title stays out of the English title


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_names_of_a_hundred_characters_wrap_in_the_tables(tmp_path: Path, lang: str) -> None:
    """Long names wrap in their columns; the amounts stay whole on their lines."""
    from chengyu_accord.desktop.export import render_agreement

    base = built_scenario()
    parties = tuple(
        p.model_copy(
            update={
                "name_zh": (p.name_zh + "人民政府驻成渝地区双城经济圈联络办公室") * 5,
                "name_en": f"{p.name_en} " * 20,
            }
        )
        for p in base.parties
    )
    pdf = render_agreement(base.model_copy(update={"parties": parties}), tmp_path / f"{lang}.pdf", lang=lang)
    assert any(text == "69,273,000,000.00" for _, text in _lines(pdf))  # the annex total, whole on one line


def test_a_wide_annex_table_steps_its_type_down_rather_than_wrap_an_amount(tmp_path: Path) -> None:
    """The yearly payment plan of five parties and a total column: every total of its total row stays whole."""
    from chengyu_accord.cost_sharing import presets
    from chengyu_accord.cost_sharing.engine import compute, display_precision
    from chengyu_accord.cost_sharing.money import format_amount
    from chengyu_accord.cost_sharing.results import shown_table, shown_total_text
    from chengyu_accord.desktop.export import render_agreement

    scenario = presets.examples()["multi-city-coalition-table"]()
    years = compute(scenario).items[0].table("years")
    shown = shown_table(years, display_precision(scenario))
    totals = [shown_total_text(shown, c) for c in range(len(years.columns))] + [
        format_amount(shown.grand_total, shown.precision, with_unit=False)
    ]
    pdf = render_agreement(scenario, tmp_path / "wide.pdf", lang="zh")
    printed = {text for _, text in _lines(pdf)}
    assert all(total in printed for total in totals), [t for t in totals if t not in printed]


UNIT_NOTE = re.compile(r"^(金额)?单位[:：]|^(Amounts in|Unit[:：])")
FOOTER = re.compile(r"^—\s*\d+\s*—$|^指纹|^Fingerprint|Accord|本稿为讨论稿|^This draft")
CHART_TEXT_SIZE = 9
"""Charts write their labels (their own "单位：万元" under the axis among them) smaller than any table's type."""


def test_no_unit_note_is_left_alone_at_the_foot_of_a_page(every_export) -> None:
    """A table's "单位：万元" stays with its table: it is never the last line of a page's text."""
    for pdf in every_export.values():
        with pymupdf.open(pdf) as document:
            for page in document:
                texts = [
                    "".join(span["text"] for span in line["spans"]).strip()
                    for block in page.get_text("dict")["blocks"]
                    for line in block.get("lines", [])
                    if max(span["size"] for span in line["spans"]) >= CHART_TEXT_SIZE
                ]
                texts = [text for text in texts if text and not FOOTER.search(text)]
                if texts:
                    last = texts[-1]
                    assert not UNIT_NOTE.search(last), f"{pdf.name} page {page.number + 1} ends with {last!r}"
