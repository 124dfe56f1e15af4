"""The command line audits every report and export before writing it; when the audit entry
cannot be written, nothing is written and the command says why in Dutch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from beschut_desktop.cli import main
from beschut_desktop.store import audit
from beschut_desktop.store.store import Store

BSN = "111222333"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "register.db"
    with Store.open(path, today=dt.date(2022, 9, 6)) as store:
        store.insert(
            "persons",
            {"bsn": BSN, "first_name": "Jan", "last_name": "Jansen", "registered_on": "2022-01-01"},
        )
    return path


def reads(db: Path) -> list[tuple]:
    with Store.open(db, backups=False) as store:
        return [
            (e["table_name"], e["person_id"]) for e in reversed(audit.trail(store.conn, reads=True))
        ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["report", "case", "--bsn", BSN, "-o", "{out}.pdf"], ("report", 1)),
        (["report", "quota", "-o", "{out}.pdf"], ("report", None)),
        (["export", "{out}.xlsx"], ("export", None)),
        (["export", "{out}.xlsx", "--zonder-bsn"], ("export_without_bsn", None)),
        (["calendar", "-o", "{out}.ics"], ("calendar", None)),
    ],
)
def test_every_report_and_export_is_audited(db, tmp_path, args, expected) -> None:
    out = str(tmp_path / "uit")
    assert main([a.format(out=out) for a in args] + ["--db", str(db)]) == 0
    assert reads(db) == [expected]


@pytest.mark.parametrize(
    "args",
    [
        ["report", "case", "--bsn", BSN, "-o", "{out}.pdf"],
        ["export", "{out}.xlsx"],
        ["calendar", "-o", "{out}.ics"],
    ],
)
def test_no_audit_entry_no_output(db, tmp_path, capsys, args) -> None:
    with Store.open(db, backups=False) as store:
        store.conn.execute(
            "CREATE TRIGGER no_reads BEFORE INSERT ON audit WHEN NEW.action = 'read' "
            "BEGIN SELECT RAISE(ABORT, 'vol'); END"
        )
        store.conn.commit()
    out = tmp_path / "uit"
    assert main([a.format(out=out) for a in args] + ["--db", str(db)]) == 1
    assert "auditspoor" in capsys.readouterr().err
    assert list(tmp_path.glob("uit*")) == []
