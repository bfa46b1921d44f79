"""Text fields: no control characters, documented length limits, visible titles, templates checked when read."""

import json
import re
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.agreement.binding import TemplateError, parse_template
from chengyu_accord.cost_sharing.agreement.edits import with_article_edit
from chengyu_accord.cost_sharing.numbers import TextError, check_text, has_visible
from chengyu_accord.cost_sharing.storage import MAX_PROBLEMS, ScenarioFileError, parse_scenario_bytes, scenario_to_bytes

# every text field of a file, with how to reach it in the data of ``small_scenario`` and its length limit
TEXT_FIELDS = [
    ("title", lambda d: d, "title", 200),
    ("notes", lambda d: d, "notes", 20_000),
    ("parties[0].id", lambda d: d["parties"][0], "id", 64),
    ("parties[0].name_zh", lambda d: d["parties"][0], "name_zh", 100),
    ("parties[0].name_en", lambda d: d["parties"][0], "name_en", 100),
    ("parties[0].code", lambda d: d["parties"][0], "code", 32),
    ("parties[0].province", lambda d: d["parties"][0], "province", 64),
    ("parties[0].figures.population.source", lambda d: d["parties"][0]["figures"]["population"], "source", 2_000),
    ("items[0].id", lambda d: d["items"][0], "id", 64),
    ("items[0].title", lambda d: d["items"][0], "title", 200),
    ("items[0].notes", lambda d: d["items"][0], "notes", 20_000),
    ("items[0].amount_provenance.source", lambda d: d["items"][0]["amount_provenance"], "source", 2_000),
    ("items[0].amount_provenance.note", lambda d: d["items"][0]["amount_provenance"], "note", 2_000),
    ("agreement.signing_place", lambda d: d["agreement"], "signing_place", 200),
    ("agreement.representatives.500112", lambda d: d["agreement"]["representatives"], "500112", 100),
    (
        "agreement.article_edits.general.dispute.text",
        lambda d: d["agreement"]["article_edits"]["general.dispute"],
        "text",
        20_000,
    ),
    (
        "agreement.article_edits.general.dispute.bound_values.total",
        lambda d: d["agreement"]["article_edits"]["general.dispute"]["bound_values"],
        "total",
        200,
    ),
]
MULTI_LINE = {
    "notes",
    "items[0].notes",
    "items[0].amount_provenance.note",
    "agreement.article_edits.general.dispute.text",
}


def data_of(scenario) -> dict:
    data = json.loads(scenario_to_bytes(scenario))
    data["items"][0]["amount_provenance"] = {"tag": "A", "source": "假设", "note": "示例"}
    data["agreement"]["representatives"] = {"500112": "张三"}
    data["agreement"]["article_edits"] = {"general.dispute": {"text": "协商解决。", "bound_values": {"total": "1元"}}}
    return data


def problems(data: dict) -> list[str]:
    with pytest.raises(ScenarioFileError) as info:
        parse_scenario_bytes(json.dumps(data).encode("utf-8"))  # ASCII escapes: a lone surrogate is "\\ud800"
    return [str(p) for p in info.value.problems]


def set_field(data: dict, where, key: str, value: str) -> dict:
    where(data)[key] = value
    if key == "id" and where(data) is data["parties"][0]:  # keep the references to the renamed party resolving
        data["parties"][0]["id"] = value
    return data


def test_every_field_holds_its_sample(small_scenario):
    assert parse_scenario_bytes(json.dumps(data_of(small_scenario)).encode()) is not None


@pytest.mark.parametrize(("field", "where", "key", "limit"), TEXT_FIELDS, ids=[f[0] for f in TEXT_FIELDS])
@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\ufffe", "\ud800", "\r"])
def test_a_control_character_is_refused_in_every_text_field(small_scenario, field, where, key, limit, char):
    data = set_field(data_of(small_scenario), where, key, "前" + char + "后")
    found = problems(data)
    assert any(p.startswith(f"{field}: ") for p in found), found
    assert all("\n" not in p for p in found)


@pytest.mark.parametrize(("field", "where", "key", "limit"), TEXT_FIELDS, ids=[f[0] for f in TEXT_FIELDS])
@pytest.mark.parametrize("char", ["\n", "\t"])
def test_tabs_and_line_breaks_only_in_multi_line_fields(small_scenario, field, where, key, limit, char):
    data = set_field(data_of(small_scenario), where, key, "第一行" + char + "第二行")
    if field in MULTI_LINE:
        parse_scenario_bytes(json.dumps(data).encode())
    else:
        found = problems(data)
        assert any(p.startswith(f"{field}: ") and "this field is one line" in p for p in found), found


@pytest.mark.parametrize(("field", "where", "key", "limit"), TEXT_FIELDS, ids=[f[0] for f in TEXT_FIELDS])
def test_every_text_field_has_its_documented_limit(small_scenario, field, where, key, limit):
    parse_scenario_bytes(json.dumps(set_field(data_of(small_scenario), where, key, "a" * limit)).encode())
    found = problems(set_field(data_of(small_scenario), where, key, "a" * (limit + 1)))
    assert found == [f"{field}: is too long: {limit + 1:,} characters, at most {limit:,} allowed"] or (
        field == "parties[0].id" and found[0].startswith(field)
    ), found


def test_a_megabyte_tag_is_one_short_line(small_scenario):
    data = data_of(small_scenario)
    data["items"][0]["amount_provenance"]["source"] = "源\n" * 500_000
    (problem,) = problems(data)
    assert problem == "items[0].amount_provenance.source: is too long: 1,000,000 characters, at most 2,000 allowed"


@pytest.mark.parametrize("title", ["   ", "\u3000", " \u200b ", "\t"])
def test_a_title_must_have_visible_characters(small_scenario, title):
    data = data_of(small_scenario)
    data["title"] = title
    assert any(p.startswith("title: ") for p in problems(data))


def test_an_item_title_may_be_empty_but_not_only_spaces(small_scenario):
    data = data_of(small_scenario)
    data["items"][0]["title"] = ""
    parse_scenario_bytes(json.dumps(data).encode())
    data["items"][0]["title"] = "  "
    assert problems(data) == ["items[0].title: must have visible characters, not only spaces"]


@pytest.mark.parametrize("pid", ["a b", "a{b", "x}", "\u200bx"])
def test_ids_cannot_break_article_placeholders(small_scenario, pid):
    data = data_of(small_scenario)
    data["parties"][0]["id"] = pid
    found = problems(data)
    assert any(p.startswith("parties[0].id: ") for p in found), found


@pytest.mark.parametrize("year", [999, 10_000, 10**50])
def test_a_figure_year_has_four_digits(small_scenario, year):
    data = data_of(small_scenario)
    data["parties"][0]["figures"]["population"]["year"] = year
    (problem,) = problems(data)
    assert problem.startswith("parties[0].figures.population.year: ")


def test_too_many_parties_are_refused_by_count(small_scenario):
    data = data_of(small_scenario)
    data["parties"] = [dict(data["parties"][0], id=f"p{i}") for i in range(61)]
    data["items"][0]["weights"] = {}
    (problem,) = problems(data)
    assert problem == "parties: has too many entries: 61, at most 60"


def test_a_file_with_thousands_of_problems_lists_the_first_ones_and_a_summary(small_scenario):
    data = data_of(small_scenario)
    data["agreement"]["representatives"] = {f"p{i}": "\x00" for i in range(400)}
    found = problems(data)
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1] == "file: 350 more problems not shown; fix these first"


# --- article edits: checked when typed, as when read --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("一个 { 括号", "stray '{'"),
        ("控制\x01字符", "control character (U+0001)"),
        ("长" * 20_001, "20,001 characters"),
    ],
)
def test_an_article_edit_is_refused_when_typed(small_scenario, text, words):
    with pytest.raises(TemplateError, match=re.escape(words)):
        with_article_edit(small_scenario, "general.dispute", text)


def test_a_multi_line_article_edit_is_taken(small_scenario):
    edited = with_article_edit(
        small_scenario, "general.dispute", "第一段。\n\t第二段。", now=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert parse_scenario_bytes(scenario_to_bytes(edited)) == edited


# --- the text rule itself ------------------------------------------------------------------------------------------


@given(st.text(), st.booleans(), st.booleans())
def test_check_text_refuses_only_with_a_text_error_and_accepts_only_printable_text(text, multiline, visible):
    try:
        accepted = check_text(text, multiline=multiline, visible=visible)
    except TextError as exc:
        message = str(exc)
        accepted = None
    if accepted is None:
        assert "\n" not in message
        assert len(message) < 120
        return
    assert accepted == text
    allowed = "\t\n" if multiline else ""
    assert all(c in allowed or c.isprintable() or c.isspace() or not c.isascii() for c in text)
    assert all(ord(c) >= 0x20 or c in allowed for c in text)
    text.encode("utf-8")  # no lone surrogates: the file can be saved
    if visible and text:
        assert has_visible(text)


@given(st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=50))
def test_accepted_text_with_doubled_braces_is_a_valid_template(text):
    assert "".join(p.text for p in parse_template(text.replace("a", "{{"))) == text.replace("a", "{")
