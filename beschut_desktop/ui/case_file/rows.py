"""Rows the lists show: a placement with its status and contract check, a person with their
place in the queue. Computed once per refresh from the register and the as-of date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from beschut_desktop import formatting
from beschut_desktop.rules import contract
from beschut_desktop.rules import reviews as review_rules
from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.indication import standing_indication
from beschut_desktop.rules.model import Employer, Person, Placement, Register
from beschut_desktop.rules.quota import STATUS_LABELS, queue
from beschut_desktop.rules.results import ContractCheck
from beschut_desktop.ui.case_file.ruling import try_rule
from beschut_desktop.ui.table_model import RIGHT, Column
from beschut_desktop.wording import value_label


def placement_status(placement: Placement, on: dt.date) -> str:
    """One Dutch word or two for where a contract stands on the date."""
    if placement.offer_status == "offered":
        return "Aangeboden"
    if placement.offer_status == "refused":
        return "Geweigerd"
    if placement.start_date and placement.start_date > on:
        return f"Start {formatting.short_date(placement.start_date)}"
    if placement.is_active_on(on):
        return "Loopt"
    if placement.outcome:
        return value_label("placement_outcome", placement.outcome)
    return "Afgelopen, vervolg onbekend"


@dataclass(frozen=True)
class PlacementRow:
    id: int
    placement: Placement
    person: Person | None
    employer: Employer | None
    status: str
    check: ContractCheck | None
    check_text: str  # "✓" or the reason(s)
    next_review: dt.date | None
    review_overdue: bool = False

    @property
    def active(self) -> bool:
        return self.status == "Loopt"


def check_text(check: ContractCheck | None, reason: str) -> str:
    """ "✓", or the reasons, with how R17 stands for a contract that misses the conditions."""
    if check is None:
        return reason
    failing = [i for i in check.items if i.met is False]
    if not failing:
        unknown = [i for i in check.items if i.met is None]
        return "✓" if not unknown else "? " + "; ".join(i.reason or i.label for i in unknown)
    text = "; ".join(f"{i.rule}: {i.reason or i.label}" for i in failing)
    if check.tailored_agreement_id is not None:
        text += " (maatwerkafspraak, R17)"
    elif check.needs_tailored_agreement:
        text += " (maatwerkafspraak nodig, R17)"
    return text


def placement_row(register: Register, placement: Placement, on: dt.date) -> PlacementRow:
    check, reason = try_rule(contract.check_contract, register, placement, on)
    status = placement_status(placement, on)
    due = None
    if status == "Loopt":
        due, _ = try_rule(review_rules.next_review_due, register, placement, on)
    return PlacementRow(
        id=placement.id,
        placement=placement,
        person=register.person(placement.person_id),
        employer=register.employer(placement.employer_id),
        status=status,
        check=check,
        check_text=check_text(check, reason),
        next_review=due,
        review_overdue=due is not None and due < on,
    )


def clicked_column(table: Any) -> str:
    """The key of the column the user double-clicked (or pressed Enter on) in a
    ``RecordTable``, so a page can open on the tab that fits what was clicked."""
    column = table.view.currentIndex().column()
    columns = table.model.columns
    return columns[column].key if 0 <= column < len(columns) else ""


PERSON_STATUS_TABS = {
    "Aanvraag": "indication",
    "Te plaatsen": "placements",
    "Wachtlijst": "interim",
    "Geplaatst": "placements",
    "Andere voorziening": "interim",
    "Geen indicatie": "indication",
    "Indicatie beëindigd": "indication",
}
PERSON_COLUMN_TABS = {
    "position": "indication",
    "determination_date": "indication",
    "employer": "placements",
    "hours": "placements",
    "interim": "interim",
    "registered_on": "details",
}


def person_tab(status: str, column: str = "") -> str:
    """The case-file tab for a person clicked in a list: the tab of the column's subject
    (the employer: placements), else the tab where the person's state is settled (an
    application: the indication; waiting: the interim provision)."""
    return PERSON_COLUMN_TABS.get(column) or PERSON_STATUS_TABS.get(status, "details")


def placement_tab(column: str) -> str:
    """The case-file tab for a placement clicked in a list: its reviews from the review
    column, else the placements."""
    return "reviews" if column == "review" else "placements"


def placement_rows(
    register: Register, placements: list[Placement], on: dt.date
) -> list[PlacementRow]:
    """The placements as they stood on the date: one offered after it is not listed, an
    answer or outcome recorded after it not yet shown (as of means as of)."""
    then = known_on(register, on)
    kept = (then.placement(p.id) for p in placements)
    return [placement_row(then, p, on) for p in kept if p is not None]


def _check_tone(row: PlacementRow) -> str | None:
    if row.check is None:
        return "muted"
    if row.check_text == "✓":
        return "good"
    return "bad" if row.check.breach or row.check.needs_tailored_agreement else "warning"


OVERDUE_TEXT = "Te laat: deze datum is op de peildatum verstreken"


def overdue(
    column: Column,
    on_of: Callable[[], dt.date],
    day: Callable[[Any], dt.date | None],
    still_open: Callable[[Any], bool] = lambda _row: True,
) -> Column:
    """The column with its date red (and a tooltip saying so) once the date has passed on the
    as-of date while the matter is still open: every list marks overdue dates alike."""

    def late(row: Any) -> bool:
        found = day(row)
        return found is not None and found < on_of() and still_open(row)

    return replace(
        column,
        tone=lambda row: "bad" if late(row) else None,
        tooltip=lambda row: OVERDUE_TEXT if late(row) else "",
    )


def _date(value: dt.date | None) -> str:
    return formatting.short_date(value)


PLACEMENT_COLUMNS = {
    "person": Column(
        "person",
        "Persoon",
        lambda r: f"{r.person.case_number} {r.person.full_name}" if r.person else "",
        lambda r: r.person.case_number if r.person else None,
        width=210,
        search=lambda r: r.person.bsn if r.person else "",
    ),
    "employer": Column(
        "employer",
        "Werkgever",
        lambda r: r.employer.name if r.employer else "",
        lambda r: r.employer.name if r.employer else None,
        width=190,
        search=lambda r: r.employer.kvk_number or "" if r.employer else "",
    ),
    "job": Column(
        "job",
        "Functie",
        lambda r: r.placement.job_title or "",
        lambda r: r.placement.job_title,
        width=150,
    ),
    "start": Column(
        "start",
        "Start",
        lambda r: _date(r.placement.start_date),
        lambda r: r.placement.start_date,
        width=85,
    ),
    "end": Column(
        "end",
        "Einde",
        lambda r: (
            _date(r.placement.end_date)
            or ("vast" if r.placement.contract_type == "permanent" else "")
        ),
        lambda r: r.placement.end_date,
        width=85,
        tone=lambda r: "bad" if r.status.startswith("Afgelopen") else None,
        tooltip=lambda r: (
            "Het contract is afgelopen zonder vervolg (R20)"
            if r.status.startswith("Afgelopen")
            else ""
        ),
    ),
    "hours": Column(
        "hours",
        "Uren",
        lambda r: formatting.number(r.placement.hours_per_week),
        lambda r: r.placement.hours_per_week,
        align=RIGHT,
        width=55,
    ),
    "status": Column(
        "status",
        "Status",
        width=110,
        tone=lambda r: "warning" if r.status.startswith("Afgelopen") else None,
    ),
    "check": Column(
        "check",
        "Contract (R12, R13)",
        lambda r: r.check_text,
        lambda r: (r.check_text != "✓", r.check_text),
        tone=_check_tone,
        tooltip=lambda r: r.check_text,
        width=200,
    ),
    "review": Column(
        "review",
        "Volgend gesprek",
        lambda r: _date(r.next_review),
        lambda r: r.next_review,
        width=110,
        tone=lambda r: "bad" if r.review_overdue else None,
        tooltip=lambda r: OVERDUE_TEXT if r.review_overdue else "",
    ),
}


@dataclass(frozen=True)
class PersonRow:
    id: int
    person: Person
    status: str  # Dutch
    position: int | None
    determination_date: dt.date | None
    employer: str
    hours: float | None
    interim: str


def person_rows(register: Register, on: dt.date) -> list[PersonRow]:
    """Every person registered on the date, with their state then: placed, te plaatsen,
    wachtlijst, … (from the register as it stood on the date)."""
    register = known_on(register, on)
    in_queue = {e.person.id: e for e in queue(register, on)}
    rows = []
    for person in register.persons:
        if person.registered_on > on:
            continue
        entry = in_queue.get(person.id)
        indication = standing_indication(register, person.id, on)
        active = [p for p in register.placements_of(person.id) if p.is_active_on(on)]
        employer = register.employer(active[-1].employer_id) if active else None
        if entry is not None:
            status = STATUS_LABELS[entry.status]
        elif active:
            status = "Geplaatst"
        elif indication is not None:
            status = "Andere voorziening"
        elif any(d.outcome == "negative" for d in register.decisions_of(person.id)):
            status = "Geen indicatie"
        elif register.decisions_of(person.id):
            status = "Indicatie beëindigd"
        else:
            status = "Aanvraag"
        interim = entry.interim_provision if entry else None
        rows.append(
            PersonRow(
                id=person.id,
                person=person,
                status=status,
                position=entry.position if entry else None,
                determination_date=indication.determination_date if indication else None,
                employer=employer.name if employer else "",
                hours=sum(p.hours_per_week or 0 for p in active) if active else None,
                interim=value_label("interim_kind", interim.kind) if interim else "",
            )
        )
    return rows
