"""Dutch wording of dates, money, hours and numbers, and parsing of what users type.

Shared by the screens, the documents, the command line and the Excel exchange, so that a
figure reads the same everywhere. Babel holds the Dutch locale rules.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from babel.dates import format_date
from babel.numbers import NumberFormatError, format_currency, format_decimal, parse_decimal

LOCALE = "nl_NL"


def short_date(value: dt.date | None) -> str:
    """6-9-2022 (empty for no date)."""
    if value is None:
        return ""
    return format_date(value, "d-M-y", locale=LOCALE)


def long_date(value: dt.date | None) -> str:
    """6 september 2022 (empty for no date)."""
    if value is None:
        return ""
    return format_date(value, "d MMMM y", locale=LOCALE)


def money(cents: int | None) -> str:
    """€ 48.600,00 from an amount in cents (empty for none)."""
    if cents is None:
        return ""
    amount = Decimal(cents) / 100
    return format_currency(amount, "EUR", locale=LOCALE).replace("\xa0", " ")


def number(value: float | Decimal | None, decimals: int = 2) -> str:
    """19,5 or 1.234,25: Dutch separators, trailing zeros dropped."""
    if value is None:
        return ""
    pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=LOCALE)


def hours(value: float | None) -> str:
    """19,5 uur."""
    if value is None:
        return ""
    return f"{number(value)} uur"


def percentage(value: float | None) -> str:
    """23,5%."""
    if value is None:
        return ""
    return f"{number(value)}%"


_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_DUTCH = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


def parse_date(text: str) -> dt.date:
    """Read ``jjjj-mm-dd`` or ``dd-mm-jjjj`` (also with / or .); ValueError in Dutch otherwise."""
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DUTCH.match(text)
        if not match:
            raise ValueError(f"'{text}' is geen datum; schrijf dd-mm-jjjj")
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' bestaat niet als datum") from None


def parse_number(text: str) -> Decimal:
    """Read a Dutch number: '19,5', '8.100' (= 8100), '1.234,56'; ValueError in Dutch otherwise."""
    cleaned = text.strip().replace("€", "").replace(" ", "").replace("\xa0", "")
    if not cleaned:
        raise ValueError("er is geen getal ingevuld")
    try:
        return Decimal(parse_decimal(cleaned, locale=LOCALE, strict=False))
    except (NumberFormatError, InvalidOperation):
        raise ValueError(f"'{text}' is geen getal") from None


def parse_money(text: str) -> int:
    """'€ 8.100,00' → 810000 cents."""
    return int((parse_number(text) * 100).quantize(Decimal(1)))


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
