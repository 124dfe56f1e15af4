"""R18: the employment and its review schedule.

Policy ("Overige voorwaarden"): during the first two years of the employment the employee's
functioning, situation and perspective are discussed twice a year, after that at least once a
year. Read as: the next review is due ``review_interval_early_months`` (6) after the previous
review, or after the start of the employment when there is none yet, as long as the employment
is younger than ``review_early_period_months`` (24) on the date of that previous review (or
start); from then on it is due ``review_interval_late_months`` (12) after it.

The two-year boundary: the employment is two years old on ``add_months(start, 24)`` — started
1 March 2022, two years old on 1 March 2024; started 29 February 2024, two years old on
28 February 2026 (the month end clamps). A review held the day before that is still "in the
first two years", so the next is 6 months after it; a review held on that day or later puts
the next one 12 months ahead. Month arithmetic clamps to month ends throughout
(31 August + 6 months = 28 or 29 February).

A renewal with the same employer (``previous_placement_id`` pointing at a contract with the
same employer) continues the employment and its clock; a contract with a new employer starts a
new employment, with a new clock.

As of means as of: ``last_review`` and ``next_review_due`` answer on a date and see only the
reviews held on or before it (``as_of.known_on``).
"""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.as_of import placement_on
from beschut_desktop.rules.dates import add_months
from beschut_desktop.rules.model import Placement, Register, Review


def _counts(placement: Placement) -> bool:
    return placement.offer_status != "refused" and placement.start_date is not None


def predecessors(register: Register, placement: Placement) -> list[Placement]:
    """Earlier contracts of the same employment, nearest first (same employer, followed back)."""
    found: list[Placement] = []
    seen = {placement.id}
    current = placement
    while current.previous_placement_id is not None:
        previous = register.placement(current.previous_placement_id)
        if previous is None or previous.id in seen or previous.employer_id != placement.employer_id:
            break
        seen.add(previous.id)
        found.append(previous)
        current = previous
    return found


def employment_chain(register: Register, placement: Placement) -> list[Placement]:
    """Every contract of the employment this one belongs to, oldest first: its predecessors
    with the same employer, itself, and the renewals that follow it with the same employer."""
    chain = list(reversed(predecessors(register, placement))) + [placement]
    seen = {p.id for p in chain}
    frontier = [placement]
    while frontier:
        current = frontier.pop()
        for following in register.successors_of(current.id):
            if following.id in seen or following.employer_id != placement.employer_id:
                continue
            seen.add(following.id)
            chain.append(following)
            frontier.append(following)
    return chain


def employment_start(register: Register, placement: Placement) -> dt.date | None:
    """Start of the employment this contract belongs to: renewals with the same employer
    continue it; a new employer starts a new one. None for a contract not started."""
    if not _counts(placement):
        return None
    starts = [p.start_date for p in [*predecessors(register, placement), placement] if _counts(p)]
    return min(starts)  # type: ignore[type-var]


def employment_reviews(register: Register, placement: Placement) -> list[Review]:
    """Reviews held in this employment (any of its contracts), oldest first."""
    reviews = [r for p in employment_chain(register, placement) for r in register.reviews_of(p.id)]
    return sorted(reviews, key=lambda r: (r.review_date, r.id))


def review_interval_months(register: Register, start: dt.date, previous: dt.date) -> int:
    """6 months while the employment is younger than two years on ``previous``, else 12."""
    settings = register.settings
    two_years = add_months(start, settings.review_early_period_months)
    if previous < two_years:
        return settings.review_interval_early_months
    return settings.review_interval_late_months


def last_review(register: Register, placement: Placement, on: dt.date) -> Review | None:
    """The latest review held in this employment since it started, on or before ``on``
    (None: none yet)."""
    register, current = placement_on(register, placement, on)
    if current is None:
        return None
    start = employment_start(register, current)
    if start is None:
        return None
    reviews = [r for r in employment_reviews(register, current) if r.review_date >= start]
    return reviews[-1] if reviews else None


def review_basis(
    register: Register, placement: Placement, on: dt.date
) -> tuple[dt.date, Review | None, int] | None:
    """What the next review counts from as of ``on``: the basis date (previous review, else
    the start of the employment), that review, and the interval in months. None for a
    placement not started."""
    register, current = placement_on(register, placement, on)
    if current is None:
        return None
    start = employment_start(register, current)
    if start is None:
        return None
    previous = last_review(register, current, on)
    basis = previous.review_date if previous else start
    return basis, previous, review_interval_months(register, start, basis)


def next_review_due(register: Register, placement: Placement, on: dt.date) -> dt.date | None:
    """Due date of the next review as of ``on`` (None for a placement not started)."""
    found = review_basis(register, placement, on)
    if found is None:
        return None
    basis, _, months = found
    return add_months(basis, months)
