"""The fields a letter template may use, per kind, with what each holds (in Dutch).

This list is the contract with the municipality's own Word templates: a template is refused
when it uses a field that is not here (``templates.check_template``), the settings page and the
README show it, and the content builders fill exactly these names. Field names are Dutch
because the people who write the templates read them in Word.
"""

from __future__ import annotations

from beschut_desktop.wording import VALUE_LABELS

KINDS = ("indication", "offer", "subsidy", "review-invitation")

KIND_LABELS = VALUE_LABELS["letter_kind"]

# Decisions carry the objection clause (Awb 6:7); an invitation is no decision.
DECISION_KINDS = ("indication", "offer", "subsidy")

COMMON_FIELDS: dict[str, str] = {
    "gemeente": "naam van de gemeente",
    "gemeente_adres": "adres of postbus van de gemeente",
    "gemeente_postcode_plaats": "postcode en plaats van de gemeente",
    "gemeente_telefoon": "telefoonnummer van de gemeente",
    "gemeente_website": "website of e-mailadres van de gemeente",
    "logo": "het logo uit Instellingen (leeg zonder logo)",
    "kenmerk": "ons kenmerk: het zaaknummer (nooit het BSN)",
    "datum": "datum van de brief",
    "onderwerp": "onderwerp van de brief",
    "behandeld_door": "de consulent werk",
    "geadresseerde": "naam van de geadresseerde",
    "geadresseerde_tav": "ter attentie van (contactpersoon bij de werkgever; anders leeg)",
    "geadresseerde_adres": "straat en huisnummer van de geadresseerde",
    "geadresseerde_postcode_plaats": "postcode en plaats van de geadresseerde",
    "aanhef": "aanhef, bijvoorbeeld 'Geachte heer/mevrouw Jansen,'",
    "werknemer": "naam van de inwoner om wie het gaat",
    "ondertekenaar": "naam van wie ondertekent",
    "ondertekenaar_functie": "functie van wie ondertekent",
}

OBJECTION_FIELDS: dict[str, str] = {
    "bezwaar_termijn": "de bezwaartermijn in woorden, 'zes weken' (Awb art. 6:7)",
    "verzenddatum": "dag van verzending, als die bekend is (anders leeg)",
    "bezwaar_uiterlijk": "laatste dag voor bezwaar (Awb 6:8 en Algemene termijnenwet); "
    "alleen als de verzenddatum bekend is, anders leeg",
}

KIND_FIELDS: dict[str, dict[str, str]] = {
    "indication": {
        "toegekend": "ja/nee: is de indicatie toegekend (in een {% if toegekend %})",
        "herindicatie": "ja/nee: gaat het om een herindicatie",
        "datum_beschikking": "datum van de beschikking (vaststellingsdatum)",
        "advies_uwv": "uitkomst van het advies van UWV: 'positief' of 'negatief'",
        "datum_advies": "datum van het advies van UWV",
        "advies_aangevraagd_door": "wie het advies aanvroeg: u, uw werkgever of de gemeente",
        "gronden": "lijst van de gronden van UWV (art. 10b lid 1 onder a of b)",
        "grondslag": "waarom de inwoner in aanmerking komt, als bijzin: 'u een WW-uitkering heeft'",
        "vervolg": "wat er nu gebeurt: een aanbod of de wachtlijst",
        "wachtlijst_plaats": "plaats op de wachtlijst (leeg als niet op de wachtlijst)",
        "voorziening": "de voorziening tot de start van het werk (leeg als geen)",
    },
    "offer": {
        "werkgever": "naam van de werkgever",
        "functie": "de functie",
        "functieomschrijving": "de functie- en taakomschrijving (leeg als niet vastgelegd)",
        "uren_per_week": "uren per week, bijvoorbeeld '24 uur'",
        "startdatum": "eerste werkdag",
        "einddatum": "einddatum van het contract (leeg bij vast)",
        "contract": "soort contract, bijvoorbeeld 'tijdelijk contract tot en met 28 februari 2023'",
        "datum_aanbod": "datum van het aanbod",
        "motivering": "waarom deze werkplek past bij de inwoner (R10)",
        "voorzieningen": "lijst van de voorzieningen op de werkplek (art. 8 lid 3)",
        "begeleider": "de interne begeleider bij de werkgever (leeg als nog niet bekend)",
    },
    "subsidy": {
        "werkgever": "naam van de werkgever",
        "functie": "de functie van de werknemer",
        "uren_per_week": "uren per week van het contract",
        "startdatum": "start van het dienstverband",
        "einddatum": "einddatum van het contract (leeg bij vast)",
        "forfaitair": "ja/nee: forfaitaire subsidie tot de eerste loonwaardemeting",
        "soort_subsidie": "'forfaitaire loonkostensubsidie' of 'loonkostensubsidie op basis "
        "van loonwaarde'",
        "loonwaarde": "de vastgestelde loonwaarde, bijvoorbeeld '50%' (leeg bij forfait)",
        "datum_meting": "datum van de loonwaardemeting (leeg bij forfait)",
        "forfait_percentage": "het forfaitaire percentage van het minimumloon",
        "max_percentage": "de grens van de subsidie in % van het minimumloon (art. 10d)",
        "werkgeverslasten_percentage": "de vergoeding werkgeverslasten in %",
        "bedrag_per_maand": "subsidie per volle maand, met werkgeverslasten",
        "periode_van": "eerste dag van de subsidieperiode",
        "periode_tot": "laatste dag van de subsidieperiode",
        "maanden": "lijst van maanden met per maand: m.maand, m.subsidie, "
        "m.werkgeverslasten, m.totaal",
        "volgende_meting": "uiterste datum van de volgende loonwaardemeting",
        "voorwaarden": "lijst van de voorwaarden bij de subsidie",
    },
    "review-invitation": {
        "werkgever": "naam van de werkgever",
        "functie": "de functie",
        "begeleider": "de interne begeleider bij de werkgever (leeg als nog niet bekend)",
        "gepland": "ja/nee: is er een datum voor het gesprek afgesproken",
        "gesprek_datum": "datum van het geplande gesprek (leeg als niet gepland)",
        "gesprek_tijd": "tijd van het geplande gesprek (leeg als niet gepland)",
        "gesprek_plaats": "plaats van het gesprek (leeg als niet gepland)",
        "uiterlijk": "uiterste datum van het gesprek volgens het schema (R18)",
        "achterstallig": "ja/nee: ligt die uiterste datum al vóór de datum van de brief",
        "onderwerpen": "lijst van de onderwerpen van het gesprek (R18)",
    },
}


def fields_for(kind: str) -> dict[str, str]:
    """Every field a template of this kind may use, with what it holds."""
    fields = dict(COMMON_FIELDS)
    if kind in DECISION_KINDS:
        fields.update(OBJECTION_FIELDS)
    fields.update(KIND_FIELDS[kind])
    return fields
