"""R4, R5, R6, R14: places realised against the quota, and the queue in its legal order.

Read as domain.md's "Counting, queue and states": realised places are the placements active
on the date (an offer not yet started does not count); the queue holds persons with a standing
positive indication, no active placement and no other fitting provision, ordered by
determination date, then UWV advice date, then registration order. A dismissed or ended person
keeps their original determination date; refusing an offer does not take anyone off the queue.
"""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.dates import dutch_date
from beschut_desktop.rules.indication import standing_indication
from beschut_desktop.rules.model import InterimProvision, QuotaYear, Register
from beschut_desktop.rules.results import QueueEntry, QuotaStatus

TO_PLACE = "te_plaatsen"
WAITING = "wachtlijst"
UNKNOWN = "onbekend"  # the year has no quota: nobody is counted te plaatsen or waiting
STATUS_LABELS = {TO_PLACE: "Te plaatsen", WAITING: "Wachtlijst", UNKNOWN: "Onbekend"}


def status_text(entry: QueueEntry) -> str:
    """The entry's status as the screens and the waiting list say it, with an open offer."""
    text = STATUS_LABELS.get(entry.status, entry.status)
    if entry.open_offer_id is not None:
        since = entry.open_offer_date
        text += f", aanbod open sinds {dutch_date(since)}" if since else ", aanbod open"
    return text


def missing_quota_message(year: int) -> str:
    return f"geen taakstelling ingevoerd voor {year}"


def unknown_text(year: int) -> str:
    """What a count or status is in a year without a quota: said, not guessed."""
    return f"onbekend — {missing_quota_message(year)}"


def quota_year(register: Register, year: int) -> QuotaYear | None:
    return next((q for q in register.quota_years if q.year == year), None)


def active_placements(register: Register, on: dt.date) -> list:
    return [p for p in register.placements if p.is_active_on(on)]


def quota_status(register: Register, on: dt.date) -> QuotaStatus:
    """R4: quota of the date's year against the placements active on the date."""
    register = known_on(register, on)
    row = quota_year(register, on.year)
    active = active_placements(register, on)
    by_kind: dict[str, int] = {"sw_company": 0, "municipality": 0, "private": 0}
    for placement in active:
        employer = register.employer(placement.employer_id)
        kind = employer.kind if employer else "private"
        by_kind[kind] = by_kind.get(kind, 0) + 1
    return QuotaStatus(
        on=on,
        year=on.year,
        quota=row.quota if row else None,
        realised=len(active),
        realised_by_kind=by_kind,
        message=None if row else missing_quota_message(on.year),
    )


def current_interim_provision(
    register: Register, person_id: int, on: dt.date
) -> InterimProvision | None:
    """R6: the interim provision running on the date (the latest started one)."""
    running = [
        i
        for i in register.interim_provisions_of(person_id)
        if i.start_date <= on and (i.end_date is None or on <= i.end_date)
    ]
    return running[-1] if running else None


def queue(register: Register, on: dt.date) -> list[QueueEntry]:
    """R5: the whole queue on the date, each entry 'te plaatsen' or 'wachtlijst'.

    While realised < quota, the first (quota − realised) are to be placed now; the rest, and
    everyone once the quota is realised, wait. In a year without a quota the status of everyone
    is unknown (``UNKNOWN``): a missing number makes nobody te plaatsen or waiting.
    """
    register = known_on(register, on)
    active_people = {p.person_id for p in active_placements(register, on)}
    candidates = []
    for person in register.persons:
        if person.id in active_people:
            continue
        indication = standing_indication(register, person.id, on)
        if indication is None or indication.other_provision_fits:
            continue
        candidates.append((person, indication))
    candidates.sort(
        key=lambda c: (
            c[1].determination_date,
            c[1].advice_date or dt.date.max,
            c[0].registered_on,
            c[0].id,
        )
    )
    status = quota_status(register, on)
    to_place = status.open_places if status.quota is not None else 0

    def status_of(index: int) -> str:
        if status.quota is None:
            return UNKNOWN
        return TO_PLACE if index < to_place else WAITING

    offers = {
        p.person_id: p
        for p in sorted(register.placements, key=lambda p: (p.offer_date or dt.date.min, p.id))
        if p.offer_status == "offered"
    }
    return [
        QueueEntry(
            position=index + 1,
            person=person,
            determination_date=indication.determination_date,
            advice_date=indication.advice_date,
            status=status_of(index),
            interim_provision=current_interim_provision(register, person.id, on),
            open_offer_id=offers[person.id].id if person.id in offers else None,
            open_offer_date=offers[person.id].offer_date if person.id in offers else None,
        )
        for index, (person, indication) in enumerate(candidates)
    ]


def passed_over(register: Register, person_id: int, on: dt.date) -> list[QueueEntry]:
    """R5: who stands above the person in the queue, te plaatsen, without an open offer —
    the people an offer to this person passes over. Empty when the person is not queued."""
    entries = queue(register, on)
    mine = next((e for e in entries if e.person.id == person_id), None)
    if mine is None:
        return []
    return [
        e
        for e in entries
        if e.position < mine.position and e.status == TO_PLACE and e.open_offer_id is None
    ]


def waiting_list(register: Register, on: dt.date) -> list[QueueEntry]:
    return [entry for entry in queue(register, on) if entry.status == WAITING]
