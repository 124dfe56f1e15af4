"""Objection (bezwaar) and appeal (beroep) against a decision or an offered place (R10, Awb).

The terms (six weeks to lodge, six or twelve to decide, at most six more by deferral, and
suspension moving the due date) are computed by ``rules.awb``; this module records what
happened. An objection upheld against an offer means a new offer must follow (R10): the
outcome says so, and the dialog opens the offer flow for the same person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from beschut_desktop.actions._common import (
    Problems,
    existing,
    missing,
    raise_problems,
    text,
)
from beschut_desktop.rules.dates import as_date
from beschut_desktop.store.store import Store

KINDS = ("objection", "appeal")
OUTCOMES = ("upheld", "rejected", "withdrawn")
MAX_DEFERRAL_WEEKS = 6  # Awb 7:10 lid 3


@dataclass(frozen=True)
class ObjectionDecided:
    """What follows from the decision on an objection."""

    new_offer_needed: bool  # upheld against an offered place (R10)
    new_decision_needed: bool  # upheld against a decision


def lodge_problems(store: Store, values: dict) -> Problems:
    problems = missing(values, "kind", "lodged_date")
    if values.get("kind") and values["kind"] not in KINDS:
        problems["kind"] = "kies bezwaar of beroep"
    if not values.get("decision_id") and not values.get("placement_id"):
        problems["decision_id"] = "kies de beschikking of het aanbod waartegen het zich richt"
    lodged = as_date(values.get("lodged_date"))
    sent = None
    if values.get("decision_id"):
        decision = store.row("decisions", values["decision_id"])
        sent = as_date(decision and (decision["sent_date"] or decision["decision_date"]))
    elif values.get("placement_id"):
        offer = store.row("placements", values["placement_id"])
        sent = as_date(offer and (offer["offer_sent_date"] or offer["offer_date"]))
    if lodged and sent and lodged < sent:
        problems["lodged_date"] = "ingediend vóór de beslissing was verzonden"
    return problems


def lodge_objection(
    store: Store,
    person_id: int,
    *,
    lodged_date: dt.date,
    kind: str = "objection",
    decision_id: int | None = None,
    placement_id: int | None = None,
    advisory_committee: bool = False,
    notes: str | None = None,
) -> int:
    """Record a lodged objection or appeal. A late one is still recorded (Awb 6:11 lets an
    excusable delay pass); the case file shows the term so the consultant can judge."""
    existing(store, "persons", person_id)
    values = {
        "kind": kind,
        "lodged_date": lodged_date,
        "decision_id": decision_id,
        "placement_id": placement_id,
    }
    raise_problems(lodge_problems(store, values))
    with store.atomic():
        return store.insert(
            "objections",
            {
                **values,
                "person_id": person_id,
                "advisory_committee": advisory_committee,
                "notes": text(notes),
            },
        )


def set_terms(
    store: Store,
    objection_id: int,
    *,
    advisory_committee: bool,
    deferral_weeks: int,
    suspended_days: int,
) -> None:
    """Advisory committee (12 weeks instead of 6), deferral (at most 6 weeks) and suspension
    (days the term stood still): each moves the date the decision is due."""
    existing(store, "objections", objection_id)
    problems: Problems = {}
    if not 0 <= deferral_weeks <= MAX_DEFERRAL_WEEKS:
        problems["deferral_weeks"] = "verdagen kan met ten hoogste 6 weken (Awb 7:10 lid 3)"
    if suspended_days < 0:
        problems["suspended_days"] = "het aantal dagen opschorting kan niet negatief zijn"
    raise_problems(problems)
    with store.atomic():
        store.update(
            "objections",
            objection_id,
            {
                "advisory_committee": advisory_committee,
                "deferral_weeks": deferral_weeks,
                "suspended_days": suspended_days,
            },
        )


def decide_objection(
    store: Store, objection_id: int, *, decided_on: dt.date, outcome: str, notes: str | None = None
) -> ObjectionDecided:
    row = existing(store, "objections", objection_id)
    problems = missing({"decided_on": decided_on, "outcome": outcome}, "decided_on", "outcome")
    if outcome and outcome not in OUTCOMES:
        problems["outcome"] = "kies gegrond, ongegrond of ingetrokken"
    if decided_on and decided_on < as_date(row["lodged_date"]):
        problems["decided_on"] = "beslist vóór het bezwaar was ingediend"
    raise_problems(problems)
    changes = {"decided_on": decided_on, "outcome": outcome}
    if text(notes):
        changes["notes"] = "\n".join(filter(None, [row["notes"], text(notes)]))
    with store.atomic():
        store.update("objections", objection_id, changes)
    upheld = outcome == "upheld"
    return ObjectionDecided(
        new_offer_needed=upheld and row["placement_id"] is not None,
        new_decision_needed=upheld and row["placement_id"] is None,
    )
