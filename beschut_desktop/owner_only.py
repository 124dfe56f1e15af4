"""Files with personal data readable by their owner only: the register with its -wal and -shm,
every backup and the log (mode 600, folders 700).

The command line sets a restrictive umask for the whole process before anything is written, so
that every file the program creates starts owner-only; ``restrict`` also narrows files that an
older version left readable. On Windows the register, backups and log live in the user's own
profile folder (AppData\\Local), which Windows already keeps private to that user; the POSIX
modes do not apply there.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
UMASK = 0o077
POSIX = os.name == "posix"


def private_umask() -> None:
    """From here on, everything this process creates is owner-only."""
    if POSIX:
        os.umask(UMASK)


def restrict(paths: Iterable[Path]) -> None:
    """Make existing files owner-only (missing ones are skipped; a file of another user or on
    read-only media that cannot be changed is left as it is — opening it says what is wrong)."""
    if not POSIX:
        return
    for path in paths:
        try:
            if path.is_dir():
                path.chmod(FOLDER_MODE)
            elif path.exists():
                path.chmod(FILE_MODE)
        except OSError:
            continue


def restrict_tree(folder: Path) -> None:
    """A folder of private files (the backups): the folder, its subfolders and files."""
    if POSIX and folder.is_dir():
        restrict([folder, *folder.rglob("*")])


def make_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) owner-only; an existing folder is left as it is,
    since it may be one the user chose (their Documents, a shared drive)."""
    missing = []
    parent = folder
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    folder.mkdir(parents=True, exist_ok=True)
    restrict(missing)
    return folder


def register_files(register: Path) -> list[Path]:
    return [register, *(Path(f"{register}{suffix}") for suffix in ("-wal", "-shm", "-journal"))]
