"""Line breaking: words whole and 避头尾 (no line starts with a closing mark or ends with an opening one)."""

from __future__ import annotations

import pytest

from chengyu_accord.desktop.export.pdf.lines import break_lines, tokens


def _lines(text: str, per_line: int, *, hang: bool) -> list[str]:
    """``text`` broken into lines of ``per_line`` one-em cells (a Latin letter counts half)."""
    units = ["".join(c for c, _ in token) for token in tokens([(c, None) for c in text])]
    widths = [sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in unit) for unit in units]
    return ["".join(units[i] for i in line) for line in break_lines(units, widths, lambda _: per_line, hang=hang)]


def test_a_full_line_breaks_where_it_is_full() -> None:
    assert _lines("甲乙丙丁戊己庚辛", 4, hang=True) == ["甲乙丙丁", "戊己庚辛"]


@pytest.mark.parametrize("hang", [True, False])
def test_an_opening_bracket_never_ends_a_line(hang: bool) -> None:
    assert _lines("甲乙丙（丁戊）己", 4, hang=hang) == ["甲乙丙", "（丁戊）", "己"]


def test_a_closing_mark_hangs_at_the_end_of_the_line() -> None:
    assert _lines("甲乙丙丁。戊己", 4, hang=True) == ["甲乙丙丁。", "戊己"]


def test_without_hanging_the_last_character_goes_down_with_the_closing_mark() -> None:
    assert _lines("甲乙丙丁。戊己", 4, hang=False) == ["甲乙丙", "丁。戊己"]


def test_two_closing_marks_are_not_hung_but_go_down_together() -> None:
    assert _lines("甲乙丙（丁）。戊", 5, hang=True) == ["甲乙丙", "（丁）。戊"]


def test_latin_words_stay_whole_and_spaces_at_a_break_go() -> None:
    lines = _lines("the total cost shared by the Parties", 10, hang=False)
    assert lines == ["the total cost", "shared by the", "Parties"]
    assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines)


def test_a_line_of_nothing_but_brackets_is_still_broken() -> None:
    assert _lines("（（（（（（", 4, hang=False) == ["（（（（", "（（"]


def test_a_compound_may_break_after_its_hyphen_but_a_number_range_not() -> None:
    assert _lines("for interest-coordination", 10, hang=False) == ["for interest-", "coordination"]
    assert _lines("in 2020-2022 terms", 4, hang=False) == ["in", "2020-2022", "terms"]
