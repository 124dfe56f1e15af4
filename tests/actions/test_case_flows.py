"""The guided flows without widgets: request → advice → decision → offer → review → end."""

from __future__ import annotations

import datetime as dt

import pytest

from beschut_desktop.actions import cases, employers, objections, placements, reviews
from beschut_desktop.errors import ValidationError
from beschut_desktop.rules.indication import standing_indication
from beschut_desktop.store.store import Store

D = dt.date
JAN = {"bsn": "111222333", "first_name": "Jan", "last_name": "Jansen"}
PIET = {"bsn": "123456782", "first_name": "Piet", "last_name": "Pietersen"}


def indicated(store: Store, person: dict, decided: dt.date) -> int:
    """A person with a positive decision on a positive advice."""
    person_id, advice_id = cases.new_request(
        store, person=person, requested_by="municipality", request_date=decided - dt.timedelta(60)
    )
    cases.record_advice(
        store,
        advice_id,
        advice_date=decided - dt.timedelta(10),
        outcome="positive",
        ground_adaptations=False,
        ground_supervision=True,
    )
    cases.record_decision(
        store,
        person_id,
        decision_date=decided,
        outcome="positive",
        advice_id=advice_id,
        eligibility_basis="Wajong",
    )
    return person_id


def employer(store: Store) -> int:
    return employers.save_employer(
        store, None, {"name": "Reestdal Werken B.V.", "kind": "sw_company", "category": "a"}
    )


OFFER = {
    "offer_date": D(2022, 9, 1),
    "offer_motivation": "Past bij zijn tempo en interesses.",
    "start_date": D(2022, 10, 1),
    "end_date": D(2023, 9, 30),
    "hours_per_week": 24.0,
    "job_title": "Medewerker groen",
    "support_pace": True,
}


def test_r1_new_request_records_who_asked_and_the_person(store: Store) -> None:
    person_id, advice_id = cases.new_request(
        store,
        person={**JAN, "bsn": "11122 2333"},
        requested_by="employer",
        request_date=D(2022, 3, 1),
        ground_adaptations=True,
    )
    register = store.load()
    assert register.person(person_id).bsn == "111222333"
    assert register.person(person_id).registered_on == D(2022, 3, 1)
    advice = register.uwv_advices[0]
    assert (advice.id, advice.requested_by, advice.outcome) == (advice_id, "employer", "pending")
    assert advice.ground_adaptations


def test_new_request_refuses_bad_bsn_and_missing_requester_field_by_field(store: Store) -> None:
    with pytest.raises(ValidationError) as caught:
        cases.new_request(
            store, person={**JAN, "bsn": "123"}, requested_by="", request_date=D(2022, 3, 1)
        )
    assert set(caught.value.problems) == {"bsn", "requested_by"}
    assert store.load().persons == []


def test_new_request_for_a_known_bsn_writes_nothing(store: Store) -> None:
    cases.new_request(store, person=JAN, requested_by="person", request_date=D(2022, 3, 1))
    with pytest.raises(ValidationError, match="bestaat al"):
        cases.new_request(store, person=JAN, requested_by="person", request_date=D(2022, 4, 1))
    register = store.load()
    assert len(register.persons) == 1 and len(register.uwv_advices) == 1


def test_r2_positive_advice_needs_a_ground(store: Store) -> None:
    _, advice_id = cases.new_request(
        store, person=JAN, requested_by="person", request_date=D(2022, 3, 1)
    )
    with pytest.raises(ValidationError) as caught:
        cases.record_advice(
            store,
            advice_id,
            advice_date=D(2022, 4, 1),
            outcome="positive",
            ground_adaptations=False,
            ground_supervision=False,
        )
    assert "ground_adaptations" in caught.value.problems


def test_r1_positive_decision_needs_advice_and_basis(store: Store) -> None:
    person_id, advice_id = cases.new_request(
        store, person=JAN, requested_by="person", request_date=D(2022, 3, 1)
    )
    with pytest.raises(ValidationError) as caught:
        cases.record_decision(
            store, person_id, decision_date=D(2022, 5, 1), outcome="positive", advice_id=advice_id
        )
    assert set(caught.value.problems) == {"advice_id", "eligibility_basis"}


def test_r5_positive_decision_joins_the_queue_at_once(store: Store) -> None:
    first = indicated(store, JAN, D(2022, 5, 1))
    register = store.load()
    assert cases.queue_status(register, first, D(2022, 9, 6)) == "te_plaatsen"
    decision = register.decisions[0]
    assert decision.sent_date == D(2022, 5, 1)  # defaults to the decision date (Awb)
    assert decision.next_check_date == D(2023, 5, 1)  # R3: a year later by default


def test_r5_waiting_list_once_the_quota_is_reached(store: Store) -> None:
    store.update("quota_years", 2022, {"quota": 1})
    first = indicated(store, JAN, D(2022, 5, 1))
    second = indicated(store, PIET, D(2022, 6, 1))
    register = store.load()
    assert cases.queue_status(register, first, D(2022, 9, 6)) == "te_plaatsen"
    assert cases.queue_status(register, second, D(2022, 9, 6)) == "wachtlijst"


def test_r10_offer_needs_motivation_and_accepting_places_the_person(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    employer_id = employer(store)
    with pytest.raises(ValidationError) as caught:
        placements.offer_placement(
            store, person_id, {**OFFER, "employer_id": employer_id, "offer_motivation": "  "}
        )
    assert "R10" in caught.value.problems["offer_motivation"]
    placement_id = placements.offer_placement(
        store, person_id, {**OFFER, "employer_id": employer_id}
    )
    register = store.load()
    placement = register.placement(placement_id)
    assert placement.offer_status == "offered" and placement.offer_sent_date == D(2022, 9, 1)
    # An offer that has not started does not count: still in the queue.
    assert cases.queue_status(register, person_id, D(2022, 9, 20)) == "te_plaatsen"
    placements.answer_offer(store, placement_id, accepted=True, answered_on=D(2022, 9, 15))
    register = store.load()
    assert cases.queue_status(register, person_id, D(2022, 10, 5)) is None
    assert cases.queue_status(register, person_id, D(2022, 9, 20)) == "te_plaatsen"


def test_r10_refusing_an_offer_keeps_the_person_in_the_queue(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    placement_id = placements.offer_placement(
        store, person_id, {**OFFER, "employer_id": employer(store)}
    )
    placements.answer_offer(store, placement_id, accepted=False, notes="Te ver reizen.")
    register = store.load()
    assert register.placement(placement_id).offer_status == "refused"
    assert cases.queue_status(register, person_id, D(2022, 10, 5)) == "te_plaatsen"
    with pytest.raises(ValidationError):
        placements.answer_offer(store, placement_id, accepted=True)


def test_r10_offer_without_indication_is_refused(store: Store) -> None:
    person_id, _ = cases.new_request(
        store, person=JAN, requested_by="person", request_date=D(2022, 3, 1)
    )
    with pytest.raises(ValidationError) as caught:
        placements.offer_placement(store, person_id, {**OFFER, "employer_id": employer(store)})
    assert "offer_date" in caught.value.problems


def test_r10_upheld_objection_against_an_offer_asks_for_a_new_offer(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    placement_id = placements.offer_placement(
        store, person_id, {**OFFER, "employer_id": employer(store)}
    )
    placements.answer_offer(store, placement_id, accepted=False)
    objection_id = objections.lodge_objection(
        store, person_id, lodged_date=D(2022, 9, 20), placement_id=placement_id
    )
    objections.set_terms(
        store, objection_id, advisory_committee=True, deferral_weeks=6, suspended_days=10
    )
    with pytest.raises(ValidationError):
        objections.set_terms(
            store, objection_id, advisory_committee=True, deferral_weeks=7, suspended_days=0
        )
    result = objections.decide_objection(
        store, objection_id, decided_on=D(2022, 11, 1), outcome="upheld"
    )
    assert result.new_offer_needed and not result.new_decision_needed
    stored = store.load().objections[0]
    assert (stored.deferral_weeks, stored.suspended_days, stored.outcome) == (6, 10, "upheld")


def test_objection_must_point_at_a_decision_or_offer(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    with pytest.raises(ValidationError) as caught:
        objections.lodge_objection(store, person_id, lodged_date=D(2022, 5, 20))
    assert "decision_id" in caught.value.problems


def test_r18_r19_review_needs_the_three_subjects(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    placement_id = placements.offer_placement(
        store, person_id, {**OFFER, "employer_id": employer(store)}
    )
    with pytest.raises(ValidationError) as caught:
        reviews.record_review(store, placement_id, review_date=D(2023, 3, 1), functioning="Goed")
    assert set(caught.value.problems) == {"situation", "perspective"}
    reviews.record_review(
        store,
        placement_id,
        review_date=D(2023, 3, 1),
        functioning="Goed",
        situation="Stabiel",
        perspective="Meer uren",
        safety="Veilig",
    )
    review = store.load().reviews_of(placement_id)[0]
    assert (review.functioning, review.safety, review.privacy) == ("Goed", "Veilig", None)


def test_r20_renewal_is_a_new_contract_pointing_back(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    old_id = placements.offer_placement(store, person_id, {**OFFER, "employer_id": employer(store)})
    placements.answer_offer(store, old_id, accepted=True)
    new_id = placements.renew_placement(store, old_id, end_date=D(2024, 9, 30))
    permanent_id = placements.renew_placement(store, new_id, permanent=True)
    register = store.load()
    old, new, permanent = (register.placement(i) for i in (old_id, new_id, permanent_id))
    assert old.outcome == "renewed" and new.previous_placement_id == old_id
    assert new.start_date == D(2023, 10, 1) and new.hours_per_week == 24.0
    assert new.support_pace and new.job_title == "Medewerker groen"
    assert new.outcome == "permanent" and permanent.contract_type == "permanent"
    assert permanent.start_date == D(2024, 10, 1) and permanent.end_date is None
    with pytest.raises(ValidationError):
        placements.renew_placement(store, old_id, end_date=D(2025, 1, 1))


def test_r14_dismissal_returns_the_person_to_the_queue_with_their_date(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    placement_id = placements.offer_placement(
        store, person_id, {**OFFER, "employer_id": employer(store)}
    )
    placements.answer_offer(store, placement_id, accepted=True)
    placements.end_placement(
        store,
        placement_id,
        end_date=D(2023, 1, 31),
        outcome="dismissed",
        end_reason="Ontslag na conflict",
        interim={"kind": "day_activities", "start_date": D(2023, 2, 1)},
    )
    register = store.load()
    assert register.placement(placement_id).outcome == "dismissed"
    entry = cases.queue_entry(register, person_id, D(2023, 2, 1))
    assert entry is not None and entry.determination_date == D(2022, 5, 1)
    assert entry.interim_provision.kind == "day_activities"


def test_r6_new_interim_provision_ends_the_running_one(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    first = cases.start_interim_provision(
        store, person_id, kind="volunteering", start_date=D(2022, 5, 2)
    )
    cases.start_interim_provision(store, person_id, kind="day_activities", start_date=D(2022, 8, 1))
    register = store.load()
    assert next(i for i in register.interim_provisions if i.id == first).end_date == D(2022, 7, 31)
    with pytest.raises(ValidationError) as caught:
        cases.start_interim_provision(store, person_id, kind="other", start_date=D(2022, 9, 1))
    assert "description" in caught.value.problems


def test_r3_negative_reassessment_ends_the_indication(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    cases.record_reassessment(store, person_id, decision_date=D(2022, 8, 1), outcome="positive")
    register = store.load()
    indication = standing_indication(register, person_id, D(2022, 9, 1))
    assert indication.determination_date == D(2022, 5, 1)
    cases.record_reassessment(store, person_id, decision_date=D(2023, 8, 1), outcome="negative")
    register = store.load()
    assert standing_indication(register, person_id, D(2023, 9, 1)) is None
    assert cases.queue_status(register, person_id, D(2023, 9, 1)) is None
    with pytest.raises(ValidationError):
        cases.record_reassessment(store, person_id, decision_date=D(2023, 9, 1), outcome="positive")


def test_r3_check_that_no_longer_fits_needs_a_reason(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    with pytest.raises(ValidationError):
        cases.record_indication_check(store, person_id, check_date=D(2023, 5, 1), still_fits=False)
    cases.record_indication_check(store, person_id, check_date=D(2023, 5, 1), still_fits=True)
    assert store.load().indication_checks[0].still_fits


def test_r8_wage_value_assessment_closes_the_flat_rate_period(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    placement_id = placements.offer_placement(
        store, person_id, {**OFFER, "employer_id": employer(store)}
    )
    store.insert(
        "subsidy_periods",
        {"placement_id": placement_id, "kind": "flat_rate", "start_date": "2022-10-01"},
    )
    with pytest.raises(ValidationError):
        placements.record_wage_value(
            store, placement_id, assessment_date=D(2022, 12, 1), wage_value_percentage=120
        )
    placements.record_wage_value(
        store,
        placement_id,
        assessment_date=D(2022, 12, 1),
        wage_value_percentage=45.5,
        assessor="UWV",
    )
    register = store.load()
    assert register.subsidy_periods[0].end_date == D(2022, 11, 30)
    assert register.assessments_of(placement_id)[0].wage_value_percentage == 45.5


def test_r15_criterion_met_needs_evidence_and_date(store: Store) -> None:
    employer_id = employer(store)
    coach_id = employers.add_coach(store, employer_id, name="Anja de Vries")
    assert store.load().coach_criteria == []  # unassessed until a criterion is recorded
    with pytest.raises(ValidationError) as caught:
        employers.set_criterion(store, coach_id, 8, met=True)
    assert set(caught.value.problems) == {"evidence", "checked_on"}
    employers.set_criterion(
        store, coach_id, 8, met=True, evidence="Diploma gezien", checked_on=D(2023, 2, 1)
    )
    criterion = next(c for c in store.load().coach_criteria if c.item == 8)
    assert criterion.met and criterion.evidence == "Diploma gezien"


def test_r17_moved_person_gets_one_year_and_explicit_confirmation(store: Store) -> None:
    employer_id = employer(store)
    values = {
        "reason": "moved",
        "agreed_on": D(2023, 2, 1),
        "deadline": D(2024, 6, 1),
        "prospect": "Begeleider volgt opleiding",
    }
    with pytest.raises(ValidationError) as caught:
        employers.add_tailored_agreement(store, employer_id, values)
    assert set(caught.value.problems) == {"deadline", "employer_confirmed"}
    deadline = employers.default_deadline("moved", D(2023, 2, 1))
    assert deadline == D(2024, 2, 1)
    employers.add_tailored_agreement(
        store, employer_id, {**values, "deadline": deadline, "employer_confirmed": True}
    )
    assert store.load().tailored_agreements[0].deadline == D(2024, 2, 1)


def test_r13_sector_cao_must_be_named(store: Store) -> None:
    with pytest.raises(ValidationError) as caught:
        employers.save_employer(
            store, None, {"name": "Hupak", "kind": "private", "cao": "sector", "kvk_number": "12"}
        )
    assert set(caught.value.problems) == {"cao_name", "kvk_number"}


def test_every_flow_is_audited_with_the_person(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    tables = [entry["table_name"] for entry in store.history(person_id=person_id)]
    assert sorted(set(tables)) == ["decisions", "persons", "uwv_advices"]


def test_delete_is_audited(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    note_id = cases.add_note(
        store, text_="Belafspraak", created_on=D(2022, 9, 6), person_id=person_id
    )
    cases.delete(store, "notes", note_id)
    entry = store.history(person_id=person_id)[0]
    assert (entry["action"], entry["table_name"], entry["record_id"]) == (
        "delete",
        "notes",
        str(note_id),
    )


def test_r18_review_in_the_future_or_before_the_contract_start_is_refused(store: Store) -> None:
    person_id = indicated(store, JAN, D(2022, 5, 1))
    placement_id = placements.offer_placement(
        store, person_id, {**OFFER, "employer_id": employer(store)}
    )
    start = store.load().placement(placement_id).start_date
    subjects = {"functioning": "Goed", "situation": "Stabiel", "perspective": "Meer uren"}
    with pytest.raises(ValidationError) as caught:
        reviews.record_review(
            store, placement_id, review_date=D(2027, 6, 15), today=D(2026, 12, 3), **subjects
        )
    assert "toekomst" in caught.value.problems["review_date"]
    with pytest.raises(ValidationError) as caught:
        reviews.record_review(
            store,
            placement_id,
            review_date=start - dt.timedelta(days=1),
            today=D(2026, 12, 3),
            **subjects,
        )
    assert "vóór de start van het contract" in caught.value.problems["review_date"]
    assert store.load().reviews_of(placement_id) == []


def test_r5_offer_passing_over_people_te_plaatsen_asks_why_and_records_it(store: Store) -> None:
    first = indicated(store, JAN, D(2022, 5, 1))
    second = indicated(store, PIET, D(2022, 6, 1))
    employer_id = employer(store)
    with pytest.raises(ValidationError) as caught:
        placements.offer_placement(store, second, {**OFFER, "employer_id": employer_id})
    problem = caught.value.problems["passed_over_reason"]
    assert "BW-00001" in problem and "R5" in problem
    assert store.load().placements == []
    placement_id = placements.offer_placement(
        store,
        second,
        {**OFFER, "employer_id": employer_id},
        passed_over_reason="Jan is opgenomen in het ziekenhuis",
    )
    note = store.load().notes[0]
    assert (note.placement_id, note.person_id, note.created_on) == (
        placement_id,
        second,
        OFFER["offer_date"],
    )
    assert "BW-00001 (nr. 1 in de rij)" in note.text and "ziekenhuis" in note.text
    assert first != second


def test_r5_queue_shows_who_has_an_open_offer(store: Store) -> None:
    from beschut_desktop.rules.quota import queue, status_text

    person_id = indicated(store, JAN, D(2022, 5, 1))
    placement_id = placements.offer_placement(
        store, person_id, {**OFFER, "employer_id": employer(store)}
    )
    register = store.load()
    before, after = queue(register, D(2022, 8, 31)), queue(register, D(2022, 9, 2))
    assert before[0].open_offer_id is None
    assert after[0].open_offer_id == placement_id
    assert status_text(after[0]) == "Te plaatsen, aanbod open sinds 1-9-2022"
