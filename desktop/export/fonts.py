"""Finding and registering a CJK font that reportlab can embed, and checking glyph coverage.

reportlab embeds only TrueType-outline fonts (as a subset); CFF fonts such as Noto CJK
or Fandol are refused. The search order is: a font bundled in ``resources/fonts``, the
Linux system fonts (WenQuanYi Zen Hei from Debian's fonts-wqy-zenhei, which the
``accord`` setup script installs; AR PL; LXGW WenKai), then the Windows fonts. The
first one found is used for every element, so the document has one embedded font.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

FONT_ALIAS = "AccordCJK"
"""The alias the PDF styles refer to (resources/pdf_styles)."""


class FontError(RuntimeError):
    """No embeddable CJK font was found; the message says what to install."""


@dataclass(frozen=True)
class FontChoice:
    """A font file (and its index inside a .ttc collection) with a name for reports."""

    path: Path
    subfont_index: int
    name: str


_LINUX_CANDIDATES: tuple[tuple[str, int, str], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, "WenQuanYi Zen Hei"),
    ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0, "AR PL SungtiL GB"),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0, "AR PL UMing CN"),
    ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", 0, "LXGW WenKai"),
    ("/usr/share/fonts/truetype/lxgw/LXGWWenKai-Regular.ttf", 0, "LXGW WenKai"),
)
_WINDOWS_CANDIDATES: tuple[tuple[str, int, str], ...] = (
    ("simfang.ttf", 0, "FangSong (仿宋)"),
    ("simsun.ttc", 0, "SimSun (宋体)"),
    ("simhei.ttf", 0, "SimHei (黑体)"),
    ("simkai.ttf", 0, "KaiTi (楷体)"),
)
FONT_HELP = (
    "no Chinese font that can be embedded in a PDF was found. Install WenQuanYi Zen Hei "
    "(Debian/Ubuntu: apt-get install fonts-wqy-zenhei, which `bash accord run` does), or put a TrueType "
    "CJK font (.ttf/.ttc, not an OpenType-CFF font such as Noto CJK) into resources/fonts/."
)


def candidates() -> list[FontChoice]:
    """Every font file that would be tried, in order (existing or not)."""
    found: list[FontChoice] = []
    bundled = files("chengyu_accord.resources").joinpath("fonts")
    if bundled.is_dir():
        for entry in sorted(bundled.iterdir(), key=lambda e: e.name):
            if entry.name.lower().endswith((".ttf", ".ttc")):
                found.append(FontChoice(Path(str(entry)), 0, Path(entry.name).stem))
    found.extend(FontChoice(Path(p), i, n) for p, i, n in _LINUX_CANDIDATES)
    windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    if sys.platform == "win32":
        found.extend(FontChoice(windir / p, i, n) for p, i, n in _WINDOWS_CANDIDATES)
    return found


@functools.cache
def find_font() -> FontChoice:
    """The first candidate font that exists and has TrueType outlines; :class:`FontError` if none."""
    from fontTools.ttLib import TTFont

    for choice in candidates():
        if not choice.path.is_file():
            continue
        try:
            font = TTFont(choice.path, fontNumber=choice.subfont_index, lazy=True)
        except Exception:  # an unreadable file: try the next candidate
            continue
        if "glyf" in font:
            return choice
    raise FontError(FONT_HELP)


@functools.cache
def font_cmap() -> frozenset[int]:
    """The code points the chosen font can draw."""
    from fontTools.ttLib import TTFont

    choice = find_font()
    font = TTFont(choice.path, fontNumber=choice.subfont_index, lazy=True)
    return frozenset(font.getBestCmap())


_IGNORED = frozenset("\n\r\t")


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` the font cannot draw, each once, in order (the GUI calls this on entry)."""
    cmap = font_cmap()
    missing: list[str] = []
    for char in text:
        if char not in _IGNORED and ord(char) not in cmap and char not in missing:
            missing.append(char)
    return missing


def describe_char(char: str) -> str:
    """'𠀀' (U+20000) — how a missing character is named in messages."""
    return f"'{char}' (U+{ord(char):04X})"


@functools.cache
def register_font() -> FontChoice:
    """Register the chosen font with reportlab under :data:`FONT_ALIAS` (embedded as a subset)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    choice = find_font()
    try:
        pdfmetrics.registerFont(TTFont(FONT_ALIAS, str(choice.path), subfontIndex=choice.subfont_index))
    except Exception as exc:
        raise FontError(f"the font {choice.path} cannot be embedded by reportlab ({exc}); {FONT_HELP}") from exc
    return choice
