"""Reading one spreadsheet cell the way a consultant's own Excel list writes it.

Every reader takes what openpyxl gives (a number, a datetime, a bool or text) and returns the
value, ``None`` for an empty cell, or raises ``CellError`` with a Dutch message that quotes the
value. The same words are written back by the export, so that an export imports unchanged.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation

from openpyxl.utils.datetime import from_excel

from beschut_desktop.formatting import number, parse_date, short_date
from beschut_desktop.rules.validation import bsn_problem, normalise_bsn


class CellError(ValueError):
    """A cell that cannot be read; the message is Dutch and quotes the value."""


# A message quotes at most this much of a cell: a 100,000-letter cell must not become a
# 100,000-letter problem line.
SHOWN_LENGTH = 40


def shown(value: object) -> str:
    """A cell value as the user sees it in Excel, for messages (long values cut short)."""
    if isinstance(value, dt.datetime):
        return short_date(value.date())
    if isinstance(value, dt.date):
        return short_date(value)
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float) and not math.isfinite(value):
        return "∞" if math.isinf(value) else "NaN"
    if isinstance(value, float | int | Decimal) and abs(value) >= 10**MAX_DIGITS:
        return _cut(str(value))
    if isinstance(value, float | int | Decimal):
        return number(value, decimals=4)
    return _cut(str(value).strip())


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_LENGTH else text[: SHOWN_LENGTH - 1] + "…"


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: object) -> str | None:
    if is_empty(value):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        raise CellError(f"'{shown(value)}' is geen tekst")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Excel serial day numbers of 1 January 1920 and 31 December 2119: a date column that lost
# its date format shows these; anything else is not a date.
_SERIAL_RANGE = (7306, 80720)


def date(value: object) -> dt.date | None:
    """An Excel date, or text dd-mm-jjjj (also jjjj-mm-dd, with - / or .)."""
    if is_empty(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellError(f"'{shown(value)}' is geen datum; schrijf dd-mm-jjjj")
    if isinstance(value, int | float):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1] and float(value).is_integer():
            return from_excel(value).date()
        raise CellError(f"'{shown(value)}' is geen datum; schrijf dd-mm-jjjj")
    if len(str(value).strip()) > SHOWN_LENGTH:
        raise CellError(f"'{shown(value)}' is geen datum; schrijf dd-mm-jjjj")
    try:
        return parse_date(str(value).strip())
    except ValueError as exc:
        raise CellError(str(exc)) from None


# A number has at most this many digits: no amount or count in the register comes near it,
# and SQLite's integers and floats hold it exactly.
MAX_DIGITS = 12

_DUTCH = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")  # 8.100,00  8100  19,5
_POINT_DECIMAL = re.compile(r"^-?\d+\.\d{1,2}$")  # 19.5: a typing habit, read as 19,5
_COMMA_THOUSANDS = re.compile(r"^-?\d{1,3},\d{3}$")  # 8,100: 8,1 or 8100?


def decimal(value: object) -> Decimal | None:
    """An Excel number, or Dutch text: '19,5', '8.100' (= 8100), '€ 8.100,00'.

    '19.5' (one point, one or two decimals, no comma) is read as 19,5: nobody writes 8100 as
    '81.00', and reading it as 195 would turn a typing habit into a wrong register. Text whose
    thousands and decimal marks can be read two ways ('8,100.00', '8,100') is refused, and so
    is anything infinite, not a number, or longer than any amount in the register.
    """
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise CellError(f"'{shown(value)}' is geen getal")
    if isinstance(value, int | float | Decimal):
        if isinstance(value, float) and not math.isfinite(value):
            raise CellError(f"'{shown(value)}' is geen eindig getal")
        if isinstance(value, int) and len(str(abs(value))) > MAX_DIGITS:
            raise CellError(f"'{shown(value)}' is te groot (meer dan {MAX_DIGITS} cijfers)")
        found = Decimal(str(value))
    else:
        found = _decimal_text(str(value))
    if not found.is_finite():
        raise CellError(f"'{shown(value)}' is geen eindig getal")
    if abs(found) >= Decimal(10) ** MAX_DIGITS:
        raise CellError(f"'{shown(value)}' is te groot (meer dan {MAX_DIGITS} cijfers)")
    return found


def _decimal_text(raw: str) -> Decimal:
    cleaned = "".join(raw.replace("€", "").split())
    if not cleaned or len(cleaned) > 2 * MAX_DIGITS:
        raise CellError(f"'{shown(raw)}' is geen getal")
    if _POINT_DECIMAL.match(cleaned):
        return Decimal(cleaned)
    if _COMMA_THOUSANDS.match(cleaned) or ("," in cleaned and "." in cleaned.split(",")[-1]):
        raise CellError(
            f"'{shown(raw)}' is dubbelzinnig: schrijf bedragen als 8100 of 8.100,00 "
            "(punt voor duizendtallen, komma voor decimalen)"
        )
    if not _DUTCH.match(cleaned):
        raise CellError(f"'{shown(raw)}' is geen getal")
    try:
        return Decimal(cleaned.replace(".", "").replace(",", "."))
    except InvalidOperation:
        raise CellError(f"'{shown(raw)}' is geen getal") from None


def whole_number(value: object) -> int | None:
    found = decimal(value)
    if found is None:
        return None
    if found != found.to_integral_value():
        raise CellError(f"'{shown(value)}' is geen heel getal")
    return int(found)


def cents(value: object) -> int | None:
    """An amount in euros (8100, '8.100', '€ 8.100,00') as integer cents."""
    found = decimal(value)
    return None if found is None else int((found * 100).quantize(Decimal(1)))


def bsn(value: object) -> str | None:
    """A BSN as number or text, with dots or spaces; a leading zero Excel dropped restored."""
    if is_empty(value):
        return None
    raw = str(int(value)) if isinstance(value, float) and value.is_integer() else value
    if len(str(raw)) > SHOWN_LENGTH:
        raise CellError(f"'{shown(raw)}' is geen BSN")
    problem = bsn_problem(raw)
    if problem:
        raise CellError(problem)
    return normalise_bsn(raw)


def _word(value: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(value).lower().replace("ë", "e"))


def choice(value: object, words: dict[str, str], expected: str) -> str | None:
    """A value word in any case and spacing; ``words`` maps the squeezed word to the code."""
    if is_empty(value):
        return None
    if isinstance(value, bool) and "ja" in words:
        return words["ja" if value else "nee"]
    found = words.get(_word(value))
    if found is None:
        raise CellError(f"'{shown(value)}' is geen geldige waarde; kies {expected}")
    return found


YES_NO = {
    "ja": "ja",
    "j": "ja",
    "waar": "ja",
    "true": "ja",
    "nee": "nee",
    "n": "nee",
    "onwaar": "nee",
    "false": "nee",
}


def yes_no(value: object) -> bool | None:
    found = choice(value, YES_NO, "ja of nee")
    return None if found is None else found == "ja"


EMPLOYER_KINDS = {
    "swbedrijf": "sw_company",
    "sw": "sw_company",
    "sociaalwerkbedrijf": "sw_company",
    "gemeente": "municipality",
    "particulier": "private",
    "particuliere": "private",
    "particulierewerkgever": "private",
}

CONTRACT_TYPES = {
    "tijdelijk": "temporary",
    "bepaaldetijd": "temporary",
    "voorbepaaldetijd": "temporary",
    "bepaald": "temporary",
    "vast": "permanent",
    "onbepaaldetijd": "permanent",
    "vooronbepaaldetijd": "permanent",
    "onbepaald": "permanent",
}


def cao(value: object) -> tuple[str, str | None] | None:
    """(cao code, cao name): 'Cao Aan de Slag', 'geen', 'eigen bedrijfstak' or a sector cao's
    name (recorded as a sector cao with that name, R13)."""
    raw = text(value)
    if raw is None:
        return None
    word = _word(raw)
    if "aandeslag" in word or word == "8108":
        return "aan_de_slag", None
    if word in {"geen", "geencao", "nee"}:
        return "none", None
    if word in {"sector", "sectorcao", "caoeigenbedrijfstak", "eigenbedrijfstak"}:
        return "sector", None
    return "sector", raw


def cao_text(code: str, name: str | None) -> str:
    if code == "aan_de_slag":
        return "Cao Aan de Slag"
    if code == "none":
        return "Geen cao"
    return name or "Cao eigen bedrijfstak"


INTERIM_WORDS = {
    "arbeidsmatigedagbesteding": "day_activities",
    "dagbesteding": "day_activities",
    "vrijwilligerswerk": "volunteering",
}


def interim(value: object) -> tuple[str, str | None] | None:
    """(kind, description) of R6: the two named provisions, or any other text as 'other'."""
    raw = text(value)
    if raw is None:
        return None
    word = _word(raw)
    if word in {"anders", "anderevormvanparticipatie"}:
        return "other", None
    kind = INTERIM_WORDS.get(word)
    return (kind, None) if kind else ("other", raw)


def interim_text(kind: str, description: str | None) -> str:
    if kind == "day_activities":
        return "arbeidsmatige dagbesteding"
    if kind == "volunteering":
        return "vrijwilligerswerk"
    return description or "andere vorm van participatie"
