"""Field checks of a record before it is written, with Dutch messages per field.

The store runs these on every insert and update, so that the screens, the command line and
the Excel import refuse the same things in the same words. A breach of policy (a 10-hour
contract) is not bad input: the contract check and the signals report it instead.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from beschut_desktop.rules.dates import as_date
from beschut_desktop.wording import label

Problems = dict[str, str]

# Plausible bounds: outside them a value is a typing or file error, not a fact.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)
EARLIEST_BIRTH_DATE = dt.date(1920, 1, 1)
MAX_NAME_LENGTH = 100
MAX_TEXT_LENGTH = 10_000
NAME_FIELDS = ("first_name", "last_name", "name", "kvk_number", "cao_name")
MAX_AMOUNT_CENTS = 100_000_000  # € 1.000.000,00 per place or period
MAX_QUOTA = 10_000


def normalise_bsn(value: object) -> str:
    """Digits only, with a leading zero restored that a spreadsheet dropped (8 → 9 digits).

    Any Unicode decimal digit (fullwidth ０-９, Arabic-Indic …) counts as its ASCII digit, so
    that the same BSN typed on another keyboard is the same person.
    """
    digits = "".join(str(unicodedata.decimal(ch)) for ch in str(value) if ch.isdecimal())
    if isinstance(value, float) and value.is_integer():
        digits = str(int(value))
    if 0 < len(digits) < 9:
        digits = digits.zfill(9)
    return digits


def bsn_problem(value: object) -> str | None:
    digits = normalise_bsn(value)
    if not digits:
        return "het BSN ontbreekt"
    if len(digits) != 9:
        return f"'{value}' heeft geen 9 cijfers"
    from stdnum.nl import bsn as stdnum_bsn  # on first check: python-stdnum slows the start

    if not stdnum_bsn.is_valid(digits):
        return f"'{value}' is geen geldig BSN (de elfproef klopt niet)"
    return None


# Plausible, not proven: one @, no spaces, a dot in the domain. The register is offline and
# nobody mails from it, so a typo is what to catch, not whether the mailbox exists.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")


def email_problem(value: object) -> str | None:
    text = str(value).strip()
    if not _EMAIL.fullmatch(text) or ".." in text:
        return f"'{text}' is geen e-mailadres (zoals naam@voorbeeld.nl)"
    return None


def postcode_problem(value: object) -> str | None:
    """A Dutch postcode: four digits (not starting with 0) and two letters, the space optional;
    SA, SD and SS are never issued (``stdnum.nl.postcode``)."""
    from stdnum.exceptions import ValidationError as StdnumError  # see ``bsn_problem``
    from stdnum.nl import postcode as stdnum_postcode

    try:
        stdnum_postcode.validate(str(value))
    except StdnumError:
        return f"'{str(value).strip()}' is geen Nederlandse postcode (zoals 1234 AB)"
    return None


def _contact(values: Mapping[str, Any], problems: Problems) -> None:
    """E-mail address and postcode, when the record has them and they are filled in."""
    for name, check in (("email", email_problem), ("postal_code", postcode_problem)):
        value = values.get(name)
        if name not in problems and value not in (None, "") and str(value).strip():
            problem = check(value)
            if problem:
                problems[name] = problem


def _required(values: Mapping[str, Any], problems: Problems, *fields: str) -> None:
    for name in fields:
        value = values.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems[name] = f"{label(name)} is verplicht"


def _dates(values: Mapping[str, Any], problems: Problems, *fields: str) -> None:
    for name in fields:
        try:
            found = as_date(values.get(name))
        except ValueError:
            problems[name] = f"'{values.get(name)}' is geen geldige datum"
            continue
        if found and not EARLIEST_DATE <= found <= LATEST_DATE:
            problems[name] = (
                f"{label(name)} {found.day}-{found.month}-{found.year} ligt niet tussen "
                f"{EARLIEST_DATE.year} en {LATEST_DATE.year}"
            )


def _lengths(values: Mapping[str, Any], problems: Problems) -> None:
    """No text longer than a person could mean: names short, notes long but bounded."""
    for name, value in values.items():
        if not isinstance(value, str) or name in problems:
            continue
        limit = MAX_NAME_LENGTH if name in NAME_FIELDS else MAX_TEXT_LENGTH
        if len(value) > limit:
            problems[name] = f"{label(name)} is langer dan {limit} tekens ({len(value)})"


def _at_most(values: Mapping[str, Any], problems: Problems, limit: float, *fields: str) -> None:
    for name in fields:
        value = values.get(name)
        if name not in problems and value not in (None, "") and float(value) > limit:
            problems[name] = f"{label(name)} is onwaarschijnlijk groot"


def _order(values: Mapping[str, Any], problems: Problems, first: str, later: str) -> None:
    if first in problems or later in problems:
        return
    start, end = as_date(values.get(first)), as_date(values.get(later))
    if start and end and end < start:
        problems[later] = f"{label(later)} ligt vóór {label(first).lower()}"


def _non_negative(values: Mapping[str, Any], problems: Problems, *fields: str) -> None:
    for name in fields:
        value = values.get(name)
        if value is not None and value != "" and float(value) < 0:
            problems[name] = f"{label(name)} mag niet negatief zijn"


def _persons(values: Mapping[str, Any]) -> Problems:
    problems: Problems = {}
    _required(values, problems, "first_name", "last_name")
    problem = bsn_problem(values.get("bsn") or "")
    if problem:
        problems["bsn"] = problem
    _dates(values, problems, "birth_date", "registered_on")
    birth = None if "birth_date" in problems else as_date(values.get("birth_date"))
    if birth and birth > dt.date.today():
        problems["birth_date"] = "de geboortedatum ligt in de toekomst"
    elif birth and birth < EARLIEST_BIRTH_DATE:
        problems["birth_date"] = (
            f"een geboortedatum vóór {EARLIEST_BIRTH_DATE.year} is onwaarschijnlijk"
        )
    _contact(values, problems)
    return problems


def _decisions(values: Mapping[str, Any]) -> Problems:
    problems: Problems = {}
    _required(values, problems, "decision_date", "outcome")
    _dates(values, problems, "decision_date", "sent_date", "next_check_date")
    _order(values, problems, "decision_date", "sent_date")
    return problems


def _placements(values: Mapping[str, Any]) -> Problems:
    problems: Problems = {}
    _required(values, problems, "person_id", "employer_id")
    _dates(
        values,
        problems,
        "offer_date",
        "offer_sent_date",
        "development_plan_date",
        "start_date",
        "end_date",
    )
    _order(values, problems, "start_date", "end_date")
    _non_negative(values, problems, "hours_per_week")
    hours = values.get("hours_per_week")
    if hours not in (None, "") and float(hours) > 60:
        problems["hours_per_week"] = f"{hours} uur per week is meer dan mogelijk"
    return problems


def _wage_value(values: Mapping[str, Any]) -> Problems:
    problems: Problems = {}
    _required(values, problems, "assessment_date", "wage_value_percentage")
    _dates(values, problems, "assessment_date")
    pct = values.get("wage_value_percentage")
    if pct not in (None, "") and not 0 <= float(pct) <= 100:
        problems["wage_value_percentage"] = "de loonwaarde ligt tussen 0 en 100%"
    return problems


def _simple(
    required: tuple[str, ...],
    dates: tuple[str, ...] = (),
    order: tuple[str, str] | None = None,
    non_negative: tuple[str, ...] = (),
) -> Callable[[Mapping[str, Any]], Problems]:
    def check(values: Mapping[str, Any]) -> Problems:
        problems: Problems = {}
        _required(values, problems, *required)
        _dates(values, problems, *dates)
        if order:
            _order(values, problems, *order)
        _non_negative(values, problems, *non_negative)
        return problems

    return check


def _with_contact(
    check: Callable[[Mapping[str, Any]], Problems],
) -> Callable[[Mapping[str, Any]], Problems]:
    def checked(values: Mapping[str, Any]) -> Problems:
        problems = check(values)
        _contact(values, problems)
        return problems

    return checked


VALIDATORS: dict[str, Callable[[Mapping[str, Any]], Problems]] = {
    "persons": _persons,
    "decisions": _decisions,
    "placements": _placements,
    "wage_value_assessments": _wage_value,
    "uwv_advices": _simple(
        ("requested_by",), ("request_date", "advice_date"), ("request_date", "advice_date")
    ),
    "indication_checks": _simple(("check_date",), ("check_date",)),
    "interim_provisions": _simple(
        ("kind", "start_date"), ("start_date", "end_date"), ("start_date", "end_date")
    ),
    "quota_years": _simple(
        ("year", "quota", "amount_per_place_cents"),
        (),
        None,
        ("quota", "amount_per_place_cents", "hours_per_place"),
    ),
    "minimum_wage_periods": _simple(("start_date", "amount_cents", "unit"), ("start_date",)),
    "employers": _with_contact(_simple(("name", "kind"))),
    "coaches": _with_contact(_simple(("name", "employer_id"))),
    "tailored_agreements": _simple(
        ("employer_id", "agreed_on", "deadline"),
        ("agreed_on", "deadline", "fulfilled_on"),
        ("agreed_on", "deadline"),
    ),
    "subsidy_periods": _simple(
        ("placement_id", "kind", "start_date"),
        ("start_date", "end_date"),
        ("start_date", "end_date"),
    ),
    "reviews": _simple(("placement_id", "review_date"), ("review_date",)),
    "objections": _simple(
        ("person_id", "lodged_date"),
        ("lodged_date", "decided_on"),
        ("lodged_date", "decided_on"),
        ("deferral_weeks", "suspended_days"),
    ),
    "development_goals": _simple(("placement_id", "goal")),
    "notes": _simple(("text",)),
}


def _bounds(table: str, values: Mapping[str, Any], problems: Problems) -> None:
    for name, value in values.items():
        if isinstance(value, float) and not math.isfinite(value):
            problems[name] = f"{label(name)} is geen eindig getal"
    _lengths(values, problems)
    _at_most(values, problems, MAX_AMOUNT_CENTS, "amount_per_place_cents", "amount_cents")
    _at_most(values, problems, MAX_QUOTA, "quota")
    if table == "quota_years":
        _at_most(values, problems, 60, "hours_per_place")
        hours = values.get("hours_per_place")
        if "hours_per_place" not in problems and hours not in (None, "") and float(hours) <= 0:
            problems["hours_per_place"] = f"{label('hours_per_place')} moet meer dan 0 zijn"


def validate(table: str, values: Mapping[str, Any]) -> Problems:
    """Problems of a whole record (after merging an update into the stored row)."""
    check = VALIDATORS.get(table)
    problems = check(values) if check else {}
    _bounds(table, values, problems)
    return problems
