"""Helpers for the window tests about documents and data requests: a stand-in printer and
viewer, the text of a PDF, a save dialog that answers a path, and a placed person."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMenu, QPushButton

from beschut_desktop.actions import cases, placements
from beschut_desktop.ui import file_dialogs
from beschut_desktop.ui.document_actions import find_action

D = dt.date
CONTRACT_END = D(2024, 1, 31)


class Printed:
    """Stands in for the printer and the PDF viewer: keeps every document handed to them."""

    def __init__(self) -> None:
        self.printed: list[tuple[bytes, str]] = []
        self.viewed: list[tuple[bytes, str]] = []

    def print_pdf(self, parent, pdf_bytes: bytes, title: str) -> bool:
        self.printed.append((pdf_bytes, title))
        return True

    def open_in_viewer(self, pdf_bytes: bytes, name: str) -> Path:
        self.viewed.append((pdf_bytes, name))
        return Path(name)


def pdf_text(pdf: bytes) -> str:
    """All text of a PDF with whitespace folded (a table cell's line break does not matter)."""
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The save dialog answers ``path``; returns the names it suggested."""
    suggested: list[str] = []

    def choose(_parent, _title, start, file_filter=""):
        suggested.append(str(start))
        return str(path)

    monkeypatch.setattr(file_dialogs, "save_file_name", choose)
    return suggested


def choose(button: QPushButton, text: str) -> None:
    """Pick an entry of a menu button, as a click on the button and then the entry would."""
    menu = button.menu()
    assert isinstance(menu, QMenu), f"{button.text()} has no menu"
    assert button.isEnabled(), f"{button.text()} is disabled"
    find_action(menu, text).trigger()


def indicated(store, *, first: str, last: str, bsn: str) -> int:
    """A person with a positive decision on UWV's advice (in the queue); the person's id."""
    person_id, advice_id = cases.new_request(
        store,
        person={"bsn": bsn, "first_name": first, "last_name": last},
        requested_by="person",
        request_date=D(2022, 1, 10),
    )
    cases.record_advice(
        store,
        advice_id,
        advice_date=D(2022, 2, 1),
        outcome="positive",
        ground_adaptations=True,
        ground_supervision=False,
    )
    cases.record_decision(
        store,
        person_id,
        decision_date=D(2022, 3, 1),
        outcome="positive",
        advice_id=advice_id,
        eligibility_basis="WIA",
    )
    return person_id


def placed(
    store,
    *,
    first: str = "Jan",
    last: str = "Jansen",
    bsn: str = "111222333",
    employer: str = "Bakkerij Van der Veen",
    hours: float = 24.0,
    end: dt.date = CONTRACT_END,
) -> tuple[int, int, int]:
    """A person with an indication and an accepted placement; (person, employer, placement)."""
    person_id = indicated(store, first=first, last=last, bsn=bsn)
    found = [e for e in store.load().employers if e.name == employer]
    employer_id = (
        found[0].id
        if found
        else store.insert(
            "employers",
            {
                "name": employer,
                "kind": "private",
                "cao": "sector",
                "cao_name": "Cao Bakkersbedrijf",
                "sector_cao_more_favourable": True,
            },
        )
    )
    placement_id = placements.offer_placement(
        store,
        person_id,
        {
            "employer_id": employer_id,
            "offer_date": D(2023, 1, 10),
            "offer_motivation": "Past bij zijn wens om met brood te werken.",
            "start_date": D(2023, 2, 1),
            "end_date": end,
            "hours_per_week": hours,
            "job_title": "Inpakker",
        },
    )
    placements.answer_offer(store, placement_id, accepted=True)
    return person_id, employer_id, placement_id
