"""The schema ladder: one small step per version, recorded in ``PRAGMA user_version``.

To change the schema, append a function to ``STEPS`` and add the program version that first
writes it to ``PROGRAM_VERSION_FOR_SCHEMA``; never edit an earlier step. Keep a frozen register
of the new version in ``tests/registers/`` (``tests/make_frozen_register.py``).
Each step runs in its own transaction, with the version bump inside it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from beschut_desktop.store import schema_v1
from beschut_desktop.store.header import APPLICATION_ID
from beschut_desktop.store.reference_data import MINIMUM_WAGES, QUOTA_YEARS


def _step_1_core(conn: sqlite3.Connection) -> None:
    for statement in schema_v1.STATEMENTS:
        conn.execute(statement)
    conn.executemany(
        "INSERT INTO quota_years (year, quota, amount_per_place_cents, hours_per_place) "
        "VALUES (?, ?, ?, ?)",
        QUOTA_YEARS,
    )
    conn.executemany(
        "INSERT INTO minimum_wage_periods (start_date, amount_cents, unit) VALUES (?, ?, ?)",
        MINIMUM_WAGES,
    )


def _step_employer_name_guard(conn: sqlite3.Connection) -> None:
    """A second employer with the same name and no different KvK number is refused.

    The store compares names without case, accents or spacing; this trigger is the schema's own
    last guard (case and outer spaces only: SQLite has no accent folding). Employers already
    stored twice stay as they are: the trigger judges new writes only.
    """
    same_name = (
        "SELECT 1 FROM employers AS e WHERE lower(trim(e.name)) = lower(trim(NEW.name)) "
        "AND (e.kvk_number IS NULL OR NEW.kvk_number IS NULL OR e.kvk_number = NEW.kvk_number)"
    )
    conn.execute(
        "CREATE TRIGGER employers_name_guard_insert BEFORE INSERT ON employers "
        f"WHEN EXISTS ({same_name}) "
        "BEGIN SELECT RAISE(ABORT, 'employer_name_taken'); END"
    )
    conn.execute(
        "CREATE TRIGGER employers_name_guard_update BEFORE UPDATE OF name, kvk_number "
        f"ON employers WHEN EXISTS ({same_name} AND e.id <> NEW.id) "
        "BEGIN SELECT RAISE(ABORT, 'employer_name_taken'); END"
    )


def _step_outcome_dates(conn: sqlite3.Connection) -> None:
    """A placement's outcome and the answer to an offer carry their own date, so an answer
    on an earlier date does not see them (as of means as of). Outcomes already recorded get
    the day of the audit entry that recorded them; without one they stay undated (known)."""
    conn.execute("ALTER TABLE placements ADD COLUMN outcome_date TEXT")
    conn.execute("ALTER TABLE placements ADD COLUMN offer_answered_on TEXT")
    conn.execute(
        """
        UPDATE placements SET outcome_date = (
            SELECT substr(max(a.at), 1, 10) FROM audit a
            WHERE a.table_name = 'placements' AND a.record_id = CAST(placements.id AS TEXT)
              AND a.changes LIKE '%"outcome"%'
        )
        WHERE outcome IS NOT NULL
        """
    )


def _step_privacy(conn: sqlite3.Connection) -> None:
    """The erasure log (case number and date only), the highest case number ever handed out
    (a number is never given twice, also after an erasure), and the audit trail searchable by
    date for its viewer (reads of personal data are audited as action 'read')."""
    conn.execute(
        "CREATE TABLE erasures (id INTEGER PRIMARY KEY, case_number TEXT NOT NULL UNIQUE, "
        "erased_on TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE case_number_high_water (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "person_id INTEGER NOT NULL)"
    )
    conn.execute(
        "INSERT INTO case_number_high_water (id, person_id) SELECT 1, max("
        "coalesce((SELECT max(id) FROM persons), 0), "
        "coalesce((SELECT max(person_id) FROM audit), 0), "
        "coalesce((SELECT max(CAST(record_id AS INTEGER)) FROM audit "
        "WHERE table_name = 'persons'), 0))"
    )
    conn.execute(
        "CREATE TRIGGER persons_case_number_high_water AFTER INSERT ON persons BEGIN "
        "UPDATE case_number_high_water SET person_id = max(person_id, NEW.id) WHERE id = 1; END"
    )
    conn.execute("CREATE INDEX audit_at ON audit(at)")


def _step_letters(conn: sqlite3.Connection) -> None:
    """Decision letters: the employer's postal address, the letters made (with the day each
    was sent) and the municipality's own Word templates, kept in the register so that a
    backup carries them. ``kind`` is checked by the program (``letters.fields.KINDS``), not
    by the table, so that a new kind of letter needs no schema step."""
    conn.execute("ALTER TABLE employers ADD COLUMN postal_code TEXT")
    conn.execute("ALTER TABLE employers ADD COLUMN city TEXT")
    conn.execute(
        """
        CREATE TABLE letters (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
            placement_id INTEGER REFERENCES placements(id) ON DELETE SET NULL,
            decision_id INTEGER REFERENCES decisions(id) ON DELETE SET NULL,
            kind TEXT NOT NULL,
            letter_date TEXT NOT NULL,
            made_on TEXT NOT NULL,
            template TEXT NOT NULL DEFAULT 'standard' CHECK (template IN ('standard', 'own')),
            sent_date TEXT
        )
        """
    )
    conn.execute("CREATE INDEX letters_person ON letters(person_id)")
    conn.execute(
        """
        CREATE TABLE letter_templates (
            kind TEXT PRIMARY KEY,
            file_name TEXT NOT NULL,
            content BLOB NOT NULL,
            replaced_on TEXT NOT NULL
        )
        """
    )


STEPS: list[Callable[[sqlite3.Connection], None]] = [
    _step_1_core,
    _step_employer_name_guard,
    _step_outcome_dates,
    _step_privacy,
    _step_letters,
]
CURRENT_VERSION = len(STEPS)
PROGRAM_VERSION_FOR_SCHEMA = {1: "0.1.0", 2: "0.2.0", 3: "0.2.0", 4: "0.2.0", 5: "0.2.0"}


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, up_to: int = CURRENT_VERSION) -> list[int]:
    """Run the steps above the file's version, each atomically; return the versions reached."""
    reached = []
    version = schema_version(conn)
    while version < up_to:
        step = STEPS[version]
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            if version == 0:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            # Read by an older program that must refuse this file, to name the version needed.
            conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('program_version', ?)",
                (json.dumps(PROGRAM_VERSION_FOR_SCHEMA[version + 1]),),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version += 1
        reached.append(version)
    return reached
