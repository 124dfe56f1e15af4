"""What every letter carries: the letterhead, the reference, the addressee and the objection
clause. Never a BSN: the reference is the case number.

The objection clause (Awb art. 6:7, 6:8) names the last day only when the sending date is
known; it is computed with ``rules.awb.objection_term_end`` (Algemene termijnenwet included).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from beschut_desktop.formatting import long_date
from beschut_desktop.rules.awb import objection_term_end
from beschut_desktop.rules.model import Employer, Person, Settings

NUMBER_WORDS = {
    1: "één",
    2: "twee",
    3: "drie",
    4: "vier",
    5: "vijf",
    6: "zes",
    7: "zeven",
    8: "acht",
    9: "negen",
    10: "tien",
    11: "elf",
    12: "twaalf",
}


def letterhead(settings: Settings, subject: str, reference: str, on: dt.date) -> dict[str, Any]:
    return {
        "gemeente": settings.municipality_name,
        "gemeente_adres": settings.municipality_address,
        "gemeente_postcode_plaats": settings.municipality_postal_city,
        "gemeente_telefoon": settings.municipality_phone,
        "gemeente_website": settings.municipality_website,
        "kenmerk": reference,
        "datum": long_date(on),
        "onderwerp": subject,
        "behandeld_door": settings.consultant_name,
        "ondertekenaar": settings.signatory_name or settings.consultant_name,
        "ondertekenaar_functie": settings.signatory_function,
    }


def person_addressee(person: Person) -> dict[str, Any]:
    return {
        "geadresseerde": person.full_name,
        "geadresseerde_tav": "",
        "geadresseerde_adres": person.address or "",
        "geadresseerde_postcode_plaats": _postal_city(person.postal_code, person.city),
        "aanhef": f"Geachte heer/mevrouw {person.last_name},",
        "werknemer": person.full_name,
    }


def employer_addressee(employer: Employer, person: Person) -> dict[str, Any]:
    contact = (employer.contact_name or "").strip()
    surname = contact.split()[-1] if contact else ""
    return {
        "geadresseerde": employer.name,
        "geadresseerde_tav": f"t.a.v. {contact}" if contact else "",
        "geadresseerde_adres": employer.address or "",
        "geadresseerde_postcode_plaats": _postal_city(employer.postal_code, employer.city),
        "aanhef": f"Geachte heer/mevrouw {surname}," if surname else "Geachte heer/mevrouw,",
        "werknemer": person.full_name,
    }


def missing_address(context: dict[str, Any]) -> str | None:
    """A warning when the letter cannot be posted as it is; the letter is still made."""
    lacking = [
        name
        for name, key in (
            ("adres", "geadresseerde_adres"),
            ("postcode en plaats", "geadresseerde_postcode_plaats"),
        )
        if not context.get(key)
    ]
    if not lacking:
        return None
    return (
        f"Let op: {' en '.join(lacking)} van {context['geadresseerde']} ontbreken in het "
        "register; vul ze aan en maak de brief opnieuw, of vul ze in Word in."
    )


def missing_letterhead(settings: Settings) -> str | None:
    if settings.municipality_address and settings.municipality_postal_city:
        return None
    return (
        "Let op: het adres van de gemeente voor het briefhoofd en het bezwaar ontbreekt; "
        "vul het in bij Instellingen → Brieven."
    )


def objection(settings: Settings, sent: dt.date | None) -> dict[str, Any]:
    weeks = settings.objection_term_weeks
    return {
        "bezwaar_termijn": f"{NUMBER_WORDS.get(weeks, str(weeks))} weken",
        "verzenddatum": long_date(sent) if sent else "",
        "bezwaar_uiterlijk": long_date(objection_term_end(sent, settings)) if sent else "",
    }


def _postal_city(postal_code: str | None, city: str | None) -> str:
    return "  ".join(part for part in ((postal_code or "").strip(), (city or "").strip()) if part)
