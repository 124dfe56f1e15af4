"""Erasure on request (AVG art. 17), complete: the person, all theirs, and every trace.

What goes: the person and everything hanging from them (the schema cascades), the handled
signals about their records with their notes, every audit entry about them (changes and
reads), and their BSN and name wherever another audit entry still quotes them. What stays: one
audit entry without personal data, and a line in the erasure log with only the case number
and the date. ``secure_delete`` (set on every connection) overwrites the freed bytes, and the
write-ahead log is checkpointed and truncated afterwards, so the file holds nothing of them.

The erasure log is kept twice: in the register, and in a small file beside it
(``<naam>-verwijderingen.txt``) that a restore does not replace. ``reapply`` erases again
everyone on either list who is back — after a restore of an older backup — so that an
erasure is never undone. A case number is never handed out again: ``next_person_id`` counts
from the highest number ever used (``case_number_high_water``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from beschut_desktop.owner_only import restrict
from beschut_desktop.rules.model import case_number
from beschut_desktop.store import audit

SCRUBBED = "[verwijderd]"
_CASE_NUMBER = re.compile(r"^BW-(\d+)$")
# Signal keys are 'kind:subject:id'; these subjects belong to a person.
_SUBJECT_TABLES = {
    "person": "persons",
    "placement": "placements",
    "decision": "decisions",
    "objection": "objections",
    "agreement": "tailored_agreements",
}


def log_file(register: Path) -> Path:
    return register.parent / f"{register.stem}-verwijderingen.txt"


def next_person_id(conn: sqlite3.Connection) -> int:
    """One above every person id ever used, also of persons since erased."""
    found = conn.execute(
        "SELECT max(coalesce((SELECT person_id FROM case_number_high_water WHERE id = 1), 0), "
        "coalesce((SELECT max(id) FROM persons), 0))"
    ).fetchone()[0]
    return found + 1


def person_id_of(number: str) -> int | None:
    match = _CASE_NUMBER.match(number.strip())
    return int(match.group(1)) if match else None


def erase(conn: sqlite3.Connection, person_id: int, on: dt.date) -> str:
    """Erase the person inside the caller's transaction; return their case number."""
    person = conn.execute(
        "SELECT bsn, first_name, last_name FROM persons WHERE id = ?", (person_id,)
    ).fetchone()
    number = case_number(person_id)
    if person is not None:
        _forget_handled_signals(conn, person_id)
        conn.execute("DELETE FROM audit WHERE person_id = ?", (person_id,))
        _scrub_audit(conn, person)
        conn.execute("DELETE FROM persons WHERE id = ?", (person_id,))
        audit.write(
            conn,
            "remove_on_request",
            "persons",
            None,
            {"toelichting": "persoon verwijderd op verzoek (AVG)"},
        )
    conn.execute(
        "INSERT OR IGNORE INTO erasures (case_number, erased_on) VALUES (?, ?)",
        (number, on.isoformat()),
    )
    conn.execute(
        "UPDATE case_number_high_water SET person_id = max(person_id, ?) WHERE id = 1",
        (person_id,),
    )
    return number


def _records_of(conn: sqlite3.Connection, person_id: int) -> dict[str, list[int]]:
    placements = [
        r[0] for r in conn.execute("SELECT id FROM placements WHERE person_id = ?", (person_id,))
    ]
    marks = ",".join("?" * len(placements))
    agreements = (
        [
            r[0]
            for r in conn.execute(
                f"SELECT id FROM tailored_agreements WHERE placement_id IN ({marks})", placements
            )
        ]
        if placements
        else []
    )
    return {
        "person": [person_id],
        "placement": placements,
        "decision": [
            r[0] for r in conn.execute("SELECT id FROM decisions WHERE person_id = ?", (person_id,))
        ],
        "objection": [
            r[0]
            for r in conn.execute("SELECT id FROM objections WHERE person_id = ?", (person_id,))
        ],
        "agreement": agreements,
    }


def _forget_handled_signals(conn: sqlite3.Connection, person_id: int) -> None:
    """The handled signals about the person's records, their notes, and their audit."""
    keys = {
        f":{subject}:{record}"
        for subject, records in _records_of(conn, person_id).items()
        for record in records
    }
    handled = [
        (row_id, key)
        for row_id, key in conn.execute("SELECT id, signal_key FROM handled_signals")
        if any(key.endswith(suffix) for suffix in keys)
    ]
    for row_id, _ in handled:
        conn.execute("DELETE FROM handled_signals WHERE id = ?", (row_id,))
        conn.execute(
            "DELETE FROM audit WHERE table_name = 'handled_signals' AND record_id = ?",
            (str(row_id),),
        )


def _scrub_audit(conn: sqlite3.Connection, person: tuple[Any, ...]) -> None:
    """Other audit entries that still quote the person's BSN or name get those values
    replaced; the entry itself (that something changed, when, by whom) stays."""
    bsn, first, last = person
    needles = [n for n in (bsn, f"{first} {last}") if n and len(n) > 1]
    for needle in needles:
        rows = conn.execute(
            "SELECT id, changes FROM audit WHERE changes LIKE ?", (f"%{needle}%",)
        ).fetchall()
        for row_id, changes in rows:
            conn.execute(
                "UPDATE audit SET changes = ? WHERE id = ?",
                (_scrubbed(changes, needles), row_id),
            )


def _scrubbed(changes: str, needles: list[str]) -> str:
    def clean(value: Any) -> Any:
        if isinstance(value, str):
            for needle in needles:
                value = re.sub(re.escape(needle), SCRUBBED, value, flags=re.IGNORECASE)
            return value
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return json.dumps(clean(json.loads(changes)), ensure_ascii=False)


def append_to_log(register: Path, number: str, on: dt.date) -> None:
    path = log_file(register)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"{number} {on.isoformat()}\n")
    restrict([path])


def logged(conn: sqlite3.Connection, register: Path) -> dict[str, str]:
    """Every erasure known, from the register and from the file beside it: case → date."""
    found = dict(conn.execute("SELECT case_number, erased_on FROM erasures").fetchall())
    path = log_file(register)
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2 and person_id_of(parts[0]) is not None:
                found.setdefault(parts[0], parts[1])
    return found


def reapply(conn: sqlite3.Connection, register: Path) -> list[str]:
    """Erase again, in one transaction, everyone in either erasure log who is back in the
    register; bring the register's own log up to date. Returns the case numbers erased again."""
    again = []
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        for number, day in sorted(logged(conn, register).items()):
            person_id = person_id_of(number)
            if person_id is None:
                continue
            if conn.execute("SELECT 1 FROM persons WHERE id = ?", (person_id,)).fetchone():
                again.append(number)
            erase(conn, person_id, dt.date.fromisoformat(day))
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    checkpoint(conn)
    return again


def pending(conn: sqlite3.Connection, register: Path) -> bool:
    """Whether the log beside the register names an erasure the register does not know: the
    register is older than an erasure (a backup put back, by the program or by hand)."""
    path = log_file(register)
    if not path.exists():
        return False
    known = {r[0] for r in conn.execute("SELECT case_number FROM erasures")}
    return any(number not in known for number in logged(conn, register))


def checkpoint(conn: sqlite3.Connection) -> None:
    """Move the WAL into the file (where secure_delete has zeroed the freed bytes) and empty
    it, so that no earlier page image of the erased person is left in the -wal file."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
