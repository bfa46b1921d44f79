"""Reading and writing monitoring files off the GUI thread, one at a time.

A year of samples for fifty sections reads in a fraction of a second, a large workbook in seconds: the window
must not freeze meanwhile. :class:`FileTask` runs one Qt-free function in a worker thread and reports on the GUI
thread through a queued signal (as the application's compute runner does, with a relay that has no parent, so a
worker finishing after its workspace was closed emits into a live object whose connections Qt has dropped).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal


class _Relay(QObject):
    ended = Signal(object, bool, object)  # tag, succeeded, result or exception


class FileTask(QObject):
    """Runs ``fn(*args)`` in a worker thread; ``finished(tag, result)`` or ``failed(tag, exception)`` afterwards."""

    finished = Signal(object, object)
    failed = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._relay.ended.connect(self._on_ended, Qt.ConnectionType.QueuedConnection)
        self._running: object = None
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return self._running is not None

    def start(self, tag: object, fn: Callable[..., Any], *args: Any) -> bool:
        """Start ``fn`` unless another task runs (False then: one file at a time)."""
        if self._running is not None:
            return False
        self._running = tag
        relay = self._relay

        def work() -> None:
            try:
                result = fn(*args)
            except Exception as exc:  # reported on the GUI thread, where the user is told
                relay.ended.emit(tag, False, exc)
            else:
                relay.ended.emit(tag, True, result)

        self._thread = threading.Thread(target=work, name="accord-monitoring-file", daemon=True)
        self._thread.start()
        return True

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the worker thread (tests, and closing)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _on_ended(self, tag: object, succeeded: bool, payload: object) -> None:
        self._running = None
        self._thread = None
        (self.finished if succeeded else self.failed).emit(tag, payload)
