"""check, backup and restore: a restore backs up what it replaces, handles the WAL, and refuses
what is not a sound register."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from beschut_desktop.cli import main
from beschut_desktop.errors import UserError
from beschut_desktop.store import backup, restore
from beschut_desktop.store.store import Store

DAY = dt.date(2022, 9, 6)


def run_cli(args: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(args)
    return code, err.getvalue()


def person(store: Store, bsn: str, name: str) -> None:
    store.insert(
        "persons", {"bsn": bsn, "first_name": name, "last_name": "Test", "registered_on": DAY}
    )


def names(db: Path) -> list[str]:
    with Store.open(db, read_only=True, backups=False) as store:
        return sorted(p.first_name for p in store.load().persons)


@pytest.fixture
def db_and_backup(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "register.db"
    with Store.open(db, today=DAY) as store:
        person(store, "111222333", "Jan")
    saved = tmp_path / "elders" / "kopie.db"
    saved.parent.mkdir()
    assert run_cli(["backup", "--db", str(db), "-o", str(saved)])[0] == 0
    with Store.open(db, today=DAY, backups=False) as store:
        person(store, "123456782", "Geesje")
    return db, saved


def test_backup_then_restore_brings_the_register_back(db_and_backup, tmp_path: Path) -> None:
    db, saved = db_and_backup
    code, err = run_cli(["restore", str(saved), "--db", str(db)])
    assert code == 0, err
    assert names(db) == ["Jan"]
    [replaced] = list((backup.backup_dir(db) / backup.BEFORE_RESTORE).glob("*.db"))
    assert names(replaced) == ["Geesje", "Jan"]  # what was replaced is kept
    with Store.open(db, read_only=True, backups=False) as store:
        assert store.conn.execute(
            "SELECT count(*) FROM settings WHERE key = ?", (backup.MADE_AT_KEY,)
        ).fetchone() == (0,)
        assert store.history()[0]["action"] == "restore"


def test_restore_while_the_register_has_a_wal_leaves_no_stale_wal(db_and_backup) -> None:
    """Copying a backup over the file would replay the register's old -wal onto it."""
    db, saved = db_and_backup
    reader = sqlite3.connect(db)  # another program keeps the WAL alive, with frames in it
    reader.execute("SELECT count(*) FROM persons").fetchone()
    with Store.open(db, today=DAY, backups=False) as store:
        person(store, "100000009", "Harm")
    assert Path(f"{db}-wal").stat().st_size > 0
    assert run_cli(["restore", str(saved), "--db", str(db)])[0] == 0
    assert reader.execute("SELECT count(*) FROM persons").fetchone()[0] == 1
    reader.close()
    assert names(db) == ["Jan"]
    assert run_cli(["check", "--db", str(db)])[0] == 0


@pytest.mark.parametrize("kind", ["junk", "damaged", "missing", "foreign"])
def test_restore_refuses_what_is_not_a_sound_register(db_and_backup, tmp_path, kind) -> None:
    db, saved = db_and_backup
    bad = tmp_path / f"{kind}.db"
    if kind == "junk":
        bad.write_bytes(b"geen register" * 100)
    elif kind == "damaged":
        shutil.copy(saved, bad)
        with open(bad, "r+b") as handle:
            handle.seek(bad.stat().st_size // 2)
            handle.write(b"\xff" * 4096)
    elif kind == "foreign":
        sqlite3.connect(bad).execute("CREATE TABLE x (y)").connection.commit()
    code, err = run_cli(["restore", str(bad), "--db", str(db)])
    assert code == 1 and "niet teruggezet" in err and "Traceback" not in err
    assert names(db) == ["Geesje", "Jan"]


def test_restore_onto_a_damaged_register_moves_it_aside(db_and_backup) -> None:
    db, saved = db_and_backup
    with open(db, "r+b") as handle:
        handle.seek(db.stat().st_size // 2)
        handle.write(b"\xff" * 4096)
    code, err = run_cli(["check", "--db", str(db)])
    assert code == 1 and "niet in orde" in err
    assert run_cli(["restore", str(saved), "--db", str(db)])[0] == 0
    assert names(db) == ["Jan"]
    assert list((backup.backup_dir(db) / backup.BEFORE_RESTORE).glob("beschadigd-*/register.db"))


def test_after_restore_runs_on_the_restored_register(db_and_backup, monkeypatch) -> None:
    db, saved = db_and_backup
    seen = []
    monkeypatch.setattr(
        restore, "after_restore", lambda store: seen.append(len(store.load().persons))
    )
    restore.restore(saved, db)
    assert seen == [1]


def test_restore_into_a_new_place_and_onto_itself(db_and_backup, tmp_path: Path) -> None:
    db, saved = db_and_backup
    fresh = tmp_path / "nieuw.db"
    assert run_cli(["restore", str(saved), "--db", str(fresh)])[0] == 0
    assert names(fresh) == ["Jan"]
    with pytest.raises(UserError, match="het register zelf"):
        restore.restore(db, db)


def test_check_says_sound_and_names_the_newest_backup(db_and_backup) -> None:
    db, _saved = db_and_backup
    Store.open(db, today=DAY + dt.timedelta(days=1)).close()
    code, err = run_cli(["check", "--db", str(db)])
    assert code == 0 and "in orde" in err and "nieuwste goede back-up" in err


def test_a_backup_is_never_written_over_the_register_itself(db_and_backup) -> None:
    db, _saved = db_and_backup
    for target in (db, Path(f"{db}-wal")):
        code, err = run_cli(["backup", "--db", str(db), "-o", str(target)])
        assert code == 1 and "het register zelf" in err
    assert names(db) == ["Geesje", "Jan"]


def test_check_names_missing_tables(db_and_backup) -> None:
    db, _saved = db_and_backup
    with Store.open(db, backups=False) as store:
        store.conn.execute("DROP TABLE notes")
    code, err = run_cli(["check", "--db", str(db)])
    assert code == 1 and "notes ontbreken" in err
