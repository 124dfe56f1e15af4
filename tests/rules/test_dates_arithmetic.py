"""Date arithmetic: months that clamp to month ends, leap years, Dutch legal holidays."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from beschut_desktop.formatting import short_date
from beschut_desktop.rules.dates import (
    add_months,
    dutch_date,
    extend_to_working_day,
    is_working_day,
    last_day_of_span,
    months_and_days,
    months_between,
    public_holidays,
)

D = dt.date
days = st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31))
months = st.integers(min_value=-240, max_value=240)


def test_r18_month_end_clamps() -> None:
    assert add_months(D(2022, 8, 31), 6) == D(2023, 2, 28)
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert add_months(D(2024, 2, 29), 48) == D(2028, 2, 29)
    assert add_months(D(2022, 1, 31), 1) == D(2022, 2, 28)
    assert add_months(D(2022, 3, 31), -1) == D(2022, 2, 28)


@given(days, months)
def test_r18_add_months_equals_relativedelta(day: dt.date, count: int) -> None:
    assert add_months(day, count) == day + relativedelta(months=count)


@given(days, months)
def test_r18_add_months_keeps_the_day_or_clamps_to_the_month_end(day: dt.date, count: int) -> None:
    result = add_months(day, count)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == count
    if result.day != day.day:
        assert result.day < day.day
        assert (result + dt.timedelta(days=1)).day == 1  # clamped to the last day


@given(days, st.integers(min_value=0, max_value=240))
def test_r12_months_between_inverts_add_months(start: dt.date, count: int) -> None:
    assert months_between(start, add_months(start, count)) == count
    assert months_and_days(start, add_months(start, count)) == (count, 0)


@given(days, days)
def test_r12_months_and_days_add_up(start: dt.date, end: dt.date) -> None:
    count, rest = months_and_days(start, end)
    if end <= start:
        assert (count, rest) == (0, 0)
        return
    assert add_months(start, count) + dt.timedelta(days=rest) == end
    assert add_months(start, count + 1) > end


def test_r12_span_counts_start_to_end_inclusive() -> None:
    assert last_day_of_span(D(2022, 6, 1), 6) == D(2022, 11, 30)
    assert months_and_days(D(2022, 6, 1), D(2022, 12, 1)) == (6, 0)
    assert months_and_days(D(2022, 6, 1), D(2022, 11, 30)) == (5, 29)


def test_awb_public_holidays_2022_and_2024() -> None:
    holidays_2022 = public_holidays(2022)
    assert D(2022, 4, 15) in holidays_2022  # Goede Vrijdag
    assert D(2022, 4, 18) in holidays_2022  # Tweede Paasdag
    assert D(2022, 5, 5) in holidays_2022  # Bevrijdingsdag, every year for this law
    assert D(2022, 5, 26) in holidays_2022  # Hemelvaartsdag
    assert D(2022, 6, 6) in holidays_2022  # Tweede Pinksterdag
    assert D(2022, 4, 27) in holidays_2022  # Koningsdag
    assert D(2025, 4, 26) in public_holidays(2025)  # 27 April 2025 is a Sunday
    assert D(2024, 3, 29) in public_holidays(2024)  # Goede Vrijdag 2024


@given(days)
def test_awb_extension_lands_on_the_first_working_day(day: dt.date) -> None:
    result = extend_to_working_day(day)
    assert result >= day
    assert is_working_day(result)
    cursor = day
    while cursor < result:
        assert not is_working_day(cursor)
        cursor += dt.timedelta(days=1)


def test_awb_extension_examples() -> None:
    assert extend_to_working_day(D(2022, 10, 15)) == D(2022, 10, 17)  # Saturday → Monday
    assert extend_to_working_day(D(2023, 4, 7)) == D(2023, 4, 11)  # Good Friday → Tuesday
    assert extend_to_working_day(D(2023, 12, 25)) == D(2023, 12, 27)  # Christmas
    assert extend_to_working_day(D(2022, 5, 5)) == D(2022, 5, 6)  # Liberation Day


@given(days)
def test_dutch_date_matches_the_shared_formatting(day: dt.date) -> None:
    assert dutch_date(day) == short_date(day)
