"""Start-up time: Accord's main window shown on the default scenario, against a bare Qt window.

Each run is a fresh Python process, timed from before it is spawned until it
prints that the window has painted for the first time. The floor is a bare
QApplication showing an empty QMainWindow, measured in the same run on the same
machine, so the ratio does not depend on how fast the machine is.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import Section, summary

RUNS = int(os.environ.get("ACCORD_BENCH_RUNS", "7"))
TARGET_RATIO = 6.0
MARKER = "ACCORD-BENCH-SHOWN"
PAINT_TIMEOUT_S = 60
SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "dpr": 1}
"""Offscreen runs get a government laptop's screen, as the application is laid out for it."""

_PAINT_WATCH = f"""
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            print("{MARKER}", extra(), flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            QApplication.instance().removeEventFilter(self)
        return False
"""

FLOOR = (
    _PAINT_WATCH
    + """
import sys
app = QApplication(sys.argv[:1])
extra = lambda: ""
watch = FirstPaint()
app.installEventFilter(watch)
window = QMainWindow()
window.resize(1560, 940)
window.show()
app.exec()
"""
)

ACCORD = (
    _PAINT_WATCH
    + """
import sys, tempfile
from pathlib import Path
from chengyu_accord.desktop import app as accord
application = accord.create_application()
watch = FirstPaint()
application.installEventFilter(watch)
window = accord.launch(recovery_folder=Path(tempfile.mkdtemp()))
extra = lambda: f"parties={window.parties_panel.model.rowCount()} rows={window.workspaces[0].model.rowCount()}"
application.exec()
"""
)


ACCORD_CHART = f"""
import tempfile
from pathlib import Path
from chengyu_accord.desktop import app as accord
application = accord.create_application()
window = accord.launch(recovery_folder=Path(tempfile.mkdtemp()))

def drawn():
    print("{MARKER}", flush=True)
    application.quit()

window.current_chart().plot_ready.connect(drawn)
application.exec()
"""


def time_once(script: str, env: dict[str, str]) -> tuple[float, str]:
    """Seconds from spawning ``python -c script`` to its first-paint marker, and what it reported."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    deadline = start + PAINT_TIMEOUT_S
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.perf_counter() < deadline and selector.select(timeout=deadline - time.perf_counter()):
            line = process.stdout.readline()
            if not line:
                break
            if line.startswith(MARKER):
                elapsed = time.perf_counter() - start
                process.wait(timeout=60)
                return elapsed, line[len(MARKER) :].strip()
    process.kill()
    _out, err = process.communicate(timeout=60)
    raise RuntimeError(f"the window never painted within {PAINT_TIMEOUT_S} s (exit code {process.returncode}):\n{err}")


def run() -> Section:
    """Measure the floor and Accord alternately, RUNS times each."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        if env.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
            config = Path(home) / "screen.json"
            config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
            env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        # Fresh settings and no recovery file: the measured start is the first start of a new user.
        env.update(XDG_CONFIG_HOME=str(Path(home) / "config"), XDG_DATA_HOME=str(Path(home) / "data"))
        time_once(FLOOR, env)  # warm the disk cache once; not counted
        time_once(ACCORD, env)
        floor, accord, charted, reported = [], [], [], ""
        for _ in range(RUNS):
            floor.append(time_once(FLOOR, env)[0])
            seconds, reported = time_once(ACCORD, env)
            accord.append(seconds)
            charted.append(time_once(ACCORD_CHART, env)[0])
    f_med, f_min, f_max = summary(floor)
    a_med, a_min, a_max = summary(accord)
    c_med, c_min, c_max = summary(charted)
    ratio = a_med / f_med
    passed = ratio <= TARGET_RATIO
    lines = [
        f"A fresh process per run, {RUNS} runs each, alternating; spawning Python to the window's first paint.",
        "",
        "| what | median | min | max |",
        "|---|---|---|---|",
        f"| floor: bare QApplication + empty QMainWindow | {f_med:.3f} s | {f_min:.3f} s | {f_max:.3f} s |",
        f"| Accord main window, default scenario, parties listed | {a_med:.3f} s | {a_min:.3f} s | {a_max:.3f} s |",
        f"| … and its bar chart drawn (pyqtgraph loaded) | {c_med:.3f} s | {c_min:.3f} s | {c_max:.3f} s |",
        "",
        f"Ratio of medians: **{ratio:.1f}×** the floor (target: within {TARGET_RATIO:.0f}×) — "
        + ("met." if passed else "**not met**."),
        f"At first paint Accord reported: {reported} (result rows; the total row is frozen below them).",
        "The chart (pyqtgraph, ~0.2 s to import) is built right after the first paint; the third row says when "
        "it is on screen.",
    ]
    return Section("Start-up", "\n".join(lines), passed)


if __name__ == "__main__":
    print(run().markdown)
