"""Small wordings several documents share: how a person, a placement and a contract read."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Paragraph

from beschut_desktop.documents import style
from beschut_desktop.formatting import hours, long_date, number, short_date
from beschut_desktop.rules.model import Person, Placement, Register
from beschut_desktop.rules.quota import unknown_text
from beschut_desktop.rules.results import CheckItem, QueueEntry, QuotaStatus
from beschut_desktop.wording import value_label

INTERNAL_NOTICE = (
    "Met namen: alleen voor intern gebruik. Niet meegeven, mailen of buiten de afdeling "
    "bewaren; druk voor elders de lijst zonder namen af."
)


def person_ref(person: Person | None, with_names: bool = False) -> str:
    """Case number and initials: how a person appears where the BSN and name do not belong.
    ``with_names``: case number and full name, for a list that stays inside."""
    if person is None:
        return "onbekend"
    return f"{person.case_number} {person.full_name if with_names else person.initials}"


def employer_name(register: Register, employer_id: int | None) -> str:
    employer = register.employer(employer_id) if employer_id is not None else None
    return employer.name if employer else "onbekende werkgever"


def coach_name(register: Register, placement: Placement) -> str:
    coach = register.coach(placement.coach_id) if placement.coach_id else None
    return coach.name if coach else "geen begeleider vastgelegd"


def period(placement: Placement) -> str:
    """'1-3-2022 t/m 28-2-2023', 'vanaf 1-3-2022', or 'nog niet begonnen'."""
    if placement.start_date is None:
        return "nog niet begonnen"
    if placement.end_date is None:
        return f"vanaf {short_date(placement.start_date)}"
    return f"{short_date(placement.start_date)} t/m {short_date(placement.end_date)}"


def contract_text(placement: Placement) -> str:
    kind = value_label("contract_type", placement.contract_type)
    text = f"{kind}, {period(placement)}"
    if placement.hours_per_week is not None:
        text += f", {hours(placement.hours_per_week)} per week"
    return text


def placement_label(register: Register, placement: Placement) -> str:
    """'Reestmond, 1-3-2022 t/m 28-2-2023': which contract is meant, without the person."""
    return f"{employer_name(register, placement.employer_id)}, {period(placement)}"


def month_label(year: int, month: int) -> str:
    """'september 2022', in the same Dutch wording as every other date."""
    return long_date(dt.date(year, month, 1)).split(" ", 1)[1]


def check_rows(items: list[CheckItem], *, with_subject: bool = False) -> list[list[object]]:
    """Rows of a checklist table: tick, rule, requirement, remark (with its deadline).

    ``with_subject`` names whom an item concerns (a case number, a coach) before the label.
    """
    rows: list[list[object]] = []
    for item in items:
        remark = item.reason
        if item.deadline and short_date(item.deadline) not in remark:
            remark = (
                f"{remark}; uiterlijk {short_date(item.deadline)}"
                if remark
                else f"Uiterlijk {short_date(item.deadline)}"
            )
        requirement = (
            f"{item.subject}: {item.label}" if with_subject and item.subject else item.label
        )
        rows.append([tick_cell(item.met), item.rule, requirement, remark])
    return rows


def tick_cell(met: bool | None) -> Paragraph:
    colour = {True: style.OK, False: style.WARN, None: style.MUTED}[met]
    return style.rich(f'<font color="{colour.hexval()}" size="11">{style.tick(met)}</font>', "cell")


CHECK_HEADER = ["", "Regel", "Voorwaarde", "Toelichting"]
CHECK_WIDTHS = [0.05, 0.08, 0.42, 0.45]


def queue_count(entries: list[QueueEntry], wanted: str, status: QuotaStatus) -> str:
    """How many in the queue have this status; in a year without a quota: unknown, said."""
    if status.quota is None:
        return unknown_text(status.year)
    return number(sum(e.status == wanted for e in entries))
