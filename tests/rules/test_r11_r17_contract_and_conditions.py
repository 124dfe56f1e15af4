"""R11–R13, R15–R17: contract terms, cao, the employer checklist and tailored agreements."""

from __future__ import annotations

import datetime as dt

from policy_2022 import RegisterBuilder

from beschut_desktop.rules.conditions import employer_conditions, placement_conditions
from beschut_desktop.rules.contract import check_contract, check_contract_terms
from beschut_desktop.rules.model import Employer, Settings

D = dt.date
SETTINGS = Settings()
AAN_DE_SLAG = Employer(id=1, name="Reestmond", kind="sw_company")
JUNE, NOVEMBER = D(2023, 6, 1), D(2023, 11, 30)


def _terms(
    start=JUNE,
    end=NOVEMBER,
    hours=24.0,
    trial=False,
    employer=AAN_DE_SLAG,
    contract_type="temporary",
):
    return check_contract_terms(
        start_date=start,
        end_date=end,
        hours_per_week=hours,
        trial_before=trial,
        employer=employer,
        settings=SETTINGS,
        contract_type=contract_type,
    )


def _reasons(check) -> list[str]:
    return [item.reason for item in check.items if item.met is False]


def test_r12_six_months_counted_start_to_end_inclusive() -> None:
    assert _terms(D(2023, 6, 1), D(2023, 11, 30)).ok
    short = _terms(D(2023, 6, 1), D(2023, 10, 31))
    assert not short.ok
    assert _reasons(short) == ["Contract duurt 5 maanden; minimaal 6 maanden (R12)"]
    assert _reasons(_terms(D(2023, 6, 1), D(2023, 11, 29))) == [
        "Contract duurt 5 maanden en 29 dagen; minimaal 6 maanden (R12)"
    ]


def test_r12_open_ended_and_permanent_contracts_pass() -> None:
    assert _terms(end=None).ok
    assert _terms(end=D(2023, 7, 31), contract_type="permanent").ok


def test_r12_at_least_twelve_hours_a_week() -> None:
    assert _terms(hours=12).ok
    assert _reasons(_terms(hours=10.5)) == ["Contract van 10,5 uur per week; minimaal 12 uur (R12)"]
    assert _terms(hours=None).items[1].met is None


def test_r12_trial_period_needs_twelve_months() -> None:
    assert not _terms(D(2023, 6, 1), D(2024, 4, 30), trial=True).ok
    assert _reasons(_terms(D(2023, 6, 1), D(2023, 11, 30), trial=True)) == [
        "Contract duurt 6 maanden; minimaal 12 maanden na een proefplaatsing (R12)"
    ]
    assert _terms(D(2023, 6, 1), D(2024, 5, 31), trial=True).ok


def test_r12_minimums_are_settings() -> None:
    settings = Settings(min_contract_months=3, min_hours_per_week=8)
    check = check_contract_terms(
        start_date=D(2023, 6, 1),
        end_date=D(2023, 8, 31),
        hours_per_week=8,
        trial_before=False,
        employer=AAN_DE_SLAG,
        settings=settings,
    )
    assert check.ok


def test_r13_municipality_and_sw_company_must_apply_aan_de_slag() -> None:
    for kind in ("municipality", "sw_company"):
        employer = Employer(
            id=2, name="X", kind=kind, cao="sector", sector_cao_more_favourable=True
        )
        reasons = _reasons(_terms(employer=employer))
        assert len(reasons) == 1 and reasons[0].endswith("de Cao Aan de Slag verplicht (R13)")


def test_r13_private_employer_aan_de_slag_or_a_more_favourable_sector_cao() -> None:
    assert _terms(employer=Employer(id=3, name="X", kind="private")).ok
    better = Employer(
        id=3,
        name="X",
        kind="private",
        cao="sector",
        cao_name="Cao Hoveniers",
        sector_cao_more_favourable=True,
    )
    assert _terms(employer=better).items[2].reason == "Cao Hoveniers, gunstiger voor de werknemer"
    worse = Employer(id=3, name="X", kind="private", cao="sector", cao_name="Cao Bakkers")
    assert not _terms(employer=worse).ok
    assert not _terms(employer=Employer(id=3, name="X", kind="private", cao="none")).ok


def test_r13_transitional_arrangement_for_earlier_regime() -> None:
    old = Employer(
        id=3,
        name="X",
        kind="private",
        cao="none",
        transitional_arrangement="Eigen regeling tot 1-1-2024",
    )
    item = _terms(employer=old).items[2]
    assert item.met is True
    assert item.reason == "Overgangsregeling: Eigen regeling tot 1-1-2024"


def test_r17_earlier_contract_missing_conditions_needs_tailored_agreement(
    build: RegisterBuilder,
) -> None:
    employer = build.employer("Bakkerij Van der Veen", cao="none")
    person = build.indicated(D(2022, 1, 10))
    early = build.placement(person, employer, D(2022, 3, 1), D(2022, 12, 31), hours=10)
    register = build.load()
    check = check_contract(register, register.placement(early))
    assert not check.conditions_apply
    assert check.needs_tailored_agreement and not check.breach
    build.store.insert(
        "tailored_agreements",
        {
            "employer_id": employer,
            "placement_id": early,
            "agreed_on": D(2023, 2, 1),
            "deadline": D(2023, 12, 31),
            "prospect": "Uren naar 16 per week",
        },
    )
    register = build.load()
    check = check_contract(register, register.placement(early))
    assert not check.needs_tailored_agreement
    assert check.tailored_agreement_id is not None


def test_r12_r17_renewal_is_a_contract_of_its_own(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 1, 10))
    first = build.placement(person, employer, D(2022, 6, 1), D(2022, 12, 31), hours=10)
    renewal = build.placement(
        person, employer, D(2023, 1, 3), D(2023, 4, 30), hours=10, previous_placement_id=first
    )
    register = build.load()
    assert check_contract(register, register.placement(first)).needs_tailored_agreement
    renewed = check_contract(register, register.placement(renewal))
    assert renewed.conditions_apply and renewed.breach
    assert len(renewed.problems) == 2


def test_r11_supporting_provisions_are_recorded_per_placement(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 1, 10))
    placement_id = build.placement(
        person,
        employer,
        D(2023, 2, 1),
        support_pace=True,
        support_task_split=True,
        support_notes="Vaste pauzes",
    )
    placement = build.load().placement(placement_id)
    assert (placement.support_pace, placement.support_task_split, placement.support_physical) == (
        True,
        True,
        False,
    )


def test_r15_coach_criteria_item_by_item(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak", category="a")
    coach = build.coach(employer, "J. Smit", met=None)
    build.store.insert(
        "coach_criteria",
        {
            "coach_id": coach,
            "item": 8,
            "met": True,
            "evidence": "Certificaat jobcoach 2021",
            "checked_on": D(2023, 3, 1),
        },
    )
    build.store.insert(
        "coach_criteria",
        {"coach_id": coach, "item": 7, "met": False, "evidence": "Is leidinggevende"},
    )
    person = build.indicated(D(2022, 1, 10))
    placement_id = build.compliant_placement(person, employer, D(2023, 2, 1), coach_id=coach)
    register = build.load()
    check = placement_conditions(register, register.placement(placement_id), D(2023, 6, 1))
    coach_items = [i for i in check.items if i.rule == "R15"]
    assert len(coach_items) == 9
    assert coach_items[7].met is True
    assert coach_items[7].reason == "Certificaat jobcoach 2021 (gecontroleerd op 1-3-2023)"
    assert coach_items[6].met is False
    assert coach_items[6].reason == "Niet voldaan: Is leidinggevende"
    assert coach_items[0].met is None and coach_items[0].reason == "Nog niet beoordeeld"
    assert all(i.subject == "J. Smit" for i in coach_items)
    assert len(check.open_items) == 8


def test_r15_placement_without_coach(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 1, 10))
    placement_id = build.placement(person, employer, D(2023, 2, 1))
    register = build.load()
    check = placement_conditions(register, register.placement(placement_id), D(2023, 6, 1))
    assert check.items[0].label == "Interne begeleider aangewezen"
    assert check.items[0].met is False


def test_r16_job_description_and_development_plan_with_goals(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 1, 10))
    good = build.compliant_placement(person, employer, D(2023, 2, 1))
    bare = build.placement(build.indicated(D(2022, 2, 1)), employer, D(2023, 2, 1))
    register = build.load()
    r16 = [
        i
        for i in placement_conditions(register, register.placement(good), D(2023, 6, 1)).items
        if i.rule == "R16"
    ]
    assert [i.met for i in r16] == [True, True, True]
    assert r16[1].reason == "Opgesteld op 1-2-2023"
    bare_r16 = [
        i
        for i in placement_conditions(register, register.placement(bare), D(2023, 6, 1)).items
        if i.rule == "R16"
    ]
    assert [i.met for i in bare_r16] == [False, False, False]


def test_r17_moved_or_vso_pro_one_year_with_employer_confirmation(build: RegisterBuilder) -> None:
    employer = build.employer("Bakkerij Van der Veen")
    person = build.indicated(D(2023, 3, 1))
    placement_id = build.placement(person, employer, D(2023, 4, 1))
    build.store.insert(
        "tailored_agreements",
        {
            "employer_id": employer,
            "placement_id": placement_id,
            "reason": "vso_pro",
            "agreed_on": D(2023, 4, 1),
            "deadline": D(2024, 12, 31),
        },
    )
    register = build.load()
    item = [
        i
        for i in placement_conditions(
            register, register.placement(placement_id), D(2023, 6, 1)
        ).items
        if i.rule == "R17"
    ][0]
    assert item.deadline == D(2024, 4, 1)  # cut back to one year from the start
    assert item.met is False
    assert "nog niet uitdrukkelijk bevestigd" in item.reason
    assert "teruggebracht tot één jaar" in item.reason
    agreement_id = register.tailored_agreements[0].id
    build.store.update("tailored_agreements", agreement_id, {"employer_confirmed": True})
    register = build.load()
    item = [
        i
        for i in placement_conditions(
            register, register.placement(placement_id), D(2023, 6, 1)
        ).items
        if i.rule == "R17"
    ][0]
    assert item.met is None and item.reason.startswith("Loopt tot 1-4-2024")
    late = [
        i
        for i in placement_conditions(
            register, register.placement(placement_id), D(2024, 4, 2)
        ).items
        if i.rule == "R17"
    ][0]
    assert late.met is False and late.reason.startswith("Uiterste datum 1-4-2024 is verstreken")
    build.store.update("tailored_agreements", agreement_id, {"fulfilled_on": D(2024, 3, 1)})
    register = build.load()
    done = [
        i
        for i in placement_conditions(
            register, register.placement(placement_id), D(2024, 4, 2)
        ).items
        if i.rule == "R17"
    ][0]
    assert done.met is True and done.reason == "Voldaan op 1-3-2024"


def test_r15_r16_r13_employer_checklist_aggregates(build: RegisterBuilder) -> None:
    employer = build.employer("Tuincentrum", cao="sector", cao_name="Cao Hoveniers")
    build.coach(employer, "A. Boer")
    build.coach(employer, "B. Dijk", met=False)
    active = build.compliant_placement(build.indicated(D(2022, 1, 10)), employer, D(2023, 2, 1))
    build.placement(
        build.indicated(D(2021, 1, 10)), employer, D(2021, 2, 1), D(2022, 1, 31)
    )  # ended: not in the checklist
    register = build.load()
    check = employer_conditions(register, employer, D(2023, 6, 1))
    rules = [i.rule for i in check.items]
    assert rules[0] == "R13" and check.items[0].met is False
    # 9 criteria for each of the two coaches plus the active placement's own coach.
    assert rules.count("R15") == 27
    assert rules.count("R12") == 2 and rules.count("R16") == 3
    person = register.person(register.placement(active).person_id)
    assert {i.subject for i in check.items if i.rule == "R16"} == {person.case_number}
    assert sum(1 for i in check.items if i.subject == "B. Dijk" and i.met is False) == 9
