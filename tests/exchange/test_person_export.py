"""Data requests (AVG): everything about one person as xlsx; removal on request end to end."""

from __future__ import annotations

import json

from exchange_helpers import BSN_A, BSN_B, TODAY
from openpyxl import load_workbook

from beschut_desktop.exchange.export import write_register
from beschut_desktop.exchange.importer import import_file
from beschut_desktop.exchange.person_export import write_person_export
from beschut_desktop.store.store import Store


def cell_text(path) -> str:
    workbook = load_workbook(path, read_only=True)
    try:
        return " ".join(
            str(v)
            for sheet in workbook
            for row in sheet.iter_rows(values_only=True)
            for v in row
            if v is not None
        )
    finally:
        workbook.close()


def enrich(store: Store, person_id: int) -> None:
    """Records hanging from the person's placement, as the case goes on."""
    placement = store.load().placements_of(person_id)[0]
    store.insert(
        "reviews",
        {
            "placement_id": placement.id,
            "review_date": "2022-06-01",
            "functioning": "Werkt zelfstandig aan de inpaklijn",
        },
    )
    store.insert(
        "wage_value_assessments",
        {
            "placement_id": placement.id,
            "assessment_date": "2022-03-01",
            "wage_value_percentage": 45,
        },
    )
    store.insert(
        "notes", {"person_id": person_id, "created_on": "2022-08-01", "text": "Belde over vervoer"}
    )
    store.insert("objections", {"person_id": person_id, "lodged_date": "2022-04-01"})


def test_person_export_holds_everything_about_them(tmp_path, good_file) -> None:
    db = tmp_path / "register.db"
    import_file(good_file, db, TODAY)
    with Store.open(db) as store:
        person = store.load().person_by_bsn(BSN_A)
        enrich(store, person.id)
        path = write_person_export(store, person.id, tmp_path / "inzage.xlsx", today=TODAY)
    workbook = load_workbook(path, read_only=True)
    names = workbook.sheetnames
    workbook.close()
    assert names[:2] == ["Over dit overzicht", "Persoon"]
    for sheet in (
        "Advies UWV",
        "Beschikkingen",
        "Plaatsingen",
        "Loonwaardemetingen",
        "Voortgangsgesprekken",
        "Bezwaar en beroep",
        "Notities",
        "Wijzigingen",
    ):
        assert sheet in names
    text = cell_text(path)
    for expected in (
        BSN_A,
        "Jan",
        "Mulder",
        "Reestdal Werken B.V.",
        "Werkt zelfstandig",
        "Belde over vervoer",
        "Positief",
        "Omgezet naar vast",
        "artikel 15 AVG",
    ):
        assert expected in text
    assert BSN_B not in text and "Talen" not in text  # nobody else's data


def test_removal_on_request_end_to_end(tmp_path, good_file) -> None:
    db = tmp_path / "register.db"
    import_file(good_file, db, TODAY)
    with Store.open(db) as store:
        person = store.load().person_by_bsn(BSN_A)
        enrich(store, person.id)
        write_person_export(store, person.id, tmp_path / "inzage.xlsx", today=TODAY)
        store.remove_person(person.id)
        register = store.load()
        assert register.person_by_bsn(BSN_A) is None
        for table in (
            "uwv_advices",
            "decisions",
            "interim_provisions",
            "placements",
            "reviews",
            "wage_value_assessments",
            "notes",
            "objections",
        ):
            rows = getattr(register, table)
            assert all(getattr(r, "person_id", None) != person.id for r in rows), table
        assert register.reviews == [] and register.wage_value_assessments == []
        audit = store.history()
        assert all(e["person_id"] != person.id for e in audit)
        [removal] = [e for e in audit if e["action"] == "remove_on_request"]
        assert BSN_A not in json.dumps(removal) and "Mulder" not in json.dumps(removal)
        export = write_register(register, tmp_path / "na.xlsx", today=TODAY)
        dumped = "\n".join(store.conn.iterdump())
    text = cell_text(export)
    assert BSN_A not in text and "Mulder" not in text
    assert BSN_A not in dumped and "Mulder" not in dumped and "Belde over vervoer" not in dumped
    assert BSN_B in text  # the others stay
