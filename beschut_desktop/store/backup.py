"""Backups through SQLite's backup API (a consistent copy even mid-WAL), never a file copy.

Daily: at most one a day when a register is opened, the newest ten kept.
Before a migration: one per step up, kept apart and never rotated away.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

DAILY_KEEP = 10


def backup_dir(register_path: Path) -> Path:
    return register_path.parent / f"{register_path.stem}-backups"


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    destination = sqlite3.connect(partial)
    try:
        conn.backup(destination)
    finally:
        destination.close()
    partial.replace(target)
    return target


def daily_backup(conn: sqlite3.Connection, register_path: Path, today: dt.date) -> Path | None:
    folder = backup_dir(register_path) / "dagelijks"
    target = folder / f"{register_path.stem}-{today.isoformat()}.db"
    if target.exists():
        return None
    backup_to(conn, target)
    for old in sorted(folder.glob(f"{register_path.stem}-*.db"))[:-DAILY_KEEP]:
        old.unlink(missing_ok=True)
    return target


def migration_backup(conn: sqlite3.Connection, register_path: Path, from_version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backup_dir(register_path) / "voor-migratie"
    return backup_to(conn, folder / f"{register_path.stem}-schema{from_version}-{stamp}.db")
