"""No signal lost by one click, none from the future, none missing for a placement to come."""

from __future__ import annotations

import datetime as dt

from policy_2022 import RegisterBuilder

from beschut_desktop.rules.conditions import placement_conditions
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.results import Signal
from beschut_desktop.rules.reviews import last_review, next_review_due
from beschut_desktop.rules.signals import signals_on

D = dt.date


def _kind(register: Register, on: dt.date, kind: str, **options) -> list[Signal]:
    return [s for s in signals_on(register, on, **options) if s.kind == kind]


def _working(build: RegisterBuilder, start: dt.date, **values) -> int:
    employer = build.employer("Hupak")
    person = build.indicated(start - dt.timedelta(days=200))
    return build.compliant_placement(person, employer, start, **values)


def _handle(build: RegisterBuilder, signal: Signal, on: dt.date) -> None:
    build.store.insert(
        "handled_signals", {"signal_key": signal.key, "due_date": signal.due_date, "handled_on": on}
    )


def test_r18_review_recorded_later_does_not_hide_the_review_due_that_day(
    build: RegisterBuilder,
) -> None:
    placement_id = _working(build, D(2023, 2, 15))
    build.review(placement_id, D(2023, 9, 1))
    register = build.load()
    placement = register.placement(placement_id)
    on = D(2023, 8, 15)
    assert next_review_due(register, placement, on) == D(2023, 8, 15)
    assert last_review(register, placement, on) is None
    assert [s.due_date for s in _kind(register, on, "review")] == [D(2023, 8, 15)]
    assert next_review_due(register, placement, D(2023, 9, 1)) == D(2024, 3, 1)


def test_r16_development_plan_counts_from_its_own_date(build: RegisterBuilder) -> None:
    placement_id = _working(build, D(2023, 3, 1), development_plan_date=D(2024, 2, 1))
    register = build.load()
    placement = register.placement(placement_id)

    def plan_met(on: dt.date) -> bool | None:
        items = placement_conditions(register, placement, on).items
        return next(i.met for i in items if i.label.startswith("Ontwikkelplan"))

    assert plan_met(D(2023, 6, 1)) is False
    assert plan_met(D(2024, 2, 1)) is True


def test_r3_handled_indication_check_without_a_check_comes_back_a_year_later(
    build: RegisterBuilder,
) -> None:
    build.indicated(D(2022, 3, 1))
    on = D(2023, 4, 1)
    signal = _kind(build.load(), on, "indication_check")[0]
    assert signal.due_date == D(2023, 3, 1) and signal.overdue
    _handle(build, signal, on)
    register = build.load()
    assert _kind(register, on, "indication_check") == []
    again = _kind(register, D(2024, 2, 15), "indication_check")
    assert [(s.key, s.due_date) for s in again] == [(signal.key, D(2024, 3, 1))]


def test_r18_handled_review_without_a_review_comes_back_one_interval_later(
    build: RegisterBuilder,
) -> None:
    _working(build, D(2023, 3, 1))
    on = D(2023, 9, 10)
    signal = _kind(build.load(), on, "review")[0]
    _handle(build, signal, on)
    register = build.load()
    assert _kind(register, on, "review") == []
    again = _kind(register, D(2024, 2, 10), "review")
    assert [s.due_date for s in again] == [D(2024, 3, 1)]
    assert "Eerder afgehandeld per 1-9-2023" in again[0].detail


def test_r20_handled_end_without_outcome_comes_back_monthly(build: RegisterBuilder) -> None:
    _working(build, D(2023, 3, 1), end=D(2023, 8, 31))
    on = D(2023, 9, 5)
    signal = _kind(build.load(), on, "contract_end")[0]
    _handle(build, signal, on)
    register = build.load()
    assert _kind(register, on, "contract_end") == []
    assert [s.due_date for s in _kind(register, D(2023, 10, 1), "contract_end")] == [D(2023, 9, 30)]


def test_r18_placement_not_started_has_first_review_and_flat_rate_end(
    build: RegisterBuilder,
) -> None:
    placement_id = _working(build, D(2024, 3, 1), offer_status="accepted")
    register = build.load()
    on = D(2024, 1, 10)
    coming_year = signals_on(register, on, until=on + dt.timedelta(days=366))
    kinds = {(s.kind, s.due_date) for s in coming_year if s.placement_id == placement_id}
    assert ("review", D(2024, 9, 1)) in kinds
    assert ("flat_rate_end", D(2024, 6, 30)) in kinds


def test_r10_offer_unanswered_after_its_intended_start_is_a_signal(
    build: RegisterBuilder,
) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2023, 1, 10))
    placement_id = build.placement(
        person,
        employer,
        D(2023, 6, 1),
        D(2024, 5, 31),
        offer_date=D(2023, 5, 1),
        offer_status="offered",
    )
    register = build.load()
    assert _kind(register, D(2023, 6, 1), "offer_unanswered") == []
    found = _kind(register, D(2023, 6, 2), "offer_unanswered")
    assert [(s.placement_id, s.rule, s.due_date) for s in found] == [
        (placement_id, "R10", D(2023, 6, 1))
    ]


def test_r10_objection_decision_on_an_offer_cites_r10(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2023, 1, 10))
    placement_id = build.placement(
        person,
        employer,
        D(2023, 6, 1),
        D(2024, 5, 31),
        offer_date=D(2023, 5, 1),
        offer_status="refused",
    )
    build.store.insert(
        "objections",
        {"person_id": person, "lodged_date": D(2023, 5, 20), "placement_id": placement_id},
    )
    found = _kind(build.load(), D(2023, 6, 20), "objection_decision")
    assert found and found[0].rule == "R10, Awb" and "(R10)" in found[0].detail


def test_r8_signal_without_a_lead_time_in_the_policy_names_the_one_used(
    build: RegisterBuilder,
) -> None:
    _working(build, D(2023, 3, 1))
    found = _kind(build.load(), D(2023, 6, 15), "flat_rate_end")
    assert "Signaal 8 weken vooraf: het beleid noemt hiervoor geen termijn." in found[0].detail


def test_r4_from_december_a_signal_asks_for_next_years_quota(build: RegisterBuilder) -> None:
    register = build.load()
    years = {q.year for q in register.quota_years}
    year = max(years)
    assert _kind(register, D(year, 11, 30), "quota_missing") == []
    found = _kind(register, D(year, 12, 1), "quota_missing")
    assert [(s.rule, s.due_date) for s in found] == [("R4", D(year + 1, 1, 1))]
    assert f"geen taakstelling ingevoerd voor {year + 1}" in found[0].detail
