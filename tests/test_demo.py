"""The demo register: made-up cases in every state, and the command's refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from beschut_desktop.cli import main
from beschut_desktop.demo import fill_demo
from beschut_desktop.rules.quota import queue, quota_status
from beschut_desktop.store.store import Store


def test_demo_fills_a_staphorst_sized_register(store: Store) -> None:
    today = dt.date(2026, 11, 23)
    fill_demo(store, today=today)
    register = store.load()
    assert len(register.persons) == 10
    assert len(register.employers) == 5
    status = quota_status(register, today)
    assert status.quota is not None and 0 < status.realised <= status.quota
    statuses = {entry.status for entry in queue(register, today)}
    assert statuses  # a queue to show
    assert any("Ł" in p.first_name or "ş" in p.last_name for p in register.persons)


def test_demo_command_creates_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    target = tmp_path / "demo.db"
    assert main(["demo", "--db", str(target)]) == 0
    assert main(["demo", "--db", str(target)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["--db", str(target), "demo", "--force", "--cases", "12"]) == 0
    with Store.open(target) as store:
        assert len(store.load().persons) == 12


def test_demo_refuses_a_file_that_is_not_a_register(tmp_path: Path, capsys) -> None:
    target = tmp_path / "lijst.xlsx"
    target.write_bytes(b"PK\x03\x04 not a register")
    assert main(["demo", "--db", str(target)]) == 1
    assert target.read_bytes() == b"PK\x03\x04 not a register"
