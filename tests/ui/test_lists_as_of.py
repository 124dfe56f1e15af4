"""The Personen and Plaatsingen lists on a peildatum hold only what was known then: a person
registered later, or a placement offered later, is not listed; a later outcome is not shown."""

from __future__ import annotations

from ui_helpers import placed


def _ids(main_window, key: str) -> list[int]:
    return [row.id for row in main_window.show_section(key).table.model.rows()]


def test_placements_list_holds_only_what_was_offered_by_the_peildatum(main_window, session, store):
    _person, _employer, placement_id = placed(store)  # offered on 10-1-2023
    session.reload()
    main_window.set_as_of_text("9-1-2023")
    assert placement_id not in _ids(main_window, "placements")
    main_window.set_as_of_text("10-1-2023")
    assert placement_id in _ids(main_window, "placements")


def test_persons_list_holds_only_who_was_registered_by_the_peildatum(main_window, session, store):
    person_id, _employer, _placement = placed(store)  # registered with the request, 10-1-2022
    session.reload()
    main_window.set_as_of_text("9-1-2022")
    assert person_id not in _ids(main_window, "persons")
    main_window.set_as_of_text("1-3-2023")
    rows = main_window.show_section("persons").table.model.rows()
    assert [r.status for r in rows if r.id == person_id] == ["Geplaatst"]


def test_a_placed_person_is_not_yet_placed_before_the_offer(main_window, session, store):
    person_id, _employer, _placement = placed(store)
    session.reload()
    main_window.set_as_of_text("1-9-2022")  # indicated, the offer came in 2023
    rows = main_window.show_section("persons").table.model.rows()
    assert [r.status for r in rows if r.id == person_id] != ["Geplaatst"]
