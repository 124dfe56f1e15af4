"""The kill test: a writing program stopped dead (SIGKILL) at random moments, again and again.

Each round a child process opens the register (taking the lock the previous, killed one left),
writes notes one transaction at a time and reports each one only after its commit returned;
it is killed at a random moment, also in the middle of a backup. After every kill the register
must pass SQLite's integrity check and hold every note that was reported — nothing acknowledged
is lost — and every file under a backup's name must be a sound backup.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import select
import signal
import sys
from pathlib import Path

import pytest

from beschut_desktop.store import backup, lock
from beschut_desktop.store.store import Store

KILLS = 100
DAY = dt.date(2022, 9, 6)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")


def _writer(db: Path, out: int, round_number: int) -> None:
    """The child: write until killed; report each committed note on ``out``. Now and then it
    makes a backup, so that some kills land in the middle of one."""
    lock._held.clear()
    copies = db.parent / "kopieen"
    with Store.open(db, today=DAY, backups=False) as store:
        os.write(out, b"open\n")
        for count in range(1_000_000):
            if count % 3 == 1:
                backup.backup_to(store.conn, copies / f"kopie-{round_number}-{count}.db")
            text = f"{round_number}:{count}"
            with store.atomic():
                store.insert("notes", {"person_id": 1, "created_on": DAY, "text": text})
                if count % 7 == 0:
                    store.update("persons", 1, {"phone": text[-10:]})
            os.write(out, f"{text}\n".encode())


def _run_round(db: Path, round_number: int, rng: random.Random) -> set[str]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_end)
        try:
            _writer(db, write_end, round_number)
        finally:
            os._exit(0)
    os.close(write_end)
    received = b""
    while b"open\n" not in received:  # wait until it holds the register
        ready, _, _ = select.select([read_end], [], [], 30)
        assert ready, "the writer did not open the register"
        received += os.read(read_end, 65536)
    # Let it write for a random while: a few transactions, or in the middle of one.
    wait_for = rng.randint(0, 4)
    while received.count(b"\n") - 1 < wait_for:
        ready, _, _ = select.select([read_end], [], [], 30)
        assert ready
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        received += chunk
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while True:
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        received += chunk
    os.close(read_end)
    lines = received.decode().splitlines()
    return {line for line in lines[1:] if ":" in line}


def test_killed_writers_never_damage_the_register_or_lose_a_commit(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    with Store.open(db, today=DAY) as store:
        store.insert(
            "persons",
            {"bsn": "111222333", "first_name": "Jan", "last_name": "Mulder", "registered_on": DAY},
        )
    (tmp_path / "kopieen").mkdir()
    rng = random.Random(20220906)
    acknowledged: set[str] = set()
    for round_number in range(KILLS):
        acknowledged |= _run_round(db, round_number, rng)
        if round_number % 10 == 9 or round_number == KILLS - 1:
            with Store.open(db, today=DAY, backups=False, read_only=True) as store:
                assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                stored = {r[0] for r in store.conn.execute("SELECT text FROM notes")}
                audited = store.conn.execute(
                    "SELECT count(*) FROM audit WHERE table_name = 'notes'"
                ).fetchone()[0]
            missing = acknowledged - stored
            assert not missing, f"acknowledged but lost: {sorted(missing)[:5]}"
            assert audited == len(stored)  # every note has its audit entry, none without
    assert len(acknowledged) > KILLS  # the writers really wrote between the kills
    # A backup killed midway never appears under a backup's name: only checked copies do.
    copies = list((tmp_path / "kopieen").glob("*.db"))
    assert copies and all(backup.is_sound_file(c) for c in copies)
    assert all(backup.made_at(c) is not None for c in copies)
