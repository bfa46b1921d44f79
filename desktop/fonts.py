"""The CJK font the whole interface is drawn with, found once at start-up.

Qt's own font fallback differs between machines and may draw boxes for Chinese
text; loading one known CJK TrueType font explicitly makes every laptop look
the same, and lets a test check that the font has a glyph for every string.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

FONT_CANDIDATES_LINUX = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # Debian/Ubuntu: fonts-wqy-zenhei
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",  # Fedora
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # fonts-noto-cjk
)
FONT_NAMES_WINDOWS = ("msyh.ttc", "simhei.ttf", "simsun.ttc")
FONT_CANDIDATES_MAC = ("/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Light.ttc")
ENV_OVERRIDE = "ACCORD_CJK_FONT"
UI_POINT_SIZE = 11

_loaded: QFont | None = None


class FontNotFoundError(RuntimeError):
    """No CJK font was found; the message says which package or file to install."""


def candidate_files() -> list[Path]:
    """Font files to try, best first, for this operating system (``$ACCORD_CJK_FONT`` wins)."""
    paths: list[Path] = []
    if override := os.environ.get(ENV_OVERRIDE):
        paths.append(Path(override))
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        paths.extend(windir / "Fonts" / name for name in FONT_NAMES_WINDOWS)
    elif sys.platform == "darwin":
        paths.extend(Path(p) for p in FONT_CANDIDATES_MAC)
    else:
        paths.extend(Path(p) for p in FONT_CANDIDATES_LINUX)
    return paths


def load_cjk_font(point_size: int = UI_POINT_SIZE) -> QFont:
    """Register the first CJK font found and return a QFont for it (needs a QGuiApplication).

    Raises :class:`FontNotFoundError` naming what to install when none is found.
    """
    global _loaded
    if _loaded is not None:
        font = QFont(_loaded)
        font.setPointSize(point_size)
        return font
    tried = candidate_files()
    for path in tried:
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            _loaded = QFont(families[0], point_size)
            return QFont(_loaded)
    listed = "\n  ".join(str(p) for p in tried)
    raise FontNotFoundError(
        "No Chinese (CJK) font was found, so Chinese text cannot be shown. Tried:\n  "
        f"{listed}\nOn Debian/Ubuntu install it with: apt-get install fonts-wqy-zenhei "
        f"(or point {ENV_OVERRIDE} at a .ttf/.ttc file)."
    )
