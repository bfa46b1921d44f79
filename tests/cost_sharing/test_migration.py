"""Format 2 (English title, signatory offices, copies clause): a version-1 file opens through the migration and
prints as it did; the new fields are edited, saved and printed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.cost_sharing.agreement.model import plain
from chengyu_accord.cost_sharing.edits import (
    EditError,
    SetCopiesPerParty,
    SetItemText,
    SetRepresentative,
    SetSignatory,
    SetSigningDate,
    SetSigningPlace,
    SetTitle,
    SetTitleEn,
)
from chengyu_accord.cost_sharing.engine import compute
from chengyu_accord.cost_sharing.fingerprint import fingerprint
from chengyu_accord.cost_sharing.storage import (
    MIGRATIONS,
    ScenarioFileError,
    parse_scenario_bytes,
    read_scenario,
    scenario_to_bytes,
)

FIXTURE = Path(__file__).with_name("fixtures") / "v1-gaozhu-startup-by-weights.json"
"""``examples/gaozhu-startup-by-weights.json`` as committed in format 1 (commit 988441e)."""
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "gaozhu-startup-by-weights.json"


def _final_article(scenario, lang: str = "zh") -> str:
    doc = build_agreement(scenario, lang=lang)
    return "".join(plain(p) for p in doc.article("general.final").paragraphs)


def test_a_version_1_file_opens_through_the_migration():
    raw = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert raw["schema_version"] == 1
    assert "copies_per_party" not in raw["agreement"]
    scenario = read_scenario(FIXTURE)
    assert scenario.schema_version == 2
    assert scenario.title_en == ""
    assert scenario.agreement.signatories == {}
    assert scenario.agreement.copies_per_party == 2
    # the same numbers and fingerprint as the example regenerated in format 2
    current = read_scenario(EXAMPLE)
    assert fingerprint(scenario) == fingerprint(current)
    assert compute(scenario).items[0].table().fen("amount") == compute(current).items[0].table().fen("amount")


def test_a_migrated_file_prints_as_format_1_did():
    doc = build_agreement(read_scenario(FIXTURE))
    assert [p.name for p in doc.parties] == ["渝北区人民政府", "广安市人民政府"]
    assert "本协议一式四份，各方各执二份" in _final_article(read_scenario(FIXTURE))
    english = build_agreement(read_scenario(FIXTURE), lang="en")
    assert english.title == "Agreement on 川渝高竹新区共建费用分担（示例）"


def test_the_migration_keeps_what_a_file_says_and_leaves_malformed_parts_to_validation():
    document = json.loads(FIXTURE.read_text(encoding="utf-8"))
    document["agreement"]["signing_place"] = "重庆市"
    migrated = MIGRATIONS[1](json.loads(json.dumps(document)))
    assert migrated["agreement"]["signing_place"] == "重庆市"
    assert migrated["agreement"]["copies_per_party"] == 2
    document["agreement"] = "not an object"
    with pytest.raises(ScenarioFileError) as info:
        parse_scenario_bytes(json.dumps(document).encode())
    assert any(p.field == "agreement" for p in info.value.problems)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["agreement"].update(copies_per_party=0), "agreement.copies_per_party"),
        (lambda d: d["agreement"].update(copies_per_party=11), "agreement.copies_per_party"),
        (lambda d: d["agreement"].update(copies_per_party=True), "agreement.copies_per_party"),
        (lambda d: d["agreement"].update(signatories={"500112": "  "}), "agreement.signatories.500112"),
        (lambda d: d["agreement"].update(signatories={"500112": "x" * 101}), "agreement.signatories.500112"),
        (lambda d: d.update(title_en="a\nb"), "title_en"),
        (lambda d: d.update(title_en="x" * 201), "title_en"),
    ],
)
def test_the_new_fields_follow_the_reading_rules(change, problem):
    document = json.loads(scenario_to_bytes(read_scenario(EXAMPLE)))
    change(document)
    with pytest.raises(ScenarioFileError) as info:
        parse_scenario_bytes(json.dumps(document).encode())
    assert [p.field for p in info.value.problems] == [problem]


def _edited():
    scenario = read_scenario(FIXTURE)
    for edit in (
        SetTitle("川渝高竹新区共建启动费用分担"),
        SetTitleEn("Sharing the Start-up Cost of the Gaozhu New Area"),
        SetItemText("gaozhu-startup", "title", "高竹新区启动费用"),
        SetItemText("gaozhu-startup", "notes", "第一行\n第二行"),
        SetSigningDate(date(2026, 3, 18)),
        SetSigningPlace("  四川省广安市  "),
        SetRepresentative("500112", "张三"),
        SetRepresentative("511600", "李四"),
        SetSignatory("511600", "广安市发展和改革委员会"),
        SetCopiesPerParty(3),
    ):
        scenario = edit.apply(scenario)
    return scenario


def test_the_edits_change_what_the_agreement_prints_in_both_languages():
    before = read_scenario(FIXTURE)
    scenario = _edited()
    assert fingerprint(scenario) == fingerprint(before)  # words and signing details change no number
    assert scenario.agreement.signing_place == "四川省广安市"
    doc = build_agreement(scenario)
    assert doc.title == "关于川渝高竹新区共建启动费用分担的协议"
    assert [p.name for p in doc.parties] == ["渝北区人民政府", "广安市发展和改革委员会"]
    assert [(s.party_name, s.representative, s.date_text) for s in doc.signatures] == [
        ("渝北区人民政府", "张三", "2026年3月18日"),
        ("广安市发展和改革委员会", "李四", "2026年3月18日"),
    ]
    assert doc.signing_place == "签订地点：四川省广安市"
    assert "高竹新区启动费用" in plain(doc.recitals[0])
    assert "本协议一式六份，各方各执三份" in _final_article(scenario)
    english = build_agreement(scenario, lang="en")
    assert english.title == "Agreement on Sharing the Start-up Cost of the Gaozhu New Area"
    assert [p.name for p in english.parties] == ["People's Government of Yubei District", "广安市发展和改革委员会"]
    assert "made in 6 originals, three for each Party" in _final_article(scenario, "en")
    assert parse_scenario_bytes(scenario_to_bytes(scenario)) == scenario


def test_an_english_title_that_names_the_agreement_is_printed_as_is():
    scenario = SetTitleEn("Gaozhu Cost-Sharing Agreement").apply(read_scenario(FIXTURE))
    assert build_agreement(scenario, lang="en").title == "Gaozhu Cost-Sharing Agreement"


def test_blank_representative_or_signatory_removes_the_entry():
    scenario = _edited()
    scenario = SetRepresentative("500112", " ").apply(scenario)
    scenario = SetSignatory("511600", "").apply(scenario)
    assert scenario.agreement.representatives == {"511600": "李四"}
    assert scenario.agreement.signatories == {}
    assert build_agreement(scenario).parties[1].name == "广安市人民政府"


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (SetTitle("标题\x07"), "title"),
        (SetTitle("x" * 201), "title"),
        (SetTitleEn("   "), "title_en"),
        (SetItemText("gaozhu-startup", "title", "a\nb"), "items[0].title"),
        (SetItemText("gaozhu-startup", "notes", "x" * 20_001), "items[0].notes"),
        (SetItemText("gaozhu-startup", "amount_fen", "1"), "field"),
        (SetItemText("nope", "title", "t"), "items"),
        (SetSigningPlace("地\u2028点"), "agreement.signing_place"),
        (SetSigningPlace("x" * 201), "agreement.signing_place"),
        (SetRepresentative("500112", "x" * 101), "agreement.representatives.500112"),
        (SetRepresentative("999999", "张三"), "parties"),
        (SetSignatory("500112", "机关\x00"), "agreement.signatories.500112"),
        (SetSignatory("999999", "机关"), "parties"),
        (SetCopiesPerParty(0), "agreement.copies_per_party"),
        (SetCopiesPerParty(11), "agreement.copies_per_party"),
    ],
)
def test_bad_input_is_refused_naming_the_field(edit, field):
    scenario = read_scenario(FIXTURE)
    with pytest.raises(EditError) as info:
        edit.apply(scenario)
    assert info.value.field == field
    assert "\n" not in str(info.value)
