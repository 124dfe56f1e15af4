"""The register file: opening it safely, and every write as one audited transaction.

Opening judges the file from its header first (junk and newer files are refused untouched),
then sets the pragmas, takes the daily backup and climbs the migration ladder with a backup
before it. Writes go through ``insert``/``update``/``delete``: each validates the record, writes
it and its audit entry inside ``atomic()``, so that one user action is one transaction.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import json
import sqlite3
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from beschut_desktop.errors import RegisterRefused, UserError, ValidationError
from beschut_desktop.rules.model import Register, Settings
from beschut_desktop.store import audit, backup, migrations
from beschut_desktop.store.header import read_header
from beschut_desktop.store.loader import load_register, load_settings
from beschut_desktop.store.location import risky_location
from beschut_desktop.wording import TABLE_LABELS, label

PRIMARY_KEYS = {"quota_years": "year", "settings": "key"}


def to_sql(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str):
        return value.strip() or None
    return value


class Store:
    """An open register. Use ``Store.open(path)``; close it, or use it as a context manager."""

    def __init__(self, path: Path, conn: sqlite3.Connection, warnings: list[str]) -> None:
        self.path = path
        self.conn = conn
        self.warnings = warnings

    @functools.cached_property
    def db(self) -> Any:
        """The ``sqlite_utils.Database`` over the connection, made on first use: reading the
        register needs only ``sqlite3``, and the window should not wait for sqlite-utils (and
        its plugin scan) before it shows anything. Every write goes through ``atomic`` and so
        through this."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # ---- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        today: dt.date | None = None,
        backups: bool = True,
    ) -> Store:
        path = Path(path)
        is_new = not path.exists() or path.stat().st_size == 0
        if is_new and not create:
            raise RegisterRefused(f"Het register {path} bestaat niet.")
        if not is_new:
            _judge_existing(path)
        warning = risky_location(path.parent if is_new else path)
        warnings = [warning] if warning else []
        try:
            if is_new:
                path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=5.0)
        except (sqlite3.Error, OSError) as exc:
            raise RegisterRefused(f"Het register {path} kan niet worden geopend: {exc}") from None
        try:
            _set_pragmas(conn, wal=warning is None)
            if not is_new and backups:
                backup.daily_backup(conn, path, today or dt.date.today())
            version = migrations.schema_version(conn)
            if version < migrations.CURRENT_VERSION:
                if not is_new and backups:
                    backup.migration_backup(conn, path, version)
                migrations.migrate(conn)
                # The header's version and application id must reach the main file at once:
                # another process judges a register by its header before opening it.
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            conn.close()
            raise _translate(exc, path) from None
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, warnings)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- reading -----------------------------------------------------------------------

    def load(self) -> Register:
        return load_register(self.conn)

    def settings(self) -> Settings:
        return load_settings(self.conn)

    def row(self, table: str, pk: Any) -> dict[str, Any] | None:
        key = PRIMARY_KEYS.get(table, "id")
        cursor = self.conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", (pk,))
        found = cursor.fetchone()
        if found is None:
            return None
        return dict(zip([c[0] for c in cursor.description], found, strict=True))

    def rows(
        self, table: str, where: str | None = None, args: tuple = (), order_by: str | None = None
    ) -> list[dict[str, Any]]:
        return list(self.db[table].rows_where(where, args, order_by=order_by))

    def history(
        self, *, person_id: int | None = None, employer_id: int | None = None
    ) -> list[dict[str, Any]]:
        """Audit entries of one person or employer, newest first."""
        if person_id is not None:
            return self.rows("audit", "person_id = ?", (person_id,), order_by="id desc")
        if employer_id is not None:
            return self.rows("audit", "employer_id = ?", (employer_id,), order_by="id desc")
        return self.rows("audit", order_by="id desc")

    # ---- writing -----------------------------------------------------------------------

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Store]:
        """One user action: everything inside commits together, audit included, or not at all."""
        try:
            with self.db.atomic():
                yield self
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from None

    def insert(self, table: str, values: Mapping[str, Any]) -> Any:
        record = {k: to_sql(v) for k, v in values.items()}
        _check(table, record)
        with self.atomic():
            try:
                cursor = self.conn.execute(
                    f"INSERT INTO {table} ({', '.join(record)}) "
                    f"VALUES ({', '.join('?' for _ in record)})",
                    tuple(record.values()),
                )
            except sqlite3.IntegrityError as exc:
                raise _integrity(table, record, exc) from None
            pk = record.get(PRIMARY_KEYS.get(table, "id"), cursor.lastrowid)
            stored = self.row(table, pk) or record
            person_id, employer_id = audit.owners(self.conn, table, stored)
            audit.write(self.conn, "insert", table, pk, stored, person_id, employer_id)
        return pk

    def update(self, table: str, pk: Any, values: Mapping[str, Any]) -> None:
        old = self.row(table, pk)
        if old is None:
            raise UserError(f"{TABLE_LABELS.get(table, table)} {pk} bestaat niet (meer).")
        changes = {k: to_sql(v) for k, v in values.items()}
        _check(table, {**old, **changes})
        changed = audit.diff(old, changes)
        if not changed:
            return
        key = PRIMARY_KEYS.get(table, "id")
        with self.atomic():
            try:
                self.conn.execute(
                    f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in changed)} WHERE {key} = ?",
                    (*(changes[k] for k in changed), pk),
                )
            except sqlite3.IntegrityError as exc:
                raise _integrity(table, {**old, **changes}, exc) from None
            person_id, employer_id = audit.owners(self.conn, table, {**old, **changes})
            audit.write(self.conn, "update", table, pk, changed, person_id, employer_id)

    def delete(self, table: str, pk: Any) -> None:
        old = self.row(table, pk)
        if old is None:
            return
        key = PRIMARY_KEYS.get(table, "id")
        with self.atomic():
            person_id, employer_id = audit.owners(self.conn, table, old)
            try:
                self.conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (pk,))
            except sqlite3.IntegrityError:
                raise UserError(
                    f"{TABLE_LABELS.get(table, table)} kan niet worden verwijderd: "
                    "er hangen nog gegevens aan (bijvoorbeeld plaatsingen)."
                ) from None
            audit.write(self.conn, "delete", table, pk, old, person_id, employer_id)

    def save_settings(self, values: Mapping[str, Any]) -> None:
        """Store changed settings; each is audited. Unknown keys are refused (a typo is a bug)."""
        known = {f.name for f in dataclasses.fields(Settings)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown settings: {sorted(unknown)}")
        current = dataclasses.asdict(self.settings())
        with self.atomic():
            for key, value in values.items():
                encoded = json.dumps(to_sql(value) if isinstance(value, dt.date) else value)
                if (
                    json.dumps(
                        to_sql(current[key]) if isinstance(current[key], dt.date) else current[key]
                    )
                    == encoded
                ):
                    continue
                self.conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, encoded),
                )
                audit.write(
                    self.conn,
                    "update",
                    "settings",
                    key,
                    {key: [to_sql(current[key]), to_sql(value)]},
                )

    def remove_person(self, person_id: int) -> None:
        """Removal on request (AVG art. 17): the person and all theirs, history scrubbed.

        One audit entry stays, without personal data: that a person was removed, and when.
        """
        if self.row("persons", person_id) is None:
            raise UserError(f"Persoon {person_id} bestaat niet (meer).")
        with self.atomic():
            self.conn.execute(
                "DELETE FROM handled_signals WHERE signal_key LIKE ? OR signal_key LIKE ?",
                (f"%:person:{person_id}", f"%:person:{person_id}:%"),
            )
            self.conn.execute("DELETE FROM persons WHERE id = ?", (person_id,))
            self.conn.execute("DELETE FROM audit WHERE person_id = ?", (person_id,))
            audit.write(
                self.conn,
                "remove_on_request",
                "persons",
                None,
                {"toelichting": "persoon verwijderd op verzoek (AVG)"},
            )


def _check(table: str, record: Mapping[str, Any]) -> None:
    # Imported here: validation needs python-stdnum, which reading the register does not.
    from beschut_desktop.rules.validation import validate

    problems = validate(table, record)
    if problems:
        raise ValidationError(problems)


def _integrity(table: str, record: Mapping[str, Any], exc: sqlite3.IntegrityError) -> UserError:
    text = str(exc)
    if "UNIQUE" in text:
        column = text.rsplit(".", 1)[-1]
        value = record.get(column)
        return ValidationError({column: f"{label(column)} '{value}' bestaat al in het register"})
    if "FOREIGN KEY" in text:
        return UserError(f"{TABLE_LABELS.get(table, table)} verwijst naar iets dat niet bestaat.")
    return UserError(f"{TABLE_LABELS.get(table, table)} kan zo niet worden opgeslagen ({text}).")


def _judge_existing(path: Path) -> None:
    try:
        header = read_header(path)
    except OSError as exc:
        raise RegisterRefused(f"Het bestand {path} kan niet worden gelezen: {exc}") from None
    if not header.is_sqlite:
        raise RegisterRefused(f"{path} is geen register van beschut-desktop (geen SQLite-bestand).")
    if not header.is_register:
        raise RegisterRefused(
            f"{path} is een SQLite-bestand, maar geen register van beschut-desktop."
        )
    if header.user_version > migrations.CURRENT_VERSION:
        needed = _program_version_needed(path)
        raise RegisterRefused(
            f"{path} is gemaakt met een nieuwere versie van beschut-desktop (schema "
            f"{header.user_version}; deze versie kent schema {migrations.CURRENT_VERSION}). "
            f"Installeer beschut-desktop {needed} of nieuwer om dit register te openen."
        )


def _program_version_needed(path: Path) -> str:
    """Read, without touching the file, which program version wrote a newer register."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            found = conn.execute(
                "SELECT value FROM settings WHERE key = 'program_version'"
            ).fetchone()
        finally:
            conn.close()
        return json.loads(found[0]) if found else "een nieuwere versie"
    except (sqlite3.Error, ValueError):
        return "een nieuwere versie"


def _set_pragmas(conn: sqlite3.Connection, *, wal: bool) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    else:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")


def _translate(exc: sqlite3.Error, path: Path) -> UserError:
    text = str(exc).lower()
    if "full" in text:
        return UserError(
            f"De schijf is vol: het register {path} kon niet worden bijgewerkt. "
            "Er is niets opgeslagen."
        )
    if "readonly" in text or "read-only" in text:
        return UserError(f"Het register {path} is alleen-lezen: er kan niets worden opgeslagen.")
    if "locked" in text or "busy" in text:
        return UserError(
            f"Het register {path} is in gebruik door een ander programma. Probeer het zo opnieuw."
        )
    if "not a database" in text or "malformed" in text:
        return RegisterRefused(f"{path} is beschadigd of geen register.")
    return UserError(f"Het register {path} gaf een fout: {exc}")
