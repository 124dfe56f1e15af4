"""The bindings' emit defect is balanced: emitting signals from Python leaves ``True``'s
reference count as it was, so a long session cannot end in "bool_dealloc"."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from beschut_desktop.ui import qt_fixes


class _Source(QObject):
    bare = Signal()
    carrying = Signal(object)


def test_emitting_from_python_keeps_the_reference_count_of_true():
    qt_fixes.balance_signal_emit()  # idempotent: already done when the window was imported
    assert not qt_fixes.emit_steals_a_reference()
    source = _Source()
    seen: list[object] = []
    source.carrying.connect(seen.append)
    before = sys.getrefcount(True)
    for number in range(2000):
        source.bare.emit()
        source.carrying.emit(number)
    assert abs(sys.getrefcount(True) - before) < 20  # not 2,000 fewer
    assert len(seen) == 2000
