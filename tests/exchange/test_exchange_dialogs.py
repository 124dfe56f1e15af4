"""The exchange dialogs with pytest-qt: file dialogs and message boxes replaced by monkeypatch,
the register real."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import BSN_A, TODAY, audit_count, dump, good_sheets, write_xlsx
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QMessageBox

from beschut_desktop.ui import exchange_dialogs, file_dialogs, widgets
from beschut_desktop.ui.exchange_dialogs import ListDialog


class User:
    """Stands in for the consultant: the files chosen, the buttons pressed, what was shown."""

    def __init__(self) -> None:
        self.open_file = ""
        self.save_file = ""
        self.buttons: list[str] = []
        self.preview_answer = QDialog.DialogCode.Accepted
        self.shown: list[str] = []
        self.lists: list[ListDialog] = []

    def ask(self, parent, title, text, buttons, default=0, escape=None, icon=None) -> int:
        self.shown.append(text)
        return list(buttons).index(self.buttons.pop(0))

    def inform(self, parent, title, text, icon=None) -> None:
        self.shown.append(text)

    def exec_list(self, dialog: ListDialog) -> int:
        self.lists.append(dialog)
        return self.preview_answer if hasattr(dialog, "accept_button") else 0


@pytest.fixture
def user(monkeypatch, qapp) -> User:
    stand_in = User()
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: stand_in.open_file)
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: stand_in.save_file)
    monkeypatch.setattr(widgets, "ask", stand_in.ask)
    monkeypatch.setattr(widgets, "inform", stand_in.inform)
    monkeypatch.setattr(ListDialog, "exec", lambda dialog: stand_in.exec_list(dialog))

    def refuse(*_a, **_k):
        raise AssertionError("a modal message box was opened in a test")

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    return stand_in


XLSX = exchange_dialogs.XLSX_FILTER


def test_import_shows_the_plan_before_it_commits(user, fresh_store, good_file) -> None:
    user.open_file = str(good_file)
    user.preview_answer = QDialog.DialogCode.Rejected
    before = dump(fresh_store)
    assert exchange_dialogs.import_with_preview(None, fresh_store, TODAY) is False
    [preview] = user.lists
    assert "• Persoon: 4 nieuw\n" in preview.summary.text()
    assert "Nieuw: Persoon Jan Mulder" in preview.lines.toPlainText()
    assert dump(fresh_store) == before  # cancelled: nothing written

    user.preview_answer = QDialog.DialogCode.Accepted
    assert exchange_dialogs.import_with_preview(None, fresh_store, TODAY) is True
    assert fresh_store.load().person_by_bsn(BSN_A) is not None
    assert "is ingelezen" in user.shown[-1]


def test_import_of_the_same_file_again_says_nothing_changes(user, fresh_store, good_file) -> None:
    user.open_file = str(good_file)
    assert exchange_dialogs.import_with_preview(None, fresh_store, TODAY) is True
    entries = audit_count(fresh_store)
    assert exchange_dialogs.import_with_preview(None, fresh_store, TODAY) is False
    assert "Er verandert niets" in user.shown[-1] and audit_count(fresh_store) == entries


def test_import_with_problems_lists_them_and_writes_nothing(user, fresh_store, tmp_path) -> None:
    sheets = good_sheets()
    sheets["Plaatsingen"][1][4] = "-2"
    user.open_file = str(write_xlsx(tmp_path / "fout.xlsx", sheets))
    before = dump(fresh_store)
    assert exchange_dialogs.import_with_preview(None, fresh_store, TODAY) is False
    [problems] = user.lists
    assert "1 probleem" in problems.summary.text()
    assert "Plaatsingen, rij 2, kolom Uren per week: '-2' is negatief" in (
        problems.lines.toPlainText()
    )
    assert dump(fresh_store) == before


def test_import_of_a_non_excel_file_says_so(user, fresh_store, tmp_path) -> None:
    path = tmp_path / "lijst.xlsx"
    path.write_text("geen excel")
    user.open_file = str(path)
    assert exchange_dialogs.import_with_preview(None, fresh_store, TODAY) is False
    assert "kan niet worden gelezen als Excel-bestand" in user.shown[-1]


def test_cancelled_file_choice_does_nothing(user, fresh_store) -> None:
    assert exchange_dialogs.import_with_preview(None, fresh_store, TODAY) is False
    assert user.shown == [] and user.lists == []


def test_export_register_without_bsn(user, fresh_store, good_file, tmp_path) -> None:
    user.open_file = str(good_file)
    exchange_dialogs.import_with_preview(None, fresh_store, TODAY)
    user.buttons = ["Zonder BSN's"]
    user.save_file = str(tmp_path / "controller")  # the extension is added
    path = exchange_dialogs.export_register(None, fresh_store)
    assert path == tmp_path / "controller.xlsx" and path.exists()
    workbook = load_workbook(path, read_only=True)
    text = str([list(r) for s in workbook for r in s.iter_rows(values_only=True)])
    workbook.close()
    assert BSN_A not in text and "BW-00001" in text


def test_export_calendar_explains_outlook(user, fresh_store, good_file, tmp_path) -> None:
    user.open_file = str(good_file)
    exchange_dialogs.import_with_preview(None, fresh_store, TODAY)
    user.save_file = str(tmp_path / "termijnen.ics")
    path = exchange_dialogs.export_calendar(None, fresh_store, TODAY)
    assert path is not None and path.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "Openen als nieuw" in user.shown[-1]


def test_export_person_and_remove_on_request(user, fresh_store, good_file, tmp_path: Path) -> None:
    user.open_file = str(good_file)
    exchange_dialogs.import_with_preview(None, fresh_store, TODAY)
    person = fresh_store.load().person_by_bsn(BSN_A)
    user.save_file = str(tmp_path / "inzage.xlsx")
    assert exchange_dialogs.export_person(None, fresh_store, person.id) == tmp_path / "inzage.xlsx"
    user.buttons = ["Annuleren"]
    assert exchange_dialogs.remove_person_on_request(None, fresh_store, person.id) is False
    assert fresh_store.load().person_by_bsn(BSN_A) is not None
    user.buttons = ["Definitief verwijderen"]
    assert exchange_dialogs.remove_person_on_request(None, fresh_store, person.id) is True
    assert fresh_store.load().person_by_bsn(BSN_A) is None


def test_list_dialog_shows_summary_and_lines(qtbot) -> None:
    dialog = ListDialog(
        None,
        "Importeren — controleren",
        "Persoon: 2 nieuw",
        ["Nieuw: Persoon Jan Mulder", "Nieuw: Persoon Geesje Talen"],
        "Inlezen",
    )
    qtbot.addWidget(dialog)
    assert dialog.accept_button.text() == "&Inlezen"  # Alt+I
    assert dialog.lines.toPlainText().count("\n") == 1
