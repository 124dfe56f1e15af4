"""Date arithmetic the policy and the Awb need: months that clamp, and Dutch legal terms."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from typing import Any

from dateutil.easter import easter


def as_date(value: Any) -> dt.date | None:
    """A date as the register stores it (ISO text) or a form gives it; empty is None.

    Raises ``ValueError`` for text that is not an ISO date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def add_months(day: dt.date, months: int) -> dt.date:
    """31 August + 6 months = 28 (or 29) February: the month end clamps (R18).

    The same as ``day + relativedelta(months=months)`` (a test holds them equal), written out
    because the signals engine does this tens of thousands of times per run.
    """
    year, index = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = index + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from start to end (end exclusive): 1 June → 1 December is 6.

    Consistent with ``add_months``: the largest m with ``add_months(start, m) <= end``, so
    31 August → 28 February counts 6 (the month end clamps both ways). Negative spans give 0.
    """
    return months_and_days(start, end)[0]


def months_and_days(start: dt.date, end: dt.date) -> tuple[int, int]:
    """Whole months from start to end (end exclusive) and the days left over after them."""
    if end <= start:
        return 0, 0
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return months, (end - add_months(start, months)).days


def last_day_of_span(start: dt.date, months: int) -> dt.date:
    """The last day of a span of ``months`` months starting on ``start`` (start inclusive):
    1 June + 6 months ends on 30 November (R12 counts contracts this way)."""
    return add_months(start, months) - dt.timedelta(days=1)


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def dutch_date(day: dt.date) -> str:
    """6-9-2022: the same text as ``formatting.short_date`` (a test holds them equal), without
    the locale lookup per call, for the signals engine that words thousands of dates."""
    return f"{day.day}-{day.month}-{day.year}"


@lru_cache(maxsize=128)
def public_holidays(year: int) -> frozenset[dt.date]:
    """The days the Algemene termijnenwet (art. 3) treats as holidays, besides weekends.

    Nieuwjaarsdag, Goede Vrijdag, both Easter days, Hemelvaartsdag, both Whit days, both
    Christmas days, Koningsdag (27 April, the 26th when the 27th is a Sunday) and
    Bevrijdingsdag (5 May, every year for this law).
    """
    easter_sunday = easter(year)
    kings_day = dt.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = dt.date(year, 4, 26)
    return frozenset(
        {
            dt.date(year, 1, 1),
            easter_sunday - dt.timedelta(days=2),
            easter_sunday,
            easter_sunday + dt.timedelta(days=1),
            easter_sunday + dt.timedelta(days=39),
            easter_sunday + dt.timedelta(days=49),
            easter_sunday + dt.timedelta(days=50),
            kings_day,
            dt.date(year, 5, 5),
            dt.date(year, 12, 25),
            dt.date(year, 12, 26),
        }
    )


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def extend_to_working_day(day: dt.date) -> dt.date:
    """Algemene termijnenwet art. 1: a term ending on a weekend or holiday ends on the next
    working day."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day
