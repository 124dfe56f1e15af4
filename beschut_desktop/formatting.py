"""Dutch wording of dates, money, hours and numbers, and parsing of what users type.

Shared by the screens, the documents, the command line and the Excel exchange, so that a
figure reads the same everywhere. Writing a date, an amount or a number is done here in a few
lines that give exactly what Babel's Dutch (nl_NL) rules give — the tests compare them —
because a list of 10,000 rows writes tens of thousands of them and the window should not wait
for Babel's locale data to start. Reading what users type goes through Babel.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

LOCALE = "nl_NL"
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def short_date(value: dt.date | None) -> str:
    """6-9-2022 (empty for no date)."""
    if value is None:
        return ""
    return f"{value.day}-{value.month}-{value.year}"


def long_date(value: dt.date | None) -> str:
    """6 september 2022 (empty for no date)."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def money(cents: int | None) -> str:
    """€ 48.600,00 from an amount in cents (empty for none); € -12,50 below zero."""
    if cents is None:
        return ""
    amount = Decimal(cents) / 100
    return "€ " + _dutch(amount, 2, keep_zeros=True)


def number(value: float | Decimal | None, decimals: int = 2) -> str:
    """19,5 or 1.234,25: Dutch separators, trailing zeros dropped."""
    if value is None:
        return ""
    return _dutch(value, decimals, keep_zeros=False)


def _dutch(value: float | Decimal | int, decimals: int, *, keep_zeros: bool) -> str:
    """Rounded half-to-even to ``decimals`` places, '.' between thousands, ',' before the
    decimals (as Babel's patterns '#,##0.##' and '#,##0.00' do)."""
    exact = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    if not keep_zeros:
        fraction = fraction.rstrip("0")
    sign = "-" if rounded.is_signed() else ""  # Babel too writes -0,01 rounded as -0
    text = sign + f"{int(whole):,}".replace(",", ".")
    return f"{text},{fraction}" if fraction else text


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
    from babel.numbers import NumberFormatError, parse_decimal

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
