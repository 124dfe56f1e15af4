"""Personen: the list (sort on every column, filter as you type, no BSN), Ctrl+N and Ctrl+F,
and cross-navigation into a case file tab."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from beschut_desktop.actions import cases
from beschut_desktop.ui.dialogs import base

D = dt.date
PEOPLE = [
    ("111222333", "Jan", "Jansen", D(2022, 5, 1)),
    ("123456782", "Piet", "Pietersen", D(2022, 3, 1)),
    ("010464554", "Aaltje", "Zwiers", None),
]


def fill(store) -> list[int]:
    ids = []
    for bsn, first, last, decided in PEOPLE:
        person_id, advice_id = cases.new_request(
            store,
            person={"bsn": bsn, "first_name": first, "last_name": last},
            requested_by="person",
            request_date=D(2022, 1, 10),
        )
        if decided:
            cases.record_advice(
                store,
                advice_id,
                advice_date=decided - dt.timedelta(days=5),
                outcome="positive",
                ground_adaptations=True,
                ground_supervision=False,
            )
            cases.record_decision(
                store,
                person_id,
                decision_date=decided,
                outcome="positive",
                advice_id=advice_id,
                eligibility_basis="WIA",
            )
        ids.append(person_id)
    return ids


def test_list_shows_queue_order_and_never_the_bsn(qtbot, main_window, session, store) -> None:
    fill(store)
    session.reload()
    persons = main_window.show_section("persons")
    model = persons.table.model
    texts = [
        [model.cell_text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]
    assert not any("111222333" in cell for row in texts for cell in row)
    by_name = {row[1]: row for row in texts}
    assert by_name["Piet Pietersen"][2:4] == ["Te plaatsen", "1"]
    assert by_name["Jan Jansen"][2:4] == ["Te plaatsen", "2"]
    assert by_name["Aaltje Zwiers"][2] == "Aanvraag"


def test_every_column_sorts_and_the_filter_follows_typing(
    qtbot, main_window, session, store, qtmodeltester
) -> None:
    fill(store)
    session.reload()
    persons = main_window.show_section("persons")
    qtmodeltester.check(persons.table.model)
    proxy = persons.table.proxy
    for column in range(proxy.columnCount()):
        persons.table.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        ranks = [
            proxy.index(r, column).data(Qt.ItemDataRole.UserRole + 1)
            for r in range(proxy.rowCount())
        ]
        assert ranks == sorted(ranks), proxy.headerData(column, Qt.Orientation.Horizontal)
    persons.table.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert proxy.row_at(0).person.last_name == "Jansen"
    main_window.findChild(type(main_window.new_action), None)  # menus exist
    persons.focus_filter()
    qtbot.keyClicks(persons.table.filter_edit, "plaatsen pie")
    assert proxy.rowCount() == 1 and proxy.row_at(0).person.first_name == "Piet"


def test_ctrl_n_starts_a_new_request_and_opens_the_case_file(
    qtbot, main_window, session, monkeypatch
) -> None:
    def fill_request(dialog) -> bool:
        qtbot.addWidget(dialog)
        for key, text in (
            ("bsn", "111222333"),
            ("first_name", "Jan"),
            ("last_name", "Jansen"),
            ("request_date", "1-9-2022"),
        ):
            dialog.field(key).widget.clear()
            qtbot.keyClicks(dialog.field(key).widget, text)
        combo = dialog.field("requested_by").widget
        combo.setCurrentIndex(combo.findData("person"))
        saved = dialog.save()
        assert saved, [f.refresh_problems() for f in dialog.forms]
        return saved

    monkeypatch.setattr(base, "run", fill_request)
    main_window.show_section("persons")
    main_window.new_action.trigger()
    persons = main_window.section("persons")
    person = session.register.persons[0]
    assert persons.case_file.person_id == person.id
    assert persons.case_file.details.labels["bsn"].text() == ""  # visible only on its tab
    persons.case_file.show_tab("details")
    assert persons.case_file.details.labels["bsn"].text() == "111222333"
    assert persons.case_file.step_button.text() == "Advies vastleggen"


def test_new_request_refuses_a_bsn_in_use_beside_the_field(
    qtbot, main_window, session, store, monkeypatch
) -> None:
    fill(store)
    session.reload()

    def fill_request(dialog) -> bool:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.field("bsn").widget, "111 222 333")
        problem = dialog.findChild(base.QLabel, "problem_bsn")
        assert problem.isVisible() and "al in het register" in problem.text()
        assert dialog.field("bsn").widget.text() == "111 222 333"
        return False

    monkeypatch.setattr(base, "run", fill_request)
    main_window.show_section("persons").new_record()
    assert len(session.register.persons) == 3


def test_open_person_goes_to_the_named_tab(qtbot, main_window, session, store) -> None:
    ids = fill(store)
    session.reload()
    main_window.open_person(ids[1], "reviews")
    persons = main_window.section("persons")
    assert main_window.current_key() == "persons"
    assert persons.case_file.current_tab() == "reviews"
    assert "Piet Pietersen" in persons.case_file.title.text()
    persons.case_file.back.emit()
    assert persons.stack.currentIndex() == 0
