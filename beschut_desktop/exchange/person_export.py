"""A data request (AVG art. 15): everything the register holds about one person, as xlsx.

One sheet per kind of record (advice, decisions, placements and what hangs from them, reviews,
objections, notes) and the change history, in the program's own Dutch words. Removal on
request (art. 17) is ``Store.remove_person``; this export is what to hand over before that.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from beschut_desktop.errors import UserError
from beschut_desktop.exchange.workbook import new_workbook, save, table_sheet, text_sheet
from beschut_desktop.formatting import short_date
from beschut_desktop.rules.model import Placement, Register
from beschut_desktop.store.audit import READ_KINDS, trail
from beschut_desktop.store.store import Store
from beschut_desktop.wording import (
    AUDIT_ACTIONS,
    TABLE_LABELS,
    audit_changes,
    label,
    value_group,
    value_label,
)

# Internal numbers that say nothing to the person; the record they point at is named instead.
HIDDEN = {
    "id",
    "person_id",
    "advice_id",
    "decision_id",
    "previous_placement_id",
    "coach_id",
    "employer_id",
}
SHEET_TITLES = {
    "uwv_advices": "Advies UWV",
    "decisions": "Beschikkingen",
    "indication_checks": "Controles indicatie",
    "interim_provisions": "Voorzieningen tot start",
    "placements": "Plaatsingen",
    "development_goals": "Ontwikkeldoelen",
    "wage_value_assessments": "Loonwaardemetingen",
    "subsidy_periods": "Loonkostensubsidie",
    "reviews": "Voortgangsgesprekken",
    "tailored_agreements": "Maatwerkafspraken",
    "objections": "Bezwaar en beroep",
    "notes": "Notities",
}


def _value(table: str, name: str, value: object) -> object:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    group = value_group(table, name)
    if group and isinstance(value, str):
        return value_label(group, value)
    return value


def _placement_name(register: Register, placement: Placement | None) -> str:
    if placement is None:
        return ""
    employer = register.employer(placement.employer_id)
    start = short_date(placement.start_date) if placement.start_date else "nog niet gestart"
    return f"{employer.name if employer else '?'} vanaf {start}"


def _records_sheet(workbook, register: Register, table: str, records: list) -> None:
    if not records:
        return
    fields = [f.name for f in dataclasses.fields(records[0]) if f.name not in HIDDEN]
    lead: list[tuple[str, str, int]] = []
    if table == "placements":
        lead = [("Werkgever", "text", 30), ("Begeleider", "text", 20)]
    fields = [f for f in fields if f != "placement_id"]
    if any(hasattr(r, "placement_id") for r in records) and table != "placements":
        lead = [("Plaatsing", "text", 34)]
    columns = lead + [(label(f), "date" if _is_date(records, f) else "text", 18) for f in fields]
    rows = []
    for record in records:
        first: list[object] = []
        if table == "placements":
            employer = register.employer(record.employer_id)
            coach = register.coach(record.coach_id) if record.coach_id else None
            first = [employer.name if employer else "", coach.name if coach else ""]
        elif hasattr(record, "placement_id"):
            first = [_placement_name(register, register.placement(record.placement_id))]
        rows.append(first + [_value(table, f, getattr(record, f)) for f in fields])
    table_sheet(workbook, SHEET_TITLES[table], columns, rows)


def _is_date(records: list, name: str) -> bool:
    return any(isinstance(getattr(r, name), dt.date) for r in records)


def write_person_export(
    store: Store, person_id: int, target: Path, today: dt.date | None = None
) -> Path:
    """Everything about the person in one workbook at ``target`` (replaced atomically)."""
    register = store.load()
    person = register.person(person_id)
    if person is None:
        raise UserError(f"Persoon {person_id} bestaat niet (meer).")
    store.audit_read("person_export", person_id=person_id, subject=f"gegevens {person.case_number}")
    today = today or dt.date.today()
    workbook = new_workbook()
    text_sheet(
        workbook,
        "Over dit overzicht",
        [
            f"Gegevens van {person.full_name} ({person.case_number})",
            f"Overzicht van alle gegevens die het register van de gemeente "
            f"{register.settings.municipality_name} over deze persoon bevat, gemaakt op "
            f"{short_date(today)} op verzoek (artikel 15 AVG).",
            "Elk blad bevat één soort gegeven; het blad Wijzigingen toont wie wat wanneer heeft "
            "vastgelegd of gewijzigd, het blad Inzage wie de gegevens wanneer heeft ingezien "
            "of uitgevoerd (ook dit overzicht).",
        ],
    )
    table_sheet(
        workbook,
        "Persoon",
        [("Gegeven", "text", 24), ("Waarde", "text", 40)],
        [
            [label(f.name), getattr(person, f.name)]
            for f in dataclasses.fields(person)
            if f.name != "id"
        ]
        + [["Zaaknummer", person.case_number]],
    )
    placements = register.placements_of(person_id)
    placement_ids = {p.id for p in placements}
    by_person = {
        "uwv_advices": [a for a in register.uwv_advices if a.person_id == person_id],
        "decisions": register.decisions_of(person_id),
        "indication_checks": register.indication_checks_of(person_id),
        "interim_provisions": register.interim_provisions_of(person_id),
        "placements": placements,
    }
    by_placement = {
        "development_goals": register.development_goals,
        "wage_value_assessments": register.wage_value_assessments,
        "subsidy_periods": register.subsidy_periods,
        "reviews": register.reviews,
        "tailored_agreements": register.tailored_agreements,
    }
    for table, records in by_person.items():
        _records_sheet(workbook, register, table, records)
    for table, records in by_placement.items():
        _records_sheet(
            workbook, register, table, [r for r in records if r.placement_id in placement_ids]
        )
    _records_sheet(workbook, register, "objections", register.objections_of(person_id))
    _records_sheet(
        workbook,
        register,
        "notes",
        [n for n in register.notes if n.person_id == person_id or n.placement_id in placement_ids],
    )
    table_sheet(
        workbook,
        "Wijzigingen",
        [
            ("Tijdstip", "text", 20),
            ("Gebruiker", "text", 14),
            ("Handeling", "text", 12),
            ("Soort gegeven", "text", 22),
            ("Wijziging", "text", 90),
        ],
        (
            [
                entry["at"],
                entry["os_user"],
                AUDIT_ACTIONS.get(entry["action"], entry["action"]),
                TABLE_LABELS.get(entry["table_name"], entry["table_name"]),
                _changes(entry["table_name"], entry["action"], entry["changes"]),
            ]
            for entry in store.history(person_id=person_id)
        ),
    )
    table_sheet(
        workbook,
        "Inzage",
        [
            ("Tijdstip", "text", 20),
            ("Gebruiker", "text", 14),
            ("Wat", "text", 34),
            ("Onderwerp", "text", 50),
        ],
        (
            [
                entry["at"],
                entry["os_user"],
                READ_KINDS.get(entry["table_name"], entry["table_name"]),
                json.loads(entry["changes"] or "{}").get("onderwerp", ""),
            ]
            for entry in trail(store.conn, person_id=person_id, reads=True)
        ),
    )
    return save(workbook, target)


def _changes(table: str, action: str, raw: str | None) -> str:
    if not raw:
        return ""
    try:
        changes = json.loads(raw)
    except ValueError:
        return raw
    return "; ".join(audit_changes(table, action, changes))
