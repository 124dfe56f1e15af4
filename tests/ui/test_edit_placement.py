"""Changing a stored placement: reachable from the case file and the Plaatsingen section, the
contract check (R12, R13) live while typing, typed input kept on a problem, and the save
audited."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton
from ui_helpers import placed

from beschut_desktop.ui.dialogs import base
from beschut_desktop.ui.dialogs.placement_edit import EditPlacementDialog

D = dt.date


class Driver:
    """Plays the user in the dialog ``base.run`` would have shown."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.fill = None
        self.dialogs: list[EditPlacementDialog] = []

    def run(self, dialog) -> bool:
        assert isinstance(dialog, EditPlacementDialog)
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.dialogs.append(dialog)
        return bool(self.fill(dialog))


@pytest.fixture
def driver(qtbot, monkeypatch) -> Driver:
    made = Driver(qtbot)
    monkeypatch.setattr(base, "run", made.run)
    return made


def retype(qtbot, dialog, key: str, text: str) -> None:
    widget = dialog.field(key).widget
    widget.clear()
    qtbot.keyClicks(widget, text)


def problem(dialog, key: str) -> str:
    label = dialog.findChild(QLabel, f"problem_{key}")
    return label.text() if label is not None and not label.isHidden() else ""


def test_r12_edit_keeps_typed_input_on_a_problem_and_saves_with_an_audit_entry(
    qtbot, main_window, session, store, driver
) -> None:
    person_id, employer_id, placement_id = placed(store)
    coach_id = store.insert("coaches", {"employer_id": employer_id, "name": "Gerda Bos"})
    session.reload()
    main_window.set_as_of_text("1-3-2023")
    main_window.open_person(person_id, "placements")
    tab = main_window.section("persons").case_file.placements
    tab.select(placement_id)

    def fill(dialog: EditPlacementDialog) -> bool:
        assert dialog.field("hours_per_week").widget.text() == "24"
        assert "✓ R12" in dialog.check_summary()
        retype(qtbot, dialog, "end_date", "15-1-2023")  # before the start
        retype(qtbot, dialog, "hours_per_week", "twaalf")
        assert not dialog.save()
        assert "vóór" in problem(dialog, "end_date")
        assert problem(dialog, "hours_per_week")
        assert dialog.field("end_date").widget.text() == "15-1-2023"  # nothing typed is lost
        assert dialog.field("hours_per_week").widget.text() == "twaalf"
        assert dialog.isVisible()
        retype(qtbot, dialog, "end_date", "31-7-2023")
        retype(qtbot, dialog, "hours_per_week", "19,5")
        retype(qtbot, dialog, "job_title", "Broodbakker")
        coach = dialog.field("coach_id").widget
        assert isinstance(coach, QComboBox)
        coach.setCurrentIndex(coach.findData(coach_id))
        box = dialog.field("support_pace").widget
        assert isinstance(box, QCheckBox)
        box.setChecked(True)
        assert "✓ R12" in dialog.check_summary()
        return dialog.save()

    driver.fill = fill
    tab.panel.findChild(QPushButton, "edit_placement").click()
    placement = session.register.placement(placement_id)
    assert (
        placement.end_date,
        placement.hours_per_week,
        placement.job_title,
        placement.coach_id,
        placement.support_pace,
    ) == (D(2023, 7, 31), 19.5, "Broodbakker", coach_id, True)
    entry = store.history(person_id=person_id)[0]
    assert (entry["action"], entry["table_name"], entry["record_id"]) == (
        "update",
        "placements",
        str(placement_id),
    )
    changes = json.loads(entry["changes"])
    assert changes["hours_per_week"] == [24.0, 19.5]
    assert set(changes) == {"end_date", "hours_per_week", "job_title", "coach_id", "support_pace"}
    assert tab.panel.current().placement.hours_per_week == 19.5  # the tab shows it at once


def test_r12_too_few_hours_shows_live_and_is_stored_only_on_purpose(
    qtbot, main_window, session, store, driver, dialogs
) -> None:
    _person, _employer, placement_id = placed(store)
    session.reload()
    main_window.set_as_of_text("1-3-2023")  # the list holds what was offered by then
    section = main_window.show_section("placements")
    section.table.select(lambda row: row.id == placement_id)
    edit = section.findChild(QPushButton, "placements_Wijzigen…")
    assert edit.isEnabled()

    def fill(dialog: EditPlacementDialog) -> bool:
        retype(qtbot, dialog, "hours_per_week", "8")
        assert "✗ R12" in dialog.check_summary() and "12 uur" in dialog.check_summary()
        dialogs.answer("Terug naar de plaatsing")
        assert not dialog.save()
        assert dialog.field("hours_per_week").widget.text() == "8"
        dialogs.answer("Toch opslaan")
        return dialog.save()

    driver.fill = fill
    edit.click()
    assert [title for title, *_ in dialogs.asked] == ["Contract voldoet niet"] * 2
    assert session.register.placement(placement_id).hours_per_week == 8.0
    row = section.table.current()
    assert row.id == placement_id and "R12" in row.check_text


def test_r13_permanent_contract_with_an_end_date_is_refused_beside_the_field(
    qtbot, main_window, session, store, driver
) -> None:
    _person, _employer, placement_id = placed(store)
    session.reload()
    section = main_window.show_section("placements")
    section.table.select(lambda row: row.id == placement_id)
    before = len(store.history())

    def fill(dialog: EditPlacementDialog) -> bool:
        combo = dialog.field("contract_type").widget
        combo.setCurrentIndex(combo.findData("permanent"))
        assert not dialog.save()
        assert "geen einddatum" in problem(dialog, "end_date")
        return False  # the user cancels

    driver.fill = fill
    section.findChild(QPushButton, "placements_Wijzigen…").click()
    assert session.register.placement(placement_id).contract_type == "temporary"
    assert len(store.history()) == before
