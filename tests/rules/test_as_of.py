"""As of means as of: every answer on a date D equals the answer from the register cut at D.

Registers are generated (hypothesis) with reviews, assessments, checks, plans, decisions,
offers, outcomes, objections and agreements spread before and after D; ``register_cut.cut_at``
is the one definition of the cut.
"""

from __future__ import annotations

import datetime as dt
import io
from contextlib import contextmanager
from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from register_cut import cut_at

from beschut_desktop.documents import page
from beschut_desktop.documents.case_file import build_case_file
from beschut_desktop.documents.employer_report import build_employer_report
from beschut_desktop.documents.quota_report import build_quota_report
from beschut_desktop.documents.review_form import build_review_form
from beschut_desktop.documents.signals_list import build_signals_list
from beschut_desktop.documents.waiting_list import build_waiting_list
from beschut_desktop.exchange.agenda import build_calendar
from beschut_desktop.rules.budget import coaching_budget
from beschut_desktop.rules.conditions import employer_conditions, placement_conditions
from beschut_desktop.rules.contract import check_contract
from beschut_desktop.rules.indication import eligibility, standing_indication
from beschut_desktop.rules.model import (
    Coach,
    CoachCriterion,
    Decision,
    DevelopmentGoal,
    Employer,
    IndicationCheck,
    MinimumWagePeriod,
    Note,
    Objection,
    Person,
    Placement,
    QuotaYear,
    Register,
    Review,
    TailoredAgreement,
    WageValueAssessment,
)
from beschut_desktop.rules.quota import queue, quota_status
from beschut_desktop.rules.reviews import last_review, next_review_due
from beschut_desktop.rules.signals import signals_on
from beschut_desktop.rules.subsidy import (
    flat_rate_end,
    next_wage_value_assessment_due,
    subsidy_for_month,
)
from beschut_desktop.store.reference_data import MINIMUM_WAGES

D = dt.date
FIRST, LAST = D(2022, 1, 3), D(2026, 6, 30)
PRINTED = D(2026, 12, 3)
NOW = dt.datetime(2026, 12, 3, 8, 0, tzinfo=dt.UTC)
days = st.dates(min_value=FIRST, max_value=LAST)
maybe_day = st.none() | days


def _after(start: D, spread: int = 900) -> st.SearchStrategy[D]:
    return st.integers(min_value=0, max_value=spread).map(lambda n: start + dt.timedelta(days=n))


@st.composite
def registers(draw: st.DrawFn) -> Register:
    """A small register whose records fall before and after any date in 2022–2026."""
    ids = iter(range(1, 10_000))
    employers = [
        Employer(id=1, name="Reestdal Werken B.V.", kind="sw_company", category="a"),
        Employer(
            id=2, name="Hupak", kind="private", cao=draw(st.sampled_from(["aan_de_slag", "none"]))
        ),
    ]
    coaches = [Coach(id=1, employer_id=1, name="Jan"), Coach(id=2, employer_id=2, name="Els")]
    criteria = [
        CoachCriterion(
            id=next(ids), coach_id=coach, item=item, met=True, checked_on=draw(maybe_day)
        )
        for coach in (1, 2)
        for item in range(1, 10)
        if draw(st.booleans())
    ]
    register = Register(
        employers=employers,
        coaches=coaches,
        coach_criteria=criteria,
        quota_years=[QuotaYear(y, 6, 810000, 31.0) for y in range(2022, 2026)],
        minimum_wage_periods=[
            MinimumWagePeriod(n, D.fromisoformat(s), a, u)
            for n, (s, a, u) in enumerate(MINIMUM_WAGES, 1)
        ],
    )
    for person_id in range(1, draw(st.integers(1, 4)) + 1):
        register.persons.append(
            Person(person_id, f"10000{person_id:04d}", "Test", f"Persoon {person_id}", FIRST)
        )
        decided = draw(days)
        register.decisions.append(
            Decision(
                next(ids),
                person_id,
                decided,
                "positive",
                next_check_date=draw(st.none() | _after(decided, 500)),
            )
        )
        if draw(st.booleans()):
            register.decisions.append(
                Decision(
                    next(ids),
                    person_id,
                    draw(_after(decided)),
                    draw(st.sampled_from(["positive", "negative"])),
                    kind="reassessment",
                )
            )
        for checked in draw(st.lists(_after(decided), max_size=2)):
            register.indication_checks.append(IndicationCheck(next(ids), person_id, checked))
        previous: Placement | None = None
        for _ in range(draw(st.integers(0, 2))):
            offered = draw(
                _after(previous.offer_date if previous and previous.offer_date else decided, 400)
            )
            start = draw(st.none() | _after(offered, 120))
            end = draw(st.none() | _after(start, 700)) if start else None
            status = draw(st.sampled_from(["accepted", "accepted", "offered", "refused"]))
            outcome = (
                draw(st.sampled_from([None, "ended", "renewed", "dismissed"])) if end else None
            )
            placement = Placement(
                id=next(ids),
                person_id=person_id,
                employer_id=draw(st.sampled_from([1, 2])),
                coach_id=draw(st.sampled_from([None, 1, 2])),
                previous_placement_id=previous.id if previous and draw(st.booleans()) else None,
                offer_date=draw(st.sampled_from([offered, None])),
                offer_status=status,
                offer_answered_on=draw(st.none() | _after(offered, 60))
                if status != "offered"
                else None,
                job_description=draw(st.sampled_from([None, "Inpakken"])),
                development_plan_date=draw(st.none() | _after(start or offered, 300)),
                start_date=start,
                end_date=end,
                hours_per_week=draw(st.sampled_from([None, 8.0, 24.0, 36.0])),
                contract_type=draw(st.sampled_from(["temporary", "permanent"])),
                outcome=outcome,
                end_reason="Einde project" if outcome == "ended" else None,
                outcome_date=draw(st.none() | _after(end, 90)) if outcome and end else None,
            )
            register.placements.append(placement)
            if draw(st.booleans()):
                register.development_goals.append(
                    DevelopmentGoal(next(ids), placement.id, "Zelfstandig werken")
                )
            if start:
                for held in draw(st.lists(_after(start, 1200), max_size=3)):
                    register.reviews.append(Review(next(ids), placement.id, held))
                for assessed in draw(st.lists(_after(start, 700), max_size=2)):
                    register.wage_value_assessments.append(
                        WageValueAssessment(
                            next(ids), placement.id, assessed, draw(st.sampled_from([20.0, 45.0]))
                        )
                    )
            if draw(st.booleans()):
                agreed = draw(_after(offered, 400))
                register.tailored_agreements.append(
                    TailoredAgreement(
                        next(ids),
                        placement.employer_id,
                        agreed,
                        draw(_after(agreed, 500)),
                        placement_id=draw(st.sampled_from([placement.id, None])),
                        reason=draw(st.sampled_from(["transition", "moved", "vso_pro"])),
                        employer_confirmed=draw(st.booleans()),
                        fulfilled_on=draw(st.none() | _after(agreed, 400)),
                    )
                )
            if draw(st.booleans()):
                lodged = draw(_after(offered, 60))
                register.objections.append(
                    Objection(
                        next(ids),
                        person_id,
                        lodged,
                        placement_id=placement.id,
                        decided_on=draw(st.none() | _after(lodged, 120)),
                        outcome="rejected",
                    )
                )
            previous = placement
        if draw(st.booleans()):
            register.notes.append(Note(next(ids), draw(days), "Gebeld", person_id=person_id))
    return register


def _answers(register: Register, on: D, ids: list[int]) -> dict[str, object]:
    """Every rule's answer on ``on`` for the placements and persons of the cut register."""
    answers: dict[str, object] = {
        "signals": signals_on(register, on, include_handled=True),
        "calendar": signals_on(register, on, until=on + dt.timedelta(days=365)),
        "queue": queue(register, on),
        "quota": quota_status(register, on),
        "budget": coaching_budget(register, on),
        "employers": [employer_conditions(register, e.id, on) for e in register.employers],
    }
    for person in register.persons:
        answers[f"indication {person.id}"] = standing_indication(register, person.id, on)
        answers[f"eligibility {person.id}"] = eligibility(register, person.id, on)
    for placement_id in ids:
        placement = register.placement(placement_id)
        assert placement is not None
        answers[f"placement {placement_id}"] = (
            next_review_due(register, placement, on),
            last_review(register, placement, on),
            next_wage_value_assessment_due(register, placement, on),
            flat_rate_end(register, placement, on),
            check_contract(register, placement, on),
            placement_conditions(register, placement, on),
            [
                subsidy_for_month(register, placement, on.year, m, on)
                for m in range(1, on.month + 1)
            ],
        )
    return answers


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(register=registers(), on=days)
def test_as_of_every_rule_answer_equals_the_answer_from_the_register_cut_at_the_date(
    register: Register, on: D
) -> None:
    cut = cut_at(register, on)
    ids = [p.id for p in cut.placements]
    assert _answers(register, on, ids) == _answers(cut, on, ids)


@contextmanager
def _printed_on(day: D):
    """Fix the print date in the page footer, so two renders differ only in content."""
    fixed = type("FixedDate", (dt.date,), {"today": classmethod(lambda cls: day)})
    original = page.dt
    page.dt = SimpleNamespace(date=fixed, datetime=dt.datetime)  # type: ignore[assignment]
    try:
        yield
    finally:
        page.dt = original


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def _documents(register: Register, on: D, ids: list[int]) -> dict[str, str]:
    texts = {
        "signals": _text(build_signals_list(register, on)),
        "waiting": _text(build_waiting_list(register, on)),
        "quota": _text(build_quota_report(register, on)),
        "employer": _text(build_employer_report(register, 2, on)),
        "calendar": build_calendar(register, signals_on(register, on, until=on), on, NOW)
        .to_ical()
        .decode(),
        "case": _text(build_case_file(register, 1, [], on)),
    }
    for placement_id in ids[:2]:
        texts[f"review form {placement_id}"] = _text(build_review_form(register, placement_id, on))
    return texts


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(register=registers(), on=days)
def test_as_of_every_document_equals_the_document_from_the_register_cut_at_the_date(
    register: Register, on: D
) -> None:
    cut = cut_at(register, on)
    ids = [p.id for p in cut.placements]
    with _printed_on(PRINTED):
        assert _documents(register, on, ids) == _documents(cut, on, ids)
