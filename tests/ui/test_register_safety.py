"""The window keeps the register safe: read-only beside another writer, every failure in Dutch,
a damaged register offers its backup, and backup and restore from the File menu."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from beschut_desktop.store import backup, lock
from beschut_desktop.store.store import Store
from beschut_desktop.ui import application, file_dialogs, safety
from beschut_desktop.ui.document_actions import find_action
from beschut_desktop.ui.main_window import MainWindow
from beschut_desktop.ui.sections import PERSONS, SETTINGS
from beschut_desktop.ui.session import Session

TODAY = dt.date(2022, 9, 6)
FORK = multiprocessing.get_context("fork")
ENGLISH = ("disk", "full", "Errno", "constraint", "readonly", "database")


def _other_window(db: Path, opened, write, written, done) -> None:
    lock._held.clear()
    with Store.open(db, backups=False) as store:
        opened.set()
        if not write.wait(60) or done.is_set():
            return
        store.insert(
            "persons",
            {
                "bsn": "111222333",
                "first_name": "Jan",
                "last_name": "Mulder",
                "registered_on": TODAY,
            },
        )
        written.set()
        done.wait(60)


def test_second_window_reads_only_shows_a_banner_and_follows_the_writer(
    qtbot, tmp_path: Path, dialogs, ui_settings
) -> None:
    db = tmp_path / "register.db"
    Store.open(db, backups=False).close()
    opened, write, written, done = FORK.Event(), FORK.Event(), FORK.Event(), FORK.Event()
    other = FORK.Process(target=_other_window, args=(db, opened, write, written, done))
    other.start()
    try:
        assert opened.wait(60)
        dialogs.answer("Alleen lezen")
        store = application.open_register(db)
        assert store is not None and store.read_only
        title, text, buttons = dialogs.asked[-1]
        assert buttons == ["Alleen lezen", "Annuleren"] and "in gebruik door gebruiker" in text
        window = MainWindow(Session(store, today=TODAY), ui_settings)
        qtbot.addWidget(window)
        banner = window.findChild(safety.ReadOnlyBanner)
        assert banner is not None and "Alleen lezen" in banner.text()
        assert not window.import_action.isEnabled() and not window.restore_action.isEnabled()
        qtbot.waitUntil(lambda: _buttons(window, "Vandaag") == [True])
        window.show_section(PERSONS)  # a section built after the window: its buttons too
        assert _buttons(window, "Nieuwe aanvraag") == [False]
        assert not any(_buttons(window, "Instellingen opslaan"))
        assert window.session.register.persons == []
        write.set()
        assert written.wait(60)
        assert window.change_watcher.check()
        assert [p.first_name for p in window.session.register.persons] == ["Jan"]
        # Making a letter records it: off, like every writing button; a template may be read.
        window.open_person(window.session.register.persons[0].id)
        case = window.section("persons").case_file
        qtbot.waitUntil(lambda: not case.letters_button.isEnabled())
        letters_menu = find_action(case.documents_button.menu(), "Brief maken (Word)").menu()
        assert not any(entry.isEnabled() for entry in letters_menu.actions())
        case.show_tab("letters")
        sent = case.letters.panel.findChild(QPushButton, "letter_sent")
        qtbot.waitUntil(lambda: not sent.isEnabled())
        templates = window.show_section(SETTINGS).templates_page
        qtbot.waitUntil(lambda: not templates.replace_button.isEnabled())
        assert _buttons(window, "Sjabloon opslaan als…") == [True]
        page = window.show_section(SETTINGS)
        page.forms[0].fields["municipality_name"].widget.setText("Dalfsen")
        assert not page.save_settings()
        assert "alleen geopend om te lezen" in dialogs.texts()
        assert page.forms[0].fields["municipality_name"].widget.text() == "Dalfsen"
        dialogs.fallback = "Niet opslaan"
        window.close()
        store.close()
    finally:
        done.set()
        write.set()
        other.join(60)


def _buttons(window: MainWindow, text: str) -> list[bool]:
    return [
        b.isEnabled()
        for b in window.findChildren(QPushButton)
        if b.text().replace("&", "") == text  # the Alt-letter's mark is not part of the text
    ]


def test_cancel_at_a_register_in_use_opens_nothing(tmp_path: Path, dialogs) -> None:
    db = tmp_path / "register.db"
    Store.open(db, backups=False).close()
    opened, write, written, done = FORK.Event(), FORK.Event(), FORK.Event(), FORK.Event()
    other = FORK.Process(target=_other_window, args=(db, opened, write, written, done))
    other.start()
    try:
        assert opened.wait(60)
        dialogs.answer("Annuleren")
        assert application.open_register(db) is None
    finally:
        done.set()
        other.join(60)


def _fill_to_the_brim(store: Store) -> None:
    """A full disk: the register may not grow by a single page."""
    count = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {count}")
    with pytest.raises(sqlite3.OperationalError, match="full"):
        while True:
            store.conn.execute(
                "INSERT INTO notes (created_on, text) VALUES ('2022-09-06', ?)", ("x" * 30,)
            )
            store.conn.commit()
    store.conn.rollback()


def test_a_full_disk_is_said_in_dutch_and_the_input_stays(main_window, store, dialogs) -> None:
    _fill_to_the_brim(store)
    page = main_window.show_section(SETTINGS)
    field = page.forms[0].fields["municipality_name"].widget
    field.setText("Gemeente met een heel lange naam " * 400)
    assert not page.save_settings()
    shown = dialogs.texts()
    assert "De schijf is vol" in shown
    assert not any(word in shown for word in ("database or disk", "Errno", "SQLite"))
    assert field.text().startswith("Gemeente met een heel lange naam")


def test_a_damaged_register_offers_its_newest_good_backup(tmp_path: Path, dialogs) -> None:
    db = tmp_path / "register.db"
    with Store.open(db, today=TODAY) as store:
        store.insert(
            "persons",
            {
                "bsn": "111222333",
                "first_name": "Jan",
                "last_name": "Mulder",
                "registered_on": TODAY,
            },
        )
    Store.open(db, today=TODAY + dt.timedelta(days=1)).close()  # the daily backup
    with Store.open(db, backups=False) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(db, "r+b") as handle:
        handle.seek(db.stat().st_size // 2)
        handle.write(b"\xff" * 4096)
    dialogs.answer("Back-up terugzetten")
    store = application.open_register(db)
    assert store is not None
    title, text, buttons = dialogs.asked[-1]
    assert title == "Register beschadigd" and "nieuwste goede back-up" in text
    assert [p.first_name for p in store.load().persons] == ["Jan"]
    store.close()


def test_backup_and_restore_from_the_file_menu(main_window, store, dialogs, monkeypatch, tmp_path):
    main_window.session.insert(
        "persons",
        {"bsn": "111222333", "first_name": "Jan", "last_name": "Mulder", "registered_on": TODAY},
    )
    target = tmp_path / "usb" / "kopie.db"
    target.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(target))
    main_window._make_backup()
    assert backup.is_sound_file(target) and "geschreven naar" in dialogs.texts()
    main_window.session.delete("persons", main_window.session.register.persons[0].id)
    assert main_window.session.register.persons == []
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(target))
    dialogs.answer("Terugzetten")
    main_window._restore_backup()
    assert [p.first_name for p in main_window.session.register.persons] == ["Jan"]
    assert "is teruggezet" in dialogs.texts()
