"""``check``, ``backup`` and ``restore`` on the command line (``shared/cli.md``).

``check`` and ``backup`` only read: they work while the window (or another writer) has the
register open. ``restore`` writes and takes the register's lock.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from beschut_desktop.errors import UserError
from beschut_desktop.store import backup, health
from beschut_desktop.store.header import read_header
from beschut_desktop.store.restore import restore
from beschut_desktop.store.store import Store


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    db: Path = args.db
    if not db.exists():
        raise UserError(f"Het register {db} bestaat niet.")
    problems = health.file_problems(db)
    good = backup.newest_good_backup(db)
    if problems:
        _say(f"Het register {db} is niet in orde: {'; '.join(problems)}.")
        _say(health.advice(db, good))
        return 1
    version = read_header(db).user_version
    _say(f"Het register {db} is in orde (schema {version}).")
    if good is not None:
        _say(f"De nieuwste goede back-up is {good.path} (gemaakt op {health.when(good)}).")
    else:
        _say(f"Er is nog geen back-up in {backup.backup_dir(db)}.")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    output = Path(args.output)
    with Store.open(args.db, create=False, read_only=True, backups=False) as store:
        backup.backup_to(store.conn, output)
    _say(f"Back-up van {args.db} geschreven naar {output}.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    saved = restore(Path(args.file), args.db)
    _say(f"{args.file} is teruggezet als {args.db}.")
    if saved is not None:
        _say(f"Het register dat is vervangen staat in {saved}.")
    return 0
