"""No edit dialog loses data: every dialog that changes a stored record opens with every field it
saves, so saving without a change writes nothing to the audit trail."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from ui_helpers import placed

from beschut_desktop.actions import employers, objections, placements, reviews
from beschut_desktop.ui.dialogs.base import FlowDialog
from beschut_desktop.ui.dialogs.employer import CoachDialog, EmployerDialog
from beschut_desktop.ui.dialogs.indication import AdviceDialog, PersonDialog
from beschut_desktop.ui.dialogs.objection import ObjectionProgressDialog
from beschut_desktop.ui.dialogs.placement import ReviewDialog
from beschut_desktop.ui.dialogs.placement_edit import EditPlacementDialog

D = dt.date


@pytest.fixture
def full(store, session) -> dict[str, int]:
    """One record of every kind an edit dialog opens, with every optional field filled."""
    person_id, employer_id, placement_id = placed(store)
    store.update(
        "persons",
        person_id,
        {
            "birth_date": D(1990, 5, 17),
            "phone": "06-12345678",
            "email": "jan@example.nl",
            "address": "Gemeenteweg 1",
            "postal_code": "7951 AA",
            "city": "Staphorst",
        },
    )
    employers.save_employer(
        store,
        employer_id,
        {
            "kvk_number": "12345678",
            "category": "b",
            "transitional_arrangement": "tot 2024",
            "contact_name": "Piet van der Veen",
            "phone": "0522-123456",
            "email": "info@bakkerij.nl",
            "address": "Dorpsstraat 5, Staphorst",
            "notes": "Graag vóór tien uur bellen.",
        },
    )
    coach_id = employers.add_coach(
        store, employer_id, name="Anna de Vries", phone="06-87654321", email="anna@bakkerij.nl"
    )
    employers.set_criterion(
        store, coach_id, 8, met=True, evidence="Diploma jobcoach", checked_on=D(2023, 1, 5)
    )
    placements.save_placement(
        store,
        placement_id,
        {
            "coach_id": coach_id,
            "job_description": "Brood inpakken en etiketteren.",
            "development_plan_date": D(2023, 2, 15),
            "support_pace": True,
            "support_notes": "Rustige werkplek.",
        },
    )
    review_id = reviews.record_review(
        store,
        placement_id,
        review_date=D(2023, 7, 1),
        participants="Jan, Piet, consulent",
        functioning="Goed",
        situation="Stabiel",
        perspective="Meer uren",
        development_plan_progress="Op schema",
        safety="Veilig",
        notes="Volgende keer met moeder.",
    )
    objection_id = objections.lodge_objection(
        store,
        person_id,
        lodged_date=D(2023, 1, 20),
        placement_id=placement_id,
        advisory_committee=True,
        notes="Te ver reizen.",
    )
    objections.set_terms(
        store, objection_id, advisory_committee=True, deferral_weeks=2, suspended_days=3
    )
    objections.decide_objection(
        store, objection_id, decided_on=D(2023, 3, 1), outcome="rejected", notes="Ongegrond."
    )
    advice = next(a for a in store.load().uwv_advices if a.person_id == person_id)
    session.reload()
    return {
        "person": person_id,
        "employer": employer_id,
        "coach": coach_id,
        "placement": placement_id,
        "review": review_id,
        "objection": objection_id,
        "advice": advice.id,
    }


def _person(session, ids):
    return PersonDialog(session, session.register.person(ids["person"]))


def _employer(session, ids):
    return EmployerDialog(session, session.register.employer(ids["employer"]))


def _coach(session, ids):
    return CoachDialog(session, ids["employer"], session.register.coach(ids["coach"]))


def _placement(session, ids):
    return EditPlacementDialog(session, session.register.placement(ids["placement"]))


def _review(session, ids):
    placement = session.register.placement(ids["placement"])
    review = next(r for r in session.register.reviews_of(placement.id) if r.id == ids["review"])
    return ReviewDialog(session, placement, review=review)


def _objection(session, ids):
    objection = next(o for o in session.register.objections if o.id == ids["objection"])
    return ObjectionProgressDialog(session, objection)


def _advice(session, ids):
    advice = next(a for a in session.register.uwv_advices if a.id == ids["advice"])
    return AdviceDialog(session, advice)


EDIT_DIALOGS: dict[str, Callable] = {
    "person": _person,
    "employer": _employer,
    "coach": _coach,
    "placement": _placement,
    "review": _review,
    "objection": _objection,
    "advice": _advice,
}


def audit_changes(store, after: int) -> list[tuple[str, str, dict]]:
    """Audit entries written after entry ``after`` that change something (old differs from new)."""
    found = []
    for entry in store.rows("audit", "id > ?", (after,)):
        changes = json.loads(entry["changes"] or "{}")
        if entry["action"] != "update" or any(
            isinstance(v, list) and v[0] != v[1] for v in changes.values()
        ):
            found.append((entry["action"], entry["table_name"], changes))
    return found


@pytest.mark.parametrize("kind", list(EDIT_DIALOGS))
def test_saving_an_edit_dialog_unchanged_changes_nothing(qtbot, store, session, full, kind):
    dialog: FlowDialog = EDIT_DIALOGS[kind](session, full)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.dirty, f"{kind}: the dialog counts as changed right after opening"
    last = max((e["id"] for e in store.rows("audit")), default=0)
    assert dialog.save(), f"{kind}: the unchanged record was refused"
    assert audit_changes(store, last) == []


def test_coach_dialog_opens_with_name_phone_and_email(qtbot, store, session, full):
    """Werkgever → Begeleiders → "Criteria bijwerken": retyping only the name keeps the rest."""
    dialog = CoachDialog(session, full["employer"], session.register.coach(full["coach"]))
    qtbot.addWidget(dialog)
    assert dialog.field("name").value() == "Anna de Vries"
    assert dialog.field("phone").value() == "06-87654321"
    assert dialog.field("email").value() == "anna@bakkerij.nl"
    dialog.field("name").widget.clear()
    qtbot.keyClicks(dialog.field("name").widget, "Anna de Vries-Mulder")
    assert dialog.save()
    coach = session.register.coach(full["coach"])
    assert (coach.name, coach.phone, coach.email) == (
        "Anna de Vries-Mulder",
        "06-87654321",
        "anna@bakkerij.nl",
    )
    criterion = next(c for c in session.register.coach_criteria if c.coach_id == coach.id)
    assert (criterion.item, criterion.met, criterion.evidence) == (8, True, "Diploma jobcoach")


def test_a_review_can_be_edited_from_the_case_file(qtbot, main_window, session, full, monkeypatch):
    from beschut_desktop.ui.dialogs import base

    def fill(dialog: ReviewDialog) -> bool:
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Voortgangsgesprek wijzigen"
        assert dialog.field("functioning").value() == "Goed"
        dialog.field("safety").widget.setPlainText("Veilig, ook in de kantine")
        return dialog.save()

    monkeypatch.setattr(base, "run", fill)
    session.set_as_of(dt.date(2024, 1, 1))  # the case file shows what is dated on or before it
    main_window.open_person(full["person"], "reviews")
    case = main_window.section("persons").case_file
    case.reviews.panel.table.select(lambda r: r.id == full["review"])
    case.reviews.panel.button_row.parentWidget().findChild(
        type(case.step_button), "edit_review"
    ).click()
    review = next(r for r in session.register.reviews_of(full["placement"]))
    assert (review.safety, review.functioning) == ("Veilig, ook in de kantine", "Goed")
    assert len(session.register.reviews_of(full["placement"])) == 1


def test_record_advice_keeps_a_recorded_advice(qtbot, store, session, full):
    advice = next(a for a in session.register.uwv_advices if a.id == full["advice"])
    dialog = AdviceDialog(session, advice)
    qtbot.addWidget(dialog)
    assert dialog.field("advice_date").value() == D(2022, 2, 1)
    assert dialog.field("outcome").value() == "positive"


# Dialogs that add a new record (or start a new contract) rather than change a stored one.
NEW_RECORD_DIALOGS = {
    "NewRequestDialog",
    "AdviceRequestDialog",
    "DecisionDialog",
    "ReassessmentDialog",
    "IndicationCheckDialog",
    "InterimDialog",
    "NoteDialog",
    "AgreementDialog",
    "ObjectionDialog",
    "OfferDialog",
    "RenewDialog",
    "EndDialog",
    "WageValueDialog",
    "GoalDialog",
}


def test_every_dialog_is_either_a_new_record_or_tested_above():
    """A new dialog must be placed: it adds a record, or it edits one and joins the test above."""
    import beschut_desktop.ui.dialogs.employer  # noqa: F401
    import beschut_desktop.ui.dialogs.indication  # noqa: F401
    import beschut_desktop.ui.dialogs.objection  # noqa: F401
    import beschut_desktop.ui.dialogs.offer  # noqa: F401
    import beschut_desktop.ui.dialogs.placement  # noqa: F401
    import beschut_desktop.ui.dialogs.placement_edit  # noqa: F401

    def subclasses(cls: type) -> set[type]:
        found = set(cls.__subclasses__())
        return found.union(*(subclasses(c) for c in found))

    tested = {
        "PersonDialog",
        "EmployerDialog",
        "CoachDialog",
        "EditPlacementDialog",
        "ReviewDialog",
        "ObjectionProgressDialog",
        "AdviceDialog",
    }
    names = {c.__name__ for c in subclasses(FlowDialog)}
    assert names - NEW_RECORD_DIALOGS - tested == set()
