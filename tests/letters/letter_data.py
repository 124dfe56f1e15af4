"""A small register for the letters, written through ``Store.insert`` like a user would, and
a reader that gives back all text of a .docx (body, tables, footer) with python-docx."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from docx import Document

from beschut_desktop.store.store import Store

ON = dt.date(2022, 9, 6)
BSN = "111222333"
BSN_WAITING = "123456782"


@dataclass
class LetterCase:
    path: Path
    person_id: int
    waiting_id: int
    employer_id: int
    placement_id: int
    decision_id: int


def fill_letter_case(store: Store, path: Path) -> LetterCase:
    with store.atomic():
        store.save_settings(
            {
                "consultant_name": "Marieke Brink",
                "municipality_address": "Postbus 2",
                "municipality_postal_city": "7950 AA  Staphorst",
                "municipality_phone": "0522-467400",
                "signatory_name": "J. de Wethouder",
                "signatory_function": "Teamleider Werk",
            }
        )
        store.insert(
            "minimum_wage_periods",
            {"start_date": "2021-07-01", "amount_cents": 170100, "unit": "month"},
        )
        employer_id = store.insert(
            "employers",
            {
                "name": "Bakkerij Schuurman & Zn",
                "kind": "private",
                "kvk_number": "61234567",
                "contact_name": "H. Schuurman",
                "address": "Dorpsstraat 1",
                "postal_code": "7951 AA",
                "city": "Staphorst",
            },
        )
        coach_id = store.insert("coaches", {"employer_id": employer_id, "name": "Joëlle de Boer"})
        person_id = store.insert(
            "persons",
            {
                "bsn": BSN,
                "first_name": "Łukasz",
                "last_name": "Kowalczyk",
                "registered_on": "2021-01-15",
                "address": "Gemeenteweg 12",
                "postal_code": "7951 AB",
                "city": "Staphorst",
            },
        )
        advice_id = store.insert(
            "uwv_advices",
            {
                "person_id": person_id,
                "requested_by": "municipality",
                "request_date": "2021-02-01",
                "advice_date": "2021-03-15",
                "ground_supervision": True,
                "outcome": "positive",
            },
        )
        decision_id = store.insert(
            "decisions",
            {
                "person_id": person_id,
                "advice_id": advice_id,
                "decision_date": "2021-04-01",
                "outcome": "positive",
                "eligibility_basis": "target_group",
            },
        )
        placement_id = store.insert(
            "placements",
            {
                "person_id": person_id,
                "employer_id": employer_id,
                "coach_id": coach_id,
                "offer_date": "2022-01-10",
                "offer_motivation": "Vaste structuur en een rustige werkplek passen bij Łukasz.",
                "offer_status": "accepted",
                "support_pace": True,
                "job_title": "Hulpbakker",
                "job_description": "Deeg afwegen, ovens vullen",
                "start_date": "2022-02-01",
                "end_date": "2023-01-31",
                "hours_per_week": 24,
            },
        )
        store.insert(
            "wage_value_assessments",
            {
                "placement_id": placement_id,
                "assessment_date": "2022-05-16",
                "wage_value_percentage": 50,
            },
        )
        waiting_id = store.insert(
            "persons",
            {
                "bsn": BSN_WAITING,
                "first_name": "Zoë",
                "last_name": "Hoekstra",
                "registered_on": "2022-01-15",
            },
        )
        store.insert(
            "decisions",
            {"person_id": waiting_id, "decision_date": "2022-06-01", "outcome": "positive"},
        )
    return LetterCase(path, person_id, waiting_id, employer_id, placement_id, decision_id)


def docx_text(data: bytes) -> str:
    """Every paragraph of the body, the table cells and the footers, one per line."""
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    for section in document.sections:
        lines.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(lines)


def squash(text: str) -> str:
    return " ".join(text.split())
