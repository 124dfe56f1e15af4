"""Names on the consultant's own screen: lists show the name beside the case number; printed
lists keep case number and initials, with a clear choice "met namen" for lists that stay inside."""

from __future__ import annotations

import datetime as dt

from ui_helpers import choose, indicated, pdf_text, placed

D = dt.date


def test_lists_show_the_name_beside_the_case_number(main_window, session, store):
    person_id, employer_id, placement_id = placed(store, first="Łukasz", last="Şahin")
    session.reload()
    main_window.set_as_of_text("1-3-2023")
    placements = main_window.show_section("placements").table
    texts = [placements.model.cell_text(0, c) for c in range(placements.model.columnCount())]
    assert "BW-00001 Łukasz Şahin" in texts
    main_window.open_employer(employer_id)
    card = main_window.section("employers").detail
    model = card.placements.table.model
    assert "BW-00001 Łukasz Şahin" in [model.cell_text(0, c) for c in range(model.columnCount())]


def test_the_queue_on_the_overview_shows_names(main_window, session, store):
    indicated(store, first="Ayşe", last="Yılmaz", bsn="100000009")
    session.reload()
    queue = main_window.show_section("overview").queue_table.model
    assert "Ayşe Yılmaz" in [queue.cell_text(0, c) for c in range(queue.columnCount())]


def test_the_waiting_list_prints_initials_unless_met_namen_is_chosen(
    main_window, session, store, printed
):
    indicated(store, first="Ayşe", last="Yılmaz", bsn="100000009")
    session.reload()
    persons = main_window.show_section("persons")
    choose(persons.waiting_button, "Wachtlijst afdrukken…")
    choose(persons.waiting_button, "Wachtlijst met namen afdrukken…")
    (plain, plain_title), (named, named_title) = printed.printed
    assert "A.Y." in pdf_text(plain) and "Yılmaz" not in pdf_text(plain)
    assert "Ayşe Yılmaz" in pdf_text(named) and "intern gebruik" in pdf_text(named)
    assert "met namen" in named_title and "met namen" not in plain_title
    assert "100000009" not in pdf_text(named)


def test_the_signals_list_prints_with_names_only_when_ticked(main_window, session, store):
    placed(store, first="Łukasz", last="Şahin")
    session.reload()
    main_window.set_as_of_text("20-7-2023")
    signals = main_window.show_section("signals")
    pdf, title = signals.document()
    assert "Şahin" not in pdf_text(pdf) and "Ł.Ş." in pdf_text(pdf)
    signals.print_names.setChecked(True)
    pdf, title = signals.document()
    assert "Łukasz Şahin" in pdf_text(pdf) and "met namen" in title


def test_the_employer_checklist_names_whom_an_item_concerns(main_window, session, store):
    _person, employer_id, _placement = placed(store, first="Łukasz", last="Şahin")
    session.reload()
    main_window.set_as_of_text("1-3-2023")
    main_window.open_employer(employer_id)
    table = main_window.section("employers").detail.checklist.table
    column = [c.key for c in table.model.columns].index("subject")
    subjects = {table.model.cell_text(r, column) for r in range(table.model.rowCount())}
    assert "BW-00001 Łukasz Şahin" in subjects
