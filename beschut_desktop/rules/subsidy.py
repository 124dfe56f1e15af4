"""R8: wage-cost subsidy (loonkostensubsidie). TO BE IMPLEMENTED: see the rules brief."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.model import MinimumWagePeriod, Placement, Register
from beschut_desktop.rules.results import SubsidyMonth


def minimum_wage_on(register: Register, on: dt.date) -> MinimumWagePeriod | None:
    """The minimum-wage period in force on the date (None before the first one)."""
    raise NotImplementedError


def monthly_minimum_wage_cents(register: Register, on: dt.date, hours_per_week: float) -> int:
    """The minimum wage for a month at these contract hours."""
    raise NotImplementedError


def subsidy_for_month(register: Register, placement: Placement, year: int,
                      month: int) -> SubsidyMonth:
    """The subsidy for one placement in one calendar month."""
    raise NotImplementedError


def next_wage_value_assessment_due(register: Register, placement: Placement) -> dt.date | None:
    """When the next wage-value assessment is due (None for a placement not started)."""
    raise NotImplementedError


def flat_rate_end(register: Register, placement: Placement) -> dt.date | None:
    """Last day of the flat-rate subsidy, or None when it does not apply."""
    raise NotImplementedError
