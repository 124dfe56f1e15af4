"""The Excel import: read, plan, and apply the plan in one transaction — all or nothing.

``plan_import`` does everything but write (the window shows its plan before the consultant
confirms); ``apply_plan`` writes it through the audited store in one ``atomic()`` block;
``import_file`` is the command line's whole run, creating the register when it does not exist
and leaving no file behind when the import fails.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from beschut_desktop.errors import UserError
from beschut_desktop.exchange.operations import ImportPlan, Ref
from beschut_desktop.exchange.parse import parse
from beschut_desktop.exchange.plan import make_plan
from beschut_desktop.exchange.sheets import read_workbook
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
    return make_plan(store.load(), parse(rows, problems), today or dt.date.today())


def apply_plan(store: Store, plan: ImportPlan) -> None:
    """Write the plan: one transaction, every record through the audited store."""
    if not plan.ok:
        raise UserError("Het bestand heeft nog problemen; er is niets ingelezen.")
    ids: dict[tuple, Any] = {}

    def resolve(value: Any) -> Any:
        return ids[value.key] if isinstance(value, Ref) else value

    with store.atomic():
        for op in plan.operations:
            values = {name: resolve(value) for name, value in op.values.items()}
            if op.action == "add":
                new_id = store.insert(op.table, values)
                if op.creates is not None:
                    ids[op.creates] = new_id
            else:
                store.update(op.table, op.pk, values)


def import_file(file: Path, db: Path, today: dt.date | None = None) -> ImportPlan:
    """The command line's import. A register that this run creates is removed again, with
    its -wal, -shm and backups folder, when the import fails."""
    today = today or dt.date.today()
    rows, problems = read_workbook(file)  # an unreadable file never creates a register
    parsed = parse(rows, problems)
    created = not db.exists()
    was_empty = not created and db.stat().st_size == 0
    made_dirs = _missing_parents(db)
    try:
        with Store.open(db, today=today) as store:
            plan = make_plan(store.load(), parsed, today)
            if not plan.ok:
                raise ImportRefused(file, plan)
            apply_plan(store, plan)
    except BaseException:
        if created or was_empty:
            _remove_register(db, made_dirs)
            if was_empty:
                db.touch()
        raise
    return plan


def _missing_parents(path: Path) -> list[Path]:
    missing = []
    parent = path.parent
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    return missing


def _remove_register(db: Path, made_dirs: list[Path]) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(backup_dir(db), ignore_errors=True)
    for folder in made_dirs:  # innermost first
        try:
            folder.rmdir()
        except OSError:
            break
