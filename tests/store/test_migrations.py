"""Every frozen register of every schema version opens, climbs the ladder and keeps its data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from beschut_desktop.store import migrations
from beschut_desktop.store.backup import backup_dir
from beschut_desktop.store.store import Store

FROZEN = sorted((Path(__file__).parent.parent / "registers").glob("v*.db"))


def test_there_is_a_frozen_register_for_every_schema_version() -> None:
    versions = sorted(int(p.stem[1:]) for p in FROZEN)
    assert versions == list(range(1, migrations.CURRENT_VERSION + 1))


@pytest.mark.parametrize("frozen", FROZEN, ids=lambda p: p.stem)
def test_frozen_register_migrates_to_the_current_schema(frozen: Path, tmp_path: Path) -> None:
    copy = tmp_path / "register.db"
    shutil.copy(frozen, copy)
    with Store.open(copy) as store:
        assert migrations.schema_version(store.conn) == migrations.CURRENT_VERSION
        register = store.load()
        assert len(register.persons) == 10
        assert len(register.employers) == 5
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    from_version = int(frozen.stem[1:])
    if from_version < migrations.CURRENT_VERSION:
        assert list((backup_dir(copy) / "voor-migratie").glob("*.db"))


def test_ladder_from_empty_reaches_current_one_step_at_a_time(tmp_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(tmp_path / "leeg.db")
    for version in range(1, migrations.CURRENT_VERSION + 1):
        assert migrations.migrate(conn, up_to=version) == [version]
        assert migrations.schema_version(conn) == version
    conn.close()


def test_outcome_dates_step_dates_recorded_outcomes_from_the_audit_trail(tmp_path: Path) -> None:
    """R20: an outcome counts from the day it was recorded; the audit trail knows that day."""
    import datetime as dt

    copy = tmp_path / "register.db"
    shutil.copy(Path(__file__).parent.parent / "registers" / "v1.db", copy)
    with Store.open(copy) as store:
        recorded = store.conn.execute(
            "SELECT substr(max(at), 1, 10) FROM audit WHERE table_name = 'placements' "
            "AND record_id = '7'"
        ).fetchone()[0]
        register = store.load()
    dismissed = register.placement(7)
    assert dismissed.outcome == "dismissed"
    assert dismissed.outcome_date == dt.date.fromisoformat(recorded)
    assert all(p.outcome_date is None for p in register.placements if p.outcome is None)
    assert all(p.offer_answered_on is None for p in register.placements)
