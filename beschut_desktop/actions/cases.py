"""The indication flows: new request, UWV advice, decision, reassessment, check (R1–R3, R5, R6).

A positive decision needs no extra step to join the queue: the queue is computed from the
decisions by ``rules.quota.queue``, so the moment the decision is stored the person is
"te plaatsen" or on the waiting list. ``queue_status`` says which.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from beschut_desktop.actions._common import (
    Problems,
    existing,
    missing,
    raise_problems,
    text,
)
from beschut_desktop.rules.dates import add_days, add_months, as_date
from beschut_desktop.rules.indication import ELIGIBILITY_BASES, standing_indication
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.quota import queue
from beschut_desktop.rules.results import QueueEntry
from beschut_desktop.rules.validation import bsn_problem, normalise_bsn
from beschut_desktop.store.store import Store

REQUESTERS = ("person", "employer", "municipality")  # R1: anyone may ask UWV
PERSON_FIELDS = (
    "bsn",
    "first_name",
    "last_name",
    "birth_date",
    "phone",
    "email",
    "address",
    "postal_code",
    "city",
    "registered_on",
)


def person_problems(values: dict[str, Any]) -> Problems:
    """What is wrong with a person's details as typed (the store checks the same on save)."""
    problems = missing(values, "first_name", "last_name")
    problem = bsn_problem(values.get("bsn") or "")
    if problem:
        problems["bsn"] = problem
    birth = as_date(values.get("birth_date"))
    if birth and birth > dt.date.today():
        problems["birth_date"] = "de geboortedatum ligt in de toekomst"
    return problems


def request_problems(values: dict[str, Any]) -> Problems:
    """R1: who asked UWV must be known; the request date is the start of the file."""
    problems = missing(values, "requested_by", "request_date")
    if values.get("requested_by") and values["requested_by"] not in REQUESTERS:
        problems["requested_by"] = "kies inwoner, werkgever of gemeente"
    return problems


def new_request(
    store: Store,
    *,
    person: dict[str, Any],
    requested_by: str,
    request_date: dt.date,
    ground_adaptations: bool = False,
    ground_supervision: bool = False,
    notes: str | None = None,
) -> tuple[int, int]:
    """A new person and their request for UWV advice, in one transaction (R1, R2).

    Returns (person id, advice id). A BSN already in the register is refused by the store
    with a message naming it, so a person is never entered twice.
    """
    values = {k: person.get(k) for k in PERSON_FIELDS if k in person}
    values["registered_on"] = values.get("registered_on") or request_date
    if values.get("bsn"):
        values["bsn"] = normalise_bsn(values["bsn"])
    advice = {"requested_by": requested_by, "request_date": request_date}
    raise_problems({**person_problems(values), **request_problems(advice)})
    with store.atomic():
        person_id = store.insert("persons", values)
        advice_id = store.insert(
            "uwv_advices",
            {
                "person_id": person_id,
                **advice,
                "ground_adaptations": ground_adaptations,
                "ground_supervision": ground_supervision,
                "notes": text(notes),
            },
        )
    return person_id, advice_id


def request_advice(
    store: Store,
    person_id: int,
    *,
    requested_by: str,
    request_date: dt.date,
    notes: str | None = None,
) -> int:
    """A further request for UWV advice for a known person (for instance a reassessment)."""
    existing(store, "persons", person_id)
    advice = {"requested_by": requested_by, "request_date": request_date}
    raise_problems(request_problems(advice))
    with store.atomic():
        return store.insert("uwv_advices", {"person_id": person_id, **advice, "notes": text(notes)})


def record_advice(
    store: Store,
    advice_id: int,
    *,
    advice_date: dt.date,
    outcome: str,
    ground_adaptations: bool,
    ground_supervision: bool,
    notes: str | None = None,
) -> None:
    """UWV's advice came in (R2: record which grounds applied)."""
    row = existing(store, "uwv_advices", advice_id)
    problems = missing({"advice_date": advice_date, "outcome": outcome}, "advice_date", "outcome")
    if outcome not in ("positive", "negative"):
        problems["outcome"] = "kies positief of negatief"
    request = as_date(row["request_date"])
    if advice_date and request and advice_date < request:
        problems["advice_date"] = "de datum van het advies ligt vóór de aanvraag"
    if outcome == "positive" and not (ground_adaptations or ground_supervision):
        problems["ground_adaptations"] = (
            "een positief advies rust op grond (a) of (b): vink minstens één aan"
        )
    raise_problems(problems)
    with store.atomic():
        store.update(
            "uwv_advices",
            advice_id,
            {
                "advice_date": advice_date,
                "outcome": outcome,
                "ground_adaptations": ground_adaptations,
                "ground_supervision": ground_supervision,
                "notes": text(notes) if notes is not None else row["notes"],
            },
        )


def default_next_check(store: Store, decision_date: dt.date) -> dt.date:
    """R3: the periodic check is due a setting's months (12) after the decision."""
    return add_months(decision_date, store.settings().indication_check_months)


def decision_problems(values: dict[str, Any], advice: dict[str, Any] | None) -> Problems:
    problems = missing(values, "decision_date", "outcome")
    decided = as_date(values.get("decision_date"))
    sent = as_date(values.get("sent_date"))
    if decided and sent and sent < decided:
        problems["sent_date"] = "de beschikking kan niet vóór haar datum zijn verzonden"
    positive = values.get("outcome") == "positive"
    if positive and values.get("kind", "indication") == "indication":
        if advice is None:
            problems["advice_id"] = "een indicatie wordt vastgesteld op advies van UWV (R1)"
        elif advice.get("outcome") == "pending":
            problems["advice_id"] = "het advies van UWV is nog niet binnen"
        basis = values.get("eligibility_basis")
        if not basis:
            problems["eligibility_basis"] = (
                "kies de grondslag: doelgroep of de uitkering van UWV (R1)"
            )
        elif basis not in ELIGIBILITY_BASES:
            problems["eligibility_basis"] = f"'{basis}' is geen grondslag uit art. 10b lid 1"
    advice_date = as_date(advice.get("advice_date")) if advice else None
    if decided and advice_date and decided < advice_date:
        problems["decision_date"] = "de beschikking ligt vóór het advies van UWV"
    return problems


def record_decision(
    store: Store,
    person_id: int,
    *,
    decision_date: dt.date,
    outcome: str,
    advice_id: int | None = None,
    sent_date: dt.date | None = None,
    eligibility_basis: str | None = None,
    other_provision_fits: bool = False,
    next_check_date: dt.date | None = None,
    wage_value_interval_months: int | None = None,
    notes: str | None = None,
    kind: str = "indication",
) -> int:
    """The municipality's decision; a positive one founds the indication and joins the queue.

    The sent date defaults to the decision date (Awb: the objection term runs from the day
    after sending); a positive decision gets its next indication check (R3) when none is given.
    """
    existing(store, "persons", person_id)
    advice = store.row("uwv_advices", advice_id) if advice_id else None
    values = {
        "decision_date": decision_date,
        "outcome": outcome,
        "sent_date": sent_date,
        "eligibility_basis": eligibility_basis,
        "kind": kind,
    }
    raise_problems(decision_problems(values, advice))
    if outcome == "positive" and next_check_date is None:
        next_check_date = default_next_check(store, decision_date)
    with store.atomic():
        return store.insert(
            "decisions",
            {
                "person_id": person_id,
                "advice_id": advice_id,
                "kind": kind,
                "decision_date": decision_date,
                "sent_date": sent_date or decision_date,
                "outcome": outcome,
                "eligibility_basis": eligibility_basis,
                "other_provision_fits": other_provision_fits,
                "next_check_date": next_check_date if outcome == "positive" else None,
                "wage_value_interval_months": wage_value_interval_months,
                "notes": text(notes),
            },
        )


def record_reassessment(
    store: Store,
    person_id: int,
    *,
    decision_date: dt.date,
    outcome: str,
    advice_id: int | None = None,
    sent_date: dt.date | None = None,
    next_check_date: dt.date | None = None,
    notes: str | None = None,
) -> int:
    """Herindicatie (R3): a positive one continues the indication with its original
    determination date; a negative one ends it, and with it the place in the queue."""
    register = store.load()
    if standing_indication(register, person_id, decision_date) is None:
        raise_problems({"decision_date": "er staat op deze datum geen indicatie om te herzien"})
    latest = register.decisions_of(person_id)[-1]
    return record_decision(
        store,
        person_id,
        kind="reassessment",
        decision_date=decision_date,
        outcome=outcome,
        advice_id=advice_id,
        sent_date=sent_date,
        next_check_date=next_check_date,
        notes=notes,
        eligibility_basis=latest.eligibility_basis,
        other_provision_fits=latest.other_provision_fits,
    )


def record_indication_check(
    store: Store, person_id: int, *, check_date: dt.date, still_fits: bool, notes: str | None = None
) -> int:
    """R3: the periodic look at whether sheltered work still fits. When it does not, the
    next step is a reassessment by UWV; that is a decision of its own, not this check."""
    existing(store, "persons", person_id)
    raise_problems(missing({"check_date": check_date}, "check_date"))
    if not still_fits and not text(notes):
        raise_problems({"notes": "schrijf op waarom de indicatie niet meer passend lijkt"})
    with store.atomic():
        return store.insert(
            "indication_checks",
            {
                "person_id": person_id,
                "check_date": check_date,
                "still_fits": still_fits,
                "notes": text(notes),
            },
        )


def start_interim_provision(
    store: Store,
    person_id: int,
    *,
    kind: str,
    start_date: dt.date,
    description: str | None = None,
    end_date: dt.date | None = None,
) -> int:
    """R6: what the person gets until the job starts. A provision still running ends the day
    before the new one starts, so there is always one answer to "which, since when"."""
    existing(store, "persons", person_id)
    problems = missing({"kind": kind, "start_date": start_date}, "kind", "start_date")
    if kind == "other" and not text(description):
        problems["description"] = "beschrijf welke andere vorm van participatie of werk"
    if start_date and end_date and end_date < start_date:
        problems["end_date"] = "de einddatum ligt vóór de startdatum"
    raise_problems(problems)
    register = store.load()
    with store.atomic():
        for running in register.interim_provisions_of(person_id):
            if running.start_date < start_date and (
                running.end_date is None or running.end_date >= start_date
            ):
                store.update(
                    "interim_provisions", running.id, {"end_date": add_days(start_date, -1)}
                )
        return store.insert(
            "interim_provisions",
            {
                "person_id": person_id,
                "kind": kind,
                "start_date": start_date,
                "description": text(description),
                "end_date": end_date,
            },
        )


def end_interim_provision(store: Store, provision_id: int, end_date: dt.date) -> None:
    row = existing(store, "interim_provisions", provision_id)
    if end_date < as_date(row["start_date"]):
        raise_problems({"end_date": "de einddatum ligt vóór de startdatum"})
    with store.atomic():
        store.update("interim_provisions", provision_id, {"end_date": end_date})


def save_person(store: Store, person_id: int, values: dict[str, Any]) -> None:
    """Changed details of a person (the BSN too, checked with the elfproef)."""
    row = existing(store, "persons", person_id)
    merged = {**row, **values}
    if merged.get("bsn"):
        merged["bsn"] = normalise_bsn(merged["bsn"])
    raise_problems(person_problems(merged))
    with store.atomic():
        store.update("persons", person_id, {k: merged[k] for k in PERSON_FIELDS if k in values})


def add_note(
    store: Store,
    *,
    text_: str,
    created_on: dt.date,
    person_id: int | None = None,
    employer_id: int | None = None,
    placement_id: int | None = None,
) -> int:
    raise_problems(missing({"text": text_}, "text"))
    with store.atomic():
        return store.insert(
            "notes",
            {
                "text": text_.strip(),
                "created_on": created_on,
                "person_id": person_id,
                "employer_id": employer_id,
                "placement_id": placement_id,
            },
        )


def delete(store: Store, table: str, pk: int) -> None:
    """Delete one record after the user confirmed; the store audits it (old values kept)."""
    existing(store, table, pk)
    with store.atomic():
        store.delete(table, pk)


def queue_entry(register: Register, person_id: int, on: dt.date) -> QueueEntry | None:
    """The person's place in the queue on the date, or None when not in it (R5, R14)."""
    return next((e for e in queue(register, on) if e.person.id == person_id), None)


def queue_status(register: Register, person_id: int, on: dt.date) -> str | None:
    """'te_plaatsen', 'wachtlijst', or None (placed, no indication, another provision fits)."""
    entry = queue_entry(register, person_id, on)
    return entry.status if entry else None
