"""One cell at a time, the way a consultant's Excel list writes it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from exchange_helpers import BSN_A, BSN_ZERO

from beschut_desktop.exchange import cells


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2022, 9, 6, 0, 0), dt.date(2022, 9, 6)),
        ("6-9-2022", dt.date(2022, 9, 6)),
        ("06-09-2022", dt.date(2022, 9, 6)),
        ("6/9/2022", dt.date(2022, 9, 6)),
        ("2022-09-06", dt.date(2022, 9, 6)),
        (44810, dt.date(2022, 9, 6)),  # a date column that lost its format
        (None, None),
        ("  ", None),
    ],
)
def test_dates(value, expected) -> None:
    assert cells.date(value) == expected


@pytest.mark.parametrize("value", ["31-02-2022", "6 september", True, 12.5, 2022])
def test_not_a_date(value) -> None:
    with pytest.raises(cells.CellError):
        cells.date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19,5", Decimal("19.5")),
        ("19.5", Decimal("19.5")),
        ("8.100", Decimal("8100")),
        ("€ 8.100,00", Decimal("8100.00")),
        (24, Decimal("24")),
        (19.5, Decimal("19.5")),
        ("1.234,5", Decimal("1234.5")),
    ],
)
def test_dutch_numbers(value, expected) -> None:
    assert cells.decimal(value) == expected


def test_money_in_cents() -> None:
    assert cells.cents("8.100") == cells.cents(8100) == cells.cents("€ 8.100,00") == 810000


@pytest.mark.parametrize(
    "value",
    [
        BSN_A,
        int(BSN_A),
        float(BSN_A),
        f"{BSN_A[:4]}.{BSN_A[4:6]}.{BSN_A[6:]}",
        f" {BSN_A[:3]} {BSN_A[3:6]} {BSN_A[6:]} ",
    ],
)
def test_bsn_in_any_notation(value) -> None:
    assert cells.bsn(value) == BSN_A


def test_bsn_leading_zero_restored() -> None:
    assert cells.bsn(int(BSN_ZERO)) == BSN_ZERO and len(str(int(BSN_ZERO))) == 8


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ja", True),
        ("J", True),
        ("WAAR", True),
        (True, True),
        ("Nee", False),
        ("n", False),
        ("onwaar", False),
        (False, False),
        (None, None),
    ],
)
def test_yes_no(value, expected) -> None:
    assert cells.yes_no(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("tijdelijk", "temporary"),
        ("Bepaalde tijd", "temporary"),
        ("voor bepaalde tijd", "temporary"),
        ("VAST", "permanent"),
        ("onbepaalde tijd", "permanent"),
    ],
)
def test_contract_words(value, expected) -> None:
    assert cells.choice(value, cells.CONTRACT_TYPES, "tijdelijk of vast") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("SW-bedrijf", "sw_company"),
        ("sw bedrijf", "sw_company"),
        ("Gemeente", "municipality"),
        ("particulier", "private"),
    ],
)
def test_employer_kinds(value, expected) -> None:
    assert cells.choice(value, cells.EMPLOYER_KINDS, "") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Arbeidsmatige dagbesteding", ("day_activities", None)),
        ("vrijwilligerswerk", ("volunteering", None)),
        ("Werkervaringsplek bij de gemeente", ("other", "Werkervaringsplek bij de gemeente")),
    ],
)
def test_r6_interim_provision_words(value, expected) -> None:
    assert cells.interim(value) == expected
    assert cells.interim(cells.interim_text(*expected)) == expected


@pytest.mark.parametrize(
    ("code", "name"),
    [("aan_de_slag", None), ("none", None), ("sector", None), ("sector", "Cao Metalektro")],
)
def test_r13_cao_words_round_trip(code, name) -> None:
    assert cells.cao(cells.cao_text(code, name)) == (code, name)
