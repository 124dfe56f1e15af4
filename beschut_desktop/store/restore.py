"""Putting a backup back, the safe way.

The obvious restore — copying a backup over the register file — is wrong: the register's old
``-wal`` beside it is then replayed onto the copied file and damages it. Here the backup is
checked first (a file that is not a sound register is refused), the register it replaces is
backed up, and the backup's pages are written *into* the open register through SQLite's backup
API: one transaction through the register's own journal, so every other program reading it
sees the old register or the restored one, never a mix. A register too damaged to open is moved
aside whole (with its -wal and -shm) and the backup is written in its place.

After a restore the register is brought up to the current schema and ``after_restore`` runs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from beschut_desktop.atomic_file import os_error_text, write_atomically
from beschut_desktop.errors import UserError
from beschut_desktop.store import backup, lock
from beschut_desktop.store.health import file_problems
from beschut_desktop.store.store import Store

SIDE_FILES = ("-wal", "-shm", "-journal")


def after_restore(store: Store) -> None:
    """Runs once after every restore, inside the restoring program, on the restored register.

    Applies again the erasures on request (AVG art. 17) made after the backup was taken: the
    erasure log beside the register outlives the restore and names them."""
    from beschut_desktop.store import erasure

    erasure.reapply(store.conn, store.path)


def restore(source: Path, register: Path, today: dt.date | None = None) -> Path | None:
    """Put the backup ``source`` back as ``register``; returns the backup made of what it
    replaced (None when there was no register). Holds the register's writer lock throughout."""
    source, register = Path(source), Path(register)
    if source.resolve() == register.resolve():
        raise UserError(f"{source} is het register zelf; kies een back-up om terug te zetten.")
    problems = file_problems(source)
    if problems:
        raise UserError(
            f"{source} wordt niet teruggezet: het is geen goed register ({problems[0]}). "
            "Het register is niet gewijzigd."
        )
    held = lock.acquire(register)
    try:
        saved = _replace(source, register)
        with Store.open(register, today=today, backups=False) as store:
            _forget_backup_stamp(store, source)
            after_restore(store)
        return saved
    finally:
        held.release()


def _replace(source: Path, register: Path) -> Path | None:
    if not register.exists() or register.stat().st_size == 0:
        _write_fresh(source, register)
        return None
    if file_problems(register, quick=True):
        saved = _move_damaged_aside(register)
        _write_fresh(source, register)
        return saved
    saved = backup.restore_backup_path(register)
    target = sqlite3.connect(register, timeout=5.0)
    try:
        target.execute("PRAGMA busy_timeout = 5000")
        backup.backup_to(target, saved)
        with _open_read_only(source) as origin:
            if _page_size(origin) != _page_size(target):
                _write_fresh_over_open(source, register, target)
                return saved
            origin.backup(target)
    except sqlite3.Error as exc:
        raise UserError(_failed(source, exc)) from None
    finally:
        target.close()
    return saved


def _write_fresh(source: Path, register: Path) -> None:
    """No register (or a damaged one moved aside): the checked copy goes in by one rename."""
    for suffix in SIDE_FILES:
        Path(f"{register}{suffix}").unlink(missing_ok=True)

    def write(temp: Path) -> None:
        with _open_read_only(source) as origin:
            copy = sqlite3.connect(temp)
            try:
                origin.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
                if backup.integrity_problems(copy):
                    raise UserError(
                        f"{source} kon niet goed worden gekopieerd; er is niets teruggezet."
                    )
            finally:
                copy.close()

    write_atomically(register, write)


def _write_fresh_over_open(source: Path, register: Path, target: sqlite3.Connection) -> None:
    """Pages of another size cannot go into a WAL register: checkpoint, then a fresh file."""
    target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target.execute("PRAGMA journal_mode = DELETE")
    target.close()
    _write_fresh(source, register)


def _move_damaged_aside(register: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backup.backup_dir(register) / backup.BEFORE_RESTORE / f"beschadigd-{stamp}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for suffix in ("", *SIDE_FILES):
            part = Path(f"{register}{suffix}")
            if part.exists():
                shutil.move(part, folder / part.name)
    except OSError as exc:
        raise UserError(os_error_text(exc, folder)) from None
    return folder / register.name


def _forget_backup_stamp(store: Store, source: Path) -> None:
    """The restored register is a register again, not a backup; the restore is audited."""
    from beschut_desktop.store import audit

    made = backup.made_at(source)
    with store.atomic():
        store.conn.execute("DELETE FROM settings WHERE key = ?", (backup.MADE_AT_KEY,))
        note = f"register teruggezet uit back-up {source.name}"
        if made is not None:
            note += f" van {made.day}-{made.month}-{made.year} {made:%H:%M}"
        audit.write(store.conn, "restore", "settings", None, {"toelichting": note})


@contextlib.contextmanager
def _open_read_only(path: Path):
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def _page_size(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA page_size").fetchone()[0]


def _failed(source: Path, exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "full" in text:
        return f"De schijf is vol: {source} is niet teruggezet. Het register is niet gewijzigd."
    if "locked" in text or "busy" in text:
        return (
            f"{source} is niet teruggezet: het register wordt nog gelezen door een ander "
            "programma. Probeer het zo opnieuw."
        )
    return (
        f"{source} is niet teruggezet (SQLite-fout {getattr(exc, 'sqlite_errorname', '')}). "
        "Het register is niet gewijzigd."
    )
