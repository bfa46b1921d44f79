"""A guard against a reference-counting bug of PySide6 6.12 on CPython 3.11.

With PySide6/shiboken6 6.12.0 on Python < 3.12, every call of a Qt method that
returns nothing (``label.setText(...)``, ``widget.setVisible(...)``) drops one
reference to ``None`` that it never took, and some calls do the same to
``True`` and ``False``. On 3.12+ these objects are immortal and nothing
happens; on 3.11 the count of ``None`` falls by a few dozen per edit, and after
some thousand edits (a slider drag is many) Python aborts with "Fatal Python
error: none_dealloc: deallocating None", taking the negotiators' session with it
(or, at exit, "bool_dealloc").

The guard measures the leak once; when there is one, it raises the reference
counts of the three singletons by 2**40 once — what 3.12 does by making them
immortal — so no session can ever bring them to zero. On a fixed PySide6 or a
newer Python it does nothing.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject

HEADROOM = 1 << 40
_raised = False


def pyside_leaks_none() -> bool:
    """True when void Qt calls drop references to None (PySide6 6.12 on CPython < 3.12)."""
    if sys.version_info >= (3, 12):
        return False
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(64):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) > 32


def install() -> bool:
    """Give None, True and False enough references for any session; False (and nothing done) when not needed."""
    global _raised
    if _raised:
        return True
    if not pyside_leaks_none():
        return False
    import ctypes

    for singleton in (None, True, False):
        # CPython < 3.12 keeps ob_refcnt, a Py_ssize_t, first in every object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    _raised = True
    return True
