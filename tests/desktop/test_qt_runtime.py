"""The Qt binding Accord runs on must not corrupt the interpreter during a long session.

PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` on every Qt call that
returns nothing; after some thousand edits Python aborts ("none_dealloc"), losing
the session. pyproject.toml excludes that release; this test catches any binding
that brings the bug back.
"""

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
for _ in range(2000):
    label.setText("成渝")
    label.setVisible(False)
    label.setEnabled(True)
after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
print(*(b - a for a, b in zip(before, after)))
"""


def test_void_qt_calls_do_not_leak_references_to_none_true_or_false():
    run = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env={"QT_QPA_PLATFORM": "offscreen"}, timeout=60
    )
    assert run.returncode == 0, run.stderr
    drops = [int(n) for n in run.stdout.split()]
    assert all(d > -100 for d in drops), f"6000 void Qt calls lost references to (None, True, False): {drops}"
