"""Shared Dutch wording: names of tables, fields and value words as the user reads them.

Screens, documents, messages and the Excel exchange all take their words from here, so that
"Uren per week" is called the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any

from beschut_desktop import formatting
from beschut_desktop.rules.model import TABLE_TYPES

TABLE_LABELS = {
    "persons": "Persoon",
    "uwv_advices": "Advies UWV",
    "decisions": "Beschikking",
    "indication_checks": "Controle indicatie",
    "interim_provisions": "Voorziening tot start",
    "quota_years": "Taakstelling",
    "minimum_wage_periods": "Wettelijk minimumloon",
    "settings": "Instellingen",
    "employers": "Werkgever",
    "coaches": "Begeleider",
    "coach_criteria": "Criterium begeleider",
    "placements": "Plaatsing",
    "development_goals": "Ontwikkeldoel",
    "tailored_agreements": "Maatwerkafspraak",
    "wage_value_assessments": "Loonwaardemeting",
    "subsidy_periods": "Loonkostensubsidie",
    "reviews": "Voortgangsgesprek",
    "objections": "Bezwaar of beroep",
    "handled_signals": "Afgehandeld signaal",
    "notes": "Notitie",
    "letters": "Brief",
    "letter_templates": "Briefsjabloon",
}

FIELD_LABELS = {
    "bsn": "BSN",
    "first_name": "Voornaam",
    "last_name": "Achternaam",
    "birth_date": "Geboortedatum",
    "phone": "Telefoon",
    "email": "E-mail",
    "address": "Adres",
    "postal_code": "Postcode",
    "city": "Woonplaats",
    "registered_on": "Ingeschreven op",
    "requested_by": "Aangevraagd door",
    "request_date": "Datum aanvraag",
    "advice_date": "Datum advies",
    "ground_adaptations": "Aanpassingen niet redelijk (a)",
    "ground_supervision": "Toezicht of begeleiding niet redelijk (b)",
    "outcome": "Uitkomst",
    "notes": "Notities",
    "kind": "Soort",
    "decision_date": "Datum beschikking",
    "sent_date": "Datum verzonden",
    "eligibility_basis": "Grondslag",
    "other_provision_fits": "Andere voorziening passend",
    "next_check_date": "Volgende controle indicatie",
    "wage_value_interval_months": "Loonwaardemeting elke (maanden)",
    "check_date": "Datum controle",
    "still_fits": "Indicatie nog passend",
    "description": "Omschrijving",
    "start_date": "Startdatum",
    "end_date": "Einddatum",
    "year": "Jaar",
    "quota": "Taakstelling",
    "amount_per_place_cents": "Bedrag per plek",
    "hours_per_place": "Uren per week per plek",
    "amount_cents": "Bedrag",
    "unit": "Eenheid",
    "name": "Naam",
    "category": "Categorie",
    "kvk_number": "KvK-nummer",
    "cao": "Cao",
    "cao_name": "Naam cao",
    "sector_cao_more_favourable": "Sector-cao gunstiger",
    "transitional_arrangement": "Overgangsregeling",
    "contact_name": "Contactpersoon",
    "item": "Criterium",
    "met": "Voldaan",
    "evidence": "Bewijs",
    "checked_on": "Gecontroleerd op",
    "offer_date": "Datum aanbod",
    "offer_sent_date": "Aanbod verzonden",
    "offer_motivation": "Motivering aanbod",
    "offer_status": "Status aanbod",
    "support_physical": "Fysieke aanpassing",
    "support_task_split": "Uitsplitsing van taken",
    "support_supervision": "Aangepaste werkbegeleiding",
    "support_pace": "Aangepast werktempo",
    "support_hours": "Aangepaste arbeidsduur",
    "support_notes": "Toelichting voorzieningen",
    "job_title": "Functie",
    "job_description": "Functie- en taakomschrijving",
    "development_plan_date": "Datum ontwikkelplan",
    "hours_per_week": "Uren per week",
    "trial_before": "Proefplaatsing vooraf",
    "contract_type": "Contract",
    "end_reason": "Reden einde",
    "outcome_date": "Afloop vastgelegd op",
    "offer_answered_on": "Aanbod beantwoord op",
    "goal": "Ontwikkeldoel",
    "status": "Status",
    "reason": "Reden",
    "agreed_on": "Afgesproken op",
    "deadline": "Uiterste datum",
    "prospect": "Vooruitzicht",
    "employer_confirmed": "Bevestigd door werkgever",
    "fulfilled_on": "Voldaan op",
    "assessment_date": "Datum meting",
    "wage_value_percentage": "Loonwaarde (%)",
    "assessor": "Uitgevoerd door",
    "review_date": "Datum gesprek",
    "participants": "Aanwezig",
    "functioning": "Functioneren",
    "situation": "Situatie",
    "perspective": "Perspectief",
    "development_plan_progress": "Voortgang ontwikkelplan",
    "personal_development": "Persoonlijke ontwikkeling",
    "safety": "Fysieke en sociale veiligheid",
    "coaching_quality": "Kwaliteit en continuïteit van de begeleiding",
    "communication": "Helderheid van de communicatie",
    "privacy": "Privacy",
    "methodical_working": "Methodisch werken",
    "lodged_date": "Datum ingediend",
    "advisory_committee": "Adviescommissie",
    "deferral_weeks": "Verdaging (weken)",
    "suspended_days": "Opgeschort (dagen)",
    "decided_on": "Beslist op",
    "text": "Tekst",
    "created_on": "Datum",
    "letter_date": "Datum brief",
    "made_on": "Gemaakt op",
    "template": "Sjabloon",
    "file_name": "Bestand",
    "sha256": "Controlegetal",
}

VALUE_LABELS: dict[str, dict[str, str]] = {
    "requested_by": {"person": "Inwoner", "employer": "Werkgever", "municipality": "Gemeente"},
    "advice_outcome": {"pending": "In behandeling", "positive": "Positief", "negative": "Negatief"},
    "decision_outcome": {"positive": "Positief", "negative": "Negatief"},
    "decision_kind": {"indication": "Indicatie", "reassessment": "Herindicatie"},
    "eligibility_basis": {
        "target_group": "Doelgroep (art. 7 lid 1 onder a)",
        "WW": "WW-uitkering",
        "IOAW": "IOAW-uitkering",
        "WAZ": "WAZ-uitkering",
        "Wajong": "Wajong-uitkering",
        "WIA": "WIA-uitkering",
        "WAO": "WAO-uitkering",
        "ZW": "Ziektewetuitkering",
        "WAMIL": "WAMIL-uitkering",
        "wajong_work_support": "Arbeidsondersteuning (art. 2:15 Wajong)",
    },
    "interim_kind": {
        "day_activities": "Arbeidsmatige dagbesteding",
        "volunteering": "Vrijwilligerswerk",
        "other": "Anders",
    },
    "employer_kind": {
        "sw_company": "SW-bedrijf",
        "municipality": "Gemeente",
        "private": "Particulier",
    },
    "employer_category": {
        "a": "a — werkt in hoofdzaak met deze doelgroep",
        "b": "b — uitzondering",
    },
    "cao": {
        "aan_de_slag": "Cao Aan de Slag",
        "sector": "Cao eigen bedrijfstak",
        "none": "Geen cao",
    },
    "offer_status": {"offered": "Aangeboden", "accepted": "Aanvaard", "refused": "Geweigerd"},
    "contract_type": {"temporary": "Tijdelijk", "permanent": "Vast"},
    "placement_outcome": {
        "renewed": "Verlengd",
        "permanent": "Omgezet naar vast",
        "ended": "Beëindigd",
        "dismissed": "Ontslag",
        "ended_import": "Beëindigd (import)",
    },
    "goal_status": {"open": "Open", "achieved": "Bereikt", "dropped": "Vervallen"},
    "agreement_reason": {
        "transition": "Bestaande plaatsing bij ingang voorwaarden",
        "moved": "Verhuisd naar de gemeente",
        "vso_pro": "Vanuit stage VSO/PRO",
    },
    "subsidy_kind": {"flat_rate": "Forfaitair", "wage_value": "Op basis van loonwaarde"},
    "objection_kind": {"objection": "Bezwaar", "appeal": "Beroep"},
    "objection_outcome": {"upheld": "Gegrond", "rejected": "Ongegrond", "withdrawn": "Ingetrokken"},
    "minimum_wage_unit": {"month": "per maand", "hour": "per uur"},
    "letter_kind": {
        "indication": "Beschikking indicatie beschut werk",
        "offer": "Aanbod werkplek",
        "subsidy": "Besluit loonkostensubsidie (werkgever)",
        "review-invitation": "Uitnodiging voortgangsgesprek",
    },
    "template": {"standard": "Standaard", "own": "Eigen sjabloon"},
}

# R15: the nine criteria for the internal coach, in the policy's order.
COACH_CRITERIA = {
    1: "Kan (kort) meewerken als de behoefte van de werknemer dat vereist",
    2: "Is voor de begeleidingsuren zoveel mogelijk vrijgesteld van andere taken",
    3: "Heeft achtervang bij ziekte of verlof",
    4: "Heeft oog voor hoe collega's met de werknemer omgaan",
    5: "Vormt zich een integraal beeld van de werknemer op alle levensgebieden",
    6: "Heeft kennis van de lokale en regionale sociale kaart",
    7: "Staat niet in een hiërarchische verhouding tot de werknemer",
    8: "Heeft een diploma jobcoachopleiding of jobcoachcertificaat en kan dit overleggen",
    9: "Houdt kennis en vaardigheden actueel en investeert aantoonbaar in bijscholing",
}

# R18 subjects and R19 topics, as fields of a review.
REVIEW_SUBJECTS = ["functioning", "situation", "perspective", "development_plan_progress"]
COACHING_TOPICS = [
    "personal_development",
    "safety",
    "coaching_quality",
    "communication",
    "privacy",
    "methodical_working",
]


def label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def value_label(group: str, value: str | None) -> str:
    if value is None:
        return ""
    return VALUE_LABELS.get(group, {}).get(value, value)


# ---- the audit trail in words: one wording for the screen, the paper and the export --------

AUDIT_ACTIONS = {
    "insert": "toegevoegd",
    "update": "gewijzigd",
    "delete": "verwijderd",
    "remove_on_request": "verwijderd op verzoek",
}
# Internal numbers that say nothing to a reader; the record they point at is named elsewhere.
AUDIT_HIDDEN = {
    "id",
    "person_id",
    "employer_id",
    "placement_id",
    "coach_id",
    "advice_id",
    "decision_id",
    "previous_placement_id",
}
# Which value words a field uses, where the same field name means different things per table;
# a field named like a group of VALUE_LABELS (``offer_status``) uses that group.
VALUE_GROUPS = {
    ("uwv_advices", "outcome"): "advice_outcome",
    ("decisions", "outcome"): "decision_outcome",
    ("decisions", "kind"): "decision_kind",
    ("interim_provisions", "kind"): "interim_kind",
    ("employers", "kind"): "employer_kind",
    ("employers", "category"): "employer_category",
    ("placements", "outcome"): "placement_outcome",
    ("development_goals", "status"): "goal_status",
    ("tailored_agreements", "reason"): "agreement_reason",
    ("subsidy_periods", "kind"): "subsidy_kind",
    ("objections", "kind"): "objection_kind",
    ("objections", "outcome"): "objection_outcome",
    ("letters", "kind"): "letter_kind",
}
EMPTY_VALUE = "(leeg)"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@cache
def _boolean_fields() -> frozenset[str]:
    return frozenset(
        name
        for cls in TABLE_TYPES.values()
        for name, hint in typing.get_type_hints(cls).items()
        if hint is bool
    )


def value_group(table: str, field: str) -> str | None:
    """The group of VALUE_LABELS whose words a field's codes are, if any."""
    return VALUE_GROUPS.get((table, field)) or (field if field in VALUE_LABELS else None)


def audit_value(table: str, field: str, value: Any) -> str:
    """A stored value as a reader says it: codes as words, dates, money, ja/nee, (leeg)."""
    if value is None or value == "":
        return EMPTY_VALUE
    if field in _boolean_fields():
        return "ja" if value else "nee"
    if field.endswith("_cents") and isinstance(value, int):
        return formatting.money(value)
    group = value_group(table, field)
    if group:
        return VALUE_LABELS[group].get(str(value), str(value))
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return formatting.short_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, float):
        return formatting.number(value)
    return str(value)


def audit_changes(table: str, action: str, changes: Mapping[str, Any]) -> list[str]:
    """One audit entry's changes: "Uren per week: 20 → 24" for a change, "Uren per week: 20"
    for a record added or removed. At insert an empty field, a zero or an unticked box says
    nothing and is left out."""
    parts = []
    for field, change in changes.items():
        if field in AUDIT_HIDDEN:
            continue
        if action == "update" and isinstance(change, list) and len(change) == 2:
            old, new = (audit_value(table, field, v) for v in change)
            parts.append(f"{label(field)}: {old} → {new}")
        elif isinstance(change, list) or (action == "insert" and change in (None, "", 0)):
            continue
        else:
            parts.append(f"{label(field)}: {audit_value(table, field, change)}")
    return parts
