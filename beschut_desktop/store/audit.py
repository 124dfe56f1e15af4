"""The audit trail: every change, who (OS user) and when, old → new, in the same transaction.

``person_id`` and ``employer_id`` are stored with each entry so that a case file or an
employer card can show its own history, and a removal on request can scrub it.
"""

from __future__ import annotations

import datetime as dt
import functools
import getpass
import json
import sqlite3
from typing import Any


@functools.cache
def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "onbekend"


def owners(conn: sqlite3.Connection, table: str, record: dict[str, Any]) -> tuple[Any, Any]:
    """(person_id, employer_id) a record belongs to, for filtering history."""
    person_id = record.get("person_id")
    employer_id = record.get("employer_id")
    if table == "persons":
        person_id = record.get("id")
    elif table == "employers":
        employer_id = record.get("id")
    placement_id = record.get("placement_id")
    if placement_id and (person_id is None or employer_id is None):
        found = conn.execute(
            "SELECT person_id, employer_id FROM placements WHERE id = ?", (placement_id,)
        ).fetchone()
        if found:
            person_id = person_id or found[0]
            employer_id = employer_id or found[1]
    coach_id = record.get("coach_id")
    if table == "coach_criteria" and coach_id:
        found = conn.execute("SELECT employer_id FROM coaches WHERE id = ?", (coach_id,)).fetchone()
        if found:
            employer_id = found[0]
    return person_id, employer_id


def write(
    conn: sqlite3.Connection,
    action: str,
    table: str,
    record_id: Any,
    changes: dict[str, Any] | None,
    person_id: Any = None,
    employer_id: Any = None,
) -> None:
    conn.execute(
        "INSERT INTO audit (at, os_user, action, table_name, record_id, person_id, employer_id, "
        "changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            dt.datetime.now().isoformat(timespec="seconds"),
            os_user(),
            action,
            table,
            None if record_id is None else str(record_id),
            person_id,
            employer_id,
            json.dumps(changes, ensure_ascii=False, default=str) if changes is not None else None,
        ),
    )


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields that change."""
    return {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
