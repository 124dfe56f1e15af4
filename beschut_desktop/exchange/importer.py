"""The Excel import: read, plan, and apply the plan in one transaction — all or nothing.

``plan_import`` does everything but write (the window shows its plan before the consultant
confirms); ``apply_plan`` plans again and writes inside one ``BEGIN IMMEDIATE`` transaction,
so that nothing another program wrote in between is planned around;
``import_file`` is the command line's whole run, creating the register when it does not exist
and leaving no file behind when the import fails.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from beschut_desktop.atomic_file import os_error_text
from beschut_desktop.errors import UserError
from beschut_desktop.exchange.operations import ImportPlan, Ref
from beschut_desktop.exchange.parse import parse
from beschut_desktop.exchange.plan import make_plan
from beschut_desktop.exchange.sheets import read_workbook
from beschut_desktop.store import lock
from beschut_desktop.store.backup import backup_dir
from beschut_desktop.store.store import Store


class ImportRefused(UserError):
    """The file has problems; ``problems`` lists them all. The register is unchanged."""

    def __init__(self, file: Path, plan: ImportPlan) -> None:
        self.problems = plan.problems
        count = len(plan.problems)
        lines = "\n".join(f"  {p}" for p in plan.problems)
        super().__init__(
            f"{file.name} is niet ingelezen; het register is niet gewijzigd.\n"
            f"{count} {'probleem' if count == 1 else 'problemen'}:\n{lines}"
        )


def plan_import(store: Store, file: Path, today: dt.date | None = None) -> ImportPlan:
    """What importing ``file`` would add and change; ``plan.problems`` says what is wrong."""
    rows, problems = read_workbook(file)
    parsed = parse(rows, problems)
    today = today or dt.date.today()
    plan = make_plan(store.load(), parsed, today)
    plan.source = (file, parsed, today)
    return plan


def apply_plan(store: Store, plan: ImportPlan) -> ImportPlan:
    """Write the plan: one write transaction, every record through the audited store.

    A plan shown earlier (the window's preview) is made again inside the transaction, from the
    register as it is now; if that differs from what was shown, nothing is written."""
    if not plan.ok:
        raise UserError("Het bestand heeft nog problemen; er is niets ingelezen.")
    with store.write_transaction():
        if plan.source is not None:
            file, parsed, today = plan.source
            fresh = make_plan(store.load(), parsed, today)
            if not fresh.ok:
                raise ImportRefused(file, fresh)
            if [op.describe() for op in fresh.operations] != [
                op.describe() for op in plan.operations
            ]:
                raise UserError(
                    f"{file.name} is niet ingelezen: het register is veranderd sinds het "
                    "overzicht werd getoond. Lees het bestand opnieuw in om te zien wat er nu "
                    "bijkomt en verandert."
                )
            plan = fresh
        _write(store, plan)
    return plan


def _write(store: Store, plan: ImportPlan) -> None:
    ids: dict[tuple, Any] = {}

    def resolve(value: Any) -> Any:
        return ids[value.key] if isinstance(value, Ref) else value

    for op in plan.operations:
        values = {name: resolve(value) for name, value in op.values.items()}
        if op.action == "add":
            new_id = store.insert(op.table, values)
            if op.creates is not None:
                ids[op.creates] = new_id
        else:
            store.update(op.table, op.pk, values)


def import_file(file: Path, db: Path, today: dt.date | None = None) -> ImportPlan:
    """The command line's import: plan and write in one write transaction, holding the
    register's lock. A register that this run creates is removed again, with its -wal, -shm
    and backups folder, when the import fails; a file another program made is never removed
    (the lock is taken before looking whether the register exists)."""
    today = today or dt.date.today()
    rows, problems = read_workbook(file)  # an unreadable file never creates a register
    parsed = parse(rows, problems)
    made_dirs = _missing_parents(db)
    try:
        if made_dirs:
            db.parent.mkdir(parents=True, exist_ok=True)
        held = lock.acquire(db)
    except OSError as exc:
        _remove_dirs(made_dirs)
        raise UserError(os_error_text(exc, db)) from None
    except BaseException:
        _remove_dirs(made_dirs)
        raise
    try:
        created = not db.exists()
        was_empty = not created and db.stat().st_size == 0
        try:
            with Store.open(db, today=today) as store, store.write_transaction():
                plan = make_plan(store.load(), parsed, today)
                if not plan.ok:
                    raise ImportRefused(file, plan)
                _write(store, plan)
        except BaseException:
            if created or was_empty:
                _remove_register(db)
                if was_empty:
                    db.touch()
            raise
    finally:
        held.release()
        if not db.exists():
            _remove_dirs(made_dirs)
    return plan


def _missing_parents(path: Path) -> list[Path]:
    missing = []
    parent = path.parent
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    return missing


def _remove_register(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(backup_dir(db), ignore_errors=True)


def _remove_dirs(made_dirs: list[Path]) -> None:
    for folder in made_dirs:  # innermost first
        try:
            folder.rmdir()
        except OSError:
            break
