"""R8 as a decision to the employer: which subsidy applies on the letter's date, for which
period, and what it comes to per month.

Only the public functions of ``rules.subsidy`` compute: this module picks the period and asks
``subsidy_for_month`` for each month in it, so the letter says what the rule says.
- On the letter's date, with a wage-value assessment made on or before it: the subsidy on the
  basis of the latest assessment, from that assessment up to the day before the next one is due.
  As of means as of: an assessment after the letter's date is not known to the letter.
- Without one: the flat rate, from the start of the employment up to ``flat_rate_end``.
- Neither (the flat rate is over and no assessment was made): no subsidy decision is possible.
The period never runs past the contract's end date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from beschut_desktop.errors import UserError
from beschut_desktop.formatting import short_date
from beschut_desktop.rules.dates import add_months, first_of_month
from beschut_desktop.rules.model import Placement, Register
from beschut_desktop.rules.results import SubsidyMonth
from beschut_desktop.rules.reviews import employment_start
from beschut_desktop.rules.subsidy import (
    employment_assessments,
    flat_rate_end,
    next_wage_value_assessment_due,
    subsidy_for_month,
)

ONE_DAY = dt.timedelta(days=1)
MAX_MONTHS = 24


@dataclass(frozen=True)
class SubsidyTerms:
    flat_rate: bool
    wage_value: float | None
    assessed_on: dt.date | None
    start: dt.date
    end: dt.date
    months: list[SubsidyMonth]
    per_full_month_cents: int
    next_assessment: dt.date | None


def subsidy_terms(register: Register, placement: Placement, on: dt.date) -> SubsidyTerms:
    start = employment_start(register, placement)
    if start is None or placement.start_date is None:
        raise UserError(
            f"Plaatsing {placement.id} heeft geen dienstverband met een startdatum; "
            "een besluit over loonkostensubsidie hoort bij een gestart of afgesproken contract."
        )
    assessed = employment_assessments(register, placement, on)
    next_due = next_wage_value_assessment_due(register, placement, on)
    if assessed:
        latest = assessed[-1]
        begin = max(latest.assessment_date, placement.start_date)
        end = (next_due - ONE_DAY) if next_due and next_due > begin else add_months(begin, 12)
        flat, pct, assessed_on = False, latest.wage_value_percentage, latest.assessment_date
    else:
        flat_end = flat_rate_end(register, placement, on)
        if flat_end is None or flat_end < on:
            raise UserError(_no_subsidy(placement, on, flat_end))
        begin, end = max(start, placement.start_date), flat_end
        flat, pct, assessed_on = True, None, None
    if placement.end_date is not None:
        end = min(end, placement.end_date)
    months = _months(register, placement, begin, end, on)
    return SubsidyTerms(
        flat_rate=flat,
        wage_value=pct,
        assessed_on=assessed_on,
        start=begin,
        end=end,
        months=months,
        per_full_month_cents=_full_month(months, begin, end),
        next_assessment=next_due,
    )


def _no_subsidy(placement: Placement, on: dt.date, flat_end: dt.date | None) -> str:
    ended = (
        f"de forfaitaire periode eindigde op {short_date(flat_end)}"
        if flat_end
        else ("er is geen forfaitaire periode")
    )
    return (
        f"Op {short_date(on)} is er voor plaatsing {placement.id} geen loonkostensubsidie vast "
        f"te stellen: {ended} en er is nog geen loonwaardemeting vastgelegd."
    )


def _months(
    register: Register, placement: Placement, begin: dt.date, end: dt.date, on: dt.date
) -> list[SubsidyMonth]:
    """Each month's amount as known on the letter's date ``on``: a later assessment or
    change is not in a letter dated before it."""
    months = []
    month = first_of_month(begin)
    while month <= end and len(months) < MAX_MONTHS:
        months.append(subsidy_for_month(register, placement, month.year, month.month, on))
        month = add_months(month, 1)
    return months


def _full_month(months: list[SubsidyMonth], begin: dt.date, end: dt.date) -> int:
    """The total of the first calendar month wholly inside the period, else of the first."""
    for m in months:
        first = dt.date(m.year, m.month, 1)
        last = add_months(first, 1) - ONE_DAY
        if begin <= first and last <= end:
            return m.total_cents
    return months[0].total_cents if months else 0
