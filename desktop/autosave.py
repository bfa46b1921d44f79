"""Crash recovery: a copy of the open scenario, kept fresh while the user works.

The copy is written atomically every 30 seconds when something changed, and at
once after every structural change. A clean exit deletes it, so a copy found at
the next start means Accord did not close properly, and the user is offered to
restore it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from chengyu_accord.cost_sharing.scenario import Scenario
from chengyu_accord.cost_sharing.storage import (
    Problem,
    ScenarioFileError,
    SetAside,
    atomic_write_bytes,
    excerpt,
    parse_json_document,
    scenario_from_data,
    set_aside,
)

from .document import ScenarioDocument

RECOVERY_FORMAT = "accord-recovery/1"
RECOVERY_FILE = "recovery.json"
INTERVAL_MS = 30_000


def recovery_folder() -> Path:
    """Where the recovery copy lives (the per-user application data folder)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


@dataclass(frozen=True)
class Recovery:
    """A recovery copy found at start-up."""

    scenario: Scenario
    original_path: Path | None
    saved_at: str
    dirty: bool


def find_recovery(folder: Path) -> Recovery | SetAside | None:
    """The recovery copy left by a session that did not close properly, None, or the copy that was set aside.

    Accord wrote this file itself, so nothing in it may stop the start: a copy that cannot be read for any
    reason is renamed with a timestamp (never offered, never deleted), and the caller tells the user once.
    """
    path = folder / RECOVERY_FILE
    if not path.is_file():
        return None
    try:
        return _read_recovery(path)
    except ScenarioFileError as exc:
        first = exc.problems[0] if exc.problems else "unreadable"
        more = f" (and {len(exc.problems) - 1} more problems)" if len(exc.problems) > 1 else ""
        return set_aside(path, f"{first}{more}")
    except Exception as exc:  # whatever a damaged copy trips over (OSError, decimal overflow…), start-up goes on
        return set_aside(path, f"a value in it could not be handled ({type(exc).__name__})")


def _read_recovery(path: Path) -> Recovery:
    data = parse_json_document(path.read_bytes())
    if data.get("format") != RECOVERY_FORMAT:
        what = excerpt(data.get("format"))
        raise ScenarioFileError([Problem("format", f"'{what}' is not an Accord recovery copy ({RECOVERY_FORMAT})")])
    original = data.get("original_path")
    if original is not None and not (isinstance(original, str) and original and "\x00" not in original):
        raise ScenarioFileError([Problem("original_path", "expected the path of the scenario file, or null")])
    scenario = scenario_from_data(data.get("scenario"))
    saved_at = data.get("saved_at")
    return Recovery(
        scenario,
        Path(original) if original else None,
        excerpt(saved_at) if isinstance(saved_at, str) else "",
        data.get("dirty") is not False,
    )


class Autosaver(QObject):
    """Keeps ``folder/recovery.json`` in step with the document."""

    failed = Signal(str)
    """The recovery copy could not be written (disk full, folder gone); the message says why."""

    def __init__(self, document: ScenarioDocument, folder: Path, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(document)
        self.document = document
        self.path = folder / RECOVERY_FILE
        self._pending = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_timer)
        self.timer.start()
        document.changed.connect(self._on_document_changed)
        document.structure_changed.connect(self.save_now)

    def _on_document_changed(self, _scenario: object, _result: object) -> None:
        self._pending = True

    def _on_timer(self) -> None:
        if self._pending:
            self.save_now()

    def save_now(self) -> None:
        """Write the recovery copy now (atomically, so a crash mid-write leaves the previous copy)."""
        document = self.document
        data = {
            "format": RECOVERY_FORMAT,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "original_path": str(document.path) if document.path else None,
            "dirty": document.dirty,
            "scenario": document.scenario.to_json_data(),
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        except OSError as exc:  # the session goes on; the next change or tick tries again
            self._pending = True
            self.failed.emit(exc.strerror or str(exc))
            return
        self._pending = False

    def discard(self) -> None:
        """A clean exit: nothing to recover."""
        self.timer.stop()
        self.path.unlink(missing_ok=True)
