"""Start-up never fails because of a file Accord wrote itself: damaged recovery copies and preferences are set aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from chengyu_accord.cost_sharing.presets import default_scenario
from chengyu_accord.cost_sharing.storage import SetAside
from chengyu_accord.desktop import app as accord_app
from chengyu_accord.desktop.autosave import RECOVERY_FILE, RECOVERY_FORMAT, Recovery, find_recovery
from chengyu_accord.desktop.settings import SETTINGS_VERSION, Preferences


def _recovery(scenario: object) -> bytes:
    return json.dumps({"format": RECOVERY_FORMAT, "saved_at": "2026-12-02T08:30:00", "scenario": scenario}).encode()


def _huge_figure() -> bytes:
    data = default_scenario().to_json_data()
    figure = next(iter(data["parties"][0]["figures"].values()))
    figure["value"] = "1e1000000"
    return _recovery(data)


CORRUPT_RECOVERY = {
    "top-level list": b"[1, 2, 3]",
    "scenario is a list": _recovery([]),
    "deep nesting": b'{"format": "accord-recovery/1", "scenario": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "1e1000000 as text": _huge_figure(),
    "1e1000000 as a number": b'{"format": "accord-recovery/1", "scenario": {"schema_version": 1e1000000}}',
    "truncated": _recovery(default_scenario().to_json_data())[:-200],
    "binary": b"\x00\x01\x02\xff" * 50,
}


def _set_aside_copies(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.corrupt-*"))


@pytest.mark.parametrize("content", CORRUPT_RECOVERY.values(), ids=CORRUPT_RECOVERY.keys())
def test_find_recovery_sets_a_damaged_copy_aside_instead_of_raising(tmp_path, content):
    (tmp_path / RECOVERY_FILE).write_bytes(content)
    found = find_recovery(tmp_path)
    assert isinstance(found, SetAside)
    assert "\n" not in found.reason
    assert len(found.reason) < 400
    assert not (tmp_path / RECOVERY_FILE).exists()
    (aside,) = _set_aside_copies(tmp_path, RECOVERY_FILE)
    assert found.moved_to == aside
    assert aside.read_bytes() == content  # set aside, never deleted
    assert aside.name.startswith("recovery.json.corrupt-2")


def test_a_sound_recovery_copy_is_still_offered(tmp_path):
    (tmp_path / RECOVERY_FILE).write_bytes(_recovery(default_scenario().to_json_data()))
    found = find_recovery(tmp_path)
    assert isinstance(found, Recovery)
    assert found.scenario == default_scenario()


def test_two_damaged_copies_in_one_second_do_not_overwrite_each_other(tmp_path):
    for content in (b"[1]", b"[2]"):
        (tmp_path / RECOVERY_FILE).write_bytes(content)
        assert isinstance(find_recovery(tmp_path), SetAside)
    assert sorted(p.read_bytes() for p in _set_aside_copies(tmp_path, RECOVERY_FILE)) == [b"[1]", b"[2]"]


# --- the real start-up path -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["top-level list", "scenario is a list", "deep nesting", "1e1000000 as text", "1e1000000 as a number"]
)
def test_the_app_starts_with_a_corrupt_recovery_copy_and_says_so(make_window, recovery_folder, name):
    recovery_folder.mkdir(parents=True)
    (recovery_folder / RECOVERY_FILE).write_bytes(CORRUPT_RECOVERY[name])
    window = make_window()  # ask_restore would fail the test: a damaged copy is never offered
    assert window.isVisible()
    assert window.document.scenario == default_scenario()
    (aside,) = _set_aside_copies(recovery_folder, RECOVERY_FILE)
    message = window.statusBar().currentMessage()
    assert "恢复副本无法读取" in message  # the interface starts in Chinese
    assert str(aside) in message
    assert "\n" not in message


def _settings_file() -> Path:
    accord_app.create_application()
    return Path(QSettings().fileName())


@pytest.mark.parametrize(
    "content",
    [
        b"[ui\nlanguage=en\n",
        b"\x00\x01garbage\xff\xfe",
        b"[meta]\nsettings_version=abc\n",
        b"[ui]\nlanguage=\xff\xfe\n",
    ],
    ids=["unclosed section", "binary", "version not a number", "not UTF-8"],
)
def test_the_app_starts_with_a_corrupt_preferences_file_and_says_so(make_window, content):
    settings = _settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_bytes(content)
    window = make_window()
    assert window.isVisible()
    (aside,) = _set_aside_copies(settings.parent, settings.name)
    assert aside.read_bytes() == content
    message = window.statusBar().currentMessage()
    assert "偏好设置文件无法读取" in message
    assert str(aside) in message
    assert "现使用默认设置" in message
    assert window.close()
    assert _set_aside_copies(settings.parent, settings.name) == [aside]  # reported and set aside once
    assert Preferences().set_aside is None  # the fresh file written on close reads cleanly


def test_a_corrupt_recovery_copy_and_corrupt_preferences_are_both_reported(make_window, recovery_folder):
    settings = _settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_bytes(b"[ui\n")
    recovery_folder.mkdir(parents=True)
    (recovery_folder / RECOVERY_FILE).write_bytes(b"[]")
    message = make_window().statusBar().currentMessage()
    assert "恢复副本无法读取" in message  # the interface starts in Chinese
    assert "偏好设置文件无法读取" in message


def test_preferences_from_a_newer_accord_are_read_and_never_rewritten(make_window):
    settings = _settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    newer = b"[meta]\nsettings_version=7\n\n[ui]\nlanguage=en\n\n[future]\nknob=42\n"
    settings.write_bytes(newer)
    window = make_window()
    assert window.language.language == "en"  # read what can be read
    message = window.statusBar().currentMessage()
    assert "written by a newer Accord (format 7)" in message
    window.preferences.language = "zh_CN"
    assert window.preferences.language == "zh_CN"  # the session follows the change…
    assert window.close()
    assert settings.read_bytes() == newer  # …but the file is never stamped back to an older format
    assert _set_aside_copies(settings.parent, settings.name) == []


def test_old_or_empty_preferences_are_stamped_with_the_current_version(tmp_path):
    path = tmp_path / "prefs.ini"
    preferences = Preferences(QSettings(str(path), QSettings.Format.IniFormat))
    assert preferences.newer_version is None
    assert preferences.set_aside is None
    preferences.sync()
    assert f"settings_version={SETTINGS_VERSION}" in path.read_text(encoding="utf-8")


def test_garbled_window_state_and_recent_files_are_ignored(tmp_path):
    path = tmp_path / "prefs.ini"
    path.write_bytes(b"[files]\nrecent=@Variant(\\0\\0\\0\\x7f)\n[window]\ngeometry=@ByteArray(zz\nstate=text\n")
    preferences = Preferences(QSettings(str(path), QSettings.Format.IniFormat))
    assert preferences.window_state() == (None, None)
    assert preferences.recent_files() == []
