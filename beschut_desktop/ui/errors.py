"""The one place an unexpected fault reaches the user: a calm Dutch dialog, details in the log.

A ``UserError`` that escapes a slot is shown with just its Dutch message. Anything else is a
bug: its traceback goes to the log file (``beschut_desktop.faults``) and the user sees one
sentence, where the log is, and a "Details kopiëren" button for the helpdesk — never a
traceback in a message box.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop.errors import UserError
from beschut_desktop.faults import log, safe_traceback
from beschut_desktop.ui import widgets

FAULT_TEXT = (
    "Er ging iets onverwachts mis. Wat al was opgeslagen, is bewaard; de laatste handeling "
    "is mogelijk niet uitgevoerd."
)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    widgets.inform(parent, "Dat lukt niet", error.message, QMessageBox.Icon.Warning)


def fault_details(exc_info: ExcInfo) -> str:
    """What "Details kopiëren" copies for the helpdesk: the scrubbed traceback of the log."""
    return safe_traceback(exc_info)


def show_fault(parent: QWidget | None, exc_info: ExcInfo, log_file: Path | None) -> None:
    """Log the fault with its traceback and show the Dutch dialog."""
    log.error("unexpected fault", exc_info=exc_info)
    for handler in log.handlers:
        handler.flush()
    FaultDialog(parent, fault_details(exc_info), log_file).exec()


class FaultDialog(QDialog):
    """One Dutch sentence, where the log is, and a button that copies the details."""

    def __init__(self, parent: QWidget | None, details: str, log_file: Path | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Onverwachte fout")
        self.details = details
        text = QLabel(
            FAULT_TEXT
            + (f"\n\nDe details staan in het logbestand:\n{log_file}" if log_file else "")
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton("Details kopiëren")
        self.copy_button.setAccessibleName("Details van de fout kopiëren")
        self.copy_button.clicked.connect(self.copy_details)
        close = QPushButton("Sluiten")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)

    def copy_details(self) -> None:
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details)
        self.copy_button.setText("Gekopieerd")


def install_excepthook(log_file: Path | None) -> None:
    """Route uncaught exceptions (also those raised in slots) to the dialog."""
    showing = False

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        parent = QApplication.activeWindow()
        if isinstance(value, UserError):
            show_user_error(parent, value)
            return
        if showing:  # a fault while the dialog is up: log it, do not stack dialogs
            log.error("further fault", exc_info=(kind, value, tb))
            return
        showing = True
        try:
            show_fault(parent, (kind, value, tb), log_file)
        finally:
            showing = False

    sys.excepthook = hook
