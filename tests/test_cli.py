"""The command-line contract of shared/cli.md: Dutch messages, exit codes, --db anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from beschut_desktop import cli
from beschut_desktop.cli import build_parser, main


def test_db_before_or_after_the_command_is_the_same(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    parser = build_parser()
    before = parser.parse_args(["--db", str(db), "report", "quota", "-o", "x.pdf"])
    after = parser.parse_args(["report", "quota", "-o", "x.pdf", "--db", str(db)])
    assert before.db == after.db == db


def test_without_db_the_default_register_is_used(tmp_path: Path) -> None:
    args = build_parser().parse_args(["calendar", "-o", "x.ics"])
    assert cli.resolve_db(args).name == "register.db"


def test_wrong_command_line_exits_2_in_dutch(capsys) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["report", "onbekend", "-o", "x.pdf"])
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert "gebruik:" in err and "fout:" in err and "ongeldige keuze" in err


def test_bad_date_exits_2_naming_the_value(capsys) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["report", "quota", "-o", "x.pdf", "--date", "31-02-2022"])
    assert raised.value.code == 2
    assert "31-02-2022" in capsys.readouterr().err


def test_help_is_dutch(capsys) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--help"])
    assert raised.value.code == 0
    out = capsys.readouterr().out
    assert "opdrachten" in out and "toon deze hulp" in out


def test_unexpected_fault_is_one_dutch_line_and_logged(monkeypatch, capsys, tmp_path) -> None:
    def broken(args):
        raise RuntimeError("kapot")

    monkeypatch.setattr(cli, "_handler", lambda command: broken)
    assert main(["demo", "--db", str(tmp_path / "x.db")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("Er ging iets onverwachts mis") and ".log" in err


def test_dutch_parser_leaves_argparse_itself_alone(capsys) -> None:
    import argparse

    plain = argparse.ArgumentParser(prog="ander")
    with pytest.raises(SystemExit):
        plain.parse_args(["--onbekend"])
    assert "usage: ander" in capsys.readouterr().err


def test_argparse_errors_in_dutch_keep_the_values_they_name() -> None:
    from beschut_desktop.argparse_nl import dutch

    assert dutch("argument -o: expected one argument") == "argument -o: verwacht één waarde"
    assert (
        dutch("argument SOORT: invalid choice: 'x' (choose from 'quota', 'case')")
        == "argument SOORT: ongeldige keuze: 'x' (kies uit 'quota', 'case')"
    )
    assert dutch("unrecognized arguments: --x y") == "onbekende argumenten: --x y"
