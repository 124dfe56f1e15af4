"""Dates, amounts and numbers are written exactly as Babel's Dutch locale writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from beschut_desktop import formatting


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_dates_read_as_babel_writes_them(day: dt.date) -> None:
    assert formatting.short_date(day) == format_date(day, "d-M-y", locale="nl_NL")
    assert formatting.long_date(day) == format_date(day, "d MMMM y", locale="nl_NL")


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_money_reads_as_babel_writes_it(cents: int) -> None:
    expected = format_currency(Decimal(cents) / 100, "EUR", locale="nl_NL").replace("\xa0", " ")
    assert formatting.money(cents) == expected


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
        st.integers(min_value=-(10**9), max_value=10**9),
        st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, places=4),
    ),
    st.integers(min_value=0, max_value=3),
)
def test_numbers_read_as_babel_writes_them(value: float | int | Decimal, decimals: int) -> None:
    pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    expected = format_decimal(value, format=pattern, locale="nl_NL")
    assert formatting.number(value, decimals) == expected


def test_the_everyday_figures() -> None:
    assert formatting.money(4860000) == "€ 48.600,00"
    assert formatting.number(19.5) == "19,5"
    assert formatting.number(1234.25) == "1.234,25"
    assert formatting.short_date(dt.date(2022, 9, 6)) == "6-9-2022"
    assert formatting.long_date(dt.date(2022, 9, 6)) == "6 september 2022"
