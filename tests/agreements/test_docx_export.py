"""The DOCX for comment rounds holds the same articles and table values as the PDF."""

from __future__ import annotations

from pathlib import Path

import docx
from agreement_helpers import run_cli, scenario_files

from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.cost_sharing.agreement.model import plain
from chengyu_accord.cost_sharing.storage import read_scenario


def test_docx_has_the_same_articles_and_table_values(tmp_path: Path) -> None:
    for scenario_file in scenario_files(tmp_path):
        out = tmp_path / f"{scenario_file.stem}.docx"
        done = run_cli("export", str(scenario_file), "-o", str(out))
        assert done.returncode == 0, done.stderr
        document = docx.Document(str(out))
        paragraphs = [p.text for p in document.paragraphs]
        doc = build_agreement(read_scenario(scenario_file))
        for article in doc.articles:
            assert article.title in paragraphs
            for paragraph in article.paragraphs:
                assert plain(paragraph) in paragraphs
        cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
        tables = [a.table for a in doc.articles if a.table] + [t for a in doc.appendices for t in a.tables]
        for table in tables:
            assert list(table.header) in cells
            for row in table.rows:
                assert list(row) in cells
        for party in doc.parties:
            assert any(party.name in p for p in paragraphs)
        assert any(doc.fingerprint in p for p in paragraphs)


def test_docx_names_east_asian_fonts_by_role(tmp_path: Path) -> None:
    """仿宋 for the body, 黑体 for article headings, each with its English name in the font table."""
    from docx.oxml.ns import qn

    scenario_file = scenario_files(tmp_path)[0]
    out = tmp_path / "roles.docx"
    assert run_cli("export", str(scenario_file), "-o", str(out)).returncode == 0
    document = docx.Document(str(out))
    doc = build_agreement(read_scenario(scenario_file))

    def east_asian(text: str) -> set[str]:
        fonts = set()
        for paragraph in document.paragraphs:
            if paragraph.text == text:
                for run in paragraph.runs:
                    fonts.add(run._element.rPr.rFonts.get(qn("w:eastAsia")))
        return fonts

    article = doc.articles[0]
    assert east_asian(article.title) == {"黑体"}
    assert east_asian(plain(article.paragraphs[0])) == {"仿宋"}
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    table = part.blob.decode("utf-8")
    assert '<w:font w:name="仿宋"><w:altName w:val="FangSong"/>' in table
    assert '<w:font w:name="黑体"><w:altName w:val="SimHei"/>' in table


def test_docx_english_is_ragged_right_and_chinese_justified(tmp_path: Path) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    scenario_file = scenario_files(tmp_path)[0]
    for lang, expected in (("zh", WD_ALIGN_PARAGRAPH.JUSTIFY), ("en", WD_ALIGN_PARAGRAPH.LEFT)):
        out = tmp_path / f"{lang}.docx"
        done = run_cli("export", str(scenario_file), "-o", str(out), "--lang", lang)
        assert done.returncode == 0, done.stderr
        doc = build_agreement(read_scenario(scenario_file), lang=lang)
        by_text = {p.text: p for p in docx.Document(str(out)).paragraphs}
        recital = by_text[plain(doc.recitals[0])]
        assert recital.alignment == expected, lang
