"""No personal data in the log: a damaged register is named by table, record and field; a
fault's traceback keeps its frames but not the values in its messages."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from beschut_desktop import cli
from beschut_desktop.cli import main
from beschut_desktop.faults import log, safe_traceback, scrub_message
from beschut_desktop.store.store import Store

BSN = "123456782"
NAME = "Wubbegien"
BIRTH = "12-03-1990"


def log_text() -> str:
    """The log this process writes to (its handler is made once, by the first command run)."""
    files = [Path(h.baseFilename) for h in log.handlers if hasattr(h, "baseFilename")]
    return "".join(p.read_text(encoding="utf-8") for p in files if p.exists())


def test_damaged_register_names_the_record_not_the_first_name(tmp_path: Path, capsys) -> None:
    db = tmp_path / "register.db"
    with Store.open(db, today=dt.date(2022, 9, 6)) as store:
        store.insert(
            "persons",
            {
                "bsn": BSN,
                "first_name": "Wubbegien",
                "last_name": "Mulder",
                "registered_on": "2022-01-01",
            },
        )
        # Damage as a wrong repair tool would do it: the name lands in the date column.
        store.conn.execute("UPDATE persons SET birth_date = first_name")
        store.conn.commit()
    assert main(["report", "quota", "--db", str(db), "-o", str(tmp_path / "t.pdf")]) == 1
    err = capsys.readouterr().err
    assert "Het register is beschadigd: Persoon, record 1, veld geboortedatum" in err
    assert "Wubbegien" not in err
    assert "Wubbegien" not in log_text()


def test_a_fault_logs_its_frames_without_values(monkeypatch, tmp_path: Path, capsys) -> None:
    def broken(args):
        try:
            dt.date.fromisoformat(NAME)
        except ValueError as exc:
            raise RuntimeError(f"persoon {BSN} met naam '{NAME}' geboren {BIRTH}") from exc

    monkeypatch.setattr(cli, "_handler", lambda command: broken)
    assert main(["demo", "--db", str(tmp_path / "x.db")]) == 1
    text = log_text()
    assert "RuntimeError" in text and "ValueError" in text and "in broken" in text
    for value in (NAME, BSN, BIRTH, "1990"):
        assert value not in text
    assert "Wubbegien" not in capsys.readouterr().err


def test_scrubbing_keeps_the_kind_of_fault() -> None:
    assert scrub_message("ValueError: Invalid isoformat string: 'Jan'") == (
        "ValueError: Invalid isoformat string: '…'"
    )
    assert scrub_message(f"KeyError: {BSN}") == "KeyError: …"
    try:
        raise ValueError(f"bsn {BSN}")
    except ValueError:
        text = safe_traceback(sys.exc_info())
    assert "ValueError: bsn …" in text and BSN not in text and os.path.basename(__file__) in text
