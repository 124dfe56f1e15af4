"""The register file: create, reopen, refuse what is not ours, audit every change."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from beschut_desktop.errors import RegisterRefused, ValidationError
from beschut_desktop.store import migrations
from beschut_desktop.store.backup import backup_dir
from beschut_desktop.store.store import Store

PERSON = {
    "bsn": "111222333",
    "first_name": "Jan",
    "last_name": "Jansen",
    "registered_on": "2022-01-10",
}


def test_new_register_is_created_closed_and_reopened(register_path: Path) -> None:
    with Store.open(register_path) as store:
        person_id = store.insert("persons", PERSON)
    with Store.open(register_path) as store:
        register = store.load()
        assert [p.id for p in register.persons] == [person_id]
        assert migrations.schema_version(store.conn) == migrations.CURRENT_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_junk_file_is_refused_unchanged(tmp_path: Path) -> None:
    junk = tmp_path / "lijst.db"
    junk.write_bytes(b"Naam;BSN\nJan;111222333\n" * 10)
    before = junk.read_bytes()
    with pytest.raises(RegisterRefused, match="geen register"):
        Store.open(junk)
    assert junk.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lijst.db"]


def test_foreign_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    other = tmp_path / "ander.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(RegisterRefused, match="geen register van beschut-desktop"):
        Store.open(other)
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ander.db"]


def test_newer_register_is_refused_naming_the_version_needed(register_path: Path) -> None:
    with Store.open(register_path) as store:
        store.conn.execute(
            "UPDATE settings SET value = ? WHERE key = 'program_version'", (json.dumps("9.1.0"),)
        )
        store.conn.commit()
        store.conn.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("PRAGMA journal_mode = DELETE")
    before = register_path.read_bytes()
    with pytest.raises(RegisterRefused, match="9.1.0"):
        Store.open(register_path)
    assert register_path.read_bytes() == before


def test_every_change_is_audited_with_old_and_new(store: Store) -> None:
    person_id = store.insert("persons", PERSON)
    store.update("persons", person_id, {"city": "Staphorst"})
    store.delete("persons", person_id)
    entries = list(reversed(store.history(person_id=person_id)))
    assert [e["action"] for e in entries] == ["insert", "update", "delete"]
    assert json.loads(entries[1]["changes"]) == {"city": [None, "Staphorst"]}
    assert all(e["os_user"] for e in entries)


def test_invalid_record_names_the_field_in_dutch_and_writes_nothing(store: Store) -> None:
    with pytest.raises(ValidationError) as raised:
        store.insert("persons", {**PERSON, "bsn": "123456789", "first_name": " "})
    assert "elfproef" in raised.value.problems["bsn"]
    assert raised.value.problems["first_name"] == "Voornaam is verplicht"
    assert store.rows("persons") == []
    assert store.rows("audit") == []


def test_duplicate_bsn_is_a_clear_message(store: Store) -> None:
    store.insert("persons", PERSON)
    with pytest.raises(ValidationError, match="bestaat al"):
        store.insert("persons", {**PERSON, "first_name": "Piet"})


def test_failed_action_rolls_back_everything_inside_it(store: Store) -> None:
    with pytest.raises(ValidationError):
        with store.atomic():
            store.insert("persons", PERSON)
            store.insert("persons", {**PERSON, "bsn": "000000000"})
    assert store.rows("persons") == []
    assert store.rows("audit") == []


def test_daily_backup_once_a_day_through_the_backup_api(register_path: Path) -> None:
    Store.open(register_path).close()
    for day in (dt.date(2022, 9, 1), dt.date(2022, 9, 1), dt.date(2022, 9, 2)):
        Store.open(register_path, today=day).close()
    daily = sorted(p.name for p in (backup_dir(register_path) / "dagelijks").iterdir())
    assert daily == ["register-2022-09-01.db", "register-2022-09-02.db"]
    with Store.open(backup_dir(register_path) / "dagelijks" / daily[0], backups=False) as copy:
        assert copy.load().quota_years


def test_daily_backups_keep_ten(register_path: Path) -> None:
    Store.open(register_path).close()
    for offset in range(12):
        Store.open(register_path, today=dt.date(2022, 1, 1) + dt.timedelta(days=offset)).close()
    assert len(list((backup_dir(register_path) / "dagelijks").iterdir())) == 10


def test_removal_on_request_leaves_an_audit_entry_without_personal_data(store: Store) -> None:
    person_id = store.insert("persons", PERSON)
    store.remove_person(person_id)
    remaining = store.rows("audit")
    assert len(remaining) == 1
    assert "111222333" not in json.dumps(remaining) and "Jansen" not in json.dumps(remaining)
    assert remaining[0]["action"] == "remove_on_request"


def test_cloud_sync_folder_gets_a_warning_and_no_wal(tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive - Gemeente Staphorst"
    folder.mkdir()
    with Store.open(folder / "register.db") as store:
        assert any("cloud" in warning for warning in store.warnings)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_local_folder_gets_no_warning(register_path: Path) -> None:
    with Store.open(register_path) as store:
        assert store.warnings == []


def test_new_register_is_recognised_by_another_process_while_open(register_path: Path) -> None:
    from beschut_desktop.store.header import read_header

    with Store.open(register_path):
        assert read_header(register_path).is_register
        with Store.open(register_path) as second:
            assert second.load().quota_years
