"""One writer per register file: the lock, who holds it, stale locks, and the races it ends.

Races run as real processes started together at a barrier (never sleeps): two windows, two
imports into one register, two imports creating one register.
"""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import os
import signal
import socket
import sqlite3
from pathlib import Path

import pytest

from beschut_desktop.cli import main
from beschut_desktop.store import lock
from beschut_desktop.store.lock import RegisterLocked
from beschut_desktop.store.store import Store

FORK = multiprocessing.get_context("fork")


def run_cli(args: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(args)
    return code, err.getvalue()


def test_a_second_writer_is_refused_naming_the_holder(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    holder = Store.open(db)
    try:
        ready, go = FORK.Event(), FORK.Queue()

        def other() -> None:
            lock._held.clear()  # another program: nothing of this process's locks
            go.put(run_cli(["demo", "--db", str(db), "--force"]))
            ready.set()

        child = FORK.Process(target=other)
        child.start()
        code, err = go.get(timeout=60)
        child.join(60)
        assert code == 1
        assert "in gebruik door gebruiker" in err and socket.gethostname() in err
        assert "sinds" in err and "Traceback" not in err
    finally:
        holder.close()


def test_reading_commands_work_while_another_writes(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    assert run_cli(["demo", "--db", str(db), "--cases", "2"])[0] == 0
    result = FORK.Queue()
    with Store.open(db):  # the window

        def reader() -> None:
            lock._held.clear()
            out = tmp_path / "uit"
            result.put(
                [
                    run_cli(["report", "quota", "-o", str(out) + ".pdf", "--db", str(db)])[0],
                    run_cli(["export", str(out) + ".xlsx", "--db", str(db)])[0],
                    run_cli(["calendar", "-o", str(out) + ".ics", "--db", str(db)])[0],
                    run_cli(["check", "--db", str(db)])[0],
                    run_cli(["backup", "-o", str(out) + ".db", "--db", str(db)])[0],
                    run_cli(["import", str(out) + ".xlsx", "--db", str(db)])[0],
                ]
            )

        child = FORK.Process(target=reader)
        child.start()
        codes = result.get(timeout=120)
        child.join(60)
    assert codes == [0, 0, 0, 0, 0, 1]  # every reader works; the writing import is refused


def test_a_lock_left_by_a_killed_program_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    ready = FORK.Event()

    def crashing_window() -> None:
        lock._held.clear()
        Store.open(db)
        ready.set()
        signal.pause()

    child = FORK.Process(target=crashing_window)
    child.start()
    assert ready.wait(60)
    with pytest.raises(RegisterLocked):
        Store.open(db)
    os.kill(child.pid, signal.SIGKILL)
    child.join(60)
    with Store.open(db) as store:
        assert store.lock is not None


def test_a_holder_file_of_a_dead_program_does_not_block(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    lock.lock_path(db).write_text(
        json.dumps(
            {
                "user": "iemand",
                "computer": socket.gethostname(),
                "pid": 999999,
                "since": "2022-09-06T09:00:00",
            }
        )
    )
    with Store.open(db) as store:
        assert store.lock is not None
    assert not lock.lock_path(db).exists()


def test_one_program_may_open_its_own_register_twice(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    with Store.open(db), Store.open(db) as second:
        assert second.lock is not None
    assert not lock.lock_path(db).exists()


def _racer(db: Path, barrier, results, hold) -> None:
    lock._held.clear()
    barrier.wait(60)
    try:
        store = Store.open(db)
    except RegisterLocked as refused:
        results.put(("refused", refused.message))
        hold.wait(60)
        return
    results.put(("writer", ""))
    hold.wait(60)
    store.close()


def test_of_four_windows_opened_at_once_one_writes(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    Store.open(db).close()
    barrier, hold, results = FORK.Barrier(4), FORK.Event(), FORK.Queue()
    children = [FORK.Process(target=_racer, args=(db, barrier, results, hold)) for _ in range(4)]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=60) for _ in children]
    hold.set()
    for child in children:
        child.join(60)
    assert sorted(kind for kind, _ in outcomes) == ["refused", "refused", "refused", "writer"]
    assert all("in gebruik door" in text for kind, text in outcomes if kind == "refused")


def _importer(file: Path, db: Path, barrier, results) -> None:
    lock._held.clear()
    barrier.wait(60)
    results.put(run_cli(["import", str(file), "--db", str(db)]))


def _race_imports(file: Path, db: Path, count: int = 2) -> list[tuple[int, str]]:
    barrier, results = FORK.Barrier(count), FORK.Queue()
    children = [
        FORK.Process(target=_importer, args=(file, db, barrier, results)) for _ in range(count)
    ]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=120) for _ in children]
    for child in children:
        child.join(60)
    return outcomes


def _employer_names(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return sorted(r[0] for r in conn.execute("SELECT name FROM employers"))
    finally:
        conn.close()


@pytest.fixture
def import_file(tmp_path: Path) -> Path:
    from exchange_helpers import good_sheets, write_xlsx

    return write_xlsx(tmp_path / "lijst.xlsx", good_sheets())


def test_two_imports_creating_one_register_leave_it_whole(tmp_path: Path, import_file) -> None:
    for trial in range(4):
        db = tmp_path / f"nieuw{trial}" / "register.db"
        outcomes = _race_imports(import_file, db)
        done = [err for code, err in outcomes if code == 0]
        assert done, outcomes
        assert all(code == 0 or "in gebruik" in err for code, err in outcomes), outcomes
        assert db.exists()  # who said "ingelezen" left a register behind
        names = _employer_names(db)
        assert len(names) == len(set(names)) == 3


def test_two_imports_into_one_register_store_each_employer_once(
    tmp_path: Path, import_file
) -> None:
    db = tmp_path / "register.db"
    Store.open(db).close()
    for _trial in range(3):
        outcomes = _race_imports(import_file, db)
        assert all(code == 0 or "in gebruik" in err for code, err in outcomes), outcomes
        names = _employer_names(db)
        assert len(names) == len(set(names)) == 3


def test_without_an_os_lock_the_holder_file_decides(tmp_path: Path, monkeypatch) -> None:
    """Some network shares offer no OS lock: a living holder on this computer still refuses,
    a holder whose process is gone is taken over."""
    db = tmp_path / "register.db"
    monkeypatch.setattr(lock, "_os_lock", lambda handle: None)
    sleeper = FORK.Process(target=signal.pause)
    sleeper.start()
    try:
        holder = {
            "user": "iemand",
            "computer": socket.gethostname(),
            "since": "2022-09-06T09:00:00",
        }
        lock.lock_path(db).write_text(json.dumps({**holder, "pid": sleeper.pid}))
        with pytest.raises(RegisterLocked, match="gebruiker iemand"):
            Store.open(db)
    finally:
        os.kill(sleeper.pid, signal.SIGKILL)
        sleeper.join(60)
    with Store.open(db) as store:  # the holder's process is gone now
        assert store.lock is not None
