"""``--self-check``: every section and every kind of document is built, failures are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from beschut_desktop.cli import LETTER_KINDS, REPORT_KINDS, main
from beschut_desktop.demo import fill_demo
from beschut_desktop.letters.fields import KIND_LABELS
from beschut_desktop.self_check import DOCUMENT_TITLES
from beschut_desktop.store.store import Store
from beschut_desktop.ui.sections import SECTIONS


@pytest.fixture
def demo_register(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    with Store.open(path, backups=False) as store:
        fill_demo(store)
    return path


def lines_with(err: str, word: str) -> list[str]:
    return [line for line in err.splitlines() if word in line]


def test_a_sound_register_passes_every_part(qapp, demo_register: Path, capsys) -> None:
    assert main(["--db", str(demo_register), "--self-check"]) == 0
    err = capsys.readouterr().err
    for spec in SECTIONS:
        assert f"in orde      Onderdeel {spec.title}" in err
    for kind in REPORT_KINDS:
        assert f"Document {DOCUMENT_TITLES[kind]}" in err
    for kind in LETTER_KINDS:
        assert f"in orde      Brief {KIND_LABELS[kind]}" in err
    assert "Dossier van een persoon" in err and "MISLUKT" not in err
    assert "alle" in err and "in orde" in err.splitlines()[-1]


def test_a_section_that_fails_is_named_and_the_rest_still_runs(
    qapp, demo_register: Path, capsys, monkeypatch
) -> None:
    from beschut_desktop.ui.sections.signals import SignalsSection

    def broken(self) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(SignalsSection, "refresh", broken)
    assert main(["--db", str(demo_register), "--self-check"]) == 1
    err = capsys.readouterr().err
    assert lines_with(err, "MISLUKT") == ["  MISLUKT      Onderdeel Signalen: RuntimeError: kapot"]
    assert "in orde      Onderdeel Instellingen" in err
    assert "in orde      Document Taakstelling" in err
    assert "1 van" in err and "mislukt: Onderdeel Signalen. De details staan in" in err


def test_a_document_that_fails_is_named(qapp, demo_register: Path, capsys, monkeypatch) -> None:
    from beschut_desktop.documents import commands

    def broken(register, on) -> bytes:
        raise KeyError("lettertype")

    monkeypatch.setattr(commands, "build_waiting_list", broken)
    assert main(["--db", str(demo_register), "--self-check"]) == 1
    err = capsys.readouterr().err
    assert [line.split(":")[0] for line in lines_with(err, "MISLUKT")] == [
        "  MISLUKT      Document Wachtlijst"
    ]


def test_a_letter_that_fails_is_named(qapp, demo_register: Path, capsys, monkeypatch) -> None:
    from beschut_desktop.letters import making

    def broken(template, context, logo) -> bytes:
        raise KeyError("sjabloon")

    monkeypatch.setattr(making, "render_docx", broken)
    assert main(["--db", str(demo_register), "--self-check"]) == 1
    err = capsys.readouterr().err
    failed = [line.split(":")[0] for line in lines_with(err, "MISLUKT")]
    assert failed == [f"  MISLUKT      Brief {KIND_LABELS[kind]}" for kind in LETTER_KINDS]


def test_a_file_that_is_not_a_register_fails_in_dutch(qapp, tmp_path: Path, capsys) -> None:
    junk = tmp_path / "lijst.db"
    junk.write_text("geen register")
    assert main(["--db", str(junk), "--self-check"]) == 1
    err = capsys.readouterr().err
    assert "MISLUKT      Register lezen" in err and str(junk) in err
    assert "Traceback" not in err and "De details staan" not in err


def test_the_register_is_left_as_it_was(qapp, demo_register: Path) -> None:
    before = demo_register.read_bytes()
    files_before = sorted(p.name for p in demo_register.parent.iterdir())
    assert main(["--db", str(demo_register), "--self-check"]) == 0
    assert demo_register.read_bytes() == before
    assert sorted(p.name for p in demo_register.parent.iterdir()) == files_before


def test_without_a_register_it_checks_a_temporary_demo_register(
    qapp, tmp_path: Path, capsys
) -> None:
    missing = tmp_path / "nergens" / "register.db"
    assert main(["--db", str(missing), "--self-check"]) == 0
    assert "Tijdelijk demoregister" in capsys.readouterr().err
    assert not missing.parent.exists()


def test_self_check_takes_no_command(capsys) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--self-check", "demo", "--db", "x.db"])
    assert raised.value.code == 2
    assert "--self-check" in capsys.readouterr().err
