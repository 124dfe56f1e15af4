"""Which decision or placement a letter is about, on the letter's date.

As of means as of: only what is dated on or before the letter's date counts. ``offer`` and
``subsidy`` take the placement running or offered on the date unless one is named; a named
placement must belong to the person.
"""

from __future__ import annotations

import datetime as dt

from beschut_desktop.errors import UserError
from beschut_desktop.formatting import short_date
from beschut_desktop.rules.model import Decision, Person, Placement, Register


def decision_on(register: Register, person: Person, on: dt.date) -> Decision:
    """The person's latest decision (indication or reassessment) dated on or before ``on``."""
    dated = [d for d in register.decisions_of(person.id) if d.decision_date <= on]
    if not dated:
        raise UserError(
            f"{person.case_number} heeft op {short_date(on)} nog geen beschikking; "
            "leg eerst de beschikking vast (Advies en beschikking)."
        )
    return dated[-1]


def named_placement(
    register: Register, person: Person, placement_id: int, on: dt.date
) -> Placement:
    """The named placement as it stood on ``on`` (``register`` is the register as of ``on``)."""
    placement = register.placement(placement_id)
    if placement is None:
        raise UserError(
            f"Plaatsing {placement_id} bestaat niet in het register, of was op "
            f"{short_date(on)} nog niet aangeboden."
        )
    if placement.person_id != person.id:
        raise UserError(f"Plaatsing {placement_id} hoort niet bij {person.case_number}.")
    return placement


def placement_running_or_offered(register: Register, person: Person, on: dt.date) -> Placement:
    """The placement running on ``on``, else the latest offer made on or before it and not
    refused; exits with the person's placements named when there is none."""
    placements = register.placements_of(person.id)
    running = [p for p in placements if p.is_active_on(on)]
    if running:
        return running[-1]
    offered = [
        p
        for p in placements
        if p.offer_status != "refused"
        and (p.offer_date or p.start_date) is not None
        and (p.offer_date or p.start_date) <= on  # type: ignore[operator]
        and (p.end_date is None or on <= p.end_date)
    ]
    if offered:
        return offered[-1]
    raise UserError(
        f"{person.case_number} heeft op {short_date(on)} geen lopende of aangeboden plaatsing."
        + _named(placements)
    )


def placement_for_review(register: Register, person: Person, on: dt.date) -> Placement:
    """The placement running on ``on``: a review belongs to a running employment."""
    running = [p for p in register.placements_of(person.id) if p.is_active_on(on)]
    if running:
        return running[-1]
    raise UserError(
        f"{person.case_number} heeft op {short_date(on)} geen lopende plaatsing; "
        "een voortgangsgesprek hoort bij een lopend dienstverband."
        + _named(register.placements_of(person.id))
    )


def _named(placements: list[Placement]) -> str:
    if not placements:
        return " Er is nog geen plaatsing vastgelegd."
    listed = "; ".join(
        f"plaatsing {p.id} (start {short_date(p.start_date) or 'onbekend'})" for p in placements
    )
    return f" Plaatsingen: {listed}. Kies er een met --placement."
