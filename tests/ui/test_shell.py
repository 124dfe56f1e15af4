"""The application shell: start, sections, shortcuts, as-of date, closing, geometry, faults."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication

from beschut_desktop.errors import RegisterRefused
from beschut_desktop.store.store import Store
from beschut_desktop.ui import application, errors
from beschut_desktop.ui.main_window import START_SECTION_ENV, MainWindow
from beschut_desktop.ui.sections import SECTIONS, SETTINGS, SIGNALS
from beschut_desktop.ui.session import Session

TITLES = [
    "Overzicht",
    "Personen",
    "Werkgevers",
    "Plaatsingen",
    "Signalen",
    "Financiën",
    "Instellingen",
]


def test_shell_starts_on_a_fresh_register(main_window):
    assert main_window.windowTitle() == "Beschut werk — Staphorst"
    assert [main_window.nav.item(i).text() for i in range(main_window.nav.count())] == TITLES
    assert main_window.current_key() == "overview"
    assert main_window.session.as_of == dt.date(2022, 9, 6)
    assert main_window.as_of_edit.text() == "6-9-2022"
    assert str(main_window.session.store.path) in main_window.path_label.text()
    assert main_window.nav.accessibleName() == "Onderdelen"


def test_sections_switch_by_navigation_and_shortcut(main_window, qtbot):
    for row, spec in enumerate(SECTIONS):
        main_window.nav.setCurrentRow(row)
        assert main_window.current_key() == spec.key
        assert main_window.current_section() is main_window.section(spec.key)
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_key() == SIGNALS


def test_ctrl_f_focuses_the_section_filter(main_window, qtbot):
    page = main_window.show_section(SIGNALS)
    main_window.activateWindow()
    qtbot.waitExposed(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.table.filter_edit


def test_cross_navigation_switches_section(main_window):
    main_window.open_placement(1)
    assert main_window.current_key() == "placements"
    main_window.open_person(1, tab="placements")
    assert main_window.current_key() == "persons"
    main_window.open_employer(1)
    assert main_window.current_key() == "employers"


def test_bad_as_of_date_keeps_the_old_one(main_window):
    main_window.set_as_of_text("31-2-2023")
    assert main_window.session.as_of == dt.date(2022, 9, 6)
    assert "bestaat niet" in main_window.statusBar().currentMessage()
    main_window.set_as_of_text("2023-01-02")
    assert main_window.session.as_of == dt.date(2023, 1, 2)
    assert main_window.as_of_edit.text() == "2-1-2023"


def test_close_prompt_with_unsaved_changes(main_window, dialogs, store):
    page = main_window.show_section(SETTINGS)
    page.forms[0].fields["municipality_name"].widget.setText("Zwartewaterland")
    main_window.show_section("overview")
    dialogs.answer("Annuleren")
    assert not main_window.close()
    assert main_window.isVisible()
    assert main_window.current_key() == SETTINGS  # shown where the changes are
    dialogs.answer("Opslaan")
    assert main_window.close()
    assert store.settings().municipality_name == "Zwartewaterland"


def test_close_without_saving_discards(main_window, dialogs, store):
    page = main_window.show_section(SETTINGS)
    page.forms[0].fields["municipality_name"].widget.setText("Zwartewaterland")
    dialogs.answer("Niet opslaan")
    assert main_window.close()
    assert store.settings().municipality_name == "Staphorst"


def test_geometry_and_section_remembered(qtbot, session, ui_settings, monkeypatch):
    monkeypatch.delenv(START_SECTION_ENV, raising=False)
    first = MainWindow(session, ui_settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(1100, 650)
    first.show_section(SIGNALS)
    assert first.close()
    saved = ui_settings.value("window/geometry")
    assert saved == first.saveGeometry()
    second = MainWindow(session, ui_settings)
    qtbot.addWidget(second)
    second.show()
    assert second.current_key() == SIGNALS
    # the offscreen test screen is 800 pixels wide: restoring clamps the width to the screen
    assert second.height() == 650


def test_start_section_from_environment(qtbot, session, ui_settings, monkeypatch):
    monkeypatch.setenv(START_SECTION_ENV, SETTINGS)
    window = MainWindow(session, ui_settings)
    qtbot.addWidget(window)
    assert window.current_key() == SETTINGS


def test_application_is_dutch(qapp):
    app = application.make_application()
    assert app.property("dutch_installed")
    assert QLocale().language() == QLocale.Language.Dutch
    assert app.organizationName() == "beschut-desktop"
    assert "#navigation" in app.styleSheet()


def test_first_start_offers_empty_or_demo(tmp_path, dialogs, qapp):
    path = tmp_path / "nieuw.db"
    dialogs.answer("Annuleren")
    assert application.open_register(path) is None
    assert not path.exists()
    dialogs.answer("Leeg register")
    store = application.open_register(path)
    assert store is not None and store.load().persons == []
    store.close()
    demo = tmp_path / "demo.db"
    dialogs.answer("Demoregister")
    store = application.open_register(demo)
    assert store is not None and len(store.load().persons) >= 5
    store.close()


def test_refused_file_is_a_dutch_message(tmp_path, dialogs, qapp):
    junk = tmp_path / "boodschappen.db"
    junk.write_text("melk, brood, kaas\n" * 20)
    assert application.open_register(junk) is None
    title, text = dialogs.shown[0]
    assert title == "Register niet geopend"
    assert "geen register" in text


def test_location_warning_shown_once(store, dialogs, ui_settings, qapp):
    store.warnings.append("Het register staat op een netwerkschijf (X:). Dat is niet veilig.")
    application.warn_once(store, ui_settings)
    application.warn_once(store, ui_settings)
    assert [t for t, _ in dialogs.shown] == ["Let op"]


def test_fault_dialog_logs_and_copies_details(qtbot, caplog):
    try:
        raise RuntimeError("kapot")
    except RuntimeError as exc:
        info = (type(exc), exc, exc.__traceback__)
    with caplog.at_level(logging.ERROR, logger="beschut_desktop"):
        errors.log.error("unexpected fault", exc_info=info)
    assert "kapot" in caplog.text
    dialog = errors.FaultDialog(None, errors.fault_details(info), None)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert "RuntimeError: kapot" in QApplication.clipboard().text()
    assert dialog.copy_button.text() == "Gekopieerd"
    assert "Traceback" not in dialog.findChild(errors.QLabel).text()


def test_user_error_shows_just_its_message(dialogs):
    errors.show_user_error(None, RegisterRefused("Het register is in gebruik."))
    assert dialogs.shown == [("Dat lukt niet", "Het register is in gebruik.")]


def test_session_reload_after_write_and_one_reload_per_action(session, qtbot):
    seen = []
    session.changed.connect(lambda: seen.append(1))
    with session.atomic():
        session.insert("quota_years", {"year": 2023, "quota": 7, "amount_per_place_cents": 868000})
        session.update("quota_years", 2023, {"quota": 8})
    assert seen == [1]
    assert any(q.year == 2023 and q.quota == 8 for q in session.register.quota_years)


def test_other_register_settings_do_not_leak(tmp_path, qtbot):
    store = Store.open(tmp_path / "ander.db")
    settings = QSettings(str(tmp_path / "ander.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Session(store, today=dt.date(2022, 9, 6)), settings)
    qtbot.addWidget(window)
    assert window.current_key() == "overview"
    window.close()
    store.close()


def test_ctrl_p_prints_the_sections_document(seeded, main_window, monkeypatch, dialogs):
    from beschut_desktop.ui import printing

    printed = []
    monkeypatch.setattr(
        printing, "print_pdf", lambda parent, pdf, title: printed.append((pdf[:5], title)) or True
    )
    main_window.session.reload()
    for key in ("overview", SIGNALS):
        main_window.show_section(key)
        main_window.print_action.trigger()
    assert printed == [
        (b"%PDF-", "Taakstelling en begeleidingsbudget 2022-09-06"),
        (b"%PDF-", "Signalen 2022-09-06"),
    ]
    main_window.show_section(SETTINGS)
    main_window.print_action.trigger()
    assert dialogs.shown[-1][0] == "Afdrukken"


def test_excepthook_user_error_message_and_fault_dialog(monkeypatch, dialogs, tmp_path, qapp):
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    opened = []
    monkeypatch.setattr(errors.FaultDialog, "exec", lambda self: opened.append(self) or 0)
    errors.install_excepthook(tmp_path / "beschut-desktop.log")
    sys.excepthook(RegisterRefused, RegisterRefused("Het register is vergrendeld."), None)
    assert dialogs.shown == [("Dat lukt niet", "Het register is vergrendeld.")]
    try:
        raise ValueError("onverwacht")
    except ValueError as exc:
        sys.excepthook(ValueError, exc, exc.__traceback__)
    assert len(opened) == 1
    assert "ValueError: onverwacht" in opened[0].details
    text = opened[0].findChild(errors.QLabel).text()
    assert "beschut-desktop.log" in text and "ValueError" not in text


def test_a_section_is_built_when_first_shown_or_asked_for(main_window):
    built = {w.objectName() for w in main_window.built_sections()}
    assert built == {f"section_{main_window.current_key()}"}
    persons = main_window.section("persons")  # asked for: built now, showing the register
    assert persons.objectName() == "section_persons"
    assert persons.table.model.total() == len(main_window.session.register.persons)
    assert main_window.section("persons") is persons
    main_window.show_section("signals")
    assert main_window.current_section() is main_window.section("signals")
    assert {w.objectName() for w in main_window.built_sections()} == built | {
        "section_persons",
        "section_signals",
    }
