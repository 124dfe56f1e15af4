"""Employers and their conditions: kind and category (R9), cao (R13), coaches with the nine
R15 criteria (evidence and date per criterion), tailored agreements (R17)."""

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
from beschut_desktop.formatting import short_date
from beschut_desktop.rules.agreements import ONE_YEAR_REASONS, one_year_deadline
from beschut_desktop.rules.dates import as_date
from beschut_desktop.store.store import Store
from beschut_desktop.wording import COACH_CRITERIA

EMPLOYER_FIELDS = (
    "name",
    "kind",
    "category",
    "kvk_number",
    "cao",
    "cao_name",
    "sector_cao_more_favourable",
    "transitional_arrangement",
    "contact_name",
    "phone",
    "email",
    "address",
    "postal_code",
    "city",
    "notes",
)


def employer_problems(values: dict[str, Any]) -> Problems:
    problems = missing(values, "name", "kind")
    if values.get("kind") and values["kind"] not in ("sw_company", "municipality", "private"):
        problems["kind"] = "kies SW-bedrijf, gemeente of particulier"
    if values.get("category") not in (None, "a", "b"):
        problems["category"] = "kies categorie a of b"
    if values.get("cao") == "sector" and not text(values.get("cao_name")):
        problems["cao_name"] = "noem de cao van de eigen bedrijfstak"
    kvk = text(values.get("kvk_number"))
    if kvk and (not kvk.isdigit() or len(kvk) != 8):
        problems["kvk_number"] = f"'{kvk}' is geen KvK-nummer (8 cijfers)"
    return problems


def save_employer(store: Store, employer_id: int | None, values: dict[str, Any]) -> int:
    """Create (``employer_id`` None) or change an employer; returns its id."""
    values = {k: values[k] for k in EMPLOYER_FIELDS if k in values}
    merged = {**(existing(store, "employers", employer_id) if employer_id else {}), **values}
    raise_problems(employer_problems(merged))
    with store.atomic():
        if employer_id is None:
            return store.insert("employers", values)
        store.update("employers", employer_id, values)
        return employer_id


def add_coach(
    store: Store, employer_id: int, *, name: str, phone: str | None = None, email: str | None = None
) -> int:
    """A new coach. The nine R15 criteria start unassessed (no rows): an unassessed criterion
    reads "nog niet beoordeeld", which differs from one found not met."""
    existing(store, "employers", employer_id)
    raise_problems(missing({"name": name}, "name"))
    with store.atomic():
        return store.insert(
            "coaches", {"employer_id": employer_id, "name": name, "phone": phone, "email": email}
        )


def set_criterion(
    store: Store,
    coach_id: int,
    item: int,
    *,
    met: bool,
    evidence: str | None = None,
    checked_on: dt.date | None = None,
) -> None:
    """R15: one criterion of a coach. Met needs the evidence seen and the date it was seen;
    criterion 8 (the diploma) and 9 (training) must be shown to the municipality."""
    existing(store, "coaches", coach_id)
    if item not in COACH_CRITERIA:
        raise ValueError(f"criterion {item} does not exist")
    problems: Problems = {}
    if met and not text(evidence):
        problems["evidence"] = "noteer het bewijs (wat is gezien of besproken)"
    if met and checked_on is None:
        problems["checked_on"] = "noteer wanneer het is gecontroleerd"
    raise_problems(problems)
    values = {"met": met, "evidence": text(evidence), "checked_on": checked_on}
    found = store.rows("coach_criteria", "coach_id = ? AND item = ?", (coach_id, item))
    with store.atomic():
        if found:
            store.update("coach_criteria", found[0]["id"], values)
        else:
            store.insert("coach_criteria", {"coach_id": coach_id, "item": item, **values})


def default_deadline(
    reason: str, agreed_on: dt.date, placement_start: dt.date | None = None
) -> dt.date | None:
    """R17: one year for a move or a VSO/PRO internship, from the bound placement's start
    (else the day agreed); a transition deadline is agreed."""
    return one_year_deadline(reason, placement_start, agreed_on)


def agreement_problems(values: dict[str, Any], placement_start: dt.date | None = None) -> Problems:
    problems = missing(values, "reason", "agreed_on", "deadline", "prospect")
    if "prospect" in problems:
        problems["prospect"] = "beschrijf het concrete vooruitzicht op het voldoen (R17)"
    agreed, deadline = as_date(values.get("agreed_on")), as_date(values.get("deadline"))
    if agreed and deadline and deadline < agreed:
        problems["deadline"] = "de uiterste datum ligt vóór de afspraak"
    if values.get("reason") in ONE_YEAR_REASONS:
        limit = one_year_deadline(values.get("reason"), placement_start, agreed) if agreed else None
        if limit and deadline and deadline > limit:
            problems["deadline"] = (
                "bij verhuizing of VSO/PRO-stage is het uiterlijk na één jaar "
                f"({short_date(limit)})"
            )
        if not values.get("employer_confirmed"):
            problems["employer_confirmed"] = "de werkgever moet dit uitdrukkelijk bevestigen"
    return problems


def add_tailored_agreement(store: Store, employer_id: int, values: dict[str, Any]) -> int:
    existing(store, "employers", employer_id)
    placement = (
        existing(store, "placements", values["placement_id"])
        if values.get("placement_id")
        else None
    )
    start = as_date(placement["start_date"]) if placement else None
    raise_problems(agreement_problems(values, start))
    keys = (
        "placement_id",
        "reason",
        "agreed_on",
        "deadline",
        "prospect",
        "employer_confirmed",
        "fulfilled_on",
        "notes",
    )
    with store.atomic():
        return store.insert(
            "tailored_agreements", {"employer_id": employer_id, **{k: values.get(k) for k in keys}}
        )


def fulfil_agreement(store: Store, agreement_id: int, fulfilled_on: dt.date) -> None:
    """The employer now meets the conditions: the agreement's deadline no longer signals."""
    row = existing(store, "tailored_agreements", agreement_id)
    if fulfilled_on < as_date(row["agreed_on"]):
        raise_problems({"fulfilled_on": "voldaan vóór de afspraak werd gemaakt"})
    with store.atomic():
        store.update("tailored_agreements", agreement_id, {"fulfilled_on": fulfilled_on})
