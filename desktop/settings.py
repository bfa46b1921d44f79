"""User preferences behind one adapter over QSettings.

Keys are ``group/key`` names, every read passes ``type=`` (QSettings returns
"true"/"false" strings for booleans on some back ends), and a
``settings_version`` lets a later Accord migrate old preferences. Scenario data
never goes here: scenarios live in their own files.

Start-up never fails because of this file: one that cannot be read is set aside
(renamed with a timestamp) and Accord starts on defaults; one written by a newer
Accord is read as far as it goes and never written back in the older format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from chengyu_accord.cost_sharing.storage import SetAside, set_aside

SETTINGS_VERSION = 1
MAX_RECENT = 8
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
VERSION_KEY = "meta/settings_version"


class Preferences:
    """Typed access to the preferences the application keeps between sessions.

    After construction, ``set_aside`` says whether an unreadable preferences file was renamed, and
    ``newer_version`` whether the file comes from a newer Accord (then changes last for this session only).
    """

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else QSettings()
        self.set_aside: SetAside | None = None
        self.newer_version: int | None = None
        self._session: dict[str, Any] = {}
        why = _unreadable(self._s)
        if why is not None:
            self.set_aside = set_aside(Path(self._s.fileName()), why)
            self._s = QSettings(self._s.fileName(), self._s.format())
        version = _stored_version(self._s) or 0
        if version > SETTINGS_VERSION:
            self.newer_version = version
        elif version != SETTINGS_VERSION:
            self._migrate(version)

    @property
    def read_only(self) -> bool:
        """True for a newer Accord's file: rewriting it in this older format would lose what it knows."""
        return self.newer_version is not None

    def _migrate(self, version: int) -> None:
        """Version 0 means "nothing stored yet"; later versions convert old keys here."""
        self._s.setValue(VERSION_KEY, SETTINGS_VERSION)

    def _value(self, key: str, default: Any, kind: type) -> Any:
        if key in self._session:
            return self._session[key]
        return self._s.value(key, default, type=kind)

    def _set(self, key: str, value: Any) -> None:
        if self.read_only:
            self._session[key] = value
        else:
            self._s.setValue(key, value)

    @property
    def language(self) -> str:
        value = self._value("ui/language", DEFAULT_LANGUAGE, str)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value)

    def recent_files(self) -> list[Path]:
        """Recently opened or saved scenarios, newest first (missing files and garbled entries are dropped)."""
        names = self._value("files/recent", [], list) or []
        return [Path(n) for n in names if isinstance(n, str) and n and "\x00" not in n and Path(n).is_file()]

    def add_recent_file(self, path: Path) -> None:
        names = [str(path.resolve())] + [str(p) for p in self.recent_files() if p.resolve() != path.resolve()]
        self._set("files/recent", names[:MAX_RECENT])

    @property
    def last_dir(self) -> str:
        return self._value("files/last_dir", str(Path.home()), str)

    @last_dir.setter
    def last_dir(self, value: str) -> None:
        self._set("files/last_dir", value)

    @property
    def hint_dismissed(self) -> bool:
        """The first-run hint was closed once; it does not come back."""
        return bool(self._value("ui/hint_dismissed", False, bool))

    @hint_dismissed.setter
    def hint_dismissed(self, value: bool) -> None:
        self._set("ui/hint_dismissed", value)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Saved (geometry, dock/toolbar state), or None for each when nothing (usable) is saved."""
        geometry = self._value("window/geometry", None, QByteArray)
        state = self._value("window/state", None, QByteArray)
        return _bytes_or_none(geometry), _bytes_or_none(state)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._set("window/geometry", geometry)
        self._set("window/state", state)

    def sync(self) -> None:
        if not self.read_only:
            self._s.sync()


def _bytes_or_none(value: object) -> QByteArray | None:
    """A hand-edited file can turn a byte array into text; only real, non-empty bytes are restored."""
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _stored_version(settings: QSettings) -> int | None:
    """The stored ``settings_version`` as a whole number, or None when absent or not a whole number."""
    value = settings.value(VERSION_KEY)
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


def _unreadable(settings: QSettings) -> str | None:
    """Why the preferences cannot be read (one line), or None when they can."""
    status = settings.status()
    if status == QSettings.Status.FormatError:
        return "it is not a valid preferences file"
    if status == QSettings.Status.AccessError:
        return "it cannot be read (access denied)"
    if settings.value(VERSION_KEY) is not None and _stored_version(settings) is None:
        return "its settings_version is not a whole number"
    path = Path(settings.fileName())
    if path.suffix not in (".ini", ".conf") or not path.is_file():
        return None  # the Windows registry or a macOS property list: Qt's own status says it all
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    if b"\x00" in raw:
        return "it holds binary data, not preferences"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"it is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
    if raw.strip() and not settings.allKeys():
        return "it holds no preferences"
    return None
