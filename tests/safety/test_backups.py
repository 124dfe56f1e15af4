"""Backups worth having: checked copies, rotated by the date inside them, never damaged ones."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sqlite3
import time
from pathlib import Path

import pytest

from beschut_desktop.store import backup, lock
from beschut_desktop.store.backup import backup_dir, made_at
from beschut_desktop.store.health import RegisterDamaged
from beschut_desktop.store.store import Store

DAY = dt.date(2022, 9, 6)
FORK = multiprocessing.get_context("fork")


def daily(db: Path) -> list[Path]:
    return sorted((backup_dir(db) / backup.DAILY).glob("*.db"))


def make_register(db: Path) -> None:
    with Store.open(db, today=DAY) as store:
        store.insert(
            "persons",
            {"bsn": "111222333", "first_name": "Jan", "last_name": "Mulder", "registered_on": DAY},
        )


def damage(db: Path) -> None:
    """Overwrite a page in the middle of the file, as a failing disk would."""
    with Store.open(db, backups=False) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.stat().st_size
    with open(db, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xff" * 4096)


def test_opening_makes_one_checked_backup_a_day_with_its_date_inside(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    Store.open(db, today=DAY).close()
    Store.open(db, today=DAY).close()
    [made] = daily(db)
    assert made_at(made).date() == DAY
    assert backup.is_sound_file(made)
    conn = sqlite3.connect(made)
    assert conn.execute("SELECT count(*) FROM persons").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_ten_are_kept_by_the_date_inside_not_the_file_name(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    for offset in range(1, 13):
        Store.open(db, today=DAY + dt.timedelta(days=offset)).close()
    kept = daily(db)
    assert len(kept) == backup.DAILY_KEEP
    # A backup renamed to look like 2099 is still as old as the date inside it.
    oldest = min(kept, key=lambda p: made_at(p))
    oldest.rename(oldest.with_name("register-2099-01-01.db"))
    Store.open(db, today=DAY + dt.timedelta(days=13)).close()
    names = [p.name for p in daily(db)]
    assert "register-2099-01-01.db" not in names and len(names) == backup.DAILY_KEEP


def test_a_clock_set_back_never_deletes_the_new_backup(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    for offset in range(1, 11):
        Store.open(db, today=DAY + dt.timedelta(days=offset)).close()
    Store.open(db, today=DAY - dt.timedelta(days=300)).close()  # the clock went back a year
    dates = sorted(made_at(p).date() for p in daily(db))
    assert DAY - dt.timedelta(days=300) in dates and len(dates) == backup.DAILY_KEEP


def test_a_damaged_register_is_said_and_never_pushes_out_a_good_backup(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    Store.open(db, today=DAY + dt.timedelta(days=1)).close()
    good = max(daily(db), key=lambda p: made_at(p))
    damage(db)
    for offset in range(2, 14):
        with pytest.raises(RegisterDamaged) as refused:
            Store.open(db, today=DAY + dt.timedelta(days=offset))
    assert str(good) in refused.value.message and "beschadigd" in refused.value.message
    assert refused.value.backup.path == good
    assert all(backup.is_sound_file(p) for p in daily(db))
    assert not [p for p in backup_dir(db).rglob("*") if p.name.endswith(".tmp")]


def test_a_copy_that_fails_its_check_is_deleted(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    monkeypatch.setattr(backup, "integrity_problems", lambda conn, quick=False: ["kapot"])
    target = tmp_path / "kopie.db"
    with Store.open(db, today=DAY, backups=False) as store, pytest.raises(backup.BackupFailed):
        backup.backup_to(store.conn, target)
    assert not target.exists() and not list(tmp_path.glob(".*.tmp"))


def test_leftovers_of_a_killed_backup_are_cleared(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    folder = backup_dir(db) / backup.DAILY
    folder.mkdir(parents=True)
    old_partial = folder / "register-2022-09-01.partial"
    old_temporary = folder / ".register-2022-09-02.db.abcd.tmp"
    for leftover in (old_partial, old_temporary):
        leftover.write_bytes(b"BSN 111222333")
    an_hour_ago = time.time() - 3600
    os.utime(old_temporary, (an_hour_ago, an_hour_ago))
    Store.open(db, today=DAY + dt.timedelta(days=1)).close()
    assert not old_partial.exists() and not old_temporary.exists()


def test_a_failing_daily_backup_is_a_warning_not_a_refusal(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    backup_dir(db).write_bytes(b"")  # the backups folder cannot be made
    with Store.open(db, today=DAY + dt.timedelta(days=1)) as store:
        assert any("geen back-up" in w for w in store.warnings)
        assert not any("Errno" in w for w in store.warnings)


def _open_once(db: Path, barrier, results) -> None:
    lock._held.clear()
    barrier.wait(60)
    try:
        Store.open(db, today=DAY + dt.timedelta(days=1), read_only=True).close()
        results.put("ok")
    except Exception as exc:  # noqa: BLE001 - reported to the test
        results.put(repr(exc))


def test_programs_opening_at_once_each_make_a_sound_backup(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    for _trial in range(3):
        barrier, results = FORK.Barrier(3), FORK.Queue()
        children = [FORK.Process(target=_open_once, args=(db, barrier, results)) for _ in range(3)]
        for child in children:
            child.start()
        outcomes = [results.get(timeout=60) for _ in children]
        for child in children:
            child.join(60)
        assert outcomes == ["ok", "ok", "ok"]
        assert all(backup.is_sound_file(p) for p in daily(db))


def test_a_register_whose_beginning_was_overwritten_is_damaged_not_foreign(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    make_register(db)
    Store.open(db, today=DAY + dt.timedelta(days=1)).close()
    with Store.open(db, backups=False) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(db, "r+b") as handle:
        handle.write(b"\x00" * 100)
    with pytest.raises(RegisterDamaged) as refused:
        Store.open(db)
    assert refused.value.backup is not None
