"""Every failure said in Dutch: a full disk, a read-only file, a damaged register, a refused
value — never SQLite's or the system's English. And nothing about the file changes silently."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from beschut_desktop.cli import main
from beschut_desktop.errors import UserError, ValidationError
from beschut_desktop.store import store as store_module
from beschut_desktop.store.header import read_header
from beschut_desktop.store.store import Store

DAY = dt.date(2022, 9, 6)
ENGLISH = (
    "disk I/O error",
    "database or disk is full",
    "readonly database",
    "constraint failed",
    "Errno",
    "No space left",
    "malformed",
    "Traceback",
)


def run_cli(args: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(args)
    return code, err.getvalue()


def dutch(text: str) -> bool:
    return not any(word in text for word in ENGLISH)


PERSON = {"bsn": "111222333", "first_name": "Jan", "last_name": "Mulder", "registered_on": DAY}


def test_a_full_disk_while_writing_is_said_and_nothing_is_half_stored(store: Store) -> None:
    count = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {count}")
    with pytest.raises(UserError) as raised:
        store.insert("persons", {**PERSON, "address": "Dorpsstraat 1 " * 600})
    assert "De schijf is vol" in raised.value.message and dutch(raised.value.message)
    assert store.rows("persons") == [] and store.rows("audit") == []


def test_a_register_opened_read_only_by_uri_says_so(register_path: Path, store: Store) -> None:
    conn = sqlite3.connect(f"{register_path.resolve().as_uri()}?mode=ro", uri=True)
    read_only = Store(register_path, conn, [])
    try:
        with pytest.raises(UserError) as raised:
            read_only.insert("persons", PERSON)
        assert "alleen-lezen" in raised.value.message and dutch(raised.value.message)
    finally:
        conn.close()


def test_a_read_only_store_refuses_before_writing(register_path: Path, store: Store) -> None:
    with Store.open(register_path, read_only=True) as reader:
        with pytest.raises(UserError, match="alleen geopend om te lezen"):
            reader.insert("persons", PERSON)


def test_sqlite_messages_become_dutch(store: Store) -> None:
    def caught(sql: str) -> sqlite3.Error:
        try:
            store.conn.execute(sql)
        except sqlite3.Error as exc:
            store.conn.rollback()
            return exc
        raise AssertionError(sql)

    check = caught("INSERT INTO employers (name, kind) VALUES ('X', 'bakker')")
    not_null = caught("INSERT INTO employers (kind) VALUES ('private')")
    for exc in (check, not_null):
        message = store_module._integrity("employers", {"name": "X", "kind": "bakker"}, exc)
        assert isinstance(message, ValidationError) and dutch(message.message)
    for text in ("disk I/O error", "database or disk is full", "something else entirely"):
        message = store_module._translate(sqlite3.OperationalError(text), Path("r.db")).message
        assert dutch(message) and "r.db" in message


def _damaged_copy(tmp_path: Path) -> Path:
    db = tmp_path / "register.db"
    assert run_cli(["demo", "--db", str(db), "--cases", "3"])[0] == 0
    with open(db, "r+b") as handle:
        handle.seek(db.stat().st_size // 2)
        handle.write(b"\xff" * 4096)
    return db


@pytest.mark.parametrize(
    "command",
    [["report", "quota", "-o", "{tmp}/x.pdf"], ["export", "{tmp}/x.xlsx"], ["check"], ["demo"]],
    ids=["report", "export", "check", "demo"],
)
def test_a_damaged_register_is_said_on_the_command_line(tmp_path: Path, command) -> None:
    db = _damaged_copy(tmp_path)
    code, err = run_cli([part.format(tmp=tmp_path) for part in command] + ["--db", str(db)])
    assert code == 1 and dutch(err), err
    if command != ["demo"]:
        assert "beschadigd" in err or "niet in orde" in err


def test_a_cloud_folder_is_warned_about_and_no_journal_mode_changes_silently(
    tmp_path: Path,
) -> None:
    local = tmp_path / "register.db"
    assert run_cli(["demo", "--db", str(local), "--cases", "2"])[0] == 0
    with Store.open(local, backups=False) as store:
        store.conn.execute("PRAGMA journal_mode = WAL")
    cloud = tmp_path / "OneDrive - Gemeente" / "register.db"
    cloud.parent.mkdir()
    shutil.copy(local, cloud)
    code, err = run_cli(["report", "quota", "-o", str(tmp_path / "q.pdf"), "--db", str(cloud)])
    assert code == 0 and "Let op" in err and "cloud" in err
    assert _journal_is_wal(cloud)  # a reading command changes nothing about the file
    code, err = run_cli(["restore", str(local), "--db", str(cloud)])
    assert code == 0 and "zonder logbestand" in err  # the change is said, not silent
    assert not _journal_is_wal(cloud)


def _journal_is_wal(path: Path) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(20)
    return head[18] == 2 and read_header(path).is_register
