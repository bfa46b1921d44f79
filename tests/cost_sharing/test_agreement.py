"""The agreement as data: numbering, dates, the proportional-split articles, edits bound to the numbers.

These run without Qt and without reportlab: the agreement model is pure.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from chengyu_accord.cost_sharing.agreement.binding import (
    STALE_MARKER_ZH,
    TemplateError,
    parse_template,
    render_template,
)
from chengyu_accord.cost_sharing.agreement.build import AgreementError, build_agreement, party_roles
from chengyu_accord.cost_sharing.agreement.edits import confirm_article_edit, reset_article_edit, with_article_edit
from chengyu_accord.cost_sharing.agreement.model import plain
from chengyu_accord.cost_sharing.agreement.text import article_label, chinese_date, chinese_number, heading_marker
from chengyu_accord.cost_sharing.engine import compute, display_precision
from chengyu_accord.cost_sharing.fingerprint import fingerprint
from chengyu_accord.cost_sharing.instruments.proportional.model import ProportionalSplit
from chengyu_accord.cost_sharing.results import shown_table
from chengyu_accord.cost_sharing.scenario import Figure, Party, Scenario
from chengyu_accord.cost_sharing.storage import read_scenario, save_scenario


def scenario(amount_fen: int = 100_000_000_00) -> Scenario:
    parties = (
        Party(id="510100", name_zh="成都市", figures={"population": Figure(value="2093.78", year=2020)}),
        Party(id="500112", name_zh="渝北区", figures={"population": Figure(value="219.15", year=2020)}),
    )
    item = ProportionalSplit(id="rail", title="示例线路", amount_fen=amount_fen, basis="population")
    return Scenario(title="示例线路分担", parties=parties, items=(item,))


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1005, "一千零五"),
    ],
)
def test_chinese_numbers(n: int, words: str) -> None:
    assert chinese_number(n) == words
    assert article_label(n) == f"第{words}条"


def test_dates_and_heading_markers() -> None:
    assert chinese_date(date(2026, 1, 1)) == "2026年1月1日"
    assert [heading_marker(level, 1) for level in (1, 2, 3, 4)] == ["一、", "（一）", "1.", "（1）"]


def test_party_roles() -> None:
    assert party_roles(3) == ["甲方", "乙方", "丙方"]
    assert party_roles(11)[10] == "第十一方"


def test_agreement_has_the_proportional_split_articles() -> None:
    doc = build_agreement(scenario())
    assert [a.label for a in doc.articles[:4]] == ["第一条", "第二条", "第三条", "第四条"]
    assert [a.heading for a in doc.articles[:4]] == ["分担事项", "分担依据", "分担金额", "资金拨付"]
    assert "第八章第三节" in plain(doc.recitals[0])
    assert doc.fingerprint == fingerprint(scenario())
    assert [e.name for e in doc.parties] == ["成都市人民政府", "渝北区人民政府"]
    assert doc.draft_line == "（讨论稿）"


def test_amount_table_parts_add_up_to_the_shown_total() -> None:
    s = scenario(amount_fen=100_000_000_01)
    doc = build_agreement(s)
    table = doc.article("items.rail.amounts").table
    assert table is not None
    assert table.total_row is not None
    shown = [Decimal(row[-1].replace(",", "")) for row in table.rows]
    assert sum(shown) == Decimal(table.total_row[-1].replace(",", ""))
    rounded = shown_table(compute(s).items[0].table(), display_precision(s))
    assert shown == [row[-1] for row in rounded.cells]
    assert Decimal(table.total_row[-1].replace(",", "")) == rounded.totals[-1]
    exact = doc.appendices[0].tables[0]
    assert exact.total_row is not None
    assert exact.total_row[-1] == "100,000,000.01"


def test_parties_sharing_a_source_are_listed_once_with_it() -> None:
    census = "census_county_2020_v1.xlsx (7th census)"
    figures = {
        "510100": Figure(value="2093.78", year=2020, source="census_city.csv"),
        "500112": Figure(value="219.15", year=2020, source=census),
        "500106": Figure(value="147.76", year=2020, source=census),
        "500120": Figure(value="95.0", year=2020),
    }
    names = {"510100": "成都市", "500112": "渝北区", "500106": "沙坪坝区", "500120": "璧山区"}
    parties = tuple(
        Party(id=pid, name_zh=names[pid], name_en=f"P{pid}", figures={"population": figure})
        for pid, figure in figures.items()
    )
    s = scenario().model_copy(update={"parties": parties})
    lines = [plain(p) for p in build_agreement(s).appendices[0].paragraphs]
    assert lines[:3] == ["数据来源：", "成都市：census_city.csv", f"渝北区、沙坪坝区：{census}"]
    assert sum(census in line for line in lines) == 1
    assert not any("璧山区" in line for line in lines)  # no source, no line
    english = [plain(p) for p in build_agreement(s, lang="en").appendices[0].paragraphs]
    assert english[:3] == ["Sources:", "P510100: census_city.csv", f"P500112, P500106: {census}"]


def test_capital_amounts_in_payment_clause() -> None:
    s = scenario()
    s = s.model_copy(update={"agreement": s.agreement.model_copy(update={"capital_amounts": True})})
    text = "".join(plain(p) for p in build_agreement(s).article("items.rail.payment").paragraphs)
    assert "（大写：人民币" in text
    assert "元" in text


def test_template_parsing() -> None:
    pieces = parse_template("共{total}，{{字面}}")
    assert [p.placeholder for p in pieces] == [None, "total", None]
    assert render_template("共{total}，{{x}}", {"total": "5万元"}) == "共5万元，{x}"
    with pytest.raises(TemplateError, match="stray"):
        parse_template("a { b")


def test_unknown_placeholder_is_refused() -> None:
    with pytest.raises(TemplateError, match="amount:999"):
        with_article_edit(scenario(), "items.rail.payment", "付{amount:999}")


def test_edited_article_survives_save_and_reopen_and_flags_changed_amounts(tmp_path: Path) -> None:
    key = "items.rail.payment"
    before = scenario()
    old_amount = build_agreement(before).article(key).bound_values["amount:510100"]
    typed = old_amount.removesuffix("万元")
    edited = with_article_edit(before, key, f"成都方拨付{{amount:510100}}，渝北方按手工核定的{typed}万元拨付。")
    assert fingerprint(edited) == fingerprint(before)  # wording never changes the fingerprint
    path = tmp_path / "s.json"
    save_scenario(edited, path)
    reopened = read_scenario(path)
    assert reopened == edited
    article = build_agreement(reopened).article(key)
    assert article.edited
    assert not article.stale
    assert old_amount in plain(article.paragraphs[0])

    changed = reopened.model_copy(
        update={"items": (reopened.items[0].model_copy(update={"amount_fen": 200_000_000_00}),)}
    )
    article = build_agreement(changed, redline=True).article(key)  # the notes print only in a redline
    assert article.edited
    assert article.stale
    text = "\n".join(plain(p) for p in article.paragraphs)
    new_amount = article.bound_values["amount:510100"]
    assert new_amount != old_amount
    assert f"成都方拨付{new_amount}" in text
    assert STALE_MARKER_ZH in text
    assert f"{typed}【旧金额，现为" in text  # the typed-in old amount is pointed out
    assert any(f"“{typed}”" in note for note in article.stale_notes)

    checked = confirm_article_edit(changed, key)
    assert not build_agreement(checked).article(key).stale
    assert key not in reset_article_edit(changed, key).agreement.article_edits


def test_editing_back_to_the_default_wording_removes_the_edit() -> None:
    s = scenario()
    default = build_agreement(s).article("general.use").default_template
    edited = with_article_edit(s, "general.use", default + "补充。")
    assert "general.use" in edited.agreement.article_edits
    assert "general.use" not in with_article_edit(edited, "general.use", default).agreement.article_edits


def test_user_text_with_braces_stays_literal() -> None:
    s = scenario().model_copy(update={"title": "{total}"})
    s = s.model_copy(update={"items": (s.items[0].model_copy(update={"title": "{amount:510100}"}),)})
    doc = build_agreement(s)
    assert "{amount:510100}" in plain(doc.article("items.rail.scope").paragraphs[0])


def test_item_with_errors_cannot_make_an_agreement() -> None:
    s = scenario()
    broken = s.model_copy(update={"parties": (s.parties[0].model_copy(update={"figures": {}}), s.parties[1])})
    with pytest.raises(AgreementError, match="成都市"):
        build_agreement(broken)


def test_the_agreement_model_imports_no_renderer_and_no_qt() -> None:
    code = (
        "import sys, chengyu_accord.cost_sharing.agreement.edits as e; "
        "bad = [m for m in ('reportlab', 'PySide6', 'docx') if m in sys.modules]; print(bad); assert not bad"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_article_edits_change_no_number() -> None:
    from chengyu_accord.cost_sharing.agreement.edits import (
        ConfirmArticle,
        ResetArticle,
        SetArticleText,
        SetPrintOptions,
    )

    key = "general.use"
    before = scenario()
    default = build_agreement(before).article(key).default_template
    steps = [
        SetArticleText(key, default + "另行约定。"),
        ConfirmArticle(key),
        SetPrintOptions("征求意见稿", watermark=True, capital_amounts=True),
        ResetArticle(key),
    ]
    history = [before]
    for step in steps:
        assert step.structural
        history.append(step.apply(history[-1]))
    assert history[1].agreement.article_edits[key].text.endswith("另行约定。")
    assert history[3].agreement.draft_label == "征求意见稿"
    assert history[3].agreement.watermark
    assert key not in history[4].agreement.article_edits
    assert all(fingerprint(s) == fingerprint(before) for s in history)


def test_print_options_refuse_an_unknown_draft_label() -> None:
    from pydantic import ValidationError

    from chengyu_accord.cost_sharing.agreement.edits import SetPrintOptions

    with pytest.raises(ValidationError):
        SetPrintOptions("定稿", watermark=False, capital_amounts=False).apply(scenario())  # type: ignore[arg-type]


def test_printed_lines_are_built_once_in_the_document_language() -> None:
    zh, en = build_agreement(scenario(), lang="zh"), build_agreement(scenario(), lang="en")
    assert zh.articles[0].title == "第一条　" + zh.articles[0].heading
    assert en.articles[0].title == "Article 1 " + en.articles[0].heading
    assert zh.parties[0].role_label == "甲方："
    assert en.parties[0].role_label.endswith(": ")
    assert en.articles[0].title in set(en.texts())  # the glyph check sees what is printed
