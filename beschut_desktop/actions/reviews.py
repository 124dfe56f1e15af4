"""R18, R19: recording a review (voortgangsgesprek).

The review covers the employee's functioning, situation and perspective and the development
plan's progress (R18), and the feedback on the coaching (R19). Clear written records are a
requirement of the policy, so the three R18 subjects between employer and employee must be
written down; the R19 topics are asked but may be left open.
"""

from __future__ import annotations

import datetime as dt

from beschut_desktop.actions._common import Problems, existing, missing, raise_problems
from beschut_desktop.formatting import short_date
from beschut_desktop.rules.dates import as_date
from beschut_desktop.store.store import Store
from beschut_desktop.wording import COACHING_TOPICS, REVIEW_SUBJECTS

REQUIRED_SUBJECTS = ("functioning", "situation", "perspective")
REVIEW_FIELDS = ("participants", *REVIEW_SUBJECTS, *COACHING_TOPICS, "notes")


def review_problems(
    values: dict, placement_start: dt.date | None, today: dt.date | None = None
) -> Problems:
    """A review is recorded once held: not in the future (it would move every later due date,
    R18), not before the contract started."""
    problems = missing(values, "review_date", *REQUIRED_SUBJECTS)
    day = as_date(values.get("review_date"))
    today = today or dt.date.today()
    if day and placement_start is None:
        problems["review_date"] = "het contract is nog niet begonnen"
    elif day and day < placement_start:  # type: ignore[operator]
        problems["review_date"] = (
            f"het gesprek ligt vóór de start van het contract ({short_date(placement_start)})"
        )
    elif day and day > today:
        problems["review_date"] = (
            f"het gesprek ligt in de toekomst (na {short_date(today)}); leg het vast als het "
            "gehouden is"
        )
    return problems


def record_review(
    store: Store,
    placement_id: int,
    *,
    review_date: dt.date,
    today: dt.date | None = None,
    **fields: str | None,
) -> int:
    """Store one review; ``fields`` are the R18 subjects, R19 topics, participants, notes.
    ``today`` (default the system date) is the last day a review can have been held."""
    placement = existing(store, "placements", placement_id)
    unknown = set(fields) - set(REVIEW_FIELDS)
    if unknown:
        raise TypeError(f"unknown review fields: {sorted(unknown)}")
    values = {"review_date": review_date, **fields}
    raise_problems(review_problems(values, as_date(placement["start_date"]), today))
    with store.atomic():
        return store.insert("reviews", {"placement_id": placement_id, **values})


def update_review(
    store: Store,
    review_id: int,
    *,
    review_date: dt.date,
    today: dt.date | None = None,
    **fields: str | None,
) -> None:
    """Correct or complete a recorded review: the same checks as recording it; only what
    differs reaches the audit trail."""
    review = existing(store, "reviews", review_id)
    placement = existing(store, "placements", review["placement_id"])
    unknown = set(fields) - set(REVIEW_FIELDS)
    if unknown:
        raise TypeError(f"unknown review fields: {sorted(unknown)}")
    values = {"review_date": review_date, **fields}
    raise_problems(review_problems(values, as_date(placement["start_date"]), today))
    with store.atomic():
        store.update("reviews", review_id, values)
