"""Which advice, decision and interim provision one line of the Personen sheet stands for.

A person may hold several of each in the register; the sheet has one column for each. The
export writes, and the import compares against, the same record, so that an exported file
imports without changes.
"""

from __future__ import annotations

from beschut_desktop.rules.model import Decision, InterimProvision, Register, UwvAdvice


def current_decision(register: Register, person_id: int) -> Decision | None:
    """The latest positive decision of kind indication (the sheet's "Datum beschikking")."""
    found = [
        d
        for d in register.decisions_of(person_id)
        if d.outcome == "positive" and d.kind == "indication"
    ]
    return found[-1] if found else None


def current_advice(
    register: Register, person_id: int, advices_by_person: dict[int, list[UwvAdvice]] | None = None
) -> UwvAdvice | None:
    """The advice the current decision rests on, else the latest positive advice."""
    advices = (
        advices_by_person.get(person_id, [])
        if advices_by_person is not None
        else [a for a in register.uwv_advices if a.person_id == person_id]
    )
    decision = current_decision(register, person_id)
    if decision is not None and decision.advice_id is not None:
        linked = next((a for a in advices if a.id == decision.advice_id), None)
        if linked is not None and linked.outcome == "positive":
            return linked
    positive = sorted(
        (a for a in advices if a.outcome == "positive"),
        key=lambda a: (a.advice_date is not None, a.advice_date, a.id),
    )
    return positive[-1] if positive else None


def current_interim(register: Register, person_id: int) -> InterimProvision | None:
    found = register.interim_provisions_of(person_id)
    return found[-1] if found else None


def advices_by_person(register: Register) -> dict[int, list[UwvAdvice]]:
    grouped: dict[int, list[UwvAdvice]] = {}
    for advice in register.uwv_advices:
        grouped.setdefault(advice.person_id, []).append(advice)
    return grouped
