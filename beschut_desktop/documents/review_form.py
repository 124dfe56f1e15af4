"""The review form (voortgangsgesprek), filled in for one placement or blank.

The consultant prints it and takes it to the employer. It carries both parts of the policy:
the employee's functioning, situation and perspective with the development plan's progress
(R18), and the feedback on the coaching (R19), each with room to write, the due date of the
next review and lines for three signatures. No BSN: the case number identifies the file.

The form shows the placement as it stood on the print date (``as_of.known_on``). After a
renewal the previous review and the development plan come from the whole employment. A form
for a placement that is not running on the date (ended, refused, not yet started, or an offer
not yet answered) says so at the top.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from beschut_desktop.documents import page, style
from beschut_desktop.documents.common import coach_name, contract_text, employer_name
from beschut_desktop.errors import UserError
from beschut_desktop.formatting import hours, long_date, short_date
from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.model import Placement, Register, Review
from beschut_desktop.rules.reviews import (
    employment_chain,
    employment_start,
    last_review,
    next_review_due,
)
from beschut_desktop.wording import COACHING_TOPICS, REVIEW_SUBJECTS, label, value_label

TITLE = "Voortgangsgesprek beschut werk"

# What each subject asks, in the policy's words where it has them.
HINTS = {
    "functioning": "Hoe gaat het werk: taken, tempo, kwaliteit, samenwerking met collega's.",
    "situation": "Hoe gaat het buiten het werk voor zover het werk erdoor geraakt wordt: "
    "gezondheid, thuis, vervoer, financiën.",
    "perspective": "Wat zijn wensen en mogelijkheden voor de komende periode? Kan het werk "
    "(op termijn) zo regulier mogelijk worden?",
    "development_plan_progress": "Per ontwikkeldoel: wat is bereikt en wat is de volgende "
    "stap. Dit deel wordt met de gemeente besproken.",
    "personal_development": "Wat heeft de werknemer geleerd; waar groeit hij of zij in?",
    "safety": "Is de werkplek fysiek veilig; hoe gaan collega's met de werknemer om?",
    "coaching_quality": "Is de begeleider er wanneer nodig; is er achtervang bij ziekte of verlof?",
    "communication": "Zijn afspraken en verwachtingen voor iedereen duidelijk?",
    "privacy": "Wordt vertrouwelijk omgegaan met gegevens over de werknemer?",
    "methodical_working": "Wordt gewerkt met doelen, vastgelegde afspraken en verslaglegging?",
}
SUBJECT_LINES = 4
TOPIC_LINES = 3


def build_review_form(register: Register, placement_id: int, on: dt.date) -> bytes:
    """The form for the next review of this placement, with its data filled in."""
    if register.placement(placement_id) is None:
        raise UserError(f"Plaatsing {placement_id} bestaat niet in dit register.")
    register = known_on(register, on)
    placement = register.placement(placement_id)
    if placement is None:
        raise UserError(
            f"Plaatsing {placement_id} was op {short_date(on)} nog niet aangeboden; kies een "
            "latere datum."
        )
    person = register.person(placement.person_id)
    story: list[Flowable] = []
    name = person.full_name if person else "onbekend"
    employer = employer_name(register, placement.employer_id)
    story += style.title_block(TITLE, f"{name} bij {employer}")
    marking = not_running_text(placement, on)
    if marking:
        story.append(style.notice(marking, "warn"))
    story.append(
        style.facts(_placement_facts(register, placement, on), columns=2, label_width=0.44)
    )
    story += _date_and_participants()
    story += _goals(register, placement)
    story += _sections()
    story += _next_review(register, placement, on)
    story += _signatures(register, placement)
    return page.render(
        story, title=TITLE, subject=f"Voortgangsgesprek {name}", settings=register.settings
    )


def build_blank_review_form(register: Register, on: dt.date) -> bytes:
    """The same form with nothing filled in, for a review prepared by hand."""
    story: list[Flowable] = []
    story += style.title_block(TITLE, "Leeg formulier")
    story.append(
        style.blank_fields(
            [
                "Werknemer",
                "Zaaknummer",
                "Werkgever",
                "Begeleider",
                "Functie",
                "Uren per week",
                "Contract van – tot en met",
                "In dienst sinds",
                "Datum vorig gesprek",
                "Datum van dit gesprek",
            ]
        )
    )
    story.append(style.blank_fields(["Aanwezig (naam en functie)"], columns=1))
    story.append(style.heading("Ontwikkeldoelen uit het ontwikkelplan"))
    story.append(
        style.table(
            ["Ontwikkeldoel", "Status", "Voortgang"],
            [["", "", ""] for _ in range(4)],
            [0.42, 0.13, 0.45],
            row_height=9 * mm,
        )
    )
    story += _sections()
    story.append(style.heading("Volgend gesprek"))
    story.append(
        style.text(
            "In de eerste twee jaar van het dienstverband uiterlijk 6 maanden na dit gesprek; "
            "daarna uiterlijk 12 maanden na dit gesprek.",
            "hint",
        )
    )
    story.append(style.blank_fields(["Afgesproken datum volgend gesprek"]))
    story += _signatures(register, None)
    return page.render(
        story, title=TITLE, subject="Voortgangsgesprek (leeg formulier)", settings=register.settings
    )


def _placement_facts(
    register: Register, placement: Placement, on: dt.date
) -> list[tuple[str, str]]:
    person = register.person(placement.person_id)
    previous = last_review(register, placement, on)
    due = next_review_due(register, placement, on)
    due_text = short_date(due) if due else "nog niet van toepassing"
    if due and due < on:
        due_text += " (te laat)"
    return [
        ("Werknemer", person.full_name if person else "onbekend"),
        ("Zaaknummer", person.case_number if person else ""),
        ("Werkgever", employer_name(register, placement.employer_id)),
        ("Begeleider", coach_name(register, placement)),
        ("Functie", placement.job_title or "niet vastgelegd"),
        ("Contract", contract_text(placement)),
        ("Uren per week", hours(placement.hours_per_week) or "niet vastgelegd"),
        ("In dienst sinds", short_date(employment_start(register, placement)) or "nog niet"),
        (
            "Ontwikkelplan opgesteld",
            short_date(employment_plan_date(register, placement)) or "nog niet",
        ),
        ("Vorig gesprek", short_date(previous.review_date) if previous else "nog geen"),
        ("Dit gesprek uiterlijk op", due_text),
    ]


def not_running_text(placement: Placement, on: dt.date) -> str:
    """Why a form is for a placement that does not run on the date ('' when it runs)."""
    when = short_date(on)
    if placement.offer_status == "refused":
        return f"Let op: het aanbod voor deze plaatsing is geweigerd; er loopt op {when} geen dienstverband."
    if placement.offer_status == "offered":
        return f"Let op: het aanbod voor deze plaatsing is op {when} nog niet beantwoord."
    if placement.start_date is None or placement.start_date > on:
        start = short_date(placement.start_date) or "onbekend"
        return f"Let op: deze plaatsing is op {when} nog niet begonnen (start {start})."
    if placement.end_date is not None and placement.end_date < on:
        return f"Let op: deze plaatsing is beëindigd op {short_date(placement.end_date)}."
    return ""


def employment_plan_date(register: Register, placement: Placement) -> dt.date | None:
    """The latest development plan of the whole employment (a renewal keeps the plan)."""
    dates = [p.development_plan_date for p in employment_chain(register, placement)]
    known = [d for d in dates if d is not None]
    return max(known) if known else None


def _date_and_participants() -> list[Flowable]:
    return [
        Spacer(1, 4),
        style.blank_fields(["Datum van dit gesprek"], columns=2),
        style.blank_fields(["Aanwezig (naam en functie)"], columns=1),
    ]


def _goals(register: Register, placement: Placement) -> list[Flowable]:
    goals = register.goals_of(placement.id)
    rows: list[list[object]] = [[g.goal, value_label("goal_status", g.status), ""] for g in goals]
    height = None
    if not rows:
        rows, height = [["", "", ""] for _ in range(3)], 9 * mm
    return [
        style.heading("Ontwikkeldoelen uit het ontwikkelplan"),
        style.table(
            ["Ontwikkeldoel", "Status", "Voortgang"], rows, [0.42, 0.13, 0.45], row_height=height
        ),
    ]


def _section(field: str, lines: int) -> Flowable:
    return KeepTogether(
        [
            style.text(label(field), "h2"),
            style.text(HINTS[field], "hint"),
            style.WritingLines(lines),
        ]
    )


def _sections() -> list[Flowable]:
    story: list[Flowable] = [
        style.heading("Deel 1 — Functioneren, situatie en perspectief"),
        style.text(
            "Besproken tussen werkgever en werknemer; de voortgang van het "
            "ontwikkelplan wordt met de gemeente besproken.",
            "hint",
        ),
    ]
    story += [_section(field, SUBJECT_LINES) for field in REVIEW_SUBJECTS]
    story += [
        style.heading("Deel 2 — Terugkoppeling over de begeleiding"),
        style.text(
            "Over het resultaat van de begeleiding. Duidelijke verslaglegging is een vereiste.",
            "hint",
        ),
    ]
    story += [_section(field, TOPIC_LINES) for field in COACHING_TOPICS]
    story += [style.heading("Afspraken"), style.WritingLines(4)]
    return story


def _next_review(register: Register, placement: Placement, on: dt.date) -> list[Flowable]:
    """When the next review is due if this one is held on the print date (R18's own rule)."""
    story: list[Flowable] = [style.heading("Volgend gesprek")]
    if placement.start_date is None:
        story.append(style.text("De plaatsing is nog niet begonnen.", "hint"))
    else:
        held = Review(id=-1, placement_id=placement.id, review_date=on)
        if_held = dataclasses.replace(register, reviews=[*register.reviews, held])
        due = next_review_due(if_held, placement, on)
        story.append(
            style.text(
                f"Wordt dit gesprek gehouden op {long_date(on)}, dan is het volgende gesprek "
                f"uiterlijk op {long_date(due)}.",
                "body",
            )
        )
    story.append(style.blank_fields(["Afgesproken datum volgend gesprek"]))
    return story


def _signatures(register: Register, placement: Placement | None) -> list[Flowable]:
    person = register.person(placement.person_id) if placement else None
    coach = register.coach(placement.coach_id) if placement and placement.coach_id else None
    return [
        KeepTogether(
            [
                style.text("Ondertekening", "h1"),
                style.signature_block(
                    [
                        ("Werknemer", person.full_name if person else ""),
                        ("Werkgever / begeleider", coach.name if coach else ""),
                        ("Consulent gemeente", register.settings.consultant_name),
                    ]
                ),
            ]
        )
    ]
