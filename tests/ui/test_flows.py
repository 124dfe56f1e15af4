"""The guided flows end to end through the real widgets: new request → advice → decision →
offer → accepted → review, with the queue status and the tables following each step.

Dialogs are never shown modally: ``dialogs.base.run`` is replaced by a driver that fills the
dialog as a user would (typing into its fields) and presses its save button.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from beschut_desktop.ui.dialogs import base
from beschut_desktop.ui.dialogs.indication import (
    AdviceDialog,
    DecisionDialog,
    NewRequestDialog,
    NoteDialog,
)
from beschut_desktop.ui.dialogs.offer import OfferDialog
from beschut_desktop.ui.dialogs.placement import EndDialog, RenewDialog, ReviewDialog

D = dt.date


class Driver:
    """Plays the user in each dialog that ``base.run`` would have shown, in the given order."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.steps: list[tuple[type, Callable, bool]] = []
        self.seen: list[base.FlowDialog] = []

    def expect(
        self, cls: type, fill: Callable[[base.FlowDialog], None], *, save: bool = True
    ) -> None:
        self.steps.append((cls, fill, save))

    def run(self, dialog: base.FlowDialog) -> bool:
        assert self.steps, f"unexpected dialog {type(dialog).__name__}"
        cls, fill, save = self.steps.pop(0)
        assert isinstance(dialog, cls), f"expected {cls.__name__}, got {type(dialog).__name__}"
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.seen.append(dialog)
        fill(dialog)
        if not save:
            return False
        saved = dialog.save()
        assert saved, problems_of(dialog)
        return saved


def problems_of(dialog: QWidget) -> str:
    return "; ".join(
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.property("role") == "problem" and label.text()
    )


def type_in(qtbot, dialog: base.FlowDialog, key: str, text: str) -> None:
    widget = dialog.field(key).widget
    if hasattr(widget, "clear"):
        widget.clear()
    qtbot.keyClicks(widget, text)


def choose(dialog: base.FlowDialog, key: str, value: object) -> None:
    combo = dialog.field(key).widget
    assert isinstance(combo, QComboBox)
    index = combo.findData(value)
    assert index >= 0, f"{value!r} not offered in {key}"
    combo.setCurrentIndex(index)


def tick(dialog: base.FlowDialog, key: str, on: bool = True) -> None:
    box = dialog.field(key).widget
    assert isinstance(box, QCheckBox)
    box.setChecked(on)


@pytest.fixture
def driver(qtbot, monkeypatch) -> Driver:
    made = Driver(qtbot)
    monkeypatch.setattr(base, "run", made.run)
    return made


@pytest.fixture
def employer_id(session) -> int:
    return session.insert(
        "employers", {"name": "Reestdal Werken B.V.", "kind": "sw_company", "category": "a"}
    )


def person_row(window, person_id: int):
    persons = window.section("persons")
    return next(r for r in persons.table.model.rows() if r.id == person_id)


def new_person(qtbot, window, driver: Driver, dialogs) -> int:
    def fill_request(d):
        type_in(qtbot, d, "bsn", "111222333")
        type_in(qtbot, d, "first_name", "Jan")
        type_in(qtbot, d, "last_name", "Jansen")
        choose(d, "requested_by", "municipality")
        type_in(qtbot, d, "request_date", "1-7-2022")
        tick(d, "ground_supervision")

    def fill_advice(d):
        type_in(qtbot, d, "advice_date", "1-8-2022")
        choose(d, "outcome", "positive")

    def fill_decision(d):
        type_in(qtbot, d, "decision_date", "15-8-2022")
        choose(d, "eligibility_basis", "Wajong")

    driver.expect(NewRequestDialog, fill_request)
    driver.expect(AdviceDialog, fill_advice)
    driver.expect(DecisionDialog, fill_decision)
    persons = window.show_section("persons")
    persons.new_record()
    person_id = window.session.register.persons[-1].id
    case = persons.case_file
    assert persons.stack.currentWidget() is case and case.person_id == person_id
    assert case.current_tab() == "indication"
    assert person_row(window, person_id).status == "Aanvraag"
    case.step_button.click()  # "Advies vastleggen"
    assert "neem de beschikking" in case.step_label.text()
    case.step_button.click()  # "Beschikking vastleggen"
    return person_id


def test_request_advice_decision_offer_accept_review(
    qtbot, main_window, session, driver, dialogs, employer_id
) -> None:
    person_id = new_person(qtbot, main_window, driver, dialogs)
    # R5: a positive decision joins the queue at once, and says where.
    assert "Te plaatsen (nummer 1)" in dialogs.texts()
    assert person_row(main_window, person_id).status == "Te plaatsen"
    case = main_window.section("persons").case_file
    assert case.step_button.text() == "Werkplek aanbieden"

    def fill_offer(d: OfferDialog) -> None:
        choose(d, "employer_id", employer_id)
        type_in(qtbot, d, "start_date", "1-10-2022")
        type_in(qtbot, d, "end_date", "30-9-2023")
        type_in(qtbot, d, "hours_per_week", "24")
        type_in(qtbot, d, "job_title", "Medewerker groen")
        tick(d, "support_pace")
        type_in(qtbot, d, "offer_motivation", "Vast ritme en een vaste begeleider passen bij hem.")
        assert d.check_summary().startswith("✓"), d.check_summary()

    driver.expect(OfferDialog, fill_offer)
    case.step_button.click()
    placement = session.register.placements_of(person_id)[0]
    assert (placement.offer_status, placement.hours_per_week) == ("offered", 24.0)
    placements = main_window.show_section("placements")
    row = next(r for r in placements.table.model.rows() if r.id == placement.id)
    assert row.status == "Aangeboden"

    main_window.open_person(person_id)
    dialogs.answer("Aanvaard")
    case.step_button.click()  # "Aanbod beantwoorden"
    assert session.register.placement(placement.id).offer_status == "accepted"
    main_window.set_as_of_text("5-10-2022")
    assert person_row(main_window, person_id).status == "Geplaatst"
    placements = main_window.show_section("placements")
    row = next(r for r in placements.table.model.rows() if r.id == placement.id)
    assert (row.status, row.check_text) == ("Loopt", "✓")

    def fill_review(d: ReviewDialog) -> None:
        type_in(qtbot, d, "review_date", "1-4-2023")
        type_in(qtbot, d, "functioning", "Werkt zelfstandig")
        type_in(qtbot, d, "situation", "Stabiel thuis")
        type_in(qtbot, d, "perspective", "Meer uren")
        type_in(qtbot, d, "safety", "Voelt zich veilig")

    driver.expect(ReviewDialog, fill_review)
    session._today = D(2023, 4, 3)  # the review is recorded once held (R18)
    main_window.set_as_of_text("3-4-2023")
    main_window.open_person(person_id, "reviews")
    case.reviews.panel.button_row.parentWidget().findChild(QWidget, "record_review").click()
    review = session.register.reviews_of(placement.id)[0]
    assert (review.review_date, review.safety) == (D(2023, 4, 1), "Voelt zich veilig")
    assert case.reviews.panel.table.model.rowCount() == 1


def test_r14_ending_a_placement_returns_the_person_to_the_queue(
    qtbot, main_window, session, driver, dialogs, employer_id
) -> None:
    person_id = new_person(qtbot, main_window, driver, dialogs)
    from beschut_desktop.actions import placements

    with session.atomic() as store:
        placement_id = placements.offer_placement(
            store,
            person_id,
            {
                "employer_id": employer_id,
                "offer_date": D(2022, 8, 20),
                "offer_motivation": "Past.",
                "start_date": D(2022, 9, 1),
                "end_date": D(2023, 2, 28),
                "hours_per_week": 20.0,
            },
        )
        placements.answer_offer(store, placement_id, accepted=True)
    assert person_row(main_window, person_id).status == "Geplaatst"

    def fill_end(d: EndDialog) -> None:
        choose(d, "outcome", "dismissed")
        type_in(qtbot, d, "end_date", "30-9-2022")
        type_in(qtbot, d, "end_reason", "Ontslag in proeftijd")
        tick(d, "start_interim")

    driver.expect(EndDialog, fill_end)
    main_window.open_person(person_id, "placements")
    case = main_window.section("persons").case_file
    case.placements.select(placement_id)
    case.placements.end()
    assert session.register.placement(placement_id).outcome == "dismissed"
    main_window.set_as_of_text("1-10-2022")
    row = person_row(main_window, person_id)
    assert (row.status, row.determination_date) == ("Te plaatsen", D(2022, 8, 15))
    assert row.interim == "Arbeidsmatige dagbesteding"


def test_r20_renewal_through_the_dialog_checks_the_new_contract(
    qtbot, main_window, session, driver, dialogs, employer_id
) -> None:
    person_id = new_person(qtbot, main_window, driver, dialogs)
    with session.atomic() as store:
        from beschut_desktop.actions import placements

        placement_id = placements.offer_placement(
            store,
            person_id,
            {
                "employer_id": employer_id,
                "offer_date": D(2022, 8, 20),
                "offer_motivation": "Past.",
                "start_date": D(2022, 9, 1),
                "end_date": D(2023, 2, 28),
                "hours_per_week": 20.0,
            },
        )
        placements.answer_offer(store, placement_id, accepted=True)

    def fill_renew(d: RenewDialog) -> None:
        assert d.field("start_date").widget.text() == "1-3-2023"
        type_in(qtbot, d, "end_date", "31-5-2023")  # three months: R12 says no
        assert d.check_summary().startswith("✗"), d.check_summary()
        type_in(qtbot, d, "end_date", "29-2-2024")
        assert d.check_summary().startswith("✓"), d.check_summary()

    driver.expect(RenewDialog, fill_renew)
    main_window.open_person(person_id, "placements")
    case = main_window.section("persons").case_file
    case.placements.select(placement_id)
    case.placements.renew()
    old, new = session.register.placements_of(person_id)
    assert old.outcome == "renewed" and new.previous_placement_id == old.id
    assert new.end_date == D(2024, 2, 29)


def test_r10_offer_refused_without_motivation_keeps_what_was_typed(
    qtbot, main_window, session, driver, dialogs, employer_id
) -> None:
    person_id = new_person(qtbot, main_window, driver, dialogs)
    kept: dict[str, str] = {}

    def fill_offer(d: OfferDialog) -> None:
        choose(d, "employer_id", employer_id)
        type_in(qtbot, d, "start_date", "1-10-2022")
        type_in(qtbot, d, "end_date", "31-13-2022")  # no such date
        type_in(qtbot, d, "hours_per_week", "10")
        assert "volgt zodra" in d.check_summary()  # the end date cannot be read
        assert not d.save()
        problem = d.findChild(QLabel, "problem_end_date")
        assert "bestaat niet als datum" in problem.text()
        assert "R10" in d.findChild(QLabel, "problem_offer_motivation").text()
        kept["end"] = d.field("end_date").widget.text()
        kept["hours"] = d.field("hours_per_week").widget.text()
        # Closing with typed input asks first; "Annuleren" keeps the dialog and the input.
        dialogs.answer("Annuleren")
        d.reject()
        assert d.isVisible()
        dialogs.answer("Niet opslaan")
        d.reject()
        assert not d.isVisible()

    driver.expect(OfferDialog, fill_offer, save=False)
    main_window.open_person(person_id, "placements")
    main_window.section("persons").case_file.placements.offer()
    assert kept == {"end": "31-13-2022", "hours": "10"}
    assert session.register.placements == []


def test_r12_offer_that_misses_the_conditions_asks_before_saving(
    qtbot, main_window, session, driver, dialogs, employer_id
) -> None:
    person_id = new_person(qtbot, main_window, driver, dialogs)

    def fill_offer(d: OfferDialog) -> None:
        choose(d, "employer_id", employer_id)
        type_in(qtbot, d, "start_date", "1-10-2022")
        type_in(qtbot, d, "end_date", "31-12-2022")
        type_in(qtbot, d, "hours_per_week", "10")
        type_in(qtbot, d, "offer_motivation", "Korte kennismaking.")
        dialogs.answer("Terug naar het aanbod")
        assert not d.save()
        dialogs.answer("Toch aanbieden")

    driver.expect(OfferDialog, fill_offer)
    main_window.open_person(person_id, "placements")
    main_window.section("persons").case_file.placements.offer()
    assert "R12" in dialogs.asked[-1][1]
    assert len(session.register.placements) == 1


def test_delete_asks_first_and_is_audited(qtbot, main_window, session, driver, dialogs) -> None:
    person_id = new_person(qtbot, main_window, driver, dialogs)

    def fill_note(d: NoteDialog) -> None:
        type_in(qtbot, d, "text", "Gebeld met moeder")

    driver.expect(NoteDialog, fill_note)
    main_window.open_person(person_id, "notes")
    notes = main_window.section("persons").case_file.notes
    notes.add()
    note = session.register.notes[0]
    notes.panel.table.select(lambda n: n.id == note.id)
    dialogs.answer("Annuleren")
    notes.delete()
    assert session.register.notes == [note]
    dialogs.answer("Verwijderen")
    notes.delete()
    assert session.register.notes == []
    entry = session.store.history(person_id=person_id)[0]
    assert (entry["action"], entry["table_name"]) == ("delete", "notes")
    main_window.open_person(person_id, "history")
    history = main_window.section("persons").case_file.history
    first = history.table.model.rows()[0]
    assert first.what == f"Notitie {note.id} verwijderd"
    assert "Gebeld met moeder" in first.changes


def test_history_reads_old_to_new_in_dutch(qtbot, main_window, session, driver, dialogs) -> None:
    person_id = new_person(qtbot, main_window, driver, dialogs)
    session.update("persons", person_id, {"city": "Staphorst"})
    session.update("persons", person_id, {"city": "IJhorst"})
    main_window.open_person(person_id, "history")
    lines = main_window.section("persons").case_file.history.table.model.rows()
    assert lines[0].changes == "Woonplaats: Staphorst → IJhorst"
    decision = next(line for line in lines if line.what.startswith("Beschikking"))
    assert "Uitkomst: Positief" in decision.changes and "15-8-2022" in decision.changes


def test_r12_temporary_contract_without_end_is_not_ticked_live_and_refused_on_save(
    qtbot, main_window, session, driver, dialogs, employer_id
) -> None:
    person_id = new_person(qtbot, main_window, driver, dialogs)
    seen: dict[str, str] = {}

    def fill_offer(d: OfferDialog) -> None:
        choose(d, "employer_id", employer_id)
        type_in(qtbot, d, "start_date", "1-10-2022")
        type_in(qtbot, d, "hours_per_week", "20")
        type_in(qtbot, d, "offer_motivation", "Past bij tempo en belastbaarheid")
        seen["check"] = d.check_summary()
        assert not d.save()
        seen["problem"] = d.findChild(QLabel, "problem_end_date").text()
        dialogs.answer("Niet opslaan")
        d.reject()

    driver.expect(OfferDialog, fill_offer, save=False)
    main_window.open_person(person_id, "placements")
    main_window.section("persons").case_file.placements.offer()
    assert "✓ R12: Contractduur" not in seen["check"]
    assert "? R12: Een tijdelijk contract heeft een einddatum" in seen["check"]
    assert "Een tijdelijk contract heeft een einddatum" in seen["problem"]
