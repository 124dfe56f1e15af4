"""Erasure on request is complete: nothing of the person stays in the register file, its WAL,
or a restored backup; a case number is never handed out again; backups expire."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
from pathlib import Path

from beschut_desktop.exchange.privacy import reapply_erasures
from beschut_desktop.rules.model import case_number
from beschut_desktop.store import erasure, migrations
from beschut_desktop.store.backup import backup_dir
from beschut_desktop.store.retention import RETENTION_DAYS, expire_backups
from beschut_desktop.store.store import Store

DAY = dt.date(2022, 9, 6)
BSN = "111222333"
FIRST, LAST = "Wubbegien", "Zandstra"
OTHER_BSN = "123456782"


def add_person(store: Store, bsn: str, first: str, last: str) -> int:
    person = store.insert(
        "persons",
        {
            "bsn": bsn,
            "first_name": first,
            "last_name": last,
            "birth_date": "1990-03-12",
            "registered_on": DAY,
        },
    )
    employer = store.insert("employers", {"name": f"Werkplaats {person}", "kind": "private"})
    placement = store.insert(
        "placements",
        {
            "person_id": person,
            "employer_id": employer,
            "start_date": "2022-01-01",
            "hours_per_week": 20,
        },
    )
    store.insert("notes", {"person_id": person, "created_on": DAY, "text": f"Belde {first}"})
    handled = store.insert(
        "handled_signals",
        {
            "signal_key": f"review:placement:{placement}",
            "due_date": "2022-07-01",
            "handled_on": DAY,
            "note": f"gesprek met {first} {last} gehad",
        },
    )
    assert handled
    store.audit_read("case_file", person_id=person, subject=case_number(person))
    return person


def traces(*paths: Path) -> list[str]:
    found = []
    for path in paths:
        if path.exists():
            data = path.read_bytes()
            found += [f"{path.name}: {n}" for n in (BSN, FIRST, LAST) if n.encode() in data]
    return found


def companions(db: Path) -> list[Path]:
    return [db, Path(f"{db}-wal"), Path(f"{db}-shm")]


def test_after_an_erasure_the_file_wal_and_a_restored_backup_hold_nothing(tmp_path) -> None:
    db = tmp_path / "register.db"
    with Store.open(db, today=DAY - dt.timedelta(days=1)) as store:
        person = add_person(store, BSN, FIRST, LAST)
        other = add_person(store, OTHER_BSN, "Geesje", "Talen")
    with Store.open(db, today=DAY) as store:  # the daily backup holds the person
        [backup] = list(backup_dir(db).rglob("*.db"))
        assert traces(backup)
        store.remove_person(person, today=DAY)
        assert traces(*companions(db)) == []
        assert store.row("persons", other) is not None
        assert traces(*companions(db)) == []
    assert traces(*companions(db)) == []

    # A backup put back by hand brings the person back: opening erases them again at once.
    for path in companions(db):
        path.unlink(missing_ok=True)
    shutil.copy(backup, db)
    with Store.open(db, today=DAY) as store:
        assert store.row("persons", person) is None
        assert store.row("persons", other)["first_name"] == "Geesje"
        assert any(case_number(person) in w and "opnieuw" in w for w in store.warnings)
        assert reapply_erasures(store) == []
    assert traces(*companions(db)) == []

    # The restore command calls reapply_erasures itself.
    for path in companions(db):
        path.unlink(missing_ok=True)
    shutil.copy(backup, db)
    log = erasure.log_file(db)
    kept = log.read_text()
    log.unlink()
    with Store.open(db, today=DAY) as store:
        assert store.row("persons", person) is not None
        log.write_text(kept)
        assert reapply_erasures(store) == [case_number(person)]
        assert store.row("persons", person) is None
    assert traces(*companions(db)) == []


def test_erasure_takes_handled_signals_their_notes_and_quoted_values(store: Store) -> None:
    person = add_person(store, BSN, FIRST, LAST)
    other = add_person(store, OTHER_BSN, "Geesje", "Talen")
    # An entry about another record that quotes the person (as a note would).
    store.update("employers", 1, {"name": f"Werkplaats van {FIRST} {LAST}"})
    store.update("employers", 1, {"name": "Werkplaats Oost"})
    store.remove_person(person, today=DAY)
    rows = store.conn.execute("SELECT * FROM handled_signals").fetchall()
    assert len(rows) == 1 and "Geesje" in rows[0][4]
    text = json.dumps(store.rows("audit"), ensure_ascii=False)
    assert BSN not in text and FIRST not in text and f"{FIRST} {LAST}" not in text
    assert "Geesje" in text and store.history(person_id=other)
    assert [r["case_number"] for r in store.rows("erasures")] == [case_number(person)]
    assert erasure.log_file(store.path).read_text() == f"{case_number(person)} {DAY}\n"


def test_a_case_number_is_never_handed_out_again(store: Store) -> None:
    first = store.insert(
        "persons", {"bsn": BSN, "first_name": "A", "last_name": "B", "registered_on": DAY}
    )
    second = store.insert(
        "persons", {"bsn": OTHER_BSN, "first_name": "C", "last_name": "D", "registered_on": DAY}
    )
    store.remove_person(second, today=DAY)
    third = store.insert(
        "persons", {"bsn": OTHER_BSN, "first_name": "C", "last_name": "D", "registered_on": DAY}
    )
    assert (first, second, third) == (1, 2, 3)
    store.remove_person(third, today=DAY)
    store.remove_person(first, today=DAY)
    assert (
        store.insert(
            "persons", {"bsn": BSN, "first_name": "A", "last_name": "B", "registered_on": DAY}
        )
        == 4
    )


def test_a_case_number_erased_before_a_restore_is_not_reused_after_it(tmp_path) -> None:
    db = tmp_path / "register.db"
    with Store.open(db, today=DAY) as store:
        store.insert(
            "persons", {"bsn": BSN, "first_name": "A", "last_name": "B", "registered_on": DAY}
        )
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy(db, tmp_path / "oud.db")
        second = store.insert(
            "persons", {"bsn": OTHER_BSN, "first_name": "C", "last_name": "D", "registered_on": DAY}
        )
        store.remove_person(second, today=DAY)
    for path in companions(db):
        path.unlink(missing_ok=True)
    shutil.copy(tmp_path / "oud.db", db)  # older than the person and the erasure
    with Store.open(db, today=DAY) as store:
        reapply_erasures(store)
        assert (
            store.insert(
                "persons",
                {"bsn": OTHER_BSN, "first_name": "C", "last_name": "D", "registered_on": DAY},
            )
            == second + 1
        )


def test_the_program_sets_secure_delete_itself(store: Store) -> None:
    assert store.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_backups_expire_after_the_retention(tmp_path) -> None:
    db = tmp_path / "register.db"
    for day in (1, 2):
        Store.open(db, today=DAY + dt.timedelta(days=day)).close()
    backups = sorted(backup_dir(db).rglob("*.db"))
    assert len(backups) == 1
    old = (DAY - dt.timedelta(days=RETENTION_DAYS + 5)).isoformat()
    stamp = dt.datetime.fromisoformat(old).timestamp()
    os.utime(backups[0], (stamp, stamp))
    assert expire_backups(db, DAY) == backups
    Store.open(db, today=DAY + dt.timedelta(days=40)).close()  # opening expires them too
    assert all(
        dt.date.fromtimestamp(p.stat().st_mtime) >= DAY for p in backup_dir(db).rglob("*.db")
    )


def test_high_water_mark_step_counts_persons_already_there(tmp_path) -> None:
    conn = sqlite3.connect(tmp_path / "oud.db")
    migrations.migrate(conn, up_to=1)
    conn.execute(
        "INSERT INTO persons (id, bsn, first_name, last_name, registered_on) "
        "VALUES (7, ?, 'A', 'B', '2022-01-01')",
        (BSN,),
    )
    conn.commit()
    migrations.migrate(conn)
    assert erasure.next_person_id(conn) == 8
    conn.execute("DELETE FROM persons")
    assert erasure.next_person_id(conn) == 8
    conn.close()


def test_a_new_register_does_not_inherit_an_old_erasure_log(tmp_path) -> None:
    db = tmp_path / "register.db"
    erasure.log_file(db).write_text("BW-00001 2022-09-06\n")
    with Store.open(db, today=DAY) as store:
        person = store.insert(
            "persons", {"bsn": BSN, "first_name": "A", "last_name": "B", "registered_on": DAY}
        )
        assert reapply_erasures(store) == [] and store.row("persons", person) is not None


def test_a_frozen_first_version_register_gets_the_erasure_log_and_high_water(tmp_path) -> None:
    frozen = Path(__file__).parent.parent / "registers" / "v1.db"
    copy = tmp_path / "register.db"
    shutil.copy(frozen, copy)
    with Store.open(copy, today=DAY) as store:
        highest = store.conn.execute("SELECT max(id) FROM persons").fetchone()[0]
        assert erasure.next_person_id(store.conn) == highest + 1
        assert store.rows("erasures") == []
        store.remove_person(highest, today=DAY)
        assert erasure.next_person_id(store.conn) == highest + 1


def test_a_demo_replacing_a_register_drops_its_erasure_log(tmp_path) -> None:
    from beschut_desktop.cli import main

    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db), "--cases", "3"]) == 0
    with Store.open(db, today=DAY) as store:
        store.remove_person(2, today=DAY)
    assert main(["demo", "--db", str(db), "--cases", "3", "--force"]) == 0
    assert not erasure.log_file(db).exists()
    with Store.open(db, today=DAY) as store:
        assert store.row("persons", 2) is not None and store.warnings == []
