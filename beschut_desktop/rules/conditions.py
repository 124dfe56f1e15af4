"""R15, R16, R17: the employer conditions checklist.

Policy ("Begeleiding", "Voorwaarden", "Overige voorwaarden", "Uitzonderingen"):
- R15: the internal coach of each placement meets nine criteria (``wording.COACH_CRITERIA``),
  recorded item by item per coach with evidence and the date checked. An item not recorded is
  open (``met`` None): the employer has to show it.
- R16: a description of the employee's job and task package exists, and at the start of the
  contract the employer draws up a development plan with development goals.
- R17: tailored agreements with their (effective) deadlines; for 'moved' and 'vso_pro' the
  employer's explicit confirmation and the one-year limit (see ``agreements``).
The conditions bind employers of category (a) and (b) alike, from
``settings.conditions_effective_date``; for earlier placements an open item is not a breach
but asks for a tailored agreement (see ``contract.check_contract`` and the signals).
"""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.agreements import (
    ONE_YEAR_REASONS,
    agreements_for,
    effective_deadline,
    is_open,
)
from beschut_desktop.rules.as_of import known_on, placement_on
from beschut_desktop.rules.contract import cao_item, check_contract
from beschut_desktop.rules.dates import dutch_date
from beschut_desktop.rules.model import Coach, Placement, Register, TailoredAgreement
from beschut_desktop.rules.results import CheckItem, ConditionsCheck
from beschut_desktop.wording import COACH_CRITERIA, value_label


def coach_items(register: Register, coach: Coach) -> list[CheckItem]:
    """R15: the nine criteria of one coach, in the policy's order."""
    recorded = register.criteria_of(coach.id)
    items = []
    for number, text in COACH_CRITERIA.items():
        row = recorded.get(number)
        label = f"{number}. {text}"
        if row is None:
            items.append(CheckItem("R15", label, None, "Nog niet beoordeeld", subject=coach.name))
            continue
        checked = f" (gecontroleerd op {dutch_date(row.checked_on)})" if row.checked_on else ""
        evidence = row.evidence or ""
        if row.met:
            reason = (evidence or "Voldaan") + checked
        else:
            reason = "Niet voldaan" + (f": {evidence}" if evidence else "") + checked
        items.append(CheckItem("R15", label, row.met, reason, subject=coach.name))
    return items


def development_items(register: Register, placement: Placement) -> list[CheckItem]:
    """R16: job description, development plan at the start, and its goals."""
    items = []
    described = bool(placement.job_description and placement.job_description.strip())
    items.append(
        CheckItem(
            "R16",
            "Omschrijving van functie en takenpakket aanwezig",
            described,
            "" if described else "Er is geen functie- en taakomschrijving vastgelegd",
        )
    )
    plan = placement.development_plan_date
    items.append(
        CheckItem(
            "R16",
            "Ontwikkelplan opgesteld bij aanvang contract",
            plan is not None,
            f"Opgesteld op {dutch_date(plan)}" if plan else "Er is geen ontwikkelplan vastgelegd",
        )
    )
    goals = register.goals_of(placement.id)
    achieved = sum(1 for g in goals if g.status == "achieved")
    items.append(
        CheckItem(
            "R16",
            "Ontwikkeldoelen in het ontwikkelplan",
            bool(goals),
            (
                f"{len(goals)} {'doel' if len(goals) == 1 else 'doelen'} ({achieved} bereikt)"
                if goals
                else "Er zijn geen ontwikkeldoelen vastgelegd"
            ),
        )
    )
    return items


def agreement_item(
    register: Register, agreement: TailoredAgreement, on: dt.date, subject: str = ""
) -> CheckItem:
    """R17: one tailored agreement: fulfilled, running to its deadline, or overdue."""
    deadline = effective_deadline(register, agreement)
    label = f"Maatwerkafspraak: {value_label('agreement_reason', agreement.reason)}"
    if not is_open(agreement, on):
        return CheckItem(
            "R17",
            label,
            True,
            f"Voldaan op {dutch_date(agreement.fulfilled_on)}",
            deadline=deadline,
            subject=subject,
        )
    notes = []
    if deadline < agreement.deadline:
        notes.append(f"uiterste datum teruggebracht tot één jaar: {dutch_date(deadline)}")
    if agreement.reason in ONE_YEAR_REASONS and not agreement.employer_confirmed:
        notes.append(
            "de werkgever heeft nog niet uitdrukkelijk bevestigd dat binnen een jaar "
            "aan de voorwaarden wordt voldaan"
        )
    if deadline < on:
        notes.insert(0, f"uiterste datum {dutch_date(deadline)} is verstreken")
        met: bool | None = False
    elif agreement.reason in ONE_YEAR_REASONS and not agreement.employer_confirmed:
        met = False
    else:
        met = None
        notes.insert(
            0,
            f"loopt tot {dutch_date(deadline)}"
            + (f": {agreement.prospect}" if agreement.prospect else ""),
        )
    reason = "; ".join(notes)
    return CheckItem(
        "R17", label, met, reason[:1].upper() + reason[1:], deadline=deadline, subject=subject
    )


def placement_conditions(register: Register, placement: Placement, on: dt.date) -> ConditionsCheck:
    """R15 (its coach, item by item), R16 (job description, development plan) for one
    placement, with R17 agreements and their deadlines, as known on ``on``."""
    register, current = placement_on(register, placement, on)
    placement = current or placement
    items = _coach_and_development(register, placement)
    items.extend(agreement_item(register, a, on) for a in agreements_for(register, placement))
    return ConditionsCheck(employer_id=placement.employer_id, items=items)


def _coach_and_development(register: Register, placement: Placement) -> list[CheckItem]:
    items: list[CheckItem] = []
    coach = register.coach(placement.coach_id) if placement.coach_id else None
    if coach is None:
        items.append(
            CheckItem(
                "R15",
                "Interne begeleider aangewezen",
                False,
                "Er is geen interne begeleider aan deze plaatsing gekoppeld",
            )
        )
    else:
        items.extend(coach_items(register, coach))
    items.extend(development_items(register, placement))
    return items


def placement_shortfalls(register: Register, placement: Placement) -> list[CheckItem]:
    """The R15/R16 items of a placement that are not met (False, or not shown: None)."""
    return [i for i in _coach_and_development(register, placement) if i.met is not True]


def employer_conditions(register: Register, employer_id: int, on: dt.date) -> ConditionsCheck:
    """The whole checklist for an employer: R13, every coach (R15), every placement active on
    the date (R12, R16), and the employer's tailored agreements (R17), as known on ``on``."""
    register = known_on(register, on)
    employer = register.employer(employer_id)
    items: list[CheckItem] = [cao_item(employer)]
    for coach in register.coaches_at(employer_id):
        items.extend(coach_items(register, coach))
    for placement in register.placements_at(employer_id):
        if not placement.is_active_on(on):
            continue
        person = register.person(placement.person_id)
        subject = person.case_number if person else f"plaatsing {placement.id}"
        if placement.coach_id is None:
            items.append(
                CheckItem(
                    "R15",
                    "Interne begeleider aangewezen",
                    False,
                    "Er is geen interne begeleider aan deze plaatsing gekoppeld",
                    subject=subject,
                )
            )
        contract = check_contract(register, placement, on)
        items.extend(_with_subject(i, subject) for i in contract.items if i.rule == "R12")
        items.extend(_with_subject(i, subject) for i in development_items(register, placement))
    for agreement in register.agreements_at(employer_id):
        bound = register.placement(agreement.placement_id) if agreement.placement_id else None
        person = register.person(bound.person_id) if bound else None
        subject = person.case_number if person else "hele werkgever"
        items.append(agreement_item(register, agreement, on, subject))
    return ConditionsCheck(employer_id=employer_id, items=items)


def _with_subject(item: CheckItem, subject: str) -> CheckItem:
    return CheckItem(item.rule, item.label, item.met, item.reason, item.deadline, subject)
