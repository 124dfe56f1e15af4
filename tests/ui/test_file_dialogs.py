"""Dutch everywhere: Qt's own file dialog gets Dutch labels ("Look in:" and "Files of type:" are
not in qtbase_nl), and the open dialog starts in Documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from beschut_desktop.ui import file_dialogs

ENGLISH = ("Look in", "Files of type", "File name", "Cancel", "Open", "Save")


def _texts(dialog: QFileDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


@pytest.mark.parametrize("save", [False, True])
def test_qt_file_dialog_has_only_dutch_labels(qtbot, save: bool) -> None:
    dialog = file_dialogs.make_dialog(None, "Kiezen", str(Path.home()), "PDF (*.pdf)", save=save)
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "Zoeken in:"
    assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "Bestandstype:"
    assert dialog.labelText(QFileDialog.DialogLabel.FileName) == "Bestandsnaam:"
    assert dialog.labelText(QFileDialog.DialogLabel.Accept) == ("Opslaan" if save else "Openen")
    assert dialog.labelText(QFileDialog.DialogLabel.Reject) == "Annuleren"
    shown = " ".join(_texts(dialog))
    assert not any(word in shown for word in ENGLISH), shown


def test_open_dialog_starts_in_documents(qtbot, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(file_dialogs, "documents_dir", lambda: tmp_path)
    monkeypatch.setattr(file_dialogs, "native", lambda: False)
    seen: list[QFileDialog] = []

    def exec_(dialog: QFileDialog) -> int:
        seen.append(dialog)
        return QFileDialog.DialogCode.Rejected

    monkeypatch.setattr(QFileDialog, "exec", exec_)
    assert file_dialogs.open_file_name(None, "Excel-register inlezen", "Excel (*.xlsx)") == ""
    assert Path(seen[0].directory().absolutePath()) == tmp_path
    assert seen[0].labelText(QFileDialog.DialogLabel.LookIn) == "Zoeken in:"


def test_documents_folder_that_does_not_exist_falls_back_to_home(monkeypatch, tmp_path: Path):
    from PySide6.QtCore import QStandardPaths

    monkeypatch.setattr(
        QStandardPaths, "writableLocation", lambda _where: str(tmp_path / "Documents")
    )
    assert file_dialogs.documents_dir() == Path.home()
    (tmp_path / "Documents").mkdir()
    assert file_dialogs.documents_dir() == tmp_path / "Documents"
