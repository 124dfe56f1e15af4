"""Plausible input through the one validator per table: e-mail addresses and Dutch postcodes
are checked wherever a record has them (persons, employers, coaches), in the same words for
the screens, the command line and the import."""

from __future__ import annotations

import pytest

from beschut_desktop.rules.validation import validate

PERSON = {"first_name": "Jan", "last_name": "Jansen", "bsn": "111222333"}


@pytest.mark.parametrize(
    "email", ["jan@staphorst.nl", "j.de.vries+werk@gemeente-staphorst.nl", "JAN@X.NL"]
)
def test_plausible_email_addresses_pass(email):
    assert validate("persons", {**PERSON, "email": email}) == {}


@pytest.mark.parametrize(
    "email", ["jan", "jan@", "jan@staphorst", "jan @staphorst.nl", "jan@@staphorst.nl", "@x.nl"]
)
@pytest.mark.parametrize("table", ["persons", "employers", "coaches"])
def test_an_email_address_that_cannot_be_one_is_refused(table, email):
    record = {"persons": PERSON, "employers": {"name": "X", "kind": "private"}}.get(
        table, {"name": "Anna", "employer_id": 1}
    )
    problems = validate(table, {**record, "email": email})
    assert problems == {"email": f"'{email}' is geen e-mailadres (zoals naam@voorbeeld.nl)"}


@pytest.mark.parametrize("postcode", ["7951 AA", "7951AA", "7951 aa", "1012 JS"])
def test_dutch_postcodes_pass_with_or_without_the_space(postcode):
    assert validate("persons", {**PERSON, "postal_code": postcode}) == {}


@pytest.mark.parametrize("postcode", ["79511 AA", "0951 AA", "7951 A", "7951 SS", "ABCD 12"])
def test_a_postcode_that_is_not_dutch_is_refused(postcode):
    problems = validate("persons", {**PERSON, "postal_code": postcode})
    assert problems == {"postal_code": f"'{postcode}' is geen Nederlandse postcode (zoals 1234 AB)"}


def test_empty_contact_fields_are_fine():
    assert validate("persons", {**PERSON, "email": None, "postal_code": ""}) == {}
