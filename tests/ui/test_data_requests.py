"""Data requests under the AVG from the person's case file and the Personen list: everything
about one person as xlsx (art. 15), and removal on request after confirmation (art. 17), which
leaves one audit entry without personal data."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from ui_helpers import choose, placed, save_to

D = dt.date


def cells(path) -> str:
    book = load_workbook(path, read_only=True)
    try:
        return "\n".join(
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    finally:
        book.close()


def test_export_from_the_case_file_writes_everything_as_xlsx(
    qtbot, main_window, session, store, monkeypatch, tmp_path, dialogs
) -> None:
    person_id, _e, _p = placed(store)
    session.reload()
    main_window.open_person(person_id)
    target = tmp_path / "inzage.xlsx"
    suggested = save_to(monkeypatch, target)
    choose(
        main_window.section("persons").case_file.documents_button,
        "Gegevens exporteren (AVG, xlsx)…",
    )
    assert suggested[0].endswith("gegevens-BW-00001.xlsx")
    content = cells(target)
    assert "Jansen" in content and "111222333" in content and "Bakkerij Van der Veen" in content
    assert any(
        title == "Gegevens exporteren" and str(target) in text for title, text in dialogs.shown
    )


def test_avg_removal_on_request_after_confirmation(
    qtbot, main_window, session, store, dialogs
) -> None:
    person_id, employer_id, _p = placed(store)
    other, _e, _p2 = placed(store, first="Aaltje", last="Zwiers", bsn="123456782")
    session.reload()
    main_window.open_person(person_id)
    persons = main_window.section("persons")
    assert persons.stack.currentWidget() is persons.case_file

    dialogs.answer("Annuleren")  # a second thought: nothing happens
    choose(persons.case_file.documents_button, "Verwijderen op verzoek (AVG)…")
    assert session.register.person(person_id) is not None
    assert persons.stack.currentWidget() is persons.case_file

    dialogs.answer("Definitief verwijderen")
    choose(persons.case_file.documents_button, "Verwijderen op verzoek (AVG)…")
    assert "BW-00001" in dialogs.asked[-1][1]
    assert session.register.person(person_id) is None
    assert persons.stack.currentWidget() is not persons.case_file  # the case file closed
    assert [row.id for row in persons.table.model.rows()] == [other]
    assert session.register.employer(employer_id) is not None

    removals = [e for e in store.history() if e["action"] == "remove_on_request"]
    assert len(removals) == 1
    entry = " ".join(str(v) for v in removals[0].values())
    for personal in ("Jan", "Jansen", "111222333", "BW-00001"):
        assert personal not in entry
    assert removals[0]["person_id"] is None
    assert not store.history(person_id=person_id)
    assert all(
        "111222333" not in str(e["changes"]) and "Jansen" not in str(e["changes"])
        for e in store.history()
    )


def test_avg_requests_from_the_persons_list_act_on_the_selected_person(
    qtbot, main_window, session, store, dialogs
) -> None:
    placed(store)
    other, _e, _p = placed(store, first="Aaltje", last="Zwiers", bsn="123456782")
    session.reload()
    persons = main_window.show_section("persons")
    persons.table.select(lambda row: row.id == other)
    dialogs.answer("Definitief verwijderen")
    choose(persons.documents_button, "Verwijderen op verzoek (AVG)…")
    assert session.register.person(other) is None
    assert [row.person.last_name for row in persons.table.model.rows()] == ["Jansen"]


def test_removal_without_a_selected_person_says_so(qtbot, main_window, dialogs) -> None:
    persons = main_window.show_section("persons")
    choose(persons.documents_button, "Verwijderen op verzoek (AVG)…")
    assert dialogs.shown == [("Verwijderen op verzoek", "Kies eerst een persoon.")]
    assert not dialogs.asked
