"""Importing an Excel register: what each cell becomes, idempotence, and all-or-nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from exchange_helpers import (
    BSN_A,
    BSN_B,
    BSN_C,
    BSN_ZERO,
    PERSON_HEADER,
    PLACEMENT_HEADER,
    TODAY,
    audit_count,
    dump,
    good_sheets,
    write_xlsx,
)

from beschut_desktop.errors import UserError, ValidationError
from beschut_desktop.exchange.importer import ImportRefused, apply_plan, plan_import
from beschut_desktop.rules.contract import check_contract
from beschut_desktop.rules.signals import signals_on


def run_import(store, path: Path, today: dt.date = TODAY):
    plan = plan_import(store, path, today)
    if not plan.ok:
        raise ImportRefused(path, plan)
    apply_plan(store, plan)
    return plan


def test_every_sheet_is_read_in_the_consultants_notation(fresh_store, good_file) -> None:
    run_import(fresh_store, good_file)
    register = fresh_store.load()
    quota = {q.year: q for q in register.quota_years}
    assert quota[2023].quota == 7 and quota[2023].amount_per_place_cents == 868000
    assert quota[2023].hours_per_place == 31.0
    employers = {e.name: e for e in register.employers}
    assert employers["Reestdal Werken B.V."].kind == "sw_company"
    assert employers["Reestdal Werken B.V."].cao == "aan_de_slag"
    assert employers["Gemeente Staphorst"].kind == "municipality"
    assert (employers["Bakkerij Post"].cao, employers["Bakkerij Post"].cao_name) == (
        "sector",
        "Cao Bakkersbedrijf",
    )
    persons = {p.bsn: p for p in register.persons}
    assert set(persons) == {BSN_A, BSN_B, BSN_C, BSN_ZERO}  # dots gone, leading zero restored
    assert persons[BSN_A].birth_date == dt.date(1990, 3, 12)
    assert persons[BSN_A].registered_on == TODAY


def test_r1_advice_and_decision_become_a_positive_indication(fresh_store, good_file) -> None:
    run_import(fresh_store, good_file)
    register = fresh_store.load()
    person = register.person_by_bsn(BSN_A)
    [advice] = [a for a in register.uwv_advices if a.person_id == person.id]
    assert (advice.outcome, advice.requested_by, advice.advice_date) == (
        "positive",
        "municipality",
        dt.date(2021, 2, 1),
    )
    [decision] = register.decisions_of(person.id)
    assert (decision.kind, decision.outcome, decision.decision_date, decision.advice_id) == (
        "indication",
        "positive",
        dt.date(2021, 3, 15),
        advice.id,
    )


def test_r6_interim_provision_starts_on_the_decision_date(fresh_store, good_file) -> None:
    run_import(fresh_store, good_file)
    register = fresh_store.load()
    kinds = {}
    for bsn in (BSN_B, BSN_C, BSN_ZERO):
        [interim] = register.interim_provisions_of(register.person_by_bsn(bsn).id)
        kinds[bsn] = (interim.kind, interim.description, interim.start_date)
    assert kinds == {
        BSN_B: ("volunteering", None, dt.date(2021, 6, 1)),
        BSN_C: ("day_activities", None, dt.date(2022, 7, 1)),
        BSN_ZERO: ("other", "werk bij de kringloop", dt.date(2022, 8, 2)),
    }


def test_placements_values_words_and_outcomes(fresh_store, good_file) -> None:
    run_import(fresh_store, good_file)
    register = fresh_store.load()
    by_start = {p.start_date: p for p in register.placements}
    first, renewal = by_start[dt.date(2022, 1, 1)], by_start[dt.date(2022, 7, 1)]
    assert first.hours_per_week == 19.5 and first.contract_type == "temporary"
    assert renewal.end_date is None and renewal.contract_type == "permanent"
    # R18/R20: the contract that follows at the same employer is the first one's conversion.
    assert renewal.previous_placement_id == first.id and first.outcome == "permanent"
    ended = by_start[dt.date(2021, 9, 1)]
    assert ended.trial_before is True and ended.outcome == "ended_import"
    trial = by_start[dt.date(2022, 8, 1)]
    assert (trial.trial_before, trial.hours_per_week, trial.outcome) == (True, 10.0, None)


def test_r12_breach_of_policy_imports_and_shows_later(fresh_store, good_file) -> None:
    run_import(fresh_store, good_file)
    register = fresh_store.load()
    trial = next(p for p in register.placements if p.start_date == dt.date(2022, 8, 1))
    assert check_contract(register, trial).ok is False  # 10 hours, 6 months after a trial


def test_r20_ended_import_gives_no_ended_without_outcome_signal(fresh_store, good_file) -> None:
    run_import(fresh_store, good_file)
    register = fresh_store.load()
    ended = next(p for p in register.placements if p.outcome == "ended_import")
    keys = [
        s.key
        for s in signals_on(register, TODAY, horizon_days=365)
        if s.placement_id == ended.id and s.kind == "contract_end"
    ]
    assert keys == []


def test_same_file_twice_changes_nothing(fresh_store, good_file) -> None:
    run_import(fresh_store, good_file)
    before, entries = dump(fresh_store), audit_count(fresh_store)
    plan = plan_import(fresh_store, good_file, TODAY)
    assert plan.ok and plan.operations == []
    apply_plan(fresh_store, plan)
    assert dump(fresh_store) == before and audit_count(fresh_store) == entries


def test_changed_row_updates_its_record_through_the_audit(fresh_store, good_file, tmp_path) -> None:
    run_import(fresh_store, good_file)
    sheets = good_sheets()
    sheets["Plaatsingen"][1][4] = "21"  # hours 19,5 → 21
    sheets["Personen"][1][2] = "Mulder-Bakker"
    changed = write_xlsx(tmp_path / "gewijzigd.xlsx", sheets)
    entries = audit_count(fresh_store)
    plan = run_import(fresh_store, changed)
    assert plan.counts() == {("persons", "change"): 1, ("placements", "change"): 1}
    assert any("19,5 → 21" in op.describe() for op in plan.operations)
    register = fresh_store.load()
    person = register.person_by_bsn(BSN_A)
    assert person.last_name == "Mulder-Bakker"
    assert audit_count(fresh_store) == entries + 2
    [entry] = [
        h
        for h in fresh_store.history(person_id=person.id)
        if h["table_name"] == "persons" and h["action"] == "update"
    ]
    assert "Mulder-Bakker" in entry["changes"]


def test_empty_optional_cell_never_erases(fresh_store, good_file, tmp_path) -> None:
    run_import(fresh_store, good_file)
    before = dump(fresh_store)
    sparse = write_xlsx(
        tmp_path / "leeg.xlsx",
        {
            "Personen": [PERSON_HEADER, [BSN_A, "", None, None, None, None, None]],
            "Plaatsingen": [
                PLACEMENT_HEADER,
                [BSN_B, "Gemeente Staphorst", "1-9-2021", None, None, None, None],
            ],
        },
    )
    plan = plan_import(fresh_store, sparse, TODAY)
    assert plan.ok and plan.operations == []
    assert dump(fresh_store) == before


def test_new_person_without_names_is_refused(fresh_store, tmp_path) -> None:
    path = write_xlsx(
        tmp_path / "x.xlsx",
        {"Personen": [PERSON_HEADER, [BSN_A, "Jan", "", None, None, None, None]]},
    )
    plan = plan_import(fresh_store, path, TODAY)
    assert [str(p) for p in plan.problems] == [
        "Personen, rij 2, kolom Achternaam: Achternaam is verplicht"
    ]


def test_extra_columns_any_order_and_header_case(fresh_store, tmp_path) -> None:
    path = write_xlsx(
        tmp_path / "x.xlsx",
        {
            "personen": [
                ["Opmerking", "ACHTERNAAM", "bsn (negen cijfers)", "Voornaam"],
                ["lief", "Mulder", BSN_A, "Jan"],
            ],
            "Eigen blad": [["wat", "dan", "ook"]],
        },
    )
    run_import(fresh_store, path)
    [person] = fresh_store.load().persons
    assert (person.bsn, person.first_name, person.last_name) == (BSN_A, "Jan", "Mulder")


def test_later_end_date_clears_ended_import(fresh_store, good_file, tmp_path) -> None:
    run_import(fresh_store, good_file)
    sheets = good_sheets()
    sheets["Plaatsingen"][3][3] = "28-2-2023"  # the ended contract was extended
    run_import(fresh_store, write_xlsx(tmp_path / "verlengd.xlsx", sheets))
    placement = next(
        p for p in fresh_store.load().placements if p.start_date == dt.date(2021, 9, 1)
    )
    assert (placement.end_date, placement.outcome) == (dt.date(2023, 2, 28), None)


def test_reimport_does_not_hide_a_known_contract_end(fresh_store, tmp_path) -> None:
    """R20: a contract the register knows ended without outcome keeps its signal."""
    employer = fresh_store.insert("employers", {"name": "Hupak", "kind": "private"})
    person = fresh_store.insert(
        "persons",
        {"bsn": BSN_A, "first_name": "Jan", "last_name": "Mulder", "registered_on": TODAY},
    )
    fresh_store.insert(
        "placements",
        {
            "person_id": person,
            "employer_id": employer,
            "start_date": "2022-01-01",
            "end_date": "2022-06-30",
            "hours_per_week": 20,
        },
    )
    path = write_xlsx(
        tmp_path / "x.xlsx",
        {
            "Plaatsingen": [
                PLACEMENT_HEADER,
                [BSN_A, "Hupak", "1-1-2022", "30-6-2022", 20, None, None],
            ]
        },
    )
    assert plan_import(fresh_store, path, TODAY).operations == []


def test_import_is_one_transaction(fresh_store, good_file) -> None:
    """A write that fails halfway leaves the register exactly as it was: here the plan went
    stale (someone added the person meanwhile), so its person insert fails after the quota
    years and employers were written."""
    plan = plan_import(fresh_store, good_file, TODAY)
    fresh_store.insert(
        "persons", {"bsn": BSN_C, "first_name": "Harm", "last_name": "Post", "registered_on": TODAY}
    )
    before, entries = dump(fresh_store), audit_count(fresh_store)
    with pytest.raises(UserError, match="veranderd sinds het overzicht"):
        apply_plan(fresh_store, plan)  # planned again inside the transaction: refused whole
    assert dump(fresh_store) == before and audit_count(fresh_store) == entries
    plan.source = None  # a plan applied as it is: its person insert fails halfway
    with pytest.raises(ValidationError, match="bestaat al"):
        apply_plan(fresh_store, plan)
    assert dump(fresh_store) == before and audit_count(fresh_store) == entries


def test_r20_imported_outcome_counts_from_the_import_day(fresh_store, good_file, tmp_path) -> None:
    from beschut_desktop.exchange.agenda import write_calendar

    run_import(fresh_store, good_file)
    register = fresh_store.load()
    ended = next(p for p in register.placements if p.outcome == "ended_import")
    assert (ended.end_date, ended.outcome_date) == (dt.date(2022, 2, 28), TODAY)
    before = dt.date(2022, 1, 15)  # six weeks before the end, long before the import
    warned = [
        s
        for s in signals_on(register, before)
        if s.placement_id == ended.id and s.kind == "contract_end"
    ]
    assert [(s.due_date, s.title) for s in warned] == [(ended.end_date, "Contract loopt af")]
    write_calendar(register, tmp_path / "t.ics", before)
    assert "Einde contract" in (tmp_path / "t.ics").read_text()
