"""R7: the coaching budget on a date.

The state pays a fixed amount per quota place per year, based on a 31-hour week: available
hours a week = quota × hours per place; budget = quota × amount per place (both data of the
year). Used = the weekly contract hours of the placements active on the date.
"""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.quota import active_placements, missing_quota_message, quota_year
from beschut_desktop.rules.results import CoachingBudget


def coaching_budget(register: Register, on: dt.date) -> CoachingBudget:
    register = known_on(register, on)
    row = quota_year(register, on.year)
    used_by_kind: dict[str, float] = {"sw_company": 0.0, "municipality": 0.0, "private": 0.0}
    for placement in active_placements(register, on):
        employer = register.employer(placement.employer_id)
        kind = employer.kind if employer else "private"
        used_by_kind[kind] = used_by_kind.get(kind, 0.0) + (placement.hours_per_week or 0.0)
    used = sum(used_by_kind.values())
    if row is None:
        return CoachingBudget(
            on=on,
            quota=None,
            hours_per_place=None,
            available_hours=None,
            used_hours=used,
            amount_per_place_cents=None,
            amount_cents=None,
            used_by_employer_kind=used_by_kind,
            message=missing_quota_message(on.year),
        )
    return CoachingBudget(
        on=on,
        quota=row.quota,
        hours_per_place=row.hours_per_place,
        available_hours=row.quota * row.hours_per_place,
        used_hours=used,
        amount_per_place_cents=row.amount_per_place_cents,
        amount_cents=row.quota * row.amount_per_place_cents,
        used_by_employer_kind=used_by_kind,
    )
