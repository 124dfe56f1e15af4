"""Owner-only files: a new register, its -wal and -shm, every backup and the log are mode 600
in folders of mode 700 — also when the user's umask would make them readable for all."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from beschut_desktop.store.backup import backup_dir
from beschut_desktop.store.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows keeps the profile private")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(*args: str) -> None:
    # A umask that would make every file readable for all users, as on many workstations.
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import os,sys; os.umask(0o022); "
            "from beschut_desktop.cli import main; sys.exit(main(sys.argv[1:]))",
            *args,
        ],
        check=True,
        capture_output=True,
    )


def test_register_backups_and_log_are_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "nieuwe map" / "register.db"
    run("demo", "--db", str(db), "--cases", "3")
    run("export", str(tmp_path / "export.xlsx"), "--db", str(db))  # opening again: a backup
    backups = sorted(backup_dir(db).rglob("*"))
    assert any(p.suffix == ".db" for p in backups)
    logs = sorted((Path(os.environ["XDG_STATE_HOME"]) / "beschut-desktop").rglob("*"))
    assert any(p.name.endswith(".log") for p in logs)
    for path in [db, tmp_path / "export.xlsx", *backups, *logs]:
        expected = 0o700 if path.is_dir() else 0o600
        assert mode(path) == expected, (path, oct(mode(path)))
    assert mode(db.parent) == 0o700


def test_an_older_readable_register_is_narrowed_on_opening(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    old = os.umask(0o022)
    try:
        Store.open(db, today=dt.date(2022, 9, 5)).close()
        db.chmod(0o644)
        with Store.open(db, today=dt.date(2022, 9, 6)) as store:
            store.insert("employers", {"name": "Bakkerij Post", "kind": "private"})
            companions = [Path(f"{db}-wal"), Path(f"{db}-shm")]
            assert all(p.exists() for p in companions)
            assert [mode(p) for p in [db, *companions]] == [0o600] * 3
            backups = sorted(backup_dir(db).rglob("*"))
            assert backups and all(mode(p) == (0o700 if p.is_dir() else 0o600) for p in backups)
    finally:
        os.umask(old)
