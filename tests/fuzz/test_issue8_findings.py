"""Findings 1, 3, 4, 5 and 7 of issue 8, through the calls the command line makes: ``chengyu validate``,
``compute --json`` and ``export`` (PDF and DOCX, zh and en). What validate accepts, every command handles; what
it refuses, it names in one line."""

import copy
import json
from pathlib import Path

from chengyu_accord.cost_sharing.money import capital_amount
from chengyu_accord.cost_sharing.numbers import MAX_AMOUNT_FEN
from chengyu_accord.desktop import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = json.loads((ROOT / "examples" / "gaozhu-startup-by-weights.json").read_text(encoding="utf-8"))
EXPORTS = [("draft.pdf", "zh"), ("draft.docx", "zh"), ("draft-en.pdf", "en"), ("draft-en.docx", "en")]


def scenario_file(tmp_path: Path, change) -> Path:
    data = copy.deepcopy(EXAMPLE)
    change(data)
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def run(capsys, *args: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused_everywhere(capsys, path: Path, field: str, words: str) -> None:
    """validate, compute and every export refuse the file with the same one line naming ``field``."""
    for args in (
        ["validate", path],
        ["compute", path, "--json"],
        *(["export", path, "-o", path.parent / o, "--lang", lang] for o, lang in EXPORTS),
    ):
        code, _out, err = run(capsys, *args)
        assert code == 1, (args, err)
        lines = err.splitlines()
        assert len(lines) == 1, (args, err)
        assert lines[0].startswith(f"{path}: {field}: "), lines[0]
        assert words in lines[0], lines[0]
        assert len(lines[0]) < 300


def assert_handled_everywhere(capsys, path: Path) -> None:
    """validate accepts the file, compute --json prints a result, and all four exports are written."""
    assert run(capsys, "validate", path)[0] == 0
    code, out, err = run(capsys, "compute", path, "--json")
    assert code == 0, err
    assert json.loads(out)["ok"]
    for name, lang in EXPORTS:
        code, _out, err = run(capsys, "export", path, "-o", path.parent / name, "--lang", lang)
        assert code == 0, err
        assert (path.parent / name).stat().st_size > 1000


def item(data: dict) -> dict:
    return data["items"][0]


# --- finding 1: numbers validate accepts are numbers every command handles -------------------------------


def test_finding1_an_amount_of_10_to_the_40_fen_is_refused_by_every_command(tmp_path, capsys):
    path = scenario_file(tmp_path, lambda d: item(d).update(amount_fen=10**40))
    assert_refused_everywhere(capsys, path, "items[0].amount_fen", "must not exceed 999,999,999,999,999,999")


def test_finding1_a_weight_of_1e20000_is_refused_by_every_command(tmp_path, capsys):
    path = scenario_file(tmp_path, lambda d: item(d)["weights"].update({"500112": "1e20000"}))
    assert_refused_everywhere(capsys, path, "items[0].weights.500112", "must not exceed")


def test_finding1_a_figure_beyond_the_bound_is_refused_by_every_command(tmp_path, capsys):
    path = scenario_file(tmp_path, lambda d: d["parties"][0]["figures"]["population"].update(value="1e16"))
    assert_refused_everywhere(capsys, path, "parties[0].figures.population.value", "must not exceed")


def test_finding1_capital_amounts_of_10_to_the_18_fen_are_refused_at_reading(tmp_path, capsys):
    def change(data):
        item(data).update(amount_fen=10**18)
        data["agreement"]["capital_amounts"] = True

    assert_refused_everywhere(capsys, scenario_file(tmp_path, change), "items[0].amount_fen", "must not exceed")


def test_finding1_the_largest_amount_computes_and_exports_with_capital_amounts(tmp_path, capsys):
    def change(data):
        item(data).update(amount_fen=MAX_AMOUNT_FEN)
        data["agreement"]["capital_amounts"] = True
        data["display"] = {"unit": "yuan", "decimals": 6}

    assert_handled_everywhere(capsys, scenario_file(tmp_path, change))


def test_finding1_capital_numerals_reach_the_amount_bound():
    """The 大写 writer and the reading bound agree: the largest amount a file may hold can be written out."""
    assert (
        capital_amount(MAX_AMOUNT_FEN) == "玖仟玖佰玖拾玖万亿玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"
    )


def test_finding1_the_largest_figures_and_weights_compute_and_export(tmp_path, capsys):
    def change(data):
        item(data)["weights"] = {"500112": "999999999999999.999999999999", "511600": "0.000000000001"}
        for figure in data["parties"][0]["figures"].values():
            figure["value"] = "1000000000000000"

    assert_handled_everywhere(capsys, scenario_file(tmp_path, change))


# --- finding 3: control characters ------------------------------------------------------------------------


def test_finding3_a_control_character_in_a_name_is_refused_naming_the_field(tmp_path, capsys):
    path = scenario_file(tmp_path, lambda d: d["parties"][0].update(name_zh="渝北\u0001区"))
    assert_refused_everywhere(capsys, path, "parties[0].name_zh", "control character (U+0001) at character 3")


def test_finding3_a_nul_in_a_source_is_refused(tmp_path, capsys):
    path = scenario_file(tmp_path, lambda d: d["parties"][1]["figures"]["gdp"].update(source="统计\x00公报"))
    assert_refused_everywhere(capsys, path, "parties[1].figures.gdp.source", "U+0000")


# --- finding 4: length limits that the renderers are tested at ---------------------------------------------


def test_finding4_a_1500_character_english_name_is_refused(tmp_path, capsys):
    path = scenario_file(tmp_path, lambda d: d["parties"][0].update(name_en="Yubei " * 250))
    assert_refused_everywhere(capsys, path, "parties[0].name_en", "is too long: 1,500 characters, at most 100")


def test_finding4_english_names_at_the_limit_export(tmp_path, capsys):
    def change(data):
        data["parties"][0]["name_en"] = ("Yubei District of Chongqing " * 4)[:100]
        data["parties"][1]["name_en"] = "W" * 100  # one unbreakable word

    assert_handled_everywhere(capsys, scenario_file(tmp_path, change))


# --- finding 5: a stray brace in an edited article ------------------------------------------------------------


def test_finding5_a_stray_brace_in_an_article_edit_is_refused_naming_the_article(tmp_path, capsys):
    edit = {"text": "一个 { 括号", "bound_values": {}, "edited_at": None}
    path = scenario_file(tmp_path, lambda d: d["agreement"]["article_edits"].update({"general.dispute": edit}))
    assert_refused_everywhere(capsys, path, "agreement.article_edits.general.dispute.text", "stray '{' at character 4")


# --- finding 7 (last part): a title must say something ------------------------------------------------------


def test_finding7_a_title_of_only_spaces_is_refused(tmp_path, capsys):
    path = scenario_file(tmp_path, lambda d: d.update(title=" \u3000 "))
    assert_refused_everywhere(capsys, path, "title", "must have visible characters")


# --- whatever slips through is one line, never a traceback ------------------------------------------------------


def test_an_internal_error_is_one_line_with_exit_code_3(tmp_path, capsys, monkeypatch):
    from chengyu_accord.cost_sharing import report

    def broken(_scenario):
        raise ZeroDivisionError("boom\nsecond line")

    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    monkeypatch.setattr(report, "compute_document", broken)
    code, _, err = run(capsys, "compute", ROOT / "examples" / "gaozhu-startup-by-weights.json", "--json")
    assert code == cli.EXIT_BUG
    assert err.count("\n") == 1
    assert "internal error (ZeroDivisionError: boom\\nsecond line)" in err
