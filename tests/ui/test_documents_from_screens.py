"""Every document from the screen where its subject is: print, save as PDF, open in the PDF
viewer, and Ctrl+P / Ctrl+Shift+S giving the same document. The PDFs are the real ones, read
back with pypdf; only the printer, the viewer and the file dialog are stood in for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from ui_helpers import choose, pdf_text, placed, save_to

from beschut_desktop.ui import printing
from beschut_desktop.ui.document_actions import find_action

D = dt.date
ON = D(2023, 3, 1)


def start(store, session, main_window, **kwargs) -> tuple[int, int, int]:
    ids = placed(store, **kwargs)
    session.reload()
    main_window.set_as_of_text("1-3-2023")
    assert session.as_of == ON
    return ids


def test_case_file_prints_saves_and_opens_the_dossier(
    qtbot, main_window, session, store, printed, monkeypatch, tmp_path
) -> None:
    person_id, _employer, _placement = start(store, session, main_window)
    main_window.open_person(person_id)
    case = main_window.section("persons").case_file
    button = case.documents_button

    choose(button, "Dossier afdrukken…")
    ((pdf, title),) = printed.printed
    text = pdf_text(pdf)
    assert "Dossier beschut werk" in text and "Jan Jansen" in text and "BW-00001" in text
    assert "111222333" in text  # the case file is where the BSN belongs
    assert "Bakkerij Van der Veen" in text
    assert title == "Dossier BW-00001 2023-03-01"

    target = tmp_path / "dossier.pdf"
    suggested = save_to(monkeypatch, target)
    choose(button, "Dossier opslaan als PDF…")
    assert suggested[0].endswith("Dossier BW-00001 2023-03-01.pdf")
    assert "Jan Jansen" in pdf_text(target.read_bytes())
    assert str(target) in main_window.statusBar().currentMessage()


def test_case_file_opens_in_the_pdf_viewer(
    qtbot, main_window, session, store, monkeypatch, tmp_path
) -> None:
    person_id, _employer, _placement = start(store, session, main_window)
    main_window.open_person(person_id)
    opened: list[QUrl] = []
    monkeypatch.setattr(printing, "viewer_dir", lambda: tmp_path)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    choose(main_window.section("persons").case_file.documents_button, "Dossier openen in PDF-lezer")
    (url,) = opened
    copy = Path(url.toLocalFile())
    assert copy.parent == tmp_path and copy.name.startswith("Dossier BW-00001")
    assert "Jan Jansen" in pdf_text(copy.read_bytes())


def test_ctrl_p_in_persons_prints_the_selected_or_open_case_file(
    qtbot, main_window, session, store, printed, dialogs
) -> None:
    start(store, session, main_window)
    other, _e, _p = placed(store, first="Aaltje", last="Zwiers", bsn="123456782")
    session.reload()
    persons = main_window.show_section("persons")
    persons.table.select(lambda row: row.id == other)
    main_window.print_action.trigger()
    assert "Aaltje Zwiers" in pdf_text(printed.printed[-1][0])
    main_window.open_person(1)
    main_window.print_action.trigger()
    text = pdf_text(printed.printed[-1][0])
    assert "Jan Jansen" in text and "Aaltje Zwiers" not in text
    assert not dialogs.shown


def test_ctrl_shift_s_saves_the_case_file(
    qtbot, main_window, session, store, printed, monkeypatch, tmp_path
) -> None:
    person_id, _e, _p = start(store, session, main_window)
    main_window.open_person(person_id)
    target = tmp_path / "gekozen"  # no extension typed: .pdf is added
    save_to(monkeypatch, target)
    next(
        a
        for a in main_window.findChildren(type(main_window.print_action))
        if a.text() == "Opslaan als &PDF…"
    ).trigger()
    assert "Dossier beschut werk" in pdf_text((tmp_path / "gekozen.pdf").read_bytes())


def test_waiting_list_from_the_persons_section(qtbot, main_window, session, store, printed) -> None:
    start(store, session, main_window)
    persons = main_window.show_section("persons")
    choose(persons.waiting_button, "Wachtlijst afdrukken…")
    pdf, title = printed.printed[-1]
    assert "Wachtlijst beschut werk" in pdf_text(pdf)
    assert "1 maart 2023" in pdf_text(pdf)  # on the as-of date
    assert title == "Wachtlijst 2023-03-01"
    choose(persons.waiting_button, "Wachtlijst openen in PDF-lezer")
    assert "Wachtlijst beschut werk" in pdf_text(printed.viewed[-1][0])


def test_review_form_from_placements_and_case_file(
    qtbot, main_window, session, store, printed, monkeypatch, tmp_path
) -> None:
    person_id, _employer, placement_id = start(store, session, main_window)
    section = main_window.show_section("placements")
    assert section.table.select(lambda row: row.id == placement_id)
    main_window.print_action.trigger()  # Ctrl+P: the review form of the selected placement
    text = pdf_text(printed.printed[-1][0])
    assert "Voortgangsgesprek beschut werk" in text
    assert "Jan Jansen bij Bakkerij Van der Veen" in text
    choose(section.forms_button, "Gespreksformulier openen in PDF-lezer")
    assert "Jan Jansen" in pdf_text(printed.viewed[-1][0])

    save_to(monkeypatch, tmp_path / "leeg.pdf")
    choose(section.forms_button, "Leeg gespreksformulier opslaan als PDF…")
    blank = pdf_text((tmp_path / "leeg.pdf").read_bytes())
    assert "Leeg formulier" in blank and "Jan Jansen" not in blank

    main_window.open_person(person_id, "placements")
    tab = main_window.section("persons").case_file.placements
    tab.select(placement_id)
    choose(
        tab.panel.findChild(type(section.forms_button), "review_form"),
        "Gespreksformulier afdrukken…",
    )
    assert "Jan Jansen bij Bakkerij Van der Veen" in pdf_text(printed.printed[-1][0])


def test_blank_review_form_from_the_file_menu(qtbot, main_window, printed) -> None:
    file_menu = main_window.menuBar().actions()[0].menu()
    blank = find_action(file_menu, "Leeg &gespreksformulier").menu()
    find_action(blank, "Leeg gespreksformulier afdrukken…").trigger()
    assert "Leeg formulier" in pdf_text(printed.printed[-1][0])


def test_nothing_selected_says_what_to_choose(qtbot, main_window, printed, dialogs) -> None:
    section = main_window.show_section("placements")
    assert section.table.current() is None
    main_window.print_action.trigger()
    choose(section.forms_button, "Gespreksformulier afdrukken…")
    assert not printed.printed
    assert [title for title, _text in dialogs.shown] == ["Document", "Gespreksformulier"]
    assert "Kies eerst een plaatsing" in dialogs.texts()


def test_employer_check_from_the_list_the_card_and_ctrl_p(
    qtbot, main_window, session, store, printed, monkeypatch, tmp_path
) -> None:
    _person, employer_id, _placement = start(store, session, main_window)
    section = main_window.show_section("employers")
    section.table.select(lambda row: row.id == employer_id)
    choose(section.check_button, "Voorwaardencheck afdrukken…")
    pdf, title = printed.printed[-1]
    text = pdf_text(pdf)
    assert "Voorwaarden werkgever en contractcontrole" in text
    assert "Bakkerij Van der Veen" in text and "111222333" not in text
    assert title == "Voorwaardencheck Bakkerij Van der Veen 2023-03-01"

    main_window.open_employer(employer_id)
    save_to(monkeypatch, tmp_path / "check.pdf")
    choose(section.card.check_button, "Voorwaardencheck opslaan als PDF…")
    assert "Bakkerij Van der Veen" in pdf_text((tmp_path / "check.pdf").read_bytes())
    main_window.print_action.trigger()
    assert "Voorwaarden werkgever en contractcontrole" in pdf_text(printed.printed[-1][0])
