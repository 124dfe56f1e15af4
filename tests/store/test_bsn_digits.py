"""A BSN typed in other digits (fullwidth, Arabic-Indic) is the same BSN: stored in ASCII
digits, so the register's uniqueness check sees one person."""

from __future__ import annotations

import datetime as dt

import pytest

from beschut_desktop.errors import ValidationError
from beschut_desktop.rules.validation import normalise_bsn

BSN = "111222333"


@pytest.mark.parametrize(
    "typed", [BSN.translate(str.maketrans("0123456789", "０１２３４５６７８９")), "١١١٢٢٢٣٣٣"]
)
def test_other_digits_are_the_same_bsn(store, typed) -> None:
    assert normalise_bsn(typed) == BSN
    person = {"first_name": "A", "last_name": "B", "registered_on": dt.date(2022, 1, 1)}
    first = store.insert("persons", {**person, "bsn": typed})
    assert store.row("persons", first)["bsn"] == BSN
    with pytest.raises(ValidationError, match="bestaat al"):
        store.insert("persons", {**person, "bsn": BSN})
