"""Is a register sound? SQLite's own checks, said in Dutch, with the newest good backup.

Used when a register is opened (a quick check: a damaged file is never worked on, and never
copied over a good backup), by ``beschut-desktop check`` (the full check) and by restore, which
refuses a file that is not a sound register.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from beschut_desktop.errors import RegisterRefused
from beschut_desktop.formatting import short_date
from beschut_desktop.store import backup, migrations, schema_v1
from beschut_desktop.store.header import read_header


class RegisterDamaged(RegisterRefused):
    """The register file is damaged; ``backup`` is the newest good backup, if any."""

    def __init__(self, register: Path, what: str) -> None:
        self.register = register
        self.what = what
        self.backup = backup.newest_good_backup(register)
        super().__init__(
            f"Het register {register} is beschadigd: {what}. {advice(register, self.backup)}"
        )


def advice(register: Path, good: backup.Backup | None) -> str:
    if good is None:
        return (
            f"Er is geen goede back-up gevonden in {backup.backup_dir(register)}. "
            "Zet een back-up van een tweede plaats terug met 'beschut-desktop restore'."
        )
    return (
        f"De nieuwste goede back-up is {good.path} (gemaakt op {when(good)}). Zet die terug "
        f"in het venster (Bestand → Terugzetten) of met: beschut-desktop restore "
        f'"{good.path}" --db "{register}"'
    )


def when(good: backup.Backup) -> str:
    return f"{short_date(good.made_at.date())} om {good.made_at:%H:%M}"


def file_problems(path: Path, *, quick: bool = False) -> list[str]:
    """What is wrong with ``path`` as a register (empty: a sound register of a known schema)."""
    if not path.is_file():
        return [f"{path} bestaat niet of is geen bestand"]
    try:
        header = read_header(path)
    except OSError:
        return [f"{path} kan niet worden gelezen"]
    if not header.is_sqlite:
        return ["het is geen SQLite-bestand"]
    if not header.is_register:
        return ["het is een SQLite-bestand, maar geen register van beschut-desktop"]
    if header.user_version > migrations.CURRENT_VERSION:
        return [
            f"het is gemaakt met een nieuwere versie van beschut-desktop (schema "
            f"{header.user_version})"
        ]
    try:
        # Not mode=ro: a read-only connection that closes last leaves an empty -wal behind.
        conn = sqlite3.connect(path, timeout=5.0)
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        return [f"{path} kan niet worden geopend"]
    try:
        problems = backup.integrity_problems(conn, quick=quick)
        if not problems:
            problems.extend(_missing_tables(conn))
        if not problems:
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                problems.append(f"{len(broken)} verwijzingen naar gegevens die niet bestaan")
        return problems
    except sqlite3.Error:
        return ["de opbouw van het bestand is beschadigd"]
    finally:
        conn.close()


def _missing_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table of the first schema must be there (later steps only add)."""
    wanted = {
        match.group(1)
        for statement in schema_v1.STATEMENTS
        if (match := re.match(r"\s*CREATE TABLE (\w+)", statement))
    }
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = sorted(wanted - present)
    if not missing:
        return []
    return [f"de tabellen {', '.join(missing)} ontbreken"]
