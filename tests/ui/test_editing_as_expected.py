"""Editing as expected: a case file opens on the tab that fits what was clicked; a peildatum
other than today shows a banner; an invalid peildatum is marked red until it is valid; the
window title names the program once; overdue dates are red in every list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import placed

from beschut_desktop.actions import employers
from beschut_desktop.ui import application
from beschut_desktop.ui.table_model import TONES

D = dt.date


def activate(table, row_pred, column_key: str) -> None:
    """Double-click as a user would: the cell of ``column_key`` in the row matching."""
    columns = [c.key for c in table.model.columns]
    for proxy_row in range(table.proxy.rowCount()):
        if row_pred(table.proxy.row_at(proxy_row)):
            index = table.proxy.index(proxy_row, columns.index(column_key))
            table.view.setCurrentIndex(index)
            table.view.doubleClicked.emit(index)
            return
    raise AssertionError("row not found")


@pytest.mark.parametrize(
    ("column", "tab"),
    [
        ("name", "placements"),  # placed: where the state is settled
        ("employer", "placements"),
        ("determination_date", "indication"),
        ("interim", "interim"),
        ("registered_on", "details"),
    ],
)
def test_a_case_file_opens_on_the_tab_that_fits_the_column(
    main_window, session, store, column, tab
):
    person_id, _employer, _placement = placed(store)
    session.reload()
    main_window.set_as_of_text("1-3-2023")
    persons = main_window.show_section("persons")
    activate(persons.table, lambda r: r.id == person_id, column)
    assert persons.case_file.person_id == person_id
    assert persons.case_file.current_tab() == tab


def test_a_placement_opens_the_case_file_on_that_contract_or_its_reviews(
    main_window, session, store
):
    person_id, employer_id, placement_id = placed(store)
    session.reload()
    main_window.set_as_of_text("1-3-2023")
    placements = main_window.show_section("placements")
    activate(placements.table, lambda r: r.id == placement_id, "review")
    case = main_window.section("persons").case_file
    assert (main_window.current_key(), case.current_tab()) == ("persons", "reviews")
    placements = main_window.show_section("placements")
    activate(placements.table, lambda r: r.id == placement_id, "employer")
    assert case.current_tab() == "placements"
    assert case.placements.current_placement().id == placement_id


def test_a_queue_entry_on_the_overview_opens_where_it_is_settled(main_window, session, store):
    person_id, _e, placement_id = placed(store)
    with session.atomic() as s:
        s.delete("placements", placement_id)  # indicated, not placed: te plaatsen
    overview = main_window.show_section("overview")
    activate(overview.queue_table, lambda e: e.person.id == person_id, "name")
    assert main_window.section("persons").case_file.current_tab() == "placements"


def test_a_peildatum_other_than_today_shows_a_banner(qtbot, main_window, session):
    banner = main_window.as_of_banner
    assert banner.isHidden()
    main_window.set_as_of_text("1-3-2023")
    assert banner.isVisible()
    assert "1-3-2023" in banner.text.text() and "6-9-2022" in banner.text.text()
    banner.back_button.click()
    assert session.as_of == D(2022, 9, 6)
    assert banner.isHidden()


def test_an_invalid_peildatum_is_red_until_it_is_valid(qtbot, main_window, session):
    edit, problem = main_window.as_of_edit, main_window.as_of_problem
    edit.clear()
    qtbot.keyClicks(edit, "31-02-2023")
    assert problem.isVisible() and "31-02-2023" in problem.text()
    assert edit.property("problem") is True
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert session.as_of == D(2022, 9, 6)  # nothing believed
    assert edit.text() == "31-02-2023"  # and nothing typed thrown away
    edit.clear()
    qtbot.keyClicks(edit, "28-02-2023")
    assert problem.text() == "" and edit.property("problem") is False
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert session.as_of == D(2023, 2, 28)


def test_the_title_names_the_program_once(main_window):
    application.make_application()
    app = QApplication.instance()
    assert main_window.windowTitle() == "Beschut werk — Staphorst"
    # Qt appends a display name to every title; none is set, so nothing is appended.
    assert app.applicationDisplayName() == app.applicationName()


def tone_of(table, row_pred, column_key: str):
    columns = [c.key for c in table.model.columns]
    for row in range(table.model.rowCount()):
        if row_pred(table.model.row_at(row)):
            brush = table.model.data(
                table.model.index(row, columns.index(column_key)),
                Qt.ItemDataRole.ForegroundRole,
            )
            return brush.color() if brush is not None else None
    raise AssertionError("row not found")


def test_overdue_dates_are_red_in_every_list(main_window, session, store):
    person_id, employer_id, placement_id = placed(store)
    agreement = employers.add_tailored_agreement(
        store,
        employer_id,
        {
            "reason": "transition",
            "agreed_on": D(2023, 1, 10),
            "deadline": D(2023, 6, 1),
            "prospect": "Diploma jobcoach in mei",
            "employer_confirmed": False,
        },
    )
    session.reload()
    red = TONES["bad"]
    main_window.set_as_of_text("1-3-2023")  # the first review (1-8-2023) is not yet due
    placements = main_window.show_section("placements").table
    assert tone_of(placements, lambda r: r.id == placement_id, "review") != red
    main_window.set_as_of_text("1-9-2023")  # now it is overdue
    placements = main_window.show_section("placements").table
    assert tone_of(placements, lambda r: r.id == placement_id, "review") == red
    main_window.open_employer(employer_id)
    card = main_window.section("employers").detail
    assert tone_of(card.agreements.table, lambda a: a.id == agreement, "deadline") == red
    assert tone_of(card.placements.table, lambda r: r.id == placement_id, "review") == red
    main_window.open_person(person_id, "placements")
    case = main_window.section("persons").case_file
    assert tone_of(case.placements.panel.table, lambda r: r.id == placement_id, "review") == red
    main_window.set_as_of_text("1-3-2024")  # the contract ended on 31-1-2024 without a sequel
    placements = main_window.show_section("placements").table
    assert tone_of(placements, lambda r: r.id == placement_id, "end") == red


def test_another_person_without_a_tab_opens_on_the_details(main_window, session, store):
    first, _e, _p = placed(store)
    second, _e2, _p2 = placed(store, first="Piet", last="Pietersen", bsn="100000009")
    session.reload()
    main_window.open_person(first, "reviews")
    case = main_window.section("persons").case_file
    assert case.current_tab() == "reviews"
    main_window.open_person(first)
    assert case.current_tab() == "reviews"  # the same person stays where they were
    main_window.open_person(second)
    assert case.current_tab() == "details"
