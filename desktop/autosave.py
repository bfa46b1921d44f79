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
from chengyu_accord.cost_sharing.storage import ScenarioFileError, atomic_write_bytes, scenario_from_data

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


def find_recovery(folder: Path) -> Recovery | None:
    """The recovery copy left by a session that did not close properly, or None.

    An unreadable copy is set aside (renamed ``.broken``) rather than offered or deleted.
    """
    path = folder / RECOVERY_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != RECOVERY_FORMAT:
            raise ValueError("unknown recovery format")
        scenario = scenario_from_data(data["scenario"])
        original = Path(data["original_path"]) if data.get("original_path") else None
        return Recovery(scenario, original, str(data.get("saved_at", "")), bool(data.get("dirty", True)))
    except (OSError, ValueError, KeyError, TypeError, ScenarioFileError):
        path.replace(path.with_suffix(".broken"))
        return None


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
