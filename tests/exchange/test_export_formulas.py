"""Exports are safe to open: text that starts like a formula is written as text, never as a
live formula — in the register export and in the AVG export of one person, which also says who
read the person's data."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from exchange_helpers import BSN_A, TODAY
from openpyxl import load_workbook

from beschut_desktop.exchange.export import write_register
from beschut_desktop.exchange.importer import apply_plan, plan_import
from beschut_desktop.exchange.person_export import write_person_export
from beschut_desktop.store.store import Store

HOSTILE_NAMES = ['=HYPERLINK("http://x.invalid","klik")', "+31 6 1234", "-2+3", "@SUM(A1)"]


def formulas_in(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as archive:
        return [
            archive.read(name)
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and b"<f>" in archive.read(name)
        ]


def cells_of(path: Path) -> list[tuple]:
    workbook = load_workbook(path)
    try:
        return [
            (cell.value, cell.data_type, cell.quotePrefix)
            for sheet in workbook
            for row in sheet.iter_rows()
            for cell in row
            if isinstance(cell.value, str) and cell.value in HOSTILE_NAMES
        ]
    finally:
        workbook.close()


@pytest.fixture
def hostile_store(tmp_path):
    with Store.open(tmp_path / "register.db", today=TODAY) as store:
        person = store.insert(
            "persons",
            {
                "bsn": BSN_A,
                "first_name": HOSTILE_NAMES[0],
                "last_name": HOSTILE_NAMES[1],
                "registered_on": TODAY,
            },
        )
        employer = store.insert("employers", {"name": HOSTILE_NAMES[2], "kind": "private"})
        store.insert(
            "placements", {"person_id": person, "employer_id": employer, "start_date": TODAY}
        )
        store.insert("notes", {"person_id": person, "created_on": TODAY, "text": HOSTILE_NAMES[3]})
        yield store, person


def test_register_export_writes_formula_like_text_as_text(tmp_path, hostile_store) -> None:
    store, _ = hostile_store
    path = write_register(store.load(), tmp_path / "export.xlsx", today=TODAY)
    assert formulas_in(path) == []
    found = cells_of(path)
    assert {value for value, _, _ in found} == set(HOSTILE_NAMES[:3])
    assert all(kind == "s" and prefixed for _, kind, prefixed in found)
    plan = plan_import(store, path, TODAY)  # and it reads back as the same text
    assert plan.ok and plan.operations == []
    apply_plan(store, plan)


def test_person_export_writes_formula_like_text_as_text(tmp_path, hostile_store) -> None:
    store, person = hostile_store
    path = write_person_export(store, person, tmp_path / "inzage.xlsx", today=TODAY)
    assert formulas_in(path) == []
    found = cells_of(path)
    assert {value for value, _, _ in found} >= set(HOSTILE_NAMES)
    assert all(kind == "s" and prefixed for _, kind, prefixed in found)


def test_person_export_lists_who_read_the_data_including_itself(tmp_path, hostile_store) -> None:
    store, person = hostile_store
    store.audit_read("case_file", person_id=person, subject="dossier BW-00001")
    path = write_person_export(store, person, tmp_path / "inzage.xlsx", today=TODAY)
    workbook = load_workbook(path, read_only=True)
    try:
        rows = list(workbook["Inzage"].iter_rows(values_only=True))
    finally:
        workbook.close()
    assert [row[2:] for row in rows[1:]] == [
        ("gegevens geëxporteerd (AVG)", "gegevens BW-00001"),
        ("dossier geopend", "dossier BW-00001"),
    ]
