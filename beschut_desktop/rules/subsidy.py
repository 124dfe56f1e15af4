"""R8: wage-cost subsidy (loonkostensubsidie, LKS) to the employer, month by month.

Sources:
- Participatiewet art. 10b lid 9 and art. 10d: the municipality grants LKS to the employer of a
  person with a beschut werk indication; it is the difference between the statutory minimum
  wage (WML) and the person's wage value, at most 70% of the WML, increased by an allowance
  for employer charges (art. 10d lid 4).
- Regeling loonwaardebepaling Participatiewet (Stcrt. 2014, 29290) art. 1: that allowance is a
  percentage of the wage costs over which LKS is granted — 23.5 (raised to 23.5 from 2018).
- The "with the ministry agreed" calculation (SV Land, rekentool loonkostensubsidie): WML
  including holiday allowance minus the wage value is the LKS; the employer-charges allowance is
  a percentage of that LKS; both added up is what the employer gets.
- Staphorst's policy rule (Middelen, Loonkostensubsidie): yearly wage-value assessment, or more
  often when the decision says so; until the first assessment a flat-rate LKS of 50% of the WML
  for at most 4 months; the WML stays the reference even where the Cao Aan de Slag or a better
  sector cao sets the pay.

Every percentage and period is a setting (``Settings``), every WML is data
(``minimum_wage_periods``): the figures change and the national ones differ from the policy's.

Readings a controller can check, each stated in the explanation of every month:
- Monthly WML for the contract hours. Until 2024 the WML was a monthly amount for a full-time
  week; it is scaled by contract hours / ``settings.full_time_hours`` (36, the Cao Aan de Slag
  week). Since 2024 it is an hourly wage; a month is hourly × hours a week × 52 / 12.
- Holiday allowance: the 70% cap is "including holiday allowance", so after a wage-value
  assessment the WML and the subsidy are both taken including ``holiday_allowance_percentage``
  (8%), as in the national example calculations, with the employer-charges allowance on top
  (art. 10d lid 4).
- The flat rate is what the policy says: exactly ``flat_rate_percentage`` (50%) of the WML for
  the contract hours, without holiday allowance or employer-charges allowance. Whether those
  add-ons apply to flat-rate months is the setting ``flat_rate_with_add_ons`` (off; newer
  national sources add the 23.5% allowance), never a choice made here.
- Wage value: the policy keeps the WML as the reference (ijkpunt), so the wage value in euros is
  the assessed percentage × the WML: LKS = WML × (1 − wage value), capped at 70% of the WML.
- Part months (start, end, end of the flat rate, a new assessment or a new WML in the month)
  are pro rata per calendar day. Amounts are rounded to cents once, per month, half up.
- The flat rate runs from the start of the employment (a renewal with the same employer does
  not restart it) for at most ``flat_rate_months`` months, and ends the day before the first
  wage-value assessment if that comes sooner. After it, without an assessment, there is no LKS
  until one is made (and a signal says the assessment is due).
- The rule computes what the policy yields; the subsidy periods recorded in the register (what
  was actually decided) are not used to cut it.
- As of means as of: every function here that answers on a date sees only the assessments and
  decisions dated on or before it (``as_of.known_on``). ``subsidy_for_month`` answers as of the
  given ``on``, by default the last day of the month.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from beschut_desktop.errors import UserError
from beschut_desktop.formatting import hours as hours_text
from beschut_desktop.formatting import money, percentage
from beschut_desktop.rules.as_of import known_on, placement_on
from beschut_desktop.rules.dates import add_months, days_in_month, dutch_date, last_day_of_span
from beschut_desktop.rules.model import (
    MinimumWagePeriod,
    Placement,
    Register,
    WageValueAssessment,
)
from beschut_desktop.rules.results import SubsidyMonth
from beschut_desktop.rules.reviews import employment_chain, employment_start

FLAT_RATE = "flat_rate"
WAGE_VALUE = "wage_value"
NONE = "none"
ONE_DAY = dt.timedelta(days=1)
HUNDRED = Decimal(100)


def minimum_wage_on(register: Register, on: dt.date) -> MinimumWagePeriod | None:
    """The minimum-wage period in force on the date (None before the first one)."""
    found = None
    for period in sorted(register.minimum_wage_periods, key=lambda p: p.start_date):
        if period.start_date > on:
            break
        found = period
    return found


def _monthly_wage(register: Register, on: dt.date, hours_per_week: float) -> Decimal:
    period = minimum_wage_on(register, on)
    if period is None:
        raise UserError(
            f"Er is geen wettelijk minimumloon ingevoerd voor {dutch_date(on)}; "
            "vul het aan bij Instellingen."
        )
    hours = Decimal(str(hours_per_week))
    if period.unit == "hour":
        return Decimal(period.amount_cents) * hours * 52 / 12
    full_time = Decimal(str(register.settings.full_time_hours))
    return Decimal(period.amount_cents) * hours / full_time


def _cents(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def monthly_minimum_wage_cents(register: Register, on: dt.date, hours_per_week: float) -> int:
    """The minimum wage for a month at these contract hours (gross, without holiday allowance).

    Monthly amounts (before 2024): amount × hours / ``settings.full_time_hours``.
    Hourly amounts (since 2024): hourly × hours × 52 / 12. Raises ``UserError`` when no minimum
    wage is entered for the date.
    """
    return _cents(_monthly_wage(register, on, hours_per_week))


def employment_assessments(
    register: Register, placement: Placement, on: dt.date
) -> list[WageValueAssessment]:
    """Wage-value assessments of the whole employment (all its contracts) made on or before
    ``on``, oldest first."""
    register, current = placement_on(register, placement, on)
    if current is None:
        return []
    chain = employment_chain(register, current)
    found = [a for p in chain for a in register.assessments_of(p.id)]
    return sorted(found, key=lambda a: (a.assessment_date, a.id))


def flat_rate_end(register: Register, placement: Placement, on: dt.date) -> dt.date | None:
    """Last day of the flat-rate subsidy as known on ``on``, or None when it does not apply.

    At most ``flat_rate_months`` months from the employment's start (1 March + 4 months: last
    day 30 June), ending the day before the first wage-value assessment when that is sooner.
    None for a contract not started, a zero-month setting, or an assessment on the first day.
    """
    register, current = placement_on(register, placement, on)
    if current is None:
        return None
    start = employment_start(register, current)
    months = register.settings.flat_rate_months
    if start is None or months <= 0:
        return None
    end = last_day_of_span(start, months)
    assessments = employment_assessments(register, current, on)
    if assessments:
        first = assessments[0].assessment_date
        if first <= start:
            return None
        end = min(end, first - ONE_DAY)
    return end


def wage_value_interval_months(register: Register, placement: Placement, on: dt.date) -> int:
    """Yearly (a setting), or more often when the person's decision says so (the policy:
    "jaarlijks, of zoveel vaker als in de beschikking wordt vastgelegd"). The latest positive
    decision on or before ``on`` that sets an interval counts; a longer one than the setting
    does not stretch it."""
    register = known_on(register, on)
    interval = register.settings.wage_value_interval_months
    stated = [
        d.wage_value_interval_months
        for d in register.decisions_of(placement.person_id)
        if d.outcome == "positive" and d.wage_value_interval_months
    ]
    if stated:
        interval = min(interval, stated[-1])  # type: ignore[type-var]
    return interval


def next_wage_value_assessment_due(
    register: Register, placement: Placement, on: dt.date
) -> dt.date | None:
    """When the next wage-value assessment is due as of ``on`` (None for a placement not
    started).

    The interval after the last assessment of the employment; with none yet, at the end of the
    flat-rate period (or at the start of the employment when there is no flat rate).
    """
    register, current = placement_on(register, placement, on)
    if current is None:
        return None
    start = employment_start(register, current)
    if start is None:
        return None
    assessments = employment_assessments(register, current, on)
    if assessments:
        last = assessments[-1].assessment_date
        return add_months(last, wage_value_interval_months(register, current, on))
    return flat_rate_end(register, current, on) or start


def _segment_kind(
    day: dt.date, flat_end: dt.date | None, assessments: list[WageValueAssessment]
) -> tuple[str, float | None]:
    current = [a for a in assessments if a.assessment_date <= day]
    if current:
        return WAGE_VALUE, current[-1].wage_value_percentage
    if flat_end is not None and day <= flat_end:
        return FLAT_RATE, None
    return NONE, None


def _none_month(year: int, month: int, why: str, wage_cents: int = 0) -> SubsidyMonth:
    return SubsidyMonth(
        year=year,
        month=month,
        kind=NONE,
        minimum_wage_cents=wage_cents,
        wage_value_percentage=None,
        base_cents=0,
        employer_charges_cents=0,
        total_cents=0,
        explanation=why,
        makeup=why,
    )


def subsidy_for_month(
    register: Register,
    placement: Placement,
    year: int,
    month: int,
    on: dt.date | None = None,
) -> SubsidyMonth:
    """The subsidy for one placement in one calendar month, with a Dutch explanation, as known
    on ``on`` (default: the last day of the month)."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, days_in_month(year, month))
    register, current = placement_on(register, placement, on or last)
    if current is None:
        return _none_month(year, month, "Geen dienstverband: de plaatsing is nog niet aangeboden.")
    placement = current
    as_of = on or last
    if placement.offer_status == "refused" or placement.start_date is None:
        return _none_month(year, month, "Geen dienstverband: de plaatsing is niet gestart.")
    begin = max(first, placement.start_date)
    end = min(last, placement.end_date) if placement.end_date else last
    if begin > end:
        return _none_month(year, month, "Geen dienstverband in deze maand.")
    if not placement.hours_per_week:
        return _none_month(
            year, month, "Uren per week ontbreken; de subsidie is niet te berekenen."
        )
    settings = register.settings
    hours = placement.hours_per_week
    flat_end = flat_rate_end(register, placement, as_of)
    assessments = employment_assessments(register, placement, as_of)
    cuts = {begin, end + ONE_DAY}
    if flat_end is not None:
        cuts.add(flat_end + ONE_DAY)
    cuts.update(a.assessment_date for a in assessments)
    cuts.update(p.start_date for p in register.minimum_wage_periods)
    bounds = sorted(c for c in cuts if begin <= c <= end + ONE_DAY)
    month_days = Decimal(days_in_month(year, month))
    holiday_pct = settings.holiday_allowance_percentage
    charges_pct = settings.employer_charges_percentage
    holiday = 1 + Decimal(str(holiday_pct)) / HUNDRED
    charges_rate = Decimal(str(charges_pct)) / HUNDRED
    cap = Decimal(str(settings.max_subsidy_percentage)) / HUNDRED
    flat = Decimal(str(settings.flat_rate_percentage)) / HUNDRED
    base = Decimal(0)
    charges = Decimal(0)
    days_by_kind: dict[str, int] = {}
    lines: list[str] = []
    makeup: list[str] = []
    last_pct: float | None = None
    for seg_start, next_start in zip(bounds, bounds[1:], strict=False):
        seg_end = next_start - ONE_DAY
        days = (next_start - seg_start).days
        kind, pct = _segment_kind(seg_start, flat_end, assessments)
        wage = _monthly_wage(register, seg_start, hours)
        with_add_ons = kind == WAGE_VALUE or (kind == FLAT_RATE and settings.flat_rate_with_add_ons)
        reference = wage * holiday if with_add_ons else wage
        wage_text = f"WML {money(_cents(wage))}" + (
            f" + {percentage(holiday_pct)} vakantiebijslag" if with_add_ons else ""
        )
        if kind == FLAT_RATE:
            amount = reference * flat
            how = f"forfaitair {percentage(settings.flat_rate_percentage)} van {wage_text}"
        elif kind == WAGE_VALUE:
            assert pct is not None
            last_pct = pct
            gap = reference * (1 - Decimal(str(pct)) / HUNDRED)
            amount = min(gap, reference * cap)
            how = f"{wage_text} min loonwaarde {percentage(pct)}" + (
                f", begrensd op {percentage(settings.max_subsidy_percentage)} van het WML"
                if gap > amount
                else ""
            )
        else:
            amount = Decimal(0)
            how = (
                "geen loonkostensubsidie: de forfaitaire periode is voorbij en er is nog "
                "geen loonwaardemeting"
            )
        part = amount * days / month_days
        base += part
        if with_add_ons and kind != NONE:
            charges += part * charges_rate
            how += f"; + {percentage(charges_pct)} werkgeverslasten"
        days_by_kind[kind] = days_by_kind.get(kind, 0) + days
        whole = days == month_days
        makeup.append(how if whole else f"{days}/{month_days} dagen: {how}")
        period = (
            f"{dutch_date(seg_start)} t/m {dutch_date(seg_end)} ({days} van {month_days} dagen)"
        )
        lines.append(
            f"{period}: WML voor {hours_text(hours)} per week {money(_cents(wage))} per maand; "
            f"{how}: {money(_cents(part))}."
        )
    base_cents = _cents(base)
    charges_cents = _cents(charges)
    # A month that pays anything is named after what pays, even when most days paid nothing.
    paying = [k for k in days_by_kind if k != NONE] or list(days_by_kind)
    kind = max(paying, key=lambda k: (days_by_kind[k], k))
    lines.append(
        f"Loonkostensubsidie {money(base_cents)} plus vergoeding werkgeverslasten "
        f"{money(charges_cents)}: totaal {money(base_cents + charges_cents)}."
    )
    return SubsidyMonth(
        year=year,
        month=month,
        kind=kind,
        minimum_wage_cents=monthly_minimum_wage_cents(register, begin, hours),
        wage_value_percentage=last_pct,
        base_cents=base_cents,
        employer_charges_cents=charges_cents,
        total_cents=base_cents + charges_cents,
        explanation="\n".join(lines),
        makeup=(
            "; ".join(makeup)
            if any(k != NONE for k in days_by_kind)
            else "Geen loonkostensubsidie: de forfaitaire periode is voorbij en er is nog geen "
            "loonwaardemeting."
        ),
    )
