"""Choosing a file, in Dutch: every open and save dialog of the program goes through here.

On Windows the system's own dialog is used (it speaks the user's language). Elsewhere Qt may
show its own dialog; ``qtbase_nl`` translates most of it, but not "Look in:" and "Files of
type:", so ``dutch`` sets every label itself. An open dialog starts in the Documents folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LABELS = {
    QFileDialog.DialogLabel.LookIn: "Zoeken in:",
    QFileDialog.DialogLabel.FileName: "Bestandsnaam:",
    QFileDialog.DialogLabel.FileType: "Bestandstype:",
    QFileDialog.DialogLabel.Reject: "Annuleren",
}


def documents_dir() -> Path:
    """The user's Documents folder (the home folder when there is none: a folder that does not
    exist would end up as a file name in the dialog)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def native() -> bool:
    """Whether the system's own file dialog is used (Windows)."""
    return sys.platform == "win32"


def dutch(dialog: QFileDialog, accept: str) -> QFileDialog:
    """Every label of Qt's own file dialog in Dutch; ``accept`` is the text of its OK button."""
    for label, text in LABELS.items():
        dialog.setLabelText(label, text)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, accept)
    return dialog


def make_dialog(
    parent: QWidget | None, title: str, start: str, file_filter: str, *, save: bool
) -> QFileDialog:
    """The dialog itself, not yet shown (tests look at its labels)."""
    dialog = QFileDialog(parent, title, start, file_filter)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        return dutch(dialog, "Opslaan")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dutch(dialog, "Openen")


def _chosen(dialog: QFileDialog) -> str:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return ""
        files = dialog.selectedFiles()
        return files[0] if files else ""
    finally:
        dialog.deleteLater()


def open_file_name(
    parent: QWidget | None, title: str, file_filter: str, start: str | Path | None = None
) -> str:
    """The file the user chose to open ("" when cancelled); starts in Documents."""
    folder = str(start) if start else str(documents_dir())
    if native():
        return QFileDialog.getOpenFileName(parent, title, folder, file_filter)[0]
    return _chosen(make_dialog(parent, title, folder, file_filter, save=False))


def save_file_name(parent: QWidget | None, title: str, start: str | Path, file_filter: str) -> str:
    """Where the user chose to save ("" when cancelled); ``start`` is the suggested path."""
    if native():
        return QFileDialog.getSaveFileName(parent, title, str(start), file_filter)[0]
    return _chosen(make_dialog(parent, title, str(start), file_filter, save=True))
