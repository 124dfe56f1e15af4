"""Reading personal data is audited: opening a case file, saving it as PDF, exporting; without
its audit entry the output is refused. The audit viewer filters by person, period and kind."""

from __future__ import annotations

import datetime as dt

import pytest
from ui_helpers import choose, placed, save_to

from beschut_desktop.store import audit
from beschut_desktop.ui.audit_viewer import AuditTrailDialog


def reads(store) -> list[tuple]:
    return [
        (e["table_name"], e["person_id"]) for e in reversed(audit.trail(store.conn, reads=True))
    ]


def refuse_reads(store) -> None:
    """An audit trail that cannot take a read entry (as a full or locked disk would)."""
    store.conn.execute(
        "CREATE TEMP TRIGGER no_reads BEFORE INSERT ON main.audit WHEN NEW.action = 'read' "
        "BEGIN SELECT RAISE(ABORT, 'vol'); END"
    )


def test_opening_and_saving_a_case_file_are_audited(
    qtbot, main_window, session, store, monkeypatch, tmp_path
) -> None:
    person_id, _e, _p = placed(store)
    session.reload()
    main_window.open_person(person_id)
    save_to(monkeypatch, tmp_path / "dossier.pdf")
    choose(main_window.section("persons").case_file.documents_button, "Dossier opslaan als PDF…")
    assert (tmp_path / "dossier.pdf").exists()
    assert reads(store) == [("case_file", person_id), ("save", person_id)]
    # Reads are no changes: the case file's history shows none of them.
    assert all(e["action"] != audit.READ for e in store.history(person_id=person_id))


def test_without_its_audit_entry_a_case_file_stays_closed(
    qtbot, main_window, session, store, dialogs
) -> None:
    person_id, _e, _p = placed(store)
    session.reload()
    refuse_reads(store)
    main_window.open_person(person_id)
    persons = main_window.section("persons")
    assert persons.case_file.person_id == 0
    assert persons.stack.currentWidget() is not persons.case_file
    assert "auditspoor" in dialogs.texts() and "Dossier niet geopend" in dialogs.texts()


def test_without_its_audit_entry_no_pdf_is_saved(
    qtbot, main_window, session, store, monkeypatch, tmp_path, dialogs
) -> None:
    person_id, _e, _p = placed(store)
    session.reload()
    main_window.open_person(person_id)
    refuse_reads(store)
    save_to(monkeypatch, tmp_path / "dossier.pdf")
    choose(main_window.section("persons").case_file.documents_button, "Dossier opslaan als PDF…")
    assert not (tmp_path / "dossier.pdf").exists()
    assert "auditspoor" in dialogs.texts()


def test_without_its_audit_entry_no_avg_export_is_written(
    qtbot, main_window, session, store, monkeypatch, tmp_path, dialogs
) -> None:
    person_id, _e, _p = placed(store)
    session.reload()
    main_window.open_person(person_id)
    refuse_reads(store)
    save_to(monkeypatch, tmp_path / "inzage.xlsx")
    choose(
        main_window.section("persons").case_file.documents_button,
        "Gegevens exporteren (AVG, xlsx)…",
    )
    assert not (tmp_path / "inzage.xlsx").exists()
    assert "auditspoor" in dialogs.texts()


def test_the_viewer_filters_by_person_period_and_kind(qtbot, main_window, session, store) -> None:
    jan, _e, _p = placed(store)
    aaltje, _e2, _p2 = placed(store, first="Aaltje", last="Zwiers", bsn="123456782")
    session.reload()
    main_window.open_person(jan)
    main_window.open_person(aaltje)
    main_window.audit_action.trigger()
    dialog = main_window.findChild(AuditTrailDialog)
    assert dialog is not None
    qtbot.addWidget(dialog)
    everything = dialog.table.model.rowCount()
    assert everything > 4

    dialog.person.setCurrentIndex(dialog.person.findData(aaltje))
    rows = dialog.table.model.rows()
    assert rows and all(r.person == "BW-00002 Aaltje Zwiers" for r in rows)
    assert {r.kind for r in rows} == {"Wijziging", "Inzage"}

    dialog.kind.setCurrentIndex(dialog.kind.findData("reads"))
    rows = dialog.table.model.rows()
    assert [(r.kind, r.what, r.details) for r in rows] == [
        ("Inzage", "Dossier geopend", "dossier BW-00002")
    ]

    tomorrow = dt.date.today() + dt.timedelta(days=1)
    dialog.since.set_value(tomorrow)
    assert dialog.table.model.rowCount() == 0
    dialog.since.setText("gisteren")
    assert dialog.problem.text() and dialog.table.model.rowCount() == 0
    dialog.since.set_value(None)
    dialog.until.set_value(dt.date.today())
    assert dialog.table.model.rowCount() == 1
    dialog.close()


@pytest.mark.parametrize("kind", ["export", "calendar"])
def test_window_exports_are_audited(
    qtbot, main_window, session, store, monkeypatch, tmp_path, dialogs, kind
) -> None:
    placed(store)
    session.reload()
    if kind == "export":
        dialogs.answer("Zonder BSN's")
        save_to(monkeypatch, tmp_path / "r.xlsx")
        main_window._export()
        assert reads(store) == [("export_without_bsn", None)]
    else:
        save_to(monkeypatch, tmp_path / "t.ics")
        main_window._export_calendar()
        assert reads(store) == [("calendar", None)]


def test_the_signals_list_as_pdf_is_audited(qtbot, main_window, session, store) -> None:
    placed(store)
    session.reload()
    main_window.show_section("signals")
    pdf, name = main_window.current_section().document()
    assert pdf.startswith(b"%PDF") and name.startswith("Signalen")
    assert reads(store) == [("document", None)]
