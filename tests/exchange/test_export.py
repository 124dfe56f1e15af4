"""Export in the import's format: export → import into an empty register gives it all back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from exchange_helpers import BSN_A, BSN_B, TODAY, audit_count, dump
from openpyxl import load_workbook

from beschut_desktop.demo import fill_demo
from beschut_desktop.errors import UserError
from beschut_desktop.exchange.export import write_register, write_template
from beschut_desktop.exchange.importer import apply_plan, import_file, plan_import
from beschut_desktop.exchange.sheets import SHEETS
from beschut_desktop.store.store import Store

# The demo's cases are laid out relative to a day after the conditions took effect (2023).
DEMO_DAY = dt.date(2024, 9, 6)


def sheet_rows(path: Path) -> dict[str, list[tuple]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return {
            s.name: sorted(workbook[s.name].iter_rows(values_only=True), key=repr) for s in SHEETS
        }
    finally:
        workbook.close()


def edge_cases(store: Store) -> None:
    """What the demo may not hold: empty cells, value words without a name, an offer."""
    sector = store.insert(
        "employers", {"name": "Kringloop  De Kruik", "kind": "private", "cao": "sector"}
    )
    store.insert("employers", {"name": "Zorgboerderij", "kind": "private", "cao": "none"})
    a = store.insert(
        "persons",
        {"bsn": BSN_A, "first_name": "Jan", "last_name": "Mulder", "registered_on": TODAY},
    )
    b = store.insert(
        "persons",
        {"bsn": BSN_B, "first_name": "Ayşe", "last_name": "Şahin", "registered_on": TODAY},
    )
    decision = store.insert(
        "decisions", {"person_id": b, "decision_date": "2022-05-01", "outcome": "positive"}
    )
    assert decision
    store.insert(
        "interim_provisions", {"person_id": b, "kind": "other", "start_date": "2022-05-01"}
    )
    store.insert("placements", {"person_id": a, "employer_id": sector, "start_date": "2022-03-01"})
    store.insert(
        "placements",
        {
            "person_id": b,
            "employer_id": sector,
            "offer_date": "2022-08-01",
            "offer_status": "offered",
        },
    )


def test_export_then_import_into_an_empty_register_gives_everything_back(tmp_path) -> None:
    with Store.open(tmp_path / "bron.db", today=TODAY) as source:
        fill_demo(source, cases=25, today=DEMO_DAY)
        edge_cases(source)
        first = write_register(source.load(), tmp_path / "export.xlsx", today=TODAY)
    import_file(first, tmp_path / "nieuw.db", TODAY)
    with Store.open(tmp_path / "nieuw.db", today=TODAY) as copy:
        second = write_register(copy.load(), tmp_path / "opnieuw.xlsx", today=TODAY)
        register = copy.load()
    assert sheet_rows(first) == sheet_rows(second)
    assert len(register.persons) >= 25
    jan = register.person_by_bsn(BSN_A)
    [placement] = register.placements_of(jan.id)
    assert (placement.start_date, placement.hours_per_week, placement.end_date) == (
        dt.date(2022, 3, 1),
        None,
        None,
    )


def test_exported_register_imports_into_itself_without_changes(tmp_path) -> None:
    with Store.open(tmp_path / "bron.db", today=TODAY) as store:
        fill_demo(store, cases=12, today=DEMO_DAY)
        path = write_register(store.load(), tmp_path / "export.xlsx", today=TODAY)
        before, entries = dump(store), audit_count(store)
        plan = plan_import(store, path, TODAY)
        assert plan.ok and [op.describe() for op in plan.operations] == []
        apply_plan(store, plan)
        assert dump(store) == before and audit_count(store) == entries


def test_without_bsn_holds_no_bsn_and_no_name(tmp_path) -> None:
    with Store.open(tmp_path / "bron.db", today=TODAY) as store:
        fill_demo(store, cases=12, today=DEMO_DAY)
        register = store.load()
        path = write_register(register, tmp_path / "controller.xlsx", without_bsn=True, today=TODAY)
    workbook = load_workbook(path, read_only=True)
    text = " ".join(
        str(v)
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
        for v in row
        if v is not None
    )
    workbook.close()
    for person in register.persons:
        assert person.bsn not in text and person.full_name not in text
        assert person.case_number in text
    assert "Zaaknummer" in text and "BSN" not in text.replace("zonder BSN", "")


def test_template_has_explanation_and_imports_as_nothing(tmp_path, fresh_store) -> None:
    path = write_template(tmp_path / "sjabloon.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == [
        "Uitleg",
        "Taakstelling",
        "Werkgevers",
        "Personen",
        "Plaatsingen",
    ]
    assert [c.value for c in workbook["Werkgevers"][1]] == [
        "Naam",
        "Soort (SW-bedrijf, Gemeente, Particulier)",
        "KvK-nummer",
        "Cao",
    ]
    explanation = " ".join(str(c.value) for c in workbook["Uitleg"]["A"])
    assert "Gemeente" in explanation and "requested" not in explanation
    plan = plan_import(fresh_store, path, TODAY)
    assert plan.ok and plan.operations == []


def test_failed_export_leaves_the_old_file_and_no_temporary_file(tmp_path) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    target = folder / "export.xlsx"
    target.write_bytes(b"oud")
    (folder / "map.xlsx").mkdir()
    with Store.open(tmp_path / "bron.db", today=TODAY) as store:
        register = store.load()
    with pytest.raises(UserError, match="is een map"):
        write_register(register, folder / "map.xlsx", today=TODAY)
    assert target.read_bytes() == b"oud"
    write_register(register, target, today=TODAY)  # replaces the old file
    assert target.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in folder.iterdir()) == ["export.xlsx", "map.xlsx"]
