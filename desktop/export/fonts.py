"""Finding and registering the CJK fonts reportlab can embed, by role, with a per-character fallback.

reportlab embeds only TrueType-outline fonts (as a subset); CFF fonts such as Noto CJK
or Fandol are refused. The agreement uses two roles, as GB/T 9704 does:

- ``song`` — the body, tables and notes: a Song/仿宋-style font (Windows 仿宋 ``simfang.ttf`` or
  宋体 ``simsun.ttc``; on Debian AR PL SungtiL GB from fonts-arphic-gbsn00lp, or AR PL UMing);
- ``hei`` — the title, article headings, page numbers and footer: a 黑体 (WenQuanYi Zen Hei from
  Debian's fonts-wqy-zenhei, or Windows 黑体 ``simhei.ttf``).

A font bundled in ``resources/fonts`` comes first for the role its file name suggests (hei/sans →
``hei``, otherwise ``song``). The **fallback** is the found font that covers the most characters
(WenQuanYi Zen Hei where installed). A character the role font lacks is drawn in the fallback;
only a character that no used font has is refused (:func:`missing_glyphs`). With a single font
found, every role uses it.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

SONG = "song"
HEI = "hei"
ROLES = (SONG, HEI)


class FontError(RuntimeError):
    """No embeddable CJK font was found; the message says what to install."""


@dataclass(frozen=True)
class FontChoice:
    """A font file (and its index inside a .ttc collection), the role it suits, and a name for reports."""

    path: Path
    subfont_index: int
    name: str
    style: str = SONG

    @functools.cached_property
    def alias(self) -> str:
        """The reportlab name: one per file and index, so registering again is harmless."""
        stem = re.sub(r"[^A-Za-z0-9]+", "", self.path.stem) or "font"
        return f"Accord-{stem}-{self.subfont_index}"


_LINUX_CANDIDATES: tuple[tuple[str, int, str, str], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, "WenQuanYi Zen Hei", HEI),
    ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0, "AR PL SungtiL GB", SONG),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0, "AR PL UMing CN", SONG),
    ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", 0, "LXGW WenKai", "kai"),
    ("/usr/share/fonts/truetype/lxgw/LXGWWenKai-Regular.ttf", 0, "LXGW WenKai", "kai"),
)
_WINDOWS_CANDIDATES: tuple[tuple[str, int, str, str], ...] = (
    ("simfang.ttf", 0, "FangSong (仿宋)", SONG),
    ("simsun.ttc", 0, "SimSun (宋体)", SONG),
    ("simhei.ttf", 0, "SimHei (黑体)", HEI),
    ("simkai.ttf", 0, "KaiTi (楷体)", "kai"),
)
FONT_HELP = (
    "no Chinese font that can be embedded in a PDF was found. Install WenQuanYi Zen Hei and AR PL SungtiL GB "
    "(Debian/Ubuntu: apt-get install fonts-wqy-zenhei fonts-arphic-gbsn00lp, which `bash accord run` does), or "
    "put a TrueType CJK font (.ttf/.ttc, not an OpenType-CFF font such as Noto CJK) into resources/fonts/."
)


def _bundled_style(name: str) -> str:
    return HEI if re.search(r"hei|sans|黑", name, re.IGNORECASE) else SONG


def candidates() -> list[FontChoice]:
    """Every font file that would be tried, in order (existing or not)."""
    found: list[FontChoice] = []
    bundled = files("chengyu_accord.resources").joinpath("fonts")
    if bundled.is_dir():
        for entry in sorted(bundled.iterdir(), key=lambda e: e.name):
            if entry.name.lower().endswith((".ttf", ".ttc")):
                stem = Path(entry.name).stem
                found.append(FontChoice(Path(str(entry)), 0, stem, _bundled_style(stem)))
    found.extend(FontChoice(Path(p), i, n, s) for p, i, n, s in _LINUX_CANDIDATES)
    windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    if sys.platform == "win32":
        found.extend(FontChoice(windir / p, i, n, s) for p, i, n, s in _WINDOWS_CANDIDATES)
    return found


def _glyph_count(choice: FontChoice) -> int | None:
    """How many glyphs a font with TrueType outlines has (cheap); None if missing, unreadable or CFF."""
    from fontTools.ttLib import TTFont

    if not choice.path.is_file():
        return None
    try:
        font = TTFont(choice.path, fontNumber=choice.subfont_index, lazy=True)
        return font["maxp"].numGlyphs if "glyf" in font else None
    except Exception:  # an unreadable file: try the next candidate
        return None


def _load_cmap(choice: FontChoice) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(choice.path, fontNumber=choice.subfont_index, lazy=True).getBestCmap())


@dataclass
class FontSet:
    """The fonts an agreement is drawn with: one per role, plus the fallback, each with its character map."""

    roles: dict[str, FontChoice]
    fallback: FontChoice
    cmaps: dict[FontChoice, frozenset[int]]
    _resolved: dict[tuple[str, str], FontChoice] = field(default_factory=dict, repr=False)
    _aliases: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    @property
    def used(self) -> list[FontChoice]:
        """Every distinct font drawn with: the role fonts, then the fallback."""
        fonts: list[FontChoice] = []
        for choice in (*self.roles.values(), self.fallback):
            if choice not in fonts:
                fonts.append(choice)
        return fonts

    def chain(self, role: str) -> tuple[FontChoice, ...]:
        """The fonts tried for a character of ``role``, in order."""
        first = self.roles[role]
        return (first,) if first == self.fallback else (first, self.fallback)

    def font_for(self, role: str, char: str) -> FontChoice:
        """The font a character of ``role`` is drawn with (the role font when no font has it)."""
        key = (role, char)
        found = self._resolved.get(key)
        if found is None:
            code = ord(char)
            found = next((c for c in self.chain(role) if code in self.cmaps[c]), self.roles[role])
            self._resolved[key] = found
        return found

    def alias_for(self, role: str, char: str) -> str:
        """The reportlab name of :meth:`font_for` (cached: the PDF asks this for every character)."""
        key = (role, char)
        alias = self._aliases.get(key)
        if alias is None:
            alias = self._aliases[key] = self.font_for(role, char).alias
        return alias

    def runs(self, text: str, role: str) -> list[tuple[str, str]]:
        """``text`` cut into (reportlab font alias, text) runs, each run drawn with one font."""
        pieces: list[tuple[str, str]] = []
        for char in text:
            alias = self.alias_for(role, char)
            if pieces and pieces[-1][0] == alias:
                pieces[-1] = (alias, pieces[-1][1] + char)
            else:
                pieces.append((alias, char))
        return pieces

    def covers(self, char: str) -> bool:
        """Whether some used font has ``char``."""
        code = ord(char)
        return any(code in cmap for cmap in self.cmaps.values())

    def describe(self) -> str:
        """'song: AR PL SungtiL GB; hei: WenQuanYi Zen Hei; fallback: WenQuanYi Zen Hei'."""
        parts = [f"{role}: {choice.name}" for role, choice in self.roles.items()]
        return "; ".join([*parts, f"fallback: {self.fallback.name}"])


def choose_fonts(choices: list[FontChoice]) -> FontSet:
    """The role fonts and the fallback among ``choices`` (those that exist and have TrueType outlines).

    The fallback is the font with the most glyphs (the first of them in candidate order); character
    maps are read only for the fonts used.
    """
    glyphs: dict[FontChoice, int] = {}
    for choice in choices:
        if choice not in glyphs and (count := _glyph_count(choice)) is not None:
            glyphs[choice] = count
    if not glyphs:
        raise FontError(FONT_HELP)
    found = list(glyphs)
    fallback = max(found, key=lambda c: glyphs[c])
    roles = {role: next((c for c in found if c.style == role), fallback) for role in ROLES}
    used = {*roles.values(), fallback}
    return FontSet(roles, fallback, {c: _load_cmap(c) for c in found if c in used})


@functools.cache
def font_set() -> FontSet:
    """The fonts of this machine (found once per process); :class:`FontError` if there is none."""
    return choose_fonts(candidates())


def find_font() -> FontChoice:
    """The fallback font, the one covering the most characters."""
    return font_set().fallback


_IGNORED = frozenset("\n\r\t")


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` that no used font can draw, each once, in order (the GUI calls this on entry)."""
    fonts = font_set()
    missing: list[str] = []
    for char in text:
        if char not in _IGNORED and char not in missing and not fonts.covers(char):
            missing.append(char)
    return missing


def describe_char(char: str) -> str:
    """'𠀀' (U+20000) — how a missing character is named in messages."""
    return f"'{char}' (U+{ord(char):04X})"


def register_fonts() -> FontSet:
    """Register every used font with reportlab under its alias (each embedded as a subset when drawn)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = font_set()
    registered = pdfmetrics.getRegisteredFontNames()
    for choice in fonts.used:
        if choice.alias in registered:
            continue
        try:
            pdfmetrics.registerFont(TTFont(choice.alias, str(choice.path), subfontIndex=choice.subfont_index))
        except Exception as exc:
            raise FontError(f"the font {choice.path} cannot be embedded by reportlab ({exc}); {FONT_HELP}") from exc
    return fonts
