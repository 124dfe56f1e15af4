"""As of means as of, on the screen: the case file shows the register as it stood then."""

from __future__ import annotations

import datetime as dt

from ui_helpers import placed

D = dt.date


def test_r18_case_file_on_a_past_date_does_not_show_a_later_review(
    qtbot, main_window, session, store
) -> None:
    person_id, _employer, placement_id = placed(store)
    store.insert("reviews", {"placement_id": placement_id, "review_date": D(2023, 7, 20)})
    session.reload()
    main_window.set_as_of_text("1-7-2023")
    main_window.open_person(person_id, "reviews")
    case = main_window.section("persons").case_file
    assert case.reviews.panel.table.model.rowCount() == 0
    main_window.set_as_of_text("1-8-2023")
    main_window.open_person(person_id, "reviews")
    assert case.reviews.panel.table.model.rowCount() == 1
