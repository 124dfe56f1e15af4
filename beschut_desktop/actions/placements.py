"""The placement flows: offer (R10, R11, R16), answer, renew or make permanent (R20), end
(R14), wage-value assessment (R8) and development goals (R16).

Offering a place is a decision (R10): it has an offer date and a sent date, a motivation why
the place fits the person, and a status offered → accepted or refused. A contract that misses
R12/R13 is not bad input but a finding: the dialog shows the contract check and asks; the
action stores what the consultant decided.
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
from beschut_desktop.rules.contract import terms_problems
from beschut_desktop.rules.dates import add_days, as_date
from beschut_desktop.rules.indication import standing_indication
from beschut_desktop.rules.quota import passed_over
from beschut_desktop.store.store import Store

SUPPORT_FIELDS = (
    "support_physical",
    "support_task_split",
    "support_supervision",
    "support_pace",
    "support_hours",
)  # R11, art. 8 lid 3
TERM_FIELDS = ("start_date", "end_date", "hours_per_week", "trial_before", "contract_type")
OFFER_FIELDS = (
    "employer_id",
    "coach_id",
    "offer_date",
    "offer_sent_date",
    "offer_motivation",
    *SUPPORT_FIELDS,
    "support_notes",
    "job_title",
    "job_description",
    "development_plan_date",
    *TERM_FIELDS,
    "notes",
)
# What a renewal carries over from the contract it follows: same place, same support.
CARRIED = (
    "employer_id",
    "coach_id",
    "job_title",
    "job_description",
    "development_plan_date",
    *SUPPORT_FIELDS,
    "support_notes",
)
END_OUTCOMES = ("ended", "dismissed")


def offer_problems(values: dict[str, Any]) -> Problems:
    """What stops an offer from being stored, field by field (the dialog shows these live)."""
    problems = missing(
        values, "employer_id", "offer_date", "offer_motivation", "start_date", "hours_per_week"
    )
    if "offer_motivation" in problems:
        problems["offer_motivation"] = (
            "motiveer waarom deze plek past bij de mogelijkheden van de persoon (R10)"
        )
    offered, sent = as_date(values.get("offer_date")), as_date(values.get("offer_sent_date"))
    if offered and sent and sent < offered:
        problems["offer_sent_date"] = "verzonden vóór de datum van het aanbod"
    start, end = as_date(values.get("start_date")), as_date(values.get("end_date"))
    problems.update(terms_problems(start, end, values.get("contract_type", "temporary")))
    hours = values.get("hours_per_week")
    if hours is not None and hours != "" and not 0 < float(hours) <= 60:
        problems["hours_per_week"] = "het aantal uren per week ligt tussen 0 en 60"
    return problems


def offer_placement(
    store: Store, person_id: int, values: dict[str, Any], passed_over_reason: str | None = None
) -> int:
    """Offer a place to a person with a standing indication; status 'offered' until answered.

    R5: when others above the person in the queue are te plaatsen (and have no open offer),
    the offer says why they are passed over (``passed_over_reason``); it is kept as a note
    with the placement, naming them."""
    existing(store, "persons", person_id)
    values = {k: values.get(k) for k in OFFER_FIELDS if k in values}
    problems = offer_problems(values)
    register = store.load()
    offered = as_date(values.get("offer_date"))
    if offered and standing_indication(register, person_id, offered) is None:
        problems["offer_date"] = "de persoon heeft op deze datum geen indicatie beschut werk"
    coach = register.coach(values["coach_id"]) if values.get("coach_id") else None
    if coach and coach.employer_id != values.get("employer_id"):
        problems["coach_id"] = "deze begeleider werkt niet bij de gekozen werkgever"
    skipped = passed_over(register, person_id, offered) if offered else []
    if skipped and not text(passed_over_reason):
        problems["passed_over_reason"] = (
            "hoger in de rij staan te plaatsen: "
            + ", ".join(e.person.case_number for e in skipped)
            + "; zeg waarom zij worden overgeslagen (R5)"
        )
    raise_problems(problems)
    values["offer_sent_date"] = values.get("offer_sent_date") or values["offer_date"]
    with store.atomic():
        placement_id = store.insert(
            "placements",
            {
                **values,
                "person_id": person_id,
                "offer_status": "offered",
                "offer_motivation": text(values["offer_motivation"]),
            },
        )
        if skipped:
            store.insert(
                "notes",
                {
                    "created_on": offered,
                    "person_id": person_id,
                    "placement_id": placement_id,
                    "text": "Voorrang (R5): aanbod vóór "
                    + ", ".join(
                        f"{e.person.case_number} (nr. {e.position} in de rij)" for e in skipped
                    )
                    + f". Reden: {text(passed_over_reason)}",
                },
            )
        return placement_id


def answer_offer(
    store: Store,
    placement_id: int,
    *,
    accepted: bool,
    notes: str | None = None,
    answered_on: dt.date | None = None,
) -> None:
    """The person accepts or refuses the offered place (R10) on ``answered_on`` (the screens
    pass the day it is recorded; without it the answer is undated and taken as always known).
    Refusing keeps them in the queue; they may object to the offer, and if proven right a new
    offer follows."""
    row = existing(store, "placements", placement_id)
    if row["offer_status"] != "offered":
        raise_problems({"offer_status": "dit aanbod is al beantwoord"})
    changes: dict[str, Any] = {
        "offer_status": "accepted" if accepted else "refused",
        "offer_answered_on": answered_on,
    }
    if text(notes):
        changes["notes"] = "\n".join(filter(None, [row["notes"], text(notes)]))
    with store.atomic():
        store.update("placements", placement_id, changes)


def save_placement(store: Store, placement_id: int, values: dict[str, Any]) -> None:
    """Changed details of a placement (terms, support, job description, plan date)."""
    row = existing(store, "placements", placement_id)
    merged = {**row, **values}
    problems = offer_problems(merged)
    if not row.get("offer_date"):  # placements from before the register have no offer
        for field in ("offer_date", "offer_motivation"):
            problems.pop(field, None)
    raise_problems(problems)
    with store.atomic():
        store.update("placements", placement_id, values)


def renew_problems(old: dict[str, Any], values: dict[str, Any]) -> Problems:
    problems = missing(values, "start_date", "hours_per_week")
    start, end = as_date(values.get("start_date")), as_date(values.get("end_date"))
    old_start = as_date(old.get("start_date"))
    if start and old_start and start <= old_start:
        problems["start_date"] = "het nieuwe contract begint na de start van het vorige"
    if values.get("permanent"):
        if end:
            problems["end_date"] = "een vast contract heeft geen einddatum"
    elif start and not end:
        problems["end_date"] = "een verlenging heeft een einddatum (of kies vast contract)"
    elif start and end and end < start:
        problems["end_date"] = "de einddatum ligt vóór de startdatum"
    if old.get("outcome"):
        problems["start_date"] = "dit contract heeft al een vervolg of is beëindigd"
    return problems


def renew_placement(
    store: Store,
    placement_id: int,
    *,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    hours_per_week: float | None = None,
    permanent: bool = False,
    notes: str | None = None,
    recorded_on: dt.date | None = None,
) -> int:
    """R20: a renewal or conversion to permanent is a contract of its own (checked against R12
    too), pointing back at the old one; the old one gets its outcome. Same employer, so the
    review clock continues (R18). Returns the new placement's id."""
    old = existing(store, "placements", placement_id)
    old_end = as_date(old["end_date"])
    start_date = start_date or (add_days(old_end, 1) if old_end else None)
    hours = hours_per_week if hours_per_week is not None else old["hours_per_week"]
    values = {
        "start_date": start_date,
        "end_date": end_date,
        "hours_per_week": hours,
        "permanent": permanent,
    }
    raise_problems(renew_problems(old, values))
    with store.atomic():
        if old_end is None or old_end >= start_date:
            store.update("placements", placement_id, {"end_date": add_days(start_date, -1)})
        store.update(
            "placements",
            placement_id,
            {
                "outcome": "permanent" if permanent else "renewed",
                "outcome_date": recorded_on,
            },
        )
        return store.insert(
            "placements",
            {
                **{k: old[k] for k in CARRIED},
                "person_id": old["person_id"],
                "previous_placement_id": placement_id,
                "offer_status": "accepted",
                "start_date": start_date,
                "end_date": None if permanent else end_date,
                "hours_per_week": hours,
                "trial_before": False,
                "contract_type": "permanent" if permanent else "temporary",
                "notes": text(notes),
            },
        )


def end_placement(
    store: Store,
    placement_id: int,
    *,
    end_date: dt.date,
    outcome: str,
    end_reason: str,
    interim: dict[str, Any] | None = None,
    recorded_on: dt.date | None = None,
) -> None:
    """R14: the contract ends (or the person is dismissed under civil law). The indication
    stands, so from the day after the end the person is back in the queue with their
    original determination date. Optionally an interim provision starts at once (R6). The
    outcome counts from ``recorded_on`` (the screens pass the day it is recorded)."""
    row = existing(store, "placements", placement_id)
    problems = missing({"end_date": end_date, "end_reason": end_reason}, "end_date", "end_reason")
    if outcome not in END_OUTCOMES:
        problems["outcome"] = "kies beëindigd of ontslag"
    start = as_date(row["start_date"])
    if end_date and start and end_date < start:
        problems["end_date"] = "de einddatum ligt vóór de startdatum"
    if row["outcome"] in ("renewed", "permanent"):
        problems["outcome"] = "dit contract is al verlengd; beëindig het vervolgcontract"
    raise_problems(problems)
    with store.atomic():
        store.update(
            "placements",
            placement_id,
            {
                "end_date": end_date,
                "outcome": outcome,
                "end_reason": end_reason.strip(),
                "outcome_date": recorded_on,
            },
        )
        if interim:
            from beschut_desktop.actions.cases import start_interim_provision

            start_interim_provision(store, row["person_id"], **interim)


def record_wage_value(
    store: Store,
    placement_id: int,
    *,
    assessment_date: dt.date,
    wage_value_percentage: float,
    assessor: str | None = None,
    notes: str | None = None,
) -> int:
    """R8: a wage-value assessment. The flat-rate subsidy (if a period of it is recorded and
    still open) ends the day before, because from now on the subsidy follows the wage value."""
    existing(store, "placements", placement_id)
    problems = missing(
        {"assessment_date": assessment_date, "wage_value_percentage": wage_value_percentage},
        "assessment_date",
        "wage_value_percentage",
    )
    if wage_value_percentage is not None and not 0 <= float(wage_value_percentage) <= 100:
        problems["wage_value_percentage"] = "de loonwaarde ligt tussen 0 en 100%"
    raise_problems(problems)
    with store.atomic():
        for period in store.rows(
            "subsidy_periods", "placement_id = ? AND kind = 'flat_rate'", (placement_id,)
        ):
            end = as_date(period["end_date"])
            if as_date(period["start_date"]) < assessment_date and (
                end is None or end >= assessment_date
            ):
                store.update(
                    "subsidy_periods", period["id"], {"end_date": add_days(assessment_date, -1)}
                )
        return store.insert(
            "wage_value_assessments",
            {
                "placement_id": placement_id,
                "assessment_date": assessment_date,
                "wage_value_percentage": float(wage_value_percentage),
                "assessor": text(assessor),
                "notes": text(notes),
            },
        )


def add_goal(store: Store, placement_id: int, goal: str) -> int:
    """R16 (2): a development goal of the placement's development plan."""
    existing(store, "placements", placement_id)
    raise_problems(missing({"goal": goal}, "goal"))
    with store.atomic():
        return store.insert(
            "development_goals", {"placement_id": placement_id, "goal": goal.strip()}
        )


def set_goal_status(store: Store, goal_id: int, status: str) -> None:
    existing(store, "development_goals", goal_id)
    if status not in ("open", "achieved", "dropped"):
        raise_problems({"status": "kies open, bereikt of vervallen"})
    with store.atomic():
        store.update("development_goals", goal_id, {"status": status})
