"""Work-arounds for defects in the Qt bindings, each applied once and only where it is needed.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference to it, so
every signal emitted from Python (``session.changed.emit()``, a form's ``dirty_changed``, …)
takes one reference from ``True``. After some thousands of emits — a long day in the window,
or the whole test suite — ``True`` is freed and the interpreter aborts, typically while
finalizing: "Fatal Python error: bool_dealloc: deallocating True or False".
``balance_signal_emit`` measures whether the installed bindings do this and, only then, wraps
``emit`` to give the reference back.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    fired = Signal()


def emit_steals_a_reference() -> bool:
    """True when emitting a signal leaves ``True`` with one reference less (the defect)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.fired.emit()
    after = sys.getrefcount(True)
    return after < before


def balance_signal_emit() -> bool:
    """Give back the reference ``emit`` takes from its boolean result; True when installed."""
    if getattr(SignalInstance.emit, "balanced", False) or not emit_steals_a_reference():
        return False
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
        return result

    emit.balanced = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True
