"""Backups through SQLite's backup API (a consistent copy even mid-WAL), never a file copy.

A backup is written to a unique temporary name beside its place, checked with
``integrity_check`` and only then renamed into place (``atomic_file.write_atomically``); a copy
that fails the check is deleted and never counts as a backup, so it can never push a good one
out. When it was made is written inside the copy (the settings row ``backup_made_at``): rotation
and "the newest good backup" go by that date, never by a file name.

Daily: at most one a day when a register is opened, the newest ten kept (the one just made is
always kept, also when the clock was set back). Before a migration and before a restore: one
each, kept apart and never rotated away.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from beschut_desktop.atomic_file import write_atomically
from beschut_desktop.errors import UserError

DAILY_KEEP = 10
MADE_AT_KEY = "backup_made_at"
DAILY, BEFORE_MIGRATION, BEFORE_RESTORE = "dagelijks", "voor-migratie", "voor-terugzetten"
# A temporary copy older than this was left by a program that was stopped mid-backup.
STALE_TEMPORARY_S = 15 * 60


class BackupFailed(UserError):
    """The copy could not be made or did not pass its check; nothing was put in place."""


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: dt.datetime


def backup_dir(register_path: Path) -> Path:
    return register_path.parent / f"{register_path.stem}-backups"


def backup_to(conn: sqlite3.Connection, target: Path, made_at: dt.datetime | None = None) -> Path:
    """A checked copy of the open register at ``target`` (replaced whole, or left untouched)."""
    made_at = made_at or dt.datetime.now()
    _refuse_own_files(conn, target)

    def write(temp: Path) -> None:
        copy = sqlite3.connect(temp)
        try:
            conn.backup(copy)
            # One self-contained file: a backup never depends on a -wal beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
            copy.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                (MADE_AT_KEY, json.dumps(made_at.isoformat(timespec="seconds"))),
            )
            copy.commit()
            problems = integrity_problems(copy)
        except sqlite3.Error as exc:
            raise BackupFailed(_sqlite_text(exc, target)) from None
        finally:
            copy.close()
        if problems:
            raise BackupFailed(
                f"De back-up {target} is niet gemaakt: de kopie is niet in orde "
                f"({problems[0]}). Het register zelf is waarschijnlijk beschadigd; "
                "controleer het met 'beschut-desktop check'."
            )

    return write_atomically(target, write)


def _refuse_own_files(conn: sqlite3.Connection, target: Path) -> None:
    """A backup written over the register (or its -wal/-shm) would destroy what it copies."""
    source = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    if not source:
        return
    wanted = Path(target).resolve()
    for suffix in ("", "-wal", "-shm", "-journal"):
        if Path(source + suffix).resolve() == wanted:
            raise BackupFailed(
                f"{target} is het register zelf (of een bestand ernaast); kies een andere plaats "
                "voor de back-up, bij voorkeur op een tweede schijf."
            )


def daily_backup(
    conn: sqlite3.Connection, register_path: Path, today: dt.date, now: dt.datetime | None = None
) -> Path | None:
    """Today's backup, unless one made today exists; then the oldest beyond ten go."""
    now = now or dt.datetime.combine(today, dt.datetime.now().time()).replace(microsecond=0)
    folder = backup_dir(register_path) / DAILY
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(folder)
    existing = backups_in(folder)
    if any(b.made_at.date() == today for b in existing):
        return None
    target = folder / f"{register_path.stem}-{today.isoformat()}.db"
    if target.exists():
        target = folder / f"{register_path.stem}-{today.isoformat()}-{now:%H%M%S}.db"
    backup_to(conn, target, now)
    rotate(existing, keep=DAILY_KEEP - 1)
    return target


def rotate(others: list[Backup], keep: int) -> None:
    """Keep the ``keep`` newest of ``others`` by the date inside them; delete the rest."""
    for old in sorted(others, key=lambda b: b.made_at, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()


def migration_backup(conn: sqlite3.Connection, register_path: Path, from_version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backup_dir(register_path) / BEFORE_MIGRATION
    folder.mkdir(parents=True, exist_ok=True)
    return backup_to(conn, folder / f"{register_path.stem}-schema{from_version}-{stamp}.db")


def restore_backup_path(register_path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backup_dir(register_path) / BEFORE_RESTORE
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{register_path.stem}-{stamp}.db"


def made_at(path: Path) -> dt.datetime | None:
    """When a backup was made, read from inside it; None for anything that is not one."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            found = conn.execute("SELECT value FROM settings WHERE key = ?", (MADE_AT_KEY,))
            row = found.fetchone()
        finally:
            conn.close()
        return dt.datetime.fromisoformat(json.loads(row[0])) if row else None
    except (sqlite3.Error, ValueError, TypeError, OSError):
        return None


def backups_in(folder: Path) -> list[Backup]:
    found = []
    for path in sorted(folder.glob("*.db")):
        when = made_at(path)
        if when is not None:
            found.append(Backup(path, when))
    return found


def all_backups(register_path: Path) -> list[Backup]:
    """Every backup of the register, newest first (by the date inside each)."""
    root = backup_dir(register_path)
    found = []
    for kind in (DAILY, BEFORE_MIGRATION, BEFORE_RESTORE):
        folder = root / kind
        if folder.is_dir():
            found.extend(backups_in(folder))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def newest_good_backup(register_path: Path) -> Backup | None:
    """The newest backup that passes SQLite's check now (a disk can damage a backup too)."""
    for backup in all_backups(register_path):
        if is_sound_file(backup.path):
            return backup
    return None


def is_sound_file(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return not integrity_problems(conn, quick=True)
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return False


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """SQLite's own check of every page and index; empty when the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [_damage_text(exc)]
    if rows == ["ok"]:
        return []
    count = len(rows)
    return [
        f"SQLite vond {count} {'fout' if count == 1 else 'fouten'} in de opbouw van het bestand"
    ]


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary copies left by a program stopped mid-backup: they hold personal data."""
    now = time.time()
    patterns = (".*.tmp", ".*.tmp-journal", "*.partial")
    for leftover in [path for pattern in patterns for path in folder.glob(pattern)]:
        with contextlib.suppress(OSError):
            if leftover.suffix == ".partial" or now - leftover.stat().st_mtime > STALE_TEMPORARY_S:
                leftover.unlink()


def _damage_text(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "not a database" in text:
        return "het bestand is geen SQLite-bestand (meer)"
    if "malformed" in text:
        return "de opbouw van het bestand klopt niet"
    return f"SQLite-fout {getattr(exc, 'sqlite_errorname', '')}".strip()


def _sqlite_text(exc: sqlite3.Error, target: Path) -> str:
    text = str(exc).lower()
    if "full" in text:
        return f"De schijf is vol: de back-up {target} is niet gemaakt."
    if "malformed" in text or "not a database" in text:
        return (
            f"De back-up {target} is niet gemaakt: het register is beschadigd. "
            "Controleer het met 'beschut-desktop check'."
        )
    if "readonly" in text or "unable to open" in text:
        return (
            f"De back-up {target} kan daar niet worden geschreven (alleen-lezen of geen toegang)."
        )
    return (
        f"De back-up {target} is niet gemaakt (SQLite-fout "
        f"{getattr(exc, 'sqlite_errorname', 'onbekend')})."
    )
