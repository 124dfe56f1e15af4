"""Employer conditions and contract check: the checklist the consultant goes through with an
employer (R12, R13, R15, R16, R17), ticked from the register, with what is still open.

For the whole employer (every placement active on the date, or starting later) or for one
placement. Persons appear by case number and initials: the employer knows who is meant,
and the paper may lie on a desk.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, KeepTogether, Spacer

from beschut_desktop.documents import page, style
from beschut_desktop.documents.common import (
    CHECK_HEADER,
    CHECK_WIDTHS,
    check_rows,
    coach_name,
    contract_text,
    period,
    person_ref,
)
from beschut_desktop.errors import UserError
from beschut_desktop.formatting import long_date, short_date
from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.conditions import employer_conditions, placement_conditions
from beschut_desktop.rules.contract import check_contract
from beschut_desktop.rules.model import Employer, Placement, Register
from beschut_desktop.rules.results import CheckItem
from beschut_desktop.wording import value_label

TITLE = "Voorwaarden werkgever en contractcontrole"


def build_employer_report(
    register: Register, employer_id: int, on: dt.date, placement_id: int | None = None
) -> bytes:
    """The checklist of an employer on ``on``; with ``placement_id`` only that placement.
    Built from the register as it stood on ``on``."""
    register = known_on(register, on)
    employer = register.employer(employer_id)
    if employer is None:
        raise UserError(f"Werkgever {employer_id} bestaat niet in dit register.")
    if placement_id is not None:
        placement = register.placement(placement_id)
        if placement is None or placement.employer_id != employer_id:
            raise UserError(f"Plaatsing {placement_id} hoort niet bij {employer.name}.")
        placements = [placement]
    else:
        placements = placements_to_check(register, employer_id, on)
    story: list[Flowable] = []
    story += style.title_block(TITLE, f"{employer.name} — stand op {long_date(on)}")
    story += _employer_facts(employer)
    story.append(Spacer(1, 3))
    story.append(
        style.text(
            f"{style.TICK_YES} voldaan    {style.TICK_NO} niet voldaan    "
            f"{style.TICK_OPEN} nog niet beoordeeld of loopt nog",
            "small",
        )
    )
    open_items: list[tuple[str, CheckItem]] = []
    if placement_id is None:
        section, still_open = _employer_section(register, employer, on)
        story += section
        open_items += still_open
    if not placements:
        story.append(style.heading("Plaatsingen"))
        story.append(
            style.text(
                f"Geen lopende of komende plaatsing bij {employer.name} op {long_date(on)}.", "hint"
            )
        )
    for placement in placements:
        section, still_open = _placement_section(
            register, placement, on, whole_employer=placement_id is None
        )
        story += section
        open_items += still_open
    story += _open_items(open_items)
    return page.render(
        story,
        title=f"{TITLE} — {employer.name}",
        subject=f"Voorwaarden en contractcontrole {employer.name}",
        settings=register.settings,
    )


def placements_to_check(register: Register, employer_id: int, on: dt.date) -> list[Placement]:
    """Placements at the employer active on the date, or accepted or offered to start later."""
    found = [
        p
        for p in register.placements
        if p.employer_id == employer_id
        and p.offer_status != "refused"
        and (p.is_active_on(on) or p.start_date is None or p.start_date > on)
    ]
    return sorted(found, key=lambda p: (p.start_date or dt.date.max, p.id))


def _employer_facts(employer: Employer) -> list[Flowable]:
    cao = value_label("cao", employer.cao)
    if employer.cao_name:
        cao += f" ({employer.cao_name})"
    if employer.cao == "sector":
        cao += "; gunstiger dan Cao Aan de Slag: " + style.yes_no(
            employer.sector_cao_more_favourable
        )
    pairs: list[tuple[str, object]] = [
        ("Soort werkgever", value_label("employer_kind", employer.kind)),
        ("Categorie", value_label("employer_category", employer.category)),
        ("KvK-nummer", employer.kvk_number or "niet vastgelegd"),
        ("Cao", cao),
        ("Contactpersoon", employer.contact_name or "niet vastgelegd"),
        (
            "Telefoon en e-mail",
            " — ".join(x for x in (employer.phone, employer.email) if x) or "niet vastgelegd",
        ),
    ]
    if employer.transitional_arrangement:
        pairs.append(("Overgangsregeling", employer.transitional_arrangement))
    return [style.heading("Werkgever"), style.facts(pairs, label_width=0.25)]


def _employer_section(
    register: Register, employer: Employer, on: dt.date
) -> tuple[list[Flowable], list[tuple[str, CheckItem]]]:
    """R13 and R17 for the employer as a whole, and R15 coach by coach."""
    conditions = employer_conditions(register, employer.id, on)
    coach_names = {c.name for c in register.coaches_at(employer.id)}
    general = [i for i in conditions.items if i.rule in ("R13", "R17")]
    story: list[Flowable] = [
        style.heading("Cao en maatwerkafspraken"),
        style.table(CHECK_HEADER, check_rows(general, with_subject=True), CHECK_WIDTHS),
        style.heading("Interne begeleiders"),
    ]
    by_coach: dict[str, list[CheckItem]] = {}
    for item in conditions.items:
        if item.rule == "R15" and item.subject in coach_names:
            by_coach.setdefault(item.subject, []).append(item)
    if not by_coach:
        story.append(
            style.text(f"Bij {employer.name} is nog geen interne begeleider vastgelegd.", "hint")
        )
    for name, items in by_coach.items():
        met = sum(i.met is True for i in items)
        story.append(
            KeepTogether(
                [
                    style.text(f"{name} — {met} van {len(items)} criteria voldaan", "h2"),
                    style.table(CHECK_HEADER, check_rows(items), CHECK_WIDTHS),
                ]
            )
        )
    still_open = [(i.subject or employer.name, i) for i in general if i.met is not True]
    still_open += [
        (name, i) for name, items in by_coach.items() for i in items if i.met is not True
    ]
    return story, still_open


def _placement_section(
    register: Register, placement: Placement, on: dt.date, *, whole_employer: bool
) -> tuple[list[Flowable], list[tuple[str, CheckItem]]]:
    """R12 (and R13), R16, R17 for one placement; its coach's R15 items unless the whole
    employer is printed, where each coach has a section of its own."""
    person = register.person(placement.person_id)
    who = person_ref(person)
    contract = check_contract(register, placement, on)
    conditions = placement_conditions(register, placement, on)
    coach = register.coach(placement.coach_id) if placement.coach_id else None
    items = [i for i in contract.items if not (whole_employer and i.rule == "R13")]
    coach_items = [
        i for i in conditions.items if coach and i.rule == "R15" and i.subject == coach.name
    ]
    if whole_employer:
        # Tailored agreements are listed once, under the employer, with whom they concern.
        items += [i for i in conditions.items if i not in coach_items and i.rule != "R17"]
    else:
        items += conditions.items
    coach_text = coach_name(register, placement)
    if coach and coach_items:
        met = sum(i.met is True for i in coach_items)
        coach_text += f" ({met} van {len(coach_items)} criteria voldaan)"
    story: list[Flowable] = [
        style.heading(f"Plaatsing {who} — {placement.job_title or 'functie onbekend'}"),
        style.facts(
            [
                ("Contract", contract_text(placement)),
                ("Begeleider", coach_text),
                ("Aanbod", value_label("offer_status", placement.offer_status)),
            ],
            label_width=0.25,
        ),
    ]
    if contract.needs_tailored_agreement:
        story.append(
            style.notice(
                "Deze plaatsing is beschikt vóór de voorwaarden van de beleidsregel golden en voldoet "
                "er nog niet aan: hiervoor is een maatwerkafspraak met de werkgever nodig.",
                "warn",
            )
        )
    elif contract.breach:
        story.append(
            style.notice(
                "Deze plaatsing voldoet niet aan de contractvoorwaarden en er is geen lopende "
                "maatwerkafspraak die dat dekt.",
                "warn",
            )
        )
    story.append(style.table(CHECK_HEADER, check_rows(items), CHECK_WIDTHS))
    reference = f"{who} ({period(placement)})"
    return story, [(reference, item) for item in items if item.met is not True]


def _open_items(items: list[tuple[str, CheckItem]]) -> list[Flowable]:
    story: list[Flowable] = [style.heading("Open punten en termijnen")]
    if not items:
        story.append(style.text("Alle voorwaarden zijn voldaan.", "body"))
        return story
    ordered = sorted(items, key=lambda x: (x[1].deadline or dt.date.max, x[1].rule))
    rows = [
        [short_date(item.deadline) or "—", item.rule, where, item.label, item.reason]
        for where, item in ordered
    ]
    story.append(
        style.table(
            ["Uiterlijk", "Regel", "Betreft", "Voorwaarde", "Wat ontbreekt"],
            rows,
            [0.11, 0.07, 0.22, 0.30, 0.30],
        )
    )
    return story
