"""Computations off the GUI thread, latest wins.

An exact nucleolus or a Monte Carlo run can take seconds, and a slider drag asks
for a new result dozens of times a second. :class:`ComputeRunner` runs a Qt-free
compute function in one worker thread and keeps at most one computation running
and one waiting: a new request cancels the running one (through its
:class:`~chengyu_accord.cost_sharing.progress.Progress`) and replaces whatever
was waiting, so stale positions are never computed and only the newest
request's result is ever delivered. Results come back to the GUI thread through
queued signals; the window never waits for the worker (after Orange3's
``ConcurrentMixin``, with our own code).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, Signal

from chengyu_accord.cost_sharing.progress import Cancelled, Progress

ComputeFn = Callable[[object, Progress], object]
"""``compute(scenario, progress) -> result``: module-level, Qt-free, may raise :class:`Cancelled` or any error."""

PROGRESS_INTERVAL = 0.05
"""Seconds between progress signals: 20 a second move a bar smoothly without flooding the event loop."""
THREAD_NAME = "accord-compute"


@dataclass(eq=False)
class _Task:
    """One request: its scenario, its serial number (higher is newer) and its cancel switch."""

    scenario: object
    serial: int
    progress: Progress = field(default_factory=Progress)
    reported: float = -1.0  # worker thread only: the last fraction sent, and when
    reported_at: float = float("-inf")


class _Relay(QObject):
    """Carries a worker's news to the GUI thread.

    It has no parent and the worker holds it, so a worker finishing after its runner was deleted emits into a
    live object whose connections Qt has already dropped, never into a deleted one.
    """

    ended = Signal(object, str, object)  # task, "done" | "failed" | "cancelled", result or message
    progressed = Signal(object, float)


class ComputeRunner(QObject):
    """Runs ``compute_fn`` in one worker thread, newest request first; reports through signals on the GUI thread."""

    busy_changed = Signal(bool)
    """True when work starts; False once nothing is running or waiting."""
    progress_changed = Signal(float)
    """The running computation's progress, 0..1, at most about 20 times a second (0 when one starts)."""
    finished = Signal(object, object)
    """``(scenario, result)`` for the newest request only: a superseded result is dropped."""
    failed = Signal(object, str)
    """``(scenario, message)``: the newest request raised; the message is one line, never a traceback."""
    cancelled = Signal()
    """The work stopped after :meth:`cancel`."""

    def __init__(self, compute_fn: ComputeFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._compute = compute_fn
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=THREAD_NAME)
        self._relay = _Relay()
        self._relay.ended.connect(self._on_ended, Qt.ConnectionType.QueuedConnection)
        self._relay.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)
        self._running: _Task | None = None
        self._pending: _Task | None = None
        self._serial = 0
        self._cancel_requested = False
        self._closed = False

    @property
    def busy(self) -> bool:
        """Whether a computation is running (or waiting for the running one to stop)."""
        return self._running is not None

    def submit(self, scenario: object) -> None:
        """Compute ``scenario`` in the worker; a computation still running is cancelled and its result dropped."""
        if self._closed:
            raise RuntimeError("the compute runner has been shut down")
        task = self._new_task(scenario)
        self._cancel_requested = False
        if self._running is None:
            self._start(task)
            self.busy_changed.emit(True)
        else:  # the worker is free as soon as the running one notices it is cancelled
            self._running.progress.cancel()
            self._pending = task

    def run_sync(self, scenario: object) -> None:
        """Compute ``scenario`` now, on this thread, and report through the same signals as :meth:`submit`.

        For computations measured cheap: no thread hop, the result is on screen before this returns. Work still
        in the worker is older, so it is cancelled and its result dropped.
        """
        task = self._new_task(scenario)
        self._drop_queued_work()
        try:
            result = self._compute(scenario, task.progress)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:
            self.failed.emit(scenario, _one_line(exc))
        else:
            self.finished.emit(scenario, result)

    def cancel(self) -> None:
        """Stop the running computation and forget the waiting one; :attr:`cancelled` follows once it has stopped."""
        if self._running is not None:
            self._drop_queued_work()
            self._cancel_requested = True

    def shutdown(self) -> None:
        """Cancel everything and wait for the worker to stop (on window close); emits nothing more."""
        self._closed = True
        self._drop_queued_work()
        self._executor.shutdown(wait=True)
        self._running = None

    # --- internals ------------------------------------------------------------------------------

    def _new_task(self, scenario: object) -> _Task:
        self._serial += 1
        return _Task(scenario, self._serial)

    def _drop_queued_work(self) -> None:
        self._pending = None
        if self._running is not None:
            self._running.progress.cancel()

    def _start(self, task: _Task) -> None:
        self._running = task
        relay = self._relay  # the worker's callback must not reach the runner, which may be gone by then
        task.progress = Progress(lambda fraction: _report(relay, task, fraction))
        self.progress_changed.emit(0.0)
        self._executor.submit(_work, self._compute, task, self._relay)

    def _on_progressed(self, task: _Task, fraction: float) -> None:
        if task is self._running and not task.progress.cancelled and not self._closed:
            self.progress_changed.emit(fraction)

    def _on_ended(self, task: _Task, outcome: str, payload: object) -> None:
        if self._closed or task is not self._running:
            return
        self._running = None
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._start(pending)
            return
        if self._cancel_requested:
            self._cancel_requested = False
            self.cancelled.emit()
        elif task.serial == self._serial:  # not overtaken by run_sync
            if outcome == "done":
                self.finished.emit(task.scenario, payload)
            elif outcome == "failed":
                self.failed.emit(task.scenario, payload)
        if self._running is None:  # a slot above may have submitted again
            self.busy_changed.emit(False)


def _work(compute: ComputeFn, task: _Task, relay: _Relay) -> None:
    """The worker thread's whole job: compute, then tell the GUI thread how it ended."""
    try:
        result = compute(task.scenario, task.progress)
    except Cancelled:
        relay.ended.emit(task, "cancelled", None)
    except Exception as exc:
        relay.ended.emit(task, "failed", _one_line(exc))
    else:
        relay.ended.emit(task, "done", result)


def _report(relay: _Relay, task: _Task, fraction: float) -> None:
    """Pass progress on when it has risen and enough time has passed (runs on the worker thread)."""
    now = time.monotonic()
    if fraction > task.reported and (fraction >= 1.0 or now - task.reported_at >= PROGRESS_INTERVAL):
        task.reported, task.reported_at = fraction, now
        relay.progressed.emit(task, fraction)


def _one_line(exc: Exception) -> str:
    """What a negotiator can read in a status line: the error's own message, first line only."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
