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
from beschut_desktop.rules.awb import decision_due_in, objection_term_end, offer_sent_date
from beschut_desktop.rules.conditions import placement_shortfalls
from beschut_desktop.rules.contract import check_contract
from beschut_desktop.rules.dates import add_months, dutch_date, first_of_month
from beschut_desktop.rules.indication import standing_indication
from beschut_desktop.rules.model import Placement, Register
from beschut_desktop.rules.quota import missing_quota_message, quota_year
from beschut_desktop.rules.results import CheckItem, Signal
from beschut_desktop.rules.reviews import employment_start, review_basis
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
QUOTA_REMINDER_MONTH = 12  # from 1 December a signal asks for next year's quota (R4)


class _Scan:
    """One run of the engine: the register, the date and the windows."""

    def __init__(
        self, register: Register, on: dt.date, horizon_days: int, until: dt.date | None
    ) -> None:
        self.register = register
        self.on = on
        self.horizon_days = horizon_days
        self.until = until

    def shows(self, due: dt.date, lead_days: int | None = None) -> bool:
        """Overdue always; ahead when within the kind's lead time (or ``until``)."""
        if due < self.on:
            return True
        if self.until is not None:
            return due <= self.until
        lead = self.horizon_days if lead_days is None else lead_days
        return due <= self.on + dt.timedelta(days=lead)

    def lead_note(self) -> str:
        """The lead time the program uses where domain.md gives none, said in the text."""
        weeks, days = divmod(self.horizon_days, 7)
        span = f"{weeks} weken" if not days else f"{self.horizon_days} dagen"
        return f" (Signaal {span} vooraf: het beleid noemt hiervoor geen termijn.)"

    def recurring(self, key: str, due: dt.date, months: int) -> list[dt.date]:
        """The handled due dates of a recurring duty and, last, the one still open: every
        handled due date moves the duty one interval on, so one click never ends it."""
        handled = self.register.handled_keys
        dates = [due]
        while (key, dates[-1]) in handled and months > 0 and len(dates) < 200:
            dates.append(add_months(dates[-1], months))
        return dates

    def who(self, placement: Placement) -> str:
        person = self.register.person(placement.person_id)
        employer = self.register.employer(placement.employer_id)
        case = person.case_number if person else f"plaatsing {placement.id}"
        return f"{case} bij {employer.name if employer else 'onbekende werkgever'}"

    def case_of(self, person_id: int) -> str:
        """How a signal names a person, as ``who`` names a placement: by case number, or by
        id when the person is gone."""
        person = self.register.person(person_id)
        return person.case_number if person else f"persoon {person_id}"

    def signal(
        self,
        kind: str,
        subject: str,
        subject_id: int,
        rule: str,
        due: dt.date,
        title: str,
        detail: str,
        *,
        placement: Placement | None = None,
        person_id: int | None = None,
        employer_id: int | None = None,
        overdue: bool | None = None,
    ) -> Signal:
        if placement is not None:
            person_id = person_id or placement.person_id
            employer_id = employer_id or placement.employer_id
        return Signal(
            key=f"{kind}:{subject}:{subject_id}",
            kind=kind,
            rule=rule,
            due_date=due,
            title=title,
            detail=detail,
            person_id=person_id,
            placement_id=placement.id if placement else None,
            employer_id=employer_id,
            overdue=due < self.on if overdue is None else overdue,
        )


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
    scan = _Scan(register, on, horizon_days, until)
    found: list[Signal] = []
    for placement in register.placements:
        if placement.is_active_on(on):
            found.extend(_running_placement(scan, placement))
        elif _not_started(placement, on):
            found.extend(_review(scan, placement))
            found.extend(_wage_value(scan, placement))
        found.extend(_contract_end(scan, placement))
        found.extend(_offer_period(scan, placement))
        found.extend(_offer_unanswered(scan, placement))
    found.extend(_quota_missing(scan))
    found.extend(_indication_checks(scan))
    found.extend(_agreements(scan))
    found.extend(_decision_periods(scan))
    found.extend(_objection_decisions(scan))
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


def _running_placement(scan: _Scan, placement: Placement) -> Iterator[Signal]:
    yield from _review(scan, placement)
    yield from _wage_value(scan, placement)
    yield from _conditions(scan, placement)


def _review(scan: _Scan, placement: Placement) -> Iterator[Signal]:
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


def _wage_value(scan: _Scan, placement: Placement) -> Iterator[Signal]:
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


def _conditions(scan: _Scan, placement: Placement) -> Iterator[Signal]:
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


def _contract_end(scan: _Scan, placement: Placement) -> Iterator[Signal]:
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


def _offer_period(scan: _Scan, placement: Placement) -> Iterator[Signal]:
    """Awb: an offered workplace is a decision (R10); the term to object runs after it."""
    if placement.offer_date is None:
        return
    sent = offer_sent_date(placement)
    if sent is None or sent > scan.on:
        return
    due = objection_term_end(sent, scan.register.settings)
    if due < scan.on or _objected(scan.register, placement_id=placement.id):
        return
    yield scan.signal(
        "objection_period",
        "placement",
        placement.id,
        "R10, Awb",
        due,
        "Bezwaartermijn aanbod loopt",
        f"{scan.who(placement)}: het aanbod van een werkplek is een besluit (R10); bezwaar tegen "
        f"het aanbod kan tot en met {dutch_date(due)} (verzonden {dutch_date(sent)}).",
        placement=placement,
    )


def _offer_unanswered(scan: _Scan, placement: Placement) -> Iterator[Signal]:
    """R10: an offer still unanswered once its intended start has passed."""
    start = placement.start_date
    if placement.offer_status != "offered" or start is None or start >= scan.on:
        return
    offered = f" van {dutch_date(placement.offer_date)}" if placement.offer_date else ""
    yield scan.signal(
        "offer_unanswered",
        "placement",
        placement.id,
        "R10",
        start,
        "Aanbod onbeantwoord na beoogde start",
        f"{scan.who(placement)}: het aanbod{offered} is nog niet aanvaard of geweigerd, "
        f"terwijl het werk op {dutch_date(start)} zou beginnen; leg het antwoord vast.",
        placement=placement,
    )


def _quota_missing(scan: _Scan) -> Iterator[Signal]:
    """R4: from 1 December, ask for next year's quota while it is not entered."""
    if scan.on.month < QUOTA_REMINDER_MONTH:
        return
    year = scan.on.year + 1
    if quota_year(scan.register, year) is not None:
        return
    due = dt.date(year, 1, 1)
    yield scan.signal(
        "quota_missing",
        "year",
        year,
        "R4",
        due,
        f"Taakstelling {year} invoeren",
        f"Er is {missing_quota_message(year)}; zonder taakstelling is op 1-1-{year} niet te "
        "zeggen wie te plaatsen is. Vul haar in bij Instellingen (signaal vanaf 1 december).",
    )


def _decision_periods(scan: _Scan) -> Iterator[Signal]:
    register = scan.register
    for decision in register.decisions:
        sent = decision.effective_sent_date
        if sent > scan.on:
            continue
        due = objection_term_end(sent, register.settings)
        if due < scan.on or _objected(register, decision_id=decision.id):
            continue
        case = scan.case_of(decision.person_id)
        yield scan.signal(
            "objection_period",
            "decision",
            decision.id,
            "Awb",
            due,
            "Bezwaartermijn beschikking loopt",
            f"{case}: bezwaar tegen de beschikking van {dutch_date(decision.decision_date)} "
            f"het aanbod kan tot en met {dutch_date(due)} (verzonden {dutch_date(sent)}).",
            person_id=decision.person_id,
        )


def _objected(
    register: Register, *, decision_id: int | None = None, placement_id: int | None = None
) -> bool:
    if decision_id is not None:
        return ("decision", decision_id) in register.objection_targets
    return ("placement", placement_id) in register.objection_targets


def _objection_decisions(scan: _Scan) -> Iterator[Signal]:
    register = scan.register
    for objection in register.objections:
        if objection.kind != "objection" or objection.decided_on is not None:
            continue
        due = decision_due_in(register, objection)
        if not scan.shows(due):
            continue
        case = scan.case_of(objection.person_id)
        against_offer = objection.placement_id is not None
        extra = []
        if objection.advisory_committee:
            extra.append("met adviescommissie")
        if objection.deferral_weeks:
            extra.append(f"verdaagd met {objection.deferral_weeks} weken")
        if objection.suspended_days:
            extra.append(f"{objection.suspended_days} dagen opgeschort")
        note = f" ({', '.join(extra)})" if extra else ""
        yield scan.signal(
            "objection_decision",
            "objection",
            objection.id,
            "R10, Awb" if against_offer else "Awb",
            due,
            "Beslistermijn bezwaar verstreken" if due < scan.on else "Beslissing op bezwaar",
            f"{case}: beslissen op het bezwaar "
            + ("tegen het aanbod (R10) " if against_offer else "")
            + f"van {dutch_date(objection.lodged_date)} uiterlijk {dutch_date(due)}{note}."
            + scan.lead_note(),
            person_id=objection.person_id,
            placement=register.placement(objection.placement_id) if against_offer else None,
        )


def _indication_checks(scan: _Scan) -> Iterator[Signal]:
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


def _agreements(scan: _Scan) -> Iterator[Signal]:
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
