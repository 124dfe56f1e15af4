"""The one signals engine: everything needing the consultant on a date.

Every signal has a stable ``key`` — kind, subject and id, e.g. ``review:placement:12`` — and a
due date. The consultant marks a signal handled for that key and due date (``HandledSignal``):
it stays hidden for that due date only. When the cause moves on (a review held, the next
review due) the due date changes and it is a new signal. A breach has no date of its own: it
is re-checked monthly (its due date is the first of the month of the check), so one marked
handled comes back next month while the cause remains.

When a signal appears (lead times are settings, domain.md "When signals appear"):
- review (R18): ``review_lead_days`` (4 weeks) ahead of the due date; overdue after it.
- wage_value (R8): the next wage-value assessment, within the horizon; overdue after it.
- flat_rate_end (R8): the flat-rate subsidy ending, within the horizon, until it ends.
- contract_end (R20): ``contract_end_lead_days`` (8 weeks) ahead of the end date; after it,
  for as long as no outcome is recorded (renewed, permanent, ended/dismissed with a reason)
  and no renewal follows.
- indication_check (R3): the periodic check of the indication, within the horizon; overdue.
- tailored_agreement (R17): ``tailored_agreement_lead_days`` (4 weeks) ahead of the deadline of
  an open agreement; overdue after it.
- objection_period (Awb 6:7, 6:8): while the term to object runs after every decision and
  every placement offer (due = last day to object), unless an objection was lodged.
- objection_decision (Awb 7:10): the decision on an open objection, within the horizon; overdue.
- breach (R12, R13, R15, R16): an active placement that started on or after the conditions
  took effect and misses them, with no open tailored agreement covering it.
- agreement_needed (R17): an active placement from before the conditions that misses them and
  has no tailored agreement.
- offer_unanswered (R10): an offer still unanswered after its intended start date.
- quota_missing (R4): from 1 December, when next year's quota is not entered yet.
``horizon_days`` (8 weeks) is how far ahead the kinds without a lead time in domain.md look
(wage value, flat rate, indication check, decision on an objection); their text says so.
``until`` (the calendar export, the screen's period) lists every signal due up to that date,
whatever its lead time.

As of means as of: the engine works on ``as_of.known_on(register, on)``, so a review, check,
assessment, decision or outcome recorded after ``on`` plays no part in the answer on ``on``.
Placements that have not started yet have their first review and flat-rate end too.

"Afgehandeld" applies to one due date. A recurring duty (review, wage-value assessment,
indication check) always comes back: with its next due date when something was recorded, and
otherwise one interval after the handled due date. An ended contract without an outcome comes
back every month after a handled end date until the outcome is recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from beschut_desktop.rules.agreements import (
    any_agreement,
    covering_agreement,
    effective_deadline,
    is_open,
)
from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.conditions import placement_shortfalls
from beschut_desktop.rules.contract import check_contract
from beschut_desktop.rules.dates import add_months, dutch_date, first_of_month
from beschut_desktop.rules.indication import standing_indication
from beschut_desktop.rules.model import Placement, Register
from beschut_desktop.rules.results import CheckItem, Signal
from beschut_desktop.rules.reviews import employment_start, review_basis
from beschut_desktop.rules.signal_scan import Scan
from beschut_desktop.rules.signals_decisions import (
    decision_periods,
    objection_decisions,
    offer_period,
    offer_unanswered,
    quota_missing,
)
from beschut_desktop.rules.subsidy import (
    employment_assessments,
    flat_rate_end,
    next_wage_value_assessment_due,
    wage_value_interval_months,
)

SIGNAL_KINDS: dict[str, str] = {
    "review": "Voortgangsgesprek",
    "wage_value": "Loonwaardemeting",
    "flat_rate_end": "Einde forfaitaire loonkostensubsidie",
    "contract_end": "Einde contract",
    "indication_check": "Controle indicatie",
    "tailored_agreement": "Maatwerkafspraak",
    "objection_period": "Bezwaartermijn",
    "objection_decision": "Beslissing op bezwaar",
    "breach": "Voorwaarden niet voldaan",
    "agreement_needed": "Maatwerkafspraak nodig",
    "offer_unanswered": "Aanbod onbeantwoord",
    "quota_missing": "Taakstelling ontbreekt",
}


def signals_on(
    register: Register,
    on: dt.date,
    *,
    horizon_days: int = 56,
    include_handled: bool = False,
    until: dt.date | None = None,
) -> list[Signal]:
    """Everything needing the consultant on ``on``, sorted by due date (then key)."""
    register = known_on(register, on)
    scan = Scan(register, on, horizon_days, until)
    found: list[Signal] = []
    for placement in register.placements:
        if placement.is_active_on(on):
            found.extend(_running_placement(scan, placement))
        elif _not_started(placement, on):
            found.extend(_review(scan, placement))
            found.extend(_wage_value(scan, placement))
        found.extend(_contract_end(scan, placement))
        found.extend(offer_period(scan, placement))
        found.extend(offer_unanswered(scan, placement))
    found.extend(quota_missing(scan))
    found.extend(_indication_checks(scan))
    found.extend(_agreements(scan))
    found.extend(decision_periods(scan))
    found.extend(objection_decisions(scan))
    handled = register.handled_keys
    result = []
    for signal in found:
        if (signal.key, signal.due_date) in handled:
            if not include_handled:
                continue
            signal = _handled(signal)
        result.append(signal)
    result.sort(key=lambda s: (s.due_date, s.key))
    return result


def _not_started(placement: Placement, on: dt.date) -> bool:
    """An accepted or still open offer whose contract starts after ``on``."""
    return (
        placement.offer_status != "refused"
        and placement.start_date is not None
        and placement.start_date > on
    )


def _handled(signal: Signal) -> Signal:
    return Signal(**{**signal.__dict__, "handled": True})


def _running_placement(scan: Scan, placement: Placement) -> Iterator[Signal]:
    yield from _review(scan, placement)
    yield from _wage_value(scan, placement)
    yield from _conditions(scan, placement)


def _review(scan: Scan, placement: Placement) -> Iterator[Signal]:
    register = scan.register
    found = review_basis(register, placement, scan.on)
    if found is None:
        return
    basis, previous, months = found
    start = employment_start(register, placement)
    assert start is not None
    since = (
        f"het vorige gesprek op {dutch_date(basis)}"
        if previous
        else f"de start van het dienstverband op {dutch_date(start)}"
    )
    key = f"review:placement:{placement.id}"
    first_due = add_months(basis, months)
    for due in scan.recurring(key, first_due, months):
        if not scan.shows(due, register.settings.review_lead_days):
            continue
        late = due < scan.on
        moved = (
            ""
            if due == first_due
            else f" Eerder afgehandeld per {dutch_date(first_due)} zonder vastgelegd gesprek."
        )
        yield scan.signal(
            "review",
            "placement",
            placement.id,
            "R18",
            due,
            "Voortgangsgesprek te laat" if late else "Voortgangsgesprek plannen",
            f"{scan.who(placement)}: voortgangsgesprek uiterlijk {dutch_date(due)} "
            f"({months} maanden na {since}).{moved}",
            placement=placement,
        )


def _wage_value(scan: Scan, placement: Placement) -> Iterator[Signal]:
    register = scan.register
    assessed = employment_assessments(register, placement, scan.on)
    first_due = next_wage_value_assessment_due(register, placement, scan.on)
    if first_due is not None:
        why = (
            f"de vorige meting was op {dutch_date(assessed[-1].assessment_date)}"
            if assessed
            else "er is nog geen loonwaarde bepaald"
        )
        months = wage_value_interval_months(register, placement, scan.on)
        key = f"wage_value:placement:{placement.id}"
        for due in scan.recurring(key, first_due, months):
            if not scan.shows(due):
                continue
            yield scan.signal(
                "wage_value",
                "placement",
                placement.id,
                "R8",
                due,
                "Loonwaardemeting te laat" if due < scan.on else "Loonwaardemeting nodig",
                f"{scan.who(placement)}: loonwaardemeting uiterlijk {dutch_date(due)}; {why}."
                + scan.lead_note(),
                placement=placement,
            )
    end = flat_rate_end(register, placement, scan.on)
    if end is not None and not assessed and end >= scan.on and scan.shows(end):
        yield scan.signal(
            "flat_rate_end",
            "placement",
            placement.id,
            "R8",
            end,
            "Forfaitaire loonkostensubsidie loopt af",
            f"{scan.who(placement)}: de forfaitaire loonkostensubsidie loopt af op "
            f"{dutch_date(end)}; daarna alleen op basis van een loonwaardemeting."
            + scan.lead_note(),
            placement=placement,
        )


def _conditions(scan: Scan, placement: Placement) -> Iterator[Signal]:
    """R12/R13/R15/R16 breaches, or R17 agreements needed for earlier placements."""
    register = scan.register
    contract = check_contract(register, placement, scan.on)
    problems = [i for i in contract.items if i.rule in ("R12", "R13") and i.met is False]
    problems += placement_shortfalls(register, placement)
    if not problems:
        return
    due = first_of_month(scan.on)
    if contract.conditions_apply:
        if covering_agreement(register, placement, scan.on) is not None:
            return
        yield scan.signal(
            "breach",
            "placement",
            placement.id,
            _rules(problems),
            due,
            "Plaatsing voldoet niet aan de voorwaarden",
            f"{scan.who(placement)}: {_summary(problems)}.",
            placement=placement,
            overdue=True,
        )
    elif any_agreement(register, placement) is None:
        effective = dutch_date(register.settings.conditions_effective_date)
        yield scan.signal(
            "agreement_needed",
            "placement",
            placement.id,
            "R17",
            due,
            "Maatwerkafspraak nodig",
            f"{scan.who(placement)} is beschikt vóór {effective} en voldoet niet aan de "
            f"voorwaarden ({_summary(problems)}): maak een maatwerkafspraak.",
            placement=placement,
            overdue=True,
        )


def _rules(items: list[CheckItem]) -> str:
    return ", ".join(sorted({i.rule for i in items}, key=lambda r: int(r[1:])))


def _summary(items: list[CheckItem]) -> str:
    parts = [
        f"{i.reason[:1].lower()}{i.reason[1:]}"
        if i.reason.endswith(")")
        else f"{i.reason[:1].lower()}{i.reason[1:]} ({i.rule})"
        for i in items
        if i.rule != "R15" or i.label.startswith("Interne")
    ]
    coach_open = [i for i in items if i.rule == "R15" and not i.label.startswith("Interne")]
    if coach_open:
        parts.append(
            f"begeleider {coach_open[0].subject}: {len(coach_open)} van de 9 "
            "criteria niet aangetoond (R15)"
        )
    return "; ".join(parts)


def _contract_end(scan: Scan, placement: Placement) -> Iterator[Signal]:
    """R20: warn before a contract ends; an ended one without an outcome stays a signal."""
    register = scan.register
    end = placement.end_date
    if end is None or placement.start_date is None or placement.offer_status == "refused":
        return
    if register.successors_of(placement.id):
        return
    lead = register.settings.contract_end_lead_days
    if placement.outcome is None:
        # A handled end date comes back monthly while no outcome is recorded.
        for due in scan.recurring(f"contract_end:placement:{placement.id}", end, 1):
            if due != end and due > scan.on:
                continue  # the monthly reminder after a handled end date shows on its day
            if not scan.shows(due, lead):
                continue
            ended = end < scan.on
            yield scan.signal(
                "contract_end",
                "placement",
                placement.id,
                "R20",
                due,
                "Contract afgelopen zonder uitkomst" if ended else "Contract loopt af",
                f"{scan.who(placement)}: contract {'liep' if ended else 'loopt'} af op "
                f"{dutch_date(end)}; leg vast of het verlengd, vast of beëindigd is (met reden).",
                placement=placement,
            )
    elif placement.outcome in ("ended", "dismissed") and not placement.end_reason:
        if scan.shows(end, lead):
            yield scan.signal(
                "contract_end",
                "placement",
                placement.id,
                "R20",
                end,
                "Reden einde ontbreekt",
                f"{scan.who(placement)}: contract beëindigd op {dutch_date(end)} zonder "
                "vastgelegde reden.",
                placement=placement,
            )


def _indication_checks(scan: Scan) -> Iterator[Signal]:
    """R3: the periodic check whether the standing indication still fits."""
    register = scan.register
    for person in register.persons:
        if not register.decisions_of(person.id):
            continue
        indication = standing_indication(register, person.id, scan.on)
        if indication is None:
            continue
        months = register.settings.indication_check_months
        key = f"indication_check:person:{person.id}"
        for due in scan.recurring(key, indication.next_check_due, months):
            if not scan.shows(due):
                continue
            yield scan.signal(
                "indication_check",
                "person",
                person.id,
                "R3",
                due,
                "Controle indicatie te laat" if due < scan.on else "Controle indicatie",
                f"{person.case_number}: nagaan of de indicatie beschut werk nog passend is, "
                f"uiterlijk {dutch_date(due)}." + scan.lead_note(),
                person_id=person.id,
            )


def _agreements(scan: Scan) -> Iterator[Signal]:
    """R17: deadlines of open tailored agreements."""
    register = scan.register
    lead = register.settings.tailored_agreement_lead_days
    for agreement in register.tailored_agreements:
        if not is_open(agreement, scan.on):
            continue
        due = effective_deadline(register, agreement)
        if not scan.shows(due, lead):
            continue
        employer = register.employer(agreement.employer_id)
        placement = register.placement(agreement.placement_id) if agreement.placement_id else None
        who = scan.who(placement) if placement else (employer.name if employer else "werkgever")
        yield scan.signal(
            "tailored_agreement",
            "agreement",
            agreement.id,
            "R17",
            due,
            "Maatwerkafspraak verlopen" if due < scan.on else "Uiterste datum maatwerkafspraak",
            f"{who}: uiterlijk {dutch_date(due)} aan de voorwaarden voldoen"
            + (f" ({agreement.prospect})" if agreement.prospect else "")
            + ".",
            placement=placement,
            employer_id=agreement.employer_id,
        )
