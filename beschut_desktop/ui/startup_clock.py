"""``--startup-time``: how long the window takes to be usable, from the start of the process.

The clock stops when the main window has painted (with the overview's figures computed before
the first paint) and the event loop has nothing left queued: that is the moment a consultant
can read and click. The start is the process's own start as the operating system recorded it,
so the interpreter's start-up and every import count too.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# When the process start cannot be read from the system, this moment (the first import of
# this module's package, early in the program) is the best start there is.
_FALLBACK_START = time.time()


def seconds_since_process_start() -> float:
    """Seconds since the operating system started this process (Linux: /proc, Windows: the
    process creation time); elsewhere since this module was first imported."""
    if sys.platform.startswith("linux"):
        return _linux_age()
    if sys.platform == "win32":
        return _windows_age()
    return time.time() - _FALLBACK_START


def _linux_age() -> float:
    # Field 22 of /proc/self/stat is the start in clock ticks after boot; the fields before it
    # follow the command name in parentheses, which may itself hold spaces.
    stat = Path(f"/proc/{os.getpid()}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    started_ticks = int(fields[19])
    ticks_per_second = os.sysconf("SC_CLK_TCK")
    return time.clock_gettime(time.CLOCK_BOOTTIME) - started_ticks / ticks_per_second


def _windows_age() -> float:
    import ctypes
    from ctypes import wintypes

    creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.GetProcessTimes(
        kernel32.GetCurrentProcess(),
        ctypes.byref(creation),
        ctypes.byref(exit_),
        ctypes.byref(kernel),
        ctypes.byref(user),
    )
    now = wintypes.FILETIME()
    kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

    def ticks(value: wintypes.FILETIME) -> int:
        return (value.dwHighDateTime << 32) | value.dwLowDateTime

    return (ticks(now) - ticks(creation)) / 10_000_000  # FILETIME counts 100 ns


class _FirstPaint(QObject):
    """Waits for the window's first paint, then for an empty event queue, then reports."""

    def __init__(self, window: QWidget, done: Callable[[float], None]) -> None:
        super().__init__(window)
        self._done = done
        self._painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            # A zero timer fires once everything already queued (layout, the rest of the
            # paint) has been handled: the window is idle.
            QTimer.singleShot(0, lambda: self._done(seconds_since_process_start()))
        return False


def report_when_idle(window: QWidget, done: Callable[[float], None]) -> None:
    """Call ``done(seconds since process start)`` once ``window`` has painted and is idle."""
    _FirstPaint(window, done)
