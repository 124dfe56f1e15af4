"""R7 and R8 for the controller: the coaching budget and the wage-cost subsidy of a year.

Two different moneys, kept apart: the coaching budget (R7) comes from the participation budget
(quota × amount per place of the year), the wage-cost subsidy (R8) from the BUIG benefits
budget. The subsidy is the sum of ``subsidy.subsidy_for_month`` per placement per month, the
same figure the placement's case file shows, so the appendix of the finance report and the case
file never disagree.

As of means as of: everything is computed on ``known_on(register, on)``. A month up to and
including the month of ``on`` is *realised* (computed as the case file does on ``on``); a later
month of the year is *forecast*, under the assumptions in ``FORECAST_ASSUMPTIONS``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from beschut_desktop.errors import UserError
from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.budget import coaching_budget
from beschut_desktop.rules.model import Employer, Person, Placement, Register
from beschut_desktop.rules.results import CoachingBudget, SubsidyMonth
from beschut_desktop.rules.subsidy import subsidy_for_month

# Employer kinds as the controller counts them (R9): the private employers split by category.
EMPLOYER_GROUPS = ("sw_company", "municipality", "private_a", "private_b")
GROUP_LABELS = {
    "sw_company": "SW-bedrijf",
    "municipality": "Gemeente",
    "private_a": "Particulier, categorie a",
    "private_b": "Particulier, categorie b",
}
SUBSIDY_KINDS = {"flat_rate": "Forfaitair", "wage_value": "Loonwaarde", "none": "Geen"}
FORECAST_ASSUMPTIONS = (
    "De plaatsingen die op de peildatum lopen, lopen ongewijzigd door tot hun einddatum of "
    "het einde van het jaar.",
    "Er komen geen nieuwe plaatsingen bij; een plaatsing die na de peildatum begint, telt "
    "niet mee.",
    "De laatst bekende loonwaarde blijft gelden; na de forfaitaire periode zonder "
    "loonwaardemeting is er geen subsidie.",
    "Het ingevoerde wettelijk minimumloon geldt; verhogingen die nog niet zijn ingevoerd, "
    "tellen niet mee.",
)


def employer_group(employer: Employer | None) -> str:
    """sw_company, municipality, private_a or private_b (an unknown employer: private_b)."""
    if employer is None:
        return "private_b"
    if employer.kind in ("sw_company", "municipality"):
        return employer.kind
    return "private_a" if employer.category == "a" else "private_b"


@dataclass(frozen=True)
class PlacementMonth:
    """One month of one placement: realised or forecast; ``result`` None with a ``problem``
    when the month cannot be computed (e.g. no minimum wage entered)."""

    year: int
    month: int
    forecast: bool
    result: SubsidyMonth | None
    problem: str | None = None

    @property
    def total_cents(self) -> int:
        return self.result.total_cents if self.result else 0


@dataclass(frozen=True)
class PlacementSubsidy:
    """R8 for one placement in one year, month by month."""

    placement: Placement
    person: Person | None
    employer: Employer | None
    group: str
    months: list[PlacementMonth]

    @property
    def realised_cents(self) -> int:
        return sum(m.total_cents for m in self.months if not m.forecast)

    @property
    def forecast_cents(self) -> int:
        return sum(m.total_cents for m in self.months if m.forecast)


@dataclass(frozen=True)
class FinanceYear:
    """A year's money as of ``on``: the coaching budget and the subsidy per placement."""

    year: int
    on: dt.date
    budget: CoachingBudget
    placements: list[PlacementSubsidy] = field(default_factory=list)

    @property
    def realised_cents(self) -> int:
        return sum(p.realised_cents for p in self.placements)

    @property
    def forecast_cents(self) -> int:
        return sum(p.forecast_cents for p in self.placements)

    @property
    def subsidy_cents(self) -> int:
        return self.realised_cents + self.forecast_cents

    @property
    def problems(self) -> list[str]:
        return sorted({m.problem for p in self.placements for m in p.months if m.problem})

    def by_group(self) -> dict[str, tuple[int, int]]:
        """(realised, forecast) cents per employer group, every group present."""
        totals = {g: (0, 0) for g in EMPLOYER_GROUPS}
        for p in self.placements:
            realised, forecast = totals[p.group]
            totals[p.group] = (realised + p.realised_cents, forecast + p.forecast_cents)
        return totals

    def by_month(self) -> list[tuple[int, int, int]]:
        """(month, realised, forecast) cents for the twelve months of the year."""
        realised = [0] * 12
        forecast = [0] * 12
        for p in self.placements:
            for m in p.months:
                (forecast if m.forecast else realised)[m.month - 1] += m.total_cents
        return [(i + 1, realised[i], forecast[i]) for i in range(12)]


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _months(placement: Placement, year: int, on: dt.date) -> list[tuple[int, bool]]:
    """(month, forecast) of the year in which the contract runs: realised months up to the
    month of ``on`` once it has started; forecast months after it while it runs on ``on``."""
    start, end = placement.start_date, placement.end_date
    if start is None or start > on:
        return []
    running = placement.is_active_on(on)
    found = []
    for month in range(1, 13):
        first, last = dt.date(year, month, 1), _month_end(year, month)
        if last < start or (end is not None and first > end):
            continue
        forecast = (year, month) > (on.year, on.month)
        if forecast and not running:
            continue
        found.append((month, forecast))
    return found


def placement_subsidy(
    register: Register, placement: Placement, year: int, on: dt.date
) -> PlacementSubsidy:
    """R8 per month of ``year`` for one placement, as known on ``on`` (the case file's figures
    for the realised months)."""
    register = known_on(register, on)
    employer = register.employer(placement.employer_id)
    months = []
    for month, forecast in _months(placement, year, on):
        try:
            result = subsidy_for_month(register, placement, year, month, on)
        except UserError as error:
            months.append(PlacementMonth(year, month, forecast, None, error.message))
            continue
        months.append(PlacementMonth(year, month, forecast, result))
    return PlacementSubsidy(
        placement=placement,
        person=register.person(placement.person_id),
        employer=employer,
        group=employer_group(employer),
        months=months,
    )


def _budget_day(year: int, on: dt.date) -> dt.date:
    """The day the year's coaching hours are counted: the peildatum in its own year, the last
    day of a past year, the first day of a year still to come."""
    if year < on.year:
        return dt.date(year, 12, 31)
    if year > on.year:
        return dt.date(year, 1, 1)
    return on


def finance_year(register: Register, year: int, on: dt.date) -> FinanceYear:
    """R7 and R8 of ``year`` as of ``on``."""
    register = known_on(register, on)
    budget = coaching_budget(register, _budget_day(year, on))
    placements = []
    for placement in register.placements:
        if placement.offer_status != "accepted":
            continue
        subsidy = placement_subsidy(register, placement, year, on)
        if subsidy.months:
            placements.append(subsidy)
    placements.sort(key=lambda s: (EMPLOYER_GROUPS.index(s.group), s.placement.person_id))
    return FinanceYear(year=year, on=on, budget=budget, placements=placements)


def finance_years(register: Register, on: dt.date, year: int | None = None) -> list[FinanceYear]:
    """Every year side by side, up to the year asked for (default the year of ``on``): the
    years with a quota row or a placement running in them, oldest first."""
    register = known_on(register, on)
    last = max(year or on.year, on.year)
    years = {q.year for q in register.quota_years if q.year <= last}
    for p in register.placements:
        if p.offer_status == "accepted" and p.start_date and p.start_date <= on:
            end = min(p.end_date or on, on)
            years.update(range(p.start_date.year, min(end.year, last) + 1))
    years.add(year or on.year)
    return [finance_year(register, y, on) for y in sorted(years)]
