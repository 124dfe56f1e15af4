"""R1, R3: whether a person holds a standing indication, and when it is checked next."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.dates import add_months
from beschut_desktop.rules.model import Decision, Register
from beschut_desktop.rules.results import Eligibility, Indication

# R1: the benefits (and the target group) that open the door to beschut werk (art. 10b lid 1).
ELIGIBILITY_BASES = (
    "target_group",
    "WW",
    "IOAW",
    "WAZ",
    "Wajong",
    "WIA",
    "WAO",
    "ZW",
    "WAMIL",
    "wajong_work_support",
)


def standing_indication(register: Register, person_id: int, on: dt.date) -> Indication | None:
    """The indication standing on ``on``: the latest positive indication decision not ended by
    a later negative decision (reassessment). A positive reassessment continues it and keeps
    the original determination date (R3, R5)."""
    register = known_on(register, on)
    founding: Decision | None = None
    for decision in register.decisions_of(person_id):
        if decision.decision_date > on:
            break
        if decision.outcome == "negative":
            founding = None
        elif founding is None:
            founding = decision
        elif decision.kind == "indication":
            # A new positive indication while one stands does not move the queue position.
            continue
    if founding is None:
        return None
    advice = register.advice(founding.advice_id)
    return Indication(
        person_id=person_id,
        determination_date=founding.decision_date,
        decision_id=founding.id,
        advice_date=advice.advice_date if advice else None,
        other_provision_fits=_latest_positive(register, person_id, on).other_provision_fits,
        next_check_due=next_indication_check(register, person_id, on),
    )


def _latest_positive(register: Register, person_id: int, on: dt.date) -> Decision:
    positives = [
        d
        for d in register.decisions_of(person_id)
        if d.outcome == "positive" and d.decision_date <= on
    ]
    return positives[-1]


def next_indication_check(register: Register, person_id: int, on: dt.date) -> dt.date:
    """R3: the decision's own next-check date, else 12 months (a setting) after the latest of
    the positive decision and the last check."""
    register = known_on(register, on)
    latest = _latest_positive(register, person_id, on)
    checks = [c for c in register.indication_checks_of(person_id) if c.check_date <= on]
    last_check = checks[-1].check_date if checks else None
    if latest.next_check_date and (last_check is None or last_check < latest.decision_date):
        return latest.next_check_date
    basis = max(d for d in (latest.decision_date, last_check) if d is not None)
    return add_months(basis, register.settings.indication_check_months)


def eligibility(register: Register, person_id: int, on: dt.date) -> Eligibility:
    """R1: determined on UWV's advice that only sheltered work is possible, and in the target
    group or on one of the listed benefits."""
    register = known_on(register, on)
    reasons: list[str] = []
    indication = standing_indication(register, person_id, on)
    if indication is None:
        reasons.append("Er is geen positieve beschikking die nog staat.")
        return Eligibility(False, reasons)
    decision = register.decision(indication.decision_id)
    assert decision is not None
    advice = register.advice(decision.advice_id)
    if advice is None:
        reasons.append("De beschikking verwijst niet naar een advies van UWV.")
    elif advice.outcome != "positive":
        reasons.append("Het advies van UWV is niet positief.")
    if decision.eligibility_basis not in ELIGIBILITY_BASES:
        reasons.append("De grondslag (doelgroep of uitkering) is niet vastgelegd.")
    if not reasons:
        reasons.append("Vastgesteld op advies van UWV; grondslag vastgelegd.")
        return Eligibility(True, reasons)
    return Eligibility(False, reasons)
