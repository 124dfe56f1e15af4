"""The signals engine: every kind, its lead time, overdue, handled, and the next due date."""

from __future__ import annotations

import datetime as dt

from policy_2022 import RegisterBuilder

from beschut_desktop.rules.model import Register
from beschut_desktop.rules.results import Signal
from beschut_desktop.rules.signals import SIGNAL_KINDS, signals_on

D = dt.date


def _kind(register: Register, on: dt.date, kind: str, **options) -> list[Signal]:
    return [s for s in signals_on(register, on, **options) if s.kind == kind]


def _working(build: RegisterBuilder, start: dt.date, **values) -> int:
    """A placement meeting every condition, with an indication decided long before."""
    employer = build.employer("Hupak")
    person = build.indicated(start - dt.timedelta(days=200))
    return build.compliant_placement(person, employer, start, **values)


def _handle(build: RegisterBuilder, signal: Signal, on: dt.date) -> None:
    build.store.insert(
        "handled_signals", {"signal_key": signal.key, "due_date": signal.due_date, "handled_on": on}
    )


def test_r18_review_signal_four_weeks_ahead_then_overdue(build: RegisterBuilder) -> None:
    placement_id = _working(build, D(2023, 3, 1))
    register = build.load()
    assert _kind(register, D(2023, 8, 3), "review") == []  # due 1-9-2023: 29 days ahead
    ahead = _kind(register, D(2023, 8, 4), "review")
    assert [(s.key, s.due_date, s.overdue, s.rule) for s in ahead] == [
        (f"review:placement:{placement_id}", D(2023, 9, 1), False, "R18")
    ]
    assert ahead[0].title == "Voortgangsgesprek plannen"
    late = _kind(register, D(2023, 9, 2), "review")
    assert late[0].overdue and late[0].title == "Voortgangsgesprek te laat"


def test_r18_handled_signal_hidden_for_its_due_date_next_due_date_is_new(
    build: RegisterBuilder,
) -> None:
    placement_id = _working(build, D(2023, 3, 1))
    on = D(2023, 9, 2)
    signal = _kind(build.load(), on, "review")[0]
    _handle(build, signal, on)
    register = build.load()
    assert _kind(register, on, "review") == []
    shown = _kind(register, on, "review", include_handled=True)
    assert len(shown) == 1 and shown[0].handled
    build.review(placement_id, D(2023, 9, 5))
    later = _kind(build.load(), D(2024, 3, 1), "review")
    assert [(s.key, s.due_date, s.handled) for s in later] == [(signal.key, D(2024, 3, 5), False)]


def test_r8_wage_value_and_flat_rate_end_signals(build: RegisterBuilder) -> None:
    placement_id = _working(build, D(2023, 3, 1))
    register = build.load()
    on = D(2023, 6, 15)
    flat = _kind(register, on, "flat_rate_end")
    wage = _kind(register, on, "wage_value")
    assert [(s.due_date, s.rule) for s in flat] == [(D(2023, 6, 30), "R8")]
    assert [(s.due_date, s.overdue) for s in wage] == [(D(2023, 6, 30), False)]
    after = D(2023, 7, 3)
    assert _kind(register, after, "flat_rate_end") == []
    assert _kind(register, after, "wage_value")[0].overdue
    build.assessment(placement_id, D(2023, 7, 4), 45.0)
    register = build.load()
    # As of means as of: on 3 July the assessment of 4 July had not been made yet.
    assert _kind(register, after, "wage_value")[0].overdue
    assert _kind(register, D(2023, 7, 4), "wage_value") == []
    assert _kind(register, D(2024, 7, 1), "wage_value")[0].due_date == D(2024, 7, 4)


def test_r20_contract_ending_within_eight_weeks_or_ended_without_outcome(
    build: RegisterBuilder,
) -> None:
    placement_id = _working(build, D(2023, 3, 1), end=D(2024, 2, 29))
    register = build.load()
    assert _kind(register, D(2024, 1, 3), "contract_end") == []  # 57 days ahead
    ahead = _kind(register, D(2024, 1, 4), "contract_end")
    assert [(s.key, s.title) for s in ahead] == [
        (f"contract_end:placement:{placement_id}", "Contract loopt af")
    ]
    ended = _kind(register, D(2024, 5, 1), "contract_end")
    assert ended[0].overdue and ended[0].title == "Contract afgelopen zonder uitkomst"
    build.store.update("placements", placement_id, {"outcome": "ended"})
    assert _kind(build.load(), D(2024, 5, 1), "contract_end")[0].title == "Reden einde ontbreekt"
    build.store.update("placements", placement_id, {"end_reason": "Eigen verzoek werknemer"})
    assert _kind(build.load(), D(2024, 5, 1), "contract_end") == []


def test_r20_renewal_answers_the_contract_end(build: RegisterBuilder) -> None:
    first = _working(build, D(2023, 3, 1), end=D(2024, 2, 29))
    register = build.load()
    placement = register.placement(first)
    build.compliant_placement(
        placement.person_id,
        placement.employer_id,
        D(2024, 3, 1),
        D(2025, 2, 28),
        previous_placement_id=first,
    )
    signals = _kind(build.load(), D(2024, 2, 1), "contract_end")
    assert signals == []


def test_r3_indication_check_signal(build: RegisterBuilder) -> None:
    person = build.indicated(D(2022, 9, 1))
    register = build.load()
    assert _kind(register, D(2023, 7, 6), "indication_check") == []
    found = _kind(register, D(2023, 7, 7), "indication_check")
    assert [(s.key, s.due_date, s.rule) for s in found] == [
        (f"indication_check:person:{person}", D(2023, 9, 1), "R3")
    ]
    build.store.insert("indication_checks", {"person_id": person, "check_date": D(2023, 8, 1)})
    assert _kind(build.load(), D(2023, 9, 2), "indication_check") == []


def test_r12_breach_comes_back_next_month_when_handled(build: RegisterBuilder) -> None:
    placement_id = _working(build, D(2023, 3, 1), end=D(2023, 6, 30), hours=10)
    on = D(2023, 4, 12)
    breach = _kind(build.load(), on, "breach")
    assert len(breach) == 1
    assert breach[0].key == f"breach:placement:{placement_id}"
    assert breach[0].rule == "R12" and breach[0].due_date == D(2023, 4, 1)
    assert "contract duurt 4 maanden; minimaal 6 maanden (R12)" in breach[0].detail
    assert "minimaal 12 uur (R12)" in breach[0].detail
    _handle(build, breach[0], on)
    register = build.load()
    assert _kind(register, D(2023, 4, 30), "breach") == []
    assert _kind(register, D(2023, 5, 1), "breach")[0].due_date == D(2023, 5, 1)


def test_r15_r16_missing_coach_and_plan_are_a_breach(build: RegisterBuilder) -> None:
    employer = build.employer("Bakkerij Van der Veen")
    person = build.indicated(D(2022, 6, 1))
    coach = build.coach(employer, "J. Smit", met=None)
    placement_id = build.placement(person, employer, D(2023, 3, 1), coach_id=coach)
    breach = _kind(build.load(), D(2023, 4, 12), "breach")[0]
    assert breach.rule == "R15, R16"
    assert "begeleider J. Smit: 9 van de 9 criteria niet aangetoond (R15)" in breach.detail
    assert "er is geen ontwikkelplan vastgelegd (R16)" in breach.detail
    assert breach.placement_id == placement_id


def test_r17_earlier_placement_needs_agreement_until_one_is_made(build: RegisterBuilder) -> None:
    employer = build.employer("Bakkerij Van der Veen")
    person = build.indicated(D(2021, 6, 1))
    placement_id = build.placement(person, employer, D(2021, 9, 1), hours=10)
    register = build.load()
    on = D(2023, 4, 12)
    assert _kind(register, on, "breach") == []
    needed = _kind(register, on, "agreement_needed")
    assert [(s.key, s.rule) for s in needed] == [
        (f"agreement_needed:placement:{placement_id}", "R17")
    ]
    build.store.insert(
        "tailored_agreements",
        {
            "employer_id": employer,
            "placement_id": placement_id,
            "agreed_on": D(2023, 4, 20),
            "deadline": D(2023, 12, 31),
            "prospect": "Uren naar 12, begeleider op cursus",
        },
    )
    register = build.load()
    assert _kind(register, D(2023, 5, 1), "agreement_needed") == []
    assert _kind(register, D(2023, 12, 2), "tailored_agreement") == []
    deadline = _kind(register, D(2023, 12, 3), "tailored_agreement")
    assert [(s.due_date, s.overdue, s.rule) for s in deadline] == [(D(2023, 12, 31), False, "R17")]
    assert _kind(register, D(2024, 1, 2), "tailored_agreement")[0].overdue


def test_r17_open_agreement_covers_a_later_placement_until_its_deadline(
    build: RegisterBuilder,
) -> None:
    employer = build.employer("Bakkerij Van der Veen")
    person = build.indicated(D(2023, 1, 10))
    placement_id = build.placement(person, employer, D(2023, 3, 1))
    build.store.insert(
        "tailored_agreements",
        {
            "employer_id": employer,
            "placement_id": placement_id,
            "reason": "moved",
            "agreed_on": D(2023, 3, 1),
            "deadline": D(2024, 3, 1),
            "employer_confirmed": True,
        },
    )
    register = build.load()
    assert _kind(register, D(2023, 6, 1), "breach") == []
    assert len(_kind(register, D(2024, 3, 2), "breach")) == 1


def test_awb_objection_period_runs_after_decisions_and_offers(build: RegisterBuilder) -> None:
    person = build.indicated(D(2022, 9, 1), sent_date=D(2022, 9, 6))
    employer = build.employer("Hupak")
    offer = build.placement(
        person, employer, None, offer_date=D(2022, 10, 3), offer_status="offered"
    )
    register = build.load()
    running = _kind(register, D(2022, 10, 10), "objection_period")
    decision_id = register.decisions[0].id
    assert [(s.key, s.due_date) for s in running] == [
        (f"objection_period:decision:{decision_id}", D(2022, 10, 18)),
        (f"objection_period:placement:{offer}", D(2022, 11, 14)),
    ]
    assert [s.key for s in _kind(register, D(2022, 10, 19), "objection_period")] == [
        f"objection_period:placement:{offer}"
    ]
    build.store.insert(
        "objections", {"person_id": person, "placement_id": offer, "lodged_date": D(2022, 10, 20)}
    )
    register = build.load()
    assert _kind(register, D(2022, 10, 21), "objection_period") == []
    assert _kind(register, D(2022, 10, 31), "objection_decision") == []  # 57 days ahead
    decide = _kind(register, D(2022, 11, 1), "objection_decision")
    # Term to object ended 14-11-2022; six weeks later is 26-12, Second Christmas Day.
    assert [(s.due_date, s.rule) for s in decide] == [(D(2022, 12, 27), "R10, Awb")]
    assert _kind(register, D(2022, 12, 28), "objection_decision")[0].overdue
    build.store.update(
        "objections",
        register.objections[0].id,
        {"decided_on": D(2022, 12, 20), "outcome": "rejected"},
    )
    assert _kind(build.load(), D(2022, 12, 28), "objection_decision") == []


def test_signals_sorted_known_kinds_and_until_for_the_calendar(build: RegisterBuilder) -> None:
    _working(build, D(2023, 3, 1), end=D(2024, 2, 29))
    build.indicated(D(2023, 1, 16))
    register = build.load()
    on = D(2023, 4, 1)
    near = signals_on(register, on)
    assert all(s.kind in SIGNAL_KINDS for s in near)
    assert [s.due_date for s in near] == sorted(s.due_date for s in near)
    far = signals_on(register, on, until=D(2024, 3, 31))
    kinds = {s.kind for s in far}
    assert {"review", "contract_end", "indication_check", "wage_value"} <= kinds
    assert len(far) > len(near)


def test_r10_offer_is_a_decision_open_to_objection(build: RegisterBuilder) -> None:
    person = build.indicated(D(2021, 1, 4))
    employer = build.employer("Hupak")
    offer = build.placement(
        person,
        employer,
        None,
        offer_date=D(2023, 3, 1),
        offer_sent_date=D(2023, 3, 2),
        offer_status="refused",
        offer_motivation="Past bij tempo en belastbaarheid",
    )
    found = _kind(build.load(), D(2023, 3, 10), "objection_period")
    assert [(s.placement_id, s.due_date, s.person_id) for s in found] == [
        (offer, D(2023, 4, 13), person)
    ]
    assert "bezwaar tegen het aanbod kan tot en met 13-4-2023" in found[0].detail
