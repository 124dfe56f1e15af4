"""Awb: the objection term (6:7, 6:8) with the Algemene termijnenwet, and the decision term
on an objection (7:10) moved by committee, deferral and suspension."""

from __future__ import annotations

import datetime as dt

from policy_2022 import RegisterBuilder

from beschut_desktop.rules.awb import (
    decision_due_in,
    objection_decision_due,
    objection_term_end,
)
from beschut_desktop.rules.model import Objection, Settings

D = dt.date
S = Settings()


def _objection(**values) -> Objection:
    return Objection(id=1, person_id=1, lodged_date=D(2022, 10, 3), **values)


def test_awb_objection_term_six_weeks_from_the_day_after_sending() -> None:
    assert objection_term_end(D(2022, 9, 6), S) == D(2022, 10, 18)


def test_awb_term_ending_on_a_weekend_moves_to_monday() -> None:
    assert objection_term_end(D(2022, 9, 3), S) == D(2022, 10, 17)


def test_awb_good_friday_and_easter_monday_count() -> None:
    assert objection_term_end(D(2023, 2, 24), S) == D(2023, 4, 11)


def test_awb_fifth_of_may_counts_every_year() -> None:
    assert objection_term_end(D(2022, 3, 24), S) == D(2022, 5, 6)


def test_awb_decision_due_six_weeks_after_the_term_ended() -> None:
    assert objection_decision_due(_objection(), S, sent_date=D(2022, 9, 6)) == D(2022, 11, 29)


def test_awb_advisory_committee_gives_twelve_weeks() -> None:
    due = objection_decision_due(_objection(advisory_committee=True), S, sent_date=D(2022, 9, 6))
    assert due == D(2023, 1, 10)


def test_awb_deferral_moves_the_due_date() -> None:
    due = objection_decision_due(_objection(deferral_weeks=6), S, sent_date=D(2022, 9, 6))
    assert due == D(2023, 1, 10)


def test_awb_suspension_moves_the_due_date_to_a_working_day() -> None:
    assert objection_decision_due(_objection(suspended_days=10), S, sent_date=D(2022, 9, 6)) == D(
        2022, 12, 9
    )
    assert objection_decision_due(_objection(suspended_days=11), S, sent_date=D(2022, 9, 6)) == D(
        2022, 12, 12
    )


def test_awb_without_sending_date_the_lodging_date_stands_in() -> None:
    assert objection_decision_due(_objection(), S) == D(2022, 11, 14)


def test_awb_terms_are_settings() -> None:
    settings = Settings(objection_term_weeks=4, objection_decision_weeks=8)
    assert objection_term_end(D(2022, 9, 6), settings) == D(2022, 10, 4)
    assert objection_decision_due(_objection(), settings, sent_date=D(2022, 9, 6)) == D(
        2022, 11, 29
    )


def test_awb_decision_due_looks_up_the_contested_decision_and_offer(build: RegisterBuilder) -> None:
    person = build.indicated(D(2022, 9, 1), sent_date=D(2022, 9, 6))
    employer = build.employer("Hupak")
    offer = build.placement(
        person,
        employer,
        None,
        offer_date=D(2022, 8, 30),
        offer_sent_date=D(2022, 9, 6),
        offer_status="refused",
    )
    register = build.load()
    decision_id = register.decisions[0].id
    build.store.insert(
        "objections",
        {"person_id": person, "decision_id": decision_id, "lodged_date": D(2022, 10, 3)},
    )
    build.store.insert(
        "objections", {"person_id": person, "placement_id": offer, "lodged_date": D(2022, 10, 3)}
    )
    register = build.load()
    assert [decision_due_in(register, o) for o in register.objections] == [
        D(2022, 11, 29),
        D(2022, 11, 29),
    ]
