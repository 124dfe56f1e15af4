"""R1–R6, R10, R14: indication, quota, queue order and states."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from policy_2022 import RegisterBuilder

from beschut_desktop.rules.budget import coaching_budget
from beschut_desktop.rules.indication import eligibility, standing_indication
from beschut_desktop.rules.quota import TO_PLACE, WAITING, queue, quota_status, waiting_list
from beschut_desktop.store.store import Store

D = dt.date
ON = D(2022, 9, 6)


def test_r1_qualifies_on_uwv_advice_and_a_recorded_basis(build: RegisterBuilder) -> None:
    ok = build.indicated(D(2021, 3, 1))
    no_basis = build.indicated(D(2021, 3, 1), eligibility_basis=None)
    register = build.load()
    assert eligibility(register, ok, ON).qualifies
    found = eligibility(register, no_basis, ON)
    assert not found.qualifies
    assert found.reasons == ["De grondslag (doelgroep of uitkering) is niet vastgelegd."]


def test_r1_negative_advice_or_no_decision_does_not_qualify(build: RegisterBuilder) -> None:
    person = build.person()
    advice = build.advice(person, D(2021, 2, 1), outcome="negative")
    build.decision(person, D(2021, 3, 1), advice_id=advice)
    nobody = build.person()
    register = build.load()
    assert eligibility(register, person, ON).reasons == ["Het advies van UWV is niet positief."]
    assert not eligibility(register, nobody, ON).qualifies


def test_r2_who_asked_and_which_ground_are_recorded(build: RegisterBuilder) -> None:
    person = build.person()
    build.advice(
        person,
        D(2021, 2, 1),
        requested_by="employer",
        ground_adaptations=True,
        ground_supervision=False,
    )
    advice = build.load().uwv_advices[0]
    assert advice.requested_by == "employer"
    assert (advice.ground_adaptations, advice.ground_supervision) == (True, False)


def test_r3_indication_stands_until_a_negative_reassessment(build: RegisterBuilder) -> None:
    person = build.indicated(D(2020, 3, 2))
    build.decision(person, D(2021, 6, 1), kind="reassessment")
    build.decision(person, D(2023, 6, 1), outcome="negative", kind="reassessment")
    register = build.load()
    standing = standing_indication(register, person, ON)
    assert standing is not None
    assert standing.determination_date == D(2020, 3, 2)  # a positive reassessment keeps it
    assert standing_indication(register, person, D(2023, 6, 1)) is None


def test_r3_check_due_yearly_after_decision_or_last_check(build: RegisterBuilder) -> None:
    person = build.indicated(D(2021, 8, 31))
    register = build.load()
    assert standing_indication(register, person, ON).next_check_due == D(2022, 8, 31)
    build.store.insert("indication_checks", {"person_id": person, "check_date": D(2022, 9, 1)})
    register = build.load()
    assert standing_indication(register, person, ON).next_check_due == D(2023, 9, 1)


def test_r3_decision_may_set_its_own_check_date(build: RegisterBuilder) -> None:
    person = build.indicated(D(2022, 1, 10), next_check_date=D(2022, 7, 1))
    assert standing_indication(build.load(), person, ON).next_check_due == D(2022, 7, 1)


def test_r3_check_interval_is_a_setting(build: RegisterBuilder) -> None:
    person = build.indicated(D(2022, 1, 10))
    build.store.save_settings({"indication_check_months": 6})
    assert standing_indication(build.load(), person, ON).next_check_due == D(2022, 7, 10)


def test_r4_missing_quota_year_is_said_not_guessed(build: RegisterBuilder) -> None:
    build.indicated(D(2026, 3, 1))
    register = build.load()
    on = D(2027, 2, 1)
    status = quota_status(register, on)
    assert status.quota is None
    assert status.message == "geen taakstelling ingevoerd voor 2027"
    assert coaching_budget(register, on).message == "geen taakstelling ingevoerd voor 2027"
    assert coaching_budget(register, on).remaining_hours is None
    assert [e.status for e in queue(register, on)] == ["onbekend"]  # not waiting: unknown


def test_r4_offer_not_started_does_not_count_as_realised(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 1, 10))
    build.placement(person, employer, D(2022, 10, 1), offer_status="accepted")
    register = build.load()
    assert quota_status(register, ON).realised == 0
    assert quota_status(register, D(2022, 10, 1)).realised == 1


def test_r5_queue_order_determination_then_advice_then_registration(build: RegisterBuilder) -> None:
    late = build.indicated(D(2022, 3, 1), advice_date=D(2022, 2, 1))
    early_advice_late = build.indicated(D(2022, 1, 10), advice_date=D(2022, 1, 5))
    early_advice_early = build.indicated(D(2022, 1, 10), advice_date=D(2021, 12, 1))
    same_a = build.indicated(D(2022, 1, 10), advice_date=D(2022, 1, 5), registered_on=D(2021, 6, 1))
    order = [e.person.id for e in queue(build.load(), ON)]
    assert order == [early_advice_early, same_a, early_advice_late, late]


def test_r5_other_fitting_provision_takes_a_person_off_the_queue(build: RegisterBuilder) -> None:
    fits = build.indicated(D(2022, 1, 10), other_provision_fits=True)
    waits = build.indicated(D(2022, 2, 10))
    ids = [e.person.id for e in queue(build.load(), ON)]
    assert fits not in ids and ids == [waits]


def test_r5_first_open_places_are_to_be_placed_the_rest_wait(build: RegisterBuilder) -> None:
    build.store.update("quota_years", 2022, {"quota": 2})
    employer = build.employer("Hupak")
    placed = build.indicated(D(2021, 1, 4))
    build.placement(placed, employer, D(2021, 6, 1))
    first, second = build.indicated(D(2022, 1, 10)), build.indicated(D(2022, 2, 10))
    register = build.load()
    assert [(e.person.id, e.status) for e in queue(register, ON)] == [
        (first, TO_PLACE),
        (second, WAITING),
    ]
    assert [e.person.id for e in waiting_list(register, ON)] == [second]


def test_r6_interim_provision_shows_in_the_queue(build: RegisterBuilder) -> None:
    person = build.indicated(D(2022, 1, 10))
    build.store.insert(
        "interim_provisions",
        {"person_id": person, "kind": "volunteering", "start_date": D(2022, 2, 1)},
    )
    entry = queue(build.load(), ON)[0]
    assert entry.interim_provision is not None
    assert entry.interim_provision.kind == "volunteering"


def test_r10_refusing_an_offer_keeps_a_person_on_the_queue(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 1, 10))
    build.placement(person, employer, None, offer_date=D(2022, 6, 1), offer_status="refused")
    entries = queue(build.load(), ON)
    assert [e.person.id for e in entries] == [person]
    assert entries[0].status == TO_PLACE


def test_r14_dismissed_person_returns_with_original_determination_date(
    build: RegisterBuilder,
) -> None:
    employer = build.employer("Bakkerij Van der Veen")
    dismissed = build.indicated(D(2019, 4, 1))
    build.placement(
        dismissed,
        employer,
        D(2019, 9, 1),
        D(2022, 6, 30),
        outcome="dismissed",
        end_reason="Ontslag na lang verzuim",
    )
    newer = build.indicated(D(2021, 1, 4))
    register = build.load()
    assert [e.person.id for e in queue(register, D(2022, 6, 30))] == [newer]
    entries = queue(register, ON)
    assert [e.person.id for e in entries] == [dismissed, newer]
    assert entries[0].determination_date == D(2019, 4, 1)
    assert standing_indication(register, dismissed, ON) is not None


persons_strategy = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=30),  # determination date, days after 1-1-2021
        st.one_of(st.none(), st.integers(min_value=0, max_value=30)),  # advice date offset
        st.integers(min_value=0, max_value=5),  # registration, days after 1-1-2020
        st.booleans(),  # placed on the date
    ),
    min_size=0,
    max_size=9,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=persons_strategy, quota=st.integers(min_value=0, max_value=6))
def test_r5_queue_order_and_statuses_hold_for_any_register(people: list, quota: int) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        Store.open(Path(folder) / "r.db", backups=False) as store,
    ):
        store.update("quota_years", 2022, {"quota": quota})
        build = RegisterBuilder(store)
        employer = build.employer("Hupak")
        for decided, advised, registered, placed in people:
            decision_date = D(2021, 1, 1) + dt.timedelta(days=decided)
            person = build.person(D(2020, 1, 1) + dt.timedelta(days=registered))
            advice = None
            if advised is not None:
                advice = build.advice(person, D(2020, 12, 1) + dt.timedelta(days=advised))
            build.decision(person, decision_date, advice_id=advice)
            if placed:
                build.placement(person, employer, D(2022, 1, 1))
        register = store.load()
        entries = queue(register, ON)
        realised = quota_status(register, ON).realised
        assert realised == sum(1 for p in people if p[3])
        assert len(entries) == len(people) - realised
        keys = [
            (e.determination_date, e.advice_date or D.max, e.person.registered_on, e.person.id)
            for e in entries
        ]
        assert keys == sorted(keys)
        assert [e.position for e in entries] == list(range(1, len(entries) + 1))
        to_place = [e for e in entries if e.status == TO_PLACE]
        assert len(to_place) == min(len(entries), max(0, quota - realised))
        assert entries[: len(to_place)] == to_place


def test_r5_unanswered_offer_past_its_start_is_no_place_and_keeps_the_queue(store) -> None:
    import datetime as dt

    from beschut_desktop.rules.quota import queue, quota_status

    person = store.insert(
        "persons",
        {
            "bsn": "111222333",
            "first_name": "Jan",
            "last_name": "Jansen",
            "registered_on": "2022-01-01",
        },
    )
    employer = store.insert("employers", {"name": "Hupak", "kind": "private"})
    store.insert(
        "decisions",
        {
            "person_id": person,
            "decision_date": "2022-02-01",
            "outcome": "positive",
            "eligibility_basis": "WW",
        },
    )
    store.insert(
        "placements",
        {
            "person_id": person,
            "employer_id": employer,
            "offer_status": "offered",
            "start_date": "2022-03-01",
            "hours_per_week": 20,
        },
    )
    register = store.load()
    on = dt.date(2022, 9, 6)
    assert quota_status(register, on).realised == 0
    assert [entry.person.id for entry in queue(register, on)] == [person]
