"""Plaatsingen: the contract check in every row (✓ or the reason), the views, sorting and
cross-navigation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from ui_helpers import indicated

from beschut_desktop.actions import placements

D = dt.date


def placed(store, *, hours: float, end: dt.date, bsn: str = "111222333") -> int:
    person_id = indicated(store, first="Jan", last="Jansen", bsn=bsn)
    employer_id = store.insert("employers", {"name": f"Werkgever {bsn[:3]}", "kind": "private"})
    placement_id = placements.offer_placement(
        store,
        person_id,
        {
            "employer_id": employer_id,
            "offer_date": D(2023, 1, 10),
            "offer_motivation": "Past.",
            "start_date": D(2023, 2, 1),
            "end_date": end,
            "hours_per_week": hours,
        },
    )
    placements.answer_offer(store, placement_id, accepted=True)
    return placement_id


def test_r12_contract_check_shown_in_the_row(
    qtbot, main_window, session, store, qtmodeltester
) -> None:
    good = placed(store, hours=24, end=D(2024, 1, 31))
    short = placed(store, hours=8, end=D(2023, 4, 30), bsn="123456782")
    session.reload()
    session.set_as_of(D(2023, 3, 1))
    section = main_window.show_section("placements")
    qtmodeltester.check(section.table.model)
    rows = {r.id: r for r in section.table.model.rows()}
    assert rows[good].check_text == "✓"
    assert "R12" in rows[short].check_text and "12 uur" in rows[short].check_text
    section.view_choice.setCurrentIndex(section.view_choice.findData("check"))
    assert section.table.proxy.rowCount() == 1
    assert section.table.proxy.row_at(0).id == short


def test_every_column_sorts(qtbot, main_window, session, store) -> None:
    placed(store, hours=24, end=D(2024, 1, 31))
    placed(store, hours=8, end=D(2023, 4, 30), bsn="123456782")
    session.reload()
    session.set_as_of(D(2023, 3, 1))
    section = main_window.show_section("placements")
    proxy = section.table.proxy
    for column in range(proxy.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            section.table.view.sortByColumn(column, order)
            ranks = [
                proxy.index(r, column).data(Qt.ItemDataRole.UserRole + 1)
                for r in range(proxy.rowCount())
            ]
            assert ranks == sorted(ranks, reverse=order == Qt.SortOrder.DescendingOrder)


def test_open_placement_selects_it_even_when_filtered_out(
    qtbot, main_window, session, store
) -> None:
    placement_id = placed(store, hours=24, end=D(2023, 12, 31))
    session.reload()
    session.set_as_of(D(2025, 1, 1))  # long over: not in the default view
    main_window.open_placement(placement_id)
    section = main_window.section("placements")
    assert section.view_choice.currentData() == "all"
    assert section.table.current().id == placement_id
    section._open_case()
    assert main_window.current_key() == "persons"
    assert main_window.section("persons").case_file.current_tab() == "placements"
