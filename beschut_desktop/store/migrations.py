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


STEPS: list[Callable[[sqlite3.Connection], None]] = [_step_1_core, _step_letters]
CURRENT_VERSION = len(STEPS)
PROGRAM_VERSION_FOR_SCHEMA = {1: "0.1.0", 2: "0.1.0"}


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
