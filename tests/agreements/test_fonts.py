"""Fonts by role (Song-style body, 黑体 headings) and the per-character fallback to the widest font."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from agreement_helpers import HOSTILE_NAME, body_text, built_scenario, drawn_chars, embedded_fonts, needs

from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.desktop.export import fonts, render_agreement
from chengyu_accord.desktop.export.fonts import HEI, SONG, FontChoice, choose_fonts, font_set, missing_glyphs

RARE = "赟"  # U+8D5F: in GBK but not GB2312, so not in AR PL SungtiL GB; WenQuanYi Zen Hei has it


def _with_rare_name(name: str) -> object:
    scenario = built_scenario()
    parties = (scenario.parties[0].model_copy(update={"name_zh": name}), *scenario.parties[1:])
    return scenario.model_copy(update={"parties": parties})


def test_roles_pick_a_song_body_font_and_a_hei_heading_font() -> None:
    chosen = font_set()
    assert set(chosen.roles) == {SONG, HEI}
    assert chosen.fallback in chosen.used
    assert all(len(chosen.cmaps[chosen.fallback]) >= len(cmap) for cmap in chosen.cmaps.values())
    for role, choice in chosen.roles.items():  # a role takes a font of its style whenever one was found
        if any(c.style == role for c in chosen.cmaps):
            assert choice.style == role


def test_body_is_drawn_in_the_song_font_and_headings_in_the_hei_font(tmp_path: Path) -> None:
    pdf = render_agreement(built_scenario(), tmp_path / "roles.pdf")
    embedded = embedded_fonts()
    chosen = font_set()
    doc = build_agreement(built_scenario())
    heading = doc.articles[0].heading
    body = "本协议"  # running text of every agreement
    seen: dict[str, set[FontChoice]] = {}
    for char, font_name, size in drawn_chars(pdf):
        if size == pytest.approx(16):
            choice = embedded.choice(font_name)
            assert choice is not None
            seen.setdefault(char, set()).add(choice)
    for char in heading:
        assert chosen.roles[HEI] in seen[char], f"{char!r} of the heading {heading} not in {chosen.roles[HEI].name}"
    for char in body:
        assert chosen.roles[SONG] in seen[char], f"{char!r} of the body not in {chosen.roles[SONG].name}"


def test_a_character_the_body_font_lacks_is_drawn_in_the_fallback(tmp_path: Path) -> None:
    chosen = font_set()
    if ord(RARE) not in chosen.cmaps[chosen.fallback]:
        pytest.skip(f"the fallback font {chosen.fallback.name} lacks {RARE}")
    assert missing_glyphs(RARE) == []  # the union of the fonts counts, not the body font alone
    name = f"{RARE}<b>&\"'{RARE}镇"
    pdf = render_agreement(_with_rare_name(name), tmp_path / "fallback.pdf")
    embedded = embedded_fonts()
    drawn = [(char, embedded.choice(font)) for char, font, _ in drawn_chars(pdf)]
    rare = [choice for char, choice in drawn if char == RARE]
    # parties block, signature block (grid), amount table, annex table (paragraphs), chart (strings)
    assert len(rare) >= 10
    assert set(rare) == {chosen.fallback}
    assert name in body_text(pdf)  # the runs join up into the literal name, markup characters included
    if ord(RARE) not in chosen.cmaps[chosen.roles[SONG]]:  # the point: Song lacks it, the rest stays in Song
        assert any(char == "镇" and choice == chosen.roles[SONG] for char, choice in drawn)


@pytest.fixture
def only_fallback(monkeypatch: pytest.MonkeyPatch) -> Iterator[FontChoice]:
    """A machine with the fallback font alone (no Song font installed)."""
    fallback = font_set().fallback
    monkeypatch.setattr(fonts, "candidates", lambda: [fallback])
    fonts.font_set.cache_clear()
    yield fallback
    fonts.font_set.cache_clear()


def test_the_fallback_font_alone_draws_everything(only_fallback: FontChoice, tmp_path: Path) -> None:
    chosen = font_set()
    assert chosen.used == [only_fallback]
    assert chosen.roles == {SONG: only_fallback, HEI: only_fallback}
    scenario = _with_rare_name(HOSTILE_NAME)
    pdf = render_agreement(scenario, tmp_path / "single.pdf")
    embedded = embedded_fonts()
    assert {embedded.choice(font) for _, font, _ in drawn_chars(pdf)} == {only_fallback}
    assert HOSTILE_NAME in body_text(pdf)
    needs("pdffonts")
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert all(row.split()[-5:-3] == ["yes", "yes"] for row in listing.splitlines()[2:])


def test_no_font_at_all_says_what_to_install(tmp_path: Path) -> None:
    with pytest.raises(fonts.FontError, match="fonts-arphic-gbsn00lp"):
        choose_fonts([FontChoice(tmp_path / "none.ttf", 0, "none")])
