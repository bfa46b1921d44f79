"""ComputeRunner: long computations run off the GUI thread, only the newest request's result arrives."""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QTimer

from chengyu_accord.cost_sharing.progress import Progress
from chengyu_accord.desktop.compute import THREAD_NAME, ComputeRunner

STEP = 0.01
STARTED: list[int] = []
"""The number of every job the fake compute started, in order (appended from the worker thread)."""


@dataclass(frozen=True)
class Job:
    number: int
    seconds: float = 0.3
    error: str = ""


def sleepy_compute(job: Job, progress: Progress) -> str:
    """Sleeps in small steps like a real solver iterating, reporting progress and honouring cancel."""
    STARTED.append(job.number)
    steps = max(1, round(job.seconds / STEP))
    for step in range(steps):
        progress.check()
        time.sleep(STEP)
        progress.report(step + 1, steps)
    if job.error:
        raise ValueError(job.error)
    return f"result {job.number}"


@pytest.fixture
def runner(qtbot):
    STARTED.clear()
    runner = ComputeRunner(sleepy_compute)
    yield runner
    runner.shutdown()


def _record(signal) -> list[tuple]:
    seen: list[tuple] = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def _wait_idle(qtbot, runner: ComputeRunner, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=timeout)


def test_rapid_submits_compute_only_the_newest(qtbot, runner):
    finished = _record(runner.finished)
    busy = _record(runner.busy_changed)
    for number in range(50):  # a slider drag: events are processed between positions
        runner.submit(Job(number))
        QCoreApplication.processEvents()
    _wait_idle(qtbot, runner)
    assert finished == [(Job(49), "result 49")]
    assert len(STARTED) <= 4
    assert STARTED[-1] == 49
    assert busy == [(True,), (False,)]


def test_progress_rises_within_zero_and_one(qtbot, runner):
    progress = _record(runner.progress_changed)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.submit(Job(1, seconds=0.5))
    values = [value for (value,) in progress]
    assert len(values) >= 4
    assert values == sorted(values)
    assert all(0.0 <= value <= 1.0 for value in values)
    assert len(values) <= 0.5 * 20 + 3  # throttled: about 20 a second, not one per step (50)


def test_cancel_stops_a_long_compute_promptly(qtbot, runner):
    finished = _record(runner.finished)
    with qtbot.waitSignal(runner.progress_changed, check_params_cb=lambda value: value > 0):
        runner.submit(Job(1, seconds=10))
    start = time.monotonic()
    with qtbot.waitSignal(runner.cancelled, timeout=1000):
        runner.cancel()
    assert time.monotonic() - start < 0.5
    _wait_idle(qtbot, runner)
    assert finished == []


def test_an_exception_is_reported_in_one_line(qtbot, runner):
    with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
        runner.submit(Job(1, seconds=0.05, error="权重之和为零\nTraceback (most recent call last): …"))
    assert failed.args == [
        Job(1, seconds=0.05, error="权重之和为零\nTraceback (most recent call last): …"),
        "权重之和为零",
    ]
    _wait_idle(qtbot, runner)


def test_the_gui_thread_stays_responsive_during_a_long_compute(qtbot, runner):
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.submit(Job(1, seconds=2.0))
    timer.stop()
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) > 100
    assert max(gaps) < 0.05


def test_run_sync_reports_at_once_and_drops_older_work(qtbot, runner):
    finished = _record(runner.finished)
    with qtbot.waitSignal(runner.progress_changed, check_params_cb=lambda value: value > 0):
        runner.submit(Job(1, seconds=10))
    runner.run_sync(Job(2, seconds=0.02))
    assert finished == [(Job(2, seconds=0.02), "result 2")]
    _wait_idle(qtbot, runner)
    assert finished == [(Job(2, seconds=0.02), "result 2")]


def test_shutdown_leaves_no_worker_running(qtbot, runner):
    with qtbot.waitSignal(runner.progress_changed, check_params_cb=lambda value: value > 0):
        runner.submit(Job(1, seconds=10))
    start = time.monotonic()
    runner.shutdown()
    assert time.monotonic() - start < 0.5
    assert not [thread for thread in threading.enumerate() if thread.name.startswith(THREAD_NAME)]
    with pytest.raises(RuntimeError):
        runner.submit(Job(2))
