"""R17: a placement decided before the conditions took effect, and the one year."""

from __future__ import annotations

import datetime as dt

from policy_2022 import RegisterBuilder

from beschut_desktop.actions import employers as employer_actions
from beschut_desktop.rules.agreements import effective_deadline, one_year_deadline
from beschut_desktop.rules.contract import check_contract
from beschut_desktop.rules.signals import signals_on

D = dt.date


def test_r17_offer_decided_before_the_conditions_needs_an_agreement_not_a_breach(
    build: RegisterBuilder,
) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 6, 1))
    placement_id = build.placement(
        person, employer, D(2023, 2, 1), D(2023, 5, 31), offer_date=D(2022, 12, 1)
    )
    register = build.load()
    check = check_contract(register, register.placement(placement_id), D(2023, 3, 1))
    assert not check.conditions_apply and check.needs_tailored_agreement and not check.breach
    kinds = {s.kind for s in signals_on(register, D(2023, 3, 1)) if s.placement_id == placement_id}
    assert "agreement_needed" in kinds and "breach" not in kinds


def test_r17_offer_decided_after_the_conditions_is_a_breach(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 6, 1))
    placement_id = build.placement(
        person, employer, D(2023, 2, 1), D(2023, 5, 31), offer_date=D(2023, 1, 10)
    )
    register = build.load()
    assert check_contract(register, register.placement(placement_id), D(2023, 3, 1)).breach


def test_r17_without_a_dated_decision_the_start_counts(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 6, 1))
    placement_id = build.placement(person, employer, D(2022, 11, 1), D(2023, 2, 28))
    register = build.load()
    assert not check_contract(register, register.placement(placement_id)).conditions_apply


def test_r17_one_year_runs_from_the_bound_placement_start_else_the_day_agreed(
    build: RegisterBuilder,
) -> None:
    assert one_year_deadline("moved", D(2023, 4, 1), D(2023, 6, 15)) == D(2024, 4, 1)
    assert one_year_deadline("vso_pro", None, D(2023, 6, 15)) == D(2024, 6, 15)
    assert one_year_deadline("transition", D(2023, 4, 1), D(2023, 6, 15)) is None
    assert employer_actions.default_deadline("moved", D(2023, 6, 15), D(2023, 4, 1)) == D(
        2024, 4, 1
    )
    problems = employer_actions.agreement_problems(
        {
            "reason": "moved",
            "agreed_on": D(2023, 6, 15),
            "deadline": D(2024, 6, 1),
            "prospect": "Cursus begeleider",
            "employer_confirmed": True,
        },
        D(2023, 4, 1),
    )
    assert "1-4-2024" in problems["deadline"]
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 6, 1))
    placement_id = build.placement(person, employer, D(2023, 4, 1), D(2024, 3, 31))
    build.store.insert(
        "tailored_agreements",
        {
            "employer_id": employer,
            "placement_id": placement_id,
            "agreed_on": D(2023, 6, 15),
            "deadline": D(2024, 6, 15),
            "reason": "moved",
            "employer_confirmed": True,
        },
    )
    register = build.load()
    assert effective_deadline(register, register.tailored_agreements[0]) == D(2024, 4, 1)
