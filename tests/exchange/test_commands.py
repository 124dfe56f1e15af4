"""The exchange commands as shared/cli.md fixes them: exit codes, Dutch on stderr, no leftovers."""

from __future__ import annotations

from pathlib import Path

from exchange_helpers import BSN_A, good_sheets, write_xlsx

from beschut_desktop.cli import main
from beschut_desktop.store.store import Store


def test_import_creates_the_register(tmp_path: Path, good_file: Path, capsys) -> None:
    db = tmp_path / "nieuw" / "register.db"
    assert main(["import", str(good_file), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "lijst.xlsx is ingelezen" in err and "Persoon: 4 nieuw" in err
    with Store.open(db) as store:
        assert store.load().person_by_bsn(BSN_A) is not None
    assert main(["--db", str(db), "import", str(good_file)]) == 0
    assert "Er veranderde niets" in capsys.readouterr().err


def test_failed_import_into_a_new_register_leaves_no_file(tmp_path: Path, capsys) -> None:
    sheets = good_sheets()
    sheets["Plaatsingen"][1][2] = "31-6-2022"
    bad = write_xlsx(tmp_path / "fout.xlsx", sheets)
    db = tmp_path / "nieuw" / "dieper" / "register.db"
    assert main(["import", str(bad), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "Plaatsingen, rij 2, kolom Startdatum: '31-6-2022' bestaat niet als datum" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fout.xlsx"]


def test_failed_import_keeps_an_existing_register_as_it_was(tmp_path: Path, capsys) -> None:
    db = tmp_path / "register.db"
    with Store.open(db):
        pass
    sheets = good_sheets()
    sheets["Personen"][1][0] = "123"
    bad = write_xlsx(tmp_path / "fout.xlsx", sheets)
    before = db.read_bytes()
    assert main(["import", str(bad), "--db", str(db)]) == 1
    assert "kolom BSN: '123' is geen geldig BSN" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_export_template_and_calendar(tmp_path: Path, good_file: Path, capsys) -> None:
    db = tmp_path / "register.db"
    assert main(["import", str(good_file), "--db", str(db)]) == 0
    assert main(["export", str(tmp_path / "uit.xlsx"), "--db", str(db)]) == 0
    assert main(["export", str(tmp_path / "controller.xlsx"), "--db", str(db), "--zonder-bsn"]) == 0
    assert main(["template", str(tmp_path / "sjabloon.xlsx")]) == 0
    assert (
        main(
            [
                "calendar",
                "--db",
                str(db),
                "-o",
                str(tmp_path / "termijnen.ics"),
                "--date",
                "6-9-2022",
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert "zonder BSN's geschreven naar" in err and "wat te laat is en de komende twaalf" in err
    for name in ("uit.xlsx", "controller.xlsx", "sjabloon.xlsx", "termijnen.ics"):
        assert (tmp_path / name).stat().st_size > 0


def test_export_of_a_missing_register_exits_1(tmp_path: Path, capsys) -> None:
    assert main(["export", str(tmp_path / "uit.xlsx"), "--db", str(tmp_path / "geen.db")]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_import_of_a_missing_file_exits_1_and_creates_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "register.db"
    assert main(["import", str(tmp_path / "weg.xlsx"), "--db", str(db)]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert not db.exists()
