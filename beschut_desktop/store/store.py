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
import json
import sqlite3
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlite_utils

from beschut_desktop.atomic_file import os_error_text
from beschut_desktop.errors import RegisterRefused, UserError, ValidationError
from beschut_desktop.owner_only import make_private_dir, register_files, restrict, restrict_tree
from beschut_desktop.rules.model import Register, Settings
from beschut_desktop.rules.validation import normalise_bsn, validate
from beschut_desktop.store import audit, backup, erasure, lock, migrations, notices, retention
from beschut_desktop.store.backup import integrity_problems
from beschut_desktop.store.employer_identity import (
    EMPLOYER_NAME_TAKEN,
    employer_name_taken,
    name_taken_by,
)
from beschut_desktop.store.header import read_header
from beschut_desktop.store.health import RegisterDamaged
from beschut_desktop.store.loader import load_register, load_settings
from beschut_desktop.store.location import risky_location
from beschut_desktop.wording import TABLE_LABELS, label

PRIMARY_KEYS = {"quota_years": "year", "settings": "key"}


def _normalised(table: str, record: dict[str, Any]) -> dict[str, Any]:
    """A BSN in any digits (fullwidth ０-９ …) is stored in ASCII digits, so that the unique
    index sees one person however the number was typed."""
    if table == "persons" and isinstance(record.get("bsn"), str):
        record["bsn"] = normalise_bsn(record["bsn"])
    return record


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
        self.db = sqlite_utils.Database(conn)
        self.warnings = warnings
        self.read_only = False
        self.read_only_reason = ""  # read-only mode: why (who writes it), for the window
        self.lock: lock.WriterLock | None = None

    # ---- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        today: dt.date | None = None,
        backups: bool = True,
        read_only: bool = False,
    ) -> Store:
        """Open the register. A writer (the default) takes the register's lock first and is
        refused with ``RegisterLocked`` while another program writes; ``read_only`` takes no
        lock, writes nothing and changes nothing about the file (reports, export, checks)."""
        path = Path(path)
        if create and not read_only and not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise RegisterRefused(os_error_text(exc, path)) from None
        writer_lock = None if read_only else lock.acquire(path)
        try:
            store = cls._open(path, create and not read_only, today, backups, read_only)
        except BaseException:
            if writer_lock is not None:
                writer_lock.release()
            raise
        store.lock = writer_lock
        for warning in store.warnings:
            notices.say(warning)
        return store

    @classmethod
    def _open(
        cls, path: Path, create: bool, today: dt.date | None, backups: bool, read_only: bool
    ) -> Store:
        is_new = not path.exists() or path.stat().st_size == 0
        if is_new and not create:
            raise RegisterRefused(f"Het register {path} bestaat niet.")
        if not is_new:
            _judge_existing(path)
        warning = risky_location(path.parent if is_new else path)
        warnings = [warning] if warning else []
        try:
            if is_new:
                make_private_dir(path.parent)
                # An erasure log left by an earlier register of this name is not this one's.
                erasure.log_file(path).unlink(missing_ok=True)
            conn = sqlite3.connect(path, timeout=5.0)
            # Before the -wal and -shm exist: SQLite gives them the register's own mode.
            if not read_only:
                restrict(register_files(path))
        except sqlite3.Error as exc:
            raise _translate(exc, path) from None
        except OSError as exc:
            raise RegisterRefused(os_error_text(exc, path)) from None
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            if not is_new:
                problems = integrity_problems(conn, quick=True)
                if problems:
                    raise RegisterDamaged(path, problems[0])
            if not read_only:
                changed = _set_journal_mode(conn, wal=warning is None)
                if changed and not is_new:
                    warnings.append(changed)
            _set_pragmas(conn)
            if not is_new and backups:
                try:
                    backup.daily_backup(conn, path, today or dt.date.today())
                except (UserError, OSError, sqlite3.Error) as exc:
                    warnings.append(_backup_failed(path, exc))
            version = migrations.schema_version(conn)
            if version < migrations.CURRENT_VERSION:
                if read_only:
                    _migrate_while_reading(conn, path, backups)
                else:
                    _migrate(conn, path, version, backups=backups and not is_new)
            if not read_only and not is_new and erasure.pending(conn, path):
                again = erasure.reapply(conn, path)
                if again:
                    warnings.append(
                        f"Dit register is ouder dan {len(again)} verwijdering(en) op verzoek "
                        f"({', '.join(again)}); die zijn opnieuw uitgevoerd."
                    )
            if not read_only and not is_new and backups:
                retention.expire_backups(path, today or dt.date.today())
            if not read_only:
                restrict_tree(backup.backup_dir(path))
            if read_only:
                conn.execute("PRAGMA query_only = ON")
        except sqlite3.Error as exc:
            conn.close()
            raise _translate(exc, path) from None
        except BaseException:
            conn.close()
            raise
        store = cls(path, conn, warnings)
        store.read_only = read_only
        return store

    def close(self) -> None:
        self.conn.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

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
        """Changes of one person or employer, newest first (reads are in ``audit_trail``)."""
        changes = f"action != '{audit.READ}'"
        if person_id is not None:
            return self.rows(
                "audit", f"person_id = ? AND {changes}", (person_id,), order_by="id desc"
            )
        if employer_id is not None:
            return self.rows(
                "audit", f"employer_id = ? AND {changes}", (employer_id,), order_by="id desc"
            )
        return self.rows("audit", changes, order_by="id desc")

    def audit_read(
        self, kind: str, *, person_id: int | None = None, subject: str | None = None
    ) -> None:
        """Record that personal data was read or handed out, before the output is made;
        raises ``UserError`` (and the output must not be made) when that cannot be written.

        A register opened to read (a report while the window writes, a second window) still
        appends this one entry: it takes no writer lock, only SQLite's own short write lock."""
        if not self.read_only:
            audit.write_read(self.conn, self.path, kind, person_id=person_id, subject=subject)
            return
        self.conn.execute("PRAGMA query_only = OFF")
        try:
            audit.write_read(self.conn, self.path, kind, person_id=person_id, subject=subject)
        finally:
            self.conn.execute("PRAGMA query_only = ON")

    # ---- writing -----------------------------------------------------------------------

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Store]:
        """One user action: everything inside commits together, audit included, or not at all."""
        self._refuse_if_read_only()
        try:
            with self.db.atomic():
                yield self
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from None

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise UserError(
                f"Het register {self.path} is alleen geopend om te lezen; er is niets "
                f"opgeslagen. {self.read_only_reason}".strip()
            )

    @contextlib.contextmanager
    def write_transaction(self) -> Iterator[Store]:
        """Read and write as one: ``BEGIN IMMEDIATE`` takes SQLite's write lock before the first
        read, so what is read inside (a plan, a check for duplicates) is still true when the
        writes inside commit. Inner ``atomic()`` blocks become savepoints."""
        self._refuse_if_read_only()
        if self.conn.in_transaction:
            with self.atomic():
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from None
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise _translate(exc, self.path) from None

    def insert(self, table: str, values: Mapping[str, Any]) -> Any:
        record = _normalised(table, {k: to_sql(v) for k, v in values.items()})
        _check(table, record)
        self._check_identity(table, record, None)
        with self.atomic():
            if table == "persons" and record.get("id") is None:
                # A case number (BW-…) is never handed out twice, also after an erasure.
                record["id"] = erasure.next_person_id(self.conn)
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
        changes = _normalised(table, {k: to_sql(v) for k, v in values.items()})
        _check(table, {**old, **changes})
        self._check_identity(table, {**old, **changes}, pk)
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

    def _check_identity(self, table: str, record: Mapping[str, Any], pk: Any) -> None:
        if table != "employers" or not record.get("name"):
            return
        others = [
            _Row(*row) for row in self.conn.execute("SELECT id, name, kvk_number FROM employers")
        ]
        if name_taken_by(others, record["name"], record.get("kvk_number"), pk) is not None:
            raise ValidationError({"name": employer_name_taken(record["name"])})

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

    def remove_person(self, person_id: int, today: dt.date | None = None) -> None:
        """Removal on request (AVG art. 17), complete (``store.erasure``): the person, all
        theirs and every trace; one audit entry and the erasure log without personal data."""
        if self.row("persons", person_id) is None:
            raise UserError(f"Persoon {person_id} bestaat niet (meer).")
        on = today or dt.date.today()
        with self.atomic():
            number = erasure.erase(self.conn, person_id, on)
        erasure.checkpoint(self.conn)
        try:
            erasure.append_to_log(self.path, number, on)
        except OSError as exc:
            raise UserError(
                f"{number} is verwijderd, maar het verwijderlogboek naast het register kon niet "
                f"worden bijgewerkt ({exc.strerror or exc}). Na het terugzetten van een back-up "
                f"moet {number} opnieuw worden verwijderd."
            ) from None


@dataclasses.dataclass(frozen=True)
class _Row:
    id: Any
    name: str
    kvk_number: str | None


def _check(table: str, record: Mapping[str, Any]) -> None:
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
    if "NOT NULL" in text:
        column = text.rsplit(".", 1)[-1]
        return ValidationError({column: f"{label(column)} is verplicht"})
    if "CHECK" in text:
        expression = text.split(":", 1)[-1].strip()
        column = expression.split(" ", 1)[0].strip('()"')
        if column in record:
            value = record.get(column)
            return ValidationError({column: f"{label(column)} '{value}' is hier niet toegestaan"})
    if EMPLOYER_NAME_TAKEN in text:
        return ValidationError({"name": employer_name_taken(record.get("name"))})
    return UserError(
        f"{TABLE_LABELS.get(table, table)} kan zo niet worden opgeslagen: een waarde voldoet niet "
        "aan de regels van het register."
    )


def _judge_existing(path: Path) -> None:
    try:
        header = read_header(path)
    except OSError as exc:
        raise RegisterRefused(
            f"Het bestand {path} kan niet worden gelezen (systeemfout {exc.errno})."
        ) from None
    if not header.is_sqlite and backup.all_backups(path):
        # It had backups, so it was a register: its beginning has been overwritten.
        raise RegisterDamaged(path, "het begin van het bestand is overschreven")
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


def _set_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    # Deleted records are overwritten, not left readable in free space (erasure on request).
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA synchronous = FULL")


def _set_journal_mode(conn: sqlite3.Connection, *, wal: bool) -> str | None:
    """WAL on a local disk, DELETE on a share or in a cloud folder; a change is said."""
    wanted = "wal" if wal else "delete"
    current = conn.execute("PRAGMA journal_mode").fetchone()[0].lower()
    if current == wanted:
        return None
    conn.execute(f"PRAGMA journal_mode = {wanted.upper()}")
    if wal:
        return (
            "Het register staat nu op een lokale schijf; het werkt voortaan met een logbestand "
            "ernaast (WAL), dat sneller en veiliger is."
        )
    return (
        "Het register werkt daarom voortaan zonder logbestand ernaast (journaal in plaats "
        "van WAL): dat is trager, maar veiliger in zo'n map."
    )


def _backup_failed(path: Path, exc: BaseException) -> str:
    if isinstance(exc, UserError):
        reason = exc.message
    elif isinstance(exc, OSError):
        reason = os_error_text(exc, backup.backup_dir(path))
    else:
        reason = _translate(exc, path).message  # type: ignore[arg-type]
    return f"Er is vandaag geen back-up gemaakt van het register. {reason}"


def _migrate(conn: sqlite3.Connection, path: Path, version: int, *, backups: bool) -> None:
    if backups:
        backup.migration_backup(conn, path, version)
    migrations.migrate(conn)
    # The header's version and application id must reach the main file at once:
    # another process judges a register by its header before opening it.
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _migrate_while_reading(conn: sqlite3.Connection, path: Path, backups: bool) -> None:
    """An older register opened to read: brought up to date under the writer's lock."""
    held = lock.acquire(path)
    try:
        version = migrations.schema_version(conn)
        if version < migrations.CURRENT_VERSION:
            _migrate(conn, path, version, backups=backups)
    finally:
        held.release()


def _translate(exc: sqlite3.Error, path: Path) -> UserError:
    """SQLite's English error as a Dutch sentence; the English never reaches the user."""
    text = str(exc).lower()
    if "full" in text:
        return UserError(
            f"De schijf is vol: het register {path} kon niet worden bijgewerkt. "
            "Er is niets opgeslagen. Maak ruimte vrij en probeer opnieuw."
        )
    if "readonly" in text or "read-only" in text:
        return lock.RegisterFolderReadOnly(
            f"Het register {path} is alleen-lezen (het bestand of de map): er kan niets "
            "worden opgeslagen."
        )
    if "locked" in text or "busy" in text:
        return UserError(
            f"Het register {path} is in gebruik door een ander programma. Probeer het zo opnieuw."
        )
    if "not a database" in text or "malformed" in text:
        return RegisterDamaged(path, "de opbouw van het bestand klopt niet")
    if "disk i/o" in text:
        return UserError(
            f"De schijf gaf een lees- of schrijffout bij het register {path}. Er is niets "
            "opgeslagen. Controleer de schijf (is een usb-stick of netwerkschijf weggevallen?)."
        )
    if "unable to open" in text:
        return UserError(
            f"Het register {path} kan niet worden geopend: de map bestaat niet of is niet "
            "toegankelijk."
        )
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    return UserError(f"Het register {path} gaf een fout (SQLite: {name}); er is niets opgeslagen.")
