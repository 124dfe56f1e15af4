"""The fields of each letter kind, filled from the register as of the letter's date.

Every figure comes from the rules (``rules.quota``, ``rules.subsidy``, ``rules.reviews``,
``rules.awb``); this module only words their answers, so a change in a rule reaches the letters
unchanged. The names filled here are exactly those of ``fields.fields_for(kind)``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date

from beschut_desktop.formatting import LOCALE, hours, long_date, money, percentage
from beschut_desktop.letters import common
from beschut_desktop.letters.fields import KIND_LABELS
from beschut_desktop.letters.subsidy_terms import subsidy_terms
from beschut_desktop.rules.model import Person, Placement, Register
from beschut_desktop.rules.quota import TO_PLACE, current_interim_provision, queue
from beschut_desktop.rules.reviews import next_review_due
from beschut_desktop.rules.subsidy import wage_value_interval_months
from beschut_desktop.wording import FIELD_LABELS, value_label

REQUESTERS = {"person": "u", "employer": "uw werkgever", "municipality": "de gemeente"}
GROUNDS = {
    "ground_adaptations": "u heeft technische of organisatorische aanpassingen nodig die een "
    "werkgever redelijkerwijs niet kan bieden",
    "ground_supervision": "u heeft blijvend toezicht of intensieve begeleiding nodig die een "
    "werkgever redelijkerwijs niet kan geven",
}
# R1: why the person qualifies, as a clause after "omdat".
BASIS_CLAUSES = {
    "target_group": "u tot de doelgroep van de Participatiewet hoort (artikel 7 lid 1 onder a)",
    "wajong_work_support": "u recht heeft op arbeidsondersteuning (artikel 2:15 Wajong)",
}
SUPPORTS = (
    "support_physical",
    "support_task_split",
    "support_supervision",
    "support_pace",
    "support_hours",
)
REVIEW_TOPICS = [
    "hoe het gaat met uw werk (functioneren)",
    "hoe het met u gaat, op het werk en daarbuiten (situatie)",
    "wat u wilt en kunt leren, en hoe u verder wilt (perspectief)",
    "de voortgang van uw ontwikkelplan",
]


@dataclass(frozen=True)
class Meeting:
    """A review meeting that was agreed: its date, and time and place when known."""

    day: dt.date
    time: str = ""
    place: str = ""


@dataclass
class LetterContent:
    kind: str
    person: Person
    context: dict[str, Any]
    placement_id: int | None = None
    decision_id: int | None = None
    warnings: list[str] = field(default_factory=list)


def _base(register: Register, person: Person, on: dt.date, kind: str) -> dict[str, Any]:
    return common.letterhead(register.settings, KIND_LABELS[kind], person.case_number, on)


def indication_content(
    register: Register, person: Person, decision_id: int, on: dt.date
) -> LetterContent:
    decision = register.decision(decision_id)
    assert decision is not None
    advice = register.advice(decision.advice_id)
    granted = decision.outcome == "positive"
    context = _base(register, person, on, "indication")
    context.update(common.person_addressee(person))
    context.update(common.objection(register.settings, decision.sent_date))
    next_step, position = _what_next(register, person, on, granted, decision.other_provision_fits)
    interim = current_interim_provision(register, person.id, on)
    context.update(
        {
            "toegekend": granted,
            "herindicatie": decision.kind == "reassessment",
            "datum_beschikking": long_date(decision.decision_date),
            "advies_uwv": value_label("advice_outcome", advice.outcome).lower() if advice else "",
            "datum_advies": long_date(advice.advice_date) if advice else "",
            "advies_aangevraagd_door": REQUESTERS.get(advice.requested_by, "") if advice else "",
            "gronden": [text for key, text in GROUNDS.items() if advice and getattr(advice, key)],
            "grondslag": _basis(decision.eligibility_basis),
            "vervolg": next_step,
            "wachtlijst_plaats": position,
            "voorziening": (
                value_label("interim_kind", interim.kind)
                + (f" ({interim.description})" if interim.description else "")
                if interim
                else ""
            ),
        }
    )
    content = LetterContent("indication", person, context, decision_id=decision.id)
    if advice is None:
        content.warnings.append(
            "Let op: bij deze beschikking is geen advies van UWV vastgelegd; "
            "de brief noemt daarom geen advies."
        )
    return content


def _basis(code: str | None) -> str:
    if not code:
        return ""
    if code in BASIS_CLAUSES:
        return BASIS_CLAUSES[code]
    return f"u een {value_label('eligibility_basis', code)} heeft"


def _what_next(
    register: Register, person: Person, on: dt.date, granted: bool, other_fits: bool
) -> tuple[str, str]:
    """R5, R6: an offer now, the waiting list (with the position), or nothing."""
    if not granted:
        return (
            "U komt niet in aanmerking voor beschut werk. Wij bekijken graag met u welke "
            "andere vorm van werk of ondersteuning bij u past.",
            "",
        )
    running = [p for p in register.placements_of(person.id) if p.is_active_on(on)]
    if running:
        employer = register.employer(running[-1].employer_id)
        name = employer.name if employer else "uw werkgever"
        return f"U werkt al in een beschutte werkplek bij {name}. Dat blijft zo.", ""
    if other_fits:
        return (
            "Op dit moment past een andere voorziening beter bij u. Daarom krijgt u nu geen "
            "aanbod voor een beschutte werkplek; wij bespreken met u hoe het verder gaat.",
            "",
        )
    entry = next((e for e in queue(register, on) if e.person.id == person.id), None)
    if entry is not None and entry.status == TO_PLACE:
        return (
            "Er is plaats binnen het aantal beschutte werkplekken van de gemeente. Wij zoeken "
            "nu samen met u een werkplek die bij u past en doen u daarvoor een aanbod.",
            "",
        )
    position = str(entry.position) if entry else ""
    return (
        "Op dit moment zijn alle beschutte werkplekken van de gemeente bezet. U komt daarom "
        f"op de wachtlijst{f', op plaats {position}' if position else ''}. De volgorde van de "
        "wachtlijst is de datum van de beschikking (artikel 8 lid 2 Re-integratieverordening). "
        "Tot u kunt beginnen, krijgt u een passende voorziening, zoals arbeidsmatige "
        "dagbesteding of vrijwilligerswerk (artikel 8 lid 4).",
        position,
    )


def _placement_fields(register: Register, placement: Placement) -> dict[str, Any]:
    employer = register.employer(placement.employer_id)
    coach = register.coach(placement.coach_id) if placement.coach_id else None
    return {
        "werkgever": employer.name if employer else "",
        "functie": placement.job_title or "",
        "uren_per_week": hours(placement.hours_per_week),
        "startdatum": long_date(placement.start_date),
        "einddatum": long_date(placement.end_date),
        "begeleider": coach.name if coach else "",
    }


def _contract(placement: Placement) -> str:
    if placement.contract_type == "permanent" or placement.end_date is None:
        return "een vast contract (voor onbepaalde tijd)"
    return f"een tijdelijk contract tot en met {long_date(placement.end_date)}"


def offer_content(
    register: Register, person: Person, placement: Placement, on: dt.date
) -> LetterContent:
    context = _base(register, person, on, "offer")
    context.update(common.person_addressee(person))
    context.update(common.objection(register.settings, placement.offer_sent_date))
    context.update(_placement_fields(register, placement))
    context.update(
        {
            "functieomschrijving": placement.job_description or "",
            "contract": _contract(placement),
            "datum_aanbod": long_date(placement.offer_date or on),
            "motivering": placement.offer_motivation or "",
            "voorzieningen": [
                FIELD_LABELS[key].lower() for key in SUPPORTS if getattr(placement, key)
            ]
            + ([placement.support_notes] if placement.support_notes else []),
        }
    )
    content = LetterContent("offer", person, context, placement_id=placement.id)
    if not placement.offer_motivation:
        content.warnings.append(
            "Let op: de motivering van het aanbod (waarom de werkplek past, R10) ontbreekt; "
            "vul die aan bij de plaatsing of in Word."
        )
    return content


def subsidy_content(
    register: Register, person: Person, placement: Placement, on: dt.date
) -> LetterContent:
    employer = register.employer(placement.employer_id)
    assert employer is not None
    settings = register.settings
    terms = subsidy_terms(register, placement, on)
    context = _base(register, person, on, "subsidy")
    context.update(common.employer_addressee(employer, person))
    context.update(common.objection(settings, None))
    context.update(_placement_fields(register, placement))
    context.update(
        {
            "forfaitair": terms.flat_rate,
            "soort_subsidie": (
                "forfaitaire loonkostensubsidie"
                if terms.flat_rate
                else "loonkostensubsidie op basis van loonwaarde"
            ),
            "loonwaarde": percentage(terms.wage_value),
            "datum_meting": long_date(terms.assessed_on),
            "forfait_percentage": percentage(settings.flat_rate_percentage),
            "max_percentage": percentage(settings.max_subsidy_percentage),
            "werkgeverslasten_percentage": percentage(settings.employer_charges_percentage),
            "bedrag_per_maand": money(terms.per_full_month_cents),
            "periode_van": long_date(terms.start),
            "periode_tot": long_date(terms.end),
            "maanden": [
                {
                    "maand": format_date(dt.date(m.year, m.month, 1), "MMMM y", locale=LOCALE),
                    "subsidie": money(m.base_cents),
                    "werkgeverslasten": money(m.employer_charges_cents),
                    "totaal": money(m.total_cents),
                }
                for m in terms.months
            ],
            "volgende_meting": long_date(terms.next_assessment),
            "voorwaarden": _conditions(
                wage_value_interval_months(register, placement, on),
                employer.cao_name,
                terms.next_assessment,
            ),
        }
    )
    return LetterContent("subsidy", person, context, placement_id=placement.id)


def _conditions(interval: int, cao_name: str | None, next_assessment: dt.date | None) -> list:
    return [
        "U betaalt de werknemer ten minste het loon volgens de Cao Aan de Slag, of volgens "
        + (cao_name or "de cao van uw eigen bedrijfstak")
        + " als die gunstiger is voor de werknemer.",
        "De werknemer krijgt op de werkplek begeleiding van een interne begeleider die voldoet "
        "aan de voorwaarden van de beleidsregel beschut werk.",
        "U werkt mee aan een loonwaardemeting, ten minste elke "
        f"{interval} maanden"
        + (f"; de volgende uiterlijk op {long_date(next_assessment)}." if next_assessment else "."),
        "U meldt ons direct een wijziging van de uren of het contract, langdurige ziekte en het "
        "einde van het dienstverband. Te veel betaalde subsidie vorderen wij terug.",
    ]


def review_invitation_content(
    register: Register,
    person: Person,
    placement: Placement,
    on: dt.date,
    meeting: Meeting | None = None,
) -> LetterContent:
    context = _base(register, person, on, "review-invitation")
    context.update(common.person_addressee(person))
    context.update(_placement_fields(register, placement))
    due = next_review_due(register, placement, on)
    context.update(
        {
            "gepland": meeting is not None,
            "achterstallig": due is not None and due < on,
            "gesprek_datum": long_date(meeting.day) if meeting else "",
            "gesprek_tijd": meeting.time if meeting else "",
            "gesprek_plaats": meeting.place if meeting else "",
            "uiterlijk": long_date(due),
            "onderwerpen": list(REVIEW_TOPICS),
        }
    )
    return LetterContent("review-invitation", person, context, placement_id=placement.id)
