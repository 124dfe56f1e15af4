"""The window (PySide6): main window, one module per section, dialogs and item models.

Importing the window first corrects a reference-count defect of the Qt bindings
(``qt_fixes.balance_signal_emit``): every screen emits signals, and without it a long session
ends in "Fatal Python error: bool_dealloc"."""

from beschut_desktop.ui.qt_fixes import balance_signal_emit

balance_signal_emit()
