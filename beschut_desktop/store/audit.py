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
from pathlib import Path
from typing import Any

from beschut_desktop.errors import UserError

READ = "read"
# Reading or handing out personal data: the kind of read, its Dutch name in the viewer.
READ_KINDS = {
    "case_file": "dossier geopend",
    "print": "gemaakt om af te drukken",
    "save": "opgeslagen als PDF",
    "view": "gemaakt voor de PDF-lezer",
    "document": "document gemaakt",
    "letter": "brief gemaakt",
    "export": "register geëxporteerd",
    "export_without_bsn": "register geëxporteerd zonder BSN",
    "person_export": "gegevens geëxporteerd (AVG)",
    "calendar": "agenda geëxporteerd",
    "report": "rapport gemaakt",
}


@functools.cache
def os_user() -> str:
    """The login name, or "onbekend" on a service account without one."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
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


def write_read(
    conn: sqlite3.Connection,
    register: Path,
    kind: str,
    *,
    person_id: int | None = None,
    subject: str | None = None,
) -> None:
    """One read entry, appended in its own short transaction (committed at once, whatever
    else is going on), before the output it records is made.

    ``subject`` names what was read (a document title with case number, a file name), never
    a BSN or a name. When the entry cannot be written, ``UserError``: no output without it.
    """
    if kind not in READ_KINDS:
        raise ValueError(f"unknown read kind: {kind}")
    own = not conn.in_transaction
    try:
        if own:
            conn.execute("BEGIN IMMEDIATE")
        write(
            conn,
            READ,
            kind,
            person_id,
            {"inzage": READ_KINDS[kind], **({"onderwerp": subject} if subject else {})},
            person_id,
        )
        if own:
            conn.execute("COMMIT")
    except sqlite3.Error:
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise UserError(
            f"Het auditspoor van {register} kan niet worden bijgewerkt (alleen-lezen, vol of "
            "in gebruik). Persoonsgegevens worden alleen getoond of uitgevoerd als dat wordt "
            "vastgelegd; er is niets gemaakt. Probeer het zo opnieuw."
        ) from None


def trail(
    conn: sqlite3.Connection,
    *,
    person_id: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    reads: bool | None = None,
    limit: int = 5000,
) -> list[dict[str, Any]]:
    """Audit entries for the viewer, newest first: of one person, between two days, only
    reads (True) or only changes (False)."""
    where, args = [], []
    if person_id is not None:
        where.append("person_id = ?")
        args.append(person_id)
    if since is not None:
        where.append("at >= ?")
        args.append(since.isoformat())
    if until is not None:
        where.append("at < ?")
        args.append((until + dt.timedelta(days=1)).isoformat())
    if reads is not None:
        where.append("action = ?" if reads else "action != ?")
        args.append(READ)
    sql = "SELECT * FROM audit" + (f" WHERE {' AND '.join(where)}" if where else "")
    cursor = conn.execute(f"{sql} ORDER BY id DESC LIMIT ?", (*args, limit))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields that change."""
    return {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
