"""Benchmarks of Accord, run with ``python -m bench`` (``bash accord bench``); results go to docs/performance.md.

Each module ``bench/<name>.py`` exposes ``run() -> Section``; ``python -m bench``
runs every such module and writes one section per module under a header that
names the machine. Add a benchmark by adding a module.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PEERS = Path(__file__).resolve().parents[1] / ".bench-peers"
"""Peer libraries installed for the benchmarks only (``bash accord bench`` puts coopgame-py here); never on the
application's path."""


def peer_path() -> None:
    """Make the benchmark-only peer libraries importable (the application itself never imports them)."""
    if PEERS.is_dir() and str(PEERS) not in sys.path:
        sys.path.append(str(PEERS))


@dataclass(frozen=True)
class Section:
    """One benchmark's part of docs/performance.md: a title and Markdown text."""

    title: str
    markdown: str
    passed: bool = True
    notes: list[str] = field(default_factory=list)


def cpu_model() -> str:
    """The CPU's model name (Linux: /proc/cpuinfo; elsewhere what platform knows)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_lines() -> list[str]:
    """Markdown lines describing where the figures were measured."""
    try:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        qt = f"PySide6 {pyside_version}, Qt {qVersion()}"
    except ImportError:
        qt = "PySide6 not installed"
    return [
        f"- Date: {date.today().isoformat()}",
        f"- CPU: {cpu_model()}, {os.cpu_count()} logical cores",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()} ({sys.executable})",
        f"- {qt}; QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '(default)')}",
    ]


def summary(values: list[float]) -> tuple[float, float, float]:
    """(median, min, max) of timings in seconds."""
    return statistics.median(values), min(values), max(values)


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """(median, min, max) seconds of ``repeat`` calls after one warm-up call."""
    action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return summary(samples)
