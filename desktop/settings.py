"""User preferences behind one adapter over QSettings.

Keys are ``group/key`` names, every read passes ``type=`` (QSettings returns
"true"/"false" strings for booleans on some back ends), and a
``settings_version`` lets a later Accord migrate old preferences. Scenario data
never goes here: scenarios live in their own files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1
MAX_RECENT = 8
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


class Preferences:
    """Typed access to the preferences the application keeps between sessions."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else QSettings()
        version = self._s.value("meta/settings_version", 0, type=int)
        if version != SETTINGS_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        """Version 0 means "nothing stored yet"; later versions convert old keys here."""
        self._s.setValue("meta/settings_version", SETTINGS_VERSION)

    @property
    def language(self) -> str:
        value = self._s.value("ui/language", DEFAULT_LANGUAGE, type=str)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    def recent_files(self) -> list[Path]:
        """Recently opened or saved scenarios, newest first (missing files are dropped)."""
        names = self._s.value("files/recent", [], type=list) or []
        return [Path(n) for n in names if n and Path(n).is_file()]

    def add_recent_file(self, path: Path) -> None:
        names = [str(path.resolve())] + [str(p) for p in self.recent_files() if p.resolve() != path.resolve()]
        self._s.setValue("files/recent", names[:MAX_RECENT])

    @property
    def last_dir(self) -> str:
        return self._s.value("files/last_dir", str(Path.home()), type=str)

    @last_dir.setter
    def last_dir(self, value: str) -> None:
        self._s.setValue("files/last_dir", value)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Saved (geometry, dock/toolbar state), or None for each when nothing is saved yet."""
        geometry = self._s.value("window/geometry", None, type=QByteArray)
        state = self._s.value("window/state", None, type=QByteArray)
        return (geometry or None), (state or None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def sync(self) -> None:
        self._s.sync()
