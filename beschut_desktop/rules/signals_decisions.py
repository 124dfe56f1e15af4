"""Signals of decisions and their terms: the Awb objection terms after a decision or an offer
(R10: offering a workplace is a decision), the decision due on an objection, an offer left
unanswered past its intended start (R10), and next year's quota from 1 December (R4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from beschut_desktop.rules.awb import decision_due_in, objection_term_end, offer_sent_date
from beschut_desktop.rules.dates import dutch_date
from beschut_desktop.rules.model import Placement, Register
from beschut_desktop.rules.quota import missing_quota_message, quota_year
from beschut_desktop.rules.results import Signal
from beschut_desktop.rules.signal_scan import Scan

QUOTA_REMINDER_MONTH = 12  # from 1 December a signal asks for next year's quota (R4)


def offer_period(scan: Scan, placement: Placement) -> Iterator[Signal]:
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


def offer_unanswered(scan: Scan, placement: Placement) -> Iterator[Signal]:
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


def quota_missing(scan: Scan) -> Iterator[Signal]:
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


def decision_periods(scan: Scan) -> Iterator[Signal]:
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


def objection_decisions(scan: Scan) -> Iterator[Signal]:
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
