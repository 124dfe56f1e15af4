"""Backups expire: none is kept longer than ``RETENTION_DAYS`` (the README says so).

A backup holds everyone who was in the register that day, also a person erased on request
since; expiry is what makes such an erasure reach the backups as well. The age of a backup is
the day it was written (its file time), so that the rule holds whatever the backup is named.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from beschut_desktop.store.backup import backup_dir

RETENTION_DAYS = 30


def expire_backups(register: Path, today: dt.date) -> list[Path]:
    """Remove every backup of ``register`` written more than RETENTION_DAYS before today."""
    folder = backup_dir(register)
    if not folder.is_dir():
        return []
    limit = today - dt.timedelta(days=RETENTION_DAYS)
    expired = []
    for path in sorted(folder.rglob("*.db")):
        written = dt.date.fromtimestamp(path.stat().st_mtime)
        if written < limit:
            path.unlink(missing_ok=True)
            expired.append(path)
    return expired
