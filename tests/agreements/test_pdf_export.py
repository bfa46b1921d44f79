"""`chengyu export` to PDF: embedded fonts, text read back, fingerprint footers, glyph coverage, escaping."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pymupdf
import pytest
from agreement_helpers import (
    HOSTILE_NAME,
    LONG_NOTE,
    body_text,
    built_scenario,
    drawn_chars,
    embedded_fonts,
    example_scenario,
    needs,
    run_cli,
)
from pypdf import PdfReader

from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.desktop.export import ExportError, render_agreement
from chengyu_accord.desktop.export.fonts import font_set, missing_glyphs


def _page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def test_all_fonts_are_embedded(exports: dict[Path, Path]) -> None:
    """pdffonts lists every font drawn with (body and heading fonts), each embedded as a subset."""
    needs("pdffonts")
    fonts = embedded_fonts()
    for pdf in exports.values():
        listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = listing.splitlines()[2:]
        assert rows, f"{pdf.name}: no fonts listed"
        for row in rows:
            columns = row.split()
            assert columns[-5] == "yes", f"{pdf.name}: font not embedded: {row}"  # the 'emb' column
            assert columns[-4] == "yes", f"{pdf.name}: font not subset: {row}"  # the 'sub' column
        listed = {row.split()[0].split("+", 1)[-1] for row in rows}
        for role in font_set().roles.values():
            face = fonts.face_names[role]
            assert any(name == face or name.startswith(f"{face}-") for name in listed), f"{pdf.name}: no {face}"


def test_text_read_back_has_party_names_and_articles(exports: dict[Path, Path]) -> None:
    for scenario_file, pdf in exports.items():
        scenario = example_scenario(scenario_file)
        text = "".join(_page_texts(pdf))
        for party in scenario.parties:
            assert party.name_zh in text, f"{pdf.name}: {party.name_zh} missing"
        doc = build_agreement(scenario)
        for article in doc.articles:
            assert f"{article.label}" in text
            assert article.heading in text


def test_every_page_footer_carries_the_cli_fingerprint(exports: dict[Path, Path]) -> None:
    for scenario_file, pdf in exports.items():
        printed = run_cli("fingerprint", str(scenario_file))
        assert printed.returncode == 0, printed.stderr
        digest = printed.stdout.strip()
        assert re.fullmatch(r"[0-9a-f]{64}", digest)
        with pymupdf.open(pdf) as document:
            for number, page in enumerate(document, start=1):
                height = page.rect.height
                footer = page.get_text("text", clip=pymupdf.Rect(0, height - 30 * 72 / 25.4, page.rect.width, height))
                assert digest in footer.replace("\n", ""), f"{pdf.name} page {number}: footer lacks {digest}"
                assert f"— {number} —" in footer


def test_every_character_is_in_the_font_it_is_drawn_with(exports: dict[Path, Path], hostile_pdf: Path) -> None:
    """Each drawn character's font (read back from the PDF) has it in its cmap (fontTools, the embedded file)."""
    fonts = embedded_fonts()
    for pdf in [*exports.values(), hostile_pdf]:
        outside: set[tuple[str, str]] = set()
        for char, font_name, _ in drawn_chars(pdf):
            choice = fonts.choice(font_name)
            assert choice is not None, f"{pdf.name}: {char!r} drawn in {font_name}, which Accord did not embed"
            if ord(char) not in fonts.cmaps[choice]:
                outside.add((char, choice.name))
        assert not outside, f"{pdf.name}: characters outside the font they are drawn with: {sorted(outside)}"
    for scenario_file in exports:  # and the document itself asks for nothing no font has
        doc = build_agreement(example_scenario(scenario_file))
        for text in doc.texts():
            assert not missing_glyphs(text), text


def test_a_character_no_font_can_draw_is_named(tmp_path: Path) -> None:
    odd = "\U0001f9ea"  # an emoji: not in any CJK text font
    scenario = built_scenario()
    scenario = scenario.model_copy(update={"title": f"试验{odd}协议"})
    assert missing_glyphs(f"试验{odd}") == [odd]
    with pytest.raises(ExportError, match="U\\+1F9EA"):
        render_agreement(scenario, tmp_path / "odd.pdf")


def test_hostile_text_prints_literally(hostile_pdf: Path) -> None:
    flat = body_text(hostile_pdf)
    assert HOSTILE_NAME in flat
    assert LONG_NOTE in flat


def test_draft_label_and_english_reference_translation(tmp_path: Path) -> None:
    scenario_path = tmp_path / "s.json"
    from chengyu_accord.cost_sharing.storage import save_scenario

    save_scenario(built_scenario(), scenario_path)
    zh = tmp_path / "zh.pdf"
    assert run_cli("export", str(scenario_path), "-o", str(zh), "--draft-label", "送审稿").returncode == 0
    assert "（送审稿）" in _page_texts(zh)[0]
    en = tmp_path / "en.pdf"
    done = run_cli("export", str(scenario_path), "-o", str(en), "--lang", "en")
    assert done.returncode == 0, done.stderr
    first = _page_texts(en)[0]
    assert "Reference translation" in first
    assert "Chinese text prevails" in first
    zh_doc, en_doc = build_agreement(built_scenario()), build_agreement(built_scenario(), lang="en")
    assert zh_doc.fingerprint == en_doc.fingerprint


def test_export_refuses_unknown_suffix_and_label(tmp_path: Path) -> None:
    scenario_path = tmp_path / "s.json"
    from chengyu_accord.cost_sharing.storage import save_scenario

    save_scenario(built_scenario(), scenario_path)
    done = run_cli("export", str(scenario_path), "-o", str(tmp_path / "out.txt"))
    assert done.returncode == 1
    assert ".pdf or .docx" in done.stderr
    done = run_cli("export", str(scenario_path), "-o", str(tmp_path / "out.pdf"), "--draft-label", "定稿")
    assert done.returncode == 1
    assert "draft label" in done.stderr


def test_output_is_reproducible(tmp_path: Path) -> None:
    first = render_agreement(built_scenario(), tmp_path / "a.pdf")
    second = render_agreement(built_scenario(), tmp_path / "b.pdf")
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_an_interrupted_export_leaves_the_previous_draft_whole(tmp_path: Path, monkeypatch, suffix: str) -> None:
    from chengyu_accord.cost_sharing import storage

    target = tmp_path / f"draft{suffix}"
    render_agreement(built_scenario(), target)
    previous = target.read_bytes()

    def crash(stage: str) -> None:
        if stage == "before-rename":
            raise OSError("disk full")

    monkeypatch.setattr(storage, "_checkpoint", crash)
    with pytest.raises(ExportError, match="disk full"):
        render_agreement(built_scenario(), target, lang="en")
    assert target.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
