"""Date arithmetic the policy and the Awb need: months that clamp, and Dutch legal terms."""

from __future__ import annotations

import datetime as dt

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta


def add_months(day: dt.date, months: int) -> dt.date:
    """31 August + 6 months = 28 (or 29) February: the month end clamps (R18)."""
    return day + relativedelta(months=months)


def add_days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from start to end (end exclusive): 1 June → 1 December is 6."""
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months


def public_holidays(year: int) -> set[dt.date]:
    """The days the Algemene termijnenwet (art. 3) treats as holidays, besides weekends.

    Nieuwjaarsdag, Goede Vrijdag, both Easter days, Hemelvaartsdag, both Whit days, both
    Christmas days, Koningsdag (27 April, the 26th when the 27th is a Sunday) and
    Bevrijdingsdag (5 May, every year for this law).
    """
    easter_sunday = easter(year)
    kings_day = dt.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = dt.date(year, 4, 26)
    return {
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


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def extend_to_working_day(day: dt.date) -> dt.date:
    """Algemene termijnenwet art. 1: a term ending on a weekend or holiday ends on the next
    working day."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day
